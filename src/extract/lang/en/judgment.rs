//! A judgment reported as speech: `Peru said Chile's decision was illegal`,
//! `Chile's blockade is "unacceptable", Peru said`. The speaker condemns the
//! agent of the act judged; a verb of saying elsewhere only attributes.

use super::English;
use super::lexicon::{BE, BREAK, JUDGMENT, NEG, PREP};
use super::parse::{Kind, Parsed};
use crate::extract::{Found, SentenceView};
use crate::model::Relation;

/// How many words the act's noun phrase may hold between its agent and `be`
/// (`Chile's latest border decision`).
const ACT_WORDS: usize = 3;

impl English {
    /// `condemnation` from each speaker to the agent of an act their words
    /// judge with a word of blame after `be`.
    pub(super) fn judgments(&self, view: &SentenceView<'_>, p: &Parsed<'_>, out: &mut Vec<Found>) {
        for j in (0..p.toks.len()).filter(|&j| p.is(j, JUDGMENT)) {
            let Some(be) = be_before(p, j) else {
                continue;
            };
            let Some(agent) = act_agent(p, be) else {
                continue;
            };
            let speakers = p.groups.iter().enumerate().filter(|&(g, gr)| {
                g != agent && gr.speaker && (gr.said_at < p.groups[agent].first || gr.said_at > j)
            });
            for (_, speaker) in speakers {
                for &source in &speaker.entries {
                    for &target in &p.groups[agent].entries {
                        let found = Found {
                            source,
                            relation: Relation::Condemnation,
                            target,
                            negated: false,
                            hedged: false,
                            attributed_to: Vec::new(),
                        };
                        if view.state_of(source) != view.state_of(target) && !out.contains(&found) {
                            out.push(found);
                        }
                    }
                }
            }
        }
    }
}

/// The `be` a judgment is predicated by: `was unacceptable`, `is a
/// violation`, `was "totally unacceptable"`; adverbs, articles and quotes may
/// stand between, a negation may not (`is not illegal`).
fn be_before(p: &Parsed<'_>, j: usize) -> Option<usize> {
    let mut k = j;
    while k > 0 && j - k < 4 {
        k -= 1;
        if p.is(k, BE) {
            return Some(k);
        }
        let w = p.word(k);
        let between = w.ends_with("ly")
            || matches!(w, "a" | "an" | "\"" | "“" | "'" | "‘")
            || w.eq_ignore_ascii_case("so")
            || w.eq_ignore_ascii_case("very");
        if !between || p.is(k, NEG) {
            return None;
        }
    }
    None
}

/// The group whose act is the subject of `be`: a possessor (`Chile's
/// decision`) or a demonym (`the Chilean blockade`) before a short noun
/// phrase that ends at `be`.
fn act_agent(p: &Parsed<'_>, be: usize) -> Option<usize> {
    let mut k = be;
    let mut words = 0;
    while k > 0 {
        k -= 1;
        if let Some(g) = p.group_of[k] {
            return (words > 0 && p.groups[g].last == k).then_some(g);
        }
        let w = p.word(k);
        if matches!(w, "'s" | "’s") {
            continue;
        }
        let plain = p.toks[k].kind == Kind::Word
            && !p.is(k, PREP)
            && !p.is(k, BREAK)
            && !w.starts_with(|c: char| c.is_uppercase());
        words += 1;
        if !plain || words > ACT_WORDS {
            return None;
        }
    }
    None
}
