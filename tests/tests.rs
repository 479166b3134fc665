//! Integration tests: one binary, one module per feature. Each test runs the
//! real binary in its own temp dir and never writes to `graphs/`.

// Tests report skips and measurements on stderr (shown with --nocapture).
#![allow(clippy::print_stderr)]

mod articles;
mod cli;
mod common;
mod compact;
mod corpus_score;
mod engines;
mod export_dot;
mod export_formats;
mod extract_cli;
mod format_fixture;
mod graph_laws;
mod import;
mod ingest;
mod kill_during_save;
mod merge;
mod messages;
mod parquet;
mod queries;
mod reading_articles;
mod readme;
mod scoped_queries;
mod serve;
mod store;
mod store_safety;
