//! Dates and times as users write them, in English and Chinese, read in the user's time zone
//! and shown as RFC 3339 with the user's UTC offset.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::AmbiguousOffset;
use jiff::{Timestamp, Zoned};

use super::{InputType, Invalid, ascii_digits};

const MALFORMED: Invalid = Invalid::Malformed {
    input_type: InputType::Datetime,
};

/// How far ahead of the clock an answer may be: phones and computers disagree a little.
const CLOCK_SLACK_SECONDS: i64 = 120;

/// The earliest year accepted: before it, time zones were local mean time (New York was
/// `-04:56:02`), which is no RFC 3339 offset, and no wallet existed.
const MIN_YEAR: i16 = 1900;

/// The widest UTC offset in use anywhere (Kiribati, +14:00); anything beyond is a typo.
const MAX_OFFSET_SECONDS: i32 = 14 * 3600;

pub(super) fn parse(raw: &str, now: &Zoned) -> Result<String, Invalid> {
    let s = ascii_digits(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let zoned = if let Ok(ts) = s.parse::<Timestamp>() {
        check_offset(&s)?;
        ts.to_zoned(now.time_zone().clone())
    } else {
        let civil = parse_civil(&s, now.date()).ok_or(MALFORMED)?;
        in_zone(civil, now)?
    };
    // Local mean time (`+08:05:43`) has no RFC 3339 form: zones kept it into the 1900s.
    if zoned.year() < MIN_YEAR || zoned.offset().seconds() % 60 != 0 {
        return Err(Invalid::TooEarly { min_year: MIN_YEAR });
    }
    if zoned.timestamp().as_second() > now.timestamp().as_second() + CLOCK_SLACK_SECONDS {
        return Err(Invalid::InFuture);
    }
    Ok(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

/// An offset written in the answer (`+08:00`, `Z`) must be one the world uses.
fn check_offset(s: &str) -> Result<(), Invalid> {
    let offset = jiff::fmt::temporal::Pieces::parse(s)
        .ok()
        .and_then(|p| p.to_numeric_offset());
    match offset {
        Some(o) if o.seconds().abs() > MAX_OFFSET_SECONDS => Err(Invalid::OffsetOutOfRange),
        _ => Ok(()),
    }
}

/// A wall-clock time in the user's zone. A time the clocks skipped (the hour lost when
/// daylight saving starts) is refused, never moved; a time that happened twice (the hour
/// repeated when it ends) is the earlier one.
fn in_zone(civil: DateTime, now: &Zoned) -> Result<Zoned, Invalid> {
    let ambiguous = now.time_zone().to_ambiguous_zoned(civil);
    match ambiguous.offset() {
        AmbiguousOffset::Gap { before, after } => Err(Invalid::SkippedTime {
            time: civil.strftime("%H:%M").to_string(),
            zone: now
                .time_zone()
                .iana_name()
                .unwrap_or("your time zone")
                .to_string(),
            minutes: (after.seconds() - before.seconds()) / 60,
            clock_showed: ambiguous
                .compatible()
                .map_or_else(|_| String::new(), |z| z.strftime("%H:%M").to_string()),
        }),
        AmbiguousOffset::Fold { .. } => ambiguous.earlier().map_err(|_| MALFORMED),
        AmbiguousOffset::Unambiguous { .. } => ambiguous.compatible().map_err(|_| MALFORMED),
    }
}
/// A wall-clock date and time, before the time zone is applied.
fn parse_civil(s: &str, today: Date) -> Option<DateTime> {
    if let Some((date, rest)) = relative_day(s, today) {
        return Some(date.to_datetime(parse_time(rest.trim())?));
    }
    if let Some(time) = parse_time(s) {
        return Some(today.to_datetime(time));
    }
    let (date, rest) = split_date(s).or_else(|| split_month_day(s, today))?;
    Some(date.to_datetime(parse_time(rest.trim())?))
}

/// `11月20日 08:15`: no year, as people often write it. The year is this one, or last
/// year when that day has not come yet.
fn split_month_day(s: &str, today: Date) -> Option<(Date, &str)> {
    let (month, rest) = s.split_once('月')?;
    let (day, rest) = rest.split_once('日').or_else(|| rest.split_once('号'))?;
    let year = today.year().to_string();
    let date = make_date(&year, month, day)?;
    let date = if date > today {
        make_date(&(today.year() - 1).to_string(), month, day)?
    } else {
        date
    };
    Some((date, rest))
}

fn relative_day(s: &str, today: Date) -> Option<(Date, &str)> {
    let lower = s.to_lowercase();
    for (word, days_back) in [("today", 0), ("今天", 0), ("yesterday", 1), ("昨天", 1)] {
        if lower.starts_with(word) {
            let date = if days_back == 0 {
                today
            } else {
                today.yesterday().ok()?
            };
            return Some((date, &s[word.len()..]));
        }
    }
    None
}

/// `2026-11-21`, `2026/11/21` or `2026年11月21日` at the start of `s`; returns the rest.
fn split_date(s: &str) -> Option<(Date, &str)> {
    if let Some((year, rest)) = s.split_once('年') {
        let (month, rest) = rest.split_once('月')?;
        let (day, rest) = rest.split_once('日').or_else(|| rest.split_once('号'))?;
        return Some((make_date(year, month, day)?, rest));
    }
    let end = s.find([' ', 'T', 't']).unwrap_or(s.len());
    let (date, rest) = s.split_at(end);
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest);
    let parts: Vec<&str> = date.split(['-', '/']).collect();
    match parts.as_slice() {
        [y, m, d] => Some((make_date(y, m, d)?, rest)),
        _ => None,
    }
}

fn make_date(year: &str, month: &str, day: &str) -> Option<Date> {
    let number = |s: &str| s.trim().parse::<i16>().ok();
    let year = number(year).filter(|y| *y >= 1000)?;
    let month = i8::try_from(number(month)?).ok()?;
    let day = i8::try_from(number(day)?).ok()?;
    Date::new(year, month, day).ok()
}

/// `14:03`, `9:30` or `14:03:20`.
fn parse_time(s: &str) -> Option<Time> {
    let parts: Vec<&str> = s.split([':', '：']).collect();
    let field = |s: &str, max: i8| -> Option<i8> {
        let ok = (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit());
        ok.then(|| s.parse::<i8>().ok())
            .flatten()
            .filter(|v| *v <= max)
    };
    let (hour, minute, second) = match parts.as_slice() {
        [h, m] => (field(h, 23)?, field(m, 59)?, 0),
        [h, m, s] => (field(h, 23)?, field(m, 59)?, field(s, 59)?),
        _ => return None,
    };
    Time::new(hour, minute, second, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Zoned {
        "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap()
    }

    #[test]
    fn accepts_every_form_in_the_spec() {
        let cases = [
            ("2026-11-21 14:03", "2026-11-21T14:03:00+08:00"),
            ("2026-11-21T06:03:00Z", "2026-11-21T14:03:00+08:00"),
            ("2026-11-21T14:03:00+08:00", "2026-11-21T14:03:00+08:00"),
            ("2026/11/21 14:03", "2026-11-21T14:03:00+08:00"),
            ("2026年11月21日 14:03", "2026-11-21T14:03:00+08:00"),
            ("2026年11月21日14:03", "2026-11-21T14:03:00+08:00"),
            ("today 14:03", "2026-11-21T14:03:00+08:00"),
            ("今天 14:03", "2026-11-21T14:03:00+08:00"),
            ("yesterday 9:30", "2026-11-20T09:30:00+08:00"),
            ("昨天 9:30", "2026-11-20T09:30:00+08:00"),
            ("Yesterday 23:59:59", "2026-11-20T23:59:59+08:00"),
            ("14:03", "2026-11-21T14:03:00+08:00"),
            ("２０２６-１１-２１ １４：０３", "2026-11-21T14:03:00+08:00"),
            ("11月20日 08:15", "2026-11-20T08:15:00+08:00"),
            ("11月20号8:15", "2026-11-20T08:15:00+08:00"),
            ("12月31日 23:00", "2025-12-31T23:00:00+08:00"),
        ];
        for (raw, expected) in cases {
            assert_eq!(parse(raw, &now()).as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn keeps_the_users_offset_across_daylight_saving() {
        let london: Zoned = "2026-07-01T12:00:00+01:00[Europe/London]".parse().unwrap();
        assert_eq!(
            parse("2026-01-15 09:00", &london).unwrap(),
            "2026-01-15T09:00:00+00:00"
        );
        assert_eq!(
            parse("2026-06-15 09:00", &london).unwrap(),
            "2026-06-15T09:00:00+01:00"
        );
    }

    #[test]
    fn refuses_the_future_and_nonsense() {
        assert_eq!(parse("2026-11-22 09:00", &now()), Err(Invalid::InFuture));
        assert_eq!(parse("16:00", &now()), Err(Invalid::InFuture));
        for raw in [
            "2026-02-30 10:00",
            "25:00",
            "2026-11-21",
            "last week",
            "14",
            "2026年13月1日 1:00",
        ] {
            assert_eq!(parse(raw, &now()), Err(MALFORMED), "{raw}");
        }
    }

    #[test]
    fn a_time_the_clocks_skipped_is_an_error_not_an_hour_later() {
        let new_york: Zoned = "2026-06-01T12:00:00-04:00[America/New_York]"
            .parse()
            .unwrap();
        assert_eq!(
            parse("2026-03-08 02:30", &new_york),
            Err(Invalid::SkippedTime {
                time: "02:30".into(),
                zone: "America/New_York".into(),
                minutes: 60,
                clock_showed: "03:30".into(),
            })
        );
        // Either side of the gap is fine.
        assert_eq!(
            parse("2026-03-08 01:59", &new_york).unwrap(),
            "2026-03-08T01:59:00-05:00"
        );
        assert_eq!(
            parse("2026-03-08 03:00", &new_york).unwrap(),
            "2026-03-08T03:00:00-04:00"
        );
    }

    #[test]
    fn a_time_that_happened_twice_is_the_earlier_one() {
        let new_york: Zoned = "2026-12-01T12:00:00-05:00[America/New_York]"
            .parse()
            .unwrap();
        assert_eq!(
            parse("2026-11-01 01:30", &new_york).unwrap(),
            "2026-11-01T01:30:00-04:00"
        );
    }

    #[test]
    fn offsets_beyond_fourteen_hours_are_refused_and_fourteen_is_not() {
        assert_eq!(
            parse("2026-11-21T14:03:00+25:00", &now()),
            Err(Invalid::OffsetOutOfRange)
        );
        assert_eq!(
            parse("2026-11-21T14:03:00-14:01", &now()),
            Err(Invalid::OffsetOutOfRange)
        );
        assert_eq!(
            parse("2026-11-21T14:03:00+14:00", &now()).unwrap(),
            "2026-11-21T08:03:00+08:00"
        );
        assert_eq!(
            parse("2026-11-20T14:03:00-14:00", &now()).unwrap(),
            "2026-11-21T12:03:00+08:00"
        );
    }

    #[test]
    fn dates_before_1900_are_out_of_range() {
        let new_york: Zoned = "2026-06-01T12:00:00-04:00[America/New_York]"
            .parse()
            .unwrap();
        assert_eq!(
            parse("1677-01-01 10:00", &new_york),
            Err(Invalid::TooEarly { min_year: 1900 })
        );
        assert_eq!(
            parse("1899-12-31T23:59:59Z", &now()),
            Err(Invalid::TooEarly { min_year: 1900 })
        );
        // Shanghai kept local mean time, +08:05:43, until 1901.
        assert_eq!(
            parse("1900-06-01 10:00", &now()),
            Err(Invalid::TooEarly { min_year: 1900 })
        );
        assert_eq!(
            parse("1900-06-01 10:00Z", &now()),
            Err(Invalid::TooEarly { min_year: 1900 })
        );
        assert_eq!(
            parse("1930-06-01 10:00", &now()).unwrap(),
            "1930-06-01T10:00:00+08:00"
        );
        let utc: Zoned = "2026-06-01T12:00:00+00:00[UTC]".parse().unwrap();
        assert_eq!(
            parse("1900-01-01 00:00", &utc).unwrap(),
            "1900-01-01T00:00:00+00:00"
        );
    }
}
