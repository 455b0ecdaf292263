//! Answers given ahead of time: an `--answers` file, `--set ID=VALUE` (which wins), and later
//! links. Each is checked against the guide with the same parsers as a typed answer.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::flow::Answer;
use crate::guide::{Guide, StepKind};
use crate::input::{self, ParseContext};
use crate::lang::Lang;
use crate::location::Location;

/// Where an answer came from, for error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Set,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(p) => write!(f, "`{}`", p.display()),
            Origin::Set => write!(f, "`--set`"),
        }
    }
}

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
        let source =
            fs::read_to_string(path).map_err(|e| Error::io("read answers file", path, e))?;
        let file = path.display().to_string();
        let table: toml::Table = toml::from_str(&source).map_err(|e| Error::AnswersFile {
            location: Location::of_span(&file, &source, e.span()),
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
                        location: key_location(&file, &source, &key),
                        message: format!("`{key}` is a {}; expected a string", other.type_str()),
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
            let (id, value) = set
                .split_once('=')
                .ok_or_else(|| Error::BadSet { arg: set.clone() })?;
            if id.trim().is_empty() {
                return Err(Error::BadSet { arg: set.clone() });
            }
            self.answers
                .insert(id.trim().to_string(), (value.to_string(), Origin::Set));
        }
        Ok(())
    }

    /// Checks every answer against `guide`: the question exists and the value is valid.
    pub fn resolve(&self, guide: &Guide, ctx: &ParseContext) -> Result<Presets> {
        let mut answers = HashMap::new();
        for (key, (value, origin)) in &self.answers {
            let Some(i) = guide
                .step_index(key)
                .filter(|i| is_question(&guide.steps[*i].kind))
            else {
                return Err(Error::UnknownQuestion {
                    key: key.clone(),
                    origin: origin.to_string(),
                    guide: guide.id.clone(),
                    known: guide.question_ids(),
                });
            };
            let answer = parse_answer(&guide.steps[i].kind, value, ctx).map_err(|reason| {
                Error::InvalidAnswer {
                    step: key.clone(),
                    value: value.clone(),
                    origin: origin.to_string(),
                    reason,
                }
            })?;
            answers.insert(key.clone(), answer);
        }
        Ok(Presets { answers })
    }
}

fn is_question(kind: &StepKind) -> bool {
    kind.is_question()
}

/// One value for one step, with the reason in English when it does not fit.
pub fn parse_answer(kind: &StepKind, value: &str, ctx: &ParseContext) -> Result<Answer, String> {
    match kind {
        StepKind::Choice(c) => c
            .choices
            .iter()
            .position(|choice| choice.id == value.trim())
            .map(Answer::Choice)
            .ok_or_else(|| {
                let ids: Vec<&str> = c.choices.iter().map(|c| c.id.as_str()).collect();
                format!("is not a choice; expected one of: {}", ids.join(", "))
            }),
        StepKind::Input(i) => input::parse(i.input_type, value, i.required, ctx)
            .map(Answer::Input)
            .map_err(|e| e.message(Lang::En)),
        StepKind::Check(c) if c.compare.is_some() => {
            Err("is not a question: the tool compares it with the official contacts itself".into())
        }
        StepKind::Check(_) => parse_yes_no(value)
            .map(Answer::Check)
            .ok_or_else(|| "is not an answer to \"did that fix it?\"; expected yes or no".into()),
        StepKind::Info(_) | StepKind::End(_) => Err("is not a question".into()),
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
