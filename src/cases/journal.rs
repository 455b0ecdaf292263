//! The case journal on disk: one `SQLite` file in the user's data folder, mode 0600, in WAL mode
//! so that two processes can write it at once, each change in its own transaction so that a
//! killed process leaves it consistent. The schema is versioned with `PRAGMA user_version`;
//! a file that is not a journal, is damaged, or was written by a newer version is an error and
//! is never overwritten.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior, params};

use super::{Case, Channel, Contact, Evidence, Letter, LetterKind, NewCase, Status, format_name};
use crate::error::{Error, Result};
use crate::lang::Lang;

/// The schema version this build writes; migrations bring older files up to it.
pub const SCHEMA_VERSION: i64 = 1;

/// Each migration takes the schema from its index to the next version.
const MIGRATIONS: [&str; 1] = [r"
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    report_id TEXT NOT NULL UNIQUE,
    verification_code TEXT NOT NULL,
    guide_id TEXT NOT NULL,
    guide_title TEXT NOT NULL,
    region TEXT NOT NULL,
    report_region TEXT,
    language TEXT NOT NULL,
    format TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    sent_via TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    closed_at TEXT,
    report TEXT NOT NULL
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    reference TEXT,
    agent TEXT,
    promised TEXT,
    note TEXT,
    logged_at TEXT NOT NULL
);
CREATE INDEX contacts_case ON contacts(case_id);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    modified TEXT,
    added_at TEXT NOT NULL
);
CREATE INDEX evidence_case ON evidence(case_id);
CREATE TABLE letters (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    rung INTEGER NOT NULL,
    written_at TEXT NOT NULL
);
CREATE INDEX letters_case ON letters(case_id);
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    guide_id TEXT NOT NULL,
    language TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    answers TEXT NOT NULL
);
"];

/// How long a writer waits for another to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The most memory `SQLite` may keep pages in, in KiB.
const PAGE_CACHE_KIB: u32 = 256;

/// How much of the file is checked at open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    /// The header and the schema version (writes).
    Header,
    /// Every page as well (reads, which show the user what is there).
    Pages,
}

pub struct Journal {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
}

impl Journal {
    /// Opens the journal at `path` to record something, creating it (and its folder) when it
    /// does not exist. The header and the version are checked; `SQLite` itself notices damage
    /// in any page it reads, so a report is recorded without reading the whole file first.
    pub fn open(path: &Path) -> Result<Journal> {
        create_private(path)?;
        Journal::connect(path, Check::Header)
    }

    /// Opens the journal to read it, after a check of every page (`PRAGMA quick_check`);
    /// `None` when nothing was ever recorded.
    pub fn open_existing(path: &Path) -> Result<Option<Journal>> {
        if !path.exists() {
            return Ok(None);
        }
        Journal::connect(path, Check::Pages).map(Some)
    }

    fn connect(path: &Path, check: Check) -> Result<Journal> {
        check_header(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| db_error(path, &e))?;
        let journal = Journal {
            conn,
            path: path.to_path_buf(),
        };
        journal.prepare(check)?;
        Ok(journal)
    }

    /// Settings, the integrity check and the migrations, in that order.
    fn prepare(&self, check: Check) -> Result<()> {
        let fail = |e: rusqlite::Error| db_error(&self.path, &e);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        // Every operation reads a few pages, or reads each page once (the integrity check, a
        // listing of every case): `SQLite`'s default cache of 2 MB would only add to the peak
        // memory of `cases`.
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{PAGE_CACHE_KIB}"))
            .map_err(fail)?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(fail)?;
        if version > SCHEMA_VERSION {
            return Err(Error::JournalTooNew {
                path: self.path.clone(),
                version,
                supported: SCHEMA_VERSION,
            });
        }
        if check == Check::Pages {
            let result: String = self
                .conn
                .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
                .map_err(fail)?;
            if result != "ok" {
                return Err(Error::JournalCorrupt {
                    path: self.path.clone(),
                    reason: result,
                });
            }
        }
        self.conn
            .execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(fail)?;
        if version < SCHEMA_VERSION {
            // The journal mode is kept in the file: set once, when the file is made.
            self.conn
                .execute_batch("PRAGMA journal_mode = WAL")
                .map_err(fail)?;
            self.migrate()?;
        }
        Ok(())
    }

    /// Brings the schema up to [`SCHEMA_VERSION`] in one transaction; a second process doing
    /// the same waits, then finds nothing left to do.
    fn migrate(&self) -> Result<()> {
        let fail = |e: rusqlite::Error| db_error(&self.path, &e);
        self.conn.execute_batch("BEGIN IMMEDIATE").map_err(fail)?;
        let result = (|| -> rusqlite::Result<()> {
            let version: i64 = self
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))?;
            let from = usize::try_from(version).unwrap_or(0);
            for sql in MIGRATIONS.iter().skip(from) {
                self.conn.execute_batch(sql)?;
            }
            self.conn
                .execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))?;
            Ok(())
        })();
        match result {
            Ok(()) => self.conn.execute_batch("COMMIT").map_err(fail),
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(fail(e))
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(super) fn fail(&self, e: &rusqlite::Error) -> Error {
        db_error(&self.path, e)
    }

    /// Records a report; the same report delivered again updates how and when it was sent.
    pub fn record(&mut self, new: &NewCase<'_>) -> Result<()> {
        let r = new.report;
        let path = self.path.clone();
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO cases (report_id, verification_code, guide_id, guide_title, region,
                 language, format, created_at, sent_at, sent_via, report, report_region)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT(report_id) DO UPDATE SET
                 sent_at = excluded.sent_at, sent_via = excluded.sent_via,
                 format = excluded.format, report = excluded.report",
            params![
                r.report_id,
                r.verification_code,
                r.guide.id,
                r.guide.title,
                new.region,
                r.language.code(),
                format_name(new.format),
                r.created_at,
                new.sent_at,
                new.delivery,
                new.json,
                new.report_region,
            ],
        )
        .map_err(|e| db_error(&path, &e))?;
        tx.commit().map_err(|e| db_error(&path, &e))
    }

    /// Starts a write transaction, taking the write lock at once so that two writers queue
    /// instead of failing halfway.
    pub(super) fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        let path = self.path.clone();
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db_error(&path, &e))
    }

    /// Every report id, newest first.
    pub fn report_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT report_id FROM cases ORDER BY created_at DESC, id DESC")
            .map_err(|e| self.fail(&e))?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .map_err(|e| self.fail(&e))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
            .map_err(|e| self.fail(&e))
    }

    /// Every case with its contacts and letters (evidence too), newest first. Three queries,
    /// whatever the number of cases.
    pub fn cases(&self) -> Result<Vec<Case>> {
        let mut cases = self.load_cases(None)?;
        self.load_children(&mut cases, None)?;
        Ok(cases.into_iter().map(|(_, c)| c).collect())
    }

    /// One case, by its report id.
    pub fn case(&self, report_id: &str) -> Result<Option<Case>> {
        let mut cases = self.load_cases(Some(report_id))?;
        self.load_children(&mut cases, Some(report_id))?;
        Ok(cases.pop().map(|(_, c)| c))
    }

    fn load_cases(&self, only: Option<&str>) -> Result<Vec<(i64, Case)>> {
        // A listing needs no report text, only the region it may name, kept beside it.
        let sql = "SELECT id, report_id, verification_code, guide_id, guide_title, region,
                          language, format, created_at, sent_at, sent_via, status, closed_at,
                          CASE WHEN ?1 IS NULL THEN '' ELSE report END, report_region
                   FROM cases WHERE ?1 IS NULL OR report_id = ?1
                   ORDER BY created_at DESC, id DESC";
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.fail(&e))?;
        let rows = stmt
            .query_map([only], |r| {
                let language: String = r.get(6)?;
                let status: String = r.get(11)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    Case {
                        report_id: r.get(1)?,
                        verification_code: r.get(2)?,
                        guide_id: r.get(3)?,
                        guide_title: r.get(4)?,
                        region: r.get(5)?,
                        language: Lang::from_code(&language).unwrap_or(Lang::En),
                        format: r.get(7)?,
                        created_at: r.get(8)?,
                        sent_at: r.get(9)?,
                        sent_via: r.get(10)?,
                        status: if status == "closed" {
                            Status::Closed
                        } else {
                            Status::Open
                        },
                        closed_at: r.get(12)?,
                        report: r.get(13)?,
                        report_region: r.get(14)?,
                        contacts: Vec::new(),
                        evidence: Vec::new(),
                        letters: Vec::new(),
                    },
                ))
            })
            .map_err(|e| self.fail(&e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.fail(&e))
    }

    fn load_children(&self, cases: &mut [(i64, Case)], only: Option<&str>) -> Result<()> {
        let index: std::collections::HashMap<i64, usize> = cases
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let filter = "WHERE ?1 IS NULL OR case_id = (SELECT id FROM cases WHERE report_id = ?1)";
        let sql = format!(
            "SELECT case_id, at, channel, reference, agent, promised, note, logged_at
             FROM contacts {filter} ORDER BY at, id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.fail(&e))?;
        let rows = stmt
            .query_map([only], |r| {
                let channel: String = r.get(2)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    Contact {
                        at: r.get(1)?,
                        channel: Channel::from_name(&channel).unwrap_or(Channel::InApp),
                        reference: r.get(3)?,
                        agent: r.get(4)?,
                        promised: r.get(5)?,
                        note: r.get(6)?,
                        logged_at: r.get(7)?,
                    },
                ))
            })
            .map_err(|e| self.fail(&e))?;
        for row in rows {
            let (case, contact) = row.map_err(|e| self.fail(&e))?;
            if let Some(c) = index.get(&case).and_then(|i| cases.get_mut(*i)) {
                c.1.contacts.push(contact);
            }
        }
        let sql = format!(
            "SELECT case_id, name, path, size, sha256, modified, added_at
             FROM evidence {filter} ORDER BY id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.fail(&e))?;
        let rows = stmt
            .query_map([only], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Evidence {
                        name: r.get(1)?,
                        path: r.get(2)?,
                        size: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                        sha256: r.get(4)?,
                        modified: r.get(5)?,
                        added_at: r.get(6)?,
                    },
                ))
            })
            .map_err(|e| self.fail(&e))?;
        for row in rows {
            let (case, evidence) = row.map_err(|e| self.fail(&e))?;
            if let Some(c) = index.get(&case).and_then(|i| cases.get_mut(*i)) {
                c.1.evidence.push(evidence);
            }
        }
        let sql = format!(
            "SELECT case_id, kind, rung, written_at FROM letters {filter} ORDER BY written_at, id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.fail(&e))?;
        let rows = stmt
            .query_map([only], |r| {
                let kind: String = r.get(1)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    Letter {
                        kind: if kind == "escalation" {
                            LetterKind::Escalation
                        } else {
                            LetterKind::FollowUp
                        },
                        rung: u8::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                        written_at: r.get(3)?,
                    },
                ))
            })
            .map_err(|e| self.fail(&e))?;
        for row in rows {
            let (case, letter) = row.map_err(|e| self.fail(&e))?;
            if let Some(c) = index.get(&case).and_then(|i| cases.get_mut(*i)) {
                c.1.letters.push(letter);
            }
        }
        Ok(())
    }

    /// Adds a contact to the case with this report id.
    pub fn log_contact(&mut self, report_id: &str, contact: &Contact) -> Result<()> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| db_error(&path, &e);
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO contacts (case_id, at, channel, reference, agent, promised, note, logged_at)
             SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM cases WHERE report_id = ?1",
            params![
                report_id,
                contact.at,
                contact.channel.name(),
                contact.reference,
                contact.agent,
                contact.promised,
                contact.note,
                contact.logged_at
            ],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// Adds evidence files to the case, all or none.
    pub fn attach(&mut self, report_id: &str, files: &[Evidence]) -> Result<()> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| db_error(&path, &e);
        let tx = self.write()?;
        for file in files {
            tx.execute(
                "INSERT INTO evidence (case_id, name, path, size, sha256, modified, added_at)
                 SELECT id, ?2, ?3, ?4, ?5, ?6, ?7 FROM cases WHERE report_id = ?1",
                params![
                    report_id,
                    file.name,
                    file.path,
                    i64::try_from(file.size).unwrap_or(i64::MAX),
                    file.sha256,
                    file.modified,
                    file.added_at
                ],
            )
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)
    }

    /// Notes that a letter was written for the case.
    pub fn add_letter(&mut self, report_id: &str, letter: &Letter) -> Result<()> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| db_error(&path, &e);
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO letters (case_id, kind, rung, written_at)
             SELECT id, ?2, ?3, ?4 FROM cases WHERE report_id = ?1",
            params![
                report_id,
                letter.kind.name(),
                i64::from(letter.rung),
                letter.written_at
            ],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// Marks the case closed (or open again, with `None`).
    pub fn set_closed(&mut self, report_id: &str, closed_at: Option<&str>) -> Result<()> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| db_error(&path, &e);
        let status = if closed_at.is_some() {
            "closed"
        } else {
            "open"
        };
        let tx = self.write()?;
        tx.execute(
            "UPDATE cases SET status = ?2, closed_at = ?3 WHERE report_id = ?1",
            params![report_id, status, closed_at],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// Removes the case and everything logged for it.
    pub fn forget(&mut self, report_id: &str) -> Result<()> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| db_error(&path, &e);
        let tx = self.write()?;
        tx.execute("DELETE FROM cases WHERE report_id = ?1", [report_id])
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        // Deleted rows may linger in free pages and in the write-ahead log: wipe both. `VACUUM`
        // writes the new file through the log, so the log is copied in and emptied after it.
        self.conn
            .execute_batch(
                "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);",
            )
            .map_err(fail)
    }
}

/// Removes the journal file and its companions (`-wal`, `-shm`). Missing files are fine.
pub fn delete_files(path: &Path) -> Result<bool> {
    let mut removed = false;
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match fs::remove_file(&name) {
            Ok(()) => removed = true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io("remove", PathBuf::from(name), e)),
        }
    }
    Ok(removed)
}

/// Creates the data folder (0700) and an empty journal file (0600) when missing, so `SQLite`
/// never creates one with the process's default, wider mode.
fn create_private(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt as _;
            builder.mode(0o700);
        }
        builder
            .create(dir)
            .map_err(|e| Error::io("create the folder", dir, e))?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
        .open(path)
        .map(drop)
        .map_err(|e| Error::io("create", path, e))
}

/// A file that is neither empty nor an `SQLite` database is not ours to open: `SQLite` would
/// refuse it anyway, and nothing may ever overwrite it.
fn check_header(path: &Path) -> Result<()> {
    let mut head = Vec::with_capacity(16);
    fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| Error::io("read", path, e))?;
    if head.is_empty() || head.as_slice() == SQLITE_HEADER {
        return Ok(());
    }
    Err(Error::JournalCorrupt {
        path: path.to_path_buf(),
        reason: "not an SQLite database".into(),
    })
}

/// `SQLite`'s failures as the tool's: a damaged file is named as such.
pub(super) fn db_error(path: &Path, e: &rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::JournalCorrupt {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
        _ => Error::Journal {
            path: path.to_path_buf(),
            message: e.to_string(),
        },
    }
}
