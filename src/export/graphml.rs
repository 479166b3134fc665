//! GraphML (what Gephi, yEd, Cytoscape and networkx open) with typed attributes.
//!
//! The graph is directed; a symmetric relation is one edge from the smaller id
//! to the larger with `symmetric=true`, so readers that honour it can drop the
//! arrow. Keys: nodes `label`, `name`, `name_ja`, `kind`, `country` (strings);
//! edges `label`, `relation` (string), `symmetric` (boolean), `weight` (double,
//! the evidence count, as Gephi reads it), `evidence`, `asserted`, `negated`,
//! `hedged`, `articles` (int), `first_date`, `last_date` (`YYYY-MM-DD`, absent
//! when no record is dated) and, with `--evidence`, `records` (a JSON array of
//! the evidence records). Every text goes through [`xml_escape`].

use std::fmt::Write as _;

use super::{Options, edge_facts, node_label};
use crate::graph::KnowledgeGraph;

/// Escapes text for XML content and double-quoted attributes. Control
/// characters XML 1.0 forbids are dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

const KEYS: &[(&str, &str, &str)] = &[
    ("node", "label", "string"),
    ("node", "name", "string"),
    ("node", "name_ja", "string"),
    ("node", "kind", "string"),
    ("node", "country", "string"),
    ("edge", "label", "string"),
    ("edge", "relation", "string"),
    ("edge", "symmetric", "boolean"),
    ("edge", "weight", "double"),
    ("edge", "evidence", "int"),
    ("edge", "asserted", "int"),
    ("edge", "negated", "int"),
    ("edge", "hedged", "int"),
    ("edge", "articles", "int"),
    ("edge", "first_date", "string"),
    ("edge", "last_date", "string"),
    ("edge", "role", "string"),
];

/// The graph as a GraphML document.
pub fn to_graphml(graph: &KnowledgeGraph, options: &Options) -> Vec<u8> {
    let mut s = String::new();
    // Writing into a String cannot fail.
    let _ = write_doc(&mut s, graph, options);
    s.into_bytes()
}

fn write_doc(s: &mut String, graph: &KnowledgeGraph, options: &Options) -> std::fmt::Result {
    writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        s,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (on, name, ty) in KEYS {
        writeln!(
            s,
            r#"  <key id="{name}" for="{on}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    if options.evidence {
        writeln!(
            s,
            r#"  <key id="records" for="edge" attr.name="records" attr.type="string"/>"#
        )?;
    }
    writeln!(s, r#"  <graph id="diplograph" edgedefault="directed">"#)?;
    for a in graph.actors() {
        writeln!(s, r#"    <node id="{}">"#, xml_escape(a.id.as_str()))?;
        writeln!(
            s,
            r#"      <data key="label">{}</data>"#,
            xml_escape(node_label(a))
        )?;
        writeln!(
            s,
            r#"      <data key="name">{}</data>"#,
            xml_escape(&a.name)
        )?;
        let ja = options.name_ja(&a.id);
        if !ja.is_empty() {
            writeln!(s, r#"      <data key="name_ja">{}</data>"#, xml_escape(ja))?;
        }
        writeln!(s, r#"      <data key="kind">{}</data>"#, a.kind)?;
        if let Some(c) = &a.country {
            writeln!(
                s,
                r#"      <data key="country">{}</data>"#,
                xml_escape(c.as_str())
            )?;
        }
        writeln!(s, "    </node>")?;
    }
    for (i, e) in graph.edges().enumerate() {
        let f = edge_facts(&e, options.evidence);
        let c = f.counts;
        writeln!(
            s,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            xml_escape(e.source.id.as_str()),
            xml_escape(e.target.id.as_str())
        )?;
        writeln!(s, r#"      <data key="label">{}</data>"#, f.label)?;
        writeln!(s, r#"      <data key="relation">{}</data>"#, e.relation)?;
        writeln!(
            s,
            r#"      <data key="symmetric">{}</data>"#,
            e.relation.is_symmetric()
        )?;
        writeln!(s, r#"      <data key="weight">{}</data>"#, c.evidence)?;
        for (k, v) in super::count_columns(&c) {
            writeln!(s, r#"      <data key="{k}">{v}</data>"#)?;
        }
        if let (Some(first), Some(last)) = (f.first, f.last) {
            writeln!(s, r#"      <data key="first_date">{first}</data>"#)?;
            writeln!(s, r#"      <data key="last_date">{last}</data>"#)?;
        }
        if !f.role.is_empty() {
            writeln!(s, r#"      <data key="role">{}</data>"#, f.role)?;
        }
        if options.evidence {
            let json = serde_json::to_string(&f.records).expect("records always serialize");
            writeln!(
                s,
                r#"      <data key="records">{}</data>"#,
                xml_escape(&json)
            )?;
        }
        writeln!(s, "    </edge>")?;
    }
    writeln!(s, "  </graph>")?;
    writeln!(s, "</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            xml_escape(r#"<a & "b" 'c'> 東京"#),
            "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt; 東京"
        );
        assert_eq!(xml_escape("x\u{1}y"), "xy");
    }
}
