//! NFKC normalization with a map back to the original bytes, so that every span
//! the extractor reports points into the article as it was written.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// A text in NFKC form, and where each of its bytes came from.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalized text.
    pub text: Cow<'a, str>,
    /// Where the bytes of `text` came from, as pieces in order; `None` when
    /// the original was already normalized.
    map: Option<Vec<Piece>>,
}

/// A run of the normalized text with one origin: copied bytes (each from the
/// original byte at the same distance), or the output of one original char.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Where the piece starts in the normalized text.
    start: u32,
    /// Where its source starts in the original.
    origin: u32,
    /// Whether the piece is a copy (offsets move together) or one char's
    /// normalization (every byte comes from that char).
    copied: bool,
}

impl<'a> Normalized<'a> {
    /// Normalizes `original`, char by char (combining sequences are rare in news
    /// text; normalizing per char keeps the offset map exact).
    pub fn new(original: &'a str) -> Self {
        // Most news text is stable chars throughout; the quick check is only
        // needed for the runs of other chars: a stable char never combines and
        // leaves the check as it starts, so each run can be checked alone.
        let normalized =
            unstable_runs(original).all(|(_, run)| is_nfkc_quick(run.chars()) == IsNormalized::Yes);
        if normalized {
            return Normalized {
                text: Cow::Borrowed(original),
                map: None,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::new();
        let mut copied_from = 0;
        let mut piece = |text: &mut String, origin: usize, copied: bool| {
            map.push(Piece {
                start: text.len() as u32,
                origin: origin as u32,
                copied,
            });
        };
        let unstable = unstable_runs(original)
            .flat_map(|(start, run)| run.char_indices().map(move |(i, c)| (start + i, c)));
        for (offset, c) in unstable {
            if copied_from < offset {
                piece(&mut text, copied_from, true);
                text.push_str(&original[copied_from..offset]);
            }
            piece(&mut text, offset, false);
            match full_width_ascii(c) {
                Some(ascii) => text.push(ascii),
                None => text.extend(std::iter::once(c).nfkc()),
            }
            copied_from = offset + c.len_utf8();
        }
        if copied_from < original.len() {
            piece(&mut text, copied_from, true);
            text.push_str(&original[copied_from..]);
        }
        Normalized {
            text: Cow::Owned(text),
            map: Some(map),
        }
    }

    /// The piece that holds the normalized byte `i`.
    fn piece_of(map: &[Piece], i: usize) -> Piece {
        map[map
            .partition_point(|p| p.start as usize <= i)
            .saturating_sub(1)]
    }

    /// Replaces chars of the normalized text by others of the same UTF-8
    /// length (traditional Chinese by simplified, [`crate::simplify`]), so
    /// that the offset map stays exact; a replacement of another length is
    /// not made.
    pub fn fold_same_width(&mut self, fold: impl Fn(char) -> char) {
        let changed = |c: char| Some(fold(c)).filter(|&f| f != c && f.len_utf8() == c.len_utf8());
        let Some(first) = self.text.find(|c| changed(c).is_some()) else {
            return;
        };
        // Same widths: the folded chars overwrite the bytes of the old ones.
        let mut bytes = self.text.as_bytes().to_vec();
        for (i, c) in self.text[first..].char_indices() {
            if let Some(f) = changed(c) {
                let at = first + i;
                f.encode_utf8(&mut bytes[at..at + c.len_utf8()]);
            }
        }
        let folded = String::from_utf8(bytes).expect("chars replaced by chars of their width");
        self.text = Cow::Owned(folded);
    }

    /// The original offset of a normalized start offset.
    pub fn original_start(&self, i: usize, original: &str) -> usize {
        match &self.map {
            None => i,
            Some(_) if i >= self.text.len() => original.len(),
            Some(m) => {
                let p = Self::piece_of(m, i);
                let moved = if p.copied { i - p.start as usize } else { 0 };
                p.origin as usize + moved
            }
        }
    }

    /// The original offset of a normalized end offset (exclusive): the end of the
    /// original char that produced the byte before `i`.
    pub fn original_end(&self, i: usize, original: &str) -> usize {
        match &self.map {
            None => i,
            Some(_) if i == 0 => 0,
            Some(m) => {
                let p = Self::piece_of(m, i - 1);
                let origin = p.origin as usize;
                if p.copied {
                    origin + (i - p.start as usize)
                } else {
                    origin + original[origin..].chars().next().map_or(0, char::len_utf8)
                }
            }
        }
    }
}

/// Chars that NFKC never changes and that never combine with a neighbour:
/// ASCII, kana, CJK ideographs, Hangul syllables and the CJK and typographic
/// punctuation that stands between them, which make up nearly all news text.
fn is_stable(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{7F}'
        | '\u{B7}'
        | '\u{2013}'..='\u{2014}'
        | '\u{2018}'..='\u{2019}'
        | '\u{201C}'..='\u{201D}'
        | '\u{3001}'..='\u{3002}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FC}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}')
}

/// The runs of chars that are not [`is_stable`], with their offsets. ASCII
/// bytes are passed over without decoding them: English text is decoded only
/// at its few other chars.
fn unstable_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = loop {
            if bytes.get(at)?.is_ascii() {
                at += bytes[at..].iter().position(|b| !b.is_ascii())?;
            }
            let c = text[at..].chars().next().expect("a char starts here");
            if !is_stable(c) {
                break at;
            }
            at += c.len_utf8();
        };
        while let Some(c) = text[at..].chars().next().filter(|&c| !is_stable(c)) {
            at += c.len_utf8();
        }
        Some((start, &text[start..at]))
    })
}

/// The ASCII char a full-width form stands for (`，` is `,`): NFKC maps the
/// block U+FF01..U+FF5E one to one onto U+0021..U+007E, and Chinese text is
/// full of them.
fn full_width_ascii(c: char) -> Option<char> {
    ('\u{FF01}'..='\u{FF5E}')
        .contains(&c)
        .then(|| char::from_u32(c as u32 - 0xFEE0))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unstable_runs_are_the_runs_between_stable_chars() {
        for text in [
            "",
            "plain",
            "Ｇ７ and ｶﾀｶﾅ",
            "é\u{301}x",
            "日本①②は",
            "①",
            "a①",
            "①a",
        ] {
            let runs: Vec<&str> = unstable_runs(text).map(|(_, run)| run).collect();
            let split: Vec<&str> = text.split(is_stable).filter(|r| !r.is_empty()).collect();
            assert_eq!(runs, split, "{text}");
            for (start, run) in unstable_runs(text) {
                assert_eq!(&text[start..start + run.len()], run);
            }
        }
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let original = "Ｇ７サミット（イタリア）";
        let n = Normalized::new(original);
        assert_eq!(n.text, "G7サミット(イタリア)");
        let s = n.text.find("イタリア").unwrap();
        let e = s + "イタリア".len();
        let (os, oe) = (n.original_start(s, original), n.original_end(e, original));
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
            n.original_start(s, original),
            n.original_end(s + "对华".len(), original),
        );
        assert_eq!(&original[os..oe], "對華");
    }

    #[test]
    fn the_fast_paths_agree_with_nfkc_char_by_char() {
        let stable = "米中、「会談」。“Talks”—ok·한미 정상회담・カタカナ";
        assert!(matches!(Normalized::new(stable).text, Cow::Borrowed(_)));
        for c in ('\u{FF01}'..='\u{FF5E}').chain(stable.chars()) {
            let one = c.to_string();
            let nfkc: String = one.nfkc().collect();
            assert_eq!(Normalized::new(&one).text, nfkc, "{c:?}");
        }
        assert_eq!(Normalized::new("中国，美国！").text, "中国,美国!");
    }

    /// The byte-by-byte map the pieces replace: for each normalized byte
    /// (and one past the end), its original offset.
    fn dense_map(original: &str) -> (String, Vec<usize>) {
        let (mut text, mut map) = (String::new(), Vec::new());
        for (offset, c) in original.char_indices() {
            for n in std::iter::once(c).nfkc() {
                text.push(n);
                map.extend(std::iter::repeat_n(offset, n.len_utf8()));
            }
        }
        map.push(original.len());
        (text, map)
    }

    proptest::proptest! {
        #[test]
        fn pieces_map_every_byte_as_the_dense_map_does(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '中', '國', 'あ', 'ア', '한', '，', '（', 'Ｇ', '…', '　',
                '\u{301}', '\u{3099}', 'ｱ', '①', '\u{11A8}', 'é', '“', '—',
            ]), 0..40)
        ) {
            let original: String = chars.into_iter().collect();
            let n = Normalized::new(&original);
            let (text, map) = dense_map(&original);
            proptest::prop_assert_eq!(&*n.text, text.as_str());
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(n.original_start(i, &original), map[i]);
                let end = if i == 0 { 0 } else {
                    map[i - 1] + original[map[i - 1]..].chars().next().map_or(0, char::len_utf8)
                };
                proptest::prop_assert_eq!(n.original_end(i, &original), end);
            }
        }
    }

    #[test]
    fn normalized_text_is_borrowed() {
        assert!(matches!(
            Normalized::new("plain text").text,
            Cow::Borrowed(_)
        ));
    }
}
