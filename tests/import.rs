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
        .stderr(contains("c.jsonl:2: not a claim"))
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
    // Known actors come back as the gazetteer has them (display names included).
    let gazetteer = diplograph::gazetteer::Gazetteer::builtin();
    let mut want: Vec<String> = CLAIMS
        .lines()
        .map(|l| {
            let c = diplograph::export::jsonl::claim_from_line_checked(l, &gazetteer).unwrap();
            diplograph::export::jsonl::claim_to_line(&c)
        })
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

/// `stats --format json` of a store, parsed.
fn stats(store: &std::path::Path) -> serde_json::Value {
    let out = bin_with_store(store)
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The lines of CLAIMS, as bytes.
fn claim_lines() -> Vec<Vec<u8>> {
    CLAIMS.lines().map(|l| l.as_bytes().to_vec()).collect()
}

// See: issue 8
#[test]
fn a_line_that_is_not_utf8_is_skipped_and_the_others_are_kept() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let input = dir.path().join("c.jsonl");
    let mut lines = claim_lines();
    lines.insert(1, b"{\"source\": \"\xff\xfe\"}".to_vec());
    fs::write(&input, lines.join(&b'\n')).unwrap();
    let out = bin_with_store(&store)
        .arg("import")
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "c.jsonl:2: not UTF-8 (byte 13 of the line); convert the file to UTF-8; skipped"
        ),
        "{stderr}"
    );
    let stats = stats(&store);
    assert_eq!(stats["evidence"], 3, "{stats}");
    assert_eq!(stats["articles"], 2, "{stats}");
}

// See: issue 8
#[test]
fn stdin_is_read_line_by_line_too() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let mut lines = claim_lines();
    lines.insert(2, vec![b'{', 0xc3, b'}']);
    bin_with_store(&store)
        .args(["import", "-"])
        .write_stdin(lines.join(&b'\n'))
        .assert()
        .code(1)
        .stderr(contains("stdin:3: not UTF-8"));
    assert_eq!(stats(&store)["evidence"], 3);
}

// See: issue 8
#[test]
fn crlf_a_bom_blank_lines_and_no_final_newline_are_read() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let input = dir.path().join("c.jsonl");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(CLAIMS.trim_end().replace('\n', "\r\n\r\n  \r\n").as_bytes());
    assert!(!bytes.ends_with(b"\n"));
    fs::write(&input, bytes).unwrap();
    bin_with_store(&store)
        .arg("import")
        .arg(&input)
        .assert()
        .success()
        .stderr(contains("3 claims read"));
    assert_eq!(stats(&store)["evidence"], 3);
}

/// A claim whose source is `{"id":"USA","kind":"organization","name":"Evil"}`.
const EVIL_USA: &str = r#"{"source":{"id":"USA","kind":"organization","country":null,"name":"Evil"},"relation":"sanctions","target":{"id":"RUS","kind":"country","country":"RUS"},"negated":false,"hedged":false,"attributed_to":[],"article":"e1","date":null,"sentence":0,"span":[0,4],"text":"Evil."}"#;

// See: issue 8
#[test]
fn a_claim_cannot_turn_a_known_country_into_an_organization() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let input = dir.path().join("c.jsonl");
    let usa_as_country = EVIL_USA
        .replace(
            r#""kind":"organization","country":null,"name":"Evil""#,
            r#""kind":"country","country":"USA""#,
        )
        .replace("e1", "e2");
    let renamed = EVIL_USA.replace(
        r#""kind":"organization","country":null"#,
        r#""kind":"country","country":"USA""#,
    );
    fs::write(&input, [EVIL_USA, &usa_as_country, &renamed].join("\n")).unwrap();
    bin_with_store(&store)
        .arg("import")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(contains(
            "c.jsonl:1: source `USA` is a country in the gazetteer, not an organization",
        ))
        .stderr(contains(
            "c.jsonl:3: source `USA` is not called `Evil` in the gazetteer",
        ))
        .stderr(contains("2 bad lines skipped"));
    let stats = stats(&store);
    assert_eq!(stats["actors_by_kind"]["organization"], 0, "{stats}");
    assert_eq!(stats["actors_by_kind"]["country"], 2, "{stats}");
    assert_eq!(stats["evidence"], 1, "{stats}");
    let out = bin_with_store(&store)
        .args(["export", "jsonl"])
        .output()
        .unwrap();
    let exported = String::from_utf8(out.stdout).unwrap();
    assert!(
        exported
            .contains(r#"{"id":"USA","kind":"country","country":"USA","name":"United States"}"#),
        "{exported}"
    );
    assert!(!exported.contains("Evil\""), "{exported}");
}

// See: issue 8
#[test]
fn missing_files_and_directories_are_one_line_each_and_the_rest_is_imported() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let input = dir.path().join("c.jsonl");
    fs::write(&input, CLAIMS).unwrap();
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    fs::write(empty.join("notes.txt"), "not claims").unwrap();
    let out = bin_with_store(&store)
        .arg("import")
        .arg(dir.path().join("missing.jsonl"))
        .arg(&empty)
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].ends_with(
            "missing.jsonl: cannot open: No such file or directory (os error 2); skipped"
        ),
        "{stderr}"
    );
    assert!(
        lines[1].ends_with(
            ": is a directory with no .parquet or .jsonl files in it; give claim files or a folder of them; skipped"
        ),
        "{stderr}"
    );
    assert!(
        lines[2].contains("3 claims read") && lines[2].contains("2 files skipped"),
        "{stderr}"
    );
    assert_eq!(stats(&store)["evidence"], 3);
}

// See: issue 8
#[test]
fn an_unreadable_file_is_one_line_and_the_rest_is_imported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let locked = dir.path().join("locked.jsonl");
    let input = dir.path().join("c.jsonl");
    fs::write(&locked, CLAIMS).unwrap();
    fs::write(&input, CLAIMS).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&locked).is_ok() {
        eprintln!("skipped: running as root, a 000 file is readable");
        return;
    }
    bin_with_store(&store)
        .arg("import")
        .arg(&locked)
        .arg(&input)
        .assert()
        .code(1)
        .stderr(contains(
            "locked.jsonl: cannot open: Permission denied (os error 13); skipped",
        ));
    assert_eq!(stats(&store)["evidence"], 3);
}

// See: issue 14
#[test]
fn hand_written_minimal_claims_import_with_defaults() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    bin_with_store(&store)
        .args(["import", "-"])
        .write_stdin(concat!(
            r#"{"source": "RUS", "relation": "sanctions", "target": "USA", "article": "a1", "text": "Russia sanctioned US firms."}"#,
            "\n",
            r#"{"source": "Russia", "relation": "sanctions", "target": "USA", "article": "a2", "text": "x"}"#,
            "\n"
        ))
        .assert()
        .code(1)
        .stderr(contains("stdin:2: not a claim: `Russia` is not an actor id"));
    let out = bin_with_store(&store)
        .args(["export", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        concat!(
            r#"{"source":{"id":"RUS","kind":"country","country":"RUS","name":"Russia"},"relation":"sanctions","target":{"id":"USA","kind":"country","country":"USA","name":"United States"},"negated":false,"hedged":false,"attributed_to":[],"article":"a1","date":null,"sentence":0,"span":[0,27],"text":"Russia sanctioned US firms."}"#,
            "\n"
        )
    );
}
