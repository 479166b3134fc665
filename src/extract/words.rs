//! A set of flag words (negation, hedges, verbs of saying) searched with one
//! automaton instead of one substring search per word.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

/// The automaton over a plugin's cue words, built the first time a sentence
/// of its language is read: a DFA (leftmost-longest), which searches Hangul
/// and Han text faster than the NFA, but takes tens of milliseconds to build,
/// so a run that never reads the language never pays for it.
#[derive(Debug)]
pub(crate) struct CueAutomaton {
    patterns: Vec<String>,
    built: OnceLock<AhoCorasick>,
}

impl CueAutomaton {
    pub(crate) fn new(patterns: Vec<String>) -> Self {
        CueAutomaton {
            patterns,
            built: OnceLock::new(),
        }
    }

    /// The automaton, built on first use.
    pub(crate) fn get(&self) -> &AhoCorasick {
        self.built.get_or_init(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&self.patterns)
                .expect("cue words are plain strings")
        })
    }
}

/// Words to find in text; some may be marked as exceptions that mask the others
/// (`なければならない` hides the `ない` inside it).
#[derive(Debug)]
pub(crate) struct WordSet {
    automaton: AhoCorasick,
    /// Per pattern: true when it is an exception, not a word of the set.
    exception: Vec<bool>,
}

impl WordSet {
    pub(crate) fn new(words: &[String], exceptions: &[String]) -> Self {
        let patterns: Vec<&str> = words.iter().chain(exceptions).map(String::as_str).collect();
        let exception = (0..patterns.len()).map(|i| i >= words.len()).collect();
        // Anchored searches too, for `starts`.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&patterns)
            .expect("flag words are plain strings");
        WordSet {
            automaton,
            exception,
        }
    }

    /// Start offsets of every word of the set in `text` (exceptions skipped).
    pub(crate) fn positions<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize)> + 't {
        self.automaton
            .find_iter(text)
            .filter(|m| !self.exception[m.pattern().as_usize()])
            .map(|m| (m.start(), m.end()))
    }

    /// True when a word of the set occurs in `text`, outside any exception.
    pub(crate) fn occurs_in(&self, text: &str) -> bool {
        self.positions(text).next().is_some()
    }

    /// The length of the word of the set `text` starts with, if any.
    pub(crate) fn prefix_len(&self, text: &str) -> Option<usize> {
        let input = Input::new(text).anchored(Anchored::Yes);
        self.automaton
            .find(input)
            .filter(|m| !self.exception[m.pattern().as_usize()])
            .map(|m| m.end())
    }

    /// True when `text` starts with a word of the set.
    pub(crate) fn starts(&self, text: &str) -> bool {
        // Anchored, so a text that does not start with a word is not searched
        // to its end.
        let input = Input::new(text).anchored(Anchored::Yes);
        self.automaton
            .find(input)
            .is_some_and(|m| !self.exception[m.pattern().as_usize()])
    }
}

/// Words looked up at either end of a text (particles, titles, name tails),
/// in the order of their list: the first that fits wins, as a scan of the
/// list would find it, but only the words that share the text's first (or
/// last) char are tried, so a long list costs what a short one does.
#[derive(Debug)]
pub(crate) struct Affixes<T> {
    words: Vec<(String, T)>,
    /// Positions in `words` by each word's first char.
    by_first: HashMap<char, Vec<usize>>,
    /// Positions in `words` by each word's last char.
    by_last: HashMap<char, Vec<usize>>,
}

impl<T> Affixes<T> {
    pub(crate) fn new(words: Vec<(String, T)>) -> Self {
        let (mut by_first, mut by_last) = (HashMap::new(), HashMap::new());
        for (i, (w, _)) in words.iter().enumerate() {
            if let (Some(first), Some(last)) = (w.chars().next(), w.chars().next_back()) {
                by_first.entry(first).or_insert_with(Vec::new).push(i);
                by_last.entry(last).or_insert_with(Vec::new).push(i);
            }
        }
        Affixes {
            words,
            by_first,
            by_last,
        }
    }

    /// The first word `text` starts with for which `fits` holds (given the
    /// word and its value).
    pub(crate) fn prefix_where(
        &self,
        text: &str,
        mut fits: impl FnMut(&str, &T) -> bool,
    ) -> Option<(&str, &T)> {
        let candidates = self.by_first.get(&text.chars().next()?)?;
        self.first(candidates, |w, v| text.starts_with(w) && fits(w, v))
    }

    /// The first word `text` ends with for which `fits` holds.
    pub(crate) fn suffix_where(
        &self,
        text: &str,
        mut fits: impl FnMut(&str, &T) -> bool,
    ) -> Option<(&str, &T)> {
        let candidates = self.by_last.get(&text.chars().next_back()?)?;
        self.first(candidates, |w, v| text.ends_with(w) && fits(w, v))
    }

    /// The first word `text` starts with.
    pub(crate) fn prefix_of(&self, text: &str) -> Option<(&str, &T)> {
        self.prefix_where(text, |_, _| true)
    }

    /// The first word `text` ends with.
    pub(crate) fn suffix_of(&self, text: &str) -> Option<(&str, &T)> {
        self.suffix_where(text, |_, _| true)
    }

    fn first(
        &self,
        candidates: &[usize],
        mut fits: impl FnMut(&str, &T) -> bool,
    ) -> Option<(&str, &T)> {
        candidates
            .iter()
            .map(|&i| (self.words[i].0.as_str(), &self.words[i].1))
            .find(|&(w, v)| fits(w, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_find_the_first_listed_word_at_either_end() {
        let words =
            |ws: &[&str]| Affixes::new(ws.iter().map(|w| (w.to_string(), w.len())).collect());
        let tails = words(&["대통령", "대", "정부"]);
        assert_eq!(tails.prefix_of("대통령은").map(|(w, _)| w), Some("대통령"));
        assert_eq!(tails.prefix_of("대북"), Some(("대", &3)));
        assert_eq!(tails.prefix_of("군은"), None);
        let short = tails.prefix_where("대통령은", |w, _| w.len() < 9);
        assert_eq!(short.map(|(w, _)| w), Some("대"));
        let titles = words(&["外长", "兼外长", "总统"]);
        assert_eq!(
            titles.suffix_of("国务委员兼外长").map(|(w, _)| w),
            Some("外长")
        );
        assert_eq!(titles.suffix_of(""), None);
    }

    #[test]
    fn exceptions_mask_the_words_inside_them() {
        let s = WordSet::new(&["ない".into()], &["なければならない".into()]);
        assert!(s.occurs_in("参加しない"));
        assert!(!s.occurs_in("参加しなければならない"));
        assert!(s.starts("ないもの"));
        assert!(!s.starts("少ない"));
    }
}
