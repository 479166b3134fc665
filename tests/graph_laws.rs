//! The merge laws of `KnowledgeGraph`, as property tests (256 cases each).

use proptest::prelude::*;

use crate::common::{claims, graph_of};

const CASES: u32 = 256;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn inserting_the_same_claims_twice_changes_nothing(cs in claims(24)) {
        let once = graph_of(&cs);
        let mut twice = once.clone();
        for c in &cs {
            prop_assert!(twice.insert_claim(c).is_duplicate());
        }
        prop_assert_eq!(&twice, &once);
    }

    #[test]
    fn insertion_order_does_not_matter(cs in claims(24)) {
        let mut reversed = cs.clone();
        reversed.reverse();
        prop_assert_eq!(graph_of(&cs), graph_of(&reversed));
    }

    #[test]
    fn merging_a_graph_into_itself_changes_nothing(cs in claims(24)) {
        let g = graph_of(&cs);
        let mut m = g.clone();
        let out = m.merge(&g);
        prop_assert_eq!(out, diplograph::graph::MergeOutcome::default());
        prop_assert_eq!(&m, &g);
    }

    #[test]
    fn merge_is_commutative(a in claims(16), b in claims(16)) {
        let (ga, gb) = (graph_of(&a), graph_of(&b));
        let mut ab = ga.clone();
        ab.merge(&gb);
        let mut ba = gb.clone();
        ba.merge(&ga);
        prop_assert_eq!(&ab, &ba);
        let all: Vec<_> = a.iter().chain(&b).cloned().collect();
        prop_assert_eq!(&ab, &graph_of(&all), "merge equals inserting every claim");
    }

    #[test]
    fn merging_by_value_equals_merging_by_reference(a in claims(16), b in claims(16)) {
        let (ga, gb) = (graph_of(&a), graph_of(&b));
        for base in [diplograph::graph::KnowledgeGraph::new(), ga] {
            let mut by_ref = base.clone();
            let expected = by_ref.merge(&gb);
            let mut by_value = base;
            prop_assert_eq!(by_value.merge_owned(gb.clone()), expected);
            prop_assert_eq!(&by_value, &by_ref);
        }
    }

    #[test]
    fn merge_is_associative(a in claims(12), b in claims(12), c in claims(12)) {
        let (ga, gb, gc) = (graph_of(&a), graph_of(&b), graph_of(&c));
        let mut left = ga.clone();
        left.merge(&gb);
        left.merge(&gc);
        let mut bc = gb.clone();
        bc.merge(&gc);
        let mut right = ga.clone();
        right.merge(&bc);
        prop_assert_eq!(left, right);
    }

    #[test]
    fn stored_claims_rebuild_the_same_graph(cs in claims(24)) {
        let g = graph_of(&cs);
        let rebuilt = graph_of(&g.claims().collect::<Vec<_>>());
        prop_assert_eq!(rebuilt.evidence_count(), g.evidence_count());
        prop_assert_eq!(rebuilt, g);
    }
}
