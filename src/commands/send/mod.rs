//! Where a reviewed report goes: shown here to copy, saved to a file, opened in the user's
//! email app as a draft, shown as a QR code for a phone, or copied to the clipboard when the
//! platform has one. `-o FILE` writes it directly (`.eml`: the email draft).

mod clipboard;
mod email;
mod qr;
mod save;

pub(super) use email::{mailto, open_draft, open_link};
pub(super) use save::ask_and_save;

use std::path::{Path, PathBuf};

use dialoguer::Select;

use super::{print_stderr, print_stdout};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::prompt::terminal::prompt_error;
use crate::prompt::theme::LocalTheme;
use crate::report::{Format, Report, draft, write};
use crate::settings::Settings;

/// The ways a report can leave, as the menu offers them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Print,
    Save,
    Email,
    Qr,
    Copy,
}

/// Asks how to send the reviewed report, then does it. Whatever fails, the report is
/// printed, so nothing the user typed is lost. A way that cannot be used here (a QR code in
/// a window too small for it) says why and shows the menu again.
pub(super) fn choose(report: &Report, rendered: &str, settings: &Settings) -> Result<&'static str> {
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
        (
            Way::Qr,
            lang.pick(
                "Show a QR code to send it from my phone",
                "显示二维码，用手机扫码发送",
            ),
        ),
    ];
    if clipboard::clipboard_program().is_some() {
        ways.push((
            Way::Copy,
            lang.pick("Copy it to the clipboard", "复制到剪贴板"),
        ));
    }
    let labels: Vec<&str> = ways.iter().map(|(_, label)| *label).collect();
    loop {
        let picked = Select::with_theme(&LocalTheme::new(lang))
            .with_prompt(lang.pick("How do you want to send it?", "要怎样发送这份报告？"))
            .items(&labels)
            .default(0)
            .interact_on_opt(&console::Term::stderr())
            .map_err(prompt_error)?
            .ok_or(Error::Cancelled)?;
        let way = ways.get(picked).map_or(Way::Print, |(way, _)| *way);
        return match way {
            Way::Print => print_stdout(rendered).map(|()| "printed"),
            Way::Save => save_asked(report, rendered, settings).map(|()| "saved"),
            Way::Email => email::email(report, rendered, settings).map(|()| "email"),
            Way::Qr => match qr::show(report, settings) {
                qr::Shown::Yes => Ok("qr"),
                qr::Shown::NoRoom => continue,
            },
            Way::Copy => match clipboard::copy(rendered) {
                Ok(()) => {
                    print_stderr(lang.pick(
                        "Copied. Paste it into your message to support.",
                        "已复制，粘贴到发给客服的消息里即可。",
                    ));
                    Ok("clipboard")
                }
                Err(_) => print_stdout(rendered).map(|()| "printed"),
            },
        };
    }
}

/// A file name for the report: `WH-20261121-7F3K9Q.txt`.
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

/// Whether `-o`'s file is an email draft: its name ends in `.eml`.
fn is_draft(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("eml"))
}

/// Writes the report to `-o`'s file atomically (`-` is standard output; a `.eml` file gets
/// the email draft); if that fails, prints the report before reporting the error.
pub(super) fn save(
    path: &Path,
    report: &Report,
    rendered: &str,
    settings: &Settings,
) -> Result<()> {
    if write::is_stdout(path) {
        return print_stdout(rendered);
    }
    let contents = if is_draft(path) {
        draft::eml(report).map_err(|e| Error::io("write", path, e))?
    } else {
        rendered.as_bytes().to_vec()
    };
    match write::atomic_write(path, &contents, settings.force) {
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
