//! `open <LINK>`: runs the guide a support link names, with the answers the link fills in.
//! In a terminal the person sees those answers first and may turn them down; a script just
//! gets them.

use clap::ArgMatches;

use super::{print_stderr, run};
use crate::answers::{GivenAnswers, Presets};
use crate::error::Result;
use crate::flow::Answer;
use crate::guide::catalog::Catalog;
use crate::guide::{Guide, StepKind};
use crate::lang::Lang;
use crate::links::{self, Link};
use crate::prompt::terminal;
use crate::settings::{Mode, Settings};
use crate::ui;

pub(super) fn open(catalog: &Catalog, settings: &Settings, matches: &ArgMatches) -> Result<u8> {
    let text = matches.get_one::<String>("link").map_or("", String::as_str);
    let link = Link::parse(text)?;
    let guide = links::find_guide(catalog, &link.symptom)?;
    links::check_keys(guide, link.answers.iter().map(|(key, _)| key.as_str()))?;
    let mut given = GivenAnswers::default();
    given.add_link(&link.answers);
    // Every value is checked before it is shown, even one that `--set` replaces later.
    // A bare amount is in the provider's currency, as when the guide runs.
    let config = crate::config::Config::load(settings.config.as_deref())?;
    let ctx = settings.parse_context(config.currency.as_deref());
    let presets = given.resolve(guide, &ctx)?;
    if settings.mode == Mode::Interactive
        && !link.answers.is_empty()
        && !confirmed(guide, &link, &presets, settings)?
    {
        // Turned down: the guide asks those questions like any others.
        given = GivenAnswers::default();
    }
    run::run_with(guide, settings, given)
}

/// Shows the link's answers as the report will have them and asks whether to use them.
fn confirmed(guide: &Guide, link: &Link, presets: &Presets, settings: &Settings) -> Result<bool> {
    let lang = settings.lang;
    terminal::catch_interrupts();
    let title = guide.title.get(lang);
    let mut lines = vec![match lang {
        Lang::En => format!("This link opens “{title}” and fills in:"),
        Lang::Zh => format!("这个链接会打开“{title}”，并填好以下回答："),
    }];
    let colon = lang.pick(": ", "：");
    for (key, _) in &link.answers {
        let Some(StepKind::Input(step)) = guide.step_named(key).map(|s| &s.kind) else {
            continue;
        };
        let value = match presets.get(key) {
            Some(Answer::Input(Some(value))) => value.shown(lang),
            _ => lang.pick("(empty)", "（空）").to_string(),
        };
        let answer = format!("{}{colon}{value}", step.label.get(lang));
        lines.push(ui::wrap(&answer, ui::width(), "  "));
    }
    print_stderr(&lines.join("\n"));
    let yes = terminal::confirm(
        lang,
        lang.pick("Use these answers?", "使用这些回答吗？"),
        true,
    )?;
    if !yes {
        let then = lang.pick("The guide asks for them instead.", "好的，稍后会逐一询问。");
        print_stderr(&ui::dim().apply_to(then).to_string());
    }
    print_stderr("");
    Ok(yes)
}
