//! Privacy as properties, beyond numbers with a checksum (those are in `privacy.rs`): seed
//! phrases in any numbering, case, punctuation or layout; labelled codes, PINs and CVVs on either
//! side of their label and on the next line; what support needs never changed under any policy;
//! and a scan of a scanned text changes nothing.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use wallet_help::privacy::{Policy, scan};

const POLICIES: [Policy; 3] = [
    Policy {
        keep_error_codes: false,
        keep_references: false,
    },
    Policy {
        keep_error_codes: true,
        keep_references: false,
    },
    Policy {
        keep_error_codes: false,
        keep_references: true,
    },
];

/// Words and punctuation around a secret, with no digits and no secret label.
fn filler() -> impl Strategy<Value = String> {
    let word = select(vec![
        "please help",
        "my wallet",
        "it failed",
        "thanks",
        "again",
        "yesterday",
        "请帮忙",
        "谢谢",
        "支付失败了",
        "我的钱包",
        ",",
        "，",
        "。",
        ". ",
        "!",
        "?",
        "(",
        ")",
        "“",
        "”",
        ":",
        "\n",
    ]);
    vec(word, 0..5).prop_map(|w| w.join(" "))
}

// 1. Seed phrases.

fn seed_words() -> impl Strategy<Value = Vec<&'static str>> {
    let list = bip39::Language::English.word_list();
    select(vec![12usize, 15, 18, 21, 24]).prop_flat_map(move |n| vec(select(list.as_slice()), n))
}

/// The phrase as people write it: spaced, with commas (`,` or `，`), dashes, one word a line,
/// numbered (`1.`, `1)`, `(1)`, `#1`), in any case.
fn written_phrase(words: Vec<&'static str>) -> impl Strategy<Value = (Vec<&'static str>, String)> {
    let separator = select(vec![" ", ", ", "，", "、", "-", "\n", " , "]);
    let numbering = select(vec!["", "{}. ", "{}) ", "({}) ", "#{} ", "{}.\u{a0}"]);
    let case = select(vec!["lower", "upper", "capital"]);
    (separator, numbering, case).prop_map(move |(separator, numbering, case)| {
        let written: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let w = match case {
                    "upper" => w.to_uppercase(),
                    "capital" => format!("{}{}", w[..1].to_uppercase(), &w[1..]),
                    _ => (*w).to_string(),
                };
                format!("{}{w}", numbering.replace("{}", &(k + 1).to_string()))
            })
            .collect();
        (words.clone(), written.join(separator))
    })
}

/// No two words in a row of the phrase are left in `out`.
fn phrase_gone(out: &str, words: &[&str]) -> Result<(), TestCaseError> {
    let left: Vec<String> = out
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for pair in words.windows(2) {
        let found = left.windows(2).any(|l| l[0] == pair[0] && l[1] == pair[1]);
        prop_assert!(!found, "{pair:?} left in {out:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(crate::props::config(256))]

    #[test]
    fn seed_phrases_are_removed_in_any_numbering_case_punctuation_or_layout(
        (words, phrase) in seed_words().prop_flat_map(written_phrase),
        before in filler(),
        after in filler(),
        label in select(vec!["", "seed phrase: ", "助记词：", "recovery phrase\n", "my 12 words are "]),
    ) {
        let text = format!("{before} {label}{phrase} {after}");
        for policy in POLICIES {
            phrase_gone(&scan(&text, policy).text, &words)?;
        }
    }
}

// 2. Labelled codes, PINs and CVVs.

/// A secret's label, the digits it takes, and how long they are.
fn labelled() -> impl Strategy<Value = (&'static str, usize)> {
    prop_oneof![
        select(vec![
            "verification code",
            "OTP",
            "SMS code",
            "验证码",
            "驗證碼",
            "动态码",
            "one-time code"
        ])
        .prop_map(|l| (l, 6)),
        select(vec!["PIN", "pin code", "取款密码", "PIN码"]).prop_map(|l| (l, 4)),
        select(vec!["payment password", "支付密码", "付款密碼"]).prop_map(|l| (l, 6)),
        select(vec!["CVV", "CVC2", "安全码", "security code"]).prop_map(|l| (l, 3)),
    ]
}

/// The digits as typed: together, one by one, or in two groups.
fn typed_digits(n: usize) -> impl Strategy<Value = (String, String)> {
    (
        vec(0..10u32, n),
        select(vec!["together", "spaced", "grouped"]),
    )
        .prop_map(move |(ds, how)| {
            let plain: String = ds
                .iter()
                .map(|d| char::from_digit(*d, 10).unwrap())
                .collect();
            let written = match how {
                "spaced" => plain
                    .chars()
                    .map(String::from)
                    .collect::<Vec<_>>()
                    .join(" "),
                "grouped" if n >= 6 => format!("{} {}", &plain[..n / 2], &plain[n / 2..]),
                _ => plain.clone(),
            };
            (plain, written)
        })
}

proptest! {
    #![proptest_config(crate::props::config(512))]

    #[test]
    fn labelled_digits_are_removed_after_or_before_their_label_or_on_the_next_line(
        ((label, _), (plain, written)) in labelled().prop_flat_map(|(l, n)| (Just((l, n)), typed_digits(n))),
        joint in select(vec![" ", ": ", "：", " is ", "是", " = ", ":\n", "\n", " (", " #", " → "]),
        before_it in any::<bool>(),
        before in filler(),
        after in filler(),
    ) {
        let core = if before_it {
            format!("{written} is the {label}")
        } else {
            format!("{label}{joint}{written}")
        };
        let text = format!("{before} {core} {after}");
        let out = scan(&text, Policy::default()).text;
        let digits: String = out.chars().filter(char::is_ascii_digit).collect();
        prop_assert!(!digits.contains(&plain), "{plain} left in {out:?}");
    }
}

// 3. What support needs, under every policy.

fn digits(n: usize) -> impl Strategy<Value = String> {
    vec(0..10u32, n).prop_map(|ds| {
        ds.iter()
            .map(|d| char::from_digit(*d, 10).unwrap())
            .collect()
    })
}

fn what_support_needs() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        (1..10u32, digits(27)).prop_map(|(f, r)| format!("{f}{r}")),
        digits(27).prop_map(|r| format!("42000{r}")),
        "[0-9][0-9A-Z]{16}"
            .prop_filter("a letter", |id| id.chars().any(|c| c.is_ascii_uppercase())),
        (0..100_000u32, 0..100u32).prop_map(|(u, c)| format!("¥{u}.{c:02}")),
        (0..100_000u32, 0..100u32).prop_map(|(u, c)| format!("{u}.{c:02} CNY")),
        (0..10_000u32).prop_map(|u| format!("{u}元")),
        (2000..2031u32, 1..13u32, 1..29u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (2000..2031u32, 1..13u32, 1..29u32).prop_map(|(y, m, d)| format!("{y}年{m}月{d}日")),
        (0..24u32, 0..60u32).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
        (0..10_000u32).prop_map(|c| format!("error code {c}")),
        (0..10_000u32).prop_map(|c| format!("错误码 E{c}")),
        digits(8).prop_map(|r| format!("+86 138 {} {}", &r[..4], &r[4..])),
        "[a-z]{3,8}\\.[a-z]{2,6}@example\\.(com|cn)",
        select(vec![
            "paid",
            "refund",
            "order",
            "still pending",
            "请帮忙查一下",
            "谢谢",
            "商户"
        ])
        .prop_map(String::from),
    ];
    let joint = select(vec![" ", "，", "、", ", ", "; ", "。"]);
    vec((piece, joint), 1..8).prop_map(|pieces| {
        pieces
            .into_iter()
            .fold(String::new(), |text, (piece, joint)| text + &piece + joint)
    })
}

proptest! {
    #![proptest_config(crate::props::config(512))]

    #[test]
    fn what_support_needs_is_never_changed_under_any_policy(text in what_support_needs()) {
        for policy in POLICIES {
            let out = scan(&text, policy);
            prop_assert_eq!(&out.text, &text, "{:?}", out.changes);
        }
    }
}

// 4. A scanned text scanned again.

fn any_answer() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        what_support_needs(),
        filler(),
        seed_words()
            .prop_flat_map(written_phrase)
            .prop_map(|(_, p)| p),
        (labelled(), digits(6)).prop_map(|((l, _), d)| format!("{l} {d}")),
        "[a-zA-Z0-9!@#$%^&*]{4,12}".prop_map(|p| format!("password: {p}")),
        "[0-9 -]{12,24}",
        "\\PC{0,40}",
    ];
    vec(piece, 1..5).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(crate::props::config(512))]

    #[test]
    fn a_scanned_text_scanned_again_is_the_same(text in any_answer()) {
        for policy in POLICIES {
            let once = scan(&text, policy);
            let twice = scan(&once.text, policy);
            prop_assert_eq!(&twice.text, &once.text);
            prop_assert!(twice.changes.is_empty(), "{:?}", twice.changes);
        }
    }
}
