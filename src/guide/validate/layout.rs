//! Where each step of a guide lands once its includes are expanded: the guide's own steps in
//! file order, and a block's questions in place of the `include` step that asks for them.
//! An include's `id` names its first question, so other steps lead to it by that id; its
//! `next` is where its last question leads.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::Checker;
use crate::guide::raw::{RawStep, S};
use crate::guide::{IssueKind, Step, StepKind, block};

/// One step of the expanded guide, and where its problems are reported.
pub(super) enum Slot<'r> {
    /// A step written in the guide.
    Own(&'r S<RawStep>),
    /// A block's step, in the place of the include that asked for it.
    Shared {
        include: &'r S<RawStep>,
        step: &'static Step,
        /// The block's last step asked here: it leads to the include's `next`.
        last: bool,
    },
}

impl Slot<'_> {
    /// Where a problem with this step is reported: the step, or the include.
    pub fn span(&self) -> Range<usize> {
        match self {
            Slot::Own(raw) => raw.span(),
            Slot::Shared { include, .. } => include.span(),
        }
    }

    /// The step as written, when the guide wrote it.
    pub fn own(&self) -> Option<&S<RawStep>> {
        match self {
            Slot::Own(raw) => Some(raw),
            Slot::Shared { .. } => None,
        }
    }

    pub fn raw(&self) -> Option<&RawStep> {
        self.own().map(toml::Spanned::get_ref)
    }
}

/// The expanded steps in order, and each id's place among them.
pub(super) struct Layout<'r> {
    pub slots: Vec<Slot<'r>>,
    pub index: HashMap<String, usize>,
}

/// `step` with its targets set: every way out of a block's step leads to `next`.
pub(super) fn leading_to(step: &Step, next: usize) -> Step {
    let mut step = step.clone();
    match &mut step.kind {
        StepKind::Choice(c) => c.choices.iter_mut().for_each(|c| c.next = next),
        StepKind::Input(i) => i.next = next,
        StepKind::Info(i) => i.next = next,
        // A block holds only questions and texts; `parse_block` refuses the rest.
        StepKind::Check(_) | StepKind::End(_) => {}
    }
    step
}

impl<'r> Checker<'_> {
    pub(super) fn layout(&mut self, steps: &'r [S<RawStep>]) -> Layout<'r> {
        let mut layout = Layout {
            slots: Vec::with_capacity(steps.len()),
            index: HashMap::new(),
        };
        let mut included = HashSet::new();
        for raw in steps {
            let is_include = raw
                .get_ref()
                .kind
                .as_ref()
                .is_some_and(|k| k.get_ref() == "include");
            if is_include {
                self.here = Some(raw.span());
                self.include(raw, &mut layout, &mut included);
                self.here = None;
            } else {
                if let Some(id) = &raw.get_ref().id {
                    let at = layout.slots.len();
                    self.claim(id.get_ref(), id.span(), at, &mut layout.index);
                }
                layout.slots.push(Slot::Own(raw));
            }
        }
        layout
    }

    /// Gives `id` the step at `at`, unless another step has it.
    fn claim(
        &mut self,
        id: &str,
        span: Range<usize>,
        at: usize,
        index: &mut HashMap<String, usize>,
    ) {
        if index.contains_key(id) {
            let kind = IssueKind::DuplicateStep { id: id.to_string() };
            self.push(Some(span), kind);
        } else {
            index.insert(id.to_string(), at);
        }
    }

    /// An include step: its block's questions (or the `only` ones) go here.
    fn include(
        &mut self,
        raw: &'r S<RawStep>,
        layout: &mut Layout<'r>,
        included: &mut HashSet<String>,
    ) {
        let step = raw.get_ref();
        let id = self.id_value(step.id.as_ref(), "id", "an include step");
        let context = format!("include `{}`", id.as_deref().unwrap_or("?"));
        self.disallowed_keys(step, "include");
        // The id names the first step asked here; claimed even when the block cannot be
        // read, so a broken include is one problem, not one more for each step leading to it.
        if let (Some(id), Some(span)) = (&id, step.id.as_ref().map(S::span)) {
            let first = layout.slots.len();
            self.claim(id, span, first, &mut layout.index);
        }
        if step.next.is_none() {
            self.missing("next", context.clone());
        }
        let Some(name) = &step.block else {
            self.missing("block", context);
            return;
        };
        let Some(block) = self.find_block(name) else {
            return;
        };
        if !included.insert(block.name.clone()) {
            let kind = IssueKind::IncludedTwice {
                block: block.name.clone(),
            };
            self.push(Some(name.span()), kind);
            return;
        }
        let Some(chosen) = self.chosen_steps(step, block) else {
            return;
        };
        let span = step.id.as_ref().map_or_else(|| raw.span(), S::span);
        let count = chosen.len();
        for (n, shared) in chosen.into_iter().enumerate() {
            let at = layout.slots.len();
            self.claim(&shared.id, span.clone(), at, &mut layout.index);
            layout.slots.push(Slot::Shared {
                include: raw,
                step: shared,
                last: n + 1 == count,
            });
        }
    }

    /// The bundled block called `name`, or the problem of finding it.
    fn find_block(&mut self, name: &S<String>) -> Option<&'static block::Block> {
        match block::find(name.get_ref()) {
            Some(Ok(block)) => Some(block),
            Some(Err(issues)) => {
                // The block file itself is broken: its own problems, at its own places.
                self.issues.extend(issues.iter().cloned());
                None
            }
            None => {
                let kind = IssueKind::UnknownBlock {
                    name: name.get_ref().clone(),
                    known: block::names(),
                };
                self.push(Some(name.span()), kind);
                None
            }
        }
    }

    /// The block's steps an include asks: all of them, or those `only` names, in the
    /// block's order.
    fn chosen_steps(
        &mut self,
        step: &RawStep,
        block: &'static block::Block,
    ) -> Option<Vec<&'static Step>> {
        let Some(only) = &step.only else {
            return Some(block.steps.iter().collect());
        };
        if only.get_ref().is_empty() {
            let kind = IssueKind::BadValue {
                key: "only",
                value: "[]".into(),
                expected: "at least one of the block's steps",
            };
            self.push(Some(only.span()), kind);
            return None;
        }
        let mut ok = true;
        for wanted in only.get_ref() {
            if !block.steps.iter().any(|s| &s.id == wanted.get_ref()) {
                let kind = IssueKind::NotInBlock {
                    step: wanted.get_ref().clone(),
                    block: block.name.clone(),
                    known: block.steps.iter().map(|s| s.id.clone()).collect(),
                };
                self.push(Some(wanted.span()), kind);
                ok = false;
            }
        }
        let named = |s: &&Step| only.get_ref().iter().any(|w| w.get_ref() == &s.id);
        ok.then(|| block.steps.iter().filter(named).collect())
    }

    /// Where an include's last question leads.
    pub(super) fn include_next(
        &mut self,
        include: &S<RawStep>,
        index: &HashMap<String, usize>,
    ) -> Option<usize> {
        let raw = include.get_ref();
        let id = raw.id.as_ref().map_or("?", |s| s.get_ref().as_str());
        let context = format!("include `{id}`");
        self.here = Some(include.span());
        let next = match &raw.next {
            Some(next) => self.target(Some(next), "next", &context, index),
            // Reported once, with the include's other keys.
            None => None,
        };
        self.here = None;
        next
    }
}
