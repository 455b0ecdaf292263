//! Guide files and folders as they come (issue 10): only regular files (or links to them) of
//! at most 4 MiB are guides; a FIFO, a link loop, a broken link or a file that is not UTF-8
//! is a clear problem at its place, exit 3, for `--guides` and `guides check` alike, and never
//! a hang.

use std::fs;
use std::path::Path;
use std::time::Duration;

const GUIDE: &str = r#"schema = 1
id = "loyalty-points"
group = "other"
start = "done"
title = { en = "Loyalty points missing", zh = "积分没到账" }
summary = { en = "Points are not in your account", zh = "积分没有到账" }
[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = { en = "Points arrive within a day.", zh = "积分一天内到账。" }
"#;

/// Runs the binary in `dir` with a private home; its exit code and stderr. A hang fails.
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wallet-help"))
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stderr)
}

/// Both ways of reading `path`: checking it, and loading it with a command.
fn both_ways(dir: &Path, path: &str, problem: &str) {
    for args in [&["guides", "check", path][..], &["--guides", path, "list"]] {
        let (status, stderr) = run(dir, args);
        assert_eq!(status, 3, "{args:?}: {stderr}");
        assert!(stderr.contains(problem), "{args:?}: {stderr}");
    }
}

#[test]
fn a_file_that_is_not_utf8_is_placed_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("guides")).unwrap();
    let bytes = GUIDE
        .replace("within a day", "within a \u{1} day")
        .into_bytes();
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 1 { 0xff } else { b })
        .collect();
    fs::write(dir.path().join("guides/points.toml"), bytes).unwrap();
    // `list` reads headers only; checking the file, or running the guide, reads it all.
    let problem = "guides/points.toml:11:39: cannot read: not UTF-8: byte 0xff";
    for args in [
        &["guides", "check", "guides"][..],
        &["--guides", "guides", "loyalty-points", "--no-input"],
    ] {
        let (status, stderr) = run(dir.path(), args);
        assert_eq!(status, 3, "{args:?}: {stderr}");
        assert!(stderr.contains(problem), "{args:?}: {stderr}");
    }
}

#[test]
fn a_guide_file_larger_than_4_mib_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("guides")).unwrap();
    let mut text = GUIDE.to_string();
    text.push_str("# ");
    text.push_str(&"x".repeat(4 << 20));
    text.push('\n');
    fs::write(dir.path().join("guides/points.toml"), text).unwrap();
    both_ways(
        dir.path(),
        "guides",
        "larger than the 4 MiB a guide file may be",
    );
}

#[test]
fn a_folder_whose_only_guide_is_a_folder_does_not_check_as_fine() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("guides/points.toml")).unwrap();
    both_ways(
        dir.path(),
        "guides",
        "guides/points.toml:1:1: cannot read: not a regular file but a folder",
    );
}

#[cfg(unix)]
#[test]
fn links_fifos_and_loops_say_what_they_are() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A link to a regular file is a guide like any other.
    fs::create_dir(d.join("linked")).unwrap();
    fs::write(d.join("points.toml"), GUIDE).unwrap();
    symlink(d.join("points.toml"), d.join("linked/points.toml")).unwrap();
    let (status, stderr) = run(d, &["guides", "check", "linked"]);
    assert_eq!(status, 0, "{stderr}");
    // A folder whose only guide is a broken link does not check as fine.
    fs::create_dir(d.join("broken")).unwrap();
    symlink("nowhere.toml", d.join("broken/a.toml")).unwrap();
    both_ways(
        d,
        "broken",
        "broken/a.toml:1:1: cannot read: a broken link (to nowhere.toml",
    );
    // A link loop is not "no such file".
    symlink("loop", d.join("loop")).unwrap();
    both_ways(
        d,
        "loop",
        "loop:1:1: cannot read: a link that cannot be followed (too many",
    );
    // A FIFO is not "not a directory", and is never opened (which would wait for a writer).
    let fifo = d.join("fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        both_ways(
            d,
            "fifo",
            "fifo:1:1: cannot read: not a guide file or folder but a FIFO",
        );
        fs::create_dir(d.join("piped")).unwrap();
        fs::rename(&fifo, d.join("piped/a.toml")).unwrap();
        both_ways(
            d,
            "piped",
            "piped/a.toml:1:1: cannot read: not a regular file but a FIFO",
        );
    } else {
        eprintln!("skipped the FIFO cases: no mkfifo");
    }
}

#[test]
fn a_missing_guide_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    both_ways(
        dir.path(),
        "nowhere",
        "nowhere:1:1: cannot read: no such file or folder",
    );
}
