//! How far the search after a label goes: how many words, brackets, phone numbers, cards,
//! failure words and Chinese characters may stand between a label and its value, what links
//! them, and how many more values follow the first.

use super::*;

#[test]
fn four_words_between_a_label_and_its_value_at_most() {
    reads(
        "password for the old bank app: Hunter2024x",
        "password for the old bank app: [removed]",
    );
    kept("password for the new old bank app: Hunter2024x");
    reads(
        "pin for the old bank app: 4821",
        "pin for the old bank app: [removed]",
    );
    kept("pin for the new old bank app: 4821");
}

#[test]
fn a_phone_number_between_a_label_and_its_value_is_one_word_of_four() {
    reads(
        "PIN for the old bank 13912345678: 4821",
        "PIN for the old bank 13912345678: [removed]",
    );
    kept("PIN for the new old bank 13912345678: 4821");
    kept("PIN for my bank 13912345678 in town: 4821");
}

#[test]
fn a_quote_right_after_the_label_opens_the_value() {
    // `password's` is a possessive only when `s` and a space follow the quote.
    reads("password'hunter2' ok", "password'[removed]' ok");
    reads("password is 'a hunter2'", "password is '[removed]'");
    removed(
        "my password's sunshine",
        "my password's [removed]",
        &[PW_MAYBE],
    );
}

#[test]
fn a_phone_number_in_brackets_is_one_word_of_four() {
    reads("PIN (02)2345-6789: 4821", "PIN (02)2345-6789: [removed]");
    reads(
        "PIN foo bar baz (02)2345-6789: 4821",
        "PIN foo bar baz (02)2345-6789: [removed]",
    );
    kept("PIN foo bar baz qux (02)2345-6789: 4821");
    // After a phone number, even with a colon before it, a second one is no password.
    kept("password: (02)2345-6789 13800138000");
}

#[test]
fn a_comma_links_only_a_password() {
    // After a PIN's label, a comma changes nothing: a 5-digit PIN is still uncertain.
    removed("PIN, 12345", "PIN, [removed]", &[(Kind::Pin, false)]);
}

#[test]
fn a_code_label_after_a_colon_names_an_error() {
    kept("Incorrect PIN (code 5501)");
}

#[test]
fn a_label_said_twice_only_right_after_itself() {
    kept("password: please pin Tiger99");
    kept("password: please 啊 pin Tiger99");
    reads("PIN code 1234", "PIN code [removed]");
}

#[test]
fn a_card_or_an_order_between_counts_as_a_word() {
    kept("PIN foo bar baz card 6222 is qux 4821");
    reads(
        "PIN foo bar card 6222 is qux 4821",
        "PIN foo bar card 6222 is qux [removed]",
    );
    kept("PIN foo bar baz order 2026 qux 4821");
    reads(
        "PIN foo bar order 2026 qux 4821",
        "PIN foo bar order 2026 qux [removed]",
    );
}

#[test]
fn a_password_said_to_be_a_phone_number() {
    reads(
        "password is my phone number 13800138000",
        "password is my phone number [removed]",
    );
    reads(
        "password = my phone number 13800138000",
        "password = my phone number [removed]",
    );
    kept("password my phone number 13800138000");
}

#[test]
fn an_error_named_between_makes_a_bracketed_code_the_errors() {
    // `error` is something support needs, and a failure: the code in brackets after it is
    // the error's, not the password.
    kept("password error 3 (E1002)");
    kept("密码错误 3 (E1002)");
}

#[test]
fn a_phone_number_after_other_words_is_no_password_even_after_a_colon() {
    kept("password: (02)2345-6789, 13800138000");
}

#[test]
fn words_between_need_a_joining_word_or_colon_before_them() {
    kept("password reset link rex2019");
    reads(
        "password is for the app rex2019",
        "password is for the app [removed]",
    );
}

#[test]
fn a_correction_is_joined_as_the_first_value_was() {
    reads(
        "my password is sunshine2 then sunshine3",
        "my password is [removed] then sunshine3",
    );
    reads(
        "my password is sunshine2, no wait, it's sunshine3",
        "my password is [removed], no wait, it's [removed]",
    );
}

#[test]
fn a_failure_word_between_counts_as_a_word() {
    // Six digits: no error code's shape, so a failure word before them leaves them a PIN.
    reads("PIN foo wrong 482913", "PIN foo wrong [removed]");
    reads(
        "PIN foo bar baz wrong 482913",
        "PIN foo bar baz wrong [removed]",
    );
    kept("PIN foo bar baz qux wrong 482913");
    // In Chinese, ten characters at most, the failure word's counted as one.
    reads("取款密码失败 482913", "取款密码失败 [removed]");
    reads(
        "取款密码我们昨天在商店买东失败 482913",
        "取款密码我们昨天在商店买东失败 [removed]",
    );
    kept("取款密码我们昨天在商店买东西失败 482913");
}

#[test]
fn ten_chinese_characters_between_a_label_and_its_value_at_most() {
    reads(
        "取款密码我们昨天在商店买东西 482913",
        "取款密码我们昨天在商店买东西 [removed]",
    );
    kept("取款密码我们昨天在商店买东西啊 482913");
}

#[test]
fn more_values_joined_by_whole_words_or_glued() {
    reads(
        "OTP 482913 and then 582913 or 682913, 782913",
        "OTP [removed] and then [removed] or [removed], [removed]",
    );
    // `or` glued to the next word is part of it: here, of a code of letters and digits.
    reads("OTP 482913 orA7K2Q9", "OTP [removed] [removed]");
    reads("PIN 2580 andy 2850", "PIN [removed] andy 2850");
    // The same code said twice, in Chinese digits and in digits, is removed whole.
    reads("验证码 四八二九一三482913", "验证码 [removed][removed]");
    reads("PIN 4821四八二九", "PIN [removed][removed]");
}

#[test]
fn three_more_values_at_most_but_a_whole_list_of_backup_codes() {
    reads(
        "PINs tried 1111, 2222, 3333, 4444, 5555",
        "PINs tried [removed], [removed], [removed], [removed], 5555",
    );
    let codes = "7hd3-k2p0 8jd4-k3p1 9ke5-l4q2 2lf6-m5r3 3mg7-n6s4 4nh8-p7t5";
    reads(
        &format!("backup codes: {codes}"),
        "backup codes: [removed] [removed] [removed] [removed] [removed] [removed]",
    );
}

#[test]
fn before_its_label_a_phrase_in_straight_quotes_is_no_value() {
    // `'` also stands for an apostrophe: only one word between two is sure to be quoted.
    kept("'my old one' as my password");
    reads("'Qwerty!234' as my password", "'[removed]' as my password");
}
