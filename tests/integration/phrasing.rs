//! What a reader is told depends on where they are and whose wallet it is: texts for their
//! region, the provider's own channels, and times written the way people write them.

use crate::test::Test;

/// A provider guide whose texts differ for UK and mainland-China readers.
const REGIONAL: &str = r#"schema = 1
id = "mine"
group = "other"
start = "what"
title = { en = "Mine", zh = "我的" }
summary = { en = "A summary", zh = "简介" }

[report]
summary.en = "Something went wrong: “{what}”."
summary.en-uk = "Something went wrong (UK): “{what}”."
summary.zh = "出了问题：“{what}”。"

[[steps]]
id = "what"
kind = "input"
type = "text"
question = { en = "What happened?", zh = "发生了什么？" }
label = { en = "What happened", zh = "经过" }
next = "done"

[[steps]]
id = "done"
kind = "end"
outcome = "contact-support"
text.en = "Send this to support."
text.en-uk = "Send this to support. If they do not answer within 8 weeks, the Financial Ombudsman Service can help."
text.zh = "把报告发给客服。"
text.zh-cn = "把报告发给客服。客服迟迟不处理的，可以向中国人民银行（12363）投诉。"
"#;

fn run_regional(env: &[(&str, &str)], extra: &[&str]) -> crate::test::Output {
    let mut args = vec![
        "--guides",
        "mine",
        "mine",
        "--set",
        "what=It broke",
        "--format",
        "json",
    ];
    args.extend(extra);
    let mut test = Test::new().file("mine/a.toml", REGIONAL).args(&args);
    for (k, v) in env {
        test = test.env(k, v);
    }
    test.run()
}

fn json(out: &crate::test::Output) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap()
}

#[test]
fn the_region_picks_the_texts_and_the_report_says_which() {
    let uk = run_regional(&[("WALLET_HELP_REGION", "uk")], &[]);
    assert_eq!(json(&uk)["region"], "uk");
    assert_eq!(
        json(&uk)["summary"],
        "Something went wrong (UK): “It broke”."
    );
    assert!(
        uk.stderr.contains("Ombudsman Service can help"),
        "{}",
        uk.stderr
    );

    // The tests run in Asia/Shanghai: a Chinese reader there gets the mainland text.
    let cn = run_regional(&[], &["--lang", "zh"]);
    assert_eq!(json(&cn)["region"], "cn");
    assert!(cn.stderr.contains("12363"), "{}", cn.stderr);
    assert_eq!(json(&cn)["summary"], "出了问题：“It broke”。");

    let us = run_regional(&[("TZ", "America/Chicago")], &[]);
    assert_eq!(json(&us)["region"], "us");
    assert_eq!(json(&us)["summary"], "Something went wrong: “It broke”.");
    assert!(!us.stderr.contains("Ombudsman"));
}

#[test]
fn the_users_region_beats_the_providers_and_the_providers_beats_the_time_zone() {
    let config = "[provider]\nname = \"Example Wallet\"\nregion = \"uk\"\n";
    let out = Test::new()
        .file("mine/a.toml", REGIONAL)
        .file("config.toml", config)
        .args(&[
            "--guides",
            "mine",
            "mine",
            "--set",
            "what=x",
            "--format",
            "json",
            "--config",
            "config.toml",
        ])
        .run();
    assert_eq!(json(&out)["region"], "uk");
    let out = Test::new()
        .file("mine/a.toml", REGIONAL)
        .file("config.toml", config)
        .env("WALLET_HELP_REGION", "eu")
        .args(&[
            "--guides",
            "mine",
            "mine",
            "--set",
            "what=x",
            "--format",
            "json",
            "--config",
            "config.toml",
        ])
        .run();
    assert_eq!(json(&out)["region"], "eu");
}

#[test]
fn an_unknown_region_is_an_error_naming_the_ones_there_are() {
    Test::new()
        .env("WALLET_HELP_REGION", "mars")
        .args(&["payment-failed", "--no-input"])
        .status(2)
        .stderr("error: `WALLET_HELP_REGION` is `mars`; expected cn, us, uk, eu or other\n")
        .run();
    Test::new()
        .file("config.toml", "[provider]\nregion = \"china\"\n")
        .args(&["contact", "--no-input", "--config", "config.toml"])
        .status(3)
        .stderr_contains(
            "config.toml:2:10: invalid config: `provider.region` is `china`; expected cn, us, uk, eu or other",
        )
        .run();
}

#[test]
fn region_variants_are_checked_like_the_texts_they_replace() {
    let broken = REGIONAL
        .replace(
            "title = { en = \"Mine\", zh = \"我的\" }",
            "title = { en = \"Mine\", zh = \"我的\", en-uk = \"Mine (UK)\" }",
        )
        .replace("summary.en-uk = \"", "summary.en-uk = \"{nothing} ")
        .replace("text.zh-cn = \"", "text.zh-tw = \"");
    Test::new()
        .file("mine/a.toml", &broken)
        .args(&["guides", "check", "mine/a.toml"])
        .status(3)
        .stderr_contains("unknown field `zh-tw`, expected one of `en`, `zh`, `en-cn`, `zh-cn`")
        .run();
    let broken = broken.replace("text.zh-tw = \"", "text.zh-cn = \"");
    Test::new()
        .file("mine/a.toml", &broken)
        .args(&["guides", "check", "mine/a.toml"])
        .status(3)
        .stderr_contains(
            "mine/a.toml:5:43: `title.en-uk`: the guide's title and summary are the same in every region",
        )
        .stderr_contains("mine/a.toml:10:17: placeholder `{nothing}` does not name an input or choice step")
        .run();
}

/// A provider guide whose ending names the provider's channels.
const CHANNELS: &str = r#"schema = 1
id = "mine"
group = "other"
start = "done"
title = { en = "Mine", zh = "我的" }
summary = { en = "A summary", zh = "简介" }

[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text.en = "Call {provider.name} on {support.phone} ({support.hours}), or use {support.chat|the chat in the app}."
text.zh = "请拨打{provider.name}客服电话 {support.phone}（{support.hours}），或使用{support.chat|App 里的在线客服}。"
"#;

fn ending(config: Option<&str>, lang: &str) -> String {
    let mut test = Test::new().file("mine/a.toml", CHANNELS);
    let mut args = vec!["--guides", "mine", "mine", "--lang", lang];
    if let Some(config) = config {
        test = test.file("config.toml", config);
        args.extend(["--config", "config.toml"]);
    }
    let out = test.args(&args).run();
    squeeze(&out.stderr)
}

/// Text without its white space: wrapping may break a line anywhere in Chinese.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn endings_name_the_providers_channels_when_it_has_set_them() {
    let config = "[provider]\nname = \"Example Wallet\"\n[support]\nphones = [\"+86 400 000 0000\"]\nhours = \"09:00-21:00\"\ntimezone = \"Asia/Shanghai\"\nchat = \"Me → Help → Chat with us\"\n";
    let en = ending(Some(config), "en");
    let want = "Call Example Wallet on +86 400 000 0000 (09:00-21:00 (Beijing time)), or use Me → Help → Chat with us.";
    assert!(en.contains(&squeeze(want)), "{en}");
    let zh = ending(Some(config), "zh");
    let want = "请拨打Example Wallet客服电话 +86 400 000 0000（09:00-21:00（北京时间）），或使用Me → Help → Chat with us。";
    assert!(zh.contains(&squeeze(want)), "{zh}");
}

#[test]
fn without_settings_endings_read_as_the_guides_fallback_or_a_neutral_phrase() {
    let en = ending(None, "en");
    let want = "Call your wallet provider on the customer service number shown in the wallet app \
                (the service hours shown in the wallet app), or use the chat in the app.";
    assert!(en.contains(&squeeze(want)), "{en}");
    let zh = ending(None, "zh");
    let want = "请拨打钱包平台客服电话 钱包 App 里公布的客服电话（App 里公布的服务时间），或使用App 里的在线客服。";
    assert!(zh.contains(&squeeze(want)), "{zh}");
    assert!(!en.contains('{') && !zh.contains('{'));
}

#[test]
fn placeholders_are_checked_where_they_are_written() {
    let broken = CHANNELS
        .replace("{support.phone} (", "{support.fax} (")
        .replace("text.zh = \"请拨打", "text.zh = \"{amount}请拨打")
        .replace(
            "title = { en = \"Mine\"",
            "title = { en = \"{provider.name}\"",
        );
    Test::new()
        .file("mine/a.toml", &broken)
        .args(&["guides", "check", "mine/a.toml"])
        .status(3)
        .stderr(
            "mine/a.toml:5:17: placeholder `{provider.name}` cannot be used here: a guide's title \
             and summary are shown as written\n\
             mine/a.toml:12:36: placeholder `{support.fax}` is not a provider setting; the \
             settings are {provider.name}, {support.phone}, {support.hours}, {support.chat}, \
             {support.email}, {support.website}, {support.complaints}\n\
             mine/a.toml:13:12: placeholder `{amount}` cannot be used here: only report \
             summaries fill in answers\n\
             error: 3 problems in guide files\n",
        )
        .run();
    let in_summary = REGIONAL.replace(
        "summary.zh = \"出了问题",
        "summary.zh = \"请拨打 {support.phone}。出了问题",
    );
    Test::new()
        .file("mine/a.toml", &in_summary)
        .args(&["guides", "check", "mine/a.toml"])
        .status(3)
        .stderr_contains(
            "mine/a.toml:11:19: placeholder `{support.phone}` cannot be used here: a report goes \
             to support, who know their own channels",
        )
        .run();
}

#[test]
fn a_summary_says_times_as_people_do_and_the_details_keep_rfc_3339() {
    let run = |lang: &str, when: &str| {
        let out = Test::new()
            .args(&[
                "contact",
                "--lang",
                lang,
                "--format",
                "json",
                "--set",
                "what-happened=Balance is 0",
                "--set",
                &format!("occurred-at={when}"),
            ])
            .run();
        let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let detail = report["details"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == "occurred-at")
            .map(|d| d["value"].as_str().unwrap().to_string())
            .unwrap();
        (report["summary"].as_str().unwrap().to_string(), detail)
    };
    let (summary, detail) = run("en", "2026-11-20 20:15");
    assert!(summary.contains("20 Nov 2026, 20:15 (UTC+8)"), "{summary}");
    assert_eq!(detail, "2026-11-20T20:15:00+08:00");
    let (summary, detail) = run("zh", "2026-11-20 20:15");
    assert!(summary.contains("发生时间：11月20日 20:15。"), "{summary}");
    assert_eq!(detail, "2026-11-20T20:15:00+08:00");
    let (summary, _) = run("zh", "2025-12-31 09:05");
    assert!(
        summary.contains("2025年12月31日 09:05"),
        "another year is said: {summary}"
    );
}
