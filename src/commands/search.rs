//! `search WORDS…`: the guides that best fit a description in the user's own words, each
//! with one line on why; `--json` for scripts. When no guide fits ("none of these"), that is
//! not an error: it says so on stderr and points to `contact` and `list` (exit 0; with
//! `--json`, stdout is still the array, empty, and the reason is on stderr).

use serde::Serialize;

use super::{print_stderr, print_stdout};
use crate::error::{Result, exit};
use crate::guide::catalog::Catalog;
use crate::lang::Lang;
use crate::search::{Index, Match};
use crate::settings::Settings;
use crate::ui;

#[derive(Serialize)]
struct Found<'a> {
    id: &'a str,
    title: &'a str,
    score: f64,
    why: &'a str,
}

pub(super) fn run(
    catalog: &Catalog,
    settings: &Settings,
    words: &[String],
    json: bool,
    limit: usize,
) -> Result<u8> {
    let lang = settings.lang;
    let query = words.join(" ");
    let matches = Index::new(catalog).search(&query, limit, lang);
    let title = |m: &Match| catalog.find(&m.id).map_or("", |e| e.title.get(lang));
    if matches.is_empty() {
        print_stderr(&no_match(lang));
    }
    if json {
        let found: Vec<Found<'_>> = matches
            .iter()
            .map(|m| Found {
                id: &m.id,
                title: title(m),
                score: m.score,
                why: &m.why,
            })
            .collect();
        let mut out = serde_json::to_string_pretty(&found).unwrap_or_default();
        out.push('\n');
        print_stdout(&out)?;
        return Ok(exit::OK);
    }
    let Some(first) = matches.first() else {
        return Ok(exit::OK);
    };
    let id_width = matches.iter().map(|m| m.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (rank, m) in matches.iter().enumerate() {
        let line = format!(
            "{:>2}  {}  {}",
            rank + 1,
            ui::pad(&m.id, id_width),
            title(m)
        );
        push_line(&mut out, &line);
        push_line(&mut out, &format!("    {}", m.why));
    }
    out.push('\n');
    push_line(
        &mut out,
        &match lang {
            Lang::En => format!("Run the first with: wallet-help {}", first.id),
            Lang::Zh => format!("运行第一个：wallet-help {}", first.id),
        },
    );
    print_stdout(&out)?;
    Ok(exit::OK)
}

/// What "none of these" says: where to go instead.
fn no_match(lang: Lang) -> String {
    lang.pick(
        "No guide fits this; try `wallet-help contact` to write to support, or `wallet-help list` to see every guide.",
        "没有相符的指南。可以运行 `wallet-help contact` 给客服写信，或运行 `wallet-help list` 查看全部指南。",
    )
    .to_string()
}

/// Appends `line`, cut to the screen width the tool never exceeds.
fn push_line(out: &mut String, line: &str) {
    out.push_str(&console::truncate_str(line, ui::MAX_WIDTH, "…"));
    out.push('\n');
}
