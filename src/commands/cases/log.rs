//! `cases log` (a contact with support; in a terminal, what the options leave out is asked as
//! a short flow) and `cases attach` (evidence files by name, size and SHA-256).

use std::fmt::Write as _;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use clap::ArgMatches;
use dialoguer::{Input, Select};
use jiff::civil::Date;
use sha2::{Digest as _, Sha256};

use super::Ctx;
use crate::cases::time::BadPromise;
use crate::cases::{Channel, Contact, Evidence, redact_typed, time};
use crate::commands::print_stderr;
use crate::error::{Error, Result, exit};
use crate::guide::Privacy;
use crate::input::{self, InputType, Invalid, ParseContext};
use crate::lang::{Lang, Text};
use crate::prompt::terminal::{Terminal, prompt_error};
use crate::prompt::theme::LocalTheme;
use crate::prompt::{InputQuestion, Prompter as _, Reply};
use crate::settings::Mode;

/// The options of `cases log`, as given.
#[derive(Default)]
struct Given {
    channel: Option<String>,
    at: Option<String>,
    reference: Option<String>,
    agent: Option<String>,
    promised: Option<String>,
    note: Option<String>,
}

pub(super) fn log(ctx: &Ctx<'_>, m: &ArgMatches) -> Result<u8> {
    let query = m.get_one::<String>("case").map_or("", String::as_str);
    let (mut journal, case) = ctx.case(query)?;
    let get = |id: &str| m.get_one::<String>(id).cloned();
    let mut given = Given {
        channel: get("channel"),
        at: get("at"),
        reference: get("ref"),
        agent: get("agent"),
        promised: get("promised"),
        note: get("note"),
    };
    let lang = ctx.lang();
    let interactive = ctx.settings.mode == Mode::Interactive;
    if interactive && given.channel.is_none() {
        ask(&mut given, ctx, &case.region)?;
    }
    let contact = contact(&given, ctx, &case.region)?;
    journal.log_contact(&case.report_id, &contact)?;
    let done = match lang {
        Lang::En => format!(
            "Logged for {}: {}",
            case.report_id,
            crate::cases::letters::contact_line(&contact, &letter_ctx(ctx))
        ),
        Lang::Zh => format!(
            "已为 {} 记录：{}",
            case.report_id,
            crate::cases::letters::contact_line(&contact, &letter_ctx(ctx))
        ),
    };
    print_stderr(&done);
    Ok(exit::OK)
}

fn letter_ctx<'a>(ctx: &'a Ctx<'_>) -> crate::cases::letters::LetterContext<'a> {
    crate::cases::letters::LetterContext {
        now: &ctx.now,
        lang: ctx.lang(),
        provider: None,
        support_email: None,
        complaints: None,
        remedy: None,
    }
}

/// The contact from the options: every value checked, free text redacted.
fn contact(given: &Given, ctx: &Ctx<'_>, region: &str) -> Result<Contact> {
    let channel = match given.channel.as_deref() {
        Some(name) => Channel::from_name(name).ok_or_else(|| Error::InvalidOption {
            option: "--channel",
            value: name.to_string(),
            reason: Box::new(Text::new(
                "expected phone, chat, email, in-app, branch or letter",
                "应为 phone（电话）、chat（在线客服）、email（邮件）、in-app（App 内）、branch（网点）或 letter（信件）",
            )),
        })?,
        None => Channel::InApp,
    };
    let at = parse_at(given.at.as_deref(), ctx)?;
    let promised = match given
        .promised
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(raw) => Some(read_promise(raw, &at_contact(ctx, &at), region)?.to_string()),
        None => None,
    };
    let text = |v: &Option<String>, keep_references: bool| {
        v.as_deref()
            .map(|t| redact_typed(t, keep_references))
            .filter(|t| !t.is_empty())
    };
    Ok(Contact {
        at,
        channel,
        reference: text(&given.reference, true),
        agent: text(&given.agent, true),
        promised,
        note: text(&given.note, false),
        logged_at: time::rfc3339(&ctx.now),
    })
}

/// What the input parsers need, as the guides have it: the clock, the locale's day order and
/// the provider's currency.
fn parse_context(ctx: &Ctx<'_>) -> ParseContext {
    ParseContext {
        now: ctx.now.clone(),
        ..ctx.settings.parse_context(ctx.config.currency.as_deref())
    }
}

/// The parse context as it was at the contact (stored RFC 3339 `at`): a promise like "in 5
/// days" or "next Friday" counts from the day it was made.
fn at_contact(ctx: &Ctx<'_>, at: &str) -> ParseContext {
    let mut parse = parse_context(ctx);
    if let Some(then) = time::parse(at, &ctx.now) {
        parse.now = then;
    }
    parse
}

/// `--at` through the `datetime` parser every answer uses; empty or `now` is now.
fn parse_at(raw: Option<&str>, ctx: &Ctx<'_>) -> Result<String> {
    let raw = raw.map(str::trim).unwrap_or_default();
    if raw.is_empty() || raw.eq_ignore_ascii_case("now") || raw == "现在" {
        return Ok(time::rfc3339(&ctx.now));
    }
    match input::parse(InputType::Datetime, raw, true, &parse_context(ctx)) {
        Ok(Some(parsed)) => Ok(parsed.value),
        Ok(None) => Ok(time::rfc3339(&ctx.now)),
        Err(e) => Err(Error::InvalidOption {
            option: "--at",
            value: input::quote(raw),
            reason: Box::new(Text::new(e.message(Lang::En), e.message(Lang::Zh))),
        }),
    }
}

/// `--promised` through the `date` parser (or a span of days), or an error saying what a
/// promise looks like.
fn read_promise(raw: &str, contact: &ParseContext, region: &str) -> Result<Date> {
    time::parse_promise(raw, contact, region).map_err(|bad| Error::InvalidOption {
        option: "--promised",
        value: input::quote(raw),
        reason: Box::new(promise_problem(&bad)),
    })
}

/// A prompt's error line starts with a capital, as the other prompts' do.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What is wrong with a promise, in both languages.
fn promise_problem(bad: &BadPromise) -> Text {
    match bad {
        BadPromise::Unread(Invalid::Malformed { .. } | Invalid::Empty) => Text::new(
            "expected a date (2026-12-08, Dec 20, next Friday, tomorrow) or a span (in 5 days, 5 business days)",
            "应为日期（2026-12-08、12月20日、下周五、明天）或一段时间（5天内、5个工作日）",
        ),
        BadPromise::Unread(other) => Text::new(other.message(Lang::En), other.message(Lang::Zh)),
        BadPromise::BeforeContact { contact } => Text::new(
            format!(
                "the date is before the contact on {}; a promise is for a later day",
                time::human_date(*contact, Lang::En)
            ),
            format!(
                "这个日期早于这次沟通（{}）；承诺的日期应在沟通之后",
                time::human_date(*contact, Lang::Zh)
            ),
        ),
    }
}

/// Asks what the options left out: how, when, reference, agent, promise, note.
fn ask(given: &mut Given, ctx: &Ctx<'_>, region: &str) -> Result<()> {
    let lang = ctx.lang();
    let theme = LocalTheme::new(lang);
    let term = console::Term::stderr();
    let labels: Vec<&str> = Channel::ALL.iter().map(|c| c.words(lang)).collect();
    let picked = Select::with_theme(&theme)
        .with_prompt(lang.pick(
            "How did you contact support?",
            "这次通过什么方式联系的客服？",
        ))
        .items(&labels)
        .default(0)
        .interact_on_opt(&term)
        .map_err(prompt_error)?
        .ok_or(Error::Cancelled)?;
    given.channel = Channel::ALL.get(picked).map(|c| c.name().to_string());
    let parse = parse_context(ctx);
    if given.at.is_none() {
        let typed: String = Input::with_theme(&theme)
            .with_prompt(lang.pick("When? (Enter for now)", "什么时候？（直接回车表示现在）"))
            .allow_empty(true)
            .validate_with(|s: &String| -> std::result::Result<(), String> {
                if s.trim().is_empty() {
                    return Ok(());
                }
                input::parse(InputType::Datetime, s, true, &parse)
                    .map(|_| ())
                    .map_err(|e| e.at_prompt(lang))
            })
            .interact_text_on(&term)
            .map_err(prompt_error)?;
        given.at = Some(typed);
    }
    let optional = |slot: &mut Option<String>, en: &str, zh: &str| -> Result<()> {
        if slot.is_some() {
            return Ok(());
        }
        let prompt = match lang {
            Lang::En => format!("{en} (Enter to skip)"),
            Lang::Zh => format!("{zh}（可直接回车跳过）"),
        };
        let typed: String = Input::with_theme(&theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text_on(&term)
            .map_err(prompt_error)?;
        *slot = Some(typed);
        Ok(())
    };
    optional(
        &mut given.reference,
        "Case or ticket number",
        "工单号或参考编号",
    )?;
    optional(&mut given.agent, "Agent's name or number", "客服姓名或工号")?;
    if given.promised.is_none() {
        let at = parse_at(given.at.as_deref(), ctx)?;
        let contact = at_contact(ctx, &at);
        let typed: String = Input::with_theme(&theme)
            .with_prompt(lang.pick(
                "Did they promise a date? e.g. Dec 20, next Friday or in 5 days (Enter to skip)",
                "对方承诺了日期吗？例如 12月20日、下周五 或 5天内（可直接回车跳过）",
            ))
            .allow_empty(true)
            .validate_with(|s: &String| -> std::result::Result<(), String> {
                if s.trim().is_empty() {
                    return Ok(());
                }
                time::parse_promise(s.trim(), &contact, region)
                    .map(|_| ())
                    .map_err(|bad| capitalised(promise_problem(&bad).get(lang)))
            })
            .interact_text_on(&term)
            .map_err(prompt_error)?;
        given.promised = Some(typed);
    }
    if given.note.is_none() {
        // Through the guides' own prompt: a secret typed here (a card number, a code) is
        // caught and taken out before the answer goes anywhere, with a word on why.
        let question = InputQuestion {
            step: "note",
            question: lang.pick("What was said?", "沟通内容是什么？"),
            help: None,
            input_type: InputType::Text,
            required: false,
            privacy: Privacy::Normal,
            initial: "",
            lang,
            ctx: &parse,
            back: false,
        };
        let note = match Terminal::new(lang).input(&question)? {
            Reply::Answer(note) => note.map(|n| n.value),
            Reply::Back => None,
        };
        given.note = Some(note.unwrap_or_default());
    }
    Ok(())
}

pub(super) fn attach(ctx: &Ctx<'_>, m: &ArgMatches) -> Result<u8> {
    let query = m.get_one::<String>("case").map_or("", String::as_str);
    let (mut journal, case) = ctx.case(query)?;
    let lang = ctx.lang();
    let files: Vec<&PathBuf> = m
        .get_many::<PathBuf>("files")
        .into_iter()
        .flatten()
        .collect();
    let mut evidence = Vec::new();
    for path in &files {
        evidence.push(fingerprint(path, ctx)?);
    }
    journal.attach(&case.report_id, &evidence)?;
    for e in &evidence {
        let line = match lang {
            Lang::En => format!(
                "Recorded {} ({}, SHA-256 {})",
                e.name,
                crate::cases::letters::human_size(e.size, lang),
                e.sha256
            ),
            Lang::Zh => format!(
                "已登记 {}（{}，SHA-256 {}）",
                e.name,
                crate::cases::letters::human_size(e.size, lang),
                e.sha256
            ),
        };
        print_stderr(&line);
    }
    if files.iter().any(|p| is_photo(p)) {
        crate::ui::warn(lang.pick(
            "photos can carry the place they were taken (GPS location) and the phone's details: remove them before you send a photo, and crop card numbers, QR codes and balances",
            "照片里可能带有拍摄地点（GPS 位置）和手机信息，发送前请先去除；截图中的卡号、付款码和余额也请裁掉",
        ));
    }
    print_stderr(lang.pick(
        "The files stay where they are; only their names and fingerprints are kept.",
        "文件本身不会被复制，只记录名称和指纹。",
    ));
    Ok(exit::OK)
}

/// Name, size, modified time and SHA-256 of `path`, read in chunks.
fn fingerprint(path: &Path, ctx: &Ctx<'_>) -> Result<Evidence> {
    let mut file = fs::File::open(path).map_err(|e| Error::io("read", path, e))?;
    let meta = file.metadata().map_err(|e| Error::io("read", path, e))?;
    if !meta.is_file() {
        return Err(Error::InvalidOption {
            option: "FILE",
            value: path.display().to_string(),
            reason: Box::new(Text::new("is not a file", "这不是一个文件")),
        });
    }
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| Error::io("read", path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(buf.get(..n).unwrap_or_default());
    }
    let sha256 = hasher
        .finalize()
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        });
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok())
        .map(|t| time::rfc3339(&t.to_zoned(ctx.now.time_zone().clone())));
    let absolute = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(Evidence {
        name: redact_typed(&name, true),
        path: redact_typed(&absolute.display().to_string(), true),
        size: meta.len(),
        sha256,
        modified,
        added_at: time::rfc3339(&ctx.now),
    })
}

fn is_photo(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "heic" | "heif" | "png" | "tif" | "tiff" | "webp" | "dng"
    )
}
