//! `cases follow-up`, `cases escalate` and `cases export`: a letter is built in the report's
//! language and format, reviewed like a report in a terminal, then shown, saved (`-o`) or
//! cancelled; a letter that left is noted in the journal.

use std::path::Path;

use clap::ArgMatches;
use dialoguer::Select;

use super::Ctx;
use crate::cases::letters::{self, Letter, LetterContext, RUNG_COMPLAINT, RUNG_REGULATOR};
use crate::cases::{self, Case, Journal, LetterKind, export, redact_typed, time};
use crate::commands::send::{ask_and_save, mailto, open_draft, open_link};
use crate::commands::{print_stderr, print_stdout};
use crate::error::{Error, Result, exit};
use crate::lang::{Lang, Text};
use crate::prompt::terminal::prompt_error;
use crate::prompt::theme::LocalTheme;
use crate::report::{Format, write};
use crate::settings::Mode;
use crate::ui;

pub(super) fn follow_up(ctx: &Ctx<'_>, m: &ArgMatches) -> Result<u8> {
    let query = m.get_one::<String>("case").map_or("", String::as_str);
    let (journal, case) = ctx.case(query)?;
    let (lang, format) = language_and_format(ctx, m, &case)?;
    let letter = letters::follow_up(&case, &letter_context(ctx, lang, None));
    deliver(ctx, journal, &case, &letter, lang, format)
}

pub(super) fn escalate(ctx: &Ctx<'_>, m: &ArgMatches) -> Result<u8> {
    let query = m.get_one::<String>("case").map_or("", String::as_str);
    let (journal, case) = ctx.case(query)?;
    let (lang, format) = language_and_format(ctx, m, &case)?;
    let rung = match m.get_one::<String>("to").map(String::as_str) {
        Some("provider") => RUNG_COMPLAINT,
        Some("regulator") => RUNG_REGULATOR,
        _ => letters::next_rung(&case),
    };
    let remedy = m
        .get_one::<String>("remedy")
        .map(|r| redact_typed(r, true))
        .filter(|r| !r.is_empty());
    let letter = letters::escalation(&case, rung, &letter_context(ctx, lang, remedy.as_deref()));
    deliver(ctx, journal, &case, &letter, lang, format)
}

pub(super) fn export(ctx: &Ctx<'_>, m: &ArgMatches) -> Result<u8> {
    let query = m.get_one::<String>("case").map_or("", String::as_str);
    let (_, case) = ctx.case(query)?;
    let explicit_json = m.get_one::<String>("format").map(String::as_str) == Some("json");
    let text = if m.get_flag("json") || explicit_json {
        export::json(&case, &ctx.now)
    } else {
        let lang = report_lang(m).unwrap_or(case.language);
        export::markdown(&case, &ctx.now, lang)
    };
    match &ctx.settings.output {
        Some(path) => {
            write::atomic_write(path, text.as_bytes(), ctx.settings.force)?;
            let saved = ctx.lang().pick("Saved to", "已保存到");
            print_stderr(&format!("{saved} {}", path.display()));
        }
        None => print_stdout(&text)?,
    }
    Ok(exit::OK)
}

fn report_lang(m: &ArgMatches) -> Option<Lang> {
    m.get_one::<String>("report-lang")
        .and_then(|l| Lang::from_code(l))
}

/// The report's language and format unless `--report-lang` or `--format` say otherwise.
fn language_and_format(ctx: &Ctx<'_>, m: &ArgMatches, case: &Case) -> Result<(Lang, Format)> {
    let _ = ctx;
    let lang = report_lang(m).unwrap_or(case.language);
    let format = match m.get_one::<String>("format").map(String::as_str) {
        Some("json") => {
            return Err(Error::InvalidOption {
                option: "--format",
                value: "json".into(),
                reason: Box::new(Text::new(
                    "a letter is text or markdown",
                    "信件只能是 text 或 markdown 格式",
                )),
            });
        }
        Some("markdown") => Format::Markdown,
        Some(_) => Format::Text,
        None => case.letter_format(),
    };
    Ok((lang, format))
}

fn letter_context<'a>(ctx: &'a Ctx<'_>, lang: Lang, remedy: Option<&'a str>) -> LetterContext<'a> {
    LetterContext {
        now: &ctx.now,
        lang,
        provider: ctx.config.provider.as_deref(),
        support_email: ctx.config.support.email.as_deref(),
        complaints: ctx.config.support.complaints.as_deref(),
        remedy,
    }
}

/// Shows the letter for review in a terminal, then sends it where the user says; notes it in
/// the journal once it has left.
fn deliver(
    ctx: &Ctx<'_>,
    mut journal: Journal,
    case: &Case,
    letter: &Letter,
    lang: Lang,
    format: Format,
) -> Result<u8> {
    let rendered = letter.render(format, lang);
    let ui_lang = ctx.lang();
    let reviewing = ctx.settings.mode == Mode::Interactive && !ctx.settings.yes;
    if let Some(path) = &ctx.settings.output {
        if reviewing && !confirm(&rendered, ui_lang)? {
            return Err(Error::Cancelled);
        }
        save(ctx, path, case, letter, &rendered)?;
    } else if reviewing {
        show(&rendered, ui_lang);
        if lang != ui_lang {
            print_stderr(&ui::wrap(
                ui_lang.pick(
                    "The letter is in Chinese, the language of the report. For one in English, add --report-lang en.",
                    "这封信用的是英文，和报告的语言一致。需要中文版的话，请加上 --report-lang zh。",
                ),
                ui::width(),
                "",
            ));
        }
        match choose(ui_lang)? {
            Way::Print => print_stdout(&rendered)?,
            Way::Email => email(ctx, case, letter, &rendered)?,
            Way::Save => {
                // The reports' save dialog: the folder shown, a taken name asked about.
                let name = default_file(case, letter, format);
                match ask_and_save(&name, rendered.as_bytes(), ui_lang) {
                    Ok(path) => {
                        let saved = ui_lang.pick("Letter saved to", "信函已保存到");
                        print_stderr(&format!("{saved} {}", path.display()));
                    }
                    Err(Error::Cancelled) => return Err(Error::Cancelled),
                    Err(e) => {
                        let _ = print_stdout(&rendered);
                        return Err(e);
                    }
                }
            }
        }
    } else {
        print_stdout(&rendered)?;
    }
    let note = cases::Letter {
        kind: letter.kind,
        rung: letter.rung,
        written_at: time::rfc3339(&ctx.now),
    };
    if let Err(e) = journal.add_letter(&case.report_id, &note) {
        cases::warn_not_recorded(&e, ui_lang);
    }
    let complaints = ctx.config.support.complaints.as_deref();
    print_stderr(&format!(
        "\n{}",
        ui::wrap(
            &letters::where_to_send(case, letter, ui_lang, complaints),
            ui::width(),
            ""
        )
    ));
    if !case.evidence.is_empty() || letter.kind == LetterKind::Escalation {
        print_stderr(&ui::wrap(
            ui_lang.pick(
                "Attach the files listed under “Attached”. Crop card numbers, QR codes and balances from screenshots first.",
                "请附上“附件”中列出的文件；截图里的卡号、付款码和余额请先裁掉。",
            ),
            ui::width(),
            "",
        ));
    }
    Ok(exit::OK)
}

/// Writes the letter to `path` atomically: an email draft when the name ends in `.eml`, else
/// the letter as shown. If that fails, the letter is printed before the error, so it is not lost.
fn save(ctx: &Ctx<'_>, path: &Path, case: &Case, letter: &Letter, rendered: &str) -> Result<()> {
    let is_draft = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("eml"));
    let contents = if is_draft {
        letter
            .eml(case, &ctx.now)
            .map_err(|e| Error::io("write", path, e))?
    } else {
        rendered.as_bytes().to_vec()
    };
    if let Err(e) = write::atomic_write(path, &contents, ctx.settings.force) {
        let _ = print_stdout(rendered);
        return Err(e);
    }
    let saved = ctx.lang().pick("Letter saved to", "信函已保存到");
    print_stderr(&format!("{saved} {}", path.display()));
    Ok(())
}

/// "Open it in my email app": the letter as an email draft, opened by the system's handler;
/// else a `mailto:` link with the letter, when it is short enough for one; else the letter here
/// to copy.
fn email(ctx: &Ctx<'_>, case: &Case, letter: &Letter, rendered: &str) -> Result<()> {
    let lang = ctx.lang();
    let name = format!("{}-{}.eml", case.report_id, letter.file_kind());
    let eml = || {
        letter
            .eml(case, &ctx.now)
            .map_err(|e| Error::io("write", "the email draft", e))
    };
    if let Some(path) = open_draft(&name, eml)? {
        print_stderr(&match lang {
            Lang::En => format!(
                "Opened the letter as an email draft in your email app (the draft is {}). Check it, then send it.",
                path.display()
            ),
            Lang::Zh => format!(
                "已在邮件 App 里打开这封信的邮件草稿（草稿文件：{}）。检查一下内容后发送即可。",
                path.display()
            ),
        });
        return Ok(());
    }
    let body = letter.body(Format::Text);
    if let Some(link) = mailto(letter.address.as_deref(), &letter.subject, &body)
        && open_link(&link)
    {
        print_stderr(lang.pick(
            "Opened your email app with the letter. Check it, then send it.",
            "已在邮件 App 里打开这封信。检查一下内容后发送即可。",
        ));
        return Ok(());
    }
    print_stderr(lang.pick(
        "No email app could be opened; here is the letter to copy into a message:",
        "没能打开邮件 App；下面是信的全文，可以复制到邮件里：",
    ));
    print_stdout(rendered)
}

#[derive(Clone, Copy)]
enum Way {
    Print,
    Save,
    Email,
}

fn show(rendered: &str, lang: Lang) {
    let width = ui::width().min(78);
    let title = lang.pick(
        " Your letter (nothing is sent yet) ",
        " 你的信函（尚未发送） ",
    );
    let side = width.saturating_sub(console::measure_text_width(title)) / 2;
    let rule = "─".repeat(side);
    print_stderr(&format!("\n{rule}{title}{rule}\n"));
    print_stderr(rendered.trim_end());
    print_stderr(&format!("{}\n", "─".repeat(width)));
}

fn choose(lang: Lang) -> Result<Way> {
    let items = [
        lang.pick(
            "It's right: show it here, to copy",
            "没问题：显示在这里，方便复制",
        ),
        lang.pick("It's right: save it to a file", "没问题：保存为文件"),
        lang.pick(
            "It's right: open it in my email app",
            "没问题：用邮件 App 打开",
        ),
        lang.pick("Cancel: don't save anything", "取消：不保存"),
    ];
    let picked = Select::with_theme(&LocalTheme::new(lang))
        .with_prompt(lang.pick("Is this letter right?", "这封信没问题吗？"))
        .items(items)
        .default(0)
        .interact_on_opt(&console::Term::stderr())
        .map_err(prompt_error)?
        .ok_or(Error::Cancelled)?;
    match picked {
        0 => Ok(Way::Print),
        1 => Ok(Way::Save),
        2 => Ok(Way::Email),
        _ => Err(Error::Cancelled),
    }
}

fn confirm(rendered: &str, lang: Lang) -> Result<bool> {
    show(rendered, lang);
    crate::prompt::terminal::confirm(lang, lang.pick("Save this letter?", "保存这封信？"), true)
}

/// `WH-20261121-7F3K9Q-follow-up.txt`.
fn default_file(case: &Case, letter: &Letter, format: Format) -> String {
    let ext = if format == Format::Markdown {
        "md"
    } else {
        "txt"
    };
    format!("{}-{}.{ext}", case.report_id, letter.file_kind())
}
