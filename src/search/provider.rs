//! A provider's guides in the search index: their titles, summaries, names and keywords,
//! tokenized when the index is built (the bundled guides' are static data).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::tokens::{self, Kind};
use super::{Index, Phrase, Source, bundled, to_id};

impl<'a> Index<'a> {
    /// Tokenizes provider phrases (those without cached terms); terms new to the vocabulary
    /// get a weight from how many of these phrases hold them.
    pub(super) fn add_phrases(&mut self, texts: Vec<(usize, Source, &'a str, Option<&'a str>)>) {
        // Terms of these phrases by a local number, and how many phrases hold each.
        let mut local: FastMap<String, u32> = FastMap::default();
        let mut df: Vec<f32> = Vec::new();
        let mut phrase_terms: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
        // Guides share phrases (a provider's keywords, aliases that are titles): each text
        // is tokenized once.
        let mut first: FastMap<&str, usize> = FastMap::default();
        let mut unique: Vec<&str> = Vec::new();
        let mut cached: Vec<Option<&str>> = Vec::new();
        let slots: Vec<usize> = texts
            .iter()
            .map(|(_, _, text, terms)| {
                *first.entry(*text).or_insert_with(|| {
                    unique.push(text);
                    cached.push(*terms);
                    unique.len() - 1
                })
            })
            .collect();
        // Tokenizing is most of the work for a thousand guides without a cache: it runs on
        // every core. Each phrase's terms as one string, separated by NUL (no term holds
        // one): a thousand guides' phrases would otherwise be a hundred thousand small
        // strings.
        let todo: Vec<(&str, Option<&str>)> = unique.iter().copied().zip(cached).collect();
        let tokenized = crate::parallel::map(&todo, 512, |(text, cached)| {
            if let Some(terms) = cached {
                return std::borrow::Cow::Borrowed(*terms);
            }
            let mut terms = String::new();
            each_term_of(text, |term| {
                terms.push_str(term);
                terms.push('\0');
            });
            std::borrow::Cow::Owned(terms)
        });
        let mut unique_terms: Vec<Vec<u32>> = Vec::with_capacity(tokenized.len());
        for phrase in &tokenized {
            let mut terms = Vec::new();
            for term in phrase.split_terminator('\0') {
                let id = if let Some(id) = local.get(term) {
                    *id
                } else {
                    let id = to_id(df.len());
                    local.insert(term.to_string(), id);
                    df.push(0.0);
                    id
                };
                terms.push(id);
            }
            terms.sort_unstable();
            terms.dedup();
            unique_terms.push(terms);
        }
        for slot in slots {
            let terms = unique_terms[slot].clone();
            for t in &terms {
                df[*t as usize] += 1.0;
            }
            phrase_terms.push(terms);
        }
        #[allow(clippy::cast_precision_loss)]
        let n = (bundled::PHRASES.len() + texts.len()) as f32;
        let mut global = vec![0u32; df.len()];
        for (term, id) in local {
            let count = df[id as usize];
            global[id as usize] = if let Ok(known) = bundled::find_term(term.as_str()) {
                to_id(known)
            } else {
                let new = to_id(bundled::term_count() + self.extra.len());
                self.extra_weight
                    .push((1.0 + n / count).ln() * Kind::of(&term).weight());
                self.extra.insert(term, new);
                new
            };
        }
        for ((guide, source, text, _), terms) in texts.into_iter().zip(phrase_terms) {
            let terms: Vec<u32> = terms.iter().map(|t| global[*t as usize]).collect();
            let norm = terms
                .iter()
                .map(|t| self.weight(*t).powi(2))
                .sum::<f32>()
                .sqrt();
            if norm > 0.0 {
                self.phrases.push(Phrase {
                    guide,
                    source,
                    text,
                    norm,
                    terms,
                });
            }
        }
    }

}

/// Calls `f` with each term of a provider's phrase, as a query's are read.
pub(super) fn each_term_of(text: &str, f: impl FnMut(&str)) {
    let text = tokens::standard_spelling(text, bundled::VARIANTS);
    tokens::each_term(&tokens::pieces(&text), f);
}

/// A map with a fast hash for the many short terms of provider guides (no untrusted keys
/// that could be chosen to collide: at worst a slow search).
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// The multiply-rotate hash of rustc's `FxHasher`.
#[derive(Default)]
pub(super) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

