//! `diplograph ingest PATH...`: extract claims from articles and merge them into
//! the store, with a progress bar on long runs and a summary at the end.
//! Re-ingesting an article changes nothing; a file that cannot be read is
//! reported and skipped, the rest goes in.
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::input::{self, ReadOptions};
use super::{Lang, gazetteer};
use crate::extract::Extractor;
use crate::model::{Claim, Date};

/// Files extracted in parallel before their claims go into the graph: bounds
/// memory by the graph, not by the corpus.
const BATCH: usize = 256;

/// Arguments of `ingest`.
#[derive(Debug, Parser)]
pub struct IngestArgs {
    /// Articles: plain text or Markdown files, HTML pages, JSONL corpora
    /// ({id, title, date, url, lang, text} per line), directories (read
    /// recursively), or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Language of the articles; `auto` decides per sentence by script.
    #[arg(long, value_enum, default_value_t = Lang::Auto)]
    pub lang: Lang,
    /// Date (YYYY-MM-DD) for articles that carry none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<Date>,
    /// Worker threads for extraction (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

/// What one file gave.
struct FileResult {
    articles: usize,
    sentences: usize,
    claims: Vec<Claim>,
    bad: usize,
}

pub(super) fn run(
    store: &Path,
    gazetteer_file: Option<&Path>,
    args: IngestArgs,
) -> anyhow::Result<ExitCode> {
    if args.jobs == Some(0) {
        anyhow::bail!("--jobs 0: give at least one worker thread");
    }
    let extractor = Extractor::new(gazetteer(gazetteer_file)?);
    let options = ReadOptions {
        lang: args.lang.code(),
        date: args.date,
    };
    let (files, mut failed) = input::expand(&args.paths);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    // The lock is held from load to save so concurrent writers cannot lose updates.
    let writer = super::lock_store(store)?;
    let mut graph = writer.load()?;
    let progress = ProgressBar::new(files.len() as u64);
    progress.set_style(
        ProgressStyle::with_template(
            "{spinner} {pos}/{len} files [{bar:30}] {elapsed} eta {eta} {msg}",
        )
        .expect("the progress template is valid")
        .progress_chars("=> "),
    );
    let (mut articles, mut sentences, mut claims) = (0usize, 0usize, 0usize);
    let (mut new_actors, mut new_edges, mut new_evidence) = (0usize, 0usize, 0usize);
    for batch in files.chunks(BATCH) {
        let results: Vec<Result<FileResult, anyhow::Error>> = pool.install(|| {
            batch
                .par_iter()
                .map(|file| {
                    let (read, bad) = input::read_articles(file, &options)?;
                    let mut out = FileResult {
                        articles: read.len(),
                        sentences: 0,
                        claims: Vec::new(),
                        bad,
                    };
                    for article in &read {
                        let (c, n) = extractor.extract_counted(article);
                        out.sentences += n;
                        out.claims.extend(c);
                    }
                    progress.inc(1);
                    Ok(out)
                })
                .collect()
        });
        for result in results {
            match result {
                Ok(r) => {
                    articles += r.articles;
                    sentences += r.sentences;
                    claims += r.claims.len();
                    failed += r.bad;
                    for claim in &r.claims {
                        let outcome = graph.insert_claim(claim);
                        new_actors += outcome.new_actors;
                        new_edges += usize::from(outcome.new_edge);
                        new_evidence += usize::from(outcome.new_evidence);
                    }
                }
                Err(e) => {
                    progress.suspend(|| eprintln!("diplograph: {e:#}; skipped"));
                    failed += 1;
                }
            }
        }
    }
    progress.finish_and_clear();
    writer.save(&graph)?;
    eprintln!(
        "diplograph: {}: {articles} articles, {sentences} sentences, {claims} claims; \
         {new_actors} new actors, {new_edges} new relations, {new_evidence} new evidence{}",
        store.display(),
        if failed > 0 {
            format!("; {failed} inputs skipped (see above)")
        } else {
            String::new()
        }
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
