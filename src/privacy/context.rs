//! What every detector shares: the folded view of the text, the labels in it, the question's
//! policy, and what was found so far; and the one question they all ask of a value's
//! surroundings: which label is right before it?

use std::collections::BTreeMap;

use super::labels::{self, Label, Rule};
use super::normalize::View;
use super::{Kind, Policy};

/// A secret found in the view: characters `start..end`, and what replaces them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Finding {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub certain: bool,
    /// `None`: removed; else the mask that keeps the last 4.
    pub mask: Option<String>,
}

pub(super) struct Context<'a> {
    pub view: &'a View,
    pub labels: Vec<Label>,
    pub policy: Policy,
    pub findings: Vec<Finding>,
    /// Where each finding starts, and where it ends: findings never overlap, so one lookup
    /// tells whether a span is free.
    taken: BTreeMap<usize, usize>,
}

impl<'a> Context<'a> {
    pub(super) fn new(view: &'a View, policy: Policy) -> Context<'a> {
        Context {
            view,
            labels: labels::find(view),
            policy,
            findings: Vec::new(),
            taken: BTreeMap::new(),
        }
    }

    /// Whether characters `start..end` overlap something already found.
    pub(super) fn taken(&self, start: usize, end: usize) -> bool {
        self.taken
            .range(..end)
            .next_back()
            .is_some_and(|(_, &taken_end)| taken_end > start)
    }

    pub(super) fn add(&mut self, finding: Finding) {
        if finding.start < finding.end && !self.taken(finding.start, finding.end) {
            self.taken.insert(finding.start, finding.end);
            self.findings.push(finding);
        }
    }

    /// The label that ends right before `at`, with nothing between them but what joins a label
    /// to its value (`:`, `#`, `no.`, `is`, `是`, `为`…), at most 16 characters of it.
    pub(super) fn label_before(&self, at: usize) -> Option<Label> {
        let index = self.labels.partition_point(|l| l.end <= at);
        let label = *self.labels.get(index.checked_sub(1)?)?;
        // Read no further than 16 characters back: a label far away costs nothing.
        if at.saturating_sub(label.end) > 16 {
            return None;
        }
        let gap = self.view.string(label.end, at);
        is_joint(gap).then_some(label)
    }

    /// The label starting at `at`, if any.
    pub(super) fn label_at(&self, at: usize) -> Option<Label> {
        let index = self.labels.partition_point(|l| l.start < at);
        self.labels.get(index).filter(|l| l.start == at).copied()
    }

    /// Whether view character `i` is part of a strong label whose rule is `of`.
    pub(super) fn in_label(&self, i: usize, of: impl Fn(Rule) -> bool) -> bool {
        let index = self.labels.partition_point(|l| l.end <= i);
        self.labels
            .get(index)
            .is_some_and(|l| l.start <= i && l.strong && of(l.rule))
    }

    /// Whether a strong label of `rule` is among the few labels before `at` in the same sentence.
    /// Counted in labels, not characters: what a scan removes between them is never a label,
    /// so a scanned text scanned again finds the same.
    pub(super) fn rule_before_in_sentence(&self, at: usize, rule: Rule) -> bool {
        let index = self.labels.partition_point(|l| l.end <= at);
        self.labels
            .get(..index)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(4)
            .any(|l| {
                l.rule == rule
                    && l.strong
                    && !(l.end..at).any(|j| {
                        self.view.is(j, |c| {
                            matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | ';' | '；')
                        })
                    })
            })
    }
}

/// The words that may join a label to its value, with punctuation around them.
const JOINING_WORDS: [&str; 20] = [
    "no", "nr", "num", "number", "is", "was", "of", "id", "my", "the", "#", "是", "为", "為", "号",
    "號", "码", "碼", "的", "是的",
];

/// What may join a label to its value: punctuation, and a few words.
fn is_joint(gap: &str) -> bool {
    let words = gap
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | '='
                        | '#'
                        | '-'
                        | '('
                        | ')'
                        | '"'
                        | '\''
                        | '“'
                        | '”'
                        | '「'
                        | '」'
                        | '.'
                        | ','
                        | '，'
                        | '、'
                        | '→'
                        | '>'
                        | '—'
                        | '*'
                )
        })
        .filter(|w| !w.is_empty());
    words.into_iter().all(|w| {
        JOINING_WORDS
            .iter()
            .any(|joint| w.eq_ignore_ascii_case(joint))
    })
}

/// `f` with a context over `text` under the default policy: how a detector's tests read one
/// place of a text, as a scan would.
#[cfg(test)]
pub(super) fn with_ctx<T>(text: &str, f: impl FnOnce(&Context<'_>) -> T) -> T {
    let view = View::new(text);
    let ctx = Context::new(&view, Policy::default());
    f(&ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, end: usize) -> Finding {
        Finding {
            start,
            end,
            kind: Kind::CardNumber,
            certain: true,
            mask: None,
        }
    }

    #[test]
    fn findings_side_by_side_do_not_overlap() {
        let view = View::new("0123456789");
        let mut ctx = Context::new(&view, Policy::default());
        ctx.add(finding(0, 5));
        assert!(ctx.taken(4, 8));
        assert!(!ctx.taken(5, 8));
        ctx.add(finding(5, 8));
        assert_eq!(ctx.findings.len(), 2);
        // An empty finding replaces nothing, so it is no finding.
        ctx.add(finding(9, 9));
        assert_eq!(ctx.findings.len(), 2);
    }

    #[test]
    fn a_label_reaches_sixteen_characters_of_joints() {
        for (gap, reaches) in [(16, true), (17, false)] {
            let text = format!("card number:{}4111", "-".repeat(gap - 1));
            let view = View::new(&text);
            let ctx = Context::new(&view, Policy::default());
            let at = text.len() - 4;
            assert_eq!(ctx.label_before(at).is_some(), reaches, "{text}");
        }
    }

    #[test]
    fn a_strong_label_of_the_rule_in_the_same_sentence() {
        let before_end = |text: &str| {
            let view = View::new(text);
            let ctx = Context::new(&view, Policy::default());
            ctx.rule_before_in_sentence(text.chars().count(), Rule::Password)
        };
        assert!(before_end("my password and then "));
        // `pass` is a weak label; `pin` is another rule's; a full stop ends the sentence.
        assert!(!before_end("my pass and then "));
        assert!(!before_end("my pin and then "));
        assert!(!before_end("my password. Then "));
    }
}
