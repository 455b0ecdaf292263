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
