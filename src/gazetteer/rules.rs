//! How each language writes actor names around them: the compound prefixes,
//! state nouns, titles and suffixes the matcher tests a hit against. One TOML
//! file per language (`data/lang/<code>.toml`), so a new language adds a file,
//! not a branch in the matcher.

use serde::Deserialize;

use crate::hash::FxMap;
use crate::model::Lang;

/// The rules of one language, as its file states them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NameRules {
    /// Words are separated by spaces (Korean eojeol): a state noun or a title
    /// may stand one space after the name (`미 국무부`, `푸틴 대통령`).
    #[serde(default)]
    pub spaced: bool,
    /// A family name of two or more characters counts without a title when
    /// at most two characters (a particle) follow it in its word (`푸틴은`,
    /// `트럼프,`): Korean headlines write leaders' names bare.
    #[serde(default)]
    pub family_alone: bool,
    /// Prefixes that make the abbreviation after them a state (対ロ, 대북, 对华).
    #[serde(default)]
    pub prefixes: Vec<char>,
    /// The prefixes meaning "visit": the abbreviations after them are one
    /// state, not a compound (訪米中 is "while visiting the US").
    #[serde(default)]
    pub visit_prefixes: Vec<char>,
    /// Han chars that end the word before them (`与`, `称`): a compound after
    /// one starts cleanly (`与中方`), where after any other Han char it may be
    /// the end of a longer word (`集中方式`). Languages that write particles
    /// in kana or with spaces need none.
    #[serde(default)]
    pub clean_before: Vec<char>,
    /// Nouns after which a lone abbreviation is a state (米軍, 美方).
    #[serde(default)]
    pub state_nouns: Vec<String>,
    /// What follows a state's name when it names a language, people or style.
    #[serde(default)]
    pub not_name_suffixes: Vec<String>,
    /// Text read in this language is folded to simplified Chinese
    /// ([`crate::simplify`]), so its matcher folds every name the same way:
    /// a name listed in either script matches text in either.
    #[serde(default)]
    pub simplified: bool,
    /// Titles and honorifics after a family name (プーチン大統領).
    #[serde(default)]
    pub titles_after: Vec<String>,
    /// Titles before a family name (President Putin).
    #[serde(default)]
    pub titles_before: Vec<String>,
    /// The office each title names: role → titles.
    #[serde(default)]
    title_roles: std::collections::BTreeMap<String, Vec<String>>,
    /// The same, title → role, filled on load.
    #[serde(skip)]
    role_of: FxMap<String, String>,
}

impl NameRules {
    /// The built-in rules of `lang`.
    pub(super) fn builtin(lang: Lang) -> Self {
        let (file, text) = match lang {
            Lang::En => ("en.toml", include_str!("data/lang/en.toml")),
            Lang::Ja => ("ja.toml", include_str!("data/lang/ja.toml")),
            Lang::Ko => ("ko.toml", include_str!("data/lang/ko.toml")),
            Lang::Zh => ("zh.toml", include_str!("data/lang/zh.toml")),
        };
        Self::parse(text).unwrap_or_else(|e| panic!("built-in {file} is checked by tests: {e}"))
    }

    fn parse(text: &str) -> Result<Self, toml::de::Error> {
        let mut rules: NameRules = toml::from_str(text)?;
        for (role, titles) in &rules.title_roles {
            for t in titles {
                rules.role_of.insert(t.clone(), role.clone());
            }
        }
        Ok(rules)
    }

    /// The title after a family name that ends at `end`, if any.
    pub(super) fn title_after(&self, text: &str, end: usize) -> Option<&str> {
        let rest = self.next_word(&text[end..]);
        self.titles_after
            .iter()
            .find(|t| rest.starts_with(t.as_str()))
            .map(String::as_str)
    }

    /// The title that ends right before a family name starting at `start`
    /// in a script without spaces (`总统普京`), if any.
    pub(super) fn title_right_before(&self, text: &str, start: usize) -> Option<&str> {
        let head = &text[..start];
        self.titles_before
            .iter()
            .filter(|t| head.ends_with(t.as_str()))
            .max_by_key(|t| t.len())
            .map(String::as_str)
    }

    /// Whether `word` is a title written before a family name.
    pub(super) fn title_before<'a>(&'a self, word: &str) -> Option<&'a str> {
        self.titles_before
            .iter()
            .find(|t| *t == word)
            .map(String::as_str)
    }

    /// The office a title names (`総書記`, `President`: head of state).
    pub(super) fn role_of(&self, title: &str) -> Option<&str> {
        self.role_of.get(title).map(String::as_str)
    }

    /// Whether a state noun starts at the front of `rest`.
    pub(super) fn starts_with_state_noun(&self, rest: &str) -> bool {
        let rest = self.next_word(rest);
        self.state_nouns
            .iter()
            .any(|n| rest.starts_with(n.as_str()))
    }

    /// `rest` without the one space a spaced language may put after a name.
    fn next_word<'t>(&self, rest: &'t str) -> &'t str {
        match rest.strip_prefix(' ') {
            Some(word) if self.spaced => word,
            _ => rest,
        }
    }

    /// Whether `rest` (what follows a name) makes it a language or people.
    pub(super) fn names_no_state(&self, rest: &str) -> bool {
        self.not_name_suffixes
            .iter()
            .any(|s| rest.starts_with(s.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_file_loads_and_roles_point_at_listed_titles() {
        for lang in [Lang::En, Lang::Ja, Lang::Ko, Lang::Zh] {
            let rules = NameRules::builtin(lang);
            for title in rules.role_of.keys() {
                assert!(
                    rules.titles_after.contains(title) || rules.titles_before.contains(title),
                    "{lang:?}: `{title}` has a role but is no title"
                );
            }
        }
        assert_eq!(
            NameRules::builtin(Lang::Ja).role_of("総書記"),
            Some("head_of_state")
        );
        assert_eq!(
            NameRules::builtin(Lang::En).role_of("PM"),
            Some("head_of_government")
        );
    }

    #[test]
    fn an_unknown_field_or_a_prefix_of_two_chars_is_an_error() {
        assert!(NameRules::parse("prefixez = []").is_err());
        assert!(NameRules::parse("prefixes = [\"対ロ\"]").is_err());
        assert!(NameRules::parse("prefixes = [\"対\"]").is_ok());
    }
}
