//! Read-only questions over a [`KnowledgeGraph`], with typed answers.
//!
//! Owns what is asked and what comes back; must not mutate the graph, format or
//! print (the caller renders answers as a table or JSON).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::graph::{EdgeView, KnowledgeGraph};
use crate::model::{ActorId, ActorKind, ArticleId, Date, Relation};

/// Why a question cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// The actor is not in the graph.
    #[error("actor `{0}` is not in the store; check the id or import claims that name it")]
    UnknownActor(ActorId),
}

/// One stored relation and its evidence counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelationRow {
    /// Who acts (for symmetric relations: the smaller id).
    pub source: ActorId,
    /// The relation.
    pub relation: Relation,
    /// Who is acted on.
    pub target: ActorId,
    /// True when the relation has no direction.
    pub symmetric: bool,
    /// Evidence records.
    pub evidence: usize,
    /// Records stated as fact.
    pub asserted: usize,
    /// Records that deny it.
    pub negated: usize,
    /// Records that hedge it.
    pub hedged: usize,
    /// Distinct articles.
    pub articles: usize,
    /// The sentences, when asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<EvidenceRow>,
}

/// One evidence sentence of a relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceRow {
    /// The article's id.
    pub article: ArticleId,
    /// When it happened.
    pub date: Option<Date>,
    /// Sentence index in the article.
    pub sentence: u32,
    /// Byte span `[start, end)`.
    pub span: [u32; 2],
    /// The sentence.
    pub text: String,
    /// The sentence denies the relation.
    pub negated: bool,
    /// The sentence hedges it.
    pub hedged: bool,
    /// Who asserts it.
    pub attributed_to: Vec<ActorId>,
}

fn row(e: EdgeView<'_>, with_evidence: bool) -> RelationRow {
    let c = e.counts();
    RelationRow {
        source: e.source.id.clone(),
        relation: e.relation,
        target: e.target.id.clone(),
        symmetric: e.relation.is_symmetric(),
        evidence: c.evidence,
        asserted: c.asserted,
        negated: c.negated,
        hedged: c.hedged,
        articles: c.articles,
        sentences: if with_evidence {
            e.evidence()
                .into_iter()
                .map(|v| EvidenceRow {
                    article: v.article.clone(),
                    date: v.date,
                    sentence: v.sentence,
                    span: [v.span.start, v.span.end],
                    text: v.text.to_owned(),
                    negated: v.negated,
                    hedged: v.hedged,
                    attributed_to: v.attributed_to.to_vec(),
                })
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// The relations stored around `a`, or between `a` and `b`.
///
/// # Arguments
/// - `a`: the actor asked about; `b`: the other end, when given.
/// - `with_evidence`: also return each relation's sentences.
///
/// # Returns
/// One row per stored (source, relation, target), either direction, sorted by
/// (source, relation, target); an error when `a` or `b` is not in the graph.
///
/// # Complexity
/// O(d log d) for `a`'s d edges (plus their evidence when asked for).
///
/// # Example
/// ```
/// use diplograph::{graph::KnowledgeGraph, query, ActorId};
/// let g = KnowledgeGraph::new();
/// assert!(query::relations(&g, &ActorId::new("RUS").unwrap(), None, false).is_err());
/// ```
pub fn relations(
    graph: &KnowledgeGraph,
    a: &ActorId,
    b: Option<&ActorId>,
    with_evidence: bool,
) -> Result<Vec<RelationRow>, QueryError> {
    for id in std::iter::once(a).chain(b) {
        if graph.actor(id).is_none() {
            return Err(QueryError::UnknownActor(id.clone()));
        }
    }
    let edges = match b {
        Some(b) => graph.edges_between(a, b),
        None => graph.edges_of(a),
    };
    Ok(edges.into_iter().map(|e| row(e, with_evidence)).collect())
}

/// Counts for one relation in [`Stats`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RelationStats {
    /// Edges of this relation.
    pub edges: usize,
    /// Evidence records on them.
    pub evidence: usize,
    /// Records that deny the relation.
    pub negated: usize,
    /// Records that hedge it.
    pub hedged: usize,
}

/// What a store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Actors.
    pub actors: usize,
    /// Actors per kind (every kind listed).
    pub actors_by_kind: BTreeMap<&'static str, usize>,
    /// Edges.
    pub edges: usize,
    /// Per relation present in the store.
    pub relations: BTreeMap<&'static str, RelationStats>,
    /// Evidence records.
    pub evidence: usize,
    /// Distinct articles.
    pub articles: usize,
    /// Stored sentence texts.
    pub sentences: usize,
}

/// Counts of actors by kind, edges and evidence by relation, articles.
///
/// # Complexity
/// O(V + E) plus one pass over each edge's evidence.
pub fn stats(graph: &KnowledgeGraph) -> Stats {
    let mut s = Stats {
        actors: graph.actor_count(),
        edges: graph.edge_count(),
        evidence: graph.evidence_count(),
        articles: graph.article_count(),
        sentences: graph.sentence_count(),
        ..Stats::default()
    };
    for k in ActorKind::ALL {
        s.actors_by_kind.insert(k.as_str(), 0);
    }
    for a in graph.actors() {
        *s.actors_by_kind.entry(a.kind.as_str()).or_default() += 1;
    }
    for e in graph.edges() {
        let c = e.counts();
        let r = s.relations.entry(e.relation.as_str()).or_default();
        r.edges += 1;
        r.evidence += c.evidence;
        r.negated += c.negated;
        r.hedged += c.hedged;
    }
    s
}
