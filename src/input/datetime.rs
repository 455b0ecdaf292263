//! Dates and times as users write them, in English and Chinese, read in the user's time zone
//! and shown as RFC 3339 with the user's UTC offset.

use jiff::civil::{Date, DateTime, Time};
use jiff::{Timestamp, Zoned};

use super::{InputType, Invalid, ascii_digits};

const MALFORMED: Invalid = Invalid::Malformed {
    input_type: InputType::Datetime,
};

/// How far ahead of the clock an answer may be: phones and computers disagree a little.
const CLOCK_SLACK_SECONDS: i64 = 120;

pub(super) fn parse(raw: &str, now: &Zoned) -> Result<String, Invalid> {
    let s = ascii_digits(raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let zoned = if let Ok(ts) = s.parse::<Timestamp>() {
        ts.to_zoned(now.time_zone().clone())
    } else {
        {
            let civil = parse_civil(&s, now.date()).ok_or(MALFORMED)?;
            civil
                .to_zoned(now.time_zone().clone())
                .map_err(|_| MALFORMED)?
        }
    };
    if zoned.timestamp().as_second() > now.timestamp().as_second() + CLOCK_SLACK_SECONDS {
        return Err(Invalid::InFuture);
    }
    Ok(zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
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
}
