//! Is this contact official? Compares the phone numbers, email addresses and links a user was
//! given with the provider's official contacts from `config.toml`, for `scam-check`'s compare
//! step. Each contact in the text is judged on its own and as a whole: a link by its scheme
//! (`https` only), its host (the official host or a subdomain) and no user part before an `@`;
//! an email by its full address; a phone number by all its digits in international form.
//! One unofficial contact makes the answer "not official"; a text with no contact the tool can
//! read is "could not check", never "official".

use serde::Serialize;

use super::phone::{self, Found, Number};
use crate::config::Config;
use crate::lang::Lang;

/// What the comparison found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Every contact in the answer is an official phone, address or website.
    Official,
    /// At least one contact in the answer is not official.
    Unofficial,
    /// Nothing to compare: no official contacts configured, or no contact the tool can check.
    Unconfigured,
}

impl Verdict {
    /// The result as one line for the user, after the step's own text.
    pub fn describe(self, lang: Lang) -> &'static str {
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

/// The verdict on the whole answer, and on each contact found in it, for the explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub contacts: Vec<Contact>,
}

/// One contact found in the answer and what the tool made of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// As written, shortened for the screen.
    pub text: String,
    pub verdict: Verdict,
    pub reason: Reason,
}

/// Why a contact got its verdict, in words for the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    OfficialNumber,
    OfficialAddress,
    OfficialSite,
    OtherNumber,
    OtherAddress,
    OtherSite,
    NotHttps,
    HiddenUser,
    Unreadable,
    NoScheme,
    NationalUnknownCountry,
    NothingOfThatKind,
}

impl Reason {
    fn words(self, lang: Lang) -> &'static str {
        match self {
            Reason::OfficialNumber => lang.pick("an official number", "官方电话"),
            Reason::OfficialAddress => lang.pick("the official email address", "官方邮箱"),
            Reason::OfficialSite => lang.pick("a page of the official website", "官方网站的网页"),
            Reason::OtherNumber => lang.pick("not an official number", "不是官方电话"),
            Reason::OtherAddress => lang.pick(
                "not the official email address",
                "不是官方邮箱",
            ),
            Reason::OtherSite => lang.pick(
                "a website that is not the official one",
                "不是官方网站",
            ),
            Reason::NotHttps => lang.pick(
                "not a secure https:// link, so not the official website",
                "不是以 https:// 开头的安全链接，不是官方网站",
            ),
            Reason::HiddenUser => lang.pick(
                "a link with something before “@” in its address: a trick to disguise where it really goes",
                "链接地址里带有“@”，这是伪装真实去向的常见手法",
            ),
            Reason::Unreadable => lang.pick(
                "not a contact the tool can read, so it cannot be official",
                "无法识别的联系方式，不能当作官方",
            ),
            Reason::NoScheme => lang.pick(
                "a web address without https://, which the tool cannot check; don't type it in, open the official app instead",
                "没有 https:// 的网址无法核验；不要自己输入它，请直接打开官方 App",
            ),
            Reason::NationalUnknownCountry => lang.pick(
                "a number without its country code, which the tool cannot check",
                "没有国家/地区代码的号码，无法核验",
            ),
            Reason::NothingOfThatKind => lang.pick(
                "the provider has no official contact of this kind to compare it with",
                "服务商没有提供这类官方联系方式，无法比对",
            ),
        }
    }
}

impl Judgement {
    /// The result line, then one line per contact when there is anything to explain.
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = self.verdict.describe(lang).to_string();
        for contact in &self.contacts {
            let line = match lang {
                Lang::En => format!("\n- {}: {}.", contact.text, contact.reason.words(lang)),
                Lang::Zh => format!(
                    "\n- {}\u{ff1a}{}。",
                    contact.text,
                    contact.reason.words(lang)
                ),
            };
            out.push_str(&line);
        }
        out
    }
}

/// The provider's official contacts, normalised for comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Official {
    phones: Vec<Number>,
    emails: Vec<String>,
    hosts: Vec<String>,
    /// The calling code a number written without one is read in.
    home: Option<String>,
}

impl Official {
    pub fn from_config(config: &Config) -> Official {
        Official::from_config_in(config, None)
    }

    /// The official contacts; a national number found in a text is read in the country of
    /// the official numbers, or, when they are of several countries or none, of `locale`.
    pub fn from_config_in(config: &Config, locale: Option<&str>) -> Official {
        let phones: Vec<Number> = config
            .support
            .phones
            .iter()
            .filter_map(|p| Number::parse_official(p).ok())
            .collect();
        let mut codes: Vec<&str> = phones
            .iter()
            .filter_map(|n| match n {
                Number::International { code, .. } => Some(code.as_str()),
                Number::Short { code, .. } => code.as_deref(),
            })
            .collect();
        codes.dedup();
        let home = match codes.as_slice() {
            [one] => Some((*one).to_string()),
            _ => locale.and_then(phone::code_for_locale).map(str::to_string),
        };
        let emails = config
            .support
            .email
            .iter()
            .chain(config.support.complaints.iter())
            .filter_map(|e| parse_email(e.strip_prefix("mailto:").unwrap_or(e)))
            .collect();
        let hosts = config
            .support
            .website
            .iter()
            .chain(config.support.complaints.iter())
            .filter_map(|link| official_host(link))
            .collect();
        Official {
            phones,
            emails,
            hosts,
            home,
        }
    }

    fn is_empty(&self) -> bool {
        self.phones.is_empty() && self.emails.is_empty() && self.hosts.is_empty()
    }

    /// Compares what the user was given (`None` when they gave nothing).
    pub fn judge(&self, given: Option<&str>) -> Judgement {
        let nothing = Judgement {
            verdict: Verdict::Unconfigured,
            contacts: Vec::new(),
        };
        let Some(text) = given.map(str::trim).filter(|t| !t.is_empty()) else {
            return nothing;
        };
        if self.is_empty() {
            return nothing;
        }
        let contacts = self.contacts_in(text);
        let verdict = if contacts.iter().any(|c| c.verdict == Verdict::Unofficial) {
            Verdict::Unofficial
        } else if contacts.is_empty() || contacts.iter().any(|c| c.verdict == Verdict::Unconfigured)
        {
            Verdict::Unconfigured
        } else {
            Verdict::Official
        };
        Judgement { verdict, contacts }
    }

    /// Every contact in `text`, in the order written: links, addresses and bare web addresses
    /// word by word, then phone numbers in what is left.
    fn contacts_in(&self, text: &str) -> Vec<Contact> {
        let mut found: Vec<(usize, Contact)> = Vec::new();
        // The text with every word judged as a link or address blanked out, character for
        // character, so that positions in it are positions in `text`.
        let mut rest = String::with_capacity(text.len());
        let mut word = String::new();
        let mut word_start = 0;
        let chars = text.chars().chain(std::iter::once(' '));
        for (position, c) in chars.enumerate() {
            if !is_word_break(c) {
                if word.is_empty() {
                    word_start = position;
                }
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                let trimmed = trim_punctuation(&word);
                if let Some(kind) = classify(trimmed) {
                    found.push((word_start, self.judge_word(trimmed, kind)));
                    rest.extend(std::iter::repeat_n(' ', word.chars().count()));
                } else {
                    rest.push_str(&word);
                }
                word.clear();
            }
            rest.push(c);
        }
        for number in phone::find_all(&rest) {
            found.push((number.start, self.judge_number(&number)));
        }
        found.sort_by_key(|(position, _)| *position);
        found.into_iter().map(|(_, contact)| contact).collect()
    }

    fn judge_word(&self, word: &str, kind: WordKind) -> Contact {
        let (verdict, reason) = match kind {
            WordKind::Link => self.judge_link(word),
            WordKind::Email => self.judge_email(word),
            WordKind::BareHost => self.judge_bare_host(word),
        };
        Contact {
            text: shorten(word),
            verdict,
            reason,
        }
    }

    fn judge_link(&self, word: &str) -> (Verdict, Reason) {
        if let Some(address) = strip_prefix_ignore_case(word, "mailto:") {
            return self.judge_email(address);
        }
        let Ok(url) = url::Url::parse(word) else {
            return (Verdict::Unofficial, Reason::Unreadable);
        };
        if !url.username().is_empty() || url.password().is_some() {
            return (Verdict::Unofficial, Reason::HiddenUser);
        }
        let official_host = url.host_str().is_some_and(|h| self.is_official_host(h));
        if url.scheme() != "https" {
            return (Verdict::Unofficial, Reason::NotHttps);
        }
        if self.hosts.is_empty() {
            return (Verdict::Unconfigured, Reason::NothingOfThatKind);
        }
        if official_host {
            (Verdict::Official, Reason::OfficialSite)
        } else {
            (Verdict::Unofficial, Reason::OtherSite)
        }
    }

    fn judge_email(&self, word: &str) -> (Verdict, Reason) {
        let Some(address) = parse_email(word) else {
            return (Verdict::Unofficial, Reason::Unreadable);
        };
        if self.emails.contains(&address) {
            (Verdict::Official, Reason::OfficialAddress)
        } else if self.emails.is_empty() && self.hosts.is_empty() {
            (Verdict::Unconfigured, Reason::NothingOfThatKind)
        } else {
            (Verdict::Unofficial, Reason::OtherAddress)
        }
    }

    /// `example.com/refund` with no scheme: another host is not official; the official host
    /// is not proof either (it may be a chat id or a name), so it cannot be checked.
    fn judge_bare_host(&self, word: &str) -> (Verdict, Reason) {
        let Ok(url) = url::Url::parse(&format!("https://{word}")) else {
            return (Verdict::Unofficial, Reason::Unreadable);
        };
        if !url.username().is_empty() || url.password().is_some() {
            return (Verdict::Unofficial, Reason::HiddenUser);
        }
        match url.host_str() {
            _ if self.hosts.is_empty() => (Verdict::Unconfigured, Reason::NothingOfThatKind),
            Some(host) if self.is_official_host(host) => (Verdict::Unconfigured, Reason::NoScheme),
            _ => (Verdict::Unofficial, Reason::OtherSite),
        }
    }

    fn judge_number(&self, number: &Found) -> Contact {
        let (verdict, reason) = if self.phones.is_empty() {
            (Verdict::Unconfigured, Reason::NothingOfThatKind)
        } else if self
            .phones
            .iter()
            .any(|p| p.matches(number, self.home.as_deref()))
        {
            (Verdict::Official, Reason::OfficialNumber)
        } else if !number.international && !number.is_short() && self.home.is_none() {
            (Verdict::Unconfigured, Reason::NationalUnknownCountry)
        } else {
            (Verdict::Unofficial, Reason::OtherNumber)
        };
        Contact {
            text: shorten(&number.text),
            verdict,
            reason,
        }
    }

    /// The official host itself or one of its subdomains; never a look-alike that only
    /// starts or ends with it (`example.com.evil.io`, `notexample.com`).
    fn is_official_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        self.hosts.iter().any(|official| {
            host == official
                || host
                    .strip_suffix(official.as_str())
                    .is_some_and(|rest| rest.ends_with('.'))
        })
    }
}

/// What a word in the answer looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKind {
    /// Has a scheme: `https://…`, `javascript:…`, `mailto:…`.
    Link,
    /// Has an `@` and no scheme.
    Email,
    /// A dotted name such as `www.example.com/help`, without a scheme.
    BareHost,
}

/// Schemes written without `//` that still make a word a link.
const SCHEMES_WITHOUT_SLASHES: [&str; 6] = [
    "javascript:",
    "data:",
    "vbscript:",
    "mailto:",
    "file:",
    "intent:",
];

fn classify(word: &str) -> Option<WordKind> {
    if word.is_empty() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let scheme_end = lower.find("://");
    let has_scheme = scheme_end.is_some_and(|end| {
        lower.get(..end).is_some_and(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
    }) || SCHEMES_WITHOUT_SLASHES.iter().any(|s| lower.starts_with(s));
    if has_scheme || scheme_end.is_some() {
        return Some(WordKind::Link);
    }
    if word.contains('@') {
        return Some(WordKind::Email);
    }
    looks_like_host(&lower).then_some(WordKind::BareHost)
}

/// `name.tld` with an alphabetic top-level domain, maybe followed by a path.
fn looks_like_host(word: &str) -> bool {
    let host = word.split(['/', '?', '#', '\\']).next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    let tld_ok = labels.last().is_some_and(|tld| {
        tld.chars().count() >= 2 && tld.chars().all(|c| c.is_alphabetic() || c == '-')
    });
    labels.len() >= 2
        && tld_ok
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

fn is_word_break(c: char) -> bool {
    c.is_whitespace() || "，。；、！？（）【】「」《》<>".contains(c)
}

/// Quotes, brackets and sentence punctuation around a word are not part of it.
fn trim_punctuation(word: &str) -> &str {
    word.trim_start_matches(['(', '[', '{', '<', '"', '\'', '“', '‘'])
        .trim_end_matches([
            ')', ']', '}', '>', '"', '\'', '”', '’', '.', ',', ';', ':', '!', '?',
        ])
}

fn strip_prefix_ignore_case<'a>(word: &'a str, prefix: &str) -> Option<&'a str> {
    let (head, tail) = word.split_at_checked(prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then_some(tail)
}

/// A whole email address, lowercased; `None` when it is not one.
fn parse_email(text: &str) -> Option<String> {
    let options = email_address::Options::default();
    let address = email_address::EmailAddress::parse_with_options(text.trim(), options).ok()?;
    let domain = address.domain();
    let plain_domain = domain.contains('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    plain_domain.then(|| address.as_str().to_lowercase())
}

/// The host an official link stands for: `https://www.example.com/help` → `example.com`.
fn official_host(link: &str) -> Option<String> {
    let url = url::Url::parse(link.trim()).ok()?;
    if url.scheme() != "https" {
        return None;
    }
    let host = url.host_str()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.contains('.').then(|| host.to_string())
}

/// At most 60 characters of a contact, for one line on the screen, with no control
/// character that could move the cursor or change colours.
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    let clean = |c: char| if c.is_control() { '\u{fffd}' } else { c };
    if text.chars().count() <= MAX {
        return text.chars().map(clean).collect();
    }
    let mut short: String = text.chars().take(MAX - 1).map(clean).collect();
    short.push('…');
    short
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
                phones: vec!["+86 400 000 0000".into(), "95188".into()],
                website: Some("https://www.example.com/help".into()),
                ..Support::default()
            },
            ..Config::default()
        })
    }

    fn verdict(given: &str) -> Verdict {
        official().judge(Some(given)).verdict
    }

    #[test]
    fn phone_numbers_match_whole_in_international_form() {
        for given in [
            "+86 400 000 0000",
            "400-000-0000",
            "4000000000",
            "call 400 000 0000 now",
            "８６４０００００００００",
            "95188",
            "客服电话：95188",
        ] {
            assert_eq!(verdict(given), Verdict::Official, "{given}");
        }
        for given in [
            "+86 400 000 0001",
            "+1 555 0100 0000",
            "95188 ext 4000000000 9",
            "0000000",
            "000 0000",
            "+1 400 000 0000",
            "951880",
            "95188 or +86 171 2345 6789",
        ] {
            assert_eq!(verdict(given), Verdict::Unofficial, "{given}");
        }
    }

    #[test]
    fn links_must_be_https_on_the_official_host_with_no_user_part() {
        for given in [
            "https://example.com/refund",
            "https://www.example.com",
            "https://help.example.com/x",
            "HTTPS://EXAMPLE.COM",
            "(https://example.com/help).",
        ] {
            assert_eq!(verdict(given), Verdict::Official, "{given}");
        }
        for given in [
            "https://example.com.refund-help.io",
            "http://example.com",
            "https://notexample.com",
            "go to secure-example.net",
            "https://evil.io/@example.com",
            "https://evil.io/login?u=a@example.com",
            "https://evil.io\\@example.com",
            "https://example.com@evil.io",
            "https://support:x@example.com",
            "javascript://example.com/%0Aalert(1)",
            "javascript:alert('example.com')",
            "https://example.com/help and https://evil.io",
            "https://evil.io and https://example.com/help",
            "https://exаmple.com",
            "evil.io\\@example.com",
            "example.com.evil.io/login",
        ] {
            assert_eq!(verdict(given), Verdict::Unofficial, "{given}");
        }
    }

    #[test]
    fn email_addresses_match_the_whole_official_address() {
        assert_eq!(verdict("Support@Example.com"), Verdict::Official);
        assert_eq!(verdict("mailto:support@example.com"), Verdict::Official);
        for given in [
            "write to refunds@example.com",
            "example.support@gmail.com",
            "\"support@example.com\"@evil.io",
            "support@example.com.evil.io",
            "support@example.com@evil.io",
        ] {
            assert_eq!(verdict(given), Verdict::Unofficial, "{given}");
        }
    }

    #[test]
    fn an_official_name_without_a_scheme_cannot_be_checked() {
        for given in [
            "wechat id example.com",
            "www.example.com",
            "a man called me",
        ] {
            assert_eq!(verdict(given), Verdict::Unconfigured, "{given}");
        }
        assert_eq!(
            verdict("+86 400 000 0000, wechat example.com"),
            Verdict::Unconfigured,
            "one contact that cannot be checked leaves the whole answer unchecked"
        );
    }

    #[test]
    fn nothing_to_compare_is_unconfigured() {
        assert_eq!(
            Official::default().judge(Some("+86 400 000 0000")).verdict,
            Verdict::Unconfigured
        );
        assert_eq!(official().judge(None).verdict, Verdict::Unconfigured);
        assert_eq!(verdict("   "), Verdict::Unconfigured);
        let phones_only = Official::from_config(&Config {
            support: Support {
                phones: vec!["+86 400 000 0000".into()],
                ..Support::default()
            },
            ..Config::default()
        });
        assert_eq!(
            phones_only.judge(Some("https://example.com")).verdict,
            Verdict::Unconfigured
        );
        assert_eq!(
            phones_only.judge(Some("https://evil.io @evil")).verdict,
            Verdict::Unofficial,
            "a link that is not https is never official"
        );
    }

    #[test]
    fn a_national_number_needs_a_country() {
        let mixed = Config {
            support: Support {
                phones: vec!["+86 400 000 0000".into(), "+852 2123 4567".into()],
                ..Support::default()
            },
            ..Config::default()
        };
        let nowhere = Official::from_config(&mixed);
        assert_eq!(
            nowhere.judge(Some("400 000 0000")).verdict,
            Verdict::Unconfigured
        );
        let in_china = Official::from_config_in(&mixed, Some("zh_CN.UTF-8"));
        assert_eq!(
            in_china.judge(Some("400 000 0000")).verdict,
            Verdict::Official
        );
    }

    #[test]
    fn the_explanation_names_each_contact() {
        let judgement = official().judge(Some("+86 400 000 0000 or https://evil.io"));
        assert_eq!(judgement.verdict, Verdict::Unofficial);
        let said = judgement.describe(Lang::En);
        assert!(
            said.ends_with(
                "\n- +86 400 000 0000: an official number.\n- https://evil.io: a website that is not the official one."
            ),
            "{said}"
        );
        let said = judgement.describe(Lang::Zh);
        assert!(said.contains("- https://evil.io：不是官方网站。"), "{said}");
    }
}
