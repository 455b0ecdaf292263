//! Answers from a script: presets from `--answers`, `--set` and links. With a fallback (a
//! terminal), questions the presets do not answer are asked; without one, they are an error,
//! never a wait. A preset answers its question once: when the walk comes back to it (a loop,
//! or the person went back), the person is asked, or, without one, the script loops.

use std::collections::HashSet;

use super::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter, Reply};
use crate::answers::Presets;
use crate::error::{Error, Result};
use crate::flow::Answer;
use crate::input::Parsed;
use crate::lang::{Lang, Text};

pub struct Scripted<'p> {
    presets: Presets,
    fallback: Option<&'p mut dyn Prompter>,
    used: HashSet<String>,
    /// The progress of the question about to be asked, passed on only if the fallback is
    /// asked it: a question a preset answers shows no progress bar.
    progress: Option<(usize, usize)>,
}

impl<'p> Scripted<'p> {
    /// Presets only: a question without one is an error.
    pub fn new(presets: Presets) -> Scripted<'p> {
        Scripted {
            presets,
            fallback: None,
            used: HashSet::new(),
            progress: None,
        }
    }

    /// Presets first, then ask `fallback`.
    pub fn with_fallback(presets: Presets, fallback: &'p mut dyn Prompter) -> Scripted<'p> {
        Scripted {
            presets,
            fallback: Some(fallback),
            used: HashSet::new(),
            progress: None,
        }
    }

    /// The preset for `step`, the first time it is asked. The second time, a person (the
    /// fallback) answers; without one, the script loops.
    fn preset(&mut self, step: &str) -> Result<Option<Answer>> {
        let Some(answer) = self.presets.get(step).cloned() else {
            return Ok(None);
        };
        if self.used.insert(step.to_string()) {
            return Ok(Some(answer));
        }
        if self.fallback.is_some() {
            return Ok(None);
        }
        Err(Error::AnswerLoop {
            step: step.to_string(),
        })
    }

    /// The fallback, told the progress of the question it is about to be asked.
    fn person(&mut self) -> Option<&mut (dyn Prompter + 'p)> {
        let progress = self.progress.take();
        let person = self.fallback.as_deref_mut()?;
        if let Some((done, total)) = progress {
            person.progress(done, total);
        }
        Some(person)
    }

    fn missing(step: &str, expected: Text) -> Error {
        Error::MissingAnswer {
            step: step.to_string(),
            expected,
        }
    }
}

impl Prompter for Scripted<'_> {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<Reply<usize>> {
        if let Some(Answer::Choice(i)) = self.preset(q.step)? {
            return Ok(Reply::Answer(i));
        }
        if let Some(p) = self.person() {
            return p.choose(q);
        }
        if let Some(default) = q.default {
            return Ok(Reply::Answer(default));
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

    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Reply<Option<Parsed>>> {
        if let Some(Answer::Input(v)) = self.preset(q.step)? {
            // Nobody is there to retype a scripted answer: warn now; the report removes the
            // secret and lists it under its redactions.
            if let Some(caught) = v.as_ref().and_then(|v| super::tripwire(q, &v.value)) {
                crate::ui::warn(&format!("`{}`: {}", q.step, caught.warning));
            }
            if let Some(note) = v.as_ref().and_then(|v| v.note.as_ref()) {
                crate::ui::warn(&format!("`{}`: {}", q.step, note.message(q.lang)));
            }
            return Ok(Reply::Answer(v));
        }
        match self.person() {
            Some(p) => p.input(q),
            None if !q.required => Ok(Reply::Answer(None)),
            None => Err(Self::missing(
                q.step,
                Text::new(
                    q.input_type.expected(Lang::En),
                    q.input_type.expected(Lang::Zh),
                ),
            )),
        }
    }

    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<Reply<bool>> {
        if let Some(Answer::Check(fixed)) = self.preset(q.step)? {
            return Ok(Reply::Answer(fixed));
        }
        match self.person() {
            Some(p) => p.check(q),
            None => Err(Self::missing(
                q.step,
                Text::new("yes or no", "yes 或 no（是 或 否）"),
            )),
        }
    }

    fn progress(&mut self, done: usize, total: usize) {
        self.progress = Some((done, total));
    }

    fn info(&mut self, step: &str, text: &str) -> Result<()> {
        match &mut self.fallback {
            Some(p) => p.info(step, text),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::GivenAnswers;
    use crate::guide::catalog::Catalog;
    use crate::input::ParseContext;

    /// A person who answers every choice with its second item, and notes what they saw.
    #[derive(Default)]
    struct Person {
        asked: Vec<String>,
        progress: Vec<(usize, usize)>,
    }

    impl Prompter for Person {
        fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<Reply<usize>> {
            self.asked.push(q.step.to_string());
            Ok(Reply::Answer(1))
        }
        fn input(&mut self, q: &InputQuestion<'_>) -> Result<Reply<Option<Parsed>>> {
            self.asked.push(q.step.to_string());
            Ok(Reply::Answer(None))
        }
        fn check(&mut self, q: &CheckQuestion<'_>) -> Result<Reply<bool>> {
            self.asked.push(q.step.to_string());
            Ok(Reply::Answer(false))
        }
        fn info(&mut self, _: &str, _: &str) -> Result<()> {
            Ok(())
        }
        fn progress(&mut self, done: usize, total: usize) {
            self.progress.push((done, total));
        }
    }

    fn question(step: &str) -> ChoiceQuestion<'_> {
        ChoiceQuestion {
            step,
            question: "?",
            label: None,
            help: None,
            choices: vec![("nothing", "Nothing"), ("limited", "Limited")],
            start: None,
            default: None,
            back: false,
        }
    }

    fn presets(sets: &[&str]) -> Presets {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = catalog.find("payment-failed").unwrap().guide().unwrap();
        let mut given = GivenAnswers::default();
        let sets: Vec<String> = sets.iter().map(ToString::to_string).collect();
        given.add_sets(&sets).unwrap();
        let ctx = ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap());
        given.resolve(guide, &ctx).unwrap()
    }

    #[test]
    fn a_preset_answers_once_then_the_person_is_asked() {
        let mut person = Person::default();
        let mut scripted =
            Scripted::with_fallback(presets(&["account-signs=nothing"]), &mut person);
        let q = question("account-signs");
        scripted.progress(3, 9);
        assert_eq!(scripted.choose(&q).unwrap(), Reply::Answer(0));
        scripted.progress(3, 9);
        assert_eq!(
            scripted.choose(&q).unwrap(),
            Reply::Answer(1),
            "asked the second time"
        );
        assert_eq!(person.asked, ["account-signs"]);
        assert_eq!(
            person.progress,
            [(3, 9)],
            "no progress bar for the preset's answer"
        );
    }

    #[test]
    fn without_a_person_a_preset_asked_twice_is_a_loop() {
        let mut scripted = Scripted::new(presets(&["account-signs=nothing"]));
        let q = question("account-signs");
        assert_eq!(scripted.choose(&q).unwrap(), Reply::Answer(0));
        let err = scripted.choose(&q).unwrap_err();
        assert!(matches!(err, Error::AnswerLoop { ref step } if step == "account-signs"));
    }
}
