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

/// The colour of a relation: each relation its own, hues by family (greens
/// for ties of cooperation, blues for meetings, reds for hostility and force,
/// oranges and browns for transfers, purples for political acts).
pub fn relation_color(r: Relation) -> &'static str {
    use Relation::*;
    match r {
        Alliance => "darkgreen",
        MilitaryCooperation => "seagreen",
        Cooperation => "olivedrab",
        Hostility => "firebrick",
        DiplomaticRelations => "teal",
        Membership => "gray40",
        LeaderOf => "gray65",
        Visit => "blue",
        Summit => "royalblue",
        Agreement => "darkcyan",
        Sanctions => "red",
        ArmsSupply => "darkorange",
        MilitaryAid => "orangered",
        EconomicAid => "goldenrod",
        HumanitarianAid => "gold3",
        Trade => "sienna",
        Invasion => "darkred",
        Attack => "crimson",
        Annexation => "maroon",
        Veto => "purple",
        Condemnation => "deeppink",
        Warning => "hotpink3",
        Expulsion => "magenta3",
        Support => "mediumorchid",
        Invitation => "steelblue",
        Deployment => "chocolate",
        Recognition => "slateblue",
    }
}

/// Relations that move something from source to target: drawn with a hollow
/// arrowhead, since line style is taken by the evidence.
pub fn is_transfer(r: Relation) -> bool {
    use Relation::*;
    matches!(
        r,
        ArmsSupply | MilitaryAid | EconomicAid | HumanitarianAid | Trade | Deployment
    )
}

/// How the evidence of an edge reads, which its line style shows: one rule
/// for every picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceStyle {
    /// Some record states it as fact: solid.
    Asserted,
    /// No record states it, some hedge it: dashed.
    Hedged,
    /// Every record denies it: dotted.
    Denied,
}

impl EvidenceStyle {
    /// The style of an edge with these counts.
    pub fn of(asserted: usize, hedged: usize) -> Self {
        if asserted > 0 {
            EvidenceStyle::Asserted
        } else if hedged > 0 {
            EvidenceStyle::Hedged
        } else {
            EvidenceStyle::Denied
        }
    }

    /// The Graphviz line style.
    pub fn line(self) -> &'static str {
        match self {
            EvidenceStyle::Asserted => "solid",
            EvidenceStyle::Hedged => "dashed",
            EvidenceStyle::Denied => "dotted",
        }
    }
}

/// The Graphviz node shape of an actor kind.
pub fn kind_shape(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Country => "box",
        ActorKind::Organization => "hexagon",
        ActorKind::Group => "octagon",
        ActorKind::Person => "ellipse",
    }
}

/// Renders the whole graph as DOT, with a legend of the relations drawn and of
/// the line styles. Colour says the relation (each its own); line style says
/// the evidence: solid when some record asserts it, dashed when all of it is
/// hedged, dotted when all of it is denied. Edges are labelled "relation (n)"
/// with n evidence records, plus how many are hedged or deny it. Symmetric
/// relations have no arrowheads, transfers a hollow one, ties a thicker line.
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
            let mut notes = Vec::new();
            if c.hedged > 0 {
                notes.push(format!("{} hedged", c.hedged));
            }
            if c.negated > 0 {
                notes.push(format!("{} denied", c.negated));
            }
            let label = if notes.is_empty() {
                format!("{} ({})", edge.relation, c.evidence)
            } else {
                format!("{} ({}, {})", edge.relation, c.evidence, notes.join(", "))
            };
            let color = relation_color(edge.relation);
            let style = EvidenceStyle::of(c.asserted, c.hedged).line();
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
            edge_marks(&mut attrs, edge.relation);
        }
        legend(&mut g, graph);
    }
    bytes
}

/// Arrowheads and width by relation: none when symmetric, hollow for
/// transfers; ties thicker than events.
fn edge_marks(attrs: &mut dot_writer::AttributesList<'_, '_>, r: Relation) {
    if r.is_symmetric() {
        attrs.set("dir", "none", false);
    } else if is_transfer(r) {
        attrs.set("arrowhead", "empty", false);
    }
    if r.class() == crate::model::RelationClass::Tie {
        attrs.set("penwidth", "2", false);
    }
}

/// A cluster with one sample edge per relation drawn, in its colour, and one
/// per line style.
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
        let color = relation_color(r);
        let e = legend.edge(&from, &to);
        let mut attrs = e.attributes();
        attrs
            .set_label(&dot_label(r.as_str()))
            .set("color", color, false)
            .set("fontcolor", color, false);
        edge_marks(&mut attrs, r);
    }
    for (name, style) in [
        ("asserted (solid)", EvidenceStyle::Asserted),
        ("all hedged (dashed)", EvidenceStyle::Hedged),
        ("all denied (dotted)", EvidenceStyle::Denied),
    ] {
        let from = dot_id(&format!("legend:{}:from", style.line()));
        let to = dot_id(&format!("legend:{}:to", style.line()));
        for id in [&from, &to] {
            legend
                .node_named(id.as_str())
                .set("shape", "point", false)
                .set("width", "0.05", false);
        }
        let e = legend.edge(&from, &to);
        e.attributes()
            .set_label(&dot_label(name))
            .set("color", "black", false)
            .set("style", style.line(), false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: issue 14, item 2
    #[test]
    fn every_relation_has_its_own_colour_and_evidence_sets_the_line() {
        let mut colours: Vec<&str> = Relation::ALL.iter().map(|&r| relation_color(r)).collect();
        colours.sort();
        colours.dedup();
        assert_eq!(colours.len(), Relation::ALL.len());
        assert_eq!(EvidenceStyle::of(1, 5).line(), "solid");
        assert_eq!(EvidenceStyle::of(0, 2).line(), "dashed");
        assert_eq!(EvidenceStyle::of(0, 0).line(), "dotted");
    }

    #[test]
    fn ids_and_labels_are_escaped() {
        assert_eq!(dot_id("person:kim-jong-un"), "\"person:kim-jong-un\"");
        assert_eq!(dot_label(r#"say "no" \ 東京"#), r#"say \"no\" \\ 東京"#);
        assert_eq!(dot_label("a\nb"), "a\\nb");
    }
}
