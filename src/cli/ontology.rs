//! `diplograph ontology`: the relations of the ontology, one line each, from
//! the table in `model` (the README's relation table is generated from it).

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use serde::Serialize;

use super::write_output;
use crate::model::{Relation, RelationClass};

/// Formats of `ontology`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OntologyFormat {
    /// One line per relation: name, ends, class, CAMEO, PLOVER, meaning.
    Table,
    /// The README's Markdown table.
    Markdown,
    /// A JSON array of relations.
    Json,
}

/// Arguments of `ontology`.
#[derive(Debug, Parser)]
pub struct OntologyArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OntologyFormat::Table)]
    pub format: OntologyFormat,
}

#[derive(Serialize)]
struct Row {
    relation: &'static str,
    direction: &'static str,
    class: &'static str,
    cameo: &'static str,
    plover: &'static str,
    meaning: &'static str,
}

fn class(r: Relation) -> &'static str {
    match r.class() {
        RelationClass::Tie => "tie",
        RelationClass::Event => "event",
    }
}

fn rows() -> Vec<Row> {
    Relation::ALL
        .iter()
        .map(|&r| Row {
            relation: r.as_str(),
            direction: r.ends(),
            class: class(r),
            cameo: r.cameo(),
            plover: r.plover(),
            meaning: r.meaning(),
        })
        .collect()
}

/// The relation table in Markdown, as the README shows it.
pub(super) fn markdown() -> String {
    let mut t = String::from(
        "| relation | direction | class | CAMEO | PLOVER | meaning |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    for r in rows() {
        let _ = writeln!(
            t,
            "| `{}` | {} | {} | {} | {} | {} |",
            r.relation, r.direction, r.class, r.cameo, r.plover, r.meaning
        );
    }
    t
}

fn table() -> String {
    let rows = rows();
    let w = |f: &dyn Fn(&Row) -> usize| rows.iter().map(f).max().unwrap_or(0);
    let (wr, wd, wc, wp) = (
        w(&|r| r.relation.len()).max(8),
        w(&|r| r.direction.len()),
        w(&|r| r.cameo.len()).max(5),
        w(&|r| r.plover.len()).max(6),
    );
    let mut t = String::new();
    let _ = writeln!(
        t,
        "{:<wr$}  {:<wd$}  {:<5}  {:<wc$}  {:<wp$}  meaning",
        "relation", "direction", "class", "CAMEO", "PLOVER"
    );
    for r in &rows {
        let _ = writeln!(
            t,
            "{:<wr$}  {:<wd$}  {:<5}  {:<wc$}  {:<wp$}  {}",
            r.relation, r.direction, r.class, r.cameo, r.plover, r.meaning
        );
    }
    t
}

/// Prints the relations.
pub(super) fn run(args: OntologyArgs) -> anyhow::Result<ExitCode> {
    let text = match args.format {
        OntologyFormat::Table => table(),
        OntologyFormat::Markdown => markdown(),
        OntologyFormat::Json => serde_json::to_string_pretty(&rows())? + "\n",
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relation_has_one_line_with_codes_and_meaning() {
        let t = table();
        assert_eq!(t.lines().count(), Relation::ALL.len() + 1);
        let sanctions = t.lines().find(|l| l.starts_with("sanctions ")).unwrap();
        for part in ["imposer -> target", "event", "163", "SANCTION"] {
            assert!(sanctions.contains(part), "{sanctions}");
        }
        assert!(markdown().contains("| `alliance` | symmetric | tie | 057 |"));
    }
}
