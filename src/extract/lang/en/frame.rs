//! The frame stage: each cue hit gives the actor groups around it their
//! roles (voice, objects, prepositions, premodifiers, subject), its flags,
//! and the relations found.

use super::English;
use super::lexicon::*;
use super::parse::{Kind, Parsed, is_number};
use crate::extract::claims::symmetric_pairs;
use crate::extract::{Found, SentenceView, relief_recipient};
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
            // `struck targets in Iraq`, `the raids`: a word with only a verb
            // reading is a noun after a determiner or a preposition, no cue.
            if pos != Pos::Noun && verb_used_as_noun(p, a, b) {
                continue;
            }
            let readings = || choices.iter().filter(move |&&k| self.cues[k].pos == pos);
            // A reading whose object must say something (`expelled ... diplomats`,
            // `called it illegal`) and does, is the only one.
            let said = readings().copied().find(|&k| {
                !self.cues[k].object_needs.is_empty() && object_says(p, &self.cues[k], b)
            });
            for &cue in readings().filter(|&&k| said.is_none_or(|s| s == k)) {
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
                    || p.is(a - 1, NOUN_MARK)
                    // A hyphen joins the cue to the actor before it (`US-sanctions`).
                    || w == "-"
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

    /// The relations one cue hit states: its voice, the roles of the actors
    /// after it and before it, its subject and its flags, joined.
    pub(super) fn frame(&self, cx: &Context<'_, '_>, hit: Hit, out: &mut Vec<Found>) {
        let cue = &self.cues[hit.cue];
        let p = cx.p;
        if self.topic_of_talks(cx, hit) {
            return;
        }
        let passive = cue.pos != Pos::Noun && passive(p, hit);
        if cue.relation == Relation::Membership && cue.pos == Pos::Verb && joins_an_act(p, hit) {
            return;
        }
        let Some(mut roles) = self.roles_after(cx, hit, cue, passive) else {
            return;
        };
        let mut relation =
            crate::extract::lexicon::relation_in(cue.relation, cue.disaster, cx.disaster);
        if cue.pos == Pos::Transfer {
            let Some(given) = self.transfer(cx, hit, cue, &mut roles) else {
                return;
            };
            relation = given;
        }
        let premods = if cue.pos == Pos::Noun {
            let mut premods = premodifiers(cx, hit);
            if premods.is_empty() && relation.is_symmetric() {
                premods.extend(their_group(p, hit).map(Premod::Group));
            }
            premods
        } else {
            Vec::new()
        };
        let premod_entries: Vec<EntryIndex> = premods
            .iter()
            .flat_map(|&m| m.entries(p, cx.view))
            .collect();
        let subject = self
            .subject(p, hit, cue, &premods)
            .or_else(|| apposed_after(p, hit, cue).map(Subject::Group));
        let mut subject_entries: Vec<EntryIndex> = match subject {
            Some(Subject::Group(g)) => with_members(p, g),
            Some(Subject::Pair) => cx.pair.map_or_else(Vec::new, |(a, b)| vec![a, b]),
            None => Vec::new(),
        };
        // `Japan joined the EU in imposing sanctions`: who joins the agent acts too.
        if let Some(Subject::Group(g)) = subject
            && let Some(j) = joiner_of(p, g, hit)
        {
            subject_entries.extend(with_members(p, j));
        }
        if let (Some(r), Some(Subject::Group(g))) = (cue.forces, subject)
            && armed_forces(p, g)
        {
            relation = r;
        }
        if let Some(r) = cue.persons
            && persons_only(cx.view, p, &roles, &subject_entries)
        {
            relation = r;
        }
        let subject_role = subject_role(p, hit, cue, passive, subject, &roles);
        let relations =
            std::iter::once(relation).chain(cue.also.filter(|_| cue.pos != Pos::Transfer));
        let mut emit = Emit {
            view: cx.view,
            marks: self.marks(cx, hit, cue),
            attributed: cx.speakers.to_vec(),
            out,
        };
        for relation in relations {
            if relation.is_symmetric() {
                let mut left = Vec::new();
                // `talks between X and Y`: the subject hosts or mediates them.
                if !roles.between {
                    left.extend(subject_entries.iter().copied());
                    left.extend(premod_entries.iter().copied());
                }
                let mut right = entries(p, &roles.partners);
                right.extend(entries(p, &roles.targets));
                if let Some(g) = roles.object {
                    right.extend(p.groups[g].entries.iter().copied());
                }
                emit.pairs(relation, left, right);
            } else {
                let mut ends = Ends {
                    src: entries(p, &roles.sources),
                    tgt: if roles.object.is_some() && cue.object == Role::Target {
                        Vec::new()
                    } else {
                        entries(p, &roles.targets)
                    },
                };
                if let Some(g) = roles.object {
                    ends.side(cue.object)
                        .extend(p.groups[g].entries.iter().copied());
                }
                ends.fill(cue.premod, &premod_entries);
                ends.fill(subject_role, &subject_entries);
                ends.fill(Role::Source, &roles.made_by);
                if cue.object_agent && roles.object.is_none() && names_act(cx, hit) {
                    ends.fill(Role::Target, cx.acted);
                }
                // `X sent rescue teams`: relief goes where the disaster struck.
                let relief = relief_recipient(cx.stricken, cx.view, relation, &ends.src);
                ends.fill(Role::Target, relief.as_slice());
                emit.directed(relation, ends);
            }
        }
    }

    /// A noun cue that names what talks are about (`ceasefire talks`,
    /// `trade negotiations`): it is sought, not stated.
    fn topic_of_talks(&self, cx: &Context<'_, '_>, hit: Hit) -> bool {
        self.cues[hit.cue].pos == Pos::Noun
            && self.cues[hit.cue].relation != Relation::Summit
            && cx.hits.iter().any(|h| {
                let next = &self.cues[h.cue];
                h.a == hit.b && next.pos == Pos::Noun && next.relation == Relation::Summit
            })
    }

    /// A noun cue of the verb's own relation heading its object names what
    /// the verb moves (`deployed 3,000 troops to Poland`): the verb's
    /// prepositions come after both.
    fn own_object(&self, p: &Parsed<'_>, verb: Hit, next: Hit) -> bool {
        const OBJECT_REACH: usize = 4;
        let (cue, noun) = (&self.cues[verb.cue], &self.cues[next.cue]);
        cue.pos == Pos::Verb
            && noun.pos == Pos::Noun
            && noun.relation == cue.relation
            && next.a >= verb.b
            && next.a - verb.b <= OBJECT_REACH
            && (verb.b..next.a).all(|k| p.clause[k] == p.clause[verb.a] && !p.is(k, PREP))
    }

    /// After the cue: its direct object, the roles its prepositions
    /// introduce, and (for a verb like `expel`) whether its object says what
    /// it must. `None` when the cue cannot hold here.
    fn roles_after(
        &self,
        cx: &Context<'_, '_>,
        hit: Hit,
        cue: &Cue,
        passive: bool,
    ) -> Option<Roles> {
        let p = cx.p;
        let n = p.toks.len();
        let c = p.clause[hit.a];
        if cue.not_before.iter().any(|w| words_at(p, hit.b, w)) {
            return None;
        }
        let mut roles = Roles {
            object: self.direct_object(p, hit, cue, passive),
            ..Roles::default()
        };
        // A cue right after a noun cue heads the compound (`aid offers from
        // Spain`): the noun's prepositions come after both.
        let compound_head = |a: usize| cue.pos == Pos::Noun && a == hit.b;
        let next_hit = cx
            .hits
            .iter()
            .filter(|x| x.a > hit.a && x.b != hit.b)
            .filter(|x| !compound_head(x.a) && !self.own_object(p, hit, **x))
            .map(|x| x.a)
            .min()
            .unwrap_or(n);
        let end = (hit.b + cue.window).min(n);
        let stop = if cue.over_cues || cue.pos == Pos::Transfer {
            end
        } else {
            end.min(next_hit)
        };
        let (mut first_target, mut first_source) = (true, true);
        // A cue that ends in its preposition (`at war with`, `war between`)
        // hands it the actor right after.
        let last = hit.b - 1;
        let ends_in_prep =
            last > hit.a && (p.is(last, PREP) || p.is(last, PARTNER_PREP) || p.is(last, PAIR_PREP));
        let from = if ends_in_prep { last } else { hit.b };
        for k in from..stop {
            if p.clause[k] != c {
                break;
            }
            if p.toks[k].kind != Kind::Word {
                continue;
            }
            let w = p.word(k);
            let named = self.group_after(p, k + 1, c);
            // `by neighbours and partners including X and Y`: the named members
            // of a described set play its role.
            let named = named.or_else(|| {
                (p.is(k, PREP) || w.eq_ignore_ascii_case("by"))
                    .then(|| self.listed_in(p, k + 1, c))
                    .flatten()
            });
            let Some(g) = named else {
                continue;
            };
            let partner_prep = p.is(k, PARTNER_PREP) || p.is(k, PAIR_PREP);
            if cue.relation.is_symmetric() && partner_prep {
                if roles.partners.is_empty() && cx.usable(g, hit) {
                    roles.between = p.is(k, PAIR_PREP);
                    roles.partners.push(g);
                }
            } else if in_list(&cue.target, w) && first_target {
                first_target = false;
                if cx.usable(g, hit) {
                    roles.targets.push(g);
                }
            } else if (in_list(&cue.source, w) || passive && w.eq_ignore_ascii_case("by"))
                && first_source
            {
                first_source = false;
                if cx.usable(g, hit) {
                    roles.sources.push(g);
                }
            }
        }
        if roles.object.is_some_and(|g| !cx.usable(g, hit)) {
            roles.object = None;
        }
        if !cue.object_needs.is_empty() && !passive {
            // `expelled three Russian diplomats`, `suspended X from`: the object must say so.
            if !object_says(p, cue, hit.b) {
                return None;
            }
            let scope = hit.b..(hit.b + OBJECT_REACH).min(n);
            if roles.object.is_none() {
                // The demonym of the expelled diplomats.
                roles.object = scope
                    .filter(|&k| matches!(p.toks[k].kind, Kind::Mention(_)))
                    .find_map(|k| p.group_of[k].filter(|&g| cx.usable(g, hit)));
            }
        }
        Some(roles)
    }

    /// The direct object of a verb cue (or of one that ends in its
    /// preposition: `agreed with`, `arrived in`), or the possessor one step
    /// further (`the right of X`, `X's ambassador`).
    fn direct_object(&self, p: &Parsed<'_>, hit: Hit, cue: &Cue, passive: bool) -> Option<usize> {
        let n = p.toks.len();
        let c = p.clause[hit.a];
        let ends_in_prep = p.is(hit.b - 1, PREP);
        if !(cue.obj || ends_in_prep) || passive || cue.pos == Pos::Noun {
            return None;
        }
        if let Some(g) = self.group_after(p, hit.b, c) {
            return Some(g);
        }
        if !cue.object_needs.is_empty() {
            return None;
        }
        if cue.object_agent
            && let Some(g) = self.agent_of_object(p, hit)
        {
            return Some(g);
        }
        if cue.object_agent
            && let Some(g) = self.seat_after(p, hit.b, hit.b + 5)
        {
            return Some(g);
        }
        let k = (hit.b..(hit.b + 4).min(n))
            .take_while(|&k| p.clause[k] == c)
            .find(|&k| p.group_of[k].is_some())?;
        let g = p.group_of[k]?;
        let after = p.groups[g].last + 1;
        (after < n && matches!(p.word(after), "'s" | "’s")).then_some(g)
    }

    /// `condemned the strikes by Israel`: the actor after `by` in the object
    /// noun phrase right after the cue (a few words, no verb between).
    fn agent_of_object(&self, p: &Parsed<'_>, hit: Hit) -> Option<usize> {
        let n = p.toks.len();
        let c = p.clause[hit.a];
        let by = (hit.b..(hit.b + 5).min(n))
            .take_while(|&k| p.clause[k] == c && p.toks[k].kind == Kind::Word)
            .find(|&k| p.word(k).eq_ignore_ascii_case("by"))?;
        self.group_after(p, by + 1, c)
    }

    /// The relation of a verb of giving comes from its object (`sent troops`:
    /// deployment); a double object (`give Tanzania a grant`) or a genitive
    /// (`supplies Pakistan's weapons`) names the target.
    fn transfer(
        &self,
        cx: &Context<'_, '_>,
        hit: Hit,
        cue: &Cue,
        roles: &mut Roles,
    ) -> Option<Relation> {
        let p = cx.p;
        let n = p.toks.len();
        let from = p.toks[hit.b.min(n - 1)].start;
        let to = p.toks[(hit.b + 12).min(n) - 1].end;
        if hit.b >= n {
            return None;
        }
        let window = &p.text[from..to];
        let mut objects = self.object_automaton.find_iter(window);
        let mut found = objects.next()?;
        // `$10 million in humanitarian aid`, `billions of dollars of weapons`:
        // an amount is measured in the object after it.
        for next in objects {
            let between = window[found.end()..next.start()].trim();
            if !matches!(between, "" | "in" | "of" | "worth of") {
                break;
            }
            found = next;
        }
        let obj_at = from + found.start();
        if roles.targets.is_empty() && cue.subject == Role::Source {
            let first = (hit.b..n)
                .take_while(|&k| p.toks[k].start < obj_at)
                .find_map(|k| p.group_of[k]);
            if let Some(g) = first.filter(|&g| cx.usable(g, hit)) {
                roles.targets.push(g);
            }
        }
        if roles.sources.is_empty() && cue.seller_named {
            roles.made_by = maker_before(cx, hit, obj_at);
        }
        roles.object = None;
        Some(self.objects[found.pattern().as_usize()].relation(cx.disaster))
    }

    /// Negation and hedges before the cue in its clause; a condition (`if`);
    /// a verb earlier in the sentence that governs the clause (`threatened
    /// to`, `denied that`).
    fn marks(&self, cx: &Context<'_, '_>, hit: Hit, cue: &Cue) -> Marks {
        let p = cx.p;
        let n = p.toks.len();
        let c = p.clause[hit.a];
        let clause_start = (0..hit.a)
            .rev()
            .find(|&k| p.clause[k] != c)
            .map_or(0, |k| k + 1);
        let mut marks = Marks {
            negated: false,
            hedged: cue.hedge || cx.sentence_hedged,
        };
        // `punished X for buying jets`, `did not spare X for selling them`: a
        // reason is told as fact, whatever the verb it explains.
        if reason_adjunct(p, hit) {
            return marks;
        }
        for k in clause_start..hit.a {
            if p.toks[k].kind != Kind::Word {
                continue;
            }
            let w = p.word(k);
            if p.is(k, NEG) || w.ends_with("n't") {
                let not_only = w.eq_ignore_ascii_case("not")
                    && k + 1 < n
                    && p.word(k + 1).eq_ignore_ascii_case("only");
                marks.negated |= !not_only;
            }
            marks.hedged |= p.is(k, HEDGE);
        }
        if clause_start > 0 && p.is(clause_start.min(n - 1), CONDITIONAL) {
            marks.hedged = true;
        }
        for k in 0..clause_start {
            marks.hedged |= p.is(k, GOVERNING_HEDGE);
            if p.is(k, GOVERNING_DENIAL)
                && k + 1 < n
                && (p.word(k + 1).eq_ignore_ascii_case("that") || k + 1 == clause_start)
            {
                marks.negated = true;
            }
        }
        marks
    }

    /// The subject of a cue: the nearest group before it in its clause that is not
    /// inside a prepositional phrase (a pronoun stands for the subject of the
    /// sentence), a relative clause's antecedent, or "the two countries". A noun
    /// needs a light verb (or one of its link words) between.
    pub(super) fn subject(
        &self,
        p: &Parsed<'_>,
        hit: Hit,
        cue: &Cue,
        premods: &[Premod],
    ) -> Option<Subject> {
        let nominal_free = premods.is_empty();
        // `Russia's invasion`: the actor before the noun is its agent. Not so
        // in `Poland, a NATO member`.
        let premod_agent = cue.premod == Role::Source && !cue.relation.is_symmetric();
        if cue.pos == Pos::Noun && !nominal_free && premod_agent {
            return None;
        }
        let toks = &p.toks;
        let word = |k: usize| &p.text[toks[k].start..toks[k].end];
        if cue.pos == Pos::Noun
            && premod_agent
            && let Some(g) = possessor(p, hit)
        {
            return Some(Subject::Group(g));
        }
        let c = p.clause[hit.a];
        let mut k = hit.a;
        let mut found: Option<Subject> = None;
        let mut at = 0;
        // The members a listing names (`Several states, including A and B, imposed`).
        let mut listed: Option<usize> = None;
        while k > 0 && hit.a - k < SUBJECT_REACH {
            k -= 1;
            if p.clause[k] != c {
                // Step over a relative clause nested in this one (`X, which ..., did`).
                if p.outer.get(&p.clause[k]) == Some(&c) {
                    if listed.is_none() && p.listings.contains(&p.clause[k]) {
                        listed = p.group_of[k];
                    }
                    continue;
                }
                break;
            }
            if let Some(g) = p.group_of[k] {
                let first = p.groups[g].first;
                let gr = &p.groups[g];
                if gr.speaker && !(gr.last < hit.a && hit.b <= gr.said_at)
                    || premods.contains(&Premod::Group(g))
                {
                    k = first;
                    continue;
                }
                // `visited Chile to express support`: the infinitive's subject
                // is the main verb's, not its object.
                if self.in_phrase(p, first) || object_before_infinitive(self, p, g, hit.a) {
                    k = first;
                    continue;
                }
                found = Some(Subject::Group(g));
                at = p.groups[g].last + 1;
                break;
            }
            let w = word(k);
            // `after their decision to recognise X`: the possessor acts, and
            // `their` stands for the last coordinated group before it.
            if cue.pos != Pos::Noun
                && w.eq_ignore_ascii_case("their")
                && let Some(g) = last_coordinated(p, k)
            {
                found = Some(Subject::Group(g));
                at = k + 1;
                break;
            }
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
        // The listing's members act, with the set before them only when that
        // set is the name the listing hangs on (`Japan, including Okinawa,`),
        // not a noun after it (`US allies, including Japan`).
        if let Some(l) = listed {
            let antecedent = p.antecedent.get(&p.clause[p.groups[l].first]).copied();
            let hangs_on = matches!(found, Some(Subject::Group(g)) if Some(g) == antecedent);
            if !hangs_on {
                found = Some(Subject::Group(l));
                at = p.groups[l].last + 1;
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
                    in_set(link, w) || is_number(w) || premods.iter().any(|m| m.covers(p, k))
                }),
                // Verbs that end a tie (`cut ties`, `ended its cooperation`) join it too.
                None => between
                    .clone()
                    .any(|k| p.is(k, LIGHT) || p.is(k, NEG) || p.is(k, RECEIVE)),
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

/// What every cue of one sentence reads: the parse, the other cues, who
/// speaks, and what holds for the whole sentence.
pub(super) struct Context<'a, 't> {
    pub(super) view: &'a SentenceView<'t>,
    pub(super) p: &'a Parsed<'t>,
    pub(super) hits: &'a [Hit],
    /// The entries of the speakers' groups: the claims are attributed to them.
    pub(super) speakers: &'a [EntryIndex],
    /// A sentence-wide hedge (`is expected to`).
    pub(super) sentence_hedged: bool,
    /// The pair "the two countries" stands for, when the sentence says so.
    pub(super) pair: Option<(EntryIndex, EntryIndex)>,
    /// The article has named a natural disaster (see `Discourse::disaster`).
    pub(super) disaster: bool,
    /// See `Discourse::stricken`.
    pub(super) stricken: Option<EntryIndex>,
    /// Where act phrases (`the move`) start and end in the text.
    pub(super) acts: &'a [(usize, usize)],
    /// The agents those phrases stand for (see `Discourse::acted`).
    pub(super) acted: &'a [EntryIndex],
}

impl Context<'_, '_> {
    /// A speaker may still act before its verb of saying (`X, visiting Y, said`).
    fn usable(&self, g: usize, hit: Hit) -> bool {
        let gr = &self.p.groups[g];
        !gr.speaker || gr.last < hit.a && hit.b <= gr.said_at
    }
}

/// The groups the words after a cue give roles.
#[derive(Debug, Default)]
struct Roles {
    sources: Vec<usize>,
    targets: Vec<usize>,
    partners: Vec<usize>,
    /// The direct object; the cue's frame says which role it takes.
    object: Option<usize>,
    /// `talks between X and Y`: the pair are the partners, the subject hosts.
    between: bool,
    /// `bought Russian jets`: the actor the goods are named for supplied them.
    made_by: Vec<EntryIndex>,
}

/// An actor before a cue noun: a group, or a lone adjective that is in no
/// group (`Russian strikes`), by its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Premod {
    Group(usize),
    Token(usize),
}

impl Premod {
    fn covers(self, p: &Parsed<'_>, k: usize) -> bool {
        match self {
            Premod::Group(g) => (p.groups[g].first..=p.groups[g].last).contains(&k),
            Premod::Token(t) => t == k,
        }
    }

    fn entries(self, p: &Parsed<'_>, view: &SentenceView<'_>) -> Vec<EntryIndex> {
        match self {
            Premod::Group(g) => p.groups[g].entries.clone(),
            Premod::Token(k) => match p.toks[k].kind {
                Kind::Mention(m) => vec![view.mentions[m].entry],
                _ => Vec::new(),
            },
        }
    }
}

/// The flags of one cue's claims.
#[derive(Debug, Clone, Copy)]
struct Marks {
    negated: bool,
    hedged: bool,
}

/// The two ends of a directed relation, filled in order of precedence.
struct Ends {
    src: Vec<EntryIndex>,
    tgt: Vec<EntryIndex>,
}

impl Ends {
    fn side(&mut self, role: Role) -> &mut Vec<EntryIndex> {
        match role {
            Role::Source => &mut self.src,
            Role::Target => &mut self.tgt,
        }
    }

    /// Fills the side `role` names with `entries` when nothing before has.
    fn fill(&mut self, role: Role, entries: &[EntryIndex]) {
        let side = self.side(role);
        if side.is_empty() {
            side.extend_from_slice(entries);
        }
    }
}

/// Writes one cue's relations: one claim per pair of ends in different
/// states, attributed to the speakers who are not themselves an end.
struct Emit<'a, 'v, 't> {
    view: &'a SentenceView<'t>,
    marks: Marks,
    attributed: Vec<EntryIndex>,
    out: &'v mut Vec<Found>,
}

impl Emit<'_, '_, '_> {
    fn one(&mut self, source: EntryIndex, relation: Relation, target: EntryIndex) {
        if self.view.state_of(source) == self.view.state_of(target) {
            return;
        }
        self.attributed.retain(|&a| a != source && a != target);
        let f = Found {
            source,
            relation,
            target,
            negated: self.marks.negated,
            hedged: self.marks.hedged,
            attributed_to: self.attributed.clone(),
        };
        if !self.out.contains(&f) {
            self.out.push(f);
        }
    }

    /// A symmetric relation between each actor of one side and each of the
    /// other (or within one side, when the other is empty).
    fn pairs(&mut self, relation: Relation, mut left: Vec<EntryIndex>, mut right: Vec<EntryIndex>) {
        let view = self.view;
        view.dedup_states(&mut left);
        view.dedup_states(&mut right);
        right.retain(|&r| !left.iter().any(|&l| view.state_of(l) == view.state_of(r)));
        for (a, b) in symmetric_pairs(&left, &right) {
            self.one(a, relation, b);
        }
    }

    fn directed(&mut self, relation: Relation, mut ends: Ends) {
        self.view.dedup_states(&mut ends.src);
        self.view.dedup_states(&mut ends.tgt);
        for &s in &ends.src {
            for &t in &ends.tgt {
                self.one(s, relation, t);
            }
        }
    }
}

/// A one-word verb cue at `a..b` standing where a noun does: after a
/// determiner or a possessive, or after a preposition (not `to`, and not as
/// a gerund: `for attacking` is a verb). A phrase (`talks with`) is left to
/// its own readings.
fn verb_used_as_noun(p: &Parsed<'_>, a: usize, b: usize) -> bool {
    if b != a + 1 {
        return false;
    }
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "'s", "’s",
    ];
    // An opening quotation mark between changes nothing (`against "targets"`).
    let quote = |k: usize| matches!(p.word(k), "\"" | "“" | "‘" | "'");
    let Some(prev) = (0..a).rev().find(|&k| !quote(k)) else {
        return false;
    };
    if p.toks[prev].kind != Kind::Word {
        return false;
    }
    // The preposition list holds coordinators too (`and`): they join verbs.
    const NOT_BEFORE_NOUNS: &[&str] = &["to", "and", "or", "but", "nor", "than"];
    let w = p.word(prev);
    let gerund = p.word(b - 1).ends_with("ing");
    let is = |list: &[&str]| list.iter().any(|d| w.eq_ignore_ascii_case(d));
    is(DETERMINERS) || (p.is(prev, PREP) && !is(NOT_BEFORE_NOUNS) && !gerund)
}

/// The cue's object is an act told before (`condemned the move`), with no
/// `by` or `of` naming another agent.
fn names_act(cx: &Context<'_, '_>, hit: Hit) -> bool {
    let p = cx.p;
    let Some(start) = p.toks.get(hit.b).map(|t| t.start) else {
        return false;
    };
    let Some(&(_, end)) = cx.acts.iter().find(|&&(a, _)| a == start) else {
        return false;
    };
    // `accused X of a strike and condemned it`: a pronoun stands for an act
    // of its own sentence when one is named before it.
    if p.is(hit.b, PRON) && cx.hits.iter().any(|h| h.a < hit.a) {
        return false;
    }
    let after = (hit.b..p.toks.len()).find(|&k| p.toks[k].start >= end);
    !after.is_some_and(|k| {
        let w = p.word(k);
        w.eq_ignore_ascii_case("by") || w.eq_ignore_ascii_case("of")
    })
}

/// A group that names armed forces or police: its noun follows it
/// (`Kenyan police`, `Russia's special forces`).
fn armed_forces(p: &Parsed<'_>, g: usize) -> bool {
    let n = p.toks.len();
    (p.groups[g].last + 1..n)
        .find(|&k| !(p.is(k, MOD) || matches!(p.word(k), "'s" | "’s")))
        .is_some_and(|k| p.is(k, FORCES))
}

/// Group `g` is the place a visit verb names (`visited Chile`) and a `to`
/// infinitive stands between it and the cue at `a`: the visitor acts there.
/// After other verbs the object may be the infinitive's subject (`invited
/// Ishiba to visit`, `thanked X for agreeing to talks`).
fn object_before_infinitive(en: &English, p: &Parsed<'_>, g: usize, a: usize) -> bool {
    let gr = &p.groups[g];
    if !(gr.last + 1..a).any(|k| p.word(k) == "to") {
        return false;
    }
    let mut k = gr.first;
    while k > 0 && p.is(k - 1, DET) {
        k -= 1;
    }
    k > 0
        && p.raw.iter().any(|&(s, e, pattern)| {
            e == k
                && en.words[pattern].iter().any(|&c| {
                    let cue = &en.cues[c];
                    cue.relation == Relation::Visit && cue.pos == Pos::Verb && cue.obj
                })
                && s < k
        })
}

/// The verbs of joining another in an act (`joined the EU in imposing`).
const JOINING_VERBS: &[&str] = &["joined", "joins", "join", "followed", "follows", "follow"];

/// `X joined Y in V-ing`: the group `X` when group `g` is Y, the object of a
/// verb of joining, and `in` opens the phrase of the cue at `hit`.
fn joiner_of(p: &Parsed<'_>, g: usize, hit: Hit) -> Option<usize> {
    const REACH: usize = 4;
    let gr = &p.groups[g];
    let after = gr.last + 1;
    let opens = after < hit.a
        && hit.a - after <= REACH
        && p.word(after) == "in"
        && p.word(after + 1).ends_with("ing");
    let mut verb = gr.first.checked_sub(1)?;
    if p.is(verb, DET) {
        verb = verb.checked_sub(1)?;
    }
    let joins = JOINING_VERBS
        .iter()
        .any(|w| p.word(verb).eq_ignore_ascii_case(w));
    if !opens || !joins {
        return None;
    }
    let before = verb.checked_sub(1)?;
    p.group_of[before].filter(|&j| p.clause[p.groups[j].last] == p.clause[verb])
}

/// Whether the verb cue at `hit` joins its object in an act (`joined the
/// EU in imposing`): that is no membership.
fn joins_an_act(p: &Parsed<'_>, hit: Hit) -> bool {
    let object = if p.toks.get(hit.b).is_some() && p.is(hit.b, DET) {
        hit.b + 1
    } else {
        hit.b
    };
    let Some(g) = p.group_of.get(object).copied().flatten() else {
        return false;
    };
    let after = p.groups[g].last + 1;
    after + 1 < p.toks.len() && p.word(after) == "in" && p.word(after + 1).ends_with("ing")
}

/// A group's entries and those of the members a listing after it names
/// (`Washington and its allies, including Japan,`).
fn with_members(p: &Parsed<'_>, g: usize) -> Vec<EntryIndex> {
    let mut out = p.groups[g].entries.clone();
    for gr in &p.groups[g + 1..] {
        let c = p.clause[gr.first];
        if p.listings.contains(&c) && p.antecedent.get(&c) == Some(&g) {
            out.extend(gr.entries.iter().copied());
        }
    }
    out
}

/// Every actor the cue's frame names, its subject's included, is a person.
fn persons_only(
    view: &SentenceView<'_>,
    p: &Parsed<'_>,
    roles: &Roles,
    subject: &[EntryIndex],
) -> bool {
    let mut named = entries(p, &roles.sources);
    named.extend(entries(p, &roles.targets));
    if let Some(g) = roles.object {
        named.extend(p.groups[g].entries.iter().copied());
    }
    named.extend(subject.iter().copied());
    !named.is_empty()
        && named
            .iter()
            .all(|&e| view.kind_of(e) == crate::model::ActorKind::Person)
}

/// How far after a cue the words its object must hold are looked for.
const OBJECT_REACH: usize = 8;

/// One of the words the cue's object must hold follows it (`expelled three
/// diplomats`).
fn object_says(p: &Parsed<'_>, cue: &Cue, b: usize) -> bool {
    (b..(b + OBJECT_REACH).min(p.toks.len())).any(|k| in_list(&cue.object_needs, p.word(k)))
}

/// A word of a cue's word list, case folded.
/// The words of `phrase` (one or more, space-separated) stand from token `k`.
fn words_at(p: &Parsed<'_>, k: usize, phrase: &str) -> bool {
    phrase
        .split(' ')
        .enumerate()
        .all(|(i, w)| k + i < p.toks.len() && p.word(k + i).eq_ignore_ascii_case(w))
}

fn in_list(list: &[String], w: &str) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// The entries of some groups, in order.
fn entries(p: &Parsed<'_>, groups: &[usize]) -> Vec<EntryIndex> {
    groups
        .iter()
        .flat_map(|&g| p.groups[g].entries.iter().copied())
        .collect()
}

/// Passive voice: a participle (`-ed` or irregular) after a form of `be`,
/// adverbs allowed between (`was also sanctioned`).
fn passive(p: &Parsed<'_>, hit: Hit) -> bool {
    let participle = p.word(hit.a).ends_with("ed") || p.is(hit.a, PARTICIPLE);
    for k in (hit.a.saturating_sub(3)..hit.a).rev() {
        if p.is(k, BE) {
            return participle;
        }
        let w = p.word(k);
        if !w.ends_with("ly") && !w.eq_ignore_ascii_case("also") {
            return false;
        }
    }
    false
}

/// The word before a cue noun once its modifiers are passed (`their talks`,
/// `its full-scale invasion`).
fn word_before_modifiers(p: &Parsed<'_>, hit: Hit) -> Option<usize> {
    (0..hit.a).rev().find(|&k| !p.is(k, MOD))
}

/// `Putin and Modi ... following their talks`: `their` before a two-sided
/// noun stands for the last group of two or more named before it.
fn their_group(p: &Parsed<'_>, hit: Hit) -> Option<usize> {
    let k = word_before_modifiers(p, hit)?;
    if !p.word(k).eq_ignore_ascii_case("their") || p.is(hit.b - 1, ROLE_NOUN) {
        return None;
    }
    last_coordinated(p, k)
}

/// `punish Russia for its invasion`: a possessive pronoun before a cue noun
/// stands for the nearest actor before it (`their` for the last list), and
/// that actor is the agent of the act the noun names.
fn possessor(p: &Parsed<'_>, hit: Hit) -> Option<usize> {
    let k = word_before_modifiers(p, hit)?;
    if p.toks[k].kind != Kind::Word {
        return None;
    }
    let w = p.word(k);
    let nearest = || (0..k).rev().find_map(|j| p.group_of[j]);
    if w.eq_ignore_ascii_case("its") {
        nearest()
    } else if w.eq_ignore_ascii_case("their") {
        last_coordinated(p, k).or_else(nearest)
    } else {
        None
    }
}

/// The last group of two or more actors before token `k`.
fn last_coordinated(p: &Parsed<'_>, k: usize) -> Option<usize> {
    (0..k)
        .rev()
        .find_map(|j| p.group_of[j].filter(|&g| p.groups[g].entries.len() >= 2))
}

/// Before a cue noun: the actors that modify it (`Russia's invasion`, `the
/// Russian invasion`, `US-China talks`), then adjectives directly before it
/// even without a state organ.
fn premodifiers(cx: &Context<'_, '_>, hit: Hit) -> Vec<Premod> {
    let p = cx.p;
    let mut premods = Vec::new();
    let is_mention = |k: usize| matches!(p.toks[k].kind, Kind::Mention(_));
    for k in (hit.a.saturating_sub(6)..hit.a).rev() {
        if let Some(g) = p.group_of[k] {
            if !premods.contains(&Premod::Group(g)) && cx.usable(g, hit) {
                premods.push(Premod::Group(g));
            }
            continue;
        }
        if is_mention(k) {
            // An adjective directly before a cue noun: `Russian strikes`.
            continue;
        }
        let w = p.word(k);
        let list_joint = (w.eq_ignore_ascii_case("and") || w == ",")
            && k > 0
            && is_mention(k - 1)
            && is_mention(k + 1);
        if !(matches!(w, "'s" | "’s" | "-" | "/") || p.is(k, MOD) || is_number(w) || list_joint) {
            break;
        }
    }
    for k in (hit.a.saturating_sub(6)..hit.a).rev() {
        if is_mention(k) {
            if p.group_of[k].is_none() && !premods.contains(&Premod::Token(k)) {
                premods.push(Premod::Token(k));
            }
            continue;
        }
        let w = p.word(k);
        if !(matches!(w, "'s" | "’s" | "-" | "/" | ",")
            || w.eq_ignore_ascii_case("and")
            || p.is(k, MOD))
        {
            break;
        }
    }
    premods
}

/// `fellow NATO member Turkey`: the name right after a noun that takes one.
fn apposed_after(p: &Parsed<'_>, hit: Hit, cue: &Cue) -> Option<usize> {
    let g = p.group_of.get(hit.b).copied().flatten()?;
    let same_clause = p.clause[hit.b] == p.clause[hit.a];
    (cue.apposed && same_clause && p.groups[g].first == hit.b).then_some(g)
}

/// A gerund cue after `for`: the reason for another act.
fn reason_adjunct(p: &Parsed<'_>, hit: Hit) -> bool {
    hit.a > 0 && p.word(hit.a).ends_with("ing") && p.word(hit.a - 1).eq_ignore_ascii_case("for")
}

/// The first actor named between a verb of buying and its goods (`bought
/// five Russian S-400 systems`): whoever made or sold them is the source.
fn maker_before(cx: &Context<'_, '_>, hit: Hit, goods_at: usize) -> Vec<EntryIndex> {
    let p = cx.p;
    (hit.b..p.toks.len())
        .take_while(|&k| p.toks[k].start < goods_at)
        .find_map(|k| match (p.group_of[k], p.toks[k].kind) {
            (Some(g), _) => cx.usable(g, hit).then_some(Premod::Group(g)),
            (None, Kind::Mention(_)) => Some(Premod::Token(k)),
            _ => None,
        })
        .map_or_else(Vec::new, |m| m.entries(p, cx.view))
}

/// The role a cue's subject takes: its frame's, flipped in the passive; a
/// noun whose subject is passive (`was hit with sanctions by X`) or joined
/// to it by a verb of receiving (`drew condemnation from X`) makes the
/// subject the target.
fn subject_role(
    p: &Parsed<'_>,
    hit: Hit,
    cue: &Cue,
    passive: bool,
    subject: Option<Subject>,
    roles: &Roles,
) -> Role {
    if passive {
        // `French troops were deployed in Mali`: the forces are what is
        // deployed, so their state is the one deploying.
        let forces = matches!(subject, Some(Subject::Group(g)) if armed_forces(p, g));
        if forces && (cue.relation == Relation::Deployment || cue.pos == Pos::Transfer) {
            return cue.subject;
        }
        return cue.subject.flip();
    }
    if cue.pos == Pos::Noun
        && let Some(Subject::Group(g)) = subject
    {
        let between = p.groups[g].last + 1..hit.a;
        let passive_subject = !roles.sources.is_empty() && between.clone().any(|k| p.is(k, BE));
        if passive_subject || between.clone().any(|k| p.is(k, RECEIVE)) {
            return Role::Target;
        }
    }
    cue.subject
}
