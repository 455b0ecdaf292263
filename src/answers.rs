//! Answers given ahead of time: a support link, an `--answers` file, `--set ID=VALUE`, each
//! winning over the one before. Each is checked against the guide with the same parsers as a
//! typed answer.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Read as _;
use std::path::Path;

pub use crate::error::Origin;
use crate::error::{Error, Result};
use crate::flow::Answer;
use crate::guide::{Guide, Step, StepKind};
use crate::input::{self, ParseContext, quote};
use crate::lang::{Lang, Text};
use crate::location::Location;

/// Answers as given, by question id; later ones replace earlier ones.
#[derive(Clone, Debug, Default)]
pub struct GivenAnswers {
    answers: BTreeMap<String, (String, Origin)>,
}

/// Answers checked against a guide, by step id.
#[derive(Clone, Debug, Default)]
pub struct Presets {
    answers: HashMap<String, Answer>,
}

impl Presets {
    pub fn get(&self, step: &str) -> Option<&Answer> {
        self.answers.get(step)
    }
}

impl GivenAnswers {
    /// Reads a flat TOML table of `question-id = "value"`.
    pub fn read_file(&mut self, path: &Path) -> Result<()> {
        let source = read_bounded(path)?;
        self.add_file_text(path, &source)
    }

    /// Adds the answers of an answers file already read: `source` is its text.
    pub fn add_file_text(&mut self, path: &Path, source: &str) -> Result<()> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let file = path.display().to_string();
        let table: toml::Table = toml::from_str(source).map_err(|e| Error::AnswersFile {
            location: Location::of_span(&file, source, e.span()),
            message: e.message().trim().to_string(),
        })?;
        for (key, value) in table {
            let text = match value {
                toml::Value::String(s) => s,
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Float(f) => f.to_string(),
                toml::Value::Boolean(b) => if b { "yes" } else { "no" }.to_string(),
                other => {
                    return Err(Error::AnswersFile {
                        location: key_location(&file, source, &key),
                        message: format!(
                            "`{}` is a {}; expected a string",
                            quote(&key),
                            other.type_str()
                        ),
                    });
                }
            };
            self.answers
                .insert(key, (text, Origin::File(path.to_path_buf())));
        }
        Ok(())
    }

    /// Adds `ID=VALUE` pairs from `--set`.
    pub fn add_sets<'a>(&mut self, sets: impl IntoIterator<Item = &'a String>) -> Result<()> {
        for set in sets {
            let (id, value) = split_set(set)?;
            self.answers
                .insert(id.to_string(), (value.to_string(), Origin::Set));
        }
        Ok(())
    }

    /// Adds a support link's answers. Add them first: an `--answers` file and `--set`, added
    /// after, replace them.
    pub fn add_link(&mut self, answers: &[(String, String)]) {
        for (id, value) in answers {
            self.answers
                .insert(id.clone(), (value.clone(), Origin::Link));
        }
    }

    /// Checks every answer against `guide`: the question exists and the value is valid.
    pub fn resolve(&self, guide: &Guide, ctx: &ParseContext) -> Result<Presets> {
        let mut answers = HashMap::new();
        // Looked up once per answer: a linear search each would be quadratic in long guides.
        let steps: HashMap<&str, &Step> = guide.steps.iter().map(|s| (s.id.as_str(), s)).collect();
        for (key, (value, origin)) in &self.answers {
            let Some(step) = steps.get(key.as_str()).filter(|s| is_question(&s.kind)) else {
                return Err(Error::UnknownQuestion {
                    key: quote(key),
                    origin: origin.clone(),
                    guide: guide.id.clone(),
                    known: guide.question_ids(),
                });
            };
            let answer =
                parse_answer(&step.kind, value, ctx).map_err(|reason| Error::InvalidAnswer {
                    step: key.clone(),
                    value: quote(value),
                    origin: origin.clone(),
                    reason: Box::new(reason),
                })?;
            answers.insert(key.clone(), answer);
        }
        Ok(Presets { answers })
    }
}

/// The largest answers file read: a few hundred answers fit in a few kilobytes.
pub const ANSWERS_MAX_BYTES: u64 = 1024 * 1024;

/// An answers file's text: a regular file (or a link to one) of at most
/// [`ANSWERS_MAX_BYTES`], in UTF-8. Checked before it is opened, so a FIFO without a
/// writer cannot hang the tool and `/dev/zero` cannot fill memory.
fn read_bounded(path: &Path) -> Result<String> {
    let refused = |reason: Text| Error::AnswersFileRefused {
        path: path.to_path_buf(),
        reason,
    };
    let meta = fs::metadata(path).map_err(|e| Error::io("read answers file", path, e))?;
    if !meta.is_file() {
        let reason = if meta.is_dir() {
            Text::new(
                "it is a folder; expected a TOML file",
                "这是一个文件夹，应为 TOML 文件",
            )
        } else {
            Text::new(
                "it is not a regular file; expected a TOML file",
                "这不是普通文件，应为 TOML 文件",
            )
        };
        return Err(refused(reason));
    }
    let too_big = || {
        let kib = ANSWERS_MAX_BYTES / 1024;
        refused(Text::new(
            format!("it is larger than {kib} KiB; an answers file holds a few short answers"),
            format!("文件超过 {kib} KiB；答案文件里只需写几条简短的回答"),
        ))
    };
    if meta.len() > ANSWERS_MAX_BYTES {
        return Err(too_big());
    }
    let file = fs::File::open(path).map_err(|e| Error::io("read answers file", path, e))?;
    let mut bytes = Vec::new();
    // The file may grow after the check: read one byte past the limit, never more.
    file.take(ANSWERS_MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read answers file", path, e))?;
    if bytes.len() as u64 > ANSWERS_MAX_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to() + 1;
        refused(Text::new(
            format!("it is not UTF-8 text (byte {byte} is not valid)"),
            format!("内容不是 UTF-8 文字（第 {byte} 个字节无效）"),
        ))
    })
}

/// `ID=VALUE` from `--set`, split at the first `=`; the id is trimmed and may not be empty.
pub fn split_set(set: &str) -> Result<(&str, &str)> {
    match set.split_once('=') {
        Some((id, value)) if !id.trim().is_empty() => Ok((id.trim(), value)),
        _ => Err(Error::BadSet { arg: quote(set) }),
    }
}

fn is_question(kind: &StepKind) -> bool {
    kind.is_question()
}

/// One value for one step, with the reason in both languages when it does not fit.
pub fn parse_answer(kind: &StepKind, value: &str, ctx: &ParseContext) -> Result<Answer, Text> {
    match kind {
        StepKind::Choice(c) => c
            .choices
            .iter()
            .position(|choice| choice.id == value.trim())
            .map(Answer::Choice)
            .ok_or_else(|| {
                let ids: Vec<&str> = c.choices.iter().map(|c| c.id.as_str()).collect();
                Text::new(
                    format!("is not a choice; expected one of: {}", ids.join(", ")),
                    format!("不是可选的答案；应为其中之一：{}", ids.join("、")),
                )
            }),
        StepKind::Input(i) => input::parse(i.input_type, value, i.required, ctx)
            .map(Answer::Input)
            .map_err(|e| Text::new(e.message(Lang::En), e.message(Lang::Zh))),
        StepKind::Check(c) if c.compare.is_some() => Err(Text::new(
            "is not a question: the tool compares it with the official contacts itself",
            "这一步不用回答：工具会自己和官方联系方式比对",
        )),
        StepKind::Check(_) => parse_yes_no(value).map(Answer::Check).ok_or_else(|| {
            Text::new(
                "is not an answer to \"did that fix it?\"; expected yes or no",
                "不是“问题解决了吗？”的回答；应为 yes 或 no（是 或 否）",
            )
        }),
        StepKind::Info(_) | StepKind::End(_) => {
            Err(Text::new("is not a question", "这一步不是问题，不用回答"))
        }
    }
}

pub fn parse_yes_no(value: &str) -> Option<bool> {
    match value.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "fixed" | "是" | "解决了" => Some(true),
        "no" | "n" | "false" | "not-fixed" | "否" | "没有" => Some(false),
        _ => None,
    }
}

/// Where `key` is defined in an answers file, or its top.
fn key_location(file: &str, source: &str, key: &str) -> Location {
    let offset = source
        .lines()
        .scan(0, |pos, line| {
            let start = *pos;
            *pos += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| line.trim_start().starts_with(key))
        .map_or(0, |(start, line)| {
            start + line.len() - line.trim_start().len()
        });
    Location::at(file, source, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::catalog::Catalog;

    #[test]
    fn a_link_loses_to_the_answers_file_which_loses_to_set() {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = catalog.find("payment-failed").unwrap().guide().unwrap();
        let ctx = ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("answers.toml");
        fs::write(&file, "amount = \"2 CNY\"\noccurred-at = \"10:00\"\n").unwrap();
        let mut given = GivenAnswers::default();
        let link = |k: &str, v: &str| (k.to_string(), v.to_string());
        given.add_link(&[
            link("amount", "1 CNY"),
            link("occurred-at", "9:00"),
            link("transaction-id", "2026112122001400000000001234"),
        ]);
        given.read_file(&file).unwrap();
        given.add_sets(&["amount=3 CNY".to_string()]).unwrap();
        let presets = given.resolve(guide, &ctx).unwrap();
        let value = |step: &str| match presets.get(step) {
            Some(Answer::Input(Some(v))) => v.value.clone(),
            other => panic!("{step}: {other:?}"),
        };
        assert_eq!(value("amount"), "3.00 CNY");
        assert_eq!(value("occurred-at"), "2026-11-21T10:00:00+08:00");
        assert_eq!(value("transaction-id"), "2026112122001400000000001234");
    }

    #[test]
    fn an_invalid_link_value_names_the_link() {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = catalog.find("payment-failed").unwrap().guide().unwrap();
        let ctx = ParseContext::new("2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap());
        let mut given = GivenAnswers::default();
        given.add_link(&[("amount".into(), "abc".into())]);
        let error = given.resolve(guide, &ctx).unwrap_err().to_string();
        assert!(
            error.starts_with("invalid answer for `amount` in the link: `abc` is not valid"),
            "{error}"
        );
    }

    #[test]
    fn set_splits_at_the_first_equals_sign() {
        assert_eq!(split_set(" a =b=c").unwrap(), ("a", "b=c"));
        assert!(split_set("a").is_err());
        assert!(split_set(" =b").is_err());
    }
}
