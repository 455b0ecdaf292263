//! The case journal's budget: `cases` lists 1,000 cases (open, integrity check, three queries,
//! deadlines of each) in under 20 ms.
//!
//! Run with `cargo bench --bench cases`. The whole process is timed in `scripts/timings.sh`.

// Benchmarks panic on what they set up themselves; the no-panic lints are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::black_box;
use jiff::Zoned;
use wallet_help::cases::{Journal, deadlines};

fn main() {
    divan::main();
}

const CASES: usize = 1000;

fn now() -> Zoned {
    "2026-12-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap()
}

/// A journal with 1,000 cases, each with two contacts (one with a promised date).
static JOURNAL: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.sqlite3");
    drop(Journal::open(&path).unwrap());
    fill(&path);
    (dir, path)
});

fn fill(path: &Path) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    let report = r#"{"summary":"My payment of 59.90 CNY failed.","details":[]}"#;
    for i in 0..CASES {
        let day = 1 + i % 28;
        let created = format!("2026-11-{day:02}T10:00:00+08:00");
        tx.execute(
            "INSERT INTO cases (report_id, verification_code, guide_id, guide_title, region,
                 language, format, created_at, sent_at, sent_via, report)
             VALUES (?1, 'ABC-123', 'payment-failed', 'Payment failed', 'uk', 'en', 'text',
                 ?2, ?2, 'printed', ?3)",
            rusqlite::params![format!("WH-202611{day:02}-{i:06}"), created, report],
        )
        .unwrap();
        let case = tx.last_insert_rowid();
        for (at, promised) in [
            ("2026-11-29T10:00:00+08:00", Some("2026-12-04")),
            ("2026-12-05T10:00:00+08:00", None),
        ] {
            tx.execute(
                "INSERT INTO contacts (case_id, at, channel, agent, promised, note, logged_at)
                 VALUES (?1, ?2, 'phone', '1043', ?3, 'refund promised', ?2)",
                rusqlite::params![case, at, promised],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

/// What `cases` does before printing: open, check, load, and find what is overdue.
#[divan::bench]
fn list_1000_cases() {
    let now = now();
    let journal = Journal::open_existing(&JOURNAL.1).unwrap().unwrap();
    let cases = journal.cases().unwrap();
    assert_eq!(cases.len(), CASES);
    let overdue: usize = cases
        .iter()
        .map(|c| deadlines::overdue(c, &now).len())
        .sum();
    black_box(overdue);
}
