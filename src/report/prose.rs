//! Times written for people, for inside sentences: `21 Nov 2026, 14:03 (UTC+8)`,
//! `11月21日 14:03`. Details and JSON keep RFC 3339, which tools read; a summary or a letter is
//! read by a person, who should not have to decode `2026-11-21T14:03:00+08:00`.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::Offset;

use super::{Detail, Report};
use crate::guide::{Guide, StepKind};
use crate::input::{self, Precision};
use crate::lang::Lang;

/// The details as a sentence says them: times written for people (`21 Nov 2026, 14:03
/// (UTC+8)`, `11月21日 14:03`), everything else as it is.
pub(super) fn details(
    guide: &Guide,
    details: &[Detail],
    lang: Lang,
    this_year: i16,
) -> Vec<Detail> {
    let is_time = |id: &str| {
        let kind = guide.step_named(id).map(|s| &s.kind);
        matches!(kind, Some(StepKind::Input(input))
            if matches!(input.input_type.name(), "datetime" | "date"))
    };
    details
        .iter()
        .map(|d| {
            let approximate = d.precision == Some(Precision::Approximate);
            let prose = if is_time(&d.id) {
                time_said(&d.value, lang, this_year, approximate)
            } else if approximate {
                Some(input::show(&d.value, d.precision, lang))
            } else {
                None
            };
            Detail {
                value: prose.unwrap_or_else(|| d.value.clone()),
                ..d.clone()
            }
        })
        .collect()
}

/// When the report was written, for its last lines: `21 Nov 2026, 15:04 (UTC+8)`,
/// `2026年11月21日 15:04`; the JSON keeps RFC 3339.
pub(crate) fn created(report: &Report) -> String {
    // The year always: a footer is read on its own, long after.
    time(&report.created_at, report.language, i16::MIN).unwrap_or_else(|| report.created_at.clone())
}

/// Mainland China's offset: a Chinese reader takes a time without a zone to be Beijing time.
const BEIJING: i32 = 8 * 3600;

/// `value` (RFC 3339, or a date `2026-11-21`) as a person writes it in `lang`; the year is
/// left out in Chinese when it is `this_year`. `None` when `value` is neither.
pub fn time(value: &str, lang: Lang, this_year: i16) -> Option<String> {
    time_said(value, lang, this_year, false)
}

/// [`time`], with "around" (`左右`) when the user gave the time as approximate.
fn time_said(value: &str, lang: Lang, this_year: i16, approximate: bool) -> Option<String> {
    let value = value.trim();
    // A date alone: jiff would also read the date out of a whole timestamp.
    if value.len() == "2026-11-21".len()
        && let Ok(date) = value.parse::<Date>()
    {
        return Some(date_words(date, lang, this_year));
    }
    let stamp: Timestamp = value.parse().ok()?;
    let offset = offset_of(value)?;
    let local = offset.to_datetime(stamp);
    let date = date_words(local.date(), lang, this_year);
    let clock = format!("{:02}:{:02}", local.hour(), local.minute());
    let (around, about) = match (approximate, lang) {
        (false, _) => ("", ""),
        (true, Lang::En) => ("around ", ""),
        (true, Lang::Zh) => ("", "左右"),
    };
    Some(match lang {
        Lang::En => format!("{date}, {around}{clock} ({})", utc(offset)),
        Lang::Zh if offset.seconds() == BEIJING => format!("{date} {clock}{about}"),
        Lang::Zh => format!("{date} {clock}{about}（{}）", utc(offset)),
    })
}

fn date_words(date: Date, lang: Lang, this_year: i16) -> String {
    match lang {
        Lang::En => date.strftime("%-d %b %Y").to_string(),
        Lang::Zh if date.year() == this_year => date.strftime("%-m月%-d日").to_string(),
        Lang::Zh => date.strftime("%Y年%-m月%-d日").to_string(),
    }
}

/// The UTC offset written at the end of an RFC 3339 time: `+08:00`, `-05:00`, `Z`.
fn offset_of(value: &str) -> Option<Offset> {
    if value.ends_with(['Z', 'z']) {
        return Some(Offset::UTC);
    }
    let (sign, rest) = value
        .char_indices()
        .rev()
        .find(|(_, c)| *c == '+' || *c == '-')
        .and_then(|(i, c)| value.get(i + 1..).map(|rest| (c, rest)))?;
    let (hours, minutes) = rest.split_once(':')?;
    let seconds = hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60;
    let seconds = if sign == '-' { -seconds } else { seconds };
    Offset::from_seconds(seconds).ok()
}

/// `UTC+8`, `UTC-5`, `UTC+5:30`, `UTC`.
fn utc(offset: Offset) -> String {
    let total = offset.seconds();
    if total == 0 {
        return "UTC".to_string();
    }
    let sign = if total < 0 { '-' } else { '+' };
    let (hours, minutes) = (total.abs() / 3600, total.abs() % 3600 / 60);
    if minutes == 0 {
        format!("UTC{sign}{hours}")
    } else {
        format!("UTC{sign}{hours}:{minutes:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_approximate_time_stays_approximate_in_a_sentence() {
        let said = |lang| time_said("2026-12-06T20:30:00+08:00", lang, 2026, true);
        assert_eq!(said(Lang::Zh).as_deref(), Some("12月6日 20:30左右"));
        assert_eq!(
            said(Lang::En).as_deref(),
            Some("6 Dec 2026, around 20:30 (UTC+8)")
        );
    }

    #[test]
    fn english_says_the_date_the_time_and_the_zone() {
        let en = |v| time(v, Lang::En, 2026);
        assert_eq!(
            en("2026-11-21T14:03:00+08:00").as_deref(),
            Some("21 Nov 2026, 14:03 (UTC+8)")
        );
        assert_eq!(
            en("2026-03-01T09:30:00-05:00").as_deref(),
            Some("1 Mar 2026, 09:30 (UTC-5)")
        );
        assert_eq!(
            en("2026-06-01T23:59:00+05:30").as_deref(),
            Some("1 Jun 2026, 23:59 (UTC+5:30)")
        );
        assert_eq!(
            en("2026-06-01T08:00:00Z").as_deref(),
            Some("1 Jun 2026, 08:00 (UTC)")
        );
        assert_eq!(en("2026-11-21").as_deref(), Some("21 Nov 2026"));
    }

    #[test]
    fn chinese_leaves_out_this_year_and_beijing_time() {
        let zh = |v| time(v, Lang::Zh, 2026);
        assert_eq!(
            zh("2026-11-21T14:03:00+08:00").as_deref(),
            Some("11月21日 14:03")
        );
        assert_eq!(
            zh("2025-12-31T23:10:00+08:00").as_deref(),
            Some("2025年12月31日 23:10")
        );
        assert_eq!(
            zh("2026-11-21T06:03:00+00:00").as_deref(),
            Some("11月21日 06:03（UTC）")
        );
        assert_eq!(zh("2026-01-02").as_deref(), Some("1月2日"));
    }

    #[test]
    fn anything_else_is_not_a_time() {
        for value in [
            "",
            "yesterday",
            "2026-11-21 14:03",
            "59.90 CNY",
            "2026-13-01",
        ] {
            assert_eq!(time(value, Lang::En, 2026), None, "{value}");
        }
    }
}
