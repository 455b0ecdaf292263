//! `cases close` and `cases forget` (one case, or the whole journal file with `--all`).

use clap::ArgMatches;

use super::Ctx;
use crate::cases::{journal, time};
use crate::commands::print_stderr;
use crate::error::{Error, Result, exit};
use crate::lang::Lang;
use crate::prompt::terminal::confirm;
use crate::settings::Mode;

pub(super) fn close(ctx: &Ctx<'_>, m: &ArgMatches) -> Result<u8> {
    let query = m.get_one::<String>("case").map_or("", String::as_str);
    let (mut journal, case) = ctx.case(query)?;
    let lang = ctx.lang();
    let reopen = m.get_flag("reopen");
    let stamp = time::rfc3339(&ctx.now);
    journal.set_closed(&case.report_id, (!reopen).then_some(stamp.as_str()))?;
    let text = match (lang, reopen) {
        (Lang::En, false) => format!("Closed {}. Glad it is sorted.", case.report_id),
        (Lang::En, true) => format!("Opened {} again.", case.report_id),
        (Lang::Zh, false) => format!("已结束 {}。问题解决了就好。", case.report_id),
        (Lang::Zh, true) => format!("已重新打开 {}。", case.report_id),
    };
    print_stderr(&text);
    Ok(exit::OK)
}

pub(super) fn forget(ctx: &Ctx<'_>, m: &ArgMatches) -> Result<u8> {
    let lang = ctx.lang();
    let asks = ctx.settings.mode == Mode::Interactive && !ctx.settings.yes;
    if m.get_flag("all") {
        let path = ctx.store.path().ok_or(Error::JournalOff)?;
        if asks
            && !confirm(
                lang,
                lang.pick(
                    "Remove every case and draft? This cannot be undone",
                    "删除全部案件和草稿？删除后无法恢复",
                ),
                false,
            )?
        {
            return Err(Error::Cancelled);
        }
        let removed = journal::delete_files(path)?;
        print_stderr(match (lang, removed) {
            (_, true) => lang.pick(
                "Removed the case journal and every draft.",
                "已删除全部案件记录和草稿。",
            ),
            (_, false) => lang.pick("There was no case journal.", "本来就没有案件记录。"),
        });
        return Ok(exit::OK);
    }
    let query = m.get_one::<String>("case").map_or("", String::as_str);
    let (mut journal, case) = ctx.case(query)?;
    if asks {
        let prompt = match lang {
            Lang::En => format!("Remove {} and everything logged for it?", case.report_id),
            Lang::Zh => format!("删除 {} 及其全部记录？", case.report_id),
        };
        if !confirm(lang, &prompt, false)? {
            return Err(Error::Cancelled);
        }
    }
    journal.forget(&case.report_id)?;
    let text = match lang {
        Lang::En => format!("Removed {}.", case.report_id),
        Lang::Zh => format!("已删除 {}。", case.report_id),
    };
    print_stderr(&text);
    Ok(exit::OK)
}
