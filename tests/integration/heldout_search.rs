//! Held-out search evaluation: queries in the voices of real users
//! (`tests/fixtures/search/heldout-v2/{en,zh}.tsv`), each labelled with the one best guide of
//! SPEC's catalog or `none` (out of scope), run through `wallet-help search --json --limit 3`.
//! Reports top-1 and top-3 for in-scope queries (guides the binary has, and separately the
//! catalog's guides it does not have yet) and how many out-of-scope queries get no guide.
//! Nobody tunes search on this set.
//!
//! `cargo test --test integration heldout_search -- --nocapture` prints the tables;
//! `HELDOUT_VERBOSE=1` also lists every miss with the guides returned.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::heldout_run::{parallel, ratio, run, table};
use crate::test::fixtures;

/// Today's figures on `main` (see the README), in per mille; a change may only raise them.
/// Each floor: (language, top-1, top-3, out-of-scope rejected). Since the four newest guides
/// landed, their queries count among the in-scope ones (351 and 350 instead of 295 and 294),
/// before search was trained for them. Search now says "none of these", which counts as a
/// miss for an in-scope query: top-3 in Chinese fell by 0.2 points while top-1 rose. English
/// top-1 and top-3 were lowered once (737 → 729, 894 → 888) when the model became the average
/// of four training orders: one order alone gave 720 to 737 with the same phrases, and 737
/// was the luckiest of them (`tests/fixtures/search/own-heldout/README.md`).
const FLOORS: [(&str, usize, usize, usize); 2] = [("en", 729, 888, 753), ("zh", 942, 988, 965)];

/// SPEC's catalog: every label must be one of these or `none`.
const CATALOG: [&str; 25] = [
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
    "payment-password",
    "unwanted-charge",
    "merchant-dispute",
    "receive-money",
];

struct Query {
    lang: &'static str,
    guide: String,
    text: String,
}

struct Answer {
    /// Guide ids, best first; `None` when the output was not a JSON array.
    ids: Option<Vec<String>>,
}

fn load() -> Vec<Query> {
    let mut queries = Vec::new();
    for lang in ["en", "zh"] {
        let path = fixtures().join(format!("search/heldout-v2/{lang}.tsv"));
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate().skip(1) {
            let (guide, query) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}:{}: no tab", path.display(), n + 1));
            assert!(
                guide == "none" || CATALOG.contains(&guide),
                "{}:{}: {guide} is not in SPEC's catalog",
                path.display(),
                n + 1
            );
            queries.push(Query {
                lang,
                guide: guide.to_string(),
                text: query.to_string(),
            });
        }
    }
    queries
}

/// The guide ids the binary has today (`list --json`).
fn existing() -> BTreeSet<String> {
    let out = run(&["list".into(), "--json".into()], &[]);
    let list: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g.get("id").and_then(serde_json::Value::as_str))
        .map(String::from)
        .collect()
}

fn search(q: &Query) -> Answer {
    let args: Vec<String> = ["search", "--json", "--limit", "3", "--lang", q.lang, "--"]
        .into_iter()
        .map(String::from)
        .chain([q.text.clone()])
        .collect();
    let out = run(&args, &[]);
    let ids = (out.status == Some(0))
        .then(|| serde_json::from_str::<serde_json::Value>(&out.stdout).ok())
        .flatten()
        .and_then(|v| {
            v.as_array().map(|a| {
                a.iter()
                    .filter_map(|g| g.get("id").and_then(serde_json::Value::as_str))
                    .map(String::from)
                    .collect()
            })
        });
    Answer { ids }
}

#[derive(Default, Clone, Copy)]
struct Score {
    n: usize,
    top1: usize,
    top3: usize,
    /// in scope: no guide returned; out of scope: no guide returned (the right answer)
    empty: usize,
    broken: usize,
}

fn per_mille(n: usize, total: usize) -> usize {
    (n * 1000).checked_div(total).unwrap_or(0)
}

#[test]
fn heldout_search() {
    let queries = load();
    let have = existing();
    let answers = parallel(&queries, search);

    // (lang, group) → score; group is "existing", "new", "none" or a guide id.
    let mut scores: BTreeMap<(String, String), Score> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    let mut misses = String::new();
    for (q, a) in queries.iter().zip(&answers) {
        let ids = a.ids.clone().unwrap_or_default();
        let top1 = ids.first().is_some_and(|id| *id == q.guide);
        let top3 = ids.contains(&q.guide);
        let group = if q.guide == "none" {
            "none"
        } else if have.contains(&q.guide) {
            "existing"
        } else {
            "new"
        };
        for g in [group, q.guide.as_str()] {
            let s = scores.entry((q.lang.into(), g.into())).or_default();
            s.n += 1;
            s.top1 += usize::from(top1);
            s.top3 += usize::from(top3);
            s.empty += usize::from(a.ids.as_ref().is_some_and(Vec::is_empty));
            s.broken += usize::from(a.ids.is_none());
            if group == "none" {
                break;
            }
        }
        let wrong = if group == "none" {
            !ids.is_empty()
        } else {
            !top1
        };
        if wrong {
            let got = ids.first().cloned().unwrap_or_else(|| "(nothing)".into());
            *confusion
                .entry((q.lang.into(), q.guide.clone()))
                .or_default()
                .entry(got)
                .or_default() += 1;
            let _ = writeln!(
                misses,
                "  {} {:<22} {:<50} got {}",
                q.lang,
                q.guide,
                q.text,
                if ids.is_empty() {
                    "(nothing)".into()
                } else {
                    ids.join(", ")
                }
            );
        }
    }

    let get = |lang: &str, group: &str| {
        scores
            .get(&(lang.to_string(), group.to_string()))
            .copied()
            .unwrap_or_default()
    };
    let mut out = format!(
        "\nheld-out search: {} queries; guides in the binary: {}; not yet: {}\n",
        queries.len(),
        have.len(),
        CATALOG.iter().filter(|g| !have.contains(**g)).count()
    );
    let mut rows = Vec::new();
    for lang in ["en", "zh"] {
        for (group, name) in [
            ("existing", "in scope, guides that exist"),
            ("new", "in scope, guides not in the binary yet"),
        ] {
            let s = get(lang, group);
            rows.push(vec![
                lang.into(),
                name.into(),
                ratio(s.top1, s.n),
                ratio(s.top3, s.n),
                ratio(s.empty, s.n),
            ]);
        }
        let s = get(lang, "none");
        rows.push(vec![
            lang.into(),
            "out of scope: rejected (no guide)".into(),
            "-".into(),
            "-".into(),
            ratio(s.empty, s.n),
        ]);
    }
    out.push_str(&table(
        "summary",
        &["lang", "queries", "top-1", "top-3", "no guide"],
        &rows,
    ));
    let rows: Vec<Vec<String>> = CATALOG
        .iter()
        .map(|g| {
            let mut row = vec![(*g).to_string() + if have.contains(*g) { "" } else { " (new)" }];
            for lang in ["en", "zh"] {
                let s = get(lang, g);
                row.push(ratio(s.top1, s.n));
                row.push(ratio(s.top3, s.n));
                let worst = confusion
                    .get(&(lang.to_string(), (*g).to_string()))
                    .and_then(|c| c.iter().max_by_key(|(_, n)| **n))
                    .map_or_else(String::new, |(id, n)| format!("{id} ×{n}"));
                row.push(worst);
            }
            row
        })
        .collect();
    out.push_str(&table(
        "by guide",
        &[
            "guide",
            "en top-1",
            "en top-3",
            "en most often instead",
            "zh top-1",
            "zh top-3",
            "zh most often instead",
        ],
        &rows,
    ));
    let broken: usize = ["en", "zh"]
        .iter()
        .flat_map(|l| ["existing", "new", "none"].map(|g| get(l, g).broken))
        .sum();
    let _ = writeln!(out, "\nruns without a JSON array: {broken}");
    for (lang, top1, top3, rejected) in FLOORS {
        let s = get(lang, "existing");
        let o = get(lang, "none");
        let _ = writeln!(
            out,
            "{lang}: top-1 {}‰, top-3 {}‰, out of scope rejected {}‰ (floors {top1}, {top3}, {rejected})",
            per_mille(s.top1, s.n),
            per_mille(s.top3, s.n),
            per_mille(o.empty, o.n),
        );
    }
    if std::env::var_os("HELDOUT_VERBOSE").is_some() {
        out.push_str("\nmisses:\n");
        out.push_str(&misses);
    }
    eprintln!("{out}");

    let counts = |lang: &str| {
        queries
            .iter()
            .filter(|q| q.lang == lang && q.guide != "none")
            .count()
    };
    assert!(counts("en") >= 300 && counts("zh") >= 300);
    for (lang, top1, top3, rejected) in FLOORS {
        let s = get(lang, "existing");
        let o = get(lang, "none");
        assert!(o.n >= 200, "{lang}: at least 200 out-of-scope queries");
        assert!(per_mille(s.top1, s.n) >= top1, "{lang} top-1 below {top1}‰");
        assert!(per_mille(s.top3, s.n) >= top3, "{lang} top-3 below {top3}‰");
        assert!(
            per_mille(o.empty, o.n) >= rejected,
            "{lang} out-of-scope rejection below {rejected}‰"
        );
    }
}
