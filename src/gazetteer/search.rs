//! Search as you type: the actors whose names begin with, or contain, what was
//! typed so far, in any script (the explorer's search box).
//!
//! [`Gazetteer::resolve`] answers a finished argument with one actor; a search box
//! has half a word (`ロシ`, `kore`) and wants a short, ranked list, so this
//! ranks the same name index by how the typed text sits in each name, and
//! falls back on [`Gazetteer::suggest`] for misspellings.

use super::{Entry, Gazetteer, lookup_key};
use crate::model::ActorId;

/// One actor a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit<'g> {
    /// The actor's entry.
    pub entry: &'g Entry,
    /// The name that matched, normalized (NFKC, lower case).
    pub matched: String,
}

/// How a typed text sits in a name: lower is better.
fn rank(key: &str, name: &str) -> Option<u8> {
    if name == key {
        Some(0)
    } else if name.starts_with(key) {
        Some(1)
    } else if name.contains(key) {
        Some(2)
    } else {
        None
    }
}

impl Gazetteer {
    /// Up to `limit` actors for a partly typed name, best first: the actor
    /// [`Gazetteer::resolve`] gives (titles, honorifics, `露`), then names that
    /// are the text, begin with it, or contain it (shorter names first), then
    /// "did you mean" suggestions when nothing matched.
    ///
    /// # Complexity
    /// O(N) over the N known names.
    pub fn search<'g>(&'g self, text: &str, limit: usize) -> Vec<SearchHit<'g>> {
        let key = lookup_key(text);
        if key.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits: Vec<SearchHit<'_>> = Vec::new();
        let push = |hits: &mut Vec<SearchHit<'g>>, entry: &'g Entry, matched: &str| {
            if hits.len() < limit && !hits.iter().any(|h| h.entry.actor.id == entry.actor.id) {
                hits.push(SearchHit {
                    entry,
                    matched: matched.to_owned(),
                });
            }
        };
        if let Ok(entry) = self.resolve(text) {
            push(&mut hits, entry, &key);
        }
        let mut ranked: Vec<(u8, usize, &str)> = self
            .by_name()
            .keys()
            .filter_map(|name| rank(&key, name).map(|r| (r, name.chars().count(), name.as_str())))
            .collect();
        ranked.sort_unstable();
        for (_, _, name) in ranked {
            for &i in &self.by_name()[name] {
                push(&mut hits, &self.entries[i as usize], name);
            }
        }
        if hits.is_empty() {
            for s in self.suggest(&key) {
                let id = s.split(' ').next().and_then(|id| ActorId::new(id).ok());
                if let Some(entry) = id.and_then(|id| self.get(&id)) {
                    push(&mut hits, entry, &key);
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(g: &Gazetteer, q: &str) -> Vec<String> {
        g.search(q, 5)
            .iter()
            .map(|h| h.entry.actor.id.to_string())
            .collect()
    }

    #[test]
    fn partial_names_find_actors_in_any_script() {
        let g = Gazetteer::builtin();
        assert_eq!(ids(&g, "ロシア").first().map(String::as_str), Some("RUS"));
        assert!(ids(&g, "ロシ").contains(&"RUS".to_owned()));
        assert!(ids(&g, "russ").contains(&"RUS".to_owned()));
        assert!(ids(&g, "北朝").contains(&"PRK".to_owned()));
        assert_eq!(
            ids(&g, "プーチン").first().map(String::as_str),
            Some("person:putin-vladimir")
        );
    }

    #[test]
    fn misspellings_get_suggestions_and_nothing_gets_nothing() {
        let g = Gazetteer::builtin();
        assert!(ids(&g, "Rusia").contains(&"RUS".to_owned()));
        assert!(ids(&g, "  ").is_empty());
        assert!(g.search("ロシア", 0).is_empty());
    }
}
