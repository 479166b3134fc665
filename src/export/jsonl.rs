//! The JSONL claim contract (README, "The JSONL claim format"): one claim, one JSON object, one line.
//!
//! Owns the exact field names and shapes the scorer and `diplograph import` read.
//! Serializes a [`Claim`] to a line and parses a line back; writes no files and
//! prints nothing (the caller does).
//!
//! Field order on output is the contract's: `source`, `relation`, `target`,
//! `negated`, `hedged`, `attributed_to`, `article`, `date`, `sentence`, `span`,
//! `text`, then `title` and `url` when the article has them. Actor objects are
//! `{id, kind, country}` plus `name` when the actor has a display name (an
//! optional extension readers may ignore).

use serde::{Deserialize, Deserializer, Serialize};

use crate::gazetteer::{ActorConflict, Gazetteer};
use crate::model::{
    Actor, ActorId, ActorKind, ArticleId, Claim, Date, Evidence, Relation, Role, Span,
};

/// Why a line is not a claim of the JSONL contract.
#[derive(Debug, thiserror::Error)]
pub enum JsonlError {
    /// Not JSON, or a field is missing, has the wrong type or an invalid value.
    #[error("not a claim: {}; see the JSONL claim format in README.md", without_line(.0))]
    Json(#[from] serde_json::Error),
    /// An end names an actor the gazetteer knows, differently.
    #[error("{end} {conflict}")]
    Actor {
        /// `source` or `target`.
        end: &'static str,
        /// How it contradicts the gazetteer.
        conflict: ActorConflict,
    },
    /// The span's start lies after its end.
    #[error("span [{start}, {end}] starts after it ends; write [start, end) byte offsets")]
    Span {
        /// The start given.
        start: u32,
        /// The end given.
        end: u32,
    },
    /// The claim links an actor to itself.
    #[error("source and target are both `{0}`; a claim needs two different actors")]
    SelfLoop(ActorId),
}

/// An actor as the contract reads it.
#[derive(Deserialize)]
struct ActorLine {
    id: ActorId,
    kind: ActorKind,
    #[serde(deserialize_with = "required_nullable")]
    country: Option<ActorId>,
    #[serde(default)]
    name: String,
}

/// An actor as the contract writes it, borrowed from the claim: writing a
/// line copies no string.
#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a ActorId,
    kind: ActorKind,
    country: &'a Option<ActorId>,
    #[serde(skip_serializing_if = "is_empty")]
    name: &'a str,
}

fn is_empty(s: &&str) -> bool {
    s.is_empty()
}

/// A claim as the contract writes it; field order is the output order.
#[derive(Serialize)]
struct ClaimLine<'a> {
    source: ActorOut<'a>,
    relation: Relation,
    target: ActorOut<'a>,
    negated: bool,
    hedged: bool,
    attributed_to: &'a [ActorId],
    article: &'a ArticleId,
    date: Option<Date>,
    sentence: u32,
    span: [u32; 2],
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    /// The sentence's language (`en`, `ja`, `ko`, `zh`); optional in the contract.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<Role>,
}

/// A claim line as `import` reads it: the full contract, or the minimal
/// hand-written form `{source, relation, target, article, text}` with ids as
/// plain strings and every other field defaulted.
#[derive(Deserialize)]
struct InputLine {
    source: ActorRef,
    relation: Relation,
    target: ActorRef,
    #[serde(default)]
    negated: bool,
    #[serde(default)]
    hedged: bool,
    #[serde(default)]
    attributed_to: Vec<ActorId>,
    article: ArticleId,
    #[serde(default)]
    date: Option<Date>,
    #[serde(default)]
    sentence: u32,
    #[serde(default)]
    span: Option<[u32; 2]>,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    role: Option<Role>,
    #[serde(default)]
    lang: Option<String>,
}

/// An end of a claim line: a full actor object or a plain id.
enum ActorRef {
    /// `"RUS"`: kind, state and name come from the gazetteer (or the id's form).
    Id(ActorId),
    /// `{id, kind, country}`, checked against the gazetteer.
    Full(ActorLine),
}

impl<'de> Deserialize<'de> for ActorRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = ActorRef;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an actor id or an object {id, kind, country}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ActorRef, E> {
                ActorId::new(v).map(ActorRef::Id).map_err(E::custom)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<ActorRef, A::Error> {
                ActorLine::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(ActorRef::Full)
            }
        }
        d.deserialize_any(Visit)
    }
}

impl ActorRef {
    fn id(&self) -> &ActorId {
        match self {
            ActorRef::Id(id) => id,
            ActorRef::Full(a) => &a.id,
        }
    }
}

/// A parsed claim line: the claim, and the `role` of a `leader_of` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRecord {
    /// The claim.
    pub claim: Claim,
    /// The office, when the line gives one (`leader_of` only).
    pub role: Option<Role>,
}

/// A serde error without its "at line 1": the caller numbers the lines.
fn without_line(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&position) {
        Some(message) => format!("{message} at column {}", e.column()),
        None => text,
    }
}

/// A field that must be present but may be `null` (serde would otherwise treat a
/// missing `Option` as `None`).
fn required_nullable<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d)
}

impl<'a> From<&'a Actor> for ActorOut<'a> {
    fn from(a: &'a Actor) -> Self {
        ActorOut {
            id: &a.id,
            kind: a.kind,
            country: &a.country,
            name: &a.name,
        }
    }
}

impl From<ActorLine> for Actor {
    fn from(a: ActorLine) -> Self {
        Actor {
            id: a.id,
            kind: a.kind,
            country: a.country,
            name: a.name,
        }
    }
}

/// Serializes one claim to one line of the contract, without the trailing newline.
///
/// # Example
///
/// ```
/// use diplograph::export::jsonl::{claim_from_line, claim_to_line};
/// let line = r#"{"source":{"id":"PRK","kind":"country","country":"PRK"},"relation":"arms_supply","target":{"id":"RUS","kind":"country","country":"RUS"},"negated":false,"hedged":true,"attributed_to":["USA"],"article":"a1","date":"2024-06-17","sentence":3,"span":[10,52],"text":"Officials say shells went north."}"#;
/// let claim = claim_from_line(line).unwrap();
/// assert_eq!(claim_to_line(&claim), line);
/// ```
pub fn claim_to_line(claim: &Claim) -> String {
    record_to_line(claim, None)
}

/// [`claim_to_line`] with the `role` of a `leader_of` claim (written when given).
pub fn record_to_line(claim: &Claim, role: Option<Role>) -> String {
    let e = &claim.evidence;
    let line = ClaimLine {
        source: (&claim.source).into(),
        relation: claim.relation,
        target: (&claim.target).into(),
        negated: claim.negated,
        hedged: claim.hedged,
        attributed_to: &claim.attributed_to,
        article: &e.article,
        date: e.date,
        sentence: e.sentence,
        span: [e.span.start, e.span.end],
        text: &e.text,
        title: e.title.as_deref(),
        url: e.url.as_deref(),
        lang: e.lang.map(|l| l.as_str()),
        role: role.filter(|_| claim.relation == Relation::LeaderOf),
    };
    serde_json::to_string(&line).expect("a claim line has only string keys and finite numbers")
}

/// Serializes claims as JSONL: one line each, every line ending in `\n`.
pub fn claims_to_jsonl<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Vec<u8> {
    records_to_jsonl(claims.into_iter().map(|c| (c, None)))
}

/// Serializes claims with their roles as JSONL.
pub fn records_to_jsonl<'a>(
    records: impl IntoIterator<Item = (&'a Claim, Option<Role>)>,
) -> Vec<u8> {
    let mut out = Vec::new();
    for (claim, role) in records {
        out.extend_from_slice(record_to_line(claim, role).as_bytes());
        out.push(b'\n');
    }
    out
}

/// Parses one line of the contract into a claim (symmetric ends put in sorted order).
///
/// Unknown fields are ignored. Besides the full contract, the minimal form
/// `{source, relation, target, article, text}` is read: an end may be a plain
/// id (`"RUS"`, its kind guessed from the id's form here), and the optional
/// fields default (`date` null, `attributed_to` empty, flags false, `sentence`
/// 0, `span` the whole text). A missing `source`, `relation`, `target`,
/// `article` or `text`, a bad id, relation, kind, role or date, a reversed span
/// or a self-loop is an error.
pub fn claim_from_line(line: &str) -> Result<Claim, JsonlError> {
    Ok(record_from_line(line, None)?.claim)
}

/// Parses one line like [`claim_from_line`], then checks both ends against the
/// gazetteer ([`Gazetteer::canonical_actor`]): a known actor keeps the
/// gazetteer's kind, state and name, and a line that contradicts them is an
/// error. A plain id takes the gazetteer's actor.
pub fn claim_from_line_checked(line: &str, gazetteer: &Gazetteer) -> Result<Claim, JsonlError> {
    Ok(record_from_line(line, Some(gazetteer))?.claim)
}

/// Parses one line into a claim and its `role`, checking the ends against the
/// gazetteer when one is given (see [`claim_from_line_checked`]).
pub fn record_from_line(
    line: &str,
    gazetteer: Option<&Gazetteer>,
) -> Result<ClaimRecord, JsonlError> {
    record_from_input(serde_json::from_str(line)?, gazetteer)
}

/// Reads a claim from a JSON object with the fields of a line, by the same
/// rules as [`record_from_line`]: the Parquet reader builds one per row.
pub fn record_from_value(
    value: serde_json::Value,
    gazetteer: Option<&Gazetteer>,
) -> Result<ClaimRecord, JsonlError> {
    record_from_input(serde_json::from_value(value)?, gazetteer)
}

fn record_from_input(
    l: InputLine,
    gazetteer: Option<&Gazetteer>,
) -> Result<ClaimRecord, JsonlError> {
    let [start, end] = match l.span {
        Some(span) => span,
        None => [0, u32::try_from(l.text.len()).unwrap_or(u32::MAX)],
    };
    if start > end {
        return Err(JsonlError::Span { start, end });
    }
    if l.source.id() == l.target.id() {
        return Err(JsonlError::SelfLoop(l.source.id().clone()));
    }
    let actor = |end: &'static str, r: ActorRef| -> Result<Actor, JsonlError> {
        match (r, gazetteer) {
            (ActorRef::Id(id), Some(g)) => Ok(g.actor(&id)),
            (ActorRef::Id(id), None) => Ok(Actor::from_id(id)),
            (ActorRef::Full(a), Some(g)) => g
                .canonical_actor(&a.into())
                .map_err(|conflict| JsonlError::Actor { end, conflict }),
            (ActorRef::Full(a), None) => Ok(a.into()),
        }
    };
    let claim = Claim {
        source: actor("source", l.source)?,
        relation: l.relation,
        target: actor("target", l.target)?,
        negated: l.negated,
        hedged: l.hedged,
        attributed_to: l.attributed_to,
        evidence: Evidence {
            article: l.article,
            title: l.title,
            url: l.url,
            date: l.date,
            sentence: l.sentence,
            span: Span { start, end },
            text: l.text,
            lang: l.lang.as_deref().and_then(crate::model::Lang::from_tag),
        },
    }
    .normalized();
    let role = l.role.filter(|_| claim.relation == Relation::LeaderOf);
    Ok(ClaimRecord { claim, role })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"{"source":{"id":"person:kim-jong-un","kind":"person","country":"PRK","name":"Kim Jong Un"},"relation":"visit","target":{"id":"RUS","kind":"country","country":"RUS"},"negated":false,"hedged":false,"attributed_to":[],"article":"n-17","date":null,"sentence":0,"span":[0,31],"text":"Kim said \"hello\" in 東京.","title":"A trip","url":"https://example.org/a"}"#;

    #[test]
    fn a_line_round_trips_byte_for_byte() {
        let claim = claim_from_line(LINE).unwrap();
        assert_eq!(claim.source.name, "Kim Jong Un");
        assert_eq!(claim.evidence.date, None);
        assert_eq!(claim_to_line(&claim), LINE);
    }

    #[test]
    fn an_actor_object_needs_its_country_even_when_null() {
        let no_country = LINE.replace(r#","country":"RUS""#, "");
        let err = claim_from_line(&no_country).unwrap_err().to_string();
        assert!(err.contains("missing field `country`"), "{err}");
        let no_text = LINE.replace(r#","text":"Kim said \"hello\" in 東京.""#, "");
        let err = claim_from_line(&no_text).unwrap_err().to_string();
        assert!(err.contains("missing field `text`"), "{err}");
    }

    // See: issue 14
    #[test]
    fn the_minimal_hand_written_form_defaults_the_optional_fields() {
        let g = Gazetteer::builtin();
        let line = r#"{"source": "RUS", "relation": "sanctions", "target": "USA", "article": "a1", "text": "Russia sanctioned US firms."}"#;
        let c = claim_from_line_checked(line, &g).unwrap();
        assert_eq!(c.source.name, "Russia");
        assert_eq!(c.source.kind, ActorKind::Country);
        assert_eq!(c.target.country.as_ref().unwrap().as_str(), "USA");
        assert_eq!((c.negated, c.hedged), (false, false));
        assert!(c.attributed_to.is_empty());
        assert_eq!(c.evidence.date, None);
        assert_eq!(c.evidence.sentence, 0);
        assert_eq!(c.evidence.span, Span::new(0, 27));
        let kim = r#"{"source": "person:kim-jong-un", "relation": "leader_of", "target": "PRK", "article": "a1", "text": "Kim.", "role": "head_of_state"}"#;
        let r = record_from_line(kim, Some(&g)).unwrap();
        assert_eq!(r.claim.source.country.as_ref().unwrap().as_str(), "PRK");
        assert_eq!(r.role, Some(Role::HeadOfState));
        assert!(record_to_line(&r.claim, r.role).ends_with(r#","role":"head_of_state"}"#));
        let bad = kim.replace("head_of_state", "king");
        assert!(record_from_line(&bad, Some(&g)).is_err());
        let unknown = r#"{"source": "XYZ", "relation": "visit", "target": "NATO", "article": "a", "text": "t"}"#;
        let c = claim_from_line_checked(unknown, &g).unwrap();
        assert_eq!(c.source.kind, ActorKind::Country);
    }

    #[test]
    fn title_and_url_are_optional_and_unknown_fields_ignored() {
        let bare = LINE.replace(
            r#","title":"A trip","url":"https://example.org/a""#,
            r#","extra":1"#,
        );
        let claim = claim_from_line(&bare).unwrap();
        assert_eq!(claim.evidence.title, None);
        assert!(!claim_to_line(&claim).contains("title"));
    }

    #[test]
    fn bad_values_are_named() {
        let bad_rel = LINE.replace("\"visit\"", "\"visits\"");
        assert!(
            claim_from_line(&bad_rel)
                .unwrap_err()
                .to_string()
                .contains("`visits`")
        );
        let bad_span = LINE.replace("[0,31]", "[31,0]");
        assert!(matches!(
            claim_from_line(&bad_span),
            Err(JsonlError::Span { .. })
        ));
        let bad_id = LINE.replace("\"RUS\",\"kind\"", "\"rus\",\"kind\"");
        assert!(
            claim_from_line(&bad_id)
                .unwrap_err()
                .to_string()
                .contains("`rus`")
        );
        let self_loop = LINE.replace("person:kim-jong-un", "RUS");
        assert!(matches!(
            claim_from_line(&self_loop),
            Err(JsonlError::SelfLoop(_))
        ));
        assert!(claim_from_line("not json").is_err());
    }

    #[test]
    fn json_errors_give_the_column_not_a_line() {
        let err = claim_from_line(r#"{"source": "not an actor"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("at column "), "{err}");
        assert!(!err.contains("line 1"), "{err}");
    }

    // See: issue 8
    #[test]
    fn a_checked_line_cannot_rewrite_a_known_actor() {
        let g = Gazetteer::builtin();
        let evil = LINE.replace(
            r#"{"id":"RUS","kind":"country","country":"RUS"}"#,
            r#"{"id":"RUS","kind":"organization","country":null,"name":"Evil"}"#,
        );
        assert!(
            claim_from_line(&evil).is_ok(),
            "the contract alone allows it"
        );
        let err = claim_from_line_checked(&evil, &g).unwrap_err();
        assert!(
            err.to_string().starts_with("target `RUS` is a country"),
            "{err}"
        );
        let claim = claim_from_line_checked(LINE, &g).unwrap();
        assert_eq!(claim.target.name, "Russia");
        assert_eq!(claim.source.name, "Kim Jong Un");
    }

    #[test]
    fn symmetric_claims_are_read_in_sorted_order() {
        let line = LINE
            .replace("\"visit\"", "\"summit\"")
            .replace("person:kim-jong-un", "USA");
        let line = line.replace(r#""country":"PRK""#, r#""country":"USA""#);
        let claim = claim_from_line(&line).unwrap();
        assert_eq!(claim.source.id.as_str(), "RUS");
        assert_eq!(claim.target.id.as_str(), "USA");
    }
}
