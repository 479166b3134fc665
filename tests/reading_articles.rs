//! Reading articles for `extract` and `ingest`: JSONL corpora line by line, bad
//! lines and bad files reported and skipped, the rest kept.

use std::fs;

use crate::common::{bin, bin_with_store, tempdir};

/// A corpus of three records; the second has a byte that is not UTF-8.
fn corpus_with_a_bad_byte() -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"{\"id\":\"a\",\"text\":\"Russia imposed sanctions on Japan.\"}\n");
    out.extend_from_slice(b"{\"id\":\"b\",\"text\":\"Japan \xff imposed sanctions on China.\"}\n");
    out.extend_from_slice(b"{\"id\":\"c\",\"text\":\"China imposed sanctions on Russia.\"}\n");
    out
}

/// (source, target) of every claim `extract --format jsonl` prints.
fn pairs(stdout: &[u8]) -> Vec<(String, String)> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| {
            let c: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                c["source"]["id"].as_str().unwrap().to_owned(),
                c["target"]["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pair(s: &str, t: &str) -> (String, String) {
    (s.to_owned(), t.to_owned())
}

// See: issue 8
#[test]
fn a_bad_byte_in_one_record_costs_only_that_record() {
    let dir = tempdir();
    let corpus = dir.path().join("corpus.jsonl");
    fs::write(&corpus, corpus_with_a_bad_byte()).unwrap();
    let out = bin().arg("extract").arg(&corpus).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "corpus.jsonl:2: not UTF-8 (byte 25 of the line); convert the file to UTF-8; skipped"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(
        pairs(&out.stdout),
        vec![pair("RUS", "JPN"), pair("CHN", "RUS")]
    );
}

// See: issue 8
#[test]
fn ingest_keeps_the_good_records_of_a_corpus_with_bad_lines() {
    let dir = tempdir();
    let corpus = dir.path().join("corpus.jsonl");
    let mut bytes = corpus_with_a_bad_byte();
    bytes.extend_from_slice(b"not json\n{\"id\":\"d\",\"title\":\"no text\"}\n");
    fs::write(&corpus, bytes).unwrap();
    let store = dir.path().join("s.dgraph");
    let out = bin_with_store(&store)
        .arg("ingest")
        .arg(&corpus)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for want in [
        "corpus.jsonl:2: not UTF-8",
        "corpus.jsonl:4: not a corpus record (expected ident at column 2)",
        "corpus.jsonl:5: not a corpus record (missing field `text` at column",
        "2 articles, 2 sentences read, 2 claims",
        "3 inputs skipped",
    ] {
        assert!(stderr.contains(want), "want {want:?} in {stderr}");
    }
    let stats = bin_with_store(&store)
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["evidence"], 2, "{stats}");
}

// See: issue 8
#[test]
fn a_corpus_with_crlf_a_bom_and_no_final_newline_is_read_whole() {
    let dir = tempdir();
    let corpus = dir.path().join("corpus.jsonl");
    let bytes = b"\xEF\xBB\xBF{\"text\":\"Russia imposed sanctions on Japan.\"}\r\n\r\n\
        {\"text\":\"China imposed sanctions on Russia.\"}";
    fs::write(&corpus, bytes).unwrap();
    let out = bin().arg("extract").arg(&corpus).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        pairs(&out.stdout),
        vec![pair("RUS", "JPN"), pair("CHN", "RUS")]
    );
}

// See: issue 8
#[test]
fn missing_and_non_utf8_files_are_one_line_each_and_the_rest_goes_in() {
    let dir = tempdir();
    let good = dir.path().join("good.txt");
    fs::write(&good, "Russia imposed sanctions on Japan.\n").unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"Line one.\nCaf\xe9 society.\n").unwrap();
    let missing = dir.path().join("missing.jsonl");
    let store = dir.path().join("s.dgraph");
    let out = bin_with_store(&store)
        .arg("ingest")
        .args([&missing, &latin1, &good])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    let missing_line = lines
        .iter()
        .find(|l| l.contains("missing.jsonl"))
        .expect("missing named");
    assert!(
        missing_line.ends_with(
            "missing.jsonl: cannot open the corpus: No such file or directory (os error 2); skipped"
        ),
        "{stderr}"
    );
    let latin1_line = lines
        .iter()
        .find(|l| l.contains("latin1.txt"))
        .expect("latin1 named");
    assert!(
        latin1_line.ends_with(
            "latin1.txt: not UTF-8 text (line 2, byte 13); convert it to UTF-8 first; skipped"
        ),
        "{stderr}"
    );
    assert!(
        lines[2].contains("1 articles, 1 sentences read, 1 claims"),
        "{stderr}"
    );
}

/// See: issue 14. A record's title is read for claims; a headline and its lead
/// sentence are two evidence records of one article, counted once in `articles`.
#[test]
fn a_record_title_is_read_and_its_article_counts_once() {
    let dir = tempdir();
    let corpus = dir.path().join("c.jsonl");
    fs::write(
        &corpus,
        "{\"id\":\"h1\",\"title\":\"Canada imposes sanctions on Iran\",\
         \"text\":\"Canada imposed new sanctions on Iran on Friday.\"}\n",
    )
    .unwrap();
    let store = dir.path().join("s.dgraph");
    bin_with_store(&store)
        .arg("ingest")
        .arg(&corpus)
        .assert()
        .success();
    let out = bin_with_store(&store)
        .args(["relations", "Canada", "Iran", "--format", "json"])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = rows.to_string();
    assert!(text.contains("\"evidence\":2"), "{text}");
    assert!(text.contains("\"articles\":1"), "{text}");
}
