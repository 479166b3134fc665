//! What a question needs of an edge's evidence when it shows no sentence: the
//! records' counts by flag, their distinct articles and roles, their date range.
//!
//! A store keeps one [`EdgeSummary`] per edge in its graph section, so that
//! `stats`, `relations`, `who`, `path` and `top` answer without reading any
//! evidence. The same summary is computed from the records of an edge held in
//! memory, so a question gets one answer whichever way the graph was loaded.

use std::collections::HashSet;

use super::store::EvidenceList;
use crate::model::{Date, Role};

/// Counts and facts of one edge's evidence records, by flag class: a record is
/// negated when it denies the relation, else hedged when it hedges it, else
/// asserted (the classes [`super::EdgeCounts`] counts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EdgeSummary {
    /// Records stated as fact.
    pub asserted: u32,
    /// Records that hedge the relation (and do not deny it).
    pub hedged: u32,
    /// Records that deny it.
    pub negated: u32,
    /// Distinct articles among the asserted records, among the asserted and
    /// hedged ones, and among all records: the three record sets a
    /// [`crate::query::Filter`] without dates or roles can keep.
    pub articles: [u32; 3],
    /// The roles of the asserted, hedged and negated records (`leader_of`
    /// only), as bit sets over [`Role::ALL`].
    pub roles: [u8; 3],
    /// The earliest and latest evidence date (undated records aside).
    pub dates: Option<(Date, Date)>,
}

/// Which records a filter keeps when it looks at flags only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Only records stated as fact.
    Asserted,
    /// Records stated as fact or hedged: every record but denials.
    NotNegated,
    /// Every record.
    All,
}

impl Kept {
    /// How many of the three flag classes (asserted, hedged, negated) it keeps.
    fn classes(self) -> usize {
        match self {
            Kept::Asserted => 1,
            Kept::NotNegated => 2,
            Kept::All => 3,
        }
    }
}

/// The bit of a role in [`EdgeSummary::roles`].
pub fn role_bit(role: Role) -> u8 {
    let i = Role::ALL
        .iter()
        .position(|r| *r == role)
        .expect("every role is in Role::ALL");
    1 << i
}

impl EdgeSummary {
    /// The summary of records held in memory.
    pub(super) fn of(list: &EvidenceList) -> Self {
        let mut s = EdgeSummary::default();
        let mut articles: [HashSet<u32>; 3] = Default::default();
        for ((ax, _), rec) in list.iter() {
            let class = if rec.negated {
                s.negated += 1;
                2
            } else if rec.hedged {
                s.hedged += 1;
                1
            } else {
                s.asserted += 1;
                0
            };
            for set in &mut articles[class..] {
                set.insert(*ax);
            }
            if let Some(r) = rec.role {
                s.roles[class] |= role_bit(r);
            }
            if let Some(d) = rec.date {
                s.dates = Some(s.dates.map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
            }
        }
        s.articles = articles.map(|a| u32::try_from(a.len()).expect("fewer than 4 billion"));
        s
    }

    /// The summary of records with these counts and roles, all taken as one
    /// class (so [`EdgeSummary::kept`] with [`Kept::All`] gives them back),
    /// their dates unknown: the edges of a graph that shows counts only.
    pub fn counted(counts: super::EdgeCounts, roles: &[Role]) -> Self {
        let n = |x: usize| u32::try_from(x).expect("fewer than 4 billion records");
        let articles = n(counts.articles);
        let mask = roles.iter().fold(0, |m, r| m | role_bit(*r));
        EdgeSummary {
            asserted: n(counts.asserted),
            hedged: n(counts.hedged),
            negated: n(counts.negated),
            articles: [articles; 3],
            roles: [mask, 0, 0],
            dates: None,
        }
    }

    /// Number of records.
    pub fn evidence(&self) -> usize {
        (self.asserted + self.hedged + self.negated) as usize
    }

    /// The counts of the records `kept` keeps, and the distinct roles among them.
    pub fn kept(&self, kept: Kept) -> (super::EdgeCounts, Vec<Role>) {
        let n = kept.classes();
        let by_class = [self.asserted, self.hedged, self.negated].map(|c| c as usize);
        let mut c = super::EdgeCounts {
            asserted: by_class[0],
            hedged: if n > 1 { by_class[1] } else { 0 },
            negated: if n > 2 { by_class[2] } else { 0 },
            articles: self.articles[n - 1] as usize,
            evidence: 0,
        };
        c.evidence = c.asserted + c.hedged + c.negated;
        let mask = self.roles[..n].iter().fold(0, |m, r| m | r);
        let roles = Role::ALL
            .iter()
            .copied()
            .filter(|r| mask & role_bit(*r) != 0)
            .collect();
        (c, roles)
    }

    /// Adds the summary of records from other articles (an append never
    /// brings an article the store holds, so distinct articles add up).
    pub fn add_disjoint(&mut self, other: &EdgeSummary) {
        self.asserted += other.asserted;
        self.hedged += other.hedged;
        self.negated += other.negated;
        for i in 0..3 {
            self.articles[i] += other.articles[i];
            self.roles[i] |= other.roles[i];
        }
        self.dates = match (self.dates, other.dates) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (x, y) => x.or(y),
        };
    }
}
