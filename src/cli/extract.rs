//! `diplograph extract PATH...`: claims only, no store. With `--format jsonl`
//! this is the claim contract (README, "The JSONL claim format") that the
//! evaluation reads; with `--format parquet -o DIR`, the claims table
//! partitioned by month.
//!
//! Extraction is a map step: `extract -` reads a JSONL corpus on stdin record
//! by record and writes each article's claims as soon as they are read, so an
//! engine that pipes records through a program (Spark's `RDD.pipe`, `xargs
//! -P`, a Slurm array) runs it per partition in bounded memory.
#![allow(clippy::print_stderr)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use super::input::{self, ReadOptions, StdinInput};
use super::parquet_files::PartitionedClaims;
use super::{Lang, extractor};
use crate::export::jsonl::claim_to_line;
use crate::export::parquet::ClaimRow;
use crate::model::{Claim, Date};

/// Arguments of `extract`.
#[derive(Debug, Parser)]
#[command(after_long_help = "\
Examples:
  diplograph extract --format table article.txt
  diplograph extract --format parquet -o claims/ corpus.jsonl   claims/month=YYYY-MM/part-0.parquet
  cat corpus.jsonl | diplograph extract - > claims.jsonl       a map step: one record in, its claims out
  ls shard-* | xargs -P 4 -I{} sh -c 'diplograph extract - < {} > out/{}.jsonl'")]
pub struct ExtractArgs {
    /// Articles: plain text or Markdown files, HTML pages, JSONL corpora
    /// ({id, title, date, url, lang, text} per line), directories (read
    /// recursively), or `-` for stdin (see --input).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output: `jsonl` (one claim per line, the contract), `table` (for
    /// people) or `parquet` (the claims table, partitioned by month, in -o DIR).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// Write here instead of stdout; for `parquet`, a new or empty directory
    /// that receives month=YYYY-MM/part-0.parquet (required).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// What `-` reads: `auto` takes a JSONL corpus when the first non-blank
    /// byte is `{`, else one article; `jsonl` a corpus; `text` one article.
    #[arg(long, value_enum, default_value_t = StdinInput::Auto)]
    pub input: StdinInput,
    /// Language of the articles; `auto` decides per sentence by script.
    #[arg(long, value_enum, default_value_t = Lang::Auto)]
    pub lang: Lang,
    /// Date (YYYY-MM-DD) for articles that carry none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<Date>,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractFormat {
    /// One JSON claim per line (the claim contract, see README).
    Jsonl,
    /// Aligned columns for reading.
    Table,
    /// The claims table of `export parquet` (Hive-partitioned by month) in -o DIR.
    Parquet,
}

/// Where the claims go.
enum Output {
    /// Lines (JSONL or table rows) to stdout or a file, flushed per article.
    Lines(ExtractFormat, Box<dyn Write>),
    /// The partitioned claims table.
    Parquet(PartitionedClaims),
}

impl Output {
    fn open(args: &ExtractArgs) -> anyhow::Result<Output> {
        let to = args.output.as_deref().filter(|p| p.as_os_str() != "-");
        if args.format == ExtractFormat::Parquet {
            let Some(dir) = to else {
                anyhow::bail!(
                    "--format parquet writes a folder of partitions; give a directory with -o DIR"
                );
            };
            return Ok(Output::Parquet(PartitionedClaims::create(dir)?));
        }
        let mut out: Box<dyn Write> = match to {
            Some(path) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(path)
                    .with_context(|| format!("{}: cannot create", path.display()))?,
            )),
            None => Box::new(std::io::BufWriter::new(std::io::stdout())),
        };
        if args.format == ExtractFormat::Table {
            writeln!(
                out,
                "{:<24} {:<20} {:<24} flags  sentence",
                "source", "relation", "target"
            )?;
        }
        Ok(Output::Lines(args.format, out))
    }

    fn claim(&mut self, claim: Claim) -> anyhow::Result<()> {
        match self {
            Output::Lines(ExtractFormat::Table, out) => writeln!(out, "{}", table_row(&claim))?,
            Output::Lines(_, out) => writeln!(out, "{}", claim_to_line(&claim))?,
            Output::Parquet(parts) => parts.push(&ClaimRow::of(&claim, None))?,
        }
        Ok(())
    }

    /// After each article: a pipe's reader gets its claims while the input
    /// goes on (a Parquet file is only readable once finished anyway).
    fn article_done(&mut self) -> anyhow::Result<()> {
        if let Output::Lines(_, out) = self {
            out.flush()?;
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Output::Lines(_, mut out) => out.flush()?,
            Output::Parquet(parts) => {
                parts.finish()?;
            }
        }
        Ok(())
    }
}

pub(super) fn run(gazetteer_file: Option<&Path>, args: ExtractArgs) -> anyhow::Result<ExitCode> {
    crate::extract::isolate::install_panic_hook();
    if args.input != StdinInput::Auto && !args.paths.iter().any(|p| p.as_os_str() == "-") {
        anyhow::bail!("--input: says what `-` (stdin) holds; give `-` among the paths");
    }
    let extractor = extractor(gazetteer_file)?;
    let options = ReadOptions {
        lang: args.lang.code(),
        date: args.date,
        stdin: args.input,
    };
    let (files, mut failed) = input::expand(&args.paths);
    let mut out = Output::open(&args)?;
    for file in &files {
        failed += extract_file(&extractor, file, &options, &mut out)?;
    }
    out.finish()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts every article of one file into `out`; returns what was skipped
/// (the file, bad records, articles the extractor failed on).
fn extract_file(
    extractor: &crate::extract::Extractor,
    file: &Path,
    options: &ReadOptions,
    out: &mut Output,
) -> anyhow::Result<usize> {
    // One article at a time: a corpus is never held whole.
    let mut articles = match input::open_articles(file, options) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("diplograph: {e:#}; skipped");
            return Ok(1);
        }
    };
    let mut failed = 0;
    while let Some(article) = articles.next() {
        if let Some(w) = input::lang_warning(options.lang, &article) {
            eprintln!("diplograph: {}: {w}", articles.place());
        }
        // Claims are written as they come, so a long article needs no more
        // memory than its longest sentence; the first write error stops it.
        let mut written: anyhow::Result<()> = Ok(());
        let mut write = |claim: Claim| {
            if written.is_ok() {
                written = out.claim(claim);
            }
        };
        if let Err(e) = extractor.try_extract_each(&article, &mut write) {
            eprintln!("diplograph: {}: {e}; skipped", articles.place());
            failed += 1;
        }
        written?;
        out.article_done()?;
    }
    Ok(failed + articles.bad())
}

fn table_row(c: &Claim) -> String {
    let flags = format!(
        "{}{}{}",
        if c.negated { "N" } else { "-" },
        if c.hedged { "H" } else { "-" },
        if c.attributed_to.is_empty() { "-" } else { "A" }
    );
    let text: String = c.evidence.text.chars().take(60).collect();
    format!(
        "{:<24} {:<20} {:<24} {flags}    {}: {text}",
        c.source.id.as_str(),
        c.relation.as_str(),
        c.target.id.as_str(),
        c.evidence.sentence
    )
}
