//! Search as you type, for `wallet-help` with no command: the user describes the problem in
//! their own words and the best guides are listed under it, updated at every key.
//!
//! `Picker` is the state and what to draw, with no terminal; `pick` runs it on stderr with
//! console's key reader. The caller supplies the search, so this module knows no guides.

use console::{Key, Term};

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::ui;

/// At most this many matches are shown at once; the list scrolls beyond.
const ROWS: usize = 8;

/// One guide as the picker shows it.
pub struct Item {
    pub title: String,
    pub summary: String,
}

/// What a key did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Picked(usize),
    Cancelled,
}

/// The query typed so far, the items that match it (best first), and which is highlighted.
pub struct Picker<'a> {
    items: &'a [Item],
    search: &'a dyn Fn(&str) -> Vec<usize>,
    query: String,
    shown: Vec<usize>,
    selected: usize,
    /// The first of `shown` on screen.
    top: usize,
}

impl<'a> Picker<'a> {
    /// `search` ranks items for a query; an empty query lists every item in order.
    pub fn new(items: &'a [Item], search: &'a dyn Fn(&str) -> Vec<usize>) -> Picker<'a> {
        let mut picker = Picker {
            items,
            search,
            query: String::new(),
            shown: Vec::new(),
            selected: 0,
            top: 0,
        };
        picker.refresh();
        picker
    }

    pub fn key(&mut self, key: &Key) -> Outcome {
        match key {
            Key::Enter => {
                return self
                    .shown
                    .get(self.selected)
                    .map_or(Outcome::Continue, |i| Outcome::Picked(*i));
            }
            Key::Escape | Key::CtrlC => return Outcome::Cancelled,
            Key::ArrowDown | Key::Tab => self.move_by(1),
            Key::ArrowUp | Key::BackTab => self.move_by(-1),
            Key::Backspace => {
                self.query.pop();
                self.refresh();
            }
            Key::Char(c) if !c.is_control() => {
                self.query.push(*c);
                self.refresh();
            }
            _ => {}
        }
        Outcome::Continue
    }

    fn refresh(&mut self) {
        self.shown = if self.query.trim().is_empty() {
            (0..self.items.len()).collect()
        } else {
            (self.search)(&self.query)
        };
        self.selected = 0;
        self.top = 0;
    }

    fn move_by(&mut self, step: isize) {
        let count = self.shown.len();
        if count == 0 {
            return;
        }
        self.selected = (self.selected + count).wrapping_add_signed(step) % count;
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + ROWS {
            self.top = self.selected + 1 - ROWS;
        }
    }

    /// The lines to draw, each at most `width` columns: the question, the matches, then the
    /// query last, so the cursor (and an input method's candidate window) sits after it.
    pub fn lines(&self, lang: Lang, width: usize) -> Vec<String> {
        let fit = |s: &str| console::truncate_str(s, width.saturating_sub(1), "…").into_owned();
        let mut lines = vec![fit(&format!(
            "{} {}",
            ui::bold().apply_to(lang.pick("What happened?", "遇到了什么问题？")),
            ui::dim().apply_to(lang.pick(
                "Describe it in a few words, in English or 中文.",
                "用几个词描述一下，中英文都可以。",
            ))
        ))];
        if self.shown.is_empty() {
            lines.push(fit(&ui::dim()
                .apply_to(lang.pick(
                    "  No guide fits this. Type “contact” to write to support, or Backspace for all.",
                    "  没有相符的指南。输入“联系客服”给客服写信，或按退格键查看全部。",
                ))
                .to_string()));
        }
        for (row, item) in self.shown.iter().enumerate().skip(self.top).take(ROWS) {
            let Some(item) = self.items.get(*item) else {
                continue;
            };
            let line = fit(&format!("  {} — {}", item.title, item.summary));
            lines.push(if row == self.selected {
                format!("{}", ui::bold().apply_to(line.replacen("  ", "❯ ", 1)))
            } else {
                line
            });
        }
        let keys = lang.pick(
            "↑↓ move · Enter choose · Esc quit",
            "↑↓ 移动 · 回车选择 · Esc 退出",
        );
        let position = match (self.shown.len() > ROWS, lang) {
            (false, _) => String::new(),
            (true, Lang::En) => format!(" · {} of {}", self.selected + 1, self.shown.len()),
            (true, Lang::Zh) => format!(" · 第 {}/{} 项", self.selected + 1, self.shown.len()),
        };
        lines.push(fit(&ui::dim()
            .apply_to(format!("  {keys}{position}"))
            .to_string()));
        // The end of a long query stays in view.
        let room = width.saturating_sub(3);
        let query = tail(&self.query, room);
        lines.push(format!("› {query}"));
        lines
    }
}

/// The end of `text` that fits in `width` columns.
fn tail(text: &str, width: usize) -> &str {
    let mut start = text.len();
    let mut used = 0;
    for (at, c) in text.char_indices().rev() {
        used += console::measure_text_width(c.encode_utf8(&mut [0; 4]));
        if used > width {
            break;
        }
        start = at;
    }
    text.get(start..).unwrap_or(text)
}

/// Runs the picker on stderr until the user chooses (the item's index) or cancels.
pub fn pick(items: &[Item], search: &dyn Fn(&str) -> Vec<usize>, lang: Lang) -> Result<usize> {
    let term = Term::stderr();
    let mut picker = Picker::new(items, search);
    let mut drawn = draw(&term, &picker.lines(lang, ui::width()), 0)?;
    loop {
        let key = term.read_key_raw().map_err(Error::Terminal)?;
        match picker.key(&key) {
            Outcome::Continue => drawn = draw(&term, &picker.lines(lang, ui::width()), drawn)?,
            Outcome::Picked(index) => {
                erase(&term, drawn)?;
                let done = format!(
                    "✔ {} · {}",
                    lang.pick("What happened?", "遇到了什么问题？"),
                    items.get(index).map_or("", |i| i.title.as_str())
                );
                term.write_line(&done).map_err(Error::Terminal)?;
                return Ok(index);
            }
            Outcome::Cancelled => {
                erase(&term, drawn)?;
                return Err(Error::Cancelled);
            }
        }
    }
}

/// Replaces the `drawn` lines on screen with `lines`; the cursor ends after the last one.
fn draw(term: &Term, lines: &[String], drawn: usize) -> Result<usize> {
    erase(term, drawn)?;
    term.write_str(&lines.join("\n")).map_err(Error::Terminal)?;
    term.flush().map_err(Error::Terminal)?;
    Ok(lines.len())
}

/// Clears what `draw` drew: the line the cursor is on and the ones above it.
fn erase(term: &Term, drawn: usize) -> Result<()> {
    if drawn == 0 {
        return Ok(());
    }
    term.clear_line().map_err(Error::Terminal)?;
    term.clear_last_lines(drawn - 1).map_err(Error::Terminal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<Item> {
        ["Payment failed", "Refund missing", "Lost device"]
            .iter()
            .map(|t| Item {
                title: (*t).to_string(),
                summary: "summary".to_string(),
            })
            .collect()
    }

    /// Items whose title holds the query, case aside.
    fn by_title(items: &[Item]) -> impl Fn(&str) -> Vec<usize> + '_ {
        move |q: &str| {
            let q = q.to_lowercase();
            (0..items.len())
                .filter(|i| items[*i].title.to_lowercase().contains(q.trim()))
                .collect()
        }
    }

    fn typed(picker: &mut Picker<'_>, text: &str) {
        for c in text.chars() {
            assert_eq!(picker.key(&Key::Char(c)), Outcome::Continue);
        }
    }

    #[test]
    fn every_item_shows_before_anything_is_typed_and_enter_picks_the_first() {
        let items = items();
        let search = by_title(&items);
        let mut picker = Picker::new(&items, &search);
        let lines = picker.lines(Lang::En, 80);
        assert!(lines[1].starts_with("❯ Payment failed"), "{lines:?}");
        assert_eq!(
            lines.len(),
            6,
            "question, three items, keys, query: {lines:?}"
        );
        assert_eq!(picker.key(&Key::Enter), Outcome::Picked(0));
    }

    #[test]
    fn typing_narrows_the_list_and_backspace_widens_it_again() {
        let items = items();
        let search = by_title(&items);
        let mut picker = Picker::new(&items, &search);
        typed(&mut picker, "refund");
        assert_eq!(picker.lines(Lang::En, 80).last().unwrap(), "› refund");
        assert_eq!(picker.key(&Key::Enter), Outcome::Picked(1));
        for _ in 0..6 {
            picker.key(&Key::Backspace);
        }
        assert_eq!(picker.shown, vec![0, 1, 2]);
    }

    #[test]
    fn arrows_move_the_highlight_and_wrap_around() {
        let items = items();
        let search = by_title(&items);
        let mut picker = Picker::new(&items, &search);
        picker.key(&Key::ArrowUp);
        assert_eq!(picker.key(&Key::Enter), Outcome::Picked(2));
        picker.key(&Key::ArrowDown);
        picker.key(&Key::ArrowDown);
        assert_eq!(picker.key(&Key::Enter), Outcome::Picked(1));
    }

    #[test]
    fn no_match_says_so_and_enter_does_nothing() {
        let items = items();
        let search = by_title(&items);
        let mut picker = Picker::new(&items, &search);
        typed(&mut picker, "zzz");
        assert!(picker.lines(Lang::En, 80)[1].contains("No guide fits this."));
        assert_eq!(picker.key(&Key::Enter), Outcome::Continue);
        assert_eq!(picker.key(&Key::Escape), Outcome::Cancelled);
    }

    #[test]
    fn chinese_lines_fit_the_width_in_columns() {
        let items = vec![Item {
            title: "扣款异常".repeat(10),
            summary: "钱扣了但订单显示未支付".to_string(),
        }];
        let search = by_title(&items);
        let mut picker = Picker::new(&items, &search);
        typed(&mut picker, &"钱扣了".repeat(20));
        for line in picker.lines(Lang::Zh, 40) {
            assert!(console::measure_text_width(&line) <= 40, "{line}");
        }
    }
}
