//! Words that stand for a state: a bare seat of power (`軍政は`, `政権に`) for
//! the state last named with one (`ニジェール軍政`), `同国` (the said country)
//! for the state last named, and a bare organ that only Japan calls so
//! (`外務省`, `防衛省`: Korea and China have a 外交部 and a 国防部) for Japan.
//! Bare `政府` is left out: the Japanese press writes it for Japan's own
//! government, but the Japanese editions of Korean and Chinese outlets for
//! theirs.

use super::{Japanese, is_noun_char};
use crate::extract::{Discourse, SentenceView};
use crate::gazetteer::{Form, Mention};
use crate::model::ActorKind;

/// Particles a standing-alone noun is followed by (`軍政は`, `同国に`).
const PARTICLES: &str = "はがをにのもとへでや";

/// Organs `同国` may head (`同国政府`, `同国外務省`).
const ORGANS: &[&str] = &[
    "政府",
    "軍",
    "首脳",
    "外務省",
    "外相",
    "大統領",
    "首相",
    "当局",
];

impl Japanese {
    /// The sentence's bare seats of power and `同国`, as mentions of the
    /// states they stand for.
    pub(super) fn bare_states(
        &self,
        view: &SentenceView<'_>,
        discourse: &Discourse,
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        let sentence = view.sentence();
        let agents: Vec<_> = view
            .mentions
            .iter()
            .filter(|m| view.text[m.end..].starts_with(['は', 'が']))
            .map(|m| m.entry)
            .collect();
        let words = self.flags.seats.iter().map(|w| (w, Stands::Seat));
        let words = words.chain(self.flags.same_state.iter().map(|w| (w, Stands::Same)));
        let words = words.chain(self.flags.own_organs.iter().map(|w| (w, Stands::Japan)));
        for (word, stands) in words {
            let same = stands == Stands::Same;
            for (i, _) in sentence.match_indices(word.as_str()) {
                let start = view.range.start + i;
                let end = start + word.len();
                let rest = &view.text[end..view.range.end];
                let alone = view.text[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(is_noun_char(c) || c == '・'));
                // `中国の外務省`: China's, not Japan's.
                let owned = view.text[..start]
                    .strip_suffix('の')
                    .is_some_and(|head| view.mentions.iter().any(|m| m.end == head.len()));
                let alone = alone && !(stands == Stands::Japan && owned);
                let heads = rest.starts_with(|c: char| PARTICLES.contains(c))
                    || same && ORGANS.iter().any(|o| rest.starts_with(o))
                    || stands == Stands::Japan;
                let taken = view
                    .mentions
                    .iter()
                    .chain(&out)
                    .any(|m| m.start < end && start < m.end);
                if !alone || !heads || taken {
                    continue;
                }
                let state = match stands {
                    // Not the sentence's own agent (`日本は同国に`: another).
                    Stands::Same => last_state(view, start)
                        .filter(|&e| !agents.contains(&e))
                        .or(discourse.last_state),
                    Stands::Seat => discourse.seat,
                    Stands::Japan => self
                        .flags
                        .own_state
                        .as_ref()
                        .and_then(|id| view.actors.index_of(id)),
                };
                if let Some(entry) = state {
                    out.push(Mention {
                        entry,
                        start,
                        end,
                        form: Form::Name,
                    });
                }
            }
        }
        out
    }

    /// Remembers the state last named, and the one last named before a seat
    /// of power, for the sentences after this one.
    pub(super) fn remember_states(&self, view: &SentenceView<'_>, discourse: &mut Discourse) {
        if let Some(entry) = last_state(view, view.range.end) {
            discourse.last_state = Some(entry);
        }
        for m in view.mentions {
            let rest = &view.text[m.end..view.range.end];
            if self
                .flags
                .seats
                .iter()
                .any(|w| rest.starts_with(w.as_str()))
            {
                discourse.seat = Some(m.entry);
            }
        }
    }
}

/// What a word of this module stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stands {
    /// The state last named with a seat of power.
    Seat,
    /// The state last named.
    Same,
    /// Japan, whose organs the word names.
    Japan,
}

/// The last state the sentence names by name before byte `before`.
fn last_state(view: &SentenceView<'_>, before: usize) -> Option<crate::gazetteer::EntryIndex> {
    view.mentions
        .iter()
        .rev()
        .filter(|m| m.end <= before && m.form == Form::Name)
        .find(|m| view.kind_of(m.entry) == ActorKind::Country)
        .map(|m| m.entry)
}
