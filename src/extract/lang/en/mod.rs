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
mod judgment;
mod lexicon;
mod parse;

use aho_corasick::AhoCorasick;

use crate::extract::{Disaster, Discourse, Found, SentenceView};
use crate::gazetteer::{EntryIndex, Form, Mention};
use crate::model::{ActorKind, Relation};
use lexicon::{Cue, Flags};

/// The English rule set, built once from the embedded lexicon.
#[derive(Debug)]
pub(crate) struct English {
    cues: Vec<Cue>,
    /// Cue indexes of each automaton pattern (a word may be a verb and a noun).
    words: Vec<Vec<usize>>,
    automaton: AhoCorasick,
    objects: Vec<lexicon::Object>,
    object_automaton: AhoCorasick,
    /// Pair phrases (`the two countries`), sentence-wide hedges and act
    /// phrases (`the move`), one automaton; `phrase_kinds` says which is which.
    phrases: AhoCorasick,
    phrase_kinds: Vec<Phrase>,
    /// Natural disasters (`earthquake`): aid in an article naming one is humanitarian.
    disasters: AhoCorasick,
    /// Words that join an act told before (`followed suit`).
    joining: AhoCorasick,
    flags: Flags,
}

impl English {
    /// The claims of one sentence; remembers the pair of states it is about
    /// and the agents of the acts it names.
    pub(crate) fn sentence(
        &self,
        view: &SentenceView<'_>,
        discourse: &mut Discourse,
    ) -> Vec<Found> {
        let Some(anaphor) = self.opening_anaphor(view, discourse) else {
            return self.read(view, discourse);
        };
        let mut mentions = Vec::with_capacity(view.mentions.len() + 1);
        mentions.push(anaphor);
        mentions.extend_from_slice(view.mentions);
        let view = SentenceView {
            mentions: &mentions,
            ..view.clone()
        };
        self.read(&view, discourse)
    }

    /// `He` or `She` opening a sentence, as a mention of the person who led
    /// the last sentence that named one, and a description of a state (`The
    /// kingdom`, `The country`) for the state that led it: news goes on about
    /// its subject (`Putin arrived in Beijing. He met Xi.`). A pronoun inside
    /// a sentence has its antecedents there (see `parse`).
    fn opening_anaphor(&self, view: &SentenceView<'_>, discourse: &Discourse) -> Option<Mention> {
        let sentence = view.sentence();
        let start = sentence.len() - sentence.trim_start().len();
        let opening = &sentence[start..];
        if !opening.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let word = opening.split(|c: char| !c.is_ascii_alphabetic()).next()?;
        let (entry, len, form) =
            if lexicon::with_lower(word, |w| self.flags.person_pronouns.contains(w), false) {
                (discourse.lead_person?, word.len(), Form::Family)
            } else {
                // Longest first: a description wins over its own first words.
                let description = self.flags.state_descriptions.iter().find(|d| {
                    opening
                        .get(..d.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(d))
                        && !opening[d.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                })?;
                (discourse.lead_state?, description.len(), Form::Name)
            };
        let start = view.range.start + start;
        Some(Mention {
            entry,
            start,
            end: start + len,
            form,
        })
    }

    fn read(&self, view: &SentenceView<'_>, discourse: &mut Discourse) -> Vec<Found> {
        let n_states = count_states(view);
        // A disaster that matters strikes somewhere named (`an earthquake in
        // Morocco`): sentences without actors are not searched.
        if n_states > 0 {
            discourse.note_disaster(view, || self.disaster_in(view));
        }
        let pair = discourse.about;
        let acted = !discourse.acted.is_empty() && n_states > 0;
        // A lone state may send relief to where a disaster struck.
        let relief = discourse.stricken.is_some() && n_states > 0;
        if n_states < 2 && pair.is_none() && !acted && !relief {
            return Vec::new();
        }
        let phrases = self.phrases(view, pair.is_some(), acted);
        if n_states < 2 && !phrases.pair && phrases.acts.is_empty() && !relief {
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
                sentence_hedged: phrases.hedged,
                pair: if phrases.pair { pair } else { None },
                disaster: discourse.disaster,
                stricken: discourse.stricken,
                acts: &phrases.acts,
                acted: &discourse.acted,
            };
            for hit in &hits {
                self.frame(&cx, *hit, &mut out);
            }
        }
        self.judgments(view, &parsed, &mut out);
        remember_about(view, &parsed, discourse);
        remember_agents(view, &out, discourse);
        out
    }

    /// The phrases of a sentence that hold for all of it: a pair phrase
    /// (when there is a pair to stand for), a sentence-wide hedge, and
    /// where a named act begins (when there are agents to stand for).
    fn phrases(&self, view: &SentenceView<'_>, pair: bool, acted: bool) -> Phrases {
        let sentence = view.sentence();
        let bytes = sentence.as_bytes();
        let mut found = Phrases::default();
        for m in self.phrases.find_overlapping_iter(sentence) {
            if !whole_word(bytes, &m) {
                continue;
            }
            match self.phrase_kinds[m.pattern().as_usize()] {
                Phrase::Pair => found.pair |= pair,
                Phrase::Hedge => found.hedged = true,
                Phrase::Act if acted => {
                    let at = view.range.start;
                    found.acts.push((at + m.start(), at + m.end()));
                }
                Phrase::Act => {}
            }
        }
        found
    }

    /// Where the sentence joins an act told before (see
    /// [`crate::extract::lang::Language::joining_at`]).
    /// `did not follow suit` is no joining.
    pub(crate) fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize> {
        let sentence = view.sentence();
        let bytes = sentence.as_bytes();
        let m = self
            .joining
            .find_iter(sentence)
            .find(|m| whole_word(bytes, m))?;
        let before = sentence[..m.start()].trim_end();
        let negated = ["not", "n't", "never"].iter().any(|n| before.ends_with(n));
        (!negated).then_some(view.range.start + m.start())
    }

    /// The natural disaster the sentence names as a whole word, placed in a
    /// state named before it (`Nepal earthquake`, `Nepal's deadly quake`) or
    /// after it through a word of place (`an earthquake of magnitude 7.8 in
    /// Nepal`, `the quake that struck Nepal`).
    fn disaster_in(&self, view: &SentenceView<'_>) -> Disaster {
        let sentence = view.sentence();
        let bytes = sentence.as_bytes();
        let s0 = view.range.start;
        let words = self
            .disasters
            .find_overlapping_iter(sentence)
            .filter(|m| whole_word(bytes, m))
            .map(|m| (s0 + m.start(), s0 + m.end()));
        Disaster::read(words, |start, end| {
            disaster_place_before(view, start).or_else(|| disaster_place_after(view, end))
        })
    }
}

/// A state right before a disaster word: `Nepal earthquake`, `Turkish quake`,
/// or a possessive with at most two words between (`Morocco's deadly quake`).
fn disaster_place_before(view: &SentenceView<'_>, word_start: usize) -> Option<EntryIndex> {
    let m = view.state_before(word_start)?;
    let between = &view.text[m.end..word_start];
    let possessive = between
        .strip_prefix("'s ")
        .or_else(|| between.strip_prefix("’s "))
        .is_some_and(|rest| rest.split_whitespace().count() <= 2 && !rest.contains([',', ';']));
    let adjacent = between == " ";
    (adjacent || possessive).then_some(m.entry)
}

/// Words that place a disaster in what follows (`in`, `struck`).
const DISASTER_PLACES: &[&str] = &[
    "in",
    "on",
    "off",
    "across",
    "near",
    "hit",
    "hits",
    "struck",
    "strikes",
    "rocked",
    "rocks",
    "shook",
    "devastated",
    "ravaged",
    "battered",
    "swept",
];

/// A state after a disaster word, reached through a word of place within six
/// words of one clause (`quake of magnitude 7.8 struck central Nepal`).
fn disaster_place_after(view: &SentenceView<'_>, word_end: usize) -> Option<EntryIndex> {
    let m = view.mentions.iter().find(|m| m.start >= word_end)?;
    let between = &view.text[word_end..m.start];
    let words: Vec<&str> = between.split_whitespace().collect();
    let placed = words.iter().any(|w| DISASTER_PLACES.contains(w));
    (placed
        && words.len() <= 6
        && !between.contains([',', ';', '.'])
        && view.kind_of(m.entry) == ActorKind::Country)
        .then_some(m.entry)
}

/// What a phrase of the `phrases` automaton says of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phrase {
    /// `the two countries`: the pair of the sentence before.
    Pair,
    /// `reportedly`: every claim is hedged.
    Hedge,
    /// `the move`: the act the sentence before named.
    Act,
}

/// The sentence-wide phrases found in one sentence.
#[derive(Debug, Default)]
struct Phrases {
    pair: bool,
    hedged: bool,
    /// Where each act phrase starts and ends, in the article's text.
    acts: Vec<(usize, usize)>,
}

/// A match with no letter or digit on either side.
fn whole_word(bytes: &[u8], m: &aho_corasick::Match) -> bool {
    (m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric())
        && bytes
            .get(m.end())
            .is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// The number of states the sentence's mentions roll up to, counted to three.
fn count_states(view: &SentenceView<'_>) -> usize {
    let mut states: [Option<&str>; 3] = [None; 3];
    let mut n_states = 0;
    for m in view.mentions {
        let s = view.state_of(m.entry);
        if !states[..n_states].contains(&Some(s)) {
            states[n_states] = Some(s);
            n_states += 1;
            if n_states == 3 {
                break;
            }
        }
    }
    n_states
}

/// The pair this sentence is about, for "the two countries" in the next one.
fn remember_about(view: &SentenceView<'_>, parsed: &parse::Parsed<'_>, discourse: &mut Discourse) {
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
}

/// The agents of the acts this sentence asserts or denies (both parties of
/// a symmetric one), for "the move" in a later sentence. A sentence without
/// claims leaves those of the last one.
fn remember_agents(view: &SentenceView<'_>, out: &[Found], discourse: &mut Discourse) {
    let mut agents: Vec<EntryIndex> = Vec::new();
    for f in out.iter().filter(|f| f.relation != Relation::LeaderOf) {
        agents.push(f.source);
        if f.relation.is_symmetric() {
            agents.push(f.target);
        }
    }
    if !agents.is_empty() {
        view.dedup_states(&mut agents);
        discourse.acted = agents;
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
    fn demonym_counts_only_with_a_state_organ_or_place() {
        // Positions are a place of the state that holds them.
        assert_eq!(
            triples("Indian troops attacked Pakistani positions near the border."),
            ["IND attack PAK"]
        );
        assert!(triples("Indian troops attacked Pakistani militants.").is_empty());
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
        // An act's `by` phrase names the subject that receives.
        assert_eq!(
            triples("A decision by Chile drew criticism from Peru."),
            ["PER condemnation CHL"]
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
    fn members_listed_after_a_subject_act_for_it() {
        assert_eq!(
            triples("Several states, including Peru and Chile, imposed sanctions on Bolivia."),
            ["CHL sanctions BOL", "PER sanctions BOL"]
        );
        // Peru's allies are not Peru.
        assert_eq!(
            triples(
                "Peru's allies, including Chile, Ecuador and Brazil, imposed sanctions on Bolivia."
            ),
            [
                "BRA sanctions BOL",
                "CHL sanctions BOL",
                "ECU sanctions BOL"
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
    fn an_act_told_before_names_the_target_of_its_condemnation() {
        assert_eq!(
            triples("Chile imposed sanctions on Bolivia.\nPeru's president condemned the move."),
            ["CHL sanctions BOL", "PER condemnation CHL"]
        );
        // Both parties of a symmetric act.
        assert_eq!(
            triples("Chile and Bolivia signed a border treaty.\nPeru condemned the decision."),
            [
                "BOL agreement CHL",
                "PER condemnation BOL",
                "PER condemnation CHL"
            ]
        );
        // An act whose agent is named is that agent's.
        assert_eq!(
            triples("Chile imposed sanctions on Bolivia.\nPeru condemned the move by Argentina."),
            ["CHL sanctions BOL", "PER condemnation ARG"]
        );
        // With no act told before, `the move` names no one.
        assert!(triples("Peru condemned the move.").is_empty());
        // `it` stands for the act told before, unless its own sentence named one.
        assert_eq!(
            triples("Chile imposed sanctions on Bolivia.\nPeru condemned it."),
            ["CHL sanctions BOL", "PER condemnation CHL"]
        );
        assert_eq!(
            triples(
                "Chile imposed sanctions on Bolivia.\nPeru accused Ecuador of a raid and condemned it."
            ),
            ["CHL sanctions BOL", "PER condemnation ECU hedged"]
        );
    }

    #[test]
    fn naming_an_act_by_a_word_of_blame_condemns_its_agent() {
        assert_eq!(
            triples("Ghana called the Togolese blockade illegal."),
            ["GHA condemnation TGO"]
        );
        assert_eq!(
            triples("Mali described Niger's decision as a provocation."),
            ["MLI condemnation NER"]
        );
        assert_eq!(
            triples("Chile imposed sanctions on Bolivia.\nPeru branded it reckless."),
            ["CHL sanctions BOL", "PER condemnation CHL"]
        );
        // Without a word of blame, `called` is a phone call.
        assert_eq!(
            triples("The Ghanaian president called Togo's leader on Monday."),
            ["GHA summit TGO"]
        );
        // `called on` and `called for` urge; they do not blame.
        assert!(triples("Ghana called on Togo to end the illegal blockade.").is_empty());
    }

    #[test]
    fn their_before_a_verb_s_noun_names_the_group_before_as_its_agent() {
        assert_eq!(
            triples(
                "Peru recalled its envoys from Chile and Bolivia after their decision to recognise Kosovo."
            ),
            ["BOL recognition XKX", "CHL recognition XKX"]
        );
        // Not before a cue noun: `their allies` are not each other's.
        assert!(triples("Chile and Peru urged their allies to act.").is_empty());
    }

    #[test]
    fn aid_of_no_stated_kind_is_humanitarian_after_a_disaster() {
        assert_eq!(
            triples("Chile sent aid to Morocco."),
            ["CHL economic_aid MAR"]
        );
        assert_eq!(
            triples("Floods hit Morocco on Friday.\nChile sent aid to Morocco."),
            ["CHL humanitarian_aid MAR"]
        );
        assert_eq!(
            triples("After the earthquake, Chile sent $5 million to Morocco."),
            ["CHL humanitarian_aid MAR"]
        );
        // A loan stays a loan.
        assert_eq!(
            triples("After the earthquake, Chile granted a loan to Morocco."),
            ["CHL economic_aid MAR"]
        );
    }

    #[test]
    fn an_amount_is_measured_in_the_object_after_it() {
        assert_eq!(
            triples("Chile sent $5 million in humanitarian aid to Peru."),
            ["CHL humanitarian_aid PER"]
        );
        assert_eq!(
            triples("Chile sold billions of dollars of weapons to Peru."),
            ["CHL arms_supply PER"]
        );
    }

    #[test]
    fn armed_forces_arriving_are_a_deployment() {
        assert_eq!(
            triples("Kenyan police arrived in Haiti on Tuesday."),
            ["KEN deployment HTI"]
        );
        assert_eq!(
            triples("Chile's special forces arrived in Peru."),
            ["CHL deployment PER"]
        );
        assert_eq!(
            triples("Kenya's president arrived in Haiti."),
            ["KEN visit HTI"]
        );
    }

    #[test]
    fn troops_a_state_has_or_keeps_somewhere_are_a_deployment() {
        assert_eq!(
            triples("Peru keeps 900 soldiers in Haiti."),
            ["PER deployment HTI"]
        );
        assert_eq!(
            triples("Belgian troops in Chad left."),
            ["BEL deployment TCD"]
        );
        // Deployed, in the passive: the forces' state sends them.
        assert_eq!(
            triples("Ghanaian peacekeepers were stationed in Lebanon."),
            ["GHA deployment LBN"]
        );
        // Troops leaving a place are not kept there.
        assert!(triples("Peru pulled its troops out of Haiti.").is_empty());
    }

    #[test]
    fn troops_a_verb_deploys_take_its_prepositions() {
        assert_eq!(
            triples("Chile deployed 400 troops to Haiti."),
            ["CHL deployment HTI"]
        );
        assert_eq!(
            triples("Ghana stationed peacekeepers in Lebanon."),
            ["GHA deployment LBN"]
        );
        // A preposition between: the troops are another phrase's.
        assert!(triples("Chile deployed to the border with troops from Peru.").is_empty());
    }

    #[test]
    fn fighting_between_two_states_is_hostility() {
        assert_eq!(
            triples("Fighting between Peru and Ecuador went on."),
            ["ECU hostility PER"]
        );
        assert_eq!(
            triples("Peruvian and Ecuadorian troops clashed near the river."),
            ["ECU hostility PER"]
        );
        assert_eq!(
            triples("Peru exchanged fire with Ecuador."),
            ["ECU hostility PER"]
        );
        // States fighting something else are no pair of foes.
        assert!(triples("Mali and Niger are fighting insurgencies.").is_empty());
    }

    #[test]
    fn a_cue_ending_in_its_preposition_takes_the_actor_after() {
        assert_eq!(
            triples("Peru went to war with Ecuador."),
            ["ECU hostility PER"]
        );
        assert_eq!(
            triples("The war between Peru and Ecuador ended."),
            ["ECU hostility PER"]
        );
    }

    #[test]
    fn a_state_s_places_name_it() {
        assert_eq!(
            triples("Peru launched air strikes on Ecuadorian towns."),
            ["PER attack ECU"]
        );
        assert_eq!(
            triples("Peruvian drones struck Ecuadorian oil refineries."),
            ["PER attack ECU"]
        );
    }

    #[test]
    fn what_sanctions_single_out_stands_for_its_state() {
        assert_eq!(
            triples("Canada imposed sanctions on Peruvian banks."),
            ["CAN sanctions PER"]
        );
        assert_eq!(
            triples("Chile put tariffs on Peruvian copper."),
            ["CHL sanctions PER"]
        );
        // With no sanctions before it, the firms are no state.
        assert!(triples("Chile praised Peruvian firms.").is_empty());
    }

    #[test]
    fn who_joins_another_in_an_act_does_it_too() {
        assert_eq!(
            triples("Peru joined the EU in imposing sanctions on Chile."),
            ["EU sanctions CHL", "PER sanctions CHL"]
        );
        assert_eq!(
            triples("Peru followed Bolivia in expelling Chilean diplomats."),
            ["BOL expulsion CHL", "PER expulsion CHL"]
        );
        // Joining a body in a month is still membership.
        assert_eq!(
            triples("Peru joined NATO in April."),
            ["PER membership NATO"]
        );
    }

    #[test]
    fn ties_a_state_has_are_stated() {
        assert_eq!(
            triples("Peru has close diplomatic ties with Chile."),
            ["CHL diplomatic_relations PER"]
        );
    }

    #[test]
    fn a_modifier_coordinated_before_a_cue_shares_its_head() {
        assert_eq!(
            triples("Peru has diplomatic and security ties with Chile."),
            [
                "CHL diplomatic_relations PER",
                "CHL military_cooperation PER"
            ]
        );
        assert_eq!(
            triples("Peru expanded economic and military cooperation with Chile."),
            ["CHL cooperation PER", "CHL military_cooperation PER"]
        );
    }

    #[test]
    fn money_in_any_currency_is_measured_in_the_aid_after_it() {
        assert_eq!(
            triples("Chile gave Peru 2 billion pounds in military aid."),
            ["CHL military_aid PER"]
        );
        assert_eq!(
            triples("Chile lent Peru 500 million yuan."),
            ["CHL economic_aid PER"]
        );
    }

    #[test]
    fn a_phone_call_is_talks() {
        assert_eq!(
            triples("Peru's president spoke by phone with the Ecuadorian president."),
            ["ECU summit PER"]
        );
    }

    #[test]
    fn a_description_before_a_name_keeps_it_in_its_list() {
        assert_eq!(
            triples("Gabon's coup was condemned by Kenya and former colonial power France."),
            ["FRA condemnation GAB", "KEN condemnation GAB"]
        );
        assert_eq!(
            triples("Peru and its neighbour Chile signed a treaty."),
            ["CHL agreement PER"]
        );
    }

    #[test]
    fn a_headline_s_capitals_join_no_verb_or_preposition() {
        assert_eq!(
            triples("Ghana Condemns Togolese Army Blockade"),
            ["GHA condemnation TGO"]
        );
        assert_eq!(
            triples("Peru Slams Chile Over Bolivia Border Deal"),
            ["PER condemnation CHL"]
        );
        assert_eq!(
            triples("Peru And Chile Sign Border Deal"),
            ["CHL agreement PER"]
        );
    }

    #[test]
    fn a_judgment_reported_as_speech_condemns_the_act_s_agent() {
        assert_eq!(
            triples("Peru said Chile's border decision was illegal."),
            ["PER condemnation CHL"]
        );
        assert_eq!(
            triples("Togo's blockade is \"totally unacceptable\", Ghana said."),
            ["GHA condemnation TGO"]
        );
        assert_eq!(
            triples("Ghana said the Togolese blockade was a violation of the treaty."),
            ["GHA condemnation TGO"]
        );
        // Denied, or said of no one's act, it blames nobody.
        assert!(triples("Peru said Chile's decision was not illegal.").is_empty());
        assert!(triples("Peru and Chile said the war was illegal.").is_empty());
    }

    #[test]
    fn a_visitor_is_the_subject_of_the_purpose_after_the_visit() {
        assert_eq!(
            triples("Peru visited Chile on Monday to express support for Bolivia."),
            ["PER support BOL", "PER visit CHL"]
        );
    }

    #[test]
    fn welcoming_a_person_is_a_greeting_not_support() {
        assert_eq!(
            triples("Chile welcomed Peru's decision."),
            ["CHL support PER"]
        );
        assert_eq!(
            triples("Gabriel Boric welcomed Dina Boluarte on Monday."),
            ["PER summit CHL"]
        );
    }

    #[test]
    fn accepting_is_receiving() {
        assert_eq!(
            triples("Morocco accepted aid from Spain."),
            ["ESP economic_aid MAR"]
        );
        // `so far` is an adverbial, not a clause opened by `so`.
        assert_eq!(
            triples("Chad has so far accepted aid from Niger."),
            ["NER economic_aid TCD"]
        );
    }

    #[test]
    fn a_cue_after_a_noun_cue_heads_the_compound() {
        assert_eq!(
            triples("Peru accepted aid pledges from Chile and Bolivia."),
            ["BOL economic_aid PER", "CHL economic_aid PER"]
        );
        assert_eq!(
            triples("Ghana imposed an arms embargo on Togo."),
            ["GHA sanctions TGO"]
        );
    }

    #[test]
    fn what_talks_are_about_is_sought_not_stated() {
        assert_eq!(
            triples("Ghana and Togo began ceasefire talks on Monday."),
            ["GHA summit TGO"]
        );
        assert_eq!(
            triples("Ghana and Togo signed a ceasefire agreement."),
            ["GHA agreement TGO"]
        );
    }

    #[test]
    fn thanks_are_courtesy_not_support() {
        assert!(triples("Peru thanked Chile for its hospitality.").is_empty());
        assert_eq!(
            triples("Peru backed Chile in the dispute."),
            ["PER support CHL"]
        );
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
    fn a_possessive_pronoun_before_an_act_names_its_agent() {
        assert_eq!(
            triples("The sanctions punish Peru for its invasion of Chile."),
            ["PER invasion CHL"]
        );
        assert_eq!(
            triples("Kenya and Ghana defended their strikes on Togo."),
            ["GHA attack TGO", "KEN attack TGO"]
        );
    }

    #[test]
    fn he_or_the_country_opening_a_sentence_is_who_led_the_last_one() {
        assert_eq!(
            triples(
                "Kenyan President William Ruto flew to Nigeria.\nHe criticised Ghana on Friday."
            ),
            ["KEN condemnation GHA", "KEN visit NGA"]
        );
        assert_eq!(
            triples("Peru was hit by floods.\nThe country accepted aid from Chile and Japan."),
            ["CHL humanitarian_aid PER", "JPN humanitarian_aid PER"]
        );
        // No person named before: the pronoun stands for nobody.
        assert_eq!(
            triples("The report was long.\nShe criticised Ghana."),
            Vec::<String>::new()
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
    fn a_buyer_gets_the_goods_from_the_state_they_are_named_for() {
        assert_eq!(
            triples("Peru bought four South Korean fighter jets."),
            ["KOR arms_supply PER"]
        );
        assert_eq!(
            triples("Algeria has signed a deal to purchase Chinese drones."),
            ["CHN arms_supply DZA"]
        );
        // Receiving names no seller: the missiles may have been fired.
        assert!(triples("Georgia received Russian missiles overnight.").is_empty());
        assert!(triples("Peru bought Korean rice.").is_empty());
    }

    #[test]
    fn a_member_is_named_in_apposition_either_side() {
        assert_eq!(
            triples("Nigeria, an OPEC member, objected."),
            ["NGA membership OPEC"]
        );
        assert_eq!(
            triples("Fellow ASEAN member Laos abstained."),
            ["LAO membership ASEAN"]
        );
        assert_eq!(
            triples("Finland became NATO's newest member."),
            ["FIN membership NATO"]
        );
    }

    #[test]
    fn a_reason_after_for_is_told_as_fact() {
        assert_eq!(
            triples("Canada did not spare Mali from sanctions for buying Russian rockets."),
            ["RUS arms_supply MLI"]
        );
        assert_eq!(
            triples("Norway did not buy Swedish tanks."),
            ["SWE arms_supply NOR negated"]
        );
    }

    #[test]
    fn lexicon_loads_and_names_ontology_relations() {
        let en = English::builtin();
        assert!(en.cues.len() > 30);
        assert!(!en.objects.is_empty());
    }
    #[test]
    fn a_planned_or_ordered_act_is_the_subject_s_and_a_plan_is_hedged() {
        assert_eq!(
            triples("Peru has been planning this offensive against Bolivia for months."),
            ["PER attack BOL hedged"]
        );
        assert_eq!(
            triples("Chile authorized air strikes on Bolivia."),
            ["CHL attack BOL"]
        );
    }

    #[test]
    fn back_before_a_preposition_is_the_adverb_not_support() {
        assert!(triples("Ecuador came back within Peru's orbit.").is_empty());
        assert!(triples("Chile went back to Bolivia for more talks.").is_empty());
        assert_eq!(
            triples("Chile will back Bolivia."),
            ["CHL support BOL hedged"]
        );
    }
    #[test]
    fn a_place_struck_is_the_target_when_no_actor_is_the_object() {
        assert_eq!(
            triples("Chile struck targets in Bolivia."),
            ["CHL attack BOL"]
        );
        assert_eq!(
            triples("Chile launched strikes against military sites in Bolivia."),
            ["CHL attack BOL"]
        );
        // An actor as object is the target; the place is only where.
        assert_eq!(
            triples("Chile attacked Peru in Bolivia."),
            ["CHL attack PER"]
        );
    }

    #[test]
    fn a_verb_cue_after_a_determiner_or_preposition_is_a_noun() {
        // `the occupied West Bank` names a place, not an act of Peru's.
        assert_eq!(
            triples("Chile warned Peru that the occupied West Bank matters."),
            ["CHL warning PER"]
        );
        assert_eq!(
            triples("Chile called for a ceasefire and accused Peru."),
            ["CHL condemnation PER hedged"]
        );
    }

    #[test]
    fn disappointment_at_another_s_act_is_criticism_in_either_voice() {
        assert_eq!(
            triples("Peru is deeply disappointed with Chile's decision."),
            ["PER condemnation CHL"]
        );
        assert_eq!(
            triples("Peru was disappointed by Chile's decision."),
            ["PER condemnation CHL"]
        );
        assert_eq!(
            triples("Peru expressed dismay at Chile's move."),
            ["PER condemnation CHL"]
        );
        assert_eq!(
            triples("Peru voiced strong dissatisfaction with Chile's tariffs."),
            ["PER condemnation CHL"]
        );
        assert_eq!(
            triples("Peru expressed regret over the Chilean decision."),
            ["PER condemnation CHL"]
        );
        assert!(triples("Peru is disappointed.").is_empty());
    }

    #[test]
    fn trade_with_a_partner_is_trade_but_a_trade_war_is_not() {
        assert_eq!(triples("Peru's trade with Chile grew."), ["PER trade CHL"]);
        assert_eq!(triples("Peru trades with Chile."), ["PER trade CHL"]);
        assert!(triples("Peru's trade war with Chile deepened.").is_empty());
        assert_eq!(
            triples("Peru's trade minister visited Chile."),
            ["PER visit CHL"]
        );
    }
    #[test]
    fn a_draft_pact_is_not_yet_agreed() {
        assert_eq!(
            triples("Peru and Chile signed a draft agreement."),
            ["CHL agreement PER hedged"]
        );
    }
}
