//! `diplograph relations A [B]`: what is stored around an actor or between two.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::filter::{DirectionArg, FilterArgs, QueryFormat, relation_csv, relation_table};
use super::{resolve_actor, write_output};
use crate::query;

/// Arguments of `relations`.
#[derive(Debug, Parser)]
pub struct RelationsArgs {
    /// The actor: any alias in any language (RUS, Russia, ロシア, person:kim-jong-un).
    #[arg(value_name = "A")]
    pub actor: String,
    /// Only what links A and this actor, either direction.
    #[arg(value_name = "B")]
    pub other: Option<String>,
    /// List the evidence sentences of each relation.
    #[arg(long)]
    pub evidence: bool,
    /// Only edges A is the source of (out), the target of (in), or both; symmetric
    /// relations count as both.
    #[arg(long, value_enum, default_value_t = DirectionArg::Both)]
    pub direction: DirectionArg,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// Loads the edges around A (and B), asks [`query::relations_filtered`],
/// prints the rows.
pub(super) fn run(store: &Path, args: RelationsArgs) -> anyhow::Result<ExitCode> {
    let a = resolve_actor(&args.actor)?;
    let b = args.other.as_deref().map(resolve_actor).transpose()?;
    let filter = args.filter.to_filter()?;
    let records = args.evidence || filter.reads_records();
    let graph = super::load_part(store, records, |o| match &b {
        Some(b) => query::scope::between(o, &a, b),
        None => query::scope::around(o, &[&a]),
    })?;
    let rows = super::answer_or_empty(query::relations_filtered(
        &graph,
        &a,
        b.as_ref(),
        args.direction.into(),
        &filter,
        args.evidence,
    ))?;
    super::evidence_ok(&graph)?;
    let text = match args.format {
        QueryFormat::Json => serde_json::to_string_pretty(&rows)? + "\n",
        QueryFormat::Table => relation_table(&rows)?,
        QueryFormat::Csv => relation_csv(&rows, args.evidence),
    };
    write_output(None, text.as_bytes())?;
    super::leave_to_exit((graph, rows, text));
    Ok(ExitCode::SUCCESS)
}
