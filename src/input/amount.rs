//! Money as users write it (`¥59.9`, `59.9元`, `$12.50`, `1,299.00 HKD`), normalised to
//! `59.90 CNY`: ISO 4217 code, with that currency's number of decimals.

use iso_currency::Currency;

use super::{InputType, Invalid, ascii_digits};

const MALFORMED: Invalid = Invalid::Malformed {
    input_type: InputType::Amount,
};

/// Symbols and words users put before or after a number, longest first.
const SYMBOLS: [(&str, &str); 12] = [
    ("HK$", "HKD"),
    ("US$", "USD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("$", "USD"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("元", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
];

pub(super) fn parse(raw: &str) -> Result<String, Invalid> {
    let s = ascii_digits(raw);
    let (number, code) = split_currency(s.trim())?;
    let currency = Currency::from_code(&code).ok_or(Invalid::UnknownCurrency { code })?;
    let decimals = currency.exponent().unwrap_or(0);
    let (whole, fraction) = split_number(number)?;
    if fraction.len() > usize::from(decimals) {
        return Err(Invalid::TooManyDecimals {
            currency: currency.code().into(),
            digits: decimals,
        });
    }
    if whole.chars().chain(fraction.chars()).all(|c| c == '0') {
        return Err(Invalid::NotPositive);
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let value = if decimals == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{fraction:0<width$}", width = usize::from(decimals))
    };
    Ok(format!("{value} {}", currency.code()))
}

/// Separates the number from its currency symbol or code, wherever the user put it.
fn split_currency(s: &str) -> Result<(&str, String), Invalid> {
    for (symbol, code) in SYMBOLS {
        if let Some(rest) = s.strip_prefix(symbol) {
            return Ok((rest.trim(), code.into()));
        }
        if let Some(rest) = s.strip_suffix(symbol) {
            return Ok((rest.trim(), code.into()));
        }
    }
    if let Some(rest) = s.strip_suffix("块") {
        return Ok((rest.trim(), "CNY".into()));
    }
    let letters = |t: &str| t.len() == 3 && t.chars().all(|c| c.is_ascii_alphabetic());
    let tokens: Vec<&str> = s.split_whitespace().collect();
    match tokens.as_slice() {
        [n, c] | [c, n] if letters(c) => Ok((n, c.to_ascii_uppercase())),
        _ => split_glued_code(s),
    }
}

/// `59.90CNY` or `CNY59.90`, written without a space.
fn split_glued_code(s: &str) -> Result<(&str, String), Invalid> {
    let is_number = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    // Both ends are split on a char boundary or not at all: `5角` is three bytes of `角`
    // after the `5`, not a currency code.
    let letters = |c: &str| c.len() == 3 && c.chars().all(|c| c.is_ascii_alphabetic());
    if let Some((n, c)) = s.len().checked_sub(3).and_then(|at| s.split_at_checked(at))
        && is_number(n)
        && letters(c)
    {
        return Ok((n, c.to_ascii_uppercase()));
    }
    if let Some((c, n)) = s.split_at_checked(3)
        && is_number(n)
        && letters(c)
    {
        return Ok((n, c.to_ascii_uppercase()));
    }
    if is_number(s) {
        Err(Invalid::NoCurrency)
    } else {
        Err(MALFORMED)
    }
}

/// `1,299.00` into `("1299", "00")`; thousands separators must group by three.
fn split_number(s: &str) -> Result<(String, &str), Invalid> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !grouped_ok || !groups.iter().all(|g| digits(g)) || !digits(fraction) {
        return Err(MALFORMED);
    }
    if s.contains('.') && fraction.is_empty() {
        return Err(MALFORMED);
    }
    Ok((groups.concat(), fraction))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_form_in_the_spec() {
        let cases = [
            ("59.90 CNY", "59.90 CNY"),
            ("¥59.9", "59.90 CNY"),
            ("￥59.9", "59.90 CNY"),
            ("59.9元", "59.90 CNY"),
            ("59.9 块", "59.90 CNY"),
            ("$12.50", "12.50 USD"),
            ("12.5 USD", "12.50 USD"),
            ("usd 12.5", "12.50 USD"),
            ("€5", "5.00 EUR"),
            ("£0.99", "0.99 GBP"),
            ("1,299.00 HKD", "1299.00 HKD"),
            ("HK$1,299", "1299.00 HKD"),
            ("500 JPY", "500 JPY"),
            ("12.345 KWD", "12.345 KWD"),
            ("59.90CNY", "59.90 CNY"),
            ("５９.９元", "59.90 CNY"),
        ];
        for (raw, expected) in cases {
            assert_eq!(parse(raw).as_deref(), Ok(expected), "{raw}");
        }
    }

    #[test]
    fn chinese_units_after_a_digit_never_split_a_character() {
        // Each of these crashed the tool (a byte split inside `角`, `毛`, `万`…).
        for raw in [
            "5角",
            "8毛",
            "9角",
            "1万",
            "3刀",
            "60元左右",
            "5毛钱",
            "12块钱",
            "59元9角",
            "1元2角3分",
            "角",
            "角角角角",
            "1角1",
            "ab角",
            "角ab1",
        ] {
            let _ = parse(raw);
        }
    }

    #[test]
    fn explains_what_is_wrong() {
        assert_eq!(parse("59.90"), Err(Invalid::NoCurrency));
        assert_eq!(
            parse("59.90 XYZ"),
            Err(Invalid::UnknownCurrency { code: "XYZ".into() })
        );
        assert_eq!(
            parse("500.5 JPY"),
            Err(Invalid::TooManyDecimals {
                currency: "JPY".into(),
                digits: 0
            })
        );
        assert_eq!(parse("0 CNY"), Err(Invalid::NotPositive));
        for raw in [
            "-5 USD",
            "1,29.00 USD",
            "12. USD",
            "about ten dollars",
            "$",
            "1.2.3 EUR",
        ] {
            assert!(parse(raw).is_err(), "{raw}");
        }
    }
}
