//! Where the output goes when it cannot go anywhere: a full or closed stdout, a full stderr,
//! a reader that stops early. The tool never panics (exit 101) and never claims a report it
//! did not deliver.

use std::process::Command;

/// Runs `wallet-help ARGS REDIRECTIONS` through bash (with `pipefail`, so a pipeline's status
/// is ours), closing or filling a stream as a user's shell would; returns the exit status and
/// stderr.
fn shell(args: &str, redirections: &str) -> (Option<i32>, String) {
    let home = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_wallet-help");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("set -o pipefail; '{bin}' {args} {redirections}"))
        .current_dir(home.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("SOURCE_DATE_EPOCH", crate::test::NOW_EPOCH)
        .env("TZ", "Asia/Shanghai")
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

const REPORT: &str = "contact --no-input --set what-happened=declined";

#[test]
fn a_report_sent_to_a_full_stdout_is_a_failure() {
    let (code, stderr) = shell(REPORT, ">/dev/full");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("standard output"), "{stderr}");
}

#[test]
fn a_report_sent_to_a_closed_stdout_is_a_failure() {
    let (code, stderr) = shell(REPORT, ">&-");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("standard output is closed"), "{stderr}");
}

#[test]
fn a_report_thrown_away_on_purpose_is_not_a_failure() {
    let (code, stderr) = shell(REPORT, ">/dev/null");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn an_error_with_a_full_stderr_keeps_its_exit_code_and_does_not_panic() {
    let (code, _) = shell("no-such-symptom", "2>/dev/full");
    assert_eq!(code, Some(2));
}

#[test]
fn a_run_whose_messages_were_lost_on_a_full_stderr_fails() {
    let (code, _) = shell(REPORT, ">/dev/null 2>/dev/full");
    assert_eq!(code, Some(1));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `head` closes the pipe after three bytes; the rest of the list has nowhere to go.
    let (code, stderr) = shell("guides check", "2>&1 | head -c 3 >/dev/null");
    assert_eq!(code, Some(0), "{stderr}");
    let (code, stderr) = shell("list", "| head -c 3 >/dev/null");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
