#![allow(clippy::all, clippy::pedantic)]
use super::{Policy, scan};
#[test]
fn probe() {
    let em = Policy { keep_error_codes: true, ..Policy::default() };
    let Ok(text) = std::fs::read_to_string("/tmp/p2/probe.txt") else { return };
    for line in text.lines() {
        let (pol, line) = match line.strip_prefix("E|") { Some(l) => (em, l), None => (Policy::default(), line) };
        let line = line.replace("\\n", "\n");
        let s = scan(&line, pol);
        println!("IN : {line:?}\nOUT: {:?}\n", s.text);
    }
}
