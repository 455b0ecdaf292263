//! scam-check's comparison through the binary: with `example.com`, `support@example.com`,
//! `+86 400 000 0000` and `95188` configured as official, only whole official contacts are
//! called official; every trick from the hostile-input review is not.

use crate::test::Test;

pub const CONFIG: &str = r#"[provider]
name = "Example Wallet"
[support]
email = "support@example.com"
phones = ["+86 400 000 0000", "95188"]
website = "https://example.com/help"
"#;

const OFFICIAL: &str = "It matches an official contact.";
const UNOFFICIAL: &str = "You can report it";
const CANNOT_CHECK: &str = "We can't check this one for you";

fn ending_for(given: &str) -> String {
    Test::new()
        .file("config.toml", CONFIG)
        .args(&[
            "scam-check",
            "--config",
            "config.toml",
            "--set",
            "what-they-asked=nothing",
            "--set",
            &format!("given-contact={given}"),
        ])
        .run()
        .stderr
}

fn assert_ending(given: &str, expected: &str) {
    let stderr = ending_for(given);
    assert!(
        stderr.contains(expected),
        "{given:?} should end with {expected:?}, got:\n{stderr}"
    );
}

#[test]
fn whole_official_contacts_are_official() {
    for given in [
        "+86 400 000 0000",
        "400-000-0000",
        "95188",
        "https://example.com/refund",
        "https://help.example.com",
        "support@example.com",
    ] {
        assert_ending(given, OFFICIAL);
    }
}

#[test]
fn every_disguise_of_an_official_contact_is_not_official() {
    for given in [
        "https://evil.io/@example.com",
        "https://evil.io/login?u=a@example.com",
        "https://evil.io\\@example.com",
        "\"support@example.com\"@evil.io",
        "https://example.com/help and https://evil.io/help",
        "javascript://example.com/%0Aalert(1)",
        "0000000",
        "http://example.com",
        "https://example.com.evil.io",
        "+86 400 000 0001",
    ] {
        assert_ending(given, UNOFFICIAL);
    }
}

#[test]
fn a_name_or_a_text_without_a_contact_cannot_be_checked() {
    for given in [
        "wechat id example.com",
        "a man called me",
        "www.example.com",
    ] {
        assert_ending(given, CANNOT_CHECK);
    }
}
