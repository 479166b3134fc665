//! Reading the gazetteer's tab-separated tables (see `data/README.md`).

use unicode_normalization::UnicodeNormalization;

use crate::model::{Actor, ActorId, ActorKind};

/// One office a person holds or held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// The state or body whose office it is.
    pub office_of: ActorId,
    /// `head_of_state`, `foreign_minister`, ...
    pub role: String,
    /// `YYYY` or `YYYY-MM-DD`.
    pub start: String,
    /// `YYYY` or `YYYY-MM-DD`; `None` while in office.
    pub end: Option<String>,
}

/// Everything the gazetteer knows of one actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The actor as the graph keeps it.
    pub actor: Actor,
    /// Japanese display name (may be empty).
    pub name_ja: String,
    /// English names, matched case-sensitively on word boundaries.
    pub aliases_en: Vec<String>,
    /// English demonyms and adjectives (`Russian`).
    pub adjectives_en: Vec<String>,
    /// Japanese names, matched longest first.
    pub aliases_ja: Vec<String>,
    /// Japanese abbreviations valid only inside compounds (`露` in `日露`).
    pub abbr_ja: Vec<String>,
    /// A person's short English form (`Putin`), used with a title or once named.
    pub family_en: Vec<String>,
    /// A person's short Japanese form (`プーチン`), used with a title or once named.
    pub family_ja: Vec<String>,
    /// Korean names (`러시아`, `모스크바`), matched longest first.
    pub aliases_ko: Vec<String>,
    /// Korean abbreviations valid only inside compounds (`러` in `북러`, `대러`).
    pub abbr_ko: Vec<String>,
    /// A person's short Korean form (`푸틴`), used with a title or once named.
    pub family_ko: Vec<String>,
    /// Chinese names, simplified and traditional (`俄罗斯`, `俄羅斯`).
    pub aliases_zh: Vec<String>,
    /// Chinese abbreviations valid only inside compounds (`俄` in `中俄`).
    pub abbr_zh: Vec<String>,
    /// A person's short Chinese form (`普京`), used with a title or once named.
    pub family_zh: Vec<String>,
    /// Offices held (persons only).
    pub offices: Vec<Office>,
    /// A state that no longer exists.
    pub former: bool,
}

impl Entry {
    pub(crate) fn new(actor: Actor) -> Self {
        Entry {
            actor,
            name_ja: String::new(),
            aliases_en: Vec::new(),
            adjectives_en: Vec::new(),
            aliases_ja: Vec::new(),
            abbr_ja: Vec::new(),
            family_en: Vec::new(),
            family_ja: Vec::new(),
            aliases_ko: Vec::new(),
            abbr_ko: Vec::new(),
            family_ko: Vec::new(),
            aliases_zh: Vec::new(),
            abbr_zh: Vec::new(),
            family_zh: Vec::new(),
            offices: Vec::new(),
            former: false,
        }
    }

    /// Merges another row for the same id: later rows add aliases and offices.
    pub(crate) fn absorb(&mut self, other: Entry) {
        fn extend(into: &mut Vec<String>, from: Vec<String>) {
            for x in from {
                if !into.contains(&x) {
                    into.push(x);
                }
            }
        }
        if self.actor.name.is_empty() {
            self.actor.name = other.actor.name;
        }
        if self.name_ja.is_empty() {
            self.name_ja = other.name_ja;
        }
        if self.actor.country.is_none() {
            self.actor.country = other.actor.country;
        }
        extend(&mut self.aliases_en, other.aliases_en);
        extend(&mut self.adjectives_en, other.adjectives_en);
        extend(&mut self.aliases_ja, other.aliases_ja);
        extend(&mut self.abbr_ja, other.abbr_ja);
        extend(&mut self.family_en, other.family_en);
        extend(&mut self.family_ja, other.family_ja);
        extend(&mut self.aliases_ko, other.aliases_ko);
        extend(&mut self.abbr_ko, other.abbr_ko);
        extend(&mut self.family_ko, other.family_ko);
        extend(&mut self.aliases_zh, other.aliases_zh);
        extend(&mut self.abbr_zh, other.abbr_zh);
        extend(&mut self.family_zh, other.family_zh);
        for o in other.offices {
            if !self.offices.contains(&o) {
                self.offices.push(o);
            }
        }
        self.former |= other.former;
    }

    /// The office held on `date` (`YYYY-MM-DD`), else the most recent one.
    pub fn office_on(&self, date: Option<&str>) -> Option<&Office> {
        let held = |o: &&Office| match date {
            Some(d) => {
                o.start.as_str() <= d && o.end.as_deref().is_none_or(|e| d <= e || d.starts_with(e))
            }
            None => false,
        };
        self.offices
            .iter()
            .find(held)
            .or_else(|| self.offices.iter().max_by(|a, b| a.start.cmp(&b.start)))
    }
}

/// A table row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct RowError {
    /// The table's name.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

fn cell_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(nfkc)
        .collect()
}

/// NFKC form of a table cell; the tables are written normalized, so this is
/// usually a quick check and a copy.
pub(crate) fn nfkc(s: &str) -> String {
    if s.is_ascii()
        || unicode_normalization::is_nfkc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        s.to_owned()
    } else {
        s.nfkc().collect()
    }
}

fn id(cell: &str, file: &str, line: usize) -> Result<ActorId, RowError> {
    ActorId::new(cell.trim()).map_err(|e| RowError {
        file: file.to_owned(),
        line,
        reason: e.to_string(),
    })
}

fn optional_id(cell: &str, file: &str, line: usize) -> Result<Option<ActorId>, RowError> {
    if cell.trim().is_empty() {
        Ok(None)
    } else {
        id(cell, file, line).map(Some)
    }
}

/// The data rows of a table as (line number, cells), each checked to have at
/// least `min_columns` cells.
fn rows<'a>(
    file: &'a str,
    text: &'a str,
    min_columns: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), RowError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            if cols.len() < min_columns {
                return Err(RowError {
                    file: file.to_owned(),
                    line: i + 1,
                    reason: format!(
                        "expected {min_columns} tab-separated columns, found {}",
                        cols.len()
                    ),
                });
            }
            Ok((i + 1, cols))
        })
}

/// Reads a countries/organizations/groups table (10 columns).
pub(super) fn parse_actors(file: &str, text: &str) -> Result<Vec<Entry>, RowError> {
    let mut out = Vec::new();
    for row in rows(file, text, 9) {
        let (line, cols) = row?;
        let err = |reason: String| RowError {
            file: file.to_owned(),
            line,
            reason,
        };
        let kind: ActorKind = cols[1]
            .trim()
            .parse()
            .map_err(|e: crate::model::ModelError| err(e.to_string()))?;
        let actor = Actor {
            id: id(cols[0], file, line)?,
            kind,
            country: optional_id(cols[2], file, line)?,
            name: cols[3].trim().to_owned(),
        };
        let mut e = Entry::new(actor);
        e.name_ja = nfkc(cols[4].trim());
        e.aliases_en = cell_list(cols[5]);
        e.adjectives_en = cell_list(cols[6]);
        e.aliases_ja = cell_list(cols[7]);
        e.abbr_ja = cell_list(cols[8]);
        e.former = cols.get(9).is_some_and(|c| c.trim() == "yes");
        out.push(e);
    }
    Ok(out)
}

/// Reads the persons table (12 columns, one row per person and office).
pub(super) fn parse_persons(file: &str, text: &str) -> Result<Vec<Entry>, RowError> {
    let mut out = Vec::new();
    for row in rows(file, text, 12) {
        let (line, cols) = row?;
        let err = |reason: String| RowError {
            file: file.to_owned(),
            line,
            reason,
        };
        let pid = id(cols[0], file, line)?;
        if !pid.is_person() {
            return Err(err(format!(
                "`{pid}` is not a person id (person:family-given)"
            )));
        }
        let actor = Actor {
            id: pid,
            kind: ActorKind::Person,
            country: optional_id(cols[1], file, line)?,
            name: cols[6].trim().to_owned(),
        };
        let mut e = Entry::new(actor);
        if let Some(office_of) = optional_id(cols[2], file, line)? {
            e.offices.push(Office {
                office_of,
                role: cols[3].trim().to_owned(),
                start: cols[4].trim().to_owned(),
                end: Some(cols[5].trim().to_owned()).filter(|s| !s.is_empty()),
            });
        }
        e.name_ja = nfkc(cols[7].trim());
        e.aliases_en = cell_list(cols[8]);
        if !e.actor.name.is_empty() && !e.aliases_en.contains(&e.actor.name) {
            e.aliases_en.push(e.actor.name.clone());
        }
        e.aliases_ja = cell_list(cols[9]);
        if !e.name_ja.is_empty() && !e.aliases_ja.contains(&e.name_ja) {
            e.aliases_ja.push(e.name_ja.clone());
        }
        e.family_en = cell_list(cols[10]);
        e.family_ja = cell_list(cols[11]);
        out.push(e);
    }
    Ok(out)
}

/// One row of a names table (`names_ko.tsv`, `names_zh.tsv`): more names, in
/// one language, for an actor the other tables define.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NamesRow {
    /// 1-based line number, for errors.
    pub line: usize,
    /// The actor it names.
    pub id: ActorId,
    /// Full names and metonyms.
    pub aliases: Vec<String>,
    /// Short forms valid only inside compounds.
    pub abbr: Vec<String>,
    /// A person's short form, used with a title or once named.
    pub family: Vec<String>,
}

/// Reads a names table (4 columns: id, aliases, abbr, family).
pub(super) fn parse_names(file: &str, text: &str) -> Result<Vec<NamesRow>, RowError> {
    rows(file, text, 4)
        .map(|row| {
            let (line, cols) = row?;
            Ok(NamesRow {
                line,
                id: id(cols[0], file, line)?,
                aliases: cell_list(cols[1]),
                abbr: cell_list(cols[2]),
                family: cell_list(cols[3]),
            })
        })
        .collect()
}
