//! Cases: what happens after the first message to support. Every report written is kept in a
//! local journal (`SQLite`, in the user's data folder), with the contacts the user logs, the
//! evidence files they name, the deadlines the provider had, and the letters written to follow
//! up or escalate. Unfinished guides are kept there too, as drafts to resume.
//!
//! Nothing unredacted reaches the journal: reports are stored as built (already redacted), and
//! everything typed later (notes, references, names of files) goes through the same redactor.

pub mod deadlines;
pub mod drafts;
pub mod export;
pub mod find;
pub mod journal;
pub mod ladder;
pub mod letters;
pub mod time;

use std::path::{Path, PathBuf};

use jiff::Zoned;
use serde::Serialize;

use crate::error::Result;
use crate::lang::Lang;
use crate::report::{self, Format, Report};

pub use journal::Journal;

/// The journal file's name inside the data folder.
pub const FILE_NAME: &str = "journal.sqlite3";

/// Where the journal lives, or that it is turned off (`--no-journal`, `journal = false`).
#[derive(Clone, Debug)]
pub struct Store {
    path: Option<PathBuf>,
}

impl Store {
    /// The journal in `data_dir` (`$XDG_DATA_HOME/wallet-help`), unless turned off.
    pub fn new(data_dir: Option<PathBuf>, enabled: bool) -> Store {
        Store {
            path: data_dir.filter(|_| enabled).map(|d| d.join(FILE_NAME)),
        }
    }

    /// The journal file, when the journal is on.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Records a report that was just delivered. The report has already reached the user (shown,
    /// saved or sent): a journal that cannot be written costs a warning, never the report.
    pub fn record(
        &self,
        report: &Report,
        format: Format,
        delivery: &str,
        region: &str,
        now: &Zoned,
    ) {
        let Some(path) = &self.path else {
            return;
        };
        let json = report::render(report, format_json());
        let report_region = serde_json::from_str::<serde_json::Value>(&json)
            .ok()
            .and_then(|v| v.get("region")?.as_str().map(str::to_string));
        let new = NewCase {
            report,
            region: report_region.as_deref().unwrap_or(region),
            report_region: report_region.as_deref(),
            json,
            format,
            delivery,
            sent_at: time::rfc3339(now),
        };
        if let Err(e) = Journal::open(path).and_then(|mut j| j.record(&new)) {
            warn_not_recorded(&e, report.language);
        }
    }
}

fn format_json() -> Format {
    Format::Json
}

/// The warning when the journal could not be updated; the report itself is safe.
pub fn warn_not_recorded(error: &crate::error::Error, lang: Lang) {
    let text = match lang {
        Lang::En => format!(
            "the case journal could not be updated ({error}); your report itself is not affected"
        ),
        Lang::Zh => format!("案件记录没能更新（{error}）；报告本身不受影响"),
    };
    crate::ui::warn(&text);
}

/// A report about to be recorded.
pub struct NewCase<'a> {
    pub report: &'a Report,
    /// The report as JSON (`--format json`), whatever format the user chose.
    pub json: String,
    pub format: Format,
    /// How it left: `printed`, `saved`, `email`, `clipboard`.
    pub delivery: &'a str,
    pub region: &'a str,
    /// The region the report itself names, when it does.
    pub report_region: Option<&'a str>,
    pub sent_at: String,
}

/// Whether the user still waits on a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Open,
    Closed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }

    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Status::Open => lang.pick("open", "处理中"),
            Status::Closed => lang.pick("closed", "已结束"),
        }
    }
}

/// How the user reached support.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Phone,
    Chat,
    Email,
    InApp,
    Branch,
    Letter,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Phone,
        Channel::Chat,
        Channel::Email,
        Channel::InApp,
        Channel::Branch,
        Channel::Letter,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::Email => "email",
            Channel::InApp => "in-app",
            Channel::Branch => "branch",
            Channel::Letter => "letter",
        }
    }

    pub fn from_name(name: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Channel::Phone => lang.pick("phone", "电话"),
            Channel::Chat => lang.pick("chat", "在线客服"),
            Channel::Email => lang.pick("email", "邮件"),
            Channel::InApp => lang.pick("in-app help", "App 内客服"),
            Channel::Branch => lang.pick("branch visit", "线下网点"),
            Channel::Letter => lang.pick("letter", "书面信函"),
        }
    }
}

/// One contact with support, as the user logged it (free text already redacted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// When it happened, RFC 3339 with the user's offset.
    pub at: String,
    pub channel: Channel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// The date support promised something by, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promised: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub logged_at: String,
}

/// An evidence file, by name and fingerprint; the file itself stays where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub name: String,
    pub path: String,
    pub size: u64,
    pub sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    pub added_at: String,
}

/// Which letter was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LetterKind {
    FollowUp,
    Escalation,
}

impl LetterKind {
    pub fn name(self) -> &'static str {
        match self {
            LetterKind::FollowUp => "follow-up",
            LetterKind::Escalation => "escalation",
        }
    }
}

/// A letter written for a case: a follow-up, or an escalation to a rung of the ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Letter {
    pub kind: LetterKind,
    /// The rung written to: 2 for the provider's formal complaint channel, 3 for the regulator.
    pub rung: u8,
    pub written_at: String,
}

/// One case: a report and everything that happened after it.
#[derive(Clone, Debug, Serialize)]
pub struct Case {
    pub report_id: String,
    pub verification_code: String,
    pub guide_id: String,
    pub guide_title: String,
    pub region: String,
    pub language: Lang,
    pub format: String,
    pub created_at: String,
    pub sent_at: String,
    pub sent_via: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    /// The report as it was sent, JSON.
    #[serde(skip)]
    pub report: String,
    /// The region the report itself names (`region` in its JSON), when it does.
    #[serde(skip)]
    pub report_region: Option<String>,
    pub contacts: Vec<Contact>,
    pub evidence: Vec<Evidence>,
    pub letters: Vec<Letter>,
}

impl Case {
    /// The report as JSON, for what it says (summary, details, urgency).
    pub fn report_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.report).unwrap_or(serde_json::Value::Null)
    }

    /// The random part of the id: `7F3K9Q` of `WH-20261121-7F3K9Q`.
    pub fn short_id(&self) -> &str {
        find::random_part(&self.report_id)
    }

    /// The letters' format: the report's own, text for a JSON report.
    pub fn letter_format(&self) -> Format {
        match self.format.as_str() {
            "markdown" => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// Free text typed after the report (a note, a reference, an agent's name, a file name),
/// redacted like a report's free text before it is stored or shown. With `keep_references`,
/// numbers stay as ids (a ticket number), except one that passes the card-number test: a
/// card number is masked wherever it is typed, so none reaches the journal.
pub fn redact_typed(text: &str, keep_references: bool) -> String {
    let clean = crate::privacy::strip_controls(text.trim());
    let policy = |keep_references| crate::privacy::Policy {
        keep_error_codes: false,
        keep_references,
    };
    let strict = crate::privacy::scan(&clean, policy(false));
    let has_card = strict
        .changes
        .iter()
        .any(|c| c.kind == crate::privacy::Kind::CardNumber);
    if !keep_references || has_card {
        return strict.text;
    }
    crate::privacy::scan(&clean, policy(true)).text
}

/// The name of a format for the journal.
pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Json => "json",
    }
}

/// Result of an operation that may find nothing to do.
pub type Maybe<T> = Result<Option<T>>;

#[cfg(test)]
mod tests {
    use super::redact_typed;

    #[test]
    fn references_keep_their_numbers_but_never_a_card_number() {
        assert_eq!(redact_typed("CS-88812", true), "CS-88812");
        assert_eq!(
            redact_typed("2026112122001400000000001234", true),
            "2026112122001400000000001234"
        );
        let card = redact_typed("card 4111111111111111.png", true);
        assert!(!card.contains("4111111111111111"), "{card}");
        assert!(card.contains("1111"), "{card}");
        assert!(!redact_typed("ref 4111 1111 1111 1111", true).contains("4111 1111"));
        assert_eq!(
            redact_typed("password: hunter2", true),
            "password: [removed]"
        );
    }
}
