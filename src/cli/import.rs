//! `diplograph import CLAIMS.jsonl...`: merge claims from JSONL files or stdin
//! into the store; a bad line is reported with its number and skipped.
#![allow(clippy::print_stderr)]

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use crate::export::jsonl::claim_from_line;
use crate::model::Claim;

/// Arguments of `import`.
#[derive(Debug, Parser)]
pub struct ImportArgs {
    /// Claim files, one JSON claim per line (`-` reads stdin).
    #[arg(required = true, value_name = "CLAIMS.jsonl")]
    pub files: Vec<PathBuf>,
}

/// Reads every file, then locks the store, merges and saves.
pub(super) fn run(store: &Path, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let mut claims = Vec::new();
    let mut skipped = 0usize;
    for path in &args.files {
        let name = path.display().to_string();
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            let file = File::open(path).with_context(|| format!("{name}: cannot open"))?;
            Box::new(BufReader::new(file))
        };
        skipped += read_claims(reader, &name, &mut claims)?;
    }
    let writer = super::lock_store(store)?;
    let mut graph = writer.load()?;
    let (mut new_actors, mut new_edges, mut new_evidence) = (0, 0, 0);
    for claim in &claims {
        let out = graph.insert_claim(claim);
        new_actors += out.new_actors;
        new_edges += usize::from(out.new_edge);
        new_evidence += usize::from(out.new_evidence);
    }
    writer.save(&graph)?;
    eprintln!(
        "diplograph: {}: {} claims read, {new_evidence} new evidence, {new_edges} new relations, {new_actors} new actors{}",
        store.display(),
        claims.len(),
        if skipped > 0 {
            format!("; {skipped} bad lines skipped")
        } else {
            String::new()
        }
    );
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Parses lines into `claims`; reports and counts the bad ones.
fn read_claims(reader: impl BufRead, name: &str, claims: &mut Vec<Claim>) -> anyhow::Result<usize> {
    let mut skipped = 0;
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{name}:{}: cannot read", i + 1))?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match claim_from_line(line) {
            Ok(c) => claims.push(c),
            Err(e) => {
                eprintln!("diplograph: {name}:{}: skipped: {e}", i + 1);
                skipped += 1;
            }
        }
    }
    Ok(skipped)
}
