//! Formats 3 and 4: a small graph section that every command reads, and the
//! evidence in compressed blocks read by offset, only for the edges a command
//! shows.
//!
//! The file is a log of commits after the header; each commit is the evidence
//! blocks it adds, then a whole graph section (in format 4 followed by its
//! index section, see `index`), a census, then a footer naming the graph
//! section and the census. The last footer that checks out names the current graph: a commit
//! torn by a crash ends without one and is ignored (see the layout in the
//! module docs of `persist`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::read_at::ReadAt;
use super::{HEDGED, NEGATED, PersistError, config, pack_date, pos, unpack_date};
use crate::graph::{
    Census, Degree, EdgeSummary, EvidenceFacts, EvidenceRow, EvidenceSource, GraphBuilder,
    KnowledgeGraph, RelationCensus, SourceError, StoredRecord, Tables, role_bit,
};
use crate::model::{Actor, ActorId, ActorKind, ArticleId, Relation, Role, Span};

/// Section kind of an evidence block.
const BLOCK: u8 = 1;
/// Section kind of a graph section.
const GRAPH: u8 = 2;
/// Section kind of a census (the counts `stats` and `top` show).
const CENSUS: u8 = 3;
/// Section kind of an index (format 4: the edges of each actor and relation,
/// see `index`), right after the graph section it indexes.
const INDEX: u8 = 4;
/// Section header: kind, payload length (u64), CRC-32 of the payload.
pub(super) const SECTION_HEADER_LEN: u64 = 1 + 8 + 4;
/// The first bytes of a footer.
const FOOTER_MAGIC: [u8; 8] = *b"DGFOOT\0\x1a";
/// Footer: magic, offsets of the graph and census sections (u64 each),
/// CRC-32 of the first 24 bytes.
pub(super) const FOOTER_LEN: u64 = 8 + 8 + 8 + 4;
/// Blocks are closed once their records and texts pass this many bytes, so a
/// question about one edge decompresses about this much (an edge is never split).
const BLOCK_TARGET: usize = 64 * 1024;
/// Decoded blocks a reader keeps (about 64 KiB of records and text each).
const RECENT_BLOCKS: usize = 64;
/// The largest decompressed block this build reads.
const MAX_BLOCK_RAW: u64 = 1 << 30;

type Text<'a> = Cow<'a, str>;

/// The graph section. Strings are borrowed from the graph when writing.
#[derive(Serialize, Deserialize)]
pub(super) struct GraphDto<'a> {
    relations: Vec<Text<'a>>,
    kinds: Vec<Text<'a>>,
    roles: Vec<Text<'a>>,
    /// Sorted by id.
    actors: Vec<ActorDto<'a>>,
    /// In the order the file first stored them: blocks refer to these positions.
    articles: Vec<ArticleDto<'a>>,
    /// Sentence texts in the blocks.
    sentences: u64,
    /// Where each block section starts.
    blocks: Vec<u64>,
    /// Sorted by (source id, relation, target id).
    edges: Vec<EdgeDto>,
    /// Edge after edge, each edge's `chunks`.
    chunks: Vec<ChunkDto>,
    /// Bytes of the file no edge or graph of this commit uses.
    dead: u64,
}

#[derive(Serialize, Deserialize)]
struct ActorDto<'a> {
    id: Text<'a>,
    kind: u32,
    country: Option<Text<'a>>,
    name: Text<'a>,
}

#[derive(Serialize, Deserialize)]
struct ArticleDto<'a> {
    id: Text<'a>,
    title: Option<Text<'a>>,
    url: Option<Text<'a>>,
    date: u32,
    lang: Option<Text<'a>>,
    version: u64,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct EdgeDto {
    pub(super) source: u32,
    pub(super) relation: u32,
    pub(super) target: u32,
    asserted: u32,
    hedged: u32,
    negated: u32,
    articles: [u32; 3],
    /// Bit sets over the `roles` table.
    roles: [u32; 3],
    first: u32,
    last: u32,
    pub(super) chunks: u32,
}

/// Records `first .. first + count` of block `block`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ChunkDto {
    pub(super) block: u32,
    pub(super) first: u32,
    pub(super) count: u32,
}

impl EdgeDto {
    /// How many `u32` fields an edge has (arrays count their elements).
    pub(super) const FIELDS: usize = 15;

    /// An edge from its fields in their order in the file.
    pub(super) fn from_fields(f: [u32; Self::FIELDS]) -> Self {
        EdgeDto {
            source: f[0],
            relation: f[1],
            target: f[2],
            asserted: f[3],
            hedged: f[4],
            negated: f[5],
            articles: [f[6], f[7], f[8]],
            roles: [f[9], f[10], f[11]],
            first: f[12],
            last: f[13],
            chunks: f[14],
        }
    }
}

/// One evidence block, bincode-coded then compressed with LZ4.
#[derive(Serialize, Deserialize, Default)]
struct BlockDto<'a> {
    /// Actor ids the records' attributions point into.
    attributions: Vec<Text<'a>>,
    /// Sorted by (article, sentence).
    texts: Vec<SentenceDto<'a>>,
    records: Vec<RecordDto>,
}

#[derive(Serialize, Deserialize)]
struct SentenceDto<'a> {
    article: u32,
    sentence: u32,
    text: Text<'a>,
}

#[derive(Serialize, Deserialize)]
struct RecordDto {
    article: u32,
    sentence: u32,
    start: u32,
    len: u32,
    date: u32,
    flags: u8,
    /// 0 = none, else 1 + position in the graph section's `roles`.
    role: u32,
    attributed_to: Vec<u32>,
}

/// The census section.
#[derive(Serialize, Deserialize)]
struct CensusDto<'a> {
    actors: u64,
    /// Kind name, actors.
    by_kind: Vec<(Text<'a>, u64)>,
    edges: u64,
    /// Relation name, [edges, evidence, negated, hedged].
    relations: Vec<(Text<'a>, [u64; 4])>,
    evidence: u64,
    articles: u64,
    sentences: u64,
    degrees: Vec<DegreeDto<'a>>,
}

#[derive(Serialize, Deserialize)]
struct DegreeDto<'a> {
    id: Text<'a>,
    kind: Text<'a>,
    country: Option<Text<'a>>,
    name: Text<'a>,
    degree: u64,
    evidence: u64,
}

pub(super) fn corrupt(path: &Path, reason: impl Into<String>) -> PersistError {
    PersistError::Corrupt {
        path: path.to_owned(),
        reason: reason.into(),
    }
}

// ---------------------------------------------------------------- writing

/// Bytes written in order, counting where the next one lands in the file.
pub(super) struct Out<'w> {
    w: &'w mut dyn Write,
    /// The file offset of the next byte.
    at: u64,
}

impl<'w> Out<'w> {
    pub(super) fn new(w: &'w mut dyn Write, at: u64) -> Self {
        Out { w, at }
    }

    fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.w.write_all(b)?;
        self.at += b.len() as u64;
        Ok(())
    }

    /// A section: kind, length, CRC, payload; returns where it starts.
    fn section(&mut self, kind: u8, payload: &[u8]) -> io::Result<u64> {
        let at = self.at;
        let mut head = vec![kind];
        head.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        head.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
        self.bytes(&head)?;
        self.bytes(payload)?;
        Ok(at)
    }

    fn footer(&mut self, graph_at: u64, census_at: u64) -> io::Result<()> {
        let mut f = FOOTER_MAGIC.to_vec();
        f.extend_from_slice(&graph_at.to_le_bytes());
        f.extend_from_slice(&census_at.to_le_bytes());
        let crc = crc32fast::hash(&f);
        f.extend_from_slice(&crc.to_le_bytes());
        self.bytes(&f)
    }
}

/// Packs the evidence of edges into blocks and writes each as it closes.
struct BlockWriter<'t, 'o, 'w> {
    tables: &'t Tables<'t>,
    out: &'o mut Out<'w>,
    blocks: Vec<u64>,
    /// Blocks the file holds before these.
    first_block: usize,
    cur: BlockDto<'t>,
    texts: HashMap<(u32, u32), ()>,
    attributions: HashMap<&'t ActorId, u32>,
    raw: usize,
}

impl<'t, 'o, 'w> BlockWriter<'t, 'o, 'w> {
    fn new(tables: &'t Tables<'t>, out: &'o mut Out<'w>, first_block: usize) -> Self {
        BlockWriter {
            tables,
            out,
            blocks: Vec::new(),
            first_block,
            cur: BlockDto::default(),
            texts: HashMap::new(),
            attributions: HashMap::new(),
            raw: 0,
        }
    }

    /// Adds one edge's records (articles as positions in the file's table);
    /// returns where they went.
    fn edge(
        &mut self,
        records: &'t [EvidenceRow<'t>],
        article_pos: &[u32],
    ) -> io::Result<ChunkDto> {
        let chunk = ChunkDto {
            block: pos(self.first_block + self.blocks.len()),
            first: pos(self.cur.records.len()),
            count: pos(records.len()),
        };
        for r in records {
            let article = article_pos[r.article as usize];
            if self.texts.insert((article, r.sentence), ()).is_none() {
                let text = sentence_text(self.tables, r.article, r.sentence);
                self.raw += text.len() + 8;
                self.cur.texts.push(SentenceDto {
                    article,
                    sentence: r.sentence,
                    text: Cow::Borrowed(text),
                });
            }
            let attributed_to = r
                .attributed_to
                .iter()
                .map(|a| {
                    let next = pos(self.cur.attributions.len());
                    *self.attributions.entry(a).or_insert_with(|| {
                        self.cur.attributions.push(Cow::Borrowed(a.as_str()));
                        next
                    })
                })
                .collect();
            self.cur.records.push(RecordDto {
                article,
                sentence: r.sentence,
                start: r.span.start,
                len: r.span.end - r.span.start,
                date: pack_date(r.date),
                flags: (u8::from(r.negated) * NEGATED) | (u8::from(r.hedged) * HEDGED),
                role: r.role.map_or(0, |role| 1 + role_bit(role).trailing_zeros()),
                attributed_to,
            });
            self.raw += 24;
        }
        if self.raw >= BLOCK_TARGET {
            self.flush()?;
        }
        Ok(chunk)
    }

    /// Closes the current block, when it holds anything, and writes it.
    fn flush(&mut self) -> io::Result<()> {
        if self.cur.records.is_empty() {
            return Ok(());
        }
        let block = std::mem::take(&mut self.cur);
        self.blocks.push(write_block(self.out, block)?);
        self.texts.clear();
        self.attributions.clear();
        self.raw = 0;
        Ok(())
    }
}

/// Sorts a block's texts, encodes and compresses it and writes it as a
/// section; returns where it starts.
fn write_block(out: &mut Out<'_>, mut block: BlockDto<'_>) -> io::Result<u64> {
    block.texts.sort_by_key(|s| (s.article, s.sentence));
    let raw =
        bincode::serde::encode_to_vec(&block, config()).expect("encoding into a Vec cannot fail");
    let mut payload = (raw.len() as u64).to_le_bytes().to_vec();
    payload.extend_from_slice(&lz4_flex::block::compress(&raw));
    out.section(BLOCK, &payload)
}

/// The text of a sentence in the tables (sorted by article then sentence).
fn sentence_text<'t>(t: &'t Tables<'t>, article: u32, sentence: u32) -> &'t str {
    t.sentences
        .binary_search_by(|s| (s.article, s.sentence).cmp(&(article, sentence)))
        .map_or("", |i| t.sentences[i].text)
}

fn edge_dto(source: u32, relation: Relation, target: u32, s: &EdgeSummary, chunks: u32) -> EdgeDto {
    let relation = Relation::ALL
        .iter()
        .position(|r| *r == relation)
        .expect("every relation is in Relation::ALL");
    EdgeDto {
        source,
        relation: pos(relation),
        target,
        asserted: s.asserted,
        hedged: s.hedged,
        negated: s.negated,
        articles: s.articles,
        roles: s.roles.map(u32::from),
        first: pack_date(s.dates.map(|d| d.0)),
        last: pack_date(s.dates.map(|d| d.1)),
        chunks,
    }
}

fn article_dto<'g>(a: &crate::graph::ArticleRow<'g>) -> ArticleDto<'g> {
    ArticleDto {
        id: Cow::Borrowed(a.id.0.as_str()),
        title: a.title.map(Cow::Borrowed),
        url: a.url.map(Cow::Borrowed),
        date: pack_date(a.date),
        lang: a.lang.map(Cow::Borrowed),
        version: a.version,
    }
}

fn actor_dto(a: &Actor) -> ActorDto<'_> {
    let kind = ActorKind::ALL
        .iter()
        .position(|k| *k == a.kind)
        .expect("every kind is in ActorKind::ALL");
    ActorDto {
        id: Cow::Borrowed(a.id.as_str()),
        kind: pos(kind),
        country: a.country.as_ref().map(|c| Cow::Borrowed(c.as_str())),
        name: Cow::Borrowed(&a.name),
    }
}

/// The name tables every graph section starts with.
fn names<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str) -> Vec<Text<'static>> {
    all.iter().map(|x| Cow::Borrowed(name(*x))).collect()
}

/// The bytes of a whole file of this build's format: header, one commit.
pub(super) fn encode(graph: &KnowledgeGraph) -> Vec<u8> {
    let mut bytes = Vec::new();
    write(graph, &mut bytes).expect("writing into a Vec cannot fail");
    bytes
}

/// Writes a whole file of this build's format: header, one commit (its
/// graph section followed by its index). Blocks go out as they close, so the
/// file is never held whole in memory.
pub(super) fn write(graph: &KnowledgeGraph, w: &mut dyn Write) -> io::Result<()> {
    let t = graph.tables();
    let header = super::file_header(super::FORMAT_VERSION);
    let mut out = Out::new(w, 0);
    out.bytes(&header)?;
    let identity: Vec<u32> = (0..pos(t.articles.len())).collect();
    let mut blocks = BlockWriter::new(&t, &mut out, 0);
    let chunks = t
        .edges
        .iter()
        .map(|e| blocks.edge(&t.evidence[e.evidence.clone()], &identity))
        .collect::<io::Result<Vec<ChunkDto>>>()?;
    blocks.flush()?;
    let block_at = std::mem::take(&mut blocks.blocks);
    let dto = GraphDto {
        relations: names(Relation::ALL, Relation::as_str),
        kinds: names(&ActorKind::ALL, ActorKind::as_str),
        roles: names(&Role::ALL, Role::as_str),
        actors: t.actors.iter().map(|a| actor_dto(a)).collect(),
        articles: t.articles.iter().map(article_dto).collect(),
        sentences: t.sentences.len() as u64,
        blocks: block_at,
        edges: t
            .edges
            .iter()
            .map(|e| edge_dto(e.source, e.relation, e.target, &e.summary, 1))
            .collect(),
        chunks,
        dead: 0,
    };
    let payload =
        bincode::serde::encode_to_vec(&dto, config()).expect("encoding into a Vec cannot fail");
    let graph_at = out.section(GRAPH, &payload)?;
    out.section(INDEX, &super::index::encode(&payload))?;
    let census_at = out.section(CENSUS, &encode_census(&graph.census()))?;
    out.footer(graph_at, census_at)
}

fn encode_census(c: &Census) -> Vec<u8> {
    let n = |x: usize| x as u64;
    let dto = CensusDto {
        actors: n(c.actors),
        by_kind: c
            .actors_by_kind
            .iter()
            .map(|(k, x)| (Cow::Borrowed(k.as_str()), n(*x)))
            .collect(),
        edges: n(c.edges),
        relations: c
            .relations
            .iter()
            .map(|(r, x)| {
                let counts = [x.edges, x.evidence, x.negated, x.hedged].map(n);
                (Cow::Borrowed(r.as_str()), counts)
            })
            .collect(),
        evidence: n(c.evidence),
        articles: n(c.articles),
        sentences: n(c.sentences),
        degrees: c
            .degrees
            .iter()
            .map(|d| DegreeDto {
                id: Cow::Borrowed(d.actor.id.as_str()),
                kind: Cow::Borrowed(d.actor.kind.as_str()),
                country: d.actor.country.as_ref().map(|c| Cow::Borrowed(c.as_str())),
                name: Cow::Borrowed(&d.actor.name),
                degree: n(d.degree),
                evidence: n(d.evidence),
            })
            .collect(),
    };
    bincode::serde::encode_to_vec(&dto, config()).expect("encoding into a Vec cannot fail")
}

// ---------------------------------------------------------------- reading

/// The current commit of a file: its graph section, decoded.
pub(super) struct Commit {
    pub(super) graph: GraphDto<'static>,
    /// Where the commit ends (the file's length unless a torn commit follows).
    pub(super) end: u64,
}

/// Reads a section's payload at `at`, checking kind, length and CRC; never
/// reads or allocates beyond `limit`, the end of the bytes it may use.
fn read_section(
    r: &dyn ReadAt,
    at: u64,
    limit: u64,
    kind: u8,
    path: &Path,
) -> Result<Vec<u8>, PersistError> {
    let head_end = at
        .checked_add(SECTION_HEADER_LEN)
        .filter(|e| *e <= limit)
        .ok_or_else(|| corrupt(path, format!("section at {at} lies past the end")))?;
    let mut head = [0u8; SECTION_HEADER_LEN as usize];
    r.read_exact_at(&mut head, at)
        .map_err(super::read_err(path))?;
    let len = u64::from_le_bytes(head[1..9].try_into().expect("8 bytes"));
    let crc = u32::from_le_bytes(head[9..13].try_into().expect("4 bytes"));
    if head[0] != kind {
        return Err(corrupt(
            path,
            format!("section at {at} is not of the kind named"),
        ));
    }
    if len > limit - head_end {
        return Err(corrupt(path, format!("section at {at} runs past the end")));
    }
    let mut payload = vec![0u8; len as usize];
    r.read_exact_at(&mut payload, head_end)
        .map_err(super::read_err(path))?;
    if crc32fast::hash(&payload) != crc {
        return Err(corrupt(path, format!("checksum of the section at {at}")));
    }
    Ok(payload)
}

/// Where a commit's sections are, as its footer says.
#[derive(Debug, Clone, Copy)]
pub(super) struct Footer {
    graph_at: u64,
    census_at: u64,
    /// Where the footer, and so the commit, ends.
    end: u64,
}

/// The footer ending at `end`: `Ok(None)` when none ends there, an error
/// when one does but its checksum fails.
fn footer_at(r: &dyn ReadAt, end: u64, path: &Path) -> Result<Option<Footer>, PersistError> {
    let Some(at) = end.checked_sub(FOOTER_LEN) else {
        return Ok(None);
    };
    let mut f = [0u8; FOOTER_LEN as usize];
    r.read_exact_at(&mut f, at).map_err(super::read_err(path))?;
    if f[..8] != FOOTER_MAGIC {
        return Ok(None);
    }
    let u64_at = |i: usize| u64::from_le_bytes(f[i..i + 8].try_into().expect("8 bytes"));
    let crc = u32::from_le_bytes(f[24..28].try_into().expect("4 bytes"));
    if crc32fast::hash(&f[..24]) != crc {
        return Err(corrupt(path, "checksum of the last footer"));
    }
    let (graph_at, census_at) = (u64_at(8), u64_at(16));
    if graph_at >= census_at || census_at >= at {
        return Err(corrupt(path, "a footer names sections out of order"));
    }
    Ok(Some(Footer {
        graph_at,
        census_at,
        end,
    }))
}

/// The graph section `footer` names, checked and decoded.
fn graph_at(r: &dyn ReadAt, footer: Footer, path: &Path) -> Result<Commit, PersistError> {
    let payload = read_section(r, footer.graph_at, footer.census_at, GRAPH, path)?;
    let graph = decode_graph(&payload, path)?;
    Ok(Commit {
        graph,
        end: footer.end,
    })
}

fn decode_graph(payload: &[u8], path: &Path) -> Result<GraphDto<'static>, PersistError> {
    let (dto, read): (GraphDto<'static>, usize) =
        bincode::serde::decode_from_slice(payload, config())
            .map_err(|_| corrupt(path, "cannot decode the graph"))?;
    if read != payload.len() {
        return Err(corrupt(path, "undecoded bytes in the graph section"));
    }
    Ok(dto)
}

/// The footer of the last commit of a file `len` bytes long. A torn commit at
/// the end (no footer, as a crash mid-append leaves) is skipped by searching
/// back for the last footer whose graph section checks out.
pub(super) fn last_footer(r: &dyn ReadAt, len: u64, path: &Path) -> Result<Footer, PersistError> {
    let start = super::HEADER_LEN as u64;
    // A footer at the very end is the last commit's: if it does not check
    // out, the file was damaged after it was written, and that is the error.
    if let Some(f) = footer_at(r, len, path)? {
        return Ok(f);
    }
    const WINDOW: u64 = 1 << 20;
    let mut hi = len;
    while hi > start {
        let lo = hi.saturating_sub(WINDOW).max(start);
        // Overlap windows by a footer's length so none is cut in two.
        let read_hi = (hi + FOOTER_LEN).min(len);
        let mut buf = vec![0u8; (read_hi - lo) as usize];
        r.read_exact_at(&mut buf, lo)
            .map_err(super::read_err(path))?;
        for i in (0..buf.len()).rev() {
            if !buf[i..].starts_with(&FOOTER_MAGIC) {
                continue;
            }
            let end = lo + i as u64 + FOOTER_LEN;
            if let Ok(Some(f)) = footer_at(r, end, path)
                && graph_at(r, f, path).is_ok()
            {
                return Ok(f);
            }
        }
        hi = lo;
    }
    Err(PersistError::NoCommit {
        path: path.to_owned(),
        found: len,
    })
}

/// The last commit of a file `len` bytes long (see [`last_footer`]).
pub(super) fn last_commit(r: &dyn ReadAt, len: u64, path: &Path) -> Result<Commit, PersistError> {
    let footer = last_footer(r, len, path)?;
    // The census is small: check it too, so that no reader takes a store
    // whose `stats` would fail (and a writer never copies a damaged one).
    read_section(r, footer.census_at, footer.end - FOOTER_LEN, CENSUS, path)?;
    graph_at(r, footer, path)
}

/// The payloads of a commit's graph section and of its index.
pub(super) struct GraphPayload {
    pub(super) graph: Vec<u8>,
    /// `None` in a format 3 file.
    pub(super) index: Option<Vec<u8>>,
    /// Where the commit ends.
    pub(super) end: u64,
}

/// The graph section's payload of the last commit of a file `len` bytes long
/// (its census checked, as [`last_commit`] does), the index section after it
/// when the file's `version` has one (4 on), and where the commit ends.
pub(super) fn last_graph_payload(
    r: &dyn ReadAt,
    len: u64,
    version: u32,
    path: &Path,
) -> Result<GraphPayload, PersistError> {
    let footer = last_footer(r, len, path)?;
    read_section(r, footer.census_at, footer.end - FOOTER_LEN, CENSUS, path)?;
    let payload = read_section(r, footer.graph_at, footer.census_at, GRAPH, path)?;
    if version < 4 {
        return Ok(GraphPayload {
            graph: payload,
            index: None,
            end: footer.end,
        });
    }
    let index_at = footer.graph_at + SECTION_HEADER_LEN + payload.len() as u64;
    let index = read_section(r, index_at, footer.census_at, INDEX, path)?;
    if index_at + SECTION_HEADER_LEN + index.len() as u64 != footer.census_at {
        return Err(corrupt(path, "bytes between the index and the census"));
    }
    Ok(GraphPayload {
        graph: payload,
        index: Some(index),
        end: footer.end,
    })
}

/// The census of the last commit of a file `len` bytes long: the one section
/// `stats` and `top` read.
pub(super) fn last_census(r: &dyn ReadAt, len: u64, path: &Path) -> Result<Census, PersistError> {
    let footer = last_footer(r, len, path)?;
    let payload = read_section(r, footer.census_at, footer.end - FOOTER_LEN, CENSUS, path)?;
    let (dto, read): (CensusDto<'static>, usize) =
        bincode::serde::decode_from_slice(&payload, config())
            .map_err(|_| corrupt(path, "cannot decode the census"))?;
    if read != payload.len() {
        return Err(corrupt(path, "undecoded bytes in the census"));
    }
    census_of(dto, path)
}

fn census_of(dto: CensusDto<'_>, path: &Path) -> Result<Census, PersistError> {
    let bad =
        |e: crate::model::ModelError| corrupt(path, format!("{e}; a newer diplograph may know it"));
    let n =
        |x: u64| usize::try_from(x).map_err(|_| corrupt(path, "a count past this machine's word"));
    let by_kind = dto
        .by_kind
        .iter()
        .map(|(k, x)| Ok((k.parse::<ActorKind>().map_err(bad)?, n(*x)?)))
        .collect::<Result<_, PersistError>>()?;
    let relations = dto
        .relations
        .iter()
        .map(|(r, [edges, evidence, negated, hedged])| {
            let counts = RelationCensus {
                edges: n(*edges)?,
                evidence: n(*evidence)?,
                negated: n(*negated)?,
                hedged: n(*hedged)?,
            };
            Ok((r.parse::<Relation>().map_err(bad)?, counts))
        })
        .collect::<Result<_, PersistError>>()?;
    let degrees = dto
        .degrees
        .iter()
        .map(|d| {
            let id = |s: &str| ActorId::new(s).map_err(|e| corrupt(path, e.to_string()));
            let actor = Actor {
                id: id(&d.id)?,
                kind: d.kind.parse::<ActorKind>().map_err(bad)?,
                country: d.country.as_deref().map(id).transpose()?,
                name: d.name.to_string(),
            };
            Ok(Degree {
                actor,
                degree: n(d.degree)?,
                evidence: n(d.evidence)?,
            })
        })
        .collect::<Result<_, PersistError>>()?;
    Ok(Census {
        actors: n(dto.actors)?,
        actors_by_kind: by_kind,
        edges: n(dto.edges)?,
        relations,
        evidence: n(dto.evidence)?,
        articles: n(dto.articles)?,
        sentences: n(dto.sentences)?,
        degrees,
    })
}

/// What a file's graph section says, checked and parsed into model types.
struct Parsed {
    actors: Vec<Actor>,
    relations: Vec<Relation>,
    roles: Vec<Role>,
}

/// The ontology names a section lists (relations, roles, kinds), parsed; a
/// name this build does not know makes the store corrupt or newer.
fn parse_all<T>(names: &[Text<'_>], path: &Path) -> Result<Vec<T>, PersistError>
where
    T: std::str::FromStr<Err = crate::model::ModelError>,
{
    names
        .iter()
        .map(|n| n.parse::<T>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(path, format!("{e}; a newer diplograph may know it")))
}

fn parse_names(dto: &GraphDto<'_>, path: &Path) -> Result<Parsed, PersistError> {
    let relations: Vec<Relation> = parse_all(&dto.relations, path)?;
    let roles: Vec<Role> = parse_all(&dto.roles, path)?;
    let kinds: Vec<ActorKind> = parse_all(&dto.kinds, path)?;
    let actors = dto
        .actors
        .iter()
        .map(|a| {
            let kind = *kinds
                .get(a.kind as usize)
                .ok_or_else(|| corrupt(path, format!("actor kind {} out of range", a.kind)))?;
            let id = |s: &str| ActorId::new(s).map_err(|e| corrupt(path, e.to_string()));
            Ok(Actor {
                id: id(&a.id)?,
                kind,
                country: a.country.as_deref().map(id).transpose()?,
                name: a.name.to_string(),
            })
        })
        .collect::<Result<Vec<_>, PersistError>>()?;
    Ok(Parsed {
        actors,
        relations,
        roles,
    })
}

/// A builder holding the section's actors and articles.
fn builder(dto: &GraphDto<'_>, parsed: &Parsed, path: &Path) -> Result<GraphBuilder, PersistError> {
    let mut b =
        GraphBuilder::with_capacity(dto.actors.len(), dto.articles.len(), 0, dto.edges.len());
    for a in &parsed.actors {
        b.actor(a.clone());
    }
    for (i, a) in dto.articles.iter().enumerate() {
        let p = b.article(
            &ArticleId(a.id.to_string()),
            a.title.as_deref(),
            a.url.as_deref(),
        );
        debug_assert_eq!(p as usize, i);
        let date = unpack_date(a.date).map_err(|e| corrupt(path, e.to_string()))?;
        b.article_info(p, date, a.lang.as_deref(), a.version)
            .map_err(|e| corrupt(path, e.to_string()))?;
    }
    Ok(b)
}

/// An edge's summary, its roles mapped from the file's role table.
pub(super) fn summary(
    e: &EdgeDto,
    roles: &[Role],
    path: &Path,
) -> Result<EdgeSummary, PersistError> {
    let mut mask = [0u8; 3];
    for (m, file) in mask.iter_mut().zip(e.roles) {
        for (i, role) in roles.iter().enumerate().take(32) {
            if file & (1 << i) != 0 {
                *m |= role_bit(*role);
            }
        }
    }
    let date = |d| unpack_date(d).map_err(|e| corrupt(path, e.to_string()));
    let dates = match (date(e.first)?, date(e.last)?) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    Ok(EdgeSummary {
        asserted: e.asserted,
        hedged: e.hedged,
        negated: e.negated,
        articles: e.articles,
        roles: mask,
        dates,
    })
}

/// Reads stored evidence from the blocks of one commit.
pub(super) struct Blocks {
    reader: Box<dyn ReadAt>,
    path: PathBuf,
    /// File end of the commit: no block lies beyond it.
    end: u64,
    blocks: Vec<u64>,
    chunks: Vec<ChunkDto>,
    /// Each slot's first chunk; one more entry than slots.
    chunk_start: Vec<usize>,
    roles: Vec<Role>,
    /// The blocks read last, most recent first. Questions read edges in file
    /// order; an edge that appends grew has a chunk in the blocks of each
    /// commit, so reading in order walks one run of blocks per commit.
    recent: Mutex<Vec<(u32, Arc<BlockDto<'static>>)>>,
    decoded: Arc<BlockLog>,
}

/// The blocks a reader decoded, in order (a block read again after it left
/// the recent ones counts again). A log per reader rather than a global
/// counter, so that a test can hold one question to the blocks it should
/// read (`relations A B --evidence`: those of the edges between A and B)
/// while other tests read other stores beside it.
#[derive(Debug, Default)]
pub(super) struct BlockLog(Mutex<Vec<u32>>);

impl BlockLog {
    fn push(&self, block: u32) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(block);
    }

    /// The blocks decoded so far, in order.
    pub(super) fn to_vec(&self) -> Vec<u32> {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl std::fmt::Debug for Blocks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Blocks({}, {} blocks)",
            self.path.display(),
            self.blocks.len()
        )
    }
}

impl Blocks {
    /// A reader of the blocks at `blocks`, for the edges whose chunks are
    /// given: slot `i` has chunks `chunk_start[i] .. chunk_start[i + 1]`.
    pub(super) fn new(
        reader: Box<dyn ReadAt>,
        path: &Path,
        end: u64,
        blocks: Vec<u64>,
        (chunks, chunk_start): (Vec<ChunkDto>, Vec<usize>),
        roles: Vec<Role>,
    ) -> Self {
        Blocks {
            reader,
            path: path.to_owned(),
            end,
            blocks,
            chunks,
            chunk_start,
            roles,
            recent: Mutex::new(Vec::with_capacity(RECENT_BLOCKS)),
            decoded: Arc::default(),
        }
    }

    /// The reader, its decodes logged in `log` (see [`BlockLog`]).
    pub(super) fn logging_to(self, log: Arc<BlockLog>) -> Self {
        Blocks {
            decoded: log,
            ..self
        }
    }

    fn block(&self, i: u32) -> Result<Arc<BlockDto<'static>>, PersistError> {
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(k) = recent.iter().position(|(j, _)| *j == i) {
            let hit = recent.remove(k);
            let b = hit.1.clone();
            recent.insert(0, hit);
            return Ok(b);
        }
        let at = *self
            .blocks
            .get(i as usize)
            .ok_or_else(|| corrupt(&self.path, format!("block {i} out of range")))?;
        let payload = read_section(&*self.reader, at, self.end, BLOCK, &self.path)?;
        let b = Arc::new(decode_block(&payload, &self.path)?);
        self.decoded.push(i);
        recent.truncate(RECENT_BLOCKS - 1);
        recent.insert(0, (i, b.clone()));
        Ok(b)
    }

    /// The records of the edge in `slot`.
    fn records(&self, slot: u32) -> Result<Vec<StoredRecord>, PersistError> {
        let slot = slot as usize;
        let (from, to) = (self.chunk_start[slot], self.chunk_start[slot + 1]);
        let mut out = Vec::new();
        for c in &self.chunks[from..to] {
            let block = self.block(c.block)?;
            let end = c.first.checked_add(c.count).map(|e| e as usize);
            let records = end
                .and_then(|e| block.records.get(c.first as usize..e))
                .ok_or_else(|| corrupt(&self.path, "a chunk runs past its block"))?;
            out.reserve(records.len());
            for r in records {
                out.push(self.record(&block, r)?);
            }
        }
        Ok(out)
    }

    fn record(&self, block: &BlockDto<'_>, r: &RecordDto) -> Result<StoredRecord, PersistError> {
        let bad = |what: &str| corrupt(&self.path, format!("evidence {what} out of range"));
        let end = r.start.checked_add(r.len).ok_or_else(|| bad("span"))?;
        let role = match r.role {
            0 => None,
            n => Some(*self.roles.get(n as usize - 1).ok_or_else(|| bad("role"))?),
        };
        let attributed_to = r
            .attributed_to
            .iter()
            .map(|&i| {
                let id = block
                    .attributions
                    .get(i as usize)
                    .ok_or_else(|| bad("attribution"))?;
                ActorId::new(id).map_err(|e| corrupt(&self.path, e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let text = block
            .texts
            .binary_search_by(|s| (s.article, s.sentence).cmp(&(r.article, r.sentence)))
            .map_or(String::new(), |i| block.texts[i].text.to_string());
        Ok(StoredRecord {
            article: r.article,
            facts: EvidenceFacts {
                sentence: r.sentence,
                span: Span {
                    start: r.start,
                    end,
                },
                date: unpack_date(r.date).map_err(|e| corrupt(&self.path, e.to_string()))?,
                negated: r.flags & NEGATED != 0,
                hedged: r.flags & HEDGED != 0,
                attributed_to,
                role,
            },
            text,
        })
    }
}

impl EvidenceSource for Blocks {
    fn read(&self, slot: u32) -> Result<Vec<StoredRecord>, SourceError> {
        Ok(self.records(slot)?)
    }
}

fn decode_block(payload: &[u8], path: &Path) -> Result<BlockDto<'static>, PersistError> {
    let (len, packed) = payload
        .split_first_chunk::<8>()
        .ok_or_else(|| corrupt(path, "an evidence block without its length"))?;
    let raw_len = u64::from_le_bytes(*len);
    // LZ4 expands at most 255-fold: a longer claimed length is a lie, refused
    // before it sizes an allocation.
    if raw_len > MAX_BLOCK_RAW || raw_len > (packed.len() as u64 + 16) * 255 {
        return Err(corrupt(
            path,
            format!("evidence block claims {raw_len} bytes"),
        ));
    }
    let mut raw = vec![0u8; raw_len as usize];
    let n = lz4_flex::block::decompress_into(packed, &mut raw)
        .map_err(|_| corrupt(path, "cannot decompress an evidence block"))?;
    if n != raw.len() {
        return Err(corrupt(path, "an evidence block is shorter than it says"));
    }
    read_block(&raw).ok_or_else(|| corrupt(path, "cannot decode an evidence block"))
}

/// A block's bytes read by hand, field after field as bincode writes
/// `BlockDto` (as `index::Varints` reads the edge table): through serde, the
/// 26 blocks of `timeline USA CHN` on a store of 951,020 records took a
/// fifth of its instructions. `None` when the bytes do not decode to a
/// block or some are left over; no length sizes an allocation beyond the
/// bytes left.
fn read_block(raw: &[u8]) -> Option<BlockDto<'static>> {
    let mut r = super::index::Varints { bytes: raw, at: 0 };
    let owned = |s: &str| Cow::Owned(s.to_owned());
    let (n, room) = r.len(1)?;
    let mut attributions = Vec::with_capacity(room);
    for _ in 0..n {
        attributions.push(owned(r.str()?));
    }
    let (n, room) = r.len(3)?;
    let mut texts = Vec::with_capacity(room);
    for _ in 0..n {
        let (article, sentence) = (r.u32()?, r.u32()?);
        let text = owned(r.str()?);
        texts.push(SentenceDto {
            article,
            sentence,
            text,
        });
    }
    // Eight fields of a byte at least.
    let (n, room) = r.len(8)?;
    let mut records = Vec::with_capacity(room);
    for _ in 0..n {
        records.push(read_record(&mut r)?);
    }
    (r.at == raw.len()).then_some(BlockDto {
        attributions,
        texts,
        records,
    })
}

fn read_record(r: &mut super::index::Varints<'_>) -> Option<RecordDto> {
    let (article, sentence, start, len, date) = (r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?);
    let (flags, role) = (r.u8()?, r.u32()?);
    let (n, room) = r.len(1)?;
    let mut attributed_to = Vec::with_capacity(room);
    for _ in 0..n {
        attributed_to.push(r.u32()?);
    }
    Some(RecordDto {
        article,
        sentence,
        start,
        len,
        date,
        flags,
        role,
        attributed_to,
    })
}

/// The graph of a commit, read from `reader`. With `held`, every block is read
/// and the graph holds all its records; else each edge keeps its summary and
/// reads its records from the file when a question asks for them.
pub(super) fn graph_of(
    reader: Box<dyn ReadAt>,
    commit: Commit,
    path: &Path,
    held: bool,
) -> Result<KnowledgeGraph, PersistError> {
    let mut commit = commit;
    let (block_at, chunks) = (
        std::mem::take(&mut commit.graph.blocks),
        std::mem::take(&mut commit.graph.chunks),
    );
    let dto = &commit.graph;
    let parsed = parse_names(dto, path)?;
    let mut b = builder(dto, &parsed, path)?;
    let mut chunk_start = Vec::with_capacity(dto.edges.len() + 1);
    chunk_start.push(0usize);
    let mut summaries = Vec::with_capacity(dto.edges.len());
    for e in &dto.edges {
        let next = chunk_start[chunk_start.len() - 1] + e.chunks as usize;
        if next > chunks.len() {
            return Err(corrupt(path, "edges claim more chunks than stored"));
        }
        chunk_start.push(next);
        summaries.push(summary(e, &parsed.roles, path)?);
    }
    let blocks = Blocks::new(
        reader,
        path,
        commit.end,
        block_at,
        (chunks, chunk_start),
        parsed.roles.clone(),
    );
    for (slot, (e, s)) in dto.edges.iter().zip(summaries).enumerate() {
        let relation = *parsed
            .relations
            .get(e.relation as usize)
            .ok_or_else(|| corrupt(path, format!("relation {} out of range", e.relation)))?;
        let slot = pos(slot);
        let added = if held {
            let records = blocks.records(slot)?;
            if records.len() != s.evidence() {
                return Err(corrupt(path, "an edge's records do not match its counts"));
            }
            for r in &records {
                b.sentence(r.article, r.facts.sentence, &r.text)
                    .map_err(|e| corrupt(path, e.to_string()))?;
            }
            let records = records.into_iter().map(|r| (r.article, r.facts)).collect();
            b.edge(e.source, relation, e.target, records)
        } else {
            b.stored_edge(e.source, relation, e.target, s).map(|_| ())
        };
        added.map_err(|e| corrupt(path, e.to_string()))?;
    }
    if held {
        return Ok(b.finish());
    }
    b.stored_sentences(usize::try_from(dto.sentences).unwrap_or(usize::MAX));
    Ok(b.finish_stored(Arc::new(blocks)))
}

// ---------------------------------------------------------------- appending

/// What an append added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Appended {
    /// Actors new to the store.
    pub new_actors: usize,
    /// Edges new to the store.
    pub new_edges: usize,
    /// Evidence records new to the store.
    pub new_evidence: usize,
    /// Bytes of the file no current section uses, after the append.
    pub dead: u64,
    /// The file's length after the append.
    pub len: u64,
    /// The dead share passed a half, and the store was rewritten.
    pub compacted: bool,
}

/// The last commit as an append reads it: the graph section's bytes, with
/// its ontology, actors and edge tables decoded and its article table left
/// as bytes. The article table is the one part of the section that grows
/// with the corpus rather than the graph (a row per article ever read), so
/// an append walks it and copies it, and never holds it as rows: the
/// memory of an append is the graph's and the batch's, not the store's.
pub(super) struct Tip {
    payload: Vec<u8>,
    /// Where the article table lies in `payload`, its length first.
    articles: std::ops::Range<usize>,
    /// Where its first row starts.
    rows_at: usize,
    /// Rows in the article table.
    article_count: usize,
    /// The file's role table is this build's (old blocks point into it).
    same_roles: bool,
    parsed: Parsed,
    sentences: u64,
    blocks: Vec<u64>,
    edges: Vec<EdgeDto>,
    chunks: Vec<ChunkDto>,
    dead: u64,
    /// Where the graph section starts: an append makes the rest dead.
    graph_at: u64,
    /// Where the census starts (a compaction copies it).
    census_at: u64,
    /// Where the commit ends (the file's length unless a torn commit follows).
    pub(super) end: u64,
}

/// The last commit of a file `len` bytes long, as [`append`] reads it (its
/// census checked, as [`last_commit`] does).
pub(super) fn last_tip(r: &dyn ReadAt, len: u64, path: &Path) -> Result<Tip, PersistError> {
    use super::index::Varints;
    use super::section::{self, ArticleRef, Head, Skipped, decode_run};
    let footer = last_footer(r, len, path)?;
    read_section(r, footer.census_at, footer.end - FOOTER_LEN, CENSUS, path)?;
    let payload = read_section(r, footer.graph_at, footer.census_at, GRAPH, path)?;
    let (head, at): (Head<'_>, usize) = decode_run(&payload, 0, path)?;
    let same_roles = head
        .roles
        .iter()
        .copied()
        .eq(Role::ALL.iter().map(|r| r.as_str()));
    let parsed = Parsed {
        actors: section::parse_actors(&head, path)?,
        relations: section::parse_all(&head.relations, path)?,
        roles: section::parse_all(&head.roles, path)?,
    };
    drop(head);
    let (_, after): (Skipped<ArticleRef<'_>>, usize) = decode_run(&payload, at, path)?;
    let mut count = Varints {
        bytes: &payload,
        at,
    };
    let article_count = count
        .u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| corrupt(path, "cannot decode the graph"))?;
    let rows_at = count.at;
    let (sentences, x): (u64, usize) = decode_run(&payload, after, path)?;
    let (blocks, x): (Vec<u64>, usize) = decode_run(&payload, x, path)?;
    let (edges, x): (Vec<EdgeDto>, usize) = decode_run(&payload, x, path)?;
    let (chunks, x): (Vec<ChunkDto>, usize) = decode_run(&payload, x, path)?;
    let (dead, x): (u64, usize) = decode_run(&payload, x, path)?;
    if x != payload.len() {
        return Err(corrupt(path, "undecoded bytes in the graph section"));
    }
    Ok(Tip {
        payload,
        articles: at..after,
        rows_at,
        article_count,
        same_roles,
        parsed,
        sentences,
        blocks,
        edges,
        chunks,
        dead,
        graph_at: footer.graph_at,
        census_at: footer.census_at,
        end: footer.end,
    })
}

impl Tip {
    /// Calls `f` with the id and version of each article the commit holds,
    /// in table order, borrowing the ids from the section's bytes.
    fn each_article(&self, path: &Path, mut f: impl FnMut(&str, u64)) -> Result<(), PersistError> {
        let table = &self.payload[..self.articles.end];
        let mut at = self.rows_at;
        for _ in 0..self.article_count {
            let (a, next): (super::section::ArticleRef<'_>, usize) =
                super::section::decode_run(table, at, path)?;
            f(a.id, a.version);
            at = next;
        }
        Ok(())
    }
}

/// The version of each of `ids` that the last commit holds (those it does
/// not hold are left out).
pub(super) fn held_versions(
    r: &dyn ReadAt,
    len: u64,
    ids: &std::collections::HashSet<&str>,
    path: &Path,
) -> Result<HashMap<ArticleId, u64>, PersistError> {
    let tip = last_tip(r, len, path)?;
    let mut held = HashMap::new();
    tip.each_article(path, |id, version| {
        if ids.contains(id) {
            held.insert(ArticleId(id.to_owned()), version);
        }
    })?;
    Ok(held)
}

/// One edge of a merged graph section, with its actors' ids to sort by.
struct MergedEdge<'a> {
    source: &'a ActorId,
    relation: Relation,
    target: &'a ActorId,
    summary: EdgeSummary,
    chunks: Vec<ChunkDto>,
}

/// Appends a commit holding `delta` to the file `w` writes, whose last commit
/// is `old`. `None` when the commit cannot hold it as an
/// append: `delta` has an article the store holds, or the file's role table
/// differs from this build's (old blocks point into it). The caller then
/// rewrites the store.
pub(super) fn append(
    w: &mut File,
    old: Tip,
    delta: &KnowledgeGraph,
    path: &Path,
) -> Result<Option<Appended>, PersistError> {
    if !old.same_roles {
        return Ok(None);
    }
    let t = delta.tables();
    let new: std::collections::HashSet<&str> = t.articles.iter().map(|a| a.id.0.as_str()).collect();
    let mut held = false;
    old.each_article(path, |id, _| held |= new.contains(id))?;
    if held {
        return Ok(None);
    }
    let mut actors = KnowledgeGraph::new();
    for a in &old.parsed.actors {
        actors.upsert_actor(a.clone());
    }
    let new_actors = t
        .actors
        .iter()
        .filter(|a| actors.upsert_actor((**a).clone()))
        .count();
    let all: Vec<&Actor> = actors.actors().collect();
    match write_commit(w, &old, &t, &all, path) {
        Ok((dead, new_edges)) => Ok(Some(Appended {
            new_actors,
            new_edges,
            new_evidence: delta.evidence_count(),
            dead,
            len: w.metadata().map_or(0, |m| m.len()),
            compacted: false,
        })),
        Err(e) => {
            // A failed append (a full disk) leaves the file as it was.
            let _ = w.set_len(old.end);
            Err(e)
        }
    }
}

/// Writes the commit of an append after `old`: the blocks of `t`, then the
/// graph section and census of both, synced, then the footer, synced.
/// Returns the new commit's dead bytes and how many of `t`'s edges are new.
fn write_commit(
    w: &mut File,
    old: &Tip,
    t: &Tables<'_>,
    actors: &[&Actor],
    path: &Path,
) -> Result<(u64, usize), PersistError> {
    let io = |e: io::Error| PersistError::Io {
        path: path.to_owned(),
        action: "save the store",
        error: e,
    };
    // A torn commit after the last good one goes: the append takes its place.
    w.set_len(old.end).map_err(io)?;
    w.seek(io::SeekFrom::Start(old.end)).map_err(io)?;
    let mut buf = io::BufWriter::with_capacity(1 << 20, &*w);
    let mut out = Out::new(&mut buf, old.end);
    let base = old.article_count;
    let article_pos: Vec<u32> = (0..t.articles.len()).map(|i| pos(base + i)).collect();
    let mut blocks = BlockWriter::new(t, &mut out, old.blocks.len());
    let mut delta_edges = Vec::with_capacity(t.edges.len());
    for e in &t.edges {
        let chunk = blocks
            .edge(&t.evidence[e.evidence.clone()], &article_pos)
            .map_err(io)?;
        delta_edges.push(MergedEdge {
            source: &t.actors[e.source as usize].id,
            relation: e.relation,
            target: &t.actors[e.target as usize].id,
            summary: e.summary,
            chunks: vec![chunk],
        });
    }
    blocks.flush().map_err(io)?;
    let new_blocks = std::mem::take(&mut blocks.blocks);
    let added = delta_edges.len();
    let (edges, joined) = merge_edges(old_edges(old, path)?, delta_edges);
    let dead = old.dead + (old.end - old.graph_at);
    let (payload, census) = merged_section(old, t, actors, &edges, new_blocks, dead, path)?;
    drop(edges);
    let graph_at = out.section(GRAPH, &payload).map_err(io)?;
    out.section(INDEX, &super::index::encode(&payload))
        .map_err(io)?;
    let census_at = out.section(CENSUS, &encode_census(&census)).map_err(io)?;
    let footer_at = out.at;
    // The footer goes last, once all it names is on disk: a crash before it
    // leaves a torn commit that readers skip.
    buf.flush().map_err(io)?;
    drop(buf);
    w.sync_data().map_err(io)?;
    let mut buf = io::BufWriter::new(&*w);
    Out::new(&mut buf, footer_at)
        .footer(graph_at, census_at)
        .map_err(io)?;
    buf.flush().map_err(io)?;
    drop(buf);
    w.sync_data().map_err(io)?;
    Ok((dead, added - joined))
}

/// The last commit's edges with their ids, summaries and chunks.
fn old_edges<'a>(old: &'a Tip, path: &Path) -> Result<Vec<MergedEdge<'a>>, PersistError> {
    let parsed = &old.parsed;
    let mut next = 0usize;
    old.edges
        .iter()
        .map(|e| {
            let actor = |p: u32| {
                parsed
                    .actors
                    .get(p as usize)
                    .map(|a| &a.id)
                    .ok_or_else(|| corrupt(path, format!("edge end {p} is no actor")))
            };
            let relation = *parsed
                .relations
                .get(e.relation as usize)
                .ok_or_else(|| corrupt(path, format!("relation {} out of range", e.relation)))?;
            let chunks = old
                .chunks
                .get(next..next + e.chunks as usize)
                .ok_or_else(|| corrupt(path, "edges claim more chunks than stored"))?
                .to_vec();
            next += e.chunks as usize;
            Ok(MergedEdge {
                source: actor(e.source)?,
                relation,
                target: actor(e.target)?,
                summary: summary(e, &parsed.roles, path)?,
                chunks,
            })
        })
        .collect()
}

/// Both sorted edge lists as one, edges in both joined (their articles are
/// disjoint, so their summaries add up); returns it and how many were joined.
fn merge_edges<'a>(
    old: Vec<MergedEdge<'a>>,
    new: Vec<MergedEdge<'a>>,
) -> (Vec<MergedEdge<'a>>, usize) {
    let key = |e: &MergedEdge<'a>| (e.source, e.relation, e.target);
    let mut out: Vec<MergedEdge<'a>> = Vec::with_capacity(old.len() + new.len());
    let (mut a, mut b) = (old.into_iter().peekable(), new.into_iter().peekable());
    let mut joined = 0;
    loop {
        let next = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (Some(x), Some(y)) => match key(x).cmp(&key(y)) {
                std::cmp::Ordering::Greater => b.next(),
                std::cmp::Ordering::Less => a.next(),
                std::cmp::Ordering::Equal => {
                    let mut x = a.next().expect("peeked");
                    let y = b.next().expect("peeked");
                    x.summary.add_disjoint(&y.summary);
                    x.chunks.extend(y.chunks);
                    joined += 1;
                    Some(x)
                }
            },
        };
        out.extend(next);
    }
    (out, joined)
}

/// Encodes `value` at the end of `out`, as one field of a section.
fn put<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    bincode::serde::encode_into_std_write(value, out, config())
        .expect("encoding into a Vec cannot fail");
}

/// The payload of the graph section of the old commit with `delta`'s tables
/// added, and its census. The payload is what encoding a [`GraphDto`] gives
/// (bincode writes a struct as its fields one after the other, and a
/// sequence as its length then its elements), but the old article rows are
/// copied as bytes rather than decoded and encoded again.
fn merged_section(
    old: &Tip,
    t: &Tables<'_>,
    actors: &[&Actor],
    edges: &[MergedEdge<'_>],
    new_blocks: Vec<u64>,
    dead: u64,
    path: &Path,
) -> Result<(Vec<u8>, Census), PersistError> {
    let actor_pos = |id: &ActorId| {
        actors
            .binary_search_by(|a| a.id.cmp(id))
            .map(pos)
            .map_err(|_| corrupt(path, format!("edge end {id} is no actor")))
    };
    // The census as a reader of the new section counts it: every actor,
    // every edge with its summary, no record read.
    let mut b = GraphBuilder::with_capacity(actors.len(), 0, 0, edges.len());
    for a in actors {
        b.actor((*a).clone());
    }
    let mut chunks = Vec::new();
    let mut edge_dtos = Vec::with_capacity(edges.len());
    for e in edges {
        let (s, tg) = (actor_pos(e.source)?, actor_pos(e.target)?);
        edge_dtos.push(edge_dto(s, e.relation, tg, &e.summary, pos(e.chunks.len())));
        chunks.extend_from_slice(&e.chunks);
        b.stored_edge(s, e.relation, tg, e.summary)
            .map_err(|e| corrupt(path, e.to_string()))?;
    }
    let sentences = old.sentences + t.sentences.len() as u64;
    b.stored_sentences(usize::try_from(sentences).unwrap_or(usize::MAX));
    let no_records = Blocks::new(
        Box::new(Vec::<u8>::new()),
        path,
        0,
        Vec::new(),
        (Vec::new(), vec![0; edges.len() + 1]),
        Vec::new(),
    );
    let mut census = b.finish_stored(Arc::new(no_records)).census();
    census.articles = old.article_count + t.articles.len();

    let mut blocks = old.blocks.clone();
    blocks.extend(new_blocks);
    let tail = Tail {
        sentences,
        blocks: &blocks,
        edges: &edge_dtos,
        chunks: &chunks,
        dead,
    };
    Ok((old.section_payload(actors, &t.articles, tail), census))
}

/// The fields of a graph section after its article table.
struct Tail<'a> {
    sentences: u64,
    blocks: &'a [u64],
    edges: &'a [EdgeDto],
    chunks: &'a [ChunkDto],
    dead: u64,
}

impl Tip {
    /// The payload of a graph section of this build's ontology tables and
    /// `actors`, whose article table is this commit's rows (copied as bytes,
    /// since blocks point into it) then `new_articles`, and then `tail`. It
    /// is what encoding a [`GraphDto`] gives: bincode writes a struct as its
    /// fields one after the other, and a sequence as its length then its
    /// elements.
    fn section_payload(
        &self,
        actors: &[&Actor],
        new_articles: &[crate::graph::ArticleRow<'_>],
        tail: Tail<'_>,
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.payload.len() + (1 << 16));
        put(&mut out, &names(Relation::ALL, Relation::as_str));
        put(&mut out, &names(&ActorKind::ALL, ActorKind::as_str));
        put(&mut out, &names(&Role::ALL, Role::as_str));
        put(
            &mut out,
            &actors.iter().map(|a| actor_dto(a)).collect::<Vec<_>>(),
        );
        put(
            &mut out,
            &((self.article_count + new_articles.len()) as u64),
        );
        out.extend_from_slice(&self.payload[self.rows_at..self.articles.end]);
        for a in new_articles {
            put(&mut out, &article_dto(a));
        }
        put(&mut out, &tail.sentences);
        put(&mut out, tail.blocks);
        put(&mut out, tail.edges);
        put(&mut out, tail.chunks);
        put(&mut out, &tail.dead);
        out
    }
}

// ---------------------------------------------------------------- compacting

/// Writes the store whose last commit is `old`, read from `r`, to `w` as a
/// file of this build's format with one commit, a block at a time: each
/// edge's records are copied from the old blocks into new ones, edge after
/// edge, so that they sit together again, and the graph section is written
/// with its article table copied as bytes and its census as it was. What
/// it holds at once is the old commit's graph section, the new one, and
/// the old blocks that still have records to copy (about one per commit
/// that added to the edges: edges are sorted alike in every commit).
pub(super) fn write_compacted(
    r: &dyn ReadAt,
    old: Tip,
    w: &mut dyn Write,
    path: &Path,
) -> Result<(), PersistError> {
    let io = |e: io::Error| PersistError::Io {
        path: path.to_owned(),
        action: "save the store",
        error: e,
    };
    let census = read_section(r, old.census_at, old.end - FOOTER_LEN, CENSUS, path)?;
    let mut out = Out::new(w, 0);
    out.bytes(&super::file_header(super::FORMAT_VERSION))
        .map_err(io)?;
    let mut source = OldBlocks::new(r, &old, path)?;
    let mut repack = Repacker::new(&old.parsed.roles);
    let mut edges = Vec::with_capacity(old.edges.len());
    let mut chunks = Vec::with_capacity(old.edges.len());
    let mut next = 0usize;
    for e in &old.edges {
        let mine = old
            .chunks
            .get(next..next + e.chunks as usize)
            .ok_or_else(|| corrupt(path, "edges claim more chunks than stored"))?;
        next += e.chunks as usize;
        let relation = *old
            .parsed
            .relations
            .get(e.relation as usize)
            .ok_or_else(|| corrupt(path, format!("relation {} out of range", e.relation)))?;
        let s = summary(e, &old.parsed.roles, path)?;
        let chunk = repack.chunk();
        for c in mine {
            source.copy(*c, |block, record| repack.record(block, record, path))?;
        }
        let chunk = ChunkDto {
            count: repack.chunk().first - chunk.first,
            ..chunk
        };
        if chunk.count as usize != s.evidence() {
            return Err(corrupt(path, "an edge's records do not match its counts"));
        }
        repack.close_if_full(&mut out).map_err(io)?;
        edges.push(edge_dto(e.source, relation, e.target, &s, 1));
        chunks.push(chunk);
    }
    repack.close(&mut out).map_err(io)?;
    drop(source);
    let payload = {
        let actors: Vec<&Actor> = old.parsed.actors.iter().collect();
        let tail = Tail {
            sentences: old.sentences,
            blocks: &repack.blocks,
            edges: &edges,
            chunks: &chunks,
            dead: 0,
        };
        old.section_payload(&actors, &[], tail)
    };
    drop((edges, chunks, old));
    let graph_at = out.section(GRAPH, &payload).map_err(io)?;
    out.section(INDEX, &super::index::encode(&payload))
        .map_err(io)?;
    drop(payload);
    let census_at = out.section(CENSUS, &census).map_err(io)?;
    out.footer(graph_at, census_at).map_err(io)
}

/// The blocks of a commit, each read when a record of it is first copied
/// and dropped once its last one is: a compaction holds only the blocks it
/// is part way through.
struct OldBlocks<'r> {
    r: &'r dyn ReadAt,
    path: &'r Path,
    end: u64,
    at: &'r [u64],
    /// Records of each block not yet copied.
    left: Vec<u64>,
    open: HashMap<u32, BlockDto<'static>>,
}

impl<'r> OldBlocks<'r> {
    fn new(r: &'r dyn ReadAt, tip: &'r Tip, path: &'r Path) -> Result<Self, PersistError> {
        let mut left = vec![0u64; tip.blocks.len()];
        for c in &tip.chunks {
            *left
                .get_mut(c.block as usize)
                .ok_or_else(|| corrupt(path, format!("block {} out of range", c.block)))? +=
                u64::from(c.count);
        }
        Ok(OldBlocks {
            r,
            path,
            end: tip.end,
            at: &tip.blocks,
            left,
            open: HashMap::new(),
        })
    }

    /// Calls `f` with each record of chunk `c`, in order.
    fn copy(
        &mut self,
        c: ChunkDto,
        mut f: impl FnMut(&BlockDto<'static>, &RecordDto) -> Result<(), PersistError>,
    ) -> Result<(), PersistError> {
        let i = c.block;
        let block = match self.open.entry(i) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let at = *self
                    .at
                    .get(i as usize)
                    .ok_or_else(|| corrupt(self.path, format!("block {i} out of range")))?;
                let payload = read_section(self.r, at, self.end, BLOCK, self.path)?;
                v.insert(decode_block(&payload, self.path)?)
            }
        };
        let end = c.first.checked_add(c.count).map(|e| e as usize);
        let records = end
            .and_then(|e| block.records.get(c.first as usize..e))
            .ok_or_else(|| corrupt(self.path, "a chunk runs past its block"))?;
        for r in records {
            f(block, r)?;
        }
        let left = &mut self.left[i as usize];
        *left -= u64::from(c.count);
        if *left == 0 {
            self.open.remove(&i);
        }
        Ok(())
    }
}

/// Packs records copied from old blocks into new ones, as [`BlockWriter`]
/// packs a graph's: its texts each once, its attributions each once.
struct Repacker {
    /// Each role number of the old file (1 + position in its role table)
    /// as this build numbers it.
    roles: Vec<u32>,
    blocks: Vec<u64>,
    cur: BlockDto<'static>,
    texts: HashMap<(u32, u32), ()>,
    attributions: HashMap<String, u32>,
    raw: usize,
}

impl Repacker {
    fn new(file_roles: &[Role]) -> Self {
        Repacker {
            roles: file_roles
                .iter()
                .map(|r| 1 + role_bit(*r).trailing_zeros())
                .collect(),
            blocks: Vec::new(),
            cur: BlockDto::default(),
            texts: HashMap::new(),
            attributions: HashMap::new(),
            raw: 0,
        }
    }

    /// Where the next record goes.
    fn chunk(&self) -> ChunkDto {
        ChunkDto {
            block: pos(self.blocks.len()),
            first: pos(self.cur.records.len()),
            count: 0,
        }
    }

    /// Adds a copy of `r`, a record of `block`, with its text.
    fn record(
        &mut self,
        block: &BlockDto<'_>,
        r: &RecordDto,
        path: &Path,
    ) -> Result<(), PersistError> {
        let bad = |what: &str| corrupt(path, format!("evidence {what} out of range"));
        if self.texts.insert((r.article, r.sentence), ()).is_none()
            && let Ok(i) = block
                .texts
                .binary_search_by(|s| (s.article, s.sentence).cmp(&(r.article, r.sentence)))
        {
            let text = &block.texts[i].text;
            self.raw += text.len() + 8;
            self.cur.texts.push(SentenceDto {
                article: r.article,
                sentence: r.sentence,
                text: Cow::Owned(text.to_string()),
            });
        }
        let role = match r.role {
            0 => 0,
            n => *self.roles.get(n as usize - 1).ok_or_else(|| bad("role"))?,
        };
        let attributed_to = r
            .attributed_to
            .iter()
            .map(|&i| {
                let id = block
                    .attributions
                    .get(i as usize)
                    .ok_or_else(|| bad("attribution"))?;
                let next = pos(self.cur.attributions.len());
                Ok(*self.attributions.entry(id.to_string()).or_insert_with(|| {
                    self.cur.attributions.push(Cow::Owned(id.to_string()));
                    next
                }))
            })
            .collect::<Result<Vec<u32>, PersistError>>()?;
        r.start.checked_add(r.len).ok_or_else(|| bad("span"))?;
        unpack_date(r.date).map_err(|e| corrupt(path, e.to_string()))?;
        self.cur.records.push(RecordDto {
            article: r.article,
            sentence: r.sentence,
            start: r.start,
            len: r.len,
            date: r.date,
            flags: r.flags,
            role,
            attributed_to,
        });
        self.raw += 24;
        Ok(())
    }

    /// Closes the current block once it passes the target size (between
    /// edges: an edge is never split).
    fn close_if_full(&mut self, out: &mut Out<'_>) -> io::Result<()> {
        if self.raw >= BLOCK_TARGET {
            self.close(out)?;
        }
        Ok(())
    }

    /// Closes the current block, when it holds anything, and writes it.
    fn close(&mut self, out: &mut Out<'_>) -> io::Result<()> {
        if self.cur.records.is_empty() {
            return Ok(());
        }
        let block = std::mem::take(&mut self.cur);
        self.blocks.push(write_block(out, block)?);
        self.texts.clear();
        self.attributions.clear();
        self.raw = 0;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::jsonl::claim_from_line;

    fn sample(article: &str) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let line = format!(
            r#"{{"source":"USA","relation":"sanctions","target":"RUS","article":"{article}","text":"Sanctions."}}"#
        );
        g.insert_claim(&claim_from_line(&line).unwrap());
        g
    }

    #[test]
    fn a_torn_commit_after_the_last_footer_is_skipped() {
        let bytes = encode(&sample("a"));
        let whole = super::super::decode(&bytes, Path::new("s")).unwrap();
        for junk in [&b"x"[..], &[0; 4096], &bytes[25..]] {
            let mut torn = bytes.clone();
            torn.extend_from_slice(junk);
            assert_eq!(super::super::decode(&torn, Path::new("s")).unwrap(), whole);
        }
    }

    #[test]
    fn hand_read_blocks_are_bincodes() {
        let record = |i: u32, attributed_to: Vec<u32>| RecordDto {
            article: i * 70_001,
            sentence: i * 251,
            start: i,
            len: 65_536 + i,
            date: 20_240_619,
            flags: NEGATED | HEDGED,
            role: i % 3,
            attributed_to,
        };
        let block = BlockDto {
            attributions: vec!["JPN".into(), "person:kim-jong-un".into()],
            texts: (0..300)
                .map(|i| SentenceDto {
                    article: i,
                    sentence: i * 1_000,
                    text: format!("露朝首脳会談 {i} {}", "x".repeat(i as usize)).into(),
                })
                .collect(),
            records: vec![
                record(0, vec![]),
                record(1, vec![1, 0]),
                record(300, vec![1]),
            ],
        };
        let bytes = bincode::serde::encode_to_vec(&block, config()).unwrap();
        let read = read_block(&bytes).expect("a block");
        let again = bincode::serde::encode_to_vec(&read, config()).unwrap();
        assert!(again == bytes, "the hand-read block encodes differently");
        // Cut short, or with a byte left over, it is refused.
        for bad in [&bytes[..bytes.len() - 1], &[&bytes[..], &[0]].concat()] {
            assert!(read_block(bad).is_none());
        }
    }

    #[test]
    fn a_block_claiming_a_huge_length_is_refused_without_allocating() {
        let mut payload = (1u64 << 40).to_le_bytes().to_vec();
        payload.extend_from_slice(&[0; 16]);
        let err = decode_block(&payload, Path::new("s"))
            .map(|_| ())
            .unwrap_err();
        assert!(err.to_string().contains("evidence block claims"), "{err}");
    }

    /// Part `p` of a store of sixteen states: every pair under two relations
    /// (360 edges: `summit` is symmetric), four dated records of 600-byte
    /// sentences for each pair and relation, so that a part fills about
    /// eighteen blocks and the three edges of one pair lie in about three.
    fn many_edges(p: u32) -> KnowledgeGraph {
        let state = |i: u32| {
            let letter = |x: u32| char::from(b'A' + x as u8);
            let id = format!("A{}{}", letter(i / 4), letter(i % 4));
            Actor::from_id(ActorId::new(&id).expect("three capitals"))
        };
        let mut g = KnowledgeGraph::new();
        let mut k = 0u32;
        let pairs = (0..16).flat_map(|s| (0..16).map(move |t| (s, t)));
        for (s, t) in pairs.filter(|(s, t)| s != t) {
            for relation in [Relation::Sanctions, Relation::Summit] {
                for _ in 0..4 {
                    k += 1;
                    let date =
                        crate::model::Date::new(2020 + (k % 5) as u16, 1, 1 + (k % 28) as u8);
                    g.insert_claim(&crate::model::Claim {
                        source: state(s),
                        relation,
                        target: state(t),
                        negated: false,
                        hedged: k.is_multiple_of(3),
                        attributed_to: vec![],
                        evidence: crate::model::Evidence {
                            article: ArticleId(format!("p{p}-{}", k / 40)),
                            title: None,
                            url: None,
                            date: Some(date.expect("a valid day")),
                            // Records are told apart by their span.
                            sentence: k % 40,
                            span: Span::new((k % 40) as usize * 10, (k % 40) as usize * 10 + 5),
                            text: format!("{p} {k} {}", "word ".repeat(120)),
                            lang: None,
                        },
                    });
                }
            }
        }
        g
    }

    /// The blocks holding the records of the edges whose ends are `a` and
    /// `b` (either way), from the chunk table as the whole-section decoder
    /// reads it (not the hand-read one `Section` uses).
    fn blocks_between(path: &Path, a: &str, b: &str) -> (std::collections::BTreeSet<u32>, usize) {
        let f = File::open(path).unwrap();
        let len = f.metadata().unwrap().len();
        let dto = last_commit(&f, len, path).unwrap().graph;
        let id = |e: u32| &*dto.actors[e as usize].id;
        let mut expected = std::collections::BTreeSet::new();
        let mut chunks = dto.chunks.iter();
        for e in &dto.edges {
            let own: Vec<&ChunkDto> = chunks.by_ref().take(e.chunks as usize).collect();
            let ends = [id(e.source), id(e.target)];
            if ends == [a, b] || ends == [b, a] {
                expected.extend(own.iter().map(|c| c.block));
            }
        }
        (expected, dto.blocks.len())
    }

    // See: issue 12 ("`relations A B --evidence` reads only the blocks of
    // the edges between A and B").
    #[test]
    fn a_question_about_a_pair_decodes_only_the_blocks_of_its_edges() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.dgraph");
        let w = super::super::StoreWriter::lock(&path).unwrap();
        w.save(&many_edges(0)).unwrap();
        for p in 1..3 {
            // Appends, so that each edge has a chunk in the blocks of each commit.
            assert!(!w.append(&many_edges(p)).unwrap().unwrap().compacted);
        }
        let (a, b) = ("AAB", "ADC");
        let (expected, total) = blocks_between(&path, a, b);
        assert!(
            expected.len() >= 3 && expected.len() * 5 <= total,
            "{} of {total} blocks hold the pair: the test proves too little",
            expected.len()
        );
        let (a, b) = (ActorId::new(a).unwrap(), ActorId::new(b).unwrap());
        // Each question on its own reader, as the CLI asks it: the edges
        // `scope::between` picks, records read only when the answer needs them.
        let ask = |records: bool, question: &dyn Fn(&KnowledgeGraph) -> usize| {
            let section = super::super::Section::open(&path).unwrap().unwrap();
            assert_eq!(section.block_count(), total);
            let edges = crate::query::scope::between(section.index(), &a, &b);
            let g = section.graph(&edges, records).unwrap();
            assert!(question(&g) > 0, "an empty answer reads nothing");
            assert!(g.take_evidence_error().is_none());
            section.blocks_decoded()
        };
        let (a, b, f) = (&a, &b, &crate::query::Filter::default());
        let side = crate::query::Side::Both;
        let relations = |evidence| {
            move |g: &KnowledgeGraph| {
                let rows = crate::query::relations_filtered(g, a, Some(b), side, f, evidence);
                rows.unwrap().len()
            }
        };
        let timeline = |g: &KnowledgeGraph| {
            let rows = crate::query::timeline(g, a, Some(b), side, f, true);
            rows.unwrap().len()
        };
        let expected: Vec<u32> = expected.into_iter().collect();
        for (what, decoded) in [
            ("relations --evidence", ask(true, &relations(true))),
            ("timeline", ask(true, &timeline)),
        ] {
            let mut sorted = decoded.clone();
            sorted.sort_unstable();
            // Sorted and still as long: no block was decoded twice.
            assert_eq!(
                sorted, expected,
                "{what} decoded blocks {decoded:?} of {total}"
            );
        }
        assert_eq!(
            ask(false, &relations(false)),
            Vec::<u32>::new(),
            "relations without evidence"
        );
    }

    #[test]
    fn an_append_adds_up_to_merging() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.dgraph");
        std::fs::write(&path, encode(&sample("a"))).unwrap();
        let mut w = File::options().read(true).write(true).open(&path).unwrap();
        let len = w.metadata().unwrap().len();
        let old = last_tip(&w, len, &path).unwrap();
        let mut b = sample("b");
        let line = r#"{"source":"JPN","relation":"alliance","target":"USA","article":"b","text":"Allies."}"#;
        b.insert_claim(&claim_from_line(line).unwrap());
        let added = append(&mut w, old, &b, &path).unwrap().unwrap();
        assert_eq!(
            (added.new_actors, added.new_edges, added.new_evidence),
            (1, 1, 2)
        );
        let mut merged = sample("a");
        merged.merge(&b);
        assert_eq!(super::super::load(&path).unwrap(), merged);
        // The census written beside the section counts what a reader of it
        // counts (the article table copied as bytes, not rebuilt).
        assert_eq!(super::super::census(&path).unwrap(), merged.census());
        // A second append copies the table the first one wrote.
        let c = sample("c");
        let len = w.metadata().unwrap().len();
        let old = last_tip(&w, len, &path).unwrap();
        append(&mut w, old, &c, &path).unwrap().unwrap();
        merged.merge(&c);
        assert_eq!(super::super::load(&path).unwrap(), merged);
        assert_eq!(super::super::census(&path).unwrap(), merged.census());
        let len = w.metadata().unwrap().len();
        let ids = ["b", "x"].into_iter().collect();
        let held = held_versions(&w, len, &ids, &path).unwrap();
        assert_eq!(held.keys().collect::<Vec<_>>(), [&ArticleId("b".into())]);
        // An article the store holds cannot be appended.
        let len = w.metadata().unwrap().len();
        let old = last_tip(&w, len, &path).unwrap();
        assert!(append(&mut w, old, &sample("a"), &path).unwrap().is_none());
    }
}
