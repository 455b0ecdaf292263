//! Private keys, removed: whoever holds one holds the wallet. Found three ways:
//!
//! - a key in wallet import format (WIF: base58, 51 or 52 characters starting `5`, `K`, `L`, or
//!   `9`, `c` on testnet) anywhere, as its own checksum (double SHA-256) proves what it is;
//! - an extended private key (`xprv…`, `yprv…`, `zprv…`, `tprv…`) anywhere;
//! - after a key label: one long key after a strong one (`private key`, `私钥`, `WIF`), and a key
//!   of a private key's shape (64 hex digits, with or without `0x`) after a weak one
//!   (`key`, `my key is 0x…`). A 64-hex-digit number with no key label is a transaction hash and
//!   stays.
//!
//! The report lists a removed key as a seed phrase: both give the wallet away.

use sha2::{Digest, Sha256};

use super::Kind;
use super::context::{Context, Finding};
use super::labels::Rule;

pub(super) fn find(ctx: &mut Context<'_>) {
    after_labels(ctx);
    anywhere(ctx);
}

/// A key after a key label, past what joins them (`:`, `is`, `was`, `=`, quotes, one line break).
fn after_labels(ctx: &mut Context<'_>) {
    let view = ctx.view;
    let labels: Vec<(usize, bool)> = ctx
        .labels
        .iter()
        .filter(|l| l.rule == Rule::Key)
        .map(|l| (l.end, l.strong))
        .collect();
    for (end, strong) in labels {
        let at = value_start(ctx, end);
        let to = view.run_end_capped(at, 200, |c| c.is_ascii_alphanumeric());
        if view.is(to, |c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let token = view.string(at, to);
        // WIF and extended keys are found anywhere too, but only as words of their own:
        // here they may be glued to their label (`key5Hue…`).
        let shaped = is_hex_key(token) || is_wif(token) || is_extended(token);
        if shaped || (strong && to - at >= 20) {
            ctx.add(key(at, to));
        }
    }
}

/// Where a key's value starts after its label ends at `end`.
fn value_start(ctx: &Context<'_>, end: usize) -> usize {
    let view = ctx.view;
    let mut at = end;
    let mut breaks = 0;
    for _ in 0..6 {
        let next = view.run_end_capped(at, 8, |c| {
            matches!(
                c,
                ' ' | ':' | '=' | '-' | '>' | '"' | '\'' | '`' | '(' | ')' | '“' | '「'
            ) || (c == '\n' && breaks == 0)
        });
        breaks += (at..next).filter(|&j| view.at(j) == Some('\n')).count();
        at = next;
        let word = [
            "is", "was", "its", "it's", "my", "the", "hex", "wif", "是", "为", "為",
        ]
        .iter()
        .find(|w| {
            view.has(at, w) && !view.is(at + w.chars().count(), |c| c.is_ascii_alphanumeric())
        });
        match word {
            Some(w) => at += w.chars().count(),
            None => break,
        }
    }
    at
}

/// Extended private keys and WIF keys wherever they are, as whole words.
fn anywhere(ctx: &mut Context<'_>) {
    let view = ctx.view;
    let mut i = 0;
    while i < view.len() {
        let starts_word = view.is(i, |c| c.is_ascii_alphanumeric())
            && !view.before(i).is_some_and(|c| c.is_ascii_alphanumeric());
        if !starts_word {
            i += 1;
            continue;
        }
        let to = view.run_end(i, |c| c.is_ascii_alphanumeric());
        // Only a word of a key's length is read; nothing else is looked at twice.
        if (51..=52).contains(&(to - i)) || (100..=120).contains(&(to - i)) {
            let token = view.string(i, to);
            if is_wif(token) || is_extended(token) {
                ctx.add(key(i, to));
            }
        }
        i = to;
    }
}

/// 64 hex digits, with or without `0x`.
fn is_hex_key(token: &str) -> bool {
    let hex = token
        .strip_prefix("0x")
        .or_else(|| token.strip_prefix("0X"))
        .unwrap_or(token);
    hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// An extended private key: `xprv`, `yprv`, `zprv` or `tprv`, then base58 (111 characters).
fn is_extended(token: &str) -> bool {
    ["xprv", "yprv", "zprv", "tprv"]
        .iter()
        .any(|p| token.starts_with(p))
        && token.len() >= 100
        && token.bytes().all(|b| base58_value(b).is_some())
}

/// A private key in wallet import format: version `0x80` (or `0xEF` on testnet), 32 bytes of
/// key, maybe `0x01` for a compressed key, and the first 4 bytes of the double SHA-256 of that.
pub(super) fn is_wif(token: &str) -> bool {
    let len_ok = match token.as_bytes().first() {
        Some(b'5' | b'9') => token.len() == 51,
        Some(b'K' | b'L' | b'c') => token.len() == 52,
        _ => false,
    };
    if !len_ok {
        return false;
    }
    let Some(bytes) = base58_decode(token) else {
        return false;
    };
    let Some((payload, check)) = bytes.split_last_chunk::<4>() else {
        return false;
    };
    let version_ok = matches!(payload.first(), Some(0x80 | 0xef));
    let size_ok = payload.len() == 33 || (payload.len() == 34 && payload.last() == Some(&1));
    let digest = Sha256::digest(Sha256::digest(payload));
    version_ok && size_ok && digest.get(..4) == Some(check.as_slice())
}

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

fn base58_value(b: u8) -> Option<u32> {
    BASE58
        .iter()
        .position(|&c| c == b)
        .and_then(|v| u32::try_from(v).ok())
}

/// Base58 (Bitcoin's alphabet) to bytes; `None` for a character outside it. Quadratic in the
/// length, which is at most 52 here.
fn base58_decode(text: &str) -> Option<Vec<u8>> {
    // Big-endian bytes of the number, built digit by digit.
    let mut bytes: Vec<u8> = Vec::with_capacity(40);
    for b in text.bytes() {
        let mut carry = base58_value(b)?;
        for byte in bytes.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = u8::try_from(carry & 0xff).unwrap_or(0);
            carry >>= 8;
        }
        while carry > 0 {
            bytes.insert(0, u8::try_from(carry & 0xff).unwrap_or(0));
            carry >>= 8;
        }
    }
    let zeros = text.bytes().take_while(|&b| b == b'1').count();
    let mut out = vec![0; zeros];
    out.extend(bytes);
    Some(out)
}

fn key(start: usize, end: usize) -> Finding {
    Finding {
        start,
        end,
        kind: Kind::PrivateKey,
        certain: true,
        mask: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Policy, scan};
    use super::*;

    const HEX: &str = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    const WIF: &str = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ";
    const WIF_COMPRESSED: &str = "KxYjyxMqSqoABEKqM4NDP4KmLFmuUg8MqaDxp7VuS3qTMUZvsfAo";
    const WIF_TESTNET: &str = "cQTg8aJ1nMEttD47sRMy5zPM8WafeYYvCrfkjSRx8BfiWSwiKgC5";
    const XPRV: &str = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";

    #[track_caller]
    fn removed(text: &str, expected: &str) {
        let out = scan(text, Policy::default());
        assert_eq!(out.text, expected, "{text:?}");
        assert!(
            !out.changes.is_empty()
                && out
                    .changes
                    .iter()
                    .all(|c| c.kind == Kind::PrivateKey && c.certain),
            "{text:?}: {:?}",
            out.changes
        );
    }

    #[track_caller]
    fn kept(text: &str) {
        let out = scan(text, Policy::default());
        assert_eq!(out.text, text, "{:?}", out.changes);
    }

    #[test]
    fn keys_after_a_strong_label() {
        removed(
            "private key: 5Kb8kLf9zgWQnogidDA76MzPL6TsZZY36hWXMssSzNydYXYB9KF",
            "private key: [removed]",
        );
        removed(&format!("私钥 0x{HEX}"), "私钥 [removed]");
        removed(
            &format!("my private key is\n{HEX}"),
            "my private key is\n[removed]",
        );
        removed(
            &format!("private key (hex): \"{HEX}\""),
            "private key (hex): \"[removed]\"",
        );
        removed(&format!("WIF {WIF_COMPRESSED}"), "WIF [removed]");
        // After a strong label, any long enough run of letters and digits is the key.
        removed(
            "my private key: Zq9x2Lm4Np7Rt1Vw3Yb6",
            "my private key: [removed]",
        );
    }

    #[test]
    fn keys_of_a_private_keys_shape_after_a_weak_label() {
        removed(&format!("my key is 0x{HEX}"), "my key is [removed]");
        removed(&format!("Key: {HEX}"), "Key: [removed]");
        // A weak label takes only a key's shape.
        kept("the key is 2026112122001400000000001234");
        kept("key: ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    }

    #[test]
    fn wif_and_extended_keys_anywhere() {
        removed(XPRV, "[removed]");
        removed(&format!("backup: {XPRV} ok"), "backup: [removed] ok");
        removed(
            &format!("he asked for {WIF} and"),
            "he asked for [removed] and",
        );
        removed(&format!("{WIF_TESTNET}."), "[removed].");
        // One character off: the checksum fails, and with no label it is not a key.
        kept("he asked for 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTK and");
    }

    #[test]
    fn a_hash_without_a_key_label_is_kept() {
        kept(&format!("transaction hash 0x{HEX}"));
        kept(&format!("txid {HEX}"));
    }

    #[test]
    fn wif_checks() {
        assert!(is_wif(WIF));
        assert!(is_wif(WIF_COMPRESSED));
        assert!(is_wif(WIF_TESTNET));
        assert!(!is_wif(
            "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTK"
        ));
        assert!(!is_wif(
            "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyT"
        ));
        assert!(!is_wif(
            "0HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
        ));
        assert_eq!(base58_decode("1112"), Some(vec![0, 0, 0, 1]));
        assert_eq!(base58_decode("5R"), Some(vec![1, 0]));
        assert_eq!(base58_decode("0"), None);
        assert!(is_hex_key(&format!("0x{HEX}")) && is_hex_key(HEX) && !is_hex_key(&HEX[1..]));
    }

    #[test]
    fn a_strong_label_takes_a_long_word_on_its_line_or_the_next() {
        // Short words after the label are words, not keys.
        kept("my private key is gone");
        // One line break between label and key at most.
        kept("private key:\nis\nZq9x2Lm4Np7Rt1Vw3Yb6");
        // A joining word counts only as a whole word: `is…` here is the key's start.
        removed(
            "private key: isZq9x2Lm4Np7Rt1Vw3Yb6",
            "private key: [removed]",
        );
    }

    #[test]
    fn a_key_glued_to_a_weak_label_is_still_a_key() {
        removed(&format!("my key{WIF}"), "my key[removed]");
    }

    #[test]
    fn a_key_is_whole_by_its_checks_not_its_first_letters() {
        // A compressed WIF ends its key with 0x01; with 0x02 and a right checksum it is no key.
        removed(
            "he asked for KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617 and",
            "he asked for [removed] and",
        );
        kept("he asked for KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvWxyf5d and");
        // `xprv` and base58 of a WIF's length is no extended key: those are 111 characters.
        kept(&format!("see xprv{} here", "1".repeat(47)));
    }
}
