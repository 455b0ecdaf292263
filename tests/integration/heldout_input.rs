//! Held-out input evaluation: date-times and amounts as people type them
//! (`tests/fixtures/input/heldout/cases.toml`), each answered to the `contact` guide's
//! `occurred-at` (datetime) or `amount` question with `--set`, the JSON report's
//! `details[].value` (and `precision`, when the report has it) compared with the expected
//! normalised value, or the refusal checked. Nobody tunes the parsers on this set.
//!
//! `cargo test --test integration heldout_input -- --nocapture` prints the tables;
//! `HELDOUT_VERBOSE=1` also lists every miss with what the tool said.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::heldout_run::{parallel, ratio, run, table};
use crate::test::fixtures;

/// Today's figures on `main` (see the README): correct answers may only rise, wrong ones and
/// panics only fall.
const MIN_CORRECT_DATETIME: usize = 103;
const MIN_CORRECT_AMOUNT: usize = 77;
const MIN_REFUSED_RIGHTLY: usize = 38;
const MAX_ACCEPTED_WRONG: usize = 1;
const MAX_PANICKED: usize = 0;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    datetime: Vec<Case>,
    amount: Vec<Case>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    lang: String,
    /// The expected `details[].value`; absent when the input must be refused.
    value: Option<String>,
    /// `exact`, `approximate` or `date`.
    precision: Option<String>,
    /// Why the tool must refuse it.
    refused: Option<String>,
    /// `TZ` for this case (default `Asia/Shanghai`).
    tz: Option<String>,
    /// `LANG` for this case (default `en_US.UTF-8`): the locale decides a bare amount's currency.
    env_lang: Option<String>,
    #[allow(dead_code)] // for people reading the fixture
    note: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Correct,
    Wrong,
    RefusedWrongly,
    RefusedRightly,
    Panicked,
}

const VERDICTS: [(Verdict, &str); 5] = [
    (Verdict::Correct, "accepted-correct"),
    (Verdict::Wrong, "accepted-wrong"),
    (Verdict::RefusedWrongly, "refused-wrongly"),
    (Verdict::RefusedRightly, "refused-rightly"),
    (Verdict::Panicked, "panicked"),
];

struct Outcome {
    verdict: Verdict,
    said: String,
}

fn question(kind: &str) -> &'static str {
    if kind == "datetime" {
        "occurred-at"
    } else {
        "amount"
    }
}

fn judge(kind: &str, case: &Case) -> Outcome {
    let lang = if case.lang == "en" { "en" } else { "zh" };
    let args: Vec<String> = [
        "contact",
        "--no-input",
        "--yes",
        "--format",
        "json",
        "--lang",
        lang,
        "--set",
        "what-happened=see the details",
        "--set",
    ]
    .into_iter()
    .map(String::from)
    .chain([format!("{}={}", question(kind), case.input)])
    .collect();
    let mut env = Vec::new();
    if let Some(tz) = &case.tz {
        env.push(("TZ", tz.as_str()));
    }
    if let Some(l) = &case.env_lang {
        env.push(("LANG", l.as_str()));
    }
    let out = run(&args, &env);
    let first_line = |s: &str| {
        s.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string()
    };
    match out.status {
        Some(0) => {}
        Some(2) => {
            let verdict = if case.refused.is_some() {
                Verdict::RefusedRightly
            } else {
                Verdict::RefusedWrongly
            };
            return Outcome {
                verdict,
                said: first_line(&out.stderr),
            };
        }
        _ => {
            return Outcome {
                verdict: Verdict::Panicked,
                said: format!("exit {:?}: {}", out.status, first_line(&out.stderr)),
            };
        }
    }
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    let detail = json
        .get("details")
        .and_then(serde_json::Value::as_array)
        .and_then(|d| {
            d.iter()
                .find(|x| x.get("id").and_then(serde_json::Value::as_str) == Some(question(kind)))
        });
    let field = |key: &str| {
        detail
            .and_then(|d| d.get(key))
            .and_then(serde_json::Value::as_str)
            .map(String::from)
    };
    let (value, precision) = (field("value"), field("precision"));
    let said = format!(
        "{} ({})",
        value.as_deref().unwrap_or("no value"),
        precision.as_deref().unwrap_or("no precision")
    );
    let right = case.refused.is_none()
        && value == case.value
        && (precision.is_none() || precision == case.precision);
    Outcome {
        verdict: if right {
            Verdict::Correct
        } else {
            Verdict::Wrong
        },
        said,
    }
}

fn load() -> Cases {
    let path = fixtures().join("input/heldout/cases.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let cases: Cases = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for c in cases.datetime.iter().chain(&cases.amount) {
        assert!(
            c.refused.is_some() != (c.value.is_some() && c.precision.is_some()),
            "{:?}: give either value and precision, or refused",
            c.input
        );
    }
    cases
}

/// The class a case falls in for the table: its expected precision, or `refused`.
fn class(case: &Case) -> String {
    case.precision
        .clone()
        .unwrap_or_else(|| "refused".to_string())
}

#[test]
#[allow(clippy::absurd_extreme_comparisons)] // a floor of 0 is still a floor
fn heldout_input() {
    let cases = load();
    assert!(cases.datetime.len() >= 100 && cases.amount.len() >= 60);
    let jobs: Vec<(&str, &Case)> = cases
        .datetime
        .iter()
        .map(|c| ("datetime", c))
        .chain(cases.amount.iter().map(|c| ("amount", c)))
        .collect();
    let outcomes = parallel(&jobs, |(kind, case)| judge(kind, case));

    let mut counts: BTreeMap<(String, String), BTreeMap<Verdict, usize>> = BTreeMap::new();
    let mut misses = String::new();
    for ((kind, case), outcome) in jobs.iter().zip(&outcomes) {
        for group in [
            "ALL".to_string(),
            class(case),
            format!("lang {}", case.lang),
        ] {
            *counts
                .entry(((*kind).to_string(), group))
                .or_default()
                .entry(outcome.verdict)
                .or_default() += 1;
        }
        if !matches!(outcome.verdict, Verdict::Correct | Verdict::RefusedRightly) {
            let expected = case.value.as_deref().map_or_else(
                || format!("refused: {}", case.refused.as_deref().unwrap_or("")),
                |v| format!("{v} ({})", case.precision.as_deref().unwrap_or("")),
            );
            let _ = writeln!(
                misses,
                "  {kind:<8} {:<40} expected {expected:<45} got {}",
                format!("{:?}", case.input),
                outcome.said
            );
        }
    }

    let mut out = format!(
        "\nheld-out input: {} datetime and {} amount spellings\n",
        cases.datetime.len(),
        cases.amount.len()
    );
    let mut header = vec!["type", "group"];
    header.extend(VERDICTS.iter().map(|(_, name)| *name));
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|((kind, group), by)| {
            let total: usize = by.values().sum();
            let mut row = vec![kind.clone(), group.clone()];
            row.extend(
                VERDICTS
                    .iter()
                    .map(|(v, _)| ratio(by.get(v).copied().unwrap_or(0), total)),
            );
            row
        })
        .collect();
    out.push_str(&table("verdicts by type", &header, &rows));
    let get = |kind: &str, v: Verdict| {
        counts
            .get(&(kind.to_string(), "ALL".to_string()))
            .and_then(|by| by.get(&v))
            .copied()
            .unwrap_or(0)
    };
    let both = |v: Verdict| get("datetime", v) + get("amount", v);
    let _ = writeln!(
        out,
        "\nTOTAL correct datetime {}, amount {}; refused rightly {}; accepted wrong {}; panicked {}",
        get("datetime", Verdict::Correct),
        get("amount", Verdict::Correct),
        both(Verdict::RefusedRightly),
        both(Verdict::Wrong),
        both(Verdict::Panicked),
    );
    if std::env::var_os("HELDOUT_VERBOSE").is_some() {
        out.push_str("\nmisses:\n");
        out.push_str(&misses);
    }
    eprintln!("{out}");

    assert!(get("datetime", Verdict::Correct) >= MIN_CORRECT_DATETIME);
    assert!(get("amount", Verdict::Correct) >= MIN_CORRECT_AMOUNT);
    assert!(both(Verdict::RefusedRightly) >= MIN_REFUSED_RIGHTLY);
    assert!(both(Verdict::Wrong) <= MAX_ACCEPTED_WRONG);
    assert!(both(Verdict::Panicked) <= MAX_PANICKED);
}
