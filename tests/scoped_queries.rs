//! Questions answered on the part of a store `query::scope` chooses give the
//! answers they give on the whole store held in memory: random stores (64
//! cases), every actor of the pool as either end, filters that read flags,
//! dates and roll-ups, with and without evidence.

use diplograph::export::{self, dot, json};
use diplograph::graph::KnowledgeGraph;
use diplograph::model::{ActorId, Date, Relation};
use diplograph::persist::{self, Section, StoreWriter};
use diplograph::query::{self, Filter, Selection, Side, scope};
use proptest::prelude::*;

use crate::common::{claims, graph_of, tempdir};

/// The pool's actors, one id no claim uses, and `None`.
fn ends() -> Vec<Option<ActorId>> {
    let ids = [
        "RUS",
        "PRK",
        "UKR",
        "NATO",
        "WEST",
        "person:kim-jong-un",
        "USA",
    ];
    let mut v: Vec<Option<ActorId>> = ids.iter().map(|i| Some(ActorId::new(i).unwrap())).collect();
    v.push(None);
    v
}

fn filters() -> Vec<Filter> {
    let day = Date::new(2023, 1, 1).unwrap();
    vec![
        Filter::default(),
        Filter {
            include_negated: true,
            ..Filter::default()
        },
        Filter {
            asserted_only: true,
            min_evidence: 2,
            ..Filter::default()
        },
        Filter {
            by_state: true,
            ..Filter::default()
        },
        Filter {
            since: Some(day),
            excluded: vec![Relation::Visit],
            ..Filter::default()
        },
    ]
}

/// The store saved, read whole, and its graph section.
fn stored(g: &KnowledgeGraph) -> (tempfile::TempDir, KnowledgeGraph, Section) {
    let dir = tempdir();
    let path = dir.path().join("s.dgraph");
    StoreWriter::lock(&path).unwrap().save(g).unwrap();
    let whole = persist::load(&path).unwrap();
    let section = Section::open(&path)
        .unwrap()
        .expect("this build writes format 3");
    (dir, whole, section)
}

fn relation_questions(whole: &KnowledgeGraph, section: &Section, f: &Filter) {
    let o = section.index();
    for a in ends().into_iter().flatten() {
        for b in ends() {
            let ids: Vec<&ActorId> = std::iter::once(&a).chain(b.as_ref()).collect();
            for evidence in [false, true] {
                let part = section.graph(&scope::around(o, &ids), evidence || f.reads_records());
                let part = part.unwrap();
                let q = |g| query::relations_filtered(g, &a, b.as_ref(), Side::Both, f, evidence);
                assert_eq!(q(&part), q(whole), "relations {a} {b:?} {f:?}");
                assert!(part.take_evidence_error().is_none());
            }
            let part = section.graph(&scope::around(o, &ids), true).unwrap();
            for members in [false, true] {
                let q = |g| query::timeline(g, &a, b.as_ref(), Side::Both, f, members);
                assert_eq!(q(&part), q(whole), "timeline {a} {b:?} {f:?}");
            }
            for r in [Relation::Sanctions, Relation::Summit, Relation::LeaderOf] {
                let (s, t) = (Some(&a), b.as_ref());
                for (s, t) in [(s, t), (t, s)] {
                    let q = |g| query::who(g, r, s, t, f, false);
                    assert_eq!(q(&part), q(whole), "who {r} {s:?} {t:?} {f:?}");
                }
            }
        }
    }
    for r in [Relation::Sanctions, Relation::Summit] {
        let part = section.graph(&scope::of_relation(o, r), true).unwrap();
        let q = |g| query::who(g, r, None, None, f, true);
        assert_eq!(q(&part), q(whole), "who {r} {f:?}");
    }
}

fn path_and_focus(whole: &KnowledgeGraph, section: &Section, f: &Filter) {
    let o = section.index();
    let options = export::Options::default();
    for a in ends().into_iter().flatten() {
        for b in ends().into_iter().flatten() {
            for max_len in 1..4 {
                let (_, chains) = scope::path_in_parts(o, (&a, &b), max_len, f, |edges| {
                    section.graph(edges, f.reads_records())
                })
                .unwrap();
                let expected = query::path(whole, &a, &b, max_len, f);
                assert_eq!(chains, expected, "path {a} {b} {max_len} {f:?}");
            }
        }
        for depth in 0..3 {
            let selection = Selection {
                filter: f.clone(),
                focus: Some(a.clone()),
                depth,
            };
            let part = section
                .graph(&scope::within(o, &[&a], depth), true)
                .unwrap();
            let expected = query::subgraph(whole, &selection).map(|g| json::to_json(&g, &options));
            let got = query::subgraph(&part, &selection).map(|g| json::to_json(&g, &options));
            assert_eq!(got, expected, "focus {a} {depth} {f:?}");
            let Ok(drawn) = query::subgraph(whole, &selection) else {
                continue;
            };
            if let Some(counted) = query::subgraph_counted(&part, &selection).unwrap() {
                assert_eq!(
                    dot::to_dot(&counted),
                    dot::to_dot(&drawn),
                    "DOT of {a} {depth}"
                );
            }
            if let Some(size) = query::subgraph_size(&part, &selection).unwrap() {
                assert_eq!(size, drawn.edge_count(), "size of {a} {depth}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_question_on_its_part_of_the_store_answers_as_on_the_whole(cs in claims(40)) {
        let (_dir, whole, section) = stored(&graph_of(&cs));
        for f in filters() {
            relation_questions(&whole, &section, &f);
            path_and_focus(&whole, &section, &f);
        }
    }
}

/// The section's outline is the store's actors and edges, in the store's order.
#[test]
fn the_outline_lists_every_actor_and_edge_of_the_store() {
    let cs: Vec<_> = crate::common::CLAIMS
        .lines()
        .map(|l| diplograph::export::jsonl::claim_from_line(l).unwrap())
        .collect();
    let (_dir, whole, section) = stored(&graph_of(&cs));
    let o = section.index();
    let ids: Vec<&ActorId> = o.actors.iter().map(|a| &a.id).collect();
    assert_eq!(ids, whole.actors().map(|a| &a.id).collect::<Vec<_>>());
    let ends: Vec<(&ActorId, Relation, &ActorId)> = o
        .edges
        .iter()
        .map(|&(s, r, t)| (ids[s as usize], r, ids[t as usize]))
        .collect();
    let expected: Vec<_> = whole
        .edges()
        .map(|e| (&e.source.id, e.relation, &e.target.id))
        .collect();
    assert_eq!(ends, expected);
    let all = section.whole(true).unwrap();
    assert_eq!(
        all.records().collect::<Vec<_>>(),
        whole.records().collect::<Vec<_>>()
    );
}
