//! The command line as data: the built-in commands plus one subcommand per guide in the
//! catalog (clap's builder, since the guides are only known at run time). No logic here.

use std::ffi::OsString;

use std::path::PathBuf;

use clap::{Arg, ArgAction, Command, value_parser};

use crate::guide::catalog::{Catalog, Entry};
use crate::lang::Lang;

const EXIT_CODES: &str = "\
Exit codes:
  0    finished: resolved, or report produced
  1    runtime failure (I/O, writing the report)
  2    usage: bad option, unknown symptom, missing or invalid answer
  3    invalid guide, config or report file
  130  cancelled (Ctrl-C, Esc)";

pub fn command(catalog: &Catalog, lang: Lang) -> Command {
    built_ins(lang).subcommands(catalog.entries().iter().map(|g| symptom_command(g, lang)))
}

/// The command line for `args`: without a subcommand per guide when `args` run a built-in
/// command that names no guide (`list`, `search …`). With a thousand provider guides, their
/// subcommands are most of the start-up time and memory, and these commands never use them.
pub fn command_for(catalog: &Catalog, lang: Lang, args: &[OsString]) -> Command {
    const NO_GUIDES: [&str; 5] = ["list", "search", "guides", "config", "report"];
    let words: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let built_in = words.iter().any(|w| NO_GUIDES.contains(&w.as_str()));
    let names_a_guide = || words.iter().any(|w| catalog.find(w).is_some());
    if built_in && !names_a_guide() {
        built_ins(lang)
    } else {
        command(catalog, lang)
    }
}

fn built_ins(lang: Lang) -> Command {
    Command::new("wallet-help")
        .version(env!("CARGO_PKG_VERSION"))
        .about(lang.pick(
            "Fix a stuck wallet payment, or write a support report that gets it fixed",
            "排查钱包支付问题；解决不了时，生成一份可直接发给客服的报告",
        ))
        .after_help(EXIT_CODES)
        .args(global_args(lang))
        .subcommand(
            Command::new("list")
                .about(lang.pick("List every symptom, grouped", "按类别列出所有问题"))
                .arg(json_flag()),
        )
        .subcommand(search_command(lang))
        .subcommand(guides_command(lang))
        .subcommand(config_command(lang))
        .subcommand(report_command(lang))
        .subcommand(setup_command(lang))
        .subcommands(link_commands(lang))
        .subcommands(shell_commands(lang))
}

fn symptom_command(guide: &Entry, lang: Lang) -> Command {
    let about = format!("{} — {}", guide.title.get(lang), guide.summary.get(lang));
    Command::new(guide.id.clone())
        .about(about)
        .visible_aliases(guide.aliases.all().cloned().collect::<Vec<_>>())
}

fn search_command(lang: Lang) -> Command {
    Command::new("search")
        .about(lang.pick(
            "Find the guide for a problem described in your own words (English or Chinese)",
            "用自己的话描述问题，找到对应的指南（中文或英文均可）",
        ))
        .arg(
            Arg::new("words")
                .value_name("WORDS")
                .required(true)
                .num_args(1..)
                .value_parser(clap::builder::NonEmptyStringValueParser::new()),
        )
        .arg(json_flag())
        .arg(
            Arg::new("limit")
                .long("limit")
                .value_name("N")
                .default_value("5")
                .value_parser(value_parser!(u16).range(1..))
                .help(lang.pick("Show at most N guides", "最多显示 N 个指南")),
        )
}

fn guides_command(lang: Lang) -> Command {
    Command::new("guides")
        .about(lang.pick("Check or inspect guide files", "检查或查看指南文件"))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(
            Command::new("check")
                .about(lang.pick(
                    "Validate guide files (default: the loaded catalog); every problem, with file, line and column",
                    "校验指南文件（默认：当前加载的全部指南），列出所有问题及其文件、行、列",
                ))
                .arg(Arg::new("paths").value_name("PATH").num_args(0..).value_parser(value_parser!(PathBuf))),
        )
        .subcommand(
            Command::new("show")
                .about(lang.pick("Show a guide's flow graph", "显示指南的流程图"))
                .arg(Arg::new("symptom").value_name("SYMPTOM").required(true))
                .arg(json_flag()),
        )
}

/// `config check [FILE]`.
fn config_command(lang: Lang) -> Command {
    Command::new("config")
        .about(lang.pick("Check provider settings", "检查服务商设置"))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(
            Command::new("check")
                .about(lang.pick(
                    "Validate provider settings (default: the ones in use); every problem, with file, line and column",
                    "校验服务商设置（默认：当前使用的设置），列出所有问题及其文件、行、列",
                ))
                .arg(Arg::new("file").value_name("FILE").value_parser(value_parser!(PathBuf))),
        )
}

/// `setup [--print] [--undo]` (and the global `--force`).
fn setup_command(lang: Lang) -> Command {
    let flag = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .action(ArgAction::SetTrue)
            .help(help)
    };
    Command::new("setup")
        .about(lang.pick(
            "For this user: open wallet-help:// links in a terminal, and install completions and the man page",
            "为当前用户设置：在终端里打开 wallet-help:// 链接，并安装补全脚本和 man 手册页",
        ))
        .arg(flag("print", lang.pick("Say what it would do, and do nothing", "只列出将要做的事，不做任何改动")))
        .arg(flag("undo", lang.pick("Remove exactly what setup added", "撤销 setup 添加的全部内容")))
}

/// `report check FILE`, for support agents.
fn report_command(lang: Lang) -> Command {
    Command::new("report")
        .about(lang.pick("Check a report you received (for support agents)", "核对收到的报告（供客服使用）"))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommand(
            Command::new("check")
                .about(lang.pick(
                    "Check a JSON, Markdown or text report: its schema, and whether its verification code matches its content",
                    "核对 JSON、Markdown 或文本格式的报告：格式是否正确，核对码与内容是否一致",
                ))
                .arg(Arg::new("file").value_name("FILE").required(true).value_parser(value_parser!(PathBuf))),
        )
}

/// `completions <SHELL>` and `man`.
fn shell_commands(lang: Lang) -> [Command; 2] {
    let shell = Arg::new("shell").value_name("SHELL").required(true);
    [
        Command::new("completions")
            .about(lang.pick(
                "Print shell completions (symptom ids and aliases included)",
                "输出 shell 补全脚本（含问题 id 和别名）",
            ))
            .arg(shell.value_parser(["bash", "zsh", "fish", "powershell", "elvish"])),
        Command::new("man").about(lang.pick("Print the man page", "输出 man 手册页")),
    ]
}

/// `open <LINK>` and `link <SYMPTOM>` (SPEC "Links"); `link` takes the global `--set`.
fn link_commands(lang: Lang) -> [Command; 2] {
    [
        Command::new("open")
            .about(lang.pick(
                "Run a guide from a support link, with the answers it fills in",
                "打开客服发来的链接：运行对应指南，并填好链接里的回答",
            ))
            .arg(Arg::new("link").value_name("LINK").required(true)),
        Command::new("link")
            .about(lang.pick(
                "Print a support link and the equivalent command line",
                "生成客服链接，以及效果相同的命令",
            ))
            .override_usage("wallet-help link <SYMPTOM> [--set ID=VALUE]...")
            .arg(Arg::new("symptom").value_name("SYMPTOM").required(true)),
    ]
}

fn json_flag() -> Arg {
    Arg::new("json")
        .long("json")
        .action(ArgAction::SetTrue)
        .help("Print JSON")
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
        Arg::new("lang").long("lang").value_name("LANG").value_parser(lang_values).global(true)
            .help(lang.pick("Language of prompts and guide text [default: WALLET_HELP_LANG, LC_ALL, LC_MESSAGES, LANG]", "提示和指南的语言 [默认：WALLET_HELP_LANG、LC_ALL、LC_MESSAGES、LANG]")),
        Arg::new("answers").long("answers").value_name("FILE").value_parser(value_parser!(PathBuf)).global(true)
            .help(lang.pick("Answers from a TOML file; questions it answers are not asked", "从 TOML 文件读取回答；文件里已回答的问题不再提问")),
        Arg::new("set").long("set").value_name("ID=VALUE").action(ArgAction::Append).global(true)
            .help(lang.pick("Answer one question; repeatable; wins over --answers", "回答一个问题；可重复；优先于 --answers")),
        flag("no-input", lang.pick("Never prompt; a question with no answer is an error", "从不提问；没有回答的问题视为错误")),
        Arg::new("format").long("format").value_name("FORMAT").value_parser(["text", "markdown", "json"]).global(true)
            .help(lang.pick("Report format [default: text]", "报告格式 [默认：text]")),
        Arg::new("output").short('o').long("output").value_name("FILE").value_parser(value_parser!(PathBuf)).global(true)
            .help(lang.pick("Write the report to FILE atomically", "把报告完整写入 FILE")),
        flag("force", lang.pick("Replace an existing --output file", "覆盖已存在的 --output 文件")),
        Arg::new("guides").long("guides").value_name("DIR").action(ArgAction::Append).value_parser(value_parser!(PathBuf)).global(true)
            .help(lang.pick("Load guides from DIR too; repeatable [env: WALLET_HELP_GUIDES, ':'-separated]", "也从 DIR 加载指南；可重复 [环境变量：WALLET_HELP_GUIDES，用冒号分隔]")),
        Arg::new("config").long("config").value_name("FILE").value_parser(value_parser!(PathBuf)).env("WALLET_HELP_CONFIG")
            .hide_env_values(true).global(true)
            .help(lang.pick("Provider settings file", "服务商设置文件")),
        Arg::new("report-lang").long("report-lang").value_name("LANG").value_parser(lang_values).global(true)
            .help(lang.pick("Language of the report's labels and summary [default: the interface language]", "报告标签和概述的语言 [默认：界面语言]")),
        flag("yes", lang.pick("Skip the review step (scripts); secrets are still removed", "跳过检查步骤（用于脚本）；敏感信息仍会删除")),
        flag("no-color", lang.pick("No colour (also: NO_COLOR)", "不使用颜色（也可设置 NO_COLOR）")),
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
