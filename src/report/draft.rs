//! The report as an email draft (`.eml`, RFC 5322 with MIME): the text report as the body, the
//! JSON report attached, `To:` and `Subject:` set, and `X-Unsent: 1`, so that Outlook, Apple
//! Mail and Thunderbird open it as a message ready to send. Built from the report, which holds
//! only redacted answers; no `From:` (the mail app fills in the user's own account), and no
//! host name in the `Message-ID`. Case letters use the same shape ([`Draft`]).

use mail_builder::MessageBuilder;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;

use super::{Format, Report, render, subject};

/// An email draft's parts: everything in it is already redacted.
pub struct Draft<'a> {
    /// Unique for the message: the `Message-ID` is `<id>@wallet-help.invalid`.
    pub id: &'a str,
    /// Seconds since the Unix epoch, for the `Date:` header.
    pub date: i64,
    pub to: Option<&'a str>,
    pub subject: &'a str,
    /// The plain-text body.
    pub body: String,
    /// A JSON attachment: its file name and contents.
    pub json: Option<(String, String)>,
}

impl Draft<'_> {
    /// The draft's bytes.
    pub fn to_eml(&self) -> std::io::Result<Vec<u8>> {
        let mut message = MessageBuilder::new()
            .message_id(MessageId::new(format!("{}@wallet-help.invalid", self.id)))
            .date(self.date)
            .subject(self.subject)
            .header("X-Unsent", Raw::new("1"))
            .text_body(self.body.as_str());
        if let Some((name, json)) = &self.json {
            message = message.attachment("application/json", name.as_str(), json.as_str());
        }
        if let Some(to) = self.to {
            message = message.to(to);
        }
        message.write_to_vec()
    }
}

/// The draft's bytes.
pub fn eml(report: &Report) -> std::io::Result<Vec<u8>> {
    let created = report
        .created_at
        .parse::<jiff::Timestamp>()
        .map_or(0, jiff::Timestamp::as_second);
    Draft {
        id: &report.report_id,
        date: created,
        to: report.support.email.as_deref(),
        subject: &subject(report),
        body: render(report, Format::Text),
        json: Some((
            format!("{}.json", report.report_id),
            render(report, Format::Json),
        )),
    }
    .to_eml()
}

/// The draft's file name: `WH-20261121-7F3K9Q.eml`.
pub fn file_name(report: &Report) -> String {
    format!("{}.eml", report.report_id)
}
