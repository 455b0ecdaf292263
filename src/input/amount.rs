//! Money as people write it, normalised to `59.90 CNY` (ISO 4217 code, that currency's
//! decimals): `¥59.9`, `59.9元`, `59块9`, `两块半`, `5角`, `8毛`, `1万`, `1元2角3分`,
//! `两千块`, `60元左右`, `50来块`, `RMB 59.9`, `$12.50`, `€5`, `59,90 €`, `1.299,00 EUR`,
//! `1,299.00 HKD`, `about $50`, Hong Kong's `50蚊` and `5毫`, Taiwan's `新臺幣500元` and
//! `NT$500`, and a bare `59.9` in the user's default currency.
//!
//! The text is read as a short sequence of tokens (numbers, Chinese units, currencies,
//! "about"), in any order people put them; the value is kept in billionths so no float
//! rounding ever changes an amount.

use super::currency::{self, Named};
use super::{InputType, Invalid, ParseContext, Parsed, Precision, folded, zh_numeral};

const MALFORMED: Invalid = Invalid::Malformed {
    input_type: InputType::Amount,
};

/// Amounts are held in billionths of the currency unit.
const SCALE: u128 = 1_000_000_000;

/// The largest amount accepted, in whole units: more than any payment.
const MAX_UNITS: u128 = 1_000_000_000_000_000;

/// A number as written: its digits before and after the decimal separator.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Number {
    nanos: u128,
    /// More than nine decimals: refused once the currency is known.
    too_precise: bool,
    /// How many digits before the separator, for `59块9` (one digit is 角).
    whole_digits: usize,
    has_fraction: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// 万, 千, 百, k: multiplies the number before it.
    Magnitude(u128),
    /// 元, 块, 蚊: whole units.
    Yuan,
    /// 角, 毛, 毫: tenths.
    Jiao,
    /// 分, 仙: hundredths.
    Fen,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Number(Number),
    Unit(Unit),
    Currency(Named),
    About,
    /// 半 after a unit: and a half of it (`两块半`).
    Half,
}

pub(super) fn parse(raw: &str, ctx: &ParseContext) -> Result<Parsed, Invalid> {
    let text = folded(raw).to_lowercase();
    let tokens = lex(text.trim())?;
    let about = tokens.contains(&Token::About);
    let nanos = evaluate(&tokens)?;
    let named: Vec<&Named> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Currency(c) => Some(c),
            _ => None,
        })
        .collect();
    let spoken_chinese = raw.chars().any(is_han);
    let (code, assumed) = currency_of(&named, ctx.default_currency.as_deref(), spoken_chinese)?;
    let currency = currency::known(&code).ok_or(Invalid::UnknownCurrency { code })?;
    let decimals = u32::from(currency.exponent().unwrap_or(0));
    let step = SCALE / 10u128.pow(decimals.min(9));
    let too_precise = tokens
        .iter()
        .any(|t| matches!(t, Token::Number(n) if n.too_precise));
    if too_precise || nanos % step != 0 {
        return Err(Invalid::TooManyDecimals {
            currency: currency.code().into(),
            digits: u16::try_from(decimals).unwrap_or(u16::MAX),
        });
    }
    if nanos == 0 {
        return Err(Invalid::NotPositive);
    }
    if nanos > MAX_UNITS * SCALE {
        return Err(Invalid::TooLarge);
    }
    let whole = nanos / SCALE;
    let value = if decimals == 0 {
        format!("{whole} {}", currency.code())
    } else {
        let fraction = (nanos % SCALE) / step;
        let width = decimals as usize;
        format!("{whole}.{fraction:0width$} {}", currency.code())
    };
    Ok(Parsed {
        assumed_currency: assumed,
        ..Parsed::with_precision(
            value,
            if about {
                Precision::Approximate
            } else {
                Precision::Exact
            },
        )
    })
}

/// The one currency the amount is in: every currency named must agree; a generic one (`$`,
/// `块`) takes an explicit code next to it; none named takes the default, except that an
/// amount said in Chinese words (`1万`, `两千`) is read as 块 would be. Either way it was
/// assumed, and a terminal confirms it.
fn currency_of(
    named: &[&Named],
    default: Option<&str>,
    spoken_chinese: bool,
) -> Result<(String, bool), Invalid> {
    let explicit: Vec<&str> = named
        .iter()
        .filter_map(|n| match n {
            Named::Code(c) => Some(c.as_str()),
            _ => None,
        })
        .collect();
    if let Some(first) = explicit.first() {
        for n in named {
            if !currency::compatible(n, first) {
                let second = match n {
                    Named::Code(c) => c.clone(),
                    generic => currency::resolve(generic, default).0,
                };
                return Err(Invalid::TwoCurrencies {
                    first: (*first).to_string(),
                    second,
                });
            }
        }
        return Ok(((*first).to_string(), false));
    }
    match named.first() {
        Some(generic) => {
            let resolved = currency::resolve(generic, default);
            for n in named {
                let other = currency::resolve(n, default);
                if other.0 != resolved.0 {
                    return Err(Invalid::TwoCurrencies {
                        first: resolved.0,
                        second: other.0,
                    });
                }
            }
            Ok(resolved)
        }
        None if spoken_chinese => Ok((currency::resolve(&Named::Kuai, default).0, true)),
        None => default
            .map(|d| (d.to_string(), true))
            .ok_or(Invalid::NoCurrency),
    }
}

/// A Han character: the amount was said in Chinese words.
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The amount the tokens add up to, in billionths: `1万2千` is 12000, `59块9` is 59.9,
/// `1元2角3分` is 1.23, `3千5` is 3500.
fn evaluate(tokens: &[Token]) -> Result<u128, Invalid> {
    let mut total: u128 = 0;
    let mut pending: Option<&Number> = None;
    let mut last_unit: Option<Unit> = None;
    let mut any_number = false;
    for token in tokens {
        match token {
            Token::Number(n) => {
                if pending.is_some() {
                    return Err(MALFORMED);
                }
                pending = Some(n);
                any_number = true;
            }
            Token::Unit(unit) => {
                let n = match (pending.take(), unit) {
                    (Some(n), _) => n.nanos,
                    // `1万元`: the yuan names the unit of what came before.
                    (None, Unit::Yuan) if last_unit.is_some() => {
                        last_unit = Some(Unit::Yuan);
                        continue;
                    }
                    (None, _) => return Err(MALFORMED),
                };
                let value = match unit {
                    Unit::Magnitude(m) => n.checked_mul(*m),
                    Unit::Yuan => Some(n),
                    Unit::Jiao => Some(n / 10),
                    Unit::Fen => Some(n / 100),
                };
                total = value
                    .and_then(|v| total.checked_add(v))
                    .ok_or(Invalid::TooLarge)?;
                last_unit = Some(*unit);
            }
            Token::Half => {
                let half = match (pending, last_unit) {
                    (None, Some(Unit::Yuan)) => SCALE / 2,
                    (None, Some(Unit::Jiao)) => SCALE / 20,
                    _ => return Err(MALFORMED),
                };
                total = total.checked_add(half).ok_or(Invalid::TooLarge)?;
                // Nothing smaller may follow a half: `两块半5` says nothing.
                last_unit = Some(Unit::Fen);
            }
            Token::Currency(_) | Token::About => {}
        }
    }
    if !any_number {
        return Err(MALFORMED);
    }
    let Some(n) = pending else {
        return Ok(total);
    };
    // A number after the last unit counts in the next smaller one: `59块9`, `1万2`.
    let single_digit = n.whole_digits == 1 && !n.has_fraction;
    let tail = match last_unit {
        None => Some(n.nanos),
        Some(Unit::Magnitude(m)) if single_digit && m >= 100 => n.nanos.checked_mul(m / 10),
        Some(Unit::Yuan) if single_digit => Some(n.nanos / 10),
        Some(Unit::Yuan) if n.whole_digits == 2 && !n.has_fraction => Some(n.nanos / 100),
        Some(Unit::Jiao) if single_digit => Some(n.nanos / 100),
        _ => return Err(MALFORMED),
    };
    tail.and_then(|t| total.checked_add(t))
        .ok_or(Invalid::TooLarge)
}

/// Words that say the amount is approximate, before or after it (`60多块`, `50来块`,
/// `60块多点`).
const ABOUT: [&str; 16] = [
    "approximately",
    "roughly",
    "approx.",
    "approx",
    "around",
    "about",
    "circa",
    "or so",
    "差不多",
    "大约",
    "大概",
    "左右",
    "上下",
    "约",
    "多点",
    "来",
];

/// Chinese units (Cantonese `蚊`, `毫`, `仙` too), and the filler characters that go with
/// them (`块钱`, `整`). Traditional characters are folded before these are matched.
const UNITS: [(&str, Option<Unit>); 17] = [
    ("块钱", Some(Unit::Yuan)),
    ("毛钱", Some(Unit::Jiao)),
    ("块", Some(Unit::Yuan)),
    ("元", Some(Unit::Yuan)),
    ("圆", Some(Unit::Yuan)),
    ("蚊", Some(Unit::Yuan)),
    ("角", Some(Unit::Jiao)),
    ("毛", Some(Unit::Jiao)),
    ("毫子", Some(Unit::Jiao)),
    ("毫", Some(Unit::Jiao)),
    ("分", Some(Unit::Fen)),
    ("仙", Some(Unit::Fen)),
    ("万", Some(Unit::Magnitude(10_000))),
    ("千", Some(Unit::Magnitude(1_000))),
    ("百", Some(Unit::Magnitude(100))),
    ("钱", None),
    ("整", None),
];

/// Splits the text into tokens; anything unknown makes the answer malformed.
fn lex(mut s: &str) -> Result<Vec<Token>, Invalid> {
    let mut tokens = Vec::new();
    loop {
        s = s.trim_start();
        let Some(first) = s.chars().next() else {
            return Ok(tokens);
        };
        let negative = s
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        s = if first.is_ascii_digit() {
            let (number, rest) = take_number(s)?;
            let (number, rest) = spoken_fraction(number, rest);
            tokens.push(Token::Number(number));
            rest
        } else if negative {
            return Err(Invalid::NotPositive);
        } else if let Some(rest) = take_word(s, &mut tokens) {
            rest
        } else if let Some((value, rest)) = zh_numeral::take(s) {
            let whole = Number {
                nanos: u128::from(value) * SCALE,
                too_precise: false,
                whole_digits: value.to_string().len(),
                has_fraction: false,
            };
            let (number, rest) = spoken_fraction(whole, rest);
            tokens.push(Token::Number(number));
            rest
        } else {
            return Err(MALFORMED);
        };
        if tokens.len() > 16 {
            return Err(MALFORMED);
        }
    }
}

/// The currency a Chinese unit implies: the local money of a Chinese-speaking place (元
/// is the yuan in China and the dollar in Taiwan, Hong Kong and Macau; so is 块); the
/// Cantonese 蚊, 毫 and 仙 are Hong Kong's (or Macau's).
fn implied_currency(unit: &str) -> Option<Named> {
    match unit {
        "元" | "圆" | "角" | "分" | "块钱" | "块" | "毛" | "毛钱" => Some(Named::Kuai),
        "蚊" | "毫子" | "毫" | "仙" => Some(Named::Man),
        _ => None,
    }
}

/// A unit, currency, "about" word or ISO code at the start of `s`, pushed onto `tokens`;
/// returns the rest. Chinese units come before Chinese numerals, so `1万` is one and ten
/// thousand, not a numeral `万`.
fn take_word<'s>(s: &'s str, tokens: &mut Vec<Token>) -> Option<&'s str> {
    for about in ABOUT {
        if let Some(rest) = strip_word(s, about) {
            tokens.push(Token::About);
            return Some(rest);
        }
    }
    for (text, unit) in UNITS {
        if let Some(rest) = s.strip_prefix(text) {
            tokens.extend(unit.map(Token::Unit));
            tokens.extend(implied_currency(text).map(Token::Currency));
            return Some(rest);
        }
    }
    if let Some(rest) = s.strip_prefix(['多', '~', '≈']) {
        tokens.push(Token::About);
        return Some(rest);
    }
    if let Some(rest) = s.strip_prefix('半') {
        tokens.push(Token::Half);
        return Some(rest);
    }
    for (mark, code) in currency::MARKS {
        if let Some(rest) = s.strip_prefix(mark) {
            tokens.push(Token::Currency(Named::Code(code.into())));
            return Some(rest);
        }
    }
    if let Some(rest) = s.strip_prefix('$') {
        tokens.push(Token::Currency(Named::Dollar));
        return Some(rest);
    }
    if let Some(rest) = s.strip_prefix(['¥', '\u{ffe5}']) {
        tokens.push(Token::Currency(Named::Yen));
        return Some(rest);
    }
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    let (word, rest) = s.split_at_checked(end)?;
    let token = if word == "k" {
        Token::Unit(Unit::Magnitude(1_000))
    } else if let Some(named) = currency::word(word) {
        Token::Currency(named)
    } else if word.len() == 3 {
        Token::Currency(Named::Code(word.to_ascii_uppercase()))
    } else {
        return None;
    };
    tokens.push(token);
    Some(rest)
}

/// `s` without `word` at its start; an English word must end there (`about`, not `abouts`).
fn strip_word<'s>(s: &'s str, word: &str) -> Option<&'s str> {
    let rest = s.strip_prefix(word)?;
    let ends = !word.is_ascii() || !rest.starts_with(|c: char| c.is_ascii_alphabetic());
    ends.then_some(rest)
}

/// The number at the start of `s`: digits with thousands separators (`,` `.` `'`, a
/// space or a narrow no-break space before three digits) and one decimal separator (`.` or
/// `,`), read as the currency's own writing has it.
fn take_number(s: &str) -> Result<(Number, &str), Invalid> {
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        let grouping_space = c == ' ' && {
            let next: Vec<char> = s.get(i + 1..).unwrap_or_default().chars().take(4).collect();
            next.len() >= 3
                && next.iter().take(3).all(char::is_ascii_digit)
                && !next.get(3).is_some_and(char::is_ascii_digit)
        };
        let part_of_number = c.is_ascii_digit()
            || matches!(c, ',' | '.' | '\'' | '\u{a0}' | '\u{202f}')
            || grouping_space;
        if !part_of_number {
            end = i;
            break;
        }
    }
    let (run, rest) = s.split_at_checked(end).ok_or(MALFORMED)?;
    Ok((read_number(run)?, rest))
}

/// The decimals said after `点` (`59点9元`, `五十九点九元`, as voice input writes them),
/// added to `whole`; `whole` as it is when no digit follows a `点`.
fn spoken_fraction(whole: Number, s: &str) -> (Number, &str) {
    let Some(after) = s.strip_prefix('点').filter(|_| !whole.has_fraction) else {
        return (whole, s);
    };
    let digits: String = after.chars().map_while(spoken_digit).collect();
    // Each digit, ASCII or Chinese, is one char; ASCII ones are one byte, Chinese three.
    let taken: usize = after.chars().take(digits.len()).map(char::len_utf8).sum();
    let (Some(rest), false) = (after.get(taken..), digits.is_empty()) else {
        return (whole, s);
    };
    let kept = digits.get(..digits.len().min(9)).unwrap_or_default();
    let too_precise = digits
        .get(9..)
        .is_some_and(|extra| extra.bytes().any(|b| b != b'0'));
    let fraction: u128 = format!("{kept:0<9}").parse().unwrap_or(0);
    let number = Number {
        nanos: whole.nanos + fraction,
        too_precise,
        has_fraction: true,
        ..whole
    };
    (number, rest)
}

/// One digit of spoken decimals: `9` or `九`.
fn spoken_digit(c: char) -> Option<char> {
    let digit = match c {
        '0'..='9' => c,
        '零' | '〇' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        _ => return None,
    };
    Some(digit)
}

/// `1,299.00`, `1.299,00`, `59,90`, `1 299`, `1'299.50` into a [`Number`].
fn read_number(run: &str) -> Result<Number, Invalid> {
    let last_dot = run.rfind('.');
    let last_comma = run.rfind(',');
    let after = |i: usize| run.len() - i - 1;
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(d), None) if run.matches('.').count() == 1 => Some(d),
        (None, Some(c)) if run.matches(',').count() == 1 && after(c) != 3 => Some(c),
        _ => None,
    };
    let (whole, fraction) = match decimal.and_then(|i| run.split_at_checked(i)) {
        // The separator is one ASCII byte.
        Some((whole, separator_and_fraction)) => {
            (whole, separator_and_fraction.get(1..).unwrap_or_default())
        }
        None => (run, ""),
    };
    let groups: Vec<&str> = whole
        .split([',', '.', '\'', ' ', '\u{a0}', '\u{202f}'])
        .collect();
    let grouped_ok = match groups.split_first() {
        Some((first, [])) => !first.is_empty(),
        Some((first, rest)) => (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3),
        None => false,
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !grouped_ok || !groups.iter().all(|g| digits(g)) || !digits(fraction) {
        return Err(MALFORMED);
    }
    if decimal.is_some() && fraction.is_empty() {
        return Err(MALFORMED);
    }
    let whole: String = groups.concat();
    let whole_trimmed = whole.trim_start_matches('0');
    if whole_trimmed.len() > 18 {
        return Err(Invalid::TooLarge);
    }
    let units: u128 = if whole_trimmed.is_empty() {
        0
    } else {
        whole_trimmed.parse().map_err(|_| MALFORMED)?
    };
    let kept = fraction.get(..fraction.len().min(9)).unwrap_or_default();
    let too_precise = fraction
        .get(9..)
        .is_some_and(|extra| extra.bytes().any(|b| b != b'0'));
    let fraction_nanos: u128 = format!("{kept:0<9}").parse().map_err(|_| MALFORMED)?;
    Ok(Number {
        nanos: units * SCALE + fraction_nanos,
        too_precise,
        whole_digits: whole.len(),
        has_fraction: decimal.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(default: Option<&str>) -> ParseContext {
        let mut ctx =
            ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap());
        ctx.default_currency = default.map(str::to_string);
        ctx
    }

    fn value(raw: &str) -> Result<String, Invalid> {
        parse(raw, &ctx(None)).map(|p| p.value)
    }

    #[test]
    fn accepts_every_form_in_the_spec() {
        let cases = [
            ("59.90 CNY", "59.90 CNY"),
            ("¥59.9", "59.90 CNY"),
            ("￥59.9", "59.90 CNY"),
            ("59.9元", "59.90 CNY"),
            ("59.9 块", "59.90 CNY"),
            ("59块9", "59.90 CNY"),
            ("5角", "0.50 CNY"),
            ("8毛", "0.80 CNY"),
            ("60元左右", "60.00 CNY"),
            ("RMB 59.9", "59.90 CNY"),
            ("$12.50", "12.50 USD"),
            ("12.5 USD", "12.50 USD"),
            ("usd 12.5", "12.50 USD"),
            ("€5", "5.00 EUR"),
            ("59,90 €", "59.90 EUR"),
            ("1.299,00 EUR", "1299.00 EUR"),
            ("1,299.00 HKD", "1299.00 HKD"),
            ("£0.99", "0.99 GBP"),
            ("HK$1,299", "1299.00 HKD"),
            ("500 JPY", "500 JPY"),
            ("12.345 KWD", "12.345 KWD"),
            ("59.90CNY", "59.90 CNY"),
            ("CNY59.90", "59.90 CNY"),
            ("５９.９元", "59.90 CNY"),
        ];
        for (raw, expected) in cases {
            assert_eq!(value(raw).as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn chinese_units_add_up() {
        for (raw, expected) in [
            ("1元2角3分", "1.23 CNY"),
            ("59元9角", "59.90 CNY"),
            ("5毛钱", "0.50 CNY"),
            ("12块钱", "12.00 CNY"),
            ("5毛5", "0.55 CNY"),
            ("两块五", "2.50 CNY"),
            ("两千块", "2000.00 CNY"),
            ("1万2", "12000.00 CNY"),
            ("1万2千元", "12000.00 CNY"),
            ("1.5万元", "15000.00 CNY"),
            ("3千5", "3500.00 CNY"),
            ("3刀", "3.00 USD"),
            ("100美元", "100.00 USD"),
            ("人民币100元", "100.00 CNY"),
            ("200港币", "200.00 HKD"),
            ("59块90", "59.90 CNY"),
        ] {
            let parsed = parse(raw, &ctx(Some("CNY"))).map(|p| p.value);
            assert_eq!(parsed.as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn a_spoken_decimal_after_a_unit_is_not_its_smaller_unit() {
        // `59块9` is 59.90, but in `1块5点5` the `5点5` cannot be jiao: refused, not guessed.
        assert_eq!(
            parse("三点五块", &ctx(Some("CNY")))
                .map(|p| p.value)
                .as_deref(),
            Ok("3.50 CNY")
        );
        assert!(parse("1块5点5", &ctx(Some("CNY"))).is_err());
    }

    #[test]
    fn every_word_is_written_simplified() {
        use super::super::fold::assert_simplified;
        assert_simplified(ABOUT);
        assert_simplified(UNITS.map(|(w, _)| w));
        assert_simplified(currency::MARKS.map(|(w, _)| w));
    }

    #[test]
    fn traditional_characters_read_as_the_simplified_ones() {
        for (raw, expected) in [
            ("兩塊半", "2.50 CNY"),
            ("12塊錢", "12.00 CNY"),
            ("人民幣100圓", "100.00 CNY"),
            ("3萬", "30000.00 CNY"),
            ("日圓500", "500 JPY"),
            ("歐元5", "5.00 EUR"),
            ("英鎊5", "5.00 GBP"),
        ] {
            let parsed = parse(raw, &ctx(Some("CNY"))).map(|p| p.value);
            assert_eq!(parsed.as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn hong_kong_taiwan_and_macau_money() {
        for (raw, default, expected) in [
            ("新臺幣500元", Some("CNY"), "500.00 TWD"),
            ("500元", Some("TWD"), "500.00 TWD"),
            ("台幣300", None, "300.00 TWD"),
            ("NT$300", None, "300.00 TWD"),
            ("NT 300", None, "300.00 TWD"),
            ("300 NTD", None, "300.00 TWD"),
            ("港幣200元", None, "200.00 HKD"),
            ("200港纸", None, "200.00 HKD"),
            ("50蚊", Some("CNY"), "50.00 HKD"),
            ("50蚊", None, "50.00 HKD"),
            ("50蚊", Some("MOP"), "50.00 MOP"),
            ("5蚊5毫", Some("HKD"), "5.50 HKD"),
            ("3毫子", Some("HKD"), "0.30 HKD"),
            ("50仙", Some("HKD"), "0.50 HKD"),
            ("HK$50蚊", None, "50.00 HKD"),
            ("澳門幣100", None, "100.00 MOP"),
            ("100葡币", None, "100.00 MOP"),
            ("MOP$100", None, "100.00 MOP"),
            ("100 pataca", None, "100.00 MOP"),
        ] {
            let parsed = parse(raw, &ctx(default)).map(|p| p.value);
            assert_eq!(parsed.as_deref(), Ok(expected), "{raw} with {default:?}");
        }
        // Said in Macau, 蚊 is an assumption a terminal confirms; in Hong Kong it is not.
        assert!(parse("50蚊", &ctx(Some("MOP"))).unwrap().assumed_currency);
        assert!(!parse("50蚊", &ctx(Some("HKD"))).unwrap().assumed_currency);
        assert!(parse("500元", &ctx(Some("TWD"))).unwrap().assumed_currency);
    }

    #[test]
    fn a_symbol_with_its_country() {
        for (raw, expected) in [
            ("CN¥59.9", "59.90 CNY"),
            ("CN￥59.9", "59.90 CNY"),
            ("RMB¥59.9", "59.90 CNY"),
            ("RMB￥59.9", "59.90 CNY"),
            ("US$12", "12.00 USD"),
            ("A$20", "20.00 AUD"),
            ("C$20", "20.00 CAD"),
            ("S$20", "20.00 SGD"),
            ("AU$20", "20.00 AUD"),
            ("CA$20", "20.00 CAD"),
            ("SG$20", "20.00 SGD"),
            ("₩5000", "5000 KRW"),
            ("5000韩元", "5000 KRW"),
            ("NZ$20", "20.00 NZD"),
            ("JP¥500", "500 JPY"),
            ("R$20", "20.00 BRL"),
            ("20 renminbi", "20.00 CNY"),
        ] {
            assert_eq!(value(raw).as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn every_chinese_digit_after_dian_reads_as_its_value() {
        // Voice input writes decimals digit by digit: `三点一四` is 3.14.
        let said = "零〇一二三四五六七八九";
        let read: String = said.chars().filter_map(spoken_digit).collect();
        assert_eq!(read, "00123456789");
        assert_eq!(value("三点一四元").as_deref(), Ok("3.14 CNY"));
        assert_eq!(value("0点二六八 KWD").as_deref(), Ok("0.268 KWD"));
        assert_eq!(spoken_digit('十'), None, "a tens word is not a digit");
    }

    #[test]
    fn decimals_said_after_dian() {
        for (raw, expected) in [
            ("59点9元", "59.90 CNY"),
            ("59點90元", "59.90 CNY"),
            ("五十九点九元", "59.90 CNY"),
            ("五点零五块", "5.05 CNY"),
            ("0点5元", "0.50 CNY"),
            ("12点345 KWD", "12.345 KWD"),
        ] {
            assert_eq!(value(raw).as_deref(), Ok(expected), "{raw}");
        }
        for raw in ["60点", "60点元", "1点2.3元", "12.5点3元", "点5元"] {
            assert_eq!(value(raw), Err(MALFORMED), "{raw}");
        }
        assert_eq!(
            value("1点2345678901元"),
            Err(Invalid::TooManyDecimals {
                currency: "CNY".into(),
                digits: 2
            })
        );
        assert_eq!(value("1点5000000000 KWD").as_deref(), Ok("1.500 KWD"));
        assert_eq!(
            value("1点5000000001 KWD"),
            Err(Invalid::TooManyDecimals {
                currency: "KWD".into(),
                digits: 3
            })
        );
    }

    #[test]
    fn the_yen_sign_is_yuan_unless_yen_is_named_or_the_users() {
        assert_eq!(value("¥1000").as_deref(), Ok("1000.00 CNY"));
        assert_eq!(value("¥1,000 JPY").as_deref(), Ok("1000 JPY"));
        assert_eq!(value("￥59.9 CNY").as_deref(), Ok("59.90 CNY"));
        let jp = parse("¥1000", &ctx(Some("JPY"))).unwrap();
        assert_eq!((jp.value.as_str(), jp.assumed_currency), ("1000 JPY", true));
        assert_eq!(
            value("¥5 USD"),
            Err(Invalid::TwoCurrencies {
                first: "USD".into(),
                second: "CNY".into()
            })
        );
    }

    #[test]
    fn and_a_half_of_the_unit_before() {
        for (raw, expected) in [
            ("两块半", "2.50 CNY"),
            ("3蚊半", "3.50 HKD"),
            ("1元半", "1.50 CNY"),
            ("5毛半", "0.55 CNY"),
        ] {
            assert_eq!(value(raw).as_deref(), Ok(expected), "{raw}");
        }
        for raw in ["半", "半块", "3半", "1万半", "两块半5", "两块半毛", "5分半"] {
            assert_eq!(value(raw), Err(MALFORMED), "{raw}");
        }
    }

    #[test]
    fn a_number_after_the_last_unit_is_one_digit_of_the_next_smaller_unit() {
        for (raw, expected) in [
            ("1万2", "12000.00 CNY"),
            ("5百5", "550.00 CNY"),
            ("3k5", "3500.00 CNY"),
            ("59块9", "59.90 CNY"),
            ("59块90", "59.90 CNY"),
            ("5毛5", "0.55 CNY"),
        ] {
            let parsed = parse(raw, &ctx(Some("CNY"))).map(|p| p.value);
            assert_eq!(parsed.as_deref(), Ok(expected), "{raw}");
        }
        // More digits than the next unit holds, a fraction, or no unit before it.
        for raw in [
            "1万25", "1万2.5", "5百55", "59块9.5", "59块123", "59块9.0", "5毛55", "5毛5.5", "5分5",
            "元5", "块",
        ] {
            assert_eq!(value(raw), Err(MALFORMED), "{raw}");
        }
    }

    #[test]
    fn numbers_as_each_country_groups_them() {
        for (raw, expected) in [
            ("1 299 CNY", "1299.00 CNY"),
            ("1 299,50 EUR", "1299.50 EUR"),
            ("1\u{a0}299 EUR", "1299.00 EUR"),
            ("1\u{202f}299 EUR", "1299.00 EUR"),
            ("1'299.50 CHF", "1299.50 CHF"),
            ("1.299.000 EUR", "1299000.00 EUR"),
            ("1,299,000 USD", "1299000.00 USD"),
            ("1,299 USD", "1299.00 USD"),
            ("1,29 EUR", "1.29 EUR"),
            ("0.5 USD", "0.50 USD"),
            // Zeros past the ninth decimal say nothing.
            ("1.5000000000 EUR", "1.50 EUR"),
        ] {
            assert_eq!(value(raw).as_deref(), Ok(expected), "{raw}");
        }
        for raw in [
            // A space groups exactly three digits.
            "1 2999 CNY",
            "1 29 CNY",
            "1,123456789'0 EUR",
            "1.2,3,4 EUR",
            "1. EUR",
            ",5 EUR",
        ] {
            assert_eq!(value(raw), Err(MALFORMED), "{raw}");
        }
        // Any number of digits is too large, not malformed; the largest amount is in 分 too.
        assert_eq!(value(&"9".repeat(40)), Err(Invalid::TooLarge));
        assert_eq!(
            value("100000000000000000分").as_deref(),
            Ok("1000000000000000.00 CNY")
        );
    }

    #[test]
    fn at_most_sixteen_words_and_numbers() {
        // `5元` is three tokens: the number, the unit and the currency it implies.
        let sixteen = format!("{}5元", "约".repeat(13));
        assert_eq!(value(&sixteen).as_deref(), Ok("5.00 CNY"));
        let seventeen = format!("{}5元", "约".repeat(14));
        assert_eq!(value(&seventeen), Err(MALFORMED));
    }

    #[test]
    fn a_chinese_word_may_touch_a_code_and_an_english_one_may_not() {
        let parsed = parse("约USD 60", &ctx(None)).unwrap();
        assert_eq!(parsed.value, "60.00 USD");
        assert_eq!(parsed.precision, Some(Precision::Approximate));
        assert_eq!(value("aboutusd 60"), Err(MALFORMED));
        assert_eq!(value("about usd 60").as_deref(), Ok("60.00 USD"));
    }

    #[test]
    fn the_glued_code_split_never_cuts_a_character() {
        // Each of these crashed the tool (a byte split inside `角`, `毛`, `万`…).
        for raw in ["角", "角角角角", "1角1", "ab角", "角ab1", "万万", "1元元"] {
            let _ = value(raw);
        }
    }

    #[test]
    fn approximate_amounts_say_so() {
        for raw in [
            "60元左右",
            "about $50",
            "大概60块",
            "约 60 CNY",
            "~60 CNY",
            "60多块",
            "60来块",
            "一百来块",
            "60块多点",
            "60块多",
        ] {
            let parsed = parse(raw, &ctx(None)).unwrap();
            assert_eq!(parsed.precision, Some(Precision::Approximate), "{raw}");
        }
        let exact = parse("60 CNY", &ctx(None)).unwrap();
        assert_eq!(exact.precision, Some(Precision::Exact));
    }

    #[test]
    fn a_bare_number_takes_the_default_currency_and_says_it_was_assumed() {
        let parsed = parse("59.9", &ctx(Some("CNY"))).unwrap();
        assert_eq!(parsed.value, "59.90 CNY");
        assert!(parsed.assumed_currency);
        assert!(!parse("59.9元", &ctx(Some("CNY"))).unwrap().assumed_currency);
        assert_eq!(value("59.90"), Err(Invalid::NoCurrency));
        let hk = parse("$50", &ctx(Some("HKD"))).unwrap();
        assert_eq!(
            (hk.value.as_str(), hk.assumed_currency),
            ("50.00 HKD", true)
        );
        assert_eq!(
            parse("1万", &ctx(Some("CNY"))).unwrap().value,
            "10000.00 CNY"
        );
    }

    #[test]
    fn chinese_money_words_are_yuan_even_in_a_us_or_uk_locale() {
        for (typed, default, expected) in [
            ("59块9", Some("USD"), "59.90 CNY"),
            ("8毛", Some("GBP"), "0.80 CNY"),
            ("1万", Some("USD"), "10000.00 CNY"),
            ("两千", None, "2000.00 CNY"),
            ("50块", Some("HKD"), "50.00 HKD"),
        ] {
            let parsed = parse(typed, &ctx(default)).unwrap();
            assert_eq!(parsed.value, expected, "{typed} with {default:?}");
        }
        // Said without any currency word, the yuan is an assumption a terminal confirms.
        assert!(parse("1万", &ctx(Some("USD"))).unwrap().assumed_currency);
        assert!(!parse("59块9", &ctx(Some("USD"))).unwrap().assumed_currency);
    }

    #[test]
    fn explains_what_is_wrong() {
        assert_eq!(
            value("59.90 XYZ"),
            Err(Invalid::UnknownCurrency { code: "XYZ".into() })
        );
        assert_eq!(
            value("500.5 JPY"),
            Err(Invalid::TooManyDecimals {
                currency: "JPY".into(),
                digits: 0
            })
        );
        assert_eq!(value("0 CNY"), Err(Invalid::NotPositive));
        assert_eq!(value("-5 USD"), Err(Invalid::NotPositive));
        assert_eq!(
            value("$5 CNY"),
            Err(Invalid::TwoCurrencies {
                first: "CNY".into(),
                second: "USD".into()
            })
        );
        assert_eq!(
            value(&format!("{} CNY", "9".repeat(19))),
            Err(Invalid::TooLarge)
        );
        // The largest amount is accepted, and not a cent more.
        assert_eq!(
            value("1000000000000000 CNY").as_deref(),
            Ok("1000000000000000.00 CNY")
        );
        assert_eq!(value("1000000000000000.01 CNY"), Err(Invalid::TooLarge));
        for raw in [
            "1,29.00 USD",
            "12.. USD",
            "about ten dollars",
            "$",
            "1.2.3,4,5 EUR",
            "5 5 CNY",
            "元",
        ] {
            assert!(value(raw).is_err(), "{raw}");
        }
    }
}
