//! The bundled guides, already read and validated, as compact binary data in the program, so
//! that running one costs a decode instead of a TOML parse and a validation (half of a
//! scripted report's start-up work before this existed).
//!
//! `guides/bundled.snapshot` holds every bundled guide as `parse_guide` returns it, encoded
//! with `postcard`, behind a fingerprint of what it was made from: the guide files and the
//! source of the types and rules that read them (`build.rs` computes it). A snapshot whose
//! fingerprint is not the one this program was built with, or that does not decode into a
//! guide whose step indices are all in range, is not used: the guide is parsed from its TOML
//! as before, so a stale snapshot can cost time but never change what a guide does.
//!
//! The test below compares the snapshot with the guides parsed afresh and fails when they
//! differ; `WALLET_HELP_BLESS=1 cargo test --lib guide::snapshot` writes it again.

use serde::{Deserialize, Serialize};

use super::Guide;

/// The snapshot as committed; empty only if the file is, which the test forbids.
static SNAPSHOT: &[u8] = include_bytes!("../../guides/bundled.snapshot");

/// What `build.rs` computed from the guide files and the reading code of this build.
const FINGERPRINT: [u8; 32] = include!(concat!(env!("OUT_DIR"), "/guide_fingerprint.rs"));

/// The file's layout: the fingerprint it was made from, then each guide's file name (as in
/// `Location::file`, `guides/payment-failed.toml`) with its encoded `Guide`.
#[derive(Serialize, Deserialize)]
struct Snapshot<'a> {
    fingerprint: [u8; 32],
    #[serde(borrow)]
    guides: Vec<(&'a str, &'a [u8])>,
}

/// The bundled guide read from `file`, from the snapshot; `None` when the snapshot is stale,
/// does not have it, or does not decode into a sound guide.
pub(crate) fn bundled(file: &str) -> Option<Guide> {
    find(SNAPSHOT, &FINGERPRINT, file)
}

/// The guide read from `file` in the snapshot `bytes`, if they are a snapshot made from
/// `fingerprint` and hold a sound guide for it.
fn find(bytes: &[u8], fingerprint: &[u8; 32], file: &str) -> Option<Guide> {
    let snapshot: Snapshot<'_> = postcard::from_bytes(bytes).ok()?;
    if snapshot.fingerprint != *fingerprint {
        return None;
    }
    let (_, encoded) = snapshot.guides.iter().find(|(name, _)| *name == file)?;
    let guide: Guide = postcard::from_bytes(encoded).ok()?;
    guide.indices_in_range().then_some(guide)
}

/// The snapshot of `guides` (file name and guide), made from `fingerprint`.
#[cfg(test)]
fn encode(guides: &[(String, Guide)], fingerprint: [u8; 32]) -> Result<Vec<u8>, postcard::Error> {
    let encoded = guides
        .iter()
        .map(|(file, guide)| Ok((file.as_str(), postcard::to_allocvec(guide)?)))
        .collect::<Result<Vec<_>, postcard::Error>>()?;
    postcard::to_allocvec(&Snapshot {
        fingerprint,
        guides: encoded
            .iter()
            .map(|(file, bytes)| (*file, bytes.as_slice()))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::catalog::bundled_sources;
    use crate::guide::{Source, parse_guide};

    /// Every bundled guide, parsed and validated from its TOML.
    fn parsed() -> Vec<(String, Guide)> {
        bundled_sources()
            .map(|(file, text)| {
                let guide = parse_guide(&file, text, Source::Bundled)
                    .unwrap_or_else(|issues| panic!("{file}: {issues:?}"));
                (file, guide)
            })
            .collect()
    }

    #[test]
    fn the_snapshot_is_the_guides_as_parsed_today() {
        let fresh = encode(&parsed(), FINGERPRINT).unwrap();
        if std::env::var_os("WALLET_HELP_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/guides/bundled.snapshot");
            std::fs::write(path, &fresh).unwrap();
            return;
        }
        assert!(
            SNAPSHOT == fresh.as_slice(),
            "guides/bundled.snapshot is not the bundled guides as this code reads them \
             (a guide, or the code that reads guides, changed); write it again with \
             `WALLET_HELP_BLESS=1 cargo test --lib guide::snapshot` and commit it"
        );
    }

    #[test]
    fn a_guide_from_the_snapshot_is_the_guide_parsed_from_its_file() {
        for (file, guide) in parsed() {
            let from_snapshot = bundled(&file).unwrap_or_else(|| panic!("{file} is missing"));
            assert_eq!(
                postcard::to_allocvec(&from_snapshot).unwrap(),
                postcard::to_allocvec(&guide).unwrap(),
                "{file}"
            );
            assert_eq!(format!("{from_snapshot:?}"), format!("{guide:?}"), "{file}");
        }
    }

    #[test]
    fn a_stale_or_damaged_snapshot_is_not_used() {
        let guides = parsed();
        let (file, _) = guides.first().unwrap();
        assert!(find(SNAPSHOT, &FINGERPRINT, file).is_some());
        assert!(find(SNAPSHOT, &FINGERPRINT, "guides/no-such.toml").is_none());
        let stale = encode(&guides, [7; 32]).unwrap();
        assert!(
            find(&stale, &FINGERPRINT, file).is_none(),
            "another fingerprint"
        );
        assert!(find(&[], &FINGERPRINT, file).is_none(), "empty");
        let cut = SNAPSHOT.get(..SNAPSHOT.len() / 2).unwrap();
        assert!(find(cut, &FINGERPRINT, file).is_none(), "cut short");
    }

    #[test]
    fn a_guide_whose_indices_leave_its_steps_is_not_used() {
        let (file, mut guide) = parsed().into_iter().next().unwrap();
        guide.start = guide.steps.len();
        let snapshot = encode(&[(file.clone(), guide)], FINGERPRINT).unwrap();
        assert!(find(&snapshot, &FINGERPRINT, &file).is_none());
    }
}
