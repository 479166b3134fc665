//! `diplograph top [N]`: the most connected actors in the store.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use super::filter::{FilterArgs, QueryFormat};
use super::write_output;
use crate::export::csv::push_record;
use crate::model::Relation;
use crate::persist;
use crate::query::{self, TopBy};

/// How to rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// Number of edges (distinct relation and partner pairs).
    Degree,
    /// Number of evidence records on those edges.
    Evidence,
}

/// Arguments of `top`.
#[derive(Debug, Parser)]
pub struct TopArgs {
    /// How many actors to list.
    #[arg(value_name = "N", default_value_t = 20)]
    pub n: usize,
    /// Rank by degree or by evidence.
    #[arg(long, value_enum, default_value_t = ByArg::Degree)]
    pub by: ByArg,
    /// Filters. `leader_of` (holding an office) is not counted unless
    /// `--relation leader_of` names it.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// Loads the store, asks [`query::top_actors`], prints the ranking.
pub(super) fn run(store: &Path, args: TopArgs) -> anyhow::Result<ExitCode> {
    let mut filter = args.filter.to_filter()?;
    if !filter.relations.contains(&Relation::LeaderOf) {
        // Holding an office is no relation between actors: Peskov's office
        // would otherwise count as much as a state's alliance.
        filter.excluded.push(Relation::LeaderOf);
    }
    let by = match args.by {
        ByArg::Degree => TopBy::Degree,
        ByArg::Evidence => TopBy::Evidence,
    };
    let rows = if query::is_census_filter(&filter) {
        // The ranking without filter flags comes from the census section.
        query::top_of(&persist::census(store)?, args.n, by)
    } else {
        let graph = persist::open(store)?;
        let rows = query::top_actors(&graph, args.n, by, &filter);
        super::evidence_ok(&graph)?;
        rows
    };
    let text = match args.format {
        QueryFormat::Json => serde_json::to_string_pretty(&rows)? + "\n",
        QueryFormat::Table => {
            let mut t = String::new();
            let w = rows
                .iter()
                .map(|r| r.actor.as_str().len())
                .max()
                .unwrap_or(0)
                .max(5);
            writeln!(
                t,
                "{:>4}  {:<w$}  {:<12} {:>6} {:>8}  name",
                "rank", "actor", "kind", "degree", "evidence"
            )?;
            for (i, r) in rows.iter().enumerate() {
                writeln!(
                    t,
                    "{:>4}  {:<w$}  {:<12} {:>6} {:>8}  {}",
                    i + 1,
                    r.actor.as_str(),
                    r.kind.as_str(),
                    r.degree,
                    r.evidence,
                    r.name
                )?;
            }
            t
        }
        QueryFormat::Csv => {
            let mut out = String::new();
            push_record(
                &mut out,
                &["rank", "actor", "kind", "name", "degree", "evidence"],
            );
            for (i, r) in rows.iter().enumerate() {
                push_record(
                    &mut out,
                    &[
                        (i + 1).to_string(),
                        r.actor.to_string(),
                        r.kind.to_string(),
                        r.name.clone(),
                        r.degree.to_string(),
                        r.evidence.to_string(),
                    ],
                );
            }
            out
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
