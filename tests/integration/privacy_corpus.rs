//! The privacy corpus (`tests/fixtures/privacy/corpus/`): messages written the way worried users
//! write to support, each answering a free-text question of the privacy it names (or a
//! transaction id), with the secrets that must not reach a report and the values support needs
//! that must reach it unchanged. Every message goes through the same path as a scripted run
//! (answers, flow, report) and is rendered in all three formats; this test prints leaks and
//! damage by kind and format, and fails on any.
//!
//! A secret leaks when a report holds it (digits, letters and symbols, however separated) more
//! often than the same report made with the secret replaced by filler: what the rest of the
//! report happens to hold is not counted. A card number, IBAN or ID number leaks when any 6
//! characters in a row of its hidden part (all but the last 4) are left. A seed phrase leaks
//! when 2 of its words are left.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;

use jiff::Zoned;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;
use wallet_help::answers::GivenAnswers;
use wallet_help::checks::device::Device;
use wallet_help::checks::official::Official;
use wallet_help::config::Config;
use wallet_help::flow;
use wallet_help::guide::{Guide, Source, parse_guide};
use wallet_help::input::ParseContext;
use wallet_help::lang::Lang;
use wallet_help::prompt::scripted::Scripted;
use wallet_help::report::{self, Format, Report};

#[derive(Debug, Deserialize)]
struct File {
    item: Vec<Item>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    text: String,
    #[serde(default)]
    policy: Option<String>,
    #[serde(default)]
    secrets: Vec<[String; 2]>,
    #[serde(default)]
    keep: Vec<[String; 2]>,
}

impl Item {
    /// The question the message answers.
    fn question(&self) -> &'static str {
        match self.policy.as_deref() {
            None => "what-happened",
            Some("error-message") => "error-message",
            Some("reference") => "reference",
            Some("transaction-id") => "transaction-id",
            Some(other) => panic!("unknown policy {other}"),
        }
    }
}

const FORMATS: [(Format, &str); 3] = [
    (Format::Text, "text"),
    (Format::Markdown, "markdown"),
    (Format::Json, "json"),
];

fn corpus() -> Vec<(String, Item)> {
    let dir = super::test::fixtures().join("privacy/corpus");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut items = Vec::new();
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let file: File = toml::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        items.extend(file.item.into_iter().map(|item| (name.clone(), item)));
    }
    items
}

fn guide() -> Guide {
    let path = super::test::fixtures().join("privacy/guide.toml");
    let source = fs::read_to_string(&path).unwrap();
    parse_guide("guide.toml", &source, Source::File(path)).unwrap()
}

fn now() -> Zoned {
    "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap()
}

/// The report a script gets for `answer` to `question`, as the binary builds it.
fn report(guide: &Guide, question: &str, answer: &str) -> Report {
    let ctx = ParseContext::new(now());
    let mut given = GivenAnswers::default();
    given.add_sets(&[format!("{question}={answer}")]).unwrap();
    let presets = given
        .resolve(guide, &ctx)
        .unwrap_or_else(|e| panic!("{answer:?}: {e}"));
    let config = Config::default();
    let official = Official::from_config(&config);
    let walk = flow::Context {
        lang: Lang::En,
        parse: &ctx,
        official: &official,
    };
    let transcript = flow::drive(guide, &walk, &mut Scripted::new(presets)).unwrap();
    let device = Device {
        os: "Linux".into(),
        os_version: "6.1".into(),
        arch: "x86_64".into(),
        locale: "en_US".into(),
        timezone: "Asia/Shanghai".into(),
        tool_version: "0.1.0".into(),
    };
    report::build(
        guide,
        &transcript,
        report::Context {
            lang: Lang::En,
            region: wallet_help::region::Region::Cn,
            now: &ctx.now,
            device,
            config: &config,
            review: &report::Review::default(),
        },
    )
}

/// What a reader of `rendered` sees as text: JSON's strings, Markdown without its escapes.
fn readable(rendered: &str, format: Format) -> String {
    match format {
        Format::Json => {
            let mut out = String::new();
            strings(&serde_json::from_str(rendered).unwrap(), &mut out);
            out
        }
        Format::Markdown => unescape_markdown(rendered),
        Format::Text => rendered.to_string(),
    }
}

fn strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn unescape_markdown(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Letters, digits and symbols only, compatibility forms folded, lower case: a secret however
/// it was separated or typed.
fn squashed(s: &str) -> String {
    s.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '.' | '\u{200b}' | '\u{3000}'))
        .collect()
}

fn count(haystack: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    haystack.matches(needle).count()
}

/// The pieces of a secret whose presence is a leak.
fn pieces(kind: &str, value: &str) -> Vec<String> {
    let value = squashed(value);
    match kind {
        "card" | "iban" | "china-id" => {
            let chars: Vec<char> = value.chars().collect();
            let hidden = &chars[..chars.len() - 4];
            hidden
                .windows(6)
                .map(|w| w.iter().collect())
                .collect::<BTreeSet<String>>()
                .into_iter()
                .collect()
        }
        "seed-phrase" => Vec::new(),
        _ => vec![value],
    }
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Whether `out` holds `secret` more than `control` (the same report, the secret replaced).
fn leaks(kind: &str, value: &str, out: &str, control: &str) -> bool {
    if kind == "seed-phrase" {
        let (out, control) = (words(out), words(control));
        let left = words(value)
            .into_iter()
            .filter(|w| out.contains(w) && !control.contains(w))
            .count();
        return left >= 2;
    }
    let (out, control) = (squashed(out), squashed(control));
    pieces(kind, value)
        .iter()
        .any(|p| count(&out, p) > count(&control, p))
}

/// The text with each secret replaced by filler of the same length, so that the rest of the
/// message reads as before.
fn without_secrets(item: &Item) -> String {
    let mut text = item.text.clone();
    for [kind, value] in &item.secrets {
        if kind == "seed-phrase" {
            for word in value.split(' ') {
                text = replace_word(&text, word);
            }
            continue;
        }
        // A card may be given in two halves, in two sentences.
        let chars: Vec<char> = value.chars().collect();
        let (first, second) = chars.split_at(chars.len() / 2);
        let (first, second): (String, String) = (first.iter().collect(), second.iter().collect());
        let (first, second) = (first.as_str(), second.as_str());
        let mut found = false;
        for parts in [&[value.as_str()][..], &[first, second]] {
            for part in parts {
                for written in written_forms(&text, part) {
                    text = text.replace(&written, &"z".repeat(written.chars().count()));
                    found = true;
                }
            }
            if found {
                break;
            }
        }
        assert!(found, "{value:?} is not in {:?}", item.text);
    }
    text
}

/// A seed word replaced whole, in any case.
fn replace_word(text: &str, word: &str) -> String {
    let mut out = String::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut String| {
        if current.eq_ignore_ascii_case(word) {
            out.push_str(&"z".repeat(current.len()));
        } else {
            out.push_str(current);
        }
        current.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            current.push(c);
        } else {
            flush(&mut current, &mut out);
            out.push(c);
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Where `value` is written in `text`: the shortest spans whose letters and digits, folded, are
/// the value's.
fn written_forms(text: &str, value: &str) -> Vec<String> {
    let target = squashed(value);
    let chars: Vec<char> = text.chars().collect();
    let mut forms = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut acc = String::new();
        let mut found = None;
        for (j, c) in chars.iter().enumerate().skip(i) {
            acc.push_str(&squashed(&c.to_string()));
            if !target.starts_with(&acc) {
                break;
            }
            if acc == target {
                found = Some(j);
                break;
            }
        }
        match found {
            Some(j) if !acc.is_empty() && !squashed(&chars[i].to_string()).is_empty() => {
                forms.push(chars[i..=j].iter().collect());
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    forms
}

/// The value a report shows for `question`, as a reader of `format` sees it, with runs of
/// white space (where the text form wraps) as one space.
fn shown(report: &Report, rendered: &str, format: Format, question: &str) -> String {
    let detail = report.details.iter().find(|d| d.id == question);
    let Some(detail) = detail else {
        return String::new();
    };
    let value = match format {
        Format::Json => {
            let json: serde_json::Value = serde_json::from_str(rendered).unwrap();
            json["details"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["id"] == question)
                .map(|d| d["value"].as_str().unwrap().to_string())
                .unwrap_or_default()
        }
        Format::Markdown => {
            let prefix = format!("| {} | ", detail.label);
            rendered
                .lines()
                .find_map(|l| l.strip_prefix(&prefix))
                .map(|l| unescape_markdown(l.trim_end_matches(" |")))
                .unwrap_or_default()
        }
        Format::Text => {
            // The details table: the label, then the value, wrapped under itself.
            let lines: Vec<&str> = rendered.lines().collect();
            let start = lines
                .iter()
                .position(|l| l.starts_with(&format!("{}  ", detail.label)))
                .unwrap();
            let mut value = lines[start][detail.label.len()..].to_string();
            for l in &lines[start + 1..] {
                if l.starts_with("   ") {
                    value.push(' ');
                    value.push_str(l);
                } else {
                    break;
                }
            }
            value
        }
    };
    one_space(&value)
}

fn one_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Tally {
    /// (kind, format) → (leaked or damaged, of)
    counts: BTreeMap<(String, &'static str), (usize, usize)>,
    examples: Vec<String>,
}

impl Tally {
    fn add(
        &mut self,
        kind: &str,
        format: &'static str,
        bad: bool,
        example: impl FnOnce() -> String,
    ) {
        let entry = self.counts.entry((kind.to_string(), format)).or_default();
        entry.1 += 1;
        if bad {
            entry.0 += 1;
            self.examples.push(format!("[{format}] {}", example()));
        }
    }

    fn bad(&self) -> usize {
        self.counts.values().map(|(bad, _)| bad).sum()
    }

    fn table(&self, title: &str) -> String {
        let kinds: BTreeSet<&String> = self.counts.keys().map(|(k, _)| k).collect();
        let mut out = format!(
            "{title}\n{:<18} {:>9} {:>9} {:>9}\n",
            "kind", "text", "markdown", "json"
        );
        let mut totals = [(0, 0); 3];
        for kind in kinds {
            let _ = write!(out, "{kind:<18}");
            for (k, (_, name)) in FORMATS.iter().enumerate() {
                let (bad, of) = self
                    .counts
                    .get(&(kind.clone(), *name))
                    .copied()
                    .unwrap_or_default();
                totals[k].0 += bad;
                totals[k].1 += of;
                let _ = write!(out, " {:>9}", format!("{bad}/{of}"));
            }
            out.push('\n');
        }
        let _ = write!(out, "{:<18}", "all");
        for (bad, of) in totals {
            let _ = write!(out, " {:>9}", format!("{bad}/{of}"));
        }
        out.push('\n');
        out
    }
}

#[test]
fn the_corpus_leaks_no_secret_and_damages_no_value_in_any_format() {
    let guide = guide();
    let items = corpus();
    assert!(items.len() >= 400, "the corpus has {} items", items.len());
    let mut leaks_by_kind = Tally::default();
    let mut damage_by_kind = Tally::default();
    for (file, item) in &items {
        let question = item.question();
        let built = report(&guide, question, &item.text);
        let control = report(&guide, question, &without_secrets(item));
        for (format, name) in FORMATS {
            let rendered = report::render(&built, format);
            let out = readable(&rendered, format);
            let control = readable(&report::render(&control, format), format);
            for [kind, value] in &item.secrets {
                let leaked = leaks(kind, value, &out, &control);
                leaks_by_kind.add(kind, name, leaked, || {
                    format!(
                        "{file}: {kind} {value:?} leaks from {:?}\n  → {:?}",
                        item.text,
                        shown(&built, &rendered, format, question)
                    )
                });
            }
            let value = shown(&built, &rendered, format, question);
            for [kind, keep] in &item.keep {
                let damaged = !value.contains(&one_space(keep));
                damage_by_kind.add(kind, name, damaged, || {
                    format!(
                        "{file}: {kind} {keep:?} damaged in {:?}\n  → {value:?}",
                        item.text
                    )
                });
            }
        }
    }
    println!("{} messages", items.len());
    println!(
        "{}",
        leaks_by_kind.table("Leaks (secrets left in the report)")
    );
    println!(
        "{}",
        damage_by_kind.table("Damage (values support needs, changed)")
    );
    for example in leaks_by_kind
        .examples
        .iter()
        .chain(&damage_by_kind.examples)
    {
        println!("{example}");
    }
    assert_eq!(
        leaks_by_kind.bad() + damage_by_kind.bad(),
        0,
        "see the tables above"
    );
}
