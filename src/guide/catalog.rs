//! The guides the tool knows: those bundled in the binary, plus a provider's own from
//! `--guides` folders, where a guide with a bundled id replaces the bundled one.
//!
//! A bundled guide's header comes from `build.rs` as static data; a provider's is read from
//! the part of its file before and between the steps. Either way the guide itself is parsed
//! and validated the first time it is needed, so listing, searching or building the command
//! line costs little per guide, even with a thousand of them. With a cache dir, each
//! provider folder's headers and search terms are kept in an index there (`cache`) and read
//! again only for files that changed.

mod cache;
mod files;

use std::collections::HashSet;

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;

use super::snapshot::bundled;
use super::{Group, Guide, GuideIssue, IssueKind, Linted, Source, lint_guide, parse_guide};
use crate::error::{Error, Result};
use crate::lang::{Text, Words};
use crate::location::Location;

/// A guide file compiled into the binary, with its header when `build.rs` could read it.
pub(crate) struct BundledFile {
    name: &'static str,
    /// Where its text is in `SOURCES`.
    source: (usize, usize),
    header: Option<BundledHeader>,
}

/// Every bundled guide's text, one after the other, kept apart from the headers: start-up
/// reads every header, and a header beside its guide's text would bring the text into
/// memory too.
static SOURCES: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled_guides.txt"));

impl BundledFile {
    /// The guide file's text.
    fn source(&self) -> &'static str {
        bundled_text(self.source)
    }
}

/// The text of a bundled guide at `(start, end)` of `SOURCES`. Only when it is needed:
/// finding a text's ends reads its first and last bytes.
fn bundled_text((start, end): (usize, usize)) -> &'static str {
    SOURCES.get(start..end).unwrap_or_default()
}

pub(crate) struct BundledHeader {
    id: &'static str,
    group: &'static str,
    urgent: bool,
    title: [&'static str; 2],
    summary: [&'static str; 2],
    aliases_en: &'static [&'static str],
    aliases_zh: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/bundled_guides.rs"));

/// The bundled ids in SPEC's catalog order: roughly how often users hit them.
const SPEC_ORDER: [&str; 21] = [
    "payment-failed",
    "payment-pending",
    "top-up-missing",
    "withdrawal-problem",
    "transfer-problem",
    "refund-missing",
    "unauthorized-activity",
    "lost-device",
    "account-locked",
    "code-not-received",
    "verify-identity",
    "card-link-failed",
    "repayment-problem",
    "international-payment",
    "fee-question",
    "close-account",
    "update-info",
    "app-problem",
    "support-unresponsive",
    "scam-check",
    "contact",
];

/// Built-in command names; a guide id or alias may not take one.
pub use super::names::RESERVED;

/// How search indexes a provider's guide, for the cache to keep with its header: the
/// tokenizer's version (a new one makes old indexes stale) and the guide's search terms.
#[derive(Clone, Copy)]
pub struct Indexer {
    pub version: u64,
    pub terms: fn(&Entry) -> String,
}

/// One guide in the catalog: what `list` and the command line need, and the guide itself,
/// parsed on first use.
#[derive(Debug)]
pub struct Entry {
    pub id: String,
    pub group: Group,
    pub title: Text,
    pub summary: Text,
    pub aliases: Words,
    /// A provider guide's keywords, for search (the bundled ones are in its static data).
    pub keywords: Words,
    pub urgent: bool,
    pub source: Source,
    pub location: Location,
    /// A provider guide's search terms, from the cache or its `Indexer` (search tokenizes
    /// the phrases itself when they are missing).
    pub search_terms: Option<String>,
    /// Where a bundled guide's text is (`bundled_text`); a provider's is read again from its
    /// file when needed.
    text: Option<(usize, usize)>,
    /// Boxed: a guide is large, and a thousand entries need not each hold room for one.
    loaded: OnceLock<Box<Result<Guide, Vec<GuideIssue>>>>,
}

impl Entry {
    fn from_guide(guide: Guide) -> Entry {
        Entry {
            id: guide.id.clone(),
            group: guide.group,
            title: guide.title.clone(),
            summary: guide.summary.clone(),
            aliases: guide.aliases.clone(),
            keywords: guide.keywords.clone(),
            urgent: guide.urgent,
            source: guide.source.clone(),
            location: guide.location.clone(),
            search_terms: None,
            text: None,
            loaded: OnceLock::from(Box::new(Ok(guide))),
        }
    }

    /// The header of `guide` without the guide: enough for name checks.
    fn names_of(guide: &Guide) -> Entry {
        Entry {
            id: guide.id.clone(),
            group: guide.group,
            title: guide.title.clone(),
            summary: Text::default(),
            aliases: guide.aliases.clone(),
            keywords: Words::default(),
            urgent: guide.urgent,
            source: guide.source.clone(),
            location: guide.location.clone(),
            search_terms: None,
            text: None,
            loaded: OnceLock::new(),
        }
    }

    /// A bundled guide whose header is known; `None` when the header did not read, so the
    /// caller parses the file at once and reports its problems.
    fn lazy(file: &BundledFile) -> Option<Entry> {
        let h = file.header.as_ref()?;
        let location = Location {
            file: format!("guides/{}", file.name),
            line: 1,
            column: 1,
        };
        Some(Entry {
            id: h.id.to_string(),
            group: Group::from_name(h.group)?,
            title: Text::new(h.title[0], h.title[1]),
            summary: Text::new(h.summary[0], h.summary[1]),
            aliases: Words {
                en: h.aliases_en.iter().map(ToString::to_string).collect(),
                zh: h.aliases_zh.iter().map(ToString::to_string).collect(),
            },
            keywords: Words::default(),
            urgent: h.urgent,
            source: Source::Bundled,
            location,
            search_terms: None,
            text: Some(file.source),
            loaded: OnceLock::new(),
        })
    }

    /// A provider's guide from its header alone; `None` when the header does not read
    /// cleanly, so the caller parses the whole file and reports its problems.
    fn from_header(path: &Path, source: &[u8]) -> Option<Entry> {
        let header: FileHeader = toml::from_str(&header_text(source)?).ok()?;
        if !header.is_safe() {
            return None;
        }
        Some(Entry {
            id: header.id,
            group: Group::from_name(&header.group)?,
            title: header.title.into(),
            summary: header.summary.into(),
            aliases: header.aliases.into(),
            keywords: header.keywords.into(),
            urgent: header.urgent,
            source: Source::File(path.to_path_buf()),
            location: Location {
                file: path.display().to_string(),
                line: 1,
                column: 1,
            },
            search_terms: None,
            text: None,
            loaded: OnceLock::new(),
        })
    }

    /// A provider's guide from its record in the cache.
    fn from_record(path: &Path, record: cache::Record) -> Option<Entry> {
        let h = record.header;
        let [title_en, title_zh] = h.title;
        let [summary_en, summary_zh] = h.summary;
        let [aliases_en, aliases_zh] = h.aliases;
        let [keywords_en, keywords_zh] = h.keywords;
        Some(Entry {
            group: Group::from_name(&h.group)?,
            id: h.id,
            title: Text::new(title_en, title_zh),
            summary: Text::new(summary_en, summary_zh),
            aliases: Words {
                en: aliases_en,
                zh: aliases_zh,
            },
            keywords: Words {
                en: keywords_en,
                zh: keywords_zh,
            },
            urgent: h.urgent,
            source: Source::File(path.to_path_buf()),
            location: Location {
                file: path.display().to_string(),
                line: 1,
                column: 1,
            },
            search_terms: Some(record.terms),
            text: None,
            loaded: OnceLock::new(),
        })
    }

    /// What the cache keeps of this entry, with the file's name and stamp: `None` without
    /// search terms.
    fn draft<'r>(&'r self, name: &'r str, stamp: &Stamp) -> Option<cache::Draft<'r>> {
        let (size, modified, hash) = *stamp;
        Some(cache::Draft {
            name,
            size,
            modified,
            hash,
            id: &self.id,
            group: self.group.name(),
            urgent: self.urgent,
            title: [&self.title.en, &self.title.zh],
            summary: [&self.summary.en, &self.summary.zh],
            aliases: [&self.aliases.en, &self.aliases.zh],
            keywords: [&self.keywords.en, &self.keywords.zh],
            terms: self.search_terms.as_deref()?,
        })
    }

    /// The whole guide, on first use: a bundled one from the snapshot of the bundled guides when
    /// it is current, otherwise parsed and validated.
    pub fn guide(&self) -> Result<&Guide> {
        let loaded = self.loaded.get_or_init(|| Box::new(self.read()));
        loaded
            .as_ref()
            .as_ref()
            .map_err(|issues| Error::InvalidGuides {
                issues: issues.clone(),
            })
    }

    fn read(&self) -> Result<Guide, Vec<GuideIssue>> {
        if let (Some(_), Source::Bundled) = (&self.text, &self.source)
            && let Some(guide) = bundled(&self.location.file)
        {
            return Ok(guide);
        }
        match (&self.text, &self.source) {
            (None, Source::File(path)) => load_file(path),
            (text, source) => parse_guide(
                &self.location.file,
                text.map(bundled_text).unwrap_or_default(),
                source.clone(),
            ),
        }
    }

    /// Every name this guide answers to: its id, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.id).chain(self.aliases.all())
    }

    /// The guide read for `guides check`: validated, and what it warns about.
    pub fn lint(&self) -> Linted<Guide> {
        match (&self.text, &self.source) {
            (None, Source::File(path)) => lint_file(path),
            (text, source) => {
                let text = text.map(bundled_text).unwrap_or_default();
                lint_guide(&self.location.file, text, source.clone())
            }
        }
    }
}

#[derive(Debug)]
pub struct Catalog {
    entries: Vec<Entry>,
}

impl Catalog {
    /// The bundled guides, then each folder's, checked together for clashing names.
    pub fn load(dirs: &[PathBuf]) -> Result<Catalog> {
        Catalog::load_cached(dirs, None)
    }

    /// Like `load`, keeping each folder's headers and search terms in an index in
    /// `cache.0` (the user's cache dir), made with `cache.1`.
    pub fn load_cached(dirs: &[PathBuf], cache: Option<(&Path, &Indexer)>) -> Result<Catalog> {
        let (mut entries, mut issues) = bundled_entries();
        for dir in dirs {
            issues.extend(load_folder(dir, cache, &mut entries));
        }
        let entries = replace_bundled(entries);
        issues.extend(name_clashes(&entries));
        if issues.is_empty() {
            Ok(Catalog::ordered(entries))
        } else {
            Err(Error::InvalidGuides { issues })
        }
    }

    /// A catalog of already validated guides.
    pub fn from_guides(guides: Vec<Guide>) -> Catalog {
        Catalog::ordered(guides.into_iter().map(Entry::from_guide).collect())
    }

    /// By group, then in SPEC's catalog order (the common problems first), then a provider's
    /// own guides by id.
    fn ordered(mut entries: Vec<Entry>) -> Catalog {
        let rank = |id: &str| {
            SPEC_ORDER
                .iter()
                .position(|known| *known == id)
                .unwrap_or(usize::MAX)
        };
        entries.sort_by_cached_key(|e| (e.group, rank(&e.id), e.id.clone()));
        Catalog { entries }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every guide, parsed and validated; all problems at once if any fails.
    pub fn guides(&self) -> Result<Vec<&Guide>> {
        let mut guides = Vec::new();
        let mut issues = Vec::new();
        for entry in &self.entries {
            match entry.guide() {
                Ok(g) => guides.push(g),
                Err(Error::InvalidGuides { issues: found }) => issues.extend(found),
                Err(other) => return Err(other),
            }
        }
        if issues.is_empty() {
            Ok(guides)
        } else {
            Err(Error::InvalidGuides { issues })
        }
    }

    /// The guide with this id or alias.
    pub fn find(&self, name: &str) -> Option<&Entry> {
        let by_id = self.entries.iter().find(|g| g.id == name);
        by_id.or_else(|| {
            self.entries
                .iter()
                .find(|g| g.aliases.all().any(|a| a == name))
        })
    }

    /// Ids whose names (id or alias) are close to `name`, best first and at most three, for
    /// "did you mean". Only ids nearly as close as the closest are offered, so a plain typo
    /// gets one answer and an ambiguous start (`payment`) several.
    pub fn suggest(&self, name: &str) -> Vec<String> {
        self.suggest_with(name, &[])
    }

    /// Like `suggest`, with built-in `commands` competing by their own names. A guide is
    /// offered by its id, or, when the user typed Chinese, by its closest Chinese name: the
    /// suggestion is in the script the user writes.
    pub fn suggest_with(&self, name: &str, commands: &[&str]) -> Vec<String> {
        /// Below this, a name is not worth offering.
        const CLOSE: f64 = 0.8;
        /// How far behind the closest another may be and still be offered.
        const NEARLY: f64 = 0.1;
        let typed = name.to_lowercase();
        let typed_chinese = !typed.is_ascii();
        let guides = self.entries.iter().map(|g| {
            let (best, closest) = g
                .names()
                .map(|n| (closeness(&typed, n), n.as_str()))
                .fold((0.0, g.id.as_str()), |a, b| if b.0 > a.0 { b } else { a });
            let offered = if typed_chinese && !closest.is_ascii() {
                closest
            } else {
                g.id.as_str()
            };
            (best, offered)
        });
        let commands = commands.iter().map(|c| (closeness(&typed, c), *c));
        let mut scored: Vec<(f64, &str)> = guides
            .chain(commands)
            .filter(|(score, _)| *score >= CLOSE)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0)); // stable: catalog order on ties
        let best = scored.first().map_or(0.0, |s| s.0);
        scored
            .into_iter()
            .take_while(|(score, _)| *score >= best - NEARLY)
            .take(3)
            .map(|(_, id)| id.to_string())
            .collect()
    }
}

/// How close `typed` is to `name`, from 0 to 1: Jaro-Winkler, and for Chinese (any
/// non-ASCII name) also the characters they share, since a Chinese character is a whole
/// syllable and word order varies: `失败支付` is as close to `支付失败` as it gets.
fn closeness(typed: &str, name: &str) -> f64 {
    let jaro_winkler = strsim::jaro_winkler(typed, name);
    if typed.is_ascii() && name.is_ascii() {
        jaro_winkler
    } else {
        jaro_winkler.max(shared_chars(typed, name))
    }
}

/// The Sørensen–Dice coefficient of the two names' characters, counted with repeats: twice
/// the characters in common over all characters.
fn shared_chars(a: &str, b: &str) -> f64 {
    let total = a.chars().chain(b.chars()).fold(0.0, |n, _| n + 1.0);
    if total == 0.0 {
        return 0.0;
    }
    let mut rest: Vec<char> = b.chars().collect();
    let mut common = 0.0;
    for c in a.chars() {
        if let Some(i) = rest.iter().position(|r| *r == c) {
            rest.swap_remove(i);
            common += 1.0;
        }
    }
    2.0 * common / total
}

/// Every bundled guide file's name (as in its location, `guides/…`) and text, for the
/// snapshot of them (`super::snapshot`).
#[cfg(test)]
pub(crate) fn bundled_sources() -> impl Iterator<Item = (String, &'static str)> {
    BUNDLED
        .iter()
        .map(|file| (format!("guides/{}", file.name), file.source()))
}

/// The bundled guides as catalog entries, and the problems of any whose header did not read.
fn bundled_entries() -> (Vec<Entry>, Vec<GuideIssue>) {
    let mut entries = Vec::new();
    let mut issues = Vec::new();
    for file in BUNDLED {
        if let Some(entry) = Entry::lazy(file) {
            entries.push(entry);
            continue;
        }
        match parse_guide(
            &format!("guides/{}", file.name),
            file.source(),
            Source::Bundled,
        ) {
            Ok(guide) => entries.push(Entry::from_guide(guide)),
            Err(found) => issues.extend(found),
        }
    }
    (entries, issues)
}

/// Checks guide files on their own and against the bundled catalog, as `--guides` would
/// load them: every problem in every file, then clashing names.
pub fn check_files(paths: &[PathBuf]) -> (usize, Vec<GuideIssue>, Vec<GuideIssue>) {
    let mut checked = Vec::new();
    let mut issues = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        let (files, problems) = files::list(path);
        issues.extend(problems);
        let files: Vec<PathBuf> = files.into_iter().map(|f| f.path).collect();
        for (result, warned) in check_in_parallel(&files) {
            match result {
                Ok(entry) => checked.push(entry),
                Err(found) => issues.extend(found),
            }
            warnings.extend(warned);
        }
    }
    let count = checked.len();
    let (mut all, _) = bundled_entries();
    all.extend(checked);
    issues.extend(name_clashes(&replace_bundled(all)));
    (count, issues, warnings)
}

/// Validates files on every core, keeping each file's result in order. Only the names of a
/// valid guide are kept: a thousand whole guides need not sit in memory.
fn check_in_parallel(files: &[PathBuf]) -> Vec<Linted<Entry>> {
    crate::parallel::map(files, 16, |file| {
        let (guide, warnings) = lint_file(file);
        (guide.map(|guide| Entry::names_of(&guide)), warnings)
    })
}

/// Adds the entries of a `--guides` folder (or file) to `entries`: from the cache's index for
/// files that have not changed, else read, and the index written anew when anything was read.
/// Returns the folder's problems.
fn load_folder(
    dir: &Path,
    cache: Option<(&Path, &Indexer)>,
    entries: &mut Vec<Entry>,
) -> Vec<GuideIssue> {
    let (files, mut issues) = files::list(dir);
    let index_file = cache.map(|(cache_dir, _)| cache::file_for(cache_dir, dir));
    let mut index = match (&index_file, cache) {
        (Some(file), Some((_, indexer))) => cache::read(file, dir, indexer.version),
        _ => None,
    };
    // For each file, its record in the index when the file is unchanged: entries are made in
    // file order, straight into `entries`, with nothing else the size of the folder beside
    // them but the index's records, taken one by one.
    let mut checked = false;
    let fresh: Vec<Option<usize>> = files
        .iter()
        .map(|file| {
            let index = index.as_ref()?;
            let name = record_name(&file.path);
            let (at, freshness) = index.fresh(&name, file.size, file.modified, &file.path)?;
            checked |= freshness == cache::Freshness::Checked;
            Some(at)
        })
        .collect();
    let indexer = cache.map(|(_, indexer)| *indexer);
    let mut unchanged = !checked
        && index
            .as_ref()
            .is_some_and(|i| fresh.iter().all(Option::is_some) && i.len() == files.len());
    let base = entries.len();
    entries.reserve_exact(files.len());
    // Each new entry's file (by number) and what the index keys it by.
    let mut made: Vec<(usize, Stamp)> = Vec::with_capacity(files.len());
    for (n, (file, at)) in files.iter().zip(&fresh).enumerate() {
        let found = match at {
            Some(at) => index.as_mut().and_then(|i| i.take(*at)).and_then(|record| {
                let stamp = (record.size, record.modified, record.hash);
                Some((Entry::from_record(&file.path, record)?, stamp))
            }),
            // Read here, on one thread: a second one read a thousand guides in 30 ms instead
            // of 40, but its stack and allocator arena put `search` over its 10 MB peak.
            None => match read_entry(file, indexer.as_ref()) {
                Ok(found) => Some(found),
                Err(problems) => {
                    issues.extend(problems);
                    None
                }
            },
        };
        match found {
            Some((entry, stamp)) => {
                entries.push(entry);
                made.push((n, stamp));
            }
            // A record that does not read as an entry: the file is read again, and the
            // index written anew.
            None if at.is_some() => {
                unchanged = false;
                match read_entry(file, indexer.as_ref()) {
                    Ok((entry, stamp)) => {
                        entries.push(entry);
                        made.push((n, stamp));
                    }
                    Err(problems) => issues.extend(problems),
                }
            }
            None => {}
        }
    }
    drop(index);
    if let (Some(file), Some((_, indexer)), false) = (&index_file, cache, unchanged) {
        let names: Vec<String> = made
            .iter()
            .filter_map(|(n, _)| Some(record_name(&files.get(*n)?.path)))
            .collect();
        let drafts: Vec<cache::Draft<'_>> = entries
            .get(base..)
            .unwrap_or(&[])
            .iter()
            .zip(&made)
            .zip(&names)
            .filter_map(|((entry, (_, stamp)), name)| entry.draft(name, stamp))
            .collect();
        // Best effort: without a writable cache dir, guides are read each time.
        let _ = cache::write(file, dir, indexer.version, drafts.into_iter());
    }
    issues
}

/// What the index keys a file by, besides its name: size, time and content hash.
type Stamp = (u64, (u64, u32), u32);

/// A file's name in the index: its name within the folder.
fn record_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The catalog entry of a provider's guide file: from its header when that reads cleanly,
/// else from the whole guide, with all its problems when it is not valid; with what the
/// index keys it by, and, with an indexer, its search terms.
fn read_entry(
    file: &files::GuideFile,
    indexer: Option<&Indexer>,
) -> Result<(Entry, Stamp), Vec<GuideIssue>> {
    let path = file.path.as_path();
    let source = files::read_bytes(path).ok();
    let header = source
        .as_deref()
        .and_then(|bytes| Entry::from_header(path, bytes));
    let (Some(mut entry), Some(bytes)) = (header, source) else {
        return load_file(path).map(|guide| (Entry::from_guide(guide), (0, (0, 0), 0)));
    };
    if let Some(indexer) = indexer {
        entry.search_terms = Some((indexer.terms)(&entry));
    }
    Ok((
        entry,
        (file.size, file.modified, cache::content_hash(&bytes)),
    ))
}

/// The top-level keys of a guide, without its steps. Unknown keys are ignored here; the
/// full parse is strict.
#[derive(Deserialize)]
struct FileHeader {
    id: String,
    group: String,
    #[serde(default)]
    urgent: bool,
    title: HeaderText,
    summary: HeaderText,
    #[serde(default)]
    aliases: HeaderWords,
    #[serde(default)]
    keywords: HeaderWords,
}

impl FileHeader {
    /// Whether the header keeps the rules the full check applies to it (names that cannot
    /// pass for an option or a command, text without control characters), so a header
    /// that breaks them never reaches the command line or `list`: the full parse reports it.
    fn is_safe(&self) -> bool {
        use super::names;
        let texts = [&self.title, &self.summary]
            .into_iter()
            .flat_map(|t| [&t.en, &t.zh]);
        let words = self.keywords.en.iter().chain(&self.keywords.zh);
        names::is_valid_id(&self.id)
            && !names::is_reserved(&self.id)
            && self
                .aliases
                .en
                .iter()
                .chain(&self.aliases.zh)
                .all(|a| names::is_command_name(a.trim()))
            && texts
                .chain(words)
                .all(|t| names::forbidden_char(t, false).is_none())
    }
}

#[derive(Deserialize)]
struct HeaderText {
    en: String,
    zh: String,
}

impl From<HeaderText> for Text {
    fn from(t: HeaderText) -> Text {
        Text::new(t.en, t.zh)
    }
}

#[derive(Deserialize, Default)]
struct HeaderWords {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    zh: Vec<String>,
}

impl From<HeaderWords> for Words {
    fn from(w: HeaderWords) -> Words {
        Words { en: w.en, zh: w.zh }
    }
}

/// A guide's text without its `[[steps]]` tables, which make up most of it: each runs from
/// its `[[steps]]` line to the next table line that is not one. A step's text that holds a
/// line like a table header can make what is left unreadable, never wrong in a way that
/// matters: the caller then reads the whole file. Works on bytes, so the steps are not even
/// checked for UTF-8 here; `None` when what is kept is not UTF-8.
fn header_text(source: &[u8]) -> Option<String> {
    let mut kept = Vec::with_capacity(source.len() / 4);
    let mut in_steps = false;
    for line in source.split_inclusive(|b| *b == b'\n') {
        let trimmed = line.trim_ascii();
        if trimmed.first() == Some(&b'[') {
            in_steps = trimmed == b"[[steps]]";
        }
        if !in_steps {
            kept.extend_from_slice(line);
        }
    }
    String::from_utf8(kept).ok()
}

/// Reads one guide file from disk, with `guides check`'s warnings.
fn lint_file(path: &Path) -> Linted<Guide> {
    match files::read_text(path) {
        Ok(source) => lint_guide(
            &path.display().to_string(),
            &source,
            Source::File(path.to_path_buf()),
        ),
        Err(issue) => (Err(vec![issue]), Vec::new()),
    }
}

/// Reads one guide file from disk: a regular file of at most 4 MiB, in UTF-8.
pub fn load_file(path: &Path) -> Result<Guide, Vec<GuideIssue>> {
    let source = files::read_text(path).map_err(|issue| vec![issue])?;
    parse_guide(
        &path.display().to_string(),
        &source,
        Source::File(path.to_path_buf()),
    )
}

/// The guide files at `path` (a folder's `.toml` files, sorted, or the path itself when it
/// is a file); the first problem when any is not a guide file.
pub fn guide_files(path: &Path) -> Result<Vec<PathBuf>> {
    let (files, issues) = files::list(path);
    if issues.is_empty() {
        Ok(files.into_iter().map(|f| f.path).collect())
    } else {
        Err(Error::InvalidGuides { issues })
    }
}

/// A provider's guide replaces the bundled guide with the same id.
fn replace_bundled(entries: Vec<Entry>) -> Vec<Entry> {
    let provided: HashSet<String> = entries
        .iter()
        .filter(|g| g.source != Source::Bundled)
        .map(|g| g.id.clone())
        .collect();
    entries
        .into_iter()
        .filter(|g| g.source != Source::Bundled || !provided.contains(&g.id))
        .collect()
}

/// Ids, aliases and titles must be unique across the catalog, and ids and aliases free of
/// built-in command names.
fn name_clashes(entries: &[Entry]) -> Vec<GuideIssue> {
    let names = entries
        .iter()
        .map(|e| 1 + e.aliases.en.len() + e.aliases.zh.len())
        .sum();
    let mut owner: FxHashMap<&str, &str> =
        FxHashMap::with_capacity_and_hasher(names, rustc_hash::FxBuildHasher);
    let mut titles: FxHashMap<&str, &str> =
        FxHashMap::with_capacity_and_hasher(entries.len() * 2, rustc_hash::FxBuildHasher);
    let mut issues = Vec::new();
    for entry in entries {
        let mut found = Vec::new();
        for title in [&entry.title.en, &entry.title.zh] {
            if let Some(other) = titles.insert(title, &entry.id)
                && other != entry.id
            {
                found.push(IssueKind::DuplicateName {
                    name: title.clone(),
                    other: other.into(),
                });
            }
        }
        for name in entry.names() {
            if RESERVED.contains(&name.as_str()) {
                found.push(IssueKind::ReservedName { name: name.clone() });
            } else if let Some(other) = owner.insert(name, &entry.id)
                && other != entry.id
            {
                found.push(IssueKind::DuplicateName {
                    name: name.clone(),
                    other: other.into(),
                });
            }
        }
        let location = &entry.location;
        issues.extend(found.into_iter().map(|kind| GuideIssue {
            location: location.clone(),
            kind,
        }));
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_gets_the_one_close_id_and_an_ambiguous_start_several() {
        let catalog = Catalog::load(&[]).unwrap();
        assert_eq!(catalog.suggest("payment-faild"), ["payment-failed"]);
        assert_eq!(catalog.suggest("Payment-Failed"), ["payment-failed"]);
        assert_eq!(catalog.suggest("top-up-mising"), ["top-up-missing"]);
        assert_eq!(catalog.suggest("declind"), ["payment-failed"]); // an alias
        let payment = catalog.suggest("payment");
        assert!(payment.len() > 1 && payment.len() <= 3, "{payment:?}");
        assert_eq!(payment[..2], ["payment-failed", "payment-pending"]);
        assert!(catalog.suggest("zzzz").is_empty());
        assert!(catalog.suggest("").is_empty());
    }

    #[test]
    fn chinese_names_match_by_the_characters_they_share() {
        let catalog = Catalog::load(&[]).unwrap();
        // Offered in the script typed: the guide's closest Chinese name, which runs it too.
        for typed in ["支付失败了", "支付失敗", "失败支付", "微信支付失败"] {
            assert_eq!(catalog.suggest(typed), ["支付失败"], "{typed}");
        }
        assert_eq!(catalog.suggest("手机丢失了"), ["手机丢失"]);
        assert_eq!(catalog.suggest("账号被锁"), ["账户被锁"]);
        assert!(catalog.suggest("你好").is_empty());
        assert!((shared_chars("支付失败", "失败支付") - 1.0).abs() < f64::EPSILON);
        assert!(shared_chars("", "").abs() < f64::EPSILON);
    }

    #[test]
    fn every_bundled_guide_has_a_header_and_validates() {
        for file in BUNDLED {
            assert!(
                file.header.is_some(),
                "{}: build.rs could not read its header",
                file.name
            );
        }
        let catalog = Catalog::load(&[]).unwrap();
        let guides = catalog.guides().unwrap();
        assert_eq!(guides.len(), BUNDLED.len());
        for (entry, guide) in catalog.entries().iter().zip(guides) {
            assert_eq!(
                (&entry.id, &entry.title, &entry.summary),
                (&guide.id, &guide.title, &guide.summary)
            );
            assert_eq!(
                (&entry.aliases, entry.group, entry.urgent),
                (&guide.aliases, guide.group, guide.urgent)
            );
        }
    }
}
