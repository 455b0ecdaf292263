//! Why an answer was refused, in words a user can act on, in English and Chinese.

use jiff::civil::Weekday;

use super::{InputType, quote};
use crate::lang::Lang;

/// Why a value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    Empty,
    TooLong {
        max: usize,
    },
    Malformed {
        input_type: InputType,
    },
    InFuture,
    /// Before 1900, or before the user's zone kept standard time.
    TooEarly {
        min_year: i16,
    },
    /// A date too far ahead to be a due date.
    TooFarAhead {
        max_year: i16,
    },
    /// A UTC offset beyond ±14:00.
    OffsetOutOfRange,
    /// A local time the clocks skipped when daylight saving started.
    SkippedTime {
        time: String,
        zone: String,
        minutes: i32,
        clock_showed: String,
    },
    /// "Don't know the time" without even the day.
    NeedDay,
    /// `05/12` with both readings possible and no locale to settle it.
    AmbiguousDate {
        month_first: String,
        day_first: String,
    },
    /// A weekday and a date that do not agree: `Thu 20 Nov` when 20 Nov is a Friday.
    WrongWeekday {
        date: String,
        said: Weekday,
        actual: Weekday,
    },
    NoCurrency,
    UnknownCurrency {
        code: String,
    },
    TwoCurrencies {
        first: String,
        second: String,
    },
    TooManyDecimals {
        currency: String,
        digits: u16,
    },
    NotPositive,
    TooLarge,
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
        match lang {
            Lang::En => self.english(),
            Lang::Zh => self.chinese(),
        }
    }

    fn english(&self) -> String {
        match self {
            Invalid::Empty => "is empty; an answer is needed".into(),
            Invalid::TooLong { max } => format!("is longer than {max} characters"),
            Invalid::Malformed { input_type } => {
                format!("is not valid; expected {}", input_type.expected(Lang::En))
            }
            Invalid::InFuture => {
                "is in the future; for an earlier day, add the date or “yesterday”".into()
            }
            Invalid::TooEarly { min_year } => format!(
                "is too long ago: times before {min_year}, or before your time zone kept \
                 standard time, are not accepted; check the year"
            ),
            Invalid::TooFarAhead { max_year } => {
                format!("is after {max_year}; check the year")
            }
            Invalid::OffsetOutOfRange => {
                "has a UTC offset beyond ±14:00, which no place uses; check it".into()
            }
            Invalid::SkippedTime {
                time,
                zone,
                minutes,
                clock_showed,
            } => format!(
                "did not happen: in {zone} the clocks went forward {minutes} minutes at that \
                 hour, so there was no {time}; if your phone showed {clock_showed}, write that"
            ),
            Invalid::NeedDay => "has no day; give the day at least, e.g. “yesterday, time \
                                 unknown” or “21 Nov, don't know the time”"
                .into(),
            Invalid::AmbiguousDate {
                month_first,
                day_first,
            } => format!(
                "could be {month_first} or {day_first}; write the month as a word, \
                 e.g. 5 Dec or Dec 5"
            ),
            Invalid::WrongWeekday { date, said, actual } => format!(
                "says {}, but {date} is a {}; check the date",
                english_weekday(*said),
                english_weekday(*actual)
            ),
            Invalid::NoCurrency => "has no currency; add one, e.g. 59.90 CNY".into(),
            Invalid::UnknownCurrency { code } => format!(
                "has `{}`, which is not a currency this tool knows; use an ISO 4217 code \
                 such as CNY, USD or EUR",
                quote(code)
            ),
            Invalid::TwoCurrencies { first, second } => {
                format!("names two currencies, {first} and {second}; give one")
            }
            Invalid::TooManyDecimals { currency, digits } => {
                format!("has more than {digits} decimals, which {currency} does not use")
            }
            Invalid::NotPositive => "must be more than zero".into(),
            Invalid::TooLarge => "is too large to be a payment; check the number".into(),
        }
    }

    fn chinese(&self) -> String {
        match self {
            Invalid::Empty => "不能为空，请填写".into(),
            Invalid::TooLong { max } => format!("内容超过 {max} 个字符，请精简一些"),
            Invalid::Malformed { input_type } => {
                format!("格式不对，应为{}", input_type.expected(Lang::Zh))
            }
            Invalid::InFuture => "这个时间还没到；如果是之前某天，请加上日期或写“昨天”".into(),
            Invalid::TooEarly { min_year } => format!(
                "时间太早：不接受 {min_year} 年以前（或当地尚未采用标准时间时）的时间，\
                 请检查年份"
            ),
            Invalid::TooFarAhead { max_year } => format!("晚于 {max_year} 年，请检查年份"),
            Invalid::OffsetOutOfRange => "时区偏移超出 ±14:00，世上没有这样的时区，请检查".into(),
            Invalid::SkippedTime {
                time,
                zone,
                minutes,
                clock_showed,
            } => format!(
                "这个时间不存在：{zone} 当时调快了 {minutes} 分钟（夏令时开始），没有 {time} \
                 这一刻；如果手机上显示的是 {clock_showed}，请填写它"
            ),
            Invalid::NeedDay => {
                "缺少日期：至少请写明是哪一天，例如“昨天，不记得几点”或“11月21日，时间不清楚”"
                    .into()
            }
            Invalid::AmbiguousDate {
                month_first,
                day_first,
            } => format!("可能是 {month_first}，也可能是 {day_first}；请写成“12月5日”这样的形式"),
            Invalid::WrongWeekday { date, said, actual } => format!(
                "写的是{}，但 {date} 是{}，请核对日期",
                chinese_weekday(*said),
                chinese_weekday(*actual)
            ),
            Invalid::NoCurrency => "没有币种，请加上，例如 59.90 CNY 或 59.9元".into(),
            Invalid::UnknownCurrency { code } => format!(
                "无法识别币种“{}”，请使用 CNY、USD、EUR 这样的代码（ISO 4217）",
                quote(code)
            ),
            Invalid::TwoCurrencies { first, second } => {
                format!("同时写了 {first} 和 {second} 两种币种，请只写一种")
            }
            Invalid::TooManyDecimals { currency, digits } => {
                format!("小数位太多：{currency} 最多 {digits} 位小数")
            }
            Invalid::NotPositive => "金额必须大于零".into(),
            Invalid::TooLarge => "金额过大，不像一笔付款，请检查数字".into(),
        }
    }
}

fn english_weekday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn chinese_weekday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "星期一",
        Weekday::Tuesday => "星期二",
        Weekday::Wednesday => "星期三",
        Weekday::Thursday => "星期四",
        Weekday::Friday => "星期五",
        Weekday::Saturday => "星期六",
        Weekday::Sunday => "星期日",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_has_a_message_in_both_languages() {
        let all = [
            Invalid::Empty,
            Invalid::TooLong { max: 5 },
            Invalid::Malformed {
                input_type: InputType::Amount,
            },
            Invalid::InFuture,
            Invalid::TooEarly { min_year: 1900 },
            Invalid::TooFarAhead { max_year: 2036 },
            Invalid::OffsetOutOfRange,
            Invalid::SkippedTime {
                time: "02:30".into(),
                zone: "America/New_York".into(),
                minutes: 60,
                clock_showed: "03:30".into(),
            },
            Invalid::NeedDay,
            Invalid::AmbiguousDate {
                month_first: "2026-05-12".into(),
                day_first: "2026-12-05".into(),
            },
            Invalid::WrongWeekday {
                date: "2026-11-20".into(),
                said: Weekday::Thursday,
                actual: Weekday::Friday,
            },
            Invalid::NoCurrency,
            Invalid::UnknownCurrency { code: "XYZ".into() },
            Invalid::TwoCurrencies {
                first: "USD".into(),
                second: "CNY".into(),
            },
            Invalid::TooManyDecimals {
                currency: "JPY".into(),
                digits: 0,
            },
            Invalid::NotPositive,
            Invalid::TooLarge,
        ];
        for invalid in all {
            let (en, zh) = (invalid.message(Lang::En), invalid.message(Lang::Zh));
            assert!(!en.is_empty() && en != zh, "{en}");
            assert!(!zh.is_ascii(), "{zh}");
            assert!(!invalid.at_prompt(Lang::En).is_empty());
        }
    }

    #[test]
    fn a_wrong_weekday_names_both_days_in_words() {
        let invalid = Invalid::WrongWeekday {
            date: "2026-11-20".into(),
            said: Weekday::Thursday,
            actual: Weekday::Friday,
        };
        assert_eq!(
            invalid.message(Lang::En),
            "says Thursday, but 2026-11-20 is a Friday; check the date"
        );
        assert_eq!(
            invalid.message(Lang::Zh),
            "写的是星期四，但 2026-11-20 是星期五，请核对日期"
        );
    }

    #[test]
    fn under_a_prompt_english_says_what_was_expected_or_what_is_wrong() {
        let malformed = Invalid::Malformed {
            input_type: InputType::Amount,
        };
        let expected = format!("Expected {}", InputType::Amount.expected(Lang::En));
        assert_eq!(malformed.at_prompt(Lang::En), expected);
        assert_eq!(
            Invalid::InFuture.at_prompt(Lang::En),
            format!("This answer {}", Invalid::InFuture.message(Lang::En))
        );
        assert_eq!(
            Invalid::InFuture.at_prompt(Lang::Zh),
            Invalid::InFuture.message(Lang::Zh)
        );
    }

    #[test]
    fn a_currency_code_is_quoted_short_and_escaped() {
        let message = Invalid::UnknownCurrency {
            code: format!("\u{1b}{}", "x".repeat(500)),
        }
        .message(Lang::En);
        assert!(
            !message.contains('\u{1b}') && message.len() < 300,
            "{message}"
        );
    }
}
