//! `setup [--print] [--undo] [--force]`: for the current user, registers the `wallet-help://`
//! link handler, installs completions for the user's shell and the man page, in the XDG
//! folders, and says each thing it does. `--print` says what it would do; `--undo` removes
//! exactly what it added. It never replaces a file or a link handler it did not create
//! without asking (in a terminal) or `--force` (the replaced file is kept and put back by
//! `--undo`), and refuses to write into another user's home. freedesktop systems only; see
//! `docs/platforms.md` for Windows and macOS.

mod xdg;

use std::fs;
use std::path::{Path, PathBuf};

use clap::ArgMatches;

use super::{print_stderr, print_stdout};
use crate::error::{Error, Result, exit};
use crate::guide::catalog::Catalog;
use crate::lang::{Lang, Text};
use crate::report::write;
use crate::settings::{Mode, Settings};
use xdg::{DESKTOP_ID, Manifest, Written};

/// Where everything goes, for this user.
struct Places {
    /// The home folder, which must be this user's.
    home: PathBuf,
    data: PathBuf,
    config: PathBuf,
}

impl Places {
    fn find() -> Result<Places> {
        let missing = || Error::SetupRefused {
            reason: Box::new(Text::new(
                "the home folder is not known (HOME is not set)",
                "不知道主文件夹在哪里（没有设置 HOME）",
            )),
        };
        Ok(Places {
            home: dirs::home_dir().ok_or_else(missing)?,
            data: dirs::data_dir().ok_or_else(missing)?,
            config: dirs::config_dir().ok_or_else(missing)?,
        })
    }

    fn manifest(&self) -> PathBuf {
        self.data.join("wallet-help").join("setup.json")
    }

    fn mimeapps(&self) -> PathBuf {
        self.config.join("mimeapps.list")
    }
}

/// One file setup writes.
struct File {
    what: Thing,
    path: PathBuf,
    contents: Vec<u8>,
}

#[derive(Clone, Copy)]
enum Thing {
    Handler,
    Completions(&'static str),
    Manual,
}

impl Thing {
    fn describe(self, lang: Lang) -> String {
        match (self, lang) {
            (Thing::Handler, Lang::En) => "the handler for wallet-help:// links".into(),
            (Thing::Handler, Lang::Zh) => "wallet-help:// 链接的打开方式".into(),
            (Thing::Completions(shell), Lang::En) => format!("{shell} completions"),
            (Thing::Completions(shell), Lang::Zh) => format!("{shell} 补全脚本"),
            (Thing::Manual, Lang::En) => "the man page".into(),
            (Thing::Manual, Lang::Zh) => "man 手册页".into(),
        }
    }
}

pub(super) fn run(catalog: &Catalog, settings: &Settings, matches: &ArgMatches) -> Result<u8> {
    if !cfg!(unix) || cfg!(target_os = "macos") {
        return Err(Error::SetupRefused {
            reason: Box::new(Text::new(
                "setup registers links on Linux and other freedesktop systems only; \
                 docs/platforms.md says what to do on Windows and macOS",
                "setup 只能在 Linux 等 freedesktop 系统上注册链接；Windows 和 macOS 的做法见 \
                 docs/platforms.md",
            )),
        });
    }
    let places = Places::find()?;
    refuse_foreign_home(&places.home)?;
    let print_only = matches.get_flag("print");
    let force = settings.force;
    if matches.get_flag("undo") {
        undo(&places, settings.lang, print_only, force)
    } else {
        install(catalog, &places, settings, print_only, force)
    }
}

/// Root writing into a user's home (`sudo wallet-help setup`) would leave root-owned files
/// there; any user writing into someone else's home is as wrong.
fn refuse_foreign_home(home: &Path) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt as _;
        // `/proc/self` belongs to the process's effective user.
        let me = fs::metadata("/proc/self").map(|m| m.uid());
        let owner = fs::metadata(home).map(|m| m.uid());
        if let (Ok(me), Ok(owner)) = (me, owner)
            && me != owner
        {
            let (who, who_zh) = if me == 0 {
                ("root", "root")
            } else {
                ("this user", "当前用户")
            };
            let home = home.display();
            return Err(Error::SetupRefused {
                reason: Box::new(Text::new(
                    format!(
                        "{who} does not own the home folder {home}; run setup as the user it is for, without sudo"
                    ),
                    format!(
                        "主文件夹 {home} 不属于{who_zh}；请以要设置的那个用户身份运行 setup，不要用 sudo"
                    ),
                )),
            });
        }
    }
    let _ = home;
    Ok(())
}

/// The binary links should run: this one, by its full path.
fn this_program() -> Result<PathBuf> {
    let exe = std::env::current_exe().map_err(|e| Error::io("find", "this program", e))?;
    Ok(fs::canonicalize(&exe).unwrap_or(exe))
}

fn files(catalog: &Catalog, places: &Places, settings: &Settings, exe: &Path) -> Result<Vec<File>> {
    let mut files = vec![File {
        what: Thing::Handler,
        path: places.data.join("applications").join(DESKTOP_ID),
        contents: xdg::desktop_entry(exe).into_bytes(),
    }];
    let cmd = crate::cli::command(catalog, settings.lang);
    if let Some((shell, path)) = completions_place(settings.shell.as_deref(), places) {
        let name = cmd.get_name().to_string();
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), &name, &mut script);
        let mut text = String::from_utf8_lossy(&script).into_owned();
        if shell == clap_complete::Shell::Bash {
            text = super::completions::fix_bash_states(&text, &name);
        }
        let label = match shell {
            clap_complete::Shell::Zsh => "zsh",
            clap_complete::Shell::Fish => "fish",
            _ => "bash",
        };
        files.push(File {
            what: Thing::Completions(label),
            path,
            contents: text.into_bytes(),
        });
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut page)
        .map_err(|e| Error::io("render", "the man page", e))?;
    files.push(File {
        what: Thing::Manual,
        path: places.data.join("man").join("man1").join("wallet-help.1"),
        contents: page,
    });
    Ok(files)
}

/// Where the user's shell (`SHELL`) looks for completions by itself.
fn completions_place(
    shell: Option<&str>,
    places: &Places,
) -> Option<(clap_complete::Shell, PathBuf)> {
    let name = Path::new(shell?).file_name()?.to_str()?;
    match name {
        "bash" => Some((
            clap_complete::Shell::Bash,
            places.data.join("bash-completion/completions/wallet-help"),
        )),
        "zsh" => Some((
            clap_complete::Shell::Zsh,
            places.data.join("zsh/site-functions/_wallet-help"),
        )),
        "fish" => Some((
            clap_complete::Shell::Fish,
            places.config.join("fish/completions/wallet-help.fish"),
        )),
        _ => None,
    }
}

fn install(
    catalog: &Catalog,
    places: &Places,
    settings: &Settings,
    print_only: bool,
    force: bool,
) -> Result<u8> {
    let lang = settings.lang;
    let exe = this_program()?;
    let files = files(catalog, places, settings, &exe)?;
    let mut manifest = Manifest::read(&places.manifest()).unwrap_or_default();
    let mimeapps = places.mimeapps();
    let other_handler = xdg::current_default(&mimeapps).filter(|d| d != DESKTOP_ID);
    let taken: Vec<&File> = files
        .iter()
        .filter(|f| f.path.exists() && !manifest.owns(&f.path))
        .filter(|f| fs::read(&f.path).ok().as_deref() != Some(f.contents.as_slice()))
        .collect();
    if print_only {
        let mut lines: Vec<String> = files
            .iter()
            .map(|f| match lang {
                Lang::En => format!(
                    "Would install {}: {}",
                    f.what.describe(lang),
                    f.path.display()
                ),
                Lang::Zh => format!("将安装{}：{}", f.what.describe(lang), f.path.display()),
            })
            .collect();
        lines.push(match lang {
            Lang::En => format!(
                "Would make it the default for wallet-help:// links, in {}",
                mimeapps.display()
            ),
            Lang::Zh => format!(
                "将在 {} 中设为打开 wallet-help:// 链接的默认方式",
                mimeapps.display()
            ),
        });
        lines.extend(taken.iter().map(|f| taken_line(&f.path, lang)));
        lines.extend(other_handler.iter().map(|h| handler_line(h, lang)));
        let mut out = lines.join("\n");
        out.push('\n');
        print_stdout(&out)?;
        return Ok(exit::OK);
    }
    let mut conflicts: Vec<String> = taken.iter().map(|f| f.path.display().to_string()).collect();
    if let Some(handler) = &other_handler {
        conflicts.push(format!("the wallet-help:// handler {handler}"));
    }
    if !conflicts.is_empty() && !force && !confirmed(&conflicts, settings)? {
        return Err(Error::SetupConflict { items: conflicts });
    }
    for f in &files {
        let backup = if taken.iter().any(|t| t.path == f.path) {
            Some(back_up(&f.path)?)
        } else {
            manifest.written(&f.path).and_then(|w| w.backup.clone())
        };
        create_dirs(f.path.parent(), &mut manifest)?;
        write::atomic_write(&f.path, &f.contents, true)?;
        manifest.files.retain(|w| w.path != f.path);
        manifest.files.push(Written {
            path: f.path.clone(),
            crc32: crc32fast::hash(&f.contents),
            backup,
        });
        print_stderr(&done_line(f, lang));
    }
    if manifest.mimeapps.is_none() {
        manifest.mimeapps_created = !mimeapps.exists();
    }
    if other_handler.is_some() {
        manifest.previous_default.clone_from(&other_handler);
    }
    create_dirs(mimeapps.parent(), &mut manifest)?;
    let how = xdg::set_default(&mimeapps).map_err(|e| Error::io("write", &mimeapps, e))?;
    manifest.mimeapps = Some(mimeapps.clone());
    save_manifest(places, &mut manifest)?;
    print_stderr(&match lang {
        Lang::En => format!("Made it the default for wallet-help:// links (with {how})."),
        Lang::Zh => format!("已设为打开 wallet-help:// 链接的默认方式（使用 {how}）。"),
    });
    notes(places, settings, &exe);
    print_stderr(lang.pick(
        "Undo all of this with `wallet-help setup --undo`.",
        "运行 `wallet-help setup --undo` 可以撤销以上全部操作。",
    ));
    Ok(exit::OK)
}

/// In a terminal, asks whether to replace what setup did not make; elsewhere, the answer is no.
fn confirmed(conflicts: &[String], settings: &Settings) -> Result<bool> {
    if settings.mode != Mode::Interactive {
        return Ok(false);
    }
    let lang = settings.lang;
    let list = conflicts.join("\n  ");
    print_stderr(&match lang {
        Lang::En => format!("These were not made by setup:\n  {list}"),
        Lang::Zh => format!("以下内容不是 setup 创建的：\n  {list}"),
    });
    crate::prompt::terminal::confirm(
        lang,
        lang.pick(
            "Replace them? (setup --undo puts them back)",
            "要替换它们吗？（setup --undo 会恢复原样）",
        ),
        false,
    )
}

/// Keeps a file setup is about to replace next to it, for `--undo`.
fn back_up(path: &Path) -> Result<PathBuf> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".before-wallet-help");
    let backup = path.with_file_name(name);
    fs::rename(path, &backup).map_err(|e| Error::io("back up", path, e))?;
    Ok(backup)
}

/// Creates the folders up to `dir` that are missing, and records them.
fn create_dirs(dir: Option<&Path>, manifest: &mut Manifest) -> Result<()> {
    let Some(dir) = dir else {
        return Ok(());
    };
    let missing: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.exists())
        .map(Path::to_path_buf)
        .collect();
    for d in missing.iter().rev() {
        fs::create_dir(d).map_err(|e| Error::io("create", d, e))?;
        if !manifest.dirs.contains(d) {
            manifest.dirs.push(d.clone());
        }
    }
    Ok(())
}

fn save_manifest(places: &Places, manifest: &mut Manifest) -> Result<()> {
    let path = places.manifest();
    create_dirs(path.parent(), manifest)?;
    let text = serde_json::to_string_pretty(manifest).unwrap_or_default();
    write::atomic_write(&path, text.as_bytes(), true)
}

fn done_line(f: &File, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Installed {}: {}", f.what.describe(lang), f.path.display()),
        Lang::Zh => format!("已安装{}：{}", f.what.describe(lang), f.path.display()),
    }
}

fn taken_line(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "  (not made by setup, would be replaced only when you agree or with --force: {})",
            path.display()
        ),
        Lang::Zh => format!(
            "  （不是 setup 创建的，只有你同意或使用 --force 时才会替换：{}）",
            path.display()
        ),
    }
}

fn handler_line(handler: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "  (another program, {handler}, opens wallet-help:// links now; it is replaced only when you agree or with --force)"
        ),
        Lang::Zh => format!(
            "  （目前由 {handler} 打开 wallet-help:// 链接；只有你同意或使用 --force 时才会替换）"
        ),
    }
}

/// What the user may still need to do: a shell that needs one line in its startup file, a
/// man folder outside the search path, a binary that will move.
fn notes(places: &Places, settings: &Settings, exe: &Path) {
    let lang = settings.lang;
    let shell = settings.shell.as_deref().unwrap_or_default();
    if shell.ends_with("zsh") {
        print_stderr(&match lang {
            Lang::En => format!(
                "zsh: add `fpath+=({})` to ~/.zshrc, before `compinit`.",
                places.data.join("zsh/site-functions").display()
            ),
            Lang::Zh => format!(
                "zsh：请在 ~/.zshrc 的 `compinit` 之前加上 `fpath+=({})`。",
                places.data.join("zsh/site-functions").display()
            ),
        });
    } else if completions_place(Some(shell), places).is_none() {
        print_stderr(&match lang {
            Lang::En => format!(
                "No completions for the shell `{shell}`; `wallet-help completions SHELL` prints them for bash, zsh, fish, powershell or elvish."
            ),
            Lang::Zh => format!(
                "没有适用于 `{shell}` 的补全脚本；`wallet-help completions SHELL` 可输出 bash、zsh、fish、powershell 或 elvish 的补全脚本。"
            ),
        });
    }
    // man-db looks in ~/.local/share/man when ~/.local/bin is on PATH.
    let local_bin = places.home.join(".local/bin");
    let found_by_man = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|d| d == local_bin));
    if !found_by_man {
        let man = places.data.join("man");
        print_stderr(&match lang {
            Lang::En => format!(
                "man finds the page when {} is on PATH; until then: `man -M {} wallet-help`.",
                local_bin.display(),
                man.display()
            ),
            Lang::Zh => format!(
                "把 {} 加入 PATH 后，man 就能找到这个手册页；在此之前可以用 `man -M {} wallet-help`。",
                local_bin.display(),
                man.display()
            ),
        });
    }
    let build = exe.components().any(|c| c.as_os_str() == "target");
    if build {
        print_stderr(&match lang {
            Lang::En => format!(
                "Links will run {}, a build inside a source folder: install the tool (cargo install --locked --path .) and run setup again, so they keep working.",
                exe.display()
            ),
            Lang::Zh => format!(
                "链接会运行 {}，这是源码目录里的构建产物：请先安装（cargo install --locked --path .）再运行一次 setup，以免链接失效。",
                exe.display()
            ),
        });
    }
}

fn undo(places: &Places, lang: Lang, print_only: bool, force: bool) -> Result<u8> {
    let Some(mut manifest) = Manifest::read(&places.manifest()) else {
        print_stderr(lang.pick(
            "Nothing to undo: setup has not been run for this user.",
            "无需撤销：还没有为当前用户运行过 setup。",
        ));
        return Ok(exit::OK);
    };
    let mut kept = Vec::new();
    for written in &manifest.files {
        let path = &written.path;
        let changed = path.exists() && !manifest.owns(path);
        if changed && !force {
            kept.push(path.clone());
            continue;
        }
        if print_only {
            print_stdout(&format!(
                "{} {}\n",
                lang.pick("Would remove", "将删除"),
                path.display()
            ))?;
            continue;
        }
        match fs::remove_file(path) {
            Ok(()) => print_stderr(&format!(
                "{} {}",
                lang.pick("Removed", "已删除"),
                path.display()
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io("remove", path, e)),
        }
        if let Some(backup) = &written.backup
            && backup.exists()
        {
            fs::rename(backup, path).map_err(|e| Error::io("put back", path, e))?;
            print_stderr(&format!(
                "{} {}",
                lang.pick("Put back", "已恢复"),
                path.display()
            ));
        }
    }
    if let Some(mimeapps) = &manifest.mimeapps {
        if print_only {
            print_stdout(&match lang {
                Lang::En => format!(
                    "Would take the wallet-help:// default out of {}\n",
                    mimeapps.display()
                ),
                Lang::Zh => format!(
                    "将从 {} 中删除 wallet-help:// 的默认打开方式\n",
                    mimeapps.display()
                ),
            })?;
        } else if xdg::remove_default(mimeapps, manifest.mimeapps_created)
            .map_err(|e| Error::io("write", mimeapps, e))?
        {
            print_stderr(&match lang {
                Lang::En => format!(
                    "Took the wallet-help:// default out of {}",
                    mimeapps.display()
                ),
                Lang::Zh => format!(
                    "已从 {} 中删除 wallet-help:// 的默认打开方式",
                    mimeapps.display()
                ),
            });
            if let Some(previous) = &manifest.previous_default {
                xdg::restore_default(mimeapps, previous)
                    .map_err(|e| Error::io("write", mimeapps, e))?;
                print_stderr(&match lang {
                    Lang::En => {
                        format!("Made {previous} the default for wallet-help:// links again")
                    }
                    Lang::Zh => format!("已恢复 {previous} 为打开 wallet-help:// 链接的默认方式"),
                });
            }
        }
    }
    if print_only {
        return Ok(exit::OK);
    }
    let manifest_path = places.manifest();
    if kept.is_empty() {
        let _ = fs::remove_file(&manifest_path);
    } else {
        // What was left alone stays on record, for a later `--undo --force`.
        manifest.files.retain(|w| kept.contains(&w.path));
        manifest.mimeapps = None;
        save_manifest(places, &mut manifest)?;
    }
    // Deepest first; a folder that holds anything else stays.
    manifest
        .dirs
        .sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for dir in &manifest.dirs {
        let _ = fs::remove_dir(dir);
    }
    if let Some(parent) = manifest_path.parent() {
        let _ = fs::remove_dir(parent);
    }
    if kept.is_empty() {
        print_stderr(lang.pick("Setup is undone.", "已撤销 setup 的全部操作。"));
        Ok(exit::OK)
    } else {
        let list: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
        Err(Error::SetupChanged { items: list })
    }
}
