//! Which stored edges a question reads: chosen from a store's [`Outline`]
//! (its actors and the ends of its edges), so that the graph a question runs
//! on holds every actor but only the edges it can look at.
//!
//! Each chooser returns a superset of the edges its question reads, so the
//! question, run on the part, answers exactly as on the whole store (tested
//! in `tests/scoped_queries.rs` against the in-memory graph):
//!
//! - [`around`]: the edges touching the actors given, the states they serve,
//!   and every actor serving those states (what `relations`, `who` and
//!   `timeline` read, with or without `--by-state`);
//! - [`of_relation`]: every edge of one relation (`who R` with neither end);
//! - [`within`]: the edges touching any actor at most `hops` links away, any
//!   relation counted (`path` and `export --focus`: a filter only removes
//!   links, so the filtered distance is never shorter).
//!
//! Each takes O(V + E) over the outline, with no record and no count read.

use std::collections::HashSet;

use crate::graph::Outline;
use crate::model::{ActorId, Relation};

/// Positions in `outline.actors` of the actors counting as any of `ids`: each
/// id, its state, and every actor whose state is one of those.
fn group(outline: &Outline, ids: &[&ActorId]) -> HashSet<u32> {
    let mut heads: HashSet<&ActorId> = ids.iter().copied().collect();
    for a in &outline.actors {
        if ids.contains(&&a.id) {
            heads.insert(a.state());
        }
    }
    (0..outline.actors.len())
        .filter(|&i| {
            let a = &outline.actors[i];
            heads.contains(&a.id) || a.country.as_ref().is_some_and(|c| heads.contains(c))
        })
        .map(|i| u32::try_from(i).expect("fewer than 4 billion actors"))
        .collect()
}

/// The positions of the edges with an end in `ends`.
fn touching(outline: &Outline, ends: &HashSet<u32>) -> Vec<usize> {
    let mut is_end = vec![false; outline.actors.len()];
    for &e in ends {
        is_end[e as usize] = true;
    }
    (0..outline.edges.len())
        .filter(|&i| {
            let (s, _, t) = outline.edges[i];
            is_end[s as usize] || is_end[t as usize]
        })
        .collect()
}

/// The edges touching `ids`, their states and those states' members.
pub fn around(outline: &Outline, ids: &[&ActorId]) -> Vec<usize> {
    touching(outline, &group(outline, ids))
}

/// Every edge of `relation`.
pub fn of_relation(outline: &Outline, relation: Relation) -> Vec<usize> {
    (0..outline.edges.len())
        .filter(|&i| outline.edges[i].1 == relation)
        .collect()
}

/// The edges touching any actor at most `hops` links from `ids` (or from
/// their groups, as [`around`] takes them), any relation counted.
pub fn within(outline: &Outline, ids: &[&ActorId], hops: usize) -> Vec<usize> {
    let mut neighbours: Vec<Vec<u32>> = vec![Vec::new(); outline.actors.len()];
    for &(s, _, t) in &outline.edges {
        neighbours[s as usize].push(t);
        neighbours[t as usize].push(s);
    }
    let mut reached = group(outline, ids);
    let mut frontier: Vec<u32> = reached.iter().copied().collect();
    for _ in 0..hops {
        let mut next = Vec::new();
        for x in frontier {
            for &n in &neighbours[x as usize] {
                if reached.insert(n) {
                    next.push(n);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    touching(outline, &reached)
}

/// True when [`super::path`] on the part [`within`] `hops` of its start
/// answered as on the whole store: the search's first `hops + 1` levels only
/// expand actors within `hops`, whose edges the part holds whole, so a chain
/// found there, or no chain when `max_len` is no longer, is final.
pub fn path_is_final(chains: &[super::Chain], hops: usize, max_len: usize) -> bool {
    match chains.first() {
        Some(c) => c.hops.len() <= hops + 1,
        None => max_len <= hops + 1,
    }
}
