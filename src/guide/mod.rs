//! Guides as validated data: one symptom's flow of steps, in both languages.
//!
//! `raw` mirrors the TOML file, `validate` turns it into these types (or every problem found),
//! `catalog` holds the bundled guides plus any a provider adds.

pub mod block;
pub mod catalog;
mod issue;
mod localize;
pub mod names;
pub mod provider;
pub(crate) mod raw;
mod secrets;
mod snapshot;
mod validate;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use issue::{GuideIssue, IssueKind};
pub use validate::{lint_guide, parse_guide, placeholder_names};

/// What was read (or every problem in it), and what `guides check` warns about in it.
pub type Linted<T> = (Result<T, Vec<GuideIssue>>, Vec<GuideIssue>);

use crate::input::InputType;
use crate::lang::{Text, Words};
use crate::location::Location;

/// How `list` groups guides (issue 3's grouping).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Payments,
    Money,
    Account,
    Other,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Payments, Group::Money, Group::Account, Group::Other];

    pub fn from_name(name: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Group::Payments => "payments",
            Group::Money => "money",
            Group::Account => "account",
            Group::Other => "other",
        }
    }

    pub fn title(self) -> Text {
        match self {
            Group::Payments => Text::new("Payments", "付款"),
            Group::Money => Text::new("Money in and out", "充值与提现"),
            Group::Account => Text::new("Account and security", "账户与安全"),
            Group::Other => Text::new("Other", "其他"),
        }
    }
}

/// Where a guide was loaded from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Bundled,
    File(PathBuf),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Guide {
    pub id: String,
    pub group: Group,
    pub title: Text,
    pub summary: Text,
    pub aliases: Words,
    pub keywords: Words,
    pub urgent: bool,
    pub start: usize,
    pub steps: Vec<Step>,
    /// Input steps every contact-support ending must have collected (unless it says otherwise).
    pub needs: Vec<usize>,
    pub report_summary: Option<Text>,
    pub source: Source,
    /// Where the guide's `id` is, for problems found across guides.
    pub location: Location,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    /// The block this step was included from (`phone`), when it was not written in the guide.
    pub block: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum StepKind {
    Choice(ChoiceStep),
    Input(InputStep),
    Info(InfoStep),
    Check(CheckStep),
    End(Ending),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ChoiceStep {
    pub question: Text,
    pub help: Option<Text>,
    /// A short name for the question: the report's trail, and the prompt when the question
    /// is too long for one line.
    pub label: Option<Text>,
    pub choices: Vec<Choice>,
    /// The choice a script takes when it gives no answer; a person still chooses.
    pub default: Option<usize>,
}

impl ChoiceStep {
    /// The choice a script takes when it gives no answer, if the guide names one.
    pub fn default_choice(&self) -> Option<&Choice> {
        self.choices.get(self.default?)
    }

    /// The one step every choice leads to, when they all lead to the same one (as in the
    /// phone block, where the answer is a fact for support, not a branch).
    pub fn only_next(&self) -> Option<usize> {
        let first = self.choices.first()?.next;
        self.choices
            .iter()
            .all(|c| c.next == first)
            .then_some(first)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    pub next: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InputStep {
    pub question: Text,
    pub help: Option<Text>,
    pub label: Text,
    pub input_type: InputType,
    pub required: bool,
    pub linkable: bool,
    pub privacy: Privacy,
    pub next: usize,
}

/// How a report treats an input's answer, beyond the scan for secrets every answer gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Privacy {
    /// Scanned for secrets; card, IBAN and ID numbers masked.
    Normal,
    /// Personal contact details (a phone number, an email address, a name): shown in full, as
    /// support needs them to find the account, unless the user chooses to mask them at the
    /// review.
    Personal,
    /// An order or transaction number: long numbers in it are ids, never masked as cards.
    Reference,
    /// An error message: numbers after "code" or "error" are error codes and stay.
    ErrorMessage,
}

impl Privacy {
    pub const NAMES: &'static str = "normal, personal, reference or error-message";

    pub fn from_name(name: &str) -> Option<Privacy> {
        match name {
            "normal" => Some(Privacy::Normal),
            "personal" => Some(Privacy::Personal),
            "reference" => Some(Privacy::Reference),
            "error-message" => Some(Privacy::ErrorMessage),
            _ => None,
        }
    }

    /// What the scan for secrets may keep in an answer to a question with this privacy.
    pub fn scan_policy(self) -> crate::privacy::Policy {
        crate::privacy::Policy {
            keep_error_codes: self == Privacy::ErrorMessage,
            keep_references: self == Privacy::Reference,
        }
    }

    /// What an input of `input_type` gets when its guide says nothing: phone numbers and
    /// email addresses are personal.
    pub fn default_for(input_type: crate::input::InputType) -> Privacy {
        use crate::input::InputType;
        match input_type {
            InputType::Phone | InputType::Email => Privacy::Personal,
            InputType::TransactionId => Privacy::Reference,
            _ => Privacy::Normal,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InfoStep {
    pub text: Text,
    pub next: usize,
}

/// Something the user tries; "did that fix it?" decides where the flow goes. With
/// `compare`, the tool checks instead: `fixed` is where an official contact leads.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CheckStep {
    pub label: Text,
    pub text: Text,
    /// Replaces "Did that fix it?" where another question reads better.
    pub question: Option<Text>,
    pub fixed: usize,
    pub next: usize,
    pub compare: Option<Compare>,
}

/// A check the tool does itself: the answer of `input` against the official contacts.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Compare {
    pub input: usize,
    pub unconfigured: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Resolved,
    ContactSupport,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Resolved => "resolved",
            Outcome::ContactSupport => "contact-support",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Ending {
    pub outcome: Outcome,
    pub text: Text,
    pub urgent: bool,
    pub needs: Option<Vec<usize>>,
    pub summary: Option<Text>,
}

impl StepKind {
    pub fn name(&self) -> &'static str {
        match self {
            StepKind::Choice(_) => "choice",
            StepKind::Input(_) => "input",
            StepKind::Info(_) => "info",
            StepKind::Check(_) => "check",
            StepKind::End(_) => "end",
        }
    }

    /// Whether an answers file or `--set` may answer this step: choices, inputs and the
    /// checks a person does (not the ones the tool does itself).
    pub fn is_question(&self) -> bool {
        match self {
            StepKind::Choice(_) | StepKind::Input(_) => true,
            StepKind::Check(c) => c.compare.is_none(),
            StepKind::Info(_) | StepKind::End(_) => false,
        }
    }

    /// Every step this one can lead to.
    pub fn targets(&self) -> Vec<usize> {
        match self {
            StepKind::Choice(c) => c.choices.iter().map(|c| c.next).collect(),
            StepKind::Input(i) => vec![i.next],
            StepKind::Info(i) => vec![i.next],
            StepKind::Check(c) => {
                let mut targets = vec![c.fixed, c.next];
                targets.extend(c.compare.as_ref().map(|cmp| cmp.unconfigured));
                targets
            }
            StepKind::End(_) => Vec::new(),
        }
    }
}

impl Guide {
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// The step called `id`, if the guide has one.
    pub fn step_named(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The step at `index`: an index this guide gave out (`start`, a `next`, `fixed`,
    /// `needs`, `compare`, a transcript's step) or one `step_index` found.
    #[allow(
        clippy::indexing_slicing,
        reason = "a Guide is built only by `validate`, which returns it only once \
                  `Guide::indices_in_range` holds: every index it holds names one of its steps"
    )]
    pub fn step(&self, index: usize) -> &Step {
        &self.steps[index]
    }

    /// Whether every step index the guide holds names one of its steps: what makes
    /// [`Guide::step`] safe, checked once when the guide is built.
    pub(crate) fn indices_in_range(&self) -> bool {
        let in_range = |i: &usize| *i < self.steps.len();
        let step_indices = |step: &Step| {
            let mut indices = step.kind.targets();
            match &step.kind {
                StepKind::Check(CheckStep {
                    compare: Some(cmp), ..
                }) => indices.push(cmp.input),
                StepKind::End(Ending {
                    needs: Some(needs), ..
                }) => indices.extend(needs),
                _ => {}
            }
            indices
        };
        in_range(&self.start)
            && self.needs.iter().all(in_range)
            && self
                .steps
                .iter()
                .flat_map(step_indices)
                .all(|i| in_range(&i))
    }

    /// Ids of the steps an answers file or `--set` may answer.
    pub fn question_ids(&self) -> Vec<String> {
        self.steps
            .iter()
            .filter(|s| s.kind.is_question())
            .map(|s| s.id.clone())
            .collect()
    }

    /// Every name this guide answers to: its id, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.id).chain(self.aliases.all())
    }
}
