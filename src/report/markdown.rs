//! The Markdown form, for chat and tickets: the same content as the email, as headings,
//! a details table and lists.

use std::fmt::Write as _;

use super::Report;
use super::labels;

pub(super) fn render(report: &Report) -> String {
    let lang = report.language;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", super::subject(report));
    let to = super::recipient(report);
    let colon = colon(lang);
    let _ = writeln!(
        out,
        "**{}{}** {}\n",
        labels::TO.get(lang),
        colon.trim_end(),
        escape(&to)
    );
    if report.urgent {
        let _ = writeln!(out, "> **{}**\n", labels::URGENT.get(lang));
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        labels::SUMMARY.get(lang),
        escape(&report.summary)
    );
    if !report.details.is_empty() {
        let _ = writeln!(out, "## {}\n", labels::DETAILS.get(lang));
        let _ = writeln!(
            out,
            "| {} | {} |\n|---|---|",
            labels::DETAIL.get(lang),
            labels::VALUE.get(lang)
        );
        for d in &report.details {
            let value = d.shown(lang);
            let _ = writeln!(out, "| {} | {} |", cell(&d.label), cell(&value));
        }
        out.push('\n');
        for warning in &report.warnings {
            let note = super::warning_note(report, warning);
            let _ = writeln!(out, "> {}\n", escape(&note));
        }
    }
    phone(&mut out, report);
    if !report.trail.is_empty() {
        let _ = writeln!(out, "## {}\n", labels::TRIED.get(lang));
        for t in &report.trail {
            let _ = writeln!(
                out,
                "- {} → {}",
                escape(&t.question),
                escape(&t.answer_label)
            );
        }
        out.push('\n');
    }
    let d = &report.device;
    let _ = writeln!(out, "## {}\n", labels::DEVICE.get(lang));
    let _ = writeln!(
        out,
        "- {}{colon}{} {}",
        labels::OS.get(lang),
        escape(&d.os),
        escape(&d.os_version)
    );
    let _ = writeln!(
        out,
        "- {}{colon}{}",
        labels::ARCH.get(lang),
        escape(&d.arch)
    );
    let _ = writeln!(
        out,
        "- {}{colon}{}",
        labels::LOCALE.get(lang),
        escape(&d.locale)
    );
    let _ = writeln!(
        out,
        "- {}{colon}{}",
        labels::TIMEZONE.get(lang),
        escape(&d.timezone)
    );
    let _ = writeln!(
        out,
        "- {}{colon}{}\n",
        labels::TOOL.get(lang),
        escape(&d.tool_version)
    );
    let _ = writeln!(out, "---\n");
    let _ = writeln!(
        out,
        "_{} {} · {} {} · {} {}_  \n_{}_",
        labels::REPORT.get(lang),
        report.report_id,
        labels::CREATED.get(lang),
        super::prose::created(report),
        labels::VERIFICATION.get(lang),
        report.verification_code,
        labels::PRIVACY.get(lang)
    );
    out
}

/// The phone where the problem happened, when the user said anything about it.
fn phone(out: &mut String, report: &Report) {
    let rows = report.phone.rows(report.language);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", labels::PHONE.get(report.language));
    for (label, value) in rows {
        let _ = writeln!(out, "- {label}{}{}", colon(report.language), escape(&value));
    }
    out.push('\n');
}

/// A label's colon: `: ` in English, a full-width `：` in Chinese.
fn colon(lang: crate::lang::Lang) -> &'static str {
    lang.pick(": ", "：")
}

/// User text as Markdown shows it, formatting nothing: on one line (a line break in an answer
/// becomes a space, so no line of it can start a heading, a list, a quote or a fence), with
/// every character Markdown reads as syntax escaped: code, emphasis, links and images, HTML
/// and entities, tables, strikethrough. `_` inside a word (`x86_64`) formats nothing in
/// `CommonMark`, so it stays as it is; `*` inside a word does, so it is escaped.
fn escape(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect();
    let chars: Vec<char> = one_line.chars().collect();
    let in_word = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|c| c.is_alphanumeric())
    };
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let inside = in_word(i.checked_sub(1)) && in_word(Some(i + 1));
        let special = matches!(
            c,
            '\\' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '*' | '~' | '&'
        ) || (c == '_' && !inside)
            || (i == 0 && matches!(c, '-' | '+' | '='))
            || (matches!(c, '.' | ')') && is_list_number(&chars, i));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `1.` or `3)` at the start, then a space: an ordered list item.
fn is_list_number(chars: &[char], i: usize) -> bool {
    i > 0
        && i <= 9
        && chars
            .get(..i)
            .is_some_and(|d| d.iter().all(char::is_ascii_digit))
        && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
}

/// A table cell: escaped, on one line.
fn cell(s: &str) -> String {
    escape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_markdown_would_read_as_syntax_is_escaped() {
        for (typed, shown) in [
            ("# heading", "\\# heading"),
            ("```rust", "\\`\\`\\`rust"),
            ("~~~", "\\~\\~\\~"),
            (
                "[click](https://evil.example)",
                "\\[click\\](https://evil.example)",
            ),
            ("![img](x.png)", "!\\[img\\](x.png)"),
            (
                "<script>alert(1)</script>",
                "\\<script\\>alert(1)\\</script\\>",
            ),
            ("&amp; &#60;", "\\&amp; \\&\\#60;"),
            ("a*b*c", "a\\*b\\*c"),
            ("x86_64 and _this_", "x86_64 and \\_this\\_"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("1. item", "1\\. item"),
            ("12) item", "12\\) item"),
            ("> quote", "\\> quote"),
            ("=== ", "\\=== "),
            ("a | b", "a \\| b"),
            ("line\n# two\r\n- three", "line \\# two  - three"),
            ("59.90 CNY on 2026-11-21", "59.90 CNY on 2026-11-21"),
        ] {
            assert_eq!(escape(typed), shown, "{typed:?}");
        }
    }
}
