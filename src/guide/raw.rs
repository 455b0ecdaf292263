//! The guide file as serde reads it: every key known (`deny_unknown_fields`), every value with
//! its span, almost nothing required, so that `validate` can report all problems at once.

use serde::Deserialize;
use toml::Spanned;

use crate::lang::Lang;
use crate::region::Region;

pub(crate) type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGuide {
    pub schema: Option<S<i64>>,
    pub id: Option<S<String>>,
    pub group: Option<S<String>>,
    pub start: Option<S<String>>,
    #[serde(default)]
    pub urgent: bool,
    pub needs: Option<Vec<S<String>>>,
    pub title: Option<S<RawText>>,
    pub summary: Option<S<RawText>>,
    pub aliases: Option<S<RawWords>>,
    pub keywords: Option<S<RawWords>>,
    pub report: Option<RawReport>,
    #[serde(default)]
    pub steps: Vec<S<RawStep>>,
}

/// A text in both languages, and optionally for readers in one region: `en-uk` is what an
/// English reader in the UK sees instead of `en`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawText {
    pub en: Option<S<String>>,
    pub zh: Option<S<String>>,
    #[serde(rename = "en-cn")]
    pub en_cn: Option<S<String>>,
    #[serde(rename = "zh-cn")]
    pub zh_cn: Option<S<String>>,
    #[serde(rename = "en-us")]
    pub en_us: Option<S<String>>,
    #[serde(rename = "zh-us")]
    pub zh_us: Option<S<String>>,
    #[serde(rename = "en-uk")]
    pub en_uk: Option<S<String>>,
    #[serde(rename = "zh-uk")]
    pub zh_uk: Option<S<String>>,
    #[serde(rename = "en-eu")]
    pub en_eu: Option<S<String>>,
    #[serde(rename = "zh-eu")]
    pub zh_eu: Option<S<String>>,
    #[serde(rename = "en-other")]
    pub en_other: Option<S<String>>,
    #[serde(rename = "zh-other")]
    pub zh_other: Option<S<String>>,
}

impl RawText {
    /// Where the string for `lang` (and `region`, for a variant) is written.
    pub fn value_span(&self, lang: Lang, region: Option<Region>) -> Option<std::ops::Range<usize>> {
        let value = match region {
            None => match lang {
                Lang::En => self.en.as_ref(),
                Lang::Zh => self.zh.as_ref(),
            },
            Some(region) => self
                .variants()
                .find(|(l, r, _)| *l == lang && *r == region)
                .map(|(_, _, v)| v),
        };
        value.map(Spanned::span)
    }

    /// The region variants given, with their language, region and key.
    pub fn variants(&self) -> impl Iterator<Item = (Lang, Region, &S<String>)> {
        use Lang::{En, Zh};
        [
            (En, Region::Cn, &self.en_cn),
            (Zh, Region::Cn, &self.zh_cn),
            (En, Region::Us, &self.en_us),
            (Zh, Region::Us, &self.zh_us),
            (En, Region::Uk, &self.en_uk),
            (Zh, Region::Uk, &self.zh_uk),
            (En, Region::Eu, &self.en_eu),
            (Zh, Region::Eu, &self.zh_eu),
            (En, Region::Other, &self.en_other),
            (Zh, Region::Other, &self.zh_other),
        ]
        .into_iter()
        .filter_map(|(lang, region, value)| value.as_ref().map(|v| (lang, region, v)))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWords {
    #[serde(default)]
    pub en: Vec<S<String>>,
    #[serde(default)]
    pub zh: Vec<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReport {
    pub summary: Option<S<RawText>>,
}

/// One step; which keys a step may have depends on its `kind`, checked in `validate`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStep {
    pub id: Option<S<String>>,
    pub kind: Option<S<String>>,
    pub question: Option<S<RawText>>,
    pub help: Option<S<RawText>>,
    pub text: Option<S<RawText>>,
    pub label: Option<S<RawText>>,
    pub choices: Option<S<Vec<S<RawChoice>>>>,
    #[serde(rename = "type")]
    pub input_type: Option<S<String>>,
    pub required: Option<S<bool>>,
    pub linkable: Option<S<bool>>,
    pub privacy: Option<S<String>>,
    pub next: Option<S<String>>,
    pub fixed: Option<S<String>>,
    pub outcome: Option<S<String>>,
    pub urgent: Option<S<bool>>,
    pub needs: Option<S<Vec<S<String>>>>,
    pub summary: Option<S<RawText>>,
    pub compare: Option<S<String>>,
    pub unconfigured: Option<S<String>>,
    /// On a choice: the choice a script takes when it gives no answer.
    pub default: Option<S<String>>,
    /// On an include: the block whose steps go here.
    pub block: Option<S<String>>,
    /// On an include: the block's questions to ask, when not all of them.
    pub only: Option<S<Vec<S<String>>>>,
}

/// A file of shared steps (`guides/blocks/*.toml`), asked in order wherever a guide
/// includes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBlock {
    pub schema: Option<S<i64>>,
    pub block: Option<S<String>>,
    #[serde(default)]
    pub steps: Vec<S<RawStep>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChoice {
    pub id: Option<S<String>>,
    pub label: Option<S<RawText>>,
    pub next: Option<S<String>>,
}

impl RawStep {
    /// The keys present on this step, with their spans, for the "not allowed here" rule.
    pub fn present_keys(&self) -> Vec<(&'static str, std::ops::Range<usize>)> {
        let mut keys = Vec::new();
        let mut add = |name: &'static str, span: Option<std::ops::Range<usize>>| {
            if let Some(span) = span {
                keys.push((name, span));
            }
        };
        add("question", self.question.as_ref().map(Spanned::span));
        add("help", self.help.as_ref().map(Spanned::span));
        add("text", self.text.as_ref().map(Spanned::span));
        add("label", self.label.as_ref().map(Spanned::span));
        add("choices", self.choices.as_ref().map(Spanned::span));
        add("type", self.input_type.as_ref().map(Spanned::span));
        add("required", self.required.as_ref().map(Spanned::span));
        add("linkable", self.linkable.as_ref().map(Spanned::span));
        add("privacy", self.privacy.as_ref().map(Spanned::span));
        add("next", self.next.as_ref().map(Spanned::span));
        add("fixed", self.fixed.as_ref().map(Spanned::span));
        add("outcome", self.outcome.as_ref().map(Spanned::span));
        add("urgent", self.urgent.as_ref().map(Spanned::span));
        add("needs", self.needs.as_ref().map(Spanned::span));
        add("summary", self.summary.as_ref().map(Spanned::span));
        add("compare", self.compare.as_ref().map(Spanned::span));
        add(
            "unconfigured",
            self.unconfigured.as_ref().map(Spanned::span),
        );
        add("default", self.default.as_ref().map(Spanned::span));
        add("block", self.block.as_ref().map(Spanned::span));
        add("only", self.only.as_ref().map(Spanned::span));
        keys
    }
}
