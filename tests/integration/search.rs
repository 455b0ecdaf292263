//! `search`: how well it ranks held-out phrasings (top-1 and top-3) and how often it says
//! "none of these" to questions no guide covers, printed with `--nocapture` (`SEARCH_MISSES=1`
//! lists the misses); and what the command prints.
//!
//! Three evaluation sets, none of them compiled in or used to tune search:
//! - `heldout-en.tsv`: BANKING77's train rows that `scripts/banking77-examples.py` keeps out;
//! - `heldout-zh.tsv`: Chinese phrasings written apart from the bundled examples;
//! - `own-heldout/`: issue 15's set, written before the confidence model and the new evidence
//!   (see its README), in and out of scope, in both languages.

use std::fmt::Write as _;
use std::fs;

use wallet_help::guide::catalog::Catalog;
use wallet_help::lang::Lang;
use wallet_help::search::{Index, Tuning};

use crate::test::{Test, fixtures};

/// Top-1, top-3 and rejections over held-out files.
#[derive(Default)]
struct Eval {
    /// In-scope queries whose guide is in the catalog.
    queries: usize,
    top1: usize,
    top3: usize,
    /// In-scope queries for a guide the catalog does not have (yet): left out.
    unknown: usize,
    /// In-scope queries that got "none of these".
    rejected: usize,
    /// Queries no guide covers (`-`), and how many of them got "none of these".
    unmapped: usize,
    unmapped_silent: usize,
    misses: String,
}

fn percent(part: usize, whole: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let p = 100.0 * part as f64 / whole.max(1) as f64;
    p
}

impl Eval {
    fn top1(&self) -> f64 {
        percent(self.top1, self.queries)
    }

    fn top3(&self) -> f64 {
        percent(self.top3, self.queries)
    }

    fn rejection(&self) -> f64 {
        percent(self.unmapped_silent, self.unmapped)
    }
}

/// Ranks every phrase of `tests/fixtures/search/<file>` (`guide-id TAB phrase`, `-` for a
/// question no guide covers).
fn evaluate(files: &[&str]) -> Eval {
    let catalog = Catalog::load(&[]).unwrap();
    let index = Index::new(&catalog);
    let mut eval = Eval::default();
    for file in files {
        let text = fs::read_to_string(fixtures().join("search").join(file)).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (expected, query) = line.split_once('\t').unwrap();
            let found = index.search(query, 3, Lang::En);
            let got: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
            if expected == "-" {
                eval.unmapped += 1;
                eval.unmapped_silent += usize::from(found.is_empty());
                if !found.is_empty() {
                    let _ = writeln!(eval.misses, "  {:<22} {query}  → {got:?}", "(none)");
                }
                continue;
            }
            if catalog.find(expected).is_none() {
                eval.unknown += 1;
                continue;
            }
            eval.queries += 1;
            eval.rejected += usize::from(found.is_empty());
            let rank = found.iter().position(|m| m.id == expected);
            eval.top1 += usize::from(rank == Some(0));
            eval.top3 += usize::from(rank.is_some());
            if rank != Some(0) {
                let _ = writeln!(eval.misses, "  {expected:<22} {query}  → {got:?}");
            }
        }
    }
    eval
}

fn report(name: &str, eval: &Eval) {
    if std::env::var_os("SEARCH_MISSES").is_some() {
        eprint!("{}", eval.misses);
    }
    if eval.queries > 0 {
        eprintln!(
            "search {name}: top-1 {:.1}%, top-3 {:.1}% of {} queries ({} got none of these; {} for guides not in the catalog left out)",
            eval.top1(),
            eval.top3(),
            eval.queries,
            eval.rejected,
            eval.unknown
        );
    }
    if eval.unmapped > 0 {
        eprintln!(
            "search {name}: {} of {} queries no guide covers get none of these ({:.1}%)",
            eval.unmapped_silent,
            eval.unmapped,
            eval.rejection()
        );
    }
}

/// BANKING77's held-out split: real English messages to a bank's support.
#[test]
fn english_held_out_phrasings_rank_the_right_guide() {
    let eval = evaluate(&["heldout-en.tsv"]);
    report("en", &eval);
    assert!(eval.queries > 1500, "the held-out file is incomplete");
    // Before "none of these" (issue 15): top-1 93.8%, top-3 99.0%, and no rejection at all.
    assert!(eval.top1() >= 93.0, "top-1 fell to {:.1}%", eval.top1());
    // A query search says "none of these" to counts as a miss in top-3 too.
    assert!(eval.top3() >= 97.5, "top-3 fell to {:.1}%", eval.top3());
    assert!(
        eval.rejection() >= 85.0,
        "none of these fell to {:.1}%",
        eval.rejection()
    );
}

/// Chinese phrasings written apart from the bundled examples and keywords.
#[test]
fn chinese_held_out_phrasings_rank_the_right_guide() {
    let eval = evaluate(&["heldout-zh.tsv"]);
    report("zh", &eval);
    assert!(eval.queries >= 105, "the held-out file is incomplete");
    assert!(eval.top1() >= 89.0, "top-1 fell to {:.1}%", eval.top1());
    assert!(eval.top3() >= 96.0, "top-3 fell to {:.1}%", eval.top3());
}

/// Issue 15's own held-out set, English: wallet users' phrasing, and questions no guide
/// covers (BANKING77 test rows, banking questions, everyday questions).
#[test]
fn own_held_out_english() {
    let eval = evaluate(&["own-heldout/en.tsv"]);
    report("own en", &eval);
    let oos = evaluate(&["own-heldout/oos-en.tsv", "own-heldout/oos-en-banking77.tsv"]);
    report("own en, out of scope", &oos);
    assert!(eval.queries + eval.unknown >= 300 && oos.unmapped >= 200);
    assert!(eval.top1() >= 63.0, "top-1 fell to {:.1}%", eval.top1());
    assert!(eval.top3() >= 86.0, "top-3 fell to {:.1}%", eval.top3());
    assert!(
        oos.rejection() >= 80.0,
        "none of these fell to {:.1}%",
        oos.rejection()
    );
}

/// Issue 15's own held-out set, Chinese.
#[test]
fn own_held_out_chinese() {
    let eval = evaluate(&["own-heldout/zh.tsv"]);
    report("own zh", &eval);
    let oos = evaluate(&["own-heldout/oos-zh.tsv"]);
    report("own zh, out of scope", &oos);
    assert!(eval.queries + eval.unknown >= 300 && oos.unmapped >= 200);
    assert!(eval.top1() >= 91.0, "top-1 fell to {:.1}%", eval.top1());
    assert!(eval.top3() >= 96.0, "top-3 fell to {:.1}%", eval.top3());
    assert!(
        oos.rejection() >= 92.0,
        "none of these fell to {:.1}%",
        oos.rejection()
    );
}

fn assert_fits_80_columns(text: &str) {
    for line in text.lines() {
        assert!(console::measure_text_width(line) <= 80, "too wide: {line}");
    }
}

#[test]
fn search_lists_guides_with_a_reason_each() {
    let out = Test::new()
        .args(&["search", "my", "card", "was", "declined"])
        .run();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with(" 1  payment-failed ") && lines[0].ends_with(" Payment failed"),
        "{}",
        out.stdout
    );
    assert!(
        lines[1].starts_with("    ") && lines[1].contains('“'),
        "{}",
        out.stdout
    );
    assert_eq!(
        lines.len(),
        5 * 2 + 2,
        "five matches, a blank line and the hint"
    );
    assert_eq!(lines[11], "Run the first with: wallet-help payment-failed");
    assert_fits_80_columns(&out.stdout);
}

#[test]
fn search_speaks_chinese_and_reads_chinese_without_spaces() {
    let out = Test::new()
        .env("LANG", "zh_CN.UTF-8")
        .args(&["search", "PayPal充值了但是余额没变", "--limit", "3"])
        .run();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].contains("top-up-missing") && lines[0].ends_with("充值未到账"),
        "{}",
        out.stdout
    );
    let why = lines[1].trim_start();
    assert!(why.starts_with("匹配") || why.starts_with("类似"), "{why}");
    assert_eq!(lines.len(), 3 * 2 + 2);
    assert!(
        out.stdout
            .ends_with("运行第一个：wallet-help top-up-missing\n"),
        "{}",
        out.stdout
    );
    assert_fits_80_columns(&out.stdout);
}

#[test]
fn search_json_has_id_title_score_and_why() {
    let out = Test::new()
        .args(&[
            "search", "refund", "not", "showing", "--json", "--limit", "2",
        ])
        .args(&["--lang", "zh"])
        .run();
    let found: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["id"], "refund-missing");
    assert_eq!(found[0]["title"], "退款未到账");
    assert!(found[0]["score"].as_f64().unwrap() >= found[1]["score"].as_f64().unwrap());
    assert!(found[0]["why"].as_str().unwrap().contains('“'));
    let mut keys: Vec<&String> = found[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["id", "score", "title", "why"]);
}

#[test]
fn search_without_a_match_says_so_and_succeeds() {
    let none = "No guide fits this; try `wallet-help contact` to write to support, or `wallet-help list` to see every guide.\n";
    Test::new()
        .args(&["search", "zzzqqq"])
        .stdout("")
        .stderr(none)
        .run();
    Test::new()
        .args(&["search", "zzzqqq", "--json"])
        .stdout("[]\n")
        .stderr(none)
        .run();
    Test::new()
        .args(&["search", "今天天气很好", "--lang", "zh"])
        .stdout("")
        .stderr_contains("没有相符的指南。可以运行 `wallet-help contact` 给客服写信")
        .run();
}

/// Questions no guide covers get "none of these", even when they share a word with a
/// guide's name: the other words count too.
#[test]
fn search_says_none_of_these_to_questions_no_guide_covers() {
    for words in [
        &["washing", "the", "car", "this", "weekend"][..],
        &["the", "school", "is", "closing", "early", "today"],
        &["best", "recipe", "for", "tomato", "soup"],
        &["明天", "北京", "天气", "怎么样"],
    ] {
        Test::new()
            .args(&["search", "--json"])
            .args(words)
            .stdout("[]\n")
            .stderr_contains("No guide fits this")
            .run();
    }
}

#[test]
fn search_needs_words() {
    for args in [
        &["search"][..],
        &["search", ""],
        &["search", "card", "--limit", "0"],
    ] {
        Test::new()
            .args(args)
            .status(2)
            .stderr_contains("error:")
            .run();
    }
}

#[test]
fn search_finds_a_providers_guide() {
    Test::new()
        .file(
            "guides/points.toml",
            r#"
schema = 1
id = "loyalty-points"
group = "other"
start = "done"
title = { en = "Loyalty points missing", zh = "积分没到账" }
summary = { en = "Points from a purchase are not in your account", zh = "消费积分没有到账" }
[keywords]
en = ["points not credited"]
zh = ["积分不见了"]
[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = { en = "Points arrive within a day.", zh = "积分一天内到账。" }
"#,
        )
        .args(&["search", "my", "points", "were", "not", "credited"])
        .args(&["--guides", "guides"])
        .stdout_contains(" 1  loyalty-points ")
        .run();
}

/// `SEARCH_EVAL=file[,file…]` (under `tests/fixtures/search/`) evaluates those files too:
/// for looking at one set on its own while working on search.
#[test]
fn evaluate_files_named_in_the_environment() {
    let Ok(files) = std::env::var("SEARCH_EVAL") else {
        return;
    };
    for file in files.split(',') {
        report(file, &evaluate(&[file]));
    }
}

/// `SEARCH_DUMP=out.tsv SEARCH_EVAL=file[,file…]`: how search saw each query of those files
/// (expected id, the best three with scores, the model's "none of these", the unknown share),
/// for measuring the confidence floor on a dev split.
#[test]
fn dump_diagnoses_named_in_the_environment() {
    let (Ok(out), Ok(files)) = (std::env::var("SEARCH_DUMP"), std::env::var("SEARCH_EVAL")) else {
        return;
    };
    let catalog = Catalog::load(&[]).unwrap();
    let mut tuning = Tuning::default();
    // `SEARCH_TUNING=unknown_word=6,typo=0.5`: other settings to measure.
    for setting in std::env::var("SEARCH_TUNING")
        .unwrap_or_default()
        .split(',')
    {
        let Some((name, value)) = setting.split_once('=') else {
            continue;
        };
        let value: f32 = value.parse().unwrap();
        match name {
            "unknown_word" => tuning.unknown_word = value,
            "unknown_han1" => tuning.unknown_han1 = value,
            "unknown_han2" => tuning.unknown_han2 = value,
            "typo" => tuning.typo = value,
            "head" => tuning.head = value,
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            "typo_min_len" => tuning.typo_min_len = value as usize,
            other => panic!("unknown setting {other}"),
        }
    }
    let index = Index::new(&catalog).with_tuning(tuning);
    let mut dump = String::new();
    for file in files.split(',') {
        let text = fs::read_to_string(fixtures().join("search").join(file))
            .or_else(|_| fs::read_to_string(file))
            .unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (expected, query) = line.split_once('\t').unwrap();
            if expected != "-" && catalog.find(expected).is_none() {
                continue;
            }
            let d = index.diagnose(query);
            let _ = write!(
                dump,
                "{file}\t{expected}\t{query}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{}",
                d.none,
                d.unknown,
                d.probability,
                d.similarity,
                u8::from(d.exact)
            );
            for (id, score) in d.ranked.iter().take(3) {
                let _ = write!(dump, "\t{id}\t{score:.4}");
            }
            dump.push('\n');
        }
    }
    fs::write(out, dump).unwrap();
}

/// A provider guide with `keyword` among its keywords.
fn points_guide(keyword: &str) -> String {
    format!(
        r#"
schema = 1
id = "loyalty-points"
group = "other"
start = "done"
title = {{ en = "Loyalty points missing", zh = "积分没到账" }}
summary = {{ en = "Points from a purchase are not in your account", zh = "消费积分没有到账" }}
[keywords]
en = ["{keyword}"]
zh = ["积分不见了"]
[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = {{ en = "Points arrive within a day.", zh = "积分一天内到账。" }}
"#
    )
}

/// The index files in a run's cache dir.
fn indexes(out: &crate::test::Output) -> Vec<std::path::PathBuf> {
    let dir = out.dir.join(".cache/wallet-help");
    fs::read_dir(dir)
        .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default()
}

#[test]
fn provider_guides_are_indexed_in_the_cache_and_read_again_when_they_change() {
    let out = Test::new()
        .file("guides/points.toml", &points_guide("points not credited"))
        .args(&["--guides", "guides", "search", "points", "not", "credited"])
        .stdout_contains(" 1  loyalty-points ")
        .run();
    let index = indexes(&out);
    assert_eq!(index.len(), 1, "one index for the folder: {index:?}");
    let rerun = |args: &[&str], expect: &str| {
        let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wallet-help"));
        cmd.current_dir(&out.dir)
            .env_clear()
            .env("HOME", &out.dir)
            .env("LANG", "en_US.UTF-8")
            .env("NO_COLOR", "1")
            .args(["--guides", "guides", "search"])
            .args(args);
        let output = cmd.output().unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.contains(expect), "{args:?}: {stdout}");
    };
    // The guide was written just before the index: its time is too close to trust, so the
    // index is written again once it is older.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(out.dir.join("guides/points.toml"))
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    rerun(&["points", "not", "credited"], " 1  loyalty-points ");
    let written = fs::read(&index[0]).unwrap();
    // The same folder again: the index is used as it is.
    rerun(&["points", "not", "credited"], " 1  loyalty-points ");
    assert_eq!(fs::read(&index[0]).unwrap(), written, "unchanged");

    // A changed guide is read again (a different size, so its time need not differ).
    fs::write(
        out.dir.join("guides/points.toml"),
        points_guide("bonus stamps vanished from my card"),
    )
    .unwrap();
    rerun(&["bonus", "stamps", "vanished"], " 1  loyalty-points ");
    assert_ne!(fs::read(&index[0]).unwrap(), written, "written anew");

    // A corrupt index is ignored and written anew.
    fs::write(&index[0], b"WHGUIDX\x01garbage").unwrap();
    rerun(&["bonus", "stamps", "vanished"], " 1  loyalty-points ");
    assert!(fs::read(&index[0]).unwrap().len() > 100, "rebuilt");
}

#[test]
fn an_unwritable_cache_dir_only_means_no_index() {
    Test::new()
        .file("guides/points.toml", &points_guide("points not credited"))
        // The cache dir's place is taken by a file.
        .file(".cache", "not a folder")
        .args(&["--guides", "guides", "search", "points", "not", "credited"])
        .stdout_contains(" 1  loyalty-points ")
        .run();
}

/// The evaluation sets stay unseen: no bundled example phrase is one of their queries.
#[test]
fn no_example_phrase_is_an_evaluation_query() {
    let mut queries = std::collections::HashSet::new();
    let mut folders = vec![fixtures().join("search")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "tsv") {
                let text = fs::read_to_string(&path).unwrap();
                queries.extend(
                    text.lines()
                        .filter_map(|l| Some(l.split_once('\t')?.1.trim().to_string())),
                );
            }
        }
    }
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/search");
    let mut repeated = Vec::new();
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "tsv") {
            continue;
        }
        for line in fs::read_to_string(&path).unwrap().lines() {
            if let Some((_, phrase)) = line.split_once('\t')
                && queries.contains(phrase.trim())
            {
                repeated.push(format!("{}: {phrase}", path.display()));
            }
        }
    }
    assert!(
        repeated.is_empty(),
        "evaluation queries among the examples:\n{}",
        repeated.join("\n")
    );
}
