//! `diplograph ingest PATH...`: extract claims from articles and merge them into
//! the store, with a progress bar on long runs and a summary at the end.
//! Re-ingesting an article changes nothing; a file that cannot be read is
//! reported and skipped, the rest goes in.
//!
//! Articles, not files, are the unit of parallel work, so one big JSONL corpus
//! uses every core: a reader thread cuts the inputs into chunks of articles,
//! `--jobs` workers extract each chunk into a small graph of its own, and this
//! thread merges those graphs as they come. Both queues are bounded, so memory
//! holds the graph plus a few chunks. Merging is commutative, so the graph
//! does not depend on which worker finished first; messages are printed in
//! input order all the same.
//!
//! The merged graph goes to the store each time it holds [`BATCH_RECORDS`]
//! records (an append, under the store's lock, like a separate `ingest` of
//! those articles), and what is left at the end: memory holds one batch of
//! new evidence and the store's graph section as bytes (its article table,
//! a row per article ever read, is walked and copied by the append, never
//! decoded into rows), not the corpus's evidence. A run stopped part way
//! leaves the batches already written; ingesting the corpus again adds the
//! rest.
#![allow(clippy::print_stderr)]

use std::collections::{BTreeMap, VecDeque};
use std::ops::AddAssign;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, mpsc};

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use super::input::{self, Articles, ReadOptions};
use super::{Lang, extractor};
use crate::extract::ExtractionFailed;
use crate::extract::article::content_id;
use crate::graph::KnowledgeGraph;
use crate::model::{Article, Claim, Date};

/// A chunk closes at this many articles (or reports)...
const CHUNK_ITEMS: usize = 64;
/// ... or at this many bytes of input, whichever comes first: enough work to
/// make a channel hand-off and a merge cheap beside it, small enough that a
/// few chunks in flight cost little memory.
const CHUNK_BYTES: u64 = 1 << 20;
/// Chunks queued per worker, in each direction (to the workers and back).
const QUEUE_PER_WORKER: usize = 2;
/// Records of new evidence held before they go to the store (about 80 MB
/// of graph for news-sized sentences). Fewer batches mean fewer graph
/// sections superseded in the file, each of which is rewritten whole.
const BATCH_RECORDS: usize = 250_000;

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
    /// Worker threads for extraction (default: one per core); the articles
    /// of one corpus are shared among them. `--jobs 1` reads, extracts and
    /// merges on one thread.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Records of new evidence held before they go to the store (default
    /// 250,000); hidden, for tests that need many batches from a small corpus.
    #[arg(long, value_name = "N", hide = true)]
    pub batch_records: Option<usize>,
}

/// One article's extraction, its claims handed to the sink (the extractor's
/// [`crate::extract::Extractor::try_extract_each`]; tests pass others). Workers share it.
type Extract<'a> =
    dyn Fn(&Article, &mut dyn FnMut(Claim)) -> Result<usize, ExtractionFailed> + Sync + 'a;

pub(super) fn run(
    store: &Path,
    gazetteer_file: Option<&Path>,
    args: IngestArgs,
) -> anyhow::Result<ExitCode> {
    if args.jobs == Some(0) {
        anyhow::bail!("--jobs 0: give at least one worker thread");
    }
    if args.batch_records == Some(0) {
        anyhow::bail!("--batch-records 0: give at least one record");
    }
    crate::extract::isolate::install_panic_hook();
    bound_malloc_caches();
    let extractor = extractor(gazetteer_file)?;
    let options = ReadOptions {
        lang: args.lang.code(),
        date: args.date,
        stdin: input::StdinInput::Auto,
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    let (files, failed) = input::expand(&args.paths);
    let size: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let progress = ProgressBar::new(size);
    progress.set_style(
        ProgressStyle::with_template(
            "{spinner} {bytes}/{total_bytes} [{bar:30}] {elapsed} eta {eta} {msg}",
        )
        .expect("the progress template is valid")
        .progress_chars("=> "),
    );
    // Extraction fills a graph of its own before the store is locked, so a slow
    // article never blocks another writer; the lock is then held from load to
    // save, so concurrent writers cannot lose each other's updates.
    let extract = |a: &Article, sink: &mut dyn FnMut(Claim)| extractor.try_extract_each(a, sink);
    let reader = Reader::new(files, options.clone());
    let mut stored = Stored::default();
    let mut flush = |batch| stored.add(store, batch);
    let mut batches = Batches {
        limit: args.batch_records.unwrap_or(BATCH_RECORDS),
        flush: &mut flush,
    };
    let (rest, tally) = extract_all(
        &extract,
        reader,
        options.lang,
        jobs,
        &progress,
        &mut batches,
    );
    progress.finish_and_clear();
    stored.add(store, rest);
    let added = stored.finish()?;
    let skipped = failed + tally.skipped;
    eprintln!(
        "diplograph: {}: {} articles, {} sentences read, {} claims; \
         {} new actors, {} new relations, {} new evidence{}",
        store.display(),
        tally.articles,
        tally.sentences,
        tally.claims,
        added.new_actors,
        added.new_edges,
        added.new_evidence,
        if skipped > 0 {
            format!("; {skipped} inputs skipped (see above)")
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

/// Where the merged graph goes once it holds `limit` records (see the module
/// docs).
struct Batches<'f> {
    limit: usize,
    flush: &'f mut dyn FnMut(KnowledgeGraph),
}

impl Batches<'_> {
    /// Hands `graph` on, leaving it empty, once it is full.
    fn check(&mut self, graph: &mut KnowledgeGraph) {
        if graph.evidence_count() >= self.limit {
            (self.flush)(std::mem::replace(graph, KnowledgeGraph::new()));
        }
    }
}

/// What the batches written so far added to the store, or the first error:
/// after one, later batches are dropped (extraction runs on to the end of
/// the input, since the workers stop only when it does).
#[derive(Default)]
struct Stored {
    added: crate::graph::MergeOutcome,
    error: Option<anyhow::Error>,
}

impl Stored {
    /// Writes `batch` to the store, holding its lock for that write only.
    fn add(&mut self, store: &Path, batch: KnowledgeGraph) {
        if self.error.is_some() || (batch.article_count() == 0 && self.written()) {
            return;
        }
        let result = super::lock_store(store).and_then(|w| super::add_to_store(&w, batch));
        match result {
            Ok(a) => {
                self.added.new_actors += a.new_actors;
                self.added.new_edges += a.new_edges;
                self.added.new_evidence += a.new_evidence;
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Whether a batch has gone to the store (an empty one is written only
    /// when it is the only one, so that the store exists after a run).
    fn written(&self) -> bool {
        self.added.new_evidence > 0 || self.added.new_actors > 0
    }

    fn finish(self) -> anyhow::Result<crate::graph::MergeOutcome> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.added),
        }
    }
}

/// One thing read from the inputs, in input order.
enum Item {
    /// An article and where it came from (`FILE` or `FILE:LINE`).
    Article { article: Article, place: String },
    /// An input reported and skipped: a file that cannot be read, a corpus
    /// line that is no record. The message names it.
    Skipped(String),
}

/// Every article of every file, in order, with the reports of what could not
/// be read in between, each with the bytes of input it took.
struct Reader {
    files: std::vec::IntoIter<PathBuf>,
    options: ReadOptions,
    current: Option<Articles>,
    /// Bytes of the current file counted so far.
    counted: u64,
    queue: VecDeque<(Item, u64)>,
}

impl Reader {
    fn new(files: Vec<PathBuf>, options: ReadOptions) -> Self {
        Reader {
            files: files.into_iter(),
            options,
            current: None,
            counted: 0,
            queue: VecDeque::new(),
        }
    }
}

impl Iterator for Reader {
    type Item = (Item, u64);

    fn next(&mut self) -> Option<(Item, u64)> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            let Some(articles) = &mut self.current else {
                let file = self.files.next()?;
                match input::open_articles(&file, &self.options) {
                    Ok(mut articles) => {
                        articles.hold_reports();
                        self.current = Some(articles);
                        self.counted = 0;
                    }
                    Err(e) => return Some((Item::Skipped(format!("{e:#}; skipped")), 0)),
                }
                continue;
            };
            let article = articles.next();
            let reports = articles.take_reports();
            self.queue
                .extend(reports.into_iter().map(|r| (Item::Skipped(r), 0)));
            let read = articles.bytes_read();
            let bytes = read - self.counted;
            self.counted = read;
            match article {
                Some(article) => {
                    let place = articles.place();
                    self.queue
                        .push_back((Item::Article { article, place }, bytes));
                }
                None => self.current = None,
            }
        }
    }
}

/// What extraction counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    articles: usize,
    sentences: usize,
    claims: usize,
    /// Inputs reported and skipped: files, corpus lines, articles whose
    /// extraction failed.
    skipped: usize,
    /// Bytes of input behind the items counted.
    bytes: u64,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.articles += other.articles;
        self.sentences += other.sentences;
        self.claims += other.claims;
        self.skipped += other.skipped;
        self.bytes += other.bytes;
    }
}

/// Keeps glibc's malloc from holding freed memory for reuse beyond the
/// graph: by default it gives each thread an arena of its own (up to eight
/// per core) and, once a big buffer is freed, serves ever bigger ones from
/// the arenas instead of fresh pages. Freed there, the chunk graphs the
/// workers built and the main thread merged stayed in the process: at 1 GB
/// of text `--jobs 2` peaked at 196 to 215 MiB for a heap peak of 134 MB.
/// Two arenas, and buffers of 4 MiB and more on their own pages (returned
/// when freed), bound it by the graph. Other allocators need no such hint.
fn bound_malloc_caches() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets two of the allocator's tunables; it is
    // called before any thread of ours exists, and a refused value (a 0
    // return) leaves glibc's default, which is correct, only larger.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
    }
}

/// Extracts every item into one graph, handed to `batches` whenever it is
/// full: on this thread for `jobs == 1`, else on `jobs` workers fed by a
/// reader thread (see the module docs). Returns what is left of the graph.
/// Reports go to stderr in input order either way, around the progress bar.
fn extract_all(
    extract: &Extract<'_>,
    items: impl Iterator<Item = (Item, u64)> + Send,
    lang: Option<crate::model::Lang>,
    jobs: usize,
    progress: &ProgressBar,
    batches: &mut Batches<'_>,
) -> (KnowledgeGraph, Tally) {
    let mut report = |m: String| progress.suspend(|| eprintln!("diplograph: {m}"));
    let mut graph = KnowledgeGraph::new();
    let mut tally = Tally::default();
    if jobs <= 1 {
        for (item, bytes) in items {
            extract_item(extract, item, lang, &mut graph, &mut tally, &mut report);
            tally.bytes += bytes;
            progress.inc(bytes);
            batches.check(&mut graph);
        }
        return (graph, tally);
    }
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Chunk>(jobs * QUEUE_PER_WORKER);
    let chunk_rx = Mutex::new(chunk_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<Done>(jobs * QUEUE_PER_WORKER);
    std::thread::scope(|s| {
        s.spawn(move || read_chunks(items, &chunk_tx));
        for _ in 0..jobs {
            let (chunk_rx, done_tx) = (&chunk_rx, done_tx.clone());
            s.spawn(move || {
                loop {
                    let next = chunk_rx
                        .lock()
                        .expect("a worker holds the lock only to receive")
                        .recv();
                    let Ok(chunk) = next else { break };
                    if done_tx.send(extract_chunk(extract, chunk, lang)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut in_order = InOrder::default();
        for done in done_rx {
            graph.merge_owned(done.graph);
            tally += done.tally;
            progress.inc(done.tally.bytes);
            in_order.put(done.seq, done.reports, &mut report);
            progress.suspend(|| batches.check(&mut graph));
        }
    });
    (graph, tally)
}

/// Consecutive items of the input, numbered in input order.
struct Chunk {
    seq: u64,
    items: Vec<Item>,
    bytes: u64,
}

/// What a worker made of one chunk.
struct Done {
    seq: u64,
    graph: KnowledgeGraph,
    tally: Tally,
    /// Messages, in the chunk's order, not yet printed.
    reports: Vec<String>,
}

/// The reader thread: cuts the items into chunks and queues them until the
/// input ends (or every worker is gone).
fn read_chunks(items: impl Iterator<Item = (Item, u64)>, to_workers: &mpsc::SyncSender<Chunk>) {
    let mut chunk = Chunk {
        seq: 0,
        items: Vec::with_capacity(CHUNK_ITEMS),
        bytes: 0,
    };
    for (item, bytes) in items {
        chunk.items.push(item);
        chunk.bytes += bytes;
        if chunk.items.len() >= CHUNK_ITEMS || chunk.bytes >= CHUNK_BYTES {
            let next = Chunk {
                seq: chunk.seq + 1,
                items: Vec::with_capacity(CHUNK_ITEMS),
                bytes: 0,
            };
            if to_workers
                .send(std::mem::replace(&mut chunk, next))
                .is_err()
            {
                return;
            }
        }
    }
    if !chunk.items.is_empty() {
        // The workers only go away once this sender is dropped.
        let _ = to_workers.send(chunk);
    }
}

fn extract_chunk(extract: &Extract<'_>, chunk: Chunk, lang: Option<crate::model::Lang>) -> Done {
    let mut done = Done {
        seq: chunk.seq,
        graph: KnowledgeGraph::new(),
        tally: Tally {
            bytes: chunk.bytes,
            ..Tally::default()
        },
        reports: Vec::new(),
    };
    for item in chunk.items {
        let reports = &mut done.reports;
        extract_item(
            extract,
            item,
            lang,
            &mut done.graph,
            &mut done.tally,
            &mut |m| reports.push(m),
        );
    }
    done
}

/// Reports of chunks that may finish out of order, printed in input order:
/// a chunk's are held until every earlier chunk's are out.
#[derive(Default)]
struct InOrder {
    next: u64,
    held: BTreeMap<u64, Vec<String>>,
}

impl InOrder {
    fn put(&mut self, seq: u64, reports: Vec<String>, print: &mut dyn FnMut(String)) {
        self.held.insert(seq, reports);
        while let Some(reports) = self.held.remove(&self.next) {
            reports.into_iter().for_each(&mut *print);
            self.next += 1;
        }
    }
}

/// Extracts one article's claims into `graph` (or counts a skipped input);
/// an article whose extraction fails is reported and counted as skipped.
fn extract_item(
    extract: &Extract<'_>,
    item: Item,
    lang: Option<crate::model::Lang>,
    graph: &mut KnowledgeGraph,
    tally: &mut Tally,
    report: &mut dyn FnMut(String),
) {
    let (article, place) = match item {
        Item::Article { article, place } => (article, place),
        Item::Skipped(message) => {
            report(message);
            tally.skipped += 1;
            return;
        }
    };
    if let Some(w) = input::lang_warning(lang, &article) {
        report(format!("{place}: {w}"));
    }
    // The text's hash tells two versions of one article id apart (a
    // re-fetched page keeps its url, so its id).
    let version = u64::from_str_radix(&content_id(&article.text).0, 16).unwrap_or(1);
    // Another version of this article is in the graph already: read this one
    // into a graph of its own, so that merging keeps one version's evidence,
    // by the same rule whichever graph (chunk, thread) each version went to.
    let mut own = graph
        .article_version(&article.id)
        .is_some_and(|v| v != version && v != 0)
        .then(KnowledgeGraph::new);
    let into = own.as_mut().unwrap_or(&mut *graph);
    let mut insert = |claim: Claim| {
        tally.claims += 1;
        into.insert_claim(&claim);
    };
    match extract(&article, &mut insert) {
        Ok(n) => {
            tally.articles += 1;
            tally.sentences += n;
            into.set_article_info(
                &article.id,
                article.date,
                Some(crate::extract::article_lang(&article).as_str()),
                version,
            );
        }
        Err(e) => {
            report(format!("{place}: {e}; skipped"));
            tally.skipped += 1;
        }
    }
    if let Some(own) = own {
        graph.merge_owned(own);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Extractor, isolate};

    /// Extraction as `ingest` runs it, except that an article whose text says
    /// BOOM panics inside the rules.
    fn extract_or_boom(
        extractor: &Extractor,
        a: &Article,
        sink: &mut dyn FnMut(Claim),
    ) -> Result<usize, ExtractionFailed> {
        let boom = a.text.contains("BOOM");
        let n = extractor.try_extract_each(a, sink)?;
        isolate::isolated(|| assert!(!boom, "a rule broke"))?;
        Ok(n)
    }

    fn ingest(files: &[PathBuf], jobs: usize) -> (KnowledgeGraph, Tally) {
        let extractor = Extractor::new(crate::gazetteer::Gazetteer::builtin());
        let extract =
            |a: &Article, sink: &mut dyn FnMut(Claim)| extract_or_boom(&extractor, a, sink);
        let reader = Reader::new(files.to_vec(), ReadOptions::default());
        let mut batches = Batches {
            limit: usize::MAX,
            flush: &mut |_| unreachable!("no batch is full"),
        };
        extract_all(
            &extract,
            reader,
            None,
            jobs,
            &ProgressBar::hidden(),
            &mut batches,
        )
    }

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
        for jobs in [1, 2] {
            let (graph, tally) = ingest(std::slice::from_ref(&corpus), jobs);
            assert_eq!((tally.articles, tally.skipped), (2, 1), "--jobs {jobs}");
            assert_eq!(graph.article_count(), 2, "--jobs {jobs}");
            assert_eq!(tally.claims, 2, "--jobs {jobs}");
        }
    }

    // See: issue 12, item 5
    #[test]
    fn workers_build_the_graph_one_thread_builds() {
        isolate::install_panic_hook();
        let dir = tempfile::tempdir().unwrap();
        let texts = [
            "Japan imposed sanctions on Russia.",
            "China and Russia held a summit in Beijing.",
            "North Korea supplied missiles to Russia.",
            "日本政府は、ロシアに対する制裁を発表した。",
            "BOOM",
        ];
        // More articles than a chunk holds, a bad line, a bad file, a
        // re-fetched article (one id, two texts) and a second corpus.
        let mut big = String::new();
        for i in 0..(3 * CHUNK_ITEMS) {
            let text = texts[i % texts.len()];
            big.push_str(&format!(
                "{{\"id\":\"a{}\",\"text\":\"{text}\"}}\n",
                i % 149
            ));
            if i == 70 {
                big.push_str("not json\n");
            }
        }
        let first = dir.path().join("big.jsonl");
        std::fs::write(&first, big).unwrap();
        let second = dir.path().join("small.jsonl");
        std::fs::write(&second, "{\"id\":\"z\",\"text\":\"Iran warned Israel.\"}\n").unwrap();
        let files = [first, dir.path().join("missing.jsonl"), second];
        let one = ingest(&files, 1);
        assert!(one.1.articles > 100 && one.1.skipped > 3, "{:?}", one.1);
        for jobs in [2, 3] {
            assert!(
                ingest(&files, jobs) == one,
                "--jobs {jobs} differs from --jobs 1"
            );
        }
    }

    #[test]
    fn batches_handed_on_as_the_graph_fills_add_up_to_the_one_graph() {
        // See: issue 12 (item 5)
        let dir = tempfile::tempdir().unwrap();
        let mut corpus = String::new();
        for i in 0..(3 * CHUNK_ITEMS) {
            let pair = ["Japan imposed sanctions on Russia.", "Iran warned Israel."];
            corpus.push_str(&format!(
                "{{\"id\":\"a{i}\",\"text\":\"{}\"}}\n",
                pair[i % 2]
            ));
        }
        let file = dir.path().join("c.jsonl");
        std::fs::write(&file, corpus).unwrap();
        let (one, _) = ingest(std::slice::from_ref(&file), 2);
        let extractor = Extractor::new(crate::gazetteer::Gazetteer::builtin());
        let extract =
            |a: &Article, sink: &mut dyn FnMut(Claim)| extractor.try_extract_each(a, sink);
        for jobs in [1, 2] {
            let mut handed = Vec::new();
            let mut batches = Batches {
                limit: 10,
                flush: &mut |g| handed.push(g),
            };
            let reader = Reader::new(vec![file.clone()], ReadOptions::default());
            let (rest, _) = extract_all(
                &extract,
                reader,
                None,
                jobs,
                &ProgressBar::hidden(),
                &mut batches,
            );
            // One check per article on one thread, per chunk of articles on two.
            assert!(handed.len() > 1, "--jobs {jobs}: {} batches", handed.len());
            assert!(handed.iter().all(|g| g.evidence_count() >= 10));
            let mut all = rest;
            for g in handed {
                all.merge_owned(g);
            }
            assert!(
                all == one,
                "--jobs {jobs}: the batches differ from one graph"
            );
        }
    }

    #[test]
    fn reports_of_chunks_done_out_of_order_come_out_in_input_order() {
        let mut out = Vec::new();
        let mut in_order = InOrder::default();
        let mut print = |m: String| out.push(m);
        in_order.put(2, vec!["c".into()], &mut print);
        in_order.put(1, vec![], &mut print);
        in_order.put(0, vec!["a".into(), "b".into()], &mut print);
        in_order.put(3, vec!["d".into()], &mut print);
        assert_eq!(out, ["a", "b", "c", "d"]);
    }
}
