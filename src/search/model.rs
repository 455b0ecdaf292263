//! Build time only: `build.rs` includes this file to turn the bundled phrases into static
//! data for search, so that a search reads no file and tokenizes nothing but the query.
//!
//! The phrases are each bundled guide's titles, summaries, id, aliases and keywords, and the
//! example phrases in `data/search/*.tsv` (`guide-id TAB phrase`; `-` for a question no guide
//! covers, which trains the model's "none of these" class and is never shown as a phrase;
//! an id with no guide file is skipped with a build warning, so examples can be written for a
//! guide before it exists). Chinese variant spellings (`data/search/variants-zh.tsv`) read as
//! the standard ones in phrases and queries alike. For them it writes `search_model.rs`:
//!
//! - the vocabulary (sorted) and each term's weight: how rare it is among the phrases of its
//!   script, times a factor for its kind; the English words among them by length, for typos;
//! - every phrase (its guide, where it comes from, its text and length), and for each term
//!   the phrases that hold it: the nearest-phrase part of the score and the "why" line;
//! - a softmax regression over the same terms, trained here on the same phrases, one class
//!   per bundled guide and one for "none of these", with a bias per class for each script
//!   (Chinese or not): the part of the score that weighs all the words of a query together.
//!   It is the average of `RUNS` trainings, each in its own order. `BALANCE` can weigh each
//!   guide's phrases per script towards a typical guide's total (BANKING77 has 1,040 phrases
//!   for top-up-missing and none for repayment-problem); measured on the dev split it cost
//!   accuracy, so it is off.
//!
//! Everything is deterministic: sorted inputs, a shuffle by hash, no threads.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss
)]

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::tokens::{self, Kind};

/// Training: passes over the phrases, the first step size and its decay per pass, and the
/// smallest weight kept (smaller ones change no ranking and would only fill the binary).
const EPOCHS: usize = 15;
const STEP: f32 = 0.5;
const STEP_DECAY: f32 = 0.85;
const KEEP: f32 = 0.1;
/// Training runs averaged, each in its own order.
const RUNS: usize = 4;
/// Class balance: a phrase of a guide with `n` phrases in its script trains with weight
/// `(typical / n)^BALANCE`, within `WEIGHT_RANGE`: 0 trains every phrase alike, 1 gives every
/// guide the same total in each script.
const BALANCE: f32 = 0.0;
const WEIGHT_RANGE: (f32, f32) = (0.05, 2.0);

#[derive(Deserialize)]
struct Guide {
    id: String,
    title: Texts,
    summary: Texts,
    #[serde(default)]
    aliases: Words,
    #[serde(default)]
    keywords: Words,
}

#[derive(Deserialize)]
struct Texts {
    en: String,
    zh: String,
}

#[derive(Deserialize, Default)]
struct Words {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    zh: Vec<String>,
}

struct Phrase {
    /// A guide, or `guides.len()` for "none of these".
    guide: usize,
    source: &'static str,
    text: String,
    terms: Vec<usize>,
}

/// A failed build step, with the file it concerns: cargo prints it and stops the build.
pub type BuildResult<T> = Result<T, Box<dyn std::error::Error>>;

/// `error` with the path it happened at.
fn at(path: &Path) -> impl FnOnce(std::io::Error) -> String + '_ {
    move |error| format!("{}: {error}", path.display())
}

/// Reads the guides and example files under `root` and writes `search_model.rs` to `out`.
pub fn generate(root: &Path, out: &Path) -> BuildResult<()> {
    let mut guides: Vec<Guide> = Vec::new();
    let guide_dir = root.join("guides");
    let mut names: Vec<_> = fs::read_dir(&guide_dir)
        .map_err(at(&guide_dir))?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    for path in names {
        // A guide that does not read is reported at run time; search just leaves it out.
        let text = fs::read_to_string(&path).unwrap_or_default();
        if let Ok(guide) = toml::from_str::<Guide>(&text) {
            guides.push(guide);
        }
    }
    guides.sort_by(|a, b| a.id.cmp(&b.id));
    let ids: HashMap<&str, usize> = guides
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();

    let mut texts: Vec<(usize, &'static str, String)> = Vec::new();
    for (i, g) in guides.iter().enumerate() {
        for t in [&g.title.en, &g.title.zh] {
            texts.push((i, "Title", t.clone()));
        }
        texts.push((i, "Alias", g.id.clone()));
        for a in g.aliases.en.iter().chain(&g.aliases.zh) {
            texts.push((i, "Alias", a.clone()));
        }
        for t in [&g.summary.en, &g.summary.zh] {
            texts.push((i, "Summary", t.clone()));
        }
        for k in g.keywords.en.iter().chain(&g.keywords.zh) {
            texts.push((i, "Keyword", k.clone()));
        }
    }
    let none = guides.len();
    let data = root.join("data/search");
    let variants = read_variants(&data.join("variants-zh.tsv"));
    let variant_refs: Vec<(&str, &str)> = variants
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let mut files: Vec<_> = fs::read_dir(&data)
        .map_err(at(&data))?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "tsv")
                && p.file_name()
                    .is_some_and(|n| !n.to_string_lossy().starts_with("variants"))
        })
        .collect();
    files.sort();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for path in &files {
        let name = path.display();
        let text = fs::read_to_string(path).map_err(at(path))?;
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (id, phrase) = line
                .split_once('\t')
                .ok_or_else(|| format!("{name}: not `id TAB phrase`: {line}"))?;
            let guide = if id == "-" {
                none
            } else if let Some(guide) = ids.get(id) {
                *guide
            } else {
                *skipped.entry(id.to_string()).or_default() += 1;
                continue;
            };
            texts.push((guide, "Example", phrase.to_string()));
        }
    }
    for (id, count) in &skipped {
        println!(
            "cargo:warning=data/search: {count} example phrases for `{id}` skipped: no guide file has that id yet"
        );
    }

    // The vocabulary, sorted, so that run time finds a term by binary search.
    let mut vocab: BTreeMap<String, usize> = BTreeMap::new();
    let tokenized: Vec<Vec<String>> = texts
        .iter()
        .map(|t| tokens::terms(&tokens::standard_spelling(&t.2, &variant_refs)))
        .collect();
    for term in tokenized.iter().flatten() {
        vocab.entry(term.clone()).or_default();
    }
    for (i, id) in vocab.values_mut().enumerate() {
        *id = i;
    }
    let phrases: Vec<Phrase> = texts
        .into_iter()
        .zip(tokenized)
        .filter(|(_, terms)| !terms.is_empty())
        .map(|((guide, source, text), terms)| Phrase {
            guide,
            source,
            text,
            // Every term is in the vocabulary: it was made from these.
            terms: terms.iter().filter_map(|t| vocab.get(t).copied()).collect(),
        })
        .collect();
    let terms: Vec<&String> = vocab.keys().collect();
    let weight = term_weights(&terms, &phrases);
    let norms: Vec<f32> = phrases
        .iter()
        .map(|p| {
            p.terms
                .iter()
                .map(|t| weight.get(*t).map_or(0.0, |w| w.powi(2)))
                .sum::<f32>()
                .sqrt()
        })
        .collect();
    let (model, bias) = train(&phrases, &weight, &norms, guides.len() + 1, terms.len());
    // "None of these" phrases train the model only: they are no guide's phrase.
    let (phrases, norms): (Vec<Phrase>, Vec<f32>) = phrases
        .into_iter()
        .zip(norms)
        .filter(|(p, _)| p.guide != none)
        .unzip();

    let mut code = String::from(
        "// @generated by build.rs (src/search/model.rs) from guides/ and data/search/.\n",
    );
    let mut emit = |name: &str, ty: &str, items: Vec<String>| {
        // One item per line: a compiler message quotes its line.
        let _ = writeln!(
            code,
            "pub(super) static {name}: &[{ty}] = &[\n{}\n];",
            items.join(",\n")
        );
    };
    // Sorted by id, like the terms: run time finds both by binary search.
    emit(
        "GUIDES",
        "&str",
        guides.iter().map(|g| format!("{:?}", g.id)).collect(),
    );
    // Texts as one string and where each starts: a table of `&str` would cost the loader a
    // relocation per item on every run.
    emit(
        "VARIANTS",
        "(&str, &str)",
        variants
            .iter()
            .map(|(a, b)| format!("({a:?}, {b:?})"))
            .collect(),
    );
    // What a provider guide's cached terms depend on: the tokenizer and the variant table.
    let mut tokenizer_bytes = fs::read(root.join("src/search/tokens.rs")).unwrap_or_default();
    tokenizer_bytes.extend(fs::read(data.join("variants-zh.tsv")).unwrap_or_default());
    emit(
        "TOKENIZER",
        "u64",
        vec![format!("{}", fnv1a(&tokenizer_bytes))],
    );
    let (text, start) = joined(terms.iter().map(|t| t.as_str()));
    write(&out.join("search_terms.txt"), &text)?;
    emit("TERM_START", "u32", start);
    emit(
        "WEIGHT",
        "f32",
        weight.iter().map(|w| format!("{w:?}")).collect(),
    );
    // The English words and their term ids by length, for typo correction.
    let mut words: Vec<(&String, usize)> = terms
        .iter()
        .enumerate()
        .filter(|(_, t)| Kind::of(t) == Kind::Word)
        .map(|(id, t)| (*t, id))
        .collect();
    words.sort_by_key(|(t, _)| (t.len(), t.as_str()));
    emit(
        "WORDS",
        "u32",
        words.iter().map(|(_, id)| id.to_string()).collect(),
    );
    let (text, start) = joined(phrases.iter().map(|p| p.text.as_str()));
    write(&out.join("search_phrases.txt"), &text)?;
    emit("PHRASE_START", "u32", start);
    let phrase = |(p, norm): (&Phrase, &f32)| {
        format!(
            "StaticPhrase {{ guide: {}, source: Source::{}, norm: {norm:?} }}",
            p.guide, p.source
        )
    };
    emit(
        "PHRASES",
        "StaticPhrase",
        phrases.iter().zip(&norms).map(phrase).collect(),
    );
    // By term, the phrases that hold it: POSTINGS[POSTINGS_START[t]..POSTINGS_START[t + 1]].
    let mut postings = vec![Vec::new(); terms.len()];
    for (i, p) in phrases.iter().enumerate() {
        for t in &p.terms {
            if let Some(list) = postings.get_mut(*t) {
                list.push(i);
            }
        }
    }
    let (start, items) = by_term(
        postings
            .iter()
            .map(|list| list.iter().map(ToString::to_string)),
    );
    emit("POSTINGS_START", "u32", start);
    emit("POSTINGS", "u32", items);
    // The model by term: MODEL[MODEL_START[t]..MODEL_START[t + 1]] are (guide, weight).
    emit(
        "BIAS",
        "f32",
        bias.iter().map(|b| format!("{b:?}")).collect(),
    );
    let (start, items) = by_term(
        model
            .iter()
            .map(|per_term| per_term.iter().map(|(g, w)| format!("({g}, {w:?})"))),
    );
    emit("MODEL_START", "u32", start);
    emit("MODEL", "(u16, f32)", items);
    write(&out.join("search_model.rs"), &code)
}

/// Writes `text` to `path`.
fn write(path: &Path, text: &str) -> BuildResult<()> {
    Ok(fs::write(path, text).map_err(at(path))?)
}

/// The 64-bit FNV-1a hash of `bytes`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `variant TAB standard` rows, longest variant first (so 验证马 is read before a shorter
/// variant inside it could be).
fn read_variants(path: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(path).unwrap_or_default();
    let mut rows: Vec<(String, String)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let (a, b) = l.split_once('\t')?;
            Some((a.trim().to_string(), b.trim().to_string()))
        })
        .collect();
    rows.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.cmp(b)));
    rows
}

/// Texts joined into one, and the byte offset where each starts (and the end of the last).
fn joined<'a>(texts: impl Iterator<Item = &'a str>) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut start = vec!["0".to_string()];
    for t in texts {
        text.push_str(t);
        start.push(text.len().to_string());
    }
    (text, start)
}

/// Lists per term flattened: the start of each term's items (and the end of the last), and
/// the items.
fn by_term<I: Iterator<Item = String>>(
    lists: impl Iterator<Item = I>,
) -> (Vec<String>, Vec<String>) {
    let mut start = vec!["0".to_string()];
    let mut items = Vec::new();
    for list in lists {
        items.extend(list);
        start.push(items.len().to_string());
    }
    (start, items)
}

/// Each term's weight: its inverse phrase frequency within its script (English and Chinese
/// phrases are counted apart, so a Chinese term is not rare just because most phrases are
/// English), times its kind's weight.
fn term_weights(terms: &[&String], phrases: &[Phrase]) -> Vec<f32> {
    let kinds: Vec<Kind> = terms.iter().map(|t| Kind::of(t)).collect();
    let mut df = vec![0f32; terms.len()];
    let (mut han, mut latin) = (0f32, 0f32);
    for p in phrases {
        let mut has_han = false;
        for t in &p.terms {
            if let Some(n) = df.get_mut(*t) {
                *n += 1.0;
            }
            has_han |= kinds.get(*t).is_some_and(|k| k.is_han());
        }
        if has_han {
            han += 1.0;
        }
        if p.terms
            .iter()
            .any(|t| kinds.get(*t).is_some_and(|k| !k.is_han()))
        {
            latin += 1.0;
        }
    }
    kinds
        .iter()
        .zip(&df)
        .map(|(kind, df)| {
            let n = if kind.is_han() { han } else { latin };
            (1.0 + n / df).ln() * kind.weight()
        })
        .collect()
}

/// Each phrase's training weight: `(typical / n)^BALANCE`, where `n` is how many phrases
/// its class has in its script (Chinese or not) and `typical` the median of those counts.
fn class_weights(phrases: &[Phrase], classes: usize) -> Vec<f32> {
    let mut count = vec![0f32; classes * 2];
    for p in phrases {
        if let Some(n) = count.get_mut(p.guide * 2 + script(p)) {
            *n += 1.0;
        }
    }
    let mut sizes: Vec<f32> = count.iter().copied().filter(|n| *n > 0.0).collect();
    sizes.sort_by(f32::total_cmp);
    let typical = sizes.get(sizes.len() / 2).copied().unwrap_or(1.0);
    phrases
        .iter()
        .map(|p| {
            let n = count
                .get(p.guide * 2 + script(p))
                .copied()
                .unwrap_or(typical);
            (typical / n)
                .powf(BALANCE)
                .clamp(WEIGHT_RANGE.0, WEIGHT_RANGE.1)
        })
        .collect()
}

/// A phrase's script: 1 when it has a Chinese character, else 0.
fn script(p: &Phrase) -> usize {
    usize::from(p.text.chars().any(tokens::is_han))
}

/// One run of the training: every term's weight for every class (`terms × guides`), and
/// the biases.
fn train_once(
    phrases: &[Phrase],
    weight: &[f32],
    norms: &[f32],
    guides: usize,
    terms: usize,
    run: usize,
) -> (Vec<f32>, Vec<f32>) {
    let mut w = vec![0f32; terms * guides];
    // One bias per class and script: Chinese phrases set the Chinese biases only, so adding
    // Chinese examples does not move English answers (and the other way round).
    let mut bias = vec![0f32; guides * 2];
    let balance = class_weights(phrases, guides);
    let mut order: Vec<usize> = (0..phrases.len()).collect();
    let mut step = STEP;
    let mut logits = vec![0f32; guides];
    for epoch in 0..EPOCHS {
        // A shuffle by a hash of each phrase and the pass: the same order on every build, and
        // a phrase added in one language moves no other phrase's place in the order.
        let key = |i: &usize| {
            let text = phrases.get(*i).map_or("", |p| p.text.as_str());
            (fnv1a(format!("{run}\t{epoch}\t{text}").as_bytes()), *i)
        };
        order.sort_by_cached_key(key);
        for &i in &order {
            let (Some(p), Some(norm), Some(balance)) =
                (phrases.get(i), norms.get(i), balance.get(i))
            else {
                continue;
            };
            let from = script(p) * guides;
            let bias = bias.get_mut(from..from + guides).unwrap_or(&mut []);
            let x = |t: usize| weight.get(t).map_or(0.0, |w| w / norm);
            for (g, (logit, b)) in logits.iter_mut().zip(bias.iter()).enumerate() {
                *logit = b + p
                    .terms
                    .iter()
                    .map(|&t| w.get(t * guides + g).map_or(0.0, |v| v * x(t)))
                    .sum::<f32>();
            }
            let max = logits.iter().copied().fold(f32::MIN, f32::max);
            let sum: f32 = logits.iter().map(|l| (l - max).exp()).sum();
            for (g, (logit, b)) in logits.iter().zip(bias.iter_mut()).enumerate() {
                let gradient = (logit - max).exp() / sum - if g == p.guide { 1.0 } else { 0.0 };
                if gradient.abs() < 1e-4 {
                    continue;
                }
                let rate = step * balance;
                for &t in &p.terms {
                    if let Some(v) = w.get_mut(t * guides + g) {
                        *v -= rate * gradient * x(t);
                    }
                }
                *b -= rate * gradient;
            }
        }
        step *= STEP_DECAY;
    }
    (w, bias)
}

/// Softmax regression by stochastic gradient descent on unit-length phrase vectors, trained
/// `RUNS` times in different orders and averaged: one order's luck moved held-out English
/// top-1 by up to two points, and the average does not hang on one order.
/// Returns, per term, the (guide, weight) pairs worth keeping, and the biases: every
/// class's for phrases without Chinese, then every class's for phrases with it.
fn train(
    phrases: &[Phrase],
    weight: &[f32],
    norms: &[f32],
    guides: usize,
    terms: usize,
) -> (Vec<Vec<(usize, f32)>>, Vec<f32>) {
    let mut w = vec![0f32; terms * guides];
    let mut bias = vec![0f32; guides * 2];
    for run in 0..RUNS {
        let (run_w, run_bias) = train_once(phrases, weight, norms, guides, terms, run);
        for (sum, v) in w.iter_mut().zip(run_w).chain(bias.iter_mut().zip(run_bias)) {
            *sum += v / RUNS as f32;
        }
    }
    let model = w
        .chunks_exact(guides.max(1))
        .map(|per_term| {
            per_term
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, v)| v.abs() >= KEEP)
                .collect()
        })
        .collect();
    (model, bias)
}
