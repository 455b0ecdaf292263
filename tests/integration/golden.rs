//! Rendered reports compared with golden files in `tests/expected`, at a fixed clock and
//! time zone. `UPDATE_GOLDEN=1 cargo test` rewrites them after a deliberate change.

use crate::test::{Test, assert_golden, normalize_device};

fn report(guide: &str, answers: &str, extra: &[&str]) -> String {
    let mut args = vec![guide, "--answers", "answers.toml"];
    args.extend(extra);
    let out = Test::new()
        .fixture_as(&format!("answers/{answers}.toml"), "answers.toml")
        .fixture("answers/config.toml")
        .args(&args)
        .run();
    normalize_device(&out.stdout)
}

#[test]
fn payment_failed_text_is_an_email_ready_to_send() {
    let text = report(
        "payment-failed",
        "payment-failed",
        &["--config", "answers/config.toml"],
    );
    assert_golden("payment-failed.en.txt", &text);
}

#[test]
fn payment_failed_markdown_is_for_chat_and_tickets() {
    let md = report(
        "payment-failed",
        "payment-failed",
        &["--format", "markdown"],
    );
    assert_golden("payment-failed.en.md", &md);
}

#[test]
fn payment_failed_json_follows_the_report_schema() {
    let json = report("payment-failed", "payment-failed", &["--format", "json"]);
    assert_golden("payment-failed.en.json", &json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], "wallet-help.report/1");
    assert_eq!(value["outcome"], "contact-support");
    assert_eq!(value["created_at"], "2026-11-21T15:04:05+08:00");
}

#[test]
fn payment_failed_in_chinese_keeps_the_users_words() {
    let text = report("payment-failed", "payment-failed-zh", &["--lang", "zh"]);
    assert_golden("payment-failed.zh.txt", &text);
    assert!(text.contains("银行卡被拒绝(51)"));
}

#[test]
fn a_chinese_user_can_send_an_english_report() {
    let text = report(
        "payment-failed",
        "payment-failed-zh",
        &["--lang", "zh", "--report-lang", "en"],
    );
    assert_golden("payment-failed.zh-en.txt", &text);
}

#[test]
fn the_urgent_branch_marks_the_report_urgent() {
    let json = report(
        "payment-failed",
        "payment-failed-urgent",
        &["--format", "json"],
    );
    assert_golden("payment-failed-urgent.en.json", &json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["urgent"], true);
}

#[test]
fn top_up_missing_json() {
    let json = report("top-up-missing", "top-up-missing", &["--format", "json"]);
    assert_golden("top-up-missing.en.json", &json);
}

#[test]
fn contact_text_in_both_languages() {
    assert_golden("contact.en.txt", &report("contact", "contact", &[]));
    assert_golden(
        "contact.zh.md",
        &report(
            "contact",
            "contact",
            &["--lang", "zh", "--format", "markdown"],
        ),
    );
}

/// Review M2: the Chinese urgent report says the user saw a sign-in, device or payment that
/// wasn't theirs, and what it was, never that the user's own failed payment wasn't theirs.
#[test]
fn payment_failed_urgent_in_chinese_says_what_was_not_the_user() {
    let text = report(
        "payment-failed",
        "payment-failed-urgent-zh",
        &["--lang", "zh"],
    );
    assert_golden("payment-failed-urgent.zh.txt", &text);
    assert!(text.contains("凌晨 2:14 有一次深圳的登录"), "{text}");
    assert!(!text.contains("这笔付款不是我本人操作"), "{text}");
}

/// Review M5: money sent to a fake support caller gets an urgent report with the amount and
/// the recipient, asking to stop or recall it.
#[test]
fn code_not_received_money_sent_to_a_scammer_is_urgent_with_the_amount() {
    let json = report(
        "code-not-received",
        "code-not-received-money",
        &["--lang", "zh", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["urgent"], true);
    let summary = value["summary"].as_str().unwrap();
    assert!(
        summary.contains("5000.00 CNY") && summary.contains("止付"),
        "{summary}"
    );
    assert_golden(
        "code-not-received-money.zh.txt",
        &report(
            "code-not-received",
            "code-not-received-money",
            &["--lang", "zh"],
        ),
    );
}
