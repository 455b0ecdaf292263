//! Times as the journal keeps them (RFC 3339 with the user's offset) and as sentences show
//! them (`21 Nov 2026, 14:03 (UTC+8)`, `2026年11月21日 14:03`), and ages (`3 days ago`).

use jiff::civil::Date;
use jiff::{Timestamp, Zoned};

use crate::input::{InputType, Invalid, ParseContext};
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

/// Why a promised date could not be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadPromise {
    /// The date parser could not read it (or it is too far ahead, or the weekday is wrong).
    Unread(Invalid),
    /// It lies before the contact, when nothing can have been promised for.
    BeforeContact { contact: Date },
}

/// A promised date as people say it, read at the contact (`contact.now` is when it happened):
/// any date the `date` input type reads (`2026-12-08`, `12月20日`, `next friday`, `下周五`,
/// `tomorrow`, `in 5 days`, `3天后`), or a span the date parser does not know: business days
/// on the region's calendar (`5 business days`, `5个工作日`), and `within 5 days`, `5天内`.
pub fn parse_promise(raw: &str, contact: &ParseContext, region: &str) -> Result<Date, BadPromise> {
    let from = contact.now.date();
    let date = match crate::input::parse(InputType::Date, raw, true, contact) {
        Ok(parsed) => parsed
            .and_then(|p| p.value.parse::<Date>().ok())
            .ok_or(BadPromise::Unread(Invalid::Empty))?,
        Err(invalid @ Invalid::Malformed { .. }) => {
            let folded = crate::input::ascii_digits(raw).trim().to_lowercase();
            let (n, business) = parse_span(folded.trim_end_matches(['.', '。']))
                .ok_or(BadPromise::Unread(invalid))?;
            if business {
                super::deadlines::add_business_days(region, from, n)
            } else {
                from.checked_add(jiff::Span::new().days(n)).map_err(|_| {
                    BadPromise::Unread(Invalid::Malformed {
                        input_type: InputType::Date,
                    })
                })?
            }
        }
        Err(other) => return Err(BadPromise::Unread(other)),
    };
    // A weekday said alone means the coming one: "Friday" said on a Saturday is six days on,
    // not the day before (the date parser takes the nearest, for due dates either way).
    let date = if date < from && names_a_weekday(raw) {
        date.checked_add(jiff::Span::new().days(7)).unwrap_or(date)
    } else {
        date
    };
    if date < from {
        return Err(BadPromise::BeforeContact { contact: from });
    }
    Ok(date)
}

/// Whether `raw` names a day of the week (`Fri`, `friday`, `周五`, `星期五`, `礼拜五`).
fn names_a_weekday(raw: &str) -> bool {
    let lower = raw.to_lowercase();
    [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "周", "星期", "礼拜",
    ]
    .iter()
    .any(|w| lower.contains(w))
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

    /// The parse context of a contact on Thursday 3 December 2026, 10:00 in Shanghai.
    fn at_contact() -> ParseContext {
        ParseContext::new("2026-12-03T10:00:00+08:00[Asia/Shanghai]".parse().unwrap())
    }

    fn promise(s: &str) -> Result<String, BadPromise> {
        parse_promise(s, &at_contact(), "uk").map(|d| d.to_string())
    }

    #[test]
    fn promises_are_read_by_the_date_parser_from_the_contact() {
        let p = |s: &str| promise(s).unwrap();
        assert_eq!(p("2026-12-08"), "2026-12-08");
        assert_eq!(p("2026年12月8日"), "2026-12-08");
        assert_eq!(p("12月20日"), "2026-12-20");
        assert_eq!(p("１２月２０日"), "2026-12-20");
        assert_eq!(p("1月5日"), "2027-01-05");
        assert_eq!(p("next friday"), "2026-12-11");
        assert_eq!(p("下周五"), "2026-12-11");
        assert_eq!(p("Dec 10"), "2026-12-10");
        assert_eq!(p("in 5 days"), "2026-12-08");
        assert_eq!(p("5天后"), "2026-12-08");
        assert_eq!(p("tomorrow"), "2026-12-04");
        assert_eq!(p("明天"), "2026-12-04");
        // Said on a Thursday, "Wednesday" is the coming one, not yesterday.
        assert_eq!(p("Wednesday"), "2026-12-09");
        assert_eq!(p("周三"), "2026-12-09");
        assert_eq!(p("Friday"), "2026-12-04");
    }

    #[test]
    fn promises_may_be_spans_of_days_or_business_days() {
        let p = |s: &str| promise(s).unwrap();
        assert_eq!(p("within 5 days"), "2026-12-08");
        assert_eq!(p("5天内"), "2026-12-08");
        assert_eq!(p("五天内"), "2026-12-08");
        // Thursday + 5 business days skips the weekend; + 3 is the Tuesday.
        assert_eq!(p("5 business days"), "2026-12-10");
        assert_eq!(p("3个工作日"), "2026-12-08");
    }

    #[test]
    fn a_promise_that_cannot_be_read_or_lies_before_the_contact_is_refused() {
        assert!(matches!(
            promise("soon"),
            Err(BadPromise::Unread(Invalid::Malformed { .. }))
        ));
        assert!(matches!(promise("0 days"), Err(BadPromise::Unread(_))));
        assert!(matches!(
            promise("2099-01-01"),
            Err(BadPromise::Unread(Invalid::TooFarAhead { .. }))
        ));
        assert_eq!(
            promise("2026-11-30"),
            Err(BadPromise::BeforeContact {
                contact: "2026-12-03".parse().unwrap()
            })
        );
    }

    #[test]
    fn days_between_counts_calendar_days() {
        let a: Date = "2026-11-01".parse().unwrap();
        let b: Date = "2026-11-21".parse().unwrap();
        assert_eq!(days_between(a, b), 20);
        assert_eq!(days_between(b, a), -20);
    }
}
