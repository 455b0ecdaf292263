//! Email addresses, as typed; a pasted `mailto:`, `<…>` or `Email:` label is dropped.

pub(super) fn parse(s: &str) -> Option<String> {
    let mut s = s.trim();
    for label in ["email:", "e-mail:", "邮箱：", "邮箱:", "邮箱", "mailto:"] {
        if let Some(rest) = s
            .get(..label.len())
            .filter(|head| head.eq_ignore_ascii_case(label))
            .and_then(|_| s.get(label.len()..))
        {
            s = rest.trim_start();
        }
    }
    let s = s
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(s)
        .trim();
    email_address::EmailAddress::parse_with_options(s, email_address::Options::default())
        .ok()
        .filter(|_| {
            // A mailbox at a domain with a dot, with nothing a screen would not show: the
            // standard allows quoted control characters, which no real address has.
            let domain = s.rsplit_once('@').map_or("", |(_, domain)| domain);
            domain.contains('.')
                && !s
                    .chars()
                    .any(|c| c.is_whitespace() || super::is_unprintable(c))
        })
        .map(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_stay_as_typed_without_their_wrapping() {
        for (typed, normal) in [
            ("li.lei@example.com", "li.lei@example.com"),
            ("Email: Li.Lei@Example.com", "Li.Lei@Example.com"),
            ("<li.lei@example.com>", "li.lei@example.com"),
            ("mailto:li.lei@example.com", "li.lei@example.com"),
            ("邮箱：li.lei@example.com", "li.lei@example.com"),
        ] {
            assert_eq!(parse(typed).as_deref(), Some(normal), "{typed}");
        }
        for bad in [
            "not-an-email",
            "a@b",
            "a b@example.com",
            // Found by fuzzing: a dot only before the `@`, control and bidi characters.
            "li.lei@20",
            "\"\u{91}x\"@example.com",
            "r0.\u{80}1@example.com",
            "li@exam\u{202a}ple.com",
            // A space is allowed inside quotes by the standard, and in no real mailbox.
            "\"li lei\"@example.com",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
