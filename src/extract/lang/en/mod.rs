//! English relations: roles from word order, voice, prepositions and nominal forms.
//!
//! A sentence with fewer than two states among its actor mentions is skipped
//! before any other work (unless "the two countries" can stand for the pair of
//! the sentence before). Otherwise it is cut into tokens (actor mentions, words,
//! punctuation) and clauses (`which`, `but`, `while`, `that`, `;` ... open a new
//! one; a relative clause opened after a comma closes at the next comma). Then,
//! for every cue word of the lexicon (`lexicon/en.toml`), the cue's frame gives
//! each actor mention of its clause a role:
//!
//! - verbs: the subject (the nearest actor group before the cue that is not inside
//!   a prepositional phrase; `it`/`they` stand for the subject of the sentence or of
//!   its verb of saying) is the source, the direct object the target; the passive
//!   (`was sanctioned by X`) swaps them; the cue's prepositions (`on`, `against`,
//!   `to`, `with`) introduce the other roles;
//! - nouns: an actor directly before the cue (`Russia's invasion`, `the Russian
//!   invasion`, `US-China talks`) is its agent (or partner); otherwise the clause
//!   subject, when a light verb (`imposed`, `launched`, `signed`) joins them;
//! - verbs of giving (`send`, `deliver`, `provide`): the object names the relation
//!   (weapons: `arms_supply`, food: `humanitarian_aid`, troops: `deployment`);
//! - symmetric relations pair every partner: the subject group (`X and Y signed`),
//!   the object, `with X`, `between X and Y`.
//!
//! A demonym is an actor only before a state organ (`Russian forces`, `Chinese
//! officials`), as a plural (`the Palestinians`), or directly before a cue
//! (`Russian strikes`). The subject of a verb of saying (`X said`, `according to
//! X`) is who the claim is attributed to, never a participant. Negation and hedge
//! words stand before the cue in its clause (`refused to send`, `plans to visit`).

mod frame;
mod lexicon;
mod parse;

use aho_corasick::AhoCorasick;

use crate::extract::{Discourse, Found, SentenceView};
use crate::gazetteer::EntryIndex;
use crate::model::Relation;
use lexicon::{Cue, Flags};

/// The English rule set, built once from the embedded lexicon.
#[derive(Debug)]
pub(crate) struct English {
    cues: Vec<Cue>,
    /// Cue indexes of each automaton pattern (a word may be a verb and a noun).
    words: Vec<Vec<usize>>,
    automaton: AhoCorasick,
    objects: Vec<Relation>,
    object_automaton: AhoCorasick,
    /// Pair phrases (`the two countries`) and sentence-wide hedges, one automaton;
    /// `true` marks a pair phrase.
    phrases: AhoCorasick,
    phrase_is_pair: Vec<bool>,
    flags: Flags,
}

impl English {
    /// The claims of one sentence; remembers the pair of states it is about.
    pub(crate) fn sentence(
        &self,
        view: &SentenceView<'_>,
        discourse: &mut Discourse,
    ) -> Vec<Found> {
        let mentions = view.mentions;
        let mut states: [Option<&str>; 3] = [None; 3];
        let mut n_states = 0;
        for m in mentions {
            let s = view.state_of(m.entry);
            if !states[..n_states.min(3)].contains(&Some(s)) {
                if n_states < 3 {
                    states[n_states] = Some(s);
                }
                n_states += 1;
                if n_states >= 3 {
                    break;
                }
            }
        }
        let sentence = view.sentence();
        let pair = discourse.about;
        if n_states < 2 && pair.is_none() {
            return Vec::new();
        }
        let (mut pair_phrase, mut sentence_hedged) = (false, false);
        let bytes = sentence.as_bytes();
        for m in self.phrases.find_overlapping_iter(sentence) {
            let bounded = (m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric())
                && bytes
                    .get(m.end())
                    .is_none_or(|b| !b.is_ascii_alphanumeric());
            if bounded {
                if self.phrase_is_pair[m.pattern().as_usize()] {
                    pair_phrase = pair.is_some();
                } else {
                    sentence_hedged = true;
                }
            }
        }
        if n_states < 2 && !pair_phrase {
            return Vec::new();
        }
        let parsed = self.parse(view);
        let hits = self.hits(&parsed);
        let mut out = Vec::new();
        if !hits.is_empty() {
            let mut speakers: Vec<EntryIndex> = Vec::new();
            for g in parsed.groups.iter().filter(|g| g.speaker) {
                for &e in &g.entries {
                    if !speakers.contains(&e) {
                        speakers.push(e);
                    }
                }
            }
            let cx = frame::Context {
                view,
                p: &parsed,
                hits: &hits,
                speakers: &speakers,
                sentence_hedged,
                pair: if pair_phrase { pair } else { None },
            };
            for hit in &hits {
                self.frame(&cx, *hit, &mut out);
            }
        }
        // The pair this sentence is about, for "the two countries" in the next one.
        let mut about: Vec<EntryIndex> = Vec::new();
        let mut about_states: Vec<&str> = Vec::new();
        for g in parsed.groups.iter().filter(|g| !g.speaker) {
            for &e in &g.entries {
                let s = view.state_of(e);
                if !about_states.contains(&s) {
                    about_states.push(s);
                    about.push(e);
                }
            }
        }
        match about.len() {
            2 => discourse.about = Some((about[0], about[1])),
            0 | 1 => {}
            _ => discourse.about = None,
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn claims(text: &str) -> Vec<(String, String, String, bool, bool)> {
        let ex = crate::extract::Extractor::new(Gazetteer::builtin());
        let article = crate::extract::article::from_plain(text.to_owned());
        let mut out: Vec<_> = ex
            .extract(&article)
            .into_iter()
            .filter(|c| c.relation != Relation::LeaderOf)
            .map(|c| {
                (
                    c.source.state().as_str().to_owned(),
                    c.relation.as_str().to_owned(),
                    c.target.state().as_str().to_owned(),
                    c.negated,
                    c.hedged,
                )
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn triples(text: &str) -> Vec<String> {
        claims(text)
            .into_iter()
            .map(|(s, r, t, n, h)| {
                format!(
                    "{s} {r} {t}{}{}",
                    if n { " negated" } else { "" },
                    if h { " hedged" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn active_voice_gives_subject_and_preposition_roles() {
        assert_eq!(
            triples("Canada imposed new sanctions on Iran over its drone programme."),
            ["CAN sanctions IRN"]
        );
    }

    #[test]
    fn passive_voice_swaps_roles() {
        assert_eq!(
            triples("Peru was sanctioned by Chile after the border incident."),
            ["CHL sanctions PER"]
        );
    }

    #[test]
    fn nominal_forms_take_the_genitive_or_demonym_as_agent() {
        assert_eq!(
            triples("Spain condemned Morocco's invasion of Mauritania."),
            ["ESP condemnation MAR", "MAR invasion MRT"]
        );
        assert_eq!(
            triples("The Turkish invasion of Cyprus divided the island."),
            ["TUR invasion CYP"]
        );
    }

    #[test]
    fn coordination_pairs_every_partner() {
        assert_eq!(
            triples("Chile, Peru and Bolivia signed a trade agreement on Monday."),
            [
                "BOL agreement CHL",
                "BOL agreement PER",
                "CHL agreement PER"
            ]
        );
    }

    #[test]
    fn talks_between_two_states_leave_the_host_out() {
        assert_eq!(
            triples("Qatar hosted talks between Ethiopia and Eritrea in Doha."),
            ["ERI summit ETH"]
        );
    }

    #[test]
    fn verb_of_giving_takes_its_relation_from_the_object() {
        assert_eq!(
            triples("Sweden delivered artillery shells to Ukraine last month."),
            ["SWE arms_supply UKR"]
        );
        assert_eq!(
            triples("Japan sent tents and medicine to Turkey after the quake."),
            ["JPN humanitarian_aid TUR"]
        );
    }

    #[test]
    fn demonym_counts_only_with_a_state_organ() {
        assert_eq!(
            triples("Indian troops attacked Pakistani positions near the border."),
            Vec::<String>::new()
        );
        assert_eq!(
            triples("Indian forces shelled Pakistan overnight."),
            ["IND attack PAK"]
        );
        assert_eq!(
            triples("Russian civilians fled to Finland."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn negated_claim_is_kept_but_flagged() {
        assert_eq!(
            triples("Austria refused to send weapons to Ukraine."),
            ["AUT arms_supply UKR negated"]
        );
    }

    #[test]
    fn intentions_and_threats_are_hedged() {
        assert_eq!(
            triples("Norway plans to visit Kenya next year."),
            ["NOR visit KEN hedged"]
        );
        assert_eq!(
            triples("Iraq threatened to cut diplomatic ties with Sweden."),
            [
                "IRQ diplomatic_relations SWE negated hedged",
                "IRQ warning SWE"
            ]
        );
    }

    #[test]
    fn a_verb_of_receiving_makes_its_subject_the_target_of_the_noun_after_it() {
        assert_eq!(
            triples("Iran's missile test sparked condemnation from France and Germany."),
            ["DEU condemnation IRN", "FRA condemnation IRN"]
        );
        assert_eq!(
            triples("Cuba faced new sanctions from the United States."),
            ["USA sanctions CUB"]
        );
        assert_eq!(
            triples("Chile received aid from Japan."),
            ["JPN economic_aid CHL"]
        );
        // Without a verb of receiving, the subject of a noun cue stays its agent.
        assert_eq!(
            triples("Canada imposed sanctions on Iran."),
            ["CAN sanctions IRN"]
        );
    }

    #[test]
    fn the_agent_of_a_condemned_act_is_its_target() {
        assert_eq!(
            triples("Canada condemned the air strikes by Israel."),
            ["CAN condemnation ISR"]
        );
        // Only an act right after the verb: a later `by` is another phrase.
        assert_eq!(
            triples("Canada condemned the strikes on Gaza, which were carried out by Israel."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_seat_of_a_coup_or_regime_names_its_state() {
        assert_eq!(
            triples("Canada condemned the military coup in Gabon."),
            ["CAN condemnation GAB"]
        );
        assert_eq!(
            triples("The regime in Tehran expelled two Danish diplomats."),
            ["IRN expulsion DNK"]
        );
        // Any other noun's `in X` is a place, not an actor.
        assert_eq!(
            triples("Canada condemned the bombing in Gabon."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn members_named_after_including_play_the_role_of_their_set() {
        assert_eq!(
            triples(
                "The coup in Gabon was condemned by partners including Kenya, the United Nations and Chile."
            ),
            [
                "CHL condemnation GAB",
                "KEN condemnation GAB",
                "UN condemnation GAB"
            ]
        );
    }

    #[test]
    fn their_before_a_two_sided_noun_stands_for_the_pair_named_before() {
        assert_eq!(
            triples("Kenya and Chile made no comment following their talks."),
            ["CHL summit KEN"]
        );
        // One actor is no pair.
        assert!(triples("Kenya said their talks failed.").is_empty());
        // Their allies are others' allies, not each other.
        assert!(triples("Kenya and Chile asked their allies for help.").is_empty());
    }

    #[test]
    fn speaker_is_attribution_not_participant() {
        let ex = crate::extract::Extractor::new(Gazetteer::builtin());
        let article = crate::extract::article::from_plain(
            "Vietnam attacked Cambodia on Sunday, Thailand said.".to_owned(),
        );
        let claims = ex.extract(&article);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].source.id.as_str(), "VNM");
        assert_eq!(claims[0].target.id.as_str(), "KHM");
        assert_eq!(claims[0].attributed_to.len(), 1);
        assert_eq!(claims[0].attributed_to[0].as_str(), "THA");
    }

    #[test]
    fn relative_clause_keeps_its_antecedent_and_the_main_subject() {
        assert_eq!(
            triples("Ghana, which borders Togo, expelled two Nigerian diplomats."),
            ["GHA expulsion NGA"]
        );
    }

    #[test]
    fn the_two_countries_stand_for_the_pair_before() {
        assert_eq!(
            triples(
                "Kenya's president met Uganda's president.\nThe two countries signed a border treaty."
            ),
            ["KEN agreement UGA", "KEN summit UGA"]
        );
    }

    #[test]
    fn lexicon_loads_and_names_ontology_relations() {
        let en = English::builtin();
        assert!(en.cues.len() > 30);
        assert!(!en.objects.is_empty());
    }
}
