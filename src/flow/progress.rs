//! "Step 4 of about 9": how many questions are left, computed once per guide in one pass over
//! its graph, so a walk costs the same per step however long the guide is.
//!
//! The estimate is the most questions on any way from a step to an ending, loops aside.
//! Moving forward along any way on leaves at most that many, less the question just answered,
//! so the total shown (questions answered plus questions left) only shrinks or holds:
//! finishing early is good news, and the bar never jumps back. Info steps and the tool's own
//! checks ask nothing and count nothing. A way back to an earlier step (a loop the guide
//! offers, "start again") is left out of the count; taking one can raise the total, honestly.

use crate::guide::{Guide, StepKind};

/// Questions left from every step of one guide.
#[derive(Clone, Debug)]
pub struct Estimate {
    remaining: Vec<usize>,
}

/// Where the depth-first pass is with a step.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    New,
    /// On the path from the root: a way to it is a loop.
    Open,
    Done,
}

impl Estimate {
    /// One depth-first pass from the start (then from any step it does not reach), without
    /// recursion: a guide may be thousands of steps deep.
    pub fn of(guide: &Guide) -> Estimate {
        let count = guide.steps.len();
        let mut marks = vec![Mark::New; count];
        let mut remaining = vec![0; count];
        // (step, its targets, how many of them were looked at)
        let mut stack: Vec<(usize, Vec<usize>, usize)> = Vec::new();
        for root in std::iter::once(guide.start).chain(0..count) {
            if marks.get(root) != Some(&Mark::New) {
                continue;
            }
            open(guide, &mut marks, &mut stack, root);
            while let Some((step, targets, looked)) = stack.last_mut() {
                if let Some(&next) = targets.get(*looked) {
                    *looked += 1;
                    if marks.get(next) == Some(&Mark::New) {
                        open(guide, &mut marks, &mut stack, next);
                    }
                    continue;
                }
                let step = *step;
                let longest = targets
                    .iter()
                    .filter(|t| marks.get(**t) == Some(&Mark::Done))
                    .filter_map(|t| remaining.get(*t))
                    .max();
                let asks = guide.steps.get(step).map(|s| &s.kind);
                let here = match asks {
                    Some(StepKind::End(_)) | None => 0,
                    Some(kind) => usize::from(kind.is_question()) + longest.copied().unwrap_or(0),
                };
                if let Some(slot) = remaining.get_mut(step) {
                    *slot = here;
                }
                if let Some(mark) = marks.get_mut(step) {
                    *mark = Mark::Done;
                }
                stack.pop();
            }
        }
        Estimate { remaining }
    }

    /// About how many questions are left from `step` (itself included) to an ending.
    pub fn remaining(&self, step: usize) -> usize {
        self.remaining.get(step).copied().unwrap_or(0)
    }
}

fn open(
    guide: &Guide,
    marks: &mut [Mark],
    stack: &mut Vec<(usize, Vec<usize>, usize)>,
    step: usize,
) {
    if let Some(mark) = marks.get_mut(step) {
        *mark = Mark::Open;
    }
    let targets = guide
        .steps
        .get(step)
        .map(|s| s.kind.targets())
        .unwrap_or_default();
    stack.push((step, targets, 0));
}
