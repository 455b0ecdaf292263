//! `guides check`: one broken fixture per rule, each reported with file, line and column.
use crate::test::Test;
use crate::test::fixtures;

use std::fs;
use std::path::Path;

/// Runs `guides check` on one fixture under `guides/` and expects exactly `problems` (one or
/// more `file:line:column: message` lines) followed by the count line, and exit status 3.
fn rejects(fixture: &str, problems: &[&str]) {
    let count = match problems.len() {
        1 => "1 problem".to_string(),
        n => format!("{n} problems"),
    };
    let expected = format!("{}\nerror: {count} in guide files\n", problems.join("\n"));
    Test::new()
        .args(&["guides", "check", fixture])
        .fixture(fixture)
        .status(3)
        .stdout("")
        .stderr(&expected)
        .run();
}

/// The `.toml` files directly in a folder under `tests/fixtures`, as fixture paths, sorted.
fn toml_fixtures_in(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures().join(folder))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| Path::new(n).extension().is_some_and(|x| x == "toml"))
        .map(|n| format!("{folder}/{n}"))
        .collect();
    names.sort();
    names
}

#[test]
fn good_fixture_passes() {
    Test::new()
        .args(&["guides", "check", "guides/good.toml"])
        .fixture("guides/good.toml")
        .stdout("1 guide valid\n")
        .stderr("")
        .run();
}

#[test]
fn invalid_toml_is_reported_with_the_parsers_position() {
    rejects(
        "guides/broken/toml-syntax.toml",
        &[
            "guides/broken/toml-syntax.toml:4:9: string values must be quoted, expected literal string",
        ],
    );
}

#[test]
fn an_unknown_key_is_reported_with_the_keys_that_are_known() {
    rejects(
        "guides/broken/unknown-key.toml",
        &[
            "guides/broken/unknown-key.toml:14:1: unknown field `nxt`, expected one of `id`, `kind`, \
             `question`, `help`, `text`, `label`, `choices`, `type`, `required`, `linkable`, \
             `privacy`, `next`, `fixed`, `outcome`, `urgent`, `needs`, `summary`, `compare`, \
             `unconfigured`, `default`, `block`, `only`",
        ],
    );
}

#[test]
fn a_value_of_the_wrong_type_is_reported_at_the_value() {
    rejects(
        "guides/broken/wrong-type.toml",
        &["guides/broken/wrong-type.toml:16:12: invalid type: string \"yes\", expected a boolean"],
    );
}

#[test]
fn a_step_id_used_twice_is_reported_at_the_second_one() {
    rejects(
        "guides/broken/duplicate-step.toml",
        &["guides/broken/duplicate-step.toml:23:6: step id `done` is used twice"],
    );
}

#[test]
fn a_next_that_names_no_step_is_reported_with_its_position() {
    rejects(
        "guides/broken/unknown-target.toml",
        &[
            "guides/broken/unknown-target.toml:14:8: `next` points to `nowhere`, which is not a step",
        ],
    );
}

#[test]
fn a_step_nothing_leads_to_is_reported_as_unreachable() {
    rejects(
        "guides/broken/unreachable.toml",
        &["guides/broken/unreachable.toml:16:1: step `orphan` cannot be reached from `start`"],
    );
}

#[test]
fn a_loop_with_no_way_out_is_reported_as_having_no_ending() {
    rejects(
        "guides/broken/no-ending.toml",
        &["guides/broken/no-ending.toml:19:1: no ending can be reached from step `wait`"],
    );
}

#[test]
fn a_choice_step_without_choices_is_reported() {
    rejects(
        "guides/broken/no-choices.toml",
        &["guides/broken/no-choices.toml:14:11: choice step `ready` has no choices"],
    );
}

#[test]
fn a_choice_id_used_twice_in_a_step_is_reported() {
    rejects(
        "guides/broken/duplicate-choice.toml",
        &["guides/broken/duplicate-choice.toml:16:10: choice `yes` appears twice in step `ready`"],
    );
}

#[test]
fn a_text_without_chinese_is_reported_as_a_missing_translation() {
    rejects(
        "guides/broken/missing-translation.toml",
        &["guides/broken/missing-translation.toml:13:8: `text` has no `zh` text"],
    );
}

#[test]
fn an_input_of_a_secret_type_is_refused() {
    rejects(
        "guides/broken/secret-by-type.toml",
        &[
            "guides/broken/secret-by-type.toml:13:8: step `login` asks for a secret \
             (type `password`); support never needs it",
        ],
    );
}

#[test]
fn a_question_asking_for_a_secret_in_english_is_refused() {
    rejects(
        "guides/broken/secret-by-wording-en.toml",
        &[
            "guides/broken/secret-by-wording-en.toml:14:12: step `card` asks for a secret \
             (the wording \"pin\"); support never needs it",
        ],
    );
}

#[test]
fn a_question_asking_for_a_secret_in_chinese_is_refused() {
    rejects(
        "guides/broken/secret-by-wording-zh.toml",
        &[
            "guides/broken/secret-by-wording-zh.toml:14:12: step `entered` asks for a secret \
             (the wording \"密码\"); support never needs it",
        ],
    );
}

#[test]
fn a_path_to_support_that_skips_a_needed_detail_is_reported_at_the_ending() {
    rejects(
        "guides/broken/skips-detail.toml",
        &[
            "guides/broken/skips-detail.toml:28:1: a path to contact-support ending `contact` \
             does not ask `order-id`, which support needs",
        ],
    );
}

#[test]
fn needs_that_name_a_step_which_is_not_an_input_are_reported() {
    rejects(
        "guides/broken/needs-not-input.toml",
        &[
            "guides/broken/needs-not-input.toml:6:10: `needs` names `intro`, which is not an input step",
        ],
    );
}

#[test]
fn a_key_that_belongs_to_another_kind_of_step_is_reported() {
    rejects(
        "guides/broken/not-allowed-key.toml",
        &["guides/broken/not-allowed-key.toml:14:9: `fixed` is not allowed on an `info` step"],
    );
}

#[test]
fn a_report_placeholder_that_names_no_input_is_reported() {
    rejects(
        "guides/broken/bad-placeholder.toml",
        &[
            "guides/broken/bad-placeholder.toml:11:18: placeholder `{order-number}` does not name \
             an input or choice step",
        ],
    );
}

#[test]
fn a_guide_named_like_a_built_in_command_is_refused() {
    rejects(
        "guides/broken/reserved-id.toml",
        &[
            "guides/broken/reserved-id.toml:3:6: `search` is a built-in command and cannot name a guide",
        ],
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    rejects(
        "guides/broken/many-problems.toml",
        &[
            "guides/broken/many-problems.toml:13:8: `text` has no `zh` text",
            "guides/broken/many-problems.toml:20:12: step `card-code` asks for a secret \
             (the wording \"cvv\"); support never needs it",
            "guides/broken/many-problems.toml:22:8: `next` points to `nowhere`, which is not a step",
        ],
    );
}

#[test]
fn a_folder_is_checked_file_by_file() {
    let files = toml_fixtures_in("guides/broken");
    assert_eq!(files.len(), 19, "fixtures in guides/broken: {files:?}");
    let mut test = Test::new().args(&["guides", "check", "guides/broken"]);
    for file in &files {
        test = test.fixture(file);
    }
    let out = test
        .status(3)
        .stdout("")
        .stderr_contains("\nerror: 21 problems in guide files\n")
        .run();
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        22,
        "21 problems and the count line:\n{}",
        out.stderr
    );
    for file in &files {
        assert!(
            lines.iter().any(|l| l.starts_with(&format!("{file}:"))),
            "no problem reported for {file}:\n{}",
            out.stderr
        );
    }
}

#[test]
fn clashing_aliases_across_files_are_reported() {
    Test::new()
        .args(&["guides", "check", "guides/clash"])
        .fixture("guides/clash/a.toml")
        .fixture("guides/clash/b.toml")
        .status(3)
        .stdout("")
        .stderr(
            "guides/clash/b.toml:3:6: `fixture-shared-alias` is already used by guide `fixture-clash-a`\n\
             error: 1 problem in guide files\n",
        )
        .run();
}

#[test]
fn each_clashing_file_is_valid_on_its_own() {
    Test::new()
        .args(&["guides", "check", "guides/clash/a.toml"])
        .fixture("guides/clash/a.toml")
        .stdout("1 guide valid\n")
        .run();
    Test::new()
        .args(&["guides", "check", "guides/clash/b.toml"])
        .fixture("guides/clash/b.toml")
        .stdout("1 guide valid\n")
        .run();
}

#[test]
fn bundled_catalog_is_valid() {
    let repo_guides = Path::new(env!("CARGO_MANIFEST_DIR")).join("guides");
    let bundled = fs::read_dir(&repo_guides)
        .unwrap()
        .filter(|e| {
            let path = e.as_ref().unwrap().path();
            path.extension().is_some_and(|x| x == "toml")
        })
        .count();
    assert!(bundled > 0, "no guides in {}", repo_guides.display());
    // The exact count matters: a catalog that fails to load is checked as empty.
    let valid = format!("{bundled} guides valid\n");
    let catalog = Test::new().args(&["guides", "check"]).stdout(&valid).run();
    let folder = Test::new()
        .args(&["guides", "check", repo_guides.to_str().unwrap()])
        .stdout(&valid)
        .run();
    for out in [&catalog, &folder] {
        let mut lines = out.stderr.lines().collect::<Vec<_>>();
        let count = lines.pop().map_or(0, |last| {
            last.strip_suffix(" warnings in guide files")
                .or_else(|| last.strip_suffix(" warning in guide files"))
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or_else(|| panic!("not a warning count: {last:?}"))
        });
        assert!(
            lines.iter().all(|l| l.contains(": warning: ")),
            "only warnings:\n{}",
            out.stderr
        );
        assert_eq!(lines.len(), count);
        // The bundled guides have no warnings: keep it so.
        assert_eq!(
            count, 0,
            "the bundled guides have warnings:\n{}",
            out.stderr
        );
    }
    assert_eq!(
        catalog.stderr.lines().count(),
        folder.stderr.lines().count() + {
            // The catalog check also reads the bundled blocks; the folder check reads guides.
            let blocks = Test::new().args(&["guides", "check"]).run();
            blocks
                .stderr
                .lines()
                .filter(|l| l.starts_with("guides/blocks/"))
                .count()
        }
    );
}

#[test]
fn a_missing_file_is_a_clear_error() {
    Test::new()
        .fixture("guides/good.toml")
        .args(&["guides", "check", "guides/missing.toml", "guides/good.toml"])
        .status(3)
        .stdout("")
        .stderr(
            "guides/missing.toml:1:1: cannot read: no such file or folder\n\
             error: 1 problem in guide files\n",
        )
        .run();
}

/// A guide file that is valid on its own, with the given id, alias and title.
fn small_guide(id: &str, alias: &str, title: &str) -> String {
    format!(
        r#"schema = 1
id = "{id}"
group = "other"
start = "done"
title = {{ en = "{title}", zh = "{title}" }}
summary = {{ en = "A summary", zh = "简介" }}
aliases = {{ en = ["{alias}"] }}

[[steps]]
id = "ask"
kind = "input"
type = "text"
question = {{ en = "What happened?", zh = "发生了什么？" }}
label = {{ en = "What happened", zh = "经过" }}
help = {{ en = "Never include your password.", zh = "不要写密码。" }}
next = "done"

[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = {{ en = "Done.", zh = "好了。" }}
"#
    )
    .replace("start = \"done\"", "start = \"ask\"")
}

#[test]
fn with_no_paths_a_broken_provider_folder_fails_the_check() {
    Test::new()
        .fixture("guides/broken/unknown-target.toml")
        .args(&["--guides", "guides/broken", "guides", "check"])
        .status(3)
        .stdout("")
        .stderr_contains("guides/broken/unknown-target.toml:14:8:")
        .run();
}

#[test]
fn a_provider_guide_with_broken_steps_is_listed_and_fails_with_its_location_when_run() {
    // Only a guide's header is read to list it; its steps are checked when it runs.
    let broken =
        small_guide("mine", "my-alias", "Mine").replace("next = \"done\"", "next = \"gone\"");
    Test::new()
        .file("mine/a.toml", &broken)
        .args(&["--guides", "mine", "list"])
        .stdout_contains("mine")
        .run();
    Test::new()
        .file("mine/a.toml", &broken)
        .args(&["--guides", "mine", "mine", "--no-input"])
        .status(3)
        .stderr_contains("mine/a.toml:16:8: `next` points to `gone`, which is not a step")
        .run();
}

#[test]
fn a_step_text_that_looks_like_a_table_still_reads() {
    // A line starting with `[` inside a step's multi-line string ends the header scan
    // early; the whole file is then read, and the guide still works.
    let guide = small_guide("mine", "my-alias", "Mine").replace(
        "help = { en = \"Never include your password.\", zh = \"不要写密码。\" }",
        "help.en = \"\"\"\n[Note] copy the message as shown\n\"\"\"\nhelp.zh = \"照原样抄下提示。\"",
    );
    assert!(guide.contains("\n[Note]"));
    Test::new()
        .file("mine/a.toml", &guide)
        .args(&["--guides", "mine", "guides", "show", "mine", "--json"])
        .stdout_contains("\"id\": \"ask\"")
        .run();
}

#[test]
fn an_unknown_privacy_is_reported_with_the_known_ones() {
    let guide = small_guide("mine", "my-alias", "Mine")
        .replace("type = \"text\"", "type = \"text\"\nprivacy = \"secret\"");
    Test::new()
        .file("mine/a.toml", &guide)
        .args(&["guides", "check", "mine"])
        .status(3)
        .stderr_contains(
            "mine/a.toml:13:11: `privacy` is `secret`; expected normal, personal, reference or \
             error-message",
        )
        .run();
}

#[test]
fn checked_files_may_not_take_a_bundled_alias() {
    Test::new()
        .file("mine/a.toml", &small_guide("mine", "declined", "Mine"))
        .args(&["guides", "check", "mine"])
        .status(3)
        .stderr_contains("`declined` is already used by guide `payment-failed`")
        .run();
}

#[test]
fn two_guides_may_not_share_a_title() {
    Test::new()
        .file(
            "mine/a.toml",
            &small_guide("first", "first-alias", "Same title"),
        )
        .file(
            "mine/b.toml",
            &small_guide("second", "second-alias", "Same title"),
        )
        .args(&["guides", "check", "mine"])
        .status(3)
        .stderr_contains("`Same title` is already used by guide `first`")
        .run();
}

#[test]
fn help_text_may_warn_about_passwords() {
    Test::new()
        .file("mine/a.toml", &small_guide("mine", "my-alias", "Mine"))
        .args(&["guides", "check", "mine/a.toml"])
        .stdout("1 guide valid\n")
        .run();
}

#[test]
fn a_compare_check_must_compare_an_input_and_say_where_unconfigured_goes() {
    let guide = small_guide("mine", "my-alias", "Mine").replace(
        "[[steps]]\nid = \"done\"",
        "[[steps]]\nid = \"cmp\"\nkind = \"check\"\ncompare = \"done\"\nlabel = { en = \"Compared\", zh = \"已比对\" }\ntext = { en = \"Comparing\", zh = \"比对中\" }\nfixed = \"done\"\nnext = \"done\"\n\n[[steps]]\nid = \"lonely\"\nkind = \"check\"\nunconfigured = \"done\"\nlabel = { en = \"L\", zh = \"L\" }\ntext = { en = \"T\", zh = \"T\" }\nfixed = \"done\"\nnext = \"done\"\n\n[[steps]]\nid = \"done\"",
    );
    Test::new()
        .file("mine/a.toml", &guide)
        .args(&["guides", "check", "mine/a.toml"])
        .status(3)
        .stderr_contains("step `cmp` has no `unconfigured`")
        .stderr_contains("step `lonely` has no `compare`")
        .run();
}

// Hostile input: a provider's guide is read by people at a terminal and becomes part of the
// command line, so its text and names are held to what a terminal and clap can take safely.

#[test]
fn terminal_escapes_and_bidi_controls_in_guide_text_are_refused_at_their_place() {
    let guide = small_guide("mine", "my-alias", "Mine")
        .replace(
            "question = { en = \"What happened?\"",
            "question = { en = \"What\\u001b[2J happened?\"",
        )
        .replace(
            "help = { en = \"Never include your password.\"",
            "help = { en = \"\\u001b]52;c;aGVsbG8=\\u0007Never include your password.\"",
        )
        .replace(
            "label = { en = \"What happened\", zh = \"经过\" }",
            "label = { en = \"What happened\", zh = \"经\u{202E}过\" }",
        )
        .replace(
            "text = { en = \"Done.\"",
            "text = { en = \"\\u001b]8;;https://evil.example/\\u001b\\\\Done.\"",
        );
    let out = Test::new()
        .file("mine/a.toml", &guide)
        .args(&["guides", "check", "mine/a.toml"])
        .status(3)
        .stdout("")
        .stderr_contains(
            "mine/a.toml:13:19: `question.en` holds U+001B, an escape character (it starts \
             terminal escape sequences)",
        )
        .stderr_contains("mine/a.toml:14:40: `label.zh` holds U+202E, a bidi control")
        .stderr_contains("mine/a.toml:15:15: `help.en` holds U+001B")
        .stderr_contains("mine/a.toml:22:15: `text.en` holds U+001B")
        .stderr_contains("error: 4 problems in guide files")
        .run();
    assert!(
        !out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{202E}'),
        "the message itself must not carry the escape: {:?}",
        out.stderr
    );
}

#[test]
fn a_provider_title_with_an_escape_never_reaches_list_or_search() {
    let guide = small_guide("mine", "my-alias", "Mine\\u001b[2J\\u001b[H");
    for args in [&["list"][..], &["search", "mine"], &["mine", "--no-input"]] {
        let mut all = vec!["--guides", "mine"];
        all.extend(args);
        let out = Test::new()
            .file("mine/a.toml", &guide)
            .args(&all)
            .status(3)
            .stdout("")
            .stderr_contains("mine/a.toml:5:16:")
            .stderr_contains("`title.en` holds U+001B")
            .run();
        assert!(!out.stderr.contains('\u{1b}'), "{args:?}: {:?}", out.stderr);
    }
}

#[test]
fn an_alias_that_reads_as_an_option_or_a_command_is_refused() {
    for (alias, message) in [
        ("--config", "`aliases` is `--config`; expected letters"),
        ("-o", "`aliases` is `-o`; expected letters"),
        ("--output=x", "`aliases` is `--output=x`; expected letters"),
        ("two words", "`aliases` is `two words`; expected letters"),
        (
            "cases",
            "`cases` is a built-in command and cannot name a guide",
        ),
        (
            "resume",
            "`resume` is a built-in command and cannot name a guide",
        ),
    ] {
        Test::new()
            .file("mine/a.toml", &small_guide("mine", alias, "Mine"))
            .args(&["guides", "check", "mine/a.toml"])
            .status(3)
            .stderr_contains(&format!("mine/a.toml:7:19: {message}"))
            .run();
    }
}

#[test]
fn a_provider_alias_like_an_option_cannot_shadow_it() {
    // `--config F payment-failed` must read the config, not run the provider's guide.
    let guide = small_guide("mine", "--config", "Mine");
    Test::new()
        .file("mine/a.toml", &guide)
        .file("config.toml", "[provider]\nname = \"Example\"\n")
        .args(&[
            "--guides",
            "mine",
            "--config",
            "config.toml",
            "payment-failed",
            "--no-input",
        ])
        .status(3)
        .stdout("")
        .stderr_contains("mine/a.toml:7:19: `aliases` is `--config`")
        .run();
}

#[test]
fn a_guide_id_may_not_take_a_command_added_later() {
    for id in ["setup", "config", "cases", "report", "resume"] {
        Test::new()
            .file("mine/a.toml", &small_guide(id, "some-alias", "Mine"))
            .args(&["guides", "check", "mine/a.toml"])
            .status(3)
            .stderr_contains(&format!(
                "mine/a.toml:2:6: `{id}` is a built-in command and cannot name a guide"
            ))
            .run();
    }
}

// Shared steps: `kind = "include"` puts a block's questions (guides/blocks/*.toml) in place.

/// `small_guide` with the phone block asked between the question and the ending.
fn guide_with_phone(include: &str) -> String {
    small_guide("mine", "my-alias", "Mine")
        .replace("next = \"done\"", "next = \"about-phone\"")
        .replace(
            "[[steps]]\nid = \"done\"",
            &format!("{include}\n\n[[steps]]\nid = \"done\""),
        )
        .replace("outcome = \"resolved\"", "outcome = \"contact-support\"")
}

const PHONE_INCLUDE: &str =
    "[[steps]]\nid = \"about-phone\"\nkind = \"include\"\nblock = \"phone\"\nnext = \"done\"";

#[test]
fn an_included_block_is_shown_expanded_with_its_stable_ids() {
    let out = Test::new()
        .file("mine/a.toml", &guide_with_phone(PHONE_INCLUDE))
        .args(&["--guides", "mine", "guides", "show", "mine", "--json"])
        .run();
    let graph: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let steps = graph["steps"].as_array().unwrap();
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "ask",
            "phone-os",
            "phone-os-version",
            "phone-model",
            "wallet-app",
            "wallet-app-version",
            "network",
            "done"
        ]
    );
    assert_eq!(
        steps[0]["next"], "phone-os",
        "the include's id leads to its first step"
    );
    assert_eq!(steps[1]["block"], "phone");
    assert_eq!(steps[1]["default"], "unsure");
    assert!(
        steps[6]["choices"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["next"] == "done")
    );
    assert!(steps[0].get("block").is_none());
}

#[test]
fn the_phone_answers_fill_the_reports_phone_not_its_details() {
    let out = Test::new()
        .file("mine/a.toml", &guide_with_phone(PHONE_INCLUDE))
        .file(
            "answers.toml",
            "ask = \"It broke\"\nphone-os = \"android\"\nphone-model = \"Xiaomi 13\"\n",
        )
        .args(&[
            "--guides",
            "mine",
            "mine",
            "--answers",
            "answers.toml",
            "--set",
            "phone-os-version=14",
            "--set",
            "network=wifi",
            "--format",
            "json",
        ])
        .run();
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        report["phone"],
        serde_json::json!({ "os": "Android", "os_version": "14", "model": "Xiaomi 13", "network": "wifi" })
    );
    let ids: Vec<&str> = report["details"]
        .as_array()
        .unwrap()
        .iter()
        .chain(report["trail"].as_array().unwrap())
        .filter_map(|d| d["id"].as_str().or(d["step"].as_str()))
        .collect();
    assert_eq!(
        ids,
        ["ask"],
        "phone answers are not repeated in details or the trail"
    );
}

#[test]
fn a_script_that_does_not_answer_the_phone_questions_skips_them() {
    let out = Test::new()
        .file("mine/a.toml", &guide_with_phone(PHONE_INCLUDE))
        .args(&[
            "--guides",
            "mine",
            "mine",
            "--set",
            "ask=It broke",
            "--format",
            "json",
        ])
        .run();
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["phone"], serde_json::json!({}));
    let text = Test::new()
        .file("mine/a.toml", &guide_with_phone(PHONE_INCLUDE))
        .args(&["--guides", "mine", "mine", "--set", "ask=It broke"])
        .run();
    assert!(
        !text.stdout.contains("\nPhone\n"),
        "no empty phone section:\n{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("\nReport written on\n-----------------\n")
    );
}

#[test]
fn an_include_may_ask_only_some_of_the_blocks_questions() {
    let include = format!("{PHONE_INCLUDE}\nonly = [\"phone-model\", \"phone-os\"]");
    let out = Test::new()
        .file("mine/a.toml", &guide_with_phone(&include))
        .args(&["--guides", "mine", "guides", "show", "mine", "--json"])
        .run();
    let graph: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<&str> = graph["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["ask", "phone-os", "phone-model", "done"],
        "in the block's order"
    );
}

#[test]
fn include_mistakes_are_reported_at_their_place() {
    let cases = [
        (
            PHONE_INCLUDE.replace("\"phone\"", "\"fone\""),
            "mine/a.toml:21:9: there is no block `fone`; the blocks are phone",
        ),
        (
            format!("{PHONE_INCLUDE}\nonly = [\"phone-model\", \"imei\"]"),
            "mine/a.toml:23:24: `imei` is not a step of block `phone`; its steps are phone-os, \
             phone-os-version, phone-model, wallet-app, wallet-app-version, network",
        ),
        (
            PHONE_INCLUDE.replace("next = \"done\"", "next = \"gone\""),
            "mine/a.toml:22:8: `next` points to `gone`, which is not a step",
        ),
        (
            PHONE_INCLUDE.replace(
                "next = \"done\"",
                "text = { en = \"x\", zh = \"x\" }\nnext = \"done\"",
            ),
            "mine/a.toml:22:8: `text` is not allowed on an `include` step",
        ),
        (
            format!(
                "{PHONE_INCLUDE}\n\n{}",
                PHONE_INCLUDE.replace("about-phone", "again")
            ),
            "mine/a.toml:27:9: block `phone` is already included in this guide",
        ),
        (
            format!(
                "{PHONE_INCLUDE}\n\n[[steps]]\nid = \"network\"\nkind = \"info\"\ntext = {{ en = \"x\", zh = \"x\" }}\nnext = \"done\""
            ),
            "mine/a.toml:25:6: step id `network` is used twice",
        ),
    ];
    for (include, message) in cases {
        Test::new()
            .file("mine/a.toml", &guide_with_phone(&include))
            .args(&["guides", "check", "mine/a.toml"])
            .status(3)
            .stderr_contains(message)
            .run();
    }
}

/// An include whose block cannot be read has no steps, so when it is the last step its id
/// names no step at all: each way of pointing at it is that one problem, never a crash.
#[test]
fn a_broken_last_include_is_a_problem_wherever_it_is_named() {
    let guide = |target: &str, include: &str| {
        format!(
            r#"schema = 1
id = "mine"
group = "other"
start = "{start}"
title = {{ en = "Mine", zh = "我的" }}
summary = {{ en = "A summary", zh = "简介" }}

[[steps]]
id = "given"
kind = "input"
type = "text"
question = {{ en = "Which contact?", zh = "哪个联系方式？" }}
label = {{ en = "Contact", zh = "联系方式" }}
next = "compare"

[[steps]]
id = "compare"
kind = "check"
compare = "{compare}"
label = {{ en = "Compared", zh = "已比对" }}
text = {{ en = "Comparing…", zh = "正在比对…" }}
fixed = "done"
next = "{next}"
unconfigured = "done"

[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = {{ en = "Done.", zh = "好了。" }}

[[steps]]
id = "about-phone"
kind = "include"
{include}
next = "done"
"#,
            start = if target == "start" {
                "about-phone"
            } else {
                "given"
            },
            compare = if target == "compare" {
                "about-phone"
            } else {
                "given"
            },
            next = if target == "next" {
                "about-phone"
            } else {
                "done"
            },
        )
    };
    let includes = [
        ("block = \"fone\"", "there is no block `fone`"),
        (
            "block = \"phone\"\nonly = []",
            "`only` is `[]`; expected at least one of the block's steps",
        ),
    ];
    for target in ["start", "compare", "next"] {
        for (include, message) in includes {
            Test::new()
                .file("mine/a.toml", &guide(target, include))
                .args(&["guides", "check", "mine/a.toml"])
                .status(3)
                .stderr_contains(message)
                .stderr_contains("error: 1 problem in guide files")
                .run();
        }
    }
}

#[test]
fn a_choice_default_must_be_one_of_its_choices() {
    let guide = small_guide("mine", "my-alias", "Mine").replace(
        "[[steps]]\nid = \"ask\"",
        "[[steps]]\nid = \"pick\"\nkind = \"choice\"\nquestion = { en = \"Which?\", zh = \"哪个？\" }\ndefault = \"maybe\"\nchoices = [{ id = \"a\", label = { en = \"A\", zh = \"甲\" }, next = \"ask\" }]\n\n[[steps]]\nid = \"ask\"",
    ).replace("start = \"ask\"", "start = \"pick\"");
    Test::new()
        .file("mine/a.toml", &guide)
        .args(&["guides", "check", "mine/a.toml"])
        .status(3)
        .stderr_contains(
            "mine/a.toml:13:11: `default` is `maybe`; expected the id of one of the step's choices",
        )
        .run();
}

// Warnings: the guide works, so the check passes, but it reads badly or asks in the wrong
// order. Each is reported where it is, after the guide is found valid.

fn warns(guide: &str, warnings: &[&str]) {
    let noun = if warnings.len() == 1 {
        "warning"
    } else {
        "warnings"
    };
    Test::new()
        .file("mine/a.toml", guide)
        .args(&["guides", "check", "mine/a.toml"])
        .stdout("1 guide valid\n")
        .stderr(&format!(
            "{}\n{} {noun} in guide files\n",
            warnings.join("\n"),
            warnings.len()
        ))
        .run();
}

#[test]
fn half_width_punctuation_in_chinese_is_a_warning_at_its_place() {
    let guide = small_guide("mine", "my-alias", "Mine").replace(
        "zh = \"不要写密码。\"",
        "zh = \"先打开 App,看看提示(如有);型号写成 iPhone 13,iOS 17。时间 09:00 不算\"",
    );
    warns(
        &guide,
        &[
            "mine/a.toml:15:60: warning: half-width `,` in Chinese text; write `，`",
            "mine/a.toml:15:65: warning: half-width `(` in Chinese text; write `（`",
            "mine/a.toml:15:68: warning: half-width `)` in Chinese text; write `）`",
            "mine/a.toml:15:69: warning: half-width `;` in Chinese text; write `；`",
            "mine/a.toml:15:84: warning: half-width `,` in Chinese text; write `，`",
        ],
    );
}

#[test]
fn did_that_fix_it_after_something_that_cannot_fix_anything_yet_is_a_warning() {
    let checks = "[[steps]]\nid = \"wait\"\nkind = \"check\"\nlabel = { en = \"Waited\", zh = \"已等待\" }\ntext = { en = \"Wait for the review: it takes 3 business days.\", zh = \"等待审核，一般要 3 个工作日。\" }\nfixed = \"done\"\nnext = \"same\"\n\n[[steps]]\nid = \"same\"\nkind = \"check\"\nlabel = { en = \"Restarted\", zh = \"已重启\" }\ntext = { en = \"Restart the app.\", zh = \"重启 App。\" }\nfixed = \"done\"\nnext = \"done\"\n\n[[steps]]\nid = \"done\"";
    let guide = small_guide("mine", "my-alias", "Mine")
        .replace("next = \"done\"", "next = \"wait\"")
        .replace("[[steps]]\nid = \"done\"", checks);
    warns(
        &guide,
        &[
            "mine/a.toml:18:1: warning: check `wait` asks \"Did that fix it?\", but what it asks \
             takes time (waiting, a review, a complaint), so nobody can say yet; give it a \
             `question` that can be answered now (\"Did you send it?\")",
            "mine/a.toml:26:1: warning: check `same` asks \"Did that fix it?\", but yes and no \
             lead to the same step, so nothing depends on it; make it an `info` step",
        ],
    );
}

#[test]
fn an_urgent_path_that_asks_before_it_protects_is_a_warning() {
    let guide = r#"schema = 1
id = "mine"
group = "account"
start = "amount"
title = { en = "Mine", zh = "我的" }
summary = { en = "A summary", zh = "简介" }

[[steps]]
id = "amount"
kind = "input"
type = "amount"
question = { en = "How much?", zh = "多少钱？" }
label = { en = "Amount", zh = "金额" }
next = "whose"

[[steps]]
id = "whose"
kind = "choice"
question = { en = "Was it you?", zh = "是你本人操作的吗？" }
choices = [
  { id = "me", label = { en = "Yes", zh = "是" }, next = "contact" },
  { id = "not-me", label = { en = "No", zh = "不是" }, next = "freeze" },
]

[[steps]]
id = "freeze"
kind = "info"
text = { en = "Freeze your account now.", zh = "马上冻结账户。" }
next = "urgent"

[[steps]]
id = "contact"
kind = "end"
outcome = "contact-support"
text = { en = "Report follows.", zh = "报告如下。" }

[[steps]]
id = "urgent"
kind = "end"
outcome = "contact-support"
urgent = true
text = { en = "Report follows.", zh = "报告如下。" }
"#;
    warns(
        guide,
        &[
            "mine/a.toml:8:1: warning: on the way to urgent ending `urgent`, `amount` is asked \
           before any step tells the user how to protect their account; ask once they are safe",
        ],
    );
    // Asked once the user is safe, the same question is fine.
    let reordered = guide
        .replace("start = \"amount\"", "start = \"whose\"")
        .replace("next = \"whose\"", "next = \"contact\"")
        .replace("next = \"contact\" },", "next = \"amount\" },");
    Test::new()
        .file("mine/a.toml", &reordered)
        .args(&["guides", "check", "mine/a.toml"])
        .stdout("1 guide valid\n")
        .stderr("")
        .run();
}

#[test]
fn a_regions_text_in_one_language_only_is_a_warning() {
    let guide = small_guide("mine", "my-alias", "Mine").replace(
        "text = { en = \"Done.\", zh = \"好了。\" }",
        "text = { en = \"Done.\", zh = \"好了。\", en-uk = \"Done; the FOS can help.\" }",
    );
    warns(
        &guide,
        &[
            "mine/a.toml:22:44: warning: `text.en-uk` has no `text.zh-uk`: readers of the other \
           language in that region get the general text",
        ],
    );
}
