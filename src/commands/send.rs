//! Where a reviewed report goes: shown here to copy, saved to a file, opened in the user's
//! email app as a `mailto:` link, or copied to the clipboard when the platform has one.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use dialoguer::Select;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::{print_stderr, print_stdout, save};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::prompt::terminal::prompt_error;
use crate::prompt::theme::LocalTheme;
use crate::report::{self, Format, Report, write};
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

/// The clipboard program of this platform, if one is installed: `(program, arguments)`.
fn clipboard_program() -> Option<(&'static str, &'static [&'static str])> {
    let candidates: &[(&str, &[&str])] = if cfg!(target_os = "macos") {
        &[("pbcopy", &[])]
    } else if cfg!(windows) {
        &[("clip", &[])]
    } else if std::env::var_os("WAYLAND_DISPLAY").is_some() {
        &[("wl-copy", &[])]
    } else if std::env::var_os("DISPLAY").is_some() {
        &[
            ("xclip", &["-selection", "clipboard"]),
            ("xsel", &["--clipboard", "--input"]),
        ]
    } else {
        &[]
    };
    candidates
        .iter()
        .copied()
        .find(|(program, _)| on_path(program))
}

fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        let file = dir.join(program);
        file.is_file() || file.with_extension("exe").is_file()
    })
}

/// Copies `text` to the clipboard with the platform's own program, which keeps it after we
/// exit (a clipboard owned by this process would vanish with it on X11).
fn copy(text: &str) -> std::io::Result<()> {
    let Some((program, args)) = clipboard_program() else {
        return Err(std::io::Error::other("no clipboard program"));
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other(format!("{program} failed")))
    }
}

/// The ways a report can leave, as the menu offers them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Print,
    Save,
    Email,
    Copy,
}

/// Asks how to send the reviewed report, then does it. Whatever fails, the report is
/// printed, so nothing the user typed is lost.
pub(super) fn choose(report: &Report, rendered: &str, settings: &Settings) -> Result<()> {
    let lang = settings.lang;
    let mut ways = vec![
        (
            Way::Print,
            lang.pick("Show it here, to copy", "显示在这里，方便复制"),
        ),
        (Way::Save, lang.pick("Save it to a file", "保存为文件")),
        (
            Way::Email,
            lang.pick("Open it in my email app", "用邮件 App 打开"),
        ),
    ];
    if clipboard_program().is_some() {
        ways.push((
            Way::Copy,
            lang.pick("Copy it to the clipboard", "复制到剪贴板"),
        ));
    }
    let labels: Vec<&str> = ways.iter().map(|(_, label)| *label).collect();
    let picked = Select::with_theme(&LocalTheme::new(lang))
        .with_prompt(lang.pick("How do you want to send it?", "要怎样发送这份报告？"))
        .items(&labels)
        .default(0)
        .interact_on_opt(&console::Term::stderr())
        .map_err(prompt_error)?
        .ok_or(Error::Cancelled)?;
    match ways[picked].0 {
        Way::Print => print_stdout(rendered),
        Way::Save => save_asked(report, rendered, settings),
        Way::Email => email(report, rendered, settings),
        Way::Copy => match copy(rendered) {
            Ok(()) => {
                print_stderr(lang.pick(
                    "Copied. Paste it into your message to support.",
                    "已复制，粘贴到发给客服的消息里即可。",
                ));
                Ok(())
            }
            Err(_) => print_stdout(rendered),
        },
    }
}

/// A file name for the report in the current folder: `WH-20261121-7F3K9Q.txt`.
fn default_file(report: &Report, format: Format) -> PathBuf {
    let extension = match format {
        Format::Text => "txt",
        Format::Markdown => "md",
        Format::Json => "json",
    };
    PathBuf::from(format!("{}.{extension}", report.report_id))
}

/// The save dialog; the report is printed if it ends in an error, so nothing is lost.
fn save_asked(report: &Report, rendered: &str, settings: &Settings) -> Result<()> {
    let lang = settings.lang;
    let name = default_file(report, settings.format).display().to_string();
    match save::ask_and_save(&name, rendered.as_bytes(), lang) {
        Ok(path) => {
            saved(&path, lang);
            Ok(())
        }
        Err(Error::Cancelled) => Err(Error::Cancelled),
        Err(e) => {
            let _ = print_stdout(rendered);
            Err(e)
        }
    }
}

/// "Report saved to /full/path".
fn saved(path: &Path, lang: Lang) {
    let label = lang.pick("Report saved to", "报告已保存到");
    print_stderr(&format!("{label} {}", path.display()));
}

/// Writes the report atomically (`-` is standard output); if that fails, prints it before
/// reporting the error.
pub(super) fn save(path: &Path, rendered: &str, settings: &Settings) -> Result<()> {
    if write::is_stdout(path) {
        return print_stdout(rendered);
    }
    match write::atomic_write(path, rendered.as_bytes(), settings.force) {
        Ok(()) => {
            saved(&save::full_path(path), settings.lang);
            Ok(())
        }
        Err(e) => {
            let _ = print_stdout(rendered);
            Err(e)
        }
    }
}

/// Opens the user's email app with the report as the message. A report too long for a link
/// is saved to a file instead, and the message asks to attach it.
fn email(report: &Report, rendered: &str, settings: &Settings) -> Result<()> {
    let lang = settings.lang;
    let to = report.support.email.as_deref();
    let subject = report::subject(report);
    let link = if let Some(link) = mailto(to, &subject, rendered) {
        link
    } else {
        let file = default_file(report, settings.format);
        save(&file, rendered, settings)?;
        let body = match lang {
            Lang::En => format!(
                "My report {} is attached ({}).",
                report.report_id,
                file.display()
            ),
            Lang::Zh => format!("报告 {} 见附件（{}）。", report.report_id, file.display()),
        };
        print_stderr(lang.pick(
            "The report is too long for an email link: attach the saved file to the message.",
            "报告太长，无法直接放进邮件链接：请把刚保存的文件作为附件添加到邮件里。",
        ));
        mailto(to, &subject, &body).unwrap_or_default()
    };
    if open::that_detached(&link).is_ok() {
        print_stderr(lang.pick(
            "Opened your email app. Check the message, then send it.",
            "已打开邮件 App，检查一下内容后发送即可。",
        ));
        return Ok(());
    }
    print_stderr(lang.pick(
        "No email app could be opened. Here is the report to copy into a message:",
        "没能打开邮件 App。下面是报告全文，可以复制到邮件里：",
    ));
    print_stdout(rendered)
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
