//! Writing a report file atomically: a temporary file in the same folder, then a rename, so a
//! reader never sees half a report and an existing file is replaced only with `--force`.

use std::io::Write as _;
use std::path::Path;

use crate::error::{Error, Result};

/// Fails early, before any question is asked, when `path` exists and may not be replaced.
pub fn ensure_writable(path: &Path, force: bool) -> Result<()> {
    if !force && path.exists() {
        return Err(Error::OutputExists {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

pub fn atomic_write(path: &Path, contents: &str, force: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".wallet-help-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a file in", dir, e))?;
    temp.write_all(contents.as_bytes())
        .map_err(|e| Error::io("write", temp.path().to_path_buf(), e))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| Error::io("write", temp.path().to_path_buf(), e))?;
    let persisted = if force {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    persisted.map(|_| ()).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::OutputExists {
                path: path.to_path_buf(),
            }
        } else {
            Error::io("write", path, e.error)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_refuses_to_replace_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt");
        atomic_write(&path, "first", false).unwrap();
        assert!(matches!(
            atomic_write(&path, "second", false),
            Err(Error::OutputExists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        atomic_write(&path, "second", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }
}
