//! The clipboard, with the platform's own program, when there is one.

use std::io::Write as _;
use std::process::{Command, Stdio};

/// The clipboard program of this platform, if one is installed: `(program, arguments)`.
pub(super) fn clipboard_program() -> Option<(&'static str, &'static [&'static str])> {
    let candidates: &[(&str, &[&str])] = if cfg!(target_os = "macos") {
        &[("pbcopy", &[])]
    } else if cfg!(windows) {
        &[("clip", &[])]
    } else if std::env::var_os("WAYLAND_DISPLAY").is_some() {
        &[("wl-copy", &[])]
    } else if std::env::var_os("DISPLAY").is_some() {
        &[
            ("xclip", &["-selection", "clipboard"]),
            ("xsel", &["--clipboard", "--input"]),
        ]
    } else {
        &[]
    };
    candidates
        .iter()
        .copied()
        .find(|(program, _)| on_path(program))
}

pub(super) fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        let file = dir.join(program);
        file.is_file() || file.with_extension("exe").is_file()
    })
}

/// Copies `text` to the clipboard with the platform's own program, which keeps it after we
/// exit (a clipboard owned by this process would vanish with it on X11).
pub(super) fn copy(text: &str) -> std::io::Result<()> {
    let Some((program, args)) = clipboard_program() else {
        return Err(std::io::Error::other("no clipboard program"));
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes())?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other(format!("{program} failed")))
    }
}
