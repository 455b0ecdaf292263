//! `config check [FILE]`: validates provider settings, every problem at once with file, line
//! and column (exit 3), and shows a valid file's settings as the tool reads them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::ArgMatches;

use super::print_stdout;
use crate::config::Config;
use crate::error::{Result, exit};
use crate::lang::Lang;
use crate::settings::Settings;

pub(super) fn check(settings: &Settings, matches: &ArgMatches) -> Result<u8> {
    let lang = settings.lang;
    let explicit = matches
        .get_one::<PathBuf>("file")
        .or(settings.config.as_ref());
    let Some(path) = Config::locate(explicit.map(PathBuf::as_path)) else {
        print_stdout(&no_file(lang))?;
        return Ok(exit::OK);
    };
    let config = Config::read(&path)?;
    print_stdout(&summary(&path, &config, lang))?;
    Ok(exit::OK)
}

fn no_file(lang: Lang) -> String {
    let place = dirs::config_dir().map_or_else(
        || "wallet-help/config.toml".to_string(),
        |d| {
            d.join("wallet-help")
                .join("config.toml")
                .display()
                .to_string()
        },
    );
    match lang {
        Lang::En => format!(
            "No provider settings: the bundled default is in use. It names no provider and sends \
             users to their wallet app's Help page.\nA provider's file goes in {place}, or is \
             given with --config FILE or WALLET_HELP_CONFIG.\n"
        ),
        Lang::Zh => format!(
            "没有服务商设置，正在使用内置默认设置：不指定服务商，并请用户到钱包 App 的“帮助”页面联系客服。\n\
             服务商的设置文件放在 {place}，也可以用 --config FILE 或 WALLET_HELP_CONFIG 指定。\n"
        ),
    }
}

/// `FILE: valid`, then every key that is set, as the tool will use it.
fn summary(path: &Path, config: &Config, lang: Lang) -> String {
    let s = &config.support;
    let phones = s.phones.join(", ");
    let rows: Vec<(&str, Option<&str>)> = vec![
        ("provider.name", config.provider.as_deref()),
        ("provider.currency", config.currency.as_deref()),
        ("support.email", s.email.as_deref()),
        (
            "support.phones",
            (!phones.is_empty()).then_some(phones.as_str()),
        ),
        ("support.website", s.website.as_deref()),
        ("support.hours", s.hours.as_deref()),
        ("support.timezone", s.timezone.as_deref()),
        ("support.chat", s.chat.as_deref()),
        ("support.complaints", s.complaints.as_deref()),
    ];
    let set: Vec<(&str, &str)> = rows
        .into_iter()
        .filter_map(|(key, value)| value.map(|v| (key, v)))
        .collect();
    let mut out = match lang {
        Lang::En => format!("{}: valid\n", path.display()),
        Lang::Zh => format!("{}\u{ff1a}有效\n", path.display()),
    };
    if set.is_empty() {
        out.push_str(lang.pick(
            "  (no keys set: the same as the bundled default)\n",
            "  （没有设置任何项，与内置默认设置相同）\n",
        ));
    }
    let width = set.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in set {
        let _ = writeln!(out, "  {key:<width$}  {value}");
    }
    out
}
