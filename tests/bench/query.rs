//! Queries and DOT export on the seeded synthetic store of 1,000,000 evidence
//! records (see `synthetic.rs`): `relations A B` between the two busiest actors
//! and between two quiet ones, `path A B` between quiet actors, top actors, and
//! the selection and DOT rendering of a focus graph of about 5,000 edges.
#![allow(clippy::print_stdout, missing_docs)]

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use diplograph::export::dot;
use diplograph::model::Relation;
use diplograph::query::{self, Filter, Selection, Side, TopBy};

mod synthetic;

use synthetic::{actor_id, synthetic};

fn bench(c: &mut Criterion) {
    let t = Instant::now();
    let g = synthetic();
    println!(
        "synthetic store: {} actors, {} edges, {} evidence (built in {:.1?})",
        g.actor_count(),
        g.edge_count(),
        g.evidence_count(),
        t.elapsed()
    );
    let f = Filter::default();
    let (busy_a, busy_b) = (actor_id(0), actor_id(1));
    let (quiet_a, quiet_b) = (actor_id(230), actor_id(247));

    let busy = query::relations_filtered(&g, &busy_a, Some(&busy_b), Side::Both, &f, false)
        .expect("actors exist");
    let busy_ev: usize = busy.iter().map(|r| r.evidence).sum();
    let quiet = query::relations_filtered(&g, &quiet_a, Some(&quiet_b), Side::Both, &f, false)
        .expect("actors exist");
    println!(
        "relations {busy_a} {busy_b}: {} rows, {busy_ev} records; relations {quiet_a} {quiet_b}: {} rows",
        busy.len(),
        quiet.len()
    );
    let chains = query::path(&g, &quiet_a, &quiet_b, 4, &f).expect("actors exist");
    println!(
        "path {quiet_a} {quiet_b}: {} chains of {} hops",
        chains.len(),
        chains.first().map_or(0, |c| c.hops.len())
    );

    // A focus graph of about 5,000 edges: depth 1 around one actor reaches
    // nearly every actor here, so take the two rarest relations and walk from
    // busy to quiet focus actors until the graph is closest to 5,000 edges.
    let mut selection = Selection {
        filter: Filter {
            relations: Relation::ALL[Relation::ALL.len() - 2..].to_vec(),
            ..Filter::default()
        },
        focus: None,
        depth: 1,
    };
    let mut best: Option<(usize, u64)> = None;
    for k in (0..250).step_by(10) {
        selection.focus = Some(actor_id(k));
        let n = query::subgraph(&g, &selection)
            .expect("actor exists")
            .edge_count();
        if best.is_none_or(|(b, _)| n.abs_diff(5_000) < b.abs_diff(5_000)) {
            best = Some((n, k));
        }
        if n < 5_000 {
            break;
        }
    }
    let (_, k) = best.expect("at least one focus tried");
    selection.focus = Some(actor_id(k));
    let focus = query::subgraph(&g, &selection).expect("actor exists");
    let focus_edges = focus.edge_count();
    let dot_len = dot::to_dot(&focus).len();
    println!(
        "focus graph around {}: {} actors, {focus_edges} edges, {} evidence, {} relations; DOT {:.1} KiB",
        actor_id(k),
        focus.actor_count(),
        focus.evidence_count(),
        selection.filter.relations.len(),
        dot_len as f64 / 1024.0
    );

    let mut group = c.benchmark_group("query_1m_evidence");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.bench_function("relations_busy_pair", |b| {
        b.iter(|| {
            let rows = query::relations_filtered(
                &g,
                black_box(&busy_a),
                Some(&busy_b),
                Side::Both,
                &f,
                false,
            )
            .expect("actors exist");
            assert_eq!(rows.len(), busy.len());
        })
    });
    group.bench_function("relations_quiet_pair", |b| {
        b.iter(|| {
            let rows = query::relations_filtered(
                &g,
                black_box(&quiet_a),
                Some(&quiet_b),
                Side::Both,
                &f,
                false,
            )
            .expect("actors exist");
            assert_eq!(rows.len(), quiet.len());
        })
    });
    group.bench_function("path_quiet_pair", |b| {
        b.iter(|| {
            let found = query::path(&g, black_box(&quiet_a), &quiet_b, 4, &f).expect("exists");
            assert_eq!(found.len(), chains.len());
        })
    });
    group.bench_function("top_20_by_evidence", |b| {
        b.iter(|| assert_eq!(query::top_actors(&g, 20, TopBy::Evidence, &f).len(), 20))
    });
    group.bench_function("focus_select_5k_edges", |b| {
        b.iter(|| {
            let s = query::subgraph(&g, black_box(&selection)).expect("exists");
            assert_eq!(s.edge_count(), focus_edges);
        })
    });
    group.bench_function("focus_dot_5k_edges", |b| {
        b.iter(|| assert_eq!(dot::to_dot(black_box(&focus)).len(), dot_len))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
