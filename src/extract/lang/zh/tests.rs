//! One-sentence cases of the Chinese rules, written for these tests.

use crate::extract::Extractor;
use crate::extract::article::from_plain;
use crate::gazetteer::Gazetteer;
use crate::model::Relation;

fn extractor() -> &'static Extractor {
    static E: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    E.get_or_init(|| Extractor::new(Gazetteer::builtin()))
}

/// `source relation target` at state level, with flags, for every non-leader claim.
fn claims(text: &str) -> Vec<String> {
    extractor()
        .extract(&from_plain(text.to_owned()))
        .iter()
        .filter(|c| c.relation != Relation::LeaderOf)
        .map(|c| {
            let mut s = format!("{} {} {}", c.source.state(), c.relation, c.target.state());
            if c.negated {
                s.push_str(" negated");
            }
            if c.hedged {
                s.push_str(" hedged");
            }
            if !c.attributed_to.is_empty() {
                let who: Vec<_> = c.attributed_to.iter().map(|a| a.as_str()).collect();
                s.push_str(&format!(" by {}", who.join(",")));
            }
            s
        })
        .collect()
}

#[test]
fn the_builtin_lexicon_loads() {
    let zh = super::Chinese::builtin();
    assert!(zh.size().0 > 27 && zh.size().1 > 200, "{:?}", zh.size());
}
