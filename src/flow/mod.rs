//! The flow engine: a pure state machine over a guide. It knows the current step, takes an
//! answer, and moves on until an ending. No terminal, no I/O; `drive` asks a `Prompter`.

use crate::error::{Error, Result};
use crate::guide::{Ending, Guide, StepKind};
use crate::input::ParseContext;
use crate::lang::Lang;
use crate::prompt::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter};

/// One answer, of the kind the step asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Index into the step's choices.
    Choice(usize),
    /// Normalised value, or `None` when an optional input was skipped.
    Input(Option<String>),
    /// `true` when the check fixed the problem.
    Check(bool),
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
        self.entries
            .iter()
            .rev()
            .find(|e| e.step == step)
            .and_then(|e| match &e.answer {
                Answer::Input(v) => v.as_deref(),
                _ => None,
            })
    }
}

/// The answer does not fit the step; a bug in a prompter, never the user's doing.
#[derive(Debug, PartialEq, Eq)]
pub struct WrongAnswer {
    pub step: String,
}

pub struct Flow<'g> {
    guide: &'g Guide,
    current: usize,
    entries: Vec<Entry>,
}

impl<'g> Flow<'g> {
    pub fn new(guide: &'g Guide) -> Flow<'g> {
        Flow {
            guide,
            current: guide.start,
            entries: Vec::new(),
        }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// The ending reached, once there is one.
    pub fn ending(&self) -> Option<&'g Ending> {
        match &self.guide.steps[self.current].kind {
            StepKind::End(e) => Some(e),
            _ => None,
        }
    }

    pub fn steps_taken(&self) -> usize {
        self.entries.len()
    }

    /// Records the answer to the current step and moves to the step it leads to.
    pub fn answer(&mut self, answer: Answer) -> Result<(), WrongAnswer> {
        let step = &self.guide.steps[self.current];
        let next = match (&step.kind, &answer) {
            (StepKind::Choice(c), Answer::Choice(i)) => c.choices.get(*i).map(|c| c.next),
            (StepKind::Input(i), Answer::Input(v)) if v.is_some() || !i.required => Some(i.next),
            (StepKind::Info(i), Answer::Read) => Some(i.next),
            (StepKind::Check(c), Answer::Check(fixed)) => {
                Some(if *fixed { c.fixed } else { c.next })
            }
            _ => None,
        };
        let next = next.ok_or_else(|| WrongAnswer {
            step: step.id.clone(),
        })?;
        self.entries.push(Entry {
            step: self.current,
            answer,
        });
        self.current = next;
        Ok(())
    }

    pub fn finish(self) -> Transcript {
        Transcript {
            entries: self.entries,
            ending: self.current,
        }
    }
}

/// Walks `guide` from its start to an ending, asking `prompter` at each step.
pub fn drive(
    guide: &Guide,
    lang: Lang,
    ctx: &ParseContext,
    prompter: &mut dyn Prompter,
) -> Result<Transcript> {
    let mut flow = Flow::new(guide);
    // A person may go round a loop a few times; a script that loops would go forever.
    let limit = guide.steps.len() * 8 + 16;
    while flow.ending().is_none() {
        let step = &guide.steps[flow.current()];
        if flow.steps_taken() > limit {
            return Err(Error::AnswerLoop {
                step: step.id.clone(),
            });
        }
        let done = flow.steps_taken();
        prompter.progress(done, done + steps_to_an_ending(guide, flow.current()));
        let answer = ask(step, lang, ctx, prompter)?;
        flow.answer(answer)
            .map_err(|e| Error::AnswerLoop { step: e.step })?;
    }
    Ok(flow.finish())
}

/// The fewest steps from `from` to an ending when no check fixes the problem: the "about N
/// steps" a person is shown. Following only "not fixed" keeps the estimate from growing
/// each time a check does not help.
pub fn steps_to_an_ending(guide: &Guide, from: usize) -> usize {
    let mut distance = vec![usize::MAX; guide.steps.len()];
    let mut queue = std::collections::VecDeque::from([from]);
    distance[from] = 0;
    while let Some(i) = queue.pop_front() {
        if matches!(guide.steps[i].kind, StepKind::End(_)) {
            return distance[i];
        }
        let targets = match &guide.steps[i].kind {
            StepKind::Check(c) => vec![c.next],
            kind => kind.targets(),
        };
        for t in targets {
            if distance[t] == usize::MAX {
                distance[t] = distance[i] + 1;
                queue.push_back(t);
            }
        }
    }
    0
}

fn ask(
    step: &crate::guide::Step,
    lang: Lang,
    ctx: &ParseContext,
    prompter: &mut dyn Prompter,
) -> Result<Answer> {
    let id = step.id.as_str();
    Ok(match &step.kind {
        StepKind::Choice(c) => Answer::Choice(
            prompter.choose(&ChoiceQuestion {
                step: id,
                question: c.question.get(lang),
                help: c.help.as_ref().map(|h| h.get(lang)),
                choices: c
                    .choices
                    .iter()
                    .map(|c| (c.id.as_str(), c.label.get(lang)))
                    .collect(),
            })?,
        ),
        StepKind::Input(i) => Answer::Input(prompter.input(&InputQuestion {
            step: id,
            question: i.question.get(lang),
            help: i.help.as_ref().map(|h| h.get(lang)),
            input_type: i.input_type,
            required: i.required,
            lang,
            ctx,
        })?),
        StepKind::Check(c) => Answer::Check(prompter.check(&CheckQuestion {
            step: id,
            text: c.text.get(lang),
            question: lang.pick("Did that fix it?", "问题解决了吗?"),
        })?),
        StepKind::Info(i) => {
            prompter.info(id, i.text.get(lang))?;
            Answer::Read
        }
        StepKind::End(_) => Answer::Read,
    })
}
