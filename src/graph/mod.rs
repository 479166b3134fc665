//! The knowledge graph: one node per actor, one edge per (source, relation,
//! target), every edge keeping the evidence that supports, denies or hedges it.
//!
//! Owns [`KnowledgeGraph`] (a petgraph `StableDiGraph` plus an `ActorId → node`
//! index and an edge index keyed by (source, relation, target), symmetric
//! relations keyed with sorted ids), insertion and [merge](KnowledgeGraph::merge).
//! Must not touch file formats or printing; a petgraph `NodeIndex` never leaves it.
//!
//! Evidence is deduplicated by (article, span) per edge. Conflicting values (an
//! actor's name, a sentence's text, the flags of one evidence record read twice)
//! are settled by order-independent rules, so insertion and merge are idempotent,
//! commutative and associative up to ordering (property-tested in
//! `tests/graph_laws.rs`).
//!
//! ```
//! use diplograph::graph::KnowledgeGraph;
//! use diplograph::export::jsonl::claim_from_line;
//! let claim = claim_from_line(r#"{"source":{"id":"USA","kind":"country","country":"USA"},"relation":"sanctions","target":{"id":"PRK","kind":"country","country":"PRK"},"negated":false,"hedged":false,"attributed_to":[],"article":"a1","date":null,"sentence":0,"span":[0,9],"text":"Sanctions."}"#).unwrap();
//! let mut g = KnowledgeGraph::new();
//! assert!(g.insert_claim(&claim).new_evidence);
//! assert!(!g.insert_claim(&claim).new_evidence, "the same evidence twice changes nothing");
//! assert_eq!(g.edges().next().unwrap().counts().asserted, 1);
//! ```

mod census;
mod merge;
mod store;
mod stored;
mod summary;

use std::collections::{HashMap, HashSet};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

use crate::model::{Actor, ActorId, ArticleId, Claim, Date, Evidence, Relation, Role, Span};

pub use census::{Census, Degree, RelationCensus};
pub use merge::MergeOutcome;
pub use store::{ArticleRow, EdgeRow, EvidenceRow, GraphBuilder, SentenceRow, Tables};
use store::{Articles, Edge, EvidenceRec, join_actor};
pub use stored::{Adjacency, EvidenceSource, IndexLists, SourceError, StoredRecord};
pub use summary::{EdgeSummary, Kept, role_bit};

/// The graph of actors and their evidenced relations.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Actor, Edge>,
    nodes: HashMap<ActorId, NodeIndex>,
    edge_index: store::FxMap<(NodeIndex, Relation, NodeIndex), EdgeIndex>,
    articles: Articles,
    evidence_count: usize,
    /// Sentences in the store file that no edge has read yet (a graph opened
    /// for reading keeps its sentences there).
    stored_sentences: usize,
    link: stored::Link,
}

/// What one [`KnowledgeGraph::insert_claim`] changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InsertOutcome {
    /// Actors seen for the first time (0, 1 or 2).
    pub new_actors: usize,
    /// The (source, relation, target) edge did not exist before.
    pub new_edge: bool,
    /// The (article, span) was not yet evidence of this edge.
    pub new_evidence: bool,
}

impl InsertOutcome {
    /// True when the insert changed nothing but possibly joined flags or names.
    pub fn is_duplicate(&self) -> bool {
        !self.new_evidence && !self.new_edge && self.new_actors == 0
    }
}

/// The facts of one evidence record apart from its article and sentence text
/// (the graph stores each sentence text once), as [`GraphBuilder::edge`] takes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFacts {
    /// Index of the sentence in the article, 0-based.
    pub sentence: u32,
    /// Byte span into the article's original text.
    pub span: Span,
    /// When it happened, when known.
    pub date: Option<Date>,
    /// The sentence denies it.
    pub negated: bool,
    /// The sentence reports it as expected, planned, alleged or analysed.
    pub hedged: bool,
    /// Who asserts it.
    pub attributed_to: Vec<ActorId>,
    /// The office, on `leader_of` evidence.
    pub role: Option<Role>,
}

/// Why a [`GraphBuilder`] refused a row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    /// A row refers to a position its table does not have.
    #[error("{table} position {position} is out of range")]
    Position {
        /// Which table.
        table: &'static str,
        /// The position given.
        position: u32,
    },
    /// Two stored edges with the same (source, relation, target).
    #[error("edge {slot} repeats an earlier edge")]
    Duplicate {
        /// The repeated edge's slot.
        slot: u32,
    },
}

/// Evidence counts of one edge. `asserted + negated + hedged == evidence`:
/// a negated record counts as negated even when also hedged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EdgeCounts {
    /// Evidence records.
    pub evidence: usize,
    /// Records stated as fact (neither negated nor hedged).
    pub asserted: usize,
    /// Records that deny the relation.
    pub negated: usize,
    /// Records that hedge it (and do not deny it).
    pub hedged: usize,
    /// Distinct articles among the records.
    pub articles: usize,
}

/// A read-only view of one edge.
#[derive(Debug, Clone, Copy)]
pub struct EdgeView<'g> {
    /// Who acts (for symmetric relations: the smaller id).
    pub source: &'g Actor,
    /// The relation.
    pub relation: Relation,
    /// Who is acted on (for symmetric relations: the larger id).
    pub target: &'g Actor,
    edge: &'g Edge,
    articles: &'g Articles,
    link: &'g stored::Link,
}

/// A read-only view of one evidence record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidenceView<'g> {
    /// The article's id.
    pub article: &'g ArticleId,
    /// The article's headline.
    pub title: Option<&'g str>,
    /// The article's address.
    pub url: Option<&'g str>,
    /// When it happened.
    pub date: Option<Date>,
    /// Index of the sentence in the article.
    pub sentence: u32,
    /// Byte span into the article's text.
    pub span: Span,
    /// The sentence (empty when none was stored).
    pub text: &'g str,
    /// The sentence denies the relation.
    pub negated: bool,
    /// The sentence hedges it.
    pub hedged: bool,
    /// Who asserts it.
    pub attributed_to: &'g [ActorId],
    /// The office, on `leader_of` evidence.
    pub role: Option<Role>,
}

impl EvidenceView<'_> {
    /// An owned [`Evidence`] (the flags stay with the claim).
    pub fn to_evidence(&self) -> Evidence {
        Evidence {
            article: self.article.clone(),
            title: self.title.map(str::to_owned),
            url: self.url.map(str::to_owned),
            date: self.date,
            sentence: self.sentence,
            span: self.span,
            text: self.text.to_owned(),
            lang: None,
        }
    }
}

impl<'g> EdgeView<'g> {
    /// The evidence, sorted by article id then span.
    pub fn evidence(&self) -> Vec<EvidenceView<'g>> {
        let mut out: Vec<EvidenceView<'g>> = self.evidence_unsorted().collect();
        out.sort_by(|a, b| (a.article, a.span).cmp(&(b.article, b.span)));
        out
    }

    /// The evidence in storage order (cheaper than [`EdgeView::evidence`] when
    /// the order does not matter, as when counting or filtering).
    pub fn evidence_unsorted(&self) -> impl Iterator<Item = EvidenceView<'g>> + 'g {
        let articles = self.articles;
        let loaded = self.edge.stored.map(|slot| self.link.records(slot));
        let list = loaded.map_or(&self.edge.evidence, |l| &l.list);
        list.iter().map(move |(key, rec)| {
            let (ax, span) = *key;
            let meta = &articles.metas[ax as usize];
            let text = match loaded {
                Some(l) => l.text((ax, rec.sentence)),
                None => articles.sentence(ax, rec.sentence),
            };
            EvidenceView {
                article: &meta.id,
                title: meta.title.as_deref(),
                url: meta.url.as_deref(),
                date: rec.date,
                sentence: rec.sentence,
                span,
                text,
                negated: rec.negated,
                hedged: rec.hedged,
                attributed_to: &rec.attributed_to,
                role: rec.role,
            }
        })
    }

    /// Whether the edge's records can be read: not for an edge of a graph
    /// built from counts alone (`query::subgraph_counted`), whose summary is
    /// all it holds.
    pub fn records_readable(&self) -> bool {
        self.edge.stored.is_none() || self.link.source.is_some()
    }

    /// Number of evidence records (cheaper than [`EdgeView::counts`]).
    pub fn evidence_count(&self) -> usize {
        match self.edge.stored {
            Some(slot) => self.link.summaries[slot as usize].evidence(),
            None => self.edge.evidence.len(),
        }
    }

    /// The counts, articles, roles and dates of the records, without reading
    /// stored ones.
    pub fn summary(&self) -> EdgeSummary {
        match self.edge.stored {
            Some(slot) => self.link.summaries[slot as usize],
            None => EdgeSummary::of(&self.edge.evidence),
        }
    }

    /// Evidence counts.
    pub fn counts(&self) -> EdgeCounts {
        if let Some(slot) = self.edge.stored {
            return self.link.summaries[slot as usize].kept(Kept::All).0;
        }
        let mut c = EdgeCounts {
            evidence: self.edge.evidence.len(),
            ..EdgeCounts::default()
        };
        let mut articles = HashSet::new();
        for ((ax, _), rec) in self.edge.evidence.iter() {
            articles.insert(ax);
            if rec.negated {
                c.negated += 1;
            } else if rec.hedged {
                c.hedged += 1;
            } else {
                c.asserted += 1;
            }
        }
        c.articles = articles.len();
        c
    }

    /// Every stored claim of this edge, one per evidence record.
    pub fn claims(self) -> impl Iterator<Item = Claim> + 'g {
        self.records().map(|(c, _)| c)
    }

    /// Every stored claim of this edge with its role (on `leader_of`).
    pub fn records(self) -> impl Iterator<Item = (Claim, Option<Role>)> + 'g {
        let (source, relation, target) = (self.source, self.relation, self.target);
        self.evidence().into_iter().map(move |e| {
            (
                Claim {
                    source: source.clone(),
                    relation,
                    target: target.clone(),
                    negated: e.negated,
                    hedged: e.hedged,
                    attributed_to: e.attributed_to.to_vec(),
                    evidence: e.to_evidence(),
                },
                e.role,
            )
        })
    }
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Inserts or joins an actor record (see the module docs for the rule);
    /// returns true when the id is new.
    pub fn upsert_actor(&mut self, actor: Actor) -> bool {
        self.upsert_actor_ref(&actor).1
    }

    fn upsert_actor_ref(&mut self, actor: &Actor) -> (NodeIndex, bool) {
        match self.nodes.get(&actor.id) {
            Some(&ix) => {
                join_actor(&mut self.graph[ix], actor);
                (ix, false)
            }
            None => {
                let ix = self.graph.add_node(actor.clone());
                self.nodes.insert(actor.id.clone(), ix);
                (ix, true)
            }
        }
    }

    /// Inserts a claim: its actors, its article and sentence, its edge and its
    /// evidence. A symmetric claim lands on the sorted key whichever way round it
    /// is given. Inserting the same claim twice changes nothing.
    pub fn insert_claim(&mut self, claim: &Claim) -> InsertOutcome {
        self.insert_record(claim, None)
    }

    /// [`KnowledgeGraph::insert_claim`] with the role of a `leader_of` claim.
    pub fn insert_record(&mut self, claim: &Claim, role: Option<Role>) -> InsertOutcome {
        let (mut s, mut t) = (&claim.source, &claim.target);
        if claim.relation.is_symmetric() && t.id < s.id {
            std::mem::swap(&mut s, &mut t);
        }
        let (si, s_new) = self.upsert_actor_ref(s);
        let (ti, t_new) = self.upsert_actor_ref(t);
        let e = &claim.evidence;
        let ax = self
            .articles
            .intern(&e.article, e.title.as_deref(), e.url.as_deref());
        self.articles.put_sentence(ax, e.sentence, &e.text);
        let mut attributed_to = claim.attributed_to.clone();
        attributed_to.sort();
        attributed_to.dedup();
        let rec = EvidenceRec {
            sentence: e.sentence,
            date: e.date,
            negated: claim.negated,
            hedged: claim.hedged,
            attributed_to,
            role: role.filter(|_| claim.relation == Relation::LeaderOf),
        };
        let (new_edge, new_evidence) = self.put_evidence(si, claim.relation, ti, ax, e.span, rec);
        InsertOutcome {
            new_actors: usize::from(s_new) + usize::from(t_new),
            new_edge,
            new_evidence,
        }
    }

    /// The edge (source, relation, target), created when missing (symmetric
    /// relations keyed with sorted ids); returns (edge, new).
    fn edge_for(&mut self, si: NodeIndex, relation: Relation, ti: NodeIndex) -> (EdgeIndex, bool) {
        let (si, ti) = if relation.is_symmetric() && self.graph[ti].id < self.graph[si].id {
            (ti, si)
        } else {
            (si, ti)
        };
        match self.edge_index.get(&(si, relation, ti)) {
            Some(&ei) => (ei, false),
            None => {
                let ei = self.graph.add_edge(
                    si,
                    ti,
                    Edge {
                        relation,
                        evidence: Default::default(),
                        stored: None,
                    },
                );
                self.edge_index.insert((si, relation, ti), ei);
                (ei, true)
            }
        }
    }

    /// Adds or joins an evidence record under (source, relation, target); returns
    /// (new edge, new evidence).
    fn put_evidence(
        &mut self,
        si: NodeIndex,
        relation: Relation,
        ti: NodeIndex,
        ax: store::ArticleIx,
        span: Span,
        rec: EvidenceRec,
    ) -> (bool, bool) {
        let (ei, new_edge) = self.edge_for(si, relation, ti);
        assert!(
            self.graph[ei].stored.is_none(),
            "a graph opened for reading is never written to"
        );
        let new_evidence = self.graph[ei].evidence.insert((ax, span), rec);
        self.evidence_count += usize::from(new_evidence);
        (new_edge, new_evidence)
    }

    /// Adds or joins many records under one edge; returns (new edge, new records).
    fn put_evidence_many(
        &mut self,
        si: NodeIndex,
        relation: Relation,
        ti: NodeIndex,
        records: Vec<(store::EvidenceKey, EvidenceRec)>,
    ) -> (bool, usize) {
        let (ei, new_edge) = self.edge_for(si, relation, ti);
        assert!(
            self.graph[ei].stored.is_none(),
            "a graph opened for reading is never written to"
        );
        let added = self.graph[ei].evidence.insert_many(records);
        self.evidence_count += added;
        (new_edge, added)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.nodes.get(id).map(|&ix| &self.graph[ix])
    }

    /// Every actor, sorted by id.
    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        let mut v: Vec<&Actor> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v.into_iter()
    }

    fn view(&self, ei: EdgeIndex) -> EdgeView<'_> {
        let (s, t) = self
            .graph
            .edge_endpoints(ei)
            .expect("edge indices come from the graph itself");
        let edge = &self.graph[ei];
        EdgeView {
            source: &self.graph[s],
            relation: edge.relation,
            target: &self.graph[t],
            edge,
            articles: &self.articles,
            link: &self.link,
        }
    }

    fn sorted_views(&self, edges: impl Iterator<Item = EdgeIndex>) -> Vec<EdgeView<'_>> {
        let mut v: Vec<EdgeView<'_>> = edges.map(|ei| self.view(ei)).collect();
        v.sort_by(|a, b| {
            (&a.source.id, a.relation, &a.target.id).cmp(&(&b.source.id, b.relation, &b.target.id))
        });
        v
    }

    /// Every edge, in no particular order (cheaper than
    /// [`KnowledgeGraph::edges`] when the order does not matter).
    pub fn edges_unsorted(&self) -> impl Iterator<Item = EdgeView<'_>> {
        self.graph.edge_indices().map(|ei| self.view(ei))
    }

    /// Every edge, sorted by (source id, relation, target id).
    pub fn edges(&self) -> impl Iterator<Item = EdgeView<'_>> {
        self.sorted_views(self.graph.edge_indices()).into_iter()
    }

    /// The edges that start or end at `id`, sorted; empty when the actor is unknown.
    pub fn edges_of(&self, id: &ActorId) -> Vec<EdgeView<'_>> {
        let Some(&ix) = self.nodes.get(id) else {
            return Vec::new();
        };
        let out = self
            .graph
            .edges_directed(ix, petgraph::Direction::Outgoing)
            .map(|e| e.id());
        let inc = self
            .graph
            .edges_directed(ix, petgraph::Direction::Incoming)
            .filter(|e| e.source() != ix)
            .map(|e| e.id());
        self.sorted_views(out.chain(inc))
    }

    /// The edges between `a` and `b`, either way round, sorted.
    pub fn edges_between(&self, a: &ActorId, b: &ActorId) -> Vec<EdgeView<'_>> {
        let (Some(&ai), Some(&bi)) = (self.nodes.get(a), self.nodes.get(b)) else {
            return Vec::new();
        };
        let ab = self.graph.edges_connecting(ai, bi).map(|e| e.id());
        let ba = self
            .graph
            .edges_connecting(bi, ai)
            .filter(|_| ai != bi)
            .map(|e| e.id());
        self.sorted_views(ab.chain(ba))
    }

    /// Every stored claim, one per evidence record, sorted by edge then evidence.
    pub fn claims(&self) -> impl Iterator<Item = Claim> + '_ {
        self.edges().flat_map(|e| e.claims())
    }

    /// Every stored claim with its role, sorted as [`KnowledgeGraph::claims`].
    pub fn records(&self) -> impl Iterator<Item = (Claim, Option<Role>)> + '_ {
        self.edges().flat_map(|e| e.records())
    }

    /// Sets what the graph knows of an article beyond its evidence: its own
    /// date, language and version (a hash of the text it was read from). An
    /// article id the graph does not hold yet is added.
    pub fn set_article_info(
        &mut self,
        id: &ArticleId,
        date: Option<Date>,
        lang: Option<&str>,
        version: u64,
    ) {
        let ax = self.articles.intern(id, None, None);
        self.articles.set_info(ax, date, lang, version);
    }

    /// Every article with what the graph knows of it, sorted by id.
    pub fn article_rows(&self) -> Vec<ArticleRow<'_>> {
        let mut v: Vec<ArticleRow<'_>> = self
            .articles
            .metas
            .iter()
            .map(|m| ArticleRow {
                id: &m.id,
                title: m.title.as_deref(),
                url: m.url.as_deref(),
                date: m.date,
                lang: m.lang.as_deref(),
                version: m.version,
            })
            .collect();
        v.sort_by(|a, b| a.id.cmp(b.id));
        v
    }

    /// Fills in the role of `leader_of` records that have none, from `role_of`
    /// (person, office holder, date): for stores and claims from before roles
    /// were kept. Returns how many records got one.
    pub fn fill_roles(
        &mut self,
        role_of: impl Fn(&ActorId, &ActorId, Option<Date>) -> Option<Role>,
    ) -> usize {
        let mut filled = 0;
        for ei in self.graph.edge_indices().collect::<Vec<_>>() {
            if self.graph[ei].relation != Relation::LeaderOf {
                continue;
            }
            let (s, t) = self
                .graph
                .edge_endpoints(ei)
                .expect("edge indices come from the graph itself");
            let (person, office) = (self.graph[s].id.clone(), self.graph[t].id.clone());
            for rec in self.graph[ei].evidence.records_mut() {
                if rec.role.is_none() {
                    rec.role = role_of(&person, &office, rec.date);
                    filled += usize::from(rec.role.is_some());
                }
            }
        }
        filled
    }

    /// The graph without these articles: their evidence and sentences go, and
    /// so do edges left without evidence and actors left without edges; the
    /// other articles stay, also those that gave no claim.
    /// Returns the new graph and how many of the ids it held.
    pub fn without_articles(&self, ids: &[ArticleId]) -> (KnowledgeGraph, usize) {
        let drop: HashSet<&ArticleId> = ids.iter().collect();
        let held = self
            .articles
            .metas
            .iter()
            .filter(|m| drop.contains(&m.id))
            .count();
        let mut out = KnowledgeGraph::new();
        for (claim, role) in self.records() {
            if !drop.contains(&claim.evidence.article) {
                out.insert_record(&claim, role);
            }
        }
        // Articles that gave no claim stay listed, with what is known of them.
        for m in self.articles.metas.iter().filter(|m| !drop.contains(&m.id)) {
            let ax = out
                .articles
                .intern(&m.id, m.title.as_deref(), m.url.as_deref());
            out.articles
                .set_info(ax, m.date, m.lang.as_deref(), m.version);
        }
        (out, held)
    }

    /// The version (a hash of the text it was read from) of an article the
    /// graph holds; `Some(0)` for one held without a version (claims imported
    /// without their text), `None` for an article it does not hold.
    pub fn article_version(&self, id: &ArticleId) -> Option<u64> {
        let ax = self.articles.index_of(id)?;
        Some(self.articles.metas[ax as usize].version)
    }

    /// What the graph knows of one article; `None` for one it does not hold.
    pub fn article_row(&self, id: &ArticleId) -> Option<ArticleRow<'_>> {
        let m = &self.articles.metas[self.articles.index_of(id)? as usize];
        Some(ArticleRow {
            id: &m.id,
            title: m.title.as_deref(),
            url: m.url.as_deref(),
            date: m.date,
            lang: m.lang.as_deref(),
            version: m.version,
        })
    }

    /// Every article's (id, title, url), sorted by id.
    pub fn articles(&self) -> impl Iterator<Item = (&ArticleId, Option<&str>, Option<&str>)> {
        let mut v: Vec<_> = self
            .articles
            .metas
            .iter()
            .map(|m| (&m.id, m.title.as_deref(), m.url.as_deref()))
            .collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v.into_iter()
    }

    /// Every stored sentence as (article, sentence index, text), sorted.
    pub fn sentences(&self) -> impl Iterator<Item = (&ArticleId, u32, &str)> {
        let mut v: Vec<_> = self
            .articles
            .iter_sentences()
            .map(|((ax, i), t)| (&self.articles.metas[ax as usize].id, i, t))
            .collect();
        v.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        v.into_iter()
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Number of evidence records over all edges.
    pub fn evidence_count(&self) -> usize {
        self.evidence_count
    }

    /// Number of distinct articles.
    pub fn article_count(&self) -> usize {
        self.articles.metas.len()
    }

    /// Number of stored sentence texts.
    pub fn sentence_count(&self) -> usize {
        self.articles.sentence_count() + self.stored_sentences
    }

    /// True when the graph holds no actor.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }
}

/// Two graphs are equal when they hold the same actors, articles, sentences,
/// edges and evidence, whatever the insertion order.
impl PartialEq for KnowledgeGraph {
    fn eq(&self, other: &Self) -> bool {
        if self.actor_count() != other.actor_count()
            || self.edge_count() != other.edge_count()
            || self.evidence_count != other.evidence_count
            || self.article_count() != other.article_count()
            || self.sentence_count() != other.sentence_count()
        {
            return false;
        }
        self.actors().eq(other.actors())
            && self.articles().eq(other.articles())
            && self.sentences().eq(other.sentences())
            && self.edges().zip(other.edges()).all(|(a, b)| {
                a.source.id == b.source.id
                    && a.relation == b.relation
                    && a.target.id == b.target.id
                    && a.evidence() == b.evidence()
            })
    }
}

impl Eq for KnowledgeGraph {}
