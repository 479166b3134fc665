//! `diplograph export dot|jsonl [-o FILE]`: the whole store as Graphviz DOT or as
//! JSONL claims (the import format, so a store can be rebuilt or migrated).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use super::write_output;
use crate::export::{dot, jsonl};
use crate::persist;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT (render with `dot -Tsvg` or, for large graphs, `sfdp`).
    Dot,
    /// One JSON claim per line, as `import` reads.
    Jsonl,
}

/// Arguments of `export`.
#[derive(Debug, Parser)]
pub struct ExportArgs {
    /// What to write.
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// Write here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Loads the store, renders it, writes the bytes.
pub(super) fn run(store: &Path, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let graph = persist::load(store)?;
    let bytes = match args.format {
        ExportFormat::Dot => dot::to_dot(&graph),
        ExportFormat::Jsonl => {
            let claims: Vec<_> = graph.claims().collect();
            jsonl::claims_to_jsonl(&claims)
        }
    };
    write_output(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
