//! Where the user's wallet is used, for what guides and reports say about timelines,
//! regulators and channels: mainland China, the US, the UK, the EU, or elsewhere. It reads
//! names, locales and time zone names, and knows nothing of guides or settings.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    Cn,
    Us,
    Uk,
    Eu,
    Other,
}

/// The EU's member states by ISO 3166 code, as a locale's territory names them.
const EU_TERRITORIES: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// IANA zones in EU member states (besides the `Europe/` cities below).
const EU_ZONES: [&str; 36] = [
    "Europe/Amsterdam",
    "Europe/Athens",
    "Europe/Berlin",
    "Europe/Bratislava",
    "Europe/Brussels",
    "Europe/Bucharest",
    "Europe/Budapest",
    "Europe/Busingen",
    "Europe/Copenhagen",
    "Europe/Dublin",
    "Europe/Helsinki",
    "Europe/Lisbon",
    "Europe/Ljubljana",
    "Europe/Luxembourg",
    "Europe/Madrid",
    "Europe/Malta",
    "Europe/Mariehamn",
    "Europe/Nicosia",
    "Europe/Paris",
    "Europe/Prague",
    "Europe/Riga",
    "Europe/Rome",
    "Europe/Sofia",
    "Europe/Stockholm",
    "Europe/Tallinn",
    "Europe/Vienna",
    "Europe/Vilnius",
    "Europe/Warsaw",
    "Europe/Zagreb",
    "Asia/Nicosia",
    "Asia/Famagusta",
    "Atlantic/Azores",
    "Atlantic/Canary",
    "Atlantic/Madeira",
    "Africa/Ceuta",
    "Eire",
];

/// IANA zones of mainland China (Hong Kong, Macau and Taiwan have their own rules).
const CN_ZONES: [&str; 7] = [
    "Asia/Shanghai",
    "Asia/Chongqing",
    "Asia/Chungking",
    "Asia/Harbin",
    "Asia/Urumqi",
    "Asia/Kashgar",
    "PRC",
];

const UK_ZONES: [&str; 4] = ["Europe/London", "Europe/Belfast", "GB", "GB-Eire"];

/// US zones outside the `America/` cities and subfolders listed in `from_time_zone`.
const US_ZONES: [&str; 20] = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Phoenix",
    "America/Anchorage",
    "America/Adak",
    "America/Boise",
    "America/Detroit",
    "America/Juneau",
    "America/Menominee",
    "America/Metlakatla",
    "America/Nome",
    "America/Sitka",
    "America/Yakutat",
    "America/Puerto_Rico",
    "Pacific/Honolulu",
    "EST5EDT",
    "CST6CDT",
    "PST8PDT",
];

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Cn,
        Region::Us,
        Region::Uk,
        Region::Eu,
        Region::Other,
    ];

    /// What a region may be written as, for messages.
    pub const NAMES: &'static str = "cn, us, uk, eu or other";

    pub fn name(self) -> &'static str {
        match self {
            Region::Cn => "cn",
            Region::Us => "us",
            Region::Uk => "uk",
            Region::Eu => "eu",
            Region::Other => "other",
        }
    }

    /// `cn`, `us`, `uk`, `eu` or `other`, in any case.
    pub fn from_name(name: &str) -> Option<Region> {
        let name = name.trim().to_ascii_lowercase();
        Region::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The region in words, for text that says which region it is about.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Region::Cn => lang.pick("mainland China", "中国大陆"),
            Region::Us => lang.pick("the US", "美国"),
            Region::Uk => lang.pick("the UK", "英国"),
            Region::Eu => lang.pick("the EU", "欧盟"),
            Region::Other => lang.pick("elsewhere", "其他地区"),
        }
    }

    /// The region of a POSIX locale's territory (`zh_CN.UTF-8` → mainland China,
    /// `en_GB` → the UK, `de_DE` → the EU); `None` when it names none (`C`, `en`).
    pub fn from_locale(locale: &str) -> Option<Region> {
        let name = locale.split(['.', '@']).next().unwrap_or_default();
        let territory = name.split(['_', '-']).nth(1)?.to_ascii_uppercase();
        Some(match territory.as_str() {
            "CN" => Region::Cn,
            "US" => Region::Us,
            "GB" | "UK" => Region::Uk,
            t if EU_TERRITORIES.contains(&t) => Region::Eu,
            _ => Region::Other,
        })
    }

    /// The region of an IANA time zone; `None` for zones that say nothing of a place
    /// (`UTC`, `Etc/GMT+8`), which many servers and containers run in.
    pub fn from_time_zone(zone: &str) -> Option<Region> {
        let zone = zone.trim_start_matches(':');
        if zone.is_empty() || zone == "UTC" || zone == "GMT" || zone.starts_with("Etc/") {
            return None;
        }
        let us_folders = [
            "US/",
            "America/Indiana/",
            "America/Kentucky/",
            "America/North_Dakota/",
        ];
        Some(if CN_ZONES.contains(&zone) {
            Region::Cn
        } else if UK_ZONES.contains(&zone) {
            Region::Uk
        } else if EU_ZONES.contains(&zone) {
            Region::Eu
        } else if US_ZONES.contains(&zone) || us_folders.iter().any(|f| zone.starts_with(f)) {
            Region::Us
        } else {
            Region::Other
        })
    }

    /// SPEC's chain: what the user set (`WALLET_HELP_REGION`), then the provider's
    /// `provider.region`, then the time zone (where the user is), then the locale's
    /// territory, else `other`.
    pub fn detect(
        set: Option<Region>,
        provider: Option<Region>,
        zone: Option<&str>,
        locale: Option<&str>,
    ) -> Region {
        set.or(provider)
            .or_else(|| zone.and_then(Region::from_time_zone))
            .or_else(|| locale.and_then(Region::from_locale))
            .unwrap_or(Region::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_ignore_case() {
        for region in Region::ALL {
            assert_eq!(Region::from_name(region.name()), Some(region));
        }
        assert_eq!(Region::from_name(" UK "), Some(Region::Uk));
        assert_eq!(Region::from_name("china"), None);
    }

    #[test]
    fn locales_name_a_region_by_their_territory() {
        for (locale, region) in [
            ("zh_CN.UTF-8", Some(Region::Cn)),
            ("en_US.UTF-8", Some(Region::Us)),
            ("en_GB", Some(Region::Uk)),
            ("de_DE@euro", Some(Region::Eu)),
            ("fr-FR", Some(Region::Eu)),
            ("zh_TW.UTF-8", Some(Region::Other)),
            ("en_AU", Some(Region::Other)),
            ("C", None),
            ("en", None),
            ("", None),
        ] {
            assert_eq!(Region::from_locale(locale), region, "{locale}");
        }
    }

    #[test]
    fn time_zones_name_a_region_and_utc_names_none() {
        for (zone, region) in [
            ("Asia/Shanghai", Some(Region::Cn)),
            (":Asia/Urumqi", Some(Region::Cn)),
            ("Asia/Hong_Kong", Some(Region::Other)),
            ("Europe/London", Some(Region::Uk)),
            ("Europe/Paris", Some(Region::Eu)),
            ("Europe/Zurich", Some(Region::Other)),
            ("America/New_York", Some(Region::Us)),
            ("America/Indiana/Knox", Some(Region::Us)),
            ("America/Toronto", Some(Region::Other)),
            ("UTC", None),
            ("Etc/UTC", None),
            ("Etc/GMT-8", None),
        ] {
            assert_eq!(Region::from_time_zone(zone), region, "{zone}");
        }
    }

    #[test]
    fn the_users_setting_beats_the_provider_and_the_zone_beats_the_locale() {
        let detect = Region::detect;
        assert_eq!(
            detect(Some(Region::Uk), Some(Region::Cn), None, None),
            Region::Uk
        );
        assert_eq!(
            detect(None, Some(Region::Cn), Some("Europe/London"), None),
            Region::Cn
        );
        assert_eq!(
            detect(None, None, Some("Europe/London"), Some("en_US.UTF-8")),
            Region::Uk,
            "a UK user whose locale is the common en_US default"
        );
        assert_eq!(
            detect(None, None, Some("Etc/UTC"), Some("zh_CN.UTF-8")),
            Region::Cn,
            "a server zone says nothing; the locale does"
        );
        assert_eq!(detect(None, None, None, Some("C")), Region::Other);
    }
}
