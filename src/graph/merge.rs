//! Merging one graph into another: upsert by key, join conflicts by the
//! order-independent rules of `store`, so `merge` is idempotent, commutative and
//! associative up to ordering.
//!
//! Two versions of one article (the same id, read from different texts, as a
//! re-fetched and edited page) do not add up: one version's evidence replaces
//! the other's, by a rule that does not depend on order: the later article
//! date wins, then the larger version hash. A version of 0 (claims imported
//! without their text) is no version and joins any.

use super::KnowledgeGraph;

/// What a [`KnowledgeGraph::merge`] added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Actors new to the receiving graph.
    pub new_actors: usize,
    /// Edges new to the receiving graph.
    pub new_edges: usize,
    /// Evidence records new to the receiving graph.
    pub new_evidence: usize,
}

impl KnowledgeGraph {
    /// Merges `other` into `self`: every actor, article, sentence, edge and
    /// evidence record of `other` is upserted by its key. Merging a graph into
    /// itself (or a copy of itself) changes nothing.
    pub fn merge(&mut self, other: &KnowledgeGraph) -> MergeOutcome {
        assert!(
            self.is_held() && other.is_held(),
            "merging needs every record in memory: load stores with persist::load"
        );
        // Versions of one article: drop the losing side's evidence first.
        let (mut ours_lose, mut theirs_lose) = (Vec::new(), Vec::new());
        for m in &other.articles.metas {
            let Some(ax) = self.articles.index_of(&m.id) else {
                continue;
            };
            let mine = &self.articles.metas[ax as usize];
            if mine.version == 0 || m.version == 0 || mine.version == m.version {
                continue;
            }
            if (m.date, m.version) > (mine.date, mine.version) {
                ours_lose.push(m.id.clone());
            } else {
                theirs_lose.push(m.id.clone());
            }
        }
        if !ours_lose.is_empty() {
            *self = self.without_articles(&ours_lose).0;
        }
        if !theirs_lose.is_empty() {
            let (kept, _) = other.without_articles(&theirs_lose);
            return self.merge(&kept);
        }
        let mut out = MergeOutcome::default();
        for actor in other.graph.node_weights() {
            out.new_actors += usize::from(self.upsert_actor_ref(actor).1);
        }
        let article_map: Vec<_> = other
            .articles
            .metas
            .iter()
            .map(|m| {
                self.articles
                    .intern(&m.id, m.title.as_deref(), m.url.as_deref())
            })
            .collect();
        for (m, &ax) in other.articles.metas.iter().zip(&article_map) {
            self.articles
                .set_info(ax, m.date, m.lang.as_deref(), m.version);
        }
        for ((ax, sentence), text) in other.articles.iter_sentences() {
            self.articles
                .put_sentence(article_map[ax as usize], sentence, text);
        }
        for ei in other.graph.edge_indices() {
            let (s, t) = other
                .graph
                .edge_endpoints(ei)
                .expect("edge indices come from the graph itself");
            let si = self.nodes[&other.graph[s].id];
            let ti = self.nodes[&other.graph[t].id];
            let edge = &other.graph[ei];
            let records = edge
                .evidence
                .iter()
                .map(|((ax, span), rec)| ((article_map[*ax as usize], *span), rec.clone()))
                .collect();
            let (new_edge, added) = self.put_evidence_many(si, edge.relation, ti, records);
            out.new_edges += usize::from(new_edge);
            out.new_evidence += added;
        }
        out
    }

    /// Like [`KnowledgeGraph::merge`], taking `other` by value: merging into an
    /// empty graph moves it instead of copying, so a batch of new articles
    /// costs one graph's memory, not two.
    pub fn merge_owned(&mut self, other: KnowledgeGraph) -> MergeOutcome {
        if !self.is_empty() || self.article_count() > 0 {
            return self.merge(&other);
        }
        *self = other;
        MergeOutcome {
            new_actors: self.actor_count(),
            new_edges: self.edge_count(),
            new_evidence: self.evidence_count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::jsonl::claim_from_line;
    use crate::model::{ArticleId, Date};

    /// A graph of one article version: `text` as its one claim's sentence.
    fn version(date: (u16, u8, u8), hash: u64, text: &str) -> KnowledgeGraph {
        let line = format!(
            r#"{{"source":"EU","relation":"sanctions","target":"RUS","article":"a","text":"{text}"}}"#
        );
        let mut g = KnowledgeGraph::new();
        g.insert_claim(&claim_from_line(&line).unwrap());
        let d = Date::new(date.0, date.1, date.2).unwrap();
        g.set_article_info(&ArticleId("a".into()), Some(d), None, hash);
        g
    }

    // See: issue 14, item 4
    #[test]
    fn versions_of_one_article_replace_each_other_whatever_the_order() {
        let old = version((2025, 3, 1), 9, "old text");
        let new = version((2025, 3, 2), 1, "new, longer text");
        let same_day = version((2025, 3, 2), 5, "same day, larger hash");
        for (a, b, winner) in [(&old, &new, &new), (&new, &same_day, &same_day)] {
            let mut ab = a.clone();
            ab.merge(b);
            let mut ba = b.clone();
            ba.merge(a);
            assert_eq!(ab, ba);
            assert_eq!(&ab, winner);
            assert_eq!(ab.evidence_count(), 1);
            let mut twice = ab.clone();
            twice.merge(&ab);
            assert_eq!(twice, ab);
        }
    }
}
