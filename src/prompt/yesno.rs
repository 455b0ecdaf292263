//! A yes/no question answered with one key, as dialoguer's Confirm draws it, that can also
//! go back (`<`, ←, Backspace) and ask to stop (Esc, Ctrl-C). `key` is the pure part.

use console::Key;

use super::screen::Screen;
use super::theme::LocalTheme;
use crate::error::Result;
use crate::lang::Lang;
use crate::ui;

/// What a key meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YesNo {
    Yes,
    No,
    Back,
    /// Esc or Ctrl-C at a question; Ctrl-C (only) at "Stop here?".
    Stop,
    /// Not an answer: wait for the next key.
    Continue,
}

/// Which question this is: a step of the guide (which may go back), or "Stop here?", where
/// Esc means "no, carry on" and Ctrl-C means "yes, at once".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Step { back: bool },
    Stop,
}

pub fn key(key: &Key, default: Option<bool>, mode: Mode) -> YesNo {
    match (key, mode) {
        (Key::Char('y' | 'Y' | '是'), _) => YesNo::Yes,
        (Key::Char('n' | 'N' | '否'), _) | (Key::Escape, Mode::Stop) => YesNo::No,
        (Key::Enter, _) => match default {
            Some(true) => YesNo::Yes,
            Some(false) => YesNo::No,
            None => YesNo::Continue,
        },
        (Key::Char('<') | Key::ArrowLeft | Key::Backspace, Mode::Step { back: true }) => {
            YesNo::Back
        }
        (Key::Escape | Key::CtrlC, Mode::Step { .. }) | (Key::CtrlC, Mode::Stop) => YesNo::Stop,
        _ => YesNo::Continue,
    }
}

/// Asks `question` until a key answers it. With `echo`, yes and no leave `✔ question · yes`
/// on screen; otherwise, and after back or stop, nothing is left.
pub fn ask(
    screen: &mut Screen<'_>,
    lang: Lang,
    question: &str,
    default: Option<bool>,
    mode: Mode,
    echo: bool,
) -> Result<YesNo> {
    let theme = LocalTheme::new(lang);
    loop {
        let (_, cols) = console::Term::stderr().size();
        let width = usize::from(cols).clamp(20, ui::MAX_WIDTH);
        screen.draw(&lines(&theme, question, default, width), None)?;
        let pressed = screen.read_key()?;
        let answer = if super::stop::interrupted() {
            YesNo::Stop
        } else {
            key(&pressed, default, mode)
        };
        match answer {
            YesNo::Continue => {}
            YesNo::Yes | YesNo::No if echo => {
                let word = match answer {
                    YesNo::Yes => lang.pick("yes", "是"),
                    _ => lang.pick("no", "否"),
                };
                screen.finish(&ui::answered(question, word))?;
                return Ok(answer);
            }
            YesNo::Yes | YesNo::No | YesNo::Back | YesNo::Stop => {
                screen.clear()?;
                return Ok(answer);
            }
        }
    }
}

/// `? question (y/n) › no` as dialoguer's theme draws it, wrapped to `width` when it is
/// longer: every line fits, so the prompt redraws and clears cleanly.
fn lines(theme: &LocalTheme, question: &str, default: Option<bool>, width: usize) -> Vec<String> {
    let mut whole = String::new();
    let _ = dialoguer::theme::Theme::format_confirm_prompt(theme, &mut whole, question, default);
    if console::measure_text_width(&whole) < width {
        return vec![whole];
    }
    let mut hint = String::new();
    let _ = dialoguer::theme::Theme::format_confirm_prompt(theme, &mut hint, "", default);
    let wrapped = ui::wrap_hanging(question, width.saturating_sub(1), "? ", "  ");
    let mut lines: Vec<String> = wrapped
        .lines()
        .map(|l| match l.strip_prefix("? ") {
            Some(rest) => format!("{} {}", ui::prompt_prefix(), ui::bold().apply_to(rest)),
            None => ui::bold().apply_to(l).to_string(),
        })
        .collect();
    let room = lines.last().map_or(0, |l| {
        console::measure_text_width(l) + 1 + console::measure_text_width(&hint)
    });
    match lines.last_mut() {
        Some(last) if room < width => {
            last.push(' ');
            last.push_str(&hint);
        }
        _ => lines.push(format!("  {hint}")),
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: Mode = Mode::Step { back: true };

    #[test]
    fn y_and_n_answer_and_enter_takes_the_default_if_there_is_one() {
        assert_eq!(key(&Key::Char('y'), None, STEP), YesNo::Yes);
        assert_eq!(key(&Key::Char('N'), None, STEP), YesNo::No);
        assert_eq!(key(&Key::Char('是'), None, STEP), YesNo::Yes);
        assert_eq!(key(&Key::Enter, None, STEP), YesNo::Continue);
        assert_eq!(key(&Key::Enter, Some(false), STEP), YesNo::No);
        assert_eq!(key(&Key::Enter, Some(true), STEP), YesNo::Yes);
        assert_eq!(key(&Key::Char('x'), Some(true), STEP), YesNo::Continue);
    }

    #[test]
    fn a_step_goes_back_only_when_there_is_a_question_before() {
        for k in [Key::Char('<'), Key::ArrowLeft, Key::Backspace] {
            assert_eq!(key(&k, None, STEP), YesNo::Back);
            assert_eq!(key(&k, None, Mode::Step { back: false }), YesNo::Continue);
            assert_eq!(key(&k, None, Mode::Stop), YesNo::Continue);
        }
    }

    #[test]
    fn esc_asks_to_stop_at_a_step_but_means_carry_on_at_stop_here() {
        assert_eq!(key(&Key::Escape, None, STEP), YesNo::Stop);
        assert_eq!(key(&Key::CtrlC, None, STEP), YesNo::Stop);
        assert_eq!(key(&Key::Escape, Some(false), Mode::Stop), YesNo::No);
        assert_eq!(
            key(&Key::CtrlC, Some(false), Mode::Stop),
            YesNo::Stop,
            "a second Ctrl-C stops at once"
        );
    }

    #[test]
    fn a_question_wider_than_the_screen_is_wrapped_with_its_hint_at_the_end() {
        console::set_colors_enabled_stderr(false);
        let theme = LocalTheme::new(Lang::En);
        let question = "Stop here? Your answers so far will not be kept.";
        assert_eq!(
            lines(&theme, question, Some(false), 80),
            ["? Stop here? Your answers so far will not be kept. (y/n) › no"]
        );
        let narrow = lines(&theme, question, Some(false), 40);
        assert_eq!(
            narrow,
            [
                "? Stop here? Your answers so far will",
                "  not be kept. (y/n) › no"
            ]
        );
        let zh = lines(
            &LocalTheme::new(Lang::Zh),
            "要在这里停下吗？已填的回答会保存为草稿。",
            None,
            30,
        );
        assert!(
            zh.iter().all(|l| console::measure_text_width(l) < 30),
            "{zh:?}"
        );
        assert!(zh.last().unwrap().ends_with("(y 是 / n 否) ›"), "{zh:?}");
    }
}
