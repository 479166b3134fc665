//! `diplograph stats`: what the store holds.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::{OutputFormat, write_output};
use crate::persist;
use crate::query;

/// Arguments of `stats`.
#[derive(Debug, Parser)]
pub struct StatsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// Loads the store and prints its counts.
pub(super) fn run(store: &Path, args: StatsArgs) -> anyhow::Result<ExitCode> {
    // The census section alone: no graph is built.
    let s = query::stats_of(&persist::census(store)?);
    let text = match args.format {
        OutputFormat::Json => serde_json::to_string_pretty(&s)? + "\n",
        OutputFormat::Table => {
            let mut t = String::new();
            writeln!(t, "store      {}", store.display())?;
            writeln!(t, "actors     {}", s.actors)?;
            for (kind, n) in &s.actors_by_kind {
                writeln!(t, "  {kind:<22} {n:>9}")?;
            }
            writeln!(t, "relations  {} edges", s.edges)?;
            writeln!(
                t,
                "  {:<22} {:>9} {:>9} {:>9} {:>9}",
                "", "edges", "evidence", "negated", "hedged"
            )?;
            for (rel, r) in &s.relations {
                writeln!(
                    t,
                    "  {rel:<22} {:>9} {:>9} {:>9} {:>9}",
                    r.edges, r.evidence, r.negated, r.hedged
                )?;
            }
            writeln!(t, "evidence   {}", s.evidence)?;
            writeln!(t, "articles   {}", s.articles)?;
            writeln!(t, "sentences  {} (stored as evidence)", s.sentences)?;
            t
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
