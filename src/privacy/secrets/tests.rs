//! What the label-based detector must find and must leave alone.

use super::super::{Policy, scan};
use super::*;

#[track_caller]
fn removed(text: &str, expected: &str, kinds: &[(Kind, bool)]) {
    let out = scan(text, Policy::default());
    let found: Vec<(Kind, bool)> = out.changes.iter().map(|c| (c.kind, c.certain)).collect();
    assert_eq!(
        (out.text.as_str(), found.as_slice()),
        (expected, kinds),
        "{text:?}"
    );
}

#[track_caller]
fn kept(text: &str) {
    let out = scan(text, Policy::default());
    assert_eq!(out.text, text, "{:?}", out.changes);
}

const PW: (Kind, bool) = (Kind::Password, true);
const PW_MAYBE: (Kind, bool) = (Kind::Password, false);
const PIN: (Kind, bool) = (Kind::Pin, true);
const CVV: (Kind, bool) = (Kind::Cvv, true);
const OTP: (Kind, bool) = (Kind::VerificationCode, true);
const OTP_MAYBE: (Kind, bool) = (Kind::VerificationCode, false);

#[test]
fn passwords_after_their_label() {
    removed("password: hunter2", "password: [removed]", &[PW]);
    removed("my password is hunter2", "my password is [removed]", &[PW]);
    removed("pwd → qazWSX123, tried", "pwd → [removed], tried", &[PW]);
    removed("login pw = Blue_Sky_88", "login pw = [removed]", &[PW]);
    removed(
        "password - Summer2025! - that's it",
        "password - [removed] - that's it",
        &[PW],
    );
    removed(
        "The password was \"correct horse 9\" and",
        "The password was \"[removed]\" and",
        &[PW],
    );
    removed("Password:\nRainbow#77", "Password:\n[removed]", &[PW]);
    removed("my password? Dragon1988", "my password? [removed]", &[PW]);
    removed(
        "new password I set: P@ssw0rd2026",
        "new password I set: [removed]",
        &[PW],
    );
    removed(
        "the pw for my wallet app is App-Pw-7781",
        "the pw for my wallet app is [removed]",
        &[PW],
    );
    removed(
        "password was changed to NotMe#123 without",
        "password was changed to [removed] without",
        &[PW],
    );
    removed("password: sunshine", "password: [removed]", &[PW]);
    removed(
        "my password is sunshine",
        "my password is [removed]",
        &[PW_MAYBE],
    );
    removed("pass: moonlight77", "pass: [removed]", &[PW_MAYBE]);
}

#[test]
fn passwords_in_chinese_and_both() {
    removed(
        "我的密码就是abc12345，怎么登不上去",
        "我的密码就是[removed]，怎么登不上去",
        &[PW],
    );
    removed(
        "登入密碼是Taipei101!，請幫我查一下",
        "登入密碼是[removed]，請幫我查一下",
        &[PW],
    );
    removed(
        "登入密碼——Tai-Chung-8——一直錯誤",
        "登入密碼——[removed]——一直錯誤",
        &[PW],
    );
    removed("密码：张三丰，登录不了", "密码：[removed]，登录不了", &[PW]);
    removed("我的password是Mixed2026!", "我的password是[removed]", &[PW]);
    removed(
        "密码 (password) = Shared#55",
        "密码 (password) = [removed]",
        &[PW],
    );
    removed(
        "密码被人改成了Hack3r!!，不是我改的",
        "密码被人改成了[removed]，不是我改的",
        &[PW],
    );
}

#[test]
fn values_before_their_label() {
    removed("hunter22 is my password", "[removed] is my password", &[PW]);
    removed(
        "I typed 'Qwerty!234' as my password.",
        "I typed '[removed]' as my password.",
        &[PW],
    );
    removed("Ab123456是我的密码", "[removed]是我的密码", &[PW]);
    removed(
        "551204 was the SMS code",
        "[removed] was the SMS code",
        &[OTP],
    );
    removed("448 is the CVV", "[removed] is the CVV", &[CVV]);
}

#[test]
fn a_password_reset_to_in_the_next_sentence() {
    removed(
        "Someone changed my password. It was reset to Xk92!mq by someone.",
        "Someone changed my password. It was reset to [removed] by someone.",
        &[PW],
    );
}

#[test]
fn a_password_and_a_phone_named_together_are_not_the_same() {
    kept("密碼和手機號碼都被改了，請打 0912 345 678 聯絡我");
    kept("我的密碼不是手機號碼。請打 0912-345-678");
    kept("有人改了我的密碼跟電話，我的是 0912345678");
    removed(
        "密碼同電話號碼一樣，電話係 6123 4567",
        "密碼同電話號碼一樣，電話係 [removed]",
        &[PW],
    );
    removed(
        "我的密码就是手机号 13800138000",
        "我的密码就是手机号 [removed]",
        &[PW],
    );
}

#[test]
fn the_same_as_another_value() {
    removed(
        "My password is the same as my email address, chen.jie@example.com.",
        "My password is the same as my email address, [removed].",
        &[PW],
    );
    removed(
        "密码和我的邮箱一样：wangfang@example.cn",
        "密码和我的邮箱一样：[removed]",
        &[PW],
    );
}

#[test]
fn the_same_as_a_value_given_elsewhere() {
    removed(
        "My email is li.lei@example.com and my password is the same as my email.",
        "My email is [removed] and my password is the same as my email.",
        &[PW],
    );
    removed(
        "手机13800138000，密码和手机号一样",
        "手机[removed]，密码和手机号一样",
        &[PW],
    );
    kept("My email is li.lei@example.com, please reply there.");
}

#[test]
fn codes_spaced_grouped_or_on_the_next_line() {
    removed("OTP 7 0 2 5 1 8", "OTP [removed]", &[OTP]);
    removed("SMS code: 482 913", "SMS code: [removed]", &[OTP]);
    removed("动态码：\n902771", "动态码：\n[removed]", &[OTP]);
    removed(
        "verification code they sent me was 302 118 and",
        "verification code they sent me was [removed] and",
        &[OTP],
    );
    removed("email code A7K2Q9", "email code [removed]", &[OTP]);
    removed("my code is 4417", "my code is [removed]", &[OTP_MAYBE]);
    removed("验证码：５５８２０１", "验证码：[removed]", &[OTP]);
}

#[test]
fn pins_and_cvvs_in_sentences() {
    removed(
        "I typed my PIN (5580) three times",
        "I typed my PIN ([removed]) three times",
        &[PIN],
    );
    removed("PIN#7712", "PIN#[removed]", &[PIN]);
    removed(
        "tried PIN 2580 and then 2850",
        "tried PIN [removed] and then [removed]",
        &[PIN, PIN],
    );
    removed(
        "the PIN for the card ending 1234 is 7430",
        "the PIN for the card ending 1234 is [removed]",
        &[PIN],
    );
    removed("签名栏那三位是718", "签名栏那三位是[removed]", &[CVV]);
    removed(
        "security number on the back: 552",
        "security number on the back: [removed]",
        &[CVV],
    );
    removed("cvc code 665", "cvc code [removed]", &[CVV]);
    removed("CVC2 123", "CVC2 [removed]", &[CVV]);
    removed("支付密码是258013", "支付密码是[removed]", &[PIN]);
}

#[test]
fn backup_codes() {
    removed(
        "backup codes: 8a3k-92jd, 1k29-dk20",
        "backup codes: [removed], [removed]",
        &[OTP, OTP],
    );
}

#[test]
fn descriptions_around_labels_are_kept() {
    for text in [
        "my password is wrong",
        "my password was reset yesterday",
        "password is not working",
        "password is 12 characters",
        "forgot password, reset link never came",
        "wrong password 3 times",
        "password123 is a bad password",
        "PIN blocked after 3 tries",
        "Support never asks for your password, PIN or verification code.",
        "OTP never arrived",
        "verification code: not received",
        "验证码没收到",
        "密码错误三次",
        "密码是对的，但是登录不了",
        "忘记支付密码了",
        "支付密码是6位数字，我记得是对的",
        "The verification code never arrived for my payment of 59.90 CNY at 2026-11-21 14:03.",
        "The code sent to +86 138 0013 8000 never arrived.",
        "I waited 60 seconds for the code, then $12.50 was charged.",
        "验证码一直收不到，交易单号2026112122001400000000001234",
        "promo code SAVE2026 didn't apply to order 88231945",
        "the code expired at 14:03",
        "code 2026-11-21",
        "code 1234.56",
        "the 6-digit code never came",
        "I reset my password in 2024",
    ] {
        kept(text);
    }
}

#[test]
fn codes_in_chinese_digits_and_backup_codes_in_groups_of_4() {
    removed("验证码 四八二九一三", "验证码 [removed]", &[OTP]);
    removed("PIN是幺二三四", "PIN是[removed]", &[PIN]);
    kept("验证码输了三次");
    kept("验证码两个都没收到");
    removed(
        "backup codes 8f2k 9xq1 7hd3 k2p0",
        "backup codes [removed]",
        &[OTP],
    );
    removed(
        "my backup codes: 1234 5678, 8765 4321",
        "my backup codes: [removed], [removed]",
        &[OTP, OTP],
    );
    kept("backup code list was lost");
}

#[test]
fn codes_an_app_showed_and_phone_numbers_are_kept_anywhere() {
    kept("提示 [code 100131] 验证码错误");
    kept("App 顯示 code 0051");
    kept("the app shows code 0051 every time");
    removed(
        "payment failed, my payment password is 403921, the code was 228014",
        "payment failed, my payment password is [removed], the code was [removed]",
        &[PIN, OTP_MAYBE],
    );
    kept("輸入支付密碼後顯示 1002 錯誤");
    kept("動態密碼 收到了但顯示 錯誤 2003");
    kept("输入验证码后提示：10003");
    kept("验证码一直报错 10003");
    kept("支付密码提示 10003");
    kept("动态码失效 E10003");
    kept("验证码发不过来，提示码 10003");
    kept("sent the code to my number 9123 4567");
    kept("聯絡電話 9123-4567，密碼被改");
    kept("驗證碼一直收唔到，我電話係 6123-4567");
    kept("驗證碼 寄到 (09)12345678");
    kept("PIN 收不到，电话是 6123 4567");
    kept("我的電話是 0912-345-678");
    kept("OTP sent to +1 (415) 555-0132 never arrived");
    removed(
        "the text said code 482913, I never asked for it",
        "the text said code [removed], I never asked for it",
        &[OTP_MAYBE],
    );
    removed(
        "my PIN 1234 was wrong",
        "my PIN [removed] was wrong",
        &[PIN],
    );
    removed("MPIN 4821", "MPIN [removed]", &[PIN]);
    removed(
        "the password I use everywhere is dragonfly",
        "the password I use everywhere is [removed]",
        &[PW_MAYBE],
    );
    removed(
        "he knows my password which is qazwsx",
        "he knows my password which is [removed]",
        &[PW_MAYBE],
    );
    removed("my password's hunter2", "my password's [removed]", &[PW]);
    removed(
        "我的密碼是我女兒生日0815",
        "我的密碼是我女兒生日[removed]",
        &[PW],
    );
    removed("我密碼就係abcd1234", "我密碼就係[removed]", &[PW]);
    removed(
        "code behind the card 123",
        "code behind the card [removed]",
        &[CVV],
    );
    removed(
        "my pw is my dog's name rex2019",
        "my pw is my dog's name [removed]",
        &[PW],
    );
    kept("my password is fine but the app shows E1002 now");
    removed(
        "支付密码 852963 输入后提示 PWD_ERR_01",
        "支付密码 [removed] 输入后提示 PWD_ERR_01",
        &[PIN],
    );
    removed(
        "驗證碼 482913 是 0912 345 678 收到的",
        "驗證碼 [removed] 是 0912 345 678 收到的",
        &[OTP],
    );
}

#[test]
fn error_messages_keep_their_codes_but_not_one_time_codes() {
    let policy = Policy {
        keep_error_codes: true,
        ..Policy::default()
    };
    for text in [
        "Payment failed (code 4012)",
        "code 4012: do not honor",
        "Declined, code is 100512",
    ] {
        assert_eq!(scan(text, policy).text, text);
    }
    assert_eq!(
        scan("error code: 100512, and the SMS 验证码 was 223301", policy).text,
        "error code: 100512, and the SMS 验证码 was [removed]"
    );
}

/// Found by the fuzzer: a password word that ran into the next label (`one-time password`)
/// took half of it, and scanning the result again read the other half as a new label.
#[test]
fn a_password_word_stops_before_a_label_it_would_cut_in_two() {
    removed(
        "password Qx9!\"\"one-time password 48213",
        "password [removed]\"\"one-time password [removed]",
        &[PW, OTP],
    );
    let once = scan(
        "password Qx9!\"\"one-time password 48213",
        Policy::default(),
    );
    assert_eq!(scan(&once.text, Policy::default()).text, once.text);
}

/// Found by the fuzzer: a word that ends in a removed value (`&&&:[removed]`, its closing
/// bracket trimmed as punctuation) is no password when the report is scanned again.
#[test]
fn a_word_holding_a_removed_value_is_no_password() {
    let once = scan("支付密码&&&&:Xk92!mq 然后", Policy::default());
    assert!(!once.text.contains("Xk92"), "{once:?}");
    assert_eq!(scan(&once.text, Policy::default()).text, once.text);
    kept("payment password &&&:[removed] then");
}

/// Found by the fuzzer: digits left beside a masked or removed value were part of it when the
/// text was first scanned; a report scanned again keeps them.
#[test]
fn digits_beside_a_masked_value_are_no_value_of_their_own() {
    kept("pin 204•••••••••••2004");
    kept("the code was 24*55114[removed]");
    kept("支付密码 204\u{fffd}•••• 4404");
    removed("pin 2046", "pin [removed]", &[PIN]);
}

#[test]
fn a_number_with_a_currency_or_degree_sign_after_it_is_no_code() {
    // An amount or a reading, not the value of the code named before it.
    for text in [
        "The code 4500$ was charged twice",
        "PIN 2500¥ taken from my card",
        "code 1280€ shows on the bill",
        "code 9999£ on the statement",
        "PIN 3600° error",
    ] {
        kept(text);
    }
}

#[test]
fn a_long_group_then_a_short_one_is_one_number_not_a_code() {
    // `12345 678` is one number typed in two groups (an account, a phone), not a 5-digit
    // code and something else.
    kept("verification code 12345 678");
    kept("PIN 12345 678");
}

#[test]
fn a_dot_inside_a_version_number_does_not_end_the_sentence() {
    // The clue `error` is in the same sentence: `10.6.2` is no sentence end.
    kept("code 4829 in version 10.6.2 shows error");
}

#[test]
fn a_password_in_brackets_after_its_label() {
    removed("password (hunter2)", "password ([removed])", &[PW]);
    removed(
        "my password (Tiger!2024) stopped working",
        "my password ([removed]) stopped working",
        &[PW],
    );
    removed("登录密码（abc12345）", "登录密码（[removed]）", &[PW]);
}

#[test]
fn a_phone_number_is_a_password_only_when_the_label_gives_it_as_one() {
    removed("password: 13800138000", "password: [removed]", &[PW]);
    kept("password 13800138000 is my phone");
}

#[test]
fn a_quoted_phrase_before_its_label() {
    // Between double or curly quotes, a phrase with spaces is the value.
    removed(
        "\"correct horse battery\" is my password",
        "\"[removed]\" is my password",
        &[PW],
    );
    removed(
        "“blue sky 99” was my password",
        "“[removed]” was my password",
        &[PW],
    );
    removed(
        "'Qwerty!234' as my password",
        "'[removed]' as my password",
        &[PW],
    );
}

#[test]
fn the_kind_follows_the_label() {
    // A security code of 3 or 4 digits is the card's; of 5 to 8, a one-time code.
    removed("security code 123", "security code [removed]", &[CVV]);
    removed("security code 482913", "security code [removed]", &[OTP]);
    // A payment password is a wallet PIN, also when it is a word.
    removed(
        "payment password: Abc12345xyz",
        "payment password: [removed]",
        &[PIN],
    );
}

#[test]
fn after_a_comma_alone_only_a_password_shaped_value_is_taken() {
    // A word after `password,` is the next clause, unless it looks like a password.
    kept("I forgot my password, call 13800138000");
    kept("I reset my password, then it failed again");
    removed(
        "我的密码就是我名字拼音加生日，liming0315",
        "我的密码就是我名字拼音加生日，[removed]",
        &[PW],
    );
    removed(
        "my password, Tiger!2024, stopped working",
        "my password, [removed], stopped working",
        &[PW],
    );
}

#[test]
fn a_correction_in_the_same_sentence_is_removed_too() {
    removed(
        "my password is sunshine2, no wait, it's sunshine3",
        "my password is [removed], no wait, it's [removed]",
        &[PW, PW],
    );
    // Digits too: a payment password is often all digits.
    removed(
        "password: hunter22, no wait, it is 48213377",
        "password: [removed], no wait, it is [removed]",
        &[PW, PW],
    );
    kept_after(
        "password: hunter22, and the amount is 5990",
        "the amount is 5990",
    );
}

#[test]
fn a_pin_after_no_with_its_dot() {
    removed("PIN no. 4821", "PIN no. [removed]", &[PIN]);
    removed("pin no. 4821 thanks", "pin no. [removed] thanks", &[PIN]);
}

/// `text` loses something, but not `tail`.
#[track_caller]
fn kept_after(text: &str, tail: &str) {
    let out = scan(text, Policy::default());
    assert!(out.text.ends_with(tail), "{:?}", out.text);
}

#[test]
fn a_value_right_after_its_label_is_taken_though_a_failure_word_follows() {
    // Only with words between the label and a number does a failure after it make the
    // number an error code (`输入支付密码后显示 1002 错误`).
    removed("PIN 4821 wrong", "PIN [removed] wrong", &[PIN]);
    removed("验证码 4821 错误", "验证码 [removed] 错误", &[OTP]);
    removed(
        "verification code 4821 failed",
        "verification code [removed] failed",
        &[OTP],
    );
    removed("密码：1002 错误", "密码：[removed] 错误", &[PW]);
}

#[test]
fn a_password_after_a_few_words_and_a_colon() {
    // What the password is for, then a colon: whatever follows is the password, a word too.
    removed(
        "password for app: sunshine",
        "password for app: [removed]",
        &[PW],
    );
    removed(
        "the password for alipay: dragonfly",
        "the password for alipay: [removed]",
        &[PW],
    );
    // Words that say what happened to it are not one.
    for text in [
        "password for the app: reset it please",
        "password for app: forgot",
        "password for my account: I don't remember",
        "password for app: not working",
        "the password for login: changed yesterday",
    ] {
        kept(text);
    }
}

#[test]
fn what_a_secret_is_for_in_brackets_then_its_value() {
    removed(
        "密码（支付宝）：sunshine",
        "密码（支付宝）：[removed]",
        &[PW],
    );
    removed(
        "password (alipay): dragon99",
        "password (alipay): [removed]",
        &[PW],
    );
    removed(
        "PIN (bank card) = 4821",
        "PIN (bank card) = [removed]",
        &[PIN],
    );
    removed(
        "验证码（短信）：702518",
        "验证码（短信）：[removed]",
        &[OTP],
    );
    // With a digit in them, or without a colon after them, brackets hold the value.
    removed(
        "PIN (4821): is that right?",
        "PIN ([removed]): is that right?",
        &[PIN],
    );
    removed("password (hunter2)", "password ([removed])", &[PW]);
    removed("登录密码（abc12345）", "登录密码（[removed]）", &[PW]);
}

#[test]
fn a_number_between_the_label_and_the_value_is_passed_over() {
    removed(
        "the password for account 12345 is hunter22",
        "the password for account 12345 is [removed]",
        &[PW],
    );
}

#[test]
fn a_password_in_corner_brackets() {
    removed("密码『hunter22』", "密码『[removed]』", &[PW]);
    removed("密码「hunter22」", "密码「[removed]」", &[PW]);
}

#[test]
fn backup_codes_in_a_numbered_list() {
    removed(
        "backup codes: 1. 7hd3-k2p0 2. 9fj2-m1x8 3. 4kd8-p2q7",
        "backup codes: 1. [removed] 2. [removed] 3. [removed]",
        &[OTP, OTP, OTP],
    );
    removed(
        "backup codes:\n1. 7hd3-k2p0\n2. 9fj2-m1x8",
        "backup codes:\n1. [removed]\n2. [removed]",
        &[OTP, OTP],
    );
    removed(
        "backup codes: (1) 7hd3-k2p0 (2) 9fj2-m1x8 (3) 4kd8-p2q7",
        "backup codes: (1) [removed] (2) [removed] (3) [removed]",
        &[OTP, OTP, OTP],
    );
}

#[test]
fn digits_that_name_the_card_are_not_its_pin() {
    removed(
        "PIN for card 6222 is 4821",
        "PIN for card 6222 is [removed]",
        &[PIN],
    );
    removed(
        "PIN for card 6222: 4821",
        "PIN for card 6222: [removed]",
        &[PIN],
    );
    // Without a word that joins them to a value, the digits after `card` are the PIN.
    removed(
        "PIN for card 4821 please",
        "PIN for card [removed] please",
        &[PIN],
    );
    removed(
        "PIN for my card: 4821",
        "PIN for my card: [removed]",
        &[PIN],
    );
}

#[test]
fn a_value_on_the_next_line_in_quotes_or_after_a_question() {
    removed("my password\nHunter2024x", "my password\n[removed]", &[PW]);
    removed(
        "the password 'Dragon1988' failed",
        "the password '[removed]' failed",
        &[PW],
    );
    // A question mark right after the label asks for the value; anywhere else it ends the
    // sentence, and so does a full stop.
    removed("my password? Dragon1988", "my password? [removed]", &[PW]);
    kept("password is? Dragon1988");
    kept("I forgot my password. Dragon1988 is my dog");
}

#[test]
fn a_value_one_line_break_away_at_most() {
    kept("my password\nis\nHunter2024x");
    kept("my password\n\nHunter2024x");
}

#[test]
fn a_possessive_or_an_open_quote_before_the_value() {
    removed(
        "my password's Hunter2024x",
        "my password's [removed]",
        &[PW],
    );
    // A quote that is never closed is passed over.
    removed(
        "my password \"Hunter2024x",
        "my password \"[removed]",
        &[PW],
    );
}

#[test]
fn brackets_of_any_length_before_a_colon() {
    for (text, expected) in [
        ("密码（支付宝）：sunshine1", "密码（支付宝）：[removed]"),
        ("password (app) = Hunter2024x", "password (app) = [removed]"),
        (
            "password (app)  = Hunter2024x",
            "password (app)  = [removed]",
        ),
        ("password () = Hunter2024x", "password () = [removed]"),
        (
            "password (my main app) : Hunter2024x",
            "password (my main app) : [removed]",
        ),
        // Digits in the brackets are the value itself.
        ("PIN (4821): ok", "PIN ([removed]): ok"),
    ] {
        reads(text, expected);
    }
}

/// What the scanned text reads, whatever kinds were found.
#[track_caller]
fn reads(text: &str, expected: &str) {
    assert_eq!(scan(text, Policy::default()).text, expected, "{text:?}");
}

#[test]
fn an_error_code_in_brackets_is_the_errors() {
    for text in [
        "Wrong password [E1002]",
        "Wrong password (E1002)",
        "PIN incorrect (51)",
        "PIN (51)",
        "my pw is my dog's name E1002",
        "1002 错误",
        "E1002 failed for password",
        "password 提示：10003",
    ] {
        kept(text);
    }
    // Not in brackets, after a failure word, it may be the password typed.
    removed("Wrong password E1002", "Wrong password [removed]", &[PW]);
}

#[test]
fn a_password_a_few_words_on_has_letters_and_digits() {
    removed(
        "my pw is my dog's name rex2019",
        "my pw is my dog's name [removed]",
        &[PW],
    );
    kept("my pw is my dog's name rexrex");
    // With the apostrophe a phone types, the dog's name is not the password either.
    kept("my password is my dog’s name");
    removed(
        "my pw is my dog’s name rex2019",
        "my pw is my dog’s name [removed]",
        &[PW],
    );
    removed(
        "password everywhere is Hunter2024x",
        "password everywhere is [removed]",
        &[PW],
    );
}

#[test]
fn more_values_of_the_same_secret() {
    removed(
        "tried PIN 2580 and then 2850",
        "tried PIN [removed] and then [removed]",
        &[PIN, PIN],
    );
    removed(
        "tried PIN 2580, 2850 and 5820 and 8520",
        "tried PIN [removed], [removed] and [removed] and [removed]",
        &[PIN, PIN, PIN, PIN],
    );
    reads(
        "backup codes:\n1. 7hd3-k2p0\n2. 8jd4-k3p1\n3. 9ke5-l4q2",
        "backup codes:\n1. [removed]\n2. [removed]\n3. [removed]",
    );
}

#[test]
fn backup_codes_numbered_with_a_hash() {
    reads(
        "backup codes: #1 7hd3-k2p0 #2 8jd4-k3p1",
        "backup codes: #1 [removed] #2 [removed]",
    );
    reads(
        "backup codes:\n#1 7hd3-k2p0\n#2 8jd4-k3p1",
        "backup codes:\n#1 [removed]\n#2 [removed]",
    );
    reads(
        "backup codes: 1. 7hd3-k2p0 2. 8jd4-k3p1",
        "backup codes: 1. [removed] 2. [removed]",
    );
    // Digits glued to the code are the code's own.
    reads("backup codes: #12ab-cd34", "backup codes: #[removed]");
}

mod between;
mod steps;
