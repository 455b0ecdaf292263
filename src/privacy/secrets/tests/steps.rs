//! Each reading step of the label-based detector on its own: where a bracket, a number, a word
//! or a list item ends, what joins and what ends, what touches a removed value.

use super::super::super::Policy;
use super::super::super::context::with_ctx;
use super::super::super::normalize::View;
use super::*;

/// A value at characters `start..end`, as a label's search would have found it.
fn at(start: usize, end: usize) -> Value {
    Value {
        start,
        end,
        kind: Kind::Password,
        strong: true,
    }
}

#[test]
fn a_qualifier_in_brackets_before_a_colon() {
    let end = |text: &str| with_ctx(text, |ctx| qualifier_end(ctx, 0));
    assert_eq!(end("（支付宝）：x"), Some(5));
    assert_eq!(end("(app) = x"), Some(5));
    assert_eq!(end("(app):x"), Some(5));
    assert_eq!(end("(app) x"), None, "no colon after it");
    assert_eq!(end("(app)"), None);
    assert_eq!(end("():"), None, "empty");
    assert_eq!(end("(4821):"), None, "a digit: the value itself");
    assert_eq!(end("(app\n):"), None, "one line");
    assert_eq!(end("(app"), None, "never closed");
    let twenty = format!("({}):", "a".repeat(20));
    assert_eq!(end(&twenty), Some(22), "twenty characters at most");
    assert_eq!(end(&format!("({}):", "a".repeat(21))), None);
    assert_eq!(
        with_ctx("pin (app): 1", |ctx| qualifier_end(ctx, 4)),
        Some(9),
        "read where it opens"
    );
}

#[test]
fn an_error_code_alone_in_brackets() {
    let bracketed = |text: &str, start: usize, end: usize| {
        with_ctx(text, |ctx| error_in_brackets(ctx, &at(start, end)))
    };
    assert!(bracketed("[E1002]", 1, 6));
    assert!(bracketed("(E1002)", 1, 6));
    assert!(bracketed("（E1002）", 1, 6));
    assert!(bracketed("【E1002】", 1, 6));
    assert!(!bracketed("E1002", 0, 5), "no brackets");
    assert!(!bracketed("[E1002", 1, 6), "not closed");
    assert!(!bracketed("E1002]", 0, 5), "not opened");
    assert!(!bracketed("<E1002>", 1, 6));
    assert!(!bracketed("[hunter2]", 1, 8), "no error code's shape");
    assert!(
        !bracketed("(51)", 1, 3),
        "digits alone, outside an error message"
    );
    let view = View::new("(51)");
    let policy = Policy {
        keep_error_codes: true,
        ..Policy::default()
    };
    let ctx = Context::new(&view, policy);
    assert!(
        error_in_brackets(&ctx, &at(1, 3)),
        "digits in an error message"
    );
}

#[test]
fn digits_only_of_a_count() {
    let digits = |text: &str| {
        with_ctx(text, |ctx| {
            is_digits(ctx, &at(0, text.chars().count()), 4, 8)
        })
    };
    assert!(digits("0815"));
    assert!(digits("08150815"));
    assert!(!digits("815"));
    assert!(!digits("081508150"));
    assert!(!digits("08a5"));
}

#[test]
fn digits_that_name_a_card() {
    let naming = |text: &str| with_ctx(text, |ctx| digits_naming_it(ctx, 4, Rule::Pin));
    assert_eq!(naming("card 6222 is 4821"), Some(9));
    assert_eq!(naming("card 622233 is 4821"), Some(11));
    assert_eq!(naming("card6222 is 4821"), Some(8));
    assert_eq!(naming("card 6222: 4821"), Some(9));
    assert_eq!(naming("card 6222：4821"), Some(9));
    assert_eq!(naming("card 6222 = 4821"), Some(9));
    assert_eq!(naming("card 622 is 4821"), None, "three digits");
    assert_eq!(naming("card 6222233 is 4821"), None, "seven digits");
    assert_eq!(
        naming("card 6222 my 4821"),
        None,
        "a word that does not join"
    );
    assert_eq!(naming("card 6222 4821"), None);
    assert_eq!(naming("card x 6222 is"), None);
}

#[test]
fn a_joining_word_after_a_value() {
    let after =
        |text: &str, end: usize| with_ctx(text, |ctx| link_word_after(ctx, end, Rule::Password));
    assert!(after("dragonfly is x", 9));
    assert!(
        !after("dragonfly my x", 9),
        "a word between, not a joining one"
    );
    assert!(!after("dragonflyis x", 9), "a space first");
    assert!(!after("dragonfly", 9));
}

#[test]
fn letters_and_digits_not_an_error_code() {
    let mixed = |text: &str| {
        with_ctx(text, |ctx| {
            letters_and_digits(ctx, &at(0, text.chars().count()))
        })
    };
    assert!(mixed("rex2019"));
    assert!(!mixed("E1002"), "an error code");
    assert!(!mixed("rexrex"));
    assert!(!mixed("2019"));
}

#[test]
fn an_error_code_beside_a_failure() {
    let error = |text: &str, start: usize, end: usize| {
        with_ctx(text, |ctx| error_before_failure(ctx, &at(start, end)))
    };
    assert!(error("1002 错误", 0, 4));
    assert!(error("1002错误", 0, 4));
    assert!(error("E1002 failed", 0, 5));
    assert!(error("提示：10003", 3, 8), "what an app showed");
    assert!(!error("hunter2 failed", 0, 7), "no error code's shape");
    assert!(!error("1002 ok", 0, 4));
    assert!(!error("E1002", 0, 5));
}

#[test]
fn a_list_item_s_number() {
    let past = |text: &str, at: usize| with_ctx(text, |ctx| numbering_end(ctx, at));
    assert_eq!(past("2. x", 0), 3);
    assert_eq!(past("3) x", 0), 3);
    assert_eq!(past("3: x", 0), 3);
    assert_eq!(past("12. x", 0), 4);
    assert_eq!(past("2.\nx", 0), 3);
    assert_eq!(past("(3) x", 0), 4);
    assert_eq!(past("#4 x", 0), 3);
    assert_eq!(past("#4. x", 0), 4);
    assert_eq!(past("#4 x", 1), 3, "the `#` already read");
    assert_eq!(past("#4\nx", 0), 3);
    assert_eq!(past("4 x", 0), 0, "a number alone is no list item's");
    assert_eq!(past("2.x", 0), 0, "a space after it");
    assert_eq!(past("#4x", 0), 0);
    assert_eq!(past("123. x", 0), 0, "two digits at most");
    assert_eq!(past("x", 0), 0);
    assert_eq!(past(". x", 0), 0, "a mark without a number");
    assert_eq!(past("# x", 0), 0);
    assert_eq!(past("a 2. x", 2), 5, "read where it stands");
}

#[test]
fn what_joins_a_value_to_the_label_after_it() {
    let link = |text: &str| with_ctx(text, |ctx| back_link(ctx, text.chars().count()));
    assert_eq!(link("702518 was"), Some(7));
    assert_eq!(link("x that is"), Some(2), "longest first");
    assert_eq!(link("abc="), Some(3));
    assert_eq!(link("abc ←"), Some(4));
    assert_eq!(link("abc是"), Some(3));
    assert_eq!(link("abc是我的"), Some(4));
    assert_eq!(link("xwas"), None, "a whole word");
    assert_eq!(link("was"), Some(0));
    assert_eq!(link("abc"), None);
    assert_eq!(link(""), None);
}

#[test]
fn where_a_value_before_its_label_starts() {
    let start = |text: &str| with_ctx(text, |ctx| value_start_before(ctx, text.chars().count()));
    assert_eq!(start("'Qwerty!234'"), Some(0));
    assert_eq!(start("x “abc”"), Some(2));
    assert_eq!(start("abc”"), None, "a closing quote never opened");
    let far = format!("\"{}\"", "a".repeat(64));
    assert_eq!(start(&far), Some(0));
    let too_far = format!("\"{}\"", "a".repeat(65));
    assert_eq!(start(&too_far), None);
    assert_eq!(start("x hunter2"), Some(2));
    assert_eq!(start("我hunter2"), Some(1));
    assert_eq!(start("，hunter2"), Some(1));
    assert_eq!(start("702 518"), Some(0), "digits in groups");
    assert_eq!(start("x 702-518"), Some(2));
    assert_eq!(
        start("x -518"),
        Some(2),
        "a dash before digits alone is no group"
    );
    assert_eq!(start("x a1 518"), Some(3), "groups of digits, glued or not");
    assert_eq!(start("ab 518"), Some(3), "a space between digits only");
    assert_eq!(start("x 9a1 518"), Some(4));
    assert_eq!(
        start(&"a".repeat(70)),
        Some(6),
        "a word of 64 characters at most"
    );
    assert_eq!(start("x "), None);
    assert_eq!(start(""), None);
}

#[test]
fn back_over_spaces_and_one_line_break() {
    let back = |text: &str, q: usize| with_ctx(text, |ctx| view_back_spaces(ctx, q));
    assert_eq!(back("702518 that", 7), 6);
    assert_eq!(back("702518\nthat", 7), 6);
    assert_eq!(back("702518\n\nthat", 8), 7, "a blank line is the end");
    assert_eq!(back("702518that", 6), 6);
}

#[test]
fn a_value_touching_a_removed_one() {
    let beside = |text: &str, start: usize, end: usize| {
        with_ctx(text, |ctx| beside_a_removed_value(ctx, &at(start, end)))
    };
    assert!(beside("55114[removed]", 0, 5));
    assert!(beside("55114[已删除]", 0, 5));
    assert!(beside("[removed]55114", 9, 14));
    assert!(beside("[已删除]55114", 5, 10));
    assert!(beside("204•••2004", 6, 10));
    assert!(beside("204•••2004", 0, 3));
    assert!(
        beside("[removed]\u{fffd}1234", 10, 14),
        "a replacement character between"
    );
    assert!(beside("1234\u{fffd}[removed]", 0, 4));
    assert!(!beside("1234 [removed]", 0, 4));
    assert!(!beside("[removed] 1234", 10, 14));
    assert!(!beside("removed]1234", 8, 12));
    assert!(!beside("1234", 0, 4));
}

#[test]
fn past_the_value_of_what_support_needs() {
    let past = |text: &str, end: usize| with_ctx(text, |ctx| skip_kept_value(ctx, end));
    assert_eq!(past("ending 1234 x", 6), 11);
    assert_eq!(past("order: 2026-01 x", 5), 14);
    assert_eq!(past("错误 (E1002) x", 2), 10, "with its closing bracket");
    assert_eq!(past("phone is 13800138000 x", 5), 20);
    assert_eq!(
        past("phone is ab 1234 x", 5),
        11,
        "only spaces and a colon after `is`"
    );
    assert_eq!(past("电话是 13800138000 x", 2), 15);
    assert_eq!(past("phone 6123 4567 x", 5), 15, "a phone number whole");
    assert_eq!(past("amount ¥59.90 x", 6), 13);
    assert_eq!(past("ending  ", 6), 6, "nothing to skip");
    assert_eq!(past("ending ，x", 6), 6);
}

#[test]
fn where_a_number_ends_with_every_group() {
    let end = |text: &str, p: usize| with_ctx(text, |ctx| number_end(ctx, p));
    assert_eq!(end("+86 138 0013 8000 x", 1), 17);
    assert_eq!(end("12:30 x", 0), 5);
    assert_eq!(end("1.5", 0), 3);
    assert_eq!(end("1/5,2-3", 0), 7);
    assert_eq!(end("12. x", 0), 2);
    assert_eq!(end("12 x", 0), 2);
    assert_eq!(end("x 12", 2), 4);
}

#[test]
fn where_a_word_ends() {
    let end = |text: &str, p: usize| with_ctx(text, |ctx| token_end(ctx, p));
    assert_eq!(end("I've x", 0), 4);
    assert_eq!(end("I’ve x", 0), 4);
    assert_eq!(end("rock'n'roll x", 0), 11);
    assert_eq!(end("dogs' x", 0), 4);
    assert_eq!(end("a'1", 0), 1);
    assert_eq!(end("'ab", 0), 1, "at least one character");
    assert_eq!(end("hello.world", 0), 5);
    assert_eq!(end("hello我", 0), 5);
    assert_eq!(end("hello，", 0), 5);
    assert_eq!(end("hello:", 0), 5);
    assert_eq!(end("x hello y", 2), 7);
}

#[test]
fn what_ends_a_sentence() {
    let ends = |text: &str| {
        with_ctx(text, |ctx| {
            let c = ctx.view.at(0).unwrap_or(' ');
            ends_sentence(ctx, 0, c)
        })
    };
    for text in ["!", "?", "。", "！", "？", ";", "；", "…", ". x", "."] {
        assert!(ends(text), "{text}");
    }
    for text in ["v", ".2", ".x", ",", ":"] {
        assert!(!ends(text), "{text}");
    }
}

#[test]
fn punctuation_between_a_label_and_its_value() {
    for c in [
        ':', '=', '>', '→', '⇒', '➜', '➔', '#', '-', '—', '–', '~', '(', ')', '[', ']', '{', '}',
        '*', '|', '/', ',', '，', '、', '<', '【', '】', '〔', '〕', '《', '》', '"', '“', '”',
        '「',
    ] {
        assert!(is_joint(c), "{c}");
    }
    for c in ['a', '1', '.', '!', ' ', '？'] {
        assert!(!is_joint(c), "{c}");
    }
}
