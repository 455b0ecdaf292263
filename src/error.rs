//! The one error type of the tool, its exit codes (SPEC "Exit codes") and its hints.
//!
//! Messages are lowercase, name things in backticks and carry no colour: colour is added by
//! the printer in `lib.rs`, and only when stderr is a terminal.

use std::io;
use std::path::PathBuf;

use crate::config::ConfigIssue;
use crate::guide::GuideIssue;
use crate::location::Location;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Exit codes from SPEC.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FAILURE: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const INVALID_FILE: u8 = 3;
    pub const CANCELLED: u8 = 130;
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Cli(#[from] clap::Error),

    #[error("unknown symptom `{id}`")]
    UnknownSymptom {
        id: String,
        suggestions: Vec<String>,
    },

    #[error("no answer for `{step}` and prompting is off (--no-input or stdin is not a terminal)")]
    MissingAnswer { step: String, expected: String },

    #[error("invalid answer for `{step}` in {origin}: `{value}` {reason}")]
    InvalidAnswer {
        step: String,
        value: String,
        origin: String,
        reason: String,
    },

    #[error("{origin} answers `{key}`, but guide `{guide}` has no such question")]
    UnknownQuestion {
        key: String,
        origin: String,
        guide: String,
        known: Vec<String>,
    },

    #[error("`--set {arg}` is not of the form ID=VALUE")]
    BadSet { arg: String },

    #[error("invalid link `{link}`: {reason}")]
    BadLink { link: String, reason: String },

    #[error("the link is {len} characters long; a link may have at most {max}")]
    LinkTooLong { len: usize, max: usize },

    #[error("guide `{guide}` does not let a link set `{key}`")]
    NotLinkable {
        key: String,
        guide: String,
        linkable: Vec<String>,
    },

    #[error("`{key}` is an option, and a link cannot set options")]
    LinkSetsOption { key: String },

    #[error("{location}: answers file is not valid: {message}")]
    AnswersFile { location: Location, message: String },

    #[error("scripted answers loop back to `{step}`")]
    AnswerLoop { step: String },

    #[error("{} problem{} in guide files", issues.len(), if issues.len() == 1 { "" } else { "s" })]
    InvalidGuides { issues: Vec<GuideIssue> },

    #[error("{location}: invalid config: {message}")]
    InvalidConfig { location: Location, message: String },

    #[error("{} problems in config file `{file}`", issues.len())]
    ConfigIssues {
        file: String,
        issues: Vec<ConfigIssue>,
    },

    #[error("config file `{}` does not exist", path.display())]
    ConfigMissing { path: PathBuf },

    #[error("setup cannot run: {reason}")]
    SetupRefused { reason: String },

    #[error("setup did not make {}, and will not replace {}", items.join(", "), if items.len() == 1 { "it" } else { "them" })]
    SetupConflict { items: Vec<String> },

    #[error("{} changed since setup wrote {}, so {} left", items.join(", "), if items.len() == 1 { "it" } else { "them" }, if items.len() == 1 { "it was" } else { "they were" })]
    SetupChanged { items: Vec<String> },

    #[error("{location}: invalid report: {message}")]
    InvalidReport { location: Location, message: String },

    #[error("`{}` already exists", path.display())]
    OutputExists { path: PathBuf },

    #[error("`{}` is {what}, not a regular file", path.display())]
    OutputNotAFile { path: PathBuf, what: &'static str },

    #[error("cannot {action} `{}`: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },

    #[error("cannot write to the terminal: {0}")]
    Terminal(io::Error),

    #[error("cancelled")]
    Cancelled,
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Cli(e) if !e.use_stderr() => exit::OK,
            Error::Cli(_)
            | Error::UnknownSymptom { .. }
            | Error::MissingAnswer { .. }
            | Error::InvalidAnswer { .. }
            | Error::UnknownQuestion { .. }
            | Error::BadSet { .. }
            | Error::BadLink { .. }
            | Error::LinkTooLong { .. }
            | Error::NotLinkable { .. }
            | Error::LinkSetsOption { .. }
            | Error::AnswersFile { .. }
            | Error::AnswerLoop { .. }
            | Error::OutputExists { .. }
            | Error::OutputNotAFile { .. }
            | Error::ConfigMissing { .. }
            | Error::SetupRefused { .. }
            | Error::SetupConflict { .. } => exit::USAGE,
            Error::InvalidGuides { .. }
            | Error::InvalidConfig { .. }
            | Error::ConfigIssues { .. }
            | Error::InvalidReport { .. } => exit::INVALID_FILE,
            Error::Io { .. } | Error::Terminal(_) | Error::SetupChanged { .. } => exit::FAILURE,
            Error::Cancelled => exit::CANCELLED,
        }
    }

    /// One line that tells the user what to do next, where there is something to say.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::UnknownSymptom { suggestions, .. } if !suggestions.is_empty() => {
                Some(format!("did you mean `{}`?", suggestions.join("`, `")))
            }
            Error::UnknownSymptom { .. } => Some("`wallet-help list` shows every symptom".into()),
            Error::MissingAnswer { step, expected } => Some(format!(
                "answer it with `--set {step}=VALUE` or in an `--answers` file; expected {expected}"
            )),
            Error::UnknownQuestion { guide, known, .. } => Some(format!(
                "questions of `{guide}`: {} (see `wallet-help guides show {guide} --json`)",
                known.join(", ")
            )),
            Error::BadLink { .. } => {
                Some("a link looks like wallet-help://payment-failed?amount=59.90%20CNY".into())
            }
            Error::LinkTooLong { .. } => {
                Some("leave long answers out of the link; the guide asks for them".into())
            }
            Error::NotLinkable {
                guide, linkable, ..
            } if linkable.is_empty() => Some(format!(
                "no question of `{guide}` can be set by a link; answer it when the guide asks"
            )),
            Error::NotLinkable { linkable, .. } => Some(format!(
                "a link may set only: {}; the guide asks the rest itself",
                linkable.join(", ")
            )),
            Error::LinkSetsOption { .. } => Some(
                "options such as `--output`, `--guides` or `--config` go on the command line"
                    .into(),
            ),
            Error::AnswerLoop { .. } => {
                Some("answer the loop differently, or run in a terminal to answer by hand".into())
            }
            Error::OutputExists { .. } => Some("pass `--force` to replace it".into()),
            Error::OutputNotAFile { .. } => Some(
                "`-o` writes regular files only, even with `--force`; `-o -` writes to standard output"
                    .into(),
            ),
            Error::InvalidConfig { .. } | Error::ConfigIssues { .. } => {
                Some("every key is described, with an example, in docs/providers.md".into())
            }
            Error::SetupConflict { .. } => Some(
                "`--force` replaces them (the old ones are kept, and `setup --undo` puts them back); `--print` shows the plan".into(),
            ),
            Error::SetupChanged { .. } => Some(
                "`setup --undo --force` removes them anyway".into(),
            ),
            Error::ConfigMissing { .. } => {
                Some("check the path given to `--config` or `WALLET_HELP_CONFIG`".into())
            }
            _ => None,
        }
    }

    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
