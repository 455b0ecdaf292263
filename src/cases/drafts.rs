//! Drafts: the answers of a guide left unfinished (Esc or Ctrl-C, a closed terminal), kept in
//! the journal so `resume` can continue where the user stopped. A draft holds what the report
//! would hold: free text goes through the redactor before it is kept. Drafts expire after
//! [`EXPIRY_DAYS`].
//!
//! What a draft holds is the flow engine's [`crate::flow::Snapshot`] of the walk (redacted by
//! `commands::run`), and a resumed draft is replayed by the engine, each answer checked again
//! by its type's parser.

use jiff::Zoned;
use rusqlite::params;
use serde::Serialize;

use super::{Journal, time};
use crate::error::Result;
use crate::lang::Lang;

/// Drafts older than this are removed.
pub const EXPIRY_DAYS: i64 = 30;

/// A guide left unfinished.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub id: i64,
    pub guide_id: String,
    pub language: Lang,
    pub created_at: String,
    pub updated_at: String,
    /// `(step id, answer)` in the order given (a [`crate::flow::Snapshot`]'s entries): a
    /// choice's id, `yes`/`no` for a check, an input's normalised value (free text redacted),
    /// an empty string for a skipped input or a step only read, a verdict for the tool's own
    /// check.
    pub answers: Vec<(String, String)>,
}

impl Journal {
    /// Keeps `answers` as a draft of `guide_id`: a new one, or draft `id` updated.
    pub fn save_draft(
        &mut self,
        id: Option<i64>,
        guide_id: &str,
        language: Lang,
        answers: &[(String, String)],
        now: &Zoned,
    ) -> Result<i64> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| super::journal::db_error(&path, &e);
        let json = serde_json::to_string(answers).unwrap_or_else(|_| "[]".into());
        let stamp = time::rfc3339(now);
        let tx = self.write()?;
        let updated = match id {
            Some(id) => tx
                .execute(
                    "UPDATE drafts SET answers = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, json, stamp],
                )
                .map_err(fail)?,
            None => 0,
        };
        let id = if let (Some(id), 1) = (id, updated) {
            id
        } else {
            tx.execute(
                "INSERT INTO drafts (guide_id, language, created_at, updated_at, answers)
                 VALUES (?1, ?2, ?3, ?3, ?4)",
                params![guide_id, language.code(), stamp, json],
            )
            .map_err(fail)?;
            tx.last_insert_rowid()
        };
        tx.commit().map_err(fail)?;
        Ok(id)
    }

    /// The drafts still fresh at `now`, newest first; expired ones are removed on the way.
    pub fn drafts(&mut self, now: &Zoned) -> Result<Vec<Draft>> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| super::journal::db_error(&path, &e);
        let all = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT id, guide_id, language, created_at, updated_at, answers FROM drafts
                     ORDER BY updated_at DESC, id DESC",
                )
                .map_err(fail)?;
            let rows = stmt
                .query_map([], |r| {
                    let language: String = r.get(2)?;
                    let answers: String = r.get(5)?;
                    Ok(Draft {
                        id: r.get(0)?,
                        guide_id: r.get(1)?,
                        language: Lang::from_code(&language).unwrap_or(Lang::En),
                        created_at: r.get(3)?,
                        updated_at: r.get(4)?,
                        answers: serde_json::from_str(&answers).unwrap_or_default(),
                    })
                })
                .map_err(fail)?;
            rows.collect::<rusqlite::Result<Vec<Draft>>>()
                .map_err(fail)?
        };
        let (fresh, stale): (Vec<Draft>, Vec<Draft>) =
            all.into_iter().partition(|d| !expired(d, now));
        for draft in &stale {
            self.discard_draft(draft.id)?;
        }
        Ok(fresh)
    }

    /// Removes a draft; `false` when there was none with that id.
    pub fn discard_draft(&mut self, id: i64) -> Result<bool> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| super::journal::db_error(&path, &e);
        let tx = self.write()?;
        let n = tx
            .execute("DELETE FROM drafts WHERE id = ?1", [id])
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(n > 0)
    }
}

fn expired(draft: &Draft, now: &Zoned) -> bool {
    match time::parse(&draft.updated_at, now) {
        Some(updated) => {
            let age = now.timestamp().as_second() - updated.timestamp().as_second();
            age > EXPIRY_DAYS * 86_400
        }
        None => true,
    }
}

/// One line per draft for `resume`: number, guide, answers, age.
pub fn describe(draft: &Draft, title: &str, n: usize, now: &Zoned, lang: Lang) -> String {
    let age =
        time::parse(&draft.updated_at, now).map_or_else(String::new, |t| time::age(&t, now, lang));
    match lang {
        Lang::En => format!(
            "{}  {}  {title}  ({n} answer{}, {age})",
            draft.id,
            draft.guide_id,
            if n == 1 { "" } else { "s" }
        ),
        Lang::Zh => format!(
            "{}  {}  {title}（已答 {n} 题，{age}）",
            draft.id, draft.guide_id
        ),
    }
}
