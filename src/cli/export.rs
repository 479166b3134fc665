//! `diplograph export dot|json|graphml|gexf|csv|jsonl|parquet [-o FILE]`: the store, or the
//! part of it a focus and filters select, as a picture or a data file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::Context;
use clap::{Parser, ValueEnum};

use super::filter::FilterArgs;
use super::parquet_files::{OPEN_PARTS, PartitionedClaims, passes};
use super::{resolve_actor, write_output};
use crate::export::parquet::{self, ClaimRow, Month, ROW_GROUP_ROWS};
use crate::export::{self as formats, csv, dot, gexf, graphml, json, jsonl};
use crate::persist::{self, StoreFile};
use crate::query::{self, Selection};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT (render with `dot -Tsvg`, or `--svg FILE`).
    Dot,
    /// `{"nodes": [...], "edges": [...]}` with every attribute.
    Json,
    /// GraphML with typed attributes (Gephi, yEd, Cytoscape, networkx).
    Graphml,
    /// GEXF 1.2, Gephi's own format, with dynamic edges (one spell per
    /// evidence date) for Gephi's timeline.
    Gexf,
    /// Node and edge lists with neo4j-admin import headers: `-o DIR` writes
    /// DIR/nodes.csv and DIR/edges.csv (the directory is created).
    Csv,
    /// One JSON claim per line, as `import` reads (denials included, flagged).
    Jsonl,
    /// Parquet tables for DuckDB, Spark, DataFusion: `-o DIR` writes
    /// DIR/actors.parquet, DIR/edges.parquet and DIR/claims/ (every evidence
    /// record, partitioned by month: claims/month=2024-06/part-0.parquet).
    Parquet,
}

/// Graphviz layout engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Layout {
    /// Layered; fine up to a few hundred edges.
    Dot,
    /// Force-directed, fast on thousands of edges.
    Sfdp,
    /// Spring model.
    Neato,
    /// Radial.
    Twopi,
    /// Circular.
    Circo,
}

impl Layout {
    fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Sfdp => "sfdp",
            Layout::Neato => "neato",
            Layout::Twopi => "twopi",
            Layout::Circo => "circo",
        }
    }
}

/// Arguments of `export`.
#[derive(Debug, Parser)]
#[command(after_long_help = "\
Examples:
  diplograph export dot --focus PRK --depth 1 --svg prk.svg
  diplograph export graphml --relation sanctions,arms_supply -o weapons.graphml
  diplograph export csv --by-state -o neo4j/     writes neo4j/nodes.csv and neo4j/edges.csv
  neo4j-admin database import full --nodes=neo4j/nodes.csv --relationships=neo4j/edges.csv
  diplograph export parquet -o world/            actors, edges, claims/month=YYYY-MM/ for DuckDB, Spark")]
pub struct ExportArgs {
    /// What to write.
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// Write here instead of stdout; for `csv`, a directory that receives
    /// nodes.csv and edges.csv (required); for `parquet`, a directory that
    /// receives actors.parquet, edges.parquet and claims/ (required).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only this actor and those within --depth hops of it (any alias).
    #[arg(long, value_name = "ACTOR")]
    pub focus: Option<String>,
    /// Hops from --focus.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "focus")]
    pub depth: usize,
    /// Also render the DOT to this SVG file with Graphviz (`dot` only).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// The Graphviz layout (`dot` only); by default `dot`, or `sfdp` above
    /// 300 edges.
    #[arg(long, value_enum)]
    pub layout: Option<Layout>,
    /// Also write every evidence record (sentence, article id, title, url,
    /// date, flags): in JSON per edge, in GraphML and GEXF as a `records` JSON
    /// attribute, for CSV as DIR/evidence.csv.
    #[arg(long)]
    pub evidence: bool,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Loads the store, selects, renders, writes the bytes.
pub(super) fn run(store: &Path, args: ExportArgs) -> anyhow::Result<ExitCode> {
    if args.svg.is_some() && args.format != ExportFormat::Dot {
        anyhow::bail!("--svg: only `export dot` can be rendered; run `export dot --svg FILE`");
    }
    if args.layout.is_some() && args.format != ExportFormat::Dot {
        anyhow::bail!("--layout: only `export dot` has a layout");
    }
    if args.evidence
        && matches!(
            args.format,
            ExportFormat::Dot | ExportFormat::Jsonl | ExportFormat::Parquet
        )
    {
        anyhow::bail!(
            "--evidence: only json, graphml, gexf and csv add evidence records (jsonl and parquet hold every record already)"
        );
    }
    let parquet_dir = if args.format == ExportFormat::Parquet {
        let Some(dir) = args.output.as_deref().filter(|p| p.as_os_str() != "-") else {
            anyhow::bail!(
                "export parquet writes a folder (actors.parquet, edges.parquet, claims/); give a directory with -o DIR"
            );
        };
        Some(dir)
    } else {
        None
    };
    refuse_store_outputs(store, &args)?;
    let focus = args.focus.as_deref().map(resolve_actor).transpose()?;
    let mut filter = args.filter.to_filter()?;
    if matches!(args.format, ExportFormat::Jsonl | ExportFormat::Parquet) {
        // The claim contract carries the flag itself: a denial is data there.
        filter.include_negated = true;
    }
    let selection = Selection {
        filter,
        focus,
        depth: args.depth,
    };
    // Nothing to leave out: draw the store itself (no copy).
    let f = &selection.filter;
    let whole = selection.focus.is_none()
        && f.include_negated
        && !f.asserted_only
        && f.relations.is_empty()
        && f.excluded.is_empty()
        && f.roles.is_empty()
        && f.since.is_none()
        && f.until.is_none()
        && f.min_evidence <= 1
        && !f.by_state;
    // The whole store is read before anything is written, so a corrupt block
    // stops the export before its output; a selection reads what it keeps.
    let graph = match &selection.focus {
        Some(focus) => {
            let records = args.format != ExportFormat::Dot || f.reads_records();
            super::load_part(store, records, |o| {
                query::scope::within(o, &[focus], selection.depth)
            })?
        }
        _ => super::load_for_query(store, whole)?,
    };
    let graph = if whole {
        graph
    } else {
        let sub = select(&graph, &selection, args.format)?;
        // The selection read its records from the store's graph: a block
        // that did not check out shows there, not in the selection.
        super::evidence_ok(&graph)?;
        // Not held while the output is written: a focus on a dense store
        // can keep most of its edges.
        drop(graph);
        sub
    };
    super::evidence_ok(&graph)?;
    write_format(&graph, &args, parquet_dir)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the selected graph in the format asked for, where `args` says.
fn write_format(
    graph: &crate::graph::KnowledgeGraph,
    args: &ExportArgs,
    parquet_dir: Option<&Path>,
) -> anyhow::Result<()> {
    let options = export_options(graph, args.evidence)?;
    match args.format {
        ExportFormat::Csv => {
            let Some(dir) = args.output.as_deref().filter(|p| p.as_os_str() != "-") else {
                anyhow::bail!(
                    "export csv writes two files (nodes.csv, edges.csv); give a directory with -o DIR"
                );
            };
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
            write_output(
                Some(&dir.join("nodes.csv")),
                &csv::nodes_csv(graph, &options),
            )?;
            write_output(Some(&dir.join("edges.csv")), &csv::edges_csv(graph))?;
            if args.evidence {
                write_output(Some(&dir.join("evidence.csv")), &csv::evidence_csv(graph))?;
            }
        }
        ExportFormat::Dot => {
            let layout = args.layout.map(Layout::as_str);
            let bytes = dot::to_dot_with(graph, layout);
            let large = graph.edge_count() > dot::SFDP_ABOVE_EDGES;
            if large && args.layout.is_none() {
                eprintln!(
                    "diplograph: {} edges: drawn with layout=sfdp (dot would take minutes); narrow the picture with --focus ACTOR --depth 1, --relation R,..., --min-evidence N, or pick actors with `diplograph top`",
                    graph.edge_count()
                );
            }
            if args.output.is_some() || args.svg.is_none() {
                write_output(args.output.as_deref(), &bytes)?;
            }
            if let Some(svg) = &args.svg {
                let engine = layout.unwrap_or(if large { "sfdp" } else { "dot" });
                render_svg(engine, &bytes, svg)?;
            }
        }
        ExportFormat::Json => {
            write_output(args.output.as_deref(), &json::to_json(graph, &options))?
        }
        ExportFormat::Graphml => write_output(
            args.output.as_deref(),
            &graphml::to_graphml(graph, &options),
        )?,
        ExportFormat::Gexf => {
            write_output(args.output.as_deref(), &gexf::to_gexf(graph, &options))?
        }
        ExportFormat::Jsonl => {
            let records: Vec<_> = graph.records().collect();
            let bytes = jsonl::records_to_jsonl(records.iter().map(|(c, r)| (c, *r)));
            write_output(args.output.as_deref(), &bytes)?
        }
        ExportFormat::Parquet => {
            let dir = parquet_dir.expect("checked before loading");
            write_parquet(graph, dir)?;
        }
    }
    Ok(())
}

/// Rows `export parquet` buffers across months: four row groups.
const EXPORT_BUFFER: usize = 4 * ROW_GROUP_ROWS;

/// Writes DIR/actors.parquet, DIR/edges.parquet and the claims partitioned by
/// month under DIR/claims/ (which must be new or empty).
fn write_parquet(graph: &crate::graph::KnowledgeGraph, dir: &Path) -> anyhow::Result<()> {
    // Records come edge by edge, their months interleaved. They are written
    // in passes over the graph, each buffering a run of months whole, so
    // that each month is one file of full row groups and memory holds at
    // most EXPORT_BUFFER rows (a bigger month streams through by itself).
    let mut months: BTreeMap<Month, usize> = BTreeMap::new();
    for e in graph.edges_unsorted() {
        for v in e.evidence_unsorted() {
            *months.entry(Month::of(v.date)).or_default() += 1;
        }
    }
    let dir_claims = dir.join("claims");
    let mut claims = PartitionedClaims::with_limits(&dir_claims, OPEN_PARTS, EXPORT_BUFFER)?;
    for pass in passes(&months, OPEN_PARTS, EXPORT_BUFFER) {
        for e in graph.edges() {
            for v in e.evidence() {
                if pass.contains(&Month::of(v.date)) {
                    claims.push(&ClaimRow::of_evidence(&e, &v))?;
                }
            }
        }
    }
    claims.finish()?;
    let gazetteer = super::shared_gazetteer()?;
    let actors = parquet::actors_parquet(graph, gazetteer)
        .with_context(|| format!("{}: cannot encode the actors table", dir.display()))?;
    write_output(Some(&dir.join("actors.parquet")), &actors)?;
    let edges = parquet::edges_parquet(graph)
        .with_context(|| format!("{}: cannot encode the edges table", dir.display()))?;
    write_output(Some(&dir.join("edges.parquet")), &edges)
}

/// What `selection` keeps of `graph`: for DOT, which draws counts only,
/// without reading records when the filter allows.
fn select(
    graph: &crate::graph::KnowledgeGraph,
    selection: &Selection,
    format: ExportFormat,
) -> anyhow::Result<crate::graph::KnowledgeGraph> {
    if format == ExportFormat::Dot
        && let Some(counted) = query::subgraph_counted(graph, selection)?
    {
        return Ok(counted);
    }
    Ok(query::subgraph(graph, selection)?)
}

/// Japanese names from the gazetteer for the actors drawn, and whether to add
/// evidence records.
fn export_options(
    graph: &crate::graph::KnowledgeGraph,
    evidence: bool,
) -> anyhow::Result<formats::Options> {
    let gazetteer = super::shared_gazetteer()?;
    let names_ja = graph
        .actors()
        .filter_map(|a| {
            let e = gazetteer.get(&a.id)?;
            (!e.name_ja.is_empty()).then(|| (a.id.clone(), e.name_ja.clone()))
        })
        .collect();
    Ok(formats::Options { names_ja, evidence })
}

/// Refuses every output (`-o`, the two CSV files, `--svg`) that would overwrite
/// the store or its lock file, however the path is spelt, before anything is read.
fn refuse_store_outputs(store: &Path, args: &ExportArgs) -> anyhow::Result<()> {
    let mut outputs: Vec<(&str, PathBuf)> = Vec::new();
    if let Some(o) = args.output.as_deref().filter(|p| p.as_os_str() != "-") {
        outputs.push(("-o", o.to_owned()));
        if args.format == ExportFormat::Csv {
            outputs.push(("-o", o.join("nodes.csv")));
            outputs.push(("-o", o.join("edges.csv")));
            outputs.push(("-o", o.join("evidence.csv")));
        }
        if args.format == ExportFormat::Parquet {
            outputs.push(("-o", o.join("actors.parquet")));
            outputs.push(("-o", o.join("edges.parquet")));
        }
    }
    if let Some(svg) = &args.svg {
        outputs.push(("--svg", svg.clone()));
    }
    for (flag, out) in outputs {
        match persist::store_file_at(store, &out) {
            Some(StoreFile::Store) => anyhow::bail!(
                "{flag} {}: that is the store itself, and exporting onto it would destroy it; write to another file",
                out.display()
            ),
            Some(StoreFile::Lock) => anyhow::bail!(
                "{flag} {}: that is the lock file of the store {}; write to another file",
                out.display(),
                store.display()
            ),
            None => {}
        }
    }
    Ok(())
}

/// Runs a Graphviz engine on the DOT bytes and writes the SVG.
fn render_svg(engine: &str, dot_bytes: &[u8], svg: &Path) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut child = match Command::new(engine)
        .arg("-Tsvg")
        .arg("-o")
        .arg(svg)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
            "--svg: Graphviz `{engine}` is not installed; install the Debian package `graphviz` (apt-get install graphviz), or drop --svg and render the DOT elsewhere"
        ),
        Err(e) => return Err(e).with_context(|| format!("--svg: cannot run `{engine}`")),
    };
    child
        .stdin
        .take()
        .expect("stdin was piped")
        .write_all(dot_bytes)
        .with_context(|| format!("--svg: cannot feed `{engine}`"))?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        anyhow::bail!(
            "--svg: `{engine}` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}
