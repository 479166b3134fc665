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
use crate::extract::article::content_id;
use crate::extract::{ExtractionFailed, Extractor};
use crate::graph::KnowledgeGraph;
use crate::model::{Article, Claim, Date};

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

/// One article's extraction, its claims handed to the sink (the extractor's
/// [`Extractor::try_extract_each`]; tests pass others).
type Extract<'a> = dyn Fn(&Article, &mut dyn FnMut(Claim)) -> Result<usize, ExtractionFailed> + 'a;

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
                    let extract = |a: &Article, sink: &mut dyn FnMut(Claim)| {
                        extractor.try_extract_each(a, sink)
                    };
                    let out = extract_file(&extract, file, &options, &progress);
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
    extract: &Extract<'_>,
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
        if let Some(w) = input::lang_warning(options.lang, &article) {
            let place = articles.place();
            progress.suspend(|| eprintln!("diplograph: {place}: {w}"));
        }
        let mut insert = |claim: Claim| {
            out.claims += 1;
            out.graph.insert_claim(&claim);
        };
        match extract(&article, &mut insert) {
            Ok(n) => {
                out.articles += 1;
                out.sentences += n;
                // The text's hash tells two versions of one article id apart
                // (a re-fetched page keeps its url, so its id).
                let version = u64::from_str_radix(&content_id(&article.text).0, 16).unwrap_or(1);
                out.graph.set_article_info(
                    &article.id,
                    article.date,
                    article.lang.map(crate::model::Lang::as_str),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::isolate;

    // See: issue 8. A panic in one article of a corpus costs that article only.
    #[test]
    fn a_panicking_article_is_skipped_and_the_rest_of_its_corpus_goes_in() {
        isolate::install_panic_hook();
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c.jsonl");
        std::fs::write(
            &corpus,
            "{\"id\":\"a\",\"text\":\"Japan imposed sanctions on Russia.\"}\n\
             {\"id\":\"b\",\"text\":\"BOOM\"}\n\
             {\"id\":\"c\",\"text\":\"Canada imposed sanctions on Iran.\"}\n",
        )
        .unwrap();
        let extractor = Extractor::new(crate::gazetteer::Gazetteer::builtin());
        let extract = |a: &Article, sink: &mut dyn FnMut(Claim)| {
            let boom = a.text.contains("BOOM");
            extractor.try_extract_each(a, &mut |c| {
                sink(c);
            })?;
            isolate::isolated(|| assert!(!boom, "a rule broke"))?;
            Ok(1)
        };
        let out = extract_file(
            &extract,
            &corpus,
            &ReadOptions::default(),
            &ProgressBar::hidden(),
        )
        .unwrap();
        assert_eq!((out.articles, out.bad), (2, 1));
        assert_eq!(out.graph.article_count(), 2);
        assert_eq!(out.claims, 2);
    }
}
