//! The rules about a guide as a graph: every step reachable, an ending reachable from every
//! step, and every detail support needs on every path to support.

use std::collections::VecDeque;
use std::ops::Range;

use super::Checker;
use super::layout::{Layout, Slot};
use crate::guide::{Guide, IssueKind, Outcome, StepKind};

impl Checker<'_> {
    pub(super) fn graph(&mut self, guide: &Guide, layout: &Layout<'_>) {
        let step_span = |i: usize| layout.slots.get(i).map(Slot::span);
        let reachable = reachable_from(guide, guide.start, None);
        for (i, step) in guide.steps.iter().enumerate() {
            if !reachable[i] {
                self.push(
                    step_span(i),
                    IssueKind::Unreachable {
                        step: step.id.clone(),
                    },
                );
            }
        }
        let can_end = can_reach_an_ending(guide);
        for (i, step) in guide.steps.iter().enumerate() {
            if reachable[i] && !can_end[i] {
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
        reachable: &[bool],
        span: impl Fn(usize) -> Option<Range<usize>>,
    ) {
        for (end, step) in guide.steps.iter().enumerate() {
            let StepKind::End(ending) = &step.kind else {
                continue;
            };
            if ending.outcome != Outcome::ContactSupport || !reachable[end] {
                continue;
            }
            for &need in ending.needs.as_ref().unwrap_or(&guide.needs) {
                if need != guide.start && reachable_from(guide, guide.start, Some(need))[end] {
                    let detail = guide.steps[need].id.clone();
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

/// Steps reachable from `from`, never passing through `avoid`.
pub(super) fn reachable_from(guide: &Guide, from: usize, avoid: Option<usize>) -> Vec<bool> {
    let mut seen = vec![false; guide.steps.len()];
    let mut queue = VecDeque::from([from]);
    seen[from] = true;
    while let Some(i) = queue.pop_front() {
        for t in guide.steps[i].kind.targets() {
            if !seen[t] && Some(t) != avoid {
                seen[t] = true;
                queue.push_back(t);
            }
        }
    }
    seen
}

/// For each step, whether some ending can be reached from it.
pub(super) fn can_reach_an_ending(guide: &Guide) -> Vec<bool> {
    let n = guide.steps.len();
    let mut into: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, s) in guide.steps.iter().enumerate() {
        for t in s.kind.targets() {
            into[t].push(i);
        }
    }
    let mut ok = vec![false; n];
    let mut queue: VecDeque<usize> = (0..n)
        .filter(|&i| matches!(guide.steps[i].kind, StepKind::End(_)))
        .collect();
    for &i in &queue {
        ok[i] = true;
    }
    while let Some(i) = queue.pop_front() {
        for &p in &into[i] {
            if !ok[p] {
                ok[p] = true;
                queue.push_back(p);
            }
        }
    }
    ok
}
