//! `guides check` validates guide files and reports every problem; `guides show` prints a
//! guide's flow graph, as JSON for tools or as an outline for people.

use std::path::PathBuf;

use std::fmt::Write as _;

use clap::ArgMatches;
use serde_json::{Value, json};

use super::{print_stderr, print_stdout};
use crate::config::Config;
use crate::error::{Error, Result, exit};
use crate::guide::catalog::{self, Catalog};
use crate::guide::provider::ProviderWords;
use crate::guide::{Guide, StepKind};
use crate::lang::Lang;
use crate::settings::Settings;

pub(super) fn check(catalog: &Catalog, matches: &ArgMatches) -> Result<u8> {
    let paths: Vec<PathBuf> = matches
        .get_many::<PathBuf>("paths")
        .map(|p| p.cloned().collect())
        .unwrap_or_default();
    if paths.is_empty() {
        let mut warnings = crate::guide::block::warnings();
        let mut issues = Vec::new();
        let mut count = 0;
        for (guide, warned) in crate::parallel::map(catalog.entries(), 16, catalog::Entry::lint) {
            match guide {
                Ok(_) => count += 1,
                Err(found) => issues.extend(found),
            }
            warnings.extend(warned);
        }
        if !issues.is_empty() {
            return Err(Error::InvalidGuides { issues });
        }
        print_warnings(&warnings);
        print_stdout(&format!("{count} guides valid\n"))?;
        return Ok(exit::OK);
    }
    let (count, issues, warnings) = catalog::check_files(&paths);
    if !issues.is_empty() {
        return Err(Error::InvalidGuides { issues });
    }
    print_warnings(&warnings);
    let noun = if count == 1 { "guide" } else { "guides" };
    print_stdout(&format!("{count} {noun} valid\n"))?;
    if count == 0 {
        print_stderr("warning: no `.toml` guide files found");
    }
    Ok(exit::OK)
}

/// Warnings on stderr, one a line, then how many: they do not fail the check.
fn print_warnings(warnings: &[crate::guide::GuideIssue]) {
    if warnings.is_empty() {
        return;
    }
    let lines: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    let noun = if warnings.len() == 1 {
        "warning"
    } else {
        "warnings"
    };
    print_stderr(&format!(
        "{}\n{} {noun} in guide files",
        lines.join("\n"),
        warnings.len()
    ));
}

pub(super) fn show(catalog: &Catalog, settings: &Settings, matches: &ArgMatches) -> Result<u8> {
    let id = matches
        .get_one::<String>("symptom")
        .map_or("", String::as_str);
    let entry = catalog.find(id).ok_or_else(|| Error::UnknownSymptom {
        id: id.to_string(),
        suggestions: catalog.suggest(id),
    })?;
    let config = Config::load(settings.config.as_deref())?;
    let region = settings.region(&config);
    // The texts as this reader would see them when running the guide.
    let guide = &entry
        .guide()?
        .for_reader(region, &ProviderWords::from_config(&config));
    let text = if matches.get_flag("json") {
        let mut graph = graph(guide, settings.lang);
        set(&mut graph, "region", json!(region));
        let mut s = serde_json::to_string_pretty(&graph).unwrap_or_default();
        s.push('\n');
        s
    } else {
        outline(guide, settings.lang)
    };
    print_stdout(&text)?;
    Ok(exit::OK)
}

/// The flow graph in SPEC's shape, texts in `lang`.
pub fn graph(guide: &Guide, lang: Lang) -> Value {
    let id = |i: usize| guide.step(i).id.clone();
    let steps: Vec<Value> = guide
        .steps
        .iter()
        .map(|step| {
            let mut value = step_json(guide, step, lang);
            // Steps from a shared block say so: their ids and words are the block's.
            if let Some(block) = &step.block {
                set(&mut value, "block", json!(block));
            }
            value
        })
        .collect();
    json!({
        "id": guide.id, "title": guide.title.get(lang), "summary": guide.summary.get(lang),
        "group": guide.group, "urgent": guide.urgent, "start": id(guide.start),
        "needs": guide.needs.iter().map(|&i| id(i)).collect::<Vec<_>>(),
        "steps": steps,
    })
}

/// Sets `key` in `object`, a JSON object this file built with `json!({…})`.
fn set(object: &mut Value, key: &str, value: Value) {
    if let Some(map) = object.as_object_mut() {
        map.insert(key.to_string(), value);
    }
}

/// One step in SPEC's shape.
fn step_json(guide: &Guide, step: &crate::guide::Step, lang: Lang) -> Value {
    let id = |i: usize| guide.step(i).id.clone();
    match &step.kind {
        StepKind::Choice(c) => {
            let mut choice = json!({
                "id": step.id, "kind": "choice", "question": c.question.get(lang),
                "choices": c.choices.iter().map(|ch| json!({ "id": ch.id, "label": ch.label.get(lang), "next": id(ch.next) })).collect::<Vec<_>>(),
            });
            if let Some(default) = c.default_choice() {
                set(&mut choice, "default", json!(default.id));
            }
            choice
        }
        StepKind::Input(i) => json!({
            "id": step.id, "kind": "input", "question": i.question.get(lang), "label": i.label.get(lang),
            "input": { "type": i.input_type, "required": i.required, "linkable": i.linkable },
            "next": id(i.next),
        }),
        StepKind::Info(i) => {
            json!({ "id": step.id, "kind": "info", "text": i.text.get(lang), "next": id(i.next) })
        }
        StepKind::Check(c) => {
            let mut check = json!({
                "id": step.id, "kind": "check", "label": c.label.get(lang), "text": c.text.get(lang),
                "fixed": id(c.fixed), "next": id(c.next),
            });
            if let Some(question) = &c.question {
                set(&mut check, "question", json!(question.get(lang)));
            }
            if let Some(cmp) = &c.compare {
                set(&mut check, "compare", json!(id(cmp.input)));
                set(&mut check, "unconfigured", json!(id(cmp.unconfigured)));
            }
            check
        }
        StepKind::End(e) => json!({
            "id": step.id, "kind": "end", "outcome": e.outcome, "urgent": guide.urgent || e.urgent,
            "text": e.text.get(lang),
            "needs": e.needs.as_ref().unwrap_or(&guide.needs).iter().map(|&i| id(i)).collect::<Vec<_>>(),
        }),
    }
}

/// One line per step with where it leads, for reading a guide at a glance.
fn outline(guide: &Guide, lang: Lang) -> String {
    let mut out = format!("{} — {}\n", guide.id, guide.title.get(lang));
    for step in &guide.steps {
        let id = |i: usize| guide.step(i).id.as_str();
        let leads = match &step.kind {
            // Choices that all lead to one step (the phone block's) say it once.
            StepKind::Choice(c) if c.only_next().is_some() => {
                let ids: Vec<&str> = c.choices.iter().map(|ch| ch.id.as_str()).collect();
                let next = c.only_next().map_or("", id);
                format!("{} → {next}", ids.join(", "))
            }
            StepKind::Choice(c) => c
                .choices
                .iter()
                .map(|ch| format!("{} → {}", ch.id, id(ch.next)))
                .collect::<Vec<_>>()
                .join(", "),
            StepKind::Input(i) => format!("{} → {}", i.input_type.name(), id(i.next)),
            StepKind::Info(i) => format!("→ {}", id(i.next)),
            StepKind::Check(c) => match &c.compare {
                None => format!("yes → {}, no → {}", id(c.fixed), id(c.next)),
                Some(cmp) => format!(
                    "{}: official → {}, unofficial → {}, unconfigured → {}",
                    id(cmp.input),
                    id(c.fixed),
                    id(c.next),
                    id(cmp.unconfigured)
                ),
            },
            StepKind::End(e) => e.outcome.name().to_string(),
        };
        let start = if guide.step(guide.start).id == step.id {
            "*"
        } else {
            " "
        };
        let shared = step
            .block
            .as_ref()
            .map(|b| format!("  (block {b})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{start} {:<7} {:<24} {leads}{shared}",
            step.kind.name(),
            step.id
        );
    }
    out
}
