//! The prompts a person sees: dialoguer's Select, Input (with the type's validation shown
//! inline) and Confirm on stderr, styled with console. Only built in interactive mode.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

use console::Term;
use dialoguer::{Confirm, Input, Select};

use super::theme::LocalTheme;
use super::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter};
use crate::error::{Error, Result};
use crate::input::{self, InputType, Parsed};
use crate::lang::Lang;
use crate::ui;

/// Set by the Ctrl-C handler; console raises SIGINT itself when Ctrl-C is read at a prompt.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Set when the terminal closes (SIGHUP). The prompt then fails to read, and the run stops
/// like a cancel, so the answers so far can be kept as a draft instead of dying with it.
pub static HUNG_UP: AtomicBool = AtomicBool::new(false);

/// Catches Ctrl-C so it cancels the prompt (exit 130, cursor restored) instead of killing
/// the process with the cursor hidden; and a closed terminal, so it does not kill it either.
pub fn catch_interrupts() {
    // If a handler is already set (tests, embedding), keep it.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    #[cfg(unix)]
    let _ = signal_hook::flag::register(signal_hook::consts::SIGHUP, &HUNG_UP);
}

pub struct Terminal {
    term: Term,
    theme: LocalTheme,
    lang: Lang,
    shown_total: usize,
}

impl Terminal {
    pub fn new(lang: Lang) -> Terminal {
        Terminal {
            term: Term::stderr(),
            theme: LocalTheme::new(lang),
            lang,
            shown_total: 0,
        }
    }

    fn say(&self, text: &str) -> Result<()> {
        let width = ui::width();
        self.term
            .write_line(&ui::wrap(text, width, "  "))
            .map_err(Error::Terminal)
    }

    fn say_help(&self, help: Option<&str>) -> Result<()> {
        match help {
            Some(h) => {
                let width = ui::width();
                let styled = ui::dim().apply_to(ui::wrap(h, width, "  "));
                self.term
                    .write_line(&styled.to_string())
                    .map_err(Error::Terminal)
            }
            None => Ok(()),
        }
    }
}

impl Terminal {
    /// The text dialoguer shows as the prompt. A question too long for one line with room
    /// for the answer is printed wrapped above, and the prompt shortened: dialoguer redraws
    /// one line, and a wrapped prompt would leave a stale copy on screen.
    fn prompt_for<'q>(&self, question: &'q str, label: Option<&'q str>) -> Result<&'q str> {
        let room_for_answer = 36;
        if console::measure_text_width(question) + room_for_answer <= ui::width() {
            return Ok(question);
        }
        let short = self.question_above(question)?;
        Ok(label.unwrap_or(short))
    }

    /// Prints the question wrapped, and gives dialoguer a short prompt.
    fn question_above(&self, question: &str) -> Result<&'static str> {
        let wrapped = ui::bold().apply_to(ui::wrap(question, ui::width(), ""));
        self.term
            .write_line(&wrapped.to_string())
            .map_err(Error::Terminal)?;
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
        self.term
            .write_line(&styled.to_string())
            .map_err(Error::Terminal)
    }
}

/// Maps dialoguer's failures: Ctrl-C and Esc cancel, anything else is a terminal failure.
pub(crate) fn prompt_error(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(e) = e;
    if e.kind() == io::ErrorKind::Interrupted
        || INTERRUPTED.load(Ordering::SeqCst)
        || HUNG_UP.load(Ordering::SeqCst)
    {
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
    if INTERRUPTED.load(Ordering::SeqCst) {
        Err(Error::Cancelled)
    } else {
        Ok(())
    }
}

impl Terminal {
    /// One answer to an input question, checked by its type's parser as it is typed.
    fn read_answer(
        &self,
        q: &InputQuestion<'_>,
        prompt: &str,
        initial: &str,
    ) -> Result<Option<Parsed>> {
        let (ty, required, lang, ctx) = (q.input_type, q.required, q.lang, q.ctx);
        // dialoguer clears one line of error: a message that wraps would stay on screen.
        let error_width = ui::width().saturating_sub(3);
        let typed: String = Input::with_theme(&self.theme)
            .with_prompt(prompt)
            .with_initial_text(initial)
            // Empty is allowed through so that Enter on a required question says why.
            .allow_empty(true)
            .validate_with(|s: &String| -> Result<(), String> {
                input::parse(ty, s, required, ctx).map(|_| ()).map_err(|e| {
                    console::truncate_str(&e.at_prompt(lang), error_width, "…").into_owned()
                })
            })
            .interact_text_on(&self.term)
            .map_err(prompt_error)?;
        cancelled_if_interrupted()?;
        // The validator accepted it, so this parses; the error path is only a safeguard.
        input::parse(ty, &typed, required, ctx).map_err(|e| Error::InvalidAnswer {
            step: q.step.to_string(),
            value: input::quote(&typed),
            origin: crate::error::Origin::Prompt,
            reason: Box::new(crate::lang::Text::new(
                e.message(Lang::En),
                e.message(Lang::Zh),
            )),
        })
    }
}

impl Prompter for Terminal {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<usize> {
        cancelled_if_interrupted()?;
        let prompt = self.prompt_for(q.question, q.label)?;
        self.say_help(q.help)?;
        let labels: Vec<&str> = q.choices.iter().map(|(_, label)| *label).collect();
        let picked = Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(&labels)
            .default(0)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)?;
        cancelled_if_interrupted()?;
        picked.ok_or(Error::Cancelled)
    }

    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Option<Parsed>> {
        cancelled_if_interrupted()?;
        // Free text runs long: give it the whole line, with the question above.
        let prompt = if q.input_type == InputType::Text {
            self.question_above(q.question)?
        } else {
            self.prompt_for(q.question, None)?
        };
        self.say_help(q.help)?;
        self.say_hint(q)?;
        let mut initial = q.initial.to_string();
        loop {
            let answer = self.read_answer(q, prompt, &initial)?;
            // A secret is caught here, before it is stored anywhere: the user sees why and
            // edits the answer, which comes back without it.
            let caught = answer.as_ref().and_then(|a| super::tripwire(q, &a.value));
            let Some(caught) = caught else {
                return Ok(answer);
            };
            let warning = ui::wrap(&format!("⚠ {}", caught.warning), ui::width(), "  ");
            self.term
                .write_line(&ui::warning_style().apply_to(warning).to_string())
                .map_err(Error::Terminal)?;
            self.say_help(Some(q.lang.pick(
                "Check the answer below and press Enter, or change it first.",
                "请检查下面的回答，确认无误后按回车，也可以先修改。",
            )))?;
            initial = caught.cleaned;
        }
    }

    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<bool> {
        cancelled_if_interrupted()?;
        self.say(q.text)?;
        let fixed = Confirm::with_theme(&self.theme)
            .with_prompt(q.question)
            .default(false)
            .show_default(false)
            .interact_on_opt(&self.term)
            .map_err(prompt_error)?;
        cancelled_if_interrupted()?;
        fixed.ok_or(Error::Cancelled)
    }

    fn info(&mut self, _step: &str, text: &str) -> Result<()> {
        self.say(text)?;
        self.term.write_line("").map_err(Error::Terminal)
    }

    fn progress(&mut self, done: usize, total: usize) {
        // The bar may grow when a branch turns out longer, but never shrinks back.
        let total = total.max(self.shown_total);
        self.shown_total = total;
        let label = match self.lang {
            Lang::En => format!("step {} of about {total}", done + 1),
            Lang::Zh => format!("第 {} 步，约 {total} 步", done + 1),
        };
        ui::show_progress(done, total, &label);
    }
}
