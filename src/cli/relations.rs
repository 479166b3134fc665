//! `diplograph relations A [B]`: what is stored around an actor or between two.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::{OutputFormat, resolve_actor, write_output};
use crate::persist;
use crate::query::{self, RelationRow};

/// Arguments of `relations`.
#[derive(Debug, Parser)]
pub struct RelationsArgs {
    /// The actor (canonical id: RUS, NATO, person:kim-jong-un).
    #[arg(value_name = "A")]
    pub actor: String,
    /// Only what links A and this actor, either direction.
    #[arg(value_name = "B")]
    pub other: Option<String>,
    /// List the evidence sentences of each relation.
    #[arg(long)]
    pub evidence: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// Loads the store, asks [`query::relations`], prints the rows.
pub(super) fn run(store: &Path, args: RelationsArgs) -> anyhow::Result<ExitCode> {
    let a = resolve_actor(&args.actor)?;
    let b = args.other.as_deref().map(resolve_actor).transpose()?;
    let graph = persist::load(store)?;
    let rows = query::relations(&graph, &a, b.as_ref(), args.evidence)?;
    let text = match args.format {
        super::OutputFormat::Json => serde_json::to_string_pretty(&rows)? + "\n",
        super::OutputFormat::Table => table(&rows)?,
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn table(rows: &[RelationRow]) -> anyhow::Result<String> {
    let mut t = String::new();
    if rows.is_empty() {
        writeln!(t, "no relations stored")?;
        return Ok(t);
    }
    let w = |f: &dyn Fn(&RelationRow) -> usize, min: usize| {
        rows.iter().map(f).max().unwrap_or(0).max(min)
    };
    let ws = w(&|r| r.source.as_str().len(), 6);
    let wr = w(&|r| r.relation.as_str().len(), 8);
    let wt = w(&|r| r.target.as_str().len(), 6);
    writeln!(
        t,
        "{:<ws$}  {:<wr$}    {:<wt$}  {:>8} {:>8} {:>7} {:>6} {:>8}",
        "source", "relation", "target", "evidence", "asserted", "negated", "hedged", "articles"
    )?;
    for r in rows {
        let arrow = if r.symmetric { "<->" } else { "-->" };
        writeln!(
            t,
            "{:<ws$}  {:<wr$} {arrow} {:<wt$}  {:>8} {:>8} {:>7} {:>6} {:>8}",
            r.source.as_str(),
            r.relation.as_str(),
            r.target.as_str(),
            r.evidence,
            r.asserted,
            r.negated,
            r.hedged,
            r.articles
        )?;
        for e in &r.sentences {
            let flag = match (e.negated, e.hedged) {
                (true, _) => " DENIED",
                (false, true) => " hedged",
                _ => "",
            };
            let date = e.date.map(|d| format!(" {d}")).unwrap_or_default();
            let by = if e.attributed_to.is_empty() {
                String::new()
            } else {
                let ids: Vec<&str> = e.attributed_to.iter().map(|a| a.as_str()).collect();
                format!(" according to {}", ids.join(", "))
            };
            writeln!(
                t,
                "    [{}#{}{date}]{flag}{by} {}",
                e.article, e.sentence, e.text
            )?;
        }
    }
    Ok(t)
}
