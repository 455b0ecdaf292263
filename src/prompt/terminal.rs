//! The prompts a person sees, on stderr: a menu for choices, a one-key yes/no for checks and
//! a text field for inputs (the type's parser checks it as it is entered), each with a way
//! back to the question before and a question before stopping. Only built in interactive mode.

use std::cell::Cell;
use std::io;

use console::Term;
use dialoguer::Confirm;

use super::field::{self, Field};
use super::menu::{self, Menu};
use super::screen::Screen;
use super::stop::{self, Kept};
use super::theme::LocalTheme;
use super::yesno::{self, Mode, YesNo};
use super::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter, Reply};
use crate::error::{Error, Result};
use crate::input::{self, InputType, Parsed};
use crate::lang::Lang;
use crate::ui;

pub use super::stop::{HUNG_UP, catch_interrupts};

pub struct Terminal {
    term: Term,
    lang: Lang,
    kept: Kept,
    /// Rows written for the question being asked (from its progress bar on), erased when
    /// the person goes back so the question before is asked again in a tidy screen.
    rows: Cell<usize>,
}

impl Terminal {
    pub fn new(lang: Lang) -> Terminal {
        Terminal {
            term: Term::stderr(),
            lang,
            kept: Kept::Nothing,
            rows: Cell::new(0),
        }
    }

    /// Says, when the person asks to stop, that their answers are kept as a draft: only for
    /// a caller that keeps them.
    #[must_use]
    pub fn keeping_drafts(mut self, kept: bool) -> Terminal {
        self.kept = if kept { Kept::AsDraft } else { Kept::Nothing };
        self
    }

    /// Writes lines (each within the width) and counts them in the question's rows.
    fn write_rows(&self, text: &str) -> Result<()> {
        self.rows.set(self.rows.get() + text.lines().count().max(1));
        self.term.write_line(text).map_err(Error::Terminal)
    }

    /// Erases the question's rows: the person went back.
    fn erase_question(&self) -> Result<()> {
        let rows = self.rows.replace(0);
        self.term.clear_last_lines(rows).map_err(Error::Terminal)
    }

    fn say(&self, text: &str) -> Result<()> {
        self.write_rows(&ui::wrap(text, ui::width(), "  "))
    }

    fn say_help(&self, help: Option<&str>) -> Result<()> {
        match help {
            Some(h) => {
                let styled = ui::dim().apply_to(ui::wrap(h, ui::width(), "  "));
                self.write_rows(&styled.to_string())
            }
            None => Ok(()),
        }
    }

    /// The text shown as the prompt. A question too long for one line with room for the
    /// answer is printed wrapped above, and the prompt shortened to its label.
    fn prompt_for<'q>(&self, question: &'q str, label: Option<&'q str>) -> Result<&'q str> {
        let room_for_answer = 36;
        if console::measure_text_width(question) + room_for_answer <= ui::width() {
            return Ok(question);
        }
        let short = self.question_above(question)?;
        Ok(label.unwrap_or(short))
    }

    /// Prints the question wrapped, and gives a short prompt.
    fn question_above(&self, question: &str) -> Result<&'static str> {
        let wrapped = ui::bold().apply_to(ui::wrap(question, ui::width(), ""));
        self.write_rows(&wrapped.to_string())?;
        Ok(self.lang.pick("Your answer", "你的回答"))
    }

    /// What a valid answer looks like, and whether Enter skips; free text needs no hint.
    fn say_hint(&self, q: &InputQuestion<'_>) -> Result<()> {
        // The guide's own help already shows examples; the type's hint would repeat them.
        let expected = match (q.help, q.input_type) {
            (Some(_), _) | (None, InputType::Text) => None,
            (None, t) => Some(t.expected(q.lang)),
        };
        let skip = (!q.required).then(|| q.lang.pick("Enter to skip", "可直接回车跳过"));
        let hint = match (expected, skip) {
            (Some(e), Some(s)) => format!("{e}\n{s}"),
            (Some(e), None) => e.to_string(),
            (None, Some(s)) => s.to_string(),
            (None, None) => return Ok(()),
        };
        let styled = ui::dim().apply_to(ui::wrap(&hint, ui::width(), "  "));
        self.write_rows(&styled.to_string())
    }

    fn back_label(&self) -> &'static str {
        self.lang.pick("← Back", "← 返回上一题")
    }

    /// Esc or Ctrl-C was pressed: stop (`Err(Cancelled)`) or carry on (`Ok`).
    fn stop_or_carry_on(&self) -> Result<()> {
        stop::ask_to_stop(self.lang, self.kept)
    }

    /// An amount typed without a currency took the default one: asks whether that is right
    /// (Enter: yes), in place of the field. `false` sends the person back to the field.
    fn currency_is_right(&self, screen: &mut Screen<'_>, parsed: &Parsed) -> Result<bool> {
        screen.clear()?;
        let question = match self.lang {
            Lang::En => format!("Is that {}?", parsed.value),
            Lang::Zh => format!("是 {} 吗？", parsed.value),
        };
        loop {
            let mode = Mode::Step { back: false };
            match yesno::ask(screen, self.lang, &question, Some(true), mode, false)? {
                YesNo::Yes => return Ok(true),
                YesNo::No => return Ok(false),
                YesNo::Back | YesNo::Stop | YesNo::Continue => self.stop_or_carry_on()?,
            }
        }
    }

    /// Shows what the tripwire caught, above the field it puts the cleaned answer back in.
    fn warn_caught(&self, warning: &str) -> Result<()> {
        let warning = ui::wrap_hanging(&format!("⚠ {warning}"), ui::width(), "", "  ");
        self.write_rows(&ui::warning_style().apply_to(warning).to_string())?;
        self.say_help(Some(self.lang.pick(
            "Check the answer below and press Enter, or change it first.",
            "请检查下面的回答，确认无误后按回车，也可以先修改。",
        )))
    }
}

/// What stays on screen after an answer: free text as typed; any other type as it was read
/// (a pasted id without its label and spaces, `¥59.9` as `59.90 CNY`, `yesterday 3pm` as the
/// time it stands for), so the person sees what support will get; "skipped" for nothing.
fn echo(q: &InputQuestion<'_>, typed: &str, answer: Option<&Parsed>) -> String {
    match answer {
        None => ui::dim()
            .apply_to(q.lang.pick("skipped", "已跳过"))
            .to_string(),
        Some(_) if q.input_type == InputType::Text => typed.trim().to_string(),
        Some(parsed) => parsed.shown(q.lang),
    }
}

/// Maps dialoguer's failures: Ctrl-C and Esc cancel, anything else is a terminal failure.
pub(crate) fn prompt_error(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(e) = e;
    if e.kind() == io::ErrorKind::Interrupted || stop::interrupted() || stop::hung_up() {
        Error::Cancelled
    } else {
        Error::Terminal(e)
    }
}

/// Asks one yes/no question on stderr, outside a guide's flow; Esc and Ctrl-C cancel.
pub fn confirm(lang: Lang, prompt: &str, default: bool) -> Result<bool> {
    cancelled_if_interrupted()?;
    let answer = Confirm::with_theme(&LocalTheme::new(lang))
        .with_prompt(prompt)
        .default(default)
        .interact_on_opt(&Term::stderr())
        .map_err(prompt_error)?;
    cancelled_if_interrupted()?;
    answer.ok_or(Error::Cancelled)
}

fn cancelled_if_interrupted() -> Result<()> {
    if stop::interrupted() {
        Err(Error::Cancelled)
    } else {
        Ok(())
    }
}

/// An answer typed at `q`, checked by its type's parser: the normalised value, or the reason
/// it is refused, as shown under the field.
fn check_typed(q: &InputQuestion<'_>, typed: &str) -> Result<Option<Parsed>, String> {
    input::parse(q.input_type, typed, q.required, q.ctx).map_err(|e| e.at_prompt(q.lang))
}

impl Prompter for Terminal {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<Reply<usize>> {
        if stop::interrupted() {
            self.stop_or_carry_on()?;
        }
        let prompt = self.prompt_for(q.question, q.label)?;
        self.say_help(q.help)?;
        let labels: Vec<&str> = q.choices.iter().map(|(_, label)| *label).collect();
        let back = q.back.then(|| self.back_label());
        let mut default = q.start.unwrap_or(0);
        loop {
            let mut menu = Menu::new(prompt, &labels, default, back);
            match menu::choose(&self.term, &mut menu, self.lang)? {
                menu::Event::Picked(i) => return Ok(Reply::Answer(i)),
                menu::Event::Back => {
                    self.erase_question()?;
                    return Ok(Reply::Back);
                }
                menu::Event::Stop | menu::Event::Continue => {
                    self.stop_or_carry_on()?;
                    default = menu.selected();
                }
            }
        }
    }

    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Reply<Option<Parsed>>> {
        if stop::interrupted() {
            self.stop_or_carry_on()?;
        }
        // Free text runs long: give it the whole line, with the question above.
        let prompt = if q.input_type == InputType::Text {
            self.question_above(q.question)?
        } else {
            self.prompt_for(q.question, None)?
        };
        self.say_help(q.help)?;
        self.say_hint(q)?;
        let mut field = Field::new(&super::on_screen(q.initial, q.lang));
        let mut screen = Screen::new(&self.term);
        loop {
            match field::edit(&mut screen, prompt, &mut field)? {
                field::Outcome::Submit(typed) => match check_typed(q, &super::stored(&typed)) {
                    Err(reason) => field.refuse(reason),
                    Ok(answer) => {
                        // A secret is caught here, before it is stored or echoed: the field
                        // is drawn again without it, under a warning, for the user to check.
                        if let Some(caught) =
                            answer.as_ref().and_then(|a| super::tripwire(q, &a.value))
                        {
                            screen.clear()?;
                            self.warn_caught(&caught.warning)?;
                            field.replace(&caught.cleaned);
                            continue;
                        }
                        if let Some(parsed) = answer.as_ref().filter(|p| p.assumed_currency)
                            && !self.currency_is_right(&mut screen, parsed)?
                        {
                            field.refuse(
                                self.lang
                                    .pick(
                                        "Write the currency too: 59.90 EUR, $12.50, ¥59.9.",
                                        "请写上币种：59.90 EUR、$12.50、59.9元。",
                                    )
                                    .to_string(),
                            );
                            continue;
                        }
                        let echo = echo(q, &typed, answer.as_ref());
                        screen.finish(&ui::answered(prompt, &echo))?;
                        return Ok(Reply::Answer(answer));
                    }
                },
                field::Outcome::Back if q.back => {
                    screen.clear()?;
                    self.erase_question()?;
                    return Ok(Reply::Back);
                }
                field::Outcome::Back => field.refuse(
                    self.lang
                        .pick(
                            "This is the first question: there is none before it.",
                            "这是第一个问题，前面没有可以返回的问题。",
                        )
                        .to_string(),
                ),
                field::Outcome::Stop => {
                    screen.clear()?;
                    self.stop_or_carry_on()?;
                }
            }
        }
    }

    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<Reply<bool>> {
        if stop::interrupted() {
            self.stop_or_carry_on()?;
        }
        self.say(q.text)?;
        // Enter means "no" unless the person answered before going back.
        let default = Some(q.start.unwrap_or(false));
        let mut screen = Screen::new(&self.term);
        loop {
            let mode = Mode::Step { back: q.back };
            match yesno::ask(&mut screen, self.lang, q.question, default, mode, true)? {
                YesNo::Yes => return Ok(Reply::Answer(true)),
                YesNo::No => return Ok(Reply::Answer(false)),
                YesNo::Back => {
                    self.erase_question()?;
                    return Ok(Reply::Back);
                }
                YesNo::Stop | YesNo::Continue => self.stop_or_carry_on()?,
            }
        }
    }

    fn info(&mut self, _step: &str, text: &str) -> Result<()> {
        self.say(text)?;
        self.write_rows("")
    }

    fn progress(&mut self, done: usize, total: usize) {
        let total = total.max(done + 1);
        let label = match self.lang {
            Lang::En => format!("step {} of about {total}", done + 1),
            Lang::Zh => format!("第 {} 步，约 {total} 步", done + 1),
        };
        self.rows.set(1);
        ui::show_progress(done, total, &label);
    }
}
