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

/// The edges the CLI reads for a question about `a` (and `b`).
fn pair(o: &diplograph::graph::Adjacency, a: &ActorId, b: Option<&ActorId>) -> Vec<usize> {
    match b {
        Some(b) => scope::between(o, a, b),
        None => scope::around(o, &[a]),
    }
}

fn relation_questions(whole: &KnowledgeGraph, section: &Section, f: &Filter) {
    let o = section.index();
    for a in ends().into_iter().flatten() {
        for b in ends() {
            for evidence in [false, true] {
                let part = section.graph(&pair(o, &a, b.as_ref()), evidence || f.reads_records());
                let part = part.unwrap();
                let q = |g| query::relations_filtered(g, &a, b.as_ref(), Side::Both, f, evidence);
                assert_eq!(q(&part), q(whole), "relations {a} {b:?} {f:?}");
                assert!(part.take_evidence_error().is_none());
            }
            let part = section.graph(&pair(o, &a, b.as_ref()), true).unwrap();
            for members in [false, true] {
                let q = |g| query::timeline(g, &a, b.as_ref(), Side::Both, f, members);
                assert_eq!(q(&part), q(whole), "timeline {a} {b:?} {f:?}");
            }
            for r in [Relation::Sanctions, Relation::Summit, Relation::LeaderOf] {
                let part = match &b {
                    Some(b) => section.graph(&scope::between(o, &a, b), true),
                    None => section.graph(&scope::of_relation_around(o, r, &[&a]), true),
                };
                let part = part.unwrap();
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
            // The explorer's ego network: JSON from summaries, as from records.
            if let Some(dated) = query::subgraph_dated(&part, &selection).unwrap() {
                assert_eq!(
                    String::from_utf8(json::to_json(&dated, &options)).unwrap(),
                    String::from_utf8(json::to_json(&drawn, &options)).unwrap(),
                    "ego JSON of {a} {depth} {f:?}"
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

/// The section's index lists every actor of the store, and for each actor
/// and relation exactly the edges of the store that are its; the graph of
/// every edge holds every record.
#[test]
fn the_index_lists_every_actor_and_the_edges_of_each() {
    let cs: Vec<_> = crate::common::CLAIMS
        .lines()
        .map(|l| diplograph::export::jsonl::claim_from_line(l).unwrap())
        .collect();
    let (_dir, whole, section) = stored(&graph_of(&cs));
    let o = section.index();
    let ids: Vec<&ActorId> = o.actors.iter().map(|a| &a.id).collect();
    assert_eq!(ids, whole.actors().map(|a| &a.id).collect::<Vec<_>>());
    let ends: Vec<(&ActorId, Relation, &ActorId)> = whole
        .edges()
        .map(|e| (&e.source.id, e.relation, &e.target.id))
        .collect();
    assert_eq!(o.edges, ends.len());
    for (x, id) in ids.iter().enumerate() {
        let expected: Vec<u32> = (0..ends.len() as u32)
            .filter(|&i| ends[i as usize].0 == *id || ends[i as usize].2 == *id)
            .collect();
        assert_eq!(o.touching(x), expected, "edges of {id}");
        let mut near: Vec<u32> = expected
            .iter()
            .flat_map(|&i| [ends[i as usize].0, ends[i as usize].2])
            .map(|n| ids.iter().position(|i| *i == n).unwrap() as u32)
            .filter(|&n| n as usize != x || ends.iter().any(|e| e.0 == *id && e.2 == *id))
            .collect();
        near.sort_unstable();
        near.dedup();
        assert_eq!(o.neighbours(x), near, "neighbours of {id}");
    }
    for r in Relation::ALL.iter().copied() {
        let expected: Vec<u32> = (0..ends.len() as u32)
            .filter(|&i| ends[i as usize].1 == r)
            .collect();
        assert_eq!(o.of_relation(r), expected.as_slice(), "edges of {r}");
    }
    let all = section.whole(true).unwrap();
    assert_eq!(
        all.records().collect::<Vec<_>>(),
        whole.records().collect::<Vec<_>>()
    );
    let picked = section.graph(&[ends.len() - 1, 0, 1], false).unwrap();
    assert_eq!(picked.edge_count(), 3, "edges asked for out of table order");
}
