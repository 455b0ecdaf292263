//! Integration tests: the binary as users and scripts see it.
#![allow(clippy::unwrap_used, clippy::missing_panics_doc)]

mod test; // the `Test` builder every other module uses

mod catalog; // every bundled guide: a golden report for its main contact-support path
mod check; // guides check: a good fixture and one broken fixture per rule
mod cli; // list, guides show, exit codes, options
mod golden; // rendered reports against tests/expected
mod links; // support links: open and link
mod paths; // every path of every bundled guide ends in a valid report
mod privacy; // no card, IBAN or ID number gets through; ids, amounts and dates always do
mod privacy_corpus; // the hand-written corpus: leaks and damage by kind and report format
mod privacy_fuzz; // the privacy fuzz corpus replayed, and linear time on long input
mod privacy_props; // seed phrases, labelled codes, what support needs, and scanning twice
#[cfg(unix)]
mod pty; // real prompts in a pseudo-terminal: the picker, arrow keys, Enter, Ctrl-C, the review
mod reports; // what each question keeps or hides, and the verification code
mod search; // search: top-1 and top-3 on held-out phrasings, text and --json output
mod shell; // completions, man page and suggestions for misspelt symptoms
