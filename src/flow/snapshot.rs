//! The answers so far as plain data, by step id, for a draft: what a person who stopped half
//! way has already said. Going back from a snapshot re-validates every answer with the same
//! parsers as a typed one, and turns the ones that still fit into a [`Replay`], so the walk
//! starts again from the beginning and only asks what is not known.
//!
//! Values are in the answers-file form: a choice's id, `yes`/`no` for a check, an input's
//! normalised value (empty when skipped). Info steps and the tool's own checks are kept too
//! (an empty value, the verdict's name), so a resumed walk passes them silently.
//!
//! A snapshot holds the answers as given; free text may hold what the prompt's tripwire
//! caught only if a script gave it. Whoever writes it to disk redacts it first.

use serde::{Deserialize, Serialize};

use super::{Answer, Entry, Flow, Replay};
use crate::checks::official::Verdict;
use crate::guide::{Guide, StepKind};
use crate::input::{self, ParseContext, Parsed};

/// The answers of an unfinished (or finished) walk, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The guide's id.
    pub guide: String,
    pub entries: Vec<SnapshotEntry>,
}

/// One step taken, by id, and its answer as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotEntry {
    pub step: String,
    pub value: String,
}

/// A snapshot's answer that no longer fits its guide: the guide changed since, or the value
/// is no longer valid (a time that was "today"). The walk asks that question again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub step: String,
    pub value: String,
    /// Why, in English, for a log or a note to the user.
    pub reason: String,
}

/// Where the answers of a walk left before its end go, to be resumed later (the case
/// journal's drafts). `commands::run` calls `keep` at most once per run: when the person
/// confirmed stopping, or the terminal went away; `draft` is already redacted. It returns
/// the name the person resumes it by (a number). `finished` is called when the run reached
/// its end, so a draft it carried on from is no longer needed.
pub trait DraftSink {
    fn keep(&mut self, guide: &Guide, draft: &Snapshot) -> crate::error::Result<String>;
    fn finished(&mut self) -> crate::error::Result<()>;
}

const VERDICTS: [Verdict; 3] = [
    Verdict::Official,
    Verdict::Unofficial,
    Verdict::Unconfigured,
];

impl Snapshot {
    /// The snapshot of `entries` of a walk through `guide`.
    pub fn of(guide: &Guide, entries: &[Entry]) -> Snapshot {
        let entries = entries
            .iter()
            .filter_map(|entry| {
                let step = guide.steps.get(entry.step)?;
                Some(SnapshotEntry {
                    step: step.id.clone(),
                    value: value_of(&step.kind, &entry.answer)?,
                })
            })
            .collect();
        Snapshot {
            guide: guide.id.clone(),
            entries,
        }
    }

    /// The answers that still fit `guide`, each parsed as if typed now, ready to replay from
    /// the start of a fresh walk; and the ones that do not, which will be asked again.
    pub fn replay(&self, guide: &Guide, ctx: &ParseContext) -> (Replay, Vec<Rejected>) {
        let mut kept = Vec::new();
        let mut rejected = Vec::new();
        for entry in &self.entries {
            let reject = |reason: &str| Rejected {
                step: entry.step.clone(),
                value: entry.value.clone(),
                reason: reason.to_string(),
            };
            let Some(index) = guide.step_index(&entry.step) else {
                rejected.push(reject("the guide has no such step"));
                continue;
            };
            let Some(step) = guide.steps.get(index) else {
                continue;
            };
            match answer_of(&step.kind, &entry.value, ctx) {
                Ok(answer) => kept.push(Entry {
                    step: index,
                    answer,
                }),
                Err(reason) => rejected.push(reject(&reason)),
            }
        }
        (Replay::of(kept), rejected)
    }
}

impl Flow<'_> {
    /// The answers so far, for a draft.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::of(self.guide, &self.entries)
    }
}

/// An answer as the text an answers file would hold; `None` when it does not fit the step.
fn value_of(kind: &StepKind, answer: &Answer) -> Option<String> {
    Some(match (kind, answer) {
        (StepKind::Choice(c), Answer::Choice(i)) => c.choices.get(*i)?.id.clone(),
        (StepKind::Input(_), Answer::Input(value)) => {
            value.as_ref().map(Parsed::typed).unwrap_or_default()
        }
        (StepKind::Check(_), Answer::Check(fixed)) => if *fixed { "yes" } else { "no" }.into(),
        (StepKind::Check(_), Answer::Compared(verdict)) => verdict.name().into(),
        (StepKind::Info(_), Answer::Read) => String::new(),
        _ => return None,
    })
}

/// A snapshot's text as an answer to a step of this kind, checked as a typed answer is.
fn answer_of(kind: &StepKind, value: &str, ctx: &ParseContext) -> Result<Answer, String> {
    match kind {
        StepKind::Choice(c) => c
            .choices
            .iter()
            .position(|choice| choice.id == value)
            .map(Answer::Choice)
            .ok_or_else(|| "not one of the choices".to_string()),
        StepKind::Input(i) => input::parse(i.input_type, value, i.required, ctx)
            .map(Answer::Input)
            .map_err(|e| e.message(crate::lang::Lang::En)),
        StepKind::Check(c) if c.compare.is_some() => VERDICTS
            .into_iter()
            .find(|v| v.name() == value)
            .map(Answer::Compared)
            .ok_or_else(|| "not a verdict".to_string()),
        StepKind::Check(_) => match value {
            "yes" => Ok(Answer::Check(true)),
            "no" => Ok(Answer::Check(false)),
            _ => Err("not yes or no".to_string()),
        },
        StepKind::Info(_) => Ok(Answer::Read),
        StepKind::End(_) => Err("an ending is not answered".to_string()),
    }
}
