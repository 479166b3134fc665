//! `merge STORE... -o OUT` and `relations`/`stats` on the result.

use std::fs;

use diplograph::persist;
use predicates::str::contains;

use crate::common::{CLAIMS, bin_with_store, import_claims, tempdir};

#[test]
fn merging_two_stores_in_either_order_gives_the_same_store() {
    let dir = tempdir();
    let lines: Vec<&str> = CLAIMS.lines().collect();
    let a = dir.path().join("a.dgraph");
    let b = dir.path().join("b.dgraph");
    import_claims(&a, lines[..2].join("\n"));
    import_claims(&b, lines[1..].join("\n"));
    let ab = dir.path().join("ab.dgraph");
    let ba = dir.path().join("ba.dgraph");
    for (out, ins) in [(&ab, [&a, &b]), (&ba, [&b, &a])] {
        crate::common::bin()
            .arg("merge")
            .args(ins)
            .arg("-o")
            .arg(out)
            .assert()
            .success();
    }
    assert_eq!(fs::read(&ab).unwrap(), fs::read(&ba).unwrap());
    assert_eq!(persist::load(&ab).unwrap().evidence_count(), 3);
    // Merging again changes nothing.
    crate::common::bin()
        .args(["merge"])
        .arg(&a)
        .arg("-o")
        .arg(&ab)
        .assert()
        .success();
    assert_eq!(fs::read(&ab).unwrap(), fs::read(&ba).unwrap());
}

#[test]
fn merge_refuses_a_bad_input_and_writes_nothing() {
    let dir = tempdir();
    let bad = dir.path().join("bad.dgraph");
    fs::write(&bad, "hello").unwrap();
    let out = dir.path().join("out.dgraph");
    crate::common::bin()
        .arg("merge")
        .arg(&bad)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("bad.dgraph: not a diplograph store"));
    assert!(!out.exists());
}

#[test]
fn relations_between_two_actors_list_counts_and_sentences() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    import_claims(&store, CLAIMS);
    bin_with_store(&store)
        .args(["relations", "rus", "PRK", "--evidence"])
        .assert()
        .success()
        .stdout(contains("PRK     arms_supply --> RUS"))
        .stdout(contains("hedged according to USA Officials say"))
        .stdout(contains("露朝首脳会談"));
    let out = bin_with_store(&store)
        // Denials are left out unless asked for (issue 5); asked, they are counted as `negated`.
        .args(["relations", "RUS", "--format", "json", "--include-negated"])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 3, "{rows:?}");
    let visit = rows.iter().find(|r| r["relation"] == "visit").unwrap();
    assert_eq!(
        (visit["negated"].as_u64(), visit["asserted"].as_u64()),
        (Some(1), Some(0))
    );
    // An actor with nothing stored is an empty answer, not an error (issue 14).
    bin_with_store(&store)
        .args(["relations", "FRA"])
        .assert()
        .success()
        .stdout("no relations stored\n")
        .stderr(contains("FRA is in no stored relation"));
    bin_with_store(&store)
        .args(["stats"])
        .assert()
        .success()
        .stdout(contains("person                         1"))
        .stdout(contains("evidence   3"));
}
