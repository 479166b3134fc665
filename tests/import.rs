//! `import`: JSONL claims from files and stdin; bad lines are reported and skipped.

use std::fs;

use diplograph::persist;
use predicates::str::contains;

use crate::common::{CLAIMS, bin_with_store, import_claims, tempdir};

#[test]
fn bad_lines_are_reported_with_their_number_and_the_rest_is_kept() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let input = dir.path().join("c.jsonl");
    let mut lines: Vec<&str> = CLAIMS.lines().collect();
    lines.insert(1, r#"{"source": "not an actor"}"#);
    lines.insert(3, "");
    fs::write(&input, lines.join("\n")).unwrap();
    bin_with_store(&store)
        .arg("import")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(contains("c.jsonl:2: skipped: not a claim"))
        .stderr(contains("1 bad lines skipped"));
    assert_eq!(persist::load(&store).unwrap().evidence_count(), 3);
}

#[test]
fn importing_the_same_claims_twice_changes_nothing() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let input = dir.path().join("c.jsonl");
    fs::write(&input, CLAIMS).unwrap();
    bin_with_store(&store)
        .arg("import")
        .arg(&input)
        .assert()
        .success();
    let first = fs::read(&store).unwrap();
    bin_with_store(&store)
        .arg("import")
        .arg(&input)
        .assert()
        .success()
        .stderr(contains("0 new evidence"));
    assert_eq!(fs::read(&store).unwrap(), first, "byte-identical store");
}

#[test]
fn claims_are_read_from_stdin_and_the_store_env_var_is_honoured() {
    let dir = tempdir();
    let store = dir.path().join("env.dgraph");
    crate::common::bin()
        .env("DIPLOGRAPH_STORE", &store)
        .args(["import", "-"])
        .write_stdin(CLAIMS)
        .assert()
        .success();
    let g = persist::load(&store).unwrap();
    assert_eq!(
        (g.actor_count(), g.edge_count(), g.evidence_count()),
        (3, 3, 3)
    );
}

#[test]
fn export_jsonl_gives_back_the_imported_claims() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    import_claims(&store, CLAIMS);
    let out = bin_with_store(&store)
        .args(["export", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut got: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let mut want: Vec<String> = CLAIMS
        .lines()
        .map(|l| {
            let c = diplograph::export::jsonl::claim_from_line(l).unwrap();
            diplograph::export::jsonl::claim_to_line(&c)
        })
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);
}
