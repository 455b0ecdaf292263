//! The words around a secret and its label, in English and Chinese: what joins a label to its
//! value (`is`, `set to`, `是`, `改成了`), what may stand between them (`my`, `still`, `的`),
//! what joins a value to the label after it (`was the`, `是我的`), and everyday words that
//! describe a password rather than being one (`wrong`, `expired`, `错误`).

use super::context::Context;
use super::labels::Rule;

/// Words that join a value to the label after it (`702518 was the code`, `abc是我的密码`),
/// longest first so `我的` is read before `的`.
pub(super) const BACK_LINKS: &[&str] = &[
    "that is", "that's", "thats", "it's", "your", "this", "was", "the", "our", "its", "这是",
    "那是", "这个", "那个", "這個", "那個", "就是", "作为", "当作", "我的", "is", "as", "be", "my",
    "a", "是", "为", "為", "的",
];

/// Chinese words that join a label to its value, longest first where one starts another.
pub(super) const JOINS_ZH: &[&str] = &[
    "就係",
    "係",
    "就是",
    "都是",
    "也是",
    "还是",
    "是",
    "为",
    "為",
    "改成了",
    "改成",
    "改为",
    "改為",
    "设为",
    "设置为",
    "设置成",
    "设成",
    "重置为",
    "换成了",
    "换成",
    "如下",
    "输入",
    "输的是",
    "填的是",
    "用的是",
    "设的是",
];

/// Chinese words that may stand between a label and its value.
pub(super) const BETWEEN_ZH: &[&str] = &["我的", "的", "了"];

/// A word at `p` between a label and its value: where it ends, and whether it joins them
/// (`is`, `was`, `set to`, `是`, `改成了`) or only stands between (`my`, `still`, `的`).
pub(super) fn link_word(ctx: &Context<'_>, p: usize, rule: Rule) -> Option<(usize, bool)> {
    let view = ctx.view;
    if !view.is(p, |c| c.is_ascii_alphabetic()) {
        // Every Chinese word of the lists starts with a character past ASCII.
        if view.is(p, |c| c.is_ascii()) {
            return None;
        }
        if let Some(w) = JOINS_ZH.iter().find(|w| view.has(p, w)) {
            return Some((p + w.chars().count(), true));
        }
        return BETWEEN_ZH
            .iter()
            .find(|w| view.has(p, w))
            .map(|w| (p + w.chars().count(), false));
    }
    let end = view.run_end(p, |c| c.is_ascii_alphabetic() || c == '\'');
    if view.is(end, |c| c.is_ascii_digit()) {
        return None;
    }
    let word = view.lower(p, end);
    if JOINS.binary_search(&word.as_str()).is_ok() {
        return Some((end, true));
    }
    if BETWEEN.binary_search(&word.as_str()).is_ok()
        || (rule == Rule::Password && NOUNS.binary_search(&word.as_str()).is_ok())
    {
        return Some((end, false));
    }
    // `reset to`, `changed it to`: the verb joins only with its `to`.
    if CHANGES.binary_search(&word.as_str()).is_ok() {
        let after = view.run_end(end, |c| c == ' ');
        let after = if view.has(after, "it ") {
            after + 3
        } else {
            after
        };
        for to in ["to", "into"] {
            if view.has(after, to) && !view.is(after + to.len(), |c| c.is_ascii_alphanumeric()) {
                return Some((after + to.len(), true));
            }
        }
    }
    None
}

/// Words that join a label to its value, sorted.
pub(super) const JOINS: &[&str] = &[
    "are", "as", "be", "been", "being", "entered", "gave", "got", "into", "is", "it's", "read",
    "received", "said", "says", "shows", "to", "typed", "use", "used", "was", "were",
];

/// Words that may stand between a label and its value, sorted.
pub(super) const BETWEEN: &[&str] = &[
    "a",
    "actually",
    "also",
    "always",
    "an",
    "currently",
    "here",
    "i",
    "it",
    "its",
    "just",
    "literally",
    "me",
    "my",
    "now",
    "of",
    "our",
    "probably",
    "really",
    "simply",
    "still",
    "that",
    "the",
    "then",
    "this",
    "your",
];

/// Verbs that join a label to its value with `to`: `reset to`, `changed it to`, sorted.
pub(super) const CHANGES: &[&str] = &["changed", "modified", "reset", "set", "switched", "updated"];

/// What a password may be said to be the same as (`the same as my email address`), sorted.
pub(super) const NOUNS: &[&str] = &[
    "address", "birthday", "e-mail", "email", "mail", "mobile", "name", "number", "phone", "same",
    "username",
];

/// Everyday English words that describe a password rather than being one, sorted.
#[rustfmt::skip]
pub(super) const PLAIN: &[&str] = &[
    "a",
    "about",
    "accepted",
    "again",
    "all",
    "already",
    "also",
    "always",
    "an",
    "and",
    "any",
    "are",
    "as",
    "asked",
    "at",
    "back",
    "bad",
    "be",
    "because",
    "been",
    "before",
    "being",
    "blocked",
    "both",
    "broken",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "case",
    "changed",
    "changing",
    "characters",
    "complex",
    "compromised",
    "correct",
    "correctly",
    "could",
    "declined",
    "definitely",
    "did",
    "didn't",
    "different",
    "digits",
    "disabled",
    "does",
    "doesn't",
    "don't",
    "done",
    "easy",
    "empty",
    "enough",
    "entered",
    "error",
    "even",
    "ever",
    "every",
    "expire",
    "expired",
    "expiring",
    "failed",
    "failing",
    "fails",
    "field",
    "fine",
    "fixed",
    "for",
    "forgot",
    "forgotten",
    "from",
    "frozen",
    "gone",
    "good",
    "got",
    "hacked",
    "had",
    "hard",
    "has",
    "have",
    "having",
    "here",
    "hidden",
    "hint",
    "how",
    "i",
    "if",
    "in",
    "incorrect",
    "invalid",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "just",
    "known",
    "last",
    "leaked",
    "length",
    "letters",
    "like",
    "locked",
    "long",
    "lost",
    "manager",
    "mine",
    "missing",
    "more",
    "must",
    "my",
    "needed",
    "never",
    "new",
    "no",
    "none",
    "not",
    "nothing",
    "now",
    "numbers",
    "of",
    "off",
    "ok",
    "okay",
    "old",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "please",
    "policy",
    "probably",
    "protected",
    "recently",
    "recovery",
    "rejected",
    "remembered",
    "required",
    "requirements",
    "reset",
    "reused",
    "right",
    "rules",
    "safe",
    "same",
    "saved",
    "secret",
    "secure",
    "sensitive",
    "sent",
    "set",
    "shared",
    "short",
    "should",
    "showing",
    "simple",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "still",
    "stolen",
    "stored",
    "strong",
    "stuck",
    "such",
    "suspended",
    "symbols",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "twice",
    "typed",
    "unknown",
    "unsafe",
    "until",
    "updated",
    "used",
    "useless",
    "very",
    "via",
    "was",
    "wasn't",
    "weak",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "without",
    "won't",
    "work",
    "worked",
    "working",
    "works",
    "would",
    "wrong",
    "yes",
    "yesterday",
    "you",
    "your",
];

/// How Chinese descriptions after `密码：` begin (`错误`, `不对`, `忘了`…).
pub(super) const PLAIN_ZH: &[&str] = &[
    "错", "不", "忘", "正确", "对", "已", "被", "无效", "过期", "失效", "输错", "重置", "修改",
    "没", "未", "一直", "还是", "是", "在", "忘记", "锁", "太", "很", "也", "都",
];

#[cfg(test)]
mod tests {
    use super::super::context::with_ctx;
    use super::*;

    /// The word at `p` of `text` after a label of `rule`: where it ends, and whether it joins.
    fn link(text: &str, p: usize, rule: Rule) -> Option<(usize, bool)> {
        with_ctx(text, |ctx| link_word(ctx, p, rule))
    }

    #[test]
    fn words_that_join_a_label_to_its_value() {
        for (text, end) in [
            ("is x", 2),
            ("was x", 3),
            ("IS x", 2),
            ("it's x", 4),
            ("typed x", 5),
        ] {
            assert_eq!(link(text, 0, Rule::Pin), Some((end, true)), "{text}");
        }
        assert_eq!(
            link("x is y", 2, Rule::Pin),
            Some((4, true)),
            "read where it stands"
        );
        assert_eq!(
            link("is2 x", 0, Rule::Pin),
            None,
            "a word glued to a digit is a value"
        );
        assert_eq!(link("island x", 0, Rule::Pin), None, "a whole word");
        assert_eq!(link("1234", 0, Rule::Pin), None);
        assert_eq!(link("- x", 0, Rule::Pin), None);
    }

    #[test]
    fn words_that_only_stand_between() {
        assert_eq!(link("my x", 0, Rule::Pin), Some((2, false)));
        assert_eq!(link("still x", 0, Rule::Otp), Some((5, false)));
        // What a password may be the same as, for passwords only.
        assert_eq!(link("phone x", 0, Rule::Password), Some((5, false)));
        assert_eq!(link("phone x", 0, Rule::Pin), None);
        assert_eq!(link("tiger x", 0, Rule::Password), None);
    }

    #[test]
    fn a_verb_of_change_joins_with_its_to() {
        assert_eq!(link("reset to x", 0, Rule::Password), Some((8, true)));
        assert_eq!(link("changed it to x", 0, Rule::Password), Some((13, true)));
        assert_eq!(link("updated into x", 0, Rule::Password), Some((12, true)));
        assert_eq!(link("set x", 0, Rule::Password), None, "without `to`");
        assert_eq!(
            link("set tomato", 0, Rule::Password),
            None,
            "`to` is a whole word"
        );
        assert_eq!(link("set to1", 0, Rule::Password), None);
        assert_eq!(link("set it x", 0, Rule::Password), None);
        assert_eq!(link("x reset to y", 2, Rule::Password), Some((10, true)));
    }

    #[test]
    fn chinese_words_between_a_label_and_its_value() {
        assert_eq!(link("是abc", 0, Rule::Password), Some((1, true)));
        assert_eq!(
            link("改成了abc", 0, Rule::Password),
            Some((3, true)),
            "longest first"
        );
        assert_eq!(link("密码改成了abc", 2, Rule::Password), Some((5, true)));
        assert_eq!(link("我的abc", 0, Rule::Password), Some((2, false)));
        assert_eq!(link("密码我的abc", 2, Rule::Password), Some((4, false)));
        assert_eq!(link("的abc", 0, Rule::Password), Some((1, false)));
        assert_eq!(link("好abc", 0, Rule::Password), None);
        assert_eq!(link("", 0, Rule::Password), None);
    }

    #[test]
    fn back_links_are_read_longest_first() {
        let lengths: Vec<usize> = BACK_LINKS.iter().map(|w| w.chars().count()).collect();
        assert!(lengths.windows(2).all(|w| w[0] >= w[1]), "{BACK_LINKS:?}");
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [JOINS, BETWEEN, CHANGES, NOUNS, PLAIN] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{:?}",
                list.windows(2).find(|w| w[0] >= w[1])
            );
        }
    }
}
