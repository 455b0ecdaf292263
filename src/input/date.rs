//! Days: placing a day as said (`昨天`, `11月20日`, `Dec 5`, `上周五`, `05/12`) on the
//! calendar, and the `date` input type (due dates, refund dates), shown `2026-11-21`.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::scan::{self, Day, Which};
use super::{InputType, Invalid, ParseContext};

/// The earliest year accepted: before it, time zones were local mean time (New York was
/// `-04:56:02`), which is no RFC 3339 offset, and no wallet existed.
pub(super) const MIN_YEAR: i16 = 1900;

/// How many years ahead a `date` may be: a due date or a promised refund, not a plan.
const MAX_YEARS_AHEAD: i16 = 10;

/// Which occurrence a day without a year (or a weekday) means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    /// The latest one not after today: something that happened.
    Past,
    /// The one nearest to today, before or after: a due date.
    Nearest,
}

/// The `date` type: a day, with or without a time (which is dropped).
pub(super) fn parse(raw: &str, ctx: &ParseContext) -> Result<String, Invalid> {
    let malformed = Invalid::Malformed {
        input_type: InputType::Date,
    };
    let text = scan::normalize(raw);
    let reading = scan::read(&text)
        .and_then(|r| scan::settle(r, ctx.day_first, true))
        .ok_or(malformed.clone())?;
    let today = ctx.now.date();
    let date = match (reading.stamp, reading.day) {
        (Some((datetime, offset)), None) => offset
            .to_timestamp(datetime)
            .map_err(|_| malformed.clone())?
            .to_zoned(ctx.now.time_zone().clone())
            .date(),
        (None, Some(day)) => place(day, today, Direction::Nearest, ctx.day_first)?,
        _ => return Err(malformed),
    };
    check_weekday(date, reading.weekday)?;
    check_range(date, today)?;
    if date.year() > today.year().saturating_add(MAX_YEARS_AHEAD) {
        return Err(Invalid::TooFarAhead {
            max_year: today.year().saturating_add(MAX_YEARS_AHEAD),
        });
    }
    Ok(date.strftime("%Y-%m-%d").to_string())
}

/// A year before [`MIN_YEAR`] is refused.
pub(super) fn check_range(date: Date, _today: Date) -> Result<(), Invalid> {
    if date.year() < MIN_YEAR {
        return Err(Invalid::TooEarly { min_year: MIN_YEAR });
    }
    Ok(())
}

/// A weekday said with a date (`Fri 20 Nov`) must be that date's.
pub(super) fn check_weekday(date: Date, said: Option<Weekday>) -> Result<(), Invalid> {
    match said {
        Some(said) if said != date.weekday() => Err(Invalid::WrongWeekday {
            date: date.strftime("%Y-%m-%d").to_string(),
            said,
            actual: date.weekday(),
        }),
        _ => Ok(()),
    }
}

/// The calendar day `day` means, seen from `today`.
pub(super) fn place(
    day: Day,
    today: Date,
    direction: Direction,
    day_first: Option<bool>,
) -> Result<Date, Invalid> {
    let malformed = Invalid::Malformed {
        input_type: InputType::Date,
    };
    let found = match day {
        Day::Absolute(date) => Some(date),
        Day::Relative(days) => today.checked_add(days.days()).ok(),
        Day::YearLess { month, day } => {
            let years = [-1, 0, 1].map(|d| today.year().saturating_add(d));
            pick(
                years.map(|y| Date::new(y, month, day).ok()),
                today,
                direction,
            )
        }
        Day::OfMonth(day) => {
            let first = today.first_of_month();
            let months = [-1, 0, 1].map(|m| first.checked_add(m.months()).ok());
            let days = months.map(|m| m.and_then(|m| Date::new(m.year(), m.month(), day).ok()));
            pick(days, today, direction)
        }
        Day::Weekday { weekday, which } => Some(weekday_date(weekday, which, today, direction)),
        Day::Numeric {
            first,
            second,
            year,
        } => return numeric(first, second, year, today, direction, day_first),
    };
    found.ok_or(malformed)
}

/// Of the candidates, the latest not after today (past) or the nearest (due dates).
fn pick(candidates: [Option<Date>; 3], today: Date, direction: Direction) -> Option<Date> {
    let dates = candidates.into_iter().flatten();
    match direction {
        Direction::Past => dates.filter(|d| *d <= today).max(),
        Direction::Nearest => dates.min_by_key(|d| (today - *d).get_days().unsigned_abs()),
    }
}

fn weekday_date(weekday: Weekday, which: Which, today: Date, direction: Direction) -> Date {
    let back = i32::from(today.weekday().since(weekday));
    let ahead = i32::from(weekday.since(today.weekday()));
    let monday_offset = i32::from(today.weekday().to_monday_zero_offset());
    let in_week = i32::from(weekday.to_monday_zero_offset()) - monday_offset;
    let days = match (which, direction) {
        (Which::Nearest, Direction::Nearest) if ahead <= back => ahead,
        (Which::Nearest, _) => -back,
        (Which::Last, _) => {
            if back == 0 {
                -7
            } else {
                -back
            }
        }
        (Which::LastWeek, _) => in_week - 7,
        (Which::ThisWeek, _) => in_week,
        (Which::NextWeek, _) => in_week + 7,
    };
    today.checked_add(days.days()).unwrap_or(today)
}

/// `05/12`: month first or day first, by the locale when both are valid.
fn numeric(
    first: i8,
    second: i8,
    year: Option<i16>,
    today: Date,
    direction: Direction,
    day_first: Option<bool>,
) -> Result<Date, Invalid> {
    let malformed = Invalid::Malformed {
        input_type: InputType::Date,
    };
    let place_one = |month: i8, day: i8| -> Option<Date> {
        match year {
            Some(y) => Date::new(y, month, day).ok(),
            None => place(Day::YearLess { month, day }, today, direction, None).ok(),
        }
    };
    let month_first = place_one(first, second);
    let day_first_reading = place_one(second, first);
    match (month_first, day_first_reading) {
        (Some(m), Some(d)) if m != d => match day_first {
            Some(true) => Ok(d),
            Some(false) => Ok(m),
            None => Err(Invalid::AmbiguousDate {
                month_first: m.strftime("%Y-%m-%d").to_string(),
                day_first: d.strftime("%Y-%m-%d").to_string(),
            }),
        },
        (Some(m), _) => Ok(m),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(malformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> ParseContext {
        ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap())
    }

    fn date(raw: &str) -> Result<String, Invalid> {
        parse(raw, &ctx())
    }

    #[test]
    fn due_dates_and_refund_dates() {
        for (raw, expected) in [
            ("2026-11-21", "2026-11-21"),
            ("2026/12/01", "2026-12-01"),
            ("2026年12月1日", "2026-12-01"),
            ("12月5日", "2026-12-05"),
            ("tomorrow", "2026-11-22"),
            ("明天", "2026-11-22"),
            ("后天", "2026-11-23"),
            ("in 3 days", "2026-11-24"),
            ("3天后", "2026-11-24"),
            ("yesterday", "2026-11-20"),
            ("Dec 5", "2026-12-05"),
            ("5 December 2026", "2026-12-05"),
            ("Jan 3", "2027-01-03"),
            ("1号", "2026-12-01"),
            ("20号", "2026-11-20"),
            ("周一", "2026-11-23"),
            // The nearest Friday to a Saturday is the day before, not six days on.
            ("周五", "2026-11-20"),
            // November has no 31st: the nearest is October's, not December's.
            ("31号", "2026-10-31"),
            ("上周五", "2026-11-13"),
            ("下周一", "2026-11-23"),
            ("next Friday", "2026-11-27"),
            ("2026-11-21 14:03", "2026-11-21"),
            ("2026-11-21T23:30:00Z", "2026-11-22"),
            ("31/12/2026", "2026-12-31"),
        ] {
            assert_eq!(date(raw).as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn refuses_what_is_no_date() {
        assert_eq!(
            date("1899-12-31"),
            Err(Invalid::TooEarly { min_year: 1900 })
        );
        assert_eq!(
            date("2037-01-01"),
            Err(Invalid::TooFarAhead { max_year: 2036 })
        );
        // The limits themselves are accepted.
        assert_eq!(date("2036-12-31").as_deref(), Ok("2036-12-31"));
        assert_eq!(date("1900-01-01").as_deref(), Ok("1900-01-01"));
        assert_eq!(
            date("05/12/2026"),
            Err(Invalid::AmbiguousDate {
                month_first: "2026-05-12".into(),
                day_first: "2026-12-05".into()
            })
        );
        for raw in ["14:03", "2026-02-30", "last week", "下午", "32号"] {
            assert!(date(raw).is_err(), "{raw}");
        }
    }

    #[test]
    fn a_dotted_pair_is_a_day_and_a_weekday_checks_it() {
        for (raw, expected) in [
            ("9.30", "2026-09-30"),
            ("11.19", "2026-11-19"),
            ("14.03", "2027-03-14"),
            ("周四 11.19", "2026-11-19"),
            ("Fri 20 Nov", "2026-11-20"),
            ("2026-11-19 9.30", "2026-11-19"),
        ] {
            assert_eq!(date(raw).as_deref(), Ok(expected), "{raw}");
        }
        assert_eq!(
            date("周五 11.19"),
            Err(Invalid::WrongWeekday {
                date: "2026-11-19".into(),
                said: Weekday::Friday,
                actual: Weekday::Thursday,
            })
        );
        assert_eq!(check_weekday("2026-11-19".parse().unwrap(), None), Ok(()));
        // Like `05/12`, a pair that is a day either way needs the locale.
        assert_eq!(
            date("12.5"),
            Err(Invalid::AmbiguousDate {
                month_first: "2026-12-05".into(),
                day_first: "2027-05-12".into()
            })
        );
    }

    #[test]
    fn the_locale_settles_day_and_month() {
        let mut gb = ctx();
        gb.day_first = Some(true);
        assert_eq!(parse("05/12/2026", &gb).as_deref(), Ok("2026-12-05"));
        gb.day_first = Some(false);
        assert_eq!(parse("05/12/2026", &gb).as_deref(), Ok("2026-05-12"));
        assert_eq!(date("13/05/2026").as_deref(), Ok("2026-05-13"));
        assert_eq!(date("05/05/2026").as_deref(), Ok("2026-05-05"));
    }

    #[test]
    fn weekdays_are_placed_from_today() {
        let saturday: Date = "2026-11-21".parse().unwrap();
        let friday = Weekday::Friday;
        let place_it = |which, direction| weekday_date(friday, which, saturday, direction);
        assert_eq!(
            place_it(Which::Nearest, Direction::Past).to_string(),
            "2026-11-20"
        );
        assert_eq!(
            place_it(Which::Last, Direction::Past).to_string(),
            "2026-11-20"
        );
        assert_eq!(
            place_it(Which::LastWeek, Direction::Past).to_string(),
            "2026-11-13"
        );
        assert_eq!(
            place_it(Which::ThisWeek, Direction::Past).to_string(),
            "2026-11-20"
        );
        assert_eq!(
            weekday_date(Weekday::Saturday, Which::Last, saturday, Direction::Past).to_string(),
            "2026-11-14"
        );
    }
}
