//! A `Test` builder in the style of just's: arguments, environment, stdin and files in;
//! stdout, stderr, exit status and written files out. Every run is deterministic: a fixed
//! clock (`SOURCE_DATE_EPOCH`), a fixed `TZ`, English locale, `NO_COLOR`, and a private
//! home folder so no user config leaks in.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// 2026-11-21T15:04:05+08:00, the clock every test runs at.
pub const NOW_EPOCH: &str = "1795244645";

pub struct Test {
    dir: TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Option<String>,
    status: i32,
    stdout: Option<Expect>,
    stderr: Option<Expect>,
}

enum Expect {
    Exact(String),
    Contains(Vec<String>),
}

/// What a run produced, for further checks.
#[allow(dead_code)] // not every test reads every stream
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub dir: PathBuf,
    _dir: TempDir,
}

impl Output {
    /// A file the run wrote, relative to its working folder.
    pub fn file(&self, path: &str) -> String {
        fs::read_to_string(self.dir.join(path)).unwrap_or_else(|e| panic!("read {path}: {e}"))
    }
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().unwrap(),
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
            status: 0,
            stdout: None,
            stderr: None,
        }
    }

    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(ToString::to_string));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn stdin(mut self, input: &str) -> Test {
        self.stdin = Some(input.into());
        self
    }

    /// Writes a file into the run's working folder.
    pub fn file(self, path: &str, contents: &str) -> Test {
        let full = self.dir.path().join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(full, contents).unwrap();
        self
    }

    /// Copies a fixture from `tests/fixtures` into the working folder under the same name.
    pub fn fixture(self, path: &str) -> Test {
        let contents = fs::read_to_string(fixtures().join(path)).unwrap();
        self.file(path, &contents)
    }

    /// Copies a fixture into the working folder under another name.
    pub fn fixture_as(self, path: &str, name: &str) -> Test {
        let contents = fs::read_to_string(fixtures().join(path)).unwrap();
        self.file(name, &contents)
    }

    /// The run's working folder, to make what `file` cannot (a FIFO, a symlink) before `run`.
    pub fn dir_path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    pub fn status(mut self, code: i32) -> Test {
        self.status = code;
        self
    }

    pub fn stdout(mut self, expected: &str) -> Test {
        self.stdout = Some(Expect::Exact(expected.into()));
        self
    }

    pub fn stderr(mut self, expected: &str) -> Test {
        self.stderr = Some(Expect::Exact(expected.into()));
        self
    }

    pub fn stdout_contains(mut self, needle: &str) -> Test {
        push_contains(&mut self.stdout, needle);
        self
    }

    pub fn stderr_contains(mut self, needle: &str) -> Test {
        push_contains(&mut self.stderr, needle);
        self
    }

    /// Runs the binary and checks everything that was asked for.
    pub fn run(self) -> Output {
        let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wallet-help"));
        cmd.current_dir(self.dir.path())
            .args(&self.args)
            .env_clear();
        for (k, v) in base_env(self.dir.path())
            .into_iter()
            .chain(self.env.clone())
        {
            cmd.env(k, v);
        }
        cmd.write_stdin(self.stdin.clone().unwrap_or_default());
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let context = format!(
            "args: {:?}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
            self.args
        );
        assert_eq!(
            out.status.code(),
            Some(self.status),
            "exit status\n{context}"
        );
        check(self.stdout.as_ref(), &stdout, "stdout", &context);
        check(self.stderr.as_ref(), &stderr, "stderr", &context);
        Output {
            stdout,
            stderr,
            dir: self.dir.path().to_path_buf(),
            _dir: self.dir,
        }
    }
}

fn push_contains(slot: &mut Option<Expect>, needle: &str) {
    match slot {
        Some(Expect::Contains(list)) => list.push(needle.into()),
        _ => *slot = Some(Expect::Contains(vec![needle.into()])),
    }
}

fn check(expect: Option<&Expect>, actual: &str, stream: &str, context: &str) {
    match expect {
        Some(Expect::Exact(expected)) => {
            pretty_assertions::assert_eq!(actual, expected.as_str(), "{stream}\n{context}");
        }
        Some(Expect::Contains(needles)) => {
            for n in needles {
                assert!(
                    actual.contains(n.as_str()),
                    "{stream} lacks {n:?}\n{context}"
                );
            }
        }
        None => {}
    }
}

fn base_env(home: &Path) -> Vec<(String, String)> {
    let home = home.display().to_string();
    [
        ("PATH", std::env::var("PATH").unwrap_or_default()),
        ("HOME", home.clone()),
        ("XDG_CONFIG_HOME", format!("{home}/.config")),
        ("SOURCE_DATE_EPOCH", NOW_EPOCH.into()),
        ("TZ", "Asia/Shanghai".into()),
        ("LANG", "en_US.UTF-8".into()),
        ("NO_COLOR", "1".into()),
        ("TERM", "dumb".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Compares `actual` with `tests/expected/<name>`; `UPDATE_GOLDEN=1` rewrites the file.
pub fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    pretty_assertions::assert_eq!(actual, expected, "golden file {name}");
}

/// Replaces what differs between machines (the OS and its version) with placeholders.
pub fn normalize_device(report: &str) -> String {
    let now: jiff::Zoned = "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap();
    let device = wallet_help::checks::device::collect(&now);
    let mut out = report.replace(
        &format!("{} {}", device.os, device.os_version),
        "<os> <os-version>",
    );
    for (value, placeholder) in [
        (&device.os, "<os>"),
        (&device.os_version, "<os-version>"),
        (&device.arch, "<arch>"),
    ] {
        out = out.replace(&format!("\"{value}\""), &format!("\"{placeholder}\""));
        out = out.replace(&format!("  {value}\n"), &format!("  {placeholder}\n"));
        out = out.replace(&format!(": {value}\n"), &format!(": {placeholder}\n"));
        out = out.replace(&format!("：{value}\n"), &format!("：{placeholder}\n"));
    }
    out
}
