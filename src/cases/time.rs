//! Times as the journal keeps them (RFC 3339 with the user's offset) and as sentences show
//! them (`21 Nov 2026, 14:03 (UTC+8)`, `2026年11月21日 14:03`), and ages (`3 days ago`).

use jiff::civil::Date;
use jiff::{Timestamp, Zoned};

use crate::lang::Lang;

/// `2026-11-21T15:04:05+08:00`.
pub fn rfc3339(at: &Zoned) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// A stored time read back in the zone of `now` (the user's), or `None` when it is not one.
pub fn parse(stored: &str, now: &Zoned) -> Option<Zoned> {
    let ts: Timestamp = stored.parse().ok()?;
    Some(ts.to_zoned(now.time_zone().clone()))
}

/// The calendar date of a stored time in the user's zone.
pub fn date_of(stored: &str, now: &Zoned) -> Option<Date> {
    parse(stored, now).map(|z| z.date())
}

/// A time inside a sentence: `21 Nov 2026, 14:03 (UTC+8)` / `2026年11月21日 14:03`.
pub fn human(at: &Zoned, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let offset = at.offset().seconds();
            let hours = offset / 3600;
            let minutes = (offset % 3600).abs() / 60;
            let zone = match (hours, minutes) {
                (0, 0) => "UTC".to_string(),
                (h, 0) => format!("UTC{h:+}"),
                (h, m) => format!("UTC{h:+}:{m:02}"),
            };
            format!(
                "{}, {} ({zone})",
                human_date(at.date(), lang),
                at.strftime("%H:%M")
            )
        }
        Lang::Zh => format!("{} {}", human_date(at.date(), lang), at.strftime("%H:%M")),
    }
}

/// A stored time in a sentence, or the stored text when it cannot be read.
pub fn human_stored(stored: &str, now: &Zoned, lang: Lang) -> String {
    parse(stored, now).map_or_else(|| stored.to_string(), |z| human(&z, lang))
}

/// A date in a sentence: `21 Nov 2026` / `2026年11月21日`.
pub fn human_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::En => date.strftime("%-d %b %Y").to_string(),
        Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// A stored `YYYY-MM-DD` date in a sentence.
pub fn human_stored_date(stored: &str, lang: Lang) -> String {
    stored
        .parse::<Date>()
        .map_or_else(|_| stored.to_string(), |d| human_date(d, lang))
}

/// How long ago `then` was: `just now`, `5 minutes ago`, `3 hours ago`, `2 days ago`.
pub fn age(then: &Zoned, now: &Zoned, lang: Lang) -> String {
    let seconds = now.timestamp().as_second() - then.timestamp().as_second();
    let (n, en, zh) = if seconds < 60 {
        return lang.pick("just now", "刚刚").to_string();
    } else if seconds < 3600 {
        (seconds / 60, "minute", "分钟")
    } else if seconds < 86_400 {
        (seconds / 3600, "hour", "小时")
    } else {
        (seconds / 86_400, "day", "天")
    };
    match lang {
        Lang::En if n == 1 => format!("1 {en} ago"),
        Lang::En => format!("{n} {en}s ago"),
        Lang::Zh => format!("{n} {zh}前"),
    }
}

/// Whole calendar days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    // A date span's largest unit is the day, so `get_days` holds the whole difference.
    from.until(to).map_or(0, |span| i64::from(span.get_days()))
}

/// A promised date as people say it, counted from `from` (the day of the contact): a date
/// (`2026-12-08`, `2026/12/8`, `2026年12月8日`, `12月8日`), `tomorrow` / `明天`, or a span
/// (`in 5 days`, `5天内`, `5 business days`, `5个工作日`), business days counted on the
/// region's calendar. A promise may lie in the future, so this is not the `datetime` parser.
pub fn parse_promise(raw: &str, from: Date, region: &str) -> Option<Date> {
    let s = crate::input::ascii_digits(raw).trim().to_lowercase();
    let s = s.trim_end_matches(['.', '。']);
    match s {
        "today" | "今天" | "当天" => return Some(from),
        "tomorrow" | "明天" | "次日" => return from.tomorrow().ok(),
        "后天" => return from.tomorrow().ok()?.tomorrow().ok(),
        _ => {}
    }
    if let Some(date) = parse_date(s, from) {
        return Some(date);
    }
    let (n, business) = parse_span(s)?;
    if business {
        Some(super::deadlines::add_business_days(region, from, n))
    } else {
        from.checked_add(jiff::Span::new().days(n)).ok()
    }
}

/// `2026-12-08`, `2026/12/8`, `2026年12月8日`, or `12月8日` (the next such day from `from`).
fn parse_date(s: &str, from: Date) -> Option<Date> {
    let number = |t: &str| t.trim().parse::<i16>().ok();
    let make = |y: i16, m: &str, d: &str| {
        Date::new(
            y,
            i8::try_from(number(m)?).ok()?,
            i8::try_from(number(d)?).ok()?,
        )
        .ok()
    };
    if let Some((year, rest)) = s.split_once('年') {
        let (month, rest) = rest.split_once('月')?;
        let day = rest.trim_end_matches(['日', '号']);
        return make(number(year)?, month, day);
    }
    if let Some((month, rest)) = s.split_once('月') {
        let day = rest.trim_end_matches(['日', '号']);
        let this_year = make(from.year(), month, day)?;
        return if this_year < from {
            make(from.year() + 1, month, day)
        } else {
            Some(this_year)
        };
    }
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => make(number(y)?, m, d),
        _ => None,
    }
}

/// `in 5 days`, `within 5 days`, `5 days`, `5天`, `5天内`, `五天内`, `5 business days`,
/// `5 working days`, `5个工作日`: the number, and whether the days are business days.
fn parse_span(s: &str) -> Option<(i64, bool)> {
    let s = s
        .trim_start_matches("in ")
        .trim_start_matches("within ")
        .trim_start_matches('在')
        .trim_end_matches('内')
        .trim_end_matches("之")
        .trim();
    let business_words = [
        "business days",
        "business day",
        "working days",
        "working day",
        "个工作日",
        "工作日",
    ];
    let day_words = ["days", "day", "天", "日"];
    let (number, business) = business_words
        .iter()
        .find_map(|w| s.strip_suffix(w).map(|n| (n, true)))
        .or_else(|| {
            day_words
                .iter()
                .find_map(|w| s.strip_suffix(w).map(|n| (n, false)))
        })?;
    let number = number.trim();
    let n = number
        .parse::<i64>()
        .ok()
        .or_else(|| chinese_number(number))?;
    (1..=366).contains(&n).then_some((n, business))
}

/// 一 to 三十 in Chinese numerals, as spans are said.
fn chinese_number(s: &str) -> Option<i64> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|p| i64::try_from(p).ok())
    };
    let chars: Vec<char> = s
        .chars()
        .map(|c| if c == '两' { '二' } else { c })
        .collect();
    match chars.as_slice() {
        [d] => digit(*d).or((*d == '十').then_some(10)),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Zoned {
        "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap()
    }

    #[test]
    fn sentences_show_times_for_people() {
        let at = parse("2026-11-21T14:03:00+08:00", &now()).unwrap();
        assert_eq!(human(&at, Lang::En), "21 Nov 2026, 14:03 (UTC+8)");
        assert_eq!(human(&at, Lang::Zh), "2026年11月21日 14:03");
        let india: Zoned = "2026-11-21T14:03:00+05:30[Asia/Kolkata]".parse().unwrap();
        assert_eq!(human(&india, Lang::En), "21 Nov 2026, 14:03 (UTC+5:30)");
    }

    #[test]
    fn ages_round_down_to_the_largest_unit() {
        let then = parse("2026-11-18T09:00:00+08:00", &now()).unwrap();
        assert_eq!(age(&then, &now(), Lang::En), "3 days ago");
        assert_eq!(age(&then, &now(), Lang::Zh), "3 天前");
        assert_eq!(age(&now(), &now(), Lang::En), "just now");
    }

    #[test]
    fn promises_are_dates_or_spans_from_the_contact() {
        let from: Date = "2026-12-03".parse().unwrap(); // a Thursday
        let p = |s: &str| parse_promise(s, from, "uk").map(|d| d.to_string());
        assert_eq!(p("2026-12-08").as_deref(), Some("2026-12-08"));
        assert_eq!(p("2026年12月8日").as_deref(), Some("2026-12-08"));
        assert_eq!(p("1月5日").as_deref(), Some("2027-01-05"));
        assert_eq!(p("in 5 days").as_deref(), Some("2026-12-08"));
        assert_eq!(p("5天内").as_deref(), Some("2026-12-08"));
        assert_eq!(p("五天内").as_deref(), Some("2026-12-08"));
        assert_eq!(p("5 business days").as_deref(), Some("2026-12-10"));
        assert_eq!(p("3个工作日").as_deref(), Some("2026-12-08"));
        assert_eq!(p("tomorrow").as_deref(), Some("2026-12-04"));
        assert_eq!(p("soon"), None);
        assert_eq!(p("0 days"), None);
    }

    #[test]
    fn days_between_counts_calendar_days() {
        let a: Date = "2026-11-01".parse().unwrap();
        let b: Date = "2026-11-21".parse().unwrap();
        assert_eq!(days_between(a, b), 20);
        assert_eq!(days_between(b, a), -20);
    }
}
