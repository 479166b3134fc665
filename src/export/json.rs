//! JSON of a whole graph: `{"nodes": [...], "edges": [...]}` with every
//! attribute, for programs that want the picture rather than the claims.
//!
//! Nodes carry `id`, `kind`, `country` (null when none) and `name`; edges carry
//! `source`, `target`, `relation`, `symmetric` (stored once, smaller id first)
//! and the evidence counts. Sorted as the graph iterates, so output is stable.

use serde::Serialize;

use crate::graph::KnowledgeGraph;
use crate::model::{ActorId, ActorKind, Relation};

#[derive(Serialize)]
struct Node<'g> {
    id: &'g ActorId,
    kind: ActorKind,
    country: Option<&'g ActorId>,
    name: &'g str,
}

#[derive(Serialize)]
struct Edge<'g> {
    source: &'g ActorId,
    target: &'g ActorId,
    relation: Relation,
    symmetric: bool,
    evidence: usize,
    asserted: usize,
    negated: usize,
    hedged: usize,
    articles: usize,
}

#[derive(Serialize)]
struct Doc<'g> {
    directed: bool,
    nodes: Vec<Node<'g>>,
    edges: Vec<Edge<'g>>,
}

/// The graph as pretty-printed JSON, newline-terminated.
pub fn to_json(graph: &KnowledgeGraph) -> Vec<u8> {
    let doc = Doc {
        directed: true,
        nodes: graph
            .actors()
            .map(|a| Node {
                id: &a.id,
                kind: a.kind,
                country: a.country.as_ref(),
                name: &a.name,
            })
            .collect(),
        edges: graph
            .edges()
            .map(|e| {
                let c = e.counts();
                Edge {
                    source: &e.source.id,
                    target: &e.target.id,
                    relation: e.relation,
                    symmetric: e.relation.is_symmetric(),
                    evidence: c.evidence,
                    asserted: c.asserted,
                    negated: c.negated,
                    hedged: c.hedged,
                    articles: c.articles,
                }
            })
            .collect(),
    };
    let mut out = serde_json::to_vec_pretty(&doc).expect("plain structs always serialize");
    out.push(b'\n');
    out
}
