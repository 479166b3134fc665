//! `diplograph articles`, `diplograph article ID` and `diplograph forget
//! ARTICLE...`: what the store was built from, one article's claims, and taking
//! an article out.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::filter::QueryFormat;
use super::{resolve_actor, write_output};
use crate::export::csv::push_record;
use crate::model::{ArticleId, Date};
use crate::query::{self, ArticleFilter};

/// Arguments of `articles`.
#[derive(Debug, Parser)]
#[command(after_long_help = "\
Examples:
  diplograph articles
  diplograph articles --actor 北朝鮮 --since 2025-01-01
  diplograph articles --format csv > articles.csv")]
pub struct ArticlesArgs {
    /// Only articles with a claim about this actor (a state: also about the
    /// persons and bodies serving it).
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// Only articles dated on or after this day (the article's date, else its
    /// latest evidence date).
    #[arg(long, value_name = "DATE")]
    pub since: Option<Date>,
    /// Only articles dated on or before this day.
    #[arg(long, value_name = "DATE")]
    pub until: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

/// Lists the articles.
pub(super) fn run(store: &Path, args: ArticlesArgs) -> anyhow::Result<ExitCode> {
    let actor = args.actor.as_deref().map(resolve_actor).transpose()?;
    let graph = crate::persist::open(store)?;
    let rows = query::articles(
        &graph,
        &ArticleFilter {
            since: args.since,
            until: args.until,
            actor,
        },
    );
    super::evidence_ok(&graph)?;
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let text = match args.format {
        QueryFormat::Json => serde_json::to_string_pretty(&rows)? + "\n",
        QueryFormat::Csv => {
            let mut out = String::new();
            push_record(&mut out, &["id", "date", "lang", "claims", "title", "url"]);
            for r in &rows {
                push_record(
                    &mut out,
                    &[
                        r.id.to_string(),
                        r.date.map(|d| d.to_string()).unwrap_or_default(),
                        opt(&r.lang),
                        r.claims.to_string(),
                        opt(&r.title),
                        opt(&r.url),
                    ],
                );
            }
            out
        }
        QueryFormat::Table => {
            let mut t = String::new();
            if rows.is_empty() {
                writeln!(t, "no articles")?;
            } else {
                let w = rows.iter().map(|r| r.id.0.len()).max().unwrap_or(2).max(2);
                writeln!(t, "{:<w$}  {:<10}  lang  claims  title", "id", "date")?;
                for r in &rows {
                    let date = r.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
                    let url = r
                        .url
                        .as_deref()
                        .map(|u| format!("  <{u}>"))
                        .unwrap_or_default();
                    writeln!(
                        t,
                        "{:<w$}  {date:<10}  {:<4}  {:>6}  {}{url}",
                        r.id.0,
                        r.lang.as_deref().unwrap_or("-"),
                        r.claims,
                        r.title.as_deref().unwrap_or("-"),
                    )?;
                }
            }
            t
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `article`.
#[derive(Debug, Parser)]
pub struct ArticleArgs {
    /// The article's id, as `articles` and evidence lines (`[id#sentence]`) show it.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = super::OutputFormat::Table)]
    pub format: super::OutputFormat,
}

/// Shows one article and its claims, sentence by sentence.
pub(super) fn run_one(store: &Path, args: ArticleArgs) -> anyhow::Result<ExitCode> {
    let graph = super::load_for_query(store, false)?;
    let id = ArticleId(args.id.trim().to_owned());
    let found = query::article(&graph, &id);
    super::evidence_ok(&graph)?;
    let Some(a) = found else {
        anyhow::bail!("article `{id}` is not in the store; `diplograph articles` lists them");
    };
    let text = match args.format {
        super::OutputFormat::Json => serde_json::to_string_pretty(&a)? + "\n",
        super::OutputFormat::Table => {
            let s = &a.summary;
            let mut t = String::new();
            writeln!(t, "id      {}", s.id)?;
            writeln!(t, "title   {}", s.title.as_deref().unwrap_or("-"))?;
            writeln!(
                t,
                "date    {}",
                s.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
            )?;
            writeln!(t, "url     {}", s.url.as_deref().unwrap_or("-"))?;
            writeln!(t, "lang    {}", s.lang.as_deref().unwrap_or("-"))?;
            writeln!(t, "claims  {}", s.claims)?;
            let mut last = None;
            for c in &a.claim_list {
                let e = &c.evidence;
                if last != Some(e.sentence) {
                    writeln!(t, "#{} {}", e.sentence, e.text)?;
                    last = Some(e.sentence);
                }
                let arrow = if c.relation.is_symmetric() {
                    "<->"
                } else {
                    "-->"
                };
                let flag = match (e.negated, e.hedged) {
                    (true, _) => " DENIED",
                    (false, true) => " hedged",
                    _ => "",
                };
                let role = e.role.map(|r| format!(" ({r})")).unwrap_or_default();
                writeln!(
                    t,
                    "    {} {} {arrow} {}{role}{flag}",
                    c.source, c.relation, c.target
                )?;
            }
            t
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `forget`.
#[derive(Debug, Parser)]
#[command(after_long_help = "\
Examples:
  diplograph forget 753b89b7473a81e1
  diplograph articles --format csv | grep retracted | cut -d, -f1 | xargs diplograph forget")]
pub struct ForgetArgs {
    /// Article ids to take out of the store.
    #[arg(required = true, value_name = "ARTICLE")]
    pub ids: Vec<String>,
}

/// Takes articles out of the store: their evidence and sentences, then edges
/// left without evidence and actors left without edges.
pub(super) fn run_forget(store: &Path, args: ForgetArgs) -> anyhow::Result<ExitCode> {
    let ids: Vec<ArticleId> = args
        .ids
        .iter()
        .map(|s| ArticleId(s.trim().to_owned()))
        .collect();
    let writer = super::lock_store(store)?;
    let graph = writer.load()?;
    let held: std::collections::HashSet<&ArticleId> =
        graph.article_rows().into_iter().map(|a| a.id).collect();
    let missing: Vec<&ArticleId> = ids.iter().filter(|id| !held.contains(id)).collect();
    for id in &missing {
        eprintln!("diplograph: article `{id}` is not in the store; skipped");
    }
    let (mut after, forgotten) = graph.without_articles(&ids);
    if forgotten > 0 {
        super::save_store(&writer, &mut after)?;
    }
    eprintln!(
        "diplograph: {}: {forgotten} articles forgotten; {} evidence, {} relations, {} actors removed",
        store.display(),
        graph.evidence_count() - after.evidence_count(),
        graph.edge_count() - after.edge_count(),
        graph.actor_count() - after.actor_count(),
    );
    Ok(if missing.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
