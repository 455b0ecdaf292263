//! Integration tests: the binary as users and scripts see it.
// Tests panic on what they set up themselves; the no-panic lints are for the library.
#![allow(
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic
)]

mod test; // the `Test` builder every other module uses

mod cases; // the case journal: recording, contacts, deadlines, letters, faults
#[cfg(unix)]
mod cases_pty; // drafts: a guide stopped in a real terminal, resumed to the same report
mod catalog; // every bundled guide: a golden report for its main contact-support path
mod check; // guides check: a good fixture and one broken fixture per rule
mod cli; // list, guides show, exit codes, options
mod config; // provider settings: config check, every problem at once, broken --config
mod delivery; // -o report.eml: a draft mail apps open, parsed back with a MIME parser
mod fuzz_replay; // every committed fuzz corpus, and proptest: no parser panics or stalls
mod golden; // rendered reports against tests/expected
mod guide_files; // guide files and folders: regular files only, 4 MiB, UTF-8 errors placed, exit 3
mod heldout_input; // held-out datetime and amount spellings: right, wrong, refused (--nocapture)
mod heldout_privacy; // held-out privacy set: leaks and damage by kind and format (--nocapture)
mod heldout_run; // what the held-out harnesses share: the binary in parallel, tables
mod heldout_search; // held-out search queries: top-1, top-3, out-of-scope rejection (--nocapture)
mod hostile; // hostile answers: escape sequences and Markdown fences never reach a report
mod input_table; // real-world spellings of times and amounts and what they read as
mod inputs; // answers as people type them, through --set, answers files and links
mod labels; // no check label claims the step worked: the report prints it after a No
mod links; // support links: open and link
mod output; // -o: regular files only, `-` for stdout, the format from the extension
mod paths; // every path of every bundled guide ends in a valid report
mod phrasing; // region, provider placeholders and prose times in what guides and reports say
mod privacy; // no card, IBAN or ID number gets through; ids, amounts and dates always do
mod privacy_corpus; // the hand-written corpus: leaks and damage by kind and report format
mod privacy_fuzz; // the privacy fuzz corpus replayed, and linear time on long input
mod privacy_props; // seed phrases, labelled codes, what support needs, and scanning twice
mod props; // the property tests' seed: fixed unless PROPTEST_SEED says otherwise
#[cfg(unix)]
mod pty; // real prompts in a pseudo-terminal: the picker, arrow keys, Enter, Ctrl-C, the review
mod report_check; // the published schema, and report check: matches or altered
mod reports; // what each question keeps or hides, and the verification code
mod scam; // scam-check: only whole official contacts are official
mod search; // search: top-1 and top-3 on held-out phrasings, text and --json output
#[cfg(unix)]
mod setup; // setup with the real xdg-utils: a link opens the guide in a terminal; --undo leaves nothing
mod shell; // completions, man page and suggestions for misspelt symptoms
mod streams; // a full or closed stdout, a full stderr, a reader that stops early
