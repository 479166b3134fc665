//! One-sentence cases of the Korean rules, each a construction of the
//! language written for the test.

use crate::extract::Extractor;
use crate::extract::article::from_plain;
use crate::gazetteer::Gazetteer;

fn extractor() -> &'static Extractor {
    static E: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    E.get_or_init(|| Extractor::new(Gazetteer::builtin()))
}

/// The claims of `text` as `source relation target` lines at state level,
/// flags appended.
fn claims(text: &str) -> Vec<String> {
    let article = from_plain(text.to_owned());
    extractor()
        .extract(&article)
        .into_iter()
        .filter(|c| c.relation != crate::model::Relation::LeaderOf)
        .map(|c| {
            let mut s = format!("{} {} {}", c.source.state(), c.relation, c.target.state());
            if c.negated {
                s.push_str(" negated");
            }
            if c.hedged {
                s.push_str(" hedged");
            }
            if !c.attributed_to.is_empty() {
                let by: Vec<&str> = c.attributed_to.iter().map(|a| a.as_str()).collect();
                s.push_str(&format!(" by {}", by.join(",")));
            }
            s
        })
        .collect()
}

#[test]
fn subject_and_object_particles_give_source_and_target() {
    assert_eq!(claims("러시아가 우크라이나를 침공했다."), ["RUS invasion UKR"]);
}
