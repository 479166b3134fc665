//! `diplograph actors`: the actors the gazetteer knows, by kind.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;

use super::{OutputFormat, shared_gazetteer, write_output};
use crate::model::ActorKind;

/// Arguments of `actors`.
#[derive(Debug, Parser)]
#[command(after_long_help = "\
Examples:
  diplograph actors --kind organization        every known body
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

pub(super) fn run(args: ActorsArgs) -> anyhow::Result<ExitCode> {
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
