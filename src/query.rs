//! Read-only questions over a [`KnowledgeGraph`], with typed answers.
//!
//! Owns what is asked and what comes back; must not mutate the graph, format or
//! print (the caller renders answers as a table or JSON).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::graph::{Census, EdgeView, EvidenceView, Kept, KnowledgeGraph};
use crate::model::{ActorId, ActorKind, ArticleId, Date, Relation, Role};

pub mod scope;

/// Why a question cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// The actor is not in the graph.
    #[error("actor `{0}` is not in the store; check the id or import claims that name it")]
    UnknownActor(ActorId),
}

/// One stored relation and its evidence counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelationRow {
    /// Who acts (for symmetric relations: the smaller id).
    pub source: ActorId,
    /// The relation.
    pub relation: Relation,
    /// Who is acted on.
    pub target: ActorId,
    /// True when the relation has no direction.
    pub symmetric: bool,
    /// Evidence records.
    pub evidence: usize,
    /// Records stated as fact.
    pub asserted: usize,
    /// Records that deny it.
    pub negated: usize,
    /// Records that hedge it.
    pub hedged: usize,
    /// Distinct articles.
    pub articles: usize,
    /// The offices the kept records give (`leader_of` only), sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// The sentences, when asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<EvidenceRow>,
}

/// One evidence sentence of a relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceRow {
    /// The article's id.
    pub article: ArticleId,
    /// When it happened.
    pub date: Option<Date>,
    /// Sentence index in the article.
    pub sentence: u32,
    /// Byte span `[start, end)`.
    pub span: [u32; 2],
    /// The sentence.
    pub text: String,
    /// The sentence denies the relation.
    pub negated: bool,
    /// The sentence hedges it.
    pub hedged: bool,
    /// Who asserts it.
    pub attributed_to: Vec<ActorId>,
    /// The office (`leader_of` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

fn roles_of<'a>(records: impl Iterator<Item = &'a EvidenceView<'a>>) -> Vec<Role> {
    let mut roles: Vec<Role> = records.filter_map(|v| v.role).collect();
    roles.sort();
    roles.dedup();
    roles
}

fn row(e: EdgeView<'_>, with_evidence: bool) -> RelationRow {
    if !with_evidence {
        // Counts and roles come from the summary: no stored record is read.
        let (c, roles) = e.summary().kept(Kept::All);
        return RelationRow {
            source: e.source.id.clone(),
            relation: e.relation,
            target: e.target.id.clone(),
            symmetric: e.relation.is_symmetric(),
            evidence: c.evidence,
            asserted: c.asserted,
            negated: c.negated,
            hedged: c.hedged,
            articles: c.articles,
            roles,
            sentences: Vec::new(),
        };
    }
    let c = e.counts();
    let all = e.evidence();
    RelationRow {
        source: e.source.id.clone(),
        relation: e.relation,
        target: e.target.id.clone(),
        symmetric: e.relation.is_symmetric(),
        evidence: c.evidence,
        asserted: c.asserted,
        negated: c.negated,
        hedged: c.hedged,
        articles: c.articles,
        roles: roles_of(all.iter()),
        sentences: if with_evidence {
            all.iter().map(evidence_row).collect()
        } else {
            Vec::new()
        },
    }
}

/// The relations stored around `a`, or between `a` and `b`.
///
/// # Arguments
/// - `a`: the actor asked about; `b`: the other end, when given.
/// - `with_evidence`: also return each relation's sentences.
///
/// # Returns
/// One row per stored (source, relation, target), either direction, sorted by
/// (source, relation, target); an error when `a` or `b` is not in the graph.
///
/// # Complexity
/// O(d log d) for `a`'s d edges (plus their evidence when asked for).
///
/// # Example
/// ```
/// use diplograph::{graph::KnowledgeGraph, query, ActorId};
/// let g = KnowledgeGraph::new();
/// assert!(query::relations(&g, &ActorId::new("RUS").unwrap(), None, false).is_err());
/// ```
pub fn relations(
    graph: &KnowledgeGraph,
    a: &ActorId,
    b: Option<&ActorId>,
    with_evidence: bool,
) -> Result<Vec<RelationRow>, QueryError> {
    for id in std::iter::once(a).chain(b) {
        if graph.actor(id).is_none() {
            return Err(QueryError::UnknownActor(id.clone()));
        }
    }
    let edges = match b {
        Some(b) => graph.edges_between(a, b),
        None => graph.edges_of(a),
    };
    Ok(edges.into_iter().map(|e| row(e, with_evidence)).collect())
}

/// Counts for one relation in [`Stats`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RelationStats {
    /// Edges of this relation.
    pub edges: usize,
    /// Evidence records on them.
    pub evidence: usize,
    /// Records that deny the relation.
    pub negated: usize,
    /// Records that hedge it.
    pub hedged: usize,
}

/// What a store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Actors.
    pub actors: usize,
    /// Actors per kind (every kind listed).
    pub actors_by_kind: BTreeMap<&'static str, usize>,
    /// Edges.
    pub edges: usize,
    /// Per relation present in the store.
    pub relations: BTreeMap<&'static str, RelationStats>,
    /// Evidence records.
    pub evidence: usize,
    /// Distinct articles.
    pub articles: usize,
    /// Stored sentence texts.
    pub sentences: usize,
}

/// Counts of actors by kind, edges and evidence by relation, articles.
///
/// # Complexity
/// O(V + E), from edge summaries (see [`stats_of`]).
pub fn stats(graph: &KnowledgeGraph) -> Stats {
    stats_of(&graph.census())
}

/// [`stats`] from a graph's [`Census`], as a store keeps it: no graph is built.
///
/// # Complexity
/// O(K + R) for the K actor kinds and R relations.
pub fn stats_of(census: &Census) -> Stats {
    Stats {
        actors: census.actors,
        actors_by_kind: census
            .actors_by_kind
            .iter()
            .map(|(k, n)| (k.as_str(), *n))
            .collect(),
        edges: census.edges,
        relations: census
            .relations
            .iter()
            .map(|(r, c)| {
                let stats = RelationStats {
                    edges: c.edges,
                    evidence: c.evidence,
                    negated: c.negated,
                    hedged: c.hedged,
                };
                (r.as_str(), stats)
            })
            .collect(),
        evidence: census.evidence,
        articles: census.articles,
        sentences: census.sentences,
    }
}

/// Which evidence and edges a question looks at, and at which level.
///
/// The default keeps every relation, every date, edges with at least one record,
/// drops records that deny a relation (a denial is never an answer's fact) and
/// keeps persons and national bodies as themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only these relations (empty: all).
    pub relations: Vec<Relation>,
    /// Never these relations (`--relation '!leader_of'`).
    pub excluded: Vec<Relation>,
    /// Only `leader_of` records with one of these roles (empty: any; other
    /// relations are not affected).
    pub roles: Vec<Role>,
    /// Only evidence dated on or after this day (undated evidence is dropped).
    pub since: Option<Date>,
    /// Only evidence dated on or before this day (undated evidence is dropped).
    pub until: Option<Date>,
    /// Only edges with at least this many kept records (0 and 1 mean the same).
    pub min_evidence: usize,
    /// Keep records that deny the relation; rows then count them as `negated`.
    pub include_negated: bool,
    /// Drop hedged records too: only evidence stated as fact is kept.
    pub asserted_only: bool,
    /// Roll persons and national bodies up to the state they serve.
    pub by_state: bool,
}

impl Filter {
    fn keeps_relation(&self, r: Relation) -> bool {
        (self.relations.is_empty() || self.relations.contains(&r)) && !self.excluded.contains(&r)
    }

    fn keeps_record(&self, r: Relation, e: &EvidenceView<'_>) -> bool {
        if r == Relation::LeaderOf
            && !self.roles.is_empty()
            && !e.role.is_some_and(|role| self.roles.contains(&role))
        {
            return false;
        }
        self.keeps_evidence(e)
    }

    /// The records this filter keeps when it looks at their flags only (no
    /// dates, no roles, no roll-up that joins edges), so that an edge's
    /// summary answers for them; `None` when each record must be read.
    fn flags_only(&self) -> Option<Kept> {
        if self.since.is_some() || self.until.is_some() || !self.roles.is_empty() || self.by_state {
            return None;
        }
        Some(if self.asserted_only {
            Kept::Asserted
        } else if self.include_negated {
            Kept::All
        } else {
            Kept::NotNegated
        })
    }

    /// True when the filter looks at each record (dates, roles, roll-up), so
    /// that a question under it reads stored records even when it shows none.
    pub fn reads_records(&self) -> bool {
        self.flags_only().is_none()
    }

    fn keeps_evidence(&self, e: &EvidenceView<'_>) -> bool {
        if e.negated && !self.include_negated {
            return false;
        }
        if self.asserted_only && (e.hedged || e.negated) {
            return false;
        }
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(d) = e.date else { return false };
        self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u)
    }
}

/// Which way an edge runs, seen from an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Edges the actor is the source of (and symmetric ones).
    Out,
    /// Edges the actor is the target of (and symmetric ones).
    In,
    /// Either.
    #[default]
    Both,
}

type Key = (ActorId, Relation, ActorId);

/// The evidence of one (possibly rolled-up) edge that passed the filter.
struct Acc<'g> {
    evidence: Vec<EvidenceView<'g>>,
    counts: crate::graph::EdgeCounts,
    articles: crate::hash::FxSet<&'g ArticleId>,
    roles: Vec<Role>,
    /// The one edge an entry counted from a summary stands for.
    counted_from: Option<EdgeView<'g>>,
}

impl<'g> Acc<'g> {
    /// An entry counted from an edge's summary, without records.
    fn counted(counts: crate::graph::EdgeCounts, roles: Vec<Role>, edge: EdgeView<'g>) -> Self {
        Acc {
            evidence: Vec::new(),
            counts,
            articles: Default::default(),
            roles,
            counted_from: Some(edge),
        }
    }
}

/// Above this many actors, [`Lens::edges_among`] passes over every edge
/// rather than over each actor's.
const FEW_ACTORS: usize = 16;

/// A filtered, possibly rolled-up view of a graph.
struct Lens<'g> {
    graph: &'g KnowledgeGraph,
    filter: &'g Filter,
    /// State id → the actors that roll up to it (only with `by_state`).
    members: HashMap<&'g ActorId, Vec<&'g ActorId>>,
}

impl<'g> Lens<'g> {
    fn new(graph: &'g KnowledgeGraph, filter: &'g Filter) -> Self {
        let mut members: HashMap<&ActorId, Vec<&ActorId>> = HashMap::new();
        if filter.by_state {
            for a in graph.actors() {
                members.entry(a.state()).or_default().push(&a.id);
            }
        }
        Lens {
            graph,
            filter,
            members,
        }
    }

    /// The id an actor counts as.
    fn key_of(&self, a: &'g crate::model::Actor) -> &'g ActorId {
        if self.filter.by_state {
            a.state()
        } else {
            &a.id
        }
    }

    /// Checks that `id` is an actor (or, rolled up, a state some actor serves).
    fn check(&self, id: &ActorId) -> Result<(), QueryError> {
        let known = self.graph.actor(id).is_some()
            || (self.filter.by_state && self.members.contains_key(id));
        if known {
            Ok(())
        } else {
            Err(QueryError::UnknownActor(id.clone()))
        }
    }

    /// The id `id` counts as at the lens's level: its state with `by_state`
    /// (so `relations person:kim-jong-un --by-state` asks about PRK).
    fn level(&self, id: &ActorId) -> ActorId {
        match self.graph.actor(id) {
            Some(a) if self.filter.by_state => a.state().clone(),
            _ => id.clone(),
        }
    }

    /// The stored actors that count as `id`.
    fn members_of<'a>(&'a self, id: &'a ActorId) -> Vec<&'a ActorId> {
        match self.members.get(id) {
            Some(m) if self.filter.by_state => m.clone(),
            _ => vec![id],
        }
    }

    /// Stored edges touching any actor that counts as `id`.
    fn edges_around(&self, id: &ActorId) -> Vec<EdgeView<'g>> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for m in self.members_of(id) {
            for e in self.graph.edges_of(m) {
                if seen.insert((&e.source.id, e.relation, &e.target.id)) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// Stored edges between any actor that counts as `a` and any that counts as `b`.
    fn edges_linking(&self, a: &ActorId, b: &ActorId) -> Vec<EdgeView<'g>> {
        let bs = self.members_of(b);
        let mut out = Vec::new();
        for m in self.members_of(a) {
            for n in &bs {
                out.extend(self.graph.edges_between(m, n));
            }
        }
        out
    }

    /// Stored edges both of whose ends count as actors of `reached` (ids at
    /// the lens's level): the edges around each when they are few, else one
    /// pass over the graph's edges.
    fn edges_among(&self, reached: &std::collections::HashSet<ActorId>) -> Vec<EdgeView<'g>> {
        let inside = |e: &EdgeView<'g>| {
            reached.contains(self.key_of(e.source)) && reached.contains(self.key_of(e.target))
        };
        if reached.len() > FEW_ACTORS {
            return self.graph.edges_unsorted().filter(inside).collect();
        }
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for x in reached {
            for e in self.edges_around(x) {
                if inside(&e) && seen.insert((&e.source.id, e.relation, &e.target.id)) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// Filters and rolls up edges: one entry per (source, relation, target) at
    /// the lens's level, with the evidence kept (symmetric keys sorted, self-loops
    /// made by the roll-up dropped, edges under `min_evidence` dropped).
    fn roll(
        &self,
        edges: impl IntoIterator<Item = EdgeView<'g>>,
        keep_evidence: bool,
    ) -> BTreeMap<Key, Acc<'g>> {
        if let Some(kept) = self.filter.flags_only().filter(|_| !keep_evidence) {
            return self.roll_summaries(edges, kept);
        }
        let mut out: BTreeMap<Key, Acc<'g>> = BTreeMap::new();
        let min = self.filter.min_evidence.max(1);
        let flags = self.filter.flags_only();
        // Under a filter of flags, an edge's summary says how many of its
        // records pass: an edge short of `min` has its records never read.
        let mut edges: Vec<EdgeView<'g>> = edges
            .into_iter()
            .filter(|e| self.filter.keeps_relation(e.relation))
            .filter(|e| flags.is_none_or(|kept| e.summary().kept(kept).0.evidence >= min))
            .collect();
        // Stored records are read block by block; in the file's order (by
        // ids), each block is read once.
        edges.sort_by(|a, b| {
            (&a.source.id, a.relation, &a.target.id).cmp(&(&b.source.id, b.relation, &b.target.id))
        });
        for e in edges {
            if !self.filter.keeps_relation(e.relation) {
                continue;
            }
            let (mut s, mut t) = (self.key_of(e.source), self.key_of(e.target));
            if s == t && self.filter.by_state {
                continue;
            }
            if e.relation.is_symmetric() && t < s {
                std::mem::swap(&mut s, &mut t);
            }
            let relation = e.relation;
            let mut kept = e
                .evidence_unsorted()
                .filter(|v| self.filter.keeps_record(relation, v))
                .peekable();
            if kept.peek().is_none() {
                continue;
            }
            let a = out
                .entry((s.clone(), e.relation, t.clone()))
                .or_insert_with(|| Acc {
                    evidence: Vec::new(),
                    counts: Default::default(),
                    articles: Default::default(),
                    roles: Vec::new(),
                    counted_from: None,
                });
            for v in kept {
                a.counts.evidence += 1;
                if v.negated {
                    a.counts.negated += 1;
                } else if v.hedged {
                    a.counts.hedged += 1;
                } else {
                    a.counts.asserted += 1;
                }
                a.articles.insert(v.article);
                if let Some(r) = v.role
                    && !a.roles.contains(&r)
                {
                    a.roles.push(r);
                }
                if keep_evidence {
                    a.evidence.push(v);
                }
            }
        }
        out.retain(|_, a| {
            a.counts.articles = a.articles.len();
            a.counts.evidence >= min
        });
        out
    }

    /// [`Lens::roll`] without records, for a filter that looks at flags only:
    /// each edge's summary gives its counts (no stored record is read; no
    /// roll-up joins edges, so each edge is its own entry).
    fn roll_summaries(
        &self,
        edges: impl IntoIterator<Item = EdgeView<'g>>,
        kept: Kept,
    ) -> BTreeMap<Key, Acc<'g>> {
        self.summaries(edges, kept).collect()
    }

    /// The entries [`Lens::roll_summaries`] makes of `edges`, one per edge
    /// (a filter of flags rolls nothing up), in the order given: for a caller
    /// that needs them neither sorted nor all at once.
    fn summaries<'a>(
        &'a self,
        edges: impl IntoIterator<Item = EdgeView<'g>> + 'a,
        kept: Kept,
    ) -> impl Iterator<Item = (Key, Acc<'g>)> + 'a {
        let min = self.filter.min_evidence.max(1);
        edges
            .into_iter()
            .filter(|e| self.filter.keeps_relation(e.relation))
            .filter_map(move |e| {
                let (counts, roles) = e.summary().kept(kept);
                let key = (e.source.id.clone(), e.relation, e.target.id.clone());
                (counts.evidence >= min).then(|| (key, Acc::counted(counts, roles, e)))
            })
    }
}

fn evidence_row(v: &EvidenceView<'_>) -> EvidenceRow {
    EvidenceRow {
        article: v.article.clone(),
        date: v.date,
        sentence: v.sentence,
        span: [v.span.start, v.span.end],
        text: v.text.to_owned(),
        negated: v.negated,
        hedged: v.hedged,
        attributed_to: v.attributed_to.to_vec(),
        role: v.role,
    }
}

fn acc_row(key: Key, mut acc: Acc<'_>, with_evidence: bool) -> RelationRow {
    let (source, relation, target) = key;
    acc.evidence
        .sort_by(|a, b| (a.article, a.span).cmp(&(b.article, b.span)));
    acc.roles.sort();
    RelationRow {
        source,
        relation,
        target,
        symmetric: relation.is_symmetric(),
        evidence: acc.counts.evidence,
        asserted: acc.counts.asserted,
        negated: acc.counts.negated,
        hedged: acc.counts.hedged,
        articles: acc.counts.articles,
        roles: acc.roles,
        sentences: if with_evidence {
            acc.evidence.iter().map(evidence_row).collect()
        } else {
            Vec::new()
        },
    }
}

/// True when the row touches `a` on the asked side (symmetric rows on either).
fn on_side(row: &Key, a: &ActorId, side: Side) -> bool {
    let (s, r, t) = row;
    let out = s == a || (r.is_symmetric() && t == a);
    let inc = t == a || (r.is_symmetric() && s == a);
    match side {
        Side::Out => out,
        Side::In => inc,
        Side::Both => s == a || t == a,
    }
}

/// [`relations`] with a [`Filter`] and a direction.
///
/// # Arguments
/// - `a`, `b`: the actor asked about and, when given, the other end.
/// - `side`: with `Out`, only edges `a` is the source of (symmetric ones too);
///   with `In`, only edges it is the target of.
/// - `filter`: relations, dates, minimum evidence, denials, roll-up.
/// - `with_evidence`: also return the kept sentences.
///
/// # Returns
/// Rows sorted by (source, relation, target) at the filter's level; an error
/// when `a` or `b` is unknown.
///
/// # Complexity
/// O(d + r log d) for the d edges and r kept records around `a`, or only
/// between `a` and `b` when `b` is given (with `by_state`, of every actor that
/// rolls up to them), plus O(V) for the roll-up.
///
/// # Example
/// ```
/// use diplograph::{graph::KnowledgeGraph, query, ActorId};
/// let g = KnowledgeGraph::new();
/// let rus = ActorId::new("RUS").unwrap();
/// let f = query::Filter::default();
/// assert!(query::relations_filtered(&g, &rus, None, query::Side::Both, &f, false).is_err());
/// ```
pub fn relations_filtered(
    graph: &KnowledgeGraph,
    a: &ActorId,
    b: Option<&ActorId>,
    side: Side,
    filter: &Filter,
    with_evidence: bool,
) -> Result<Vec<RelationRow>, QueryError> {
    let lens = Lens::new(graph, filter);
    for id in std::iter::once(a).chain(b) {
        lens.check(id)?;
    }
    let (a, b) = (&lens.level(a), b.map(|b| lens.level(b)));
    let b = b.as_ref();
    let around = match b {
        // Only the edges between the two: a hub's other edges are never read.
        Some(b) => lens.edges_linking(a, b),
        None => lens.edges_around(a),
    };
    let rolled = lens.roll(around, with_evidence);
    Ok(rolled
        .into_iter()
        .filter(|(k, _)| on_side(k, a, side))
        .filter(|(k, _)| b.is_none_or(|b| k.0 == *b || k.2 == *b))
        .map(|(k, acc)| acc_row(k, acc, with_evidence))
        .collect())
}

/// Who does `relation`, to whom: "who sanctions Russia?" is
/// `who(g, Sanctions, None, Some(RUS), ..)`.
///
/// # Arguments
/// - `source`, `target`: fix one end (or both, or neither). For a symmetric
///   relation the fixed actor may sit at either end; the row is turned so that
///   it sits where it was asked.
///
/// # Returns
/// Rows of `relation` sorted by evidence (most first), then by ids.
///
/// # Complexity
/// O(d + r) around the fixed actor, O(E + R) over the whole graph when neither
/// end is fixed.
pub fn who(
    graph: &KnowledgeGraph,
    relation: Relation,
    source: Option<&ActorId>,
    target: Option<&ActorId>,
    filter: &Filter,
    with_evidence: bool,
) -> Result<Vec<RelationRow>, QueryError> {
    let filter = Filter {
        relations: vec![relation],
        ..filter.clone()
    };
    let lens = Lens::new(graph, &filter);
    for id in source.iter().chain(target.iter()) {
        lens.check(id)?;
    }
    let (source, target) = (source.map(|s| lens.level(s)), target.map(|t| lens.level(t)));
    let (source, target) = (source.as_ref(), target.as_ref());
    let edges = match (source, target) {
        (Some(s), Some(t)) => lens.edges_linking(s, t),
        (Some(a), None) | (None, Some(a)) => lens.edges_around(a),
        (None, None) => graph.edges().filter(|e| e.relation == relation).collect(),
    };
    let mut rows: Vec<RelationRow> = lens
        .roll(edges, with_evidence)
        .into_iter()
        .filter_map(|(k, acc)| {
            let fits =
                |k: &Key| source.is_none_or(|s| k.0 == *s) && target.is_none_or(|t| k.2 == *t);
            let k = if fits(&k) {
                k
            } else if relation.is_symmetric() && fits(&(k.2.clone(), k.1, k.0.clone())) {
                (k.2, k.1, k.0)
            } else {
                return None;
            };
            Some(acc_row(k, acc, with_evidence))
        })
        .collect();
    rows.sort_by(|a, b| {
        b.evidence
            .cmp(&a.evidence)
            .then_with(|| (&a.source, &a.target).cmp(&(&b.source, &b.target)))
    });
    Ok(rows)
}

/// Which way one relation of a [`Hop`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HopDirection {
    /// From the hop's `from` to its `to`.
    Forward,
    /// From `to` back to `from`.
    Backward,
    /// A symmetric relation.
    Symmetric,
}

impl HopDirection {
    /// An arrow for tables: `-->`, `<--`, `<->`.
    pub fn arrow(self) -> &'static str {
        match self {
            HopDirection::Forward => "-->",
            HopDirection::Backward => "<--",
            HopDirection::Symmetric => "<->",
        }
    }
}

/// One relation linking the two actors of a hop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HopRelation {
    /// The relation.
    pub relation: Relation,
    /// Which way it runs.
    pub direction: HopDirection,
    /// Kept evidence records.
    pub evidence: usize,
}

/// One step of a [`Chain`]: every relation between two consecutive actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    /// Where the step starts.
    pub from: ActorId,
    /// Where it ends.
    pub to: ActorId,
    /// The relations linking them (at least one), sorted.
    pub relations: Vec<HopRelation>,
}

/// A shortest chain of relations between two actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chain {
    /// The actors along the chain, from the first to the last.
    pub actors: Vec<ActorId>,
    /// One hop per consecutive pair.
    pub hops: Vec<Hop>,
}

/// The most chains [`path`] returns.
pub const MAX_CHAINS: usize = 20;

/// The shortest chains of relations between `a` and `b`, over the undirected
/// view of the filtered graph (each hop says which way its relations run).
///
/// # Arguments
/// - `max_len`: the most hops a chain may have.
/// - `filter`: which edges may be walked.
///
/// # Returns
/// Every shortest chain (at most [`MAX_CHAINS`], in id order); empty when none
/// has `max_len` hops or fewer; an error when `a` or `b` is unknown.
///
/// # Complexity
/// Breadth-first: O(V + E + R) in the worst case for the V actors, E edges and
/// R evidence records within `max_len` hops of `a`; it stops at the level that
/// reaches `b`.
///
/// # Example
/// ```
/// use diplograph::{graph::KnowledgeGraph, query, ActorId};
/// let g = KnowledgeGraph::new();
/// let rus = ActorId::new("RUS").unwrap();
/// assert!(query::path(&g, &rus, &rus, 3, &query::Filter::default()).is_err());
/// ```
pub fn path(
    graph: &KnowledgeGraph,
    a: &ActorId,
    b: &ActorId,
    max_len: usize,
    filter: &Filter,
) -> Result<Vec<Chain>, QueryError> {
    let lens = Lens::new(graph, filter);
    lens.check(a)?;
    lens.check(b)?;
    let (a, b) = (&lens.level(a), &lens.level(b));
    if a == b {
        return Ok(vec![Chain {
            actors: vec![a.clone()],
            hops: Vec::new(),
        }]);
    }
    // Each reached actor's parents on shortest chains, and the relations of
    // every (parent, child) link seen.
    let mut parents: HashMap<ActorId, Vec<ActorId>> = HashMap::new();
    let mut links: HashMap<(ActorId, ActorId), Vec<HopRelation>> = HashMap::new();
    let mut depth: HashMap<ActorId, usize> = HashMap::from([(a.clone(), 0)]);
    let mut frontier = vec![a.clone()];
    let mut found = false;
    for level in 1..=max_len {
        let mut next: Vec<ActorId> = Vec::new();
        for x in &frontier {
            for ((s, r, t), acc) in lens.roll(lens.edges_around(x), false) {
                let (other, direction) = if s == *x {
                    let d = if r.is_symmetric() {
                        HopDirection::Symmetric
                    } else {
                        HopDirection::Forward
                    };
                    (t, d)
                } else if t == *x {
                    let d = if r.is_symmetric() {
                        HopDirection::Symmetric
                    } else {
                        HopDirection::Backward
                    };
                    (s, d)
                } else {
                    continue;
                };
                match depth.get(&other) {
                    Some(&d) if d < level => continue,
                    Some(_) => {}
                    None => {
                        depth.insert(other.clone(), level);
                        next.push(other.clone());
                    }
                }
                let ps = parents.entry(other.clone()).or_default();
                if !ps.contains(x) {
                    ps.push(x.clone());
                }
                links
                    .entry((x.clone(), other))
                    .or_default()
                    .push(HopRelation {
                        relation: r,
                        direction,
                        evidence: acc.counts.evidence,
                    });
            }
        }
        if depth.contains_key(b) {
            found = true;
            break;
        }
        next.sort();
        frontier = next;
        if frontier.is_empty() {
            break;
        }
    }
    if !found {
        return Ok(Vec::new());
    }
    // Walk back from b through the parents, in id order, up to MAX_CHAINS.
    let mut chains = Vec::new();
    let mut stack = vec![vec![b.clone()]];
    while let Some(partial) = stack.pop() {
        if chains.len() == MAX_CHAINS {
            break;
        }
        let head = partial.last().expect("partial chains are never empty");
        if head == a {
            let actors: Vec<ActorId> = partial.into_iter().rev().collect();
            let hops = actors
                .windows(2)
                .map(|w| {
                    let mut relations = links
                        .get(&(w[0].clone(), w[1].clone()))
                        .cloned()
                        .unwrap_or_default();
                    relations.sort_by_key(|x| x.relation);
                    Hop {
                        from: w[0].clone(),
                        to: w[1].clone(),
                        relations,
                    }
                })
                .collect();
            chains.push(Chain { actors, hops });
            continue;
        }
        let mut ps = parents.get(head).cloned().unwrap_or_default();
        ps.sort();
        for p in ps.into_iter().rev() {
            let mut longer = partial.clone();
            longer.push(p);
            stack.push(longer);
        }
    }
    Ok(chains)
}

/// How [`top_actors`] ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TopBy {
    /// Number of edges.
    #[default]
    Degree,
    /// Number of evidence records on those edges.
    Evidence,
}

/// One actor of [`top_actors`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopRow {
    /// The actor (a state with `by_state`).
    pub actor: ActorId,
    /// Its kind.
    pub kind: ActorKind,
    /// Its display name (empty when unknown).
    pub name: String,
    /// Edges it is an end of.
    pub degree: usize,
    /// Evidence records on those edges.
    pub evidence: usize,
}

/// The `n` most connected actors, by degree or by evidence (ties by the other
/// count, then by id).
///
/// # Complexity
/// O(E + R + V log V).
pub fn top_actors(graph: &KnowledgeGraph, n: usize, by: TopBy, filter: &Filter) -> Vec<TopRow> {
    let lens = Lens::new(graph, filter);
    let mut score: HashMap<ActorId, (usize, usize)> = HashMap::new();
    for ((s, _, t), acc) in lens.roll(graph.edges_unsorted(), false) {
        for id in [s, t] {
            let e = score.entry(id).or_default();
            e.0 += 1;
            e.1 += acc.counts.evidence;
        }
    }
    let rows: Vec<TopRow> = score
        .into_iter()
        .map(|(id, (degree, evidence))| {
            let actor = graph
                .actor(&id)
                .cloned()
                .unwrap_or_else(|| crate::model::Actor::from_id(id.clone()));
            TopRow {
                actor: id,
                kind: actor.kind,
                name: actor.name,
                degree,
                evidence,
            }
        })
        .collect();
    ranked(rows, n, by)
}

/// True when `filter` is the one `top` ranks by when given no filter flags:
/// every relation but `leader_of`, denials left out, as a [`Census`] counts.
pub fn is_census_filter(filter: &Filter) -> bool {
    let Filter {
        relations,
        excluded,
        roles,
        since,
        until,
        min_evidence,
        include_negated,
        asserted_only,
        by_state,
    } = filter;
    relations.is_empty()
        && *excluded == [Relation::LeaderOf]
        && roles.is_empty()
        && since.is_none()
        && until.is_none()
        && *min_evidence <= 1
        && !include_negated
        && !asserted_only
        && !by_state
}

/// [`top_actors`] under the filter [`is_census_filter`] accepts, from a
/// graph's [`Census`], as a store keeps it: no graph is built.
///
/// # Complexity
/// O(V log V) for the V actors with an edge.
pub fn top_of(census: &Census, n: usize, by: TopBy) -> Vec<TopRow> {
    let rows = census
        .degrees
        .iter()
        .map(|d| TopRow {
            actor: d.actor.id.clone(),
            kind: d.actor.kind,
            name: d.actor.name.clone(),
            degree: d.degree,
            evidence: d.evidence,
        })
        .collect();
    ranked(rows, n, by)
}

/// The first `n` rows by `by` (ties by the other count, then by id).
fn ranked(mut rows: Vec<TopRow>, n: usize, by: TopBy) -> Vec<TopRow> {
    rows.sort_by(|a, b| {
        let (ka, kb) = match by {
            TopBy::Degree => ((a.degree, a.evidence), (b.degree, b.evidence)),
            TopBy::Evidence => ((a.evidence, a.degree), (b.evidence, b.degree)),
        };
        kb.cmp(&ka).then_with(|| a.actor.cmp(&b.actor))
    });
    rows.truncate(n);
    rows
}

/// One dated evidence record of a [`timeline`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineRow {
    /// When it happened.
    pub date: Date,
    /// Who acts.
    pub source: ActorId,
    /// The relation.
    pub relation: Relation,
    /// Who is acted on.
    pub target: ActorId,
    /// The evidence.
    #[serde(flatten)]
    pub evidence: EvidenceRow,
}

/// The dated evidence around `a` (or between `a` and `b`), oldest first
/// (ties by article, then span). Undated evidence is left out.
///
/// # Arguments
/// - `members`: also the persons and national bodies that serve `a` (and `b`)
///   when it is a state, shown as themselves: `timeline PRK RUS` then has Kim
///   Jong Un's visit to Russia and the treaty between PRK and Putin. Links
///   inside one state (Kim `leader_of` PRK) are left out. Ignored with
///   `by_state`, which rolls every end up anyway.
///
/// # Complexity
/// O(d + r log r) for the d edges and r kept records around `a` (and its members).
pub fn timeline(
    graph: &KnowledgeGraph,
    a: &ActorId,
    b: Option<&ActorId>,
    side: Side,
    filter: &Filter,
    members: bool,
) -> Result<Vec<TimelineRow>, QueryError> {
    Ok(timeline_in_order(graph, a, b, side, filter, members)?.into_rows())
}

/// The [`timeline`] as its relation rows and the order of their dated
/// evidence, read by reference ([`Timeline::entries`]): a table of 27,590
/// rows spent a tenth of its instructions cloning both ends into each row
/// and moving the rows into order. Same arguments, same order.
pub fn timeline_in_order(
    graph: &KnowledgeGraph,
    a: &ActorId,
    b: Option<&ActorId>,
    side: Side,
    filter: &Filter,
    members: bool,
) -> Result<Timeline, QueryError> {
    let rows = if members && !filter.by_state {
        with_members(graph, a, b, side, filter)?
    } else {
        relations_filtered(graph, a, b, side, filter, true)?
    };
    // By date, then article, then span; ties in the order of the rows and
    // their sentences, as a stable sort would leave them.
    let mut keys: Vec<(Date, &ArticleId, [u32; 2], At)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        for (j, e) in r.sentences.iter().enumerate() {
            if let Some(date) = e.date {
                keys.push((date, &e.article, e.span, (pos(i), pos(j))));
            }
        }
    }
    keys.sort_unstable();
    let order = keys.into_iter().map(|k| k.3).collect();
    Ok(Timeline { rows, order })
}

fn pos(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 4 billion rows")
}

/// Where a sentence is among a [`Timeline`]'s relation rows: (row, sentence).
type At = (u32, u32);

/// A [`timeline`] before its rows are made: the relation rows it reads and,
/// oldest first, the position of each dated sentence among them.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    rows: Vec<RelationRow>,
    /// Each entry's sentence, in timeline order.
    order: Vec<At>,
}

/// One entry of a [`Timeline`], borrowed from its relation row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimelineEntry<'a> {
    /// When it happened.
    pub date: Date,
    /// Who acts.
    pub source: &'a ActorId,
    /// The relation.
    pub relation: Relation,
    /// Who is acted on.
    pub target: &'a ActorId,
    /// The evidence.
    #[serde(flatten)]
    pub evidence: &'a EvidenceRow,
}

impl Timeline {
    /// The entries, oldest first.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = TimelineEntry<'_>> {
        self.order.iter().map(|&(i, j)| {
            let r = &self.rows[i as usize];
            let evidence = &r.sentences[j as usize];
            TimelineEntry {
                date: evidence
                    .date
                    .expect("only dated sentences are in the order"),
                source: &r.source,
                relation: r.relation,
                target: &r.target,
                evidence,
            }
        })
    }

    /// The entries as owned rows, oldest first, each sentence moved once.
    pub fn into_rows(self) -> Vec<TimelineRow> {
        let mut slots: Vec<Vec<Option<EvidenceRow>>> = Vec::with_capacity(self.rows.len());
        let mut ends = Vec::with_capacity(self.rows.len());
        for r in self.rows {
            slots.push(r.sentences.into_iter().map(Some).collect());
            ends.push((r.source, r.relation, r.target));
        }
        self.order
            .into_iter()
            .map(|(i, j)| {
                let (source, relation, target) = &ends[i as usize];
                let evidence = slots[i as usize][j as usize]
                    .take()
                    .expect("each sentence is in the order once");
                TimelineRow {
                    date: evidence
                        .date
                        .expect("only dated sentences are in the order"),
                    source: source.clone(),
                    relation: *relation,
                    target: target.clone(),
                    evidence,
                }
            })
            .collect()
    }
}

/// Relation rows (with evidence) around `a` and the actors that serve it, or
/// between those and `b` and the actors that serve `b`, each end as itself.
fn with_members(
    graph: &KnowledgeGraph,
    a: &ActorId,
    b: Option<&ActorId>,
    side: Side,
    filter: &Filter,
) -> Result<Vec<RelationRow>, QueryError> {
    let group = |x: &ActorId| -> Result<Vec<&ActorId>, QueryError> {
        let mut ids: Vec<&ActorId> = graph
            .actors()
            .filter(|m| m.id == *x || m.country.as_ref() == Some(x))
            .map(|m| &m.id)
            .collect();
        if ids.is_empty() {
            return Err(QueryError::UnknownActor(x.clone()));
        }
        ids.sort();
        Ok(ids)
    };
    let ours = group(a)?;
    let theirs = b.map(group).transpose()?;
    let mut seen = std::collections::HashSet::new();
    let mut edges = Vec::new();
    for m in &ours {
        let around = match &theirs {
            Some(ns) => ns.iter().flat_map(|n| graph.edges_between(m, n)).collect(),
            None => graph.edges_of(m),
        };
        for e in around {
            if seen.insert((&e.source.id, e.relation, &e.target.id)) {
                edges.push(e);
            }
        }
    }
    let lens = Lens::new(graph, filter);
    let inside = |id: &ActorId| ours.contains(&id);
    Ok(lens
        .roll(edges, true)
        .into_iter()
        .filter(|(k, _)| !(inside(&k.0) && inside(&k.2)))
        .filter(|(k, _)| {
            let (out, inc) = (inside(&k.0), inside(&k.2));
            match side {
                Side::Both => true,
                Side::Out => out || k.1.is_symmetric(),
                Side::In => inc || k.1.is_symmetric(),
            }
        })
        .map(|(k, acc)| acc_row(k, acc, true))
        .collect())
}

/// What [`subgraph`] keeps: the filter, and optionally a focus actor with the
/// actors within `depth` hops of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Relations, dates, evidence, denials, roll-up.
    pub filter: Filter,
    /// Keep only actors within `depth` hops of this one (and edges among them).
    pub focus: Option<ActorId>,
    /// Hops from the focus (0: the focus alone).
    pub depth: usize,
}

/// A new graph holding what `selection` keeps of `graph`: the filtered (and
/// possibly rolled-up) edges with their kept evidence, and their actors. The
/// exporters draw it as they draw any store.
///
/// # Complexity
/// O(V + E + R) for the kept part, plus the BFS around the focus.
pub fn subgraph(
    graph: &KnowledgeGraph,
    selection: &Selection,
) -> Result<KnowledgeGraph, QueryError> {
    let lens = Lens::new(graph, &selection.filter);
    let rolled = match select(&lens, selection, true)? {
        Selected::Focus(focus) => {
            let mut only = KnowledgeGraph::new();
            only.upsert_actor(actor_for(graph, &focus));
            return Ok(only);
        }
        Selected::Edges(rolled) => rolled,
    };
    let mut out = KnowledgeGraph::new();
    for ((s, relation, t), acc) in rolled {
        let (source, target) = (actor_for(graph, &s), actor_for(graph, &t));
        for v in acc.evidence {
            let role = v.role;
            out.insert_record(
                &crate::model::Claim {
                    source: source.clone(),
                    relation,
                    target: target.clone(),
                    negated: v.negated,
                    hedged: v.hedged,
                    attributed_to: v.attributed_to.to_vec(),
                    evidence: v.to_evidence(),
                },
                role,
            );
        }
    }
    let kept: Vec<ArticleId> = out.article_rows().iter().map(|a| a.id.clone()).collect();
    for a in kept.iter().filter_map(|id| graph.article_row(id)) {
        out.set_article_info(a.id, a.date, a.lang, a.version);
    }
    Ok(out)
}

/// [`subgraph`] without its records, when the filter looks at flags only
/// (`None` otherwise): the same actors and edges, each edge with the counts
/// of the records [`subgraph`] would keep, read from the edges' summaries.
/// Its `edge_count` and [`EdgeView::counts`] are [`subgraph`]'s, so DOT draws
/// it alike and an ego network's size is known before any record is read;
/// its records, dates and roles cannot be read.
///
/// # Complexity
/// O(V + E) for the kept part, no record read.
pub fn subgraph_counted(
    graph: &KnowledgeGraph,
    selection: &Selection,
) -> Result<Option<KnowledgeGraph>, QueryError> {
    counted_graph(graph, selection, false)
}

/// [`subgraph_counted`] with each edge's first and last date as well, so
/// that `export json` (without evidence) writes it as it writes
/// [`subgraph`]: the explorer's ego network. An edge whose every record the
/// filter keeps takes the dates of its summary; only the others have their
/// records read, for the dates of those kept.
///
/// # Complexity
/// O(V + E) for the kept part, plus the records of the edges the filter
/// keeps only some of.
pub fn subgraph_dated(
    graph: &KnowledgeGraph,
    selection: &Selection,
) -> Result<Option<KnowledgeGraph>, QueryError> {
    counted_graph(graph, selection, true)
}

/// The first and last date of the records of `acc`'s edge that `filter` keeps.
fn kept_dates(filter: &Filter, acc: &Acc<'_>) -> Option<(Date, Date)> {
    let e = acc.counted_from?;
    let all = e.summary();
    if acc.counts.evidence == all.evidence() {
        return all.dates;
    }
    e.evidence_unsorted()
        .filter(|v| filter.keeps_record(e.relation, v))
        .filter_map(|v| v.date)
        .fold(None, |span, d| match span {
            None => Some((d, d)),
            Some((lo, hi)) => Some((d.min(lo), d.max(hi))),
        })
}

fn counted_graph(
    graph: &KnowledgeGraph,
    selection: &Selection,
    dated: bool,
) -> Result<Option<KnowledgeGraph>, QueryError> {
    // Dates come from summaries only where each entry is one stored edge
    // (no roll-up), as under a filter of flags.
    let kept = selection.filter.flags_only();
    if selection.filter.reads_records() || (dated && kept.is_none()) {
        return Ok(None);
    }
    let lens = Lens::new(graph, &selection.filter);
    let mut out = Counted {
        graph,
        b: crate::graph::GraphBuilder::new(),
        at: Default::default(),
        dated: dated.then_some(&selection.filter),
    };
    let Some(kept) = kept else {
        match select(&lens, selection, false)? {
            Selected::Focus(focus) => {
                out.position(&focus);
            }
            Selected::Edges(rolled) => rolled.into_iter().for_each(|(k, acc)| out.edge(k, &acc)),
        }
        return Ok(Some(out.b.finish()));
    };
    // One entry per edge: built as they come, never all held at once (a
    // focus on a dense store keeps most of its edges).
    let (focus, edges) = candidates(&lens, selection)?;
    let mut entries = lens.summaries(edges, kept).peekable();
    match (entries.peek(), focus) {
        (None, Some(focus)) => {
            out.position(&focus);
        }
        _ => entries.for_each(|(k, acc)| out.edge(k, &acc)),
    }
    Ok(Some(out.b.finish()))
}

/// A graph of counted edges being built (see [`subgraph_counted`]).
struct Counted<'g, 'f> {
    graph: &'g KnowledgeGraph,
    b: crate::graph::GraphBuilder,
    at: crate::hash::FxMap<ActorId, u32>,
    /// The filter whose kept records date each edge, when dates are asked for.
    dated: Option<&'f Filter>,
}

impl Counted<'_, '_> {
    fn position(&mut self, id: &ActorId) -> u32 {
        let (graph, b) = (self.graph, &mut self.b);
        *self
            .at
            .entry(id.clone())
            .or_insert_with(|| b.actor(actor_for(graph, id)))
    }

    fn edge(&mut self, (s, relation, t): Key, acc: &Acc<'_>) {
        let (source, target) = (self.position(&s), self.position(&t));
        let mut summary = crate::graph::EdgeSummary::counted(acc.counts, &acc.roles);
        if let Some(filter) = self.dated {
            summary.dates = kept_dates(filter, acc);
        }
        self.b
            .stored_edge(source, relation, target, summary)
            .expect("entries are distinct and their actors are added");
    }
}

/// What a [`Selection`] keeps, before a graph is built of it.
enum Selected<'g> {
    /// No edge: the focus alone.
    Focus(ActorId),
    /// The rolled-up edges (with their records when asked).
    Edges(BTreeMap<Key, Acc<'g>>),
}

/// The edges `selection` keeps, with their records when `keep_evidence`.
fn select<'g>(
    lens: &Lens<'g>,
    selection: &Selection,
    keep_evidence: bool,
) -> Result<Selected<'g>, QueryError> {
    let (focus, edges) = candidates(lens, selection)?;
    let rolled = lens.roll(edges, keep_evidence);
    match focus {
        Some(focus) if rolled.is_empty() => Ok(Selected::Focus(focus)),
        _ => Ok(Selected::Edges(rolled)),
    }
}

/// The edges a selection looks at before its filter: every edge, or those
/// with both ends within its depth of its focus (at the lens's level, and
/// returned).
fn candidates<'g>(
    lens: &Lens<'g>,
    selection: &Selection,
) -> Result<(Option<ActorId>, Vec<EdgeView<'g>>), QueryError> {
    let Some(focus) = &selection.focus else {
        return Ok((None, lens.graph.edges().collect()));
    };
    let (focus, reached) = reach(lens, focus, selection.depth)?;
    // Only edges with both ends reached can stay.
    Ok((Some(focus), lens.edges_among(&reached)))
}

/// The focus at the lens's level and the actors within `depth` hops of it,
/// by edges the filter keeps.
fn reach(
    lens: &Lens<'_>,
    focus: &ActorId,
    depth: usize,
) -> Result<(ActorId, std::collections::HashSet<ActorId>), QueryError> {
    lens.check(focus)?;
    let focus = lens.level(focus);
    let mut reached = std::collections::HashSet::from([focus.clone()]);
    let mut frontier = vec![focus.clone()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for x in &frontier {
            for (k, _) in lens.roll(lens.edges_around(x), false) {
                for end in [&k.0, &k.2] {
                    if reached.insert(end.clone()) {
                        next.push(end.clone());
                    }
                }
            }
        }
        frontier = next;
    }
    Ok((focus, reached))
}

/// The number of edges [`subgraph`] keeps, when the filter looks at flags
/// only (`None` otherwise), from the edges' summaries: an ego network's size
/// before any record is read.
///
/// # Complexity
/// O(E) over the graph's edges, plus the BFS around the focus.
pub fn subgraph_size(
    graph: &KnowledgeGraph,
    selection: &Selection,
) -> Result<Option<usize>, QueryError> {
    let Some(kept) = selection.filter.flags_only() else {
        return Ok(None);
    };
    let lens = Lens::new(graph, &selection.filter);
    let reached = match &selection.focus {
        Some(focus) => Some(reach(&lens, focus, selection.depth)?.1),
        None => None,
    };
    let min = selection.filter.min_evidence.max(1);
    // No roll-up under a filter of flags: each edge is its own entry.
    Ok(Some(
        graph
            .edges_unsorted()
            .filter(|e| selection.filter.keeps_relation(e.relation))
            .filter(|e| {
                reached
                    .as_ref()
                    .is_none_or(|r| r.contains(&e.source.id) && r.contains(&e.target.id))
            })
            .filter(|e| e.summary().kept(kept).0.evidence >= min)
            .count(),
    ))
}

/// The stored actor record, or one guessed from the id (a rolled-up state that
/// only appears as persons' country).
fn actor_for(graph: &KnowledgeGraph, id: &ActorId) -> crate::model::Actor {
    graph
        .actor(id)
        .cloned()
        .unwrap_or_else(|| crate::model::Actor::from_id(id.clone()))
}

/// One article of [`articles`]: what the store knows of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleSummary {
    /// Its id (the corpus record's id, its url's hash or its text's hash).
    pub id: ArticleId,
    /// Its headline.
    pub title: Option<String>,
    /// Its own date.
    pub date: Option<Date>,
    /// Its address.
    pub url: Option<String>,
    /// Its declared language.
    pub lang: Option<String>,
    /// Evidence records (claims) read from it.
    pub claims: usize,
}

/// Which articles [`articles`] lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Only articles dated on or after this day (by the article's own date,
    /// else its latest evidence date; undated articles are then left out).
    pub since: Option<Date>,
    /// Only articles dated on or before this day.
    pub until: Option<Date>,
    /// Only articles with a claim about this actor (or, when it is a state,
    /// about the persons and bodies serving it).
    pub actor: Option<ActorId>,
}

/// The articles the store was built from, sorted by date (undated last), then id.
///
/// # Complexity
/// O(E + R) for one pass over every evidence record, plus O(A log A).
pub fn articles(graph: &KnowledgeGraph, filter: &ArticleFilter) -> Vec<ArticleSummary> {
    let mut claims: HashMap<&ArticleId, usize> = HashMap::new();
    let mut latest: HashMap<&ArticleId, Date> = HashMap::new();
    let mut about: std::collections::HashSet<&ArticleId> = std::collections::HashSet::new();
    let touches = |a: &crate::model::Actor| {
        filter
            .actor
            .as_ref()
            .is_some_and(|x| a.id == *x || a.country.as_ref() == Some(x))
    };
    for e in graph.edges() {
        let hit = touches(e.source) || touches(e.target);
        for v in e.evidence_unsorted() {
            *claims.entry(v.article).or_default() += 1;
            if let Some(d) = v.date {
                let l = latest.entry(v.article).or_insert(d);
                *l = (*l).max(d);
            }
            if hit {
                about.insert(v.article);
            }
        }
    }
    let mut out: Vec<ArticleSummary> = graph
        .article_rows()
        .into_iter()
        .filter(|a| filter.actor.is_none() || about.contains(a.id))
        .filter_map(|a| {
            let date = a.date.or_else(|| latest.get(a.id).copied());
            if filter.since.is_some() || filter.until.is_some() {
                let d = date?;
                if filter.since.is_some_and(|s| d < s) || filter.until.is_some_and(|u| d > u) {
                    return None;
                }
            }
            Some(ArticleSummary {
                id: a.id.clone(),
                title: a.title.map(str::to_owned),
                date: a.date,
                url: a.url.map(str::to_owned),
                lang: a.lang.map(str::to_owned),
                claims: claims.get(a.id).copied().unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.date.is_none(), a.date, &a.id).cmp(&(b.date.is_none(), b.date, &b.id)));
    out
}

/// One claim of an [`ArticleDetail`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleClaim {
    /// Who acts.
    pub source: ActorId,
    /// The relation.
    pub relation: Relation,
    /// Who is acted on.
    pub target: ActorId,
    /// The evidence.
    #[serde(flatten)]
    pub evidence: EvidenceRow,
}

/// One article with its claims, as [`article`] returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleDetail {
    /// What the store knows of the article.
    #[serde(flatten)]
    pub summary: ArticleSummary,
    /// Its claims, by sentence then span.
    pub claim_list: Vec<ArticleClaim>,
}

/// One article and every claim read from it; `None` when the store does not
/// hold the id.
///
/// # Complexity
/// O(E + R): one pass over the evidence.
pub fn article(graph: &KnowledgeGraph, id: &ArticleId) -> Option<ArticleDetail> {
    let row = graph.article_rows().into_iter().find(|a| a.id == id)?;
    let mut claim_list: Vec<ArticleClaim> = Vec::new();
    for e in graph.edges() {
        for v in e.evidence_unsorted().filter(|v| v.article == id) {
            claim_list.push(ArticleClaim {
                source: e.source.id.clone(),
                relation: e.relation,
                target: e.target.id.clone(),
                evidence: evidence_row(&v),
            });
        }
    }
    claim_list.sort_by(|a, b| {
        (a.evidence.sentence, a.evidence.span, a.relation).cmp(&(
            b.evidence.sentence,
            b.evidence.span,
            b.relation,
        ))
    });
    Some(ArticleDetail {
        summary: ArticleSummary {
            id: row.id.clone(),
            title: row.title.map(str::to_owned),
            date: row.date,
            url: row.url.map(str::to_owned),
            lang: row.lang.map(str::to_owned),
            claims: claim_list.len(),
        },
        claim_list,
    })
}
