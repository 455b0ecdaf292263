//! `resume`: guides left unfinished. A run that stops before its ending (Esc, Ctrl-C, a closed
//! terminal) keeps its answers as a draft; `resume` lists the drafts and continues one, each
//! answer checked again, asking only what is left.

use clap::ArgMatches;
use dialoguer::Select;

use super::{print_stderr, print_stdout, run};
use crate::answers::GivenAnswers;
use crate::cases::drafts::{self, Draft, Recorder, Replay};
use crate::cases::{Journal, warn_not_recorded};
use crate::config::Config;
use crate::error::{Error, Result, exit};
use crate::flow::{self, Transcript};
use crate::guide::Guide;
use crate::guide::catalog::Catalog;
use crate::lang::Lang;
use crate::prompt::Prompter;
use crate::prompt::terminal::prompt_error;
use crate::prompt::theme::LocalTheme;
use crate::settings::{Mode, Settings};

/// Walks `guide`, replaying `replay` first, and returns the walk with every answer given on
/// the way (free text redacted), whether it reached an ending or not.
pub(super) fn walk(
    guide: &Guide,
    ctx: &flow::Context<'_>,
    inner: &mut dyn Prompter,
    replay: &[(String, String)],
) -> (Result<Transcript>, Vec<(String, String)>) {
    let mut replaying = Replay::new(replay, inner);
    let mut recorder = Recorder::new(&mut replaying, Vec::new());
    let walked = flow::drive(guide, ctx, &mut recorder);
    let answers = recorder.answers().to_vec();
    (walked, answers)
}

/// The transcript of a finished walk. A walk a person stopped (cancel, closed terminal) keeps
/// its answers as a draft first; a resumed draft that reached its ending is removed.
pub(super) fn keep_if_stopped(
    walked: Result<Transcript>,
    answers: &[(String, String)],
    guide: &Guide,
    settings: &Settings,
    config: &Config,
    draft: Option<&Draft>,
) -> Result<Transcript> {
    let store = super::cases::store(settings, config);
    let Some(path) = store.path() else {
        return walked;
    };
    let lang = settings.lang;
    match walked {
        Ok(transcript) => {
            if let Some(draft) = draft {
                let discarded = Journal::open(path).and_then(|mut j| j.discard_draft(draft.id));
                if let Err(e) = discarded {
                    warn_not_recorded(&e, lang);
                }
            }
            Ok(transcript)
        }
        Err(e @ (Error::Cancelled | Error::Terminal(_)))
            if settings.mode == Mode::Interactive && !answers.is_empty() =>
        {
            let now = settings.clock.now();
            let id = draft.map(|d| d.id);
            let saved = Journal::open(path)
                .and_then(|mut j| j.save_draft(id, &guide.id, lang, answers, &now));
            match saved {
                Ok(id) => print_stderr(&match lang {
                    Lang::En => format!(
                        "\nYour answers are kept as draft {id}: `wallet-help resume` continues where you stopped."
                    ),
                    Lang::Zh => format!(
                        "\n你的回答已保存为草稿 {id}，运行 `wallet-help resume` 可以从中断处继续。"
                    ),
                }),
                Err(journal_error) => warn_not_recorded(&journal_error, lang),
            }
            Err(e)
        }
        Err(e) => Err(e),
    }
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
    let title = |d: &Draft| {
        catalog
            .find(&d.guide_id)
            .map_or_else(|| d.guide_id.clone(), |e| e.title.get(lang).to_string())
    };
    let chosen = match m.get_one::<String>("draft") {
        Some(query) => Some(pick_named(query, &list)?),
        None if list.is_empty() => return no_drafts(m, lang),
        None if settings.mode == Mode::Interactive => {
            let labels: Vec<String> = list
                .iter()
                .map(|d| drafts::describe(d, &title(d), &now, lang))
                .collect();
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
            out.push_str(&drafts::describe(d, &title(d), &now, lang));
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
    let n = draft.answers.len();
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
        GivenAnswers::default(),
        Some(&draft),
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
