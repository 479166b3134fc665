//! Lexicons as typed data: each language's `lexicon.toml` is read into serde
//! types whose relations, parts of speech and roles are enums, so a misspelt
//! name or an unknown field fails at load with the file, line and field; and
//! checks serde cannot express (a word listed twice) fail here with the file,
//! the cue and the field.

use std::collections::HashSet;

use serde::de::DeserializeOwned;

use crate::model::Lang;

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
pub const BUILTIN: [(Lang, &str, &str); 3] = [
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
        Lang::Zh => super::lang::zh::Chinese::from_toml(file, text)?.size(),
        Lang::Ko => {
            return Err(LexiconError::Schema {
                file: file.to_owned(),
                message: format!("there are no {lang} rules yet to check a lexicon for"),
            });
        }
    };
    Ok(LexiconSummary { lang, cues, words })
}

#[cfg(test)]
mod tests {
    use super::*;

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
