//! Asking about what the privacy scan cannot decide alone, at the review: a number that might
//! be a one-time code (or another uncertain finding), a transaction id that looks like a card
//! number. The scan finds them; this asks the person, one question each, and returns what they
//! decided. The safe answer (remove it) is the default.

use console::Term;

use super::screen::Screen;
use super::stop::{self, Kept};
use super::yesno::{self, Mode, YesNo};
use crate::error::Result;
use crate::lang::Lang;
use crate::privacy::Kind;

/// Something in an answer the scan is not sure about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The question (step id) whose answer holds it.
    pub question: String,
    /// The question's label, as the report shows it.
    pub label: String,
    pub kind: FindingKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// Text in a free-text answer that might be a secret of this kind (a bare number near
    /// "code": an error code, or a one-time code that must not be sent).
    Uncertain { kind: Kind, text: String },
    /// A transaction id or reference that passes the card-number test.
    CardNumber { last4: String },
}

/// What the person decided about a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Keep,
    Remove,
}

/// The question for one finding, and the answer that keeps it.
fn question(finding: &Finding, lang: Lang) -> (String, bool) {
    match (&finding.kind, lang) {
        (FindingKind::Uncertain { kind, text }, Lang::En) => (
            format!(
                "In “{}”, this might be {}: {text}. Remove it?",
                finding.label,
                kind.words(lang)
            ),
            false,
        ),
        (FindingKind::Uncertain { kind, text }, Lang::Zh) => (
            format!(
                "“{}”中的 {text} 可能是{}。要删除吗？",
                finding.label,
                kind.words(lang)
            ),
            false,
        ),
        (FindingKind::CardNumber { last4 }, Lang::En) => (
            format!(
                "“{}” (ending {last4}) looks like a card number. Is it really the transaction ID?",
                finding.label
            ),
            true,
        ),
        (FindingKind::CardNumber { last4 }, Lang::Zh) => (
            format!(
                "“{}”（尾号 {last4}）看起来像银行卡号。它确实是交易单号吗？",
                finding.label
            ),
            true,
        ),
    }
}

/// Asks about each finding in turn; Enter takes the safe answer (remove). Esc or Ctrl-C ask
/// to stop, as at any question.
pub fn confirm(findings: &[Finding], lang: Lang, kept: Kept) -> Result<Vec<Decision>> {
    let term = Term::stderr();
    let mut decisions = Vec::with_capacity(findings.len());
    for finding in findings {
        let (text, yes_keeps) = question(finding, lang);
        let mut screen = Screen::new(&term);
        let safe = !yes_keeps;
        let answer = loop {
            match yesno::ask(
                &mut screen,
                lang,
                &text,
                Some(safe),
                Mode::Step { back: false },
                true,
            )? {
                YesNo::Yes => break true,
                YesNo::No => break false,
                YesNo::Back | YesNo::Continue | YesNo::Stop => stop::ask_to_stop(lang, kept)?,
            }
        };
        decisions.push(if answer == yes_keeps {
            Decision::Keep
        } else {
            Decision::Remove
        });
    }
    Ok(decisions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(kind: FindingKind) -> Finding {
        Finding {
            question: "error-message".into(),
            label: "Error message".into(),
            kind,
        }
    }

    #[test]
    fn a_maybe_code_is_removed_by_yes_and_a_card_by_no() {
        let code = finding(FindingKind::Uncertain {
            kind: Kind::VerificationCode,
            text: "702518".into(),
        });
        let (text, yes_keeps) = question(&code, Lang::En);
        assert_eq!(
            text,
            "In “Error message”, this might be a verification code: 702518. Remove it?"
        );
        assert!(!yes_keeps);
        let card = finding(FindingKind::CardNumber {
            last4: "1111".into(),
        });
        let (text, yes_keeps) = question(&card, Lang::Zh);
        assert!(
            text.contains("尾号 1111") && text.ends_with("它确实是交易单号吗？"),
            "{text}"
        );
        assert!(yes_keeps);
    }
}
