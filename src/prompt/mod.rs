//! The seam between the flow and whoever answers it: a person at a terminal (`terminal`) or a
//! script (`scripted`). The flow only sees this trait, so it never touches a terminal.

pub mod picker;
pub mod scripted;
pub mod terminal;
pub mod theme;

use crate::error::Result;
use crate::guide::Privacy;
use crate::input::{InputType, ParseContext, Parsed};
use crate::lang::Lang;
use crate::privacy;

/// A choice question, in the interface language.
pub struct ChoiceQuestion<'a> {
    pub step: &'a str,
    pub question: &'a str,
    /// A short name for the question, when the guide gives one.
    pub label: Option<&'a str>,
    pub help: Option<&'a str>,
    /// `(id, label)` for each choice, in order.
    pub choices: Vec<(&'a str, &'a str)>,
    /// The choice a script takes when it has no answer (a skippable question); a person
    /// still chooses.
    pub default: Option<usize>,
}

/// An input question, with what the shared parser needs to check an answer.
pub struct InputQuestion<'a> {
    pub step: &'a str,
    pub question: &'a str,
    pub help: Option<&'a str>,
    pub input_type: InputType,
    pub required: bool,
    pub privacy: Privacy,
    /// The answer to start from when the question is asked again (empty the first time).
    pub initial: &'a str,
    pub lang: Lang,
    pub ctx: &'a ParseContext,
}

/// A secret caught in an answer before it is stored anywhere: the answer without it, and
/// what to tell the user.
#[derive(Debug, PartialEq, Eq)]
pub struct Caught {
    pub cleaned: String,
    pub warning: String,
}

/// Scans a free-text answer the way its report will, so a secret is caught at the prompt, not
/// only in the report; `None` when the answer holds none for sure (or is not free text). Only
/// certain findings are caught here: what might not be a secret stays in the answer, in memory,
/// until the review asks about it (a script's report removes it).
pub fn tripwire(q: &InputQuestion<'_>, answer: &str) -> Option<Caught> {
    if q.input_type != InputType::Text {
        return None;
    }
    let scanned = privacy::scan_keeping(answer, q.privacy.scan_policy(), |_| true);
    if scanned.changes.is_empty() {
        return None;
    }
    let mut kinds: Vec<&str> = Vec::new();
    for change in &scanned.changes {
        let words = change.kind.words(q.lang);
        if !kinds.contains(&words) {
            kinds.push(words);
        }
    }
    let warning = match q.lang {
        Lang::En => format!(
            "That answer holds {}. Support never needs it, and nobody from support will ask \
             for it; it has been taken out.",
            kinds.join(" and ")
        ),
        Lang::Zh => format!(
            "这个回答里有{}。客服不需要、也不会向你索要这类信息，已经帮你去掉了。",
            kinds.join("和")
        ),
    };
    Some(Caught {
        cleaned: privacy::strip_controls(&scanned.text),
        warning,
    })
}

/// A self-check: the instruction, then "did that fix it?".
pub struct CheckQuestion<'a> {
    pub step: &'a str,
    pub text: &'a str,
    pub question: &'a str,
}

pub trait Prompter {
    /// The index of the chosen choice.
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<usize>;
    /// The parsed answer, or `None` for an optional question left empty.
    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Option<Parsed>>;
    /// Whether the check fixed the problem.
    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<bool>;
    /// Shows something to read.
    fn info(&mut self, step: &str, text: &str) -> Result<()>;
    /// `done` steps answered of about `total` on the shortest way to an ending.
    fn progress(&mut self, _done: usize, _total: usize) {}
}
