//! The rules for what a guide puts on a command line or a screen: ids and aliases that cannot
//! pass for an option or a built-in command, and text without control characters, terminal
//! escapes or bidi overrides.
//!
//! Plain functions without dependencies: `build.rs` includes this file, so the bundled
//! guides' header index applies exactly the rules `guides check` and the catalog apply.

/// Built-in command names (SPEC "Commands"); no guide id or alias may take one.
pub const RESERVED: [&str; 14] = [
    "list",
    "search",
    "open",
    "link",
    "guides",
    "completions",
    "man",
    "setup",
    "config",
    "resume",
    "cases",
    "report",
    "help",
    "version",
];

/// What an alias may be, for messages.
pub const NAME_RULE: &str =
    "letters (Chinese included), digits and '-', not starting with '-', without spaces";

/// Whether `name` may be a guide alias: letters (Chinese included), digits and `-`, not
/// starting with `-` (it would read as an option: `--config`, `-o`), and not a built-in
/// command. A guide's `id` follows the stricter id rule as well.
pub fn is_command_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('-')
        && name.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !is_reserved(name)
}

/// Whether `name` is a built-in command.
pub fn is_reserved(name: &str) -> bool {
    RESERVED.contains(&name)
}

/// A step, choice or guide id: lowercase ASCII letters, digits and `-`, starting with a letter.
pub fn is_valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The first character of `text` that must never reach a terminal, with its byte offset:
/// C0 and C1 controls (ESC among them, which starts every terminal escape: screen clears,
/// OSC 52 clipboard writes, OSC 8 links), DEL, line and paragraph separators, and the bidi
/// controls that can make text read in another order than it is stored. `\n` is allowed
/// only where `newlines` says a long text may have paragraphs.
pub fn forbidden_char(text: &str, newlines: bool) -> Option<(usize, char)> {
    // Every forbidden character is an ASCII control or starts with one of three lead bytes
    // (C1 controls, U+061C, and the U+2000 block): most texts are passed over byte by byte.
    if !text
        .bytes()
        .any(|b| b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2))
    {
        return None;
    }
    text.char_indices()
        .find(|&(_, c)| is_forbidden(c) && !(newlines && c == '\n'))
}

/// Whether `c` is a character no guide text may hold (see `forbidden_char`).
pub fn is_forbidden(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// What kind of character `c` is, in words, for an error message.
pub fn describe(c: char) -> &'static str {
    match c {
        '\u{1B}' => "an escape character (it starts terminal escape sequences)",
        '\u{9B}' => "a C1 control sequence introducer",
        '\n' => "a line break",
        '\t' => "a tab",
        '\r' => "a carriage return",
        c if is_bidi_control(c) => "a bidi control (it reorders how text reads)",
        '\u{2028}' | '\u{2029}' => "a line or paragraph separator",
        _ => "a control character",
    }
}

/// `text` with every forbidden character written as `\u{…}`, so a message quoting it is
/// safe to print.
pub fn escape_forbidden(text: &str) -> String {
    if !text.chars().any(is_forbidden) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if is_forbidden(c) {
                format!("\\u{{{:04X}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_forbidden_character_is_found_past_the_byte_filter() {
        for c in (0..=0x3000).filter_map(char::from_u32) {
            let text = format!("ok {c} ok");
            assert_eq!(
                forbidden_char(&text, false).is_some(),
                is_forbidden(c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn aliases_may_not_look_like_options_or_commands() {
        for good in ["declined", "card-declined", "支付失败", "top-up2", "été"] {
            assert!(is_command_name(good), "{good}");
        }
        for bad in [
            "--config",
            "-o",
            "--output=x",
            "",
            "a b",
            "list",
            "cases",
            "a/b",
            "x\u{1b}[2J",
        ] {
            assert!(!is_command_name(bad), "{bad}");
        }
    }

    #[test]
    fn escapes_controls_and_bidi_overrides_are_found_where_they_are() {
        assert_eq!(forbidden_char("ok\u{1b}[2J", false), Some((2, '\u{1b}')));
        assert_eq!(forbidden_char("a\u{9d}52;c;x", false), Some((1, '\u{9d}')));
        assert_eq!(
            forbidden_char("支付\u{202E}cba", false),
            Some((6, '\u{202E}'))
        );
        assert_eq!(forbidden_char("tab\there", false), Some((3, '\t')));
        assert_eq!(forbidden_char("one\ntwo", true), None);
        assert_eq!(forbidden_char("one\ntwo", false), Some((3, '\n')));
        assert_eq!(forbidden_char("one\r\ntwo", true), Some((3, '\r')));
        assert_eq!(forbidden_char("普通的文字 and text", false), None);
    }

    #[test]
    fn quoted_text_is_made_safe_to_print() {
        assert_eq!(
            escape_forbidden("\u{1b}]52;c;aGk=\u{7}"),
            "\\u{001B}]52;c;aGk=\\u{0007}"
        );
        assert_eq!(escape_forbidden("plain"), "plain");
    }
}
