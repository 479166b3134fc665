//! The parse stage: a sentence cut into tokens (actor mentions, words,
//! punctuation), word classes, cue spans, clauses, actor groups and speakers.

use std::collections::HashMap;

use super::English;
use super::lexicon::*;
use crate::extract::SentenceView;
use crate::gazetteer::{EntryIndex, Form};
use crate::model::Relation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Punct,
    /// An actor mention: its index in the sentence's mentions.
    Mention(usize),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
}

/// One sentence, cut up: tokens, clauses, actor groups.
pub(super) struct Parsed<'t> {
    pub(super) text: &'t str,
    pub(super) toks: Vec<Tok>,
    /// Clause id of each token.
    pub(super) clause: Vec<u32>,
    /// Antecedent group of a relative clause, by clause id.
    pub(super) antecedent: HashMap<u32, usize>,
    /// The clause a relative clause is nested in, by clause id.
    pub(super) outer: HashMap<u32, u32>,
    /// Nested clauses a listing word opens after a comma (`X, including A
    /// and B, imposed`): their groups are members of the set before them.
    pub(super) listings: Vec<u32>,
    /// Word-class bits of each token.
    pub(super) class: Vec<u32>,
    /// Cue words: token range and automaton pattern.
    pub(super) raw: Vec<(usize, usize, usize)>,
    /// Where a cue noun starts, per token.
    pub(super) noun_start: Vec<bool>,
    /// Group id of each token that is a valid actor mention.
    pub(super) group_of: Vec<Option<usize>>,
    /// Groups: token ranges [first, last] of mentions, and their entries.
    pub(super) groups: Vec<Group>,
}

#[derive(Debug, Clone)]
pub(super) struct Group {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) entries: Vec<EntryIndex>,
    pub(super) speaker: bool,
    /// The verb of saying (or `according`) the group is the speaker of.
    pub(super) said_at: usize,
}

impl Parsed<'_> {
    /// Whether token `k` has word class `bit`.
    pub(super) fn is(&self, k: usize, bit: u32) -> bool {
        self.class[k] & bit != 0
    }

    /// The text of token `k`.
    pub(super) fn word(&self, k: usize) -> &str {
        &self.text[self.toks[k].start..self.toks[k].end]
    }
}

/// Clause ids of a sentence's tokens, and how relative clauses nest.
struct Clauses {
    clause: Vec<u32>,
    outer: HashMap<u32, u32>,
    /// Each relative clause and the token that opens it.
    relative_openers: Vec<(u32, usize)>,
    listings: Vec<u32>,
}

impl English {
    /// Tokens, clauses and actor groups of a sentence: each stage below reads
    /// what the ones before it filled in.
    pub(super) fn parse<'t>(&self, view: &SentenceView<'t>) -> Parsed<'t> {
        let toks = tokens(view);
        let class = toks
            .iter()
            .map(|t| match t.kind {
                Kind::Word => self.flags.class_of(&view.text[t.start..t.end]),
                _ => 0,
            })
            .collect();
        let mut p = Parsed {
            text: view.text,
            toks,
            clause: Vec::new(),
            antecedent: HashMap::new(),
            outer: HashMap::new(),
            listings: Vec::new(),
            class,
            raw: Vec::new(),
            noun_start: Vec::new(),
            group_of: Vec::new(),
            groups: Vec::new(),
        };
        self.cue_spans(view, &mut p);
        let clauses = clauses(&p, &self.flags);
        p.clause = clauses.clause;
        p.outer = clauses.outer;
        p.listings = clauses.listings;
        self.groups(view, &mut p);
        p.antecedent = antecedents(&p, clauses.relative_openers);
        self.mark_speakers(&mut p);
        p
    }

    /// Cue words on token boundaries, outside mentions; marks where a cue
    /// noun starts (a group of actors stops there).
    fn cue_spans(&self, view: &SentenceView<'_>, p: &mut Parsed<'_>) {
        let (s0, s1) = (view.range.start, view.range.end);
        let toks = &p.toks;
        p.noun_start = vec![false; toks.len()];
        for hit in self.automaton.find_iter(&view.text[s0..s1]) {
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
                p.noun_start[a] = true;
            }
            p.raw.push((a, b, pattern));
            if let Some(q) = self.shared_head(p, a, b) {
                p.noun_start[a - 2] = true;
                p.raw.push((a - 2, b, q));
            }
        }
    }

    /// `diplomatic and security ties`: a modifier coordinated before a
    /// cue's first word that makes a cue with the rest of it (`diplomatic
    /// ties`); its pattern.
    fn shared_head(&self, p: &Parsed<'_>, a: usize, b: usize) -> Option<usize> {
        if a < 2 || b - a < 2 || !p.word(a - 1).eq_ignore_ascii_case("and") {
            return None;
        }
        if p.toks[a - 2].kind != Kind::Word {
            return None;
        }
        let head = &p.text[p.toks[a + 1].start..p.toks[b - 1].end];
        let candidate = format!("{} {head}", p.word(a - 2));
        self.automaton
            .find(candidate.as_str())
            .filter(|m| m.start() == 0 && m.end() == candidate.len())
            .map(|m| m.pattern().as_usize())
    }

    /// Groups of coordinated or titled mentions (`China and Russia`, `Chinese
    /// President Xi Jinping`), from the valid mentions of each clause.
    fn groups(&self, view: &SentenceView<'_>, p: &mut Parsed<'_>) {
        let mentions = view.mentions;
        let valid: Vec<bool> = (0..p.toks.len())
            .map(|i| match p.toks[i].kind {
                Kind::Mention(m) => self.valid_mention(view, p, i, m),
                _ => false,
            })
            .collect();
        let mut group_of: Vec<Option<usize>> = vec![None; p.toks.len()];
        let mut groups: Vec<Group> = Vec::new();
        let mut i = 0;
        while i < p.toks.len() {
            let Kind::Mention(m) = p.toks[i].kind else {
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
                while k > 0 && p.is(k - 1, DET) {
                    k -= 1;
                }
                // `including X, Y and Z` opens a list, not a phrase.
                k > 0
                    && p.is(k - 1, PREP)
                    && !p.is(k - 1, LISTING)
                    && (k == 1 || p.clause[k - 2] != p.clause[k - 1])
            };
            let mut j = i + 1;
            let mut last = i;
            while j < p.toks.len() && j - last <= 6 {
                match p.toks[j].kind {
                    Kind::Mention(m2) if valid[j] && p.clause[j] == p.clause[i] => {
                        let gap = last + 1..j;
                        let comma = gap.clone().any(|k| p.word(k) == ",");
                        let genitive = gap.clone().any(|k| matches!(p.word(k), "'s" | "’s"));
                        // `China, North Korea's only ally`: an apposition, not a list.
                        let apposition = comma
                            && j + 1 < p.toks.len()
                            && matches!(p.word(j + 1), "'s" | "’s")
                            && !(j + 2..(j + 5).min(p.toks.len()))
                                .take_while(|&k| !matches!(p.toks[k].kind, Kind::Mention(_)))
                                .all(|k| {
                                    let w = p.word(k);
                                    p.is(k, MOD)
                                        || p.is(k, STATE)
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
                        let w = p.word(j);
                        let capital = w.chars().next().is_some_and(char::is_uppercase);
                        let joins = matches!(w, "," | "-" | "/" | "&" | "'s" | "’s")
                            || w.eq_ignore_ascii_case("and")
                            || w.eq_ignore_ascii_case("or")
                            || w.eq_ignore_ascii_case("the")
                            || w == "as"
                            || w == "well"
                            || capital && p.toks[j].kind == Kind::Word && !p.is(j, BREAK)
                            || w == "of"
                                && j + 1 < p.toks.len()
                                && p.toks[j + 1].kind == Kind::Word
                                && p.word(j + 1).chars().next().is_some_and(char::is_uppercase)
                            || p.is(j, MOD)
                            || p.is(j, STATE)
                            // `and former colonial power France`, `and its ally Y`;
                            // not an article (`Nigeria, an OPEC member`: apposition).
                            || p.is(j, DET) && !matches!(w, "a" | "an" | "A" | "An");
                        // A headline's capitals join no verb or preposition
                        // (`Japan Condemns North Korea`, `Slams Russia Over Crimea`).
                        let coordinator =
                            w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or");
                        let cue = capital
                            && !coordinator
                            && (p.is(j, PREP) || p.raw.iter().any(|&(a, _, _)| a == j));
                        if !joins || p.noun_start[j] || cue {
                            break;
                        }
                        j += 1;
                    }
                }
            }
            groups.push(g);
            i = last + 1;
        }

        p.group_of = group_of;
        p.groups = groups;
    }

    /// A sanctions cue a few words before token `i`, in its clause
    /// (`imposed sanctions on Russian banks`, `sanctioned Chinese firms`).
    fn sanctions_before(&self, p: &Parsed<'_>, i: usize) -> bool {
        const REACH: usize = 4;
        p.raw.iter().any(|&(_, b, pattern)| {
            b <= i
                && i - b <= REACH
                && (b..=i).all(|k| p.clause[k] == p.clause[i])
                && self.words[pattern]
                    .iter()
                    .any(|&k| self.cues[k].relation == Relation::Sanctions)
        })
    }

    /// A demonym is an actor before a state organ, as a plural, before a cue noun
    /// or coordinated with one that is; names and persons always are.
    fn valid_mention(&self, view: &SentenceView<'_>, p: &Parsed<'_>, i: usize, m: usize) -> bool {
        let toks = &p.toks;
        let is = |k: usize, bit: u32| p.class.get(k).is_some_and(|c| c & bit != 0);
        let mention = view.mentions[m];
        let next_word = toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word);
        // `sanctions on Russian banks`, `tariffs on Australian wine`: what a
        // state's sanctions single out stands for the state.
        if next_word && self.sanctions_before(p, i) {
            return true;
        }
        if next_word && is(i + 1, NOT_STATE) {
            return false;
        }
        if mention.form != Form::Adjective {
            return true;
        }
        let surface = &p.text[mention.start..mention.end];
        if surface.ends_with('s') && !surface.ends_with("ss") {
            return true;
        }
        let mut k = i + 1;
        let mut steps = 0;
        while k < toks.len() && steps < 5 {
            match toks[k].kind {
                Kind::Mention(m2) => {
                    // A title before a person of the same state, or coordination.
                    return view.state_of(view.mentions[m2].entry) == view.state_of(mention.entry)
                        || steps > 0 && self.valid_mention(view, p, k, m2);
                }
                Kind::Punct => {
                    if p.word(k) == "," || p.word(k) == "-" {
                        k += 1;
                        steps += 1;
                        continue;
                    }
                    return false;
                }
                Kind::Word => {
                    let w = p.word(k);
                    if is(k, STATE) {
                        return true;
                    }
                    if p.noun_start[k] {
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
    pub(super) fn mark_speakers(&self, p: &mut Parsed<'_>) {
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
    pub(super) fn in_phrase(&self, p: &Parsed<'_>, first: usize) -> bool {
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
            // `the decision by X`: X is the act's agent, and so the clause's.
            if w == "by" && k > 0 && p.is(k - 1, ACT_NOUN) {
                return false;
            }
            if seat_of_power(p, k) {
                return false;
            }
            return p.toks[k].kind == Kind::Word && p.is(k, PREP);
        }
        false
    }

    /// A group that names the state of a seat of power before it (`the coup
    /// in Niger`), for a cue's object.
    pub(super) fn seat_after(&self, p: &Parsed<'_>, from: usize, to: usize) -> Option<usize> {
        (from..to.min(p.toks.len()))
            .take_while(|&k| p.clause[k] == p.clause[from])
            .find(|&k| seat_of_power(p, k))
            .and_then(|k| self.group_after(p, k + 1, p.clause[k]))
    }

    /// The group a few words on, after `including` or `such as`, in clause `c`.
    pub(super) fn listed_in(&self, p: &Parsed<'_>, from: usize, c: u32) -> Option<usize> {
        let n = p.toks.len();
        // `including` breaks a clause elsewhere; here it only opens the list.
        let at = (from..(from + 8).min(n))
            .take_while(|&k| (p.clause[k] == c || p.is(k, LISTING)) && p.group_of[k].is_none())
            .find(|&k| p.is(k, LISTING))?;
        let after = at + 1;
        (after < n).then(|| self.group_after(p, after, p.clause[after]))?
    }

    /// The group right after token `k` (determiners and numbers skipped), in clause `c`.
    pub(super) fn group_after(&self, p: &Parsed<'_>, mut k: usize, c: u32) -> Option<usize> {
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

    /// `it`/`they`: the subject of the sentence before the pronoun (a speaker included).
    pub(super) fn resolve_pronoun(&self, p: &Parsed<'_>, k: usize) -> Option<usize> {
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

pub(super) fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit() || c == '$' || c == '€' || c == '£')
}

/// The tokens of a sentence: each actor mention is one token; words keep
/// their inner hyphens, dots and apostrophes (`U.S.-led`, `Xi's` splits as
/// `Xi` `'s`); every other character is punctuation.
fn tokens(view: &SentenceView<'_>) -> Vec<Tok> {
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

    toks
}

/// The break word at `i` is part of a two-word adverbial (`so far`, `as well`).
fn adverbial(p: &Parsed<'_>, flags: &Flags, i: usize) -> bool {
    let pair = |a: usize, b: usize| {
        flags
            .adverbial_breaks
            .iter()
            .any(|(x, y)| p.word(a).eq_ignore_ascii_case(x) && p.word(b).eq_ignore_ascii_case(y))
    };
    i + 1 < p.toks.len() && pair(i, i + 1) || i > 0 && pair(i - 1, i)
}

/// Clauses: `which`, `but`, `while`, `that`, `;` ... open a new one; a
/// relative clause opened after a comma or a name closes at the next comma.
fn clauses(p: &Parsed<'_>, flags: &Flags) -> Clauses {
    let toks = &p.toks;
    let mut clause = vec![0u32; toks.len()];
    let mut next_id = 0u32;
    let mut current = 0u32;
    let mut outer: Option<u32> = None;
    let mut relative_openers: Vec<(u32, usize)> = Vec::new();
    let mut outer_of: HashMap<u32, u32> = HashMap::new();
    let mut listings: Vec<u32> = Vec::new();
    for i in 0..toks.len() {
        let w = p.word(i);
        let t = toks[i];
        let mut open_new = false;
        let mut relative = false;
        match t.kind {
            Kind::Punct => {
                if matches!(w, ";" | ":" | "?" | "!") {
                    open_new = true;
                    outer = None;
                } else if matches!(w, "," | "—" | "–" | "(" | ")")
                    && outer.is_some()
                    && !(listings.contains(&current) && w == "," && list_goes_on(p, i))
                {
                    current = outer.take().expect("checked");
                }
            }
            Kind::Word => {
                let lw_is = |s: &str| w.eq_ignore_ascii_case(s);
                if p.is(i, BREAK) && i > 0 {
                    if !adverbial(p, flags, i) {
                        open_new = true;
                        let prev = p.word(i - 1);
                        if p.is(i, RELATIVE)
                            && (prev == "," || matches!(toks[i - 1].kind, Kind::Mention(_)))
                        {
                            relative = true;
                        }
                        if p.is(i, LISTING) && prev == "," {
                            relative = true;
                            listings.push(next_id + 1);
                        }
                    }
                } else if p.is(i, REPORT) || lw_is("according") {
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

    Clauses {
        clause,
        outer: outer_of,
        listings,
        relative_openers,
    }
}

/// The comma at `i` goes on with a list (`including A, B and C`): a name,
/// or determiners before one, follows it.
fn list_goes_on(p: &Parsed<'_>, i: usize) -> bool {
    let mut k = i + 1;
    while k < p.toks.len() && p.is(k, DET) {
        k += 1;
    }
    k < p.toks.len() && matches!(p.toks[k].kind, Kind::Mention(_))
}

/// The group a relative clause is about: the one right before its opener
/// (a comma or state noun between allowed).
fn antecedents(p: &Parsed<'_>, relative_openers: Vec<(u32, usize)>) -> HashMap<u32, usize> {
    let mut antecedent = HashMap::new();
    for (id, at) in relative_openers {
        let mut k = at;
        while k > 0 {
            k -= 1;
            if p.word(k) == "," || p.is(k, STATE) && at - k < 4 {
                continue;
            }
            if let Some(g) = p.group_of[k] {
                antecedent.insert(id, g);
            }
            break;
        }
    }

    antecedent
}

/// Whether token `k` is the `in` of `the regime in X`, `the coup in X`.
fn seat_of_power(p: &Parsed<'_>, k: usize) -> bool {
    k > 0 && p.toks[k].kind == Kind::Word && p.word(k) == "in" && p.is(k - 1, SEAT)
}
