//! Whole numbers: `3`, `３`, `三`, `1,000`, with a counting word people add (`3次`, `2笔`,
//! `3 times`).

use super::{folded, zh_numeral};

/// Counting words that may follow the number.
const COUNTERS: [&str; 6] = ["次", "笔", "个", "张", "条", "times"];

pub(super) fn parse(s: &str) -> Option<String> {
    let s = folded(s);
    let mut s = s.trim();
    for counter in COUNTERS {
        if let Some(rest) = s.strip_suffix(counter) {
            s = rest.trim_end();
            break;
        }
    }
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let value = if digits.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        grouped(digits)?
    } else {
        match zh_numeral::take(digits)? {
            (n, "") => i64::try_from(n).ok()?,
            _ => return None,
        }
    };
    Some(if negative { -value } else { value }.to_string())
}

/// `1000` or `1,000` (groups of three after the first).
fn grouped(s: &str) -> Option<i64> {
    let mut groups = s.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let ok = !first.is_empty()
        && (rest.is_empty() || (first.len() <= 3 && rest.iter().all(|g| g.len() == 3)));
    ok.then(|| s.replace(',', "").parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_written_simplified() {
        super::super::fold::assert_simplified(COUNTERS);
    }

    #[test]
    fn whole_numbers_as_people_write_them() {
        for (typed, n) in [
            ("3", "3"),
            ("３", "3"),
            ("三", "3"),
            ("十二", "12"),
            ("3次", "3"),
            ("2 笔", "2"),
            ("2筆", "2"),
            ("兩個", "2"),
            ("3 times", "3"),
            ("1,000", "1000"),
            ("-2", "-2"),
            ("0", "0"),
        ] {
            assert_eq!(parse(typed).as_deref(), Some(n), "{typed}");
        }
        for bad in ["3.5", "", "1,00", ",", "三点", "99999999999999999999", "-"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
