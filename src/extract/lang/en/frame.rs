//! The frame stage: each cue hit gives the actor groups around it their
//! roles (voice, objects, prepositions, premodifiers, subject), its flags,
//! and the relations found.

use super::English;
use super::lexicon::*;
use super::parse::{Kind, Parsed, is_number};
use crate::extract::claims::symmetric_pairs;
use crate::extract::{Found, SentenceView};
use crate::gazetteer::EntryIndex;
use crate::model::Relation;

/// The most words a verb may stand from its subject.
pub(super) const SUBJECT_REACH: usize = 20;

/// A cue found in the sentence, as a token range.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) cue: usize,
    pub(super) a: usize,
    pub(super) b: usize,
}

impl English {
    /// Cue hits aligned on token boundaries, outside mentions.
    pub(super) fn hits(&self, p: &Parsed<'_>) -> Vec<Hit> {
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
    pub(super) fn choose_reading(&self, p: &Parsed<'_>, a: usize, choices: &[usize]) -> usize {
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
    pub(super) fn frame(
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


    /// needs a light verb (or one of its link words) between.
    pub(super) fn subject(&self, p: &Parsed<'_>, hit: Hit, cue: &Cue, premods: &[usize]) -> Option<Subject> {
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

}


#[derive(Debug, Clone, Copy)]
pub(super) enum Subject {
    Group(usize),
    Pair,
}

/// An adjective directly before a cue noun that is not in a group by itself
/// (`Russian strikes`): kept as a one-mention pseudo-group via its own token.
pub(super) fn premod_extra(k: usize, premods: &mut Vec<usize>) {
    // Encoded as usize::MAX - k so that entries can be looked up later.
    let code = usize::MAX - k;
    if !premods.contains(&code) {
        premods.push(code);
    }
}

pub(super) fn premod_group_entries(p: &Parsed<'_>, view: &SentenceView<'_>, g: usize) -> Vec<EntryIndex> {
    if g < p.groups.len() {
        return p.groups[g].entries.clone();
    }
    let k = usize::MAX - g;
    match p.toks.get(k).map(|t| t.kind) {
        Some(Kind::Mention(m)) => vec![view.mentions[m].entry],
        _ => Vec::new(),
    }
}
