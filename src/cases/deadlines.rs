//! The deadlines a provider had on a case: what its own agents promised (`cases log
//! --promised`), and the complaint-handling times of the case's region (research notes,
//! `domain.md` §4 and §6), counted on that region's calendar.
//!
//! Business days skip weekends everywhere. Mainland China also skips its public holidays and
//! works its make-up days (调休) from the State Council schedule, as the `chinese_holiday` crate
//! carries it (2004 to 25 Dec 2026); past that, and in every other region, public holidays are
//! not known to the tool and are counted as business days, which the text says.

use jiff::Zoned;
use jiff::civil::{Date, Weekday};
use serde::Serialize;

use super::{Case, LetterKind, Status, time};
use crate::lang::Lang;

/// Regions the rules are keyed by (`region` in the report JSON).
pub const REGIONS: [&str; 5] = ["cn", "us", "uk", "eu", "other"];

/// A known region name, `other` for anything else.
pub fn region_name(name: &str) -> &'static str {
    let lower = name.trim().to_ascii_lowercase();
    let lower = if lower == "gb" {
        "uk".to_string()
    } else {
        lower
    };
    REGIONS.into_iter().find(|r| *r == lower).unwrap_or("other")
}

/// How a rule's days are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    BusinessDays,
    CalendarDays,
}

/// When a rule's clock starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// When the report reached the provider: the complaint to the firm.
    Reported,
    /// When the user escalated to this rung of the ladder.
    Escalated(u8),
}

/// A complaint-handling time from the research notes.
struct Rule {
    region: &'static str,
    id: &'static str,
    days: i64,
    unit: Unit,
    start: Start,
    en: &'static str,
    zh: &'static str,
    /// Whether the notes rate the source as a third party's summary: the text says "reported".
    hedged: bool,
}

const RULES: [Rule; 6] = [
    Rule {
        region: "uk",
        id: "uk-final-response",
        days: 15,
        unit: Unit::BusinessDays,
        start: Start::Reported,
        en: "a final response: payment and e-money firms must normally answer a complaint within 15 business days (FCA complaint rules)",
        zh: "最终答复：按英国金融行为监管局（FCA）的投诉规则，支付机构和电子货币机构通常须在 15 个工作日内答复投诉",
        hedged: false,
    },
    Rule {
        region: "uk",
        id: "uk-final-response-latest",
        days: 35,
        unit: Unit::BusinessDays,
        start: Start::Reported,
        en: "a final response at the latest, after a holding reply that gives reasons (35 business days)",
        zh: "最迟的最终答复：如果对方已书面说明延期原因，最长 35 个工作日",
        hedged: false,
    },
    Rule {
        region: "eu",
        id: "eu-final-response",
        days: 15,
        unit: Unit::BusinessDays,
        start: Start::Reported,
        en: "a reply: payment service providers answer a complaint within 15 business days under PSD2 article 101",
        zh: "答复：根据欧盟《支付服务指令》（PSD2）第 101 条，支付服务机构应在 15 个工作日内答复投诉",
        hedged: true,
    },
    Rule {
        region: "eu",
        id: "eu-final-response-latest",
        days: 35,
        unit: Unit::BusinessDays,
        start: Start::Reported,
        en: "a reply at the latest, in exceptional cases (35 business days)",
        zh: "特殊情况下的最迟答复（35 个工作日）",
        hedged: true,
    },
    Rule {
        region: "us",
        id: "us-cfpb-response",
        days: 15,
        unit: Unit::CalendarDays,
        start: Start::Escalated(3),
        en: "the company's response to a CFPB complaint (15 days; most are closed within 60 days)",
        zh: "公司对 CFPB 投诉的回复（15 天；多数投诉在 60 天内办结）",
        hedged: false,
    },
    Rule {
        region: "cn",
        id: "cn-12378-reply",
        days: 15,
        unit: Unit::BusinessDays,
        start: Start::Escalated(3),
        en: "a reply to a 12378 complaint (generally within 15 working days)",
        zh: "12378 投诉的答复（一般在 15 个工作日内）",
        hedged: true,
    },
];

/// Whether `date` is a business day in `region`.
pub fn is_business_day(region: &str, date: Date) -> bool {
    if region == "cn"
        && let Some(workday) = china_workday(date)
    {
        return workday;
    }
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// China's official schedule, where the crate's data covers the date.
fn china_workday(date: Date) -> Option<bool> {
    use chinese_holiday::{Ymd, chinese_holiday};
    let first = Date::new(2004, 1, 1).ok()?;
    let last = Date::new(2026, 12, 25).ok()?;
    if date < first || date > last {
        return None;
    }
    let year = u16::try_from(date.year()).ok()?;
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    Some(chinese_holiday(Ymd::new(year, month, day)).is_workday())
}

/// The `n`th business day after `from` (a day counts from the next one).
pub fn add_business_days(region: &str, from: Date, n: i64) -> Date {
    let mut date = from;
    let mut left = n;
    // Ten thousand days is far beyond any rule: a bound, not a limit anyone meets.
    for _ in 0..10_000 {
        if left <= 0 {
            break;
        }
        match date.tomorrow() {
            Ok(next) => date = next,
            Err(_) => break,
        }
        if is_business_day(region, date) {
            left -= 1;
        }
    }
    date
}

/// Business days after `from`, up to and including `to`; 0 when `to` is not later.
pub fn business_days_between(region: &str, from: Date, to: Date) -> i64 {
    let mut count = 0;
    let mut date = from;
    for _ in 0..10_000 {
        if date >= to {
            break;
        }
        match date.tomorrow() {
            Ok(next) => date = next,
            Err(_) => break,
        }
        if is_business_day(region, date) {
            count += 1;
        }
    }
    count
}

/// What the tool counts as a business day in `region`, for the reader.
pub fn calendar_note(region: &str, lang: Lang) -> &'static str {
    match region {
        "cn" => lang.pick(
            "working days skip weekends and China's public holidays, and include make-up working days (State Council schedule, up to 25 Dec 2026)",
            "工作日不含周末和法定节假日，含调休上班日（依国务院公布的安排，数据截至 2026 年 12 月 25 日）",
        ),
        _ => lang.pick(
            "business days skip weekends; public holidays are not known to this tool, so a deadline may fall a day or two later",
            "工作日只扣除周末；本工具不掌握当地公众假期，实际期限可能晚一两天",
        ),
    }
}

/// Where a deadline comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Source {
    /// A date support promised, logged with the contact at index `contact`.
    Promise { contact: usize },
    /// A complaint-handling time of the region.
    Rule {
        id: &'static str,
        unit: Unit,
        days: i64,
    },
}

/// One deadline of a case.
#[derive(Clone, Debug, Serialize)]
pub struct Deadline {
    pub source: Source,
    /// What was due, in the case's language.
    pub what: String,
    #[serde(serialize_with = "as_text")]
    pub due: Date,
    /// The rule's source is a third party's summary: say "reported", never assert it.
    pub hedged: bool,
    pub overdue: bool,
    /// Calendar days since it lapsed; 0 when not overdue.
    pub days_overdue: i64,
}

/// A date as `YYYY-MM-DD` in JSON (serde hands fields over by reference).
#[allow(clippy::trivially_copy_pass_by_ref)]
fn as_text<S: serde::Serializer>(date: &Date, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// Every deadline of `case` as of `now` (the user's clock), earliest first.
pub fn deadlines(case: &Case, now: &Zoned, lang: Lang) -> Vec<Deadline> {
    let today = now.date();
    let open = case.status == Status::Open;
    let finish = |source: Source, what: String, due: Date, hedged: bool| {
        let overdue = open && due < today;
        Deadline {
            source,
            what,
            due,
            hedged,
            overdue,
            days_overdue: if overdue {
                time::days_between(due, today)
            } else {
                0
            },
        }
    };
    let mut out = Vec::new();
    for (i, contact) in case.contacts.iter().enumerate() {
        let Some(due) = contact
            .promised
            .as_deref()
            .and_then(|p| p.parse::<Date>().ok())
        else {
            continue;
        };
        let when = time::date_of(&contact.at, now)
            .map_or_else(|| contact.at.clone(), |d| time::human_date(d, lang));
        let how = contact.channel.words(lang);
        let what = match (lang, contact.agent.as_deref()) {
            (Lang::En, Some(agent)) => format!("what agent {agent} promised ({how}, {when})"),
            (Lang::En, None) => format!("what support promised ({how}, {when})"),
            (Lang::Zh, Some(agent)) => format!("客服 {agent} 于{when}通过{how}作出的承诺"),
            (Lang::Zh, None) => format!("客服于{when}通过{how}作出的承诺"),
        };
        out.push(finish(Source::Promise { contact: i }, what, due, false));
    }
    let region = region_name(&case.region);
    for rule in RULES.iter().filter(|r| r.region == region) {
        let start = match rule.start {
            Start::Reported => time::date_of(&case.sent_at, now),
            Start::Escalated(rung) => case
                .letters
                .iter()
                .find(|l| l.kind == LetterKind::Escalation && l.rung == rung)
                .and_then(|l| time::date_of(&l.written_at, now)),
        };
        let Some(start) = start else {
            continue;
        };
        let due = match rule.unit {
            Unit::BusinessDays => add_business_days(region, start, rule.days),
            Unit::CalendarDays => start
                .checked_add(jiff::Span::new().days(rule.days))
                .unwrap_or(start),
        };
        let source = Source::Rule {
            id: rule.id,
            unit: rule.unit,
            days: rule.days,
        };
        out.push(finish(
            source,
            lang.pick(rule.en, rule.zh).to_string(),
            due,
            rule.hedged,
        ));
    }
    out.sort_by_key(|d| d.due);
    out
}

/// The deadlines that have lapsed on an open case.
pub fn overdue(case: &Case, now: &Zoned) -> Vec<Deadline> {
    deadlines(case, now, case.language)
        .into_iter()
        .filter(|d| d.overdue)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn business_days_skip_weekends() {
        // Friday 20 Nov 2026 + 1 business day is Monday 23 Nov.
        assert_eq!(
            add_business_days("uk", date("2026-11-20"), 1),
            date("2026-11-23")
        );
        assert_eq!(
            add_business_days("uk", date("2026-11-02"), 15),
            date("2026-11-23")
        );
        assert_eq!(
            business_days_between("uk", date("2026-11-02"), date("2026-11-23")),
            15
        );
        assert_eq!(
            business_days_between("uk", date("2026-11-23"), date("2026-11-02")),
            0
        );
    }

    #[test]
    fn china_skips_its_holidays_and_works_its_make_up_days() {
        // National Day 2026: 1–7 Oct off; Sunday 27 Sep... is a make-up working day per the
        // State Council schedule as the crate carries it.
        assert!(!is_business_day("cn", date("2026-10-05")));
        assert!(is_business_day("uk", date("2026-10-05")));
        assert!(is_business_day("cn", date("2026-01-04"))); // a Sunday worked after New Year
        assert!(!is_business_day("uk", date("2026-01-04")));
        // Past the data, weekends only.
        assert!(is_business_day("cn", date("2027-01-04")));
        assert!(!is_business_day("cn", date("2027-01-02")));
    }

    #[test]
    fn regions_are_known_or_other() {
        assert_eq!(region_name("UK"), "uk");
        assert_eq!(region_name("gb"), "uk");
        assert_eq!(region_name("mars"), "other");
    }
}
