//! Exports: the JSONL claim contract, Graphviz DOT, JSON, GraphML and CSV, as bytes.
//!
//! Owns every output format's shape. Must not touch files or stdout: the caller
//! (`cli`) writes the bytes where the user asked.

pub mod csv;
pub mod dot;
pub mod graphml;
pub mod json;
pub mod jsonl;
