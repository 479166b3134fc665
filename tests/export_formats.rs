//! `export dot|json|graphml|csv` with focus and filters: snapshots of each
//! format, Graphviz accepts every DOT, GraphML parses as XML (and networkx
//! reads it back when present), `--svg`, and the large-graph advice.

use std::fs;
use std::path::Path;
use std::process::Command;

use predicates::str::contains;

use crate::common::{bin_with_store, dot_to_svg, import_claims, tempdir};
use crate::queries::store;

fn export(store: &Path, args: &[&str]) -> String {
    let out = bin_with_store(store)
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn has_program(name: &str) -> bool {
    Command::new(name).arg("-V").output().is_ok()
}

#[test]
fn dot_json_graphml_and_csv_snapshots() {
    let (dir, s) = store();
    insta::assert_snapshot!("dot", export(&s, &["dot", "--include-negated"]));
    insta::assert_snapshot!(
        "dot_focus_by_state",
        export(&s, &["dot", "--focus", "North Korea", "--by-state"])
    );
    insta::assert_snapshot!("json", export(&s, &["json"]));
    insta::assert_snapshot!("graphml", export(&s, &["graphml", "--include-negated"]));
    let out = dir.path().join("csv");
    bin_with_store(&s)
        .args(["export", "csv", "--include-negated", "-o"])
        .arg(&out)
        .assert()
        .success();
    insta::assert_snapshot!(
        "csv_nodes",
        fs::read_to_string(out.join("nodes.csv")).unwrap()
    );
    insta::assert_snapshot!(
        "csv_edges",
        fs::read_to_string(out.join("edges.csv")).unwrap()
    );
}

#[test]
fn focus_depth_and_filters_select_the_exported_part() {
    let (_dir, s) = store();
    let doc: serde_json::Value =
        serde_json::from_str(&export(&s, &["json", "--focus", "JPN", "--depth", "1"])).unwrap();
    let ids: Vec<&str> = doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["JPN", "USA", "person:kim-jong-un"]);
    let doc: serde_json::Value = serde_json::from_str(&export(
        &s,
        &["json", "--relation", "sanctions", "--min-evidence", "2"],
    ))
    .unwrap();
    assert_eq!(doc["edges"].as_array().unwrap().len(), 1);
    assert_eq!(doc["edges"][0]["source"], "EU");
    bin_with_store(&s)
        .args(["export", "json", "--focus", "FRA"])
        .assert()
        .code(2)
        .stderr(contains("actor `FRA` is not in the store"));
    // jsonl stays the whole store, denials included (the migration format).
    assert_eq!(export(&s, &["jsonl"]).lines().count(), 8);
}

#[test]
fn csv_needs_a_directory() {
    let (_dir, s) = store();
    bin_with_store(&s)
        .args(["export", "csv"])
        .assert()
        .code(2)
        .stderr(contains("give a directory with -o DIR"));
}

#[test]
fn graphml_parses_as_xml_and_networkx_reads_it_back() {
    let (dir, s) = store();
    let xml = export(&s, &["graphml", "--include-negated"]);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut nodes, mut edges, mut keys) = (0, 0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().0 {
                    "node" => nodes += 1,
                    "edge" => edges += 1,
                    "key" => keys += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    assert_eq!((nodes, edges, keys), (7, 7, 17));

    if !has_networkx("graphml_parses_as_xml_and_networkx_reads_it_back") {
        return;
    }
    let file = dir.path().join("g.graphml");
    fs::write(&file, &xml).unwrap();
    let script = r#"
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
assert g.is_directed()
kim = g.nodes["person:kim-jong-un"]
assert kim["kind"] == "person" and kim["country"] == "PRK", kim
assert kim["name"] == 'Kim "Rocket" <Jong> Un \\ 金正恩', kim["name"]
assert kim["name_ja"] == "金正恩" and kim["label"] == kim["name"], kim
e = g.edges["EU", "RUS"]
assert e["relation"] == "sanctions" and e["evidence"] == 2 and e["symmetric"] is False, e
assert e["weight"] == 2.0 and e["label"] == "sanctions (2)", e
assert e["first_date"] == "2023-06-01" and e["last_date"] == "2024-01-10", e
assert g.edges["JPN", "USA"]["symmetric"] is True
assert g.edges["CHN", "RUS"]["negated"] == 1
print("ok", g.number_of_nodes(), g.number_of_edges())
"#;
    assert_eq!(run_python(script, &file), "ok 7 7");
}

/// Whether python3 with networkx is here; skips (with a message) when not,
/// except under CI=true, where the reader tests must run (`.ci/run` installs it).
fn has_networkx(test: &str) -> bool {
    let found = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{test}: CI=true but python3 with networkx is missing; `python3 -m pip install networkx`"
        );
        eprintln!(
            "SKIPPED {test}: python3 with networkx is not installed (python3 -m pip install networkx)"
        );
    }
    found
}

/// Runs a Python script on a file; returns its stdout, failing on an error.
fn run_python(script: &str, file: &Path) -> String {
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "networkx: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

// See: issue 14, item 1
#[test]
fn gexf_has_dynamic_edges_and_networkx_reads_it() {
    let (dir, s) = store();
    let xml = export(&s, &["gexf", "--include-negated", "--evidence"]);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut spells = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Empty(e) if e.name().0 == "spell" => spells += 1,
            _ => {}
        }
    }
    assert_eq!(spells, 7, "one spell per distinct dated record");
    if !has_networkx("gexf_has_dynamic_edges_and_networkx_reads_it") {
        return;
    }
    let file = dir.path().join("g.gexf");
    fs::write(&file, &xml).unwrap();
    let script = r#"
import sys, json, networkx as nx
g = nx.read_gexf(sys.argv[1])
assert g.is_directed()
assert g.nodes["RUS"]["label"] == "Russia", g.nodes["RUS"]
kim = g.nodes["person:kim-jong-un"]
assert kim["kind"] == "person" and kim["name_ja"] == "金正恩", kim
e = g.edges["EU", "RUS"]
assert e["relation"] == "sanctions" and e["weight"] == 2.0 and e["articles"] == 2, e
assert sorted(s[0] for s in e["spells"]) == ["2023-06-01", "2024-01-10"], e["spells"]
records = json.loads(e["records"])
assert [r["article"] for r in records] == ["a2", "a3"], records
assert records[0]["text"].startswith("The EU adopted"), records
assert "spells" not in g.edges["JPN", "person:kim-jong-un"], "an undated edge is always shown"
print("ok", g.number_of_nodes(), g.number_of_edges())
"#;
    assert_eq!(run_python(script, &file), "ok 7 7");
}

#[test]
fn json_and_csv_edges_carry_dates_weight_label_and_evidence() {
    let (dir, s) = store();
    let doc: serde_json::Value =
        serde_json::from_str(&export(&s, &["json", "--evidence"])).unwrap();
    let eu = doc["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "EU")
        .unwrap();
    assert_eq!(eu["first_date"], "2023-06-01");
    assert_eq!(eu["last_date"], "2024-01-10");
    assert_eq!(eu["weight"], 2);
    assert_eq!(eu["label"], "sanctions (2)");
    assert_eq!(
        eu["records"][1]["text"],
        "EU sanctions on Russia were extended."
    );
    let jpn = doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "RUS")
        .unwrap();
    assert_eq!(jpn["name_ja"], "ロシア");
    let out = dir.path().join("neo");
    bin_with_store(&s)
        .args(["export", "csv", "--evidence", "-o"])
        .arg(&out)
        .assert()
        .success();
    let evidence = fs::read_to_string(out.join("evidence.csv")).unwrap();
    assert!(
        evidence.contains(
            "EU,RUS,sanctions,a3,,,2024-01-10,1,false,false,,EU sanctions on Russia were extended."
        ),
        "{evidence}"
    );
    bin_with_store(&s)
        .args(["export", "dot", "--evidence"])
        .assert()
        .code(2)
        .stderr(contains("--evidence: only json, graphml, gexf and csv"));
}

/// A DOT with ids and labels that need escaping, built with our helpers.
fn hostile_dot() -> String {
    use diplograph::export::dot::dot_id;
    let odd = [
        r#"say "no""#,
        r"back\slash\",
        "<b>angle</b> & <html>",
        "北朝鮮\nロシア",
        "person:kim-jong-un",
        "a -> b; }",
    ];
    let mut s = String::from("digraph {\n");
    for (i, o) in odd.iter().enumerate() {
        let labelled = format!("{o} ({i})");
        s.push_str(&format!(
            "  {} [label={}];\n  {} -> {} [label={}];\n",
            dot_id(o),
            dot_id(&labelled),
            dot_id(o),
            dot_id(odd[(i + 1) % odd.len()]),
            dot_id(o)
        ));
    }
    s.push_str("}\n");
    s
}

#[test]
fn graphviz_accepts_every_dot_we_write() {
    if !has_program("dot") {
        eprintln!(
            "SKIPPED graphviz_accepts_every_dot_we_write: Graphviz `dot` is not installed (apt-get install graphviz)"
        );
        return;
    }
    let (dir, s) = store();
    let mut dots = vec![("hostile".to_owned(), hostile_dot())];
    for args in [
        vec!["dot"],
        vec!["dot", "--include-negated"],
        vec!["dot", "--focus", "RUS", "--depth", "2"],
        vec!["dot", "--by-state", "--relation", "sanctions,visit"],
        vec!["dot", "--layout", "sfdp"],
        vec!["dot", "--since", "2030-01-01"],
    ] {
        dots.push((args.join(" "), export(&s, &args)));
    }
    for (what, dot) in dots {
        let file = dir.path().join("g.dot");
        fs::write(&file, &dot).unwrap();
        let svg = dot_to_svg(&file, &format!("`{what}`\n{dot}\n"));
        assert!(svg.contains("<svg"), "{what}");
        if what == "dot --include-negated" {
            assert!(svg.contains("金正恩"), "Japanese survives: {svg}");
            assert!(
                svg.contains("&lt;Jong&gt;"),
                "angle brackets are text: {svg}"
            );
        }
    }
}

#[test]
fn svg_is_rendered_or_the_missing_program_is_named() {
    let (dir, s) = store();
    let svg = dir.path().join("g.svg");
    if has_program("dot") {
        bin_with_store(&s)
            .args(["export", "dot", "--svg"])
            .arg(&svg)
            .assert()
            .success()
            .stdout("");
        assert!(fs::read_to_string(&svg).unwrap().contains("<svg"));
    } else {
        eprintln!("SKIPPED the rendering half: Graphviz `dot` is not installed");
    }
    let empty = tempdir();
    bin_with_store(&s)
        .env("PATH", empty.path())
        .args(["export", "dot", "--svg"])
        .arg(dir.path().join("none.svg"))
        .assert()
        .code(2)
        .stderr(contains("Graphviz `dot` is not installed"))
        .stderr(contains("`graphviz`"));
    bin_with_store(&s)
        .args(["export", "json", "--svg"])
        .arg(&svg)
        .assert()
        .code(2)
        .stderr(contains("only `export dot` can be rendered"));
}

#[test]
fn a_large_graph_is_drawn_with_sfdp_and_the_user_is_told_how_to_narrow_it() {
    let dir = tempdir();
    let store = dir.path().join("big.dgraph");
    let mut jsonl = String::new();
    let id = |i: usize| format!("X{i}");
    for i in 0..40 {
        for j in 0..40 {
            if i != j && (i * 7 + j) % 5 == 0 {
                jsonl.push_str(&format!(
                    r#"{{"source":{{"id":"{}","kind":"country","country":null}},"relation":"trade","target":{{"id":"{}","kind":"country","country":null}},"negated":false,"hedged":false,"attributed_to":[],"article":"b{i}","date":null,"sentence":{j},"span":[0,5],"text":"Trade."}}"#,
                    id(i),
                    id(j)
                ));
                jsonl.push('\n');
            }
        }
    }
    import_claims(&store, jsonl);
    let out = bin_with_store(&store)
        .args(["export", "dot"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("layout=sfdp"), "{stderr}");
    for hint in ["--focus", "--relation", "--min-evidence", "top"] {
        assert!(stderr.contains(hint), "{hint}: {stderr}");
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("layout=sfdp"));
}
