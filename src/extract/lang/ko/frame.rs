//! One cue's frame: which mentions are its source, target and partners, and
//! whether the sentence denies, hedges or attributes it.

use super::{Cue, CueHit, Ending, Korean, Marker, Roles, Sentence};
use super::{coordination_group, is_hangul};
use crate::extract::claims::symmetric_pairs;
use crate::extract::lexicon;
use crate::extract::{Found, SentenceView, relief_recipient};
use crate::gazetteer::EntryIndex;
use crate::model::ActorKind;

/// Currencies a sum before an aid noun is counted in (`1억 달러 규모의 지원`).
const SUM_UNITS: &[&str] = &["달러", "원", "유로", "엔", "위안"];

impl Korean {
    /// The claims one cue yields: assign roles, fall back to the topic, set flags.
    pub(super) fn cue_claims(&self, s: &Sentence<'_, '_>, h: usize, out: &mut Vec<Found>) {
        let view = s.view;
        let hit = s.hits[h];
        // A cue that runs straight into another names a thing (지원 규모, 협정문).
        if s.hits
            .get(h + 1)
            .is_some_and(|n| n.start == hit.end && n.cue == hit.cue)
        {
            return;
        }
        let cue = &self.cues[hit.cue];
        let clause_start = self.clause_start(view, hit.start);
        // Read once: the flags read it again for the speaker.
        let reported = self
            .attribution
            .occurs_in(&view.text[hit.end..view.range.end]);
        let mut roles = self.assign(s, h, clause_start, reported);
        let symmetric = cue.relation.is_symmetric();
        // The head noun of a relative clause ending in the cue is its subject
        // (`방미 중인 네타냐후 총리`); names before the clause belong to the main one.
        if let Some(head) = relative_head(view, hit.end)
            && !roles.targets.contains(&head)
        {
            if symmetric {
                roles.partners.push(head);
            } else if cue.passive {
                roles.targets = vec![head];
            } else {
                roles.sources = vec![head];
            }
        }
        let entries = |list: &[usize]| -> Vec<EntryIndex> {
            list.iter().map(|&i| view.mentions[i].entry).collect()
        };
        if cue.states_only {
            let is_state =
                |&i: &usize| view.kind_of(view.mentions[i].entry) != ActorKind::Organization;
            roles.sources.retain(is_state);
            roles.targets.retain(is_state);
            roles.partners.retain(is_state);
        }
        let mut sources = entries(&roles.sources);
        let mut targets = entries(&roles.targets);
        if let Some(t) = cue
            .implied_target
            .as_ref()
            .and_then(|id| view.actors.index_of(id))
        {
            targets = vec![t];
        }
        let quoted = s.quotes.inside(hit.start);
        // `X는 …했다고 밝혔다`: a topic that reports the clause is its speaker,
        // not its agent; `…인정이 …로 이어질`: a cue that is itself a subject
        // names someone else's act.
        let subject_noun = self.cue_is_subject(view, hit.end);
        // `군인들은 … 주둔`: a clause with a subject of its own that names no
        // actor takes no topic from elsewhere.
        let own_subject = has_own_subject(s, clause_start, hit.start);
        let fallback = |taken: &[EntryIndex]| -> Option<EntryIndex> {
            if quoted || cue.needs_source || reported || subject_noun || own_subject {
                return None;
            }
            // The nearest topic before the cue, else the one carried over.
            let before = s.topics.iter().rev().find(|(at, _)| *at < hit.start);
            before
                .map(|&(_, t)| t)
                .or(s.previous)
                .filter(|t| !taken.iter().any(|x| view.state_of(*x) == view.state_of(*t)))
        };
        let funded = || {
            !s.disaster
                && crate::extract::sum_before(&view.text[clause_start..hit.start], SUM_UNITS, '의')
        };
        let relation = match cue.funded {
            Some(r) if funded() => r,
            _ => lexicon::relation_in(cue.relation, cue.disaster, s.disaster),
        };
        let flags = self.flags(view, &hit, s, &roles, reported);
        let mut push = |a: EntryIndex, b: EntryIndex| {
            let (source, target) = if cue.reverse { (b, a) } else { (a, b) };
            out.push(Found {
                source,
                relation,
                target,
                negated: flags.0,
                hedged: flags.1,
                attributed_to: flags.2.clone(),
            });
        };
        if symmetric {
            let mut group = sources;
            group.extend(targets);
            let mut others = entries(&roles.partners);
            view.dedup_states(&mut group);
            view.dedup_states(&mut others);
            if group.len() + others.len() < 2
                && let Some(t) = fallback(&[group.as_slice(), others.as_slice()].concat())
            {
                group.push(t);
            }
            others.retain(|o| !group.iter().any(|g| view.state_of(*g) == view.state_of(*o)));
            for (a, b) in symmetric_pairs(&group, &others) {
                push(a, b);
            }
            return;
        }
        if cue.passive && targets.is_empty() {
            targets.extend(fallback(&sources));
        }
        if sources.is_empty() && !targets.is_empty() {
            sources.extend(fallback(&targets));
        }
        // `카타르는 구조대를 파견했다`: relief with no recipient goes where the
        // disaster struck.
        if targets.is_empty() {
            targets.extend(relief_recipient(s.stricken, view, relation, &sources));
        }
        for &a in &sources {
            for &b in &targets {
                push(a, b);
            }
        }
    }

    /// The roles of the mentions before the cue, in its clause, by their endings.
    fn assign(&self, s: &Sentence<'_, '_>, h: usize, clause_start: usize, reported: bool) -> Roles {
        let view = s.view;
        let text = view.text;
        let hit = s.hits[h];
        let cue = &self.cues[hit.cue];
        let symmetric = cue.relation.is_symmetric();
        let cue_quoted = s.quotes.inside(hit.start);
        let mut roles = Roles::default();
        // A nominal cue that is a subject (`인정이`) or the object of another
        // cue (`침공을 규탄`) is someone else's act: only a genitive or a
        // compound names its actors.
        let noun_only = self.cue_is_subject(view, hit.end)
            || (text[hit.end..].starts_with(['을', '를'])
                && s.hits
                    .get(h + 1)
                    .is_some_and(|n| text[hit.end..n.start].chars().count() <= 2));
        let mut nearest_source: Option<usize> = None;
        let mut nearest_target: Option<usize> = None;
        let mut between: Option<usize> = None;
        let mut followed: Option<usize> = None;
        for (i, m) in view.mentions.iter().enumerate() {
            let phrase = &s.phrases[i];
            // `방북`: the visit cue `방` right before the name is its goal.
            if m.start == hit.end {
                if text[hit.start..hit.end].chars().nth(1).is_none() {
                    roles.targets.push(i);
                }
                continue;
            }
            if m.end > hit.start || phrase.quoted != cue_quoted {
                continue;
            }
            // Mentions after an earlier cue's own phrase belong to it when the
            // earlier cue ends its clause; across a clause break they are out.
            if m.start < clause_start && !self.genitive_of(s, i, h) {
                continue;
            }
            match s.roles[i] {
                // Headline word order without particles: `러시아군 우크라이나 공습`,
                // the bare name before the compounded target is the agent.
                Ending::Open
                    if !symmetric
                        && view.mentions.get(i + 1).is_some_and(|n| {
                            s.roles[i + 1] == Ending::Cue(h)
                                && text[s.phrases[i].end..n.start].trim().is_empty()
                        }) =>
                {
                    roles.sources = vec![i];
                }
                // `한미 연합훈련을 비난`: the partners of a symmetric act that is the
                // object of this cue are its targets.
                Ending::Cue(k)
                    if k < h
                        && !symmetric
                        && self.cues[s.hits[k].cue].relation.is_symmetric()
                        && matches!(
                            self.outer_marker(s, s.hits[k].start, hit.start),
                            Some(Marker::Object | Marker::Target)
                        ) =>
                {
                    nearest_target = Some(i);
                }
                Ending::Cue(k) if k == h => {
                    if symmetric {
                        roles.partners.push(i);
                    } else {
                        roles.targets.push(i);
                    }
                }
                Ending::Particle(Marker::Genitive, _, _) if self.genitive_of(s, i, h) => {
                    if symmetric {
                        roles.partners.push(i);
                    } else if cue.genitive_is_target {
                        roles.targets.push(i);
                    } else if !cue.passive {
                        roles.sources.push(i);
                    }
                }
                // `러시아의 우크라이나 침공을 규탄`: the possessor of an object
                // phrase is the target of the verb after it.
                Ending::Particle(Marker::Genitive, _, after) if !symmetric => {
                    if let Some(Marker::Object | Marker::Target) =
                        self.outer_marker(s, after, hit.start)
                        && nearest_target.is_none_or(|t| t < i)
                    {
                        nearest_target = Some(i);
                    }
                }
                // `한국과 쿠바 간 수교`: the list before 간 is the whole pair.
                Ending::Particle(Marker::Partner, at, after)
                    if symmetric
                        && matches!(
                            text[at..after].trim_start(),
                            "간" | "간의" | "사이" | "사이의" | "사이에"
                        )
                        && text[after..hit.start].trim().chars().count() <= 1 =>
                {
                    between = Some(i);
                }
                // `미국과 영국에 이어 이라크에 파병`: those followed did it too.
                Ending::Particle(_, at, after)
                    if !symmetric
                        && &text[at..after] == "에"
                        && text[after..].trim_start().starts_with("이어") =>
                {
                    followed = Some(i);
                }
                Ending::Particle(marker, at, after) if !noun_only => {
                    let p = &text[at..after];
                    // `X는 Y가 …다고 밝혔다`: a topic that reports another
                    // subject's act is the speaker.
                    let speaker = reported
                        && matches!(p, "은" | "는")
                        && has_own_subject(s, after, hit.start);
                    // A headline's `북러, …`: the list before the comma is the subject.
                    let headline = p == "," && s.topics.iter().any(|&(at, _)| at == m.start);
                    match self.role_of(cue, marker, p) {
                        _ if headline => nearest_source = Some(i),
                        Some(Marker::Source) if !speaker => nearest_source = Some(i),
                        Some(Marker::Target) if nearest_target.is_none_or(|t| t < i) => {
                            nearest_target = Some(i);
                        }
                        Some(Marker::Partner) if symmetric => {
                            roles.partners.extend(coordination_group(i, s.phrases));
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        let group = |n: usize| coordination_group(n, s.phrases);
        if let Some(n) = between {
            return Roles {
                partners: group(n),
                ..Roles::default()
            };
        }
        if roles.sources.is_empty()
            && let Some(n) = nearest_source
        {
            roles.sources = group(n);
        }
        if let Some(n) = nearest_target
            && roles.targets.is_empty()
            && !roles.sources.contains(&n)
        {
            if symmetric {
                // `X가 Y에 대해`: a symmetric cue's goal is a partner only when
                // nothing else is (미국을 비롯한 … is no partner).
                if roles.partners.is_empty() && !self.is_object(s, n) {
                    roles.partners = group(n);
                }
            } else {
                roles.targets = group(n);
            }
        }
        if let Some(n) = followed {
            let new: Vec<usize> = group(n)
                .into_iter()
                .filter(|x| !roles.sources.contains(x) && !roles.targets.contains(x))
                .collect();
            roles.sources.extend(new);
        }
        roles
    }

    /// The role a particle gives for this cue: the cue's own lists first, then
    /// the passive's markers, then the defaults.
    fn role_of(&self, cue: &Cue, marker: Marker, p: &str) -> Option<Marker> {
        if cue.source.iter().any(|x| x == p) {
            return Some(Marker::Source);
        }
        if !cue.target.is_empty() {
            if cue.target.iter().any(|x| x == p) {
                return Some(Marker::Target);
            }
            if matches!(marker, Marker::Object | Marker::Target) {
                return None;
            }
        }
        if cue.passive {
            if self.passive_source.iter().any(|x| x == p) {
                return Some(Marker::Source);
            }
            return (marker == Marker::Source).then_some(Marker::Target);
        }
        match marker {
            Marker::Object | Marker::Target => Some(Marker::Target),
            Marker::Origin => None,
            other => Some(other),
        }
    }

    /// The particle that ends the noun phrase starting at `from` (a genitive's
    /// head, read over at most five words), if it ends before `limit`.
    fn outer_marker(&self, s: &Sentence<'_, '_>, from: usize, limit: usize) -> Option<Marker> {
        let text = s.view.text;
        let mut at = from;
        for _ in 0..5 {
            let rest = text[at..limit].trim_start();
            at = limit - rest.len();
            let word = &rest[..rest.find(' ')?];
            if word.contains([',', '"', '“', '”']) {
                return None;
            }
            // Only what follows a name inside its word can be a particle (`우크라이나`
            // ends in `이나` without one).
            let name_end = s
                .view
                .mentions
                .iter()
                .find(|m| m.start == at)
                .map_or(0, |m| m.end - at);
            let tail = &word[name_end.min(word.len())..];
            if let Some((_, m)) = self
                .particles
                .suffix_where(tail, |p, _| name_end > 0 || tail.len() > p.len())
                && *m != Marker::Genitive
            {
                return Some(*m);
            }
            at += word.len();
        }
        None
    }

    /// Whether a subject particle follows the cue word (`인정이`, `침공은`).
    fn cue_is_subject(&self, view: &SentenceView<'_>, cue_end: usize) -> bool {
        let rest = &view.text[cue_end..view.range.end];
        // After a verb stem (`추방하`), `는` is its adnominal ending (`추방하는
        // 한편`), not a topic particle.
        if view.text[..cue_end].ends_with('하') {
            return false;
        }
        ["이 ", "가 ", "은 ", "는 "]
            .iter()
            .any(|p| rest.starts_with(p))
    }

    fn is_object(&self, s: &Sentence<'_, '_>, n: usize) -> bool {
        matches!(s.roles[n], Ending::Particle(Marker::Object, _, _))
    }

    /// Whether mention `i` is a genitive (`러시아의`) whose noun phrase is cue
    /// `h`: only names and plain nouns stand between (`러시아의 우크라이나 침공`).
    fn genitive_of(&self, s: &Sentence<'_, '_>, i: usize, h: usize) -> bool {
        let Ending::Particle(Marker::Genitive, _, after) = s.roles[i] else {
            return false;
        };
        let hit = s.hits[h];
        if after > hit.start {
            return false;
        }
        let between = &s.view.text[after..hit.start];
        // At most two words between, none ending in a particle of its own.
        between.split(' ').filter(|w| !w.is_empty()).count() <= 2
            && !between.contains([',', '"', '“', '”'])
            && !between.split(' ').any(|w| {
                self.particles
                    .suffix_where(w, |p, m| *m != Marker::Genitive && w.len() > p.len())
                    .is_some()
                    && !s
                        .view
                        .mentions
                        .iter()
                        .any(|m| s.view.text[m.start..m.end] == *w)
            })
    }

    /// Negated, hedged, attributed to: the flags one cue's claims carry.
    fn flags(
        &self,
        view: &SentenceView<'_>,
        hit: &CueHit,
        s: &Sentence<'_, '_>,
        roles: &Roles,
        reported: bool,
    ) -> (bool, bool, Vec<EntryIndex>) {
        let text = view.text;
        let s1 = view.range.end;
        let scope_end = s
            .hits
            .iter()
            .find(|n| n.start >= hit.end)
            .map_or(s1, |n| n.start)
            .min(self.clause_end(view, hit.end));
        // 미수교국, 비회원국, 불참: a negative prefix glued to the cue word.
        let mut before = text[..hit.start].chars().rev();
        let prefixed = before
            .next()
            .is_some_and(|c| matches!(c, '미' | '비' | '불'))
            && !before.next().is_some_and(is_hangul)
            && !view.mentions.iter().any(|m| m.end == hit.start);
        let denied = prefixed
            || self
                .negation
                .occurs_in(&text[hit.start..scope_end.max(hit.end)]);
        let negated = self.cues[hit.cue].negates != denied;
        let hedged = self.hedge.occurs_in(&text[hit.end..s1]);
        (
            negated,
            hedged,
            self.attribution(view, hit, s, roles, reported),
        )
    }

    /// Who asserts the claim: the subject of a verb of saying after a closing
    /// quotation (`"…"라고 X는 밝혔다`, `X는 "…"라고 말했다`), or an `에 따르면` source.
    fn attribution(
        &self,
        view: &SentenceView<'_>,
        hit: &CueHit,
        s: &Sentence<'_, '_>,
        roles: &Roles,
        said: bool,
    ) -> Vec<EntryIndex> {
        let text = view.text;
        let mut out = Vec::new();
        for (i, m) in view.mentions.iter().enumerate() {
            if roles.sources.contains(&i)
                || roles.targets.contains(&i)
                || roles.partners.contains(&i)
            {
                continue;
            }
            let after = &text[s.phrases[i].end..view.range.end];
            let cited = self.cited.iter().any(|c| {
                let at = s.phrases[i].end;
                text[m.end..view.range.end].starts_with(c.as_str())
                    || text[..at].ends_with(c.as_str())
            }) && m.end <= hit.start;
            let speaker = said
                && !s.phrases[i].quoted
                && matches!(s.roles[i], Ending::Particle(Marker::Source, _, _))
                && !after.is_empty();
            if cited || speaker {
                out.push(m.entry);
            }
        }
        out
    }
}

/// Whether a word between `from` and `to` that is no actor ends in a subject or
/// topic particle (`군인들은`, `특수부대가`): the clause has its own subject.
fn has_own_subject(s: &Sentence<'_, '_>, from: usize, to: usize) -> bool {
    if from >= to {
        return false;
    }
    let view = s.view;
    let mut at = from;
    view.text[from..to].split(' ').any(|word| {
        let (start, end) = (at, at + word.len());
        at = end + 1;
        // The cheap tests first; words inside a quotation (open at either
        // end of the word) belong to the quoted clause.
        word.ends_with(['은', '는', '이', '가'])
            && !word.ends_with("에서는")
            && word.chars().count() >= 3
            && !s.quotes.inside(start)
            && !s.quotes.inside(end)
            && !view
                .mentions
                .iter()
                .any(|m| m.start <= end && start < m.end)
    })
}

impl Korean {
    /// Where the clause holding byte `at` starts: after the last clause break before it.
    fn clause_start(&self, view: &SentenceView<'_>, at: usize) -> usize {
        let head = &view.text[view.range.start..at];
        self.clause_ends
            .positions(head)
            // `…있다고 경고한`: a quotative 다고/라고 closes no clause.
            .filter(|&(p, _)| !head[..p].ends_with(['다', '라']))
            .map(|(_, end)| end)
            .last()
            .map_or(view.range.start, |p| view.range.start + p)
    }

    /// Where the clause holding byte `at` ends: at the next clause break after it.
    fn clause_end(&self, view: &SentenceView<'_>, at: usize) -> usize {
        let tail = &view.text[at..view.range.end];
        self.clause_ends
            .positions(tail)
            .next()
            .map_or(view.range.end, |(p, _)| at + p)
    }
}
/// The head noun of a relative clause that ends in the cue: the cue's word
/// ends in an adnominal form (`침공한`, `주둔하는`, `방미 중인`), then a name.
fn relative_head(view: &SentenceView<'_>, cue_end: usize) -> Option<usize> {
    let text = view.text;
    let mut at = cue_end;
    for _ in 0..2 {
        let rest = &text[at..view.range.end];
        let word_len = rest.find(' ')?;
        let word = &rest[..word_len];
        let next = at + word_len + 1;
        // Only a verb form ends a relative clause: no punctuation inside (강화...러시아군).
        if !word.chars().all(is_hangul) {
            return None;
        }
        let last = word
            .chars()
            .next_back()
            .or_else(|| text[..at].chars().next_back())?;
        if is_adnominal(last) {
            return view.mentions.iter().position(|m| m.start == next);
        }
        at = next;
    }
    None
}

/// A syllable that ends an adnominal verb form: final ㄴ or ㄹ (`한`, `된`, `할`,
/// `인`) or `는`/`던`.
fn is_adnominal(c: char) -> bool {
    if !is_hangul(c) || !('가'..='힣').contains(&c) {
        return false;
    }
    let coda = (c as u32 - '가' as u32) % 28;
    coda == 4 || coda == 8 || matches!(c, '는' | '던')
}
