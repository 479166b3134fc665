//! The command line: clap arguments, one short handler per subcommand (one file
//! each), all file, stdin and stdout I/O, and error context.
//!
//! Must not hold extraction, merge or query logic: handlers call `graph`,
//! `persist`, `query` and `export` and write what they return.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod actors;
mod articles;
mod compact;
mod completions;
mod export;
mod extract;
mod filter;
mod import;
mod ingest;
mod input;
mod lexicon;
mod merge;
mod ontology;
mod parquet_files;
mod path;
mod relations;
mod serve;
mod show;
mod stats;
mod timeline;
mod top;
mod who;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use std::sync::OnceLock;

use crate::gazetteer::Gazetteer;
use crate::model::{ActorId, ArticleId};
use crate::persist::StoreWriter;

/// Where the store lives unless `--store` or `DIPLOGRAPH_STORE` says otherwise.
pub const DEFAULT_STORE: &str = "graphs/world.dgraph";

const EXAMPLES: &str = "\
Examples:
  diplograph ingest graphs/corpus                   read articles (en, ja) into the store
  diplograph extract --format jsonl article.txt     claims only, no store (the JSONL contract)
  diplograph show ロシア                             one actor: names, aliases, offices
  diplograph import graphs/sample-claims.jsonl      merge claims into the store
  my-extractor | diplograph import -                claims from stdin
  diplograph stats                                  what the store holds
  diplograph relations ロシア 'North Korea' --evidence  actors by any alias, with sentences
  diplograph relations person:kim-jong-un --format json
  diplograph who sanctions --target Russia          who sanctions Russia?
  diplograph who arms_supply --source 北朝鮮         whom does North Korea arm?
  diplograph path Japan Israel --max-len 3          shortest chains of relations
  diplograph top 10 --by evidence --by-state        the most connected states
  diplograph timeline PRK RUS --since 2025-01-01    dated evidence, oldest first
  diplograph export dot --focus PRK --svg prk.svg   draw North Korea's neighbourhood
  diplograph export graphml -o world.graphml        for Gephi, yEd, Cytoscape
  diplograph merge a.dgraph b.dgraph -o ab.dgraph   merge two analysts' stores
  diplograph serve --open                           explore the store in the browser
  diplograph export dot -o graphs/world.dot         then: dot -Tsvg graphs/world.dot
  DIPLOGRAPH_STORE=my.dgraph diplograph stats       use another store

Exit codes: 0 success, 1 some input was skipped (see the messages), 2 error.";

/// diplograph: a knowledge-graph store for international relations.
///
/// Actors (states, organizations, groups, persons) joined by typed relations
/// (alliance, sanctions, arms_supply, visit ...), every edge keeping the
/// sentences that state, deny or hedge it.
#[derive(Debug, Parser)]
#[command(name = "diplograph", version, after_long_help = EXAMPLES)]
pub struct Args {
    /// The store file to read and write [default: graphs/world.dgraph].
    #[arg(long, global = true, env = "DIPLOGRAPH_STORE", value_name = "FILE")]
    pub store: Option<PathBuf>,
    /// A TOML file of actors and aliases to add to the built-in gazetteer.
    #[arg(
        long,
        global = true,
        env = "DIPLOGRAPH_GAZETTEER",
        value_name = "FILE.toml"
    )]
    pub gazetteer: Option<PathBuf>,
    /// A TOML file of cues to add to a language's built-in lexicon: a
    /// `lang = "en"` line, then `[[cue]]` entries in the built-in schema
    /// (`diplograph lexicon check FILE` checks one). Repeat for more files.
    #[arg(
        long,
        global = true,
        env = "DIPLOGRAPH_LEXICON",
        value_name = "FILE.toml"
    )]
    pub lexicon: Vec<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract claims from articles and merge them into the store.
    Ingest(ingest::IngestArgs),
    /// Extract claims from articles and print them (no store): the JSONL claim contract.
    Extract(extract::ExtractArgs),
    /// Merge claims in the JSONL claim format (see README) into the store.
    Import(import::ImportArgs),
    /// Merge stores into one (OUT keeps what it holds and gains the rest).
    Merge(merge::MergeArgs),
    /// Count actors by kind, relations, evidence and articles in the store.
    Stats(stats::StatsArgs),
    /// List the actors the gazetteer knows (built-in and --gazetteer FILE).
    Actors(actors::ActorsArgs),
    /// Show one actor: ids, names and aliases in both languages, offices.
    Show(show::ShowArgs),
    /// What is stored around one actor, or between two, with evidence counts.
    Relations(relations::RelationsArgs),
    /// Who does RELATION to whom: `who sanctions --target RUS`.
    Who(who::WhoArgs),
    /// The shortest chains of relations between two actors.
    Path(path::PathArgs),
    /// The most connected actors, by degree or evidence.
    Top(top::TopArgs),
    /// Dated evidence around an actor (or between two), oldest first.
    Timeline(timeline::TimelineArgs),
    /// The explorer: a local, read-only web page and JSON API over the store.
    Serve(serve::ServeArgs),
    /// Write the store (or a focus) as DOT, JSON, GraphML, GEXF, CSV, JSONL claims or Parquet tables.
    Export(export::ExportArgs),
    /// Check lexicon files (the extractor's cue words and flag words).
    Lexicon(lexicon::LexiconArgs),
    /// The articles the store was built from: id, date, language, claims, title, url.
    Articles(articles::ArticlesArgs),
    /// One article: what the store knows of it, its sentences and their claims.
    Article(articles::ArticleArgs),
    /// Take articles out of the store (their evidence, and edges left without any).
    Forget(articles::ForgetArgs),
    /// Rewrite the store as one commit, dropping what appends superseded.
    Compact(compact::CompactArgs),
    /// The relations of the ontology: direction, class, CAMEO and PLOVER codes, meaning.
    Ontology(ontology::OntologyArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff) to stdout.
    Man(completions::ManArgs),
}

/// Runs the program and returns its exit code: 0 success, 1 some input
/// skipped, 2 error (printed on one line). A closed stdout (`| head`) is success.
pub fn main() -> ExitCode {
    let args = Args::parse();
    let _ = EXITS_AFTER_RUN.set(());
    match run(args) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // The one printer of errors: whatever a corrupt file or an argument put
            // into the message cannot move the cursor, clear the screen or reorder
            // the line.
            eprintln!("diplograph: {}", escape_controls(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

/// Runs parsed arguments.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.store.as_deref().unwrap_or(Path::new(DEFAULT_STORE));
    let gazetteer_file = args.gazetteer.as_deref();
    if let Some(file) = gazetteer_file {
        // Check the user's file up front: a bad entry is an error, not a silent fallback.
        gazetteer(Some(file))?;
    }
    // Set once per process; a second `run` in the same process keeps the first.
    let _ = GAZETTEER_FILE.set(args.gazetteer.clone());
    // Cue files are read and checked up front, like the gazetteer file.
    let lexicons = args
        .lexicon
        .iter()
        .map(|path| crate::extract::lexicon::UserLexicon::read(path))
        .collect::<Result<Vec<_>, _>>()?;
    let _ = USER_LEXICONS.set(lexicons);
    match args.command {
        Command::Ingest(a) => ingest::run(store, gazetteer_file, a),
        Command::Extract(a) => extract::run(gazetteer_file, a),
        Command::Import(a) => import::run(store, gazetteer_file, a),
        Command::Merge(a) => merge::run(a),
        Command::Stats(a) => stats::run(store, a),
        Command::Actors(a) => actors::run(store, a),
        Command::Show(a) => show::run(store, a),
        Command::Relations(a) => relations::run(store, a),
        Command::Who(a) => who::run(store, a),
        Command::Path(a) => path::run(store, a),
        Command::Top(a) => top::run(store, a),
        Command::Timeline(a) => timeline::run(store, a),
        Command::Serve(a) => serve::run(store, a),
        Command::Export(a) => export::run(store, a),
        Command::Lexicon(a) => lexicon::run(a),
        Command::Articles(a) => articles::run(store, a),
        Command::Article(a) => articles::run_one(store, a),
        Command::Forget(a) => articles::run_forget(store, a),
        Command::Compact(a) => compact::run(store, a),
        Command::Ontology(a) => ontology::run(a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => completions::run_man(a),
    }
}

/// The language of input articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Decide per article by script: any kana is Japanese, Hangul Korean, Han
    /// without kana Chinese, else English.
    Auto,
    /// English.
    En,
    /// Japanese.
    Ja,
    /// Korean.
    Ko,
    /// Chinese, simplified or traditional.
    Zh,
}

impl Lang {
    /// The declared language, `None` for `auto`.
    fn code(self) -> Option<crate::model::Lang> {
        match self {
            Lang::Auto => None,
            Lang::En => Some(crate::model::Lang::En),
            Lang::Ja => Some(crate::model::Lang::Ja),
            Lang::Ko => Some(crate::model::Lang::Ko),
            Lang::Zh => Some(crate::model::Lang::Zh),
        }
    }
}

/// The built-in gazetteer, with the user's file merged over it when given.
fn gazetteer(file: Option<&Path>) -> anyhow::Result<crate::gazetteer::Gazetteer> {
    Ok(match file {
        Some(path) => crate::gazetteer::Gazetteer::with_user_file(path)?,
        None => crate::gazetteer::Gazetteer::builtin(),
    })
}

/// Whether a character must not reach the terminal raw: C0 and C1 controls, DEL,
/// and the marks that reorder bidirectional text.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with controls and bidi marks written as `\n`, `\t`, `\r` or `\u{1b}`
/// (as `char::escape_debug` does); everything else, Japanese included, as it is.
fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Takes the writer lock of the store; when another writer still holds it after
/// a second, says so on stderr and keeps waiting.
fn lock_store(store: &Path) -> anyhow::Result<StoreWriter> {
    Ok(StoreWriter::lock_or_wait(store, |s| {
        eprintln!(
            "diplograph: waiting for the lock on {} (held by another diplograph)",
            escape_controls(&s.display().to_string())
        );
    })?)
}

/// Saves a store under its lock. `leader_of` records without a role get the
/// office the gazetteer says (as [`load_for_query`] does for older stores),
/// because a format 3 store answers role questions from summaries written
/// now. A store of an older format is migrated, and the user told so once.
fn save_store(
    writer: &StoreWriter,
    graph: &mut crate::graph::KnowledgeGraph,
) -> anyhow::Result<()> {
    let gazetteer = shared_gazetteer()?;
    graph.fill_roles(|person, office, date| role_of(gazetteer, person, office, date));
    let saved = writer.save(graph)?;
    tell_migrated(writer, saved);
    Ok(())
}

/// Says, once, that a write turned an older store into this build's format.
fn tell_migrated(writer: &StoreWriter, saved: crate::persist::Saved) {
    if let Some(old) = saved.migrated_from {
        eprintln!(
            "diplograph: {}: migrated from store format {old} to {}",
            escape_controls(&writer.path().display().to_string()),
            crate::persist::FORMAT_VERSION
        );
    }
}

/// Adds a graph of newly read articles to the store, under its lock. A
/// format 3 store that holds none of them gets them appended (its records are
/// never read); an article it holds in the same version is left out, as the
/// same text gives the same claims. Otherwise the store is loaded, merged
/// into and saved.
fn add_to_store(
    writer: &StoreWriter,
    mut delta: crate::graph::KnowledgeGraph,
) -> anyhow::Result<crate::graph::MergeOutcome> {
    let ids: Vec<&ArticleId> = delta.article_rows().iter().map(|a| a.id).collect();
    if let Some(held) = writer.held_versions(ids)? {
        let same: Vec<ArticleId> = delta
            .article_rows()
            .iter()
            .filter(|a| a.version != 0 && held.get(a.id) == Some(&a.version))
            .map(|a| a.id.clone())
            .collect();
        if !same.is_empty() {
            delta = delta.without_articles(&same).0;
        }
        if delta.article_count() == 0 {
            return Ok(crate::graph::MergeOutcome::default());
        }
        let gazetteer = shared_gazetteer()?;
        delta.fill_roles(|person, office, date| role_of(gazetteer, person, office, date));
        if let Some(added) = writer.append(&delta)? {
            if added.compacted {
                eprintln!(
                    "diplograph: {}: compacted (superseded sections passed half the file)",
                    escape_controls(&writer.path().display().to_string())
                );
            }
            return Ok(crate::graph::MergeOutcome {
                new_actors: added.new_actors,
                new_edges: added.new_edges,
                new_evidence: added.new_evidence,
            });
        }
    }
    let mut graph = writer.load()?;
    let added = graph.merge_owned(delta);
    save_store(writer, &mut graph)?;
    Ok(added)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Set by [`main`]: the process ends once [`run`] returns, so what a
/// question built need not be freed (see [`leave_to_exit`]).
static EXITS_AFTER_RUN: OnceLock<()> = OnceLock::new();

/// Drops `value`, or in the binary leaves it to the end of the process, which
/// takes its memory back whole. Freeing a graph of read records and the rows
/// of an answer one allocation at a time is about 40 to 50 million
/// instructions for `timeline USA CHN` or `relations USA CHN --evidence` on a
/// store of 951,020 records, an eighth of each, spent just before exit. A
/// library caller of [`run`] (many questions in one process) frees as usual.
fn leave_to_exit<T>(value: T) {
    if EXITS_AFTER_RUN.get().is_some() {
        std::mem::forget(value);
    }
}

/// The users' cue files (`--lexicon`), read and checked; set once by [`run`].
static USER_LEXICONS: OnceLock<Vec<crate::extract::lexicon::UserLexicon>> = OnceLock::new();

/// The extractor over the gazetteer (with the user's file) and the lexicons
/// (with the users' cue files).
fn extractor(gazetteer_file: Option<&Path>) -> anyhow::Result<crate::extract::Extractor> {
    let users = USER_LEXICONS.get().map_or(&[][..], Vec::as_slice);
    Ok(crate::extract::Extractor::with_lexicons(
        gazetteer(gazetteer_file)?,
        users,
    )?)
}

/// The user's gazetteer file, when `--gazetteer` gave one; set once by [`run`].
static GAZETTEER_FILE: OnceLock<Option<PathBuf>> = OnceLock::new();

/// The gazetteer actor arguments are resolved with, built on first use.
fn shared_gazetteer() -> anyhow::Result<&'static Gazetteer> {
    static SHARED: OnceLock<Gazetteer> = OnceLock::new();
    if let Some(g) = SHARED.get() {
        return Ok(g);
    }
    let file = GAZETTEER_FILE.get().and_then(Option::as_deref);
    Ok(SHARED.get_or_init(|| gazetteer(file).unwrap_or_else(|_| Gazetteer::builtin())))
}

/// Resolves an actor argument to its canonical id: any alias in any language
/// (`ロシア`, `Russia`, `the Kremlin`, `プーチン`), case-insensitive, or a canonical
/// id (also ids the gazetteer does not know, such as actors imported from elsewhere).
/// An unknown name fails with "did you mean" suggestions.
pub fn resolve_actor(arg: &str) -> anyhow::Result<ActorId> {
    let gazetteer = shared_gazetteer()?;
    match gazetteer.resolve(arg) {
        Ok(entry) => Ok(entry.actor.id.clone()),
        Err(lookup) => {
            if let Ok(id) = ActorId::new(arg.trim()) {
                // `person:putin` is a truncated id, not an actor from elsewhere,
                // when the gazetteer knows persons whose id it begins.
                let prefix = format!("{id}-");
                let truncated = Some(gazetteer.suggest(id.as_str()))
                    .filter(|s| id.is_person() && s.iter().any(|s| s.starts_with(&prefix)));
                if let Some(suggestions) = truncated {
                    anyhow::bail!(
                        "actor argument: `{id}` is no person the gazetteer knows; did you mean {}?",
                        suggestions.join(", ")
                    );
                }
                return Ok(id);
            }
            Err(anyhow::Error::new(lookup)).context("actor argument")
        }
    }
}

/// The rule for questions about actors the store does not hold: an argument
/// that names no actor at all fails before this (exit 2, with suggestions); a
/// real actor with nothing stored gets an empty answer (exit 0), and stderr
/// says which actor is in no stored relation.
fn answer_or_empty<T: Default>(answer: Result<T, crate::query::QueryError>) -> anyhow::Result<T> {
    match answer {
        Ok(t) => Ok(t),
        Err(crate::query::QueryError::UnknownActor(id)) => {
            eprintln!("diplograph: {id} is in no stored relation");
            Ok(T::default())
        }
    }
}

/// Fails when a question read stored evidence that did not check out (a
/// block of the store file is corrupt): its answer would be short of records.
fn evidence_ok(graph: &crate::graph::KnowledgeGraph) -> anyhow::Result<()> {
    match graph.take_evidence_error() {
        Some(e) => Err(anyhow::anyhow!(e)),
        None => Ok(()),
    }
}

/// Loads a store for a question, `whole` or [opened](crate::persist::open)
/// so that the question reads only the records it looks at: `leader_of` records without a role (stores
/// and claims from before roles were kept) get the office the gazetteer says
/// the person held on the record's date.
fn load_for_query(store: &Path, whole: bool) -> anyhow::Result<crate::graph::KnowledgeGraph> {
    with_roles(if whole {
        crate::persist::load(store)?
    } else {
        crate::persist::open(store)?
    })
}

/// Loads the part of a store a question reads: every actor and the edges
/// `choose` picks from the store's index (see [`crate::query::scope`]),
/// with the article table when the question reads `records`. A store of
/// format 1 or 2 is [opened](crate::persist::open) whole.
fn load_part(
    store: &Path,
    records: bool,
    choose: impl FnOnce(&crate::graph::Adjacency) -> Vec<usize>,
) -> anyhow::Result<crate::graph::KnowledgeGraph> {
    let Some(section) = crate::persist::Section::open(store)? else {
        return load_for_query(store, false);
    };
    let graph = section.graph(&choose(section.index()), records)?;
    with_roles(graph)
}

/// Fills in the roles of `leader_of` records held without one (see
/// [`load_for_query`]).
fn with_roles(
    mut graph: crate::graph::KnowledgeGraph,
) -> anyhow::Result<crate::graph::KnowledgeGraph> {
    let gazetteer = shared_gazetteer()?;
    graph.fill_roles(|person, office, date| role_of(gazetteer, person, office, date));
    Ok(graph)
}

/// The role of `person`'s office of `office_of` on `date` (the latest such
/// office when undated or none covers the date), from the gazetteer.
fn role_of(
    gazetteer: &Gazetteer,
    person: &ActorId,
    office_of: &ActorId,
    date: Option<crate::model::Date>,
) -> Option<crate::model::Role> {
    let offices: Vec<_> = gazetteer
        .get(person)?
        .offices
        .iter()
        .filter(|o| o.office_of == *office_of)
        .collect();
    let day = date.map(|d| d.to_string());
    let covers = |o: &&&crate::gazetteer::Office| {
        day.as_deref().is_some_and(|d| {
            o.start.as_str() <= d && o.end.as_deref().is_none_or(|e| d <= e || d.starts_with(e))
        })
    };
    let office = offices
        .iter()
        .find(covers)
        .or_else(|| offices.iter().max_by(|a, b| a.start.cmp(&b.start)))?;
    Some(crate::model::Role::from_office(&office.role))
}

/// Writes bytes to a file (when given) or to stdout.
fn write_output(output: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match output {
        Some(path) if path.as_os_str() != "-" => {
            fs::write(path, bytes).with_context(|| format!("{}: cannot write", path.display()))
        }
        _ => {
            let mut out = io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn controls_and_bidi_marks_are_escaped_but_japanese_is_kept() {
        // See: issue 8
        assert_eq!(escape_controls("ロシア s.dgraph"), "ロシア s.dgraph");
        assert_eq!(
            escape_controls("a\u{1b}[31mb\nc\td\u{7f}\u{9b}\u{202e}e\u{2066}f"),
            "a\\u{1b}[31mb\\nc\\td\\u{7f}\\u{9b}\\u{202e}e\\u{2066}f"
        );
    }

    #[test]
    fn actor_arguments_accept_canonical_ids_and_lower_case_codes() {
        assert_eq!(resolve_actor("RUS").unwrap().as_str(), "RUS");
        assert_eq!(resolve_actor("nato").unwrap().as_str(), "NATO");
        assert_eq!(
            resolve_actor("person:kim-jong-un").unwrap().as_str(),
            "person:kim-jong-un"
        );
        assert_eq!(
            resolve_actor("Kim Jong Un").unwrap().as_str(),
            "person:kim-jong-un"
        );
        assert_eq!(resolve_actor("ロシア").unwrap().as_str(), "RUS");
        let err = format!("{:#}", resolve_actor("Rusia").unwrap_err());
        assert!(
            err.contains("unknown actor `Rusia`") && err.contains("did you mean"),
            "{err}"
        );
    }
}

/// Output format of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned text for people.
    Table,
    /// JSON for programs.
    Json,
}
