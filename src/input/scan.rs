//! Reads a date or time answer into its parts (a day, a time of day, a part of the day,
//! "about", "don't know the time", or a full RFC 3339 timestamp), in whatever order people
//! put them: `昨天下午3点左右`, `3pm yesterday`, `11月20日 不记得几点`, `Dec 5, 2026 14:00`.
//!
//! Each part may be said once (a weekday may name the day a date gives: `Fri 20 Nov`,
//! `11月20日（周五）`); a word the scanner does not know makes the answer malformed, so
//! nothing the user wrote is silently ignored.

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::Offset;

use super::clock::{self, Clock, PERIODS, Period};
use super::{folded, zh_numeral};

/// A day as said, before today's date places it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Day {
    /// With its year: `2026-11-21`, `2026年11月21日`, `5 Dec 2026`.
    Absolute(Date),
    /// `11月20日`, `Dec 5`.
    YearLess {
        month: i8,
        day: i8,
    },
    /// `5号`, `the 5th`.
    OfMonth(i8),
    /// Days from today: `yesterday` is -1, `明天` is 1.
    Relative(i32),
    Weekday {
        weekday: Weekday,
        which: Which,
    },
    /// `05/12` or `05/12/2026`: which number is the month depends on the locale.
    Numeric {
        first: i8,
        second: i8,
        year: Option<i16>,
    },
}

/// Which of the weekdays with that name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Which {
    /// `Friday`, `周五`: the nearest one.
    Nearest,
    /// `last Friday`: the latest before today.
    Last,
    /// `上周五`: in the calendar week before this one.
    LastWeek,
    /// `这周五`, `this Friday`: in this calendar week.
    ThisWeek,
    /// `下周一`, `next Monday`: in the calendar week after this one.
    NextWeek,
}

/// Everything an answer said about when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Reading {
    pub day: Option<Day>,
    pub clock: Option<Clock>,
    pub period: Option<Period>,
    pub about: bool,
    pub unknown_time: bool,
    /// A complete timestamp with its offset (RFC 3339).
    pub stamp: Option<(DateTime, Offset)>,
    /// A weekday said with a date (`Fri 20 Nov`): the date must fall on it.
    pub weekday: Option<Weekday>,
    /// `11.19` or `9.30`: a month and day or a time, settled by [`settle`].
    pub dotted: Option<Dotted>,
}

/// Two numbers joined by a dot, with no year: `11.19` (19 November, or 11 Nov day-first)
/// or `21.30` (half past nine in the evening).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Dotted {
    first: u64,
    second: u64,
    /// The second number has two digits, as minutes always do.
    two_digit_second: bool,
}

impl Dotted {
    /// As a time of day, when it can be one.
    fn as_clock(self) -> Option<Clock> {
        if !self.two_digit_second || self.first > 23 {
            return None;
        }
        clock::Clock::at(self.first, self.second, 0)
    }

    /// As a month and day, when it is a calendar day in the order `day_first` gives, or in
    /// either order with `None`.
    fn as_day(self, day_first: Option<bool>) -> Option<Day> {
        let (first, second) = (
            i8::try_from(self.first).ok()?,
            i8::try_from(self.second).ok()?,
        );
        // 2024 is a leap year: 29 February is a day.
        let valid = |month: i8, day: i8| Date::new(2024, month, day).is_ok();
        let ok = match day_first {
            Some(false) => valid(first, second),
            Some(true) => valid(second, first),
            None => valid(first, second) || valid(second, first),
        };
        ok.then_some(Day::Numeric {
            first,
            second,
            year: None,
        })
    }
}

impl Reading {
    fn says_anything(&self) -> bool {
        self.day.is_some()
            || self.clock.is_some()
            || self.period.is_some()
            || self.stamp.is_some()
            || self.dotted.is_some()
    }
}

/// Lowercase ASCII, full-width forms as ASCII, traditional characters as simplified, one
/// space between words.
pub(super) fn normalize(raw: &str) -> String {
    folded(raw)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The parts of `s` (already [`normalize`]d), or `None` when some of it is not a date or
/// time, or a part is said twice.
pub(super) fn read(mut s: &str) -> Option<Reading> {
    let mut reading = Reading::default();
    // Every step takes at least one character, so this ends; the cap keeps it short.
    for _ in 0..64 {
        s = s.trim_start_matches([' ', ',', ';', '.', '。', '、', '/', '(', ')']);
        if s.is_empty() {
            return (reading.says_anything() || reading.unknown_time).then_some(reading);
        }
        s = step(s, &mut reading)?;
    }
    None
}

/// Reads one part at the start of `s` into `reading`; returns the rest.
fn step<'s>(s: &'s str, reading: &mut Reading) -> Option<&'s str> {
    if let Some((stamp, rest)) = take_stamp(s) {
        set(&mut reading.stamp, stamp)?;
        return Some(rest);
    }
    if let Some(rest) = take_any(s, &UNKNOWN) {
        reading.unknown_time = true;
        return Some(rest);
    }
    if let Some(rest) = take_any(s, &ABOUT) {
        reading.about = true;
        return Some(rest);
    }
    if let Some((day, period, rest)) = relative_day(s) {
        set_day(reading, day)?;
        if let Some(period) = period {
            set_period(reading, period)?;
        }
        return Some(rest);
    }
    if let Some((day, rest)) = take_date(s) {
        set_day(reading, day)?;
        // `2026-11-21T14:03`: the `t` joins a date and a time.
        return Some(rest.strip_prefix('t').unwrap_or(rest));
    }
    if let Some((dotted, rest)) = dotted(s) {
        set(&mut reading.dotted, dotted)?;
        return Some(rest);
    }
    if let Some((clock, rest)) = clock::take(s) {
        reading.about |= clock.about;
        set(&mut reading.clock, clock)?;
        return Some(rest);
    }
    if let Some((period, rest)) = meridiem_before_a_time(s) {
        set_period(reading, period)?;
        return Some(rest);
    }
    if let Some((period, rest)) = PERIODS
        .iter()
        .find_map(|(w, p)| strip_word(s, w).map(|r| (*p, r)))
    {
        set_period(reading, period)?;
        return Some(rest);
    }
    take_any(s, &FILLERS)
}

/// Fills a part said once; the same part said again is refused.
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// The day, said once; a weekday may come with a day that is otherwise given (`Fri 20
/// Nov`, `11月20日 周五`, `昨天（周五）`), in either order, and is then checked against it.
fn set_day(reading: &mut Reading, day: Day) -> Option<()> {
    match (reading.day, day) {
        (None, day) => reading.day = Some(day),
        (Some(Day::Weekday { weekday, .. }), dated) if !matches!(dated, Day::Weekday { .. }) => {
            set(&mut reading.weekday, weekday)?;
            reading.day = Some(dated);
        }
        (Some(dated), Day::Weekday { weekday, .. }) if !matches!(dated, Day::Weekday { .. }) => {
            set(&mut reading.weekday, weekday)?;
        }
        _ => return None,
    }
    Some(())
}

/// `11.19` or `21.30` at the start of `s`: two numbers and a dot, no year, no am/pm after
/// (`9.30pm` is a time the clock reads).
fn dotted(s: &str) -> Option<(Dotted, &str)> {
    let (first, rest) = digits(s, 1, 2)?;
    let after_dot = rest.strip_prefix('.')?;
    let (second, rest) = digits(after_dot, 1, 2)?;
    if rest.starts_with('.') || clock::meridiem(rest).is_some() {
        return None;
    }
    let two_digit_second = after_dot.len() - rest.len() == 2;
    let dotted = Dotted {
        first,
        second,
        two_digit_second,
    };
    Some((dotted, rest))
}

/// Reads a dotted pair (`11.19`, `9.30`) as whichever of a day or a time the rest of the
/// answer leaves open. A day when a time is given (`11.19 20:10`, either order of month
/// and day, as `05/12` is read), or for the `date` type (`want_day`); a time when a day or
/// a part of the day is given (`yesterday 21.30`, `下午2.30`). Alone, the only one it can
/// be (`21.30`; `14.03` where months come first), else a day where months come first
/// (`11.19` in China and the United States) and a time elsewhere (`9.30` in en-GB).
/// `None` when it fits nothing.
pub(super) fn settle(
    mut reading: Reading,
    day_first: Option<bool>,
    want_day: bool,
) -> Option<Reading> {
    let Some(dotted) = reading.dotted.take() else {
        return Some(reading);
    };
    // A weekday alone leaves the date open: `周五 11.19` is Friday 19 November.
    let day_open = reading.stamp.is_none()
        && match reading.day {
            None => true,
            Some(Day::Weekday { .. }) => reading.weekday.is_none(),
            Some(_) => false,
        };
    let as_time = if reading.clock.is_some() || (want_day && day_open) {
        false
    } else if !day_open || reading.period.is_some() {
        true
    } else {
        match (dotted.as_clock(), dotted.as_day(day_first)) {
            (Some(_), Some(_)) => day_first != Some(false),
            (clock, _) => clock.is_some(),
        }
    };
    if as_time {
        set(&mut reading.clock, dotted.as_clock()?)?;
    } else {
        set_day(&mut reading, dotted.as_day(None)?)?;
    }
    Some(reading)
}

/// `pm 2:30`, `AM 9.15`: am or pm written before the time it places.
fn meridiem_before_a_time(s: &str) -> Option<(Period, &str)> {
    [
        ("a.m.", Period::Am),
        ("p.m.", Period::Pm),
        ("am", Period::Am),
        ("pm", Period::Pm),
    ]
    .iter()
    .find_map(|(w, p)| {
        let rest = strip_word(s, w)?;
        rest.trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
            .then_some((*p, rest))
    })
}

/// A part of the day may be repeated (`last night` then `at night`), not contradicted.
fn set_period(reading: &mut Reading, period: Period) -> Option<()> {
    match reading.period {
        Some(p) if p != period => None,
        _ => {
            reading.period = Some(period);
            Some(())
        }
    }
}

/// "I don't know the time", in the words people use (Cantonese `唔记得` and `唔知` too).
const UNKNOWN: [&str; 30] = [
    "don't know",
    "dont know",
    "do not know",
    "don't remember",
    "dont remember",
    "do not remember",
    "can't remember",
    "cant remember",
    "cannot remember",
    "not sure",
    "no idea",
    "unknown",
    "forgot",
    "不记得",
    "记不清",
    "记不得",
    "不清楚",
    "不知道",
    "忘记了",
    "忘了",
    "不确定",
    "不详",
    "未知",
    "不太清楚",
    "不晓得",
    "唔记得",
    "唔清楚",
    "唔知道",
    "唔知",
    "冇印象",
];

/// "About", and what follows an hour to say "a little after" (`9点多`, `十点来钟`,
/// `3时许`).
const ABOUT: [&str; 29] = [
    "approximately",
    "approx.",
    "approx",
    "around",
    "about",
    "roughly",
    "circa",
    "ca.",
    "maybe",
    "probably",
    "sometime",
    "or so",
    "ish",
    "~",
    "差不多",
    "大约",
    "大概",
    "左右",
    "前后",
    "约",
    "好像",
    "应该",
    "估计",
    "多钟",
    "多点",
    "多",
    "来钟",
    "来",
    "许",
];

/// Words that join the parts and say nothing of their own.
const FILLERS: [&str; 30] = [
    "at", "on", "in", "the", "of", "exact", "exactly", "time", "what", "when", "it", "was", "i",
    "and", "but", "-", "的", "在", "时候", "时间", "具体", "几点", "是", "了", "那天", "钟", "我",
    "记得", "吧", "嘅",
];

/// The first of `words` at the start of `s`, as a whole word; returns the rest.
fn take_any<'s>(s: &'s str, words: &[&str]) -> Option<&'s str> {
    words.iter().find_map(|w| strip_word(s, w))
}

/// `s` without `word` at its start; a word of ASCII letters must end there.
fn strip_word<'s>(s: &'s str, word: &str) -> Option<&'s str> {
    let rest = s.strip_prefix(word)?;
    let ends_in_letter = word.ends_with(|c: char| c.is_ascii_alphabetic());
    let ok = !ends_in_letter || !rest.starts_with(|c: char| c.is_ascii_alphabetic());
    ok.then_some(rest)
}

/// Words for days counted from today, some with a part of the day; Cantonese `琴日`,
/// `寻日` (yesterday), `听日` (tomorrow) among them.
const RELATIVE: [(&str, i32, Option<Period>); 41] = [
    ("the day before yesterday", -2, None),
    ("day before yesterday", -2, None),
    ("the day after tomorrow", 2, None),
    ("day after tomorrow", 2, None),
    ("yesterday", -1, None),
    ("today", 0, None),
    ("tomorrow", 1, None),
    ("tonight", 0, Some(Period::Evening)),
    ("last night", -1, Some(Period::Night)),
    ("this morning", 0, Some(Period::Morning)),
    ("this afternoon", 0, Some(Period::Afternoon)),
    ("this evening", 0, Some(Period::Evening)),
    ("yday", -1, None),
    ("大前天", -3, None),
    ("前天", -2, None),
    ("昨天", -1, None),
    ("昨日", -1, None),
    ("昨儿", -1, None),
    ("今天", 0, None),
    ("今日", 0, None),
    ("今儿", 0, None),
    ("明天", 1, None),
    ("明日", 1, None),
    ("大后天", 3, None),
    ("后天", 2, None),
    ("今早", 0, Some(Period::Morning)),
    ("今晨", 0, Some(Period::Morning)),
    ("今晚", 0, Some(Period::Evening)),
    ("昨早", -1, Some(Period::Morning)),
    ("昨晚", -1, Some(Period::Evening)),
    ("昨夜", -1, Some(Period::Night)),
    ("明早", 1, Some(Period::Morning)),
    ("明晚", 1, Some(Period::Evening)),
    ("刚才", 0, None),
    ("刚刚", 0, None),
    ("琴日", -1, None),
    ("寻日", -1, None),
    ("噚日", -1, None),
    ("前日", -2, None),
    ("听日", 1, None),
    ("今朝", 0, Some(Period::Morning)),
];

/// `yesterday`, `前天`, `3 days ago`, `3天前`, `in 2 days`, `last Friday`, `上周五`.
fn relative_day(s: &str) -> Option<(Day, Option<Period>, &str)> {
    for (word, days, period) in RELATIVE {
        if let Some(rest) = strip_word(s, word) {
            return Some((Day::Relative(days), period, rest));
        }
    }
    if let Some(rest) = strip_word(s, "in")
        && let Some((n, rest)) = zh_numeral::take_number(rest.trim_start(), 3)
        && let Some(rest) = take_any(rest.trim_start(), &["days", "day"])
    {
        return Some((Day::Relative(i32::try_from(n).ok()?), None, rest));
    }
    if let Some((n, rest)) = zh_numeral::take_number(s, 3) {
        let n = i32::try_from(n).ok()?;
        let rest = rest.trim_start();
        if let Some(rest) = take_any(rest, &["days ago", "day ago", "天前", "天以前", "天之前"])
        {
            return Some((Day::Relative(-n), None, rest));
        }
        if let Some(rest) = take_any(rest, &["天后", "天以后", "天之后"]) {
            return Some((Day::Relative(n), None, rest));
        }
    }
    weekday(s).map(|(day, rest)| (day, None, rest))
}

/// `Friday`, `last Fri`, `this friday`, `周五`, `星期五`, `上周五`, `这周日`.
fn weekday(s: &str) -> Option<(Day, &str)> {
    let (which, rest) = [
        ("last ", Which::Last),
        ("this ", Which::ThisWeek),
        ("next ", Which::NextWeek),
        ("下个", Which::NextWeek),
        ("下", Which::NextWeek),
        ("上个", Which::LastWeek),
        ("上", Which::LastWeek),
        ("这个", Which::ThisWeek),
        ("这", Which::ThisWeek),
        ("本", Which::ThisWeek),
    ]
    .iter()
    .find_map(|(w, which)| s.strip_prefix(w).map(|r| (*which, r)))
    .unwrap_or((Which::Nearest, s));
    let (weekday, rest) = chinese_weekday(rest).or_else(|| english_weekday(rest))?;
    Some((Day::Weekday { weekday, which }, rest))
}

fn chinese_weekday(s: &str) -> Option<(Weekday, &str)> {
    let rest = ["星期", "礼拜", "周"]
        .iter()
        .find_map(|w| s.strip_prefix(w))?;
    let mut chars = rest.chars();
    let day = match chars.next()? {
        '一' | '1' => Weekday::Monday,
        '二' | '2' => Weekday::Tuesday,
        '三' | '3' => Weekday::Wednesday,
        '四' | '4' => Weekday::Thursday,
        '五' | '5' => Weekday::Friday,
        '六' | '6' => Weekday::Saturday,
        '日' | '天' | '7' => Weekday::Sunday,
        _ => return None,
    };
    Some((day, chars.as_str()))
}

/// English weekday names, full or short, read by jiff's `strptime` (`%A`, `%a`).
fn english_weekday(s: &str) -> Option<(Weekday, &str)> {
    let (word, rest) = leading_word(s);
    let word = match word {
        "tues" => "tue",
        "thur" | "thurs" => "thu",
        w => w,
    };
    let weekday = ["%A", "%a"].iter().find_map(|f| {
        jiff::fmt::strtime::parse(f, word)
            .ok()
            .and_then(|tm| tm.weekday())
    })?;
    Some((weekday, rest))
}

/// The run of ASCII letters at the start of `s`, and the rest.
fn leading_word(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    s.split_at_checked(end).unwrap_or((s, ""))
}

/// A month named in English (`dec`, `december`, `sept`), read by jiff's `strptime`.
fn english_month(s: &str) -> Option<(i8, &str)> {
    let (word, rest) = leading_word(s);
    let word = if word == "sept" { "sep" } else { word };
    let month = ["%B", "%b"].iter().find_map(|f| {
        jiff::fmt::strtime::parse(f, word)
            .ok()
            .and_then(|tm| tm.month())
    })?;
    Some((month, rest.strip_prefix('.').unwrap_or(rest)))
}

/// A full timestamp with an offset, at the start of `s`: RFC 3339 or ISO 8601 with a `Z`
/// or a numeric offset (`2026-11-21T14:03:00+08:00`, `2026-11-21 06:03Z`).
fn take_stamp(s: &str) -> Option<((DateTime, Offset), &str)> {
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let ends: Vec<usize> = s
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .take(2)
        .chain([s.len()])
        .collect();
    for end in ends.into_iter().rev() {
        let (candidate, rest) = s.split_at_checked(end)?;
        let Ok(pieces) = jiff::fmt::temporal::Pieces::parse(candidate) else {
            continue;
        };
        let (Some(time), Some(offset)) = (pieces.time(), pieces.to_numeric_offset()) else {
            continue;
        };
        return Some(((pieces.date().to_datetime(time), offset), rest));
    }
    None
}

/// A date at the start of `s`: ISO (`2026-11-21`, `2026/11/21`), Chinese (`2026年11月21日`,
/// `11月20号`, `5号`), with an English month (`Dec 5`, `5 December 2026`), numeric
/// (`05/12`, `21.11.2026`), or an ordinal day (`the 5th`).
fn take_date(s: &str) -> Option<(Day, &str)> {
    iso_date(s)
        .or_else(|| chinese_date(s))
        .or_else(|| month_name_date(s))
        .or_else(|| numeric_date(s))
        .or_else(|| ordinal_day(s))
}

fn date(year: i64, month: u64, day: u64) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// Digits at the start of `s`: at least `min`, at most `max`.
fn digits(s: &str, min: usize, max: usize) -> Option<(u64, &str)> {
    let count = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(min..=max).contains(&count) {
        return None;
    }
    let (number, rest) = s.split_at_checked(count)?;
    Some((number.parse().ok()?, rest))
}

fn iso_date(s: &str) -> Option<(Day, &str)> {
    let (year, rest) = digits(s, 4, 4)?;
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (month, rest) = digits(rest.get(1..)?, 1, 2)?;
    let (day, rest) = digits(rest.strip_prefix(sep)?, 1, 2)?;
    let year = i64::try_from(year).ok()?;
    Some((Day::Absolute(date(year, month, day)?), rest))
}

fn chinese_date(s: &str) -> Option<(Day, &str)> {
    let (year, rest) = match zh_numeral::take_number(s, 4) {
        Some((year, rest)) if rest.starts_with('年') => {
            (Some(year), rest.strip_prefix('年').unwrap_or(rest))
        }
        _ => (None, s),
    };
    let (first, after_first) = zh_numeral::take_number(rest, 2)?;
    if let Some(rest) = after_first.strip_prefix('月') {
        let (day, rest) = zh_numeral::take_number(rest.trim_start(), 2)?;
        let rest = rest
            .strip_prefix(['日', '号'])
            .or_else(|| (rest.is_empty() || rest.starts_with([' ', ','])).then_some(rest))?;
        let day_value = match year {
            Some(y) => Day::Absolute(date(i64::try_from(y).ok()?, first, day)?),
            None => Day::YearLess {
                month: i8::try_from(first).ok()?,
                day: i8::try_from(day).ok()?,
            },
        };
        return Some((day_value, rest));
    }
    if year.is_none()
        && let Some(rest) = after_first.strip_prefix(['号', '日'])
    {
        let day = i8::try_from(first).ok().filter(|d| (1..=31).contains(d))?;
        return Some((Day::OfMonth(day), rest));
    }
    None
}

/// `Dec 5`, `December 5th, 2026`, `5 Dec`, `5th of December 2026`.
fn month_name_date(s: &str) -> Option<(Day, &str)> {
    if let Some((month, rest)) = english_month(s) {
        let rest = rest.trim_start();
        let (day, rest) = digits(rest, 1, 2)?;
        let rest = ordinal_suffix(rest);
        let (year, rest) = year_after(rest);
        return Some((day_of(year, month, day)?, rest));
    }
    let (day, rest) = digits(s, 1, 2)?;
    let rest = ordinal_suffix(rest).trim_start();
    let rest = rest.strip_prefix("of ").unwrap_or(rest);
    let (month, rest) = english_month(rest)?;
    let (year, rest) = year_after(rest);
    Some((day_of(year, month, day)?, rest))
}

fn ordinal_suffix(s: &str) -> &str {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|w| strip_word(s, w))
        .unwrap_or(s)
}

/// `, 2026` or ` 2026` after a month and day.
fn year_after(s: &str) -> (Option<u64>, &str) {
    let t = s.strip_prefix(',').unwrap_or(s).trim_start();
    match digits(t, 4, 4) {
        Some((year, rest)) => (Some(year), rest),
        None => (None, s),
    }
}

fn day_of(year: Option<u64>, month: i8, day: u64) -> Option<Day> {
    let day = i8::try_from(day).ok()?;
    match year {
        Some(y) => Some(Day::Absolute(date(
            i64::try_from(y).ok()?,
            u64::try_from(month).ok()?,
            u64::try_from(day).ok()?,
        )?)),
        None => Some(Day::YearLess { month, day }),
    }
}

/// `05/12`, `5-12`, `05/12/2026`, `21.11.2026`, `21/11/26`.
fn numeric_date(s: &str) -> Option<(Day, &str)> {
    let (first, rest) = digits(s, 1, 2)?;
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '/' | '-' | '.'))?;
    let (second, rest) = digits(rest.get(1..)?, 1, 2)?;
    let (year, rest) = match rest.strip_prefix(sep).and_then(|r| digits(r, 2, 4)) {
        Some((y, rest)) if y < 100 => (Some(2000 + y), rest),
        Some((y, rest)) if y >= 1000 => (Some(y), rest),
        Some(_) => return None,
        // `14.03` is more likely a time than a date: dots need the year.
        None if sep == '.' => return None,
        None => (None, rest),
    };
    let day = Day::Numeric {
        first: i8::try_from(first).ok()?,
        second: i8::try_from(second).ok()?,
        year: year.and_then(|y| i16::try_from(y).ok()),
    };
    Some((day, rest))
}

/// `5th`, `the 21st`.
fn ordinal_day(s: &str) -> Option<(Day, &str)> {
    let (day, rest) = digits(s, 1, 2)?;
    let after = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|w| strip_word(rest, w))?;
    let day = i8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    Some((Day::OfMonth(day), after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> Reading {
        read(&normalize(s)).unwrap_or_else(|| panic!("{s} did not read"))
    }

    #[test]
    fn a_day_of_the_month_said_as_an_ordinal() {
        assert_eq!(parts("the 5th at 3pm").day, Some(Day::OfMonth(5)));
        assert_eq!(parts("21st, around 9am").day, Some(Day::OfMonth(21)));
        assert_eq!(ordinal_day("32nd"), None, "no month has a 32nd");
        assert_eq!(ordinal_day("5th"), Some((Day::OfMonth(5), "")));
    }

    #[test]
    fn every_word_for_a_past_day_counts_back() {
        for (word, days) in [
            ("the day before yesterday", -2),
            ("day before yesterday", -2),
            ("last night", -1),
            ("yday", -1),
            ("大前天", -3),
            ("前天", -2),
            ("前日", -2),
            ("昨日", -1),
            ("昨儿", -1),
            ("昨早", -1),
            ("昨晚", -1),
            ("昨夜", -1),
            ("寻日", -1),
            ("噚日", -1),
            ("3 days ago", -3),
            ("3天前", -3),
            ("三天以前", -3),
        ] {
            let day = relative_day(word).map(|(day, _, _)| day);
            assert_eq!(day, Some(Day::Relative(days)), "{word}");
        }
    }

    #[test]
    fn every_chinese_weekday_in_characters_and_digits() {
        for (word, weekday) in [
            ("周二", Weekday::Tuesday),
            ("星期2", Weekday::Tuesday),
            ("周六", Weekday::Saturday),
            ("礼拜6", Weekday::Saturday),
            ("周日", Weekday::Sunday),
            ("礼拜天", Weekday::Sunday),
            ("星期7", Weekday::Sunday),
        ] {
            assert_eq!(chinese_weekday(word), Some((weekday, "")), "{word}");
        }
    }

    #[test]
    fn an_english_word_must_end_where_the_word_ends() {
        assert_eq!(strip_word("todayish", "today"), None);
        assert_eq!(strip_word("today 3pm", "today"), Some(" 3pm"));
        assert_eq!(strip_word("今天pm", "今天"), Some("pm"));
    }

    #[test]
    fn a_part_of_the_day_said_twice_is_one_part_of_the_day() {
        assert_eq!(parts("昨晚晚上9点").period, Some(Period::Evening));
    }

    #[test]
    fn a_timestamp_with_a_space_before_the_time_and_a_month_day_without_its_unit() {
        let (stamp, rest) = take_stamp("2026-11-21 06:03Z").unwrap();
        assert_eq!(stamp.0.to_string(), "2026-11-21T06:03:00");
        assert_eq!(rest, "");
        let (stamp, rest) = take_stamp("2026-11-21 06:03Z at the shop").unwrap();
        assert_eq!(stamp.0.to_string(), "2026-11-21T06:03:00");
        assert_eq!(rest, " at the shop");
        assert_eq!(
            chinese_date("11月20").map(|(day, _)| day),
            Some(Day::YearLess { month: 11, day: 20 })
        );
    }

    #[test]
    fn a_numeric_date_with_a_two_or_four_digit_year_and_dots_only_with_a_year() {
        let numeric = |first, second, year| Day::Numeric {
            first,
            second,
            year,
        };
        let day = |s| numeric_date(s).map(|(day, _)| day);
        assert_eq!(day("21/11/26"), Some(numeric(21, 11, Some(2026))));
        assert_eq!(day("21/11/99"), Some(numeric(21, 11, Some(2099))));
        assert_eq!(day("21/11/2026"), Some(numeric(21, 11, Some(2026))));
        assert_eq!(day("21/11/1000"), Some(numeric(21, 11, Some(1000))));
        // A three-digit year is a typo, not the year 100 or 2100.
        assert_eq!(day("21/11/100"), None);
        assert_eq!(day("21/11/999"), None);
        assert_eq!(day("21.11.2026"), Some(numeric(21, 11, Some(2026))));
        assert_eq!(day("14.03"), None, "a time, not a date");
        assert_eq!(day("14/03"), Some(numeric(14, 3, None)));
    }

    #[test]
    fn parts_in_any_order() {
        let r = parts("昨天下午3点左右");
        assert_eq!(r.day, Some(Day::Relative(-1)));
        assert_eq!(r.period, Some(Period::Afternoon));
        assert!(r.about && r.clock.is_some());
        let r = parts("3pm yesterday");
        assert_eq!(r.day, Some(Day::Relative(-1)));
        let r = parts("11月20日 不记得几点");
        assert_eq!(r.day, Some(Day::YearLess { month: 11, day: 20 }));
        assert!(r.unknown_time);
        let r = parts("Dec 5, 2026 at 2pm");
        assert_eq!(r.day, Some(Day::Absolute(date(2026, 12, 5).unwrap())));
        let r = parts("上周五晚上");
        assert_eq!(
            r.day,
            Some(Day::Weekday {
                weekday: Weekday::Friday,
                which: Which::LastWeek
            })
        );
    }

    #[test]
    fn every_word_is_written_simplified() {
        use super::super::fold::assert_simplified;
        assert_simplified(UNKNOWN);
        assert_simplified(ABOUT);
        assert_simplified(FILLERS);
        assert_simplified(RELATIVE.map(|(w, _, _)| w));
        assert_simplified(PERIODS.map(|(w, _)| w));
    }

    #[test]
    fn traditional_and_cantonese_words_read_as_the_simplified_ones() {
        assert_eq!(parts("昨天晚間9點"), parts("昨天晚间9点"));
        assert_eq!(parts("上週五"), parts("上周五"));
        assert_eq!(parts("11月20號"), parts("11月20号"));
        assert_eq!(parts("不記得幾點，昨天"), parts("不记得几点，昨天"));
        assert_eq!(parts("琴日").day, Some(Day::Relative(-1)));
        assert_eq!(parts("聽日").day, Some(Day::Relative(1)));
        assert_eq!(parts("前日").day, Some(Day::Relative(-2)));
        assert_eq!(parts("下晝3點").period, Some(Period::Afternoon));
        assert!(parts("唔記得幾點，琴日").unknown_time);
    }

    #[test]
    fn a_little_after_the_hour_is_about_it() {
        for s in [
            "9点多",
            "9点多钟",
            "9点多点",
            "十点来钟",
            "十点来",
            "3时许",
            "11点几",
            "11點幾分",
        ] {
            let r = parts(s);
            assert!(r.about && r.clock.is_some(), "{s}");
        }
        assert!(!parts("9点").about);
    }

    #[test]
    fn am_or_pm_before_the_time_places_it() {
        for (s, period) in [
            ("pm 2:30", Period::Pm),
            ("PM2:30", Period::Pm),
            ("a.m. 9", Period::Am),
            ("AM 9.15", Period::Am),
        ] {
            let r = parts(s);
            assert_eq!(r.period, Some(period), "{s}");
        }
        // Without a time after it, "am" is no part of the day.
        assert_eq!(read(&normalize("yesterday, am not sure")), None);
    }

    #[test]
    fn a_weekday_may_name_the_day_a_date_gives() {
        let friday = Some(Weekday::Friday);
        for s in [
            "Fri 20 Nov",
            "20 Nov, Friday",
            "周五 11月20日",
            "11月20日(周五)",
            "11月20日（週五）",
            "昨天（周五）",
        ] {
            let r = parts(s);
            assert_eq!(r.weekday, friday, "{s}");
            assert!(!matches!(r.day, Some(Day::Weekday { .. })), "{s}");
        }
        for s in [
            "周五 周六",
            "Fri Sat",
            "Fri 20 Nov Fri",
            "11月20日 11月21日",
        ] {
            assert_eq!(read(&normalize(s)), None, "{s}");
        }
    }

    fn settled(s: &str, day_first: Option<bool>, want_day: bool) -> Option<Reading> {
        settle(read(&normalize(s))?, day_first, want_day)
    }

    fn clock_of(s: &str, day_first: Option<bool>) -> Option<(i8, i8)> {
        let r = settled(s, day_first, false)?;
        r.clock.map(|c| (c.hour, c.minute))
    }

    fn day_of(s: &str, day_first: Option<bool>, want_day: bool) -> Option<Day> {
        settled(s, day_first, want_day)?.day
    }

    #[test]
    fn a_dotted_pair_is_a_time_when_it_can_only_be_one_or_a_day_is_given() {
        let month_first = Some(false);
        assert_eq!(clock_of("21.30", month_first), Some((21, 30)));
        assert_eq!(clock_of("14.03", month_first), Some((14, 3)));
        assert_eq!(clock_of("yesterday 9.30", month_first), Some((9, 30)));
        assert_eq!(clock_of("9.30 yesterday", month_first), Some((9, 30)));
        assert_eq!(clock_of("下午2.30", month_first), Some((2, 30)));
        assert_eq!(clock_of("Fri 9.30", None), Some((9, 30)));
        // Where days come first, or the locale does not say, a pair that may be either is
        // a time.
        assert_eq!(clock_of("11.19", Some(true)), Some((11, 19)));
        assert_eq!(clock_of("9.30", None), Some((9, 30)));
        // Minutes have two digits and hours end at 23.
        assert_eq!(clock_of("yesterday 9.3", month_first), None);
        assert_eq!(clock_of("yesterday 24.00", month_first), None);
        assert_eq!(clock_of("yesterday 23.59", month_first), Some((23, 59)));
        assert_eq!(clock_of("2026-11-19 11.19", month_first), Some((11, 19)));
    }

    #[test]
    fn a_dotted_pair_is_a_day_when_a_time_is_given_or_months_come_first() {
        let nov_19 = Some(Day::Numeric {
            first: 11,
            second: 19,
            year: None,
        });
        assert_eq!(day_of("11.19 20:10", Some(false), false), nov_19);
        assert_eq!(day_of("20:10 11.19", Some(true), false), nov_19);
        assert_eq!(day_of("11.19", Some(false), false), nov_19);
        assert_eq!(day_of("周四 11.19", Some(false), false), nov_19);
        assert_eq!(day_of("11.19", Some(true), true), nov_19);
        // Not a time: the only reading left is a day, in either order.
        let dec_25 = Some(Day::Numeric {
            first: 25,
            second: 12,
            year: None,
        });
        assert_eq!(day_of("25.12", Some(false), false), dec_25);
        assert_eq!(day_of("25.12", None, false), dec_25);
        // Neither a day nor a time, or a day and a time already given.
        for s in [
            "32.45",
            "13.13 10:00",
            "yesterday 10:00 11.19",
            "2026-11-19 10:00 11.19",
        ] {
            assert_eq!(settled(s, Some(false), false), None, "{s}");
        }
        // `11.19.20` has a year; `9.30pm` is the clock's.
        assert_eq!(parts("11.19.20").dotted, None);
        assert_eq!(parts("9.30pm").dotted, None);
    }

    #[test]
    fn unknown_words_and_repeated_parts_are_refused() {
        for s in [
            "last week",
            "tomorrow yesterday",
            "3pm 4pm",
            "soonish",
            "the the",
            "",
            "下午 上午",
        ] {
            assert_eq!(read(&normalize(s)), None, "{s}");
        }
    }
}
