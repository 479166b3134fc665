//! The store file: round trips, and every kind of bad store gets a one-line error
//! naming the file, exit code 2, and is left exactly as it was.

use std::fs;

use diplograph::persist::{self, FORMAT_VERSION, StoreWriter};
use proptest::prelude::*;

use crate::common::{CLAIMS, bin_with_store, claims, graph_of, tempdir};

fn imported_store(dir: &std::path::Path) -> std::path::PathBuf {
    let store = dir.join("s.dgraph");
    let input = dir.join("c.jsonl");
    fs::write(&input, CLAIMS).unwrap();
    bin_with_store(&store)
        .arg("import")
        .arg(&input)
        .assert()
        .success();
    store
}

/// Runs `stats` and `import` on a damaged store: both must fail with one line
/// containing `expect` and the path, and leave the bytes untouched.
fn assert_refused(store: &std::path::Path, bytes: &[u8], expect: &str) {
    fs::write(store, bytes).unwrap();
    let input = store.with_file_name("more.jsonl");
    fs::write(&input, CLAIMS).unwrap();
    for args in [vec!["stats"], vec!["import", input.to_str().unwrap()]] {
        let out = bin_with_store(store).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?} exit code");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one line, got: {err}");
        assert!(err.starts_with("diplograph: "), "{err}");
        assert!(
            err.contains(store.to_str().unwrap()),
            "names the file: {err}"
        );
        assert!(err.contains(expect), "expected `{expect}` in: {err}");
        assert_eq!(
            fs::read(store).unwrap(),
            bytes,
            "{args:?} left the store as it was"
        );
    }
}

#[test]
fn a_missing_store_is_reported_on_read_and_created_on_write() {
    let dir = tempdir();
    let store = dir.path().join("sub/new.dgraph");
    let out = bin_with_store(&store).arg("stats").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no store here") && err.contains("new.dgraph"),
        "{err}"
    );
    assert!(!store.exists());
    let input = dir.path().join("c.jsonl");
    fs::write(&input, CLAIMS).unwrap();
    bin_with_store(&store)
        .arg("import")
        .arg(&input)
        .assert()
        .success();
    assert_eq!(persist::load(&store).unwrap().evidence_count(), 3);
}

#[test]
fn truncated_store_is_refused_untouched() {
    let dir = tempdir();
    let store = imported_store(dir.path());
    let bytes = fs::read(&store).unwrap();
    assert_refused(&store, &bytes[..bytes.len() - 7], "truncated store");
    assert_refused(&store, &bytes[..10], "truncated store");
}

#[test]
fn corrupt_store_is_refused_untouched() {
    let dir = tempdir();
    let store = imported_store(dir.path());
    let mut bytes = fs::read(&store).unwrap();
    let mid = bytes.len() / 2 + 5;
    bytes[mid] ^= 0x40;
    assert_refused(&store, &bytes, "corrupt store (checksum");
}

#[test]
fn foreign_file_is_refused_untouched() {
    let dir = tempdir();
    let store = dir.path().join("notes.dgraph");
    assert_refused(
        &store,
        b"# my notes\nnot a graph\n",
        "not a diplograph store",
    );
}

#[test]
fn newer_and_older_formats_get_different_messages() {
    let dir = tempdir();
    let store = imported_store(dir.path());
    let bytes = fs::read(&store).unwrap();
    let mut newer = bytes.clone();
    newer[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    assert_refused(&store, &newer, "newer than this diplograph reads");
    let mut older = bytes;
    older[8..12].copy_from_slice(&0u32.to_le_bytes());
    assert_refused(&store, &older, "too old");
}

#[test]
fn concurrent_writers_lose_no_update() {
    let dir = tempdir();
    let store = dir.path().join("shared.dgraph");
    let lines: Vec<&str> = CLAIMS.lines().collect();
    let children: Vec<_> = (0..6)
        .map(|i| {
            // Each writer brings its own article, so every import adds evidence.
            let body = lines
                .iter()
                .map(|l| l.replace(r#""article":"t"#, &format!(r#""article":"w{i}-"#)))
                .collect::<Vec<_>>()
                .join("\n");
            let input = dir.path().join(format!("w{i}.jsonl"));
            fs::write(&input, body).unwrap();
            std::process::Command::new(env!("CARGO_BIN_EXE_diplograph"))
                .env_remove("DIPLOGRAPH_STORE")
                .arg("--store")
                .arg(&store)
                .arg("import")
                .arg(&input)
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(persist::load(&store).unwrap().evidence_count(), 6 * 3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// 64 cases: save then load gives back the same graph.
    #[test]
    fn save_then_load_round_trips(cs in claims(24)) {
        let dir = tempdir();
        let path = dir.path().join("p.dgraph");
        let g = graph_of(&cs);
        let w = StoreWriter::lock(&path).unwrap();
        w.save(&g).unwrap();
        drop(w);
        prop_assert_eq!(persist::load(&path).unwrap(), g);
    }
}
