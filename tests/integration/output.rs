//! Where `-o` writes: regular files only, whatever the flags; `-` is standard output; the
//! extension picks the format; a report that cannot be written is exit 1 or 2, never 0.

use crate::test::Test;

const CONTACT: [&str; 3] = ["contact", "--set", "what-happened=x"];

fn contact<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args: Vec<&'a str> = CONTACT.to_vec();
    args.extend_from_slice(extra);
    args
}

/// Devices are reached through a symlink in the test's folder, so that a regression replaces
/// the link, never the machine's `/dev/null`.
#[cfg(unix)]
#[test]
fn a_device_is_never_replaced_even_with_force() {
    let test = Test::new().file("keep", "");
    let link = test.dir_path().join("null");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let out = test
        .args(&contact(&["-o", "null", "--force"]))
        .status(2)
        .stderr_contains("error: `null` is a device, not a regular file\n")
        .stderr_contains("hint: `-o` writes regular files only, even with `--force`; `-o -` writes to standard output\n")
        .run();
    let still = std::fs::symlink_metadata(out.dir.join("null")).unwrap();
    assert!(still.file_type().is_symlink(), "the link is untouched");
}

#[test]
fn a_folder_is_refused_before_any_question() {
    Test::new()
        .file("folder/keep", "")
        .args(&contact(&["-o", "folder", "--force"]))
        .status(2)
        .stderr_contains("error: `folder` is a folder, not a regular file")
        .run();
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_opening_it() {
    let test = Test::new().file("keep", "");
    let made = std::process::Command::new("mkfifo")
        .arg(test.dir_path().join("pipe"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    test.args(&contact(&["-o", "pipe", "--force"]))
        .status(2)
        .stderr_contains("error: `pipe` is a pipe, not a regular file")
        .run();
}

#[test]
fn dash_writes_the_report_to_standard_output() {
    let out = Test::new()
        .args(&contact(&["-o", "-", "--format", "json"]))
        .stdout_contains("\"schema\": \"wallet-help.report/1\"")
        .run();
    assert!(!out.stderr.contains("Report saved"), "{}", out.stderr);
}

#[test]
fn the_extension_chooses_the_format() {
    let out = Test::new().args(&contact(&["-o", "report.json"])).run();
    let json: serde_json::Value = serde_json::from_str(&out.file("report.json")).unwrap();
    assert_eq!(json["schema"], "wallet-help.report/1");
    let out = Test::new().args(&contact(&["-o", "report.md"])).run();
    assert!(
        out.file("report.md").starts_with("# [WH-"),
        "{}",
        out.file("report.md")
    );
    let out = Test::new()
        .args(&contact(&["-o", "report.json", "--format", "text"]))
        .run();
    assert!(out.file("report.json").starts_with("To: "));
}

#[cfg(unix)]
#[test]
fn a_full_standard_output_is_an_error() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wallet-help"))
        .args(CONTACT)
        .env("NO_COLOR", "1")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: cannot write to `standard output`"),
        "{stderr}"
    );
}
