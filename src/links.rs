//! Support links (SPEC "Links"): `wallet-help://<symptom>?<question-id>=<value>&…`.
//!
//! The grammar, as parsed here:
//!
//! - the scheme `wallet-help://` (any case), then the symptom (a guide id or alias,
//!   percent-encoded when it is not ASCII), an optional `/`, then an optional `?` and query;
//! - the query is `key=value` pairs joined by `&`; empty pairs (`&&`, a trailing `&`) are
//!   skipped; the first `=` splits a pair, so a value may hold a raw `=`;
//! - `%XX` decodes to a byte and the result must be UTF-8; `+` is a plus sign, not a space
//!   (RFC 3986, not HTML forms), so `+86…` phone numbers survive; raw non-ASCII text is
//!   accepted as it is, the way browsers show links;
//! - no spaces or control characters anywhere (they are written `%20` and so on), no `#`
//!   fragment (a `#` in a value is written `%23`), no path after the symptom, no key twice,
//!   and at most [`MAX_LEN`] characters. Decoded text may not hold control characters or
//!   bidirectional overrides either: a link comes from anyone, and its values reach the screen.
//!
//! [`Link`]'s `Display` writes the same grammar: everything but `A–Z a–z 0–9 - . _ ~ : @` is
//! percent-encoded, so `+`, `&`, `=`, `#`, spaces and Chinese text all survive a round trip.
//!
//! What a link may set is decided against the guide by [`check_keys`]: only input questions
//! the guide marks `linkable`, and never an option. The values themselves are checked by
//! `GivenAnswers::resolve`, like every other answer.

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use crate::error::{Error, Result};
use crate::guide::catalog::Catalog;
use crate::guide::{Guide, StepKind};
use crate::lang::{Lang, Text};

/// The scheme and the `//` that start every link.
pub const PREFIX: &str = "wallet-help://";

/// The longest link accepted or made, in characters: what browsers, chat apps and ticket
/// systems keep intact.
pub const MAX_LEN: usize = 2000;

/// What stays as it is in a link: RFC 3986's unreserved characters, plus `:` and `@`, which
/// a query may hold and which keep times and addresses readable.
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b':')
    .remove(b'@');

/// A parsed link: the symptom as written (id or alias), and its answers in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub symptom: String,
    pub answers: Vec<(String, String)>,
}

impl Link {
    /// Parses the text of a link. Only the grammar is checked here; the guide and the
    /// values are checked by the caller.
    pub fn parse(text: &str) -> Result<Link> {
        let text = text.trim();
        let len = text.chars().count();
        if len > MAX_LEN {
            return Err(Error::LinkTooLong { len, max: MAX_LEN });
        }
        let bad = |en: String, zh: String| Error::BadLink {
            link: shown(text),
            reason: Text::new(en, zh),
        };
        let said = |en: &str, zh: &str| bad(en.to_string(), zh.to_string());
        if text.chars().any(|c| c.is_whitespace() || is_unsafe(c)) {
            return Err(said(
                "it has a space or control character; write a space as %20",
                "链接里有空格或控制字符；空格要写成 %20",
            ));
        }
        let rest = strip_prefix_ignore_case(text, PREFIX).ok_or_else(|| {
            if strip_prefix_ignore_case(text, "wallet-help:").is_some() {
                said(
                    "expected `wallet-help://` and then the symptom",
                    "应以 `wallet-help://` 开头，后面紧跟问题名",
                )
            } else {
                said(
                    "it does not start with `wallet-help://`",
                    "链接不是以 `wallet-help://` 开头的",
                )
            }
        })?;
        if rest.contains('#') {
            return Err(said(
                "it has a `#` part; a `#` in a value is written %23",
                "链接里有 `#`；回答里的 `#` 要写成 %23",
            ));
        }
        let (target, query) = rest.split_once('?').unwrap_or((rest, ""));
        let target = target.strip_suffix('/').unwrap_or(target);
        if target.contains('/') {
            return Err(said(
                "there is a path after the symptom",
                "问题名后面多了一段路径",
            ));
        }
        let symptom = decode(target).map_err(|why| {
            bad(
                format!("the symptom {}", why.en),
                format!("问题名{}", why.zh),
            )
        })?;
        if symptom.is_empty() {
            return Err(said("it names no symptom", "链接里没有问题名"));
        }
        let mut answers: Vec<(String, String)> = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let Some((raw_key, raw_value)) = pair.split_once('=') else {
                let pair = shown(pair);
                return Err(bad(
                    format!("`{pair}` has no `=`; expected question-id=value"),
                    format!("`{pair}` 里没有 `=`；应为 问题ID=回答"),
                ));
            };
            let key = decode(raw_key).map_err(|why| {
                bad(
                    format!("a question id {}", why.en),
                    format!("问题ID{}", why.zh),
                )
            })?;
            if key.is_empty() {
                return Err(said(
                    "a value has no question id before its `=`",
                    "有个回答的 `=` 前面没有问题ID",
                ));
            }
            let value = decode(raw_value).map_err(|why| {
                let key = shown(&key);
                bad(
                    format!("the value of `{key}` {}", why.en),
                    format!("`{key}` 的回答{}", why.zh),
                )
            })?;
            if answers.iter().any(|(k, _)| *k == key) {
                return Err(bad(
                    format!("it sets `{key}` twice"),
                    format!("`{key}` 被设置了两次"),
                ));
            }
            answers.push((key, value));
        }
        Ok(Link { symptom, answers })
    }

    /// Whether the link, written out, fits in [`MAX_LEN`] characters.
    pub fn check_len(&self) -> Result<()> {
        let len = self.to_string().chars().count();
        if len > MAX_LEN {
            return Err(Error::LinkTooLong { len, max: MAX_LEN });
        }
        Ok(())
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}{}", utf8_percent_encode(&self.symptom, ENCODE))?;
        for (i, (key, value)) in self.answers.iter().enumerate() {
            let sep = if i == 0 { '?' } else { '&' };
            write!(
                f,
                "{sep}{}={}",
                utf8_percent_encode(key, ENCODE),
                utf8_percent_encode(value, ENCODE)
            )?;
        }
        Ok(())
    }
}

/// The guide a link names: by id, by alias, or by id in another case (some programs
/// lowercase what follows `//`, others uppercase it).
pub fn find_guide<'c>(catalog: &'c Catalog, symptom: &str) -> Result<&'c Guide> {
    let entry = catalog
        .find(symptom)
        .or_else(|| catalog.find(&symptom.to_ascii_lowercase()))
        .ok_or_else(|| Error::UnknownSymptom {
            id: symptom.to_string(),
            suggestions: catalog.suggest(symptom),
        })?;
    entry.guide()
}

/// Checks that a link may set each of `keys` in `guide`: an input question the guide marks
/// `linkable`. A key that names an option is refused as one.
pub fn check_keys<'k>(guide: &Guide, keys: impl IntoIterator<Item = &'k str>) -> Result<()> {
    for key in keys {
        let linkable = guide
            .step_named(key)
            .is_some_and(|step| matches!(&step.kind, StepKind::Input(s) if s.linkable));
        if linkable {
            continue;
        }
        if is_option(key) {
            return Err(Error::LinkSetsOption {
                key: key.to_string(),
            });
        }
        return Err(Error::NotLinkable {
            key: key.to_string(),
            guide: guide.id.clone(),
            linkable: linkable_ids(guide),
        });
    }
    Ok(())
}

/// The ids of the questions a link may set in `guide`.
pub fn linkable_ids(guide: &Guide) -> Vec<String> {
    guide
        .steps
        .iter()
        .filter(|s| matches!(&s.kind, StepKind::Input(i) if i.linkable))
        .map(|s| s.id.clone())
        .collect()
}

/// Whether `key` names an option of any command (`output`, `-o`, `--guides`, `config`…),
/// read from the command line itself so that new options are covered too.
fn is_option(key: &str) -> bool {
    if key.starts_with('-') {
        return true;
    }
    let name = key.trim_start_matches('-');
    let command = crate::cli::command(&Catalog::from_guides(Vec::new()), Lang::En);
    let mut stack = vec![&command];
    while let Some(cmd) = stack.pop() {
        let named = cmd.get_arguments().any(|arg| {
            arg.get_long() == Some(name)
                || arg.get_short().is_some_and(|s| name.chars().eq([s]))
                || (arg.get_long().is_some() && arg.get_id() == name)
        });
        if named {
            return true;
        }
        stack.extend(cmd.get_subcommands());
    }
    ["help", "version", "h", "V"].contains(&name)
}

/// Decodes `%XX` escapes; the result must be UTF-8 without control characters.
fn decode(raw: &str) -> Result<String, Text> {
    let bytes = raw.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return Err(Text::new(
                "has a `%` that is not followed by two hex digits",
                "里的 `%` 后面没有跟两位十六进制数字",
            ));
        }
    }
    let text = percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| Text::new("is not UTF-8 text once decoded", "解码后不是 UTF-8 文字"))?;
    if text.chars().any(is_unsafe) {
        return Err(Text::new(
            "has a control character once decoded",
            "解码后含有控制字符",
        ));
    }
    Ok(text.into_owned())
}

/// Characters a link may not carry, even encoded: they could rewrite the terminal or make
/// text read differently from what it is.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let (head, rest) = text.split_at_checked(prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then_some(rest)
}

/// A link or part of one as an error shows it: short, and with anything unprintable escaped.
fn shown(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// `words` joined as one shell command line, each quoted only when it must be: a word of
/// plain characters stays as it is, anything else goes in single quotes (`'\''` for a quote).
pub fn shell_line<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let quote = |word: &str| {
        let plain = !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b))
            && !word.starts_with('=');
        if plain {
            word.to_string()
        } else {
            format!("'{}'", word.replace('\'', r"'\''"))
        }
    };
    words.into_iter().map(quote).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(symptom: &str, answers: &[(&str, &str)]) -> Link {
        Link {
            symptom: symptom.into(),
            answers: answers
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect(),
        }
    }

    fn reason(text: &str) -> String {
        match Link::parse(text) {
            Err(Error::BadLink { reason, .. }) => reason.en,
            other => panic!("{text}: expected a bad link, got {other:?}"),
        }
    }

    #[test]
    fn a_link_round_trips_with_chinese_and_reserved_characters() {
        let original = link(
            "支付失败",
            &[
                ("amount", "59.9元"),
                ("note", "a+b & c=d #5 100% ok?/"),
                ("phone", "+86 138 0013 8000"),
                ("email", "li.lei@example.com"),
                ("occurred-at", "2026-11-21T14:03:00+08:00"),
                ("empty", ""),
            ],
        );
        let text = original.to_string();
        assert!(text.starts_with("wallet-help://%E6%94%AF%E4%BB%98%E5%A4%B1%E8%B4%A5?"));
        assert!(text.contains("&note=a%2Bb%20%26%20c%3Dd%20%235%20100%25%20ok%3F%2F&"));
        assert!(text.contains("&phone=%2B86%20138%200013%208000&"));
        assert!(text.contains("email=li.lei@example.com"));
        assert!(text.contains("occurred-at=2026-11-21T14:03:00%2B08:00"));
        assert!(text.is_ascii());
        assert_eq!(Link::parse(&text).unwrap(), original);
    }

    #[test]
    fn the_plain_form_parses() {
        let parsed = Link::parse(
            " wallet-help://payment-failed?transaction-id=2026112122001400000000001234&amount=59.90%20CNY\n",
        )
        .unwrap();
        assert_eq!(
            parsed,
            link(
                "payment-failed",
                &[
                    ("transaction-id", "2026112122001400000000001234"),
                    ("amount", "59.90 CNY")
                ]
            )
        );
    }

    #[test]
    fn lenient_where_nothing_is_ambiguous() {
        let cases = [
            ("WALLET-HELP://payment-failed", link("payment-failed", &[])),
            ("wallet-help://payment-failed/", link("payment-failed", &[])),
            ("wallet-help://payment-failed?", link("payment-failed", &[])),
            (
                "wallet-help://payment-failed/?a=1&&b=x=y&",
                link("payment-failed", &[("a", "1"), ("b", "x=y")]),
            ),
            // `+` is a plus sign, as RFC 3986 has it.
            (
                "wallet-help://contact?phone=+8613800138000",
                link("contact", &[("phone", "+8613800138000")]),
            ),
            // Raw Chinese, as a browser shows a link.
            (
                "wallet-help://支付失败?amount=59.9元",
                link("支付失败", &[("amount", "59.9元")]),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(Link::parse(text).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn malformed_links_say_what_is_wrong() {
        let cases = [
            ("https://example.com/payment-failed", "does not start with"),
            ("payment-failed", "does not start with"),
            ("wallet-help:payment-failed", "expected `wallet-help://`"),
            ("wallet-help://", "names no symptom"),
            ("wallet-help://?amount=1", "names no symptom"),
            (
                "wallet-help://payment-failed?amount=5%",
                "not followed by two hex",
            ),
            (
                "wallet-help://payment-failed?amount=5%zz",
                "not followed by two hex",
            ),
            // Both characters after a `%` must be hex digits, not just one of them.
            (
                "wallet-help://payment-failed?amount=5%2z",
                "not followed by two hex",
            ),
            (
                "wallet-help://payment-failed?amount=5%z2",
                "not followed by two hex",
            ),
            ("wallet-help://%E6%94", "not UTF-8"),
            ("wallet-help://payment-failed?a", "`a` has no `=`"),
            ("wallet-help://payment-failed?a=1&b", "`b` has no `=`"),
            ("wallet-help://payment-failed?=1", "no question id"),
            ("wallet-help://payment-failed?a=1&a=2", "sets `a` twice"),
            ("wallet-help://payment-failed?a=1#top", "`#` part"),
            (
                "wallet-help://payment-failed/extra",
                "path after the symptom",
            ),
            ("wallet-help://payment-failed?a=5 CNY", "space or control"),
            ("wallet-help://payment-failed?a=%1B[2J", "control character"),
            (
                "wallet-help://payment-failed?a=%E2%80%AEabc",
                "control character",
            ),
        ];
        for (text, want) in cases {
            let why = reason(text);
            assert!(why.contains(want), "{text}: {why:?} lacks {want:?}");
        }
    }

    #[test]
    fn a_link_over_the_limit_is_too_long_not_malformed() {
        let long = format!("{PREFIX}payment-failed?a={}", "9".repeat(MAX_LEN));
        let len = long.chars().count();
        assert!(matches!(
            Link::parse(&long),
            Err(Error::LinkTooLong { len: l, max: MAX_LEN }) if l == len
        ));
        let made = link("payment-failed", &[("a", &"9".repeat(MAX_LEN))]);
        assert!(matches!(made.check_len(), Err(Error::LinkTooLong { .. })));
        assert!(link("payment-failed", &[("a", "1")]).check_len().is_ok());
    }

    #[test]
    fn a_link_of_exactly_the_limit_is_read_and_one_more_character_is_not() {
        let head = format!("{PREFIX}payment-failed?a=");
        let at_limit = format!("{head}{}", "9".repeat(MAX_LEN - head.len()));
        assert_eq!(at_limit.chars().count(), MAX_LEN);
        assert!(Link::parse(&at_limit).is_ok());
        assert!(Link::parse(&at_limit).unwrap().check_len().is_ok());
        let over = format!("{at_limit}9");
        assert!(matches!(
            Link::parse(&over),
            Err(Error::LinkTooLong { len, max: MAX_LEN }) if len == MAX_LEN + 1
        ));
        let made = link(
            "payment-failed",
            &[("a", &"9".repeat(MAX_LEN - head.len() + 1))],
        );
        assert!(matches!(
            made.check_len(),
            Err(Error::LinkTooLong { len, .. }) if len == MAX_LEN + 1
        ));
        // Characters, not bytes: 2000 Chinese characters fit; the bytes would not.
        let chinese = format!("{head}{}", "元".repeat(MAX_LEN - head.len()));
        assert!(Link::parse(&chinese).is_ok());
    }

    #[test]
    fn errors_show_links_short_and_escaped() {
        let Err(Error::BadLink { link, .. }) = Link::parse(&format!("x\u{1b}{}", "y".repeat(100)))
        else {
            panic!("not a bad link")
        };
        assert!(
            link.starts_with("x\\u{1b}yyy") && link.ends_with('…'),
            "{link}"
        );
    }

    #[test]
    fn options_are_recognised_in_every_spelling() {
        for key in [
            "output",
            "-o",
            "o",
            "--guides",
            "config",
            "answers",
            "set",
            "force",
            "lang",
            "--no-input",
            "json",
            "help",
            "-",
        ] {
            assert!(is_option(key), "{key}");
        }
        for key in ["amount", "transaction-id", "occurred-at", "symptom"] {
            assert!(!is_option(key), "{key}");
        }
    }

    #[test]
    fn only_linkable_questions_may_be_set() {
        let catalog = Catalog::load(&[]).unwrap();
        let guide = find_guide(&catalog, "支付失败").unwrap();
        assert_eq!(guide.id, "payment-failed");
        assert!(check_keys(guide, ["transaction-id", "amount", "occurred-at"]).is_ok());
        assert!(matches!(
            check_keys(guide, ["amount", "error-message"]),
            Err(Error::NotLinkable { key, linkable, .. })
                if key == "error-message" && linkable == linkable_ids(guide)
        ));
        let linkable = linkable_ids(guide);
        for id in ["transaction-id", "amount", "occurred-at"] {
            assert!(linkable.iter().any(|l| l == id), "{id} in {linkable:?}");
        }
        assert!(
            !linkable
                .iter()
                .any(|l| l == "error-message" || l.is_empty())
        );
        assert!(matches!(
            check_keys(guide, ["network-ok"]),
            Err(Error::NotLinkable { .. })
        ));
        assert!(matches!(
            check_keys(guide, ["output"]),
            Err(Error::LinkSetsOption { key }) if key == "output"
        ));
        assert!(matches!(
            find_guide(&catalog, "PAYMENT-FAILED"),
            Ok(g) if g.id == "payment-failed"
        ));
        assert!(matches!(
            find_guide(&catalog, "payment-faild"),
            Err(Error::UnknownSymptom { suggestions, .. }) if suggestions[0] == "payment-failed"
        ));
    }

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(
            shell_line([
                "wallet-help",
                "--set",
                "transaction-id=2026112122001400000000001234",
                "--set",
                "amount=59.90 CNY",
                "--set",
                "note=it's $HOME",
                "--set",
                "amount=59.9元",
                "",
            ]),
            "wallet-help --set transaction-id=2026112122001400000000001234 --set 'amount=59.90 CNY' \
             --set 'note=it'\\''s $HOME' --set 'amount=59.9元' ''"
        );
    }
}
