//! Guide files on disk, read with care: a `--guides` path (or one given to `guides check`)
//! is a folder of `.toml` files or one file; each must be a regular file (a link to one is
//! fine) of at most 4 MiB. Anything else, a FIFO, a folder named `*.toml`, a broken link or a
//! link loop, is a problem reported at the path, never a hang, a huge read or a silent skip.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::cache;
use crate::guide::{GuideIssue, IssueKind};
use crate::location::Location;

/// A guide file larger than this is refused.
pub(super) const MAX_SIZE: u64 = 4 << 20;

/// A guide file found, with what the cache keys it by.
pub(super) struct GuideFile {
    pub path: PathBuf,
    pub size: u64,
    pub modified: (u64, u32),
}

/// The guide files at `path`: a folder's `.toml` files (sorted), or the file itself; and a
/// problem for each that cannot be a guide, or for `path` itself.
pub(super) fn list(path: &Path) -> (Vec<GuideFile>, Vec<GuideIssue>) {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => return (Vec::new(), vec![issue(path, missing(path, &e))]),
    };
    if meta.is_file() {
        return match guide_file(path, &meta) {
            Ok(file) => (vec![file], Vec::new()),
            Err(message) => (Vec::new(), vec![issue(path, message)]),
        };
    }
    if !meta.is_dir() {
        let message = format!("not a guide file or folder but {}", kind_of(&meta));
        return (Vec::new(), vec![issue(path, message)]);
    }
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => return (Vec::new(), vec![issue(path, plain(&e))]),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    // All in one folder: their bytes sort them as their names do, and faster than paths.
    paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    let mut files = Vec::with_capacity(paths.len());
    let mut issues = Vec::new();
    for p in paths {
        let checked = fs::metadata(&p)
            .map_err(|e| missing(&p, &e))
            .and_then(|meta| guide_file(&p, &meta));
        match checked {
            Ok(file) => files.push(file),
            Err(message) => issues.push(issue(&p, message)),
        }
    }
    (files, issues)
}

/// `path` as a guide file, if `meta` (its target's, for a link) is a regular file that is
/// not too large.
fn guide_file(path: &Path, meta: &fs::Metadata) -> Result<GuideFile, String> {
    if !meta.is_file() {
        return Err(format!("not a regular file but {}", kind_of(meta)));
    }
    if meta.len() > MAX_SIZE {
        return Err(too_large(meta.len()));
    }
    Ok(GuideFile {
        path: path.to_path_buf(),
        size: meta.len(),
        modified: cache::timestamp(meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)),
    })
}

/// Why `path` could not be looked at: "no such file or folder" only when that is so (a
/// link to nothing says it is a broken link; a link loop, its own error).
fn missing(path: &Path, e: &io::Error) -> String {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if e.kind() != io::ErrorKind::NotFound {
        let reason = plain(e);
        return if is_link {
            format!("a link that cannot be followed ({reason})")
        } else {
            reason
        };
    }
    if is_link {
        let target = fs::read_link(path).map(|t| t.display().to_string());
        format!(
            "a broken link (to {}, which does not exist)",
            target.unwrap_or_else(|_| "?".into())
        )
    } else {
        "no such file or folder".into()
    }
}

/// An I/O error as a lowercase phrase, without the OS's error number.
fn plain(e: &io::Error) -> String {
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// What kind of thing `meta` describes, for a message.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    "not a regular file"
}

// Precision is not needed for a size in a message.
#[allow(clippy::cast_precision_loss)]
fn too_large(size: u64) -> String {
    format!(
        "{:.1} MiB, larger than the {} MiB a guide file may be",
        size as f64 / f64::from(1 << 20),
        MAX_SIZE >> 20
    )
}

fn issue(path: &Path, message: String) -> GuideIssue {
    GuideIssue {
        location: Location {
            file: path.display().to_string(),
            line: 1,
            column: 1,
        },
        kind: IssueKind::Read { message },
    }
}

/// A guide file's text: read only if it is (still) a regular file of at most 4 MiB, and
/// UTF-8, else the problem, at the line and column of the first byte that is not UTF-8.
pub(super) fn read_text(path: &Path) -> Result<String, GuideIssue> {
    let bytes = read_bytes(path).map_err(|message| issue(path, message))?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let (line, column) = line_and_column(bytes, at);
        let mut message = String::from("not UTF-8: ");
        match bytes.get(at) {
            Some(b) => {
                let _ = write!(message, "byte 0x{b:02x} does not start a character");
            }
            None => message.push_str("the file ends inside a character"),
        }
        if e.utf8_error().error_len().is_none() && bytes.get(at).is_some() {
            message = "not UTF-8: the file ends inside a character".into();
        }
        GuideIssue {
            location: Location {
                file: path.display().to_string(),
                line,
                column,
            },
            kind: IssueKind::Read { message },
        }
    })
}

/// A guide file's bytes, with the same checks as `read_text` but UTF-8.
pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| missing(path, &e))?;
    guide_file(path, &meta)?;
    let file = fs::File::open(path).map_err(|e| plain(&e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // The file may have grown since it was looked at: never read past the limit.
    file.take(MAX_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| plain(&e))?;
    if bytes.len() as u64 > MAX_SIZE {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The 1-based line and column (in characters) of byte `at` of `bytes`, which are UTF-8
/// before it.
fn line_and_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = bytes.get(..at).unwrap_or(bytes);
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |n| n + 1);
    let line = before.split(|b| *b == b'\n').count();
    let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or(&[]))
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_placed_at_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.toml");
        fs::write(&path, b"id = \"a\"\ntitle = \"\xe6\x94\xaf\xff\"\n").unwrap();
        let issue = read_text(&path).unwrap_err();
        assert_eq!((issue.location.line, issue.location.column), (2, 11));
        assert!(issue.to_string().contains("0xff"), "{issue}");
        fs::write(&path, b"a = 1\nb = \"\xe6\x94").unwrap();
        let issue = read_text(&path).unwrap_err();
        assert_eq!((issue.location.line, issue.location.column), (2, 6));
        assert!(issue.to_string().contains("ends inside"), "{issue}");
    }

    #[test]
    fn only_regular_files_of_at_most_4_mib_are_guides() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("ok.toml"), "x").unwrap();
        fs::create_dir(dir.path().join("folder.toml")).unwrap();
        let big = fs::File::create(dir.path().join("big.toml")).unwrap();
        big.set_len(MAX_SIZE + 1).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("ok.toml", dir.path().join("link.toml")).unwrap();
            std::os::unix::fs::symlink("nowhere.toml", dir.path().join("broken.toml")).unwrap();
            std::os::unix::fs::symlink("loop.toml", dir.path().join("loop.toml")).unwrap();
        }
        let (files, issues) = list(dir.path());
        let names: Vec<String> = files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let problems: Vec<String> = issues.iter().map(ToString::to_string).collect();
        let problems = problems.join("\n");
        assert!(problems.contains("big.toml") && problems.contains("larger than the 4 MiB"));
        assert!(problems.contains("folder.toml") && problems.contains("a folder"));
        #[cfg(unix)]
        {
            assert_eq!(names, ["link.toml", "ok.toml"]);
            assert!(
                problems.contains("a broken link (to nowhere.toml"),
                "{problems}"
            );
            assert!(
                !problems.contains("loop.toml: cannot read: no such"),
                "{problems}"
            );
            assert!(problems.contains("loop.toml"), "{problems}");
        }
        #[cfg(not(unix))]
        assert_eq!(names, ["ok.toml"]);
    }
}
