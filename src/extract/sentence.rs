//! Sentence splitting for Japanese and English news text.
//!
//! Every line break ends a sentence (headlines, captions and paragraphs are lines).
//! Japanese sentences end at `。` `!` `?` outside quotes 「」『』 and parentheses;
//! English and Korean ones at `.` `!` `?` before white space and a capital, digit,
//! quote or Hangul,
//! unless the word before the period is an abbreviation (U.S., Mr., Jan.) or an
//! initial (George W. Bush).

/// Words that end with a period without ending a sentence (without the period).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Capt", "Cmdr", "Adm", "Sgt",
    "Maj", "Sen", "Rep", "Gov", "Prof", "Rev", "Pres", "No", "Nos", "vs", "Inc", "Corp", "Co",
    "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "U.S", "U.N", "U.K", "E.U", "U.S.A", "a.m", "p.m", "approx", "est", "Mt", "Ft", "Gov't",
];

/// The longest sentence the rules see, in bytes. Real news sentences stay well
/// below it (300 Japanese characters are 900 bytes); text without sentence
/// marks (a page of clauses joined by `、`, a list, noise) is cut into pieces
/// of at most this size, so that work per sentence is bounded and extraction
/// stays linear in the article.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// Clause marks a long sentence is preferably cut after.
const CLAUSE_MARKS: &[char] = &['、', '，', ',', ';', '；', '：', ':'];

/// A sentence: its byte range in the (normalized) text.
pub type SentenceRange = std::ops::Range<usize>;

/// Splits `text` into trimmed, non-empty sentences of at most
/// [`MAX_SENTENCE_BYTES`].
pub fn split(text: &str) -> Vec<SentenceRange> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut depth: u32 = 0;
    let push = |s: usize, e: usize, out: &mut Vec<SentenceRange>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < e - trail {
            push_bounded(text, s + lead..e - trail, out);
        }
    };
    for (i, &b) in bytes.iter().enumerate() {
        // Every char the rules look at is ASCII or starts with byte E2 or E3
        // (`“”`, CJK punctuation): the others are passed without decoding.
        let c = match b {
            0..=0x7F => char::from(b),
            0xE2 | 0xE3 => text[i..].chars().next().expect("a char starts here"),
            _ => continue,
        };
        match c {
            '\n' => {
                push(start, i, &mut out);
                start = i + 1;
                depth = 0;
            }
            '「' | '『' | '(' | '【' | '“' => depth += 1,
            '」' | '』' | ')' | '】' | '”' => depth = depth.saturating_sub(1),
            // Headlines separate clauses with a (full-width) space: 会談　同盟を確認.
            // A Japanese char is never ASCII: most spaces are passed on the
            // byte before them, without decoding it.
            ' ' | '\u{3000}'
                if i > 0
                    && !bytes[i - 1].is_ascii()
                    && text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(crate::script::is_japanese)
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(crate::script::is_japanese) =>
            {
                push(start, i, &mut out);
                start = i + c.len_utf8();
            }
            '。' if depth == 0 => {
                push(start, i + c.len_utf8(), &mut out);
                start = i + c.len_utf8();
            }
            '.' | '!' | '?' if depth == 0 || c != '.' => {
                let mut j = i + 1;
                // Closing quotes and brackets stay with the sentence they close.
                while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                    j += 1;
                }
                let next_is_japanese = text[j..]
                    .chars()
                    .next()
                    .is_some_and(crate::script::is_japanese);
                if next_is_japanese && c != '.' {
                    push(start, j, &mut out);
                    start = j;
                    continue;
                }
                if j >= bytes.len() || !bytes[j].is_ascii_whitespace() {
                    continue;
                }
                let rest = text[j..].trim_start_matches([' ', '\t']);
                let next = rest.chars().next();
                let starts_sentence = next.is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '\'' | '“' | '(')
                        || crate::script::is_japanese(n)
                        || crate::script::is_hangul(n)
                });
                if !starts_sentence && next != Some('\n') {
                    continue;
                }
                if c == '.' && ends_with_abbreviation(&text[start..i]) {
                    continue;
                }
                push(start, j, &mut out);
                start = j;
                depth = 0;
            }
            _ => {}
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// Pushes `range`, cut into pieces of at most [`MAX_SENTENCE_BYTES`]: after the
/// last clause mark of each window, else after its last white space, else at a
/// character boundary.
fn push_bounded(text: &str, range: SentenceRange, out: &mut Vec<SentenceRange>) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let cut = window
            .rfind(CLAUSE_MARKS)
            .map(|i| i + window[i..].chars().next().map_or(1, char::len_utf8))
            .or_else(|| window.rfind(char::is_whitespace).map(|i| i + 1))
            .filter(|&i| i > 0)
            .map_or(limit, |i| start + i);
        let piece = &text[start..cut];
        let trimmed = piece.trim_end();
        if !trimmed.is_empty() {
            out.push(start..start + trimmed.len());
        }
        start = cut;
        start += text[start..range.end].len() - text[start..range.end].trim_start().len();
    }
    if start < range.end {
        out.push(start..range.end);
    }
}

/// Wire agencies whose name closes a dateline in parentheses (`(ワシントン共同)`).
const DATELINE_AGENCIES: &[&str] = &[
    "共同",
    "時事",
    "ロイター",
    "AFP",
    "연합뉴스",
    "뉴시스",
    "新华社",
    "中新社",
];

/// The length in bytes of the dateline opening `sentence`, or 0: where the
/// reporter filed from is no actor of the story (`【ニューデリー=記者】`,
/// `(서울=연합뉴스)`, `(ワシントン共同)`, `KATHMANDU, Nepal (Reuters) -`,
/// `WASHINGTON — `). Text is normalized, so brackets and `=` are half-width.
pub(crate) fn dateline_len(sentence: &str) -> usize {
    bracketed_dateline(sentence).unwrap_or_else(|| capitals_dateline(sentence).unwrap_or(0))
}

/// `【都市=記者】`, `(都市=通信社)`, `(都市共同)`, `[都市 25日 ロイター]`: a
/// short bracket at the start holding `=` or closing with an agency.
fn bracketed_dateline(sentence: &str) -> Option<usize> {
    let close = match sentence.chars().next()? {
        '【' => '】',
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = sentence.find(close)?;
    let inside = &sentence[sentence.chars().next()?.len_utf8()..end];
    let dated = inside.contains('=') || DATELINE_AGENCIES.iter().any(|a| inside.ends_with(a));
    (dated && inside.chars().count() <= 24).then_some(end + close.len_utf8())
}

/// `WASHINGTON (Reuters) - `, `KATHMANDU, Nepal, April 26 (AP) — `: a place in
/// capitals, then at most a few words, then a dash.
fn capitals_dateline(sentence: &str) -> Option<usize> {
    let mut cut = sentence.len().min(80);
    while !sentence.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &sentence[..cut];
    let place = head
        .find(|c: char| !(c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-')))
        .map_or(head, |i| &head[..i]);
    let place_end = place.trim_end().len();
    let letters = head[..place_end]
        .chars()
        .filter(char::is_ascii_uppercase)
        .count();
    if letters < 3 {
        return None;
    }
    let (dash, len) = [" - ", " — ", " – ", " -- "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()?;
    // Between the place and the dash: nothing, or a comma or parenthesis
    // opening capitalized words and numbers (`, Kenya, April 26 (Reuters)`).
    let between = head.get(place_end..dash)?.trim_start();
    let aside = between
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '('));
    let opens = between.is_empty() || between.starts_with([',', '(']);
    (opens && aside && !between.contains(['.', '"'])).then_some(dash + len)
}

fn ends_with_abbreviation(head: &str) -> bool {
    let word = head
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let single_initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    single_initial || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn english_abbreviations_do_not_end_sentences() {
        assert_eq!(
            pieces(
                "Mr. Kim met U.S. envoys on Jan. 5 in Seoul. They talked. George W. Bush said so!"
            ),
            [
                "Mr. Kim met U.S. envoys on Jan. 5 in Seoul.",
                "They talked.",
                "George W. Bush said so!"
            ]
        );
    }

    #[test]
    fn japanese_quotes_keep_their_sentences() {
        assert_eq!(
            pieces("外相は「対話を続ける。制裁も続ける」と述べた。首相は訪米する。\n見出し"),
            [
                "外相は「対話を続ける。制裁も続ける」と述べた。",
                "首相は訪米する。",
                "見出し"
            ]
        );
    }

    #[test]
    fn long_runs_are_cut_at_clause_marks_into_bounded_pieces() {
        let clause = "日本は北朝鮮に制裁を科し、";
        let text = clause.repeat(1000);
        let ranges = split(&text);
        assert!(ranges.len() > 1);
        for r in &ranges {
            assert!(r.len() <= MAX_SENTENCE_BYTES, "{}", r.len());
            assert!(text[r.clone()].ends_with('、'));
        }
        assert_eq!(ranges.first().unwrap().start, 0);
        assert_eq!(ranges.last().unwrap().end, text.len());
        // No marks and no spaces: still cut, on character boundaries.
        let text = "ロシア".repeat(3000);
        assert!(split(&text).iter().all(|r| r.len() <= MAX_SENTENCE_BYTES
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)));
    }

    #[test]
    fn datelines_are_measured_in_every_script() {
        let cases = [
            (
                "【ロンドン=山田太郎】英国は対ロ制裁を発表した。",
                "【ロンドン=山田太郎】",
            ),
            ("(ワシントン共同)米国は…", "(ワシントン共同)"),
            ("(서울=연합뉴스) 한국은…", "(서울=연합뉴스)"),
            (
                "[ワシントン 25日 ロイター] – 米国は",
                "[ワシントン 25日 ロイター]",
            ),
            (
                "NAIROBI, Kenya (Reuters) - Kenya sent",
                "NAIROBI, Kenya (Reuters) - ",
            ),
            ("PARIS — France said", "PARIS — "),
        ];
        for (sentence, dateline) in cases {
            assert_eq!(&sentence[..dateline_len(sentence)], dateline, "{sentence}");
        }
        // Brackets that hold no dateline, and capitals that open a sentence.
        for sentence in [
            "(写真)英国は…",
            "【速報】英国は…",
            "NATO said on Monday - in a statement - that",
            "UN envoy. Then - later",
            "A dash - here",
        ] {
            assert_eq!(dateline_len(sentence), 0, "{sentence}");
        }
    }

    #[test]
    fn lines_are_sentences() {
        assert_eq!(
            pieces("Headline here\n\nBody one. Body two."),
            ["Headline here", "Body one.", "Body two."]
        );
    }
}
