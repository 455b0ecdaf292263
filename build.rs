//! Embeds every `guides/*.toml` file into the binary, so adding a guide needs no code change.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=guides");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("guides");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("guides/ exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .collect();
    names.sort();
    let mut code = String::from("pub(crate) static BUNDLED: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = dir.join(name);
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to String");
    }
    code.push_str("];\n");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled_guides.rs");
    fs::write(out, code).expect("write bundled_guides.rs");
}
