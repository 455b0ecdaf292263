//! Drafts in a real terminal: a guide stopped with Ctrl-C keeps its answers (redacted) as a
//! draft, and `resume` continues it to the same report a run without the stop writes.

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use expectrl::Expect;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;

use crate::cases::Home;
use crate::test::NOW_EPOCH;

const TIMEOUT: Duration = Duration::from_secs(10);

/// `wallet-help ARGS` in a pseudo-terminal, in `home`.
struct Pty {
    session: OsSession,
    raw: Vec<u8>,
    seen: usize,
    eof: bool,
}

impl Pty {
    fn spawn(home: &Home, args: &[&str]) -> Pty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wallet-help"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env("TZ", "Asia/Shanghai")
            .env("SOURCE_DATE_EPOCH", NOW_EPOCH)
            .env("LANG", "en_US.UTF-8")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .current_dir(home.path());
        Pty {
            session: OsSession::spawn(cmd).unwrap(),
            raw: Vec::new(),
            seen: 0,
            eof: false,
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 4096];
        while !self.eof {
            match self.session.try_read(&mut buf) {
                Ok(0) => self.eof = true,
                Ok(n) => self.raw.extend_from_slice(buf.get(..n).unwrap()),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // The pty closes with EIO on Linux once the child has exited.
                Err(_) => self.eof = true,
            }
        }
    }

    fn text(&self) -> String {
        strip_ansi(&String::from_utf8_lossy(&self.raw))
    }

    fn expect(&mut self, needle: &str) {
        let start = Instant::now();
        loop {
            self.pump();
            let text = self.text();
            if let Some(at) = text.get(self.seen..).and_then(|t| t.find(needle)) {
                self.seen += at + needle.len();
                return;
            }
            assert!(!self.eof, "ended before {needle:?}:\n{text}");
            assert!(
                start.elapsed() < TIMEOUT,
                "no {needle:?} within {TIMEOUT:?}:\n{text}"
            );
            thread::sleep(Duration::from_millis(5));
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    fn answer(&mut self, prompt: &str, typed: &str) {
        self.expect(prompt);
        self.send(&format!("{typed}\r"));
    }

    fn finish(&mut self) -> i32 {
        let start = Instant::now();
        while !self.eof {
            self.pump();
            assert!(start.elapsed() < TIMEOUT, "did not exit:\n{}", self.text());
            thread::sleep(Duration::from_millis(5));
        }
        match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("{other:?}\n{}", self.text()),
        }
    }
}

/// Removes CSI and other escape sequences, and `\r`.
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for n in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&n) {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn a_guide_stopped_with_ctrl_c_resumes_to_the_same_report() {
    let home = Home::new();
    let mut pty = Pty::spawn(&home, &["payment-failed"]);
    // "Nothing unusual" in the app, the first choice.
    pty.answer("❯ Nothing unusual", "");
    pty.answer(
        "? Your answer › ",
        "Card declined (51), card 4111 1111 1111 1111",
    );
    // The tripwire takes the card number out; Enter keeps the cleaned answer.
    pty.answer("press Enter, or change it first.", "");
    pty.answer("When did the payment fail?", "2026-11-21 14:03");
    pty.answer("How much was the payment?", "¥59.9");
    pty.expect("Start with the simple things.");
    thread::sleep(Duration::from_millis(200));
    // Ctrl-C asks first; a second Ctrl-C stops at once.
    pty.send("\x03");
    pty.expect("Stop here? Your answers are kept as a draft.");
    pty.send("\x03");
    pty.expect(
        "Your answers are kept as draft 1: `wallet-help resume` continues where you stopped.",
    );
    assert_eq!(pty.finish(), 130);

    let listed = home.run(&["resume"]).run();
    assert!(
        listed
            .stdout
            .starts_with("1  payment-failed  Payment failed  (4 answers, just now)"),
        "{}",
        listed.stdout
    );
    let bytes: Vec<u8> = std::fs::read(home.journal()).unwrap_or_default();
    let wal = std::fs::read(home.journal().with_extension("sqlite3-wal")).unwrap_or_default();
    for stored in [&bytes, &wal] {
        assert!(!String::from_utf8_lossy(stored).contains("4111 1111 1111 1111"));
    }

    // The rest answered by a script: the same report as one run without the stop.
    let rest = ["--answers", "answers.toml", "--format", "json"];
    let mut resume = vec!["resume", "last"];
    resume.extend(rest);
    let resumed = home
        .run(&resume)
        .stderr_contains("Continuing draft 1: your 4 answers are kept, each checked again.")
        .run();
    let mut direct = vec![
        "payment-failed",
        "--set",
        "error-message=Card declined (51), card •••• 1111",
    ];
    direct.extend(rest);
    let direct = home.run(&direct).run();
    let resumed: serde_json::Value = serde_json::from_str(&resumed.stdout).unwrap();
    let direct: serde_json::Value = serde_json::from_str(&direct.stdout).unwrap();
    assert_eq!(resumed, direct);
    // A finished draft is gone.
    home.run(&["resume"])
        .stderr_contains("No unfinished guides.")
        .run();
}

#[test]
fn resume_discard_and_unknown_drafts() {
    let home = Home::new();
    let mut pty = Pty::spawn(&home, &["payment-failed"]);
    pty.answer("❯ Nothing unusual", "");
    pty.answer("? Your answer › ", "Card declined");
    pty.expect("When did the payment fail?");
    thread::sleep(Duration::from_millis(200));
    pty.send("\x03");
    pty.expect("Stop here?");
    pty.send("y");
    pty.expect("kept as draft 1");
    assert_eq!(pty.finish(), 130);
    home.run(&["resume", "7"])
        .status(2)
        .stderr_contains("error: no draft `7`")
        .run();
    home.run(&["resume", "1", "--discard"])
        .stderr_contains("Draft 1 deleted.")
        .run();
    home.run(&["resume"])
        .stderr_contains("No unfinished guides.")
        .run();
}

/// A terminal closed in the middle of a guide (the window shut, the SSH link lost) does not
/// lose the answers: the run stops without asking, and they are kept as a draft.
#[test]
fn a_closed_terminal_keeps_the_answers_as_a_draft() {
    let home = Home::new();
    let mut pty = Pty::spawn(&home, &["payment-failed"]);
    pty.answer("❯ Nothing unusual", "");
    pty.answer("? Your answer › ", "Card declined");
    pty.expect("When did the payment fail?");
    thread::sleep(Duration::from_millis(200));
    // Closing the pty's master side hangs the terminal up: the child gets SIGHUP.
    drop(pty);
    let start = Instant::now();
    loop {
        let listed = home.run(&["resume"]).run();
        if listed
            .stdout
            .starts_with("1  payment-failed  Payment failed  (2 answers")
        {
            break;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "no draft after the terminal closed:\n{}{}",
            listed.stdout,
            listed.stderr
        );
        thread::sleep(Duration::from_millis(100));
    }
}
