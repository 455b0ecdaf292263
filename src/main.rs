//! The `wallet-help` binary: everything happens in the library's `run`.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(wallet_help::run(&std::env::args_os().collect::<Vec<_>>()))
}
