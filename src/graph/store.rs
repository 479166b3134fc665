//! The graph's tables beside petgraph: articles (interned), sentence texts (stored
//! once per article and sentence index) and compact evidence records.
//!
//! Also holds the order-independent rules that settle conflicting values, so that
//! insert and merge are joins in a lattice: idempotent, commutative, associative.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Actor, ActorId, ArticleId, Date, Span};

/// Index of an article in [`Articles`]; never leaves the `graph` module.
pub(super) type ArticleIx = u32;

/// What the graph keeps about an article besides its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ArticleMeta {
    pub(super) id: ArticleId,
    pub(super) title: Option<String>,
    pub(super) url: Option<String>,
}

/// Interned articles plus the sentence table.
#[derive(Debug, Clone, Default)]
pub(super) struct Articles {
    pub(super) metas: Vec<ArticleMeta>,
    by_id: HashMap<ArticleId, ArticleIx>,
    /// Each sentence text once, keyed by (article, sentence index).
    pub(super) sentences: HashMap<(ArticleIx, u32), Box<str>>,
}

impl Articles {
    /// The index of `id`, interning it when new; joins title and url.
    pub(super) fn intern(
        &mut self,
        id: &ArticleId,
        title: Option<&str>,
        url: Option<&str>,
    ) -> ArticleIx {
        let ix = match self.by_id.get(id) {
            Some(&ix) => ix,
            None => {
                let ix = ArticleIx::try_from(self.metas.len())
                    .expect("fewer than 4 billion articles in one graph");
                self.metas.push(ArticleMeta {
                    id: id.clone(),
                    title: None,
                    url: None,
                });
                self.by_id.insert(id.clone(), ix);
                ix
            }
        };
        let meta = &mut self.metas[ix as usize];
        join_opt_text(&mut meta.title, title);
        join_opt_text(&mut meta.url, url);
        ix
    }

    /// The index of `id`, when known.
    pub(super) fn get(&self, id: &ArticleId) -> Option<ArticleIx> {
        self.by_id.get(id).copied()
    }

    /// Stores a sentence text, joining with what is already there.
    pub(super) fn put_sentence(&mut self, article: ArticleIx, sentence: u32, text: &str) {
        match self.sentences.get_mut(&(article, sentence)) {
            Some(old) => {
                if prefer_text(text, old) {
                    *old = text.into();
                }
            }
            None => {
                self.sentences.insert((article, sentence), text.into());
            }
        }
    }

    /// The stored text of a sentence, empty when none.
    pub(super) fn sentence(&self, article: ArticleIx, sentence: u32) -> &str {
        self.sentences.get(&(article, sentence)).map_or("", |s| s)
    }
}

/// The flags and facts of one piece of evidence on one edge. The key (article,
/// span) is kept by the map holding it; the text sits in the sentence table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EvidenceRec {
    pub(super) sentence: u32,
    pub(super) date: Option<Date>,
    pub(super) negated: bool,
    pub(super) hedged: bool,
    /// Sorted, without duplicates.
    pub(super) attributed_to: Vec<ActorId>,
}

impl EvidenceRec {
    /// Joins two readings of the same (article, span) on the same edge, in an
    /// order-independent way: a denial or hedge anywhere is kept (a negated claim
    /// must never turn into a fact), attributions are united, the later date and
    /// the smaller sentence index win.
    pub(super) fn join(&mut self, other: &EvidenceRec) {
        self.negated |= other.negated;
        self.hedged |= other.hedged;
        self.sentence = self.sentence.min(other.sentence);
        self.date = self.date.max(other.date);
        for a in &other.attributed_to {
            if let Err(at) = self.attributed_to.binary_search(a) {
                self.attributed_to.insert(at, a.clone());
            }
        }
    }
}

/// Evidence of one edge keyed by (article, span): the deduplication key.
pub(super) type EvidenceMap = BTreeMap<(ArticleIx, Span), EvidenceRec>;

/// An edge's payload in the petgraph graph.
#[derive(Debug, Clone)]
pub(super) struct Edge {
    pub(super) relation: crate::model::Relation,
    pub(super) evidence: EvidenceMap,
}

/// Whether `new` should replace `old` as a text value: non-empty beats empty, then
/// the smaller string wins (an order-independent rule).
pub(super) fn prefer_text(new: &str, old: &str) -> bool {
    match (new.is_empty(), old.is_empty()) {
        (false, true) => true,
        (true, _) => false,
        (false, false) => new < old,
    }
}

/// Joins an optional text: a value beats none, then [`prefer_text`].
pub(super) fn join_opt_text(old: &mut Option<String>, new: Option<&str>) {
    match (old.as_deref(), new) {
        (_, None) => {}
        (None, Some(n)) => *old = Some(n.to_owned()),
        (Some(o), Some(n)) => {
            if prefer_text(n, o) {
                *old = Some(n.to_owned());
            }
        }
    }
}

/// Joins two records of the same actor id, independent of order: the larger kind
/// (an explicit `group` or `organization` beats the `country` or `organization`
/// guessed from an id's form), a known country beats none and then the smaller id
/// wins, and the name follows [`prefer_text`].
pub(super) fn join_actor(old: &mut Actor, new: &Actor) {
    debug_assert_eq!(old.id, new.id, "joining records of different actors");
    old.kind = old.kind.max(new.kind);
    old.country = match (old.country.take(), &new.country) {
        (None, n) => n.clone(),
        (Some(o), None) => Some(o),
        (Some(o), Some(n)) => Some(o.min(n.clone())),
    };
    if prefer_text(&new.name, &old.name) {
        old.name = new.name.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    #[test]
    fn actor_join_ignores_order() {
        let id = ActorId::new("WEST").unwrap();
        let guessed = Actor::from_id(id.clone());
        let explicit = Actor {
            id,
            kind: ActorKind::Group,
            country: None,
            name: "the West".into(),
        };
        let mut a = guessed.clone();
        join_actor(&mut a, &explicit);
        let mut b = explicit.clone();
        join_actor(&mut b, &guessed);
        assert_eq!(a, b);
        assert_eq!(a.kind, ActorKind::Group);
        assert_eq!(a.name, "the West");
    }

    #[test]
    fn a_denial_survives_a_join_either_way() {
        let plain = EvidenceRec {
            sentence: 2,
            date: None,
            negated: false,
            hedged: false,
            attributed_to: vec![],
        };
        let denied = EvidenceRec {
            negated: true,
            sentence: 1,
            ..plain.clone()
        };
        let mut a = plain.clone();
        a.join(&denied);
        let mut b = denied.clone();
        b.join(&plain);
        assert_eq!(a, b);
        assert!(a.negated);
    }
}
