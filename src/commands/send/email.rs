//! "Open it in my email app": the report as an email draft (`.eml`: the text report as the
//! body, the JSON report attached) saved in Downloads (or the temp folder) and opened with the
//! system's handler. When nothing would open it, the report is saved as a file and a `mailto:`
//! link opens a message with the summary, and the user is told where the full report is.

use std::path::{Path, PathBuf};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::{print_stderr, print_stdout, save};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::report::{self, Report, draft, labels, write};
use crate::settings::Settings;

/// Longer links are cut or refused by some browsers and mail programs (and Windows' shell).
pub const MAILTO_LIMIT: usize = 2000;

/// RFC 3986's unreserved characters stay as they are; everything else is encoded.
const LINK_TEXT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An address keeps its `@`, which mail programs expect as it is.
const ADDRESS: &AsciiSet = &LINK_TEXT.remove(b'@');

/// A `mailto:` link with the subject and body filled in (RFC 6068: line breaks as CRLF,
/// everything percent-encoded), or `None` when it would be longer than [`MAILTO_LIMIT`].
pub fn mailto(to: Option<&str>, subject: &str, body: &str) -> Option<String> {
    let encode = |s: &str| utf8_percent_encode(s, LINK_TEXT).to_string();
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    let link = format!(
        "mailto:{}?subject={}&body={}",
        to.map(|to| utf8_percent_encode(to, ADDRESS).to_string())
            .unwrap_or_default(),
        encode(subject),
        encode(&body)
    );
    (link.len() <= MAILTO_LIMIT).then_some(link)
}

/// Opens the report in the user's email app; says what happened and where the files are.
pub(super) fn email(report: &Report, rendered: &str, settings: &Settings) -> Result<()> {
    let lang = settings.lang;
    let folder = drafts_folder();
    let draft = || draft::eml(report).map_err(|e| Error::io("write", "the email draft", e));
    if let Some(path) = open_draft(&draft::file_name(report), draft)? {
        let said = match lang {
            Lang::En => format!(
                "Opened the report as an email draft in your email app (the draft is {}). Check it, then send it.",
                path.display()
            ),
            Lang::Zh => format!(
                "已在邮件 App 里打开这份报告的邮件草稿（草稿文件：{}）。检查一下内容后发送即可。",
                path.display()
            ),
        };
        print_stderr(&said);
        return Ok(());
    }
    summary_link(report, rendered, settings, &folder)
}

/// Saves an email draft (`file_name`, built by `eml` only when an email app can open it) in
/// Downloads or the temp folder and opens it; the full path of the draft when it was opened,
/// `None` when there is no app for it (the caller falls back to a link or the text).
pub(in crate::commands) fn open_draft(
    file_name: &str,
    eml: impl FnOnce() -> Result<Vec<u8>>,
) -> Result<Option<PathBuf>> {
    if !(can_open_files() && has_email_app()) {
        return Ok(None);
    }
    let path = save::free_name(&drafts_folder().join(file_name));
    write::atomic_write(&path, &eml()?, false)?;
    let path = save::full_path(&path);
    Ok(open::that_detached(&path).is_ok().then_some(path))
}

/// Opens a `mailto:` link in the user's email app; whether it opened.
pub(in crate::commands) fn open_link(link: &str) -> bool {
    can_open_files() && open::that_detached(link).is_ok()
}

/// No app for email drafts: the report is saved, and a `mailto:` link carries the summary.
fn summary_link(report: &Report, rendered: &str, settings: &Settings, folder: &Path) -> Result<()> {
    let lang = settings.lang;
    let name = super::default_file(report, settings.format);
    let path = save::free_name(&folder.join(&name));
    write::atomic_write(&path, rendered.as_bytes(), false)?;
    let path = save::full_path(&path);
    let file_name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let body = summary_body(report, &file_name);
    let to = report.support.email.as_deref();
    let link = mailto(to, &report::subject(report), &body);
    if let Some(link) = link.filter(|_| can_open_files())
        && open::that_detached(&link).is_ok()
    {
        let said = match lang {
            Lang::En => format!(
                "Opened your email app with the summary. The full report is saved as {}: attach it to the message.",
                path.display()
            ),
            Lang::Zh => format!(
                "已打开邮件 App，邮件里是报告概述。完整报告已保存为 {}，请把它作为附件添加到邮件里。",
                path.display()
            ),
        };
        print_stderr(&said);
        return Ok(());
    }
    let said = match lang {
        Lang::En => format!(
            "No email app could be opened. The report is saved as {}; here it is to copy into a message:",
            path.display()
        ),
        Lang::Zh => format!(
            "没能打开邮件 App。报告已保存为 {}；下面是报告全文，可以复制到邮件里：",
            path.display()
        ),
    };
    print_stderr(&said);
    print_stdout(rendered)
}

/// The message a `mailto:` link carries: the summary, the id and code, and which file to
/// attach (its name only: the folder would tell support the user's account name).
fn summary_body(report: &Report, file_name: &str) -> String {
    let lang = report.language;
    let ids = format!(
        "{} {} · {} {}",
        labels::REPORT.get(lang),
        report.report_id,
        labels::VERIFICATION.get(lang),
        report.verification_code
    );
    let attach = match lang {
        Lang::En => format!("The full report is attached ({file_name})."),
        Lang::Zh => format!("完整报告见附件（{file_name}）。"),
    };
    format!("{}\n\n{ids}\n\n{attach}\n", report.summary)
}

/// Downloads when it can be written, else the temp folder.
fn drafts_folder() -> PathBuf {
    dirs::download_dir()
        .filter(|d| d.is_dir() && tempfile::tempfile_in(d).is_ok())
        .unwrap_or_else(std::env::temp_dir)
}

/// Whether files and links can be opened in an app: always on macOS and Windows; on other
/// systems, only in a graphical session.
fn can_open_files() -> bool {
    cfg!(any(target_os = "macos", windows))
        || std::env::var_os("DISPLAY").is_some()
        || std::env::var_os("WAYLAND_DISPLAY").is_some()
}

/// Whether an app is set to open email drafts (`message/rfc822`): on freedesktop systems,
/// asked of `xdg-mime`; macOS and Windows always have one.
fn has_email_app() -> bool {
    if cfg!(any(target_os = "macos", windows)) {
        return true;
    }
    std::process::Command::new("xdg-mime")
        .args(["query", "default", "message/rfc822"])
        .stderr(std::process::Stdio::null())
        .output()
        .is_ok_and(|out| out.status.success() && !out.stdout.trim_ascii().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mailto_link_encodes_the_subject_and_the_body_with_crlf_line_breaks() {
        let link = mailto(
            Some("help@example.com"),
            "Payment failed · WH-1",
            "Hi & bye\n金额 59.90 CNY",
        )
        .unwrap();
        assert_eq!(
            link,
            "mailto:help@example.com?subject=Payment%20failed%20%C2%B7%20WH-1\
             &body=Hi%20%26%20bye%0D%0A%E9%87%91%E9%A2%9D%2059.90%20CNY"
        );
    }

    #[test]
    fn a_body_too_long_for_a_link_gives_no_link() {
        assert!(mailto(None, "s", &"x".repeat(MAILTO_LIMIT)).is_none());
        assert!(mailto(None, "s", "short").is_some());
    }
}
