//! The texts of a guide: both languages and every region's variant, each free of control
//! characters, with placeholders only where they can be filled; aliases that cannot pass for
//! an option; and where in the file a character of a string is, for exact locations.

use std::ops::Range;

use super::Checker;
use super::layout::Layout;
use crate::guide::names;
use crate::guide::provider;
use crate::guide::raw::{RawGuide, RawText, RawWords, S};
use crate::guide::{Ending, Guide, IssueKind, StepKind};
use crate::lang::{Lang, Text, Words};
use crate::region::Region;

impl Checker<'_> {
    pub(super) fn text(
        &mut self,
        raw: Option<&S<RawText>>,
        key: &'static str,
        context: &str,
    ) -> Option<Text> {
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
                // A warning only: `guides check` looks, a run does not.
                if lang == Lang::Zh && self.lint {
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
    pub(super) fn region_variants(
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
                if lang == Lang::Zh && self.lint {
                    self.lint_chinese(value);
                }
                regional.push((lang, region, value.get_ref().clone()));
            }
        }
        self.lint_variants(text, key);
        regional
    }

    pub(super) fn words(&mut self, raw: Option<&S<RawWords>>, key: &'static str) -> Words {
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
    pub(super) fn alias(&mut self, alias: &S<String>) {
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
    pub(super) fn forbid_controls(&mut self, value: &S<String>, key: &str, newlines: bool) {
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
    pub(super) fn offset_in_string(&self, span: Range<usize>, value: &str, offset: usize) -> usize {
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

    pub(super) fn placeholders(&mut self, guide: &Guide, raw: &RawGuide, layout: &Layout<'_>) {
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
                    let fillable = guide.step_named(name).is_some_and(|step| {
                        matches!(step.kind, StepKind::Input(_) | StepKind::Choice(_))
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
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        names.push(name);
        rest = tail;
    }
    names
}
