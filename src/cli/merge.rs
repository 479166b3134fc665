//! `diplograph merge STORE... -o OUT`: merge stores into OUT.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::persist::{self, StoreWriter};

/// Arguments of `merge`.
#[derive(Debug, Parser)]
pub struct MergeArgs {
    /// Stores to merge.
    #[arg(required = true, value_name = "STORE")]
    pub stores: Vec<PathBuf>,
    /// The store to merge into (created when missing; what it holds is kept).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
}

/// Loads every input, then locks OUT, merges them into it and saves.
pub(super) fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let inputs = args
        .stores
        .iter()
        .map(|p| persist::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let writer = StoreWriter::lock(&args.output)?;
    let mut graph = writer.load()?;
    for g in &inputs {
        graph.merge(g);
    }
    writer.save(&graph)?;
    Ok(ExitCode::SUCCESS)
}
