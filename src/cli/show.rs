//! `diplograph show ACTOR`: one actor's ids, names, aliases, offices, and what the
//! store holds about it.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;

use super::{OutputFormat, resolve_actor, shared_gazetteer, write_output};
use crate::gazetteer::Office;
use crate::persist::{self, PersistError};

/// Arguments of `show`.
#[derive(Debug, Parser)]
#[command(after_long_help = "\
Examples:
  diplograph show ロシア
  diplograph show \"Kim Jong Un\"
  diplograph show NATO --format json")]
pub struct ShowArgs {
    /// The actor: any alias in any language, or its id.
    pub actor: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

#[derive(Serialize)]
struct Shown<'a> {
    id: &'a str,
    kind: &'a str,
    country: Option<&'a str>,
    name: &'a str,
    name_ja: &'a str,
    aliases_en: &'a [String],
    adjectives_en: &'a [String],
    aliases_ja: &'a [String],
    abbr_ja: &'a [String],
    /// Korean names, left out when there are none.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases_ko: &'a [String],
    offices: Vec<ShownOffice<'a>>,
    /// Edges around it in the store (absent when there is no store).
    stored_relations: Option<usize>,
}

#[derive(Serialize)]
struct ShownOffice<'a> {
    office_of: &'a str,
    role: &'a str,
    start: &'a str,
    end: Option<&'a str>,
}

impl<'a> From<&'a Office> for ShownOffice<'a> {
    fn from(o: &'a Office) -> Self {
        ShownOffice {
            office_of: o.office_of.as_str(),
            role: &o.role,
            start: &o.start,
            end: o.end.as_deref(),
        }
    }
}

pub(super) fn run(store: &std::path::Path, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let id = resolve_actor(&args.actor)?;
    let gazetteer = shared_gazetteer()?;
    let stored = match persist::open(store) {
        Ok(g) => Some(g.edges_of(&id).len()),
        Err(PersistError::Missing { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let Some(e) = gazetteer.get(&id) else {
        anyhow::bail!(
            "{id}: not in the gazetteer ({} stored relations); add it with --gazetteer FILE.toml",
            stored.unwrap_or(0)
        );
    };
    let shown = Shown {
        id: e.actor.id.as_str(),
        kind: e.actor.kind.as_str(),
        country: e.actor.country.as_ref().map(|c| c.as_str()),
        name: &e.actor.name,
        name_ja: &e.name_ja,
        aliases_en: &e.aliases_en,
        adjectives_en: &e.adjectives_en,
        aliases_ja: &e.aliases_ja,
        abbr_ja: &e.abbr_ja,
        aliases_ko: &e.aliases_ko,
        offices: e.offices.iter().map(ShownOffice::from).collect(),
        stored_relations: stored,
    };
    let text = match args.format {
        OutputFormat::Json => serde_json::to_string_pretty(&shown)? + "\n",
        OutputFormat::Table => {
            let mut t = String::new();
            writeln!(t, "id           {}", shown.id)?;
            writeln!(t, "kind         {}", shown.kind)?;
            writeln!(t, "country      {}", shown.country.unwrap_or("-"))?;
            writeln!(t, "name         {} / {}", shown.name, shown.name_ja)?;
            writeln!(t, "aliases      {}", shown.aliases_en.join(", "))?;
            if !shown.adjectives_en.is_empty() {
                writeln!(t, "adjectives   {}", shown.adjectives_en.join(", "))?;
            }
            writeln!(t, "aliases (ja) {}", shown.aliases_ja.join("、"))?;
            if !shown.abbr_ja.is_empty() {
                writeln!(t, "in compounds {}", shown.abbr_ja.join("、"))?;
            }
            if !shown.aliases_ko.is_empty() {
                writeln!(t, "aliases (ko) {}", shown.aliases_ko.join(", "))?;
            }
            for o in &shown.offices {
                writeln!(
                    t,
                    "office       {} of {}, {} to {}",
                    o.role,
                    o.office_of,
                    o.start,
                    o.end.unwrap_or("now")
                )?;
            }
            match shown.stored_relations {
                Some(n) => writeln!(t, "in the store {n} relations ({})", store.display())?,
                None => writeln!(t, "in the store no store at {}", store.display())?,
            }
            t
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
