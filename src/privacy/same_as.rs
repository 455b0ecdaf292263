//! A password given as another value: "my password is the same as my email address",
//! `密码和手机号一样`. The email addresses (or phone numbers) in the answer are then
//! passwords, wherever they are; a password and a phone only named together
//! (`密碼跟電話都被改了`) or said to differ (`密码不是手机号`) are not.

use std::sync::LazyLock;

use regex::Regex;

use super::Kind;
use super::context::{Context, Finding};
use super::labels::{Label, Rule};

/// A label that names a phone number, when a password is said to be one.
pub(super) fn is_contact_noun(ctx: &Context<'_>, label: Label) -> bool {
    let text = ctx.view.string(label.start, label.end).to_lowercase();
    [
        "phone",
        "phone number",
        "my number",
        "cell",
        "cell number",
        "contact number",
        "whatsapp",
        "手提",
        "mobile",
        "tel",
        "手机",
        "手机号",
        "手機",
        "电话",
        "電話",
        "号码",
        "號碼",
    ]
    .contains(&text.as_str())
}

/// `My password is the same as my email address`, `密码和手机号一样`: the email addresses (or
/// phone numbers) in the answer are then passwords, wherever they are.
pub(super) fn find(ctx: &mut Context<'_>) {
    static SAME: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\bsame\s+as\s+(?:my\s+|the\s+)?(e-?mail|mail|phone|mobile|number)|(?:和|跟|与|與|同)(?:我的)?(邮箱|郵箱|电子邮件|手机号|手機號|手机|手機|电话|電話)(?:号码|號碼)?(?:一样|一樣|相同|一致)|(?:就是|是)(?:我的)?(邮箱|郵箱|电子邮件|手机号|手機號|手机|手機|电话|電話)",
        )
        .ok()
    });
    static EMAIL: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").ok());
    // Only after a password label: the patterns are compiled the first time one is seen.
    if !ctx.labels.iter().any(|l| l.rule == Rule::Password) {
        return;
    }
    let (Some(same), Some(email)) = (SAME.as_ref(), EMAIL.as_ref()) else {
        return;
    };
    let view = ctx.view;
    let text = view.text();
    let char_at = |byte: usize| view.char_at_byte(byte);
    let mut wants = (false, false);
    for m in same.captures_iter(text) {
        let start = m.get(0).map_or(0, |m| m.start());
        // `密码不是手机号`: said not to be.
        if text.get(..start).is_some_and(|t| t.ends_with('不')) {
            continue;
        }
        let at = char_at(start);
        let after_label = ctx.rule_before_in_sentence(at, Rule::Password);
        let what = m
            .get(1)
            .or_else(|| m.get(2))
            .or_else(|| m.get(3))
            .map_or("", |w| w.as_str())
            .to_lowercase();
        if after_label {
            let is_email =
                ["mail", "e-mail", "email", "邮箱", "郵箱", "电子邮件"].contains(&what.as_str());
            if is_email {
                wants.0 = true;
            } else {
                wants.1 = true;
            }
        }
    }
    let mut found = Vec::new();
    if wants.0 {
        found.extend(
            email
                .find_iter(text)
                .map(|m| (char_at(m.start()), char_at(m.end()))),
        );
    }
    if wants.1 {
        for run in super::numbers::runs(view) {
            let digits = run.count(0, run.groups.len());
            if (7..=15).contains(&digits) {
                let start = if view.before(run.start()) == Some('+') {
                    run.start() - 1
                } else {
                    run.start()
                };
                found.push((start, run.end()));
            }
        }
    }
    for (start, end) in found {
        ctx.add(Finding {
            start,
            end,
            kind: Kind::Password,
            certain: true,
            mask: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Policy, scan};

    #[track_caller]
    fn reads(text: &str, expected: &str) {
        assert_eq!(scan(text, Policy::default()).text, expected, "{text:?}");
    }

    #[test]
    fn a_password_that_is_a_phone_number_takes_the_number() {
        reads(
            "password = my phone number 13912345678",
            "password = my phone number [removed]",
        );
        // Another thing support needs is not the password: `zip code` keeps its value.
        reads(
            "password = my zip code 13912345678",
            "password = my zip code 13912345678",
        );
    }

    #[test]
    fn the_plus_of_a_phone_number_goes_with_it() {
        reads(
            "密码和手机号一样，手机号 +86 139 1234 5678",
            "密码和手机号一样，手机号 [removed]",
        );
        reads(
            "my password is the same as my phone number: +8613912345678",
            "my password is the same as my phone number: [removed]",
        );
    }
}
