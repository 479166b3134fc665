//! The shared claims stage, one copy for every language: what a plugin found
//! in a sentence becomes claims. Symmetric pairing, self-loops after roll-up
//! to states, duplicates, the per-sentence cap and `leader_of` live here, so
//! no plugin writes them again.

use super::officials::Actors;
use super::{Found, SentenceView};
use crate::gazetteer::EntryIndex;
use crate::model::{ActorKind, Claim, Evidence, Lang, Relation};

/// The most relation claims one sentence may yield (`leader_of` not counted):
/// a sentence that seems to say more is usually being misread.
pub(crate) const MAX_CLAIMS_PER_SENTENCE: usize = 12;

/// The pairs a symmetric relation joins: each actor of one side with each of
/// the other (`Japan met China and India`); when one side is empty, every pair
/// within the other (`Japan, China and India met`).
pub(crate) fn symmetric_pairs(
    left: &[EntryIndex],
    right: &[EntryIndex],
) -> Vec<(EntryIndex, EntryIndex)> {
    if !left.is_empty() && !right.is_empty() {
        return left
            .iter()
            .flat_map(|&a| right.iter().map(move |&b| (a, b)))
            .collect();
    }
    let all = if left.is_empty() { right } else { left };
    all.iter()
        .enumerate()
        .flat_map(|(i, &a)| all[i + 1..].iter().map(move |&b| (a, b)))
        .collect()
}

/// Drops what a sentence cannot mean: a relation between two ends of one
/// state (Putin and Russia), membership of anything but a body or group, a
/// repeat, and anything past the cap.
pub(crate) fn guard(view: &SentenceView<'_>, found: &mut Vec<Found>) {
    found.retain(|f| view.state_of(f.source) != view.state_of(f.target));
    // Only bodies and groups have members: `joined the US in expelling` is
    // no membership of the US.
    found.retain(|f| {
        f.relation != Relation::Membership
            || matches!(
                view.kind_of(f.target),
                ActorKind::Organization | ActorKind::Group
            )
    });
    // Two cues telling one act, one of them hedged (`pledged aid`, `対抗措置
    // をとると警告`): the sentence states it.
    if found.iter().any(|f| f.hedged) {
        let stated: Vec<_> = found.iter().filter(|f| !f.hedged).map(key).collect();
        found.retain(|f| !f.hedged || !stated.contains(&key(f)));
    }
    found.dedup();
    found.truncate(MAX_CLAIMS_PER_SENTENCE);
}

/// What a claim says, flags but the hedge aside; a symmetric pair in order.
fn key(f: &Found) -> (EntryIndex, Relation, EntryIndex, bool, Vec<EntryIndex>) {
    let (a, b) = if f.relation.is_symmetric() && f.target < f.source {
        (f.target, f.source)
    } else {
        (f.source, f.target)
    };
    (a, f.relation, b, f.negated, f.attributed_to.clone())
}

/// Whoever joins an act told before does it too, to the same target
/// (`Germany and France followed suit`, `ドイツやフランスも追随した`,
/// `독일·프랑스도 동참했다`, `德国和法国也纷纷跟进`): each actor named before
/// `at` (where the plugin says the joiners end) takes each act of `told`
/// (see `Discourse::told`), unless it is that act's target.
pub(crate) fn joined_acts(
    view: &SentenceView<'_>,
    at: usize,
    told: &[(Relation, EntryIndex)],
    found: &mut Vec<Found>,
) {
    let targets: Vec<&str> = told.iter().map(|&(_, t)| view.state_of(t)).collect();
    let joiners = view
        .mentions
        .iter()
        .filter(|m| m.end <= at && !targets.contains(&view.state_of(m.entry)));
    for m in joiners {
        for &(relation, target) in told {
            let joined = Found {
                source: m.entry,
                relation,
                target,
                negated: false,
                hedged: false,
                attributed_to: Vec::new(),
            };
            if !found.contains(&joined) {
                found.push(joined);
            }
        }
    }
}

/// A meeting held in one party's country is the others' visit there:
/// `met Peru's president in Lima`, `モスクワで…と会談`, `在莫斯科…会谈`,
/// `워싱턴에서 정상회담`. The place is a mention in the sentence, marked as a
/// place by the language (`in`, `で`, `在`, `에서`), of one party's state.
pub(crate) fn hosted_visits(view: &SentenceView<'_>, lang: Lang, found: &mut Vec<Found>) {
    let mut visits = Vec::new();
    for f in found
        .iter()
        .filter(|f| f.relation == Relation::Summit && !f.negated)
    {
        for m in view
            .mentions
            .iter()
            .filter(|m| is_place(view.text, lang, m))
        {
            let host = view.state_of(m.entry);
            let guests = if host == view.state_of(f.source) {
                vec![f.target]
            } else if host == view.state_of(f.target) {
                vec![f.source]
            } else if view.kind_of(m.entry) == ActorKind::Country && at_meeting(view.text, lang, m)
            {
                // Talks in a third state: both parties travel there.
                vec![f.source, f.target]
            } else {
                continue;
            };
            for guest in guests {
                let visit = Found {
                    source: guest,
                    relation: Relation::Visit,
                    target: m.entry,
                    ..f.clone()
                };
                if !visits.contains(&visit) && !found.contains(&visit) {
                    visits.push(visit);
                }
            }
        }
    }
    found.extend(visits);
}

/// English words for a meeting, right before the `in` of its place.
const MEETINGS_EN: [&str; 12] = [
    "talks",
    "summit",
    "met",
    "meet",
    "meets",
    "meeting",
    "meetings",
    "negotiations",
    "held",
    "hold",
    "holds",
    "summits",
];

/// A place named as where a meeting is held (`talks in Malaysia`), not
/// what it is about (`talks on the war in Ukraine`). The markers of the
/// other languages (`で`, `在`, `에서`) are the meeting's own.
fn at_meeting(text: &str, lang: Lang, m: &crate::gazetteer::Mention) -> bool {
    if lang != Lang::En {
        return true;
    }
    let before = text[..m.start].trim_end().strip_suffix("in").unwrap_or("");
    let word = before.trim_end().rsplit(' ').next().unwrap_or("");
    MEETINGS_EN.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// A mention the language marks as the place where something happens.
fn is_place(text: &str, lang: Lang, m: &crate::gazetteer::Mention) -> bool {
    // Abbreviations stand in compounds, which name parties (`在中美会谈中`,
    // `日米で`), and demonyms and persons are no places.
    if m.form != crate::gazetteer::Form::Name {
        return false;
    }
    let (before, after) = (&text[..m.start], &text[m.end..]);
    match lang {
        Lang::En => {
            (before.ends_with(" in ") || before.ends_with(" In "))
                // Not a possessive or a compound: `in Japan's interest`,
                // `in US-Soviet talks`.
                && !after.starts_with(['\'', '’', '-', '/'])
        }
        Lang::Ja => after.starts_with('で') && !after.starts_with("でも"),
        Lang::Zh => before.ends_with('在'),
        Lang::Ko => after.starts_with("에서"),
    }
}

/// `leader_of` for every person named: the office they held on the article's
/// date, once per article.
#[derive(Debug, Default)]
pub(crate) struct Leaders {
    seen: Vec<EntryIndex>,
}

impl Leaders {
    /// Adds a `leader_of` claim for each person first named in this sentence.
    pub(crate) fn add(
        &mut self,
        view: &SentenceView<'_>,
        date: Option<&str>,
        found: &mut Vec<Found>,
    ) {
        for m in view.mentions {
            let entry = view.actors.entry(m.entry);
            if entry.actor.kind != ActorKind::Person || self.seen.contains(&m.entry) {
                continue;
            }
            self.seen.push(m.entry);
            let office = entry.office_on(date);
            if let Some(target) = office.and_then(|o| view.actors.index_of(&o.office_of)) {
                found.push(Found {
                    source: m.entry,
                    relation: Relation::LeaderOf,
                    target,
                    negated: false,
                    hedged: false,
                    attributed_to: Vec::new(),
                });
            }
        }
    }
}

/// The claims of one sentence, each with its evidence; attributions roll up
/// to states, symmetric ends are put in order.
pub(crate) fn to_claims(
    actors: Actors<'_>,
    found: Vec<Found>,
    evidence: &Evidence,
    sink: &mut dyn FnMut(Claim),
) {
    for f in found {
        let mut attributed_to: Vec<_> = f
            .attributed_to
            .iter()
            .map(|&e| actors.entry(e).actor.state().clone())
            .collect();
        attributed_to.sort();
        attributed_to.dedup();
        sink(
            Claim {
                source: actors.entry(f.source).actor.clone(),
                relation: f.relation,
                target: actors.entry(f.target).actor.clone(),
                negated: f.negated,
                hedged: f.hedged,
                attributed_to,
                evidence: evidence.clone(),
            }
            .normalized(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_pairs_cross_two_sides_or_pair_up_one() {
        assert_eq!(symmetric_pairs(&[1], &[2, 3]), [(1, 2), (1, 3)]);
        assert_eq!(symmetric_pairs(&[], &[1, 2, 3]), [(1, 2), (1, 3), (2, 3)]);
        assert_eq!(symmetric_pairs(&[4, 5], &[]), [(4, 5)]);
        assert!(symmetric_pairs(&[7], &[]).is_empty());
    }
}
