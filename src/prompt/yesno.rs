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
    let mut prompt = String::new();
    let _ = dialoguer::theme::Theme::format_confirm_prompt(&theme, &mut prompt, question, default);
    loop {
        screen.draw(std::slice::from_ref(&prompt), None)?;
        let pressed = screen.read_key()?;
        let answer = if super::stop::interrupted() {
            YesNo::Stop
        } else {
            key(&pressed, default, mode)
        };
        match answer {
            YesNo::Continue => {}
            YesNo::Yes | YesNo::No if echo => {
                let mut done = String::new();
                let _ = dialoguer::theme::Theme::format_confirm_prompt_selection(
                    &theme,
                    &mut done,
                    question,
                    Some(answer == YesNo::Yes),
                );
                screen.finish(&done)?;
                return Ok(answer);
            }
            YesNo::Yes | YesNo::No | YesNo::Back | YesNo::Stop => {
                screen.clear()?;
                return Ok(answer);
            }
        }
    }
}

/// `question`, shortened to fit one line with its `(y/n)`: a longer one is printed above
/// (wrapped) by the caller, and this gives the short prompt to use.
pub fn fits(question: &str, width: usize) -> bool {
    console::measure_text_width(question) + 20 <= width.min(ui::MAX_WIDTH)
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
    fn a_question_fits_when_its_prompt_leaves_room() {
        assert!(fits("Did that fix it?", 60));
        assert!(!fits(&"x".repeat(50), 60));
        assert!(
            !fits(&"x".repeat(70), 200),
            "never wider than the text width"
        );
    }
}
