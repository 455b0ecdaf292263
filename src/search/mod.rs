//! Ranks guides for a free-text description, in English, Chinese or both mixed, and says
//! "none of these" when no guide fits.
//!
//! Two signals, both over the terms of `tokens` (stemmed English words and word pairs,
//! Chinese characters and character pairs, variant spellings read as the standard ones):
//!
//! - the nearest phrases: each guide's titles, summaries, names, keywords and example
//!   phrases, compared with the query by weighted cosine; a guide scores the sum of its best
//!   few. This is what explains a match (the best phrase), and all a provider's own guide has.
//! - a softmax regression trained at build time on the bundled phrases (`model.rs`): the
//!   probability of each bundled guide, and of "none of these", given all the words of the
//!   query together.
//!
//! The query's words that search does not know stay in its length (`query.rs`), so a query
//! that shares one word with a guide and says other things is not a confident match for it.
//! A confidence model measured on a dev split (`Confidence`) decides whether the best guide
//! is an answer at all; when it is not, search answers "none of these" (no guide). See
//! `tests/fixtures/search/own-heldout/README.md` for the figures.
//!
//! The bundled phrases, their terms and the model are static data from `build.rs`: a search
//! reads no file and tokenizes only the query and any provider guides.

mod bundled;
mod provider;
mod query;
pub mod tokens;

use crate::guide::Source as GuideSource;
use crate::guide::catalog::{Catalog, Entry, Indexer};
use crate::lang::Lang;
use query::Query;

/// How many of a guide's best phrases add up to its phrase score.
const NEAREST: usize = 3;
/// The weight of the phrase score next to the model's probability.
const PHRASES_WEIGHT: f32 = 0.1;
/// A query (nearly) the same as a guide's title, name or keyword raises that guide by a
/// bonus, above what the model says of the other guides in most cases. The query's unknown
/// words count in "nearly the same", and a match through typo corrections alone earns none.
const EXACT: f32 = 0.9;
const EXACT_BONUS: f32 = 0.5;

/// What search can be tuned by; `Tuning::default()` is what it ships with. Public for the
/// evaluation in `tests/integration/search.rs`, which measures other settings on dev data.
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct Tuning {
    /// The weight of a query word search does not know, of an unknown Chinese character and
    /// of an unknown pair of characters (before their form's weight).
    pub unknown_word: f32,
    pub unknown_han1: f32,
    pub unknown_han2: f32,
    /// A word corrected for a typo counts this much; only words this long are corrected.
    pub typo: f32,
    pub typo_min_len: usize,
    /// The terms of a question's head (its first clause, when punctuation ends it) count
    /// this much more than the rest.
    pub head: f32,
    /// The confidence model: the best guide is a confident answer when
    /// `bias + none·P(none) + unknown·(unknown share) + similarity·(its nearest phrase's
    /// similarity) + margin·(its lead over the second)` is at least 0; else "none of these".
    pub confidence: Confidence,
}

/// A logistic regression on how search saw a query, fitted on the dev split (`data/search/dev/`
/// and the BANKING77 hold-out) so that in-scope top-1 falls by under one point; see
/// `tests/fixtures/search/own-heldout/README.md`.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Confidence {
    pub bias: f32,
    /// Added to `bias` for a query with a Chinese character.
    pub han: f32,
    pub none: f32,
    pub unknown: f32,
    pub similarity: f32,
    pub margin: f32,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            unknown_word: 4.0,
            unknown_han1: 2.0,
            unknown_han2: 2.0,
            typo: 0.7,
            typo_min_len: 5,
            head: 1.0,
            confidence: Confidence {
                // Fitted as a logistic regression (-0.9742 + …), then the decision point
                // moved to -2.0: the most rejections that keep dev top-1 within a point; with
                // the four newest guides' examples in the model, -1.8 keeps "none of these"
                // for questions a name shares one word with (the museum that is closed).
                bias: -0.9742 + 1.8,
                // Moved on the Chinese dev split once the model had a bias per script and
                // 300 more Chinese examples (more confident in Chinese): the most rejections
                // that keep dev and `heldout-zh.tsv` top-1 within a point.
                han: -0.8,
                none: -6.5221,
                unknown: -7.3651,
                similarity: 4.9728,
                margin: 1.0834,
            },
        }
    }
}

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

/// A phrase of a guide that is not bundled (a provider's), tokenized when the index is built.
/// Sixteen bytes: a thousand provider guides have 14,000 phrases.
struct Phrase {
    guide: u32,
    /// Which of the guide's phrases (as `provider_phrases` lists them): its text and where
    /// it comes from, when shown, are the catalog's.
    nth: u32,
    /// Zero for a phrase with no term search knows the weight of: it matches nothing.
    norm: f32,
    /// Where its terms start in `Index::flat`; they end where the next phrase's start.
    start: u32,
}

/// Where a phrase's text is: a bundled phrase's number, or a provider guide's phrase.
#[derive(Clone, Copy)]
enum PhraseText {
    Bundled(u32),
    Provider { guide: u32, nth: u32 },
}

/// The searchable phrases of every guide in a catalog.
pub struct Index<'a> {
    /// The catalog's guides, in its order.
    entries: &'a [Entry],
    /// For each bundled guide, its place in the catalog, if it is there.
    bundled: Vec<Option<usize>>,
    /// For each bundled guide, whether the catalog's guide is the bundled one, whose titles,
    /// names and keywords the static phrases hold (a provider's guide may replace it).
    bundled_header: Vec<bool>,
    /// For each catalog guide, whether the model knows it (a bundled id).
    modelled: Vec<bool>,
    phrases: Vec<Phrase>,
    /// The terms of every provider phrase, one after the other.
    flat: Vec<u32>,
    /// Terms of provider guides that the bundled vocabulary lacks: ids from `TERMS.len()`.
    extra: provider::Extra<'a>,
    tuning: Tuning,
}

/// How search saw a query, for the evaluation: every guide it scored, best first, and
/// whether it would answer.
#[doc(hidden)]
#[derive(Debug)]
pub struct Diagnosis {
    pub ranked: Vec<(String, f32)>,
    /// The best guide's model probability, nearest phrase's similarity, and whether it got
    /// the bonus for a name or keyword match.
    pub probability: f32,
    pub similarity: f32,
    pub exact: bool,
    /// The model's probability of "none of these".
    pub none: f32,
    /// The share of the query search does not know.
    pub unknown: f32,
    pub confident: bool,
}

/// A guide's score for a query, what it is made of, and its phrases nearest to the query.
struct Scored {
    guide: usize,
    score: f32,
    /// The model's probability (for a guide it does not know, what stands in for it).
    probability: f32,
    exact: bool,
    near: Vec<Near>,
}

/// Every guide with a phrase near the query, best first; empty when no word is known.
struct Ranking {
    guides: Vec<Scored>,
    none: f32,
    unknown: f32,
    /// Whether the query has a Chinese character.
    han: bool,
}

impl<'a> Index<'a> {
    pub fn new(catalog: &'a Catalog) -> Index<'a> {
        let entries = catalog.entries();
        let mut index = Index {
            entries,
            bundled: vec![None; bundled::GUIDES.len()],
            bundled_header: vec![false; bundled::GUIDES.len()],
            modelled: vec![false; entries.len()],
            phrases: Vec::new(),
            flat: Vec::new(),
            extra: provider::Extra::default(),
            tuning: Tuning::default(),
        };
        let mut providers: Vec<provider::Guide<'a>> = Vec::new();
        for (guide, entry) in entries.iter().enumerate() {
            if let Ok(class) = bundled::GUIDES.binary_search(&entry.id.as_str()) {
                // `class` is below `GUIDES.len()`, `guide` below `entries.len()`: the lengths
                // these were made with.
                if let Some(place) = index.bundled.get_mut(class) {
                    *place = Some(guide);
                }
                if let Some(known) = index.modelled.get_mut(guide) {
                    *known = true;
                }
                if entry.source == GuideSource::Bundled {
                    if let Some(header) = index.bundled_header.get_mut(class) {
                        *header = true;
                    }
                    continue;
                }
            }
            providers.push((guide, entry));
        }
        index.add_guides(&providers);
        index
    }

    /// The same index with other settings (for the evaluation).
    #[doc(hidden)]
    #[must_use]
    pub fn with_tuning(mut self, tuning: Tuning) -> Index<'a> {
        self.tuning = tuning;
        self
    }

    fn term(&self, term: &str) -> Option<u32> {
        match bundled::find_term(term) {
            Ok(id) => u32::try_from(id).ok(),
            Err(_) => self.extra.get(term),
        }
    }

    fn weight(&self, term: u32) -> f32 {
        bundled::WEIGHT
            .get(term as usize)
            .copied()
            .or_else(|| self.extra.weight(term))
            .unwrap_or(0.0)
    }

    /// The best `limit` guides for `query`, best first, each with a `why` in `lang`; none
    /// when no guide fits it well enough ("none of these").
    pub fn search(&self, query: &str, limit: usize, lang: Lang) -> Vec<Match> {
        let ranking = self.rank(query);
        if !self.confident(&ranking) {
            return Vec::new();
        }
        ranking
            .guides
            .into_iter()
            .take(limit)
            .filter_map(|scored| {
                Some(Match {
                    id: self.entries.get(scored.guide)?.id.clone(),
                    score: (f64::from(scored.score) * 1000.0).round() / 1000.0,
                    why: self.why(scored.near.first()?, lang),
                })
            })
            .collect()
    }

    /// How search saw `query` (for the evaluation).
    #[doc(hidden)]
    pub fn diagnose(&self, query: &str) -> Diagnosis {
        let ranking = self.rank(query);
        let best = ranking.guides.first();
        Diagnosis {
            probability: best.map_or(0.0, |b| b.probability),
            similarity: best
                .and_then(|b| b.near.first())
                .map_or(0.0, |n| n.similarity),
            exact: best.is_some_and(|b| b.exact),
            confident: self.confident(&ranking),
            ranked: ranking
                .guides
                .iter()
                .filter_map(|s| Some((self.entries.get(s.guide)?.id.clone(), s.score)))
                .collect(),
            none: ranking.none,
            unknown: ranking.unknown,
        }
    }

    /// Whether the best guide is a confident answer.
    fn confident(&self, ranking: &Ranking) -> bool {
        let Some(best) = ranking.guides.first() else {
            return false;
        };
        let second = ranking.guides.get(1).map_or(0.0, |s| s.score);
        let similarity = best.near.first().map_or(0.0, |n| n.similarity);
        let c = &self.tuning.confidence;
        c.bias
            + if ranking.han { c.han } else { 0.0 }
            + c.none * ranking.none
            + c.unknown * ranking.unknown
            + c.similarity * similarity
            + c.margin * (best.score - second)
            >= 0.0
    }

    /// Every guide with a phrase near `text`, best first.
    fn rank(&self, text: &str) -> Ranking {
        let query = self.query(text);
        if query.terms.is_empty() {
            return Ranking {
                guides: Vec::new(),
                none: 1.0,
                unknown: query.unknown,
                han: query.han,
            };
        }
        let nearest = self.nearest_phrases(&query);
        let (probability, none) = self.model(&query);
        let mut guides: Vec<Scored> = nearest
            .into_iter()
            .enumerate()
            .filter(|(_, near)| !near.is_empty())
            .map(|(guide, near)| {
                let similarity: f32 = near.iter().map(|n| n.similarity).sum();
                let exact = near
                    .iter()
                    .any(|n| !n.example && n.exact && n.similarity >= EXACT);
                let bonus = if exact { EXACT_BONUS } else { 0.0 };
                // A guide the model does not know (a provider's own id) stands on its
                // nearest phrase.
                let p = if self.modelled.get(guide).copied().unwrap_or(false) {
                    probability.get(guide).copied().unwrap_or(0.0)
                } else {
                    near.first().map_or(0.0, |n| n.similarity.powi(2))
                };
                Scored {
                    guide,
                    score: p + PHRASES_WEIGHT * similarity + bonus,
                    probability: p,
                    exact,
                    near,
                }
            })
            .collect();
        guides.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.guide.cmp(&b.guide)));
        Ranking {
            guides,
            none,
            unknown: query.unknown,
            han: query.han,
        }
    }

    /// For each catalog guide, its phrases nearest to the query.
    fn nearest_phrases(&self, query: &Query) -> Vec<Vec<Near>> {
        let mut nearest: Vec<Vec<Near>> = vec![Vec::new(); self.entries.len()];
        // Bundled phrases: only those holding a query term are looked at. Per phrase, the
        // dot product, and whether a term other than a typo correction is shared.
        let mut dot = vec![(0f32, false); bundled::PHRASES.len()];
        for (t, w) in &query.terms {
            let Some(weight) = bundled::WEIGHT.get(*t as usize) else {
                continue;
            };
            let typo = query.typos.binary_search(t).is_ok();
            for p in bundled::postings(*t as usize) {
                if let Some(d) = dot.get_mut(*p as usize) {
                    d.0 += w * weight;
                    d.1 |= !typo;
                }
            }
        }
        for (id, (p, (dot, exact))) in bundled::PHRASES.iter().zip(&dot).enumerate() {
            let class = usize::from(p.guide);
            let Some(Some(guide)) = self.bundled.get(class) else {
                continue;
            };
            let header = self.bundled_header.get(class).copied().unwrap_or(false);
            if *dot > 0.0
                && (p.source == Source::Example || header)
                && let Some(top) = nearest.get_mut(*guide)
            {
                keep(
                    top,
                    Near {
                        similarity: dot / p.norm,
                        text: PhraseText::Bundled(to_id(id)),
                        example: p.source == Source::Example,
                        exact: *exact,
                    },
                );
            }
        }
        let ends = self
            .phrases
            .iter()
            .skip(1)
            .map(|p| p.start)
            .chain([to_id(self.flat.len())]);
        for (p, end) in self.phrases.iter().zip(ends) {
            if p.norm <= 0.0 {
                continue;
            }
            let mut dot = 0.0;
            let mut exact = false;
            let terms = self.flat.get(p.start as usize..end as usize).unwrap_or(&[]);
            for t in terms {
                if let Some(w) = query.weight_of(*t) {
                    dot += w * self.weight(*t);
                    exact |= query.typos.binary_search(t).is_err();
                }
            }
            if let Some(top) = nearest.get_mut(p.guide as usize) {
                keep(
                    top,
                    Near {
                        similarity: dot / p.norm,
                        text: PhraseText::Provider {
                            guide: p.guide,
                            nth: p.nth,
                        },
                        example: false,
                        exact,
                    },
                );
            }
        }
        nearest
    }

    /// The softmax regression's probability for each catalog guide (zero for a guide the
    /// model does not know), and for "none of these".
    fn model(&self, query: &Query) -> (Vec<f32>, f32) {
        let mut logits: Vec<f32> = bundled::bias(query.han).to_vec();
        for (t, x) in &query.terms {
            for (class, w) in bundled::model_row(*t as usize) {
                if let Some(logit) = logits.get_mut(usize::from(*class)) {
                    *logit += w * x;
                }
            }
        }
        let none = bundled::none_class();
        // Classes in play: the catalog's bundled guides, and "none of these".
        let present =
            |class: &usize| *class == none || self.bundled.get(*class).is_some_and(Option::is_some);
        let max = (0..logits.len())
            .filter(present)
            .filter_map(|c| logits.get(c).copied())
            .fold(f32::MIN, f32::max);
        let sum: f32 = (0..logits.len())
            .filter(present)
            .filter_map(|c| logits.get(c).map(|l| (l - max).exp()))
            .sum();
        let p = |class: usize| logits.get(class).map_or(0.0, |l| (l - max).exp() / sum);
        let mut probability = vec![0f32; self.entries.len()];
        for (class, guide) in self.bundled.iter().enumerate() {
            if let Some(slot) = guide.and_then(|g| probability.get_mut(g)) {
                *slot = p(class);
            }
        }
        (probability, p(none))
    }
}

/// A provider guide's phrases, in the order its cached terms follow.
fn provider_phrases(entry: &Entry) -> Vec<(Source, &str)> {
    let mut phrases = Vec::new();
    for lang in Lang::ALL {
        phrases.push((Source::Title, entry.title.get(lang)));
        phrases.push((Source::Summary, entry.summary.get(lang)));
    }
    phrases.extend(entry.names().map(|name| (Source::Alias, name.as_str())));
    phrases.extend(entry.keywords.all().map(|k| (Source::Keyword, k.as_str())));
    phrases
}

/// Between two terms of a phrase, and between two phrases, in cached terms: no term holds
/// either (a control character splits words).
const TERM_END: char = '\0';
const PHRASE_END: char = '\u{1}';

/// The catalog's hook for caching a provider guide's search terms with its header: this
/// tokenizer's version, and the terms of each of the guide's phrases.
pub fn indexer() -> Indexer {
    Indexer {
        version: bundled::TOKENIZER.first().copied().unwrap_or(0),
        terms: guide_terms,
    }
}

fn guide_terms(entry: &Entry) -> String {
    let mut out = String::new();
    for (n, (_, text)) in provider_phrases(entry).into_iter().enumerate() {
        if n > 0 {
            out.push(PHRASE_END);
        }
        provider::each_term_of(text, |term| {
            out.push_str(term);
            out.push(TERM_END);
        });
    }
    // Kept with the guide's entry for as long as the index lives: a thousand of these at
    // their grown capacity would hold a quarter more than their text.
    out.shrink_to_fit();
    out
}

fn to_id(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// A phrase close to the query, and how close.
#[derive(Clone, Copy)]
struct Near {
    similarity: f32,
    text: PhraseText,
    /// Whether it is an example phrase (not a title, name, summary or keyword).
    example: bool,
    /// Whether it shares a term with the query other than a typo correction.
    exact: bool,
}

/// Keeps a guide's `NEAREST` most similar phrases, most similar first.
fn keep(top: &mut Vec<Near>, near: Near) {
    let full = top.len() >= NEAREST;
    if near.similarity <= 0.0
        || (full && top.last().is_some_and(|l| near.similarity <= l.similarity))
    {
        return;
    }
    let at = top.partition_point(|n| n.similarity >= near.similarity);
    top.insert(at, near);
    top.truncate(NEAREST);
}

impl<'a> Index<'a> {
    /// A phrase's text, and where it comes from.
    fn text(&self, text: PhraseText) -> (&'a str, Source) {
        match text {
            PhraseText::Bundled(id) => (
                bundled::phrase_text(id as usize),
                bundled::PHRASES
                    .get(id as usize)
                    .map_or(Source::Example, |p| p.source),
            ),
            PhraseText::Provider { guide, nth } => self
                .entries
                .get(guide as usize)
                .and_then(|entry| {
                    let (source, text) = *provider_phrases(entry).get(nth as usize)?;
                    Some((text, source))
                })
                .unwrap_or(("", Source::Keyword)),
        }
    }

    /// One short line: the phrase the query is closest to, and where it comes from.
    fn why(&self, near: &Near, lang: Lang) -> String {
        let (text, source) = self.text(near.text);
        why(text, source, lang)
    }
}

fn why(text: &str, source: Source, lang: Lang) -> String {
    let text = console::truncate_str(text, 50, "…");
    let (en, zh) = match source {
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
    fn questions_no_guide_covers_get_none_of_these() {
        let index = bundled();
        for query in [
            "how do I make pancakes for breakfast",
            "is the museum closed on sundays",
            "what is the best phone to buy this year",
            "今天晚上吃什么好",
        ] {
            assert!(index.search(query, 5, Lang::En).is_empty(), "{query}");
        }
    }

    #[test]
    fn unknown_words_keep_a_name_match_from_being_exact() {
        let index = bundled();
        // "close" alone is the name of close-account; with other words, it is one word of
        // several and earns no bonus.
        assert_eq!(top(&index, "close"), "close-account");
        let alone = index.diagnose("close");
        let diluted = index.diagnose("close the garage door tonight");
        assert!(alone.exact && !diluted.exact, "{alone:?} {diluted:?}");
        assert!(diluted.unknown > 0.2 && !diluted.confident, "{diluted:?}");
    }

    #[test]
    fn variant_spellings_read_as_the_standard_ones() {
        let index = bundled();
        assert_eq!(top(&index, "支付宝登陆不了"), "account-locked");
        assert_eq!(
            index.diagnose("帐户登陆不了").ranked.first(),
            index.diagnose("账户登录不了").ranked.first()
        );
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
