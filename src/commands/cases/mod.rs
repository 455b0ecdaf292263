//! `cases …`: the case journal from the command line. One file per idea: listing and showing,
//! logging contacts and evidence, letters and export, closing and forgetting.

mod letters;
mod list;
mod log;
mod manage;

use clap::ArgMatches;
use jiff::Zoned;

use crate::cases::deadlines::region_name;
use crate::cases::{Case, Journal, Store, find};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::report::{Format, Report};
use crate::settings::Settings;

pub(super) fn run(matches: &ArgMatches, settings: &Settings) -> Result<u8> {
    let config = Config::load(settings.config.as_deref())?;
    let ctx = Ctx {
        settings,
        store: store(settings, &config),
        config,
        now: settings.clock.now(),
        region: matches
            .get_one::<String>("region")
            .cloned()
            .or_else(|| settings.region_set.map(|r| r.name().to_string())),
    };
    match matches.subcommand() {
        Some(("show", m)) => list::show(&ctx, m),
        Some(("log", m)) => log::log(&ctx, m),
        Some(("attach", m)) => log::attach(&ctx, m),
        Some(("follow-up", m)) => letters::follow_up(&ctx, m),
        Some(("escalate", m)) => letters::escalate(&ctx, m),
        Some(("export", m)) => letters::export(&ctx, m),
        Some(("close", m)) => manage::close(&ctx, m),
        Some(("forget", m)) => manage::forget(&ctx, m),
        _ => list::list(&ctx, matches.get_flag("json")),
    }
}

/// Everything a `cases` subcommand needs.
struct Ctx<'a> {
    settings: &'a Settings,
    config: Config,
    store: Store,
    now: Zoned,
    /// `--region` or `WALLET_HELP_REGION`: for reports that name no region.
    region: Option<String>,
}

impl Ctx<'_> {
    /// The journal, which must be on; `None` when nothing was ever recorded.
    fn journal(&self) -> Result<Option<Journal>> {
        let path = self.store.path().ok_or(Error::JournalOff)?;
        Journal::open_existing(path)
    }

    /// The journal and the case `query` names.
    fn case(&self, query: &str) -> Result<(Journal, Case)> {
        let Some(journal) = self.journal()? else {
            return Err(Error::UnknownCase {
                case: query.to_string(),
                suggestions: Vec::new(),
            });
        };
        let ids = journal.report_ids()?;
        let id = find::resolve(query, &ids)?;
        let case = journal.case(&id)?.ok_or_else(|| Error::UnknownCase {
            case: query.to_string(),
            suggestions: Vec::new(),
        })?;
        Ok((journal, self.with_region(case)))
    }

    /// The region deadlines use: the report's own, else the option or environment, else
    /// what was known when it was recorded.
    fn with_region(&self, mut case: Case) -> Case {
        let from_report = case.report_region.as_deref().map(region_name);
        case.region = from_report
            .or_else(|| self.region.as_deref().map(region_name))
            .unwrap_or_else(|| region_name(&case.region))
            .to_string();
        case
    }

    fn lang(&self) -> crate::lang::Lang {
        self.settings.lang
    }
}

/// The journal as settings and config decide: on unless `--no-journal` or `journal = false`.
pub(super) fn store(settings: &Settings, config: &Config) -> Store {
    Store::new(settings.data_dir.clone(), config.journal)
}

/// Records a delivered report in the journal; a failure is a warning, never an error.
pub(super) fn record(settings: &Settings, config: &Config, report: &Report, delivery: &str) {
    let region = region_name(settings.region(config).name());
    let format: Format = settings.format;
    store(settings, config).record(report, format, delivery, region, &settings.clock.now());
}
