//! Provider settings: `config check`, every problem at once with its place, and a broken
//! `--config` stopping every command that would use it.

use crate::test::Test;

const GOOD: &str = r#"[provider]
name = "Example Wallet"
currency = "CNY"
[support]
email = "support@example.com"
phones = ["+86 400 000 0000", "95188"]
website = "https://example.com/help"
chat = "Me → Help → Chat with us"
complaints = "https://example.com/complaints"
"#;

const BROKEN: &str = "[provider]\nname = 3\n[support]\nphones = [\"call us\"]\nwebsite = \"javascript:alert(1)\"\nhours = \"9\\u001b[2J\"\nemial = \"a@b.c\"\n";

#[test]
fn config_check_shows_a_valid_file_as_the_tool_reads_it() {
    Test::new()
        .file("config.toml", GOOD)
        .args(&["config", "check", "config.toml"])
        .stdout(
            "config.toml: valid
  provider.name       Example Wallet
  provider.currency   CNY
  support.email       support@example.com
  support.phones      +86 400 000 0000, 95188
  support.website     https://example.com/help
  support.chat        Me → Help → Chat with us
  support.complaints  https://example.com/complaints
",
        )
        .run();
}

#[test]
fn config_check_lists_every_problem_with_its_place_and_exits_3() {
    Test::new()
        .file("broken.toml", BROKEN)
        .args(&["config", "check", "broken.toml"])
        .status(3)
        .stderr(
            "broken.toml:2:8: `provider.name` is an integer; expected a string
broken.toml:4:11: `support.phones` is `call us`; expected a phone number: digits, spaces and `-`
broken.toml:5:11: `support.website` is `javascript:alert(1)`; expected a link that starts with https://
broken.toml:6:9: `support.hours` is `9\u{fffd}[2J`; it holds the control character U+001B; expected plain text
broken.toml:7:1: unknown key `support.emial`; did you mean `email`?
error: 5 problems in config file `broken.toml`
hint: every key is described, with an example, in docs/providers.md
",
        )
        .run();
}

#[test]
fn config_check_without_a_file_checks_the_one_in_use() {
    Test::new()
        .args(&["config", "check"])
        .stdout_contains("No provider settings: the bundled default is in use.")
        .run();
    Test::new()
        .file(".config/wallet-help/config.toml", GOOD)
        .args(&["config", "check"])
        .stdout_contains("/.config/wallet-help/config.toml: valid\n")
        .run();
    Test::new()
        .file("env.toml", BROKEN)
        .env("WALLET_HELP_CONFIG", "env.toml")
        .args(&["config", "check"])
        .status(3)
        .stderr_contains("error: 5 problems in config file `env.toml`")
        .run();
    Test::new()
        .args(&["config", "check", "--lang", "zh"])
        .stdout_contains("没有服务商设置，正在使用内置默认设置")
        .run();
}

#[test]
fn a_missing_file_is_a_usage_error_and_a_folder_or_a_huge_file_is_invalid() {
    Test::new()
        .args(&["config", "check", "nowhere.toml"])
        .status(2)
        .stderr(
            "error: config file `nowhere.toml` does not exist\n\
             hint: check the path given to `--config` or `WALLET_HELP_CONFIG`\n",
        )
        .run();
    Test::new()
        .file("folder/x", "")
        .args(&["config", "check", "folder"])
        .status(3)
        .stderr_contains(
            "error: folder:1:1: invalid config: this is a folder; expected a TOML file",
        )
        .run();
    Test::new()
        .file("big.toml", &"#".repeat(1024 * 1024 + 1))
        .args(&["config", "check", "big.toml"])
        .status(3)
        .stderr_contains("a config file may have at most 1048576 (1 MiB)")
        .run();
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let test = Test::new().file("keep", "");
    let out = test.args(&["config", "check", "pipe.toml"]);
    // The working folder exists once the first file is written; make the FIFO there.
    let dir = out.dir_path();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.toml"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    out.status(3)
        .stderr_contains("pipe.toml:1:1: invalid config: this is not a regular file")
        .run();
}

#[test]
fn a_broken_config_stops_every_command_that_would_use_it() {
    for args in [
        &["contact", "--set", "what-happened=x"][..],
        &["open", "wallet-help://contact"][..],
        &[][..],
    ] {
        let mut all = vec!["--config", "broken.toml"];
        all.extend_from_slice(args);
        Test::new()
            .file("broken.toml", BROKEN)
            .args(&all)
            .status(3)
            .stderr_contains("error: 5 problems in config file `broken.toml`")
            .run();
    }
    Test::new()
        .args(&[
            "--config",
            "missing.toml",
            "contact",
            "--set",
            "what-happened=x",
        ])
        .status(2)
        .stderr_contains("error: config file `missing.toml` does not exist")
        .run();
}

#[test]
fn the_to_line_uses_the_chat_when_there_is_no_address() {
    Test::new()
        .file(
            "config.toml",
            "[support]\nchat = \"Me → Help → Chat with us\"\n",
        )
        .args(&[
            "contact",
            "--set",
            "what-happened=x",
            "--config",
            "config.toml",
        ])
        .stdout_contains("To: the chat in your wallet app (Me → Help → Chat with us)\n")
        .run();
    Test::new()
        .file(
            "config.toml",
            "[support]\nwebsite = \"https://example.com/help\"\n",
        )
        .args(&[
            "contact",
            "--set",
            "what-happened=x",
            "--config",
            "config.toml",
            "--report-lang",
            "zh",
        ])
        .stdout_contains("收件人：帮助页面 https://example.com/help\n")
        .run();
}

/// `provider.currency` is the currency of a bare amount wherever the amount comes from: an
/// answers file or `--set` when the guide runs, and a link opened with `open`.
#[test]
fn a_bare_amount_is_in_the_providers_currency() {
    let config = "[provider]\nname = \"Example Wallet\"\ncurrency = \"GBP\"\n";
    let amount = |out: &crate::test::Output| -> String {
        let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let details = report["details"].as_array().unwrap();
        let amount = details.iter().find(|d| d["id"] == "amount").unwrap();
        amount["value"].as_str().unwrap().to_string()
    };
    let run = Test::new()
        .file("c.toml", config)
        .fixture_as("answers/payment-failed.toml", "answers.toml")
        .args(&[
            "payment-failed",
            "--answers",
            "answers.toml",
            "--set",
            "amount=59.9",
            "--config",
            "c.toml",
            "--format",
            "json",
            "--no-journal",
        ])
        .run();
    assert_eq!(amount(&run), "59.90 GBP");
    // The answers file would win over the link: this one leaves the amount to the link.
    let answers =
        std::fs::read_to_string(crate::test::fixtures().join("answers/payment-failed.toml"))
            .unwrap()
            .replace("amount = \"¥59.9\"\n", "");
    let opened = Test::new()
        .file("c.toml", config)
        .file("answers.toml", &answers)
        .args(&[
            "open",
            "wallet-help://payment-failed?amount=12.5",
            "--answers",
            "answers.toml",
            "--config",
            "c.toml",
            "--format",
            "json",
            "--no-journal",
        ])
        .run();
    assert_eq!(amount(&opened), "12.50 GBP");
    // Without the key, the locale decides (en_US: dollars).
    let plain = Test::new()
        .fixture_as("answers/payment-failed.toml", "answers.toml")
        .args(&[
            "payment-failed",
            "--answers",
            "answers.toml",
            "--set",
            "amount=59.9",
            "--format",
            "json",
            "--no-journal",
        ])
        .run();
    assert_eq!(amount(&plain), "59.90 USD");
}
