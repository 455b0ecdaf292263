//! "Show a QR code to send it from my phone": the report (or, when that is too long for the
//! window, its summary, details, id and verification code) as a QR code drawn in the terminal.
//! The phone's camera shows the text, ready to paste into the wallet app's chat.

use super::print_stderr;
use crate::lang::Lang;
use crate::report::Report;
use crate::report::qr::{self, Payload};
use crate::settings::Settings;
use crate::ui;

/// Whether the code was shown, or the window has no room for it.
pub(super) enum Shown {
    Yes,
    NoRoom,
}

/// Lines kept free below the code: the line that says what to do, and the shell's prompt
/// after the tool ends. The sentence above the code may scroll away.
const TEXT_LINES: usize = 3;

pub(super) fn show(report: &Report, settings: &Settings) -> Shown {
    let lang = settings.lang;
    let (rows, columns) = console::Term::stderr().size();
    let room = usize::from(rows).saturating_sub(TEXT_LINES);
    match qr::fit(report, usize::from(columns), room) {
        Ok(drawing) => {
            print_stderr(&ui::wrap(intro(drawing.payload, lang), ui::width(), ""));
            let colored = console::Term::stderr().features().colors_supported();
            for line in &drawing.lines {
                // Black on white whatever the terminal's colours: cameras read dark on light.
                if colored {
                    print_stderr(&format!("\x1b[30;107m{line}\x1b[0m"));
                } else {
                    print_stderr(line);
                }
            }
            print_stderr(lang.pick(
                "Scan it with your phone's camera and paste the text into the chat with support.",
                "用手机相机扫码，把识别出的文字粘贴到客服对话里。",
            ));
            Shown::Yes
        }
        Err(too_small) => {
            let said = match lang {
                Lang::En => format!(
                    "This window is too small for the QR code: it needs {} columns and {} lines, and has {columns} and {rows}. Make the window bigger (or the font smaller) and choose it again, or choose another way.",
                    too_small.columns,
                    too_small.lines + TEXT_LINES
                ),
                Lang::Zh => format!(
                    "窗口太小，放不下二维码：需要 {} 列、{} 行，当前只有 {columns} 列、{rows} 行。请把窗口调大（或把字体调小）后再选一次，或者换一种方式。",
                    too_small.columns,
                    too_small.lines + TEXT_LINES
                ),
            };
            ui::warn(&ui::wrap(&said, ui::width(), ""));
            Shown::NoRoom
        }
    }
}

/// What the code holds, in one sentence before it.
fn intro(payload: Payload, lang: Lang) -> &'static str {
    match payload {
        Payload::Full => lang.pick("This code holds the whole report:", "二维码里是完整的报告："),
        Payload::Short => lang.pick(
            "The whole report is too long for one code in this window; this one holds its summary, details, report number and verification code:",
            "完整报告太长，这个窗口放不下；二维码里是报告的概述、详细信息、报告编号和核对码：",
        ),
        Payload::Summary => lang.pick(
            "This code holds the report's subject, its verification code and as much of the summary as fits this window (a bigger window holds more):",
            "二维码里是报告的主题、核对码，以及这个窗口能放下的概述内容（窗口越大，放得越多）：",
        ),
    }
}
