//! The JSON API against the real server: every route, the error statuses,
//! the limits, reloading, and the start-up errors.

use std::time::{Duration, Instant};

use super::{Explorer, enc, sample_store};
use crate::common::{CLAIMS, bin_with_store, import_claims, tempdir};

#[test]
fn every_route_answers_from_the_sample_store() {
    let (_dir, store) = sample_store();
    let ex = Explorer::start(&store, &[]);

    let search = ex.ok(&format!("/api/search?q={}", enc("ロシ")));
    assert_eq!(search["hits"][0]["id"], "RUS", "{search}");
    assert_eq!(search["hits"][0]["in_store"], true);

    let actor = ex.ok(&format!("/api/actor/{}", enc("ロシア")));
    assert_eq!(actor["id"], "RUS");
    assert!(actor["relations"].as_u64() > Some(5), "{actor}");

    let ego = ex.ok("/api/ego?actor=RUS&depth=1");
    assert_eq!(ego["focus"], "RUS");
    let edges = ego["edges"].as_array().expect("edges");
    assert!(ego["nodes"].as_array().is_some_and(|n| n.len() > 5));
    for e in edges {
        let line = e["line"].as_str().unwrap_or("");
        assert!(["solid", "dashed", "dotted"].contains(&line), "{e}");
        assert!(
            e["color"].as_str().is_some_and(|c| c.starts_with('#')),
            "{e}"
        );
    }
    // Denials are dropped by default, as in every query.
    assert!(edges.iter().all(|e| e["line"] != "dotted"));

    let sanction = edges
        .iter()
        .find(|e| e["relation"] == "sanctions" && e["target"] == "RUS")
        .expect("someone sanctions Russia in the corpus");
    let edge = ex.ok(&format!(
        "/api/edge?source={}&relation=sanctions&target=RUS",
        sanction["source"].as_str().unwrap()
    ));
    let first = &edge["sentences"][0];
    assert!(
        first["text"].as_str().is_some_and(|t| !t.is_empty()),
        "{edge}"
    );
    assert!(
        first["title"].is_string() && first.get("url").is_some(),
        "{first}"
    );
    assert_eq!(edge["evidence"], sanction["evidence"]);

    let path = ex.ok("/api/path?from=Japan&to=Israel");
    assert_eq!(path["chains"][0]["actors"][0], "JPN", "{path}");

    let timeline = ex.ok("/api/timeline?actor=RUS&other=PRK");
    let dates: Vec<&str> = timeline["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["date"].as_str().expect("timeline rows are dated"))
        .collect();
    assert!(
        !dates.is_empty() && dates.windows(2).all(|w| w[0] <= w[1]),
        "{dates:?}"
    );

    let stats = ex.ok("/api/stats");
    assert_eq!(
        stats["store"], "world.dgraph",
        "only the file name, never the directory"
    );
    assert!(stats["dates"][0].as_str() <= stats["dates"][1].as_str());
    let cli = bin_with_store(&store)
        .args(["stats", "--format", "json"])
        .output()
        .expect("stats runs");
    let cli: serde_json::Value = serde_json::from_slice(&cli.stdout).expect("stats JSON");
    assert_eq!(stats["edges"], cli["edges"]);
    assert_eq!(stats["evidence"], cli["evidence"]);
}

#[test]
fn filters_narrow_the_ego_network() {
    let (_dir, store) = sample_store();
    let ex = Explorer::start(&store, &[]);
    let count = |q: &str| {
        ex.ok(&format!("/api/ego?actor=RUS&{q}"))["edges"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let all = count("depth=1");
    assert!(count("depth=1&relation=sanctions") < all);
    assert!(count("depth=1&asserted_only=1") <= all);
    assert!(count("depth=1&min_evidence=2") < all);
    assert!(count("depth=2") > all);
    assert!(count("depth=1&since=2025-06-01") < all);
    let negated = ex.ok("/api/ego?actor=RUS&include_negated=1");
    let by_state = ex.ok(&format!("/api/ego?actor={}&by_state=1", enc("プーチン")));
    assert_eq!(by_state["focus"], "RUS", "a person rolls up to the state");
    assert!(negated["edges"].as_array().map_or(0, Vec::len) >= all);
}

#[test]
fn other_methods_get_405_with_allow() {
    let (_dir, store) = sample_store();
    let ex = Explorer::start(&store, &[]);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let (status, head, body) = ex.request(method, "/api/stats");
        assert_eq!(status, 405, "{method}: {body}");
        assert!(head.contains("Allow: GET, HEAD"), "{head}");
        let json: serde_json::Value = serde_json::from_str(&body).expect("JSON error");
        assert_eq!(json["status"], 405);
    }
    assert_eq!(ex.request("HEAD", "/api/stats").0, 200);
}

#[test]
fn unknown_actors_are_404_json() {
    let (_dir, store) = sample_store();
    let ex = Explorer::start(&store, &[]);
    for target in [
        "/api/actor/Atlantis".to_owned(),
        format!("/api/actor/{}", enc("ロシャ")),
        "/api/actor/TUV".to_owned(), // a real state the store holds nothing about
        "/api/ego?actor=TUV".to_owned(),
        "/api/edge?source=RUS&relation=alliance&target=JPN".to_owned(),
        "/api/path?from=RUS&to=Atlantis".to_owned(),
        "/api/nothing".to_owned(),
    ] {
        let (status, json) = ex.json(&target);
        assert_eq!(status, 404, "{target}: {json}");
        assert_eq!(json["status"], 404);
        assert!(json["error"].as_str().is_some_and(|e| !e.is_empty()));
    }
    let (_, misspelt) = ex.json(&format!("/api/actor/{}", enc("ロシャ")));
    assert!(
        misspelt["error"].as_str().unwrap().contains("RUS"),
        "{misspelt}"
    );
}

#[test]
fn bad_parameters_are_400_json_naming_the_parameter() {
    let (_dir, store) = sample_store();
    let ex = Explorer::start(&store, &[]);
    for (target, word) in [
        ("/api/ego", "actor"),
        ("/api/ego?actor=RUS&depth=9", "depth"),
        ("/api/ego?actor=RUS&depth=x", "depth"),
        ("/api/ego?actor=RUS&since=2025-13-40", "since"),
        (
            "/api/ego?actor=RUS&since=2025-06-01&until=2025-01-01",
            "swap",
        ),
        ("/api/ego?actor=RUS&relation=hugs", "hugs"),
        ("/api/ego?actor=RUS&asserted_only=maybe", "asserted_only"),
        ("/api/ego?actor=RUS&colour=red", "colour"),
        ("/api/ego?actor=RUS&actor=PRK", "twice"),
        ("/api/edge?source=RUS&target=PRK", "relation"),
        ("/api/search?q=%E3%83", "UTF-8"),
        ("/api/search?q=%ZZ", "escape"),
        ("/api/stats?x=1", "x"),
        ("/api/path?from=RUS&to=PRK&max_len=99", "max_len"),
    ] {
        let (status, json) = ex.json(target);
        assert_eq!(status, 400, "{target}: {json}");
        let error = json["error"].as_str().unwrap_or("");
        assert!(error.contains(word), "{target}: {error}");
    }
    let long = format!("/api/search?q={}", "a".repeat(300));
    assert_eq!(ex.json(&long).0, 400);
    let huge = format!("/api/search?q={}", "a".repeat(5000));
    assert_eq!(ex.json(&huge).0, 414);
}

#[test]
fn only_the_embedded_page_is_served() {
    let (_dir, store) = sample_store();
    let ex = Explorer::start(&store, &[]);
    let (status, head, page) = ex.request("GET", "/");
    assert_eq!(status, 200);
    assert!(
        head.contains("Content-Security-Policy: default-src 'self'"),
        "{head}"
    );
    assert!(page.contains(r#"<script src="/vendor/cytoscape.min.js"></script>"#));
    // Nothing from a CDN: every script, style and image is the server's own.
    assert!(
        !page.contains("src=\"http") && !page.contains("href=\"http"),
        "{page}"
    );
    for asset in [
        "/app.js",
        "/style.css",
        "/vendor/cytoscape.min.js",
        "/vendor/cytoscape-LICENSE.txt",
    ] {
        assert_eq!(ex.request("GET", asset).0, 200, "{asset}");
    }
    for escape in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/vendor/../../Cargo.toml",
        "/src/serve/mod.rs",
        "/world.dgraph",
        "//etc/passwd",
        "/api/actor/..%2F..%2FCargo.toml",
    ] {
        let (status, _, body) = ex.request("GET", escape);
        assert!(status == 404 || status == 400, "{escape}: {status} {body}");
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{escape}"
        );
    }
}

#[test]
fn the_store_is_reloaded_when_its_file_changes() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    import_claims(&store, CLAIMS);
    let ex = Explorer::start(&store, &[]);
    assert_eq!(ex.ok("/api/stats")["evidence"], 3);
    let more = CLAIMS
        .replace("\"t1\"", "\"t9\"")
        .replace("\"t2\"", "\"t8\"");
    import_claims(&store, more);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let evidence = ex.ok("/api/stats")["evidence"].clone();
        if evidence == 6 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still {evidence} evidence after the import"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // A store that disappears is an error, not the old graph.
    std::fs::remove_file(&store).expect("the store is removed");
    let (status, json) = ex.json("/api/stats");
    assert_eq!(status, 503, "{json}");
    assert!(
        json["error"].as_str().unwrap().contains("s.dgraph"),
        "{json}"
    );
}

/// Runs `serve` expecting it to stop at once; returns (exit code, stderr).
fn serve_fails(store: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let out = bin_with_store(store)
        .arg("serve")
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn start_up_errors_are_one_line_with_exit_2() {
    let dir = tempdir();
    let missing = dir.path().join("none.dgraph");
    let (code, err) = serve_fails(&missing, &["--port", "0"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("none.dgraph") && err.contains("ingest"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");

    let corrupt = dir.path().join("bad.dgraph");
    std::fs::write(&corrupt, b"not a store at all").expect("written");
    let (code, err) = serve_fails(&corrupt, &["--port", "0"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("bad.dgraph"), "{err}");

    let store = dir.path().join("s.dgraph");
    import_claims(&store, CLAIMS);
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = taken.local_addr().expect("an address").port().to_string();
    let (code, err) = serve_fails(&store, &["--port", &port]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(&port) && err.contains("--port"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");

    let (code, err) = serve_fails(&store, &["--port", "70000"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--port"), "{err}");
    let (code, err) = serve_fails(&store, &["--bind", "localhost-ish"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--bind"), "{err}");
}

#[test]
fn binding_beyond_loopback_warns() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    import_claims(&store, CLAIMS);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .env_remove("DIPLOGRAPH_STORE")
        .arg("--store")
        .arg(&store)
        .args(["serve", "--port", "0", "--bind", "0.0.0.0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stderr.take().expect("stderr")),
        &mut line,
    )
    .expect("a warning line");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.contains("warning") && line.contains("0.0.0.0"),
        "{line}"
    );
}

#[test]
fn korean_and_chinese_names_are_searched_and_resolved() {
    let (dir, store) = sample_store();
    // The built-in Korean and Chinese names, and one a user's file adds
    // (North Korea's spelling of Russia).
    let names = dir.path().join("names.toml");
    std::fs::write(
        &names,
        "[[actor]]\nid = \"RUS\"\nkind = \"country\"\naliases_ko = [\"로씨야\"]\n",
    )
    .expect("written");
    let ex = Explorer::start(
        &store,
        &["--gazetteer", names.to_str().expect("UTF-8 path")],
    );
    for name in ["러시", "러시아", "俄罗斯", "俄羅斯", "로씨야", "ロシア"] {
        let search = ex.ok(&format!("/api/search?q={}", enc(name)));
        assert_eq!(search["hits"][0]["id"], "RUS", "{name}: {search}");
    }
    assert_eq!(
        ex.ok(&format!("/api/ego?actor={}", enc("러시아")))["focus"],
        "RUS"
    );
    let aliases = ex.ok("/api/actor/RUS")["aliases"].to_string();
    assert!(
        aliases.contains("로씨야") && aliases.contains("俄罗斯"),
        "{aliases}"
    );
}

#[test]
fn an_ego_network_over_the_edge_bound_is_413() {
    let dir = tempdir();
    let store = dir.path().join("hub.dgraph");
    // One hub supporting 20,001 groups: one edge more than the page may get.
    let claims: String = (0..20_001)
        .map(|i| {
            format!(
                r#"{{"source":{{"id":"HUB","kind":"group","country":null}},"relation":"support","target":{{"id":"T{i:05}","kind":"group","country":null}},"negated":false,"hedged":false,"attributed_to":[],"article":"a","date":null,"sentence":0,"span":[0,1],"text":"x"}}"#
            ) + "\n"
        })
        .collect();
    import_claims(&store, claims);
    let ex = Explorer::start(&store, &[]);
    let (status, json) = ex.json("/api/ego?actor=HUB");
    assert_eq!(status, 413, "{json}");
    assert!(
        json["error"].as_str().unwrap().contains("min_evidence"),
        "{json}"
    );
    // Narrowed, it is answered (here: the hub alone, as nothing is left).
    let narrowed = ex.ok("/api/ego?actor=HUB&relation=visit");
    assert_eq!(narrowed["edges"], serde_json::json!([]), "{narrowed}");
    assert_eq!(
        ex.ok("/api/edge?source=HUB&relation=support&target=T00007")["evidence"],
        1
    );
}

#[test]
fn a_damaged_block_is_a_503_on_every_request_that_reads_it() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    import_claims(&store, crate::common::CLAIMS);
    let mut bytes = std::fs::read(&store).unwrap();
    // The header (25 bytes), the first block's section header (13), then its
    // payload, which holds every record of this small store.
    bytes[25 + 13 + 4] ^= 0x40;
    std::fs::write(&store, &bytes).unwrap();
    // The graph section is intact: the explorer starts and answers from it.
    let ex = Explorer::start(&store, &[]);
    assert_eq!(ex.ok("/api/stats")["evidence"], 3);
    for _ in 0..2 {
        let (status, json) = ex.json("/api/edge?source=PRK&relation=arms_supply&target=RUS");
        assert_eq!(status, 503, "{json}");
        assert!(
            json["error"].as_str().unwrap().contains("checksum"),
            "{json}"
        );
    }
}
