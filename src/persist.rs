//! Store file format: under construction.
