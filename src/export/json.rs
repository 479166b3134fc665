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
use crate::graph::{EdgeView, KnowledgeGraph};
use crate::model::{Actor, ActorId, ActorKind, Date, Relation};

#[derive(Serialize)]
struct Node<'g, X> {
    id: &'g ActorId,
    kind: ActorKind,
    country: Option<&'g ActorId>,
    name: &'g str,
    name_ja: &'g str,
    label: &'g str,
    #[serde(flatten)]
    extra: X,
}

#[derive(Serialize)]
struct Edge<'g, X> {
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
    #[serde(flatten)]
    extra: X,
}

#[derive(Serialize)]
struct Doc<'g, N, E, D> {
    directed: bool,
    nodes: Vec<Node<'g, N>>,
    edges: Vec<Edge<'g, E>>,
    #[serde(flatten)]
    extra: D,
}

/// What a caller adds to [`to_json`]'s document: fields of its own on the
/// document, on each node and on each edge (each a struct, written after
/// the export's fields).
pub struct Extra<D, FN, FE> {
    /// Fields of the document.
    pub doc: D,
    /// Fields of a node, from its actor.
    pub node: FN,
    /// Fields of an edge, from the edge.
    pub edge: FE,
}

/// The graph as pretty-printed JSON, newline-terminated.
pub fn to_json(graph: &KnowledgeGraph, options: &Options) -> Vec<u8> {
    let none = Extra {
        doc: (),
        node: |_: &Actor| (),
        edge: |_: &EdgeView<'_>| (),
    };
    let mut out = serde_json::to_vec_pretty(&doc(graph, options, none))
        .expect("plain structs always serialize");
    out.push(b'\n');
    out
}

/// [`to_json`]'s document with `extra`'s fields, as compact JSON: for a
/// caller that adds to it (the explorer's ego network), written in one pass
/// with no JSON value built first.
pub fn to_json_with<D, N, E, FN, FE>(
    graph: &KnowledgeGraph,
    options: &Options,
    extra: Extra<D, FN, FE>,
) -> Vec<u8>
where
    D: Serialize,
    N: Serialize,
    E: Serialize,
    FN: Fn(&Actor) -> N,
    FE: Fn(&EdgeView<'_>) -> E,
{
    serde_json::to_vec(&doc(graph, options, extra)).expect("plain structs always serialize")
}

fn doc<'g, D, N, E, FN, FE>(
    graph: &'g KnowledgeGraph,
    options: &'g Options,
    extra: Extra<D, FN, FE>,
) -> Doc<'g, N, E, D>
where
    FN: Fn(&Actor) -> N,
    FE: Fn(&EdgeView<'_>) -> E,
{
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
                extra: (extra.node)(a),
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
                    extra: (extra.edge)(&e),
                }
            })
            .collect(),
        extra: extra.doc,
    }
}
