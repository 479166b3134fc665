//! The index section of format 4: for each actor and each relation, the
//! positions of its edges in the graph section's edge table, and where every
//! `PAGE`-th edge and its chunks start, so that a question decodes only the
//! edges it reads instead of walking the whole table.
//!
//! A format 3 store has no index section: [`walk`] builds the same index from
//! its graph section (what every question paid before), and a writer builds
//! the one it stores the same way, from the payload it has just encoded, so
//! that the index and the table cannot disagree.

use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::section::{ArticleRef, Head, Skipped, decode_run};
use super::v3::{self, ChunkDto, EdgeDto};
use super::{PersistError, config};
use crate::graph::IndexLists;

/// Edges per page: a question reading one edge walks at most this many.
pub(super) const PAGE: usize = 32;

/// The fields of the index section before its lists.
#[derive(Serialize, Deserialize, Debug, Default, PartialEq, Eq)]
pub(super) struct IndexHead {
    /// Where the article table lies in the graph payload.
    pub(super) articles: [u64; 2],
    /// Where the edge table (its length first) starts in the graph payload.
    pub(super) edges_at: u64,
    /// Where the chunk table (its length first) starts.
    pub(super) chunks_at: u64,
    /// Where the section's last field (`dead`) starts.
    pub(super) dead_at: u64,
    /// Rows in the edge table.
    pub(super) edges: u64,
    /// Rows in the chunk table.
    pub(super) chunks: u64,
    /// Every `PAGE`-th edge: where it starts, its first chunk's row, and
    /// where that chunk starts.
    pub(super) pages: Vec<[u64; 3]>,
}

/// The index section: its head, then its lists (bincode writes a field
/// that is a struct as that struct's fields, so the head is read alone by
/// [`open`]).
#[derive(Serialize, Deserialize, Debug, Default, PartialEq, Eq)]
pub(super) struct IndexDto {
    pub(super) head: IndexHead,
    /// Per actor of the section's table: the edges it is an end of,
    /// ascending, as differences from the one before (the first from 0).
    pub(super) touching: Vec<Vec<u32>>,
    /// Per actor: the actors one edge away, ascending, as differences.
    pub(super) neighbours: Vec<Vec<u32>>,
    /// Per relation of the section's table: its edges, as differences.
    pub(super) by_relation: Vec<Vec<u32>>,
}

/// Bincode's varints (standard configuration), read by hand from a slice:
/// the edge and chunk tables are most of a big store's graph section, and
/// decoding them through serde cost three times as long. `None` when the
/// bytes end early or a value does not fit.
pub(super) struct Varints<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Varints<'a> {
    pub(super) fn u64(&mut self) -> Option<u64> {
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

    pub(super) fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }

    /// A `u8`, which bincode writes as its one byte.
    pub(super) fn u8(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    /// A string: its length, then its bytes, which must be UTF-8.
    pub(super) fn str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.u64()?).ok()?;
        let end = self.at.checked_add(n)?;
        let bytes = self.bytes.get(self.at..end)?;
        self.at = end;
        std::str::from_utf8(bytes).ok()
    }

    /// A table's length, trusted only as far as the bytes left can hold
    /// rows of `min_bytes` each.
    pub(super) fn len(&mut self, min_bytes: usize) -> Option<(usize, usize)> {
        let n = usize::try_from(self.u64()?).ok()?;
        let room = self.bytes.len().saturating_sub(self.at) / min_bytes;
        Some((n, n.min(room)))
    }

    pub(super) fn edge(&mut self) -> Option<EdgeDto> {
        let mut fields = [0u32; EdgeDto::FIELDS];
        for f in &mut fields {
            *f = self.u32()?;
        }
        Some(EdgeDto::from_fields(fields))
    }

    pub(super) fn chunk(&mut self) -> Option<ChunkDto> {
        let (block, first, count) = (self.u32()?, self.u32()?, self.u32()?);
        Some(ChunkDto {
            block,
            first,
            count,
        })
    }
}

/// The edge and chunk tables walked from `at`: each edge's ends, the pages,
/// and where the chunk table and the field after it start.
struct Walked {
    ends: Vec<(u32, u32, u32)>,
    pages: Vec<[u64; 3]>,
    chunks_at: usize,
    chunks: u64,
    dead_at: usize,
}

fn walk_tables(payload: &[u8], at: usize) -> Option<Walked> {
    let mut r = Varints { bytes: payload, at };
    let (n, room) = r.len(EdgeDto::FIELDS)?;
    let (mut ends, mut pages) = (Vec::with_capacity(room), Vec::new());
    let mut chunk = 0u64;
    for i in 0..n {
        if i % PAGE == 0 {
            pages.push([r.at as u64, chunk, 0]);
        }
        let e = r.edge()?;
        ends.push((e.source, e.relation, e.target));
        chunk += u64::from(e.chunks);
    }
    let chunks_at = r.at;
    let (m, _) = r.len(3)?;
    if m as u64 != chunk {
        return None;
    }
    let mut page = pages.iter_mut().peekable();
    for k in 0..=m as u64 {
        while let Some(p) = page.next_if(|p| p[1] == k) {
            p[2] = r.at as u64;
        }
        if k < m as u64 {
            r.chunk()?;
        }
    }
    Some(Walked {
        ends,
        pages,
        chunks_at,
        chunks: chunk,
        dead_at: r.at,
    })
}

/// The index of the graph section `payload`, built by walking its tables.
pub(super) fn walk(payload: &[u8], path: &Path) -> Result<IndexDto, PersistError> {
    let (head, at): (Head<'_>, usize) = decode_run(payload, 0, path)?;
    let (_, after): (Skipped<ArticleRef<'_>>, usize) = decode_run(payload, at, path)?;
    let (_sentences, x): (u64, usize) = decode_run(payload, after, path)?;
    let (_blocks, edges_at): (Vec<u64>, usize) = decode_run(payload, x, path)?;
    let w = walk_tables(payload, edges_at)
        .ok_or_else(|| v3::corrupt(path, "cannot decode the graph"))?;
    let (_dead, end): (u64, usize) = decode_run(payload, w.dead_at, path)?;
    if end != payload.len() {
        return Err(v3::corrupt(path, "undecoded bytes in the graph section"));
    }
    let (actors, relations) = (head.actors.len(), head.relations.len());
    let mut touching = vec![Vec::new(); actors];
    let mut neighbours = vec![Vec::new(); actors];
    let mut by_relation = vec![Vec::new(); relations];
    for (i, &(s, r, t)) in w.ends.iter().enumerate() {
        let i = u32::try_from(i).expect("fewer than 4 billion edges");
        let (s, t) = (s as usize, t as usize);
        if s >= actors || t >= actors {
            return Err(v3::corrupt(path, "an edge names an actor out of range"));
        }
        let list = by_relation
            .get_mut(r as usize)
            .ok_or_else(|| v3::corrupt(path, format!("relation {r} out of range")))?;
        list.push(i);
        touching[s].push(i);
        neighbours[s].push(t as u32);
        if t != s {
            touching[t].push(i);
            neighbours[t].push(s as u32);
        }
    }
    for list in &mut neighbours {
        list.sort_unstable();
        list.dedup();
    }
    let deltas = |lists: Vec<Vec<u32>>| lists.into_iter().map(differences).collect();
    Ok(IndexDto {
        head: IndexHead {
            articles: [at as u64, after as u64],
            edges_at: edges_at as u64,
            chunks_at: w.chunks_at as u64,
            dead_at: w.dead_at as u64,
            edges: w.ends.len() as u64,
            chunks: w.chunks,
            pages: w.pages,
        },
        touching: deltas(touching),
        neighbours: deltas(neighbours),
        by_relation: deltas(by_relation),
    })
}

/// The index section of the graph section `payload` this build has just
/// encoded.
pub(super) fn encode(payload: &[u8]) -> Vec<u8> {
    encode_dto(&walk(payload, Path::new("")).expect("a graph section this build encoded walks"))
}

/// The bytes of the index section `dto`.
pub(super) fn encode_dto(dto: &IndexDto) -> Vec<u8> {
    bincode::serde::encode_to_vec(dto, config()).expect("encoding into a Vec cannot fail")
}

/// An index section, decoded whole (the tests' view of one).
#[cfg(test)]
pub(super) fn decode(payload: &[u8], path: &Path) -> Result<IndexDto, PersistError> {
    let (dto, read): (IndexDto, usize) = bincode::serde::decode_from_slice(payload, config())
        .map_err(|_| v3::corrupt(path, "cannot decode the index"))?;
    if read != payload.len() {
        return Err(v3::corrupt(path, "undecoded bytes in the index"));
    }
    Ok(dto)
}

/// An index section's lists, left encoded: each is checked when the section
/// is opened (a walk over its bytes, allocating nothing per value) and
/// decoded the first time a question asks for it. Decoding them all on open
/// cost time and memory in proportion to the store's edges for questions
/// that read two actors' lists.
#[derive(Debug)]
pub(super) struct Lists {
    bytes: Vec<u8>,
    /// Per list: where its first value starts, and how many it holds.
    spans: Vec<(usize, usize)>,
    decoded: Vec<OnceLock<Vec<u32>>>,
}

impl IndexLists for Lists {
    fn list(&self, i: usize) -> &[u32] {
        self.decoded[i].get_or_init(|| {
            let (at, n) = self.spans[i];
            let mut r = Varints {
                bytes: &self.bytes,
                at,
            };
            let mut x = 0u32;
            (0..n)
                .map(|k| {
                    let d = r
                        .u32()
                        .expect("every value was read when the index was opened");
                    x = if k == 0 { d } else { x + d };
                    x
                })
                .collect()
        })
    }
}

/// Checks `n` lists from `r` (a table: its length first), each a run of
/// differences summing to values below `bound`; pushes where each starts.
fn check_lists(
    r: &mut Varints<'_>,
    n: usize,
    bound: usize,
    spans: &mut Vec<(usize, usize)>,
) -> Option<()> {
    if r.len(1)?.0 != n {
        return None;
    }
    for _ in 0..n {
        let (len, room) = r.len(1)?;
        if len > room {
            return None;
        }
        spans.push((r.at, len));
        let mut x = 0u32;
        for k in 0..len {
            let d = r.u32()?;
            x = if k == 0 { d } else { x.checked_add(d)? };
            if x as usize >= bound {
                return None;
            }
        }
    }
    Some(())
}

/// The index section `bytes` of a graph section of `actors` actors and
/// `relations` relations: its head, and its lists checked against the
/// tables (every edge below the head's count, every neighbour an actor) but
/// left encoded.
pub(super) fn open(
    bytes: Vec<u8>,
    actors: usize,
    relations: usize,
    path: &Path,
) -> Result<(IndexHead, Lists), PersistError> {
    let bad = || v3::corrupt(path, "the index does not fit the graph section");
    let (head, at): (IndexHead, usize) =
        decode_run(&bytes, 0, path).map_err(|_| v3::corrupt(path, "cannot decode the index"))?;
    let edges = usize::try_from(head.edges).map_err(|_| bad())?;
    let mut spans = Vec::with_capacity(2 * actors + relations);
    let mut r = Varints { bytes: &bytes, at };
    check_lists(&mut r, actors, edges, &mut spans)
        .and_then(|()| check_lists(&mut r, actors, actors, &mut spans))
        .and_then(|()| check_lists(&mut r, relations, edges, &mut spans))
        .ok_or_else(bad)?;
    if r.at != bytes.len() {
        return Err(v3::corrupt(path, "undecoded bytes in the index"));
    }
    let decoded = (0..spans.len()).map(|_| OnceLock::new()).collect();
    let lists = Lists {
        bytes,
        spans,
        decoded,
    };
    Ok((head, lists))
}

/// An ascending list as differences from the value before (the first from 0).
fn differences(list: Vec<u32>) -> Vec<u32> {
    let mut prev = 0;
    list.into_iter()
        .map(|x| {
            let d = x - prev;
            prev = x;
            d
        })
        .collect()
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
        let bytes = bincode::serde::encode_to_vec(chunk, config()).unwrap();
        let mut r = Varints {
            bytes: &bytes,
            at: 0,
        };
        assert_eq!(r.chunk(), Some(chunk));
    }

    #[test]
    fn a_table_claiming_more_rows_than_its_bytes_is_refused_without_allocating_them() {
        // A length of 2^40 edges, then one edge's worth of bytes.
        let mut bytes = vec![253];
        bytes.extend_from_slice(&(1u64 << 40).to_le_bytes());
        bytes.extend_from_slice(&[1; EdgeDto::FIELDS]);
        assert!(walk_tables(&bytes, 0).is_none());
        let mut r = Varints {
            bytes: &[252, 1, 2],
            at: 0,
        };
        assert_eq!(r.u32(), None, "a value cut short");
    }

    /// `lists` encoded as a table, checked with values below `bound`.
    fn checked(lists: &[Vec<u32>], bound: usize) -> Option<Vec<(usize, usize)>> {
        let bytes = bincode::serde::encode_to_vec(lists, config()).unwrap();
        let mut spans = Vec::new();
        let mut r = Varints {
            bytes: &bytes,
            at: 0,
        };
        check_lists(&mut r, lists.len(), bound, &mut spans).map(|()| spans)
    }

    #[test]
    fn differences_sum_back_and_a_value_past_the_bound_is_refused() {
        let list = vec![0, 3, 4, 900, 70_000];
        let d = differences(list.clone());
        assert_eq!(d, [0, 3, 1, 896, 69_100]);
        assert!(checked(std::slice::from_ref(&d), 70_001).is_some());
        assert_eq!(checked(&[d], 70_000), None);
        assert_eq!(
            checked(&[vec![1, u32::MAX]], usize::MAX),
            None,
            "an overflow"
        );
        assert_eq!(checked(&[vec![1, 2, 3]], 9).unwrap(), [(2, 3)]);
    }

    #[test]
    fn an_opened_index_decodes_only_the_lists_asked_for() {
        // See: issue 12
        let dto = IndexDto {
            head: IndexHead {
                edges: 5,
                ..IndexHead::default()
            },
            touching: vec![vec![0, 2, 2], vec![1, 3]],
            neighbours: vec![vec![1], vec![0]],
            by_relation: vec![vec![0, 1, 1, 1, 1]],
        };
        let bytes = bincode::serde::encode_to_vec(&dto, config()).unwrap();
        let (head, lists) = open(bytes, 2, 1, Path::new("")).unwrap();
        assert_eq!(head.edges, 5);
        assert!(lists.decoded.iter().all(|l| l.get().is_none()));
        assert_eq!(lists.list(1), [1, 4]);
        assert_eq!(lists.list(4), [0, 1, 2, 3, 4]);
        let decoded: Vec<bool> = lists.decoded.iter().map(|l| l.get().is_some()).collect();
        assert_eq!(decoded, [false, true, false, false, true]);
        assert!(
            open(
                bincode::serde::encode_to_vec(&dto, config()).unwrap(),
                3,
                1,
                Path::new("")
            )
            .is_err(),
            "a table of another length"
        );
    }

    /// A store whose index section is replaced by `lie` (its checksum made
    /// good), and the error `relations` meets reading it.
    fn open_with_index(lie: impl Fn(&mut IndexDto)) -> String {
        use crate::export::jsonl::claim_from_line;
        let mut g = crate::graph::KnowledgeGraph::new();
        for (s, t) in [("USA", "RUS"), ("JPN", "RUS"), ("USA", "CHN")] {
            let line = format!(
                r#"{{"source":"{s}","relation":"sanctions","target":"{t}","article":"a","text":"{s} {t}."}}"#
            );
            g.insert_claim(&claim_from_line(&line).unwrap());
        }
        let bytes = v3::encode(&g);
        let u64_at = |b: &[u8], i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
        let graph_at = u64_at(&bytes, bytes.len() - 20) as usize;
        let index_at = graph_at + 13 + u64_at(&bytes, graph_at + 1) as usize;
        let len = u64_at(&bytes, index_at + 1) as usize;
        let mut dto = decode(&bytes[index_at + 13..index_at + 13 + len], Path::new("")).unwrap();
        lie(&mut dto);
        let new = bincode::serde::encode_to_vec(&dto, config()).unwrap();
        // Same length, so that the footer's offsets still hold.
        assert_eq!(new.len(), len, "the lie must keep the index's length");
        let mut bytes = bytes.clone();
        bytes[index_at + 13..index_at + 13 + len].copy_from_slice(&new);
        let crc = crc32fast::hash(&new);
        bytes[index_at + 9..index_at + 13].copy_from_slice(&crc.to_le_bytes());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.dgraph");
        std::fs::write(&path, &bytes).unwrap();
        let read = super::super::Section::open(&path).and_then(|s| {
            let s = s.unwrap();
            s.graph(&(0..s.index().edges).collect::<Vec<_>>(), false)
        });
        match read {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn an_index_that_does_not_fit_its_graph_section_is_a_corrupt_store() {
        assert_eq!(open_with_index(|_| {}), "", "the index as written");
        type Lie = fn(&mut IndexDto);
        let lies: [(&str, Lie); 5] = [
            ("an edge past the table", |d| d.touching[0][0] = 9),
            ("a neighbour past the actors", |d| d.neighbours[0][0] = 9),
            ("more edges than the table", |d| d.head.edges += 1),
            ("a page in the wrong place", |d| d.head.pages[0][0] += 1),
            ("a chunk table elsewhere", |d| d.head.chunks_at += 1),
        ];
        for (what, lie) in lies {
            let err = open_with_index(lie);
            assert!(err.contains("s.dgraph: corrupt store"), "{what}: {err}");
        }
    }
}
