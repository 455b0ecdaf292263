//! `resume`: guides left unfinished. A run that stops before its ending (Esc, Ctrl-C, a closed
//! terminal) keeps its answers as a draft; `resume` lists the drafts and continues one, each
//! answer checked again, asking only what is left.

use std::path::PathBuf;

use clap::ArgMatches;
use dialoguer::Select;

use super::{print_stderr, print_stdout, run};
use crate::cases::Journal;
use crate::cases::drafts::{self, Draft};
use crate::config::Config;
use crate::error::{Error, Result, exit};
use crate::flow::{DraftSink, Snapshot, SnapshotEntry};
use crate::guide::Guide;
use crate::guide::catalog::Catalog;
use crate::lang::Lang;
use crate::prompt::terminal::prompt_error;
use crate::prompt::theme::LocalTheme;
use crate::settings::{Mode, Settings};

/// The journal's drafts, as a run's draft seam: a stopped run's answers are kept as a new
/// draft, or as the draft it carried on from; a run that reached its end removes that draft.
pub(super) struct Drafts<'s> {
    settings: &'s Settings,
    path: PathBuf,
    /// The draft this run carries on from, or the one it kept.
    id: Option<i64>,
}

impl<'s> Drafts<'s> {
    /// The journal's drafts, unless the journal is off.
    pub fn new(settings: &'s Settings, config: &Config, resumed: Option<&Draft>) -> Option<Self> {
        let store = super::cases::store(settings, config);
        Some(Drafts {
            settings,
            path: store.path()?.to_path_buf(),
            id: resumed.map(|d| d.id),
        })
    }
}

impl DraftSink for Drafts<'_> {
    fn keep(&mut self, guide: &Guide, draft: &Snapshot) -> Result<String> {
        let answers: Vec<(String, String)> = draft
            .entries
            .iter()
            .map(|e| (e.step.clone(), e.value.clone()))
            .collect();
        let now = self.settings.clock.now();
        let lang = self.settings.lang;
        let id = Journal::open(&self.path)?.save_draft(self.id, &guide.id, lang, &answers, &now)?;
        self.id = Some(id);
        Ok(id.to_string())
    }

    fn finished(&mut self) -> Result<()> {
        if let Some(id) = self.id.take() {
            Journal::open(&self.path)?.discard_draft(id)?;
        }
        Ok(())
    }
}

/// A stored draft as the engine's snapshot, to be replayed.
pub(super) fn snapshot_of(draft: &Draft) -> Snapshot {
    Snapshot {
        guide: draft.guide_id.clone(),
        entries: draft
            .answers
            .iter()
            .map(|(step, value)| SnapshotEntry {
                step: step.clone(),
                value: value.clone(),
            })
            .collect(),
    }
}

/// How many of a draft's answers are answers to questions (not steps only read or the tool's
/// own checks), by its guide when it is still known.
fn answered(draft: &Draft, guide: Option<&Guide>) -> usize {
    let Some(guide) = guide else {
        return draft.answers.len();
    };
    draft
        .answers
        .iter()
        .filter(|(step, _)| {
            guide
                .step_index(step)
                .and_then(|i| guide.steps.get(i))
                .is_none_or(|s| s.kind.is_question())
        })
        .count()
}

pub(super) fn resume(catalog: &Catalog, settings: &Settings, m: &ArgMatches) -> Result<u8> {
    let config = Config::load(settings.config.as_deref())?;
    let store = super::cases::store(settings, &config);
    let path = store.path().ok_or(Error::JournalOff)?;
    let lang = settings.lang;
    let now = settings.clock.now();
    let Some(mut journal) = Journal::open_existing(path)? else {
        return no_drafts(m, lang);
    };
    let list = journal.drafts(&now)?;
    let guide = |d: &Draft| catalog.find(&d.guide_id).and_then(|e| e.guide().ok());
    let describe = |d: &Draft| {
        let title = catalog
            .find(&d.guide_id)
            .map_or_else(|| d.guide_id.clone(), |e| e.title.get(lang).to_string());
        drafts::describe(d, &title, answered(d, guide(d)), &now, lang)
    };
    let chosen = match m.get_one::<String>("draft") {
        Some(query) => Some(pick_named(query, &list)?),
        None if list.is_empty() => return no_drafts(m, lang),
        None if settings.mode == Mode::Interactive => {
            let labels: Vec<String> = list.iter().map(describe).collect();
            let picked = Select::with_theme(&LocalTheme::new(lang))
                .with_prompt(lang.pick("Which one do you want to continue?", "要继续哪一份？"))
                .items(&labels)
                .default(0)
                .interact_on_opt(&console::Term::stderr())
                .map_err(prompt_error)?
                .ok_or(Error::Cancelled)?;
            list.get(picked).cloned()
        }
        None => None,
    };
    let Some(draft) = chosen else {
        let mut out = String::new();
        for d in &list {
            out.push_str(&describe(d));
            out.push('\n');
        }
        print_stdout(&out)?;
        print_stderr(lang.pick(
            "`wallet-help resume N` continues draft N; drafts are removed after 30 days.",
            "运行 `wallet-help resume 编号` 继续对应的草稿；草稿保存 30 天。",
        ));
        return Ok(exit::OK);
    };
    if m.get_flag("discard") {
        journal.discard_draft(draft.id)?;
        print_stderr(&match lang {
            Lang::En => format!("Draft {} deleted.", draft.id),
            Lang::Zh => format!("已删除草稿 {}。", draft.id),
        });
        return Ok(exit::OK);
    }
    drop(journal);
    let n = answered(&draft, guide(&draft));
    print_stderr(&match lang {
        Lang::En if n == 1 => format!(
            "Continuing draft {}: your answer is kept and checked again.\n",
            draft.id
        ),
        Lang::En => format!(
            "Continuing draft {}: your {n} answers are kept, each checked again.\n",
            draft.id
        ),
        Lang::Zh => format!("继续草稿 {}：已答的 {n} 题会保留，并重新核对。\n", draft.id),
    });
    let entry = catalog
        .find(&draft.guide_id)
        .ok_or_else(|| Error::UnknownSymptom {
            id: draft.guide_id.clone(),
            suggestions: catalog.suggest(&draft.guide_id),
        })?;
    run::run_from(
        entry.guide()?,
        settings,
        run::Begin {
            resume: Some(&draft),
            ..run::Begin::default()
        },
    )
}

/// The draft `query` names: its number, or `last`.
fn pick_named(query: &str, list: &[Draft]) -> Result<Draft> {
    let unknown = || Error::UnknownDraft {
        draft: query.to_string(),
    };
    if query.trim().eq_ignore_ascii_case("last") {
        return list.first().cloned().ok_or_else(unknown);
    }
    let id: i64 = query.trim().parse().map_err(|_| unknown())?;
    list.iter()
        .find(|d| d.id == id)
        .cloned()
        .ok_or_else(unknown)
}

fn no_drafts(m: &ArgMatches, lang: Lang) -> Result<u8> {
    if let Some(query) = m.get_one::<String>("draft") {
        return Err(Error::UnknownDraft {
            draft: query.clone(),
        });
    }
    print_stderr(lang.pick(
        "No unfinished guides. When you stop a guide before its end, your answers are kept here.",
        "没有未完成的指南。指南中途退出时，已填的回答会保存在这里。",
    ));
    Ok(exit::OK)
}
