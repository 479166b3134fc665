//! The DOT rule for the page: the same colour per relation, line style per
//! evidence, shape per kind and arrowhead per relation as `export::dot`, in
//! the words a browser graph library understands.
//!
//! The colours are Graphviz's X11 names (`gold3`, `gray40` are no CSS
//! colours, and X11 `maroon` and `purple` differ from CSS's), so each name
//! `export::dot` uses is translated here once.

use crate::export::dot::{self, EvidenceStyle};
use crate::model::{ActorKind, Relation};

/// The CSS colour of a Graphviz X11 colour name that `dot::relation_color` uses.
fn x11_to_css(name: &str) -> Option<&'static str> {
    Some(match name {
        "darkgreen" => "#006400",
        "seagreen" => "#2e8b57",
        "olivedrab" => "#6b8e23",
        "firebrick" => "#b22222",
        "teal" => "#008080",
        "gray40" => "#666666",
        "gray65" => "#a6a6a6",
        "blue" => "#0000ff",
        "royalblue" => "#4169e1",
        "darkcyan" => "#008b8b",
        "red" => "#ff0000",
        "darkorange" => "#ff8c00",
        "orangered" => "#ff4500",
        "goldenrod" => "#daa520",
        "gold3" => "#cdad00",
        "sienna" => "#a0522d",
        "darkred" => "#8b0000",
        "crimson" => "#dc143c",
        "maroon" => "#b03060",
        "purple" => "#a020f0",
        "deeppink" => "#ff1493",
        "hotpink3" => "#cd6090",
        "magenta3" => "#cd00cd",
        "mediumorchid" => "#ba55d3",
        "steelblue" => "#4682b4",
        "chocolate" => "#d2691e",
        "slateblue" => "#6a5acd",
        _ => return None,
    })
}

/// A relation's colour as CSS (`#rrggbb`), the one the DOT export draws.
pub(super) fn relation_css(r: Relation) -> &'static str {
    x11_to_css(dot::relation_color(r)).expect("every relation colour is in the table (tested)")
}

/// The line style of an edge with these counts: `solid`, `dashed`, `dotted`.
pub(super) fn line_style(asserted: usize, hedged: usize) -> &'static str {
    EvidenceStyle::of(asserted, hedged).line()
}

/// The arrowhead: none when symmetric, hollow for transfers, else filled.
pub(super) fn arrow(r: Relation) -> &'static str {
    if r.is_symmetric() {
        "none"
    } else if dot::is_transfer(r) {
        "hollow"
    } else {
        "filled"
    }
}

/// Whether the relation is a lasting tie (drawn thicker than an event).
pub(super) fn is_tie(r: Relation) -> bool {
    r.class() == crate::model::RelationClass::Tie
}

/// A node's shape in Cytoscape.js's names, following `dot::kind_shape`.
pub(super) fn shape(k: ActorKind) -> &'static str {
    match dot::kind_shape(k) {
        "box" => "round-rectangle",
        "hexagon" => "hexagon",
        "octagon" => "octagon",
        _ => "ellipse",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relation_has_a_css_colour_of_its_own() {
        let mut seen: Vec<&str> = Relation::ALL.iter().map(|&r| relation_css(r)).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), Relation::ALL.len());
    }

    #[test]
    fn shapes_follow_the_dot_shapes() {
        assert_eq!(shape(ActorKind::Country), "round-rectangle");
        assert_eq!(shape(ActorKind::Organization), "hexagon");
        assert_eq!(shape(ActorKind::Group), "octagon");
        assert_eq!(shape(ActorKind::Person), "ellipse");
        assert_eq!(line_style(0, 2), "dashed");
        assert_eq!(arrow(Relation::ArmsSupply), "hollow");
        assert_eq!(arrow(Relation::Alliance), "none");
    }
}
