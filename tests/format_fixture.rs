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

#[test]
fn an_older_store_migrates_on_its_first_write_and_says_so_once() {
    // See: issue 12
    let dir = crate::common::tempdir();
    for old in [1, 2, 3] {
        let store = dir.path().join(format!("v{old}.dgraph"));
        std::fs::copy(fixture(old), &store).unwrap();
        let claim = format!(
            r#"{{"source":"USA","relation":"sanctions","target":"RUS","article":"new-{old}","text":"New."}}"#
        );
        let mut said = Vec::new();
        for _ in 0..2 {
            let out = crate::common::bin_with_store(&store)
                .args(["import", "-"])
                .write_stdin(claim.clone())
                .output()
                .unwrap();
            assert!(out.status.success());
            said.push(String::from_utf8(out.stderr).unwrap());
        }
        let note = format!("migrated from store format {old} to {FORMAT_VERSION}");
        assert!(said[0].contains(&note), "{}", said[0]);
        assert!(!said[1].contains("migrated"), "{}", said[1]);
        let bytes = std::fs::read(&store).unwrap();
        assert_eq!(bytes[8..12], FORMAT_VERSION.to_le_bytes());
        assert_eq!(
            persist::load(&store).unwrap().evidence_count(),
            expected().evidence_count() + 1
        );
    }
}

/// A format 3 store has no index section: the index built by walking its
/// edge table is the one a format 4 store of the same graph holds.
#[test]
fn a_format_3_store_is_indexed_as_its_format_4_copy_is() {
    // See: issue 12
    let dir = crate::common::tempdir();
    let v4 = dir.path().join("v4.dgraph");
    std::fs::write(&v4, persist::encode(&expected())).unwrap();
    let walked = persist::Section::open(&fixture(3)).unwrap().unwrap();
    let stored = persist::Section::open(&v4).unwrap().unwrap();
    assert_eq!(walked.index(), stored.index());
    let index = walked.index();
    assert!((0..index.actors.len()).any(|a| !index.touching(a).is_empty()));
}
