//! Shared steps. A block is a list of questions written once, in `guides/blocks/<name>.toml`,
//! and asked in the same words, with the same ids, by every guide that includes it:
//!
//! ```toml
//! [[steps]]
//! id = "about-phone"       # other steps lead here
//! kind = "include"
//! block = "phone"
//! next = "contact"         # where the block's last question leads
//! ```
//!
//! The blocks are compiled into the binary and read once, on first use; a provider's guide
//! may include them too.

use std::sync::OnceLock;

use super::GuideIssue;
use super::validate::{lint_block, parse_block};

/// A validated block: its name and its steps, in the order they are asked. Their targets are
/// set where a guide includes them.
#[derive(Debug)]
pub struct Block {
    pub name: String,
    pub steps: Vec<super::Step>,
}

/// The phone questions: the phone and wallet app where the problem happened. Their ids are
/// stable (answers files, `--set`) and fill the report's `phone`.
pub mod phone {
    pub const BLOCK: &str = "phone";
    pub const OS: &str = "phone-os";
    pub const OS_VERSION: &str = "phone-os-version";
    pub const MODEL: &str = "phone-model";
    pub const APP: &str = "wallet-app";
    pub const APP_VERSION: &str = "wallet-app-version";
    pub const NETWORK: &str = "network";
}

/// `(name, file, text)` of each bundled block; the name is the file's stem.
const FILES: [(&str, &str, &str); 1] = [(
    phone::BLOCK,
    "guides/blocks/phone.toml",
    include_str!("../../guides/blocks/phone.toml"),
)];

type Loaded = Vec<(&'static str, Result<Block, Vec<GuideIssue>>)>;

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, file, text)| (*name, parse_block(file, text)))
            .collect()
    })
}

/// The block called `name`: the block, or the problems of its file; `None` when there is no
/// such block.
pub fn find(name: &str) -> Option<Result<&'static Block, &'static [GuideIssue]>> {
    loaded()
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, block)| block.as_ref().map_err(Vec::as_slice))
}

/// What `guides check` warns about in the bundled blocks.
pub fn warnings() -> Vec<GuideIssue> {
    FILES
        .iter()
        .flat_map(|(_, file, text)| lint_block(file, text).1)
        .collect()
}

/// The names of the bundled blocks.
pub fn names() -> Vec<String> {
    FILES
        .iter()
        .map(|(name, _, _)| (*name).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::StepKind;

    #[test]
    fn every_bundled_block_is_valid_and_named_like_its_file() {
        for name in names() {
            let block = find(&name).unwrap().unwrap_or_else(|issues| {
                panic!(
                    "{}",
                    issues
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            });
            assert_eq!(block.name, name);
        }
    }

    #[test]
    fn the_phone_block_asks_what_the_report_fills_and_lets_every_question_be_skipped() {
        let block = find(phone::BLOCK).unwrap().unwrap();
        let ids: Vec<&str> = block.steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                phone::OS,
                phone::OS_VERSION,
                phone::MODEL,
                phone::APP,
                phone::APP_VERSION,
                phone::NETWORK
            ]
        );
        for step in &block.steps {
            let skippable = match &step.kind {
                StepKind::Choice(c) => c.default.is_some(),
                StepKind::Input(i) => !i.required,
                _ => true,
            };
            assert!(skippable, "`{}` cannot be skipped", step.id);
            assert_eq!(step.block.as_deref(), Some(phone::BLOCK));
        }
    }

    #[test]
    fn a_block_holds_questions_in_order_that_say_nothing_of_where_they_lead() {
        let src = r#"schema = 1
block = "x"

[[steps]]
id = "q"
kind = "input"
type = "text"
question = { en = "Q?", zh = "问？" }
label = { en = "Q", zh = "问" }
next = "e"

[[steps]]
id = "c"
kind = "choice"
question = { en = "C?", zh = "选？" }
choices = [{ id = "a", label = { en = "A", zh = "甲" }, next = "q" }]

[[steps]]
id = "e"
kind = "end"
outcome = "resolved"
text = { en = "E", zh = "完" }
"#;
        let issues: Vec<String> = parse_block("b.toml", src)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(issues.len(), 3, "{issues:#?}");
        assert!(
            issues[0]
                .starts_with("b.toml:10:8: a block's steps are asked in order and have no `next`")
        );
        assert!(issues[1].starts_with("b.toml:16:63: a block's steps"));
        assert!(
            issues[2].starts_with("b.toml:20:8: `kind` is `end`; expected choice, input or info")
        );
    }
}
