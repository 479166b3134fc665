//! Which stored edges a question reads: chosen from a store's [`Adjacency`]
//! (its actors, and the edges of each actor and each relation), so that the
//! graph a question runs on holds every actor but only the edges it can look
//! at, and the edges it leaves out are never read.
//!
//! Each chooser returns a superset of the edges its question reads, so the
//! question, run on the part, answers exactly as on the whole store (tested
//! in `tests/scoped_queries.rs` against the whole graph held in memory):
//!
//! - [`around`]: the edges touching the actors given, the states they serve,
//!   and every actor serving those states (what `relations`, `who` and
//!   `timeline` read, with or without `--by-state`);
//! - [`between`]: the edges with an end in each of two such groups
//!   (`relations A B`, `timeline A B`, and `who` with both ends);
//! - [`of_relation`]: every edge of one relation (`who R`), and
//!   [`of_relation_around`], those of them [`around`] the actors given;
//! - [`within`]: the edges touching any actor at most `hops` links away, any
//!   relation counted, with the actors of each one's state (`path` and
//!   `export --focus`: a filter only removes links, and a roll-up to states
//!   only joins an actor with its state's, so the distance the question
//!   walks is never shorter).
//!
//! Each takes O(V) plus the length of the index lists it reads (the edges
//! it returns, and for [`within`] the neighbours of the actors it reaches),
//! with no edge, record or count read.

use std::collections::{HashMap, HashSet};

use crate::graph::{Adjacency, KnowledgeGraph};
use crate::model::{ActorId, Relation};

/// Positions in `index.actors` of the actors counting as any of `ids`: each
/// id, its state, and every actor whose state is one of those.
fn group(index: &Adjacency, ids: &[&ActorId]) -> HashSet<u32> {
    let mut heads: HashSet<&ActorId> = ids.iter().copied().collect();
    for a in &index.actors {
        if ids.contains(&&a.id) {
            heads.insert(a.state());
        }
    }
    (0..index.actors.len())
        .filter(|&i| {
            let a = &index.actors[i];
            heads.contains(&a.id) || a.country.as_ref().is_some_and(|c| heads.contains(c))
        })
        .map(|i| u32::try_from(i).expect("fewer than 4 billion actors"))
        .collect()
}

/// The positions of the edges with an end marked in `is_end`, ascending.
fn touching(index: &Adjacency, is_end: &[bool]) -> Vec<usize> {
    let mut edges: Vec<usize> = (0..index.actors.len())
        .filter(|&x| is_end[x])
        .flat_map(|x| index.touching(x).iter().map(|&e| e as usize))
        .collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// The edges touching `ids`, their states and those states' members.
pub fn around(index: &Adjacency, ids: &[&ActorId]) -> Vec<usize> {
    let mut is_end = vec![false; index.actors.len()];
    for x in group(index, ids) {
        is_end[x as usize] = true;
    }
    touching(index, &is_end)
}

/// The positions in both ascending lists, ascending.
fn both(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                (i, j) = (i + 1, j + 1);
            }
        }
    }
    out
}

/// The edges touching both `a`'s group and `b`'s (as [`around`] takes
/// groups): every edge between the two, at actor or state level, and
/// nothing else a question about the pair could read, so that the blocks
/// read for its evidence are those of the edges between the two only.
pub fn between(index: &Adjacency, a: &ActorId, b: &ActorId) -> Vec<usize> {
    both(&around(index, &[a]), &around(index, &[b]))
}

/// The edges of `relation` [`around`] `ids`.
pub fn of_relation_around(index: &Adjacency, relation: Relation, ids: &[&ActorId]) -> Vec<usize> {
    both(&of_relation(index, relation), &around(index, ids))
}

/// Every edge of `relation`.
pub fn of_relation(index: &Adjacency, relation: Relation) -> Vec<usize> {
    index
        .of_relation(relation)
        .iter()
        .map(|&e| e as usize)
        .collect()
}

/// The edges touching any actor at most `hops` links from `ids` (or from
/// their groups, as [`around`] takes them), any relation counted; each actor
/// reached brings the actors of its state along, so that a question rolled
/// up to states (`--by-state`) finds every member's edges in the part.
pub fn within(index: &Adjacency, ids: &[&ActorId], hops: usize) -> Vec<usize> {
    let mut by_state: HashMap<&ActorId, Vec<u32>> = HashMap::new();
    for (i, a) in index.actors.iter().enumerate() {
        let i = u32::try_from(i).expect("fewer than 4 billion actors");
        by_state.entry(a.state()).or_default().push(i);
    }
    let mut reached = HashSet::new();
    let mut frontier = Vec::new();
    let mut reach = |x: u32, frontier: &mut Vec<u32>| {
        let state = index.actors[x as usize].state();
        for &m in by_state.get(state).into_iter().flatten() {
            if reached.insert(m) {
                frontier.push(m);
            }
        }
    };
    for x in group(index, ids) {
        reach(x, &mut frontier);
    }
    for _ in 0..hops {
        let mut next = Vec::new();
        for x in frontier {
            for &n in index.neighbours(x as usize) {
                reach(n, &mut next);
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    let mut is_end = vec![false; index.actors.len()];
    for x in reached {
        is_end[x as usize] = true;
    }
    touching(index, &is_end)
}

/// [`super::path`] on parts of a store grown one hop at a time around `a`:
/// `part` builds the graph of the edges given. The part [`within`] `hops` of
/// `a` holds whole the edges of every actor the search's first `hops + 1`
/// levels expand, so its answer is final once it has a chain of `hops + 1`
/// or fewer, or `max_len` is no longer, or the part holds all `a` reaches.
/// Returns the last part built (for its evidence errors) and the answer.
///
/// # Complexity
/// O(h (V + E)) for the h parts built, each O(V + E) at most (E the edges
/// the part holds); one part when the chains are one hop long.
pub fn path_in_parts<E>(
    index: &Adjacency,
    (a, b): (&ActorId, &ActorId),
    max_len: usize,
    filter: &super::Filter,
    mut part: impl FnMut(&[usize]) -> Result<KnowledgeGraph, E>,
) -> Result<(KnowledgeGraph, Result<Vec<super::Chain>, super::QueryError>), E> {
    let (mut hops, mut last) = (0, None);
    loop {
        let edges = within(index, &[a], hops);
        let whole = last == Some(edges.len());
        last = Some(edges.len());
        let graph = part(&edges)?;
        let answer = super::path(&graph, a, b, max_len, filter);
        let settled = match &answer {
            Ok(chains) => match chains.first() {
                Some(c) => c.hops.len() <= hops + 1,
                None => max_len <= hops + 1,
            },
            Err(_) => true,
        };
        if whole || settled {
            return Ok((graph, answer));
        }
        hops += 1;
    }
}
