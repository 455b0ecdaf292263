//! What a report keeps and what it hides, question by question, when nobody reviews it
//! (scripted runs and `--yes`), and the verification code an agent reads back.

use crate::test::Test;

/// `payment-failed` answered from the fixture, with `sets` on top, as JSON.
fn payment_failed(sets: &[&str], extra: &[&str]) -> (serde_json::Value, String) {
    let mut args = vec![
        "payment-failed",
        "--answers",
        "answers.toml",
        "--format",
        "json",
    ];
    for set in sets {
        args.extend(["--set", set]);
    }
    args.extend(extra);
    let out = Test::new()
        .fixture_as("answers/payment-failed.toml", "answers.toml")
        .args(&args)
        .run();
    (serde_json::from_str(&out.stdout).unwrap(), out.stderr)
}

fn detail<'a>(report: &'a serde_json::Value, id: &str) -> &'a str {
    report["details"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .and_then(|d| d["value"].as_str())
        .unwrap_or_else(|| panic!("no detail {id} in {report:#}"))
}

#[test]
fn an_error_message_keeps_its_error_code() {
    let (report, _) = payment_failed(&["error-message=Payment failed (code 4012)"], &[]);
    assert_eq!(
        detail(&report, "error-message"),
        "Payment failed (code 4012)"
    );
    assert_eq!(report["redactions"], serde_json::json!([]));
}

#[test]
fn an_error_message_still_loses_a_verification_code() {
    let (report, stderr) = payment_failed(
        &["error-message=Declined, then SMS 验证码 483920 arrived"],
        &[],
    );
    assert!(!detail(&report, "error-message").contains("483920"));
    assert_eq!(
        report["redactions"],
        serde_json::json!([{ "question": "error-message", "kind": "verification-code", "certain": true }])
    );
    // Nobody can retype a scripted answer: the warning comes when it is read.
    assert!(
        stderr.contains("warning: `error-message`: That answer holds a verification code."),
        "{stderr}"
    );
    assert!(stderr.contains("Privacy: removed or masked"), "{stderr}");
}

#[test]
fn a_card_number_in_free_text_is_masked_to_its_last_four() {
    let (report, _) = payment_failed(&["merchant=Shop, I paid with 4111 1111 1111 1111"], &[]);
    let merchant = detail(&report, "merchant");
    assert!(!merchant.contains("4111 1111 1111 1111"), "{merchant}");
    assert!(merchant.contains("1111"), "{merchant}");
}

#[test]
fn the_verification_code_is_the_same_in_every_format() {
    let (json, _) = payment_failed(&[], &[]);
    let code = json["verification_code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 7, "{code}");
    assert_eq!(code.as_bytes()[3], b'-', "{code}");
    for (format, label) in [
        ("text", "Verification code "),
        ("markdown", "Verification code "),
    ] {
        let out = Test::new()
            .fixture_as("answers/payment-failed.toml", "answers.toml")
            .args(&[
                "payment-failed",
                "--answers",
                "answers.toml",
                "--format",
                format,
            ])
            .run();
        assert!(
            out.stdout.contains(&format!("{label}{code}")),
            "{format}: {}",
            out.stdout
        );
    }
    // The Chinese report says the same in other words: its summary has its own code.
    let (zh, _) = payment_failed(&[], &["--report-lang", "zh"]);
    assert_eq!(zh["report_id"], json["report_id"]);
    assert_ne!(zh["verification_code"], json["verification_code"]);
    // A different answer gives a different code.
    let (other, _) = payment_failed(&["merchant=Another shop"], &[]);
    assert_ne!(other["verification_code"], json["verification_code"]);
}

#[test]
fn phone_and_email_are_shown_in_full_unless_the_user_masks_them_at_the_review() {
    let out = Test::new()
        .fixture_as("answers/close-account.toml", "answers.toml")
        .args(&[
            "close-account",
            "--answers",
            "answers.toml",
            "--format",
            "json",
        ])
        .run();
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let values: Vec<&str> = report["details"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["value"].as_str())
        .collect();
    // Support needs them to find the account.
    assert!(values.contains(&"wang.fang@example.com"), "{values:?}");
    assert!(values.contains(&"+8613912345678"), "{values:?}");
}

#[test]
fn a_transaction_id_that_looks_like_a_card_number_is_kept_with_a_warning_in_scripts() {
    let (report, stderr) = payment_failed(&["transaction-id=4111111111111111"], &[]);
    assert_eq!(detail(&report, "transaction-id"), "4111111111111111");
    assert_eq!(
        report["warnings"],
        serde_json::json!([{ "question": "transaction-id", "kind": "looks-like-card-number" }])
    );
    assert!(stderr.contains("looks like a card number"), "{stderr}");
    // An ordinary id carries no warning.
    let (report, _) = payment_failed(&["transaction-id=2026112122001400000000001234"], &[]);
    assert_eq!(report["warnings"], serde_json::json!([]), "{report:#}");
}

#[test]
fn an_uncertain_finding_is_removed_in_scripts_and_listed_as_uncertain() {
    let (report, stderr) = payment_failed(&["merchant=Shop, the code was 702518"], &[]);
    assert!(!detail(&report, "merchant").contains("702518"));
    assert_eq!(
        report["redactions"],
        serde_json::json!([{ "question": "merchant", "kind": "verification-code", "certain": false }])
    );
    assert!(
        stderr.contains("what might be a verification code"),
        "{stderr}"
    );
}
