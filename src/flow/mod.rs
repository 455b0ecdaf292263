//! The flow engine: a pure state machine over a guide. It knows the current step, takes an
//! answer, goes back one question, and moves on until an ending. No terminal, no I/O: `walk`
//! asks a `Prompter`.
//!
//! - `Flow` is the state: the transcript so far and the step it stands at. Going back pops
//!   the transcript to the last question; a finished transcript can be reopened at any answer.
//! - `walk` drives a flow to an ending, replaying answers kept from before (a change at the
//!   review, a draft) where the path still passes them.
//! - `progress` estimates the steps left, once per guide.
//! - `snapshot` is the answers so far by step id, for drafts, and the way back from one.

mod progress;
mod snapshot;
mod walk;

#[cfg(test)]
mod tests;

use crate::checks::official::{Official, Verdict};
use crate::guide::{Ending, Guide, StepKind};
use crate::input::{ParseContext, Parsed};
use crate::lang::Lang;

pub use progress::Estimate;
pub use snapshot::{DraftSink, Rejected, Snapshot, SnapshotEntry};
pub use walk::{Replay, drive, step_limit, walk};

/// One answer, of the kind the step asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Index into the step's choices.
    Choice(usize),
    /// The parsed answer, or `None` when an optional input was skipped.
    Input(Option<Parsed>),
    /// `true` when the check fixed the problem.
    Check(bool),
    /// What the tool found when it compared a contact with the official ones.
    Compared(Verdict),
    /// An info step was shown.
    Read,
}

/// A step taken and the answer given there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub step: usize,
    pub answer: Answer,
}

/// A finished walk through a guide.
#[derive(Clone, Debug)]
pub struct Transcript {
    pub entries: Vec<Entry>,
    pub ending: usize,
}

impl Transcript {
    /// The answer to the input step with this index, if the path asked it and it was given.
    pub fn input_value(&self, step: usize) -> Option<&str> {
        input_value(&self.entries, step)
    }
}

fn input_value(entries: &[Entry], step: usize) -> Option<&str> {
    entries
        .iter()
        .rev()
        .find(|e| e.step == step)
        .and_then(|e| match &e.answer {
            Answer::Input(v) => v.as_ref().map(|p| p.value.as_str()),
            _ => None,
        })
}

/// The answer does not fit the step; a bug in a prompter, never the user's doing.
#[derive(Debug, PartialEq, Eq)]
pub struct WrongAnswer {
    pub step: String,
}

/// A walk in progress: the answers so far and the step they lead to.
pub struct Flow<'g> {
    guide: &'g Guide,
    current: usize,
    entries: Vec<Entry>,
    /// How many of `entries` are questions: the "step N" of the progress shown.
    questions: usize,
    estimate: Estimate,
}

impl<'g> Flow<'g> {
    pub fn new(guide: &'g Guide) -> Flow<'g> {
        Flow {
            guide,
            current: guide.start,
            entries: Vec::new(),
            questions: 0,
            estimate: Estimate::of(guide),
        }
    }

    /// Reopens a finished walk at its `at`-th entry: that step is current again, and the
    /// answers from there on are returned (in order), to be replayed where they still apply.
    /// `at` past the end reopens nothing and returns no answers.
    pub fn reopen(guide: &'g Guide, transcript: &Transcript, at: usize) -> (Flow<'g>, Vec<Entry>) {
        let mut flow = Flow::new(guide);
        let (kept, later) = transcript
            .entries
            .split_at_checked(at)
            .unwrap_or((&transcript.entries, &[]));
        flow.entries = kept.to_vec();
        flow.questions = flow.count_questions();
        flow.current = later.first().map_or(transcript.ending, |e| e.step);
        (flow, later.to_vec())
    }

    pub fn guide(&self) -> &'g Guide {
        self.guide
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// The ending reached, once there is one.
    pub fn ending(&self) -> Option<&'g Ending> {
        match &self.guide.steps.get(self.current)?.kind {
            StepKind::End(e) => Some(e),
            _ => None,
        }
    }

    /// The entries so far, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn steps_taken(&self) -> usize {
        self.entries.len()
    }

    /// The answer given to the input step `step` so far, if any.
    pub fn input_value(&self, step: usize) -> Option<&str> {
        input_value(&self.entries, step)
    }

    /// `(done, total)`: the questions answered, and about how many the walk asks in all. The
    /// total counts the longest way on from here (loops aside), so it only shrinks or holds
    /// as the walk moves forward; only a loop back to an earlier step can raise it.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.questions,
            self.questions + self.estimate.remaining(self.current),
        )
    }

    fn is_question(&self, step: usize) -> bool {
        self.guide
            .steps
            .get(step)
            .is_some_and(|s| s.kind.is_question())
    }

    fn count_questions(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| self.is_question(e.step))
            .count()
    }

    /// Records the answer to the current step and moves to the step it leads to.
    pub fn answer(&mut self, answer: Answer) -> Result<(), WrongAnswer> {
        let step = self
            .guide
            .steps
            .get(self.current)
            .ok_or_else(|| WrongAnswer {
                step: String::new(),
            })?;
        let next = match (&step.kind, &answer) {
            (StepKind::Choice(c), Answer::Choice(i)) => c.choices.get(*i).map(|c| c.next),
            (StepKind::Input(i), Answer::Input(v)) if v.is_some() || !i.required => Some(i.next),
            (StepKind::Info(i), Answer::Read) => Some(i.next),
            (StepKind::Check(c), Answer::Check(fixed)) if c.compare.is_none() => {
                Some(if *fixed { c.fixed } else { c.next })
            }
            (StepKind::Check(c), Answer::Compared(verdict)) => {
                c.compare.as_ref().map(|cmp| match verdict {
                    Verdict::Official => c.fixed,
                    Verdict::Unofficial => c.next,
                    Verdict::Unconfigured => cmp.unconfigured,
                })
            }
            _ => None,
        };
        let next = next.ok_or_else(|| WrongAnswer {
            step: step.id.clone(),
        })?;
        if step.kind.is_question() {
            self.questions += 1;
        }
        self.entries.push(Entry {
            step: self.current,
            answer,
        });
        self.current = next;
        Ok(())
    }

    /// Where `back` would go: the index of the last entry a person answered (a choice, an
    /// input or a check they did), if there is one. Info steps and the tool's own checks are
    /// passed over: they are shown again on the way forward.
    fn last_question(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| self.is_question(e.step))
    }

    /// Whether there is a question to go back to.
    pub fn can_go_back(&self) -> bool {
        self.questions > 0
    }

    /// Goes back to the last question answered: its answer and everything after it are
    /// forgotten, and it is current again. Returns the answer it had, so it can be offered
    /// as the starting point; `None` (and nothing changes) when no question was answered.
    pub fn back(&mut self) -> Option<Entry> {
        let at = self.last_question()?;
        let entry = self.entries.get(at)?.clone();
        self.entries.truncate(at);
        self.questions = self.count_questions();
        self.current = entry.step;
        Some(entry)
    }

    pub fn finish(self) -> Transcript {
        Transcript {
            entries: self.entries,
            ending: self.current,
        }
    }
}

/// What a walk needs from outside besides the guide: the language, the parsing context,
/// and the official contacts that compare checks use.
pub struct Context<'a> {
    pub lang: Lang,
    pub parse: &'a ParseContext,
    pub official: &'a Official,
}
