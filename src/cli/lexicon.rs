//! `diplograph lexicon check [FILE...]`: validates lexicon files (cue words,
//! roles, flag words) the way the extractor does when it loads them; with no
//! file, the built-in lexicons.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use super::Lang;
use crate::extract::lexicon::{self, LexiconSummary};

/// Arguments of `lexicon`.
#[derive(Debug, Parser)]
pub struct LexiconArgs {
    /// What to do with lexicons.
    #[command(subcommand)]
    pub command: LexiconCommand,
}

/// The `lexicon` subcommands.
#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Check lexicon files (TOML, the schema of the built-in ones): an unknown
    /// field, a relation that is no ontology name, a part of speech or role
    /// the frames do not define, a word listed twice, each named with its
    /// file, cue and field. Exit code 2 when any file fails.
    Check(CheckArgs),
}

/// Arguments of `lexicon check`.
#[derive(Debug, Parser)]
pub struct CheckArgs {
    /// Lexicon files; none checks the built-in ones.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The language the files are for; `auto` reads it from the file's name
    /// (`en.toml`, `ja/lexicon.toml`).
    #[arg(long, value_enum, default_value_t = Lang::Auto)]
    pub lang: Lang,
}

pub(super) fn run(args: LexiconArgs) -> anyhow::Result<ExitCode> {
    let LexiconCommand::Check(args) = args.command;
    if args.files.is_empty() {
        for (lang, file, text) in lexicon::BUILTIN {
            report(file, &lexicon::check(lang, file, text)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut failed = false;
    for path in &args.files {
        match check_file(path, args.lang) {
            Ok(summary) => report(&path.display().to_string(), &summary),
            Err(e) => {
                eprintln!("diplograph: {e:#}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn report(file: &str, s: &LexiconSummary) {
    println!(
        "{file}: ok ({}, {} cues, {} cue words)",
        s.lang, s.cues, s.words
    );
}

fn check_file(path: &Path, lang: Lang) -> anyhow::Result<LexiconSummary> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{name}: cannot read the lexicon"))?;
    // A cue file (`--lexicon`) says its language; a whole lexicon does not.
    if text.lines().any(|l| l.trim_start().starts_with("lang")) {
        let user = lexicon::UserLexicon::parse(&name, &text)?;
        return Ok(lexicon::check_with_users(&[user])?);
    }
    let lang = match lang.code() {
        Some(l) => l,
        None => lang_from_name(path).with_context(|| {
            format!("{name}: cannot tell the lexicon's language from its name; pass --lang en or --lang ja")
        })?,
    };
    Ok(lexicon::check(lang, &name, &text)?)
}

/// `en.toml`, `my-ja.toml`, `ja/lexicon.toml`: a language code as the file's
/// stem, the end of its stem, or its folder.
fn lang_from_name(path: &Path) -> Option<crate::model::Lang> {
    let stem = path.file_stem()?.to_str()?;
    let folder = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|f| f.to_str());
    crate::model::Lang::ALL.into_iter().find(|l| {
        let code = l.as_str();
        stem == code
            || stem.ends_with(&format!("-{code}"))
            || stem.ends_with(&format!("_{code}"))
            || folder == Some(code)
    })
}
