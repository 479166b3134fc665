//! extract: under construction.
