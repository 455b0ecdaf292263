//! Provider settings (`config.toml`): who the wallet is and how to reach its support. Read
//! from `--config`, `WALLET_HELP_CONFIG`, the user's config folder, or the bundled default
//! that names no provider. Every key is documented in `docs/providers.md`.
//!
//! The file is read in two steps, as guides are: TOML with the place of every value, then each
//! key checked against what it may hold, so that every problem is reported at once, each with
//! its file, line and column.

use std::fmt;
use std::fs;
use std::io::Read as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::checks::phone::Number;
use crate::error::{Error, Result};
use crate::location::{Lines, Location};
use crate::region::Region;

/// A config file larger than this is refused: a real one is a few hundred bytes.
pub const MAX_BYTES: u64 = 1024 * 1024;
/// The longest text a setting may hold; it is copied into reports and prompts.
const MAX_CHARS: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `provider.name`.
    pub provider: Option<String>,
    /// `provider.region`: whose timelines and regulators apply, when the provider says.
    pub region: Option<Region>,
    /// `provider.currency`: the ISO 4217 code a bare amount is in.
    pub currency: Option<String>,
    pub support: Support,
    /// `journal = false` keeps no case journal and no draft.
    pub journal: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            provider: None,
            region: None,
            currency: None,
            support: Support::default(),
            journal: true,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Support {
    pub email: Option<String>,
    /// Official numbers, as written: international form or short service numbers.
    pub phones: Vec<String>,
    /// An `https:` link.
    pub website: Option<String>,
    pub hours: Option<String>,
    pub timezone: Option<String>,
    /// How to reach chat in the app, in words (`Me → Help → Chat`).
    pub chat: Option<String>,
    /// The formal complaint channel: an `https:` link or an email address.
    pub complaints: Option<String>,
}

/// One problem in a config file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigIssue {
    pub location: Location,
    pub message: String,
}

impl fmt::Display for ConfigIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// What a key may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Email,
    Phones,
    HttpsLink,
    Timezone,
    Currency,
    Complaints,
    Region,
}

const PROVIDER_KEYS: [(&str, Kind); 3] = [
    ("name", Kind::Text),
    ("currency", Kind::Currency),
    ("region", Kind::Region),
];

const SUPPORT_KEYS: [(&str, Kind); 7] = [
    ("email", Kind::Email),
    ("phones", Kind::Phones),
    ("website", Kind::HttpsLink),
    ("hours", Kind::Text),
    ("timezone", Kind::Timezone),
    ("chat", Kind::Text),
    ("complaints", Kind::Complaints),
];

const SECTIONS: [&str; 2] = ["provider", "support"];

/// Keys of their own at the top of the file, beside the sections.
const TOP_KEYS: [&str; 1] = ["journal"];

impl Config {
    /// The explicit file (flag or environment), else the user's, else the default.
    pub fn load(explicit: Option<&Path>) -> Result<Config> {
        match Config::locate(explicit) {
            Some(path) => Config::read(&path),
            None => Ok(Config::default()),
        }
    }

    /// The file settings come from: `explicit`, else the user's config file if there is one.
    /// `None` means the bundled default.
    pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
        if let Some(path) = explicit {
            return Some(path.to_path_buf());
        }
        user_config_path().filter(|p| fs::symlink_metadata(p).is_ok())
    }

    pub fn read(path: &Path) -> Result<Config> {
        let source = read_source(path)?;
        Config::parse(&path.display().to_string(), &source)
    }

    /// Parses and checks `source`; every problem at once.
    pub fn parse(file: &str, source: &str) -> Result<Config> {
        let (config, mut issues) = Config::check_source(file, source);
        match issues.len() {
            0 => Ok(config),
            1 => {
                let issue = issues.remove(0);
                Err(Error::InvalidConfig {
                    location: issue.location,
                    message: issue.message,
                })
            }
            _ => Err(Error::ConfigIssues {
                file: file.to_string(),
                issues,
            }),
        }
    }

    /// The settings `source` holds, and every problem with them, in file order.
    pub fn check_source(file: &str, source: &str) -> (Config, Vec<ConfigIssue>) {
        let mut checker = Checker {
            file,
            lines: Lines::new(source),
            issues: Vec::new(),
        };
        let (table, errors) = DeTable::parse_recoverable(source);
        for e in &errors {
            checker.push(e.span(), e.message().trim().to_string());
        }
        let syntax_lines: Vec<usize> = checker.issues.iter().map(|i| i.location.line).collect();
        let mut config = Config::default();
        for (key, value) in table.get_ref() {
            let name = key.get_ref().as_ref();
            match (name, value.get_ref()) {
                ("provider", DeValue::Table(t)) => checker.provider(t, &mut config),
                ("support", DeValue::Table(t)) => checker.support(t, &mut config.support),
                ("journal", DeValue::Boolean(on)) => config.journal = *on,
                ("journal", other) => checker.push(
                    Some(value.span()),
                    format!("`journal` is {}; expected true or false", describe(other)),
                ),
                (section, other) if SECTIONS.contains(&section) => checker.push(
                    Some(value.span()),
                    format!(
                        "`{section}` is {}; expected a table (`[{section}]` on its own line, then its keys)",
                        describe(other)
                    ),
                ),
                (unknown, _) => {
                    let known: Vec<&str> = SECTIONS.iter().chain(&TOP_KEYS).copied().collect();
                    checker.unknown(key.span(), "", unknown, &known);
                }
            }
        }
        // A line TOML could not read has only that problem: the rest is what recovery guessed.
        let mut issues = checker.issues;
        let syntax = errors.len().min(issues.len());
        let from_keys = issues.split_off(syntax);
        issues.extend(
            from_keys
                .into_iter()
                .filter(|i| !syntax_lines.contains(&i.location.line)),
        );
        issues.sort_by(|a, b| a.location.cmp(&b.location));
        (config, issues)
    }
}

fn user_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("wallet-help").join("config.toml"))
}

/// The file's text: a regular file (a symlink to one is fine) of at most [`MAX_BYTES`], in
/// UTF-8. A missing file is a usage error (exit 2); anything else wrong with it is exit 3.
fn read_source(path: &Path) -> Result<String> {
    let file = path.display().to_string();
    let refuse = |message: String| Error::InvalidConfig {
        location: Location {
            file: file.clone(),
            line: 1,
            column: 1,
        },
        message,
    };
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::ConfigMissing {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(Error::io("read config", path, e)),
    };
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file"
        };
        return Err(refuse(format!("this is {what}; expected a TOML file")));
    }
    let too_big = |size: u64| {
        refuse(format!(
            "the file has {size} bytes; a config file may have at most {MAX_BYTES} (1 MiB)"
        ))
    };
    if meta.len() > MAX_BYTES {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io("read config", path, e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        Error::InvalidConfig {
            location: Location::at(&file, &text, offset),
            message: "the file is not UTF-8 text".into(),
        }
    })
}

struct Checker<'a> {
    file: &'a str,
    lines: Lines<'a>,
    issues: Vec<ConfigIssue>,
}

/// A file with more problems than this is not a config file; the rest are not listed.
const MAX_ISSUES: usize = 100;

impl Checker<'_> {
    fn push(&mut self, span: Option<Range<usize>>, message: String) {
        if self.issues.len() >= MAX_ISSUES {
            return;
        }
        self.issues.push(ConfigIssue {
            location: self.lines.at(self.file, span.map_or(0, |s| s.start)),
            message,
        });
    }

    fn unknown(&mut self, span: Range<usize>, section: &str, key: &str, known: &[&str]) {
        let full = if section.is_empty() {
            key.to_string()
        } else {
            format!("{section}.{key}")
        };
        let closest = known
            .iter()
            .map(|k| (strsim::damerau_levenshtein(k, key), k))
            .filter(|(d, _)| *d <= 2)
            .min();
        let expected = match closest {
            Some((_, k)) => format!("did you mean `{k}`?"),
            None => format!("expected one of `{}`", known.join("`, `")),
        };
        self.push(Some(span), format!("unknown key `{full}`; {expected}"));
    }

    fn provider(&mut self, table: &DeTable<'_>, config: &mut Config) {
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            let Some(kind) = kind_of(&PROVIDER_KEYS, name) else {
                let known: Vec<&str> = PROVIDER_KEYS.iter().map(|(k, _)| *k).collect();
                self.unknown(key.span(), "provider", name, &known);
                continue;
            };
            let Some(text) = self.string(value, "provider", name, kind) else {
                continue;
            };
            match name {
                "name" => config.provider = Some(text),
                "region" => config.region = Region::from_name(&text),
                _ => config.currency = Some(text),
            }
        }
    }

    fn support(&mut self, table: &DeTable<'_>, support: &mut Support) {
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            let Some(kind) = kind_of(&SUPPORT_KEYS, name) else {
                let known: Vec<&str> = SUPPORT_KEYS.iter().map(|(k, _)| *k).collect();
                self.unknown(key.span(), "support", name, &known);
                continue;
            };
            if kind == Kind::Phones {
                support.phones = self.phones(value);
                continue;
            }
            let Some(text) = self.string(value, "support", name, kind) else {
                continue;
            };
            let slot = match name {
                "email" => &mut support.email,
                "website" => &mut support.website,
                "hours" => &mut support.hours,
                "timezone" => &mut support.timezone,
                "chat" => &mut support.chat,
                _ => &mut support.complaints,
            };
            *slot = Some(text);
        }
    }

    /// A string value that passes `kind`'s rule, or `None` after recording why not.
    fn string(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        section: &str,
        key: &str,
        kind: Kind,
    ) -> Option<String> {
        let full = format!("{section}.{key}");
        let DeValue::String(text) = value.get_ref() else {
            let message = format!(
                "`{full}` is {}; expected a string",
                describe(value.get_ref())
            );
            self.push(Some(value.span()), message);
            return None;
        };
        match check_text(text, kind) {
            Ok(()) => Some(text.to_string()),
            Err(why) => {
                let shown = shown(text);
                self.push(Some(value.span()), format!("`{full}` is `{shown}`; {why}"));
                None
            }
        }
    }

    fn phones(&mut self, value: &Spanned<DeValue<'_>>) -> Vec<String> {
        let DeValue::Array(items) = value.get_ref() else {
            let message = format!(
                "`support.phones` is {}; expected a list of numbers such as [\"+86 400 000 0000\", \"95188\"]",
                describe(value.get_ref())
            );
            self.push(Some(value.span()), message);
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.string(item, "support", "phones", Kind::Phones))
            .collect()
    }
}

fn kind_of(keys: &[(&str, Kind)], name: &str) -> Option<Kind> {
    keys.iter().find(|(k, _)| *k == name).map(|(_, kind)| *kind)
}

/// `a string`, `an integer`, … for "is … ; expected …".
fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A value as it can be shown in an error: no control characters, at most 60 characters.
fn shown(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if is_forbidden(c) { '\u{fffd}' } else { c })
        .take(60)
        .collect();
    if text.chars().count() > 60 {
        format!("{clean}…")
    } else {
        clean
    }
}

/// Control characters, and the invisible ones that reorder text on screen.
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Why `text` cannot be a value of `kind`, as the end of "`key` is `value`; …".
fn check_text(text: &str, kind: Kind) -> Result<(), String> {
    if let Some(c) = text.chars().find(|c| is_forbidden(*c)) {
        return Err(format!(
            "it holds the control character U+{:04X}; expected plain text",
            u32::from(c)
        ));
    }
    if text.trim().is_empty() {
        return Err("expected a value; leave the key out when there is none".into());
    }
    if text.chars().count() > MAX_CHARS {
        return Err(format!("expected at most {MAX_CHARS} characters"));
    }
    match kind {
        Kind::Text => Ok(()),
        Kind::Email => check_email(text),
        Kind::Phones => Number::parse_official(text)
            .map(|_| ())
            .map_err(|p| p.message().to_string()),
        Kind::HttpsLink => check_https(text),
        Kind::Timezone => jiff::tz::TimeZone::get(text)
            .map(|_| ())
            .map_err(|_| "expected an IANA time zone such as Asia/Shanghai".to_string()),
        Kind::Currency => iso_currency::Currency::from_code(text)
            .map(|_| ())
            .ok_or_else(|| "expected an ISO 4217 currency code such as CNY or USD".to_string()),
        Kind::Region => Region::from_name(text)
            .map(|_| ())
            .ok_or_else(|| format!("expected {}", Region::NAMES)),
        Kind::Complaints => {
            let address = text.strip_prefix("mailto:").unwrap_or(text);
            if !text.contains("://") && check_email(address).is_ok() {
                Ok(())
            } else {
                check_https(text)
                    .map_err(|_| "expected an https:// link or an email address".to_string())
            }
        }
    }
}

fn check_email(text: &str) -> Result<(), String> {
    let options = email_address::Options::default();
    match email_address::EmailAddress::parse_with_options(text, options) {
        Ok(address) if address.domain().contains('.') => Ok(()),
        _ => Err("expected an email address".into()),
    }
}

/// An `https:` link to a named host, with nothing before an `@`.
fn check_https(text: &str) -> Result<(), String> {
    let expected = "expected a link that starts with https://";
    let url = url::Url::parse(text).map_err(|_| expected.to_string())?;
    let named_host = url.domain().is_some_and(|d| d.contains('.'));
    let userinfo = !url.username().is_empty() || url.password().is_some();
    if url.scheme() != "https" || !named_host || userinfo {
        return Err(expected.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC_EXAMPLE: &str = r#"
[provider]
name = "Example Wallet"
currency = "CNY"
[support]
email = "support@example.com"
phones = ["+86 400 000 0000", "95188"]
website = "https://example.com/help"
hours = "09:00-21:00"
timezone = "Asia/Shanghai"
chat = "Me → Help → Chat with us"
complaints = "https://example.com/complaints"
"#;

    fn issues(src: &str) -> Vec<String> {
        Config::check_source("c.toml", src)
            .1
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_every_key() {
        let config = Config::parse("c.toml", SPEC_EXAMPLE).unwrap();
        assert_eq!(config.provider.as_deref(), Some("Example Wallet"));
        assert_eq!(config.currency.as_deref(), Some("CNY"));
        assert_eq!(config.support.email.as_deref(), Some("support@example.com"));
        assert_eq!(config.support.phones, ["+86 400 000 0000", "95188"]);
        assert_eq!(
            config.support.chat.as_deref(),
            Some("Me → Help → Chat with us")
        );
        assert_eq!(
            config.support.complaints.as_deref(),
            Some("https://example.com/complaints")
        );
        assert_eq!(Config::parse("c.toml", "").unwrap(), Config::default());
    }

    #[test]
    fn unknown_keys_and_bad_values_point_at_their_line() {
        let err = Config::parse("c.toml", "[support]\nemial = \"x\"\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "c.toml:2:1: invalid config: unknown key `support.emial`; did you mean `email`?"
        );
        let err = Config::parse("c.toml", "[support]\ntimezone = \"Mars/Base\"\n").unwrap_err();
        assert!(err.to_string().starts_with("c.toml:2:12:"), "{err}");
        assert_eq!(err.exit_code(), 3);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_file_order() {
        let src = "[provider]\nname = 3\ncolour = \"red\"\n[support]\nphones = [\"call us\", \"+86 400 000 0000\", \"400 000 0000\"]\nwebsite = \"help.x.com\"\ncomplaints = \"javascript:alert(1)\"\nhours = \"9\\u001b[31m\"\n";
        assert_eq!(
            issues(src),
            [
                "c.toml:2:8: `provider.name` is an integer; expected a string",
                "c.toml:3:1: unknown key `provider.colour`; expected one of `name`, `currency`, `region`",
                "c.toml:5:11: `support.phones` is `call us`; expected a phone number: digits, spaces and `-`",
                "c.toml:5:42: `support.phones` is `400 000 0000`; expected international form (`+86 400 000 0000`) or a short service number (`95188`)",
                "c.toml:6:11: `support.website` is `help.x.com`; expected a link that starts with https://",
                "c.toml:7:14: `support.complaints` is `javascript:alert(1)`; expected an https:// link or an email address",
                "c.toml:8:9: `support.hours` is `9\u{fffd}[31m`; it holds the control character U+001B; expected plain text",
            ]
        );
        let err = Config::parse("c.toml", src).unwrap_err();
        assert_eq!(err.to_string(), "7 problems in config file `c.toml`");
        assert_eq!(err.exit_code(), 3);
    }

    #[test]
    fn links_must_be_https_to_a_named_host() {
        for bad in [
            "http://example.com",
            "javascript:alert(1)",
            "https://user@example.com",
            "https://127.0.0.1/",
            "example.com",
        ] {
            assert_eq!(
                issues(&format!("[support]\nwebsite = \"{bad}\"\n")).len(),
                1,
                "{bad}"
            );
        }
        assert!(issues("[support]\ncomplaints = \"mailto:complaints@example.com\"\n").is_empty());
    }

    #[test]
    fn a_section_that_is_not_a_table_says_how_to_write_it() {
        assert_eq!(
            issues("provider = \"Example Wallet\"\n"),
            [
                "c.toml:1:12: `provider` is a string; expected a table (`[provider]` on its own line, then its keys)"
            ]
        );
        assert_eq!(
            issues("[suport]\n"),
            ["c.toml:1:2: unknown key `suport`; did you mean `support`?"]
        );
    }

    #[test]
    fn syntax_errors_have_a_place_too() {
        let found = issues("[support]\nemail = \n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("c.toml:2:"), "{found:?}");
    }

    #[test]
    fn only_small_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Config::read(&dir.path().join("none.toml")).unwrap_err();
        assert_eq!(missing.exit_code(), 2, "{missing}");
        let folder = Config::read(dir.path()).unwrap_err();
        assert_eq!(folder.exit_code(), 3);
        assert!(folder.to_string().contains("this is a folder"), "{folder}");
        let big = dir.path().join("big.toml");
        fs::write(&big, "#".repeat(usize::try_from(MAX_BYTES).unwrap() + 1)).unwrap();
        let err = Config::read(&big).unwrap_err();
        assert!(err.to_string().contains("at most 1048576 (1 MiB)"), "{err}");
        let latin1 = dir.path().join("latin1.toml");
        fs::write(&latin1, b"[provider]\nname = \"caf\xe9\"\n").unwrap();
        let err = Config::read(&latin1).unwrap_err();
        assert!(
            err.to_string()
                .contains(":2:12: invalid config: the file is not UTF-8"),
            "{err}"
        );
    }

    #[test]
    fn region_and_journal_are_read_and_checked() {
        let config =
            Config::parse("c.toml", "journal = false\n[provider]\nregion = \"uk\"\n").unwrap();
        assert_eq!(config.region, Some(Region::Uk));
        assert!(!config.journal);
        assert!(Config::default().journal);
        let err = Config::parse("c.toml", "[provider]\nregion = \"mars\"\n").unwrap_err();
        assert!(err.to_string().contains("cn, us, uk, eu or other"), "{err}");
        assert_eq!(err.exit_code(), 3);
        let err = Config::parse("c.toml", "journal = \"no\"\n").unwrap_err();
        assert!(err.to_string().contains("expected true or false"), "{err}");
        let err = Config::parse("c.toml", "jurnal = false\n").unwrap_err();
        assert!(err.to_string().contains("did you mean `journal`?"), "{err}");
    }
}
