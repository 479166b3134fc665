//! Language plugins: one folder per language, its rules (`mod.rs`) beside its
//! lexicon (`lexicon.toml`), behind one internal trait, [`Language`].
//!
//! The shared stages around a plugin are in `extract`: normalization,
//! sentences ([`crate::extract::sentence`]), mentions (the gazetteer), the
//! choice of language per sentence ([`crate::script`]) and the claims stage
//! (state roll-up, self-loops, the per-sentence cap, `leader_of`). A plugin
//! reads one sentence's mentions and gives the relations it states.
//!
//! The files a new language touches:
//!
//! 1. `src/extract/lang/<code>/mod.rs` and `lexicon.toml`: the plugin and its
//!    cues, a type implementing [`Language`].
//! 2. `src/extract/lang/mod.rs` (this file): `mod <code>;` and its arm in
//!    [`Plugins::for_lang`].
//! 3. `src/model.rs`: the [`Lang`] variant (and its code in `Lang::as_str`).
//! 4. `src/script.rs`: its script predicate, and where
//!    `ScriptCounts::article_lang` / `fits` should route its text.
//! 5. `src/extract/sentence.rs`: its sentence marks, when they are not
//!    `.!?` or `。！？`.
//! 6. The gazetteer: `src/gazetteer/data/names_<code>.tsv` (names in its
//!    script and compound-only short forms, listed in `NAMES` in
//!    `src/gazetteer/mod.rs`, with their fields on `Entry` in `table.rs`),
//!    `src/gazetteer/data/lang/<code>.toml` (its compound prefixes, state
//!    nouns, titles) and, in `matcher.rs`, the lists `name_lists` reads for
//!    it and its matcher slot in `Gazetteer::mentions_in`.
//! 7. `src/cli/mod.rs`: the `--lang` value.
//! 8. README (languages, examples) and a test module of one-sentence cases.

pub(crate) mod en;
pub(crate) mod ja;
pub(crate) mod ko;
pub(crate) mod zh;

use crate::extract::lexicon::{self, LexiconError, UserLexicon};
use crate::extract::{Discourse, Found, SentenceView};
use crate::model::Lang;

/// What a language gives the shared pipeline: the relations one sentence
/// states, read from its mentions by that language's grammar.
pub(crate) trait Language: std::fmt::Debug + Send + Sync {
    /// The relations stated in one sentence (before the shared claims stage);
    /// may read and update what carries over between sentences.
    fn sentence(&self, view: &SentenceView<'_>, discourse: &mut Discourse) -> Vec<Found>;

    /// Where the sentence says its actors join an act told before
    /// (`followed suit`, `追随`, `동참`, `跟进`; the lexicon's `joining`
    /// words): the byte offset in the text before which the joiners are
    /// named (the joining word, or the one followed: `チリに同調`).
    fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize>;
}

impl Language for en::English {
    fn sentence(&self, view: &SentenceView<'_>, discourse: &mut Discourse) -> Vec<Found> {
        en::English::sentence(self, view, discourse)
    }

    fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize> {
        en::English::joining_at(self, view)
    }
}

impl Language for ja::Japanese {
    fn sentence(&self, view: &SentenceView<'_>, discourse: &mut Discourse) -> Vec<Found> {
        ja::Japanese::sentence(self, view, discourse)
    }

    fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize> {
        ja::Japanese::joining_at(self, view)
    }
}

impl Language for ko::Korean {
    fn sentence(&self, view: &SentenceView<'_>, discourse: &mut Discourse) -> Vec<Found> {
        ko::Korean::sentence(self, view, discourse)
    }

    fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize> {
        ko::Korean::joining_at(self, view)
    }
}

impl Language for zh::Chinese {
    fn sentence(&self, view: &SentenceView<'_>, discourse: &mut Discourse) -> Vec<Found> {
        zh::Chinese::sentence(self, view, discourse)
    }

    fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize> {
        zh::Chinese::joining_at(self, view)
    }
}

/// The built-in plugins, built once.
#[derive(Debug)]
pub(crate) struct Plugins {
    english: en::English,
    japanese: ja::Japanese,
    korean: ko::Korean,
    chinese: zh::Chinese,
}

impl Plugins {
    /// Every built-in plugin with its built-in lexicon.
    pub(crate) fn builtin() -> Self {
        Plugins {
            english: en::English::builtin(),
            japanese: ja::Japanese::builtin(),
            korean: ko::Korean::builtin(),
            chinese: zh::Chinese::builtin(),
        }
    }

    /// The built-in plugins, each language's lexicon with the users' cue
    /// files for it added.
    pub(crate) fn with_users(users: &[UserLexicon]) -> Result<Self, LexiconError> {
        let mut plugins = Self::builtin();
        if let Some((name, text)) = lexicon::with_users(Lang::En, users) {
            plugins.english = en::English::from_toml(&name, &text)?;
        }
        if let Some((name, text)) = lexicon::with_users(Lang::Ja, users) {
            plugins.japanese = ja::Japanese::from_toml(&name, &text)?;
        }
        if let Some((name, text)) = lexicon::with_users(Lang::Ko, users) {
            plugins.korean = ko::Korean::from_toml(&name, &text)?;
        }
        if let Some((name, text)) = lexicon::with_users(Lang::Zh, users) {
            plugins.chinese = zh::Chinese::from_toml(&name, &text)?;
        }
        Ok(plugins)
    }

    /// The plugin that reads `lang`.
    pub(crate) fn for_lang(&self, lang: Lang) -> Option<&dyn Language> {
        match lang {
            Lang::En => Some(&self.english),
            Lang::Ja => Some(&self.japanese),
            Lang::Ko => Some(&self.korean),
            Lang::Zh => Some(&self.chinese),
        }
    }
}
