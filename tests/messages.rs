//! Messages a new user meets: usage lines, suggestions, dates, missing stores,
//! empty answers, refused flags, a `--lang` the text contradicts, summaries.
// See: issue 14, item 8

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use crate::common::{CLAIMS, bin, bin_with_store, import_claims, tempdir};

#[test]
fn usage_does_not_show_the_store_as_required_and_merge_takes_to() {
    let dir = tempdir();
    bin()
        .env_remove("DIPLOGRAPH_STORE")
        .args(["merge", "a.dgraph"])
        .assert()
        .code(2)
        .stderr(
            contains("Usage: diplograph merge --output <OUT> <STORE>...")
                .and(contains("--store <").not()),
        );
    let (a, out) = (dir.path().join("a.dgraph"), dir.path().join("out.dgraph"));
    import_claims(&a, CLAIMS);
    bin()
        .env_remove("DIPLOGRAPH_STORE")
        .arg("merge")
        .arg(&a)
        .arg("--to")
        .arg(&out)
        .assert()
        .success()
        .stderr(contains(
            "1 stores merged; 3 new actors, 3 new relations, 3 new evidence; it now holds 3 actors, 3 relations, 3 evidence from 2 articles",
        ));
}

#[test]
fn a_bad_date_is_explained_once() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    import_claims(&store, CLAIMS);
    let out = bin_with_store(&store)
        .args(["relations", "RUS", "--since", "2025-13-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "diplograph: --since `2025-13-01`: not a date; write it as YYYY-MM-DD (2025-03-01)\n"
    );
}

#[test]
fn a_missing_store_suggests_ingest_first() {
    let dir = tempdir();
    bin_with_store(&dir.path().join("none.dgraph"))
        .arg("stats")
        .assert()
        .code(2)
        .stderr(
            contains("no store here; build one from articles with `diplograph --store")
                .and(contains("ingest ARTICLES...")),
        );
}

#[test]
fn real_actors_with_nothing_stored_get_an_empty_answer_and_typos_an_error() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    import_claims(&store, CLAIMS);
    for args in [
        vec!["relations", "China", "Taiwan"],
        vec!["relations", "Tuvalu"],
    ] {
        bin_with_store(&store)
            .args(&args)
            .assert()
            .success()
            .stdout("no relations stored\n");
    }
    bin_with_store(&store)
        .args(["relations", "Tuvalu"])
        .assert()
        .stderr("diplograph: TUV is in no stored relation\n");
    bin_with_store(&store)
        .args(["relations", "Tuvaluu"])
        .assert()
        .code(2)
        .stderr(contains("unknown actor `Tuvaluu`"));
}

#[test]
fn who_refuses_a_relation_filter() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    import_claims(&store, CLAIMS);
    bin_with_store(&store)
        .args(["who", "sanctions", "--relation", "visit"])
        .assert()
        .code(2)
        .stderr(contains("--relation: `who` asks about one relation"));
}

#[test]
fn a_lang_the_script_contradicts_is_warned_about() {
    let dir = tempdir();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "Russia imposed sanctions on Japan.\n").unwrap();
    bin()
        .args(["extract", "--lang", "ja"])
        .arg(&file)
        .assert()
        .stderr(contains(
            "--lang ja but the text is written in Latin script",
        ));
    bin()
        .args(["extract", "--lang", "en"])
        .arg(&file)
        .assert()
        .stderr(contains("--lang").not());
}

#[test]
fn ingest_and_stats_say_what_their_sentences_count() {
    let dir = tempdir();
    let store = dir.path().join("s.dgraph");
    let file = dir.path().join("a.txt");
    std::fs::write(
        &file,
        "Russia imposed sanctions on Japan. The weather was fine.\n",
    )
    .unwrap();
    bin_with_store(&store)
        .arg("ingest")
        .arg(&file)
        .assert()
        .success()
        .stderr(contains("1 articles, 2 sentences read"));
    bin_with_store(&store)
        .arg("stats")
        .assert()
        .stdout(contains("sentences  1 (stored as evidence)"));
}

// See: issue 14, item 7
#[test]
fn arguments_resolve_as_an_analyst_types_them() {
    for (arg, id) in [
        ("the US", "USA"),
        ("S. Korea", "KOR"),
        ("President Xi", "person:xi-jinping"),
        ("Persia", "IRN"),
        ("露", "RUS"),
    ] {
        bin()
            .args(["show", arg, "--format", "json"])
            .assert()
            .success()
            .stdout(contains(format!("\"id\": \"{id}\"")));
    }
    bin()
        .args(["show", "person:putin"])
        .assert()
        .code(2)
        .stderr(contains(
            "did you mean person:putin-vladimir (Vladimir Putin)?",
        ));
    bin()
        .args(["show", "ロシャ"])
        .assert()
        .code(2)
        .stderr(contains("did you mean RUS (Russia)"));
}
