//! A store of 10,000,000 evidence records, built the way a store grows: one
//! seeded synthetic part of 1,000,000 records saved, nine appended. Prints
//! the file size and the time to append the parts, to compact, to open and
//! answer `relations` and `top`, and to append 1,000 more articles.
//!
//! Not part of `cargo test`: `cargo bench --bench store_10m` (about 7 GB of
//! memory at its peak when `compact` held the whole graph; it now copies a
//! block at a time, and the bench's peak was not measured since).
#![allow(clippy::print_stdout)]

mod synthetic;

use std::time::Instant;

use diplograph::persist::{self, Section, StoreWriter};
use diplograph::query::{self, Filter, Side, TopBy, scope};

use synthetic::{EVIDENCE, actor_id, synthetic_articles, synthetic_part};

const PARTS: u64 = 10;

fn mib(bytes: u64) -> f64 {
    bytes as f64 / f64::from(1 << 20)
}

fn main() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("bench-10m.dgraph");
    let writer = StoreWriter::lock(&path).expect("the lock");
    for part in 0..PARTS {
        let g = synthetic_part(part, EVIDENCE);
        let t = Instant::now();
        if part == 0 {
            writer.save(&g).expect("save");
        } else {
            let added = writer
                .append(&g)
                .expect("append")
                .expect("new articles append");
            assert_eq!(added.new_evidence, g.evidence_count());
        }
        let size = std::fs::metadata(&path).expect("the store").len();
        println!(
            "part {part}: {} records {} in {:.2?}; file {:.1} MiB",
            g.evidence_count(),
            if part == 0 { "saved" } else { "appended" },
            t.elapsed(),
            mib(size)
        );
    }
    let t = Instant::now();
    let _ = writer.compact().expect("compact");
    let size = std::fs::metadata(&path).expect("the store").len();
    println!("compact: {:.2?}; file {:.1} MiB", t.elapsed(), mib(size));
    drop(writer);

    let (a, b) = (actor_id(0), actor_id(1));
    // As `diplograph relations A B` asks: the graph section, then a graph of
    // every actor and the edges around A and B only.
    let t = Instant::now();
    let section = Section::open(&path).expect("open").expect("format 3");
    let opened = t.elapsed();
    let edges = scope::around(section.index(), &[&a, &b]);
    let part = section.graph(&edges, false).expect("the part");
    let rows =
        query::relations_filtered(&part, &a, Some(&b), Side::Both, &Filter::default(), false)
            .expect("both actors are stored");
    println!(
        "open (graph section of {} edges): {opened:.2?}; relations {a} {b}: {} rows in {:.2?} (open included)",
        section.index().edges,
        rows.len(),
        t.elapsed(),
    );
    let t = Instant::now();
    let part = section.graph(&edges, true).expect("the part");
    let rows = query::relations_filtered(&part, &a, Some(&b), Side::Both, &Filter::default(), true)
        .expect("both actors are stored");
    let shown: usize = rows.iter().map(|r| r.sentences.len()).sum();
    assert!(part.take_evidence_error().is_none());
    println!(
        "relations {a} {b} --evidence: {shown} sentences in {:.2?} (section open)",
        t.elapsed()
    );
    let t = Instant::now();
    let top = query::top_of(&persist::census(&path).expect("census"), 10, TopBy::Degree);
    println!(
        "top 10 (census read included): {:.2?}; first {}",
        t.elapsed(),
        top[0].actor
    );

    let writer = StoreWriter::lock(&path).expect("the lock");
    // 1,000 new articles of 25 records each, as issue 12 asks.
    let extra = synthetic_articles(PARTS, 25_000, 1_000);
    assert_eq!(extra.article_count(), 1_000, "every article drawn");
    let t = Instant::now();
    writer
        .append(&extra)
        .expect("append")
        .expect("new articles append");
    println!(
        "append {} articles ({} records): {:.2?}",
        extra.article_count(),
        extra.evidence_count(),
        t.elapsed()
    );
}
