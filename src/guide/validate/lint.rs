//! What `guides check` warns about: a guide that works but reads badly or asks in the wrong
//! order. Half-width punctuation in Chinese text, a region's text in one language only,
//! "Did that fix it?" after something that cannot fix anything yet, and an urgent path that
//! asks for details before it tells the user how to protect themselves.

use super::Checker;
use super::graph::{reached, reaching};
use super::layout::{Layout, Slot};
use crate::guide::raw::{RawText, S};
use crate::guide::{Guide, IssueKind, Outcome, StepKind};
use crate::lang::Lang;

/// Half-width punctuation and what Chinese text writes instead.
const FULL_WIDTH: [(char, char); 7] = [
    (',', '，'),
    (';', '；'),
    (':', '：'),
    ('?', '？'),
    ('!', '！'),
    ('(', '（'),
    (')', '）'),
];

/// Words in a check's text that say its action cannot fix anything right away: waiting,
/// a review, a complaint, something sent off. "Did that fix it?" has no honest answer then.
const NOT_RIGHT_AWAY: [&str; 19] = [
    "business day",
    "working day",
    "wait for",
    "wait until",
    "file a complaint",
    "make a complaint",
    "complain to",
    "appeal",
    "ombudsman",
    "upload",
    "under review",
    "等待",
    "工作日",
    "投诉",
    "申诉",
    "上传",
    "审核",
    "提交材料",
    "补充材料",
];

impl Checker<'_> {
    /// Chinese text writes `，；：？！（）`, not their half-width forms, next to Chinese (and a
    /// `,` `;` `:` glued to the next word, as in `iPhone 13,iOS 17`).
    pub(super) fn lint_chinese(&mut self, value: &S<String>) {
        let text = value.get_ref();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (i, &(offset, c)) in chars.iter().enumerate() {
            let Some(&(_, instead)) = FULL_WIDTH.iter().find(|(half, _)| *half == c) else {
                continue;
            };
            let before = chars
                .get(..i)
                .unwrap_or_default()
                .iter()
                .rev()
                .map(|(_, c)| *c)
                .find(|c| *c != ' ');
            let after = chars.get(i + 1..).unwrap_or_default();
            let next = after.first().map(|(_, c)| *c);
            let after_space = after.iter().map(|(_, c)| *c).find(|c| *c != ' ');
            let beside_chinese =
                before.is_some_and(is_chinese) || after_space.is_some_and(is_chinese);
            let glued = matches!(c, ',' | ';' | ':')
                && next.is_some_and(|n| n.is_alphabetic() && !is_chinese(n));
            if beside_chinese || glued {
                let at = self.offset_in_string(value.span(), text, offset);
                self.warn(Some(at..at), IssueKind::HalfWidth { found: c, instead });
            }
        }
    }

    /// A region's text in one language only: the other language's readers in that region
    /// read the general text, which may be about somewhere else.
    pub(super) fn lint_variants(&mut self, text: &RawText, key: &str) {
        let variants: Vec<_> = text.variants().collect();
        for (lang, region, value) in &variants {
            let other = match lang {
                Lang::En => Lang::Zh,
                Lang::Zh => Lang::En,
            };
            if !variants.iter().any(|(l, r, _)| *l == other && r == region) {
                let kind = IssueKind::OneLanguageVariant {
                    has: format!("{key}.{}-{}", lang.code(), region.name()),
                    lacks: format!("{key}.{}-{}", other.code(), region.name()),
                };
                self.warn(Some(value.span()), kind);
            }
        }
    }

    pub(super) fn lint_graph(&mut self, guide: &Guide, layout: &Layout<'_>) {
        self.lint_checks(guide, layout);
        self.lint_urgent_paths(guide, layout);
    }

    /// A check that asks "Did that fix it?" where its action cannot fix anything yet, or
    /// where yes and no lead to the same step.
    fn lint_checks(&mut self, guide: &Guide, layout: &Layout<'_>) {
        for (step, slot) in guide.steps.iter().zip(&layout.slots) {
            let StepKind::Check(check) = &step.kind else {
                continue;
            };
            if check.compare.is_some() || check.question.is_some() {
                continue;
            }
            let why = if check.fixed == check.next {
                "yes and no lead to the same step, so nothing depends on it; make it an `info` step"
            } else if check
                .text
                .all()
                .any(|(_, _, t)| NOT_RIGHT_AWAY.iter().any(|w| t.to_lowercase().contains(w)))
            {
                "what it asks takes time (waiting, a review, a complaint), so nobody can say yet; \
                 give it a `question` that can be answered now (\"Did you send it?\")"
            } else {
                continue;
            };
            let kind = IssueKind::CheckCannotFix {
                step: step.id.clone(),
                why,
            };
            self.warn(Some(slot.span()), kind);
        }
    }

    /// On the way to an urgent ending, the user is told how to protect themselves (an `info`
    /// or `check` step on urgent paths only) before any detail is asked.
    fn lint_urgent_paths(&mut self, guide: &Guide, layout: &Layout<'_>) {
        let urgent = |i: usize| {
            matches!(&guide.step(i).kind, StepKind::End(e)
                if e.outcome == Outcome::ContactSupport && (guide.urgent || e.urgent))
        };
        let calm = |i: usize| {
            matches!(&guide.step(i).kind, StepKind::End(e)
                if e.outcome == Outcome::ContactSupport && !(guide.urgent || e.urgent))
        };
        let reaches_urgent = reaching(guide, urgent);
        let reaches_calm = reaching(guide, calm);
        let protects = |i: usize| {
            matches!(guide.step(i).kind, StepKind::Info(_) | StepKind::Check(_))
                && reaches_urgent.contains(i)
                && !reaches_calm.contains(i)
        };
        // The steps reached from the start without passing a protective step.
        let before = reached(guide, guide.start, |i| !protects(i));
        for ((end, step), slot) in guide.steps.iter().enumerate().zip(&layout.slots) {
            if !urgent(end) {
                continue;
            }
            let reaches_this = reaching(guide, |i| i == end);
            let asked: Vec<String> = (guide.steps.iter().enumerate())
                .filter(|&(i, s)| {
                    before.contains(i)
                        && reaches_this.contains(i)
                        && matches!(s.kind, StepKind::Input(_))
                })
                .map(|(_, s)| s.id.clone())
                .collect();
            if let Some(first) = asked.first() {
                let span = guide
                    .step_index(first)
                    .and_then(|i| layout.slots.get(i))
                    .map_or_else(|| slot.span(), Slot::span);
                let kind = IssueKind::AsksBeforeProtecting {
                    ending: step.id.clone(),
                    asked,
                };
                self.warn(Some(span), kind);
            }
        }
    }
}

/// Whether a character reads as Chinese: CJK ideographs, CJK and full-width punctuation, and
/// the curly quotes Chinese text uses.
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{2018}'..='\u{201D}')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::guide::{Source, lint_guide};

    /// A guide that uses what the checker reads most closely: an include, region variants,
    /// placeholders of both kinds and Chinese punctuation.
    const GUIDE: &str = r#"schema = 1
id = "mine"
group = "account"
start = "what"
title = { en = "Mine", zh = "我的" }
summary = { en = "A summary", zh = "简介" }

[report]
summary = { en = "It was {what}.", zh = "情况是{what}。" }

[[steps]]
id = "what"
kind = "input"
type = "text"
question = { en = "What happened?", zh = "发生了什么？" }
label = { en = "What", zh = "经过" }
next = "about-phone"

[[steps]]
id = "about-phone"
kind = "include"
block = "phone"
only = ["phone-model"]
next = "done"

[[steps]]
id = "done"
kind = "end"
outcome = "contact-support"
urgent = true
text.en = "Call {support.phone|the number on the card}."
text.zh = "请拨打{support.phone}。"
text.zh-cn = "请拨打 {support.phone}，或 110。"
"#;

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(256) })]

        /// Whatever is typed into a guide, anywhere, it is reported, never a panic.
        #[test]
        fn any_edit_of_a_guide_is_reported_not_a_panic(
            at in 0usize..1200,
            inserted in prop::sample::select(vec![
                ",", "{", "}", "|", "{support.", "}{", "\u{1b}", "\u{202e}", "支", "é", "\"", "\n", "[", "-", "zh-", "(",
            ]),
            repeat in 1usize..4,
        ) {
            let mut source = GUIDE.to_string();
            let mut at = at.min(source.len());
            while !source.is_char_boundary(at) {
                at -= 1;
            }
            source.insert_str(at, &inserted.repeat(repeat));
            let (guide, warnings) = lint_guide("p.toml", &source, Source::Bundled);
            for issue in guide.err().unwrap_or_default().iter().chain(&warnings) {
                prop_assert!(issue.location.line >= 1);
                let escape = char::from(0x1b);
                prop_assert!(!issue.to_string().contains(escape), "{}", issue);
            }
        }
    }

    #[test]
    fn the_example_is_valid_and_warns_only_about_what_it_should() {
        let (guide, warnings) = lint_guide("p.toml", GUIDE, Source::Bundled);
        assert!(guide.is_ok(), "{guide:?}");
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "p.toml:11:1: warning: on the way to urgent ending `done`, `what`, `phone-model` \
                 are asked before any step tells the user how to protect their account; ask \
                 once they are safe",
                "p.toml:33:14: warning: `text.zh-cn` has no `text.en-cn`: readers of the other \
                 language in that region get the general text",
            ]
        );
    }
}
