//! Delivery that lands: `-o report.eml` writes an email draft that mail apps open ready to send,
//! parsed back here with a MIME parser; it carries only the redacted report.

use mail_parser::{MessageParser, MimeHeaders as _};

use crate::test::Test;

/// A contact report with the provider's address, as text on stdout and as a draft in a file.
fn report_and_draft(what_happened: &str) -> (String, Vec<u8>) {
    let config = "[support]\nemail = \"support@example.com\"\n";
    let args = |extra: &[&'static str]| {
        let mut all = vec![
            "contact",
            "--config",
            "config.toml",
            "--set",
            "transaction-id=2026112122001400000000001234",
        ];
        all.extend_from_slice(extra);
        all
    };
    let text = Test::new()
        .file("config.toml", config)
        .args(&args(&[]))
        .args(&["--set", &format!("what-happened={what_happened}")])
        .run()
        .stdout;
    let out = Test::new()
        .file("config.toml", config)
        .args(&args(&["-o", "report.eml"]))
        .args(&["--set", &format!("what-happened={what_happened}")])
        .stdout("")
        .stderr_contains("Report saved to ")
        .run();
    let draft = std::fs::read(out.dir.join("report.eml")).unwrap();
    (text, draft)
}

#[test]
fn an_eml_draft_has_the_text_report_as_body_and_the_json_attached() {
    let (text, draft) = report_and_draft("The app said payment failed.");
    let message = MessageParser::default().parse(&draft).unwrap();
    assert_eq!(
        message
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address()),
        Some("support@example.com")
    );
    let subject = message.subject().unwrap();
    assert!(
        subject.starts_with("[WH-20261121-") && subject.ends_with("] Contact support"),
        "{subject}"
    );
    assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"));
    assert!(message.from().is_none(), "the mail app fills in the sender");
    assert!(
        message
            .message_id()
            .unwrap()
            .ends_with("@wallet-help.invalid"),
        "no host name in the Message-ID"
    );
    assert_eq!(message.text_body_count(), 1);
    let body = message.body_text(0).unwrap();
    assert_eq!(
        body.replace("\r\n", "\n"),
        text,
        "the body is the text report"
    );
    assert_eq!(message.attachment_count(), 1);
    let json = message.attachment(0).unwrap();
    assert!(json.is_content_type("application", "json"));
    let name = json.attachment_name().unwrap();
    assert!(
        name.starts_with("WH-20261121-")
            && std::path::Path::new(name)
                .extension()
                .is_some_and(|e| e == "json"),
        "{name}"
    );
    let report: serde_json::Value = serde_json::from_slice(json.contents()).unwrap();
    assert_eq!(report["schema"], "wallet-help.report/1");
    assert!(subject.contains(report["report_id"].as_str().unwrap()));
}

#[test]
fn an_eml_draft_carries_only_the_redacted_report() {
    let card = "4111 1111 1111 1111";
    let (_, draft) = report_and_draft(&format!("I paid with card {card} and the CVV 123"));
    let message = MessageParser::default().parse(&draft).unwrap();
    let body = message.body_text(0).unwrap();
    let json = String::from_utf8(message.attachment(0).unwrap().contents().to_vec()).unwrap();
    for part in [body.as_ref(), json.as_str()] {
        assert!(
            !part.contains("4111 1111 1111 1111") && !part.contains("4111111111111111"),
            "{part}"
        );
        assert!(part.contains("1111"), "masked to the last 4: {part}");
    }
    let raw = String::from_utf8_lossy(&draft);
    assert!(!raw.contains("4111 1111"), "nor in the raw bytes");
}
