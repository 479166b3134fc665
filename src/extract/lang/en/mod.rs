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

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use crate::extract::claims::symmetric_pairs;
use crate::extract::lexicon::{self, LexiconError};
use crate::extract::{Discourse, Found, SentenceView};
use crate::gazetteer::{EntryIndex, Form};
use crate::model::Relation;

const LEXICON: &str = include_str!("lexicon.toml");

/// Tokens after a cue in which its prepositions are looked for, by default.
const WINDOW: usize = 10;
/// The most words a verb may stand from its subject.
const SUBJECT_REACH: usize = 20;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    flags: FlagsDef,
    cue: Vec<CueDef>,
    object: Vec<ObjectDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FlagsDef {
    negation: Vec<String>,
    hedge: Vec<String>,
    sentence_hedge: Vec<String>,
    report: Vec<String>,
    report_weak: Vec<String>,
    clause_breaks: Vec<String>,
    be: Vec<String>,
    light_verbs: Vec<String>,
    state_nouns: Vec<String>,
    not_state_nouns: Vec<String>,
    modifiers: Vec<String>,
    determiners: Vec<String>,
    prepositions: Vec<String>,
    pronouns: Vec<String>,
    pair_phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueDef {
    relation: Relation,
    pos: Pos,
    words: Vec<String>,
    #[serde(default)]
    target: Vec<String>,
    #[serde(default)]
    source: Vec<String>,
    subject: Option<Role>,
    object: Option<Role>,
    premod: Option<Role>,
    link: Option<Vec<String>>,
    also: Option<Relation>,
    #[serde(default)]
    hedge: bool,
    window: Option<usize>,
    #[serde(default)]
    object_needs: Vec<String>,
    #[serde(default)]
    over_cues: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ObjectDef {
    relation: Relation,
    words: Vec<String>,
}

/// How a cue word is used: a verb, a noun, or a verb of giving whose object
/// names the relation (`supplied weapons`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Pos {
    Verb,
    Noun,
    Transfer,
}

/// The role a grammatical position gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Role {
    Source,
    Target,
}

impl Role {
    fn flip(self) -> Role {
        match self {
            Role::Source => Role::Target,
            Role::Target => Role::Source,
        }
    }
}

#[derive(Debug)]
struct Cue {
    relation: Relation,
    also: Option<Relation>,
    pos: Pos,
    /// The direct object takes a role.
    obj: bool,
    target: Vec<String>,
    source: Vec<String>,
    subject: Role,
    object: Role,
    premod: Role,
    link: Option<TokenSet>,
    hedge: bool,
    window: usize,
    object_needs: Vec<String>,
    /// Its prepositions are looked for past other cues (threatened to cut ties with X).
    over_cues: bool,
}

/// Each flag list names a word once (case folded).
fn check_flags(name: &str, f: &FlagsDef) -> Result<(), LexiconError> {
    for (field, list) in [
        ("negation", &f.negation),
        ("hedge", &f.hedge),
        ("sentence_hedge", &f.sentence_hedge),
        ("report", &f.report),
        ("report_weak", &f.report_weak),
        ("clause_breaks", &f.clause_breaks),
        ("be", &f.be),
        ("light_verbs", &f.light_verbs),
        ("state_nouns", &f.state_nouns),
        ("not_state_nouns", &f.not_state_nouns),
        ("modifiers", &f.modifiers),
        ("determiners", &f.determiners),
        ("prepositions", &f.prepositions),
        ("pronouns", &f.pronouns),
        ("pair_phrases", &f.pair_phrases),
    ] {
        lexicon::unique(name, "flags", field, list, |w| w.to_ascii_lowercase())?;
    }
    Ok(())
}

/// The lexicon's word sets, looked up per token.
type TokenSet = crate::hash::FxSet<String>;

// Word classes of the [flags] lists, one bit each, looked up once per token.
const NEG: u32 = 1;
const HEDGE: u32 = 1 << 1;
const REPORT: u32 = 1 << 2;
const REPORT_WEAK: u32 = 1 << 3;
const BREAK: u32 = 1 << 4;
const BE: u32 = 1 << 5;
const LIGHT: u32 = 1 << 6;
const STATE: u32 = 1 << 7;
const NOT_STATE: u32 = 1 << 8;
const MOD: u32 = 1 << 9;
const DET: u32 = 1 << 10;
const PREP: u32 = 1 << 11;
const PRON: u32 = 1 << 12;

#[derive(Debug)]
struct Flags {
    /// Every word of the lists below, with its class bits.
    classes: crate::hash::FxMap<String, u32>,
    negation: TokenSet,
    hedge: TokenSet,
    report: TokenSet,
    report_weak: TokenSet,
    clause_breaks: TokenSet,
    be: TokenSet,
    light_verbs: TokenSet,
    state_nouns: TokenSet,
    not_state_nouns: TokenSet,
    modifiers: TokenSet,
    determiners: TokenSet,
    prepositions: TokenSet,
    pronouns: TokenSet,
    pair_phrases: Vec<String>,
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Punct,
    /// An actor mention: its index in the sentence's mentions.
    Mention(usize),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
}

/// A cue found in the sentence, as a token range.
#[derive(Debug, Clone, Copy)]
struct Hit {
    cue: usize,
    a: usize,
    b: usize,
}

/// One sentence, cut up: tokens, clauses, actor groups.
struct Parsed<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    /// Clause id of each token.
    clause: Vec<u32>,
    /// Antecedent group of a relative clause, by clause id.
    antecedent: HashMap<u32, usize>,
    /// The clause a relative clause is nested in, by clause id.
    outer: HashMap<u32, u32>,
    /// Word-class bits of each token.
    class: Vec<u32>,
    /// Cue words: token range and automaton pattern.
    raw: Vec<(usize, usize, usize)>,
    /// Group id of each token that is a valid actor mention.
    group_of: Vec<Option<usize>>,
    /// Groups: token ranges [first, last] of mentions, and their entries.
    groups: Vec<Group>,
}

#[derive(Debug, Clone)]
struct Group {
    first: usize,
    last: usize,
    entries: Vec<EntryIndex>,
    speaker: bool,
    /// The verb of saying (or `according`) the group is the speaker of.
    said_at: usize,
}

/// A case-insensitive automaton over lexicon words, built once at start-up.
fn word_automaton(patterns: &[String], kind: MatchKind) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .expect("lexicon words are plain strings")
}

fn build_set(words: &[String]) -> TokenSet {
    words.iter().map(|w| w.to_ascii_lowercase()).collect()
}

/// Runs `f` on the ASCII-lowercased word without allocating (long words are
/// never in a lexicon set).
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R, default: R) -> R {
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

fn in_set(set: &TokenSet, word: &str) -> bool {
    with_lower(word, |w| set.contains(w), false)
}

impl Parsed<'_> {
    fn is(&self, k: usize, bit: u32) -> bool {
        self.class[k] & bit != 0
    }
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
                object_needs: def.object_needs,
                over_cues: def.over_cues,
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
            let relation = def.relation;
            for w in def.words {
                let w = w.to_ascii_lowercase();
                if !object_patterns.contains(&w) {
                    object_patterns.push(w);
                    objects.push(relation);
                }
            }
        }
        let object_automaton = word_automaton(&object_patterns, MatchKind::LeftmostLongest);
        let f = file.flags;
        let mut phrase_patterns: Vec<String> = Vec::new();
        let mut phrase_is_pair = Vec::new();
        for (list, pair) in [(&f.pair_phrases, true), (&f.sentence_hedge, false)] {
            for w in list {
                phrase_patterns.push(w.to_ascii_lowercase());
                phrase_is_pair.push(pair);
            }
        }
        let phrases = word_automaton(&phrase_patterns, MatchKind::Standard);
        let flags = Flags {
            negation: build_set(&f.negation),
            hedge: build_set(&f.hedge),
            report: build_set(&f.report),
            report_weak: build_set(&f.report_weak),
            clause_breaks: build_set(&f.clause_breaks),
            be: build_set(&f.be),
            light_verbs: build_set(&f.light_verbs),
            state_nouns: build_set(&f.state_nouns),
            not_state_nouns: build_set(&f.not_state_nouns),
            modifiers: build_set(&f.modifiers),
            determiners: build_set(&f.determiners),
            prepositions: build_set(&f.prepositions),
            pronouns: build_set(&f.pronouns),
            pair_phrases: f.pair_phrases,
            classes: HashMap::default(),
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
            (&flags.not_state_nouns, NOT_STATE),
            (&flags.modifiers, MOD),
            (&flags.determiners, DET),
            (&flags.prepositions, PREP),
            (&flags.pronouns, PRON),
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
            phrase_is_pair,
            flags,
        })
    }

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
            let speakers: Vec<EntryIndex> = {
                let mut v: Vec<EntryIndex> = Vec::new();
                for g in parsed.groups.iter().filter(|g| g.speaker) {
                    for &e in &g.entries {
                        if !v.contains(&e) {
                            v.push(e);
                        }
                    }
                }
                v
            };
            for hit in &hits {
                self.frame(
                    view,
                    &parsed,
                    &hits,
                    *hit,
                    &speakers,
                    sentence_hedged,
                    if pair_phrase { pair } else { None },
                    &mut out,
                );
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

    /// Tokens, clauses and actor groups of a sentence.
    fn parse<'t>(&self, view: &SentenceView<'t>) -> Parsed<'t> {
        let text = view.text;
        let (s0, s1) = (view.range.start, view.range.end);
        let mentions = view.mentions;
        let mut toks: Vec<Tok> = Vec::with_capacity((s1 - s0) / 4);
        let bytes = text.as_bytes();
        let mut p = s0;
        let mut m = 0;
        while p < s1 {
            while m < mentions.len() && mentions[m].start < p {
                m += 1;
            }
            if m < mentions.len() && mentions[m].start == p {
                toks.push(Tok {
                    start: p,
                    end: mentions[m].end,
                    kind: Kind::Mention(m),
                });
                p = mentions[m].end;
                m += 1;
                continue;
            }
            let next_mention = mentions.get(m).map_or(s1, |x| x.start);
            let c = text[p..].chars().next().expect("p is inside the sentence");
            if c.is_whitespace() {
                p += c.len_utf8();
                continue;
            }
            if (c == '\'' || c == '’')
                && text[p + c.len_utf8()..].starts_with('s')
                && !text[p + c.len_utf8() + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                let e = p + c.len_utf8() + 1;
                toks.push(Tok {
                    start: p,
                    end: e,
                    kind: Kind::Word,
                });
                p = e;
                continue;
            }
            if c.is_alphanumeric() || c == '$' || c == '€' || c == '£' {
                let mut e = p + c.len_utf8();
                while e < s1 && e < next_mention {
                    let d = text[e..].chars().next().expect("e is inside the sentence");
                    if d.is_alphanumeric() {
                        e += d.len_utf8();
                        continue;
                    }
                    if matches!(d, '-' | '.' | '\'' | '’' | ',') {
                        let after = e + d.len_utf8();
                        let next = text[after..].chars().next();
                        let possessive = matches!(d, '\'' | '’')
                            && text[after..].starts_with('s')
                            && !text[after + 1..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphanumeric);
                        let joins = match d {
                            ',' => {
                                bytes[e - 1].is_ascii_digit()
                                    && next.is_some_and(|n| n.is_ascii_digit())
                            }
                            _ => next.is_some_and(char::is_alphanumeric),
                        };
                        if joins && !possessive && after < next_mention {
                            e = after;
                            continue;
                        }
                    }
                    break;
                }
                toks.push(Tok {
                    start: p,
                    end: e,
                    kind: Kind::Word,
                });
                p = e;
                continue;
            }
            let e = p + c.len_utf8();
            toks.push(Tok {
                start: p,
                end: e,
                kind: Kind::Punct,
            });
            p = e;
        }

        let class: Vec<u32> = toks
            .iter()
            .map(|t| match t.kind {
                Kind::Word => with_lower(
                    &text[t.start..t.end],
                    |w| self.flags.classes.get(w).copied().unwrap_or(0),
                    0,
                ),
                _ => 0,
            })
            .collect();
        let is = |k: usize, bit: u32| class[k] & bit != 0;

        // Cue words on token boundaries, outside mentions.
        let mut raw: Vec<(usize, usize, usize)> = Vec::new();
        let mut noun_start = vec![false; toks.len()];
        for hit in self.automaton.find_iter(&text[s0..s1]) {
            let (start, end) = (s0 + hit.start(), s0 + hit.end());
            let Ok(a) = toks.binary_search_by_key(&start, |t| t.start) else {
                continue;
            };
            let Some(last) = toks[a..].iter().position(|t| t.end >= end) else {
                continue;
            };
            let b = a + last + 1;
            if toks[b - 1].end != end
                || toks[a..b]
                    .iter()
                    .any(|t| matches!(t.kind, Kind::Mention(_)))
            {
                continue;
            }
            let pattern = hit.pattern().as_usize();
            if self.words[pattern]
                .iter()
                .any(|&k| self.cues[k].pos == Pos::Noun)
            {
                noun_start[a] = true;
            }
            raw.push((a, b, pattern));
        }

        let word = |i: usize| &text[toks[i].start..toks[i].end];

        // Clauses.
        let mut clause = vec![0u32; toks.len()];
        let mut next_id = 0u32;
        let mut current = 0u32;
        let mut outer: Option<u32> = None;
        let mut relative_openers: Vec<(u32, usize)> = Vec::new();
        let mut outer_of: HashMap<u32, u32> = HashMap::new();
        for i in 0..toks.len() {
            let w = word(i);
            let t = toks[i];
            let mut open_new = false;
            let mut relative = false;
            match t.kind {
                Kind::Punct => {
                    if matches!(w, ";" | ":" | "?" | "!") {
                        open_new = true;
                        outer = None;
                    } else if matches!(w, "," | "—" | "–" | "(" | ")") && outer.is_some() {
                        current = outer.take().expect("checked");
                    }
                }
                Kind::Word => {
                    let lw_is = |s: &str| w.eq_ignore_ascii_case(s);
                    if is(i, BREAK) && i > 0 {
                        let as_well = lw_is("as")
                            && (i + 1 < toks.len() && word(i + 1).eq_ignore_ascii_case("well")
                                || i > 0
                                    && (word(i - 1).eq_ignore_ascii_case("well")
                                        || word(i - 1).eq_ignore_ascii_case("such")));
                        if !as_well {
                            open_new = true;
                            let prev = word(i - 1);
                            let is_rel = matches!(
                                w.to_ascii_lowercase().as_str(),
                                "which" | "who" | "whom" | "whose" | "that" | "where"
                            );
                            if is_rel
                                && (prev == "," || matches!(toks[i - 1].kind, Kind::Mention(_)))
                            {
                                relative = true;
                            }
                        }
                    } else if is(i, REPORT) || lw_is("according") {
                        open_new = true;
                        outer = None;
                    }
                }
                Kind::Mention(_) => {}
            }
            if open_new {
                next_id += 1;
                if relative {
                    if outer.is_none() {
                        outer = Some(current);
                    }
                    outer_of.insert(next_id, outer.expect("just set"));
                    relative_openers.push((next_id, i));
                } else if let Some(o) = outer {
                    // A break inside a relative clause stays nested in it.
                    outer_of.insert(next_id, o);
                }
                current = next_id;
            }
            clause[i] = current;
        }

        // Valid actor mentions.
        let valid: Vec<bool> = (0..toks.len())
            .map(|i| match toks[i].kind {
                Kind::Mention(m) => {
                    self.valid_mention(view, &toks, &class, &noun_start, text, i, m)
                }
                _ => false,
            })
            .collect();

        // Groups of coordinated or titled mentions.
        let mut group_of: Vec<Option<usize>> = vec![None; toks.len()];
        let mut groups: Vec<Group> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Kind::Mention(m) = toks[i].kind else {
                i += 1;
                continue;
            };
            if !valid[i] {
                i += 1;
                continue;
            }
            let gid = groups.len();
            let mut g = Group {
                first: i,
                last: i,
                entries: vec![mentions[m].entry],
                speaker: false,
                said_at: 0,
            };
            group_of[i] = Some(gid);
            // `In Nairobi, Kenya and China signed`: an opening phrase ends at its comma.
            let intro = {
                let mut k = i;
                while k > 0 && is(k - 1, DET) {
                    k -= 1;
                }
                k > 0 && is(k - 1, PREP) && (k == 1 || clause[k - 2] != clause[k - 1])
            };
            let mut j = i + 1;
            let mut last = i;
            while j < toks.len() && j - last <= 6 {
                match toks[j].kind {
                    Kind::Mention(m2) if valid[j] && clause[j] == clause[i] => {
                        let gap = last + 1..j;
                        let comma = gap.clone().any(|k| word(k) == ",");
                        let genitive = gap.clone().any(|k| matches!(word(k), "'s" | "’s"));
                        // `China, North Korea's only ally`: an apposition, not a list.
                        let apposition = comma
                            && j + 1 < toks.len()
                            && matches!(word(j + 1), "'s" | "’s")
                            && !(j + 2..(j + 5).min(toks.len()))
                                .take_while(|&k| !matches!(toks[k].kind, Kind::Mention(_)))
                                .all(|k| {
                                    let w = word(k);
                                    is(k, MOD)
                                        || is(k, STATE)
                                        || w.chars().next().is_some_and(char::is_uppercase)
                                });
                        if comma && intro || apposition {
                            break;
                        }
                        // `Osama bin Laden's al-Qaeda`: the head, not the possessor.
                        if genitive
                            && view.state_of(mentions[m2].entry)
                                != view.state_of(g.entries[g.entries.len() - 1])
                        {
                            g.entries.clear();
                        }
                        g.entries.push(mentions[m2].entry);
                        g.last = j;
                        group_of[j] = Some(gid);
                        last = j;
                        j += 1;
                    }
                    Kind::Mention(_) => break,
                    _ => {
                        let w = word(j);
                        let capital = w.chars().next().is_some_and(char::is_uppercase);
                        let joins = matches!(w, "," | "-" | "/" | "&" | "'s" | "’s")
                            || w.eq_ignore_ascii_case("and")
                            || w.eq_ignore_ascii_case("or")
                            || w.eq_ignore_ascii_case("the")
                            || w == "as"
                            || w == "well"
                            || capital && toks[j].kind == Kind::Word && !is(j, BREAK)
                            || w == "of"
                                && j + 1 < toks.len()
                                && toks[j + 1].kind == Kind::Word
                                && word(j + 1).chars().next().is_some_and(char::is_uppercase)
                            || is(j, MOD)
                            || is(j, STATE);
                        if !joins || noun_start[j] {
                            break;
                        }
                        j += 1;
                    }
                }
            }
            groups.push(g);
            i = last + 1;
        }

        let mut antecedent = HashMap::new();
        for (id, at) in relative_openers {
            let mut k = at;
            while k > 0 {
                k -= 1;
                if word(k) == "," || is(k, STATE) && at - k < 4 {
                    continue;
                }
                if let Some(g) = group_of[k] {
                    antecedent.insert(id, g);
                }
                break;
            }
        }

        let mut parsed = Parsed {
            text,
            toks,
            clause,
            antecedent,
            outer: outer_of,
            class,
            raw,
            group_of,
            groups,
        };
        self.mark_speakers(&mut parsed);
        parsed
    }

    /// A demonym is an actor before a state organ, as a plural, before a cue noun
    /// or coordinated with one that is; names and persons always are.
    #[allow(clippy::too_many_arguments)]
    fn valid_mention(
        &self,
        view: &SentenceView<'_>,
        toks: &[Tok],
        class: &[u32],
        noun_start: &[bool],
        text: &str,
        i: usize,
        m: usize,
    ) -> bool {
        let is = |k: usize, bit: u32| class.get(k).is_some_and(|c| c & bit != 0);
        let mention = view.mentions[m];
        if toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word) && is(i + 1, NOT_STATE) {
            return false;
        }
        if mention.form != Form::Adjective {
            return true;
        }
        let surface = &text[mention.start..mention.end];
        if surface.ends_with('s') && !surface.ends_with("ss") {
            return true;
        }
        let word = |k: usize| &text[toks[k].start..toks[k].end];
        let mut k = i + 1;
        let mut steps = 0;
        while k < toks.len() && steps < 5 {
            match toks[k].kind {
                Kind::Mention(m2) => {
                    // A title before a person of the same state, or coordination.
                    return view.state_of(view.mentions[m2].entry) == view.state_of(mention.entry)
                        || steps > 0
                            && self.valid_mention(view, toks, class, noun_start, text, k, m2);
                }
                Kind::Punct => {
                    if word(k) == "," || word(k) == "-" {
                        k += 1;
                        steps += 1;
                        continue;
                    }
                    return false;
                }
                Kind::Word => {
                    let w = word(k);
                    if is(k, STATE) {
                        return true;
                    }
                    if noun_start[k] {
                        return true;
                    }
                    if is(k, MOD) || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or") {
                        k += 1;
                        steps += 1;
                        continue;
                    }
                    return false;
                }
            }
        }
        false
    }

    /// Marks the groups that are subjects of verbs of saying or follow `according to`.
    fn mark_speakers(&self, p: &mut Parsed<'_>) {
        let n = p.toks.len();
        let word = |k: usize| &p.text[p.toks[k].start..p.toks[k].end];
        let mut marks: Vec<(usize, usize)> = Vec::new();
        for i in 0..n {
            if p.toks[i].kind != Kind::Word {
                continue;
            }
            let w = word(i);
            if w.eq_ignore_ascii_case("according") && i + 1 < n && word(i + 1) == "to" {
                if let Some(g) = (i + 2..n.min(i + 6)).find_map(|k| p.group_of[k]) {
                    marks.push((g, i));
                }
                continue;
            }
            let strong = p.is(i, REPORT);
            let weak = !strong && p.is(i, REPORT_WEAK) && {
                let next = if i + 1 < n { word(i + 1) } else { "." };
                matches!(next, "," | "." | "\"" | "”" | ";")
                    || next.eq_ignore_ascii_case("that")
                    || next.eq_ignore_ascii_case("on")
                    || next.eq_ignore_ascii_case("in")
                    || next.eq_ignore_ascii_case("today")
                    || next.eq_ignore_ascii_case("yesterday")
                    || next.eq_ignore_ascii_case("late")
                    || next.eq_ignore_ascii_case("last")
                    || next.ends_with("day")
            };
            if !(strong || weak) {
                continue;
            }
            // `is said to`: a hedge, not a speaker.
            if i > 0 && p.is(i - 1, BE) || i + 1 < n && word(i + 1).eq_ignore_ascii_case("to") {
                continue;
            }
            // Inverted: `, said X`.
            let inverted = i > 0 && matches!(word(i - 1), "," | "\"" | "”");
            if inverted && let Some(g) = (i + 1..n.min(i + 5)).find_map(|k| p.group_of[k]) {
                marks.push((g, i));
                continue;
            }
            // The nearest group before it, not inside a prepositional phrase.
            let mut k = i;
            let mut steps = 0;
            while k > 0 && steps < 10 {
                k -= 1;
                steps += 1;
                if matches!(word(k), ";" | "\"" | "”" | "“") {
                    break;
                }
                if let Some(g) = p.group_of[k] {
                    if !self.in_phrase(p, p.groups[g].first) {
                        marks.push((g, i));
                    }
                    break;
                }
            }
        }
        for (g, at) in marks {
            p.groups[g].speaker = true;
            p.groups[g].said_at = at;
        }
    }

    /// Whether the token at `first` sits after a preposition (skipping determiners).
    fn in_phrase(&self, p: &Parsed<'_>, first: usize) -> bool {
        let mut k = first;
        while k > 0 {
            k -= 1;
            let w = &p.text[p.toks[k].start..p.toks[k].end];
            let title = w.chars().next().is_some_and(char::is_uppercase)
                && (p.is(k, STATE) || p.is(k, MOD));
            if p.is(k, DET) || p.toks[k].kind == Kind::Word && (is_number(w) || title) {
                continue;
            }
            // `ministers of X` names X as much as `X's ministers` does.
            if w == "of" && k > 0 && p.is(k - 1, STATE) {
                return false;
            }
            return p.toks[k].kind == Kind::Word && p.is(k, PREP);
        }
        false
    }

    /// Cue hits aligned on token boundaries, outside mentions.
    fn hits(&self, p: &Parsed<'_>) -> Vec<Hit> {
        let mut out = Vec::new();
        for &(a, b, pattern) in &p.raw {
            let choices = &self.words[pattern];
            let first = self.choose_reading(p, a, choices);
            let pos = self.cues[first].pos;
            for &cue in choices.iter().filter(|&&k| self.cues[k].pos == pos) {
                out.push(Hit { cue, a, b });
            }
        }
        out
    }

    /// A word that is both a verb and a noun cue: a noun after a determiner,
    /// possessive, modifier or actor; otherwise a verb.
    fn choose_reading(&self, p: &Parsed<'_>, a: usize, choices: &[usize]) -> usize {
        if choices.len() == 1 {
            return choices[0];
        }
        let prev = (a > 0).then(|| &p.text[p.toks[a - 1].start..p.toks[a - 1].end]);
        let nounish = match prev {
            None => false,
            Some(w) => {
                matches!(p.toks[a - 1].kind, Kind::Mention(_))
                    || [
                        "the", "a", "an", "its", "their", "his", "her", "our", "this", "these",
                        "those", "any", "no", "of", "'s", "’s", "new", "fresh", "further", "first",
                        "more", "for", "on", "in", "with", "after", "and", "-",
                    ]
                    .iter()
                    .any(|d| w.eq_ignore_ascii_case(d))
                    || p.is(a - 1, MOD)
                    // The object of a light verb is a noun: expressed support.
                    || p.is(a - 1, LIGHT)
                    || is_number(w)
            }
        };
        let want = if nounish { Pos::Noun } else { Pos::Verb };
        choices
            .iter()
            .copied()
            .find(|&k| {
                self.cues[k].pos == want || want == Pos::Verb && self.cues[k].pos == Pos::Transfer
            })
            .unwrap_or(choices[0])
    }

    #[allow(clippy::too_many_arguments)]
    fn frame(
        &self,
        view: &SentenceView<'_>,
        p: &Parsed<'_>,
        hits: &[Hit],
        hit: Hit,
        speakers: &[EntryIndex],
        sentence_hedged: bool,
        pair: Option<(EntryIndex, EntryIndex)>,
        out: &mut Vec<Found>,
    ) {
        let cue = &self.cues[hit.cue];
        let toks = &p.toks;
        let n = toks.len();
        let word = |k: usize| &p.text[toks[k].start..toks[k].end];
        let c = p.clause[hit.a];
        let same = |k: usize| p.clause[k] == c;
        // A speaker may still act before its verb of saying (`X, visiting Y, said`).
        let usable = |g: usize| {
            let gr = &p.groups[g];
            !gr.speaker || gr.last < hit.a && hit.b <= gr.said_at
        };

        // Passive voice: a participle after a form of `be` (adverbs allowed).
        let mut passive = false;
        if cue.pos != Pos::Noun {
            let mut k = hit.a;
            let mut steps = 0;
            while k > 0 && steps < 3 {
                k -= 1;
                steps += 1;
                let w = word(k);
                if p.is(k, BE) {
                    passive = word(hit.a).ends_with("ed")
                        || [
                            "struck", "hit", "shot", "sold", "sent", "given", "held", "met",
                        ]
                        .iter()
                        .any(|x| word(hit.a).eq_ignore_ascii_case(x));
                    break;
                }
                if !w.ends_with("ly") && !w.eq_ignore_ascii_case("also") {
                    break;
                }
            }
        }

        // After the cue: direct object, prepositional roles, the object of a verb of giving.
        let mut sources: Vec<usize> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        let mut partners: Vec<usize> = Vec::new();
        let mut object_group: Option<usize> = None;
        let end = (hit.b + cue.window).min(n);
        let next_hit = hits
            .iter()
            .map(|x| x.a)
            .filter(|&a| a > hit.a)
            .min()
            .unwrap_or(n);
        // A cue that ends in its preposition (`agreed with`, `arrived in`) takes the
        // actor right after it as its object.
        let ends_in_prep = p.is(hit.b - 1, PREP);
        if (cue.obj || ends_in_prep) && !passive && cue.pos != Pos::Noun {
            if let Some(g) = self.group_after(p, hit.b, c) {
                object_group = Some(g);
            } else if cue.object_needs.is_empty() {
                // `the right of X`, `X's ambassador` one step further.
                let mut k = hit.b;
                while k < n && k < hit.b + 4 && same(k) {
                    if let Some(g) = p.group_of[k] {
                        let after = if p.groups[g].last + 1 < n {
                            word(p.groups[g].last + 1)
                        } else {
                            ""
                        };
                        if matches!(after, "'s" | "’s") {
                            object_group = Some(g);
                        }
                        break;
                    }
                    k += 1;
                }
            }
        }
        let mut first_target_prep = true;
        let mut first_source_prep = true;
        let mut between = false;
        let mut k = hit.b;
        let stop = if cue.over_cues || cue.pos == Pos::Transfer {
            end
        } else {
            end.min(next_hit)
        };
        while k < stop && same(k) {
            if toks[k].kind == Kind::Word {
                let w = word(k);
                let lw = |list: &[String]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
                if let Some(g) = self.group_after(p, k + 1, c) {
                    let partner_prep = ["with", "between", "among"]
                        .iter()
                        .any(|x| w.eq_ignore_ascii_case(x));
                    if cue.relation.is_symmetric() && partner_prep {
                        if partners.is_empty() && usable(g) {
                            between = !w.eq_ignore_ascii_case("with");
                            partners.push(g);
                        }
                    } else if lw(&cue.target) && first_target_prep {
                        first_target_prep = false;
                        if usable(g) {
                            targets.push(g);
                        }
                    } else if (lw(&cue.source) || passive && w.eq_ignore_ascii_case("by"))
                        && first_source_prep
                    {
                        first_source_prep = false;
                        if usable(g) {
                            sources.push(g);
                        }
                    } else if cue.relation.is_symmetric()
                        && partners.is_empty()
                        && ["with", "between", "among"]
                            .iter()
                            .any(|x| w.eq_ignore_ascii_case(x))
                        && usable(g)
                    {
                        between = !w.eq_ignore_ascii_case("with");
                        partners.push(g);
                    }
                }
            }
            k += 1;
        }
        if object_group.is_some_and(|g| !usable(g)) {
            object_group = None;
        }
        if !cue.object_needs.is_empty() && !passive {
            // `expelled three Russian diplomats`, `suspended X from`: the object must say so.
            let scope_end = (hit.b + 6).min(n);
            let ok = (hit.b..scope_end).any(|k| {
                cue.object_needs
                    .iter()
                    .any(|x| word(k).eq_ignore_ascii_case(x))
            });
            if !ok {
                return;
            }
            if object_group.is_none() {
                // The demonym of the expelled diplomats.
                object_group = (hit.b..scope_end).find_map(|k| {
                    let Kind::Mention(_) = toks[k].kind else {
                        return None;
                    };
                    p.group_of[k].filter(|&g| usable(g))
                });
            }
        }

        // The relation of a verb of giving comes from its object.
        let mut relation = cue.relation;
        if cue.pos == Pos::Transfer {
            let from = toks[hit.b.min(n - 1)].start;
            let to_tok = (hit.b + 12).min(n);
            let to = toks[to_tok - 1].end;
            let Some(found) = (hit.b < n)
                .then(|| self.object_automaton.find_iter(&p.text[from..to]).next())
                .flatten()
            else {
                return;
            };
            relation = self.objects[found.pattern().as_usize()];
            let obj_at = from + found.start();
            // Double object (`give Tanzania a grant`) or genitive (`supplies Pakistan's weapons`).
            if targets.is_empty() && cue.subject == Role::Source {
                let mut k = hit.b;
                while k < n && toks[k].start < obj_at {
                    if let Some(g) = p.group_of[k] {
                        if usable(g) {
                            targets.push(g);
                        }
                        break;
                    }
                    k += 1;
                }
            }
            object_group = None;
        }

        // Before the cue: the actors that modify a noun, then the clause subject.
        let mut premods: Vec<usize> = Vec::new();
        if cue.pos == Pos::Noun {
            let mut k = hit.a;
            let mut steps = 0;
            while k > 0 && steps < 6 {
                k -= 1;
                steps += 1;
                if let Some(g) = p.group_of[k] {
                    if !premods.contains(&g) && usable(g) {
                        premods.push(g);
                    }
                    continue;
                }
                if let Kind::Mention(_) = toks[k].kind {
                    // An adjective directly before a cue noun: `Russian strikes`.
                    continue;
                }
                let w = word(k);
                if matches!(w, "'s" | "’s" | "-" | "/")
                    || p.is(k, MOD)
                    || is_number(w)
                    || (w.eq_ignore_ascii_case("and") || w == ",")
                        && k > 0
                        && matches!(toks[k - 1].kind, Kind::Mention(_))
                        && matches!(toks[k + 1].kind, Kind::Mention(_))
                {
                    continue;
                }
                break;
            }
            // Adjectives directly before the cue are actors here even without an organ.
            let mut k = hit.a;
            let mut steps = 0;
            while k > 0 && steps < 6 {
                k -= 1;
                steps += 1;
                match toks[k].kind {
                    Kind::Mention(_) if p.group_of[k].is_none() => {
                        premod_extra(k, &mut premods);
                    }
                    Kind::Mention(_) => {}
                    _ => {
                        let w = word(k);
                        if !(matches!(w, "'s" | "’s" | "-" | "/" | ",")
                            || w.eq_ignore_ascii_case("and")
                            || p.is(k, MOD))
                        {
                            break;
                        }
                    }
                }
            }
        }
        let premod_entries: Vec<EntryIndex> = premods
            .iter()
            .flat_map(|&g| premod_group_entries(p, view, g))
            .collect();

        // The subject.
        let subject = self.subject(p, hit, cue, &premods);
        let mut subject_entries: Vec<EntryIndex> = match subject {
            Some(Subject::Group(g)) => p.groups[g].entries.clone(),
            Some(Subject::Pair) => pair.map_or_else(Vec::new, |(a, b)| vec![a, b]),
            None => Vec::new(),
        };
        // A noun whose subject is passive (`was hit with sanctions by X`): the subject is the target.
        let mut subject_role = cue.subject;
        if passive && cue.pos != Pos::Noun {
            subject_role = subject_role.flip();
        }
        if cue.pos == Pos::Noun
            && !sources.is_empty()
            && let Some(Subject::Group(g)) = subject
        {
            let between = p.groups[g].last + 1..hit.a;
            if between.clone().any(|k| p.is(k, BE)) {
                subject_role = Role::Target;
            }
        }

        // Flags.
        let clause_start = (0..hit.a).rev().find(|&k| !same(k)).map_or(0, |k| k + 1);
        let scope = clause_start..hit.a;
        let mut negated = false;
        let mut hedged = cue.hedge || sentence_hedged;
        for k in scope.clone() {
            if toks[k].kind != Kind::Word {
                continue;
            }
            let w = word(k);
            if p.is(k, NEG) || w.ends_with("n't") {
                let not_only = w.eq_ignore_ascii_case("not")
                    && k + 1 < n
                    && word(k + 1).eq_ignore_ascii_case("only");
                if !not_only {
                    negated = true;
                }
            }
            if p.is(k, HEDGE) {
                hedged = true;
            }
        }
        if clause_start > 0 {
            let opener = word(clause_start.min(n - 1));
            if ["if", "unless", "whether"]
                .iter()
                .any(|x| opener.eq_ignore_ascii_case(x))
            {
                hedged = true;
            }
        }
        // `threatened to`, `accused X of`, `denied` earlier in the sentence carry into
        // the clauses they govern.
        for k in 0..clause_start {
            let w = word(k);
            if [
                "threatened",
                "threatens",
                "threaten",
                "accused",
                "accuses",
                "alleged",
            ]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
            {
                hedged = true;
            }
            if ["denied", "denies", "deny", "rejected", "rejects"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
                && k + 1 < n
                && (word(k + 1).eq_ignore_ascii_case("that") || k + 1 == clause_start)
            {
                negated = true;
            }
        }

        let entries = |gs: &[usize]| -> Vec<EntryIndex> {
            gs.iter()
                .flat_map(|&g| p.groups[g].entries.iter().copied())
                .collect()
        };
        let mut attributed: Vec<EntryIndex> = speakers.to_vec();

        let mut emit = |s: EntryIndex, r: Relation, t: EntryIndex, out: &mut Vec<Found>| {
            if view.state_of(s) == view.state_of(t) {
                return;
            }
            attributed.retain(|&a| a != s && a != t);
            let f = Found {
                source: s,
                relation: r,
                target: t,
                negated,
                hedged,
                attributed_to: attributed.clone(),
            };
            if !out.contains(&f) {
                out.push(f);
            }
        };
        let relations: Vec<Relation> = std::iter::once(relation)
            .chain(cue.also.filter(|_| cue.pos != Pos::Transfer))
            .collect();

        for &relation in &relations {
            if relation.is_symmetric() {
                // `talks between X and Y`: the subject hosts or mediates them.
                let mut left = if between {
                    Vec::new()
                } else {
                    subject_entries.clone()
                };
                if !between {
                    left.extend(premod_entries.iter().copied());
                }
                let mut right = entries(&partners);
                right.extend(entries(&targets));
                if let Some(g) = object_group {
                    right.extend(p.groups[g].entries.iter().copied());
                }
                view.dedup_states(&mut left);
                view.dedup_states(&mut right);
                right.retain(|&r| !left.iter().any(|&l| view.state_of(l) == view.state_of(r)));
                for (a, b) in symmetric_pairs(&left, &right) {
                    emit(a, relation, b, out);
                }
            } else {
                let mut src = entries(&sources);
                let mut tgt = if object_group.is_some() && cue.object == Role::Target {
                    Vec::new()
                } else {
                    entries(&targets)
                };
                if let Some(g) = object_group {
                    let es = p.groups[g].entries.iter().copied();
                    match cue.object {
                        Role::Target => tgt.extend(es),
                        Role::Source => src.extend(es),
                    }
                }
                if !premod_entries.is_empty() {
                    match cue.premod {
                        Role::Source if src.is_empty() => {
                            src.extend(premod_entries.iter().copied())
                        }
                        Role::Target if tgt.is_empty() => {
                            tgt.extend(premod_entries.iter().copied())
                        }
                        _ => {}
                    }
                }
                if !subject_entries.is_empty() {
                    match subject_role {
                        Role::Source if src.is_empty() => src.append(&mut subject_entries.clone()),
                        Role::Target if tgt.is_empty() => tgt.append(&mut subject_entries.clone()),
                        _ => {}
                    }
                }
                view.dedup_states(&mut src);
                view.dedup_states(&mut tgt);
                for &s in &src {
                    for &t in &tgt {
                        emit(s, relation, t, out);
                    }
                }
            }
        }
        subject_entries.clear();
    }

    /// The group right after token `k` (determiners and numbers skipped), in clause `c`.
    fn group_after(&self, p: &Parsed<'_>, mut k: usize, c: u32) -> Option<usize> {
        let n = p.toks.len();
        let mut steps = 0;
        while k < n && steps < 4 && p.clause[k] == c {
            if let Some(g) = p.group_of[k] {
                return (p.groups[g].first == k).then_some(g);
            }
            let w = &p.text[p.toks[k].start..p.toks[k].end];
            let title = w.chars().next().is_some_and(char::is_uppercase)
                && (p.is(k, STATE) || p.is(k, MOD));
            if p.toks[k].kind == Kind::Word && (p.is(k, DET) || is_number(w) || title) {
                k += 1;
                steps += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The subject of a cue: the nearest group before it in its clause that is not
    /// inside a prepositional phrase (a pronoun stands for the subject of the
    /// sentence), a relative clause's antecedent, or "the two countries". A noun
    /// needs a light verb (or one of its link words) between.
    fn subject(&self, p: &Parsed<'_>, hit: Hit, cue: &Cue, premods: &[usize]) -> Option<Subject> {
        let nominal_free = premods.is_empty();
        if cue.pos == Pos::Noun && !nominal_free && !cue.relation.is_symmetric() {
            return None;
        }
        let toks = &p.toks;
        let word = |k: usize| &p.text[toks[k].start..toks[k].end];
        let c = p.clause[hit.a];
        let mut k = hit.a;
        let mut found: Option<Subject> = None;
        let mut at = 0;
        while k > 0 && hit.a - k < SUBJECT_REACH {
            k -= 1;
            if p.clause[k] != c {
                // Step over a relative clause nested in this one (`X, which ..., did`).
                if p.outer.get(&p.clause[k]) == Some(&c) {
                    continue;
                }
                break;
            }
            if let Some(g) = p.group_of[k] {
                let first = p.groups[g].first;
                let gr = &p.groups[g];
                if gr.speaker && !(gr.last < hit.a && hit.b <= gr.said_at) || premods.contains(&g) {
                    k = first;
                    continue;
                }
                if self.in_phrase(p, first) {
                    k = first;
                    continue;
                }
                found = Some(Subject::Group(g));
                at = p.groups[g].last + 1;
                break;
            }
            let w = word(k);
            if toks[k].kind == Kind::Word && p.is(k, PRON) && !(k > 0 && p.is(k - 1, PREP)) {
                found = self.resolve_pronoun(p, k).map(Subject::Group);
                at = k + 1;
                break;
            }
            if toks[k].kind == Kind::Word && (w == "two" || w.eq_ignore_ascii_case("both")) {
                let phrase_start = if w == "two" && k > 0 { k - 1 } else { k };
                let phrase =
                    &p.text[toks[phrase_start].start..toks[(k + 1).min(toks.len() - 1)].end];
                if self
                    .flags
                    .pair_phrases
                    .iter()
                    .any(|x| phrase.eq_ignore_ascii_case(x))
                    && !self.in_phrase(p, phrase_start)
                {
                    found = Some(Subject::Pair);
                    at = k + 2;
                    break;
                }
            }
        }
        if found.is_none() {
            // A relative clause: its antecedent.
            if let Some(&g) = p.antecedent.get(&c) {
                let opener = (0..hit.a)
                    .rev()
                    .find(|&k| p.clause[k] != c)
                    .map_or(0, |k| k + 1);
                if !p.groups[g].speaker && hit.a - opener < SUBJECT_REACH {
                    found = Some(Subject::Group(g));
                    at = opener + 1;
                }
            }
        }
        let found = found?;
        if cue.pos == Pos::Noun {
            let between = at.min(hit.a)..hit.a;
            let ok = match &cue.link {
                Some(link) => between.clone().all(|k| {
                    let w = word(k);
                    in_set(link, w) || is_number(w)
                }),
                // Verbs that end a tie (`cut ties`, `ended its cooperation`) join it too.
                None => between.clone().any(|k| p.is(k, LIGHT) || p.is(k, NEG)),
            };
            if !ok {
                return None;
            }
        }
        Some(found)
    }

    /// `it`/`they`: the subject of the sentence before the pronoun (a speaker included).
    fn resolve_pronoun(&self, p: &Parsed<'_>, k: usize) -> Option<usize> {
        let mut j = k;
        while j > 0 {
            j -= 1;
            if let Some(g) = p.group_of[j] {
                let first = p.groups[g].first;
                if !self.in_phrase(p, first) {
                    return Some(g);
                }
                j = first;
            }
        }
        None
    }
}

#[derive(Debug, Clone, Copy)]
enum Subject {
    Group(usize),
    Pair,
}

/// An adjective directly before a cue noun that is not in a group by itself
/// (`Russian strikes`): kept as a one-mention pseudo-group via its own token.
fn premod_extra(k: usize, premods: &mut Vec<usize>) {
    // Encoded as usize::MAX - k so that entries can be looked up later.
    let code = usize::MAX - k;
    if !premods.contains(&code) {
        premods.push(code);
    }
}

fn premod_group_entries(p: &Parsed<'_>, view: &SentenceView<'_>, g: usize) -> Vec<EntryIndex> {
    if g < p.groups.len() {
        return p.groups[g].entries.clone();
    }
    let k = usize::MAX - g;
    match p.toks.get(k).map(|t| t.kind) {
        Some(Kind::Mention(m)) => vec![view.mentions[m].entry],
        _ => Vec::new(),
    }
}

fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit() || c == '$' || c == '€' || c == '£')
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
