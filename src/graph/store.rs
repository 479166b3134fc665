//! The graph's tables beside petgraph: articles (interned), sentence texts (stored
//! once per article and sentence index) and compact evidence records.
//!
//! Also holds the order-independent rules that settle conflicting values, so that
//! insert and merge are joins in a lattice: idempotent, commutative, associative.

use std::sync::OnceLock;

use crate::model::{Actor, ActorId, ArticleId, Date, Role, Span};

pub(super) use crate::hash::FxMap;

/// Index of an article in [`Articles`]; never leaves the `graph` module.
pub(super) type ArticleIx = u32;

/// What the graph keeps about an article besides its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ArticleMeta {
    pub(super) id: ArticleId,
    pub(super) title: Option<String>,
    pub(super) url: Option<String>,
    /// The article's own date (not its evidence's).
    pub(super) date: Option<Date>,
    /// Its declared language.
    pub(super) lang: Option<String>,
    /// A hash of the text it was read from (0: unknown, as for imported claims),
    /// which tells two versions of one article id apart.
    pub(super) version: u64,
}

/// Interned articles plus the sentence table.
#[derive(Debug, Clone, Default)]
pub(super) struct Articles {
    pub(super) metas: Vec<ArticleMeta>,
    /// Each id's index. Built on the first lookup by id when articles came
    /// in as new ([`Articles::push_new`], a store's article table): a
    /// question about part of a store looks its articles up by position
    /// only, and hashing the 40,000 ids of a big store's table was an eighth
    /// of `timeline`'s instructions.
    by_id: OnceLock<FxMap<ArticleId, ArticleIx>>,
    /// Each sentence text once, keyed by (article, sentence index).
    sentences: FxMap<(ArticleIx, u32), (usize, u32)>,
    /// Every sentence text back to back (one allocation, not one per sentence);
    /// `sentences` holds (offset, length) into it.
    arena: String,
}

impl Articles {
    /// The index of `id`, interning it when new; joins title and url.
    pub(super) fn intern(
        &mut self,
        id: &ArticleId,
        title: Option<&str>,
        url: Option<&str>,
    ) -> ArticleIx {
        let ix = match self.by_id().get(id) {
            Some(&ix) => ix,
            None => self.push_new(id.clone(), None, None),
        };
        let meta = &mut self.metas[ix as usize];
        join_opt_text(&mut meta.title, title);
        join_opt_text(&mut meta.url, url);
        ix
    }

    /// Adds an article known not to be here (one of a store's table, which
    /// holds each id once) without looking its id up; returns its index.
    pub(super) fn push_new(
        &mut self,
        id: ArticleId,
        title: Option<&str>,
        url: Option<&str>,
    ) -> ArticleIx {
        let ix = ArticleIx::try_from(self.metas.len())
            .expect("fewer than 4 billion articles in one graph");
        if let Some(by_id) = self.by_id.get_mut() {
            by_id.entry(id.clone()).or_insert(ix);
        }
        self.metas.push(ArticleMeta {
            id,
            title: title.map(str::to_owned),
            url: url.map(str::to_owned),
            date: None,
            lang: None,
            version: 0,
        });
        ix
    }

    /// The index by id, built from the table on first use (an id held twice
    /// by a damaged store's table maps to its first row).
    fn by_id(&self) -> &FxMap<ArticleId, ArticleIx> {
        self.by_id.get_or_init(|| {
            let mut by_id = FxMap::default();
            by_id.reserve(self.metas.len());
            for (ix, m) in self.metas.iter().enumerate() {
                let ix = ArticleIx::try_from(ix).expect("fewer than 4 billion articles");
                by_id.entry(m.id.clone()).or_insert(ix);
            }
            by_id
        })
    }

    /// Joins an article's date, language and version (order-independent: the
    /// later date, the smaller language code, the larger version).
    pub(super) fn set_info(
        &mut self,
        ix: ArticleIx,
        date: Option<Date>,
        lang: Option<&str>,
        version: u64,
    ) {
        let meta = &mut self.metas[ix as usize];
        meta.date = meta.date.max(date);
        join_opt_text(&mut meta.lang, lang);
        meta.version = meta.version.max(version);
    }

    /// The index of an article id, when interned.
    pub(super) fn index_of(&self, id: &ArticleId) -> Option<ArticleIx> {
        self.by_id().get(id).copied()
    }

    /// Room for this many more articles and sentences.
    pub(super) fn reserve(&mut self, articles: usize, sentences: usize) {
        self.metas.reserve(articles);
        // Room for articles to come means interning them (a load of a
        // whole store, a merge): the index is built now and sized for them.
        // A store's table read by position reserves none and builds none.
        if articles > 0 {
            self.by_id();
            if let Some(by_id) = self.by_id.get_mut() {
                by_id.reserve(articles);
            }
        }
        self.sentences.reserve(sentences);
        self.arena.reserve(sentences * 128);
    }

    /// Stores a sentence text, joining with what is already there.
    pub(super) fn put_sentence(&mut self, article: ArticleIx, sentence: u32, text: &str) {
        if let Some(&(at, len)) = self.sentences.get(&(article, sentence))
            && !prefer_text(text, &self.arena[at..at + len as usize])
        {
            return;
        }
        // A replaced text stays in the arena as garbage: replacements are rare.
        let at = self.arena.len();
        self.arena.push_str(text);
        let len = u32::try_from(text.len()).expect("a sentence shorter than 4 GiB");
        self.sentences.insert((article, sentence), (at, len));
    }

    /// The stored text of a sentence, empty when none.
    pub(super) fn sentence(&self, article: ArticleIx, sentence: u32) -> &str {
        self.sentences
            .get(&(article, sentence))
            .map_or("", |&(at, len)| &self.arena[at..at + len as usize])
    }

    /// Every stored sentence, in no particular order.
    pub(super) fn iter_sentences(&self) -> impl Iterator<Item = ((ArticleIx, u32), &str)> {
        self.sentences
            .iter()
            .map(|(&k, &(at, len))| (k, &self.arena[at..at + len as usize]))
    }

    /// Number of stored sentences.
    pub(super) fn sentence_count(&self) -> usize {
        self.sentences.len()
    }
}

/// The flags and facts of one piece of evidence on one edge. The key (article,
/// span) is kept by the map holding it; the text sits in the sentence table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EvidenceRec {
    pub(super) sentence: u32,
    pub(super) date: Option<Date>,
    pub(super) negated: bool,
    pub(super) hedged: bool,
    /// Sorted, without duplicates.
    pub(super) attributed_to: Vec<ActorId>,
    /// The office, on `leader_of` evidence.
    pub(super) role: Option<Role>,
}

impl EvidenceRec {
    /// The record of facts as a loader reads them.
    pub(super) fn from_facts(mut f: super::EvidenceFacts) -> Self {
        f.attributed_to.sort();
        f.attributed_to.dedup();
        EvidenceRec {
            sentence: f.sentence,
            date: f.date,
            negated: f.negated,
            hedged: f.hedged,
            attributed_to: f.attributed_to,
            role: f.role,
        }
    }

    /// Joins two readings of the same (article, span) on the same edge, in an
    /// order-independent way: a denial or hedge anywhere is kept (a negated claim
    /// must never turn into a fact), attributions are united, the later date and
    /// the smaller sentence index win.
    pub(super) fn join(&mut self, other: &EvidenceRec) {
        self.negated |= other.negated;
        self.hedged |= other.hedged;
        self.sentence = self.sentence.min(other.sentence);
        self.date = self.date.max(other.date);
        self.role = self.role.max(other.role);
        for a in &other.attributed_to {
            if let Err(at) = self.attributed_to.binary_search(a) {
                self.attributed_to.insert(at, a.clone());
            }
        }
    }
}

/// The deduplication key of evidence on one edge.
pub(super) type EvidenceKey = (ArticleIx, Span);

/// Evidence of one edge: sorted by key, one record per key. A sorted vector, not
/// a tree: most edges hold a handful of records, and new articles (the largest
/// indices) append at the end.
#[derive(Debug, Clone, Default)]
pub(super) struct EvidenceList {
    items: Vec<(EvidenceKey, EvidenceRec)>,
}

impl EvidenceList {
    pub(super) fn len(&self) -> usize {
        self.items.len()
    }

    pub(super) fn records_mut(&mut self) -> impl Iterator<Item = &mut EvidenceRec> {
        self.items.iter_mut().map(|(_, r)| r)
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &(EvidenceKey, EvidenceRec)> {
        self.items.iter()
    }

    /// Adds or joins one record; true when the key is new.
    pub(super) fn insert(&mut self, key: EvidenceKey, rec: EvidenceRec) -> bool {
        if self.items.last().is_none_or(|(last, _)| *last < key) {
            self.items.push((key, rec));
            return true;
        }
        match self.items.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => {
                self.items[i].1.join(&rec);
                false
            }
            Err(i) => {
                self.items.insert(i, (key, rec));
                true
            }
        }
    }

    /// Adds or joins many records at once (sort, then one merge pass); returns
    /// how many keys were new.
    pub(super) fn insert_many(&mut self, mut incoming: Vec<(EvidenceKey, EvidenceRec)>) -> usize {
        if incoming.len() < 8 {
            return incoming
                .into_iter()
                .map(|(k, r)| usize::from(self.insert(k, r)))
                .sum();
        }
        incoming.sort_by_key(|x| x.0);
        // New articles (the largest indices) come after every record held:
        // append, so merging many small graphs into a big one costs what they
        // hold, not a copy of the big one's records each time.
        if self
            .items
            .last()
            .is_none_or(|(last, _)| *last < incoming[0].0)
        {
            incoming.dedup_by(|next, kept| {
                let same = next.0 == kept.0;
                if same {
                    kept.1.join(&next.1);
                }
                same
            });
            let added = incoming.len();
            self.items.append(&mut incoming);
            return added;
        }
        let before = self.items.len();
        let old = std::mem::take(&mut self.items);
        let mut merged: Vec<(EvidenceKey, EvidenceRec)> =
            Vec::with_capacity(old.len() + incoming.len());
        let (mut a, mut b) = (old.into_iter().peekable(), incoming.into_iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (Some(x), Some(y)) => {
                    if x.0 <= y.0 {
                        a.next()
                    } else {
                        b.next()
                    }
                }
            }
            .expect("peeked");
            match merged.last_mut() {
                Some(last) if last.0 == next.0 => last.1.join(&next.1),
                _ => merged.push(next),
            }
        }
        self.items = merged;
        self.items.len() - before
    }
}

/// An edge's payload in the petgraph graph.
#[derive(Debug, Clone)]
pub(super) struct Edge {
    pub(super) relation: crate::model::Relation,
    /// The records, when held in memory (empty when `stored`).
    pub(super) evidence: EvidenceList,
    /// Where the records are when they stay in the store file until read.
    /// Its slot in the graph's link to the store file.
    pub(super) stored: Option<u32>,
}

/// Whether `new` should replace `old` as a text value: non-empty beats empty, then
/// the smaller string wins (an order-independent rule).
pub(super) fn prefer_text(new: &str, old: &str) -> bool {
    match (new.is_empty(), old.is_empty()) {
        (false, true) => true,
        (true, _) => false,
        (false, false) => new < old,
    }
}

/// Joins an optional text: a value beats none, then [`prefer_text`].
pub(super) fn join_opt_text(old: &mut Option<String>, new: Option<&str>) {
    match (old.as_deref(), new) {
        (_, None) => {}
        (None, Some(n)) => *old = Some(n.to_owned()),
        (Some(o), Some(n)) => {
            if prefer_text(n, o) {
                *old = Some(n.to_owned());
            }
        }
    }
}

/// Joins two records of the same actor id, independent of order: the larger kind
/// (an explicit `group` or `organization` beats the `country` or `organization`
/// guessed from an id's form), a known country beats none and then the smaller id
/// wins, and the name follows [`prefer_text`].
pub(super) fn join_actor(old: &mut Actor, new: &Actor) {
    debug_assert_eq!(old.id, new.id, "joining records of different actors");
    old.kind = old.kind.max(new.kind);
    old.country = match (old.country.take(), &new.country) {
        (None, n) => n.clone(),
        (Some(o), None) => Some(o),
        (Some(o), Some(n)) => Some(o.min(n.clone())),
    };
    if prefer_text(&new.name, &old.name) {
        old.name = new.name.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    #[test]
    fn actor_join_ignores_order() {
        let id = ActorId::new("WEST").unwrap();
        let guessed = Actor::from_id(id.clone());
        let explicit = Actor {
            id,
            kind: ActorKind::Group,
            country: None,
            name: "the West".into(),
        };
        let mut a = guessed.clone();
        join_actor(&mut a, &explicit);
        let mut b = explicit.clone();
        join_actor(&mut b, &guessed);
        assert_eq!(a, b);
        assert_eq!(a.kind, ActorKind::Group);
        assert_eq!(a.name, "the West");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// 256 cases: the bulk path of merge and loading equals one insert at a time.
        #[test]
        fn insert_many_equals_inserting_one_by_one(
            old in proptest::collection::vec((0u32..5, 0u32..6, proptest::bool::ANY), 0..30),
            new in proptest::collection::vec((0u32..5, 0u32..6, proptest::bool::ANY), 0..30),
        ) {
            let rec = |neg: bool, s: u32| EvidenceRec {
                sentence: s,
                date: None,
                negated: neg,
                hedged: false,
                attributed_to: vec![],
                role: None,
            };
            let key = |a: u32, s: u32| (a, Span { start: s, end: s + 1 });
            let mut one = EvidenceList::default();
            let mut bulk = EvidenceList::default();
            for &(a, s, n) in &old {
                one.insert(key(a, s), rec(n, s));
                bulk.insert(key(a, s), rec(n, s));
            }
            let mut added_one = 0;
            for &(a, s, n) in &new {
                added_one += usize::from(one.insert(key(a, s), rec(n, s)));
            }
            let added_bulk = bulk.insert_many(new.iter().map(|&(a, s, n)| (key(a, s), rec(n, s))).collect());
            proptest::prop_assert_eq!(added_one, added_bulk);
            proptest::prop_assert_eq!(one.items, bulk.items);
        }
    }

    #[test]
    fn a_denial_survives_a_join_either_way() {
        let plain = EvidenceRec {
            sentence: 2,
            date: None,
            negated: false,
            hedged: false,
            attributed_to: vec![],
            role: None,
        };
        let denied = EvidenceRec {
            negated: true,
            sentence: 1,
            ..plain.clone()
        };
        let mut a = plain.clone();
        a.join(&denied);
        let mut b = denied.clone();
        b.join(&plain);
        assert_eq!(a, b);
        assert!(a.negated);
    }
}

/// The graph as sorted tables keyed by position, for file formats: positions
/// index these tables (sorted by id), never petgraph's internal indices.
#[derive(Debug, Clone)]
pub struct Tables<'g> {
    /// Every actor, sorted by id.
    pub actors: Vec<&'g Actor>,
    /// Every article, sorted by id.
    pub articles: Vec<ArticleRow<'g>>,
    /// Every sentence text once, sorted by (article, sentence).
    pub sentences: Vec<SentenceRow<'g>>,
    /// Every edge, sorted by (source, relation, target).
    pub edges: Vec<EdgeRow>,
    /// Every evidence record, edge after edge in the order of `edges`, each
    /// edge's records sorted by (article, span).
    pub evidence: Vec<EvidenceRow<'g>>,
}

/// An article in [`Tables`].
#[derive(Debug, Clone, Copy)]
pub struct ArticleRow<'g> {
    /// The article's id.
    pub id: &'g ArticleId,
    /// Its headline.
    pub title: Option<&'g str>,
    /// Its address.
    pub url: Option<&'g str>,
    /// Its own date.
    pub date: Option<Date>,
    /// Its declared language.
    pub lang: Option<&'g str>,
    /// A hash of the text it was read from (0: unknown).
    pub version: u64,
}

/// A sentence in [`Tables`].
#[derive(Debug, Clone, Copy)]
pub struct SentenceRow<'g> {
    /// Position of the article in [`Tables::articles`].
    pub article: u32,
    /// Index of the sentence in the article.
    pub sentence: u32,
    /// The text.
    pub text: &'g str,
}

/// An edge in [`Tables`].
#[derive(Debug, Clone)]
pub struct EdgeRow {
    /// Position of the source in [`Tables::actors`].
    pub source: u32,
    /// The relation.
    pub relation: crate::model::Relation,
    /// Position of the target in [`Tables::actors`].
    pub target: u32,
    /// Its records in [`Tables::evidence`].
    pub evidence: std::ops::Range<usize>,
    /// Their counts, articles, roles and dates.
    pub summary: super::EdgeSummary,
}

/// An evidence record in [`Tables`].
#[derive(Debug, Clone, Copy)]
pub struct EvidenceRow<'g> {
    /// Position of the article in [`Tables::articles`].
    pub article: u32,
    /// Index of the sentence in the article.
    pub sentence: u32,
    /// Byte span into the article.
    pub span: Span,
    /// When it happened.
    pub date: Option<Date>,
    /// The sentence denies the relation.
    pub negated: bool,
    /// The sentence hedges it.
    pub hedged: bool,
    /// Who asserts it (ids, which need not be actors of the graph).
    pub attributed_to: &'g [ActorId],
    /// The office, on `leader_of` evidence.
    pub role: Option<Role>,
}

fn pos(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 4 billion rows in one table")
}

impl super::KnowledgeGraph {
    /// The graph as sorted, position-keyed tables (see [`Tables`]); the same
    /// graph always gives the same tables, whatever its insertion order.
    pub fn tables(&self) -> Tables<'_> {
        assert!(
            self.is_held(),
            "only a graph held in memory is written whole"
        );
        let mut nodes: Vec<_> = self.graph.node_indices().collect();
        nodes.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
        let mut actor_pos = vec![u32::MAX; petgraph::visit::NodeIndexable::node_bound(&self.graph)];
        for (i, n) in nodes.iter().enumerate() {
            actor_pos[n.index()] = pos(i);
        }
        let metas = &self.articles.metas;
        let mut order: Vec<usize> = (0..metas.len()).collect();
        order.sort_by(|a, b| metas[*a].id.cmp(&metas[*b].id));
        let mut article_pos = vec![0u32; metas.len()];
        for (i, &ax) in order.iter().enumerate() {
            article_pos[ax] = pos(i);
        }
        let mut sentences: Vec<SentenceRow<'_>> = self
            .articles
            .iter_sentences()
            .map(|((ax, sentence), text)| SentenceRow {
                article: article_pos[ax as usize],
                sentence,
                text,
            })
            .collect();
        sentences.sort_unstable_by_key(|s| (s.article, s.sentence));
        let mut keyed: Vec<_> = self
            .graph
            .edge_indices()
            .map(|ei| {
                let (s, t) = self
                    .graph
                    .edge_endpoints(ei)
                    .expect("edge indices come from the graph itself");
                (
                    (
                        actor_pos[s.index()],
                        self.graph[ei].relation,
                        actor_pos[t.index()],
                    ),
                    ei,
                )
            })
            .collect();
        keyed.sort_unstable_by_key(|(k, _)| *k);
        let mut evidence: Vec<EvidenceRow<'_>> = Vec::with_capacity(self.evidence_count);
        let mut edges = Vec::with_capacity(keyed.len());
        for ((source, relation, target), ei) in keyed {
            let start = evidence.len();
            evidence.extend(
                self.graph[ei]
                    .evidence
                    .iter()
                    .map(|((ax, span), rec)| EvidenceRow {
                        article: article_pos[*ax as usize],
                        sentence: rec.sentence,
                        span: *span,
                        date: rec.date,
                        negated: rec.negated,
                        hedged: rec.hedged,
                        attributed_to: &rec.attributed_to,
                        role: rec.role,
                    }),
            );
            evidence[start..].sort_unstable_by_key(|e| (e.article, e.span));
            edges.push(EdgeRow {
                source,
                relation,
                target,
                evidence: start..evidence.len(),
                summary: super::EdgeSummary::of(&self.graph[ei].evidence),
            });
        }
        Tables {
            actors: nodes.iter().map(|&n| &self.graph[n]).collect(),
            articles: order
                .iter()
                .map(|&ax| ArticleRow {
                    id: &metas[ax].id,
                    title: metas[ax].title.as_deref(),
                    url: metas[ax].url.as_deref(),
                    date: metas[ax].date,
                    lang: metas[ax].lang.as_deref(),
                    version: metas[ax].version,
                })
                .collect(),
            sentences,
            edges,
            evidence,
        }
    }
}

/// Builds a graph from position-keyed tables, as a loader reads them: actors
/// and articles get positions in the order they are added; sentences and edges
/// refer to those positions. Duplicate rows are joined like inserts.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    graph: super::KnowledgeGraph,
    nodes: Vec<petgraph::stable_graph::NodeIndex>,
    articles: Vec<ArticleIx>,
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder with room for this many actors, articles, sentences and edges.
    pub fn with_capacity(actors: usize, articles: usize, sentences: usize, edges: usize) -> Self {
        let mut b = Self::default();
        let g = &mut b.graph;
        g.graph = petgraph::stable_graph::StableDiGraph::with_capacity(actors, edges);
        g.nodes.reserve(actors);
        g.edge_index.reserve(edges);
        g.articles.reserve(articles, sentences);
        b.nodes.reserve(actors);
        b.articles.reserve(articles);
        b
    }

    /// Adds an actor; returns its position.
    pub fn actor(&mut self, actor: Actor) -> u32 {
        let (ix, _) = self.graph.upsert_actor_ref(&actor);
        self.nodes.push(ix);
        pos(self.nodes.len() - 1)
    }

    /// Adds an article; returns its position.
    pub fn article(&mut self, id: &ArticleId, title: Option<&str>, url: Option<&str>) -> u32 {
        let ax = self.graph.articles.intern(id, title, url);
        self.articles.push(ax);
        pos(self.articles.len() - 1)
    }

    /// Adds an article the graph does not hold, as [`article`](Self::article)
    /// does but without looking its id up: for the rows of a store's article
    /// table, which holds each id once. The graph indexes its articles by id
    /// when it is first asked for one by id.
    pub fn new_article(&mut self, id: &str, title: Option<&str>, url: Option<&str>) -> u32 {
        let ax = self
            .graph
            .articles
            .push_new(ArticleId(id.to_owned()), title, url);
        self.articles.push(ax);
        pos(self.articles.len() - 1)
    }

    /// Joins the date, language and version of the article at position `article`.
    pub fn article_info(
        &mut self,
        article: u32,
        date: Option<Date>,
        lang: Option<&str>,
        version: u64,
    ) -> Result<(), super::GraphError> {
        let ax = self.article_ix(article)?;
        self.graph.articles.set_info(ax, date, lang, version);
        Ok(())
    }

    fn article_ix(&self, article: u32) -> Result<ArticleIx, super::GraphError> {
        self.articles
            .get(article as usize)
            .copied()
            .ok_or(super::GraphError::Position {
                table: "article",
                position: article,
            })
    }

    /// Stores a sentence of the article at position `article`.
    pub fn sentence(
        &mut self,
        article: u32,
        sentence: u32,
        text: &str,
    ) -> Result<(), super::GraphError> {
        let ax = self.article_ix(article)?;
        self.graph.articles.put_sentence(ax, sentence, text);
        Ok(())
    }

    /// Adds an edge between the actors at positions `source` and `target` with its
    /// evidence, each record given with its article's position.
    pub fn edge(
        &mut self,
        source: u32,
        relation: crate::model::Relation,
        target: u32,
        evidence: Vec<(u32, super::EvidenceFacts)>,
    ) -> Result<(), super::GraphError> {
        let node = |p: u32| {
            self.nodes
                .get(p as usize)
                .copied()
                .ok_or(super::GraphError::Position {
                    table: "actor",
                    position: p,
                })
        };
        let (si, ti) = (node(source)?, node(target)?);
        let records = evidence
            .into_iter()
            .map(|(article, f)| {
                Ok((
                    (self.article_ix(article)?, f.span),
                    EvidenceRec::from_facts(f),
                ))
            })
            .collect::<Result<Vec<_>, super::GraphError>>()?;
        if !records.is_empty() {
            self.graph.put_evidence_many(si, relation, ti, records);
        }
        Ok(())
    }

    /// Adds an edge whose records stay in a store file: `summary` answers for
    /// them until a question reads them from the source given to
    /// [`GraphBuilder::finish_stored`], under the slot returned (0, 1, 2...
    /// in the order of these calls).
    pub fn stored_edge(
        &mut self,
        source: u32,
        relation: crate::model::Relation,
        target: u32,
        summary: super::EdgeSummary,
    ) -> Result<u32, super::GraphError> {
        let node = |p: u32| {
            self.nodes
                .get(p as usize)
                .copied()
                .ok_or(super::GraphError::Position {
                    table: "actor",
                    position: p,
                })
        };
        let (si, ti) = (node(source)?, node(target)?);
        let (ei, new) = self.graph.edge_for(si, relation, ti);
        let slot = self.graph.link.push(summary);
        if !new {
            return Err(super::GraphError::Duplicate { slot });
        }
        self.graph.evidence_count += summary.evidence();
        self.graph.graph[ei].stored = Some(slot);
        Ok(slot)
    }

    /// Counts sentences that stay in the store file.
    pub fn stored_sentences(&mut self, n: usize) {
        self.graph.stored_sentences += n;
    }

    /// The graph.
    pub fn finish(self) -> super::KnowledgeGraph {
        self.graph
    }

    /// The graph, reading its stored edges from `source`.
    pub fn finish_stored(
        mut self,
        source: std::sync::Arc<dyn super::EvidenceSource>,
    ) -> super::KnowledgeGraph {
        self.graph.link.source = Some(source);
        self.graph.link.articles = self.articles;
        self.graph
    }
}
