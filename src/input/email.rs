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
        .filter(|_| s.contains('.') && !s.contains(char::is_whitespace))
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
        for bad in ["not-an-email", "a@b", "a b@example.com"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
