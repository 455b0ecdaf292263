//! The input types of SPEC, each with the one parser that typed answers, answer files, `--set`
//! and links all go through, so a value means the same wherever it came from.

mod amount;
mod datetime;

use jiff::Zoned;
use serde::Serialize;

use crate::lang::Lang;

/// The longest free text kept; support needs a description, not an essay.
pub const TEXT_MAX_CHARS: usize = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum InputType {
    Text,
    TransactionId,
    Datetime,
    Amount,
    Phone,
    Email,
    CardLast4,
    Number,
}

impl InputType {
    pub const ALL: [InputType; 8] = [
        InputType::Text,
        InputType::TransactionId,
        InputType::Datetime,
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
                "a date and time, e.g. 2026-11-21 14:03, yesterday 9:30 or 14:03",
                "日期和时间，例如 2026-11-21 14:03、昨天 9:30 或 14:03",
            ),
            InputType::Amount => lang.pick(
                "an amount with its currency, e.g. 59.90 CNY, ¥59.9, $12.50 or €5",
                "金额和币种，例如 59.90 CNY、¥59.9、59.9元 或 $12.50",
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

/// What parsing needs from outside: the current time in the user's time zone.
#[derive(Clone, Debug)]
pub struct ParseContext {
    pub now: Zoned,
}

/// Why a value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    Empty,
    TooLong { max: usize },
    Malformed { input_type: InputType },
    InFuture,
    NoCurrency,
    UnknownCurrency { code: String },
    TooManyDecimals { currency: String, digits: u16 },
    NotPositive,
}

impl Invalid {
    /// What is wrong, in `lang`. English reads after the value ("`abc` is not valid; …");
    /// Chinese stands alone. `at_prompt` gives the form shown under a prompt.
    pub fn at_prompt(&self, lang: Lang) -> String {
        match (self, lang) {
            // Short enough for one line: dialoguer clears only one line of error.
            (Invalid::Malformed { input_type }, Lang::En) => {
                format!("Expected {}", input_type.expected(lang))
            }
            (_, Lang::En) => format!("This answer {}", self.message(lang)),
            (_, Lang::Zh) => self.message(lang),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Invalid::Empty, Lang::En) => "is empty; an answer is needed".into(),
            (Invalid::Empty, Lang::Zh) => "不能为空，请填写".into(),
            (Invalid::TooLong { max }, Lang::En) => format!("is longer than {max} characters"),
            (Invalid::TooLong { max }, Lang::Zh) => format!("内容超过 {max} 个字符，请精简一些"),
            (Invalid::Malformed { input_type }, Lang::En) => {
                format!("is not valid; expected {}", input_type.expected(lang))
            }
            (Invalid::Malformed { input_type }, Lang::Zh) => {
                format!("格式不对，应为{}", input_type.expected(lang))
            }
            (Invalid::InFuture, Lang::En) => {
                "is in the future; for an earlier day, add the date or “yesterday”".into()
            }
            (Invalid::InFuture, Lang::Zh) => {
                "这个时间还没到；如果是之前某天，请加上日期或写“昨天”".into()
            }
            (Invalid::NoCurrency, Lang::En) => "has no currency; add one, e.g. 59.90 CNY".into(),
            (Invalid::NoCurrency, Lang::Zh) => "没有币种，请加上，例如 59.90 CNY 或 59.9元".into(),
            (Invalid::UnknownCurrency { code }, Lang::En) => {
                format!("has `{code}`, which is not an ISO 4217 currency code")
            }
            (Invalid::UnknownCurrency { code }, Lang::Zh) => {
                format!("`{code}` 不是有效的币种代码（ISO 4217），例如 CNY、USD")
            }
            (Invalid::TooManyDecimals { currency, digits }, Lang::En) => {
                format!("has more than {digits} decimals, which {currency} does not use")
            }
            (Invalid::TooManyDecimals { currency, digits }, Lang::Zh) => {
                format!("小数位太多：{currency} 最多 {digits} 位小数")
            }
            (Invalid::NotPositive, Lang::En) => "must be more than zero".into(),
            (Invalid::NotPositive, Lang::Zh) => "金额必须大于零".into(),
        }
    }
}

/// Parses one answer. `Ok(None)` is an empty answer to an optional question.
pub fn parse(
    input_type: InputType,
    raw: &str,
    required: bool,
    ctx: &ParseContext,
) -> Result<Option<String>, Invalid> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return if required {
            Err(Invalid::Empty)
        } else {
            Ok(None)
        };
    }
    let malformed = Invalid::Malformed { input_type };
    let value = match input_type {
        InputType::Text => parse_text(trimmed)?,
        InputType::TransactionId => parse_transaction_id(trimmed).ok_or(malformed)?,
        InputType::Datetime => datetime::parse(trimmed, &ctx.now)?,
        InputType::Amount => amount::parse(trimmed)?,
        InputType::Phone => parse_phone(trimmed).ok_or(malformed)?,
        InputType::Email => parse_email(trimmed).ok_or(malformed)?,
        InputType::CardLast4 => parse_card_last4(trimmed).ok_or(malformed)?,
        InputType::Number => parse_number(trimmed).ok_or(malformed)?,
    };
    Ok(Some(value))
}

fn parse_text(s: &str) -> Result<String, Invalid> {
    if s.chars().count() > TEXT_MAX_CHARS {
        return Err(Invalid::TooLong {
            max: TEXT_MAX_CHARS,
        });
    }
    Ok(s.to_string())
}

fn parse_transaction_id(s: &str) -> Option<String> {
    let ok_len = (6..=64).contains(&s.len());
    let ok_chars = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (ok_len && ok_chars).then(|| s.to_string())
}

/// Full-width digits (`１２３`) become ASCII; users of Chinese input methods type them.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10).unwrap_or(c),
            '＋' => '+',
            '．' => '.',
            '，' => ',',
            _ => c,
        })
        .collect()
}

fn parse_phone(s: &str) -> Option<String> {
    let s = ascii_digits(s);
    let (plus, rest) = match s.strip_prefix('+') {
        Some(rest) => (true, rest.to_string()),
        None => match s.strip_prefix("00") {
            Some(rest) => (true, rest.to_string()),
            None => (false, s.clone()),
        },
    };
    let separators = [' ', '-', '(', ')', '.'];
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || separators.contains(&c))
    {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    (6..=15)
        .contains(&digits.len())
        .then(|| if plus { format!("+{digits}") } else { digits })
}

fn parse_email(s: &str) -> Option<String> {
    email_address::EmailAddress::parse_with_options(s, email_address::Options::default())
        .ok()
        .filter(|_| s.contains('.'))
        .map(|_| s.to_string())
}

fn parse_card_last4(s: &str) -> Option<String> {
    let s = ascii_digits(s);
    (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit())).then(|| format!("•••• {s}"))
}

fn parse_number(s: &str) -> Option<String> {
    let s = ascii_digits(s);
    s.parse::<i64>().ok().map(|n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn ctx() -> ParseContext {
        let now = "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap();
        ParseContext { now }
    }

    fn ok(t: InputType, raw: &str) -> String {
        parse(t, raw, true, &ctx()).unwrap().unwrap()
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
    fn transaction_ids_keep_long_digit_strings_as_typed() {
        let wechat = "1217752501201407033233368018";
        assert_eq!(ok(InputType::TransactionId, wechat), wechat);
        assert_eq!(ok(InputType::TransactionId, " 9XK12-ab_3 "), "9XK12-ab_3");
        for bad_id in ["12345", "abc def 123", "交易号123456", &"9".repeat(65)] {
            assert!(
                parse(InputType::TransactionId, bad_id, true, &ctx()).is_err(),
                "{bad_id}"
            );
        }
    }

    #[test]
    fn card_last4_takes_exactly_four_digits_including_full_width() {
        assert_eq!(ok(InputType::CardLast4, "1234"), "•••• 1234");
        assert_eq!(ok(InputType::CardLast4, "１２３４"), "•••• 1234");
        for v in ["123", "12345", "12a4"] {
            assert!(parse(InputType::CardLast4, v, true, &ctx()).is_err(), "{v}");
        }
    }

    #[test]
    fn phones_are_normalised_to_digits_with_an_optional_plus() {
        assert_eq!(ok(InputType::Phone, "+86 138-0013-8000"), "+8613800138000");
        assert_eq!(ok(InputType::Phone, "0044 (20) 7946 0958"), "+442079460958");
        assert_eq!(ok(InputType::Phone, "13800138000"), "13800138000");
        assert!(parse(InputType::Phone, "call me", true, &ctx()).is_err());
        assert!(parse(InputType::Phone, "+1234567890123456", true, &ctx()).is_err());
    }

    #[test]
    fn emails_and_numbers() {
        assert_eq!(
            ok(InputType::Email, "li.lei@example.com"),
            "li.lei@example.com"
        );
        assert!(parse(InputType::Email, "not-an-email", true, &ctx()).is_err());
        assert_eq!(ok(InputType::Number, "３"), "3");
        assert!(parse(InputType::Number, "3.5", true, &ctx()).is_err());
    }

    #[test]
    fn text_is_trimmed_and_capped() {
        assert_eq!(ok(InputType::Text, "  卡被拒了  "), "卡被拒了");
        let long = "字".repeat(TEXT_MAX_CHARS + 1);
        assert_eq!(
            bad(InputType::Text, &long),
            Invalid::TooLong {
                max: TEXT_MAX_CHARS
            }
        );
    }

    #[test]
    fn every_refusal_has_a_message_in_both_languages() {
        for invalid in [
            Invalid::Empty,
            Invalid::InFuture,
            Invalid::NoCurrency,
            Invalid::NotPositive,
            Invalid::Malformed {
                input_type: InputType::Amount,
            },
        ] {
            assert!(!invalid.message(Lang::En).is_empty());
            assert!(!invalid.message(Lang::Zh).is_empty());
        }
    }
}
