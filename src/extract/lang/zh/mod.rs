//! Chinese relations: roles from word order and the preposition before a name.
//!
//! Chinese is written without spaces and mostly subject–verb–object; a name's
//! role is said by its place and by the preposition before it, not by a
//! particle after it. The sentence is read in four steps:
//!
//! 1. *Phrases*: a state, a title and a person (`俄罗斯总统普京`,
//!    `中国外交部发言人汪文斌`) are one phrase; its marker is the preposition
//!    before its first name (`对`, `与`, `被`, `在` …, or a prefix such as `对华`).
//! 2. *Groups*: phrases joined by `和` `与` `及` `、` or written as one compound
//!    (`中美`, `中俄`) act together.
//! 3. For each cue, in its clause (up to `,` `;` `:`): the subject is the first
//!    unmarked group before the cue; `对` `向` `对于` `给` mark the target, and
//!    so does the object (the first group after the cue); `与` `同` `跟` mark a
//!    partner of a symmetric relation; `被` `遭` `受到` `由` mark the agent of a
//!    passive, whose subject is then the target. A clause without a subject
//!    takes the sentence's (`X表示,将制裁Y`), or the previous sentence's.
//! 4. Flags: negation and hedges stand before the verb in its clause (`没有`,
//!    `拒绝`, `将`, `计划`); reports (`据报道`) hedge the whole sentence; the
//!    subject of a verb of saying before the cue (`X表示`, `据X报道`) is who
//!    the claim is attributed to.
//!
//! The text is in simplified characters already (see [`crate::simplify`]);
//! the lexicon is folded the same way when it loads.

use serde::Deserialize;

use crate::extract::claims::symmetric_pairs;
use crate::extract::lexicon::{self, LexiconError};
use crate::extract::words::WordSet;
use crate::extract::{Disaster, Discourse, Found, SentenceView, relief_recipient};
use crate::gazetteer::{EntryIndex, Form, Mention};
use crate::model::{ActorId, ActorKind, Relation};

mod grammar;
/// What one reading of a sentence found, and what it would carry over.
#[derive(Debug, Default)]
struct Reading {
    found: Vec<Found>,
    /// The sentence's subject, the next sentences' topic.
    topic: Option<EntryIndex>,
    /// The last list of three or more states it named.
    listed: Option<Vec<EntryIndex>>,
    /// The last pair it related.
    linked: Option<(EntryIndex, EntryIndex)>,
}

impl Reading {
    /// Keeps this reading: its claims, and what it carries over.
    fn kept(self, discourse: &mut Discourse) -> Vec<Found> {
        if self.topic.is_some() {
            discourse.topic = self.topic;
        }
        if let Some(list) = self.listed {
            discourse.listed = list;
        }
        if self.linked.is_some() {
            discourse.linked = self.linked;
        }
        self.found
    }
}

#[cfg(test)]
mod tests;

use grammar::{Group, Marker};

const LEXICON: &str = include_str!("lexicon.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    /// A user cue file's language (see `extract::lexicon::UserLexicon`).
    #[serde(default, rename = "lang")]
    _lang: Option<String>,
    flags: Flags,
    ignore: Ignore,
    cue: Vec<CueDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flags {
    negation: Vec<String>,
    not_negation: Vec<String>,
    hedge: Vec<String>,
    /// A state's own acts: signing one is no agreement (`签署行政命令`).
    #[serde(default)]
    decrees: Vec<String>,
    hedge_after: Vec<String>,
    anaphora: Vec<String>,
    report: Vec<String>,
    attribution: Vec<String>,
    /// Adverbs of reciprocity right before a cue (`互相指责`): the act runs
    /// both ways between the members of its subject.
    #[serde(default)]
    reciprocal: Vec<String>,
    /// Natural disasters (地震, 洪水): relief sent with no recipient named
    /// goes to the state the first one is placed in (`摩洛哥地震`).
    #[serde(default)]
    disasters: Vec<String>,
    /// Words that join an act told before (see [`crate::extract::claims::joined_acts`]).
    #[serde(default)]
    joining: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ignore {
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueDef {
    relation: Relation,
    words: Vec<String>,
    #[serde(default)]
    passive: bool,
    #[serde(default)]
    reverse: bool,
    #[serde(default)]
    marked_target: bool,
    #[serde(default)]
    both_ways: bool,
    #[serde(default)]
    place_target: bool,
    #[serde(default)]
    source_marker: Vec<String>,
    #[serde(default)]
    target_marker: Vec<String>,
    implied_target: Option<ActorId>,
    #[serde(default)]
    negates: bool,
}

/// One cue entry, as the rules use it.
#[derive(Debug)]
struct Cue {
    relation: Relation,
    passive: bool,
    reverse: bool,
    /// Only a marked mention is the target, never the object (`向乌克兰提供导弹`).
    marked_target: bool,
    both_ways: bool,
    /// A place right before the cue is its target (`在华盛顿访问`).
    place_target: bool,
    source_marker: Vec<String>,
    target_marker: Vec<String>,
    implied_target: Option<ActorId>,
    /// The cue word itself ends the relation (断交, 단교: breaking off
    /// relations), so its claims are denied unless a negation denies the cue.
    negates: bool,
}

/// The Chinese rule set, built once from the embedded lexicon.
#[derive(Debug)]
pub(crate) struct Chinese {
    cues: Vec<Cue>,
    /// Per automaton pattern: its cue, or `None` for a word that only hides
    /// the cue words inside it (`采访`).
    words: Vec<Option<usize>>,
    automaton: crate::extract::words::CueAutomaton,
    negation: WordSet,
    hedge: WordSet,
    /// A state's own acts that signing does not make an agreement.
    decrees: Vec<String>,
    hedge_after: WordSet,
    /// Demonstratives (`该`, `这项`), longest first.
    anaphora: Vec<String>,
    report: WordSet,
    attribution: WordSet,
    reciprocal: Vec<String>,
    disasters: WordSet,
    joining: WordSet,
}

/// A cue found in a sentence (absolute offsets).
#[derive(Debug, Clone, Copy)]
struct CueHit {
    cue: usize,
    start: usize,
    end: usize,
    /// Whether the cue stands inside quotes.
    quoted: bool,
}

/// The roles one cue found.
#[derive(Debug, Default)]
struct Roles {
    sources: Vec<EntryIndex>,
    targets: Vec<EntryIndex>,
    partners: Vec<EntryIndex>,
}

/// The groups around one cue, by what marks them, before roles are given.
#[derive(Debug, Default)]
struct Found_<'g> {
    subject: Option<&'g Group>,
    owner: Option<&'g Group>,
    passive_agent: Option<&'g Group>,
    marked_target: Option<&'g Group>,
    possessed: Option<&'g Group>,
    object: Option<&'g Group>,
    partners: Vec<&'g Group>,
}

impl Found_<'_> {
    /// The roles these groups play for `cue`.
    fn into_roles(self, view: &SentenceView<'_>, cue: &Cue) -> Roles {
        let mut roles = Roles::default();
        let symmetric = cue.relation.is_symmetric();
        for p in &self.partners {
            p.extend_into(view, &mut roles.partners);
        }
        if cue.passive || self.passive_agent.is_some() {
            if let Some(a) = self.passive_agent {
                a.extend_into(view, &mut roles.sources);
            }
            if let Some(s) = self.subject {
                s.extend_into(view, &mut roles.targets);
            }
            return roles;
        }
        if let Some(s) = self.owner.or(self.subject) {
            s.extend_into(view, &mut roles.sources);
        }
        if symmetric {
            // `X和Y签署协议`: a pair in the subject is complete without an object.
            let pair = roles.sources.len() + roles.partners.len() >= 2;
            // `日本是美国的盟友`: the owner of the noun is the other party.
            if let Some(o) = self.possessed.or(self.object).filter(|_| !pair) {
                o.extend_into(view, &mut roles.partners);
            }
            roles.partners.retain(|p| !roles.sources.contains(p));
            return roles;
        }
        let object = self.object.filter(|_| !cue.marked_target);
        if let Some(t) = self.marked_target.or(self.possessed).or(object) {
            t.extend_into(view, &mut roles.targets);
        }
        roles
    }
}

/// The lexicon's words in the form the text is read in.
fn folded(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|w| crate::simplify::simplified(w))
        .collect()
}

impl Chinese {
    pub(crate) fn builtin() -> Self {
        Self::from_toml("src/extract/lang/zh/lexicon.toml", LEXICON)
            .expect("the built-in Chinese lexicon passes its checks (tested)")
    }

    /// Cue entries and cue words, for `lexicon check`.
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.cues.len(), self.words.iter().flatten().count())
    }

    /// Builds the rules from a lexicon's text, checked: each word once per
    /// list, and a cue word in one cue only.
    pub(crate) fn from_toml(name: &str, text: &str) -> Result<Self, LexiconError> {
        let file: LexiconFile = lexicon::parse(name, text)?;
        let f = &file.flags;
        for (field, list) in [
            ("negation", &f.negation),
            ("not_negation", &f.not_negation),
            ("hedge", &f.hedge),
            ("decrees", &f.decrees),
            ("hedge_after", &f.hedge_after),
            ("anaphora", &f.anaphora),
            ("report", &f.report),
            ("attribution", &f.attribution),
            ("reciprocal", &f.reciprocal),
            ("disasters", &f.disasters),
            ("joining", &f.joining),
        ] {
            lexicon::unique(name, "flags", field, &folded(list), str::to_owned)?;
        }
        lexicon::unique(
            name,
            "ignore",
            "words",
            &folded(&file.ignore.words),
            str::to_owned,
        )?;
        let mut cues: Vec<Cue> = Vec::new();
        let mut patterns: Vec<String> = folded(&file.ignore.words);
        let mut words: Vec<Option<usize>> = vec![None; patterns.len()];
        for def in file.cue {
            let k = cues.len();
            let place = lexicon::cue_place(k, def.relation);
            let list = folded(&def.words);
            lexicon::unique(name, &place, "words", &list, str::to_owned)?;
            for w in list {
                if let Some(i) = patterns.iter().position(|p| *p == w) {
                    let first = match words[i] {
                        Some(c) => lexicon::cue_place(c, cues[c].relation),
                        None => "`ignore`".to_owned(),
                    };
                    return Err(LexiconError::TwoCues {
                        file: name.to_owned(),
                        word: w,
                        first,
                        second: place,
                        lang: crate::model::Lang::Zh,
                    });
                }
                patterns.push(w);
                words.push(Some(k));
            }
            cues.push(Cue {
                relation: def.relation,
                passive: def.passive,
                reverse: def.reverse,
                marked_target: def.marked_target,
                both_ways: def.both_ways,
                place_target: def.place_target,
                source_marker: folded(&def.source_marker),
                target_marker: folded(&def.target_marker),
                implied_target: def.implied_target,
                negates: def.negates,
            });
        }
        let automaton = crate::extract::words::CueAutomaton::new(patterns);
        Ok(Chinese {
            cues,
            words,
            automaton,
            negation: WordSet::new(&folded(&f.negation), &folded(&f.not_negation)),
            hedge: WordSet::new(&folded(&f.hedge), &[]),
            decrees: folded(&f.decrees),
            hedge_after: WordSet::new(&folded(&f.hedge_after), &[]),
            anaphora: folded(&f.anaphora),
            report: WordSet::new(&folded(&f.report), &[]),
            attribution: WordSet::new(&folded(&f.attribution), &[]),
            reciprocal: folded(&f.reciprocal),
            disasters: WordSet::new(&folded(&f.disasters), &[]),
            joining: WordSet::new(&folded(&f.joining), &[]),
        })
    }

    /// The claims of one sentence; updates what carries over to the next.
    pub(crate) fn sentence(
        &self,
        view: &SentenceView<'_>,
        discourse: &mut Discourse,
    ) -> Vec<Found> {
        // `两国` may name the pair this very sentence relates first (`A与B会晤,
        // 双方签署协议`): a first reading without it says which pair that is.
        // Readings leave the discourse alone until one is kept, so it is
        // never copied.
        discourse.note_disaster(view, || self.disaster_in(view));
        let carried = (discourse.topic, discourse.stricken);
        let plain = self.read(view, carried);
        let linked_before = discourse.linked;
        if let Some(f) = plain.found.iter().find(|f| !f.negated) {
            discourse.linked = Some((f.source, f.target));
        }
        let mut both = grammar::both_sides(view, discourse);
        let counted = grammar::counted_states(view, discourse, &both);
        both.extend(counted);
        if both.is_empty() {
            discourse.linked = linked_before;
            return plain.kept(discourse);
        }
        let mut mentions = view.mentions.to_vec();
        mentions.extend(both);
        mentions.sort_by_key(|m| m.start);
        let view = SentenceView {
            mentions: &mentions,
            ..view.clone()
        };
        self.read(&view, carried).kept(discourse)
    }

    /// Where the sentence joins an act told before (see
    /// [`crate::extract::lang::Language::joining_at`]).
    /// `没有跟进` and `拒绝效仿` are no joining.
    pub(crate) fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize> {
        let sentence = view.sentence();
        let (start, _) = self.joining.positions(sentence).next()?;
        let negated = sentence[..start]
            .chars()
            .rev()
            .take(3)
            .any(|c| matches!(c, '没' | '未' | '不' | '拒'));
        (!negated).then_some(view.range.start + start)
    }

    /// The natural disaster the sentence names, placed in the state right
    /// before it, a few chars of its clause at most between (`摩洛哥地震`,
    /// `摩洛哥发生强震`, `土耳其南部地震`).
    fn disaster_in(&self, view: &SentenceView<'_>) -> Disaster {
        let s0 = view.range.start;
        let words = self.disasters.positions(view.sentence());
        Disaster::read(words.map(|(a, b)| (s0 + a, s0 + b)), |start, _| {
            let m = view.state_before(start)?;
            let between = &view.text[m.end..start];
            let near = between.chars().count() <= 6
                && !between.contains(['，', '。', '、', ',', '向', '对', '给', '为']);
            near.then_some(m.entry)
        })
    }

    /// One reading of a sentence, given the topic carried over.
    /// `carried`: the topic and the stricken state (see `Discourse`).
    fn read(
        &self,
        view: &SentenceView<'_>,
        carried: (Option<EntryIndex>, Option<EntryIndex>),
    ) -> Reading {
        let (topic, stricken) = carried;
        let mut reading = Reading::default();
        if view.mentions.is_empty() {
            return reading;
        }
        let quotes = grammar::Quotes::of(view);
        let groups = grammar::groups(view, &quotes);
        let subject = grammar::subject(&groups, view);
        let hits = self.cue_hits(view, &quotes);
        // A sentence that reports hedges every cue in it: read once.
        let reported = !hits.is_empty() && self.report.occurs_in(view.sentence());
        for hit in &hits {
            let context = (subject, topic, reported, stricken);
            self.cue_claims(view, &groups, hit, context, &mut reading.found);
        }
        reading.topic = subject.map(|s| groups[s].head(view));
        // A list of three or more states, for a later `3国`.
        reading.listed = groups.iter().rev().find_map(|g| g.states(view));
        // The pair a later 两国 / 双方 refers to: the last two states (or
        // their leaders) a symmetric relation joined. Hamas and Israel are
        // no 两国, nor an attacker and its target the two sides of a pact.
        let of_state =
            |e: EntryIndex| matches!(view.kind_of(e), ActorKind::Country | ActorKind::Person);
        reading.linked = reading
            .found
            .iter()
            .rev()
            .find(|f| {
                !f.negated && f.relation.is_symmetric() && of_state(f.source) && of_state(f.target)
            })
            .map(|f| (f.source, f.target));
        reading
    }

    /// The cue words of the sentence, in order; a one-char cue (`访`, `赴`)
    /// only when a name follows it (`访华`), as it is a prefix then.
    fn cue_hits(&self, view: &SentenceView<'_>, quotes: &grammar::Quotes) -> Vec<CueHit> {
        let s0 = view.range.start;
        self.automaton
            .get()
            .find_iter(view.sentence())
            .filter_map(|m| {
                let cue = self.words[m.pattern().as_usize()]?;
                let (start, end) = (s0 + m.start(), s0 + m.end());
                let one_char = view.text[start..end].chars().count() == 1;
                let named_after = view.mentions.iter().any(|n| n.start == end);
                (!one_char || named_after).then(|| CueHit {
                    cue,
                    start,
                    end,
                    quoted: quotes.around(start),
                })
            })
            .filter(|h| !self.signs_a_decree(view, h))
            .collect()
    }

    /// `签署了…的行政命令`: signing one's own decree or bill (the head noun
    /// ending the clause after the verb) is no agreement with anyone.
    fn signs_a_decree(&self, view: &SentenceView<'_>, h: &CueHit) -> bool {
        if self.cues[h.cue].relation != Relation::Agreement {
            return false;
        }
        let rest = &view.text[h.end..view.range.end];
        let clause = rest
            .split(['，', '。', '；', ',', ';'])
            .next()
            .unwrap_or(rest);
        self.decrees.iter().any(|d| clause.ends_with(d.as_str()))
    }

    /// The claims one cue yields: roles, the subject fallback, then flags.
    /// What the sentence shares: its subject group, the text's topic, and
    /// whether it reports (which hedges every cue in it).
    fn cue_claims(
        &self,
        view: &SentenceView<'_>,
        groups: &[Group],
        hit: &CueHit,
        (subject, topic, reported, stricken): (
            Option<usize>,
            Option<EntryIndex>,
            bool,
            Option<EntryIndex>,
        ),
        out: &mut Vec<Found>,
    ) {
        let cue = &self.cues[hit.cue];
        // `该协议`: an event told before, whose parties were named then.
        let head = &view.text[view.range.start..hit.start];
        if self.anaphora.iter().any(|d| head.ends_with(d.as_str())) {
            return;
        }
        let (clause_start, clause_end) = grammar::clause_around(view, hit.start, hit.end);
        let mut roles = self.roles(view, groups, hit, (clause_start, clause_end));
        let symmetric = cue.relation.is_symmetric();
        if let Some(t) = cue
            .implied_target
            .as_ref()
            .and_then(|id| view.actors.index_of(id))
        {
            roles.targets = vec![t];
        }
        // A clause without a subject takes the sentence's, then the text's.
        let needs_source = roles.sources.is_empty()
            && if symmetric {
                roles.partners.len() == 1
            } else {
                !roles.targets.is_empty()
            };
        // A quoted cue keeps to its quote; the text's topic stands in only
        // when the sentence names no one before the cue.
        if needs_source && !hit.quoted {
            match subject.filter(|&s| groups[s].end <= hit.start) {
                Some(s) => groups[s].extend_into(view, &mut roles.sources),
                None if groups.iter().all(|g| g.start >= hit.start) => {
                    roles.sources.extend(topic);
                }
                None => {}
            }
            roles.targets.retain(|t| !roles.sources.contains(t));
            roles.partners.retain(|p| !roles.sources.contains(p));
        }
        // `继美国和英国之后，韩国也向伊拉克派兵`: those followed did it too.
        if !symmetric && !roles.targets.is_empty() {
            for g in groups.iter().filter(|g| followed(view, g, clause_start)) {
                let mut those = Vec::new();
                g.extend_into(view, &mut those);
                those.retain(|x| !roles.sources.contains(x) && !roles.targets.contains(x));
                roles.sources.extend(those);
            }
        }
        // `卡塔尔提供援助`: relief with no recipient goes where the disaster struck.
        if !symmetric && roles.targets.is_empty() {
            let source = match roles.sources.first() {
                Some(&s) => Some(s),
                // The sentence's own subject; a topic carried over may have
                // handed the relief on (`联合国…派出专家小组`).
                None => subject.map(|s| groups[s].head(view)),
            };
            let sources: Vec<EntryIndex> = source.into_iter().collect();
            let relief = relief_recipient(stricken, view, cue.relation, &sources);
            if relief.is_some() && roles.sources.is_empty() {
                roles.sources = sources;
            }
            roles.targets.extend(relief);
        }
        let before_cue = &view.text[clause_start..hit.start];
        // `印巴互相指责`: each member of the subject acts on the other.
        let both_ways = cue.both_ways
            || !symmetric
                && self
                    .reciprocal
                    .iter()
                    .any(|r| before_cue.ends_with(r.as_str()));
        if both_ways && roles.targets.is_empty() && roles.sources.len() > 1 {
            roles.targets = roles.sources.split_off(1);
        }
        let negated = cue.negates != self.negation.occurs_in(before_cue);
        let hedged = reported
            || grammar::hedged(&self.hedge, view, clause_start, hit.start)
            || self.hedge_after.occurs_in(&view.text[hit.end..clause_end]);
        let attributed_to = self.attribution(view, groups, hit, &roles);
        let mut push = |a: EntryIndex, b: EntryIndex| {
            let (source, target) = if cue.reverse { (b, a) } else { (a, b) };
            out.push(Found {
                source,
                relation: cue.relation,
                target,
                negated,
                hedged,
                attributed_to: attributed_to.clone(),
            });
        };
        if symmetric {
            let mut left = roles.sources.clone();
            left.extend(roles.targets.iter().copied());
            view.dedup_states(&mut left);
            let mut right = roles.partners.clone();
            view.dedup_states(&mut right);
            for (a, b) in symmetric_pairs(&left, &right) {
                push(a, b);
            }
            return;
        }
        for &s in &roles.sources {
            for &t in &roles.targets {
                let org_target = view.kind_of(t) == ActorKind::Organization;
                if cue.relation == Relation::Membership && !org_target {
                    continue;
                }
                push(s, t);
                if both_ways {
                    push(t, s);
                }
            }
        }
    }

    /// Sources, targets and partners of one cue, from the groups of its clause.
    fn roles(
        &self,
        view: &SentenceView<'_>,
        groups: &[Group],
        hit: &CueHit,
        clause: (usize, usize),
    ) -> Roles {
        let cue = &self.cues[hit.cue];
        let symmetric = cue.relation.is_symmetric();
        let cue_quoted = hit.quoted;
        let mut found = Found_::default();
        let in_clause = groups
            .iter()
            .filter(|g| g.start >= clause.0 && g.end <= clause.1 && g.quoted() == cue_quoted);
        for g in in_clause {
            let before = g.end <= hit.start;
            let mut marker = g.marker(view, &cue.source_marker, &cue.target_marker);
            // `在中美会谈中`: a compound on the cue is its own, wherever it stands.
            if marker == Marker::Place && g.end == hit.start && g.heads.len() > 1 {
                marker = Marker::None;
            }
            // `在华盛顿访问`: where a visit takes place is its host.
            let near = g.end <= hit.start && hit.start - g.end <= 2 * '在'.len_utf8();
            if marker == Marker::Place && cue.place_target && near {
                marker = Marker::Target;
            }
            let copula = found
                .subject
                .is_some_and(|s| s.end <= g.start && view.text[s.end..g.start].contains('是'));
            match (before, marker) {
                (true, Marker::Source) => found.subject = Some(g),
                (true, Marker::Target) if !symmetric => found.marked_target = Some(g),
                (true, Marker::Partner) => found.partners.push(g),
                (true, Marker::Passive) => found.passive_agent = Some(g),
                // `习近平的到访`: the owner of a nominal cue is its agent.
                (true, Marker::None) if g.owns(view, hit.start) && !symmetric && !copula => {
                    found.owner = Some(g);
                }
                (true, Marker::None) if found.subject.is_none() => found.subject = Some(g),
                // `谴责美国对台军售`: a bare name right before the target's
                // preposition is the agent of the act the object names.
                (true, Marker::None) if !symmetric && agent_of_object(view, g, hit.start) => {
                    found.owner = Some(g);
                }
                // `X是Y的Z`, `X是Y最坚定的Z`: after a copula, a name with 的
                // owns the cue noun.
                (true, Marker::None)
                    if copula && (g.genitive(view) || g.possesses(view, hit.start)) =>
                {
                    found.possessed = Some(g);
                }
                (false, Marker::None | Marker::Target) if found.object.is_none() => {
                    found.object = Some(g);
                }
                _ => {}
            }
        }
        // `到访的以色列总理`: the head of the relative clause is the agent.
        if let Some(r) = grammar::relative_head(groups, view, hit.end) {
            found.owner = Some(&groups[r]);
            found.object = None;
        } else if let Some(o) = found.object
            && let Some(r) = grammar::relative_head(groups, view, o.end)
        {
            // `支持叙利亚的俄罗斯`: the verb and its object modify the agent.
            found.owner = Some(&groups[r]);
        }
        found.into_roles(view, cue)
    }

    /// Who asserts the claim: the subject of a verb of saying before the cue
    /// (`英国首相表示,…`), or the `据X报道` source; never one of its own ends.
    fn attribution(
        &self,
        view: &SentenceView<'_>,
        groups: &[Group],
        hit: &CueHit,
        roles: &Roles,
    ) -> Vec<EntryIndex> {
        let s0 = view.range.start;
        let head = &view.text[s0..hit.start];
        let mut out = Vec::new();
        for (at, _) in self.attribution.positions(head) {
            let at = s0 + at;
            let speaker = groups
                .iter()
                .rev()
                .find(|g| g.end <= at && at - g.end <= grammar::MAX_TITLE_BYTES);
            if let Some(g) = speaker {
                let e = g.head(view);
                let own = roles.sources.contains(&e)
                    || roles.targets.contains(&e)
                    || roles.partners.contains(&e);
                if !own && !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }
}

/// `继X之后，`: the group `g` is one followed in the act of the clause
/// starting at `clause_start`, right after it.
fn followed(view: &SentenceView<'_>, g: &Group, clause_start: usize) -> bool {
    let text = view.text;
    let after = &text[g.end..];
    let Some(rest) = after
        .strip_prefix("之后")
        .or_else(|| after.strip_prefix("以后"))
    else {
        return false;
    };
    text[..g.start].ends_with('继')
        && g.end + (after.len() - rest.len()) <= clause_start
        && text[g.end..clause_start].chars().count() <= 3
}

/// The object clause `美国对台军售`: `g` stands right before 对 or 向, and
/// what follows reaches the cue at `cue_start` within a few characters,
/// without a clause break.
fn agent_of_object(view: &SentenceView<'_>, g: &Group, cue_start: usize) -> bool {
    const REACH: usize = 8;
    let Some(gap) = view.text.get(g.end..cue_start) else {
        return false;
    };
    gap.starts_with(['对', '向'])
        && gap.chars().count() <= REACH
        && !gap.contains(['，', ',', '、', '。', '：'])
}

/// A mention standing for one side of the last pair (`两国`): the first char
/// names one, the rest the other.
fn side(entry: EntryIndex, start: usize, end: usize) -> Mention {
    // Two halves of one word coordinate like a compound (`中俄`).
    Mention {
        entry,
        start,
        end,
        form: Form::Abbreviation,
    }
}
