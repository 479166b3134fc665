//! The vocabulary of diplograph: actors, relations, claims and their evidence.
//!
//! Owns the invariants every other module relies on: actor ids are validated
//! against the forms of the ontology (README, "The ontology"), relations know
//! their direction, class, event codes and meaning,
//! and a symmetric claim always stores its two ends in sorted order.
//! Must not touch I/O, petgraph, clap, bincode or dot-writer.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a string is not a valid value of one of the model's types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The string is not a canonical actor id.
    #[error(
        "`{0}` is not an actor id: use ISO alpha-3 (RUS), an upper-case organization id (NATO) or person:family-given"
    )]
    ActorId(String),
    /// The string names no relation of the ontology.
    #[error("`{0}` is not a relation; known relations: {known}", known = Relation::names().join(", "))]
    Relation(String),
    /// The string names no actor kind.
    #[error("`{0}` is not an actor kind: use country, organization, group or person")]
    ActorKind(String),
    /// The string names no role of `leader_of`.
    #[error(
        "`{0}` is not a role: use head_of_state, head_of_government, minister, spokesperson, ambassador, envoy or official"
    )]
    Role(String),
    /// The string is not a `YYYY-MM-DD` date.
    #[error("`{0}` is not a date: use YYYY-MM-DD")]
    Date(String),
}

/// The canonical id of an actor: `RUS`, `NATO`, `WEST`, `person:putin-vladimir`.
///
/// Upper-case letters and digits (1 to 16 of them) for states, organizations and
/// groups; `person:` followed by lower-case ASCII words joined by hyphens for persons.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ActorId(String);

impl ActorId {
    /// Validates `s` as an actor id.
    pub fn new(s: &str) -> Result<Self, ModelError> {
        if Self::is_valid(s) {
            Ok(ActorId(s.to_owned()))
        } else {
            Err(ModelError::ActorId(s.to_owned()))
        }
    }

    fn is_valid(s: &str) -> bool {
        if let Some(name) = s.strip_prefix("person:") {
            !name.is_empty()
                && !name.starts_with('-')
                && !name.ends_with('-')
                && !name.contains("--")
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        } else {
            (1..=16).contains(&s.len())
                && s.as_bytes()[0].is_ascii_uppercase()
                && s.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        }
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for `person:` ids.
    pub fn is_person(&self) -> bool {
        self.0.starts_with("person:")
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for ActorId {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActorId::new(s)
    }
}

impl TryFrom<String> for ActorId {
    type Error = ModelError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if Self::is_valid(&s) {
            Ok(ActorId(s))
        } else {
            Err(ModelError::ActorId(s))
        }
    }
}

impl From<ActorId> for String {
    fn from(id: ActorId) -> String {
        id.0
    }
}

/// What sort of actor an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A state, present or former (ISO 3166-1 alpha-3 id).
    Country,
    /// An intergovernmental or national body (UN, NATO, KCNA).
    Organization,
    /// A collective that is no formal body (WEST).
    Group,
    /// A named person (a leader, minister or spokesperson).
    Person,
}

impl ActorKind {
    /// Every kind, in display order.
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Country,
        ActorKind::Organization,
        ActorKind::Group,
        ActorKind::Person,
    ];

    /// The ontology's name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
            ActorKind::Person => "person",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorKind {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| ModelError::ActorKind(s.to_owned()))
    }
}

/// An actor as the graph keeps it: who it is and which state it rolls up to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical id.
    pub id: ActorId,
    /// Kind of actor.
    pub kind: ActorKind,
    /// The state it rolls up to: its own id for a country, the served state for a
    /// person or national body, `None` for intergovernmental bodies and groups.
    pub country: Option<ActorId>,
    /// Display name (English), empty when unknown.
    pub name: String,
}

impl Actor {
    /// An actor with no display name; the kind is guessed from the id's form
    /// (three upper-case letters: country; `person:`: person; else organization).
    pub fn from_id(id: ActorId) -> Self {
        let kind = if id.is_person() {
            ActorKind::Person
        } else if id.as_str().len() == 3 && id.as_str().bytes().all(|b| b.is_ascii_uppercase()) {
            ActorKind::Country
        } else {
            ActorKind::Organization
        };
        let country = (kind == ActorKind::Country).then(|| id.clone());
        Actor {
            id,
            kind,
            country,
            name: String::new(),
        }
    }

    /// The id this actor counts as at state level: its country, else itself.
    pub fn state(&self) -> &ActorId {
        self.country.as_ref().unwrap_or(&self.id)
    }
}

/// Whether a relation's direction means something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `source -> target` is not `target -> source`.
    Directed,
    /// Stored and compared with the two ids in sorted order.
    Symmetric,
}

/// A standing relationship or a dated event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationClass {
    /// A standing relationship (alliance, membership).
    Tie,
    /// Something that happened (visit, sanctions).
    Event,
}

macro_rules! relations {
    ($($variant:ident = $name:literal, $dir:ident, $class:ident, $ends:literal, $cameo:literal, $plover:literal, $doc:literal;)*) => {
        /// A typed relation of the ontology (README, "The ontology"; `diplograph ontology`).
        ///
        /// Stored files keep the ontology name, never the variant index, so the order
        /// here may change; names must not.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Relation {
            $(#[doc = $doc] $variant,)*
        }

        impl Relation {
            /// Every relation, in ontology order.
            pub const ALL: &'static [Relation] = &[$(Relation::$variant,)*];

            /// The ontology name (`arms_supply`).
            pub fn as_str(self) -> &'static str {
                match self { $(Relation::$variant => $name,)* }
            }

            /// Symmetric or directed.
            pub fn direction(self) -> Direction {
                match self { $(Relation::$variant => Direction::$dir,)* }
            }

            /// Tie or event.
            pub fn class(self) -> RelationClass {
                match self { $(Relation::$variant => RelationClass::$class,)* }
            }

            /// What the two ends are: `imposer -> target`, or `symmetric`.
            pub fn ends(self) -> &'static str {
                match self { $(Relation::$variant => $ends,)* }
            }

            /// The nearest CAMEO event codes (`163`), `-` when none fits.
            pub fn cameo(self) -> &'static str {
                match self { $(Relation::$variant => $cameo,)* }
            }

            /// The nearest PLOVER event type (`SANCTION`), `-` when none fits.
            pub fn plover(self) -> &'static str {
                match self { $(Relation::$variant => $plover,)* }
            }

            /// What the relation means, in one sentence.
            pub fn meaning(self) -> &'static str {
                match self { $(Relation::$variant => $doc,)* }
            }
        }
    };
}

// The one table of the ontology: `diplograph ontology` prints it and the
// README's relation table is generated from it (a test keeps them equal).
relations! {
    Alliance = "alliance", Symmetric, Tie, "symmetric", "057", "COOPERATE", "Formal alliance or mutual-defence pact.";
    MilitaryCooperation = "military_cooperation", Symmetric, Tie, "symmetric", "062", "COOPERATE", "Security or military cooperation, joint exercises.";
    Cooperation = "cooperation", Symmetric, Tie, "symmetric", "03x, 061", "COOPERATE", "Partnership, friendly relations, economic cooperation.";
    Hostility = "hostility", Symmetric, Tie, "symmetric", "-", "-", "Rivalry, confrontation, enmity.";
    DiplomaticRelations = "diplomatic_relations", Symmetric, Tie, "symmetric", "-", "COOPERATE", "Establishing or holding diplomatic relations.";
    Membership = "membership", Directed, Tie, "member -> organization", "-", "-", "Member of a body.";
    LeaderOf = "leader_of", Directed, Tie, "person -> country or organization", "-", "-", "Holds an office of a state or body: head of state or government, minister, spokesperson, ambassador, envoy, official (the role is kept).";
    Visit = "visit", Directed, Event, "visitor -> host", "042, 043", "CONSULT", "State visit or trip.";
    Summit = "summit", Symmetric, Event, "symmetric", "040, 044, 046", "CONSULT", "Leaders' meeting or talks.";
    Agreement = "agreement", Symmetric, Event, "symmetric", "057", "AGREE", "Agreement, treaty signed, deal.";
    Sanctions = "sanctions", Directed, Event, "imposer -> target", "163", "SANCTION", "Sanctions, embargo, asset freeze, export ban.";
    ArmsSupply = "arms_supply", Directed, Event, "supplier -> recipient", "072", "AID", "Weapons, ammunition or missiles transferred.";
    MilitaryAid = "military_aid", Directed, Event, "giver -> receiver", "072", "AID", "Military or military-technical assistance, training.";
    EconomicAid = "economic_aid", Directed, Event, "giver -> receiver", "071", "AID", "Financial or economic assistance.";
    HumanitarianAid = "humanitarian_aid", Directed, Event, "giver -> receiver", "073", "AID", "Humanitarian assistance.";
    Trade = "trade", Directed, Event, "exporter -> importer", "061", "COOPERATE", "Exports, imports (reversed), trade flows.";
    Invasion = "invasion", Directed, Event, "aggressor -> victim", "190", "ASSAULT", "Invasion, war of aggression.";
    Attack = "attack", Directed, Event, "attacker -> target", "19x", "ASSAULT", "Strikes, shelling, military attack.";
    Annexation = "annexation", Directed, Event, "annexer -> state losing territory", "192", "ASSAULT", "Annexation or occupation of territory.";
    Veto = "veto", Directed, Event, "vetoing state -> body", "-", "REJECT", "Veto in a council.";
    Condemnation = "condemnation", Directed, Event, "critic -> target", "111", "ACCUSE", "Condemnation, criticism, denunciation.";
    Warning = "warning", Directed, Event, "warner -> warned", "13x", "THREATEN", "Warning or threat.";
    Expulsion = "expulsion", Directed, Event, "expeller -> expelled", "166", "SANCTION", "Expulsion or suspension from a body; expulsion of another state's diplomats.";
    Support = "support", Directed, Event, "supporter -> supported", "051", "SUPPORT", "Political backing, endorsement.";
    Invitation = "invitation", Directed, Event, "host -> invited", "-", "CONSULT", "Invitation to visit.";
    Deployment = "deployment", Directed, Event, "sending state -> state where forces go", "15x", "MOBILIZE", "Troops, forces or weapons stationed or sent abroad.";
    Recognition = "recognition", Directed, Event, "recognizing state -> recognized state", "054", "COOPERATE", "Diplomatic recognition of a state or government.";
}

impl Relation {
    /// True when the relation has no meaningful direction.
    pub fn is_symmetric(self) -> bool {
        self.direction() == Direction::Symmetric
    }

    /// True for acts done against their target (attacks, sanctions,
    /// accusations, threats, troops sent): PLOVER's hostile categories.
    pub fn is_hostile(self) -> bool {
        matches!(
            self.plover(),
            "ASSAULT" | "SANCTION" | "ACCUSE" | "THREATEN" | "MOBILIZE"
        )
    }

    /// True for help given to the target: aid of every kind and political
    /// backing.
    pub fn is_assistance(self) -> bool {
        self.plover() == "AID" || self == Relation::Support
    }

    /// Every ontology name, in order (for help and error messages).
    pub fn names() -> Vec<&'static str> {
        Relation::ALL.iter().map(|r| r.as_str()).collect()
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Relation {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Relation::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| ModelError::Relation(s.to_owned()))
    }
}

/// The office behind a `leader_of` relation (the claim format's `role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Head of state (president, monarch, supreme leader).
    HeadOfState,
    /// Head of government (prime minister, chancellor).
    HeadOfGovernment,
    /// A minister (foreign, defence ...).
    Minister,
    /// A spokesperson.
    Spokesperson,
    /// An ambassador.
    Ambassador,
    /// A special envoy.
    Envoy,
    /// Any other office (vice president, secretary-general, adviser ...).
    Official,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 7] = [
        Role::HeadOfState,
        Role::HeadOfGovernment,
        Role::Minister,
        Role::Spokesperson,
        Role::Ambassador,
        Role::Envoy,
        Role::Official,
    ];

    /// The claim format's name (`head_of_state`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::HeadOfState => "head_of_state",
            Role::HeadOfGovernment => "head_of_government",
            Role::Minister => "minister",
            Role::Spokesperson => "spokesperson",
            Role::Ambassador => "ambassador",
            Role::Envoy => "envoy",
            Role::Official => "official",
        }
    }

    /// The role of a gazetteer office (`foreign_minister`, `supreme_leader`,
    /// `secretary_general` ...): a role name is itself, `*_minister` is a
    /// minister, a supreme leader a head of state, anything else an official.
    pub fn from_office(office: &str) -> Role {
        if let Ok(r) = office.parse() {
            return r;
        }
        match office {
            "supreme_leader" | "monarch" | "president" => Role::HeadOfState,
            "prime_minister" | "premier" | "chancellor" => Role::HeadOfGovernment,
            o if o.ends_with("_minister") || o.ends_with("_secretary") => Role::Minister,
            o if o.ends_with("_envoy") => Role::Envoy,
            _ => Role::Official,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| ModelError::Role(s.to_owned()))
    }
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    /// Year (four digits).
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day, 1 to 31.
    pub day: u8,
}

impl Date {
    /// A validated date.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, ModelError> {
        let max_day = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year.is_multiple_of(4)
                && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => 0,
        };
        if (1..=9999).contains(&year) && (1..=max_day).contains(&day) {
            Ok(Date { year, month, day })
        } else {
            Err(ModelError::Date(format!("{year:04}-{month:02}-{day:02}")))
        }
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`, its digits written by hand: a timeline prints a date a
    /// row, and padded integers through `write!` cost as much as the rest
    /// of the row. A date out of `Date::new`'s range (its fields are public)
    /// takes the slow way, with the same output.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (self.year, u16::from(self.month), u16::from(self.day));
        if y > 9999 || m > 99 || d > 99 {
            return write!(f, "{y:04}-{m:02}-{d:02}");
        }
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let iso = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        // Like `write!` (and unlike `f.pad`), ignores width and fill.
        f.write_str(std::str::from_utf8(&iso).expect("ASCII digits"))
    }
}

impl FromStr for Date {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ModelError::Date(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u16>().map_err(|_| bad());
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).map_err(|_| bad())
    }
}

impl TryFrom<String> for Date {
    type Error = ModelError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

/// A byte range `[start, end)` into an article's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start after end");
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Span {
            start: clamp(start),
            end: clamp(end),
        }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// An article's id: the corpus record's id, or a hash of its normalized text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A language the extractor reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
    /// Korean.
    Ko,
    /// Chinese, simplified or traditional.
    Zh,
}

impl Lang {
    /// Every language, in code order.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ja, Lang::Ko, Lang::Zh];

    /// The ISO 639-1 code (`en`, `ja`, `ko`, `zh`), as the claim contract writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Zh => "zh",
        }
    }

    /// The language of a BCP 47 tag's primary subtag (`en-US`, `zh-Hant-TW`,
    /// `ja_JP`), case-insensitive; `None` for a language we do not read.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.as_str()))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An article to read: metadata and the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable id (see [`ArticleId`]).
    pub id: ArticleId,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date, when known.
    pub date: Option<Date>,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// Declared language, when known; otherwise decided by the article's scripts.
    pub lang: Option<Lang>,
    /// The original text; every span points into it.
    pub text: String,
}

/// One extracted or imported claim: `source -relation-> target`, with its flags and
/// the evidence that supports it. The JSONL claim format (README) is its
/// serialized form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Claim {
    /// Who acts (for symmetric relations: the smaller id).
    pub source: Actor,
    /// What relation.
    pub relation: Relation,
    /// Who is acted on (for symmetric relations: the larger id).
    pub target: Actor,
    /// The sentence denies it or refrains from it.
    pub negated: bool,
    /// The sentence reports it as expected, planned, alleged or analysed.
    pub hedged: bool,
    /// Who asserts it, when the sentence says so.
    pub attributed_to: Vec<ActorId>,
    /// The evidence: where the claim was read.
    pub evidence: Evidence,
}

impl Claim {
    /// Puts a symmetric claim's ends in sorted order (by id); a no-op for directed
    /// relations. Every constructor of claims calls this.
    pub fn normalized(mut self) -> Self {
        if self.relation.is_symmetric() && self.target.id < self.source.id {
            std::mem::swap(&mut self.source, &mut self.target);
        }
        self
    }

    /// The key of the edge this claim lands on.
    pub fn edge_key(&self) -> (ActorId, Relation, ActorId) {
        (
            self.source.id.clone(),
            self.relation,
            self.target.id.clone(),
        )
    }
}

/// Where a claim was read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// The article's id.
    pub article: ArticleId,
    /// The article's headline.
    pub title: Option<String>,
    /// The article's address.
    pub url: Option<String>,
    /// When it happened: a date stated in the sentence, else the article's date.
    pub date: Option<Date>,
    /// Index of the sentence in the article, 0-based.
    pub sentence: u32,
    /// Byte span into the original article text.
    pub span: Span,
    /// The sentence, as in the original.
    pub text: String,
    /// The sentence's language, when known (extraction sets it; the store
    /// does not keep it).
    pub lang: Option<Lang>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_ids_follow_the_ontology_forms() {
        for ok in [
            "RUS",
            "PRK",
            "NATO",
            "G7",
            "ARABLEAGUE",
            "person:kim-jong-un",
        ] {
            assert!(ActorId::new(ok).is_ok(), "{ok} should be valid");
        }
        for bad in [
            "rus",
            "",
            "person:",
            "person:Kim",
            "person:-a",
            "7G",
            "NATO!",
            "person:a--b",
        ] {
            assert!(ActorId::new(bad).is_err(), "{bad} should be invalid");
        }
    }

    #[test]
    fn relation_names_round_trip_and_symmetry_matches_ontology() {
        for r in Relation::ALL {
            assert_eq!(r.as_str().parse::<Relation>().unwrap(), *r);
        }
        let symmetric: Vec<_> = Relation::ALL
            .iter()
            .filter(|r| r.is_symmetric())
            .map(|r| r.as_str())
            .collect();
        assert_eq!(
            symmetric,
            [
                "alliance",
                "military_cooperation",
                "cooperation",
                "hostility",
                "diplomatic_relations",
                "summit",
                "agreement"
            ]
        );
        assert_eq!(Relation::ALL.len(), 27);
    }

    #[test]
    fn gazetteer_offices_map_onto_the_contract_roles() {
        assert_eq!(Role::from_office("head_of_state"), Role::HeadOfState);
        assert_eq!(Role::from_office("supreme_leader"), Role::HeadOfState);
        assert_eq!(Role::from_office("foreign_minister"), Role::Minister);
        assert_eq!(Role::from_office("defence_minister"), Role::Minister);
        assert_eq!(Role::from_office("spokesperson"), Role::Spokesperson);
        assert_eq!(Role::from_office("secretary_general"), Role::Official);
        assert_eq!(Role::from_office("vice_president"), Role::Official);
        assert!("minister".parse::<Role>().is_ok());
        assert!("king".parse::<Role>().is_err());
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(
            "2024-06-18".parse::<Date>().unwrap().to_string(),
            "2024-06-18"
        );
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2024-13-01".parse::<Date>().is_err());
        assert!("24-1-1".parse::<Date>().is_err());
    }

    #[test]
    fn symmetric_claims_are_stored_sorted() {
        let a = |s: &str| Actor::from_id(ActorId::new(s).unwrap());
        let claim = Claim {
            source: a("RUS"),
            relation: Relation::Summit,
            target: a("PRK"),
            negated: false,
            hedged: false,
            attributed_to: vec![],
            evidence: Evidence {
                article: ArticleId("x".into()),
                title: None,
                url: None,
                date: None,
                sentence: 0,
                span: Span::new(0, 1),
                text: String::new(),
                lang: None,
            },
        }
        .normalized();
        assert_eq!(claim.source.id.as_str(), "PRK");
        let directed = Claim {
            relation: Relation::Visit,
            ..claim.clone()
        };
        let swapped = Claim {
            source: claim.target.clone(),
            target: claim.source.clone(),
            ..directed
        }
        .normalized();
        assert_eq!(swapped.source.id.as_str(), "RUS");
    }
}
