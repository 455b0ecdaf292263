//! The words clap puts around our own help text ("Usage:", "Options:", "Print help", value
//! names) in the interface language, so a Chinese `--help` is Chinese from top to bottom.

use clap::{Arg, ArgAction, Command};

use crate::lang::Lang;

/// The help layout, the same as clap's default but with the usage heading in `lang`.
const TEMPLATE_ZH: &str =
    "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// Gives `cmd` the help chrome of `lang`: headings, the help and version flags, and the
/// `help` subcommand. Applied to every command as it is built, so new commands get it too.
pub fn dress(cmd: Command, lang: Lang) -> Command {
    let cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(usize::MAX)
                .help(lang.pick("Print help", "显示帮助")),
        );
    match lang {
        Lang::En => cmd,
        Lang::Zh => cmd
            .help_template(TEMPLATE_ZH)
            .subcommand_help_heading("命令")
            .mut_args(|arg| {
                let heading = if arg.is_positional() {
                    "参数"
                } else {
                    "选项"
                };
                arg.help_heading(heading)
            }),
    }
}

/// The root command's `--version` flag and `help [COMMAND]…` subcommand, in `lang`.
pub fn dress_root(cmd: Command, lang: Lang) -> Command {
    dress(cmd, lang)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(usize::MAX)
                .help(lang.pick("Print version", "显示版本号"))
                .help_heading(heading(lang)),
        )
        .subcommand(dress(
            Command::new("help")
                .about(lang.pick(
                    "Print this message or the help of the given command",
                    "显示本帮助，或某个命令的帮助",
                ))
                .arg(
                    Arg::new("command")
                        .value_name(value_name("COMMAND", lang))
                        .num_args(0..),
                ),
            lang,
        ))
}

/// The heading options stand under in `lang`; `None` keeps clap's own ("Options").
fn heading(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Zh => Some("选项"),
    }
}

/// A placeholder in usage lines (`<FILE>`), in the interface language: Chinese help names
/// the thing to type (`<文件>`), as translated git and coreutils help do.
pub fn value_name(name: &'static str, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return name;
    }
    match name {
        "FILE" => "文件",
        "DIR" => "目录",
        "PATH" => "路径",
        "LANG" => "语言",
        "FORMAT" => "格式",
        "ID=VALUE" => "问题ID=回答",
        "WORDS" => "问题描述",
        "SYMPTOM" => "问题",
        "LINK" => "链接",
        "SHELL" => "SHELL",
        "COMMAND" => "命令",
        "CASE" => "案件",
        "DRAFT" => "草稿",
        "REGION" => "地区",
        "CHANNEL" => "方式",
        "WHEN" => "时间",
        "REF" => "编号",
        "NAME" => "姓名或工号",
        "DATE" => "日期",
        "TEXT" => "文字",
        "WHO" => "对象",
        other => other,
    }
}

/// Help text rendered by clap, with the few English words clap writes itself (`[OPTIONS]`,
/// `Usage:`, the colon after a heading) put into `lang`.
pub fn localize_rendered(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let mut out = text
        .replace("[OPTIONS]", "[选项]")
        .replace("[COMMAND]", "[命令]")
        .replace("<COMMAND>", "<命令>")
        .replace("Usage: ", "用法：")
        .replace("Usage:", "用法：");
    for heading in ["命令", "选项", "参数"] {
        out = out.replace(&format!("{heading}:\n"), &format!("{heading}：\n"));
    }
    out
}

/// The exit codes, shown after the main help.
pub fn exit_codes(lang: Lang) -> &'static str {
    lang.pick(
        "\
Exit codes:
  0    finished: resolved, or report produced
  1    runtime failure (I/O, writing the report)
  2    usage: bad option, unknown symptom, missing or invalid answer
  3    invalid guide, config or report file
  130  cancelled (Ctrl-C, Esc)",
        "\
退出码：
  0    完成：问题已解决，或已生成报告
  1    运行出错（读写文件、写入报告失败）
  2    用法有误：选项不对、没有这个问题、回答缺失或无效
  3    指南、设置或报告文件有误
  130  已取消（Ctrl-C 或 Esc）",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_help_has_no_english_chrome_left() {
        let text = "用法：x [OPTIONS] [COMMAND]\n\n命令:\n  a  说明\n\n选项:\n";
        let out = localize_rendered(text, Lang::Zh);
        assert_eq!(
            out,
            "用法：x [选项] [命令]\n\n命令：\n  a  说明\n\n选项：\n"
        );
        assert_eq!(localize_rendered(text, Lang::En), text);
    }
}
