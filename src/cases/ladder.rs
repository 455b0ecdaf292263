//! The ladder a complaint climbs, by region (research notes §4): support itself, then the
//! provider's formal complaint channel (from the settings, when they name it), then the
//! regulator or ombudsman; and where each letter is to be sent, said to the user. Hedged where
//! the notes could not confirm a channel.

use super::letters::{Letter, LetterContext, RUNG_COMPLAINT, RUNG_REGULATOR, RUNG_SUPPORT};
use super::{Case, LetterKind, deadlines};
use crate::lang::Lang;

/// The rung an escalation goes to next: the formal complaint first, then the regulator.
pub fn next_rung(case: &Case) -> u8 {
    let highest = case
        .letters
        .iter()
        .filter(|l| l.kind == LetterKind::Escalation)
        .map(|l| l.rung)
        .max()
        .unwrap_or(RUNG_SUPPORT);
    (highest + 1).clamp(RUNG_COMPLAINT, RUNG_REGULATOR)
}

/// Who the letter goes to next, and how to reach them, for the user (not inside the letter).
/// `complaints` is the provider's formal complaint channel, when the settings name it.
pub fn where_to_send(case: &Case, letter: &Letter, lang: Lang, complaints: Option<&str>) -> String {
    let region = deadlines::region_name(&case.region);
    match (letter.kind, letter.rung) {
        (LetterKind::Escalation, RUNG_COMPLAINT) if complaints.is_some() => {
            let channel = complaints.map_or("", |c| email_address(c).unwrap_or(c));
            match lang {
                Lang::En => format!(
                    "Send it to the provider's formal complaint channel, {channel}, and keep the complaint reference they give you. Almost every regulator asks you to complain to the provider first; {} comes after.",
                    regulator(region, lang)
                ),
                Lang::Zh => format!(
                    "请通过服务商的正式投诉渠道（{channel}）提交，并记下对方给出的投诉编号。几乎所有监管机构都要求先向服务商投诉；之后才是{}。",
                    regulator(region, lang)
                ),
            }
        }
        (LetterKind::FollowUp, _) => lang
            .pick(
                "Send it where you reached support before: reply to their last message, or use the app's Help page.",
                "请通过之前联系客服的渠道发送：回复对方上一封消息，或在 App 的帮助页面提交。",
            )
            .to_string(),
        (LetterKind::Escalation, RUNG_COMPLAINT) => lang
            .pick(
                "Send it to the provider's formal complaint channel, and keep the complaint reference they give you. Almost every regulator asks you to complain to the provider first.",
                "请通过服务商的正式投诉渠道提交，并记下对方给出的投诉编号。几乎所有监管机构都要求先向服务商投诉。",
            )
            .to_string(),
        _ => regulator_advice(region, lang).to_string(),
    }
}

/// The rung after the provider, by region (research notes §4).
pub(super) fn regulator(region: &str, lang: Lang) -> &'static str {
    match region {
        "uk" => lang.pick(
            "the Financial Ombudsman Service (financial-ombudsman.org.uk)",
            "英国金融申诉专员服务机构（Financial Ombudsman Service，financial-ombudsman.org.uk）",
        ),
        "eu" => lang.pick(
            "the financial ombudsman or dispute resolution body of my country (a FIN-NET member)",
            "本国的金融申诉专员或纠纷解决机构（FIN-NET 成员）",
        ),
        "us" => lang.pick(
            "the Consumer Financial Protection Bureau (consumerfinance.gov/complaint)",
            "美国消费者金融保护局（CFPB，consumerfinance.gov/complaint）",
        ),
        "cn" => lang.pick(
            "the National Financial Regulatory Administration (12378) or the People's Bank of China (12363)",
            "国家金融监督管理总局（12378）或中国人民银行（12363）",
        ),
        _ => lang.pick(
            "the financial regulator or ombudsman of my country",
            "本国的金融监管机构或申诉专员",
        ),
    }
}

/// How to reach the regulator, with what the research notes could not confirm said so.
fn regulator_advice(region: &str, lang: Lang) -> &'static str {
    match region {
        "uk" => lang.pick(
            "Send it to the Financial Ombudsman Service (free; financial-ombudsman.org.uk). It takes a complaint once the firm has sent its final response, or once the deadline for one has passed; refer it within 6 months of the final response.",
            "请提交给英国金融申诉专员服务机构（免费；financial-ombudsman.org.uk）。在服务商给出最终答复后，或答复期限已过仍未答复时，即可申诉；请在收到最终答复后 6 个月内提出。",
        ),
        "eu" => lang.pick(
            "Send it to the financial ombudsman or dispute body of your country; for a provider in another EU country, your country's FIN-NET member forwards it. The EU's online dispute platform closed in 2025: do not use it. For PayPal Europe, the regulator is the CSSF in Luxembourg.",
            "请提交给本国的金融申诉专员或纠纷解决机构；如果服务商在其他欧盟国家，本国的 FIN-NET 成员会代为转交。欧盟在线纠纷解决平台已于 2025 年关闭，请勿使用。PayPal 欧洲的监管机构是卢森堡金融业监管委员会（CSSF）。",
        ),
        "us" => lang.pick(
            "Send it to the CFPB: consumerfinance.gov/complaint or (855) 411-2372. The CFPB forwards it to the company, which has 15 days to respond. For a scam, report it to the FTC too: ReportFraud.ftc.gov.",
            "请提交给美国消费者金融保护局（CFPB）：consumerfinance.gov/complaint，或致电 (855) 411-2372。CFPB 会转交给公司，公司须在 15 天内回复。如涉及诈骗，也请向 FTC 举报：ReportFraud.ftc.gov。",
        ),
        "cn" => lang.pick(
            "For a bank card or consumer credit, call the NFRA's 12378 (reported to reply within about 15 working days). The People's Bank of China's 12363 has handled payment complaints, but whether every province still accepts them was not confirmed: if it does not answer, use 12378. For a dispute with a merchant, 12315. For fraud, call 110 at once.",
            "涉及银行卡、消费信贷的，可拨打国家金融监督管理总局热线 12378（据报道一般在 15 个工作日左右答复）。中国人民银行 12363 曾受理支付投诉，但目前是否各省都还受理尚未核实；如打不通，请改拨 12378。与商家的纠纷可拨打 12315。遇到诈骗请立即拨打 110。",
        ),
        _ => lang.pick(
            "Send it to the financial regulator or ombudsman of your country; most ask you to complain to the provider first, as you have.",
            "请提交给本国的金融监管机构或申诉专员；多数机构要求先向服务商投诉，你已经做到了。",
        ),
    }
}

/// The provider's formal complaint channel as the `To:` line shows it: the configured address
/// or form, else where to ask for it.
pub(super) fn complaint_channel(ctx: &LetterContext<'_>) -> String {
    let provider = super::letters::provider_or_default(ctx);
    match (ctx.complaints, ctx.lang) {
        (Some(channel), _) if email_address(channel).is_some() => {
            email_address(channel).unwrap_or(channel).to_string()
        }
        (Some(link), Lang::En) => format!("{provider}'s complaint form ({link})"),
        (Some(link), Lang::Zh) => format!("{provider}投诉页面（{link}）"),
        (None, _) => ctx
            .lang
            .pick(
                "the provider's formal complaint channel (ask in the app's Help how to make a formal complaint)",
                "服务商的正式投诉渠道（可在 App 的帮助页面询问如何正式投诉）",
            )
            .to_string(),
    }
}

/// The address of a complaint channel that is an email address (`mailto:` or bare), not a
/// web form.
pub(super) fn email_address(channel: &str) -> Option<&str> {
    let address = channel.strip_prefix("mailto:").unwrap_or(channel).trim();
    (address.contains('@') && !address.contains("://")).then_some(address)
}
