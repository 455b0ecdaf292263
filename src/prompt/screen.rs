//! The few rows a prompt owns at the bottom of the terminal: drawn, redrawn in place and
//! cleared, with the cursor put where typing goes. Every line given must fit the width, so
//! the rows drawn are the lines given and a redraw leaves nothing stale behind.

use std::fmt::Write as _;

use console::{Key, Term};

use crate::error::{Error, Result};

pub struct Screen<'t> {
    term: &'t Term,
    /// The row the cursor is on, counted from the first row drawn.
    cursor_row: usize,
    cursor_hidden: bool,
}

impl<'t> Screen<'t> {
    pub fn new(term: &'t Term) -> Screen<'t> {
        Screen {
            term,
            cursor_row: 0,
            cursor_hidden: false,
        }
    }

    /// Replaces what was drawn with `lines`; the cursor goes to `(row, column)`, or after
    /// the last line.
    pub fn draw(&mut self, lines: &[String], cursor: Option<(usize, usize)>) -> Result<()> {
        let mut out = self.back_to_top();
        out.push_str(&lines.join("\n"));
        let last = lines.len().saturating_sub(1);
        let (row, column) = cursor.unwrap_or_else(|| {
            let width = lines.last().map_or(0, |l| console::measure_text_width(l));
            (last, width)
        });
        let row = row.min(last);
        if row < last {
            let _ = write!(out, "\x1b[{}A", last - row);
        }
        out.push('\r');
        if column > 0 {
            let _ = write!(out, "\x1b[{column}C");
        }
        self.cursor_row = row;
        self.write(&out)
    }

    /// Clears what was drawn; the cursor is left where its first row was.
    pub fn clear(&mut self) -> Result<()> {
        let out = self.back_to_top();
        self.cursor_row = 0;
        self.write(&out)
    }

    /// Clears what was drawn and leaves `line` in its place, for good.
    pub fn finish(&mut self, line: &str) -> Result<()> {
        self.clear()?;
        self.write(&format!("{line}\n"))
    }

    /// Goes to the first row drawn and erases from there to the end of the screen.
    fn back_to_top(&self) -> String {
        let mut out = String::new();
        if self.cursor_row > 0 {
            let _ = write!(out, "\x1b[{}A", self.cursor_row);
        }
        out.push_str("\r\x1b[J");
        out
    }

    fn write(&self, text: &str) -> Result<()> {
        self.term.write_str(text).map_err(Error::Terminal)?;
        self.term.flush().map_err(Error::Terminal)
    }

    /// One key, read in raw mode: Ctrl-C comes as a key, not a signal. A terminal that
    /// closed stops the run as a cancel.
    pub fn read_key(&self) -> Result<Key> {
        match self.term.read_key_raw() {
            _ if super::stop::hung_up() => Err(Error::Cancelled),
            Ok(key) => Ok(key),
            Err(e) => Err(Error::Terminal(e)),
        }
    }

    pub fn hide_cursor(&mut self) -> Result<()> {
        self.cursor_hidden = true;
        self.term.hide_cursor().map_err(Error::Terminal)
    }

    pub fn show_cursor(&mut self) -> Result<()> {
        self.cursor_hidden = false;
        self.term.show_cursor().map_err(Error::Terminal)
    }

    /// Turns bracketed paste on, so a pasted text comes marked and its line breaks stay in
    /// the answer; turned off again when the screen is dropped.
    pub fn bracket_pastes(&mut self) -> Result<Pastes<'t>> {
        self.write("\x1b[?2004h")?;
        Ok(Pastes { term: self.term })
    }
}

impl Drop for Screen<'_> {
    fn drop(&mut self) {
        if self.cursor_hidden {
            let _ = self.term.show_cursor();
        }
    }
}

/// Bracketed paste is on while this lives.
pub struct Pastes<'t> {
    term: &'t Term,
}

impl Drop for Pastes<'_> {
    fn drop(&mut self) {
        let _ = self.term.write_str("\x1b[?2004l");
        let _ = self.term.flush();
    }
}
