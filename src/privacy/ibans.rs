//! IBANs, masked to their country and last 4 (`GB•• •••• 5432`): a country code, two check
//! digits and the account, valid by ISO 7064 MOD 97-10 and as long as the SWIFT registry says
//! for that country (any country with 15–34 characters next to an `IBAN` label). Found however
//! they are written: in groups of 4 or irregular ones, with spaces, dashes or dots, a space inside
//! the country code and check digits (`GB 82 WEST …`, `G B82 …`), broken over one line, in lower
//! case or full-width, glued to Chinese or to the word `IBAN`. Every answer is scanned for them,
//! references too.

use super::Kind;
use super::context::{Context, Finding};

/// IBAN lengths by country: the SWIFT IBAN registry, then the countries that use IBANs
/// without being in it.
const LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BI", 27),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DJ", 27),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FK", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HN", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("LY", 25),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MN", 20),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NI", 28),
    ("NL", 18),
    ("NO", 15),
    ("OM", 23),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("RU", 33),
    ("SA", 24),
    ("SC", 31),
    ("SD", 18),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("SO", 23),
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
    ("YE", 30),
    // Partly adopted (SWIFT's experimental list).
    ("AO", 25),
    ("BF", 28),
    ("BJ", 28),
    ("CF", 27),
    ("CG", 27),
    ("CI", 28),
    ("CM", 27),
    ("CV", 25),
    ("DZ", 26),
    ("GA", 27),
    ("GQ", 27),
    ("GW", 25),
    ("IR", 26),
    ("KM", 27),
    ("MA", 28),
    ("MG", 27),
    ("ML", 28),
    ("MZ", 25),
    ("NE", 28),
    ("SN", 28),
    ("TD", 27),
    ("TG", 28),
];

pub(super) fn find(ctx: &mut Context<'_>) {
    let view = ctx.view;
    // One buffer for every word: most words are looked at and dropped at their third character.
    let mut chars = Vec::with_capacity(34);
    let mut i = 0;
    while i < view.len() {
        let starts_word = view.is(i, |c| c.is_ascii_alphabetic())
            && !view.before(i).is_some_and(|c| c.is_ascii_alphanumeric());
        if !starts_word {
            i += 1;
            continue;
        }
        // `IBANGB82…`: the word glued to the number.
        let glued = view.has(i, "iban") && view.is(i + 4, |c| c.is_ascii_alphabetic());
        let found = iban_at(ctx, i, &mut chars)
            .or_else(|| glued.then(|| iban_at(ctx, i + 4, &mut chars)).flatten());
        match found {
            Some(finding) => {
                i = finding.end;
                ctx.add(finding);
            }
            None => i += 1,
        }
    }
}

/// The IBAN starting at view character `i`, if there is one. `chars` is where its letters and
/// digits are gathered (up to 34, each with where it is and whether a group ends after it).
fn iban_at(ctx: &Context<'_>, i: usize, chars: &mut Vec<(char, usize, bool)>) -> Option<Finding> {
    let view = ctx.view;
    chars.clear();
    let mut k = i;
    let mut breaks = 0;
    while chars.len() < 34 {
        let Some(c) = view.at(k).filter(char::is_ascii_alphanumeric) else {
            break;
        };
        let next = view.run_end_capped(k + 1, 3, |s| {
            matches!(s, ' ' | '-' | '.' | '_' | '·' | '\n')
        });
        let seps = view.string(k + 1, next);
        breaks += seps.matches('\n').count();
        let joined = next > k + 1
            && view.is(next, |c| c.is_ascii_alphanumeric())
            && breaks <= 1
            && !seps.starts_with(". ")
            && !seps.starts_with(".\n");
        let group_ends = !view.is(k + 1, |c| c.is_ascii_alphanumeric());
        chars.push((c.to_ascii_uppercase(), k, group_ends));
        // Two letters, then two digits, or no IBAN starts here.
        let place = chars.len();
        if (place <= 2 && !c.is_ascii_alphabetic())
            || ((3..=4).contains(&place) && !c.is_ascii_digit())
        {
            return None;
        }
        k = if joined { next } else { k + 1 };
        if group_ends && !joined {
            break;
        }
    }
    // A fast path for the short words of every message: the lengths below refuse them too.
    if chars.len() < 4 {
        return None;
    }
    let country: String = chars.iter().take(2).map(|c| c.0).collect();
    let lengths: Vec<usize> = match LENGTHS.iter().find(|(cc, _)| *cc == country) {
        Some(&(_, len)) => vec![len],
        None if near_iban_label(ctx, i) => (15..=34).rev().collect(),
        None => return None,
    };
    lengths.into_iter().find_map(|len| {
        let (_, last_at, group_ends) = *chars.get(len.checked_sub(1)?)?;
        let compact: Vec<char> = chars.iter().take(len).map(|c| c.0).collect();
        (group_ends && mod97(&compact)).then(|| {
            let last4: String = compact.get(len - 4..).unwrap_or_default().iter().collect();
            Finding {
                start: i,
                end: last_at + 1,
                kind: Kind::Iban,
                certain: true,
                mask: Some(format!("{country}•• •••• {last4}")),
            }
        })
    })
}

/// Whether the word `IBAN` is just before `i`.
fn near_iban_label(ctx: &Context<'_>, i: usize) -> bool {
    let from = i.saturating_sub(8);
    ctx.view
        .string(from, i)
        .to_ascii_lowercase()
        .contains("iban")
}

/// ISO 7064 MOD 97-10: the first four characters moved to the end, letters as 10–35.
fn mod97(compact: &[char]) -> bool {
    let (head, tail) = compact.split_at(compact.len().min(4));
    let mut rest = 0;
    for c in tail.iter().chain(head) {
        let Some(v) = c.to_digit(36) else {
            return false;
        };
        rest = (if v < 10 {
            rest * 10 + v
        } else {
            rest * 100 + v
        }) % 97;
    }
    rest == 1
}

#[cfg(test)]
mod tests {
    use super::super::{Policy, scan};
    use super::*;

    #[track_caller]
    fn masked(text: &str, expected: &str) {
        let out = scan(text, Policy::default());
        assert_eq!(out.text, expected, "{text:?}");
        assert!(out.changes.iter().all(|c| c.kind == Kind::Iban), "{text:?}");
    }

    #[track_caller]
    fn kept(text: &str) {
        assert_eq!(scan(text, Policy::default()).text, text);
    }

    #[test]
    fn ibans_however_written() {
        for (iban, masked_as) in [
            ("GB82WEST12345698765432", "GB•• •••• 5432"),
            ("GB82 WEST 1234 5698 7654 32", "GB•• •••• 5432"),
            ("DE89 3704 0044 0532 0130 00", "DE•• •••• 3000"),
            ("DE89-3704-0044-0532-0130-00", "DE•• •••• 3000"),
            ("DE89 37040044 0532013000", "DE•• •••• 3000"),
            ("FR1420041010050500013M02606", "FR•• •••• 2606"),
            ("gb82west12345698765432", "GB•• •••• 5432"),
            ("GB 82 WEST 1234 5698 7654 32", "GB•• •••• 5432"),
            ("G B82 WEST 1234 5698 7654 32", "GB•• •••• 5432"),
            ("GB82 WE ST123 45698 765432", "GB•• •••• 5432"),
            ("GB82.WEST.1234.5698.7654.32", "GB•• •••• 5432"),
            ("GB82 WEST 1234\n5698 7654 32", "GB•• •••• 5432"),
            (
                "ＧＢ８２ＷＥＳＴ１２３４５６９８７６５４３２",
                "GB•• •••• 5432",
            ),
            ("SC18 SSCB 1101 0000 0000 0000 1497 USD", "SC•• •••• 7USD"),
            ("BR97 0036 0305 0000 1000 9795 493P 1", "BR•• •••• 93P1"),
        ] {
            masked(
                &format!("IBAN {iban} and more"),
                &format!("IBAN {masked_as} and more"),
            );
        }
        masked(
            "转账到GB82WEST12345698765432失败",
            "转账到GB•• •••• 5432失败",
        );
        masked("IBANGB82WEST12345698765432", "IBANGB•• •••• 5432");
        masked("DZ580002100001113000000570", "DZ•• •••• 0570");
        masked(
            "IBAN ZZ54 0002 1000 0111 3000 0005 70",
            "IBAN ZZ•• •••• 0570",
        );
    }

    #[test]
    fn what_fails_mod_97_or_its_length_is_kept() {
        kept("IBAN GB82WEST12345698765431 rejected");
        kept("GB82WEST1234569876543");
        kept("ZZ540002100001113000000570");
        kept("tracking SF1234567890123");
        kept("I was at 61 Main Street");
    }

    #[test]
    fn references_still_lose_their_ibans() {
        let policy = Policy {
            keep_references: true,
            ..Policy::default()
        };
        assert_eq!(
            scan("GB82WEST12345698765432", policy).text,
            "GB•• •••• 5432"
        );
    }

    #[test]
    fn an_iban_starts_a_word() {
        // Glued to letters before it, only after the word `IBAN`.
        kept("xGB82WEST12345698765432");
        kept("abcdGB82WEST12345698765432");
        masked("see IBANGB82WEST12345698765432", "see IBANGB•• •••• 5432");
        // Two letters, then two digits: `GBAB…` is no IBAN, though it passes MOD 97.
        kept("ref GBAB123456789012345676");
    }

    #[test]
    fn an_iban_runs_over_one_line_break_but_not_a_sentence() {
        masked("AT61 1904 3002 3457 3201", "AT•• •••• 3201");
        kept("GB82 WEST\n1234\n5698 7654 32");
        kept("GB82 WEST 1234 5698 7654. 32 more");
    }
}
