//! The provider's own words in guide texts: `{support.phone}`, `{support.hours}`,
//! `{support.chat}`, `{provider.name}` and the rest, filled from `config.toml` when a guide
//! is shown, or with a neutral phrase when the provider has not said (or with the guide's
//! own: `{support.chat|the chat in the app}`).

use crate::config::Config;
use crate::lang::{Lang, Text};

/// The placeholders a guide text may hold, and what each says when the provider is silent.
const PLACEHOLDERS: [(&str, &str, &str); 7] = [
    ("provider.name", "your wallet provider", "钱包平台"),
    (
        "support.phone",
        "the customer service number shown in the wallet app",
        "钱包 App 里公布的客服电话",
    ),
    (
        "support.hours",
        "the service hours shown in the wallet app",
        "App 里公布的服务时间",
    ),
    (
        "support.chat",
        "the chat on the wallet app's Help page",
        "App“帮助”页里的在线客服",
    ),
    (
        "support.email",
        "the email address on the wallet app's Help page",
        "App“帮助”页里的客服邮箱",
    ),
    (
        "support.website",
        "the wallet's official website",
        "钱包的官方网站",
    ),
    (
        "support.complaints",
        "the complaints channel on the wallet app's Help page",
        "App“帮助”页里的投诉渠道",
    ),
];

/// The known placeholder names, for messages.
pub fn names() -> Vec<&'static str> {
    PLACEHOLDERS.iter().map(|(name, _, _)| *name).collect()
}

/// Whether `{name}` names a provider setting rather than a step: it has a dot.
pub fn is_provider_name(name: &str) -> bool {
    name.contains('.')
}

/// Whether `name` is one of the provider placeholders.
pub fn is_known(name: &str) -> bool {
    PLACEHOLDERS.iter().any(|(known, _, _)| *known == name)
}

/// A placeholder split into its name and the guide's own fallback: `support.chat|the chat`.
pub fn split(placeholder: &str) -> (&str, Option<&str>) {
    match placeholder.split_once('|') {
        Some((name, fallback)) => (name.trim(), Some(fallback)),
        None => (placeholder.trim(), None),
    }
}

/// The provider's settings as guide texts name them, in one language.
#[derive(Clone, Debug, Default)]
pub struct ProviderWords {
    values: Vec<(&'static str, Text)>,
}

impl ProviderWords {
    pub fn from_config(config: &Config) -> ProviderWords {
        let s = &config.support;
        let same = |v: &Option<String>| v.as_ref().map(|v| Text::new(v.clone(), v.clone()));
        let phones =
            (!s.phones.is_empty()).then(|| Text::new(s.phones.join(" or "), s.phones.join(" 或 ")));
        let hours = s.hours.as_ref().map(|h| hours(h, s.timezone.as_deref()));
        let values = [
            ("provider.name", same(&config.provider)),
            ("support.phone", phones),
            ("support.hours", hours),
            ("support.chat", same(&s.chat)),
            ("support.email", same(&s.email)),
            ("support.website", same(&s.website)),
            ("support.complaints", same(&s.complaints)),
        ];
        ProviderWords {
            values: values
                .into_iter()
                .filter_map(|(name, value)| value.map(|v| (name, v)))
                .collect(),
        }
    }

    /// `text` with every `{provider…}` and `{support…}` placeholder filled: the provider's
    /// setting, else the guide's fallback, else the neutral phrase.
    pub fn fill(&self, text: &str, lang: Lang) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some((before, inside, after)) = next_placeholder(rest) {
            out.push_str(before);
            let (name, fallback) = split(inside);
            if let Some(value) = self.value(name, fallback, lang) {
                out.push_str(&value);
            } else {
                // A step's `{id}` (report summaries) is not ours to fill.
                out.push('{');
                out.push_str(inside);
                out.push('}');
            }
            rest = after;
        }
        out.push_str(rest);
        out
    }

    fn value(&self, name: &str, fallback: Option<&str>, lang: Lang) -> Option<String> {
        let (_, en, zh) = PLACEHOLDERS.iter().find(|(known, _, _)| *known == name)?;
        let set = self.values.iter().find(|(n, _)| *n == name);
        let value = match (set, fallback) {
            (Some((_, text)), _) => text.get(lang).to_string(),
            (None, Some(fallback)) => fallback.to_string(),
            (None, None) => lang.pick(en, zh).to_string(),
        };
        // A config value reaches the terminal as part of the guide: no escapes in it.
        Some(super::names::escape_forbidden(&value))
    }
}

/// Service hours with the zone they are in: `09:00-21:00 (Beijing time)`.
fn hours(hours: &str, zone: Option<&str>) -> Text {
    match zone {
        None => Text::new(hours, hours),
        Some("Asia/Shanghai") => Text::new(
            format!("{hours} (Beijing time)"),
            format!("{hours}（北京时间）"),
        ),
        Some(zone) => Text::new(
            format!("{hours} ({zone} time)"),
            format!("{hours}（{zone} 时间）"),
        ),
    }
}

/// The text before the next `{…}`, what is inside it, and the rest.
fn next_placeholder(text: &str) -> Option<(&str, &str, &str)> {
    let (before, rest) = text.split_once('{')?;
    let (inside, after) = rest.split_once('}')?;
    Some((before, inside, after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Support;

    fn configured() -> ProviderWords {
        ProviderWords::from_config(&Config {
            provider: Some("Example Wallet".into()),
            support: Support {
                phones: vec!["+86 400 000 0000".into(), "95188".into()],
                hours: Some("09:00-21:00".into()),
                timezone: Some("Asia/Shanghai".into()),
                ..Support::default()
            },
            ..Config::default()
        })
    }

    #[test]
    fn settings_fill_their_placeholders_in_each_language() {
        let words = configured();
        assert_eq!(
            words.fill(
                "Call {provider.name} on {support.phone}, {support.hours}.",
                Lang::En
            ),
            "Call Example Wallet on +86 400 000 0000 or 95188, 09:00-21:00 (Beijing time)."
        );
        assert_eq!(
            words.fill("拨打 {support.phone}，服务时间 {support.hours}。", Lang::Zh),
            "拨打 +86 400 000 0000 或 95188，服务时间 09:00-21:00（北京时间）。"
        );
    }

    #[test]
    fn an_unset_setting_reads_as_the_guides_fallback_or_a_neutral_phrase() {
        let words = configured();
        assert_eq!(
            words.fill("Use {support.chat|the chat in the app}.", Lang::En),
            "Use the chat in the app."
        );
        assert_eq!(
            words.fill("请通过{support.chat}联系。", Lang::Zh),
            "请通过App“帮助”页里的在线客服联系。"
        );
        let none = ProviderWords::default();
        assert_eq!(
            none.fill("Ask {provider.name}.", Lang::En),
            "Ask your wallet provider."
        );
    }

    #[test]
    fn step_placeholders_and_stray_braces_are_left_alone() {
        let words = configured();
        assert_eq!(
            words.fill("Paid {amount} on {occurred-at}", Lang::En),
            "Paid {amount} on {occurred-at}"
        );
        assert_eq!(words.fill("a { b", Lang::En), "a { b");
    }

    #[test]
    fn a_setting_cannot_smuggle_an_escape_onto_the_screen() {
        let words = ProviderWords::from_config(&Config {
            provider: Some("Evil\u{1b}]52;c;eA==\u{7}".into()),
            ..Config::default()
        });
        assert_eq!(
            words.fill("{provider.name}", Lang::En),
            "Evil\\u{001B}]52;c;eA==\\u{0007}"
        );
    }
}
