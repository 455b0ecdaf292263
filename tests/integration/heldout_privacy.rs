//! Held-out privacy evaluation: every message of `tests/fixtures/privacy/heldout/messages.toml`
//! typed into a real question of a bundled guide, the report rendered in text, Markdown and
//! JSON, then scored: a secret that survives is a LEAK, a value support needs that no longer
//! appears as typed is DAMAGE. Nobody tunes the redactor on this set; see its README.
//!
//! `cargo test --test integration heldout_privacy -- --nocapture` prints the tables;
//! `HELDOUT_VERBOSE=1` also lists the failing item ids.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::heldout_run::{parallel, ratio, run, table};
use crate::test::fixtures;

/// Today's figures (see the README); a change may only lower them. The privacy layer took
/// leaks from 146 to 18 a format (54 in all three), with nothing support needs damaged.
const MAX_LEAKS: usize = 54;
const MAX_DAMAGE: usize = 0;
const MAX_UNLISTED: usize = 3;
const MAX_FAILED_RUNS: usize = 0;

const FORMATS: [&str; 3] = ["text", "markdown", "json"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    message: Vec<Message>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Message {
    id: String,
    lang: String,
    field: String,
    text: String,
    #[serde(default)]
    secrets: Vec<Secret>,
    #[serde(default)]
    keep: Vec<Keep>,
    #[allow(dead_code)] // for people reading the fixture
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Secret {
    kind: String,
    value: Option<String>,
    parts: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Keep {
    kind: String,
    value: String,
}

impl Secret {
    /// The pieces as typed: one value, or the parts of a number given in pieces.
    fn pieces(&self) -> Vec<&str> {
        match (&self.value, &self.parts) {
            (Some(v), _) => vec![v.as_str()],
            (None, Some(parts)) => parts.iter().map(String::as_str).collect(),
            (None, None) => panic!("a secret of kind {} has no value", self.kind),
        }
    }
}

/// The guide question each field kind is typed into, and the answers that lead to a report.
struct Field {
    guide: &'static str,
    question: &'static str,
    others: &'static [(&'static str, &'static str)],
}

fn field(kind: &str) -> Field {
    match kind {
        // contact: "What happened, and what would you like support to do?" (free text)
        "normal" => Field {
            guide: "contact",
            question: "what-happened",
            others: &[],
        },
        // payment-failed: "What exactly did the failure message say?" (privacy = error-message),
        // on the path where every check fails (tests/fixtures/answers/payment-failed.toml).
        "error-message" => Field {
            guide: "payment-failed",
            question: "error-message",
            others: &[
                ("account-signs", "nothing"),
                ("occurred-at", "2026-11-21 14:03"),
                ("amount", "59.90 CNY"),
                ("check-connection", "no"),
                ("check-balance", "no"),
                ("check-limit", "no"),
                ("check-card-details", "no"),
                ("check-other-method", "no"),
                ("how-paid", "online"),
                ("check-issuer", "no"),
                ("transaction-id", "2026112122001400000000001234"),
                ("merchant", "Example Coffee"),
                ("card-last4", "4242"),
            ],
        },
        // support-unresponsive: "What reference did they give you?" (privacy = reference), on
        // the path of tests/fixtures/answers/support-unresponsive.toml.
        "reference" => Field {
            guide: "support-unresponsive",
            question: "complaint-ref",
            others: &[
                ("check-hours", "no"),
                ("check-channels", "no"),
                ("check-supervisor", "no"),
                ("region", "china"),
                ("cn-complaint", "no"),
                ("first-channel", "chat"),
                ("first-contact-at", "2026-11-02 10:15"),
                ("what-asked", "A refund for an order"),
            ],
        },
        other => panic!("unknown field kind {other}"),
    }
}

fn args(message: &Message, text: &str, format: &str) -> Vec<String> {
    let field = field(&message.field);
    let lang = if message.lang == "en" { "en" } else { "zh" };
    let mut args: Vec<String> = [field.guide, "--no-input", "--yes", "--lang", lang]
        .into_iter()
        .map(String::from)
        .collect();
    args.extend(["--format".into(), format.into()]);
    args.extend(["--set".into(), format!("{}={text}", field.question)]);
    for (id, value) in field.others {
        args.extend(["--set".into(), format!("{id}={value}")]);
    }
    args
}

// ── Normalising what the tool printed ────────────────────────────────────────────────────────

/// Full-width ASCII to ASCII and the ideographic space to a space.
fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Undoes Markdown's backslash escapes of ASCII punctuation.
fn unescape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Half-width, lines joined again where the text report wrapped them ("-⏎   " → "-"), every
/// run of whitespace one space. Applied to outputs and to expected values alike.
fn flat(s: &str) -> String {
    let s = halfwidth(s);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '-' && chars.peek() == Some(&'\n') {
            out.push('-');
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
        } else if c.is_whitespace() {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Letters and digits only, upper case: separators, punctuation and CJK text gone.
fn alnum(s: &str) -> String {
    halfwidth(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn json_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// What a reader sees: the report (JSON: every string in it) and anything on stderr.
struct View {
    flat: String,
    alnum: String,
    words: Vec<String>,
    json: Option<serde_json::Value>,
}

fn view(format: &str, stdout: &str, stderr: &str) -> View {
    let (report, json) = match format {
        "json" => match serde_json::from_str::<serde_json::Value>(stdout) {
            Ok(v) => {
                let mut s = String::new();
                json_strings(&v, &mut s);
                (s, Some(v))
            }
            Err(_) => (stdout.to_string(), None),
        },
        "markdown" => (unescape_markdown(stdout), None),
        _ => (stdout.to_string(), None),
    };
    let all = format!("{report}\n{stderr}");
    let flat = flat(&all);
    View {
        alnum: alnum(&flat),
        words: words(&flat),
        flat,
        json,
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// `needle` occurs in `hay` with no ASCII letter or digit glued on either side (only where
/// the needle itself starts or ends with one).
fn bounded(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let starts = needle
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let ends = needle
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay.get(..at).and_then(|h| h.chars().last());
        let after = hay.get(at + needle.len()..).and_then(|h| h.chars().next());
        !(starts && glued(before) || ends && glued(after))
    })
}

fn windows_in(hay: &str, secret: &str, width: usize) -> bool {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() < width {
        return !secret.is_empty() && hay.contains(secret);
    }
    chars
        .windows(width)
        .any(|w| hay.contains(&w.iter().collect::<String>()))
}

// ── Scoring ──────────────────────────────────────────────────────────────────────────────────

/// Whether `secret` survives in what the reader sees. The rules are the README's.
fn leaks(secret: &Secret, view: &View) -> bool {
    let typed: String = secret.pieces().join(" ");
    match secret.kind.as_str() {
        // numbers masked to their last 4: any 8 characters in a row from before the last 4
        "card" | "iban" | "china-id" => {
            let canon = alnum(&typed);
            let keep = canon.chars().count().saturating_sub(4);
            let masked: String = canon.chars().take(keep).collect();
            windows_in(&view.alnum, &masked, 8)
        }
        // more than two of its words in their order
        "seed-phrase" => {
            let phrase = words(&typed);
            phrase
                .windows(3)
                .any(|w| view.words.windows(3).any(|v| v == w))
        }
        "private-key" => windows_in(&view.alnum, &alnum(&typed), 12),
        _ => {
            let shown = flat(&typed);
            let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
            let only_digits = shown
                .chars()
                .all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
            if only_digits {
                bounded(&view.flat, &digits) || bounded(&view.flat, &shown)
            } else {
                let canon = alnum(&shown);
                view.flat.contains(&shown) || (canon.len() >= 8 && view.alnum.contains(&canon))
            }
        }
    }
}

/// Whether a must-keep value still appears as typed (phones and emails: see the README).
fn kept(keep: &Keep, view: &View) -> bool {
    let shown = flat(&keep.value);
    if bounded(&view.flat, &shown) {
        return true;
    }
    match keep.kind.as_str() {
        "phone" => {
            let digits = alnum(&keep.value);
            let national = digits.trim_start_matches('0');
            view.alnum.contains(&digits) || (national.len() >= 7 && view.alnum.contains(national))
        }
        "email" => view
            .flat
            .to_lowercase()
            .contains(&keep.value.to_lowercase()),
        _ => false,
    }
}

/// Which redaction kinds may stand for a secret kind (names may change; the match is loose).
fn listed(secret: &Secret, question: &str, json: &serde_json::Value) -> bool {
    let accepted: &[&str] = match secret.kind.as_str() {
        "card" => &["card"],
        "iban" => &["iban", "account"],
        "china-id" => &["id"],
        "seed-phrase" => &["seed", "mnemonic", "recovery", "phrase"],
        "private-key" => &["key"],
        "password" | "password-same-as" => &["password"],
        "payment-password" => &["password", "pin"],
        "pin" => &["pin", "password"],
        "otp" => &["code", "otp"],
        "cvv" => &["cvv", "cvc", "security", "code"],
        "backup-code" => &["code", "backup"],
        _ => &[],
    };
    json.get("redactions")
        .and_then(serde_json::Value::as_array)
        .is_some_and(|list| {
            list.iter().any(|r| {
                let q = r.get("question").and_then(serde_json::Value::as_str);
                let kind = r
                    .get("kind")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default();
                q == Some(question) && accepted.iter().any(|a| kind.contains(a))
            })
        })
}

#[derive(Default, Clone, Copy)]
struct Count {
    total: usize,
    bad: usize,
}

#[derive(Default)]
struct Tally {
    /// (kind, format) → leaks; (kind, format) → damage
    leaks: BTreeMap<(String, String), Count>,
    damage: BTreeMap<(String, String), Count>,
    by_lang: BTreeMap<(String, String), Count>,
    by_field: BTreeMap<(String, String), Count>,
    unlisted: BTreeMap<String, Count>,
    failed: Vec<String>,
    leak_ids: BTreeMap<String, Vec<String>>,
    damage_ids: BTreeMap<String, Vec<String>>,
}

fn bump(map: &mut BTreeMap<(String, String), Count>, key: (&str, &str), bad: bool) {
    let c = map.entry((key.0.into(), key.1.into())).or_default();
    c.total += 1;
    c.bad += usize::from(bad);
}

fn load() -> Vec<Message> {
    let path = fixtures().join("privacy/heldout/messages.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let set: Set = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for m in &set.message {
        self_check(m);
    }
    set.message
}

/// The fixture's own promises: secrets and kept values are in the text, numbers are valid.
fn self_check(m: &Message) {
    for s in &m.secrets {
        if s.kind != "seed-phrase" {
            for piece in s.pieces() {
                assert!(
                    m.text.contains(piece),
                    "{}: {piece:?} not in the text",
                    m.id
                );
            }
        }
        let canon = alnum(&s.pieces().concat());
        match s.kind.as_str() {
            "card" => assert!(luhn(&canon), "{}: {canon} fails Luhn", m.id),
            "iban" => assert!(mod97(&canon), "{}: {canon} fails mod-97", m.id),
            "china-id" => assert!(
                canon.len() == 15 || gb11643(&canon),
                "{}: {canon} has a wrong check character",
                m.id
            ),
            _ => {}
        }
    }
    for k in &m.keep {
        assert!(
            m.text.contains(&k.value),
            "{}: {:?} not in the text",
            m.id,
            k.value
        );
    }
}

fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    (13..=19).contains(&digits.len()) && sum % 10 == 0
}

fn mod97(iban: &str) -> bool {
    let (head, tail) = iban.split_at_checked(4).unwrap_or_default();
    let mut rem = 0u32;
    for c in format!("{tail}{head}").chars() {
        let Some(v) = c.to_digit(36) else {
            return false;
        };
        for d in v.to_string().chars() {
            rem = (rem * 10 + d.to_digit(10).unwrap_or_default()) % 97;
        }
    }
    rem == 1
}

fn gb11643(id: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18 {
        return false;
    }
    let sum: u32 = chars
        .iter()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(99) * w)
        .sum();
    let check = "10X98765432".chars().nth((sum % 11) as usize);
    check == chars.last().copied()
}

#[test]
#[allow(clippy::absurd_extreme_comparisons)] // a floor of 0 is still a floor
fn heldout_privacy() {
    let messages = load();
    assert!(messages.len() >= 250, "the set holds at least 250 messages");

    // Control runs: a harmless message in every field and format; no secret of the set may
    // look leaked there, or the scoring would blame the tool for its own boilerplate.
    let controls: Vec<(String, String)> = ["normal", "error-message", "reference"]
        .iter()
        .flat_map(|f| FORMATS.map(|fmt| ((*f).to_string(), fmt.to_string())))
        .collect();
    let control_views = parallel(&controls, |(f, fmt)| {
        let probe = Message {
            id: "control".into(),
            lang: "en".into(),
            field: f.clone(),
            text: String::new(),
            secrets: Vec::new(),
            keep: Vec::new(),
            note: None,
        };
        let out = run(&args(&probe, "nothing to hide here", fmt), &[]);
        view(fmt, &out.stdout, &out.stderr)
    });
    for m in &messages {
        for s in &m.secrets {
            for v in &control_views {
                assert!(
                    !leaks(s, v),
                    "{}: a {} secret matches the report's own text; change the fixture",
                    m.id,
                    s.kind
                );
            }
        }
    }

    let jobs: Vec<(usize, &str)> = (0..messages.len())
        .flat_map(|i| FORMATS.map(|f| (i, f)))
        .collect();
    let runs = parallel(&jobs, |(i, format)| {
        let m = &messages[*i];
        run(&args(m, &m.text, format), &[])
    });

    let mut t = Tally::default();
    for ((i, format), out) in jobs.iter().zip(&runs) {
        let m = &messages[*i];
        let question = field(&m.field).question;
        let v = view(format, &out.stdout, &out.stderr);
        let failed = out.status != Some(0) || (*format == "json" && v.json.is_none());
        if failed {
            t.failed
                .push(format!("{} ({format}: exit {:?})", m.id, out.status));
        }
        for s in &m.secrets {
            let leaked = leaks(s, &v);
            bump(&mut t.leaks, (&s.kind, format), leaked);
            bump(&mut t.by_lang, (&m.lang, format), leaked);
            bump(&mut t.by_field, (&m.field, format), leaked);
            if leaked {
                t.leak_ids
                    .entry(s.kind.clone())
                    .or_default()
                    .push(format!("{}/{format}", m.id));
            } else if let Some(json) = &v.json {
                let c = t.unlisted.entry(s.kind.clone()).or_default();
                c.total += 1;
                c.bad += usize::from(!listed(s, question, json));
            }
        }
        for k in &m.keep {
            let damaged = failed || !kept(k, &v);
            bump(&mut t.damage, (&k.kind, format), damaged);
            if damaged {
                t.damage_ids
                    .entry(k.kind.clone())
                    .or_default()
                    .push(format!("{}/{format}", m.id));
            }
        }
    }

    let (leaks, damage, unlisted) = print(&t, &messages);
    assert!(
        t.failed.len() <= MAX_FAILED_RUNS,
        "runs that did not produce a report: {:?}",
        t.failed
    );
    assert!(leaks <= MAX_LEAKS, "{leaks} leaks, floor {MAX_LEAKS}");
    assert!(
        damage <= MAX_DAMAGE,
        "{damage} damaged values, floor {MAX_DAMAGE}"
    );
    assert!(
        unlisted <= MAX_UNLISTED,
        "{unlisted} removed secrets missing from redactions, floor {MAX_UNLISTED}"
    );
}

fn by_format(map: &BTreeMap<(String, String), Count>) -> (Vec<Vec<String>>, usize) {
    let mut rows = Vec::new();
    let mut all = [Count::default(); 3];
    let keys: Vec<&String> = {
        let mut k: Vec<&String> = map.keys().map(|(k, _)| k).collect();
        k.dedup();
        k
    };
    for key in keys {
        let mut row = vec![key.clone()];
        for (n, fmt) in FORMATS.iter().enumerate() {
            let c = map
                .get(&(key.clone(), (*fmt).to_string()))
                .copied()
                .unwrap_or_default();
            all[n].total += c.total;
            all[n].bad += c.bad;
            row.push(ratio(c.bad, c.total));
        }
        rows.push(row);
    }
    let mut row = vec!["ALL".to_string()];
    row.extend(all.iter().map(|c| ratio(c.bad, c.total)));
    rows.push(row);
    (rows, all.iter().map(|c| c.bad).sum())
}

fn print(t: &Tally, messages: &[Message]) -> (usize, usize, usize) {
    let secrets: usize = messages.iter().map(|m| m.secrets.len()).sum();
    let keeps: usize = messages.iter().map(|m| m.keep.len()).sum();
    let mut out = format!(
        "\nheld-out privacy: {} messages, {secrets} secrets, {keeps} must-keep values, 3 formats\n",
        messages.len()
    );
    let header = ["kind", "text", "markdown", "json"];
    let (rows, leaks) = by_format(&t.leaks);
    out.push_str(&table(
        "LEAKS by secret kind (leaked/total)",
        &header,
        &rows,
    ));
    let (rows, _) = by_format(&t.by_lang);
    out.push_str(&table("LEAKS by language", &header, &rows));
    let (rows, _) = by_format(&t.by_field);
    out.push_str(&table("LEAKS by field kind", &header, &rows));
    let (rows, damage) = by_format(&t.damage);
    out.push_str(&table(
        "DAMAGE by must-keep kind (damaged/total)",
        &header,
        &rows,
    ));
    let mut rows: Vec<Vec<String>> = t
        .unlisted
        .iter()
        .map(|(k, c)| vec![k.clone(), ratio(c.bad, c.total)])
        .collect();
    let unlisted: usize = t.unlisted.values().map(|c| c.bad).sum();
    let total: usize = t.unlisted.values().map(|c| c.total).sum();
    rows.push(vec!["ALL".into(), ratio(unlisted, total)]);
    out.push_str(&table(
        "REMOVED but not in JSON redactions (unlisted/removed)",
        &["kind", "json"],
        &rows,
    ));
    let _ = writeln!(out, "\nruns without a report: {}", t.failed.len());
    let _ = writeln!(
        out,
        "TOTAL leaks {leaks}, damage {damage}, unlisted {unlisted} (floors {MAX_LEAKS}, {MAX_DAMAGE}, {MAX_UNLISTED})"
    );
    if std::env::var_os("HELDOUT_VERBOSE").is_some() {
        for (kind, ids) in &t.leak_ids {
            let _ = writeln!(out, "leaked {kind}: {}", ids.join(" "));
        }
        for (kind, ids) in &t.damage_ids {
            let _ = writeln!(out, "damaged {kind}: {}", ids.join(" "));
        }
        for f in &t.failed {
            let _ = writeln!(out, "failed: {f}");
        }
    }
    eprintln!("{out}");
    (leaks, damage, unlisted)
}
