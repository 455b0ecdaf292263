//! The command line of the case journal: `cases …` and `resume`.

use std::path::PathBuf;

use clap::{Arg, ArgAction, Command, value_parser};

use super::help::{dress, value_name};
use crate::lang::Lang;

/// `cases` (with its subcommands) and `resume`.
pub fn commands(lang: Lang) -> [Command; 2] {
    [cases_command(lang), resume_command(lang)]
}

fn case_arg(lang: Lang) -> Arg {
    Arg::new("case")
        .value_name(value_name("CASE", lang))
        .required(true)
        .help(lang.pick(
            "A report id, a unique start of its last part, or `last`",
            "报告编号、其最后一段的开头几位（不与其他案件重复即可），或 last 表示最近一件",
        ))
}

fn json_flag(lang: Lang) -> Arg {
    Arg::new("json")
        .long("json")
        .action(ArgAction::SetTrue)
        .help(lang.pick("Print JSON", "输出 JSON"))
}

fn text_option(
    name: &'static str,
    value: &'static str,
    lang: Lang,
    en: &'static str,
    zh: &'static str,
) -> Arg {
    Arg::new(name)
        .long(name)
        .value_name(value_name(value, lang))
        .help(lang.pick(en, zh))
}

/// How a letter becomes an email draft.
fn eml_help(lang: Lang) -> &'static str {
    lang.pick(
        "`-o letter.eml` writes it as an email draft (the report attached) to open in your email app; in a terminal, the review offers to open it there.",
        "`-o letter.eml` 会把信写成邮件草稿（附上报告），可用邮件 App 打开；在终端里，检查信件时也可以直接用邮件 App 打开。",
    )
}

fn cases_command(lang: Lang) -> Command {
    let region = Arg::new("region")
        .long("region")
        .value_name(value_name("REGION", lang))
        .value_parser(["cn", "us", "uk", "eu", "other"])
        .hide_possible_values(true)
        .global(true)
        .help(lang.pick(
            "Region for deadlines when the report names none: cn, us, uk, eu or other [env: WALLET_HELP_REGION]",
            "报告未注明地区时，按哪个地区计算期限：cn、us、uk、eu 或 other（环境变量 WALLET_HELP_REGION）",
        ));
    let show = Command::new("show")
        .about(lang.pick(
            "One case: the report, contacts, evidence, deadlines and status",
            "查看一个案件：报告、沟通记录、证据、期限和状态",
        ))
        .arg(case_arg(lang))
        .arg(json_flag(lang));
    let channels = ["phone", "chat", "email", "in-app", "branch", "letter"];
    let log = Command::new("log")
        .about(lang.pick(
            "Record a contact with support (asked step by step in a terminal)",
            "记录一次与客服的沟通（在终端里会逐项询问）",
        ))
        .arg(case_arg(lang))
        .arg(
            Arg::new("channel")
                .long("channel")
                .value_name(value_name("CHANNEL", lang))
                .value_parser(channels)
                .hide_possible_values(true)
                .help(lang.pick(
                    "How: phone, chat, email, in-app, branch or letter",
                    "沟通方式：phone（电话）、chat（在线客服）、email（邮件）、in-app（App 内）、branch（网点）或 letter（信函）",
                )),
        )
        .arg(text_option("at", "WHEN", lang, "When it happened, e.g. \"yesterday 15:30\" [default: now]", "发生时间，例如“昨天 15:30”（默认：现在）"))
        .arg(text_option("ref", "REF", lang, "The case or ticket number support gave", "客服给出的工单号或参考编号"))
        .arg(text_option("agent", "NAME", lang, "The agent's name or number", "客服的姓名或工号"))
        .arg(text_option("promised", "DATE", lang, "The date support promised, e.g. 2026-12-08 or \"in 5 days\"", "客服承诺的日期，例如 2026-12-08 或“5天内”"))
        .arg(text_option("note", "TEXT", lang, "What was said", "沟通内容"));
    let attach = Command::new("attach")
        .about(lang.pick(
            "Record evidence files by name, size and SHA-256 (the files are not copied)",
            "登记证据文件的名称、大小和 SHA-256（不会复制文件本身）",
        ))
        .arg(case_arg(lang))
        .arg(
            Arg::new("files")
                .value_name(value_name("FILE", lang))
                .required(true)
                .num_args(1..)
                .value_parser(value_parser!(PathBuf))
                .help(lang.pick("Screenshots, statements, emails…", "截图、账单、邮件等文件")),
        );
    let follow_up = Command::new("follow-up")
        .about(lang.pick(
            "Write a follow-up to support: the report id, the time passed, what was promised",
            "写一封跟进函：报告编号、已过去的时间、客服的承诺",
        ))
        .arg(case_arg(lang))
        .after_help(eml_help(lang));
    let escalate = Command::new("escalate")
        .about(lang.pick(
            "Write a formal complaint for the next step: the provider's complaint channel, then the regulator",
            "写一封正式投诉函，逐级升级：先向服务商正式投诉，再向监管机构投诉",
        ))
        .arg(case_arg(lang))
        .arg(text_option("remedy", "TEXT", lang, "What you ask for, e.g. \"a refund of 59.90 CNY\"", "你的诉求，例如“退还 59.90 元”"))
        .arg(
            Arg::new("to")
                .long("to")
                .value_name(value_name("WHO", lang))
                .value_parser(["provider", "regulator"])
                .hide_possible_values(true)
                .help(lang.pick(
                    "Write to the provider or the regulator [default: the next step]",
                    "写给服务商（provider）还是监管机构（regulator）（默认：下一级）",
                )),
        )
        .after_help(eml_help(lang));
    let export = Command::new("export")
        .about(lang.pick(
            "The whole case as Markdown or JSON, for a regulator or a lawyer",
            "把整个案件导出为 Markdown 或 JSON，供监管机构或律师查看",
        ))
        .arg(case_arg(lang))
        .arg(json_flag(lang));
    let close = Command::new("close")
        .about(lang.pick("Mark a case resolved", "把案件标记为已解决"))
        .arg(case_arg(lang))
        .arg(
            Arg::new("reopen")
                .long("reopen")
                .action(ArgAction::SetTrue)
                .help(lang.pick("Open it again", "重新打开")),
        );
    let forget = Command::new("forget")
        .about(lang.pick(
            "Remove a case from the journal, or the whole journal with --all",
            "从记录中删除一个案件；加 --all 删除全部记录",
        ))
        .arg(
            case_arg(lang)
                .required(false)
                .required_unless_present("all"),
        )
        .arg(
            Arg::new("all")
                .long("all")
                .action(ArgAction::SetTrue)
                .conflicts_with("case")
                .help(lang.pick("Remove the journal file itself", "删除整个记录文件")),
        );
    let cmd = Command::new("cases")
        .about(lang.pick(
            "Your case journal: every report written, contacts, deadlines, letters",
            "案件记录：写过的每份报告、沟通记录、期限和投诉信",
        ))
        .arg(json_flag(lang))
        .arg(region)
        .subcommands(
            [
                show, log, attach, follow_up, escalate, export, close, forget,
            ]
            .map(|c| dress(c, lang)),
        );
    dress(cmd, lang)
}

fn resume_command(lang: Lang) -> Command {
    let cmd = Command::new("resume")
        .about(lang.pick(
            "Continue a guide left unfinished (Ctrl-C, Esc or a closed terminal keep a draft)",
            "继续之前没有完成的指南（按 Ctrl-C、Esc 或关闭终端时会保存草稿）",
        ))
        .arg(
            Arg::new("draft")
                .value_name(value_name("DRAFT", lang))
                .help(lang.pick(
                    "The draft's number, or `last` [default: choose from the list]",
                    "草稿编号，或 last 表示最近一份（默认：从列表中选择）",
                )),
        )
        .arg(
            Arg::new("discard")
                .long("discard")
                .action(ArgAction::SetTrue)
                .requires("draft")
                .help(lang.pick("Delete the draft instead", "删除这份草稿")),
        );
    dress(cmd, lang)
}
