//! Every error and hint in Chinese, written for a Chinese reader rather than translated word
//! for word. Values stay as the user typed them; only the tool's own words change.

use std::io;

use super::Error;
use crate::lang::Lang;

pub(super) fn message(error: &Error) -> String {
    match error {
        Error::Cli(e) => e.to_string(),
        Error::UnknownSymptom { id, .. } => format!("没有叫 `{id}` 的问题"),
        Error::MissingAnswer { step, .. } => {
            format!("问题 `{step}` 没有回答，而现在不能提问（用了 --no-input，或输入不是终端）")
        }
        Error::InvalidAnswer {
            step,
            value,
            origin,
            reason,
        } => format!(
            "{}里给问题 `{step}` 的回答 `{value}` 不对：{}",
            origin.describe(Lang::Zh),
            reason.zh
        ),
        Error::UnknownQuestion {
            key, origin, guide, ..
        } => format!(
            "{}回答了 `{key}`，但指南 `{guide}` 里没有这个问题",
            origin.describe(Lang::Zh)
        ),
        Error::BadSet { arg } => format!("`--set {arg}` 的写法不对，应为 问题ID=回答"),
        Error::BadLink { link, reason } => format!("链接 `{link}` 无效：{}", reason.zh),
        Error::LinkTooLong { len, max } => {
            format!("链接有 {len} 个字符，最多只能有 {max} 个")
        }
        Error::NotLinkable { key, guide, .. } => {
            format!("指南 `{guide}` 不允许通过链接填写 `{key}`")
        }
        Error::LinkSetsOption { key } => format!("`{key}` 是命令选项，链接不能设置选项"),
        Error::AnswersFile { location, message } => {
            format!("{location}：答案文件格式不对：{message}")
        }
        Error::AnswersFileRefused { path, reason } => {
            format!("`{}` 不能用作答案文件：{}", path.display(), reason.zh)
        }
        Error::AnswerLoop { step } => format!("预先给出的回答让流程又绕回了 `{step}`"),
        Error::InvalidGuides { issues } => format!("指南文件里有 {} 处问题", issues.len()),
        Error::InvalidConfig { location, message } => {
            format!("{location}：设置文件有误：{message}")
        }
        Error::OutputExists { path } => format!("`{}` 已经存在", path.display()),
        Error::Io {
            action,
            path,
            source,
        } => format!(
            "无法{} `{}`：{}",
            action_zh(action),
            path.display(),
            io_reason(source)
        ),
        Error::Terminal(source) => format!("无法写入终端：{}", io_reason(source)),
        Error::BadEnv {
            name,
            value,
            expected,
        } => format!("环境变量 `{name}` 的值是 `{value}`，应为 {expected}"),
        Error::Journal { path, message } => {
            format!("案件记录 `{}` 出错：{message}", path.display())
        }
        Error::JournalCorrupt { path, reason } => format!(
            "案件记录 `{}` 已损坏（{reason}），已原样保留，没有改动",
            path.display()
        ),
        Error::JournalTooNew {
            path,
            version,
            supported,
        } => format!(
            "案件记录 `{}` 是第 {version} 版格式，这个版本的工具最多只能读第 {supported} 版",
            path.display()
        ),
        Error::JournalOff => "案件记录已关闭".into(),
        Error::UnknownCase { case, .. } => format!("没有编号为 `{case}` 的案件"),
        Error::AmbiguousCase { case, matches } => {
            format!("`{case}` 对应不止一个案件：{}", matches.join("、"))
        }
        Error::UnknownDraft { draft } => format!("没有编号为 `{draft}` 的草稿"),
        Error::InvalidOption {
            option,
            value,
            reason,
        } => format!("`{option}` 的值 `{value}` 无效：{}", reason.zh),
        Error::ConfigIssues { file, issues } => {
            format!("设置文件 `{file}` 里有 {} 处问题", issues.len())
        }
        Error::ConfigMissing { path } => format!("设置文件 `{}` 不存在", path.display()),
        Error::SetupRefused { reason } => format!("无法运行 setup：{}", reason.zh),
        Error::SetupConflict { items } => {
            format!("{} 不是 setup 创建的，不会替换", items.join("、"))
        }
        Error::SetupChanged { items } => {
            format!("{} 在 setup 写入后被改动过，所以没有删除", items.join("、"))
        }
        Error::InvalidReport { location, message } => {
            format!("{location}：报告无效：{message}")
        }
        Error::OutputNotAFile { path, what } => format!(
            "`{}` 是{}，不是普通文件",
            path.display(),
            file_kind_zh(what)
        ),
        Error::Cancelled => "已取消".into(),
    }
}

/// What `-o` found instead of a file, in Chinese.
fn file_kind_zh(what: &str) -> &str {
    match what {
        "a device" => "设备",
        "a pipe" => "管道",
        "a socket" => "套接字",
        "a folder" => "文件夹",
        other => other,
    }
}

pub(super) fn hint(error: &Error) -> Option<String> {
    match error {
        Error::UnknownSymptom { suggestions, .. } if !suggestions.is_empty() => {
            Some(format!("你要找的是不是 `{}`？", suggestions.join("`、`")))
        }
        Error::UnknownSymptom { .. } => Some(
            "运行 `wallet-help list` 可以看到所有问题；也可以用 `wallet-help search` 加上描述来找"
                .into(),
        ),
        Error::MissingAnswer { step, expected } => Some(format!(
            "用 `--set {step}=回答` 或 `--answers` 文件给出回答；应为{}",
            expected.zh
        )),
        Error::UnknownQuestion { guide, known, .. } => Some(format!(
            "指南 `{guide}` 的问题有：{}（也可运行 `wallet-help guides show {guide} --json` 查看）",
            known.join("、")
        )),
        Error::BadLink { .. } => {
            Some("链接的样子是 wallet-help://payment-failed?amount=59.90%20CNY".into())
        }
        Error::AnswersFileRefused { .. } => {
            Some("答案文件是一个小小的 TOML 文件，每行写一个 `问题ID = \"回答\"`".into())
        }
        Error::LinkTooLong { .. } => Some("较长的回答不要放进链接，运行指南时会再问".into()),
        Error::NotLinkable {
            guide, linkable, ..
        } if linkable.is_empty() => Some(format!(
            "指南 `{guide}` 的问题都不能通过链接填写，运行时按提示回答即可"
        )),
        Error::NotLinkable { linkable, .. } => Some(format!(
            "链接只能填写：{}；其余问题运行指南时会再问",
            linkable.join("、")
        )),
        Error::LinkSetsOption { .. } => {
            Some("`--output`、`--guides`、`--config` 这类选项请直接写在命令行里".into())
        }
        Error::AnswerLoop { .. } => Some("换一个回答跳出这个循环，或在终端里逐个回答".into()),
        Error::OutputExists { .. } => Some("如果要覆盖，请加上 `--force`".into()),
        Error::OutputNotAFile { .. } => Some(
            "`-o` 只写普通文件，加了 `--force` 也一样；`-o -` 表示输出到标准输出".into(),
        ),
        Error::InvalidConfig { .. } | Error::ConfigIssues { .. } => {
            Some("每个设置项的说明和示例见 docs/providers.md".into())
        }
        Error::SetupConflict { .. } => Some(
            "加上 `--force` 会替换它们（原来的会保留，`setup --undo` 时放回）；`--print` 可以先看看会做什么".into(),
        ),
        Error::SetupChanged { .. } => Some("用 `setup --undo --force` 仍可删除".into()),
        Error::ConfigMissing { .. } => {
            Some("检查 `--config` 或 `WALLET_HELP_CONFIG` 给出的路径".into())
        }
        Error::JournalCorrupt { path, .. } => Some(format!(
            "把它挪到别处（例如 `mv {0} {0}.damaged`），下次生成报告时会新建一份案件记录",
            path.display()
        )),
        Error::JournalTooNew { .. } => Some("它是新版 wallet-help 写的，请用那个版本来查看".into()),
        Error::JournalOff => {
            Some("因为用了 `--no-journal`，或设置文件里写了 `journal = false`".into())
        }
        Error::UnknownCase { .. } => Some("运行 `wallet-help cases` 可以看到所有案件".into()),
        Error::AmbiguousCase { .. } => Some("多写几位编号，或写完整的报告编号".into()),
        Error::UnknownDraft { .. } => Some("运行 `wallet-help resume` 可以看到所有草稿".into()),
        _ => None,
    }
}

/// The action of an I/O error (`read config`, `write to`) as Chinese words; an action the
/// table does not know stays in English rather than being guessed.
fn action_zh(action: &str) -> String {
    let words = match action {
        "read config" => "读取设置文件",
        "read answers file" => "读取答案文件",
        "read guide folder" => "读取指南文件夹",
        "read guide file" => "读取指南文件",
        "read" => "读取",
        "write" | "write to" => "写入",
        "create a file in" => "在这个文件夹里创建文件：",
        "render" => "生成",
        other => return other.to_string(),
    };
    words.to_string()
}

/// Why an I/O operation failed, in Chinese for the kinds people meet; the system's own
/// words (often English) for the rest.
fn io_reason(error: &io::Error) -> String {
    let words = match error.kind() {
        io::ErrorKind::NotFound => "找不到这个文件或文件夹",
        io::ErrorKind::PermissionDenied => "没有权限",
        io::ErrorKind::AlreadyExists => "已经存在",
        io::ErrorKind::StorageFull => "磁盘已满",
        io::ErrorKind::ReadOnlyFilesystem => "这里是只读的",
        io::ErrorKind::IsADirectory => "这是一个文件夹",
        io::ErrorKind::NotADirectory => "路径中有一项不是文件夹",
        io::ErrorKind::InvalidData => "内容不是有效的文字（UTF-8）",
        io::ErrorKind::BrokenPipe => "读取的一方已经关闭",
        io::ErrorKind::Interrupted => "被中断了",
        _ => return error.to_string(),
    };
    words.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Origin;
    use crate::lang::Text;

    #[test]
    fn an_invalid_answer_says_where_it_came_from_and_why_in_chinese() {
        let error = Error::InvalidAnswer {
            step: "amount".into(),
            value: "abc".into(),
            origin: Origin::Set,
            reason: Box::new(Text::new("is not valid", "格式不对")),
        };
        assert_eq!(
            error.message(Lang::Zh),
            "`--set`里给问题 `amount` 的回答 `abc` 不对：格式不对"
        );
        assert_eq!(
            error.message(Lang::En),
            "invalid answer for `amount` in `--set`: `abc` is not valid"
        );
    }

    #[test]
    fn io_errors_name_the_action_and_the_cause_in_chinese() {
        let error = Error::io(
            "read answers file",
            "a.toml",
            io::Error::from(io::ErrorKind::NotFound),
        );
        assert_eq!(
            error.message(Lang::Zh),
            "无法读取答案文件 `a.toml`：找不到这个文件或文件夹"
        );
    }

    #[test]
    fn every_hint_in_english_has_one_in_chinese() {
        let errors = [
            Error::UnknownSymptom {
                id: "x".into(),
                suggestions: vec!["支付失败".into()],
            },
            Error::OutputExists {
                path: "r.txt".into(),
            },
            Error::LinkTooLong {
                len: 3000,
                max: 2000,
            },
        ];
        for error in errors {
            assert_eq!(
                error.hint(Lang::En).is_some(),
                error.hint(Lang::Zh).is_some(),
                "{error}"
            );
        }
    }
}
