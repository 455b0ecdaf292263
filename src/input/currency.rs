//! Currencies as people name them (`¥`, `CN¥`, `元`, `块`, `蚊`, `RMB`, `人民币`, `刀`,
//! `港币`, `新台币`, `NT$`, `澳门币`, `€`, `dollars`), and the currency a bare amount is in:
//! the provider's, else the locale's.

use iso_currency::Currency;

use crate::lang::Lang;

/// A currency as written, before the user's context settles the generic ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Named {
    /// An ISO 4217 code, as named or as a symbol stands for it.
    Code(String),
    /// `$`, `dollars`, `bucks`: US dollars, unless the user's own currency is a dollar.
    Dollar,
    /// `元`, `块`, `毛`: yuan, unless the user lives where the local dollar is called 元 and
    /// 块 too (Hong Kong, Taiwan, Macau, Singapore). A US or UK locale does not make 块 a
    /// dollar or a pound: the people who write it there mostly mean their Chinese wallet's
    /// yuan.
    Kuai,
    /// `¥`: yuan, unless the user's own currency is the yen.
    Yen,
    /// `蚊`, `毫`, `仙`: written Cantonese for dollars and cents: Hong Kong's, unless the
    /// user's own currency is Macau's pataca.
    Man,
}

/// `(text, ISO code)`: symbols and Chinese names (simplified: traditional characters are
/// folded first), matched anywhere, longest first where one starts another.
pub(super) const MARKS: [(&str, &str); 49] = [
    ("新加坡元", "SGD"),
    ("新台币", "TWD"),
    ("澳门元", "MOP"),
    ("澳门币", "MOP"),
    ("人民币", "CNY"),
    ("rmb¥", "CNY"),
    ("rmb\u{ffe5}", "CNY"),
    ("cn¥", "CNY"),
    ("cn\u{ffe5}", "CNY"),
    ("mop$", "MOP"),
    ("hk$", "HKD"),
    ("us$", "USD"),
    ("nt$", "TWD"),
    ("nz$", "NZD"),
    ("jp¥", "JPY"),
    ("s$", "SGD"),
    ("au$", "AUD"),
    ("ca$", "CAD"),
    ("sg$", "SGD"),
    ("a$", "AUD"),
    ("c$", "CAD"),
    ("r$", "BRL"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("刀", "USD"),
    ("港币", "HKD"),
    ("港元", "HKD"),
    ("港纸", "HKD"),
    ("葡币", "MOP"),
    ("欧元", "EUR"),
    ("英镑", "GBP"),
    ("日元", "JPY"),
    ("日币", "JPY"),
    ("日圆", "JPY"),
    ("円", "JPY"),
    ("台币", "TWD"),
    ("新币", "SGD"),
    ("澳元", "AUD"),
    ("澳币", "AUD"),
    ("加元", "CAD"),
    ("加币", "CAD"),
    ("韩元", "KRW"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("฿", "THB"),
    ("₱", "PHP"),
    ("₫", "VND"),
];

/// English words for a currency (whole words only).
pub(super) fn word(w: &str) -> Option<Named> {
    let code = |c: &str| Some(Named::Code(c.to_string()));
    match w {
        "rmb" | "yuan" | "renminbi" => code("CNY"),
        "ntd" | "nt" => code("TWD"),
        "pataca" | "patacas" => code("MOP"),
        "kuai" => Some(Named::Kuai),
        "dollar" | "dollars" | "buck" | "bucks" => Some(Named::Dollar),
        "euro" | "euros" => code("EUR"),
        "pound" | "pounds" | "quid" => code("GBP"),
        "yen" => code("JPY"),
        _ => None,
    }
}

/// Currencies that people call dollars.
const DOLLARS: [&str; 8] = ["USD", "HKD", "TWD", "SGD", "AUD", "CAD", "NZD", "MOP"];

/// Chinese-speaking places whose own dollar people call 块 (or 蚊): there 块 is that dollar.
const KUAI_DOLLARS: [&str; 4] = ["HKD", "TWD", "MOP", "SGD"];

/// The ISO code `named` stands for, and whether it was assumed from `default` rather than
/// said: `$5` is 5 HKD in Hong Kong, and is confirmed there.
pub(super) fn resolve(named: &Named, default: Option<&str>) -> (String, bool) {
    match (named, default) {
        (Named::Code(code), _) => (code.clone(), false),
        (Named::Dollar, Some(d)) if d != "USD" && DOLLARS.contains(&d) => (d.to_string(), true),
        (Named::Dollar, _) => ("USD".into(), false),
        (Named::Kuai, Some(d)) if KUAI_DOLLARS.contains(&d) => (d.to_string(), true),
        (Named::Yen, Some("JPY")) => ("JPY".into(), true),
        (Named::Kuai | Named::Yen, _) => ("CNY".into(), false),
        (Named::Man, Some("MOP")) => ("MOP".into(), true),
        (Named::Man, _) => ("HKD".into(), false),
    }
}

/// Whether `explicit` can be what a generic `named` meant: `$5 HKD`, `50块港币`.
pub(super) fn compatible(named: &Named, explicit: &str) -> bool {
    match named {
        Named::Code(code) => code == explicit,
        Named::Dollar => DOLLARS.contains(&explicit),
        Named::Yen => matches!(explicit, "CNY" | "JPY"),
        Named::Kuai | Named::Man => true,
    }
}

/// The currency `code` names, if ISO 4217 knows it.
pub(super) fn known(code: &str) -> Option<Currency> {
    Currency::from_code(code)
}

/// The language and territory of a POSIX locale: `zh_CN.UTF-8@x` → (`zh`, `CN`).
fn split_locale(locale: &str) -> (String, String) {
    let base = locale
        .split(['.', '@'])
        .next()
        .unwrap_or_default()
        .replace('-', "_");
    let mut parts = base.split('_');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let territory = parts.next().unwrap_or_default().to_ascii_uppercase();
    (language, territory)
}

const EURO_AREA: [&str; 20] = [
    "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT",
    "NL", "PT", "SI", "SK",
];

const EURO_LANGUAGES: [&str; 13] = [
    "de", "fr", "es", "it", "nl", "pt", "fi", "el", "et", "lv", "lt", "sk", "sl",
];

/// The currency of a bare amount for a user with this locale and interface language:
/// the territory's (`en_US` → USD, `en_GB` → GBP, `de_DE` → EUR, `zh_HK` → HKD), else the
/// language's where only one currency fits (`zh` → CNY, `de`/`fr`/… → EUR), else none.
pub fn default_currency_for_locale(locale: Option<&str>, lang: Lang) -> Option<&'static str> {
    let (language, territory) = locale.map(split_locale).unwrap_or_default();
    let by_territory = match territory.as_str() {
        "CN" => Some("CNY"),
        "HK" => Some("HKD"),
        "TW" => Some("TWD"),
        "MO" => Some("MOP"),
        "SG" => Some("SGD"),
        "US" => Some("USD"),
        "GB" => Some("GBP"),
        "CA" => Some("CAD"),
        "AU" => Some("AUD"),
        "NZ" => Some("NZD"),
        "JP" => Some("JPY"),
        "KR" => Some("KRW"),
        "IN" => Some("INR"),
        "CH" => Some("CHF"),
        t if EURO_AREA.contains(&t) => Some("EUR"),
        _ => None,
    };
    by_territory.or_else(|| match language.as_str() {
        "zh" => Some("CNY"),
        l if EURO_LANGUAGES.contains(&l) => Some("EUR"),
        _ if lang == Lang::Zh => Some("CNY"),
        _ => None,
    })
}

/// Whether `05/12` is 5 December for this locale: month first in the United States, China,
/// Taiwan, Japan and Korea, day first elsewhere; `None` when the locale does not say
/// (`C.UTF-8`, a bare `en`).
pub fn day_first_for_locale(locale: &str) -> Option<bool> {
    let (language, territory) = split_locale(locale);
    match territory.as_str() {
        "US" | "CN" | "TW" | "JP" | "KR" | "PH" => Some(false),
        "" => match language.as_str() {
            "zh" | "ja" | "ko" => Some(false),
            "en" | "c" | "posix" | "" => None,
            _ => Some(true),
        },
        _ => Some(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_the_default_currency() {
        for (locale, lang, code) in [
            (Some("zh_CN.UTF-8"), Lang::Zh, Some("CNY")),
            (Some("en_US.UTF-8"), Lang::En, Some("USD")),
            (Some("en_GB"), Lang::En, Some("GBP")),
            (Some("de_DE.UTF-8"), Lang::En, Some("EUR")),
            (Some("fr"), Lang::En, Some("EUR")),
            (Some("zh_HK.UTF-8"), Lang::Zh, Some("HKD")),
            (Some("zh_US.UTF-8"), Lang::Zh, Some("USD")),
            (Some("C.UTF-8"), Lang::Zh, Some("CNY")),
            // The territory first, whatever the language.
            (Some("en_CN"), Lang::En, Some("CNY")),
            (Some("en_HK"), Lang::En, Some("HKD")),
            (Some("en_TW"), Lang::En, Some("TWD")),
            (Some("pt_MO"), Lang::En, Some("MOP")),
            (Some("en_SG"), Lang::En, Some("SGD")),
            (Some("es_US"), Lang::En, Some("USD")),
            (Some("fr_CA"), Lang::En, Some("CAD")),
            (Some("en_AU"), Lang::En, Some("AUD")),
            (Some("en_NZ"), Lang::En, Some("NZD")),
            (Some("en_JP"), Lang::En, Some("JPY")),
            (Some("en_KR"), Lang::En, Some("KRW")),
            (Some("en_IN"), Lang::En, Some("INR")),
            (Some("de_CH"), Lang::En, Some("CHF")),
            (Some("en_IE"), Lang::En, Some("EUR")),
            (Some("en-GB"), Lang::En, Some("GBP")),
            (Some("en_ZA"), Lang::Zh, Some("CNY")),
            (Some("en_ZA"), Lang::En, None),
            // Else the language, where one currency fits.
            (Some("pt"), Lang::En, Some("EUR")),
            (Some("zh.UTF-8"), Lang::En, Some("CNY")),
            (Some("ja"), Lang::En, None),
            (Some("C.UTF-8"), Lang::En, None),
            (Some("en"), Lang::En, None),
            (None, Lang::En, None),
        ] {
            assert_eq!(
                default_currency_for_locale(locale, lang),
                code,
                "{locale:?}"
            );
        }
    }

    #[test]
    fn the_locale_orders_day_and_month() {
        for (locale, day_first) in [
            ("en_US.UTF-8", Some(false)),
            ("zh_CN.UTF-8", Some(false)),
            ("zh", Some(false)),
            ("en_GB.UTF-8", Some(true)),
            ("de_DE", Some(true)),
            ("fr", Some(true)),
            ("C.UTF-8", None),
            ("en", None),
            ("en_TW", Some(false)),
            ("en_JP", Some(false)),
            ("en_KR", Some(false)),
            ("en_PH", Some(false)),
            ("en_AU", Some(true)),
            ("zh_HK", Some(true)),
            ("ja", Some(false)),
            ("ko.UTF-8", Some(false)),
            ("POSIX", None),
            ("", None),
        ] {
            assert_eq!(day_first_for_locale(locale), day_first, "{locale}");
        }
    }

    #[test]
    fn generic_names_follow_the_users_currency() {
        assert_eq!(resolve(&Named::Dollar, Some("HKD")), ("HKD".into(), true));
        assert_eq!(resolve(&Named::Dollar, Some("EUR")), ("USD".into(), false));
        assert_eq!(resolve(&Named::Dollar, None), ("USD".into(), false));
        assert_eq!(resolve(&Named::Kuai, Some("CNY")), ("CNY".into(), false));
        assert_eq!(resolve(&Named::Kuai, Some("TWD")), ("TWD".into(), true));
        assert_eq!(resolve(&Named::Kuai, Some("USD")), ("CNY".into(), false));
        assert_eq!(resolve(&Named::Kuai, Some("GBP")), ("CNY".into(), false));
        assert!(compatible(&Named::Dollar, "SGD") && !compatible(&Named::Dollar, "EUR"));
        assert_eq!(resolve(&Named::Man, Some("HKD")), ("HKD".into(), false));
        assert_eq!(resolve(&Named::Man, Some("CNY")), ("HKD".into(), false));
        assert_eq!(resolve(&Named::Man, None), ("HKD".into(), false));
        assert_eq!(resolve(&Named::Man, Some("MOP")), ("MOP".into(), true));
        assert_eq!(resolve(&Named::Yen, Some("JPY")), ("JPY".into(), true));
        assert_eq!(resolve(&Named::Yen, Some("USD")), ("CNY".into(), false));
        assert!(compatible(&Named::Yen, "JPY") && compatible(&Named::Yen, "CNY"));
        assert!(!compatible(&Named::Yen, "USD"));
        assert!(compatible(&Named::Man, "MOP") && compatible(&Named::Kuai, "TWD"));
        assert!(compatible(&Named::Code("HKD".into()), "HKD"));
        assert!(!compatible(&Named::Code("HKD".into()), "CNY"));
    }

    #[test]
    fn english_names_for_currencies() {
        for (w, named) in [
            ("rmb", Some(Named::Code("CNY".into()))),
            ("renminbi", Some(Named::Code("CNY".into()))),
            ("ntd", Some(Named::Code("TWD".into()))),
            ("nt", Some(Named::Code("TWD".into()))),
            ("patacas", Some(Named::Code("MOP".into()))),
            ("kuai", Some(Named::Kuai)),
            ("bucks", Some(Named::Dollar)),
            ("quid", Some(Named::Code("GBP".into()))),
            ("yen", Some(Named::Code("JPY".into()))),
            ("euros", Some(Named::Code("EUR".into()))),
            ("money", None),
        ] {
            assert_eq!(word(w), named, "{w}");
        }
    }
}
