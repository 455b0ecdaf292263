//! Benchmarks for search (issue 15): building the index and answering a query, on the bundled
//! catalog and with 1,000 provider guides, whose folder is read with no cache, with a cold
//! cache (the index written) and with a warm one (the index read).
//!
//! Run with `cargo bench --bench search`. Whole-process timings are in `scripts/timings.sh`.

// Benchmarks panic on what they set up themselves; the no-panic lints are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::{Bencher, black_box};
use wallet_help::guide::catalog::Catalog;
use wallet_help::lang::Lang;
use wallet_help::search::{self, Index};

fn main() {
    divan::main();
}

const QUERIES: [&str; 4] = [
    "my card got declined at the shop",
    "充值了但是余额没变",
    "how do I bake sourdough bread",
    "I was charged twice for one coffee",
];

/// 1,000 provider guides' headers (a single end step each: search reads headers only).
static PROVIDER: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let guides = dir.path().join("guides");
    std::fs::create_dir(&guides).unwrap();
    for n in 0..1000 {
        let text = format!(
            r#"schema = 1
id = "gen-guide-{n:04}"
group = "other"
start = "done"
title = {{ en = "Generated problem {n}", zh = "生成的问题 {n}" }}
summary = {{ en = "A made-up problem number {n} used to measure search", zh = "用来测量搜索速度的第 {n} 个示例问题" }}
[aliases]
en = ["gen-alias-{n:04}"]
zh = ["生成问题{n}"]
[keywords]
en = ["generated problem {n}", "benchmark guide", "something went wrong"]
zh = ["生成的问题", "基准测试指南", "出问题了"]
[[steps]]
id = "done"
kind = "end"
outcome = "resolved"
text = {{ en = "Done.", zh = "好了。" }}
"#
        );
        std::fs::write(guides.join(format!("gen-guide-{n:04}.toml")), text).unwrap();
    }
    (dir, guides)
});

fn provider_dirs() -> Vec<PathBuf> {
    vec![PROVIDER.1.clone()]
}

/// A cache dir holding a warm index of the provider folder.
static WARM: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let cache = tempfile::tempdir().unwrap();
    load_cached(&provider_dirs(), cache.path());
    cache
});

fn load_cached(dirs: &[PathBuf], cache: &Path) -> Catalog {
    let indexer = search::indexer();
    Catalog::load_cached(dirs, Some((cache, &indexer))).unwrap()
}

static BUNDLED: LazyLock<Catalog> = LazyLock::new(|| Catalog::load(&[]).unwrap());

// ── the bundled catalog ────────────────────────────────────────────────────────────────────

/// The index of the bundled catalog: static data, so only the map of catalog places.
#[divan::bench]
fn index_bundled() -> usize {
    Index::new(black_box(&BUNDLED))
        .search("", 1, Lang::En)
        .len()
}

/// One query on the bundled catalog.
#[divan::bench(args = QUERIES)]
fn query_bundled(bencher: Bencher, query: &str) {
    let index = Index::new(&BUNDLED);
    bencher.bench(|| index.search(black_box(query), 5, Lang::En));
}

// ── 1,000 provider guides ──────────────────────────────────────────────────────────────────

/// Loading the catalog with the provider folder and no cache: every header read and parsed.
#[divan::bench(sample_count = 20)]
fn load_1000_without_cache() -> Catalog {
    Catalog::load(black_box(&provider_dirs())).unwrap()
}

/// The same with an empty cache dir: headers read, search terms made, the index written.
#[divan::bench(sample_count = 20)]
fn load_1000_cold_cache(bencher: Bencher) {
    let dirs = provider_dirs();
    bencher
        .with_inputs(|| tempfile::tempdir().unwrap())
        .bench_values(|cache| load_cached(&dirs, cache.path()));
}

/// The same with the index already there: only the folder's listing and the index read.
#[divan::bench(sample_count = 50)]
fn load_1000_warm_cache() -> Catalog {
    load_cached(black_box(&provider_dirs()), WARM.path())
}

/// The search index over the bundled catalog and 1,000 provider guides, from cached terms.
#[divan::bench(sample_count = 50)]
fn index_1000_warm(bencher: Bencher) {
    let catalog = load_cached(&provider_dirs(), WARM.path());
    bencher.bench(|| {
        Index::new(black_box(&catalog))
            .search("", 1, Lang::En)
            .len()
    });
}

/// One query with 1,000 provider guides in the index.
#[divan::bench(args = QUERIES)]
fn query_1000(bencher: Bencher, query: &str) {
    let catalog = load_cached(&provider_dirs(), WARM.path());
    let index = Index::new(&catalog);
    bencher.bench(|| index.search(black_box(query), 5, Lang::En));
}
