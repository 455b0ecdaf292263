//! Answers as people type them, through every way in: `--set`, an answers file and a support
//! link. None of them may crash the tool, and each means the same wherever it came from.

use crate::test::Test;

/// The amounts from the new-user audit that crashed the tool (exit 101, every answer lost),
/// and what they are.
const CRASHED: [(&str, &str); 10] = [
    ("5角", "0.50 CNY"),
    ("8毛", "0.80 CNY"),
    ("9角", "0.90 CNY"),
    ("1万", "10000.00 CNY"),
    ("3刀", "3.00 USD"),
    ("60元左右", "about 60.00 CNY"),
    ("5毛钱", "0.50 CNY"),
    ("12块钱", "12.00 CNY"),
    ("59元9角", "59.90 CNY"),
    ("1元2角3分", "1.23 CNY"),
];

/// `contact` with its one required answer, for a user in China reading English.
fn contact() -> Test {
    Test::new().env("LANG", "zh_CN.UTF-8").args(&[
        "contact",
        "--lang",
        "en",
        "--no-input",
        "--set",
        "what-happened=the payment failed",
    ])
}

#[test]
fn chinese_amounts_are_read_through_set_answers_file_and_link() {
    for (amount, shown) in CRASHED {
        let set = format!("amount={amount}");
        let row = format!("Amount         {shown}\n");
        contact().args(&["--set", &set]).stdout_contains(&row).run();
        contact()
            .file("answers.toml", &format!("amount = \"{amount}\"\n"))
            .args(&["--answers", "answers.toml"])
            .stdout_contains(&row)
            .run();
        let link = format!("wallet-help://contact?amount={amount}");
        Test::new()
            .env("LANG", "zh_CN.UTF-8")
            .args(&[
                "open",
                &link,
                "--lang",
                "en",
                "--no-input",
                "--set",
                "what-happened=x",
            ])
            .stdout_contains(&row)
            .run();
    }
}

#[test]
fn a_time_the_clocks_skipped_is_refused_with_the_reason() {
    contact()
        .env("TZ", "America/New_York")
        .args(&["--set", "occurred-at=2026-03-08 02:30"])
        .status(2)
        .stderr_contains("in America/New_York the clocks went forward 60 minutes")
        .stderr_contains("if your phone showed 03:30, write that")
        .run();
}

#[test]
fn offsets_beyond_fourteen_hours_and_dates_before_1900_are_refused() {
    contact()
        .args(&["--set", "occurred-at=2026-11-21T10:00:00+25:00"])
        .status(2)
        .stderr_contains("beyond ±14:00")
        .run();
    contact()
        .env("TZ", "America/New_York")
        .args(&["--set", "occurred-at=1677-01-01 10:00"])
        .status(2)
        .stderr_contains("too long ago")
        .run();
}

#[cfg(unix)]
#[test]
fn an_answers_file_must_be_a_small_regular_file() {
    contact()
        .args(&["--answers", "/dev/zero"])
        .status(2)
        .stderr_contains(
            "error: cannot use `/dev/zero` as an answers file: it is not a regular file",
        )
        .stderr_contains("hint: an answers file is a small TOML file")
        .run();
    contact()
        .args(&["--answers", "."])
        .status(2)
        .stderr_contains("it is a folder")
        .run();
    // One byte over the limit is refused; the limit itself is read.
    let limit = 1024 * 1024;
    let padding = |len: usize| format!("amount = \"1 CNY\"\n#{}\n", "x".repeat(len - 19));
    contact()
        .file("big.toml", &padding(limit + 1))
        .args(&["--answers", "big.toml"])
        .status(2)
        .stderr_contains("larger than 1024 KiB")
        .run();
    contact()
        .file("limit.toml", &padding(limit))
        .args(&["--answers", "limit.toml"])
        .stdout_contains("1.00 CNY")
        .run();
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("answers.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    contact()
        .args(&["--answers", fifo.to_str().unwrap()])
        .status(2)
        .stderr_contains("it is not a regular file")
        .run();
}

#[cfg(unix)]
#[test]
fn a_link_to_a_regular_answers_file_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    std::fs::write(&real, "amount = \"2 CNY\"\n").unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    contact()
        .args(&["--answers", link.to_str().unwrap()])
        .stdout_contains("2.00 CNY")
        .run();
}

#[test]
fn errors_quote_at_most_80_characters_of_a_value_with_controls_escaped() {
    let hostile = format!("\u{1b}[2J\u{7}{}", "9".repeat(10_000));
    let out = contact()
        .args(&["--set", &format!("amount={hostile}")])
        .status(2)
        .stderr_contains("`\\u{1b}[2J\\u{7}999")
        .run();
    assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
    assert!(out.stderr.len() < 600, "{} bytes", out.stderr.len());
    let out = contact()
        .args(&["--set", &format!("\u{1b}]0;pwned\u{7}{}", "x".repeat(5000))])
        .status(2)
        .run();
    assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
    assert!(out.stderr.len() < 600, "{} bytes", out.stderr.len());
}
