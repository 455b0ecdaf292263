//! `list`: every symptom, grouped, in the user's language; `--json` for scripts.

use serde::Serialize;

use super::print_stdout;
use crate::error::{Result, exit};
use crate::guide::catalog::Catalog;
use crate::guide::{Group, Source};
use crate::settings::Settings;
use crate::ui;

#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
    group: Group,
    urgent: bool,
    aliases: Vec<&'a str>,
    source: String,
}

pub(super) fn run(catalog: &Catalog, settings: &Settings, json: bool) -> Result<u8> {
    let text = if json {
        as_json(catalog, settings)
    } else {
        as_text(catalog, settings)
    };
    print_stdout(&text)?;
    Ok(exit::OK)
}

fn as_json(catalog: &Catalog, settings: &Settings) -> String {
    let lang = settings.lang;
    let entries: Vec<Entry<'_>> = catalog
        .entries()
        .iter()
        .map(|g| Entry {
            id: &g.id,
            title: g.title.get(lang),
            summary: g.summary.get(lang),
            group: g.group,
            urgent: g.urgent,
            aliases: g.aliases.all().map(String::as_str).collect(),
            source: match &g.source {
                Source::Bundled => "bundled".into(),
                Source::File(p) => p.display().to_string(),
            },
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&entries).unwrap_or_default();
    out.push('\n');
    out
}

/// `  id  title — summary`, one line each, cut to fit 80 columns.
fn as_text(catalog: &Catalog, settings: &Settings) -> String {
    let lang = settings.lang;
    let id_width = catalog
        .entries()
        .iter()
        .map(|g| g.id.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for group in Group::ALL {
        let guides: Vec<_> = catalog
            .entries()
            .iter()
            .filter(|g| g.group == group)
            .collect();
        if guides.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(group.title().get(lang));
        out.push('\n');
        for g in guides {
            let line = format!(
                "  {}  {} — {}",
                ui::pad(&g.id, id_width),
                g.title.get(lang),
                g.summary.get(lang)
            );
            push_fitted(&mut out, &line, ui::MAX_WIDTH);
            out.push('\n');
        }
    }
    let hint = lang_hint(settings);
    out.push('\n');
    out.push_str(hint);
    out.push('\n');
    out
}

/// Appends `line`, cut to `width` columns with an ellipsis. The lines hold no escape codes,
/// so this is plain column counting (console's cut looks for them, and a thousand provider
/// guides are a thousand lines).
fn push_fitted(out: &mut String, line: &str, width: usize) {
    use unicode_width::UnicodeWidthChar as _;
    if unicode_width::UnicodeWidthStr::width(line) <= width {
        out.push_str(line);
        return;
    }
    let mut used = 0;
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width.saturating_sub(1) {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
}

fn lang_hint(settings: &Settings) -> &'static str {
    settings.lang.pick(
        "Run one with: wallet-help <id>   (add --lang zh for Chinese)",
        "运行方法：wallet-help <id>   （加 --lang en 显示英文）",
    )
}
