//! Every committed fuzz corpus (`fuzz/corpus/<target>/`) replayed through the same function
//! its fuzz target calls (`fuzz/targets.rs`), on stable, so each input the fuzzer ever kept
//! stays a regression test; and proptest over arbitrary Unicode for each outside parser:
//! it never panics and always returns quickly.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;

#[path = "../../fuzz/targets.rs"]
mod targets;

/// What a fuzz target calls with its bytes.
type Target = fn(&[u8]);

/// Every target and the function it calls.
const TARGETS: [(&str, Target); 8] = [
    ("amount", targets::amount),
    ("datetime", targets::datetime),
    ("input", targets::input),
    ("answers", targets::answers),
    ("set", targets::set),
    ("links", targets::links),
    ("guide", targets::guide),
    ("config", targets::config),
];

/// A generous bound for one parse in a debug build on a busy machine; a quadratic scan or
/// a hang on a long answer blows far past it.
const BUDGET: Duration = Duration::from_millis(500);

#[test]
fn every_committed_corpus_file_replays_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for (target, run) in TARGETS {
        let dir = root.join(target);
        let files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        assert!(!files.is_empty(), "{target}: empty corpus");
        for file in files {
            let data = fs::read(&file).unwrap();
            run(&data);
        }
    }
}

/// What the fuzzers found, each replayed through the target that found it: the first byte
/// picks the variant (see `fuzz/targets.rs`), the rest is the text.
const FINDINGS: [(&str, Target, &[u8]); 1] = [
    // A phone number whose digits start `00` after a separator (`-0007-3(2`) was kept as
    // `000732`, which reads back as an international number that is too short.
    ("input", targets::input, b"\x20-0007-3(2"),
];

#[test]
fn what_the_fuzzers_found_stays_fixed() {
    for (target, run, data) in FINDINGS {
        let started = Instant::now();
        run(data);
        assert!(started.elapsed() < BUDGET, "{target}: {data:?}");
    }
}

/// Runs `target` on `text` (with a selector byte first) and checks the time it took.
fn within_budget(target: &str, run: Target, selector: u8, text: &str) {
    let mut data = vec![selector];
    data.extend_from_slice(text.as_bytes());
    let started = Instant::now();
    run(&data);
    let took = started.elapsed();
    assert!(took < BUDGET, "{target}: {took:?} on {} bytes", data.len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_parser_panics_or_stalls_on_arbitrary_unicode(
        selector in any::<u8>(),
        text in "\\PC{0,300}|[0-9年月日号点半刻:./, 元块角毛万千$¥€£-]{0,60}|.{0,40}",
    ) {
        for (target, run) in TARGETS {
            within_budget(target, run, selector, &text);
        }
    }

    #[test]
    fn no_parser_stalls_on_long_repetitive_input(
        selector in any::<u8>(),
        unit in "[0-9a-z年月日点万元:., -]{1,4}",
        times in 1_000usize..20_000,
    ) {
        let text = unit.repeat(times);
        for (target, run) in TARGETS {
            within_budget(target, run, selector, &text);
        }
    }
}
