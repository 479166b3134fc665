//! The graph section of a store's last commit, read once, from which a
//! question builds only the part of the graph it asks about.
//!
//! Opening a format 3 store for a question used to build the whole graph
//! (every actor, article and edge, in petgraph) before the question looked at
//! a tenth of it: on a 1M-record store that was most of the time and memory
//! of `who`, `path` or `timeline`; walking the whole edge table to choose
//! edges was most of what remained. A [`Section`] decodes the section's head
//! (actors and ontology tables), borrowing its strings, and its index (the
//! index section of format 4, or one built by walking a format 3 table), the
//! [`Adjacency`] from which `query::scope` chooses edges; [`Section::graph`]
//! then decodes the chosen edges only, each from the start of its page, and
//! builds a graph of every actor and those edges, with the article table only
//! when records are to be read.
//!
//! The section is decoded in runs of fields (the head up to the actors, the
//! article table, the rest) at the offsets the index names: bincode writes a
//! struct as its fields one after the other, so the runs decode exactly what
//! `v3::GraphDto` encodes (`tests/scoped_queries.rs` reads every record of
//! random stores through a section), and the article table can be skipped by
//! range. The edge and chunk tables, most of a big section, are read by hand
//! (`index::Varints`).

use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::index::{self, IndexHead, PAGE, Varints};
use super::v3::{self, ChunkDto, EdgeDto};
use super::{PersistError, config, unpack_date};
use crate::graph::{Adjacency, GraphBuilder, KnowledgeGraph};
use crate::model::{Actor, ActorId, ActorKind, Relation, Role};

/// The fields of the graph section before its article table.
#[derive(Deserialize)]
pub(super) struct Head<'a> {
    #[serde(borrow)]
    pub(super) relations: Vec<&'a str>,
    #[serde(borrow)]
    pub(super) kinds: Vec<&'a str>,
    #[serde(borrow)]
    pub(super) roles: Vec<&'a str>,
    #[serde(borrow)]
    pub(super) actors: Vec<ActorRef<'a>>,
}
#[derive(Deserialize)]
pub(super) struct ActorRef<'a> {
    id: &'a str,
    kind: u32,
    country: Option<&'a str>,
    name: &'a str,
}

#[derive(Deserialize)]
pub(super) struct ArticleRef<'a> {
    pub(super) id: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
    date: u32,
    lang: Option<&'a str>,
    pub(super) version: u64,
}

/// A sequence decoded element by element and dropped: the article table,
/// when a question reads no records, costs a walk over its bytes and no
/// allocation.
pub(super) struct Skipped<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Skipped<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Walk<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Walk<T> {
            type Value = Skipped<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                while seq.next_element::<T>()?.is_some() {}
                Ok(Skipped(std::marker::PhantomData))
            }
        }
        d.deserialize_seq(Walk(std::marker::PhantomData))
    }
}

/// The graph section of a format 3 or 4 store's last commit, decoded but for
/// its article table and edges, with what it takes to read its edges and
/// their blocks.
pub struct Section {
    path: PathBuf,
    file: File,
    /// Where the commit ends: no block lies beyond it.
    end: u64,
    payload: Vec<u8>,
    /// Where the article table lies in `payload`.
    articles: Range<usize>,
    relations: Vec<Relation>,
    roles: Vec<Role>,
    index: Adjacency,
    sentences: u64,
    blocks: Vec<u64>,
    /// Every `PAGE`-th edge: where it starts, its first chunk's row and
    /// where that chunk starts.
    pages: Vec<[u64; 3]>,
    /// Rows in the chunk table.
    chunks: u64,
    /// The blocks the graphs built from this section decoded.
    decoded: Arc<v3::BlockLog>,
}

impl std::fmt::Debug for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Section({}, {} edges)",
            self.path.display(),
            self.index.edges
        )
    }
}

/// Where the next edge of a walk through the edge table starts: the edge's
/// row, its bytes, its first chunk's row and that chunk's bytes.
#[derive(Clone, Copy)]
struct Cursor {
    edge: usize,
    at: usize,
    chunk: u64,
    chunk_at: usize,
}

pub(super) fn decode_run<'a, T: Deserialize<'a>>(
    payload: &'a [u8],
    at: usize,
    path: &Path,
) -> Result<(T, usize), PersistError> {
    let bytes = payload.get(at..).unwrap_or_default();
    let (value, read) = bincode::serde::borrow_decode_from_slice(bytes, config())
        .map_err(|_| v3::corrupt(path, "cannot decode the graph"))?;
    Ok((value, at + read))
}

fn newer(path: &Path) -> impl Fn(crate::model::ModelError) -> PersistError + '_ {
    move |e| v3::corrupt(path, format!("{e}; a newer diplograph may know it"))
}

pub(super) fn parse_all<T: std::str::FromStr<Err = crate::model::ModelError>>(
    names: &[&str],
    path: &Path,
) -> Result<Vec<T>, PersistError> {
    names
        .iter()
        .map(|n| n.parse::<T>().map_err(newer(path)))
        .collect()
}

pub(super) fn parse_actors(head: &Head<'_>, path: &Path) -> Result<Vec<Actor>, PersistError> {
    let kinds: Vec<ActorKind> = parse_all(&head.kinds, path)?;
    let id = |s: &str| ActorId::new(s).map_err(|e| v3::corrupt(path, e.to_string()));
    head.actors
        .iter()
        .map(|a| {
            let kind = *kinds
                .get(a.kind as usize)
                .ok_or_else(|| v3::corrupt(path, format!("actor kind {} out of range", a.kind)))?;
            Ok(Actor {
                id: id(a.id)?,
                kind,
                country: a.country.map(id).transpose()?,
                name: a.name.to_owned(),
            })
        })
        .collect()
}

/// The fields after the article table, read at the offsets the index names
/// and checked against it: the sentence count, the block offsets, and where
/// the article table lies.
fn tail(
    payload: &[u8],
    dto: &IndexHead,
    path: &Path,
) -> Result<(u64, Vec<u64>, Range<usize>), PersistError> {
    let bad = || v3::corrupt(path, "the index does not fit the graph section");
    let at = |x: u64| {
        usize::try_from(x)
            .ok()
            .filter(|&x| x <= payload.len())
            .ok_or_else(bad)
    };
    let articles = at(dto.articles[0])?..at(dto.articles[1])?;
    let (sentences, x): (u64, usize) = decode_run(payload, articles.end, path)?;
    let (blocks, edges_at): (Vec<u64>, usize) = decode_run(payload, x, path)?;
    let (_dead, end): (u64, usize) = decode_run(payload, at(dto.dead_at)?, path)?;
    let rows = |at: usize| Varints { bytes: payload, at }.u64();
    let len = payload.len() as u64;
    // Rows take a byte per field at least: counts past the bytes cannot
    // make a walk run long.
    let fits = articles.start <= articles.end
        && edges_at as u64 == dto.edges_at
        && end == payload.len()
        && rows(edges_at) == Some(dto.edges)
        && rows(at(dto.chunks_at)?) == Some(dto.chunks)
        && dto.edges <= len / EdgeDto::FIELDS as u64
        && dto.chunks <= len / 3
        && dto.pages.len() as u64 == dto.edges.div_ceil(PAGE as u64);
    if !fits {
        return Err(bad());
    }
    Ok((sentences, blocks, articles))
}

impl Section {
    /// Reads the graph section of the store at `path` and its index; `None`
    /// when the store is of format 1 or 2 (one DTO, read whole by
    /// [`super::open`]).
    pub fn open(path: &Path) -> Result<Option<Section>, PersistError> {
        let (file, len, version) = super::open_file(path, path)?;
        if version < 3 {
            return Ok(None);
        }
        let v3::GraphPayload {
            graph: payload,
            index: stored,
            end,
        } = v3::last_graph_payload(&file, len, version, path)?;
        let (head, _): (Head<'_>, usize) = decode_run(&payload, 0, path)?;
        let relations: Vec<Relation> = parse_all(&head.relations, path)?;
        let roles: Vec<Role> = parse_all(&head.roles, path)?;
        let actors = parse_actors(&head, path)?;
        drop(head);
        // A format 3 store's index is walked and read as a stored one is.
        let bytes = match stored {
            Some(bytes) => bytes,
            None => index::encode_dto(&index::walk(&payload, path)?),
        };
        let (dto, lists) = index::open(bytes, actors.len(), relations.len(), path)?;
        let (sentences, blocks, articles) = tail(&payload, &dto, path)?;
        let edges = usize::try_from(dto.edges)
            .map_err(|_| v3::corrupt(path, "the index does not fit the graph section"))?;
        let index = Adjacency::new(actors, edges, relations.clone(), Arc::new(lists));
        Ok(Some(Section {
            path: path.to_owned(),
            file,
            end,
            payload,
            articles,
            relations,
            roles,
            index,
            sentences,
            blocks,
            pages: dto.pages,
            chunks: dto.chunks,
            decoded: Arc::default(),
        }))
    }

    /// The actors, and the edges of each actor and each relation.
    pub fn index(&self) -> &Adjacency {
        &self.index
    }

    /// How many evidence blocks the commit's graph section names.
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }

    /// The evidence blocks that the graphs built from this section have
    /// decoded so far, by position in the file's block table, in the order
    /// read: how a test holds a question to the blocks of the edges it
    /// looks at.
    pub fn blocks_decoded(&self) -> Vec<u32> {
        self.decoded.to_vec()
    }

    /// The edge after `c` and its chunks; `c` then points past them.
    fn next_edge(&self, c: &mut Cursor) -> Option<(EdgeDto, Vec<ChunkDto>)> {
        let mut r = Varints {
            bytes: &self.payload,
            at: c.at,
        };
        let e = r.edge()?;
        let n = u64::from(e.chunks);
        if c.chunk + n > self.chunks {
            return None;
        }
        let mut rc = Varints {
            bytes: &self.payload,
            at: c.chunk_at,
        };
        let chunks = (0..n).map(|_| rc.chunk()).collect::<Option<Vec<_>>>()?;
        *c = Cursor {
            edge: c.edge + 1,
            at: r.at,
            chunk: c.chunk + n,
            chunk_at: rc.at,
        };
        Some((e, chunks))
    }

    /// Edge `i` and its chunks, read on from `cursor` when `i` lies ahead of
    /// it in its page, else from the start of `i`'s page (so edges asked for
    /// in table order are each decoded once); `cursor` then points past it.
    fn edge(
        &self,
        cursor: &mut Option<Cursor>,
        i: usize,
    ) -> Result<(EdgeDto, Vec<ChunkDto>), PersistError> {
        let bad = || v3::corrupt(&self.path, "the index does not fit the graph section");
        if i >= self.index.edges {
            return Err(v3::corrupt(&self.path, format!("edge {i} out of range")));
        }
        let first = i / PAGE * PAGE;
        let mut c = match *cursor {
            Some(c) if (first..=i).contains(&c.edge) => c,
            _ => {
                let [at, chunk, chunk_at] = self.pages[i / PAGE];
                let at = usize::try_from(at).map_err(|_| bad())?;
                let chunk_at = usize::try_from(chunk_at).map_err(|_| bad())?;
                Cursor {
                    edge: first,
                    at,
                    chunk,
                    chunk_at,
                }
            }
        };
        loop {
            let read = self.next_edge(&mut c).ok_or_else(bad)?;
            if c.edge == i + 1 {
                *cursor = Some(c);
                return Ok(read);
            }
        }
    }

    /// Adds the article table to `b` (see [`Section::graph`]).
    fn articles(&self, b: &mut GraphBuilder) -> Result<(), PersistError> {
        let path = &self.path;
        let bytes = &self.payload[..self.articles.end];
        let (articles, _): (Vec<ArticleRef<'_>>, usize) =
            decode_run(bytes, self.articles.start, path)?;
        for (i, a) in articles.iter().enumerate() {
            // The table holds each id once (a writer interns them), so rows
            // go in by position, not looked up by id.
            let p = b.new_article(a.id, a.title, a.url);
            debug_assert_eq!(p as usize, i);
            let date = unpack_date(a.date).map_err(|e| v3::corrupt(path, e.to_string()))?;
            b.article_info(p, date, a.lang, a.version)
                .map_err(|e| v3::corrupt(path, e.to_string()))?;
        }
        Ok(())
    }

    /// A graph of every actor and the edges at these positions of the edge
    /// table, each with its summary; their records are read from the file
    /// when a question asks for them, which needs the article table:
    /// `records` says whether to build it. Without it, a read of records
    /// fails (an error for [`KnowledgeGraph::take_evidence_error`], never a
    /// wrong answer). Only the edges given are decoded.
    pub fn graph(&self, edges: &[usize], records: bool) -> Result<KnowledgeGraph, PersistError> {
        let path = &self.path;
        let actors = &self.index.actors;
        let mut b = GraphBuilder::with_capacity(actors.len(), 0, 0, edges.len());
        for a in actors {
            b.actor(a.clone());
        }
        if records {
            self.articles(&mut b)?;
        }
        let (mut chunks, mut chunk_start) = (Vec::new(), Vec::with_capacity(edges.len() + 1));
        chunk_start.push(0);
        let mut cursor = None;
        for &i in edges {
            let (e, own) = self.edge(&mut cursor, i)?;
            let relation = *self.relations.get(e.relation as usize).ok_or_else(|| {
                v3::corrupt(path, format!("relation {} out of range", e.relation))
            })?;
            if e.source as usize >= actors.len() || e.target as usize >= actors.len() {
                return Err(v3::corrupt(path, "an edge names an actor out of range"));
            }
            let summary = v3::summary(&e, &self.roles, path)?;
            b.stored_edge(e.source, relation, e.target, summary)
                .map_err(|e| v3::corrupt(path, e.to_string()))?;
            chunks.extend(own);
            chunk_start.push(chunks.len());
        }
        b.stored_sentences(usize::try_from(self.sentences).unwrap_or(usize::MAX));
        let reader = self
            .file
            .try_clone()
            .map_err(super::io_err(path, "read the store"))?;
        let blocks = v3::Blocks::new(
            Box::new(reader),
            path,
            self.end,
            self.blocks.clone(),
            (chunks, chunk_start),
            self.roles.clone(),
        )
        .logging_to(self.decoded.clone());
        Ok(b.finish_stored(Arc::new(blocks)))
    }

    /// A graph of every actor and every edge (see [`Section::graph`]).
    pub fn whole(&self, records: bool) -> Result<KnowledgeGraph, PersistError> {
        let all: Vec<usize> = (0..self.index.edges).collect();
        self.graph(&all, records)
    }
}
