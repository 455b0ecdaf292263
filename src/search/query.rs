//! A query as search weighs it: the terms it knows, each with its weight (English typos
//! corrected), and how much of the query is words it does not know. Unknown words stay in
//! the query's length: "are schools closing" is not "closing" alone, so a guide that matches
//! only "closing" is not a confident answer.

use super::tokens::{self, Kind, Piece};
use super::{Index, bundled};

/// A query as a unit vector over terms: the known ones, sorted by term, and the share of
/// its squared length that unknown ones take.
pub(super) struct Query {
    pub terms: Vec<(u32, f32)>,
    /// Known terms reached only by correcting a typo.
    pub typos: Vec<u32>,
    /// From 0 (every word known) to 1 (none).
    pub unknown: f32,
    /// Whether it has a Chinese character: the model weighs guides apart for each script.
    pub han: bool,
}

impl Query {
    pub fn weight_of(&self, term: u32) -> Option<f32> {
        let at = self.terms.binary_search_by_key(&term, |(t, _)| *t).ok()?;
        self.terms.get(at).map(|(_, w)| *w)
    }
}

impl Index<'_> {
    /// `text` as a query.
    pub(super) fn query(&self, text: &str) -> Query {
        let han = text.chars().any(tokens::is_han);
        let text = tokens::standard_spelling(text, bundled::VARIANTS);
        let tuning = &self.tuning;
        let mut corrected = Vec::new();
        let pieces: Vec<Piece> = tokens::pieces(&text)
            .into_iter()
            .map(|piece| match piece {
                Piece::Word(word)
                    if word.chars().count() >= tuning.typo_min_len
                        && self.term(&word).is_none() =>
                {
                    match self.nearest(&word) {
                        Some(known) => {
                            corrected.push(known.clone());
                            Piece::Word(known)
                        }
                        None => Piece::Word(word),
                    }
                }
                other => other,
            })
            .collect();
        // The head of the question: its first clause, up to the first punctuation.
        let head_end = pieces
            .iter()
            .position(|p| *p == Piece::Break)
            .unwrap_or(pieces.len());
        let head = if head_end < pieces.len() && (tuning.head - 1.0).abs() > f32::EPSILON {
            tokens::terms_of(pieces.get(..head_end).unwrap_or(&[]))
        } else {
            Vec::new()
        };
        let mut terms = Vec::new();
        let mut typos = Vec::new();
        let mut unknown = 0f32;
        for term in tokens::terms_of(&pieces) {
            let place = if head.binary_search(&term).is_ok() {
                tuning.head
            } else {
                1.0
            };
            if let Some(id) = self.term(&term) {
                let typo = corrected.contains(&term);
                if typo {
                    typos.push(id);
                }
                let factor = if typo { tuning.typo } else { 1.0 };
                terms.push((id, self.weight(id) * factor * place));
            } else {
                let weight = match Kind::of(&term) {
                    Kind::Word => tuning.unknown_word,
                    Kind::Pair => 0.0,
                    Kind::Han1 => tuning.unknown_han1,
                    Kind::Han2 => tuning.unknown_han2,
                } * Kind::of(&term).weight()
                    * place;
                unknown += weight * weight;
            }
        }
        terms.sort_by_key(|(id, _)| *id);
        typos.sort_unstable();
        let known: f32 = terms.iter().map(|(_, w)| w * w).sum();
        let norm = (known + unknown).sqrt();
        if known > 0.0 {
            for (_, w) in &mut terms {
                *w /= norm;
            }
        }
        Query {
            terms,
            typos,
            han,
            unknown: if known + unknown > 0.0 {
                unknown / (known + unknown)
            } else {
                1.0
            },
        }
    }

    /// The known word one edit (or one swap of neighbours) from `word`: the most common one
    /// when there are several.
    fn nearest(&self, word: &str) -> Option<String> {
        // One edit keeps the first or the last letter of a word of three or more.
        let (first, last) = (word.chars().next(), word.chars().last());
        let close = |term: &str| {
            term.len().abs_diff(word.len()) <= 1
                && (term.chars().next() == first || term.chars().last() == last)
                && strsim::osa_distance(word, term) == 1
        };
        let lengths = word.len().saturating_sub(1)..=word.len() + 1;
        let length = |id: &u32| bundled::term(*id as usize).len();
        let from = bundled::WORDS.partition_point(|id| length(id) < *lengths.start());
        let to = bundled::WORDS.partition_point(|id| length(id) <= *lengths.end());
        let provider = self.extra.iter().filter(|(t, _)| Kind::of(t) == Kind::Word);
        bundled::WORDS
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .map(|id| (bundled::term(*id as usize), *id))
            .chain(provider)
            .filter(|(term, _)| close(term))
            // The lowest weight is the most common word.
            .min_by(|a, b| self.weight(a.1).total_cmp(&self.weight(b.1)).then(a.0.cmp(b.0)))
            .map(|(term, _)| term.to_string())
    }
}
