//! A provider's guides in the search index: their titles, summaries, names and keywords,
//! tokenized when the index is built (the bundled guides' are static data).

use super::tokens::{self, Kind};
use super::{Index, Phrase, Source, bundled, to_id};

impl<'a> Index<'a> {
    /// Adds provider phrases, tokenizing those without cached terms; terms new to the
    /// vocabulary get a weight from how many of these phrases hold them. Each distinct text
    /// is read once, and every phrase's terms go into one flat list.
    pub(super) fn add_phrases(&mut self, texts: Vec<(usize, Source, &'a str, Option<&'a str>)>) {
        // Guides share phrases (a provider's keywords, aliases that are titles).
        let mut first: FastMap<&str, u32> =
            FastMap::with_capacity_and_hasher(texts.len(), rustc_hash::FxBuildHasher);
        let mut unique: Vec<(&str, Option<&str>)> = Vec::new();
        let slots: Vec<u32> = texts
            .iter()
            .map(|(_, _, text, terms)| {
                *first.entry(*text).or_insert_with(|| {
                    unique.push((text, *terms));
                    to_id(unique.len() - 1)
                })
            })
            .collect();
        // Tokenizing is most of the work for a thousand guides without a cache: it runs on
        // every core, for the phrases whose terms are not cached. Each phrase's terms as one
        // string, separated by NUL.
        let uncached: Vec<&str> = unique
            .iter()
            .filter(|(_, cached)| cached.is_none())
            .map(|(text, _)| *text)
            .collect();
        let made: Vec<String> = crate::parallel::map(&uncached, 512, |text| {
            let mut terms = String::new();
            each_term_of(text, |term| {
                terms.push_str(term);
                terms.push('\0');
            });
            terms
        });
        let mut made_terms = made.iter();
        let tokenized: Vec<&str> = unique
            .iter()
            .filter_map(|(_, cached)| match cached {
                Some(terms) => Some(*terms),
                None => made_terms.next().map(String::as_str),
            })
            .collect();
        // Each distinct phrase's terms by a local number, in one list.
        drop(first);
        let mut local: FastMap<&str, u32> = FastMap::default();
        let mut local_terms: Vec<&str> = Vec::new();
        let mut flat: Vec<u32> = Vec::new();
        let mut starts: Vec<usize> = Vec::with_capacity(tokenized.len() + 1);
        starts.push(0);
        let mut buffer: Vec<u32> = Vec::new();
        for phrase in &tokenized {
            buffer.clear();
            for term in phrase.split_terminator('\0') {
                let id = *local.entry(term).or_insert_with(|| {
                    local_terms.push(term);
                    to_id(local_terms.len() - 1)
                });
                buffer.push(id);
            }
            buffer.sort_unstable();
            buffer.dedup();
            flat.extend_from_slice(&buffer);
            starts.push(flat.len());
        }
        let range =
            |u: usize| starts.get(u).copied().unwrap_or(0)..starts.get(u + 1).copied().unwrap_or(0);
        // How many phrases hold each term.
        let mut uses = vec![0f32; unique.len()];
        for slot in &slots {
            if let Some(n) = uses.get_mut(*slot as usize) {
                *n += 1.0;
            }
        }
        let mut df = vec![0f32; local_terms.len()];
        for (u, n) in uses.iter().enumerate() {
            for t in flat.get(range(u)).unwrap_or(&[]) {
                if let Some(d) = df.get_mut(*t as usize) {
                    *d += n;
                }
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let n = (bundled::PHRASES.len() + texts.len()) as f32;
        let global: Vec<u32> = local_terms
            .iter()
            .zip(&df)
            .map(|(term, count)| {
                if let Ok(known) = bundled::find_term(term) {
                    to_id(known)
                } else if let Some(id) = self.extra.get(*term) {
                    *id
                } else {
                    let new = to_id(bundled::term_count() + self.extra.len());
                    self.extra_weight
                        .push((1.0 + n / count.max(1.0)).ln() * Kind::of(term).weight());
                    self.extra.insert((*term).to_string(), new);
                    new
                }
            })
            .collect();
        drop(local);
        for t in &mut flat {
            *t = global.get(*t as usize).copied().unwrap_or(u32::MAX);
        }
        drop(global);
        let norms: Vec<f32> = (0..unique.len())
            .map(|u| {
                flat.get(range(u))
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| self.weight(*t).powi(2))
                    .sum::<f32>()
                    .sqrt()
            })
            .collect();
        let offset = self.flat.len();
        if offset == 0 {
            self.flat = flat;
        } else {
            self.flat.extend_from_slice(&flat);
        }
        self.flat.shrink_to_fit();
        self.phrases.reserve_exact(texts.len());
        for ((guide, source, text, _), slot) in texts.into_iter().zip(slots) {
            let u = slot as usize;
            let norm = norms.get(u).copied().unwrap_or(0.0);
            if norm > 0.0 {
                let r = range(u);
                self.phrases.push(Phrase {
                    guide,
                    source,
                    text,
                    norm,
                    terms: to_id(offset + r.start)..to_id(offset + r.end),
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
pub(super) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
