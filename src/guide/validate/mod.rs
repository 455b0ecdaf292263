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
mod steps;
mod texts;

pub use texts::placeholder_names;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::block::Block;
use super::names::{self, is_valid_id};
use super::raw::{RawBlock, RawGuide, RawStep, S};
use super::{CheckStep, Group, Guide, GuideIssue, IssueKind, Linted, Source, Step, StepKind};
use crate::location::Location;
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
            let Some(needs) = slot.raw().and_then(|s| s.needs.as_ref()) else {
                continue;
            };
            let Some(needs) = self.needs(needs.get_ref(), &guide) else {
                ends_ok = false;
                continue;
            };
            // There is one step per slot.
            if let Some(step) = guide.steps.get_mut(i) {
                set_ending_needs(step, needs);
            }
        }
        self.compared_inputs(&guide, layout);
        self.placeholders(&guide, raw, layout);
        // An id that was claimed but names no step (an include whose block could not be
        // read) has its own problem already; the graph needs every index in range.
        if !ends_ok || !self.issues.is_empty() || !guide.indices_in_range() {
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

    /// Resolves a `needs` list to input steps.
    fn needs(&mut self, needs: &[S<String>], guide: &Guide) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        let mut ok = true;
        for need in needs {
            let found = guide
                .steps
                .iter()
                .enumerate()
                .find(|(_, s)| &s.id == need.get_ref());
            match found {
                Some((i, step)) if matches!(step.kind, StepKind::Input(_)) => out.push(i),
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
            // Out of range only when the compared id names an include that has no steps,
            // which is a problem of its own.
            let Some(input) = guide.steps.get(cmp.input) else {
                continue;
            };
            if !matches!(input.kind, StepKind::Input(_)) {
                let span = raw_step.get_ref().compare.as_ref().map(Spanned::span);
                let kind = IssueKind::NotAnInput {
                    key: "compare",
                    step: input.id.clone(),
                };
                self.push(span, kind);
            }
        }
    }
}

fn set_ending_needs(step: &mut Step, needs: Vec<usize>) {
    if let StepKind::End(ending) = &mut step.kind {
        ending.needs = Some(needs);
    }
}
