//! The README cannot drift: its worked example ("Questions and pictures") is
//! run command by command against the bundled corpus and each answer compared
//! with what the README shows, and its relation table with `diplograph ontology
//! --format markdown`.
//!
//! After a change that alters an answer, rewrite the README with
//!
//! ```sh
//! DIPLOGRAPH_UPDATE_README=1 cargo test --test integration readme
//! ```
//!
//! and review the diff. In the example, a line `...` stands for lines left out:
//! the lines above it must be the answer's first lines and the lines below it
//! its last ones.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::tempdir;

const START: &str = "<!-- ontology:start";
const END: &str = "<!-- ontology:end -->";

fn readme_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// Held while a test reads and rewrites the README, so that two rewrites in
/// one run do not overwrite each other.
static README_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn updating() -> bool {
    std::env::var_os("DIPLOGRAPH_UPDATE_README").is_some()
}

/// One command of the worked example and the answer the README shows.
struct Step {
    command: String,
    /// The shown lines; `...` marks an elision.
    shown: Vec<String>,
}

/// The `console` block after `## Questions and pictures`: (line range of its
/// content in the README, the steps).
fn worked_example(readme: &str) -> (std::ops::Range<usize>, Vec<Step>) {
    let lines: Vec<&str> = readme.lines().collect();
    let section = lines
        .iter()
        .position(|l| l.starts_with("## Questions and pictures"))
        .expect("the README has a worked example");
    let open = section
        + lines[section..]
            .iter()
            .position(|l| *l == "```console")
            .expect("a console block");
    let close = open
        + 1
        + lines[open + 1..]
            .iter()
            .position(|l| *l == "```")
            .expect("the console block ends");
    let mut steps: Vec<Step> = Vec::new();
    for l in &lines[open + 1..close] {
        match l.strip_prefix("$ ") {
            Some(cmd) => steps.push(Step {
                command: cmd.to_owned(),
                shown: Vec::new(),
            }),
            None => steps
                .last_mut()
                .expect("the block starts with a command")
                .shown
                .push((*l).to_owned()),
        }
    }
    (open + 1..close, steps)
}

/// The command without its trailing `# comment`.
fn without_comment(cmd: &str) -> &str {
    match cmd.find("  #") {
        Some(i) => cmd[..i].trim_end(),
        None => cmd.trim_end(),
    }
}

fn has_graphviz() -> bool {
    Command::new("dot").arg("-V").output().is_ok()
}

/// Runs one step in `dir` (with the corpus at `dir/graphs/corpus`); returns
/// stdout and stderr as the terminal would show them.
fn run_step(cmd: &str, dir: &Path, store: &Path, env_store: &mut Option<PathBuf>) -> String {
    let cmd = without_comment(cmd).replace("/tmp/corpus.dgraph", &store.display().to_string());
    if let Some(value) = cmd.strip_prefix("export DIPLOGRAPH_STORE=") {
        *env_store = Some(PathBuf::from(value));
        return String::new();
    }
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_diplograph"))
        .parent()
        .expect("the binary has a folder")
        .to_owned();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("{cmd} 2>&1"))
        .current_dir(dir)
        .env("PATH", path)
        .env("COLUMNS", "100")
        .env_remove("DIPLOGRAPH_GAZETTEER")
        .env_remove("DIPLOGRAPH_STORE");
    if let Some(s) = env_store {
        c.env("DIPLOGRAPH_STORE", s);
    }
    let out = c.output().expect("sh runs");
    String::from_utf8_lossy(&out.stdout).replace(&store.display().to_string(), "/tmp/corpus.dgraph")
}

/// Whether the shown lines match the answer (with `...` for left-out lines).
fn matches(shown: &[String], got: &[&str]) -> bool {
    match shown.iter().position(|l| l == "...") {
        None => shown.iter().map(String::as_str).eq(got.iter().copied()),
        Some(i) => {
            let (head, tail) = (&shown[..i], &shown[i + 1..]);
            head.len() + tail.len() <= got.len()
                && head
                    .iter()
                    .map(String::as_str)
                    .eq(got[..head.len()].iter().copied())
                && tail
                    .iter()
                    .map(String::as_str)
                    .eq(got[got.len() - tail.len()..].iter().copied())
        }
    }
}

/// What the README should show for an answer, keeping its elision in place.
fn rewrite(shown: &[String], got: &[&str]) -> Vec<String> {
    match shown.iter().position(|l| l == "...") {
        Some(i) if got.len() > shown.len() - 1 => {
            let tail = shown.len() - i - 1;
            let mut out: Vec<String> = got[..i].iter().map(|s| (*s).to_owned()).collect();
            out.push("...".into());
            out.extend(got[got.len() - tail..].iter().map(|s| (*s).to_owned()));
            out
        }
        _ => got.iter().map(|s| (*s).to_owned()).collect(),
    }
}

#[test]
fn readme_worked_example_matches_the_real_answers() {
    let graphviz = has_graphviz();
    if !graphviz {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but Graphviz `dot` is missing: .ci/run installs it"
        );
    }
    let (_, steps) = worked_example(&std::fs::read_to_string(readme_path()).unwrap());
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("graphs")).unwrap();
    std::os::unix::fs::symlink(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/corpus"),
        dir.path().join("graphs/corpus"),
    )
    .unwrap();
    let store = dir.path().join("corpus.dgraph");
    let mut env_store = None;
    let mut block: Vec<String> = Vec::new();
    let mut drift = Vec::new();
    for step in &steps {
        if !graphviz && step.command.contains("--svg") {
            eprintln!(
                "SKIPPED README step `{}`: Graphviz `dot` is not installed (apt-get install graphviz)",
                step.command
            );
            block.push(format!("$ {}", step.command));
            block.extend(step.shown.iter().cloned());
            continue;
        }
        let out = run_step(&step.command, dir.path(), &store, &mut env_store);
        let got: Vec<&str> = out.lines().collect();
        block.push(format!("$ {}", step.command));
        if matches(&step.shown, &got) {
            block.extend(step.shown.iter().cloned());
        } else {
            drift.push(format!(
                "$ {}\n--- README shows:\n{}\n--- the command prints:\n{}",
                step.command,
                step.shown.join("\n"),
                out.trim_end()
            ));
            block.extend(rewrite(&step.shown, &got));
        }
    }
    if drift.is_empty() {
        return;
    }
    if updating() {
        let _guard = README_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let readme = std::fs::read_to_string(readme_path()).unwrap();
        let (range, _) = worked_example(&readme);
        let mut lines: Vec<String> = readme.lines().map(str::to_owned).collect();
        lines.splice(range, block);
        std::fs::write(readme_path(), lines.join("\n") + "\n").unwrap();
        eprintln!("README.md: worked example rewritten; review the diff");
        return;
    }
    panic!(
        "the README's worked example has drifted; rewrite it with `DIPLOGRAPH_UPDATE_README=1 cargo test --test integration readme` and review the diff:\n\n{}",
        drift.join("\n\n")
    );
}

#[test]
fn readme_relation_table_is_the_ontology_table() {
    let out = crate::common::bin()
        .args(["ontology", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let _guard = README_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    let start = readme
        .find(START)
        .expect("the README marks the ontology table");
    let start = start + readme[start..].find('\n').expect("marker line ends") + 1;
    let end = readme
        .find(END)
        .expect("the README ends the ontology table");
    if readme[start..end] == table {
        return;
    }
    if updating() {
        let new = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(readme_path(), new).unwrap();
        eprintln!("README.md: relation table rewritten; review the diff");
        return;
    }
    panic!(
        "the README's relation table differs from `diplograph ontology --format markdown`; rewrite it with `DIPLOGRAPH_UPDATE_README=1 cargo test --test integration readme`"
    );
}

#[test]
fn readme_names_no_file_outside_the_repository() {
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    for (i, line) in readme.lines().enumerate() {
        assert!(
            !line.contains("../") && !line.contains("ONTOLOGY.md"),
            "README.md:{}: names a file outside the repository: {line}",
            i + 1
        );
    }
}

const COVERAGE_START: &str = "<!-- gazetteer-coverage:start";
const COVERAGE_END: &str = "<!-- gazetteer-coverage:end -->";

/// The years the coverage table counts: 2000 to the last year the table's
/// terms reach (fixed, so the table does not change with the calendar).
const COVERAGE_YEARS: std::ops::RangeInclusive<u32> = 2000..=2026;

/// State groups of the issue's order, by ISO alpha-3 (ASEAN with Timor-Leste,
/// its eleventh member since October 2025).
const COVERAGE_GROUPS: &[(&str, &[&str])] = &[
    (
        "UN Security Council P5",
        &["CHN", "FRA", "GBR", "RUS", "USA"],
    ),
    (
        "G20 states",
        &[
            "ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN",
            "KOR", "MEX", "RUS", "SAU", "TUR", "USA", "ZAF",
        ],
    ),
    ("both Koreas", &["KOR", "PRK"]),
    (
        "Middle East",
        &[
            "SAU", "ARE", "QAT", "OMN", "KWT", "BHR", "JOR", "EGY", "IRQ", "SYR", "LBN", "TUR",
            "ISR", "IRN", "YEM",
        ],
    ),
    (
        "ASEAN",
        &[
            "IDN", "MYS", "SGP", "THA", "PHL", "VNM", "KHM", "LAO", "MMR", "BRN", "TLS",
        ],
    ),
];

/// The offices of the per-group table, in its column order.
const COVERAGE_OFFICES: &[&str] = &[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "spokesperson",
];

/// One row of `persons.tsv` as the coverage table counts it.
struct PersonRow {
    id: String,
    office_of: String,
    role: String,
    start: u32,
    end: u32,
    has_ja: bool,
    checked: bool,
}

fn data_file(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/gazetteer/data")
            .join(name),
    )
    .unwrap()
}

/// The year a `YYYY` or `YYYY-MM-DD` cell starts with.
fn year(cell: &str) -> Option<u32> {
    cell.get(..4).and_then(|y| y.parse().ok())
}

/// The rows of `persons.tsv`; a row under a `# check:` line is unchecked.
fn person_rows() -> Vec<PersonRow> {
    let mut rows = Vec::new();
    let mut under_check = false;
    for line in data_file("persons.tsv").lines() {
        if let Some(comment) = line.strip_prefix('#') {
            under_check |= comment.trim_start().starts_with("check:");
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        rows.push(PersonRow {
            id: c[0].to_owned(),
            office_of: c[2].to_owned(),
            role: c[3].to_owned(),
            start: year(c[4]).unwrap_or(0),
            end: year(c[5]).unwrap_or(*COVERAGE_YEARS.end()),
            has_ja: !c[7].is_empty(),
            checked: !under_check,
        });
        under_check = false;
    }
    rows
}

/// The person ids a names table (`names_ko.tsv`, `names_zh.tsv`) names.
fn named_persons(file: &str) -> std::collections::BTreeSet<String> {
    data_file(file)
        .lines()
        .filter(|l| l.starts_with("person:"))
        .filter_map(|l| l.split('\t').next())
        .map(str::to_owned)
        .collect()
}

/// Counts with thousands separators, as the README writes them.
fn grouped(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The README's coverage tables, counted from the persons tables.
fn coverage_markdown() -> String {
    use std::collections::{BTreeMap, BTreeSet};
    use std::fmt::Write as _;
    let rows = person_rows();
    let ko = named_persons("names_ko.tsv");
    let zh = named_persons("names_zh.tsv");
    let persons: BTreeSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} persons in {} rows (one per person and office): {} rows with a Japanese name, {} persons with Korean and {} with Chinese names, {} rows under a `# check:` line.\n",
        grouped(persons.len()),
        grouped(rows.len()),
        grouped(rows.iter().filter(|r| r.has_ja).count()),
        grouped(persons.iter().filter(|p| ko.contains(**p)).count()),
        grouped(persons.iter().filter(|p| zh.contains(**p)).count()),
        grouped(rows.iter().filter(|r| !r.checked).count()),
    );
    // Per office: rows, persons, the states and bodies whose office it is,
    // names per script, unchecked rows.
    let mut roles: BTreeMap<&str, Vec<&PersonRow>> = BTreeMap::new();
    for r in &rows {
        roles.entry(r.role.as_str()).or_default().push(r);
    }
    let mut roles: Vec<(&str, Vec<&PersonRow>)> = roles.into_iter().collect();
    roles.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    out.push_str("| office (`role`) | rows | persons | offices of | ja rows | ko persons | zh persons | rows under `# check:` |\n");
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (role, rs) in &roles {
        let ids: BTreeSet<&str> = rs.iter().map(|r| r.id.as_str()).collect();
        let of: BTreeSet<&str> = rs.iter().map(|r| r.office_of.as_str()).collect();
        let _ = writeln!(
            out,
            "| `{role}` | {} | {} | {} | {} | {} | {} | {} |",
            grouped(rs.len()),
            grouped(ids.len()),
            of.len(),
            grouped(rs.iter().filter(|r| r.has_ja).count()),
            ids.iter().filter(|p| ko.contains(**p)).count(),
            ids.iter().filter(|p| zh.contains(**p)).count(),
            rs.iter().filter(|r| !r.checked).count(),
        );
    }
    // Per state group and office: the share of state-years 2000-2026 in
    // which the table knows a holder, and the states with none.
    let years = COVERAGE_YEARS.count();
    let _ = write!(
        out,
        "\nPer state group, the share of the years {}–{} (state by state) in which the table knows a holder of the office, and how many states have no row for it:\n\n| states | ",
        COVERAGE_YEARS.start(),
        COVERAGE_YEARS.end()
    );
    out.push_str(
        &COVERAGE_OFFICES
            .iter()
            .map(|o| format!("`{o}`"))
            .collect::<Vec<_>>()
            .join(" | "),
    );
    out.push_str(" |\n| --- |");
    out.push_str(&" ---: |".repeat(COVERAGE_OFFICES.len()));
    out.push('\n');
    for (group, states) in COVERAGE_GROUPS {
        let _ = write!(out, "| {group} ({}) |", states.len());
        for office in COVERAGE_OFFICES {
            let mut covered = 0;
            let mut missing = 0;
            for state in *states {
                let terms: Vec<&PersonRow> = rows
                    .iter()
                    .filter(|r| r.role == *office && r.office_of == *state)
                    .collect();
                if terms.is_empty() {
                    missing += 1;
                }
                covered += COVERAGE_YEARS
                    .filter(|y| terms.iter().any(|r| r.start <= *y && *y <= r.end))
                    .count();
            }
            let share = (100 * covered + states.len() * years / 2) / (states.len() * years);
            let _ = if missing == 0 {
                write!(out, " {share}% |")
            } else {
                write!(out, " {share}%, {missing} without |")
            };
        }
        out.push('\n');
    }
    out
}

#[test]
fn readme_gazetteer_coverage_is_counted_from_the_tables() {
    let table = coverage_markdown();
    let _guard = README_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    let start = readme
        .find(COVERAGE_START)
        .expect("the README marks the gazetteer coverage table");
    let start = start + readme[start..].find('\n').expect("marker line ends") + 1;
    let end = readme
        .find(COVERAGE_END)
        .expect("the README ends the gazetteer coverage table");
    if readme[start..end] == table {
        return;
    }
    if updating() {
        let new = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(readme_path(), new).unwrap();
        eprintln!("README.md: gazetteer coverage rewritten; review the diff");
        return;
    }
    panic!(
        "the README's gazetteer coverage differs from the tables; rewrite it with `DIPLOGRAPH_UPDATE_README=1 cargo test --test integration readme`:\n{table}"
    );
}
