//! `diplograph extract PATH...`: claims only, no store. With `--format jsonl`
//! this is the claim contract (README, "The JSONL claim format") that the evaluation reads.
#![allow(clippy::print_stderr)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use super::input::{self, ReadOptions};
use super::{Lang, extractor};
use crate::export::jsonl::claim_to_line;
use crate::model::{Claim, Date};

/// Arguments of `extract`.
#[derive(Debug, Parser)]
pub struct ExtractArgs {
    /// Articles: plain text or Markdown files, HTML pages, JSONL corpora
    /// ({id, title, date, url, lang, text} per line), directories (read
    /// recursively), or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output: `jsonl` (one claim per line, the contract) or `table` (for people).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
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
}

pub(super) fn run(
    gazetteer_file: Option<&std::path::Path>,
    args: ExtractArgs,
) -> anyhow::Result<ExitCode> {
    crate::extract::isolate::install_panic_hook();
    let extractor = extractor(gazetteer_file)?;
    let options = ReadOptions {
        lang: args.lang.code(),
        date: args.date,
    };
    let (files, mut failed) = input::expand(&args.paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.format == ExtractFormat::Table {
        writeln!(
            out,
            "{:<24} {:<20} {:<24} flags  sentence",
            "source", "relation", "target"
        )?;
    }
    for file in &files {
        // One article at a time: a corpus is never held whole.
        let mut articles = match input::open_articles(file, &options) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("diplograph: {e:#}; skipped");
                failed += 1;
                continue;
            }
        };
        while let Some(article) = articles.next() {
            if let Some(w) = input::lang_warning(options.lang, &article) {
                eprintln!("diplograph: {}: {w}", articles.place());
            }
            // Claims are written as they come, so a long article needs no more
            // memory than its longest sentence; the first write error stops it.
            let mut written: std::io::Result<()> = Ok(());
            let mut write = |claim: Claim| {
                if written.is_ok() {
                    written = match args.format {
                        ExtractFormat::Jsonl => writeln!(out, "{}", claim_to_line(&claim)),
                        ExtractFormat::Table => writeln!(out, "{}", table_row(&claim)),
                    };
                }
            };
            if let Err(e) = extractor.try_extract_each(&article, &mut write) {
                eprintln!("diplograph: {}: {e}; skipped", articles.place());
                failed += 1;
            }
            written?;
        }
        failed += articles.bad();
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
