//! How the property tests choose their inputs: the same seed on every run unless asked, so that
//! a run of the test suite passes or fails by the code, not by the draw.
//!
//! `PROPTEST_SEED=random cargo test …` draws new inputs (to look for new failures);
//! `PROPTEST_SEED=<number>` repeats one draw. A failure found that way becomes a named test.

use proptest::test_runner::{Config, RngSeed};

/// The seed every property runs with when `PROPTEST_SEED` is unset.
const SEED: u64 = 20_261_207;

/// `cases` inputs from the fixed seed (or the one `PROPTEST_SEED` names), no persistence files.
pub fn config(cases: u32) -> Config {
    let seed =
        match std::env::var("PROPTEST_SEED").as_deref() {
            Ok("random") => RngSeed::Random,
            Ok(number) => RngSeed::Fixed(number.parse().unwrap_or_else(|_| {
                panic!("PROPTEST_SEED is `random` or a number, not {number:?}")
            })),
            Err(_) => RngSeed::Fixed(SEED),
        };
    Config {
        rng_seed: seed,
        failure_persistence: None,
        ..Config::with_cases(cases)
    }
}
