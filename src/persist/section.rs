//! The graph section of a store's last commit, read once, from which a
//! question builds only the part of the graph it asks about.
//!
//! Opening a format 3 store for a question used to build the whole graph
//! (every actor, article and edge, in petgraph) before the question looked at
//! a tenth of it: on a 1M-record store that was most of the time and memory
//! of `who`, `path` or `timeline`. A [`Section`] decodes the section's tables
//! once, borrowing its strings, and gives the [`Outline`] (actors and the ends
//! of every edge) from which `query::scope` chooses edges; [`Section::graph`]
//! then builds a graph of every actor and the chosen edges only, with the
//! article table only when records are to be read.
//!
//! The section is decoded in three runs of fields (the head up to the actors,
//! the article table, the rest): bincode writes a struct as its fields one
//! after the other, so the runs decode exactly what `v3::GraphDto` encodes
//! (`tests/scoped_queries.rs` reads every record of random stores through a
//! section), and the article table can be skipped by range. The edge and
//! chunk tables, most of a big section, are read by hand (`Varints`).

use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::v3::{self, ChunkDto, EdgeDto};
use super::{PersistError, config, unpack_date};
use crate::graph::{GraphBuilder, KnowledgeGraph, Outline};
use crate::model::{Actor, ActorId, ActorKind, ArticleId, Relation, Role};

/// The fields of the graph section before its article table.
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(borrow)]
    relations: Vec<&'a str>,
    #[serde(borrow)]
    kinds: Vec<&'a str>,
    #[serde(borrow)]
    roles: Vec<&'a str>,
    #[serde(borrow)]
    actors: Vec<ActorRef<'a>>,
}

#[derive(Deserialize)]
struct ActorRef<'a> {
    id: &'a str,
    kind: u32,
    country: Option<&'a str>,
    name: &'a str,
}

#[derive(Deserialize)]
struct ArticleRef<'a> {
    id: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
    date: u32,
    lang: Option<&'a str>,
    version: u64,
}

/// A sequence decoded element by element and dropped: the article table,
/// when a question reads no records, costs a walk over its bytes and no
/// allocation.
struct Skipped<T>(std::marker::PhantomData<T>);

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

/// Bincode's varints (standard configuration), read by hand from a slice:
/// the edge and chunk tables are most of a big store's graph section, and
/// decoding them through serde cost three times as long. `None` when the
/// bytes end early or a value does not fit.
struct Varints<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Varints<'_> {
    fn u64(&mut self) -> Option<u64> {
        let first = *self.bytes.get(self.at)?;
        self.at += 1;
        let n = match first {
            0..=250 => return Some(u64::from(first)),
            251 => 2,
            252 => 4,
            253 => 8,
            _ => return None,
        };
        let le = self.bytes.get(self.at..self.at + n)?;
        self.at += n;
        let mut buf = [0u8; 8];
        buf[..n].copy_from_slice(le);
        Some(u64::from_le_bytes(buf))
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }

    /// A table's length, trusted only as far as the bytes left can hold
    /// rows of `min_bytes` each.
    fn len(&mut self, min_bytes: usize) -> Option<(usize, usize)> {
        let n = usize::try_from(self.u64()?).ok()?;
        let room = (self.bytes.len() - self.at) / min_bytes;
        Some((n, n.min(room)))
    }

    fn edge(&mut self) -> Option<EdgeDto> {
        let mut fields = [0u32; EdgeDto::FIELDS];
        for f in &mut fields {
            *f = self.u32()?;
        }
        Some(EdgeDto::from_fields(fields))
    }

    /// The edge table, walked: each edge's ends, chunk count and offset
    /// (the rest of an edge is decoded only for the edges a question reads).
    fn edges(&mut self) -> Option<Vec<EdgeHead>> {
        let (n, room) = self.len(EdgeDto::FIELDS)?;
        let mut out = Vec::with_capacity(room);
        for _ in 0..n {
            let at = self.at;
            let e = self.edge()?;
            out.push(EdgeHead {
                at,
                ends: (e.source, e.relation, e.target),
                chunks: e.chunks,
            });
        }
        Some(out)
    }

    fn chunks(&mut self) -> Option<Vec<ChunkDto>> {
        let (n, room) = self.len(3)?;
        let mut out = Vec::with_capacity(room);
        for _ in 0..n {
            let (block, first, count) = (self.u32()?, self.u32()?, self.u32()?);
            out.push(ChunkDto {
                block,
                first,
                count,
            });
        }
        Some(out)
    }
}

/// Where an edge lies in the payload, its ends (source, relation in the
/// file's table, target) and how many chunks it has.
struct EdgeHead {
    at: usize,
    ends: (u32, u32, u32),
    chunks: u32,
}

/// The fields after the article table.
struct Tail {
    sentences: u64,
    blocks: Vec<u64>,
    edges: Vec<EdgeHead>,
    chunks: Vec<ChunkDto>,
}

impl Tail {
    /// Decodes the fields from `at` to the end of `payload`.
    fn decode(payload: &[u8], at: usize, path: &Path) -> Result<Tail, PersistError> {
        let (sentences, at): (u64, usize) = decode_run(payload, at, path)?;
        let (blocks, at): (Vec<u64>, usize) = decode_run(payload, at, path)?;
        let mut r = Varints { bytes: payload, at };
        let table = |_| v3::corrupt(path, "cannot decode the graph");
        let edges = r.edges().ok_or_else(|| table(()))?;
        let chunks = r.chunks().ok_or_else(|| table(()))?;
        let at = r.at;
        let (_dead, at): (u64, usize) = decode_run(payload, at, path)?;
        if at != payload.len() {
            return Err(v3::corrupt(path, "undecoded bytes in the graph section"));
        }
        Ok(Tail {
            sentences,
            blocks,
            edges,
            chunks,
        })
    }
}

/// The graph section of a format 3 store's last commit, decoded but for its
/// article table, with what it takes to read the blocks of its edges.
pub struct Section {
    path: PathBuf,
    file: File,
    /// Where the commit ends: no block lies beyond it.
    end: u64,
    payload: Vec<u8>,
    /// Where each edge lies in `payload`.
    edge_at: Vec<usize>,
    /// Where the article table lies in `payload`.
    articles: Range<usize>,
    roles: Vec<Role>,
    outline: Outline,
    sentences: u64,
    blocks: Vec<u64>,
    chunks: Vec<ChunkDto>,
    /// Each edge's first chunk in `chunks`; one more entry than edges.
    chunk_start: Vec<usize>,
}

impl std::fmt::Debug for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Section({}, {} edges)",
            self.path.display(),
            self.edge_at.len()
        )
    }
}

fn decode_run<'a, T: Deserialize<'a>>(
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

fn parse_all<T: std::str::FromStr<Err = crate::model::ModelError>>(
    names: &[&str],
    path: &Path,
) -> Result<Vec<T>, PersistError> {
    names
        .iter()
        .map(|n| n.parse::<T>().map_err(newer(path)))
        .collect()
}

fn parse_actors(head: &Head<'_>, path: &Path) -> Result<Vec<Actor>, PersistError> {
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

/// The ends of every edge, checked against the actor and relation tables.
fn outline_edges(
    edges: &[EdgeHead],
    actors: usize,
    relations: &[Relation],
    path: &Path,
) -> Result<Vec<(u32, Relation, u32)>, PersistError> {
    edges
        .iter()
        .map(|e| {
            let (source, relation, target) = e.ends;
            let relation = *relations
                .get(relation as usize)
                .ok_or_else(|| v3::corrupt(path, format!("relation {relation} out of range")))?;
            if source as usize >= actors || target as usize >= actors {
                return Err(v3::corrupt(path, "an edge names an actor out of range"));
            }
            Ok((source, relation, target))
        })
        .collect()
}

impl Section {
    /// Reads the graph section of the store at `path`; `None` when the store
    /// is of format 1 or 2 (one DTO, read whole by [`super::open`]).
    pub fn open(path: &Path) -> Result<Option<Section>, PersistError> {
        let (file, len, version) = super::open_file(path, path)?;
        if version < 3 {
            return Ok(None);
        }
        let (payload, end) = v3::last_graph_payload(&file, len, path)?;
        let (head, at): (Head<'_>, usize) = decode_run(&payload, 0, path)?;
        let (_, after): (Skipped<ArticleRef<'_>>, usize) = decode_run(&payload, at, path)?;
        let tail = Tail::decode(&payload, after, path)?;
        let relations: Vec<Relation> = parse_all(&head.relations, path)?;
        let roles: Vec<Role> = parse_all(&head.roles, path)?;
        let actors = parse_actors(&head, path)?;
        let edges = outline_edges(&tail.edges, actors.len(), &relations, path)?;
        let mut chunk_start = Vec::with_capacity(tail.edges.len() + 1);
        chunk_start.push(0usize);
        for e in &tail.edges {
            let next = chunk_start[chunk_start.len() - 1] + e.chunks as usize;
            if next > tail.chunks.len() {
                return Err(v3::corrupt(path, "edges claim more chunks than stored"));
            }
            chunk_start.push(next);
        }
        drop(head);
        let edge_at = tail.edges.iter().map(|e| e.at).collect();
        Ok(Some(Section {
            path: path.to_owned(),
            file,
            edge_at,
            sentences: tail.sentences,
            blocks: tail.blocks,
            chunks: tail.chunks,
            end,
            payload,
            articles: at..after,
            roles,
            outline: Outline { actors, edges },
            chunk_start,
        }))
    }

    /// The actors and the ends of every edge.
    pub fn outline(&self) -> &Outline {
        &self.outline
    }

    /// A graph of every actor and the edges at these positions of the
    /// outline, each with its summary; their records are read from the file
    /// when a question asks for them, which needs the article table:
    /// `records` says whether to build it. Without it, a read of records
    /// fails (an error for [`KnowledgeGraph::take_evidence_error`], never a
    /// wrong answer).
    pub fn graph(&self, edges: &[usize], records: bool) -> Result<KnowledgeGraph, PersistError> {
        let path = &self.path;
        let articles: Vec<ArticleRef<'_>> = if records {
            decode_run(
                &self.payload[..self.articles.end],
                self.articles.start,
                path,
            )?
            .0
        } else {
            Vec::new()
        };
        let mut b =
            GraphBuilder::with_capacity(self.outline.actors.len(), articles.len(), 0, edges.len());
        for a in &self.outline.actors {
            b.actor(a.clone());
        }
        for (i, a) in articles.iter().enumerate() {
            let p = b.article(&ArticleId(a.id.to_owned()), a.title, a.url);
            debug_assert_eq!(p as usize, i);
            let date = unpack_date(a.date).map_err(|e| v3::corrupt(path, e.to_string()))?;
            b.article_info(p, date, a.lang, a.version)
                .map_err(|e| v3::corrupt(path, e.to_string()))?;
        }
        let mut chunks = Vec::new();
        let mut chunk_start = Vec::with_capacity(edges.len() + 1);
        chunk_start.push(0);
        for &i in edges {
            let at = *self
                .edge_at
                .get(i)
                .ok_or_else(|| v3::corrupt(path, format!("edge {i} out of range")))?;
            let e = Varints {
                bytes: &self.payload,
                at,
            }
            .edge()
            .expect("the edge was decoded when the section was opened");
            let (source, relation, target) = self.outline.edges[i];
            let summary = v3::summary(&e, &self.roles, path)?;
            b.stored_edge(source, relation, target, summary)
                .map_err(|e| v3::corrupt(path, e.to_string()))?;
            chunks.extend_from_slice(&self.chunks[self.chunk_start[i]..self.chunk_start[i + 1]]);
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
        );
        Ok(b.finish_stored(Arc::new(blocks)))
    }

    /// A graph of every actor and every edge (see [`Section::graph`]).
    pub fn whole(&self, records: bool) -> Result<KnowledgeGraph, PersistError> {
        let all: Vec<usize> = (0..self.outline.edges.len()).collect();
        self.graph(&all, records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_read_varints_are_bincodes() {
        let values = [0u32, 1, 250, 251, 252, 65_535, 65_536, 1 << 24, u32::MAX];
        let bytes = bincode::serde::encode_to_vec(values, config()).unwrap();
        let mut r = Varints {
            bytes: &bytes,
            at: 0,
        };
        let read: Vec<u32> = values.iter().map(|_| r.u32().unwrap()).collect();
        assert_eq!(read, values);
        assert_eq!(r.at, bytes.len());
        let chunk = ChunkDto {
            block: 7,
            first: 300,
            count: 70_000,
        };
        let bytes = bincode::serde::encode_to_vec(vec![chunk, chunk], config()).unwrap();
        let mut r = Varints {
            bytes: &bytes,
            at: 0,
        };
        assert_eq!(r.chunks(), Some(vec![chunk, chunk]));
    }

    #[test]
    fn a_table_claiming_more_rows_than_its_bytes_is_refused_without_allocating_them() {
        // A length of 2^40 edges, then one edge's worth of bytes.
        let mut bytes = vec![253];
        bytes.extend_from_slice(&(1u64 << 40).to_le_bytes());
        bytes.extend_from_slice(&[1; EdgeDto::FIELDS]);
        let mut r = Varints {
            bytes: &bytes,
            at: 0,
        };
        assert!(r.edges().is_none());
        let mut r = Varints {
            bytes: &[252, 1, 2],
            at: 0,
        };
        assert_eq!(r.u32(), None, "a value cut short");
    }
}
