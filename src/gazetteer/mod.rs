//! The gazetteer: under construction.
