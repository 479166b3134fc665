//! Sentence splitting for Japanese and English news text.
//!
//! Every line break ends a sentence (headlines, captions and paragraphs are lines).
//! Japanese sentences end at `。` `!` `?` outside quotes 「」『』 and parentheses;
//! English ones at `.` `!` `?` before white space and a capital, digit or quote,
//! unless the word before the period is an abbreviation (U.S., Mr., Jan.) or an
//! initial (George W. Bush).

/// Words that end with a period without ending a sentence (without the period).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Capt", "Cmdr", "Adm", "Sgt",
    "Maj", "Sen", "Rep", "Gov", "Prof", "Rev", "Pres", "No", "Nos", "vs", "Inc", "Corp", "Co",
    "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "U.S", "U.N", "U.K", "E.U", "U.S.A", "a.m", "p.m", "approx", "est", "Mt", "Ft", "Gov't",
];

/// A sentence: its byte range in the (normalized) text.
pub type SentenceRange = std::ops::Range<usize>;

/// Splits `text` into trimmed, non-empty sentences.
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
            out.push(s + lead..e - trail);
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            '\n' => {
                push(start, i, &mut out);
                start = i + 1;
                depth = 0;
            }
            '「' | '『' | '(' | '【' | '“' => depth += 1,
            '」' | '』' | ')' | '】' | '”' => depth = depth.saturating_sub(1),
            // Headlines separate clauses with a (full-width) space: 会談　同盟を確認.
            ' ' | '\u{3000}'
                if text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(super::is_japanese_char)
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(super::is_japanese_char) =>
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
                    .is_some_and(super::is_japanese_char);
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
                        || super::is_japanese_char(n)
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
    fn lines_are_sentences() {
        assert_eq!(
            pieces("Headline here\n\nBody one. Body two."),
            ["Headline here", "Body one.", "Body two."]
        );
    }
}
