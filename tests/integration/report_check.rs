//! For support agents: the published report schema is generated from the report's types, every
//! JSON report follows it, and `report check` tells an untouched report from an altered one in
//! every format and both languages.

use std::path::Path;

use crate::test::Test;

const SCHEMA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.schema.json");

#[test]
fn the_published_schema_is_generated_from_the_report_types() {
    let mut generated = serde_json::to_string_pretty(&wallet_help::report::schema()).unwrap();
    generated.push('\n');
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(SCHEMA_FILE, &generated).unwrap();
        return;
    }
    let published = std::fs::read_to_string(SCHEMA_FILE).unwrap();
    pretty_assertions::assert_eq!(
        published,
        generated,
        "docs/report.schema.json is out of date: run UPDATE_GOLDEN=1 cargo test"
    );
    let schema: serde_json::Value = serde_json::from_str(&published).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema["properties"]["details"]["items"]["$ref"],
        "#/$defs/Detail"
    );
    assert!(
        schema["$defs"]["Detail"]["required"]
            .as_array()
            .unwrap()
            .contains(&"type".into())
    );
}

#[test]
fn every_golden_json_report_follows_the_schema() {
    let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected");
    let mut checked = 0;
    for entry in walk(&expected) {
        if entry.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = entry.file_name().unwrap().to_string_lossy().into_owned();
        let report = std::fs::read_to_string(&entry).unwrap();
        let out = Test::new()
            .file(&name, &report)
            .args(&["report", "check", &name])
            .run();
        assert!(
            out.stdout.contains(": the verification code"),
            "{name}: {}",
            out.stdout
        );
        checked += 1;
    }
    assert!(checked >= 3, "found only {checked} JSON reports");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The payment-failed report in `format` and `lang`, with the provider's address.
fn report(format: &str, lang: &str) -> String {
    Test::new()
        .fixture_as("answers/payment-failed.toml", "answers.toml")
        .args(&[
            "payment-failed",
            "--answers",
            "answers.toml",
            "--format",
            format,
            "--report-lang",
            lang,
        ])
        .run()
        .stdout
}

fn check(name: &str, report: &str, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["report", "check", name];
    args.extend_from_slice(extra);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), report).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wallet-help"))
        .args(&args)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn an_untouched_report_matches_in_every_format_and_language() {
    for (format, file) in [("text", "r.txt"), ("markdown", "r.md"), ("json", "r.json")] {
        for lang in ["en", "zh"] {
            let (code, said) = check(file, &report(format, lang), &[]);
            assert_eq!(code, 0, "{format} {lang}: {said}");
            assert!(
                said.contains("matches: the report is as it was written"),
                "{said}"
            );
        }
    }
    let (_, said) = check("r.txt", &report("text", "en"), &["--lang", "zh"]);
    assert!(said.contains("一致，报告与生成时相同"), "{said}");
}

#[test]
fn a_changed_amount_is_altered_in_every_format() {
    for (format, file) in [("text", "r.txt"), ("markdown", "r.md"), ("json", "r.json")] {
        for lang in ["en", "zh"] {
            let original = report(format, lang);
            assert!(original.contains("59.90 CNY"), "{original}");
            let changed = original.replacen("59.90 CNY", "599.00 CNY", 1);
            let (code, said) = check(file, &changed, &[]);
            assert_eq!(code, 1, "{format} {lang}: {said}");
            assert!(
                said.contains("altered. The report says its verification code is"),
                "{said}"
            );
        }
    }
    let changed = report("text", "zh").replacen("59.90 CNY", "599.00 CNY", 1);
    let (code, said) = check("r.txt", &changed, &["--lang", "zh"]);
    assert_eq!(code, 1);
    assert!(said.contains("已被改动"), "{said}");
}

#[test]
fn a_json_report_that_breaks_the_schema_or_a_file_that_is_no_report_is_exit_3() {
    let json = report("json", "en").replacen("\"urgent\": false", "\"urgent\": \"no\"", 1);
    let (code, said) = check("r.json", &json, &[]);
    assert_eq!(code, 3, "{said}");
    assert!(
        said.contains("error: r.json:1:1: invalid report: does not follow the report schema"),
        "{said}"
    );
    assert!(said.contains("/urgent: "), "{said}");
    let (code, said) = check("notes.txt", "Dear support, my payment failed.\n", &[]);
    assert_eq!(code, 3, "{said}");
    assert!(
        said.contains(
            "this is not a wallet-help report: no report number (WH-YYYYMMDD-XXXXXX) found"
        ),
        "{said}"
    );
}
