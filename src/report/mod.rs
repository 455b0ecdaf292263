//! The support report: what a finished walk through a guide becomes, so support can act in
//! one round trip. `build` assembles it; `text`, `markdown` and `json` render it.

pub mod draft;
mod json;
mod markdown;
mod phone;
pub mod prose;
pub mod qr;
mod text;
pub mod verify;
pub mod write;

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use jiff::Zoned;
use schemars::JsonSchema;
use serde::Serialize;

use crate::checks::device::Device;
use crate::checks::official::Verdict;
use crate::config::Config;
use crate::flow::{Answer, Transcript};
use crate::guide::{CheckStep, Guide, InputStep, Outcome, Privacy, StepKind};
use crate::input::{self, InputType, Precision};
use crate::lang::{Lang, Text};
use crate::privacy::{self, Kind};
use crate::region::Region;
pub use phone::Phone;

pub const SCHEMA: &str = "wallet-help.report/1";

/// Report formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

impl Format {
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// A wallet-help support report (`wallet-help.report/1`): what a user's walk through a guide
/// found, redacted and reviewed, for support. Keys may be added; none is ever renamed.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Report {
    pub schema: &'static str,
    pub report_id: String,
    /// Six characters from the report's content, grouped `ABC-123`: an agent reads them back
    /// to confirm they have the same report, in whichever language or format.
    pub verification_code: String,
    pub created_at: String,
    pub language: Lang,
    /// The region whose timelines and regulators the guide's texts used.
    pub region: Region,
    pub guide: GuideRef,
    pub outcome: Outcome,
    pub urgent: bool,
    pub summary: String,
    pub details: Vec<Detail>,
    pub trail: Vec<TrailItem>,
    /// The phone and wallet app where the problem happened, as the user answered.
    pub phone: Phone,
    /// The computer that wrote the report ("Report written on"), never the phone.
    pub device: Device,
    pub redactions: Vec<Redaction>,
    /// What the user should know and support should see: an answer kept as given though it
    /// looks like a secret (a transaction id that passes the card-number test).
    pub warnings: Vec<Warning>,
    pub support: SupportContact,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct GuideRef {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Detail {
    pub id: String,
    pub label: String,
    pub value: String,
    /// The question's input type (SPEC "The report": `details[].type`).
    #[serde(rename = "type")]
    pub input_type: InputType,
    /// For `datetime` and `amount`: `exact`, `approximate` or `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
}

impl Detail {
    /// The value as text and Markdown reports show it: "around 15:00", "time unknown".
    pub fn shown(&self, lang: Lang) -> String {
        input::show(&self.value, self.precision, lang)
    }
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TrailItem {
    pub step: String,
    pub question: String,
    /// The value an answers file would use: a choice id, or `yes`/`no` for a check.
    pub answer: String,
    pub answer_label: String,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Redaction {
    pub question: String,
    pub kind: Kind,
    /// `false` for what might not be a secret (a bare 6-digit number after "code"): a script
    /// removes it anyway; a person is asked at the review.
    pub certain: bool,
    /// What was removed, as typed: in memory only, so the review can ask about an uncertain
    /// finding. Never serialized, never written.
    #[serde(skip)]
    pub original: String,
}

/// A warning the report carries, by question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Warning {
    pub question: String,
    pub kind: WarningKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WarningKind {
    /// A transaction id or reference that passes the card-number test, kept as given because
    /// nobody could confirm it (a script).
    LooksLikeCardNumber,
}

/// Where the report goes, from the provider settings.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct SupportContact {
    pub provider: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// How to reach chat in the app, when the provider says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat: Option<String>,
}

/// Everything a report is made from besides the walk itself.
pub struct Context<'a> {
    pub lang: Lang,
    pub region: Region,
    pub now: &'a Zoned,
    pub device: Device,
    pub config: &'a Config,
    pub review: &'a Review,
}

/// What the user decided at the review, by question id. The default is what a script gets:
/// every detail in, phone numbers and emails in full, every uncertain finding removed, and a
/// transaction id that looks like a card number kept with a warning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    /// Details left out of the report.
    pub dropped: BTreeSet<String>,
    /// Personal details masked (`138****8000`, `j***@example.com`) instead of shown in full.
    pub masked: BTreeSet<String>,
    /// Uncertain findings the user said are not secrets, as `(question id, text as typed)`:
    /// they stay in the report.
    pub kept: BTreeSet<(String, String)>,
    /// Transaction ids (or references) that look like card numbers and that the user confirmed
    /// are the ids: kept, without a warning.
    pub confirmed_ids: BTreeSet<String>,
    /// Transaction ids (or references) that look like card numbers and that the user said are
    /// card numbers: masked to their last 4.
    pub card_answers: BTreeSet<String>,
}

pub fn build(guide: &Guide, transcript: &Transcript, ctx: Context<'_>) -> Report {
    let lang = ctx.lang;
    let StepKind::End(ending) = &guide.step(transcript.ending).kind else {
        unreachable!("a transcript always stops at an ending")
    };
    let (details, redactions) = details(guide, transcript, lang, ctx.review);
    let trail = trail(guide, transcript, lang);
    let summary = summary(
        guide,
        &prose::details(guide, &details, lang, ctx.now.year()),
        ending.summary.as_ref(),
        &trail,
        lang,
    );
    let (phone, details, trail) = phone::split(guide, details, trail);
    let created_at = ctx.now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let mut report = Report {
        schema: SCHEMA,
        report_id: String::new(),
        verification_code: String::new(),
        created_at,
        language: lang,
        region: ctx.region,
        guide: GuideRef {
            id: guide.id.clone(),
            title: guide.title.get(lang).to_string(),
        },
        outcome: ending.outcome,
        urgent: guide.urgent || ending.urgent,
        summary,
        details,
        trail,
        phone,
        device: ctx.device,
        redactions,
        warnings: Vec::new(),
        support: SupportContact {
            provider: ctx.config.provider.clone(),
            email: ctx.config.support.email.clone(),
            website: ctx.config.support.website.clone(),
            chat: ctx.config.support.chat.clone(),
        },
    };
    report.warnings = warnings(guide, transcript, ctx.review);
    report.report_id = report_id(&report, ctx.now);
    report.verification_code = verification_code(&report);
    report
}

/// Input answers in the order they were given; a step answered twice keeps its last answer.
/// Answers are cleaned of control characters and free text is scanned for secrets here, before
/// anything else reads them: the summary is filled from these details, never from the raw
/// answers. Details the user dropped at the review are left out, and personal ones are shown
/// in full unless the user chose to mask them.
fn details(
    guide: &Guide,
    transcript: &Transcript,
    lang: Lang,
    review: &Review,
) -> (Vec<Detail>, Vec<Redaction>) {
    let mut details: Vec<Detail> = Vec::new();
    let mut redactions = Vec::new();
    for entry in &transcript.entries {
        let (StepKind::Input(input), Answer::Input(Some(value))) =
            (&guide.step(entry.step).kind, &entry.answer)
        else {
            continue;
        };
        let id = &guide.step(entry.step).id;
        details.retain(|d| &d.id != id);
        redactions.retain(|r: &Redaction| &r.question != id);
        if review.dropped.contains(id) {
            continue;
        }
        let precision = value.precision;
        let value = privacy::strip_controls(&value.value);
        let (value, changes) = screen(id, input, &value, lang, review);
        redactions.extend(changes.into_iter().map(|change| Redaction {
            question: id.clone(),
            kind: change.kind,
            certain: change.certain,
            original: change.original,
        }));
        let value = if input.privacy == Privacy::Personal && review.masked.contains(id) {
            mask_personal(input, &value, lang)
        } else {
            value
        };
        details.push(Detail {
            id: id.clone(),
            label: input.label.get(lang).to_string(),
            value,
            input_type: input.input_type,
            precision,
        });
    }
    (details, redactions)
}

/// An answer after the scan for secrets its question calls for, and what the scan changed.
/// Free text is scanned (uncertain findings the user kept at the review stay); a transaction
/// id or reference the user said is a card number is masked. Other types are checked by their
/// parsers and hold no secret.
fn screen(
    id: &str,
    input: &InputStep,
    value: &str,
    lang: Lang,
    review: &Review,
) -> (String, Vec<privacy::Change>) {
    if review.card_answers.contains(id) && answers_with_id(input) && privacy::looks_like_card(value)
    {
        let digits: String = value.chars().filter(char::is_ascii_digit).collect();
        let last4 = digits
            .get(digits.len().saturating_sub(4)..)
            .unwrap_or_default();
        let change = privacy::Change {
            kind: Kind::CardNumber,
            certain: true,
            span: 0..value.len(),
            original: value.to_string(),
            replacement: format!("•••• {last4}"),
        };
        return (change.replacement.clone(), vec![change]);
    }
    if input.input_type != InputType::Text {
        return (value.to_string(), Vec::new());
    }
    let scanned = privacy::scan_keeping(value, input.privacy.scan_policy(), |change| {
        review
            .kept
            .contains(&(id.to_string(), change.original.clone()))
    });
    let text = match lang {
        Lang::En => scanned.text,
        Lang::Zh => scanned.text.replace(privacy::REMOVED, privacy::REMOVED_ZH),
    };
    (text, scanned.changes)
}

/// Whether the question asks for a transaction id or a reference, where a card number does not
/// belong.
fn answers_with_id(input: &InputStep) -> bool {
    input.input_type == InputType::TransactionId
        || (input.input_type == InputType::Text && input.privacy == Privacy::Reference)
}

/// Transaction ids and references that look like card numbers, kept as given because nobody
/// confirmed them: support and the user are told. Never silently.
fn warnings(guide: &Guide, transcript: &Transcript, review: &Review) -> Vec<Warning> {
    let mut out: Vec<Warning> = Vec::new();
    for entry in &transcript.entries {
        let (StepKind::Input(input), Answer::Input(Some(value))) =
            (&guide.step(entry.step).kind, &entry.answer)
        else {
            continue;
        };
        let id = &guide.step(entry.step).id;
        out.retain(|w| &w.question != id);
        let undecided = !review.dropped.contains(id)
            && !review.confirmed_ids.contains(id)
            && !review.card_answers.contains(id);
        if undecided && answers_with_id(input) && privacy::looks_like_card(&value.value) {
            out.push(Warning {
                question: id.clone(),
                kind: WarningKind::LooksLikeCardNumber,
            });
        }
    }
    out
}

/// A personal detail the user chose to mask: a phone number or email address with its middle
/// hidden (support can still match the account), other text hidden.
fn mask_personal(input: &InputStep, value: &str, lang: Lang) -> String {
    match input.input_type {
        InputType::Phone => privacy::mask_phone(value),
        InputType::Email => privacy::mask_email(value),
        _ => lang.pick("[hidden]", "[已隐藏]").to_string(),
    }
}

/// Choices made and checks tried, in order.
fn trail(guide: &Guide, transcript: &Transcript, lang: Lang) -> Vec<TrailItem> {
    let yes_no = |fixed: bool| if fixed { "yes" } else { "no" };
    transcript
        .entries
        .iter()
        .filter_map(|entry| {
            let step = guide.step(entry.step);
            let (question, answer, label) = match (&step.kind, &entry.answer) {
                (StepKind::Choice(c), Answer::Choice(i)) => {
                    let choice = c.choices.get(*i)?;
                    (
                        c.label.as_ref().unwrap_or(&c.question).get(lang),
                        choice.id.clone(),
                        choice.label.get(lang).to_string(),
                    )
                }
                (StepKind::Check(c), Answer::Compared(verdict)) => {
                    let label = match verdict {
                        Verdict::Official => labels::OFFICIAL,
                        Verdict::Unofficial => labels::UNOFFICIAL,
                        Verdict::Unconfigured => labels::UNCONFIGURED,
                    };
                    (
                        c.label.get(lang),
                        verdict.name().to_string(),
                        label.get(lang).to_string(),
                    )
                }
                (StepKind::Check(c), Answer::Check(fixed)) => {
                    // A check with its own question ("Does that explain it?") is answered
                    // yes or no; only "Did that fix it?" is answered "fixed it" or not.
                    let label = match (c.question.as_ref(), *fixed) {
                        (None, true) => labels::FIXED.get(lang).to_string(),
                        (None, false) => labels::NOT_FIXED.get(lang).to_string(),
                        (Some(q), fixed) => {
                            let answer = if fixed { labels::YES } else { labels::NO };
                            format!("{} {}", q.get(lang), answer.get(lang))
                        }
                    };
                    (c.label.get(lang), yes_no(*fixed).to_string(), label)
                }
                _ => return None,
            };
            Some(TrailItem {
                step: step.id.clone(),
                question: question.to_string(),
                answer,
                answer_label: label,
            })
        })
        .collect()
}

/// The template with its placeholders filled, then what was already tried.
fn summary(
    guide: &Guide,
    details: &[Detail],
    ending: Option<&Text>,
    trail: &[TrailItem],
    lang: Lang,
) -> String {
    let template = ending.or(guide.report_summary.as_ref());
    let mut summary = match template {
        Some(t) => fill(t.get(lang), details, trail, lang),
        None => format!(
            "{}{}{}",
            guide.title.get(lang),
            lang.pick(": ", "："),
            guide.summary.get(lang)
        ),
    };
    // Steps by id, once: a guide of thousands of checks must not scan itself per check.
    let kinds: HashMap<&str, &StepKind> = guide
        .steps
        .iter()
        .map(|s| (s.id.as_str(), &s.kind))
        .collect();
    let tried: Vec<String> = trail
        .iter()
        .filter(|t| {
            t.answer == "no"
                && matches!(
                    kinds.get(t.step.as_str()),
                    Some(StepKind::Check(CheckStep { compare: None, .. }))
                )
        })
        .map(|t| sentence_case(&t.question, lang))
        .collect();
    if !tried.is_empty() {
        let (lead, sep, end) = match lang {
            Lang::En => (" Already checked, without finding a fix: ", "; ", "."),
            Lang::Zh => ("已自行排查，问题仍未解决：", "；", "。"),
        };
        let _ = write!(summary, "{lead}{}{end}", tried.join(sep));
    }
    summary
}

/// A label inside a sentence: English labels lose their capital ("Checked …" → "checked …").
fn sentence_case(label: &str, lang: Lang) -> String {
    let mut chars = label.chars();
    match (lang, chars.next(), chars.next()) {
        (Lang::En, Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_string(),
    }
}

/// Fills `{step-id}` placeholders: an input's (redacted) answer, or the label of the choice
/// made. A `[…]` segment holding placeholders is dropped when any of them has no value, so
/// optional details vanish instead of reading "not given".
fn fill(template: &str, details: &[Detail], trail: &[TrailItem], lang: Lang) -> String {
    let value = |name: &str| {
        let detail = details
            .iter()
            .find(|d| d.id == name)
            .map(|d| d.value.as_str());
        detail.or_else(|| {
            trail
                .iter()
                .rev()
                .find(|t| t.step == name)
                .map(|t| t.answer_label.as_str())
        })
    };
    let mut out = String::new();
    let mut rest = template;
    while let Some((before, opened)) = rest.split_once('[') {
        let Some((segment, after)) = opened.split_once(']') else {
            break;
        };
        out.push_str(&fill_placeholders(before, &value, lang));
        let names = crate::guide::placeholder_names(segment);
        if names.is_empty() {
            out.push('[');
            out.push_str(segment);
            out.push(']');
        } else if names.iter().all(|n| value(n).is_some()) {
            out.push_str(&fill_placeholders(segment, &value, lang));
        }
        rest = after;
    }
    out.push_str(&fill_placeholders(rest, &value, lang));
    // A quoted answer that ends its own sentence needs no second full stop after the quote.
    for (doubled, single) in [
        (".”.", ".”"),
        (".”。", ".”"),
        ("!”.", "!”"),
        ("?”.", "?”"),
        ("。”。", "。”"),
        ("！”。", "！”"),
        ("？”。", "？”"),
    ] {
        out = out.replace(doubled, single);
    }
    out
}

fn fill_placeholders<'a>(
    text: &str,
    value: &impl Fn(&str) -> Option<&'a str>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some((before, opened)) = rest.split_once('{') {
        let Some((name, after)) = opened.split_once('}') else {
            break;
        };
        out.push_str(before);
        let answer = value(name).unwrap_or(labels::NOT_GIVEN.get(lang));
        out.push_str(&quoted_inside(answer, out.ends_with('“')));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// An answer set inside “…” has its own double quotes turned single (“… ‘code sent’ …”), so
/// the quotes do not nest the same way.
fn quoted_inside(answer: &str, inside_quotes: bool) -> std::borrow::Cow<'_, str> {
    if inside_quotes && answer.contains(['“', '”', '"']) {
        let mut open = false;
        let single: String = answer
            .chars()
            .map(|c| match c {
                '“' => '‘',
                '”' => '’',
                '"' => {
                    open = !open;
                    if open { '‘' } else { '’' }
                }
                c => c,
            })
            .collect();
        std::borrow::Cow::Owned(single)
    } else {
        std::borrow::Cow::Borrowed(answer)
    }
}

/// `WH-YYYYMMDD-XXXXXX`: the date, then six characters derived from the content.
fn report_id(report: &Report, now: &Zoned) -> String {
    // What the user said, not the machine it was said on: the same answers give the same id.
    let content = serde_json::to_string(&(
        &report.guide.id,
        &report.created_at,
        &report
            .details
            .iter()
            .map(|d| (&d.id, &d.value))
            .collect::<Vec<_>>(),
        &report
            .trail
            .iter()
            .map(|t| (&t.step, &t.answer))
            .collect::<Vec<_>>(),
        &report.phone,
    ))
    .unwrap_or_default();
    let code = base32(crc32fast::hash(content.as_bytes()));
    format!("WH-{}-{code}", now.strftime("%Y%m%d"))
}

/// Six characters over what the report says in every format and language: its number and
/// time, whether it is urgent, and the value of every detail (see [`verify`]).
fn verification_code(report: &Report) -> String {
    verify::Fingerprint::of(report).code()
}

/// The report's JSON Schema (2020-12), generated from these types; `docs/report.schema.json`
/// is this, and a test keeps them equal.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Report)).unwrap_or_default()
}

/// Six characters of Crockford's base 32 (no I, L, O or U), easy to read aloud.
#[expect(
    clippy::indexing_slicing,
    reason = "`hash % 32` is below 32, the alphabet's length"
)]
pub(crate) fn base32(mut hash: u32) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut code = String::new();
    for _ in 0..6 {
        code.push(char::from(ALPHABET[(hash % 32) as usize]));
        hash /= 32;
    }
    code
}

/// Labels of the report itself, in both languages.
pub(crate) mod labels {
    use crate::lang::Text;

    pub(crate) struct L {
        pub en: &'static str,
        pub zh: &'static str,
    }

    impl L {
        pub fn get(&self, lang: crate::lang::Lang) -> &'static str {
            lang.pick(self.en, self.zh)
        }
    }

    #[allow(dead_code)]
    fn _text(l: &L) -> Text {
        Text::new(l.en, l.zh)
    }

    pub(crate) const TO: L = L {
        en: "To",
        zh: "收件人",
    };
    pub(crate) const SUBJECT: L = L {
        en: "Subject",
        zh: "主题",
    };
    pub(crate) const NO_ADDRESS: L = L {
        en: "the Help or Contact page inside your wallet app",
        zh: "钱包 App 内的“帮助”或“联系客服”页面",
    };
    pub(crate) const URGENT: L = L {
        en: "URGENT",
        zh: "紧急",
    };
    pub(crate) const SUMMARY: L = L {
        en: "Summary",
        zh: "问题概述",
    };
    pub(crate) const DETAILS: L = L {
        en: "Details",
        zh: "详细信息",
    };
    pub(crate) const TRIED: L = L {
        en: "What I already tried",
        zh: "已尝试的自助排查",
    };
    /// The computer the report was written on: never the phone, which has its own section.
    pub(crate) const DEVICE: L = L {
        en: "Report written on",
        zh: "报告生成于",
    };
    pub(crate) const PHONE: L = L {
        en: "Phone",
        zh: "手机信息",
    };
    pub(crate) const OS: L = L {
        en: "OS",
        zh: "操作系统",
    };
    pub(crate) const ARCH: L = L {
        en: "Architecture",
        zh: "架构",
    };
    pub(crate) const LOCALE: L = L {
        en: "Locale",
        zh: "语言区域",
    };
    pub(crate) const TIMEZONE: L = L {
        en: "Time zone",
        zh: "时区",
    };
    pub(crate) const TOOL: L = L {
        en: "wallet-help",
        zh: "wallet-help 版本",
    };
    pub(crate) const REPORT: L = L {
        en: "Report",
        zh: "报告编号",
    };
    pub(crate) const VERIFICATION: L = L {
        en: "Verification code",
        zh: "核对码",
    };
    pub(crate) const VERIFICATION_HOW: L = L {
        en: "(support can read it back to you to confirm they have this report)",
        zh: "（客服可以向你念出这个码，确认收到的就是这份报告）",
    };
    pub(crate) const CREATED: L = L {
        en: "created",
        zh: "生成于",
    };
    pub(crate) const NOT_GIVEN: L = L {
        en: "not given",
        zh: "未提供",
    };
    pub(crate) const FIXED: L = L {
        en: "fixed it",
        zh: "已解决",
    };
    pub(crate) const NOT_FIXED: L = L {
        en: "did not fix it",
        zh: "未解决",
    };
    pub(crate) const OFFICIAL: L = L {
        en: "matches an official contact",
        zh: "与官方联系方式一致",
    };
    pub(crate) const UNOFFICIAL: L = L {
        en: "matches no official contact",
        zh: "与官方联系方式都不一致",
    };
    pub(crate) const UNCONFIGURED: L = L {
        en: "no official contacts to compare with",
        zh: "没有可比对的官方联系方式",
    };
    pub(crate) const YES: L = L {
        en: "Yes.",
        zh: "是。",
    };
    pub(crate) const NO: L = L {
        en: "No.",
        zh: "否。",
    };
    pub(crate) const DETAIL: L = L {
        en: "Detail",
        zh: "项目",
    };
    pub(crate) const VALUE: L = L {
        en: "Value",
        zh: "内容",
    };
    pub(crate) const PRIVACY: L = L {
        en: "This report contains no password, PIN, code or full card number; support will never ask for them.",
        zh: "本报告不含密码、支付密码、验证码或完整卡号；客服不需要、也不会索要这些信息。",
    };
}

/// The kinds of secret taken out, answer by answer, each answer named once: "a card number and
/// a verification code in “What happened”", "“问题描述”中的银行卡号和验证码".
fn by_answer<'a>(
    redactions: impl Iterator<Item = &'a Redaction>,
    lang: Lang,
    label: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut answers: Vec<(&str, Vec<&str>)> = Vec::new();
    for r in redactions {
        let words = r.kind.words(lang);
        match answers
            .iter_mut()
            .find(|(question, _)| *question == r.question)
        {
            Some((_, kinds)) if kinds.contains(&words) => {}
            Some((_, kinds)) => kinds.push(words),
            None => answers.push((&r.question, vec![words])),
        }
    }
    answers
        .into_iter()
        .map(|(question, kinds)| match lang {
            Lang::En => format!("{} in “{}”", lang.list(&kinds), label(question)),
            Lang::Zh => format!("“{}”中的{}", label(question), lang.list(&kinds)),
        })
        .collect()
}

/// What the user sees on stderr when answers lost a secret, or kept something that looks like
/// one: what, and in which answer.
pub fn receipt(report: &Report, lang: Lang) -> String {
    let label = |id: &str| {
        report
            .details
            .iter()
            .find(|d| d.id == id)
            .map_or(id.to_string(), |d| d.label.clone())
    };
    let mut out = String::new();
    let certain = by_answer(report.redactions.iter().filter(|r| r.certain), lang, label);
    let maybe = by_answer(report.redactions.iter().filter(|r| !r.certain), lang, label);
    if !certain.is_empty() {
        let _ = match lang {
            Lang::En => writeln!(
                out,
                "Privacy: removed or masked {} from the report. Support never needs them.",
                certain.join(", ")
            ),
            Lang::Zh => writeln!(
                out,
                "隐私保护\u{ff1a}已从报告中删除或遮盖{}。客服不需要这些信息。",
                certain.join("、")
            ),
        };
    }
    if !maybe.is_empty() {
        let _ = match lang {
            Lang::En => writeln!(
                out,
                "Privacy: also removed what might be {}, to be safe. If it was not a secret, \
                 run again in a terminal and keep it at the review.",
                maybe.join(", ")
            ),
            Lang::Zh => writeln!(
                out,
                "隐私保护\u{ff1a}为安全起见，还删除了可能是{}的内容。如果不是敏感信息，\
                 可以在终端里重新运行，在预览时选择保留。",
                maybe.join("、")
            ),
        };
    }
    for warning in &report.warnings {
        let _ = match (warning.kind, lang) {
            (WarningKind::LooksLikeCardNumber, Lang::En) => writeln!(
                out,
                "Warning: “{}” looks like a card number. It was kept as given, and the report \
                 says so; if it is a card number, leave it out.",
                label(&warning.question)
            ),
            (WarningKind::LooksLikeCardNumber, Lang::Zh) => writeln!(
                out,
                "注意\u{ff1a}“{}”看起来像银行卡号。已按原样保留，报告中也注明了；\
                 如果它确实是卡号，请不要提供。",
                label(&warning.question)
            ),
        };
    }
    out
}

/// What a warning tells support, in the report's language.
pub fn warning_note(report: &Report, warning: &Warning) -> String {
    let lang = report.language;
    let label = report
        .details
        .iter()
        .find(|d| d.id == warning.question)
        .map_or(warning.question.as_str(), |d| d.label.as_str());
    match (warning.kind, lang) {
        (WarningKind::LooksLikeCardNumber, Lang::En) => {
            format!("“{label}” passes the card-number test; it is given as typed, unconfirmed.")
        }
        (WarningKind::LooksLikeCardNumber, Lang::Zh) => {
            format!("“{label}”符合银行卡号的格式；按用户输入原样提供，未经确认。")
        }
    }
}

/// Where the report goes, for its `To:` line: the provider's support address, else its chat
/// in the app, else its help website, else the wallet app's own Help page.
pub(crate) fn recipient(report: &Report) -> String {
    let lang = report.language;
    let support = &report.support;
    if let Some(email) = &support.email {
        email.clone()
    } else if let Some(chat) = &support.chat {
        match lang {
            Lang::En => format!("the chat in your wallet app ({chat})"),
            Lang::Zh => format!("钱包 App 内的在线客服（{chat}）"),
        }
    } else if let Some(website) = &support.website {
        match lang {
            Lang::En => format!("the help page {website}"),
            Lang::Zh => format!("帮助页面 {website}"),
        }
    } else {
        labels::NO_ADDRESS.get(lang).to_string()
    }
}

/// `[URGENT] [WH-…] Payment failed`: the subject line of the email.
pub fn subject(report: &Report) -> String {
    let urgent = if report.urgent {
        format!("[{}] ", labels::URGENT.get(report.language))
    } else {
        String::new()
    };
    format!("{urgent}[{}] {}", report.report_id, report.guide.title)
}

/// The report in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text::render(report),
        Format::Markdown => markdown::render(report),
        Format::Json => json::render(report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_answer_is_named_once_with_what_it_lost() {
        assert_eq!(Lang::En.list(&["a"]), "a");
        assert_eq!(Lang::En.list(&["a", "b"]), "a and b");
        assert_eq!(Lang::Zh.list(&["甲", "乙", "丙"]), "甲、乙和丙");
        let redaction = |question: &str, kind| Redaction {
            question: question.into(),
            kind,
            certain: true,
            original: String::new(),
        };
        let redactions = [
            redaction("what-happened", Kind::Password),
            redaction("what-happened", Kind::VerificationCode),
            redaction("what-happened", Kind::Password),
            redaction("error-message", Kind::CardNumber),
        ];
        let label = |id: &str| {
            if id == "what-happened" {
                "问题描述"
            } else {
                "错误提示"
            }
            .to_string()
        };
        assert_eq!(
            by_answer(redactions.iter(), Lang::Zh, label),
            ["“问题描述”中的密码和验证码", "“错误提示”中的银行卡号"]
        );
    }

    #[test]
    fn an_answer_quoted_in_a_summary_has_its_own_quotes_turned_single() {
        let said = |name: &str| (name == "what").then_some("it said “验证码已发送” and \"done\"");
        assert_eq!(
            fill_placeholders("原话：“{what}”", &said, Lang::Zh),
            "原话：“it said ‘验证码已发送’ and ‘done’”"
        );
        // Outside quotes, an answer is as it was given.
        assert_eq!(
            fill_placeholders("{what}", &said, Lang::En),
            "it said “验证码已发送” and \"done\""
        );
    }
}
