//! `diplograph timeline A [B]`: dated evidence around an actor, oldest first.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::filter::{DirectionArg, FilterArgs, QueryFormat};
use super::{resolve_actor, write_output};
use crate::export::csv::push_record;
use crate::query;

/// Arguments of `timeline`.
#[derive(Debug, Parser)]
pub struct TimelineArgs {
    /// The actor (any alias).
    #[arg(value_name = "A")]
    pub actor: String,
    /// Only what links A and this actor.
    #[arg(value_name = "B")]
    pub other: Option<String>,
    /// Only edges A is the source of (out), the target of (in), or both.
    #[arg(long, value_enum, default_value_t = DirectionArg::Both)]
    pub direction: DirectionArg,
    /// Only A (and B) themselves: by default a state's timeline also shows the
    /// persons and national bodies that serve it (Kim Jong Un for PRK), as
    /// themselves.
    #[arg(long)]
    pub exact: bool,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// One table line of `r`: `DATE  S R --> T[ FLAG]  [ARTICLE#N] TEXT`.
/// Pieces are pushed rather than formatted, which cost as much as reading
/// the records on a timeline of 27,590 rows.
fn push_row(t: &mut String, r: &query::TimelineEntry<'_>) -> std::fmt::Result {
    let arrow = if r.relation.is_symmetric() {
        " <-> "
    } else {
        " --> "
    };
    let flag = match (r.evidence.negated, r.evidence.hedged) {
        (true, _) => " DENIED",
        (false, true) => " hedged",
        _ => "",
    };
    write!(t, "{}  ", r.date)?;
    for piece in [
        r.source.as_str(),
        " ",
        r.relation.as_str(),
        arrow,
        r.target.as_str(),
        flag,
        "  [",
        &r.evidence.article.0,
    ] {
        t.push_str(piece);
    }
    writeln!(t, "#{}] {}", r.evidence.sentence, r.evidence.text)
}

/// Loads the edges around A (and B), asks [`query::timeline_in_order`], prints the
/// dated records.
pub(super) fn run(store: &Path, args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let a = resolve_actor(&args.actor)?;
    let b = args.other.as_deref().map(resolve_actor).transpose()?;
    let filter = args.filter.to_filter()?;
    let graph = super::load_part(store, true, |o| match &b {
        Some(b) => query::scope::between(o, &a, b),
        None => query::scope::around(o, &[&a]),
    })?;
    let timeline = super::answer_or_empty(query::timeline_in_order(
        &graph,
        &a,
        b.as_ref(),
        args.direction.into(),
        &filter,
        !args.exact,
    ))?;
    super::evidence_ok(&graph)?;
    let rows: Vec<query::TimelineEntry<'_>> = timeline.entries().collect();
    let text = match args.format {
        QueryFormat::Json => serde_json::to_string_pretty(&rows)? + "\n",
        QueryFormat::Table => {
            let mut t = String::new();
            if rows.is_empty() {
                writeln!(t, "no dated evidence")?;
            }
            for r in &rows {
                push_row(&mut t, r)?;
            }
            t
        }
        QueryFormat::Csv => {
            let mut out = String::new();
            push_record(
                &mut out,
                &[
                    "date", "source", "relation", "target", "negated", "hedged", "article",
                    "sentence", "text",
                ],
            );
            for r in &rows {
                push_record(
                    &mut out,
                    &[
                        r.date.to_string(),
                        r.source.to_string(),
                        r.relation.to_string(),
                        r.target.to_string(),
                        r.evidence.negated.to_string(),
                        r.evidence.hedged.to_string(),
                        r.evidence.article.to_string(),
                        r.evidence.sentence.to_string(),
                        r.evidence.text.clone(),
                    ],
                );
            }
            out
        }
    };
    write_output(None, text.as_bytes())?;
    drop(rows);
    super::leave_to_exit((graph, timeline, text));
    Ok(ExitCode::SUCCESS)
}
