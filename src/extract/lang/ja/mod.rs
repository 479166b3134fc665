//! Japanese relations: roles from postpositions, prefixes and compounds.
//!
//! Japanese is head-final: the actors of a relation stand before its cue word,
//! each followed by a postposition that says its role. For every actor mention
//! we read its *phrase*: titles and readings after the name are skipped
//! (`プーチン大統領は`, `金正恩(キム・ジョンウン)総書記`), `の` chains are followed
//! to the noun they modify (`北朝鮮の軍事偵察衛星の発射に` ends in `に`), and the
//! phrase ends in a postposition, in a cue (`ウクライナ侵略`: a compound), or in
//! another mention (`日米`: coordination). Then, for each cue:
//!
//! - source: `が` `は` `も` `による` (or the cue's own list, `から` for sanctions),
//!   nearest before the cue in its clause; a mention joined by `の` to a nominal
//!   cue (`ロシアのウクライナ侵攻`); else the topic (`X は`) of the sentence or of
//!   the sentences before, when the cue is the predicate;
//! - target: `を` `に` `へ` `に対する` `への`, a mention compounded with the cue
//!   (`ウクライナ侵略`, `北朝鮮訪問`), or a prefix (`対ロ制裁`, `訪朝`);
//! - partners of symmetric relations: `と`, compounds (`日米首脳会談`), the head
//!   noun of a relative clause (`敵対する韓国`), and the topic when one is missing.
//!
//! Negation is read after the cue up to the next cue or clause break (`自制する`,
//! `しない`); hedges to the end of the sentence (`とみられる`, `方針`); attribution
//! from verbs of saying and their subjects (`と米国は分析する`, `によると`).

mod anaphora;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use crate::extract::claims::symmetric_pairs;
use crate::extract::lexicon::{self, LexiconError};
use crate::extract::words::WordSet;
use crate::extract::{Disaster, Discourse, Found, SentenceView, sum_before};
use crate::gazetteer::EntryIndex;
use crate::model::{ActorId, Relation};

const LEXICON: &str = include_str!("lexicon.toml");

/// Words after a name that belong to it: titles, organs, honorifics.
const NAME_TAILS: &[&str] = &[
    "大統領報道官",
    "大統領府",
    "大統領",
    "首相",
    "総書記",
    "国家主席",
    "主席",
    "外相",
    "国防相",
    "防衛相",
    "外務大臣",
    "防衛大臣",
    "国防大臣",
    "報道官",
    "国務長官",
    "国防長官",
    "長官",
    "委員長",
    "副大統領",
    "副首相",
    "首席",
    "総理大臣",
    "総理",
    "官房長官",
    "事務総長",
    "議長",
    "国王",
    "皇太子",
    "最高指導者",
    "師",
    "氏",
    "さん",
    "政府",
    "政権",
    "当局",
    "外務省",
    "国防省",
    "国務省",
    "外交部",
    "国防部",
    "軍",
    "側",
    "首脳",
    "代表",
    "大使",
    "高官",
    "議会",
    "情報機関",
    "前大統領",
    "元大統領",
    "前首相",
    "元首相",
    "(当時)",
    "当局者",
    "指導部",
    "国営メディア",
    "国営通信",
    "両国",
];

/// Verbs of composition after `で` (`で構成する`): the states before them form
/// the body after them.
const COMPOSING: &[&str] = &[
    "構成される",
    "構成されている",
    "構成する",
    "構成している",
    "構成",
];

/// Where the body a list of states forms is named: after `による`, `で構成する`
/// or `からなる`; `None` for any other ending.
fn forming(ending: Ending, text: &str) -> Option<usize> {
    let Ending::Particle(p, after) = ending else {
        return None;
    };
    let rest = &text[after..];
    let verb = match p {
        "による" => "",
        "で" => COMPOSING.iter().find(|v| rest.starts_with(*v))?,
        "から" if rest.starts_with("なる") => "なる",
        _ => return None,
    };
    Some(after + verb.len())
}

/// Postpositions, longest first within each leading character.
const PARTICLES: &[&str] = &[
    "に対して",
    "に対し",
    "に対する",
    "によって",
    "による",
    "によると",
    "によれば",
    "としては",
    "として",
    "からの",
    "からは",
    "から",
    "への",
    "へは",
    "へ",
    "には",
    "にも",
    "に",
    "では",
    "で",
    "とは",
    "との",
    "とも",
    "と",
    "が",
    "は",
    "も",
    "を",
    "の",
    "や",
    "、",
    "・",
    "および",
    "及び",
    "より",
];

const PASSIVE_SOURCE_PARTICLES: &[&str] = &["に", "から", "による", "によって", "からの"];
const SOURCE_PARTICLES: &[&str] = &["が", "は", "も", "による", "によって", "としては"];
const TARGET_PARTICLES: &[&str] = &[
    "を",
    "に",
    "へ",
    "に対し",
    "に対して",
    "に対する",
    "への",
    "には",
    "へは",
    "にも",
];
const PARTNER_PARTICLES: &[&str] = &["と", "との", "とは", "とも"];
const COORDINATORS: &[&str] = &["や", "、", "・", "と", "および", "及び"];

/// What follows a cue when it is the predicate (`制裁する`, `会談し`).
const VERBAL_TAILS: &[&str] = &[
    "する",
    // The written stem: 承認すべき, 承認すれば.
    "す",
    "し",
    "さ",
    "せ",
    "でき",
    "を",
    "に踏み切",
    "に乗り出",
];

/// What may follow a nominal cue whose agent is the topic (`対立が`, `会談で`).
const TOPIC_TAILS: &[&str] = &["が", "は", "も", "で", "では", "、", "。", "に"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    /// A user cue file's language (see `extract::lexicon::UserLexicon`).
    #[serde(default, rename = "lang")]
    _lang: Option<String>,
    flags: Flags,
    cue: Vec<CueDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flags {
    negation: Vec<String>,
    not_negation: Vec<String>,
    /// Adjectives that stand inside a noun phrase before its head
    /// (ウクライナへの揺るぎない支援); those ending in ない deny nothing.
    #[serde(default)]
    adjectives: Vec<String>,
    hedge: Vec<String>,
    /// Verbs of threatening: an act in a quoted clause they govern is
    /// threatened, not done (`関税を課すと警告した`).
    #[serde(default)]
    threats: Vec<String>,
    /// A state's own acts: signing one is no agreement (`大統領令に署名`).
    #[serde(default)]
    decrees: Vec<String>,
    attribution: Vec<String>,
    light_verbs: Vec<String>,
    /// Prefixes meaning "visit", cue words only right before a state's
    /// abbreviation, which is their goal (訪朝, 来日).
    #[serde(default)]
    visit_prefixes: Vec<String>,
    /// Words of a stance taken on an event (懸念, 反対): a nominal cue they
    /// govern is someone else's act, so the subject is not its agent.
    #[serde(default)]
    stances: Vec<String>,
    /// The stances that are reactions (反発, 抗議): who takes one was the
    /// target of the act it governs.
    #[serde(default)]
    reactions: Vec<String>,
    /// Natural disasters (地震, 津波): once an article names one, a cue's
    /// `disaster` relation holds instead of its own (支援 is relief there).
    #[serde(default)]
    disasters: Vec<String>,
    /// Words that join an act told before (see [`crate::extract::claims::joined_acts`]).
    #[serde(default)]
    joining: Vec<String>,
    /// Seats of power (軍政, 政権): bare, they stand for the state last
    /// named before one (see `anaphora`).
    #[serde(default)]
    seats: Vec<String>,
    /// Words for "the said country" (同国): the state last named.
    #[serde(default)]
    same_state: Vec<String>,
    /// The state whose organs `own_organs` name when bare (外務省: Japan's).
    own_state: Option<ActorId>,
    #[serde(default)]
    own_organs: Vec<String>,
}

/// The role a mention joined to a nominal cue by `の` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum GenitiveRole {
    Source,
    Target,
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
    genitive: Option<GenitiveRole>,
    #[serde(default)]
    passive: bool,
    implied_target: Option<ActorId>,
    #[serde(default)]
    reverse: bool,
    #[serde(default)]
    target_from_topic: bool,
    #[serde(default)]
    object_first: bool,
    #[serde(default)]
    object_agent: bool,
    #[serde(default)]
    negates: bool,
    disaster: Option<Relation>,
    funded: Option<Relation>,
}

#[derive(Debug)]
struct Cue {
    relation: Relation,
    source: Vec<String>,
    target: Vec<String>,
    genitive_is_target: bool,
    passive: bool,
    implied_target: Option<ActorId>,
    reverse: bool,
    /// An organization topic may be the target (`インドネシアが加盟した`: BRICS).
    target_from_topic: bool,
    /// The cue holds only with its object right before it (`パレスチナを承認`;
    /// 承認 alone is any approval), or the same act told before (`Xも承認`).
    object_first: bool,
    /// The cue judges an act (非難, 支持): the subject of a relative clause on
    /// its object is the target (`ペルーが提案した計画を非難`).
    object_agent: bool,
    /// The cue word itself ends the relation (断交: breaking off relations),
    /// so its claims are denied unless a negation denies the cue in turn.
    negates: bool,
    /// The relation the cue states in an article about a disaster.
    disaster: Option<Relation>,
    /// The relation the cue states when a sum of money measures it
    /// (`600億円の支援`: economic aid).
    funded: Option<Relation>,
}

impl Cue {
    /// The relation the cue states, in an article about a disaster or not.
    fn relation(&self, disaster: bool) -> Relation {
        lexicon::relation_in(self.relation, self.disaster, disaster)
    }
}

/// The Japanese rule set, built once from the embedded lexicon.
#[derive(Debug)]
pub(crate) struct Japanese {
    cues: Vec<Cue>,
    negation: WordSet,
    adjectives: WordSet,
    hedge: WordSet,
    threats: WordSet,
    /// A state's own acts that signing does not make an agreement (`大統領令`).
    decrees: Vec<String>,
    clause_ends: WordSet,
    attribution: WordSet,
    disasters: WordSet,
    joining: WordSet,
    /// Cue index of each automaton pattern.
    words: Vec<usize>,
    automaton: crate::extract::words::CueAutomaton,
    flags: Flags,
}

/// A cue found in a sentence (absolute offsets).
#[derive(Debug, Clone, Copy)]
struct CueHit {
    cue: usize,
    start: usize,
    end: usize,
}

/// How a mention's phrase ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A postposition (`が`, `に対する`), and where it ends.
    Particle(&'static str, usize),
    /// Directly compounded with cue `k` (`ウクライナ侵略`), or joined by `の`.
    Cue { hit: usize, genitive: bool },
    /// Run into another mention: a compound (`日米`) or a genitive (`ロシアのプーチン`).
    Mention { next: usize, genitive: bool },
    /// Nothing recognisable.
    Open,
}

#[derive(Debug, Clone, Copy)]
struct Phrase {
    ending: Ending,
    /// For a genitive (`米国の拒否権行使を`): the postposition that ends the whole
    /// noun phrase, which makes the possessor a target of an outer cue.
    outer: Option<&'static str>,
    /// Inside 「」 quotes.
    quoted: bool,
    /// The char before the mention, when a prefix (`対`, `訪`).
    prefix: Option<char>,
}

/// Where one cue stands in its sentence and what its form allows.
#[derive(Clone, Copy)]
struct CueScope<'c, 't> {
    h: usize,
    hit: CueHit,
    cue: &'c Cue,
    symmetric: bool,
    clause_start: usize,
    clause_end: usize,
    /// The text after the cue (after the goal of 訪), to the sentence end.
    after: &'t str,
    cue_quoted: bool,
    /// The head noun of a relative clause ending in the cue.
    relative: Option<usize>,
    /// `…と批判した`: the cue ends a quoted clause.
    quotative: bool,
    /// The cue is a verb (or a noun made one by a light verb).
    verbal: bool,
    /// A nominal cue that is the object of the next cue (侵略を側面支援).
    object_of_cue: bool,
    /// A stance (懸念, 反対) governs the cue: someone else's act.
    governed: bool,
    /// The stance governing the cue is a reaction (反発, 抗議): its subject is
    /// what the act was done to (`ペルーはチリの制裁に反発`).
    reaction: bool,
    /// The topic may stand in for a missing role.
    topic_ok: bool,
}

/// The roles postpositions mark around one cue, before lists are joined.
#[derive(Default)]
struct Marked {
    attached_sources: Vec<usize>,
    attached_targets: Vec<usize>,
    partners: Vec<usize>,
    nearest_source: Option<usize>,
    /// The mention a から the cue lists marks (マリからの派遣, ロシアから購入):
    /// the act comes from it, so the subject is where it goes.
    origin: Option<usize>,
    nearest_target: Option<(usize, &'static str)>,
    /// The subject of the reaction governing the cue (see `CueScope::reaction`).
    reactor: Option<usize>,
    /// The one followed (`米英に続き`): it did the act too.
    followed: Option<usize>,
}

/// The mentions in each role of one cue.
struct Cast {
    sources: Vec<usize>,
    targets: Vec<usize>,
    partners: Vec<usize>,
    /// See `Marked::followed`, with its list.
    followed: Vec<usize>,
    /// Those joined to the cue itself (compounds, genitives), for 'G7サミット'.
    attached_targets: Vec<usize>,
    /// The source is the origin a から marked: the roles are already the
    /// relation's own, so a `reverse` cue is not swapped.
    oriented: bool,
}

/// What every cue of one sentence shares.
struct Sentence<'v, 'a> {
    view: &'v SentenceView<'a>,
    hits: &'v [CueHit],
    phrases: &'v [Phrase],
    roles: &'v [Ending],
    boundaries: Vec<usize>,
    /// Starts of mentions that head a relative clause (参加するBRICS).
    relative_heads: Vec<usize>,
    /// The sentence's topic, then the discourse's.
    topics: [Option<EntryIndex>; 2],
    /// What the article told before: its disaster, what the last sentence
    /// stated, whom a giver helped (see `Discourse`).
    discourse: &'v Discourse,
}

impl Sentence<'_, '_> {
    /// True when a relative clause closes between `from` and `to`: a mention
    /// before it belongs to that clause (ロシアが参加するBRICS…と外交関係を深め).
    fn bound_by_relative_clause(&self, from: usize, to: usize) -> bool {
        self.relative_heads.iter().any(|&p| from < p && p <= to)
    }
}

impl Japanese {
    pub(crate) fn builtin() -> Self {
        Self::from_toml("src/extract/lang/ja/lexicon.toml", LEXICON)
            .expect("the built-in Japanese lexicon passes its checks (tested)")
    }

    /// Cue entries and cue words, for `lexicon check`.
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.cues.len(), self.words.len())
    }

    /// Builds the rules from a lexicon's text, checked: each word once per
    /// list, and a cue word in one cue only (the automaton would keep the first).
    pub(crate) fn from_toml(name: &str, text: &str) -> Result<Self, LexiconError> {
        let file: LexiconFile = lexicon::parse(name, text)?;
        let f = &file.flags;
        for (field, list) in [
            ("negation", &f.negation),
            ("not_negation", &f.not_negation),
            ("adjectives", &f.adjectives),
            ("hedge", &f.hedge),
            ("threats", &f.threats),
            ("decrees", &f.decrees),
            ("attribution", &f.attribution),
            ("light_verbs", &f.light_verbs),
            ("visit_prefixes", &f.visit_prefixes),
            ("stances", &f.stances),
            ("reactions", &f.reactions),
            ("disasters", &f.disasters),
            ("joining", &f.joining),
            ("seats", &f.seats),
            ("same_state", &f.same_state),
            ("own_organs", &f.own_organs),
        ] {
            lexicon::unique(name, "flags", field, list, str::to_owned)?;
        }
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
                        lang: crate::model::Lang::Ja,
                    });
                }
                patterns.push(w.clone());
                words.push(k);
            }
            cues.push(Cue {
                relation: def.relation,
                source: def.source,
                target: def.target,
                genitive_is_target: def.genitive == Some(GenitiveRole::Target),
                passive: def.passive,
                implied_target: def.implied_target,
                reverse: def.reverse,
                target_from_topic: def.target_from_topic,
                object_first: def.object_first,
                object_agent: def.object_agent,
                negates: def.negates,
                disaster: def.disaster,
                funded: def.funded,
            });
        }
        let automaton = crate::extract::words::CueAutomaton::new(patterns);
        let verbs: Vec<String> = file
            .flags
            .attribution
            .iter()
            .map(|w| w.strip_prefix('と').unwrap_or(w).to_owned())
            .collect();
        Ok(Japanese {
            negation: WordSet::new(
                &file.flags.negation,
                &[&file.flags.not_negation[..], &file.flags.adjectives[..]].concat(),
            ),
            adjectives: WordSet::new(&file.flags.adjectives, &[]),
            hedge: WordSet::new(&file.flags.hedge, &[]),
            threats: WordSet::new(&file.flags.threats, &[]),
            decrees: file.flags.decrees.clone(),
            clause_ends: WordSet::new(
                &CLAUSE_ENDS
                    .iter()
                    .map(|w| (*w).to_owned())
                    .collect::<Vec<_>>(),
                // After a noun, ため is "for the sake of" (平和のため): no clause.
                &["のため".to_owned()],
            ),
            attribution: WordSet::new(&verbs, &[]),
            disasters: WordSet::new(&file.flags.disasters, &[]),
            joining: WordSet::new(&file.flags.joining, &[]),
            cues,
            words,
            automaton,
            flags: file.flags,
        })
    }

    /// The claims of one sentence; updates the discourse topic. A bare title
    /// (`首相は`, `大統領の`) stands for the person last named with that office.
    pub(crate) fn sentence(
        &self,
        view: &SentenceView<'_>,
        discourse: &mut Discourse,
    ) -> Vec<Found> {
        discourse.note_disaster(view, || self.disaster_in(view));
        let mut titles = bare_titles(view, discourse);
        titles.extend(both_sides(view, discourse));
        titles.extend(self.bare_states(view, discourse));
        self.remember_states(view, discourse);
        if titles.is_empty() {
            return self.sentence_with(view, discourse);
        }
        let mut mentions = view.mentions.to_vec();
        mentions.extend(titles);
        mentions.sort_by_key(|m| m.start);
        let view = SentenceView {
            mentions: &mentions,
            ..view.clone()
        };
        self.sentence_with(&view, discourse)
    }

    /// Where the sentence joins an act told before (see
    /// [`crate::extract::lang::Language::joining_at`]).
    /// A complement before the word must be the actor followed, who is no
    /// joiner (`米国に追随`, not `政策に同調`), and `追随しなかった` is no joining.
    pub(crate) fn joining_at(&self, view: &SentenceView<'_>) -> Option<usize> {
        let sentence = view.sentence();
        let (start, end) = self.joining.positions(sentence).next()?;
        let after: String = sentence[end..].chars().take(6).collect();
        let negated = ["ない", "なかっ", "せず", "ず、"]
            .iter()
            .any(|n| after.contains(n));
        if negated {
            return None;
        }
        let at = view.range.start + start;
        if !sentence[..start].ends_with('に') {
            return Some(at);
        }
        let followed = view
            .mentions
            .iter()
            .find(|m| m.end + 'に'.len_utf8() == at)?;
        Some(followed.start)
    }

    /// The natural disaster the sentence names, placed in the nearest state
    /// of its clause: before it, unless a topic, subject or partner particle
    /// stands between (`ネパール中部で大地震`, `トルコ地震`), else a clause head
    /// after it (`大地震が起きたネパールに`).
    fn disaster_in(&self, view: &SentenceView<'_>) -> Disaster {
        let text = view.text;
        let s0 = view.range.start;
        let words = self.disasters.positions(view.sentence());
        let words = words.map(|(start, end)| (s0 + start, s0 + end));
        Disaster::read(words, |start, end| {
            let before = view.state_before(start).filter(|m| {
                let between = &text[m.end..start];
                between.chars().count() <= 12
                    && !between.contains(['、', '。', 'は', 'が', 'も', 'と'])
            });
            let after = view.mentions.iter().find(|m| m.start >= end).filter(|m| {
                view.kind_of(m.entry) == crate::model::ActorKind::Country
                    && !text[end..m.start].contains(['、', '。'])
                    && text[m.end..].starts_with(['に', 'へ', 'で', 'の', 'を'])
            });
            before.or(after).map(|m| m.entry)
        })
    }

    fn sentence_with(&self, view: &SentenceView<'_>, discourse: &mut Discourse) -> Vec<Found> {
        let text = view.text;
        let (s0, s1) = (view.range.start, view.range.end);
        let mentions = view.mentions;
        if mentions.is_empty() {
            return Vec::new();
        }
        let hits = self.cue_hits(view);
        let phrases: Vec<Phrase> = (0..mentions.len())
            .map(|i| self.phrase(view, &hits, i))
            .collect();
        let roles = effective_endings(&phrases, mentions, text);
        // The topic: the first `X は` outside quotes that is not the goal of 訪 (訪朝は).
        let topic = (0..mentions.len())
            .find(|&i| {
                !phrases[i].quoted
                    && !phrases[i].prefix.is_some_and(|c| self.visit_prefix_char(c))
                    && matches!(roles[i], Ending::Particle("は", _))
            })
            .map(|i| mentions[i].entry);
        let sentence = Sentence {
            view,
            hits: &hits,
            phrases: &phrases,
            roles: &roles,
            boundaries: self.clause_boundaries(&text[s0..s1], s0),
            relative_heads: relative_clause_heads(text, mentions),
            topics: [topic, discourse.topic],
            discourse,
        };
        let mut out = Vec::new();
        for h in 0..hits.len() {
            self.cue_claims(&sentence, h, &mut out);
        }
        self.members_named_by(&sentence, &mut out);
        if let Some(t) = topic {
            discourse.topic = Some(t);
        }
        // The pair a later 両国 / 両首脳 refers to.
        if let Some(f) = out.iter().find(|f| f.relation.is_symmetric() && !f.negated) {
            discourse.linked = Some((f.source, f.target));
        }
        out
    }

    /// The claims one cue yields, in four stages: where the cue stands, the
    /// roles its postpositions mark, the mentions in each role once lists and
    /// heads are resolved, then the claims with the topic fallback and flags.
    fn cue_claims(&self, s: &Sentence<'_, '_>, h: usize, out: &mut Vec<Found>) {
        let Some(c) = self.cue_scope(s, h) else {
            return;
        };
        let marked = self.mark_roles(s, &c);
        let cast = self.cast(s, &c, marked);
        self.emit(s, &c, cast, out);
    }

    /// Stage 1: the cue's clause, what follows it, and what its form allows.
    /// `None` for a cue that runs straight into another: it names a thing,
    /// not an act (援助条約).
    fn cue_scope<'c, 't>(&'c self, s: &Sentence<'_, 't>, h: usize) -> Option<CueScope<'c, 't>> {
        let view = s.view;
        let hits = s.hits;
        let text = view.text;
        let mentions = view.mentions;
        let s1 = view.range.end;
        let hit = hits[h];
        if hits.get(h + 1).is_some_and(|n| n.start == hit.end) {
            return None;
        }
        let cue = &self.cues[hit.cue];
        let symmetric = cue.relation.is_symmetric();
        let clause_start = s
            .boundaries
            .iter()
            .rev()
            .find(|&&b| b <= hit.start)
            .copied()
            .unwrap_or(view.range.start);
        let clause_end = s
            .boundaries
            .iter()
            .find(|&&b| b >= hit.end)
            .copied()
            .unwrap_or(s1);
        // After 訪 comes its goal (訪朝は): the predicate follows the name.
        let after_at = if self.is_visit_prefix(&text[hit.start..hit.end]) {
            mentions
                .iter()
                .find(|m| m.start == hit.end)
                .map_or(hit.end, |m| m.end)
        } else {
            hit.end
        };
        let after = &text[after_at..s1];
        let cue_quoted = inside_speech(text, view.range.start, s1, hit.start);
        let relative = relative_head(text, hit.end, s1, mentions);
        // `…と批判した`: the clause before と is what is said; its subject is the
        // target, and the speaker is the topic.
        let quotative = text[..hit.start].ends_with('と')
            && !mentions
                .iter()
                .any(|m| text.get(m.end..hit.start) == Some("と"));
        let verbal = relative.is_some()
            || VERBAL_TAILS.iter().any(|t| after.starts_with(t))
                && (!after.starts_with('を') || self.light_verb_follows(&after['を'.len_utf8()..]))
            || text[hit.start..hit.end].ends_with(crate::script::is_hiragana);
        // A nominal cue that is the object of another cue (侵略を側面支援) is someone
        // else's event: its agent can only be a genitive.
        let object_of_cue = !verbal
            && after.starts_with('を')
            && hits
                .get(h + 1)
                .is_some_and(|n| n.start == hit.end + 'を'.len_utf8());
        // `配備に懸念を示した`: the subject took a stance on someone else's act.
        let stance = (!verbal)
            .then(|| self.stance_follows(&text[after_at..clause_end.max(after_at)]))
            .flatten();
        let governed = stance.is_some();
        let reaction = stance.is_some_and(|w| self.flags.reactions.iter().any(|r| r == w));
        let topic_ok = !cue_quoted
            && !object_of_cue
            && !governed
            && !heads_generic_states(&text[hit.end..clause_end.max(hit.end)])
            && (verbal || after.is_empty() || TOPIC_TAILS.iter().any(|t| after.starts_with(t)));
        Some(CueScope {
            h,
            hit,
            cue,
            symmetric,
            clause_start,
            clause_end,
            after,
            cue_quoted,
            relative,
            quotative,
            verbal,
            object_of_cue,
            governed,
            reaction,
            topic_ok,
        })
    }

    /// Stage 2: the role each mention's postposition marks for this cue,
    /// before lists are joined.
    fn mark_roles(&self, s: &Sentence<'_, '_>, c: &CueScope<'_, '_>) -> Marked {
        let (view, hits, phrases, roles) = (s.view, s.hits, s.phrases, s.roles);
        let text = view.text;
        let mentions = view.mentions;
        let CueScope {
            h,
            hit,
            cue,
            symmetric,
            clause_start,
            clause_end,
            cue_quoted,
            quotative,
            object_of_cue,
            governed,
            ..
        } = *c;
        let mut attached_sources: Vec<usize> = Vec::new();
        let mut attached_targets: Vec<usize> = Vec::new();
        let mut partners: Vec<usize> = Vec::new();
        let mut nearest_source: Option<usize> = None;
        let mut origin: Option<usize> = None;
        let mut nearest_target: Option<(usize, &str)> = None;
        let mut reactor: Option<usize> = None;
        let mut followed: Option<usize> = None;
        for (i, m) in mentions.iter().enumerate() {
            if phrases[i].quoted != cue_quoted {
                continue;
            }
            // 訪朝: the cue 訪 directly before the mention.
            if m.start == hit.end && self.is_visit_prefix(&text[hit.start..hit.end]) {
                attached_targets.push(i);
                continue;
            }
            if phrases[i].prefix.is_some_and(|c| self.visit_prefix_char(c)) {
                continue;
            }
            // ロシアのウクライナ侵攻, 日本の対米輸出: the possessor of a compound is its agent.
            // 米国の台湾への武器売却: so is the possessor of a target phrase on it.
            if let Ending::Mention {
                next,
                genitive: true,
            } = roles[i]
                && (roles[next]
                    == (Ending::Cue {
                        hit: h,
                        genitive: false,
                    })
                    || self.target_phrase_on(s, i, next, &hit))
                && !symmetric
                && !cue.genitive_is_target
            {
                attached_sources.push(i);
                continue;
            }
            // 米国の拒否権行使を非難: the possessor of an object phrase is a target.
            if let (Some(p), false) = (phrases[i].outer, symmetric) {
                let own = matches!(roles[i], Ending::Cue { hit: k, .. } if k == h);
                let in_clause = m.start >= clause_start;
                if !own
                    && in_clause
                    && !cue.passive
                    && m.end <= hit.start
                    && TARGET_PARTICLES.contains(&p)
                    && cue.target.is_empty()
                {
                    nearest_target = Some((i, p));
                    continue;
                }
            }
            if let Ending::Cue { hit: k, genitive } = roles[i] {
                if k == h {
                    // `安倍首相訪中`: before a visit prefix stands the visitor; its
                    // goal follows the prefix.
                    let visitor = !genitive && self.is_visit_prefix(&text[hit.start..hit.end]);
                    if visitor || genitive && !cue.genitive_is_target && !symmetric {
                        attached_sources.push(i);
                    } else if genitive || !symmetric || phrases[i].prefix == Some('対') {
                        attached_targets.push(i);
                    } else {
                        partners.push(i);
                    }
                }
                continue;
            }
            let Ending::Particle(p, _) = roles[i] else {
                continue;
            };
            let before = m.end <= hit.start;
            let in_clause = m.start >= clause_start && m.end <= clause_end;
            // An adnominal postposition (への, による, との, からの, に対する) ties the
            // name to the noun it modifies: it plays a role for this cue only when
            // that noun is the cue (ロシアへの制裁), not another (台湾への関与を批判).
            let Ending::Particle(_, particle_end) = roles[i] else {
                continue;
            };
            // `米国と英国に続き、日本も派遣`: those followed did it too (a
            // meeting's partner they are not).
            if before
                && p == "に"
                && FOLLOWING
                    .iter()
                    .any(|w| text[particle_end..].starts_with(w))
            {
                followed = (!symmetric).then_some(i);
                continue;
            }
            // `チリによる攻撃を非難`: the agent of the act judged is blamed.
            if before
                && cue.object_agent
                && p == "による"
                && text
                    .get(particle_end..hit.start)
                    .is_some_and(agent_s_act_between)
            {
                nearest_target = Some((i, p));
                continue;
            }
            // The particle may run into the cue itself (会談による合意: による after
            // 会談 ends past the start of the next cue), so the text between is checked.
            if before
                && ADNOMINAL.contains(&p)
                && !text.get(particle_end..hit.start).is_some_and(|between| {
                    heads_cue(between, mentions, particle_end, &self.adjectives)
                })
            {
                continue;
            }
            // による marks the agent of a nominal cue even across clause breaks.
            if before
                && matches!(p, "による" | "によって")
                && !s.bound_by_relative_clause(m.end, hit.start)
            {
                nearest_source = Some(i);
                continue;
            }
            if !in_clause {
                continue;
            }
            let extra_source = cue.source.iter().any(|x| x == p);
            // A cue's own target list replaces the defaults (招待: only を).
            let target_particle = if cue.target.is_empty() {
                TARGET_PARTICLES.contains(&p)
            } else {
                cue.target.iter().any(|t| t == p)
            };
            let extra_target = !cue.target.is_empty() && target_particle;
            // In the passive (制裁を受ける), に marks the agent and the subject is the target.
            let source_particle = if cue.passive {
                PASSIVE_SOURCE_PARTICLES.contains(&p) || extra_source
            } else {
                SOURCE_PARTICLES.contains(&p) || extra_source
            };
            let target_particle = if cue.passive {
                SOURCE_PARTICLES.contains(&p)
            } else {
                target_particle
            };
            if quotative && before && p == "が" {
                nearest_target = Some((i, p));
                continue;
            }
            // Inside the quoted clause, objects belong to its own verb.
            if quotative && before && nearest_target.is_some_and(|(_, q)| q == "が") {
                continue;
            }
            if quotative && before && p != "は" && source_particle {
                continue;
            }
            if governed && matches!(p, "は" | "が" | "も") {
                if before {
                    reactor = Some(i);
                }
                continue;
            }
            // `チリはペルーが提案した計画を非難`: the agent of the act judged.
            if before
                && cue.object_agent
                && p == "が"
                && !mentions[i + 1..].iter().any(|n| n.start < hit.start)
                && judged_act_between(&text[particle_end..hit.start])
            {
                nearest_target = Some((i, p));
                continue;
            }
            if before && source_particle && !(extra_target && p == "も" && nearest_source.is_some())
            {
                // `は` never stands inside a relative clause; other subjects may.
                if object_of_cue || (p != "は" && s.bound_by_relative_clause(m.end, hit.start)) {
                    continue;
                }
                if extra_source && p.starts_with("から") && !cue.passive {
                    origin = Some(i);
                } else {
                    nearest_source = Some(i);
                }
            } else if target_particle {
                let free_before = before && !s.bound_by_relative_clause(m.end, hit.start);
                if free_before || (!before && nearest_target.is_none()) {
                    nearest_target = Some((i, p));
                }
            } else if before
                && PARTNER_PARTICLES.contains(&p)
                && h.checked_sub(1).is_none_or(|g| m.start >= hits[g].end)
            {
                // A partner before an earlier cue is that cue's (北朝鮮との軍事協力より韓国との経済協力).
                partners.push(i);
            }
        }
        Marked {
            attached_sources,
            attached_targets,
            partners,
            nearest_source,
            origin,
            nearest_target,
            reactor,
            followed,
        }
    }

    /// Mention `n`, which `owner` possesses, ends in an adnominal target
    /// postposition (への, に対する) on the noun phrase the cue heads
    /// (`米国の台湾への武器売却`), and is no part of the owner's own state
    /// (`イラクの首都バグダッドへの`).
    fn target_phrase_on(&self, s: &Sentence<'_, '_>, owner: usize, n: usize, hit: &CueHit) -> bool {
        let Ending::Particle("への" | "に対する", end) = s.roles[n] else {
            return false;
        };
        let state = |k: usize| s.view.state_of(s.view.mentions[k].entry);
        state(owner) != state(n)
            && s.view
                .text
                .get(end..hit.start)
                .is_some_and(|between| heads_cue(between, s.view.mentions, end, &self.adjectives))
    }

    /// Stage 3: sources, targets and partners, with lists, the forum of a
    /// meeting, the head of a relative clause and an apposition resolved.
    fn cast(&self, s: &Sentence<'_, '_>, c: &CueScope<'_, '_>, marked: Marked) -> Cast {
        let (view, phrases) = (s.view, s.phrases);
        let text = view.text;
        let mentions = view.mentions;
        let CueScope {
            hit,
            symmetric,
            after,
            cue_quoted,
            relative,
            ..
        } = *c;
        let Marked {
            attached_sources,
            mut attached_targets,
            mut partners,
            nearest_source,
            origin,
            nearest_target,
            reactor,
            followed,
        } = marked;
        let group = |n: usize| coordination_group(n, phrases, mentions, text);
        let mut sources: Vec<usize> = attached_sources.clone();
        let oriented = sources.is_empty() && origin.is_some();
        if sources.is_empty()
            && let Some(n) = origin.or(nearest_source)
        {
            sources = group(n);
        }
        // `日米豪印によるクアッドの首脳会合`: once the members are named, the body
        // whose meeting it is is the forum, not one more partner.
        if symmetric && !sources.is_empty() {
            attached_targets.retain(|&i| {
                view.kind_of(mentions[i].entry) != crate::model::ActorKind::Organization
            });
        }
        let mut targets: Vec<usize> = attached_targets.clone();
        if let Some((n, p)) = nearest_target {
            // Symmetric relations take no objects (米国を筆頭に), no places
            // (韓国政府内には) and no issues named after a state (北朝鮮問題に).
            let usable = !symmetric
                || (partners.is_empty()
                    && matches!(p, "に" | "への" | "に対し" | "に対して" | "に対する")
                    && names_the_actor(text, &mentions[n], phrases[n].ending));
            if targets.is_empty() && usable && !sources.contains(&n) {
                targets = group(n);
            }
        }
        // `ニジェールはマリからの派遣を承認`: the subject receives what comes from the origin.
        if oriented
            && targets.is_empty()
            && let Some(n) = nearest_source.filter(|n| !sources.contains(n))
        {
            targets = group(n);
        }
        // `ペルーはチリの制裁に反発`: who reacts to a hostile act was its
        // target; not to a gift to another (`チリの武器売却に反発`).
        if c.reaction
            && c.cue.relation.is_hostile()
            && !symmetric
            && targets.is_empty()
            && !sources.is_empty()
            && let Some(r) = reactor.filter(|r| !sources.contains(r))
        {
            targets = group(r);
        }
        // The head noun of a relative clause: 敵対する韓国, 参加するBRICS.
        let head = relative.filter(|&i| phrases[i].quoted == cue_quoted);
        // In the passive (侵攻を受けるウクライナ) the head is the clause's subject,
        // so the target; a topic around the clause is not.
        if let Some(head) = head
            && c.cue.passive
            && !sources.contains(&head)
        {
            targets = vec![head];
        }
        if let Some(head) = head
            && !sources.contains(&head)
            && !targets.contains(&head)
            && !partners.contains(&head)
        {
            if symmetric {
                partners.push(head);
            } else if targets.is_empty() && !sources.is_empty() {
                targets.push(head);
            } else if sources.is_empty() {
                sources.push(head);
            }
        }
        // A cue noun in apposition before names: 常任理事国のロシア, 同盟国である
        // 日英仏 (each an ally of the owner before the cue, not of each other).
        if let Some(link) = ["の", "である"].into_iter().find(|l| after.starts_with(l)) {
            let at = hit.end + link.len();
            if let Some(i) = mentions.iter().position(|m| m.start == at)
                && !targets.contains(&i)
            {
                let apposed = group(list_end(i, phrases, mentions));
                if symmetric && !targets.is_empty() {
                    sources.retain(|s| !apposed.contains(s));
                    partners = apposed;
                } else {
                    sources = apposed;
                }
            }
        }
        let followed = followed.map_or_else(Vec::new, |n| {
            group(n)
                .into_iter()
                .filter(|x| !sources.contains(x) && !targets.contains(x))
                .collect()
        });
        Cast {
            sources,
            targets,
            partners,
            followed,
            attached_targets,
            oriented,
        }
    }

    /// Stage 4: the claims, with the topic as fallback and the flags.
    fn emit(&self, s: &Sentence<'_, '_>, c: &CueScope<'_, '_>, cast: Cast, out: &mut Vec<Found>) {
        let (view, hits, roles) = (s.view, s.hits, s.roles);
        let text = view.text;
        let mentions = view.mentions;
        let CueScope {
            h,
            hit,
            cue,
            symmetric,
            clause_end,
            after,
            relative,
            verbal,
            topic_ok,
            ..
        } = *c;
        let Cast {
            sources,
            targets,
            partners,
            followed,
            attached_targets,
            oriented,
        } = cast;
        let entries = |list: &[usize]| -> Vec<EntryIndex> {
            list.iter().map(|&i| mentions[i].entry).collect()
        };
        let mut source_entries = entries(&sources);
        let mut target_entries = entries(&targets);
        let partner_entries = entries(&partners);
        // A word that names its own target (拒否権: the Security Council) keeps it.
        if let Some(t) = cue
            .implied_target
            .as_ref()
            .and_then(|id| view.actors.index_of(id))
        {
            target_entries = vec![t];
        }
        // A body compounded with a meeting word (G7サミット) is the meeting itself.
        let attached: Vec<usize> = partners.iter().chain(&attached_targets).copied().collect();
        let own_meeting = symmetric
            && sources.is_empty()
            && attached.len() == 1
            && matches!(roles[attached[0]], Ending::Cue { hit: k, .. } if k == h)
            && view.kind_of(mentions[attached[0]].entry) == crate::model::ActorKind::Organization;
        // `Xも会合で`: a subject alone attended something; only a partner (`Xと会談`)
        // or the head of a relative clause (`同盟関係にある中国`) implies the topic.
        let head_only = relative.is_some_and(|r| sources == [r]);
        let lone_subject = symmetric && !sources.is_empty() && !head_only;
        let fallback = |taken: &[EntryIndex]| -> Option<EntryIndex> {
            if !topic_ok || own_meeting || lone_subject {
                return None;
            }
            s.topics
                .into_iter()
                .flatten()
                .find(|t| !taken.iter().any(|x| view.state_of(*x) == view.state_of(*t)))
        };
        // A relative clause (訪問したネタニヤフ氏は…ない) ends at its head.
        let scope_end = hits
            .get(h + 1)
            .map_or(clause_end, |n| n.start.min(clause_end))
            .min(relative.map_or(usize::MAX, |r| mentions[r].start))
            .max(hit.end);
        // Only a predicate can be denied: 制裁は…弱めていない denies the weakening.
        let negated = cue.negates
            != ((verbal || self.negation_follows(after))
                && self.negated(&text[hit.end..scope_end]));
        let hedged = self.hedge.occurs_in(after) || self.threatened(after);
        let mut attributed_to = self.attribution(view, roles, &hit, &sources, &targets, &partners);
        // `Xは「…」と述べた`: the quote is X's word.
        let speaker = c.cue_quoted.then(|| self.quote_speaker(s, &hit)).flatten();
        attributed_to.extend(speaker.filter(|x| !attributed_to.contains(x)));
        let relation = match cue.funded {
            Some(r)
                if !s.discourse.disaster
                    && sum_before(&text[c.clause_start..hit.start], SUM_UNITS, 'の') =>
            {
                r
            }
            _ => cue.relation(s.discourse.disaster),
        };
        let mut push = |source: EntryIndex, target: EntryIndex| {
            let (source, target) = if cue.reverse && !oriented {
                (target, source)
            } else {
                (source, target)
            };
            let mut attributed_to = attributed_to.clone();
            attributed_to.retain(|&x| x != source && x != target);
            out.push(Found {
                source,
                relation,
                target,
                negated,
                hedged,
                attributed_to,
            });
        };
        if symmetric {
            let mut group: Vec<EntryIndex> = source_entries;
            group.extend(target_entries.iter().copied());
            let mut all = group.clone();
            all.extend(partner_entries.iter().copied());
            view.dedup_states(&mut all);
            if all.len() < 2
                && let Some(t) = fallback(&all)
            {
                all.push(t);
                group.push(t);
            }
            view.dedup_states(&mut group);
            let others: Vec<EntryIndex> =
                all.iter().copied().filter(|x| !group.contains(x)).collect();
            for (a, b) in symmetric_pairs(&group, &others) {
                push(a, b);
            }
        } else {
            if cue.target_from_topic && target_entries.is_empty() && !source_entries.is_empty() {
                let topic = s.topics.into_iter().flatten().next();
                target_entries.extend(topic.filter(|&t| {
                    view.kind_of(t) == crate::model::ActorKind::Organization
                        && !source_entries.contains(&t)
                }));
            }
            let told = if target_entries.is_empty() {
                told_targets(s, c, &sources, &source_entries)
            } else {
                Vec::new()
            };
            target_entries.extend(&told);
            // `Yを呼び「…非難する」と述べ`: a quote said to someone is about them.
            if target_entries.is_empty() && !symmetric && speaker.is_some() {
                target_entries.extend(self.quote_addressee(s, &hit, speaker));
            }
            // `日本は緊急援助隊を派遣`: relief with no recipient goes where the disaster struck.
            if target_entries.is_empty() {
                let relation = cue.relation(s.discourse.disaster);
                let source = source_entries.iter().copied().chain(fallback(&[]));
                let source: Vec<EntryIndex> = source.take(1).collect();
                target_entries.extend(crate::extract::relief_recipient(
                    s.discourse.stricken,
                    view,
                    relation,
                    &source,
                ));
            }
            // `(首相はウクライナへの連帯を表明。)装備支援を拠出すると伝えた`: aid
            // with no recipient named goes to whom its giver last helped.
            if target_entries.is_empty() && cue.relation(s.discourse.disaster).is_assistance() {
                let giver = source_entries.first().copied().or_else(|| fallback(&[]));
                target_entries.extend(giver.and_then(|g| s.discourse.helped_by(view, g)));
            }
            if cue.object_first
                && told.is_empty()
                && !targets
                    .iter()
                    .any(|&i| object_right_before(text, mentions[i].end, hit.start))
            {
                return;
            }
            if source_entries.is_empty() && !target_entries.is_empty() {
                source_entries.extend(speaker);
            }
            if cue.passive && target_entries.is_empty() {
                target_entries.extend(fallback(&source_entries));
            }
            if source_entries.is_empty() && !target_entries.is_empty() {
                source_entries.extend(fallback(&target_entries));
            }
            // `(日本は…)米国から購入した`: the topic receives.
            if oriented && target_entries.is_empty() {
                target_entries.extend(fallback(&source_entries));
            }
            source_entries.extend(entries(&followed));
            for &a in &source_entries {
                for &b in &target_entries {
                    push(a, b);
                }
            }
        }
    }

    /// `日本、米国、インドによる枠組み「クアッド」`: states listed with による before
    /// the body they form are its members. The body must head the phrase: nothing
    /// but nouns, names and quotes between, and no act (a cue) right after it.
    /// So are states that compose it (`フランスやドイツなどで構成するEU`,
    /// `…からなるクアッド`).
    fn members_named_by(&self, s: &Sentence<'_, '_>, out: &mut Vec<Found>) {
        use crate::model::ActorKind;
        let (view, mentions, text) = (s.view, s.view.mentions, s.view.text);
        for (i, m) in mentions.iter().enumerate() {
            let Some(after) = forming(s.roles[i], text) else {
                continue;
            };
            if view.kind_of(m.entry) != ActorKind::Country {
                continue;
            }
            let Some(body) = mentions[i + 1..].iter().find(|b| b.start >= after) else {
                continue;
            };
            let heads = text
                .get(after..body.start)
                .is_some_and(|between| heads_cue(between, mentions, after, &self.adjectives));
            // A meeting of the body (クアッド首脳会合) still names it; an act on it
            // (NATO批判) makes it an object, not what the states form.
            let acts_follow = s.hits.iter().any(|h| {
                (after..=body.end).contains(&h.start)
                    && self.cues[h.cue].relation != Relation::Summit
            });
            if heads && !acts_follow && view.kind_of(body.entry) == ActorKind::Organization {
                out.push(Found {
                    source: m.entry,
                    relation: Relation::Membership,
                    target: body.entry,
                    negated: false,
                    hedged: false,
                    attributed_to: Vec::new(),
                });
            }
        }
    }

    /// Cue words in the sentence, minus those inside actor names and a visit
    /// prefix (`訪`, `来`) with no state right after it.
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
                !self.is_visit_prefix(&view.text[h.start..h.end])
                    || view.mentions.iter().any(|m| m.start == h.end)
            })
            .filter(|h| !self.signs_a_decree(view, h))
            .collect()
    }

    /// `大統領令に署名`: signing one's own decree or bill is no agreement
    /// with anyone.
    fn signs_a_decree(&self, view: &SentenceView<'_>, h: &CueHit) -> bool {
        if self.cues[h.cue].relation != Relation::Agreement {
            return false;
        }
        let head = &view.text[view.range.start..h.start];
        let head = ["に", "を", "へ"]
            .iter()
            .find_map(|p| head.strip_suffix(p))
            .unwrap_or(head);
        self.decrees.iter().any(|d| head.ends_with(d.as_str()))
    }

    /// The clause after a cue ends in a quotative と (after a verb's plain
    /// form: `課すと`, `行ったと`) that a verb of threatening governs later in
    /// the sentence (`…課すとインドに警告した`).
    fn threatened(&self, after: &str) -> bool {
        const PLAIN_ENDS: &[char] = &[
            'す', 'る', 'く', 'つ', 'ぬ', 'む', 'ぶ', 'ぐ', 'う', 'た', 'だ', 'い',
        ];
        let Some(at) = after.match_indices('と').map(|(i, _)| i).find(|&i| {
            after[..i]
                .chars()
                .next_back()
                .is_some_and(|c| PLAIN_ENDS.contains(&c))
        }) else {
            return false;
        };
        self.threats.occurs_in(&after[at..])
    }

    /// `を自制する`, `を見送った`, `には加わらない`: a nominal cue denied by its verb.
    fn negation_follows(&self, after: &str) -> bool {
        ["を", "には", "にも", "は", "に", "も"]
            .iter()
            .find_map(|p| after.strip_prefix(p))
            .is_some_and(|rest| self.negation.starts(rest))
    }

    fn clause_boundaries(&self, sentence: &str, offset: usize) -> Vec<usize> {
        clause_boundaries(sentence, offset, &self.clause_ends)
    }

    /// Whether `cue` is a visit prefix (`訪`, `来`).
    fn is_visit_prefix(&self, cue: &str) -> bool {
        self.flags.visit_prefixes.iter().any(|p| p == cue)
    }

    /// Whether a char before a name is a visit prefix.
    fn visit_prefix_char(&self, c: char) -> bool {
        let mut buf = [0u8; 4];
        self.is_visit_prefix(c.encode_utf8(&mut buf))
    }

    /// `配備に懸念を示した`, `売却に反対した`: the cue's noun phrase ends in に or を
    /// and a stance word governs it within the clause.
    fn stance_follows(&self, rest: &str) -> Option<&str> {
        let tail = ["に", "を", "には"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))?;
        self.flags
            .stances
            .iter()
            .find(|w| tail.contains(w.as_str()))
            .map(String::as_str)
    }

    fn light_verb_follows(&self, rest: &str) -> bool {
        self.flags
            .light_verbs
            .iter()
            .any(|v| rest.starts_with(v.as_str()))
    }

    fn phrase(&self, view: &SentenceView<'_>, hits: &[CueHit], i: usize) -> Phrase {
        let text = view.text;
        let mentions = view.mentions;
        let m = mentions[i];
        let head = &text[view.range.start..m.start];
        let quoted = inside_speech(text, view.range.start, view.range.end, m.start);
        let prefix = head
            .chars()
            .next_back()
            .filter(|&c| matches!(c, '対' | '駐' | '在') || self.visit_prefix_char(c));
        let mut pos = m.end;
        let end = view.range.end;
        let mut genitive = false;
        // Titles and readings that belong to the name, unless another name follows
        // at once (a compound: 日米, 両|国).
        let compound = mentions.iter().any(|n| n.start == pos);
        while !compound && pos < end {
            // A cue word starting here is the cue, not a tail (日朝首脳会談).
            if hits.iter().any(|h| h.start == pos) {
                break;
            }
            let rest = &text[pos..end];
            if rest.starts_with('(')
                && let Some(close) = rest.find(')')
            {
                pos += close + 1;
                continue;
            }
            // Tails start with a kanji, katakana or `(`; a particle cannot start one.
            let may_be_tail = rest
                .chars()
                .next()
                .is_some_and(|c| !('\u{3041}'..='\u{3096}').contains(&c) || c == 'さ');
            if let Some(t) = NAME_TAILS
                .iter()
                .find(|t| may_be_tail && rest.starts_with(*t))
            {
                pos += t.len();
                continue;
            }
            break;
        }
        let ending = loop {
            if let Some(k) = hits.iter().position(|h| h.start == pos) {
                break Ending::Cue { hit: k, genitive };
            }
            if let Some(next) = mentions.iter().position(|n| n.start == pos) {
                break Ending::Mention { next, genitive };
            }
            let rest = &text[pos..end];
            let Some(c) = rest.chars().next() else {
                break Ending::Open;
            };
            // `など` closes a list without ending the phrase (中国、ロシアなどが);
            // `などの` modifies a noun, as any genitive does, and is left alone.
            if let Some(tail) = rest.strip_prefix("など")
                && PARTICLES.iter().any(|p| *p != "の" && tail.starts_with(*p))
            {
                pos += "など".len();
                continue;
            }
            // The plural `ら` after a noun (外交官ら8人を) stays in the phrase.
            if let Some(tail) = rest.strip_prefix('ら')
                && text[..pos].ends_with(is_noun_char)
                && (tail.starts_with(is_noun_char)
                    || PARTICLES.iter().any(|p| tail.starts_with(*p)))
            {
                pos += 'ら'.len_utf8();
                continue;
            }
            // A noun with kana endings after `の` (米国の動きを, 取り組みに): the
            // possessor still reaches the postposition after it.
            if genitive && crate::script::is_hiragana(c) {
                let mut kana = 0;
                for k in rest.chars().take(2) {
                    let here = &rest[kana..];
                    if !crate::script::is_hiragana(k)
                        || PARTICLES.iter().any(|p| here.starts_with(*p))
                    {
                        break;
                    }
                    kana += k.len_utf8();
                }
                let after = &rest[kana..];
                let particle_after = PARTICLES
                    .iter()
                    .any(|p| *p != "の" && after.starts_with(*p));
                // The loop stops at a particle: kana > 0 means a real kana ending.
                if kana > 0
                    && particle_after
                    && text[..pos].ends_with(|k: char| crate::script::is_han(k))
                {
                    pos += kana;
                    continue;
                }
            }
            let particle = if is_noun_char(c) {
                None
            } else {
                PARTICLES.iter().find(|p| rest.starts_with(*p))
            };
            if let Some(p) = particle {
                if *p == "の" {
                    genitive = true;
                    pos += p.len();
                    continue;
                }
                break Ending::Particle(p, pos + p.len());
            }
            if is_noun_char(c) {
                pos += c.len_utf8();
                continue;
            }
            break Ending::Open;
        };
        let outer = match ending {
            Ending::Cue { genitive: true, .. } | Ending::Mention { genitive: true, .. } => {
                outer_particle(&text[pos..end], hits, mentions, pos)
            }
            _ => None,
        };
        Phrase {
            ending,
            outer,
            quoted,
            prefix,
        }
    }

    fn negated(&self, scope: &str) -> bool {
        self.negation.occurs_in(scope)
    }

    /// Who asserts the claim: the subject of a verb of saying after the cue
    /// (`…と米国や韓国は分析する`), or a `によると` source.
    /// `Xは「…を承認する」と表明`: a quote that names no agent for its act is
    /// the speaker's word on their own act. The speaker is the subject before
    /// the quote, and a verb of saying must follow its closing `」と`.
    fn quote_speaker(&self, s: &Sentence<'_, '_>, hit: &CueHit) -> Option<EntryIndex> {
        let (view, roles) = (s.view, s.roles);
        let text = view.text;
        let open = view.range.start + text[view.range.start..hit.start].rfind('「')?;
        let close = hit.end + text[hit.end..view.range.end].find('」')?;
        let said = text[close..view.range.end].strip_prefix("」と")?;
        // The verb of saying follows within a few words.
        let cut = (0..=said.len().min(60))
            .rev()
            .find(|&i| said.is_char_boundary(i))?;
        let said = &said[..cut];
        self.attribution.positions(said).next()?;
        view.mentions
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, m)| m.end <= open && !s.phrases[*i].quoted)
            .find(|(i, _)| matches!(roles[*i], Ending::Particle("は" | "が", _)))
            .map(|(_, m)| m.entry)
    }

    /// Whom a quote is said to: the last state or person before it, outside
    /// it and not the speaker's, marked by に (`ペルーに「…」と伝えた`) or
    /// heading what is summoned (`ペルーの大使を呼び「…」と述べた`).
    fn quote_addressee(
        &self,
        s: &Sentence<'_, '_>,
        hit: &CueHit,
        speaker: Option<EntryIndex>,
    ) -> Option<EntryIndex> {
        let (view, roles) = (s.view, s.roles);
        let text = view.text;
        let open = view.range.start + text[view.range.start..hit.start].rfind('「')?;
        let speaker_state = speaker.map(|e| view.state_of(e));
        view.mentions
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, m)| m.end <= open && !s.phrases[*i].quoted)
            .filter(|(_, m)| Some(view.state_of(m.entry)) != speaker_state)
            .find(|(i, m)| {
                let between = &text[m.end..open];
                let told_to =
                    matches!(roles[*i], Ending::Particle("に" | "に対し" | "に対して", _))
                        && !between.contains('、');
                let summoned = (between.contains("を呼び") || between.contains("を呼んで"))
                    && !between.contains(['、', 'は', 'が']);
                told_to || summoned
            })
            .map(|(_, m)| m.entry)
    }

    fn attribution(
        &self,
        view: &SentenceView<'_>,
        roles: &[Ending],
        hit: &CueHit,
        sources: &[usize],
        targets: &[usize],
        partners: &[usize],
    ) -> Vec<EntryIndex> {
        let text = view.text;
        let s1 = view.range.end;
        let tail = &text[hit.end..s1];
        // A verb of saying after a quotative と: `…と(米国は)分析する`.
        let said_at = self
            .attribution
            .positions(tail)
            .find(|&(p, _)| tail[..p].contains('と'))
            .map(|(p, _)| hit.end + p);
        let mut out = Vec::new();
        for (i, m) in view.mentions.iter().enumerate() {
            if sources.contains(&i) || targets.contains(&i) || partners.contains(&i) {
                continue;
            }
            let Ending::Particle(p, _) = roles[i] else {
                continue;
            };
            let speaker = matches!(p, "は" | "が")
                && said_at.is_some_and(|at| m.start > hit.end && m.end <= at);
            let cited = matches!(p, "によると" | "によれば");
            if speaker || cited {
                out.push(m.entry);
            }
        }
        out
    }
}

/// The postposition that ends a noun phrase starting at `rest` (which begins at
/// absolute offset `at`), read over nouns, `の`, cue words and names.
fn outer_particle(
    rest: &str,
    hits: &[CueHit],
    mentions: &[crate::gazetteer::Mention],
    at: usize,
) -> Option<&'static str> {
    let mut i = 0;
    while i < rest.len() {
        let abs = at + i;
        if let Some(h) = hits.iter().find(|h| h.start == abs) {
            i += h.end - h.start;
            continue;
        }
        if let Some(m) = mentions.iter().find(|m| m.start == abs) {
            i += m.end - m.start;
            continue;
        }
        let tail = &rest[i..];
        if let Some(p) = PARTICLES.iter().find(|p| tail.starts_with(*p)) {
            if *p != "の" {
                return Some(p);
            }
            i += p.len();
            continue;
        }
        let c = tail.chars().next()?;
        if !is_noun_char(c) {
            return None;
        }
        i += c.len_utf8();
    }
    None
}

/// Postpositions that make a name modify the following noun.
const ADNOMINAL: &[&str] = &["への", "による", "との", "からの", "に対する", "における"];

/// True when `between` (from a postposition to a cue) is only the rest of one
/// noun phrase: nouns, names and `の`, so that the cue is its head.
fn heads_cue(
    between: &str,
    mentions: &[crate::gazetteer::Mention],
    at: usize,
    adjectives: &WordSet,
) -> bool {
    let mut i = 0;
    while i < between.len() {
        if let Some(m) = mentions.iter().find(|m| m.start == at + i) {
            i += m.end - m.start;
            continue;
        }
        let Some(c) = between[i..].chars().next() else {
            break;
        };
        // A reading or aside in parentheses (QUAD(クアッド)) is part of the noun.
        if c == '('
            && let Some(close) = between[i..].find(')')
        {
            i += close + 1;
            continue;
        }
        if let Some(len) = adjectives.prefix_len(&between[i..]) {
            i += len;
            continue;
        }
        // A na-adjective (新たな, 大規模な) modifies the noun after it.
        let na_adjective = c == 'な' && between[..i].ends_with(crate::script::is_han);
        if !(is_noun_char(c)
            || c == 'の'
            || c == '・'
            || c == '対'
            || c == '「'
            || c == '」'
            || na_adjective)
        {
            let kana = okurigana(&between[..i], &between[i..]);
            // The cue follows `between`, so a kana ending may close it (新たな).
            let closing = between[i..].chars().count() <= 2
                && between[i..].chars().all(crate::script::is_hiragana)
                && between[..i].ends_with(crate::script::is_han)
                && !PARTICLES.iter().any(|p| between[i..].starts_with(*p));
            if closing {
                break;
            }
            if kana == 0 {
                return false;
            }
            i += kana;
            continue;
        }
        i += c.len_utf8();
    }
    true
}

/// The length of the kana ending inside a noun at the front of `rest` (the み
/// of 枠組み, the り of 取り組み): one or two kana after a kanji, then a noun char
/// or a quote, and no particle. Zero when `rest` starts with none.
fn okurigana(before: &str, rest: &str) -> usize {
    if !before.ends_with(|c: char| crate::script::is_han(c))
        || PARTICLES.iter().any(|p| rest.starts_with(*p))
    {
        return 0;
    }
    let kana: usize = rest
        .chars()
        .take(2)
        .take_while(|&c| crate::script::is_hiragana(c))
        .map(char::len_utf8)
        .sum();
    let next = rest[kana..].chars().next();
    match next {
        Some(c) if kana > 0 && (is_noun_char(c) || c == '「') => kana,
        _ => 0,
    }
}

/// Resolves coordination: a mention followed by `や`, `、`, `・` or `と` and then
/// directly by another mention takes that mention's ending (`中国やインドへの`).
/// A compound (`日米`) takes the ending of its last member.
fn effective_endings(
    phrases: &[Phrase],
    mentions: &[crate::gazetteer::Mention],
    text: &str,
) -> Vec<Ending> {
    let mut out: Vec<Ending> = phrases.iter().map(|p| p.ending).collect();
    for i in (0..phrases.len()).rev() {
        // 在日ロシア大使館: a place modifier, not a coordinated actor.
        if matches!(phrases[i].prefix, Some('在' | '駐')) {
            out[i] = Ending::Open;
            continue;
        }
        match phrases[i].ending {
            Ending::Mention {
                next,
                genitive: false,
            } => out[i] = out[next],
            Ending::Particle(p, after) if COORDINATORS.contains(&p) => {
                let Some(next) = mentions.iter().position(|n| n.start == after) else {
                    continue;
                };
                let next_ending = out[next];
                // Headline style `日本、ウクライナに支援`: the comma marks a topic.
                if p == "、"
                    && matches!(next_ending, Ending::Particle(q, _) if TARGET_PARTICLES.contains(&q))
                {
                    out[i] = Ending::Particle("は", after);
                    continue;
                }
                // `XとYで`: と before a place phrase stays a partner.
                if p == "と"
                    && !matches!(
                        next_ending,
                        Ending::Particle("が" | "は" | "も" | "による" | "によって", _)
                    )
                {
                    continue;
                }
                if !text[mentions[i].end..after].contains('」') {
                    out[i] = next_ending;
                }
            }
            _ => {}
        }
    }
    out
}

/// The mention and every mention coordinated with it.
fn coordination_group(
    n: usize,
    phrases: &[Phrase],
    mentions: &[crate::gazetteer::Mention],
    text: &str,
) -> Vec<usize> {
    let mut group = vec![n];
    // Walk left over mentions that coordinate into this one.
    let mut cur = n;
    while cur > 0 {
        let mut prev = cur - 1;
        // `ドイツの外相、ブラジルのルラ大統領`: the owner of a listed head is
        // not a member of the list, but what comes before it may be.
        if owned_by(phrases, prev, cur) && prev > 0 {
            cur = prev;
            prev -= 1;
        }
        let joined = match phrases[prev].ending {
            Ending::Mention {
                next,
                genitive: false,
            } => next == cur,
            Ending::Particle(p, after) => {
                COORDINATORS.contains(&p)
                    && after == mentions[cur].start
                    && !text[mentions[prev].end..after].contains('」')
            }
            _ => false,
        };
        if !joined {
            break;
        }
        group.push(prev);
        cur = prev;
    }
    group
}

/// After a cue, a relative clause closing on states in general
/// (`外交関係がある国は`, `制裁を科す国々`): they are its agents, so no topic
/// stands in for one.
fn heads_generic_states(after_cue: &str) -> bool {
    const HEADS: &[&str] = &["国々", "諸国", "各国", "国"];
    let mut prev = None;
    for (i, c) in after_cue.char_indices().take(12) {
        if prev.is_some_and(|p: char| "るたいうすつく".contains(p))
            && HEADS.iter().any(|h| after_cue[i..].starts_with(h))
        {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// The last mention of the list that mention `n` opens (`日英仏`, `チリとボリビア`).
fn list_end(n: usize, phrases: &[Phrase], mentions: &[crate::gazetteer::Mention]) -> usize {
    let mut cur = n;
    while let Some(next) = mentions.get(cur + 1) {
        let joined = match phrases[cur].ending {
            Ending::Mention {
                next: k,
                genitive: false,
            } => k == cur + 1,
            Ending::Particle(p, after) => COORDINATORS.contains(&p) && after == next.start,
            _ => false,
        };
        if !joined {
            break;
        }
        cur += 1;
    }
    cur
}

/// Whether mention `owner` is the genitive owner of mention `head` (`XのY`).
fn owned_by(phrases: &[Phrase], owner: usize, head: usize) -> bool {
    matches!(phrases[owner].ending, Ending::Mention { next, genitive: true } if next == head)
}

/// A mention that a relative clause ending in the cue modifies: the cue, then
/// `する`/`した`/`している`/`にある`/`関係にある`/`の` (or the inflection of a
/// cue that is a verb stem), then the mention.
fn relative_head(
    text: &str,
    cue_end: usize,
    s1: usize,
    mentions: &[crate::gazetteer::Mention],
) -> Option<usize> {
    const LINKS: &[&str] = &[
        "している",
        "していた",
        "した",
        "する",
        "関係にある",
        "にある",
        "状態にある",
        "を続ける",
    ];
    // A cue that ends in a verb stem (侵攻を受け, 招かれ) inflects itself.
    const INFLECTIONS: &[&str] = &["ている", "ていた", "てきた", "る", "た"];
    let rest = &text[cue_end..s1];
    let stem = text[..cue_end].ends_with(crate::script::is_hiragana);
    let link = LINKS
        .iter()
        .chain(if stem { INFLECTIONS } else { &[] })
        .find(|l| rest.starts_with(**l))?;
    let at = cue_end + link.len();
    // The head may follow a short common noun: 支援する民兵組織ヒズボラ.
    let noun: usize = text[at..s1]
        .chars()
        .take_while(|&c| is_noun_char(c))
        .take(8)
        .map(char::len_utf8)
        .sum();
    mentions
        .iter()
        .position(|m| m.start >= at && m.start <= at + noun)
}

/// Titles that, standing alone, refer to the person last named with the office.
const BARE_TITLES: &[(&str, &str)] = &[
    ("官房長官", "spokesperson"),
    ("国家主席", "head_of_state"),
    ("総書記", "head_of_state"),
    ("大統領", "head_of_state"),
    ("首相", "head_of_government"),
    ("外相", "foreign_minister"),
    ("報道官", "spokesperson"),
];

/// The object's を stands right before the cue, a short adverb at most
/// between (`パレスチナを正式に承認`).
fn object_right_before(text: &str, object_end: usize, cue_start: usize) -> bool {
    let between = text.get(object_end..cue_start).unwrap_or("");
    between.strip_prefix('を').is_some_and(|rest| {
        rest.chars().count() <= 4
            && !rest
                .chars()
                .any(|c| c.is_ascii_punctuation() || "、。「」".contains(c))
    })
}

/// The phrase of mention `m` names the actor itself: nothing but a name tail
/// (政府, 大統領) and a reading between the name and its postposition, not a
/// noun it modifies (`北朝鮮問題に` is about an issue).
fn names_the_actor(text: &str, m: &crate::gazetteer::Mention, role: Ending) -> bool {
    let Ending::Particle(p, particle_end) = role else {
        return true;
    };
    let mut between = &text[m.end..particle_end - p.len()];
    while !between.is_empty() {
        if let Some(rest) = between
            .strip_prefix('(')
            .and_then(|r| r.find(')').map(|i| &r[i + 1..]))
        {
            between = rest;
        } else if let Some(t) = NAME_TAILS.iter().find(|t| between.starts_with(*t)) {
            between = &between[t.len()..];
        } else {
            return false;
        }
    }
    true
}

/// Between an agent's が and a cue of judgment: the rest of a relative clause
/// and the noun it modifies, as the cue's object (`提案した計画を`, short
/// adverbs at most after を: `した決定を改めて強く`).
fn judged_act_between(between: &str) -> bool {
    let Some(object_end) = between.rfind('を') else {
        return false;
    };
    let adverb = &between[object_end + 'を'.len_utf8()..];
    let clause = &between[..object_end];
    let noun_start = clause
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !crate::script::is_hiragana(c) && !"、。「」()".contains(c))
        .last()
        .map_or(clause.len(), |(i, _)| i);
    let closes = clause[..noun_start]
        .chars()
        .next_back()
        .is_some_and(|c| "たるうくすつぬむぐぶいだ".contains(c));
    adverb.chars().count() <= 6
        && !adverb.contains(['、', '。'])
        && noun_start < clause.len()
        && closes
        && !clause.contains(['、', '。'])
}

/// Between an agent's `による` and a cue, the noun the agent acts in, as the
/// cue's object (`攻撃を`, `制裁に`, `国境地帯への攻撃を`), then at most a
/// short adverb (`強く`).
fn agent_s_act_between(between: &str) -> bool {
    let Some(object_end) = between.rfind(['を', 'に']) else {
        return false;
    };
    let (noun, adverb) = (
        &between[..object_end],
        &between[object_end + 'を'.len_utf8()..],
    );
    // `国境地帯への攻撃`: a goal inside the noun phrase is still that noun's.
    let noun = noun.replace("への", "");
    !noun.is_empty()
        && noun
            .chars()
            .all(|c| is_noun_char(c) || c == 'の' || c == '・')
        && adverb.chars().count() <= 6
        && !adverb.contains(['、', '。'])
}

/// Between a subject and its cue, an object or goal that names no actor
/// (`同盟国に配備`): を, へ, or a に that ends no time or adverb (`22日に`, `正式に`).
fn object_between(between: &str) -> bool {
    let mut prev = None;
    for c in between.chars() {
        let adverbial = prev
            .is_some_and(|p: char| p.is_ascii_digit() || "日月年時式様的たで既更共".contains(p));
        if c == 'を' || c == 'へ' || c == 'に' && !adverbial {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// `Xも承認した` with no object: X did it to whom the last sentence said
/// (see `Discourse::told`), unless X's clause has an object of its own.
fn told_targets(
    s: &Sentence<'_, '_>,
    c: &CueScope<'_, '_>,
    sources: &[usize],
    source_entries: &[EntryIndex],
) -> Vec<EntryIndex> {
    let (view, text, mentions) = (s.view, s.view.text, s.view.mentions);
    let repeats = !c.cue.reverse
        && also_marked(sources, s.roles)
        && !sources
            .iter()
            .any(|&i| object_between(&text[mentions[i].end..c.hit.start]));
    if !repeats {
        return Vec::new();
    }
    let relation = c.cue.relation(s.discourse.disaster);
    s.discourse
        .told
        .iter()
        .filter_map(|&(r, t)| {
            let own = source_entries
                .iter()
                .any(|&x| view.state_of(x) == view.state_of(t));
            (r == relation && !own).then_some(t)
        })
        .collect()
}

/// Whether `at` (in the sentence `s0..s1`) stands inside a 「」 quote of
/// speech. A quote closed by a case particle is a noun the sentence uses in
/// someone's words (`「揺るぎない連帯」を表明`), not what they said: its cues
/// take their roles from the sentence around it.
fn inside_speech(text: &str, s0: usize, s1: usize, at: usize) -> bool {
    let head = &text[s0..at];
    if head.matches('「').count() <= head.matches('」').count() {
        return false;
    }
    let Some(close) = text[at..s1].find('」') else {
        return true;
    };
    let after = &text[at + close + '」'.len_utf8()..s1];
    !after.starts_with(['を', 'が', 'に', 'は', 'も', 'の', 'で', 'へ'])
}

/// A source marked by も (`XとYも`): the act is one told before.
fn also_marked(sources: &[usize], roles: &[Ending]) -> bool {
    sources
        .iter()
        .any(|&i| matches!(roles[i], Ending::Particle("も", _)))
}

/// One automaton over the bare titles, then the both-sides words, built once.
fn title_words() -> &'static AhoCorasick {
    static WORDS: std::sync::OnceLock<AhoCorasick> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let words: Vec<&str> = BARE_TITLES
            .iter()
            .map(|(t, _)| *t)
            .chain(BOTH_SIDES.iter().copied())
            .collect();
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .expect("title words are plain strings")
    })
}

/// Words for "both sides" of the last pair talked about (`両国は`, `両首脳が`).
const BOTH_SIDES: &[&str] = &["両首脳", "両外相", "両国", "両政府", "両氏"];

/// `両国` and the like as two adjacent mentions of the last pair, so that they
/// coordinate like a compound (`日米`): `両` the first, the rest the second.
fn both_sides(view: &SentenceView<'_>, discourse: &Discourse) -> Vec<crate::gazetteer::Mention> {
    let Some((a, b)) = discourse.linked else {
        return Vec::new();
    };
    let text = view.text;
    let mut out = Vec::new();
    for (i, k) in title_words().find_iter(view.sentence()).filter_map(|m| {
        let k = m.pattern().as_usize();
        (k >= BARE_TITLES.len()).then(|| (m.start(), k - BARE_TITLES.len()))
    }) {
        let word = BOTH_SIDES[k];
        {
            let start = view.range.start + i;
            let split = start + word.chars().next().map_or(0, char::len_utf8);
            let end = start + word.len();
            let standalone = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !is_noun_char(c));
            if standalone && !view.mentions.iter().any(|m| m.start < end && start < m.end) {
                let part = |entry, start, end| crate::gazetteer::Mention {
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

/// Bare titles in the sentence (`首相は`, not `石破首相` nor `副首相`), as mentions
/// of the most recently named person who holds or held that office.
fn bare_titles(view: &SentenceView<'_>, discourse: &Discourse) -> Vec<crate::gazetteer::Mention> {
    let text = view.text;
    let mut out = Vec::new();
    if discourse.persons.is_empty() {
        return out;
    }
    let sentence = view.sentence();
    for (i, k) in title_words().find_iter(sentence).filter_map(|m| {
        let k = m.pattern().as_usize();
        (k < BARE_TITLES.len()).then_some((m.start(), k))
    }) {
        let (title, role) = BARE_TITLES[k];
        {
            let start = view.range.start + i;
            let end = start + title.len();
            let before = text[..start].chars().next_back();
            // After a name or a noun it is a title of that name (石破首相, 副首相).
            let standalone = before.is_none_or(|c| !(is_noun_char(c) || c == '・' || c == ')'));
            if !standalone
                || out
                    .iter()
                    .any(|m: &crate::gazetteer::Mention| m.start < end && start < m.end)
            {
                continue;
            }
            // `韓国の大統領`: the office of that state, so only a person serving it.
            let possessor = text[..start]
                .strip_suffix('の')
                .and_then(|head| view.mentions.iter().find(|m| m.end == head.len()))
                .map(|m| view.state_of(m.entry));
            // The topic first (the article is about them), then the most recent.
            let holds = |p: EntryIndex| {
                view.actors.entry(p).offices.iter().any(|o| o.role == *role)
                    && possessor.is_none_or(|s| view.state_of(p) == s)
            };
            let person = discourse
                .topic
                .filter(|t| discourse.persons.contains(t))
                .into_iter()
                .chain(discourse.persons.iter().rev().copied())
                .find(|&p| holds(p));
            if let Some(entry) = person {
                out.push(crate::gazetteer::Mention {
                    entry,
                    start,
                    end,
                    form: crate::gazetteer::Form::Family,
                });
            }
        }
    }
    out
}

/// Mentions right after a verb's plain or past form head a relative clause
/// (`参加するBRICS`, `関心を示すベトナム`, `訪問したロシア`).
fn relative_clause_heads(text: &str, mentions: &[crate::gazetteer::Mention]) -> Vec<usize> {
    // Compound postpositions end in a verb form too, but close no clause.
    const POSTPOSITIONS: &[&str] = &[
        "による",
        "に対する",
        "に関する",
        "における",
        "をめぐる",
        "にわたる",
        "に向けた",
        "に対した",
    ];
    mentions
        .iter()
        .filter(|m| {
            let head = &text[..m.start];
            head.chars()
                .next_back()
                .is_some_and(|c| "うくすつぬむるぐぶた".contains(c))
                && !POSTPOSITIONS.iter().any(|p| head.ends_with(p))
        })
        .map(|m| m.start)
        .collect()
}

/// Subordinate connectors that close a clause (`国交を結んだのを機に`).
const CLAUSE_ENDS: &[&str] = &[
    "のを機に",
    "ので",
    "のに",
    "ため",
    "ことから",
    "ことで",
    "以降",
    "ものの",
    "ながら",
    "つつ",
    "と同時に",
    // A backdrop clause (`緊張が高まる中、`) closes before the main clause.
    "る中、",
    "る中で、",
];

/// Currencies a sum before an aid noun is counted in (`600億円の支援`).
const SUM_UNITS: &[&str] = &["円", "ドル", "ユーロ", "ポンド", "元"];

/// Verbs after `に` that make the name before it one followed in the act
/// (`米英に続き`, `米国に次いで`).
const FOLLOWING: &[&str] = &["続き", "続いて", "次いで", "倣い", "倣って"];

/// Postpositions made of a particle and a verb form (`に対し`): the verb
/// form is no predicate, so a comma after one ends no clause.
const COMPOUND_PARTICLES: &[&str] = &[
    "に対し",
    "に対して",
    "に関し",
    "に関して",
    "をめぐり",
    "をめぐって",
    "について",
    "に向け",
    "に向けて",
    "として",
];

/// Clause breaks: `、` after a verb or adjective form (`開始し、`, `ため、`),
/// not after a postposition (`ロシアは、`).
fn clause_boundaries(sentence: &str, offset: usize, clause_ends: &WordSet) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in sentence.char_indices() {
        if c == '、'
            && let Some(p) = prev
        {
            let hiragana = crate::script::is_hiragana(p);
            let conjunctive_ga = p == 'が'
                && sentence[..i]
                    .chars()
                    .rev()
                    .nth(1)
                    .is_some_and(|q| "たるいだ".contains(q));
            // `日本に対し、…`: a comma after a compound particle ends no clause.
            let compound = COMPOUND_PARTICLES
                .iter()
                .any(|q| sentence[..i].ends_with(q));
            if hiragana && (!"はものやとにをへがで".contains(p) || conjunctive_ga) && !compound
            {
                out.push(offset + i);
            }
        }
        prev = Some(c);
    }
    out.extend(clause_ends.positions(sentence).map(|(_, e)| offset + e));
    out.sort_unstable();
    out
}

fn is_noun_char(c: char) -> bool {
    crate::script::is_han(c)
        || crate::script::is_katakana(c)
        || c == 'ー'
        || c.is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_and_names_ontology_relations() {
        let ja = Japanese::builtin();
        assert!(ja.cues.len() > 20);
    }
}
