//! Writing a report file atomically: a temporary file in the same folder, then a rename, so a
//! reader never sees half a report and an existing file is replaced only with `--force`. Only
//! regular files are written or replaced, never a device, a pipe or a folder, whatever the
//! flags; `-` means standard output. A temporary file is removed when the write fails, and
//! when SIGINT, SIGTERM or SIGHUP arrives in the middle of it.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use crate::error::{Error, Result};

/// Whether `-o`'s value means standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Fails early, before any question is asked, when `path` may not be written: it exists and
/// `force` was not given, or it is not a regular file (a symlink to one is fine).
pub fn ensure_writable(path: &Path, force: bool) -> Result<()> {
    if is_stdout(path) {
        return Ok(());
    }
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(Error::OutputNotAFile {
            path: path.to_path_buf(),
            what: file_kind(&meta),
        }),
        Ok(_) if !force => Err(Error::OutputExists {
            path: path.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// "a folder", "a device", "a pipe": what a path that is not a regular file is.
fn file_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let kind = meta.file_type();
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_fifo() {
            return "a pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Writes `contents` to `path` whole, or not at all.
pub fn atomic_write(path: &Path, contents: &[u8], force: bool) -> Result<()> {
    ensure_writable(path, force)?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".wallet-help-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a file in", dir, e))?;
    let _removed_on_signal = cleanup::track(temp.path());
    temp.write_all(contents)
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

/// Temporary files to remove if the process is stopped by a signal while they exist. One
/// thread, started on the first write, waits for SIGINT, SIGTERM and SIGHUP; it removes the
/// files, then ends the process the way the signal would have (so the exit status still says
/// which signal it was).
#[cfg(unix)]
mod cleanup {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, OnceLock, PoisonError};

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static WATCHING: OnceLock<bool> = OnceLock::new();

    /// Removes `path` from the list when dropped: once it is renamed into place or deleted.
    pub struct Tracked(PathBuf);

    impl Drop for Tracked {
        fn drop(&mut self) {
            let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
            pending.retain(|p| *p != self.0);
        }
    }

    pub fn track(path: &Path) -> Tracked {
        WATCHING.get_or_init(watch);
        PENDING
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path.to_path_buf());
        Tracked(path.to_path_buf())
    }

    /// Starts the thread; `false` when signals cannot be watched (the files are then only
    /// removed on the ordinary paths).
    fn watch() -> bool {
        let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return false;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
                for path in pending.iter() {
                    let _ = std::fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
            }
        });
        true
    }
}

#[cfg(not(unix))]
mod cleanup {
    use std::path::Path;

    /// Elsewhere the temporary file is removed only on the ordinary paths.
    pub struct Tracked;

    pub fn track(_path: &Path) -> Tracked {
        Tracked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_refuses_to_replace_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt");
        atomic_write(&path, b"first", false).unwrap();
        assert!(matches!(
            atomic_write(&path, b"second", false),
            Err(Error::OutputExists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        atomic_write(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn only_regular_files_are_replaced_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let err = atomic_write(dir.path(), b"x", true).unwrap_err();
        assert!(
            matches!(
                err,
                Error::OutputNotAFile {
                    what: "a folder",
                    ..
                }
            ),
            "{err}"
        );
        #[cfg(unix)]
        {
            // Through a symlink, so that a regression replaces the link, never the device.
            let device = dir.path().join("device");
            std::os::unix::fs::symlink("/dev/null", &device).unwrap();
            let err = atomic_write(&device, b"x", true).unwrap_err();
            assert!(
                err.to_string().ends_with("is a device, not a regular file"),
                "{err}"
            );
            assert_eq!(err.exit_code(), 2);
            let link = dir.path().join("link.txt");
            let target = dir.path().join("target.txt");
            fs::write(&target, "old").unwrap();
            std::os::unix::fs::symlink(&target, &link).unwrap();
            atomic_write(&link, b"new", true).unwrap();
            assert_eq!(fs::read_to_string(&link).unwrap(), "new");
        }
        assert!(ensure_writable(Path::new("-"), false).is_ok());
    }

    /// The child half of the signal test: a tracked temporary file, then a long wait.
    #[cfg(unix)]
    fn signal_child(dir: &std::ffi::OsStr) {
        let temp = tempfile::Builder::new()
            .prefix(".wallet-help-")
            .tempfile_in(dir)
            .unwrap();
        let _tracked = cleanup::track(temp.path());
        println!("ready {}", temp.path().display());
        std::io::stdout().flush().unwrap();
        std::thread::sleep(std::time::Duration::from_secs(30));
    }

    /// Runs this test again in a child process that holds a tracked temporary file, sends it
    /// SIGTERM, and checks the file is gone and the child died of that signal.
    #[cfg(unix)]
    #[test]
    fn a_signal_in_the_middle_of_a_write_removes_the_temporary_file() {
        use std::io::BufRead as _;
        use std::os::unix::process::ExitStatusExt as _;
        const CHILD: &str = "WALLET_HELP_TEST_SIGNAL_CHILD";
        if let Some(dir) = std::env::var_os(CHILD) {
            signal_child(&dir);
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "report::write::tests::a_signal_in_the_middle_of_a_write_removes_the_temporary_file",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, dir.path())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let temp = std::io::BufReader::new(stdout)
            .lines()
            .map_while(std::result::Result::ok)
            .find_map(|line| {
                let (_, path) = line.split_once("ready ")?;
                Some(std::path::PathBuf::from(path))
            })
            .unwrap();
        assert!(temp.exists());
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(15), "{status:?}");
        assert!(!temp.exists(), "the temporary file is removed");
    }
}
