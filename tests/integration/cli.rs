//! The command line's contract: `list`, `guides show`, options, and every exit code.

use crate::test::Test;

/// A small guide a provider might ship.
const PROVIDER_GUIDE: &str = r#"
schema = 1
id = "provider-contact"
group = "other"
start = "done"
title = { en = "Reach Example Wallet", zh = "联系示例钱包" }
summary = { en = "How to reach us", zh = "联系我们的方式" }

[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = { en = "Call us from inside the app.", zh = "请在 App 内联系我们。" }
"#;

const PAYMENT_ANSWERS: &str = "answers/payment-failed.toml";

fn payment_run() -> Test {
    Test::new()
        .fixture_as(PAYMENT_ANSWERS, "answers.toml")
        .args(&["payment-failed", "--answers", "answers.toml"])
}

/// The line of `list` output that shows guide `id`.
fn list_line<'a>(stdout: &'a str, id: &str) -> &'a str {
    let prefix = format!("  {id} ");
    stdout
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no line for {id}:\n{stdout}"))
}

#[test]
fn list_groups_every_symptom_in_english() {
    let out = Test::new().args(&["list"]).run();
    let payments = out.stdout.find("Payments\n").unwrap();
    let money = out.stdout.find("\nMoney in and out\n").unwrap();
    let account = out.stdout.find("\nAccount and security\n").unwrap();
    let other = out.stdout.find("\nOther\n").unwrap();
    assert!(
        payments < money && money < account && account < other,
        "{}",
        out.stdout
    );
    let line = list_line(&out.stdout, "payment-failed");
    assert!(line.contains(" Payment failed — "), "{line}");
    assert!(
        out.stdout.find(line).unwrap() < money,
        "payment-failed is not under Payments"
    );
    assert!(out.stdout.find(list_line(&out.stdout, "contact")).unwrap() > other);
}

#[test]
fn list_follows_the_locale_and_fits_80_columns() {
    let out = Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(&["list"])
        .stdout_contains("付款\n")
        .run();
    assert!(list_line(&out.stdout, "payment-failed").contains(" 支付失败 — "));
    for line in out.stdout.lines() {
        assert!(console::measure_text_width(line) <= 80, "too wide: {line}");
    }
}

#[test]
fn list_json_has_id_title_summary_and_group() {
    let out = Test::new().args(&["list", "--json", "--lang", "zh"]).run();
    let list: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let first = list
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "payment-failed")
        .unwrap();
    assert_eq!(first["id"], "payment-failed");
    assert_eq!(first["title"], "支付失败");
    assert_eq!(first["group"], "payments");
    assert_eq!(first["source"], "bundled");
}

#[test]
fn guides_show_json_has_the_spec_shape() {
    let out = Test::new()
        .args(&["guides", "show", "payment-failed", "--json"])
        .run();
    let graph: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(graph["id"], "payment-failed");
    assert_eq!(graph["start"], "dont-retry");
    let steps = graph["steps"].as_array().unwrap();
    let tx = steps.iter().find(|s| s["id"] == "transaction-id").unwrap();
    assert_eq!(tx["kind"], "input");
    assert_eq!(tx["input"]["type"], "transaction-id");
    assert_eq!(tx["input"]["linkable"], true);
    let choice = steps.iter().find(|s| s["kind"] == "choice").unwrap();
    assert!(choice["choices"][0]["next"].is_string());
    for step in steps
        .iter()
        .filter(|s| s["kind"] == "info" || s["kind"] == "check")
    {
        assert!(step["next"].is_string(), "{step}");
    }
}

#[test]
fn guides_show_accepts_a_chinese_alias() {
    Test::new()
        .args(&["guides", "show", "支付失败", "--json", "--lang", "zh"])
        .stdout_contains("\"title\": \"支付失败\"")
        .run();
}

#[test]
fn a_scripted_run_prints_the_report_on_stdout_and_exits_0() {
    payment_run()
        .stdout_contains("Subject: [WH-20261121-")
        .stdout_contains("Amount          59.90 CNY")
        .stderr_contains("everything support needs")
        .run();
}

#[test]
fn a_resolved_path_prints_the_advice_and_no_report() {
    Test::new()
        .fixture_as(PAYMENT_ANSWERS, "answers.toml")
        .args(&[
            "payment-failed",
            "--answers",
            "answers.toml",
            "--set",
            "check-balance=yes",
        ])
        .stdout("")
        .run();
}

#[test]
fn set_wins_over_the_answers_file() {
    payment_run()
        .args(&["--set", "amount=$12.50"])
        .stdout_contains("12.50 USD")
        .run();
}

#[test]
fn a_chinese_alias_runs_the_guide() {
    Test::new()
        .fixture_as(PAYMENT_ANSWERS, "answers.toml")
        .args(&["支付失败", "--answers", "answers.toml", "--lang", "zh"])
        .stdout_contains("主题：[WH-20261121-")
        .run();
}

#[test]
fn output_is_written_atomically_and_never_replaced_without_force() {
    let out = payment_run().args(&["-o", "report.txt"]).stdout("").run();
    assert!(out.file("report.txt").starts_with("To: "));
    let full = std::fs::canonicalize(out.dir.join("report.txt")).unwrap();
    assert!(
        out.stderr
            .contains(&format!("Report saved to {}\n", full.display())),
        "the full path: {}",
        out.stderr
    );
    Test::new()
        .file("report.txt", "keep me")
        .args(&["contact", "--set", "what-happened=x", "-o", "report.txt"])
        .status(2)
        .stderr("error: `report.txt` already exists\nhint: pass `--force` to replace it\n")
        .run();
    let out = Test::new()
        .file("report.txt", "old")
        .args(&[
            "contact",
            "--set",
            "what-happened=it broke",
            "-o",
            "report.txt",
            "--force",
        ])
        .run();
    assert!(out.file("report.txt").contains("it broke"));
}

#[test]
fn exit_1_when_the_report_cannot_be_written_and_the_report_is_not_lost() {
    Test::new()
        .args(&[
            "contact",
            "--set",
            "what-happened=it broke",
            "-o",
            "no/such/folder/report.txt",
        ])
        .status(1)
        .stdout_contains("it broke")
        .stderr_contains("error: cannot create a file in `no/such/folder`")
        .run();
}

#[test]
fn exit_2_for_an_unknown_symptom_with_a_suggestion() {
    Test::new()
        .args(&["payment-faild"])
        .status(2)
        .stderr_contains("payment-failed")
        .run();
    Test::new()
        .args(&["guides", "show", "top-up-mising"])
        .status(2)
        .stderr("error: unknown symptom `top-up-mising`\nhint: did you mean `top-up-missing`?\n")
        .run();
}

#[test]
fn exit_2_for_a_missing_answer_without_a_terminal_never_waiting() {
    Test::new()
        .args(&["payment-failed"])
        .stdin("yes\nyes\n")
        .status(2)
        .stderr_contains("error: no answer for `account-signs`")
        .stderr_contains("hint: answer it with `--set account-signs=VALUE`")
        .run();
}

#[test]
fn exit_2_for_an_invalid_answer_naming_question_value_and_expectation() {
    payment_run()
        .args(&["--set", "amount=lots"])
        .status(2)
        .stderr_contains("error: invalid answer for `amount` in `--set`: `lots` is not valid; expected an amount, e.g. 59.90 CNY")
        .run();
    payment_run()
        .args(&["--set", "account-signs=maybe"])
        .status(2)
        .stderr_contains("`maybe` is not a choice; expected one of: nothing, limited, not-me")
        .run();
    payment_run()
        .args(&["--set", "occurred-at=2027-01-01 10:00"])
        .status(2)
        .stderr_contains("is in the future")
        .run();
}

#[test]
fn exit_2_for_an_unknown_question_or_malformed_set() {
    payment_run()
        .args(&["--set", "pin=1234"])
        .status(2)
        .stderr_contains(
            "error: `--set` answers `pin`, but guide `payment-failed` has no such question",
        )
        .run();
    payment_run()
        .args(&["--set", "amount"])
        .status(2)
        .stderr("error: `--set amount` is not of the form ID=VALUE\n")
        .run();
    Test::new()
        .file("answers.toml", "amount = [1, 2]\n")
        .args(&["payment-failed", "--answers", "answers.toml"])
        .status(2)
        .stderr("error: answers.toml:1:1: answers file is not valid: `amount` is a array; expected a string\n")
        .run();
    Test::new()
        .file("answers.toml", "amount = \n")
        .args(&["payment-failed", "--answers", "answers.toml"])
        .status(2)
        .stderr_contains("error: answers.toml:1:")
        .run();
}

#[test]
fn exit_2_for_a_bad_option_value() {
    Test::new()
        .args(&["list", "--lang", "fr"])
        .status(2)
        .stderr_contains("invalid value 'fr'")
        .run();
}

#[test]
fn exit_3_for_an_invalid_provider_guide_with_file_line_and_column() {
    Test::new()
        .file(
            "mine/broken.toml",
            "schema = 1\nid = \"broken\"\ngroup = \"payments\"\nstart = \"nowhere\"\n",
        )
        .args(&["--guides", "mine", "list"])
        .status(3)
        .stderr_contains("mine/broken.toml:4:9: `start` points to `nowhere`, which is not a step")
        .run();
}

#[test]
fn exit_3_for_an_invalid_config() {
    Test::new()
        .file("config.toml", "[support]\nemail = \"not an address\"\n")
        .args(&[
            "contact",
            "--set",
            "what-happened=x",
            "--config",
            "config.toml",
        ])
        .status(3)
        .stderr_contains(
            "error: config.toml:2:9: invalid config: `support.email` is `not an address`",
        )
        .run();
}

#[test]
fn the_provider_config_fills_the_to_line() {
    Test::new()
        .fixture("answers/config.toml")
        .args(&[
            "contact",
            "--set",
            "what-happened=x",
            "--config",
            "answers/config.toml",
        ])
        .stdout_contains("To: support@example.com\n")
        .run();
}

#[test]
fn a_provider_guide_replaces_the_bundled_one_and_adds_a_subcommand() {
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/guides/contact.toml"))
            .unwrap();
    let renamed = PROVIDER_GUIDE;
    let out = Test::new()
        .file("mine/provider-contact.toml", renamed)
        .file(
            "mine/contact.toml",
            &guide.replace("Contact support", "Talk to Example Wallet"),
        )
        .env("WALLET_HELP_GUIDES", "mine")
        .args(&["list", "--json"])
        .run();
    let list: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"provider-contact"), "{ids:?}");
    let contact = list
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "contact")
        .unwrap();
    assert_eq!(contact["source"], "mine/contact.toml");
}

#[test]
fn no_command_without_a_terminal_lists_symptoms_and_exits_2() {
    Test::new()
        .status(2)
        .stderr_contains("payment-failed")
        .stderr_contains("hint: run `wallet-help <id>`")
        .run();
}

#[test]
fn help_and_version_exit_0() {
    Test::new()
        .args(&["--help"])
        .stdout_contains("payment-failed")
        .stdout_contains("Exit codes:")
        .run();
    Test::new()
        .args(&["--version"])
        .stdout_contains(env!("CARGO_PKG_VERSION"))
        .run();
}

#[test]
fn secrets_typed_into_free_text_never_reach_the_report() {
    let out = Test::new()
        .args(&[
            "contact",
            "--format",
            "json",
            "--set",
            "what-happened=Card 4111 1111 1111 1111 was charged twice, the 验证码是 482913",
            "--set",
            "transaction-id=1217752501201407033233368018",
        ])
        .stderr_contains(
            "Privacy: removed or masked a card number and a verification code in \
             “What happened” from the report.",
        )
        .run();
    assert!(
        !out.stdout.contains("4111 1111 1111 1111") && !out.stdout.contains("482913"),
        "{}",
        out.stdout
    );
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        report["details"][0]["value"],
        "Card •••• 1111 was charged twice, the 验证码是 [removed]"
    );
    assert_eq!(
        report["details"][1]["value"], "1217752501201407033233368018",
        "transaction ids are kept"
    );
    assert_eq!(report["redactions"][0]["kind"], "card-number");
    assert_eq!(report["redactions"][1]["kind"], "verification-code");
    assert!(report["summary"].as_str().unwrap().contains("•••• 1111"));
}

#[test]
fn chinese_help_is_chinese_from_top_to_bottom() {
    for args in [
        &["--help"][..],
        &["search", "--help"],
        &["help", "guides"],
        &["payment-failed", "-h"],
    ] {
        let out = Test::new().env("LANG", "zh_CN.UTF-8").args(args).run();
        assert!(
            out.stdout.contains("用法：wallet-help"),
            "{args:?}\n{}",
            out.stdout
        );
        for english in [
            "Usage",
            "Options",
            "Commands",
            "Arguments",
            "Print help",
            "possible values",
            "[env",
            "[default",
            "[aliases",
        ] {
            assert!(
                !out.stdout.contains(english),
                "{args:?} has {english:?}\n{}",
                out.stdout
            );
        }
    }
}

#[test]
fn a_command_line_mistake_is_explained_in_chinese() {
    let out = Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(&["list", "--jsno"])
        .status(2)
        .run();
    assert!(
        out.stderr.starts_with("错误：没有 `--jsno` 这个选项"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("`--json`"), "{}", out.stderr);
    assert!(!out.stderr.contains("error:"), "{}", out.stderr);
}

#[test]
fn the_review_flag_is_described_as_what_it_skips() {
    let out = Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(&["--help"])
        .run();
    let yes = out.stdout.lines().find(|l| l.contains("--yes")).unwrap();
    assert!(yes.contains("确认报告"), "{yes}");
}

#[test]
fn errors_are_in_the_interface_language() {
    Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(&[
            "contact",
            "--no-input",
            "--set",
            "what-happened=x",
            "--set",
            "amount=lots",
        ])
        .status(2)
        .stderr_contains("错误：`--set`里给问题 `amount` 的回答 `lots` 不对：格式不对")
        .run();
    Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(&["open", "wallet-help:payment-failed"])
        .status(2)
        .stderr_contains("错误：链接 `wallet-help:payment-failed` 无效：应以 `wallet-help://` 开头")
        .stderr_contains("提示：链接的样子是")
        .run();
    Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(&["contact", "--answers", "missing.toml"])
        .status(1)
        .stderr_contains("错误：无法读取答案文件 `missing.toml`：找不到这个文件或文件夹")
        .run();
}
