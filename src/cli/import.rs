//! `diplograph import CLAIMS...`: merge claims from JSONL files, stdin, or
//! Parquet files and folders of them into the store; a bad line or row is
//! reported with its number and skipped.
#![allow(clippy::print_stderr)]

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;
use clap::Parser;

use super::input::JsonLines;
use super::parquet_files::{claim_files, is_parquet, read_parquet};
use crate::export::jsonl::{ClaimRecord, record_from_line};
use crate::gazetteer::Gazetteer;

/// Arguments of `import`.
#[derive(Debug, Parser)]
pub struct ImportArgs {
    /// Claim files: JSONL, one JSON claim per line (`-` reads stdin), or
    /// Parquet (`.parquet`); or folders of them (`.jsonl` and `.parquet`
    /// files, such as `export parquet`'s `claims/` or a Spark job's output).
    #[arg(required = true, value_name = "CLAIMS")]
    pub files: Vec<PathBuf>,
}

/// Reads every file, then locks the store, merges and saves. A file that
/// cannot be read and a bad line are reported and skipped; the exit code is 1.
pub(super) fn run(
    store: &Path,
    gazetteer_file: Option<&Path>,
    args: ImportArgs,
) -> anyhow::Result<ExitCode> {
    // A damaged Parquet file can panic its decoder: quietly, one line (see
    // `read_parquet`).
    crate::extract::isolate::install_panic_hook();
    let gazetteer = super::gazetteer(gazetteer_file)?;
    let mut claims = Vec::new();
    let (mut bad_lines, mut bad_files) = (0usize, 0usize);
    for path in &args.files {
        match read_file(path, &gazetteer, &mut claims) {
            Ok((lines, files)) => {
                bad_lines += lines;
                bad_files += files;
            }
            Err(e) => {
                eprintln!("diplograph: {e:#}; skipped");
                bad_files += 1;
            }
        }
    }
    // The claims make a graph of their own before the store is locked; it is
    // then appended to the store, or merged into it (see `add_to_store`).
    let mut new = crate::graph::KnowledgeGraph::new();
    for r in &claims {
        new.insert_record(&r.claim, r.role);
    }
    let writer = super::lock_store(store)?;
    let crate::graph::MergeOutcome {
        new_actors,
        new_edges,
        new_evidence,
    } = super::add_to_store(&writer, new)?;
    let mut skipped = String::new();
    if bad_lines > 0 {
        skipped += &format!("; {bad_lines} bad lines skipped");
    }
    if bad_files > 0 {
        skipped += &format!("; {bad_files} files skipped");
    }
    eprintln!(
        "diplograph: {}: {} claims read, {new_evidence} new evidence, {new_edges} new relations, {new_actors} new actors{skipped}",
        store.display(),
        claims.len(),
    );
    Ok(if bad_lines + bad_files > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where a reader's messages go: `FILE:LINE: reason; skipped`, without the
/// program's name.
type Report<'a> = &'a mut dyn FnMut(String);

/// Prints a message now.
fn print(message: String) {
    eprintln!("diplograph: {message}");
}

/// Reads one claim file (`-` = stdin), Parquet file or folder of claim files
/// into `claims`; returns the bad lines (or rows), reported as
/// `FILE:LINE: reason; skipped`, and the files of a folder skipped. A file
/// that cannot be opened is an error; a read error part-way keeps the lines
/// before it.
fn read_file(
    path: &Path,
    gazetteer: &Gazetteer,
    claims: &mut Vec<ClaimRecord>,
) -> anyhow::Result<(usize, usize)> {
    if path.as_os_str() == "-" {
        let lines = read_claims(io::stdin().lock(), "stdin", gazetteer, claims, &mut print);
        return Ok((lines, 0));
    }
    if path.is_dir() {
        // A folder of claim files: a Parquet table, partitioned or not (Spark
        // writes one file per task), or the JSONL of many `extract` runs.
        return Ok(read_folder(&claim_files(path)?, gazetteer, claims));
    }
    Ok((read_one(path, gazetteer, claims, &mut print)?, 0))
}

/// What reading one file of a folder gave.
struct FileRead {
    claims: Vec<ClaimRecord>,
    reports: Vec<String>,
    /// The bad lines, or why the file was skipped.
    result: anyhow::Result<usize>,
}

/// Reads a folder's files on every core (decoding Parquet rows costs more
/// than merging them), then reports and keeps them in file order, as one
/// thread reading them in turn would. Returns the bad lines and the files
/// skipped.
fn read_folder(
    files: &[PathBuf],
    gazetteer: &Gazetteer,
    claims: &mut Vec<ClaimRecord>,
) -> (usize, usize) {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len());
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<FileRead>>> = Mutex::new(files.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let (mut claims, mut reports) = (Vec::new(), Vec::new());
                    let result = read_one(path, gazetteer, &mut claims, &mut |m| reports.push(m));
                    let read = FileRead {
                        claims,
                        reports,
                        result,
                    };
                    done.lock().expect("a worker never panics holding the lock")[i] = Some(read);
                }
            });
        }
    });
    let (mut lines, mut skipped) = (0, 0);
    let done = done.into_inner().expect("the workers have finished");
    for read in done.into_iter().flatten() {
        read.reports.into_iter().for_each(print);
        match read.result {
            Ok(n) => lines += n,
            Err(e) => {
                print(format!("{e:#}; skipped"));
                skipped += 1;
            }
        }
        claims.extend(read.claims);
    }
    (lines, skipped)
}

/// Reads one claim file, Parquet or JSONL; returns the bad lines (or rows).
fn read_one(
    path: &Path,
    gazetteer: &Gazetteer,
    claims: &mut Vec<ClaimRecord>,
    report: Report<'_>,
) -> anyhow::Result<usize> {
    if is_parquet(path) {
        return read_parquet(path, gazetteer, claims, report);
    }
    let name = path.display().to_string();
    let file = File::open(path).with_context(|| format!("{name}: cannot open"))?;
    Ok(read_claims(
        BufReader::new(file),
        &name,
        gazetteer,
        claims,
        report,
    ))
}

/// Parses lines into `claims`, line by line as bytes; reports and counts the
/// bad ones (not UTF-8, not a claim, at odds with the gazetteer).
fn read_claims(
    reader: impl BufRead,
    name: &str,
    gazetteer: &Gazetteer,
    claims: &mut Vec<ClaimRecord>,
    report: Report<'_>,
) -> usize {
    let mut skipped = 0;
    for line in JsonLines::new(reader) {
        let line = match line {
            Ok(line) => line,
            Err((number, e)) => {
                report(format!(
                    "{name}:{number}: cannot read: {e}; the rest of the file skipped"
                ));
                return skipped + 1;
            }
        };
        let parsed = match &line.text {
            Ok(text) => record_from_line(text, Some(gazetteer)).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match parsed {
            Ok(claim) => claims.push(claim),
            Err(reason) => {
                report(format!("{name}:{}: {reason}; skipped", line.number));
                skipped += 1;
            }
        }
    }
    skipped
}
