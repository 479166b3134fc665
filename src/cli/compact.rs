//! `diplograph compact`: rewrite the store as one commit.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

/// Arguments of `compact`.
#[derive(Debug, Parser)]
pub struct CompactArgs {}

/// Locks the store and rewrites it: the graph sections appends superseded go,
/// and each edge's records sit together again. Runs by itself when an append
/// leaves more than half the file superseded. A store of format 3 or later
/// is copied a block at a time; an older one (read whole anyway) is loaded
/// and saved.
pub(super) fn run(store: &Path, _args: CompactArgs) -> anyhow::Result<ExitCode> {
    let before = std::fs::metadata(store).map(|m| m.len()).ok();
    let writer = super::lock_store(store)?;
    match writer.compact()? {
        Some(saved) => super::tell_migrated(&writer, saved),
        None => {
            let mut graph = writer.load()?;
            super::save_store(&writer, &mut graph)?;
        }
    }
    let after = std::fs::metadata(store).map(|m| m.len()).ok();
    eprintln!(
        "diplograph: {}: compacted, {} bytes (was {})",
        super::escape_controls(&store.display().to_string()),
        after.unwrap_or(0),
        before.unwrap_or(0)
    );
    Ok(ExitCode::SUCCESS)
}
