//! Finding actor mentions: one leftmost-longest Aho-Corasick automaton over every
//! alias of every entry, then rules that decide whether a hit is really a name.
//!
//! - English forms match case-sensitively on word boundaries, so `Turkey` is the
//!   state and `turkey` the bird; `pro-Russian` is not a mention of Russia.
//! - Japanese names must not run into a longer katakana word (`ロシア` inside a
//!   longer loanword) nor name the language or the people (`中国語`, `ロシア人`).
//! - Japanese single-kanji abbreviations count only inside compounds: after a
//!   prefix (`対ロ`, `訪朝`), next to another abbreviation (`日米韓`), or before a
//!   state noun (`米軍`, `米政府`).
//! - A person's family name counts with a title or honorific (`President Putin`,
//!   `プーチン大統領`, `金総書記`) or when the text names the person in full,
//!   before or after: a headline writes `Obama` and its body `Barack Obama`.

use std::cell::OnceCell;
use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::rules::NameRules;
use super::{Entry, EntryIndex};
use crate::model::Lang;
use crate::script::{is_han, is_hangul, is_japanese, is_katakana};

/// How a mention was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// A name, alias or metonym (`Russia`, `ロシア`, `the Kremlin`).
    Name,
    /// A demonym or adjective (`Russian`).
    Adjective,
    /// A Japanese abbreviation inside a compound (`露` in `日露`).
    Abbreviation,
    /// A person's family name (`Putin`, `プーチン`).
    Family,
}

/// One actor mention in a normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The entry it names.
    pub entry: EntryIndex,
    /// First byte in the normalized text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// How it was matched.
    pub form: Form,
}

/// Phrases containing a name that name no actor (`South China Sea`, `朝鮮半島`).
const STOP_PHRASES: &str = include_str!("data/stop_phrases.txt");

/// The automaton and, per pattern, the entries it may name.
#[derive(Debug)]
pub(super) struct Matcher {
    automaton: AhoCorasick,
    candidates: Vec<Vec<(EntryIndex, Form)>>,
    /// First chars of abbreviations, to test compound neighbours.
    abbreviation_chars: HashSet<char>,
    /// How English writes names (Latin-script hits).
    english: NameRules,
    /// How the reading's own language writes them (every other hit).
    native: NameRules,
}

/// The name lists of `e` a matcher for `reading` looks for: English always
/// (quotes, abbreviations such as NATO), and the reading's own script. English
/// and Japanese articles share one automaton, as Japanese text is full of
/// English names and English text sometimes quotes Japanese.
fn name_lists(e: &Entry, reading: Lang) -> [(&Vec<String>, Form); 6] {
    let (aliases, abbr, family) = match reading {
        Lang::En | Lang::Ja => (&e.aliases_ja, &e.abbr_ja, &e.family_ja),
        Lang::Ko => (&e.aliases_ko, &e.abbr_ko, &e.family_ko),
        Lang::Zh => (&e.aliases_zh, &e.abbr_zh, &e.family_zh),
    };
    [
        (&e.aliases_en, Form::Name),
        (aliases, Form::Name),
        (&e.adjectives_en, Form::Adjective),
        (abbr, Form::Abbreviation),
        (&e.family_en, Form::Family),
        (family, Form::Family),
    ]
}

/// The persons a text names, for reading their family names.
#[derive(Default)]
struct Named {
    /// Named so far, most recent last.
    recent: Vec<EntryIndex>,
    /// Named in full anywhere in the text: looked up once, the first time a
    /// family name has neither a title nor an earlier naming to go by.
    anywhere: OnceCell<Vec<EntryIndex>>,
}

impl Matcher {
    /// The matcher for text read as `reading`.
    pub(super) fn new(entries: &[Entry], reading: Lang) -> Self {
        let native = NameRules::builtin(match reading {
            Lang::En => Lang::Ja,
            other => other,
        });
        // A reading whose text is folded to simplified Chinese folds its names too.
        let folded = |name: &str| -> String {
            if native.simplified {
                crate::simplify::simplified(name)
            } else {
                name.to_owned()
            }
        };
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut candidates: Vec<Vec<(EntryIndex, Form)>> = Vec::new();
        let mut abbreviation_chars = HashSet::new();
        // Stop phrases come first: a pattern with no candidates is a non-mention.
        for stop in STOP_PHRASES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .flat_map(|l| with_sentence_initial(l.trim()))
        {
            index.insert(folded(&stop), patterns.len());
            patterns.push(folded(&stop));
            candidates.push(Vec::new());
        }
        for (i, e) in entries.iter().enumerate() {
            let i = i as EntryIndex;
            for (list, form) in name_lists(e, reading) {
                let aliases = list.iter().filter(|a| !a.is_empty());
                for alias in aliases.flat_map(|a| with_sentence_initial(a)) {
                    let alias = folded(&alias);
                    if form == Form::Abbreviation {
                        abbreviation_chars.extend(alias.chars().next());
                    }
                    let p = *index.entry(alias.clone()).or_insert_with(|| {
                        patterns.push(alias);
                        candidates.push(Vec::new());
                        patterns.len() - 1
                    });
                    if !candidates[p].contains(&(i, form)) {
                        candidates[p].push((i, form));
                    }
                }
            }
        }
        // Within one pattern, a name beats a family name beats an abbreviation.
        for c in &mut candidates {
            c.sort_by_key(|&(_, f)| match f {
                Form::Name | Form::Adjective => 0,
                Form::Family => 1,
                Form::Abbreviation => 2,
            });
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("gazetteer patterns are plain strings and always build");
        Matcher {
            automaton,
            candidates,
            abbreviation_chars,
            english: NameRules::builtin(Lang::En),
            native,
        }
    }

    /// The mentions in `text`, in order, found as the iterator is driven: a
    /// caller that reads sentence by sentence holds one sentence's mentions,
    /// not the article's.
    pub(super) fn find_iter<'a>(
        &'a self,
        text: &'a str,
        entries: &'a [Entry],
    ) -> impl Iterator<Item = Mention> + 'a {
        let mut named = Named::default();
        self.automaton.find_iter(text).filter_map(move |m| {
            let (start, end) = (m.start(), m.end());
            let candidates = &self.candidates[m.pattern().as_usize()];
            let mention = self.choose(text, start, end, candidates, &named, entries)?;
            if entries[mention.entry as usize].actor.kind == crate::model::ActorKind::Person {
                named.recent.retain(|&e| e != mention.entry);
                named.recent.push(mention.entry);
            }
            Some(mention)
        })
    }

    /// The persons `text` names in full (`Barack Obama`) or by a family name
    /// and title that fits one of them (`President Bush`) anywhere, in no
    /// order: a headline's bare `Bush Slams ...` is the president the body
    /// names.
    fn named_in_full(&self, text: &str, entries: &[Entry]) -> Vec<EntryIndex> {
        let mut out: Vec<EntryIndex> = Vec::new();
        for m in self.automaton.find_iter(text) {
            if !edges_ok(text, m.start(), m.end()) {
                continue;
            }
            let candidates = &self.candidates[m.pattern().as_usize()];
            let person =
                |e: EntryIndex| entries[e as usize].actor.kind == crate::model::ActorKind::Person;
            let in_full = candidates
                .iter()
                .filter(|&&(e, f)| f == Form::Name && person(e))
                .map(|&(e, _)| e);
            let families: Vec<EntryIndex> = candidates
                .iter()
                .filter(|&&(_, f)| f == Form::Family)
                .map(|&(e, _)| e)
                .collect();
            let titled = (!families.is_empty())
                .then(|| self.titled_family(text, m.start(), m.end(), &families, entries))
                .flatten();
            for e in in_full.chain(titled) {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// The one person a family name at `start..end` names by the title with
    /// it, if it has a title and the title fits one person.
    fn titled_family(
        &self,
        text: &str,
        start: usize,
        end: usize,
        families: &[EntryIndex],
        entries: &[Entry],
    ) -> Option<EntryIndex> {
        let (rules, title) = self.title_of(text, start, end);
        match families {
            [only] => title.map(|_| *only),
            many => by_title(rules.role_of(title?)?, many, entries),
        }
    }

    /// The rules a family name at `start..end` is read by, and its title.
    fn title_of(&self, text: &str, start: usize, end: usize) -> (&NameRules, Option<&str>) {
        if is_latin_start(&text[start..end]) {
            (
                &self.english,
                english_title_before(&self.english, text, start),
            )
        } else {
            let title = self.native.title_after(text, end);
            let title = title.or_else(|| self.title_after_state(text, start, end));
            let title = title.or_else(|| self.native.title_right_before(text, start));
            (&self.native, title)
        }
    }

    fn choose(
        &self,
        text: &str,
        start: usize,
        end: usize,
        candidates: &[(EntryIndex, Form)],
        named: &Named,
        entries: &[Entry],
    ) -> Option<Mention> {
        // Try each form the pattern may be, best first (韓: a family name, else an
        // abbreviation in 中韓).
        let mut forms: Vec<Form> = candidates.iter().map(|&(_, f)| f).collect();
        forms.dedup();
        if forms.len() > 1 {
            return forms.into_iter().find_map(|f| {
                let subset: Vec<(EntryIndex, Form)> = candidates
                    .iter()
                    .copied()
                    .filter(|&(_, g)| g == f)
                    .collect();
                self.choose(text, start, end, &subset, named, entries)
            });
        }
        let (first_entry, first_form) = *candidates.first()?;
        // Plural demonyms: `Iraqis`, `Israelis`.
        let end = if first_form == Form::Adjective
            && text[end..].starts_with('s')
            && !text[end + 1..].starts_with(|c: char| c.is_alphanumeric())
        {
            end + 1
        } else {
            end
        };
        if !edges_ok(text, start, end) {
            return None;
        }
        let mention = |entry, form| Mention {
            entry,
            start,
            end,
            form,
        };

        // A Hangul name starts a word: 미국 is no mention inside a longer noun,
        // but may follow a prefix (대러시아) or an abbreviation (남북한).
        if text[start..end].starts_with(is_hangul)
            && first_form != Form::Abbreviation
            && text[..start].chars().next_back().is_some_and(|c| {
                is_hangul(c)
                    && !self.native.prefixes.contains(&c)
                    && !self.abbreviation_chars.contains(&c)
            })
        {
            return None;
        }
        match first_form {
            Form::Name | Form::Adjective => {
                if first_form == Form::Name
                    && !is_latin_start(&text[start..end])
                    && self.native.names_no_state(&text[end..])
                {
                    return None;
                }
                // Several entries sharing one name: prefer one named already.
                let pick = candidates
                    .iter()
                    .filter(|(_, f)| *f == first_form)
                    .max_by_key(|(e, _)| named.recent.iter().position(|n| n == e))
                    .map_or(first_entry, |&(e, _)| e);
                Some(mention(pick, first_form))
            }
            Form::Family => {
                let families: Vec<EntryIndex> = candidates
                    .iter()
                    .filter(|(_, f)| *f == Form::Family)
                    .map(|&(e, _)| e)
                    .collect();
                let surface = &text[start..end];
                let (rules, title) = self.title_of(text, start, end);
                let alone = !is_latin_start(surface)
                    && self.native.family_alone
                    && surface.chars().count() >= 2
                    && text[end..]
                        .split(|c: char| !is_hangul(c))
                        .next()
                        .is_some_and(|rest| rest.chars().count() <= 2);
                // `Michelle Obama`, `Hunter Biden`: another person of the family.
                if title.is_none() && is_latin_start(surface) && given_name_before(text, start) {
                    return None;
                }
                let titled = title.is_some();
                // A one-kanji family name (金, 李) is a common word: it needs a title.
                if surface.chars().count() == 1 && !titled {
                    return None;
                }
                let recent = families
                    .iter()
                    .filter_map(|e| named.recent.iter().position(|n| n == e).map(|p| (p, *e)))
                    .max()
                    .map(|(_, e)| e);
                let in_full = || {
                    let anywhere = named
                        .anywhere
                        .get_or_init(|| self.named_in_full(text, entries));
                    let mut named_here = families.iter().filter(|e| anywhere.contains(e));
                    match (named_here.next(), named_here.next()) {
                        (Some(&e), None) => Some(e),
                        _ => None,
                    }
                };
                let chosen = match (recent, title, families.as_slice()) {
                    (Some(e), _, _) => Some(e),
                    (None, Some(_), [only]) => Some(*only),
                    (None, None, [only]) if alone => Some(*only),
                    (None, title, many) => in_full()
                        .or_else(|| title.and_then(|t| by_title(rules.role_of(t)?, many, entries))),
                };
                chosen.map(|e| mention(e, Form::Family))
            }
            Form::Abbreviation => self
                .abbreviation_ok(text, start, end)
                .then(|| mention(first_entry, Form::Abbreviation)),
        }
    }

    /// The title after a state's abbreviation that follows a family name:
    /// Japanese writes the official's state between name and title
    /// (`ケリー米国務長官`, `ラブロフ露外相`; Korean with spaces, `블링컨 미
    /// 국무장관`). A one-char family name is left out: 한미 is Korea and the US.
    fn title_after_state(&self, text: &str, start: usize, end: usize) -> Option<&str> {
        if text[start..end].chars().count() < 2 {
            return None;
        }
        let space = usize::from(self.native.spaced && text[end..].starts_with(' '));
        let abbreviation = text[end + space..].chars().next()?;
        if !self.abbreviation_chars.contains(&abbreviation) {
            return None;
        }
        self.native
            .title_after(text, end + space + abbreviation.len_utf8())
            .filter(|t| self.native.role_of(t).is_some())
    }

    /// An abbreviation stands for a state only inside a compound.
    fn abbreviation_ok(&self, text: &str, start: usize, end: usize) -> bool {
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let is_abbr = |c: Option<char>| c.is_some_and(|c| self.abbreviation_chars.contains(&c));
        let surface = &text[start..end];
        // Katakana ロ must stand apart from other katakana (ヨーロッパ, プロ).
        if surface.chars().all(is_katakana)
            && (before.is_some_and(is_katakana) || after.is_some_and(is_katakana))
        {
            return false;
        }
        let rules = &self.native;
        let prefixed = before.is_some_and(|c| rules.prefixes.contains(&c));
        if prefixed {
            // A Hangul prefix starts a word itself: 2주일 ("two weeks") is no 주+일.
            let before_prefix = text[..start].chars().rev().nth(1);
            return !before.is_some_and(is_hangul)
                || !before_prefix.is_some_and(|c| is_hangul(c) || c.is_ascii_digit());
        }
        // The compound must start cleanly: 今日中, 18日米, 会談中 are not states.
        let chain_start = self.chain_start(text, start);
        let before_chain = text[..chain_start].chars().next_back();
        let clean_start = match before_chain {
            None => true,
            Some(c) if rules.prefixes.contains(&c) => {
                // 訪米中: "while visiting the US"; the chain after 訪 is one state.
                !rules.visit_prefixes.contains(&c) || chain_start == start
            }
            Some(c) => {
                !(is_han(c) || is_hangul(c) || c.is_ascii_digit())
                    || rules.clean_before.contains(&c)
            }
        };
        if !clean_start {
            return false;
        }
        is_abbr(before) && chain_start < start
            || is_abbr(after)
            || rules.starts_with_state_noun(&text[end..])
    }

    /// Where the run of abbreviation chars that ends at `start` begins, looking
    /// back at most [`MAX_COMPOUND_CHARS`]: a longer run is no compound, and an
    /// unbounded look-back would make a page of such characters quadratic.
    fn chain_start(&self, text: &str, start: usize) -> usize {
        let mut s = start;
        for c in text[..start].chars().rev().take(MAX_COMPOUND_CHARS) {
            if !self.abbreviation_chars.contains(&c) {
                break;
            }
            s -= c.len_utf8();
        }
        s
    }
}

/// The longest run of single-kanji abbreviations read as one compound
/// (日米豪印 is four).
const MAX_COMPOUND_CHARS: usize = 6;

/// English forms need word boundaries; `pro-Russian` and `anti-US` are not mentions.
/// A name and, for one that begins with the article `the`, its capitalized
/// form: the automaton matches case for case, and `The West` opens a sentence
/// as often as `the West` stands inside one.
fn with_sentence_initial(alias: &str) -> impl Iterator<Item = String> {
    let initial = alias.strip_prefix("the ").map(|rest| format!("The {rest}"));
    std::iter::once(alias.to_owned()).chain(initial)
}

fn edges_ok(text: &str, start: usize, end: usize) -> bool {
    let surface = &text[start..end];
    let (Some(first), Some(last)) = (surface.chars().next(), surface.chars().next_back()) else {
        return false;
    };
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if first.is_ascii_alphanumeric() {
        if before.is_some_and(is_latin_word_char) {
            return false;
        }
        if before == Some('-') {
            let word: String = text[..start - 1]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            if word.chars().all(|c| c.is_ascii_lowercase()) && !word.is_empty() {
                return false;
            }
        }
    }
    if last.is_ascii_alphanumeric() && after.is_some_and(is_latin_word_char) {
        return false;
    }
    if is_katakana(first) && before.is_some_and(is_katakana) {
        return false;
    }
    if is_katakana(last) && after.is_some_and(|c| is_katakana(c) && c != '・') {
        return false;
    }
    true
}

/// A letter or digit that continues a Latin word: Japanese, Chinese and Korean
/// write particles and nouns right after a Latin name (`NATOは`, `NATO가`).
fn is_latin_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_japanese(c) && !is_hangul(c)
}

/// Whether a name is written in Latin letters (and so follows English rules).
fn is_latin_start(surface: &str) -> bool {
    surface
        .chars()
        .next()
        .is_some_and(|c| !is_japanese(c) && !is_hangul(c))
}

/// The title word right before an English family name, if any.
fn english_title_before<'r>(rules: &'r NameRules, text: &str, start: usize) -> Option<&'r str> {
    let head = text[..start].trim_end_matches(' ');
    if head.len() == start {
        return None;
    }
    let word = head
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .next()
        .unwrap_or("");
    rules.title_before(word)
}

/// Whether a capitalized word that is no title stands right before `start`,
/// inside a sentence whose words are not all capitalized (a headline in title
/// case capitalizes its verbs): `Michelle` in `said Michelle Obama`. A word that
/// opens the sentence may be any word (`When Obama`), and a possessive names a
/// state (`Russia's Putin`); neither counts.
fn given_name_before(text: &str, start: usize) -> bool {
    let Some(head) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let word_start = head
        .rfind(|c: char| !c.is_alphabetic() && c != '.' && c != '-')
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[word_start..];
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let before = head[..word_start].trim_end_matches(' ');
    let opens_sentence =
        before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“', ':', '—', '(']);
    if opens_sentence {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    !title_case(&text[line_start..line_end])
}

/// Whether every word of four letters or more in `line` is capitalized.
fn title_case(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Among persons sharing a family name, the one the title fits: who holds that
/// office now, else the only one who ever held it, else the one who held it
/// last (`President Bush` in a text without a date is George W. Bush: the press
/// names the later of two holders more often, and a text about the earlier
/// one usually gives his full name or initials first).
fn by_title(role: &str, candidates: &[EntryIndex], entries: &[Entry]) -> Option<EntryIndex> {
    let held: Vec<EntryIndex> = candidates
        .iter()
        .copied()
        .filter(|&e| entries[e as usize].offices.iter().any(|o| o.role == role))
        .collect();
    let current: Vec<EntryIndex> = held
        .iter()
        .copied()
        .filter(|&e| {
            entries[e as usize]
                .offices
                .iter()
                .any(|o| o.role == role && o.end.is_none())
        })
        .collect();
    match (current.as_slice(), held.as_slice()) {
        ([one], _) | (_, [one]) => Some(*one),
        ([], _) => held.iter().copied().max_by(|&a, &b| {
            let last_start = |e: EntryIndex| {
                entries[e as usize]
                    .offices
                    .iter()
                    .filter(|o| o.role == role)
                    .map(|o| o.start.as_str())
                    .max()
            };
            last_start(a).cmp(&last_start(b))
        }),
        _ => None,
    }
}
