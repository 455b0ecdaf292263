//! The verification code, and reading it back from a report in any format. The code covers
//! what support reads and acts on, as every format shows it: the report number, when it was
//! written (as the footer says it), whether it is urgent, the summary, the value of every
//! detail (as text shows it: "around 15:00"), and what was already tried, in order. Whitespace is left out (text reports wrap long lines), so the same report
//! has the same code as text, Markdown or JSON. The summary and the list of what was tried are
//! in the report's language, so the same answers reported in English and in Chinese have two
//! codes. Labels, the device section and the footer are not covered.

use serde_json::Value;

use super::{Report, labels};
use crate::input::{self, Precision};
use crate::lang::Lang;

/// What the code is computed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub report_id: String,
    pub created_at: String,
    pub urgent: bool,
    pub summary: String,
    pub values: Vec<String>,
    /// What was tried, as `question → answer`.
    pub tried: Vec<String>,
}

impl Fingerprint {
    pub fn of(report: &Report) -> Fingerprint {
        Fingerprint {
            report_id: report.report_id.clone(),
            created_at: super::prose::created(report),
            urgent: report.urgent,
            summary: report.summary.clone(),
            values: report
                .details
                .iter()
                .map(|d| d.shown(report.language))
                .collect(),
            tried: report.trail.iter().map(tried_line).collect(),
        }
    }

    /// `XXX-XXX`, Crockford base 32.
    pub fn code(&self) -> String {
        let all = |list: &[String]| list.iter().map(|v| compact(v)).collect::<Vec<_>>();
        let content = serde_json::to_string(&(
            compact(&self.report_id),
            compact(&self.created_at),
            self.urgent,
            compact(&self.summary),
            all(&self.values),
            all(&self.tried),
        ))
        .unwrap_or_default();
        let code = super::base32(crc32fast::hash(content.as_bytes()));
        let (first, second) = code.split_at_checked(3).unwrap_or((&code, ""));
        format!("{first}-{second}")
    }
}

/// Text without whitespace: wrapping a line never changes the code.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A step of what was tried as the reports show it: `question → answer`.
fn tried_line(item: &super::TrailItem) -> String {
    format!("{} → {}", item.question, item.answer_label)
}

/// The format a report file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Json,
    Markdown,
    Text,
}

/// A report read back: its content, and the code written in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadBack {
    pub kind: Kind,
    pub fingerprint: Fingerprint,
    pub stated_code: String,
}

impl ReadBack {
    pub fn matches(&self) -> bool {
        self.fingerprint.code() == self.stated_code
    }
}

/// Why a file could not be read as a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAReport {
    pub missing: &'static str,
}

/// Reads a report in whichever format `text` is: JSON (already checked against the schema),
/// Markdown, or the text email.
pub fn read(text: &str) -> Result<ReadBack, NotAReport> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        let json: Value = serde_json::from_str(trimmed).map_err(|_| NotAReport {
            missing: "JSON object",
        })?;
        return read_json(&json);
    }
    let kind = if trimmed.starts_with("# ") {
        Kind::Markdown
    } else {
        Kind::Text
    };
    let lines: Vec<&str> = trimmed.lines().map(|l| l.trim_end_matches('\r')).collect();
    let report_id = find_report_id(&lines).ok_or(NotAReport {
        missing: "report number (WH-YYYYMMDD-XXXXXX)",
    })?;
    let stated_code = after_label(&lines, &labels::VERIFICATION).ok_or(NotAReport {
        missing: "verification code",
    })?;
    let created_at = created_after_label(&lines).ok_or(NotAReport {
        missing: "creation time",
    })?;
    let urgent = lines.iter().take(3).any(|l| {
        [labels::URGENT.en, labels::URGENT.zh]
            .iter()
            .any(|w| l.contains(&format!("[{w}]")))
    });
    let (summary, values, tried) = match kind {
        Kind::Markdown => (
            markdown_section(&lines, &labels::SUMMARY).join(" "),
            markdown_values(&lines),
            markdown_list(&lines, &labels::TRIED),
        ),
        _ => (
            text_section(&lines, &labels::SUMMARY).join(" "),
            text_values(&lines),
            text_list(&lines, &labels::TRIED),
        ),
    };
    Ok(ReadBack {
        kind,
        fingerprint: Fingerprint {
            report_id,
            created_at,
            urgent,
            summary,
            values,
            tried,
        },
        stated_code,
    })
}

fn read_json(json: &Value) -> Result<ReadBack, NotAReport> {
    let text = |key: &'static str| {
        json.get(key)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or(NotAReport { missing: key })
    };
    let list = |key: &'static str| {
        json.get(key)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .ok_or(NotAReport { missing: key })
    };
    let field = |item: &Value, key: &str| {
        item.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let lang = match json.get("language").and_then(Value::as_str) {
        Some("zh") => Lang::Zh,
        _ => Lang::En,
    };
    // Each value as the text and Markdown reports show it, from its value and precision.
    let values = list("details")?
        .iter()
        .map(|d| {
            let precision = d
                .get("precision")
                .and_then(|p| serde_json::from_value::<Precision>(p.clone()).ok());
            input::show(&field(d, "value"), precision, lang)
        })
        .collect();
    let created_at = text("created_at")?;
    let created_at = super::prose::time(&created_at, lang, i16::MIN).unwrap_or(created_at);
    let tried = list("trail")?
        .iter()
        .map(|t| format!("{} → {}", field(t, "question"), field(t, "answer_label")))
        .collect();
    Ok(ReadBack {
        kind: Kind::Json,
        fingerprint: Fingerprint {
            report_id: text("report_id")?,
            created_at,
            urgent: json.get("urgent").and_then(Value::as_bool).unwrap_or(false),
            summary: text("summary")?,
            values,
            tried,
        },
        stated_code: text("verification_code")?,
    })
}

/// The first `WH-YYYYMMDD-XXXXXX` in the report (its subject).
fn find_report_id(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|line| {
        line.match_indices("WH-").find_map(|(at, _)| {
            let candidate: String = line.get(at..)?.chars().take(18).collect();
            is_report_id(&candidate).then_some(candidate)
        })
    })
}

fn is_report_id(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.as_slice(), ["WH", date, code]
        if date.len() == 8 && date.chars().all(|c| c.is_ascii_digit())
            && code.len() == 6 && code.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()))
}

/// The word after a label of the footer (`Verification code XXX-XXX`, `核对码 XXX-XXX`), in
/// either language, without Markdown's emphasis.
/// The creation time in the footer, as written for people (`21 Nov 2026, 15:04 (UTC+8)`,
/// `2026年11月21日 15:04`): everything after its label up to the next ` · ` or the line's end.
fn created_after_label(lines: &[&str]) -> Option<String> {
    let label = &labels::CREATED;
    lines.iter().rev().find_map(|line| {
        [label.en, label.zh].iter().find_map(|word| {
            let (_, rest) = line.split_once(&format!("{word} "))?;
            let value = rest.split(" · ").next().unwrap_or_default();
            let value = value.trim().trim_end_matches(['_', '*']).trim();
            (!value.is_empty()).then(|| value.to_string())
        })
    })
}

fn after_label(lines: &[&str], label: &labels::L) -> Option<String> {
    lines.iter().rev().find_map(|line| {
        [label.en, label.zh].iter().find_map(|word| {
            let (_, rest) = line.split_once(&format!("{word} "))?;
            let value: String = rest
                .chars()
                .take_while(|c| c.is_ascii_graphic() && !matches!(c, '_' | '*'))
                .collect();
            (!value.is_empty()).then_some(value)
        })
    })
}

/// Where a text section starts: its title, then a line of `-`.
fn text_section_start(lines: &[&str], title: &labels::L) -> Option<usize> {
    lines.windows(2).position(|pair| {
        matches!(pair, [heading, rule] if is_label(heading, title)
            && !rule.is_empty() && rule.chars().all(|c| c == '-'))
    })
}

/// The lines of a text section, up to the blank line that ends it.
fn text_section<'a>(lines: &[&'a str], title: &labels::L) -> Vec<&'a str> {
    let Some(start) = text_section_start(lines, title) else {
        return Vec::new();
    };
    lines
        .iter()
        .skip(start + 2)
        .take_while(|l| !l.trim().is_empty())
        .copied()
        .collect()
}

/// A text list: `- ` starts an item, indented lines continue it.
fn text_list(lines: &[&str], title: &labels::L) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in text_section(lines, title) {
        match line.strip_prefix("- ") {
            Some(item) => items.push(item.to_string()),
            None => {
                if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(line.trim());
                }
            }
        }
    }
    items
}

/// The lines of a Markdown section (`## Title`) up to the next heading, unescaped.
fn markdown_section(lines: &[&str], title: &labels::L) -> Vec<String> {
    let Some(start) = lines.iter().position(|l| {
        l.strip_prefix("## ")
            .is_some_and(|heading| is_label(heading, title))
    }) else {
        return Vec::new();
    };
    lines
        .iter()
        .skip(start + 1)
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .map(|l| unescape(l))
        .collect()
}

/// A Markdown list's items (`- item`), unescaped.
fn markdown_list(lines: &[&str], title: &labels::L) -> Vec<String> {
    markdown_section(lines, title)
        .iter()
        .filter_map(|l| l.strip_prefix("- ").map(str::to_string))
        .collect()
}

/// Markdown text with its backslash escapes taken out.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    out
}

/// The values of the text report's details table: a row starts at the left margin with the
/// label, two spaces, and the value; the value goes on in indented lines.
fn text_values(lines: &[&str]) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for line in text_section(lines, &labels::DETAILS) {
        if line.starts_with(' ') {
            if let Some(last) = values.last_mut() {
                last.push_str(line.trim());
            }
        } else if let Some((_, value)) = line.split_once("  ") {
            values.push(value.trim().to_string());
        }
    }
    values
}

/// The values of the Markdown report's details table: the second cell of each row, with
/// Markdown's escapes taken out.
fn markdown_values(lines: &[&str]) -> Vec<String> {
    let Some(start) = lines.iter().position(|l| {
        l.strip_prefix("## ")
            .is_some_and(|title| is_label(title, &labels::DETAILS))
    }) else {
        return Vec::new();
    };
    lines
        .iter()
        .skip(start + 1)
        .skip_while(|l| l.trim().is_empty())
        .skip(2) // the header row and the |---|---| rule
        .take_while(|l| l.starts_with('|'))
        .filter_map(|row| second_cell(row))
        .collect()
}

/// `| label | value |` → `value`, unescaped. A `|` inside a cell is escaped as `\|`.
fn second_cell(row: &str) -> Option<String> {
    let inner = row.strip_prefix('|')?.strip_suffix('|')?;
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => current.extend(chars.next()),
            '|' => cells.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    cells.push(current);
    cells.get(1).map(|c| c.trim().to_string())
}

fn is_label(line: &str, label: &labels::L) -> bool {
    let line = line.trim();
    line == label.en || line == label.zh
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprint(values: &[&str]) -> Fingerprint {
        Fingerprint {
            report_id: "WH-20261121-7F3K9Q".into(),
            created_at: "2026-11-21T15:04:05+08:00".into(),
            urgent: false,
            summary: "Payment of 59.90 CNY failed.".into(),
            values: values.iter().map(ToString::to_string).collect(),
            tried: vec!["Checked the network → did not fix it".into()],
        }
    }

    #[test]
    fn the_code_ignores_whitespace_and_nothing_else() {
        let code = fingerprint(&["59.90 CNY", "a long text"]).code();
        assert_eq!(code.len(), 7);
        assert_eq!(fingerprint(&["59.90CNY", "a long\n  text"]).code(), code);
        assert_ne!(fingerprint(&["59.91 CNY", "a long text"]).code(), code);
        let mut summary = fingerprint(&["59.90 CNY", "a long text"]);
        summary.summary = "Payment of 599.00 CNY failed.".into();
        assert_ne!(summary.code(), code);
    }

    #[test]
    fn text_rows_continue_on_indented_lines() {
        let lines = [
            "Details",
            "-------",
            "Amount          59.90 CNY",
            "What happened   My balance shows 0 after an app update, but yesterday it",
            "                was 320 CNY.",
            "",
            "Next",
        ];
        assert_eq!(
            text_values(&lines),
            [
                "59.90 CNY",
                "My balance shows 0 after an app update, but yesterday itwas 320 CNY."
            ]
        );
    }

    #[test]
    fn markdown_cells_lose_their_escapes() {
        let lines = [
            "## 详细信息",
            "",
            "| 项目 | 内容 |",
            "|---|---|",
            "| 金额 | 59.90 CNY |",
            "| 经过 | a \\| b \\[x\\] |",
            "",
        ];
        assert_eq!(markdown_values(&lines), ["59.90 CNY", "a | b [x]"]);
    }

    #[test]
    fn a_file_without_a_report_number_is_not_a_report() {
        assert_eq!(
            read("hello").unwrap_err().missing,
            "report number (WH-YYYYMMDD-XXXXXX)"
        );
    }
}
