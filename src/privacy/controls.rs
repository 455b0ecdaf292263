//! Characters that must never reach a report or a screen: C0 and C1 controls, terminal escape
//! sequences, bidi overrides and zero-width characters. A pasted answer can carry any of them
//! (an escape sequence that moves the cursor, a right-to-left override that reverses a card
//! number on screen, a zero-width space inside a code), so answers are stored without them.

/// The answer without control characters, escape sequences, bidi controls and zero-width
/// characters. Line breaks stay as `\n` (CR LF, CR, vertical tab, form feed and the Unicode line
/// and paragraph separators become `\n`; more than one empty line becomes one); a tab becomes a
/// space. A zero-width joiner between two emoji stays, as it is part of one picture.
///
/// Linear in the length of the text; never panics.
pub fn strip_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut newlines = 0;
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        let c = match c {
            '\u{1b}' => {
                skip_escape(&mut chars);
                continue;
            }
            '\u{9b}' => {
                skip_csi(&mut chars);
                continue;
            }
            '\u{9d}' => {
                skip_string(&mut chars);
                continue;
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                '\n'
            }
            '\u{0b}' | '\u{0c}' | '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
            '\t' => ' ',
            '\u{200d}'
                if previous.is_some_and(is_emoji) && chars.peek().is_some_and(|&n| is_emoji(n)) =>
            {
                c
            }
            c if is_invisible(c) => continue,
            c => c,
        };
        if c == '\n' {
            newlines += 1;
            if newlines > 2 {
                continue;
            }
        } else {
            newlines = 0;
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// A character that shows nothing and means nothing in a message: a control character (other
/// than tab and line breaks), a bidi control, a zero-width character, a soft hyphen, a
/// variation selector or a tag character.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}'
        | '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0e}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}')
}

/// Pictographs that a zero-width joiner may join into one emoji (👩‍💻).
fn is_emoji(c: char) -> bool {
    matches!(u32::from(c), 0x2600..=0x27BF | 0x1F000..=0x1FAFF) || c == '\u{fe0f}'
}

/// After ESC: a CSI (`ESC [ … final`), an OSC/DCS/APC/PM/SOS string (`ESC ] … BEL or ESC \`),
/// or a two- or three-character sequence.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // `ESC ( B` and other character set selections take one more character.
        Some('(' | ')' | '*' | '+' | '-' | '.' | '/' | '#' | '%' | ' ') => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates (`0x20`–`0x3F`), then one final character.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        chars.next();
        if !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

/// A control string, to BEL, ST (`ESC \` or U+009C), or the end of a line.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' | '\n' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_go_whole() {
        for (typed, stored) in [
            ("\u{1b}[31mred\u{1b}[0m", "red"),
            ("a\u{1b}[2J\u{1b}[Hb", "ab"),
            ("\u{1b}]0;title\u{7}text", "text"),
            (
                "\u{1b}]8;;https://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
                "link",
            ),
            ("\u{1b}(Bplain", "plain"),
            ("\u{1b}7saved\u{1b}8", "saved"),
            ("\u{9b}1mbold", "bold"),
            ("x\u{1b}", "x"),
            ("x\u{1b}[", "x"),
        ] {
            assert_eq!(strip_controls(typed), stored, "{typed:?}");
        }
    }

    #[test]
    fn control_bidi_and_zero_width_characters_go() {
        assert_eq!(strip_controls("41\u{200b}11 1111\u{feff}"), "4111 1111");
        assert_eq!(strip_controls("\u{202e}1234\u{202c}"), "1234");
        assert_eq!(strip_controls("a\u{0}b\u{7}c\u{7f}d\u{85}e"), "abcd\ne");
        assert_eq!(strip_controls("soft\u{ad}hyphen"), "softhyphen");
        assert_eq!(strip_controls("\u{2066}isolated\u{2069}"), "isolated");
        // A zero-width joiner stays only between two emoji.
        assert_eq!(strip_controls("a\u{200d}b"), "ab");
        assert_eq!(strip_controls("👩\u{200d}b"), "👩b");
        assert_eq!(strip_controls("a\u{200d}💻"), "a💻");
    }

    #[test]
    fn line_breaks_stay_as_one_kind_and_tabs_become_spaces() {
        assert_eq!(strip_controls("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(strip_controls("a\n\n\n\n\nb"), "a\n\nb");
        assert_eq!(strip_controls("a\tb"), "a b");
    }

    #[test]
    fn what_people_type_is_kept() {
        for text in [
            "支付失败了，请帮忙看看 🙏😀",
            "Payment failed 💳 at the shop, 59.90 CNY.",
            "👩\u{200d}💻 works from home",
            "❤\u{fe0f} thanks",
            "émile, 東京, Ω, ‘quotes’ — dash",
        ] {
            assert_eq!(strip_controls(text), text);
        }
    }
}
