//! GEXF 1.2 (Gephi's own format) with dynamic edges, so that Gephi's timeline
//! shows when each relation was seen.
//!
//! The graph is `mode="dynamic"` with `timeformat="date"`: each edge carries one
//! `<spell>` per distinct evidence date (start = end = that day); an edge with
//! no dated record has no spell and is always shown, as are nodes. Directed,
//! with a symmetric relation written once from the smaller id to the larger and
//! marked `symmetric=true`. Nodes carry `label` (display name, else id) and the
//! attributes `kind`, `country`, `name`, `name_ja`; edges `label`, `weight` (the
//! evidence count) and the attributes `relation`, `symmetric`, the evidence
//! counts, `articles`, `first_date`, `last_date` and, with `--evidence`,
//! `records` (a JSON array). Sorted as the graph iterates, so output is stable.

use std::fmt::Write as _;

use super::graphml::xml_escape;
use super::{Options, edge_facts, node_label};
use crate::graph::KnowledgeGraph;

const NODE_ATTRS: &[(&str, &str)] = &[
    ("kind", "string"),
    ("country", "string"),
    ("name", "string"),
    ("name_ja", "string"),
];

const EDGE_ATTRS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("symmetric", "boolean"),
    ("evidence", "integer"),
    ("asserted", "integer"),
    ("negated", "integer"),
    ("hedged", "integer"),
    ("articles", "integer"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("role", "string"),
    ("records", "string"),
];

/// The graph as a GEXF 1.2 document.
pub fn to_gexf(graph: &KnowledgeGraph, options: &Options) -> Vec<u8> {
    let mut s = String::new();
    // Writing into a String cannot fail.
    let _ = write_doc(&mut s, graph, options);
    s.into_bytes()
}

fn attvalue(s: &mut String, key: &str, value: &str) -> std::fmt::Result {
    writeln!(
        s,
        r#"          <attvalue for="{key}" value="{}"/>"#,
        xml_escape(value)
    )
}

fn write_doc(s: &mut String, graph: &KnowledgeGraph, options: &Options) -> std::fmt::Result {
    writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        s,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">"#
    )?;
    writeln!(s, "  <meta>")?;
    writeln!(s, "    <creator>diplograph</creator>")?;
    writeln!(
        s,
        "    <description>international relations and the sentences that state them</description>"
    )?;
    writeln!(s, "  </meta>")?;
    writeln!(
        s,
        r#"  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#
    )?;
    for (class, attrs) in [("node", NODE_ATTRS), ("edge", EDGE_ATTRS)] {
        writeln!(s, r#"    <attributes class="{class}" mode="static">"#)?;
        for (id, ty) in attrs {
            if *id == "records" && !options.evidence {
                continue;
            }
            writeln!(
                s,
                r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#
            )?;
        }
        writeln!(s, "    </attributes>")?;
    }
    writeln!(s, "    <nodes>")?;
    for a in graph.actors() {
        writeln!(
            s,
            r#"      <node id="{}" label="{}">"#,
            xml_escape(a.id.as_str()),
            xml_escape(node_label(a))
        )?;
        writeln!(s, "        <attvalues>")?;
        attvalue(s, "kind", a.kind.as_str())?;
        if let Some(c) = &a.country {
            attvalue(s, "country", c.as_str())?;
        }
        attvalue(s, "name", &a.name)?;
        let ja = options.name_ja(&a.id);
        if !ja.is_empty() {
            attvalue(s, "name_ja", ja)?;
        }
        writeln!(s, "        </attvalues>")?;
        writeln!(s, "      </node>")?;
    }
    writeln!(s, "    </nodes>")?;
    writeln!(s, "    <edges>")?;
    for (i, e) in graph.edges().enumerate() {
        let f = edge_facts(&e, options.evidence);
        let c = f.counts;
        writeln!(
            s,
            r#"      <edge id="e{i}" source="{}" target="{}" label="{}" weight="{}">"#,
            xml_escape(e.source.id.as_str()),
            xml_escape(e.target.id.as_str()),
            xml_escape(&f.label),
            c.evidence
        )?;
        writeln!(s, "        <attvalues>")?;
        attvalue(s, "relation", e.relation.as_str())?;
        attvalue(s, "symmetric", &e.relation.is_symmetric().to_string())?;
        for (k, v) in super::count_columns(&c) {
            attvalue(s, k, &v.to_string())?;
        }
        if let (Some(first), Some(last)) = (f.first, f.last) {
            attvalue(s, "first_date", &first.to_string())?;
            attvalue(s, "last_date", &last.to_string())?;
        }
        if !f.role.is_empty() {
            attvalue(s, "role", &f.role)?;
        }
        if options.evidence {
            let json = serde_json::to_string(&f.records).expect("records always serialize");
            attvalue(s, "records", &json)?;
        }
        writeln!(s, "        </attvalues>")?;
        if !f.dates.is_empty() {
            writeln!(s, "        <spells>")?;
            for d in &f.dates {
                writeln!(s, r#"          <spell start="{d}" end="{d}"/>"#)?;
            }
            writeln!(s, "        </spells>")?;
        }
        writeln!(s, "      </edge>")?;
    }
    writeln!(s, "    </edges>")?;
    writeln!(s, "  </graph>")?;
    writeln!(s, "</gexf>")
}
