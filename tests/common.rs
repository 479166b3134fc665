//! Shared helpers: claim generators for property tests, temp dirs, the binary.

use diplograph::model::{
    Actor, ActorId, ActorKind, ArticleId, Claim, Date, Evidence, Relation, Span,
};
use proptest::prelude::*;

/// The binary under test.
#[allow(dead_code)]
pub(crate) fn bin() -> assert_cmd::Command {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_diplograph"))
}

/// An actor from a small pool, with a name that may conflict between claims.
pub(crate) fn actor() -> impl Strategy<Value = Actor> {
    let ids = prop::sample::select(vec![
        ("RUS", ActorKind::Country, Some("RUS")),
        ("PRK", ActorKind::Country, Some("PRK")),
        ("UKR", ActorKind::Country, Some("UKR")),
        ("NATO", ActorKind::Organization, None),
        ("WEST", ActorKind::Group, None),
        ("person:kim-jong-un", ActorKind::Person, Some("PRK")),
    ]);
    let names = prop::sample::select(vec!["", "A", "B", "東京"]);
    let guessed = any::<bool>();
    (ids, names, guessed).prop_map(|((id, kind, country), name, guessed)| {
        let id = ActorId::new(id).expect("pool ids are valid");
        if guessed {
            Actor::from_id(id)
        } else {
            Actor {
                id,
                kind,
                country: country.map(|c| ActorId::new(c).expect("pool ids are valid")),
                name: name.to_owned(),
            }
        }
    })
}

/// A claim over small pools, so that generated claims often share actors, edges,
/// articles and spans. The sentence index follows the span, as in real articles.
pub(crate) fn claim() -> impl Strategy<Value = Claim> {
    let relation = prop::sample::select(Relation::ALL.to_vec());
    let article = prop::sample::select(vec!["a1", "a2", "b"]);
    let title = prop::option::of(prop::sample::select(vec!["T", "U"]));
    let date = prop::option::of(prop::sample::select(vec![(2024, 6, 19), (2022, 2, 24)]));
    let text = prop::sample::select(vec!["", "x said \"y\".", "露朝首脳会談。"]);
    let attributed = prop::collection::vec(prop::sample::select(vec!["USA", "KOR"]), 0..3);
    (
        (actor(), relation, actor()),
        (any::<bool>(), any::<bool>(), attributed),
        (article, title, date, 0u32..4, text),
    )
        .prop_filter("no self-loops", |((s, _, t), _, _)| s.id != t.id)
        .prop_map(
            |(
                (source, relation, target),
                (negated, hedged, attributed),
                (art, title, date, s, text),
            )| {
                Claim {
                    source,
                    relation,
                    target,
                    negated,
                    hedged,
                    attributed_to: attributed
                        .into_iter()
                        .map(|a| ActorId::new(a).expect("pool ids are valid"))
                        .collect(),
                    evidence: Evidence {
                        article: ArticleId(art.to_owned()),
                        title: title.map(str::to_owned),
                        url: None,
                        date: date
                            .map(|(y, m, d)| Date::new(y, m, d).expect("pool dates are valid")),
                        sentence: s,
                        span: Span::new(s as usize * 10, s as usize * 10 + 5),
                        text: text.to_owned(),
                        lang: None,
                    },
                }
            },
        )
}

/// A list of claims.
pub(crate) fn claims(max: usize) -> impl Strategy<Value = Vec<Claim>> {
    prop::collection::vec(claim(), 0..max)
}

/// A graph built from claims.
pub(crate) fn graph_of(claims: &[Claim]) -> diplograph::graph::KnowledgeGraph {
    let mut g = diplograph::graph::KnowledgeGraph::new();
    for c in claims {
        g.insert_claim(c);
    }
    g
}

/// A fresh temp dir for one test.
#[allow(dead_code)]
pub(crate) fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

/// The binary, with the store set explicitly and the environment cleaned.
#[allow(dead_code)]
pub(crate) fn bin_with_store(store: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = bin();
    cmd.env_remove("DIPLOGRAPH_STORE").arg("--store").arg(store);
    cmd
}

/// Imports JSONL claims (from stdin) into `store`, which must succeed.
#[allow(dead_code)]
pub(crate) fn import_claims(store: &std::path::Path, jsonl: impl Into<Vec<u8>>) {
    bin_with_store(store)
        .args(["import", "-"])
        .write_stdin(jsonl)
        .assert()
        .success();
}

/// Renders a DOT file with Graphviz's `dot -Tsvg` and returns the SVG; fails
/// the test, naming `what`, when Graphviz rejects the file or reports a syntax error.
#[allow(dead_code)]
pub(crate) fn dot_to_svg(file: &std::path::Path, what: &str) -> String {
    let out = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(file)
        .output()
        .expect("dot runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot rejected {what}: {stderr}");
    assert!(!stderr.contains("syntax error"), "{what}: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Three claims, as JSONL, over two articles (one denied, one hedged, Japanese text).
#[allow(dead_code)]
pub(crate) const CLAIMS: &str = r#"{"source":{"id":"PRK","kind":"country","country":"PRK"},"relation":"arms_supply","target":{"id":"RUS","kind":"country","country":"RUS"},"negated":false,"hedged":true,"attributed_to":["USA"],"article":"t1","date":"2024-06-17","sentence":0,"span":[0,40],"text":"Officials say shells were sent to Russia."}
{"source":{"id":"RUS","kind":"country","country":"RUS"},"relation":"summit","target":{"id":"PRK","kind":"country","country":"PRK"},"negated":false,"hedged":false,"attributed_to":[],"article":"t2","date":"2024-06-19","sentence":3,"span":[10,40],"text":"露朝首脳会談が平壌で開かれた。","title":"Talks \"in\" Pyongyang"}
{"source":{"id":"person:kim-jong-un","kind":"person","country":"PRK","name":"Kim Jong Un"},"relation":"visit","target":{"id":"RUS","kind":"country","country":"RUS"},"negated":true,"hedged":false,"attributed_to":[],"article":"t2","date":null,"sentence":4,"span":[41,80],"text":"Kim did not travel to Moscow.","title":"Talks \"in\" Pyongyang"}
"#;

/// 20 kB of seeded noise: sentences that barely compress, so that a store's
/// evidence outweighs everything else and its file runs to tens of MB.
pub(crate) fn noise(seed: u32) -> String {
    let mut x = u64::from(seed).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..20_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(
                b"abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,0123456789"
                    [(x % 64) as usize],
            )
        })
        .collect()
}
