//! Benchmarks for the performance budgets: loading the bundled catalog, validating many guides
//! (what `guides check` does), a scripted run to a JSON report, and building the command line.
//!
//! Run with `cargo bench --bench catalog`. Whole-process timings (startup included) are in
//! `scripts/timings.sh`.

// Benchmarks panic on what they set up themselves; the no-panic lints are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic
)]

use std::fmt::Write as _;
use std::sync::LazyLock;

use divan::{Bencher, black_box};
use jiff::Zoned;
use wallet_help::answers::GivenAnswers;
use wallet_help::checks::device::{self, Device};
use wallet_help::checks::official::Official;
use wallet_help::config::Config;
use wallet_help::flow;
use wallet_help::guide::catalog::{self, Catalog};
use wallet_help::guide::{Guide, Source, parse_guide};
use wallet_help::input::ParseContext;
use wallet_help::lang::Lang;
use wallet_help::prompt::scripted::Scripted;
use wallet_help::report::{self, Format};

fn main() {
    divan::main();
}

/// How many generated guides the "many guides" budget is about.
const GENERATED: usize = 1000;

/// A fixed "now", so that datetime answers parse the same on every run.
fn now() -> Zoned {
    "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap()
}

// ── (a) the bundled catalog ────────────────────────────────────────────────────────────────

/// The catalog every invocation builds before clap sees the arguments: bundled guides'
/// headers plus the cross-guide name checks (guides themselves are parsed on first use).
#[divan::bench]
fn load_catalog() -> Catalog {
    Catalog::load(black_box(&[])).unwrap()
}

/// Every bundled guide on first use: a fresh catalog, then every guide forced (decoded from
/// the snapshot; `guides check` still parses and validates them).
#[divan::bench]
fn parse_bundled_guides() -> usize {
    let catalog = Catalog::load(black_box(&[])).unwrap();
    catalog.guides().unwrap().len()
}

/// A bundled guide on first use, as a run gets it: the catalog, then the guide, decoded from
/// the snapshot of the bundled guides.
#[divan::bench]
fn bundled_guide_on_first_use() -> usize {
    let catalog = Catalog::load(black_box(&[])).unwrap();
    let entry = catalog.find("payment-failed").unwrap();
    entry.guide().unwrap().steps.len()
}

/// The same guide parsed and validated from its TOML, as a run did before the snapshot (and
/// still does when the snapshot is stale).
#[divan::bench]
fn bundled_guide_parsed_from_toml() -> usize {
    let source = include_str!("../guides/payment-failed.toml");
    let guide = parse_guide(
        "guides/payment-failed.toml",
        black_box(source),
        Source::Bundled,
    );
    guide.unwrap().steps.len()
}

// ── (b) 1,000 generated guides ─────────────────────────────────────────────────────────────

/// One realistic generated guide: 15 steps (info, input, choice, check and end steps), every
/// text in English and Chinese, ids unique across the set, passing every `guides check` rule.
fn generated_guide(n: usize) -> String {
    const GROUPS: [&str; 4] = ["payments", "money", "account", "other"];
    let group = GROUPS[n % GROUPS.len()];
    let mut s = String::with_capacity(8 * 1024);
    let _ = write!(
        s,
        r#"# Generated guide {n}: 15 steps, both languages.
schema = 1
id = "gen-guide-{n:04}"
group = "{group}"
start = "intro"
urgent = false
needs = ["what-happened", "occurred-at", "amount", "reference"]

title = {{ en = "Generated problem {n}", zh = "生成的问题 {n}" }}
summary = {{ en = "A made-up problem number {n} used to measure validation", zh = "用来测量校验速度的第 {n} 个示例问题" }}

[aliases]
en = ["gen-alias-{n:04}", "gen-other-{n:04}"]
zh = ["生成问题{n}"]

[keywords]
en = ["generated problem {n}", "benchmark guide", "something went wrong"]
zh = ["生成的问题", "基准测试指南", "出问题了"]

[report]
summary.en = "Problem {n}: {{what-happened}} at {{occurred-at}}, amount {{amount}}, reference {{reference}}."
summary.zh = "问题 {n}:{{occurred-at}} 发生 {{what-happened}},金额 {{amount}},单号 {{reference}}。"

[[steps]]
id = "intro"
kind = "info"
text.en = "Let's work through this together. It takes a few minutes, and at the end you either have a fix or a report for support."
text.zh = "我们一起一步步排查。几分钟就好,最后要么问题解决,要么得到一份可以直接发给客服的报告。"
next = "what-happened"

[[steps]]
id = "what-happened"
kind = "input"
type = "text"
question.en = "What exactly happened? Copy any message you saw."
question.zh = "具体发生了什么?如果有提示,请照原样抄下来。"
help.en = "Your own words are fine if there was no message."
help.zh = "如果没有提示,用自己的话描述就行。"
label = {{ en = "What happened", zh = "发生了什么" }}
next = "occurred-at"

[[steps]]
id = "occurred-at"
kind = "input"
type = "datetime"
question.en = "When did it happen?"
question.zh = "是什么时候发生的?"
help.en = "For example 2026-11-21 14:03, or yesterday 9:30."
help.zh = "例如 2026-11-21 14:03 或“昨天 9:30”。"
label = {{ en = "When", zh = "时间" }}
linkable = true
next = "amount"

[[steps]]
id = "amount"
kind = "input"
type = "amount"
question.en = "How much money was involved?"
question.zh = "涉及的金额是多少?"
help.en = "Include the currency, for example 59.90 CNY or $12.50."
help.zh = "请带上币种,例如 59.90元 或 $12.50。"
label = {{ en = "Amount", zh = "金额" }}
linkable = true
next = "where"

[[steps]]
id = "where"
kind = "choice"
question.en = "Where did you see the problem?"
question.zh = "你是在哪里遇到这个问题的?"
help.en = "Pick the closest one."
help.zh = "选最接近的一项。"
choices = [
  {{ id = "in-app", label = {{ en = "In the wallet app", zh = "在钱包 App 里" }}, next = "check-app" }},
  {{ id = "in-shop", label = {{ en = "In a shop", zh = "在线下门店" }}, next = "check-network" }},
  {{ id = "not-me", label = {{ en = "Activity that wasn't me", zh = "有不是我本人的操作" }}, next = "secure-now" }},
]

[[steps]]
id = "secure-now"
kind = "info"
text.en = "Freeze your account in the app first, then change your login on a device you trust."
text.zh = "请先在 App 里冻结账户,再用你信得过的设备修改登录信息。"
next = "contact-urgent"

[[steps]]
id = "contact-urgent"
kind = "end"
outcome = "contact-support"
urgent = true
needs = ["what-happened", "occurred-at", "amount"]
text.en = "Send the urgent report below through Help in your wallet app."
text.zh = "请通过钱包 App 里的帮助入口发送下面这份紧急报告。"

[[steps]]
id = "check-app"
kind = "check"
label = {{ en = "Updated and restarted the app", zh = "已更新并重启 App" }}
text.en = "Update the wallet app from the official store, close it fully and open it again."
text.zh = "到官方应用商店更新钱包 App,彻底关闭后重新打开。"
fixed = "resolved"
next = "check-network"

[[steps]]
id = "check-network"
kind = "check"
label = {{ en = "Checked the connection", zh = "已检查网络" }}
text.en = "Open any web page to make sure your phone is online, then try once more."
text.zh = "随便打开一个网页,确认手机网络正常,再试一次。"
fixed = "resolved"
next = "check-limits"

[[steps]]
id = "check-limits"
kind = "check"
label = {{ en = "Checked the limits", zh = "已核对限额" }}
text.en = "In the app, look at your daily and single-payment limits, and at any notice about your account."
text.zh = "在 App 里查看单日和单笔限额,以及有没有账户相关的提示。"
fixed = "resolved"
next = "reference"

[[steps]]
id = "reference"
kind = "input"
type = "transaction-id"
question.en = "What is the transaction ID?"
question.zh = "交易单号是多少?"
help.en = "In the app: Me, then Bills, then the payment."
help.zh = "在 App 里:我的 → 账单 → 点开这笔。"
label = {{ en = "Transaction ID", zh = "交易单号" }}
linkable = true
next = "phone"

[[steps]]
id = "phone"
kind = "input"
type = "phone"
question.en = "Which phone number is on your wallet account?"
question.zh = "钱包账户绑定的手机号是多少?"
label = {{ en = "Phone", zh = "手机号" }}
required = false
next = "email"

[[steps]]
id = "email"
kind = "input"
type = "email"
question.en = "Which email address can support reply to?"
question.zh = "客服可以回复到哪个邮箱?"
label = {{ en = "Email", zh = "邮箱" }}
required = false
next = "contact-support"

[[steps]]
id = "resolved"
kind = "end"
outcome = "resolved"
text.en = "Good, glad it works again."
text.zh = "太好了,问题解决了。"

[[steps]]
id = "contact-support"
kind = "end"
outcome = "contact-support"
text.en = "Thanks, that's everything support needs. Send the report below through Help in your wallet app."
text.zh = "好的,客服需要的信息都齐了。请通过钱包 App 里的帮助入口发送下面的报告。"
"#
    );
    s
}

/// `(file name, text)` of every generated guide, made once.
static GENERATED_GUIDES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    (0..GENERATED)
        .map(|n| (format!("gen/gen-guide-{n:04}.toml"), generated_guide(n)))
        .collect()
});

/// Parse and validate every generated guide from memory (no file reading, no name checks).
#[divan::bench]
fn parse_generated_guides(bencher: Bencher) {
    let sources = &*GENERATED_GUIDES;
    bencher.counter(sources.len()).bench(|| {
        sources
            .iter()
            .map(|(file, text)| parse_guide(file, text, Source::Bundled).unwrap())
            .collect::<Vec<Guide>>()
    });
}

/// What `guides check DIR` does in-process: read each file, parse and validate it, then check
/// names across them and against the bundled guides (`catalog::check_files`).
#[divan::bench(sample_count = 30)]
fn check_generated_guide_files(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    for (file, text) in &*GENERATED_GUIDES {
        let name = file.rsplit('/').next().unwrap();
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let paths = [dir.path().to_path_buf()];
    bencher.counter(GENERATED).bench(|| {
        let (count, issues, _warnings) = catalog::check_files(black_box(&paths));
        assert_eq!((count, issues.len()), (GENERATED, 0));
    });
}

/// One generated guide, for the per-guide cost.
#[divan::bench]
fn parse_one_generated_guide(bencher: Bencher) {
    let (file, text) = &GENERATED_GUIDES[0];
    bencher.bench(|| parse_guide(black_box(file), black_box(text), Source::Bundled).unwrap());
}

// ── (c) a scripted run to a JSON report ────────────────────────────────────────────────────

/// Answers that take payment-failed through every self-check to its contact-support ending.
const PAYMENT_FAILED_ANSWERS: [&str; 12] = [
    "error-message=Declined: insufficient funds (code 51)",
    "occurred-at=2026-11-20 14:03",
    "amount=59.90 CNY",
    "account-signs=nothing",
    "check-balance=no",
    "check-card-details=no",
    "check-other-method=no",
    "paying-in-shop=no",
    "check-issuer=no",
    "transaction-id=2026112022001400000000001234",
    "merchant=Example Coffee",
    "card-last4=4321",
];

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(&[]).unwrap());

fn payment_failed() -> &'static Guide {
    CATALOG.find("payment-failed").unwrap().guide().unwrap()
}

/// Answers → presets → flow → report → JSON, with device facts collected as the binary does.
/// The guide is parsed once outside the loop (see `parse_bundled_guides`).
#[divan::bench]
fn scripted_run_to_json(bencher: Bencher) {
    let guide = payment_failed();
    let sets: Vec<String> = PAYMENT_FAILED_ANSWERS
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    let ctx = ParseContext::new(now());
    let config = Config::default();
    bencher.bench(|| {
        let json = scripted_run(guide, &sets, &ctx, &config, device::collect(&ctx.now));
        assert!(json.contains("\"contact-support\""));
        json
    });
}

/// The same run without collecting device facts (which read `/etc/os-release` and the locale).
#[divan::bench]
fn scripted_run_to_json_fixed_device(bencher: Bencher) {
    let guide = payment_failed();
    let sets: Vec<String> = PAYMENT_FAILED_ANSWERS
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    let ctx = ParseContext::new(now());
    let config = Config::default();
    let fixed = device::collect(&ctx.now);
    bencher.bench(|| scripted_run(guide, &sets, &ctx, &config, fixed.clone()));
}

/// Collecting device facts alone.
#[divan::bench]
fn collect_device() -> Device {
    device::collect(black_box(&now()))
}

fn scripted_run(
    guide: &Guide,
    sets: &[String],
    ctx: &ParseContext,
    config: &Config,
    device: Device,
) -> String {
    let mut given = GivenAnswers::default();
    given.add_sets(sets).unwrap();
    let presets = given.resolve(guide, ctx).unwrap();
    let official = Official::from_config(config);
    let walk = flow::Context {
        lang: Lang::En,
        parse: ctx,
        official: &official,
    };
    let transcript = flow::drive(guide, &walk, &mut Scripted::new(presets)).unwrap();
    let report = report::build(
        guide,
        &transcript,
        report::Context {
            lang: Lang::En,
            region: wallet_help::region::Region::Cn,
            now: &ctx.now,
            device,
            config,
            review: &report::Review::default(),
        },
    );
    report::render(&report, Format::Json)
}

// ── (d) the command line ───────────────────────────────────────────────────────────────────

/// Building clap's command: the built-in commands plus one subcommand per guide.
#[divan::bench(args = [Lang::En, Lang::Zh])]
fn build_command(lang: Lang) -> clap::Command {
    wallet_help::cli::command(black_box(&CATALOG), lang)
}

// ── startup costs outside the library's own code ───────────────────────────────────────────

/// A time-zone lookup by name, as `settings::Clock::now` does when `TZ` is set. The zone
/// database is compiled in (jiff's bundled tzdb), so this is a search of static data, not a
/// scan of the system's zoneinfo folder.
#[divan::bench]
fn time_zone_by_name() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get(divan::black_box("Asia/Shanghai")).unwrap()
}

/// Building the command and parsing `list` with it, as every invocation does.
#[divan::bench]
fn build_command_and_parse_list() -> bool {
    let matches = wallet_help::cli::command(&CATALOG, Lang::En)
        .try_get_matches_from(["wallet-help", "list"])
        .unwrap();
    matches.subcommand_name() == Some("list")
}
