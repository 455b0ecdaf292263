//! Letters for a case: a polite follow-up to support, and a formal complaint to the next rung
//! of the region's ladder (the provider's formal complaint channel, then the regulator or
//! ombudsman), in the report's language, as text or Markdown.
//!
//! Facts come from the research notes (`domain.md` §4) and are hedged where the notes rate the
//! source as a third party's; a letter never promises an outcome.

use std::fmt::Write as _;

use jiff::Zoned;

use super::deadlines::{self, Deadline, Source};
use super::ladder::{complaint_channel, email_address, regulator};
pub use super::ladder::{next_rung, where_to_send};
use super::{Case, Contact, LetterKind, time};
use crate::lang::Lang;
use crate::report::Format;

/// Rungs of the ladder: support itself, the formal complaint, the regulator.
pub const RUNG_SUPPORT: u8 = 1;
pub const RUNG_COMPLAINT: u8 = 2;
pub const RUNG_REGULATOR: u8 = 3;

/// What a letter needs besides the case.
pub struct LetterContext<'a> {
    pub now: &'a Zoned,
    pub lang: Lang,
    /// The provider's name, when the settings give one.
    pub provider: Option<&'a str>,
    /// Support's email address, when known.
    pub support_email: Option<&'a str>,
    /// The provider's formal complaint channel (`support.complaints`), when known.
    pub complaints: Option<&'a str>,
    /// What the user asks for, already redacted.
    pub remedy: Option<&'a str>,
}

/// A letter ready to render.
pub struct Letter {
    pub kind: LetterKind,
    pub rung: u8,
    /// Who it goes to, in words or as an address (`To:` in the rendered letter).
    pub to: String,
    /// The email address it goes to, when there is one: the `To:` of its email draft.
    pub address: Option<String>,
    pub subject: String,
    blocks: Vec<Block>,
}

enum Block {
    Para(String),
    Heading(String),
    List(Vec<String>),
}

/// `21 Nov 2026, 15:04 (UTC+8)`: when the report went to support.
fn sent(case: &Case, ctx: &LetterContext<'_>) -> String {
    time::human_stored(&case.sent_at, ctx.now, ctx.lang)
}

pub(super) fn provider_or_default<'a>(ctx: &LetterContext<'a>) -> &'a str {
    ctx.provider
        .unwrap_or(ctx.lang.pick("my wallet provider", "钱包服务商"))
}

/// The follow-up: the report id and code, the time passed, what was promised, a question.
pub fn follow_up(case: &Case, ctx: &LetterContext<'_>) -> Letter {
    let lang = ctx.lang;
    let (days, business) = elapsed(case, ctx.now);
    let mut blocks = vec![Block::Para(lang.pick("Hello,", "您好：").to_string())];
    let passed = match (lang, days) {
        (Lang::En, 0) => " That was earlier today.".to_string(),
        (Lang::En, _) => format!(
            " That was {days} day{} ago ({business} business day{}).",
            plural(days),
            plural(business)
        ),
        (Lang::Zh, 0) => "，就在今天".to_string(),
        (Lang::Zh, _) => format!("，至今已过去 {days} 天（{business} 个工作日）"),
    };
    let opening = match lang {
        Lang::En => format!(
            "I am following up on my report {} (verification code {}) about “{}”, sent on {}.{passed}",
            case.report_id,
            case.verification_code,
            case.guide_title,
            sent(case, ctx),
        ),
        Lang::Zh => format!(
            "我于{}提交了关于“{}”的报告（编号 {}，核对码 {}）{passed}。",
            sent(case, ctx),
            case.guide_title,
            case.report_id,
            case.verification_code,
        ),
    };
    blocks.push(Block::Para(opening));
    if !case.contacts.is_empty() {
        blocks.push(Block::Para(
            lang.pick("What has happened since:", "此后的沟通记录：")
                .to_string(),
        ));
        blocks.push(Block::List(
            case.contacts.iter().map(|c| contact_line(c, ctx)).collect(),
        ));
    }
    let lapsed: Vec<Deadline> = deadlines::deadlines(case, ctx.now, lang)
        .into_iter()
        .filter(|d| d.overdue && matches!(d.source, Source::Promise { .. }))
        .collect();
    for d in &lapsed {
        let text = match lang {
            Lang::En => format!(
                "I was told it would be done by {}, and that date has passed without an answer.",
                time::human_date(d.due, lang)
            ),
            Lang::Zh => format!(
                "客服曾承诺在{}前处理完毕，这个日期已经过去，我仍未收到答复。",
                time::human_date(d.due, lang)
            ),
        };
        blocks.push(Block::Para(text));
    }
    let ask = match lang {
        Lang::En => {
            "Could you please tell me where my case stands, and when I can expect it to be resolved? If you need anything else from me, please let me know."
        }
        Lang::Zh => "请告知目前的处理进度，以及预计何时能够解决。如需我补充其他材料，也请告诉我。",
    };
    blocks.push(Block::Para(ask.to_string()));
    if !case.evidence.is_empty() {
        blocks.push(Block::Heading(lang.pick("Attached", "附件").into()));
        blocks.push(Block::List(attachments(case, lang)));
    }
    blocks.push(Block::Para(privacy_line(lang).to_string()));
    blocks.push(Block::Para(lang.pick("Thank you,", "谢谢！").to_string()));
    let subject = match lang {
        Lang::En => format!("Follow-up: [{}] {}", case.report_id, case.guide_title),
        Lang::Zh => format!("跟进：[{}] {}", case.report_id, case.guide_title),
    };
    Letter {
        kind: LetterKind::FollowUp,
        rung: RUNG_SUPPORT,
        to: ctx
            .support_email
            .map_or_else(|| no_address(lang).to_string(), str::to_string),
        address: ctx.support_email.map(str::to_string),
        subject,
        blocks,
    }
}

/// The formal complaint for `rung`: to the provider's complaint channel, or to the regulator.
pub fn escalation(case: &Case, rung: u8, ctx: &LetterContext<'_>) -> Letter {
    let lang = ctx.lang;
    let region = deadlines::region_name(&case.region);
    let provider = provider_or_default(ctx);
    let mut blocks = Vec::new();
    let to_regulator = rung >= RUNG_REGULATOR;
    blocks.push(Block::Para(
        lang.pick("Dear Sir or Madam,", "尊敬的负责人：")
            .to_string(),
    ));
    let opening = match (lang, to_regulator) {
        (Lang::En, false) => format!(
            "I wish to make a formal complaint about “{}”, which I first reported on {} \
             (report {}, verification code {}). Please record this as a formal complaint, give \
             me a complaint reference, and send me your final response in writing.",
            case.guide_title,
            sent(case, ctx),
            case.report_id,
            case.verification_code
        ),
        (Lang::En, true) => format!(
            "I am referring to you my complaint against {provider} about “{}”. I first reported \
             it to them on {} (report {}, verification code {}) and have not had it resolved.",
            case.guide_title,
            sent(case, ctx),
            case.report_id,
            case.verification_code
        ),
        (Lang::Zh, false) => format!(
            "我就“{}”一事正式提出投诉。该问题我已于{}报告（报告编号 {}，核对码 {}）。请将本函登记为正式投诉，告知投诉编号，并以书面形式给出最终答复。",
            case.guide_title,
            sent(case, ctx),
            case.report_id,
            case.verification_code
        ),
        (Lang::Zh, true) => format!(
            "我要投诉{provider}，事由为“{}”。我已于{}向对方报告（报告编号 {}，核对码 {}），至今未获解决。",
            case.guide_title,
            sent(case, ctx),
            case.report_id,
            case.verification_code
        ),
    };
    blocks.push(Block::Para(opening));

    let report = case.report_json();
    if let Some(summary) = report.get("summary").and_then(|s| s.as_str()) {
        blocks.push(Block::Heading(
            lang.pick("What happened", "事情经过").into(),
        ));
        blocks.push(Block::Para(summary.to_string()));
        let details: Vec<String> = report
            .get("details")
            .and_then(|d| d.as_array())
            .into_iter()
            .flatten()
            .filter_map(|d| {
                let label = d.get("label")?.as_str()?;
                let value = d.get("value")?.as_str()?;
                Some(match lang {
                    Lang::En => format!("{label}: {value}"),
                    Lang::Zh => format!("{label}：{value}"),
                })
            })
            .collect();
        if !details.is_empty() {
            blocks.push(Block::List(details));
        }
    }

    blocks.push(Block::Heading(lang.pick("Timeline", "时间线").into()));
    blocks.push(Block::List(timeline(case, ctx)));

    let all = deadlines::deadlines(case, ctx.now, lang);
    blocks.push(Block::Heading(lang.pick("Deadlines", "处理期限").into()));
    let mut lines: Vec<String> = all.iter().map(|d| deadline_line(d, lang)).collect();
    if lines.is_empty() {
        lines.push(
            lang.pick(
                "No deadline was promised to me, and I know of no fixed deadline in my region; the case has been open since the date above.",
                "对方没有向我承诺处理期限，我也不了解本地区有无固定期限；自上述日期起，问题一直未获解决。",
            )
            .to_string(),
        );
    }
    blocks.push(Block::List(lines));
    if all.iter().any(|d| {
        matches!(
            d.source,
            Source::Rule {
                unit: deadlines::Unit::BusinessDays,
                ..
            }
        )
    }) {
        blocks.push(Block::Para(format!(
            "{}{}{}",
            lang.pick("Note: ", "说明："),
            deadlines::calendar_note(region, lang),
            lang.pick(".", "。")
        )));
    }

    blocks.push(Block::Heading(
        lang.pick("What I am asking for", "我的诉求").into(),
    ));
    let remedy = ctx.remedy.map_or_else(
        || {
            lang.pick(
                "That the problem described above is put right, and a written final response that explains what happened and what was done.",
                "请纠正上述问题，并书面答复事情的原因和处理结果。",
            )
            .to_string()
        },
        str::to_string,
    );
    blocks.push(Block::Para(remedy));

    blocks.push(Block::Heading(lang.pick("Attached", "附件").into()));
    blocks.push(Block::List(attachments(case, lang)));

    if !to_regulator {
        let next = regulator(region, lang);
        let text = match lang {
            Lang::En => {
                format!("If the complaint is not resolved, I understand I can take it to {next}.")
            }
            Lang::Zh => format!("如投诉未能解决，我将向{next}反映。"),
        };
        blocks.push(Block::Para(text));
    }
    blocks.push(Block::Para(privacy_line(lang).to_string()));
    blocks.push(Block::Para(
        lang.pick("Yours faithfully,", "此致\n敬礼").to_string(),
    ));

    let subject = match (lang, to_regulator) {
        (Lang::En, false) => format!(
            "Formal complaint: [{}] {}",
            case.report_id, case.guide_title
        ),
        (Lang::En, true) => format!(
            "Complaint about {provider}: [{}] {}",
            case.report_id, case.guide_title
        ),
        (Lang::Zh, false) => format!("正式投诉：[{}] {}", case.report_id, case.guide_title),
        (Lang::Zh, true) => format!("投诉{provider}：[{}] {}", case.report_id, case.guide_title),
    };
    let (to, address) = if to_regulator {
        (regulator(region, lang).to_string(), None)
    } else {
        (
            complaint_channel(ctx),
            ctx.complaints.and_then(email_address),
        )
    };
    Letter {
        kind: LetterKind::Escalation,
        rung,
        to,
        address: address.map(str::to_string),
        subject,
        blocks,
    }
}

fn no_address(lang: Lang) -> &'static str {
    lang.pick(
        "the Help or Contact page inside your wallet app",
        "钱包 App 内的“帮助”或“联系客服”页面",
    )
}

fn privacy_line(lang: Lang) -> &'static str {
    lang.pick(
        "This message contains no password, PIN, code or full card number; support will never ask for them.",
        "本函不含密码、支付密码、验证码或完整卡号；客服不需要、也不会索要这些信息。",
    )
}

/// Days and business days since the report was sent.
fn elapsed(case: &Case, now: &Zoned) -> (i64, i64) {
    let region = deadlines::region_name(&case.region);
    match time::date_of(&case.sent_at, now) {
        Some(sent) => (
            time::days_between(sent, now.date()).max(0),
            deadlines::business_days_between(region, sent, now.date()),
        ),
        None => (0, 0),
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One contact in a sentence: when, how, who, reference, promise, note.
pub fn contact_line(c: &Contact, ctx: &LetterContext<'_>) -> String {
    let lang = ctx.lang;
    let when = time::human_stored(&c.at, ctx.now, lang);
    let mut parts = vec![c.channel.words(lang).to_string()];
    if let Some(agent) = &c.agent {
        parts.push(match lang {
            Lang::En => format!("agent {agent}"),
            Lang::Zh => format!("客服 {agent}"),
        });
    }
    if let Some(reference) = &c.reference {
        parts.push(match lang {
            Lang::En => format!("reference {reference}"),
            Lang::Zh => format!("参考编号 {reference}"),
        });
    }
    if let Some(promised) = &c.promised {
        let date = time::human_stored_date(promised, lang);
        parts.push(match lang {
            Lang::En => format!("promised by {date}"),
            Lang::Zh => format!("承诺在{date}前处理"),
        });
    }
    let mut line = match lang {
        Lang::En => format!("{when}: {}", parts.join(", ")),
        Lang::Zh => format!("{when}：{}", parts.join("，")),
    };
    if let Some(note) = &c.note {
        match lang {
            Lang::En => {
                let _ = write!(line, "; note: “{note}”");
            }
            Lang::Zh => {
                let _ = write!(line, "；备注：“{note}”");
            }
        }
    }
    line
}

/// Every event of the case in order: the report, each contact, each letter.
fn timeline(case: &Case, ctx: &LetterContext<'_>) -> Vec<String> {
    let lang = ctx.lang;
    let mut events: Vec<(String, String)> = vec![(
        case.sent_at.clone(),
        match lang {
            Lang::En => format!(
                "{}: report {} sent to support ({})",
                sent(case, ctx),
                case.report_id,
                delivery_words(&case.sent_via, lang)
            ),
            Lang::Zh => format!(
                "{}：向客服发送报告 {}（{}）",
                sent(case, ctx),
                case.report_id,
                delivery_words(&case.sent_via, lang)
            ),
        },
    )];
    for c in &case.contacts {
        events.push((c.at.clone(), contact_line(c, ctx)));
    }
    for l in &case.letters {
        let when = time::human_stored(&l.written_at, ctx.now, lang);
        let what = letter_words(l, lang);
        let sep = lang.pick(": ", "：");
        let channel = match (ctx.complaints, l.kind, l.rung) {
            (Some(c), LetterKind::Escalation, RUNG_COMPLAINT) => {
                let c = email_address(c).unwrap_or(c);
                match lang {
                    Lang::En => format!(" (to {c})"),
                    Lang::Zh => format!("（提交至 {c}）"),
                }
            }
            _ => String::new(),
        };
        events.push((l.written_at.clone(), format!("{when}{sep}{what}{channel}")));
    }
    // RFC 3339 with offsets does not sort as text across zones: sort by the instant.
    events.sort_by_key(|(at, _)| at.parse::<jiff::Timestamp>().ok());
    events.into_iter().map(|(_, line)| line).collect()
}

/// Which letter was written, in words: `follow-up letter written`.
pub fn letter_words(l: &super::Letter, lang: Lang) -> &'static str {
    match (l.kind, lang) {
        (LetterKind::FollowUp, Lang::En) => "follow-up letter written",
        (LetterKind::FollowUp, Lang::Zh) => "写了跟进函",
        (LetterKind::Escalation, Lang::En) if l.rung >= RUNG_REGULATOR => {
            "complaint to the regulator written"
        }
        (LetterKind::Escalation, Lang::Zh) if l.rung >= RUNG_REGULATOR => "写了给监管机构的投诉",
        (LetterKind::Escalation, Lang::En) => "formal complaint to the provider written",
        (LetterKind::Escalation, Lang::Zh) => "写了给服务商的正式投诉",
    }
}

/// How a report left, in words.
pub fn delivery_words(via: &str, lang: Lang) -> &'static str {
    match via {
        "saved" => lang.pick("saved to a file", "保存为文件"),
        "email" => lang.pick("by email", "通过邮件"),
        "clipboard" => lang.pick("copied into a message", "复制到消息中"),
        _ => lang.pick("shown to copy", "显示后复制"),
    }
}

/// A deadline in a sentence, hedged when its source is a third party's summary.
pub fn deadline_line(d: &Deadline, lang: Lang) -> String {
    let due = time::human_date(d.due, lang);
    let hedge = if d.hedged {
        lang.pick(
            " (as reported; please check)",
            "（据公开资料，请以官方为准）",
        )
    } else {
        ""
    };
    match (lang, d.overdue) {
        (Lang::En, true) => format!(
            "{}{hedge}: due {due}, passed {} day{} ago",
            capitalise(&d.what),
            d.days_overdue,
            plural(d.days_overdue)
        ),
        (Lang::En, false) => format!("{}{hedge}: due {due}", capitalise(&d.what)),
        (Lang::Zh, true) => format!(
            "{}{hedge}：应于{due}前完成，已逾期 {} 天",
            d.what, d.days_overdue
        ),
        (Lang::Zh, false) => format!("{}{hedge}：应于{due}前完成", d.what),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What to attach: the report, the evidence files by fingerprint, and a word on screenshots.
fn attachments(case: &Case, lang: Lang) -> Vec<String> {
    let mut out = vec![match lang {
        Lang::En => format!(
            "My report {} (verification code {})",
            case.report_id, case.verification_code
        ),
        Lang::Zh => format!(
            "报告 {}（核对码 {}）",
            case.report_id, case.verification_code
        ),
    }];
    for e in &case.evidence {
        let size = human_size(e.size, lang);
        let short = e.sha256.get(..16).unwrap_or(&e.sha256);
        out.push(match lang {
            Lang::En => format!("{} ({size}, SHA-256 {short}…)", e.name),
            Lang::Zh => format!("{}（{size}，SHA-256 {short}…）", e.name),
        });
    }
    out
}

/// `2.4 MB`, `512 bytes` / `512 字节`.
pub fn human_size(bytes: u64, lang: Lang) -> String {
    let units = [lang.pick("bytes", "字节"), "KB", "MB", "GB"];
    let mut size = bytes;
    let mut tenths = 0;
    let mut unit = 0;
    while size >= 1000 && unit + 1 < units.len() {
        tenths = (size % 1000) / 100;
        size /= 1000;
        unit += 1;
    }
    let name = units.get(unit).copied().unwrap_or("bytes");
    if unit == 0 {
        format!("{size} {name}")
    } else {
        format!("{size}.{tenths} {name}")
    }
}

impl Letter {
    /// The letter in `format` (JSON letters are not a thing: text): `To:` and `Subject:`
    /// lines, then the body.
    pub fn render(&self, format: Format, lang: Lang) -> String {
        let (to, subject, sep) = match lang {
            Lang::En => ("To", "Subject", ": "),
            Lang::Zh => ("收件人", "主题", "："),
        };
        let head = if format == Format::Markdown {
            format!(
                "**{to}**{sep}{}  \n**{subject}**{sep}{}\n\n",
                self.to, self.subject
            )
        } else {
            format!("{to}{sep}{}\n{subject}{sep}{}\n\n", self.to, self.subject)
        };
        format!("{head}{}", self.body(format))
    }

    /// The letter without its `To:` and `Subject:` lines: an email's body.
    pub fn body(&self, format: Format) -> String {
        let markdown = format == Format::Markdown;
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Para(text) if markdown => out.push_str(&text.replace('\n', "  \n")),
                Block::Para(text) => out.push_str(text),
                Block::Heading(h) if markdown => {
                    let _ = write!(out, "### {h}");
                }
                Block::Heading(h) => out.push_str(h),
                Block::List(items) => {
                    let lines: Vec<String> = items.iter().map(|i| format!("- {i}")).collect();
                    out.push_str(&lines.join("\n"));
                }
            }
            let next_is_body = matches!(block, Block::Heading(_));
            out.push_str(if next_is_body && !markdown {
                "\n"
            } else {
                "\n\n"
            });
        }
        format!("{}\n", out.trim_end())
    }

    /// The letter as an email draft (`.eml`): the text letter as the body, `To:` when its
    /// address is known, the case's report (JSON, as it was sent) attached.
    pub fn eml(&self, case: &Case, now: &Zoned) -> std::io::Result<Vec<u8>> {
        let kind = self.file_kind();
        let stamp = now.timestamp().as_second();
        crate::report::draft::Draft {
            id: &format!("{}-{kind}-{stamp}", case.report_id),
            date: stamp,
            to: self.address.as_deref(),
            subject: &self.subject,
            body: self.body(Format::Text),
            json: Some((format!("{}.json", case.report_id), case.report.clone())),
        }
        .to_eml()
    }

    /// What the letter is, for file names: `follow-up`, `complaint`, `regulator`.
    pub fn file_kind(&self) -> &'static str {
        match (self.kind, self.rung) {
            (LetterKind::FollowUp, _) => "follow-up",
            (LetterKind::Escalation, RUNG_COMPLAINT) => "complaint",
            (LetterKind::Escalation, _) => "regulator",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(512, Lang::En), "512 bytes");
        assert_eq!(human_size(512, Lang::Zh), "512 字节");
        assert_eq!(human_size(2_400_000, Lang::En), "2.4 MB");
        assert_eq!(human_size(1000, Lang::En), "1.0 KB");
    }
}
