//! The counts `stats` and `top` show, kept beside the graph so that a store
//! answers them without building its graph: a [`Census`] is computed from
//! edge summaries when the store is written and read back alone.

use std::collections::HashMap;

use super::KnowledgeGraph;
use crate::model::{Actor, ActorId, ActorKind, Relation};

/// Edge and record counts of one relation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RelationCensus {
    /// Edges.
    pub edges: usize,
    /// Evidence records on them.
    pub evidence: usize,
    /// Records that deny the relation.
    pub negated: usize,
    /// Records that hedge it.
    pub hedged: usize,
}

/// How connected one actor is, over the edges `top` ranks by default: every
/// relation but `leader_of` (holding an office), records that deny a relation
/// left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Degree {
    /// The actor.
    pub actor: Actor,
    /// Edges it is an end of (a self-loop counts twice).
    pub degree: usize,
    /// Records on those edges.
    pub evidence: usize,
}

/// What a graph holds, in counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Census {
    /// Actors.
    pub actors: usize,
    /// Actors per kind, in the order of [`ActorKind::ALL`].
    pub actors_by_kind: Vec<(ActorKind, usize)>,
    /// Edges.
    pub edges: usize,
    /// Per relation present, sorted by relation.
    pub relations: Vec<(Relation, RelationCensus)>,
    /// Evidence records.
    pub evidence: usize,
    /// Articles.
    pub articles: usize,
    /// Stored sentence texts.
    pub sentences: usize,
    /// Actors with at least one edge `top` counts, sorted by id.
    pub degrees: Vec<Degree>,
}

impl KnowledgeGraph {
    /// The graph's counts, from edge summaries (no stored record is read).
    ///
    /// # Complexity
    /// O(V + E).
    pub fn census(&self) -> Census {
        let mut kinds: HashMap<ActorKind, usize> = HashMap::new();
        for a in self.graph.node_weights() {
            *kinds.entry(a.kind).or_default() += 1;
        }
        let mut relations: HashMap<Relation, RelationCensus> = HashMap::new();
        let mut degrees: HashMap<&ActorId, (usize, usize)> = HashMap::new();
        for e in self.edges_unsorted() {
            let s = e.summary();
            let r = relations.entry(e.relation).or_default();
            r.edges += 1;
            r.evidence += s.evidence();
            r.negated += s.negated as usize;
            r.hedged += s.hedged as usize;
            let kept = (s.asserted + s.hedged) as usize;
            if e.relation != Relation::LeaderOf && kept > 0 {
                for id in [&e.source.id, &e.target.id] {
                    let d = degrees.entry(id).or_default();
                    d.0 += 1;
                    d.1 += kept;
                }
            }
        }
        let mut relations: Vec<_> = relations.into_iter().collect();
        relations.sort_by_key(|(r, _)| *r);
        let mut degrees: Vec<Degree> = degrees
            .into_iter()
            .map(|(id, (degree, evidence))| Degree {
                actor: self.actor(id).expect("edge ends are actors").clone(),
                degree,
                evidence,
            })
            .collect();
        degrees.sort_by(|a, b| a.actor.id.cmp(&b.actor.id));
        Census {
            actors: self.actor_count(),
            actors_by_kind: ActorKind::ALL
                .iter()
                .map(|k| (*k, kinds.get(k).copied().unwrap_or(0)))
                .collect(),
            edges: self.edge_count(),
            relations,
            evidence: self.evidence_count(),
            articles: self.article_count(),
            sentences: self.sentence_count(),
            degrees,
        }
    }
}
