//! Help text and error conventions of the command line.

use predicates::str::contains;

use crate::common::bin;

#[test]
fn long_help_teaches_with_examples() {
    let out = bin()
        .env_remove("DIPLOGRAPH_STORE")
        .env("COLUMNS", "100")
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for sub in [
        "import",
        "merge",
        "stats",
        "relations",
        "who",
        "path",
        "top",
        "timeline",
        "export",
    ] {
        assert!(help.contains(sub), "{sub} missing from help");
    }
    insta::assert_snapshot!(help);
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    let dir = crate::common::tempdir();
    let store = dir.path().join("s.dgraph");
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/sample-claims.jsonl");
    crate::common::bin_with_store(&store)
        .arg("import")
        .arg(samples)
        .assert()
        .success();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .env_remove("DIPLOGRAPH_STORE")
        .arg("--store")
        .arg(&store)
        .args(["export", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn a_bad_actor_argument_is_one_line_with_exit_code_2() {
    let dir = crate::common::tempdir();
    bin()
        .arg("--store")
        .arg(dir.path().join("x.dgraph"))
        // Aliases resolve since the gazetteer landed, so a misspelling is the error case.
        .args(["relations", "Rusia"])
        .assert()
        .code(2)
        .stderr(contains(
            "diplograph: actor argument: unknown actor `Rusia`; did you mean RUS (Russia)?",
        ));
}

#[test]
fn ontology_prints_every_relation_on_one_line() {
    let out = bin().arg("ontology").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 28, "{text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("arms_supply "))
        .unwrap();
    for part in ["supplier -> recipient", "event", "072", "AID", "Weapons"] {
        assert!(line.contains(part), "{line}");
    }
    let json: serde_json::Value = serde_json::from_slice(
        &bin()
            .args(["ontology", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 27);
    assert_eq!(json[0]["relation"], "alliance");
}

#[test]
fn help_names_no_file_outside_the_repository() {
    let out = bin().args(["help", "who"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(!help.contains("ONTOLOGY.md"), "{help}");
    assert!(help.contains("diplograph ontology"), "{help}");
}

#[test]
fn completions_and_man_page_come_from_clap() {
    for shell in ["bash", "zsh", "fish"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("diplograph") && script.contains("timeline"),
            "{shell}"
        );
    }
    let out = bin().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH diplograph"),
        "{page}"
    );
    assert!(page.contains("ingest") && page.contains("timeline"));
    bin()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'tcsh'"));
}
