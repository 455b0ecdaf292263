//! Answers as people type them, through every way in: `--set`, an answers file and a support
//! link. None of them may crash the tool, and each means the same wherever it came from.

use crate::test::Test;

/// The amounts from the new-user audit that crashed the tool (exit 101, every answer lost).
const CRASHED: [&str; 10] = [
    "5角",
    "8毛",
    "9角",
    "1万",
    "3刀",
    "60元左右",
    "5毛钱",
    "12块钱",
    "59元9角",
    "1元2角3分",
];

fn contact() -> Test {
    Test::new().args(&[
        "contact",
        "--no-input",
        "--set",
        "what-happened=the payment failed",
    ])
}

#[test]
fn chinese_amounts_never_crash_through_set_answers_file_or_link() {
    for amount in CRASHED {
        let set = format!("amount={amount}");
        contact().args(&["--set", &set]).status(2).run();
        contact()
            .file("answers.toml", &format!("amount = \"{amount}\"\n"))
            .args(&["--answers", "answers.toml"])
            .status(2)
            .run();
        let link = format!("wallet-help://contact?amount={amount}");
        Test::new()
            .args(&["open", &link, "--no-input", "--set", "what-happened=x"])
            .status(2)
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
