//! Command-line mistakes in the user's language. clap explains them in English only; a
//! Chinese session gets the same facts (what was wrong, what is accepted, the closest
//! option, the usage line) in Chinese, built from the structured context clap attaches.

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::help;
use crate::lang::Lang;

/// The error as the user should read it: clap's own text in English, ours in Chinese.
pub fn render(error: &clap::Error, lang: Lang) -> String {
    match lang {
        Lang::En => error.render().to_string(),
        Lang::Zh => render_zh(error),
    }
}

fn render_zh(error: &clap::Error) -> String {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // Help is already in Chinese; only clap's own words in the usage line are not.
        return help::localize_rendered(&error.render().to_string(), Lang::Zh);
    }
    let mut out = format!("错误：{}\n", message_zh(error));
    if let Some(tip) = tip_zh(error) {
        let _ = writeln!(out, "\n  提示：{tip}");
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = help::localize_rendered(&usage.to_string(), Lang::Zh);
        let _ = writeln!(out, "\n{}", usage.trim());
    }
    out.push_str("\n更多说明请运行 `wallet-help --help`。\n");
    out
}

/// One piece of context as text: a single value, or several joined with 、.
fn value(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        // `Bool`, `None`, and whatever clap adds later: nothing to quote.
        _ => None,
    }
}

/// What went wrong, as one sentence.
fn message_zh(error: &clap::Error) -> String {
    let arg = value(error, ContextKind::InvalidArg).unwrap_or_default();
    let given = value(error, ContextKind::InvalidValue).unwrap_or_default();
    let sub = value(error, ContextKind::InvalidSubcommand).unwrap_or_default();
    let number = |kind| value(error, kind).unwrap_or_default();
    match error.kind() {
        ErrorKind::UnknownArgument => format!("没有 `{arg}` 这个选项"),
        ErrorKind::InvalidValue if given.is_empty() => format!("`{arg}` 后面需要一个值"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("`{arg}` 的值 `{given}` 无效")
        }
        ErrorKind::InvalidSubcommand => format!("没有 `{sub}` 这个命令"),
        ErrorKind::MissingRequiredArgument => format!("缺少必填的参数：{arg}"),
        ErrorKind::MissingSubcommand => format!("`{sub}` 后面需要再写一个子命令"),
        ErrorKind::TooManyValues => format!("`{arg}` 多给了一个值 `{given}`"),
        ErrorKind::TooFewValues => format!(
            "`{arg}` 至少需要 {} 个值，现在只有 {} 个",
            number(ContextKind::MinValues),
            number(ContextKind::ActualNumValues)
        ),
        ErrorKind::WrongNumberOfValues => format!(
            "`{arg}` 需要 {} 个值，现在有 {} 个",
            number(ContextKind::ExpectedNumValues),
            number(ContextKind::ActualNumValues)
        ),
        ErrorKind::ArgumentConflict => match value(error, ContextKind::PriorArg) {
            Some(prior) if prior != arg => format!("`{arg}` 不能和 `{prior}` 一起用"),
            _ => format!("`{arg}` 只能用一次"),
        },
        ErrorKind::NoEquals => format!("给 `{arg}` 赋值要用等号，例如 `{arg}=值`"),
        ErrorKind::InvalidUtf8 => "命令行里有不是 UTF-8 编码的文字".into(),
        _ => "命令行写得不对".into(),
    }
}

/// What to try instead, when clap knows: accepted values or the closest name.
fn tip_zh(error: &clap::Error) -> Option<String> {
    if let Some(arg) = value(error, ContextKind::SuggestedArg) {
        return Some(format!("有个相近的选项：`{arg}`"));
    }
    if let Some(sub) = value(error, ContextKind::SuggestedSubcommand) {
        return Some(format!("你要找的是不是 `{sub}`？"));
    }
    if let Some(v) = value(error, ContextKind::SuggestedValue) {
        return Some(format!("你要填的是不是 `{v}`？"));
    }
    if let Some(values) = value(error, ContextKind::ValidValue) {
        return Some(format!("可以填：{values}"));
    }
    if let Some(subs) = value(error, ContextKind::ValidSubcommand) {
        return Some(format!("可用的子命令：{subs}"));
    }
    if error.kind() == ErrorKind::UnknownArgument {
        let arg = value(error, ContextKind::InvalidArg)?;
        return Some(format!(
            "如果 `{arg}` 是要填的内容而不是选项，请写在 `--` 后面：`-- {arg}`"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::catalog::Catalog;

    fn error_for(args: &[&str]) -> clap::Error {
        let catalog = Catalog::load(&[]).unwrap();
        let mut command_line = vec!["wallet-help"];
        command_line.extend_from_slice(args);
        crate::cli::command(&catalog, Lang::Zh)
            .try_get_matches_from(command_line)
            .unwrap_err()
    }

    #[test]
    fn an_unknown_option_is_named_in_chinese_with_the_closest_one() {
        let text = render(&error_for(&["list", "--jsno"]), Lang::Zh);
        assert!(text.starts_with("错误：没有 `--jsno` 这个选项\n"), "{text}");
        assert!(text.contains("提示：有个相近的选项：`--json`"), "{text}");
        assert!(text.contains("用法：wallet-help list"), "{text}");
        assert!(!text.contains("Usage"), "{text}");
    }

    #[test]
    fn a_bad_value_lists_what_is_accepted() {
        let text = render(&error_for(&["list", "--lang", "fr"]), Lang::Zh);
        assert!(text.contains("`--lang <语言>` 的值 `fr` 无效"), "{text}");
        assert!(text.contains("可以填：en、zh"), "{text}");
    }

    #[test]
    fn a_missing_argument_and_a_missing_subcommand_are_explained() {
        let text = render(&error_for(&["search"]), Lang::Zh);
        assert!(text.contains("缺少必填的参数：<问题描述>..."), "{text}");
        let text = render(&error_for(&["guides", "show"]), Lang::Zh);
        assert!(text.contains("缺少必填的参数"), "{text}");
    }

    #[test]
    fn english_keeps_clap_s_own_words() {
        let text = render(&error_for(&["list", "--jsno"]), Lang::En);
        assert!(
            text.contains("unexpected argument '--jsno' found"),
            "{text}"
        );
    }
}
