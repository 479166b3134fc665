//! Exports: the JSONL claim contract and Graphviz DOT, as bytes.
//!
//! Owns every output format's shape. Must not touch files or stdout: the caller
//! (`cli`) writes the bytes where the user asked.

pub mod dot;
pub mod jsonl;
