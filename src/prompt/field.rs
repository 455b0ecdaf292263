//! A one-line text field on stderr, for what dialoguer's Input cannot do: a rejected answer
//! stays in the field for editing with the reason under it, `<` goes back to the question
//! before, a pasted text with line breaks is one answer, and Esc asks to stop.
//!
//! `Field` is the text, the cursor and what to draw, with no terminal; `edit` runs it with
//! console's key reader. A text wider than the line scrolls sideways around the cursor, so
//! the field is always one row and redraws cleanly.

use console::{Key, Term};

use super::screen::Screen;
use crate::error::Result;
use crate::ui;

/// What a key did.
#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    Continue,
    /// Enter: the text, to be checked.
    Submit(String),
    /// `<` and Enter.
    Back,
    /// Esc or Ctrl-C.
    Stop,
}

/// How far the field is through a bracketed paste marker (`ESC [ 2 0 0 ~` starts a paste,
/// `ESC [ 2 0 1 ~` ends it). console reads `ESC [ 2 0` as one unknown sequence and the rest
/// as characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Paste {
    Off,
    On,
    /// `ESC [ 2 0` read; `pasting` is the state before it.
    Marker {
        pasting: bool,
    },
    /// `ESC [ 2 0 0` (start) or `ESC [ 2 0 1` (end) read; `~` completes it.
    Tilde {
        start: bool,
        pasting: bool,
    },
}

/// The text typed so far, with the cursor, and the reason the last answer was refused.
pub struct Field {
    text: Vec<char>,
    cursor: usize,
    paste: Paste,
    error: Option<String>,
}

/// What shows of the field: the visible part of the text and the cursor's column in it.
#[derive(Debug, PartialEq, Eq)]
pub struct View {
    pub text: String,
    pub cursor: usize,
}

/// Shown in place of a line break in the field.
const LINE_BREAK: char = '⏎';

impl Field {
    /// A field holding `initial`, the cursor after it.
    pub fn new(initial: &str) -> Field {
        let text: Vec<char> = initial.chars().filter(|c| !is_control(*c)).collect();
        Field {
            cursor: text.len(),
            text,
            paste: Paste::Off,
            error: None,
        }
    }

    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    /// Refuses the answer: the text stays for editing, `reason` shows under it.
    pub fn refuse(&mut self, reason: String) {
        self.error = Some(reason);
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Replaces the text (a secret taken out of it), the cursor at its end.
    pub fn replace(&mut self, text: &str) {
        *self = Field::new(text);
    }

    pub fn key(&mut self, key: &Key) -> Event {
        if let Some(event) = self.paste_marker(key) {
            return event;
        }
        let pasting = self.paste == Paste::On;
        match key {
            Key::Enter if pasting => self.insert('\n'),
            Key::Tab if pasting => self.insert(' '),
            Key::Enter => {
                return if self.text().trim() == "<" {
                    Event::Back
                } else {
                    Event::Submit(self.text())
                };
            }
            Key::Char(c) if !is_control(*c) => self.insert(*c),
            // Ctrl-U: clear the field.
            Key::Char('\u{15}') => {
                self.text.clear();
                self.cursor = 0;
                self.error = None;
            }
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.text.remove(self.cursor);
                self.error = None;
            }
            Key::Del if self.cursor < self.text.len() => {
                self.text.remove(self.cursor);
                self.error = None;
            }
            Key::ArrowLeft => self.cursor = self.cursor.saturating_sub(1),
            Key::ArrowRight => self.cursor = (self.cursor + 1).min(self.text.len()),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.text.len(),
            Key::Escape | Key::CtrlC => return Event::Stop,
            _ => {}
        }
        Event::Continue
    }

    fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += 1;
        self.error = None;
    }

    /// Follows a bracketed paste marker; `None` when `key` is not part of one.
    fn paste_marker(&mut self, key: &Key) -> Option<Event> {
        let pasting = matches!(
            self.paste,
            Paste::On | Paste::Marker { pasting: true } | Paste::Tilde { pasting: true, .. }
        );
        match (self.paste, key) {
            (_, Key::UnknownEscSeq(seq)) if seq.as_slice() == ['[', '2', '0'] => {
                self.paste = Paste::Marker { pasting };
            }
            (Paste::Marker { pasting }, Key::Char(c @ ('0' | '1'))) => {
                self.paste = Paste::Tilde {
                    start: *c == '0',
                    pasting,
                };
            }
            (Paste::Tilde { start, .. }, Key::Char('~')) => {
                self.paste = if start { Paste::On } else { Paste::Off };
            }
            // Not a marker after all: the keys read so far are dropped, the state restored.
            (Paste::Marker { pasting } | Paste::Tilde { pasting, .. }, _) => {
                self.paste = if pasting { Paste::On } else { Paste::Off };
                return None;
            }
            _ => return None,
        }
        Some(Event::Continue)
    }

    /// The part of the text to show in `width` columns, around the cursor; `…` marks text
    /// cut off on either side. Line breaks show as `⏎`.
    pub fn view(&self, width: usize) -> View {
        let width = width.max(4);
        let shown: Vec<char> = self
            .text
            .iter()
            .map(|c| if *c == '\n' { LINE_BREAK } else { *c })
            .collect();
        let columns = |chars: &[char]| -> usize { chars.iter().map(|c| char_width(*c)).sum() };
        if columns(&shown) < width {
            return View {
                cursor: columns(shown.get(..self.cursor).unwrap_or(&shown)),
                text: shown.iter().collect(),
            };
        }
        // Start as far right as keeps the cursor on screen with room for a `…` each side.
        let mut start = self.cursor.min(shown.len());
        let mut used = 0;
        while start > 0 {
            let w = shown.get(start - 1).map_or(0, |c| char_width(*c));
            if used + w > width.saturating_sub(3) {
                break;
            }
            used += w;
            start -= 1;
        }
        let mut text = String::new();
        let mut cursor = 0;
        let mut filled = 0;
        if start > 0 {
            text.push('…');
            filled = 1;
        }
        let mut at = start;
        while let Some(c) = shown.get(at) {
            if at == self.cursor {
                cursor = filled;
            }
            let w = char_width(*c);
            if filled + w > width.saturating_sub(1) {
                text.push('…');
                break;
            }
            text.push(*c);
            filled += w;
            at += 1;
        }
        if self.cursor >= at {
            cursor = filled;
        }
        View { text, cursor }
    }
}

fn char_width(c: char) -> usize {
    console::measure_text_width(c.encode_utf8(&mut [0; 4]))
}

/// Control characters never enter an answer (a line break comes only from a paste).
fn is_control(c: char) -> bool {
    c.is_control()
}

/// What `edit` ends with.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Submit(String),
    Back,
    Stop,
}

/// Runs `field` after `? prompt ›` until Enter, `<` or Esc. The caller checks a submitted
/// answer and calls `edit` again with the reason when it refuses it; the rows drawn stay
/// on screen until `finish` or `clear`.
pub fn edit(screen: &mut Screen<'_>, prompt: &str, field: &mut Field) -> Result<Outcome> {
    let _pastes = screen.bracket_pastes()?;
    loop {
        draw(screen, prompt, field)?;
        let key = screen.read_key()?;
        let event = if super::stop::interrupted() {
            Event::Stop
        } else {
            field.key(&key)
        };
        match event {
            Event::Continue => {}
            Event::Submit(text) => return Ok(Outcome::Submit(text)),
            Event::Back => return Ok(Outcome::Back),
            Event::Stop => return Ok(Outcome::Stop),
        }
    }
}

/// The field's line, and the reason under it (wrapped, whole) when an answer was refused.
fn draw(screen: &mut Screen<'_>, prompt: &str, field: &Field) -> Result<()> {
    let (_, cols) = Term::stderr().size();
    let width = usize::from(cols).clamp(20, ui::MAX_WIDTH);
    let prompt = console::truncate_str(prompt, width / 2, "…");
    let head = format!(
        "{} {} {} ",
        ui::prompt_prefix(),
        ui::bold().apply_to(&prompt),
        ui::dim().apply_to("›")
    );
    let head_width = console::measure_text_width(&head);
    let view = field.view(width.saturating_sub(head_width + 1));
    let mut lines = vec![format!("{head}{}", view.text)];
    if let Some(error) = field.error() {
        let wrapped = ui::wrap_hanging(error, width.saturating_sub(1), "✘ ", "  ");
        lines.extend(
            wrapped
                .lines()
                .map(|l| ui::error_style().apply_to(l).to_string()),
        );
    }
    screen.draw(&lines, Some((0, head_width + view.cursor)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(field: &mut Field, text: &str) {
        for c in text.chars() {
            assert_eq!(field.key(&Key::Char(c)), Event::Continue);
        }
    }

    #[test]
    fn typing_and_enter_submit_the_text() {
        let mut field = Field::new("");
        typed(&mut field, "59.90 CNY");
        assert_eq!(field.key(&Key::Enter), Event::Submit("59.90 CNY".into()));
    }

    #[test]
    fn a_refused_answer_stays_for_editing_and_the_reason_goes_once_it_changes() {
        let mut field = Field::new("");
        typed(&mut field, "2026112122001400000000001234x");
        field.key(&Key::Enter);
        field.refuse("Expected 6–64 letters".into());
        assert_eq!(field.text(), "2026112122001400000000001234x");
        assert_eq!(field.error(), Some("Expected 6–64 letters"));
        assert_eq!(field.key(&Key::Backspace), Event::Continue);
        assert_eq!(field.error(), None);
        assert_eq!(
            field.key(&Key::Enter),
            Event::Submit("2026112122001400000000001234".into())
        );
    }

    #[test]
    fn the_cursor_moves_and_edits_in_the_middle() {
        let mut field = Field::new("5990");
        field.key(&Key::ArrowLeft);
        field.key(&Key::ArrowLeft);
        typed(&mut field, ".");
        assert_eq!(field.text(), "59.90");
        field.key(&Key::Home);
        field.key(&Key::Del);
        field.key(&Key::End);
        field.key(&Key::ArrowRight);
        typed(&mut field, " CNY");
        assert_eq!(field.text(), "9.90 CNY");
        field.key(&Key::Char('\u{15}'));
        assert_eq!(field.text(), "");
        assert_eq!(field.key(&Key::Backspace), Event::Continue);
        assert_eq!(field.key(&Key::Del), Event::Continue);
    }

    #[test]
    fn a_lone_less_than_sign_goes_back_and_esc_or_ctrl_c_ask_to_stop() {
        let mut field = Field::new("");
        typed(&mut field, " < ");
        assert_eq!(field.key(&Key::Enter), Event::Back);
        let mut field = Field::new("a < b");
        assert_eq!(field.key(&Key::Enter), Event::Submit("a < b".into()));
        assert_eq!(field.key(&Key::Escape), Event::Stop);
        assert_eq!(field.key(&Key::CtrlC), Event::Stop);
        assert_eq!(field.text(), "a < b", "asking to stop keeps the text");
    }

    /// A terminal sends a paste as `ESC[200~`, the text (line breaks as Enter), `ESC[201~`.
    fn pasted(field: &mut Field, text: &str) {
        let marker = Key::UnknownEscSeq(vec!['[', '2', '0']);
        for key in [marker.clone(), Key::Char('0'), Key::Char('~')] {
            assert_eq!(field.key(&key), Event::Continue);
        }
        for c in text.chars() {
            let key = match c {
                '\n' => Key::Enter,
                c => Key::Char(c),
            };
            assert_eq!(field.key(&key), Event::Continue, "{c:?}");
        }
        for key in [marker, Key::Char('1'), Key::Char('~')] {
            assert_eq!(field.key(&key), Event::Continue);
        }
    }

    #[test]
    fn a_pasted_text_with_line_breaks_is_one_answer() {
        let mut field = Field::new("");
        pasted(&mut field, "Payment declined\nError 51\nTry again later");
        assert_eq!(
            field.key(&Key::Enter),
            Event::Submit("Payment declined\nError 51\nTry again later".into())
        );
        assert_eq!(
            field.view(80).text,
            "Payment declined⏎Error 51⏎Try again later"
        );
    }

    #[test]
    fn a_sequence_that_only_starts_like_a_paste_marker_is_not_one() {
        let mut field = Field::new("");
        field.key(&Key::UnknownEscSeq(vec!['[', '2', '0']));
        assert_eq!(field.key(&Key::Char('x')), Event::Continue);
        assert_eq!(field.text(), "x");
        assert_eq!(field.key(&Key::Enter), Event::Submit("x".into()));
    }

    #[test]
    fn a_long_text_scrolls_sideways_around_the_cursor() {
        let mut field = Field::new(&"0123456789".repeat(5));
        let view = field.view(20);
        assert!(view.text.starts_with('…'), "{view:?}");
        assert!(view.text.ends_with("789"), "{view:?}");
        assert_eq!(view.cursor, console::measure_text_width(&view.text));
        assert!(console::measure_text_width(&view.text) < 20);
        field.key(&Key::Home);
        let view = field.view(20);
        assert!(
            view.text.starts_with("0123") && view.text.ends_with('…'),
            "{view:?}"
        );
        assert_eq!(view.cursor, 0);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let field = Field::new("交易单号");
        assert_eq!(field.view(40).cursor, 8);
        let field = Field::new(&"交易单号".repeat(10));
        let view = field.view(21);
        assert!(console::measure_text_width(&view.text) <= 20, "{view:?}");
    }

    #[test]
    fn control_characters_never_enter_the_field() {
        let mut field = Field::new("a\u{1b}[31mb\u{7}");
        assert_eq!(field.text(), "a[31mb");
        field.key(&Key::Char('\u{1}'));
        assert_eq!(field.text(), "a[31mb");
    }
}
