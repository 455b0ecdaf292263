//! Turns a guide file into a `Guide`, or into every problem found in it, each with its line
//! and column. Structure comes first (keys, types, ids, targets); the graph rules
//! (reachability, endings, details support needs) run once the structure holds, so one typo
//! does not cascade into a page of follow-on complaints.
//!
//! Block files (shared steps a guide includes) are read by the same checker, in block mode:
//! their steps are questions asked in order, so they name no targets of their own.

mod graph;
mod layout;
mod lint;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::block::Block;
use super::names::{self, is_valid_id};
use super::provider;
use super::raw::{RawBlock, RawChoice, RawGuide, RawStep, RawText, RawWords, S};
use super::secrets::{secret_type, secret_wording};
use super::{
    CheckStep, Choice, ChoiceStep, Compare, Ending, Group, Guide, GuideIssue, InfoStep, InputStep,
    IssueKind, Linted, Outcome, Privacy, Source, Step, StepKind,
};
use crate::input::InputType;
use crate::lang::{Lang, Text, Words};
use crate::location::Location;
use crate::region::Region;
use layout::{Layout, Slot};

const SCHEMA: i64 = 1;

/// Reads and validates one guide file's text.
pub fn parse_guide(file: &str, source: &str, origin: Source) -> Result<Guide, Vec<GuideIssue>> {
    read_guide(file, source, origin, false).0
}

/// Like `parse_guide`, and also what `guides check` warns about in a guide that works but
/// reads badly: half-width punctuation in Chinese, "Did that fix it?" where nothing could
/// have, an urgent path that asks before it protects. Run by `guides check` only.
pub fn lint_guide(file: &str, source: &str, origin: Source) -> Linted<Guide> {
    read_guide(file, source, origin, true)
}

fn read_guide(file: &str, source: &str, origin: Source, lint: bool) -> Linted<Guide> {
    let mut checker = Checker::new(file, source);
    checker.lint = lint;
    let raw = match toml::from_str::<RawGuide>(source) {
        Ok(raw) => raw,
        Err(e) => {
            checker.toml_error(&e);
            return (Err(checker.issues), Vec::new());
        }
    };
    let guide = checker.guide(&raw, origin);
    checker.finish_with_warnings(guide)
}

/// Reads and validates one block file's text.
pub(crate) fn parse_block(file: &str, source: &str) -> Result<Block, Vec<GuideIssue>> {
    read_block(file, source, false).0
}

/// Like `parse_block`, with `guides check`'s warnings.
pub(crate) fn lint_block(file: &str, source: &str) -> Linted<Block> {
    read_block(file, source, true)
}

fn read_block(file: &str, source: &str, lint: bool) -> Linted<Block> {
    let mut checker = Checker::new(file, source);
    checker.block_mode = true;
    checker.lint = lint;
    let raw = match toml::from_str::<RawBlock>(source) {
        Ok(raw) => raw,
        Err(e) => {
            checker.toml_error(&e);
            return (Err(checker.issues), Vec::new());
        }
    };
    let block = checker.block(&raw);
    checker.finish_with_warnings(block)
}

struct Checker<'a> {
    file: &'a str,
    src: &'a str,
    issues: Vec<GuideIssue>,
    /// The step being read: a problem with no span of its own (a missing key) points here.
    here: Option<Range<usize>>,
    /// Reading a block file: steps follow each other, and `next` is not theirs to say.
    block_mode: bool,
    /// Also looking for what reads badly (`guides check`), into `warnings`.
    lint: bool,
    warnings: Vec<GuideIssue>,
}

/// Keys each step kind may carry (besides `id` and `kind`).
fn allowed_keys(kind: &str) -> &'static [&'static str] {
    match kind {
        "choice" => &["question", "help", "label", "choices", "default"],
        "input" => &[
            "question", "help", "label", "type", "required", "linkable", "privacy", "next",
        ],
        "info" => &["text", "next"],
        "check" => &[
            "label",
            "text",
            "question",
            "fixed",
            "next",
            "compare",
            "unconfigured",
        ],
        "include" => &["block", "next", "only"],
        _ => &["outcome", "text", "urgent", "needs", "summary"],
    }
}

impl<'a> Checker<'a> {
    fn new(file: &'a str, src: &'a str) -> Checker<'a> {
        Checker {
            file,
            src,
            issues: Vec::new(),
            here: None,
            block_mode: false,
            lint: false,
            warnings: Vec::new(),
        }
    }

    fn toml_error(&mut self, e: &toml::de::Error) {
        let message = e.message().trim().to_string();
        self.push(e.span(), IssueKind::Toml { message });
    }

    /// What was built (or every problem), and the warnings, each in file order.
    fn finish_with_warnings<T>(mut self, built: Option<T>) -> Linted<T> {
        let mut warnings = std::mem::take(&mut self.warnings);
        warnings.sort_by(|a, b| a.location.cmp(&b.location));
        warnings.dedup();
        (self.result(built), warnings)
    }

    /// What was built, when nothing was wrong; else every problem, in file order.
    fn result<T>(mut self, built: Option<T>) -> Result<T, Vec<GuideIssue>> {
        match built {
            Some(built) if self.issues.is_empty() => Ok(built),
            _ => {
                self.issues.sort_by(|a, b| a.location.cmp(&b.location));
                self.issues.dedup();
                Err(self.issues)
            }
        }
    }
}

impl Checker<'_> {
    /// A required key is absent; reported at the step being read, or the top of the file.
    fn missing(&mut self, key: &'static str, context: impl Into<String>) {
        self.push(
            None,
            IssueKind::MissingKey {
                key,
                context: context.into(),
            },
        );
    }

    fn push(&mut self, span: Option<Range<usize>>, kind: IssueKind) {
        let location = Location::of_span(self.file, self.src, span.or_else(|| self.here.clone()));
        self.issues.push(GuideIssue { location, kind });
    }

    /// Something that works but reads badly; only when linting.
    fn warn(&mut self, span: Option<Range<usize>>, kind: IssueKind) {
        if self.lint {
            let location =
                Location::of_span(self.file, self.src, span.or_else(|| self.here.clone()));
            self.warnings.push(GuideIssue { location, kind });
        }
    }

    fn guide(&mut self, raw: &RawGuide, origin: Source) -> Option<Guide> {
        self.schema(raw.schema.as_ref());
        let id = self.guide_id(raw.id.as_ref());
        let group = self.group(raw.group.as_ref());
        let title = self.text(raw.title.as_ref(), "title", "the guide");
        let summary = self.text(raw.summary.as_ref(), "summary", "the guide");
        let aliases = self.words(raw.aliases.as_ref(), "aliases");
        let keywords = self.words(raw.keywords.as_ref(), "keywords");
        let report_summary = raw.report.as_ref().and_then(|r| {
            r.summary
                .as_ref()
                .map(|s| self.text(Some(s), "report.summary", "the report"))
        });
        let layout = self.layout(&raw.steps);
        let steps = self.steps(&layout);
        let start = self.target(raw.start.as_ref(), "start", "the guide", &layout.index);
        let guide = Guide {
            id: id?,
            group: group?,
            title: title?,
            summary: summary?,
            aliases,
            keywords,
            urgent: raw.urgent,
            start: start?,
            steps: steps?,
            needs: Vec::new(),
            report_summary: report_summary.flatten(),
            source: origin,
            location: Location::of_span(self.file, self.src, raw.id.as_ref().map(Spanned::span)),
        };
        self.finish(guide, raw, &layout)
    }

    /// The rules that need a complete structure: needs, placeholders and the graph.
    fn finish(&mut self, mut guide: Guide, raw: &RawGuide, layout: &Layout<'_>) -> Option<Guide> {
        if guide.steps.is_empty() {
            self.missing("steps", "the guide");
            return None;
        }
        guide.needs = self.needs(raw.needs.as_deref().unwrap_or_default(), &guide)?;
        let mut ends_ok = true;
        for (i, slot) in layout.slots.iter().enumerate() {
            if let Some(needs) = slot.raw().and_then(|s| s.needs.as_ref()) {
                match self.needs(needs.get_ref(), &guide) {
                    Some(n) => set_ending_needs(&mut guide.steps[i], n),
                    None => ends_ok = false,
                }
            }
        }
        self.compared_inputs(&guide, layout);
        self.placeholders(&guide, raw, layout);
        if !ends_ok || !self.issues.is_empty() {
            return None;
        }
        self.graph(&guide, layout);
        if self.lint && self.issues.is_empty() {
            self.lint_graph(&guide, layout);
        }
        Some(guide)
    }

    /// A block file: a name and questions asked in order.
    fn block(&mut self, raw: &RawBlock) -> Option<Block> {
        self.schema(raw.schema.as_ref());
        let name = self.id_value(raw.block.as_ref(), "block", "the block");
        if raw.steps.is_empty() {
            self.missing("steps", "the block");
        }
        let mut seen = HashSet::new();
        let mut steps = Vec::new();
        for step in &raw.steps {
            if let Some(id) = &step.get_ref().id
                && !seen.insert(id.get_ref().as_str())
            {
                let kind = IssueKind::DuplicateStep {
                    id: id.get_ref().clone(),
                };
                self.push(Some(id.span()), kind);
            }
            steps.push(self.step(step, &HashMap::new()));
        }
        let name = name?;
        let mut steps: Vec<Step> = steps.into_iter().collect::<Option<_>>()?;
        for step in &mut steps {
            step.block = Some(name.clone());
        }
        Some(Block { name, steps })
    }

    fn schema(&mut self, schema: Option<&S<i64>>) {
        match schema {
            None => self.missing("schema", "the guide"),
            Some(s) if *s.get_ref() != SCHEMA => self.push(
                Some(s.span()),
                IssueKind::BadValue {
                    key: "schema",
                    value: s.get_ref().to_string(),
                    expected: "1",
                },
            ),
            Some(_) => {}
        }
    }

    fn group(&mut self, group: Option<&S<String>>) -> Option<Group> {
        let Some(group) = group else {
            self.missing("group", "the guide");
            return None;
        };
        let found = Group::from_name(group.get_ref());
        if found.is_none() {
            self.push(
                Some(group.span()),
                IssueKind::BadValue {
                    key: "group",
                    value: group.get_ref().clone(),
                    expected: "payments, money, account or other",
                },
            );
        }
        found
    }

    /// An id: lowercase ASCII letters, digits and `-`, starting with a letter.
    fn id_value(
        &mut self,
        id: Option<&S<String>>,
        key: &'static str,
        context: &str,
    ) -> Option<String> {
        let Some(id) = id else {
            self.missing(key, context);
            return None;
        };
        if !is_valid_id(id.get_ref()) {
            let expected = "lowercase letters, digits and '-', starting with a letter";
            let value = id.get_ref().clone();
            self.push(
                Some(id.span()),
                IssueKind::BadValue {
                    key,
                    value,
                    expected,
                },
            );
            return None;
        }
        Some(id.get_ref().clone())
    }

    /// The guide's own id: an id that is also free to be a command name.
    fn guide_id(&mut self, id: Option<&S<String>>) -> Option<String> {
        let value = self.id_value(id, "id", "the guide")?;
        if names::is_reserved(&value) {
            let span = id.map(Spanned::span);
            self.push(span, IssueKind::ReservedName { name: value });
            return None;
        }
        Some(value)
    }

    fn text(&mut self, raw: Option<&S<RawText>>, key: &'static str, context: &str) -> Option<Text> {
        let Some(raw) = raw else {
            self.missing(key, context);
            return None;
        };
        let text: &RawText = raw.get_ref();
        // Only long texts may have paragraphs; a question, a label or a title is one line.
        let newlines = matches!(key, "text" | "help");
        let place = Place::of(key, context);
        let mut pick = |lang: Lang, value: &Option<S<String>>| match value {
            Some(v) if !v.get_ref().trim().is_empty() => {
                self.forbid_controls(v, &format!("{key}.{}", lang.code()), newlines);
                self.text_placeholders(v, place);
                if lang == Lang::Zh {
                    self.lint_chinese(v);
                }
                Some(v.get_ref().clone())
            }
            Some(v) => {
                let kind = IssueKind::MissingTranslation {
                    key: key.into(),
                    lang,
                };
                self.push(Some(v.span()), kind);
                None
            }
            None => {
                let kind = IssueKind::MissingTranslation {
                    key: key.into(),
                    lang,
                };
                self.push(Some(raw.span()), kind);
                None
            }
        };
        let en = pick(Lang::En, &text.en);
        let zh = pick(Lang::Zh, &text.zh);
        let regional = self.region_variants(text, key, context, newlines);
        Some(Text {
            en: en?,
            zh: zh?,
            regional,
        })
    }

    /// A text's region variants (`text.zh-cn`). The guide's own title and summary have none:
    /// `list` and search show them the same everywhere.
    fn region_variants(
        &mut self,
        text: &RawText,
        key: &str,
        context: &str,
        newlines: bool,
    ) -> Vec<(Lang, Region, String)> {
        let mut regional = Vec::new();
        for (lang, region, value) in text.variants() {
            let name = format!("{key}.{}-{}", lang.code(), region.name());
            if context == "the guide" {
                let kind = IssueKind::RegionNotAllowed { key: name };
                self.push(Some(value.span()), kind);
            } else if value.get_ref().trim().is_empty() {
                let kind = IssueKind::MissingTranslation { key: name, lang };
                self.push(Some(value.span()), kind);
            } else {
                self.forbid_controls(value, &name, newlines);
                self.text_placeholders(value, Place::of(key, context));
                if lang == Lang::Zh {
                    self.lint_chinese(value);
                }
                regional.push((lang, region, value.get_ref().clone()));
            }
        }
        self.lint_variants(text, key);
        regional
    }

    fn words(&mut self, raw: Option<&S<RawWords>>, key: &'static str) -> Words {
        let Some(raw) = raw else {
            return Words::default();
        };
        let clean = |list: &[S<String>]| {
            list.iter()
                .map(|w| w.get_ref().trim().to_string())
                .collect()
        };
        for w in raw.get_ref().en.iter().chain(&raw.get_ref().zh) {
            if key == "aliases" && !w.get_ref().trim().is_empty() {
                self.alias(w);
            } else {
                self.forbid_controls(w, key, false);
            }
            if w.get_ref().trim().is_empty() {
                let expected = "a word or phrase";
                self.push(
                    Some(w.span()),
                    IssueKind::BadValue {
                        key,
                        value: String::new(),
                        expected,
                    },
                );
            }
        }
        Words {
            en: clean(&raw.get_ref().en),
            zh: clean(&raw.get_ref().zh),
        }
    }

    /// The `{…}` in a text: in what the user reads, the provider's settings
    /// (`{support.phone}`); in a report summary, answers (`{amount}`, checked once the steps
    /// are known); in the guide's title and summary, nothing.
    fn text_placeholders(&mut self, value: &S<String>, place: Place) {
        let text = value.get_ref();
        for (offset, inside) in braces(text) {
            let (name, fallback) = provider::split(inside);
            let kind = if place == Place::Header {
                IssueKind::PlaceholderNotHere {
                    name: name.into(),
                    why: "a guide's title and summary are shown as written",
                }
            } else if !provider::is_provider_name(name) {
                if place == Place::Summary {
                    continue;
                }
                IssueKind::PlaceholderNotHere {
                    name: name.into(),
                    why: "only report summaries fill in answers",
                }
            } else if place == Place::Summary {
                IssueKind::PlaceholderNotHere {
                    name: name.into(),
                    why: "a report goes to support, who know their own channels",
                }
            } else if !provider::is_known(name) {
                IssueKind::UnknownProviderPlaceholder {
                    name: name.into(),
                    known: provider::names(),
                }
            } else if fallback.is_some_and(|f| f.contains(['{', '|']) || f.trim().is_empty()) {
                IssueKind::BadValue {
                    key: "placeholder",
                    value: inside.into(),
                    expected: "`{name|what to say when it is not set}`",
                }
            } else {
                continue;
            };
            let at = self.offset_in_string(value.span(), text, offset);
            self.push(Some(at..at), kind);
        }
    }

    /// An alias becomes a subcommand: it may not pass for an option or a built-in command.
    fn alias(&mut self, alias: &S<String>) {
        let name = alias.get_ref().trim();
        let kind = if names::is_reserved(name) {
            IssueKind::ReservedName { name: name.into() }
        } else if names::is_command_name(name) {
            return;
        } else {
            IssueKind::BadValue {
                key: "aliases",
                value: name.into(),
                expected: names::NAME_RULE,
            }
        };
        self.push(Some(alias.span()), kind);
    }

    /// Text reaches the terminal as it is: no control character, escape or bidi control.
    fn forbid_controls(&mut self, value: &S<String>, key: &str, newlines: bool) {
        let Some((offset, c)) = names::forbidden_char(value.get_ref(), newlines) else {
            return;
        };
        let kind = IssueKind::ForbiddenChar {
            key: key.to_string(),
            code: u32::from(c),
            what: names::describe(c),
        };
        let span = value.span();
        let at = self.offset_in_string(span.clone(), value.get_ref(), offset);
        self.push(Some(at..at), kind);
    }

    /// Where byte `offset` of a string value is in the file: exact when the value is written
    /// without escapes, else the start of the string.
    fn offset_in_string(&self, span: Range<usize>, value: &str, offset: usize) -> usize {
        let literal = self.src.get(span.clone()).unwrap_or_default();
        let inner = literal
            .strip_prefix('"')
            .and_then(|l| l.strip_suffix('"'))
            .or_else(|| {
                literal
                    .strip_prefix('\'')
                    .and_then(|l| l.strip_suffix('\''))
            });
        match inner {
            Some(inner) if inner == value => span.start + 1 + offset,
            _ => span.start,
        }
    }

    fn target(
        &mut self,
        target: Option<&S<String>>,
        key: &'static str,
        context: &str,
        index: &HashMap<String, usize>,
    ) -> Option<usize> {
        if self.block_mode && key == "next" {
            // A block's steps lead to the one after them; the include says where the last goes.
            if let Some(target) = target {
                self.push(Some(target.span()), IssueKind::NextInBlock);
            }
            return Some(0);
        }
        let Some(target) = target else {
            self.missing(key, context);
            return None;
        };
        let found = index.get(target.get_ref()).copied();
        if found.is_none() {
            let kind = IssueKind::UnknownTarget {
                key,
                target: target.get_ref().clone(),
            };
            self.push(Some(target.span()), kind);
        }
        found
    }

    /// Every step in layout order: a guide's own, and each included block's in its place.
    fn steps(&mut self, layout: &Layout<'_>) -> Option<Vec<Step>> {
        let mut steps = Vec::with_capacity(layout.slots.len());
        for (i, slot) in layout.slots.iter().enumerate() {
            steps.push(match slot {
                Slot::Own(raw) => self.step(raw, &layout.index),
                Slot::Shared {
                    include,
                    step,
                    last,
                } => {
                    let next = if *last {
                        self.include_next(include, &layout.index)
                    } else {
                        Some(i + 1)
                    };
                    next.map(|next| layout::leading_to(step, next))
                }
            });
        }
        steps.into_iter().collect()
    }

    fn step(&mut self, raw: &S<RawStep>, index: &HashMap<String, usize>) -> Option<Step> {
        let span = raw.span();
        self.here = Some(span.clone());
        let built = self.step_kind(raw, index);
        self.here = None;
        built
    }

    fn step_kind(&mut self, raw: &S<RawStep>, index: &HashMap<String, usize>) -> Option<Step> {
        let span = raw.span();
        let step = raw.get_ref();
        let id = self.id_value(step.id.as_ref(), "id", "a step");
        let context = format!("step `{}`", id.as_deref().unwrap_or("?"));
        let Some(kind) = &step.kind else {
            self.issues.push(GuideIssue {
                location: Location::at(self.file, self.src, span.start),
                kind: IssueKind::MissingKey {
                    key: "kind",
                    context,
                },
            });
            return None;
        };
        let kind_name = kind.get_ref().as_str();
        let (kinds, expected): (&[&str], _) = if self.block_mode {
            let expected = "choice, input or info (a block holds questions asked in order)";
            (&["choice", "input", "info"], expected)
        } else {
            let expected = "choice, input, info, check, end or include";
            (&["choice", "input", "info", "check", "end"], expected)
        };
        if !kinds.contains(&kind_name) {
            let value = kind_name.to_string();
            self.push(
                Some(kind.span()),
                IssueKind::BadValue {
                    key: "kind",
                    value,
                    expected,
                },
            );
            return None;
        }
        self.disallowed_keys(step, kind_name);
        let step_kind = match kind_name {
            "choice" => self.choice(step, &context, index).map(StepKind::Choice),
            "input" => self
                .input(step, &context, id.as_deref(), index)
                .map(StepKind::Input),
            "info" => self.info(step, &context, index).map(StepKind::Info),
            "check" => self.check(step, &context, index).map(StepKind::Check),
            _ => self.ending(step, &context).map(StepKind::End),
        };
        Some(Step {
            id: id?,
            kind: step_kind?,
            block: None,
        })
    }

    fn disallowed_keys(&mut self, step: &RawStep, kind: &str) {
        let allowed = allowed_keys(kind);
        for (key, span) in step.present_keys() {
            if !allowed.contains(&key) {
                self.push(
                    Some(span),
                    IssueKind::NotAllowed {
                        key,
                        kind: kind.to_string(),
                    },
                );
            }
        }
    }

    fn choice(
        &mut self,
        step: &RawStep,
        ctx: &str,
        index: &HashMap<String, usize>,
    ) -> Option<ChoiceStep> {
        let question = self.text(step.question.as_ref(), "question", ctx);
        let help = step.help.as_ref().map(|h| self.text(Some(h), "help", ctx));
        let step_id = step
            .id
            .as_ref()
            .map_or("?", |s| s.get_ref().as_str())
            .to_string();
        let choices = match &step.choices {
            None => {
                self.missing("choices", ctx);
                None
            }
            Some(list) if list.get_ref().is_empty() => {
                self.push(
                    Some(list.span()),
                    IssueKind::NoChoices {
                        step: step_id.clone(),
                    },
                );
                None
            }
            Some(list) => self.choice_list(list.get_ref(), &step_id, index),
        };
        let label = step
            .label
            .as_ref()
            .and_then(|l| self.text(Some(l), "label", ctx));
        let choices = choices?;
        let default = match &step.default {
            None => None,
            Some(d) => Some(self.default_choice(d, &choices)?),
        };
        Some(ChoiceStep {
            question: question?,
            help: help.flatten(),
            label,
            choices,
            default,
        })
    }

    /// The choice a script takes when it has no answer: one of the step's own.
    fn default_choice(&mut self, default: &S<String>, choices: &[Choice]) -> Option<usize> {
        let found = choices.iter().position(|c| &c.id == default.get_ref());
        if found.is_none() {
            let kind = IssueKind::BadValue {
                key: "default",
                value: default.get_ref().clone(),
                expected: "the id of one of the step's choices",
            };
            self.push(Some(default.span()), kind);
        }
        found
    }

    fn choice_list(
        &mut self,
        list: &[S<RawChoice>],
        step: &str,
        index: &HashMap<String, usize>,
    ) -> Option<Vec<Choice>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for raw in list {
            let c = raw.get_ref();
            let id = self.id_value(c.id.as_ref(), "id", "a choice");
            if let (Some(id), Some(span)) = (&id, c.id.as_ref().map(Spanned::span))
                && !seen.insert(id.clone())
            {
                let kind = IssueKind::DuplicateChoice {
                    step: step.into(),
                    choice: id.clone(),
                };
                self.push(Some(span), kind);
            }
            let ctx = format!("choice `{}`", id.as_deref().unwrap_or("?"));
            let label = self.text(c.label.as_ref(), "label", &ctx);
            let next = self.target_at(c.next.as_ref(), "next", &ctx, raw.span(), index);
            out.push(Some(Choice {
                id: id?,
                label: label?,
                next: next?,
            }));
        }
        out.into_iter().collect()
    }

    /// Like `target`, but a missing key is reported at the table that lacks it.
    fn target_at(
        &mut self,
        target: Option<&S<String>>,
        key: &'static str,
        ctx: &str,
        table: Range<usize>,
        index: &HashMap<String, usize>,
    ) -> Option<usize> {
        if target.is_none() && !self.block_mode {
            self.push(
                Some(table),
                IssueKind::MissingKey {
                    key,
                    context: ctx.into(),
                },
            );
            return None;
        }
        self.target(target, key, ctx, index)
    }

    fn input(
        &mut self,
        step: &RawStep,
        ctx: &str,
        id: Option<&str>,
        index: &HashMap<String, usize>,
    ) -> Option<InputStep> {
        let input_type = self.input_type(step, ctx, id.unwrap_or("?"));
        let question = self.text(step.question.as_ref(), "question", ctx);
        let help = step
            .help
            .as_ref()
            .and_then(|h| self.text(Some(h), "help", ctx));
        let label = self.text(step.label.as_ref(), "label", ctx);
        let next = self.target(step.next.as_ref(), "next", ctx, index);
        // Help may warn about secrets ("support never asks for your password"); the
        // question and the label are what the user answers.
        for (text, raw) in [(&question, &step.question), (&label, &step.label)] {
            self.secret_wording(text.as_ref(), raw.as_ref(), input_type, id.unwrap_or("?"));
        }
        let privacy = self.privacy(step, input_type);
        let input_type = input_type?;
        Some(InputStep {
            question: question?,
            help,
            label: label?,
            input_type,
            required: step.required.as_ref().is_none_or(|r| *r.get_ref()),
            linkable: step.linkable.as_ref().is_some_and(|l| *l.get_ref()),
            privacy: privacy?,
            next: next?,
        })
    }

    /// The step's `privacy`, or its type's default; `None` when it is not a known one.
    fn privacy(&mut self, step: &RawStep, input_type: Option<InputType>) -> Option<Privacy> {
        let Some(raw) = &step.privacy else {
            return input_type.map(Privacy::default_for);
        };
        let found = Privacy::from_name(raw.get_ref());
        if found.is_none() {
            self.push(
                Some(raw.span()),
                IssueKind::BadValue {
                    key: "privacy",
                    value: raw.get_ref().clone(),
                    expected: Privacy::NAMES,
                },
            );
        }
        found
    }

    fn input_type(&mut self, step: &RawStep, ctx: &str, id: &str) -> Option<InputType> {
        let Some(raw) = &step.input_type else {
            self.missing("type", ctx);
            return None;
        };
        let name = raw.get_ref().as_str();
        let found = InputType::from_name(name);
        if found.is_none() {
            let kind = match secret_type(name) {
                Some(what) => IssueKind::AsksForSecret {
                    step: id.into(),
                    what: format!("type `{what}`"),
                },
                None => IssueKind::BadValue {
                    key: "type",
                    value: name.into(),
                    expected: "text, transaction-id, datetime, amount, phone, email, card-last4 or number",
                },
            };
            self.push(Some(raw.span()), kind);
        }
        found
    }

    fn secret_wording(
        &mut self,
        text: Option<&Text>,
        raw: Option<&S<RawText>>,
        ty: Option<InputType>,
        id: &str,
    ) {
        let (Some(text), Some(raw)) = (text, raw) else {
            return;
        };
        // Every language and every region's variant: none may ask for a secret.
        for (_, _, wording) in text.all() {
            if let Some(phrase) = secret_wording(wording, ty) {
                let what = format!("the wording \"{phrase}\"");
                self.push(
                    Some(raw.span()),
                    IssueKind::AsksForSecret {
                        step: id.into(),
                        what,
                    },
                );
                return;
            }
        }
    }

    fn info(
        &mut self,
        step: &RawStep,
        ctx: &str,
        index: &HashMap<String, usize>,
    ) -> Option<InfoStep> {
        let text = self.text(step.text.as_ref(), "text", ctx);
        let next = self.target(step.next.as_ref(), "next", ctx, index);
        Some(InfoStep {
            text: text?,
            next: next?,
        })
    }

    fn check(
        &mut self,
        step: &RawStep,
        ctx: &str,
        index: &HashMap<String, usize>,
    ) -> Option<CheckStep> {
        let label = self.text(step.label.as_ref(), "label", ctx);
        let text = self.text(step.text.as_ref(), "text", ctx);
        let question = step
            .question
            .as_ref()
            .and_then(|q| self.text(Some(q), "question", ctx));
        let fixed = self.target(step.fixed.as_ref(), "fixed", ctx, index);
        let next = self.target(step.next.as_ref(), "next", ctx, index);
        let compare = match (&step.compare, &step.unconfigured) {
            (None, None) => Some(None),
            (Some(_), _) => {
                let input = self.target(step.compare.as_ref(), "compare", ctx, index);
                let unconfigured =
                    self.target(step.unconfigured.as_ref(), "unconfigured", ctx, index);
                input.zip(unconfigured).map(|(input, unconfigured)| {
                    Some(Compare {
                        input,
                        unconfigured,
                    })
                })
            }
            (None, Some(_)) => {
                self.missing("compare", ctx);
                None
            }
        };
        Some(CheckStep {
            label: label?,
            text: text?,
            question,
            fixed: fixed?,
            next: next?,
            compare: compare?,
        })
    }

    fn ending(&mut self, step: &RawStep, ctx: &str) -> Option<Ending> {
        let text = self.text(step.text.as_ref(), "text", ctx);
        let summary = step
            .summary
            .as_ref()
            .and_then(|s| self.text(Some(s), "summary", ctx));
        let outcome = match &step.outcome {
            None => {
                self.missing("outcome", ctx);
                None
            }
            Some(o) => match o.get_ref().as_str() {
                "resolved" => Some(Outcome::Resolved),
                "contact-support" => Some(Outcome::ContactSupport),
                other => {
                    let expected = "resolved or contact-support";
                    let kind = IssueKind::BadValue {
                        key: "outcome",
                        value: other.into(),
                        expected,
                    };
                    self.push(Some(o.span()), kind);
                    None
                }
            },
        };
        Some(Ending {
            outcome: outcome?,
            text: text?,
            urgent: step.urgent.as_ref().is_some_and(|u| *u.get_ref()),
            needs: None,
            summary,
        })
    }

    /// Resolves a `needs` list to input steps.
    fn needs(&mut self, needs: &[S<String>], guide: &Guide) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        let mut ok = true;
        for need in needs {
            match guide.step_index(need.get_ref()) {
                Some(i) if matches!(guide.steps[i].kind, StepKind::Input(_)) => out.push(i),
                Some(_) => {
                    let kind = IssueKind::NotAnInput {
                        key: "needs",
                        step: need.get_ref().clone(),
                    };
                    self.push(Some(need.span()), kind);
                    ok = false;
                }
                None => {
                    let kind = IssueKind::UnknownTarget {
                        key: "needs",
                        target: need.get_ref().clone(),
                    };
                    self.push(Some(need.span()), kind);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// A compare check compares an input's answer, so `compare` must name an input step.
    fn compared_inputs(&mut self, guide: &Guide, layout: &Layout<'_>) {
        for (step, slot) in guide.steps.iter().zip(&layout.slots) {
            let Some(raw_step) = slot.own() else {
                continue;
            };
            let StepKind::Check(CheckStep {
                compare: Some(cmp), ..
            }) = &step.kind
            else {
                continue;
            };
            if !matches!(guide.steps[cmp.input].kind, StepKind::Input(_)) {
                let span = raw_step.get_ref().compare.as_ref().map(Spanned::span);
                let kind = IssueKind::NotAnInput {
                    key: "compare",
                    step: guide.steps[cmp.input].id.clone(),
                };
                self.push(span, kind);
            }
        }
    }

    fn placeholders(&mut self, guide: &Guide, raw: &RawGuide, layout: &Layout<'_>) {
        let mut templates: Vec<(&Text, &S<RawText>)> = Vec::new();
        if let (Some(t), Some(r)) = (
            &guide.report_summary,
            raw.report.as_ref().and_then(|r| r.summary.as_ref()),
        ) {
            templates.push((t, r));
        }
        for (step, slot) in guide.steps.iter().zip(&layout.slots) {
            let Some(raw_step) = slot.own() else {
                continue;
            };
            if let (
                StepKind::End(Ending {
                    summary: Some(t), ..
                }),
                Some(r),
            ) = (&step.kind, &raw_step.get_ref().summary)
            {
                templates.push((t, r));
            }
        }
        for (text, raw_text) in templates {
            for (lang, region, template) in text.all() {
                let span = raw_text.get_ref().value_span(lang, region);
                for name in placeholder_names(template) {
                    if provider::is_provider_name(name) {
                        continue; // reported where the text was read
                    }
                    let fillable = guide.step_index(name).is_some_and(|i| {
                        matches!(
                            guide.steps[i].kind,
                            StepKind::Input(_) | StepKind::Choice(_)
                        )
                    });
                    if !fillable {
                        let kind = IssueKind::UnknownPlaceholder {
                            name: name.to_string(),
                        };
                        self.push(Some(span.clone().unwrap_or_else(|| raw_text.span())), kind);
                    }
                }
            }
        }
    }
}

fn set_ending_needs(step: &mut Step, needs: Vec<usize>) {
    if let StepKind::End(ending) = &mut step.kind {
        ending.needs = Some(needs);
    }
}

/// Where a text is shown, for what its placeholders may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// The guide's title and summary: listed and searched as written.
    Header,
    /// A report summary: filled with answers, read by support.
    Summary,
    /// Everything the user reads while walking the guide.
    Shown,
}

impl Place {
    fn of(key: &str, context: &str) -> Place {
        match (key, context) {
            (_, "the guide") => Place::Header,
            ("summary" | "report.summary", _) => Place::Summary,
            _ => Place::Shown,
        }
    }
}

/// Each `{…}` in `text`: the byte offset of its `{` and what is inside.
fn braces(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(open) = text.get(at..).and_then(|rest| rest.find('{')) {
        let start = at + open;
        let Some(len) = text.get(start + 1..).and_then(|rest| rest.find('}')) else {
            break;
        };
        if let Some(inside) = text.get(start + 1..start + 1 + len) {
            found.push((start, inside));
        }
        at = start + 1 + len + 1;
    }
    found
}

/// The `{name}` placeholders in a template.
pub fn placeholder_names(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}
