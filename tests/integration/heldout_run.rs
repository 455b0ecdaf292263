//! What the held-out harnesses share: run the built binary through its public command line
//! only, many times in parallel, under the fixed clock, time zone and locale of `test.rs`, and
//! print plain tables. The internals may be rebuilt freely; these harnesses keep measuring.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::test::NOW_EPOCH;

/// One finished run of the binary.
pub struct Run {
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `wallet-help` with `args` in a private home folder at 2026-11-21T15:04:05+08:00,
/// `TZ=Asia/Shanghai`, `LANG=en_US.UTF-8` (or what `env` sets instead), with stdin closed.
pub fn run(args: &[String], env: &[(&str, &str)]) -> Run {
    let home = tempfile::tempdir().unwrap();
    let out = command(home.path())
        .envs(env.iter().copied())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Run {
        status: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn command(home: &Path) -> Command {
    let home = home.display().to_string();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wallet-help"));
    cmd.current_dir(&home).env_clear();
    for (key, value) in [
        ("PATH", std::env::var("PATH").unwrap_or_default()),
        ("HOME", home.clone()),
        ("XDG_CONFIG_HOME", format!("{home}/.config")),
        ("XDG_DATA_HOME", format!("{home}/.local/share")),
        ("SOURCE_DATE_EPOCH", NOW_EPOCH.to_string()),
        ("TZ", "Asia/Shanghai".to_string()),
        ("LANG", "en_US.UTF-8".to_string()),
        ("NO_COLOR", "1".to_string()),
        ("TERM", "dumb".to_string()),
    ] {
        cmd.env(key, value);
    }
    cmd
}

/// Maps `work` over `jobs` on a few threads, keeping the order of `jobs`.
pub fn parallel<J: Sync, R: Send>(jobs: &[J], work: impl Fn(&J) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(2, std::num::NonZero::get)
        .clamp(2, 8);
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break };
                        done.push((i, work(job)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// A plain table for `--nocapture` output: a header row, then rows, columns padded.
pub fn table(title: &str, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        format!("  {}\n", padded.join("  ").trim_end())
    };
    let mut out = format!("\n{title}\n");
    out.push_str(&line(header.iter().map(ToString::to_string).collect()));
    for row in rows {
        out.push_str(&line(row.clone()));
    }
    out
}

/// `n/total (pct%)`.
pub fn ratio(n: usize, total: usize) -> String {
    if total == 0 {
        return "-".into();
    }
    #[allow(clippy::cast_precision_loss)]
    let pct = n as f64 * 100.0 / total as f64;
    format!("{n}/{total} ({pct:.1}%)")
}
