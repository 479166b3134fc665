//! Officials the gazetteer does not know. News names ministers, spokespeople
//! and envoys of every state, far more than any table holds, but it names them
//! in one construction: a state (its name, demonym or possessive), a title,
//! and the person (`Moroccan Foreign Minister Nasser Bourita`, `Israel's
//! Defence Minister Yoav Gallant`; Japanese puts the title last:
//! `モロッコのブリタ外相`). Each such official joins the article's [`Roster`]:
//! an actor that rolls up to that state, holds that office, and is found again
//! by family name later in the article (`Bourita said`, `ブリタ氏は`).
//!
//! The titles are data (`officials.toml`); the construction is code.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use crate::gazetteer::{Entry, EntryIndex, Form, Gazetteer, Mention, Office};
use crate::model::{Actor, ActorId, ActorKind, Lang};
use crate::script::is_katakana;

const TITLES: &str = include_str!("officials.toml");

/// The honorific that marks a Japanese family name as a person's (`ブリタ氏`).
const HONORIFIC: &str = "氏";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TitlesFile {
    title: Vec<TitleDef>,
    english: EnglishDef,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TitleDef {
    office: String,
    en: Vec<String>,
    ja: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnglishDef {
    minister_word: String,
    not_names: Vec<String>,
    name_particles: Vec<String>,
    not_in_office: Vec<String>,
}

/// The titles of both languages, longest first, each with its office.
#[derive(Debug)]
pub(crate) struct Titles {
    en: Vec<(String, String)>,
    /// Positions in `en` by the lower-cased first byte of the title: a title
    /// is looked for among the few that could start the text.
    en_by_initial: HashMap<u8, Vec<usize>>,
    ja: Vec<(String, String)>,
    minister_word: String,
    not_names: HashSet<String>,
    particles: HashSet<String>,
    /// Words before a title that say its holder is out of office (`former`).
    not_in_office: HashSet<String>,
}

impl Titles {
    /// The built-in titles.
    pub(crate) fn builtin() -> Self {
        let file: TitlesFile =
            toml::from_str(TITLES).expect("the built-in officials table is valid (tested)");
        let mut en = Vec::new();
        let mut ja = Vec::new();
        for t in file.title {
            en.extend(t.en.into_iter().map(|w| (w, t.office.clone())));
            ja.extend(t.ja.into_iter().map(|w| (w, t.office.clone())));
        }
        for list in [&mut en, &mut ja] {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let mut en_by_initial: HashMap<u8, Vec<usize>> = HashMap::new();
        for (i, (w, _)) in en.iter().enumerate() {
            let initial = w.as_bytes().first().map(u8::to_ascii_lowercase);
            en_by_initial
                .entry(initial.expect("titles are not empty"))
                .or_default()
                .push(i);
        }
        Titles {
            en,
            en_by_initial,
            ja,
            minister_word: file.english.minister_word,
            not_names: file.english.not_names.into_iter().collect(),
            particles: file.english.name_particles.into_iter().collect(),
            not_in_office: file.english.not_in_office.into_iter().collect(),
        }
    }

    /// The length of one lower-case word before a title (`Yemen's exiled
    /// President`), zero when there is none, `None` when it says the holder
    /// is out of office (`former`, `late`).
    fn in_office_word(&self, rest: &str) -> Option<usize> {
        let word = first_word(rest);
        if !word.starts_with(|c: char| c.is_ascii_lowercase()) || self.english_at(rest).is_some() {
            return Some(0);
        }
        if self.not_in_office.contains(word) {
            return None;
        }
        rest[word.len()..].strip_prefix(' ').map(|_| word.len() + 1)
    }

    /// The listed English title (and its office) that starts `rest`, the
    /// longest first, in any letter case: some outlets write it in lower case
    /// (`Cuban president Raul Castro`).
    fn english_listed(&self, rest: &str) -> Option<&(String, String)> {
        let initial = rest.as_bytes().first()?.to_ascii_lowercase();
        self.en_by_initial
            .get(&initial)?
            .iter()
            .map(|&i| &self.en[i])
            .find(|(w, _)| {
                rest.get(..w.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(w))
                    && starts_word(&rest[w.len()..], "")
            })
    }

    /// The English title that starts `rest`, and its office: a listed form,
    /// else one or two capitalised words and `Minister` (Trade Minister).
    fn english_at<'t>(&'t self, rest: &str) -> Option<(usize, &'t str)> {
        if let Some((w, office)) = self.english_listed(rest) {
            return Some((w.len(), office));
        }
        let mut len = 0;
        for _ in 0..2 {
            let word = first_word(&rest[len..]);
            if !word.starts_with(|c: char| c.is_ascii_uppercase()) || word.len() < 3 {
                return None;
            }
            len += word.len();
            let after = &rest[len..];
            if let Some(tail) = after.strip_prefix(' ')
                && starts_word(tail, &self.minister_word)
            {
                return Some((len + 1 + self.minister_word.len(), "minister"));
            }
            len += after.strip_prefix(' ').map(|_| 1)?;
        }
        None
    }
}

/// The officials named so far in one article, numbered after the gazetteer's
/// entries so that an [`EntryIndex`] may point at either.
#[derive(Debug)]
pub(crate) struct Roster {
    base: usize,
    entries: Vec<Entry>,
    by_id: HashMap<ActorId, EntryIndex>,
}

/// The gazetteer and an article's roster, looked up as one table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Actors<'a> {
    gazetteer: &'a Gazetteer,
    roster: &'a Roster,
}

impl<'a> Actors<'a> {
    /// The gazetteer's actors and the roster's officials.
    pub(crate) fn new(gazetteer: &'a Gazetteer, roster: &'a Roster) -> Self {
        Actors { gazetteer, roster }
    }

    /// The entry of a gazetteer actor or a named official.
    pub(crate) fn entry(&self, index: EntryIndex) -> &'a Entry {
        let i = index as usize;
        match i.checked_sub(self.roster.base) {
            Some(k) => &self.roster.entries[k],
            None => self.gazetteer.entry(index),
        }
    }

    /// The entry of a canonical id.
    pub(crate) fn index_of(&self, id: &ActorId) -> Option<EntryIndex> {
        self.gazetteer
            .index_of(id)
            .or_else(|| self.roster.by_id.get(id).copied())
    }
}

impl Roster {
    /// An empty roster for an article read with `gazetteer`.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Self {
        Roster {
            base: gazetteer.entries().len(),
            entries: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    /// The mentions of officials in one sentence of `text`: those it names
    /// with a title (who join the roster) and those named before, by family
    /// name. `mentions` are the gazetteer's, which an official never overlaps.
    pub(crate) fn find(
        &mut self,
        titles: &Titles,
        text: &str,
        range: std::ops::Range<usize>,
        mentions: &[Mention],
        gazetteer: &Gazetteer,
        lang: Lang,
    ) -> Vec<Mention> {
        let mut found = Vec::new();
        for m in mentions {
            let state = gazetteer.entry(m.entry);
            let body = state.actor.kind == ActorKind::Organization;
            if !(body || state.actor.kind == ActorKind::Country) || m.form == Form::Abbreviation {
                continue;
            }
            let named = match lang {
                Lang::En => english_official(titles, text, m, range.end, body)
                    .or_else(|| english_apposition(titles, text, m, range.clone())),
                _ => japanese_official(titles, text, m, range.end),
            };
            let Some(named) = named else { continue };
            // `UN Ambassador X`, `NATO ambassador X`: a state's envoy to the body.
            if body && named.office == "ambassador" {
                continue;
            }
            if mentions
                .iter()
                .any(|o| o.start < named.end && named.start < o.end)
            {
                continue;
            }
            if let Some(entry) = self.enrol(&named, &state.actor.id) {
                found.push(Mention {
                    entry,
                    start: named.start,
                    end: named.end,
                    form: Form::Name,
                });
            }
        }
        self.find_again(titles, text, range, mentions, &mut found);
        found.sort_by_key(|m| m.start);
        found
    }

    /// Adds an official (once per id) and returns its entry.
    fn enrol(&mut self, named: &Named, state: &ActorId) -> Option<EntryIndex> {
        let id = ActorId::new(&named.id).ok()?;
        if let Some(&e) = self.by_id.get(&id) {
            return Some(e);
        }
        let index = EntryIndex::try_from(self.base + self.entries.len()).ok()?;
        let (name, name_ja) = match named.lang {
            Lang::En => (named.surface.clone(), String::new()),
            _ => (String::new(), named.surface.clone()),
        };
        let mut entry = Entry::new(Actor {
            id: id.clone(),
            kind: ActorKind::Person,
            country: Some(state.clone()),
            name,
        });
        entry.name_ja = name_ja;
        match named.lang {
            Lang::En => entry.family_en.push(named.family.clone()),
            _ => entry.family_ja.push(named.family.clone()),
        }
        // A Japanese name gives only a romanized id (ブリタ: `person:burita`),
        // not the spelling the press uses (Bourita), so it yields no
        // `leader_of` of its own; its claims still roll up to its state.
        if named.lang == Lang::En {
            entry.offices.push(Office {
                office_of: state.clone(),
                role: named.office.to_owned(),
                start: String::new(),
                end: None,
            });
        }
        self.entries.push(entry);
        self.by_id.insert(id, index);
        Some(index)
    }

    /// Officials named before, found again by family name: English as a whole
    /// capitalised word, Japanese only with a title or honorific after it.
    fn find_again(
        &self,
        titles: &Titles,
        text: &str,
        range: std::ops::Range<usize>,
        mentions: &[Mention],
        found: &mut Vec<Mention>,
    ) {
        let sentence = &text[range.clone()];
        for (k, entry) in self.entries.iter().enumerate() {
            let index = (self.base + k) as EntryIndex;
            let families = entry.family_en.iter().chain(&entry.family_ja);
            for family in families {
                for (at, _) in sentence.match_indices(family.as_str()) {
                    let (start, end) = (range.start + at, range.start + at + family.len());
                    let taken = |m: &Mention| m.start < end && start < m.end;
                    if mentions.iter().any(taken) || found.iter().any(taken) {
                        continue;
                    }
                    let japanese = entry.family_en.is_empty();
                    let bounded = if japanese {
                        let after = &text[end..range.end];
                        let before = text[..start].chars().next_back();
                        !before.is_some_and(is_katakana)
                            && (after.starts_with(HONORIFIC)
                                || titles.ja.iter().any(|(t, _)| after.starts_with(t.as_str())))
                    } else {
                        word_bounded(text, start, end)
                    };
                    if bounded {
                        found.push(Mention {
                            entry: index,
                            start,
                            end,
                            form: Form::Family,
                        });
                    }
                }
            }
        }
    }
}

/// A person a title names: where, how they are written, and their id.
#[derive(Debug)]
struct Named {
    start: usize,
    end: usize,
    surface: String,
    family: String,
    id: String,
    office: String,
    lang: Lang,
}

/// `Moroccan Foreign Minister Nasser Bourita`, `Israel's Defence Minister Yoav
/// Gallant`, `UN deputy spokesman Farhan Haq`: a demonym, a name and `'s`, or
/// a body's name (`body`), then a title, then a name of two to five words,
/// each capitalised but for particles (`al`, `von`).
fn english_official(
    titles: &Titles,
    text: &str,
    m: &Mention,
    limit: usize,
    body: bool,
) -> Option<Named> {
    let mut at = m.end;
    let rest = &text[at..limit];
    at += match m.form {
        Form::Adjective => rest.strip_prefix(' ').map(|_| 1)?,
        Form::Name if body && rest.starts_with(' ') => 1,
        _ => ["'s ", "’s "]
            .iter()
            .find(|p| rest.starts_with(*p))
            .map(|p| p.len())?,
    };
    at += titles.in_office_word(&text[at..limit])?;
    let (len, office) = titles.english_at(&text[at..limit])?;
    at += len;
    // `Georgian president, Mikheil Saakashvili`: a comma may set the name off.
    at += [", ", " "]
        .iter()
        .find(|p| text[at..limit].starts_with(*p))
        .map(|p| p.len())?;
    let start = at;
    let mut words: Vec<&str> = Vec::new();
    let mut end = start;
    while words.len() < 5 {
        let word = first_word(&text[end..limit]);
        let word = word.trim_end_matches(['.', ',', ';', ':', ')']);
        let word = ["'s", "’s"]
            .iter()
            .find_map(|p| word.strip_suffix(*p))
            .unwrap_or(word);
        let capital = word.starts_with(|c: char| c.is_uppercase());
        let particle = titles.particles.contains(word)
            || word.split_once('-').is_some_and(|(p, rest)| {
                titles.particles.contains(p) && rest.starts_with(char::is_uppercase)
            });
        if word.is_empty() || !(capital || particle) || titles.not_names.contains(word) {
            break;
        }
        words.push(word);
        end += word.len();
        if !text[end..limit].starts_with(' ') {
            break;
        }
        end += 1;
    }
    // A name ends in a name word: `al-Assaf` is one, a bare `al` is not.
    while words.last().is_some_and(|w| titles.particles.contains(*w)) {
        words.pop();
    }
    let capitals = words
        .iter()
        .filter(|w| !titles.particles.contains(**w))
        .count();
    if capitals < 2 {
        return None;
    }
    named_english(start, &words, office)
}

/// `Nasser Bourita, the Moroccan foreign minister,` / `Yoav Gallant, Israel's
/// defence minister`: a name, a comma, then the state and a title in lower
/// case or capitals.
fn english_apposition(
    titles: &Titles,
    text: &str,
    m: &Mention,
    range: std::ops::Range<usize>,
) -> Option<Named> {
    let after = &text[m.end..range.end];
    let title_at = match m.form {
        Form::Adjective => after.strip_prefix(' ')?,
        _ => ["'s ", "’s "].iter().find_map(|p| after.strip_prefix(*p))?,
    };
    let (_, office) = titles.english_listed(title_at)?;
    let head = text[range.start..m.start]
        .strip_suffix("the ")
        .unwrap_or(&text[range.start..m.start]);
    let head = head.strip_suffix(", ")?;
    let words: Vec<&str> = head.rsplit(' ').take(5).collect();
    let mut name: Vec<&str> = Vec::new();
    for w in words {
        let capital = w.starts_with(char::is_uppercase) && !titles.not_names.contains(w);
        if !(capital || titles.particles.contains(w)) || w.ends_with([',', '.', ';', ':']) {
            break;
        }
        name.push(w);
    }
    name.reverse();
    while name
        .first()
        .is_some_and(|w| !w.starts_with(char::is_uppercase))
    {
        name.remove(0);
    }
    if name
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count()
        < 2
    {
        return None;
    }
    let surface = name.join(" ");
    let end = range.start + head.len();
    let start = end - surface.len();
    named_english(start, &name, office)
}

/// The official an English name gives: id from the family name (the last
/// word) and the given names.
fn named_english(start: usize, words: &[&str], office: &str) -> Option<Named> {
    let surface = words.join(" ");
    let family = (*words.last()?).to_owned();
    let id_words: Vec<String> = words
        .iter()
        .map(|w| ascii_id_word(w))
        .collect::<Option<_>>()?;
    let id = person_id(&id_words)?;
    Some(Named {
        start,
        end: start + surface.len(),
        surface,
        family,
        id,
        office: office.to_owned(),
        lang: Lang::En,
    })
}

/// `モロッコのブリタ外相`, `イスラエルのカッツ外相`: a state, `の`, a name in
/// katakana, then a title.
fn japanese_official(titles: &Titles, text: &str, m: &Mention, limit: usize) -> Option<Named> {
    let rest = &text[m.end..limit];
    let skip = if rest.starts_with('の') {
        'の'.len_utf8()
    } else {
        0
    };
    let start = m.end + skip;
    let name_len: usize = text[start..limit]
        .chars()
        .take_while(|&c| is_katakana(c) || c == 'ー' || c == '・')
        .map(char::len_utf8)
        .sum();
    let surface = text[start..start + name_len].trim_end_matches('・');
    if surface.chars().count() < 2 || surface.starts_with(['・', 'ー']) {
        return None;
    }
    let end = start + surface.len();
    let (_, office) = titles
        .ja
        .iter()
        .find(|(t, _)| text[end..limit].starts_with(t.as_str()))?;
    let parts: Vec<&str> = surface.split('・').filter(|p| !p.is_empty()).collect();
    let romaji: Vec<String> = parts.iter().map(|p| romanize(p)).collect::<Option<_>>()?;
    let id = person_id(&romaji)?;
    Some(Named {
        start,
        end,
        surface: surface.to_owned(),
        family: (*parts.last()?).to_owned(),
        id,
        office: office.clone(),
        lang: Lang::Ja,
    })
}

/// The ontology's person id for a name written given names first: the family
/// name (the last word), then the given names (`person:bourita-nasser`).
fn person_id(words: &[String]) -> Option<String> {
    let (family, given) = words.split_last()?;
    let mut id = format!("person:{family}");
    for g in given {
        id.push('-');
        id.push_str(g);
    }
    Some(id)
}

/// The text up to the first space.
fn first_word(s: &str) -> &str {
    s.split(' ').next().unwrap_or("")
}

/// True when `s` starts with `word` and then a non-letter.
fn starts_word(s: &str, word: &str) -> bool {
    s.strip_prefix(word)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A name word as an id word: lower case ASCII (accents dropped), hyphens
/// kept; `None` for a word in another script.
fn ascii_id_word(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '-' && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        } else if !matches!(c, '\'' | '’' | '.') {
            return None;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    (!out.is_empty()).then_some(out)
}

/// The base letter of a Latin letter with a diacritic (é → e).
fn fold_accent(c: char) -> char {
    const FROM: &str = "àáâãäåāăąçćčďèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśşšţťùúûüūůűųýÿźżžÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚĞÌÍÎÏĪĮİŁÑŃŇÒÓÔÕÖØŌŐŔŘŚŞŠŢŤÙÚÛÜŪŮŰŲÝŸŹŻŽ";
    const TO: &str = "aaaaaaaaacccdeeeeeeeegiiiiiiilnnnoooooooorrssssttuuuuuuuuyyzzzAAAAAAAAACCCDEEEEEEEEGIIIIIIILNNNOOOOOOOORRSSSSTTUUUUUUUUYYZZZ";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Katakana to Hepburn-like romaji (ブリタ → burita): enough for an id; the
/// English spelling a newspaper uses may differ.
fn romanize(kana: &str) -> Option<String> {
    const DIGRAPHS: &[(&str, &str)] = &[
        ("キャ", "kya"),
        ("キュ", "kyu"),
        ("キョ", "kyo"),
        ("シャ", "sha"),
        ("シュ", "shu"),
        ("ショ", "sho"),
        ("シェ", "she"),
        ("チャ", "cha"),
        ("チュ", "chu"),
        ("チョ", "cho"),
        ("チェ", "che"),
        ("ニャ", "nya"),
        ("ニュ", "nyu"),
        ("ニョ", "nyo"),
        ("ヒャ", "hya"),
        ("ヒュ", "hyu"),
        ("ヒョ", "hyo"),
        ("ミャ", "mya"),
        ("ミュ", "myu"),
        ("ミョ", "myo"),
        ("リャ", "rya"),
        ("リュ", "ryu"),
        ("リョ", "ryo"),
        ("ギャ", "gya"),
        ("ギュ", "gyu"),
        ("ギョ", "gyo"),
        ("ジャ", "ja"),
        ("ジュ", "ju"),
        ("ジョ", "jo"),
        ("ジェ", "je"),
        ("ビャ", "bya"),
        ("ビュ", "byu"),
        ("ビョ", "byo"),
        ("ピャ", "pya"),
        ("ピュ", "pyu"),
        ("ピョ", "pyo"),
        ("ファ", "fa"),
        ("フィ", "fi"),
        ("フェ", "fe"),
        ("フォ", "fo"),
        ("ティ", "ti"),
        ("ディ", "di"),
        ("デュ", "dyu"),
        ("トゥ", "tu"),
        ("ドゥ", "du"),
        ("ウィ", "wi"),
        ("ウェ", "we"),
        ("ウォ", "wo"),
        ("ヴァ", "va"),
        ("ヴィ", "vi"),
        ("ヴェ", "ve"),
        ("ヴォ", "vo"),
        ("ツァ", "tsa"),
        ("イェ", "ye"),
    ];
    const SINGLE: &str = "アaイiウuエeオoカkaキkiクkuケkeコkoサsaシshiスsuセseソsoタtaチchiツtsuテteトtoナnaニniヌnuネneノnoハhaヒhiフfuヘheホhoマmaミmiムmuメmeモmoヤyaユyuヨyoラraリriルruレreロroワwaヲoンnガgaギgiグguゲgeゴgoザzaジjiズzuゼzeゾzoダdaヂjiヅzuデdeドdoバbaビbiブbuベbeボboパpaピpiプpuペpeポpoヴvuァaィiゥuェeォo";
    let mut out = String::new();
    let mut rest = kana;
    let mut double = false;
    while let Some(c) = rest.chars().next() {
        if c == 'ッ' {
            double = true;
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c == 'ー' {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let (syllable, used) = match DIGRAPHS.iter().find(|(k, _)| rest.starts_with(k)) {
            Some((k, r)) => ((*r).to_owned(), k.len()),
            None => {
                let at = SINGLE.find(c)?;
                let tail = &SINGLE[at + c.len_utf8()..];
                let latin: String = tail.chars().take_while(char::is_ascii_lowercase).collect();
                (latin, c.len_utf8())
            }
        };
        if double && let Some(first) = syllable.chars().next() {
            out.push(first);
        }
        double = false;
        out.push_str(&syllable);
        rest = &rest[used..];
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn katakana_names_romanize_for_ids() {
        assert_eq!(romanize("ブリタ").as_deref(), Some("burita"));
        assert_eq!(romanize("カッツ").as_deref(), Some("kattsu"));
        assert_eq!(romanize("ショルツ").as_deref(), Some("shorutsu"));
        assert_eq!(romanize("Abc"), None);
    }

    #[test]
    fn name_words_fold_to_ascii_ids() {
        assert_eq!(ascii_id_word("Sánchez").as_deref(), Some("sanchez"));
        assert_eq!(ascii_id_word("al-Assaf").as_deref(), Some("al-assaf"));
        assert_eq!(ascii_id_word("O'Brien").as_deref(), Some("obrien"));
        assert_eq!(ascii_id_word("Путин"), None);
    }

    #[test]
    fn titles_load_and_ministries_are_read_from_the_word_before_minister() {
        let t = Titles::builtin();
        assert_eq!(
            t.english_at("Foreign Minister Nasser"),
            Some((16, "foreign_minister"))
        );
        assert_eq!(t.english_at("Trade Minister Simon"), Some((14, "minister")));
        assert_eq!(
            t.english_at("Prime Minister Anwar").map(|x| x.1),
            Some("head_of_government")
        );
        assert_eq!(t.english_at("forces said"), None);
    }
}
