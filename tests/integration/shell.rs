//! `completions <SHELL>`, `man`, and "did you mean" for a misspelt symptom.

use std::process::Command;

use crate::test::Test;

const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "powershell", "elvish"];

fn completions(shell: &str) -> String {
    Test::new().args(&["completions", shell]).run().stdout
}

#[test]
fn every_shell_gets_a_script_with_symptom_ids_and_chinese_aliases() {
    for shell in SHELLS {
        let script = completions(shell);
        assert!(script.len() > 1000, "{shell}: {script}");
        for name in ["payment-failed", "支付失败", "completions", "man"] {
            assert!(script.contains(name), "{shell} script lacks {name}");
        }
    }
}

#[test]
fn the_bash_script_offers_every_symptom_as_a_command() {
    let script = completions("bash");
    // The top-level word list: options, then the commands, ids and aliases.
    let words: Vec<&str> = script
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("opts=\"") && l.contains("--lang") && l.contains(" list "))
        .unwrap_or_else(|| panic!("no top-level word list:\n{script}"))
        .trim_start_matches("opts=\"")
        .trim_end_matches('"')
        .split(' ')
        .collect();
    for name in [
        "list",
        "completions",
        "man",
        "payment-failed",
        "declined",
        "支付失败",
    ] {
        assert!(words.contains(&name), "{name} not in {words:?}");
    }
}

/// What bash offers for `words` (the last one being completed), or `None` without bash.
fn bash_completes(script: &str, words: &[&str]) -> Option<String> {
    let driver = r#"source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
_wallet__help wallet-help "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
echo "${COMPREPLY[*]}""#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wallet-help.bash");
    std::fs::write(&path, script).unwrap();
    let out = Command::new("bash")
        .args(["-c", driver, "bash"])
        .arg(&path)
        .args(words)
        .output()
        .ok()?;
    assert!(out.status.success(), "{out:?}");
    Some(String::from_utf8(out.stdout).unwrap().trim().to_string())
}

#[test]
fn bash_completes_commands_aliases_and_options_after_a_symptom() {
    let script = completions("bash");
    let Some(found) = bash_completes(&script, &["wallet-help", "payment-f"]) else {
        eprintln!("no bash here; skipped");
        return;
    };
    assert_eq!(found, "payment-failed");
    let found = bash_completes(&script, &["wallet-help", "支付"]).unwrap();
    assert!(found.split(' ').any(|w| w == "支付失败"), "{found}");
    // After a subcommand, which needs a fix to clap_complete's script for a hyphenated name.
    let found = bash_completes(&script, &["wallet-help", "支付失败", "--fo"]).unwrap();
    assert_eq!(found, "--format --force");
    let found = bash_completes(&script, &["wallet-help", "completions", "p"]).unwrap();
    assert_eq!(found, "powershell");
}

#[test]
fn a_provider_guide_is_in_the_completions_and_the_man_page() {
    let guide = "schema = 1\nid = \"provider-contact\"\ngroup = \"other\"\nstart = \"done\"\n\
        title = { en = \"Reach Example Wallet\", zh = \"联系示例钱包\" }\n\
        summary = { en = \"How to reach us\", zh = \"联系我们的方式\" }\n\
        [[steps]]\nid = \"done\"\nkind = \"end\"\noutcome = \"resolved\"\n\
        text = { en = \"Call us from inside the app.\", zh = \"请在 App 内联系我们。\" }\n";
    for args in [&["completions", "zsh"][..], &["man"]] {
        let out = Test::new()
            .file("mine/provider.toml", guide)
            .args(&["--guides", "mine"])
            .args(args)
            .run();
        assert!(unroff(&out.stdout).contains("provider-contact"), "{args:?}");
    }
}

#[test]
fn an_unknown_or_missing_shell_is_a_usage_error() {
    Test::new()
        .args(&["completions", "nushell"])
        .status(2)
        .stderr_contains("invalid value 'nushell'")
        .stderr_contains("bash, zsh, fish, powershell, elvish")
        .run();
    Test::new()
        .args(&["completions"])
        .status(2)
        .stderr_contains("<SHELL>")
        .run();
}

#[test]
fn man_prints_a_roff_page_listing_the_symptoms() {
    let page = Test::new().args(&["man"]).run().stdout;
    assert!(page.starts_with(".TH") || page.starts_with(".ie"), "{page}");
    assert!(page.contains(".TH wallet-help 1"), "{page}");
    for text in [
        ".SH SYNOPSIS",
        "wallet-help",
        "payment-failed",
        "completions",
    ] {
        assert!(
            unroff(&page).contains(text),
            "man page lacks {text}:\n{page}"
        );
    }
}

/// Roff text with its escaped hyphens (`\-`) plain again.
fn unroff(page: &str) -> String {
    page.replace("\\-", "-")
}

#[test]
fn a_misspelt_symptom_gets_the_closest_id() {
    Test::new()
        .args(&["payment-faild"])
        .status(2)
        .stderr("error: unknown symptom `payment-faild`\nhint: did you mean `payment-failed`?\n")
        .run();
    // Options around it do not change that; `--lang zh` says it in Chinese.
    Test::new()
        .args(&["--lang", "zh", "payment-faild", "--format", "json"])
        .status(2)
        .stderr("错误：没有叫 `payment-faild` 的问题\n提示：你要找的是不是 `payment-failed`？\n")
        .run();
}

#[test]
fn a_near_chinese_name_gets_the_chinese_name_it_is_close_to() {
    for typed in ["支付失败了", "支付失敗"] {
        Test::new()
            .args(&[typed])
            .status(2)
            .stderr(&format!(
                "error: unknown symptom `{typed}`\nhint: did you mean `支付失败`?\n"
            ))
            .run();
    }
}

#[test]
fn an_ambiguous_start_gets_up_to_three_and_a_misspelt_command_its_name() {
    let out = Test::new().args(&["payment"]).status(2).run();
    let hint = out.stderr.lines().nth(1).unwrap();
    assert!(
        hint.starts_with("hint: did you mean `payment-failed`, `payment-pending`"),
        "{hint}"
    );
    assert!(hint.matches('`').count() <= 6, "{hint}");
    Test::new()
        .args(&["lsit"])
        .status(2)
        .stderr("error: unknown symptom `lsit`\nhint: did you mean `list`?\n")
        .run();
}

#[test]
fn nothing_close_points_to_list() {
    Test::new()
        .args(&["zzzz"])
        .status(2)
        .stderr("error: unknown symptom `zzzz`\nhint: `wallet-help list` shows every symptom\n")
        .run();
}

#[test]
fn clap_still_explains_bad_options_and_nested_commands() {
    Test::new()
        .args(&["--bogus", "payment-failed"])
        .status(2)
        .stderr_contains("unexpected argument '--bogus'")
        .run();
    Test::new()
        .args(&["guides", "chek"])
        .status(2)
        .stderr_contains("unrecognized subcommand 'chek'")
        .run();
}

#[test]
fn a_symptom_missing_because_guides_did_not_load_gets_the_guide_error() {
    Test::new()
        .file(
            "mine/broken.toml",
            "schema = 1\nid = \"broken\"\ngroup = \"payments\"\nstart = \"nowhere\"\n",
        )
        .args(&["--guides", "mine", "payment-failed"])
        .status(3)
        .stderr_contains("mine/broken.toml:4:9:")
        .run();
}
