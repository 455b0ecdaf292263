//! `wallet-help` with no command: in a terminal, pick the symptom from a menu; in a pipe,
//! print the list and how to pick, and exit 2, never waiting on input that will not come.

use dialoguer::Select;
use dialoguer::theme::ColorfulTheme;

use super::print_stderr;
use crate::error::{Result, exit};
use crate::guide::catalog::Catalog;
use crate::prompt::terminal;
use crate::settings::{Mode, Settings};

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
    let items: Vec<String> = catalog
        .entries()
        .iter()
        .map(|g| {
            let item = format!("{} — {}", g.title.get(lang), g.summary.get(lang));
            console::truncate_str(&item, crate::ui::width().saturating_sub(4), "…").into_owned()
        })
        .collect();
    let picked = Select::with_theme(&ColorfulTheme::default())
        .with_prompt(lang.pick("What happened?", "遇到了什么问题？"))
        .items(&items)
        .default(0)
        .max_length(12)
        .interact_opt()
        .map_err(terminal::prompt_error)?;
    match picked {
        Some(i) => super::run::run(catalog.entries()[i].guide()?, settings),
        None => Err(crate::error::Error::Cancelled),
    }
}
