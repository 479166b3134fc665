//! The English lexicon (`lexicon.toml`) as typed, checked data: cues with
//! their frames, objects of verbs of giving, and the word classes of `[flags]`,
//! one bit each, looked up once per token.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use super::{English, Phrase};
use crate::extract::lexicon::{self, LexiconError};
use crate::model::Relation;

pub(super) const LEXICON: &str = include_str!("lexicon.toml");

/// Tokens after a cue in which its prepositions are looked for, by default.
pub(super) const WINDOW: usize = 10;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LexiconFile {
    /// A user cue file's language (see `extract::lexicon::UserLexicon`).
    #[serde(default, rename = "lang")]
    _lang: Option<String>,
    pub(super) flags: FlagsDef,
    pub(super) cue: Vec<CueDef>,
    pub(super) object: Vec<ObjectDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FlagsDef {
    pub(super) negation: Vec<String>,
    pub(super) hedge: Vec<String>,
    pub(super) sentence_hedge: Vec<String>,
    pub(super) report: Vec<String>,
    pub(super) report_weak: Vec<String>,
    pub(super) clause_breaks: Vec<String>,
    pub(super) adverbial_breaks: Vec<String>,
    pub(super) be: Vec<String>,
    pub(super) light_verbs: Vec<String>,
    pub(super) state_nouns: Vec<String>,
    pub(super) state_places: Vec<String>,
    pub(super) not_state_nouns: Vec<String>,
    pub(super) modifiers: Vec<String>,
    pub(super) determiners: Vec<String>,
    pub(super) prepositions: Vec<String>,
    pub(super) pronouns: Vec<String>,
    pub(super) person_pronouns: Vec<String>,
    pub(super) state_descriptions: Vec<String>,
    pub(super) judgments: Vec<String>,
    pub(super) noun_markers: Vec<String>,
    pub(super) participles: Vec<String>,
    pub(super) partner_prepositions: Vec<String>,
    pub(super) pair_prepositions: Vec<String>,
    pub(super) conditionals: Vec<String>,
    pub(super) governing_hedges: Vec<String>,
    pub(super) governing_denials: Vec<String>,
    pub(super) relative_pronouns: Vec<String>,
    pub(super) receiving_verbs: Vec<String>,
    pub(super) seat_nouns: Vec<String>,
    pub(super) listing_words: Vec<String>,
    pub(super) role_nouns: Vec<String>,
    pub(super) act_nouns: Vec<String>,
    pub(super) forces: Vec<String>,
    pub(super) disasters: Vec<String>,
    #[serde(default)]
    pub(super) joining: Vec<String>,
    pub(super) pair_phrases: Vec<String>,
    pub(super) act_phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CueDef {
    pub(super) relation: Relation,
    pub(super) pos: Pos,
    pub(super) words: Vec<String>,
    #[serde(default)]
    pub(super) target: Vec<String>,
    #[serde(default)]
    pub(super) source: Vec<String>,
    pub(super) subject: Option<Role>,
    pub(super) object: Option<Role>,
    pub(super) premod: Option<Role>,
    pub(super) link: Option<Vec<String>>,
    pub(super) also: Option<Relation>,
    #[serde(default)]
    pub(super) hedge: bool,
    pub(super) window: Option<usize>,
    #[serde(default)]
    pub(super) object_needs: Vec<String>,
    #[serde(default)]
    pub(super) object_judged: bool,
    #[serde(default)]
    pub(super) not_before: Vec<String>,
    #[serde(default)]
    pub(super) over_cues: bool,
    #[serde(default)]
    pub(super) object_agent: bool,
    #[serde(default)]
    pub(super) seller_named: bool,
    #[serde(default)]
    pub(super) apposed: bool,
    pub(super) disaster: Option<Relation>,
    pub(super) forces: Option<Relation>,
    pub(super) persons: Option<Relation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ObjectDef {
    pub(super) relation: Relation,
    pub(super) words: Vec<String>,
    pub(super) disaster: Option<Relation>,
}

/// What the object of a verb of giving names: its relation, and the one it
/// names instead in an article about a disaster (`sent aid`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Object {
    pub(super) relation: Relation,
    pub(super) disaster: Option<Relation>,
}

impl Object {
    pub(super) fn relation(self, disaster: bool) -> Relation {
        lexicon::relation_in(self.relation, self.disaster, disaster)
    }
}

/// How a cue word is used: a verb, a noun, or a verb of giving whose object
/// names the relation (`supplied weapons`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Pos {
    Verb,
    Noun,
    Transfer,
}

/// The role a grammatical position gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Role {
    Source,
    Target,
}

impl Role {
    pub(super) fn flip(self) -> Role {
        match self {
            Role::Source => Role::Target,
            Role::Target => Role::Source,
        }
    }
}

#[derive(Debug)]
pub(super) struct Cue {
    pub(super) relation: Relation,
    pub(super) also: Option<Relation>,
    pub(super) pos: Pos,
    /// The direct object takes a role.
    pub(super) obj: bool,
    pub(super) target: Vec<String>,
    pub(super) source: Vec<String>,
    pub(super) subject: Role,
    pub(super) object: Role,
    pub(super) premod: Role,
    pub(super) link: Option<TokenSet>,
    pub(super) hedge: bool,
    pub(super) window: usize,
    pub(super) object_needs: Vec<String>,
    /// Words that must not follow the cue directly (`called on`, `called for`
    /// are not `called it illegal`).
    pub(super) not_before: Vec<String>,
    /// Its prepositions are looked for past other cues (threatened to cut ties with X).
    pub(super) over_cues: bool,
    /// The agent of an act named as the object stands for it (`condemned the
    /// strikes by Israel`: Israel).
    pub(super) object_agent: bool,
    /// A verb of buying: an actor named before the goods sold them (`bought
    /// Russian jets`); a verb of receiving says no such thing (`received
    /// Russian missiles` may be an attack).
    pub(super) seller_named: bool,
    /// A noun whose subject may follow it in apposition (`NATO member Turkey`).
    pub(super) apposed: bool,
    /// The relation the cue states instead in an article about a disaster
    /// (aid of no stated kind is humanitarian there).
    pub(super) disaster: Option<Relation>,
    /// The relation the cue states instead when its subject is armed forces
    /// or police (`Kenyan police arrived`: deployment, not a visit).
    pub(super) forces: Option<Relation>,
    /// The relation the cue states instead when both ends are persons
    /// (`Xi welcomed Putin`: a host's greeting, a summit, not support).
    pub(super) persons: Option<Relation>,
}

/// Each flag list names a word once (case folded).
pub(super) fn check_flags(name: &str, f: &FlagsDef) -> Result<(), LexiconError> {
    for (field, list) in [
        ("negation", &f.negation),
        ("hedge", &f.hedge),
        ("sentence_hedge", &f.sentence_hedge),
        ("report", &f.report),
        ("report_weak", &f.report_weak),
        ("clause_breaks", &f.clause_breaks),
        ("adverbial_breaks", &f.adverbial_breaks),
        ("be", &f.be),
        ("light_verbs", &f.light_verbs),
        ("state_nouns", &f.state_nouns),
        ("state_places", &f.state_places),
        ("not_state_nouns", &f.not_state_nouns),
        ("modifiers", &f.modifiers),
        ("determiners", &f.determiners),
        ("prepositions", &f.prepositions),
        ("pronouns", &f.pronouns),
        ("person_pronouns", &f.person_pronouns),
        ("state_descriptions", &f.state_descriptions),
        ("judgments", &f.judgments),
        ("noun_markers", &f.noun_markers),
        ("participles", &f.participles),
        ("partner_prepositions", &f.partner_prepositions),
        ("pair_prepositions", &f.pair_prepositions),
        ("conditionals", &f.conditionals),
        ("governing_hedges", &f.governing_hedges),
        ("governing_denials", &f.governing_denials),
        ("relative_pronouns", &f.relative_pronouns),
        ("receiving_verbs", &f.receiving_verbs),
        ("seat_nouns", &f.seat_nouns),
        ("listing_words", &f.listing_words),
        ("role_nouns", &f.role_nouns),
        ("act_nouns", &f.act_nouns),
        ("forces", &f.forces),
        ("disasters", &f.disasters),
        ("joining", &f.joining),
        ("pair_phrases", &f.pair_phrases),
        ("act_phrases", &f.act_phrases),
    ] {
        lexicon::unique(name, "flags", field, list, |w| w.to_ascii_lowercase())?;
    }
    Ok(())
}

/// The lexicon's word sets, looked up per token.
pub(super) type TokenSet = crate::hash::FxSet<String>;

// Word classes of the [flags] lists, one bit each, looked up once per token.
pub(super) const NEG: u32 = 1;
pub(super) const HEDGE: u32 = 1 << 1;
pub(super) const REPORT: u32 = 1 << 2;
pub(super) const REPORT_WEAK: u32 = 1 << 3;
pub(super) const BREAK: u32 = 1 << 4;
pub(super) const BE: u32 = 1 << 5;
pub(super) const LIGHT: u32 = 1 << 6;
pub(super) const STATE: u32 = 1 << 7;
pub(super) const NOT_STATE: u32 = 1 << 8;
pub(super) const MOD: u32 = 1 << 9;
pub(super) const DET: u32 = 1 << 10;
pub(super) const PREP: u32 = 1 << 11;
pub(super) const PRON: u32 = 1 << 12;
pub(super) const NOUN_MARK: u32 = 1 << 13;
pub(super) const PARTICIPLE: u32 = 1 << 14;
pub(super) const PARTNER_PREP: u32 = 1 << 15;
pub(super) const PAIR_PREP: u32 = 1 << 16;
pub(super) const CONDITIONAL: u32 = 1 << 17;
pub(super) const GOVERNING_HEDGE: u32 = 1 << 18;
pub(super) const GOVERNING_DENIAL: u32 = 1 << 19;
pub(super) const RELATIVE: u32 = 1 << 20;
pub(super) const RECEIVE: u32 = 1 << 21;
pub(super) const SEAT: u32 = 1 << 22;
pub(super) const LISTING: u32 = 1 << 23;
pub(super) const ROLE_NOUN: u32 = 1 << 24;
pub(super) const FORCES: u32 = 1 << 25;
pub(super) const JUDGMENT: u32 = 1 << 26;
pub(super) const ACT_NOUN: u32 = 1 << 27;

#[derive(Debug)]
pub(super) struct Flags {
    /// Every word of the lists below, with its class bits.
    pub(super) classes: crate::hash::FxMap<String, u32>,
    pub(super) negation: TokenSet,
    pub(super) hedge: TokenSet,
    pub(super) report: TokenSet,
    pub(super) report_weak: TokenSet,
    pub(super) clause_breaks: TokenSet,
    /// Two-word adverbials a clause break is part of (`so far`), lower case.
    pub(super) adverbial_breaks: Vec<(String, String)>,
    pub(super) be: TokenSet,
    pub(super) light_verbs: TokenSet,
    pub(super) state_nouns: TokenSet,
    pub(super) state_places: TokenSet,
    pub(super) not_state_nouns: TokenSet,
    pub(super) modifiers: TokenSet,
    pub(super) determiners: TokenSet,
    pub(super) prepositions: TokenSet,
    pub(super) pronouns: TokenSet,
    pub(super) person_pronouns: TokenSet,
    /// Longest first (see `English::opening_anaphor`).
    pub(super) state_descriptions: Vec<String>,
    pub(super) noun_markers: TokenSet,
    pub(super) participles: TokenSet,
    pub(super) partner_prepositions: TokenSet,
    pub(super) pair_prepositions: TokenSet,
    pub(super) conditionals: TokenSet,
    pub(super) governing_hedges: TokenSet,
    pub(super) governing_denials: TokenSet,
    pub(super) relative_pronouns: TokenSet,
    pub(super) receiving_verbs: TokenSet,
    pub(super) seat_nouns: TokenSet,
    pub(super) listing_words: TokenSet,
    pub(super) role_nouns: TokenSet,
    pub(super) act_nouns: TokenSet,
    pub(super) forces: TokenSet,
    pub(super) judgments: TokenSet,
    pub(super) pair_phrases: Vec<String>,
}

/// A case-insensitive automaton over lexicon words, built once at start-up.
pub(super) fn word_automaton(patterns: &[String], kind: MatchKind) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .expect("lexicon words are plain strings")
}

pub(super) fn build_set(words: &[String]) -> TokenSet {
    words.iter().map(|w| w.to_ascii_lowercase()).collect()
}

/// Runs `f` on the ASCII-lowercased word without allocating (long words are
/// never in a lexicon set).
pub(super) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R, default: R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    let mut buf = [0u8; 48];
    if word.len() > buf.len() {
        return default;
    }
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    match std::str::from_utf8(&buf[..word.len()]) {
        Ok(w) => f(w),
        Err(_) => default,
    }
}

impl Flags {
    /// The class bits of a word (case folded).
    pub(super) fn class_of(&self, word: &str) -> u32 {
        with_lower(word, |w| self.classes.get(w).copied().unwrap_or(0), 0)
    }
}

pub(super) fn in_set(set: &TokenSet, word: &str) -> bool {
    with_lower(word, |w| set.contains(w), false)
}

impl English {
    pub(crate) fn builtin() -> Self {
        Self::from_toml("src/extract/lang/en/lexicon.toml", LEXICON)
            .expect("the built-in English lexicon passes its checks (tested)")
    }

    /// Cue entries and cue words, for `lexicon check`.
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.cues.len(), self.words.len())
    }

    /// Builds the rules from a lexicon's text, checked: each word once per
    /// list (case folded, as matched). One word may be a word of several cues:
    /// the parse chooses a reading (`sell` weapons or goods).
    pub(crate) fn from_toml(name: &str, text: &str) -> Result<Self, LexiconError> {
        let file: LexiconFile = lexicon::parse(name, text)?;
        check_flags(name, &file.flags)?;
        let fold = |w: &str| w.to_ascii_lowercase();
        let mut cues = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut words: Vec<Vec<usize>> = Vec::new();
        for def in file.cue {
            let k = cues.len();
            let place = lexicon::cue_place(k, def.relation);
            lexicon::unique(name, &place, "words", &def.words, fold)?;
            lexicon::unique(name, &place, "target", &def.target, fold)?;
            lexicon::unique(name, &place, "source", &def.source, fold)?;
            lexicon::unique(name, &place, "object_needs", &def.object_needs, fold)?;
            lexicon::unique(name, &place, "not_before", &def.not_before, fold)?;
            cues.push(Cue {
                relation: def.relation,
                also: def.also,
                pos: def.pos,
                obj: def.target.iter().any(|t| t == "obj"),
                target: def.target.into_iter().filter(|t| t != "obj").collect(),
                source: def.source,
                subject: def.subject.unwrap_or(Role::Source),
                object: def.object.unwrap_or(Role::Target),
                premod: def.premod.unwrap_or(Role::Source),
                link: def.link.map(|l| build_set(&l)),
                hedge: def.hedge,
                window: def.window.unwrap_or(WINDOW),
                object_needs: if def.object_judged {
                    file.flags.judgments.clone()
                } else {
                    def.object_needs
                },
                not_before: def.not_before,
                over_cues: def.over_cues,
                object_agent: def.object_agent,
                seller_named: def.seller_named,
                apposed: def.apposed,
                disaster: def.disaster,
                forces: def.forces,
                persons: def.persons,
            });
            for w in def.words {
                let w = w.to_ascii_lowercase();
                match patterns.iter().position(|p| *p == w) {
                    Some(i) => {
                        if !words[i].contains(&k) {
                            words[i].push(k);
                        }
                    }
                    None => {
                        patterns.push(w);
                        words.push(vec![k]);
                    }
                }
            }
        }
        let automaton = word_automaton(&patterns, MatchKind::LeftmostLongest);
        let mut objects = Vec::new();
        let mut object_patterns: Vec<String> = Vec::new();
        for (i, def) in file.object.into_iter().enumerate() {
            let place = format!("object {} ({})", i + 1, def.relation);
            lexicon::unique(name, &place, "words", &def.words, fold)?;
            let object = Object {
                relation: def.relation,
                disaster: def.disaster,
            };
            for w in def.words {
                let w = w.to_ascii_lowercase();
                if !object_patterns.contains(&w) {
                    object_patterns.push(w);
                    objects.push(object);
                }
            }
        }
        let object_automaton = word_automaton(&object_patterns, MatchKind::LeftmostLongest);
        let f = file.flags;
        let mut phrase_patterns: Vec<String> = Vec::new();
        let mut phrase_kinds = Vec::new();
        for (list, kind) in [
            (&f.pair_phrases, Phrase::Pair),
            (&f.sentence_hedge, Phrase::Hedge),
            (&f.act_phrases, Phrase::Act),
        ] {
            for w in list {
                phrase_patterns.push(w.to_ascii_lowercase());
                phrase_kinds.push(kind);
            }
        }
        let phrases = word_automaton(&phrase_patterns, MatchKind::Standard);
        let disasters = word_automaton(&f.disasters, MatchKind::Standard);
        let joining = word_automaton(&f.joining, MatchKind::Standard);
        let flags = Flags {
            negation: build_set(&f.negation),
            hedge: build_set(&f.hedge),
            report: build_set(&f.report),
            report_weak: build_set(&f.report_weak),
            clause_breaks: build_set(&f.clause_breaks),
            adverbial_breaks: f
                .adverbial_breaks
                .iter()
                .filter_map(|x| {
                    x.to_ascii_lowercase()
                        .split_once(' ')
                        .map(|(a, b)| (a.to_owned(), b.to_owned()))
                })
                .collect(),
            be: build_set(&f.be),
            light_verbs: build_set(&f.light_verbs),
            state_nouns: build_set(&f.state_nouns),
            state_places: build_set(&f.state_places),
            not_state_nouns: build_set(&f.not_state_nouns),
            modifiers: build_set(&f.modifiers),
            determiners: build_set(&f.determiners),
            prepositions: build_set(&f.prepositions),
            pronouns: build_set(&f.pronouns),
            person_pronouns: build_set(&f.person_pronouns),
            state_descriptions: {
                let mut d = f.state_descriptions.clone();
                d.sort_by_key(|x| std::cmp::Reverse(x.len()));
                d
            },
            noun_markers: build_set(&f.noun_markers),
            participles: build_set(&f.participles),
            partner_prepositions: build_set(&f.partner_prepositions),
            pair_prepositions: build_set(&f.pair_prepositions),
            conditionals: build_set(&f.conditionals),
            governing_hedges: build_set(&f.governing_hedges),
            governing_denials: build_set(&f.governing_denials),
            relative_pronouns: build_set(&f.relative_pronouns),
            receiving_verbs: build_set(&f.receiving_verbs),
            seat_nouns: build_set(&f.seat_nouns),
            listing_words: build_set(&f.listing_words),
            role_nouns: build_set(&f.role_nouns),
            act_nouns: build_set(&f.act_nouns),
            forces: build_set(&f.forces),
            judgments: build_set(&f.judgments),
            pair_phrases: f.pair_phrases,
            classes: Default::default(),
        };
        let mut flags = flags;
        for (set, bit) in [
            (&flags.negation, NEG),
            (&flags.hedge, HEDGE),
            (&flags.report, REPORT),
            (&flags.report_weak, REPORT_WEAK),
            (&flags.clause_breaks, BREAK),
            (&flags.be, BE),
            (&flags.light_verbs, LIGHT),
            (&flags.state_nouns, STATE),
            (&flags.state_places, STATE),
            (&flags.not_state_nouns, NOT_STATE),
            (&flags.modifiers, MOD),
            (&flags.determiners, DET),
            (&flags.prepositions, PREP),
            (&flags.pronouns, PRON),
            (&flags.noun_markers, NOUN_MARK),
            (&flags.participles, PARTICIPLE),
            (&flags.partner_prepositions, PARTNER_PREP),
            (&flags.pair_prepositions, PAIR_PREP),
            (&flags.conditionals, CONDITIONAL),
            (&flags.governing_hedges, GOVERNING_HEDGE),
            (&flags.governing_denials, GOVERNING_DENIAL),
            (&flags.relative_pronouns, RELATIVE),
            (&flags.receiving_verbs, RECEIVE),
            (&flags.seat_nouns, SEAT),
            (&flags.listing_words, LISTING),
            (&flags.role_nouns, ROLE_NOUN),
            (&flags.act_nouns, ACT_NOUN),
            (&flags.forces, FORCES),
            (&flags.judgments, JUDGMENT),
        ] {
            for w in set {
                *flags.classes.entry(w.clone()).or_insert(0) |= bit;
            }
        }
        Ok(English {
            cues,
            words,
            automaton,
            objects,
            object_automaton,
            phrases,
            phrase_kinds,
            disasters,
            joining,
            flags,
        })
    }
}
