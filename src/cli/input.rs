//! Reading articles from paths: files, directories (recursively), `-` (stdin),
//! JSONL corpora and HTML pages. A file that cannot be read is reported and
//! skipped; the caller's exit code records it.
#![allow(clippy::print_stderr)]

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::extract::article;
use crate::model::{Article, Date};

/// File extensions read from directories (explicit file paths are always read).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "html", "htm", "jsonl"];

/// Options that apply to every article read.
#[derive(Debug, Clone, Default)]
pub(super) struct ReadOptions {
    /// Declared language (`en`, `ja`) for articles that do not say.
    pub(super) lang: Option<String>,
    /// Date for articles that carry none.
    pub(super) date: Option<Date>,
}

/// The files behind the given paths: directories expanded recursively and
/// sorted, skipping hidden files, READMEs and gold files.
pub(super) fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, usize) {
    let mut out = Vec::new();
    let mut failed = 0;
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        if let Err(e) = walk(p, &mut out) {
            eprintln!(
                "diplograph: {}: cannot list the directory: {e}; skipped",
                p.display()
            );
            failed += 1;
        }
    }
    (out, failed)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            let readme = name.to_ascii_lowercase().starts_with("readme");
            if ARTICLE_EXTENSIONS.contains(&ext.as_str()) && !readme {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// The articles in one file (`-` = stdin): one per plain or HTML file, one per
/// line of a `.jsonl` corpus (bad lines are reported and counted).
pub(super) fn read_articles(
    path: &Path,
    options: &ReadOptions,
) -> anyhow::Result<(Vec<Article>, usize)> {
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("stdin: cannot read")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read the article"))?;
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: not UTF-8 text (byte {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        )
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut bad = 0;
    let mut articles = match ext.as_str() {
        "jsonl" => {
            let mut out = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match article::from_record(line) {
                    Ok(a) => out.push(a),
                    Err(e) => {
                        eprintln!("diplograph: {name}:{}: skipped: {e}", i + 1);
                        bad += 1;
                    }
                }
            }
            out
        }
        "html" | "htm" => vec![article::from_html(&text)],
        _ if text.trim_start().starts_with("<!DOCTYPE html")
            || text.trim_start().starts_with("<html") =>
        {
            vec![article::from_html(&text)]
        }
        _ => vec![article::from_plain(text)],
    };
    for a in &mut articles {
        if a.lang.is_none() {
            a.lang.clone_from(&options.lang);
        }
        if a.date.is_none() {
            a.date = options.date;
        }
    }
    Ok((articles, bad))
}
