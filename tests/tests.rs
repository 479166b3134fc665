//! Integration tests: one binary, one module per feature.

mod common;
mod corpus_score;
mod graph_laws;
