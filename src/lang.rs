//! The two interface languages, and text that carries both of them side by side.

use serde::{Deserialize, Serialize};

use crate::region::Region;

/// A language the tool speaks. Every user-facing string exists in each of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The short code used on the command line and in reports.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Parses `en` or `zh` exactly, as `--lang` takes them.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Reads a POSIX locale such as `zh_CN.UTF-8`: any `zh*` is Chinese, anything else English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Picks one of two strings; for the tool's own short messages.
    pub fn pick(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// Items as a sentence lists them, the last two joined by "and": `a, b and c`, `甲、乙和丙`.
    pub fn list(self, items: &[&str]) -> String {
        let (comma, and) = match self {
            Lang::En => (", ", " and "),
            Lang::Zh => ("、", "和"),
        };
        match items.split_last() {
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{}{and}{last}", rest.join(comma)),
            None => String::new(),
        }
    }
}

/// A user-facing string in both languages, and in either language for readers in one region
/// (`text.zh-cn`: what a Chinese reader in mainland China sees instead of `text.zh`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    pub zh: String,
    pub regional: Vec<(Lang, Region, String)>,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
            regional: Vec::new(),
        }
    }

    /// The text as a reader in `region` sees it: that region's variants in place of the
    /// general text, in each language that has one.
    #[must_use]
    pub fn for_region(&self, region: Region) -> Text {
        let mut text = Text::new(self.en.clone(), self.zh.clone());
        for (lang, r, variant) in &self.regional {
            if *r == region {
                match lang {
                    Lang::En => text.en.clone_from(variant),
                    Lang::Zh => text.zh.clone_from(variant),
                }
            }
        }
        text
    }

    /// Every string of this text: both languages and every region's.
    pub fn all(&self) -> impl Iterator<Item = (Lang, Option<Region>, &str)> {
        [
            (Lang::En, None, self.en.as_str()),
            (Lang::Zh, None, self.zh.as_str()),
        ]
        .into_iter()
        .chain(
            self.regional
                .iter()
                .map(|(l, r, s)| (*l, Some(*r), s.as_str())),
        )
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// Words in both languages, such as aliases and search keywords.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    pub en: Vec<String>,
    pub zh: Vec<String>,
}

impl Words {
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.en.iter().chain(&self.zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_locales_pick_chinese_and_everything_else_english() {
        for (locale, expected) in [
            ("zh_CN.UTF-8", Lang::Zh),
            ("zh_TW", Lang::Zh),
            ("ZH", Lang::Zh),
            ("en_US.UTF-8", Lang::En),
            ("C", Lang::En),
            ("", Lang::En),
            ("fr_FR", Lang::En),
        ] {
            assert_eq!(Lang::from_locale(locale), expected, "{locale}");
        }
    }
}
