//! Privacy as properties (SPEC "Privacy", research §7): whatever text surrounds them and however
//! they are written, card numbers, IBANs and China ID numbers leave the tool with no more than
//! their last 4; transaction ids, amounts, dates and plain words leave it untouched.
//!
//! The generators make only valid numbers (Luhn, mod 97, ISO 7064 MOD 11-2 with a real birth
//! date), so a failing case is a number the redactor misses, never a test artefact.

use std::process::{Command, Stdio};

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use wallet_help::privacy::{Policy, Scan, scan};

// Numbers to hide, in their plain ASCII form.

/// `n` random ASCII digits.
fn digits(n: usize) -> impl Strategy<Value = String> {
    vec(0..10u32, n).prop_map(|ds| {
        ds.iter()
            .map(|&d| char::from_digit(d, 10).unwrap())
            .collect()
    })
}

/// The Luhn check digit that completes `body`.
fn luhn_check(body: &str) -> char {
    let sum: u32 = body
        .chars()
        .rev()
        .enumerate()
        .map(|(k, c)| {
            let d = c.to_digit(10).unwrap();
            if k % 2 == 0 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    char::from_digit((10 - sum % 10) % 10, 10).unwrap()
}

fn passes_luhn(number: &str) -> bool {
    let (body, check) = number.split_at(number.len() - 1);
    check.starts_with(luhn_check(body))
}

/// Issuer prefixes and lengths of real cards (research §7.3).
fn card_brand() -> impl Strategy<Value = (String, usize)> {
    prop_oneof![
        (Just("4".to_string()), select(vec![13, 16, 19])),
        ((51..=55u32).prop_map(|p| p.to_string()), Just(16)),
        ((2221..=2720u32).prop_map(|p| p.to_string()), Just(16)),
        (select(vec!["34", "37"]).prop_map(String::from), Just(15)),
        (
            select(vec!["6011", "65"]).prop_map(String::from),
            16..=19usize
        ),
        ((3528..=3589u32).prop_map(|p| p.to_string()), 16..=19usize),
        (Just("62".to_string()), 16..=19usize),
    ]
}

/// A card number of 13–19 digits that passes Luhn.
fn card_number() -> impl Strategy<Value = String> {
    card_brand()
        .prop_flat_map(|(prefix, len)| {
            let middle = digits(len - prefix.len() - 1);
            (Just(prefix), middle)
        })
        .prop_map(|(prefix, middle)| {
            let body = prefix + &middle;
            let check = luhn_check(&body);
            format!("{body}{check}")
        })
}

/// A `UnionPay` number of 16–19 digits with any last digit: many fail Luhn and are still cards.
fn unionpay_number() -> impl Strategy<Value = String> {
    (14..=17usize)
        .prop_flat_map(digits)
        .prop_map(|rest| format!("62{rest}"))
}

/// A country, its IBAN length (SWIFT IBAN registry) and BBAN shape: `a` a letter, `n` a digit,
/// `c` either. Algeria's partly adopted IBAN is outside the registry.
const IBAN_SHAPES: &[(&str, usize, &str)] = &[
    ("GB", 22, "aaaannnnnnnnnnnnnn"),
    ("DE", 22, "nnnnnnnnnnnnnnnnnn"),
    ("FR", 27, "nnnnnnnnnncccccccccccnn"),
    ("NL", 18, "aaaannnnnnnnnn"),
    ("ES", 24, "nnnnnnnnnnnnnnnnnnnn"),
    ("IT", 27, "annnnnnnnnncccccccccccc"),
    ("BE", 16, "nnnnnnnnnnnn"),
    ("NO", 15, "nnnnnnnnnnn"),
    ("CH", 21, "nnnnncccccccccccc"),
    ("PL", 28, "nnnnnnnnnnnnnnnnnnnnnnnn"),
    ("MT", 31, "aaaannnnncccccccccccccccccc"),
    ("BR", 29, "nnnnnnnnnnnnnnnnnnnnnnnac"),
    ("SC", 31, "aaaannnnnnnnnnnnnnnnnnnnaaa"),
    ("DZ", 26, "nnnnnnnnnnnnnnnnnnnnnn"),
];

fn shaped(shape: &str) -> impl Strategy<Value = String> {
    let chars: Vec<_> = shape
        .chars()
        .map(|c| match c {
            'a' => (0..26u8).prop_map(|k| char::from(b'A' + k)).boxed(),
            'n' => (0..10u32)
                .prop_map(|d| char::from_digit(d, 10).unwrap())
                .boxed(),
            _ => (0..36u32)
                .prop_map(|d| char::from_digit(d, 36).unwrap().to_ascii_uppercase())
                .boxed(),
        })
        .collect();
    chars.prop_map(|cs| cs.into_iter().collect())
}

/// ISO 7064 MOD 97-10 of an IBAN rearranged for checking (letters as 10–35).
fn mod97(rearranged: &str) -> u32 {
    rearranged.chars().fold(0, |rest, c| {
        let v = c.to_digit(36).unwrap();
        if v < 10 {
            (rest * 10 + v) % 97
        } else {
            (rest * 100 + v) % 97
        }
    })
}

/// A valid IBAN of one of `IBAN_SHAPES`' countries, its check digits computed.
fn iban() -> impl Strategy<Value = String> {
    select(IBAN_SHAPES)
        .prop_flat_map(|(country, len, shape)| (Just(country), Just(len), shaped(shape)))
        .prop_map(|(country, len, bban)| {
            let check = 98 - mod97(&format!("{bban}{country}00"));
            let iban = format!("{country}{check:02}{bban}");
            assert_eq!(iban.len(), len, "{iban}");
            assert_eq!(mod97(&format!("{}{}", &iban[4..], &iban[..4])), 1);
            iban
        })
}

/// Province codes (GB/T 2260) that begin a China ID number.
const PROVINCES: &[u32] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65,
];

fn days_in(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A real birth date in `years`: (year, month, day).
fn birth_date(years: std::ops::RangeInclusive<u32>) -> impl Strategy<Value = (u32, u32, u32)> {
    (years, 1..=12u32).prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in(y, m)))
}

/// The 6-digit address code: a province, then a city and county.
fn address_code() -> impl Strategy<Value = String> {
    (select(PROVINCES), 1..=99u32, 1..=99u32).prop_map(|(p, c, d)| format!("{p:02}{c:02}{d:02}"))
}

/// ISO 7064 MOD 11-2 as GB 11643-1999 uses it: weights of the first 17 digits, and the check
/// character for each remainder.
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: &str = "10X98765432";

/// An 18-character China resident ID number (GB 11643-1999): its check character is
/// ISO 7064 MOD 11-2 of the first 17 digits, `X` standing for 10.
fn china_id() -> impl Strategy<Value = String> {
    (address_code(), birth_date(1900..=2025), 0..1000u32).prop_map(|(area, (y, m, d), seq)| {
        let body = format!("{area}{y:04}{m:02}{d:02}{seq:03}");
        let sum: u32 = body
            .chars()
            .zip(ID_WEIGHTS)
            .map(|(c, w)| c.to_digit(10).unwrap() * w)
            .sum();
        let check = ID_CHECK.chars().nth(sum as usize % 11).unwrap();
        format!("{body}{check}")
    })
}

/// A legacy 15-digit China ID number (GB 11643-1989): address, `YYMMDD` in the 1900s, sequence.
fn legacy_china_id() -> impl Strategy<Value = String> {
    (address_code(), birth_date(1900..=1999), 0..1000u32)
        .prop_map(|(area, (y, m, d), seq)| format!("{area}{:02}{m:02}{d:02}{seq:03}", y % 100))
}

// How people write them.

/// Groups of 4, one by one, or irregular groups as on cards (4-6-5, 6-13) and statements
/// (6-8-4); every group but the last has 3 or more characters. Mixed groups of 1–2 digits read
/// as a date or a time, and the scan rightly does not join those into a card.
fn grouping(len: usize) -> impl Strategy<Value = Vec<usize>> {
    prop_oneof![
        Just(vec![len]),
        Just(vec![4; len.div_ceil(4)]),
        Just(vec![1; len]),
        vec(3..=7usize, 1..8),
    ]
    .prop_map(move |sizes| {
        let mut out = Vec::new();
        let mut left = len;
        for size in sizes {
            if left == 0 {
                break;
            }
            let take = size.min(left);
            out.push(take);
            left -= take;
        }
        if left > 0 {
            out.push(left);
        }
        out
    })
}

/// How the characters are typed: ASCII, full-width digits, or all full-width (a Chinese input
/// method in full-width mode); letters in either case.
#[derive(Clone, Copy, Debug)]
enum Typing {
    Ascii,
    FullWidthDigits,
    FullWidth,
}

fn typed(c: char, typing: Typing, lower: bool) -> char {
    let c = if lower { c.to_ascii_lowercase() } else { c };
    let wide = |c: char| char::from_u32(u32::from(c) - 0x21 + 0xFF01).unwrap();
    match typing {
        Typing::FullWidthDigits if c.is_ascii_digit() => wide(c),
        Typing::FullWidth if c.is_ascii_alphanumeric() => wide(c),
        _ => c,
    }
}

/// `value` in groups joined by spaces or dashes, maybe in full-width characters. The plain
/// value, and as written.
fn written(value: String) -> impl Strategy<Value = (String, String)> {
    let len = value.chars().count();
    written_in(value, grouping(len))
}

/// An IBAN as written: its country and check digits together (`GB82`), apart (`GB 82`), or
/// split after the first letter (`G B82`), then the account in groups.
fn written_iban(value: String) -> impl Strategy<Value = (String, String)> {
    let len = value.chars().count();
    let head = select(vec![vec![4], vec![2, 2], vec![1, 3]]);
    let groups = (head, grouping(len - 4)).prop_map(move |(head, rest)| match rest.len() {
        1 if head.len() == 1 => vec![len],
        _ => [head, rest].concat(),
    });
    written_in(value, groups)
}

/// What people type between groups: spaces (one, two, no-break, ideographic), dashes, dots,
/// underscores, middle dots.
const SEPARATORS: &[&str] = &[" ", "-", ".", "_", "  ", " - ", "·", "\u{a0}", "\u{3000}"];

/// Separators for up to 40 gaps: one kind throughout, or a different one at each gap; and
/// maybe a line break at one gap.
fn separators() -> impl Strategy<Value = Vec<&'static str>> {
    (
        select(SEPARATORS),
        vec(select(SEPARATORS), 40),
        any::<bool>(),
        proptest::option::of(0..40usize),
    )
        .prop_map(|(one, each, mixed, line_break)| {
            let mut seps = if mixed { each } else { vec![one; 40] };
            if let Some(at) = line_break {
                seps[at] = "\n";
            }
            seps
        })
}

fn written_in(
    value: String,
    groups: impl Strategy<Value = Vec<usize>>,
) -> impl Strategy<Value = (String, String)> {
    let typing = prop_oneof![
        Just(Typing::Ascii),
        Just(Typing::FullWidthDigits),
        Just(Typing::FullWidth)
    ];
    (groups, separators(), typing, any::<bool>()).prop_map(move |(sizes, seps, typing, lower)| {
        let chars: Vec<char> = value.chars().map(|c| typed(c, typing, lower)).collect();
        let mut out = String::new();
        let mut at = 0;
        for (k, size) in sizes.into_iter().enumerate() {
            if at > 0 {
                out.push_str(seps[k % seps.len()]);
            }
            out.extend(&chars[at..at + size]);
            at += size;
        }
        (value.clone(), out)
    })
}

// Text around them.

const ENGLISH: &[&str] = &[
    "my",
    "card",
    "number",
    "is",
    "was",
    "the",
    "payment",
    "failed",
    "declined",
    "at",
    "shop",
    "please",
    "help",
    "refund",
    "transfer",
    "to",
    "from",
    "bank",
    "account",
    "IBAN",
    "ID",
    "and",
    "it",
    "says",
    "wrong",
    "again",
    "order",
    "support",
    "PIN",
    "code",
    "password",
    "CVV",
    "OTP",
    "error",
    "ending",
    "with",
    "reference",
    "yesterday",
    "thanks",
];

const CHINESE: &[&str] = &[
    "我的",
    "卡号",
    "银行卡",
    "身份证号",
    "身份证",
    "账号",
    "转账到",
    "支付",
    "失败",
    "了",
    "请",
    "帮我",
    "查一下",
    "谢谢",
    "订单",
    "尾号",
    "密码",
    "验证码",
    "支付密码",
    "错误码",
    "昨天",
    "退款",
];

/// Punctuation that may touch a number on either side.
const EDGES: &[&str] = &[
    "", " ", ", ", "，", "。", "、", ": ", "：", "(", ")", "（", "）", "“", "”", "\"", "!", "？",
    ";", "#", ". ",
];

/// Random English and Chinese words and punctuation, with no digits.
fn filler() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        select(ENGLISH).prop_map(|w| format!(" {w} ")),
        select(CHINESE).prop_map(String::from),
        select(EDGES).prop_map(String::from),
    ];
    vec(word, 0..8).prop_map(|words| {
        let text: String = words.concat();
        text.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// `number` at any place in filler text, punctuation or Chinese right next to it. The text,
/// and the number as it was before it was written.
fn in_filler(
    number: impl Strategy<Value = (String, String)>,
) -> impl Strategy<Value = (String, String)> {
    (filler(), select(EDGES), number, select(EDGES), filler()).prop_map(
        |(before, left, (plain, written), right, after)| {
            // A number joined to a letter is part of a word (`TX4111…`), not a number.
            let apart = |edge: &str, next: Option<char>| {
                if edge.is_empty() && next.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    " ".to_string()
                } else {
                    edge.to_string()
                }
            };
            let left = apart(left, before.chars().last());
            let right = apart(right, after.chars().next());
            (format!("{before}{left}{written}{right}{after}"), plain)
        },
    )
}

// What is left of a number.

/// Full-width letters and digits as ASCII, upper case.
fn narrow(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '！'..='～' => char::from_u32(u32::from(c) - 0xFF01 + 0x21).unwrap(),
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn digits_of(text: &str) -> String {
    narrow(text).chars().filter(char::is_ascii_digit).collect()
}

/// The last 4 characters of a number: all a report may show of it.
fn last4(plain: &str) -> &str {
    &plain[plain.len() - 4..]
}

/// No more of `plain` is left in `out` (which had no other digits) than some of its last 4
/// digits: either they are shown (`•••• 1111`), or the whole number went with a label's value
/// (`PIN [removed]`).
fn at_most_last_4(out: &str, plain: &str) -> Result<(), TestCaseError> {
    let left = digits_of(out);
    let shown = digits_of(last4(plain));
    prop_assert!(
        shown.ends_with(&left),
        "{plain} left digits {left:?} in {out:?}"
    );
    Ok(())
}

/// The text with separators gone: spaces, line breaks, dashes and Markdown escapes.
fn squashed(text: &str) -> String {
    narrow(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\\'))
        .collect()
}

/// All of `plain` but its last 4 is nowhere in `out`, however separated.
fn hidden_part_absent(out: &str, plain: &str) -> Result<(), TestCaseError> {
    let hidden = &plain[..plain.len() - 4];
    prop_assert!(
        !squashed(out).contains(hidden),
        "{hidden} (of {plain}) is in\n{out}"
    );
    Ok(())
}

/// Any number to hide, as written in filler text.
fn any_secret_in_filler() -> impl Strategy<Value = (String, String)> {
    in_filler(prop_oneof![
        card_number().prop_flat_map(written),
        unionpay_number().prop_flat_map(written),
        iban().prop_flat_map(written_iban),
        china_id().prop_flat_map(written),
        legacy_china_id().prop_flat_map(written),
    ])
}

// 1. Nothing survives the scan but the last 4.

/// `text` redacted as a plain answer and as an error message, which keeps codes but still masks
/// numbers.
fn redactions(text: &str) -> [String; 2] {
    let error_message = Policy {
        keep_error_codes: true,
        ..Policy::default()
    };
    [
        scan(text, Policy::default()).text,
        scan(text, error_message).text,
    ]
}

proptest! {
    #![proptest_config(crate::props::config(512))]

    #[test]
    fn card_numbers_keep_at_most_their_last_4_digits(
        (text, card) in in_filler(card_number().prop_flat_map(written)),
    ) {
        prop_assert!(passes_luhn(&card));
        for out in redactions(&text) {
            at_most_last_4(&out, &card)?;
        }
    }

    #[test]
    fn unionpay_numbers_keep_at_most_their_last_4_digits_even_failing_luhn(
        (text, card) in in_filler(unionpay_number().prop_flat_map(written)),
    ) {
        for out in redactions(&text) {
            at_most_last_4(&out, &card)?;
        }
    }

    #[test]
    fn ibans_keep_at_most_their_last_4_digits(
        (text, iban) in in_filler(iban().prop_flat_map(written_iban)),
    ) {
        for out in redactions(&text) {
            at_most_last_4(&out, &iban)?;
            hidden_part_absent(&out, &iban)?;
        }
    }

    #[test]
    fn china_id_numbers_keep_at_most_their_last_4_characters(
        (text, id) in in_filler(china_id().prop_flat_map(written)),
    ) {
        for out in redactions(&text) {
            at_most_last_4(&out, &id)?;
        }
    }

    #[test]
    fn legacy_china_id_numbers_keep_at_most_their_last_4_digits(
        (text, id) in in_filler(legacy_china_id().prop_flat_map(written)),
    ) {
        for out in redactions(&text) {
            at_most_last_4(&out, &id)?;
        }
    }
}

// 2. Nor any report format.

/// `wallet-help <args>` as a script runs it: no terminal, no prompts, a fixed clock, an empty
/// config folder. Its stdout.
fn wallet_help(args: &[&str]) -> String {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_wallet-help"))
        .args(args)
        .current_dir(config.path())
        .env("NO_COLOR", "1")
        .env("TZ", "UTC")
        .env("SOURCE_DATE_EPOCH", "1795000000")
        .env("XDG_CONFIG_HOME", config.path())
        .env("XDG_DATA_HOME", config.path())
        .env_remove("WALLET_HELP_LANG")
        .env_remove("WALLET_HELP_CONFIG")
        .env_remove("WALLET_HELP_GUIDES")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}\n{stdout}\n{stderr}");
    stdout
}

/// The `contact` report of `what_happened`, in `format`.
fn contact_report(what_happened: &str, format: &str) -> String {
    let answer = format!("what-happened={what_happened}");
    let args = [
        "contact",
        "--no-input",
        "--yes",
        "--lang",
        "en",
        "--format",
        format,
        "--set",
    ];
    wallet_help(&[&args[..], &[answer.as_str()]].concat())
}

proptest! {
    #![proptest_config(crate::props::config(32))]

    #[test]
    fn text_reports_never_hold_more_than_the_last_4((text, secret) in any_secret_in_filler()) {
        hidden_part_absent(&contact_report(&text, "text"), &secret)?;
    }

    #[test]
    fn markdown_reports_never_hold_more_than_the_last_4((text, secret) in any_secret_in_filler()) {
        hidden_part_absent(&contact_report(&text, "markdown"), &secret)?;
    }

    #[test]
    fn json_reports_never_hold_more_than_the_last_4((text, secret) in any_secret_in_filler()) {
        let report = contact_report(&text, "json");
        hidden_part_absent(&report, &secret)?;
        at_most_last_4(&detail(&report, "what-happened").unwrap(), &secret)?;
    }
}

// 3. Transaction ids are kept as typed.

/// What the transaction-id parser accepts (`src/input`): 6–64 letters, digits, `-` and `_`;
/// among them WeChat-style ids of 28–32 digits and ids that happen to pass Luhn.
fn transaction_id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9_-]{6,64}",
        (28..=32usize).prop_flat_map(digits),
        card_number(),
        "[0-9]{17}".prop_map(|body| format!("{body}{}", luhn_check(&body))),
    ]
}

/// A JSON report's detail value.
fn detail(report: &str, id: &str) -> Option<String> {
    let json: serde_json::Value = serde_json::from_str(report).unwrap();
    json["details"]
        .as_array()?
        .iter()
        .find(|d| d["id"] == id)
        .and_then(|d| d["value"].as_str())
        .map(String::from)
}

proptest! {
    #![proptest_config(crate::props::config(32))]

    #[test]
    fn transaction_ids_are_reported_exactly_as_given(id in transaction_id()) {
        let answers = super::test::fixtures().join("answers/payment-failed.toml");
        let report = wallet_help(&[
            "payment-failed",
            "--no-input",
            "--yes",
            "--lang",
            "en",
            "--format",
            "json",
            "--answers",
            answers.to_str().unwrap(),
            // The fixture's 2026-11-21 is after this clock's 2026-11-18.
            "--set",
            "occurred-at=2026-11-17 14:03",
            "--set",
            &format!("transaction-id={id}"),
        ]);
        prop_assert_eq!(detail(&report, "transaction-id"), Some(id));
    }
}

// 4. What support needs is never touched.

/// An amount as users type it: `59.90 CNY`, `¥1,299.00`, `$12.50`, `59.9元`.
fn amount() -> impl Strategy<Value = String> {
    let thousands = |n: u32| {
        let s = n.to_string();
        let mut out = String::new();
        for (k, c) in s.chars().enumerate() {
            if k > 0 && (s.len() - k).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    (0..100_000u32, 0..100u32, 0..4usize).prop_map(move |(units, cents, style)| match style {
        0 => format!("{units}.{cents:02} CNY"),
        1 => format!("¥{}.{cents:02}", thousands(units)),
        2 => format!("${units}.{cents:02}"),
        _ => format!("{units}.{}元", cents % 10),
    })
}

/// A date or time: `2026-11-21 14:03`, `2026/11/21`, `2026年11月21日`, `14:03`.
fn date_time() -> impl Strategy<Value = String> {
    (birth_date(2000..=2030), 0..24u32, 0..60u32, 0..4usize).prop_map(
        |((y, m, d), h, min, style)| match style {
            0 => format!("{y}-{m:02}-{d:02} {h:02}:{min:02}"),
            1 => format!("{y}/{m:02}/{d:02}"),
            2 => format!("{y}年{m}月{d}日"),
            _ => format!("{h:02}:{min:02}"),
        },
    )
}

/// A 28-digit `WeChat` Pay transaction id (`1217752501201407033233368018`).
fn wechat_id() -> impl Strategy<Value = String> {
    (1..10u32, digits(27)).prop_map(|(first, rest)| format!("{first}{rest}"))
}

/// A 17-character `PayPal` transaction id (`3GG279541U471931P`): upper-case letters and digits,
/// beginning with a digit and holding at least one letter.
fn paypal_id() -> impl Strategy<Value = String> {
    "[0-9][0-9A-Z]{16}".prop_filter("has a letter", |id| {
        id.chars().any(|c| c.is_ascii_uppercase())
    })
}

const PLAIN_ENGLISH: &[&str] = &[
    "paid",
    "at",
    "the",
    "shop",
    "on",
    "refund",
    "of",
    "order",
    "transaction",
    "id",
    "PayPal",
    "WeChat",
    "Pay",
    "still",
    "pending",
    "since",
    "charged",
    "twice",
    "please",
    "check",
    "thanks",
];

const PLAIN_CHINESE: &[&str] = &[
    "付款",
    "金额",
    "交易单号",
    "订单号",
    "退款",
    "还没到账",
    "扣了两次",
    "请帮忙查一下",
    "谢谢",
    "昨天",
    "微信支付",
    "商户",
];

/// Amounts, dates, ids and plain words, joined by spaces or Chinese punctuation.
fn what_support_needs() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        amount(),
        date_time(),
        wechat_id(),
        paypal_id(),
        select(PLAIN_ENGLISH).prop_map(String::from),
        select(PLAIN_CHINESE).prop_map(String::from),
    ];
    let joint = select(vec![" ", "，", "、", ", ", "; ", "。"]);
    vec((piece, joint), 1..10).prop_map(|pieces| {
        pieces
            .into_iter()
            .fold(String::new(), |text, (piece, joint)| text + &piece + joint)
    })
}

proptest! {
    #![proptest_config(crate::props::config(512))]

    #[test]
    fn amounts_dates_transaction_ids_and_words_are_kept(text in what_support_needs()) {
        let out: Scan = scan(&text, Policy::default());
        prop_assert_eq!(&out.text, &text);
        prop_assert!(out.changes.is_empty());
    }
}

// 5. An answer that is a reference keeps its numbers.

/// An 18-digit order number that passes Luhn, as a card number would; starting like a card
/// (3–6) or not (1, 7–9). Never a valid China ID number too: after `order`, one of those is
/// deliberately only maybe an ID number (`src/privacy/china_ids.rs`).
fn luhn_order_number(like_a_card: bool) -> impl Strategy<Value = String> {
    let first = if like_a_card {
        select(vec![3, 4, 5, 6])
    } else {
        select(vec![1, 7, 8, 9])
    };
    (first, digits(16))
        .prop_map(|(first, rest)| {
            let body = format!("{first}{rest}");
            format!("{body}{}", luhn_check(&body))
        })
        .prop_filter("a valid China ID number", |n| !id_check_passes(n))
}

/// Whether the 18 digits end in the ID check character of the first 17.
fn id_check_passes(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    let (Some(body), Some(&last)) = (digits.get(..17), digits.get(17)) else {
        return false;
    };
    let sum: u32 = body.iter().zip(ID_WEIGHTS).map(|(d, w)| d * w).sum();
    ID_CHECK.chars().nth(sum as usize % 11) == char::from_digit(last, 10)
}

/// The order number in a short answer: `order 1234…`, `订单号1234…，`.
fn order_answer(like_a_card: bool) -> impl Strategy<Value = (String, String)> {
    let frame = select(vec![
        ("order ", ""),
        ("Order no. ", " please"),
        ("订单号", "，"),
        ("订单号：", ""),
    ]);
    (frame, luhn_order_number(like_a_card))
        .prop_map(|((before, after), number)| (format!("{before}{number}{after}"), number))
}

proptest! {
    #![proptest_config(crate::props::config(256))]

    #[test]
    fn a_reference_keeps_an_order_number_that_passes_luhn(
        (text, number) in prop_oneof![order_answer(true), order_answer(false)],
    ) {
        prop_assert!(passes_luhn(&number));
        let policy = Policy { keep_references: true, ..Policy::default() };
        let out = scan(&text, policy);
        prop_assert_eq!(&out.text, &text);
        prop_assert!(out.changes.is_empty());
    }

    #[test]
    fn free_text_keeps_an_order_number_after_its_label_that_starts_like_no_card(
        (text, _number) in order_answer(false),
    ) {
        let out = scan(&text, Policy::default());
        prop_assert_eq!(&out.text, &text);
    }

    #[test]
    fn free_text_masks_as_uncertain_an_order_number_that_passes_the_card_test(
        (text, number) in order_answer(true),
    ) {
        let out = scan(&text, Policy::default());
        at_most_last_4(&out.text, &number)?;
        prop_assert!(out.text.contains(last4(&number)), "{}", out.text);
        prop_assert!(out.changes.iter().all(|c| !c.certain), "{:?}", out.changes);
    }
}
