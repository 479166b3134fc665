//! graph: under construction.
