//! When something happened, as people say it in English and Chinese (`yesterday 3pm`,
//! `昨天下午3点左右`, `Dec 5 14:00`, `11月20日 不记得几点`, RFC 3339), read in the user's
//! time zone and shown as RFC 3339 with the user's UTC offset, with how exact it is: a time
//! (`exact`), "about" or a part of the day (`approximate`), or only the day (`date`, never
//! an invented time).

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use jiff::{ToSpan, Zoned};

use super::date::{self, Direction, MIN_YEAR};
use super::scan::{self, Reading};
use super::{InputType, Invalid, Note, ParseContext, Parsed, Precision};
use crate::lang::Lang;

const MALFORMED: Invalid = Invalid::Malformed {
    input_type: InputType::Datetime,
};

/// How far ahead of the clock an answer may be: phones and computers disagree a little.
const CLOCK_SLACK_SECONDS: i64 = 120;

/// The widest UTC offset in use anywhere (Kiribati, +14:00); anything beyond is a typo.
const MAX_OFFSET_SECONDS: i32 = 14 * 3600;

const RFC3339: &str = "%Y-%m-%dT%H:%M:%S%:z";

pub(super) fn parse(raw: &str, ctx: &ParseContext) -> Result<Parsed, Invalid> {
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(raw.trim()) {
        return emailed(&zoned, ctx);
    }
    let text = scan::normalize(raw);
    let reading = scan::read(&text)
        .and_then(|r| scan::settle(r, ctx.day_first, false))
        .ok_or(MALFORMED)?;
    if let Some((datetime, offset)) = reading.stamp {
        if reading.day.is_some() || reading.clock.is_some() || reading.period.is_some() {
            return Err(MALFORMED);
        }
        return stamped(datetime, offset, &reading, ctx);
    }
    let today = ctx.now.date();
    let day = reading
        .day
        .map(|d| date::place(d, today, Direction::Past, ctx.day_first))
        .transpose()
        .map_err(|e| match e {
            Invalid::Malformed { .. } => MALFORMED,
            other => other,
        })?;
    if let Some(day) = day {
        date::check_weekday(day, reading.weekday)?;
    }
    let time = time_of_day(&reading)?;
    let Some((time, next_day, precision)) = time else {
        // Only the day: the time is not known, and none is made up.
        let day = day.ok_or(if reading.unknown_time {
            Invalid::NeedDay
        } else {
            MALFORMED
        })?;
        date::check_range(day, today)?;
        if day > today {
            return Err(Invalid::InFuture);
        }
        return Ok(Parsed::with_precision(
            day.strftime("%Y-%m-%d").to_string(),
            Precision::Date,
        ));
    };
    let day = match (day, next_day) {
        (Some(d), true) => d.checked_add(1.day()).map_err(|_| MALFORMED)?,
        (Some(d), false) => d,
        (None, _) => today,
    };
    date::check_range(day, today)?;
    let (zoned, note) = in_zone(day.to_datetime(time), &ctx.now)?;
    finish(&zoned, precision, note, ctx)
}

/// The time of day said, placed by its part of the day, with how exact it is; `None` when
/// only a day was given (or the user does not know the time).
fn time_of_day(reading: &Reading) -> Result<Option<(Time, bool, Precision)>, Invalid> {
    let vague = if reading.about || reading.unknown_time {
        Precision::Approximate
    } else {
        Precision::Exact
    };
    match (reading.clock, reading.period) {
        (Some(clock), period) => {
            let (time, next_day) = clock.resolve(period).ok_or(MALFORMED)?;
            Ok(Some((time, next_day, vague)))
        }
        (None, Some(period)) => {
            let time = Time::new(period.typical_hour(), 0, 0, 0).map_err(|_| MALFORMED)?;
            Ok(Some((time, false, Precision::Approximate)))
        }
        (None, None) => Ok(None),
    }
}

/// A timestamp written with its offset, shown in the user's zone.
fn stamped(
    datetime: DateTime,
    offset: Offset,
    reading: &Reading,
    ctx: &ParseContext,
) -> Result<Parsed, Invalid> {
    if offset.seconds().abs() > MAX_OFFSET_SECONDS {
        return Err(Invalid::OffsetOutOfRange);
    }
    let zoned = offset
        .to_timestamp(datetime)
        .map_err(|_| MALFORMED)?
        .to_zoned(ctx.now.time_zone().clone());
    let precision = if reading.about || reading.unknown_time {
        Precision::Approximate
    } else {
        Precision::Exact
    };
    finish(&zoned, precision, None, ctx)
}

/// A time copied from an email header or a receipt (RFC 2822: `Fri, 20 Nov 2026 14:03:00
/// +0800`), shown in the user's zone.
fn emailed(zoned: &Zoned, ctx: &ParseContext) -> Result<Parsed, Invalid> {
    if zoned.offset().seconds().abs() > MAX_OFFSET_SECONDS {
        return Err(Invalid::OffsetOutOfRange);
    }
    let zoned = zoned.with_time_zone(ctx.now.time_zone().clone());
    finish(&zoned, Precision::Exact, None, ctx)
}

/// The checks every time passes (not before 1900, an RFC 3339 offset, not in the future),
/// then the value.
fn finish(
    zoned: &Zoned,
    precision: Precision,
    note: Option<Note>,
    ctx: &ParseContext,
) -> Result<Parsed, Invalid> {
    // Local mean time (`+08:05:43`) has no RFC 3339 form: zones kept it into the 1900s.
    if zoned.year() < MIN_YEAR || zoned.offset().seconds() % 60 != 0 {
        return Err(Invalid::TooEarly { min_year: MIN_YEAR });
    }
    let ahead = zoned.timestamp().as_second() - ctx.now.timestamp().as_second();
    if ahead > CLOCK_SLACK_SECONDS {
        return Err(Invalid::InFuture);
    }
    Ok(Parsed {
        note,
        ..Parsed::with_precision(zoned.strftime(RFC3339).to_string(), precision)
    })
}

/// A wall-clock time in the user's zone. A time the clocks skipped (the hour lost when
/// daylight saving starts) is refused, never moved; a time that happened twice (the hour
/// repeated when it ends) is the earlier one, with a note saying so.
fn in_zone(civil: DateTime, now: &Zoned) -> Result<(Zoned, Option<Note>), Invalid> {
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
        AmbiguousOffset::Fold { .. } => {
            let later = ambiguous.clone().later().map_err(|_| MALFORMED)?;
            let earlier = ambiguous.earlier().map_err(|_| MALFORMED)?;
            let note = Note::RepeatedHour {
                earlier: earlier.strftime(RFC3339).to_string(),
                later: later.strftime(RFC3339).to_string(),
            };
            Ok((earlier, Some(note)))
        }
        AmbiguousOffset::Unambiguous { .. } => ambiguous
            .compatible()
            .map(|z| (z, None))
            .map_err(|_| MALFORMED),
    }
}

/// An approximate RFC 3339 value as people read it: `2026-11-21, around 15:00 (UTC+08:00)`.
pub(super) fn show_approximate(value: &str, lang: Lang) -> Option<String> {
    let pieces = jiff::fmt::temporal::Pieces::parse(value).ok()?;
    let (date, time, offset): (Date, Time, Offset) =
        (pieces.date(), pieces.time()?, pieces.to_numeric_offset()?);
    let zone = TimeZone::fixed(offset);
    let at = date.to_datetime(time).to_zoned(zone).ok()?;
    let (day, clock, utc) = (
        at.strftime("%Y-%m-%d"),
        at.strftime("%H:%M"),
        at.strftime("%:z"),
    );
    Some(match lang {
        Lang::En => format!("{day}, around {clock} (UTC{utc})"),
        Lang::Zh => format!("{day} {clock} 左右（UTC{utc}）"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Zoned {
        "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap()
    }

    fn at(zoned: &Zoned) -> ParseContext {
        ParseContext::new(zoned.clone())
    }

    fn parse_at(raw: &str, now: &Zoned) -> Result<String, Invalid> {
        parse(raw, &at(now)).map(|p| p.value)
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
            ("3pm", "2026-11-21T15:00:00+08:00"),
            ("２:15 pm", "2026-11-21T14:15:00+08:00"),
            ("下午3点", "2026-11-21T15:00:00+08:00"),
            ("昨天晚上8点半", "2026-11-20T20:30:00+08:00"),
            ("Dec 5 14:00", "2025-12-05T14:00:00+08:00"),
            ("２０２６-１１-２１ １４：０３", "2026-11-21T14:03:00+08:00"),
            ("11月20日 08:15", "2026-11-20T08:15:00+08:00"),
            ("11月20号8:15", "2026-11-20T08:15:00+08:00"),
            ("12月31日 23:00", "2025-12-31T23:00:00+08:00"),
        ];
        for (raw, expected) in cases {
            assert_eq!(parse_at(raw, &now()).as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn how_exact_a_time_is() {
        let precision = |raw: &str| parse(raw, &at(&now())).map(|p| (p.value, p.precision));
        let approx = Some(Precision::Approximate);
        assert_eq!(
            precision("about 3pm"),
            Ok(("2026-11-21T15:00:00+08:00".into(), approx))
        );
        assert_eq!(
            precision("昨天下午"),
            Ok(("2026-11-20T15:00:00+08:00".into(), approx))
        );
        assert_eq!(
            precision("yesterday, don't know the time"),
            Ok(("2026-11-20".into(), Some(Precision::Date)))
        );
        assert_eq!(
            precision("2026-11-20"),
            Ok(("2026-11-20".into(), Some(Precision::Date)))
        );
        assert_eq!(precision("不记得几点"), Err(Invalid::NeedDay));
        assert_eq!(precision("14:03").map(|p| p.1), Ok(Some(Precision::Exact)));
        let typed = parse("about 3pm", &at(&now())).unwrap().typed();
        assert_eq!(parse(&typed, &at(&now())).map(|p| p.precision), Ok(approx));
    }

    #[test]
    fn a_weekday_with_a_date_must_be_that_dates() {
        assert_eq!(
            parse_at("Fri 20 Nov 14:03", &now()).as_deref(),
            Ok("2026-11-20T14:03:00+08:00")
        );
        assert_eq!(
            parse_at("11月20日（週五）", &now()).as_deref(),
            Ok("2026-11-20")
        );
        assert_eq!(
            parse_at("Thu 20 Nov 14:03", &now()),
            Err(Invalid::WrongWeekday {
                date: "2026-11-20".into(),
                said: jiff::civil::Weekday::Thursday,
                actual: jiff::civil::Weekday::Friday,
            })
        );
        // The weekday is the named day's, not the one after midnight.
        assert_eq!(
            parse_at("周四晚上12点", &now()).as_deref(),
            Ok("2026-11-20T00:00:00+08:00")
        );
        assert_eq!(
            parse_at("11月19日(周四)晚上12点", &now()).as_deref(),
            Ok("2026-11-20T00:00:00+08:00")
        );
    }

    #[test]
    fn a_dotted_pair_follows_the_locale_when_it_could_be_either() {
        let mut ctx = at(&now());
        ctx.day_first = Some(false);
        let read = |raw: &str, ctx: &ParseContext| parse(raw, ctx).map(|p| p.value);
        assert_eq!(read("11.19", &ctx).as_deref(), Ok("2026-11-19"));
        assert_eq!(
            read("11.19 20:10", &ctx).as_deref(),
            Ok("2026-11-19T20:10:00+08:00")
        );
        ctx.day_first = Some(true);
        assert_eq!(
            read("11.19", &ctx).as_deref(),
            Ok("2026-11-21T11:19:00+08:00")
        );
        assert_eq!(
            read("19.11 20:10", &ctx).as_deref(),
            Ok("2026-11-19T20:10:00+08:00")
        );
        assert_eq!(read("9.3pm", &ctx), Err(MALFORMED));
    }

    #[test]
    fn an_email_date_header_reads_in_the_users_zone() {
        assert_eq!(
            parse_at("Fri, 20 Nov 2026 06:03:00 +0000", &now()).as_deref(),
            Ok("2026-11-20T14:03:00+08:00")
        );
        assert_eq!(
            parse_at("20 Nov 2026 14:03 +0800", &now()).as_deref(),
            Ok("2026-11-20T14:03:00+08:00")
        );
        assert_eq!(
            parse_at("Fri, 20 Nov 2026 14:03:00 +1401", &now()),
            Err(Invalid::OffsetOutOfRange)
        );
        assert_eq!(
            parse_at("Fri, 20 Nov 2026 14:03:00 +1400", &now()).as_deref(),
            Ok("2026-11-20T08:03:00+08:00")
        );
        assert_eq!(
            parse_at("Sun, 22 Nov 2026 14:03:00 +0800", &now()),
            Err(Invalid::InFuture)
        );
    }

    #[test]
    fn keeps_the_users_offset_across_daylight_saving() {
        let london: Zoned = "2026-07-01T12:00:00+01:00[Europe/London]".parse().unwrap();
        assert_eq!(
            parse_at("2026-01-15 09:00", &london).unwrap(),
            "2026-01-15T09:00:00+00:00"
        );
        assert_eq!(
            parse_at("2026-06-15 09:00", &london).unwrap(),
            "2026-06-15T09:00:00+01:00"
        );
    }

    #[test]
    fn refuses_the_future_and_nonsense() {
        assert_eq!(parse_at("2026-11-22 09:00", &now()), Err(Invalid::InFuture));
        assert_eq!(parse_at("16:00", &now()), Err(Invalid::InFuture));
        assert_eq!(parse_at("tomorrow", &now()), Err(Invalid::InFuture));
        // Two minutes of clock disagreement are allowed, not one second more (now is 15:04:05).
        assert_eq!(
            parse_at("15:06:05", &now()).as_deref(),
            Ok("2026-11-21T15:06:05+08:00")
        );
        assert_eq!(parse_at("15:06:06", &now()), Err(Invalid::InFuture));
        assert_eq!(parse_at("2026-11-21", &now()).as_deref(), Ok("2026-11-21"));
        for raw in [
            "2026-02-30 10:00",
            "25:00",
            "last week",
            "14",
            "2026年13月1日 1:00",
        ] {
            assert_eq!(parse_at(raw, &now()), Err(MALFORMED), "{raw}");
        }
    }

    #[test]
    fn a_full_timestamp_with_another_day_or_time_beside_it_is_malformed() {
        // A pasted timestamp already says when; a word that says it again is a second answer.
        for raw in [
            "2026-11-21T14:03:00+08:00 yesterday",
            "2026-11-21T14:03:00+08:00 3pm",
            "2026-11-21T14:03:00+08:00 下午",
        ] {
            assert_eq!(parse_at(raw, &now()), Err(MALFORMED), "{raw}");
        }
    }

    #[test]
    fn a_time_the_clocks_skipped_is_an_error_not_an_hour_later() {
        let new_york: Zoned = "2026-06-01T12:00:00-04:00[America/New_York]"
            .parse()
            .unwrap();
        assert_eq!(
            parse_at("2026-03-08 02:30", &new_york),
            Err(Invalid::SkippedTime {
                time: "02:30".into(),
                zone: "America/New_York".into(),
                minutes: 60,
                clock_showed: "03:30".into(),
            })
        );
        // Either side of the gap is fine.
        assert_eq!(
            parse_at("2026-03-08 01:59", &new_york).unwrap(),
            "2026-03-08T01:59:00-05:00"
        );
        assert_eq!(
            parse_at("2026-03-08 03:00", &new_york).unwrap(),
            "2026-03-08T03:00:00-04:00"
        );
    }

    #[test]
    fn a_time_that_happened_twice_is_the_earlier_one_with_a_note() {
        let new_york: Zoned = "2026-12-01T12:00:00-05:00[America/New_York]"
            .parse()
            .unwrap();
        let parsed = parse("2026-11-01 01:30", &at(&new_york)).unwrap();
        assert_eq!(parsed.value, "2026-11-01T01:30:00-04:00");
        assert_eq!(
            parsed.note,
            Some(Note::RepeatedHour {
                earlier: "2026-11-01T01:30:00-04:00".into(),
                later: "2026-11-01T01:30:00-05:00".into(),
            })
        );
        assert!(parsed.note.unwrap().message(Lang::Zh).contains("两次"));
    }

    #[test]
    fn offsets_beyond_fourteen_hours_are_refused_and_fourteen_is_not() {
        for raw in ["2026-11-21T14:03:00+25:00", "2026-11-21T14:03:00-14:01"] {
            assert_eq!(
                parse_at(raw, &now()),
                Err(Invalid::OffsetOutOfRange),
                "{raw}"
            );
        }
        assert_eq!(
            parse_at("2026-11-21T14:03:00+14:00", &now()).unwrap(),
            "2026-11-21T08:03:00+08:00"
        );
        assert_eq!(
            parse_at("2026-11-20T14:03:00-14:00", &now()).unwrap(),
            "2026-11-21T12:03:00+08:00"
        );
    }

    #[test]
    fn dates_before_1900_are_out_of_range() {
        let new_york: Zoned = "2026-06-01T12:00:00-04:00[America/New_York]"
            .parse()
            .unwrap();
        let too_early = Err(Invalid::TooEarly { min_year: 1900 });
        assert_eq!(parse_at("1677-01-01 10:00", &new_york), too_early);
        assert_eq!(parse_at("1899-12-31T23:59:59Z", &now()), too_early);
        // Shanghai kept local mean time, +08:05:43, until 1901.
        assert_eq!(parse_at("1900-06-01 10:00", &now()), too_early);
        assert_eq!(parse_at("1900-06-01 10:00Z", &now()), too_early);
        assert_eq!(
            parse_at("1930-06-01 10:00", &now()).unwrap(),
            "1930-06-01T10:00:00+08:00"
        );
        let utc: Zoned = "2026-06-01T12:00:00+00:00[UTC]".parse().unwrap();
        assert_eq!(
            parse_at("1900-01-01 00:00", &utc).unwrap(),
            "1900-01-01T00:00:00+00:00"
        );
    }
}
