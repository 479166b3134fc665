//! Save and load of a synthetic, seeded store of 1,000,000 evidence records.
//!
//! The corpus imitates news: 40,000 articles of 40 sentences (about 140 bytes
//! each), 250 actors and 27 relations drawn with a skew (a few states and
//! relations dominate, as in the news), a quarter of the records hedged or negated,
//! some attributed. Prints the file size and the bytes per evidence record beyond
//! the sentence text.
#![allow(clippy::print_stdout, missing_docs)]

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use diplograph::persist::{self, StoreWriter};

mod synthetic;

use synthetic::{EVIDENCE, synthetic};

fn bench(c: &mut Criterion) {
    let t = Instant::now();
    let g = synthetic();
    println!(
        "synthetic store: {} actors, {} edges, {} evidence, {} articles, {} sentences (built in {:.1?})",
        g.actor_count(),
        g.edge_count(),
        g.evidence_count(),
        g.article_count(),
        g.sentence_count(),
        t.elapsed()
    );
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("bench.dgraph");
    let writer = StoreWriter::lock(&path).expect("the lock");
    writer.save(&g).expect("save");
    let size = std::fs::metadata(&path).expect("the store").len();
    let text: usize = g.sentences().map(|(_, _, t)| t.len()).sum();
    println!(
        "file: {:.1} MiB; sentence text {:.1} MiB; {:.1} bytes per evidence record beyond sentence text",
        size as f64 / (1 << 20) as f64,
        text as f64 / (1 << 20) as f64,
        (size as f64 - text as f64) / g.evidence_count() as f64
    );
    let mut group = c.benchmark_group("store_1m_evidence");
    group.sample_size(10);
    group.bench_function("save", |b| b.iter(|| writer.save(&g).expect("save")));
    group.bench_function("load", |b| {
        b.iter(|| {
            let loaded = persist::load(&path).expect("load");
            assert_eq!(loaded.evidence_count(), EVIDENCE);
            loaded
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
