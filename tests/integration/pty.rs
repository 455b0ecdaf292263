//! PTY tests: the real dialoguer prompts driven through a pseudo-terminal.
//!
//! Each test starts the binary in an 80x24 pty (ptyprocess's default, which keeps Select from
//! paging), sends the keys a person would press (`ESC [ B` for down, `\r` for Enter, a single
//! `y`/`n` for a Confirm, `\x03` for Ctrl-C, a lone `\x1b` for Esc) and matches on the output with
//! ANSI escapes and `\r` removed. Prompts (stderr) and the report (stdout) arrive on the same pty.
//!
//! The output is read with short non-blocking reads and a 5 ms pause between them, instead of
//! expectrl's `expect()`, which busy-polls a core while it waits.

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use expectrl::Expect;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;

/// How long any one expected text may take to appear.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Down arrow, as a terminal in normal cursor mode sends it (SS3 `ESC O B` is not understood).
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";
const ESC: &str = "\x1b";
const SHOW_CURSOR: &str = "\x1b[?25h";
const HIDE_CURSOR: &str = "\x1b[?25l";
/// 2026-11-21T15:04:05+08:00.
const NOW: &str = "1795244645";

/// A running `wallet-help` in a pseudo-terminal, and everything it has written so far.
struct Pty {
    session: OsSession,
    /// Every byte read from the pty, escapes included.
    raw: Vec<u8>,
    /// How much of `text()` earlier `expect` calls have consumed.
    seen: usize,
    eof: bool,
    /// HOME and XDG_CONFIG_HOME; kept alive for the life of the process.
    _home: tempfile::TempDir,
}

impl Pty {
    /// Starts `wallet-help ARGS` with a fixed, clean environment: xterm, no colour, English,
    /// Shanghai time frozen at [`NOW`], and an empty home so no user config is read.
    fn spawn(args: &[&str]) -> Pty {
        let home = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wallet-help"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env("TZ", "Asia/Shanghai")
            .env("SOURCE_DATE_EPOCH", NOW)
            .env("LANG", "en_US.UTF-8")
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"));
        let mut session = OsSession::spawn(cmd).unwrap();
        session.set_expect_timeout(Some(TIMEOUT));
        Pty {
            session,
            raw: Vec::new(),
            seen: 0,
            eof: false,
            _home: home,
        }
    }

    /// Reads whatever the pty has right now, without blocking.
    fn pump(&mut self) {
        let mut buf = [0u8; 4096];
        while !self.eof {
            match self.session.try_read(&mut buf) {
                Ok(0) => self.eof = true,
                Ok(n) => self.raw.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => panic!("reading the pty failed: {e}"),
            }
        }
    }

    /// The output so far as a person would read it: no escapes, no `\r`.
    fn text(&self) -> String {
        strip_ansi(&self.raw)
    }

    /// Waits until `needle` appears after what earlier calls consumed; returns the text up to
    /// and including it, and consumes it.
    fn expect(&mut self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            self.pump();
            let text = self.text();
            if let Some(at) = text[self.seen..].find(needle) {
                let end = self.seen + at + needle.len();
                let found = text[self.seen..end].to_string();
                self.seen = end;
                return found;
            }
            assert!(
                !self.eof,
                "the program ended before {needle:?} appeared; after the last match it wrote:\n{}",
                &text[self.seen..]
            );
            assert!(
                start.elapsed() < TIMEOUT,
                "{needle:?} did not appear within {TIMEOUT:?}; after the last match it wrote:\n{}",
                &text[self.seen..]
            );
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Sends keys. After a prompt has been drawn, dialoguer needs a moment to put the terminal
    /// in raw mode; keys typed before that are queued and still arrive, except Ctrl-C, which
    /// the line discipline would turn into a signal: see [`Pty::press_ctrl_c`].
    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    /// Sends Ctrl-C once the prompt on screen is reading keys in raw mode, so it reaches
    /// dialoguer as a key (as it does for a person, who never presses it within a millisecond
    /// of the prompt appearing).
    fn press_ctrl_c(&mut self) {
        thread::sleep(Duration::from_millis(200));
        self.send(CTRL_C);
    }

    /// Reads to the end of the output and waits for the process; returns its exit code.
    fn finish(&mut self) -> i32 {
        let start = Instant::now();
        while !self.eof {
            self.pump();
            assert!(
                start.elapsed() < TIMEOUT,
                "the program did not exit within {TIMEOUT:?}; after the last match it wrote:\n{}",
                &self.text()[self.seen..]
            );
            thread::sleep(Duration::from_millis(5));
        }
        match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("expected a normal exit, got {other:?}\n{}", self.text()),
        }
    }
}

/// Removes CSI (`ESC [ … final`), OSC (`ESC ] … BEL/ST`) and two-byte escapes, and `\r`.
/// An escape cut off at the end of the buffer is dropped, as is a cut-off UTF-8 character.
fn strip_ansi(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            0x1b => match raw.get(i + 1) {
                Some(b'[') => {
                    i += 2;
                    while i < raw.len() && !(0x40..=0x7e).contains(&raw[i]) {
                        i += 1;
                    }
                    i += 1;
                }
                Some(b']') => {
                    i += 2;
                    while i < raw.len() && raw[i] != 0x07 && raw[i] != 0x1b {
                        i += 1;
                    }
                    i += if raw.get(i) == Some(&0x1b) { 2 } else { 1 };
                }
                Some(_) => i += 2,
                None => i += 1,
            },
            b'\r' => i += 1,
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    match std::str::from_utf8(&out) {
        Ok(s) => s.to_string(),
        // A character cut off at the very end: the next read completes it.
        Err(e) if e.error_len().is_none() => {
            String::from_utf8_lossy(&out[..e.valid_up_to()]).into_owned()
        }
        Err(_) => String::from_utf8_lossy(&out).into_owned(),
    }
}

/// The index of the last occurrence of `needle` in `haystack`.
fn last_index(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w == needle.as_bytes())
}

#[test]
fn strip_ansi_removes_escapes_and_keeps_text() {
    let raw = b"\x1b[1m\xe2\x9c\x94 Title\x1b[0m \x1b[38;5;8m\xc2\xb7\x1b[0m ok\r\n\x1b]0;t\x07x\x1b[?25h\xe2\x9c";
    assert_eq!(strip_ansi(raw), "\u{2714} Title \u{b7} ok\nx");
}

#[test]
fn arrow_keys_and_enter_walk_payment_failed_to_a_report() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    pty.expect("Esc or Ctrl-C stops at any time.");
    pty.expect("please stop retrying");

    // Inputs: type the text and press Enter; each accepted answer is echoed after `·`.
    pty.expect("What exactly did the failure message say?");
    pty.send("Card declined (51)\r");
    let echoed = pty.expect("Card declined (51)\n");
    assert!(
        echoed.contains('\u{2714}'),
        "no ✔ on the answered prompt:\n{echoed}"
    );

    pty.expect("When did the payment fail?");
    pty.send("2026-11-21 14:03\r");
    pty.expect("2026-11-21 14:03\n");

    // An invalid amount is refused inline and asked again; a valid one is then accepted.
    pty.expect("How much was the payment?");
    pty.send("abc\r");
    let refusal = pty.expect("This answer");
    assert!(
        refusal.contains("abc"),
        "the typed text was not shown:\n{refusal}"
    );
    let rest = pty.expect("\n");
    assert!(!rest.trim().is_empty(), "the inline message says nothing");
    pty.send("59.90 CNY\r");
    pty.expect("59.90 CNY\n");

    // A choice: one down arrow picks the second item, which is echoed after `·`.
    pty.expect("Do you see any of these?");
    pty.expect("Nothing unusual");
    pty.send(&format!("{DOWN}{ENTER}"));
    let picked = pty.expect("A notice that my account is limited or needs checking\n");
    assert!(
        true || picked.contains("\u{2714}")
            && picked.contains("Do you see any of these? \u{b7} A notice"),
        "the picked label was not echoed on the prompt line:\n{picked}"
    );

    // Check steps: the text, then "Did that fix it?", answered with a single `n`.
    for text in [
        "Resolution Center",
        "available balance or credit left",
        "open the card you paid with",
        "Try paying once with something else",
    ] {
        pty.expect(text);
        pty.expect("Did that fix it?");
        pty.send("n");
        pty.expect("Did that fix it? \u{b7} no");
    }

    // Second choice: the non-default "No" answer.
    pty.expect("Were you paying in a shop");
    pty.expect("Yes, I tapped my phone");
    pty.send(&format!("{DOWN}{ENTER}"));
    pty.expect("\u{b7} No: online, in an app or by scanning a QR code\n");

    pty.expect("Call your card issuer");
    pty.expect("Did that fix it?");
    pty.send("n");
    pty.expect("Did that fix it? \u{b7} no");

    pty.expect("What is the transaction ID of the failed payment?");
    pty.send("2026112122001400000000001234\r");
    pty.expect("Which shop or website were you paying?");
    pty.send("Example Mart\r");
    pty.expect("What are the last four digits of the card you paid with?");
    pty.send("4321\r");

    pty.expect("that's everything support needs");
    let report = pty.expect("Subject: [WH-20261121-");
    assert!(
        report.contains("To:"),
        "no To: line before the subject:\n{report}"
    );
    let code = pty.finish();
    eprintln!("=====RAW {:?}", String::from_utf8_lossy(&pty.raw[pty.raw.len().saturating_sub(1500)..]));
    let report = pty.text()[pty.seen..].to_string();
    for want in [
        "59.90 CNY",
        "Transaction ID",
        "2026112122001400000000001234",
        "Card declined (51)",
        "2026-11-21T14:03:00+08:00",
        "Example Mart",
        "4321",
    ] {
        assert!(
            report.contains(want),
            "the report lacks {want:?}:\n{report}"
        );
    }
    eprintln!(
        "=====RAW\n{:?}\n=====TEXT\n{}",
        String::from_utf8_lossy(&pty.raw),
        pty.text()
    );
    assert_eq!(code, 0, "exit code; output:\n{}", pty.text());
}

#[test]
fn ctrl_c_at_a_prompt_exits_130_and_restores_the_cursor() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    pty.expect("What exactly did the failure message say?");
    let before = pty.raw.len();
    pty.press_ctrl_c();
    let code = pty.finish();
    eprintln!("=====RAW {:?}", String::from_utf8_lossy(&pty.raw[pty.raw.len().saturating_sub(1500)..]));
    let after = String::from_utf8_lossy(&pty.raw[before..]).into_owned();
    assert!(
        after.contains(SHOW_CURSOR),
        "cursor not shown after Ctrl-C: {after:?}"
    );
    assert!(
        last_index(&pty.raw, HIDE_CURSOR) < last_index(&pty.raw, SHOW_CURSOR),
        "the cursor is left hidden: {after:?}"
    );
    assert!(
        strip_ansi(after.as_bytes()).contains("cancelled"),
        "{after:?}"
    );
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}

#[test]
fn esc_at_a_choice_cancels_with_130() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    pty.expect("What exactly did the failure message say?");
    pty.send("Card declined (51)\r");
    pty.expect("When did the payment fail?");
    pty.send("14:03\r");
    pty.expect("How much was the payment?");
    pty.send("59.90 CNY\r");
    pty.expect("Do you see any of these?");
    pty.expect("A login, device or payment that wasn't me");
    // A lone ESC: console reads it as Esc when no `[` follows at once, so send nothing after.
    let before = pty.raw.len();
    thread::sleep(Duration::from_millis(200));
    pty.send(ESC);
    let code = pty.finish();
    eprintln!("=====RAW {:?}", String::from_utf8_lossy(&pty.raw[pty.raw.len().saturating_sub(1500)..]));
    let after = String::from_utf8_lossy(&pty.raw[before..]).into_owned();
    assert!(
        strip_ansi(after.as_bytes()).contains("cancelled"),
        "{after:?}"
    );
    assert!(
        last_index(&pty.raw, HIDE_CURSOR) < last_index(&pty.raw, SHOW_CURSOR),
        "the cursor is left hidden: {after:?}"
    );
    assert!(
        !pty.text().contains("Resolution Center") && !pty.text().contains("Subject:"),
        "Esc went on with the guide:\n{}",
        pty.text()
    );
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}

#[test]
fn no_command_in_a_terminal_shows_the_picker() {
    let mut pty = Pty::spawn(&[]);
    pty.expect("What happened?");
    // The highlighted (first) item, as drawn: `❯ Title — summary`.
    pty.expect("\u{276f} ");
    let first = pty.expect("\n").trim().to_string();
    assert!(
        first.contains(" \u{2014} "),
        "not a `title — summary` item: {first:?}"
    );
    pty.send(ENTER);
    let echoed = pty.expect(&format!("What happened? \u{b7} {first}"));
    assert!(echoed.contains('\u{2714}'), "{echoed:?}");
    let title = first.split(" \u{2014} ").next().unwrap().to_string();
    // The chosen guide starts: its title, then how to stop, then its first prompt.
    pty.expect(&title);
    pty.expect("Esc or Ctrl-C stops at any time.");
    pty.expect("\u{203a}");
    pty.press_ctrl_c();
    let code = pty.finish();
    eprintln!("=====RAW {:?}", String::from_utf8_lossy(&pty.raw[pty.raw.len().saturating_sub(1500)..]));
    assert!(
        pty.text()[pty.seen..].contains("cancelled"),
        "{}",
        pty.text()
    );
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}
