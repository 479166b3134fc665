//! Flags shared by the queries and exports: relation, date, evidence, denial and
//! roll-up filters, the answer format, and the table/CSV writers of relation rows.

use std::fmt::Write as _;

use clap::{Args, ValueEnum};

use crate::export::csv::push_record;
use crate::model::{Date, Relation};
use crate::query::{Filter, RelationRow, Side};

/// Filter flags (`#[command(flatten)]` them).
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only these relations (comma-separated ontology names: sanctions,arms_supply);
    /// `!R` leaves R out instead (`--relation '!leader_of'`).
    #[arg(
        long = "relation",
        value_name = "R,...",
        value_delimiter = ',',
        allow_hyphen_values = true
    )]
    pub relations: Vec<String>,
    /// Only `leader_of` records of these offices (head_of_state,
    /// head_of_government, minister, spokesperson, ambassador, envoy, official).
    #[arg(long = "role", value_name = "ROLE,...", value_delimiter = ',')]
    pub roles: Vec<String>,
    /// Only evidence dated on or after this day (YYYY-MM-DD; undated evidence is left out).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only evidence dated on or before this day (YYYY-MM-DD; undated evidence is left out).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only edges with at least N evidence records (after the other filters).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_evidence: usize,
    /// Also count sentences that deny a relation (marked as denied); by default a
    /// denial is never shown as a fact.
    #[arg(long)]
    pub include_negated: bool,
    /// Only evidence stated as fact: drop hedged records (expected, planned,
    /// alleged ...) as denials are dropped.
    #[arg(long, conflicts_with = "include_negated")]
    pub asserted_only: bool,
    /// Roll persons and national bodies up to the state they serve.
    #[arg(long)]
    pub by_state: bool,
}

impl FilterArgs {
    /// The validated filter.
    pub fn to_filter(&self) -> anyhow::Result<Filter> {
        let (mut relations, mut excluded) = (Vec::new(), Vec::new());
        for r in self
            .relations
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
        {
            match r.strip_prefix('!') {
                Some(out) => excluded.push(parse_relation(out)?),
                None => relations.push(parse_relation(r)?),
            }
        }
        let roles = self
            .roles
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
            .map(|r| {
                r.to_lowercase()
                    .replace('-', "_")
                    .parse::<crate::model::Role>()
                    .map_err(|e| anyhow::anyhow!("--role: {e}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let date = |flag: &str, v: &Option<String>| -> anyhow::Result<Option<Date>> {
            v.as_deref()
                .map(|s| {
                    s.trim().parse::<Date>().map_err(|_| {
                        anyhow::anyhow!(
                            "--{flag} `{s}`: not a date; write it as YYYY-MM-DD (2025-03-01)"
                        )
                    })
                })
                .transpose()
        };
        let filter = Filter {
            relations,
            excluded,
            roles,
            since: date("since", &self.since)?,
            until: date("until", &self.until)?,
            min_evidence: self.min_evidence,
            include_negated: self.include_negated,
            asserted_only: self.asserted_only,
            by_state: self.by_state,
        };
        if let (Some(s), Some(u)) = (filter.since, filter.until)
            && s > u
        {
            anyhow::bail!("--since {s} is after --until {u}; swap them");
        }
        Ok(filter)
    }
}

/// Parses a relation name (also `arms-supply`, `Sanctions`).
pub(super) fn parse_relation(s: &str) -> anyhow::Result<Relation> {
    let norm = s.trim().to_lowercase().replace('-', "_");
    norm.parse::<Relation>().map_err(|_| {
        anyhow::anyhow!(
            "relation `{s}` is not in the ontology; use one of {}",
            Relation::names().join(", ")
        )
    })
}

/// Which side of an actor the edges are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Edges the actor is the source of (and symmetric ones).
    Out,
    /// Edges the actor is the target of (and symmetric ones).
    In,
    /// Either.
    Both,
}

impl From<DirectionArg> for Side {
    fn from(d: DirectionArg) -> Side {
        match d {
            DirectionArg::Out => Side::Out,
            DirectionArg::In => Side::In,
            DirectionArg::Both => Side::Both,
        }
    }
}

/// Format of query answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Aligned text for people.
    Table,
    /// JSON for programs.
    Json,
    /// CSV with a header line, for spreadsheets.
    Csv,
}

/// Relation rows as an aligned table; a row only ever denied is marked
/// `DENIED`, one only ever hedged `HEDGED`; sentences `DENIED` or `hedged`.
pub(super) fn relation_table(rows: &[RelationRow]) -> anyhow::Result<String> {
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
        let denied = if r.negated > 0 && r.negated == r.evidence {
            "  DENIED"
        } else if r.asserted == 0 && r.hedged > 0 {
            "  HEDGED"
        } else {
            ""
        };
        let roles = if r.roles.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = r.roles.iter().map(|x| x.as_str()).collect();
            format!("  {}", names.join(","))
        };
        writeln!(
            t,
            "{:<ws$}  {:<wr$} {arrow} {:<wt$}  {:>8} {:>8} {:>7} {:>6} {:>8}{denied}{roles}",
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
            push_sentence(&mut t, e)?;
        }
    }
    Ok(t)
}

/// One evidence line under a relation:
/// `    [ARTICLE#N DATE] FLAG according to A, B TEXT`. Pieces are pushed rather
/// than formatted (as `timeline` does): through `writeln!`, with a `format!`
/// for the date and the attributions, a pair with 27,617 sentences spent as
/// much on its lines as on reading their records.
fn push_sentence(t: &mut String, e: &crate::query::EvidenceRow) -> std::fmt::Result {
    let flag = match (e.negated, e.hedged) {
        (true, _) => " DENIED",
        (false, true) => " hedged",
        _ => "",
    };
    t.push_str("    [");
    t.push_str(&e.article.0);
    write!(t, "#{}", e.sentence)?;
    if let Some(d) = e.date {
        write!(t, " {d}")?;
    }
    t.push(']');
    t.push_str(flag);
    for (i, by) in e.attributed_to.iter().enumerate() {
        t.push_str(if i == 0 { " according to " } else { ", " });
        t.push_str(by.as_str());
    }
    t.push(' ');
    t.push_str(&e.text);
    t.push('\n');
    Ok(())
}

/// Relation rows as CSV: one line per row, or with sentences one line per
/// sentence (the row's columns repeated).
pub(super) fn relation_csv(rows: &[RelationRow], with_evidence: bool) -> String {
    let mut out = String::new();
    let mut head = vec![
        "source",
        "relation",
        "target",
        "symmetric",
        "evidence",
        "asserted",
        "negated",
        "hedged",
        "articles",
    ];
    if with_evidence {
        head.extend([
            "article",
            "date",
            "sentence",
            "negated_here",
            "hedged_here",
            "text",
        ]);
    }
    push_record(&mut out, &head);
    for r in rows {
        let base = vec![
            r.source.to_string(),
            r.relation.to_string(),
            r.target.to_string(),
            r.symmetric.to_string(),
            r.evidence.to_string(),
            r.asserted.to_string(),
            r.negated.to_string(),
            r.hedged.to_string(),
            r.articles.to_string(),
        ];
        if !with_evidence {
            push_record(&mut out, &base);
            continue;
        }
        for e in &r.sentences {
            let mut rec = base.clone();
            rec.extend([
                e.article.to_string(),
                e.date.map(|d| d.to_string()).unwrap_or_default(),
                e.sentence.to_string(),
                e.negated.to_string(),
                e.hedged.to_string(),
                e.text.clone(),
            ]);
            push_record(&mut out, &rec);
        }
    }
    out
}
