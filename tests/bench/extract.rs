//! Extraction throughput on news-shaped text: the team's sample corpus (most
//! sentences name actors and relations), English, Japanese, Korean and Chinese separately.
//! Reports bytes per second for full extraction and for mention finding alone.
//!
//! With `DIPLOGRAPH_BENCH_CORPUS=DIR` (the folder `make_corpus.py` of the
//! team's bench tools writes: `LANG.jsonl`, ~4 KB news-shaped articles), the
//! first 2 MB of each language is measured as well (`extract_LANG/news`):
//! the sample corpus is a few short articles, so its figure weighs the cost
//! per article more than news text does.
//!
//! Run: `cargo bench --bench extract`.
// criterion_group! generates undocumented items.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use diplograph::Article;
use diplograph::extract::{Extractor, article};
use diplograph::gazetteer::Gazetteer;

/// The corpus articles of one language, read once.
fn corpus(prefix: &str) -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("graphs/corpus exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(prefix) && name.ends_with(".txt")
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| article::from_plain(std::fs::read_to_string(p).expect("readable article")))
        .collect()
}

/// The first `NEWS_BYTES` of `DIR/LANG.jsonl`, when the variable names a
/// folder that holds it.
fn news(lang: &str) -> Option<Vec<Article>> {
    const NEWS_BYTES: usize = 2_000_000;
    let dir = std::env::var_os("DIPLOGRAPH_BENCH_CORPUS")?;
    let text = std::fs::read_to_string(Path::new(&dir).join(format!("{lang}.jsonl"))).ok()?;
    let mut bytes = 0;
    let articles = text
        .lines()
        .map(|line| article::from_record(line).expect("a make_corpus record"))
        .take_while(|a| {
            bytes += a.text.len();
            bytes <= NEWS_BYTES
        })
        .collect();
    Some(articles)
}

fn bench_language(c: &mut Criterion, extractor: &Extractor, lang: &str) {
    bench_articles(c, extractor, lang, "sample", corpus(&format!("{lang}-")));
    if let Some(articles) = news(lang) {
        bench_articles(c, extractor, lang, "news", articles);
    }
}

fn bench_articles(
    c: &mut Criterion,
    extractor: &Extractor,
    lang: &str,
    name: &str,
    articles: Vec<Article>,
) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let expected: usize = articles.iter().map(|a| extractor.extract(a).len()).sum();
    assert!(expected > 0, "the {lang} corpus yields claims");
    let mut group = c.benchmark_group(format!("extract_{lang}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| extractor.extract(black_box(a)).len())
                .sum();
            assert_eq!(n, expected);
        })
    });
    group.bench_function(format!("{name}_mentions"), |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| {
                    extractor
                        .gazetteer()
                        .find_mentions(black_box(&a.text))
                        .len()
                })
                .sum();
            assert!(n > 0);
        })
    });
    group.finish();
}

fn extraction(c: &mut Criterion) {
    let extractor = Extractor::new(Gazetteer::builtin());
    bench_language(c, &extractor, "en");
    bench_language(c, &extractor, "ja");
    bench_language(c, &extractor, "ko");
    bench_language(c, &extractor, "zh");
    c.bench_function("startup_gazetteer_and_lexicons", |b| {
        b.iter(|| black_box(Extractor::new(Gazetteer::builtin())))
    });
}

criterion_group!(benches, extraction);
criterion_main!(benches);
