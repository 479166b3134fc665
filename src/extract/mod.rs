//! Extraction: article → sentences → actor mentions → claims, with the flags
//! `negated`, `hedged` and `attributed_to`, and evidence spans into the original
//! bytes.
//!
//! Owns article reading ([`article`]), normalization ([`normalize`]), sentence
//! splitting ([`sentence`]) and the two rule-based, lexicon-driven relation
//! extractors ([`ja`], [`en`]). Pure functions: must not touch the graph, the disk
//! or stdout.
//!
//! The rules are general grammar (Japanese postpositions and prefixes, English
//! voice, prepositions and nominal forms) over lexicons kept as data
//! (`lexicon/*.toml`), never rules for one sentence.

pub mod article;
mod claims;
mod date;
pub mod isolate;
mod lang;
pub mod lexicon;
pub mod normalize;
mod officials;
pub mod sentence;
mod words;

use crate::gazetteer::{EntryIndex, Gazetteer, Mention};
use crate::model::{ActorKind, Article, Claim, Evidence, Relation, Span};
use crate::script::ScriptCounts;

pub use isolate::ExtractionFailed;
use normalize::Normalized;

/// A relation found in one sentence, before evidence is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) source: EntryIndex,
    pub(crate) relation: Relation,
    pub(crate) target: EntryIndex,
    pub(crate) negated: bool,
    pub(crate) hedged: bool,
    pub(crate) attributed_to: Vec<EntryIndex>,
}

/// One sentence as the language extractors see it.
#[derive(Debug, Clone)]
pub(crate) struct SentenceView<'a> {
    /// The whole normalized article text (ranges index into it).
    pub(crate) text: &'a str,
    /// This sentence's range in `text`.
    pub(crate) range: std::ops::Range<usize>,
    /// The mentions inside the sentence, in order.
    pub(crate) mentions: &'a [Mention],
    /// Lookups of kinds and roll-ups: the gazetteer and the officials the
    /// article named.
    pub(crate) actors: officials::Actors<'a>,
}

impl SentenceView<'_> {
    pub(crate) fn sentence(&self) -> &str {
        &self.text[self.range.clone()]
    }

    /// The state a mention rolls up to (a person's state, a body's state, or itself).
    pub(crate) fn state_of(&self, entry: EntryIndex) -> &str {
        let actor = &self.actors.entry(entry).actor;
        actor.state().as_str()
    }

    /// Keeps the first entry of each state: `Putin` and `Russia` are one party.
    pub(crate) fn dedup_states(&self, list: &mut Vec<EntryIndex>) {
        let mut seen: Vec<&str> = Vec::new();
        list.retain(|&e| {
            let s = self.state_of(e);
            if seen.contains(&s) {
                false
            } else {
                seen.push(s);
                true
            }
        });
    }

    pub(crate) fn kind_of(&self, entry: EntryIndex) -> ActorKind {
        self.actors.entry(entry).actor.kind
    }

    /// The mention ending last at or before byte `at`, when it names a state.
    pub(crate) fn state_before(&self, at: usize) -> Option<&Mention> {
        let m = self.mentions.iter().rev().find(|m| m.end <= at)?;
        (self.kind_of(m.entry) == ActorKind::Country).then_some(m)
    }
}

/// What carries over from one sentence to the next, one meaning per field.
#[derive(Debug, Clone, Default)]
pub(crate) struct Discourse {
    /// The topic (`X は`): who the text is about when a clause names no agent.
    pub(crate) topic: Option<EntryIndex>,
    /// The two actors the last sentence was about, when it named exactly two
    /// states (English `the two leaders`, `both countries`).
    pub(crate) about: Option<(EntryIndex, EntryIndex)>,
    /// Persons named so far, most recent last (for bare titles: `首相は`).
    pub(crate) persons: Vec<EntryIndex>,
    /// The first person named by the last sentence that named one (English
    /// `He` opening the next sentence).
    pub(crate) lead_person: Option<EntryIndex>,
    /// The first state named by name in the last sentence that named one
    /// (English `The kingdom` opening the next sentence).
    pub(crate) lead_state: Option<EntryIndex>,
    /// The state last named by name (Japanese `同国`).
    pub(crate) last_state: Option<EntryIndex>,
    /// The state (or leader) last named before a seat of power (Japanese
    /// `ニジェール軍政`, `トランプ政権`): a bare `軍政は` stands for it.
    pub(crate) seat: Option<EntryIndex>,
    /// The last pair a symmetric claim linked (for `両国`, `両首脳`).
    pub(crate) linked: Option<(EntryIndex, EntryIndex)>,
    /// The states of the last list of three or more that a sentence named
    /// (for a later `3国`: those three).
    pub(crate) listed: Vec<EntryIndex>,
    /// The article has named a natural disaster (`earthquake`, `地震`): aid
    /// of no stated kind in it is humanitarian.
    pub(crate) disaster: bool,
    /// The state the disaster struck: the first state a sentence places it
    /// in (`ネパールで大地震`, see [`Discourse::note_disaster`]). Relief sent
    /// with no recipient named (`日本は緊急援助隊を派遣`) goes there.
    pub(crate) stricken: Option<EntryIndex>,
    /// The agents of the acts the last sentence with claims named (English
    /// `X condemned the move`: they are its target).
    pub(crate) acted: Vec<EntryIndex>,
    /// The relations and targets of the directed claims the last sentence
    /// with claims stated (Japanese `Xも承認した`: X did it to the same target).
    pub(crate) told: Vec<(crate::model::Relation, EntryIndex)>,
    /// The giver and recipient of the last aid or backing stated (Japanese
    /// `追加支援も表明` with no recipient: the one that giver last helped).
    pub(crate) helped: Option<(EntryIndex, EntryIndex)>,
}

impl Discourse {
    /// Keeps the directed claims of a sentence that stated any (see
    /// [`Discourse::told`]).
    pub(crate) fn remember_told(&mut self, found: &[Found]) {
        if found.is_empty() {
            return;
        }
        self.told = found
            .iter()
            .filter(|f| {
                !f.negated && !f.relation.is_symmetric() && f.relation != Relation::LeaderOf
            })
            .map(|f| (f.relation, f.target))
            .collect();
        self.told.dedup();
        if let Some(f) = found
            .iter()
            .rev()
            .find(|f| !f.negated && f.relation.is_assistance())
        {
            self.helped = Some((f.source, f.target));
        }
    }

    /// The one `giver` (or another end of its state) last helped.
    pub(crate) fn helped_by(
        &self,
        view: &SentenceView<'_>,
        giver: EntryIndex,
    ) -> Option<EntryIndex> {
        self.helped
            .filter(|&(g, _)| view.state_of(g) == view.state_of(giver))
            .map(|(_, r)| r)
    }

    /// Reads a sentence for a natural disaster, until one is placed: the
    /// article is about a disaster from the first sentence naming one, and the
    /// first that places it in a state (as the language's `find` reads it:
    /// `an earthquake in Nepal`, `ネパールで大地震`) says where it struck. A
    /// sentence is searched only while that is unknown and it names someone.
    pub(crate) fn note_disaster(
        &mut self,
        view: &SentenceView<'_>,
        find: impl FnOnce() -> Disaster,
    ) {
        if self.stricken.is_some() || view.mentions.is_empty() {
            return;
        }
        match find() {
            Disaster::Unnamed => {}
            Disaster::Named { place } => {
                self.disaster = true;
                self.stricken = place;
            }
        }
    }
}

/// What a sentence says of a natural disaster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Disaster {
    /// No disaster word in the sentence.
    Unnamed,
    /// Named, and placed in the state `place` when the sentence says where.
    Named { place: Option<EntryIndex> },
}

impl Disaster {
    /// What a sentence says of a disaster, given where its disaster words
    /// stand (`words`, byte ranges in the text) and the language's reading of
    /// the state one is placed in (`place`): placed by the first word it
    /// places, else named and unplaced, else unnamed.
    pub(crate) fn read(
        words: impl Iterator<Item = (usize, usize)>,
        mut place: impl FnMut(usize, usize) -> Option<EntryIndex>,
    ) -> Disaster {
        let mut named = Disaster::Unnamed;
        for (start, end) in words {
            if let Some(state) = place(start, end) {
                return Disaster::Named { place: Some(state) };
            }
            named = Disaster::Named { place: None };
        }
        named
    }
}

/// A sum of money measures the noun that `before` runs into (Japanese
/// `4.7億ドル(約600億円)の追加`, Korean `1억 달러 규모의`): a number, one of
/// `units`, then within a few characters the genitive `link` and no comma.
pub(crate) fn sum_before(before: &str, units: &[&str], link: char) -> bool {
    const REACH: usize = 8;
    let Some((at, len)) = units
        .iter()
        .filter_map(|u| before.rfind(u).map(|at| (at, u.len())))
        .max()
    else {
        return false;
    };
    let counted = before[..at]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || "億万千百十조억만천".contains(c));
    let tail = &before[at + len..];
    counted
        && tail.contains(link)
        && tail.chars().count() <= REACH
        && !tail.contains(['、', '。', ',', '.'])
}

/// Where relief of `relation` from `sources` goes when the sentence names no
/// recipient: the `stricken` state (see [`Discourse::stricken`]), unless a
/// source is that state.
pub(crate) fn relief_recipient(
    stricken: Option<EntryIndex>,
    view: &SentenceView<'_>,
    relation: Relation,
    sources: &[EntryIndex],
) -> Option<EntryIndex> {
    let stricken = stricken?;
    let own = sources
        .iter()
        .any(|&s| view.state_of(s) == view.state_of(stricken));
    (relation == Relation::HumanitarianAid && !sources.is_empty() && !own).then_some(stricken)
}

/// The extractor: a gazetteer and the language plugins, built once.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    plugins: lang::Plugins,
    titles: officials::Titles,
}

impl Extractor {
    /// An extractor over the given gazetteer and the built-in lexicons.
    pub fn new(gazetteer: Gazetteer) -> Self {
        Extractor {
            gazetteer,
            plugins: lang::Plugins::builtin(),
            titles: officials::Titles::builtin(),
        }
    }

    /// An extractor whose lexicons have the users' cue files added
    /// (`--lexicon`); an error names the file and what is wrong.
    pub fn with_lexicons(
        gazetteer: Gazetteer,
        users: &[lexicon::UserLexicon],
    ) -> Result<Self, lexicon::LexiconError> {
        Ok(Extractor {
            gazetteer,
            plugins: lang::Plugins::with_users(users)?,
            titles: officials::Titles::builtin(),
        })
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every claim in an article, in sentence order. Claims come from every line,
    /// headline and captions included; symmetric claims are normalized.
    pub fn extract(&self, article: &Article) -> Vec<Claim> {
        self.extract_counted(article).0
    }

    /// Like [`Extractor::extract`], also returning the number of sentences read.
    pub fn extract_counted(&self, article: &Article) -> (Vec<Claim>, usize) {
        let mut claims = Vec::new();
        let sentences = self.extract_each(article, &mut |c| claims.push(c));
        (claims, sentences)
    }

    /// Like [`Extractor::extract_each`], but a panic inside the rules becomes an
    /// error for this article alone (see [`isolate`]): batches call this. Claims
    /// handed to `sink` before the failure stay handed.
    pub fn try_extract_each(
        &self,
        article: &Article,
        sink: &mut dyn FnMut(Claim),
    ) -> Result<usize, ExtractionFailed> {
        isolate::isolated(|| self.extract_each(article, sink))
    }

    /// Hands every claim of an article to `sink`, sentence by sentence, and
    /// returns the number of sentences read: memory stays bounded by one
    /// sentence's claims, however long the article.
    ///
    /// A headline that the text does not contain (a corpus record's `title`,
    /// an HTML `<title>`) is read too, as the first sentence (the text's are
    /// numbered after it): its claims quote the title and have the empty span
    /// `[0, 0]`, since no bytes of the text hold it.
    pub fn extract_each(&self, article: &Article, sink: &mut dyn FnMut(Claim)) -> usize {
        let Some(title) = separate_headline(article) else {
            return self.extract_text(article, sink);
        };
        let shift = title.len() + 1;
        let with_title = Article {
            text: format!("{title}\n{}", article.text),
            ..article.clone()
        };
        self.extract_text(&with_title, &mut |mut claim| {
            let span = claim.evidence.span;
            claim.evidence.span = match span.start.checked_sub(shift as u32) {
                Some(start) => Span::new(start as usize, span.end as usize - shift),
                None => Span::new(0, 0),
            };
            sink(claim);
        })
    }

    /// [`Extractor::extract_each`] over the article's text alone.
    fn extract_text(&self, article: &Article, sink: &mut dyn FnMut(Claim)) -> usize {
        let article_lang = article_lang(article);
        let mut normalized = Normalized::new(&article.text);
        // Chinese is read in simplified characters, whichever the article
        // uses; Japanese kanji are never folded (see `crate::simplify`).
        if article_lang == crate::model::Lang::Zh {
            normalized.fold_same_width(crate::simplify::simplified_char);
        }
        let text: &str = &normalized.text;
        // Mentions are found as the sentences need them: memory holds one
        // sentence's worth, however many names the article has.
        // Each sentence keeps the article's language unless written in another
        // script (an English quote).
        let mut found_mentions = self.gazetteer.mentions_in(text, article_lang).peekable();
        let mut mentions: Vec<Mention> = Vec::new();
        let sentences = sentence::split(text);
        let article_date = article.date.map(|d| d.to_string());
        let mut discourse = Discourse::default();
        let mut leaders = claims::Leaders::default();
        let mut roster = officials::Roster::new(&self.gazetteer);
        for (index, range) in sentences.iter().enumerate() {
            // A mention that crosses a sentence boundary belongs to neither;
            // one in the dateline (where the story was filed) is no actor.
            mentions.clear();
            let opening = range.start + sentence::dateline_len(&text[range.clone()]);
            while let Some(m) = found_mentions.next_if(|m| m.start < range.end) {
                if m.start >= opening && m.end <= range.end {
                    mentions.push(m);
                }
            }
            let sentence_lang = ScriptCounts::of(&text[range.clone()]).sentence_lang(article_lang);
            let officials = roster.find(
                &self.titles,
                text,
                range.clone(),
                &mentions,
                &self.gazetteer,
                sentence_lang,
            );
            if !officials.is_empty() {
                mentions.extend(officials);
                mentions.sort_by_key(|m| m.start);
            }
            let actors = officials::Actors::new(&self.gazetteer, &roster);
            let view = SentenceView {
                text,
                range: range.clone(),
                mentions: &mentions,
                actors,
            };
            let plugin = self.plugins.for_lang(sentence_lang);
            let mut found = match plugin {
                Some(plugin) => plugin.sentence(&view, &mut discourse),
                None => Vec::new(),
            };
            if let Some(at) = plugin.and_then(|p| p.joining_at(&view)) {
                claims::joined_acts(&view, at, &discourse.told, &mut found);
            }
            claims::hosted_visits(&view, sentence_lang, &mut found);
            claims::guard(&view, &mut found);
            discourse.remember_told(&found);
            if let Some(first) = view.mentions.iter().find(|m| {
                m.form == crate::gazetteer::Form::Name
                    && view.kind_of(m.entry) == ActorKind::Country
            }) {
                discourse.lead_state = Some(first.entry);
            }
            let mut persons = view
                .mentions
                .iter()
                .filter(|m| view.kind_of(m.entry) == ActorKind::Person)
                .peekable();
            if let Some(first) = persons.peek() {
                discourse.lead_person = Some(first.entry);
            }
            for m in persons {
                discourse.persons.retain(|&p| p != m.entry);
                discourse.persons.push(m.entry);
            }
            leaders.add(&view, article_date.as_deref(), &mut found);
            if found.is_empty() {
                continue;
            }
            let start = normalized.original_start(range.start, &article.text);
            let end = normalized.original_end(range.end, &article.text);
            let evidence = Evidence {
                article: article.id.clone(),
                title: article.title.clone(),
                url: article.url.clone(),
                date: date::stated_date(view.sentence(), article.date).or(article.date),
                sentence: index as u32,
                span: Span::new(start, end),
                text: article.text[start..end].to_owned(),
                lang: Some(sentence_lang),
            };
            claims::to_claims(actors, found, &evidence, sink);
        }
        sentences.len()
    }
}

/// An article's language: declared (its metadata or `--lang`), else the one
/// its scripts point to (any kana: Japanese; Hangul: Korean; Han: Chinese).
pub fn article_lang(article: &Article) -> crate::model::Lang {
    article
        .lang
        .unwrap_or_else(|| crate::script::text_lang(&article.text))
}

/// The article's title when its text does not already hold it (a headline
/// line of a plain article is read with the text).
fn separate_headline(article: &Article) -> Option<&str> {
    let title = article.title.as_deref()?.trim();
    let one_line = !title.is_empty() && !title.contains(['\n', '\r']);
    (one_line && !article.text.contains(title)).then_some(title)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fuzz;
