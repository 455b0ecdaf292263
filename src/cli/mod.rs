//! The command line as data: the built-in commands plus one subcommand per guide in the
//! catalog (clap's builder, since the guides are only known at run time). No logic here.

pub mod cases;
pub mod errors;
pub mod help;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Arg, ArgAction, Command, value_parser};

use crate::guide::catalog::{Catalog, Entry};
use crate::lang::Lang;

use help::{dress, value_name};

pub fn command(catalog: &Catalog, lang: Lang) -> Command {
    built_ins(lang).subcommands(catalog.entries().iter().map(|g| symptom_command(g, lang)))
}

/// The command line for `args`: without a subcommand per guide when `args` run a built-in
/// command that names no guide (`list`, `search …`), and with only its own when they run a
/// guide. With a thousand provider guides, their subcommands are most of the start-up time
/// and memory; even with the bundled ones, building and parsing them all is most of what a
/// scripted report costs before its own work.
pub fn command_for(catalog: &Catalog, lang: Lang, args: &[OsString]) -> Command {
    const NO_GUIDES: [&str; 8] = [
        "list", "search", "guides", "cases", "resume", "config", "report", "setup",
    ];
    // The command is the first word that is neither an option nor an option's value: the
    // words after it (`search my card was declined`) may name a guide and still be text.
    let takes_value: Vec<String> = global_args(lang)
        .iter()
        .filter(|a| a.get_action().takes_values())
        .flat_map(|a| {
            let long_form = a.get_long().map(|l| format!("--{l}"));
            let short_form = a.get_short().map(|s| format!("-{s}"));
            long_form.into_iter().chain(short_form)
        })
        .collect();
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut first = None;
    while let Some(word) = words.next() {
        if word == "--" {
            first = words.next();
            break;
        }
        if word.starts_with('-') {
            if takes_value.iter().any(|t| *t == word) {
                words.next();
            }
            continue;
        }
        first = Some(word);
        break;
    }
    let guide = first.as_deref().and_then(|word| catalog.find(word));
    match (first, guide) {
        (Some(word), None) if NO_GUIDES.contains(&word.as_ref()) => built_ins(lang),
        // A guide's run needs the options and its own subcommand, nothing else.
        (_, Some(guide)) => help::dress_root(
            Command::new("wallet-help")
                .version(env!("CARGO_PKG_VERSION"))
                .args(global_args(lang))
                .subcommand(symptom_command(guide, lang)),
            lang,
        ),
        _ => command(catalog, lang),
    }
}

fn built_ins(lang: Lang) -> Command {
    let root = Command::new("wallet-help")
        .version(env!("CARGO_PKG_VERSION"))
        .about(lang.pick(
            "Fix a stuck wallet payment, or write a support report that gets it fixed",
            "排查钱包支付问题；解决不了时，生成一份可直接发给客服的报告",
        ))
        .after_help(help::exit_codes(lang))
        .args(global_args(lang))
        .subcommand(dress(
            Command::new("list")
                .about(lang.pick("List every symptom, grouped", "按类别列出所有问题"))
                .arg(json_flag(lang)),
            lang,
        ))
        .subcommand(search_command(lang))
        .subcommand(guides_command(lang))
        .subcommand(config_command(lang))
        .subcommand(report_command(lang))
        .subcommand(setup_command(lang))
        .subcommands(link_commands(lang))
        .subcommands(cases::commands(lang))
        .subcommands(shell_commands(lang));
    help::dress_root(root, lang)
}

/// A guide as a subcommand. Every alias works; the help names those in the reader's own
/// script (Chinese aliases in Chinese help), in its own words rather than clap's English
/// `[aliases: …]`.
fn symptom_command(guide: &Entry, lang: Lang) -> Command {
    let mut about = format!("{} — {}", guide.title.get(lang), guide.summary.get(lang));
    let own = match lang {
        Lang::En => &guide.aliases.en,
        Lang::Zh => &guide.aliases.zh,
    };
    if !own.is_empty() {
        let note = match lang {
            Lang::En => format!(" (also: {})", own.join(", ")),
            Lang::Zh => format!("（也可以写：{}）", own.join("、")),
        };
        about.push_str(&note);
    }
    let cmd = Command::new(guide.id.clone())
        .about(about)
        .aliases(guide.aliases.all().cloned().collect::<Vec<_>>());
    dress(cmd, lang)
}

fn search_command(lang: Lang) -> Command {
    let cmd = Command::new("search")
        .about(lang.pick(
            "Find the guide for a problem described in your own words (English or Chinese)",
            "用自己的话描述问题，找到对应的指南（中文或英文均可）",
        ))
        .arg(
            Arg::new("words")
                .value_name(value_name("WORDS", lang))
                .required(true)
                .num_args(1..)
                .value_parser(clap::builder::NonEmptyStringValueParser::new())
                .help(lang.pick("The problem in your own words", "用自己的话描述遇到的问题")),
        )
        .arg(json_flag(lang))
        .arg(
            Arg::new("limit")
                .long("limit")
                .value_name("N")
                .default_value("5")
                .hide_default_value(true)
                .value_parser(value_parser!(u16).range(1..))
                .help(lang.pick(
                    "Show at most N guides [default: 5]",
                    "最多显示 N 个指南（默认：5）",
                )),
        );
    dress(cmd, lang)
}

fn guides_command(lang: Lang) -> Command {
    let check = Command::new("check")
        .about(lang.pick(
            "Validate guide files (default: the loaded catalog); every problem, with file, line and column",
            "校验指南文件（默认：当前加载的全部指南），列出所有问题及其文件、行、列",
        ))
        .arg(Arg::new("paths").value_name(value_name("PATH", lang)).num_args(0..).value_parser(value_parser!(PathBuf))
            .help(lang.pick("Guide files or folders to check", "要校验的指南文件或文件夹")));
    let show = Command::new("show")
        .about(lang.pick("Show a guide's flow graph", "显示指南的流程图"))
        .arg(
            Arg::new("symptom")
                .value_name(value_name("SYMPTOM", lang))
                .required(true)
                .help(lang.pick("A symptom id or alias", "问题的 id 或别名")),
        )
        .arg(json_flag(lang));
    let cmd = Command::new("guides")
        .about(lang.pick("Check or inspect guide files", "检查或查看指南文件"))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(dress(check, lang))
        .subcommand(dress(show, lang));
    dress(cmd, lang)
}

/// `config check [FILE]`.
fn config_command(lang: Lang) -> Command {
    let check = Command::new("check")
        .about(lang.pick(
            "Validate provider settings (default: the ones in use); every problem, with file, line and column",
            "校验服务商设置（默认：当前使用的设置），列出所有问题及其文件、行、列",
        ))
        .arg(
            Arg::new("file")
                .value_name(value_name("FILE", lang))
                .value_parser(value_parser!(PathBuf))
                .help(lang.pick("A config.toml to check", "要校验的 config.toml")),
        );
    let cmd = Command::new("config")
        .about(lang.pick("Check provider settings", "检查服务商设置"))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(dress(check, lang));
    dress(cmd, lang)
}

/// `setup [--print] [--undo]` (and the global `--force`).
fn setup_command(lang: Lang) -> Command {
    let flag = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .action(ArgAction::SetTrue)
            .help(help)
    };
    let cmd = Command::new("setup")
        .about(lang.pick(
            "For this user: open wallet-help:// links in a terminal, and install completions and the man page",
            "为当前用户设置：在终端里打开 wallet-help:// 链接，并安装补全脚本和 man 手册页",
        ))
        .arg(flag("print", lang.pick("Say what it would do, and do nothing", "只列出将要做的事，不做任何改动")))
        .arg(flag("undo", lang.pick("Remove exactly what setup added", "撤销 setup 添加的全部内容")));
    dress(cmd, lang)
}

/// `report check FILE`, for support agents.
fn report_command(lang: Lang) -> Command {
    let check = Command::new("check")
        .about(lang.pick(
            "Check a JSON, Markdown or text report: its schema, and whether its verification code matches its content",
            "核对 JSON、Markdown 或文本格式的报告：格式是否正确，核对码与内容是否一致",
        ))
        .arg(
            Arg::new("file")
                .value_name(value_name("FILE", lang))
                .required(true)
                .value_parser(value_parser!(PathBuf))
                .help(lang.pick("The report as received", "收到的报告文件")),
        );
    let cmd = Command::new("report")
        .about(lang.pick(
            "Check a report you received (for support agents)",
            "核对收到的报告（供客服使用）",
        ))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(dress(check, lang));
    dress(cmd, lang)
}

/// `completions <SHELL>` and `man`.
fn shell_commands(lang: Lang) -> [Command; 2] {
    let shell = Arg::new("shell")
        .value_name("SHELL")
        .required(true)
        .hide_possible_values(true)
        .help(lang.pick(
            "bash, zsh, fish, powershell or elvish",
            "bash、zsh、fish、powershell 或 elvish",
        ));
    [
        dress(
            Command::new("completions")
                .about(lang.pick(
                    "Print shell completions (symptom ids and aliases included)",
                    "输出 shell 补全脚本（含问题 id 和别名）",
                ))
                .arg(shell.value_parser(["bash", "zsh", "fish", "powershell", "elvish"])),
            lang,
        ),
        dress(
            Command::new("man").about(lang.pick("Print the man page", "输出 man 手册页")),
            lang,
        ),
    ]
}

/// `open <LINK>` and `link <SYMPTOM>` (SPEC "Links"); `link` takes the global `--set`.
fn link_commands(lang: Lang) -> [Command; 2] {
    [
        dress(
            Command::new("open")
                .about(lang.pick(
                    "Run a guide from a support link, with the answers it fills in",
                    "打开客服发来的链接：运行对应指南，并填好链接里的回答",
                ))
                .arg(
                    Arg::new("link")
                        .value_name(value_name("LINK", lang))
                        .required(true)
                        .help(lang.pick(
                            "A wallet-help:// link from support",
                            "客服发来的 wallet-help:// 链接",
                        )),
                ),
            lang,
        ),
        dress(
            Command::new("link")
                .about(lang.pick(
                    "Print a support link and the equivalent command line",
                    "生成客服链接，以及效果相同的命令",
                ))
                .override_usage(lang.pick(
                    "wallet-help link <SYMPTOM> [--set ID=VALUE]...",
                    "wallet-help link <问题> [--set 问题ID=回答]...",
                ))
                .arg(
                    Arg::new("symptom")
                        .value_name(value_name("SYMPTOM", lang))
                        .required(true)
                        .help(lang.pick("A symptom id or alias", "问题的 id 或别名")),
                ),
            lang,
        ),
    ]
}

fn json_flag(lang: Lang) -> Arg {
    Arg::new("json")
        .long("json")
        .action(ArgAction::SetTrue)
        .help(lang.pick("Print JSON", "输出 JSON"))
}

fn global_args(lang: Lang) -> Vec<Arg> {
    let flag = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .action(ArgAction::SetTrue)
            .global(true)
            .help(help)
    };
    let lang_values = ["en", "zh"];
    vec![
        Arg::new("lang").long("lang").value_name(value_name("LANG", lang)).value_parser(lang_values).hide_possible_values(true).global(true)
            .help(lang.pick("Language of prompts and guide text: en or zh [default: WALLET_HELP_LANG, LC_ALL, LC_MESSAGES, LANG]", "提示和指南的语言：en 或 zh（默认依次看 WALLET_HELP_LANG、LC_ALL、LC_MESSAGES、LANG）")),
        Arg::new("answers").long("answers").value_name(value_name("FILE", lang)).value_parser(value_parser!(PathBuf)).global(true)
            .help(lang.pick("Answers from a TOML file; questions it answers are not asked", "从 TOML 文件读取回答；文件里已回答的问题不再提问")),
        Arg::new("set").long("set").value_name(value_name("ID=VALUE", lang)).action(ArgAction::Append).global(true)
            .help(lang.pick("Answer one question; repeatable; wins over --answers", "回答一个问题；可重复；优先于 --answers")),
        flag("no-input", lang.pick("Never prompt; a question with no answer is an error", "从不提问；没有回答的问题视为错误")),
        Arg::new("format").long("format").value_name(value_name("FORMAT", lang)).value_parser(["text", "markdown", "json"]).hide_possible_values(true).global(true)
            .help(lang.pick("Report format: text, markdown or json [default: text]", "报告格式：text、markdown 或 json（默认：text）")),
        Arg::new("output").short('o').long("output").value_name(value_name("FILE", lang)).value_parser(value_parser!(PathBuf)).global(true)
            .help(lang.pick("Write the report to FILE atomically", "把报告写入该文件（一次写完，不会留下半截文件）")),
        flag("force", lang.pick("Replace an existing --output file", "覆盖已存在的 --output 文件")),
        Arg::new("guides").long("guides").value_name(value_name("DIR", lang)).action(ArgAction::Append).value_parser(value_parser!(PathBuf)).global(true)
            .help(lang.pick("Load guides from DIR too; repeatable [env: WALLET_HELP_GUIDES, ':'-separated]", "也从该目录加载指南；可重复（环境变量 WALLET_HELP_GUIDES，多个目录用冒号分隔）")),
        Arg::new("config").long("config").value_name(value_name("FILE", lang)).value_parser(value_parser!(PathBuf)).env("WALLET_HELP_CONFIG")
            .hide_env(true).global(true)
            .help(lang.pick("Provider settings file [env: WALLET_HELP_CONFIG]", "服务商设置文件（环境变量 WALLET_HELP_CONFIG）")),
        Arg::new("report-lang").long("report-lang").value_name(value_name("LANG", lang)).value_parser(lang_values).hide_possible_values(true).global(true)
            .help(lang.pick("Language of the report's labels and summary: en or zh [default: the interface language]", "报告标签和概述的语言：en 或 zh（默认与界面语言相同）")),
        flag("yes", lang.pick("Skip the review of the report (scripts); secrets are still removed", "不再逐项确认报告内容，直接生成（用于脚本）；敏感信息照样会删除")),
        flag("no-color", lang.pick("No colour (also: NO_COLOR)", "不使用颜色（也可设置 NO_COLOR）")),
        flag("no-journal", lang.pick("Keep no case journal and no draft (also: journal = false in the config)", "不保存案件记录和草稿（也可在设置文件中写 journal = false）")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        let catalog = Catalog::load(&[]).unwrap();
        command(&catalog, Lang::En).debug_assert();
        command(&catalog, Lang::Zh).debug_assert();
    }
}
