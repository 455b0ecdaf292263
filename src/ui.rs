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
    wrap_hanging(text, width, indent, indent)
}

/// Wraps `text` to `width` columns, the first line after `first`, the others after `rest`.
///
/// A line breaks only at a space, or between two Chinese (or Japanese, Korean) characters,
/// never inside a run of other characters: an id, an amount, a time or a link copied from two
/// lines is a wrong one. A run wider than the line is left whole, for the terminal to fold.
/// The few values written with a space inside are kept on one line too: a masked card
/// (`•••• 1234`), an amount and its currency (`59.90 CNY`, `RMB 59.9`), a date
/// (`21 Nov 2026`) and a time with its zone (`14:03 (UTC+8)`).
pub fn wrap_hanging(text: &str, width: usize, first: &str, rest: &str) -> String {
    let glued = glue(text);
    let options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::Custom(unbreakable_runs))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .break_words(false)
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::fill(&glued, options).replace(NO_BREAK, " ")
}

/// A space that is not a place to break; `wrap` puts it back as a space.
const NO_BREAK: char = '\u{a0}';

/// `text` with the spaces inside values that must stay on one line made unbreakable.
fn glue(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut before: Option<&str> = None;
    for (i, piece) in text.split(' ').enumerate() {
        if i > 0 {
            let joined = before.is_some_and(|b| stays_with(b, piece));
            out.push(if joined { NO_BREAK } else { ' ' });
        }
        out.push_str(piece);
        before = Some(piece);
    }
    out
}

/// Whether the words `a` and `b`, written `a b`, are one value.
fn stays_with(a: &str, b: &str) -> bool {
    let a = a.rsplit('\n').next().unwrap_or(a);
    let b = b.split('\n').next().unwrap_or(b);
    let masked = a.chars().count() >= 2 && a.chars().all(|c| matches!(c, '•' | '*'));
    let starts_with_digit = b.chars().next().is_some_and(|c| c.is_ascii_digit());
    let code = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_punctuation());
        w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase())
    };
    let number = |w: &str| {
        let w = w.trim_start_matches(['¥', '$', '€', '£', '￥']);
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
    };
    let month = |w: &str| {
        let w = w.trim_end_matches(['.', ',']);
        MONTHS.iter().any(|m| w.eq_ignore_ascii_case(m))
    };
    let day_or_year = |w: &str| {
        let w = w.trim_end_matches(',');
        (1..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
    };
    let time = a.contains(':') && a.ends_with(|c: char| c.is_ascii_digit());
    (masked && starts_with_digit)
        || (number(a) && code(b))
        || (code(a) && number(b))
        || (time && (b.starts_with("(UTC") || b.starts_with("(GMT")))
        || (day_or_year(a) && month(b))
        || (month(a) && day_or_year(b))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The pieces a line may break between: each run of characters up to a space (with the
/// spaces after it), split further only between CJK characters, keeping closing punctuation
/// (`，。）`…) with the character before it and opening punctuation (`（“`…) with the one after.
fn unbreakable_runs(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut words = Vec::new();
    let mut start = 0;
    // A short bracketed marker (`[已删除]`, `[hidden]`) is one piece: the end of it, if any.
    let mut held_until = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let end = at + c.len_utf8();
        if c == '[' {
            held_until = marker_end(line, end).unwrap_or(0);
        }
        let break_after = match next {
            None => true,
            _ if end < held_until => false,
            Some(' ') => false,
            Some(n) if c == ' ' => n != ' ',
            Some(n) => {
                (is_cjk(c) || is_cjk(n)) && !is_closing(n) && !is_opening(c) && !joins_latin(c, n)
            }
        };
        if break_after {
            if let Some(piece) = line.get(start..end) {
                words.push(textwrap::core::Word::from(piece));
            }
            start = end;
        }
    }
    Box::new(words.into_iter())
}

/// Where the short marker opened just before byte `from` closes (after its `]`): at most
/// 12 characters and no space inside.
fn marker_end(line: &str, from: usize) -> Option<usize> {
    let rest = line.get(from..)?;
    let close = rest
        .char_indices()
        .take(12)
        .take_while(|(_, c)| *c != ' ')
        .find(|(_, c)| *c == ']')?;
    Some(from + close.0 + 1)
}

/// Latin text glued to CJK (`App，`, `5元`) still breaks at the CJK side only; a digit run and
/// the unit after it (`59.9元`, `3点`) stay together.
fn joins_latin(c: char, n: char) -> bool {
    c.is_ascii_digit() && is_cjk(n) && !is_closing(n)
}

/// Chinese, Japanese and Korean characters and their full-width punctuation: a line may
/// break between two of them.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11ff}'
        | '\u{2e80}'..='\u{303f}'
        | '\u{3040}'..='\u{30ff}'
        | '\u{3100}'..='\u{31ff}'
        | '\u{3200}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a960}'..='\u{a97f}'
        | '\u{ac00}'..='\u{d7ff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{3fffd}')
}

/// Punctuation that never starts a line.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '”'
            | '’'
            | '…'
            | '·'
            | '%'
            | '％'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
    )
}

/// Punctuation that never ends a line.
fn is_opening(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '【' | '《' | '〈' | '“' | '‘' | '(')
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

/// The `?` before a question waiting for its answer (dialoguer's colourful theme).
pub fn prompt_prefix() -> console::StyledObject<&'static str> {
    console::style("?").for_stderr().yellow()
}

/// The `❯` before the highlighted entry of a menu.
pub fn active_prefix() -> console::StyledObject<&'static str> {
    console::style("❯").for_stderr().green()
}

/// The highlighted entry of a menu.
pub fn active_style() -> Style {
    Style::new().for_stderr().cyan()
}

/// `✔ question · answer`: a question answered, as it stays on screen. An answer of several
/// lines continues under it, indented; a line too long for the screen is wrapped (plain,
/// but for the tick) rather than folded by the terminal.
pub fn answered(question: &str, answer: &str) -> String {
    let answer = answer.replace('\n', "\n  ");
    let tick = console::style("✔").for_stderr().green();
    let plain = format!("✔ {question} · {answer}");
    let width = width();
    if plain
        .lines()
        .all(|l| console::measure_text_width(l) < width)
    {
        return format!(
            "{tick} {} {} {}",
            bold().apply_to(question),
            console::style("·").for_stderr().black().bright(),
            Style::new().for_stderr().green().apply_to(answer)
        );
    }
    let wrapped = wrap_hanging(&plain, width.saturating_sub(1), "", "  ");
    match wrapped.strip_prefix('✔') {
        Some(rest) => format!("{tick}{rest}"),
        None => wrapped,
    }
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
/// The bar is shorter on a narrow screen, so bar and label stay on one line.
pub fn show_progress(done: usize, total: usize, label: &str) {
    let target = ProgressDrawTarget::term(Term::stderr(), 20);
    let bar = ProgressBar::with_draw_target(Some(total as u64), target);
    let room = width().saturating_sub(console::measure_text_width(label) + 2);
    let template = format!("{{bar:{}.cyan/blue}} {{msg}}", room.clamp(4, 24));
    let style = ProgressStyle::with_template(&template)
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
