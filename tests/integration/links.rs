//! Support links: `link` makes them, `open` runs them (SPEC "Links").

use crate::test::Test;

const TXN: &str = "2026112122001400000000001234";

/// The rest of payment-failed's contact-support path: everything a link may not set.
const REST: &str = r#"
error-message = "Card declined (51)"
account-signs = "nothing"
check-connection = "no"
check-balance = "no"
check-limit = "no"
check-card-details = "no"
check-other-method = "no"
how-paid = "online"
check-issuer = "no"
merchant = "Example Coffee"
"#;

fn open(link: &str) -> Test {
    Test::new().file("rest.toml", REST).args(&[
        "open",
        link,
        "--answers",
        "rest.toml",
        "--no-input",
    ])
}

/// Runs `args` without prompts, expects exit 2 with `message` on stderr and nothing on
/// stdout; returns stderr.
fn usage_error(args: &[&str], message: &str) -> String {
    let out = Test::new()
        .args(args)
        .args(&["--no-input"])
        .status(2)
        .stderr_contains(message)
        .run();
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    out.stderr
}

#[test]
fn link_prints_the_link_and_the_same_command_line() {
    Test::new()
        .args(&[
            "link",
            "payment-failed",
            "--set",
            &format!("transaction-id={TXN}"),
            "--set",
            "amount=59.90 CNY",
        ])
        .stdout(&format!(
            "wallet-help://payment-failed?transaction-id={TXN}&amount=59.90%20CNY\n\
             wallet-help payment-failed --set transaction-id={TXN} --set 'amount=59.90 CNY'\n"
        ))
        .stderr("")
        .run();
}

#[test]
fn link_takes_an_alias_writes_the_id_and_fixes_relative_times() {
    Test::new()
        .args(&[
            "link",
            "支付失败",
            "--set",
            "amount=59.9元",
            "--set",
            "occurred-at=yesterday 9:30",
            "--set",
            "amount=¥60",
        ])
        .stdout(
            "wallet-help://payment-failed?amount=%C2%A560&occurred-at=2026-11-20T09:30:00%2B08:00\n\
             wallet-help payment-failed --set 'amount=¥60' --set occurred-at=2026-11-20T09:30:00+08:00\n",
        )
        .run();
}

#[test]
fn link_without_answers_is_just_the_guide() {
    Test::new()
        .args(&["link", "contact"])
        .stdout("wallet-help://contact\nwallet-help contact\n")
        .run();
}

#[test]
fn link_refuses_what_open_would_refuse() {
    usage_error(
        &["link", "payment-failed", "--set", "error-message=declined"],
        "error: guide `payment-failed` does not let a link set `error-message`\n\
         hint: a link may set only: occurred-at, amount, transaction-id",
    );
    usage_error(
        &["link", "payment-failed", "--set", "output=report.txt"],
        "error: `output` is an option, and a link cannot set options\n",
    );
    usage_error(
        &["link", "payment-failed", "--set", "amount=abc"],
        "error: invalid answer for `amount` in `--set`: `abc` is not valid; expected an amount",
    );
    usage_error(
        &["link", "payment-faild"],
        "error: unknown symptom `payment-faild`\nhint: did you mean `payment-failed`?",
    );
    usage_error(
        &["link", "account-locked", "--set", "phone=+86 139 1234 5678"],
        "hint: no question of `account-locked` can be set by a link",
    );
    usage_error(
        &["link", "payment-failed", "--set", "amount"],
        "error: `--set amount` is not of the form ID=VALUE",
    );
}

#[test]
fn open_fills_in_the_links_answers_and_runs_to_a_report() {
    let link = format!(
        "wallet-help://payment-failed?transaction-id={TXN}&amount=59.9%E5%85%83&occurred-at=2026-11-21%2014:03"
    );
    open(&link)
        .stdout_contains("Transaction ID  2026112122001400000000001234\n")
        .stdout_contains("Amount          59.90 CNY\n")
        .stdout_contains("Failed at       2026-11-21T14:03:00+08:00\n")
        .stdout_contains("Merchant        Example Coffee\n")
        .run();
}

#[test]
fn open_accepts_what_link_prints() {
    let made = Test::new()
        .args(&[
            "link",
            "支付失败",
            "--set",
            &format!("transaction-id={TXN}"),
            "--set",
            "amount=1,299.00 HKD",
            "--set",
            "occurred-at=今天 14:03",
        ])
        .run();
    let link = made.stdout.lines().next().unwrap();
    open(link)
        .stdout_contains("Amount          1299.00 HKD\n")
        .stdout_contains("Failed at       2026-11-21T14:03:00+08:00\n")
        .run();
}

#[test]
fn a_chinese_alias_arrives_percent_encoded() {
    open("wallet-help://%E6%94%AF%E4%BB%98%E5%A4%B1%E8%B4%A5?amount=59.9%E5%85%83&occurred-at=14:03&transaction-id=2026112122001400000000001234")
        .stdout_contains("Subject: [WH-")
        .stdout_contains("] Payment failed\n")
        .run();
}

#[test]
fn answers_and_set_win_over_the_link() {
    let link = format!(
        "wallet-help://payment-failed?transaction-id={TXN}&amount=1%20USD&occurred-at=14:03"
    );
    open(&link)
        .args(&["--set", "amount=2 USD"])
        .file(
            "rest.toml",
            &format!("{REST}occurred-at = \"2026-11-21 10:00\"\n"),
        )
        .stdout_contains("Amount          2.00 USD\n")
        .stdout_contains("Failed at       2026-11-21T10:00:00+08:00\n")
        .stdout_contains(&format!("Transaction ID  {TXN}\n"))
        .run();
}

#[test]
fn a_link_without_the_rest_still_says_which_question_is_missing() {
    Test::new()
        .args(&[
            "open",
            "wallet-help://payment-failed?amount=5%20CNY",
            "--no-input",
        ])
        .status(2)
        .stderr_contains("error: no answer for `account-signs`")
        .run();
}

#[test]
fn open_refuses_questions_the_guide_does_not_let_a_link_set() {
    usage_error(
        &["open", "wallet-help://payment-failed?error-message=hi"],
        "error: guide `payment-failed` does not let a link set `error-message`\n\
         hint: a link may set only: occurred-at, amount, transaction-id",
    );
    usage_error(
        &["open", "wallet-help://payment-failed?account-signs=nothing"],
        "does not let a link set `account-signs`",
    );
    usage_error(
        &["open", "wallet-help://payment-failed?no-such-question=1"],
        "does not let a link set `no-such-question`",
    );
}

#[test]
fn a_link_can_never_set_options() {
    for key in [
        "output", "-o", "--output", "guides", "--guides", "config", "answers", "force", "format",
        "lang",
    ] {
        let link = format!("wallet-help://payment-failed?{key}=x");
        usage_error(
            &["open", &link],
            &format!("error: `{key}` is an option, and a link cannot set options\n"),
        );
    }
    // Nothing was written where the link asked.
    let out = Test::new()
        .args(&[
            "open",
            "wallet-help://payment-failed?output=report.txt",
            "--no-input",
        ])
        .status(2)
        .run();
    assert!(!out.dir.join("report.txt").exists());
}

#[test]
fn malformed_links_are_usage_errors() {
    for (link, reason) in [
        (
            "https://example.com/help",
            "it does not start with `wallet-help://`",
        ),
        ("wallet-help://", "it names no symptom"),
        (
            "wallet-help://payment-failed?amount=5%ZZ",
            "the value of `amount` has a `%` that is not followed by two hex digits",
        ),
        ("wallet-help://payment-failed?amount", "`amount` has no `=`"),
        (
            "wallet-help://payment-failed?amount=1&amount=2",
            "it sets `amount` twice",
        ),
        (
            "wallet-help://payment-failed?amount=1#x",
            "it has a `#` part",
        ),
        (
            "wallet-help://payment-failed?amount=%1B%5B2J",
            "the value of `amount` has a control character once decoded",
        ),
    ] {
        let stderr = usage_error(
            &["open", link],
            &format!("error: invalid link `{link}`: {reason}"),
        );
        assert!(
            stderr.contains("hint: a link looks like wallet-help://"),
            "{stderr}"
        );
    }
}

#[test]
fn a_long_link_is_refused_with_its_length() {
    let link = format!("wallet-help://contact?transaction-id={}", "1".repeat(2000));
    usage_error(
        &["open", &link],
        "error: the link is 2037 characters long; a link may have at most 2000\n",
    );
}

#[test]
fn an_unknown_symptom_gets_suggestions() {
    usage_error(
        &["open", "wallet-help://payment-faild?amount=1%20CNY"],
        "error: unknown symptom `payment-faild`\nhint: did you mean `payment-failed`?",
    );
    usage_error(
        &["open", "wallet-help://%E6%94%AF%E4%BB%98?amount=1"],
        "error: unknown symptom `支付`",
    );
}

#[test]
fn an_invalid_value_names_the_question_the_value_and_what_is_expected() {
    usage_error(
        &["open", "wallet-help://payment-failed?amount=abc"],
        "error: invalid answer for `amount` in the link: `abc` is not valid; expected an amount, e.g. 59.90 CNY",
    );
    // Checked even when `--set` would replace it.
    usage_error(
        &[
            "open",
            "wallet-help://payment-failed?occurred-at=2099-01-01%2010:00",
            "--set",
            "occurred-at=14:03",
        ],
        "error: invalid answer for `occurred-at` in the link: `2099-01-01 10:00` is in the future",
    );
}
