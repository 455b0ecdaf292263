//! Free text: trimmed, line breaks kept, other control characters and bidirectional
//! overrides dropped (they could rewrite a terminal or disguise text), length-capped.

use super::{Invalid, is_unprintable};

/// The longest free text kept; support needs a description, not an essay.
pub const TEXT_MAX_CHARS: usize = 2000;

pub(super) fn parse(s: &str) -> Result<String, Invalid> {
    if s.chars().nth(TEXT_MAX_CHARS * 4).is_some() {
        // Far over the cap: refuse before cleaning megabytes.
        return Err(Invalid::TooLong {
            max: TEXT_MAX_CHARS,
        });
    }
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned: String = unified
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if is_unprintable(c) => None,
            c => Some(c),
        })
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.chars().count() > TEXT_MAX_CHARS {
        return Err(Invalid::TooLong {
            max: TEXT_MAX_CHARS,
        });
    }
    if cleaned.is_empty() {
        return Err(Invalid::Empty);
    }
    Ok(cleaned.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_counts_what_is_kept_not_what_was_pasted() {
        // Pasted terminal output: its control characters go before the length is counted.
        let pasted = "x".repeat(TEXT_MAX_CHARS - 10) + &"\u{7}".repeat(100);
        assert_eq!(parse(&pasted).map(|t| t.len()), Ok(TEXT_MAX_CHARS - 10));
        let over = "x".repeat(TEXT_MAX_CHARS + 1);
        assert_eq!(
            parse(&over),
            Err(Invalid::TooLong {
                max: TEXT_MAX_CHARS
            })
        );
    }

    #[test]
    fn text_is_trimmed_and_capped() {
        assert_eq!(parse("  卡被拒了  ").unwrap(), "卡被拒了");
        let long = "字".repeat(TEXT_MAX_CHARS + 1);
        assert_eq!(
            parse(&long),
            Err(Invalid::TooLong {
                max: TEXT_MAX_CHARS
            })
        );
        assert_eq!(
            parse(&"字".repeat(TEXT_MAX_CHARS)).unwrap().chars().count(),
            TEXT_MAX_CHARS
        );
    }

    #[test]
    fn a_pasted_message_keeps_its_lines_and_loses_its_escapes() {
        assert_eq!(
            parse("Error 51\r\nCard declined\tplease retry\u{1b}[2J\u{202e}").unwrap(),
            "Error 51\nCard declined please retry[2J"
        );
        assert_eq!(parse("\u{7}\u{1b}"), Err(Invalid::Empty));
    }
}
