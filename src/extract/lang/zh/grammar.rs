//! The grammar the Chinese rules read around names: phrases (a state, a
//! title and a person), coordination into groups, the preposition that marks
//! a group's role, clauses and the flags before a verb.

use std::sync::OnceLock;

use crate::extract::words::{Affixes, WordSet};
use crate::extract::{Discourse, SentenceView};
use crate::gazetteer::{EntryIndex, Form, Mention};
use crate::model::ActorKind;

/// The longest run of title words between a state and a person, or between a
/// speaker and the verb of saying (`外交部发言人`, 6 chars).
pub(super) const MAX_TITLE_BYTES: usize = 36;

/// Words of office and organ that join a state to the person or body after
/// it (`俄罗斯总统普京`) and that stand between a marker and a name
/// (`与国务委员兼外长秦刚`). Longest first within a shared ending.
const TITLES: &[&str] = &[
    "国务委员",
    "外交部发言人",
    "总统发言人",
    "发言人",
    "副总统",
    "总统",
    "国家主席",
    "主席",
    "副总理",
    "总理",
    "首相",
    "外交部长",
    "外交部",
    "外长",
    "外相",
    "国防部长",
    "国防部",
    "防长",
    "国务卿",
    "部长",
    "大使",
    "官员",
    "高官",
    "领导人",
    "最高领袖",
    "领袖",
    "国王",
    "王储",
    "议长",
    "秘书长",
    "委员",
    "主任",
    "特使",
    "代表",
    "元首",
    "总书记",
    "司令",
    "将军",
    "政府",
    "当局",
    "方面",
    "军方",
    "首席",
    "前",
    "兼",
    "副",
    "女士",
    "先生",
    "夫人",
    "方",
];

/// What the preposition before a group says about its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// No preposition: a subject before the verb, an object after it.
    None,
    /// The source, as the cue's own list says (`应X邀请`).
    Source,
    /// `对` `向` `对于` `针对` `给`, a compound prefix (`反美`), a destination (`赴`).
    Target,
    /// `与` `同` `跟` `和`: the other party.
    Partner,
    /// `被` `遭` `受到` `由`: the agent of a passive.
    Passive,
    /// `在` `于` `从` `驻` `据`: a place, an origin or a source of news.
    Place,
}

/// Prepositions, longest first, with the role they mark.
const MARKERS: &[(&str, Marker)] = &[
    // Verbs that end in a preposition's char: `反对日本` makes 日本 an object.
    ("反对", Marker::None),
    ("相对", Marker::None),
    ("绝对", Marker::None),
    ("对于", Marker::Target),
    ("针对", Marker::Target),
    ("前往", Marker::Target),
    ("遭到", Marker::Passive),
    ("受到", Marker::Passive),
    ("来自", Marker::Place),
    ("对", Marker::Target),
    ("向", Marker::Target),
    ("给", Marker::Target),
    ("援", Marker::Target),
    ("反", Marker::Target),
    ("抗", Marker::Target),
    ("侵", Marker::Target),
    ("涉", Marker::Target),
    ("赴", Marker::Target),
    ("到", Marker::Target),
    ("与", Marker::Partner),
    ("同", Marker::Partner),
    ("跟", Marker::Partner),
    ("和", Marker::Partner),
    ("被", Marker::Passive),
    ("遭", Marker::Passive),
    ("由", Marker::Passive),
    ("在", Marker::Place),
    ("于", Marker::Place),
    ("从", Marker::Place),
    ("自", Marker::Place),
    ("驻", Marker::Place),
    ("据", Marker::Place),
    ("应", Marker::Place),
    ("至", Marker::Place),
];

/// Words that join two names into one group (`中国和俄罗斯`, `英法`).
const CONJUNCTIONS: &[&str] = &["", "和", "与", "及", "以及", "、", "同", "跟", "暨", "·"];

/// Words that close a time opened by 在 (`在…之后`, `在…期间`).
const TIME_CLOSERS: &[&str] = &[
    "之后",
    "之前",
    "以后",
    "以前",
    "以来",
    "期间",
    "之际",
    "的时候",
];

/// Whether the clause that `rest` continues closes a time before it ends
/// (an aside in brackets does not end it).
fn opens_time(rest: &str) -> bool {
    let clause = rest
        .find([',', ';', ':', '!', '?', '。'])
        .map_or(rest, |i| &rest[..i]);
    TIME_CLOSERS.iter().any(|w| clause.contains(w))
}

/// Marks that end a clause.
fn ends_clause(c: char) -> bool {
    // Normalized text: NFKC made full-width marks ASCII.
    matches!(
        c,
        ',' | ';' | ':' | '!' | '?' | '。' | '(' | ')' | ' ' | '—'
    )
}

/// Phrases joined into one group: they share the first phrase's marker.
#[derive(Debug, Clone)]
pub(super) struct Group {
    /// Mention index of each phrase's head (its last name), in order.
    pub(super) heads: Vec<usize>,
    /// Where the group starts (its first name) and ends (its last name).
    pub(super) start: usize,
    pub(super) end: usize,
    /// Where the text before the group ends once its titles are stripped:
    /// the preposition, if any, ends here.
    marker_at: usize,
    /// The language's marker there (a cue's own lists are checked on top).
    marker: Marker,
    /// Inside quotes.
    quoted: bool,
}

impl Group {
    /// The entry the group stands for when one is needed: its first phrase.
    pub(super) fn head(&self, view: &SentenceView<'_>) -> EntryIndex {
        view.mentions[self.heads[0]].entry
    }

    /// The group's states when it lists three or more and nothing else.
    pub(super) fn states(&self, view: &SentenceView<'_>) -> Option<Vec<EntryIndex>> {
        // Fewer than three names are fewer than three states: no list to build.
        if self.heads.len() < 3 {
            return None;
        }
        let mut list = Vec::new();
        self.extend_into(view, &mut list);
        let all_states = list.iter().all(|&e| view.kind_of(e) == ActorKind::Country);
        (list.len() >= 3 && all_states).then_some(list)
    }

    /// Adds every phrase of the group to `list`, one per state.
    pub(super) fn extend_into(&self, view: &SentenceView<'_>, list: &mut Vec<EntryIndex>) {
        list.extend(self.heads.iter().map(|&i| view.mentions[i].entry));
        view.dedup_states(list);
    }

    /// The role the preposition before the group marks: the cue's own lists
    /// first (`应` for 邀请, `从` for 夺取), then the language's.
    pub(super) fn marker(
        &self,
        view: &SentenceView<'_>,
        source: &[String],
        target: &[String],
    ) -> Marker {
        let before = &view.text[view.range.start..self.marker_at];
        if source.iter().any(|m| before.ends_with(m.as_str())) {
            return Marker::Source;
        }
        if target.iter().any(|m| before.ends_with(m.as_str())) {
            return Marker::Target;
        }
        self.marker
    }

    /// A group of one phrase, its marker read once.
    fn new(view: &SentenceView<'_>, quotes: &Quotes, head: usize, span: (usize, usize)) -> Self {
        let (start, end) = span;
        let s0 = view.range.start;
        let before = strip_titles(&view.text[s0..start]);
        let marker = markers()
            .suffix_of(before)
            .map_or(Marker::None, |(_, &r)| r);
        // `在X空袭卡达之后`: 在 opens a time, and X is its clause's subject.
        let marker = if marker == Marker::Place
            && before.ends_with('在')
            && opens_time(&view.text[end..view.range.end])
        {
            Marker::None
        } else {
            marker
        };
        Group {
            heads: vec![head],
            start,
            end,
            marker_at: s0 + before.len(),
            marker,
            quoted: quotes.around(start),
        }
    }

    /// Whether the group owns what follows (`X的`), after its titles.
    pub(super) fn genitive(&self, view: &SentenceView<'_>) -> bool {
        let after = &view.text[self.end..view.range.end];
        skip_titles(after).starts_with('的')
    }

    /// Whether the group owns the noun that starts at `at`: `X的` and at most
    /// a few more chars of one noun phrase (`尼日尔的安全合作`, `习近平主席的到访`).
    pub(super) fn owns(&self, view: &SentenceView<'_>, at: usize) -> bool {
        let Some(gap) = view.text.get(self.end..at) else {
            return false;
        };
        skip_titles(gap).strip_prefix('的').is_some_and(|rest| {
            rest.chars().count() <= 4 && rest.chars().all(crate::script::is_han)
        })
    }

    /// Whether the group owns the noun at `at` through a short modifier
    /// (`乌克兰最坚定的支持者`, `美国最重要的盟友`): a few chars, `的`, and a few
    /// more before the noun, within one clause.
    pub(super) fn possesses(&self, view: &SentenceView<'_>, at: usize) -> bool {
        let Some(gap) = view.text.get(self.end..at) else {
            return false;
        };
        let short = |s: &str| s.chars().count() <= 4 && s.chars().all(crate::script::is_han);
        skip_titles(gap)
            .split_once('的')
            .is_some_and(|(before, after)| short(before) && short(after))
    }

    /// Whether the group sits in a phrase that ends in `的` right before
    /// `next` (a possessive or a relative clause), so `next` is the head.
    fn modifies(&self, view: &SentenceView<'_>, next: &Group) -> bool {
        view.text.get(self.end..next.start).is_some_and(|gap| {
            strip_titles(gap).ends_with('的')
                && gap.chars().count() <= 16
                && !gap.chars().any(ends_clause)
        })
    }

    /// Whether the group stands inside quotes (`“…”`, `「…」`).
    pub(super) fn quoted(&self) -> bool {
        self.quoted
    }
}

/// [`MARKERS`], looked up by their last char: a group's marker is one of the
/// few that end in the char before it, tried in the list's order.
fn markers() -> &'static Affixes<Marker> {
    static INDEX: OnceLock<Affixes<Marker>> = OnceLock::new();
    INDEX.get_or_init(|| Affixes::new(MARKERS.iter().map(|&(m, r)| (m.to_owned(), r)).collect()))
}

/// [`TITLES`], looked up by the char at either end.
fn titles() -> &'static Affixes<()> {
    static INDEX: OnceLock<Affixes<()>> = OnceLock::new();
    INDEX.get_or_init(|| Affixes::new(TITLES.iter().map(|t| (t.to_string(), ())).collect()))
}

/// `text` without the title words it ends with (`与国务委员兼外长` → `与`).
fn strip_titles(mut text: &str) -> &str {
    while let Some((t, _)) = titles().suffix_of(text) {
        text = &text[..text.len() - t.len()];
    }
    text
}

/// `text` without the title words it starts with (`总统访华` → `访华`).
fn skip_titles(mut text: &str) -> &str {
    while let Some((t, _)) = titles().prefix_of(text) {
        text = &text[t.len()..];
    }
    text
}

/// Whether the text between two names makes them one phrase: only title
/// words (`总统`, `外交部发言人`), so the second is the first's official.
fn joins_phrase(gap: &str) -> bool {
    !gap.is_empty() && gap.len() <= MAX_TITLE_BYTES && {
        let rest = strip_titles(gap);
        rest.len() < gap.len() && rest.chars().all(crate::script::is_han) && rest.len() <= 12
    }
}

/// Whether two adjacent mentions are a compound of abbreviations (`中美`, `美韩`).
fn abbreviations(a: &Mention, b: &Mention) -> bool {
    a.form == Form::Abbreviation || b.form == Form::Abbreviation
}

/// The groups of the sentence: mentions into phrases, phrases into groups.
pub(super) fn groups(view: &SentenceView<'_>, quotes: &Quotes) -> Vec<Group> {
    let text = view.text;
    let mentions = view.mentions;
    let mut phrases: Vec<(usize, usize, usize)> = Vec::new(); // (head, start, end)
    for (i, m) in mentions.iter().enumerate() {
        let last = phrases.last().copied();
        match last {
            // Overlapping hits (a title word read as a name) are skipped.
            Some(p) if m.start < p.2 => {}
            // A name right after a name is its body (`也门胡塞武装`) unless
            // both are compound abbreviations (`中美`: two states).
            Some(p)
                if joins_phrase(&text[p.2..m.start])
                    || (p.2 == m.start && !abbreviations(&mentions[p.0], m)) =>
            {
                *phrases.last_mut().expect("a last phrase") = (i, p.1, m.end);
            }
            _ => phrases.push((i, m.start, m.end)),
        }
    }
    let mut out: Vec<Group> = Vec::new();
    for (head, start, end) in phrases {
        if let Some(g) = out.last_mut() {
            let gap = &text[g.end..start];
            let gap = strip_titles(skip_titles(gap));
            // `在莫斯科同普京会谈`: after a place, `同` `与` `跟` introduce a
            // partner, not a second place.
            let partner_after_place =
                matches!(gap, "与" | "同" | "跟") && text[..g.start].ends_with('在');
            if CONJUNCTIONS.contains(&gap) && !partner_after_place {
                g.heads.push(head);
                g.end = end;
                continue;
            }
        }
        out.push(Group::new(view, quotes, head, (start, end)));
    }
    out
}

/// Where the sentence's quotes open and close (`“…”`, `「…」`), found in one
/// pass so each name and cue asks in time proportional to the quotes alone.
pub(super) struct Quotes {
    /// Byte offsets of the marks, with the kind of quote (0 for `“”`, 1 for
    /// `「」`) and whether the mark opens it.
    marks: Vec<(usize, usize, bool)>,
}

impl Quotes {
    pub(super) fn of(view: &SentenceView<'_>) -> Self {
        let s0 = view.range.start;
        let marks = view
            .sentence()
            .char_indices()
            .filter_map(|(i, c)| match c {
                '“' => Some((s0 + i, 0, true)),
                '”' => Some((s0 + i, 0, false)),
                '「' => Some((s0 + i, 1, true)),
                '」' => Some((s0 + i, 1, false)),
                _ => None,
            })
            .collect();
        let mut quotes = Quotes { marks };
        quotes.drop_terms(view);
        quotes
    }

    /// Forgets the quotes around a term the sentence uses in someone's
    /// words (`表达“坚定支持”`): short, with no punctuation inside, and not
    /// opened after a colon or a verb of saying. Their cues take the roles
    /// around them.
    fn drop_terms(&mut self, view: &SentenceView<'_>) {
        let text = view.text;
        let mut i = 0;
        while i + 1 < self.marks.len() {
            let (open, kind, opens) = self.marks[i];
            let (close, close_kind, closes) = self.marks[i + 1];
            let mark_len = text[open..].chars().next().map_or(0, char::len_utf8);
            let inside = &text[open + mark_len..close];
            let before = text[view.range.start..open].chars().next_back();
            let term = opens
                && !closes
                && kind == close_kind
                && inside.chars().count() <= 12
                && !inside.contains([',', '。', ';', ':', '!', '?', '、'])
                && !before.is_some_and(|c| matches!(c, ':' | ',' | '说' | '称' | '道'));
            if term {
                self.marks.drain(i..i + 2);
            } else {
                i += 1;
            }
        }
    }

    /// Whether `at` stands inside quotes: more of one kind opened than
    /// closed before it.
    pub(super) fn around(&self, at: usize) -> bool {
        let mut depth = [0i32; 2];
        for &(_, kind, open) in self.marks.iter().take_while(|m| m.0 < at) {
            depth[kind] += if open { 1 } else { -1 };
        }
        depth.iter().any(|&d| d > 0)
    }
}

/// The sentence's subject: its first unmarked group outside quotes that does
/// not modify the next one (`支持叙利亚反对派的土耳其`: Turkey, not Syria).
pub(super) fn subject(groups: &[Group], view: &SentenceView<'_>) -> Option<usize> {
    (0..groups.len()).find(|&i| {
        let g = &groups[i];
        !g.quoted
            && g.marker == Marker::None
            && !groups.get(i + 1).is_some_and(|next| g.modifies(view, next))
    })
}

/// The group a cue modifies as a relative clause (`到访的以色列总理`): its
/// agent, as `的` and titles are all that stand between.
pub(super) fn relative_head(
    groups: &[Group],
    view: &SentenceView<'_>,
    end: usize,
) -> Option<usize> {
    let after = &view.text[end..view.range.end];
    let rest = after.strip_prefix('的')?;
    let at = end + '的'.len_utf8() + (rest.len() - skip_titles(rest).len());
    groups.iter().position(|g| g.start == at)
}

/// The clause around a cue: from the mark before it to the mark after it.
pub(super) fn clause_around(view: &SentenceView<'_>, start: usize, end: usize) -> (usize, usize) {
    let (s0, s1) = (view.range.start, view.range.end);
    let from = view.text[s0..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_clause(c))
        .map_or(s0, |(i, c)| s0 + i + c.len_utf8());
    let to = view.text[end..s1]
        .char_indices()
        .find(|&(_, c)| ends_clause(c))
        .map_or(s1, |(i, _)| end + i);
    (from, to)
}

/// Whether a hedge stands in `text[from..to]` (before the verb). `将` before
/// a name is the object marker (`将古巴从名单上移除`), not the future.
pub(super) fn hedged(hedge: &WordSet, view: &SentenceView<'_>, from: usize, to: usize) -> bool {
    hedge.positions(&view.text[from..to]).any(|(s, e)| {
        let end = from + e;
        let word = &view.text[from + s..end];
        !(word == "将" && view.mentions.iter().any(|m| m.start == end))
    })
}

/// Words for both sides of the last pair talked about (`两国`, `双方`).
const BOTH_SIDES: &[&str] = &["两国领导人", "两国元首", "两国", "双方", "两军", "两国政府"];

/// `两国` and the like as two adjacent mentions of the last linked pair, so
/// that they coordinate like a compound (`中俄`).
pub(super) fn both_sides(view: &SentenceView<'_>, discourse: &Discourse) -> Vec<Mention> {
    let Some((a, b)) = discourse.linked else {
        return Vec::new();
    };
    let sentence = view.sentence();
    let mut out = Vec::new();
    // Two searches for one char each: faster than one for either char.
    if !sentence.contains('两') && !sentence.contains('双') {
        return out;
    }
    for word in BOTH_SIDES {
        for (i, _) in sentence.match_indices(word) {
            let start = view.range.start + i;
            let end = start + word.len();
            let split = start + '两'.len_utf8();
            let taken = view
                .mentions
                .iter()
                .chain(&out)
                .any(|m| m.start < end && start < m.end);
            if !taken {
                out.push(super::side(a, start, split));
                out.push(super::side(b, split, end));
            }
        }
    }
    out
}

/// How many a numeral char counts (`3`, `三`), from three to nine: `两国` has
/// its own reading ([`both_sides`]).
fn count_of(c: char) -> Option<usize> {
    match c {
        '3'..='9' => c.to_digit(10).map(|n| n as usize),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// `3国`, `三个国家`: the states of the last list of as many, as coordinated
/// mentions on the phrase (all but the last empty, so that they group).
/// Not when a list of names runs right into it (`美日印澳四国`: named there).
pub(super) fn counted_states(
    view: &SentenceView<'_>,
    discourse: &Discourse,
    taken: &[Mention],
) -> Vec<Mention> {
    let listed = &discourse.listed;
    let mut out = Vec::new();
    if listed.len() < 3 {
        return out;
    }
    let sentence = view.sentence();
    for (i, c) in sentence.char_indices() {
        if count_of(c) != Some(listed.len()) {
            continue;
        }
        let after = &sentence[i + c.len_utf8()..];
        let Some(noun) = ["国", "个国家"].into_iter().find(|n| after.starts_with(n)) else {
            continue;
        };
        let start = view.range.start + i;
        let end = start + c.len_utf8() + noun.len();
        let named_before = view.mentions.iter().any(|m| m.end == start);
        let overlaps = view
            .mentions
            .iter()
            .chain(taken)
            .any(|m| m.start < end && start < m.end);
        if named_before || overlaps {
            continue;
        }
        for (k, &entry) in listed.iter().enumerate() {
            let last = k + 1 == listed.len();
            out.push(super::side(entry, start, if last { end } else { start }));
        }
    }
    out
}
