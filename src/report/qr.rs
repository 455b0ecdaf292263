//! The report as a QR code for a phone's camera, drawn with half-block characters (two rows of
//! modules per line of text). The whole text report when it fits the terminal; else the
//! subject, summary, details, id and verification code; else the subject, verification code
//! (which holds the id) and as much of the summary as fits. Built from the report, which holds
//! only redacted answers.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

use super::{Format, Report, labels, render, subject};

/// Which form of the report the code holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payload {
    /// The whole text report.
    Full,
    /// Subject, summary, details, id and verification code.
    Short,
    /// Subject, verification code, and as much of the summary as fits.
    Summary,
}

/// A code drawn for the terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawing {
    pub payload: Payload,
    /// The text the code holds.
    pub text: String,
    /// Lines of `█`, `▀`, `▄` and spaces: dark modules are drawn, light ones are blank. Shown
    /// dark on light (black on white) for cameras to read.
    pub lines: Vec<String>,
}

/// The terminal is too small for even the smallest form: it needs this many columns and lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooSmall {
    pub columns: usize,
    pub lines: usize,
}

/// The largest form of `report` whose code fits in `columns` × `lines`.
pub fn fit(report: &Report, columns: usize, lines: usize) -> Result<Drawing, TooSmall> {
    let room = (columns, lines);
    for (payload, text) in [
        (Payload::Full, render(report, Format::Text)),
        (Payload::Short, short_form(report)),
    ] {
        if let Ok(drawing) = drawn(payload, text, room) {
            return Ok(drawing);
        }
    }
    // The longest start of the summary that fits: more text never makes a smaller code.
    let summary: Vec<char> = report.summary.chars().collect();
    let with = |n: usize| drawn(Payload::Summary, summary_form(report, &summary, n), room);
    let mut best = with(0)?;
    let (mut fits, mut too_long) = (0, summary.len() + 1);
    while too_long - fits > 1 {
        let middle = fits + (too_long - fits) / 2;
        match with(middle) {
            Ok(drawing) => {
                best = drawing;
                fits = middle;
            }
            Err(_) => too_long = middle,
        }
    }
    Ok(best)
}

/// `text`'s code drawn, if it fits in `room` (columns, lines); else the room it would need.
fn drawn(payload: Payload, text: String, room: (usize, usize)) -> Result<Drawing, TooSmall> {
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L) else {
        return Err(TooSmall {
            columns: usize::MAX,
            lines: usize::MAX,
        });
    };
    // The standard quiet zone is 4 modules; 2 is enough for phone cameras when space is short.
    let mut needed = (usize::MAX, usize::MAX);
    for quiet in [4, 2] {
        let side = code.width() + 2 * quiet;
        needed = (side, side.div_ceil(2));
        if needed.0 <= room.0 && needed.1 <= room.1 {
            let lines = draw(&code, quiet);
            return Ok(Drawing {
                payload,
                text,
                lines,
            });
        }
    }
    Err(TooSmall {
        columns: needed.0,
        lines: needed.1,
    })
}

/// `Report WH-… · Verification code …`.
fn ids(report: &Report) -> String {
    let lang = report.language;
    format!(
        "{} {} · {} {}",
        labels::REPORT.get(lang),
        report.report_id,
        labels::VERIFICATION.get(lang),
        report.verification_code
    )
}

/// Subject, summary, details, id and verification code.
fn short_form(report: &Report) -> String {
    let colon = report.language.pick(": ", "\u{ff1a}");
    let mut short = format!("{}\n\n{}\n\n", subject(report), report.summary);
    for detail in &report.details {
        let _ = writeln!(short, "{}{colon}{}", detail.label, detail.value);
    }
    let _ = write!(short, "\n{}\n", ids(report));
    short
}

/// Subject, verification code, and the first `n` characters of the summary.
fn summary_form(report: &Report, summary: &[char], n: usize) -> String {
    let lang = report.language;
    let code = format!(
        "{} {}",
        labels::VERIFICATION.get(lang),
        report.verification_code
    );
    let mut text = format!("{}\n{code}", subject(report));
    if n > 0 {
        let start: String = summary.iter().take(n).collect();
        let more = if n < summary.len() { "…" } else { "" };
        let _ = write!(text, "\n\n{start}{more}");
    }
    text.push('\n');
    text
}

/// Half blocks: each character is two modules stacked, the quiet zone included.
fn draw(code: &QrCode, quiet: usize) -> Vec<String> {
    let width = code.width();
    let colors = code.to_colors();
    let side = width + 2 * quiet;
    let dark = |x: usize, y: usize| -> bool {
        let inside = x >= quiet && y >= quiet && x < quiet + width && y < quiet + width;
        inside && colors.get((y - quiet) * width + (x - quiet)) == Some(&Color::Dark)
    };
    (0..side)
        .step_by(2)
        .map(|y| {
            (0..side)
                .map(|x| match (dark(x, y), dark(x, y + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a drawing back into modules and decodes it with rqrr, as a camera would.
    pub(crate) fn decode(lines: &[String]) -> String {
        const SCALE: usize = 4;
        let rows: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
        let width = rows.first().map_or(0, Vec::len);
        let height = rows.len() * 2;
        let module = |x: usize, y: usize| -> bool {
            let c = rows[y / 2][x];
            matches!((c, y % 2), ('█', _) | ('▀', 0) | ('▄', 1))
        };
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(width * SCALE, height * SCALE, |x, y| {
                if module(x / SCALE, y / SCALE) { 0 } else { 255 }
            });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the drawing");
        grids[0].decode().unwrap().1
    }

    fn code_for(text: &str) -> Vec<String> {
        draw(
            &QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).unwrap(),
            4,
        )
    }

    #[test]
    fn a_drawing_decodes_back_to_its_text() {
        for text in [
            "WH-20261121-7F3K9Q",
            "支付失败 59.90 CNY\n交易单号：2026112122001400000000001234",
        ] {
            assert_eq!(decode(&code_for(text)), text);
        }
    }

    #[test]
    fn each_line_holds_two_rows_of_modules_and_the_quiet_zone() {
        let lines = code_for("x");
        // Version 1 is 21 modules; 4 of quiet zone on each side.
        assert_eq!(lines.len(), 29_usize.div_ceil(2));
        assert!(lines.iter().all(|l| l.chars().count() == 29));
        assert!(lines[0].chars().all(|c| c == ' '), "quiet zone on top");
    }
}
