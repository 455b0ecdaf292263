//! PTY tests: the real prompts driven through a pseudo-terminal.
//!
//! Each test starts the binary in an 80x24 pty (ptyprocess's default), sends the keys a person
//! would press (`ESC [ B` for down, `\r` for Enter, a single `y`/`n` for a yes/no question,
//! `\x03` for Ctrl-C, a lone `\x1b` for Esc, `ESC [ 200 ~ … ESC [ 201 ~` around a paste) and
//! matches on the output with ANSI escapes and `\r` removed. Prompts (stderr) and the report
//! (stdout) arrive on the same pty. `PAGER=cat` keeps the review on screen, except in the
//! pager's own test.
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
const UP: &str = "\x1b[A";
const CTRL_C: &str = "\x03";
const CTRL_U: &str = "\x15";
const ESC: &str = "\x1b";
const PASTE_START: &str = "\x1b[200~";
const PASTE_END: &str = "\x1b[201~";
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
    /// `HOME` and `XDG_CONFIG_HOME`; kept alive for the life of the process.
    home: tempfile::TempDir,
}

impl Pty {
    /// Starts `wallet-help ARGS` with a fixed, clean environment: xterm, no colour, English,
    /// Shanghai time frozen at [`NOW`], an empty home so no user config is read, and no pager.
    fn spawn(args: &[&str]) -> Pty {
        Pty::spawn_in(args, None)
    }

    /// [`Pty::spawn`], in the working folder `cwd` when given.
    fn spawn_in(args: &[&str], cwd: Option<&std::path::Path>) -> Pty {
        Pty::spawn_with(args, cwd, &[])
    }

    /// [`Pty::spawn_in`], with more environment variables (which replace the defaults).
    fn spawn_with(
        args: &[&str],
        cwd: Option<&std::path::Path>,
        env: &[(&str, std::ffi::OsString)],
    ) -> Pty {
        let home = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wallet-help"));
        if let Some(cwd) = cwd {
            cmd.current_dir(cwd);
        }
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env("TZ", "Asia/Shanghai")
            .env("SOURCE_DATE_EPOCH", NOW)
            .env("LANG", "en_US.UTF-8")
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("PAGER", "cat");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let session = OsSession::spawn(cmd).unwrap();
        Pty {
            session,
            raw: Vec::new(),
            seen: 0,
            eof: false,
            home,
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

    /// Sends keys. Keys that arrive before the prompt has put the terminal in raw mode are
    /// queued and still reach it, except Ctrl-C: see [`Pty::press_ctrl_c`].
    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    /// Sends Ctrl-C once the prompt on screen is surely reading keys in raw mode. Outside raw
    /// mode the line discipline turns it into SIGINT instead of a key, and the tool only notes
    /// that, so a test could wait for a reaction that needs one more key press. A person never
    /// presses Ctrl-C within a millisecond of a prompt appearing; the pause keeps the test
    /// deterministic. The same goes for a lone Esc, which counts as Esc only when no byte
    /// follows at once.
    fn press_ctrl_c(&mut self) {
        thread::sleep(Duration::from_millis(200));
        self.send(CTRL_C);
    }

    fn press_esc(&mut self) {
        thread::sleep(Duration::from_millis(200));
        self.send(ESC);
    }

    /// Ctrl-C, which asks "Stop here?", then Ctrl-C again, which stops at once.
    fn stop_now(&mut self) {
        self.press_ctrl_c();
        self.expect_any(&["Stop here?", "要在这里停下吗？"]);
        self.press_ctrl_c();
    }

    /// Waits until one of `needles` appears; returns which, and consumes up to it.
    fn expect_any(&mut self, needles: &[&str]) -> usize {
        let start = Instant::now();
        loop {
            self.pump();
            let text = self.text();
            let found = needles
                .iter()
                .enumerate()
                .filter_map(|(i, n)| text[self.seen..].find(n).map(|at| (at, i, n.len())))
                .min();
            if let Some((at, i, len)) = found {
                self.seen += at + len;
                return i;
            }
            assert!(
                !self.eof && start.elapsed() < TIMEOUT,
                "none of {needles:?} appeared; after the last match it wrote:\n{}",
                &text[self.seen..]
            );
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Answers the input prompt `question` by typing `typed` and Enter; checks the echo.
    fn answer(&mut self, question: &str, typed: &str) {
        self.answer_read(question, typed, typed);
    }

    /// Answers the input prompt `question` by typing `typed` and Enter; checks the echo shows
    /// it as read (`14:03` as the time it stands for, `4321` masked).
    fn answer_read(&mut self, question: &str, typed: &str, read: &str) {
        let prompt = self.prompt_for(question);
        self.expect(&format!("? {prompt} › "));
        self.send(&format!("{typed}{ENTER}"));
        self.expect(&format!("✔ {prompt} · {read}\n"));
    }

    /// Answers a free-text question: it is always printed above a short "Your answer" prompt,
    /// so the answer has the whole line.
    fn answer_text(&mut self, question: &str, typed: &str) {
        let start: String = question.chars().take(30).collect();
        self.expect(&start);
        self.expect("? Your answer › ");
        self.send(&format!("{typed}{ENTER}"));
        let echo = if typed.is_empty() { "skipped" } else { typed };
        self.expect(&format!("✔ Your answer · {echo}\n"));
    }

    /// The prompt line dialoguer shows for `question`: a question too long to share an
    /// 80-column line with its answer is printed above, and the prompt says "Your answer".
    fn prompt_for<'q>(&mut self, question: &'q str) -> &'q str {
        if console::measure_text_width(question) + 36 <= 80 {
            question
        } else {
            let start: String = question.chars().take(30).collect();
            self.expect(&start);
            "Your answer"
        }
    }

    /// Picks the item `downs` places below the first in the choice `question`, and checks
    /// that its label is echoed on the answered prompt line.
    fn choose(&mut self, question: &str, downs: usize, label: &str) {
        let prompt = self.prompt_for(question);
        self.expect(&format!("? {prompt} ›\n❯ "));
        self.send(&format!("{}{ENTER}", DOWN.repeat(downs)));
        self.expect(&format!("✔ {prompt} · {label}\n"));
    }

    /// Waits for a check step's text, then answers "Did that fix it?" with a single `n`.
    fn check_did_not_fix(&mut self, text: &str) {
        self.expect(text);
        self.expect("? Did that fix it? (y/n) ›");
        self.send("n");
        self.expect("✔ Did that fix it? · no\n");
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

/// payment-failed's first question is long, so its short label is the prompt.
const ACCOUNT_SIGNS: &str = "What the app shows";

#[test]
fn arrow_keys_and_enter_walk_payment_failed_to_a_report() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    pty.expect("Payment failed\nEsc or Ctrl-C stops.\nGoing back: “← Back” in a menu, or type <");
    pty.expect("please stop retrying for now");

    // The triage comes first: the down arrow picks the second item, not the default first one.
    pty.choose(
        ACCOUNT_SIGNS,
        1,
        "A notice that my account is limited or needs checking",
    );
    pty.expect("Resolution Center → Account Limitations");
    pty.expect("? Did you just finish every step it lists? (y/n) ›");
    pty.send("n");
    pty.expect("✔ Did you just finish every step it lists? · no\n");

    pty.answer_text(
        "What exactly did the failure message say?",
        "Card declined (51)",
    );
    pty.answer_read(
        "When did the payment fail?",
        "2026-11-21 14:03",
        "2026-11-21T14:03:00+08:00",
    );

    // An invalid amount is refused under the field and stays in it for editing; Ctrl-U
    // clears it and a valid one passes.
    pty.expect("? How much was the payment? › ");
    pty.send(&format!("abc{ENTER}"));
    pty.expect("? How much was the payment? › abc\n✘ Expected ");
    let why = pty.expect("€5");
    assert!(
        why.contains("amount") && why.contains("59.90 CNY"),
        "the message under the field does not say what is expected: {why:?}"
    );
    pty.send(CTRL_U);
    pty.answer("How much was the payment?", "59.90 CNY");

    pty.check_did_not_fix("Switch between Wi-Fi and mobile data");
    pty.check_did_not_fix("look at the available balance or credit left");
    pty.check_did_not_fix("A payment can stop at a limit");
    pty.check_did_not_fix("open the card you paid with");
    pty.check_did_not_fix("Try paying once with something else");
    pty.choose("How were you paying?", 2, "Online or inside an app");
    pty.check_did_not_fix("Call your card issuer");

    pty.answer(
        "What is the transaction ID of the failed payment?",
        "2026112122001400000000001234",
    );
    pty.answer_text("Which shop or website were you paying?", "Example Mart");
    pty.answer_read(
        "What are the last four digits of the card you paid with?",
        "4321",
        "•••• 4321",
    );

    // The shared phone questions: every one can be skipped with Enter.
    pty.expect("Which system does the phone with the wallet app run?");
    pty.choose("Phone system", 1, "Android");
    pty.answer_text("Which version of the system is it?", "14");
    pty.answer_text("Which phone model is it?", "Xiaomi 13");
    pty.answer_text("Which wallet app is it?", "");
    pty.answer_text("Which version of the wallet app is it?", "");
    pty.expect("How was the phone connected when it happened?");
    pty.choose("Network", 0, "Wi-Fi");

    // The contact-support ending, the review of the whole report, then how to send it:
    // Enter sends it, and Enter again prints it on stdout (same pty).
    pty.expect("Thanks, that's everything support needs.");
    pty.expect("Your report, as support will get it");
    pty.choose("Is this report right?", 0, "Yes, it's right: send it");
    pty.choose("How do you want to send it?", 0, "Show it here, to copy");
    pty.expect("To: ");
    pty.expect("\nSubject: [WH-20261121-");
    let subject = pty.expect("\n");
    assert!(
        subject.ends_with("] Payment failed\n")
            && subject.len() == "XXXXXX] Payment failed\n".len(),
        "unexpected subject: {subject:?}"
    );
    let code = pty.finish();
    let report = pty.text()[pty.seen..].to_string();
    for want in [
        "Error message   Card declined (51)",
        "Failed at       2026-11-21T14:03:00+08:00",
        "Amount          59.90 CNY",
        "Transaction ID  2026112122001400000000001234",
        "Merchant        Example Mart",
        "Card ending     •••• 4321",
        "Phone\n-----\nSystem   Android 14\nModel    Xiaomi 13\nNetwork  Wi-Fi\n",
        "→ A notice that my account is limited or needs",
        "→ Online or inside an app",
        "created 21 Nov 2026, 15:04 (UTC+8)",
    ] {
        assert!(
            report.contains(want),
            "the report lacks {want:?}:\n{report}"
        );
    }
    assert!(
        !report.contains("Resolution Center")
            && !report
                .lines()
                .any(|l| l.starts_with("? ") || l.starts_with('✔')),
        "prompt text mixed into the report:\n{report}"
    );
    assert_eq!(code, 0, "exit code; output:\n{}", pty.text());
}

/// Answers payment-failed's first question (nothing unusual in the app) and the three facts
/// after it.
fn first_answers(pty: &mut Pty) {
    pty.choose(ACCOUNT_SIGNS, 0, "Nothing unusual");
    pty.answer_text(
        "What exactly did the failure message say?",
        "Card declined (51)",
    );
    pty.answer_read(
        "When did the payment fail?",
        "14:03",
        "2026-11-21T14:03:00+08:00",
    );
    pty.answer("How much was the payment?", "59.90 CNY");
}

/// "← Back" is the last entry of a menu: the question before comes again, its answer (in
/// its normalised form) in the field; Enter keeps it and the menu comes back.
#[test]
fn back_at_a_choice_asks_the_question_before_again_with_its_answer() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    first_answers(&mut pty);
    pty.expect("Switch between Wi-Fi and mobile data");
    pty.expect("? Did that fix it? (y/n) ›");
    pty.send("n");
    pty.check_did_not_fix("look at the available balance or credit left");
    pty.check_did_not_fix("A payment can stop at a limit");
    pty.check_did_not_fix("open the card you paid with");
    pty.check_did_not_fix("Try paying once with something else");
    pty.expect("? How were you paying? ›\n❯ ");
    pty.expect("  ← Back");
    // Up from the first entry wraps round to the last, "← Back".
    pty.send(&format!("{UP}{ENTER}"));
    pty.expect("Try paying once with something else");
    pty.expect("? Did that fix it? (y/n) › no");
    pty.send(ENTER);
    pty.expect("✔ Did that fix it? · no\n");
    pty.choose("How were you paying?", 2, "Online or inside an app");
    pty.expect("? Did that fix it? (y/n) ›");
    pty.stop_now();
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

/// A question answered by choice is asked again with its answer highlighted; at a text
/// prompt, `<` goes back to it.
#[test]
fn back_at_a_text_prompt_to_a_choice_starts_from_the_choice_made() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    pty.choose(ACCOUNT_SIGNS, 0, "Nothing unusual");
    pty.expect("What exactly did the failure message say?");
    pty.expect("? Your answer › ");
    pty.send(&format!("<{ENTER}"));
    let prompt = pty.prompt_for(ACCOUNT_SIGNS);
    pty.expect(&format!("? {prompt} ›\n❯ Nothing unusual"));
    pty.stop_now();
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

/// `<` and Enter at a text prompt go back; at the first question there is nowhere to go, and
/// the field says so instead of taking `<` as the answer.
#[test]
fn back_at_a_text_prompt_asks_the_question_before_again_with_its_answer() {
    let mut pty = Pty::spawn(&["contact"]);
    pty.expect("What happened, and what would you like support to do?");
    pty.expect("? Your answer › ");
    pty.send(&format!("<{ENTER}"));
    pty.expect("✘ This is the first question: there is none before it.");
    pty.send(&format!("{CTRL_U}Card declined (51){ENTER}"));
    pty.expect("✔ Your answer · Card declined (51)\n");
    let prompt = pty.prompt_for("Is there a transaction ID this is about?");
    pty.expect(&format!("? {prompt} › "));
    pty.send(&format!("<{ENTER}"));
    pty.expect("? Your answer › Card declined (51)");
    pty.send(ENTER);
    pty.expect("✔ Your answer · Card declined (51)\n");
    pty.expect(&format!("? {prompt} › "));
    pty.send(ENTER);
    pty.expect(&format!("✔ {prompt} · skipped\n"));
    pty.answer_read("When did it happen?", "14:03", "2026-11-21T14:03:00+08:00");
    pty.stop_now();
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

/// At the review, a choice is changed: the guide goes on from there, asks only the question
/// new on that branch, keeps every other answer, and shows the report again.
#[test]
fn a_choice_changed_at_the_review_takes_the_guide_on_from_there() {
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/payment-failed.toml"
    );
    let mut pty = Pty::spawn(&["payment-failed", "--answers", answers]);
    pty.expect("Your report, as support will get it");
    pty.choose("Is this report right?", 1, "Change an answer");
    // Account signs, error message, time, amount, five checks, then how they paid.
    pty.expect("? Which answer? ›\n❯ ");
    pty.send(&format!("{}{ENTER}", DOWN.repeat(9)));
    pty.expect("✔ Which answer? · How I paid: Online or inside an app\n");
    // Asked again, starting from the answer given ("Online", the third entry).
    pty.expect("? How were you paying? ›\n  In a shop, holding my phone to the card reader\n  QR code: the shop scanned mine, or I scanned theirs\n❯ Online or inside an app");
    pty.send(&format!("{UP}{UP}{ENTER}"));
    pty.expect("✔ How were you paying? · In a shop, holding my phone to the card reader\n");
    pty.check_did_not_fix("turn NFC on");
    let asked = pty.expect("Your report, as support will get it");
    for kept in [
        "Call your card issuer",
        "What is the transaction ID",
        "Which shop",
    ] {
        assert!(!asked.contains(kept), "{kept:?} was asked again:\n{asked}");
    }
    let again = pty.expect("? Is this report right?");
    for want in [
        "→ In a shop, holding my phone to the card reader",
        "Checked the phone's tap-to-pay settings → did not fix it",
        "Transaction ID  2026112122001400000000001234",
        "Merchant        Example Coffee",
    ] {
        assert!(again.contains(want), "the report lacks {want:?}:\n{again}");
    }
    assert!(!again.contains("Online or inside an app"), "{again}");
    pty.send(ENTER);
    pty.choose("How do you want to send it?", 0, "Show it here, to copy");
    pty.expect("Subject: [WH-");
    assert_eq!(pty.finish(), 0, "exit code; output:\n{}", pty.text());
}

/// `contact`'s optional transaction id and amount, so only the questions a test is about
/// are asked.
const CONTACT_IDS: &[&str] = &[
    "--set",
    "transaction-id=2026112122001400000000001234",
    "--set",
    "amount=59.90 CNY",
];

const CONTACT_ANSWERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/answers/contact.toml"
);

/// The review shows the whole report before anything leaves; leaving out a detail takes it
/// out of the details and out of the summary, and the report is shown again to confirm.
#[test]
fn the_review_leaves_out_a_detail_then_sends_the_report() {
    let mut pty = Pty::spawn(&[&["contact", "--answers", CONTACT_ANSWERS], CONTACT_IDS].concat());
    pty.expect("Your report, as support will get it (nothing is sent yet)");
    pty.expect("Time: 20 Nov 2026, 20:15 (UTC+8)");
    pty.expect("When            2026-11-20T20:15:00+08:00");
    pty.choose("Is this report right?", 2, "Leave out a detail");
    // What happened, Transaction ID, When, Amount.
    pty.choose("Which detail?", 2, "Leave out “When”");
    pty.expect("Your report, as support will get it");
    let shown_again = pty.expect("? Is this report right? ›\n");
    assert!(
        !shown_again.contains("20:15") && shown_again.contains("My balance shows 0"),
        "the detail is still in the report shown again:\n{shown_again}"
    );
    // The detail can be put back; "← Back to the report" changes nothing.
    pty.expect("Stop here, without sending");
    pty.send(&format!("{DOWN}{DOWN}{ENTER}"));
    pty.expect("✔ Is this report right? · Leave out a detail\n");
    pty.expect("Put “When” back in");
    pty.expect("← Back to the report");
    pty.send(&format!("{UP}{ENTER}"));
    let menu = pty.expect("? Is this report right? ›");
    assert!(
        !menu.contains("Your report, as support"),
        "shown again unchanged:\n{menu}"
    );
    pty.send(ENTER);
    pty.expect("✔ Is this report right? · Yes, it's right: send it\n");
    pty.choose("How do you want to send it?", 0, "Show it here, to copy");
    pty.expect("Subject: [WH-");
    let code = pty.finish();
    let report = pty.text()[pty.seen..].to_string();
    assert!(report.contains("Verification code "), "{report}");
    assert!(!report.contains("20:15"), "{report}");
    assert_eq!(code, 0, "exit code; output:\n{}", pty.text());
}

/// Esc at the review asks before stopping; "no" brings the menu back, "yes" stops.
#[test]
fn esc_at_the_review_asks_before_stopping() {
    let mut pty = Pty::spawn(&[&["contact", "--answers", CONTACT_ANSWERS], CONTACT_IDS].concat());
    pty.expect("? Is this report right? ›\n❯ ");
    pty.press_esc();
    pty.expect("? Stop here? Your answers are kept as a draft. (y/n) › no");
    pty.send("n");
    pty.expect("? Is this report right? ›\n❯ Yes, it's right: send it");
    pty.press_esc();
    pty.expect("Stop here?");
    pty.send("y");
    pty.expect(
        "Your answers are kept as draft 1: `wallet-help resume` continues where you stopped.",
    );
    pty.expect("cancelled");
    let code = pty.finish();
    assert!(!pty.text().contains("Subject:") || code == 130);
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}

/// A secret typed at a free-text prompt is caught before it is kept or echoed: the field is
/// drawn again without it, under a warning, and what is kept has no secret.
#[test]
fn a_secret_typed_at_a_prompt_is_caught_there_and_the_answer_comes_back_without_it() {
    let mut pty = Pty::spawn(
        &[
            &["contact", "--yes", "--set", "occurred-at=yesterday 20:15"],
            CONTACT_IDS,
        ]
        .concat(),
    );
    pty.expect("What happened, and what would you like support to do?");
    pty.expect("? Your answer › ");
    pty.send(&format!("Locked out, my password is hunter22{ENTER}"));
    pty.expect("⚠ That answer holds a password. Support never needs it");
    // The answer comes back with the secret taken out; Enter keeps it.
    pty.expect("? Your answer › Locked out, my password is [removed]");
    pty.send(ENTER);
    pty.expect("✔ Your answer · Locked out, my password is [removed]\n");
    pty.expect("Subject: [WH-");
    let code = pty.finish();
    let all = pty.text();
    assert!(!all[all.find('⚠').unwrap()..].contains("hunter22"), "{all}");
    assert!(
        !all.lines()
            .any(|l| l.starts_with('✔') && l.contains("hunter22")),
        "the secret was echoed:\n{all}"
    );
    assert_eq!(code, 0, "exit code; output:\n{all}");
}

/// A pasted id with spaces and a label arrives whole in the field (a paste never answers two
/// questions), and is cleaned, not refused.
#[test]
fn a_pasted_id_with_spaces_stays_one_answer() {
    let mut pty = Pty::spawn(
        &[
            "contact",
            "--yes",
            "--set",
            "what-happened=Balance shows 0",
            "--set",
            "occurred-at=yesterday 20:15",
            "--set",
            "amount=59.90 CNY",
        ][..],
    );
    let prompt = pty.prompt_for("Is there a transaction ID this is about?");
    pty.expect(&format!("? {prompt} › "));
    pty.send(&format!(
        "{PASTE_START}交易单号：2026 1121 2200 1400 0000 0000 1234{PASTE_END}"
    ));
    // The field is narrower than the paste: it scrolls to show the end.
    pty.expect("0000 0000 1234");
    pty.send(ENTER);
    // The echo shows the id as it was read: no label, no spaces.
    pty.expect(&format!("✔ {prompt} · 2026112122001400000000001234\n"));
    pty.expect("Subject: [WH-");
    let code = pty.finish();
    let report = pty.text()[pty.seen..].to_string();
    assert!(report.contains("2026112122001400000000001234"), "{report}");
    assert_eq!(code, 0, "exit code; output:\n{}", pty.text());
}

/// An amount without a currency takes the locale's, and asks first; "no" goes back to the
/// field with the amount still in it, and one with its currency passes.
#[test]
fn a_bare_amount_asks_about_the_currency_it_took() {
    let mut pty = Pty::spawn(&["payment-failed", "--no-journal"]);
    pty.choose(ACCOUNT_SIGNS, 0, "Nothing unusual");
    pty.answer_text(
        "What exactly did the failure message say?",
        "Card declined (51)",
    );
    pty.answer_read(
        "When did the payment fail?",
        "yesterday about 3pm",
        "2026-11-20, around 15:00 (UTC+08:00)",
    );
    pty.expect("? How much was the payment? › ");
    pty.send(&format!("59.9{ENTER}"));
    pty.expect("? Is that 59.90 USD? (y/n) › yes");
    pty.send("n");
    pty.expect("? How much was the payment? › 59.9\n✘ Write the currency too");
    pty.send(&format!(" EUR{ENTER}"));
    pty.expect("✔ How much was the payment? · 59.90 EUR\n");
    pty.expect("? Did that fix it? (y/n) ›");
    pty.stop_now();
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

/// A pasted text of several lines is one answer: the next question is not answered by its
/// second line.
#[test]
fn a_pasted_text_of_several_lines_is_one_answer() {
    let mut pty = Pty::spawn(
        &[
            &["contact", "--yes", "--set", "occurred-at=yesterday 20:15"],
            CONTACT_IDS,
        ]
        .concat(),
    );
    pty.expect("What happened, and what would you like support to do?");
    pty.expect("? Your answer › ");
    pty.send(&format!(
        "{PASTE_START}Payment declined\rError 51\rPlease try later{PASTE_END}"
    ));
    pty.expect("Payment declined⏎Error 51⏎Please try later");
    pty.send(ENTER);
    pty.expect("✔ Your answer · Payment declined\n  Error 51\n  Please try later\n");
    pty.expect("Subject: [WH-");
    let code = pty.finish();
    let report = pty.text()[pty.seen..].to_string();
    assert!(report.contains("Error 51"), "{report}");
    assert_eq!(code, 0, "exit code; output:\n{}", pty.text());
}

/// At 80x24 the report is taller than the screen: it opens in `less`, q comes back to the
/// menu, which offers to read it again. Skipped where `less` is not installed.
#[test]
fn the_review_pages_a_report_taller_than_the_screen() {
    let Some(less) = find_on_path("less") else {
        eprintln!("skipped: `less` is not installed");
        return;
    };
    let mut pty = Pty::spawn_with(
        &[&["contact", "--answers", CONTACT_ANSWERS], CONTACT_IDS].concat(),
        None,
        &[("PAGER", less.into_os_string())],
    );
    pty.expect("Your report - arrows scroll, q goes back to the menu");
    pty.send("q");
    pty.expect("(The report opened in a pager, as it is longer than the screen.)");
    let menu = pty.expect("Read the report again");
    assert!(menu.contains("? Is this report right? ›"), "{menu}");
    pty.send(ENTER);
    pty.expect("✔ Is this report right? · Yes, it's right: send it\n");
    pty.choose("How do you want to send it?", 0, "Show it here, to copy");
    pty.expect("Subject: [WH-");
    assert_eq!(pty.finish(), 0, "exit code; output:\n{}", pty.text());
}

fn find_on_path(program: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

#[test]
fn ctrl_c_at_a_prompt_asks_then_a_second_ctrl_c_exits_130_and_restores_the_cursor() {
    // Without the journal, nothing is kept, and the question says so.
    let mut pty = Pty::spawn(&["payment-failed", "--no-journal"]);
    pty.choose(ACCOUNT_SIGNS, 0, "Nothing unusual");
    pty.expect("What exactly did the failure message say?");
    pty.expect("? Your answer › ");
    let before = pty.raw.len();
    pty.press_ctrl_c();
    pty.expect("? Stop here? Your answers so far will not be kept. (y/n) › no");
    pty.press_ctrl_c();
    let code = pty.finish();
    let after = String::from_utf8_lossy(&pty.raw[before..]).into_owned();
    assert!(
        after.contains(SHOW_CURSOR),
        "no show-cursor after Ctrl-C: {after:?}"
    );
    assert!(
        last_index(&pty.raw, HIDE_CURSOR) < last_index(&pty.raw, SHOW_CURSOR),
        "the cursor is left hidden: {after:?}"
    );
    assert!(
        strip_ansi(after.as_bytes()).contains("cancelled"),
        "no cancel message: {after:?}"
    );
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}

/// A menu hides the cursor while it is open: stopping there must show it again; and "no,
/// don't stop" brings the same menu back.
#[test]
fn ctrl_c_at_a_choice_asks_and_either_goes_on_or_shows_the_hidden_cursor_again() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    let prompt = pty.prompt_for(ACCOUNT_SIGNS);
    pty.expect(&format!("? {prompt} ›\n❯ "));
    pty.expect("A login, device or payment that wasn't me\n");
    assert!(
        String::from_utf8_lossy(&pty.raw).contains(HIDE_CURSOR),
        "the choice did not hide the cursor, so this test shows nothing"
    );
    pty.press_ctrl_c();
    pty.expect("Stop here?");
    pty.send("n");
    pty.expect(&format!("? {prompt} ›\n❯ Nothing unusual"));
    let before = pty.raw.len();
    pty.stop_now();
    let code = pty.finish();
    let after = String::from_utf8_lossy(&pty.raw[before..]).into_owned();
    assert!(
        last_index(&pty.raw, HIDE_CURSOR) < last_index(&pty.raw, SHOW_CURSOR),
        "the cursor is left hidden: {after:?}"
    );
    assert!(
        strip_ansi(after.as_bytes()).contains("cancelled"),
        "no cancel message: {after:?}"
    );
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}

#[test]
fn esc_at_a_choice_asks_and_yes_stops_with_130() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    let prompt = pty.prompt_for(ACCOUNT_SIGNS);
    pty.expect(&format!("? {prompt} ›\n❯ "));
    pty.expect("A login, device or payment that wasn't me\n");
    let before = pty.raw.len();
    pty.press_esc();
    pty.expect("Stop here?");
    pty.send("y");
    let code = pty.finish();
    let after = strip_ansi(&pty.raw[before..]);
    assert!(after.contains("cancelled"), "no cancel message: {after:?}");
    assert!(
        !after.contains('✔') && !after.contains("Resolution Center") && !after.contains("Subject:"),
        "Esc picked an item or went on with the guide:\n{after}"
    );
    assert!(
        last_index(&pty.raw, HIDE_CURSOR) < last_index(&pty.raw, SHOW_CURSOR),
        "the cursor is left hidden: {after:?}"
    );
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}

/// Esc at a text prompt asks too; "no" keeps what was typed.
#[test]
fn esc_at_an_input_asks_and_keeps_what_was_typed() {
    let mut pty = Pty::spawn(&["payment-failed"]);
    pty.choose(ACCOUNT_SIGNS, 0, "Nothing unusual");
    pty.expect("What exactly did the failure message say?");
    pty.expect("? Your answer › ");
    pty.send("Card decl");
    pty.expect("? Your answer › Card decl");
    pty.press_esc();
    pty.expect("Stop here?");
    pty.send("n");
    pty.expect("? Your answer › Card decl");
    pty.press_esc();
    pty.expect("Stop here?");
    pty.send("y");
    let code = pty.finish();
    assert!(
        pty.text()[pty.seen..].contains("cancelled"),
        "{}",
        pty.text()
    );
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}

#[test]
fn no_command_in_a_terminal_searches_as_the_user_types() {
    let mut pty = Pty::spawn(&[]);
    pty.expect("What happened? Describe it in a few words");
    // Before anything is typed, every guide is listed, the first highlighted.
    pty.expect("❯ Payment failed — ");
    pty.send("refund never arrived");
    pty.expect("› refund never arrived");
    pty.send(ENTER);
    pty.expect("✔ What happened? · Refund not received\n");
    // The chosen guide starts: its title, how to stop, then its first prompt.
    pty.expect("Refund not received\nEsc or Ctrl-C stops.");
    pty.expect("›");
    pty.stop_now();
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

#[test]
fn the_picker_understands_chinese_without_spaces() {
    let mut pty = Pty::spawn(&["--lang", "zh"]);
    pty.expect("遇到了什么问题？");
    pty.send("钱扣了但是订单显示未支付");
    pty.expect("❯ 扣款异常 — ");
    pty.send(ENTER);
    pty.expect("✔ 遇到了什么问题？ · 扣款异常\n");
    pty.expect("›");
    pty.stop_now();
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

#[test]
fn arrows_choose_among_the_matches_and_esc_quits_the_picker() {
    let mut pty = Pty::spawn(&[]);
    pty.expect("❯ Payment failed — ");
    pty.send("lost");
    pty.expect("› lost");
    pty.send(DOWN);
    // A lone ESC counts as Esc only when no byte follows at once (see above).
    thread::sleep(Duration::from_millis(200));
    pty.send(ESC);
    let code = pty.finish();
    assert!(
        pty.text()[pty.seen..].contains("cancelled"),
        "{}",
        pty.text()
    );
    assert_eq!(code, 130, "exit code; output:\n{}", pty.text());
}

const LINK: &str = "wallet-help://payment-failed?transaction-id=2026112122001400000000001234\
                    &amount=59.9%E5%85%83&occurred-at=2026-11-21%2014:03";

/// A support link's answers are shown, normalised, before anything is asked; Enter takes the
/// default "yes" and the guide skips those questions.
#[test]
fn a_link_shows_its_answers_and_enter_uses_them() {
    let mut pty = Pty::spawn(&["open", LINK]);
    pty.expect(
        "This link opens “Payment failed” and fills in:\n\
         \x20 Transaction ID: 2026112122001400000000001234\n\
         \x20 Amount: 59.90 CNY\n\
         \x20 Failed at: 2026-11-21T14:03:00+08:00\n",
    );
    pty.expect("? Use these answers? (y/n) › yes");
    pty.send(ENTER);
    pty.expect("✔ Use these answers? · yes\n");
    pty.expect("Payment failed\nEsc or Ctrl-C stops.");
    pty.choose(ACCOUNT_SIGNS, 0, "Nothing unusual");
    pty.answer_text(
        "What exactly did the failure message say?",
        "Card declined (51)",
    );
    // Time and amount came from the link: the next step is the one after them.
    let skipped = pty.expect("? Did that fix it? (y/n) ›");
    assert!(
        !skipped.contains("When did the payment fail?") && !skipped.contains("How much"),
        "a question the link answered was asked:\n{skipped}"
    );
    pty.stop_now();
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

/// "No" keeps nothing from the link: the guide asks those questions itself.
#[test]
fn a_declined_link_runs_the_guide_without_its_answers() {
    let mut pty = Pty::spawn(&["open", LINK, "--lang", "zh"]);
    pty.expect("这个链接会打开“支付失败”，并填好以下回答：\n");
    pty.expect("  金额：59.90 CNY\n");
    pty.expect("使用这些回答吗？");
    pty.send("n");
    pty.expect("好的，稍后会逐一询问。");
    pty.expect("? App 里的提示 ›\n❯ ");
    pty.send(ENTER);
    pty.expect("✔ App 里的提示 · 没有异常\n");
    pty.expect("? 你的回答 › ");
    pty.send(&format!("银行卡被拒绝{ENTER}"));
    pty.expect("付款是什么时候失败的？");
    pty.stop_now();
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

/// Esc at the question stops, like anywhere else.
#[test]
fn esc_at_the_links_question_cancels() {
    let mut pty = Pty::spawn(&["open", LINK]);
    pty.expect("? Use these answers? (y/n) › yes");
    thread::sleep(Duration::from_millis(200));
    pty.send(ESC);
    pty.expect("cancelled");
    assert_eq!(pty.finish(), 130, "exit code; output:\n{}", pty.text());
}

#[test]
fn scam_check_explains_its_verdict_contact_by_contact() {
    let config = tempfile::tempdir().unwrap();
    let path = config.path().join("config.toml");
    std::fs::write(&path, crate::scam::CONFIG).unwrap();
    let mut pty = Pty::spawn(&["scam-check", "--config", path.to_str().unwrap()]);
    pty.choose("What did they ask you for?", 6, "Nothing yet");
    pty.answer_text(
        "Which number, email or link did they give you?",
        "+86 400 000 0000 or https://evil.io/@example.com",
    );
    pty.expect("Result: it matches none of the official contacts.\n");
    pty.expect("- +86 400 000 0000: an official number.\n");
    pty.expect("- https://evil.io/@example.com: a website that is not the official one.\n");
    assert_eq!(pty.finish(), 0);
}

/// Runs `contact` in `cwd` to the send menu and picks "Save it to a file".
fn to_the_save_dialog(cwd: &std::path::Path) -> Pty {
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/contact.toml"
    );
    let mut pty = Pty::spawn_in(
        &[&["contact", "--answers", answers], CONTACT_IDS].concat(),
        Some(cwd),
    );
    pty.choose("Is this report right?", 0, "Yes, it's right: send it");
    pty.choose("How do you want to send it?", 1, "Save it to a file");
    pty
}

#[test]
fn the_save_dialog_shows_the_folder_expands_the_home_folder_and_gives_the_full_path() {
    let cwd = tempfile::tempdir().unwrap();
    let cwd_path = std::fs::canonicalize(cwd.path()).unwrap();
    let mut pty = to_the_save_dialog(&cwd_path);
    pty.expect(&format!("It will be saved in {}\n", cwd_path.display()));
    pty.expect("? Save as");
    pty.send(&format!("~/saved.txt{ENTER}"));
    let home = std::fs::canonicalize(pty.home.path()).unwrap();
    let saved = home.join("saved.txt");
    pty.expect(&format!("Report saved to {}\n", saved.display()));
    assert_eq!(pty.finish(), 0);
    assert!(std::fs::read_to_string(&saved).unwrap().starts_with("To: "));
}

#[test]
fn a_taken_name_asks_before_replacing_and_offers_a_free_one() {
    let cwd = tempfile::tempdir().unwrap();
    let cwd_path = std::fs::canonicalize(cwd.path()).unwrap();
    std::fs::write(cwd_path.join("taken.txt"), "keep me").unwrap();
    let mut pty = to_the_save_dialog(&cwd_path);
    pty.expect("? Save as");
    pty.send(&format!("taken.txt{ENTER}"));
    pty.expect("“taken.txt” already exists there. Replace it?");
    pty.send("n");
    pty.expect("? Save as");
    pty.expect("taken-2.txt");
    pty.send(ENTER);
    pty.expect(&format!(
        "Report saved to {}\n",
        cwd_path.join("taken-2.txt").display()
    ));
    assert_eq!(pty.finish(), 0);
    assert_eq!(
        std::fs::read_to_string(cwd_path.join("taken.txt")).unwrap(),
        "keep me"
    );
}

/// The QR code's lines in `block` (from the line after `intro` to the one before "Scan it"),
/// decoded with rqrr as a phone's camera would.
fn decode_qr(block: &str, intro: &str) -> String {
    const SCALE: usize = 4;
    let start = block.find(intro).unwrap() + intro.len();
    let lines: Vec<Vec<char>> = block[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("Scan it"))
        .map(|l| l.chars().collect())
        .collect();
    let width = lines.iter().map(Vec::len).max().unwrap();
    let dark = |x: usize, y: usize| {
        let c = lines[y / 2].get(x).copied().unwrap_or(' ');
        matches!((c, y % 2), ('█', _) | ('▀', 0) | ('▄', 1))
    };
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(
        width * SCALE,
        lines.len() * 2 * SCALE,
        |x, y| {
            if dark(x / SCALE, y / SCALE) { 0 } else { 255 }
        },
    );
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code on the screen:\n{block}");
    grids[0].decode().unwrap().1
}

/// `contact` at the send menu in a window of `columns` × `rows`.
fn to_the_send_menu(columns: u16, rows: u16) -> Pty {
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/contact.toml"
    );
    let mut pty = Pty::spawn(&[&["contact", "--answers", answers], CONTACT_IDS].concat());
    pty.session
        .get_process_mut()
        .set_window_size(columns, rows)
        .unwrap();
    // The echo wraps at a narrow width.
    pty.expect("? Is this report right? ›\n❯ ");
    pty.send(ENTER);
    pty.expect("Yes, it's right: send it\n");
    pty
}

#[test]
fn a_qr_code_holds_the_whole_report_when_the_window_is_big_enough() {
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/contact.toml"
    );
    let mut pty = to_the_send_menu(200, 100);
    pty.choose(
        "How do you want to send it?",
        3,
        "Show a QR code to send it from my phone",
    );
    let block = pty.expect("Scan it with your phone's camera");
    let decoded = decode_qr(&block, "This code holds the whole report:");
    assert_eq!(pty.finish(), 0);
    let home = tempfile::tempdir().unwrap();
    let scripted = Command::new(env!("CARGO_BIN_EXE_wallet-help"))
        .args([&["contact", "--answers", answers], CONTACT_IDS].concat())
        .env_clear()
        .env("TZ", "Asia/Shanghai")
        .env("SOURCE_DATE_EPOCH", NOW)
        .env("LANG", "en_US.UTF-8")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .output()
        .unwrap();
    assert_eq!(decoded, String::from_utf8(scripted.stdout).unwrap());
}

#[test]
fn a_qr_code_in_an_80_by_24_window_holds_the_subject_code_and_what_fits_of_the_summary() {
    let mut pty = to_the_send_menu(80, 24);
    pty.choose(
        "How do you want to send it?",
        3,
        "Show a QR code to send it from my phone",
    );
    let block = pty.expect("Scan it with your phone's camera");
    let decoded = decode_qr(&block, "(a bigger window holds more):");
    assert!(decoded.starts_with("[WH-20261121-"), "{decoded}");
    assert!(decoded.contains("\nVerification code "), "{decoded}");
    assert_eq!(pty.finish(), 0);
}

#[test]
fn a_window_too_small_for_a_qr_code_says_so_and_offers_the_menu_again() {
    let mut pty = to_the_send_menu(30, 12);
    pty.choose(
        "How do you want to send it?",
        3,
        "Show a QR code to send it from my phone",
    );
    pty.expect("This window is too small");
    pty.choose("How do you want to send it?", 0, "Show it here, to copy");
    pty.expect("Subject: [WH-");
    assert_eq!(pty.finish(), 0);
}

/// A folder with fake `xdg-open` (it records its argument in `opened`) and `xdg-mime` (it
/// names an email app when `email_app`), and the environment that puts them first on `PATH`
/// in a graphical session, with temporary files in `tmp`.
fn fake_desktop(email_app: bool) -> (tempfile::TempDir, Vec<(&'static str, std::ffi::OsString)>) {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    let tmp = dir.path().join("tmp");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&tmp).unwrap();
    let opened = dir.path().join("opened");
    let scripts = [
        (
            "xdg-open",
            format!(
                "#!/bin/sh\nprintf '%s' \"$1\" > '{}.part' && mv '{0}.part' '{0}'\n",
                opened.display()
            ),
        ),
        (
            "xdg-mime",
            if email_app {
                "#!/bin/sh\necho thunderbird.desktop\n".to_string()
            } else {
                "#!/bin/sh\nexit 0\n".to_string()
            },
        ),
    ];
    for (name, script) in scripts {
        let path = bin.join(name);
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let env = vec![
        ("PATH", path),
        ("DISPLAY", ":99".into()),
        ("TMPDIR", tmp.into_os_string()),
    ];
    (dir, env)
}

/// Waits for the fake `xdg-open` to record what it was asked to open.
fn opened(dir: &std::path::Path) -> String {
    let file = dir.join("opened");
    let start = Instant::now();
    while !file.exists() {
        assert!(start.elapsed() < TIMEOUT, "nothing was opened");
        thread::sleep(Duration::from_millis(10));
    }
    std::fs::read_to_string(file).unwrap()
}

#[test]
fn open_it_in_my_email_app_opens_an_eml_draft_in_the_temp_folder() {
    let (desktop, env) = fake_desktop(true);
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/contact.toml"
    );
    let mut pty = Pty::spawn_with(
        &[&["contact", "--answers", answers], CONTACT_IDS].concat(),
        None,
        &env,
    );
    pty.choose("Is this report right?", 0, "Yes, it's right: send it");
    pty.choose("How do you want to send it?", 2, "Open it in my email app");
    pty.expect("Opened the report as an email draft in your email app");
    assert_eq!(pty.finish(), 0);
    let draft = opened(desktop.path());
    assert!(
        draft.starts_with(&desktop.path().join("tmp").display().to_string()),
        "{draft}"
    );
    assert!(
        std::path::Path::new(&draft)
            .extension()
            .is_some_and(|e| e == "eml"),
        "{draft}"
    );
    let bytes = std::fs::read(&draft).unwrap();
    let message = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"));
    assert_eq!(message.attachment_count(), 1);
}

#[test]
fn without_an_email_app_a_mailto_link_carries_the_summary_and_names_the_saved_report() {
    let (desktop, env) = fake_desktop(false);
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/answers/contact.toml"
    );
    let mut pty = Pty::spawn_with(
        &[&["contact", "--answers", answers], CONTACT_IDS].concat(),
        None,
        &env,
    );
    pty.choose("Is this report right?", 0, "Yes, it's right: send it");
    pty.choose("How do you want to send it?", 2, "Open it in my email app");
    pty.expect("Opened your email app with the summary. The full report is saved as");
    assert_eq!(pty.finish(), 0);
    let link = opened(desktop.path());
    assert!(
        link.starts_with("mailto:?subject=%5BWH-20261121-"),
        "{link}"
    );
    assert!(link.contains("Verification%20code%20"), "{link}");
    assert!(
        link.contains(".txt%29."),
        "names the file to attach: {link}"
    );
    let saved: Vec<_> = std::fs::read_dir(desktop.path().join("tmp"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(
        std::fs::read_to_string(&saved[0])
            .unwrap()
            .starts_with("To: ")
    );
}
