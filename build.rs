//! Embeds every `guides/*.toml` file into the binary, so adding a guide needs no code change,
//! and extracts each guide's header (id, group, titles, summaries, aliases) into static
//! data. `list`, the command line and search then start without parsing any guide; a guide
//! is parsed and validated in full only when it is run, shown or checked. It also spells and
//! sorts the privacy layer's labels (`src/privacy/labels/table.rs`), which every scan searches.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

use serde::Deserialize;
use sha2::{Digest, Sha256};

// Search's bundled phrases and model (src/search/model.rs), tokenized by the same code as a
// query at run time.
#[path = "src/search/model.rs"]
mod search_model;
#[allow(dead_code)] // the build uses only part of it
#[path = "src/search/tokens.rs"]
mod tokens;
// The rules for names and text, so the header index keeps exactly what the catalog would.
#[allow(dead_code)]
#[path = "src/guide/names.rs"]
mod names;
// The privacy layer's labels, spelled and sorted here rather than at every start.
#[allow(dead_code)]
#[path = "src/privacy/labels/table.rs"]
mod label_table;

/// The part of a guide the catalog needs up front. Unknown keys are ignored here; the
/// full validation at run time (and in the tests) is strict.
#[derive(Deserialize)]
struct Header {
    id: String,
    group: String,
    #[serde(default)]
    urgent: bool,
    title: Texts,
    summary: Texts,
    #[serde(default)]
    aliases: Words,
}

#[derive(Deserialize)]
struct Texts {
    en: String,
    zh: String,
}

impl Header {
    /// A header that breaks the rules for names or text is left out of the index: the
    /// guide is then parsed in full at run time, which reports every problem with its place.
    fn is_safe(&self) -> bool {
        let texts = [&self.title, &self.summary]
            .into_iter()
            .flat_map(|t| [&t.en, &t.zh]);
        names::is_valid_id(&self.id)
            && !names::is_reserved(&self.id)
            && self
                .aliases
                .en
                .iter()
                .chain(&self.aliases.zh)
                .all(|a| names::is_command_name(a.trim()))
            && texts
                .into_iter()
                .all(|t| names::forbidden_char(t, false).is_none())
    }
}

#[derive(Deserialize, Default)]
struct Words {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    zh: Vec<String>,
}

fn main() -> search_model::BuildResult<()> {
    println!("cargo:rerun-if-changed=guides");
    let root = env::var("CARGO_MANIFEST_DIR").map_err(|e| format!("CARGO_MANIFEST_DIR: {e}"))?;
    let out_dir = env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    order_hot_functions(&root);
    let dir = Path::new(&root).join("guides");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .collect();
    names.sort();
    let mut code = String::from(
        "#[allow(clippy::unreadable_literal)]\npub(crate) static BUNDLED: &[BundledFile] = &[\n",
    );
    // The guides' texts one after the other, apart from their headers: start-up reads every
    // header, and a header next to its guide's text would bring that text into memory too.
    let mut sources = String::new();
    for name in &names {
        let path = dir.join(name);
        let source = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("cargo:rerun-if-changed={}", path.display());
        let header = toml::from_str::<Header>(&source)
            .ok()
            .filter(Header::is_safe)
            .map_or_else(|| "None".to_string(), |h| header_code(&h));
        let start = sources.len();
        sources.push_str(&source);
        writeln!(
            code,
            "    BundledFile {{ name: {name:?}, source: ({start}, {}), header: {header} }},",
            sources.len()
        )?;
    }
    code.push_str("];\n");
    let out = Path::new(&out_dir).join("bundled_guides.rs");
    fs::write(&out, code).map_err(|e| format!("{}: {e}", out.display()))?;
    let out = Path::new(&out_dir).join("bundled_guides.txt");
    fs::write(&out, sources).map_err(|e| format!("{}: {e}", out.display()))?;

    write_label_spellings(Path::new(&out_dir))?;
    write_guide_fingerprint(Path::new(&root), Path::new(&out_dir))?;
    println!("cargo:rerun-if-changed=data/search");
    search_model::generate(Path::new(&root), Path::new(&out_dir))
}

/// `label_spellings.rs`: every spelling of every privacy label, sorted, with its row: their
/// bytes in one string, and where each one is in it.
fn write_label_spellings(out_dir: &Path) -> search_model::BuildResult<()> {
    println!("cargo:rerun-if-changed=src/privacy/labels/table.rs");
    let spellings = label_table::sorted_spellings();
    let text: String = spellings.iter().map(|(s, _)| s.as_str()).collect();
    let mut code = format!(
        "/// Every spelling of every label in `LABELS`, lower case, sorted, one after another.\n\
         static SPELLING_TEXT: &[u8] = b\"{}\";\n\
         /// Where each spelling is in `SPELLING_TEXT`, with its row in `LABELS`.\n\
         static SPELLINGS: &[Spelling] = &[\n",
        text.as_bytes().escape_ascii()
    );
    let mut start = 0;
    for (spelling, row) in &spellings {
        let end = start + spelling.len();
        writeln!(
            code,
            "    Spelling {{ start: {start}, end: {end}, row: {row} }}, // {spelling}"
        )?;
        start = end;
    }
    code.push_str("];\n");
    let out = out_dir.join("label_spellings.rs");
    fs::write(&out, code).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(())
}

/// The source of the bundled guides' snapshot (`src/guide/snapshot.rs`): the guide files,
/// and the code that reads them into `Guide`s and defines those types. The catalog and the
/// snapshot code itself are left out, so that changing them does not make the snapshot stale.
const FINGERPRINTED: [&str; 6] = [
    "guides",
    "src/guide",
    "src/lang.rs",
    "src/location.rs",
    "src/region.rs",
    "src/input/mod.rs",
];

/// `guide_fingerprint.rs`: a SHA-256 over the path and contents of every file the snapshot of
/// the bundled guides is made from, as a `[u8; 32]` expression. A snapshot made from other
/// files is not used.
fn write_guide_fingerprint(root: &Path, out_dir: &Path) -> search_model::BuildResult<()> {
    let mut files = Vec::new();
    for entry in FINGERPRINTED {
        println!("cargo:rerun-if-changed={entry}");
        collect_files(&root.join(entry), &mut files)?;
    }
    files.retain(|path| {
        let ext = path.extension().and_then(|e| e.to_str());
        let in_catalog = path.components().any(|c| c.as_os_str() == "catalog")
            || path.ends_with("src/guide/catalog.rs")
            || path.ends_with("src/guide/snapshot.rs");
        matches!(ext, Some("toml" | "rs")) && !in_catalog
    });
    files.sort();
    let mut hash = Sha256::new();
    for path in &files {
        let relative = path.strip_prefix(root).unwrap_or(path);
        let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        hash.update(relative.to_string_lossy().replace('\\', "/").as_bytes());
        hash.update([0]);
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let out = out_dir.join("guide_fingerprint.rs");
    fs::write(&out, format!("{:?}\n", hash.finalize().as_slice()))
        .map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(())
}

/// Every file under `path` (or `path` itself when it is a file).
fn collect_files(
    path: &Path,
    files: &mut Vec<std::path::PathBuf>,
) -> search_model::BuildResult<()> {
    if path.is_file() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    for entry in fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
        collect_files(&entry.path(), files)?;
    }
    Ok(())
}

fn header_code(h: &Header) -> String {
    format!(
        "Some(BundledHeader {{ id: {:?}, group: {:?}, urgent: {}, title: [{:?}, {:?}], summary: [{:?}, {:?}], aliases_en: &{:?}, aliases_zh: &{:?} }})",
        h.id,
        h.group,
        h.urgent,
        h.title.en,
        h.title.zh,
        h.summary.en,
        h.summary.zh,
        h.aliases.en,
        h.aliases.zh
    )
}

/// On `x86_64` Linux, where rustc links with lld, the functions that everyday commands run are
/// placed side by side (`link/hot-symbols.txt`, made by `scripts/hot-symbols.sh`): the kernel
/// maps code 64 KB at a time around each page touched, and a command then has about 1 MB of
/// code in memory instead of 2.5 MB. A name the build lacks is skipped: a stale list costs
/// memory and start-up time, never correctness.
fn order_hot_functions(root: &str) {
    let list = Path::new(root).join("link").join("hot-symbols.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    if links_with_rust_lld() && list.is_file() {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    // The script that makes the list needs the linker's map of the shipped build: symbol
    // names depend on the profile, so a build with symbols kept would name them differently.
    println!("cargo:rerun-if-env-changed=WALLET_HELP_LINK_MAP");
    if let Ok(map) = env::var("WALLET_HELP_LINK_MAP") {
        println!("cargo:rustc-link-arg-bins=-Wl,-Map={map}");
        println!("cargo:rustc-link-arg-bins=-Wl,--no-demangle");
    }
}

/// Whether the program is linked by rustc's own lld, which reads a symbol ordering file:
/// the default on `x86_64-unknown-linux-gnu` since Rust 1.90, unless a linker was chosen.
/// GNU ld, the default before, refuses the option.
fn links_with_rust_lld() -> bool {
    let target = env::var("TARGET").unwrap_or_default();
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let linker_chosen = env::var_os("RUSTC_LINKER").is_some()
        || ["linker", "link-self-contained", "fuse-ld"]
            .iter()
            .any(|flag| flags.contains(flag));
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let minor = std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| {
            // "rustc 1.95.0 (59807616e 2026-04-14)"
            let text = String::from_utf8(out.stdout).ok()?;
            let version = text.split_whitespace().nth(1)?;
            version.split('.').nth(1)?.parse::<u32>().ok()
        });
    target == "x86_64-unknown-linux-gnu" && !linker_chosen && minor.is_some_and(|m| m >= 90)
}
