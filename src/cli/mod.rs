//! The command line: clap arguments, one handler per subcommand, all I/O.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

/// Runs the program and returns its exit code.
pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
