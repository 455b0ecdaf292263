//! Phone numbers as whole numbers, so that an official number matches only itself: a country
//! calling code and a national number (`+86 400 000 0000`), or a short service number
//! (`95188`). A tail of a number, a number inside a longer one, or the same digits in another
//! country are different numbers.

/// The longest number E.164 allows, calling code included.
const MAX_DIGITS: usize = 15;
/// Shorter than this, a run of digits is not a phone number at all (`14`, `3`).
const MIN_SHORT: usize = 3;
/// Service numbers (`95188`, `110`, `12363`) have at most this many digits.
const MAX_SHORT: usize = 6;

/// A phone number in the form used to compare it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Number {
    /// A full number: its calling code (`86`) and national significant number (`4000000000`).
    International { code: String, national: String },
    /// A short service number, dialled as it is, in one country (`code`) when that is known.
    Short {
        digits: String,
        code: Option<String>,
    },
}

impl Number {
    /// The number as people write it internationally: `+86 4000000000`, or `95188`.
    pub fn display(&self) -> String {
        match self {
            Number::International { code, national } => format!("+{code} {national}"),
            Number::Short { digits, .. } => digits.clone(),
        }
    }

    /// Reads an official number from the provider's settings: international form (`+` or
    /// `00`, then the calling code) or a short service number. A national number is refused:
    /// without its country it could be a different number elsewhere.
    pub fn parse_official(text: &str) -> Result<Number, PhoneProblem> {
        let text = crate::input::ascii_digits(text.trim());
        let (international, rest) = match text.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => match text.strip_prefix("00") {
                Some(rest) => (true, rest),
                None => (false, text.as_str()),
            },
        };
        if !rest.chars().all(|c| c.is_ascii_digit() || is_separator(c)) {
            return Err(PhoneProblem::NotANumber);
        }
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        if international {
            split_international(&digits).ok_or(PhoneProblem::BadInternational)
        } else if (MIN_SHORT..=MAX_SHORT).contains(&digits.len()) {
            Ok(Number::Short { digits, code: None })
        } else {
            Err(PhoneProblem::National)
        }
    }

    /// Whether a number found in a text is this (official) number. `home` is the calling
    /// code a national number is read in.
    pub fn matches(&self, found: &Found, home: Option<&str>) -> bool {
        match (self, found.international) {
            (Number::Short { digits, .. }, false) => *digits == found.digits,
            (Number::Short { digits, code }, true) => code
                .as_deref()
                .is_some_and(|c| found.digits.strip_prefix(c) == Some(digits.as_str())),
            (Number::International { code, national }, true) => {
                found.digits.strip_prefix(code.as_str()) == Some(national.as_str())
            }
            (Number::International { code, national }, false) => {
                // Written without `+`: the whole number (`86 400…`), or a national one.
                let whole = found.digits.strip_prefix(code.as_str()) == Some(national.as_str());
                let national_here = home == Some(code.as_str())
                    && national_form(&found.digits, code).as_deref() == Some(national.as_str());
                whole || national_here
            }
        }
    }
}

/// Why a configured phone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    NotANumber,
    BadInternational,
    National,
}

impl PhoneProblem {
    pub fn message(self) -> &'static str {
        match self {
            PhoneProblem::NotANumber => "expected a phone number: digits, spaces and `-`",
            PhoneProblem::BadInternational => {
                "expected `+`, a country calling code and the number, at most 15 digits"
            }
            PhoneProblem::National => {
                "expected international form (`+86 400 000 0000`) or a short service number (`95188`)"
            }
        }
    }
}

/// `+86 …`: the calling code and the rest, or `None` when the digits cannot be a number.
fn split_international(digits: &str) -> Option<Number> {
    if digits.len() > MAX_DIGITS {
        return None;
    }
    let (code, national) = digits.split_at_checked(calling_code_len(digits)?)?;
    if national.len() < MIN_SHORT {
        return None;
    }
    let number = if national.len() <= MAX_SHORT {
        Number::Short {
            digits: national.to_string(),
            code: Some(code.to_string()),
        }
    } else {
        Number::International {
            code: code.to_string(),
            national: national.to_string(),
        }
    };
    Some(number)
}

/// The national significant number of a number dialled at home in the country of `code`:
/// without the trunk prefix (`0` in most countries, `1` in North America; Italy keeps its 0).
fn national_form(digits: &str, code: &str) -> Option<String> {
    let trunk = match code {
        "1" => Some('1'),
        "39" => None,
        _ => Some('0'),
    };
    let national = match trunk {
        Some(t) => digits.strip_prefix(t).unwrap_or(digits),
        None => digits,
    };
    (national.len() > MAX_SHORT).then(|| national.to_string())
}

/// Country calling codes form a prefix code: `1` and `7` are one digit, these are two, and
/// every other code is three (ITU-T E.164 list of assigned codes).
const TWO_DIGIT_CODES: [&str; 44] = [
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
    "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
    "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
];

/// How many leading digits of an international number are its calling code.
pub fn calling_code_len(digits: &str) -> Option<usize> {
    let first = digits.chars().next()?;
    if first == '0' {
        return None;
    }
    if matches!(first, '1' | '7') {
        return Some(1);
    }
    let two = digits.get(..2)?;
    Some(if TWO_DIGIT_CODES.contains(&two) { 2 } else { 3 })
}

/// The calling code of a POSIX locale's territory (`zh_CN.UTF-8` → `86`), for the places
/// the tool's users mostly live in.
pub fn code_for_locale(locale: &str) -> Option<&'static str> {
    const TERRITORIES: [(&str, &str); 24] = [
        ("CN", "86"),
        ("HK", "852"),
        ("MO", "853"),
        ("TW", "886"),
        ("SG", "65"),
        ("MY", "60"),
        ("US", "1"),
        ("CA", "1"),
        ("GB", "44"),
        ("IE", "353"),
        ("AU", "61"),
        ("NZ", "64"),
        ("JP", "81"),
        ("KR", "82"),
        ("IN", "91"),
        ("DE", "49"),
        ("FR", "33"),
        ("ES", "34"),
        ("IT", "39"),
        ("NL", "31"),
        ("PH", "63"),
        ("TH", "66"),
        ("ID", "62"),
        ("VN", "84"),
    ];
    let territory = locale
        .split(['.', '@'])
        .next()?
        .split(['_', '-'])
        .nth(1)?
        .to_ascii_uppercase();
    TERRITORIES
        .iter()
        .find(|(t, _)| *t == territory)
        .map(|(_, code)| *code)
}

/// A run of digits in a text that may be a phone number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// As written, trimmed.
    pub text: String,
    pub digits: String,
    /// Written with `+` or `00` before it.
    pub international: bool,
    /// Where it starts in the text, in characters.
    pub start: usize,
}

impl Found {
    /// Short enough to be a service number, long enough to be anything.
    pub fn is_short(&self) -> bool {
        !self.international && self.digits.len() <= MAX_SHORT
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{3000}' | '-' | '(' | ')' | '.')
}

/// Every run of digits (with the separators people put in numbers) in `text`, each as a
/// whole. Runs of fewer than three digits are not numbers.
pub fn find_all(text: &str) -> Vec<Found> {
    let text = crate::input::ascii_digits(text);
    let mut found = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut finish = |run: &mut String, start: usize| {
        if let Some(number) = to_found(run, start) {
            found.push(number);
        }
        run.clear();
    };
    for (position, c) in text.chars().enumerate() {
        let continues = !current.is_empty() && (c.is_ascii_digit() || is_separator(c));
        if continues {
            current.push(c);
        } else {
            finish(&mut current, start);
            if c.is_ascii_digit() || c == '+' {
                start = position;
                current.push(c);
            }
        }
    }
    finish(&mut current, start);
    found
}

fn to_found(run: &str, start: usize) -> Option<Found> {
    let run = run.trim_end_matches(is_separator);
    let (plus, rest) = match run.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, run),
    };
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let (international, digits) = match digits.strip_prefix("00") {
        Some(after) if !plus && after.len() > MAX_SHORT => (true, after.to_string()),
        _ => (plus, digits),
    };
    (digits.len() >= MIN_SHORT).then(|| Found {
        text: run.to_string(),
        digits,
        international,
        start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn official(s: &str) -> Number {
        Number::parse_official(s).unwrap()
    }

    fn found(s: &str) -> Found {
        let all = find_all(s);
        assert_eq!(all.len(), 1, "{s}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn calling_codes_are_one_two_or_three_digits() {
        assert_eq!(calling_code_len("14155550100"), Some(1));
        assert_eq!(calling_code_len("864000000000"), Some(2));
        assert_eq!(calling_code_len("85212345678"), Some(3));
        assert_eq!(calling_code_len("442079460958"), Some(2));
        assert_eq!(calling_code_len("0"), None);
    }

    #[test]
    fn official_numbers_are_international_or_short() {
        assert_eq!(
            official("+86 400 000 0000"),
            Number::International {
                code: "86".into(),
                national: "4000000000".into()
            }
        );
        assert_eq!(official("0044 20 7946 0958").display(), "+44 2079460958");
        assert_eq!(
            official("95188"),
            Number::Short {
                digits: "95188".into(),
                code: None
            }
        );
        assert_eq!(
            official("+86 95188"),
            Number::Short {
                digits: "95188".into(),
                code: Some("86".into())
            }
        );
        assert_eq!(
            Number::parse_official("call us"),
            Err(PhoneProblem::NotANumber)
        );
        assert_eq!(
            Number::parse_official("400 000 0000"),
            Err(PhoneProblem::National)
        );
        assert_eq!(
            Number::parse_official("+0 12"),
            Err(PhoneProblem::BadInternational)
        );
    }

    #[test]
    fn a_number_matches_only_as_a_whole() {
        let hotline = official("+86 400 000 0000");
        let home = Some("86");
        for same in [
            "+86 400 000 0000",
            "0086 400-000-0000",
            "400 000 0000",
            "86 4000000000",
        ] {
            assert!(hotline.matches(&found(same), home), "{same}");
        }
        for other in [
            "0000000",
            "000 0000",
            "+1 400 000 0000",
            "+86 400 000 00001",
            "4000000000 9",
        ] {
            assert!(!hotline.matches(&found(other), home), "{other}");
        }
        assert!(
            !hotline.matches(&found("400 000 0000"), Some("1")),
            "a national number is read in the home country"
        );
        let short = official("95188");
        assert!(short.matches(&found("95188"), home));
        assert!(!short.matches(&found("951880"), home));
        assert!(!short.matches(&found("+86 95188"), home));
        assert!(official("+86 95188").matches(&found("+86 95188"), home));
    }

    #[test]
    fn runs_of_digits_are_found_whole() {
        let all = find_all("call +86 400 000 0000 or 95188, not 14:03");
        let digits: Vec<&str> = all.iter().map(|f| f.digits.as_str()).collect();
        assert_eq!(digits, ["864000000000", "95188"]);
        assert!(all.first().unwrap().international);
        assert_eq!(find_all("８６４０００").first().unwrap().digits, "864000");
    }

    #[test]
    fn locales_give_their_calling_code() {
        assert_eq!(code_for_locale("zh_CN.UTF-8"), Some("86"));
        assert_eq!(code_for_locale("en_GB"), Some("44"));
        assert_eq!(code_for_locale("en-US"), Some("1"));
        assert_eq!(code_for_locale("C.UTF-8"), None);
    }
}
