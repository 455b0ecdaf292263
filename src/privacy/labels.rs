//! The words that name a secret (`password`, `PIN`, `验证码`, `签名栏那三位`…) or a value support
//! needs (`order`, `error code`, `交易单号`, `金额`…), in English and in Chinese, simplified and
//! traditional. A secret's value is looked for next to its label; a value next to a label of
//! what support needs is never taken.
//!
//! The table, by rule (what value the label takes), strong labels first:
//!
//! | rule | what it names | value | examples |
//! |---|---|---|---|
//! | `Password` | a login password | a word, a quoted phrase, digits | `password`, `pwd`, `pw`, `p/w`, `passcode`, `密码`, `登录密码`, `登入密碼`, `口令` |
//! | `Pin` | a card or phone PIN | 4–12 digits | `PIN`, `PIN code`, `ATM PIN`, `取款密码`, `银行卡密码`, `PIN码` |
//! | `PaymentPassword` | a wallet's payment password | 4–8 digits (else a word) | `payment password`, `支付密码`, `付款密碼`, `交易密码` |
//! | `Cvv` | the card security code | 3–4 digits | `CVV`, `CVC2`, `CID`, `security number`, `3 digits on the back`, `签名栏`, `背面三位` |
//! | `SecurityCode` | a CVV or a one-time code | 3–4 digits (CVV), 5–8 (code) | `security code`, `安全码`, `校验码` |
//! | `Otp` | a one-time code | 4–8 digits, or 4–8 letters and digits | `verification code`, `OTP`, `SMS code`, `2FA`, `authenticator`, `验证码`, `动态码`, `驗證碼` |
//! | `Code` (weak) | maybe a one-time code | 4–8 digits, never certain | `code`, `码` |
//! | `Backup` | 2FA backup codes | a list of codes | `backup codes`, `recovery codes`, `备用码` |
//! | `Seed` | a seed phrase | words (see `seeds`) | `seed phrase`, `recovery phrase`, `mnemonic`, `助记词` |
//! | `Key` | a private key | one long key | `private key`, `xprv`, `私钥` |
//! | `Card` | a card number | 12–19 digits (see `cards`) | `card number`, `卡号`, `银行卡`, `Visa` |
//! | `Identity` | an ID number | see `china_ids` | `身份证`, `证件号码`, `ID number` |
//! | `Id` | an id support needs | never a code or password; a number after it that passes a card or ID check is only maybe one | `order`, `transaction ID`, `reference`, `订单号`, `交易单号` |
//! | `Keep` | a public code, last 4 digits, a phone | never taken | `error code`, `promo code`, `ending`, `尾号`, `错误码`, `phone` |
//! | `Money` | an amount | never taken | `amount`, `paid`, `charged`, `金额`, `扣了` |
//!
//! A weak label (`pw` and `pass` for a plain word, `code`, `码`) makes a finding uncertain. In
//! English, a space in a label also matches a dash or nothing (`one-time code`, `onetime code`),
//! labels match in any case, and a label is a whole word (`pin` is not in `spinning`).

use std::sync::LazyLock;

use super::normalize::View;

impl Rule {
    /// Whether the label names a secret whose value is looked for next to it.
    pub(super) fn is_secret(self) -> bool {
        !matches!(
            self,
            Rule::Card | Rule::Identity | Rule::Id | Rule::Keep | Rule::Money
        )
    }

    /// Whether the label names a secret typed after it (a password, PIN or code), read by
    /// `secrets`; seed phrases and keys have detectors of their own.
    pub(super) fn is_typed_secret(self) -> bool {
        self.is_secret() && !matches!(self, Rule::Seed | Rule::Key)
    }

    /// Whether the label names something support needs, whose value is never taken for a
    /// one-time code or a password.
    pub(super) fn is_kept(self) -> bool {
        matches!(self, Rule::Id | Rule::Keep | Rule::Money)
    }
}

mod table;

use table::LABELS;
pub(super) use table::Rule;

// The spellings of the labels, sorted, written by the build script from `table.rs`: their
// bytes one after another (`SPELLING_TEXT`), and where each is (`SPELLINGS`). No pointers, so
// the loader has nothing to relocate and the pages are read only when searched.
include!(concat!(env!("OUT_DIR"), "/label_spellings.rs"));

/// One spelling of a label: bytes `start..end` of `SPELLING_TEXT`, and its row in `LABELS`.
#[derive(Clone, Copy, Debug)]
struct Spelling {
    start: u32,
    end: u32,
    row: u16,
}

impl Spelling {
    fn bytes(self) -> &'static [u8] {
        let at = |i: u32| usize::try_from(i).unwrap_or(usize::MAX);
        SPELLING_TEXT
            .get(at(self.start)..at(self.end))
            .unwrap_or_default()
    }

    fn row(self) -> usize {
        usize::from(self.row)
    }
}

/// A label in the view: characters `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label {
    pub start: usize,
    pub end: usize,
    pub rule: Rule,
    pub strong: bool,
}

/// The table's labels with every English spelling of their spaces (` `, `-`, none), ASCII
/// letters in lower case, sorted, each with the table row it came from (the first row, where
/// two rows spell the same).
///
/// A sorted table walked by binary search, not an Aho-Corasick automaton: the automaton for
/// these 1,300 spellings took about 18 million instructions to build, three quarters of a
/// whole scripted report; spelling and sorting them took 1.6 million, a fifth of one, so the
/// build script does it (`SPELLINGS`). Looking up the longest label at a position narrows the
/// sorted range one byte at a time, so a search costs at most the longest label's length in
/// binary searches per position: linear in the text.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let spellings = SPELLINGS;
    // The spellings that start with each byte: sorted, they are one range.
    let mut by_first = vec![(0, 0); 256];
    for (i, spelling) in spellings.iter().enumerate() {
        if let Some(range) = spelling
            .bytes()
            .first()
            .and_then(|&b| by_first.get_mut(usize::from(b)))
        {
            *range = if range.0 == range.1 {
                (i, i + 1)
            } else {
                (range.0, i + 1)
            };
        }
    }
    let mut starts = vec![0u64; PREFIX_BITS / 64];
    for spelling in spellings {
        let bytes = spelling.bytes();
        let prefix = bytes.get(..bytes.len().min(3)).unwrap_or_default();
        set_bit(&mut starts, prefix_bit(prefix));
    }
    Table {
        spellings,
        by_first,
        starts,
    }
});

struct Table {
    spellings: &'static [Spelling],
    /// For each byte, the range of `spellings` that start with it (empty when none does).
    by_first: Vec<(usize, usize)>,
    /// A filter of the spellings' first three bytes (all of a shorter one): where no bit is
    /// set for what the text has, no label starts, and the table is not searched.
    starts: Vec<u64>,
}

/// The filter's size in bits: a few thousand prefixes leave most bits clear.
const PREFIX_BITS: usize = 1 << 16;

/// The filter bit of a prefix of one to three lower-case bytes.
fn prefix_bit(prefix: &[u8]) -> usize {
    let key = prefix
        .iter()
        .fold(prefix.len() as u64, |key, &b| (key << 8) | u64::from(b));
    // Fibonacci hashing: the top 16 bits of the product.
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize % PREFIX_BITS
}

fn set_bit(bits: &mut [u64], bit: usize) {
    if let Some(word) = bits.get_mut(bit / 64) {
        *word |= 1 << (bit % 64);
    }
}

fn bit_is_set(bits: &[u64], bit: usize) -> bool {
    bits.get(bit / 64)
        .is_some_and(|word| word & (1 << (bit % 64)) != 0)
}

impl Table {
    /// The first position at or after `from` that `candidate` allows where a label starts,
    /// with the longest label there: `(start, end, row)`, in bytes of `text`.
    fn find(
        &self,
        text: &str,
        from: usize,
        candidate: impl Fn(usize) -> bool,
    ) -> Option<(usize, usize, usize)> {
        let bytes = text.as_bytes();
        (from..bytes.len())
            .filter(|&at| text.is_char_boundary(at) && candidate(at))
            .find_map(|at| {
                let rest = bytes.get(at..)?;
                if !self.may_start(rest) {
                    return None;
                }
                let first = rest.first()?.to_ascii_lowercase();
                let &range = self.by_first.get(usize::from(first))?;
                self.longest_at(rest, range)
                    .map(|(len, row)| (at, at + len, row))
            })
    }

    /// Whether some spelling may start `rest`: the filter has a bit for its first one, two or
    /// three bytes.
    fn may_start(&self, rest: &[u8]) -> bool {
        let mut prefix = [0u8; 3];
        for k in 0..prefix.len() {
            let (Some(byte), Some(slot)) = (rest.get(k), prefix.get_mut(k)) else {
                return false;
            };
            *slot = byte.to_ascii_lowercase();
            if bit_is_set(
                &self.starts,
                prefix_bit(prefix.get(..=k).unwrap_or_default()),
            ) {
                return true;
            }
        }
        false
    }

    /// The longest spelling `rest` starts with (in any ASCII case), among those in `range`,
    /// which all start with its first byte: its length and row.
    fn longest_at(&self, rest: &[u8], range: (usize, usize)) -> Option<(usize, usize)> {
        // Every spelling in `lo..hi` starts with the first `k` bytes of `rest`; a spelling
        // of exactly `k` bytes sorts first among them.
        let (mut lo, mut hi) = range;
        let mut longest = None;
        for k in 1..=rest.len() {
            if lo >= hi {
                break;
            }
            if let Some(spelling) = self
                .spellings
                .get(lo)
                .filter(|spelling| spelling.bytes().len() == k)
            {
                longest = Some((k, spelling.row()));
                lo += 1;
            }
            let Some(byte) = rest.get(k).map(u8::to_ascii_lowercase) else {
                break;
            };
            let range = self.spellings.get(lo..hi).unwrap_or_default();
            let byte_at = |s: &Spelling| s.bytes().get(k).copied().unwrap_or(0);
            let first = range.partition_point(|s| byte_at(s) < byte);
            let after = range.partition_point(|s| byte_at(s) <= byte);
            (lo, hi) = (lo + first, lo + after);
        }
        longest
    }
}

/// Every label in the view, in order, none overlapping.
pub(super) fn find(view: &View) -> Vec<Label> {
    let table = &*TABLE;
    let text = view.text();
    let at = |byte: usize| view.char_at_byte(byte);
    let mut labels = Vec::new();
    let mut from = 0;
    // A label inside an English word (`pin` in `spinning`, `pay` in `Alipay`) is never a whole
    // word: those positions are not looked at.
    let bytes = text.as_bytes();
    let word_start = |at: usize| {
        let alphanumeric = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        !(alphanumeric(at) && at > 0 && alphanumeric(at - 1))
    };
    // A match that is no whole word for another reason (`pin.example.com`) may hide one that
    // starts inside it: the search goes on from its next character. Labels are short, so
    // this stays linear.
    while let Some((start_byte, end_byte, row)) = table.find(text, from, word_start) {
        let row = LABELS.get(row);
        let (start, end) = (at(start_byte), at(end_byte));
        match row {
            Some(&(_, rule, strong)) if whole_word(view, start, end, rule) => {
                labels.push(Label {
                    start,
                    end,
                    rule,
                    strong,
                });
                from = end_byte;
            }
            _ => {
                let next = text
                    .get(start_byte..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(1, char::len_utf8);
                from = start_byte + next;
            }
        }
        if from > text.len() {
            break;
        }
    }
    labels
}

/// An English label is a whole word: no letter or digit before it, no letter after it (and no
/// digit after a password label, as `password123` is a word of its own).
fn whole_word(view: &View, start: usize, end: usize, rule: Rule) -> bool {
    let first = view.at(start).unwrap_or(' ');
    let last = view.before(end).unwrap_or(' ');
    if first.is_ascii_alphanumeric()
        && view
            .before(start)
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return false;
    }
    // Part of an email address or a host name: `li.pw@example.com`, `pin.example.com`.
    let in_address = first.is_ascii_alphanumeric()
        && (view.before(start).is_some_and(|c| c == '.' || c == '@')
            || view.is(end, |c| c == '@')
            || (view.is(end, |c| c == '.') && view.is(end + 1, |c| c.is_ascii_alphabetic())));
    // Part of an identifier: `PWD_ERR_01`, `ERR_PIN_LOCKED`.
    let in_identifier = (first.is_ascii_alphanumeric() && view.before(start) == Some('_'))
        || (last.is_ascii_alphanumeric() && view.is(end, |c| c == '_'));
    if in_address || in_identifier {
        return false;
    }
    if last.is_ascii_alphanumeric() {
        // A secret's value may follow its label without a space (`pin1234`, `cvv123`), except
        // a password's (`password123` is a word) and what support needs (`Err2026pw`).
        let digit_ok = rule.is_secret() && rule != Rule::Password;
        let next = view.at(end).unwrap_or(' ');
        if next.is_ascii_alphabetic() || (!digit_ok && next.is_ascii_digit()) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::Rule::*;
    use super::table::{sorted_spellings, spellings};
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, Input, MatchKind};
    use proptest::prelude::*;

    #[test]
    fn the_built_table_is_the_labels_spelled_and_sorted() {
        let built: Vec<(String, usize)> = SPELLINGS
            .iter()
            .map(|s| (String::from_utf8(s.bytes().to_vec()).unwrap(), s.row()))
            .collect();
        assert_eq!(built, sorted_spellings());
        assert!(built.len() > LABELS.len());
    }

    /// What the table finds, as an Aho-Corasick automaton (leftmost-longest, ASCII case
    /// insensitive) over the same spellings finds it: `(start, end, row)` from `from`.
    fn automaton_find(text: &str, from: usize) -> Option<(usize, usize, usize)> {
        static AUTOMATON: LazyLock<(aho_corasick::AhoCorasick, Vec<(String, usize)>)> =
            LazyLock::new(|| {
                let patterns: Vec<(String, usize)> = LABELS
                    .iter()
                    .enumerate()
                    .flat_map(|(row, (label, _, _))| {
                        spellings(label).into_iter().map(move |s| (s, row))
                    })
                    .collect();
                let matcher = AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(patterns.iter().map(|(s, _)| s))
                    .unwrap();
                (matcher, patterns)
            });
        let (matcher, patterns) = &*AUTOMATON;
        let m = matcher.find(Input::new(text).range(from..))?;
        let row = patterns[m.pattern().as_usize()].1;
        // Two rows may spell a label alike; the table keeps the first.
        let first_row = patterns
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(&text[m.start()..m.end()]))
            .map_or(row, |(_, r)| *r);
        Some((m.start(), m.end(), first_row))
    }

    proptest! {
        #[test]
        fn the_table_finds_what_an_automaton_finds(
            words in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(LABELS.iter().map(|l| l.0).collect::<Vec<_>>())
                        .prop_map(str::to_string),
                    "[a-zA-Z -]{0,6}",
                    "[\\p{Han}]{0,3}",
                    proptest::sample::select(vec!["PASS", "Pin", "-", " ", "码", "密", "e-mail"])
                        .prop_map(str::to_string),
                ],
                0..8,
            ),
            from in 0usize..40,
        ) {
            let text = words.concat();
            let from = (0..=from.min(text.len())).rev().find(|&f| text.is_char_boundary(f)).unwrap();
            prop_assert_eq!(TABLE.find(&text, from, |_| true), automaton_find(&text, from), "{:?}", text);
        }
    }

    fn labels(text: &str) -> Vec<(String, Rule, bool)> {
        let view = View::new(text);
        find(&view)
            .into_iter()
            .map(|l| (view.string(l.start, l.end).to_string(), l.rule, l.strong))
            .collect()
    }

    #[test]
    fn the_longest_label_wins() {
        assert_eq!(
            labels("支付密码"),
            [("支付密码".into(), PaymentPassword, true)]
        );
        assert_eq!(labels("PIN code"), [("PIN code".into(), Pin, true)]);
        assert_eq!(labels("error code 51"), [("error code".into(), Keep, true)]);
        assert_eq!(labels("验证码"), [("验证码".into(), Otp, true)]);
        assert_eq!(labels("交易单号"), [("交易单号".into(), Id, true)]);
    }

    #[test]
    fn english_labels_in_any_case_with_spaces_dashes_or_none() {
        for text in ["One-Time Code", "one time code", "ONETIME CODE"] {
            assert_eq!(labels(text), [(text.to_string(), Otp, true)], "{text}");
        }
        assert_eq!(labels("ＰＩＮ"), [("PIN".into(), Pin, true)]);
    }

    #[test]
    fn english_labels_are_whole_words() {
        assert!(labels("spinning").is_empty());
        assert!(labels("passport").is_empty());
        assert!(labels("decide").is_empty());
        assert!(labels("password123").is_empty());
        assert!(labels("Err2026pw").is_empty());
        assert!(labels("li.pw@example.com").is_empty());
        assert!(labels("pin.example.com").is_empty());
        assert!(labels("PWD_ERR_01").is_empty());
        assert_eq!(
            labels("Alipay password"),
            [("password".into(), Password, true)]
        );
        assert!(labels("E_PIN").is_empty());
        assert_eq!(labels("pin1234"), [("pin".into(), Pin, true)]);
        assert_eq!(
            labels("我的password是"),
            [("password".into(), Password, true)]
        );
    }

    #[test]
    fn weak_labels_are_marked() {
        assert_eq!(labels("code"), [("code".into(), Code, false)]);
        assert_eq!(labels("那个码"), [("码".into(), Code, false)]);
        assert_eq!(labels("pass:"), [("pass".into(), Password, false)]);
    }

    #[test]
    fn every_label_is_lower_case_and_found_alone() {
        for (label, rule, _) in LABELS {
            assert_eq!(label.to_lowercase(), *label, "{label}");
            let found = labels(label);
            assert_eq!(found.len(), 1, "{label}: {found:?}");
            assert_eq!(found[0].1, *rule, "{label}");
        }
    }

    #[test]
    fn the_prefix_filter_lets_labels_through_and_little_else() {
        let table = &*TABLE;
        for label in [&b"password"[..], b"PIN 1234", b"cvv", b"seed phrase"] {
            assert!(table.may_start(label), "{label:?}");
        }
        // No label starts with these three bytes: the table is not searched there.
        for text in [&b"szz"[..], b"qqq", b"zzq", b"\x01\x01\x01"] {
            assert!(!table.may_start(text), "{text:?}");
        }
    }

    #[test]
    fn another_secrets_label_ends_the_search_for_a_value() {
        // `password` has no value here: `pin` names the next one, and `Tiger2024` is no one's.
        let out = super::super::scan(
            "password reset, pin 1234 then Tiger2024",
            super::super::Policy::default(),
        );
        assert_eq!(out.text, "password reset, pin [removed] then Tiger2024");
    }

    #[test]
    fn a_label_in_an_email_address_is_part_of_the_address() {
        for text in ["mail help@pin 4821", "write to pin@example.com 4821"] {
            let out = super::super::scan(text, super::super::Policy::default());
            assert_eq!(out.text, text);
        }
    }
}
