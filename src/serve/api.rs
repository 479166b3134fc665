//! The JSON API: one function per route, each checking its parameters, asking
//! `query` (or the gazetteer, or `export::json` for the ego network's shape)
//! and adding only what the page draws with (colours, line styles, shapes,
//! article titles). Answers are bounded: depth, edges, evidence, rows.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::params::{ApiError, FILTER, Params, decode_segment, parse_relation};
use super::snapshot::Loaded;
use super::style;
use crate::export::json;
use crate::gazetteer::Gazetteer;
use crate::graph::{EdgeView, KnowledgeGraph};
use crate::model::{Actor, ActorId, Date, Relation};
use crate::query::{self, QueryError, Side};

/// Deepest ego network asked for.
const MAX_DEPTH: usize = 3;
/// Most edges an ego network may have before the request must be narrowed.
pub(super) const MAX_EGO_EDGES: usize = 20_000;
/// Most evidence sentences listed for one edge.
const MAX_EVIDENCE: usize = 500;
/// Most timeline rows returned.
const MAX_ROWS: usize = 2_000;
/// Most search hits.
const MAX_HITS: usize = 50;
/// Longest chain `path` looks for.
const MAX_PATH_LEN: usize = 6;

/// What a route may read: the loaded store and the gazetteer.
pub(super) struct Context<'a> {
    loaded: &'a Loaded,
    gazetteer: &'a Gazetteer,
}

impl<'a> Context<'a> {
    pub(super) fn new(loaded: &'a Loaded, gazetteer: &'a Gazetteer) -> Self {
        Context { loaded, gazetteer }
    }

    fn graph(&self) -> &'a KnowledgeGraph {
        &self.loaded.graph
    }

    /// An actor parameter: any alias in any language, or an id the store holds.
    fn resolve(&self, key: &str, raw: &str) -> Result<ActorId, ApiError> {
        match self.gazetteer.resolve(raw) {
            Ok(entry) => Ok(entry.actor.id.clone()),
            Err(lookup) => match ActorId::new(raw.trim()) {
                Ok(id) if self.graph().actor(&id).is_some() => Ok(id),
                _ => Err(ApiError::not_found(format!("{key}: {lookup}"))),
            },
        }
    }

    /// The id `id` counts as under the filter: its state with `by_state`.
    fn level(&self, id: &ActorId, by_state: bool) -> ActorId {
        match self.graph().actor(id) {
            Some(a) if by_state => a.state().clone(),
            _ => id.clone(),
        }
    }

    fn name_ja(&self, id: &ActorId) -> String {
        self.gazetteer
            .get(id)
            .map(|e| e.name_ja.clone())
            .unwrap_or_default()
    }
}

/// An actor the store holds nothing about is a 404.
fn unknown(e: QueryError) -> ApiError {
    match e {
        QueryError::UnknownActor(id) => {
            ApiError::not_found(format!("{id} is in no stored relation"))
        }
    }
}

fn params_of<'p>(p: &'p Params, own: &[&str], filter: bool) -> Result<&'p Params, ApiError> {
    let mut known = own.to_vec();
    if filter {
        known.extend(FILTER);
    }
    p.only(&known)
}

/// Answers one API route, as the JSON bytes of its answer.
pub(super) fn answer(ctx: &Context<'_>, path: &str, p: &Params) -> Result<Vec<u8>, ApiError> {
    if path == "/api/ego" {
        // The largest answer, written without a JSON value in between.
        return ego(ctx, params_of(p, &["actor", "depth"], true)?);
    }
    let value = route(ctx, path, p)?;
    Ok(serde_json::to_vec(&value).expect("JSON values always serialize"))
}

/// The answer of a route other than `/api/ego`, as a JSON value.
fn route(ctx: &Context<'_>, path: &str, p: &Params) -> Result<Value, ApiError> {
    match path {
        "/api/search" => search(ctx, params_of(p, &["q", "limit"], false)?),
        "/api/edge" => edge(ctx, params_of(p, &["source", "relation", "target"], true)?),
        "/api/path" => chains(ctx, params_of(p, &["from", "to", "max_len"], true)?),
        "/api/timeline" => timeline(ctx, params_of(p, &["actor", "other", "limit"], true)?),
        "/api/stats" => {
            params_of(p, &[], false)?;
            stats(ctx)
        }
        _ => match path.strip_prefix("/api/actor/") {
            Some(id) if !id.is_empty() && !id.contains('/') => {
                params_of(p, &[], false)?;
                actor(ctx, &decode_segment(id)?)
            }
            _ => Err(ApiError::not_found(format!(
                "{path}: no such route; the API has /api/search, /api/actor/ID, /api/ego, \
                 /api/edge, /api/path, /api/timeline, /api/stats"
            ))),
        },
    }
}

/// `GET /api/search?q=&limit=`: actors by any name, those in the store first.
fn search(ctx: &Context<'_>, p: &Params) -> Result<Value, ApiError> {
    let q = p.required("q")?;
    let limit = p.count("limit", 10, MAX_HITS)?;
    let graph = ctx.graph();
    let mut hits: Vec<Value> = ctx
        .gazetteer
        .search(q, MAX_HITS)
        .into_iter()
        .map(|h| {
            let a = &h.entry.actor;
            json!({
                "id": a.id, "kind": a.kind, "name": a.name, "name_ja": h.entry.name_ja,
                "matched": h.matched, "in_store": graph.actor(&a.id).is_some(),
            })
        })
        .collect();
    // Actors imported from elsewhere have no gazetteer entry: match their id and name.
    let needle = q.to_lowercase();
    for a in graph
        .actors()
        .filter(|a| ctx.gazetteer.get(&a.id).is_none())
    {
        if hits.len() < MAX_HITS
            && (a.id.as_str().to_lowercase().contains(&needle)
                || a.name.to_lowercase().contains(&needle))
        {
            hits.push(json!({
                "id": a.id, "kind": a.kind, "name": a.name, "name_ja": "",
                "matched": a.id, "in_store": true,
            }));
        }
    }
    // Stable: the gazetteer's ranking is kept within each group.
    hits.sort_by_key(|h| h["in_store"] != true);
    hits.truncate(limit);
    Ok(json!({ "query": q, "hits": hits }))
}

/// `GET /api/actor/{id}`: one actor and how much the store holds about it.
fn actor(ctx: &Context<'_>, raw: &str) -> Result<Value, ApiError> {
    let id = ctx.resolve("actor", raw)?;
    let a = ctx
        .graph()
        .actor(&id)
        .ok_or_else(|| unknown(QueryError::UnknownActor(id.clone())))?;
    let rows = query::relations(ctx.graph(), &id, None, false).map_err(unknown)?;
    let mut neighbours: Vec<&ActorId> = rows
        .iter()
        .map(|r| if r.source == id { &r.target } else { &r.source })
        .collect();
    neighbours.sort();
    neighbours.dedup();
    let entry = ctx.gazetteer.get(&id);
    let aliases: Vec<&String> = entry
        .map(|e| {
            (e.aliases_en.iter())
                .chain(&e.aliases_ja)
                .chain(&e.aliases_ko)
                .chain(&e.aliases_zh)
                .collect()
        })
        .unwrap_or_default();
    Ok(json!({
        "id": a.id, "kind": a.kind, "country": a.country, "name": a.name,
        "name_ja": ctx.name_ja(&id), "aliases": aliases, "shape": style::shape(a.kind),
        "relations": rows.len(), "neighbours": neighbours.len(),
        "evidence": rows.iter().map(|r| r.evidence).sum::<usize>(),
    }))
}

/// `GET /api/ego?actor=&depth=&...filters`: the actor's neighbourhood, as
/// `export json` writes a graph, each node and edge with its drawing style.
fn ego(ctx: &Context<'_>, p: &Params) -> Result<Vec<u8>, ApiError> {
    let focus = ctx.resolve("actor", p.required("actor")?)?;
    let depth = p.count("depth", 1, MAX_DEPTH)?;
    let filter = p.filter()?;
    let by_state = filter.by_state;
    let selection = query::Selection {
        filter,
        focus: Some(focus.clone()),
        depth,
    };
    // The size first, from the edges' counts, so that a network too big to
    // send is refused before any of its records is read.
    if let Some(edges) = query::subgraph_size(ctx.graph(), &selection).map_err(unknown)? {
        too_big(&focus, depth, edges)?;
    }
    // From the edges' summaries when the filter looks at flags only: no
    // record is copied, and only the edges it keeps part of are read.
    let sub = match query::subgraph_dated(ctx.graph(), &selection).map_err(unknown)? {
        Some(counted) => counted,
        None => query::subgraph(ctx.graph(), &selection).map_err(unknown)?,
    };
    too_big(&focus, depth, sub.edge_count())?;
    let options = crate::export::Options {
        names_ja: sub
            .actors()
            .map(|a| (a.id.clone(), ctx.name_ja(&a.id)))
            .collect(),
        evidence: false,
    };
    // Written straight from the graph, with the drawing style beside each
    // node and edge: a network of 12,000 edges is 3.6 MB of JSON, which as
    // a JSON value would be a map per edge, each key its own allocation.
    let extra = json::Extra {
        doc: EgoFields {
            focus: ctx.level(&focus, by_state),
            depth,
            dates: ctx.loaded.dates,
        },
        node: |a: &Actor| NodeStyle {
            shape: style::shape(a.kind),
        },
        edge: |e: &EdgeView<'_>| {
            let c = e.counts();
            EdgeStyle {
                color: style::relation_css(e.relation),
                line: style::line_style(c.asserted, c.hedged),
                arrow: style::arrow(e.relation),
                tie: style::is_tie(e.relation),
            }
        },
    };
    Ok(json::to_json_with(&sub, &options, extra))
}

/// What the ego network's document has besides `export json`'s.
#[derive(Serialize)]
struct EgoFields {
    /// The actor asked for, or its state with `by_state`.
    focus: ActorId,
    depth: usize,
    /// The store's first and last evidence dates (the date slider's ends).
    dates: Option<(Date, Date)>,
}

/// A node's drawing: its shape, by kind.
#[derive(Serialize)]
struct NodeStyle {
    shape: &'static str,
}

/// An edge's drawing, the DOT rule decided here once: colour by relation,
/// line style by evidence, arrowhead, and whether it is a (thicker) tie.
#[derive(Serialize)]
struct EdgeStyle {
    color: &'static str,
    line: &'static str,
    arrow: &'static str,
    tie: bool,
}

/// Refuses an ego network of more than [`MAX_EGO_EDGES`] edges with 413.
fn too_big(focus: &ActorId, depth: usize, edges: usize) -> Result<(), ApiError> {
    if edges <= MAX_EGO_EDGES {
        return Ok(());
    }
    Err(ApiError {
        status: 413,
        message: format!(
            "{focus} at depth {depth} has {edges} edges, more than {MAX_EGO_EDGES}; \
             lower depth, pick relations or raise min_evidence"
        ),
    })
}

/// `GET /api/edge?source=&relation=&target=&...filters`: one edge's evidence,
/// each sentence with its article's title and address.
fn edge(ctx: &Context<'_>, p: &Params) -> Result<Value, ApiError> {
    let s = ctx.resolve("source", p.required("source")?)?;
    let t = ctx.resolve("target", p.required("target")?)?;
    let relation = parse_relation(p.required("relation")?)?;
    let mut filter = p.filter()?;
    filter.relations = vec![relation];
    filter.excluded.clear();
    let (sl, tl) = (
        ctx.level(&s, filter.by_state),
        ctx.level(&t, filter.by_state),
    );
    let rows = query::relations_filtered(ctx.graph(), &s, Some(&t), Side::Both, &filter, true)
        .map_err(unknown)?;
    let row = rows
        .into_iter()
        .find(|r| {
            (r.source == sl && r.target == tl)
                || (relation.is_symmetric() && r.source == tl && r.target == sl)
        })
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "no {relation} edge from {sl} to {tl} under these filters"
            ))
        })?;
    let line = style::line_style(row.asserted, row.hedged);
    let mut v = serde_json::to_value(&row).expect("query rows always serialize");
    let sentences = v["sentences"]
        .as_array_mut()
        .map(std::mem::take)
        .unwrap_or_default();
    v["sentences"] = json!(with_articles(ctx.graph(), sentences));
    v["color"] = json!(style::relation_css(relation));
    v["line"] = json!(line);
    Ok(v)
}

/// The first [`MAX_EVIDENCE`] sentences, each with `title` and `url`.
fn with_articles(graph: &KnowledgeGraph, mut sentences: Vec<Value>) -> Vec<Value> {
    sentences.truncate(MAX_EVIDENCE);
    let wanted: std::collections::HashSet<&str> = sentences
        .iter()
        .filter_map(|s| s["article"].as_str())
        .collect();
    let articles: HashMap<String, (Option<String>, Option<String>)> = wanted
        .into_iter()
        .filter_map(|id| graph.article_row(&crate::model::ArticleId(id.to_owned())))
        .map(|a| {
            (
                a.id.0.clone(),
                (a.title.map(str::to_owned), a.url.map(str::to_owned)),
            )
        })
        .collect();
    for s in &mut sentences {
        let (title, url) = s["article"]
            .as_str()
            .and_then(|id| articles.get(id).cloned())
            .unwrap_or_default();
        s["title"] = json!(title);
        s["url"] = json!(url);
    }
    sentences
}

/// `GET /api/path?from=&to=&max_len=&...filters`: the shortest chains.
fn chains(ctx: &Context<'_>, p: &Params) -> Result<Value, ApiError> {
    let a = ctx.resolve("from", p.required("from")?)?;
    let b = ctx.resolve("to", p.required("to")?)?;
    let max_len = p.count("max_len", 4, MAX_PATH_LEN)?.max(1);
    let chains = query::path(ctx.graph(), &a, &b, max_len, &p.filter()?).map_err(unknown)?;
    Ok(json!({ "from": a, "to": b, "max_len": max_len, "chains": chains }))
}

/// `GET /api/timeline?actor=&other=&limit=&...filters`: dated evidence, oldest first.
fn timeline(ctx: &Context<'_>, p: &Params) -> Result<Value, ApiError> {
    let a = ctx.resolve("actor", p.required("actor")?)?;
    let b = p
        .get("other")
        .filter(|o| !o.is_empty())
        .map(|o| ctx.resolve("other", o))
        .transpose()?;
    let limit = p.count("limit", 500, MAX_ROWS)?;
    let mut rows = query::timeline(ctx.graph(), &a, b.as_ref(), Side::Both, &p.filter()?, true)
        .map_err(unknown)?;
    let total = rows.len();
    rows.truncate(limit);
    Ok(json!({ "actor": a, "other": b, "total": total, "rows": rows }))
}

/// `GET /api/stats`: what the store holds, its date range and the legend.
fn stats(ctx: &Context<'_>) -> Result<Value, ApiError> {
    let mut v = ctx.loaded.stats.clone();
    v["store"] = json!(ctx.loaded.name);
    v["dates"] = json!(ctx.loaded.dates);
    v["colors"] = Relation::ALL
        .iter()
        .map(|&r| (r.as_str().to_owned(), json!(style::relation_css(r))))
        .collect::<serde_json::Map<String, Value>>()
        .into();
    Ok(v)
}
