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
