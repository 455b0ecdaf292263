//! The privacy fuzz corpus (`fuzz/corpus/privacy/`) replayed on stable through the same function
//! the fuzz target calls (`fuzz/privacy_target.rs`): every input the fuzzer kept stays a
//! regression test. And long inputs, the fuzzer's blind spot: the scan stays linear.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use wallet_help::privacy::{self, Policy};

#[path = "../../fuzz/privacy_target.rs"]
mod privacy_target;

#[test]
fn every_committed_privacy_corpus_file_replays() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/privacy");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 100, "{} files", files.len());
    for file in files {
        let data = fs::read(&file).unwrap();
        let start = Instant::now();
        privacy_target::privacy(&data);
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{} took {:?}",
            file.display(),
            start.elapsed()
        );
    }
}

/// Long, repetitive text of every shape the detectors look at: each must take time in
/// proportion to its length. 20 times the text may take 80 times as long (a busy machine, a
/// debug build); a quadratic scan takes 400 times as long. `benches/privacy.rs` measures 10 MB.
#[test]
fn long_text_of_any_shape_is_scanned_in_linear_time() {
    let pieces = [
        "password password ",
        "code code 1 ",
        "seed phrase: a ",
        "4 ",
        "4111 ",
        "GB82 WEST ",
        "密码密码",
        "1234 5678 ",
        "验证码是",
        "abandon ",
        "1. abandon ",
        "x",
        "9",
        "９",
        "\u{200b}",
        "'",
        "PIN: \n",
        "order 4111111111111111 ",
    ];
    for piece in pieces {
        let small = piece.repeat(10_000 / piece.len().max(1));
        let large = piece.repeat(200_000 / piece.len().max(1));
        // The quickest of three runs: a busy machine only ever makes a run slower.
        let time = |text: &str| {
            (0..3)
                .map(|_| {
                    let start = Instant::now();
                    let _ = privacy::scan(text, Policy::default());
                    let _ = privacy::strip_controls(text);
                    start.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let (small, large) = (time(&small), time(&large));
        assert!(
            large < small * 80 + Duration::from_millis(300),
            "{piece:?}: 10 kB in {small:?}, 200 kB in {large:?}"
        );
    }
}
