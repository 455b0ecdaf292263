//! Showing a long text (the report at the review) so it can all be read: on the screen when
//! it fits, else in the user's `$PAGER`, else in `less -R`, else printed to scroll back
//! through. Lines are wrapped to the terminal's width first, never inside an id, an amount or
//! a time, so the terminal never folds them itself.

use std::io;
use std::os::fd::AsFd;
use std::process::{Command, Stdio};

use console::Term;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::ui;

/// How a text was shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// On the screen, all of it.
    Whole,
    /// In a pager, now closed: the screen shows what it showed before.
    Paged,
    /// Printed, taller than the screen: the top has scrolled away.
    Scrolled,
}

/// `text` rewrapped to `width` columns. A line keeps its indentation, and a table row
/// (`Label    value`) continues under its value. A text already wrapped at `wrapped_at`
/// (wider than the screen) has its wrapped lines joined again first, so a paragraph is
/// rewrapped as a whole rather than each of its lines broken in two.
pub fn fit(text: &str, width: usize, wrapped_at: Option<usize>) -> Vec<String> {
    let logical = match wrapped_at {
        Some(at) if at > width => unwrap(text, at),
        _ => text.lines().map(str::to_string).collect(),
    };
    let mut out = Vec::new();
    for line in logical {
        if console::measure_text_width(&line) <= width {
            out.push(line);
            continue;
        }
        let indent = hanging_indent(&line, width);
        let lead: String = line.chars().take_while(|c| *c == ' ').collect();
        let body = line.get(lead.len()..).unwrap_or(&line);
        let wrapped = ui::wrap_hanging(body, width, &lead, &" ".repeat(indent));
        out.extend(wrapped.lines().map(str::to_string));
    }
    out
}

/// The lines of `text` as they were before it was wrapped at `at` columns (as the text
/// report is): a line indented to where the line before continues (under a table row's
/// value, under a list item's text) joins it; so does a plain line in the paragraph that
/// follows a heading's underline (`-------`). Other lines (`To:`, `Subject:`, the footer)
/// stay as they are.
fn unwrap(text: &str, at: usize) -> Vec<String> {
    // (the line so far, where its continuation starts)
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut in_paragraph = false;
    for line in text.lines() {
        let lead = line.len() - line.trim_start_matches(' ').len();
        let body = line.get(lead..).unwrap_or("");
        let underline = body.len() >= 3 && body.chars().all(|c| c == '-');
        let plain = lead == 0 && hanging_indent(line, at) == 0 && !body.starts_with("- ");
        if let Some((joined, hang)) = lines.last_mut()
            && !body.is_empty()
            && !underline
            && ((lead > 0 && lead == *hang) || (in_paragraph && plain && *hang == 0))
        {
            let cjk = |c: Option<char>| c.is_some_and(ui::is_cjk);
            if !cjk(joined.chars().last()) && !cjk(body.chars().next()) {
                joined.push(' ');
            }
            joined.push_str(body);
            continue;
        }
        in_paragraph = if underline {
            true
        } else {
            in_paragraph && plain && !body.is_empty()
        };
        // Nothing continues a blank line or an underline.
        let hang = if underline || body.is_empty() {
            usize::MAX
        } else {
            hanging_indent(line, at)
        };
        lines.push((line.to_string(), hang));
    }
    lines.into_iter().map(|(line, _)| line).collect()
}

/// Where the continuation of a long line starts: under the value of a `Label   value` row
/// (two spaces or more after the label), under the text of a `- item`, else under the line's
/// own start.
fn hanging_indent(line: &str, width: usize) -> usize {
    let lead = line.len() - line.trim_start_matches(' ').len();
    let body = line.get(lead..).unwrap_or("");
    if body.starts_with("- ") {
        return lead + 2;
    }
    if let Some(gap) = body.find("  ") {
        let label = body.get(..gap).unwrap_or("");
        let after = body.get(gap..).unwrap_or("");
        let value_at = lead
            + console::measure_text_width(label)
            + (after.len() - after.trim_start_matches(' ').len());
        if value_at <= width / 2 {
            return value_at;
        }
    }
    lead
}

/// Shows `lines`; `below` rows must stay free under them (the menu that follows). A pager
/// is used only when they would not fit with it.
pub fn show(lines: &[String], below: usize, lang: Lang) -> Result<Shown> {
    let term = Term::stderr();
    let (rows, _) = term.size();
    if lines.len() + below <= usize::from(rows) {
        print(&term, lines)?;
        return Ok(Shown::Whole);
    }
    let mut paged = vec![ui::dim().apply_to(how_to_page(lang)).to_string()];
    paged.extend(lines.iter().cloned());
    if let Some(command) = pager(lang)
        && page(command, &paged).is_ok()
    {
        return Ok(Shown::Paged);
    }
    print(&term, lines)?;
    Ok(Shown::Scrolled)
}

fn print(term: &Term, lines: &[String]) -> Result<()> {
    term.write_line(&lines.join("\n")).map_err(Error::Terminal)
}

/// The pager to use: `$PAGER` (split at spaces, as `less -R` is often written), else `less`
/// if it is on `PATH`; `None` with neither, or with `PAGER=cat`, which pages nothing.
fn pager(lang: Lang) -> Option<Command> {
    let (program, args) = match std::env::var("PAGER") {
        Ok(value) if !value.trim().is_empty() => {
            let mut words = value.split_whitespace().map(str::to_string);
            let program = words.next()?;
            (program, words.collect::<Vec<_>>())
        }
        _ => ("less".to_string(), Vec::new()),
    };
    let name = std::path::Path::new(&program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    if name == "cat" || !on_path(&program) {
        return None;
    }
    let mut command = Command::new(&program);
    command.args(&args);
    if name == "less" {
        // Colours as they are; a prompt that says how to get back to the menu.
        command.arg("-R");
        if let Some(prompt) = less_prompt(lang) {
            command.arg(format!("-Ps{prompt}"));
        }
        // The report is UTF-8 whatever the locale says (`C` would show `<E2><94><80>`).
        if std::env::var_os("LESSCHARSET").is_none() {
            command.env("LESSCHARSET", "utf-8");
        }
    }
    Some(command)
}

/// The line above the text in the pager, in any pager: how to read it and get back.
fn how_to_page(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ or Space to read on, q to go back to the menu",
        "↑↓ 或空格键翻看，按 q 返回菜单",
    )
}

/// less's own prompt line. `?`, `%`, `:` and `.` are special there; none is used. less 590
/// garbles a prompt with Chinese in it, so the Chinese interface keeps less's own `:`.
fn less_prompt(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some("Your report - arrows scroll, q goes back to the menu"),
        Lang::Zh => None,
    }
}

fn on_path(program: &str) -> bool {
    if program.contains('/') {
        return std::path::Path::new(program).is_file();
    }
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| dir.join(program).is_file())
}

/// Runs the pager on `lines`, drawing on the terminal (stderr) even when stdout is a file.
fn page(mut command: Command, lines: &[String]) -> io::Result<()> {
    let screen = io::stderr().as_fd().try_clone_to_owned()?;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::from(screen))
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write as _;
        // A pager quit before reading everything closes the pipe: not an error.
        let _ = stdin.write_all(lines.join("\n").as_bytes());
        let _ = stdin.write_all(b"\n");
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other("the pager failed"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_left_alone() {
        assert_eq!(
            fit("Amount  59.90 CNY\n\nDone", 60, None),
            ["Amount  59.90 CNY", "", "Done"]
        );
    }

    #[test]
    fn a_paragraph_wrapped_wider_than_the_screen_is_joined_and_wrapped_again() {
        let text = "Summary\n-------\nMy payment of 59.90 CNY failed with the message “Card declined”.\nTransaction ID: 2026112122001400000000001234.\n\nTo: support";
        let lines = fit(text, 40, Some(60));
        assert_eq!(
            lines,
            [
                "Summary",
                "-------",
                "My payment of 59.90 CNY failed with the",
                "message “Card declined”. Transaction ID:",
                "2026112122001400000000001234.",
                "",
                "To: support",
            ]
        );
    }

    #[test]
    fn chinese_wrapped_between_characters_joins_without_a_space() {
        let text = format!(
            "概述\n----\n{}\n{}",
            "我".repeat(30),
            "的钱包账户登录不了。"
        );
        let lines = fit(&text, 50, Some(60));
        assert_eq!(lines[..2], ["概述", "----"]);
        assert_eq!(
            lines[2..].concat(),
            format!("{}的钱包账户登录不了。", "我".repeat(30))
        );
        assert!(lines.iter().all(|l| console::measure_text_width(l) <= 50));
    }

    #[test]
    fn table_rows_and_list_items_join_their_own_continuations_only() {
        let text = "Details\n-------\nError message   Card declined, try again or use\n                another card\nFailed at       today\n\nTried\n-----\n- Checked the available balance and pending → did\n  not fix it\n- Next\n\nReport WH-1 · created 2026-11-21T15:04:05+08:00\nVerification code 3YA-DWK";
        let lines = fit(text, 40, Some(50));
        assert_eq!(
            lines,
            [
                "Details",
                "-------",
                "Error message   Card declined, try again",
                "                or use another card",
                "Failed at       today",
                "",
                "Tried",
                "-----",
                "- Checked the available balance and",
                "  pending → did not fix it",
                "- Next",
                "",
                "Report WH-1 · created",
                "2026-11-21T15:04:05+08:00",
                "Verification code 3YA-DWK",
            ]
        );
    }

    #[test]
    fn a_table_row_continues_under_its_value_and_never_splits_an_id() {
        let row = "Transaction ID  2026112122001400000000001234 and a note after it";
        let lines = fit(row, 46, None);
        assert_eq!(lines[0], "Transaction ID  2026112122001400000000001234");
        assert_eq!(lines[1], "                and a note after it");
    }

    #[test]
    fn a_masked_card_and_an_amount_stay_on_one_line() {
        let lines = fit("Paid 59.90 CNY with the card •••• 7890 yesterday", 32, None);
        assert!(lines.iter().any(|l| l.contains("59.90 CNY")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("•••• 7890")), "{lines:?}");
        assert!(lines.iter().all(|l| console::measure_text_width(l) <= 32));
    }

    #[test]
    fn a_removal_marker_is_never_split() {
        // At every width, "[已删除]" (and "[removed]") stays whole on one line.
        let text = "错误提示  卡被拒绝，验证码 [已删除]，请稍后再试 [removed] 好的";
        for width in 20..40 {
            let lines = fit(text, width, None);
            assert!(
                lines.iter().any(|l| l.contains("[已删除]"))
                    && lines.iter().any(|l| l.contains("[removed]")),
                "{width}: {lines:?}"
            );
        }
    }

    #[test]
    fn list_items_continue_under_their_text() {
        let lines = fit(
            "- Checked the connection → No, that did not fix it",
            30,
            None,
        );
        assert!(
            lines[1].starts_with("  ") && !lines[1].starts_with("   "),
            "{lines:?}"
        );
    }
}
