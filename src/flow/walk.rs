//! Driving a flow to an ending: each step is answered by a replayed answer where one still
//! applies, by the tool itself (info steps, compare checks), or by asking the `Prompter`,
//! which may also send the walk back one question.

use std::collections::HashMap;

use super::{Answer, Context, Entry, Flow, Transcript};
use crate::checks::official::Judgement;
use crate::error::{Error, Result};
use crate::guide::{CheckStep, Guide, Step, StepKind};
use crate::lang::Lang;
use crate::prompt::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter, Reply};

/// Answers given before, by step, that a walk uses instead of asking when its path passes
/// that step again: the answers after a choice changed at the review, or a draft's. Each is
/// used once, so a loop asks the second time round. Info steps and compare checks in it were
/// already shown, and are passed silently (a compare check speaks again if its verdict
/// changed).
#[derive(Clone, Debug, Default)]
pub struct Replay {
    answers: HashMap<usize, Answer>,
    /// Answers not replayed but offered as the starting point when their step is asked.
    offered: HashMap<usize, Answer>,
}

impl Replay {
    /// The answers of `entries`; a step answered twice keeps its last answer.
    pub fn of(entries: impl IntoIterator<Item = Entry>) -> Replay {
        Replay {
            answers: entries.into_iter().map(|e| (e.step, e.answer)).collect(),
            offered: HashMap::new(),
        }
    }

    /// Asks `entry`'s step again rather than replaying it, starting from its answer: the
    /// answer a person chose to change at the review.
    pub fn offer(&mut self, entry: Entry) {
        self.answers.remove(&entry.step);
        self.offered.insert(entry.step, entry.answer);
    }

    /// Takes the answer kept for `step`, if any.
    fn take(&mut self, step: usize) -> Option<Answer> {
        self.answers.remove(&step)
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
}

/// How many steps a walk may take before it is taken for a loop: eight visits per step, and
/// room for a short guide. A person may go round a loop a few times; a prompter that always
/// answers the same way (a script) would go on forever.
pub fn step_limit(guide: &Guide) -> usize {
    guide.steps.len() * 8 + 16
}

/// Walks `guide` from its start to an ending, asking `prompter` at each step.
pub fn drive(guide: &Guide, ctx: &Context<'_>, prompter: &mut dyn Prompter) -> Result<Transcript> {
    let mut flow = Flow::new(guide);
    walk(&mut flow, ctx, prompter, &mut Replay::default())?;
    Ok(flow.finish())
}

/// Walks `flow` on from where it stands to an ending. A step `replay` holds an answer for is
/// answered with it, without asking; the rest are asked. When the prompter goes back, the
/// answer taken back is offered as the starting point when that question comes again. On an
/// error (the person stopped, the terminal went away) `flow` holds the answers so far.
pub fn walk(
    flow: &mut Flow<'_>,
    ctx: &Context<'_>,
    prompter: &mut dyn Prompter,
    replay: &mut Replay,
) -> Result<()> {
    let guide = flow.guide();
    let limit = step_limit(guide);
    // Answers taken back, offered again as the starting point.
    let mut offered = std::mem::take(&mut replay.offered);
    while flow.ending().is_none() {
        let index = flow.current();
        let Some(step) = guide.steps.get(index) else {
            break;
        };
        if flow.steps_taken() >= limit {
            return Err(Error::AnswerLoop {
                step: step.id.clone(),
            });
        }
        if let Some(answer) = replay.take(index) {
            let answer = match (&step.kind, answer) {
                // The tool's own check is judged again: the contact compared may have changed.
                (
                    StepKind::Check(CheckStep {
                        compare: Some(_), ..
                    }),
                    Answer::Compared(was),
                ) => {
                    let judgement = judge(flow, step, ctx);
                    if judgement.verdict != was {
                        say_verdict(step, &judgement, ctx, prompter)?;
                    }
                    Answer::Compared(judgement.verdict)
                }
                (_, answer) => answer,
            };
            if flow.answer(answer).is_ok() {
                continue;
            }
        }
        let given = if let StepKind::Check(CheckStep {
            compare: Some(_), ..
        }) = &step.kind
        {
            // The tool's own check: nothing to ask, only something to say.
            let judgement = judge(flow, step, ctx);
            say_verdict(step, &judgement, ctx, prompter)?;
            Reply::Answer(Answer::Compared(judgement.verdict))
        } else {
            let (done, total) = flow.progress();
            if step.kind.is_question() {
                prompter.progress(done, total);
            }
            let question = Asked {
                step,
                lang: ctx.lang,
                parse: ctx.parse,
                default: offered.get(&index),
                back: flow.can_go_back(),
            };
            ask(&question, prompter)?
        };
        match given {
            Reply::Answer(answer) => flow
                .answer(answer)
                .map_err(|e| Error::AnswerLoop { step: e.step })?,
            Reply::Back => {
                if let Some(entry) = flow.back() {
                    offered.insert(entry.step, entry.answer);
                }
            }
        }
    }
    Ok(())
}

/// A compare check's judgement of the answer it compares, as the walk stands now.
fn judge(flow: &Flow<'_>, step: &Step, ctx: &Context<'_>) -> Judgement {
    let compared = match &step.kind {
        StepKind::Check(CheckStep {
            compare: Some(cmp), ..
        }) => flow.input_value(cmp.input),
        _ => None,
    };
    ctx.official.judge(compared)
}

/// Says what a compare check found: the step's text, then the result and why.
fn say_verdict(
    step: &Step,
    judgement: &Judgement,
    ctx: &Context<'_>,
    prompter: &mut dyn Prompter,
) -> Result<()> {
    let StepKind::Check(check) = &step.kind else {
        return Ok(());
    };
    let said = format!(
        "{}\n{}",
        check.text.get(ctx.lang),
        judgement.describe(ctx.lang)
    );
    prompter.info(&step.id, &said)
}

/// One step to put to the prompter.
struct Asked<'a> {
    step: &'a Step,
    lang: Lang,
    parse: &'a crate::input::ParseContext,
    /// The answer taken back from this step, if the walk came back to it.
    default: Option<&'a Answer>,
    back: bool,
}

fn ask(asked: &Asked<'_>, prompter: &mut dyn Prompter) -> Result<Reply<Answer>> {
    let Asked {
        step,
        lang,
        back,
        default,
        ..
    } = *asked;
    let id = step.id.as_str();
    Ok(match &step.kind {
        StepKind::Choice(c) => map(
            prompter.choose(&ChoiceQuestion {
                step: id,
                question: c.question.get(lang),
                help: c.help.as_ref().map(|h| h.get(lang)),
                label: c.label.as_ref().map(|l| l.get(lang)),
                choices: c
                    .choices
                    .iter()
                    .map(|c| (c.id.as_str(), c.label.get(lang)))
                    .collect(),
                start: match default {
                    Some(Answer::Choice(i)) => Some(*i),
                    _ => None,
                },
                default: c.default,
                back,
            })?,
            Answer::Choice,
        ),
        StepKind::Input(i) => {
            let initial = match default {
                Some(Answer::Input(Some(value))) => value.typed(),
                _ => String::new(),
            };
            map(
                prompter.input(&InputQuestion {
                    step: id,
                    question: i.question.get(lang),
                    help: i.help.as_ref().map(|h| h.get(lang)),
                    input_type: i.input_type,
                    required: i.required,
                    privacy: i.privacy,
                    initial: &initial,
                    lang,
                    ctx: asked.parse,
                    back,
                })?,
                Answer::Input,
            )
        }
        StepKind::Check(c) => map(
            prompter.check(&CheckQuestion {
                step: id,
                text: c.text.get(lang),
                question: c.question.as_ref().map_or_else(
                    || lang.pick("Did that fix it?", "问题解决了吗？"),
                    |q| q.get(lang),
                ),
                start: match default {
                    Some(Answer::Check(fixed)) => Some(*fixed),
                    _ => None,
                },
                back,
            })?,
            Answer::Check,
        ),
        StepKind::Info(i) => {
            prompter.info(id, i.text.get(lang))?;
            Reply::Answer(Answer::Read)
        }
        StepKind::End(_) => Reply::Answer(Answer::Read),
    })
}

fn map<T>(reply: Reply<T>, answer: impl FnOnce(T) -> Answer) -> Reply<Answer> {
    match reply {
        Reply::Answer(value) => Reply::Answer(answer(value)),
        Reply::Back => Reply::Back,
    }
}
