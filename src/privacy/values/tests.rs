//! What each value shape takes and what it leaves: read at one place in a text, as a label's
//! search would, so each rule is pinned apart from the labels that lead to it.

use super::super::Policy;
use super::super::context::with_ctx;
use super::super::normalize::View;
use super::*;

/// Where a value at `p` ends, and its kind and strength, as `value_at` reads it.
fn value(text: &str, rule: Rule, p: usize, link: Link) -> Option<(usize, usize, Kind, bool)> {
    with_ctx(text, |ctx| value_at(ctx, rule, p, link)).map(|v| (v.start, v.end, v.kind, v.strong))
}

fn digits(text: &str, p: usize, min: usize, max: usize) -> Option<(usize, usize)> {
    with_ctx(text, |ctx| digits_at(ctx, p, min, max))
}

#[test]
fn strength_wants_three_characters_and_four_for_a_strong_password() {
    assert_eq!(strength("ab"), None);
    assert_eq!(strength("abc"), Some(false));
    assert_eq!(
        strength("a1!"),
        Some(false),
        "three characters are never strong"
    );
    assert_eq!(strength("éé1"), Some(false), "characters, not bytes");
    assert_eq!(strength("abcd"), Some(false));
    assert_eq!(strength("abc1"), Some(true), "a digit");
    assert_eq!(strength("1234"), Some(true), "digits alone");
    assert_eq!(strength("ab!c"), Some(true), "a symbol with letters");
    assert_eq!(strength("!!!!"), Some(false), "symbols without letters");
    assert_eq!(strength("aBcd"), Some(true), "a capital inside");
    assert_eq!(
        strength("Abcd"),
        Some(false),
        "a capital at the start is a sentence's"
    );
    assert_eq!(
        strength("ABCD"),
        Some(false),
        "all capitals are a word shouted"
    );
    assert_eq!(
        strength("that's"),
        Some(false),
        "an apostrophe is no symbol"
    );
    assert_eq!(strength("密码密码"), Some(false));
}

#[test]
fn one_time_codes_of_letters_and_digits() {
    let code = |text: &str| with_ctx(text, |ctx| alphanumeric_code(ctx, 0)).map(|v| v.end);
    // In capitals, 4 to 10 characters.
    assert_eq!(code("A7K"), None);
    assert_eq!(code("A7K2"), Some(4));
    assert_eq!(code("A7K2Q9B3C1"), Some(10));
    assert_eq!(code("A7K2Q9B3C1D"), None);
    // In lower case, 6 to 12.
    assert_eq!(code("8f2k9"), None);
    assert_eq!(code("8f2k9x"), Some(6));
    assert_eq!(
        code("a7K2q9"),
        Some(6),
        "any lower-case letter counts as lower case"
    );
    assert_eq!(code("8f2k9x8f2k9x"), Some(12));
    assert_eq!(code("8f2k9x8f2k9xa"), None);
    // Both letters and digits.
    assert_eq!(code("ABCDEF"), None);
    assert_eq!(code("123456"), None);
    // Dashes inside, at most two; one at the end is not part of it.
    assert_eq!(code("8f2k-9xq1"), Some(9));
    assert_eq!(code("8f2k9x- then"), Some(6));
    assert_eq!(code("a1b-2c3-d4e"), Some(11));
    assert_eq!(code("a1-b2-c3-d4"), None);
    // A word, not the start of one: at most 24 characters, nothing glued after.
    assert_eq!(code("A1B2C3D4E5F6G7H8I9J0K1L2M"), None);
    assert_eq!(code("A7K2 yuan"), None, "an amount");
    assert_eq!(code("A7K2%"), None);
    assert_eq!(code("A7K2 sent"), Some(4));
}

#[test]
fn backup_codes_in_dashed_groups() {
    let code = |text: &str, p: usize| with_ctx(text, |ctx| backup_code(ctx, p)).map(|v| v.end);
    assert_eq!(code("8f2k-9xq1", 0), Some(9));
    assert_eq!(code("x8f2k-9xq1", 1), None, "glued to a word");
    assert_eq!(
        code("8f2k-9xq1-", 0),
        Some(9),
        "a dash at the end is not part of it"
    );
    // One group: 6 to 16 characters with a digit.
    assert_eq!(code("12345", 0), None);
    assert_eq!(code("123456", 0), Some(6));
    assert_eq!(code("1234567890abcdef", 0), Some(16));
    assert_eq!(code("1234567890abcdefg", 0), None);
    assert_eq!(code("abcdefgh", 0), None, "no digit");
    // Groups of 3 to 8, 6 to 32 characters in all.
    assert_eq!(code("ab1-cd2", 0), Some(7));
    assert_eq!(code("ab1-cd", 0), None, "a group of two");
    assert_eq!(code("abcdefg1-abc", 0), Some(12));
    assert_eq!(code("abcdefgh1-abc", 0), None, "a group of nine");
    assert_eq!(code("abcdefg1-abcdefg2-abcdefg3-abcdefg4", 0), Some(35));
    assert_eq!(
        code("abcdef1-abcdef2-abcdef3-abcdef4-abcdef5", 0),
        None,
        "35 characters"
    );
    assert_eq!(code("abc-def-ghi", 0), None, "no digit");
    assert_eq!(code("8f2k-9xq1x!", 0), Some(10));
}

#[test]
fn backup_codes_in_groups_of_four_one_space_apart() {
    let code = |text: &str| with_ctx(text, |ctx| backup_code(ctx, 0)).map(|v| v.end);
    assert_eq!(code("1234 5678"), Some(9));
    assert_eq!(code("8f2k 9xq1 7hd3 k2p0"), Some(19));
    assert_eq!(code("1234 abcd"), None, "each group has a digit");
    assert_eq!(code("abcd 1234"), None, "the first one too");
    assert_eq!(code("1234 5678x"), None, "a group of five");
    assert_eq!(code("1234\n5678"), None, "one space apart");
    assert_eq!(code("1234 5678 abcd"), Some(9));
    assert_eq!(code("1234"), None, "one group is a PIN");
    // Eight groups at most.
    assert_eq!(code(&["1234"; 9].join(" ")), Some(39));
    assert_eq!(code(&["1234"; 8].join(" ")), Some(39));
}

#[test]
fn quoted_values_are_read_without_their_quotes() {
    let quote = |text: &str, rule: Rule| {
        with_ctx(text, |ctx| quoted(ctx, 0, rule)).map(|v| (v.start, v.end, v.kind, v.strong))
    };
    assert_eq!(
        quote("\"abc\" it", Rule::Password),
        Some((1, 4, Kind::Password, true)),
        "a quoted password is one, however weak"
    );
    assert_eq!(
        quote("\"abc\"", Rule::PaymentPassword),
        Some((1, 4, Kind::Pin, true))
    );
    assert_eq!(quote("“Tiger 9”", Rule::Password).map(|q| q.1), Some(8));
    assert_eq!(quote("「老虎」", Rule::Password).map(|q| q.1), Some(3));
    assert_eq!(quote("\"\"", Rule::Password), None, "empty");
    assert_eq!(quote("\"abc", Rule::Password), None, "never closed");
    assert_eq!(quote("\"ab\ncd\"", Rule::Password), None, "across a line");
    assert_eq!(quote("abc", Rule::Password), None, "no quote");
    let long = format!("\"{}\"", "a".repeat(65));
    assert_eq!(quote(&long, Rule::Password), None, "64 characters at most");
    let longest = format!("\"{}\"", "a".repeat(64));
    assert_eq!(quote(&longest, Rule::Password).map(|q| q.1), Some(65));
    assert_eq!(
        quote("\"wrong\"", Rule::Password),
        None,
        "a word that describes it"
    );
    assert_eq!(
        quote("\"[removed]\"", Rule::Password),
        None,
        "already removed"
    );
    // Other secrets: the whole quote has their shape.
    assert_eq!(
        quote("\"482913\"", Rule::Otp),
        Some((1, 7, Kind::VerificationCode, true))
    );
    assert_eq!(quote("\"4829 please\"", Rule::Pin), None);
}

#[test]
fn quotes_pair_up() {
    for (open, close) in [
        ('"', '"'),
        ('\'', '\''),
        ('“', '”'),
        ('‘', '’'),
        ('「', '」'),
        ('『', '』'),
        ('`', '`'),
    ] {
        assert_eq!(opening_to_closing(open), Some(close));
        assert_eq!(closing_to_opening(close), Some(open));
        assert!(is_quote(open) && is_quote_close(close));
    }
    for c in ['”', '」', 'a', '('] {
        assert_eq!(opening_to_closing(c), None, "{c}");
    }
    for c in ['“', '「', 'a', ')'] {
        assert_eq!(closing_to_opening(c), None, "{c}");
    }
    assert!(!is_quote('a') && !is_quote_close('a'));
}

#[test]
fn what_a_value_never_starts_with() {
    for c in [
        ',', '.', ';', ':', '!', '?', ')', ']', '}', '>', '[', '，', '。',
    ] {
        assert!(is_stop(c), "{c}");
    }
    for c in ['a', '1', '(', '#', '"'] {
        assert!(!is_stop(c), "{c}");
    }
}

#[test]
fn labels_whose_value_may_be_a_word() {
    for rule in [
        Rule::Password,
        Rule::PaymentPassword,
        Rule::Otp,
        Rule::Pin,
        Rule::Cvv,
        Rule::Code,
        Rule::SecurityCode,
    ] {
        assert!(accepts_words(rule), "{rule:?}");
    }
    for rule in [
        Rule::Backup,
        Rule::Seed,
        Rule::Key,
        Rule::Card,
        Rule::Id,
        Rule::Money,
    ] {
        assert!(!accepts_words(rule), "{rule:?}");
    }
}

#[test]
fn values_already_found_are_never_read_again() {
    let view = View::new("1234, 5678");
    let mut ctx = Context::new(&view, Policy::default());
    ctx.add(super::super::context::Finding {
        start: 0,
        end: 4,
        kind: Kind::Pin,
        certain: true,
        mask: None,
    });
    assert_eq!(value_at(&ctx, Rule::Pin, 0, Link::Punct), None);
    assert!(value_at(&ctx, Rule::Pin, 6, Link::Punct).is_some());
}

#[test]
fn removed_marks_are_never_values() {
    with_ctx("[removed] [已删除] •••• x", |ctx| {
        assert!(is_marker(ctx, 0));
        assert!(is_marker(ctx, 10));
        assert!(is_marker(ctx, 16));
        assert!(!is_marker(ctx, 21));
    });
    assert_eq!(value("[removed]", Rule::Password, 0, Link::Punct), None);
    assert_eq!(value("•1234", Rule::Pin, 0, Link::Punct), None);
}

#[test]
fn passwords_of_one_word() {
    let pw = |text: &str, link: Link| {
        with_ctx(text, |ctx| password(ctx, 0, link)).map(|v| (v.end, v.strong))
    };
    assert_eq!(pw("Tiger99 now", Link::Bare), Some((7, true)));
    assert_eq!(
        pw("tiger now", Link::Bare),
        None,
        "a plain word needs a joining word"
    );
    assert_eq!(pw("tiger now", Link::Word), Some((5, false)));
    assert_eq!(pw("tiger now", Link::Punct), Some((5, false)));
    assert_eq!(pw(" tiger", Link::Punct), None);
    assert_eq!(pw("?tiger", Link::Punct), None);
    assert_eq!(
        pw("Tiger99，好", Link::Punct),
        Some((7, true)),
        "a wide comma ends it"
    );
    assert_eq!(
        pw("Tiger99好", Link::Punct),
        Some((7, true)),
        "so does Chinese"
    );
    for end in ['.', ',', ';', ':', ')', ']', '}', '>', '"', '\''] {
        assert_eq!(
            pw(&format!("Tiger99{end}"), Link::Punct),
            Some((7, true)),
            "{end}"
        );
    }
    assert_eq!(pw("Tiger99).", Link::Punct), Some((7, true)));
    assert_eq!(
        pw("Tiger99!", Link::Punct),
        Some((8, true)),
        "a symbol may end it"
    );
    assert_eq!(
        pw(&"a1".repeat(40), Link::Punct),
        Some((64, true)),
        "64 at most"
    );
    assert_eq!(pw("ab", Link::Punct), None, "too short");
}

#[test]
fn what_a_password_is_not() {
    let pw = |text: &str| with_ctx(text, |ctx| password(ctx, 0, Link::Punct)).map(|v| v.end);
    assert_eq!(pw("https://x.io/a1"), None);
    assert_eq!(pw("HTTP://x.io/a1"), None);
    assert_eq!(pw("www.x1.io"), None);
    assert_eq!(pw("[removed]"), None);
    assert_eq!(pw(":[removed"), None);
    assert_eq!(pw("x[已删除]"), None);
    assert_eq!(pw("ab••"), None);
    assert_eq!(pw("!!!!"), None, "no letter or digit");
    assert_eq!(pw("wrong"), None, "a word that describes it");
    assert_eq!(pw("Wrong"), None);
    assert_eq!(pw("dog's"), None, "a possessive");
    assert_eq!(pw("dog’s"), None, "with the apostrophe phones type");
    assert_eq!(pw("dog’S"), None);
    assert_eq!(
        pw("dog’s2"),
        Some(3),
        "no possessive: the word before the quote"
    );
    assert_eq!(pw("dog’ss"), Some(3));
    assert_eq!(pw("d0g’s"), Some(3));
    assert_eq!(pw("d0g's"), Some(5), "a possessive has letters only");
    assert_eq!(
        pw("dogs'"),
        Some(4),
        "the quote is trimmed, the word is not plain"
    );
}

#[test]
fn a_password_never_cuts_a_label_in_two() {
    let pw = |text: &str| with_ctx(text, |ctx| password(ctx, 0, Link::Punct)).map(|v| v.end);
    assert_eq!(pw("Tiger99\"one time password"), Some(7));
    assert_eq!(
        pw("App-Pw-7781 ok"),
        Some(11),
        "a label wholly inside is part of it"
    );
    assert_eq!(pw("Tiger99-pw ok"), Some(10), "also at its end");
}

#[test]
fn passwords_in_chinese_after_a_colon() {
    let pw = |text: &str, link: Link| {
        with_ctx(text, |ctx| password(ctx, 0, link)).map(|v| (v.end, v.strong))
    };
    assert_eq!(pw("我爱北京2024 好", Link::Punct), Some((8, true)));
    assert_eq!(pw("我爱北京，好", Link::Punct), Some((4, false)));
    assert_eq!(pw("我爱北京", Link::Word), None, "after 是, a description");
    assert_eq!(pw("错误了", Link::Punct), None);
    assert_eq!(pw("忘记了", Link::Punct), None);
    assert_eq!(
        pw(&"爱".repeat(40), Link::Punct),
        Some((32, false)),
        "32 at most"
    );
}

#[test]
fn each_label_takes_words_of_its_shape() {
    use Kind::{Password, Pin, VerificationCode};
    let word_for = |rule: Rule, text: &str| value(text, rule, 0, Link::Punct);
    assert_eq!(
        word_for(Rule::Password, "123 x"),
        Some((0, 3, Password, false))
    );
    assert_eq!(
        word_for(Rule::Password, "12ab34"),
        Some((0, 6, Password, true))
    );
    assert_eq!(
        word_for(Rule::PaymentPassword, "abc123"),
        Some((0, 6, Pin, true))
    );
    assert_eq!(word_for(Rule::PaymentPassword, "abcdef"), None, "weak");
    assert_eq!(
        word_for(Rule::Otp, "12ab34"),
        Some((0, 6, VerificationCode, true))
    );
    assert_eq!(
        word_for(Rule::Otp, "A7K2Q9"),
        Some((0, 6, VerificationCode, true))
    );
    assert_eq!(word_for(Rule::Code, "A7K2Q9"), None, "an error code");
    assert_eq!(
        word_for(Rule::Code, "a7k2q9"),
        Some((0, 6, VerificationCode, true))
    );
    assert_eq!(
        word_for(Rule::Code, "12ab34"),
        None,
        "a code label wants digits first"
    );
    assert_eq!(word_for(Rule::Pin, "abcd12"), None);
    assert_eq!(word_for(Rule::Cvv, "abc"), None);
    assert_eq!(
        word_for(Rule::Backup, "8f2k-9xq1"),
        Some((0, 9, VerificationCode, true))
    );
    assert_eq!(
        word_for(Rule::Backup, "1234 5678"),
        Some((0, 9, VerificationCode, true))
    );
    assert_eq!(
        word_for(Rule::Backup, "1234-5678"),
        Some((0, 9, VerificationCode, true))
    );
    assert_eq!(
        word_for(Rule::Backup, "k2p0-7hd3"),
        Some((0, 9, VerificationCode, true)),
        "a backup code starting with a letter"
    );
    assert_eq!(word_for(Rule::Seed, "abandon"), None);
    assert_eq!(word_for(Rule::Otp, "四八二九一三").map(|v| v.1), Some(6));
    assert_eq!(word_for(Rule::Otp, ""), None);
}

mod digits;
