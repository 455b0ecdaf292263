//! The save dialog of the send menu: which folder, which name, and what happens when the name
//! is taken or the place cannot be written. The folder is shown first (the current one, or
//! Documents / Downloads when the current one cannot be written); `~` is the home folder; a
//! taken name asks before replacing and offers a free one; a failed write says why and asks
//! again; the success line gives the full path.

use std::fs;
use std::path::{Path, PathBuf};

use dialoguer::Input;

use super::print_stderr;
use crate::error::Result;
use crate::lang::Lang;
use crate::prompt::terminal::{confirm, prompt_error};
use crate::prompt::theme::LocalTheme;
use crate::report::write;
use crate::ui;

/// Asks where to save `contents` (suggesting `name` in the default folder) and saves it there.
/// Returns the full path of the file written.
pub(in crate::commands) fn ask_and_save(
    name: &str,
    contents: &[u8],
    lang: Lang,
) -> Result<PathBuf> {
    let folder = default_folder();
    let place = match lang {
        Lang::En => format!("It will be saved in {}", folder.display()),
        Lang::Zh => format!("将保存到文件夹 {}", folder.display()),
    };
    let how = lang.pick(
        "Enter saves it there; or type another name, a folder, or a path such as ~/Desktop/report.txt.",
        "直接按回车即保存在这里；也可以输入别的文件名、文件夹，或 ~/Desktop/report.txt 这样的路径。",
    );
    print_stderr(&format!(
        "{}\n{}",
        ui::wrap(&place, ui::width(), ""),
        ui::dim().apply_to(ui::wrap(how, ui::width(), ""))
    ));
    let mut suggestion = free_name(&folder.join(name));
    loop {
        let typed: String = Input::with_theme(&LocalTheme::new(lang))
            .with_prompt(lang.pick("Save as", "保存为"))
            .default(shown(&suggestion, &folder))
            .interact_text_on(&console::Term::stderr())
            .map_err(prompt_error)?;
        let path = resolve(&folder, typed.trim(), name);
        let exists = fs::metadata(&path).is_ok_and(|m| m.is_file());
        if exists && !confirm(lang, &replace_question(&path, lang), false)? {
            suggestion = free_name(&path);
            continue;
        }
        match write::atomic_write(&path, contents, exists) {
            Ok(()) => return Ok(full_path(&path)),
            Err(e) => {
                let again = lang.pick(
                    "It could not be saved there; try another name or folder (Esc stops).",
                    "无法保存到这里，请换一个文件名或文件夹（按 Esc 退出）。",
                );
                ui::warn(&format!("{e}\n{again}"));
                suggestion = path;
            }
        }
    }
}

/// The current folder when it can be written, else Documents, else Downloads, else home.
pub(super) fn default_folder() -> PathBuf {
    let current = std::env::current_dir().ok();
    current
        .into_iter()
        .chain(dirs::document_dir())
        .chain(dirs::download_dir())
        .chain(dirs::home_dir())
        .find(|dir| writable(dir))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Whether a file can be created in `dir`: tried, not guessed from permission bits.
fn writable(dir: &Path) -> bool {
    dir.is_dir() && tempfile::tempfile_in(dir).is_ok()
}

/// What the user typed, as a path: `~` is the home folder, a relative name is in `folder`, and
/// a folder gets the suggested file name inside it.
fn resolve(folder: &Path, typed: &str, name: &str) -> PathBuf {
    let home = dirs::home_dir();
    let path = match (typed, &home) {
        ("", _) => folder.join(name),
        ("~", Some(home)) => home.clone(),
        (t, Some(home)) if t.starts_with("~/") || t.starts_with("~\\") => {
            home.join(t.get(2..).unwrap_or_default())
        }
        (t, _) => folder.join(t),
    };
    if path.is_dir() { path.join(name) } else { path }
}

/// The suggestion as the prompt shows it: a name alone when it is in `folder`.
fn shown(path: &Path, folder: &Path) -> String {
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if parent == folder => name.to_string_lossy().into_owned(),
        _ => path.display().to_string(),
    }
}

/// `path` if nothing is there, else the first of `name-2.ext`, `name-3.ext`… that is free.
pub(super) fn free_name(path: &Path) -> PathBuf {
    if fs::symlink_metadata(path).is_err() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let extension = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..100)
        .map(|n| path.with_file_name(format!("{stem}-{n}{extension}")))
        .find(|candidate| fs::symlink_metadata(candidate).is_err())
        .unwrap_or_else(|| path.to_path_buf())
}

fn replace_question(path: &Path, lang: Lang) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match lang {
        Lang::En => format!("“{name}” already exists there. Replace it?"),
        Lang::Zh => format!("“{name}”已经存在，要覆盖它吗？"),
    }
}

/// The path as the success line gives it: absolute, with symlinks resolved where possible.
pub(super) fn full_path(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_expand_the_home_folder_and_fill_in_a_folder() {
        let folder = Path::new("/work/here");
        assert_eq!(resolve(folder, "", "WH-1.txt"), folder.join("WH-1.txt"));
        assert_eq!(resolve(folder, "a.txt", "WH-1.txt"), folder.join("a.txt"));
        assert_eq!(
            resolve(folder, "/tmp/x.txt", "WH-1.txt"),
            Path::new("/tmp/x.txt")
        );
        if let Some(home) = dirs::home_dir() {
            assert_eq!(
                resolve(folder, "~/Desktop/r.txt", "WH-1.txt"),
                home.join("Desktop/r.txt")
            );
        }
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            resolve(folder, &dir.path().display().to_string(), "WH-1.txt"),
            dir.path().join("WH-1.txt")
        );
    }

    #[test]
    fn a_taken_name_gets_the_next_free_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("WH-1.txt");
        assert_eq!(free_name(&path), path);
        fs::write(&path, "x").unwrap();
        fs::write(dir.path().join("WH-1-2.txt"), "x").unwrap();
        assert_eq!(free_name(&path), dir.path().join("WH-1-3.txt"));
    }

    #[test]
    fn the_suggestion_is_a_bare_name_inside_the_folder() {
        let folder = Path::new("/a/b");
        assert_eq!(shown(&folder.join("r.txt"), folder), "r.txt");
        assert_eq!(shown(Path::new("/c/r.txt"), folder), "/c/r.txt");
    }
}
