//! Recognises a question that asks for a secret, by its type name or by its wording, so that
//! `guides check` can refuse it: support never needs a password, PIN, CVV, code or full number.

use crate::input::InputType;

/// Type names an author might reach for that would collect a secret.
const SECRET_TYPES: [&str; 12] = [
    "password",
    "secret",
    "pin",
    "cvv",
    "cvc",
    "otp",
    "code",
    "verification-code",
    "card-number",
    "id-number",
    "passport",
    "seed-phrase",
];

/// English phrases, matched on whole words.
const EN_PHRASES: [&str; 22] = [
    "password",
    "passcode",
    "passwords",
    "pin",
    "pin number",
    "cvv",
    "cvc",
    "cvv2",
    "security code",
    "verification code",
    "otp",
    "one-time code",
    "one time code",
    "sms code",
    "login code",
    "sign-in code",
    "2fa code",
    "card number",
    "id number",
    "identity number",
    "seed phrase",
    "private key",
];

/// Chinese phrases, matched anywhere.
const ZH_PHRASES: [&str; 11] = [
    "密码",
    "验证码",
    "校验码",
    "动态码",
    "安全码",
    "卡号",
    "身份证号",
    "证件号",
    "助记词",
    "私钥",
    "付款码",
];

/// Phrases that are safe even when asking for part of a card: the tool's `card-last4` type.
const LAST4_SAFE: [&str; 2] = ["card number", "卡号"];

/// If `type_name` would collect a secret, says what.
pub(crate) fn secret_type(type_name: &str) -> Option<&'static str> {
    SECRET_TYPES.iter().find(|t| **t == type_name).copied()
}

/// If the wording of an input question asks for a secret, says which phrase did it.
pub(crate) fn secret_wording(text: &str, input_type: Option<InputType>) -> Option<&'static str> {
    let allowed = |p: &str| input_type != Some(InputType::CardLast4) || !LAST4_SAFE.contains(&p);
    // A substring search rules most phrases out at once; whole words are checked only then.
    let lower = text.to_ascii_lowercase();
    let mut words = None;
    for phrase in EN_PHRASES {
        if allowed(phrase) && lower.contains(phrase) {
            let words = words.get_or_insert_with(|| english_words(&lower));
            if contains_words(words, phrase) {
                return Some(phrase);
            }
        }
    }
    ZH_PHRASES
        .iter()
        .copied()
        .find(|p| allowed(p) && text.contains(p))
}

/// Lowercase ASCII words of `text` (letters, digits and `-`), without copying it.
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether `phrase` (words separated by single spaces) occurs as whole words in `words`.
fn contains_words(words: &[String], phrase: &str) -> bool {
    let count = phrase.split(' ').count();
    words
        .windows(count)
        .any(|window| window.iter().map(String::as_str).eq(phrase.split(' ')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_secrets_in_either_language() {
        for text in [
            "What is your payment password?",
            "Enter the PIN",
            "Type the verification code you received",
            "What is your CVV?",
            "Full card number please",
            "请输入支付密码",
            "收到的验证码是多少?",
            "请填写身份证号",
        ] {
            assert!(
                secret_wording(text, Some(InputType::Text)).is_some(),
                "{text}"
            );
        }
    }

    #[test]
    fn leaves_ordinary_questions_alone() {
        for text in [
            "What error message did you see?",
            "Which shopping app were you spinning up?",
            "交易单号是多少?",
            "What is the error code on screen?",
        ] {
            assert_eq!(secret_wording(text, Some(InputType::Text)), None, "{text}");
        }
    }

    #[test]
    fn the_last_four_digits_of_a_card_are_not_a_secret() {
        let text = "Last 4 digits of the card number / 卡号后四位";
        assert_eq!(secret_wording(text, Some(InputType::CardLast4)), None);
        assert!(secret_wording(text, Some(InputType::Text)).is_some());
    }
}
