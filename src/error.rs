//! The one error type of the tool, its exit codes (SPEC "Exit codes") and its hints.
//!
//! Messages are lowercase, name things in backticks and carry no colour: colour is added by
//! the printer in `lib.rs`, and only when stderr is a terminal. `Display` is English; what the
//! user reads comes from `message` and `hint` in the interface language (`error/zh.rs`), so
//! every field that says why is structured or carries both languages.

mod zh;

use std::io;
use std::path::PathBuf;

use crate::config::ConfigIssue;
use crate::guide::GuideIssue;
use crate::lang::{Lang, Text};
use crate::location::Location;

/// Where an answer came from, for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Set,
    Link,
    Prompt,
}

impl Origin {
    /// How a message names it: "`answers.toml`", "`--set`", "the link".
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Origin::File(p), Lang::En) => format!("`{}`", p.display()),
            (Origin::File(p), Lang::Zh) => format!("答案文件 `{}`", p.display()),
            (Origin::Set, _) => "`--set`".into(),
            (Origin::Link, Lang::En) => "the link".into(),
            (Origin::Link, Lang::Zh) => "链接".into(),
            (Origin::Prompt, Lang::En) => "the prompt".into(),
            (Origin::Prompt, Lang::Zh) => "输入框".into(),
        }
    }
}

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
    MissingAnswer { step: String, expected: Text },

    #[error("invalid answer for `{step}` in {}: `{value}` {}", origin.describe(Lang::En), reason.en)]
    InvalidAnswer {
        step: String,
        value: String,
        origin: Origin,
        /// Boxed: the biggest variant, and errors travel in every `Result`.
        reason: Box<Text>,
    },

    #[error("{} answers `{key}`, but guide `{guide}` has no such question", origin.describe(Lang::En))]
    UnknownQuestion {
        key: String,
        origin: Origin,
        guide: String,
        known: Vec<String>,
    },

    #[error("`--set {arg}` is not of the form ID=VALUE")]
    BadSet { arg: String },

    #[error("invalid link `{link}`: {}", reason.en)]
    BadLink { link: String, reason: Text },

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

    #[error("cannot use `{}` as an answers file: {}", path.display(), reason.en)]
    AnswersFileRefused { path: PathBuf, reason: Text },

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

    #[error("setup cannot run: {}", reason.en)]
    SetupRefused { reason: Box<Text> },

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

    #[error("`{name}` is `{value}`; expected {expected}")]
    BadEnv {
        name: &'static str,
        value: String,
        expected: &'static str,
    },

    #[error("the case journal `{}` failed: {message}", path.display())]
    Journal { path: PathBuf, message: String },

    #[error("the case journal `{}` is damaged ({reason}); it was left as it is", path.display())]
    JournalCorrupt { path: PathBuf, reason: String },

    #[error("the case journal `{}` has format {version}; this version reads up to {supported}", path.display())]
    JournalTooNew {
        path: PathBuf,
        version: i64,
        supported: i64,
    },

    #[error("the case journal is turned off")]
    JournalOff,

    #[error("no case `{case}`")]
    UnknownCase {
        case: String,
        suggestions: Vec<String>,
    },

    #[error("`{case}` matches more than one case: {}", matches.join(", "))]
    AmbiguousCase { case: String, matches: Vec<String> },

    #[error("no draft `{draft}`")]
    UnknownDraft { draft: String },

    #[error("invalid value `{value}` for `{option}`: {}", reason.en)]
    InvalidOption {
        option: &'static str,
        value: String,
        reason: Box<Text>,
    },

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
            | Error::AnswersFileRefused { .. }
            | Error::AnswerLoop { .. }
            | Error::OutputExists { .. }
            | Error::BadEnv { .. }
            | Error::JournalOff
            | Error::UnknownCase { .. }
            | Error::AmbiguousCase { .. }
            | Error::UnknownDraft { .. }
            | Error::InvalidOption { .. }
            | Error::OutputNotAFile { .. }
            | Error::ConfigMissing { .. }
            | Error::SetupRefused { .. }
            | Error::SetupConflict { .. } => exit::USAGE,
            Error::InvalidGuides { .. }
            | Error::InvalidConfig { .. }
            | Error::ConfigIssues { .. }
            | Error::InvalidReport { .. } => exit::INVALID_FILE,
            Error::Io { .. }
            | Error::Terminal(_)
            | Error::Journal { .. }
            | Error::JournalCorrupt { .. }
            | Error::JournalTooNew { .. }
            | Error::SetupChanged { .. } => exit::FAILURE,
            Error::Cancelled => exit::CANCELLED,
        }
    }

    /// What went wrong, in `lang`: one line, lowercase in English.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => zh::message(self),
        }
    }

    /// One line that tells the user what to do next, in `lang`, where there is something to
    /// say.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        match lang {
            Lang::En => self.hint_en(),
            Lang::Zh => zh::hint(self),
        }
    }

    fn hint_en(&self) -> Option<String> {
        match self {
            Error::UnknownSymptom { suggestions, .. } | Error::UnknownCase { suggestions, .. }
                if !suggestions.is_empty() =>
            {
                Some(format!("did you mean `{}`?", suggestions.join("`, `")))
            }
            Error::UnknownSymptom { .. } => Some("`wallet-help list` shows every symptom".into()),
            Error::MissingAnswer { step, expected } => Some(format!(
                "answer it with `--set {step}=VALUE` or in an `--answers` file; expected {}",
                expected.en
            )),
            Error::UnknownQuestion { guide, known, .. } => Some(format!(
                "questions of `{guide}`: {} (see `wallet-help guides show {guide} --json`)",
                known.join(", ")
            )),
            Error::BadLink { .. } => {
                Some("a link looks like wallet-help://payment-failed?amount=59.90%20CNY".into())
            }
            Error::AnswersFileRefused { .. } => Some(
                "an answers file is a small TOML file with one `question-id = \"value\"` a line"
                    .into(),
            ),
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
            Error::JournalCorrupt { path, .. } => Some(format!(
                "move it aside (e.g. `mv {0} {0}.damaged`) and the next report starts a new journal",
                path.display()
            )),
            Error::JournalTooNew { .. } => {
                Some("a newer wallet-help wrote it: use that version to read it".into())
            }
            Error::JournalOff => Some(
                "it is off because of `--no-journal` or `journal = false` in the config".into(),
            ),
            Error::UnknownCase { .. } => Some("`wallet-help cases` lists every case".into()),
            Error::AmbiguousCase { .. } => {
                Some("give more of the id, or the whole report id".into())
            }
            Error::UnknownDraft { .. } => Some("`wallet-help resume` lists the drafts".into()),
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
