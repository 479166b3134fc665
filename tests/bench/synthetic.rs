//! The seeded synthetic store the benchmarks share: 1,000,000 evidence records
//! imitating news (40,000 articles of 40 sentences of about 140 bytes, 250
//! actors and 27 relations drawn with a skew, a quarter of the records hedged or
//! negated, some attributed).
#![allow(dead_code)]

use diplograph::graph::KnowledgeGraph;
use diplograph::model::{Actor, ActorId, ArticleId, Claim, Date, Evidence, Relation, Span};

pub(crate) const EVIDENCE: usize = 1_000_000;
const ARTICLES: u64 = 40_000;
const SENTENCES: u64 = 40;

/// splitmix64: a fixed seed gives the same store on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// An index below `n`, small ones far more likely (cube of a uniform draw).
fn skewed(rng: &mut Rng, n: u64) -> u64 {
    let u = rng.below(1 << 24) as f64 / f64::from(1 << 24);
    ((u * u * u) * n as f64) as u64
}

pub(crate) fn actor_id(i: u64) -> ActorId {
    // 250 ids of the organization form, plus persons.
    let s = if i % 10 == 9 {
        format!("person:leader-{}", i / 10)
    } else {
        let a = |k: u64| (b'A' + (k % 26) as u8) as char;
        format!("{}{}{}{}", a(i / 26 / 26), a(i / 26), a(i), i % 10)
    };
    ActorId::new(&s).expect("generated ids are valid")
}

fn sentence_text(rng: &mut Rng, article: u64, s: u64) -> String {
    const WORDS: &str = "officials said the talks on sanctions would resume after ministers \
        met in the capital to discuss arms deliveries and aid ハノイで 首脳会談 が 開かれた";
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut t = format!("Article {article}, sentence {s}:");
    while t.len() < 140 {
        t.push(' ');
        t.push_str(words[rng.below(words.len() as u64) as usize]);
    }
    t.push('.');
    t
}

pub(crate) fn synthetic() -> KnowledgeGraph {
    synthetic_part(0, EVIDENCE)
}

/// Part `part` of a bigger synthetic store: `evidence` records of its own
/// articles (ids from `part * 40,000` on), seeded by `part`.
pub(crate) fn synthetic_part(part: u64, evidence: usize) -> KnowledgeGraph {
    synthetic_articles(part, evidence, ARTICLES)
}

/// [`synthetic_part`] with its records drawn from `articles` articles only
/// (at most 40,000): 25 records an article or more reach nearly all of them.
pub(crate) fn synthetic_articles(part: u64, evidence: usize, articles: u64) -> KnowledgeGraph {
    let articles = articles.min(ARTICLES);
    let mut rng = Rng(0x5eed + part);
    let mut g = KnowledgeGraph::new();
    let date = Date::new(2024, 6, 19).expect("a valid date");
    while g.evidence_count() < evidence {
        let article = part * ARTICLES + rng.below(articles);
        let sentence = rng.below(SENTENCES);
        // News is skewed: a few states appear in most claims.
        let (s, t) = (skewed(&mut rng, 250), skewed(&mut rng, 250));
        if s == t {
            continue;
        }
        let relation = Relation::ALL[skewed(&mut rng, Relation::ALL.len() as u64) as usize];
        let start = (sentence * 141 + rng.below(60)) as usize;
        let flags = rng.below(8);
        let text = sentence_text(&mut Rng(article * 1000 + sentence), article, sentence);
        g.insert_claim(&Claim {
            source: Actor::from_id(actor_id(s)),
            relation,
            target: Actor::from_id(actor_id(t)),
            negated: flags == 0,
            hedged: flags == 1,
            attributed_to: if rng.below(10) == 0 {
                vec![actor_id(rng.below(250))]
            } else {
                vec![]
            },
            evidence: Evidence {
                article: ArticleId(format!("{article:016x}")),
                title: Some(format!("Headline of article {article}")),
                url: None,
                date: (rng.below(4) != 0).then_some(date),
                sentence: sentence as u32,
                span: Span::new(start, start + 40 + rng.below(80) as usize),
                text,
                lang: None,
            },
        });
    }
    g
}
