//! Secrets found by their labels (see `labels`): passwords, PINs, payment passwords, CVVs,
//! one-time and backup codes. A value is looked for on both sides of its label, in the same
//! sentence:
//!
//! - after it, past what joins them (`:`, `=`, `→`, `—`, `#`, `(`, quotes, `is`, `was`, `set to`,
//!   `是`, `就是`, `改成了`…), a few other words (`the code they sent me was …`), the label and value
//!   of something support needs (`the PIN for the card ending 1234 is …`), and one line break
//!   (`PIN:` then the digits on the next line); a password may also be given in the next
//!   sentence as what it was reset or changed to;
//! - before it, joined by `is`, `was`, `as`, `-`, `是`… (`702518 was the SMS code`,
//!   `'Qwerty!234' as my password`, `abc123是我的密码`).
//!
//! Digits are taken typed together, one by one (`7 0 2 5 1 8`) or in groups (`702 518`), never
//! a date, a time, an amount, a decimal, a phone number or the start of a longer number. A
//! password is a word (`hunter2`), a quoted phrase, or after a colon a Chinese phrase; an
//! everyday word (`wrong`, `expired`) is not one.
//!
//! A finding is certain when a strong label names it and the value has the secret's shape; a
//! weak label (`code`, `码`), a plain word after `is`, or digits far from their label make it
//! uncertain.

use std::sync::LazyLock;

use regex::Regex;

use super::context::{Context, Finding};
use super::labels::{Label, Rule};
use super::normalize::{is_cjk, is_wide_punct};
use super::values::{
    Link, Value, accepts_words, closing_to_opening, is_marker, is_quote, is_quote_close, password,
    quoted, value_at,
};
use super::words::{BACK_LINKS, link_word};
use super::{Kind, codes, same_as};

/// How many words may stand between a label and its value, and how many Chinese characters.
const GAP_WORDS: usize = 4;
const GAP_CJK: usize = 10;

pub(super) fn find(ctx: &mut Context<'_>) {
    same_as::find(ctx);
    let labels: Vec<Label> = ctx
        .labels
        .iter()
        .filter(|l| l.rule.is_typed_secret())
        .copied()
        .collect();
    for label in labels {
        forward(ctx, label);
        backward(ctx, label);
    }
}

/// Looks after the label for its value.
fn forward(ctx: &mut Context<'_>, label: Label) {
    let view = ctx.view;
    let (mut rule, mut strong) = (label.rule, label.strong);
    let mut p = label.end;
    let mut link = Link::Bare;
    let (mut gap, mut cjk_gap, mut breaks) = (0, 0, 0);
    // After a password is taken, the rest of the sentence may correct it.
    let mut corrected = false;
    // `cvc code`, `密码 (password)`: at most one more label for the same secret.
    let mut repeated = false;
    // `password = my phone number 139…`: a phone number is then the value.
    let mut phone_is_value = false;
    // `Wrong password [E1002]`, `密码错误 (E1002)`: a bracketed code after a failure is the
    // error's.
    let mut failed = codes::failure_before(ctx, label.start);
    // `my pw is my dog's name rex2019`: a word or colon after the label links it to a value a
    // few words on, when that value has letters and digits.
    let mut linked = false;
    // `my password, call 139…`: a comma alone links only a value with a password's shape.
    let mut comma_only = false;
    while let Some(c) = view.at(p) {
        if is_marker(ctx, p) {
            // A value already removed: scanning a report again changes nothing.
            return;
        }
        match c {
            ' ' => p += 1,
            '\n' => {
                breaks += 1;
                if breaks > 1 || view.is(p + 1, |c| c == '\n') {
                    return;
                }
                p += 1;
            }
            // `my password? Dragon1988`, `PIN no. 1234`: right after the label, not an end.
            '?' if p == label.end => p += 1,
            // `my password's hunter2`
            '\'' | '’'
                if p == label.end
                    && view.is(p + 1, |c| c == 's')
                    && view.is(p + 2, |c| c == ' ') =>
            {
                link = Link::Word;
                p += 2;
            }
            '.' if p == label.end
                && view.before(p).is_some_and(|c| c.eq_ignore_ascii_case(&'o')) =>
            {
                p += 1;
            }
            c if ends_sentence(ctx, p, c) => {
                if rule == Rule::Password {
                    reset_to(ctx, p, label);
                }
                return;
            }
            c if is_quote(c)
                && accepts_words(rule)
                && !view.before(p).is_some_and(char::is_alphanumeric) =>
            {
                if let Some(value) = quoted(ctx, p, rule) {
                    take(ctx, value, strong, Link::Punct, rule, label);
                    return;
                }
                p += 1;
            }
            // `密码（支付宝）：sunshine`: what the secret is for, in brackets, then its value.
            '(' | '（' if qualifier_end(ctx, p).is_some() => {
                p = qualifier_end(ctx, p).unwrap_or(p + 1);
            }
            // `(02)2345-6789`: a phone number, not a value in brackets.
            '(' if codes::phone_at(ctx, p).is_some() && !phone_is_value => {
                gap += 1;
                if gap > GAP_WORDS {
                    return;
                }
                p = codes::phone_at(ctx, p).unwrap_or(p + 1);
            }
            c if is_joint(c) => {
                if matches!(
                    c,
                    ':' | '=' | '>' | '#' | '-' | '—' | '(' | '→' | '⇒' | '➜' | '➔' | '~' | '/'
                ) {
                    link = Link::Punct;
                    comma_only = false;
                } else if matches!(c, ',' | '，') && rule == Rule::Password {
                    // `我的密码就是我名字拼音加生日，liming0315`
                    comma_only |= link == Link::Bare;
                    link = link.max(Link::Word);
                }
                p += 1;
            }
            _ => {
                if let Some(next) = ctx.label_at(p) {
                    if corrected {
                        return;
                    }
                    match next.rule {
                        // `Incorrect PIN (code 55)`: a code of its own, an error's.
                        Rule::Code if link == Link::Punct && rule != Rule::Code => return,
                        // `cvc code`, `密码 (password)`, `CVV/CVC`: one label said twice.
                        r if r.is_typed_secret() && gap + cjk_gap == 0 && !repeated => {
                            repeated = true;
                            if rule == Rule::Code {
                                (rule, strong) = (r, next.strong);
                            }
                        }
                        Rule::Card | Rule::Identity => {
                            gap += 1;
                            // `PIN for card 6222 is 4821`: digits that name the card, then
                            // what joins the label to its value.
                            if let Some(past) = digits_naming_it(ctx, next.end, rule) {
                                p = past;
                                continue;
                            }
                        }
                        // `password = my phone number 139…`: what the password is the same as.
                        // Not `密碼跟電話都被改了`: the password and the phone, both changed.
                        Rule::Keep
                            if rule == Rule::Password && same_as::is_contact_noun(ctx, next) =>
                        {
                            phone_is_value |= link > Link::Bare;
                        }
                        r if r.is_kept() => {
                            gap += 1;
                            failed |= codes::failure_at(ctx, p).is_some();
                            p = skip_kept_value(ctx, next.end);
                            continue;
                        }
                        _ => return,
                    }
                    p = next.end;
                    continue;
                }
                if let Some((q, joins)) = link_word(ctx, p, rule) {
                    if joins {
                        link = link.max(Link::Word);
                        comma_only = false;
                    }
                    p = q;
                    continue;
                }
                // A phone number is never a code or a PIN, nor a password unless the label
                // gives it as one (`password: 13800138000`, `password = my phone 139…`).
                let given = phone_is_value
                    || (rule == Rule::Password && gap + cjk_gap == 0 && link == Link::Punct);
                if let Some(end) = codes::phone_at(ctx, p).filter(|_| !given) {
                    gap += 1;
                    if gap > GAP_WORDS {
                        return;
                    }
                    (p, link) = (end, Link::Bare);
                    continue;
                }
                // A password after other words needs a word or colon after them, and a
                // password's shape: `the pw for my app is …`, not `password reset link …`.
                if link > Link::Bare {
                    linked = true;
                }
                // `backup codes: 1. 7hd3-k2p0 2. …`: the list's numbers are not codes.
                if rule == Rule::Backup {
                    let past = numbering_end(ctx, p);
                    if past > p {
                        p = past;
                        continue;
                    }
                }
                let value = value_at(ctx, rule, p, link)
                    .filter(|v| {
                        v.kind != Kind::Password
                            || gap + cjk_gap == 0
                            || (link > Link::Bare && v.strong)
                            // `the password I use everywhere is dragonfly`: uncertain.
                            || (link == Link::Word && gap <= 4 && cjk_gap == 0)
                            || (linked
                                && gap <= 3
                                && cjk_gap <= 8
                                && (link == Link::Punct || letters_and_digits(ctx, v)))
                            || (linked && gap == 0 && cjk_gap <= 8 && is_digits(ctx, v, 4, 8))
                    })
                    .filter(|v| !corrected || (v.strong && link > Link::Bare))
                    .filter(|v| !comma_only || v.strong);
                // `the password I use everywhere is dragonfly`: a word that may be one, then
                // `is`, is not the value.
                let value = value.filter(|v| v.strong || !link_word_after(ctx, v.end, rule));
                if let Some(value) = value {
                    if failed && error_in_brackets(ctx, &value) {
                        return;
                    }
                    // `输入支付密码后显示 1002 错误`, `验证码一直报错 10003`: words between, then
                    // a code beside a failure or what an app showed.
                    if gap + cjk_gap > 0 && error_before_failure(ctx, &value) {
                        return;
                    }
                    take(ctx, value, strong, link, rule, label);
                    if rule != Rule::Password {
                        more_values(ctx, rule, value.end, strong, link, label);
                        return;
                    }
                    // `my password is sunshine2, no wait, it's sunshine3`: a correction in the
                    // same sentence, given as strongly.
                    (p, gap, cjk_gap, link, corrected) = (value.end, 0, 0, Link::Bare, true);
                    linked = false;
                    continue;
                }
                if let Some(end) = codes::failure_at(ctx, p) {
                    failed = true;
                    if is_cjk(c) {
                        cjk_gap += 1;
                    } else {
                        gap += 1;
                    }
                    if gap > GAP_WORDS || cjk_gap > GAP_CJK {
                        return;
                    }
                    (p, link) = (end, Link::Bare);
                    continue;
                }
                if is_cjk(c) {
                    cjk_gap += 1;
                    p += 1;
                } else {
                    gap += 1;
                    p = if c.is_ascii_digit() {
                        number_end(ctx, p)
                    } else {
                        token_end(ctx, p)
                    };
                }
                if gap > GAP_WORDS || cjk_gap > GAP_CJK {
                    return;
                }
                link = Link::Bare;
            }
        }
    }
}

/// Where a bracket opened at `open` closes, when what it holds says what a secret is for and a
/// colon follows: `（支付宝）：`, `(app) =`. Up to 20 characters, on one line, and no digit:
/// `PIN (4821):` holds the value itself.
fn qualifier_end(ctx: &Context<'_>, open: usize) -> Option<usize> {
    let view = ctx.view;
    let close = view.run_end_capped(open + 1, 20, |c| {
        !matches!(c, ')' | '）' | '\n') && !c.is_ascii_digit()
    });
    if close == open + 1 || !view.is(close, |c| matches!(c, ')' | '）')) {
        return None;
    }
    let after = view.run_end_capped(close + 1, 2, |c| c == ' ');
    view.is(after, |c| matches!(c, ':' | '：' | '='))
        .then_some(close + 1)
}

/// Whether a value stands alone in brackets and is shaped like an error code (`[E1002]`, and
/// `(51)` in an error message).
fn error_in_brackets(ctx: &Context<'_>, value: &Value) -> bool {
    let view = ctx.view;
    let open = view
        .before(value.start)
        .is_some_and(|c| matches!(c, '(' | '[' | '（' | '【'));
    let close = view.is(value.end, |c| matches!(c, ')' | ']' | '）' | '】'));
    open && close
        && codes::error_code_shaped(
            view.string(value.start, value.end),
            ctx.policy.keep_error_codes,
        )
}

/// Whether a value is `min..=max` ASCII digits and nothing else (`我女儿生日0815`).
fn is_digits(ctx: &Context<'_>, value: &Value, min: usize, max: usize) -> bool {
    let word = ctx.view.string(value.start, value.end);
    word.chars().all(|c| c.is_ascii_digit()) && (min..=max).contains(&word.len())
}

/// Where 4 to 6 digits right after a card or ID label at `end` end, when what follows them
/// joins a label to its value (`card 6222 is`, `卡6222的密码是`): the digits name the card.
fn digits_naming_it(ctx: &Context<'_>, end: usize, rule: Rule) -> Option<usize> {
    let view = ctx.view;
    let start = view.run_end_capped(end, 2, |c| c == ' ');
    // Seven read at most: more is no card's first or last digits.
    let digits = view.run_end_capped(start, 7, |c| c.is_ascii_digit());
    if !(4..=6).contains(&(digits - start)) {
        return None;
    }
    let at = view.run_end_capped(digits, 2, |c| c == ' ');
    let joins = view.is(at, |c| matches!(c, ':' | '：' | '='))
        || link_word(ctx, at, rule).is_some_and(|(_, joins)| joins);
    joins.then_some(digits)
}

/// Whether a word that joins a label to its value follows `end` (`everywhere is …`).
fn link_word_after(ctx: &Context<'_>, end: usize, rule: Rule) -> bool {
    let at = ctx.view.run_end_capped(end, 2, |c| c == ' ');
    at > end && link_word(ctx, at, rule).is_some_and(|(_, joins)| joins)
}

/// Whether a password has letters and digits and is not shaped like an error code (`rex2019`,
/// not `E1002`).
fn letters_and_digits(ctx: &Context<'_>, value: &Value) -> bool {
    let word = ctx.view.string(value.start, value.end);
    word.chars().any(|c| c.is_ascii_digit())
        && word.chars().any(|c| c.is_ascii_alphabetic())
        && !codes::error_code_shaped(word, false)
}

/// Whether a value shaped like an error code is followed by a failure word (`1002 错误`,
/// `E1002 failed`) or follows one, or a word of what an app showed (`提示：10003`).
fn error_before_failure(ctx: &Context<'_>, value: &Value) -> bool {
    let view = ctx.view;
    let after = view.run_end_capped(value.end, 2, |c| c == ' ');
    (codes::failure_at(ctx, after).is_some() || codes::said_before(ctx, value.start))
        && codes::error_code_shaped(view.string(value.start, value.end), true)
}

/// After a value: more of the same, joined by `and`, `or`, `then`, a comma (`tried PIN 2580 and
/// then 2850`); backup codes as long as the list goes, one a line or numbered (`2. 7hd3-k2p0`).
fn more_values(
    ctx: &mut Context<'_>,
    rule: Rule,
    mut p: usize,
    strong: bool,
    link: Link,
    label: Label,
) {
    let view = ctx.view;
    let most = if rule == Rule::Backup { usize::MAX } else { 3 };
    for _ in 0..most {
        let mut q = p;
        loop {
            let spaced = view.run_end(q, |c| {
                matches!(c, ' ' | ',' | '，' | '/' | '、' | ';' | '\n')
            });
            let spaced = if rule == Rule::Backup {
                numbering_end(ctx, spaced)
            } else {
                spaced
            };
            let word = [
                "and then", "and", "or", "then", "和", "或者", "或", "然后", "还有",
            ]
            .iter()
            .find(|w| {
                view.has(spaced, w)
                    && !view.is(spaced + w.chars().count(), |c| c.is_ascii_alphabetic())
            });
            if let Some(w) = word {
                q = spaced + w.chars().count();
            } else {
                q = spaced;
                break;
            }
        }
        // A value glued to the one before (`四八二九一三482913`) is more of it; a label is not.
        if ctx.label_at(q).is_some() {
            return;
        }
        let Some(value) = value_at(ctx, rule, q, link) else {
            return;
        };
        p = value.end;
        take(ctx, value, strong, link, rule, label);
    }
}

/// Past a list item's number (`2.`, `3)`, `#4`, `#4.`) and the spaces after it. A `#` may
/// already be behind `at`: the label's reading passes it as punctuation.
fn numbering_end(ctx: &Context<'_>, at: usize) -> usize {
    let view = ctx.view;
    let from = view.run_end_capped(at, 1, |c| c == '#' || c == '(');
    let hashed = view.is(at, |c| c == '#') || view.before(at) == Some('#');
    let digits = view.run_end_capped(from, 2, |c| c.is_ascii_digit());
    let space = |i: usize| view.is(i, |c| c == ' ' || c == '\n');
    let marked = view.is(digits, |c| matches!(c, '.' | ')' | ':')) && space(digits + 1);
    if digits > from && marked {
        view.run_end(digits + 1, |c| c == ' ' || c == '\n')
    } else if digits > from && hashed && space(digits) {
        view.run_end(digits, |c| c == ' ' || c == '\n')
    } else {
        at
    }
}

/// Looks before the label for its value: `702518 was the SMS code`.
fn backward(ctx: &mut Context<'_>, label: Label) {
    let view = ctx.view;
    let mut q = label.start;
    let mut linked = false;
    for _ in 0..5 {
        q = view_back_spaces(ctx, q);
        match back_link(ctx, q) {
            Some(from) => {
                // `my`, `the`, `的` only stand between: `he knows my password` has no value.
                let word = view.lower(from, q);
                linked |= !["my", "the", "a", "your", "our", "its", "我的", "的"]
                    .contains(&word.as_str());
                q = from;
            }
            None => break,
        }
    }
    if !linked {
        return;
    }
    let Some(start) = value_start_before(ctx, q) else {
        return;
    };
    let value = if view.is(start, is_quote) {
        // Between ASCII quotes, which also stand for apostrophes, only one word is sure to be
        // a value (`'Qwerty!234' as my password`).
        let apostrophes = view.is(start, |c| c == '\'');
        quoted(ctx, start, label.rule)
            .filter(|v| v.end + 1 == q)
            .filter(|v| {
                !apostrophes || !(v.start..v.end).any(|j| view.is(j, |c| c == ' ' || c == '\''))
            })
    } else {
        value_at(ctx, label.rule, start, Link::Word).filter(|v| v.end == q)
    };
    if let Some(value) = value {
        let kept = ctx
            .label_before(value.start)
            .is_some_and(|l| l.rule.is_kept());
        if !kept {
            take(ctx, value, label.strong, Link::Word, label.rule, label);
        }
    }
}

/// Back over spaces and at most one line break (`702518⏎that's the SMS code`).
fn view_back_spaces(ctx: &Context<'_>, mut q: usize) -> usize {
    let mut breaks = 0;
    while let Some(c @ (' ' | '\n')) = ctx.view.before(q) {
        if c == '\n' {
            breaks += 1;
            if breaks > 1 {
                break;
            }
        }
        q -= 1;
    }
    q
}

/// Where the link word or punctuation ending at `q` starts.
fn back_link(ctx: &Context<'_>, q: usize) -> Option<usize> {
    let view = ctx.view;
    if view
        .before(q)
        .is_some_and(|c| matches!(c, '=' | ':' | '-' | '—' | '–' | '→' | '←' | '('))
    {
        return Some(q - 1);
    }
    BACK_LINKS.iter().find_map(|w| {
        let len = w.chars().count();
        let from = q.checked_sub(len)?;
        let whole = !w.is_ascii() || !view.before(from).is_some_and(|c| c.is_ascii_alphanumeric());
        (view.has(from, w) && whole).then_some(from)
    })
}

/// Where a value ending at `q` starts: a quoted phrase, a run of digits (maybe spaced), or a
/// word.
fn value_start_before(ctx: &Context<'_>, q: usize) -> Option<usize> {
    let view = ctx.view;
    let last = view.before(q)?;
    if let Some(open) = closing_to_opening(last) {
        let mut j = q - 1;
        while j > 0 && q - j < 66 {
            j -= 1;
            if view.at(j) == Some(open) {
                return Some(j);
            }
        }
        return None;
    }
    let word_start = {
        let mut j = q;
        while view
            .before(j)
            .is_some_and(|c| !c.is_whitespace() && !is_cjk(c) && !is_wide_punct(c))
            && q - j < 64
        {
            j -= 1;
        }
        j
    };
    let all_digits = view
        .string(word_start, q)
        .chars()
        .all(|c| c.is_ascii_digit());
    if last.is_ascii_digit() && all_digits {
        let mut j = q;
        while view.before(j).is_some_and(|c| c.is_ascii_digit())
            || (view.before(j).is_some_and(|c| c == ' ' || c == '-')
                && j >= 2
                && view.before(j - 1).is_some_and(|c| c.is_ascii_digit()))
        {
            j -= 1;
        }
        return Some(j);
    }
    (word_start < q).then_some(word_start)
}

/// Records a value found for `label` (read as a label of `rule`), certain or not. In an error
/// message, a bare `code` is the error's unless its sentence says the code was sent to the user;
/// elsewhere, when in brackets or beside words of an error (`codes::an_errors`).
fn take(
    ctx: &mut Context<'_>,
    value: Value,
    strong_label: bool,
    link: Link,
    rule: Rule,
    label: Label,
) {
    let errors = || {
        if ctx.policy.keep_error_codes {
            !codes::sent_to_user(ctx, label)
        } else {
            codes::an_errors(ctx, label, ctx.view.string(value.start, value.end))
        }
    };
    if (rule == Rule::Code && errors()) || beside_a_removed_value(ctx, &value) {
        return;
    }
    let certain = strong_label
        && match value.kind {
            Kind::Password => value.strong || link == Link::Punct,
            _ => value.strong,
        };
    ctx.add(Finding {
        start: value.start,
        end: value.end,
        kind: value.kind,
        certain,
        mask: None,
    });
}

/// Whether `value` touches a masked or removed value (`204•••2004`, `55114[removed]`), with at
/// most a replacement character between: it was part of that value when the text was first
/// scanned, so it is no value of its own when a report is scanned again.
fn beside_a_removed_value(ctx: &Context<'_>, value: &Value) -> bool {
    let view = ctx.view;
    let glue = |c: Option<char>| c == Some('\u{fffd}');
    let after = if glue(view.at(value.end)) {
        value.end + 1
    } else {
        value.end
    };
    let before = if glue(view.before(value.start)) {
        value.start - 1
    } else {
        value.start
    };
    let marker_ends_before = |marker: &&str| {
        before
            .checked_sub(marker.chars().count())
            .is_some_and(|p| view.has(p, marker))
    };
    is_marker(ctx, after)
        || view.before(before) == Some('•')
        || [super::REMOVED, super::REMOVED_ZH]
            .iter()
            .any(marker_ends_before)
}

/// Skips the value that follows the label of something support needs (`ending 1234`,
/// `order 2026…`, `¥59.90`, `错误 (E1002)`).
fn skip_kept_value(ctx: &Context<'_>, end: usize) -> usize {
    let view = ctx.view;
    let mut at = view.run_end_capped(end, 4, |c| {
        matches!(
            c,
            ' ' | ':' | '#' | '.' | '-' | '=' | '¥' | '$' | '€' | '(' | '[' | '（' | '【'
        )
    });
    // `电话是 …`, `電話係 …`, `phone is …`
    if let Some(word) = ["是", "係", "为", "為", "is "]
        .iter()
        .find(|w| view.has(at, w))
    {
        at = view.run_end_capped(at + word.chars().count(), 2, |c| c == ' ' || c == ':');
    }
    // `phone 6123 4567`: a phone number whole, not its first group.
    if let Some(phone) = codes::phone_at(ctx, at).or_else(|| codes::local_phone_at(ctx, at)) {
        return phone;
    }
    let to = view.run_end(at, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ',' | ':' | '/')
    });
    if to > at {
        view.run_end_capped(to, 1, |c| matches!(c, ')' | ']' | '）' | '】'))
    } else {
        end
    }
}

/// Where the number at `p` ends, with every group of it (`+86 138 0013 8000`).
fn number_end(ctx: &Context<'_>, p: usize) -> usize {
    let view = ctx.view;
    let mut end = view.run_end(p, |c| c.is_ascii_digit());
    while view.is(end, |c| matches!(c, ' ' | '-' | '.' | ':' | '/' | ','))
        && view.is(end + 1, |c| c.is_ascii_digit())
    {
        end = view.run_end(end + 1, |c| c.is_ascii_digit());
    }
    end
}

/// Where the word or number at `p` ends (`I've` is one word).
fn token_end(ctx: &Context<'_>, p: usize) -> usize {
    let view = ctx.view;
    let mut end = p;
    loop {
        end = view.run_end(end, |c| {
            !c.is_whitespace()
                && !is_cjk(c)
                && !is_wide_punct(c)
                && !is_joint(c)
                && !matches!(c, '.' | '!' | '?' | ';')
        });
        let apostrophe = view.is(end, |c| c == '\'' || c == '’')
            && view.before(end).is_some_and(char::is_alphabetic)
            && view.is(end + 1, char::is_alphabetic);
        if !apostrophe {
            break;
        }
        end += 1;
    }
    end.max(p + 1)
}

/// In the next sentence after a password label, what the password was reset or changed to:
/// `Someone changed my password. It was reset to Xk92!mq by someone.`
fn reset_to(ctx: &mut Context<'_>, at: usize, label: Label) {
    static PHRASE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:reset|changed|set|updated|switched|modified)\s+(?:it\s+)?(?:to|into)\s+|改成了?|改为|改為|重置为|重置成|换成了?|设置为|设置成|设为").ok()
    });
    let Some(phrase) = PHRASE.as_ref() else {
        return;
    };
    let view = ctx.view;
    let to = view.run_end_capped(at + 1, 160, |c| {
        !matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '\n')
    });
    let sentence = view.string(at + 1, to);
    let Some(m) = phrase.find(sentence) else {
        return;
    };
    let start = at + 1 + sentence.get(..m.end()).map_or(0, |s| s.chars().count());
    if let Some(value) = password(ctx, start, Link::Word).filter(|v| v.strong) {
        take(ctx, value, label.strong, Link::Punct, Rule::Password, label);
    }
}

fn ends_sentence(ctx: &Context<'_>, p: usize, c: char) -> bool {
    match c {
        '!' | '?' | '。' | '！' | '？' | ';' | '；' | '…' => true,
        '.' => !ctx.view.is(p + 1, |n| n.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// Punctuation between a label and its value.
fn is_joint(c: char) -> bool {
    matches!(
        c,
        ':' | '='
            | '>'
            | '→'
            | '⇒'
            | '➜'
            | '➔'
            | '#'
            | '-'
            | '—'
            | '–'
            | '~'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '*'
            | '|'
            | '/'
            | ','
            | '，'
            | '、'
            | '<'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '《'
            | '》'
    ) || is_quote(c)
        || is_quote_close(c)
}

#[cfg(test)]
mod tests;
