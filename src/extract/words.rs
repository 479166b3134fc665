//! A set of flag words (negation, hedges, verbs of saying) searched with one
//! automaton instead of one substring search per word.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
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

    /// True when `text` starts with a word of the set.
    pub(crate) fn starts(&self, text: &str) -> bool {
        self.positions(text).next().is_some_and(|(s, _)| s == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exceptions_mask_the_words_inside_them() {
        let s = WordSet::new(&["ない".into()], &["なければならない".into()]);
        assert!(s.occurs_in("参加しない"));
        assert!(!s.occurs_in("参加しなければならない"));
        assert!(s.starts("ないもの"));
        assert!(!s.starts("少ない"));
    }
}
