//! The two interface languages, and text that carries both of them side by side.

use serde::Serialize;

/// A language the tool speaks. Every user-facing string exists in each of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
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
}

/// A user-facing string in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// Words in both languages, such as aliases and search keywords.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
