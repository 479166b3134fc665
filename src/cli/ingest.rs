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
use crate::extract::article::content_id;
use crate::graph::KnowledgeGraph;
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

/// What one file gave: its claims, already merged into a graph of their own
/// (sentences stored once, actors interned), so memory follows the graph.
struct FileResult {
    articles: usize,
    sentences: usize,
    claims: usize,
    graph: KnowledgeGraph,
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
    crate::extract::isolate::install_panic_hook();
    let extractor = Extractor::new(gazetteer(gazetteer_file)?);
    let options = ReadOptions {
        lang: args.lang.code(),
        date: args.date,
    };
    let (files, mut failed) = input::expand(&args.paths);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let progress = ProgressBar::new(files.len() as u64);
    progress.set_style(
        ProgressStyle::with_template(
            "{spinner} {pos}/{len} files [{bar:30}] {elapsed} eta {eta} {msg}",
        )
        .expect("the progress template is valid")
        .progress_chars("=> "),
    );
    // Extraction fills a graph of its own before the store is locked, so a slow
    // article never blocks another writer; the lock is then held from load to
    // save, so concurrent writers cannot lose each other's updates.
    let mut new = KnowledgeGraph::new();
    let (mut articles, mut sentences, mut claims) = (0usize, 0usize, 0usize);
    for batch in files.chunks(BATCH) {
        let results: Vec<anyhow::Result<FileResult>> = pool.install(|| {
            batch
                .par_iter()
                .map(|file| {
                    let out = extract_file(&extractor, file, &options, &progress);
                    progress.inc(1);
                    out
                })
                .collect()
        });
        for result in results {
            match result {
                Ok(r) => {
                    articles += r.articles;
                    sentences += r.sentences;
                    claims += r.claims;
                    failed += r.bad;
                    new.merge_owned(r.graph);
                }
                Err(e) => {
                    progress.suspend(|| eprintln!("diplograph: {e:#}; skipped"));
                    failed += 1;
                }
            }
        }
    }
    progress.finish_and_clear();
    let writer = super::lock_store(store)?;
    let mut graph = writer.load()?;
    let added = graph.merge_owned(new);
    writer.save(&graph)?;
    eprintln!(
        "diplograph: {}: {articles} articles, {sentences} sentences read, {claims} claims; \
         {} new actors, {} new relations, {} new evidence{}",
        store.display(),
        added.new_actors,
        added.new_edges,
        added.new_evidence,
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

/// Reads one file, an article at a time, and extracts its claims into a graph
/// of its own; an article whose extraction fails is reported and counted in
/// `bad`, the others are kept.
fn extract_file(
    extractor: &Extractor,
    file: &Path,
    options: &ReadOptions,
    progress: &ProgressBar,
) -> anyhow::Result<FileResult> {
    let mut articles = input::open_articles(file, options)?;
    let mut out = FileResult {
        articles: 0,
        sentences: 0,
        claims: 0,
        graph: KnowledgeGraph::new(),
        bad: 0,
    };
    while let Some(article) = articles.next() {
        if let Some(w) = input::lang_warning(options.lang.as_deref(), &article) {
            let place = articles.place();
            progress.suspend(|| eprintln!("diplograph: {place}: {w}"));
        }
        let mut insert = |claim: Claim| {
            out.claims += 1;
            out.graph.insert_claim(&claim);
        };
        match extractor.try_extract_each(&article, &mut insert) {
            Ok(n) => {
                out.articles += 1;
                out.sentences += n;
                // The text's hash tells two versions of one article id apart
                // (a re-fetched page keeps its url, so its id).
                let version = u64::from_str_radix(&content_id(&article.text).0, 16).unwrap_or(1);
                out.graph.set_article_info(
                    &article.id,
                    article.date,
                    article.lang.as_deref(),
                    version,
                );
            }
            Err(e) => {
                let place = articles.place();
                progress.suspend(|| eprintln!("diplograph: {place}: {e}; skipped"));
                out.bad += 1;
            }
        }
    }
    out.bad += articles.bad();
    Ok(out)
}
