//! `link <SYMPTOM> [--set ID=VALUE]...`: the support link a support agent sends, and the
//! command line that does the same. Checked as `open` checks a link, so it never makes one
//! that `open` would refuse.

use clap::ArgMatches;

use super::print_stdout;
use crate::answers::{GivenAnswers, split_set};
use crate::error::{Error, Result, exit};
use crate::flow::Answer;
use crate::guide::StepKind;
use crate::guide::catalog::Catalog;
use crate::input::InputType;
use crate::links::{self, Link};
use crate::settings::Settings;

pub(super) fn link(catalog: &Catalog, settings: &Settings, matches: &ArgMatches) -> Result<u8> {
    let symptom = matches
        .get_one::<String>("symptom")
        .map_or("", String::as_str);
    let entry = catalog.find(symptom).ok_or_else(|| Error::UnknownSymptom {
        id: symptom.to_string(),
        suggestions: catalog.suggest(symptom),
    })?;
    let guide = entry.guide()?;
    // As when running, a later `--set` of the same id wins; the first keeps its place.
    let mut answers: Vec<(String, String)> = Vec::new();
    for set in &settings.sets {
        let (id, value) = split_set(set)?;
        let value = value.trim().to_string();
        match answers.iter_mut().find(|(key, _)| key == id) {
            Some(slot) => slot.1 = value,
            None => answers.push((id.to_string(), value)),
        }
    }
    links::check_keys(guide, answers.iter().map(|(key, _)| key.as_str()))?;
    let mut given = GivenAnswers::default();
    given.add_sets(&settings.sets)?;
    // A bare amount is in the provider's currency, as when the guide runs.
    let config = crate::config::Config::load(settings.config.as_deref())?;
    let ctx = settings.parse_context(config.currency.as_deref());
    let presets = given.resolve(guide, &ctx)?;
    // A time goes in as RFC 3339: "yesterday 9:30" would mean another day when the link is
    // opened tomorrow. Other values stay as written; they mean the same on any day.
    for (key, value) in &mut answers {
        let is_time = guide.step_named(key).is_some_and(
            |step| matches!(&step.kind, StepKind::Input(s) if s.input_type == InputType::Datetime),
        );
        if is_time && let Some(Answer::Input(Some(normalised))) = presets.get(key) {
            *value = normalised.typed();
        }
    }
    let link = Link {
        symptom: guide.id.clone(),
        answers,
    };
    link.check_len()?;
    let sets: Vec<String> = link
        .answers
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    let mut words = vec!["wallet-help", guide.id.as_str()];
    for set in &sets {
        words.extend(["--set", set.as_str()]);
    }
    print_stdout(&format!("{link}\n{}\n", links::shell_line(words)))?;
    Ok(exit::OK)
}
