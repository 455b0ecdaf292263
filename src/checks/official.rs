//! Is this contact official? Compares a phone number, email address or link a user was given
//! with the provider's official contacts from `config.toml`, for `scam-check`'s compare step.

use serde::Serialize;

use crate::config::Config;

/// What the comparison found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// It matches an official phone, address or website.
    Official,
    /// It is a phone, address or link, and matches none of them.
    Unofficial,
    /// Nothing to compare: no official contacts configured, or no contact in the answer.
    Unconfigured,
}

impl Verdict {
    /// The result as one line for the user, after the step's own text.
    pub fn describe(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Verdict::Official => lang.pick(
                "Result: it matches an official contact.",
                "结果\u{ff1a}与官方联系方式一致。",
            ),
            Verdict::Unofficial => lang.pick(
                "Result: it matches none of the official contacts.",
                "结果\u{ff1a}与官方联系方式都不一致。",
            ),
            Verdict::Unconfigured => lang.pick(
                "Result: there is nothing the tool can compare it with.",
                "结果\u{ff1a}没有可以比对的官方联系方式。",
            ),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Official => "official",
            Verdict::Unofficial => "unofficial",
            Verdict::Unconfigured => "unconfigured",
        }
    }
}

/// The provider's official contacts, normalised for comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Official {
    phones: Vec<String>,
    email: Option<String>,
    website_host: Option<String>,
}

/// Shorter than this, a number could match by accident.
const MIN_PHONE_DIGITS: usize = 7;

impl Official {
    pub fn from_config(config: &Config) -> Official {
        Official {
            phones: config
                .support
                .phones
                .iter()
                .map(|p| digits(p))
                .filter(|d| !d.is_empty())
                .collect(),
            email: config.support.email.as_deref().map(str::to_lowercase),
            website_host: config.support.website.as_deref().and_then(host_of),
        }
    }

    fn is_empty(&self) -> bool {
        self.phones.is_empty() && self.email.is_none() && self.website_host.is_none()
    }

    /// Compares what the user was given (`None` when they gave nothing).
    pub fn judge(&self, given: Option<&str>) -> Verdict {
        let Some(text) = given.map(str::trim).filter(|t| !t.is_empty()) else {
            return Verdict::Unconfigured;
        };
        if self.is_empty() {
            return Verdict::Unconfigured;
        }
        let found = if let Some(address) = email_in(text) {
            Some(self.is_official_email(&address))
        } else if let Some(host) = link_host_in(text) {
            Some(self.is_official_host(&host))
        } else {
            let number = digits(text);
            (number.len() >= MIN_PHONE_DIGITS).then(|| self.is_official_phone(&number))
        };
        match found {
            Some(true) => Verdict::Official,
            Some(false) => Verdict::Unofficial,
            None => Verdict::Unconfigured,
        }
    }

    fn is_official_phone(&self, number: &str) -> bool {
        self.phones.iter().any(|official| {
            let (short, long) = if official.len() <= number.len() {
                (official, number)
            } else {
                (&number.to_string(), official.as_str())
            };
            short.len() >= MIN_PHONE_DIGITS && long.ends_with(short.as_str())
        })
    }

    fn is_official_email(&self, address: &str) -> bool {
        let domain = address.rsplit_once('@').map(|(_, d)| d);
        let official_domain = self
            .email
            .as_deref()
            .and_then(|e| e.rsplit_once('@'))
            .map(|(_, d)| d);
        self.email.as_deref() == Some(address)
            || (domain.is_some() && domain == official_domain)
            || domain.is_some_and(|d| self.is_official_host(d))
    }

    /// The official host itself or one of its subdomains; never a look-alike that only
    /// starts with it (`example.com.evil.io`).
    fn is_official_host(&self, host: &str) -> bool {
        self.website_host.as_deref().is_some_and(|official| {
            host == official
                || host
                    .strip_suffix(official)
                    .is_some_and(|rest| rest.ends_with('.'))
        })
    }
}

fn digits(s: &str) -> String {
    crate::input::ascii_digits(s)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

/// The first email address in `text`, lowercased.
fn email_in(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || "<>()[],;\"'".contains(c))
        .find(|w| {
            w.contains('@')
                && w.rsplit_once('@')
                    .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'))
        })
        .map(|w| w.trim_end_matches('.').to_lowercase())
}

/// The host of the first link in `text`: a word with a scheme, or `www.`, or a dotted name.
fn link_host_in(text: &str) -> Option<String> {
    text.split_whitespace().find_map(|word| {
        let lower = word.to_lowercase();
        let has_scheme = lower.starts_with("http://") || lower.starts_with("https://");
        let looks_like_host = lower.contains('.') && lower.chars().any(|c| c.is_ascii_alphabetic());
        if has_scheme || lower.starts_with("www.") || looks_like_host {
            host_of(&lower)
        } else {
            None
        }
    })
}

/// `https://www.Example.com:443/help?x` → `example.com`.
fn host_of(link: &str) -> Option<String> {
    let lower = link.trim().to_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    let valid = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    valid.then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Support;

    fn official() -> Official {
        Official::from_config(&Config {
            provider: Some("Example Wallet".into()),
            support: Support {
                email: Some("support@example.com".into()),
                phones: vec!["+86 400 000 0000".into()],
                website: Some("https://www.example.com/help".into()),
                ..Support::default()
            },
            ..Config::default()
        })
    }

    #[test]
    fn phone_numbers_match_on_digits_with_or_without_the_country_code() {
        for given in [
            "+86 400 000 0000",
            "400-000-0000",
            "4000000000",
            "call 400 000 0000 now",
            "８６４０００００００００",
        ] {
            assert_eq!(official().judge(Some(given)), Verdict::Official, "{given}");
        }
        for given in [
            "+86 400 000 0001",
            "+1 555 0100 0000",
            "95188 ext 4000000000 9",
        ] {
            assert_eq!(
                official().judge(Some(given)),
                Verdict::Unofficial,
                "{given}"
            );
        }
    }

    #[test]
    fn links_match_the_official_host_or_its_subdomains_only() {
        for given in [
            "https://example.com/refund",
            "www.example.com",
            "help.example.com/x",
            "EXAMPLE.COM",
        ] {
            assert_eq!(official().judge(Some(given)), Verdict::Official, "{given}");
        }
        for given in [
            "https://example.com.refund-help.io",
            "http://examp1e.com",
            "https://notexample.com",
            "go to secure-example.net",
        ] {
            assert_eq!(
                official().judge(Some(given)),
                Verdict::Unofficial,
                "{given}"
            );
        }
    }

    #[test]
    fn email_addresses_match_the_official_address_or_domain() {
        assert_eq!(
            official().judge(Some("Support@Example.com")),
            Verdict::Official
        );
        assert_eq!(
            official().judge(Some("write to refunds@example.com")),
            Verdict::Official
        );
        assert_eq!(
            official().judge(Some("example.support@gmail.com")),
            Verdict::Unofficial
        );
    }

    #[test]
    fn nothing_to_compare_is_unconfigured() {
        assert_eq!(
            Official::default().judge(Some("+86 400 000 0000")),
            Verdict::Unconfigured
        );
        assert_eq!(official().judge(None), Verdict::Unconfigured);
        assert_eq!(official().judge(Some("   ")), Verdict::Unconfigured);
        assert_eq!(
            official().judge(Some("a man called me")),
            Verdict::Unconfigured
        );
    }
}
