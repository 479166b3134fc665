//! The engines past one machine, for real: DuckDB runs the README's queries
//! on `export parquet`'s claims and must count what `stats` and `relations`
//! count; Spark in local mode pipes a JSONL corpus through `extract -`,
//! writes Parquet, and `import` of it must equal a local `ingest`.
//!
//! They are slow (Spark starts a JVM), so they are `#[ignore]`d and run by
//! their own step in `.ci/run`: `cargo test --test integration engines --
//! --ignored`. A missing engine skips with a message, and fails under CI=true.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{bin_with_store, tempdir};

const QUERIES: &str = include_str!("engines/queries.sql");

fn script(name: &str) -> String {
    format!("{}/tests/engines/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Whether python3 can import `module` (and `java` runs, when asked); skips
/// with a message when not, and fails under CI=true (`.ci/run` installs them).
fn engine_here(test: &str, module: &str, java: bool) -> bool {
    let python = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    let java_ok = !java
        || Command::new("java")
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success());
    let found = python && java_ok;
    if !found {
        let what = if python {
            "java".to_owned()
        } else {
            format!("python3 with {module}")
        };
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{test}: CI=true but {what} is missing; .ci/run installs it"
        );
        eprintln!("SKIPPED {test}: {what} is not installed (python3 -m pip install {module})");
    }
    found
}

fn run_json(args: &[&str]) -> Value {
    let out = Command::new("python3").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let last = stdout.lines().last().unwrap_or("");
    serde_json::from_str(last).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn json_of(store: &Path, args: &[&str]) -> Value {
    let out = bin_with_store(store).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A store's `export jsonl` lines, sorted.
fn sorted_claims(store: &Path) -> Vec<String> {
    let out = bin_with_store(store)
        .args(["export", "jsonl"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

/// The README shows the queries the DuckDB test runs, character for character.
#[test]
fn the_readme_shows_the_duckdb_queries_the_engine_test_runs() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for q in QUERIES.split(';').map(str::trim).filter(|q| !q.is_empty()) {
        assert!(readme.contains(q), "README.md lacks the query:\n{q}");
    }
}

#[test]
#[ignore = "engine test: cargo test --test integration engines -- --ignored"]
fn duckdb_counts_what_stats_counts_with_the_readme_queries() {
    if !engine_here("duckdb_counts_what_stats_counts", "duckdb", false) {
        return;
    }
    let dir = tempdir();
    let store = crate::parquet::corpus_store(dir.path());
    let out = dir.path().join("world");
    bin_with_store(&store)
        .args(["export", "parquet", "-o"])
        .arg(&out)
        .assert()
        .success();
    let claims = out.join("claims");
    let got = run_json(&[
        &script("duckdb_queries.py"),
        &script("queries.sql"),
        claims.to_str().unwrap(),
    ]);
    let stats = json_of(&store, &["stats", "--format", "json"]);
    let (by_month, busiest) = (
        got["queries"][0].as_array().unwrap(),
        got["queries"][1].as_array().unwrap(),
    );
    // Who sanctions whom, by month: the evidence, the denials and the pairs
    // add up to the store's sanctions.
    let sum = |col: usize| {
        by_month
            .iter()
            .map(|r| r[col].as_i64().unwrap())
            .sum::<i64>()
    };
    let sanctions = &stats["relations"]["sanctions"];
    assert!(sum(3) > 0);
    assert_eq!(sum(3), sanctions["evidence"].as_i64().unwrap());
    assert_eq!(sum(4), sanctions["negated"].as_i64().unwrap());
    let mut pairs: Vec<(&str, &str)> = by_month
        .iter()
        .map(|r| (r[1].as_str().unwrap(), r[2].as_str().unwrap()))
        .collect();
    pairs.sort();
    pairs.dedup();
    assert_eq!(pairs.len() as i64, sanctions["edges"].as_i64().unwrap());
    // The busiest pairs: each pair's evidence is what `relations A B` holds.
    assert_eq!(busiest.len(), 10);
    for row in busiest {
        let (a, b) = (row[0].as_str().unwrap(), row[1].as_str().unwrap());
        let edges = json_of(
            &store,
            &["relations", a, b, "--include-negated", "--format", "json"],
        );
        let edges = edges.as_array().unwrap();
        let evidence: i64 = edges.iter().map(|e| e["evidence"].as_i64().unwrap()).sum();
        assert_eq!(row[2].as_i64().unwrap(), evidence, "{a} {b}");
        let mut relations: Vec<&str> = edges
            .iter()
            .map(|e| e["relation"].as_str().unwrap())
            .collect();
        relations.sort();
        relations.dedup();
        assert_eq!(row[3].as_i64().unwrap(), relations.len() as i64, "{a} {b}");
    }
    eprintln!("duckdb: queries took {} s", got["seconds"]);
    // Another engine's layout of the same claims (structs, a timestamp, a
    // list span) imports as the same store.
    let nested = dir.path().join("nested.parquet");
    run_json(&[
        &script("duckdb_nested.py"),
        claims.to_str().unwrap(),
        nested.to_str().unwrap(),
    ]);
    let copy = dir.path().join("copy.dgraph");
    bin_with_store(&copy)
        .arg("import")
        .arg(&nested)
        .assert()
        .success();
    assert_eq!(sorted_claims(&copy), sorted_claims(&store));
}

#[test]
#[ignore = "engine test: cargo test --test integration engines -- --ignored"]
fn spark_pipes_a_corpus_through_extract_and_its_parquet_imports_as_ingest() {
    if !engine_here("spark_pipes_a_corpus_through_extract", "pyspark", true) {
        return;
    }
    let dir = tempdir();
    let corpus = dir.path().join("corpus.jsonl");
    let texts = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/corpus");
    let mut files: Vec<_> = fs::read_dir(texts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut lines = String::new();
    for (i, f) in files.iter().enumerate() {
        let date = format!("2024-{:02}-15", i % 12 + 1);
        let record = serde_json::json!({"id": format!("r{i}"), "date": date, "text": fs::read_to_string(f).unwrap()});
        lines.push_str(&format!("{record}\n"));
    }
    fs::write(&corpus, lines).unwrap();
    let out = dir.path().join("spark-claims");
    let bin = env!("CARGO_BIN_EXE_diplograph");
    let got = run_json(&[
        &script("spark_pipe.py"),
        bin,
        corpus.to_str().unwrap(),
        out.to_str().unwrap(),
    ]);
    assert!(got["partitions"].as_i64().unwrap() > 1, "{got}");
    let local = dir.path().join("local.dgraph");
    bin_with_store(&local)
        .arg("ingest")
        .arg(&corpus)
        .assert()
        .success();
    let spark = dir.path().join("spark.dgraph");
    bin_with_store(&spark)
        .arg("import")
        .arg(&out)
        .assert()
        .success();
    let (want, have) = (sorted_claims(&local), sorted_claims(&spark));
    assert!(want.len() > 300);
    // Spark wrote every claim `extract` gives on one machine (two readings
    // of one sentence are one evidence record in a store, so count lines).
    let extracted = crate::common::bin()
        .arg("extract")
        .arg(&corpus)
        .output()
        .unwrap();
    let extracted = String::from_utf8(extracted.stdout).unwrap().lines().count();
    assert_eq!(got["claims"].as_i64().unwrap(), extracted as i64);
    assert_eq!(have, want);
    let stats = |s: &Path| json_of(s, &["stats", "--format", "json"])["relations"].clone();
    assert_eq!(stats(&spark), stats(&local));
    eprintln!("spark: local run took {} s", got["seconds"]);
}
