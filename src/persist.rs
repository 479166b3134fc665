//! The store file: header, format version, DTO, atomic write, decode limits.
//!
//! Owns the on-disk format and is the only user of `bincode`. Must not touch clap,
//! DOT or graph logic beyond converting a [`KnowledgeGraph`] to and from its DTO.
//!
//! # Layout (format version 1)
//!
//! ```text
//! struct StoreFile {
//!     magic: [u8; 8],        // b"DGRAPH\0\x1a"
//!     version: u32,          // little endian, FORMAT_VERSION
//!     codec: u8,             // 1 = bincode 2, standard config (varints)
//!     payload_len: u64,      // little endian, bytes after the header
//!     crc32: u32,            // little endian, CRC-32 (IEEE) of the payload
//!     payload: GraphFileV1,  // codec-encoded
//! }
//! struct GraphFileV1 {
//!     relations: Vec<String>,        // ontology names; edges point into this table
//!     kinds: Vec<String>,            // actor kind names; actors point into this table
//!     actors: Vec<ActorDto>,         // sorted by id: { id, kind: u32, country: Option<String>, name },
//!                                    // then ids only named in attributions (kind u32::MAX)
//!     articles: Vec<ArticleDto>,     // sorted by id: { id, title: Option<String>, url: Option<String> }
//!     sentences: Vec<SentenceDto>,   // each text once: { article: u32, sentence: u32, text }
//!     edges: Vec<EdgeDto>,           // sorted: { source: u32, relation: u32, target: u32, evidence: u32 (count) }
//!     evidence: Vec<EvidenceDto>,    // edge after edge, each edge's `evidence` records
//! }
//! struct EvidenceDto {               // about 12 to 20 bytes with varints
//!     article: u32, sentence: u32, start: u32, len: u32,
//!     date: u32,                     // yyyymmdd, 0 = unknown
//!     flags: u8,                     // 1 = negated, 2 = hedged
//!     attributed_to: Vec<u32>,       // actor table positions
//! }
//! ```
//!
//! Everything is keyed by actor and article ids (positions in sorted tables of this
//! file), never by petgraph indices; relations and kinds are stored by name, never
//! by enum index, so adding a relation does not change what old files mean.
//! Writes go to a temporary file in the same folder, are synced, then renamed over
//! the store, so a crash leaves the old or the new store. Writers hold an
//! exclusive lock on `<store>.lock` from load to rename ([`StoreWriter`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::graph::{EvidenceFacts, GraphBuilder, KnowledgeGraph, Tables};
use crate::model::{Actor, ActorId, ActorKind, ArticleId, Date, Relation, Span};

/// The first bytes of every store file.
pub const MAGIC: [u8; 8] = *b"DGRAPH\0\x1a";
/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 1;
/// The oldest format version this build reads.
pub const OLDEST_SUPPORTED_FORMAT: u32 = 1;
/// Codec byte: bincode 2, standard configuration.
pub const CODEC_BINCODE2: u8 = 1;
/// Header length in bytes.
pub const HEADER_LEN: usize = 8 + 4 + 1 + 8 + 4;
/// The largest payload this build decodes (also bincode's allocation limit).
pub const MAX_PAYLOAD: usize = 1 << 32;

/// Why a store could not be read or written. Each message names the file and
/// says what to do.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    /// No file at the path.
    #[error("{}: no store here; create it with `diplograph import CLAIMS.jsonl --store {}` or pass another --store", .path.display(), .path.display())]
    Missing {
        /// The store path.
        path: PathBuf,
    },
    /// The file is shorter than its header says.
    #[error("{}: truncated store ({found} bytes, expected {expected}); restore it from a backup or rebuild it", .path.display())]
    Truncated {
        /// The store path.
        path: PathBuf,
        /// Bytes the header promises.
        expected: u64,
        /// Bytes present.
        found: u64,
    },
    /// Checksum mismatch, undecodable payload or invalid content.
    #[error("{}: corrupt store ({reason}); restore it from a backup or rebuild it", .path.display())]
    Corrupt {
        /// The store path.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The file does not start with the magic bytes.
    #[error("{}: not a diplograph store (unknown magic bytes); check the --store path", .path.display())]
    Foreign {
        /// The store path.
        path: PathBuf,
    },
    /// Written by an older, no longer readable format.
    #[error("{}: store format {found} is too old (this diplograph reads {oldest} to {current}); migrate it: `diplograph export jsonl` with the version that wrote it, then `diplograph import` with this one", .path.display(), oldest = OLDEST_SUPPORTED_FORMAT, current = FORMAT_VERSION)]
    TooOld {
        /// The store path.
        path: PathBuf,
        /// The file's format version.
        found: u32,
    },
    /// Written by a newer diplograph.
    #[error("{}: store format {found} is newer than this diplograph reads ({current}); upgrade diplograph", .path.display(), current = FORMAT_VERSION)]
    TooNew {
        /// The store path.
        path: PathBuf,
        /// The file's format version.
        found: u32,
    },
    /// The codec byte names no codec this build knows.
    #[error("{}: unknown codec {codec} in store header; upgrade diplograph", .path.display())]
    UnknownCodec {
        /// The store path.
        path: PathBuf,
        /// The codec byte found.
        codec: u8,
    },
    /// An I/O error on the store, its lock or its temporary file.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> PersistError + '_ {
    move |source| PersistError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Strings borrow from the graph when saving and from the file's bytes when
/// loading: no copy in between.
type Text<'a> = Cow<'a, str>;

#[derive(Serialize, Deserialize)]
struct GraphFileV1<'a> {
    #[serde(borrow)]
    relations: Vec<Text<'a>>,
    #[serde(borrow)]
    kinds: Vec<Text<'a>>,
    #[serde(borrow)]
    actors: Vec<ActorDto<'a>>,
    #[serde(borrow)]
    articles: Vec<ArticleDto<'a>>,
    #[serde(borrow)]
    sentences: Vec<SentenceDto<'a>>,
    edges: Vec<EdgeDto>,
    evidence: Vec<EvidenceDto>,
}

#[derive(Serialize, Deserialize)]
struct ActorDto<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    kind: u32,
    #[serde(borrow)]
    country: Option<Text<'a>>,
    #[serde(borrow)]
    name: Text<'a>,
}

#[derive(Serialize, Deserialize)]
struct ArticleDto<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow)]
    title: Option<Text<'a>>,
    #[serde(borrow)]
    url: Option<Text<'a>>,
}

#[derive(Serialize, Deserialize)]
struct SentenceDto<'a> {
    article: u32,
    sentence: u32,
    #[serde(borrow)]
    text: Text<'a>,
}

#[derive(Serialize, Deserialize)]
struct EdgeDto {
    source: u32,
    relation: u32,
    target: u32,
    evidence: u32,
}

#[derive(Serialize, Deserialize)]
struct EvidenceDto {
    article: u32,
    sentence: u32,
    start: u32,
    len: u32,
    date: u32,
    flags: u8,
    attributed_to: Vec<u32>,
}

const NEGATED: u8 = 1;
const HEDGED: u8 = 2;

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<MAX_PAYLOAD>()
}

fn pos(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 4 billion rows in one store table")
}

fn pack_date(d: Option<Date>) -> u32 {
    d.map_or(0, |d| {
        u32::from(d.year) * 10_000 + u32::from(d.month) * 100 + u32::from(d.day)
    })
}

fn to_dto<'g>(t: &'g Tables<'g>) -> GraphFileV1<'g> {
    let kind_pos = |k: ActorKind| {
        pos(ActorKind::ALL
            .iter()
            .position(|x| *x == k)
            .expect("every kind is in ActorKind::ALL"))
    };
    let relation_pos = |r: Relation| {
        pos(Relation::ALL
            .iter()
            .position(|x| *x == r)
            .expect("every relation is in Relation::ALL"))
    };
    let mut actors: Vec<ActorDto<'g>> = t
        .actors
        .iter()
        .map(|a| ActorDto {
            id: Cow::Borrowed(a.id.as_str()),
            kind: kind_pos(a.kind),
            country: a.country.as_ref().map(|c| Cow::Borrowed(c.as_str())),
            name: Cow::Borrowed(&a.name),
        })
        .collect();
    // Attributions may name actors that are no node of the graph: they are
    // appended to the actor table with kind u32::MAX and load as ids only.
    let mut attributed: HashMap<&ActorId, u32> = HashMap::new();
    let mut evidence = Vec::with_capacity(t.evidence.len());
    for ev in &t.evidence {
        let mut attributed_to = Vec::with_capacity(ev.attributed_to.len());
        for a in ev.attributed_to {
            let p = *attributed.entry(a).or_insert_with(|| {
                match t.actors.binary_search_by(|x| x.id.cmp(a)) {
                    Ok(p) => pos(p),
                    Err(_) => {
                        actors.push(ActorDto {
                            id: Cow::Borrowed(a.as_str()),
                            kind: u32::MAX,
                            country: None,
                            name: Cow::Borrowed(""),
                        });
                        pos(actors.len() - 1)
                    }
                }
            });
            attributed_to.push(p);
        }
        evidence.push(EvidenceDto {
            article: ev.article,
            sentence: ev.sentence,
            start: ev.span.start,
            len: ev.span.end - ev.span.start,
            date: pack_date(ev.date),
            flags: (u8::from(ev.negated) * NEGATED) | (u8::from(ev.hedged) * HEDGED),
            attributed_to,
        });
    }
    GraphFileV1 {
        relations: Relation::ALL
            .iter()
            .map(|r| Cow::Borrowed(r.as_str()))
            .collect(),
        kinds: ActorKind::ALL
            .iter()
            .map(|k| Cow::Borrowed(k.as_str()))
            .collect(),
        actors,
        articles: t
            .articles
            .iter()
            .map(|a| ArticleDto {
                id: Cow::Borrowed(a.id.0.as_str()),
                title: a.title.map(Cow::Borrowed),
                url: a.url.map(Cow::Borrowed),
            })
            .collect(),
        sentences: t
            .sentences
            .iter()
            .map(|s| SentenceDto {
                article: s.article,
                sentence: s.sentence,
                text: Cow::Borrowed(s.text),
            })
            .collect(),
        edges: t
            .edges
            .iter()
            .map(|e| EdgeDto {
                source: e.source,
                relation: relation_pos(e.relation),
                target: e.target,
                evidence: pos(e.evidence.len()),
            })
            .collect(),
        evidence,
    }
}

fn from_dto(dto: GraphFileV1<'_>, path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let corrupt = |reason: String| PersistError::Corrupt {
        path: path.to_owned(),
        reason,
    };
    let relations = dto
        .relations
        .iter()
        .map(|r| r.parse::<Relation>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(format!("{e}; a newer diplograph may know it")))?;
    let kinds = dto
        .kinds
        .iter()
        .map(|k| k.parse::<ActorKind>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(e.to_string()))?;
    let mut b = GraphBuilder::with_capacity(
        dto.actors.len(),
        dto.articles.len(),
        dto.sentences.len(),
        dto.edges.len(),
    );
    // File position -> (id, builder position when the row is a node).
    let mut ids: Vec<(ActorId, Option<u32>)> = Vec::with_capacity(dto.actors.len());
    for a in dto.actors {
        let id = ActorId::try_from(a.id.into_owned()).map_err(|e| corrupt(e.to_string()))?;
        let node = if a.kind == u32::MAX {
            None
        } else {
            let kind = *kinds
                .get(a.kind as usize)
                .ok_or_else(|| corrupt(format!("actor kind {} out of range", a.kind)))?;
            let country = a
                .country
                .map(|c| ActorId::try_from(c.into_owned()))
                .transpose()
                .map_err(|e| corrupt(e.to_string()))?;
            Some(b.actor(Actor {
                id: id.clone(),
                kind,
                country,
                name: a.name.into_owned(),
            }))
        };
        ids.push((id, node));
    }
    for a in dto.articles {
        b.article(
            &ArticleId(a.id.into_owned()),
            a.title.as_deref(),
            a.url.as_deref(),
        );
    }
    for s in dto.sentences {
        b.sentence(s.article, s.sentence, &s.text)
            .map_err(|e| corrupt(e.to_string()))?;
    }
    let node = |i: u32| {
        ids.get(i as usize)
            .and_then(|(_, n)| *n)
            .ok_or_else(|| corrupt(format!("edge end {i} is no actor")))
    };
    let mut records = dto.evidence.into_iter();
    for e in dto.edges {
        let relation = *relations
            .get(e.relation as usize)
            .ok_or_else(|| corrupt(format!("relation {} out of range", e.relation)))?;
        let (source, target) = (node(e.source)?, node(e.target)?);
        let mut evidence = Vec::with_capacity(e.evidence as usize);
        for _ in 0..e.evidence {
            let ev = records
                .next()
                .ok_or_else(|| corrupt("edges claim more evidence than stored".into()))?;
            let date = match ev.date {
                0 => None,
                d => Some(
                    Date::new((d / 10_000) as u16, (d / 100 % 100) as u8, (d % 100) as u8)
                        .map_err(|e| corrupt(e.to_string()))?,
                ),
            };
            let end = ev
                .start
                .checked_add(ev.len)
                .ok_or_else(|| corrupt("span past 4 GiB".into()))?;
            let attributed_to = ev
                .attributed_to
                .iter()
                .map(|&i| {
                    ids.get(i as usize)
                        .map(|(id, _)| id.clone())
                        .ok_or_else(|| corrupt(format!("actor {i} out of range")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            evidence.push((
                ev.article,
                EvidenceFacts {
                    sentence: ev.sentence,
                    span: Span {
                        start: ev.start,
                        end,
                    },
                    date,
                    negated: ev.flags & NEGATED != 0,
                    hedged: ev.flags & HEDGED != 0,
                    attributed_to,
                },
            ));
        }
        b.edge(source, relation, target, evidence)
            .map_err(|e| corrupt(e.to_string()))?;
    }
    if records.next().is_some() {
        return Err(corrupt("evidence records belong to no edge".into()));
    }
    Ok(b.finish())
}

/// Encodes a graph as the bytes of a store file (header and payload).
pub fn encode(graph: &KnowledgeGraph) -> Vec<u8> {
    let tables = graph.tables();
    let dto = to_dto(&tables);
    // One pass into a Vec sized from the tables (`encode_to_vec` makes two).
    let text: usize = tables.sentences.iter().map(|s| s.text.len()).sum();
    let mut payload = Vec::with_capacity(text + 24 * tables.evidence.len() + 4096);
    bincode::serde::encode_into_std_write(&dto, &mut payload, config())
        .expect("encoding into a Vec cannot fail");
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(CODEC_BINCODE2);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Decodes the bytes of a store file; `path` only names the file in errors.
pub fn decode(bytes: &[u8], path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let path_buf = || path.to_owned();
    let found = bytes.len() as u64;
    if bytes.len() < MAGIC.len() {
        return Err(if MAGIC.starts_with(bytes) {
            PersistError::Truncated {
                path: path_buf(),
                expected: HEADER_LEN as u64,
                found,
            }
        } else {
            PersistError::Foreign { path: path_buf() }
        });
    }
    if bytes[..8] != MAGIC {
        return Err(PersistError::Foreign { path: path_buf() });
    }
    if bytes.len() < HEADER_LEN {
        return Err(PersistError::Truncated {
            path: path_buf(),
            expected: HEADER_LEN as u64,
            found,
        });
    }
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes"));
    let version = u32_at(8);
    if version < OLDEST_SUPPORTED_FORMAT {
        return Err(PersistError::TooOld {
            path: path_buf(),
            found: version,
        });
    }
    if version > FORMAT_VERSION {
        return Err(PersistError::TooNew {
            path: path_buf(),
            found: version,
        });
    }
    let codec = bytes[12];
    if codec != CODEC_BINCODE2 {
        return Err(PersistError::UnknownCodec {
            path: path_buf(),
            codec,
        });
    }
    let len = u64::from_le_bytes(bytes[13..21].try_into().expect("8 bytes"));
    let crc = u32_at(21);
    let expected = (HEADER_LEN as u64).saturating_add(len);
    if len > MAX_PAYLOAD as u64 {
        return Err(PersistError::Corrupt {
            path: path_buf(),
            reason: format!("payload length {len} exceeds the {MAX_PAYLOAD}-byte limit"),
        });
    }
    if found < expected {
        return Err(PersistError::Truncated {
            path: path_buf(),
            expected,
            found,
        });
    }
    if found > expected {
        return Err(PersistError::Corrupt {
            path: path_buf(),
            reason: format!("{} bytes after the payload", found - expected),
        });
    }
    let payload = &bytes[HEADER_LEN..];
    let actual = crc32fast::hash(payload);
    if actual != crc {
        return Err(PersistError::Corrupt {
            path: path_buf(),
            reason: format!("checksum {actual:08x}, header says {crc:08x}"),
        });
    }
    let (dto, read): (GraphFileV1<'_>, usize) =
        bincode::serde::borrow_decode_from_slice(payload, config()).map_err(|e| {
            PersistError::Corrupt {
                path: path_buf(),
                reason: e.to_string(),
            }
        })?;
    if read != payload.len() {
        return Err(PersistError::Corrupt {
            path: path_buf(),
            reason: format!("{} undecoded payload bytes", payload.len() - read),
        });
    }
    from_dto(dto, path)
}

/// Reads a store. A missing file is [`PersistError::Missing`].
pub fn load(path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let bytes = fs::read(path).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            PersistError::Missing {
                path: path.to_owned(),
            }
        } else {
            PersistError::Io {
                path: path.to_owned(),
                source,
            }
        }
    })?;
    decode(&bytes, path)
}

/// The lock file of a store: `<store>.lock` beside it.
pub fn lock_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    store.with_file_name(name)
}

/// The one writer of a store: holds an exclusive lock on `<store>.lock` from
/// [`StoreWriter::lock`] until dropped, so two processes updating the same store
/// never lose each other's updates. Load, change, save, drop.
#[derive(Debug)]
pub struct StoreWriter {
    path: PathBuf,
    _lock: File,
}

impl StoreWriter {
    /// Waits for the exclusive lock on `<path>.lock`, creating the folder and the
    /// lock file when missing.
    pub fn lock(path: &Path) -> Result<Self, PersistError> {
        let lock = lock_path(path);
        if let Some(dir) = lock.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)
            .map_err(io_err(&lock))?;
        file.lock().map_err(io_err(&lock))?;
        Ok(StoreWriter {
            path: path.to_owned(),
            _lock: file,
        })
    }

    /// The store's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the store; a missing store is an empty graph (created on save).
    pub fn load(&self) -> Result<KnowledgeGraph, PersistError> {
        match load(&self.path) {
            Err(PersistError::Missing { .. }) => Ok(KnowledgeGraph::new()),
            other => other,
        }
    }

    /// Replaces the store atomically: writes a temporary file in the same folder,
    /// syncs it, renames it over the store and syncs the folder.
    pub fn save(&self, graph: &KnowledgeGraph) -> Result<(), PersistError> {
        let bytes = encode(graph);
        let dir = match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        self.remove_stale_temp_files(&dir, &name);
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(io_err(&dir))?;
        tmp.write_all(&bytes).map_err(io_err(tmp.path()))?;
        // tempfile creates 0600 files: give the new store the old one's
        // permissions, or the usual 0644 for a new store.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let perms = fs::metadata(&self.path)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| fs::Permissions::from_mode(0o644));
            tmp.as_file()
                .set_permissions(perms)
                .map_err(io_err(tmp.path()))?;
        }
        tmp.as_file().sync_all().map_err(io_err(tmp.path()))?;
        tmp.persist(&self.path).map_err(|e| PersistError::Io {
            path: self.path.clone(),
            source: e.error,
        })?;
        // Make the rename itself durable; not every platform can open a folder.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// Temporary files left by a writer killed mid-save; safe to remove because we
    /// hold the lock, so no other writer is using them.
    fn remove_stale_temp_files(&self, dir: &Path, name: &str) {
        let prefix = format!(".{name}.");
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let f = file_name.to_string_lossy();
            if f.starts_with(&prefix) && f.ends_with(".tmp") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::jsonl::claim_from_line;

    fn sample() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let line = r#"{"source":{"id":"USA","kind":"country","country":"USA"},"relation":"sanctions","target":{"id":"PRK","kind":"country","country":"PRK"},"negated":true,"hedged":false,"attributed_to":["JPN"],"article":"a1","date":"2024-06-19","sentence":2,"span":[5,9],"text":"Text.","title":"T"}"#;
        g.insert_claim(&claim_from_line(line).unwrap());
        g
    }

    #[test]
    fn encode_decode_round_trips_including_unknown_attributions() {
        let g = sample();
        let back = decode(&encode(&g), Path::new("x")).unwrap();
        assert_eq!(back, g);
        assert!(back.actor(&ActorId::new("JPN").unwrap()).is_none());
    }

    #[test]
    fn relations_and_kinds_are_stored_by_name_not_by_index() {
        let bytes = encode(&sample());
        let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        assert!(has("sanctions") && has("arms_supply") && has("country"));
    }

    #[test]
    fn header_problems_get_their_own_errors() {
        let bytes = encode(&sample());
        let p = Path::new("s.dgraph");
        let mut newer = bytes.clone();
        newer[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        assert!(matches!(
            decode(&newer, p),
            Err(PersistError::TooNew { .. })
        ));
        let mut older = bytes.clone();
        older[8..12].copy_from_slice(&0u32.to_le_bytes());
        assert!(matches!(
            decode(&older, p),
            Err(PersistError::TooOld { .. })
        ));
        assert!(matches!(
            decode(b"{\"a\":1}", p),
            Err(PersistError::Foreign { .. })
        ));
        assert!(matches!(
            decode(&bytes[..bytes.len() - 1], p),
            Err(PersistError::Truncated { .. })
        ));
        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(matches!(
            decode(&flipped, p),
            Err(PersistError::Corrupt { .. })
        ));
    }

    #[test]
    fn a_huge_claimed_length_is_refused_without_allocating() {
        // A payload whose first table claims 2^40 entries, with a valid checksum.
        let mut payload = vec![0xfd];
        payload.extend_from_slice(&(1u64 << 40).to_le_bytes());
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.push(CODEC_BINCODE2);
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        assert!(matches!(
            decode(&bytes, Path::new("x")),
            Err(PersistError::Corrupt { .. })
        ));
    }
}
