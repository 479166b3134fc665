//! Integration tests: one binary, one module per feature.

mod common;
mod graph_laws;
