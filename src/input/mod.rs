//! The input types of SPEC, each with the one parser that typed answers, answer files, `--set`
//! and links all go through, so a value means the same wherever it came from.
//!
//! People write answers the way they talk (`昨天下午3点左右`, `59块9`, `about $50`,
//! `交易单号：4200…` pasted with its label): each parser cleans what it can, refuses what it
//! cannot read with the reason, and returns a [`Parsed`] value that keeps what the report needs
//! besides the normalised text (how exact a time or an amount is, whether the currency was
//! assumed).

mod amount;
mod card_last4;
mod clock;
mod currency;
mod date;
mod datetime;
mod email;
mod fold;
mod invalid;
mod number;
mod phone;
mod scan;
mod text;
mod transaction_id;
mod zh_numeral;

use jiff::Zoned;
use serde::{Deserialize, Serialize};

use crate::lang::Lang;

pub use currency::{day_first_for_locale, default_currency_for_locale};
pub use invalid::Invalid;
pub use text::TEXT_MAX_CHARS;

/// The longest answer of any type but `text` that is read at all: every real id, time,
/// amount, phone number or address fits many times over, and a parser never has to look at
/// megabytes of pasted text.
pub const SHORT_MAX_CHARS: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum InputType {
    Text,
    TransactionId,
    Datetime,
    Date,
    Amount,
    Phone,
    Email,
    CardLast4,
    Number,
}

impl InputType {
    pub const ALL: [InputType; 9] = [
        InputType::Text,
        InputType::TransactionId,
        InputType::Datetime,
        InputType::Date,
        InputType::Amount,
        InputType::Phone,
        InputType::Email,
        InputType::CardLast4,
        InputType::Number,
    ];

    pub fn name(self) -> &'static str {
        match self {
            InputType::Text => "text",
            InputType::TransactionId => "transaction-id",
            InputType::Datetime => "datetime",
            InputType::Date => "date",
            InputType::Amount => "amount",
            InputType::Phone => "phone",
            InputType::Email => "email",
            InputType::CardLast4 => "card-last4",
            InputType::Number => "number",
        }
    }

    pub fn from_name(name: &str) -> Option<InputType> {
        InputType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// What a valid answer looks like, for prompts and error messages.
    pub fn expected(self, lang: Lang) -> &'static str {
        match self {
            InputType::Text => lang.pick("any text", "任意文字"),
            InputType::TransactionId => lang.pick(
                "6–64 letters, digits, '-' or '_', e.g. 2026112122001400000000001234",
                "6–64 位字母、数字、- 或 _\u{ff0c}例如 2026112122001400000000001234",
            ),
            InputType::Datetime => lang.pick(
                "a date and time, e.g. 2026-11-21 14:03, yesterday 3pm or about 9:30",
                "日期和时间，例如 2026-11-21 14:03、昨天下午3点 或 9:30左右",
            ),
            InputType::Date => lang.pick(
                "a date, e.g. 2026-11-21, 21 Nov or tomorrow",
                "日期，例如 2026-11-21、11月21日 或 明天",
            ),
            InputType::Amount => lang.pick(
                "an amount, e.g. 59.90 CNY, ¥59.9, $12.50 or €5",
                "金额，例如 59.90 CNY、¥59.9、59块9 或 $12.50",
            ),
            InputType::Phone => lang.pick(
                "a phone number, e.g. +86 138 0013 8000",
                "手机号码，例如 +86 138 0013 8000",
            ),
            InputType::Email => lang.pick("an email address", "电子邮箱地址"),
            InputType::CardLast4 => lang.pick(
                "the last 4 digits of the card, e.g. 1234",
                "卡号最后 4 位数字，例如 1234",
            ),
            InputType::Number => lang.pick("a whole number, e.g. 3", "整数，例如 3"),
        }
    }
}

/// How exact a time or an amount is, as the user said it (SPEC "Input types").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// As given: `14:03`, `59.90 CNY`.
    Exact,
    /// "About …", "…左右", or a part of the day without an hour (`yesterday afternoon`).
    Approximate,
    /// A day without a time of day: the user did not know it, or did not say.
    Date,
}

impl Precision {
    pub fn name(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Approximate => "approximate",
            Precision::Date => "date",
        }
    }
}

/// Something the user should know about how an answer was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Note {
    /// The local time happened twice (clocks went back); the earlier one was taken.
    RepeatedHour { earlier: String, later: String },
}

impl Note {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Note::RepeatedHour { earlier, later }, Lang::En) => format!(
                "that time happened twice when the clocks went back; taken as the first, \
                 {earlier} (the second was {later})"
            ),
            (Note::RepeatedHour { earlier, later }, Lang::Zh) => format!(
                "夏令时结束时这个时间出现了两次，已按第一次记录：{earlier}（第二次是 {later}）"
            ),
        }
    }
}

/// One answer, read: the normalised value and what the report needs to say about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parsed {
    /// The normalised form (SPEC "report shows"): `59.90 CNY`, RFC 3339, `2026-11-21`, …
    pub value: String,
    /// For `datetime` and `amount`: how exact the value is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
    /// An amount given without a currency, which took the default one: a terminal asks
    /// the user to confirm it ("59.90 CNY?").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumed_currency: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

impl Parsed {
    /// A value with nothing more to say about it.
    pub fn plain(value: impl Into<String>) -> Parsed {
        Parsed {
            value: value.into(),
            precision: None,
            assumed_currency: false,
            note: None,
        }
    }

    fn with_precision(value: impl Into<String>, precision: Precision) -> Parsed {
        Parsed {
            precision: Some(precision),
            ..Parsed::plain(value)
        }
    }

    /// Text that parses back to this same value: what a prompt starts from when the answer
    /// is changed, and what a link or an answers file carries.
    pub fn typed(&self) -> String {
        match self.precision {
            Some(Precision::Approximate) => format!("about {}", self.value),
            _ => self.value.clone(),
        }
    }

    /// How text and Markdown reports show the value: an approximate time or amount says so,
    /// and a day without a time says the time is unknown instead of inventing one.
    pub fn shown(&self, lang: Lang) -> String {
        show(&self.value, self.precision, lang)
    }
}

/// [`Parsed::shown`] from a report's stored value and precision.
pub fn show(value: &str, precision: Option<Precision>, lang: Lang) -> String {
    match precision {
        Some(Precision::Approximate) => datetime::show_approximate(value, lang)
            .unwrap_or_else(|| format!("{}{value}", lang.pick("about ", "约 "))),
        Some(Precision::Date) => match lang {
            Lang::En => format!("{value}, time unknown"),
            Lang::Zh => format!("{value}（具体时间不详）"),
        },
        _ => value.to_string(),
    }
}

/// What parsing needs from outside: the current time in the user's time zone, the currency
/// of a bare amount, and how the user's locale orders day and month in `05/12`.
#[derive(Clone, Debug)]
pub struct ParseContext {
    pub now: Zoned,
    /// ISO 4217 code for an amount without a currency (config `provider.currency`, else the
    /// locale); `None` refuses such an amount.
    pub default_currency: Option<String>,
    /// `05/12` is 5 December (`true`, as in en-GB, de, fr) or May 12 (`false`, as in
    /// en-US and zh); `None` refuses it as ambiguous. Only asked when both are valid dates.
    pub day_first: Option<bool>,
}

impl ParseContext {
    /// A context at `now`, with no default currency and month-first numeric dates.
    pub fn new(now: Zoned) -> ParseContext {
        ParseContext {
            now,
            default_currency: None,
            day_first: None,
        }
    }

    /// A context at `now` for a user with this POSIX locale (`zh_CN.UTF-8`, `en_GB`…) and
    /// interface language; `currency` (config `provider.currency`) wins over the locale's.
    pub fn for_user(
        now: Zoned,
        locale: Option<&str>,
        lang: Lang,
        currency: Option<&str>,
    ) -> ParseContext {
        let default_currency = currency
            .and_then(|c| iso_currency::Currency::from_code(&c.trim().to_ascii_uppercase()))
            .map(|c| c.code().to_string())
            .or_else(|| default_currency_for_locale(locale, lang).map(str::to_string));
        ParseContext {
            now,
            default_currency,
            day_first: locale.and_then(day_first_for_locale).or(match lang {
                Lang::Zh => Some(false),
                Lang::En => None,
            }),
        }
    }
}

/// The most characters of an answer an error message quotes.
pub const QUOTE_MAX_CHARS: usize = 80;

/// A value as an error message shows it: at most [`QUOTE_MAX_CHARS`] characters, with
/// control characters and bidirectional overrides written out (`\u{1b}`), so an answer can
/// neither rewrite the terminal nor flood it.
pub fn quote(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == QUOTE_MAX_CHARS {
            out.push('…');
            break;
        }
        if is_unprintable(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters never shown as they are: controls (C0, DEL, C1) and the bidirectional
/// formatting characters that make text read differently from what it is.
pub fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Parses one answer. `Ok(None)` is an empty answer to an optional question.
pub fn parse(
    input_type: InputType,
    raw: &str,
    required: bool,
    ctx: &ParseContext,
) -> Result<Option<Parsed>, Invalid> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return if required {
            Err(Invalid::Empty)
        } else {
            Ok(None)
        };
    }
    if input_type != InputType::Text && trimmed.chars().nth(SHORT_MAX_CHARS).is_some() {
        return Err(Invalid::TooLong {
            max: SHORT_MAX_CHARS,
        });
    }
    let malformed = Invalid::Malformed { input_type };
    let plain = |value: Option<String>| value.map(Parsed::plain).ok_or(malformed.clone());
    let parsed = match input_type {
        InputType::Text => Parsed::plain(text::parse(trimmed)?),
        InputType::TransactionId => plain(transaction_id::parse(trimmed))?,
        InputType::Datetime => datetime::parse(trimmed, ctx)?,
        InputType::Date => Parsed::plain(date::parse(trimmed, ctx)?),
        InputType::Amount => amount::parse(trimmed, ctx)?,
        InputType::Phone => plain(phone::parse(trimmed))?,
        InputType::Email => plain(email::parse(trimmed))?,
        InputType::CardLast4 => plain(card_last4::parse(trimmed))?,
        InputType::Number => plain(number::parse(trimmed))?,
    };
    Ok(Some(parsed))
}

/// Full-width forms (`１２３`, `：`, `，`, `Ｒｅｆ`) become ASCII, and the ideographic space a
/// plain one: Chinese input methods type them.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars().map(halfwidth).collect()
}

/// What the parsers read: full-width forms as ASCII ([`ascii_digits`]) and the traditional
/// characters of their words as simplified (`點`→`点`, `塊`→`块`), so each word table is
/// written once, in simplified Chinese.
pub(crate) fn folded(s: &str) -> String {
    s.chars().map(|c| fold::simplified(halfwidth(c))).collect()
}

/// One full-width character as its ASCII twin; anything else as it is.
pub(crate) fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn ctx() -> ParseContext {
        let now = "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap();
        ParseContext::new(now)
    }

    fn ok(t: InputType, raw: &str) -> String {
        parse(t, raw, true, &ctx()).unwrap().unwrap().value
    }

    fn bad(t: InputType, raw: &str) -> Invalid {
        parse(t, raw, true, &ctx()).unwrap_err()
    }

    #[test]
    fn empty_answers_are_refused_when_required_and_skipped_otherwise() {
        assert_eq!(bad(InputType::Text, "   "), Invalid::Empty);
        assert_eq!(parse(InputType::Amount, " ", false, &ctx()), Ok(None));
    }

    #[test]
    fn every_type_but_text_reads_at_most_256_characters() {
        let spaced = |spaces: usize| format!("+86{}13800138000", " ".repeat(spaces));
        let at_limit = spaced(SHORT_MAX_CHARS - 14);
        assert_eq!(at_limit.chars().count(), SHORT_MAX_CHARS);
        assert_eq!(ok(InputType::Phone, &at_limit), "+8613800138000");
        assert_eq!(
            bad(InputType::Phone, &spaced(SHORT_MAX_CHARS - 13)),
            Invalid::TooLong {
                max: SHORT_MAX_CHARS
            }
        );
        for t in InputType::ALL {
            let long = "9".repeat(100_000);
            let result = parse(t, &long, true, &ctx());
            if t == InputType::Text {
                assert!(result.is_err(), "text is capped at its own limit");
            } else {
                assert_eq!(
                    result,
                    Err(Invalid::TooLong {
                        max: SHORT_MAX_CHARS
                    }),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn every_type_has_a_name_that_reads_back() {
        for t in InputType::ALL {
            assert_eq!(InputType::from_name(t.name()), Some(t));
            assert!(!t.expected(Lang::En).is_empty() && !t.expected(Lang::Zh).is_empty());
        }
        assert_eq!(InputType::from_name("date"), Some(InputType::Date));
        assert_eq!(InputType::from_name("pin"), None);
    }

    #[test]
    fn what_is_expected_gives_an_example_in_the_readers_language() {
        let examples = [
            (InputType::Text, "text", "文字"),
            (
                InputType::TransactionId,
                "2026112122001400000000001234",
                "字母",
            ),
            (InputType::Datetime, "2026-11-21 14:03", "昨天下午3点"),
            (InputType::Date, "2026-11-21", "11月21日"),
            (InputType::Amount, "59.90 CNY", "59块9"),
            (InputType::Phone, "+86 138 0013 8000", "手机号码"),
            (InputType::Email, "email", "邮箱"),
            (InputType::CardLast4, "1234", "卡号"),
            (InputType::Number, "whole number", "整数"),
        ];
        for (t, en, zh) in examples {
            assert!(t.expected(Lang::En).contains(en), "{t:?}");
            assert!(t.expected(Lang::Zh).contains(zh), "{t:?}");
        }
    }

    #[test]
    fn precisions_are_named_as_reports_write_them() {
        assert_eq!(Precision::Exact.name(), "exact");
        assert_eq!(Precision::Approximate.name(), "approximate");
        assert_eq!(Precision::Date.name(), "date");
    }

    #[test]
    fn full_width_forms_become_ascii() {
        assert_eq!(ascii_digits("１２：０３　ＲＭＢ，．"), "12:03 RMB,.");
        assert_eq!(ascii_digits("元角分"), "元角分");
    }

    #[test]
    fn folding_makes_full_width_ascii_and_traditional_simplified() {
        assert_eq!(folded("９點３０　兩塊"), "9点30 两块");
        assert_eq!(folded("2026-11-21 下午"), "2026-11-21 下午");
    }

    #[test]
    fn quoted_values_are_short_and_escaped() {
        assert_eq!(quote("abc"), "abc");
        assert_eq!(quote("a\u{1b}[2Jb\u{202e}c"), "a\\u{1b}[2Jb\\u{202e}c");
        let long = "字".repeat(200);
        let quoted = quote(&long);
        assert_eq!(quoted.chars().count(), QUOTE_MAX_CHARS + 1);
        assert!(quoted.ends_with('…'));
        assert_eq!(
            quote(&"x".repeat(QUOTE_MAX_CHARS)),
            "x".repeat(QUOTE_MAX_CHARS)
        );
        assert_eq!(quote("\u{9b}\u{7f}"), "\\u{9b}\\u{7f}");
    }

    #[test]
    fn shown_values_say_how_exact_they_are() {
        let approx = Parsed::with_precision("2026-11-21T15:00:00+08:00", Precision::Approximate);
        assert_eq!(
            approx.shown(Lang::En),
            "2026-11-21, around 15:00 (UTC+08:00)"
        );
        assert_eq!(approx.shown(Lang::Zh), "2026-11-21 15:00 左右（UTC+08:00）");
        let day = Parsed::with_precision("2026-11-21", Precision::Date);
        assert_eq!(day.shown(Lang::En), "2026-11-21, time unknown");
        assert_eq!(day.shown(Lang::Zh), "2026-11-21（具体时间不详）");
        let amount = Parsed::with_precision("60.00 CNY", Precision::Approximate);
        assert_eq!(amount.shown(Lang::En), "about 60.00 CNY");
        assert_eq!(amount.shown(Lang::Zh), "约 60.00 CNY");
        let exact = Parsed::with_precision("59.90 CNY", Precision::Exact);
        assert_eq!(exact.shown(Lang::En), "59.90 CNY");
        assert_eq!(approx.typed(), "about 2026-11-21T15:00:00+08:00");
        assert_eq!(exact.typed(), "59.90 CNY");
    }

    #[test]
    fn a_context_takes_the_configured_currency_before_the_locale() {
        let now: Zoned = "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap();
        let zh = ParseContext::for_user(now.clone(), Some("zh_CN.UTF-8"), Lang::Zh, None);
        assert_eq!(zh.default_currency.as_deref(), Some("CNY"));
        assert_eq!(zh.day_first, Some(false));
        let gb = ParseContext::for_user(now.clone(), Some("en_GB.UTF-8"), Lang::En, None);
        assert_eq!(gb.default_currency.as_deref(), Some("GBP"));
        assert_eq!(gb.day_first, Some(true));
        let hk = ParseContext::for_user(now.clone(), Some("zh_CN"), Lang::Zh, Some("hkd"));
        assert_eq!(hk.default_currency.as_deref(), Some("HKD"));
        let bad = ParseContext::for_user(now, Some("C.UTF-8"), Lang::En, Some("XYZ"));
        assert_eq!(bad.default_currency, None);
    }
}
