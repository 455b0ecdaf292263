//! One function per command; `dispatch` picks it from the parsed command line.

mod cases;
mod completions;
mod config;
mod guides;
mod link;
mod list;
mod open;
mod pick;
mod report;
mod resume;
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
        Some(("help", m)) => help(catalog, settings, m),
        Some(("cases", m)) => cases::run(m, settings),
        Some(("resume", m)) => resume::resume(catalog, settings, m),
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

/// `help [COMMAND]…`: the help of the root or of the command named, in the interface
/// language (clap's own `help` subcommand speaks English only).
fn help(catalog: &Catalog, settings: &Settings, matches: &ArgMatches) -> Result<u8> {
    let mut cmd = crate::cli::command(catalog, settings.lang);
    cmd.build();
    let mut here = &mut cmd;
    for name in matches.get_many::<String>("command").into_iter().flatten() {
        let Some(sub) = here.find_subcommand_mut(name) else {
            return Err(Error::UnknownSymptom {
                id: name.clone(),
                suggestions: catalog.suggest(name),
            });
        };
        here = sub;
    }
    let text = here.render_long_help().to_string();
    print_stdout(&crate::cli::help::localize_rendered(&text, settings.lang))?;
    Ok(exit::OK)
}

/// Fails before the first question when the provider settings a guide would use are broken.
fn config_usable(settings: &Settings) -> Result<()> {
    crate::config::Config::load(settings.config.as_deref()).map(|_| ())
}

/// Writes to stdout; a reader that went away (`| head`) is not an error, but a closed or
/// full stdout (`>&-`, `>/dev/full`) is: the report did not get anywhere.
pub(crate) fn print_stdout(text: &str) -> Result<()> {
    stdout_is_open().map_err(|e| Error::io("write to", "standard output", e))?;
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Error::io("write to", "standard output", e))
        }
        _ => Ok(()),
    }
}

/// A report sent to a closed stdout (`>&-`) would vanish with exit 0: before `main`, Rust's
/// runtime puts `/dev/null` where a standard descriptor was closed, opened read-write. A shell's
/// `>/dev/null` opens it write-only, so that case, chosen by the user, still works.
fn stdout_is_open() -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd as _;
        use std::os::unix::fs::MetadataExt as _;
        let fd = io::stdout().as_fd().try_clone_to_owned()?;
        let access = rustix::fs::fcntl_getfl(&fd)? & rustix::fs::OFlags::RWMODE;
        let out = std::fs::File::from(fd).metadata()?;
        let is_dev_null = std::fs::metadata("/dev/null")
            .is_ok_and(|null| (null.dev(), null.ino()) == (out.dev(), out.ino()));
        if is_dev_null && access == rustix::fs::OFlags::RDWR {
            return Err(io::Error::other("standard output is closed"));
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        Ok(())
    }
}

/// Writes a line to stderr, where the conversation with the user happens.
pub(crate) fn print_stderr(text: &str) {
    crate::ui::eprint(text);
}
