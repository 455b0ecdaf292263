//! Running one symptom's guide: answers given ahead, the flow, the ending, and the report.

use super::{cases, print_stderr, print_stdout, resume, review, send};
use crate::answers::GivenAnswers;
use crate::cases::drafts::Draft;
use crate::checks::device;
use crate::checks::official::Official;
use crate::config::Config;
use crate::error::{Result, exit};
use crate::flow::{self, Transcript};
use crate::guide::provider::ProviderWords;
use crate::guide::{Guide, Outcome, StepKind};
use crate::input::ParseContext;
use crate::lang::Lang;
use crate::prompt::Prompter;
use crate::prompt::scripted::Scripted;
use crate::prompt::terminal::{self, Terminal};
use crate::region::Region;
use crate::report::{self, Report, Review, write};
use crate::settings::{Mode, Settings};
use crate::ui;

pub(super) fn run(guide: &Guide, settings: &Settings) -> Result<u8> {
    run_with(guide, settings, GivenAnswers::default())
}

/// Runs `guide` with answers given before the command line's: a support link's. The
/// `--answers` file and `--set` are added after them, so they win.
pub(super) fn run_with(guide: &Guide, settings: &Settings, given: GivenAnswers) -> Result<u8> {
    run_from(guide, settings, given, None)
}

/// Runs `guide`, first replaying a draft's answers when one is resumed. Answers given so far
/// are kept as a draft when the run stops before its ending.
pub(super) fn run_from(
    guide: &Guide,
    settings: &Settings,
    mut given: GivenAnswers,
    draft: Option<&Draft>,
) -> Result<u8> {
    let config = Config::load(settings.config.as_deref())?;
    let region = settings.region(&config);
    // Everything below shows the guide as this reader reads it: their region's texts.
    let guide = &guide.for_reader(region, &ProviderWords::from_config(&config));
    if let Some(path) = &settings.output {
        // Before any question: nobody should answer everything and then lose it.
        write::ensure_writable(path, settings.force)?;
    }
    let now = settings.clock.now();
    // The provider's `provider.currency` goes here once the config has it.
    let ctx = ParseContext {
        now: now.clone(),
        ..settings.parse_context(None)
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
    let replay = draft.map_or(&[][..], |d| d.answers.as_slice());
    let (walked, answers) = match settings.mode {
        Mode::Interactive => {
            terminal::catch_interrupts();
            introduce(guide, settings.lang);
            let mut person = Terminal::new(settings.lang);
            let mut prompter = Scripted::with_fallback(presets, &mut person);
            resume::walk(guide, &walk, &mut prompter as &mut dyn Prompter, replay)
        }
        Mode::Scripted => resume::walk(guide, &walk, &mut Scripted::new(presets), replay),
    };
    let transcript = resume::keep_if_stopped(walked, &answers, guide, settings, &config, draft)?;
    let outcome = show_ending(guide, &transcript, settings);
    if outcome == Outcome::ContactSupport || settings.output.is_some() {
        let mut transcript = transcript;
        let (report, delivery) = deliver(guide, &mut transcript, settings, &config, &ctx, region)?;
        cases::record(settings, &config, &report, delivery);
    }
    Ok(exit::OK)
}

fn introduce(guide: &Guide, lang: Lang) {
    let title = ui::bold().apply_to(guide.title.get(lang));
    let how = lang.pick(
        "Ctrl-C stops at any time (Esc too, in a menu).",
        "随时按 Ctrl-C 退出（在选项菜单里也可以按 Esc）。",
    );
    print_stderr(&format!("{title}\n{}\n", ui::dim().apply_to(how)));
}

/// Prints the ending's text on stderr and returns its outcome.
fn show_ending(guide: &Guide, transcript: &Transcript, settings: &Settings) -> Outcome {
    let StepKind::End(ending) = &guide.steps[transcript.ending].kind else {
        unreachable!("a transcript always stops at an ending")
    };
    let text = ui::wrap(ending.text.get(settings.lang), ui::width(), "");
    print_stderr(&format!("\n{}\n", ui::bold().apply_to(text)));
    ending.outcome
}

/// Builds the report, lets the user review it (in a terminal, without `--yes`), then sends
/// it where they choose: `-o`'s file, the menu's choice, or stdout.
fn deliver(
    guide: &Guide,
    transcript: &mut Transcript,
    settings: &Settings,
    config: &Config,
    parse: &ParseContext,
    region: Region,
) -> Result<(Report, &'static str)> {
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
        let lang = settings.lang;
        match review::review(guide, transcript, &mut choices, &rendered, lang, parse)? {
            review::Next::Send => break (report, rendered),
            review::Next::Again => {}
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
    Ok((report, delivery))
}
