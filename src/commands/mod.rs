//! One function per command; `dispatch` picks it from the parsed command line.

mod completions;
mod config;
mod guides;
mod link;
mod list;
mod open;
mod pick;
mod report;
mod review;
mod run;
mod search;
mod send;
mod setup;

use std::io::{self, Write};

use clap::ArgMatches;

use crate::error::{Error, Result, exit};
use crate::guide::catalog::Catalog;
use crate::settings::Settings;

pub fn dispatch(matches: &ArgMatches, settings: &Settings, catalog: &Catalog) -> Result<u8> {
    match matches.subcommand() {
        Some(("list", m)) => list::run(catalog, settings, m.get_flag("json")),
        Some(("search", m)) => search::run(
            catalog,
            settings,
            &m.get_many::<String>("words")
                .map_or_else(Vec::new, |w| w.cloned().collect()),
            m.get_flag("json"),
            m.get_one::<u16>("limit").map_or(5, |n| usize::from(*n)),
        ),
        Some(("guides", m)) => match m.subcommand() {
            Some(("check", m)) => guides::check(catalog, m),
            Some(("show", m)) => guides::show(catalog, settings, m),
            _ => Ok(exit::USAGE),
        },
        Some(("completions", m)) => completions::completions(
            crate::cli::command(catalog, settings.lang),
            m.get_one::<String>("shell").map_or("", String::as_str),
        ),
        Some(("man", _)) => completions::man(crate::cli::command(catalog, settings.lang)),
        Some(("config", m)) => match m.subcommand() {
            Some(("check", m)) => config::check(settings, m),
            _ => Ok(exit::USAGE),
        },
        Some(("setup", m)) => setup::run(catalog, settings, m),
        Some(("report", m)) => match m.subcommand() {
            Some(("check", m)) => report::check(settings, m),
            _ => Ok(exit::USAGE),
        },
        Some(("open", m)) => {
            config_usable(settings)?;
            open::open(catalog, settings, m)
        }
        Some(("link", m)) => link::link(catalog, settings, m),
        Some((id, _)) => match catalog.find(id) {
            Some(entry) => run::run(entry.guide()?, settings),
            None => Err(Error::UnknownSymptom {
                id: id.to_string(),
                suggestions: catalog.suggest(id),
            }),
        },
        None => {
            config_usable(settings)?;
            pick::run(catalog, settings)
        }
    }
}

/// Fails before the first question when the provider settings a guide would use are broken.
fn config_usable(settings: &Settings) -> Result<()> {
    crate::config::Config::load(settings.config.as_deref()).map(|_| ())
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
pub(crate) fn print_stdout(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Error::io("write to", "standard output", e))
        }
        _ => Ok(()),
    }
}

/// Writes a line to stderr, where the conversation with the user happens.
pub(crate) fn print_stderr(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}
