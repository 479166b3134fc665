//! `export dot`: escaped ids and labels, a stable snapshot, and Graphviz accepts it.

use std::fs;
use std::process::Command;

use crate::common::{CLAIMS, bin_with_store, dot_to_svg, import_claims, tempdir};

fn dot_of_claims(dir: &std::path::Path) -> String {
    let store = dir.join("s.dgraph");
    import_claims(&store, CLAIMS);
    let out = dir.join("g.dot");
    bin_with_store(&store)
        // Denials are drawn (dotted) only when asked for (issue 5).
        .args(["export", "dot", "--include-negated", "-o"])
        .arg(&out)
        .assert()
        .success();
    fs::read_to_string(out).unwrap()
}

#[test]
fn dot_output_is_stable_and_escaped() {
    let dir = tempdir();
    let dot = dot_of_claims(dir.path());
    assert!(dot.contains(r#""person:kim-jong-un" -> "RUS""#), "{dot}");
    assert!(
        dot.contains(r#""PRK" -> "RUS" [label="summit (1)""#),
        "{dot}"
    );
    insta::assert_snapshot!(dot);
}

#[test]
fn graphviz_accepts_the_dot() {
    if Command::new("dot").arg("-V").output().is_err() {
        eprintln!(
            "SKIPPED graphviz_accepts_the_dot: Graphviz `dot` is not installed (apt-get install graphviz)"
        );
        return;
    }
    let dir = tempdir();
    dot_of_claims(dir.path());
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/sample-claims.jsonl");
    let store = dir.path().join("sample.dgraph");
    bin_with_store(&store)
        .arg("import")
        .arg(samples)
        .assert()
        .success();
    let sample_dot = dir.path().join("sample.dot");
    bin_with_store(&store)
        .args(["export", "dot", "-o"])
        .arg(&sample_dot)
        .assert()
        .success();
    for file in [dir.path().join("g.dot"), sample_dot] {
        let svg = dot_to_svg(&file, &file.display().to_string());
        assert!(svg.contains("<svg"));
    }
}
