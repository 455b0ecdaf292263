//! The report as an email draft (`.eml`, RFC 5322 with MIME): the text report as the body, the
//! JSON report attached, `To:` and `Subject:` set, and `X-Unsent: 1`, so that Outlook, Apple
//! Mail and Thunderbird open it as a message ready to send. Built from the report, which holds
//! only redacted answers; no `From:` (the mail app fills in the user's own account), and no
//! host name in the `Message-ID`.

use mail_builder::MessageBuilder;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;

use super::{Format, Report, render, subject};

/// The draft's bytes.
pub fn eml(report: &Report) -> std::io::Result<Vec<u8>> {
    let body = render(report, Format::Text);
    let json = render(report, Format::Json);
    let created = report
        .created_at
        .parse::<jiff::Timestamp>()
        .map_or(0, jiff::Timestamp::as_second);
    let mut message = MessageBuilder::new()
        .message_id(MessageId::new(format!(
            "{}@wallet-help.invalid",
            report.report_id
        )))
        .date(created)
        .subject(subject(report))
        .header("X-Unsent", Raw::new("1"))
        .text_body(body)
        .attachment(
            "application/json",
            format!("{}.json", report.report_id),
            json,
        );
    if let Some(to) = &report.support.email {
        message = message.to(to.as_str());
    }
    message.write_to_vec()
}

/// The draft's file name: `WH-20261121-7F3K9Q.eml`.
pub fn file_name(report: &Report) -> String {
    format!("{}.eml", report.report_id)
}
