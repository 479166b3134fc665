//! Fuzz tests: generated documents that mix actor names of every script with
//! particles, cue words, punctuation, combining marks, emoji, bidi marks,
//! control characters and NUL. Whatever the input, extraction must not panic,
//! every span must sit on char boundaries inside the original text and quote
//! it, and every claim must join actors the gazetteer knows.
//!
//! Case counts keep the whole module well under two minutes in a debug build:
//! 5,000 mixed documents (up to 120 pieces), 2,200 Japanese-heavy ones (up to
//! 400 pieces, a few KB), 1,500 Korean-heavy ones (up to 300 pieces: names,
//! particles, compounds and cue words), 1,500 run through each article reader
//! (plain with front matter, HTML, JSONL record).
// See: issue 8

use std::sync::OnceLock;

use proptest::prelude::*;

use super::Extractor;
use super::article::{from_html, from_plain, from_record};
use crate::gazetteer::Gazetteer;
use crate::model::Article;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(Gazetteer::builtin()))
}

/// Pieces that are no names and no cues: grammar, punctuation and the
/// characters that break naive byte arithmetic.
const GLUE: &[&str] = &[
    "が",
    "は",
    "を",
    "に",
    "へ",
    "と",
    "の",
    "から",
    "も",
    "による",
    "への",
    "に対する",
    "に対し",
    "との",
    "で",
    "や",
    "・",
    "、",
    "。",
    "！",
    "？",
    "「",
    "」",
    "『",
    "』",
    "（",
    "）",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    ",",
    ".",
    ". ",
    "...",
    "…",
    ";",
    ":",
    "-",
    "—",
    " ",
    "  ",
    "　",
    "\n",
    "\r\n",
    "\n\n",
    "\t",
    " and ",
    " or ",
    " with ",
    " by ",
    " on ",
    " against ",
    " the ",
    " of ",
    " to ",
    " from ",
    " not ",
    " did not ",
    " is expected to ",
    " said ",
    " according to ",
    "'s ",
    "-led ",
    "した",
    "しない",
    "する",
    "された",
    "と述べた",
    // A quote closed before a verb of saying, then one-byte digits that move
    // the char boundaries a window after it must respect.
    "」と表明し、",
    "54年",
    // Joining an act told before, and the quotes and times around it.
    "も追随した",
    "に同調し",
    "도 동참했다",
    "에 동참",
    "也纷纷跟进",
    "没有跟进",
    " followed suit",
    "did not follow suit",
    "を呼び「",
    "之后",
    "課すと警告",
    "に対し、",
    "による攻撃を非難",
    "億円の支援",
    "억 달러 규모의 지원",
    "派遣了部队",
    "对台军售",
    "制裁を解除",
    " war between ",
    " sanctions on Russian ",
    "에 이어 ",
    "に続き、",
    "继",
    "之后，",
    "大統領令に署名",
    "행정명령에 서명",
    "签署了行政命令",
    " struck targets in ",
    " the draft ",
    "とみられる",
    "方針",
    "対",
    "訪",
    "産",
    "両国",
    "首相は",
    "大統領は",
    "氏",
    "\u{301}",
    "\u{308}",
    "\u{200D}",
    "\u{200B}",
    "\u{200E}",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "\u{FEFF}",
    "\u{0}",
    "\u{1B}[31m",
    "\u{7}",
    "\u{85}",
    "\u{2028}",
    "😀",
    "🇯🇵",
    "👩‍👩‍👧",
    "ｱ",
    "ﾞ",
    "ＡＢＣ",
    "１２",
    "㍻",
    "ﷺ",
    "ﬃ",
    "Å",
    "ǅ",
    "İ",
    "ß",
    "한미",
    "대북",
    "정상회담",
    "가",
    "이",
    "은",
    "는",
    "을",
    "를",
    "에",
    "에 대한",
    "와",
    "과",
    "의",
    "로부터",
    "에서",
    "도",
    "했다",
    "하지 않았다",
    "할 전망이다",
    "것으로 보인다",
    "라고 밝혔다",
    "에 따르면",
    "대",
    "방",
    "주",
    "한 ",
    "중인 ",
    "양국",
    "두 장관",
    " 대통령",
    "비롯한",
    "俄罗斯",
    "谴责",
    "對華",
    "2024年6月18日",
    "June 18, 2024",
    "18 June 2024",
    "U.S.",
    "Mr.",
    "<",
    ">",
    "&amp;",
    "<b>",
    "</p>",
    "<script>",
    "---",
    "title:",
    "#",
    "对",
    "向",
    "与",
    "同",
    "和",
    "跟",
    "对于",
    "由",
    "被",
    "遭到",
    "的",
    "将",
    "未",
    "表示",
    "据报道",
    "，",
    "、",
    "——",
    "「",
    "”",
    "两国",
];

/// Actor names of every script, and cue and flag words of every lexicon.
fn vocabulary() -> &'static [String] {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    V.get_or_init(|| {
        let gazetteer = Gazetteer::builtin();
        let mut words: Vec<String> = Vec::new();
        // Every fifth entry keeps the list small and still spans every kind.
        for entry in gazetteer.entries().iter().step_by(5) {
            words.extend(entry.aliases_en.iter().take(2).cloned());
            words.extend(entry.aliases_ja.iter().take(2).cloned());
            words.extend(entry.abbr_ja.iter().cloned());
            words.extend(entry.family_en.iter().cloned());
            words.extend(entry.family_ja.iter().cloned());
            words.extend(entry.adjectives_en.iter().take(1).cloned());
            words.extend(entry.aliases_ko.iter().take(2).cloned());
            words.extend(entry.abbr_ko.iter().cloned());
            words.extend(entry.family_ko.iter().cloned());
            // Chinese names in both scripts: as listed, and in traditional
            // characters where a listed simplified name has them.
            words.extend(entry.aliases_zh.iter().take(2).cloned());
            words.extend(entry.abbr_zh.iter().cloned());
            words.extend(entry.family_zh.iter().cloned());
        }
        words
            .extend(["對華", "習近平", "美國", "俄羅斯", "臺灣", "會談", "製裁"].map(String::from));
        for lexicon in [
            include_str!("lang/ja/lexicon.toml"),
            include_str!("lang/en/lexicon.toml"),
            include_str!("lang/ko/lexicon.toml"),
            include_str!("lang/zh/lexicon.toml"),
        ] {
            let value: toml::Value = toml::from_str(lexicon).expect("the lexicons parse (tested)");
            collect_strings(&value, &mut words);
        }
        words.retain(|w| !w.is_empty());
        words.sort();
        words.dedup();
        words
    })
}

fn collect_strings(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// A piece of a document: a name or cue (weight `words`), glue, or a random char.
fn piece(words: u32) -> impl Strategy<Value = String> {
    let vocab = vocabulary();
    prop_oneof![
        words => (0..vocab.len()).prop_map(move |i| vocab[i].clone()),
        4 => (0..GLUE.len()).prop_map(|i| GLUE[i].to_owned()),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn document(words: u32, max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(words), 0..max_pieces).prop_map(|p| p.concat())
}

/// Extracts and checks every claim against the article it came from.
fn check(article: &Article) -> Result<(), TestCaseError> {
    let gazetteer = extractor().gazetteer();
    for claim in extractor().extract(article) {
        let span = claim.evidence.span;
        let (start, end) = (span.start as usize, span.end as usize);
        prop_assert!(
            start <= end && end <= article.text.len(),
            "span {start}..{end}"
        );
        prop_assert!(
            article.text.is_char_boundary(start) && article.text.is_char_boundary(end),
            "span {start}..{end} splits a character"
        );
        // A headline the text does not hold is quoted with the empty span.
        let headline = (start, end) == (0, 0)
            && article
                .title
                .as_deref()
                .is_some_and(|t| t.contains(claim.evidence.text.as_str()));
        prop_assert!(
            headline || claim.evidence.text == article.text[start..end],
            "evidence {:?} is not the text at {start}..{end}",
            claim.evidence.text
        );
        for actor in [&claim.source, &claim.target] {
            // A gazetteer actor, or an official it named, serving a known state.
            let official = actor.id.is_person()
                && actor
                    .country
                    .as_ref()
                    .is_some_and(|s| gazetteer.get(s).is_some());
            prop_assert!(
                gazetteer.get(&actor.id).is_some() || official,
                "claim names an unknown actor {}",
                actor.id
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn mixed_documents_never_panic_and_spans_quote_the_text(text in document(6, 120)) {
        check(&from_plain(text))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2200, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn japanese_heavy_documents_never_panic(text in document(12, 400)) {
        let mut article = from_plain(text);
        article.lang = Some(crate::model::Lang::Ja);
        check(&article)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn korean_heavy_documents_never_panic(text in document(12, 300)) {
        let mut article = from_plain(text);
        article.lang = Some(crate::model::Lang::Ko);
        check(&article)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn chinese_heavy_documents_never_panic(text in document(12, 300)) {
        // Read as Chinese: folded to simplified, spans still on the original.
        let mut article = from_plain(text);
        article.lang = Some(crate::model::Lang::Zh);
        check(&article)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn every_article_reader_takes_any_text(text in document(3, 40), date in "[0-9-]{0,12}") {
        let front = format!("---\ntitle: {text}\ndate: {date}\n---\n{text}");
        check(&from_plain(front))?;
        check(&from_html(&format!("<html><title>{text}</title><script>{text}</script><p>{text}")))?;
        let record = serde_json::json!({"id": "x", "date": date, "text": text}).to_string();
        if let Ok(article) = from_record(&record) {
            check(&article)?;
        }
    }
}
