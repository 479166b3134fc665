//! `compact` and the compaction an append runs by itself: a store of several
//! commits is rewritten as one, a block at a time, into the file that loading
//! it whole and saving it would write, and in the memory of a few blocks.
//! See: issue 12

use std::fs;

use diplograph::graph::KnowledgeGraph;
use diplograph::model::{Actor, ActorId, ArticleId, Claim, Evidence, Relation, Span};
use diplograph::persist::{self, StoreWriter};
use proptest::prelude::*;

use crate::common::{bin_with_store, claims, graph_of, noise, tempdir};

/// `cs` with each article id prefixed by `part`, so that parts share actors
/// and edges but no article (an append takes new articles only).
fn part(part: usize, cs: &[Claim]) -> KnowledgeGraph {
    let renamed: Vec<Claim> = cs
        .iter()
        .cloned()
        .map(|mut c| {
            c.evidence.article = ArticleId(format!("p{part}-{}", c.evidence.article.0));
            c
        })
        .collect();
    graph_of(&renamed)
}

/// A store saved from the first part and grown by an append of each other
/// (which compacts it by itself when a small store's superseded graph
/// sections pass half the file); returns the parts merged and how many
/// appends compacted.
fn store_of_appends(path: &std::path::Path, parts: &[KnowledgeGraph]) -> (KnowledgeGraph, usize) {
    let w = StoreWriter::lock(path).unwrap();
    w.save(&parts[0]).unwrap();
    let mut whole = parts[0].clone();
    let mut compacted = 0;
    for p in &parts[1..] {
        let added = w.append(p).unwrap().expect("new articles are appended");
        compacted += usize::from(added.compacted);
        whole.merge(p);
    }
    (whole, compacted)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// 32 cases: compacting a store of three commits writes, byte for byte,
    /// the file that loading it whole and saving it writes, and it loads as
    /// the parts merged.
    #[test]
    fn compact_streams_the_file_load_and_save_write(
        a in claims(16), b in claims(16), c in claims(16)
    ) {
        let dir = tempdir();
        let path = dir.path().join("s.dgraph");
        let parts = [part(0, &a), part(1, &b), part(2, &c)];
        let (whole, _) = store_of_appends(&path, &parts);
        let expected = persist::encode(&persist::load(&path).unwrap());
        let w = StoreWriter::lock(&path).unwrap();
        let saved = w.compact().unwrap().expect("a store of this format compacts");
        drop(w);
        prop_assert_eq!(saved.migrated_from, None);
        let got = fs::read(&path).unwrap();
        prop_assert!(got == expected, "compacted file differs from load and save");
        prop_assert_eq!(persist::load(&path).unwrap(), whole.clone());
        prop_assert_eq!(persist::census(&path).unwrap(), whole.census());
    }
}

/// Part `p` of a big store: `n` records of 20 kB sentences over a few edges,
/// each edge in every part.
fn big_part(p: u32, n: u32) -> KnowledgeGraph {
    let ids = ["RUS", "PRK", "UKR", "USA", "CHN", "JPN"];
    let mut g = KnowledgeGraph::new();
    for i in 0..n {
        let a = |k: u32| Actor::from_id(ActorId::new(ids[(k as usize) % ids.len()]).unwrap());
        g.insert_claim(&Claim {
            source: a(i),
            relation: Relation::ALL[(i as usize / 6) % 4],
            target: a(i + 1 + i % 3),
            negated: i % 7 == 0,
            hedged: i % 5 == 0,
            attributed_to: if i % 3 == 0 {
                vec![ActorId::new("KOR").unwrap()]
            } else {
                vec![]
            },
            evidence: Evidence {
                article: ArticleId(format!("p{p}-{}", i / 10)),
                title: None,
                url: None,
                date: None,
                sentence: i % 10,
                span: Span::new(0, 20_000),
                text: format!("{p} {i} {}", noise(p * n + i)),
                lang: None,
            },
        });
    }
    g
}

/// Runs the binary with `args` on `store`, its data segment (heap and
/// private mappings, `RLIMIT_DATA`) held to `limit` bytes: whether it
/// finished. A limit rather than a measure of RSS, because a child's
/// `ru_maxrss` counts the test process it was spawned from.
#[cfg(target_os = "linux")]
fn succeeds_within(store: &std::path::Path, args: &[&str], limit: u64) -> bool {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_diplograph"));
    cmd.env_remove("DIPLOGRAPH_STORE")
        .arg("--store")
        .arg(store)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let rlim = libc::rlimit {
        rlim_cur: limit,
        rlim_max: limit,
    };
    // SAFETY: `setrlimit` is async-signal-safe and touches no memory of the
    // parent; it runs in the child between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_DATA, &rlim) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    cmd.status().unwrap().success()
}

/// Every claim and what `relations --evidence` shows, as the CLI prints them.
fn answers(store: &std::path::Path) -> (Vec<u8>, Vec<u8>) {
    let run = |args: &[&str]| {
        let out = bin_with_store(store).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        out.stdout
    };
    (
        run(&["export", "jsonl"]),
        run(&["relations", "RUS", "PRK", "--evidence"]),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn compact_holds_a_few_blocks_not_the_evidence_in_memory() {
    let dir = tempdir();
    let path = dir.path().join("big.dgraph");
    let parts: Vec<KnowledgeGraph> = (0..4).map(|p| big_part(p, 500)).collect();
    let (_, compacted) = store_of_appends(&path, &parts);
    assert_eq!(compacted, 0, "the evidence outweighs the graph sections");
    let before = answers(&path);
    let size = fs::metadata(&path).unwrap().len();
    assert!(
        size > 20_000_000,
        "the store is {size} bytes, want tens of MB"
    );
    // Loading the store whole holds its 40 MB of sentences at least (the
    // load-and-save compaction fails under a limit of 40 MB); a streaming
    // one holds the graph section and a few blocks (each edge's records of
    // the four parts, about 400 kB) beside what the process needs to start
    // (it passes at 12 MB).
    let limit = size / 2;
    let kept = fs::read(&path).unwrap();
    assert!(
        succeeds_within(&path, &["compact"], limit),
        "compact of a {size}-byte store needs more than {limit} bytes of data"
    );
    assert_ne!(fs::read(&path).unwrap(), kept, "the store was rewritten");
    assert!(fs::metadata(&path).unwrap().len() < size);
    assert_eq!(answers(&path), before, "compact changed an answer");
    // And the compacted store takes appends again.
    let w = StoreWriter::lock(&path).unwrap();
    assert!(w.append(&big_part(9, 20)).unwrap().is_some());
}
