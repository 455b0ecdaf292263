//! Problems found in a guide file, each tied to a place in it.

use std::fmt;

use crate::lang::Lang;
use crate::location::Location;

/// One problem in a guide file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideIssue {
    pub location: Location,
    pub kind: IssueKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssueKind {
    Toml {
        message: String,
    },
    Read {
        message: String,
    },
    MissingKey {
        key: &'static str,
        context: String,
    },
    NotAllowed {
        key: &'static str,
        kind: String,
    },
    BadValue {
        key: &'static str,
        value: String,
        expected: &'static str,
    },
    DuplicateStep {
        id: String,
    },
    UnknownTarget {
        key: &'static str,
        target: String,
    },
    Unreachable {
        step: String,
    },
    NoEnding {
        step: String,
    },
    NoChoices {
        step: String,
    },
    DuplicateChoice {
        step: String,
        choice: String,
    },
    MissingTranslation {
        key: String,
        lang: Lang,
    },
    AsksForSecret {
        step: String,
        what: String,
    },
    SkipsDetail {
        ending: String,
        detail: String,
    },
    NotAnInput {
        key: &'static str,
        step: String,
    },
    UnknownPlaceholder {
        name: String,
    },
    DuplicateName {
        name: String,
        other: String,
    },
    ReservedName {
        name: String,
    },
    ForbiddenChar {
        key: String,
        code: u32,
        what: &'static str,
    },
    NextInBlock,
    // Warnings: the guide works, but reads badly or asks in the wrong order.
    HalfWidth {
        found: char,
        instead: char,
    },
    OneLanguageVariant {
        has: String,
        lacks: String,
    },
    CheckCannotFix {
        step: String,
        why: &'static str,
    },
    AsksBeforeProtecting {
        ending: String,
        asked: Vec<String>,
    },
    PlaceholderNotHere {
        name: String,
        why: &'static str,
    },
    UnknownProviderPlaceholder {
        name: String,
        known: Vec<&'static str>,
    },
    RegionNotAllowed {
        key: String,
    },
    UnknownBlock {
        name: String,
        known: Vec<String>,
    },
    IncludedTwice {
        block: String,
    },
    NotInBlock {
        step: String,
        block: String,
        known: Vec<String>,
    },
}

impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueKind::Toml { message } => write!(f, "{message}"),
            IssueKind::Read { message } => write!(f, "cannot read: {message}"),
            IssueKind::MissingKey { key, context } => write!(f, "{context} has no `{key}`"),
            IssueKind::NotAllowed { key, kind } => {
                let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                write!(f, "`{key}` is not allowed on {article} `{kind}` step")
            }
            IssueKind::BadValue {
                key,
                value,
                expected,
            } => {
                write!(f, "`{key}` is `{value}`; expected {expected}")
            }
            IssueKind::DuplicateStep { id } => write!(f, "step id `{id}` is used twice"),
            IssueKind::UnknownTarget { key, target } => {
                write!(f, "`{key}` points to `{target}`, which is not a step")
            }
            IssueKind::Unreachable { step } => {
                write!(f, "step `{step}` cannot be reached from `start`")
            }
            IssueKind::NoEnding { step } => {
                write!(f, "no ending can be reached from step `{step}`")
            }
            IssueKind::NoChoices { step } => write!(f, "choice step `{step}` has no choices"),
            IssueKind::DuplicateChoice { step, choice } => {
                write!(f, "choice `{choice}` appears twice in step `{step}`")
            }
            IssueKind::MissingTranslation { key, lang } => {
                write!(f, "`{key}` has no `{}` text", lang.code())
            }
            IssueKind::AsksForSecret { step, what } => write!(
                f,
                "step `{step}` asks for a secret ({what}); support never needs it"
            ),
            IssueKind::SkipsDetail { ending, detail } => write!(
                f,
                "a path to contact-support ending `{ending}` does not ask `{detail}`, which support needs"
            ),
            IssueKind::NotAnInput { key, step } => {
                write!(f, "`{key}` names `{step}`, which is not an input step")
            }
            IssueKind::UnknownPlaceholder { name } => {
                write!(
                    f,
                    "placeholder `{{{name}}}` does not name an input or choice step"
                )
            }
            IssueKind::DuplicateName { name, other } => {
                write!(f, "`{name}` is already used by guide `{other}`")
            }
            IssueKind::ReservedName { name } => {
                write!(f, "`{name}` is a built-in command and cannot name a guide")
            }
            IssueKind::RegionNotAllowed { key } => write!(
                f,
                "`{key}`: the guide's title and summary are the same in every region; \
                 region variants belong in step texts and report summaries"
            ),
            IssueKind::PlaceholderNotHere { name, why } => {
                write!(f, "placeholder `{{{name}}}` cannot be used here: {why}")
            }
            IssueKind::UnknownProviderPlaceholder { name, known } => write!(
                f,
                "placeholder `{{{name}}}` is not a provider setting; the settings are {}",
                known
                    .iter()
                    .map(|k| format!("{{{k}}}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            IssueKind::HalfWidth { found, instead } => {
                write!(f, "half-width `{found}` in Chinese text; write `{instead}`")
            }
            IssueKind::OneLanguageVariant { has, lacks } => write!(
                f,
                "`{has}` has no `{lacks}`: readers of the other language in that region get the \
                 general text"
            ),
            IssueKind::CheckCannotFix { step, why } => {
                write!(f, "check `{step}` asks \"Did that fix it?\", but {why}")
            }
            IssueKind::AsksBeforeProtecting { ending, asked } => write!(
                f,
                "on the way to urgent ending `{ending}`, `{}` {} asked before any step tells the \
                 user how to protect their account; ask once they are safe",
                asked.join("`, `"),
                if asked.len() == 1 { "is" } else { "are" }
            ),
            IssueKind::NextInBlock => write!(
                f,
                "a block's steps are asked in order and have no `next`; the guide that includes \
                 the block says where its last step leads"
            ),
            IssueKind::UnknownBlock { name, known } => write!(
                f,
                "there is no block `{name}`; the blocks are {}",
                known.join(", ")
            ),
            IssueKind::IncludedTwice { block } => write!(
                f,
                "block `{block}` is already included in this guide; a block's ids are stable, \
                 so a guide includes it once and leads there from every path"
            ),
            IssueKind::NotInBlock { step, block, known } => write!(
                f,
                "`{step}` is not a step of block `{block}`; its steps are {}",
                known.join(", ")
            ),
            IssueKind::ForbiddenChar { key, code, what } => write!(
                f,
                "`{key}` holds U+{code:04X}, {what}; guide text may not hold control \
                 characters, terminal escapes or bidi controls"
            ),
        }
    }
}

impl IssueKind {
    /// Whether this is a warning: the guide works, and `guides check` still passes.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            IssueKind::HalfWidth { .. }
                | IssueKind::OneLanguageVariant { .. }
                | IssueKind::CheckCannotFix { .. }
                | IssueKind::AsksBeforeProtecting { .. }
        )
    }
}

impl fmt::Display for GuideIssue {
    /// Values quoted from a file are shown with any control character escaped: a message
    /// about a terminal escape must not be one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = if self.kind.is_warning() {
            "warning: "
        } else {
            ""
        };
        let line = format!("{}: {severity}{}", self.location, self.kind);
        f.write_str(&super::names::escape_forbidden(&line))
    }
}
