#!/usr/bin/env python3
"""Gives Chinese text its full-width punctuation.

Inside string literals that contain Chinese, an ASCII , : ; ? ! ( ) next to Chinese text
becomes ，：；？！（）. Times (9:30), ids, English and {placeholders} are left alone. Used on
guides/*.toml and on the Chinese strings in src/. Prints the files it changed.

Usage: scripts/zh-punctuation.py FILE...
"""
import re
import sys

FULL = {",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "?": "\uff1f", "!": "\uff01", "(": "\uff08", ")": "\uff09"}
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


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
            full = is_cjk(prev) or is_cjk(nxt)
            open_converted.append(full)
            out.append(FULL[c] if full else c)
        elif c == ")":
            full = open_converted.pop() if open_converted else (is_cjk(prev) or is_cjk(nxt))
            out.append(FULL[c] if full else c)
        elif c in FULL:
            # After Chinese (or a full-width mark), and not inside a time like 9:30.
            full = is_cjk(prev) and not (c == ":" and nxt.isdigit() and prev.isdigit())
            out.append(FULL[c] if full else c)
            if full and nxt == " ":
                continue
        else:
            out.append(c)
    converted = "".join(out)
    # A full-width mark swallows the space an English habit put after it.
    return re.sub("([\uff0c\uff1a\uff1b\uff1f\uff01]) (?=[\u4e00-\u9fff\u201c])", r"\1", converted)


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        result = STRING.sub(lambda m: '"' + convert(m.group(1)) + '"', source)
        if result != source:
            with open(path, "w", encoding="utf-8") as f:
                f.write(result)
            print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
