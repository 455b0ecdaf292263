//! What the privacy scan is unsure about in the answers, for the review to ask the person:
//! an uncertain finding in free text (a number that might be a one-time code, a word list that
//! might be a seed phrase…), and a transaction id that looks like a card number. The privacy
//! layer finds them; the person's answers go into the report's [`Review`].

use super::{answered_inputs, step_id};
use crate::flow::Transcript;
use crate::guide::{Guide, InputStep, Privacy};
use crate::input::InputType;
use crate::lang::Lang;
use crate::privacy;
use crate::prompt::findings::{Decision, Finding, FindingKind};
use crate::report::Review;

/// What the privacy scan is unsure about in the answers, in the order they were given.
pub(super) fn findings_in(guide: &Guide, transcript: &Transcript, lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    for (step, input) in answered_inputs(guide, transcript) {
        let Some(value) = transcript.input_value(step) else {
            continue;
        };
        let finding = |kind| Finding {
            question: step_id(guide, step),
            label: input.label.get(lang).to_string(),
            kind,
        };
        if answers_with_id(input) && privacy::looks_like_card(value) {
            let digits: Vec<char> = value.chars().filter(char::is_ascii_digit).collect();
            let last4: String = digits.iter().skip(digits.len().saturating_sub(4)).collect();
            out.push(finding(FindingKind::CardNumber { last4 }));
        }
        if input.input_type == InputType::Text {
            let clean = privacy::strip_controls(value);
            for change in privacy::find(&clean, input.privacy.scan_policy()) {
                if !change.certain {
                    out.push(finding(FindingKind::Uncertain {
                        kind: change.kind,
                        text: change.original,
                    }));
                }
            }
        }
    }
    out
}

/// Whether the question asks for a transaction id or a reference, where a card number does not
/// belong (as the report decides).
fn answers_with_id(input: &InputStep) -> bool {
    input.input_type == InputType::TransactionId
        || (input.input_type == InputType::Text && input.privacy == Privacy::Reference)
}

/// Puts the person's decision about `finding` into the report's review choices. Removing an
/// uncertain finding is what the report does unless told otherwise.
pub(super) fn apply(finding: &Finding, decision: Decision, choices: &mut Review) {
    let question = finding.question.clone();
    match (&finding.kind, decision) {
        (FindingKind::Uncertain { text, .. }, Decision::Keep) => {
            choices.kept.insert((question, text.clone()));
        }
        (FindingKind::Uncertain { text, .. }, Decision::Remove) => {
            choices.kept.remove(&(question, text.clone()));
        }
        (FindingKind::CardNumber { .. }, Decision::Keep) => {
            choices.card_answers.remove(&question);
            choices.confirmed_ids.insert(question);
        }
        (FindingKind::CardNumber { .. }, Decision::Remove) => {
            choices.confirmed_ids.remove(&question);
            choices.card_answers.insert(question);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{self, Answer};
    use crate::guide::catalog::Catalog;
    use crate::input::Parsed;

    fn transcript(guide: &Guide, answers: &[(&str, Answer)]) -> Transcript {
        let entries = answers
            .iter()
            .map(|(id, answer)| flow::Entry {
                step: guide.step_index(id).unwrap(),
                answer: answer.clone(),
            })
            .collect();
        Transcript {
            entries,
            ending: guide.start,
        }
    }

    fn text(value: &str) -> Answer {
        Answer::Input(Some(Parsed::plain(value)))
    }

    #[test]
    fn a_card_number_given_as_the_transaction_id_and_a_maybe_code_are_findings() {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = catalog.find("payment-failed").unwrap().guide().unwrap();
        let t = transcript(
            guide,
            &[
                ("error-message", text("Declined, my code is 702518")),
                ("transaction-id", text("4111111111111111")),
            ],
        );
        let found = findings_in(guide, &t, Lang::En);
        assert!(
            found.iter().any(|f| matches!(
                &f.kind,
                FindingKind::CardNumber { last4 } if last4 == "1111"
            )),
            "{found:?}"
        );
        let t = transcript(
            guide,
            &[
                ("error-message", text("Card declined (51)")),
                ("transaction-id", text("2026112122001400000000001234")),
            ],
        );
        assert_eq!(findings_in(guide, &t, Lang::En), []);
    }

    #[test]
    fn decisions_go_into_the_review_choices() {
        let mut choices = Review::default();
        let code = Finding {
            question: "error-message".into(),
            label: "Error message".into(),
            kind: FindingKind::Uncertain {
                kind: privacy::Kind::VerificationCode,
                text: "702518".into(),
            },
        };
        apply(&code, Decision::Keep, &mut choices);
        assert!(
            choices
                .kept
                .contains(&("error-message".into(), "702518".into()))
        );
        apply(&code, Decision::Remove, &mut choices);
        assert!(choices.kept.is_empty());
        let card = Finding {
            question: "transaction-id".into(),
            label: "Transaction ID".into(),
            kind: FindingKind::CardNumber {
                last4: "1111".into(),
            },
        };
        apply(&card, Decision::Remove, &mut choices);
        assert!(choices.card_answers.contains("transaction-id"));
        apply(&card, Decision::Keep, &mut choices);
        assert!(choices.confirmed_ids.contains("transaction-id"));
        assert!(choices.card_answers.is_empty());
    }
}
