//! The plain-text form: an email ready to send, with `To:` and `Subject:` first and the
//! summary before the details. Columns line up with CJK text counted as two columns.

use std::fmt::Write as _;

use super::Report;
use super::labels::{self, L};
use crate::lang::Lang;

const WIDTH: usize = 76;

pub(super) fn render(report: &Report) -> String {
    let lang = report.language;
    let mut out = String::new();
    let to = super::recipient(report);
    let colon = lang.pick(": ", "\u{ff1a}");
    line(&mut out, &format!("{}{colon}{to}", labels::TO.get(lang)));
    let subject = super::subject(report);
    line(
        &mut out,
        &format!("{}{colon}{subject}", labels::SUBJECT.get(lang)),
    );
    out.push('\n');
    if report.urgent {
        line(&mut out, &format!("*** {} ***", labels::URGENT.get(lang)));
        out.push('\n');
    }
    section(&mut out, &labels::SUMMARY, lang);
    line(&mut out, &wrap(&report.summary));
    details(&mut out, report);
    phone(&mut out, report);
    tried(&mut out, report);
    device(&mut out, report);
    out.push('\n');
    let footer = format!(
        "{} {} · {} {}",
        labels::REPORT.get(lang),
        report.report_id,
        labels::CREATED.get(lang),
        super::prose::created(report)
    );
    line(&mut out, &footer);
    let verification = format!(
        "{} {}{}{}",
        labels::VERIFICATION.get(lang),
        report.verification_code,
        lang.pick(" ", ""),
        labels::VERIFICATION_HOW.get(lang)
    );
    line(&mut out, &wrap(&verification));
    line(
        &mut out,
        &textwrap::fill(labels::PRIVACY.get(lang), options(WIDTH)),
    );
    out
}

/// Wrapping that never breaks inside a word: ids, times and phone numbers contain `-`, and
/// an agent copying `FP-` / `99887766` from two lines gets the wrong value. A word longer than
/// the line (a 64-character id) stays whole on a line of its own.
fn options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

fn section(out: &mut String, title: &L, lang: Lang) {
    let title = title.get(lang);
    line(out, title);
    line(out, &"-".repeat(console::measure_text_width(title)));
}

fn wrap(text: &str) -> String {
    textwrap::fill(text, options(WIDTH))
}

fn details(out: &mut String, report: &Report) {
    if report.details.is_empty() {
        return;
    }
    out.push('\n');
    section(out, &labels::DETAILS, report.language);
    let shown: Vec<String> = report
        .details
        .iter()
        .map(|d| d.shown(report.language))
        .collect();
    let rows: Vec<(&str, &str)> = report
        .details
        .iter()
        .zip(&shown)
        .map(|(d, value)| (d.label.as_str(), value.as_str()))
        .collect();
    table(out, &rows);
    for warning in &report.warnings {
        let note = format!("* {}", super::warning_note(report, warning));
        line(
            out,
            &textwrap::fill(&note, options(WIDTH).subsequent_indent("  ")),
        );
    }
}

/// The phone where the problem happened, when the user said anything about it.
fn phone(out: &mut String, report: &Report) {
    let rows = report.phone.rows(report.language);
    if rows.is_empty() {
        return;
    }
    out.push('\n');
    section(out, &labels::PHONE, report.language);
    let rows: Vec<(&str, &str)> = rows.iter().map(|(l, v)| (*l, v.as_str())).collect();
    table(out, &rows);
}

fn tried(out: &mut String, report: &Report) {
    if report.trail.is_empty() {
        return;
    }
    out.push('\n');
    section(out, &labels::TRIED, report.language);
    for item in &report.trail {
        let entry = format!("{} → {}", item.question, item.answer_label);
        let options = options(WIDTH).initial_indent("- ").subsequent_indent("  ");
        line(out, &textwrap::fill(&entry, options));
    }
}

fn device(out: &mut String, report: &Report) {
    let lang = report.language;
    let d = &report.device;
    out.push('\n');
    section(out, &labels::DEVICE, lang);
    let os = format!("{} {}", d.os, d.os_version);
    let rows = [
        (labels::OS.get(lang), os.as_str()),
        (labels::ARCH.get(lang), d.arch.as_str()),
        (labels::LOCALE.get(lang), d.locale.as_str()),
        (labels::TIMEZONE.get(lang), d.timezone.as_str()),
        (labels::TOOL.get(lang), d.tool_version.as_str()),
    ];
    table(out, &rows);
}

/// Two columns: labels padded to the widest, values wrapped under themselves. A value of
/// several lines keeps its lines (without empty ones), each under the first.
fn table(out: &mut String, rows: &[(&str, &str)]) {
    let label_width = rows
        .iter()
        .map(|(l, _)| console::measure_text_width(l))
        .max()
        .unwrap_or(0);
    let indent = " ".repeat(label_width + 2);
    for (label, value) in rows {
        let mut lines = value
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty());
        let first = format!(
            "{}  {}",
            crate::ui::pad(label, label_width),
            lines.next().unwrap_or_default()
        );
        let options = options(WIDTH).subsequent_indent(&indent);
        let _ = writeln!(out, "{}", textwrap::fill(&first, options.clone()));
        for more in lines {
            let options = options.clone().initial_indent(&indent);
            let _ = writeln!(out, "{}", textwrap::fill(more, options));
        }
    }
}
