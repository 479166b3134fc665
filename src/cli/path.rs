//! `diplograph path A B`: the shortest chains of relations between two actors.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::filter::{FilterArgs, QueryFormat};
use super::{resolve_actor, write_output};
use crate::export::csv::push_record;
use crate::query::{self, Chain};

/// Arguments of `path`.
#[derive(Debug, Parser)]
pub struct PathArgs {
    /// Where chains start (any alias).
    #[arg(value_name = "A")]
    pub from: String,
    /// Where chains end (any alias).
    #[arg(value_name = "B")]
    pub to: String,
    /// The most hops a chain may have.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub max_len: usize,
    /// Filters: which edges may be walked (in either direction).
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format (CSV: one line per hop and relation, numbered by chain).
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// Asks [`query::path`] of the store, prints the chains.
pub(super) fn run(store: &Path, args: PathArgs) -> anyhow::Result<ExitCode> {
    let a = resolve_actor(&args.from)?;
    let b = resolve_actor(&args.to)?;
    let filter = args.filter.to_filter()?;
    let chains = match crate::persist::Section::open(store)? {
        Some(section) => chains_in(&section, &a, &b, args.max_len, &filter)?,
        None => {
            let graph = super::load_for_query(store, false)?;
            let chains = query::path(&graph, &a, &b, args.max_len, &filter);
            super::evidence_ok(&graph)?;
            super::answer_or_empty(chains)?
        }
    };
    let text = match args.format {
        QueryFormat::Json => serde_json::to_string_pretty(&chains)? + "\n",
        QueryFormat::Table => table(&chains, &a, &b, args.max_len)?,
        QueryFormat::Csv => csv(&chains),
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// [`query::path`] on parts of the store (see [`query::scope::path_in_parts`]).
fn chains_in(
    section: &crate::persist::Section,
    a: &crate::model::ActorId,
    b: &crate::model::ActorId,
    max_len: usize,
    filter: &query::Filter,
) -> anyhow::Result<Vec<Chain>> {
    let records = filter.reads_records();
    let (graph, chains) =
        query::scope::path_in_parts(section.index(), (a, b), max_len, filter, |edges| {
            super::with_roles(section.graph(edges, records)?)
        })?;
    super::evidence_ok(&graph)?;
    super::answer_or_empty(chains)
}

fn table(
    chains: &[Chain],
    a: &crate::model::ActorId,
    b: &crate::model::ActorId,
    max_len: usize,
) -> anyhow::Result<String> {
    let mut t = String::new();
    if chains.is_empty() {
        writeln!(
            t,
            "no chain of {max_len} hops or fewer links {a} and {b}; try a larger --max-len or fewer filters"
        )?;
        return Ok(t);
    }
    let hops = chains[0].hops.len();
    writeln!(
        t,
        "{} shortest chain{} of {hops} hop{}{}",
        chains.len(),
        if chains.len() == 1 { "" } else { "s" },
        if hops == 1 { "" } else { "s" },
        if chains.len() == query::MAX_CHAINS {
            " (first ones only)"
        } else {
            ""
        }
    )?;
    for (i, c) in chains.iter().enumerate() {
        write!(t, "{:>2}. {}", i + 1, c.actors[0])?;
        for h in &c.hops {
            let rels: Vec<String> = h
                .relations
                .iter()
                .map(|r| {
                    let (l, rr) = match r.direction {
                        query::HopDirection::Forward => ("-", "->"),
                        query::HopDirection::Backward => ("<-", "-"),
                        query::HopDirection::Symmetric => ("<-", "->"),
                    };
                    format!("{l}{}({}){rr}", r.relation, r.evidence)
                })
                .collect();
            write!(t, " {} {}", rels.join(" "), h.to)?;
        }
        writeln!(t)?;
    }
    Ok(t)
}

fn csv(chains: &[Chain]) -> String {
    let mut out = String::new();
    push_record(
        &mut out,
        &[
            "chain",
            "hop",
            "from",
            "to",
            "relation",
            "direction",
            "evidence",
        ],
    );
    for (i, c) in chains.iter().enumerate() {
        for (j, h) in c.hops.iter().enumerate() {
            for r in &h.relations {
                let dir = serde_json::to_value(r.direction)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                push_record(
                    &mut out,
                    &[
                        (i + 1).to_string(),
                        (j + 1).to_string(),
                        h.from.to_string(),
                        h.to.to_string(),
                        r.relation.to_string(),
                        dir,
                        r.evidence.to_string(),
                    ],
                );
            }
        }
    }
    out
}
