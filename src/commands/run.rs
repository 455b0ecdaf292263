//! Running one symptom's guide: answers given ahead, the flow, the ending, and the report.
//!
//! The draft seam: an interactive run hands the answers so far (redacted) to a [`DraftSink`]
//! (the case journal's drafts, `resume::Drafts`) when the person stops before the report is
//! sent (Esc or Ctrl-C, then "yes" to "Stop here?"), or when the terminal goes away;
//! `Begin::resume` starts a run from such a draft, each answer checked again.

use super::{cases, print_stderr, print_stdout, resume, review, send};
use crate::answers::GivenAnswers;
use crate::cases::drafts::Draft;
use crate::checks::device;
use crate::checks::official::Official;
use crate::config::Config;
use crate::error::{Error, Result, exit};
use crate::flow::{self, DraftSink, Flow, Replay, Snapshot, Transcript};
use crate::guide::provider::ProviderWords;
use crate::guide::{Guide, InputStep, Outcome, StepKind};
use crate::input::{InputType, ParseContext};
use crate::lang::Lang;
use crate::privacy;
use crate::prompt::scripted::Scripted;
use crate::prompt::stop::Kept;
use crate::prompt::terminal::{self, Terminal};
use crate::region::Region;
use crate::report::{self, Report, Review, write};
use crate::settings::{Mode, Settings};
use crate::ui;

/// How a run begins, besides the command line's answers.
#[derive(Default)]
pub(super) struct Begin<'a> {
    /// Answers given before the command line's: a support link's. The `--answers` file and
    /// `--set` are added after them, so they win.
    pub given: GivenAnswers,
    /// A draft to carry on from: its answers are replayed where they still fit the guide.
    pub resume: Option<&'a Draft>,
}

pub(super) fn run(guide: &Guide, settings: &Settings) -> Result<u8> {
    run_from(guide, settings, Begin::default())
}

/// Runs `guide` with answers given before the command line's: a support link's.
pub(super) fn run_with(guide: &Guide, settings: &Settings, given: GivenAnswers) -> Result<u8> {
    run_from(
        guide,
        settings,
        Begin {
            given,
            ..Begin::default()
        },
    )
}

/// Runs `guide` as `begin` says.
pub(super) fn run_from(guide: &Guide, settings: &Settings, begin: Begin<'_>) -> Result<u8> {
    let Begin { mut given, resume } = begin;
    let config = Config::load(settings.config.as_deref())?;
    let region = settings.region(&config);
    // Everything below shows the guide as this reader reads it: their region's texts.
    let guide = &guide.for_reader(region, &ProviderWords::from_config(&config));
    if let Some(path) = &settings.output {
        // Before any question: nobody should answer everything and then lose it.
        write::ensure_writable(path, settings.force)?;
    }
    let now = settings.clock.now();
    let ctx = ParseContext {
        now: now.clone(),
        ..settings.parse_context(config.currency.as_deref())
    };
    if let Some(path) = &settings.answers {
        given.read_file(path)?;
    }
    given.add_sets(&settings.sets)?;
    let presets = given.resolve(guide, &ctx)?;
    let official = Official::from_config_in(&config, settings.locale.as_deref());
    let walk = flow::Context {
        lang: settings.lang,
        parse: &ctx,
        official: &official,
    };
    let mut replay = match resume {
        Some(draft) => resumed(guide, &resume::snapshot_of(draft), &ctx, settings.lang),
        None => Replay::default(),
    };
    let interactive = settings.mode == Mode::Interactive;
    // Drafts are kept for a person who stops, when the journal is on; a draft carried on
    // from is removed once the run ends, scripted or not.
    let mut drafts = resume::Drafts::new(settings, &config, resume);
    let keeping = interactive && drafts.is_some();
    let mut person = Terminal::new(settings.lang).keeping_drafts(keeping);
    let mut prompter = if interactive {
        terminal::catch_interrupts();
        introduce(guide, settings.lang);
        Scripted::with_fallback(presets, &mut person)
    } else {
        Scripted::new(presets)
    };
    let mut flow = Flow::new(guide);
    let walked = flow::walk(&mut flow, &walk, &mut prompter, &mut replay);
    let mut session = Session {
        guide,
        settings,
        keeping,
        drafts: drafts.as_mut().map(|d| d as &mut dyn DraftSink),
    };
    if let Err(error) = walked {
        return Err(session.stopped(error, &flow.snapshot()));
    }
    let mut transcript = flow.finish();
    let outcome = show_ending(guide, &transcript, settings.lang);
    if outcome == Outcome::ContactSupport || settings.output.is_some() {
        let kept = if keeping {
            Kept::AsDraft
        } else {
            Kept::Nothing
        };
        let mut reviewer = review::Reviewer::new(guide, &walk, &mut prompter, kept);
        let out = Out {
            config: &config,
            parse: &ctx,
            region,
            settings,
        };
        match deliver(&mut transcript, &out, &mut reviewer) {
            Ok(Some((report, delivery))) => cases::record(settings, &config, &report, delivery),
            Ok(None) => {}
            Err(error) => {
                return Err(session.stopped(error, &Snapshot::of(guide, &transcript.entries)));
            }
        }
    }
    session.finished();
    Ok(exit::OK)
}

/// What a run needs when it stops early, or ends.
struct Session<'s, 'd> {
    guide: &'s Guide,
    settings: &'s Settings,
    /// Whether a stopped run keeps its answers: a person's run, with somewhere to keep them.
    keeping: bool,
    drafts: Option<&'d mut dyn DraftSink>,
}

impl Session<'_, '_> {
    /// The person stopped, or the terminal went away: the answers so far go to the draft
    /// sink, redacted, and the error goes on (the sink's own failure is only reported).
    fn stopped(&mut self, error: Error, snapshot: &Snapshot) -> Error {
        let keep = self.keeping && matches!(error, Error::Cancelled | Error::Terminal(_));
        if let (true, Some(sink)) = (keep, self.drafts.as_deref_mut())
            && !snapshot.entries.is_empty()
        {
            let draft = redacted(self.guide, snapshot);
            match sink.keep(self.guide, &draft) {
                Ok(name) => print_stderr(&match self.settings.lang {
                    Lang::En => format!(
                        "\nYour answers are kept as draft {name}: `wallet-help resume` continues where you stopped."
                    ),
                    Lang::Zh => format!(
                        "\n你的回答已保存为草稿 {name}，运行 `wallet-help resume` 可以从中断处继续。"
                    ),
                }),
                Err(e) => crate::cases::warn_not_recorded(&e, self.settings.lang),
            }
        }
        error
    }

    /// The run reached its end: the draft it carried on from is done with.
    fn finished(&mut self) {
        if let Some(sink) = self.drafts.as_deref_mut()
            && let Err(e) = sink.finished()
        {
            crate::cases::warn_not_recorded(&e, self.settings.lang);
        }
    }
}

/// A draft as it may be stored: free text scanned for secrets as a report is (what the scan
/// is unsure of is taken out too), and an id that looks like a card number left out (so it is
/// asked again on resume); nothing a report would not hold.
pub(super) fn redacted(guide: &Guide, snapshot: &Snapshot) -> Snapshot {
    let mut draft = snapshot.clone();
    draft.entries.retain_mut(|entry| {
        let Some(StepKind::Input(input)) = guide
            .step_index(&entry.step)
            .and_then(|i| guide.steps.get(i))
            .map(|s| &s.kind)
        else {
            return true;
        };
        match redact_value(input, &entry.value) {
            Some(value) => {
                entry.value = value;
                true
            }
            None => false,
        }
    });
    draft
}

/// The value as a draft keeps it; `None` when it is left out.
fn redact_value(input: &InputStep, value: &str) -> Option<String> {
    let reference = input.input_type == InputType::TransactionId
        || (input.input_type == InputType::Text
            && input.privacy == crate::guide::Privacy::Reference);
    if reference && privacy::looks_like_card(value) {
        return None;
    }
    Some(match input.input_type {
        InputType::Text => {
            let clean = privacy::strip_controls(value);
            privacy::scan(&clean, input.privacy.scan_policy()).text
        }
        _ => value.to_string(),
    })
}

/// The replay of a draft, saying which answers no longer fit and will be asked again.
fn resumed(guide: &Guide, draft: &Snapshot, ctx: &ParseContext, lang: Lang) -> Replay {
    let (replay, rejected) = draft.replay(guide, ctx);
    if !rejected.is_empty() {
        let ids: Vec<&str> = rejected.iter().map(|r| r.step.as_str()).collect();
        print_stderr(&match lang {
            Lang::En => format!(
                "Some answers of the draft no longer fit and will be asked again: {}.",
                ids.join(", ")
            ),
            Lang::Zh => format!(
                "草稿中有些回答已不适用，稍后会重新询问：{}。",
                ids.join("、")
            ),
        });
    }
    replay
}

fn introduce(guide: &Guide, lang: Lang) {
    let title = ui::bold().apply_to(guide.title.get(lang));
    let how = lang.pick(
        "Esc or Ctrl-C stops.\nGoing back: “← Back” in a menu, or type < and press Enter.",
        "按 Esc 或 Ctrl-C 可停下。\n回到上一题：在菜单里选“← 返回上一题”，填写时输入 < 再回车。",
    );
    let how = ui::wrap(how, ui::width(), "");
    print_stderr(&format!("{title}\n{}\n", ui::dim().apply_to(how)));
}

/// Prints the ending's text on stderr and returns its outcome.
fn show_ending(guide: &Guide, transcript: &Transcript, lang: Lang) -> Outcome {
    let Some(StepKind::End(ending)) = guide.steps.get(transcript.ending).map(|s| &s.kind) else {
        return Outcome::ContactSupport;
    };
    let text = ui::wrap(ending.text.get(lang), ui::width(), "");
    print_stderr(&format!("\n{}\n", ui::bold().apply_to(text)));
    ending.outcome
}

/// Where a report goes, and what it is built with.
struct Out<'a> {
    config: &'a Config,
    parse: &'a ParseContext,
    region: Region,
    settings: &'a Settings,
}

/// Builds the report, lets the user review it (in a terminal, without `--yes`), then sends
/// it where they choose: `-o`'s file, the menu's choice, or stdout. A change at the review
/// that reaches another ending shows it; a resolved one needs no report (unless `-o`), and
/// returns `None`. Otherwise the report sent and how (`saved`, `printed`…), for the journal.
fn deliver(
    transcript: &mut Transcript,
    out: &Out<'_>,
    reviewer: &mut review::Reviewer<'_>,
) -> Result<Option<(Report, &'static str)>> {
    let Out {
        config,
        parse,
        region,
        settings,
    } = *out;
    let guide = reviewer.guide;
    let now = &parse.now;
    let device = if settings.mode == Mode::Interactive {
        let spinner = ui::spinner(
            settings
                .lang
                .pick("Collecting device details…", "正在收集设备信息…"),
        );
        let device = device::collect(now);
        spinner.finish_and_clear();
        device
    } else {
        device::collect(now)
    };
    let reviewing = settings.mode == Mode::Interactive && !settings.yes;
    let mut choices = Review::default();
    let (report, rendered) = loop {
        let ctx = report::Context {
            lang: settings.report_lang,
            region,
            now,
            device: device.clone(),
            config,
            review: &choices,
        };
        let report = report::build(guide, transcript, ctx);
        let rendered = report::render(&report, settings.format);
        if !reviewing {
            break (report, rendered);
        }
        match reviewer.review(transcript, &mut choices, &rendered)? {
            review::Next::Send => break (report, rendered),
            review::Next::Again => {}
            review::Next::NewEnding => {
                let outcome = show_ending(guide, transcript, settings.lang);
                if outcome == Outcome::Resolved && settings.output.is_none() {
                    return Ok(None);
                }
            }
        }
    };
    let receipt = report::receipt(&report, settings.lang);
    if !receipt.is_empty() {
        print_stderr(&receipt);
    }
    let delivery = match &settings.output {
        Some(path) if write::is_stdout(path) => {
            send::save(path, &report, &rendered, settings).map(|()| "printed")
        }
        Some(path) => send::save(path, &report, &rendered, settings).map(|()| "saved"),
        None if reviewing => send::choose(&report, &rendered, settings),
        None => print_stdout(&rendered).map(|()| "printed"),
    }?;
    Ok(Some((report, delivery)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::SnapshotEntry;
    use crate::guide::catalog::Catalog;

    #[test]
    fn a_draft_holds_no_secret_and_no_card_number_given_as_an_id() {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = catalog.find("payment-failed").unwrap().guide().unwrap();
        let entry = |step: &str, value: &str| SnapshotEntry {
            step: step.into(),
            value: value.into(),
        };
        let snapshot = Snapshot {
            guide: guide.id.clone(),
            entries: vec![
                entry("error-message", "Declined, my password is hunter22"),
                entry("transaction-id", "4111111111111111"),
                entry("amount", "59.90 CNY"),
            ],
        };
        let draft = redacted(guide, &snapshot);
        let text = serde_json::to_string(&draft).unwrap();
        assert!(!text.contains("hunter22"), "{text}");
        assert!(!text.contains("4111111111111111"), "{text}");
        assert!(text.contains("59.90 CNY"), "{text}");
    }
}
