//! The seam between the flow and whoever answers it: a person at a terminal (`terminal`) or a
//! script (`scripted`). The flow only sees this trait, so it never touches a terminal.

pub mod picker;
pub mod scripted;
pub mod terminal;
pub mod theme;

use crate::error::Result;
use crate::input::{InputType, ParseContext};
use crate::lang::Lang;

/// A choice question, in the interface language.
pub struct ChoiceQuestion<'a> {
    pub step: &'a str,
    pub question: &'a str,
    /// A short name for the question, when the guide gives one.
    pub label: Option<&'a str>,
    pub help: Option<&'a str>,
    /// `(id, label)` for each choice, in order.
    pub choices: Vec<(&'a str, &'a str)>,
}

/// An input question, with what the shared parser needs to check an answer.
pub struct InputQuestion<'a> {
    pub step: &'a str,
    pub question: &'a str,
    pub help: Option<&'a str>,
    pub input_type: InputType,
    pub required: bool,
    pub lang: Lang,
    pub ctx: &'a ParseContext,
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
    /// The normalised answer, or `None` for an optional question left empty.
    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Option<String>>;
    /// Whether the check fixed the problem.
    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<bool>;
    /// Shows something to read.
    fn info(&mut self, step: &str, text: &str) -> Result<()>;
    /// `done` steps answered of about `total` on the shortest way to an ending.
    fn progress(&mut self, _done: usize, _total: usize) {}
}
