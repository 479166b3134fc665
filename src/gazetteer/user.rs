//! A user's gazetteer file (`--gazetteer FILE.toml`): actors and aliases added to,
//! or overriding, the built-in tables.
//!
//! ```toml
//! [[actor]]
//! id = "WAGNER"
//! kind = "organization"
//! country = "RUS"
//! name = "Wagner Group"
//! name_ja = "ワグネル"
//! aliases_en = ["Wagner Group", "Wagner"]
//! aliases_ja = ["ワグネル"]
//!
//! [[actor]]
//! id = "person:prigozhin-yevgeny"
//! kind = "person"
//! country = "RUS"
//! name = "Yevgeny Prigozhin"
//! family_en = ["Prigozhin"]
//! family_ja = ["プリゴジン"]
//! family_ko = ["프리고진"]
//! offices = [{ office_of = "WAGNER", role = "leader", start = "2014", end = "2023-08-23" }]
//! ```
//!
//! An entry whose id is built in adds aliases to it; its `name`, when given,
//! replaces the built-in display name.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::{Entry, Gazetteer, Office};
use crate::model::{Actor, ActorId, ActorKind};

/// A gazetteer file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum UserFileError {
    /// The file cannot be read.
    #[error("{path}: cannot read the gazetteer file: {error}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why: in the message, not `source()`, so a printed chain shows it once.
        error: std::io::Error,
    },
    /// The file is not valid TOML of the expected shape, or an entry is wrong.
    #[error("{path}:{line}: {reason}; see `diplograph actors --help` for the file format")]
    Entry {
        /// The file.
        path: PathBuf,
        /// 1-based line of the bad entry.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    actor: Vec<toml::Spanned<UserActor>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserActor {
    id: String,
    kind: Option<String>,
    country: Option<String>,
    name: Option<String>,
    name_ja: Option<String>,
    #[serde(default)]
    aliases_en: Vec<String>,
    #[serde(default)]
    adjectives_en: Vec<String>,
    #[serde(default)]
    aliases_ja: Vec<String>,
    #[serde(default)]
    abbr_ja: Vec<String>,
    #[serde(default)]
    family_en: Vec<String>,
    #[serde(default)]
    family_ja: Vec<String>,
    #[serde(default)]
    aliases_ko: Vec<String>,
    #[serde(default)]
    abbr_ko: Vec<String>,
    #[serde(default)]
    family_ko: Vec<String>,
    #[serde(default)]
    aliases_zh: Vec<String>,
    #[serde(default)]
    abbr_zh: Vec<String>,
    #[serde(default)]
    family_zh: Vec<String>,
    #[serde(default)]
    offices: Vec<UserOffice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserOffice {
    office_of: String,
    role: String,
    start: String,
    end: Option<String>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Reads a user file into entries that [`Gazetteer::from_entries`] merges over
/// the built-ins.
pub(super) fn read(path: &Path, builtin: &Gazetteer) -> Result<Vec<Entry>, UserFileError> {
    let text = std::fs::read_to_string(path).map_err(|error| UserFileError::Read {
        path: path.to_owned(),
        error,
    })?;
    let bad = |line: usize, reason: String| UserFileError::Entry {
        path: path.to_owned(),
        line,
        reason,
    };
    let file: File = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(&text, s.start));
        bad(line, e.message().to_owned())
    })?;
    let mut out = Vec::new();
    for spanned in file.actor {
        let line = line_of(&text, spanned.span().start);
        let u = spanned.into_inner();
        let id = ActorId::new(&u.id).map_err(|e| bad(line, e.to_string()))?;
        let known = builtin.get(&id);
        let kind = match (&u.kind, known) {
            (Some(k), _) => k
                .parse::<ActorKind>()
                .map_err(|e| bad(line, e.to_string()))?,
            (None, Some(e)) => e.actor.kind,
            (None, None) => {
                return Err(bad(line, format!("`{id}` is a new actor: give its `kind`")));
            }
        };
        if (kind == ActorKind::Person) != id.is_person() {
            return Err(bad(
                line,
                format!("`{id}`: persons, and only persons, have ids person:family-given"),
            ));
        }
        let country = match &u.country {
            Some(c) if !c.is_empty() => {
                Some(ActorId::new(c).map_err(|e| bad(line, e.to_string()))?)
            }
            _ if kind == ActorKind::Country => Some(id.clone()),
            _ => known.and_then(|e| e.actor.country.clone()),
        };
        let mut offices = Vec::new();
        for o in u.offices {
            offices.push(Office {
                office_of: ActorId::new(&o.office_of).map_err(|e| bad(line, e.to_string()))?,
                role: o.role,
                start: o.start,
                end: o.end,
            });
        }
        let norm =
            |v: Vec<String>| -> Vec<String> { v.into_iter().map(|s| s.nfkc().collect()).collect() };
        let mut entry = Entry {
            actor: Actor {
                id: id.clone(),
                kind,
                country,
                name: u.name.clone().unwrap_or_default(),
            },
            name_ja: u.name_ja.map(|s| s.nfkc().collect()).unwrap_or_default(),
            aliases_en: norm(u.aliases_en),
            adjectives_en: norm(u.adjectives_en),
            aliases_ja: norm(u.aliases_ja),
            abbr_ja: norm(u.abbr_ja),
            family_en: norm(u.family_en),
            family_ja: norm(u.family_ja),
            aliases_ko: norm(u.aliases_ko),
            abbr_ko: norm(u.abbr_ko),
            family_ko: norm(u.family_ko),
            aliases_zh: norm(u.aliases_zh),
            abbr_zh: norm(u.abbr_zh),
            family_zh: norm(u.family_zh),
            offices,
            former: false,
        };
        if let Some(name) = u.name {
            entry.aliases_en.push(name);
        }
        out.push(entry);
    }
    Ok(out)
}
