//! NFKC normalization with a map back to the original bytes, so that every span
//! the extractor reports points into the article as it was written.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// A text in NFKC form, and where each of its bytes came from.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalized text.
    pub text: Cow<'a, str>,
    /// For each byte of `text` (and one past the end), the offset in the original;
    /// `None` when the original was already normalized.
    map: Option<Vec<u32>>,
}

impl<'a> Normalized<'a> {
    /// Normalizes `original`, char by char (combining sequences are rare in news
    /// text; normalizing per char keeps the offset map exact).
    pub fn new(original: &'a str) -> Self {
        if original.is_ascii() || is_nfkc_quick(original.chars()) == IsNormalized::Yes {
            return Normalized {
                text: Cow::Borrowed(original),
                map: None,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut buf = [0u8; 4];
        for (offset, c) in original.char_indices() {
            if is_stable(c) {
                text.push(c);
                map.extend(std::iter::repeat_n(offset as u32, c.len_utf8()));
                continue;
            }
            for n in std::iter::once(c).nfkc() {
                text.push_str(n.encode_utf8(&mut buf));
                map.extend(std::iter::repeat_n(offset as u32, n.len_utf8()));
            }
        }
        map.push(original.len() as u32);
        Normalized {
            text: Cow::Owned(text),
            map: Some(map),
        }
    }

    /// Replaces chars of the normalized text by others of the same UTF-8
    /// length (traditional Chinese by simplified, [`crate::simplify`]), so
    /// that the offset map stays exact; a replacement of another length is
    /// not made.
    pub fn fold_same_width(&mut self, fold: impl Fn(char) -> char) {
        let same_width = |c: char| Some(fold(c)).filter(|f| f.len_utf8() == c.len_utf8());
        if self
            .text
            .chars()
            .all(|c| same_width(c).is_none_or(|f| f == c))
        {
            return;
        }
        let folded = self
            .text
            .chars()
            .map(|c| same_width(c).unwrap_or(c))
            .collect();
        self.text = Cow::Owned(folded);
    }

    /// The original offset of a normalized start offset.
    pub fn original_start(&self, i: usize) -> usize {
        match &self.map {
            None => i,
            Some(m) => m[i] as usize,
        }
    }

    /// The original offset of a normalized end offset (exclusive): the end of the
    /// original char that produced the byte before `i`.
    pub fn original_end(&self, i: usize, original: &str) -> usize {
        match &self.map {
            None => i,
            Some(_) if i == 0 => 0,
            Some(m) => {
                let o = m[i - 1] as usize;
                o + original[o..].chars().next().map_or(0, char::len_utf8)
            }
        }
    }
}

/// Chars that NFKC never changes and that never combine with a neighbour:
/// ASCII, kana and CJK ideographs, which make up nearly all news text.
fn is_stable(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{7F}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | '\u{4E00}'..='\u{9FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_to_original_bytes() {
        let original = "Ｇ７サミット（イタリア）";
        let n = Normalized::new(original);
        assert_eq!(n.text, "G7サミット(イタリア)");
        let s = n.text.find("イタリア").unwrap();
        let e = s + "イタリア".len();
        let (os, oe) = (n.original_start(s), n.original_end(e, original));
        assert_eq!(&original[os..oe], "イタリア");
        let g = n.original_end(2, original);
        assert_eq!(&original[..g], "Ｇ７");
    }

    #[test]
    fn folding_keeps_spans_on_the_original_bytes() {
        let original = "（美國）對華制裁";
        let mut n = Normalized::new(original);
        n.fold_same_width(crate::simplify::simplified_char);
        assert_eq!(n.text, "(美国)对华制裁");
        let s = n.text.find("对华").unwrap();
        let (os, oe) = (
            n.original_start(s),
            n.original_end(s + "对华".len(), original),
        );
        assert_eq!(&original[os..oe], "對華");
    }

    #[test]
    fn normalized_text_is_borrowed() {
        assert!(matches!(
            Normalized::new("plain text").text,
            Cow::Borrowed(_)
        ));
    }
}
