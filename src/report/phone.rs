//! The report's `phone`: the phone and wallet app where the problem happened, as the user
//! answered the shared phone questions (`guides/blocks/phone.toml`). This is the device support
//! cares about; `device` is the computer that wrote the report.

use std::collections::HashSet;

use serde::Serialize;

use super::{Detail, TrailItem};
use crate::guide::Guide;
use crate::guide::block::phone;
use crate::lang::Lang;

/// What the user said about their phone; any key may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Phone {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
}

/// Takes the phone questions' answers out of the details and the trail, where they would
/// repeat what the report's phone section says, and makes that section from them.
pub(super) fn split(
    guide: &Guide,
    details: Vec<Detail>,
    trail: Vec<TrailItem>,
) -> (Phone, Vec<Detail>, Vec<TrailItem>) {
    // The block's step ids, once: a trail of thousands of steps is not a search each.
    let phone_ids: HashSet<&str> = guide
        .steps
        .iter()
        .filter(|s| s.block.as_deref() == Some(phone::BLOCK))
        .map(|s| s.id.as_str())
        .collect();
    let is_phone = |id: &str| phone_ids.contains(id);
    let (phone_details, details): (Vec<Detail>, Vec<Detail>) =
        details.into_iter().partition(|d| is_phone(&d.id));
    let (phone_trail, trail): (Vec<TrailItem>, Vec<TrailItem>) =
        trail.into_iter().partition(|t| is_phone(&t.step));
    let phone = Phone::from_answers(
        &phone_details.iter().collect::<Vec<_>>(),
        &phone_trail.iter().collect::<Vec<_>>(),
    );
    (phone, details, trail)
}

/// The choice that says "not sure": it leaves its key out.
const UNSURE: &str = "unsure";

impl Phone {
    /// From the phone questions' answers: the typed ones as details (already screened for
    /// secrets, and left out when the user dropped them at the review), the chosen ones in
    /// the trail.
    pub(super) fn from_answers(details: &[&Detail], trail: &[&TrailItem]) -> Phone {
        let typed = |id: &str| details.iter().find(|d| d.id == id).map(|d| d.value.clone());
        let chosen = |id: &str| {
            trail
                .iter()
                .rev()
                .find(|t| t.step == id && t.answer != UNSURE)
                .map(|t| t.answer.clone())
        };
        Phone {
            os: chosen(phone::OS).map(|os| os_name(&os).to_string()),
            os_version: typed(phone::OS_VERSION),
            model: typed(phone::MODEL),
            app: typed(phone::APP),
            app_version: typed(phone::APP_VERSION),
            network: chosen(phone::NETWORK),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Phone::default()
    }

    /// Label and value of each thing known, for the text and Markdown reports.
    pub(super) fn rows(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let joined = |a: &Option<String>, b: &Option<String>| {
            let parts: Vec<&str> = [a, b].into_iter().flatten().map(String::as_str).collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        };
        let os = joined(
            &self.os.as_ref().map(|os| shown_os(os, lang)),
            &self.os_version,
        );
        let network = self.network.as_ref().map(|n| network_words(n, lang));
        [
            (lang.pick("System", "手机系统"), os),
            (lang.pick("Model", "手机型号"), self.model.clone()),
            (
                lang.pick("Wallet app", "钱包 App"),
                joined(&self.app, &self.app_version),
            ),
            (lang.pick("Network", "网络"), network),
        ]
        .into_iter()
        .filter_map(|(label, value)| value.map(|v| (label, v)))
        .collect()
    }
}

/// The system's own name for a choice of the phone block: what support reads everywhere.
fn os_name(choice: &str) -> &str {
    match choice {
        "ios" => "iOS",
        "android" => "Android",
        "harmonyos" => "HarmonyOS",
        other => other,
    }
}

/// The system as the report's reader says it; "other" in their language.
fn shown_os(os: &str, lang: Lang) -> String {
    match os {
        "other" => lang.pick("another system", "其他系统").to_string(),
        os => os.to_string(),
    }
}

/// A network choice in words.
fn network_words(choice: &str, lang: Lang) -> String {
    let words = match choice {
        "wifi" => lang.pick("Wi-Fi", "Wi-Fi（无线网）"),
        "mobile-data" => lang.pick("mobile data", "手机流量"),
        "vpn" => lang.pick("with a VPN or proxy on", "开着 VPN 或代理"),
        "no-signal" => lang.pick("no signal, or it kept dropping", "没信号或时断时续"),
        other => return other.to_string(),
    };
    words.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(id: &str, value: &str) -> Detail {
        Detail {
            id: id.into(),
            label: String::new(),
            value: value.into(),
            input_type: crate::input::InputType::Text,
            precision: None,
        }
    }

    fn chose(step: &str, answer: &str) -> TrailItem {
        TrailItem {
            step: step.into(),
            question: String::new(),
            answer: answer.into(),
            answer_label: String::new(),
        }
    }

    #[test]
    fn answers_fill_the_phone_and_not_sure_leaves_a_key_out() {
        let details = [
            detail(phone::OS_VERSION, "14"),
            detail(phone::MODEL, "Xiaomi 13"),
            detail(phone::APP, "Alipay"),
        ];
        let trail = [chose(phone::OS, "android"), chose(phone::NETWORK, "unsure")];
        let phone = Phone::from_answers(
            &details.iter().collect::<Vec<_>>(),
            &trail.iter().collect::<Vec<_>>(),
        );
        assert_eq!(phone.os.as_deref(), Some("Android"));
        assert_eq!(phone.network, None);
        assert_eq!(
            serde_json::to_value(&phone).unwrap(),
            serde_json::json!({ "os": "Android", "os_version": "14", "model": "Xiaomi 13", "app": "Alipay" })
        );
        assert_eq!(
            phone.rows(Lang::Zh),
            [
                ("手机系统", "Android 14".to_string()),
                ("手机型号", "Xiaomi 13".to_string()),
                ("钱包 App", "Alipay".to_string()),
            ]
        );
        assert!(Phone::default().is_empty() && !phone.is_empty());
    }
}
