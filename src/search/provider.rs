//! A provider's guides in the search index: their titles, summaries, names and keywords,
//! as terms (the bundled guides' are static data).
//!
//! Built in one pass over the guides, with nothing per phrase but its place in one flat list
//! of term ids: with a thousand provider guides (14,000 phrases), the index is the largest
//! thing search holds, and it is built on every run. A guide's terms come from the catalog
//! (cached with its header); guides without them are tokenized first, on every core.

use std::borrow::Cow;
use std::hash::BuildHasher as _;

use hashbrown::HashTable;

use super::tokens::{self, Kind};
use super::{Index, PHRASE_END, Phrase, TERM_END, bundled, to_id};
use crate::guide::catalog::Entry;
use crate::lang::Lang;

/// A provider guide to index: its place in the catalog and its entry.
pub(super) type Guide<'a> = (usize, &'a Entry);

impl<'a> Index<'a> {
    /// Adds the phrases of provider `guides`; terms new to the vocabulary get a weight from
    /// how many phrases hold them (as a bundled term's weight comes from the bundled ones).
    pub(super) fn add_guides(&mut self, guides: &[Guide<'a>]) {
        // Tokenizing is most of the work for guides whose terms are not cached: on every
        // core, each such guide's terms in the cached form.
        let uncached: Vec<&Guide<'a>> = guides
            .iter()
            .filter(|(_, entry)| cached_terms(entry, phrase_count(entry)).is_none())
            .collect();
        let made: Vec<String> =
            crate::parallel::map(&uncached, 32, |(_, entry)| super::guide_terms(entry));
        // Room for every phrase and term at once: grown by doubling, these would take up to
        // twice their size, and more while they move.
        let (mut phrases, mut terms) = (0, 0);
        let mut made_terms = made.iter();
        for (_, entry) in guides {
            let count = phrase_count(entry);
            phrases += count;
            let text = cached_terms(entry, count).or_else(|| made_terms.next().map(String::as_str));
            terms += text.map_or(0, |t| t.bytes().filter(|b| *b == TERM_END as u8).count());
        }
        self.phrases.reserve_exact(phrases);
        self.flat.reserve_exact(terms);
        let mut made = made.iter();
        // For each extra term (id from `TERMS.len()`), how many phrases hold it.
        let mut held: Vec<u32> = Vec::new();
        for (guide, entry) in guides {
            let count = phrase_count(entry);
            // Terms cached in the catalog live as long as the index: new ones are kept as
            // they are. Terms tokenized here are copied.
            if let Some(terms) = cached_terms(entry, count) {
                self.add_phrases_of(*guide, count, terms, Some, &mut held);
            } else {
                let terms = made.next().map_or("", String::as_str);
                self.add_phrases_of(*guide, count, terms, |_| None, &mut held);
            }
        }
        // A new term's weight: how rare it is among all phrases, times its kind's weight
        // (which `Extra::add` put there).
        #[allow(clippy::cast_precision_loss)]
        let n = (bundled::PHRASES.len() + phrases) as f32;
        for (weight, count) in self.extra.weight.iter_mut().zip(&held) {
            #[allow(clippy::cast_precision_loss)]
            let count = (*count).max(1) as f32;
            *weight *= (1.0 + n / count).ln();
        }
        let ends: Vec<u32> = self
            .phrases
            .iter()
            .skip(1)
            .map(|p| p.start)
            .chain([to_id(self.flat.len())])
            .collect();
        for (p, end) in self.phrases.iter_mut().zip(ends) {
            let terms = self.flat.get(p.start as usize..end as usize).unwrap_or(&[]);
            p.norm = terms
                .iter()
                .map(|t| {
                    let weight = bundled::WEIGHT.get(*t as usize).copied();
                    weight
                        .or_else(|| self.extra.weight(*t))
                        .unwrap_or(0.0)
                        .powi(2)
                })
                .sum::<f32>()
                .sqrt();
        }
        self.phrases.shrink_to_fit();
        self.flat.shrink_to_fit();
        self.extra.finish();
    }

    /// Adds the `phrases` of catalog guide `guide`, from their terms as cached; `held`
    /// counts the phrases holding each extra term.
    fn add_phrases_of<'t>(
        &mut self,
        guide: usize,
        phrases: usize,
        terms: &'t str,
        lasting: impl Fn(&'t str) -> Option<&'a str>,
        held: &mut Vec<u32>,
    ) {
        let mut per_phrase = terms.split(PHRASE_END);
        let mut ids: Vec<u32> = Vec::new();
        for nth in 0..phrases {
            ids.clear();
            for term in per_phrase.next().unwrap_or("").split_terminator(TERM_END) {
                ids.push(self.term_or_add(term, lasting(term)));
            }
            ids.sort_unstable();
            ids.dedup();
            if ids.is_empty() {
                continue;
            }
            held.resize(self.extra.len(), 0);
            for id in &ids {
                let extra = (*id as usize).checked_sub(bundled::term_count());
                if let Some(n) = extra.and_then(|e| held.get_mut(e)) {
                    *n += 1;
                }
            }
            let start = to_id(self.flat.len());
            self.flat.extend_from_slice(&ids);
            self.phrases.push(Phrase {
                guide: to_id(guide),
                nth: to_id(nth),
                norm: 0.0,
                start,
            });
        }
    }

    /// The id of `term`: a bundled term's, or a provider term's, added when new; `lasting`
    /// is the same text when it lives as long as the index (it is then not copied).
    /// While the index is built, bundled terms met are in the table too: a term is looked
    /// up in the bundled vocabulary once, not at each of its uses.
    fn term_or_add(&mut self, term: &str, lasting: Option<&'a str>) -> u32 {
        let hash = hash(term);
        if let Some(id) = self.extra.find(hash, term) {
            return id;
        }
        let id = match bundled::find_term(term) {
            Ok(known) => to_id(known),
            Err(_) => self
                .extra
                .push(lasting.map_or_else(|| Cow::Owned(term.to_string()), Cow::Borrowed)),
        };
        self.extra.insert(hash, id);
        id
    }
}

/// Terms of provider guides that the bundled vocabulary lacks, with ids from
/// `bundled::term_count()`: each term once, and a table of their numbers by hash (five
/// bytes a term, where a map holding the terms would take 33).
#[derive(Default)]
pub(super) struct Extra<'a> {
    terms: Vec<Cow<'a, str>>,
    /// While the index is built, a term's kind weight; then its weight.
    weight: Vec<f32>,
    table: HashTable<u32>,
}

impl<'a> Extra<'a> {
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// The id of `term`, if it is one.
    pub fn get(&self, term: &str) -> Option<u32> {
        self.find(hash(term), term)
            .filter(|id| *id as usize >= bundled::term_count())
    }

    /// The id of the term in the table with this text and `hash`.
    fn find(&self, hash: u64, term: &str) -> Option<u32> {
        let terms = &self.terms;
        self.table
            .find(hash, |id| text_of(terms, *id) == term)
            .copied()
    }

    /// Puts term `id` in the table.
    fn insert(&mut self, hash_of_id: u64, id: u32) {
        let terms = &self.terms;
        self.table
            .insert_unique(hash_of_id, id, |old| hash(text_of(terms, *old)));
    }

    /// Adds a term it does not have; its id (not yet in the table).
    fn push(&mut self, term: Cow<'a, str>) -> u32 {
        let id = to_id(bundled::term_count() + self.terms.len());
        self.weight.push(Kind::of(&term).weight());
        self.terms.push(term);
        id
    }

    /// The weight of term `id`, if it is one of these.
    pub fn weight(&self, id: u32) -> Option<f32> {
        let n = (id as usize).checked_sub(bundled::term_count())?;
        self.weight.get(n).copied()
    }

    /// Every term and its id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        let base = bundled::term_count();
        self.terms
            .iter()
            .enumerate()
            .map(move |(n, t)| (t.as_ref(), to_id(base + n)))
    }

    /// Once the index is built: only provider terms stay in the table, in as little room
    /// as they take.
    fn finish(&mut self) {
        self.terms.shrink_to_fit();
        self.weight.shrink_to_fit();
        let base = bundled::term_count();
        self.table.retain(|id| *id as usize >= base);
        let terms = &self.terms;
        self.table.shrink_to_fit(|id| hash(text_of(terms, *id)));
    }
}

/// The text of term `id`: a bundled term's, or one of `extra`.
fn text_of<'t>(extra: &'t [Cow<'_, str>], id: u32) -> &'t str {
    let id = id as usize;
    match id.checked_sub(bundled::term_count()) {
        None => bundled::term(id),
        Some(n) => extra.get(n).map_or("", |t| t.as_ref()),
    }
}

fn hash(term: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(term)
}

/// How many phrases `provider_phrases` gives for `entry`.
fn phrase_count(entry: &Entry) -> usize {
    2 * Lang::ALL.len() + entry.names().count() + entry.keywords.all().count()
}

/// A guide's terms cached with its header, when they are for exactly its `phrases`.
fn cached_terms(entry: &Entry, phrases: usize) -> Option<&str> {
    let terms = entry.search_terms.as_deref()?;
    (terms.split(PHRASE_END).count() == phrases).then_some(terms)
}

/// Calls `f` with each term of a provider's phrase, as a query's are read.
pub(super) fn each_term_of(text: &str, f: impl FnMut(&str)) {
    let text = tokens::standard_spelling(text, bundled::VARIANTS);
    tokens::each_term(&tokens::pieces(&text), f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::catalog::Catalog;

    #[test]
    fn a_guides_phrases_are_counted_as_they_are_listed() {
        let catalog = Catalog::load(&[]).unwrap();
        for entry in catalog.entries() {
            assert_eq!(
                phrase_count(entry),
                super::super::provider_phrases(entry).len(),
                "{}",
                entry.id
            );
        }
    }

    #[test]
    fn extra_terms_are_found_by_their_text() {
        let mut extra = Extra::default();
        let first = extra.push(Cow::Borrowed("purple"));
        extra.insert(hash("purple"), first);
        let second = extra.push(Cow::Owned("elephant".to_string()));
        extra.insert(hash("elephant"), second);
        let card = to_id(bundled::find_term("card").unwrap());
        extra.insert(hash("card"), card);
        assert_eq!(extra.get("card"), None, "a bundled term");
        extra.finish();
        assert_eq!(extra.get("purple"), Some(first));
        assert_eq!(extra.get("elephant"), Some(second));
        assert_eq!(extra.get("zebra"), None);
        assert_eq!(first as usize, bundled::term_count());
        assert_eq!(
            extra.iter().map(|(t, _)| t).collect::<Vec<_>>(),
            ["purple", "elephant"]
        );
    }
}
