//! Integration tests: the binary as users and scripts see it.
#![allow(clippy::unwrap_used, clippy::missing_panics_doc)]

mod test; // the `Test` builder every other module uses

mod catalog; // every bundled guide: a golden report for its main contact-support path
mod check; // guides check: a good fixture and one broken fixture per rule
mod cli; // list, guides show, exit codes, options
mod config; // provider settings: config check, every problem at once, broken --config
mod delivery; // -o report.eml: a draft mail apps open, parsed back with a MIME parser
mod golden; // rendered reports against tests/expected
mod links; // support links: open and link
mod output; // -o: regular files only, `-` for stdout, the format from the extension
mod paths; // every path of every bundled guide ends in a valid report
mod privacy; // no card, IBAN or ID number gets through; ids, amounts and dates always do
#[cfg(unix)]
mod pty; // real prompts in a pseudo-terminal: the picker, arrow keys, Enter, Ctrl-C, the review
mod report_check; // the published schema, and report check: matches or altered
mod reports; // what each question keeps or hides, and the verification code
mod scam; // scam-check: only whole official contacts are official
mod search; // search: top-1 and top-3 on held-out phrasings, text and --json output
#[cfg(unix)]
mod setup; // setup with the real xdg-utils: a link opens the guide in a terminal; --undo leaves nothing
mod shell; // completions, man page and suggestions for misspelt symptoms
