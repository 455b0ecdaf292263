//! Chinese numerals as people type them in times and amounts (`三点`, `两点半`, `十二月`,
//! `两千块`, `二〇二六年`), read with the `chinese-number` crate.

use chinese_number::{ChineseCountMethod, ChineseToNumber};

/// The characters a Chinese numeral is written with.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '兩'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '萬'
    )
}

/// The numeral at the start of `s`, and the rest. `二〇二六` (digit by digit) and `二十六`
/// (with units) both read; more than 12 characters is no number anyone types.
pub(super) fn take(s: &str) -> Option<(u64, &str)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !is_numeral(*c))
        .map_or(s.len(), |(i, _)| i);
    let (run, rest) = s.split_at_checked(end)?;
    if run.is_empty() || run.chars().count() > 12 {
        return None;
    }
    let with_units: Result<u64, _> = run.to_number(ChineseCountMethod::TenThousand);
    let value = with_units.ok().or_else(|| {
        let digit_by_digit = !run.contains(['十', '百', '千', '万', '萬']);
        digit_by_digit
            .then(|| ChineseToNumber::<u64>::to_number_naive(&run).ok())
            .flatten()
    })?;
    Some((value, rest))
}

/// A number at the start of `s`, in ASCII digits (at most `max_digits`) or Chinese numerals.
pub(super) fn take_number(s: &str, max_digits: usize) -> Option<(u64, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return take(s);
    }
    if digits > max_digits {
        return None;
    }
    let (number, rest) = s.split_at_checked(digits)?;
    Some((number.parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_numerals_people_type() {
        for (text, value, rest) in [
            ("三点", 3, "点"),
            ("两点半", 2, "点半"),
            ("十二月", 12, "月"),
            ("二十三日", 23, "日"),
            ("两千块", 2000, "块"),
            ("一万二千", 12000, ""),
            ("二〇二六年", 2026, "年"),
            ("十五分", 15, "分"),
            ("零五", 5, ""),
        ] {
            assert_eq!(take(text), Some((value, rest)), "{text}");
        }
        assert_eq!(take("点"), None);
        assert_eq!(take(&"一".repeat(13)), None);
        // Twelve characters is the longest numeral read.
        assert_eq!(take(&"一".repeat(12)), Some((111_111_111_111, "")));
    }

    #[test]
    fn ascii_digits_come_first_and_are_bounded() {
        assert_eq!(take_number("14:03", 2), Some((14, ":03")));
        assert_eq!(take_number("下午", 2), None);
        assert_eq!(take_number("123", 2), None);
        assert_eq!(take_number("八点", 2), Some((8, "点")));
    }
}
