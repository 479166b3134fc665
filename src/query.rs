//! Queries: under construction.
