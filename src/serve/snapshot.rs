//! The loaded store, reloaded when the file changes.
//!
//! Each API request stats the store (one `metadata` call, microseconds) and
//! reloads it when its modification time or size differ from the loaded one's.
//! Writers replace the file by rename (see `persist`), so a reload never sees a
//! half-written store. No watcher thread: polling on demand needs no crate, no
//! inotify limits, and works on network file systems.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::graph::KnowledgeGraph;
use crate::model::Date;
use crate::persist::PersistError;

/// Reads a store file into a graph (the CLI's loader also fills in offices
/// from the gazetteer).
pub type Loader = Box<dyn Fn(&Path) -> Result<KnowledgeGraph, PersistError>>;

/// What identifies one version of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

/// The file's stamp; `None` when it cannot be read (the loader then says why).
fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}

/// A loaded store and what the page needs to know of it besides the graph.
pub(super) struct Loaded {
    /// The graph.
    pub(super) graph: KnowledgeGraph,
    /// The earliest and latest evidence dates (the date slider's ends).
    pub(super) dates: Option<(Date, Date)>,
    /// What `/api/stats` answers before it adds the store's name and dates:
    /// counted once per load, not per request.
    pub(super) stats: serde_json::Value,
    /// The store's file name (never its directory: the page need not know it).
    pub(super) name: String,
    stamp: Option<Stamp>,
}

/// The earliest and latest date any evidence record carries, from the
/// edges' summaries (no stored record is read).
fn date_span(graph: &KnowledgeGraph) -> Option<(Date, Date)> {
    graph
        .edges_unsorted()
        .filter_map(|e| e.summary().dates)
        .reduce(|(lo, hi), (a, b)| (lo.min(a), hi.max(b)))
}

fn read(path: &Path, load: &Loader) -> Result<Loaded, PersistError> {
    // Stamp before reading: a write during the load then shows as a change
    // next time, rather than being missed.
    let stamp = stamp(path);
    let graph = load(path)?;
    Ok(Loaded {
        dates: date_span(&graph),
        stats: serde_json::to_value(crate::query::stats(&graph)).expect("stats serialize"),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        graph,
        stamp,
    })
}

/// The store file and its latest good load.
pub(super) struct Snapshot {
    path: PathBuf,
    load: Loader,
    loaded: Loaded,
}

impl Snapshot {
    /// Loads the store for the first time.
    pub(super) fn open(path: PathBuf, load: Loader) -> Result<Self, PersistError> {
        let loaded = read(&path, &load)?;
        Ok(Snapshot { path, load, loaded })
    }

    /// Makes the next [`Snapshot::current`] read the store again, as when
    /// its file changed (a damaged block was met: the graph keeps that
    /// edge's records as none, so it must not answer again).
    pub(super) fn reload_next(&mut self) {
        self.loaded.stamp = None;
    }

    /// The store as it is now: reloaded first when the file changed. When the
    /// new file cannot be read, that is the answer (the old graph would show
    /// a store that no longer exists).
    pub(super) fn current(&mut self) -> Result<&Loaded, PersistError> {
        let now = stamp(&self.path);
        if now.is_none() || now != self.loaded.stamp {
            self.loaded = read(&self.path, &self.load)?;
        }
        Ok(&self.loaded)
    }
}
