//! The guides the tool knows: those bundled in the binary, plus a provider's own from
//! `--guides` folders, where a guide with a bundled id replaces the bundled one.
//!
//! A bundled guide's header comes from `build.rs` as static data; a provider's is read from
//! the part of its file before and between the steps. Either way the guide itself is parsed
//! and validated the first time it is needed, so listing, searching or building the command
//! line costs little per guide, even with a thousand of them.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;

use super::{Group, Guide, GuideIssue, IssueKind, Source, parse_guide};
use crate::error::{Error, Result};
use crate::lang::{Text, Words};
use crate::location::Location;

/// A guide file compiled into the binary, with its header when `build.rs` could read it.
pub(crate) struct BundledFile {
    name: &'static str,
    source: &'static str,
    header: Option<BundledHeader>,
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
pub const RESERVED: [&str; 12] = [
    "list",
    "setup",
    "config",
    "report",
    "search",
    "open",
    "link",
    "guides",
    "completions",
    "man",
    "help",
    "version",
];

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
    /// A bundled guide's text; a provider's is read again from its file when needed.
    text: Option<&'static str>,
    loaded: OnceLock<Result<Guide, Vec<GuideIssue>>>,
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
            text: None,
            loaded: OnceLock::from(Ok(guide)),
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
            text: Some(file.source),
            loaded: OnceLock::new(),
        })
    }

    /// A provider's guide from its header alone; `None` when the header does not read
    /// cleanly, so the caller parses the whole file and reports its problems.
    fn from_header(path: &Path, source: &[u8]) -> Option<Entry> {
        let header: FileHeader = toml::from_str(&header_text(source)?).ok()?;
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
            text: None,
            loaded: OnceLock::new(),
        })
    }

    /// The whole guide, parsed and validated on first use.
    pub fn guide(&self) -> Result<&Guide> {
        let loaded = self
            .loaded
            .get_or_init(|| match (&self.text, &self.source) {
                (None, Source::File(path)) => load_file(path),
                (text, source) => parse_guide(
                    &self.location.file,
                    text.unwrap_or_default(),
                    source.clone(),
                ),
            });
        loaded.as_ref().map_err(|issues| Error::InvalidGuides {
            issues: issues.clone(),
        })
    }

    /// Every name this guide answers to: its id, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.id).chain(self.aliases.all())
    }
}

#[derive(Debug)]
pub struct Catalog {
    entries: Vec<Entry>,
}

impl Catalog {
    /// The bundled guides, then each folder's, checked together for clashing names.
    pub fn load(dirs: &[PathBuf]) -> Result<Catalog> {
        let (mut entries, mut issues) = bundled_entries();
        for dir in dirs {
            let files = guide_files(dir)?;
            for result in crate::parallel::map(&files, 64, |path| load_header(path)) {
                match result {
                    Ok(entry) => entries.push(entry),
                    Err(found) => issues.extend(found),
                }
            }
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

    /// Like `suggest`, with built-in `commands` competing by their own names.
    pub fn suggest_with(&self, name: &str, commands: &[&str]) -> Vec<String> {
        /// Below this, a name is not worth offering.
        const CLOSE: f64 = 0.8;
        /// How far behind the closest another may be and still be offered.
        const NEARLY: f64 = 0.1;
        let typed = name.to_lowercase();
        let guides = self.entries.iter().map(|g| {
            let best = g.names().map(|n| closeness(&typed, n)).fold(0.0, f64::max);
            (best, g.id.as_str())
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
            file.source,
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
pub fn check_files(paths: &[PathBuf]) -> (usize, Vec<GuideIssue>) {
    let mut checked = Vec::new();
    let mut issues = Vec::new();
    for path in paths {
        let files = if path.exists() {
            guide_files(path).map_err(|e| e.to_string())
        } else {
            Err("no such file or folder".to_string())
        };
        match files {
            Ok(files) => {
                for result in check_in_parallel(&files) {
                    match result {
                        Ok(entry) => checked.push(entry),
                        Err(found) => issues.extend(found),
                    }
                }
            }
            Err(message) => {
                let location = Location {
                    file: path.display().to_string(),
                    line: 1,
                    column: 1,
                };
                issues.push(GuideIssue {
                    location,
                    kind: IssueKind::Read { message },
                });
            }
        }
    }
    let count = checked.len();
    let (mut all, _) = bundled_entries();
    all.extend(checked);
    issues.extend(name_clashes(&replace_bundled(all)));
    (count, issues)
}

/// Validates files on every core, keeping each file's result in order. Only the names of a
/// valid guide are kept: a thousand whole guides need not sit in memory.
fn check_in_parallel(files: &[PathBuf]) -> Vec<Result<Entry, Vec<GuideIssue>>> {
    crate::parallel::map(files, 16, |file| {
        load_file(file).map(|guide| Entry::names_of(&guide))
    })
}

/// The catalog entry of a provider's guide file: from its header when that reads cleanly,
/// else from the whole guide, with all its problems when it is not valid.
fn load_header(path: &Path) -> Result<Entry, Vec<GuideIssue>> {
    if let Ok(source) = fs::read(path)
        && let Some(entry) = Entry::from_header(path, &source)
    {
        return Ok(entry);
    }
    load_file(path).map(Entry::from_guide)
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

/// Reads one guide file from disk.
pub fn load_file(path: &Path) -> Result<Guide, Vec<GuideIssue>> {
    let file = path.display().to_string();
    match fs::read_to_string(path) {
        Ok(source) => parse_guide(&file, &source, Source::File(path.to_path_buf())),
        Err(e) => Err(vec![GuideIssue {
            location: Location {
                file,
                line: 1,
                column: 1,
            },
            kind: IssueKind::Read {
                message: e.to_string(),
            },
        }]),
    }
}

/// The `.toml` files in a folder, sorted, or the path itself when it is a file.
pub fn guide_files(path: &Path) -> Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = fs::read_dir(path).map_err(|e| Error::io("read guide folder", path, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
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
    let mut owner: HashMap<&str, &str> = HashMap::new();
    let mut titles: HashMap<&str, &str> = HashMap::new();
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
        for typed in ["支付失败了", "支付失敗", "失败支付", "微信支付失败"] {
            assert_eq!(catalog.suggest(typed), ["payment-failed"], "{typed}");
        }
        assert_eq!(catalog.suggest("手机丢失了"), ["lost-device"]);
        assert_eq!(catalog.suggest("账号被锁"), ["account-locked"]);
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
