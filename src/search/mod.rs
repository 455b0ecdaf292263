//! Ranks guides for a free-text description, in English, Chinese or both mixed.
//!
//! Two signals, both over the terms of `tokens` (stemmed English words and word pairs,
//! Chinese characters and character pairs):
//!
//! - the nearest phrases: each guide's titles, summaries, names, keywords and example
//!   phrases, compared with the query by weighted cosine; a guide scores the sum of its best
//!   few. This is what explains a match (the best phrase), and all a provider's own guide has.
//! - a softmax regression trained at build time on the bundled phrases (`model.rs`): the
//!   probability of each bundled guide given all the words of the query together.
//!
//! The bundled phrases, their terms and the model are static data from `build.rs`: a search
//! reads no file and tokenizes only the query and any provider guides.

pub mod tokens;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::guide::Source as GuideSource;
use crate::guide::catalog::Catalog;
use crate::lang::Lang;
use tokens::{Kind, Piece};

/// How many of a guide's best phrases add up to its phrase score.
const NEAREST: usize = 3;
/// The weight of the phrase score next to the model's probability.
const PHRASES_WEIGHT: f32 = 0.1;
/// A query (nearly) the same as a guide's title, name or keyword raises that guide by a
/// bonus, above what the model says of the other guides in most cases.
const EXACT: f32 = 0.9;
const EXACT_BONUS: f32 = 0.5;
/// A word corrected for a typo counts this much.
const TYPO: f32 = 0.7;

/// One ranked guide.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub id: String,
    pub score: f64,
    /// One short line: the phrase of the guide the query is closest to.
    pub why: String,
}

/// Where a phrase comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Title,
    Alias,
    Summary,
    Keyword,
    Example,
}

/// A bundled phrase, from `build.rs`; `POSTINGS` says which terms it holds.
struct StaticPhrase {
    guide: u16,
    source: Source,
    norm: f32,
}

/// Generated data: no lint applies (and a lint would print a whole line of it).
#[allow(clippy::all, clippy::pedantic)]
mod bundled {
    use super::{Source, StaticPhrase};
    include!(concat!(env!("OUT_DIR"), "/search_model.rs"));

    static TERMS_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/search_terms.txt"));
    static PHRASES_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/search_phrases.txt"));

    pub(super) fn term_count() -> usize {
        TERM_START.len() - 1
    }

    pub(super) fn term(id: usize) -> &'static str {
        &TERMS_TEXT[TERM_START[id] as usize..TERM_START[id + 1] as usize]
    }

    /// The id of `text` among the sorted terms, or where it would go.
    pub(super) fn find_term(text: &str) -> Result<usize, usize> {
        let (mut low, mut high) = (0, term_count());
        while low < high {
            let middle = low + (high - low) / 2;
            match term(middle).cmp(text) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Ok(middle),
            }
        }
        Err(low)
    }

    pub(super) fn phrase_text(id: usize) -> &'static str {
        &PHRASES_TEXT[PHRASE_START[id] as usize..PHRASE_START[id + 1] as usize]
    }
}

/// A phrase of a guide that is not bundled (a provider's), tokenized when the index is built.
struct Phrase<'a> {
    guide: usize,
    source: Source,
    text: &'a str,
    norm: f32,
    terms: Vec<u32>,
}

/// The searchable phrases of every guide in a catalog.
pub struct Index<'a> {
    ids: Vec<String>,
    /// For each bundled guide, its place in the catalog, if it is there.
    bundled: Vec<Option<usize>>,
    /// For each bundled guide, whether the catalog's guide is the bundled one, whose titles,
    /// names and keywords the static phrases hold (a provider's guide may replace it).
    bundled_header: Vec<bool>,
    phrases: Vec<Phrase<'a>>,
    /// Terms of provider guides that the bundled vocabulary lacks: ids from `TERMS.len()`.
    extra: FastMap<String, u32>,
    extra_weight: Vec<f32>,
}

impl<'a> Index<'a> {
    pub fn new(catalog: &'a Catalog) -> Index<'a> {
        let entries = catalog.entries();
        let mut index = Index {
            ids: entries.iter().map(|e| e.id.clone()).collect(),
            bundled: vec![None; bundled::GUIDES.len()],
            bundled_header: vec![false; bundled::GUIDES.len()],
            phrases: Vec::new(),
            extra: FastMap::default(),
            extra_weight: Vec::new(),
        };
        let mut texts = Vec::new();
        for (guide, entry) in entries.iter().enumerate() {
            if let Ok(class) = bundled::GUIDES.binary_search(&entry.id.as_str()) {
                index.bundled[class] = Some(guide);
                if entry.source == GuideSource::Bundled {
                    index.bundled_header[class] = true;
                    continue;
                }
            }
            for lang in Lang::ALL {
                texts.push((guide, Source::Title, entry.title.get(lang)));
                texts.push((guide, Source::Summary, entry.summary.get(lang)));
            }
            for name in entry.names() {
                texts.push((guide, Source::Alias, name.as_str()));
            }
            for keyword in entry.keywords.all() {
                texts.push((guide, Source::Keyword, keyword.as_str()));
            }
        }
        index.add_phrases(texts);
        index
    }

    /// Tokenizes provider phrases; terms new to the vocabulary get a weight from how many
    /// of these phrases hold them.
    fn add_phrases(&mut self, texts: Vec<(usize, Source, &'a str)>) {
        // Terms of these phrases by a local number, and how many phrases hold each.
        let mut local: FastMap<String, u32> = FastMap::default();
        let mut df: Vec<f32> = Vec::new();
        let mut phrase_terms: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
        // Guides share phrases (a provider's keywords, aliases that are titles): each text
        // is tokenized once.
        let mut first: FastMap<&str, usize> = FastMap::default();
        let mut unique: Vec<&str> = Vec::new();
        let slots: Vec<usize> = texts
            .iter()
            .map(|(_, _, text)| {
                *first.entry(*text).or_insert_with(|| {
                    unique.push(text);
                    unique.len() - 1
                })
            })
            .collect();
        // Tokenizing is most of the work for a thousand guides: it runs on every core.
        // Each phrase's terms as one string, separated by NUL (no term holds one): a
        // thousand guides' phrases would otherwise be a hundred thousand small strings.
        let tokenized = crate::parallel::map(&unique, 512, |text| {
            let mut terms = String::new();
            tokens::each_term(&tokens::pieces(text), |term| {
                terms.push_str(term);
                terms.push('\0');
            });
            terms
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
        for ((guide, source, text), terms) in texts.into_iter().zip(phrase_terms) {
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

    fn term(&self, term: &str) -> Option<u32> {
        match bundled::find_term(term) {
            Ok(id) => u32::try_from(id).ok(),
            Err(_) => self.extra.get(term).copied(),
        }
    }

    fn weight(&self, term: u32) -> f32 {
        let id = term as usize;
        bundled::WEIGHT
            .get(id)
            .or_else(|| self.extra_weight.get(id - bundled::WEIGHT.len()))
            .copied()
            .unwrap_or(0.0)
    }

    /// The best `limit` guides for `query`, best first, each with a `why` in `lang`; none
    /// when no word of it is known.
    pub fn search(&self, query: &str, limit: usize, lang: Lang) -> Vec<Match> {
        // The query as a unit vector: (term, weight), sorted by term.
        let mut query = self.query(query);
        let norm = query.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm == 0.0 {
            return Vec::new();
        }
        for (_, w) in &mut query {
            *w /= norm;
        }
        let mut nearest: Vec<Vec<Near<'_>>> = vec![Vec::new(); self.ids.len()];
        // Bundled phrases: only those holding a query term are looked at.
        let mut dot = vec![0f32; bundled::PHRASES.len()];
        for (t, w) in query
            .iter()
            .filter(|(t, _)| (*t as usize) < bundled::term_count())
        {
            let t = *t as usize;
            let postings =
                bundled::POSTINGS_START[t] as usize..bundled::POSTINGS_START[t + 1] as usize;
            for p in &bundled::POSTINGS[postings] {
                dot[*p as usize] += w * bundled::WEIGHT[t];
            }
        }
        for (id, (p, dot)) in bundled::PHRASES.iter().zip(&dot).enumerate() {
            let class = usize::from(p.guide);
            let Some(guide) = self.bundled[class] else {
                continue;
            };
            if *dot > 0.0 && (p.source == Source::Example || self.bundled_header[class]) {
                keep(
                    &mut nearest[guide],
                    dot / p.norm,
                    bundled::phrase_text(id),
                    p.source,
                );
            }
        }
        for p in &self.phrases {
            let dot: f32 = p
                .terms
                .iter()
                .filter_map(|t| {
                    let at = query.binary_search_by_key(t, |(id, _)| *id).ok()?;
                    Some(query[at].1 * self.weight(*t))
                })
                .sum();
            keep(&mut nearest[p.guide], dot / p.norm, p.text, p.source);
        }
        let probability = self.model(&query);
        let mut ranked: Vec<(f32, usize)> = nearest
            .iter()
            .enumerate()
            .filter(|(_, near)| !near.is_empty())
            .map(|(guide, near)| {
                let similarity: f32 = near.iter().map(|n| n.similarity).sum();
                let exact = near
                    .iter()
                    .any(|n| n.source != Source::Example && n.similarity >= EXACT);
                let bonus = if exact { EXACT_BONUS } else { 0.0 };
                (
                    probability[guide] + PHRASES_WEIGHT * similarity + bonus,
                    guide,
                )
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(score, guide)| Match {
                id: self.ids[guide].clone(),
                score: (f64::from(score) * 1000.0).round() / 1000.0,
                why: why(&nearest[guide][0], lang),
            })
            .collect()
    }

    /// The query's known terms with their weights, sorted by term, English typos corrected.
    fn query(&self, text: &str) -> Vec<(u32, f32)> {
        let mut corrected = Vec::new();
        let pieces: Vec<Piece> = tokens::pieces(text)
            .into_iter()
            .map(|piece| match piece {
                Piece::Word(word) if word.len() >= 4 && self.term(&word).is_none() => {
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
        let mut query: Vec<(u32, f32)> = tokens::terms_of(&pieces)
            .iter()
            .filter_map(|term| {
                let id = self.term(term)?;
                let typo = if corrected.contains(term) { TYPO } else { 1.0 };
                Some((id, self.weight(id) * typo))
            })
            .collect();
        query.sort_by_key(|(id, _)| *id);
        query
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
        let provider = self
            .extra
            .iter()
            .filter(|(t, _)| Kind::of(t) == Kind::Word)
            .map(|(t, id)| (t.as_str(), *id));
        bundled::WORDS[from..to]
            .iter()
            .map(|id| (bundled::term(*id as usize), *id))
            .chain(provider)
            .filter(|(term, _)| close(term))
            // The lowest weight is the most common word.
            .min_by(|a, b| self.weight(a.1).total_cmp(&self.weight(b.1)).then(a.0.cmp(b.0)))
            .map(|(term, _)| term.to_string())
    }

    /// The softmax regression's probability for each catalog guide (zero for a guide the
    /// model does not know), for a query as a unit vector.
    fn model(&self, query: &[(u32, f32)]) -> Vec<f32> {
        let mut logits: Vec<f32> = bundled::BIAS.to_vec();
        for (t, x) in query
            .iter()
            .filter(|(t, _)| (*t as usize) < bundled::term_count())
        {
            let t = *t as usize;
            let range = bundled::MODEL_START[t] as usize..bundled::MODEL_START[t + 1] as usize;
            for (class, w) in &bundled::MODEL[range] {
                logits[usize::from(*class)] += w * x;
            }
        }
        let present = |class: &usize| self.bundled[*class].is_some();
        let max = (0..logits.len())
            .filter(present)
            .map(|c| logits[c])
            .fold(f32::MIN, f32::max);
        let sum: f32 = (0..logits.len())
            .filter(present)
            .map(|c| (logits[c] - max).exp())
            .sum();
        let mut probability = vec![0f32; self.ids.len()];
        for (class, guide) in self.bundled.iter().enumerate() {
            if let Some(guide) = guide {
                probability[*guide] = (logits[class] - max).exp() / sum;
            }
        }
        probability
    }
}

/// A map with a fast hash for the many short terms of provider guides (no untrusted keys
/// that could be chosen to collide: at worst a slow search).
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// The multiply-rotate hash of rustc's `FxHasher`.
#[derive(Default)]
struct FastHasher(u64);

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

fn to_id(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// A phrase close to the query, and how close.
#[derive(Clone, Copy)]
struct Near<'a> {
    similarity: f32,
    text: &'a str,
    source: Source,
}

/// Keeps a guide's `NEAREST` most similar phrases, most similar first.
fn keep<'a>(top: &mut Vec<Near<'a>>, similarity: f32, text: &'a str, source: Source) {
    if similarity <= 0.0 || (top.len() == NEAREST && similarity <= top[NEAREST - 1].similarity) {
        return;
    }
    let at = top.partition_point(|n| n.similarity >= similarity);
    top.insert(
        at,
        Near {
            similarity,
            text,
            source,
        },
    );
    top.truncate(NEAREST);
}

/// One short line: the phrase the query is closest to, and where it comes from.
fn why(near: &Near<'_>, lang: Lang) -> String {
    let text = console::truncate_str(near.text, 50, "…");
    let (en, zh) = match near.source {
        Source::Title => ("matches the title", "匹配标题"),
        Source::Alias => ("matches the name", "匹配名称"),
        Source::Summary => ("matches the summary", "匹配简介"),
        Source::Keyword => ("matches the keyword", "匹配关键词"),
        Source::Example => ("like the example", "类似例句"),
    };
    match lang {
        Lang::En => format!("{en} “{text}”"),
        Lang::Zh => format!("{zh}“{text}”"),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    /// An index borrows its catalog; a test's catalog lives as long as the test process.
    fn leaked(catalog: Catalog) -> &'static Catalog {
        Box::leak(Box::new(catalog))
    }

    fn bundled() -> Index<'static> {
        Index::new(leaked(Catalog::load(&[]).unwrap()))
    }

    fn top(index: &Index, query: &str) -> String {
        index
            .search(query, 1, Lang::En)
            .first()
            .map(|m| m.id.clone())
            .unwrap_or_default()
    }

    const PROVIDER_GUIDE: &str = r#"
schema = 1
id = "ID"
group = "other"
start = "done"
title = { en = "TITLE", zh = "示例钱包积分" }
summary = { en = "Loyalty points missing", zh = "积分没有到账" }
[keywords]
en = ["KEYWORD"]
zh = ["积分不见了"]
[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = { en = "Points arrive within a day.", zh = "积分一天内到账。" }
"#;

    /// A catalog of the bundled guides plus provider guides written from `(id, title,
    /// keyword)`.
    fn with_provider(guides: &[(&str, &str, &str)]) -> Index<'static> {
        let dir = tempfile::tempdir().unwrap();
        for (id, title, keyword) in guides {
            let text = PROVIDER_GUIDE
                .replace("\"ID\"", &format!("{id:?}"))
                .replace("TITLE", title)
                .replace("KEYWORD", keyword);
            fs::write(dir.path().join(format!("{id}.toml")), text).unwrap();
        }
        Index::new(leaked(Catalog::load(&[dir.path().to_path_buf()]).unwrap()))
    }

    #[test]
    fn ranks_by_meaning_in_either_language() {
        let index = bundled();
        for (query, id) in [
            ("card declined", "payment-failed"),
            ("I was charged twice", "payment-pending"),
            ("my top up never arrived", "top-up-missing"),
            ("充值没到账", "top-up-missing"),
            ("PayPal 充值没到账", "top-up-missing"),
            ("收不到验证码", "code-not-received"),
            ("手机丢了", "lost-device"),
            ("someone called saying they are support", "scam-check"),
        ] {
            assert_eq!(top(&index, query), id, "{query}");
        }
    }

    #[test]
    fn typos_plurals_and_word_order_do_not_matter() {
        let index = bundled();
        for query in [
            "declined card",
            "cards declined",
            "card declnied",
            "my card was declind",
        ] {
            assert_eq!(top(&index, query), "payment-failed", "{query}");
        }
        assert_eq!(
            top(&index, "verificaton code not recieved"),
            "code-not-received"
        );
    }

    #[test]
    fn a_query_with_no_known_word_finds_nothing() {
        let index = bundled();
        for query in ["", "   ", "the of and", "zzzzqqq", "！？"] {
            assert!(index.search(query, 5, Lang::En).is_empty(), "{query:?}");
        }
    }

    #[test]
    fn results_are_limited_and_best_first_with_a_reason() {
        let index = bundled();
        let found = index.search("refund not received", 3, Lang::En);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].id, "refund-missing");
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(found[0].why.contains('“'), "{}", found[0].why);
        let zh = index.search("退款没到账", 1, Lang::Zh);
        assert!(
            zh[0].why.starts_with("匹配") || zh[0].why.starts_with("类似"),
            "{}",
            zh[0].why
        );
        assert!(
            console::measure_text_width(&zh[0].why) <= 70,
            "{}",
            zh[0].why
        );
    }

    #[test]
    fn a_providers_guide_is_found_by_its_own_words() {
        let index = with_provider(&[("loyalty-points", "Loyalty points", "points not credited")]);
        let found = index.search("my points were not credited", 3, Lang::En);
        assert_eq!(found[0].id, "loyalty-points", "{found:?}");
        assert!(
            found[0].why.contains("points not credited"),
            "{}",
            found[0].why
        );
        assert_eq!(top(&index, "积分不见了"), "loyalty-points");
        assert_eq!(top(&index, "card declined"), "payment-failed");
    }

    #[test]
    fn a_replaced_bundled_guide_keeps_its_examples_but_not_its_keywords() {
        // The provider's payment-failed has its own title and keyword.
        let index = with_provider(&[("payment-failed", "Payment refused", "purple elephant")]);
        assert_eq!(top(&index, "purple elephant"), "payment-failed");
        assert_eq!(
            top(&index, "my card got declined at the shop"),
            "payment-failed"
        );
        let found = index.search("Google Pay not working at checkout", 5, Lang::En);
        assert!(
            found
                .iter()
                .all(|m| !m.why.contains("Google Pay not working at checkout")),
            "the bundled keyword is gone: {found:?}"
        );
    }
}
