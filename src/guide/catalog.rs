//! The guides the tool knows: those bundled in the binary, plus a provider's own from
//! `--guides` folders, where a guide with a bundled id replaces the bundled one.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Guide, GuideIssue, IssueKind, Source, parse_guide};
use crate::error::{Error, Result};
use crate::location::Location;

include!(concat!(env!("OUT_DIR"), "/bundled_guides.rs"));

/// Built-in command names; a guide id or alias may not take one.
pub const RESERVED: [&str; 9] = [
    "list",
    "search",
    "open",
    "link",
    "guides",
    "completions",
    "man",
    "help",
    "version",
];

#[derive(Debug)]
pub struct Catalog {
    guides: Vec<Guide>,
}

impl Catalog {
    /// The bundled guides, then each folder's, checked together for clashing names.
    pub fn load(dirs: &[PathBuf]) -> Result<Catalog> {
        let (mut guides, mut issues) = bundled();
        for dir in dirs {
            for path in guide_files(dir)? {
                collect(load_file(&path), &mut guides, &mut issues);
            }
        }
        let guides = replace_bundled(guides);
        issues.extend(name_clashes(&guides));
        if issues.is_empty() {
            Ok(Catalog::from_guides(guides))
        } else {
            Err(Error::InvalidGuides { issues })
        }
    }

    /// A catalog of already validated guides, ordered for `list`.
    pub fn from_guides(mut guides: Vec<Guide>) -> Catalog {
        guides.sort_by(|a, b| (a.group, &a.id).cmp(&(b.group, &b.id)));
        Catalog { guides }
    }

    pub fn guides(&self) -> &[Guide] {
        &self.guides
    }

    /// The guide with this id or alias.
    pub fn find(&self, name: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == name).or_else(|| {
            self.guides
                .iter()
                .find(|g| g.aliases.all().any(|a| a == name))
        })
    }

    /// Ids whose names are close to `name`, best first, for "did you mean".
    pub fn suggest(&self, name: &str) -> Vec<String> {
        let mut scored: Vec<(f64, &str)> = self
            .guides
            .iter()
            .flat_map(|g| {
                g.names()
                    .map(move |n| (strsim::jaro_winkler(name, n), g.id.as_str()))
            })
            .filter(|(score, _)| *score > 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut ids: Vec<String> = Vec::new();
        for (_, id) in scored {
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        }
        ids.truncate(3);
        ids
    }
}

/// The bundled guides, and any problem in them (a test keeps this empty).
pub fn bundled() -> (Vec<Guide>, Vec<GuideIssue>) {
    let mut issues = Vec::new();
    let mut guides = Vec::new();
    for (name, source) in BUNDLED {
        let file = format!("guides/{name}");
        collect(
            parse_guide(&file, source, Source::Bundled),
            &mut guides,
            &mut issues,
        );
    }
    (guides, issues)
}

/// Checks guide files on their own and against the bundled catalog, as `--guides` would
/// load them: every problem in every file, then clashing names.
pub fn check_files(paths: &[PathBuf]) -> (usize, Vec<GuideIssue>) {
    let mut checked = Vec::new();
    let mut issues = Vec::new();
    for path in paths {
        if !path.exists() {
            let file = path.display().to_string();
            let message = "no such file or folder".to_string();
            let location = Location {
                file,
                line: 1,
                column: 1,
            };
            issues.push(GuideIssue {
                location,
                kind: IssueKind::Read { message },
            });
            continue;
        }
        match guide_files(path) {
            Ok(files) => {
                for file in files {
                    collect(load_file(&file), &mut checked, &mut issues);
                }
            }
            Err(e) => {
                let location = Location {
                    file: path.display().to_string(),
                    line: 1,
                    column: 1,
                };
                issues.push(GuideIssue {
                    location,
                    kind: IssueKind::Read {
                        message: e.to_string(),
                    },
                });
            }
        }
    }
    let count = checked.len();
    let (mut all, _) = bundled();
    all.extend(checked);
    issues.extend(name_clashes(&replace_bundled(all)));
    (count, issues)
}

fn collect(
    result: Result<Guide, Vec<GuideIssue>>,
    guides: &mut Vec<Guide>,
    issues: &mut Vec<GuideIssue>,
) {
    match result {
        Ok(guide) => guides.push(guide),
        Err(found) => issues.extend(found),
    }
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
fn replace_bundled(guides: Vec<Guide>) -> Vec<Guide> {
    let provided: Vec<String> = guides
        .iter()
        .filter(|g| g.source != Source::Bundled)
        .map(|g| g.id.clone())
        .collect();
    guides
        .into_iter()
        .filter(|g| g.source != Source::Bundled || !provided.contains(&g.id))
        .collect()
}

/// Ids, aliases and titles must be unique across the catalog, and ids and aliases free of
/// built-in command names.
pub fn name_clashes(guides: &[Guide]) -> Vec<GuideIssue> {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    let mut issues = Vec::new();
    let mut titles: HashMap<&str, &str> = HashMap::new();
    for guide in guides {
        for title in [&guide.title.en, &guide.title.zh] {
            if let Some(other) = titles.insert(title, &guide.id)
                && other != guide.id
            {
                let kind = IssueKind::DuplicateName {
                    name: title.clone(),
                    other: other.into(),
                };
                issues.push(GuideIssue {
                    location: guide.location.clone(),
                    kind,
                });
            }
        }
        for name in guide.names() {
            let kind = if RESERVED.contains(&name.as_str()) {
                Some(IssueKind::ReservedName { name: name.clone() })
            } else {
                match owner.insert(name, &guide.id) {
                    Some(other) if other != guide.id => Some(IssueKind::DuplicateName {
                        name: name.clone(),
                        other: other.into(),
                    }),
                    _ => None,
                }
            };
            if let Some(kind) = kind {
                issues.push(GuideIssue {
                    location: guide.location.clone(),
                    kind,
                });
            }
        }
    }
    issues
}
