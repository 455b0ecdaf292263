//! Drafts: the answers of a guide left unfinished (Esc or Ctrl-C, a closed terminal), kept in
//! the journal so `resume` can continue where the user stopped. A draft holds what the report
//! would hold: free text goes through the redactor before it is kept. Drafts expire after
//! [`EXPIRY_DAYS`].
//!
//! `Recorder` is a prompter that notes every answer on its way to the flow; `Replay` is one
//! that gives the draft's answers back, in order, each checked again by its type's parser, and
//! asks the rest.

use std::collections::VecDeque;

use jiff::Zoned;
use rusqlite::params;
use serde::Serialize;

use super::{Journal, time};
use crate::answers::parse_yes_no;
use crate::error::Result;
use crate::input::{self, InputType, Parsed};
use crate::lang::Lang;
use crate::prompt::{CheckQuestion, ChoiceQuestion, InputQuestion, Prompter};

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
    /// `(step id, answer)` in the order given: a choice's id, `yes`/`no` for a check, an
    /// input's normalised value (free text redacted); an empty string for a skipped input.
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

/// A prompter that notes each answer given through it, ready to be kept as a draft.
pub struct Recorder<'p> {
    inner: &'p mut dyn Prompter,
    answers: Vec<(String, String)>,
}

impl<'p> Recorder<'p> {
    /// Notes answers given by `inner`, after `already` (a resumed draft's).
    pub fn new(inner: &'p mut dyn Prompter, already: Vec<(String, String)>) -> Recorder<'p> {
        Recorder {
            inner,
            answers: already,
        }
    }

    /// The answers so far.
    pub fn answers(&self) -> &[(String, String)] {
        &self.answers
    }

    fn note(&mut self, step: &str, value: String) {
        self.answers.push((step.to_string(), value));
    }
}

impl Prompter for Recorder<'_> {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<usize> {
        let picked = self.inner.choose(q)?;
        if let Some((id, _)) = q.choices.get(picked) {
            self.note(q.step, (*id).to_string());
        }
        Ok(picked)
    }

    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Option<Parsed>> {
        let answer = self.inner.input(q)?;
        let kept = match (&answer, q.input_type) {
            (None, _) => String::new(),
            // What the report would keep: a secret in free text never reaches the draft.
            (Some(text), InputType::Text) => {
                let clean = crate::privacy::strip_controls(&text.value);
                crate::privacy::scan(&clean, q.privacy.scan_policy()).text
            }
            // The form that parses back to the same value when the draft is resumed.
            (Some(value), _) => value.typed(),
        };
        self.note(q.step, kept);
        Ok(answer)
    }

    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<bool> {
        let fixed = self.inner.check(q)?;
        self.note(q.step, if fixed { "yes" } else { "no" }.to_string());
        Ok(fixed)
    }

    fn info(&mut self, step: &str, text: &str) -> Result<()> {
        self.inner.info(step, text)
    }

    fn progress(&mut self, done: usize, total: usize) {
        self.inner.progress(done, total);
    }
}

/// A prompter that replays a draft's answers in order while the flow asks the same questions,
/// checking each again as if it were typed; once the flow asks something else (the guide
/// changed, or the draft ends), it asks `inner`.
pub struct Replay<'p> {
    queue: VecDeque<(String, String)>,
    inner: &'p mut dyn Prompter,
    /// Answers replayed, and why any was dropped, for the user to read.
    pub replayed: usize,
    pub dropped: Vec<String>,
}

impl<'p> Replay<'p> {
    pub fn new(answers: &[(String, String)], inner: &'p mut dyn Prompter) -> Replay<'p> {
        Replay {
            queue: answers.iter().cloned().collect(),
            inner,
            replayed: 0,
            dropped: Vec::new(),
        }
    }

    /// The draft's answer to `step` when it is the next one; the rest of the queue is
    /// dropped when the flow has left the draft's path.
    fn next_for(&mut self, step: &str) -> Option<String> {
        match self.queue.front() {
            Some((id, _)) if id == step => self.queue.pop_front().map(|(_, v)| v),
            Some(_) => {
                self.queue.clear();
                None
            }
            None => None,
        }
    }

    fn drop_answer(&mut self, step: &str) {
        self.dropped.push(step.to_string());
        // What follows was answered on a path that no longer holds.
        self.queue.clear();
    }
}

impl Prompter for Replay<'_> {
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<usize> {
        if let Some(value) = self.next_for(q.step) {
            if let Some(i) = q.choices.iter().position(|(id, _)| *id == value) {
                self.replayed += 1;
                return Ok(i);
            }
            self.drop_answer(q.step);
        }
        self.inner.choose(q)
    }

    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Option<Parsed>> {
        if let Some(value) = self.next_for(q.step) {
            // Checked again by the same parser as a typed answer: a date that was "today"
            // when the draft was kept is still the same date, and a guide that changed its
            // question's type refuses what no longer fits.
            match input::parse(q.input_type, &value, q.required, q.ctx) {
                Ok(answer) => {
                    self.replayed += 1;
                    return Ok(answer);
                }
                Err(_) => self.drop_answer(q.step),
            }
        }
        self.inner.input(q)
    }

    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<bool> {
        if let Some(value) = self.next_for(q.step) {
            if let Some(fixed) = parse_yes_no(&value) {
                self.replayed += 1;
                return Ok(fixed);
            }
            self.drop_answer(q.step);
        }
        self.inner.check(q)
    }

    fn info(&mut self, step: &str, text: &str) -> Result<()> {
        // Shown again only once the replay is over: the user read it the first time.
        if self.queue.is_empty() {
            self.inner.info(step, text)
        } else {
            Ok(())
        }
    }

    fn progress(&mut self, done: usize, total: usize) {
        // Steps answered from the draft are not shown again, nor is their progress.
        if self.queue.is_empty() {
            self.inner.progress(done, total);
        }
    }
}

/// One line per draft for `resume`: number, guide, answers, age.
pub fn describe(draft: &Draft, title: &str, now: &Zoned, lang: Lang) -> String {
    let age =
        time::parse(&draft.updated_at, now).map_or_else(String::new, |t| time::age(&t, now, lang));
    let n = draft.answers.len();
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
