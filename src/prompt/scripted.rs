//! Answers from a script: presets from `--answers` and `--set`. With a fallback (a terminal),
//! questions the presets do not answer are asked; without one, they are an error, never a wait.

use std::collections::HashSet;

use super::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter};
use crate::answers::Presets;
use crate::error::{Error, Result};
use crate::flow::Answer;
use crate::input::Parsed;
use crate::lang::{Lang, Text};

pub struct Scripted<'p> {
    presets: Presets,
    fallback: Option<&'p mut dyn Prompter>,
    used: HashSet<String>,
}

impl<'p> Scripted<'p> {
    /// Presets only: a question without one is an error.
    pub fn new(presets: Presets) -> Scripted<'p> {
        Scripted {
            presets,
            fallback: None,
            used: HashSet::new(),
        }
    }

    /// Presets first, then ask `fallback`.
    pub fn with_fallback(presets: Presets, fallback: &'p mut dyn Prompter) -> Scripted<'p> {
        Scripted {
            presets,
            fallback: Some(fallback),
            used: HashSet::new(),
        }
    }

    /// The preset for `step`; the same preset twice means the script loops.
    fn preset(&mut self, step: &str) -> Result<Option<Answer>> {
        let Some(answer) = self.presets.get(step).cloned() else {
            return Ok(None);
        };
        if !self.used.insert(step.to_string()) {
            return Err(Error::AnswerLoop {
                step: step.to_string(),
            });
        }
        Ok(Some(answer))
    }

    fn missing(step: &str, expected: Text) -> Error {
        Error::MissingAnswer {
            step: step.to_string(),
            expected,
        }
    }
}

impl Prompter for Scripted<'_> {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<usize> {
        if let Some(Answer::Choice(i)) = self.preset(q.step)? {
            return Ok(i);
        }
        if let Some(p) = &mut self.fallback {
            return p.choose(q);
        }
        if let Some(default) = q.default {
            return Ok(default);
        }
        let ids: Vec<&str> = q.choices.iter().map(|(id, _)| *id).collect();
        Err(Self::missing(
            q.step,
            Text::new(
                format!("one of: {}", ids.join(", ")),
                format!("其中之一：{}", ids.join("、")),
            ),
        ))
    }

    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Option<Parsed>> {
        if let Some(Answer::Input(v)) = self.preset(q.step)? {
            // Nobody is there to retype a scripted answer: warn now; the report removes the
            // secret and lists it under its redactions.
            if let Some(caught) = v.as_ref().and_then(|v| super::tripwire(q, &v.value)) {
                crate::ui::warn(&format!("`{}`: {}", q.step, caught.warning));
            }
            if let Some(note) = v.as_ref().and_then(|v| v.note.as_ref()) {
                crate::ui::warn(&format!("`{}`: {}", q.step, note.message(q.lang)));
            }
            return Ok(v);
        }
        match &mut self.fallback {
            Some(p) => p.input(q),
            None if !q.required => Ok(None),
            None => Err(Self::missing(
                q.step,
                Text::new(
                    q.input_type.expected(Lang::En),
                    q.input_type.expected(Lang::Zh),
                ),
            )),
        }
    }

    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<bool> {
        if let Some(Answer::Check(fixed)) = self.preset(q.step)? {
            return Ok(fixed);
        }
        match &mut self.fallback {
            Some(p) => p.check(q),
            None => Err(Self::missing(
                q.step,
                Text::new("yes or no", "yes 或 no（是 或 否）"),
            )),
        }
    }

    fn progress(&mut self, done: usize, total: usize) {
        if let Some(p) = &mut self.fallback {
            p.progress(done, total);
        }
    }

    fn info(&mut self, step: &str, text: &str) -> Result<()> {
        match &mut self.fallback {
            Some(p) => p.info(step, text),
            None => Ok(()),
        }
    }
}
