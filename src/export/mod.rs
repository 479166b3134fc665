//! export: under construction.
