//! CSV: one field escaper for every table we write, and node and edge lists
//! with `neo4j-admin import` headers.
//!
//! Nodes: `id:ID,:LABEL,name,kind,country,name_ja,label`; the `:LABEL` is the
//! actor kind with a capital (`Country`, `Person` ...). Edges:
//! `:START_ID,:END_ID,:TYPE,...` with the relation in upper case (`ARMS_SUPPLY`)
//! as neo4j names relationship types, plus `relation`, `symmetric:boolean`, the
//! evidence counts as `:int`, `weight:int`, `label` and `first_date:date`,
//! `last_date:date`. With `--evidence`, `evidence.csv` holds one row per
//! evidence record (for `LOAD CSV`): the edge's ends and relation, then article,
//! title, url, date, sentence, negated, hedged, attributed_to and text.
//! A symmetric relation is one row from the smaller id to the larger, marked
//! `symmetric=true` (neo4j relationships always have a direction).

use std::borrow::Cow;

use super::{Options, edge_facts, node_label};
use crate::graph::KnowledgeGraph;

/// One CSV field: quoted when it holds a comma, a quote or a line break, with
/// inner quotes doubled (RFC 4180).
pub fn field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

/// Appends one record (fields escaped, `\n`-terminated).
pub fn push_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(f.as_ref()));
    }
    out.push('\n');
}

fn label(kind: crate::model::ActorKind) -> &'static str {
    use crate::model::ActorKind::*;
    match kind {
        Country => "Country",
        Organization => "Organization",
        Group => "Group",
        Person => "Person",
    }
}

/// The node list, sorted by id.
pub fn nodes_csv(graph: &KnowledgeGraph, options: &Options) -> Vec<u8> {
    let mut out = String::new();
    push_record(
        &mut out,
        &[
            "id:ID", ":LABEL", "name", "kind", "country", "name_ja", "label",
        ],
    );
    for a in graph.actors() {
        push_record(
            &mut out,
            &[
                a.id.as_str(),
                label(a.kind),
                &a.name,
                a.kind.as_str(),
                a.country.as_ref().map_or("", |c| c.as_str()),
                options.name_ja(&a.id),
                node_label(a),
            ],
        );
    }
    out.into_bytes()
}

/// The edge list, sorted by (source, relation, target).
pub fn edges_csv(graph: &KnowledgeGraph) -> Vec<u8> {
    let mut out = String::new();
    push_record(&mut out, &EDGE_HEAD);
    for e in graph.edges() {
        let f = edge_facts(&e, false);
        let c = f.counts;
        let date = |d: Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        push_record(
            &mut out,
            &[
                e.source.id.as_str().to_owned(),
                e.target.id.as_str().to_owned(),
                e.relation.as_str().to_uppercase(),
                e.relation.as_str().to_owned(),
                e.relation.is_symmetric().to_string(),
                c.evidence.to_string(),
                c.asserted.to_string(),
                c.negated.to_string(),
                c.hedged.to_string(),
                c.articles.to_string(),
                c.evidence.to_string(),
                f.label,
                date(f.first),
                date(f.last),
                f.role,
            ],
        );
    }
    out.into_bytes()
}

const EDGE_HEAD: [&str; 15] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "relation",
    "symmetric:boolean",
    "evidence:int",
    "asserted:int",
    "negated:int",
    "hedged:int",
    "articles:int",
    "weight:int",
    "label",
    "first_date:date",
    "last_date:date",
    "role",
];

/// Every evidence record, one row each, edge after edge.
pub fn evidence_csv(graph: &KnowledgeGraph) -> Vec<u8> {
    let mut out = String::new();
    push_record(
        &mut out,
        &[
            "source",
            "target",
            "relation",
            "article",
            "title",
            "url",
            "date",
            "sentence",
            "negated",
            "hedged",
            "attributed_to",
            "text",
        ],
    );
    for e in graph.edges() {
        for r in edge_facts(&e, true).records {
            let by: Vec<&str> = r.attributed_to.iter().map(|a| a.as_str()).collect();
            push_record(
                &mut out,
                &[
                    e.source.id.to_string(),
                    e.target.id.to_string(),
                    e.relation.to_string(),
                    r.article.to_string(),
                    r.title.unwrap_or_default(),
                    r.url.unwrap_or_default(),
                    r.date.map(|d| d.to_string()).unwrap_or_default(),
                    r.sentence.to_string(),
                    r.negated.to_string(),
                    r.hedged.to_string(),
                    by.join(";"),
                    r.text,
                ],
            );
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("東京"), "東京");
    }
}
