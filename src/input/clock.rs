//! Times of day as people say them: `14:03`, `9:30`, `3pm`, `3:15 pm`, `noon`, `下午3点`,
//! `晚上8点半`, `3点一刻`, `两点`, `凌晨2点`, and the parts of the day on their own
//! (`下午`, `yesterday afternoon`), which stand for an approximate hour.

use jiff::civil::Time;

use super::zh_numeral;

/// A part of the day, said on its own or with an hour (`下午3点`, `3 pm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Period {
    /// am, a.m.
    Am,
    /// pm, p.m.
    Pm,
    /// 凌晨: after midnight, before dawn.
    SmallHours,
    /// 早上, 早晨, morning.
    Morning,
    /// 上午.
    Forenoon,
    /// 中午, noon.
    Noon,
    /// 下午, afternoon.
    Afternoon,
    /// 傍晚.
    Dusk,
    /// 晚上, evening, tonight.
    Evening,
    /// 夜里, 半夜, night.
    Night,
}

impl Period {
    /// The hour a part of the day stands for when no hour is given; shown as "around …".
    pub(super) fn typical_hour(self) -> i8 {
        match self {
            Period::SmallHours => 3,
            Period::Morning => 8,
            Period::Am | Period::Forenoon => 10,
            Period::Noon => 12,
            Period::Pm | Period::Afternoon => 15,
            Period::Dusk => 18,
            Period::Evening => 20,
            Period::Night => 23,
        }
    }

    /// `hour` on the 24-hour clock within this part of the day, and whether it falls after
    /// the midnight that ends the named day (`晚上12点`, `夜里1点`).
    pub(super) fn hour_24(self, hour: i8) -> Option<(i8, bool)> {
        let same = |h: i8| Some((h, false));
        match (self, hour) {
            (Period::Am | Period::SmallHours, 12) => same(0),
            (Period::Am, 0..=11)
            | (Period::Morning | Period::Forenoon, 0..=12)
            | (Period::SmallHours, 0..=6)
            | (Period::Noon, 11..=14)
            | (Period::Pm, 12)
            | (Period::Afternoon | Period::Dusk, 12..=23)
            | (Period::Evening, 17..=23)
            | (Period::Night, 18..=23) => same(hour),
            (Period::Noon, 1..=2)
            | (Period::Pm | Period::Afternoon | Period::Dusk, 1..=11)
            | (Period::Evening, 5..=11)
            | (Period::Night, 6..=11) => same(hour + 12),
            (Period::Evening | Period::Night, 12) => Some((0, true)),
            (Period::Evening, 1..=4) | (Period::Night, 0..=5) => Some((hour, true)),
            _ => None,
        }
    }
}

/// Words for a part of the day, longest first where one starts another; Cantonese `上昼`
/// and `下昼` (`上晝`, `下晝`) among them.
pub(super) const PERIODS: [(&str, Period); 27] = [
    ("in the morning", Period::Morning),
    ("in the afternoon", Period::Afternoon),
    ("in the evening", Period::Evening),
    ("at night", Period::Night),
    ("morning", Period::Morning),
    ("afternoon", Period::Afternoon),
    ("evening", Period::Evening),
    ("night", Period::Night),
    ("凌晨", Period::SmallHours),
    ("早上", Period::Morning),
    ("早晨", Period::Morning),
    ("清晨", Period::Morning),
    ("上午", Period::Forenoon),
    ("中午", Period::Noon),
    ("下午", Period::Afternoon),
    ("傍晚", Period::Dusk),
    ("晚上", Period::Evening),
    ("夜里", Period::Night),
    ("夜间", Period::Night),
    ("半夜", Period::Night),
    ("深夜", Period::Night),
    ("夜晚", Period::Night),
    ("上昼", Period::Forenoon),
    ("下昼", Period::Afternoon),
    ("午后", Period::Afternoon),
    ("晚间", Period::Evening),
    ("晚", Period::Evening),
];

/// An hour and minute as written, before the part of the day places it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Clock {
    pub hour: i8,
    pub minute: i8,
    pub second: i8,
    /// am or pm written with it.
    pub period: Option<Period>,
    /// A number with nothing to say it is an hour (`3` in `3 in the afternoon`): only
    /// read as one next to a part of the day.
    pub bare: bool,
    /// `11点几`: some minutes after the hour, not said which.
    pub about: bool,
}

impl Clock {
    pub(super) fn at(hour: u64, minute: u64, second: u64) -> Option<Clock> {
        Some(Clock {
            hour: i8::try_from(hour).ok().filter(|h| *h <= 24)?,
            minute: i8::try_from(minute).ok().filter(|m| *m <= 59)?,
            second: i8::try_from(second).ok().filter(|s| *s <= 59)?,
            period: None,
            bare: false,
            about: false,
        })
    }

    /// The wall-clock time, placed by `period` when one is given; and whether it falls
    /// after the midnight that ends the named day.
    pub(super) fn resolve(self, period: Option<Period>) -> Option<(Time, bool)> {
        let (hour, next_day) = match self.period.or(period) {
            Some(p) => p.hour_24(self.hour)?,
            None if self.bare || self.hour > 23 => return None,
            None => (self.hour, false),
        };
        Some((Time::new(hour, self.minute, self.second, 0).ok()?, next_day))
    }
}

/// A time of day at the start of `s` (lowercase, ASCII digits), and the rest.
pub(super) fn take(s: &str) -> Option<(Clock, &str)> {
    for (word, hour) in [
        ("noon", 12),
        ("midday", 12),
        ("midnight", 0),
        ("正午", 12),
        ("午夜", 0),
    ] {
        if let Some(rest) = s.strip_prefix(word) {
            let period = (hour == 12).then_some(Period::Noon);
            let clock = Clock {
                period,
                ..Clock::at(hour, 0, 0)?
            };
            return Some((clock, rest));
        }
    }
    let (hour, rest) = zh_numeral::take_number(s, 2)?;
    let ascii_hour = s.starts_with(|c: char| c.is_ascii_digit());
    if ascii_hour && rest.starts_with(':') {
        return colon_form(hour, rest);
    }
    if ascii_hour && let Some(found) = dotted_with_meridiem(hour, rest) {
        return Some(found);
    }
    if let Some(found) = chinese_form(hour, rest) {
        return Some(found);
    }
    if !ascii_hour {
        return None;
    }
    if let Some(rest) = rest.strip_prefix('h')
        && let Some((minute, rest)) = two_digits(rest)
    {
        return Some((Clock::at(hour, minute, 0)?, rest));
    }
    let (period, marked, rest) = match meridiem(rest) {
        Some((period, rest)) => (period, true, rest),
        None => match ["o'clock", " o'clock", "oclock", " oclock"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
        {
            Some(rest) => (None, true, rest),
            None => (None, false, rest),
        },
    };
    let clock = Clock {
        period,
        bare: !marked,
        ..Clock::at(hour, 0, 0)?
    };
    Some((clock, rest))
}

/// `14:03`, `14:03:20`, `9:30 pm`.
fn colon_form(hour: u64, rest: &str) -> Option<(Clock, &str)> {
    let rest = rest.strip_prefix(':')?;
    let (minute, rest) = two_digits(rest)?;
    let (second, rest) = match rest.strip_prefix(':').and_then(two_digits) {
        Some((second, rest)) => (second, rest),
        None => (0, rest),
    };
    let (period, rest) = meridiem(rest).unwrap_or((None, rest));
    let clock = Clock {
        period,
        ..Clock::at(hour, minute, second)?
    };
    Some((clock, rest))
}

/// `9.30pm`, `11.15 a.m.`: a dot between hour and minutes, placed by am or pm. Without
/// them `11.19` may be a date, which the scanner settles.
fn dotted_with_meridiem(hour: u64, rest: &str) -> Option<(Clock, &str)> {
    let (minute, rest) = two_digits(rest.strip_prefix('.')?)?;
    let (period, rest) = meridiem(rest)?;
    let clock = Clock {
        period,
        ..Clock::at(hour, minute, 0)?
    };
    Some((clock, rest))
}

/// `3点`, `3点半`, `3点一刻`, `3点15分`, `15时03分`, `三点钟`, `11点几`.
fn chinese_form(hour: u64, rest: &str) -> Option<(Clock, &str)> {
    let rest = rest
        .strip_prefix('点')
        .or_else(|| rest.strip_prefix('时'))?;
    let (minute, rest) = if let Some(r) = rest.strip_prefix('半') {
        (30, r)
    } else if let Some(r) = rest.strip_prefix("一刻") {
        (15, r)
    } else if let Some(r) = rest.strip_prefix("三刻") {
        (45, r)
    } else if let Some(r) = rest.strip_prefix('整') {
        (0, r)
    } else if let Some(r) = rest
        .strip_prefix("几分")
        .or_else(|| rest.strip_prefix('几'))
    {
        let rest = r.strip_prefix('钟').unwrap_or(r);
        let clock = Clock {
            about: true,
            ..Clock::at(hour, 0, 0)?
        };
        return Some((clock, rest));
    } else if let Some((m, r)) = zh_numeral::take_number(rest, 2) {
        (m, r.strip_prefix('分').unwrap_or(r))
    } else {
        (0, rest)
    };
    let rest = rest.strip_prefix('钟').unwrap_or(rest);
    Some((Clock::at(hour, minute, 0)?, rest))
}

/// Exactly two digits at the start of `s`.
fn two_digits(s: &str) -> Option<(u64, &str)> {
    let (digits, rest) = s.split_at_checked(2)?;
    let ok = digits.bytes().all(|b| b.is_ascii_digit())
        && !rest.starts_with(|c: char| c.is_ascii_digit());
    ok.then(|| Some((digits.parse().ok()?, rest))).flatten()
}

/// `am`, `pm`, `a.m.`, `p.m.`, with or without a space before.
pub(super) fn meridiem(s: &str) -> Option<(Option<Period>, &str)> {
    let t = s.strip_prefix(' ').unwrap_or(s);
    for (word, period) in [
        ("a.m.", Period::Am),
        ("p.m.", Period::Pm),
        ("am", Period::Am),
        ("pm", Period::Pm),
    ] {
        if let Some(rest) = t.strip_prefix(word)
            && !rest.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            return Some((Some(period), rest));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(s: &str, period: Option<Period>) -> Option<String> {
        let (clock, rest) = take(s)?;
        assert_eq!(rest, "", "{s}");
        let (time, _) = clock.resolve(period)?;
        Some(time.strftime("%H:%M").to_string())
    }

    #[test]
    fn clock_forms() {
        for (s, period, expected) in [
            ("14:03", None, "14:03"),
            ("9:30", None, "09:30"),
            ("3pm", None, "15:00"),
            ("3 pm", None, "15:00"),
            ("3:15 pm", None, "15:15"),
            ("12am", None, "00:00"),
            ("12pm", None, "12:00"),
            ("11 p.m.", None, "23:00"),
            ("3点", Some(Period::Afternoon), "15:00"),
            ("8点半", Some(Period::Evening), "20:30"),
            ("3点一刻", None, "03:15"),
            ("3点三刻", Some(Period::Pm), "15:45"),
            ("两点", None, "02:00"),
            ("十点十五分", None, "10:15"),
            ("15时03分", None, "15:03"),
            ("2点", Some(Period::SmallHours), "02:00"),
            ("12点", Some(Period::Noon), "12:00"),
            ("1点", Some(Period::Noon), "13:00"),
            ("6点", Some(Period::Dusk), "18:00"),
            ("noon", None, "12:00"),
            ("3", Some(Period::Afternoon), "15:00"),
            ("14h03", None, "14:03"),
            ("11点几", Some(Period::Evening), "23:00"),
            ("3点几分", None, "03:00"),
        ] {
            assert_eq!(time(s, period).as_deref(), Some(expected), "{s} {period:?}");
        }
    }

    #[test]
    fn a_dot_between_hour_and_minutes_with_am_or_pm() {
        for (s, expected) in [
            ("9.30pm", "21:30"),
            ("9.30 pm", "21:30"),
            ("11.15 a.m.", "11:15"),
            ("12.05am", "00:05"),
        ] {
            assert_eq!(time(s, None).as_deref(), Some(expected), "{s}");
        }
        // Without am or pm, the scanner settles whether it is a day or a time.
        let (clock, rest) = take("9.30").unwrap();
        assert!(clock.bare && rest == ".30");
        assert_eq!(take("9.3pm").map(|(_, rest)| rest), Some(".3pm"));
    }

    #[test]
    fn impossible_or_unplaced_hours_are_refused() {
        for (s, period) in [
            ("13pm", None),
            ("25:00", None),
            ("9:60", None),
            ("3", None),
            ("0pm", None),
            ("9点", Some(Period::SmallHours)),
        ] {
            assert_eq!(time(s, period), None, "{s} {period:?}");
        }
    }

    #[test]
    fn minutes_and_seconds_have_exactly_two_digits() {
        for s in ["14:031", "14:3", "14:03:5", "14:03:501"] {
            let rest = take(s).map(|(_, rest)| rest);
            assert!(rest.is_none_or(|r| !r.is_empty()), "{s}");
        }
        assert_eq!(take("14:031").map(|(c, _)| c.minute), None);
        assert_eq!(
            take("14:03:501").map(|(c, r)| (c.second, r)),
            Some((0, ":501"))
        );
    }

    #[test]
    fn noon_is_a_part_of_the_day_and_midnight_is_an_hour() {
        let (noon, _) = take("noon").unwrap();
        assert_eq!((noon.hour, noon.period), (12, Some(Period::Noon)));
        let (midnight, _) = take("midnight").unwrap();
        assert_eq!((midnight.hour, midnight.period), (0, None));
        // A part of the day said with noon does not move it.
        assert_eq!(
            time("noon", Some(Period::Evening)).as_deref(),
            Some("12:00")
        );
        assert_eq!(time("正午", None).as_deref(), Some("12:00"));
        assert_eq!(time("午夜", None).as_deref(), Some("00:00"));
    }

    #[test]
    fn small_hours_said_in_the_evening_or_night_are_the_next_day() {
        for (period, hour, expected) in [
            (Period::Evening, 1, Some((1, true))),
            (Period::Evening, 4, Some((4, true))),
            (Period::Evening, 5, Some((17, false))),
            (Period::Evening, 12, Some((0, true))),
            (Period::Night, 0, Some((0, true))),
            (Period::Night, 5, Some((5, true))),
            (Period::Night, 6, Some((18, false))),
            (Period::Night, 12, Some((0, true))),
            (Period::SmallHours, 7, None),
            (Period::Noon, 3, None),
        ] {
            assert_eq!(period.hour_24(hour), expected, "{period:?} {hour}");
        }
    }

    #[test]
    fn late_evening_hours_fall_after_midnight() {
        let (clock, _) = take("12点").unwrap();
        assert_eq!(
            clock.resolve(Some(Period::Evening)).map(|(_, next)| next),
            Some(true)
        );
        let (clock, _) = take("11点").unwrap();
        assert_eq!(
            clock.resolve(Some(Period::Evening)).map(|(_, next)| next),
            Some(false)
        );
    }
}
