//! Hostile answers that once reached a report as they were typed (issue 10): a terminal
//! escape sequence, and a Markdown fence that swallowed the rest of the report. Each case
//! here failed on the build before the fix (`scripts/hostile.sh` shows both side by side).

use crate::test::Test;

/// `contact` for a script, with `what-happened` set to `answer`, in `format`.
fn report_with(answer: &str, format: &str) -> String {
    Test::new()
        .args(&[
            "contact",
            "--lang",
            "en",
            "--no-input",
            "--yes",
            "--format",
            format,
            "--set",
            &format!("what-happened={answer}"),
        ])
        .status(0)
        .run()
        .stdout
}

#[test]
fn escape_sequences_in_an_answer_never_reach_a_report() {
    // Screen clear, a clipboard write (OSC 52), a hyperlink (OSC 8), a bell and a C1 CSI.
    let answer =
        "it failed\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{1b}]8;;https://evil.io\u{7}here\u{9b}31m";
    for format in ["text", "markdown", "json"] {
        let report = report_with(answer, format);
        assert!(
            report.contains("it failed"),
            "{format}: the answer is kept\n{report}"
        );
        for control in ['\u{1b}', '\u{7}', '\u{9b}'] {
            assert!(
                !report.contains(control),
                "{format}: {control:?} reached the report\n{report}"
            );
        }
    }
}

#[test]
fn a_tilde_fence_in_an_answer_does_not_swallow_the_markdown_report() {
    let report = report_with("it failed\n~~~\nthen nothing", "markdown");
    assert!(
        !report
            .lines()
            .any(|line| line.trim_start().starts_with("~~~")),
        "a line opens a fence:\n{report}"
    );
    // What follows the answer is still read as Markdown: the report ends with its sections.
    assert!(report.contains("then nothing"), "{report}");
}
