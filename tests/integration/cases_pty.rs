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
        Pty::spawn_with(home, args, &[])
    }

    /// As [`Pty::spawn`], with more environment (which wins over the usual).
    fn spawn_with(home: &Home, args: &[&str], env: &[(&str, std::ffi::OsString)]) -> Pty {
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
        for (key, value) in env {
            cmd.env(key, value);
        }
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

/// A desktop whose email app is a script: `xdg-mime` names one, `xdg-open` copies what it is
/// given to `opened.eml` in the home folder.
#[cfg(unix)]
fn desktop_with_an_email_app(home: &Home) -> Vec<(&'static str, std::ffi::OsString)> {
    use std::os::unix::fs::PermissionsExt as _;
    let bin = home.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let opened = home.path().join("opened.eml");
    for (name, script) in [
        (
            "xdg-mime",
            "#!/bin/sh\necho thunderbird.desktop\n".to_string(),
        ),
        (
            "xdg-open",
            format!(
                "#!/bin/sh\ncp \"$1\" '{}.part' && mv '{0}.part' '{0}'\n",
                opened.display()
            ),
        ),
    ] {
        let path = bin.join(name);
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut path = std::ffi::OsString::from(bin);
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    vec![
        ("PATH", path),
        ("DISPLAY", ":99".into()),
        ("TMPDIR", home.path().into()),
    ]
}

#[cfg(unix)]
#[test]
fn a_letter_reviewed_in_a_terminal_opens_in_the_email_app_as_a_draft() {
    let home = Home::new();
    home.report(&[]);
    home.at(
        2,
        &[
            "cases",
            "log",
            "last",
            "--channel",
            "phone",
            "--promised",
            "in 5 days",
        ],
    )
    .run();
    std::fs::write(
        home.path().join("c.toml"),
        "[support]\nemail = \"support@example.com\"\n",
    )
    .unwrap();
    let env = desktop_with_an_email_app(&home);
    let mut pty = Pty::spawn_with(
        &home,
        &["cases", "follow-up", "last", "--config", "c.toml"],
        &env,
    );
    pty.expect("Your letter (nothing is sent yet)");
    pty.expect("❯ It's right: show it here, to copy");
    // Down twice: "open it in my email app".
    pty.send("\x1b[B");
    pty.send("\x1b[B");
    pty.send("\r");
    pty.expect("Opened the letter as an email draft in your email app");
    assert_eq!(pty.finish(), 0);
    let opened = home.path().join("opened.eml");
    let start = Instant::now();
    while !opened.exists() {
        assert!(
            start.elapsed() < TIMEOUT,
            "xdg-open was not run:\n{}",
            pty.text()
        );
        thread::sleep(Duration::from_millis(20));
    }
    let bytes = std::fs::read(&opened).unwrap();
    let message = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    let to = message
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address());
    assert_eq!(to, Some("support@example.com"));
    assert!(message.subject().unwrap().starts_with("Follow-up: [WH-"));
    assert!(String::from_utf8_lossy(&bytes).contains("X-Unsent: 1"));
    // The letter is noted in the journal once it has left.
    let case = home.run(&["cases", "show", "last", "--json"]).run();
    assert!(
        case.stdout.contains("\"kind\": \"follow-up\""),
        "{}",
        case.stdout
    );
}

#[test]
fn a_letter_saved_from_the_review_goes_where_the_save_dialog_says() {
    let home = Home::new();
    home.report(&[]);
    let mut pty = Pty::spawn(&home, &["cases", "escalate", "last", "--lang", "zh"]);
    // The report is in English: the letter is too, and the review says how to get Chinese.
    pty.expect("需要中文版的话，请加上 --report-lang zh。");
    pty.expect("❯ 没问题：显示在这里，方便复制");
    pty.send("\x1b[B");
    pty.send("\r");
    pty.expect(&format!("将保存到文件夹 {}", home.path().display()));
    pty.answer("-complaint.txt)", "");
    pty.expect("信函已保存到 ");
    assert_eq!(pty.finish(), 0);
    let saved: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with("-complaint.txt"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let letter = std::fs::read_to_string(home.path().join(&saved[0])).unwrap();
    assert!(
        letter.starts_with("To: the provider's formal complaint channel"),
        "{letter}"
    );
}
