//! The gazetteer: every name of every actor, in any script or spelling, resolved to
//! one canonical [`ActorId`], and the person → state roll-up.
//!
//! Owns the built-in actor tables (`data/*.tsv`, embedded at compile time), the
//! user's additions (`--gazetteer FILE.toml`), lookup of CLI arguments, and finding
//! actor mentions in text with one Aho-Corasick automaton.
//! Must not touch relations, claims or graphs.

mod matcher;
mod rules;
mod search;
mod table;
mod user;

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

pub use matcher::{Form, Mention};
pub use search::SearchHit;
pub use table::{Entry, Office, RowError};
pub use user::UserFileError;

use crate::model::{Actor, ActorId, ActorKind, Lang};

/// The built-in tables, as (file name, text).
const COUNTRIES: (&str, &str) = ("countries.tsv", include_str!("data/countries.tsv"));
const ORGANIZATIONS: (&str, &str) = ("organizations.tsv", include_str!("data/organizations.tsv"));
const GROUPS: (&str, &str) = ("groups.tsv", include_str!("data/groups.tsv"));
const PERSONS: (&str, &str) = ("persons.tsv", include_str!("data/persons.tsv"));
/// Names in further languages for actors the tables above define, as (file,
/// text, language).
const NAMES: [(&str, &str, Lang); 2] = [
    ("names_ko.tsv", include_str!("data/names_ko.tsv"), Lang::Ko),
    ("names_zh.tsv", include_str!("data/names_zh.tsv"), Lang::Zh),
];

/// Index of an entry in a [`Gazetteer`].
pub type EntryIndex = u32;

/// Every known actor, with its names and a matcher over all of them.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<ActorId, EntryIndex>,
    /// Lower-cased, NFKC-normalized names, ids and aliases → entries, for CLI
    /// lookup; built on first use, since extraction never needs it.
    by_name: std::sync::OnceLock<HashMap<String, Vec<EntryIndex>>>,
    /// One matcher per reading (English and Japanese share one; Korean;
    /// Chinese), each built the first time a text in that reading comes.
    matchers: [std::sync::OnceLock<matcher::Matcher>; 3],
}

/// An actor argument that names no known actor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// Nothing matches; the closest names are offered.
    #[error("unknown actor `{name}`{}", did_you_mean(.suggestions))]
    Unknown {
        /// What the user typed.
        name: String,
        /// Close names, best first.
        suggestions: Vec<String>,
    },
    /// Several actors share the name.
    #[error("`{name}` is ambiguous: it names {}; give one of these ids", .candidates.join(", "))]
    Ambiguous {
        /// What the user typed.
        name: String,
        /// The ids it could mean.
        candidates: Vec<String>,
    },
}

/// An actor record from outside (an imported claim) that contradicts the
/// gazetteer's entry for the same id; see [`Gazetteer::canonical_actor`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActorConflict {
    /// The record gives another kind.
    #[error(
        "`{id}` is {} in the gazetteer, not {}; fix the kind or use another id",
        a_kind(*.known),
        a_kind(*.given)
    )]
    Kind {
        /// The actor's id.
        id: ActorId,
        /// The gazetteer's kind.
        known: ActorKind,
        /// The record's kind.
        given: ActorKind,
    },
    /// The record gives another state to roll up to.
    #[error(
        "`{id}` belongs to {} in the gazetteer, not {given}; fix the country (or write null) or use another id",
        .known.as_ref().map_or("no state".to_owned(), ToString::to_string)
    )]
    Country {
        /// The actor's id.
        id: ActorId,
        /// The gazetteer's state.
        known: Option<ActorId>,
        /// The record's state.
        given: ActorId,
    },
    /// The record gives a name that is none of the actor's names.
    #[error(
        "`{id}` is not called `{given}` in the gazetteer (it is `{known}`); drop the name, use one the gazetteer knows, or use another id"
    )]
    Name {
        /// The actor's id.
        id: ActorId,
        /// The gazetteer's display name.
        known: String,
        /// The record's name.
        given: String,
    },
}

/// A kind with its article: `a country`, `an organization`.
fn a_kind(kind: ActorKind) -> String {
    let article = if kind == ActorKind::Organization {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; `diplograph actors` lists the known actors".to_owned()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

fn lookup_key(s: &str) -> String {
    s.trim().nfkc().collect::<String>().to_lowercase()
}

impl Gazetteer {
    /// The built-in gazetteer, embedded in the binary.
    pub fn builtin() -> Self {
        let mut entries = Vec::new();
        for (file, text) in [COUNTRIES, ORGANIZATIONS, GROUPS] {
            entries.extend(
                table::parse_actors(file, text).expect("built-in tables are checked by tests"),
            );
        }
        entries.extend(
            table::parse_persons(PERSONS.0, PERSONS.1)
                .expect("built-in tables are checked by tests"),
        );
        add_names(&mut entries, &NAMES).expect("built-in tables are checked by tests");
        Self::from_entries(entries)
    }

    /// The built-in gazetteer with a user's TOML file merged over it.
    pub fn with_user_file(path: &std::path::Path) -> Result<Self, UserFileError> {
        let builtin = Self::builtin();
        let extra = user::read(path, &builtin)?;
        let by_id = builtin.by_id;
        let mut entries = builtin.entries;
        for row in extra {
            match by_id.get(&row.actor.id) {
                Some(&i) => {
                    let known = &mut entries[i as usize];
                    // The user's display names override the built-in ones.
                    if !row.actor.name.is_empty() {
                        known.actor.name.clone_from(&row.actor.name);
                    }
                    if !row.name_ja.is_empty() {
                        known.name_ja.clone_from(&row.name_ja);
                    }
                    known.absorb(row);
                }
                None => entries.push(row),
            }
        }
        Ok(Self::from_entries(entries))
    }

    /// Builds the indexes from entries; rows with the same id are merged, later
    /// rows adding aliases (and a user's row overriding display names).
    pub fn from_entries(rows: Vec<Entry>) -> Self {
        let mut entries: Vec<Entry> = Vec::with_capacity(rows.len());
        let mut by_id: HashMap<ActorId, EntryIndex> = HashMap::new();
        for row in rows {
            match by_id.get(&row.actor.id) {
                Some(&i) => entries[i as usize].absorb(row),
                None => {
                    by_id.insert(row.actor.id.clone(), entries.len() as EntryIndex);
                    entries.push(row);
                }
            }
        }
        Gazetteer {
            entries,
            by_id,
            by_name: std::sync::OnceLock::new(),
            matchers: Default::default(),
        }
    }

    fn by_name(&self) -> &HashMap<String, Vec<EntryIndex>> {
        self.by_name.get_or_init(|| {
            let mut by_name: HashMap<String, Vec<EntryIndex>> = HashMap::new();
            for (i, e) in self.entries.iter().enumerate() {
                let i = i as EntryIndex;
                let names = std::iter::once(e.actor.id.as_str())
                    .chain(std::iter::once(e.actor.name.as_str()))
                    .chain(std::iter::once(e.name_ja.as_str()))
                    .chain(e.aliases_en.iter().map(String::as_str))
                    .chain(e.aliases_ja.iter().map(String::as_str))
                    .chain(e.family_en.iter().map(String::as_str))
                    .chain(e.family_ja.iter().map(String::as_str))
                    .chain(e.aliases_ko.iter().map(String::as_str))
                    .chain(e.family_ko.iter().map(String::as_str))
                    .chain(e.aliases_zh.iter().map(String::as_str))
                    .chain(e.family_zh.iter().map(String::as_str));
                for name in names.filter(|n| !n.is_empty()) {
                    let list = by_name.entry(lookup_key(name)).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
            by_name
        })
    }

    /// Every entry, in table order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at an index given by a [`Mention`].
    pub fn entry(&self, index: EntryIndex) -> &Entry {
        &self.entries[index as usize]
    }

    /// The entry for a canonical id.
    pub fn get(&self, id: &ActorId) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i as usize])
    }

    /// The index of the entry for a canonical id.
    pub fn index_of(&self, id: &ActorId) -> Option<EntryIndex> {
        self.by_id.get(id).copied()
    }

    /// The actor for a canonical id, or a bare actor guessed from the id's form.
    pub fn actor(&self, id: &ActorId) -> Actor {
        self.get(id)
            .map(|e| e.actor.clone())
            .unwrap_or_else(|| Actor::from_id(id.clone()))
    }

    /// The actor an outside record (an imported claim line) stands for.
    ///
    /// An id the gazetteer does not know is taken as given. For a known id the
    /// gazetteer's actor is returned, so a record never changes a known actor's
    /// kind, state or display name; a record that contradicts it is refused:
    ///
    /// - `kind` must be the gazetteer's;
    /// - `country` must be the gazetteer's state, or null (read as "not stated");
    /// - `name`, when not empty, must be one of the actor's names in the
    ///   gazetteer (display names, aliases in any script, family names; compared
    ///   case-insensitively after NFKC), as a name another tool spells
    ///   differently still names the same actor.
    ///
    /// # Example
    ///
    /// ```
    /// use diplograph::gazetteer::Gazetteer;
    /// use diplograph::model::{Actor, ActorId, ActorKind};
    /// let g = Gazetteer::builtin();
    /// let usa = ActorId::new("USA").unwrap();
    /// let evil = Actor { id: usa.clone(), kind: ActorKind::Organization, country: None, name: "Evil".into() };
    /// assert!(g.canonical_actor(&evil).is_err());
    /// let america = Actor { kind: ActorKind::Country, name: "America".into(), ..evil };
    /// assert_eq!(g.canonical_actor(&america).unwrap().name, "United States");
    /// ```
    pub fn canonical_actor(&self, given: &Actor) -> Result<Actor, ActorConflict> {
        let Some(index) = self.index_of(&given.id) else {
            return Ok(given.clone());
        };
        let known = &self.entries[index as usize].actor;
        if given.kind != known.kind {
            return Err(ActorConflict::Kind {
                id: given.id.clone(),
                known: known.kind,
                given: given.kind,
            });
        }
        if let Some(country) = &given.country
            && known.country.as_ref() != Some(country)
        {
            return Err(ActorConflict::Country {
                id: given.id.clone(),
                known: known.country.clone(),
                given: country.clone(),
            });
        }
        let named = given.name.trim().is_empty()
            || self
                .by_name()
                .get(&lookup_key(&given.name))
                .is_some_and(|entries| entries.contains(&index));
        if !named {
            return Err(ActorConflict::Name {
                id: given.id.clone(),
                known: known.name.clone(),
                given: given.name.clone(),
            });
        }
        Ok(known.clone())
    }

    /// Resolves a name typed by a user: canonical id, any alias in any language,
    /// case-insensitive. An exact id wins over a shared alias.
    ///
    /// An argument is not running text, so more forms resolve here than in
    /// articles: a leading "the" (`the US`), compass abbreviations (`S. Korea`,
    /// `N. Korea`), a title or honorific with a family name (`President Xi`,
    /// `Mr. Putin`, `習主席`, `プーチン氏`), a few historical names (`Persia`,
    /// `Siam`), and the single-kanji abbreviations that count only inside
    /// compounds in text (`露` -> RUS, `米` -> USA).
    pub fn resolve(&self, name: &str) -> Result<&Entry, LookupError> {
        if let Some(e) = ActorId::new(name.trim()).ok().and_then(|id| self.get(&id)) {
            return Ok(e);
        }
        let key = lookup_key(name);
        let mut ambiguous = None;
        for (variant, role) in argument_forms(&key) {
            match self.lookup(name, &variant, role) {
                Ok(e) => return Ok(e),
                Err(e @ LookupError::Ambiguous { .. }) => {
                    ambiguous.get_or_insert(e);
                }
                Err(LookupError::Unknown { .. }) => {}
            }
        }
        if let Some(e) = ambiguous {
            return Err(e);
        }
        if let Some(e) = self.by_abbreviation(&key) {
            return Ok(e);
        }
        // Chinese in traditional characters: the simplified form (習近平 is
        // also Japanese, so the name as typed was tried first).
        let simplified = crate::simplify::simplified(name);
        if simplified != name
            && let Ok(e) = self.resolve(&simplified)
        {
            return Ok(e);
        }
        Err(LookupError::Unknown {
            name: name.to_owned(),
            suggestions: self.suggest(&key),
        })
    }

    /// One form of an argument, with the role a title names (`President Xi`),
    /// which settles a family name several persons share.
    fn lookup(
        &self,
        name: &str,
        key: &str,
        role: Option<crate::model::Role>,
    ) -> Result<&Entry, LookupError> {
        let unknown = || LookupError::Unknown {
            name: name.to_owned(),
            suggestions: Vec::new(),
        };
        let many = match self.by_name().get(key).map(Vec::as_slice) {
            Some([one]) => return Ok(&self.entries[*one as usize]),
            Some(many) if !many.is_empty() => many,
            _ => return Err(unknown()),
        };
        // A state beats a person sharing its name; otherwise ask.
        let states: Vec<_> = many
            .iter()
            .filter(|&&i| self.entries[i as usize].actor.kind != ActorKind::Person)
            .collect();
        if let [one] = states.as_slice() {
            return Ok(&self.entries[**one as usize]);
        }
        // A title picks the person who held that office most recently.
        if let Some(role) = role {
            let holder = many
                .iter()
                .filter_map(|&i| {
                    let e = &self.entries[i as usize];
                    e.offices
                        .iter()
                        .filter(|o| crate::model::Role::from_office(&o.role) == role)
                        .map(|o| (o.end.is_none(), o.start.clone()))
                        .max()
                        .map(|latest| (latest, i))
                })
                .max();
            if let Some((_, i)) = holder {
                return Ok(&self.entries[i as usize]);
            }
        }
        Err(LookupError::Ambiguous {
            name: name.to_owned(),
            candidates: many
                .iter()
                .map(|&i| self.entries[i as usize].actor.id.to_string())
                .collect(),
        })
    }

    /// A single-kanji (or other compound-only) abbreviation typed alone.
    fn by_abbreviation(&self, key: &str) -> Option<&Entry> {
        let mut hits = self
            .entries
            .iter()
            .filter(|e| e.abbr_ja.iter().any(|a| lookup_key(a) == key));
        let first = hits.next()?;
        hits.next().is_none().then_some(first)
    }

    /// Up to five known names closest to `key`: by shared characters for
    /// Japanese, Chinese and Korean input, else by edit distance then prefix;
    /// for a `person:` id, the persons whose id it begins.
    pub fn suggest(&self, key: &str) -> Vec<String> {
        let key = &lookup_key(key);
        let mut scored: Vec<(usize, &str)> = if let Some(rest) = key.strip_prefix("person:") {
            let family = rest.split('-').next().unwrap_or(rest);
            self.by_name()
                .keys()
                .filter(|k| {
                    k.starts_with("person:")
                        && (k.starts_with(&format!("{key}-")) || k[7..].starts_with(family))
                })
                .map(|k| (0, k.as_str()))
                .collect()
        } else if key.chars().any(is_cjk_or_hangul) {
            // Each character is nearly a word here: compare characters, with
            // a budget of half the input, and only with names in these scripts.
            let len = key.chars().count();
            let budget = len.div_ceil(2).max(1);
            self.by_name()
                .keys()
                .filter(|k| k.chars().any(is_cjk_or_hangul))
                .filter_map(|k| {
                    let extra = k.chars().count().abs_diff(len);
                    if k.contains(key.as_str()) {
                        return Some((extra, k.as_str()));
                    }
                    let d = edit_distance(key, k);
                    (d <= budget).then_some((d * 100 + extra, k.as_str()))
                })
                .collect()
        } else {
            let budget = (key.chars().count() / 3).clamp(1, 3);
            self.by_name()
                .keys()
                .filter(|k| !k.chars().any(is_cjk_or_hangul))
                .filter_map(|k| {
                    let d = edit_distance(key, k);
                    let prefix = k.starts_with(key.as_str()) && key.chars().count() >= 3;
                    (d <= budget || prefix).then_some((if prefix { 0 } else { d }, k.as_str()))
                })
                .collect()
        };
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, k) in scored {
            for &i in &self.by_name()[k] {
                let e = &self.entries[i as usize];
                let s = format!(
                    "{} ({})",
                    e.actor.id,
                    if e.actor.name.is_empty() {
                        k
                    } else {
                        &e.actor.name
                    }
                );
                if !out.contains(&s) {
                    out.push(s);
                }
            }
            if out.len() >= 5 {
                break;
            }
        }
        out.truncate(5);
        out
    }

    /// Every actor mention in `text` (NFKC-normalized), in order, following the
    /// rules of [`matcher`]: word boundaries and case in English, longest match and
    /// compound-only abbreviations in Japanese, family names of persons only with a
    /// title or once the person has been named.
    pub fn find_mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions(text).collect()
    }

    /// Like [`Gazetteer::find_mentions`], found lazily as the iterator is driven.
    pub fn mentions<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Mention> + 'a {
        self.mentions_in(text, Lang::Ja)
    }

    /// The mentions in a text read as `reading`: English names and the names
    /// of that language, with its rules for compounds and titles. Chinese
    /// text is matched in simplified characters: fold it first
    /// ([`crate::simplify::simplified`]), as the extractor does.
    pub fn mentions_in<'a>(
        &'a self,
        text: &'a str,
        reading: Lang,
    ) -> impl Iterator<Item = Mention> + 'a {
        let slot = match reading {
            Lang::En | Lang::Ja => 0,
            Lang::Ko => 1,
            Lang::Zh => 2,
        };
        self.matchers[slot]
            .get_or_init(|| matcher::Matcher::new(&self.entries, reading))
            .find_iter(text, &self.entries)
    }

    /// Counts of entries by kind.
    pub fn counts(&self) -> HashMap<ActorKind, usize> {
        let mut out = HashMap::new();
        for e in &self.entries {
            *out.entry(e.actor.kind).or_insert(0) += 1;
        }
        out
    }
}

/// Adds the rows of the names tables to the entries they name.
fn add_names(entries: &mut [Entry], tables: &[(&str, &str, Lang)]) -> Result<(), RowError> {
    let by_id: HashMap<ActorId, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.actor.id.clone(), i))
        .collect();
    for &(file, text, lang) in tables {
        for row in table::parse_names(file, text)? {
            let Some(&i) = by_id.get(&row.id) else {
                return Err(RowError {
                    file: file.to_owned(),
                    line: row.line,
                    reason: format!("`{}` is in no actor table; add it there first", row.id),
                });
            };
            let e = &mut entries[i];
            let (aliases, abbr, family) = match lang {
                Lang::Ko => (&mut e.aliases_ko, &mut e.abbr_ko, &mut e.family_ko),
                Lang::Zh => (&mut e.aliases_zh, &mut e.abbr_zh, &mut e.family_zh),
                // English and Japanese names live in the actor tables.
                Lang::En | Lang::Ja => continue,
            };
            aliases.extend(row.aliases);
            abbr.extend(row.abbr);
            family.extend(row.family);
        }
    }
    Ok(())
}

/// Kana, CJK ideographs and Hangul: scripts where a name is a few characters
/// and edit distance over Latin letters says nothing.
fn is_cjk_or_hangul(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}')
}

/// Historical and informal names that an argument may use but that are not
/// read as mentions in articles (a text saying "Persia" is history).
const ARGUMENT_ALIASES: &[(&str, &str)] = &[
    ("persia", "iran"),
    ("siam", "thailand"),
    ("ceylon", "sri lanka"),
    ("formosa", "taiwan"),
    ("zaire", "dr congo"),
    ("kampuchea", "cambodia"),
    ("east timor", "timor-leste"),
    ("america", "united states"),
];

/// English titles and honorifics before a family name, with the office they name.
const TITLES_EN: &[(&str, Option<crate::model::Role>)] = {
    use crate::model::Role::*;
    &[
        ("president ", Some(HeadOfState)),
        ("vice president ", Some(Official)),
        ("prime minister ", Some(HeadOfGovernment)),
        ("pm ", Some(HeadOfGovernment)),
        ("premier ", Some(HeadOfGovernment)),
        ("chancellor ", Some(HeadOfGovernment)),
        ("foreign minister ", Some(Minister)),
        ("defence minister ", Some(Minister)),
        ("defense minister ", Some(Minister)),
        ("minister ", Some(Minister)),
        ("secretary of state ", Some(Minister)),
        ("secretary-general ", Some(Official)),
        ("secretary general ", Some(Official)),
        ("general secretary ", None),
        ("supreme leader ", Some(HeadOfState)),
        ("leader ", None),
        ("chairman ", None),
        ("king ", Some(HeadOfState)),
        ("queen ", Some(HeadOfState)),
        ("spokesperson ", Some(Spokesperson)),
        ("spokesman ", Some(Spokesperson)),
        ("spokeswoman ", Some(Spokesperson)),
        ("ambassador ", Some(Ambassador)),
        ("envoy ", Some(Envoy)),
        ("mr. ", None),
        ("mr ", None),
        ("mrs. ", None),
        ("ms. ", None),
        ("dr. ", None),
    ]
};

/// Japanese titles and honorifics after a family name, with the office they name.
const TITLES_JA: &[(&str, Option<crate::model::Role>)] = {
    use crate::model::Role::*;
    &[
        ("大統領", Some(HeadOfState)),
        ("国家主席", Some(HeadOfState)),
        ("主席", Some(HeadOfState)),
        ("総書記", None),
        ("首相", Some(HeadOfGovernment)),
        ("総理大臣", Some(HeadOfGovernment)),
        ("総理", Some(HeadOfGovernment)),
        ("外務大臣", Some(Minister)),
        ("外相", Some(Minister)),
        ("国防相", Some(Minister)),
        ("防衛相", Some(Minister)),
        ("国務長官", Some(Minister)),
        ("長官", Some(Minister)),
        ("報道官", Some(Spokesperson)),
        ("事務総長", Some(Official)),
        ("委員長", None),
        ("大使", Some(Ambassador)),
        ("氏", None),
        ("さん", None),
    ]
};

/// Chinese titles after a name (`普京总统`, `王毅外长`), with the office they name.
const TITLES_ZH: &[(&str, Option<crate::model::Role>)] = {
    use crate::model::Role::*;
    &[
        ("总统", Some(HeadOfState)),
        ("总理", Some(HeadOfGovernment)),
        ("外长", Some(Minister)),
        ("国务卿", Some(Minister)),
        ("发言人", Some(Spokesperson)),
        ("秘书长", Some(Official)),
        ("先生", None),
        ("女士", None),
    ]
};

/// The forms an argument is tried in, in order: as typed, then without "the",
/// with compass abbreviations spelt out, with an argument-only alias, and
/// without a title (which may name the office).
fn argument_forms(key: &str) -> Vec<(String, Option<crate::model::Role>)> {
    let mut forms: Vec<(String, Option<crate::model::Role>)> = vec![(key.to_owned(), None)];
    let bare = key.strip_prefix("the ").unwrap_or(key).trim();
    if bare != key {
        forms.push((bare.to_owned(), None));
    }
    for (short, long) in [
        ("n. ", "north "),
        ("s. ", "south "),
        ("n ", "north "),
        ("s ", "south "),
    ] {
        if let Some(rest) = bare.strip_prefix(short) {
            forms.push((format!("{long}{rest}"), None));
        }
    }
    if let Some((_, to)) = ARGUMENT_ALIASES.iter().find(|(from, _)| *from == bare) {
        forms.push(((*to).to_owned(), None));
    }
    for (title, role) in TITLES_EN {
        if let Some(rest) = bare.strip_prefix(title) {
            forms.push((rest.trim().to_owned(), *role));
        }
    }
    for (title, role) in TITLES_JA.iter().chain(TITLES_ZH) {
        if let Some(rest) = bare.strip_suffix(title).filter(|r| !r.is_empty()) {
            forms.push((rest.trim().to_owned(), *role));
        }
    }
    forms
}

/// Edit distance over chars, a transposition of two neighbours counting as
/// one edit (`Japna` is one edit from `Japan`).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j - 1] + cost)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests;
