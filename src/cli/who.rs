//! `diplograph who RELATION [--source A | --target B]`: who does what to whom.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::filter::{FilterArgs, QueryFormat, parse_relation, relation_csv, relation_table};
use super::{resolve_actor, write_output};
use crate::query;

/// Arguments of `who`.
#[derive(Debug, Parser)]
pub struct WhoArgs {
    /// The relation (sanctions, arms_supply, visit ...; `diplograph ontology` lists them).
    #[arg(value_name = "RELATION")]
    pub relation: String,
    /// Only edges from this actor ("whom does North Korea arm?": `who arms_supply --source PRK`).
    #[arg(long, value_name = "A")]
    pub source: Option<String>,
    /// Only edges to this actor ("who sanctions Russia?": `who sanctions --target RUS`).
    /// For symmetric relations (alliance, summit ...) either end matches.
    #[arg(long, value_name = "B")]
    pub target: Option<String>,
    /// List the evidence sentences of each row.
    #[arg(long)]
    pub evidence: bool,
    /// Filters (`--relation` is refused: RELATION decides).
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// Loads the edges around the fixed ends (or of RELATION), asks
/// [`query::who`], prints the rows (most evidence first).
pub(super) fn run(store: &Path, args: WhoArgs) -> anyhow::Result<ExitCode> {
    let relation = parse_relation(&args.relation)?;
    if !args.filter.relations.is_empty() {
        anyhow::bail!(
            "--relation: `who` asks about one relation, its argument ({relation}); drop --relation, or use `relations A --relation R,...`"
        );
    }
    let source = args.source.as_deref().map(resolve_actor).transpose()?;
    let target = args.target.as_deref().map(resolve_actor).transpose()?;
    let filter = args.filter.to_filter()?;
    let ends: Vec<&crate::model::ActorId> = source.iter().chain(target.iter()).collect();
    let records = args.evidence || filter.reads_records();
    let graph = super::load_part(store, records, |o| match ends[..] {
        [] => query::scope::of_relation(o, relation),
        [s, t] => query::scope::between(o, s, t),
        _ => query::scope::of_relation_around(o, relation, &ends),
    })?;
    let rows = super::answer_or_empty(query::who(
        &graph,
        relation,
        source.as_ref(),
        target.as_ref(),
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
    Ok(ExitCode::SUCCESS)
}
