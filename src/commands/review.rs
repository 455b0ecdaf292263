//! The review before a report leaves the tool (apport's Send / Examine / Cancel): the user
//! reads the whole report as support will get it (in a pager when it is taller than the
//! screen), and may change any answer (a choice or a check too, which takes the guide on from
//! there), leave out a detail, or mask a personal one, until it is right or they stop.
//! `--yes`, and scripted runs, skip it; secrets are removed either way.

use std::collections::BTreeMap;

use console::Term;

use super::print_stderr;
use crate::error::Result;
use crate::flow::{self, Answer, Flow, Replay, Transcript};
use crate::guide::{Guide, InputStep, Privacy, StepKind};
use crate::input::InputType;
use crate::lang::Lang;
use crate::prompt::Prompter;
use crate::prompt::findings::{self, Decision, Finding, FindingKind};
use crate::prompt::menu::{self, Menu};
use crate::prompt::pager::{self, Shown};
use crate::prompt::stop::{self, Kept};
use crate::report::Review;
use crate::ui;

mod scan;

use scan::findings_in;

/// What the user chose at the review.
pub(super) enum Next {
    /// The report is right: send it.
    Send,
    /// Something changed (or nothing did): build the report again and show it.
    Again,
    /// A changed answer took the guide to another ending.
    NewEnding,
}

/// One line of the review menu.
enum Action {
    Send,
    Change,
    LeaveOut,
    Show(String),
    Mask(String),
    ReadAgain,
    Stop,
}

/// The review of one report, across the times it is shown again.
pub(super) struct Reviewer<'a> {
    pub guide: &'a Guide,
    pub walk: &'a flow::Context<'a>,
    pub prompter: &'a mut dyn Prompter,
    pub kept: Kept,
    /// What the person decided about each finding of the privacy scan, so it is asked once.
    decided: BTreeMap<(String, String), Decision>,
    /// The report as last shown, and how: it is shown again only when it changed.
    shown: Option<(String, Shown)>,
}

impl<'a> Reviewer<'a> {
    pub fn new(
        guide: &'a Guide,
        walk: &'a flow::Context<'a>,
        prompter: &'a mut dyn Prompter,
        kept: Kept,
    ) -> Reviewer<'a> {
        Reviewer {
            guide,
            walk,
            prompter,
            kept,
            decided: BTreeMap::new(),
            shown: None,
        }
    }

    fn lang(&self) -> Lang {
        self.walk.lang
    }

    /// Shows the report and asks what to do with it.
    pub fn review(
        &mut self,
        transcript: &mut Transcript,
        choices: &mut Review,
        rendered: &str,
    ) -> Result<Next> {
        if self.ask_about_findings(transcript, choices)? {
            return Ok(Next::Again);
        }
        let paged = self.show(rendered)?;
        let actions = self.menu(transcript, choices, paged);
        let labels: Vec<&str> = actions.iter().map(|(_, label)| label.as_str()).collect();
        let prompt = self
            .lang()
            .pick("Is this report right?", "这份报告没问题吗？");
        let mut menu = Menu::new(prompt, &labels, 0, None);
        let picked = match menu::choose(&Term::stderr(), &mut menu, self.lang())? {
            menu::Event::Picked(i) => actions.get(i).map(|(a, _)| a),
            _ => Some(&Action::Stop),
        };
        match picked {
            Some(Action::Send) => return Ok(Next::Send),
            Some(Action::Stop) | None => stop::ask_to_stop(self.lang(), self.kept)?,
            Some(Action::Change) => return self.change(transcript),
            Some(Action::LeaveOut) => self.leave_out(transcript, choices)?,
            Some(Action::Show(id)) => {
                choices.masked.remove(id);
            }
            Some(Action::Mask(id)) => {
                choices.masked.insert(id.clone());
            }
            Some(Action::ReadAgain) => self.shown = None,
        }
        Ok(Next::Again)
    }

    /// The report between two rules, on stderr (stdout carries only what is sent), wrapped
    /// to the screen; in a pager when it is taller than the screen with the menu under it.
    /// Not shown again while it has not changed. Returns whether it went to a pager.
    fn show(&mut self, rendered: &str) -> Result<bool> {
        if let Some((last, how)) = &self.shown
            && last == rendered
        {
            return Ok(*how != Shown::Whole);
        }
        let lang = self.lang();
        let width = ui::width();
        let title = lang.pick(
            " Your report, as support will get it (nothing is sent yet) ",
            " 这是客服将收到的报告（尚未发送） ",
        );
        let title = if console::measure_text_width(title) + 4 > width {
            lang.pick(" Your report (not sent yet) ", " 你的报告（尚未发送） ")
        } else {
            title
        };
        let side = width.saturating_sub(console::measure_text_width(title)) / 2;
        let rule = "─".repeat(side);
        let mut lines = vec![String::new(), format!("{rule}{title}{rule}")];
        lines.extend(pager::fit(
            rendered.trim_end(),
            width.saturating_sub(1),
            Some(REPORT_WIDTH),
        ));
        lines.push("─".repeat(width.saturating_sub(1)));
        let how = pager::show(&lines, MENU_ROWS, lang)?;
        if how == Shown::Paged {
            let note = lang.pick(
                "(The report opened in a pager, as it is longer than the screen.)",
                "（报告比屏幕长，已在分页器中打开。）",
            );
            print_stderr(&ui::dim().apply_to(ui::wrap(note, width, "")).to_string());
        }
        self.shown = Some((rendered.to_string(), how));
        Ok(how != Shown::Whole)
    }

    /// The menu: send first, then what can change, stop last.
    fn menu(
        &self,
        transcript: &Transcript,
        choices: &Review,
        paged: bool,
    ) -> Vec<(Action, String)> {
        let lang = self.lang();
        let mut actions = vec![(
            Action::Send,
            lang.pick("Yes, it's right: send it", "没问题，发送")
                .to_string(),
        )];
        actions.push((
            Action::Change,
            lang.pick("Change an answer", "修改某个回答").to_string(),
        ));
        if !answered_inputs(self.guide, transcript).is_empty() {
            actions.push((
                Action::LeaveOut,
                lang.pick("Leave out a detail", "去掉某项信息").to_string(),
            ));
        }
        for (step, input) in answered_inputs(self.guide, transcript) {
            let id = step_id(self.guide, step);
            if input.privacy != Privacy::Personal || choices.dropped.contains(&id) {
                continue;
            }
            let label = input.label.get(lang);
            let contact = matches!(input.input_type, InputType::Phone | InputType::Email);
            // Shown in full unless masked: support needs a phone number or an email address
            // to find the account.
            let shown = !choices.masked.contains(&id);
            let text = match (shown, lang) {
                (true, Lang::En) => format!("Mask “{label}”"),
                (true, Lang::Zh) => format!("遮盖“{label}”"),
                (false, Lang::En) if contact => {
                    format!("Show “{label}” in full, so support can find my account")
                }
                (false, Lang::En) => format!("Show “{label}” in full"),
                (false, Lang::Zh) if contact => format!("完整显示“{label}”，方便客服找到我的账户"),
                (false, Lang::Zh) => format!("完整显示“{label}”"),
            };
            let action = if shown {
                Action::Mask(id)
            } else {
                Action::Show(id)
            };
            actions.push((action, text));
        }
        if paged {
            actions.push((
                Action::ReadAgain,
                lang.pick("Read the report again", "再看一遍报告")
                    .to_string(),
            ));
        }
        actions.push((
            Action::Stop,
            lang.pick("Stop here, without sending", "先不发送，到此为止")
                .to_string(),
        ));
        actions
    }

    /// Lists every answer; the one picked is asked again, starting from what was given, and
    /// the guide goes on from there, keeping the later answers where its path still passes.
    fn change(&mut self, transcript: &mut Transcript) -> Result<Next> {
        let lang = self.lang();
        let answers = answers(self.guide, transcript, lang);
        let labels: Vec<&str> = answers.iter().map(|(_, l)| l.as_str()).collect();
        let prompt = lang.pick("Which answer?", "修改哪个回答？");
        let back = lang.pick("← Back to the report", "← 返回报告");
        let mut menu = Menu::new(prompt, &labels, 0, Some(back));
        let at = match menu::choose(&Term::stderr(), &mut menu, lang)? {
            menu::Event::Picked(i) => answers.get(i).map(|(at, _)| *at),
            menu::Event::Back => None,
            _ => {
                stop::ask_to_stop(lang, self.kept)?;
                None
            }
        };
        let Some(at) = at else {
            return Ok(Next::Again);
        };
        let (mut walk, later) = Flow::reopen(self.guide, transcript, at);
        let mut later = later.into_iter();
        let Some(changed) = later.next() else {
            return Ok(Next::Again);
        };
        let mut replay = Replay::of(later);
        replay.offer(changed);
        flow::walk(&mut walk, self.walk, self.prompter, &mut replay)?;
        let before = transcript.ending;
        *transcript = walk.finish();
        self.shown = None;
        Ok(if transcript.ending == before {
            Next::Again
        } else {
            Next::NewEnding
        })
    }

    /// Lists the details; the one picked is left out of the report (or put back in).
    fn leave_out(&mut self, transcript: &Transcript, choices: &mut Review) -> Result<()> {
        let lang = self.lang();
        let details: Vec<(String, String)> = answered_inputs(self.guide, transcript)
            .into_iter()
            .map(|(step, input)| {
                let id = step_id(self.guide, step);
                let label = input.label.get(lang);
                let text = match (choices.dropped.contains(&id), lang) {
                    (true, Lang::En) => format!("Put “{label}” back in"),
                    (true, Lang::Zh) => format!("把“{label}”加回报告"),
                    (false, Lang::En) => format!("Leave out “{label}”"),
                    (false, Lang::Zh) => format!("不提供“{label}”"),
                };
                (id, text)
            })
            .collect();
        let labels: Vec<&str> = details.iter().map(|(_, l)| l.as_str()).collect();
        let prompt = lang.pick("Which detail?", "哪一项？");
        let back = lang.pick("← Back to the report", "← 返回报告");
        let mut menu = Menu::new(prompt, &labels, 0, Some(back));
        match menu::choose(&Term::stderr(), &mut menu, lang)? {
            menu::Event::Picked(i) => {
                if let Some((id, _)) = details.get(i)
                    && !choices.dropped.remove(id)
                {
                    choices.dropped.insert(id.clone());
                }
            }
            menu::Event::Back => {}
            _ => stop::ask_to_stop(lang, self.kept)?,
        }
        Ok(())
    }

    /// Asks about what the privacy scan could not decide alone, once per finding, and applies
    /// the answers. Returns whether anything changed.
    fn ask_about_findings(
        &mut self,
        transcript: &Transcript,
        choices: &mut Review,
    ) -> Result<bool> {
        let lang = self.lang();
        let new: Vec<Finding> = findings_in(self.guide, transcript, lang)
            .into_iter()
            .filter(|f| !self.decided.contains_key(&key(f)))
            .collect();
        if new.is_empty() {
            return Ok(false);
        }
        let decisions = findings::confirm(&new, lang, self.kept)?;
        for (finding, decision) in new.iter().zip(decisions) {
            self.decided.insert(key(finding), decision);
            scan::apply(finding, decision, choices);
        }
        Ok(true)
    }
}

/// The width the text report is wrapped at (`report::text`); a narrower screen has its
/// paragraphs joined and wrapped again.
const REPORT_WIDTH: usize = 76;

/// Rows a report shown whole must leave free for the menu under it.
const MENU_ROWS: usize = 9;

fn key(finding: &Finding) -> (String, String) {
    let what = match &finding.kind {
        FindingKind::Uncertain { kind, text } => format!("{} {text}", kind.name()),
        FindingKind::CardNumber { last4 } => format!("card {last4}"),
    };
    (finding.question.clone(), what)
}

fn step_id(guide: &Guide, step: usize) -> String {
    guide
        .steps
        .get(step)
        .map(|s| s.id.clone())
        .unwrap_or_default()
}

/// The input steps with an answer, once each, in the order they were first answered.
fn answered_inputs<'g>(guide: &'g Guide, transcript: &Transcript) -> Vec<(usize, &'g InputStep)> {
    let mut seen: Vec<(usize, &InputStep)> = Vec::new();
    for entry in &transcript.entries {
        if let (Some(StepKind::Input(input)), Answer::Input(Some(_))) =
            (guide.steps.get(entry.step).map(|s| &s.kind), &entry.answer)
            && !seen.iter().any(|(s, _)| *s == entry.step)
        {
            seen.push((entry.step, input));
        }
    }
    seen
}

/// Every question answered, as `(entry index, "Label: answer")`, in order; a question
/// answered twice (a loop) is listed once, at its last answer.
fn answers(guide: &Guide, transcript: &Transcript, lang: Lang) -> Vec<(usize, String)> {
    let colon = lang.pick(": ", "：");
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (at, entry) in transcript.entries.iter().enumerate() {
        let Some(step) = guide.steps.get(entry.step) else {
            continue;
        };
        let line = match (&step.kind, &entry.answer) {
            (StepKind::Choice(c), Answer::Choice(i)) => {
                let name = c.label.as_ref().unwrap_or(&c.question).get(lang);
                let choice = c.choices.get(*i).map_or("", |c| c.label.get(lang));
                // A question reads on into its answer; a label takes a colon.
                let between = if name.ends_with(['?', '？']) {
                    lang.pick(" ", "")
                } else {
                    colon
                };
                format!("{name}{between}{choice}")
            }
            (StepKind::Check(c), Answer::Check(fixed)) if c.compare.is_none() => {
                let answer = match (c.question.is_some(), *fixed) {
                    (false, true) => lang.pick("fixed it", "解决了"),
                    (false, false) => lang.pick("did not fix it", "没有解决"),
                    (true, true) => lang.pick("yes", "是"),
                    (true, false) => lang.pick("no", "否"),
                };
                format!("{}{colon}{answer}", c.label.get(lang))
            }
            (StepKind::Input(i), Answer::Input(value)) => {
                let value = value.as_ref().map_or_else(
                    || lang.pick("skipped", "已跳过").to_string(),
                    |v| crate::prompt::on_screen(&v.shown(lang), lang).replace('\n', " "),
                );
                format!("{}{colon}{value}", i.label.get(lang))
            }
            _ => continue,
        };
        out.retain(|(_, step, _)| *step != entry.step);
        out.push((at, entry.step, line));
    }
    out.into_iter().map(|(at, _, line)| (at, line)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::catalog::Catalog;

    fn transcript(guide: &Guide, answers: &[(&str, Answer)]) -> Transcript {
        let entries = answers
            .iter()
            .map(|(id, answer)| flow::Entry {
                step: guide.step_index(id).unwrap(),
                answer: answer.clone(),
            })
            .collect();
        Transcript {
            entries,
            ending: guide.start,
        }
    }

    fn text(value: &str) -> Answer {
        Answer::Input(Some(crate::input::Parsed::plain(value)))
    }

    #[test]
    fn every_answer_is_listed_once_at_its_last_answer() {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = catalog.find("payment-failed").unwrap().guide().unwrap();
        let t = transcript(
            guide,
            &[
                ("amount", text("1.00 CNY")),
                ("check-balance", Answer::Check(false)),
                ("amount", text("2.00 CNY")),
            ],
        );
        let listed = answers(guide, &t, Lang::En);
        assert_eq!(listed.len(), 2, "{listed:?}");
        assert_eq!(listed[1], (2, "Amount: 2.00 CNY".to_string()));
        assert!(listed[0].1.ends_with(": did not fix it"), "{listed:?}");
    }
}
