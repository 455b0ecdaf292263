//! What each fuzz target does with its bytes, shared by the fuzz binaries (`fuzz_targets/`)
//! and by the stable replay test (`tests/integration/fuzz_replay.rs`), which runs every
//! committed corpus file through the same function.
//!
//! Each function feeds one parser that reads outside input and checks what must hold for any
//! input: no panic (the fuzzer's own check), and for what is accepted, that the normalised
//! value is accepted again as itself, so a value means the same wherever it goes next
//! (a report, a link, an answers file).

#![allow(dead_code)] // each fuzz binary uses one function

use std::path::Path;
use std::sync::OnceLock;

use wallet_help::answers::GivenAnswers;
use wallet_help::config::Config;
use wallet_help::guide::catalog::Catalog;
use wallet_help::guide::{Guide, Source, parse_guide};
use wallet_help::input::{self, InputType, ParseContext};
use wallet_help::links::{self, Link};

/// The bundled catalog, loaded once per process.
fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load(&[]).expect("the bundled catalog loads"))
}

/// A bundled guide whose questions cover every common input type.
fn bundled(id: &str) -> &'static Guide {
    let entry = catalog().find(id).expect("a bundled guide");
    entry.guide().expect("a bundled guide is valid")
}

/// Zones that make times hard: daylight saving gaps and folds, half-hour and 45-minute
/// offsets, the date line, and a zone whose daylight saving moves by 30 minutes.
const ZONES: [&str; 8] = [
    "Asia/Shanghai",
    "America/New_York",
    "Europe/London",
    "UTC",
    "Pacific/Kiritimati",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/St_Johns",
];

/// A fixed clock in one of [`ZONES`], picked by `selector`, with a default currency and a
/// day-month order that change with it too.
fn context(selector: u8) -> ParseContext {
    let zone = ZONES[usize::from(selector) % ZONES.len()];
    let now = jiff::Timestamp::from_second(1_795_244_645)
        .expect("a valid instant")
        .in_tz(zone)
        .expect("a bundled zone");
    let mut ctx = ParseContext::new(now);
    ctx.default_currency = match selector % 3 {
        0 => Some("CNY".into()),
        1 => Some("HKD".into()),
        _ => None,
    };
    ctx.day_first = [None, Some(true), Some(false)][usize::from(selector / 3) % 3];
    ctx
}

/// The first byte picks a variant; the rest is the text, if it is UTF-8.
fn split(data: &[u8]) -> Option<(u8, &str)> {
    let (first, rest) = data.split_first()?;
    Some((*first, std::str::from_utf8(rest).ok()?))
}

/// Parses `text` as `input_type`; what is accepted must read again as itself: its `typed()`
/// form (what a link, a draft or an edit at the review carries) parses to the same value,
/// and it says nothing a terminal would render as a control.
fn round_trip(input_type: InputType, text: &str, ctx: &ParseContext) {
    let Ok(Some(parsed)) = input::parse(input_type, text, true, ctx) else {
        return;
    };
    let value = &parsed.value;
    assert!(
        !value.trim().is_empty(),
        "{input_type:?}: empty value from {text:?}"
    );
    assert!(
        !value.chars().any(|c| input::is_unprintable(c) && c != '\n'),
        "{input_type:?}: {text:?} gave {value:?} with a control character"
    );
    if input_type == InputType::CardLast4 {
        return; // shown masked (`•••• 1234`), never typed back
    }
    let again = input::parse(input_type, &parsed.typed(), true, ctx);
    let again_value = again
        .as_ref()
        .ok()
        .and_then(|p| p.as_ref())
        .map(|p| &p.value);
    assert_eq!(
        again_value,
        Some(value),
        "{input_type:?}: {text:?} gave {parsed:?}, which reads back as {again:?}"
    );
}

pub fn amount(data: &[u8]) {
    if let Some((selector, text)) = split(data) {
        round_trip(InputType::Amount, text, &context(selector));
    }
}

pub fn datetime(data: &[u8]) {
    if let Some((selector, text)) = split(data) {
        let input_type = if selector >= 128 {
            InputType::Date
        } else {
            InputType::Datetime
        };
        round_trip(input_type, text, &context(selector));
    }
}

/// Every other input type; the first byte picks which.
pub fn input(data: &[u8]) {
    let Some((selector, text)) = split(data) else {
        return;
    };
    let types: Vec<InputType> = InputType::ALL
        .into_iter()
        .filter(|t| !matches!(t, InputType::Amount | InputType::Datetime | InputType::Date))
        .collect();
    let input_type = types[usize::from(selector) % types.len()];
    round_trip(input_type, text, &context(selector / 16));
}

/// An answers file for `payment-failed` or `contact`.
pub fn answers(data: &[u8]) {
    let Some((selector, text)) = split(data) else {
        return;
    };
    let mut given = GivenAnswers::default();
    if given
        .add_file_text(Path::new("answers.toml"), text)
        .is_err()
    {
        return;
    }
    let id = if selector % 2 == 0 {
        "payment-failed"
    } else {
        "contact"
    };
    let _ = given.resolve(bundled(id), &context(selector / 2));
}

/// `--set` arguments, one a line.
pub fn set(data: &[u8]) {
    let Some((selector, text)) = split(data) else {
        return;
    };
    let sets: Vec<String> = text.lines().map(str::to_string).collect();
    let mut given = GivenAnswers::default();
    if given.add_sets(&sets).is_err() {
        return;
    }
    let id = if selector % 2 == 0 {
        "payment-failed"
    } else {
        "contact"
    };
    let _ = given.resolve(bundled(id), &context(selector / 2));
}

/// A support link: parsed, written back out (which must parse to the same link), then
/// checked against its guide like `wallet-help open` does.
pub fn links(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(link) = Link::parse(text) else {
        return;
    };
    let written = link.to_string();
    if link.check_len().is_ok() {
        assert_eq!(
            Link::parse(&written).ok().as_ref(),
            Some(&link),
            "{text:?} was written as {written:?}"
        );
    }
    let Ok(guide) = links::find_guide(catalog(), &link.symptom) else {
        return;
    };
    if links::check_keys(guide, link.answers.iter().map(|(k, _)| k.as_str())).is_err() {
        return;
    }
    let mut given = GivenAnswers::default();
    given.add_link(&link.answers);
    let _ = given.resolve(guide, &context(0));
}

/// A guide file, through both steps: raw serde types, then validation.
pub fn guide(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_guide("fuzz.toml", text, Source::Bundled);
    }
}

/// A provider's `config.toml`.
pub fn config(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Config::parse("config.toml", text);
    }
}
