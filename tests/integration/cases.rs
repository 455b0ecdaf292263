//! The case journal: every report recorded, contacts and evidence logged, deadlines on a fixed
//! clock, letters, export, the opt-outs, and what the journal must survive (two writers at
//! once, a killed writer, a damaged or newer file, a read-only folder).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

use crate::test::{NOW_EPOCH, Test, fixtures};

/// One user's home, shared by every command of a test, as their journal is.
pub struct Home {
    dir: TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data/wallet-help")
    }

    pub fn journal(&self) -> PathBuf {
        self.data().join("journal.sqlite3")
    }

    /// `wallet-help ARGS` in this home, `days` after the tests' clock, in the UK region.
    pub fn at(&self, days: i64, args: &[&str]) -> Test {
        let epoch = NOW_EPOCH.parse::<i64>().unwrap() + days * 86_400;
        Test::new()
            .env("HOME", &self.path().display().to_string())
            .env(
                "XDG_DATA_HOME",
                &self.path().join("data").display().to_string(),
            )
            .env("SOURCE_DATE_EPOCH", &epoch.to_string())
            .env("WALLET_HELP_REGION", "uk")
            .fixture_as("answers/payment-failed.toml", "answers.toml")
            .fixture_as("answers/payment-failed-zh.toml", "answers-zh.toml")
            .args(args)
    }

    pub fn run(&self, args: &[&str]) -> Test {
        self.at(0, args)
    }

    /// A scripted payment-failed report, as the user's first contact with support.
    pub fn report(&self, extra: &[&str]) -> crate::test::Output {
        let mut args = vec!["payment-failed", "--answers", "answers.toml"];
        args.extend(extra);
        self.run(&args).run()
    }

    pub fn cases_json(&self, days: i64) -> serde_json::Value {
        let out = self.at(days, &["cases", "--json"]).run();
        serde_json::from_str(&out.stdout).unwrap()
    }
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_wallet-help")
}

#[test]
fn every_report_written_is_recorded_in_a_private_journal() {
    let home = Home::new();
    let report = home.report(&["--format", "json"]);
    let sent: serde_json::Value = serde_json::from_str(&report.stdout).unwrap();
    let cases = home.cases_json(0);
    assert_eq!(cases.as_array().unwrap().len(), 1, "{cases:#}");
    assert_eq!(cases[0]["report_id"], sent["report_id"]);
    assert_eq!(cases[0]["verification_code"], sent["verification_code"]);
    assert_eq!(cases[0]["guide"], "payment-failed");
    assert_eq!(cases[0]["region"], "uk");
    assert_eq!(cases[0]["status"], "open");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(home.journal()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "journal mode {mode:o}");
        let mode = fs::metadata(home.data()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "folder mode {mode:o}");
    }
    // The JSON report as sent is what `cases show --json` keeps.
    let shown = home.run(&["cases", "show", "last", "--json"]).run();
    let shown: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(shown["report"]["summary"], sent["summary"]);
    assert_eq!(shown["sent_via"], "printed");
}

#[test]
fn no_journal_and_journal_false_keep_nothing() {
    let home = Home::new();
    home.report(&["--no-journal"]);
    assert!(!home.journal().exists());
    home.run(&[
        "payment-failed",
        "--answers",
        "answers.toml",
        "--config",
        "c.toml",
    ])
    .file("c.toml", "journal = false\n")
    .run();
    assert!(!home.journal().exists());
    home.run(&["cases", "--no-journal"])
        .status(2)
        .stderr_contains("error: the case journal is turned off")
        .run();
}

#[test]
fn cases_opens_no_database_when_there_is_none_and_list_never_does() {
    let home = Home::new();
    home.run(&["cases"]).stdout_contains("No cases yet.").run();
    home.run(&["list"]).run();
    home.run(&["search", "card declined"]).run();
    assert!(!home.data().exists());
}

#[test]
fn an_unknown_case_suggests_the_closest() {
    let home = Home::new();
    home.report(&[]);
    let id = home.cases_json(0)[0]["report_id"]
        .as_str()
        .unwrap()
        .to_string();
    let short = id.rsplit('-').next().unwrap();
    let typo = format!("{}X", short.get(..5).unwrap());
    home.run(&["cases", "show", &typo])
        .status(2)
        .stderr_contains(&format!("error: no case `{typo}`"))
        .stderr_contains(&format!("hint: did you mean `{id}`?"))
        .run();
    // A unique start of the random part is enough.
    home.run(&["cases", "show", short.get(..3).unwrap()])
        .stdout_contains(&id)
        .run();
}

/// The UK walk-through on a fixed clock: a report on Sat 21 Nov 2026, a phone call on 23 Nov
/// with a promise for 28 Nov, a chat on 1 Dec, then letters on 11 Dec.
fn uk_case_with_a_lapsed_promise() -> (Home, String) {
    let home = Home::new();
    home.report(&[]);
    let id = home.cases_json(0)[0]["report_id"]
        .as_str()
        .unwrap()
        .to_string();
    home.at(
        2,
        &[
            "cases",
            "log",
            "last",
            "--channel",
            "phone",
            "--at",
            "2026-11-23 10:00",
            "--agent",
            "1043",
            "--ref",
            "CS-88812",
            "--promised",
            "in 5 days",
            "--note",
            "Said a refund would come within 5 days",
        ],
    )
    .stderr_contains("Logged for")
    .run();
    home.at(
        10,
        &[
            "cases",
            "log",
            "last",
            "--channel",
            "chat",
            "--at",
            "2026-12-01 11:20",
            "--note",
            "Chat closed without an answer",
        ],
    )
    .run();
    (home, id)
}

#[test]
fn a_lapsed_promise_makes_the_case_overdue() {
    let (home, id) = uk_case_with_a_lapsed_promise();
    let cases = home.cases_json(20);
    let overdue = &cases[0]["overdue"];
    assert_eq!(overdue.as_array().unwrap().len(), 1, "{cases:#}");
    assert_eq!(overdue[0]["due"], "2026-11-28");
    assert_eq!(overdue[0]["days_overdue"], 13);
    home.at(20, &["cases"])
        .stdout_contains(&format!("{id}  open"))
        .stdout_contains("OVERDUE since 28 Nov 2026")
        .run();
    // Before the promised day, nothing is overdue.
    assert_eq!(home.cases_json(5)[0]["overdue"], serde_json::json!([]));
}

#[test]
fn uk_deadlines_count_fifteen_business_days_from_the_report() {
    let (home, _) = uk_case_with_a_lapsed_promise();
    let out = home.at(20, &["cases", "show", "last", "--json"]).run();
    let case: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let dues: Vec<(&str, &str)> = case["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["source"]["kind"].as_str().unwrap(),
                d["due"].as_str().unwrap(),
            )
        })
        .collect();
    // Sat 21 Nov + 15 business days = Fri 11 Dec; + 35 = Fri 8 Jan 2027.
    assert_eq!(
        dues,
        [
            ("promise", "2026-11-28"),
            ("rule", "2026-12-11"),
            ("rule", "2027-01-08")
        ]
    );
}

#[test]
fn attach_records_name_size_and_sha256_never_the_file() {
    let (home, _) = uk_case_with_a_lapsed_promise();
    home.at(
        11,
        &["cases", "attach", "last", "statement.pdf", "screen.jpg"],
    )
    .file("statement.pdf", "%PDF-1.4 statement")
    .file("screen.jpg", "not really a jpeg")
    .stderr_contains("Recorded statement.pdf (18 bytes, SHA-256 ")
    .stderr_contains("photos can carry the place they were taken")
    .run();
    let out = home.at(11, &["cases", "show", "last", "--json"]).run();
    let case: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let evidence = case["evidence"].as_array().unwrap();
    assert_eq!(evidence.len(), 2);
    assert_eq!(evidence[0]["name"], "statement.pdf");
    assert_eq!(evidence[0]["size"], 18);
    assert_eq!(evidence[0]["sha256"].as_str().unwrap().len(), 64);
    let bytes = fs::read(home.journal()).unwrap();
    assert!(!contains(&bytes, b"%PDF-1.4 statement"));
    home.at(11, &["cases", "attach", "last", "missing.png"])
        .status(1)
        .stderr_contains("error: cannot read `missing.png`")
        .run();
}

#[test]
fn the_follow_up_cites_the_report_the_time_passed_and_the_promise() {
    let (home, id) = uk_case_with_a_lapsed_promise();
    let out = home.at(20, &["cases", "follow-up", "last"]).run();
    let letter = &out.stdout;
    for needle in [
        &format!("Subject: Follow-up: [{id}] Payment failed"),
        &format!("I am following up on my report {id} (verification code "),
        "sent on 21 Nov 2026, 15:04 (UTC+8). That was 20 days ago (15 business days).",
        "23 Nov 2026, 10:00 (UTC+8): phone, agent 1043, reference CS-88812, promised by 28 Nov 2026",
        "I was told it would be done by 28 Nov 2026, and that date has passed without an answer.",
        "support will never ask for them.",
    ] {
        assert!(
            letter.contains(needle as &str),
            "{needle:?} not in\n{letter}"
        );
    }
    assert!(
        out.stderr
            .contains("Send it where you reached support before")
    );
}

#[test]
fn escalation_goes_to_the_provider_then_the_ombudsman() {
    let (home, id) = uk_case_with_a_lapsed_promise();
    home.at(20, &["cases", "attach", "last", "screen.png"])
        .file("screen.png", "png")
        .run();
    let first = home
        .at(
            20,
            &[
                "cases",
                "escalate",
                "last",
                "--remedy",
                "A refund of 59.90 CNY",
            ],
        )
        .run();
    for needle in [
        &format!("Subject: Formal complaint: [{id}] Payment failed"),
        "Please record this as a formal complaint, give me a complaint reference",
        "What agent 1043 promised (phone, 23 Nov 2026): due 28 Nov 2026, passed 13 days ago",
        "within 15 business days (FCA complaint rules): due 11 Dec 2026",
        "1 Dec 2026, 11:20 (UTC+8): chat; note: “Chat closed without an answer”",
        "A refund of 59.90 CNY",
        "- screen.png (3 bytes, SHA-256 ",
        "I understand I can take it to the Financial Ombudsman Service",
    ] {
        assert!(
            first.stdout.contains(needle as &str),
            "{needle:?} not in\n{}",
            first.stdout
        );
    }
    assert!(
        !first.stdout.contains("will be refunded"),
        "no promise of an outcome"
    );
    let second = home.at(40, &["cases", "escalate", "last"]).run();
    assert!(
        second
            .stdout
            .starts_with("To: the Financial Ombudsman Service (financial-ombudsman.org.uk)\n"),
        "{}",
        second.stdout
    );
    assert!(
        second
            .stdout
            .contains("formal complaint to the provider written")
    );
    assert!(
        second
            .stdout
            .contains("due 11 Dec 2026, passed 20 days ago"),
        "{}",
        second.stdout
    );
    assert!(
        second
            .stderr
            .contains("refer it within 6 months of the final response")
    );
}

#[test]
fn a_chinese_case_gets_chinese_letters_with_full_width_punctuation() {
    let home = Home::new();
    home.run(&[
        "payment-failed",
        "--answers",
        "answers-zh.toml",
        "--lang",
        "zh",
    ])
    .env("WALLET_HELP_REGION", "cn")
    .run();
    home.at(
        3,
        &[
            "cases",
            "log",
            "last",
            "--channel",
            "phone",
            "--agent",
            "8801",
            "--promised",
            "3个工作日",
            "--lang",
            "zh",
        ],
    )
    .env("WALLET_HELP_REGION", "cn")
    .run();
    let out = home
        .at(20, &["cases", "follow-up", "last", "--lang", "zh"])
        .env("WALLET_HELP_REGION", "cn")
        .run();
    let letter = &out.stdout;
    assert!(letter.starts_with("收件人：钱包 App 内"), "{letter}");
    assert!(letter.contains("主题：跟进：[WH-"), "{letter}");
    assert!(letter.contains("至今已过去 20 天"), "{letter}");
    assert!(letter.contains("客服曾承诺在"), "{letter}");
    for ascii in [", ", ": ", "; "] {
        let body: String = letter.lines().filter(|l| !l.contains("WH-")).collect();
        assert!(!body.contains(ascii), "half-width {ascii:?} in\n{letter}");
    }
    let escalation = home
        .at(
            20,
            &[
                "cases",
                "escalate",
                "last",
                "--to",
                "regulator",
                "--lang",
                "zh",
            ],
        )
        .env("WALLET_HELP_REGION", "cn")
        .run();
    assert!(
        escalation.stdout.contains("国家金融监督管理总局（12378）"),
        "{}",
        escalation.stdout
    );
    assert!(
        escalation.stderr.contains("尚未"),
        "the 12363 caveat: {}",
        escalation.stderr
    );
}

#[test]
fn export_is_the_whole_timeline_in_markdown_or_json() {
    let (home, id) = uk_case_with_a_lapsed_promise();
    let md = home.at(20, &["cases", "export", "last"]).run().stdout;
    assert!(
        md.starts_with(&format!("# Case {id}: Payment failed\n")),
        "{md}"
    );
    assert!(md.contains("## Contacts with support"));
    assert!(md.contains("## Deadlines"));
    let json = home
        .at(20, &["cases", "export", "last", "--json"])
        .run()
        .stdout;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["schema"], "wallet-help.case/1");
    assert_eq!(json["contacts"].as_array().unwrap().len(), 2);
    assert_eq!(json["report"]["report_id"], id.as_str());
}

#[test]
fn close_and_forget() {
    let (home, id) = uk_case_with_a_lapsed_promise();
    home.at(20, &["cases", "close", "last"]).run();
    assert_eq!(home.cases_json(20)[0]["status"], "closed");
    assert_eq!(home.cases_json(20)[0]["overdue"], serde_json::json!([]));
    home.at(20, &["cases", "forget", &id])
        .stderr_contains("Removed")
        .run();
    assert_eq!(home.cases_json(20), serde_json::json!([]));
    home.report(&[]);
    home.run(&["cases", "forget", "--all"]).run();
    assert!(!home.journal().exists());
}

#[test]
fn a_forgotten_case_leaves_no_trace_on_disk() {
    let (home, id) = uk_case_with_a_lapsed_promise();
    // A second case stays, so the journal itself stays.
    home.at(21, &["payment-failed", "--answers", "answers.toml"])
        .run();
    assert!(contains(&journal_bytes(&home), b"CS-88812"));
    home.at(22, &["cases", "forget", &id])
        .stderr_contains("Removed")
        .run();
    assert_eq!(home.cases_json(22).as_array().map(Vec::len), Some(1));
    let bytes = journal_bytes(&home);
    for trace in [
        b"CS-88812".as_slice(),
        b"Said a refund would come",
        id.as_bytes(),
    ] {
        assert!(
            !contains(&bytes, trace),
            "{}",
            String::from_utf8_lossy(trace)
        );
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every byte the journal left on disk: the database and its write-ahead log.
fn journal_bytes(home: &Home) -> Vec<u8> {
    let mut bytes = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut name = home.journal().into_os_string();
        name.push(suffix);
        if let Ok(b) = fs::read(&name) {
            bytes.extend(b);
        }
    }
    bytes
}

#[test]
fn no_card_number_password_or_code_reaches_the_journal() {
    let home = Home::new();
    home.report(&[
        "--set",
        "error-message=Declined. Card 4111 1111 1111 1111, password Hunter2Secret, 验证码 483920",
    ]);
    home.at(
        1,
        &[
            "cases",
            "log",
            "last",
            "--channel",
            "phone",
            "--note",
            "agent asked for my PIN 7777 and card 5500 0000 0000 0004; OTP 918273",
            "--ref",
            "password: Swordfish99",
            "--agent",
            "asked me to read 3782 822463 10005 to him",
        ],
    )
    .run();
    // A card number in a file's name or in a reference is masked too.
    home.at(1, &["cases", "attach", "last", "card 6011111111111117.png"])
        .file("card 6011111111111117.png", "png")
        .stderr_contains("Recorded card •••• 1117.png")
        .run();
    home.at(
        1,
        &[
            "cases",
            "log",
            "last",
            "--channel",
            "chat",
            "--ref",
            "4012888888881881",
        ],
    )
    .run();
    let bytes = journal_bytes(&home);
    assert!(!bytes.is_empty());
    for secret in [
        "4111 1111 1111 1111",
        "4111111111111111",
        "Hunter2Secret",
        "483920",
        "5500 0000 0000 0004",
        "918273",
        "Swordfish99",
        "3782 822463 10005",
        "6011111111111117",
        "4012888888881881",
    ] {
        assert!(
            !contains(&bytes, secret.as_bytes()),
            "{secret} is in the journal"
        );
    }
    assert!(
        contains(&bytes, b"2026112122001400000000001234"),
        "ids are kept"
    );
}

#[test]
fn a_damaged_journal_is_an_error_and_is_never_overwritten() {
    let home = Home::new();
    fs::create_dir_all(home.data()).unwrap();
    let garbage = b"this is not a database, it is someone's notes\n".repeat(100);
    fs::write(home.journal(), &garbage).unwrap();
    home.run(&["cases"])
        .status(1)
        .stderr_contains("is damaged (not an SQLite database); it was left as it is")
        .stderr_contains("hint: move it aside")
        .run();
    // The report still reaches the user; only the journal is skipped, with a warning.
    let out = home.report(&[]);
    assert!(out.stdout.contains("Subject: [WH-"), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("warning: the case journal could not be updated"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read(home.journal()).unwrap(), garbage);
}

#[test]
fn a_journal_from_a_newer_version_is_refused() {
    let home = Home::new();
    home.report(&[]);
    {
        let conn = rusqlite::Connection::open(home.journal()).unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
    }
    home.run(&["cases"])
        .status(1)
        .stderr_contains("has format 99; this version reads up to 1")
        .run();
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_never_loses_the_report() {
    use std::os::unix::fs::PermissionsExt as _;
    let home = Home::new();
    let data = home.path().join("data");
    fs::create_dir_all(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o500)).unwrap();
    if fs::write(data.join("probe"), "x").is_ok() {
        // Root ignores permissions: nothing to test here.
        eprintln!("skipped: running as root, a read-only folder is still writable");
        return;
    }
    let out = home.report(&[]);
    assert!(out.stdout.contains("Subject: [WH-"), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("warning: the case journal could not be updated")
    );
    fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn a_full_disk_never_loses_the_report() {
    // /dev/full as the data folder's parent: creating anything under it fails.
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let home = Home::new();
    let out = home
        .run(&["payment-failed", "--answers", "answers.toml"])
        .env("XDG_DATA_HOME", "/dev/full")
        .run();
    assert!(out.stdout.contains("Subject: [WH-"));
    assert!(
        out.stderr
            .contains("warning: the case journal could not be updated")
    );
}

/// `wallet-help ARGS` as a child process with this home's environment.
fn spawn(home: &Home, args: &[&str]) -> std::process::Child {
    Command::new(binary())
        .args(args)
        .env_clear()
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("SOURCE_DATE_EPOCH", NOW_EPOCH)
        .env("TZ", "Asia/Shanghai")
        .env("LANG", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .current_dir(home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let home = Home::new();
    home.report(&[]);
    let id = home.cases_json(0)[0]["report_id"]
        .as_str()
        .unwrap()
        .to_string();
    let answers = fixtures().join("answers/payment-failed.toml");
    let answers = answers.display().to_string();
    let writers: Vec<_> = (0..12)
        .map(|i| {
            if i % 3 == 0 {
                // Reports recorded while contacts are logged: another table, the same file.
                let amount = format!("amount={}.00 CNY", 10 + i);
                spawn(
                    &home,
                    &["payment-failed", "--answers", &answers, "--set", &amount],
                )
            } else {
                let note = format!("contact number {i}");
                spawn(
                    &home,
                    &["cases", "log", &id, "--channel", "chat", "--note", &note],
                )
            }
        })
        .collect();
    for mut child in writers {
        let status = child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
        assert!(status.success(), "{err}");
        assert!(!err.contains("warning"), "{err}");
    }
    let cases = home.cases_json(0);
    assert_eq!(cases.as_array().unwrap().len(), 5, "{cases:#}");
    let out = home.run(&["cases", "show", &id, "--json"]).run();
    let case: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(case["contacts"].as_array().unwrap().len(), 8);
}

#[test]
fn concurrent_contacts_on_one_case_are_all_kept() {
    let home = Home::new();
    home.report(&[]);
    let id = home.cases_json(0)[0]["report_id"]
        .as_str()
        .unwrap()
        .to_string();
    let writers: Vec<_> = (0..16)
        .map(|i| {
            let note = format!("contact number {i}");
            spawn(
                &home,
                &["cases", "log", &id, "--channel", "chat", "--note", &note],
            )
        })
        .collect();
    for mut child in writers {
        assert!(child.wait().unwrap().success());
    }
    let out = home.run(&["cases", "show", "last", "--json"]).run();
    let case: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(case["contacts"].as_array().unwrap().len(), 16);
}

#[cfg(unix)]
#[test]
fn a_killed_writer_leaves_the_journal_consistent() {
    let home = Home::new();
    home.report(&[]);
    let id = home.cases_json(0)[0]["report_id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut finished = 0;
    for round in 0..24u64 {
        let note = format!("note {round} ").repeat(50);
        let mut child = spawn(
            &home,
            &["cases", "log", &id, "--channel", "phone", "--note", &note],
        );
        // Kill at a different moment each time: before, during or after the write.
        std::thread::sleep(std::time::Duration::from_micros(500 * round));
        let _ = child.kill();
        if child.wait().unwrap().success() {
            finished += 1;
        }
    }
    let conn = rusqlite::Connection::open(home.journal()).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let out = home.run(&["cases", "show", "last", "--json"]).run();
    let case: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let logged = case["contacts"].as_array().unwrap().len();
    // Each write is whole or absent: at least every writer that finished is there.
    assert!(
        logged >= finished && logged <= 24,
        "{logged} logged, {finished} finished"
    );
}

#[test]
fn a_promise_is_read_by_the_date_parser_counted_from_the_contact() {
    let home = Home::new();
    home.report(&[]);
    // The contact was on Mon 23 Nov; "next Friday" is the Friday of the week after.
    for (said, due) in [
        ("12月20日", "20 Dec 2026"),
        ("next friday", "4 Dec 2026"),
        ("in 5 days", "28 Nov 2026"),
        ("5 business days", "30 Nov 2026"),
    ] {
        home.at(
            2,
            &[
                "cases",
                "log",
                "last",
                "--channel",
                "phone",
                "--at",
                "2026-11-23 10:00",
                "--promised",
                said,
            ],
        )
        .stderr_contains(&format!("promised by {due}"))
        .run();
    }
}

#[test]
fn a_promise_or_a_time_that_cannot_be_read_is_a_usage_error_in_the_users_language() {
    let home = Home::new();
    home.report(&[]);
    let log = |extra: &[&str]| {
        let mut args = vec!["cases", "log", "last", "--channel", "chat"];
        args.extend(extra);
        home.at(2, &args).status(2)
    };
    log(&["--promised", "soonish"])
        .stderr_contains("error: invalid value `soonish` for `--promised`: expected a date (2026-12-08, Dec 20, next Friday, tomorrow) or a span (in 5 days, 5 business days)")
        .run();
    log(&["--promised", "过几天", "--lang", "zh"])
        .stderr_contains("`--promised` 的值 `过几天` 无效：应为日期（2026-12-08、12月20日、下周五、明天）或一段时间（5天内、5个工作日）")
        .run();
    log(&["--at", "2026-11-23 10:00", "--promised", "2026-11-20"])
        .stderr_contains("is before the contact on 23 Nov 2026")
        .run();
    log(&["--at", "next week sometime"])
        .stderr_contains("invalid value `next week sometime` for `--at`")
        .run();
    log(&["--at", "明天下午3点", "--lang", "zh"])
        .stderr_contains("`--at` 的值 `明天下午3点` 无效：这个时间还没到")
        .run();
    let case = home.at(2, &["cases", "show", "last", "--json"]).run();
    assert!(
        case.stdout.contains("\"contacts\": []"),
        "nothing logged: {}",
        case.stdout
    );
}

const COMPLAINTS: &str = "[provider]\nname = \"Example Wallet\"\n[support]\nemail = \"support@example.com\"\ncomplaints = \"mailto:complaints@example.com\"\n";

#[test]
fn escalation_names_the_providers_complaint_channel_before_the_ombudsman() {
    let (home, id) = uk_case_with_a_lapsed_promise();
    let first = home
        .at(20, &["cases", "escalate", "last", "--config", "c.toml"])
        .file("c.toml", COMPLAINTS)
        .run();
    assert!(
        first.stdout.starts_with("To: complaints@example.com\n"),
        "{}",
        first.stdout
    );
    assert!(
        first
            .stdout
            .contains("I understand I can take it to the Financial Ombudsman Service")
    );
    assert!(
        first.stderr.contains(
            "Send it to the provider's formal complaint channel, complaints@example.com,"
        ),
        "{}",
        first.stderr
    );
    home.at(21, &["cases", "show", "last"])
        .stdout_contains(
            "\nLetters\n  - 11 Dec 2026, 15:04 (UTC+8): formal complaint to the provider written\n",
        )
        .stdout_contains("for a complaint to the regulator or ombudsman.")
        .run();
    home.at(21, &["cases", "show", "last", "--lang", "zh"])
        .stdout_contains("\n信函\n  - 2026年12月11日 15:04：写了给服务商的正式投诉\n")
        .stdout_contains("写给监管机构的投诉函。")
        .stdout_contains("  （工作日")
        .run();
    let form = "[support]\ncomplaints = \"https://example.com/complaints\"\n";
    let by_form = home
        .at(
            20,
            &[
                "cases", "escalate", "last", "--to", "provider", "--config", "c.toml",
            ],
        )
        .file("c.toml", form)
        .run();
    assert!(
        by_form.stdout.starts_with(
            "To: my wallet provider's complaint form (https://example.com/complaints)\n"
        ),
        "{}",
        by_form.stdout
    );
    let second = home
        .at(40, &["cases", "escalate", "last", "--config", "c.toml"])
        .file("c.toml", COMPLAINTS)
        .run();
    assert!(
        second
            .stdout
            .contains("formal complaint to the provider written (to complaints@example.com)"),
        "{}",
        second.stdout
    );
    assert!(
        second
            .stdout
            .contains(&format!("Complaint about Example Wallet: [{id}]"))
    );
}

/// An email draft parsed back: its `To:`, subject, body and the report attached.
fn parsed_draft(bytes: &[u8]) -> (Option<String>, String, String, String) {
    use mail_parser::{MessageParser, MimeHeaders as _};
    let message = MessageParser::default().parse(bytes).unwrap();
    let to = message
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::to_string);
    let subject = message.subject().unwrap().to_string();
    let body = message.body_text(0).unwrap().replace("\r\n", "\n");
    let attachment = message.attachment(0).unwrap();
    assert_eq!(attachment.content_type().unwrap().subtype(), Some("json"));
    let json = String::from_utf8(attachment.contents().to_vec()).unwrap();
    assert!(String::from_utf8_lossy(bytes).contains("X-Unsent: 1"));
    (to, subject, body, json)
}

#[test]
fn letters_are_written_as_email_drafts_with_the_report_attached() {
    let (home, id) = uk_case_with_a_lapsed_promise();
    let follow = home
        .at(
            20,
            &[
                "cases",
                "follow-up",
                "last",
                "--config",
                "c.toml",
                "-o",
                "follow.eml",
            ],
        )
        .file("c.toml", COMPLAINTS)
        .stderr_contains("Letter saved to follow.eml")
        .run();
    let (to, subject, body, json) = parsed_draft(&fs::read(follow.dir.join("follow.eml")).unwrap());
    assert_eq!(to.as_deref(), Some("support@example.com"));
    assert_eq!(subject, format!("Follow-up: [{id}] Payment failed"));
    assert!(
        body.starts_with("Hello,\n\nI am following up on my report"),
        "{body}"
    );
    assert!(
        !body.contains("Subject:"),
        "headers are not repeated in the body: {body}"
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["report_id"], id.as_str());

    let complaint = home
        .at(
            20,
            &[
                "cases",
                "escalate",
                "last",
                "--config",
                "c.toml",
                "-o",
                "complaint.eml",
            ],
        )
        .file("c.toml", COMPLAINTS)
        .run();
    let (to, subject, body, _) =
        parsed_draft(&fs::read(complaint.dir.join("complaint.eml")).unwrap());
    assert_eq!(to.as_deref(), Some("complaints@example.com"));
    assert_eq!(subject, format!("Formal complaint: [{id}] Payment failed"));
    assert!(body.contains("What agent 1043 promised"), "{body}");

    // The ombudsman takes complaints through its website: a draft with no address.
    let zh = home
        .at(
            40,
            &[
                "cases",
                "escalate",
                "last",
                "--lang",
                "zh",
                "--report-lang",
                "zh",
                "-o",
                "fos.eml",
            ],
        )
        .run();
    let (to, subject, body, _) = parsed_draft(&fs::read(zh.dir.join("fos.eml")).unwrap());
    assert_eq!(to, None);
    assert!(subject.starts_with("投诉钱包服务商："), "{subject}");
    assert!(body.contains("时间线"), "{body}");
    assert!(zh.stderr.contains("信函已保存到 fos.eml"), "{}", zh.stderr);
}

#[test]
fn a_follow_up_on_the_day_of_the_report_says_so() {
    let home = Home::new();
    home.report(&[]);
    home.run(&["cases", "follow-up", "last"])
        .stdout_contains("sent on 21 Nov 2026, 15:04 (UTC+8). That was earlier today.\n")
        .run();
    home.run(&["cases", "follow-up", "last", "--report-lang", "zh"])
        .stdout_contains("核对码 ")
        .stdout_contains("），就在今天。")
        .run();
}
