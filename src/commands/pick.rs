//! `wallet-help` with no command: in a terminal, the user describes the problem and picks
//! from the guides that search ranks for it, as they type; in a pipe, print the list and how
//! to pick, and exit 2, never waiting on input that will not come.

use super::print_stderr;
use crate::error::{Error, Result, exit};
use crate::guide::catalog::{Catalog, Entry};
use crate::lang::Lang;
use crate::prompt::picker::{self, Item};
use crate::prompt::terminal;
use crate::search::Index;
use crate::settings::{Mode, Settings};

/// How many of search's matches the picker lists.
const MATCHES: usize = 8;

pub(super) fn run(catalog: &Catalog, settings: &Settings) -> Result<u8> {
    let lang = settings.lang;
    if settings.mode == Mode::Scripted || catalog.entries().is_empty() {
        for g in catalog.entries() {
            print_stderr(&format!("  {:<24} {}", g.id, g.title.get(lang)));
        }
        print_stderr(lang.pick(
            "\nerror: no symptom given and prompting is off\nhint: run `wallet-help <id>` with one of the ids above",
            "\nerror: 没有指定问题，且当前无法交互提问\nhint: 请运行 `wallet-help <id>`，id 见上方列表",
        ));
        return Ok(exit::USAGE);
    }
    terminal::catch_interrupts();
    let entries = catalog.entries();
    let items: Vec<Item> = entries
        .iter()
        .map(|g| Item {
            title: g.title.get(lang).to_string(),
            summary: g.summary.get(lang).to_string(),
        })
        .collect();
    let index = Index::new(catalog);
    let search = |query: &str| {
        let ranked: Vec<usize> = index
            .search(query, MATCHES, lang)
            .iter()
            .filter_map(|m| entries.iter().position(|e| e.id == m.id))
            .collect();
        if ranked.is_empty() {
            by_name(entries, query)
        } else {
            ranked
        }
    };
    let picked = picker::pick(&items, &search, lang)?;
    // The picker shows one item per entry, so the pick is one of them.
    let entry = entries.get(picked).ok_or(Error::Cancelled)?;
    super::run::run(entry.guide()?, settings)
}

/// Guides whose id, alias or title holds the query: a word still being typed, which search
/// does not know yet ("refu").
fn by_name(entries: &[Entry], query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    (entries.iter().enumerate())
        .filter(|(_, e)| {
            e.names()
                .map(String::as_str)
                .chain(Lang::ALL.map(|lang| e.title.get(lang)))
                .any(|name| name.to_lowercase().contains(&query))
        })
        .take(MATCHES)
        .map(|(i, _)| i)
        .collect()
}
