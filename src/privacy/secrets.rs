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

use super::Kind;
use super::context::{Context, Finding};
use super::labels::{Label, Rule};
use super::normalize::{is_cjk, is_wide_punct};

/// How many words may stand between a label and its value, and how many Chinese characters.
const GAP_WORDS: usize = 4;
const GAP_CJK: usize = 10;

/// How a label is joined to its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Link {
    /// Nothing but spaces: `pin 1234`.
    Bare,
    /// A word: `is`, `was`, `是`.
    Word,
    /// Punctuation that introduces a value: `:`, `=`, `→`, a dash, a quote.
    Punct,
}

/// A value found for a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Value {
    start: usize,
    end: usize,
    kind: Kind,
    /// Shaped like the secret for sure (`Tiger!2024`, 6 digits after a code label).
    strong: bool,
}

pub(super) fn find(ctx: &mut Context<'_>) {
    same_as(ctx);
    let labels: Vec<Label> = ctx
        .labels
        .iter()
        .filter(|l| l.rule.is_secret() && !matches!(l.rule, Rule::Seed | Rule::Key))
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
            '.' if p == label.end
                && view.before(p).is_some_and(|c| c.eq_ignore_ascii_case(&'o')) =>
            {
                p += 1
            }
            c if ends_sentence(ctx, p, c) => {
                if rule == Rule::Password {
                    reset_to(ctx, p, strong);
                }
                return;
            }
            c if is_quote(c)
                && accepts_words(rule)
                && !view.before(p).is_some_and(char::is_alphanumeric) =>
            {
                if let Some(value) = quoted(ctx, p, rule) {
                    take(ctx, value, strong, Link::Punct, rule);
                    return;
                }
                p += 1;
            }
            c if is_joint(c) => {
                if matches!(
                    c,
                    ':' | '=' | '>' | '#' | '-' | '—' | '(' | '→' | '⇒' | '➜' | '➔' | '~' | '/'
                ) {
                    link = Link::Punct;
                } else if matches!(c, ',' | '，') && rule == Rule::Password {
                    // `我的密码就是我名字拼音加生日，liming0315`
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
                        // `cvc code`, `密码 (password)`, `CVV/CVC`: one label said twice.
                        r if r.is_secret()
                            && gap + cjk_gap == 0
                            && !repeated
                            && !matches!(r, Rule::Seed | Rule::Key) =>
                        {
                            repeated = true;
                            if rule == Rule::Code {
                                (rule, strong) = (r, next.strong);
                            }
                        }
                        Rule::Card | Rule::Identity => gap += 1,
                        // `password = my phone number 139…`: what the password is the same as.
                        Rule::Keep if rule == Rule::Password && is_contact_noun(ctx, next) => {}
                        r if r.is_kept() => {
                            gap += 1;
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
                    }
                    p = q;
                    continue;
                }
                // A password after other words needs a word or colon after them:
                // `the pw for my app is …`, not `password reset link …`.
                let value = value_at(ctx, rule, p, link)
                    .filter(|v| gap + cjk_gap == 0 || link > Link::Bare || v.kind != Kind::Password)
                    .filter(|v| {
                        !corrected || (v.strong && link > Link::Bare && !is_number(ctx, v))
                    });
                if let Some(value) = value {
                    take(ctx, value, strong, link, rule);
                    if rule != Rule::Password {
                        more_values(ctx, rule, value.end, strong, link);
                        return;
                    }
                    // `my password is sunshine2, no wait, it's sunshine3`: a correction in the
                    // same sentence, given as strongly.
                    (p, gap, cjk_gap, link, corrected) = (value.end, 0, 0, Link::Bare, true);
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

/// After a value: more of the same, joined by `and`, `or`, `then`, a comma (`tried PIN 2580 and
/// then 2850`).
fn more_values(ctx: &mut Context<'_>, rule: Rule, mut p: usize, strong: bool, link: Link) {
    let view = ctx.view;
    for _ in 0..3 {
        let mut q = p;
        loop {
            let spaced = view.run_end(q, |c| matches!(c, ' ' | ',' | '，' | '/' | '、' | '\n'));
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
        if q == p || ctx.label_at(q).is_some() {
            return;
        }
        let Some(value) = value_at(ctx, rule, q, link)
            .filter(|v| v.kind != Kind::Password || rule == Rule::Backup)
        else {
            return;
        };
        p = value.end;
        take(ctx, value, strong, link, rule);
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
                linked = true;
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
        quoted(ctx, start, label.rule).filter(|v| v.end + 1 == q)
    } else {
        value_at(ctx, label.rule, start, Link::Word).filter(|v| v.end == q)
    };
    if let Some(value) = value {
        let kept = ctx
            .label_before(value.start)
            .is_some_and(|l| l.rule.is_kept());
        if !kept {
            take(ctx, value, label.strong, Link::Word, label.rule);
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

/// Words that join a value to the label after it (`702518 was the code`, `abc是我的密码`),
/// longest first so `我的` is read before `的`.
const BACK_LINKS: &[&str] = &[
    "that is", "that's", "thats", "it's", "your", "this", "was", "the", "our", "its", "这是",
    "那是", "这个", "那个", "這個", "那個", "就是", "作为", "当作", "我的", "is", "as", "be", "my",
    "a", "是", "为", "為", "的",
];

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

/// Records a value found for a label of `rule`, certain or not.
fn take(ctx: &mut Context<'_>, value: Value, strong_label: bool, link: Link, rule: Rule) {
    if ctx.policy.keep_error_codes && rule == Rule::Code {
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

/// The value at `p` for a label of `rule`, if it has the secret's shape.
fn value_at(ctx: &Context<'_>, rule: Rule, p: usize, link: Link) -> Option<Value> {
    let view = ctx.view;
    let c = view.at(p)?;
    if ctx.taken(p, p + 1) || is_marker(ctx, p) {
        return None;
    }
    let digits = |min, max, kind: Kind| {
        let (end, count) = digits_at(ctx, p, min, max)?;
        let strong = match kind {
            Kind::Cvv => count == 3 || count == 4,
            Kind::Pin => count == 4 || count == 6,
            Kind::VerificationCode => count == 6 || rule != Rule::Code,
            _ => true,
        };
        Some(Value {
            start: p,
            end,
            kind,
            strong,
        })
    };
    if c.is_ascii_digit() {
        let value = match rule {
            Rule::Password => digits(4, 16, Kind::Password),
            Rule::Pin => digits(4, 12, Kind::Pin),
            Rule::PaymentPassword => digits(4, 8, Kind::Pin),
            Rule::Cvv => digits(3, 4, Kind::Cvv),
            Rule::SecurityCode => digits(3, 8, Kind::VerificationCode).map(|v| {
                let count = view
                    .string(v.start, v.end)
                    .chars()
                    .filter(char::is_ascii_digit)
                    .count();
                if count <= 4 {
                    Value {
                        kind: Kind::Cvv,
                        ..v
                    }
                } else {
                    v
                }
            }),
            Rule::Otp | Rule::Code => digits(4, 8, Kind::VerificationCode),
            Rule::Backup => backup_code(ctx, p),
            _ => None,
        };
        if value.is_some()
            || !matches!(
                rule,
                Rule::Password | Rule::PaymentPassword | Rule::Otp | Rule::Backup
            )
        {
            return value;
        }
    }
    match rule {
        Rule::Password => password(ctx, p, link),
        Rule::PaymentPassword => password(ctx, p, link).filter(|v| v.strong).map(|v| Value {
            kind: Kind::Pin,
            ..v
        }),
        Rule::Otp => alphanumeric_code(ctx, p),
        Rule::Backup => backup_code(ctx, p),
        _ => None,
    }
}

/// `min..=max` digits at `p`: typed together, one by one with spaces, or in groups of 2–4 with
/// single spaces (or equal groups of 3+ with dashes). Never the start of a longer number, a
/// decimal, a date, a time, an amount or a phone number. Where they end and how many.
fn digits_at(ctx: &Context<'_>, p: usize, min: usize, max: usize) -> Option<(usize, usize)> {
    let view = ctx.view;
    match view.before(p) {
        Some(c) if c.is_ascii_alphanumeric() && !is_cjk(c) => return None,
        // Inside a number: `138 0013 8000` has no code at `0013` (but `CVC2 123` has one).
        Some(' ' | '-') if p >= 2 && view.before(p - 1).is_some_and(|c| c.is_ascii_digit()) => {
            let mut j = p - 1;
            while view.before(j).is_some_and(|c| c.is_ascii_digit()) {
                j -= 1;
            }
            if !view.before(j).is_some_and(|c| c.is_ascii_alphabetic()) {
                return None;
            }
        }
        Some('+' | '$' | '¥' | '€' | '£' | '￥' | '@') => return None,
        Some('.' | ',') if p >= 2 && view.before(p - 1).is_some_and(|c| c.is_ascii_digit()) => {
            return None;
        }
        _ => {}
    }
    let first = view.run_end(p, |c| c.is_ascii_digit()) - p;
    let (mut q, mut count) = (p + first, first);
    while let Some(sep) = view.at(q).filter(|&c| c == ' ' || c == '-') {
        let next = view.run_end(q + 1, |c| c.is_ascii_digit()) - (q + 1);
        if next == 0 {
            break;
        }
        let fits = match sep {
            ' ' => {
                (first == 1 && next == 1) || ((2..=4).contains(&first) && (2..=4).contains(&next))
            }
            _ => first >= 3 && next == first,
        };
        if !fits {
            // A longer number after a space is another number; after a dash, part of this one.
            if sep == '-' || next >= 3 && count + next > max {
                return None;
            }
            break;
        }
        q += 1 + next;
        count += next;
    }
    if count > max || count < min {
        return None;
    }
    if runs_on(ctx, q) || year_like(ctx, p, q, count) {
        return None;
    }
    Some((q, count))
}

/// Units and currencies after a number: it is an amount, a date, a duration, a count.
const UNITS: &[&str] = &[
    "元", "块", "塊", "角", "毛", "万", "萬", "千", "百", "年", "月", "日", "号", "號", "点", "點",
    "时", "時", "分钟", "分鐘", "秒", "次", "位", "个", "個", "天", "小时", "小時", "笔", "筆",
    "岁", "歲", "%", "yuan", "rmb", "cny", "usd", "eur", "hkd", "gbp", "jpy", "dollar", "dollars",
    "bucks", "times", "digit", "digits", "minute", "minutes", "mins", "min", "second", "seconds",
    "secs", "sec", "hour", "hours", "hrs", "day", "days", "year", "years", "am", "pm", "kb", "mb",
    "gb", "x ",
];

/// Whether a number ending at `q` goes on as something else: a decimal, a time, a date, a
/// percentage, a unit or a currency.
fn runs_on(ctx: &Context<'_>, q: usize) -> bool {
    let view = ctx.view;
    match view.at(q) {
        Some(c) if c.is_ascii_alphanumeric() => return true,
        Some('.' | ':' | '/' | ',' | '-') if view.is(q + 1, |c| c.is_ascii_digit()) => return true,
        Some('%' | '$' | '¥' | '€' | '£' | '￥' | '°') => return true,
        _ => {}
    }
    let after = view.run_end_capped(q, 1, |c| c == ' ');
    UNITS.iter().any(|u| {
        view.has(after, u)
            && (!u.is_ascii() || !view.is(after + u.chars().count(), |c| c.is_ascii_alphabetic()))
    })
}

/// `in 2026`, `since 2019`: a 4-digit year after a word of time.
fn year_like(ctx: &Context<'_>, p: usize, q: usize, count: usize) -> bool {
    if count != 4 || q - p != 4 {
        return false;
    }
    let year: u32 = ctx.view.string(p, q).parse().unwrap_or(0);
    if !(1900..=2099).contains(&year) {
        return false;
    }
    let view = ctx.view;
    let mut from = p;
    while view.before(from) == Some(' ') {
        from -= 1;
    }
    let word_end = from;
    while view.before(from).is_some_and(|c| c.is_ascii_alphabetic()) {
        from -= 1;
    }
    let word = view.string(from, word_end).to_ascii_lowercase();
    [
        "in", "since", "from", "until", "till", "year", "before", "after", "by",
    ]
    .contains(&word.as_str())
}

/// A password at `p`: a word, or after a colon a Chinese phrase.
fn password(ctx: &Context<'_>, p: usize, link: Link) -> Option<Value> {
    let view = ctx.view;
    let c = view.at(p)?;
    if is_cjk(c) {
        if link != Link::Punct || PLAIN_ZH.iter().any(|w| view.has(p, w)) {
            return None;
        }
        let end = view.run_end_capped(p, 32, |c| c.is_alphanumeric() && !c.is_whitespace());
        let strong = view
            .string(p, end)
            .chars()
            .any(|c| c.is_ascii_alphanumeric());
        return Some(Value {
            start: p,
            end,
            kind: Kind::Password,
            strong,
        });
    }
    if c.is_whitespace() || is_stop(c) {
        return None;
    }
    let mut end = view.run_end_capped(p, 64, |c| {
        !c.is_whitespace() && !is_cjk(c) && !is_wide_punct(c)
    });
    while end > p
        && view.before(end).is_some_and(|c| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | ')' | ']' | '}' | '>' | '"' | '\''
            )
        })
    {
        end -= 1;
    }
    let word = view.string(p, end);
    let lower = word.to_ascii_lowercase();
    if end == p || lower.starts_with("http") || lower.starts_with("www.") || word.contains('•') {
        return None;
    }
    if PLAIN.binary_search(&lower.as_str()).is_ok() {
        return None;
    }
    let strength = strength(&word)?;
    if !strength && link == Link::Bare {
        return None;
    }
    Some(Value {
        start: p,
        end,
        kind: Kind::Password,
        strong: strength,
    })
}

/// `Some(true)`: shaped like a password (letters and digits, a symbol, mixed case, 4+ digits,
/// an email address); `Some(false)`: a word that may be one; `None`: too short.
fn strength(word: &str) -> Option<bool> {
    let len = word.chars().count();
    if len < 3 {
        return None;
    }
    let letters = word.chars().any(char::is_alphabetic);
    let digits = word.chars().any(|c| c.is_ascii_digit());
    // An apostrophe makes a contraction (`that's`), not a password.
    let symbols = word.chars().any(|c| c.is_ascii_punctuation() && c != '\'');
    let inner_upper = word.chars().skip(1).any(|c| c.is_ascii_uppercase())
        && word.chars().any(|c| c.is_ascii_lowercase());
    let strong = len >= 4 && (digits || (symbols && letters) || inner_upper);
    Some(strong)
}

/// A one-time code of letters and digits (`A7K2Q9`) after a code label.
fn alphanumeric_code(ctx: &Context<'_>, p: usize) -> Option<Value> {
    let view = ctx.view;
    let end = view.run_end(p, |c| c.is_ascii_alphanumeric() || c == '-');
    let word = view.string(p, end);
    let len = word.chars().filter(char::is_ascii_alphanumeric).count();
    let mixed =
        word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(|c| c.is_ascii_alphabetic());
    let upper = !word.chars().any(|c| c.is_ascii_lowercase());
    ((4..=10).contains(&len) && mixed && upper && !runs_on(ctx, end)).then_some(Value {
        start: p,
        end,
        kind: Kind::VerificationCode,
        strong: true,
    })
}

/// A backup code: 6–12 letters and digits with at least one digit, maybe split by one dash.
fn backup_code(ctx: &Context<'_>, p: usize) -> Option<Value> {
    let view = ctx.view;
    let end = view.run_end_capped(p, 16, |c| c.is_ascii_alphanumeric() || c == '-');
    let word = view.string(p, end);
    let len = word.chars().filter(char::is_ascii_alphanumeric).count();
    let ok = (6..=12).contains(&len)
        && word.matches('-').count() <= 1
        && word.chars().any(|c| c.is_ascii_digit())
        && !view.is(end, |c| c.is_ascii_alphanumeric());
    ok.then_some(Value {
        start: p,
        end,
        kind: Kind::VerificationCode,
        strong: true,
    })
}

/// A quoted value at `p` (the opening quote): its text, without the quotes.
fn quoted(ctx: &Context<'_>, p: usize, rule: Rule) -> Option<Value> {
    let view = ctx.view;
    let open = view.at(p)?;
    let close = opening_to_closing(open)?;
    let from = p + 1;
    let to = view.run_end_capped(from, 64, |c| c != close && c != '\n');
    if view.at(to) != Some(close) || to == from {
        return None;
    }
    let text = view.string(from, to);
    if PLAIN
        .binary_search(&text.to_ascii_lowercase().as_str())
        .is_ok()
        || is_marker(ctx, from)
    {
        return None;
    }
    if rule != Rule::Password && rule != Rule::PaymentPassword {
        return value_at(ctx, rule, from, Link::Punct).filter(|v| v.end == to);
    }
    Some(Value {
        start: from,
        end: to,
        kind: if rule == Rule::Password {
            Kind::Password
        } else {
            Kind::Pin
        },
        strong: true,
    })
}

/// The mark left where a secret was removed (or masked): scanning a report again finds
/// nothing new in it.
fn is_marker(ctx: &Context<'_>, p: usize) -> bool {
    let view = ctx.view;
    view.has(p, super::REMOVED) || view.has(p, super::REMOVED_ZH) || view.is(p, |c| c == '•')
}

/// Skips the value that follows the label of something support needs (`ending 1234`,
/// `order 2026…`, `¥59.90`).
fn skip_kept_value(ctx: &Context<'_>, end: usize) -> usize {
    let view = ctx.view;
    let at = view.run_end_capped(end, 4, |c| {
        matches!(c, ' ' | ':' | '#' | '.' | '-' | '=' | '¥' | '$' | '€')
    });
    let to = view.run_end(at, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ',' | ':' | '/')
    });
    if to > at { to } else { end }
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

/// Whether a value is digits only.
fn is_number(ctx: &Context<'_>, value: &Value) -> bool {
    ctx.view
        .string(value.start, value.end)
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
}

/// A label that names a phone number, when a password is said to be one.
fn is_contact_noun(ctx: &Context<'_>, label: Label) -> bool {
    let text = ctx.view.string(label.start, label.end).to_lowercase();
    [
        "phone",
        "phone number",
        "mobile",
        "tel",
        "手机",
        "手机号",
        "手機",
        "电话",
        "電話",
        "号码",
        "號碼",
    ]
    .contains(&text.as_str())
}

/// Chinese words that join a label to its value, longest first where one starts another.
const JOINS_ZH: &[&str] = &[
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
const BETWEEN_ZH: &[&str] = &["我的", "的", "了"];

/// A word at `p` between a label and its value: where it ends, and whether it joins them
/// (`is`, `was`, `set to`, `是`, `改成了`) or only stands between (`my`, `still`, `的`).
fn link_word(ctx: &Context<'_>, p: usize, rule: Rule) -> Option<(usize, bool)> {
    let view = ctx.view;
    if let Some(w) = JOINS_ZH.iter().find(|w| view.has(p, w)) {
        return Some((p + w.chars().count(), true));
    }
    if let Some(w) = BETWEEN_ZH.iter().find(|w| view.has(p, w)) {
        return Some((p + w.chars().count(), false));
    }
    if !view.is(p, |c| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = view.run_end(p, |c| c.is_ascii_alphabetic() || c == '\'');
    if view.is(end, |c| c.is_ascii_digit()) {
        return None;
    }
    let word = view.string(p, end).to_ascii_lowercase();
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
const JOINS: &[&str] = &[
    "are", "as", "be", "been", "being", "entered", "gave", "got", "into", "is", "it's", "read",
    "received", "said", "says", "shows", "to", "typed", "use", "used", "was", "were",
];

/// Words that may stand between a label and its value, sorted.
const BETWEEN: &[&str] = &[
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
const CHANGES: &[&str] = &["changed", "modified", "reset", "set", "switched", "updated"];

/// What a password may be said to be the same as (`the same as my email address`), sorted.
const NOUNS: &[&str] = &[
    "address", "birthday", "e-mail", "email", "mail", "mobile", "name", "number", "phone", "same",
    "username",
];

/// Everyday English words that describe a password rather than being one, sorted.
const PLAIN: &[&str] = &[
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
const PLAIN_ZH: &[&str] = &[
    "错", "不", "忘", "正确", "对", "已", "被", "无效", "过期", "失效", "输错", "重置", "修改",
    "没", "未", "一直", "还是", "是", "在", "忘记", "锁", "太", "很", "也", "都",
];

/// `My password is the same as my email address`, `密码和手机号一样`: the email addresses (or
/// phone numbers) in the answer are then passwords, wherever they are.
fn same_as(ctx: &mut Context<'_>) {
    static SAME: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\bsame\s+as\s+(?:my\s+|the\s+)?(e-?mail|mail|phone|mobile|number)|(?:和|跟|与|與|同|就是|是)(?:我的)?(邮箱|郵箱|电子邮件|手机号|手機號|手机|手機|电话|電話)(?:号码|號碼)?(?:一样|一樣|相同|一致)?",
        )
        .ok()
    });
    static EMAIL: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").ok());
    let (Some(same), Some(email)) = (SAME.as_ref(), EMAIL.as_ref()) else {
        return;
    };
    let view = ctx.view;
    if !ctx.labels.iter().any(|l| l.rule == Rule::Password) {
        return;
    }
    let (text, index) = view.text_and_index();
    let char_at = |byte: usize| index.get(byte).copied().unwrap_or(view.len());
    let mut wants = (false, false);
    for m in same.captures_iter(&text) {
        let at = char_at(m.get(0).map_or(0, |m| m.start()));
        let after_label = ctx.rule_near_before(at, Rule::Password, 40);
        let what = m
            .get(1)
            .or_else(|| m.get(2))
            .map_or("", |w| w.as_str())
            .to_lowercase();
        if after_label {
            let is_email =
                ["mail", "e-mail", "email", "邮箱", "郵箱", "电子邮件"].contains(&what.as_str());
            if is_email {
                wants.0 = true
            } else {
                wants.1 = true
            }
        }
    }
    let mut found = Vec::new();
    if wants.0 {
        found.extend(
            email
                .find_iter(&text)
                .map(|m| (char_at(m.start()), char_at(m.end()))),
        );
    }
    if wants.1 {
        for run in super::numbers::runs(view) {
            let digits = run.count(0, run.groups.len());
            if (7..=15).contains(&digits) {
                let start = if view.before(run.start()) == Some('+') {
                    run.start() - 1
                } else {
                    run.start()
                };
                found.push((start, run.end()));
            }
        }
    }
    for (start, end) in found {
        ctx.add(Finding {
            start,
            end,
            kind: Kind::Password,
            certain: true,
            mask: None,
        });
    }
}

/// In the next sentence after a password label, what the password was reset or changed to:
/// `Someone changed my password. It was reset to Xk92!mq by someone.`
fn reset_to(ctx: &mut Context<'_>, at: usize, strong: bool) {
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
    let Some(m) = phrase.find(&sentence) else {
        return;
    };
    let start = at + 1 + sentence.get(..m.end()).map_or(0, |s| s.chars().count());
    if let Some(value) = password(ctx, start, Link::Word).filter(|v| v.strong) {
        take(ctx, value, strong, Link::Punct, Rule::Password);
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

fn accepts_words(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::Password
            | Rule::PaymentPassword
            | Rule::Otp
            | Rule::Pin
            | Rule::Cvv
            | Rule::Code
            | Rule::SecurityCode
    )
}

fn is_quote(c: char) -> bool {
    opening_to_closing(c).is_some()
}

fn is_quote_close(c: char) -> bool {
    closing_to_opening(c).is_some()
}

fn opening_to_closing(c: char) -> Option<char> {
    Some(match c {
        '"' => '"',
        '\'' => '\'',
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        '`' => '`',
        _ => return None,
    })
}

fn closing_to_opening(c: char) -> Option<char> {
    Some(match c {
        '"' => '"',
        '\'' => '\'',
        '”' => '“',
        '’' => '‘',
        '」' => '「',
        '』' => '『',
        '`' => '`',
        _ => return None,
    })
}

/// Punctuation a value never starts with.
fn is_stop(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '>' | '['
    ) || is_wide_punct(c)
}

#[cfg(test)]
mod tests {
    use super::super::{Policy, scan};
    use super::*;

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

    #[track_caller]
    fn removed(text: &str, expected: &str, kinds: &[(Kind, bool)]) {
        let out = scan(text, Policy::default());
        let found: Vec<(Kind, bool)> = out.changes.iter().map(|c| (c.kind, c.certain)).collect();
        assert_eq!(
            (out.text.as_str(), found.as_slice()),
            (expected, kinds),
            "{text:?}"
        );
    }

    #[track_caller]
    fn kept(text: &str) {
        let out = scan(text, Policy::default());
        assert_eq!(out.text, text, "{:?}", out.changes);
    }

    const PW: (Kind, bool) = (Kind::Password, true);
    const PW_MAYBE: (Kind, bool) = (Kind::Password, false);
    const PIN: (Kind, bool) = (Kind::Pin, true);
    const CVV: (Kind, bool) = (Kind::Cvv, true);
    const OTP: (Kind, bool) = (Kind::VerificationCode, true);
    const OTP_MAYBE: (Kind, bool) = (Kind::VerificationCode, false);

    #[test]
    fn passwords_after_their_label() {
        removed("password: hunter2", "password: [removed]", &[PW]);
        removed("my password is hunter2", "my password is [removed]", &[PW]);
        removed("pwd → qazWSX123, tried", "pwd → [removed], tried", &[PW]);
        removed("login pw = Blue_Sky_88", "login pw = [removed]", &[PW]);
        removed(
            "password - Summer2025! - that's it",
            "password - [removed] - that's it",
            &[PW],
        );
        removed(
            "The password was \"correct horse 9\" and",
            "The password was \"[removed]\" and",
            &[PW],
        );
        removed("Password:\nRainbow#77", "Password:\n[removed]", &[PW]);
        removed("my password? Dragon1988", "my password? [removed]", &[PW]);
        removed(
            "new password I set: P@ssw0rd2026",
            "new password I set: [removed]",
            &[PW],
        );
        removed(
            "the pw for my wallet app is App-Pw-7781",
            "the pw for my wallet app is [removed]",
            &[PW],
        );
        removed(
            "password was changed to NotMe#123 without",
            "password was changed to [removed] without",
            &[PW],
        );
        removed("password: sunshine", "password: [removed]", &[PW]);
        removed(
            "my password is sunshine",
            "my password is [removed]",
            &[PW_MAYBE],
        );
        removed("pass: moonlight77", "pass: [removed]", &[PW_MAYBE]);
    }

    #[test]
    fn passwords_in_chinese_and_both() {
        removed(
            "我的密码就是abc12345，怎么登不上去",
            "我的密码就是[removed]，怎么登不上去",
            &[PW],
        );
        removed(
            "登入密碼是Taipei101!，請幫我查一下",
            "登入密碼是[removed]，請幫我查一下",
            &[PW],
        );
        removed(
            "登入密碼——Tai-Chung-8——一直錯誤",
            "登入密碼——[removed]——一直錯誤",
            &[PW],
        );
        removed("密码：张三丰，登录不了", "密码：[removed]，登录不了", &[PW]);
        removed("我的password是Mixed2026!", "我的password是[removed]", &[PW]);
        removed(
            "密码 (password) = Shared#55",
            "密码 (password) = [removed]",
            &[PW],
        );
        removed(
            "密码被人改成了Hack3r!!，不是我改的",
            "密码被人改成了[removed]，不是我改的",
            &[PW],
        );
    }

    #[test]
    fn values_before_their_label() {
        removed("hunter22 is my password", "[removed] is my password", &[PW]);
        removed(
            "I typed 'Qwerty!234' as my password.",
            "I typed '[removed]' as my password.",
            &[PW],
        );
        removed("Ab123456是我的密码", "[removed]是我的密码", &[PW]);
        removed(
            "551204 was the SMS code",
            "[removed] was the SMS code",
            &[OTP],
        );
        removed("448 is the CVV", "[removed] is the CVV", &[CVV]);
    }

    #[test]
    fn a_password_reset_to_in_the_next_sentence() {
        removed(
            "Someone changed my password. It was reset to Xk92!mq by someone.",
            "Someone changed my password. It was reset to [removed] by someone.",
            &[PW],
        );
    }

    #[test]
    fn the_same_as_another_value() {
        removed(
            "My password is the same as my email address, chen.jie@example.com.",
            "My password is the same as my email address, [removed].",
            &[PW],
        );
        removed(
            "密码和我的邮箱一样：wangfang@example.cn",
            "密码和我的邮箱一样：[removed]",
            &[PW],
        );
    }

    #[test]
    fn the_same_as_a_value_given_elsewhere() {
        removed(
            "My email is li.lei@example.com and my password is the same as my email.",
            "My email is [removed] and my password is the same as my email.",
            &[PW],
        );
        removed(
            "手机13800138000，密码和手机号一样",
            "手机[removed]，密码和手机号一样",
            &[PW],
        );
        kept("My email is li.lei@example.com, please reply there.");
    }

    #[test]
    fn codes_spaced_grouped_or_on_the_next_line() {
        removed("OTP 7 0 2 5 1 8", "OTP [removed]", &[OTP]);
        removed("SMS code: 482 913", "SMS code: [removed]", &[OTP]);
        removed("动态码：\n902771", "动态码：\n[removed]", &[OTP]);
        removed(
            "verification code they sent me was 302 118 and",
            "verification code they sent me was [removed] and",
            &[OTP],
        );
        removed("email code A7K2Q9", "email code [removed]", &[OTP]);
        removed("my code is 4417", "my code is [removed]", &[OTP_MAYBE]);
        removed("验证码：５５８２０１", "验证码：[removed]", &[OTP]);
    }

    #[test]
    fn pins_and_cvvs_in_sentences() {
        removed(
            "I typed my PIN (5580) three times",
            "I typed my PIN ([removed]) three times",
            &[PIN],
        );
        removed("PIN#7712", "PIN#[removed]", &[PIN]);
        removed(
            "tried PIN 2580 and then 2850",
            "tried PIN [removed] and then [removed]",
            &[PIN, PIN],
        );
        removed(
            "the PIN for the card ending 1234 is 7430",
            "the PIN for the card ending 1234 is [removed]",
            &[PIN],
        );
        removed("签名栏那三位是718", "签名栏那三位是[removed]", &[CVV]);
        removed(
            "security number on the back: 552",
            "security number on the back: [removed]",
            &[CVV],
        );
        removed("cvc code 665", "cvc code [removed]", &[CVV]);
        removed("CVC2 123", "CVC2 [removed]", &[CVV]);
        removed("支付密码是258013", "支付密码是[removed]", &[PIN]);
    }

    #[test]
    fn backup_codes() {
        removed(
            "backup codes: 8a3k-92jd, 1k29-dk20",
            "backup codes: [removed], [removed]",
            &[OTP, OTP],
        );
    }

    #[test]
    fn descriptions_around_labels_are_kept() {
        for text in [
            "my password is wrong",
            "my password was reset yesterday",
            "password is not working",
            "password is 12 characters",
            "forgot password, reset link never came",
            "wrong password 3 times",
            "password123 is a bad password",
            "PIN blocked after 3 tries",
            "Support never asks for your password, PIN or verification code.",
            "OTP never arrived",
            "verification code: not received",
            "验证码没收到",
            "密码错误三次",
            "密码是对的，但是登录不了",
            "忘记支付密码了",
            "支付密码是6位数字，我记得是对的",
            "The verification code never arrived for my payment of 59.90 CNY at 2026-11-21 14:03.",
            "The code sent to +86 138 0013 8000 never arrived.",
            "I waited 60 seconds for the code, then $12.50 was charged.",
            "验证码一直收不到，交易单号2026112122001400000000001234",
            "promo code SAVE2026 didn't apply to order 88231945",
            "the code expired at 14:03",
            "code 2026-11-21",
            "code 1234.56",
            "the 6-digit code never came",
            "I reset my password in 2024",
        ] {
            kept(text);
        }
    }

    #[test]
    fn error_messages_keep_their_codes_but_not_one_time_codes() {
        let policy = Policy {
            keep_error_codes: true,
            ..Policy::default()
        };
        for text in [
            "Payment failed (code 4012)",
            "code 4012: do not honor",
            "Declined, code is 100512",
        ] {
            assert_eq!(scan(text, policy).text, text);
        }
        assert_eq!(
            scan("error code: 100512, and the SMS 验证码 was 223301", policy).text,
            "error code: 100512, and the SMS 验证码 was [removed]"
        );
    }
}
