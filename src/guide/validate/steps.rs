//! The kinds of step, one reader each: a choice, an input, an info, a check and an ending,
//! with the keys each kind has and the rules that hold inside one step.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::Checker;
use crate::guide::raw::{RawChoice, RawStep, RawText, S};
use crate::guide::secrets::{secret_type, secret_wording};
use crate::guide::{
    CheckStep, Choice, ChoiceStep, Compare, Ending, InfoStep, InputStep, IssueKind, Outcome,
    Privacy,
};
use crate::input::InputType;
use crate::lang::Text;

impl Checker<'_> {
    pub(super) fn choice(
        &mut self,
        step: &RawStep,
        ctx: &str,
        index: &HashMap<String, usize>,
    ) -> Option<ChoiceStep> {
        let question = self.text(step.question.as_ref(), "question", ctx);
        let help = step.help.as_ref().map(|h| self.text(Some(h), "help", ctx));
        let step_id = step
            .id
            .as_ref()
            .map_or("?", |s| s.get_ref().as_str())
            .to_string();
        let choices = match &step.choices {
            None => {
                self.missing("choices", ctx);
                None
            }
            Some(list) if list.get_ref().is_empty() => {
                self.push(
                    Some(list.span()),
                    IssueKind::NoChoices {
                        step: step_id.clone(),
                    },
                );
                None
            }
            Some(list) => self.choice_list(list.get_ref(), &step_id, index),
        };
        let label = step
            .label
            .as_ref()
            .and_then(|l| self.text(Some(l), "label", ctx));
        let choices = choices?;
        let default = match &step.default {
            None => None,
            Some(d) => Some(self.default_choice(d, &choices)?),
        };
        Some(ChoiceStep {
            question: question?,
            help: help.flatten(),
            label,
            choices,
            default,
        })
    }

    /// The choice a script takes when it has no answer: one of the step's own.
    pub(super) fn default_choice(
        &mut self,
        default: &S<String>,
        choices: &[Choice],
    ) -> Option<usize> {
        let found = choices.iter().position(|c| &c.id == default.get_ref());
        if found.is_none() {
            let kind = IssueKind::BadValue {
                key: "default",
                value: default.get_ref().clone(),
                expected: "the id of one of the step's choices",
            };
            self.push(Some(default.span()), kind);
        }
        found
    }

    pub(super) fn choice_list(
        &mut self,
        list: &[S<RawChoice>],
        step: &str,
        index: &HashMap<String, usize>,
    ) -> Option<Vec<Choice>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for raw in list {
            let c = raw.get_ref();
            let id = self.id_value(c.id.as_ref(), "id", "a choice");
            if let (Some(id), Some(span)) = (&id, c.id.as_ref().map(Spanned::span))
                && !seen.insert(id.clone())
            {
                let kind = IssueKind::DuplicateChoice {
                    step: step.into(),
                    choice: id.clone(),
                };
                self.push(Some(span), kind);
            }
            let ctx = format!("choice `{}`", id.as_deref().unwrap_or("?"));
            let label = self.text(c.label.as_ref(), "label", &ctx);
            let next = self.target_at(c.next.as_ref(), "next", &ctx, raw.span(), index);
            out.push(Some(Choice {
                id: id?,
                label: label?,
                next: next?,
            }));
        }
        out.into_iter().collect()
    }

    /// Like `target`, but a missing key is reported at the table that lacks it.
    pub(super) fn target_at(
        &mut self,
        target: Option<&S<String>>,
        key: &'static str,
        ctx: &str,
        table: Range<usize>,
        index: &HashMap<String, usize>,
    ) -> Option<usize> {
        if target.is_none() && !self.block_mode {
            self.push(
                Some(table),
                IssueKind::MissingKey {
                    key,
                    context: ctx.into(),
                },
            );
            return None;
        }
        self.target(target, key, ctx, index)
    }

    pub(super) fn input(
        &mut self,
        step: &RawStep,
        ctx: &str,
        id: Option<&str>,
        index: &HashMap<String, usize>,
    ) -> Option<InputStep> {
        let input_type = self.input_type(step, ctx, id.unwrap_or("?"));
        let question = self.text(step.question.as_ref(), "question", ctx);
        let help = step
            .help
            .as_ref()
            .and_then(|h| self.text(Some(h), "help", ctx));
        let label = self.text(step.label.as_ref(), "label", ctx);
        let next = self.target(step.next.as_ref(), "next", ctx, index);
        // Help may warn about secrets ("support never asks for your password"); the
        // question and the label are what the user answers.
        for (text, raw) in [(&question, &step.question), (&label, &step.label)] {
            self.secret_wording(text.as_ref(), raw.as_ref(), input_type, id.unwrap_or("?"));
        }
        let privacy = self.privacy(step, input_type);
        let input_type = input_type?;
        Some(InputStep {
            question: question?,
            help,
            label: label?,
            input_type,
            required: step.required.as_ref().is_none_or(|r| *r.get_ref()),
            linkable: step.linkable.as_ref().is_some_and(|l| *l.get_ref()),
            privacy: privacy?,
            next: next?,
        })
    }

    /// The step's `privacy`, or its type's default; `None` when it is not a known one.
    pub(super) fn privacy(
        &mut self,
        step: &RawStep,
        input_type: Option<InputType>,
    ) -> Option<Privacy> {
        let Some(raw) = &step.privacy else {
            return input_type.map(Privacy::default_for);
        };
        let found = Privacy::from_name(raw.get_ref());
        if found.is_none() {
            self.push(
                Some(raw.span()),
                IssueKind::BadValue {
                    key: "privacy",
                    value: raw.get_ref().clone(),
                    expected: Privacy::NAMES,
                },
            );
        }
        found
    }

    pub(super) fn input_type(&mut self, step: &RawStep, ctx: &str, id: &str) -> Option<InputType> {
        let Some(raw) = &step.input_type else {
            self.missing("type", ctx);
            return None;
        };
        let name = raw.get_ref().as_str();
        let found = InputType::from_name(name);
        if found.is_none() {
            let kind = match secret_type(name) {
                Some(what) => IssueKind::AsksForSecret {
                    step: id.into(),
                    what: format!("type `{what}`"),
                },
                None => IssueKind::BadValue {
                    key: "type",
                    value: name.into(),
                    expected: "text, transaction-id, datetime, date, amount, phone, email, card-last4 or number",
                },
            };
            self.push(Some(raw.span()), kind);
        }
        found
    }

    pub(super) fn secret_wording(
        &mut self,
        text: Option<&Text>,
        raw: Option<&S<RawText>>,
        ty: Option<InputType>,
        id: &str,
    ) {
        let (Some(text), Some(raw)) = (text, raw) else {
            return;
        };
        // Every language and every region's variant: none may ask for a secret.
        for (_, _, wording) in text.all() {
            if let Some(phrase) = secret_wording(wording, ty) {
                let what = format!("the wording \"{phrase}\"");
                self.push(
                    Some(raw.span()),
                    IssueKind::AsksForSecret {
                        step: id.into(),
                        what,
                    },
                );
                return;
            }
        }
    }

    pub(super) fn info(
        &mut self,
        step: &RawStep,
        ctx: &str,
        index: &HashMap<String, usize>,
    ) -> Option<InfoStep> {
        let text = self.text(step.text.as_ref(), "text", ctx);
        let next = self.target(step.next.as_ref(), "next", ctx, index);
        Some(InfoStep {
            text: text?,
            next: next?,
        })
    }

    pub(super) fn check(
        &mut self,
        step: &RawStep,
        ctx: &str,
        index: &HashMap<String, usize>,
    ) -> Option<CheckStep> {
        let label = self.text(step.label.as_ref(), "label", ctx);
        let text = self.text(step.text.as_ref(), "text", ctx);
        let question = step
            .question
            .as_ref()
            .and_then(|q| self.text(Some(q), "question", ctx));
        let fixed = self.target(step.fixed.as_ref(), "fixed", ctx, index);
        let next = self.target(step.next.as_ref(), "next", ctx, index);
        let compare = match (&step.compare, &step.unconfigured) {
            (None, None) => Some(None),
            (Some(_), _) => {
                let input = self.target(step.compare.as_ref(), "compare", ctx, index);
                let unconfigured =
                    self.target(step.unconfigured.as_ref(), "unconfigured", ctx, index);
                input.zip(unconfigured).map(|(input, unconfigured)| {
                    Some(Compare {
                        input,
                        unconfigured,
                    })
                })
            }
            (None, Some(_)) => {
                self.missing("compare", ctx);
                None
            }
        };
        Some(CheckStep {
            label: label?,
            text: text?,
            question,
            fixed: fixed?,
            next: next?,
            compare: compare?,
        })
    }

    pub(super) fn ending(&mut self, step: &RawStep, ctx: &str) -> Option<Ending> {
        let text = self.text(step.text.as_ref(), "text", ctx);
        let summary = step
            .summary
            .as_ref()
            .and_then(|s| self.text(Some(s), "summary", ctx));
        let outcome = match &step.outcome {
            None => {
                self.missing("outcome", ctx);
                None
            }
            Some(o) => match o.get_ref().as_str() {
                "resolved" => Some(Outcome::Resolved),
                "contact-support" => Some(Outcome::ContactSupport),
                other => {
                    let expected = "resolved or contact-support";
                    let kind = IssueKind::BadValue {
                        key: "outcome",
                        value: other.into(),
                        expected,
                    };
                    self.push(Some(o.span()), kind);
                    None
                }
            },
        };
        Some(Ending {
            outcome: outcome?,
            text: text?,
            urgent: step.urgent.as_ref().is_some_and(|u| *u.get_ref()),
            needs: None,
            summary,
        })
    }
}
