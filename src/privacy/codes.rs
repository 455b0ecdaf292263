//! What tells a value support needs from a secret beside it, where the label alone cannot:
//!
//! - the shapes of error codes (`51`, `05`, `403`, `E1002`, `ERR_CARD_DECLINED`, `AE-1002`,
//!   `0x80070005`), so that `Wrong password [E1002]` keeps its code;
//! - the words that make a bare `code` a one-time code (`texted`, `sent me`, `do not share`,
//!   `expires`, `短信`, `请勿泄露`) or an error's code (`failed`, `declined`, `(code 4012)`,
//!   `错误`): in an error message a bare `code` is the error's, unless its sentence says it was
//!   sent to the user;
//! - failure words (`wrong`, `incorrect`, `错误`), after which a bracketed code is the error's;
//! - phone numbers (`07700 900123`, `(415) 555-0132`, `+86 138 0013 8000`, `138-0013-8000`),
//!   never a PIN, a code or a password unless a password is said to be one.

use super::context::Context;
use super::labels::Label;
use super::normalize::is_cjk;

/// Whether `token` is shaped like an error code: letters in capitals with digits (`E1002`,
/// `AE-1002`, `R01`), capitals and underscores (`ERR_CARD_DECLINED`), a hex number (`0x80070005`)
/// or, when `digits` allows it, 2 to 5 digits (`51`, `403`, `4012`).
pub(super) fn error_code_shaped(token: &str, digits: bool) -> bool {
    let len = token.chars().count();
    if token.is_empty() || len > 40 {
        return false;
    }
    if token.chars().all(|c| c.is_ascii_digit()) {
        return digits && (2..=5).contains(&len);
    }
    if let Some(hex) = token.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let capitals = token
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-' || c == '.');
    let letters = token.chars().filter(char::is_ascii_uppercase).count();
    let numerals = token.chars().filter(char::is_ascii_digit).count();
    let starts_letter = token.starts_with(|c: char| c.is_ascii_uppercase());
    capitals
        && starts_letter
        && ((numerals >= 2 && letters <= 4) || (numerals == 0 && token.contains('_')))
}

/// Words that say something failed: after them, a bracketed code is the error's.
const FAILURE: &[&str] = &[
    "declined",
    "denied",
    "error",
    "failed",
    "failure",
    "incorrect",
    "invalid",
    "mismatch",
    "rejected",
    "wrong",
];

const FAILURE_ZH: &[&str] = &[
    "错误",
    "錯誤",
    "不正确",
    "不對",
    "不对",
    "失败",
    "失敗",
    "无效",
    "無效",
    "失效",
];

/// Whether a failure word is among the two words before `at` (`Wrong password`, `Invalid PIN`).
pub(super) fn failure_before(ctx: &Context<'_>, at: usize) -> bool {
    let view = ctx.view;
    let mut end = at;
    for _ in 0..2 {
        while view.before(end) == Some(' ') {
            end -= 1;
        }
        if FAILURE_ZH.iter().any(|w| {
            end.checked_sub(w.chars().count())
                .is_some_and(|from| view.has(from, w))
        }) {
            return true;
        }
        let mut start = end;
        while view.before(start).is_some_and(|c| c.is_ascii_alphabetic()) && end - start < 12 {
            start -= 1;
        }
        if start == end {
            return false;
        }
        let word = view.lower(start, end);
        if FAILURE.contains(&word.as_str()) {
            return true;
        }
        end = start;
    }
    false
}

/// Whether a word that says something failed or what an app showed ends right before `at`,
/// past spaces and a colon: `提示：10003`, `报错 10003`, `shows 0051`, `错误 2003`.
pub(super) fn said_before(ctx: &Context<'_>, at: usize) -> bool {
    let view = ctx.view;
    let mut end = at;
    for _ in 0..3 {
        if view
            .before(end)
            .is_some_and(|c| matches!(c, ' ' | ':' | '：'))
        {
            end -= 1;
        }
    }
    let ends_with = |w: &&str| {
        end.checked_sub(w.chars().count())
            .is_some_and(|from| view.has(from, w))
    };
    if FAILURE_ZH.iter().any(ends_with) || SHOWN_ZH.iter().any(ends_with) {
        return true;
    }
    let mut start = end;
    while view.before(start).is_some_and(|c| c.is_ascii_alphabetic()) && end - start < 12 {
        start -= 1;
    }
    let word = view.lower(start, end);
    FAILURE.contains(&word.as_str())
        || SHOWN.binary_search(&word.as_str()).is_ok()
        || ERRORS.binary_search(&word.as_str()).is_ok()
}

/// Whether the failure word is at `p`, and where it ends.
pub(super) fn failure_at(ctx: &Context<'_>, p: usize) -> Option<usize> {
    let view = ctx.view;
    if let Some(w) = FAILURE_ZH.iter().find(|w| view.has(p, w)) {
        return Some(p + w.chars().count());
    }
    if view.before(p).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = view.run_end_capped(p, 12, |c| c.is_ascii_alphabetic());
    let word = view.lower(p, end);
    FAILURE.contains(&word.as_str()).then_some(end)
}

/// Words in a sentence that say its bare `code` was sent to the user: a one-time code.
const ONE_TIME: &[&str] = &[
    "enter",
    "entered",
    "expire",
    "expired",
    "expires",
    "got",
    "incorrect",
    "invalid",
    "message",
    "received",
    "resend",
    "sent",
    "share",
    "sms",
    "text",
    "texted",
    "texts",
    "typed",
    "valid",
    "verify",
    "wrong",
];

const ONE_TIME_ZH: &[&str] = &[
    "短信", "简讯", "簡訊", "发来", "發來", "发送", "收到", "输入", "輸入", "有效", "泄露", "洩露",
    "告诉", "验证",
];

/// Words in a sentence that make its bare `code` an error's.
const ERRORS: &[&str] = &[
    "decline", "declined", "err", "errno", "error", "failed", "failure", "http", "reason",
    "response", "result", "status",
];

const ERRORS_ZH: &[&str] = &[
    "失败", "失敗", "错误", "錯誤", "异常", "異常", "拒绝", "拒絕",
];

/// How far around a label its sentence is read for clues, in characters each way.
const REACH: usize = 80;

/// Words that say what an app showed (`显示 code 0051`): an error's code, unless the sentence
/// says the code was sent to the user.
const SHOWN: &[&str] = &[
    "displayed",
    "displays",
    "said",
    "says",
    "showed",
    "showing",
    "shown",
    "shows",
];

const SHOWN_ZH: &[&str] = &[
    "显示",
    "顯示",
    "提示",
    "报错",
    "報錯",
    "报",
    "報",
    "系统说",
    "系統說",
    "弹出",
    "彈出",
];

/// What the sentence around a bare `code` (or `码`) says about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Clues {
    /// A word says the code was sent to the user (`texted`, `短信`).
    one_time: bool,
    /// A word of an error (`failed`, `错误`).
    error: bool,
    /// A word says an app showed it (`显示`, `shows`).
    shown: bool,
}

/// Whether the bare `code` (or `码`) `label` names a one-time code: its sentence, or the one
/// after, has a word that says the code was sent to the user, and no word of an error, and the
/// label is not in brackets (`(code 4012)`).
pub(super) fn sent_to_user(ctx: &Context<'_>, label: Label) -> bool {
    let clues = clues(ctx, label);
    !bracketed(ctx, label) && clues.one_time && !clues.error
}

/// Whether the bare `code` (or `码`) `label` names an error's code even where a question does
/// not ask for an error message: in brackets (`[code 100131]`), or shaped like an error code in
/// a sentence of an error or of what an app showed that says nothing of a code sent to the
/// user (`App 显示 code 0051`; not `payment failed, the code was 228014`).
pub(super) fn an_errors(ctx: &Context<'_>, label: Label, value: &str) -> bool {
    if bracketed(ctx, label) {
        return true;
    }
    let clues = clues(ctx, label);
    (clues.error || clues.shown) && !clues.one_time && error_code_shaped(value, true)
}

/// Whether the label is in brackets (`(code 4012)`, `[code 100131]`).
fn bracketed(ctx: &Context<'_>, label: Label) -> bool {
    let view = ctx.view;
    let mut open = label.start;
    while view.before(open) == Some(' ') {
        open -= 1;
    }
    view.before(open)
        .is_some_and(|c| matches!(c, '(' | '[' | '（' | '【'))
}

fn clues(ctx: &Context<'_>, label: Label) -> Clues {
    let view = ctx.view;
    let mut clues = Clues::default();
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '\n');
    let mut from = label.start;
    while from > 0 && label.start - from < REACH && !view.before(from).is_some_and(ends) {
        from -= 1;
    }
    // The sentence, and the one after it (`Your code is 482913. Do not share it.`).
    let mut to = label.end;
    let mut sentences = 0;
    while to - label.end < REACH && view.at(to).is_some() {
        if view.is(to, ends) && !view.is(to + 1, |c| c.is_ascii_alphanumeric()) {
            sentences += 1;
            if sentences == 2 {
                break;
            }
        }
        to += 1;
    }
    let mut j = from;
    while j < to {
        let Some(c) = view.at(j) else { break };
        if c.is_ascii_alphabetic() {
            let end = view.run_end_capped(j, 16, |c| c.is_ascii_alphabetic());
            let word = view.lower(j, end);
            clues.one_time |= ONE_TIME.binary_search(&word.as_str()).is_ok();
            clues.error |= ERRORS.binary_search(&word.as_str()).is_ok();
            clues.shown |= SHOWN.binary_search(&word.as_str()).is_ok();
            j = view.run_end(end, |c| c.is_ascii_alphabetic());
            continue;
        }
        if is_cjk(c) {
            clues.one_time |= ONE_TIME_ZH.iter().any(|w| view.has(j, w));
            clues.error |= ERRORS_ZH.iter().any(|w| view.has(j, w));
            clues.shown |= SHOWN_ZH.iter().any(|w| view.has(j, w));
        }
        j += 1;
    }
    clues
}

/// Where a phone number starting at `p` ends: `+` and a country code, an area code in brackets
/// (`(415) 555-0132`), or 10 to 13 digits in groups (`07700 900123`, `138-0013-8000`).
pub(super) fn phone_at(ctx: &Context<'_>, p: usize) -> Option<usize> {
    let view = ctx.view;
    let first = view.at(p)?;
    let digits_from = match first {
        '+' if view.is(p + 1, |c| c.is_ascii_digit()) => p + 1,
        '(' => {
            let close = view.run_end_capped(p + 1, 5, |c| c.is_ascii_digit());
            let area = close - p - 1;
            if !(2..=5).contains(&area) || !view.is(close, |c| c == ')') {
                return None;
            }
            let next = view.run_end_capped(close + 1, 2, |c| c == ' ' || c == '-');
            let (end, count) = grouped_digits(ctx, next);
            // `(02)2345-6789`, but not `(51) 1234`.
            return (count >= 7 || (area >= 3 && end > next)).then_some(end);
        }
        c if c.is_ascii_digit() => p,
        _ => return None,
    };
    let (end, count) = grouped_digits(ctx, digits_from);
    let plus = digits_from > p;
    ((plus && count >= 7) || (10..=13).contains(&count)).then_some(end)
}

/// Where an 8-digit local number in two groups of 4 starting at `p` ends (`6123 4567`,
/// `6123-4567`, as Hong Kong and Singapore write them): a phone only where a contact word
/// says so.
pub(super) fn local_phone_at(ctx: &Context<'_>, p: usize) -> Option<usize> {
    let view = ctx.view;
    let four = |at: usize| view.run_end_capped(at, 5, |c| c.is_ascii_digit()) == at + 4;
    let shaped = four(p)
        && view.is(p + 4, |c| c == ' ' || c == '-')
        && four(p + 5)
        && !view.is(p + 9, |c| c.is_ascii_alphanumeric())
        && !view.before(p).is_some_and(|c| c.is_ascii_alphanumeric());
    shaped.then_some(p + 9)
}

/// Digits in groups joined by one space, dash or dot: where they end, and how many.
fn grouped_digits(ctx: &Context<'_>, p: usize) -> (usize, usize) {
    let view = ctx.view;
    let mut end = view.run_end(p, |c| c.is_ascii_digit());
    let mut count = end - p;
    while view.is(end, |c| matches!(c, ' ' | '-' | '.'))
        && view.is(end + 1, |c| c.is_ascii_digit())
        && count < 16
    {
        let next = view.run_end(end + 1, |c| c.is_ascii_digit());
        count += next - end - 1;
        end = next;
    }
    (end, count)
}

#[cfg(test)]
mod tests {
    use super::super::Policy;
    use super::super::context::with_ctx;
    use super::*;

    #[test]
    fn error_code_shapes() {
        for code in ["E1002", "AE-1002", "R01", "ERR_CARD_DECLINED", "0x80070005"] {
            assert!(error_code_shaped(code, false), "{code}");
        }
        assert!(error_code_shaped("51", true) && error_code_shaped("4012", true));
        assert!(!error_code_shaped("51", false));
        assert!(!error_code_shaped("482913", true));
        // Forty characters at most: `ERR_` and 36 more is a code, one more is not.
        let longest = format!("ERR_{}", "X_".repeat(18));
        assert_eq!(longest.len(), 40);
        assert!(error_code_shaped(&longest, false));
        assert!(!error_code_shaped(&format!("{longest}X"), false));
        // A hex code has hex digits after its `0x`.
        assert!(!error_code_shaped("0x", false) && !error_code_shaped("0xZZ", false));
        for not in [
            "Hunter2!",
            "hunter22",
            "Sunny2023",
            "abc",
            "",
            "E",
            "TOOLONGPREFIX12",
        ] {
            assert!(!error_code_shaped(not, true), "{not}");
        }
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [ONE_TIME, ERRORS, SHOWN] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn in_an_error_message_a_bare_code_sent_to_the_user_is_removed_and_one_in_brackets_kept() {
        let policy = Policy {
            keep_error_codes: true,
            ..Policy::default()
        };
        for (text, removed) in [
            ("the code 402817 was texted to me", true),
            ("短信发来的码 402817 我也输了", true),
            ("the app showed (code 402817), texted to me", false),
            ("it said code 4012", false),
        ] {
            let out = super::super::scan(text, policy);
            assert_eq!(
                !out.changes.is_empty(),
                removed,
                "{text}: {:?}",
                out.changes
            );
        }
    }

    #[test]
    fn phone_numbers_however_written() {
        for (text, len) in [
            ("07700 900123 is me", 12),
            ("(415) 555-0132.", 14),
            ("+86 138 0013 8000", 17),
            ("138-0013-8000", 13),
            ("13800138000", 11),
            ("415.555.0132", 12),
        ] {
            with_ctx(text, |ctx| {
                assert_eq!(phone_at(ctx, 0), Some(len), "{text}");
            });
        }
        with_ctx("(02)2345-6789", |ctx| {
            assert_eq!(phone_at(ctx, 0), Some(13));
        });
        with_ctx("6123-4567", |ctx| {
            assert_eq!(local_phone_at(ctx, 0), Some(9));
        });
        for text in [
            "482913",
            "4821 2580",
            "(51)",
            "(51) 1234",
            "2026-11-21",
            "+x",
        ] {
            with_ctx(text, |ctx| assert_eq!(phone_at(ctx, 0), None, "{text}"));
        }
    }

    #[test]
    fn failure_words_before_a_label() {
        with_ctx("Wrong password", |ctx| assert!(failure_before(ctx, 6)));
        with_ctx("the invalid  PIN", |ctx| assert!(failure_before(ctx, 13)));
        with_ctx("支付密码错误", |ctx| {
            assert_eq!(failure_at(ctx, 4), Some(6));
        });
        with_ctx("my password", |ctx| assert!(!failure_before(ctx, 3)));
        with_ctx("wrongly", |ctx| assert_eq!(failure_at(ctx, 0), None));
    }

    /// What a bare `code` in an error message is, by the words around it: with
    /// `keep_error_codes`, an error's code stays unless its sentence says it was sent.
    #[track_caller]
    fn read_as(text: &str, expected: &str) {
        let policy = Policy {
            keep_error_codes: true,
            ..Policy::default()
        };
        assert_eq!(super::super::scan(text, policy).text, expected, "{text:?}");
    }

    #[test]
    fn a_code_reads_its_sentence_eighty_characters_each_way() {
        // `~` is neither a word nor a sentence's end.
        let pad = |n: usize| "~".repeat(n);
        let before = |n: usize| format!("sent{}code 4012", pad(n));
        read_as(&before(76), &format!("sent{}code [removed]", pad(76)));
        read_as(&before(77), &before(77));
        let far = format!("sent me{}code 4012", pad(100));
        read_as(&far, &far);
        let after = |n: usize| format!("code 4012{}sent", pad(n));
        read_as(&after(74), &format!("code [removed]{}sent", pad(74)));
        read_as(&after(75), &after(75));
    }

    #[test]
    fn a_code_reads_its_sentence_and_the_next_one_only() {
        read_as("code 4012. It was sent.", "code [removed]. It was sent.");
        read_as(
            "code 4012. Fine. It was sent.",
            "code 4012. Fine. It was sent.",
        );
    }

    #[test]
    fn a_word_of_an_error_outweighs_a_word_of_sending() {
        read_as(
            "we sent code 4012 but it failed",
            "we sent code 4012 but it failed",
        );
        read_as(
            "收到短信 code 4012 但支付失败",
            "收到短信 code 4012 但支付失败",
        );
        // Spaces inside the bracket still make it the error's code.
        read_as("Card ( code 4012) sent", "Card ( code 4012) sent");
    }

    #[test]
    fn phone_numbers_at_their_edges() {
        for (text, len) in [
            // A country code and a short local number (Andorra: six digits).
            ("+376 712 345", 12),
            // Up to two spaces or dashes after the area code's bracket.
            ("(415)- 555-0132", 15),
            // A three-digit area code and any digits after it.
            ("(415) 1234", 10),
        ] {
            with_ctx(text, |ctx| {
                assert_eq!(phone_at(ctx, 0), Some(len), "{text}");
            });
        }
        // Sixteen digits at most are read as one number's groups.
        with_ctx("+1234 5678 9012 3456 78", |ctx| {
            assert_eq!(phone_at(ctx, 0), Some(20));
        });
        // A local number: four digits, a space or dash, four more, anywhere in the text.
        with_ctx("6123 4567", |ctx| {
            assert_eq!(local_phone_at(ctx, 0), Some(9));
        });
        with_ctx(" 6123 4567", |ctx| {
            assert_eq!(local_phone_at(ctx, 1), Some(10));
        });
        for text in ["1234 567", "12345"] {
            with_ctx(text, |ctx| {
                assert_eq!(local_phone_at(ctx, 0), None, "{text}");
            });
        }
        // A phone number starts with `+`, `(` or a digit.
        for text in ["+ 86 138 0013 8000", " 415 555 0132", "(415 555-0132"] {
            with_ctx(text, |ctx| assert_eq!(phone_at(ctx, 0), None, "{text}"));
        }
    }
}
