//! The last four digits of a card, shown `•••• 1234`. Masks and labels people copy with them
//! (`**** 1234`, `尾号1234`, `ending 1234`) are dropped; more than four digits is refused, so
//! a full card number never becomes an answer.

use super::folded;

const LABELS: [&str; 7] = [
    "尾号",
    "末四位",
    "后四位",
    "ending in",
    "ending",
    "last 4",
    "last four",
];

pub(super) fn parse(s: &str) -> Option<String> {
    let s = folded(s);
    let mut rest = s.trim();
    for label in LABELS {
        if let Some(after) = rest
            .get(..label.len())
            .filter(|head| head.eq_ignore_ascii_case(label))
            .and_then(|_| rest.get(label.len()..))
        {
            rest = after.trim_start_matches([':', ' ']);
            break;
        }
    }
    let masks = ['*', '•', '·', 'x', 'X', ' ', '-'];
    let digits = rest.trim_start_matches(masks);
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("•••• {digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_written_simplified() {
        super::super::fold::assert_simplified(LABELS);
    }

    #[test]
    fn exactly_four_digits_including_full_width_and_masks() {
        for typed in [
            "1234",
            "１２３４",
            "**** 1234",
            "•••• 1234",
            "尾号1234",
            "尾號1234",
            "Ending in 1234",
            "xxxx-1234",
        ] {
            assert_eq!(parse(typed).as_deref(), Some("•••• 1234"), "{typed}");
        }
        for bad in ["123", "12345", "12a4", "4111 1111 1111 1234", "1234 5678"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
