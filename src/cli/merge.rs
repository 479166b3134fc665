//! `diplograph merge STORE... -o OUT`: merge stores into OUT.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::persist::{self, StoreFile};

/// Arguments of `merge`.
#[derive(Debug, Parser)]
pub struct MergeArgs {
    /// Stores to merge.
    #[arg(required = true, value_name = "STORE")]
    pub stores: Vec<PathBuf>,
    /// The store to merge into (created when missing; what it holds is kept).
    #[arg(short, long, value_name = "OUT", visible_alias = "into", alias = "to")]
    pub output: PathBuf,
}

/// Loads every input, then locks OUT, merges them into it and saves.
///
/// OUT may be one of the inputs (merging a store into itself changes nothing),
/// but not an input's lock file: a store renamed over a lock file breaks the
/// lock of every writer of that input.
pub(super) fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    for input in &args.stores {
        if persist::store_file_at(input, &args.output) == Some(StoreFile::Lock) {
            anyhow::bail!(
                "-o {}: that is the lock file of the input store {}; merge into another file",
                args.output.display(),
                input.display()
            );
        }
    }
    let inputs = args
        .stores
        .iter()
        .map(|p| persist::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let writer = super::lock_store(&args.output)?;
    let mut graph = writer.load()?;
    let (mut actors, mut edges, mut evidence) = (0, 0, 0);
    for g in &inputs {
        let added = graph.merge(g);
        actors += added.new_actors;
        edges += added.new_edges;
        evidence += added.new_evidence;
    }
    super::save_store(&writer, &mut graph)?;
    eprintln!(
        "diplograph: {}: {} stores merged; {actors} new actors, {edges} new relations, {evidence} new evidence; it now holds {} actors, {} relations, {} evidence from {} articles",
        args.output.display(),
        inputs.len(),
        graph.actor_count(),
        graph.edge_count(),
        graph.evidence_count(),
        graph.article_count()
    );
    Ok(ExitCode::SUCCESS)
}
