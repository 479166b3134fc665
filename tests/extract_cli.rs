//! `extract`, `ingest`, `actors` and `show` through the real binary.

use crate::common::bin;

/// A small article of our own, English and Japanese lines.
const ARTICLE: &str = "Canada and Japan sign a defence pact\nDate: 2025-05-02\n\n\
Canada imposed new sanctions on Iran on Friday.\n\
カナダの首相は日本を訪問した。\n";

fn write_article(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, ARTICLE).unwrap();
    path
}

#[test]
fn extract_prints_the_jsonl_contract() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_article(dir.path(), "a.txt");
    let out = bin()
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let sanctions = lines
        .iter()
        .find(|c| c["relation"] == "sanctions")
        .expect("a sanctions claim");
    for field in [
        "source",
        "relation",
        "target",
        "negated",
        "hedged",
        "attributed_to",
        "article",
        "date",
        "sentence",
        "span",
        "text",
    ] {
        assert!(
            sanctions.get(field).is_some(),
            "missing {field}: {sanctions}"
        );
    }
    assert_eq!(sanctions["source"]["id"], "CAN");
    assert_eq!(sanctions["target"]["id"], "IRN");
    assert_eq!(sanctions["target"]["kind"], "country");
    assert_eq!(sanctions["date"], "2025-05-02");
    let span = sanctions["span"].as_array().unwrap();
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&ARTICLE[s..e], sanctions["text"].as_str().unwrap());
    assert!(
        lines
            .iter()
            .any(|c| c["relation"] == "visit" && c["target"]["id"] == "JPN")
    );
}

#[test]
fn ingest_twice_changes_nothing_and_bad_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write_article(dir.path(), "a.txt");
    std::fs::write(dir.path().join("bad.txt"), [0xff, 0xfe, 0x00]).unwrap();
    let store = dir.path().join("s.dgraph");
    let first = bin()
        .arg("--store")
        .arg(&store)
        .arg("ingest")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(1), "a bad file makes exit code 1");
    let err = String::from_utf8_lossy(&first.stderr);
    assert!(
        err.contains("bad.txt") && err.contains("not UTF-8"),
        "{err}"
    );
    assert!(err.contains("new evidence"), "{err}");
    let before = std::fs::read(&store).unwrap();
    let second = bin()
        .arg("--store")
        .arg(&store)
        .arg("ingest")
        .arg(dir.path().join("a.txt"))
        .output()
        .unwrap();
    assert!(second.status.success());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("0 new relations, 0 new evidence"), "{err}");
    assert_eq!(
        before,
        std::fs::read(&store).unwrap(),
        "re-ingesting rewrote the store differently"
    );
    let rel = bin()
        .arg("--store")
        .arg(&store)
        .args(["relations", "カナダ", "Iran"])
        .output()
        .unwrap();
    assert!(rel.status.success());
    assert!(String::from_utf8_lossy(&rel.stdout).contains("sanctions"));
}

#[test]
fn unknown_actors_get_suggestions_and_exit_2() {
    let out = bin().args(["show", "Jappan"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown actor `Jappan`") && err.contains("JPN"),
        "{err}"
    );
}

#[test]
fn show_and_actors_list_names_in_both_languages() {
    let out = bin().args(["show", "プーチン"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("person:putin-vladimir") && text.contains("head_of_state of RUS"),
        "{text}"
    );
    let out = bin()
        .args(["actors", "--kind", "group", "--format", "json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == "WEST" && a["name_ja"] == "西側諸国")
    );
}

#[test]
fn a_bad_gazetteer_file_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.toml");
    std::fs::write(&file, "[[actor]]\nid = \"bad id\"\nkind = \"group\"\n").unwrap();
    let out = bin()
        .arg("--gazetteer")
        .arg(&file)
        .args(["actors"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("g.toml:1:") && err.contains("bad id"), "{err}");
}

/// Every claim of the bundled corpus, one line each: the extractor's output
/// frozen, so a refactor shows exactly what it changes.
#[test]
fn corpus_claims_are_frozen() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut lines = Vec::new();
    for file in &files {
        let out = bin()
            .args(["extract", "--format", "jsonl"])
            .arg(file)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", file.display());
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let c: serde_json::Value = serde_json::from_str(line).unwrap();
            let flag = |k: &str, mark: &'static str| if c[k] == true { mark } else { "-" };
            let attributed: Vec<&str> = c["attributed_to"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
                .collect();
            lines.push(format!(
                "{name}#{} {} {} {} {}{} [{}] {}..{}",
                c["sentence"],
                c["source"]["id"].as_str().unwrap(),
                c["relation"].as_str().unwrap(),
                c["target"]["id"].as_str().unwrap(),
                flag("negated", "N"),
                flag("hedged", "H"),
                attributed.join(","),
                c["span"][0],
                c["span"][1],
            ));
        }
    }
    insta::assert_snapshot!(lines.join("\n"));
}

/// Each claim names its sentence's language: the article's, unless the
/// sentence is written in another script.
#[test]
fn claims_carry_the_language_of_their_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.txt");
    std::fs::write(
        &path,
        "日本はロシアに制裁を科した。\nCanada imposed sanctions on Iran (イラン).\n",
    )
    .unwrap();
    let out = bin().arg("extract").arg(&path).output().unwrap();
    assert!(out.status.success());
    let langs: Vec<(String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|c| {
            (
                c["target"]["id"].as_str().unwrap().to_owned(),
                c["lang"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(langs.contains(&("RUS".into(), "ja".into())), "{langs:?}");
    assert!(langs.contains(&("IRN".into(), "en".into())), "{langs:?}");
    // A declared language is accepted for every language we know.
    for lang in ["en", "ja", "ko", "zh", "auto"] {
        bin()
            .args(["extract", "--lang", lang])
            .arg(&path)
            .assert()
            .success();
    }
}

/// `lexicon check` passes the built-ins and names the file, line or cue and
/// field of a broken lexicon, with exit code 2.
#[test]
fn lexicon_check_names_what_is_wrong() {
    let out = bin().args(["lexicon", "check"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("en/lexicon.toml: ok") && text.contains("ja/lexicon.toml: ok"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("ja.toml");
    std::fs::write(
        &bad,
        "[flags]\nnegation = []\nnot_negation = []\nhedge = []\nattribution = []\n\
         light_verbs = []\n[[cue]]\nrelation = \"summit\"\nwords = [\"会談\"]\n\
         [[cue]]\nrelation = \"visit\"\nwords = [\"会談\"]\n",
    )
    .unwrap();
    let out = bin().args(["lexicon", "check"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("ja.toml") && err.contains("cue 1 (summit)") && err.contains("cue 2 (visit)"),
        "{err}"
    );
}

/// `--lexicon FILE` (and `DIPLOGRAPH_LEXICON`) adds a user's cues to the
/// built-in ones; a broken cue file stops the run with exit code 2 and its
/// line, before any article is read.
#[test]
fn a_user_cue_file_adds_cues_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "France excoriated Russia over the strikes.\n").unwrap();
    let cues = dir.path().join("mine.toml");
    let cue_file = "lang = \"en\"\n\n[[cue]]\nrelation = \"condemnation\"\npos = \"verb\"\n\
                    words = [\"excoriated\"]\ntarget = [\"obj\"]\n";
    std::fs::write(&cues, cue_file).unwrap();
    let claims = |args: &[&std::ffi::OsStr], env: Option<&std::path::Path>| {
        let mut cmd = bin();
        if let Some(file) = env {
            cmd.env("DIPLOGRAPH_LEXICON", file);
        }
        let out = cmd
            .args(args)
            .arg("extract")
            .arg(&article)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(!claims(&[], None).contains("condemnation"));
    let flag = [std::ffi::OsStr::new("--lexicon"), cues.as_os_str()];
    assert!(claims(&flag, None).contains("\"relation\":\"condemnation\""));
    assert!(claims(&[], Some(&cues)).contains("\"relation\":\"condemnation\""));
    let out = bin()
        .args(["lexicon", "check"])
        .arg(&cues)
        .output()
        .unwrap();
    assert!(out.status.success());

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, cue_file.replace("\"verb\"", "\"verbb\"")).unwrap();
    let out = bin()
        .arg("--lexicon")
        .arg(&bad)
        .arg("extract")
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("bad.toml: line 5:") && err.contains("verbb"),
        "{err}"
    );
}
