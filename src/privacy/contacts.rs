//! Phone numbers and email addresses a user gives as answers. They are not secrets: support
//! needs them to find the account, so reports show them in full. These masks are for the user
//! who chooses, at the review, to show less of them.

/// A phone number with its middle hidden: `138****8000`, or `+8613*****8000` with a country
/// code. Support can still match the account by what is left. Input is a normalised number.
pub fn mask_phone(normalised: &str) -> String {
    let keep_front = if normalised.starts_with('+') { 5 } else { 3 };
    let chars: Vec<char> = normalised.chars().collect();
    let Some(hidden) = chars.len().checked_sub(keep_front + 4) else {
        return normalised.to_string();
    };
    let front: String = chars.iter().take(keep_front).collect();
    let back: String = chars.iter().skip(keep_front + hidden).collect();
    format!("{front}{}{back}", "*".repeat(hidden))
}

/// An email address with most of its local part hidden: `j***@example.com` (the first
/// character and the domain stay). Always three stars, so the mask does not tell how long the
/// local part is. Input is a normalised address.
pub fn mask_email(address: &str) -> String {
    let (local, domain) = match address.rsplit_once('@') {
        Some((local, domain)) => (local, Some(domain)),
        None => (address, None),
    };
    let first: String = local.chars().take(1).collect();
    match domain {
        Some(domain) => format!("{first}***@{domain}"),
        None => format!("{first}***"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_keep_only_their_ends() {
        assert_eq!(mask_phone("13800138000"), "138****8000");
        assert_eq!(mask_phone("+8613800138000"), "+8613*****8000");
        assert_eq!(mask_phone("+442079460958"), "+4420****0958");
        assert_eq!(mask_phone("1234567"), "1234567");
        assert_eq!(mask_phone("12345678"), "123*5678");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn emails_keep_their_first_character_and_domain() {
        assert_eq!(mask_email("jane.doe@example.com"), "j***@example.com");
        assert_eq!(
            mask_email("li.lei+wallet@mail.example.cn"),
            "l***@mail.example.cn"
        );
        assert_eq!(mask_email("j@example.com"), "j***@example.com");
        assert_eq!(mask_email("张伟@例子.中国"), "张***@例子.中国");
        assert_eq!(mask_email("😀x@example.com"), "😀***@example.com");
        assert_eq!(mask_email("\"a@b\"@example.com"), "\"***@example.com");
        assert_eq!(mask_email("@example.com"), "***@example.com");
        assert_eq!(mask_email("nobody"), "n***");
    }
}
