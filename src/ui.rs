//! How the tool looks in a terminal: colour on stderr only when it is a terminal and colour is
//! wanted, text wrapped to the screen (CJK counted as two columns), step progress and spinners.

use std::io::{self, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use console::{Style, Term};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Text never runs wider than this, even on a wide screen: it reads better.
pub const MAX_WIDTH: usize = 80;

/// Turns colour on or off for both streams, once, from settings.
pub fn set_colors(stdout: bool, stderr: bool) {
    console::set_colors_enabled(stdout);
    console::set_colors_enabled_stderr(stderr);
}

/// The width to wrap stderr text to.
pub fn width() -> usize {
    let (_, cols) = Term::stderr().size();
    usize::from(cols).clamp(20, MAX_WIDTH)
}

/// Wraps `text` to `width` columns with `indent`, counting wide characters as two columns.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let options = textwrap::Options::new(width)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent(indent)
        .subsequent_indent(indent);
    textwrap::fill(text, options)
}

pub fn dim() -> Style {
    Style::new().for_stderr().dim()
}

pub fn bold() -> Style {
    Style::new().for_stderr().bold()
}

pub fn error_style() -> Style {
    Style::new().for_stderr().red().bold()
}

pub fn warning_style() -> Style {
    Style::new().for_stderr().yellow().bold()
}

pub fn hint_style() -> Style {
    Style::new().for_stderr().cyan().bold()
}

/// Set once a write to stderr has failed (`2>/dev/full`): the run then ends with exit 1.
static STDERR_FAILED: AtomicBool = AtomicBool::new(false);

/// Writes a line to stderr, where the conversation with the user happens. It never panics
/// (unlike `eprintln!`): a failed write is remembered for the exit code, and a reader that
/// went away (`2>&1 | head`) is not a failure.
pub fn eprint(text: &str) {
    let mut err = io::stderr().lock();
    if let Err(e) = writeln!(err, "{text}").and_then(|()| err.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        STDERR_FAILED.store(true, Ordering::Relaxed);
    }
}

/// Whether a write to stderr failed during this run.
pub fn stderr_failed() -> bool {
    STDERR_FAILED.load(Ordering::Relaxed)
}

/// A warning on stderr, `warning:` coloured when stderr is a terminal that wants colour.
pub fn warn(message: &str) {
    let label = warning_style().apply_to("warning:");
    eprint(&format!("{label} {message}"));
}

/// Pads `s` with spaces to `width` display columns (CJK characters count as two).
pub fn pad(s: &str, width: usize) -> String {
    let used = console::measure_text_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(used)))
}

/// Draws a one-line progress bar for "step `done` of about `total`" and leaves it on screen.
pub fn show_progress(done: usize, total: usize, label: &str) {
    let target = ProgressDrawTarget::term(Term::stderr(), 20);
    let bar = ProgressBar::with_draw_target(Some(total as u64), target);
    let style = ProgressStyle::with_template("{bar:24.cyan/blue} {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("━━─");
    bar.set_style(style);
    bar.set_position(done as u64);
    bar.set_message(label.to_string());
    bar.abandon();
    let _ = Term::stderr().write_line("");
}

/// A spinner on stderr while something slow runs; hidden when stderr is not a terminal.
pub fn spinner(message: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner:.cyan} {msg}") {
        bar.set_style(style);
    }
    bar.set_message(message.to_string());
    bar.enable_steady_tick(Duration::from_millis(80));
    bar
}
