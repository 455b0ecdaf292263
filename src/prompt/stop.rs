//! Stopping on purpose, not by a slip: Esc or Ctrl-C at a question asks "Stop here?" first,
//! and a second Ctrl-C there stops at once. Whether the answers so far are kept (as a draft)
//! is said in the question, so it never promises what the caller will not do.

use std::sync::atomic::{AtomicBool, Ordering};

use console::Term;

use super::screen::Screen;
use super::yesno::{self, Mode, YesNo};
use crate::error::{Error, Result};
use crate::lang::Lang;

/// Set by the Ctrl-C handler: Ctrl-C pressed while no prompt was reading keys in raw mode
/// (a prompt in raw mode reads it as a key instead).
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Set when the terminal closes (SIGHUP). The prompt then fails to read, and the run stops
/// like a confirmed stop, without asking (nobody is there to answer), so the answers so far
/// can be kept as a draft instead of dying with the terminal.
pub static HUNG_UP: AtomicBool = AtomicBool::new(false);

/// Catches Ctrl-C so it asks (or cancels, exit 130, cursor restored) instead of killing
/// the process with the cursor hidden; and a closed terminal, so it does not kill it either.
pub fn catch_interrupts() {
    // If a handler is already set (tests, embedding), keep it.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    #[cfg(unix)]
    let _ = signal_hook::flag::register(signal_hook::consts::SIGHUP, &HUNG_UP);
}

/// Whether Ctrl-C was pressed since the last question asked to stop; clears it.
pub fn interrupted() -> bool {
    INTERRUPTED.swap(false, Ordering::SeqCst)
}

/// Whether the terminal has closed.
pub fn hung_up() -> bool {
    HUNG_UP.load(Ordering::SeqCst)
}

/// What "Stop here?" says about the answers so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Kept as a draft, to resume later.
    AsDraft,
    /// Nothing is kept.
    Nothing,
}

/// Asks whether to stop. `Err(Cancelled)` to stop (yes, Ctrl-C again, or the terminal closed);
/// `Ok(())` to carry on (no, Enter, Esc), with the question's line cleared so the caller draws
/// its prompt again.
pub fn ask_to_stop(lang: Lang, kept: Kept) -> Result<()> {
    if hung_up() {
        return Err(Error::Cancelled);
    }
    let question = match kept {
        Kept::AsDraft => lang.pick(
            "Stop here? Your answers are kept as a draft.",
            "要在这里停下吗？已填的回答会保存为草稿。",
        ),
        Kept::Nothing => lang.pick(
            "Stop here? Your answers so far will not be kept.",
            "要在这里停下吗？已填的回答不会保存。",
        ),
    };
    let term = Term::stderr();
    let mut screen = Screen::new(&term);
    let answer = yesno::ask(&mut screen, lang, question, Some(false), Mode::Stop, false)?;
    match answer {
        YesNo::Yes | YesNo::Stop => Err(Error::Cancelled),
        YesNo::No | YesNo::Back | YesNo::Continue => Ok(()),
    }
}
