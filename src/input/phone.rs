//! Phone numbers, international (`+86 138 0013 8000`, `0044 20 7946 0958`) or national
//! (`13800138000`), normalised to digits with an optional `+`. A pasted label (`手机号：`,
//! `Tel:`) and the `(0)` of `+44 (0)20 …` are dropped.

use super::ascii_digits;

const LABELS: [&str; 8] = [
    "手机号码",
    "手机号",
    "电话",
    "手机",
    "phone:",
    "mobile:",
    "tel:",
    "tel",
];

pub(super) fn parse(s: &str) -> Option<String> {
    let s = ascii_digits(s);
    let mut s = s.trim();
    for label in LABELS {
        if let Some(rest) = s
            .get(..label.len())
            .filter(|head| head.eq_ignore_ascii_case(label))
            .and_then(|_| s.get(label.len()..))
        {
            s = rest.trim_start().trim_start_matches([':', ' ']);
            break;
        }
    }
    let (plus, rest) = match s.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => match s.strip_prefix("00") {
            Some(rest) => (true, rest),
            None => (false, s),
        },
    };
    // `+44 (0)20 7946 0958`: the trunk 0 is dialled only within the country.
    let rest = if plus {
        rest.replacen("(0)", "", 1)
    } else {
        rest.to_string()
    };
    let separators = [' ', '-', '(', ')', '.', '\u{a0}'];
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || separators.contains(&c))
    {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    // `-0044-20…`: a number whose digits start `00` is international wherever the
    // separators put them, so the value reads back as itself. After a `+` (`+0044 20…`)
    // the `00` says the same thing twice: no country code starts with 0.
    let (plus, digits) = match digits.strip_prefix("00") {
        Some(rest) => (true, rest.to_string()),
        None => (plus, digits),
    };
    // What is left after the `+` is a country code, and none starts with 0: `+00000…` is no
    // number (and would lose two more zeros each time it was read again).
    if plus && digits.starts_with('0') {
        return None;
    }
    (6..=15)
        .contains(&digits.len())
        .then(|| if plus { format!("+{digits}") } else { digits })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_normalised_to_digits_with_an_optional_plus() {
        for (typed, normal) in [
            ("+86 138-0013-8000", "+8613800138000"),
            ("0044 (20) 7946 0958", "+442079460958"),
            ("+44 (0)20 7946 0958", "+442079460958"),
            ("13800138000", "13800138000"),
            ("手机号：138 0013 8000", "13800138000"),
            ("Tel: +1 (415) 555-0100", "+14155550100"),
            ("＋８６ １３８００１３８０００", "+8613800138000"),
        ] {
            assert_eq!(parse(typed).as_deref(), Some(normal), "{typed}");
        }
        for bad in ["call me", "+1234567890123456", "12345", "+86 138 0013 800x"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn leading_zeros_after_a_separator_are_the_international_prefix_too() {
        // Found by fuzzing: `000732` did not read back as itself.
        assert_eq!(parse("-0007-3(2"), None);
        assert_eq!(
            parse("(00)44 20 7946 0958").as_deref(),
            Some("+442079460958")
        );
        assert_eq!(parse("-0044-2079460958").as_deref(), Some("+442079460958"));
        // Found by fuzzing: each reading took two more zeros off.
        assert_eq!(parse("+00000000000"), None);
        assert_eq!(parse("+0 20 7946 0958"), None);
        assert_eq!(
            parse("+0044 20 7946 0958").as_deref(),
            Some("+442079460958")
        );
        for typed in ["+0044 20 7946 0958", "0013800138000", "138 0013 8000"] {
            let once = parse(typed).unwrap();
            assert_eq!(parse(&once), Some(once.clone()), "{typed}");
        }
    }
}
