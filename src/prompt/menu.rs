//! A menu of choices on stderr: arrows (or `j`/`k`) move, Enter picks, a "← Back" entry (and
//! ←, Backspace) goes back to the question before, Esc or Ctrl-C ask to stop.
//!
//! dialoguer's Select cannot go back, leaves its menu drawn and the cursor hidden when Ctrl-C
//! stops it (so the guide cannot carry on after "no, don't stop"), and garbles long items in
//! a narrow terminal. `Menu` is the state and the lines to draw, with no terminal; `choose`
//! runs it with console's key reader.

use console::{Key, Term};

use super::screen::Screen;
use crate::error::Result;
use crate::lang::Lang;
use crate::ui;

/// What a key did.
#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    Continue,
    Picked(usize),
    Back,
    /// Esc or Ctrl-C: the person wants to stop.
    Stop,
}

/// The items, which is highlighted, and which rows are on screen.
pub struct Menu<'a> {
    prompt: &'a str,
    items: &'a [&'a str],
    /// A "← Back" entry after the items.
    back: Option<&'a str>,
    selected: usize,
    /// The first row of the item list on screen.
    top: usize,
}

impl<'a> Menu<'a> {
    /// `default` is highlighted first (the first item when it is out of range).
    pub fn new(
        prompt: &'a str,
        items: &'a [&'a str],
        default: usize,
        back: Option<&'a str>,
    ) -> Menu<'a> {
        Menu {
            prompt,
            items,
            back,
            selected: if default < items.len() { default } else { 0 },
            top: 0,
        }
    }

    /// The entry highlighted.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// How many entries there are, the back entry included.
    fn entries(&self) -> usize {
        self.items.len() + usize::from(self.back.is_some())
    }

    pub fn key(&mut self, key: &Key) -> Event {
        let count = self.entries();
        match key {
            Key::ArrowDown | Key::Tab | Key::Char('j') if count > 0 => {
                self.selected = (self.selected + 1) % count;
            }
            Key::ArrowUp | Key::BackTab | Key::Char('k') if count > 0 => {
                self.selected = (self.selected + count - 1) % count;
            }
            Key::Home => self.selected = 0,
            Key::End => self.selected = count.saturating_sub(1),
            Key::Enter | Key::Char(' ') if self.selected < self.items.len() => {
                return Event::Picked(self.selected);
            }
            Key::Enter | Key::Char(' ') if self.back.is_some() => return Event::Back,
            Key::ArrowLeft | Key::Backspace | Key::Char('<') if self.back.is_some() => {
                return Event::Back;
            }
            Key::Char(c) if c.is_ascii_digit() => {
                // 1–9 pick that item straight away, as the numbers shown for long menus.
                let n = c.to_digit(10).and_then(|n| usize::try_from(n).ok());
                if let Some(i) = n.and_then(|n| n.checked_sub(1))
                    && i < self.items.len()
                {
                    return Event::Picked(i);
                }
            }
            Key::Escape | Key::CtrlC => return Event::Stop,
            _ => {}
        }
        Event::Continue
    }

    /// The lines to draw, each within `width` columns, in at most `height` rows: the prompt,
    /// then the entries (long ones wrapped), scrolled so the highlighted one is on screen.
    pub fn lines(&mut self, lang: Lang, width: usize, height: usize) -> Vec<String> {
        let mut lines = vec![prompt_line(self.prompt, width)];
        let rows: Vec<Vec<String>> = (0..self.entries())
            .map(|i| self.entry_lines(i, width))
            .collect();
        let total: usize = rows.iter().map(Vec::len).sum();
        // The prompt, and a line saying there is more, when it does not all fit.
        let room = height.saturating_sub(2).max(1);
        if total <= room {
            lines.extend(rows.into_iter().flatten());
            return lines;
        }
        self.scroll_to_selected(&rows, room);
        let mut used = 0;
        for (i, entry) in rows.iter().enumerate().skip(self.top) {
            if used + entry.len() > room && i > self.top {
                break;
            }
            lines.extend(entry.iter().cloned());
            used += entry.len();
        }
        let more = match lang {
            Lang::En => format!("  ↑↓ {} of {}", self.selected + 1, rows.len()),
            Lang::Zh => format!("  ↑↓ 第 {}/{} 项", self.selected + 1, rows.len()),
        };
        lines.push(ui::dim().apply_to(more).to_string());
        lines
    }

    /// Moves `top` so the highlighted entry and the ones just above it fit in `room` rows.
    fn scroll_to_selected(&mut self, rows: &[Vec<String>], room: usize) {
        if self.selected < self.top {
            self.top = self.selected;
            return;
        }
        let mut top = self.selected;
        let mut used = rows.get(self.selected).map_or(1, Vec::len);
        while top > self.top {
            let above = rows.get(top - 1).map_or(1, Vec::len);
            if used + above > room {
                break;
            }
            used += above;
            top -= 1;
        }
        self.top = top;
    }

    fn entry_lines(&self, i: usize, width: usize) -> Vec<String> {
        let active = i == self.selected;
        let label = self.items.get(i).copied().or(self.back).unwrap_or("");
        let first = if active { "❯ " } else { "  " };
        let wrapped = ui::wrap_hanging(label, width.saturating_sub(1), first, "    ");
        wrapped
            .lines()
            .map(|line| {
                if !active {
                    line.to_string()
                } else if let Some(text) = line.strip_prefix("❯ ") {
                    format!(
                        "{} {}",
                        ui::active_prefix(),
                        ui::active_style().apply_to(text)
                    )
                } else {
                    ui::active_style().apply_to(line).to_string()
                }
            })
            .collect()
    }
}

/// `? prompt ›`, as dialoguer's theme draws it, cut to the width.
fn prompt_line(prompt: &str, width: usize) -> String {
    let prompt = console::truncate_str(prompt, width.saturating_sub(5), "…");
    format!(
        "{} {} {}",
        ui::prompt_prefix(),
        ui::bold().apply_to(prompt),
        ui::dim().apply_to("›")
    )
}

/// Runs the menu on stderr. On a pick, the menu is replaced by `✔ prompt · item`.
pub fn choose(term: &Term, menu: &mut Menu<'_>, lang: Lang) -> Result<Event> {
    let mut screen = Screen::new(term);
    screen.hide_cursor()?;
    let event = loop {
        let (rows, cols) = term.size();
        let lines = menu.lines(
            lang,
            usize::from(cols).min(ui::MAX_WIDTH),
            usize::from(rows),
        );
        screen.draw(&lines, None)?;
        let event = menu.key(&screen.read_key()?);
        if event != Event::Continue {
            break event;
        }
    };
    screen.clear()?;
    screen.show_cursor()?;
    if let Event::Picked(i) = event {
        let label = menu.items.get(i).copied().unwrap_or("");
        screen.finish(&ui::answered(menu.prompt, label))?;
    }
    Ok(event)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEMS: [&str; 3] = ["Yes", "No", "Not sure"];

    fn plain(lines: &[String]) -> Vec<String> {
        lines
            .iter()
            .map(|l| console::strip_ansi_codes(l).into_owned())
            .collect()
    }

    #[test]
    fn arrows_move_and_wrap_round_and_enter_picks_the_highlighted_item() {
        let mut menu = Menu::new("Online?", &ITEMS, 0, None);
        assert_eq!(menu.key(&Key::ArrowUp), Event::Continue);
        assert_eq!(
            menu.key(&Key::Enter),
            Event::Picked(2),
            "up from the top wraps"
        );
        menu.key(&Key::ArrowDown);
        assert_eq!(
            menu.key(&Key::Enter),
            Event::Picked(0),
            "down from the end wraps"
        );
        menu.key(&Key::Char('j'));
        menu.key(&Key::Tab);
        menu.key(&Key::Char('k'));
        assert_eq!(menu.key(&Key::Char(' ')), Event::Picked(1));
        menu.key(&Key::End);
        assert_eq!(menu.key(&Key::Enter), Event::Picked(2));
        menu.key(&Key::Home);
        assert_eq!(menu.key(&Key::Enter), Event::Picked(0));
    }

    #[test]
    fn the_default_is_highlighted_first_and_a_wrong_one_falls_back_to_the_first() {
        assert_eq!(
            Menu::new("Q", &ITEMS, 1, None).key(&Key::Enter),
            Event::Picked(1)
        );
        assert_eq!(
            Menu::new("Q", &ITEMS, 9, None).key(&Key::Enter),
            Event::Picked(0)
        );
    }

    #[test]
    fn the_back_entry_comes_last_and_left_arrow_or_backspace_go_back_too() {
        let mut menu = Menu::new("Q", &ITEMS, 0, Some("← Back"));
        let lines = plain(&menu.lines(Lang::En, 80, 24));
        assert_eq!(lines.last().map(String::as_str), Some("  ← Back"));
        menu.key(&Key::ArrowUp);
        assert_eq!(menu.key(&Key::Enter), Event::Back);
        for key in [Key::ArrowLeft, Key::Backspace, Key::Char('<')] {
            assert_eq!(
                Menu::new("Q", &ITEMS, 0, Some("← Back")).key(&key),
                Event::Back
            );
        }
    }

    #[test]
    fn without_a_question_before_there_is_no_way_back() {
        let mut menu = Menu::new("Q", &ITEMS, 0, None);
        for key in [Key::ArrowLeft, Key::Backspace, Key::Char('<')] {
            assert_eq!(menu.key(&key), Event::Continue);
        }
        assert_eq!(plain(&menu.lines(Lang::En, 80, 24)).len(), 4);
    }

    #[test]
    fn esc_and_ctrl_c_ask_to_stop_and_digits_pick_directly() {
        let mut menu = Menu::new("Q", &ITEMS, 0, None);
        assert_eq!(menu.key(&Key::Escape), Event::Stop);
        assert_eq!(menu.key(&Key::CtrlC), Event::Stop);
        assert_eq!(menu.key(&Key::Char('3')), Event::Picked(2));
        assert_eq!(menu.key(&Key::Char('4')), Event::Continue);
        assert_eq!(menu.key(&Key::Char('0')), Event::Continue);
    }

    #[test]
    fn the_highlighted_item_is_marked_and_long_items_wrap_under_themselves() {
        let items = [
            "A notice that my account is limited or needs checking",
            "No",
        ];
        let mut menu = Menu::new("Signs?", &items, 0, None);
        let lines = plain(&menu.lines(Lang::En, 30, 24));
        assert_eq!(lines.first().map(String::as_str), Some("? Signs? ›"));
        assert!(lines[1].starts_with("❯ A notice"), "{lines:?}");
        assert!(
            lines[2].starts_with("    "),
            "a continuation is indented under its entry: {lines:?}"
        );
        assert!(lines.iter().all(|l| console::measure_text_width(l) <= 30));
    }

    #[test]
    fn a_menu_taller_than_the_screen_scrolls_to_keep_the_highlight_in_view() {
        let items: Vec<String> = (1..=30).map(|i| format!("Item {i}")).collect();
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        let mut menu = Menu::new("Pick", &items, 0, None);
        let lines = plain(&menu.lines(Lang::En, 80, 10));
        assert!(lines.len() <= 10, "{lines:?}");
        assert!(lines.last().unwrap().contains("1 of 30"), "{lines:?}");
        for _ in 0..20 {
            menu.key(&Key::ArrowDown);
        }
        let lines = plain(&menu.lines(Lang::En, 80, 10));
        assert!(lines.len() <= 10, "{lines:?}");
        assert!(lines.iter().any(|l| l == "❯ Item 21"), "{lines:?}");
        assert!(!lines.iter().any(|l| l == "  Item 1"), "{lines:?}");
        menu.key(&Key::Home);
        let lines = plain(&menu.lines(Lang::En, 80, 10));
        assert_eq!(lines[1], "❯ Item 1", "{lines:?}");
    }
}
