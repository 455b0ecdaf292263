//! `cases export`: the whole case in one document for a regulator or a lawyer: the report,
//! every contact, the evidence by fingerprint, the letters and the deadlines, as Markdown or
//! JSON.

use std::fmt::Write as _;

use jiff::Zoned;
use serde::Serialize;

use super::deadlines::{self, Deadline};
use super::letters::{LetterContext, contact_line, deadline_line, delivery_words, human_size};
use super::{Case, LetterKind, time};
use crate::lang::Lang;

pub const SCHEMA: &str = "wallet-help.case/1";

#[derive(Serialize)]
struct Export<'a> {
    schema: &'static str,
    exported_at: String,
    #[serde(flatten)]
    case: &'a Case,
    deadlines: Vec<Deadline>,
    report: serde_json::Value,
}

/// The case as JSON.
pub fn json(case: &Case, now: &Zoned) -> String {
    let export = Export {
        schema: SCHEMA,
        exported_at: time::rfc3339(now),
        case,
        deadlines: deadlines::deadlines(case, now, case.language),
        report: case.report_json(),
    };
    let mut out = serde_json::to_string_pretty(&export).unwrap_or_default();
    out.push('\n');
    out
}

/// The case as Markdown, in `lang`.
pub fn markdown(case: &Case, now: &Zoned, lang: Lang) -> String {
    let ctx = LetterContext {
        now,
        lang,
        provider: None,
        support_email: None,
        complaints: None,
        remedy: None,
    };
    let sep = lang.pick(": ", "：");
    let mut out = String::new();
    let title = match lang {
        Lang::En => format!("# Case {}: {}\n\n", case.report_id, case.guide_title),
        Lang::Zh => format!("# 案件 {}：{}\n\n", case.report_id, case.guide_title),
    };
    out.push_str(&title);
    let rows = [
        (lang.pick("Report", "报告编号"), case.report_id.clone()),
        (
            lang.pick("Verification code", "核对码"),
            case.verification_code.clone(),
        ),
        (
            lang.pick("Status", "状态"),
            case.status.words(lang).to_string(),
        ),
        (lang.pick("Region", "地区"), case.region.clone()),
        (
            lang.pick("Sent", "发送时间"),
            format!(
                "{}{}{}",
                time::human_stored(&case.sent_at, now, lang),
                lang.pick(", ", "，"),
                delivery_words(&case.sent_via, lang)
            ),
        ),
        (lang.pick("Exported", "导出时间"), time::human(now, lang)),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "- **{label}**{sep}{value}");
    }
    let report = case.report_json();
    if let Some(summary) = report.get("summary").and_then(|s| s.as_str()) {
        let _ = write!(
            out,
            "\n## {}\n\n{summary}\n",
            lang.pick("Summary", "问题概述")
        );
    }
    let details: Vec<String> = report
        .get("details")
        .and_then(|d| d.as_array())
        .into_iter()
        .flatten()
        .filter_map(|d| {
            Some(format!(
                "- **{}**{sep}{}",
                d.get("label")?.as_str()?,
                d.get("value")?.as_str()?
            ))
        })
        .collect();
    if !details.is_empty() {
        let _ = write!(
            out,
            "\n## {}\n\n{}\n",
            lang.pick("Details", "详细信息"),
            details.join("\n")
        );
    }
    let _ = write!(
        out,
        "\n## {}\n\n",
        lang.pick("Contacts with support", "与客服的沟通")
    );
    if case.contacts.is_empty() {
        out.push_str(lang.pick("None logged.\n", "尚无记录。\n"));
    }
    for c in &case.contacts {
        let _ = writeln!(out, "- {}", contact_line(c, &ctx));
    }
    let _ = write!(out, "\n## {}\n\n", lang.pick("Deadlines", "处理期限"));
    let all = deadlines::deadlines(case, now, lang);
    if all.is_empty() {
        out.push_str(lang.pick("None known.\n", "暂无。\n"));
    }
    for d in &all {
        let _ = writeln!(out, "- {}", deadline_line(d, lang));
    }
    let _ = write!(out, "\n## {}\n\n", lang.pick("Evidence", "证据"));
    if case.evidence.is_empty() {
        out.push_str(lang.pick("None recorded.\n", "尚无记录。\n"));
    }
    for e in &case.evidence {
        let modified = e
            .modified
            .as_deref()
            .map(|m| time::human_stored(m, now, lang))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {} — {}, {}{sep}{modified}, SHA-256 `{}`",
            e.name,
            human_size(e.size, lang),
            lang.pick("modified", "修改于"),
            e.sha256
        );
    }
    if !case.letters.is_empty() {
        let _ = write!(out, "\n## {}\n\n", lang.pick("Letters", "信函"));
        for l in &case.letters {
            let what = match (l.kind, lang) {
                (LetterKind::FollowUp, _) => lang.pick("follow-up", "跟进函"),
                (LetterKind::Escalation, _) if l.rung >= 3 => {
                    lang.pick("complaint to the regulator", "向监管机构投诉")
                }
                (LetterKind::Escalation, _) => {
                    lang.pick("formal complaint to the provider", "向服务商正式投诉")
                }
            };
            let _ = writeln!(
                out,
                "- {}{sep}{what}",
                time::human_stored(&l.written_at, now, lang)
            );
        }
    }
    out
}
