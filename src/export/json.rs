//! JSON of a whole graph: `{"nodes": [...], "edges": [...]}` with every
//! attribute, for programs that want the picture rather than the claims.
//!
//! Nodes carry `id`, `kind`, `country` (null when none), `name`, `name_ja` and
//! `label`; edges carry `source`, `target`, `relation`, `symmetric` (stored
//! once, smaller id first), the evidence counts, `weight`, `label`,
//! `first_date` and `last_date` (null when no record is dated), and with
//! `--evidence` the records themselves. Sorted as the graph iterates, so output
//! is stable.

use serde::Serialize;

use super::{EvidenceRecord, Options, edge_facts, node_label};
use crate::graph::KnowledgeGraph;
use crate::model::{ActorId, ActorKind, Date, Relation};

#[derive(Serialize)]
struct Node<'g> {
    id: &'g ActorId,
    kind: ActorKind,
    country: Option<&'g ActorId>,
    name: &'g str,
    name_ja: &'g str,
    label: &'g str,
}

#[derive(Serialize)]
struct Edge<'g> {
    source: &'g ActorId,
    target: &'g ActorId,
    relation: Relation,
    symmetric: bool,
    label: String,
    weight: usize,
    evidence: usize,
    asserted: usize,
    negated: usize,
    hedged: usize,
    articles: usize,
    first_date: Option<Date>,
    last_date: Option<Date>,
    #[serde(skip_serializing_if = "str::is_empty")]
    role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    records: Option<Vec<EvidenceRecord>>,
}

#[derive(Serialize)]
struct Doc<'g> {
    directed: bool,
    nodes: Vec<Node<'g>>,
    edges: Vec<Edge<'g>>,
}

/// The graph as pretty-printed JSON, newline-terminated.
pub fn to_json(graph: &KnowledgeGraph, options: &Options) -> Vec<u8> {
    let mut out =
        serde_json::to_vec_pretty(&doc(graph, options)).expect("plain structs always serialize");
    out.push(b'\n');
    out
}

/// The document [`to_json`] writes, as a JSON value: for a caller that adds
/// to it before writing it (the explorer's ego network), without printing
/// and parsing it first.
pub fn to_value(graph: &KnowledgeGraph, options: &Options) -> serde_json::Value {
    serde_json::to_value(doc(graph, options)).expect("plain structs always serialize")
}

fn doc<'g>(graph: &'g KnowledgeGraph, options: &'g Options) -> Doc<'g> {
    Doc {
        directed: true,
        nodes: graph
            .actors()
            .map(|a| Node {
                id: &a.id,
                kind: a.kind,
                country: a.country.as_ref(),
                name: &a.name,
                name_ja: options.name_ja(&a.id),
                label: node_label(a),
            })
            .collect(),
        edges: graph
            .edges()
            .map(|e| {
                let f = edge_facts(&e, options.evidence);
                let c = f.counts;
                Edge {
                    source: &e.source.id,
                    target: &e.target.id,
                    relation: e.relation,
                    symmetric: e.relation.is_symmetric(),
                    label: f.label,
                    weight: c.evidence,
                    evidence: c.evidence,
                    asserted: c.asserted,
                    negated: c.negated,
                    hedged: c.hedged,
                    articles: c.articles,
                    first_date: f.first,
                    last_date: f.last,
                    role: f.role,
                    records: options.evidence.then_some(f.records),
                }
            })
            .collect(),
    }
}
