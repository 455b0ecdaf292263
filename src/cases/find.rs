//! Which case the user means: a whole report id (`WH-20261121-7F3K9Q`), a unique prefix of
//! its random part (`7F3`), or `last`. An unknown one suggests the closest.

use crate::error::{Error, Result};

/// `7F3K9Q` of `WH-20261121-7F3K9Q`: the part after the last dash.
pub fn random_part(report_id: &str) -> &str {
    report_id.rsplit('-').next().unwrap_or(report_id)
}

/// The report id among `ids` (newest first) that `query` names.
pub fn resolve(query: &str, ids: &[String]) -> Result<String> {
    let wanted = query.trim().to_uppercase();
    if wanted == "LAST" || query.trim() == "最近" {
        return ids.first().cloned().ok_or_else(|| Error::UnknownCase {
            case: query.to_string(),
            suggestions: Vec::new(),
        });
    }
    if let Some(id) = ids.iter().find(|id| id.to_uppercase() == wanted) {
        return Ok(id.clone());
    }
    if !wanted.is_empty() {
        let matches: Vec<&String> = ids
            .iter()
            .filter(|id| random_part(id).starts_with(&wanted))
            .collect();
        match matches.as_slice() {
            [one] => return Ok((*one).clone()),
            [] => {}
            many => {
                return Err(Error::AmbiguousCase {
                    case: query.to_string(),
                    matches: many.iter().map(|s| (*s).clone()).collect(),
                });
            }
        }
    }
    Err(Error::UnknownCase {
        case: query.to_string(),
        suggestions: closest(&wanted, ids),
    })
}

/// The ids closest to what was typed, by the whole id or by its random part.
fn closest(wanted: &str, ids: &[String]) -> Vec<String> {
    let mut scored: Vec<(f64, &String)> = ids
        .iter()
        .map(|id| {
            let whole = strsim::jaro_winkler(wanted, &id.to_uppercase());
            let part = strsim::jaro_winkler(wanted, random_part(id));
            (whole.max(part), id)
        })
        .filter(|(score, _)| *score >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(1)
        .map(|(_, id)| id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> Vec<String> {
        [
            "WH-20261121-7F3K9Q",
            "WH-20261120-7F4ABC",
            "WH-20261101-XY12ZZ",
        ]
        .iter()
        .map(ToString::to_string)
        .collect()
    }

    #[test]
    fn a_case_is_named_by_its_id_a_unique_prefix_or_last() {
        assert_eq!(
            resolve("WH-20261121-7F3K9Q", &ids()).unwrap(),
            "WH-20261121-7F3K9Q"
        );
        assert_eq!(
            resolve("wh-20261121-7f3k9q", &ids()).unwrap(),
            "WH-20261121-7F3K9Q"
        );
        assert_eq!(resolve("7f3", &ids()).unwrap(), "WH-20261121-7F3K9Q");
        assert_eq!(resolve("XY", &ids()).unwrap(), "WH-20261101-XY12ZZ");
        assert_eq!(resolve("last", &ids()).unwrap(), "WH-20261121-7F3K9Q");
    }

    #[test]
    fn an_ambiguous_prefix_names_every_match() {
        let err = resolve("7F", &ids()).unwrap_err();
        assert!(matches!(err, Error::AmbiguousCase { ref matches, .. } if matches.len() == 2));
    }

    #[test]
    fn an_unknown_case_suggests_the_closest() {
        match resolve("7F3K9O", &ids()).unwrap_err() {
            Error::UnknownCase { suggestions, .. } => {
                assert_eq!(suggestions, ["WH-20261121-7F3K9Q"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            resolve("last", &[]).unwrap_err(),
            Error::UnknownCase { .. }
        ));
    }
}
