//! diplograph: a knowledge-graph store for international relations.
//!
//! News articles in English and Japanese become a graph of actors (states,
//! leaders, organizations, groups such as "the West") joined by typed relations
//! (alliance, sanctions, arms supply, invasion, visit ...), each edge backed by the
//! sentences that state, deny, hedge or attribute it.
//!
//! Data flow, one module per arrow:
//!
//! ```text
//! file ─cli→ Article ─extract→ sentences ─gazetteer→ Mention ─extract→ Claim
//! Claim ─graph::insert→ KnowledgeGraph ←graph::merge─ graphs loaded by persist
//! KnowledgeGraph ─persist→ graphs/ · ─query→ answers · ─export→ DOT/JSONL bytes ─cli→ out
//! answers ─serve→ JSON and the explorer page over HTTP
//! ```

pub mod cli;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
mod hash;
pub mod model;
pub mod persist;
pub mod query;
pub mod script;
pub mod serve;
pub mod simplify;

pub use model::{
    Actor, ActorId, ActorKind, Article, ArticleId, Claim, Date, Evidence, Lang, Relation, Role,
    Span,
};
