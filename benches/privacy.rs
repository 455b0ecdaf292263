//! Benchmarks for the privacy budgets: scanning a 2,000-character answer (the longest free text
//! kept) under 100 µs, and long pasted text in linear time (10 MB well under a second).
//!
//! Run with `cargo bench --bench privacy`.

// Benchmarks panic on what they set up themselves; the no-panic lints are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic
)]

use divan::{Bencher, black_box};
use wallet_help::privacy::{self, Policy};

fn main() {
    divan::main();
}

/// A worried user's answer of about 2,000 characters, in English and Chinese, with a card
/// number, a password, a code, an IBAN, an ID number, and what support needs around them.
fn answer() -> String {
    let paragraph = "I tried to pay ¥59.90 at 2026-11-21 14:03 and it failed twice. My card \
        4111 1111 1111 1111 was charged anyway, order 2026112122001400000000001234. The SMS \
        code was 702518 and my password is Tiger!2024, please check. 昨天下午三点付款失败，\
        验证码是４８２９１３，身份证号11010519491231002X，退款到 GB82 WEST 1234 5698 7654 32。\
        Error code 51 (do not honor). 谢谢！ ";
    let mut text = String::new();
    while text.chars().count() < 2_000 {
        text.push_str(paragraph);
    }
    text.chars().take(2_000).collect()
}

#[divan::bench]
fn scan_a_2000_character_answer(bencher: Bencher) {
    let text = answer();
    bencher.bench(|| privacy::scan(black_box(&text), Policy::default()));
}

#[divan::bench]
fn scan_a_2000_character_answer_without_secrets(bencher: Bencher) {
    let text = "Payment failed at the shop, 59.90 CNY, 2026-11-21 14:03. 支付失败了，请帮忙看看。 "
        .repeat(30)
        .chars()
        .take(2_000)
        .collect::<String>();
    bencher.bench(|| privacy::scan(black_box(&text), Policy::default()));
}

#[divan::bench]
fn strip_controls_from_a_2000_character_answer(bencher: Bencher) {
    let text = answer().replace(' ', " \u{1b}[1m\u{200b}");
    bencher.bench(|| privacy::strip_controls(black_box(&text)));
}

/// 10 MB of one repeated shape: every detector's worst case, each in linear time.
#[divan::bench(
    args = ["answer", "password password ", "4 ", "4111 ", "GB82 WEST ", "密码密码", "验证码是", "abandon ", "9", "\u{200b}", "PIN: \n"],
    sample_count = 3,
    sample_size = 1
)]
fn scan_10_mb(bencher: Bencher, shape: &str) {
    let piece = if shape == "answer" {
        answer()
    } else {
        shape.to_string()
    };
    let text = piece.repeat(10_000_000 / piece.len());
    bencher.bench(|| privacy::scan(black_box(&text), Policy::default()));
}
