//! The whole catalog: every bundled guide comes with an answers file for its main
//! contact-support path (`tests/fixtures/answers/<id>.toml`), and the report that path writes,
//! in both languages, matches its golden file (`tests/expected/guides/<id>.<lang>.txt`).

use crate::test::{Test, assert_golden, fixtures, normalize_device};

fn bundled_ids() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("guides");
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .into_string()
                .ok()?
                .strip_suffix(".toml")
                .map(String::from)
        })
        .collect();
    ids.sort();
    ids
}

fn report(id: &str, extra: &[&str]) -> String {
    let mut args = vec![id, "--answers", "answers.toml"];
    args.extend(extra);
    let out = Test::new()
        .fixture_as(&format!("answers/{id}.toml"), "answers.toml")
        .args(&args)
        .run();
    normalize_device(&out.stdout)
}

#[test]
fn every_guide_reaches_contact_support_with_the_details_support_needs() {
    for id in bundled_ids() {
        assert!(
            fixtures().join(format!("answers/{id}.toml")).is_file(),
            "{id}: no answers fixture"
        );
        let json: serde_json::Value =
            serde_json::from_str(&report(&id, &["--format", "json"])).unwrap();
        assert_eq!(
            json["outcome"], "contact-support",
            "{id}: the fixture does not reach support"
        );
        let graph = Test::new().args(&["guides", "show", &id, "--json"]).run();
        let graph: serde_json::Value = serde_json::from_str(&graph.stdout).unwrap();
        let details: Vec<&str> = json["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        for need in graph["needs"].as_array().unwrap() {
            let need = need.as_str().unwrap();
            let ending_needs_it = graph["steps"].as_array().unwrap().iter().any(|s| {
                s["kind"] == "end"
                    && s["needs"]
                        .as_array()
                        .is_some_and(|n| n.iter().any(|x| x == need))
            });
            assert!(
                details.contains(&need) || !ending_needs_it,
                "{id}: report lacks `{need}`"
            );
        }
    }
}

#[test]
fn every_guide_has_golden_reports_in_both_languages() {
    for id in bundled_ids() {
        assert_golden(&format!("guides/{id}.en.txt"), &report(&id, &[]));
        assert_golden(
            &format!("guides/{id}.zh.txt"),
            &report(&id, &["--lang", "zh"]),
        );
    }
}

#[test]
fn list_shows_every_guide_in_four_groups_within_80_columns() {
    for lang in ["en", "zh"] {
        let out = Test::new().args(&["list", "--lang", lang]).run();
        for id in bundled_ids() {
            assert!(
                out.stdout.contains(&format!("  {id} ")),
                "{lang}: `{id}` missing from list"
            );
        }
        for line in out.stdout.lines() {
            assert!(console::measure_text_width(line) <= 80, "too wide: {line}");
        }
    }
    let json = Test::new().args(&["list", "--json"]).run();
    let list: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), bundled_ids().len());
}
