//! The shapes a secret's value has, looked for right where a label's search stands: digits of
//! the right count (together, one by one, in groups; never a date, a time, an amount, a decimal
//! or part of a longer number), a password (a word, a quoted phrase, a Chinese phrase after a
//! colon), a one-time code of letters and digits, backup codes.

use super::Kind;
use super::context::Context;
use super::labels::Rule;
use super::normalize::{is_cjk, is_wide_punct};
use super::words::{PLAIN, PLAIN_ZH};

/// How a label is joined to its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Link {
    /// Nothing but spaces: `pin 1234`.
    Bare,
    /// A word: `is`, `was`, `是`.
    Word,
    /// Punctuation that introduces a value: `:`, `=`, `→`, a dash, a quote.
    Punct,
}

/// A value found for a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Value {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Shaped like the secret for sure (`Tiger!2024`, 6 digits after a code label).
    pub strong: bool,
}

/// The value at `p` for a label of `rule`, if it has the secret's shape.
pub(super) fn value_at(ctx: &Context<'_>, rule: Rule, p: usize, link: Link) -> Option<Value> {
    let view = ctx.view;
    let c = view.at(p)?;
    if ctx.taken(p, p + 1) || is_marker(ctx, p) {
        return None;
    }
    let digits = |min, max, kind: Kind| {
        let (end, count) = digits_at(ctx, p, min, max)?;
        let strong = match kind {
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
    if is_chinese_digit(c) {
        return chinese_digits(ctx, rule, p);
    }
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
        // `code: 8f2k-9xq1`: letters and digits in lower case are no error or promo code.
        Rule::Code => alphanumeric_code(ctx, p).filter(|v| {
            let word = view.string(v.start, v.end);
            word.chars().any(|c| c.is_ascii_lowercase())
        }),
        Rule::Backup => backup_code(ctx, p),
        _ => None,
    }
}

/// The digits as Chinese says them one by one (`四八二九一三`, `幺`, `两`).
fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '两'
            | '兩'
            | '幺'
    )
}

/// A code, PIN or password said in Chinese digits (`验证码 四八二九一三`): as many as the
/// secret has, and not the start of a count (`三次`, `两个`) as no run that short is one.
fn chinese_digits(ctx: &Context<'_>, rule: Rule, p: usize) -> Option<Value> {
    let view = ctx.view;
    let (min, max, kind) = match rule {
        Rule::Otp => (4, 8, Kind::VerificationCode),
        Rule::Pin | Rule::PaymentPassword => (4, 8, Kind::Pin),
        Rule::Cvv => (3, 4, Kind::Cvv),
        Rule::Password => (4, 16, Kind::Password),
        _ => return None,
    };
    let end = view.run_end_capped(p, max + 1, is_chinese_digit);
    (min..=max).contains(&(end - p)).then_some(Value {
        start: p,
        end,
        kind,
        strong: true,
    })
}

/// `min..=max` digits at `p`: typed together, one by one with spaces, or in groups of 2–4 with
/// single spaces (or equal groups of 3+ with dashes). Never the start of a longer number, a
/// decimal, a date, a time, an amount or a phone number. Where they end and how many.
pub(super) fn digits_at(
    ctx: &Context<'_>,
    p: usize,
    min: usize,
    max: usize,
) -> Option<(usize, usize)> {
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
            // After a dash, or after a space in groups of 3 or more (`07700 900123`), part of
            // this number; else another number.
            if sep == '-' || (next >= 3 && (count + next > max || first >= 3)) {
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
    // `(415) 555-0132`: an area code.
    let area_code = view.before(p) == Some('(')
        && view.is(q, |c| c == ')')
        && view.is(q + 1, |c| c == ' ' || c == '-')
        && view.is(q + 2, |c| c.is_ascii_digit());
    if runs_on(ctx, q) || year_like(ctx, p, q) || area_code {
        return None;
    }
    Some((q, count))
}

/// Units and currencies after a number: it is an amount, a date, a duration, a count.
pub(super) const UNITS: &[&str] = &[
    "元", "块", "塊", "角", "毛", "万", "萬", "千", "百", "年", "月", "日", "号", "號", "点", "點",
    "时", "時", "分钟", "分鐘", "秒", "次", "位", "个", "個", "天", "小时", "小時", "笔", "筆",
    "岁", "歲", "%", "yuan", "rmb", "cny", "usd", "eur", "hkd", "gbp", "jpy", "dollar", "dollars",
    "bucks", "times", "digit", "digits", "minute", "minutes", "mins", "min", "second", "seconds",
    "secs", "sec", "hour", "hours", "hrs", "day", "days", "year", "years", "am", "pm", "kb", "mb",
    "gb", "x ",
];

/// Whether a number ending at `q` goes on as something else: a decimal, a time, a date, a
/// percentage, a unit or a currency.
pub(super) fn runs_on(ctx: &Context<'_>, q: usize) -> bool {
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
pub(super) fn year_like(ctx: &Context<'_>, p: usize, q: usize) -> bool {
    // Four characters that read as a number are four digits.
    if q - p != 4 {
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
    let word = view.lower(from, word_end);
    [
        "in", "since", "from", "until", "till", "year", "before", "after", "by",
    ]
    .contains(&word.as_str())
}

/// A password at `p`: a word, or after a colon a Chinese phrase.
pub(super) fn password(ctx: &Context<'_>, p: usize, link: Link) -> Option<Value> {
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
    // A word never cuts a label in two (`x""one-time password`): the label's end, left
    // behind, would read as another label when the text is scanned again. A label wholly
    // inside the word (`App-Pw-7781`) is part of it.
    let next_label = ctx.labels.partition_point(|l| l.start <= p);
    if let Some(cut) = ctx
        .labels
        .iter()
        .skip(next_label)
        .take_while(|l| l.start < end)
        .find(|l| l.end > end)
    {
        end = cut.start;
    }
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
    // A password has a letter or digit; a removed value (`[removed]`, `••••`) is none, nor a
    // word that holds one, even with its closing bracket trimmed off above (`:[removed`).
    let removed = word.contains('•')
        || [super::REMOVED, super::REMOVED_ZH]
            .iter()
            .any(|marker| word.contains(marker.trim_end_matches(']')));
    if end == p
        || lower.starts_with("http")
        || lower.starts_with("www.")
        || removed
        || !word.chars().any(char::is_alphanumeric)
    {
        return None;
    }
    // `my dog's name`: a possessive is no password. A curly `’` (what phones type) ends the
    // word above, so its `s` is looked for after the word.
    let curly_s = view.is(end, |c| c == '’')
        && view.is(end + 1, |c| c == 's' || c == 'S')
        && !view.is(end + 2, char::is_alphanumeric);
    let possessive = if curly_s {
        Some(lower.as_str())
    } else {
        lower.strip_suffix("'s")
    }
    .is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic()));
    if PLAIN.binary_search(&lower.as_str()).is_ok() || possessive {
        return None;
    }
    let strength = strength(word)?;
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
pub(super) fn strength(word: &str) -> Option<bool> {
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

/// A one-time code of letters and digits after a code label: `A7K2Q9`, and in lower case from
/// 6 characters (`8f2k9x`, `8f2k-9xq1`).
pub(super) fn alphanumeric_code(ctx: &Context<'_>, p: usize) -> Option<Value> {
    let view = ctx.view;
    let end = view.run_end_capped(p, 24, |c| c.is_ascii_alphanumeric() || c == '-');
    let end = if view.before(end) == Some('-') {
        end - 1
    } else {
        end
    };
    let word = view.string(p, end);
    let len = word.chars().filter(char::is_ascii_alphanumeric).count();
    let mixed =
        word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(|c| c.is_ascii_alphabetic());
    let upper = !word.chars().any(|c| c.is_ascii_lowercase());
    let shaped = (upper && (4..=10).contains(&len)) || (!upper && (6..=12).contains(&len));
    (shaped
        && mixed
        && word.matches('-').count() <= 2
        && !view.is(end, |c| c.is_ascii_alphanumeric())
        && !runs_on(ctx, end))
    .then_some(Value {
        start: p,
        end,
        kind: Kind::VerificationCode,
        strong: true,
    })
}

/// A backup code: letters and digits, with a digit, in groups of 3 to 8 joined by dashes (6–32 of
/// them: `8f2k-9xq1`, `48193027`, `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`), or two groups of 4 digits
/// (`1234 5678`, as Google prints them).
pub(super) fn backup_code(ctx: &Context<'_>, p: usize) -> Option<Value> {
    let view = ctx.view;
    if view.before(p).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let end = view.run_end_capped(p, 40, |c| c.is_ascii_alphanumeric() || c == '-');
    let end = if view.before(end) == Some('-') {
        end - 1
    } else {
        end
    };
    let word = view.string(p, end);
    let groups: Vec<&str> = word.split('-').collect();
    let len = word.chars().filter(char::is_ascii_alphanumeric).count();
    let alone = !view.is(end, |c| c.is_ascii_alphanumeric());
    let ok = alone
        && word.chars().any(|c| c.is_ascii_digit())
        && if let [one] = groups.as_slice() {
            (6..=16).contains(&one.len())
        } else {
            (6..=32).contains(&len) && groups.iter().all(|g| (3..=8).contains(&g.len()))
        };
    if ok {
        return Some(Value {
            start: p,
            end,
            kind: Kind::VerificationCode,
            strong: true,
        });
    }
    // `1234 5678`, `8f2k 9xq1 7hd3 k2p0`: groups of 4 with a digit each, one space apart.
    let four = |at: usize| {
        view.run_end_capped(at, 5, |c| c.is_ascii_alphanumeric()) == at + 4
            && view.string(at, at + 4).chars().any(|c| c.is_ascii_digit())
    };
    let mut groups = 0;
    let mut end = p;
    // Eight groups at most; each after the first is checked before the step to it.
    while four(end) {
        groups += 1;
        end += 4;
        if groups < 8 && view.is(end, |c| c == ' ') && four(end + 1) {
            end += 1;
        } else {
            break;
        }
    }
    (groups >= 2 && !view.is(end, |c| c.is_ascii_alphanumeric())).then_some(Value {
        start: p,
        end,
        kind: Kind::VerificationCode,
        strong: true,
    })
}

/// A quoted value at `p` (the opening quote): its text, without the quotes.
pub(super) fn quoted(ctx: &Context<'_>, p: usize, rule: Rule) -> Option<Value> {
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
pub(super) fn is_marker(ctx: &Context<'_>, p: usize) -> bool {
    let view = ctx.view;
    view.has(p, super::REMOVED) || view.has(p, super::REMOVED_ZH) || view.is(p, |c| c == '•')
}

pub(super) fn accepts_words(rule: Rule) -> bool {
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

pub(super) fn is_quote(c: char) -> bool {
    opening_to_closing(c).is_some()
}

pub(super) fn is_quote_close(c: char) -> bool {
    closing_to_opening(c).is_some()
}

pub(super) fn opening_to_closing(c: char) -> Option<char> {
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

pub(super) fn closing_to_opening(c: char) -> Option<char> {
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
pub(super) fn is_stop(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '>' | '['
    ) || is_wide_punct(c)
}

#[cfg(test)]
mod tests;
