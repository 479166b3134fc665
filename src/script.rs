//! Unicode scripts, one predicate each: which characters are kana, Han
//! ideographs, Hangul or Latin letters, and what language a text's scripts
//! point to. The gazetteer's matcher and the extractor's language choice both
//! ask here, so the two never disagree.

use crate::model::Lang;

/// Hiragana (`ぁ`..`ゟ`).
pub fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309F}')
}

/// Katakana, with the phonetic extensions; the middle dot `・` is punctuation.
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}') && c != '・'
}

/// Kana: hiragana or katakana (and the long-vowel mark `ー`).
pub fn is_kana(c: char) -> bool {
    is_hiragana(c) || is_katakana(c)
}

/// Han ideographs (CJK unified, extension A) and the repetition mark `々`.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

/// Kana or Han: the characters Japanese text is written in.
pub fn is_japanese(c: char) -> bool {
    is_kana(c) || is_han(c) || c == '・'
}

/// Hangul syllables and jamo.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Latin letters, ASCII or accented.
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
}

/// Letters counted by script in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Hiragana and katakana.
    pub kana: usize,
    /// Han ideographs.
    pub han: usize,
    /// Hangul.
    pub hangul: usize,
    /// Latin letters.
    pub latin: usize,
}

impl ScriptCounts {
    /// Counts the letters of `text`.
    pub fn of(text: &str) -> Self {
        // Most English sentences are ASCII: count their letters byte by byte.
        if text.is_ascii() {
            return ScriptCounts {
                latin: text.bytes().filter(u8::is_ascii_alphabetic).count(),
                ..ScriptCounts::default()
            };
        }
        let mut n = ScriptCounts::default();
        // The scripts are disjoint, so the order of the tests is free: the
        // common cases first.
        for c in text.chars() {
            if c.is_ascii() {
                n.latin += usize::from(c.is_ascii_alphabetic());
            } else if is_hangul(c) {
                n.hangul += 1;
            } else if is_han(c) {
                n.han += 1;
            } else if is_kana(c) {
                n.kana += 1;
            } else if is_latin(c) {
                n.latin += 1;
            }
        }
        n
    }

    /// The language an article's scripts point to: any kana is Japanese (a
    /// Japanese headline may have none, the body will); else Hangul is
    /// Korean; else Han is Chinese; else English.
    pub fn article_lang(self) -> Lang {
        if self.kana > 0 {
            Lang::Ja
        } else if self.hangul > 0 {
            Lang::Ko
        } else if self.han > 0 {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// True when `lang` can be written in the script most of these letters
    /// are in (a Japanese article's sentence of Han alone is still Japanese;
    /// an English quote in it is not).
    pub fn fits(self, lang: Lang) -> bool {
        let cjk = self.kana + self.han + self.hangul;
        match lang {
            Lang::En => self.latin >= cjk,
            Lang::Ja => self.kana + self.han > self.latin.max(self.hangul),
            Lang::Ko => self.hangul + self.han > self.latin.max(self.kana),
            Lang::Zh => self.han > self.latin.max(self.hangul) && self.kana == 0,
        }
    }

    /// The language of one sentence of an article in `article`: the
    /// article's, unless the sentence is written in another script.
    pub fn sentence_lang(self, article: Lang) -> Lang {
        if self.fits(article) || self.kana + self.han + self.hangul + self.latin == 0 {
            return article;
        }
        match self.article_lang() {
            // Han without kana inside a Japanese or Korean article stays with it.
            Lang::Zh if article != Lang::En => article,
            other if self.fits(other) => other,
            _ => Lang::En,
        }
    }
}

/// The language a whole text's scripts point to, as
/// [`ScriptCounts::article_lang`], stopping at the first kana.
pub fn text_lang(text: &str) -> Lang {
    if text.is_ascii() {
        return Lang::En;
    }
    let (mut hangul, mut han) = (false, false);
    for c in text.chars() {
        if is_kana(c) {
            return Lang::Ja;
        }
        hangul |= is_hangul(c);
        han |= is_han(c);
    }
    match (hangul, han) {
        (true, _) => Lang::Ko,
        (false, true) => Lang::Zh,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_take_the_language_of_their_scripts() {
        let lang = |t: &str| {
            let lang = ScriptCounts::of(t).article_lang();
            assert_eq!(text_lang(t), lang, "{t}");
            lang
        };
        assert_eq!(lang("日米首脳会談\n首相は訪米した。"), Lang::Ja);
        assert_eq!(lang("한미 정상회담 개최"), Lang::Ko);
        assert_eq!(lang("中美领导人会谈"), Lang::Zh);
        assert_eq!(lang("Japan and China met."), Lang::En);
    }

    #[test]
    fn a_sentence_keeps_its_articles_language_unless_its_script_differs() {
        let of = |t: &str, a| ScriptCounts::of(t).sentence_lang(a);
        // A Japanese headline without kana stays Japanese.
        assert_eq!(of("日米首脳会談", Lang::Ja), Lang::Ja);
        // One kanji in an English sentence does not make it Japanese.
        assert_eq!(
            of("Japan (日本) imposed sanctions on Russia.", Lang::En),
            Lang::En
        );
        // An English quote in a Japanese article goes to English.
        assert_eq!(
            of("\"We will not back down,\" he said.", Lang::Ja),
            Lang::En
        );
        // A Japanese sentence in an English article goes to Japanese.
        assert_eq!(of("首相は訪米した。", Lang::En), Lang::Ja);
        assert_eq!(of("한미 정상회담", Lang::Ja), Lang::Ko);
        assert_eq!(of("2024", Lang::Ko), Lang::Ko);
    }
}
