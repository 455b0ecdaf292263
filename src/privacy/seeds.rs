//! Seed phrases, removed: 12 or more words of the BIP-39 English list in a row
//! (from the `bip39` crate, CC0-1.0), with or without a label, numbered (`1. abandon 2) ability`),
//! separated by spaces, commas (also `，`), dashes or line breaks, in any case; 8–11 such words
//! alone are uncertain; 3 or more right after a seed label (`seed phrase:`, `助记词：`) are
//! certain. (Private keys are in `keys`.)

use std::sync::LazyLock;

use bip39::Language;

use super::Kind;
use super::context::{Context, Finding};
use super::labels::Rule;

/// An ASCII word in the view: characters `start..end`, whether it is a BIP-39 word, and
/// whether it is part of a seed or key label (`seed phrase`, where both words are listed).
struct Word {
    start: usize,
    end: usize,
    listed: bool,
    label: bool,
}

pub(super) fn find(ctx: &mut Context<'_>) {
    let words = words(ctx);
    let mut k = 0;
    while k < words.len() {
        if !words.get(k).is_some_and(|w| w.listed) {
            k += 1;
            continue;
        }
        let mut last = k;
        while words
            .get(last + 1)
            .is_some_and(|w| w.listed && joined(ctx, words.get(last).map_or(0, |p| p.end), w.start))
        {
            last += 1;
        }
        if let Some(phrase) = words.get(k..=last) {
            add_phrase(ctx, phrase);
        }
        k = last + 1;
    }
}

/// A run of listed words: the words of a label at either end name the phrase, the rest is it.
fn add_phrase(ctx: &mut Context<'_>, run: &[Word]) {
    let inner_start = run.iter().position(|w| !w.label).unwrap_or(run.len());
    let inner_end = run
        .iter()
        .rposition(|w| !w.label)
        .map_or(inner_start, |i| i + 1);
    let Some(phrase) = run.get(inner_start..inner_end).filter(|p| !p.is_empty()) else {
        return;
    };
    let (Some(first), Some(last)) = (phrase.first(), phrase.last()) else {
        return;
    };
    let labelled = inner_start > 0
        || inner_end < run.len()
        || ctx.rule_before_in_sentence(first.start, Rule::Seed)
        || ctx.rule_before_in_sentence(first.start, Rule::Key);
    let certain = match phrase.len() {
        12.. => Some(true),
        3.. if labelled => Some(true),
        8.. => Some(false),
        _ => None,
    };
    if let Some(certain) = certain {
        ctx.add(Finding {
            start: first.start,
            end: last.end,
            kind: Kind::SeedPhrase,
            certain,
            mask: None,
        });
    }
}

/// Every run of ASCII letters, lower-cased and looked up.
fn words(ctx: &Context<'_>) -> Vec<Word> {
    let view = ctx.view;
    let mut out = Vec::new();
    let mut i = 0;
    while i < view.len() {
        if !view.is(i, |c| c.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let end = view.run_end(i, |c| c.is_ascii_alphabetic());
        let glued = view.is(end, |c| c.is_ascii_digit())
            || view
                .before(i)
                .is_some_and(|c| c.is_ascii_digit() && !numbering_before(ctx, i));
        // A word that starts another secret's label (`payment password`) ends a phrase: the
        // label names the value after it, and taking half of it would change what it names.
        let other_label = ctx.in_label(i, Rule::is_typed_secret);
        let listed =
            !glued && !other_label && (3..=8).contains(&(end - i)) && listed(view.string(i, end));
        let label = ctx.in_label(i, |r| matches!(r, Rule::Seed | Rule::Key));
        out.push(Word {
            start: i,
            end,
            listed,
            label,
        });
        i = end;
    }
    out
}

/// Whether `word` (ASCII letters, any case) is on the BIP-39 English list. Lower-cased on the
/// stack: every word of every answer is looked up.
fn listed(word: &str) -> bool {
    // Each word as a number whose order is the words' order: a lookup is a few comparisons of
    // integers, not of strings.
    static LIST: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut list: Vec<u64> = Language::English
            .word_list()
            .iter()
            .filter_map(|w| packed(w))
            .collect();
        list.sort_unstable();
        list
    });
    packed(word).is_some_and(|w| LIST.binary_search(&w).is_ok())
}

/// Up to 8 ASCII letters, lower-cased, as one big-endian number (none for a longer word).
fn packed(word: &str) -> Option<u64> {
    let mut bytes = [0u8; 8];
    bytes
        .get_mut(..word.len())?
        .copy_from_slice(word.as_bytes());
    bytes.make_ascii_lowercase();
    Some(u64::from_be_bytes(bytes))
}

/// `1.abandon`: a number right before a word is its place in the phrase.
fn numbering_before(ctx: &Context<'_>, i: usize) -> bool {
    let view = ctx.view;
    let digits_from = {
        let mut j = i;
        while view.before(j).is_some_and(|c| c.is_ascii_digit()) && i - j < 2 {
            j -= 1;
        }
        j
    };
    digits_from < i
        && !view
            .before(digits_from)
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Whether what lies between two words (`from..to`) only separates the words of one phrase:
/// spaces, one line break, commas, dashes, and a word's number (`2.`, `(3)`, `#4`).
fn joined(ctx: &Context<'_>, from: usize, to: usize) -> bool {
    if to - from > 8 {
        return false;
    }
    let gap = ctx.view.string(from, to);
    if gap.contains("\n\n") || gap.is_empty() {
        return false;
    }
    let rest: String = gap
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '、' | ';' | '-' | '/' | '|'))
        .collect();
    if rest.is_empty() {
        return true;
    }
    let numbering = rest.trim_start_matches(['(', '#', '[']);
    let numbering = numbering
        .strip_suffix(['.', ')', ':', ']'])
        .unwrap_or(numbering);
    (1..=2).contains(&numbering.len()) && numbering.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::{Policy, scan};
    use super::*;

    const PHRASE: &str =
        "abandon ability able about above absent absorb abstract absurd abuse access accident";

    #[track_caller]
    fn removed(text: &str, expected: &str, certain: bool) {
        let out = scan(text, Policy::default());
        assert_eq!(out.text, expected, "{text:?}");
        assert!(
            out.changes
                .iter()
                .all(|c| c.kind == Kind::SeedPhrase && c.certain == certain),
            "{text:?}: {:?}",
            out.changes
        );
    }

    #[track_caller]
    fn kept(text: &str) {
        assert_eq!(scan(text, Policy::default()).text, text);
    }

    #[test]
    fn twelve_words_without_a_label() {
        removed(PHRASE, "[removed]", true);
        removed(
            &format!("he told me: {PHRASE}. He hung up"),
            "he told me: [removed]. He hung up",
            true,
        );
    }

    #[test]
    fn numbered_separated_and_in_any_case() {
        let words: Vec<&str> = PHRASE.split(' ').collect();
        let numbered: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(k, w)| format!("{}. {w}", k + 1))
            .collect();
        removed(&numbered.join(" "), "1. [removed]", true);
        let paren: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(k, w)| format!("{}) {w}", k + 1))
            .collect();
        removed(&paren.join("\n"), "1) [removed]", true);
        removed(&words.join(", "), "[removed]", true);
        removed(&words.join("，"), "[removed]", true);
        removed(&words.join("\n"), "[removed]", true);
        removed(&words.join("-"), "[removed]", true);
        removed(&PHRASE.to_uppercase(), "[removed]", true);
        let capitalised: Vec<String> = words
            .iter()
            .map(|w| format!("{}{}", &w[..1].to_uppercase(), &w[1..]))
            .collect();
        removed(&capitalised.join(" "), "[removed]", true);
        // Numbers glued to the words they count: `1.abandon 2.ability` and `1abandon`.
        let glued: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(k, w)| format!("{}{w}", k + 1))
            .collect();
        removed(&glued.join(" "), "1[removed]", true);
    }

    #[test]
    fn a_number_glued_to_letters_on_both_sides_is_no_numbering() {
        // `x1abandon`: the digit belongs to a token, not to a list of words.
        let words: Vec<&str> = PHRASE.split(' ').collect();
        let tokens: Vec<String> = words.iter().map(|w| format!("x1{w}")).collect();
        kept(&tokens.join(" "));
    }

    #[test]
    fn what_may_stand_between_the_words() {
        let words: Vec<&str> = PHRASE.split(' ').collect();
        // Eight characters of separators at most.
        removed(&words.join(",-,-,-,-"), "[removed]", true);
        kept(&words.join(",-,-,-,-,"));
        removed(&words.join(" (12) "), "[removed]", true);
        // A blank line ends a phrase: these are twelve lines of something else.
        kept(&words.join("\n\n"));
    }

    #[test]
    fn a_number_glued_after_a_word_is_no_numbering() {
        // `absent1`: the word is part of a token, so the phrase around it is two short runs.
        kept(
            "abandon ability able about above absent1 absorb abstract absurd abuse access accident",
        );
    }

    #[test]
    fn a_word_s_number_has_one_or_two_digits_after_a_space() {
        let rest = PHRASE.split_once(' ').map_or("", |(_, rest)| rest);
        // After a letter, `1` is part of a token (`x1abandon`): eleven words are left, uncertain.
        removed(&format!("x1abandon {rest}"), "x1abandon [removed]", false);
        // Three digits are no place in a phrase.
        removed(
            &format!("text: 123abandon {rest}"),
            "text: 123abandon [removed]",
            false,
        );
        removed(
            &format!("text: 12abandon {rest}"),
            "text: 12[removed]",
            true,
        );
    }

    #[test]
    fn a_few_words_after_a_seed_label() {
        removed(
            "seed phrase: apple banana cherry dog. Then it froze.",
            "seed phrase: [removed]. Then it froze.",
            true,
        );
        removed(
            "助记词：apple, banana, cherry。",
            "助记词：[removed]。",
            true,
        );
        // A label after the words names them too.
        removed(
            "abandon ability able about absent absorb seed words",
            "[removed] seed words",
            true,
        );
        kept("I lost my seed phrase and can't log in.");
        kept("seed phrase: lost it last year");
        kept("助记词是什么");
    }

    #[test]
    fn label_words_in_the_phrase_are_words_of_it() {
        // `seed` is both a label and a BIP-39 word.
        let phrase =
            "abandon ability able seed about above absent absorb abstract absurd abuse access";
        removed(phrase, "[removed]", true);
        removed(
            &format!("seed phrase {phrase}"),
            "seed phrase [removed]",
            true,
        );
    }

    #[test]
    fn a_label_names_every_phrase_after_it_in_its_sentence() {
        // Found by the fuzzer: the second half was labelled only once the first was removed.
        removed(
            "seed phrase: body prize slide history raise tenant winkmi night enact deal frog fire",
            "seed phrase: [removed] winkmi [removed]",
            true,
        );
    }

    #[test]
    fn eight_to_eleven_words_alone_are_uncertain() {
        let eight: Vec<&str> = PHRASE.split(' ').take(8).collect();
        removed(&eight.join(" "), "[removed]", false);
    }

    #[test]
    fn prose_is_not_a_phrase() {
        kept("I want to transfer money again but the app says wrong number, please help");
        kept("Please help: what happened to my account? I have no idea what this charge is about.");
    }

    #[test]
    fn a_phrase_ends_where_another_secrets_label_starts() {
        // Found by the property tests: `payment` is a BIP-39 word, and the phrase took it from
        // `payment password`; scanned again, the label was `password` and read the rest
        // differently.
        let text = format!(
            "{} payment password 000000 00  000--00-",
            ["abandon"; 12].join(" ")
        );
        let once = scan(&text, Policy::default());
        assert!(
            once.text.starts_with("[removed] payment password"),
            "{once:?}"
        );
        assert_eq!(scan(&once.text, Policy::default()).text, once.text);
        let text = format!("{} payment password 482913", ["abandon"; 12].join(" "));
        assert_eq!(
            scan(&text, Policy::default()).text,
            "[removed] payment password [removed]"
        );
    }
}
