//! Digits as values: typed together, one by one or in groups, of the count each secret has,
//! and never part of a longer number, a decimal, an amount, a year or an area code.

use super::*;

#[test]
fn a_year_after_a_word_of_time() {
    let year = |text: &str, p: usize, q: usize| with_ctx(text, |ctx| year_like(ctx, p, q));
    for word in [
        "in", "since", "from", "until", "till", "year", "before", "after", "by", "IN",
    ] {
        let text = format!("{word} 2026");
        let p = word.len() + 1;
        assert!(year(&text, p, p + 4), "{text}");
    }
    assert!(year("in 1900", 3, 7));
    assert!(year("in 2099", 3, 7));
    assert!(!year("in 1899", 3, 7));
    assert!(!year("in 2100", 3, 7));
    assert!(!year("pin 2026", 4, 8));
    assert!(!year("spin 2026", 5, 9), "the whole word before it");
    assert!(!year("in 20 26", 3, 8), "four digits, typed together");
    assert!(!year("in 202", 3, 6));
    assert!(!year("in 2 26", 3, 7), "four characters, not four digits");
}

#[test]
fn what_makes_a_number_run_on() {
    let runs = |text: &str, q: usize| with_ctx(text, |ctx| runs_on(ctx, q));
    for text in [
        "1234a",
        "1234.5",
        "1234:30",
        "1234/5",
        "1234,5",
        "1234-5",
        "1234%",
        "1234$",
        "1234¥",
        "1234€",
        "1234£",
        "1234￥",
        "1234°",
        "1234元",
        "1234 元",
        "1234 yuan",
        "1234 分钟",
        "1234 x 5",
        "1234 mins",
    ] {
        assert!(runs(text, 4), "{text}");
    }
    for text in [
        "1234",
        "1234.",
        "1234-",
        "1234, ok",
        "1234 yuanx",
        "1234 is",
        "1234 minx",
    ] {
        assert!(!runs(text, 4), "{text}");
    }
}

#[test]
fn digits_typed_together_or_in_groups() {
    assert_eq!(digits("123456", 0, 4, 8), Some((6, 6)));
    assert_eq!(digits("1 2 3 4", 0, 4, 8), Some((7, 4)), "one by one");
    assert_eq!(digits("12 34 56", 0, 4, 8), Some((8, 6)));
    assert_eq!(digits("12 345", 0, 4, 8), Some((6, 5)), "groups of 2 to 4");
    assert_eq!(
        digits("123-123", 0, 4, 8),
        Some((7, 6)),
        "equal groups with a dash"
    );
    assert_eq!(digits("1234-1234", 0, 4, 8), Some((9, 8)));
    assert_eq!(
        digits("1234 5678 9", 0, 4, 8),
        Some((9, 8)),
        "a lone digit is not a group"
    );
    assert_eq!(digits("1 23", 0, 1, 8), Some((1, 1)));
    assert_eq!(digits("1 23", 0, 4, 8), None);
    assert_eq!(digits("1234 ", 0, 4, 8), Some((4, 4)));
    assert_eq!(digits("1234 -", 0, 4, 8), Some((4, 4)));
}

#[test]
fn digits_of_the_right_count() {
    assert_eq!(digits("123", 0, 4, 8), None);
    assert_eq!(digits("1234", 0, 4, 8), Some((4, 4)));
    assert_eq!(digits("12345678", 0, 4, 8), Some((8, 8)));
    assert_eq!(digits("123456789", 0, 4, 8), None);
    assert_eq!(
        digits("1234 5678 12", 0, 4, 8),
        None,
        "ten digits in groups"
    );
}

#[test]
fn digits_that_belong_to_a_longer_number() {
    assert_eq!(
        digits("12-12", 0, 2, 8),
        None,
        "unequal groups after a dash"
    );
    assert_eq!(digits("123-12", 0, 2, 8), None);
    assert_eq!(digits("07700 900123", 0, 4, 12), None, "a phone number");
    assert_eq!(
        digits("12 345678", 0, 2, 8),
        Some((2, 2)),
        "a short number, then another"
    );
    assert_eq!(
        digits("12 345678", 0, 2, 6),
        None,
        "together too long for the secret"
    );
    assert_eq!(digits("1234 567", 0, 4, 8), Some((8, 7)));
    assert_eq!(
        digits("123 45678", 0, 3, 8),
        None,
        "a group of 3 then a longer one"
    );
}

#[test]
fn digits_read_what_comes_before_them() {
    assert_eq!(digits("a1234", 1, 4, 8), None, "glued to a word");
    assert_eq!(
        digits("码1234", 1, 4, 8),
        Some((5, 4)),
        "after a Chinese character"
    );
    assert_eq!(digits("138 0013 8000", 4, 4, 8), None, "inside a number");
    assert_eq!(digits("138-0013", 4, 4, 8), None);
    assert_eq!(
        digits("CVC2 123", 5, 3, 4),
        Some((8, 3)),
        "after a label with a digit"
    );
    assert_eq!(digits("CVC 2 123", 6, 3, 4), None, "after a lone number");
    for sign in ['+', '$', '¥', '€', '£', '￥', '@'] {
        assert_eq!(digits(&format!("{sign}1234"), 1, 4, 8), None, "{sign}");
    }
    assert_eq!(digits("12.3456", 3, 4, 8), None, "a decimal");
    assert_eq!(digits("12,3456", 3, 4, 8), None, "thousands");
    assert_eq!(digits(".3456", 1, 4, 8), Some((5, 4)));
    assert_eq!(digits("a,3456", 2, 4, 8), Some((6, 4)));
    assert_eq!(digits(" 3456", 1, 4, 8), Some((5, 4)));
}

#[test]
fn digits_read_what_comes_after_them() {
    assert_eq!(digits("(415) 555-0132", 1, 3, 8), None, "an area code");
    assert_eq!(digits("(415)-555", 1, 3, 8), None);
    assert_eq!(digits("(415) x", 1, 3, 8), Some((4, 3)));
    assert_eq!(digits("(415) 5 x", 1, 3, 8), None);
    assert_eq!(
        digits("415) 555", 0, 3, 8),
        Some((3, 3)),
        "no opening bracket"
    );
    assert_eq!(digits("(415 x", 1, 3, 3), Some((4, 3)));
    assert_eq!(digits("1234.5", 0, 4, 8), None, "a decimal");
    assert_eq!(digits("in 2026", 3, 4, 8), None, "a year");
    assert_eq!(digits("pin 2026", 4, 4, 8), Some((8, 4)));
}

#[test]
fn chinese_digits_said_one_by_one() {
    let said = |text: &str, rule: Rule| with_ctx(text, |ctx| chinese_digits(ctx, rule, 0));
    let end = |text: &str, rule: Rule| said(text, rule).map(|v| (v.end, v.kind));
    assert_eq!(
        end("四八二九一三", Rule::Otp),
        Some((6, Kind::VerificationCode))
    );
    assert_eq!(end("四八二", Rule::Otp), None);
    assert_eq!(end("四八二九一三七五九", Rule::Otp), None, "eight at most");
    assert_eq!(end("四八二九", Rule::Pin), Some((4, Kind::Pin)));
    assert_eq!(end("四八二九", Rule::PaymentPassword), Some((4, Kind::Pin)));
    assert_eq!(end("一二三", Rule::Cvv), Some((3, Kind::Cvv)));
    assert_eq!(end("一二", Rule::Cvv), None);
    assert_eq!(end("一二三四五", Rule::Cvv), None);
    assert_eq!(end("三次", Rule::Otp), None, "a count");
    assert_eq!(end("四八二九", Rule::Code), None);
    let every = "〇零一二三四五六七八九两兩幺";
    assert_eq!(end(every, Rule::Password), Some((14, Kind::Password)));
    assert!(said(every, Rule::Password).is_some_and(|v| v.strong && v.start == 0));
    assert_eq!(
        end("一二三四五六七八九〇一二三四五六七", Rule::Password),
        None
    );
}

#[test]
fn each_label_takes_digits_of_its_count() {
    use Kind::{Cvv, Password, Pin, VerificationCode};
    let digits_for = |rule: Rule, text: &str| value(text, rule, 0, Link::Punct);
    assert_eq!(
        digits_for(Rule::Password, "1234"),
        Some((0, 4, Password, true))
    );
    assert_eq!(
        digits_for(Rule::Password, "12 34 56"),
        Some((0, 8, Password, true)),
        "digits in groups, not only the first"
    );
    assert_eq!(
        digits_for(Rule::PaymentPassword, "1 2 3 4 5 6"),
        Some((0, 11, Pin, true)),
        "digits one by one"
    );
    assert_eq!(
        digits_for(Rule::Password, &"1".repeat(16)).map(|v| v.1),
        Some(16)
    );
    assert_eq!(digits_for(Rule::Pin, "1234"), Some((0, 4, Pin, true)));
    assert_eq!(digits_for(Rule::Pin, "123456"), Some((0, 6, Pin, true)));
    assert_eq!(digits_for(Rule::Pin, "12345"), Some((0, 5, Pin, false)));
    assert_eq!(
        digits_for(Rule::Pin, &"1".repeat(12)).map(|v| v.1),
        Some(12)
    );
    assert_eq!(digits_for(Rule::Pin, &"1".repeat(13)), None);
    assert_eq!(
        digits_for(Rule::Pin, "123"),
        None,
        "no word after a PIN's label"
    );
    assert_eq!(
        digits_for(Rule::PaymentPassword, "123456"),
        Some((0, 6, Pin, true))
    );
    assert_eq!(digits_for(Rule::PaymentPassword, "1 2 3 4 5 6 7 8 9"), None);
    assert_eq!(digits_for(Rule::Cvv, "123"), Some((0, 3, Cvv, true)));
    assert_eq!(digits_for(Rule::Cvv, "1234"), Some((0, 4, Cvv, true)));
    assert_eq!(digits_for(Rule::Cvv, "12345"), None);
    assert_eq!(
        digits_for(Rule::SecurityCode, "123"),
        Some((0, 3, Cvv, true))
    );
    assert_eq!(
        digits_for(Rule::SecurityCode, "1234"),
        Some((0, 4, Cvv, true))
    );
    assert_eq!(
        digits_for(Rule::SecurityCode, "12345"),
        Some((0, 5, VerificationCode, true))
    );
    assert_eq!(
        digits_for(Rule::SecurityCode, "12 34 56"),
        Some((0, 8, VerificationCode, true)),
        "counted in digits"
    );
    assert_eq!(
        digits_for(Rule::Otp, "12345"),
        Some((0, 5, VerificationCode, true))
    );
    assert_eq!(
        digits_for(Rule::Code, "12345"),
        Some((0, 5, VerificationCode, false))
    );
    assert_eq!(
        digits_for(Rule::Code, "123456"),
        Some((0, 6, VerificationCode, true))
    );
    assert_eq!(digits_for(Rule::Otp, "123"), None);
    assert_eq!(digits_for(Rule::Code, "123"), None);
    assert_eq!(digits_for(Rule::Seed, "1234"), None);
    assert_eq!(digits_for(Rule::Card, "1234"), None);
}
