//! The store file: header, format version, DTOs, atomic writes and appends,
//! decode limits.
//!
//! Owns the on-disk format and is the only user of `bincode`. Must not touch clap,
//! DOT or graph logic beyond converting a [`KnowledgeGraph`] to and from its DTOs.
//! Submodules: `v2` (formats 1 and 2, one DTO), `v3` (formats 3 and 4:
//! sections), `index` (format 4's index section, or the same index built by
//! walking a format 3 edge table), `section` (a graph section kept decoded,
//! from which a question builds the part of the graph it reads), `read_at`
//! (positioned reads).
//!
//! # Layout (format version 4)
//!
//! ```text
//! struct StoreFile {
//!     magic: [u8; 8],        // b"DGRAPH\0\x1a"
//!     version: u32,          // little endian, FORMAT_VERSION
//!     codec: u8,             // 1 = bincode 2, standard config (varints)
//!     reserved: [u8; 12],    // zero (formats 1 and 2: payload length and CRC)
//!     commits: [Commit],     // a log: each append adds one; the last whose
//! }                          // footer checks out is the store
//! struct Commit {
//!     blocks: [Section],     // kind 1: the evidence of edges, LZ4-compressed
//!     graph: Section,        // kind 2: GraphSection, the whole graph but its records
//!     index: Section,        // kind 4: Index of that graph section, right after it
//!                            //   (format 4; format 3 commits have none)
//!     census: Section,       // kind 3: Census, the counts `stats` and `top` show
//!     footer: Footer,
//! }
//! struct Section { kind: u8, len: u64, crc32: u32, payload: [u8; len] }
//! struct Footer { magic: [u8; 8] = b"DGFOOT\0\x1a", graph_at: u64, census_at: u64,
//!                 crc32: u32 }   // CRC of the 24 bytes before it
//! struct GraphSection {
//!     relations, kinds, roles: Vec<String>, // ontology names; rows point into them
//!     actors: Vec<{ id, kind: u32, country: Option<String>, name }>, // sorted by id
//!     articles: Vec<{ id, title, url, date: u32 (yyyymmdd, 0 = unknown), lang,
//!                     version: u64 }>,       // append-only: blocks point into it
//!     sentences: u64,                       // sentence texts in the blocks
//!     blocks: Vec<u64>,                     // file offset of each block section
//!     edges: Vec<{ source: u32, relation: u32, target: u32,  // sorted by ids
//!                  asserted, hedged, negated: u32,
//!                  articles: [u32; 3],      // distinct, over asserted / +hedged / all
//!                  roles: [u32; 3],         // bit sets over `roles`, per flag class
//!                  first, last: u32,        // evidence date range, yyyymmdd
//!                  chunks: u32 }>,          // how many of `chunks` are this edge's
//!     chunks: Vec<{ block: u32, first: u32, count: u32 }>, // records of a block
//!     dead: u64,                            // bytes earlier commits left unused
//! }
//! struct Index {                            // offsets are into GraphSection's payload
//!     articles: [u64; 2],                   // where the article table lies
//!     edges_at, chunks_at, dead_at: u64,    // where those fields start
//!     edges, chunks: u64,                   // rows of the two tables
//!     pages: Vec<[u64; 3]>,                 // every 32nd edge: its offset, its first
//!                                           //   chunk's row, that chunk's offset
//!     touching: Vec<Vec<u32>>,              // per actor: its edges (either end),
//!     neighbours: Vec<Vec<u32>>,            //   the actors one edge away,
//!     by_relation: Vec<Vec<u32>>,           // per relation: its edges; each list
//! }                                         //   ascending, stored as differences
//! struct Block {                            // payload: raw_len: u64, then LZ4 of
//!     attributions: Vec<String>,            // actor ids the records point into
//!     texts: Vec<{ article: u32, sentence: u32, text }>, // sorted, each once
//!     records: Vec<{ article: u32, sentence: u32, start: u32, len: u32,
//!                    date: u32, flags: u8 (1 negated, 2 hedged),
//!                    role: u32 (0 none, else 1 + position in `roles`),
//!                    attributed_to: Vec<u32> }>,
//! }
//! ```
//!
//! What is read when: every question reads the header and the last footer;
//! `stats` and `top` (without filter flags) read the census alone; other
//! questions read the graph section and its index ([`Section`]: the head and
//! the index decoded, strings borrowed, the article table skipped unless
//! records are read), choose the edges they can look at from the index, and
//! decode those edges only (each from the start of its page) into a graph of
//! every actor and those edges, each with its counts from the summary. They read a
//! block only when they look at an edge's records (`--evidence`, dates,
//! roles, roll-up), and only the blocks of those edges.
//! Writers that change what is stored (merge, forget, another version of an
//! article) read everything and write a new file with one commit, by
//! temporary file and rename; compact writes such a file too, copying each
//! edge's records from the old blocks into new ones a block at a time
//! (`v3::write_compacted`), without loading the store; `ingest` and `import` of new articles append a
//! commit instead, its footer written and synced last, so that a crash leaves
//! a torn commit that readers skip and the next writer cuts off. Once earlier
//! commits' sections pass half the file, the store is compacted.
//!
//! Formats 1 and 2 (one bincode DTO after a header with its length and CRC,
//! see `v2`) still load, whole; format 3 (no index section) loads, its index
//! built by walking the edge table. The first write of any of them is a
//! format 4 file (an append to a format 3 file rewrites it, since every
//! commit of a file is of its header's format).
//!
//! Everything is keyed by actor and article ids (positions in tables of this
//! file), never by petgraph indices; relations, kinds and roles are stored by
//! name, never by enum index, so adding a relation does not change what old
//! files mean. Writers hold an exclusive lock on `<store>.lock` from load to
//! rename or append ([`StoreWriter`]). A store that is a symbolic link is
//! written, and locked, at its target. Lengths read from the file never size
//! an allocation beyond what the bytes left can hold: a section's length is
//! checked against the file, a block's decompressed length against LZ4's
//! largest ratio.

use std::cell::Cell;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

mod index;
mod read_at;
mod section;
mod v2;
mod v3;

use read_at::ReadAt;
pub use section::Section;
pub use v3::Appended;

use crate::graph::KnowledgeGraph;
use crate::model::{ArticleId, Date};

/// The first bytes of every store file.
pub const MAGIC: [u8; 8] = *b"DGRAPH\0\x1a";
/// The format version this build writes.
pub const FORMAT_VERSION: u32 = 4;
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
    #[error("{}: no store here; build one from articles with `diplograph --store {} ingest ARTICLES...` (or from claims with `import CLAIMS.jsonl`), or pass another --store", .path.display(), .path.display())]
    Missing {
        /// The store path.
        path: PathBuf,
    },
    /// The file is shorter than its header says.
    #[error("{}: truncated store ({found} bytes, expected {expected}); restore it from a backup or rebuild it with `diplograph ingest`", .path.display())]
    Truncated {
        /// The store path.
        path: PathBuf,
        /// Bytes the header promises.
        expected: u64,
        /// Bytes present.
        found: u64,
    },
    /// A file of format 3 or later with no complete commit: cut short while its first
    /// commit was written, or truncated since.
    #[error("{}: truncated store ({found} bytes, and no complete commit in them); restore it from a backup or rebuild it with `diplograph ingest`", .path.display())]
    NoCommit {
        /// The store path.
        path: PathBuf,
        /// Bytes present.
        found: u64,
    },
    /// Checksum mismatch, undecodable payload or invalid content.
    #[error("{}: corrupt store ({reason}); restore it from a backup or rebuild it with `diplograph ingest`", .path.display())]
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
    /// An I/O error on the store or its lock file. It names the user's path (never
    /// a temporary file) and carries the cause in its message rather than as
    /// `source()`, so that a printed error chain shows the cause once.
    #[error("{}: cannot {action}: {error}{}", .path.display(), io_hint(.error))]
    Io {
        /// The store path (or its lock file or folder) as the user named it.
        path: PathBuf,
        /// What failed, as a verb phrase: "read the store", "save the store".
        action: &'static str,
        /// The underlying error.
        error: io::Error,
    },
    /// The store file has no write bit. Checked by diplograph itself, because the
    /// system lets root write such a file anyway.
    #[error("{}: the store is read-only (mode {mode:o}); make it writable with `chmod u+w {}` or pass another --store", .path.display(), .path.display())]
    ReadOnly {
        /// The store path.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
}

/// What to do about an I/O error, when the kind says it; starts with "; ".
fn io_hint(e: &io::Error) -> &'static str {
    use io::ErrorKind as K;
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => "; free some disk space and run again",
        K::FileTooLarge => "; raise the file size limit (ulimit -f) or free space and run again",
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            "; check the permissions of the file and its folder, or pass another --store"
        }
        K::IsADirectory => "; pass a store file to --store, not a folder",
        _ => "",
    }
}

fn io_err<'p>(path: &'p Path, action: &'static str) -> impl FnOnce(io::Error) -> PersistError + 'p {
    move |error| PersistError::Io {
        path: path.to_owned(),
        action,
        error,
    }
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

fn unpack_date(d: u32) -> Result<Option<Date>, crate::model::ModelError> {
    match d {
        0 => Ok(None),
        d => Date::new((d / 10_000) as u16, (d / 100 % 100) as u8, (d % 100) as u8).map(Some),
    }
}

/// The header of a store file of `version`. Format 3 leaves the length and
/// CRC fields zero: each section after the header carries its own.
fn file_header(version: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&version.to_le_bytes());
    out.push(CODEC_BINCODE2);
    out.extend_from_slice(&[0; 12]);
    out
}

/// Encodes a graph as the bytes of a whole store file (this build's format, one commit).
pub fn encode(graph: &KnowledgeGraph) -> Vec<u8> {
    v3::encode(graph)
}

/// Encodes a graph as a format 2 file, as builds before format 3 wrote it
/// (for tests of migration and for frozen fixtures).
pub fn encode_format_2(graph: &KnowledgeGraph) -> Vec<u8> {
    let payload = v2::encode_payload(graph);
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&2u32.to_le_bytes());
    out.push(CODEC_BINCODE2);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Checks the header at the start of `bytes` (at least the magic, or all of
/// a file shorter than a header); returns the format version.
fn check_header(bytes: &[u8], found: u64, path: &Path) -> Result<u32, PersistError> {
    let path_buf = || path.to_owned();
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
    let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
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
    Ok(version)
}

/// The payload of a format 1 or 2 file, its length and CRC checked.
fn monolithic_payload<'b>(bytes: &'b [u8], path: &Path) -> Result<&'b [u8], PersistError> {
    let found = bytes.len() as u64;
    let len = u64::from_le_bytes(bytes[13..21].try_into().expect("8 bytes"));
    let crc = u32::from_le_bytes(bytes[21..25].try_into().expect("4 bytes"));
    let expected = (HEADER_LEN as u64).saturating_add(len);
    if len > MAX_PAYLOAD as u64 {
        return Err(PersistError::Corrupt {
            path: path.to_owned(),
            reason: format!("payload length {len} exceeds the {MAX_PAYLOAD}-byte limit"),
        });
    }
    if found < expected {
        return Err(PersistError::Truncated {
            path: path.to_owned(),
            expected,
            found,
        });
    }
    if found > expected {
        return Err(PersistError::Corrupt {
            path: path.to_owned(),
            reason: format!("{} bytes after the payload", found - expected),
        });
    }
    let payload = &bytes[HEADER_LEN..];
    let actual = crc32fast::hash(payload);
    if actual != crc {
        return Err(PersistError::Corrupt {
            path: path.to_owned(),
            reason: format!("checksum {actual:08x}, header says {crc:08x}"),
        });
    }
    Ok(payload)
}

/// Decodes the bytes of a store file, every record included; `path` only
/// names the file in errors.
pub fn decode(bytes: &[u8], path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let version = check_header(bytes, bytes.len() as u64, path)?;
    if version < 3 {
        return v2::decode_payload(monolithic_payload(bytes, path)?, version, path);
    }
    let len = bytes.len() as u64;
    let commit = v3::last_commit(&bytes.to_vec(), len, path)?;
    v3::graph_of(Box::new(bytes.to_vec()), commit, path, true)
}

fn read_err(path: &Path) -> impl Fn(io::Error) -> PersistError + '_ {
    move |error| {
        if error.kind() == io::ErrorKind::UnexpectedEof {
            PersistError::Corrupt {
                path: path.to_owned(),
                reason: "a section runs past the end of the file".into(),
            }
        } else {
            PersistError::Io {
                path: path.to_owned(),
                action: "read the store",
                error,
            }
        }
    }
}

/// Reads a store with every record. A missing file is [`PersistError::Missing`].
pub fn load(path: &Path) -> Result<KnowledgeGraph, PersistError> {
    read_store(path, path, true).map(|(g, _)| g)
}

/// Opens a store for questions: a store of format 3 or later gives its graph section now
/// and each edge's records when a question first reads them (see
/// [`KnowledgeGraph::take_evidence_error`]); older formats are read whole.
pub fn open(path: &Path) -> Result<KnowledgeGraph, PersistError> {
    read_store(path, path, false).map(|(g, _)| g)
}

/// The counts `stats` and `top` show: for a store of format 3 or later, its census
/// section alone; older formats are read whole and counted.
pub fn census(path: &Path) -> Result<crate::graph::Census, PersistError> {
    let (f, len, version) = open_file(path, path)?;
    if version < 3 {
        return Ok(read_monolithic(&f, version, path)?.census());
    }
    v3::last_census(&f, len, path)
}

/// Opens the store at `file` and checks its header; errors name `path`, the
/// user's spelling of it. Returns the file, its length and format version.
fn open_file(file: &Path, path: &Path) -> Result<(File, u64, u32), PersistError> {
    let f = File::open(file).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            PersistError::Missing {
                path: path.to_owned(),
            }
        } else {
            PersistError::Io {
                path: path.to_owned(),
                action: "read the store",
                error: source,
            }
        }
    })?;
    let len = f.metadata().map_err(io_err(path, "read the store"))?.len();
    let mut head = vec![0u8; HEADER_LEN.min(len as usize)];
    ReadAt::read_exact_at(&f, &mut head, 0).map_err(read_err(path))?;
    let version = check_header(&head, len, path)?;
    Ok((f, len, version))
}

/// Reads a format 1 or 2 file whole.
fn read_monolithic(f: &File, version: u32, path: &Path) -> Result<KnowledgeGraph, PersistError> {
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut &*f, &mut bytes).map_err(io_err(path, "read the store"))?;
    v2::decode_payload(monolithic_payload(&bytes, path)?, version, path)
}

/// Reads the store at `file` (whole when `held`); errors name `path`.
/// Returns the graph and the file's format version.
fn read_store(file: &Path, path: &Path, held: bool) -> Result<(KnowledgeGraph, u32), PersistError> {
    let (f, len, version) = open_file(file, path)?;
    if version < 3 {
        return Ok((read_monolithic(&f, version, path)?, version));
    }
    let commit = v3::last_commit(&f, len, path)?;
    Ok((v3::graph_of(Box::new(f), commit, path, held)?, version))
}

/// The lock file of a store: `<store>.lock` beside it. Writers lock the lock file
/// of the [resolved](resolve_links) store, so that writers through a symbolic link
/// and through the real path share one lock.
pub fn lock_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    store.with_file_name(name)
}

/// More links than this in a row are a loop (Linux's own limit is 40).
const MAX_LINKS: usize = 40;

/// Follows symbolic links at the end of `path`, dangling ones included, to the
/// file a save must replace. A path that is no link (or does not exist) is
/// returned as it is.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                // A relative target is relative to the link's folder; `join`
                // keeps an absolute one as it is.
                p = match p.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Ok(_) => return Ok(p),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row (a loop?)"
    )))
}

/// A file that belongs to a store, and that an export must never overwrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreFile {
    /// The store itself.
    Store,
    /// Its lock file, `<store>.lock`.
    Lock,
}

/// Whether writing `candidate` would write onto `store` or its lock file, under
/// any spelling: through symbolic links, `..`, or hard links of an existing file.
pub fn store_file_at(store: &Path, candidate: &Path) -> Option<StoreFile> {
    let resolved = resolve_links(store).unwrap_or_else(|_| store.to_owned());
    if same_file(store, candidate) {
        Some(StoreFile::Store)
    } else if same_file(&lock_path(&resolved), candidate) || same_file(&lock_path(store), candidate)
    {
        Some(StoreFile::Lock)
    } else {
        None
    }
}

/// Whether two paths name one file: the same inode when both exist, else the
/// same resolved, absolute path.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(x), Ok(y)) => {
            use std::os::unix::fs::MetadataExt;
            x.dev() == y.dev() && x.ino() == y.ino()
        }
        (Err(_), Err(_)) => normalized(a) == normalized(b),
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => normalized(a) == normalized(b),
        _ => false,
    }
}

/// `path` with its final links followed and its folder canonicalized, as far
/// as the folder exists.
fn normalized(path: &Path) -> PathBuf {
    let p = resolve_links(path).unwrap_or_else(|_| path.to_owned());
    if let Ok(c) = fs::canonicalize(&p) {
        return c;
    }
    let name = p.file_name().map(ToOwned::to_owned).unwrap_or_default();
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    match fs::canonicalize(&dir) {
        Ok(d) => d.join(name),
        Err(_) => std::env::current_dir().map_or(p.clone(), |cwd| cwd.join(&p)),
    }
}

/// How long [`StoreWriter::lock_or_wait`] waits in silence before it reports
/// that another writer holds the lock.
pub const LOCK_PATIENCE: Duration = Duration::from_secs(1);

/// How often a waiting writer tries the lock before [`LOCK_PATIENCE`] is up.
const LOCK_POLL: Duration = Duration::from_millis(25);

/// Temporary files are `.<store name>.<TEMP_RAND_LEN alphanumerics><TEMP_SUFFIX>`,
/// a shape [`temp_file_owner`] parses back exactly.
const TEMP_RAND_LEN: usize = 6;
const TEMP_SUFFIX: &str = ".dg.tmp";

/// The store name a temporary file of ours was written for, when `file_name` has
/// exactly the shape `save` gives them: `.a.dgraph.Xy12Zq.dg.tmp` belongs to
/// `a.dgraph`, `.a.dgraph.v2.Xy12Zq.dg.tmp` to `a.dgraph.v2`, never to `a.dgraph`.
fn temp_file_owner(file_name: &OsStr) -> Option<&[u8]> {
    let f = file_name.as_encoded_bytes();
    let rest = f.strip_prefix(b".")?.strip_suffix(TEMP_SUFFIX.as_bytes())?;
    let split = rest.len().checked_sub(TEMP_RAND_LEN + 1)?;
    let (owner, rand) = rest.split_at(split);
    let rand = rand.strip_prefix(b".")?;
    (!owner.is_empty() && rand.iter().all(u8::is_ascii_alphanumeric)).then_some(owner)
}

/// The one writer of a store: holds an exclusive lock on `<store>.lock` from
/// [`StoreWriter::lock`] until dropped, so two processes updating the same store
/// never lose each other's updates. Load, change, save, drop.
///
/// A store that is a symbolic link (even a dangling one) is written through to
/// its target, and locked there.
#[derive(Debug)]
pub struct StoreWriter {
    /// The path as the user gave it: errors name it.
    path: PathBuf,
    /// The file a save replaces: `path` with its links followed.
    target: PathBuf,
    /// The format of the file [`StoreWriter::load`] read.
    loaded_format: Cell<Option<u32>>,
    _lock: File,
}

/// What a [`StoreWriter::save`] did beyond writing the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// The store was in this older format and is now in [`FORMAT_VERSION`].
    pub migrated_from: Option<u32>,
}

impl StoreWriter {
    /// Waits for the exclusive lock on the store's lock file, creating the folder
    /// and the lock file when missing. Fails on a read-only store.
    pub fn lock(path: &Path) -> Result<Self, PersistError> {
        Self::lock_or_wait(path, |_| {})
    }

    /// Like [`StoreWriter::lock`], but when another process still holds the lock
    /// after [`LOCK_PATIENCE`], calls `waiting(path)` once (so the caller can say
    /// so) and then keeps waiting.
    pub fn lock_or_wait(path: &Path, waiting: impl FnOnce(&Path)) -> Result<Self, PersistError> {
        let target = resolve_links(path).map_err(io_err(path, "follow the store's link"))?;
        refuse_read_only(path, &target)?;
        let lock = lock_path(&target);
        if let Some(dir) = lock.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(io_err(dir, "create the store's folder"))?;
        }
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)
            .map_err(io_err(&lock, "open the lock file"))?;
        let deadline = Instant::now() + LOCK_PATIENCE;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    thread::sleep(LOCK_POLL);
                }
                Err(TryLockError::WouldBlock) => {
                    waiting(path);
                    file.lock().map_err(io_err(&lock, "lock"))?;
                    break;
                }
                Err(TryLockError::Error(e)) => return Err(io_err(&lock, "lock")(e)),
            }
        }
        // The mode may have changed while we waited.
        refuse_read_only(path, &target)?;
        Ok(StoreWriter {
            path: path.to_owned(),
            target,
            loaded_format: Cell::new(None),
            _lock: file,
        })
    }

    /// The store's path, as given to [`StoreWriter::lock`].
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the store with every record; a missing store is an empty graph
    /// (created on save).
    pub fn load(&self) -> Result<KnowledgeGraph, PersistError> {
        match read_store(&self.target, &self.path, true) {
            Err(PersistError::Missing { .. }) => Ok(KnowledgeGraph::new()),
            Err(e) => Err(e),
            Ok((graph, version)) => {
                self.loaded_format.set(Some(version));
                Ok(graph)
            }
        }
    }

    /// The version of each of `ids` that the store holds, from its graph
    /// section (no record is read, and the article table is walked, not
    /// kept); `None` when there is no store of format 3 or later to append to.
    pub fn held_versions<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a ArticleId>,
    ) -> Result<Option<HashMap<ArticleId, u64>>, PersistError> {
        let (f, len, version) = match open_file(&self.target, &self.path) {
            Err(PersistError::Missing { .. }) => return Ok(None),
            other => other?,
        };
        if version < 3 {
            return Ok(None);
        }
        let ids = ids.into_iter().map(|id| id.0.as_str()).collect();
        v3::held_versions(&f, len, &ids, &self.path).map(Some)
    }

    /// Adds `delta`, whose articles the store does not hold, as a new commit
    /// at the end of the file: its blocks, a new graph section and census, a
    /// footer. `None` when the store cannot take it so (no store of this
    /// build's format, since every commit of a file is of its header's format,
    /// or an article it holds): load, merge and [save](StoreWriter::save) then,
    /// which migrates an older store.
    /// Once superseded sections pass half the file, the store is compacted.
    pub fn append(&self, delta: &KnowledgeGraph) -> Result<Option<Appended>, PersistError> {
        refuse_read_only(&self.path, &self.target)?;
        let (f, len, version) = match open_file(&self.target, &self.path) {
            Err(PersistError::Missing { .. }) => return Ok(None),
            other => other?,
        };
        if version < FORMAT_VERSION {
            return Ok(None);
        }
        let commit = v3::last_tip(&f, len, &self.path)?;
        drop(f);
        let mut w = File::options()
            .write(true)
            .open(&self.target)
            .map_err(io_err(&self.path, "append to the store"))?;
        let Some(mut added) = v3::append(&mut w, commit, delta, &self.path)? else {
            return Ok(None);
        };
        if added.dead.saturating_mul(2) > added.len {
            self.compact()?
                .expect("a store of this build's format compacts");
            added.compacted = true;
        }
        Ok(Some(added))
    }

    /// Rewrites a store of format 3 or later as one commit of this build's
    /// format, as [`save`](StoreWriter::save) does (by temporary file and
    /// rename), without loading it: superseded graph sections and torn
    /// commits go, and each edge's records are copied from the old blocks
    /// into new ones so that they sit together again, a block at a time.
    /// Its memory is the graph section's, not the evidence's. `None` when
    /// there is no such store (none, or one of format 1 or 2, which is read
    /// whole anyway): load and save it then.
    pub fn compact(&self) -> Result<Option<Saved>, PersistError> {
        refuse_read_only(&self.path, &self.target)?;
        let (f, len, version) = match open_file(&self.target, &self.path) {
            Err(PersistError::Missing { .. }) => return Ok(None),
            other => other?,
        };
        if version < 3 {
            return Ok(None);
        }
        let tip = v3::last_tip(&f, len, &self.path)?;
        self.replace_with(|w| v3::write_compacted(&f, tip, w, &self.path))?;
        Ok(Some(Saved {
            migrated_from: Some(version).filter(|v| *v < FORMAT_VERSION),
        }))
    }

    /// Replaces the store atomically: writes a temporary file in the folder of
    /// the (resolved) store, syncs it, renames it over the store and syncs the
    /// folder. Errors name the store, not the temporary file.
    pub fn save(&self, graph: &KnowledgeGraph) -> Result<Saved, PersistError> {
        let failed = io_err(&self.path, "save the store");
        self.replace_with(|w| v3::write(graph, w).map_err(|e| failed(without_temp_path(e))))?;
        Ok(Saved {
            migrated_from: self.loaded_format.take().filter(|v| *v < FORMAT_VERSION),
        })
    }

    /// Replaces the store with what `write` writes: into a temporary file in
    /// the folder of the (resolved) store, synced, renamed over the store,
    /// the folder synced. A crash at any point leaves the old store or the
    /// new one.
    fn replace_with(
        &self,
        write: impl FnOnce(&mut dyn io::Write) -> Result<(), PersistError>,
    ) -> Result<(), PersistError> {
        refuse_read_only(&self.path, &self.target)?;
        let dir = match self.target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = self.target.file_name().unwrap_or_default();
        remove_stale_temp_files(&dir, name);
        let mut prefix = OsString::from(".");
        prefix.push(name);
        prefix.push(".");
        let io = |e: io::Error| io_err(&self.path, "save the store")(without_temp_path(e));
        let mut tmp = tempfile::Builder::new()
            .prefix(&prefix)
            .rand_bytes(TEMP_RAND_LEN)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(&dir)
            .map_err(io)?;
        // Through the bare `File`: `NamedTempFile`'s own `Write` adds the temp
        // path to errors, and that file is gone by the time the user reads them.
        // On an error the temporary file goes when `tmp` drops.
        let mut w = io::BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
        write(&mut w)?;
        w.into_inner()
            .map_err(|e| io(io::IntoInnerError::into_error(e)))?;
        // tempfile creates 0600 files: give the new store the old one's
        // permissions, or the usual 0644 for a new store.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let perms = fs::metadata(&self.target)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| fs::Permissions::from_mode(0o644));
            tmp.as_file().set_permissions(perms).map_err(io)?;
        }
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(&self.target).map_err(|e| io(e.error))?;
        // Make the rename itself durable; not every platform can open a folder.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// The error beneath the temp path `tempfile` wraps around some of its errors
/// ("... at path \"/x/.s.dgraph.Ab12Cd.dg.tmp\""): the message names the store.
fn without_temp_path(e: io::Error) -> io::Error {
    let inner = e
        .get_ref()
        .and_then(|inner| inner.source())
        .and_then(|src| src.downcast_ref::<io::Error>());
    match inner {
        Some(src) => match src.raw_os_error() {
            Some(code) => io::Error::from_raw_os_error(code),
            None => io::Error::new(src.kind(), src.to_string()),
        },
        None => e,
    }
}

/// Refuses a store file without any write bit. The system would let root (as in
/// CI) replace it, so the mode is checked here.
fn refuse_read_only(path: &Path, target: &Path) -> Result<(), PersistError> {
    let Ok(meta) = fs::metadata(target) else {
        return Ok(());
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o222 == 0 {
            return Err(PersistError::ReadOnly {
                path: path.to_owned(),
                mode,
            });
        }
    }
    #[cfg(not(unix))]
    if meta.permissions().readonly() {
        return Err(PersistError::ReadOnly {
            path: path.to_owned(),
            mode: 0o444,
        });
    }
    Ok(())
}

/// Removes temporary files left by a writer of the same store killed mid-save;
/// safe because we hold the lock, so no other writer of this store uses them.
/// Temporary files of other stores in the folder (`a.dgraph.v2` beside
/// `a.dgraph`) are never touched: their owner is parsed back exactly.
fn remove_stale_temp_files(dir: &Path, name: &OsStr) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if temp_file_owner(&entry.file_name()) == Some(name.as_encoded_bytes()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::jsonl::claim_from_line;
    use crate::model::{ActorId, ArticleId, Role};
    use v2::{GraphFileV2, to_dto_v1};

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

    // See: issue 14
    #[test]
    fn article_info_and_roles_round_trip_and_format_1_still_decodes() {
        let mut g = sample();
        let a1 = ArticleId("a1".into());
        g.set_article_info(&a1, Some(Date::new(2024, 6, 18).unwrap()), Some("en"), 42);
        let line = r#"{"source":"person:kim-jong-un","relation":"leader_of","target":"PRK","article":"a1","text":"Kim."}"#;
        let kim = crate::export::jsonl::claim_from_line(line).unwrap();
        g.insert_record(&kim, Some(Role::HeadOfState));
        let back = decode(&encode(&g), Path::new("x")).unwrap();
        assert_eq!(back, g);
        let row = back.article_rows()[0];
        assert_eq!(
            (row.date.map(|d| d.to_string()), row.lang, row.version),
            (Some("2024-06-18".into()), Some("en"), 42)
        );
        let roles: Vec<_> = back.records().map(|(_, r)| r).collect();
        assert!(roles.contains(&Some(Role::HeadOfState)), "{roles:?}");
        // A format 1 file: the v1 tables alone, under version 1.
        let tables = g.tables();
        let v1 = bincode::serde::encode_to_vec(to_dto_v1(&tables), config()).unwrap();
        let mut bytes = store_bytes(&v1);
        bytes[8..12].copy_from_slice(&1u32.to_le_bytes());
        let old = decode(&bytes, Path::new("v1")).unwrap();
        assert_eq!(old.evidence_count(), g.evidence_count());
        assert_eq!(old.article_rows()[0].version, 0);
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
            Err(PersistError::NoCommit { .. })
        ));
        assert!(matches!(
            decode(&bytes[..20], p),
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
        let bytes = store_bytes(&payload);
        assert!(matches!(
            decode(&bytes, Path::new("x")),
            Err(PersistError::Corrupt { .. })
        ));
    }

    /// A format 2 store file around `payload`, with a correct header and checksum.
    fn store_bytes(payload: &[u8]) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&2u32.to_le_bytes());
        bytes.push(CODEC_BINCODE2);
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
        bytes.extend_from_slice(payload);
        bytes
    }

    #[test]
    fn an_edge_claiming_four_billion_records_is_a_clean_error() {
        // See: issue 8. This used to abort with "memory allocation of
        // 240518168520 bytes failed".
        let bytes = encode_format_2(&sample());
        let (mut dto, _): (GraphFileV2<'_>, usize) =
            bincode::serde::borrow_decode_from_slice(&bytes[HEADER_LEN..], config()).unwrap();
        dto.v1.edges[0].evidence = u32::MAX;
        dto.evidence_roles.clear();
        let payload = bincode::serde::encode_to_vec(&dto, config()).unwrap();
        let err = decode(&store_bytes(&payload), Path::new("s.dgraph")).unwrap_err();
        assert!(
            matches!(&err, PersistError::Corrupt { reason, .. } if reason.contains("more evidence than stored")),
            "{err}"
        );
    }

    #[test]
    fn decode_errors_do_not_leak_decoder_internals() {
        // See: issue 8. A u128 marker where a table length belongs.
        let mut payload = vec![0xfe];
        payload.extend_from_slice(&[0; 16]);
        let err = decode(&store_bytes(&payload), Path::new("s.dgraph")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "s.dgraph: corrupt store (cannot decode the graph); restore it from a backup or rebuild it with `diplograph ingest`"
        );
    }

    #[test]
    fn io_errors_print_their_cause_once() {
        // See: issue 8
        let dir = tempfile::tempdir().unwrap();
        let err = anyhow::Error::new(load(dir.path()).unwrap_err());
        let msg = format!("{err:#}");
        assert_eq!(msg.matches("os error").count(), 1, "{msg}");
        assert!(msg.contains("cannot read the store"), "{msg}");
    }

    #[test]
    fn temp_file_names_parse_back_to_exactly_their_store() {
        let owner = |f: &'static str| temp_file_owner(OsStr::new(f));
        assert_eq!(owner(".a.dgraph.Xy12Zq.dg.tmp"), Some(&b"a.dgraph"[..]));
        assert_eq!(
            owner(".a.dgraph.v2.Xy12Zq.dg.tmp"),
            Some(&b"a.dgraph.v2"[..])
        );
        assert_eq!(owner(".a.dgraph.v2.Xy12Z.dg.tmp"), None);
        assert_eq!(owner(".a.dgraph.backup.tmp"), None);
        assert_eq!(owner("..Xy12Zq.dg.tmp"), None);
        assert_eq!(owner("a.dgraph.Xy12Zq.dg.tmp"), None);
    }

    #[test]
    fn saving_removes_only_its_own_stale_temp_files() {
        // See: issue 8. The cleanup of `a.dgraph` used to delete the temp file of
        // a concurrent writer of `a.dgraph.v2`.
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join(".a.dgraph.AbC123.dg.tmp");
        let sibling = dir.path().join(".a.dgraph.v2.AbC123.dg.tmp");
        let users = dir.path().join(".a.dgraph.backup.tmp");
        for f in [&own, &sibling, &users] {
            fs::write(f, b"x").unwrap();
        }
        let w = StoreWriter::lock(&dir.path().join("a.dgraph")).unwrap();
        w.save(&sample()).unwrap();
        assert!(!own.exists(), "a stale temp file of a.dgraph is removed");
        assert!(sibling.exists(), "a.dgraph.v2's temp file is kept");
        assert!(users.exists(), "a file of another shape is kept");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_store_is_written_through_and_locked_at_its_target() {
        // See: issue 8
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.dgraph");
        let link = dir.path().join("link.dgraph");
        symlink("real.dgraph", &link).unwrap();
        let w = StoreWriter::lock(&link).unwrap();
        // A writer through the real path must wait for this one.
        let other = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(&real))
            .unwrap();
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        w.save(&sample()).unwrap();
        drop(w);
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(load(&real).unwrap(), sample());
        assert!(!lock_path(&link).exists(), "no second lock beside the link");
        // A dangling link: the store is created at its target.
        let dangling = dir.path().join("dangling.dgraph");
        symlink(dir.path().join("sub/new.dgraph"), &dangling).unwrap();
        StoreWriter::lock(&dangling)
            .unwrap()
            .save(&sample())
            .unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(load(&dir.path().join("sub/new.dgraph")).unwrap(), sample());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_store_is_refused_and_left_untouched() {
        // See: issue 8. CI runs as root, which the system lets write a 0444 file.
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ro.dgraph");
        StoreWriter::lock(&path).unwrap().save(&sample()).unwrap();
        let before = fs::read(&path).unwrap();
        let w = StoreWriter::lock(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let err = w.save(&KnowledgeGraph::new()).unwrap_err();
        drop(w);
        let msg = err.to_string();
        assert!(
            matches!(err, PersistError::ReadOnly { mode: 0o444, .. }),
            "{msg}"
        );
        assert!(
            msg.contains("ro.dgraph") && msg.contains("chmod u+w"),
            "{msg}"
        );
        assert!(matches!(
            StoreWriter::lock(&path),
            Err(PersistError::ReadOnly { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_waiting_writer_is_told_once_then_gets_the_lock() {
        // See: issue 8
        use std::sync::atomic::{AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("busy.dgraph");
        let first = StoreWriter::lock(&path).unwrap();
        let told = AtomicUsize::new(0);
        let start = Instant::now();
        thread::scope(|s| {
            let waiter = s.spawn(|| {
                StoreWriter::lock_or_wait(&path, |p| {
                    assert_eq!(p, path);
                    told.fetch_add(1, Ordering::SeqCst);
                })
                .map(|_| start.elapsed())
            });
            thread::sleep(LOCK_PATIENCE + Duration::from_millis(500));
            assert_eq!(told.load(Ordering::SeqCst), 1, "told after a second");
            assert!(!waiter.is_finished(), "still waiting");
            drop(first);
            let waited = waiter.join().unwrap().unwrap();
            assert!(waited >= LOCK_PATIENCE, "{waited:?}");
        });
        assert_eq!(told.load(Ordering::SeqCst), 1);
        // An idle lock is taken without a word.
        StoreWriter::lock_or_wait(&path, |_| panic!("nobody holds the lock")).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn store_files_are_recognised_under_any_spelling() {
        // See: issue 8
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("s.dgraph");
        let at = |p: &Path| store_file_at(&store, p);
        // Before the store exists, by path.
        assert_eq!(at(&store), Some(StoreFile::Store));
        StoreWriter::lock(&store).unwrap().save(&sample()).unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        assert_eq!(
            at(&dir.path().join("sub/../s.dgraph")),
            Some(StoreFile::Store)
        );
        assert_eq!(at(&dir.path().join("s.dgraph.lock")), Some(StoreFile::Lock));
        let link = dir.path().join("link.dot");
        symlink(&store, &link).unwrap();
        assert_eq!(at(&link), Some(StoreFile::Store));
        let hard = dir.path().join("hard.dot");
        fs::hard_link(&store, &hard).unwrap();
        assert_eq!(at(&hard), Some(StoreFile::Store));
        assert_eq!(at(&dir.path().join("s.dot")), None);
        assert_eq!(at(&dir.path().join("sub/s.dgraph")), None);
        // A store that is a link: its target's lock file counts.
        let real = dir.path().join("sub/real.dgraph");
        symlink(&real, dir.path().join("via.dgraph")).unwrap();
        assert_eq!(
            store_file_at(
                &dir.path().join("via.dgraph"),
                &dir.path().join("sub/real.dgraph.lock")
            ),
            Some(StoreFile::Lock)
        );
    }
}
