//! What the privacy scan is unsure about in the answers, found with today's redactor
//! (`report::redact`), for the review to ask the person; and taking a number out of an
//! answer when they say it is a code. The privacy layer replaces the finding side.

use super::{answered_inputs, step_id};
use crate::flow::{Answer, Transcript};
use crate::guide::{Guide, Privacy};
use crate::input::InputType;
use crate::lang::Lang;
use crate::prompt::findings::{Finding, FindingKind};
use crate::report::{self, redact};

/// What the privacy scan is unsure about in the answers, with today's redactor: an id or
/// reference that passes the card-number test, and, in an error message, a number next to
/// "code" that reads as an error code but might be a one-time code.
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
        let is_reference =
            input.input_type == InputType::TransactionId || input.privacy == Privacy::Reference;
        if is_reference
            && redact::redact(value)
                .changes
                .contains(&redact::Kind::CardNumber)
        {
            let digits: Vec<char> = value.chars().filter(char::is_ascii_digit).collect();
            let last4: String = digits.iter().skip(digits.len().saturating_sub(4)).collect();
            out.push(finding(FindingKind::CardNumber { last4 }));
        }
        if input.input_type == InputType::Text && input.privacy == Privacy::ErrorMessage {
            let lenient = redact::redact_with(value, report::policy(Privacy::ErrorMessage));
            let strict = redact::redact_with(value, redact::Policy::default());
            for number in digit_runs(&lenient.text) {
                if (4..=8).contains(&number.len()) && !digit_runs(&strict.text).contains(&number) {
                    out.push(finding(FindingKind::MaybeCode { number }));
                }
            }
        }
    }
    out
}

/// The runs of ASCII digits in `text`.
fn digit_runs(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(str::to_string)
        .collect()
}

/// Takes `number` out of the answer to `question`, as the redactor takes out a code.
pub(super) fn remove_number(
    guide: &Guide,
    transcript: &mut Transcript,
    question: &str,
    number: &str,
) {
    let Some(step) = guide.step_index(question) else {
        return;
    };
    for entry in transcript.entries.iter_mut().filter(|e| e.step == step) {
        if let Answer::Input(Some(value)) = &mut entry.answer {
            let mut out = String::new();
            for (i, piece) in value.split(number).enumerate() {
                if i > 0 {
                    // Only a whole run of digits is the number; `12345` is not in `123456`.
                    let before = out.chars().last().is_some_and(|c| c.is_ascii_digit());
                    let after = piece.chars().next().is_some_and(|c| c.is_ascii_digit());
                    out.push_str(if before || after { number } else { "[removed]" });
                }
                out.push_str(piece);
            }
            *value = out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow;
    use crate::guide::catalog::Catalog;

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
        Answer::Input(Some(value.to_string()))
    }

    #[test]
    fn a_card_number_given_as_the_transaction_id_and_a_bare_code_are_findings() {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = catalog.find("payment-failed").unwrap().guide().unwrap();
        let t = transcript(
            guide,
            &[
                ("error-message", text("Declined, code 702518")),
                ("transaction-id", text("4111111111111111")),
            ],
        );
        let found = findings_in(guide, &t, Lang::En);
        let kinds: Vec<&FindingKind> = found.iter().map(|f| &f.kind).collect();
        assert!(
            kinds.contains(&&FindingKind::MaybeCode {
                number: "702518".into()
            }),
            "{found:?}"
        );
        assert!(
            kinds.contains(&&FindingKind::CardNumber {
                last4: "1111".into()
            }),
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
    fn a_removed_code_goes_from_the_answer_but_longer_numbers_holding_it_stay() {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = catalog.find("payment-failed").unwrap().guide().unwrap();
        let mut t = transcript(
            guide,
            &[("error-message", text("code 702518, ref 17025189"))],
        );
        remove_number(guide, &mut t, "error-message", "702518");
        let step = guide.step_index("error-message").unwrap();
        assert_eq!(t.input_value(step), Some("code [removed], ref 17025189"));
    }
}
