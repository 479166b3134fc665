//! `diplograph actors`: the actors the gazetteer knows, by kind.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;

use super::filter::{FilterArgs, QueryFormat};
use super::top::{ByArg, TopArgs};
use super::{OutputFormat, shared_gazetteer, write_output};
use crate::model::ActorKind;

/// Arguments of `actors`.
#[derive(Debug, Parser)]
#[command(after_long_help = "\
Examples:
  diplograph actors --kind organization        every known body
  diplograph actors --top 10 --by evidence     the most connected actors in the store
  diplograph actors --kind person --format json
  diplograph --gazetteer mine.toml actors      built-ins plus your own file

A gazetteer file (--gazetteer FILE.toml) adds actors or aliases:
  [[actor]]
  id = \"WAGNER\"
  kind = \"organization\"
  country = \"RUS\"
  name = \"Wagner Group\"
  aliases_en = [\"Wagner Group\"]
  aliases_ja = [\"ワグネル\"]
Fields: id, kind, country, name, name_ja, aliases_en, adjectives_en, aliases_ja,
abbr_ja, family_en, family_ja, offices = [{office_of, role, start, end}].")]
pub struct ActorsArgs {
    /// Only actors of this kind.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<ActorKind>,
    /// Instead: the N most connected actors in the store (same as `top N`).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// With --top: rank by degree or by evidence.
    #[arg(long, value_enum, default_value_t = ByArg::Degree, requires = "top")]
    pub by: ByArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

fn parse_kind(s: &str) -> Result<ActorKind, String> {
    s.parse()
        .map_err(|e: crate::model::ModelError| e.to_string())
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    country: Option<&'a str>,
    name: &'a str,
    name_ja: &'a str,
}

pub(super) fn run(store: &std::path::Path, args: ActorsArgs) -> anyhow::Result<ExitCode> {
    if let Some(n) = args.top {
        let format = match args.format {
            OutputFormat::Table => QueryFormat::Table,
            OutputFormat::Json => QueryFormat::Json,
        };
        let filter = FilterArgs {
            min_evidence: 1,
            ..FilterArgs::default()
        };
        return super::top::run(
            store,
            TopArgs {
                n,
                by: args.by,
                filter,
                format,
            },
        );
    }
    let gazetteer = shared_gazetteer()?;
    let rows: Vec<Row<'_>> = gazetteer
        .entries()
        .iter()
        .filter(|e| args.kind.is_none_or(|k| e.actor.kind == k))
        .map(|e| Row {
            id: e.actor.id.as_str(),
            kind: e.actor.kind.as_str(),
            country: e.actor.country.as_ref().map(|c| c.as_str()),
            name: &e.actor.name,
            name_ja: &e.name_ja,
        })
        .collect();
    let text = match args.format {
        OutputFormat::Json => serde_json::to_string_pretty(&rows)? + "\n",
        OutputFormat::Table => {
            let mut t = String::new();
            for r in &rows {
                writeln!(
                    t,
                    "{:<28} {:<13} {:<8} {} / {}",
                    r.id,
                    r.kind,
                    r.country.unwrap_or("-"),
                    r.name,
                    r.name_ja
                )?;
            }
            t
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
