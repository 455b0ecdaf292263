//! `setup` with the real xdg-utils (Debian's `xdg-utils`; `.ci/run` installs it when it can,
//! and these tests say they are skipped when it is absent): links open the guide in a terminal
//! (a fake terminal emulator on `PATH`), and `--undo` leaves the home folder as it was.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A private home with a fake terminal emulator, and the environment to run in it.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(bin.as_path()).unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        // Records what it was asked to run, then runs it without a terminal.
        let terminal = bin.join("x-terminal-emulator");
        std::fs::write(
            &terminal,
            "#!/bin/sh\necho \"terminal: $*\" > \"$HOME/../terminal.log\"\nshift\n\"$@\" </dev/null >> \"$HOME/../terminal.log\" 2>&1\necho \"exit $?\" >> \"$HOME/../terminal.log\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&terminal, std::fs::Permissions::from_mode(0o755)).unwrap();
        Home { dir }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn env(&self) -> Vec<(&'static str, OsString)> {
        let path = std::env::join_paths(std::iter::once(self.dir.path().join("bin")).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ))
        .unwrap();
        vec![
            ("HOME", self.home().into_os_string()),
            ("PATH", path),
            ("SHELL", "/bin/bash".into()),
            ("DISPLAY", ":99".into()),
            ("LANG", "en_US.UTF-8".into()),
            ("NO_COLOR", "1".into()),
        ]
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .envs(self.env())
            .current_dir(self.dir.path());
        cmd
    }

    fn setup(&self, args: &[&str]) -> Output {
        self.command(env!("CARGO_BIN_EXE_wallet-help"))
            .arg("setup")
            .args(args)
            .output()
            .unwrap()
    }

    /// Every file and folder under the home, with the contents of files.
    fn snapshot(&self) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
        fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    out.insert(path.clone(), None);
                    walk(&path, out);
                } else {
                    out.insert(path.clone(), Some(std::fs::read(&path).unwrap()));
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(&self.home(), &mut out);
        out
    }

    fn desktop_file(&self) -> PathBuf {
        self.home()
            .join(".local/share/applications/wallet-help.desktop")
    }
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// Whether xdg-utils is installed; says so when it is not.
fn have_xdg_utils() -> bool {
    let found = ["xdg-mime", "xdg-open"].iter().all(|p| {
        Command::new("sh")
            .args(["-c", &format!("command -v {p}")])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !found {
        eprintln!("skipped: xdg-utils is not installed (apt-get install xdg-utils)");
    }
    found
}

#[test]
fn setup_registers_the_link_handler_and_undo_leaves_nothing_behind() {
    if !have_xdg_utils() {
        return;
    }
    let home = Home::new();
    let before = home.snapshot();

    let out = home.setup(&[]);
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    for line in [
        "Installed the handler for wallet-help:// links: ",
        "Installed bash completions: ",
        "Installed the man page: ",
        "Made it the default for wallet-help:// links (with xdg-mime).",
        "Undo all of this with `wallet-help setup --undo`.",
    ] {
        assert!(said.contains(line), "{said}");
    }

    let query = home
        .command("xdg-mime")
        .args(["query", "default", "x-scheme-handler/wallet-help"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&query.stdout).trim(),
        "wallet-help.desktop"
    );
    let entry = std::fs::read_to_string(home.desktop_file()).unwrap();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_wallet-help")).unwrap();
    assert!(
        entry.contains(&format!("\nExec={} open %u\n", exe.display())),
        "{entry}"
    );
    assert!(
        entry.contains("\nTerminal=true\n")
            && entry.contains("\nMimeType=x-scheme-handler/wallet-help;\n")
    );
    if let Ok(valid) = Command::new("desktop-file-validate")
        .arg(home.desktop_file())
        .output()
    {
        assert!(valid.status.success(), "{}", text(&valid));
    }

    // A click on a link: xdg-open, with no controlling terminal, starts a terminal emulator
    // running `wallet-help open LINK`; without a person at it, the guide stops at its first
    // question, after taking the link's amount.
    let opened = home
        .command("setsid")
        .args([
            "-w",
            "xdg-open",
            "wallet-help://payment-failed?amount=59.90%20CNY",
        ])
        .stdin(std::process::Stdio::null())
        .output();
    match opened {
        Ok(out) => {
            assert!(out.status.success(), "{}", text(&out));
            let log = std::fs::read_to_string(home.dir.path().join("terminal.log")).unwrap();
            assert!(
                log.starts_with(&format!(
                    "terminal: -e {} open wallet-help://payment-failed?amount=59.90%20CNY\n",
                    exe.display()
                )),
                "{log}"
            );
            assert!(
                log.contains("error: no answer for `account-signs`"),
                "{log}"
            );
        }
        Err(e) => eprintln!("skipped the click: setsid is not available ({e})"),
    }

    let out = home.setup(&["--undo"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Setup is undone."), "{}", text(&out));
    assert_eq!(
        home.snapshot(),
        before,
        "setup --undo leaves the home as it was"
    );
}

#[test]
fn print_changes_nothing() {
    let home = Home::new();
    let before = home.snapshot();
    let out = home.setup(&["--print"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Would install the handler for wallet-help:// links: "),
        "{said}"
    );
    assert!(said.contains("Would install the man page: "), "{said}");
    assert_eq!(home.snapshot(), before);
}

#[test]
fn a_file_setup_did_not_make_is_replaced_only_with_force_and_undo_puts_it_back() {
    let home = Home::new();
    let mine = home.desktop_file();
    std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
    std::fs::write(&mine, "[Desktop Entry]\nName=mine\n").unwrap();
    let before = home.snapshot();

    let out = home.setup(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("error: setup did not make"),
        "{}",
        text(&out)
    );
    assert!(
        text(&out).contains("hint: `--force` replaces them"),
        "{}",
        text(&out)
    );
    assert_eq!(home.snapshot(), before, "nothing written");

    let out = home.setup(&["--force"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(std::fs::read_to_string(&mine).unwrap().contains("Exec="));
    let out = home.setup(&["--undo"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(home.snapshot(), before, "the user's own file is back");
}

#[test]
fn another_handler_is_replaced_only_with_force_and_undo_brings_it_back() {
    let home = Home::new();
    let config = home.home().join(".config");
    std::fs::create_dir_all(&config).unwrap();
    let mimeapps = "[Default Applications]\nx-scheme-handler/wallet-help=other.desktop\n";
    std::fs::write(config.join("mimeapps.list"), mimeapps).unwrap();
    let applications = home.home().join(".local/share/applications");
    std::fs::create_dir_all(&applications).unwrap();
    std::fs::write(
        applications.join("other.desktop"),
        "[Desktop Entry]\nType=Application\nName=Other\nExec=other %u\nMimeType=x-scheme-handler/wallet-help;\n",
    )
    .unwrap();
    let before = home.snapshot();

    let out = home.setup(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("the wallet-help:// handler other.desktop"),
        "{}",
        text(&out)
    );
    assert_eq!(home.snapshot(), before);

    let out = home.setup(&["--force"]);
    assert!(out.status.success(), "{}", text(&out));
    let now = std::fs::read_to_string(config.join("mimeapps.list")).unwrap();
    assert!(
        now.contains("x-scheme-handler/wallet-help=wallet-help.desktop"),
        "{now}"
    );
    let out = home.setup(&["--undo"]);
    assert!(out.status.success(), "{}", text(&out));
    let after = std::fs::read_to_string(config.join("mimeapps.list")).unwrap();
    assert!(
        after.contains("x-scheme-handler/wallet-help=other.desktop"),
        "{after}"
    );
    assert!(!after.contains("wallet-help.desktop"), "{after}");
}

#[test]
fn setup_refuses_a_home_that_belongs_to_someone_else() {
    use std::os::unix::fs::MetadataExt as _;
    let home = Home::new();
    let me = std::fs::metadata("/proc/self").map(|m| m.uid());
    let Ok(me) = me else {
        eprintln!("skipped: no /proc/self here");
        return;
    };
    let target = if me == 0 {
        // Root, as with `sudo wallet-help setup`: the home belongs to a user.
        std::os::unix::fs::chown(home.home(), Some(12345), None).unwrap();
        home.home()
    } else {
        PathBuf::from("/")
    };
    let out = home
        .command(env!("CARGO_BIN_EXE_wallet-help"))
        .arg("setup")
        .env("HOME", &target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("does not own the home folder"),
        "{}",
        text(&out)
    );
}

#[test]
fn undo_without_setup_has_nothing_to_do() {
    let home = Home::new();
    let out = home.setup(&["--undo"]);
    assert!(out.status.success());
    assert!(text(&out).contains("Nothing to undo"), "{}", text(&out));
}

#[test]
fn without_xdg_utils_setup_writes_mimeapps_list_itself() {
    let home = Home::new();
    let before = home.snapshot();
    // Only the fake terminal on PATH: no xdg-mime.
    let out = home
        .command(env!("CARGO_BIN_EXE_wallet-help"))
        .arg("setup")
        .env("PATH", home.dir.path().join("bin"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("(with mimeapps.list)"),
        "{}",
        text(&out)
    );
    let list = std::fs::read_to_string(home.home().join(".config/mimeapps.list")).unwrap();
    assert_eq!(
        list,
        "[Default Applications]\nx-scheme-handler/wallet-help=wallet-help.desktop\n"
    );
    let out = home
        .command(env!("CARGO_BIN_EXE_wallet-help"))
        .args(["setup", "--undo"])
        .env("PATH", home.dir.path().join("bin"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(home.snapshot(), before);
}
