//! `cases` (every case, newest first, with what is overdue) and `cases show CASE`.

use std::fmt::Write as _;

use clap::ArgMatches;
use serde::Serialize;

use super::Ctx;
use crate::cases::deadlines::{self, Deadline};
use crate::cases::letters::{
    LetterContext, RUNG_REGULATOR, contact_line, deadline_line, delivery_words, human_size,
    letter_words, next_rung,
};
use crate::cases::{Case, Status, export, time};
use crate::commands::print_stdout;
use crate::error::{Result, exit};
use crate::lang::Lang;
use crate::ui;

#[derive(Serialize)]
struct Row<'a> {
    report_id: &'a str,
    verification_code: &'a str,
    guide: &'a str,
    title: &'a str,
    region: &'a str,
    status: Status,
    sent_at: &'a str,
    contacts: usize,
    evidence: usize,
    overdue: Vec<Deadline>,
}

pub(super) fn list(ctx: &Ctx<'_>, json: bool) -> Result<u8> {
    let lang = ctx.lang();
    let cases: Vec<Case> = match ctx.journal()? {
        Some(journal) => journal
            .cases()?
            .into_iter()
            .map(|c| ctx.with_region(c))
            .collect(),
        None => Vec::new(),
    };
    if json {
        let rows: Vec<Row<'_>> = cases
            .iter()
            .map(|c| Row {
                report_id: &c.report_id,
                verification_code: &c.verification_code,
                guide: &c.guide_id,
                title: &c.guide_title,
                region: &c.region,
                status: c.status,
                sent_at: &c.sent_at,
                contacts: c.contacts.len(),
                evidence: c.evidence.len(),
                overdue: deadlines::overdue(c, &ctx.now),
            })
            .collect();
        let mut out = serde_json::to_string_pretty(&rows).unwrap_or_default();
        out.push('\n');
        print_stdout(&out)?;
        return Ok(exit::OK);
    }
    if cases.is_empty() {
        print_stdout(lang.pick(
            "No cases yet. Every report you write is kept here, so you can log what support says and follow up.\n",
            "还没有案件。以后写的每份报告都会记在这里，方便记录客服的答复并跟进。\n",
        ))?;
        return Ok(exit::OK);
    }
    print_stdout(&table(&cases, ctx, lang))?;
    Ok(exit::OK)
}

/// One line per case: id, status, title, sent, contacts, and the worst lapsed deadline.
fn table(cases: &[Case], ctx: &Ctx<'_>, lang: Lang) -> String {
    let title_width = cases
        .iter()
        .map(|c| console::measure_text_width(&c.guide_title))
        .max()
        .unwrap_or(0)
        .min(28);
    let status_width = [Status::Open, Status::Closed]
        .iter()
        .map(|s| console::measure_text_width(s.words(lang)))
        .max()
        .unwrap_or(6);
    let mut out = String::new();
    let mut overdue_count = 0;
    for case in cases {
        let sent = time::date_of(&case.sent_at, &ctx.now)
            .map_or_else(String::new, |d| time::human_date(d, lang));
        let contacts = match lang {
            Lang::En => format!(
                "{} contact{}",
                case.contacts.len(),
                if case.contacts.len() == 1 { "" } else { "s" }
            ),
            Lang::Zh => format!("沟通 {} 次", case.contacts.len()),
        };
        let lapsed = deadlines::overdue(case, &ctx.now);
        let note = lapsed.iter().max_by_key(|d| d.days_overdue).map(|d| {
            overdue_count += 1;
            let due = time::human_date(d.due, lang);
            match lang {
                Lang::En => format!("  OVERDUE since {due}"),
                Lang::Zh => format!("  已逾期（{due}到期）"),
            }
        });
        let title: String = console::truncate_str(&case.guide_title, title_width, "…").into_owned();
        let line = format!(
            "{}  {}  {}  {}  {}{}",
            case.report_id,
            ui::pad(case.status.words(lang), status_width),
            ui::pad(&title, title_width),
            sent,
            contacts,
            note.unwrap_or_default()
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if overdue_count > 0 {
        let hint = match lang {
            Lang::En => format!(
                "\n{overdue_count} case{} overdue: `wallet-help cases show CASE` for the deadlines, `cases follow-up CASE` or `cases escalate CASE` for a letter.\n",
                if overdue_count == 1 { " is" } else { "s are" }
            ),
            Lang::Zh => format!(
                "\n有 {overdue_count} 件已逾期：用 `wallet-help cases show 案件` 查看期限，用 `cases follow-up 案件` 或 `cases escalate 案件` 写跟进函或投诉函。\n"
            ),
        };
        out.push_str(&hint);
    }
    out
}

pub(super) fn show(ctx: &Ctx<'_>, m: &ArgMatches) -> Result<u8> {
    let query = m.get_one::<String>("case").map_or("", String::as_str);
    let (_, case) = ctx.case(query)?;
    if m.get_flag("json") {
        print_stdout(&export::json(&case, &ctx.now))?;
    } else {
        print_stdout(&describe(&case, ctx, ctx.lang()))?;
    }
    Ok(exit::OK)
}

/// The case for a person to read.
fn describe(case: &Case, ctx: &Ctx<'_>, lang: Lang) -> String {
    let now = &ctx.now;
    let letter_ctx = LetterContext {
        now,
        lang,
        provider: None,
        support_email: None,
        complaints: None,
        remedy: None,
    };
    let sep = lang.pick(": ", "：");
    let mut out = format!(
        "{} · {} · {}\n",
        case.report_id,
        case.guide_title,
        case.status.words(lang)
    );
    let mut field = |label: &str, value: String| {
        let _ = writeln!(out, "{label}{sep}{value}");
    };
    field(
        lang.pick("Verification code", "核对码"),
        case.verification_code.clone(),
    );
    field(
        lang.pick("Sent", "发送时间"),
        format!(
            "{}{}{}",
            time::human_stored(&case.sent_at, now, lang),
            lang.pick(", ", "，"),
            delivery_words(&case.sent_via, lang)
        ),
    );
    field(lang.pick("Region", "地区"), case.region.clone());
    if let Some(closed) = &case.closed_at {
        field(
            lang.pick("Closed", "结束时间"),
            time::human_stored(closed, now, lang),
        );
    }
    let report = case.report_json();
    if let Some(summary) = report.get("summary").and_then(|s| s.as_str()) {
        section(&mut out, lang.pick("Summary", "问题概述"));
        let _ = writeln!(out, "{}", ui::wrap(summary, ui::width().min(100), "  "));
    }
    section(&mut out, lang.pick("Contacts with support", "与客服的沟通"));
    if case.contacts.is_empty() {
        out.push_str(lang.pick(
            "  none logged yet: `wallet-help cases log CASE` records one\n",
            "  尚无记录：用 `wallet-help cases log 案件` 记录一次沟通\n",
        ));
    }
    for c in &case.contacts {
        let _ = writeln!(out, "  - {}", contact_line(c, &letter_ctx));
    }
    section(&mut out, lang.pick("Evidence", "证据"));
    if case.evidence.is_empty() {
        out.push_str(lang.pick(
            "  none yet: `wallet-help cases attach CASE FILE…` records screenshots and statements\n",
            "  尚无记录：用 `wallet-help cases attach 案件 文件…` 登记截图和账单\n",
        ));
    }
    for e in &case.evidence {
        let _ = writeln!(
            out,
            "  - {} ({}, SHA-256 {})",
            e.name,
            human_size(e.size, lang),
            e.sha256
        );
    }
    section(&mut out, lang.pick("Deadlines", "处理期限"));
    let all = deadlines::deadlines(case, now, lang);
    if all.is_empty() {
        out.push_str(lang.pick(
            "  none known: log a promised date with `cases log CASE --promised DATE`\n",
            "  暂无：客服承诺了日期的话，用 `cases log 案件 --promised 日期` 记下来\n",
        ));
    }
    for d in &all {
        let mark = if d.overdue { "!" } else { "-" };
        let _ = writeln!(out, "  {mark} {}", deadline_line(d, lang));
    }
    if !all.is_empty() {
        let note = deadlines::calendar_note(&case.region, lang);
        let _ = match lang {
            Lang::En => writeln!(out, "  ({note})"),
            Lang::Zh => writeln!(out, "  （{note}）"),
        };
    }
    if !case.letters.is_empty() {
        section(&mut out, lang.pick("Letters", "信函"));
        for l in &case.letters {
            let when = time::human_stored(&l.written_at, now, lang);
            let _ = writeln!(out, "  - {when}{sep}{}", letter_words(l, lang));
        }
    }
    if case.status == Status::Open {
        out.push_str(&next_steps(case, lang));
    }
    out
}

/// What the user can do next: a reminder, or the next rung of the ladder.
fn next_steps(case: &Case, lang: Lang) -> String {
    let id = case.short_id();
    let to_regulator = next_rung(case) >= RUNG_REGULATOR;
    match (lang, to_regulator) {
        (Lang::En, false) => format!(
            "\nNext: `wallet-help cases follow-up {id}` for a reminder, `wallet-help cases escalate {id}` for a formal complaint to the provider.\n"
        ),
        (Lang::En, true) => format!(
            "\nNext: `wallet-help cases follow-up {id}` for a reminder, `wallet-help cases escalate {id}` for a complaint to the regulator or ombudsman.\n"
        ),
        (Lang::Zh, false) => format!(
            "\n下一步：用 `wallet-help cases follow-up {id}` 写跟进函，用 `wallet-help cases escalate {id}` 写给服务商的正式投诉函。\n"
        ),
        (Lang::Zh, true) => format!(
            "\n下一步：用 `wallet-help cases follow-up {id}` 写跟进函，用 `wallet-help cases escalate {id}` 写给监管机构的投诉函。\n"
        ),
    }
}

fn section(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n");
}
