//! Edges whose evidence stays in the store file until a question reads it.
//!
//! A graph opened for reading holds every actor, article and edge, and for each
//! edge only its [`EdgeSummary`] and a slot: the records are read through an
//! [`EvidenceSource`] (implemented by `persist`) the first time a question looks
//! at them, and kept for the rest of the process. A read that fails is
//! remembered and the edge answers as having no records: the caller asks
//! [`KnowledgeGraph::take_evidence_error`] before it prints an answer.

use std::sync::{Arc, Mutex, OnceLock};

use super::store::{EvidenceKey, EvidenceList, EvidenceRec};
use super::summary::EdgeSummary;
use super::{EvidenceFacts, KnowledgeGraph};
use crate::model::{Actor, Relation};

/// An error reading evidence, as the source reports it (a `persist` error
/// naming the file).
pub type SourceError = Box<dyn std::error::Error + Send + Sync>;

/// One evidence record as a store file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    /// The article's position in the graph's article table (the order in which
    /// [`super::GraphBuilder::article`] added them).
    pub article: u32,
    /// Everything else but the text.
    pub facts: EvidenceFacts,
    /// The sentence.
    pub text: String,
}

/// The actors of a stored graph and, for each actor and each relation, the
/// positions of its edges in the store's edge table, without counts or
/// records: what a question looks at to choose the edges it builds a graph
/// of (see `query::scope`), so that it never reads the whole edge table.
/// A store of format 4 holds this index on disk; for older ones `persist`
/// builds it by walking the edge table. The lists stay encoded until a
/// question asks for one ([`IndexLists`]): a question about two actors
/// decodes their lists, not one per actor and relation of the store.
#[derive(Debug, Clone)]
pub struct Adjacency {
    /// Every actor, sorted by id.
    pub actors: Vec<Actor>,
    /// How many edges the store holds.
    pub edges: usize,
    /// The relations of the store's table, in the order of their lists.
    relations: Vec<Relation>,
    lists: Arc<dyn IndexLists>,
}

/// The lists of an [`Adjacency`], numbered: per actor (by position) the
/// edges it is an end of, then per actor the actors one edge away, then per
/// relation its edges; each ascending, each value once.
pub trait IndexLists: std::fmt::Debug + Send + Sync {
    /// List `i`, decoded on first use.
    fn list(&self, i: usize) -> &[u32];
}

impl Adjacency {
    /// The index of `actors` whose lists `lists` holds (see [`IndexLists`]),
    /// `relations` in the order of their lists.
    pub fn new(
        actors: Vec<Actor>,
        edges: usize,
        relations: Vec<Relation>,
        lists: Arc<dyn IndexLists>,
    ) -> Self {
        Adjacency {
            actors,
            edges,
            relations,
            lists,
        }
    }

    /// The edges the actor at position `actor` is an end of, ascending.
    pub fn touching(&self, actor: usize) -> &[u32] {
        self.lists.list(actor)
    }

    /// The actors one edge away from the actor at position `actor`, ascending.
    pub fn neighbours(&self, actor: usize) -> &[u32] {
        self.lists.list(self.actors.len() + actor)
    }

    /// The edges of `relation`, ascending.
    pub fn of_relation(&self, relation: Relation) -> &[u32] {
        self.relations
            .iter()
            .position(|&r| r == relation)
            .map_or(&[], |i| self.lists.list(2 * self.actors.len() + i))
    }
}

/// Two indexes are equal when they hold the same actors and lists (every
/// list decoded to compare).
impl PartialEq for Adjacency {
    fn eq(&self, other: &Self) -> bool {
        let n = self.actors.len();
        self.actors == other.actors
            && self.edges == other.edges
            && (0..n).all(|a| {
                self.touching(a) == other.touching(a) && self.neighbours(a) == other.neighbours(a)
            })
            && self
                .relations
                .iter()
                .chain(&other.relations)
                .all(|&r| self.of_relation(r) == other.of_relation(r))
    }
}

impl Eq for Adjacency {}

/// Reads the records of one stored edge.
pub trait EvidenceSource: std::fmt::Debug + Send + Sync {
    /// The records of the edge in `slot`, in any order.
    fn read(&self, slot: u32) -> Result<Vec<StoredRecord>, SourceError>;
}

/// The records of a stored edge once read, each with its sentence text.
#[derive(Debug, Clone, Default)]
pub(super) struct Loaded {
    pub(super) list: EvidenceList,
    /// Sentence texts by (article, sentence index), sorted.
    texts: Vec<((u32, u32), Box<str>)>,
}

impl Loaded {
    /// The text of a sentence, empty when none was read.
    pub(super) fn text(&self, key: (u32, u32)) -> &str {
        self.texts
            .binary_search_by(|(k, _)| k.cmp(&key))
            .map_or("", |i| &self.texts[i].1)
    }
}

/// The source of a graph's stored edges, what the graph knows of each (by
/// slot: side tables, not one allocation per edge, so that opening a store
/// costs little more than reading its graph section) and the first error.
#[derive(Debug, Default)]
pub(super) struct Link {
    pub(super) source: Option<Arc<dyn EvidenceSource>>,
    /// Each stored edge's summary, by slot.
    pub(super) summaries: Vec<EdgeSummary>,
    /// Each stored edge's records once read, by slot.
    loaded: Vec<OnceLock<Box<Loaded>>>,
    /// The graph's article index of each article position the source uses.
    pub(super) articles: Vec<super::store::ArticleIx>,
    error: Mutex<Option<SourceError>>,
}

impl Clone for Link {
    fn clone(&self) -> Self {
        Link {
            source: self.source.clone(),
            summaries: self.summaries.clone(),
            loaded: self.loaded.clone(),
            articles: self.articles.clone(),
            error: Mutex::new(None),
        }
    }
}

impl Link {
    /// The records of `stored`, read on first use; none when the read fails
    /// (the error is kept for [`KnowledgeGraph::take_evidence_error`]).
    pub(super) fn records(&self, slot: u32) -> &Loaded {
        self.loaded[slot as usize].get_or_init(|| match self.read(slot) {
            Ok(l) => Box::new(l),
            Err(e) => {
                let mut first = self.error.lock().unwrap_or_else(|p| p.into_inner());
                first.get_or_insert(e);
                Box::default()
            }
        })
    }

    /// Adds a stored edge; returns its slot.
    pub(super) fn push(&mut self, summary: EdgeSummary) -> u32 {
        self.summaries.push(summary);
        self.loaded.push(OnceLock::new());
        u32::try_from(self.summaries.len() - 1).expect("fewer than 4 billion edges")
    }

    fn read(&self, slot: u32) -> Result<Loaded, SourceError> {
        let summary = self.summaries[slot as usize];
        let source = self
            .source
            .as_ref()
            .ok_or("a stored edge without a store to read it from")?;
        let records = source.read(slot)?;
        let mut texts = Vec::with_capacity(records.len());
        let mut items: Vec<(EvidenceKey, EvidenceRec)> = Vec::with_capacity(records.len());
        for r in records {
            let ax = *self
                .articles
                .get(r.article as usize)
                .ok_or_else(|| format!("article {} out of range", r.article))?;
            texts.push(((ax, r.facts.sentence), r.text.into_boxed_str()));
            items.push(((ax, r.facts.span), EvidenceRec::from_facts(r.facts)));
        }
        texts.sort_unstable_by_key(|t| t.0);
        texts.dedup_by(|a, b| a.0 == b.0);
        let mut list = EvidenceList::default();
        list.insert_many(items);
        if list.len() != summary.evidence() {
            return Err(format!(
                "an edge holds {} evidence records, its summary says {}",
                list.len(),
                summary.evidence()
            )
            .into());
        }
        Ok(Loaded { list, texts })
    }

    fn take_error(&self) -> Option<SourceError> {
        self.error.lock().unwrap_or_else(|p| p.into_inner()).take()
    }
}

impl KnowledgeGraph {
    /// The first error met reading stored evidence since the last call, if any.
    /// A question over a graph opened from a store may read evidence; its
    /// answer counts only when this is `None` afterwards.
    pub fn take_evidence_error(&self) -> Option<SourceError> {
        self.link.take_error()
    }

    /// True when every edge's evidence is in memory (a graph built by inserts,
    /// merges or a full load), as writing it and merging it need.
    pub fn is_held(&self) -> bool {
        self.link.source.is_none() && self.link.summaries.is_empty()
    }
}
