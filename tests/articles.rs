//! `articles`, `article ID`, `forget`, article ids from urls, and versions of
//! one article meeting in `ingest` and `merge`; roles of `leader_of`.
// See: issue 14, items 3 and 4

use predicates::str::contains;
use serde_json::Value;

use crate::common::{bin_with_store, tempdir};

const V1: &str = r#"{"url":"https://news.example/a","date":"2025-03-01","title":"Sanctions","text":"The European Union imposed sanctions on Russia. Japan imposed sanctions on Russia."}"#;
const V2: &str = r#"{"url":"https://news.example/a","date":"2025-03-02","title":"Sanctions (updated)","text":"The European Union imposed new sanctions on Russia. Japan imposed sanctions on Russia."}"#;
const OTHER: &str =
    r#"{"id":"b","date":"2025-04-01","title":"Visit","text":"Kim Jong Un visited Russia."}"#;
const QUIET: &str =
    r#"{"id":"q","date":"2025-05-01","title":"Weather","text":"It rained all day."}"#;

fn json(store: &std::path::Path, args: &[&str]) -> Value {
    let out = bin_with_store(store).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ingest(store: &std::path::Path, dir: &std::path::Path, name: &str, lines: &[&str]) {
    let file = dir.join(name);
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    bin_with_store(store)
        .arg("ingest")
        .arg(&file)
        .assert()
        .success();
}

fn evidence_json(store: &std::path::Path) -> String {
    let out = bin_with_store(store)
        .args(["export", "jsonl"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_refetched_article_replaces_its_older_version_in_any_order() {
    let dir = tempdir();
    let (a, b) = (dir.path().join("a.dgraph"), dir.path().join("b.dgraph"));
    ingest(&a, dir.path(), "v1.jsonl", &[V1]);
    ingest(&a, dir.path(), "v2.jsonl", &[V2]);
    let rows = json(&a, &["articles", "--format", "json"]);
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["title"], "Sanctions (updated)");
    assert_eq!(rows[0]["date"], "2025-03-02");
    let texts = evidence_json(&a);
    assert!(
        texts.contains("imposed new sanctions")
            && !texts.contains("imposed sanctions on Russia. Japan"),
        "{texts}"
    );
    // The other order, through merge: the same store.
    ingest(&b, dir.path(), "v2b.jsonl", &[V2]);
    let c = dir.path().join("c.dgraph");
    ingest(&c, dir.path(), "v1c.jsonl", &[V1]);
    bin_with_store(&c)
        .arg("merge")
        .arg(&b)
        .arg("-o")
        .arg(&c)
        .assert()
        .success();
    assert_eq!(evidence_json(&c), evidence_json(&a));
    let d = dir.path().join("d.dgraph");
    bin_with_store(&d)
        .arg("merge")
        .arg(&b)
        .arg(dir.path().join("v1only.dgraph"))
        .arg("-o")
        .arg(&d)
        .assert()
        .code(2);
    ingest(&d, dir.path(), "v1d.jsonl", &[V1]);
    bin_with_store(&b)
        .arg("merge")
        .arg(&d)
        .arg("-o")
        .arg(&b)
        .assert()
        .success();
    assert_eq!(evidence_json(&b), evidence_json(&a));
}

#[test]
fn articles_are_listed_shown_and_forgotten() {
    let dir = tempdir();
    let s = dir.path().join("s.dgraph");
    ingest(&s, dir.path(), "c.jsonl", &[V1, OTHER, QUIET]);
    let all = json(&s, &["articles", "--format", "json"]);
    assert_eq!(all.as_array().unwrap().len(), 3);
    assert_eq!(all[1]["id"], "b");
    assert_eq!(
        (&all[2]["id"], &all[2]["claims"]),
        (&Value::from("q"), &Value::from(0))
    );
    assert!(all[1]["claims"].as_u64().unwrap() >= 1);
    // No record declares a language: the store keeps the one its script gives.
    assert_eq!(all[1]["lang"], "en");
    let prk = json(
        &s,
        &["articles", "--actor", "North Korea", "--format", "json"],
    );
    assert_eq!(prk.as_array().unwrap().len(), 1, "{prk}");
    let april = json(
        &s,
        &[
            "articles",
            "--since",
            "2025-04-01",
            "--until",
            "2025-04-30",
            "--format",
            "json",
        ],
    );
    assert_eq!(april.as_array().unwrap().len(), 1);
    bin_with_store(&s)
        .args(["article", "b"])
        .assert()
        .success()
        // The title ("Visit") is sentence 0: the text does not hold it.
        .stdout(contains("#1 Kim Jong Un visited Russia."))
        .stdout(contains("person:kim-jong-un visit --> RUS"));
    bin_with_store(&s)
        .args(["article", "zz"])
        .assert()
        .code(2)
        .stderr(contains("article `zz` is not in the store"));
    bin_with_store(&s)
        .args(["forget", "b"])
        .assert()
        .success()
        .stderr(contains("1 articles forgotten"));
    let left = json(&s, &["articles", "--format", "json"]);
    assert_eq!(
        left.as_array().unwrap().len(),
        2,
        "an article without claims stays listed"
    );
    bin_with_store(&s)
        .args(["relations", "person:kim-jong-un"])
        .assert()
        .success()
        .stdout("no relations stored\n");
    bin_with_store(&s).args(["forget", "b"]).assert().code(1);
}

#[test]
fn leader_of_shows_roles_filters_by_role_and_top_leaves_it_out() {
    let dir = tempdir();
    let s = dir.path().join("s.dgraph");
    let lines = concat!(
        r#"{"source":"person:peskov-dmitry","relation":"leader_of","target":"RUS","article":"a","text":"Peskov said."}"#,
        "\n",
        r#"{"source":"person:putin-vladimir","relation":"leader_of","target":"RUS","article":"a","span":[0,5],"text":"Putin said.","role":"head_of_state"}"#,
        "\n",
        r#"{"source":"RUS","relation":"sanctions","target":"USA","article":"a","span":[6,9],"text":"x"}"#,
        "\n",
    );
    bin_with_store(&s)
        .args(["import", "-"])
        .write_stdin(lines)
        .assert()
        .success();
    let rows = json(&s, &["who", "leader_of", "--format", "json"]);
    let roles: Vec<(&str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap(),
                r["roles"][0].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        roles.contains(&("person:peskov-dmitry", "spokesperson")),
        "{roles:?}"
    );
    assert!(
        roles.contains(&("person:putin-vladimir", "head_of_state")),
        "{roles:?}"
    );
    let heads = json(
        &s,
        &[
            "who",
            "leader_of",
            "--role",
            "head_of_state",
            "--format",
            "json",
        ],
    );
    assert_eq!(heads.as_array().unwrap().len(), 1);
    let no_offices = json(
        &s,
        &[
            "relations",
            "RUS",
            "--relation",
            "!leader_of",
            "--format",
            "json",
        ],
    );
    assert_eq!(no_offices.as_array().unwrap().len(), 1);
    let top = json(&s, &["top", "--format", "json"]);
    assert_eq!(top[0]["degree"], 1, "office-holding is not counted: {top}");
    let with = json(&s, &["top", "--relation", "leader_of", "--format", "json"]);
    assert_eq!(with[0]["actor"], "RUS");
    assert_eq!(with[0]["degree"], 2);
    // The role goes out in the claim format (a stored one and a derived one).
    let out = evidence_json(&s);
    assert!(
        out.contains(r#""role":"head_of_state""#) && out.contains(r#""role":"spokesperson""#),
        "{out}"
    );
    let graphml = bin_with_store(&s)
        .args(["export", "graphml"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&graphml.stdout)
            .contains(r#"<data key="role">spokesperson</data>"#)
    );
    bin_with_store(&s)
        .args(["who", "leader_of", "--role", "king"])
        .assert()
        .code(2)
        .stderr(contains("--role: `king` is not a role"));
}
