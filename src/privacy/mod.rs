//! Secrets never leave the tool: free text is scanned here before a report, a draft or a screen
//! shows it. Passwords, PINs, payment passwords, CVVs, one-time codes and seed phrases are
//! removed; card numbers, IBANs and China ID numbers are masked to their last 4 (SPEC
//! "Privacy"). Support never needs them, and reports get forwarded and stored.
//!
//! The scan works on a folded copy of the text (`normalize`: full-width as ASCII, compatibility
//! forms folded, invisible characters gone), so each detector sees one form of each character,
//! and replaces what it finds in the text as typed, so what is kept reads as the user wrote it.
//! One detector per kind of secret, each with what it must find and what it must leave alone:
//!
//! - `ibans`, `china_ids`, `cards`: numbers with a checksum, however grouped and separated
//!   (`numbers` reads the digit runs they share);
//! - `seeds`: seed phrases (the BIP-39 word list); `keys`: private keys;
//! - `secrets`: everything found by its label, on either side of it (`labels` has the table,
//!   `values` the shapes of values, `words` the words around them);
//! - `contacts`: masks for phone numbers and email addresses, which are not secrets;
//! - `controls`: what no stored answer keeps (control characters, escapes, bidi controls).
//!
//! Every finding is certain or not. A script removes both kinds; a person at a terminal is asked
//! about uncertain ones at the review (`scan_keeping` applies their answers). Values support
//! needs (transaction ids, order numbers after their label, amounts, dates, times, error codes
//! in an error message) are never changed.
//!
//! Never panics; the work is linear in the length of the text.

mod cards;
mod china_ids;
mod codes;
mod contacts;
mod context;
mod controls;
mod ibans;
mod keys;
mod labels;
mod normalize;
mod numbers;
mod same_as;
mod secrets;
mod seeds;
mod values;
mod words;

use std::ops::Range;

use serde::Serialize;

pub use cards::looks_like_card;
pub use contacts::{mask_email, mask_phone};
pub use controls::strip_controls;

use crate::lang::Lang;
use context::Context;
use normalize::View;

/// What a removed value becomes, in English reports.
pub const REMOVED: &str = "[removed]";
/// What a removed value becomes, in Chinese reports.
pub const REMOVED_ZH: &str = "[已删除]";

/// What kind of secret was changed, for the report's `redactions` and the receipt.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    CardNumber,
    Iban,
    IdNumber,
    Password,
    Pin,
    Cvv,
    VerificationCode,
    SeedPhrase,
    PrivateKey,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::CardNumber,
        Kind::Iban,
        Kind::IdNumber,
        Kind::Password,
        Kind::Pin,
        Kind::Cvv,
        Kind::VerificationCode,
        Kind::SeedPhrase,
        Kind::PrivateKey,
    ];

    /// The kebab-case name, as serialized.
    pub fn name(self) -> &'static str {
        match self {
            Kind::CardNumber => "card-number",
            Kind::Iban => "iban",
            Kind::IdNumber => "id-number",
            Kind::Password => "password",
            Kind::Pin => "pin",
            Kind::Cvv => "cvv",
            Kind::VerificationCode => "verification-code",
            Kind::SeedPhrase => "seed-phrase",
            Kind::PrivateKey => "private-key",
        }
    }

    /// The kind in words, as a sentence names it: "a card number", "银行卡号".
    pub fn words(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Kind::CardNumber => ("a card number", "银行卡号"),
            Kind::Iban => ("an IBAN", "银行账号（IBAN）"),
            Kind::IdNumber => ("an ID number", "身份证号"),
            Kind::Password => ("a password", "密码"),
            Kind::Pin => ("a PIN", "支付密码"),
            Kind::Cvv => ("a CVV", "安全码（CVV）"),
            Kind::VerificationCode => ("a verification code", "验证码"),
            Kind::SeedPhrase => ("a seed phrase", "助记词"),
            Kind::PrivateKey => ("a private key", "私钥"),
        };
        lang.pick(en, zh)
    }
}

/// What an answer may keep that a plain scan would change, from what its question asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Policy {
    /// The answer is an error message: a number after a bare `code` or `码` is an error code and
    /// stays. One-time and security codes (`SMS code`, `验证码`, `CVV`) are still removed; card
    /// and ID numbers still masked.
    pub keep_error_codes: bool,
    /// The answer is a reference (an order or transaction number): its numbers are ids, never
    /// masked as card or ID numbers. Labelled secrets are still removed, IBANs still masked.
    pub keep_references: bool,
}

/// One secret found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: Kind,
    /// `false` when the scan cannot tell (a bare 6-digit number after "code"): a person is
    /// asked; a script removes it anyway.
    pub certain: bool,
    /// Where it is in the scanned text, in bytes.
    pub span: Range<usize>,
    /// The text as typed. In memory only, to ask the user about it: never write it anywhere.
    pub original: String,
    /// What replaces it: [`REMOVED`], or a mask that keeps the last 4 (`•••• 1111`).
    pub replacement: String,
}

/// A text with its secrets replaced, and what was replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scan {
    pub text: String,
    pub changes: Vec<Change>,
}

/// Every secret in `text`, in order, none overlapping; nothing is changed yet.
pub fn find(text: &str, policy: Policy) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut offset = 0;
    for chunk in chunks(text) {
        for mut change in find_in(chunk, policy) {
            change.span = change.span.start + offset..change.span.end + offset;
            changes.push(change);
        }
        offset += chunk.len();
    }
    changes
}

/// `text` with every secret replaced, certain or not: what a script gets.
pub fn scan(text: &str, policy: Policy) -> Scan {
    scan_keeping(text, policy, |_| false)
}

/// `text` with its secrets replaced, except the uncertain ones `keep` says to leave as typed
/// (what the user answered at the review). Certain ones are always replaced.
pub fn scan_keeping(text: &str, policy: Policy, keep: impl Fn(&Change) -> bool) -> Scan {
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::new();
    let mut from = 0;
    for change in find(text, policy) {
        if !change.certain && keep(&change) {
            continue;
        }
        out.push_str(text.get(from..change.span.start).unwrap_or_default());
        out.push_str(&change.replacement);
        from = change.span.end;
        changes.push(change);
    }
    out.push_str(text.get(from..).unwrap_or_default());
    Scan { text: out, changes }
}

/// The secrets in one chunk of text.
fn find_in(text: &str, policy: Policy) -> Vec<Change> {
    let view = View::new(text);
    let mut ctx = Context::new(&view, policy);
    let runs = numbers::runs(&view);
    ibans::find(&mut ctx);
    china_ids::find(&mut ctx, &runs);
    cards::find(&mut ctx, &runs);
    china_ids::find_legacy(&mut ctx, &runs);
    seeds::find(&mut ctx);
    keys::find(&mut ctx);
    secrets::find(&mut ctx);
    let mut findings = ctx.findings;
    findings.sort_by_key(|f| f.start);
    findings
        .into_iter()
        .filter_map(|f| {
            let (start, end) = view.bytes(f.start, f.end);
            let original = text.get(start..end)?.to_string();
            Some(Change {
                kind: f.kind,
                certain: f.certain,
                span: start..end,
                original,
                replacement: f.mask.unwrap_or_else(|| REMOVED.to_string()),
            })
        })
        .collect()
}

/// How much text is scanned at once: far more than any answer (2,000 characters), so a chunk
/// boundary only ever falls in pasted logs, and there at a paragraph or line break.
const CHUNK: usize = 64 * 1024;

/// `text` in pieces of at most about `CHUNK` bytes, cut at a paragraph break, else a line
/// break, else a space, else anywhere between two characters.
fn chunks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.len() > CHUNK {
        let mut limit = CHUNK;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let head = rest.get(..limit).unwrap_or_default();
        let window = head.len().saturating_sub(CHUNK / 4);
        let cut = ["\n\n", "\n", " "]
            .iter()
            .find_map(|sep| {
                head.rfind(sep)
                    .filter(|&at| at > window)
                    .map(|at| at + sep.len())
            })
            .unwrap_or(limit);
        let (piece, tail) = rest.split_at_checked(cut).unwrap_or((rest, ""));
        out.push(piece);
        rest = tail;
    }
    out.push(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_serialized_names() {
        for kind in Kind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
            assert!(!kind.words(Lang::En).is_empty() && !kind.words(Lang::Zh).is_empty());
        }
    }

    #[test]
    fn changes_are_listed_in_order_with_the_text_as_typed() {
        let text = "card ４１１１ １１１１ １１１１ １１１１, CVV 123, 验证码 482913, ID 11010519491231002X, \
                    IBAN GB82WEST12345698765432, password: hunter2";
        let out = scan(text, Policy::default());
        assert_eq!(
            out.text,
            "card •••• 1111, CVV [removed], 验证码 [removed], ID ••••••••••••••002X, \
             IBAN GB•• •••• 5432, password: [removed]"
        );
        let kinds: Vec<Kind> = out.changes.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::CardNumber,
                Kind::Cvv,
                Kind::VerificationCode,
                Kind::IdNumber,
                Kind::Iban,
                Kind::Password
            ]
        );
        assert_eq!(
            out.changes[0].original,
            "４１１１ １１１１ １１１１ １１１１"
        );
        assert_eq!(&text[out.changes[1].span.clone()], "123");
    }

    #[test]
    fn uncertain_findings_the_user_keeps_stay_as_typed() {
        let text = "my code is 702518, password: hunter2";
        let all = scan(text, Policy::default());
        assert_eq!(all.text, "my code is [removed], password: [removed]");
        assert!(!all.changes[0].certain);
        let kept = scan_keeping(text, Policy::default(), |c| c.original == "702518");
        assert_eq!(kept.text, "my code is 702518, password: [removed]");
        assert_eq!(kept.changes.len(), 1);
        // Certain ones go whatever the answer.
        assert_eq!(
            scan_keeping(text, Policy::default(), |_| true).text,
            "my code is 702518, password: [removed]"
        );
    }

    #[test]
    fn scanning_again_changes_nothing() {
        for text in [
            "password: hunter2",
            "card 4111 1111 1111 1111 and IBAN GB82 WEST 1234 5698 7654 32",
            "身份证11010519491231002X，验证码482913",
            "My card starts with 4111 1111. The rest is 1111 1111.",
            "PIN 4111 1111 1111 1111",
            // Found by fuzzing: digits left after a masked card, which the mask's last 4
            // would join into another card.
            "卡号6217\u{3000}2080\u{3000}5473\u{3000}7526\u{3000}080\u{3000}5473\u{3000}7526\u{3000}7+8",
        ] {
            let once = scan(text, Policy::default()).text;
            let twice = scan(&once, Policy::default());
            assert_eq!(twice.text, once, "{text:?}");
            assert!(twice.changes.is_empty(), "{text:?}: {:?}", twice.changes);
            let zh = once.replace(REMOVED, REMOVED_ZH);
            assert!(scan(&zh, Policy::default()).changes.is_empty(), "{zh:?}");
        }
    }

    #[test]
    fn nothing_to_change() {
        for text in [
            "",
            "   ",
            "支付失败了，请帮忙看看 🙏😀",
            "Payment failed 💳 at the shop, amount 59.90 CNY.",
        ] {
            assert_eq!(scan(text, Policy::default()).text, text);
        }
    }

    #[test]
    fn long_text_is_cut_at_line_breaks_and_still_scanned_whole() {
        let line = "card 4111 1111 1111 1111 declined, password: hunter2\n";
        let text = line.repeat(5000);
        let pieces = chunks(&text);
        assert!(pieces.len() > 1);
        assert_eq!(pieces.concat(), text);
        assert!(pieces.iter().all(|p| p.ends_with('\n') || p.len() < CHUNK));
        let out = scan(&text, Policy::default());
        assert_eq!(out.changes.len(), 10_000);
        assert_eq!(
            out.text,
            "card •••• 1111 declined, password: [removed]\n".repeat(5000)
        );
    }

    #[test]
    fn a_break_far_back_in_a_chunk_is_passed_over_for_a_space_near_its_end() {
        let text = format!("Hi\n\n{}", "word ".repeat(40_000));
        let pieces = chunks(&text);
        assert_eq!(pieces.concat(), text);
        let (_, full) = pieces.split_last().unwrap();
        assert!(
            full.iter()
                .all(|p| p.len() > CHUNK * 3 / 4 && p.ends_with(' ')),
            "{:?}",
            pieces.iter().map(|p| p.len()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_answer_and_a_text_of_exactly_one_chunk_are_scanned_in_one_piece() {
        // Far more than any answer: a pasted page of 20,000 bytes is one piece.
        let page = "word ".repeat(4_000);
        assert_eq!(chunks(&page), vec![page.as_str()]);
        let full = "word ".repeat(CHUNK / 5) + &"x".repeat(CHUNK % 5);
        assert_eq!(full.len(), CHUNK);
        assert_eq!(chunks(&full), vec![full.as_str()]);
        assert_eq!(chunks(&(full.clone() + " ")).len(), 2);
    }

    #[test]
    fn a_break_in_the_last_quarter_of_a_chunk_is_used_and_one_before_it_is_not() {
        let window = CHUNK - CHUNK / 4;
        for (space_at, first_piece) in [(window, CHUNK), (window + 1, window + 2)] {
            let text = "x".repeat(space_at) + " " + &"x".repeat(CHUNK);
            let pieces = chunks(&text);
            assert_eq!(pieces.concat(), text);
            assert_eq!(
                pieces.first().map(|p| p.len()),
                Some(first_piece),
                "{space_at}"
            );
        }
    }

    #[test]
    fn text_without_a_break_is_cut_between_characters() {
        let text = "密".repeat(CHUNK);
        let pieces = chunks(&text);
        assert_eq!(pieces.concat(), text);
        assert!(pieces.iter().all(|p| p.len() <= CHUNK));
    }
}
