//! Provider settings (`config.toml`): who the wallet is and how to reach its support. Read
//! from `--config`, `WALLET_HELP_CONFIG`, the user's config folder, or the bundled default
//! that names no provider.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::location::Location;
use crate::region::Region;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub provider: Option<String>,
    /// `provider.region`: whose timelines and regulators apply, when the provider says.
    pub region: Option<Region>,
    pub support: Support,
    /// `journal = false` keeps no case journal and no draft.
    pub journal: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Support {
    pub email: Option<String>,
    #[serde(default)]
    pub phones: Vec<String>,
    pub website: Option<String>,
    pub hours: Option<String>,
    pub timezone: Option<String>,
    pub chat: Option<String>,
    pub complaints: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    provider: Option<RawProvider>,
    support: Option<Support>,
    journal: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvider {
    name: Option<String>,
    region: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            provider: None,
            region: None,
            support: Support::default(),
            journal: true,
        }
    }
}

impl Config {
    /// The explicit file (flag or environment), else the user's, else the default.
    pub fn load(explicit: Option<&Path>) -> Result<Config> {
        if let Some(path) = explicit {
            return Config::read(path);
        }
        match user_config_path() {
            Some(path) if path.is_file() => Config::read(&path),
            _ => Ok(Config::default()),
        }
    }

    pub fn read(path: &Path) -> Result<Config> {
        let source = fs::read_to_string(path).map_err(|e| Error::io("read config", path, e))?;
        Config::parse(&path.display().to_string(), &source)
    }

    pub fn parse(file: &str, source: &str) -> Result<Config> {
        let raw: RawConfig = toml::from_str(source).map_err(|e| Error::InvalidConfig {
            location: Location::of_span(file, source, e.span()),
            message: e.message().trim().to_string(),
        })?;
        let (name, region) = raw.provider.map_or((None, None), |p| (p.name, p.region));
        let config = Config {
            provider: name,
            region: region_setting(region.as_deref(), file, source)?,
            support: raw.support.unwrap_or_default(),
            journal: raw.journal.unwrap_or(true),
        };
        config.check(file, source)?;
        Ok(config)
    }

    fn check(&self, file: &str, source: &str) -> Result<()> {
        let invalid = |key: &str, message: String| Error::InvalidConfig {
            location: Location::at(file, source, source.find(key).unwrap_or(0)),
            message,
        };
        let email_options = email_address::Options::default();
        if let Some(email) = &self.support.email
            && email_address::EmailAddress::parse_with_options(email, email_options).is_err()
        {
            let message = format!("`support.email` is `{email}`; expected an email address");
            return Err(invalid("email", message));
        }
        if let Some(tz) = &self.support.timezone
            && jiff::tz::TimeZone::get(tz).is_err()
        {
            let message = format!(
                "`support.timezone` is `{tz}`; expected an IANA time zone such as Asia/Shanghai"
            );
            return Err(invalid("timezone", message));
        }
        Ok(())
    }
}

/// `provider.region`, when set: one of SPEC's region names.
fn region_setting(value: Option<&str>, file: &str, source: &str) -> Result<Option<Region>> {
    let Some(value) = value else {
        return Ok(None);
    };
    Region::from_name(value)
        .map(Some)
        .ok_or_else(|| Error::InvalidConfig {
            location: Location::at(file, source, source.find("region").unwrap_or(0)),
            message: format!("`provider.region` is `{value}`; expected {}", Region::NAMES),
        })
}

fn user_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("wallet-help").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_spec_example() {
        let src = r#"
[provider]
name = "Example Wallet"
[support]
email = "support@example.com"
phones = ["+86 400 000 0000"]
website = "https://example.com/help"
hours = "09:00-21:00"
timezone = "Asia/Shanghai"
"#;
        let config = Config::parse("c.toml", src).unwrap();
        assert_eq!(config.provider.as_deref(), Some("Example Wallet"));
        assert_eq!(config.region, None);
        assert_eq!(config.support.email.as_deref(), Some("support@example.com"));
        assert_eq!(config.support.phones, ["+86 400 000 0000"]);
        let config = Config::parse("c.toml", "[provider]\nregion = \"uk\"\n").unwrap();
        assert_eq!(config.region, Some(Region::Uk));
    }

    #[test]
    fn unknown_keys_and_bad_values_point_at_their_line() {
        let err = Config::parse("c.toml", "[support]\nemial = \"x\"\n").unwrap_err();
        assert!(
            err.to_string().starts_with("c.toml:2:1: invalid config"),
            "{err}"
        );
        let err = Config::parse("c.toml", "[provider]\nregion = \"mars\"\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "c.toml:2:1: invalid config: `provider.region` is `mars`; expected cn, us, uk, eu or other"
        );
        let err = Config::parse("c.toml", "[support]\ntimezone = \"Mars/Base\"\n").unwrap_err();
        assert!(err.to_string().starts_with("c.toml:2:1:"), "{err}");
        assert_eq!(err.exit_code(), 3);
    }
}
