//! `completions <SHELL>` and `man`: generated from the same command line the tool parses,
//! so every symptom id and alias, a provider's guides included, is in them.

use clap::Command;
use clap_complete::Shell;

use super::print_stdout;
use crate::error::{Error, Result, exit};

/// Prints the completion script for `shell`, a name the command line accepted.
pub fn completions(cmd: Command, shell: &str) -> Result<u8> {
    let Ok(shell) = shell.parse::<Shell>() else {
        return Ok(exit::USAGE); // `cli` lets only shells clap_complete knows through
    };
    // Help lists aliases in its own words; completion scripts read them from clap.
    let mut cmd = cmd.mut_subcommands(|sub| {
        let aliases: Vec<String> = sub.get_all_aliases().map(str::to_string).collect();
        sub.alias(None).visible_aliases(aliases)
    });
    let name = cmd.get_name().to_string();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, &name, &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if shell == Shell::Bash {
        script = fix_bash_states(&script, &name);
    }
    print_stdout(&script)?;
    Ok(exit::OK)
}

/// `clap_complete`'s bash script spells the state of a subcommand of a hyphenated binary
/// one way where it sets it (`wallet__help__subcmd__list`) and another where it matches it
/// (`wallet__subcmd__help__subcmd__list`), so nothing after the subcommand completes
/// (clap-rs/clap#6421). Spell the matching side like the setting side; a no-op once fixed.
pub(super) fn fix_bash_states(script: &str, bin: &str) -> String {
    let wrong = bin.replace('-', "__subcmd__");
    let right = bin.replace('-', "__");
    script.replace(&format!("{wrong}__subcmd__"), &format!("{right}__subcmd__"))
}

/// Prints the man page (roff) for the whole command line.
pub fn man(cmd: Command) -> Result<u8> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut page)
        .map_err(|e| Error::io("render", "the man page", e))?;
    print_stdout(&String::from_utf8_lossy(&page))?;
    Ok(exit::OK)
}
