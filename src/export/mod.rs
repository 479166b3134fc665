//! Exports: the JSONL claim contract, Graphviz DOT, JSON, GraphML, GEXF and CSV, as bytes,
//! and Parquet tables (into any `Write`, and read back from any file: [`parquet`]).
//!
//! Owns every output format's shape. Must not touch files or stdout: the caller
//! (`cli`) writes the bytes where the user asked.
//!
//! The data formats (JSON, GraphML, GEXF, CSV) carry the same facts per edge:
//! relation, `symmetric`, the evidence counts, `weight` (the evidence count),
//! `label` ("sanctions (3)"), `articles`, the first and last evidence dates, and
//! on `leader_of` the `role` (the offices its records name, comma-separated);
//! per node `label`, `name` and `name_ja`. With [`Options::evidence`] they also
//! carry each evidence record (sentence, article id, title, url, date, flags).

pub mod csv;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod jsonl;
pub mod parquet;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::graph::{EdgeCounts, EdgeView};
use crate::model::{Actor, ActorId, ArticleId, Date};

/// What the data exports add to the graph itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Japanese display names by actor (from the gazetteer; empty when unknown).
    pub names_ja: BTreeMap<ActorId, String>,
    /// Also write every evidence record of every edge.
    pub evidence: bool,
}

impl Options {
    /// The Japanese name of an actor, empty when unknown.
    pub fn name_ja(&self, id: &ActorId) -> &str {
        self.names_ja.get(id).map_or("", String::as_str)
    }
}

/// A node's label: its display name, else its id.
pub fn node_label(a: &Actor) -> &str {
    if a.name.is_empty() {
        a.id.as_str()
    } else {
        &a.name
    }
}

/// One evidence record as the data exports write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceRecord {
    /// The article's id.
    pub article: ArticleId,
    /// The article's headline.
    pub title: Option<String>,
    /// The article's address.
    pub url: Option<String>,
    /// When it happened.
    pub date: Option<Date>,
    /// Index of the sentence in the article.
    pub sentence: u32,
    /// The sentence.
    pub text: String,
    /// The sentence denies the relation.
    pub negated: bool,
    /// The sentence hedges it.
    pub hedged: bool,
    /// Who asserts it.
    pub attributed_to: Vec<ActorId>,
}

/// What every data export says about one edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeFacts {
    /// Evidence counts.
    pub counts: EdgeCounts,
    /// `relation (evidence)`.
    pub label: String,
    /// The earliest evidence date.
    pub first: Option<Date>,
    /// The latest evidence date.
    pub last: Option<Date>,
    /// Every distinct evidence date, sorted.
    pub dates: Vec<Date>,
    /// The offices of `leader_of` records, comma-separated (empty otherwise).
    pub role: String,
    /// The records, when asked for (sorted by article, span).
    pub records: Vec<EvidenceRecord>,
}

/// An edge's counts as named columns, in the order every table export writes them.
pub fn count_columns(c: &EdgeCounts) -> [(&'static str, usize); 5] {
    [
        ("evidence", c.evidence),
        ("asserted", c.asserted),
        ("negated", c.negated),
        ("hedged", c.hedged),
        ("articles", c.articles),
    ]
}

/// The facts of one edge; `records` only when `with_records`.
pub fn edge_facts(e: &EdgeView<'_>, with_records: bool) -> EdgeFacts {
    let counts = e.counts();
    let (mut dates, mut roles): (Vec<Date>, Vec<&str>) = if e.records_readable() {
        let dates = e.evidence_unsorted().filter_map(|v| v.date).collect();
        let roles = e
            .evidence_unsorted()
            .filter_map(|v| v.role.map(|r| r.as_str()));
        (dates, roles.collect())
    } else {
        // An edge counted from a summary (`query::subgraph_dated`): its
        // summary holds the first and last date and the roles.
        let s = e.summary();
        let dates = s.dates.map_or(Vec::new(), |(a, b)| vec![a, b]);
        let roles = s.kept(crate::graph::Kept::All).1;
        (dates, roles.iter().map(|r| r.as_str()).collect())
    };
    dates.sort();
    dates.dedup();
    roles.sort();
    roles.dedup();
    let records = if with_records {
        e.evidence()
            .iter()
            .map(|v| EvidenceRecord {
                article: v.article.clone(),
                title: v.title.map(str::to_owned),
                url: v.url.map(str::to_owned),
                date: v.date,
                sentence: v.sentence,
                text: v.text.to_owned(),
                negated: v.negated,
                hedged: v.hedged,
                attributed_to: v.attributed_to.to_vec(),
            })
            .collect()
    } else {
        Vec::new()
    };
    EdgeFacts {
        label: format!("{} ({})", e.relation, counts.evidence),
        counts,
        first: dates.first().copied(),
        last: dates.last().copied(),
        dates,
        role: roles.join(","),
        records,
    }
}
