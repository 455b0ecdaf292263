//! wallet-help: guided self-checks for digital-wallet problems, ending in a fix or in a
//! redacted, ready-to-send support report.
//!
//! Layers, top to bottom: `cli` (the command line as data) → `settings` (everything decided
//! once) → `commands` → `report` → `flow` → `prompt` → `guide`, `checks` → `privacy` (secrets
//! found and removed), `input`. `run` is the only
//! entry point; it returns the exit code and prints errors once.

// Unit tests slice and unwrap what they built themselves; clippy.toml has no in-tests setting
// for `string_slice` or for helpers outside a `#[test]` function.
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)
)]

pub mod answers;
pub mod cases;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod flow;
pub mod guide;
pub mod input;
pub mod lang;
pub mod links;
pub mod location;
pub mod parallel;
pub mod privacy;
pub mod prompt;
pub mod region;
pub mod report;
pub mod search;
pub mod settings;
pub mod ui;

use std::ffi::OsString;

use crate::error::{Error, Result};
use crate::guide::catalog::Catalog;
use crate::settings::{Environment, Settings};

/// Runs the tool on `args` (program name first) and returns the process exit code.
pub fn run(args: &[OsString]) -> u8 {
    let env = Environment::from_process();
    let code = match try_run(args, &env) {
        Ok(code) => code,
        Err(error) => {
            let lang = settings::prescan(args, &env).lang;
            print_error(&error, &env, lang);
            error.exit_code()
        }
    };
    // What the user should have read on stderr never reached them: not a success.
    if code == error::exit::OK && ui::stderr_failed() {
        error::exit::FAILURE
    } else {
        code
    }
}

fn try_run(args: &[OsString], env: &Environment) -> Result<u8> {
    let pre = settings::prescan(args, env);
    // Provider guide folders are indexed in the user's cache dir (headers, search terms).
    let cache_dir = dirs::cache_dir().map(|d| d.join("wallet-help"));
    let indexer = search::indexer();
    let cache = cache_dir.as_deref().map(|dir| (dir, &indexer));
    let (catalog, load_error) = match Catalog::load_cached(&pre.guide_dirs, cache) {
        Ok(catalog) => (catalog, None),
        Err(e) => (Catalog::from_guides(Vec::new()), Some(e)),
    };
    let matches = match cli::command_for(&catalog, pre.lang, args).try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(e) if e.kind() == clap::error::ErrorKind::InvalidSubcommand => {
            // With guides that did not load, the symptom may well exist: say why instead.
            let unknown = || unknown_symptom(&catalog, pre.lang, args);
            return Err(load_error.or_else(unknown).unwrap_or(Error::Cli(e)));
        }
        Err(e) => return Err(e.into()),
    };
    let settings = Settings::new(&matches, env)?;
    ui::set_colors(settings.color_stdout, settings.color_stderr);
    if let Some(error) = load_error {
        // `guides check PATH…` checks those files on their own, so it still runs.
        if !is_checking_paths(&matches) {
            return Err(error);
        }
    }
    commands::dispatch(&matches, &settings, &catalog)
}

/// An unknown first-level command is a symptom the catalog does not have: the project's
/// "did you mean" instead of clap's. `None` when clap complained about a nested command
/// (`guides chek`, `help …`), which its own message explains.
fn unknown_symptom(catalog: &Catalog, lang: lang::Lang, args: &[OsString]) -> Option<Error> {
    // Parsed again, accepting any command, to find the name as clap sees it, after options.
    let cmd = cli::command(catalog, lang).allow_external_subcommands(true);
    let matches = cmd.clone().try_get_matches_from(args).ok()?;
    let id = matches.subcommand_name()?;
    if cmd.find_subcommand(id).is_some() {
        return None;
    }
    // A misspelt built-in command (`lsit`) competes with the symptoms.
    let commands: Vec<&str> = cmd
        .get_subcommands()
        .map(clap::Command::get_name)
        .filter(|name| catalog.find(name).is_none())
        .collect();
    let suggestions = catalog.suggest_with(id, &commands);
    Some(Error::UnknownSymptom {
        id: id.to_string(),
        suggestions,
    })
}

fn is_checking_paths(matches: &clap::ArgMatches) -> bool {
    let Some(("guides", guides)) = matches.subcommand() else {
        return false;
    };
    let Some(("check", check)) = guides.subcommand() else {
        return false;
    };
    check.get_many::<std::path::PathBuf>("paths").is_some()
}

/// Prints an error once: `error: …`, any details, then `hint: …`. Colour only on a terminal.
fn print_error(error: &Error, env: &Environment, lang: lang::Lang) {
    if let Error::Cli(e) = error {
        match lang {
            // clap's own text, with its colours.
            lang::Lang::En => {
                let _ = e.print();
            }
            lang::Lang::Zh if e.use_stderr() => ui::eprint(cli::errors::render(e, lang).trim_end()),
            lang::Lang::Zh => {
                let _ = commands::print_stdout(&cli::errors::render(e, lang));
            }
        }
        return;
    }
    let color = env.stderr_is_terminal && env.var("NO_COLOR").is_none();
    let paint = |style: console::Style, s: &str| {
        if color {
            style.force_styling(true).apply_to(s).to_string()
        } else {
            s.to_string()
        }
    };
    if let Error::Cancelled = error {
        // Stopping is the user's choice, not a failure: no "error:" label.
        let _ = console::Term::stderr().show_cursor();
        ui::eprint(&format!("\n{}", lang.pick("cancelled", "已取消")));
        return;
    }
    if let Error::InvalidGuides { issues } = error {
        for issue in issues {
            ui::eprint(&issue.to_string());
        }
    }
    if let Error::ConfigIssues { issues, .. } = error {
        for issue in issues {
            ui::eprint(&issue.to_string());
        }
    }
    let (error_label, hint_label) = match lang {
        lang::Lang::En => ("error:", "hint:"),
        lang::Lang::Zh => ("错误：", "提示："),
    };
    let gap = if lang == lang::Lang::En { " " } else { "" };
    ui::eprint(&format!(
        "{}{gap}{}",
        paint(ui::error_style(), error_label),
        error.message(lang)
    ));
    if let Some(hint) = error.hint(lang) {
        ui::eprint(&format!(
            "{}{gap}{hint}",
            paint(ui::hint_style(), hint_label)
        ));
    }
}
