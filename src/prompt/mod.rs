//! The seam between the flow and whoever answers it: a person at a terminal (`terminal`) or a
//! script (`scripted`). The flow only sees this trait, so it never touches a terminal.

pub mod field;
pub mod findings;
pub mod menu;
pub mod pager;
pub mod picker;
mod screen;
pub mod scripted;
pub mod stop;
pub mod terminal;
pub mod theme;
pub mod yesno;

use crate::error::Result;
use crate::guide::Privacy;
use crate::input::{InputType, ParseContext, Parsed};
use crate::lang::Lang;
use crate::privacy;

/// What a person did at a question: answered it, or asked to go back to the one before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply<T> {
    Answer(T),
    Back,
}

/// A choice question, in the interface language.
pub struct ChoiceQuestion<'a> {
    pub step: &'a str,
    pub question: &'a str,
    /// A short name for the question, when the guide gives one.
    pub label: Option<&'a str>,
    pub help: Option<&'a str>,
    /// `(id, label)` for each choice, in order.
    pub choices: Vec<(&'a str, &'a str)>,
    /// The choice to start on: the one made before going back (the first one otherwise).
    pub start: Option<usize>,
    /// The choice a script takes when it has no answer (a skippable question); a person
    /// still chooses.
    pub default: Option<usize>,
    /// Whether there is a question before this one to go back to.
    pub back: bool,
}

/// An input question, with what the shared parser needs to check an answer.
pub struct InputQuestion<'a> {
    pub step: &'a str,
    pub question: &'a str,
    pub help: Option<&'a str>,
    pub input_type: InputType,
    pub required: bool,
    pub privacy: Privacy,
    /// The answer to start from when the question is asked again (empty the first time).
    pub initial: &'a str,
    pub lang: Lang,
    pub ctx: &'a ParseContext,
    /// Whether there is a question before this one to go back to.
    pub back: bool,
}

/// A secret caught in an answer before it is stored anywhere: the answer without it, and
/// what to tell the user.
#[derive(Debug, PartialEq, Eq)]
pub struct Caught {
    pub cleaned: String,
    pub warning: String,
}

/// Scans a free-text answer the way its report will, so a secret is caught at the prompt, not
/// only in the report; `None` when the answer holds none for sure (or is not free text). Only
/// certain findings are caught here: what might not be a secret stays in the answer, in memory,
/// until the review asks about it (a script's report removes it).
pub fn tripwire(q: &InputQuestion<'_>, answer: &str) -> Option<Caught> {
    if q.input_type != InputType::Text {
        return None;
    }
    let scanned = privacy::scan_keeping(answer, q.privacy.scan_policy(), |_| true);
    if scanned.changes.is_empty() {
        return None;
    }
    let mut kinds: Vec<&str> = Vec::new();
    for change in &scanned.changes {
        let words = change.kind.words(q.lang);
        if !kinds.contains(&words) {
            kinds.push(words);
        }
    }
    let found = q.lang.list(&kinds);
    let warning = match (q.lang, kinds.len()) {
        (Lang::En, 1) => format!(
            "That answer holds {found}. Support never needs it, and nobody from support will \
             ask for it; it has been taken out."
        ),
        (Lang::En, _) => format!(
            "That answer holds {found}. Support never needs them, and nobody from support \
             will ask for them; they have been taken out."
        ),
        (Lang::Zh, _) => {
            format!("这个回答里有{found}。客服不需要、也不会向你索要这类信息，已经帮你去掉了。")
        }
    };
    // The marker is shown in the person's language; `stored` turns it back before the answer
    // is kept, so a report in another language reads its own.
    let cleaned = on_screen(&privacy::strip_controls(&scanned.text), q.lang);
    Some(Caught { cleaned, warning })
}

/// An answer kept, as the person sees it at a prompt: the removal marker in their language.
pub fn on_screen(kept: &str, lang: Lang) -> String {
    match lang {
        Lang::En => kept.to_string(),
        Lang::Zh => kept.replace(privacy::REMOVED, privacy::REMOVED_ZH),
    }
}

/// An answer as typed, as it is kept: a removal marker shown in Chinese at the prompt
/// (`[已删除]`) is the report's own marker again, which each report writes in its language.
pub fn stored(typed: &str) -> String {
    typed.replace(privacy::REMOVED_ZH, privacy::REMOVED)
}

/// A self-check: the instruction, then "did that fix it?".
pub struct CheckQuestion<'a> {
    pub step: &'a str,
    pub text: &'a str,
    pub question: &'a str,
    /// The answer given before going back, if any.
    pub start: Option<bool>,
    /// Whether there is a question before this one to go back to.
    pub back: bool,
}

/// Whoever answers the questions. Each question may be answered, or (where the question
/// says `back`) sent back to the one before; an error stops the walk (`Error::Cancelled` when
/// the person chose to stop).
pub trait Prompter {
    /// The index of the chosen choice.
    fn choose(&mut self, q: &ChoiceQuestion<'_>) -> Result<Reply<usize>>;
    /// The parsed answer, or `None` for an optional question left empty.
    fn input(&mut self, q: &InputQuestion<'_>) -> Result<Reply<Option<Parsed>>>;
    /// Whether the check fixed the problem.
    fn check(&mut self, q: &CheckQuestion<'_>) -> Result<Reply<bool>>;
    /// Shows something to read.
    fn info(&mut self, step: &str, text: &str) -> Result<()>;
    /// `done` steps answered of about `total` on the shortest way to an ending.
    fn progress(&mut self, _done: usize, _total: usize) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(lang: Lang, ctx: &ParseContext) -> InputQuestion<'_> {
        InputQuestion {
            step: "error-message",
            question: "?",
            help: None,
            input_type: InputType::Text,
            required: true,
            privacy: Privacy::ErrorMessage,
            initial: "",
            lang,
            ctx,
            back: false,
        }
    }

    #[test]
    fn a_chinese_prompt_shows_the_removal_marker_in_chinese_and_keeps_the_reports_own() {
        let ctx = ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap());
        let caught = tripwire(&question(Lang::Zh, &ctx), "卡被拒绝，密码：hunter22").unwrap();
        assert!(caught.cleaned.contains(privacy::REMOVED_ZH), "{caught:?}");
        assert!(!caught.cleaned.contains("hunter22"), "{caught:?}");
        let kept = stored(&caught.cleaned);
        assert!(kept.contains(privacy::REMOVED) && !kept.contains(privacy::REMOVED_ZH));
        assert_eq!(on_screen(&kept, Lang::Zh), caught.cleaned);
        assert_eq!(on_screen(&kept, Lang::En), kept);
        let caught = tripwire(&question(Lang::En, &ctx), "declined, password: hunter22").unwrap();
        assert!(caught.cleaned.contains(privacy::REMOVED), "{caught:?}");
    }

    #[test]
    fn the_warning_names_each_kind_once_as_a_sentence_lists_them() {
        let ctx = ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap());
        let answer = "password: hunter22, PIN 4821, verification code 702518, password: tiger99";
        let caught = tripwire(&question(Lang::En, &ctx), answer).unwrap();
        assert!(
            caught
                .warning
                .starts_with("That answer holds a password, a PIN and a verification code. ")
                && caught.warning.contains("never needs them"),
            "{}",
            caught.warning
        );
        let caught = tripwire(&question(Lang::En, &ctx), "password: hunter22").unwrap();
        assert!(
            caught
                .warning
                .contains("holds a password. Support never needs it,")
        );
        let answer = "登录密码：hunter22，支付密码 482193，验证码 702518";
        let caught = tripwire(&question(Lang::Zh, &ctx), answer).unwrap();
        assert!(
            caught.warning.starts_with("这个回答里有"),
            "{}",
            caught.warning
        );
        assert!(
            caught.warning.contains("、") && caught.warning.contains("和"),
            "{}",
            caught.warning
        );
    }
}
