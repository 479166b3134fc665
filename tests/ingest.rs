//! `ingest` on several threads: articles, not files, are shared among the
//! workers, and the store and the messages are those of one thread.

use std::fs;
use std::path::Path;

use crate::common::{bin_with_store, tempdir};

/// A JSONL corpus of the bundled articles, each read several times under
/// different ids (so that it spans several chunks of work), with a bad line.
fn corpus(path: &Path) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/corpus");
    let mut texts: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    let mut out = String::new();
    for round in 0..12 {
        for (i, text) in texts.iter().enumerate() {
            let record = serde_json::json!({"id": format!("r{round}-{i}"), "text": text});
            out.push_str(&format!("{record}\n"));
        }
        if round == 5 {
            out.push_str("not json\n");
        }
    }
    fs::write(path, out).unwrap();
}

/// Ingests `corpus` into a fresh store with `--jobs N`: the store's claims
/// (sorted `export jsonl` lines), its articles and the stderr of `ingest`
/// (store path left out).
fn ingest(dir: &Path, corpus: &Path, jobs: usize) -> (Vec<String>, String, String) {
    let store = dir.join(format!("jobs-{jobs}.dgraph"));
    let out = bin_with_store(&store)
        .arg("ingest")
        .arg(corpus)
        .args(["--jobs", &jobs.to_string()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&*store.to_string_lossy(), "S");
    assert_eq!(out.status.code(), Some(1), "one bad line: {stderr}");
    let export = bin_with_store(&store)
        .args(["export", "jsonl"])
        .output()
        .unwrap();
    assert!(export.status.success());
    let mut claims: Vec<String> = String::from_utf8(export.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    claims.sort();
    let articles = bin_with_store(&store)
        .args(["articles", "--format", "json"])
        .output()
        .unwrap();
    assert!(articles.status.success());
    (claims, String::from_utf8(articles.stdout).unwrap(), stderr)
}

// See: issue 12, item 5
#[test]
fn ingest_on_two_jobs_stores_what_one_job_stores() {
    let dir = tempdir();
    let path = dir.path().join("corpus.jsonl");
    corpus(&path);
    let one = ingest(dir.path(), &path, 1);
    assert!(one.0.len() > 1000, "{} claims", one.0.len());
    assert!(one.2.contains("corpus.jsonl:"), "{}", one.2);
    for jobs in [2, 3] {
        let many = ingest(dir.path(), &path, jobs);
        assert!(many.0 == one.0, "--jobs {jobs}: other claims than --jobs 1");
        assert_eq!(many.1, one.1, "--jobs {jobs}: other articles");
        assert_eq!(many.2, one.2, "--jobs {jobs}: other messages");
    }
}
