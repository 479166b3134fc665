//! Korean relations: roles from the particles written onto each word.
//!
//! Korean is head-final like Japanese, but writes spaces between words
//! (eojeol), and a particle ends the word it marks: `러시아가` (agent),
//! `우크라이나를` (object), `북한에 대한` (target), `미국과` (partner),
//! `러시아의` (genitive). So for every actor mention we read its *phrase*: the
//! words that belong to the name are skipped (`미국 국무부는`, `푸틴 대통령은`,
//! `한국군이`), and the phrase ends in a particle, in a cue (`우크라이나 침공`,
//! `대러 제재`: a compound), or in another mention (`한미`, `독일·프랑스`:
//! coordination). Then, for each cue, among the mentions before it in its clause:
//!
//! - source: the nearest subject or topic (`이 가 은 는 도`); a genitive joined
//!   to the cue (`러시아의 우크라이나 침공`); else the head noun of a relative
//!   clause (`우크라이나를 침공한 러시아`), else the topic of the sentence or of
//!   the sentences before;
//! - target: the nearest object or goal (`을 를 에 에게 에 대한 로`), a name
//!   compounded with the cue (`이라크 파병`), a prefix (`대북 제재`, `방북`);
//! - partners of symmetric relations: `와 과 하고`, compounds (`한미 정상회담`).
//!
//! Negation is read from the cue to the end of its clause (`하지 않았다`,
//! `부인했다`); hedges to the end of the sentence (`할 전망이다`, `검토`);
//! attribution from verbs of saying after a quotation (`…"라고 밝혔다`) and
//! `에 따르면`.

use serde::Deserialize;

use crate::extract::lexicon::{self, LexiconError};
use crate::extract::words::{Affixes, WordSet};
use crate::extract::{Disaster, Discourse, Found, SentenceView};
use crate::gazetteer::{EntryIndex, Mention};
use crate::model::{ActorId, Lang, Relation};
use crate::script::is_hangul;

#[cfg(test)]
mod tests;

const LEXICON: &str = include_str!("lexicon.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    /// A user cue file's language (see `extract::lexicon::UserLexicon`).
    #[serde(default, rename = "lang")]
    _lang: Option<String>,
    markers: Markers,
    flags: Flags,
    cue: Vec<CueDef>,
}

/// The particles that give a mention its role, and the words that belong to a name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Markers {
    source: Vec<String>,
    object: Vec<String>,
    target: Vec<String>,
    partner: Vec<String>,
    genitive: Vec<String>,
    coordinators: Vec<String>,
    origin: Vec<String>,
    passive_source: Vec<String>,
    name_tails: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flags {
    negation: Vec<String>,
    not_negation: Vec<String>,
    hedge: Vec<String>,
    /// A state's own acts: signing one is no agreement (`행정명령에 서명`).
    #[serde(default)]
    decrees: Vec<String>,
    attribution: Vec<String>,
    cited: Vec<String>,
    /// Natural disasters (지진, 홍수): relief sent with no recipient named
    /// goes to the state the first one is placed in (`모로코 지진`).
    #[serde(default)]
    disasters: Vec<String>,
    /// Words that join an act told before (see [`crate::extract::claims::joined_acts`]).
    #[serde(default)]
    joining: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueDef {
    relation: Relation,
    words: Vec<String>,
    #[serde(default)]
    source: Vec<String>,
    #[serde(default)]
    target: Vec<String>,
    #[serde(default)]
    passive: bool,
    #[serde(default)]
    reverse: bool,
    implied_target: Option<ActorId>,
    #[serde(default)]
    negates: bool,
    genitive: Option<GenitiveRole>,
    #[serde(default)]
    needs_source: bool,
    #[serde(default)]
    states_only: bool,
    disaster: Option<Relation>,
    funded: Option<Relation>,
}

/// The role a mention joined to a nominal cue by `의` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum GenitiveRole {
    Source,
    Target,
}

/// The role a particle gives, before a cue decides what it means for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Source,
    Object,
    Target,
    Partner,
    Genitive,
    Coordinator,
    /// `로부터`, `에서`, `에 의해`: a role only where the cue says which.
    Origin,
}

/// How a mention's phrase ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A particle (`가`, `에 대한`): its role, its surface and where it ends.
    Particle(Marker, usize, usize),
    /// Compounded with a cue (`우크라이나 침공`, `대북 제재`).
    Cue(usize),
    /// Run into the next mention: a compound (`한미`) or a list (`독일·프랑스`).
    Mention(usize),
    /// Nothing recognisable (a place, a noun the name modifies).
    Open,
}

/// The Korean rule set, built once from the embedded lexicon.
#[derive(Debug)]
pub(crate) struct Korean {
    cues: Vec<Cue>,
    /// Cue index of each automaton pattern.
    words: Vec<usize>,
    automaton: crate::extract::words::CueAutomaton,
    /// Particles, longest first, with the role each gives.
    particles: Affixes<Marker>,
    passive_source: Vec<String>,
    /// Words that belong to the name before them, longest first.
    name_tails: Affixes<()>,
    negation: WordSet,
    hedge: WordSet,
    /// A state's own acts that signing does not make an agreement.
    decrees: Vec<String>,
    attribution: WordSet,
    cited: Vec<String>,
    /// [`CLAUSE_ENDS`], searched with one automaton.
    clause_ends: WordSet,
    disasters: WordSet,
    joining: WordSet,
}

#[derive(Debug)]
struct Cue {
    relation: Relation,
    source: Vec<String>,
    target: Vec<String>,
    passive: bool,
    reverse: bool,
    implied_target: Option<ActorId>,
    /// The cue word itself ends the relation (断交, 단교: breaking off
    /// relations), so its claims are denied unless a negation denies the cue.
    negates: bool,
    /// `이스라엘의 주권을 인정`: the possessor is the target, not the agent.
    genitive_is_target: bool,
    /// `나토 회원국들`: without a named source the topic does not stand in.
    needs_source: bool,
    /// Only states take part (`양국 유엔 대표부가 … 수교`: the UN is no party).
    states_only: bool,
    /// The relation the cue states in an article about a disaster.
    disaster: Option<Relation>,
    /// The relation the cue states when a sum of money measures it
    /// (`1억 달러 규모의 지원`: economic aid).
    funded: Option<Relation>,
}

/// A cue found in a sentence (absolute offsets).
#[derive(Debug, Clone, Copy)]
struct CueHit {
    cue: usize,
    start: usize,
    end: usize,
}

/// A mention's phrase: how it ends, and the prefix before it (`대`, `방`).
#[derive(Debug, Clone, Copy)]
struct Phrase {
    ending: Ending,
    /// Where the phrase ends (after the particle, or the last tail word).
    end: usize,
    prefix: Option<char>,
    /// Inside a double-quoted stretch ("…"): a quotation.
    quoted: bool,
}

/// Prefixes before an abbreviation (see `data/lang/ko.toml`): `대` toward,
/// `방` visit, `주` stationed in, `친`/`반` pro-/anti-.
const PREFIXES: [char; 5] = ['대', '방', '주', '친', '반'];

/// Words for "both sides" of the last pair talked about (`양국은`, `두 정상은`).
const BOTH_SIDES: &[&str] = &[
    "양국",
    "두 나라",
    "양측",
    "두 정상",
    "양 정상",
    "두 장관",
    "양국 정상",
];

/// `양국` and the like as two adjacent mentions of the last linked pair, so
/// that they coordinate like a compound (`한미`): the first syllable the first
/// side, the rest the second.
fn both_sides(view: &SentenceView<'_>, discourse: &Discourse) -> Vec<Mention> {
    let Some((a, b)) = discourse.linked else {
        return Vec::new();
    };
    let sentence = view.sentence();
    // Every word starts with 양 or 두: most sentences are passed at once.
    if !sentence.contains('양') && !sentence.contains('두') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for word in BOTH_SIDES {
        for (i, _) in sentence.match_indices(word) {
            let start = view.range.start + i;
            let end = start + word.len();
            let starts_word = sentence[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !is_hangul(c));
            let overlaps = view
                .mentions
                .iter()
                .chain(&out)
                .any(|m| m.start < end && start < m.end);
            if starts_word && !overlaps {
                // `두 장관`: the two words; `양국`: the two syllables.
                let split = match word.find(' ') {
                    Some(sp) => start + sp + 1,
                    None => start + word.chars().next().map_or(0, char::len_utf8),
                };
                let part = |entry, start, end| Mention {
                    entry,
                    start,
                    end,
                    form: crate::gazetteer::Form::Name,
                };
                out.push(part(a, start, split));
                out.push(part(b, split, end));
            }
        }
    }
    out
}

/// Partner particles that also join a list when a name follows.
const LIST_JOINERS: &[&str] = &["와", "과", "하고", "및", "이랑", "랑"];

/// Clause breaks: after them a new predicate starts (`했고`, `했으며`, `했지만`).
const CLAUSE_ENDS: &[&str] = &[
    "고 ",
    "며 ",
    "고,",
    "며,",
    "지만 ",
    "지만,",
    "는데 ",
    "면서 ",
    "했고",
    "했으며",
    "했지만",
    "한편 ",
    "자 ",
    "...",
];

impl Korean {
    pub(crate) fn builtin() -> Self {
        Self::from_toml("src/extract/lang/ko/lexicon.toml", LEXICON)
            .expect("the built-in Korean lexicon passes its checks (tested)")
    }

    /// Cue entries and cue words, for `lexicon check`.
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.cues.len(), self.words.len())
    }

    /// Builds the rules from a lexicon's text, checked: each word once per
    /// list, and a cue word in one cue only (the automaton would keep the first).
    pub(crate) fn from_toml(name: &str, text: &str) -> Result<Self, LexiconError> {
        let file: LexiconFile = lexicon::parse(name, text)?;
        check_lists(name, &file)?;
        let mut cues: Vec<Cue> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut words = Vec::new();
        for def in file.cue {
            let k = cues.len();
            let place = lexicon::cue_place(k, def.relation);
            for (field, list) in [
                ("words", &def.words),
                ("source", &def.source),
                ("target", &def.target),
            ] {
                lexicon::unique(name, &place, field, list, str::to_owned)?;
            }
            for w in &def.words {
                if let Some(i) = patterns.iter().position(|p| p == w) {
                    return Err(LexiconError::TwoCues {
                        file: name.to_owned(),
                        word: w.clone(),
                        first: lexicon::cue_place(words[i], cues[words[i]].relation),
                        second: place,
                        lang: Lang::Ko,
                    });
                }
                patterns.push(w.clone());
                words.push(k);
            }
            cues.push(Cue {
                relation: def.relation,
                source: def.source,
                target: def.target,
                passive: def.passive,
                reverse: def.reverse,
                implied_target: def.implied_target,
                negates: def.negates,
                genitive_is_target: def.genitive == Some(GenitiveRole::Target),
                needs_source: def.needs_source,
                states_only: def.states_only,
                disaster: def.disaster,
                funded: def.funded,
            });
        }
        let automaton = crate::extract::words::CueAutomaton::new(patterns);
        let m = file.markers;
        let mut particles: Vec<(String, Marker)> = Vec::new();
        for (list, marker) in [
            (m.source, Marker::Source),
            (m.object, Marker::Object),
            (m.target, Marker::Target),
            (m.partner, Marker::Partner),
            (m.genitive, Marker::Genitive),
            (m.coordinators, Marker::Coordinator),
            (m.origin, Marker::Origin),
        ] {
            for p in list {
                // A word in two lists (와: partner and coordinator) keeps the first.
                if !particles.iter().any(|(q, _)| *q == p) {
                    particles.push((p, marker));
                }
            }
        }
        particles.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut name_tails = m.name_tails;
        name_tails.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let name_tails = Affixes::new(name_tails.into_iter().map(|t| (t, ())).collect());
        let particles = Affixes::new(particles);
        let f = file.flags;
        Ok(Korean {
            cues,
            words,
            automaton,
            particles,
            passive_source: m.passive_source,
            name_tails,
            negation: WordSet::new(&f.negation, &f.not_negation),
            hedge: WordSet::new(&f.hedge, &[]),
            decrees: f.decrees.clone(),
            attribution: WordSet::new(&f.attribution, &[]),
            cited: f.cited,
            disasters: WordSet::new(&f.disasters, &[]),
            joining: WordSet::new(&f.joining, &[]),
            clause_ends: WordSet::new(
                &CLAUSE_ENDS
                    .iter()
                    .map(|w| (*w).to_owned())
                    .collect::<Vec<_>>(),
                &[],
            ),
        })
    }

    /// The claims of one sentence; updates the discourse topic. `양국`, `두
    ///장관` stand for the pair the last symmetric claim linked.
    pub(crate) fn sentence(
        &self,
        view: &SentenceView<'_>,
        discourse: &mut Discourse,
    ) -> Vec<Found> {
        let sides = both_sides(view, discourse);
        let out = if sides.is_empty() {
            self.sentence_with(view, discourse)
        } else {
            let mut mentions = view.mentions.to_vec();
            mentions.extend(sides);
            mentions.sort_by_key(|m| m.start);
            let view = SentenceView {
                mentions: &mentions,
                ..view.clone()
            };
            self.sentence_with(&view, discourse)
        };
        if let Some(f) = out.iter().find(|f| f.relation.is_symmetric() && !f.negated) {
            discourse.linked = Some((f.source, f.target));
        }
        out
    }

    fn sentence_with(&self, view: &SentenceView<'_>, discourse: &mut Discourse) -> Vec<Found> {
        discourse.note_disaster(view, || self.disaster_in(view));
        let mentions = view.mentions;
        if mentions.is_empty() {
            return Vec::new();
        }
        let hits = self.cue_hits(view);
        let quotes = Quotes::of(view);
        let mut phrases: Vec<Phrase> = (0..mentions.len())
            .map(|i| self.phrase(view, &hits, &quotes, i))
            .collect();
        headline_subject(view, &mut phrases);
        let roles = effective_endings(&phrases);
        let topics = sentence_topics(view, &phrases, &roles);
        let mut out = Vec::new();
        if !hits.is_empty() {
            let s = Sentence {
                view,
                hits: &hits,
                phrases: &phrases,
                roles: &roles,
                topics: &topics,
                previous: discourse.topic,
                quotes: &quotes,
                stricken: discourse.stricken,
                disaster: discourse.disaster,
            };
            for h in 0..hits.len() {
                self.cue_claims(&s, h, &mut out);
            }
        }
        self.inclusions(view, &phrases, &mut out);
        if let Some(&(_, t)) = topics.last() {
            discourse.topic = Some(t);
        }
        out
    }

    /// Where the sentence joins an act told before (see
    /// [`crate::extract::lang::Language::joining_at`]).
    /// The word must stand bare (`제재에 동참` joins what it names,
    /// `동참하지 않았다` is no joining).
    pub(crate) fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize> {
        let sentence = view.sentence();
        let (start, end) = self.joining.positions(sentence).next()?;
        let after: String = sentence[end..].chars().take(8).collect();
        let negated = after.contains('않') || after.contains('못');
        // The complement may stand an adverb away (`노력에 적극 동참`).
        let complement = sentence[..start]
            .split_whitespace()
            .rev()
            .take(2)
            .any(|w| w.ends_with(['에', '게']));
        (!complement && !negated).then_some(view.range.start + start)
    }

    /// The natural disaster the sentence names, placed in the state right
    /// before it: nothing but `에서`, `의` or a part of the country between
    /// (`모로코 지진`, `튀르키예 남부에서 강진`).
    fn disaster_in(&self, view: &SentenceView<'_>) -> Disaster {
        const PARTS: &[&str] = &[
            "남부",
            "북부",
            "동부",
            "서부",
            "중부",
            "남동부",
            "남서부",
            "북동부",
            "북서부",
        ];
        let s0 = view.range.start;
        let words = self.disasters.positions(view.sentence());
        Disaster::read(words.map(|(a, b)| (s0 + a, s0 + b)), |start, _| {
            let m = view.state_before(start)?;
            let placed = view.text[m.end..start].split_whitespace().all(|w| {
                let w = ["에서", "의", "에"]
                    .iter()
                    .find_map(|p| w.strip_suffix(p))
                    .unwrap_or(w);
                w.is_empty() || PARTS.contains(&w)
            });
            placed.then_some(m.entry)
        })
    }

    /// Cue words in the sentence, minus those inside actor names; a one-syllable
    /// cue (`방` in `방북`) counts only right before a name.
    fn cue_hits(&self, view: &SentenceView<'_>) -> Vec<CueHit> {
        let s0 = view.range.start;
        self.automaton
            .get()
            .find_iter(view.sentence())
            .map(|m| CueHit {
                cue: self.words[m.pattern().as_usize()],
                start: s0 + m.start(),
                end: s0 + m.end(),
            })
            .filter(|h| {
                !view
                    .mentions
                    .iter()
                    .any(|m| m.start < h.end && h.start < m.end)
            })
            .filter(|h| {
                view.text[h.start..h.end].chars().nth(1).is_some()
                    || view.mentions.iter().any(|m| m.start == h.end)
            })
            .filter(|h| !self.signs_a_decree(view, h))
            .collect()
    }

    /// `행정명령에 서명`: signing one's own decree or bill is no agreement
    /// with anyone.
    fn signs_a_decree(&self, view: &SentenceView<'_>, h: &CueHit) -> bool {
        if self.cues[h.cue].relation != Relation::Agreement {
            return false;
        }
        let head = view.text[view.range.start..h.start].trim_end();
        let head = ["에", "을", "를"]
            .iter()
            .find_map(|p| head.strip_suffix(p))
            .unwrap_or(head);
        self.decrees.iter().any(|d| head.ends_with(d.as_str()))
    }

    /// Reads what follows mention `i`: tails, then a particle, a cue or a name.
    fn phrase(
        &self,
        view: &SentenceView<'_>,
        hits: &[CueHit],
        quotes: &Quotes,
        i: usize,
    ) -> Phrase {
        let text = view.text;
        let mentions = view.mentions;
        let m = mentions[i];
        let end = view.range.end;
        let head = &text[view.range.start..m.start];
        let quoted = quotes.inside(m.start);
        let prefix = head
            .chars()
            .next_back()
            .filter(|c| PREFIXES.contains(c))
            .filter(|_| m.form == crate::gazetteer::Form::Abbreviation || !head.is_empty());
        let mut pos = self.skip_tails(text, m.end, end, mentions, hits);
        // A reading in brackets after a name: 조순형(趙舜衡), 유럽연합(EU).
        if text[pos..end].starts_with('(')
            && let Some(close) = text[pos..end].find(')')
        {
            pos = self.skip_tails(text, pos + close + 1, end, mentions, hits);
        }
        let ending = self.ending_at(text, pos, end, mentions, hits);
        let phrase_end = match ending {
            Ending::Particle(_, _, e) => e,
            _ => pos,
        };
        Phrase {
            ending,
            end: phrase_end,
            prefix,
            quoted,
        }
    }

    /// Skips the words that belong to a name (`대통령`, `정부`, `군`), glued or
    /// one space after it, unless a cue or another name starts there.
    fn skip_tails(
        &self,
        text: &str,
        mut pos: usize,
        end: usize,
        mentions: &[Mention],
        hits: &[CueHit],
    ) -> usize {
        loop {
            let spaced = text[pos..end].starts_with(' ');
            let at = if spaced { pos + 1 } else { pos };
            if hits.iter().any(|h| h.start == at) || mentions.iter().any(|n| n.start == at) {
                return pos;
            }
            let rest = &text[at..end];
            // A count between name and particle: 러시아 외교관 23명을.
            if spaced && rest.starts_with(|c: char| c.is_ascii_digit()) {
                let word = &rest[..rest.find(' ').unwrap_or(rest.len())];
                let particle = self
                    .particles
                    .suffix_where(word, |p, _| word.len() > p.len())
                    .map_or(0, |(p, _)| p.len());
                return at + word.len() - particle;
            }
            let Some((tail, _)) = self.name_tails.prefix_of(rest) else {
                return pos;
            };
            pos = at + tail.len();
        }
    }

    /// How a phrase that reached `pos` ends.
    fn ending_at(
        &self,
        text: &str,
        pos: usize,
        end: usize,
        mentions: &[Mention],
        hits: &[CueHit],
    ) -> Ending {
        let rest = &text[pos..end];
        if let Some(next) = mentions.iter().position(|n| n.start == pos) {
            return Ending::Mention(next);
        }
        if let Some(k) = hits.iter().position(|h| h.start == pos) {
            return Ending::Cue(k);
        }
        if let Some((p, marker)) = self
            .particles
            .prefix_where(rest, |p, _| word_ends(&rest[p.len()..], p))
        {
            let after = pos + p.len();
            // `노르웨이와 아일랜드, 스페인이`: 와/과 before another name joins a list.
            if *marker == Marker::Coordinator
                || (*marker == Marker::Partner && LIST_JOINERS.contains(&p))
            {
                let skip = text[after..end].len() - text[after..end].trim_start().len();
                if let Some(next) = mentions.iter().position(|n| n.start == after + skip) {
                    return Ending::Mention(next);
                }
            }
            return Ending::Particle(*marker, pos, after);
        }
        // A bare name before a noun (이라크 추가파병): compounded with a cue in
        // the next word.
        if let Some(word) = rest.strip_prefix(' ') {
            let word_end = pos + 1 + word.find(' ').unwrap_or(word.len());
            if let Some(k) = hits
                .iter()
                .position(|h| h.start > pos && h.start < word_end)
            {
                return Ending::Cue(k);
            }
        }
        Ending::Open
    }
}

/// Each marker and flag word once per list, as `lexicon check` promises.
fn check_lists(name: &str, file: &LexiconFile) -> Result<(), LexiconError> {
    let (m, f) = (&file.markers, &file.flags);
    for (place, field, list) in [
        ("markers", "source", &m.source),
        ("markers", "object", &m.object),
        ("markers", "target", &m.target),
        ("markers", "partner", &m.partner),
        ("markers", "genitive", &m.genitive),
        ("markers", "coordinators", &m.coordinators),
        ("markers", "origin", &m.origin),
        ("markers", "passive_source", &m.passive_source),
        ("markers", "name_tails", &m.name_tails),
        ("flags", "negation", &f.negation),
        ("flags", "not_negation", &f.not_negation),
        ("flags", "hedge", &f.hedge),
        ("flags", "decrees", &f.decrees),
        ("flags", "attribution", &f.attribution),
        ("flags", "cited", &f.cited),
        ("flags", "disasters", &f.disasters),
        ("flags", "joining", &f.joining),
    ] {
        lexicon::unique(name, place, field, list, str::to_owned)?;
    }
    Ok(())
}

impl Korean {
    /// `독일·프랑스를 비롯한 유럽연합`: the names listed before 비롯한 ("including")
    /// are members of the body named after it.
    fn inclusions(&self, view: &SentenceView<'_>, phrases: &[Phrase], out: &mut Vec<Found>) {
        let text = view.text;
        for i in 0..view.mentions.len() {
            let Ending::Particle(Marker::Object, _, after) = phrases[i].ending else {
                continue;
            };
            let Some(rest) = text[after..view.range.end].strip_prefix(" 비롯한 ") else {
                continue;
            };
            let at = view.range.end - rest.len();
            let Some(body) = view.mentions.iter().find(|n| n.start == at) else {
                continue;
            };
            if view.kind_of(body.entry) != crate::model::ActorKind::Organization {
                continue;
            }
            for member in coordination_group(i, phrases) {
                out.push(Found {
                    source: view.mentions[member].entry,
                    relation: Relation::Membership,
                    target: body.entry,
                    negated: false,
                    hedged: false,
                    attributed_to: Vec::new(),
                });
            }
        }
    }
}

/// Whether a particle ends its word: it is followed by a space, punctuation
/// or the end, not by more Hangul (`가` in `가입` is no particle).
fn word_ends(after: &str, particle: &str) -> bool {
    // A particle that is punctuation or ends in a space needs nothing after it.
    if !particle.ends_with(is_hangul) {
        return true;
    }
    !after.starts_with(is_hangul)
}

/// Passes each coordinated mention the ending of the last one in its list
/// (`독일·프랑스·이탈리아가`: all three are subjects).
fn effective_endings(phrases: &[Phrase]) -> Vec<Ending> {
    let mut out: Vec<Ending> = phrases.iter().map(|p| p.ending).collect();
    for i in (0..phrases.len()).rev() {
        if let Ending::Mention(next) = phrases[i].ending
            && next > i
        {
            out[i] = out[next];
        }
        // 주한 미국대사: a place modifier; 친러 세력: no state acting.
        if matches!(phrases[i].prefix, Some('주' | '친' | '반')) {
            out[i] = Ending::Open;
        }
    }
    out
}

/// A headline that opens with `X,` before another name (`트럼프, 이란에 경고`)
/// names its subject, not a list, unless the list ends in a subject particle
/// (`독일, 프랑스가`).
fn headline_subject(view: &SentenceView<'_>, phrases: &mut [Phrase]) {
    let text = view.text;
    let Some(first) = view.mentions.first() else {
        return;
    };
    let Ending::Mention(next) = phrases[0].ending else {
        return;
    };
    let between = &text[first.end..view.mentions[next].start];
    if first.start != view.range.start || !between.trim_end().ends_with(',') {
        return;
    }
    if !matches!(
        effective_endings(phrases)[0],
        Ending::Particle(Marker::Source, _, _)
    ) {
        let at = first.end + between.find(',').unwrap_or(0);
        phrases[0].ending = Ending::Particle(Marker::Coordinator, at, at + 1);
        phrases[0].end = at + 1;
    }
}

/// The list a mention is part of: it and the mentions joined to it.
fn coordination_group(n: usize, phrases: &[Phrase]) -> Vec<usize> {
    let mut group = vec![n];
    let mut cur = n;
    while cur > 0 && phrases[cur - 1].ending == Ending::Mention(cur) {
        cur -= 1;
        group.push(cur);
    }
    group
}

/// The topics of a sentence, in order: each `X는`/`X은` outside quotations,
/// and a headline subject before a comma (`트럼프, …`, `…파키스탄, 보복`).
fn sentence_topics(
    view: &SentenceView<'_>,
    phrases: &[Phrase],
    roles: &[Ending],
) -> Vec<(usize, EntryIndex)> {
    let text = view.text;
    (0..phrases.len())
        .filter(|&i| {
            let Ending::Particle(_, at, after) = roles[i] else {
                return false;
            };
            // The headline's `X,` counts only at the very start of the line.
            let first = coordination_group(i, phrases).last().map_or(i, |&f| f);
            let start = view.mentions[first].start;
            let own_comma = matches!(phrases[i].ending, Ending::Particle(_, a, _) if a == at);
            let headline = &text[at..after] == ","
                && own_comma
                && (start == view.range.start || text[..start].trim_end().ends_with(['…', '.']));
            !phrases[i].quoted && (matches!(&text[at..after], "은" | "는" | "께서는") || headline)
        })
        .map(|i| (view.mentions[i].start, view.mentions[i].entry))
        .collect()
}

/// What every cue of one sentence shares.
struct Sentence<'v, 'a> {
    view: &'v SentenceView<'a>,
    hits: &'v [CueHit],
    phrases: &'v [Phrase],
    roles: &'v [Ending],
    /// The sentence's topics (mention start, entry), in order.
    topics: &'v [(usize, EntryIndex)],
    /// The topic of the sentences before.
    previous: Option<EntryIndex>,
    quotes: &'v Quotes,
    /// See `Discourse::stricken`.
    stricken: Option<EntryIndex>,
    /// See `Discourse::disaster`.
    disaster: bool,
}

/// Where a sentence's double quotes are, so that whether a byte lies inside
/// a quotation is a lookup, not a count from the sentence start.
struct Quotes(Vec<usize>);

impl Quotes {
    fn of(view: &SentenceView<'_>) -> Self {
        let found = view.sentence().match_indices(['"', '“', '”']);
        Quotes(found.map(|(i, _)| view.range.start + i).collect())
    }

    /// Whether byte `at` of the sentence lies inside a double-quoted stretch.
    fn inside(&self, at: usize) -> bool {
        self.0.partition_point(|&q| q < at) % 2 == 1
    }
}

/// The roles one cue found, as mention indices.
#[derive(Debug, Default)]
struct Roles {
    sources: Vec<usize>,
    targets: Vec<usize>,
    partners: Vec<usize>,
}

mod frame;
