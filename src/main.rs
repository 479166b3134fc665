//! The `diplograph` binary: a thin shell around [`diplograph::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    diplograph::cli::main()
}
