//! Everything the command line and environment decide, resolved once into `Settings`:
//! languages, interactive or scripted mode, colour, files and the clock. Nothing below this
//! layer reads the environment or asks whether a terminal is attached.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ArgMatches;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::region::Region;
use crate::report::Format;

/// The process environment as settings need it, so tests can hand in their own.
#[derive(Clone, Debug, Default)]
pub struct Environment {
    pub vars: HashMap<String, String>,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
}

impl Environment {
    pub fn from_process() -> Environment {
        Environment {
            vars: std::env::vars().collect(),
            stdin_is_terminal: std::io::stdin().is_terminal(),
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stderr_is_terminal: std::io::stderr().is_terminal(),
        }
    }

    /// A variable's value, treating empty as unset.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Whether a person answers at a terminal, or everything comes from flags and files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Interactive,
    Scripted,
}

#[derive(Clone, Debug)]
#[allow(clippy::struct_excessive_bools)] // independent command-line flags
pub struct Settings {
    pub lang: Lang,
    pub report_lang: Lang,
    pub mode: Mode,
    pub color_stdout: bool,
    pub color_stderr: bool,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub force: bool,
    pub yes: bool,
    pub guide_dirs: Vec<PathBuf>,
    pub config: Option<PathBuf>,
    pub answers: Option<PathBuf>,
    pub sets: Vec<String>,
    pub clock: Clock,
    /// The POSIX locale for money, dates, phone numbers and the region (`LC_ALL`,
    /// `LC_MONETARY`, `LANG`).
    pub locale: Option<String>,
    /// `WALLET_HELP_REGION`, when the user set it.
    pub region_set: Option<Region>,
    /// Where the case journal and drafts live (`$XDG_DATA_HOME/wallet-help`); `None` with
    /// `--no-journal`.
    pub data_dir: Option<PathBuf>,
    /// The user's login shell (`SHELL`), for the completions `setup` installs.
    pub shell: Option<String>,
}

impl Settings {
    /// What the input parsers need: the clock, the default currency (`currency` from the
    /// provider's config, else the locale's) and the locale's order of day and month.
    pub fn parse_context(&self, currency: Option<&str>) -> crate::input::ParseContext {
        crate::input::ParseContext::for_user(
            self.clock.now(),
            self.locale.as_deref(),
            self.lang,
            currency,
        )
    }
}

impl Settings {
    pub fn new(matches: &ArgMatches, env: &Environment) -> Result<Settings> {
        let flag = |id: &str| matches.get_flag(id);
        let lang = matches
            .get_one::<String>("lang")
            .and_then(|l| Lang::from_code(l))
            .unwrap_or_else(|| lang_from_env(env));
        let report_lang = matches
            .get_one::<String>("report-lang")
            .and_then(|l| Lang::from_code(l))
            .unwrap_or(lang);
        let interactive = !flag("no-input") && env.stdin_is_terminal && env.stderr_is_terminal;
        let color =
            !flag("no-color") && env.var("NO_COLOR").is_none() && env.var("TERM") != Some("dumb");
        Ok(Settings {
            lang,
            report_lang,
            mode: if interactive {
                Mode::Interactive
            } else {
                Mode::Scripted
            },
            color_stdout: color && env.stdout_is_terminal,
            color_stderr: color && env.stderr_is_terminal,
            format: matches
                .get_one::<String>("format")
                .and_then(|f| Format::from_name(f))
                .or_else(|| {
                    matches
                        .get_one::<PathBuf>("output")
                        .and_then(|p| format_of(p))
                })
                .unwrap_or(Format::Text),
            output: matches.get_one::<PathBuf>("output").cloned(),
            force: flag("force"),
            yes: flag("yes"),
            guide_dirs: guide_dirs(matches),
            config: matches.get_one::<PathBuf>("config").cloned(),
            answers: matches.get_one::<PathBuf>("answers").cloned(),
            sets: matches
                .get_many::<String>("set")
                .map(|v| v.cloned().collect())
                .unwrap_or_default(),
            clock: Clock::from_env(env),
            region_set: region_from_env(env)?,
            locale: ["LC_ALL", "LC_MONETARY", "LANG"]
                .iter()
                .find_map(|name| env.var(name))
                .map(str::to_string),
            data_dir: (!flag("no-journal")).then(|| data_dir(env)).flatten(),
            shell: env.var("SHELL").map(str::to_string),
        })
    }

    /// SPEC's region chain: `WALLET_HELP_REGION`, then the provider's `provider.region`,
    /// then the time zone, then the locale's territory, else `other`. Asked only by commands
    /// that need it: finding the system's time zone costs more than `list` does.
    pub fn region(&self, config: &Config) -> Region {
        Region::detect(
            self.region_set,
            config.region,
            self.clock.zone_name().as_deref(),
            self.locale.as_deref(),
        )
    }
}

/// `WALLET_HELP_REGION`: unset, or one of the region names.
fn region_from_env(env: &Environment) -> Result<Option<Region>> {
    let Some(value) = env.var("WALLET_HELP_REGION") else {
        return Ok(None);
    };
    Region::from_name(value)
        .map(Some)
        .ok_or_else(|| Error::BadEnv {
            name: "WALLET_HELP_REGION",
            value: value.to_string(),
            expected: Region::NAMES,
        })
}

/// The report format `-o FILE`'s extension asks for, when `--format` does not say:
/// `.json`, `.md` or `.markdown`; anything else is text.
fn format_of(path: &std::path::Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "json" => Some(Format::Json),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// SPEC's fallback chain: `WALLET_HELP_LANG`, then `LC_ALL`, `LC_MESSAGES`, `LANG`.
pub fn lang_from_env(env: &Environment) -> Lang {
    ["WALLET_HELP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| env.var(name))
        .map_or(Lang::En, Lang::from_locale)
}

/// The user's clock: the time zone from `TZ` or the system, and the time, which
/// `SOURCE_DATE_EPOCH` fixes for reproducible output. Read only when a command needs it:
/// loading a time zone costs more than everything `list` does.
#[derive(Clone, Debug)]
pub struct Clock {
    tz: Option<String>,
    fixed: Option<Timestamp>,
}

impl Clock {
    pub fn from_env(env: &Environment) -> Clock {
        let fixed = env
            .var("SOURCE_DATE_EPOCH")
            .and_then(|s| s.parse::<i64>().ok())
            .and_then(|s| Timestamp::from_second(s).ok());
        let tz = env
            .var("TZ")
            .map(|name| name.trim_start_matches(':').to_string());
        Clock { tz, fixed }
    }

    pub fn now(&self) -> Zoned {
        self.fixed
            .unwrap_or_else(Timestamp::now)
            .to_zoned(self.time_zone())
    }

    /// The user's time zone by its IANA name, when it has one.
    pub fn zone_name(&self) -> Option<String> {
        match &self.tz {
            Some(name) => Some(name.clone()),
            None => TimeZone::system().iana_name().map(str::to_string),
        }
    }

    fn time_zone(&self) -> TimeZone {
        // The zone database is compiled in (jiff's bundled tzdb), so a lookup by name is a
        // binary search, not a scan of /usr/share/zoneinfo.
        match &self.tz {
            Some(name) => TimeZone::get(name).unwrap_or_else(|_| TimeZone::system()),
            None => TimeZone::system(),
        }
    }
}

/// `$XDG_DATA_HOME/wallet-help`, else the platform's data folder (`~/.local/share`).
fn data_dir(env: &Environment) -> Option<PathBuf> {
    let base = env
        .var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(dirs::data_dir)?;
    Some(base.join("wallet-help"))
}

fn guide_dirs(matches: &ArgMatches) -> Vec<PathBuf> {
    matches
        .get_many::<PathBuf>("guides")
        .map(|v| v.cloned().collect())
        .unwrap_or_default()
}

/// What must be known before the command line can be built: guide folders add subcommands,
/// and the language picks the help text. Read leniently; clap checks the real parse.
pub struct Prescan {
    pub lang: Lang,
    pub guide_dirs: Vec<PathBuf>,
}

pub fn prescan(args: &[OsString], env: &Environment) -> Prescan {
    let mut lang = None;
    let mut dirs = Vec::new();
    let mut iter = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let mut value = |name: &str| -> Option<String> {
            if arg == name {
                iter.next()
            } else {
                arg.strip_prefix(&format!("{name}=")).map(str::to_string)
            }
        };
        if let Some(v) = value("--lang") {
            lang = Lang::from_code(&v);
        } else if let Some(v) = value("--guides") {
            dirs.push(PathBuf::from(v));
        }
    }
    if dirs.is_empty()
        && let Some(list) = env.var("WALLET_HELP_GUIDES")
    {
        {
            dirs = list
                .split(':')
                .filter(|s| !s.is_empty())
                .map(PathBuf::from)
                .collect();
        }
    }
    Prescan {
        lang: lang.unwrap_or_else(|| lang_from_env(env)),
        guide_dirs: dirs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)], terminal: bool) -> Environment {
        Environment {
            vars: vars
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect(),
            stdin_is_terminal: terminal,
            stdout_is_terminal: terminal,
            stderr_is_terminal: terminal,
        }
    }

    fn settings(args: &[&str], env: &Environment) -> Settings {
        let catalog = crate::guide::catalog::Catalog::from_guides(Vec::new());
        let mut command_line = vec!["wallet-help"];
        command_line.extend(args);
        let matches = crate::cli::command(&catalog, Lang::En)
            .try_get_matches_from(command_line)
            .unwrap();
        Settings::new(&matches, env).unwrap()
    }

    #[test]
    fn language_falls_back_through_the_environment_in_spec_order() {
        let cases: [(&[(&str, &str)], Lang); 6] = [
            (&[], Lang::En),
            (&[("LANG", "zh_CN.UTF-8")], Lang::Zh),
            (
                &[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US")],
                Lang::En,
            ),
            (&[("LC_MESSAGES", "en_US"), ("LC_ALL", "zh_TW")], Lang::Zh),
            (&[("LC_ALL", "zh_TW"), ("WALLET_HELP_LANG", "en")], Lang::En),
            (&[("LC_ALL", ""), ("LANG", "zh_CN")], Lang::Zh),
        ];
        for (vars, expected) in cases {
            assert_eq!(lang_from_env(&env(vars, false)), expected, "{vars:?}");
        }
    }

    #[test]
    fn the_flag_beats_the_environment_and_report_lang_follows_it() {
        let zh_env = env(&[("LANG", "zh_CN.UTF-8")], false);
        let s = settings(&["--lang", "en", "list"], &zh_env);
        assert_eq!((s.lang, s.report_lang), (Lang::En, Lang::En));
        let s = settings(&["list", "--report-lang", "en"], &zh_env);
        assert_eq!((s.lang, s.report_lang), (Lang::Zh, Lang::En));
    }

    #[test]
    fn mode_is_interactive_only_with_terminals_and_without_no_input() {
        assert_eq!(settings(&["list"], &env(&[], true)).mode, Mode::Interactive);
        assert_eq!(settings(&["list"], &env(&[], false)).mode, Mode::Scripted);
        assert_eq!(
            settings(&["--no-input", "list"], &env(&[], true)).mode,
            Mode::Scripted
        );
    }

    #[test]
    fn the_output_extension_picks_the_format_unless_format_says() {
        let e = env(&[], false);
        let format = |args: &[&str]| settings(args, &e).format;
        assert_eq!(format(&["list", "-o", "r.json"]), Format::Json);
        assert_eq!(format(&["list", "-o", "r.MD"]), Format::Markdown);
        assert_eq!(format(&["list", "-o", "r.txt"]), Format::Text);
        assert_eq!(format(&["list", "-o", "-"]), Format::Text);
        assert_eq!(
            format(&["list", "-o", "r.json", "--format", "text"]),
            Format::Text
        );
    }

    #[test]
    fn colour_needs_a_terminal_and_no_opt_out() {
        assert!(settings(&["list"], &env(&[], true)).color_stderr);
        assert!(!settings(&["list"], &env(&[("NO_COLOR", "1")], true)).color_stderr);
        assert!(!settings(&["--no-color", "list"], &env(&[], true)).color_stderr);
        assert!(!settings(&["list"], &env(&[], false)).color_stderr);
    }

    #[test]
    fn source_date_epoch_fixes_the_clock_in_the_users_zone() {
        let e = env(
            &[("SOURCE_DATE_EPOCH", "1763708645"), ("TZ", "Asia/Shanghai")],
            false,
        );
        assert_eq!(
            Clock::from_env(&e).now().to_string(),
            "2025-11-21T15:04:05+08:00[Asia/Shanghai]"
        );
    }

    #[test]
    fn the_region_comes_from_the_user_then_the_provider_then_the_zone() {
        let config = Config {
            region: Some(Region::Cn),
            ..Config::default()
        };
        let uk = env(
            &[("WALLET_HELP_REGION", "uk"), ("TZ", "Asia/Shanghai")],
            false,
        );
        assert_eq!(settings(&["list"], &uk).region(&config), Region::Uk);
        let london = env(&[("TZ", "Europe/London"), ("LANG", "zh_CN.UTF-8")], false);
        assert_eq!(settings(&["list"], &london).region(&config), Region::Cn);
        assert_eq!(
            settings(&["list"], &london).region(&Config::default()),
            Region::Uk
        );
        let server = env(&[("TZ", "Etc/UTC"), ("LANG", "zh_CN.UTF-8")], false);
        assert_eq!(
            settings(&["list"], &server).region(&Config::default()),
            Region::Cn
        );
    }

    #[test]
    fn an_unknown_region_in_the_environment_is_a_usage_error() {
        let catalog = crate::guide::catalog::Catalog::from_guides(Vec::new());
        let matches = crate::cli::command(&catalog, Lang::En)
            .try_get_matches_from(["wallet-help", "list"])
            .unwrap();
        let err =
            Settings::new(&matches, &env(&[("WALLET_HELP_REGION", "mars")], false)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`WALLET_HELP_REGION` is `mars`; expected cn, us, uk, eu or other"
        );
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn prescan_finds_guide_folders_and_language_before_clap_runs() {
        let args: Vec<OsString> = [
            "wallet-help",
            "--guides",
            "a",
            "--guides=b",
            "--lang=zh",
            "x",
        ]
        .iter()
        .map(OsString::from)
        .collect();
        let p = prescan(&args, &env(&[("WALLET_HELP_GUIDES", "c:d")], false));
        assert_eq!(p.guide_dirs, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(p.lang, Lang::Zh);
        let p = prescan(&args[..1], &env(&[("WALLET_HELP_GUIDES", "c::d")], false));
        assert_eq!(p.guide_dirs, [PathBuf::from("c"), PathBuf::from("d")]);
    }
}
