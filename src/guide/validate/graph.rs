//! The rules about a guide as a graph: every step reachable, an ending reachable from every
//! step, and every detail support needs on every path to support.

use std::collections::VecDeque;
use std::ops::Range;

use super::Checker;
use super::layout::{Layout, Slot};
use crate::guide::{Guide, IssueKind, Outcome, StepKind};

impl Checker<'_> {
    /// Runs once the structure holds, so every step index in `guide` names a step.
    pub(super) fn graph(&mut self, guide: &Guide, layout: &Layout<'_>) {
        let step_span = |i: usize| layout.slots.get(i).map(Slot::span);
        let reachable = reached(guide, guide.start, |_| true);
        for (i, step) in guide.steps.iter().enumerate() {
            if !reachable.contains(i) {
                self.push(
                    step_span(i),
                    IssueKind::Unreachable {
                        step: step.id.clone(),
                    },
                );
            }
        }
        let can_end = reaching(guide, |i| matches!(guide.step(i).kind, StepKind::End(_)));
        for (i, step) in guide.steps.iter().enumerate() {
            if reachable.contains(i) && !can_end.contains(i) {
                self.push(
                    step_span(i),
                    IssueKind::NoEnding {
                        step: step.id.clone(),
                    },
                );
            }
        }
        self.details_on_every_path(guide, &reachable, step_span);
    }

    /// Every contact-support ending must be unreachable once any needed input is removed.
    fn details_on_every_path(
        &mut self,
        guide: &Guide,
        reachable: &StepSet,
        span: impl Fn(usize) -> Option<Range<usize>>,
    ) {
        for (end, step) in guide.steps.iter().enumerate() {
            let StepKind::End(ending) = &step.kind else {
                continue;
            };
            if ending.outcome != Outcome::ContactSupport || !reachable.contains(end) {
                continue;
            }
            for &need in ending.needs.as_ref().unwrap_or(&guide.needs) {
                if need != guide.start && reached(guide, guide.start, |i| i != need).contains(end) {
                    let detail = guide.step(need).id.clone();
                    self.push(
                        span(end),
                        IssueKind::SkipsDetail {
                            ending: step.id.clone(),
                            detail,
                        },
                    );
                }
            }
        }
    }
}

/// Some of a guide's steps, by index.
pub(super) struct StepSet(Vec<bool>);

impl StepSet {
    fn none(guide: &Guide) -> StepSet {
        StepSet(vec![false; guide.steps.len()])
    }

    pub(super) fn contains(&self, i: usize) -> bool {
        self.0.get(i) == Some(&true)
    }

    /// Adds step `i`; whether it was not in yet (never true for an index that names no step).
    fn insert(&mut self, i: usize) -> bool {
        match self.0.get_mut(i) {
            Some(member) if !*member => {
                *member = true;
                true
            }
            _ => false,
        }
    }
}

/// The steps reached from `from`, entering only steps for which `may_enter` holds (`from`
/// included).
pub(super) fn reached(guide: &Guide, from: usize, may_enter: impl Fn(usize) -> bool) -> StepSet {
    let mut seen = StepSet::none(guide);
    let mut queue = VecDeque::new();
    if may_enter(from) && seen.insert(from) {
        queue.push_back(from);
    }
    while let Some(i) = queue.pop_front() {
        for t in guide.step(i).kind.targets() {
            if may_enter(t) && seen.insert(t) {
                queue.push_back(t);
            }
        }
    }
    seen
}

/// The steps from which a step for which `goal` holds can be reached.
pub(super) fn reaching(guide: &Guide, goal: impl Fn(usize) -> bool) -> StepSet {
    let mut into: Vec<Vec<usize>> = vec![Vec::new(); guide.steps.len()];
    for (i, step) in guide.steps.iter().enumerate() {
        for t in step.kind.targets() {
            if let Some(sources) = into.get_mut(t) {
                sources.push(i);
            }
        }
    }
    let mut ok = StepSet::none(guide);
    let mut queue: VecDeque<usize> = (0..guide.steps.len())
        .filter(|&i| goal(i) && ok.insert(i))
        .collect();
    while let Some(i) = queue.pop_front() {
        for &p in into.get(i).into_iter().flatten() {
            if ok.insert(p) {
                queue.push_back(p);
            }
        }
    }
    ok
}
