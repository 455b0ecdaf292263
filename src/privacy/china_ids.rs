//! China resident ID numbers, masked to their last 4 (`••••••••••••••002X`): 18 characters
//! whose check character (a digit or `X`) is ISO 7064 MOD 11-2 of the first 17 (GB 11643-1999)
//! and whose birth date is a real date; and the legacy 15-digit form (a province, a `YYMMDD`
//! birth date), certain next to an ID label (`身份证`, `ID number`), else uncertain. Found however
//! they are written (see `numbers`), `X` or `x`, joined to the digits or apart.

use super::Kind;
use super::context::{Context, Finding};
use super::labels::Rule;
use super::normalize::View;
use super::numbers::{self, Run};

/// GB 11643-1999 weights of the first 17 digits, and the check character of each remainder.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Province codes (GB/T 2260) that begin a legacy 15-digit number.
const PROVINCES: &[u32] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

/// What else begins an 18-character number: residence permits for people from Taiwan (83) and
/// the 2023 permanent residence card for foreigners (91).
const PERMITS: &[u32] = &[83, 91];

/// 18-character numbers, checked to the last character: before cards, as some also pass Luhn.
pub(super) fn find(ctx: &mut Context<'_>, runs: &[Run]) {
    find_sized(ctx, runs, false);
}

/// Legacy 15-digit numbers, checked only by their province and date: after cards, which a
/// 15-digit Amex number is first.
pub(super) fn find_legacy(ctx: &mut Context<'_>, runs: &[Run]) {
    find_sized(ctx, runs, true);
}

/// In a reference, only an 18-character number is one: its check character and birth date make
/// an order number that passes them by chance rarer than one in ten thousand.
fn find_sized(ctx: &mut Context<'_>, runs: &[Run], legacy: bool) {
    if ctx.policy.keep_references && legacy {
        return;
    }
    for run in runs {
        let mut a = run.first_free_group(ctx.view);
        while a < run.groups.len() {
            match id_from(ctx, run, a, legacy) {
                Some((finding, used)) => {
                    ctx.add(finding);
                    a += used;
                }
                None => a += 1,
            }
        }
    }
}

/// An ID number made of whole groups from group `a` (and a check `X` after them), and how many
/// groups it used.
fn id_from(ctx: &Context<'_>, run: &Run, a: usize, legacy: bool) -> Option<(Finding, usize)> {
    let view = ctx.view;
    let (start, _) = *run.groups.get(a)?;
    // Too few digits left for an ID number: most numbers in a message.
    if run.count(a, run.groups.len()) < 15 {
        return None;
    }
    // After `+`, a phone number with its country code.
    if run
        .groups
        .first()
        .is_some_and(|g| view.before(g.0) == Some('+'))
    {
        return None;
    }
    let labelled = a == 0
        && ctx
            .label_before(start)
            .is_some_and(|l| l.rule == Rule::Identity);
    // After `order`, `订单号`: most likely the order number, so only maybe an ID number.
    let id_label = a == 0 && super::cards::after_id_label(ctx, start);
    // 18 characters at most, so at most 18 groups.
    for b in (a + 1..=run.groups.len().min(a + 18)).rev() {
        let count = run.count(a, b);
        if count > 18 {
            continue;
        }
        if count < 15 {
            break;
        }
        let (_, end) = *run.groups.get(b - 1)?;
        let digits = run.digits(a, b);
        let at_end = b == run.groups.len();
        if ctx.taken(start, end) {
            continue;
        }
        let found = match count {
            17 if at_end && !legacy => check_x(ctx, end).and_then(|x| {
                id18_valid(digits, 'X').then(|| (x + 1, mask(digits, Some('X')), true))
            }),
            18 if !legacy => {
                let (body, check) = digits.split_at(17);
                let check = char::from(b'0' + check.first().copied().unwrap_or(0));
                (id18_valid(body, check) && !glued(ctx, end, at_end))
                    .then(|| (end, mask(digits, None), true))
            }
            // Checked only by its province and date, a legacy number is the whole run of
            // digits, unless an ID label names it.
            15 if legacy
                && !glued(ctx, end, at_end)
                && (labelled
                    || (a == 0
                        && at_end
                        && typed_as_one_number(view, run)
                        && !after_removed(view, start))) =>
            {
                id15_valid(digits).then(|| (end, mask(digits, None), labelled))
            }
            _ => None,
        };
        if let Some((end, mask, certain)) = found {
            let certain = certain && !id_label;
            let finding = Finding {
                start,
                end,
                kind: Kind::IdNumber,
                certain,
                mask: Some(mask),
            };
            return Some((finding, b - a));
        }
    }
    None
}

/// Whether the number ending at `end` runs on into letters or a decimal.
fn glued(ctx: &Context<'_>, end: usize, at_end: bool) -> bool {
    let view = ctx.view;
    at_end
        && (view.is(end, |c| c.is_ascii_alphabetic())
            || (view.is(end, |c| c == '.') && view.is(end + 1, |c| c.is_ascii_digit())))
}

/// Where the check `X` is after digits ending at `end`: right there, or after what separates
/// groups (`002 X`, `0.0.2.X`), and not the start of a word.
fn check_x(ctx: &Context<'_>, end: usize) -> Option<usize> {
    let view = ctx.view;
    let x = view.run_end_capped(end, 3, |c| matches!(c, ' ' | '-' | '.' | '_' | '·' | '\n'));
    (view.is(x, |c| c == 'X' || c == 'x') && !view.is(x + 1, |c| c.is_ascii_alphanumeric()))
        .then_some(x)
}

/// The 17 digits before the check character of an 18-character number give `check`, and hold
/// a real birth date from 1800 to 2099.
pub(super) fn id18_valid(body: &[u8], check: char) -> bool {
    let (Some(year), Some(month), Some(day)) =
        (body.get(6..10), body.get(10..12), body.get(12..14))
    else {
        return false;
    };
    let region = body.get(..2).map_or(0, numbers::value);
    if body.len() != 17 || !(PROVINCES.contains(&region) || PERMITS.contains(&region)) {
        return false;
    }
    let year = numbers::value(year);
    if !(1800..=2099).contains(&year)
        || !date_valid(year, numbers::value(month), numbers::value(day))
    {
        return false;
    }
    let sum: u32 = body
        .iter()
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    CHECK.get((sum % 11) as usize) == Some(&check.to_ascii_uppercase())
}

/// Whether an unlabelled run reads as one number rather than several values side by side.
/// `11000.00 2011-01-01` (an amount, then a date) is fifteen digits too, but nobody types an
/// ID number with a decimal part in the middle (`.00` and then more digits), with the `:` of a
/// time, the `/` of a date or the `,` of thousands between its groups, or after a currency sign
/// (`¥1,100,000 2011-01-01`).
fn typed_as_one_number(view: &View, run: &Run) -> bool {
    let gap = |e: usize, s: usize| (e..s).filter_map(|i| view.at(i)).collect::<String>();
    let several = run.groups.windows(3).any(|trio| match trio {
        [(_, e1), (s2, e2), (s3, _)] => {
            let decimal = matches!(gap(*e1, *s2).as_str(), "." | ",");
            decimal && e2 - s2 == 2 && gap(*e2, *s3) != gap(*e1, *s2)
        }
        _ => false,
    });
    let clock_slash_or_thousands = run.groups.windows(2).any(
        |pair| matches!(pair, [(_, e), (s, _)] if gap(*e, *s).contains([':', '/', ',', '，'])),
    );
    let money = run
        .groups
        .first()
        .and_then(|&(s, _)| view.before(s))
        .is_some_and(|c| matches!(c, '¥' | '￥' | '$' | '€' | '£'));
    !(several || clock_slash_or_thousands || money)
}

/// Whether a value a scan removed is right before `start`, past what joins groups: the number
/// was then the end of a longer run when the text was first scanned, and a scan of the scanned
/// text must read it as that scan did.
fn after_removed(view: &View, start: usize) -> bool {
    let mut at = start;
    while at + 3 > start
        && view
            .before(at)
            .is_some_and(|c| matches!(c, ' ' | '-' | '.' | '_' | '·'))
    {
        at -= 1;
    }
    [super::REMOVED, super::REMOVED_ZH].iter().any(|marker| {
        at.checked_sub(marker.chars().count())
            .is_some_and(|from| view.has(from, marker))
    })
}

/// A legacy 15-digit number: a province, then a `YYMMDD` birth date in the 1900s.
pub(super) fn id15_valid(digits: &[u8]) -> bool {
    let (Some(province), Some(year), Some(month), Some(day)) = (
        digits.get(..2),
        digits.get(6..8),
        digits.get(8..10),
        digits.get(10..12),
    ) else {
        return false;
    };
    digits.len() == 15
        && PROVINCES.contains(&numbers::value(province))
        && date_valid(
            1900 + numbers::value(year),
            numbers::value(month),
            numbers::value(day),
        )
}

fn date_valid(year: u32, month: u32, day: u32) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Bullets for all but the last 4 characters: `••••••••••••••002X`.
fn mask(digits: &[u8], check: Option<char>) -> String {
    let mut shown: Vec<char> = digits.iter().map(|d| char::from(b'0' + d)).collect();
    shown.extend(check);
    let hidden = shown.len().saturating_sub(4);
    let tail: String = shown.get(hidden..).unwrap_or_default().iter().collect();
    "•".repeat(hidden) + &tail
}

#[cfg(test)]
mod tests {
    use super::super::{Policy, scan};
    use super::*;

    #[track_caller]
    fn masked(text: &str, expected: &str, certain: bool) {
        let out = scan(text, Policy::default());
        assert_eq!(out.text, expected, "{text:?}");
        assert_eq!(out.changes.len(), 1, "{text:?}");
        assert_eq!(out.changes[0].kind, Kind::IdNumber, "{text:?}");
        assert_eq!(out.changes[0].certain, certain, "{text:?}");
    }

    #[track_caller]
    fn kept(text: &str) {
        assert_eq!(scan(text, Policy::default()).text, text);
    }

    #[test]
    fn id_numbers_however_written() {
        for (text, expected) in [
            (
                "身份证号11010519491231002X，谢谢",
                "身份证号••••••••••••••002X，谢谢",
            ),
            ("ID 440524188001010014", "ID ••••••••••••••0014"),
            ("id 11010519491231002x", "id ••••••••••••••002X"),
            (
                "身份证：１１０１０５１９４９１２３１００２Ｘ",
                "身份证：••••••••••••••002X",
            ),
            ("身份证 110105 19491231 002X", "身份证 ••••••••••••••002X"),
            ("ID 1101 0519 4912 3100 2X.", "ID ••••••••••••••002X."),
            ("ID 110105-19491231-002x", "ID ••••••••••••••002X"),
            ("110105 19491231 002 X，谢谢", "••••••••••••••002X，谢谢"),
            (
                "身份证号：110105194\n91231002X",
                "身份证号：••••••••••••••002X",
            ),
            ("ID#34052419800101001X", "ID#••••••••••••••001X"),
        ] {
            masked(text, expected, true);
        }
    }

    #[test]
    fn legacy_numbers_are_certain_only_next_to_an_id_label() {
        masked("旧身份证 110105491231002", "旧身份证 •••••••••••1002", true);
        masked(
            "证件号码 1101 0549 1231 002",
            "证件号码 •••••••••••1002",
            true,
        );
        masked("number 110105491231002", "number •••••••••••1002", false);
        kept("138 0000 0010 2000-01-01");
        kept("+86 138 0000 0010 1000元");
        masked(
            "1.1.0.1.0.5.1.9.4.9.1.2.3.1.0.0.2.X",
            "••••••••••••••002X",
            true,
        );
        masked("order 110105491231002", "order •••••••••••1002", false);
        masked("订单11010519491231002X", "订单••••••••••••••002X", false);
        kept("990105491231002");
        kept("110105491331002");
    }

    #[test]
    fn a_reference_masks_an_id_number_of_18_characters_only() {
        let policy = Policy {
            keep_references: true,
            ..Policy::default()
        };
        assert_eq!(
            scan("身份证 11010519491231002X", policy).text,
            "身份证 ••••••••••••••002X"
        );
        assert_eq!(
            scan("110105194912310029 我的", policy).text,
            "110105194912310029 我的"
        );
        for text in ["110105491231002", "2026112122001400000000001234"] {
            assert_eq!(scan(text, policy).text, text);
        }
    }

    #[test]
    fn a_birth_date_is_a_real_day() {
        assert!(date_valid(2000, 2, 29), "2000 is a leap year");
        assert!(date_valid(1988, 2, 29));
        assert!(!date_valid(1900, 2, 29), "1900 is not");
        assert!(!date_valid(1989, 2, 29));
        assert!(date_valid(1989, 2, 28) && !date_valid(1989, 4, 31) && !date_valid(1989, 13, 1));
        for month in [4, 6, 9, 11] {
            assert!(date_valid(1989, month, 30) && !date_valid(1989, month, 31));
        }
    }

    #[test]
    fn an_id_number_starts_with_a_province_or_a_permit_region() {
        let digits = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<u8>>();
        // 11010519491231002X is valid; the same body with region 99 (no province) is not,
        // whatever its check character.
        assert!(id18_valid(&digits("11010519491231002"), 'X'));
        let nowhere = digits("99010519491231002");
        assert!("0123456789X".chars().all(|c| !id18_valid(&nowhere, c)));
        // Nor is one born in a thirteenth month.
        let never = digits("11010519491331002");
        assert!("0123456789X".chars().all(|c| !id18_valid(&never, c)));
    }

    #[test]
    fn a_number_that_runs_on_into_letters_is_no_id() {
        for text in ["ref 440524188001010014abc", "ref 11010519491231002Xyz"] {
            let out = scan(text, Policy::default());
            assert!(
                out.changes.iter().all(|c| c.kind != Kind::IdNumber),
                "{text}: {:?}",
                out.changes
            );
        }
        masked("ID 440524188001010014.", "ID ••••••••••••••0014.", true);
    }

    #[test]
    fn a_wrong_check_character_or_date_is_no_id() {
        kept("ID 110105194912310021");
        kept("ID 11010519491231002Y");
        kept("ID 11010519491331002X");
        kept("ID 110105 19491231 002 XL");
    }

    #[test]
    fn an_amount_and_a_date_side_by_side_are_not_a_legacy_number() {
        for text in [
            "¥1,100,000 2011-01-01",
            "paid ¥110000 2011-01-01",
            "1,100,000 2011-01-01",
        ] {
            assert_eq!(scan(text, Policy::default()).text, text, "{text}");
        }
        for text in ["¥11000.00 2011-01-01", "11000.00 2011-01-01 到账"] {
            assert!(scan(text, Policy::default()).changes.is_empty(), "{text}");
        }
    }

    #[test]
    fn two_id_numbers_after_a_short_number_are_both_ids() {
        let out = scan(
            "12 440524188001010014 440524188001010014",
            Policy::default(),
        );
        assert_eq!(out.text, "12 ••••••••••••••0014 ••••••••••••••0014");
        assert!(out.changes.iter().all(|c| c.kind == Kind::IdNumber));
    }

    #[test]
    fn only_a_decimal_point_glues_digits_to_an_id_number() {
        // A comma after the number is punctuation, not a decimal part.
        masked("ID 440524188001010014,2", "ID ••••••••••••••0014,2", true);
        masked("ID 440524188001010014，2", "ID ••••••••••••••0014，2", true);
        // Where a run is cut (at 40 groups), `.5` after the number makes it an amount.
        let amount = format!("{}440524188001010014.5", "1 ".repeat(39));
        kept(&amount);
        let id = format!("{}440524188001010014", "1 ".repeat(39));
        assert_eq!(
            scan(&id, Policy::default()).text,
            format!("{}••••••••••••••0014", "1 ".repeat(39))
        );
    }

    #[test]
    fn a_legacy_number_is_one_number_whatever_joins_its_groups() {
        // Fifteen digits, a province and a 1949 birth date: typed as one number, an ID.
        for text in [
            "110105491231002",
            "110105 491231-002",
            "1101.054 91231 002",
            "110105 49-1231 002",
        ] {
            let out = scan(text, Policy::default());
            assert!(
                out.text.ends_with("1002") && out.text.starts_with('•'),
                "{text:?}: {out:?}"
            );
        }
        // After a currency sign, the same digits are an amount.
        kept("¥110105491231002");
    }

    #[test]
    fn a_legacy_number_after_a_removed_value_reads_as_it_did_before() {
        // Found by the property tests: the 15 digits ran on from the code before them, so
        // they were no ID number; once the code was removed, they stood alone.
        let once = scan("安全码 000000 -310000000205001", Policy::default());
        assert_eq!(once.text, "安全码 [removed] -310000000205001");
        assert_eq!(scan(&once.text, Policy::default()).text, once.text);
        // Alone, the same digits are an ID number.
        assert_eq!(
            scan("号码 310000000205001", Policy::default()).text,
            "号码 •••••••••••5001"
        );
    }

    #[test]
    fn a_legacy_number_born_on_29_february_1900_is_no_id() {
        // 1900 was no leap year (a century not divisible by 400), 1904 was.
        kept("110105000229001");
        assert_eq!(
            scan("110105040229002", Policy::default()).text,
            "•••••••••••9002"
        );
    }
}
