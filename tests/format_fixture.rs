//! Frozen store files, one per format version: a later format change must still
//! read them (or say clearly that they are too old).

use std::path::Path;

use diplograph::export::jsonl::claim_from_line;
use diplograph::persist::{self, FORMAT_VERSION};

use crate::common::{CLAIMS, graph_of};

fn fixture(version: u32) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/format/v{version}.dgraph"))
}

fn expected() -> diplograph::graph::KnowledgeGraph {
    let claims: Vec<_> = CLAIMS
        .lines()
        .map(|l| claim_from_line(l).unwrap())
        .collect();
    graph_of(&claims)
}

#[test]
fn the_current_format_fixture_exists_and_loads() {
    let path = fixture(FORMAT_VERSION);
    if !path.exists() {
        // First run after a format bump: freeze this version's file; commit it.
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, persist::encode(&expected())).unwrap();
        eprintln!("wrote {}; commit it", path.display());
    }
    assert_eq!(persist::load(&path).unwrap(), expected());
}

#[test]
fn every_frozen_format_still_loads() {
    for v in persist::OLDEST_SUPPORTED_FORMAT..=FORMAT_VERSION {
        let path = fixture(v);
        if path.exists() {
            let g = persist::load(&path).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(g, expected(), "format {v}");
        }
    }
}
