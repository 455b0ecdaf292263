#![no_main]
//! Fuzz target `privacy`: see `fuzz/privacy_target.rs`.

#[path = "../privacy_target.rs"]
mod privacy_target;

libfuzzer_sys::fuzz_target!(|data: &[u8]| privacy_target::privacy(data));
