//! `who`, `path`, `top`, `timeline` and the filters of `relations`, on a small
//! hand-written store (see [`STORE`]).

use predicates::str::contains;
use serde_json::Value;

use crate::common::{bin_with_store, tempdir};

/// Eight claims: sanctions on RUS over three years, a symmetric alliance given
/// "backwards", a person who rolls up to PRK, a hedged and a denied supply, and
/// names with quotes, backslashes, angle brackets and Japanese.
pub(crate) const STORE: &str = r#"{"source":{"id":"USA","kind":"country","country":"USA","name":"United States"},"relation":"sanctions","target":{"id":"RUS","kind":"country","country":"RUS","name":"Russia"},"negated":false,"hedged":false,"attributed_to":[],"article":"a1","date":"2022-03-01","sentence":0,"span":[0,30],"text":"The US sanctioned Russia."}
{"source":{"id":"EU","kind":"organization","country":null,"name":"European Union"},"relation":"sanctions","target":{"id":"RUS","kind":"country","country":"RUS","name":"Russia"},"negated":false,"hedged":false,"attributed_to":[],"article":"a2","date":"2023-06-01","sentence":0,"span":[0,30],"text":"The EU adopted an 11th package, \"the toughest\"."}
{"source":{"id":"EU","kind":"organization","country":null,"name":"European Union"},"relation":"sanctions","target":{"id":"RUS","kind":"country","country":"RUS","name":"Russia"},"negated":false,"hedged":false,"attributed_to":[],"article":"a3","date":"2024-01-10","sentence":1,"span":[31,60],"text":"EU sanctions on Russia were extended."}
{"source":{"id":"USA","kind":"country","country":"USA","name":"United States"},"relation":"alliance","target":{"id":"JPN","kind":"country","country":"JPN","name":"Japan 日本"},"negated":false,"hedged":false,"attributed_to":[],"article":"a4","date":"2024-04-10","sentence":2,"span":[0,20],"text":"日米同盟を強化する。"}
{"source":{"id":"person:kim-jong-un","kind":"person","country":"PRK","name":"Kim \"Rocket\" <Jong> Un \\ 金正恩"},"relation":"visit","target":{"id":"RUS","kind":"country","country":"RUS","name":"Russia"},"negated":false,"hedged":false,"attributed_to":[],"article":"a5","date":"2023-09-13","sentence":0,"span":[0,25],"text":"Kim arrived in Vostochny."}
{"source":{"id":"PRK","kind":"country","country":"PRK","name":"North Korea"},"relation":"arms_supply","target":{"id":"RUS","kind":"country","country":"RUS","name":"Russia"},"negated":false,"hedged":true,"attributed_to":["KOR"],"article":"a6","date":"2024-09-01","sentence":3,"span":[0,40],"text":"Seoul says shells were shipped to Russia."}
{"source":{"id":"CHN","kind":"country","country":"CHN","name":"China \"PRC\" <中国>"},"relation":"arms_supply","target":{"id":"RUS","kind":"country","country":"RUS","name":"Russia"},"negated":true,"hedged":false,"attributed_to":[],"article":"a7","date":"2024-10-01","sentence":0,"span":[0,40],"text":"China denied supplying weapons to Russia."}
{"source":{"id":"JPN","kind":"country","country":"JPN","name":"Japan 日本"},"relation":"sanctions","target":{"id":"person:kim-jong-un","kind":"person","country":"PRK","name":"Kim \"Rocket\" <Jong> Un \\ 金正恩"},"negated":false,"hedged":false,"attributed_to":[],"article":"a8","date":null,"sentence":0,"span":[0,20],"text":"Japan froze Kim's assets."}
"#;

/// The odd display names of [`STORE`], from a user's gazetteer file: an
/// imported line cannot rename an actor the gazetteer knows (issue 8).
const ODD_NAMES: &str = r#"
[[actor]]
id = "JPN"
name = "Japan 日本"

[[actor]]
id = "CHN"
name = 'China "PRC" <中国>'

[[actor]]
id = "person:kim-jong-un"
name = 'Kim "Rocket" <Jong> Un \ 金正恩'
"#;

/// A store of [`STORE`] in a fresh temp dir.
pub(crate) fn store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempdir();
    let path = dir.path().join("s.dgraph");
    let names = dir.path().join("names.toml");
    std::fs::write(&names, ODD_NAMES).unwrap();
    bin_with_store(&path)
        .arg("--gazetteer")
        .arg(&names)
        .args(["import", "-"])
        .write_stdin(STORE)
        .assert()
        .success();
    (dir, path)
}

fn json(store: &std::path::Path, args: &[&str]) -> Value {
    let out = bin_with_store(store)
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn triples(rows: &Value) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["source"].as_str().unwrap(),
                r["relation"].as_str().unwrap(),
                r["target"].as_str().unwrap(),
                r["evidence"]
            )
        })
        .collect()
}

#[test]
fn who_sanctions_russia_lists_imposers_by_evidence() {
    let (_dir, s) = store();
    let rows = json(&s, &["who", "sanctions", "--target", "Russia"]);
    assert_eq!(
        triples(&rows),
        ["EU sanctions RUS 2", "USA sanctions RUS 1"]
    );
    bin_with_store(&s)
        .args(["who", "sanctions", "--target", "ロシア"])
        .assert()
        .success()
        .stdout(contains("EU      sanctions --> RUS"));
    bin_with_store(&s)
        .args(["who", "sanktions"])
        .assert()
        .code(2)
        .stderr(contains("relation `sanktions` is not in the ontology"));
}

#[test]
fn who_runs_symmetric_relations_both_ways() {
    let (_dir, s) = store();
    // Stored as JPN-USA (sorted ids); asked from either end, the asked actor sits where asked.
    let rows = json(&s, &["who", "alliance", "--target", "JPN"]);
    assert_eq!(triples(&rows), ["USA alliance JPN 1"]);
    let rows = json(&s, &["who", "alliance", "--source", "JPN"]);
    assert_eq!(triples(&rows), ["JPN alliance USA 1"]);
}

#[test]
fn denials_are_left_out_unless_asked_for_and_then_marked() {
    let (_dir, s) = store();
    let rows = json(&s, &["who", "arms_supply", "--target", "RUS"]);
    assert_eq!(triples(&rows), ["PRK arms_supply RUS 1"]);
    let rows = json(
        &s,
        &["who", "arms_supply", "--target", "RUS", "--include-negated"],
    );
    assert_eq!(
        triples(&rows),
        ["CHN arms_supply RUS 1", "PRK arms_supply RUS 1"]
    );
    assert_eq!(rows[0]["negated"], 1);
    bin_with_store(&s)
        .args(["relations", "CHN", "--include-negated", "--evidence"])
        .assert()
        .success()
        .stdout(contains("DENIED"));
}

#[test]
fn relation_date_and_evidence_filters_narrow_relations() {
    let (_dir, s) = store();
    let all = json(&s, &["relations", "RUS"]);
    assert_eq!(all.as_array().unwrap().len(), 4, "{all}");
    let rows = json(&s, &["relations", "RUS", "--relation", "sanctions,visit"]);
    assert_eq!(
        triples(&rows),
        [
            "EU sanctions RUS 2",
            "USA sanctions RUS 1",
            "person:kim-jong-un visit RUS 1"
        ]
    );
    let rows = json(
        &s,
        &[
            "relations",
            "RUS",
            "--since",
            "2023-01-01",
            "--until",
            "2023-12-31",
        ],
    );
    assert_eq!(
        triples(&rows),
        ["EU sanctions RUS 1", "person:kim-jong-un visit RUS 1"]
    );
    let rows = json(&s, &["relations", "RUS", "--min-evidence", "2"]);
    assert_eq!(triples(&rows), ["EU sanctions RUS 2"]);
    let rows = json(&s, &["relations", "USA", "--direction", "in"]);
    assert_eq!(
        triples(&rows),
        ["JPN alliance USA 1"],
        "symmetric counts as in"
    );
    let rows = json(&s, &["relations", "USA", "--direction", "out"]);
    assert_eq!(
        triples(&rows),
        ["JPN alliance USA 1", "USA sanctions RUS 1"]
    );
    bin_with_store(&s)
        .args(["relations", "RUS", "--since", "2024-13-01"])
        .assert()
        .code(2)
        .stderr(contains("--since `2024-13-01`: not a date"));
}

#[test]
fn by_state_rolls_persons_up_to_their_state() {
    let (_dir, s) = store();
    let rows = json(&s, &["relations", "PRK", "RUS", "--by-state"]);
    assert_eq!(triples(&rows), ["PRK visit RUS 1", "PRK arms_supply RUS 1"]);
    let rows = json(&s, &["who", "sanctions", "--target", "PRK", "--by-state"]);
    assert_eq!(triples(&rows), ["JPN sanctions PRK 1"]);
    let rows = json(&s, &["relations", "PRK", "RUS"]);
    assert_eq!(triples(&rows), ["PRK arms_supply RUS 1"]);
    // A person asked about at state level stands for its state.
    let rows = json(
        &s,
        &[
            "relations",
            "Kim Jong Un",
            "--by-state",
            "--direction",
            "in",
        ],
    );
    assert_eq!(triples(&rows), ["JPN sanctions PRK 1"]);
    let chains = json(&s, &["path", "person:kim-jong-un", "JPN", "--by-state"]);
    assert_eq!(chains[0]["actors"], serde_json::json!(["PRK", "JPN"]));
}

#[test]
fn csv_answers_quote_what_needs_quoting() {
    let (_dir, s) = store();
    let out = bin_with_store(&s)
        .args(["relations", "EU", "--evidence", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("source,relation,target,symmetric,evidence"),
        "{text}"
    );
    assert!(
        text.contains(r#""The EU adopted an 11th package, ""the toughest"".""#),
        "{text}"
    );
}

#[test]
fn path_finds_the_shortest_chains_with_each_hops_direction() {
    let (_dir, s) = store();
    let chains = json(&s, &["path", "Japan", "North Korea"]);
    let chains = chains.as_array().unwrap();
    // Two chains of three hops: through the alliance and sanctions, and through Kim.
    assert_eq!(chains.len(), 2, "{chains:?}");
    let actors: Vec<&str> = chains[0]["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(actors, ["JPN", "USA", "RUS", "PRK"]);
    let hops = chains[0]["hops"].as_array().unwrap();
    assert_eq!(hops[0]["relations"][0]["direction"], "symmetric");
    assert_eq!(hops[1]["relations"][0]["relation"], "sanctions");
    assert_eq!(hops[1]["relations"][0]["direction"], "forward");
    assert_eq!(hops[2]["relations"][0]["direction"], "backward");
    // Rolled up, Japan's sanctions on Kim link JPN and PRK directly.
    let chains = json(&s, &["path", "JPN", "PRK", "--by-state"]);
    assert_eq!(chains[0]["hops"].as_array().unwrap().len(), 1);
    // Too short a limit, or a filter that cuts the chain: no chain.
    let none = json(&s, &["path", "JPN", "PRK", "--max-len", "2"]);
    assert!(none.as_array().unwrap().is_empty());
    bin_with_store(&s)
        .args(["path", "JPN", "PRK", "--relation", "alliance"])
        .assert()
        .success()
        .stdout(contains("no chain of 4 hops or fewer links JPN and PRK"));
    bin_with_store(&s)
        .args(["path", "JPN", "PRK"])
        .assert()
        .success()
        .stdout(contains("2 shortest chains of 3 hops"))
        .stdout(contains(
            "JPN <-alliance(1)-> USA -sanctions(1)-> RUS <-arms_supply(1)- PRK",
        ))
        .stdout(contains(
            "JPN -sanctions(1)-> person:kim-jong-un -visit(1)-> RUS <-arms_supply(1)- PRK",
        ));
}

#[test]
fn top_ranks_by_degree_or_evidence() {
    let (_dir, s) = store();
    let rows = json(&s, &["top", "2"]);
    assert_eq!(rows[0]["actor"], "RUS");
    assert_eq!(rows[0]["degree"], 4);
    assert_eq!(rows.as_array().unwrap().len(), 2);
    let rows = json(
        &s,
        &["top", "1", "--by", "evidence", "--relation", "sanctions"],
    );
    assert_eq!(
        (rows[0]["actor"].as_str(), rows[0]["evidence"].as_u64()),
        (Some("RUS"), Some(3))
    );
}

#[test]
fn timeline_lists_dated_evidence_oldest_first() {
    let (_dir, s) = store();
    let rows = json(&s, &["timeline", "RUS"]);
    let dates: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "2022-03-01",
            "2023-06-01",
            "2023-09-13",
            "2024-01-10",
            "2024-09-01"
        ]
    );
    bin_with_store(&s)
        .args(["timeline", "PRK", "RUS", "--by-state"])
        .assert()
        .success()
        .stdout(contains("2023-09-13  PRK visit --> RUS  [a5#0]"))
        .stdout(contains("2024-09-01  PRK arms_supply --> RUS hedged"));
}

// See: issue 14, item 2
#[test]
fn hedged_only_rows_are_marked_and_asserted_only_drops_them() {
    let (_dir, s) = store();
    bin_with_store(&s)
        .args(["relations", "PRK"])
        .assert()
        .success()
        .stdout(contains(
            "PRK     arms_supply --> RUS            1        0       0      1        1  HEDGED",
        ));
    let rows = json(&s, &["relations", "RUS", "--asserted-only"]);
    let relations: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["relation"].as_str().unwrap())
        .collect();
    assert!(!relations.contains(&"arms_supply"), "{relations:?}");
    assert!(relations.contains(&"sanctions"), "{relations:?}");
    bin_with_store(&s)
        .args(["export", "dot", "--asserted-only", "--include-negated"])
        .assert()
        .code(2)
        .stderr(contains("cannot be used with"));
    let dot = bin_with_store(&s)
        .args(["export", "dot", "--asserted-only"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&dot.stdout).contains("arms_supply (1"));
}

// See: issue 14, item 5
#[test]
fn a_states_timeline_includes_the_persons_who_serve_it() {
    let (_dir, s) = store();
    let out = bin_with_store(&s)
        .args(["timeline", "PRK", "RUS"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("2023-09-13  person:kim-jong-un visit --> RUS"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("2024-09-01  PRK arms_supply --> RUS hedged"),
        "{text}"
    );
    let exact = bin_with_store(&s)
        .args(["timeline", "PRK", "RUS", "--exact"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(exact.stdout).unwrap().lines().count(), 1);
}
