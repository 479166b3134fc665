//! Lexicons as typed data: each language's `lexicon.toml` is read into serde
//! types whose relations, parts of speech and roles are enums, so a misspelt
//! name or an unknown field fails at load with the file, line and field; and
//! checks serde cannot express (a word listed twice) fail here with the file,
//! the cue and the field.

use std::collections::HashSet;

use serde::de::DeserializeOwned;

use crate::model::{Lang, Relation};

/// A lexicon that does not load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    /// Not TOML, or not the schema: an unknown field, a relation that is no
    /// ontology name, a missing field (the TOML error names line and field).
    #[error("{file}: {message}")]
    Schema {
        /// The lexicon file.
        file: String,
        /// What the TOML reader said, on one line.
        message: String,
    },
    /// A word listed twice where each word must be listed once.
    #[error("{file}: {place}: `{word}` is listed twice in `{field}`; keep one")]
    Duplicate {
        /// The lexicon file.
        file: String,
        /// Which cue (`cue 4 (sanctions)`) or `flags`.
        place: String,
        /// The field.
        field: String,
        /// The word.
        word: String,
    },
    /// A word that two cues claim, where one word can have one reading only.
    #[error(
        "{file}: `{word}` is a word of both {first} and {second}; a {lang} cue word has one relation"
    )]
    TwoCues {
        /// The lexicon file.
        file: String,
        /// The word.
        word: String,
        /// The first cue.
        first: String,
        /// The second cue.
        second: String,
        /// The lexicon's language.
        lang: Lang,
    },
    /// A field whose value is not one the schema allows.
    #[error("{file}: {place}: `{field}`: {message}")]
    Value {
        /// The lexicon file.
        file: String,
        /// Which cue.
        place: String,
        /// The field.
        field: String,
        /// What is wrong and what to write.
        message: String,
    },
}

/// Reads a lexicon file's text into its schema.
pub(crate) fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e: toml::de::Error| {
        let at = e.span().map_or(String::new(), |span| {
            let head = &text[..span.start.min(text.len())];
            let line = head.matches('\n').count() + 1;
            format!("line {line}: ")
        });
        LexiconError::Schema {
            file: file.to_owned(),
            message: format!("{at}{}", e.message().replace('\n', " ")),
        }
    })
}

/// How a cue is named in messages: its position and relation.
pub(crate) fn cue_place(index: usize, relation: impl std::fmt::Display) -> String {
    format!("cue {} ({relation})", index + 1)
}

/// Fails on the first word listed twice in `words` (compared by `key`: case
/// folded for English, as matched).
pub(crate) fn unique(
    file: &str,
    place: &str,
    field: &str,
    words: &[String],
    key: impl Fn(&str) -> String,
) -> Result<(), LexiconError> {
    let mut seen = HashSet::new();
    for w in words {
        if !seen.insert(key(w)) {
            return Err(LexiconError::Duplicate {
                file: file.to_owned(),
                place: place.to_owned(),
                field: field.to_owned(),
                word: w.clone(),
            });
        }
    }
    Ok(())
}

/// The built-in lexicon of each language, for `lexicon check`.
pub const BUILTIN: [(Lang, &str, &str); 4] = [
    (
        Lang::En,
        "src/extract/lang/en/lexicon.toml",
        include_str!("lang/en/lexicon.toml"),
    ),
    (
        Lang::Ja,
        "src/extract/lang/ja/lexicon.toml",
        include_str!("lang/ja/lexicon.toml"),
    ),
    (
        Lang::Ko,
        "src/extract/lang/ko/lexicon.toml",
        include_str!("lang/ko/lexicon.toml"),
    ),
    (
        Lang::Zh,
        "src/extract/lang/zh/lexicon.toml",
        include_str!("lang/zh/lexicon.toml"),
    ),
];

/// What a lexicon holds, for a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexiconSummary {
    /// Its language.
    pub lang: Lang,
    /// Cue entries.
    pub cues: usize,
    /// Cue words over all cues.
    pub words: usize,
}

/// Checks a lexicon of `lang` (its text, named `file` in messages) and says
/// what it holds: the same checks the extractor makes when it loads one.
pub fn check(lang: Lang, file: &str, text: &str) -> Result<LexiconSummary, LexiconError> {
    let (cues, words) = match lang {
        Lang::En => super::lang::en::English::from_toml(file, text)?.size(),
        Lang::Ja => super::lang::ja::Japanese::from_toml(file, text)?.size(),
        Lang::Ko => super::lang::ko::Korean::from_toml(file, text)?.size(),
        Lang::Zh => super::lang::zh::Chinese::from_toml(file, text)?.size(),
    };
    Ok(LexiconSummary { lang, cues, words })
}

/// A user's cue file (`--lexicon FILE.toml`, `DIPLOGRAPH_LEXICON`): a
/// `lang = "en"` line, then `[[cue]]` entries (and, for English, `[[object]]`
/// entries) in the schema of that language's built-in lexicon. Its cues are
/// added to the built-in ones, as `--gazetteer` adds actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserLexicon {
    /// The language whose cues it adds.
    pub lang: Lang,
    /// Its name, for errors.
    pub file: String,
    text: String,
}

/// The head of a user cue file: only its language is read here.
#[derive(serde::Deserialize)]
struct Head {
    lang: Option<String>,
}

impl UserLexicon {
    /// Reads and checks a user cue file: each error names the file, and the
    /// line or the cue and field, as for the built-in lexicons.
    pub fn read(path: &std::path::Path) -> Result<Self, LexiconError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| LexiconError::Schema {
            file: file.clone(),
            message: format!("cannot read the cue file: {e}"),
        })?;
        Self::parse(&file, &text)
    }

    /// [`UserLexicon::read`] over a file's text.
    pub fn parse(file: &str, text: &str) -> Result<Self, LexiconError> {
        let head: Head = parse(file, text)?;
        let schema = |message: String| LexiconError::Schema {
            file: file.to_owned(),
            message,
        };
        let code = head.lang.ok_or_else(|| {
            schema("no `lang = \"en\"` (or ja, ko, zh) line before the cues: a cue file says which language it adds to".to_owned())
        })?;
        let lang = Lang::from_tag(&code)
            .filter(|l| l.as_str() == code)
            .ok_or_else(|| {
                schema(format!(
                    "`lang = \"{code}\"` is no language diplograph reads; use en, ja, ko or zh"
                ))
            })?;
        let user = UserLexicon {
            lang,
            file: file.to_owned(),
            text: text.to_owned(),
        };
        // The cues alone, checked against the built-in flags: lines and cue
        // numbers in an error are the user's own.
        let (_, _, builtin) = builtin_of(lang)
            .ok_or_else(|| schema(format!("there are no {lang} rules yet to add cues to")))?;
        check(lang, file, &format!("{text}\n{}", without_cues(builtin)))?;
        Ok(user)
    }

    /// The cue entries, without the top-level `lang` line, to append to a
    /// lexicon.
    fn cues(&self) -> &str {
        let first_table = self
            .text
            .lines()
            .position(|l| l.trim_start().starts_with('['))
            .unwrap_or(usize::MAX);
        let offset: usize = self
            .text
            .lines()
            .take(first_table)
            .map(|l| l.len() + 1)
            .sum();
        self.text.get(offset.min(self.text.len())..).unwrap_or("")
    }
}

/// The check of one language's lexicon with the users' cue files added (the
/// first file's language).
pub fn check_with_users(users: &[UserLexicon]) -> Result<LexiconSummary, LexiconError> {
    let lang = users.first().map_or(Lang::En, |u| u.lang);
    let (name, text) = with_users(lang, users).unwrap_or_else(|| {
        let (_, name, text) = builtin_of(lang).unwrap_or(BUILTIN[0]);
        (name.to_owned(), text.to_owned())
    });
    check(lang, &name, &text)
}

/// The built-in lexicon of `lang`, if it has one.
fn builtin_of(lang: Lang) -> Option<(Lang, &'static str, &'static str)> {
    BUILTIN.into_iter().find(|(l, _, _)| *l == lang)
}

/// A lexicon's text without its `[[cue]]` entries (its flags and objects).
fn without_cues(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 4);
    let mut in_cue = false;
    for line in text.lines() {
        let header = line.trim_start();
        if header.starts_with('[') {
            in_cue = header.starts_with("[[cue]]");
        }
        if !in_cue {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The text and name of `lang`'s lexicon with the users' cues added, or
/// `None` when no user file adds to it.
pub(crate) fn with_users(lang: Lang, users: &[UserLexicon]) -> Option<(String, String)> {
    let mine: Vec<&UserLexicon> = users.iter().filter(|u| u.lang == lang).collect();
    let (_, name, builtin) = builtin_of(lang)?;
    if mine.is_empty() {
        return None;
    }
    let mut text = builtin.to_owned();
    let mut names = name.to_owned();
    for u in mine {
        text.push('\n');
        text.push_str(u.cues());
        names.push_str(" + ");
        names.push_str(&u.file);
    }
    Some((names, text))
}

/// The relation a cue or object states: its own, or its `disaster`
/// alternative once the article has named a natural disaster (aid of no
/// stated kind is relief there).
pub(crate) fn relation_in(
    own: Relation,
    disaster: Option<Relation>,
    after_disaster: bool,
) -> Relation {
    match disaster {
        Some(r) if after_disaster => r,
        _ => own,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_cue_file_is_checked_with_its_own_lines_and_adds_to_its_language() {
        let good = "lang = \"en\"\n\n[[cue]]\nrelation = \"visit\"\npos = \"verb\"\nwords = [\"popped over to\"]\ntarget = [\"obj\"]\n";
        let user = UserLexicon::parse("mine.toml", good).unwrap();
        assert_eq!(user.lang, Lang::En);
        let (name, text) = with_users(Lang::En, std::slice::from_ref(&user)).unwrap();
        assert!(name.ends_with(" + mine.toml"), "{name}");
        let merged = check(Lang::En, &name, &text).unwrap();
        let builtin = check(Lang::En, "b", BUILTIN[0].2).unwrap();
        assert_eq!(merged.cues, builtin.cues + 1);
        assert!(with_users(Lang::Ja, &[user]).is_none());
        let err = |t: &str| UserLexicon::parse("mine.toml", t).unwrap_err().to_string();
        assert!(
            err("[[cue]]\n").contains("no `lang"),
            "{}",
            err("[[cue]]\n")
        );
        assert!(err("lang = \"fr\"\n").contains("`lang = \"fr\"`"));
        let e = err(&good.replace("pos = \"verb\"", "pos = \"verbb\""));
        assert!(
            e.starts_with("mine.toml: line 5: ") && e.contains("verbb"),
            "{e}"
        );
        let e = err(&good.replace("\"popped over to\"]", "\"popped\", \"Popped\"]"));
        assert!(e.contains("cue 1 (visit)") && e.contains("`words`"), "{e}");
    }

    #[test]
    fn the_built_in_lexicons_pass_their_checks() {
        for (lang, file, text) in BUILTIN {
            let summary = check(lang, file, text).unwrap();
            assert!(
                summary.cues > 20 && summary.words > summary.cues,
                "{summary:?}"
            );
        }
    }

    #[test]
    fn broken_lexicons_name_the_file_the_cue_and_the_field() {
        let en = |t: &str| check(Lang::En, "my.toml", t).unwrap_err().to_string();
        let ja = |t: &str| check(Lang::Ja, "my.toml", t).unwrap_err().to_string();
        let base = BUILTIN[0].2;
        // A relation that is no ontology name.
        let e = en(&base.replacen(
            "\nrelation = \"sanctions\"",
            "\nrelation = \"sanktions\"",
            1,
        ));
        assert!(e.starts_with("my.toml: ") && e.contains("sanktions"), "{e}");
        // An unknown field.
        let e = en(&base.replacen("[[cue]]\n", "[[cue]]\nwordz = [\"x\"]\n", 1));
        assert!(e.contains("wordz"), "{e}");
        // A duplicate word inside one cue.
        let e = ja(
            "[flags]\nnegation = []\nnot_negation = []\nhedge = []\nattribution = []\n\
                    light_verbs = []\n[[cue]]\nrelation = \"sanctions\"\nwords = [\"制裁\", \"制裁\"]\n",
        );
        assert!(
            e.contains("cue 1 (sanctions)") && e.contains("`words`") && e.contains("制裁"),
            "{e}"
        );
        // A role no frame defines.
        let e = en(&base.replacen("\npos = \"verb\"", "\npos = \"adverb\"", 1));
        assert!(e.contains("adverb"), "{e}");
    }
}
