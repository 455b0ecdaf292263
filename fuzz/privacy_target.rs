//! What the `privacy` fuzz target does with its bytes, shared by the fuzz binary
//! (`fuzz_targets/privacy.rs`) and the stable replay test (`tests/integration/privacy_fuzz.rs`),
//! which runs every committed corpus file through the same function.
//!
//! The first byte picks the question's policy; the rest is the answer, as UTF-8 (lossy). For
//! any answer: no panic; the changes are in order, apart, on character boundaries, and are the
//! text as typed; applying them gives the scanned text; scanning that again changes nothing;
//! keeping every uncertain finding keeps exactly those; and cleaning control characters leaves
//! none and is done once for all.

use wallet_help::privacy::{self, Policy};

pub fn privacy(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let policy = Policy {
        keep_error_codes: selector & 1 == 1,
        keep_references: selector & 2 == 2,
    };
    scan_holds(&text, policy);
    controls_hold(&text);
    let _ = privacy::looks_like_card(&text);
}

fn scan_holds(text: &str, policy: Policy) {
    let scan = privacy::scan(text, policy);
    let mut rebuilt = String::new();
    let mut from = 0;
    for change in &scan.changes {
        assert!(
            change.span.start >= from,
            "changes overlap or are out of order: {scan:?}"
        );
        assert!(
            change.span.start < change.span.end,
            "an empty change: {change:?}"
        );
        let original = text
            .get(change.span.clone())
            .expect("a change on character boundaries");
        assert_eq!(original, change.original);
        rebuilt.push_str(&text[from..change.span.start]);
        rebuilt.push_str(&change.replacement);
        from = change.span.end;
    }
    rebuilt.push_str(&text[from..]);
    assert_eq!(rebuilt, scan.text);

    let again = privacy::scan(&scan.text, policy);
    assert_eq!(again.text, scan.text, "scanning twice changed {text:?}");
    assert!(
        again.changes.is_empty(),
        "scanning twice found {:?} in {text:?}",
        again.changes
    );

    let kept = privacy::scan_keeping(text, policy, |_| true);
    let certain: Vec<_> = scan.changes.iter().filter(|c| c.certain).cloned().collect();
    assert_eq!(kept.changes, certain);
}

fn controls_hold(text: &str) {
    let clean = privacy::strip_controls(text);
    assert!(
        !clean.chars().any(|c| c.is_control() && c != '\n'),
        "a control character is left in {clean:?}"
    );
    assert!(!clean.contains('\u{1b}'));
    assert_eq!(
        privacy::strip_controls(&clean),
        clean,
        "cleaning twice changed {text:?}"
    );
}
