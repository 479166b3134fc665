//! Graphviz DOT of a [`KnowledgeGraph`], through dot-writer.
//!
//! dot-writer 0.1.4 writes ids raw and labels without escaping, so every id goes
//! through [`dot_id`] and every label through [`dot_label`]. Output is rendered
//! into a `Vec<u8>` (dot-writer panics on write errors), pretty-printed (it strips
//! spaces inside quoted ids otherwise), nodes sorted by id and edges by
//! (source, relation, target), so the same graph always gives the same bytes.

use dot_writer::{Attributes, DotWriter};

use crate::graph::KnowledgeGraph;
use crate::model::{ActorKind, Relation};

/// Above this many edges, `dot` takes minutes: ask Graphviz for `sfdp` instead.
pub const SFDP_ABOVE_EDGES: usize = 300;

/// Escapes a string for use inside a double-quoted DOT string: `"` and `\` get a
/// backslash, line breaks become `\n`. Everything else (Japanese included) is
/// kept as UTF-8.
pub fn dot_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A DOT id: always double-quoted and escaped, so `person:kim-jong-un` (whose
/// `:` would otherwise start a port) and any other id are safe.
pub fn dot_id(s: &str) -> String {
    format!("\"{}\"", dot_label(s))
}

/// Colour and line style of a relation: hostile relations red, ties bold,
/// transfers dashed, visits and talks blue.
fn relation_style(r: Relation) -> (&'static str, &'static str) {
    use Relation::*;
    match r {
        Alliance | MilitaryCooperation => ("darkgreen", "bold"),
        Cooperation | DiplomaticRelations | Agreement => ("forestgreen", "solid"),
        Membership | LeaderOf => ("gray40", "solid"),
        Visit | Summit | Invitation => ("blue", "solid"),
        Sanctions | Expulsion => ("red", "bold"),
        Hostility | Condemnation | Warning => ("red", "solid"),
        Invasion | Attack | Annexation => ("darkred", "bold"),
        ArmsSupply | MilitaryAid | Deployment => ("darkorange", "dashed"),
        EconomicAid | HumanitarianAid | Trade => ("goldenrod", "dashed"),
        Veto | Support | Recognition => ("purple", "solid"),
    }
}

fn kind_shape(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Country => "box",
        ActorKind::Organization => "hexagon",
        ActorKind::Group => "octagon",
        ActorKind::Person => "ellipse",
    }
}

/// Renders the whole graph as DOT, with a legend of the relations drawn. Edges are labelled "relation (n)" with n
/// evidence records, plus how many of them deny it; an edge whose every record
/// denies it is dotted. Symmetric relations have no arrowheads.
pub fn to_dot(graph: &KnowledgeGraph) -> Vec<u8> {
    to_dot_with(graph, None)
}

/// [`to_dot`] with a chosen Graphviz layout engine (`dot`, `sfdp` ...); `None`
/// picks `sfdp` above [`SFDP_ABOVE_EDGES`] edges and leaves the default below.
pub fn to_dot_with(graph: &KnowledgeGraph, layout: Option<&str>) -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut writer = DotWriter::from(&mut bytes);
        writer.set_pretty_print(true);
        let mut g = writer.digraph();
        {
            let mut attrs = g.graph_attributes();
            attrs.set("rankdir", "LR", false);
            match layout {
                Some(l) => {
                    attrs.set("layout", &dot_id(l), false);
                    if l != "dot" {
                        attrs.set("overlap", "prism", false);
                    }
                }
                None if graph.edge_count() > SFDP_ABOVE_EDGES => {
                    attrs.set("layout", "sfdp", false);
                    attrs.set("overlap", "prism", false);
                }
                None => {}
            }
        }
        g.node_attributes().set("fontsize", "11", false);
        g.edge_attributes().set("fontsize", "9", false);
        for actor in graph.actors() {
            let label = if actor.name.is_empty() {
                actor.id.as_str().to_owned()
            } else {
                format!("{}\n{}", actor.name, actor.id)
            };
            g.node_named(dot_id(actor.id.as_str()))
                .set_label(&dot_label(&label))
                .set("shape", kind_shape(actor.kind), false);
        }
        for edge in graph.edges() {
            let c = edge.counts();
            let mut label = format!("{} ({})", edge.relation, c.evidence);
            if c.negated > 0 {
                label = format!("{} ({}, {} denied)", edge.relation, c.evidence, c.negated);
            }
            let (color, mut style) = relation_style(edge.relation);
            if c.negated == c.evidence {
                style = "dotted";
            }
            let e = g.edge(
                dot_id(edge.source.id.as_str()),
                dot_id(edge.target.id.as_str()),
            );
            let mut attrs = e.attributes();
            attrs
                .set_label(&dot_label(&label))
                .set("color", color, false)
                .set("fontcolor", color, false)
                .set("style", style, false);
            if edge.relation.is_symmetric() {
                attrs.set("dir", "none", false);
            }
        }
        legend(&mut g, graph);
    }
    bytes
}

/// A cluster with one sample edge per relation drawn, in its colour and style.
fn legend(g: &mut dot_writer::Scope<'_, '_>, graph: &KnowledgeGraph) {
    let mut present: Vec<Relation> = graph.edges().map(|e| e.relation).collect();
    present.sort();
    present.dedup();
    if present.is_empty() {
        return;
    }
    let mut legend = g.cluster();
    legend
        .graph_attributes()
        .set_label("legend")
        .set("fontsize", "10", false)
        .set("color", "gray70", false);
    for r in present {
        // `legend:` ids cannot clash with actor ids (no actor id has that form).
        let from = dot_id(&format!("legend:{r}:from"));
        let to = dot_id(&format!("legend:{r}:to"));
        for id in [&from, &to] {
            legend
                .node_named(id.as_str())
                .set("shape", "point", false)
                .set("width", "0.05", false);
        }
        let (color, style) = relation_style(r);
        let e = legend.edge(&from, &to);
        let mut attrs = e.attributes();
        attrs
            .set_label(&dot_label(r.as_str()))
            .set("color", color, false)
            .set("fontcolor", color, false)
            .set("style", style, false);
        if r.is_symmetric() {
            attrs.set("dir", "none", false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_labels_are_escaped() {
        assert_eq!(dot_id("person:kim-jong-un"), "\"person:kim-jong-un\"");
        assert_eq!(dot_label(r#"say "no" \ 東京"#), r#"say \"no\" \\ 東京"#);
        assert_eq!(dot_label("a\nb"), "a\\nb");
    }
}
