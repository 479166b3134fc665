//! `export parquet`, Parquet `import` and `extract -` as a map step: the
//! Parquet tables read back with the `parquet` crate itself, field by field
//! against `export jsonl`; import round trips; bad rows, bad files and
//! missing columns; streaming on stdin.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use parquet::basic::{ConvertedType, LogicalType, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::{Field, Row};
use predicates::str::contains;
use serde_json::{Value, json};

use crate::common::{bin_with_store, tempdir};

/// The bundled corpus ingested into a fresh store.
pub(crate) fn corpus_store(dir: &Path) -> PathBuf {
    let store = dir.join("s.dgraph");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/corpus");
    bin_with_store(&store)
        .arg("ingest")
        .arg(corpus)
        .assert()
        .success();
    store
}

fn stdout_of(store: &Path, args: &[&str]) -> String {
    let out = bin_with_store(store).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `export jsonl`, parsed, sorted by the line's text.
fn jsonl_claims(store: &Path) -> Vec<Value> {
    let mut lines: Vec<String> = stdout_of(store, &["export", "jsonl"])
        .lines()
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A field as plain JSON, by the test's own reading of Parquet types (not the
/// crate's reader): DATE as days since 1970, lists as arrays.
fn plain(field: &Field) -> Value {
    match field {
        Field::Null => Value::Null,
        Field::Bool(b) => json!(b),
        Field::Long(v) => json!(v),
        Field::Str(s) => json!(s),
        Field::Date(d) => json!({ "days": d }),
        Field::ListInternal(l) => Value::Array(l.elements().iter().map(plain).collect()),
        other => panic!("a type the schema does not have: {other:?}"),
    }
}

fn columns(row: &Row) -> BTreeMap<String, Value> {
    row.get_column_iter()
        .map(|(k, v)| (k.clone(), plain(v)))
        .collect()
}

/// Every row of every `.parquet` file under `dir`, with its partition dir name.
fn rows_under(dir: &Path) -> Vec<(String, BTreeMap<String, Value>)> {
    let mut out = Vec::new();
    let mut parts: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    parts.sort();
    for part in parts {
        let name = part.file_name().unwrap().to_str().unwrap().to_owned();
        let file = fs::File::open(part.join("part-0.parquet")).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        for row in reader.get_row_iter(None).unwrap() {
            out.push((name.clone(), columns(&row.unwrap())));
        }
    }
    out
}

/// The test's own day count, so a wrong DATE conversion cannot hide.
fn days(date: &str) -> i64 {
    let days_in = |y: i64, m: i64| match m {
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    };
    let p: Vec<i64> = date.split('-').map(|x| x.parse().unwrap()).collect();
    let years: i64 = (1970..p[0])
        .map(|y| if days_in(y, 2) == 29 { 366 } else { 365 })
        .sum();
    years + (1..p[1]).map(|m| days_in(p[0], m)).sum::<i64>() + p[2] - 1
}

/// A JSONL claim line as the columns the claims table must hold.
fn expected_columns(line: &Value) -> BTreeMap<String, Value> {
    let mut m = BTreeMap::new();
    for end in ["source", "target"] {
        let a = &line[end];
        m.insert(end.to_owned(), a["id"].clone());
        m.insert(format!("{end}_kind"), a["kind"].clone());
        m.insert(format!("{end}_country"), a["country"].clone());
        m.insert(
            format!("{end}_name"),
            a.get("name").cloned().unwrap_or(Value::Null),
        );
    }
    for k in [
        "relation",
        "negated",
        "hedged",
        "attributed_to",
        "article",
        "sentence",
        "text",
    ] {
        m.insert(k.to_owned(), line[k].clone());
    }
    for k in ["title", "url", "lang", "role"] {
        m.insert(k.to_owned(), line.get(k).cloned().unwrap_or(Value::Null));
    }
    m.insert("span_start".to_owned(), line["span"][0].clone());
    m.insert("span_end".to_owned(), line["span"][1].clone());
    let date = line["date"].as_str().map(|d| json!({ "days": days(d) }));
    m.insert("date".to_owned(), date.unwrap_or(Value::Null));
    m
}

/// The bundled corpus ingested into a store under `dir`, and exported as
/// Parquet to `dir/pq`.
fn exported_corpus(dir: &Path) -> (PathBuf, PathBuf) {
    let store = corpus_store(dir);
    let out = dir.join("pq");
    bin_with_store(&store)
        .args(["export", "parquet", "-o"])
        .arg(&out)
        .assert()
        .success();
    (store, out)
}

#[test]
fn export_parquet_claims_match_export_jsonl_field_by_field() {
    let dir = tempdir();
    let (store, out) = exported_corpus(dir.path());
    let lines = jsonl_claims(&store);
    assert!(lines.len() > 300, "the corpus gives a few hundred claims");
    let mut want: Vec<String> = lines
        .iter()
        .map(|l| {
            let month = match l["date"].as_str() {
                Some(d) => format!("month={}", &d[..7]),
                None => "month=unknown".to_owned(),
            };
            format!("{month} {:?}", expected_columns(l))
        })
        .collect();
    let mut got: Vec<String> = rows_under(&out.join("claims"))
        .iter()
        .map(|(part, cols)| format!("{part} {cols:?}"))
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
    assert!(got.iter().any(|r| r.starts_with("month=unknown")));
    assert!(
        got.iter()
            .any(|r| r.contains("\"attributed_to\": Array [String"))
    );
}

#[test]
fn the_claims_schema_is_typed() {
    let dir = tempdir();
    let (_, out) = exported_corpus(dir.path());
    let part = fs::read_dir(out.join("claims"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let reader =
        SerializedFileReader::new(fs::File::open(part.join("part-0.parquet")).unwrap()).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr_ptr();
    let by_name = |n: &str| {
        let i = (0..schema.num_columns())
            .find(|&i| schema.column(i).path().parts()[0] == n)
            .unwrap_or_else(|| panic!("no column {n}"));
        schema.column(i)
    };
    assert_eq!(by_name("date").logical_type_ref(), Some(&LogicalType::Date));
    assert_eq!(by_name("negated").physical_type(), Physical::BOOLEAN);
    assert_eq!(by_name("sentence").physical_type(), Physical::INT64);
    assert_eq!(by_name("text").converted_type(), ConvertedType::UTF8);
    let list = by_name("attributed_to");
    assert_eq!((list.max_rep_level(), list.max_def_level()), (1, 1));
    let meta = reader.metadata().row_group(0).column(0);
    assert_eq!(meta.compression(), parquet::basic::Compression::SNAPPY);
}

#[test]
fn edges_and_actors_tables_carry_the_graph() {
    let dir = tempdir();
    let store = corpus_store(dir.path());
    let out = dir.path().join("pq");
    bin_with_store(&store)
        .args(["export", "parquet", "--relation", "sanctions", "-o"])
        .arg(&out)
        .assert()
        .success();
    let json: Value = serde_json::from_str(&stdout_of(
        &store,
        &[
            "export",
            "json",
            "--include-negated",
            "--relation",
            "sanctions",
        ],
    ))
    .unwrap();
    let read = |name: &str| -> Vec<BTreeMap<String, Value>> {
        let reader = SerializedFileReader::new(fs::File::open(out.join(name)).unwrap()).unwrap();
        reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| columns(&r.unwrap()))
            .collect()
    };
    let edges = read("edges.parquet");
    let want_edges = json["edges"].as_array().unwrap();
    assert_eq!(edges.len(), want_edges.len());
    assert!(!edges.is_empty());
    for e in want_edges {
        let row = edges
            .iter()
            .find(|r| r["source"] == e["source"] && r["target"] == e["target"])
            .unwrap_or_else(|| panic!("no edge row for {e}"));
        assert_eq!(row["relation"], json!("sanctions"));
        for k in [
            "evidence",
            "asserted",
            "negated",
            "hedged",
            "articles",
            "symmetric",
        ] {
            assert_eq!(row[k], e[k], "{k} of {e}");
        }
        let date = |v: &Value| {
            v.as_str()
                .map_or(Value::Null, |d| json!({ "days": days(d) }))
        };
        assert_eq!(row["first_date"], date(&e["first_date"]));
        assert_eq!(row["last_date"], date(&e["last_date"]));
    }
    let actors = read("actors.parquet");
    let nodes = json["nodes"].as_array().unwrap();
    assert_eq!(actors.len(), nodes.len());
    let rus = actors
        .iter()
        .find(|a| a["id"] == json!("RUS"))
        .expect("Russia is sanctioned");
    assert_eq!(rus["name"], json!("Russia"));
    assert_eq!(rus["name_ja"], json!("ロシア"));
    assert_eq!(rus["name_ko"], json!("러시아"));
    assert!(
        rus["name_zh"].as_str().is_some_and(|n| n.starts_with('俄')),
        "{rus:?}"
    );
    let claims = rows_under(&out.join("claims"));
    assert!(
        claims
            .iter()
            .all(|(_, c)| c["relation"] == json!("sanctions"))
    );
    let total: i64 = edges.iter().map(|e| e["evidence"].as_i64().unwrap()).sum();
    assert_eq!(claims.len() as i64, total);
}

#[test]
fn import_of_the_parquet_claims_rebuilds_the_store() {
    let dir = tempdir();
    let (store, out) = exported_corpus(dir.path());
    let copy = dir.path().join("copy.dgraph");
    bin_with_store(&copy)
        .arg("import")
        .arg(out.join("claims"))
        .assert()
        .success();
    assert_eq!(jsonl_claims(&copy), jsonl_claims(&store));
    // A folder of JSONL and Parquet claim files (what engines leave beside
    // them left out) is read whole.
    let mixed = dir.path().join("mixed");
    fs::create_dir_all(mixed.join("a")).unwrap();
    let jsonl = stdout_of(&store, &["export", "jsonl", "--relation", "sanctions"]);
    fs::write(mixed.join("a/sanctions.jsonl"), &jsonl).unwrap();
    fs::write(mixed.join("_SUCCESS"), "").unwrap();
    fs::write(mixed.join(".part-0.parquet.crc"), "junk").unwrap();
    fs::copy(
        out.join("claims/month=2025-06/part-0.parquet"),
        mixed.join("june.parquet"),
    )
    .unwrap();
    let both = dir.path().join("both.dgraph");
    bin_with_store(&both)
        .arg("import")
        .arg(&mixed)
        .assert()
        .success();
    let got = jsonl_claims(&both);
    let june = got
        .iter()
        .filter(|c| c["date"].as_str().is_some_and(|d| d.starts_with("2025-06")));
    assert!(june.count() > 0);
    let sanctions = got
        .iter()
        .filter(|c| c["relation"] == json!("sanctions"))
        .count();
    assert_eq!(sanctions, jsonl.lines().count());
    // One partition file alone is read too, and only its month lands.
    let june = dir.path().join("june.dgraph");
    bin_with_store(&june)
        .arg("import")
        .arg(out.join("claims/month=2025-06/part-0.parquet"))
        .assert()
        .success();
    let got = jsonl_claims(&june);
    assert!(!got.is_empty());
    assert!(
        got.iter()
            .all(|c| c["date"].as_str().unwrap().starts_with("2025-06"))
    );
}

/// Writes a Parquet file with the crate's low-level API: `schema`, one row
/// group of byte-array columns given row by row.
fn write_strings(path: &Path, schema: &str, rows: &[Vec<&str>]) {
    use parquet::data_type::{ByteArray, ByteArrayType};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    let schema = Arc::new(parquet::schema::parser::parse_message_type(schema).unwrap());
    let props = Arc::new(WriterProperties::builder().build());
    let mut w = SerializedFileWriter::new(fs::File::create(path).unwrap(), schema, props).unwrap();
    let mut group = w.next_row_group().unwrap();
    let mut i = 0;
    while let Some(mut col) = group.next_column().unwrap() {
        let values: Vec<ByteArray> = rows
            .iter()
            .map(|r| ByteArray::from(r[i].as_bytes().to_vec()))
            .collect();
        col.typed::<ByteArrayType>()
            .write_batch(&values, None, None)
            .unwrap();
        col.close().unwrap();
        i += 1;
    }
    group.close().unwrap();
    w.close().unwrap();
}

// Another engine's table: only the minimal form's columns, plain ids.
#[test]
fn any_table_with_the_claim_columns_imports_and_a_bad_row_is_skipped() {
    let dir = tempdir();
    let file = dir.path().join("spark-output.parquet");
    let schema = "message m { required binary source (STRING); required binary relation (STRING);
        required binary target (STRING); required binary article (STRING); required binary text (STRING);
        required binary date (STRING); }";
    write_strings(
        &file,
        schema,
        &[
            vec![
                "RUS",
                "sanctions",
                "USA",
                "a1",
                "Russia sanctioned US firms.",
                "2024-06-17",
            ],
            vec![
                "RUS",
                "sanctioning",
                "USA",
                "a2",
                "Bad relation.",
                "2024-06-17",
            ],
            vec!["JPN", "visit", "JPN", "a3", "A self-loop.", "2024-06-17"],
            vec!["JPN", "summit", "KOR", "a4", "Leaders met.", "2024-13-01"],
            vec!["KOR", "summit", "JPN", "a5", "Leaders met.", "2024-07-01"],
        ],
    );
    let store = dir.path().join("s.dgraph");
    bin_with_store(&store)
        .arg("import")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(contains("spark-output.parquet: row 2: not a claim"))
        .stderr(contains("`sanctioning`"))
        .stderr(contains("row 3: source and target are both `JPN`"))
        .stderr(contains("row 4: "))
        .stderr(contains("2 claims read"))
        .stderr(contains("3 bad lines skipped"));
    let got = jsonl_claims(&store);
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0]["source"]["name"],
        json!("Japan"),
        "symmetric ends sorted"
    );
    assert_eq!(got[0]["date"], json!("2024-07-01"));
    assert_eq!(got[1]["target"]["kind"], json!("country"));
}

#[test]
fn a_file_that_is_no_claims_table_is_named_and_skipped() {
    let dir = tempdir();
    let no_text = dir.path().join("no-text.parquet");
    write_strings(
        &no_text,
        "message m { required binary source (STRING); required binary relation (STRING);
         required binary target (STRING); required binary article (STRING); }",
        &[vec!["RUS", "sanctions", "USA", "a1"]],
    );
    let corrupt = dir.path().join("corrupt.parquet");
    fs::write(&corrupt, b"PAR1 this is not parquet").unwrap();
    let empty_dir = dir.path().join("empty");
    fs::create_dir(&empty_dir).unwrap();
    let good = dir.path().join("good.jsonl");
    fs::write(&good, r#"{"source": "RUS", "relation": "sanctions", "target": "USA", "article": "a1", "text": "t"}"#).unwrap();
    let store = dir.path().join("s.dgraph");
    bin_with_store(&store)
        .arg("import")
        .args([&no_text, &corrupt, &empty_dir, &good])
        .assert()
        .code(1)
        .stderr(contains(
            "no-text.parquet: no column `text`; a claims table needs",
        ))
        .stderr(contains("corrupt.parquet: not a readable Parquet file"))
        .stderr(contains(
            "empty: is a directory with no .parquet or .jsonl files",
        ))
        .stderr(contains("1 claims read"))
        .stderr(contains("3 files skipped"));
}

#[test]
fn export_parquet_needs_a_directory_and_keeps_old_partitions_safe() {
    let dir = tempdir();
    let store = corpus_store(dir.path());
    bin_with_store(&store)
        .args(["export", "parquet"])
        .assert()
        .code(2)
        .stderr(contains("give a directory with -o DIR"));
    bin_with_store(&store)
        .args(["export", "parquet", "--evidence", "-o", "x"])
        .assert()
        .code(2)
        .stderr(contains("--evidence"));
    let out = dir.path().join("pq");
    fs::create_dir_all(out.join("claims/month=1999-01")).unwrap();
    bin_with_store(&store)
        .args(["export", "parquet", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("claims: exists and is not empty"));
}

#[test]
fn extract_parquet_then_import_equals_ingest() {
    let dir = tempdir();
    let store = corpus_store(dir.path());
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/corpus");
    let out = dir.path().join("claims");
    crate::common::bin()
        .args(["extract", "--format", "parquet", "-o"])
        .arg(&out)
        .arg(&corpus)
        .assert()
        .success();
    let rows = rows_under(&out);
    assert!(
        rows.iter().any(|(_, c)| c["lang"] == json!("ja")),
        "extract keeps the language"
    );
    let copy = dir.path().join("copy.dgraph");
    bin_with_store(&copy)
        .arg("import")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(jsonl_claims(&copy), jsonl_claims(&store));
    crate::common::bin()
        .args(["extract", "--format", "parquet", "-"])
        .write_stdin("Russia sanctioned Japan.")
        .assert()
        .code(2)
        .stderr(contains("-o DIR"));
}

const RECORD: &str = r#"{"id": "a1", "date": "2024-06-17", "text": "Russia sanctioned Japan."}"#;

#[test]
fn extract_dash_streams_a_jsonl_corpus_record_by_record() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // The first record's claim comes out while stdin is still open: a pipe
    // consumer is not made to wait for the end of the partition.
    writeln!(stdin, "\n  {RECORD}").unwrap();
    stdin.flush().unwrap();
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let claim: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        (claim["source"]["id"].as_str(), claim["article"].as_str()),
        (Some("RUS"), Some("a1"))
    );
    assert_eq!(claim["date"], json!("2024-06-17"));
    writeln!(
        stdin,
        "{}",
        RECORD.replace("a1", "a2").replace("Japan", "Canada")
    )
    .unwrap();
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert!(child.wait().unwrap().success());
    let rest: Value = serde_json::from_str(rest.trim()).unwrap();
    assert_eq!(
        (rest["target"]["id"].as_str(), rest["article"].as_str()),
        (Some("CAN"), Some("a2"))
    );
}

#[test]
fn input_text_reads_a_brace_as_one_article_and_input_needs_a_dash() {
    let as_text = crate::common::bin()
        .args(["extract", "--input", "text", "-"])
        .write_stdin(RECORD)
        .output()
        .unwrap();
    let line: Value = serde_json::from_slice(&as_text.stdout).unwrap();
    assert_ne!(
        line["article"],
        json!("a1"),
        "the record is text, its id a hash"
    );
    let plain = crate::common::bin()
        .args(["extract", "-"])
        .write_stdin("  Russia sanctioned Japan.")
        .output()
        .unwrap();
    let line: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(
        line["span"],
        json!([2, 26]),
        "leading blanks are kept in the spans"
    );
    // A byte order mark and CRLF lines before the first record: still a corpus.
    let bom = crate::common::bin()
        .args(["extract", "-"])
        .write_stdin(format!("\u{feff}\r\n{RECORD}\r\n"))
        .output()
        .unwrap();
    let line: Value = serde_json::from_slice(&bom.stdout).unwrap();
    assert_eq!(line["article"], json!("a1"));
    crate::common::bin()
        .args(["extract", "--input", "jsonl", "x.txt"])
        .assert()
        .code(2)
        .stderr(contains("--input"));
}

/// The README's schema table names every column of the three tables.
#[test]
fn the_readme_lists_every_column_of_the_tables() {
    use diplograph::export::parquet::{ACTORS_SCHEMA, CLAIMS_SCHEMA, EDGES_SCHEMA};
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for (table, schema) in [
        ("claims", CLAIMS_SCHEMA),
        ("edges", EDGES_SCHEMA),
        ("actors", ACTORS_SCHEMA),
    ] {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{table}` |")))
            .unwrap_or_else(|| panic!("README has no schema row for {table}"));
        let schema = parquet::schema::parser::parse_message_type(schema).unwrap();
        for field in schema.get_fields() {
            let name = format!("`{}`", field.name());
            assert!(row.contains(&name), "README's {table} row lacks {name}");
        }
    }
}

// A folder is read on several threads; its messages still come in file order.
#[test]
fn a_folder_reports_its_bad_files_in_order() {
    let dir = tempdir();
    let folder = dir.path().join("claims");
    fs::create_dir_all(folder.join("m=2")).unwrap();
    let schema = "message m { required binary source (STRING); required binary relation (STRING);
        required binary target (STRING); required binary article (STRING); required binary text (STRING); }";
    for name in ["a.parquet", "m=2/d.parquet"] {
        write_strings(
            &folder.join(name),
            schema,
            &[
                vec!["RUS", "sanctions", "USA", name, "Good."],
                vec!["RUS", "sanctionz", "USA", name, "Bad."],
            ],
        );
    }
    let good =
        r#"{"source": "JPN", "relation": "visit", "target": "KOR", "article": "b", "text": "t"}"#;
    fs::write(folder.join("b.jsonl"), format!("{good}\nnot json\n")).unwrap();
    fs::write(folder.join("c.parquet"), b"PAR1 broken").unwrap();
    let store = dir.path().join("s.dgraph");
    let out = bin_with_store(&store)
        .arg("import")
        .arg(&folder)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    for (line, want) in lines.iter().zip([
        "a.parquet: row 2:",
        "b.jsonl:2:",
        "c.parquet: not a readable",
        "d.parquet: row 2:",
    ]) {
        assert!(line.contains(want), "{want} in {line}\n{stderr}");
    }
    assert!(
        lines[4].contains("3 claims read")
            && lines[4].contains("3 bad lines skipped; 1 files skipped"),
        "{stderr}"
    );
}
