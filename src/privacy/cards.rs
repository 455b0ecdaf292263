//! Card numbers, masked to their last 4 (`•••• 1111`): 13–19 digits that pass Luhn and start
//! like a payment card (ISO/IEC 7812: 2221–2720 and 2200–2204, 3, 4, 5, 6), any 16–19-digit
//! number starting `62` (`UnionPay` numbers that fail Luhn exist), and 12–19 digits right after a
//! card label (`card number`, `卡号`). Found however they are written (see `numbers`), glued to
//! letters or Chinese, or given in two halves in two sentences next to a card label.
//!
//! A number right after the label of an id (`order`, `订单号`) is most likely that id: it is kept
//! if it only passes Luhn, and masked as uncertain if it passes the whole card test (a person is
//! asked; a script masks it). A Luhn-valid number that starts like no card is masked as
//! uncertain too. Every number in a reference answer is kept.

use super::Kind;
use super::context::{Context, Finding};
use super::labels::Rule;
use super::numbers::{self, Run};

/// Whether an answer given as a transaction id or reference is really a card number: 13–19
/// digits (spaces and dashes aside) that pass Luhn and start like a payment card, or a
/// 16–19-digit `UnionPay` number.
pub fn looks_like_card(answer: &str) -> bool {
    let mut digits = Vec::new();
    for c in answer.chars() {
        match c {
            ' ' | '-' | '\u{3000}' => {}
            c => match super::normalize::fold_digit(c) {
                Some(d) => digits.push(d),
                None => return false,
            },
        }
    }
    matches!(card_test(&digits), Some(true))
}

/// `Some(true)`: a card; `Some(false)`: maybe a card (Luhn-valid, but no card starts so);
/// `None`: not a card.
fn card_test(digits: &[u8]) -> Option<bool> {
    let n = digits.len();
    if !(13..=19).contains(&n) {
        return None;
    }
    if n >= 16 && digits.starts_with(&[6, 2]) {
        return Some(true);
    }
    luhn(digits).then(|| card_prefix(digits))
}

/// ISO/IEC 7812's banking and card issuers: 2200–2204 (Mir), 2221–2720 (Mastercard), and
/// every number starting 3 to 6.
fn card_prefix(digits: &[u8]) -> bool {
    match digits {
        [3..=6, ..] => true,
        [2, rest @ ..] => {
            let four = 2000 + numbers::value(rest.get(..3).unwrap_or_default());
            (2200..=2204).contains(&four) || (2221..=2720).contains(&four)
        }
        _ => false,
    }
}

pub(super) fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &d)| {
            let d = u32::from(d);
            if k % 2 == 1 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Masks every card number among the digit runs.
pub(super) fn find(ctx: &mut Context<'_>, runs: &[Run]) {
    if ctx.policy.keep_references {
        return;
    }
    for run in runs {
        find_in_run(ctx, run);
    }
    find_halves(ctx, runs);
}

/// Whether the number at `at` comes right after the label of an id (`order`, `订单号`).
pub(super) fn after_id_label(ctx: &Context<'_>, at: usize) -> bool {
    ctx.label_before(at).is_some_and(|l| l.rule == Rule::Id)
}

fn find_in_run(ctx: &mut Context<'_>, run: &Run) {
    let n = run.groups.len();
    let mut a = run.first_free_group(ctx.view);
    let even = evenly_grouped(run);
    while a < n {
        match card_from(ctx, run, a) {
            Some((finding, used)) => {
                ctx.add(finding);
                a += used;
            }
            // A card in one long, evenly grouped number (a spaced transaction id) starts where
            // the number or the card before it starts.
            None if even => break,
            None => a += 1,
        }
    }
}

/// More digits than any card, in groups of one size (the last maybe shorter).
fn evenly_grouped(run: &Run) -> bool {
    let size = |(s, e): &(usize, usize)| e - s;
    let Some((last, rest)) = run.groups.split_last() else {
        return false;
    };
    let first = rest.first().map_or(size(last), size);
    run.count(0, run.groups.len()) > 19
        && rest.iter().all(|g| size(g) == first)
        && size(last) <= first
}

/// The characters between groups `k - 1` and `k`.
fn separator<'a>(ctx: &Context<'a>, run: &Run, k: usize) -> &'a str {
    match (
        k.checked_sub(1).and_then(|j| run.groups.get(j)),
        run.groups.get(k),
    ) {
        (Some(before), Some(after)) => ctx.view.string(before.1, after.0),
        _ => "",
    }
}

/// The longest card number made of whole groups from group `a`, and how many groups it used.
fn card_from(ctx: &Context<'_>, run: &Run, a: usize) -> Option<(Finding, usize)> {
    let view = ctx.view;
    let n = run.groups.len();
    let (start, _) = *run.groups.get(a)?;
    // Too few digits left for a card: most numbers in a message.
    if run.count(a, n) < 12 {
        return None;
    }
    // A `+` makes a phone number, a decimal point an amount.
    let decimal_before = if a == 0 {
        view.before(start) == Some('.')
            && view.before(start - 1).is_some_and(|c| c.is_ascii_digit())
    } else {
        separator(ctx, run, a) == "."
    };
    // After `+`, a phone number with its country code: nothing in the run is a card.
    let phone = run
        .groups
        .first()
        .is_some_and(|g| view.before(g.0) == Some('+'));
    if decimal_before || phone {
        return None;
    }
    let glued_left = a == 0 && view.before(start).is_some_and(|c| c.is_ascii_alphabetic());
    // Right after a card label (`card number is`, `卡号：`).
    let labelled = a == 0
        && ctx
            .label_before(start)
            .is_some_and(|l| l.rule == Rule::Card)
        && !glued_left;
    let id = a == 0 && after_id_label(ctx, start);
    // A legacy ID number in odd groups (`35149 0661 2137 15`) is not a card and a tail.
    if run.count(0, n) == 15 {
        let whole = run.digits(0, n);
        if super::china_ids::id15_valid(whole) && !luhn(whole) {
            return None;
        }
    }
    // Digits typed one by one are one number: all of it or nothing.
    let one_by_one = run.count(0, n) == n;
    if one_by_one && a > 0 {
        return None;
    }
    // A card has at most 19 digits, so at most 19 groups.
    for b in (a + 1..=n.min(a + 19)).rev() {
        let count = run.count(a, b);
        if count > 19 || (one_by_one && b < n) || !shaped_like_card(run, a, b) {
            continue;
        }
        if count < 12 {
            break;
        }
        let (_, end) = run.groups.get(b - 1).copied()?;
        let decimal_after = if b == n {
            view.is(end, |c| c == '.') && view.is(end + 1, |c| c.is_ascii_digit())
        } else {
            separator(ctx, run, b) == "." && run.count(b, b + 1) <= 2
        };
        if decimal_after {
            continue;
        }
        let glued = glued_left || b == n && view.is(end, |c| c.is_ascii_alphabetic());
        let digits = run.digits(a, b);
        let certain = match card_test(digits) {
            _ if labelled && !glued => true,
            // Glued to letters, only a number that passes Luhn is a card (`card4111…`).
            Some(true) if !glued || luhn(digits) => !id,
            // Luhn-valid, but starting like no card: maybe one, if written as one.
            Some(false) if !glued && !id && grouped_in_fours(run, a, b) => false,
            _ => continue,
        };
        let finding = Finding {
            start,
            end,
            kind: Kind::CardNumber,
            certain,
            mask: Some(format!("•••• {}", numbers::last4(digits))),
        };
        return Some((finding, b - a));
    }
    None
}

/// Whether groups `a..b` are grouped as card numbers are: every group but the last has 3 or
/// more digits (4-4-4-4, 4-6-5), or every group is one digit (`4 1 1 1 …`). Dates and times
/// (`2026-11-21 14:03`) are neither.
fn shaped_like_card(run: &Run, a: usize, b: usize) -> bool {
    let Some((_, rest)) = run.groups.get(a..b).and_then(<[_]>::split_last) else {
        return false;
    };
    rest.iter().all(|(s, e)| e - s >= 3) || run.count(a, b) == b - a
}

/// Words between two halves of a number that say it goes on (`the rest is`, `后面是`).
fn continues(between: &str) -> bool {
    let lower = between.to_lowercase();
    [
        "rest",
        "then",
        "next",
        "last",
        "second half",
        "followed by",
        "ends with",
        "后面",
        "後面",
        "剩下",
        "后半",
        "後半",
        "后几位",
        "后八位",
        "后8位",
        "后11位",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether groups `a..b` are one group or groups of 4 (the last maybe shorter), as cards are
/// printed; not a phone number (3-4-4) and an amount after it.
fn grouped_in_fours(run: &Run, a: usize, b: usize) -> bool {
    let Some(groups) = run.groups.get(a..b) else {
        return false;
    };
    let size = |(s, e): &(usize, usize)| e - s;
    match groups.split_last() {
        Some((_, [])) => true,
        Some((last, rest)) => rest.iter().all(|g| size(g) == 4) && size(last) <= 4,
        None => false,
    }
}

/// A card given in two halves (`starts with 4111 1111. The rest is 1111 1111.`): two runs of
/// 4–12 digits, at most 80 characters apart with no digit between, that together make a card,
/// next to a card label.
fn find_halves(ctx: &mut Context<'_>, runs: &[Run]) {
    let view = ctx.view;
    for pair in runs.windows(2) {
        let [first, second] = pair else { continue };
        let (a, b) = (
            first.count(0, first.groups.len()),
            second.count(0, second.groups.len()),
        );
        if !(4..=12).contains(&a) || !(4..=12).contains(&b) || !(13..=19).contains(&(a + b)) {
            continue;
        }
        if second.start() - first.end() > 80
            || ctx.taken(first.start(), first.end())
            || ctx.taken(second.start(), second.end())
            || after_id_label(ctx, first.start())
            || after_id_label(ctx, second.start())
        {
            continue;
        }
        // A card label in the message, or words that say the number goes on; or words that
        // say the second half is the start (`后八位 … 前八位 …`).
        let between = view.string(first.end(), second.start());
        let labelled = ctx.labels.iter().any(|l| l.rule == Rule::Card) || continues(between);
        let reversed = starts_again(between);
        let (head, tail) = if reversed {
            (second, first)
        } else {
            (first, second)
        };
        let mut digits = head.digits(0, head.groups.len()).to_vec();
        digits.extend_from_slice(tail.digits(0, tail.groups.len()));
        if (labelled || reversed) && card_test(&digits) == Some(true) {
            ctx.add(Finding {
                start: head.start(),
                end: head.end(),
                kind: Kind::CardNumber,
                certain: true,
                mask: Some("••••".to_string()),
            });
            ctx.add(Finding {
                start: tail.start(),
                end: tail.end(),
                kind: Kind::CardNumber,
                certain: true,
                mask: Some(format!("•••• {}", numbers::last4(&digits))),
            });
        }
    }
}

/// Words between two halves of a number that say the second is its start (`the first 8 are`,
/// `前八位`).
fn starts_again(between: &str) -> bool {
    let lower = between.to_lowercase();
    [
        "first half",
        "first 8",
        "first eight",
        "starts with",
        "begins with",
        "前八位",
        "前8位",
        "前半",
        "前面是",
        "开头",
        "開頭",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::super::{Policy, scan};
    use super::*;

    #[track_caller]
    fn masked(text: &str, expected: &str) {
        let out = scan(text, Policy::default());
        assert_eq!(out.text, expected, "{text:?}");
        assert!(
            out.changes.iter().all(|c| c.kind == Kind::CardNumber),
            "{text:?}"
        );
    }

    #[track_caller]
    fn kept(text: &str) {
        let out = scan(text, Policy::default());
        assert_eq!(out.text, text);
        assert!(out.changes.is_empty(), "{text:?}: {:?}", out.changes);
    }

    #[test]
    fn a_legacy_id_number_in_odd_groups_is_an_id_not_a_card() {
        let out = scan("35149 0661 2137 15", Policy::default());
        assert_eq!(out.text, "•••••••••••3715");
        assert!(out.changes.iter().all(|c| c.kind == Kind::IdNumber));
        // Fifteen digits that are no ID number, after a card label, are the card.
        masked("卡号 37828 2246 3100 06", "卡号 •••• 0006");
    }

    #[test]
    fn digits_typed_one_by_one_are_one_number_all_of_it_or_nothing() {
        masked("4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", "•••• 1111");
        kept("ref 9 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1");
    }

    #[test]
    fn a_number_glued_to_letters_is_a_card_only_when_it_passes_luhn() {
        // UnionPay numbers need not pass Luhn, but one glued to a word is part of the word.
        kept("ref6222021234567890");
    }

    #[test]
    fn a_luhn_valid_number_no_card_starts_with_is_a_card_only_in_fours() {
        masked("paid with 8111 1111 1111 1112", "paid with •••• 1112");
        kept("paid with 8111 1111 1111 11 12");
        kept("paid with 811 1111 1111 11112");
        kept("paid with 8111 1111 1111 111 2");
    }

    #[test]
    fn digits_in_pairs_are_not_grouped_as_a_card() {
        // Sixteen digits that pass the Luhn check, in pairs as no card is printed.
        kept("ref 41 11 11 11 11 11 11 11");
    }

    #[test]
    fn a_card_after_stray_digits_in_a_run_of_nineteen_is_found() {
        // Nineteen digits in groups of four are not more than a card has: not a spaced
        // transaction id, so a card starting at a later group is still looked for.
        masked("ref 1111 3782 8224 6310 005", "ref 1111 •••• 0005");
    }

    #[test]
    fn test_cards_of_every_brand_are_masked() {
        for (pan, last) in [
            ("4111111111111111", "1111"),
            ("5555555555554444", "4444"),
            ("378282246310005", "0005"),
            ("4242424242424242", "4242"),
            ("6250946000000016", "0016"),
            ("2221000000000009", "0009"),
            ("4222222222222", "2222"),
        ] {
            masked(
                &format!("card {pan} declined"),
                &format!("card •••• {last} declined"),
            );
        }
    }

    #[test]
    fn any_separator_grouping_or_width() {
        for written in [
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4111.1111.1111.1111",
            "4111_1111_1111_1111",
            "4111 - 1111.1111_1111",
            "4111  1111  1111  1111",
            "４１１１１１１１１１１１１１１１",
            "４１１１　１１１１　１１１１　１１１１",
            "4111 1111\n1111 1111",
            "41111111\n11111111",
            "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
            "411111 111111 1111",
            "41\u{200b}11 1111 1111 1111",
        ] {
            masked(
                &format!("paid with {written}, thanks"),
                "paid with •••• 1111, thanks",
            );
        }
        masked("3782 822463 10005", "•••• 0005");
    }

    #[test]
    fn glued_to_letters_or_chinese() {
        masked("card4111111111111111 declined", "card•••• 1111 declined");
        masked("VISA4111111111111111", "VISA•••• 1111");
        masked("卡号4111111111111111绑不上", "卡号•••• 1111绑不上");
        masked("银联卡6222021234567890123失败", "银联卡•••• 0123失败");
    }

    #[test]
    fn unionpay_numbers_even_failing_luhn() {
        masked("银行卡6240008631401149", "银行卡•••• 1149");
        masked("card 6222 0212 3456 7890 124.", "card •••• 0124.");
        kept("ref 624000863140114");
    }

    #[test]
    fn after_a_card_label_any_12_to_19_digits() {
        masked("卡号 1234 5678 9012 3456", "卡号 •••• 3456");
        masked("card number: 1234567890123", "card number: •••• 0123");
        masked("card 4111111111111112", "card •••• 1112");
        kept("card ending 1234");
        kept("尾号1234的卡");
        // The shortest and longest card numbers there are (Maestro has 12 digits).
        masked("card number: 123456789012", "card number: •••• 9012");
        masked("card number: 1234 5678 9012", "card number: •••• 9012");
        masked(
            "Maestro 6759 6498 2648 declined",
            "Maestro •••• 2648 declined",
        );
        masked("卡号 6222 0212 3456 7890 123", "卡号 •••• 0123");
    }

    #[test]
    fn two_halves_next_to_a_card_label() {
        masked(
            "My card starts with 4111 1111. The rest is 1111 1111.",
            "My card starts with ••••. The rest is •••• 1111.",
        );
        masked(
            "卡号前八位 41111111，后面是 11111111",
            "卡号前八位 ••••，后面是 •••• 1111",
        );
        masked(
            "前八位是41111111，后面是11111111",
            "前八位是••••，后面是•••• 1111",
        );
        masked(
            "后八位 1111 1111，前八位 4111 1111",
            "后八位 •••• 1111，前八位 ••••",
        );
        masked(
            "the card ends 1111 1111 and starts with 4111 1111",
            "the card ends •••• 1111 and starts with ••••",
        );
        // Halves far apart are two numbers: 80 characters between them at most.
        let words = |n: usize| format!(". {} ", "a".repeat(n));
        let near = format!("My card starts with 4111 1111{}1111 1111.", words(77));
        let near_masked = format!("My card starts with ••••{}•••• 1111.", words(77));
        masked(&near, &near_masked);
        kept(&format!(
            "My card starts with 4111 1111{}1111 1111.",
            words(78)
        ));
        // Each half is 4 to 12 digits, together 13 to 19: a 3-digit half is something else,
        // even when the two would pass Luhn (411 111111111116).
        kept("My card starts with 411. The rest is 1111 1111 1116.");
        kept("My card starts with 4111 1111 1111. The rest is 116.");
        kept("My card starts with 4111 1111 1111. The rest is 1111 1111.");
        kept("I paid 1111 1111 and it starts with 4111 1112");
        kept("order 4111 1111, then 1111 1111 arrived");
        kept("I paid 4111 1111 and 1111 1112 yuan");
    }

    #[test]
    fn next_to_other_numbers() {
        masked(
            "paid with 4111 1111 1111 1111 2026-11-21 14:03",
            "paid with •••• 1111 2026-11-21 14:03",
        );
        masked(
            "order 123456789 4111111111111111",
            "order 123456789 •••• 1111",
        );
        masked(
            "4111 1111 1111 1111 5555 5555 5555 4444",
            "•••• 1111 •••• 4444",
        );
        masked(
            "cards 4111111111111111,5555555555554444.",
            "cards •••• 1111,•••• 4444.",
        );
    }

    #[test]
    fn after_an_id_label_a_card_is_uncertain_and_a_luhn_number_an_id() {
        for text in [
            "order 4111111111111111",
            "订单号4111111111111111，谢谢",
            "Transaction ID: 4111 1111 1111 1111",
        ] {
            let out = scan(text, Policy::default());
            assert_eq!(out.changes.len(), 1, "{text:?}");
            assert!(!out.changes[0].certain, "{text:?}");
        }
        kept("order 100000000000000008");
        kept("订单号100000000000000008");
    }

    #[test]
    fn what_support_needs_is_kept() {
        kept("transaction_id 1217752501201407033233368018");
        kept("交易单号：2026112122001400000000001234。");
        kept("2026 1121 2200 1400 0000 0000 1234");
        kept("41111111111111111111");
        kept("TX4111111111111112");
        kept("0.4111111111111111");
        kept("4111111111111111.25");
        kept("+86 138 0013 8000 / 13800138000");
        kept("+86 138 5654 8786 3273元");
        kept("138 5654 8786 3273元");
        kept("paid 2026-11-21 14:03:22 59.90");
    }

    #[test]
    fn luhn_valid_numbers_that_start_like_no_card_are_uncertain() {
        let out = scan("number 100000000000000008 please", Policy::default());
        assert_eq!(out.text, "number •••• 0008 please");
        assert!(!out.changes[0].certain);
        assert!(scan("4111111111111111", Policy::default()).changes[0].certain);
    }

    #[test]
    fn references_keep_every_number() {
        let policy = Policy {
            keep_references: true,
            ..Policy::default()
        };
        for text in [
            "4111111111111111",
            "6222021234567890123",
            "card 4111 1111 1111 1111",
        ] {
            assert_eq!(scan(text, policy).text, text);
        }
    }

    #[test]
    fn a_transaction_id_that_is_a_card_number() {
        assert!(looks_like_card("4111111111111111"));
        assert!(looks_like_card("4111 1111 1111 1111"));
        assert!(looks_like_card("６２２２０２１２３４５６７８９０１２３"));
        assert!(!looks_like_card("4111111111111112"));
        assert!(!looks_like_card("100000000000000008"));
        assert!(!looks_like_card("2026112122001400000000001234"));
        assert!(!looks_like_card("9XT12345AB678901C"));
        assert!(!looks_like_card("4111"));
    }

    #[test]
    fn luhn_and_prefixes() {
        assert!(luhn(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
        assert!(!luhn(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
        assert!(card_prefix(&[2, 2, 0, 4]));
        assert!(card_prefix(&[2, 7, 2, 0]));
        assert!(!card_prefix(&[2, 7, 2, 1]));
        assert!(!card_prefix(&[2, 0, 8, 8]));
        assert!(!card_prefix(&[1, 2]));
        assert!(!card_prefix(&[7]));
    }

    #[test]
    fn a_number_cut_at_the_longest_run_keeps_its_decimal_point() {
        // A run holds at most 40 groups; the number after the cut still reads its
        // neighbours: after `1.` it is the decimal part of an amount, before `.5` an amount.
        let after = format!("{}4111111111111111", "1.".repeat(40));
        kept(&after);
        let before = format!("{}4111111111111111.5", "1 ".repeat(39));
        kept(&before);
        let alone = format!("{}4111111111111111", "1 ".repeat(39));
        masked(&alone, &format!("{}•••• 1111", "1 ".repeat(39)));
        // A dot after a letter is no decimal point.
        masked("x.4111111111111111", "x.•••• 1111");
    }

    #[test]
    fn digits_one_by_one_are_a_card_only_all_together() {
        // Eighteen digits one by one: the first sixteen would pass as a card, but the
        // number is all eighteen.
        kept("4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 7 7");
        // After a group of two, single digits are a number of their own.
        masked("12 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", "12 •••• 1111");
    }

    #[test]
    fn what_follows_a_card_is_not_its_decimal_part_unless_it_is_cents() {
        masked("4111 1111 1111 1111.123", "•••• 1111.123");
        masked("4111 1111 1111 1111 22", "•••• 1111 22");
    }

    #[test]
    fn a_card_glued_to_letters_after_it_must_pass_luhn() {
        kept("6222021234567890abc");
        kept("6222 0212 3456 7890abc");
        masked("4111111111111111abc", "•••• 1111abc");
    }

    #[test]
    fn two_cards_after_a_short_number_are_both_found() {
        masked(
            "12 4111 1111 1111 1111 5555 5555 5555 4444",
            "12 •••• 1111 •••• 4444",
        );
    }

    #[test]
    fn a_whole_card_is_not_the_first_half_of_another() {
        // `5018 0000 0009` is a 12-digit card; with `1008` it would make another.
        masked(
            "card 5018 0000 0009, the rest is 1008",
            "card •••• 0009, the rest is 1008",
        );
    }
}
