//! The freedesktop side of `setup`: the desktop entry that makes `wallet-help://` links open
//! `wallet-help open LINK` in a terminal, the default handler in `mimeapps.list` (through
//! `xdg-mime` when xdg-utils is installed, else written directly), and the record of what was
//! added, so that `--undo` removes exactly that.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

/// The desktop entry's file name, which `mimeapps.list` and `xdg-mime` name.
pub const DESKTOP_ID: &str = "wallet-help.desktop";
/// The link scheme's MIME type.
pub const SCHEME_TYPE: &str = "x-scheme-handler/wallet-help";
const DEFAULTS: &str = "[Default Applications]";

/// The desktop entry for the binary at `exe`.
pub fn desktop_entry(exe: &Path) -> String {
    format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=wallet-help\n\
         GenericName=Wallet help\n\
         GenericName[zh_CN]=钱包求助\n\
         Comment=Open wallet-help:// support links in a terminal\n\
         Comment[zh_CN]=在终端里打开客服发来的 wallet-help:// 链接\n\
         Exec={} open %u\n\
         Terminal=true\n\
         NoDisplay=true\n\
         MimeType={SCHEME_TYPE};\n\
         Categories=Utility;\n",
        exec_argument(&exe.display().to_string())
    )
}

/// A program path as the Desktop Entry spec wants it in `Exec`: as it is when it has only
/// plain characters, else in double quotes with `"`, `` ` ``, `$` and `\` escaped (and every
/// backslash doubled again, since the value is a string).
fn exec_argument(path: &str) -> String {
    let plain = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c));
    if plain {
        return path.to_string();
    }
    let mut quoted = String::from("\"");
    for c in path.chars() {
        match c {
            '"' | '`' | '$' => {
                quoted.push_str("\\\\");
                quoted.push(c);
            }
            '\\' => quoted.push_str("\\\\\\\\"),
            _ => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Whether `program` is on `PATH`.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// The desktop entry set to open `wallet-help://` links now, if any: asked of `xdg-mime`
/// when it is installed, else read from `mimeapps`.
pub fn current_default(mimeapps: &Path) -> Option<String> {
    if on_path("xdg-mime") {
        let out = Command::new("xdg-mime")
            .args(["query", "default", SCHEME_TYPE])
            .stderr(Stdio::null())
            .output()
            .ok()?;
        let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
        return (!name.is_empty()).then_some(name);
    }
    let text = fs::read_to_string(mimeapps).ok()?;
    default_in(&text)
}

/// The `x-scheme-handler/wallet-help=` entry of `[Default Applications]` in a `mimeapps.list`.
fn default_in(text: &str) -> Option<String> {
    let mut in_defaults = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_defaults = line == DEFAULTS;
        } else if in_defaults && let Some(value) = line.strip_prefix(&format!("{SCHEME_TYPE}=")) {
            return value
                .split(';')
                .map(str::trim)
                .find(|v| !v.is_empty())
                .map(str::to_string);
        }
    }
    None
}

/// Makes our desktop entry the default: with `xdg-mime` when installed, else by adding the
/// line to `mimeapps` ourselves. Returns how it was done.
pub fn set_default(mimeapps: &Path) -> std::io::Result<&'static str> {
    if on_path("xdg-mime") {
        let status = Command::new("xdg-mime")
            .args(["default", DESKTOP_ID, SCHEME_TYPE])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        if status.success() {
            return Ok("xdg-mime");
        }
        return Err(std::io::Error::other("xdg-mime default failed"));
    }
    let text = fs::read_to_string(mimeapps).unwrap_or_default();
    let updated = with_default(&text);
    if let Some(dir) = mimeapps.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(mimeapps, updated)?;
    Ok("mimeapps.list")
}

/// Makes `desktop_id` the scheme's default again in `mimeapps` (what `--undo` does for a
/// handler setup replaced with `--force`).
pub fn restore_default(mimeapps: &Path, desktop_id: &str) -> std::io::Result<()> {
    let text = fs::read_to_string(mimeapps).unwrap_or_default();
    fs::write(mimeapps, with_default_of(&text, desktop_id))
}

/// `text` with our line as the scheme's entry of `[Default Applications]`.
fn with_default(text: &str) -> String {
    with_default_of(text, DESKTOP_ID)
}

/// `text` with `desktop_id` as the scheme's entry of `[Default Applications]`.
fn with_default_of(text: &str, desktop_id: &str) -> String {
    let ours = format!("{SCHEME_TYPE}={desktop_id}");
    let mut out = Vec::new();
    let mut in_defaults = false;
    let mut added = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            if in_defaults && !added {
                out.push(ours.clone());
                added = true;
            }
            in_defaults = trimmed == DEFAULTS;
        } else if in_defaults && trimmed.starts_with(&format!("{SCHEME_TYPE}=")) {
            continue;
        }
        out.push(line.to_string());
    }
    if !added {
        if !text.lines().any(|l| l.trim() == DEFAULTS) {
            out.push(DEFAULTS.to_string());
        }
        out.push(ours);
    }
    let mut result = out.join("\n");
    result.push('\n');
    result
}

/// Takes our line out of `mimeapps`; removes the file when nothing else is left in it and
/// setup created it. Returns whether anything changed.
pub fn remove_default(mimeapps: &Path, created_file: bool) -> std::io::Result<bool> {
    let Ok(text) = fs::read_to_string(mimeapps) else {
        return Ok(false);
    };
    let ours = format!("{SCHEME_TYPE}={DESKTOP_ID}");
    let kept: Vec<&str> = text.lines().filter(|l| l.trim() != ours).collect();
    if kept.len() == text.lines().count() {
        return Ok(false);
    }
    let empty = kept
        .iter()
        .all(|l| l.trim().is_empty() || l.trim() == DEFAULTS);
    if empty && created_file {
        fs::remove_file(mimeapps)?;
    } else {
        let mut rest = kept.join("\n");
        rest.push('\n');
        fs::write(mimeapps, rest)?;
    }
    Ok(true)
}

/// What setup added, kept in the user's data folder for `--undo`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Files written, with a checksum of what was written: a file changed since is left alone.
    pub files: Vec<Written>,
    /// Folders setup created, removed again when empty.
    pub dirs: Vec<PathBuf>,
    /// The `mimeapps.list` our default handler line was added to.
    pub mimeapps: Option<PathBuf>,
    /// Whether setup created that `mimeapps.list`.
    pub mimeapps_created: bool,
    /// The handler that was the default before setup replaced it with `--force`.
    #[serde(default)]
    pub previous_default: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    pub path: PathBuf,
    pub crc32: u32,
    /// A file that was there before and was replaced with `--force`: kept here, put back by
    /// `--undo`.
    pub backup: Option<PathBuf>,
}

impl Manifest {
    pub fn read(path: &Path) -> Option<Manifest> {
        let text = fs::read_to_string(path).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Whether setup wrote `path` with exactly `contents` now there.
    pub fn owns(&self, path: &Path) -> bool {
        self.files.iter().any(|f| {
            f.path == path && fs::read(path).is_ok_and(|now| crc32fast::hash(&now) == f.crc32)
        })
    }

    pub fn written(&self, path: &Path) -> Option<&Written> {
        self.files.iter().find(|f| f.path == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_desktop_entry_runs_open_in_a_terminal() {
        let entry = desktop_entry(Path::new("/usr/bin/wallet-help"));
        assert!(
            entry.contains("\nExec=/usr/bin/wallet-help open %u\n"),
            "{entry}"
        );
        assert!(entry.contains("\nTerminal=true\n"));
        assert!(entry.contains("\nMimeType=x-scheme-handler/wallet-help;\n"));
        let spaced = desktop_entry(Path::new("/opt/my apps/wallet-help"));
        assert!(
            spaced.contains("\nExec=\"/opt/my apps/wallet-help\" open %u\n"),
            "{spaced}"
        );
    }

    #[test]
    fn the_packaged_desktop_entry_is_the_one_setup_writes_for_usr_bin() {
        let packaged = include_str!("../../../assets/wallet-help.desktop");
        assert_eq!(packaged, desktop_entry(Path::new("/usr/bin/wallet-help")));
    }

    #[test]
    fn mimeapps_gets_one_line_and_loses_only_that_line() {
        let before = "[Default Applications]\ntext/html=firefox.desktop\n\n[Added Associations]\nimage/png=gimp.desktop;\n";
        let after = with_default(before);
        assert_eq!(default_in(&after).as_deref(), Some(DESKTOP_ID));
        assert!(after.contains("text/html=firefox.desktop\n"), "{after}");
        assert!(after.contains("image/png=gimp.desktop;\n"), "{after}");
        let empty = with_default("");
        assert_eq!(empty, format!("{DEFAULTS}\n{SCHEME_TYPE}={DESKTOP_ID}\n"));

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mimeapps.list");
        fs::write(&file, &after).unwrap();
        assert!(remove_default(&file, false).unwrap());
        assert_eq!(default_in(&fs::read_to_string(&file).unwrap()), None);
        fs::write(&file, &empty).unwrap();
        assert!(remove_default(&file, true).unwrap());
        assert!(
            !file.exists(),
            "a file setup created and left empty is removed"
        );
    }
}
