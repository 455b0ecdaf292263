//! The review before a report leaves the tool (apport's Send / Examine / Cancel): the user
//! reads the whole report as support will get it, and may leave out any detail, change an
//! answer, or show a personal detail in full, until it is right or they cancel. `--yes`, and
//! scripted runs, skip it; secrets are removed either way.

use dialoguer::Select;

use super::print_stderr;
use crate::error::{Error, Result};
use crate::flow::{Answer, Transcript};
use crate::guide::{Guide, InputStep, Privacy, StepKind};
use crate::input::ParseContext;
use crate::lang::Lang;
use crate::prompt::terminal::{Terminal, prompt_error};
use crate::prompt::theme::LocalTheme;
use crate::prompt::{InputQuestion, Prompter};
use crate::report::Review;
use crate::ui;

/// What the user chose at the review.
pub(super) enum Next {
    /// The report is right: send it.
    Send,
    /// Something changed: build the report again and show it.
    Again,
}

/// One line of the review menu.
enum Action {
    Send,
    Leave(String),
    PutBack(String),
    Change(usize),
    Show(String),
    Mask(String),
    Cancel,
}

/// Shows the report and asks what to do with it.
pub(super) fn review(
    guide: &Guide,
    transcript: &mut Transcript,
    choices: &mut Review,
    rendered: &str,
    lang: Lang,
    parse: &ParseContext,
) -> Result<Next> {
    show(rendered, lang);
    let actions = menu(guide, transcript, choices, lang);
    let labels: Vec<&str> = actions.iter().map(|(_, label)| label.as_str()).collect();
    let picked = Select::with_theme(&LocalTheme::new(lang))
        .with_prompt(lang.pick("Is this report right?", "这份报告没问题吗？"))
        .items(&labels)
        .default(0)
        .interact_on_opt(&console::Term::stderr())
        .map_err(prompt_error)?
        .ok_or(Error::Cancelled)?;
    // The menu shows exactly `actions`, so the pick is one of them.
    let Some((action, _)) = actions.get(picked) else {
        return Ok(Next::Again);
    };
    match action {
        Action::Send => return Ok(Next::Send),
        Action::Cancel => return Err(Error::Cancelled),
        Action::Leave(id) => {
            choices.dropped.insert(id.clone());
        }
        Action::PutBack(id) => {
            choices.dropped.remove(id);
        }
        Action::Show(id) => {
            choices.masked.remove(id);
        }
        Action::Mask(id) => {
            choices.masked.insert(id.clone());
        }
        Action::Change(step) => change(guide, transcript, *step, lang, parse)?,
    }
    Ok(Next::Again)
}

/// The report between two rules, on stderr, so stdout carries only what is sent.
fn show(rendered: &str, lang: Lang) {
    let width = ui::width().min(78);
    let title = lang.pick(
        " Your report, as support will get it (nothing is sent yet) ",
        " 这是客服将收到的报告（尚未发送） ",
    );
    let side = width.saturating_sub(console::measure_text_width(title)) / 2;
    let rule = "─".repeat(side);
    print_stderr(&format!("\n{rule}{title}{rule}\n"));
    print_stderr(rendered.trim_end());
    print_stderr(&format!("{}\n", "─".repeat(width)));
}

/// The menu: send first, then one line per thing that can change, cancel last.
fn menu(
    guide: &Guide,
    transcript: &Transcript,
    choices: &Review,
    lang: Lang,
) -> Vec<(Action, String)> {
    let mut actions = vec![(
        Action::Send,
        lang.pick("Yes, it's right: send it", "没问题，发送")
            .to_string(),
    )];
    for (step, input) in answered_inputs(guide, transcript) {
        let id = &guide.step(step).id;
        let label = input.label.get(lang);
        if choices.dropped.contains(id) {
            let text = match lang {
                Lang::En => format!("Put “{label}” back in"),
                Lang::Zh => format!("把“{label}”加回报告"),
            };
            actions.push((Action::PutBack(id.clone()), text));
            continue;
        }
        if input.privacy == Privacy::Personal {
            let (action, text) = if choices.masked.contains(id) {
                let text = match lang {
                    Lang::En => format!("Show “{label}” in full, so support can find my account"),
                    Lang::Zh => format!("完整显示“{label}”，方便客服找到我的账户"),
                };
                (Action::Show(id.clone()), text)
            } else {
                let text = match lang {
                    Lang::En => format!("Mask “{label}”"),
                    Lang::Zh => format!("遮盖“{label}”"),
                };
                (Action::Mask(id.clone()), text)
            };
            actions.push((action, text));
        }
        let text = match lang {
            Lang::En => format!("Change “{label}”"),
            Lang::Zh => format!("修改“{label}”"),
        };
        actions.push((Action::Change(step), text));
        let text = match lang {
            Lang::En => format!("Leave out “{label}”"),
            Lang::Zh => format!("不提供“{label}”"),
        };
        actions.push((Action::Leave(id.clone()), text));
    }
    actions.push((
        Action::Cancel,
        lang.pick(
            "Cancel: don't send or save anything",
            "取消：不发送，也不保存",
        )
        .to_string(),
    ));
    actions
}

/// The input steps with an answer, once each, in the order they were first answered.
fn answered_inputs<'g>(guide: &'g Guide, transcript: &Transcript) -> Vec<(usize, &'g InputStep)> {
    let mut seen: Vec<(usize, &InputStep)> = Vec::new();
    for entry in &transcript.entries {
        if let (StepKind::Input(input), Answer::Input(Some(_))) =
            (&guide.step(entry.step).kind, &entry.answer)
            && !seen.iter().any(|(s, _)| *s == entry.step)
        {
            seen.push((entry.step, input));
        }
    }
    seen
}

/// Asks the question again, starting from the answer given, and keeps the new answer.
fn change(
    guide: &Guide,
    transcript: &mut Transcript,
    step: usize,
    lang: Lang,
    parse: &ParseContext,
) -> Result<()> {
    let StepKind::Input(input) = &guide.step(step).kind else {
        return Ok(());
    };
    let given = transcript
        .entries
        .iter()
        .rev()
        .find_map(|e| match &e.answer {
            Answer::Input(Some(value)) if e.step == step => Some(value.typed()),
            _ => None,
        })
        .unwrap_or_default();
    let question = InputQuestion {
        step: &guide.step(step).id,
        question: input.question.get(lang),
        help: input.help.as_ref().map(|h| h.get(lang)),
        input_type: input.input_type,
        required: input.required,
        privacy: input.privacy,
        initial: &given,
        lang,
        ctx: parse,
    };
    let answer = Terminal::new(lang).input(&question)?;
    if let Some(entry) = transcript.entries.iter_mut().rev().find(|e| e.step == step) {
        entry.answer = Answer::Input(answer);
    }
    Ok(())
}
