#!/usr/bin/env python3
"""Gives Chinese text its full-width punctuation.

Inside string literals that contain Chinese, an ASCII , : ; ? ! ( ) next to Chinese text
becomes ，：；？！（）. "Next to" means on either side: "App,看看" and "{amount},需要" are
caught as well as "看看,App". Times (9:30), numbers (1,299.00), English and {placeholders}
are left alone. Used on guides/*.toml and on the Chinese strings in src/. Prints the files it
changed; with --check, changes nothing, prints each offending line and exits 1 if any.

Usage: scripts/zh-punctuation.py [--check] FILE...
"""
import re
import sys

FULL = {",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "?": "\uff1f", "!": "\uff01", "(": "\uff08", ")": "\uff09"}
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
# An English text in a guide (`en = "…"`, `text.en-uk = "…"`) may quote a Chinese menu name
# and keeps its ASCII punctuation.
ENGLISH_KEY = re.compile(r'\ben(?:-[a-z]+)?\s*=\s*$')


def is_cjk(ch):
    if not ch:
        return False
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or ch in "\u201c\u201d\u2018\u2019\u2026\u2014")


def convert(text):
    if not any(0x4E00 <= ord(c) <= 0x9FFF for c in text):
        return text
    out = []
    open_converted = []
    for i, c in enumerate(text):
        prev = out[-1] if out else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if c == "(":
            close = text.find(")", i)
            inside = text[i + 1:close] if close > 0 else ""
            full = is_cjk(prev) or is_cjk(nxt) or any(0x4E00 <= ord(x) <= 0x9FFF for x in inside)
            open_converted.append(full)
            out.append(FULL[c] if full else c)
        elif c == ")":
            full = open_converted.pop() if open_converted else (is_cjk(prev) or is_cjk(nxt))
            out.append(FULL[c] if full else c)
        elif c in FULL:
            # After Chinese (or a full-width mark), or before it (a space between is an English
            # habit), and not inside a time like 9:30.
            after = text[i + 1:i + 3].lstrip(" ")[:1]
            full = (is_cjk(prev) or is_cjk(after)) and not (
                c == ":" and nxt.isdigit() and prev.isdigit())
            out.append(FULL[c] if full else c)
            if full and nxt == " ":
                continue
        else:
            out.append(c)
    converted = "".join(out)
    # A full-width mark swallows the space an English habit put after it.
    return re.sub("([\uff0c\uff1a\uff1b\uff1f\uff01]) (?=[\u4e00-\u9fff\u201c])", r"\1", converted)


def english(source, at):
    """Whether the string starting at `at` is the value of an English key."""
    line_start = source.rfind("\n", 0, at) + 1
    return bool(ENGLISH_KEY.search(source[line_start:at]))


def main(args):
    check = "--check" in args
    found = False
    for path in (a for a in args if a != "--check"):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        result = STRING.sub(lambda m: m.group(0) if english(source, m.start())
                            else '"' + convert(m.group(1)) + '"', source)
        if result == source:
            continue
        if check:
            found = True
            for n, (old, new) in enumerate(zip(source.splitlines(), result.splitlines()), 1):
                if old != new:
                    print(f"{path}:{n}: {old.strip()}")
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(result)
            print(path)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
