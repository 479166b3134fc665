//! Query strings into typed, bounded arguments; every mistake is a 400 that
//! names the parameter and says what it takes.

use crate::model::{Date, Relation};
use crate::query::Filter;

/// Most parameters one request may carry.
const MAX_PARAMS: usize = 32;
/// Longest value of one parameter, in characters.
const MAX_VALUE_CHARS: usize = 200;

/// An API failure: the HTTP status and a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ApiError {
    /// The HTTP status.
    pub(super) status: u16,
    /// What went wrong and what to do.
    pub(super) message: String,
}

impl ApiError {
    /// A bad request (400).
    pub(super) fn bad(message: impl Into<String>) -> Self {
        ApiError {
            status: 400,
            message: message.into(),
        }
    }

    /// Nothing there (404).
    pub(super) fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: 404,
            message: message.into(),
        }
    }
}

/// The filter parameters every graph route takes.
pub(super) const FILTER: [&str; 8] = [
    "relation",
    "since",
    "until",
    "min_evidence",
    "include_negated",
    "asserted_only",
    "by_state",
    "role",
];

/// Decoded `key=value` pairs of a query string.
#[derive(Debug, Default)]
pub(super) struct Params {
    pairs: Vec<(String, String)>,
}

/// `%XX` and `+` decoded; invalid escapes or UTF-8 are an error.
fn decode(s: &str) -> Result<String, ApiError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| ApiError::bad(format!("`{s}`: bad %-escape")))?;
                out.push(hex);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ApiError::bad(format!("`{s}`: not UTF-8 once decoded")))
}

/// Decodes one path segment (`/api/actor/%E3%83%AD...`).
pub(super) fn decode_segment(s: &str) -> Result<String, ApiError> {
    decode(&s.replace('+', "%2B"))
}

impl Params {
    /// Parses a query string (without the `?`).
    pub(super) fn parse(query: &str) -> Result<Self, ApiError> {
        let mut pairs = Vec::new();
        for part in query.split('&').filter(|p| !p.is_empty()) {
            if pairs.len() == MAX_PARAMS {
                return Err(ApiError::bad(format!("more than {MAX_PARAMS} parameters")));
            }
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let (k, v) = (decode(k)?, decode(v)?);
            if v.chars().count() > MAX_VALUE_CHARS {
                return Err(ApiError::bad(format!(
                    "{k}: longer than {MAX_VALUE_CHARS} characters"
                )));
            }
            if pairs.iter().any(|(seen, _)| *seen == k) {
                return Err(ApiError::bad(format!("{k}: given twice; give it once")));
            }
            pairs.push((k, v));
        }
        Ok(Params { pairs })
    }

    /// Fails on any parameter not in `known`, listing what the route takes.
    pub(super) fn only(&self, known: &[&str]) -> Result<&Self, ApiError> {
        match self
            .pairs
            .iter()
            .find(|(k, _)| !known.contains(&k.as_str()))
        {
            Some((k, _)) => Err(ApiError::bad(format!(
                "{k}: unknown parameter; this route takes {}",
                known.join(", ")
            ))),
            None => Ok(self),
        }
    }

    /// A parameter's value, when given.
    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
    }

    /// A parameter that must be given and not empty.
    pub(super) fn required(&self, key: &str) -> Result<&str, ApiError> {
        self.get(key)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| ApiError::bad(format!("{key}: missing; give {key}=...")))
    }

    /// A count between 0 and `max`, `default` when not given.
    pub(super) fn count(&self, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.get(key).filter(|v| !v.is_empty()) else {
            return Ok(default);
        };
        match v.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(ApiError::bad(format!(
                "{key} `{v}`: not a whole number from 0 to {max}"
            ))),
        }
    }

    /// A flag: absent, `0`/`false` off; empty, `1`/`true` on.
    pub(super) fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.get(key) {
            None | Some("0" | "false") => Ok(false),
            Some("" | "1" | "true") => Ok(true),
            Some(v) => Err(ApiError::bad(format!("{key} `{v}`: write 1 or 0"))),
        }
    }

    fn date(&self, key: &str) -> Result<Option<Date>, ApiError> {
        self.get(key)
            .filter(|v| !v.is_empty())
            .map(|v| {
                v.parse::<Date>().map_err(|_| {
                    ApiError::bad(format!("{key} `{v}`: not a date; write YYYY-MM-DD"))
                })
            })
            .transpose()
    }

    /// The filter parameters ([`FILTER`]) as a query filter; `relation` takes
    /// a comma-separated list, `!name` excluding one.
    pub(super) fn filter(&self) -> Result<Filter, ApiError> {
        let mut filter = Filter::default();
        for name in self.list("relation") {
            let (out, name) = match name.strip_prefix('!') {
                Some(n) => (true, n),
                None => (false, name),
            };
            let r = parse_relation(name)?;
            if out {
                filter.excluded.push(r);
            } else {
                filter.relations.push(r);
            }
        }
        for role in self.list("role") {
            let r = role
                .to_lowercase()
                .replace('-', "_")
                .parse()
                .map_err(|e| ApiError::bad(format!("role: {e}")))?;
            filter.roles.push(r);
        }
        filter.since = self.date("since")?;
        filter.until = self.date("until")?;
        if let (Some(s), Some(u)) = (filter.since, filter.until)
            && s > u
        {
            return Err(ApiError::bad(format!(
                "since {s} is after until {u}; swap them"
            )));
        }
        filter.min_evidence = self.count("min_evidence", 0, 1_000_000)?;
        filter.include_negated = self.flag("include_negated")?;
        filter.asserted_only = self.flag("asserted_only")?;
        filter.by_state = self.flag("by_state")?;
        Ok(filter)
    }

    fn list(&self, key: &str) -> impl Iterator<Item = &str> {
        self.get(key)
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// A relation name as the ontology spells it (also `arms-supply`, `Sanctions`).
pub(super) fn parse_relation(s: &str) -> Result<Relation, ApiError> {
    s.trim()
        .to_lowercase()
        .replace('-', "_")
        .parse()
        .map_err(|_| {
            ApiError::bad(format!(
                "relation `{s}`: not in the ontology; use one of {}",
                Relation::names().join(", ")
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_japanese_are_decoded() {
        let p = Params::parse("q=%E3%83%AD%E3%82%B7%E3%82%A2&x=a+b").unwrap();
        assert_eq!(p.get("q"), Some("ロシア"));
        assert_eq!(p.get("x"), Some("a b"));
        assert_eq!(decode_segment("a+b%3A").unwrap(), "a+b:");
    }

    #[test]
    fn bad_parameters_are_400_with_the_name() {
        for (q, word) in [
            ("q=%E3%8", "escape"),
            ("q=%FF", "UTF-8"),
            ("a=1&a=2", "twice"),
        ] {
            let e = Params::parse(q).unwrap_err();
            assert!(e.status == 400 && e.message.contains(word), "{q}: {e:?}");
        }
        let p = Params::parse("depth=9&since=2025-13-01&relation=hugs&asserted_only=yes").unwrap();
        assert!(
            p.count("depth", 1, 3)
                .unwrap_err()
                .message
                .contains("depth")
        );
        assert!(p.filter().unwrap_err().message.contains("hugs"));
        assert!(
            p.flag("asserted_only")
                .unwrap_err()
                .message
                .contains("asserted_only")
        );
        assert!(p.only(&["depth"]).unwrap_err().message.contains("since"));
    }

    #[test]
    fn filter_reads_lists_dates_and_flags() {
        let p = Params::parse("relation=sanctions,!visit&since=2025-01-01&by_state=1").unwrap();
        let f = p.filter().unwrap();
        assert_eq!(f.relations, vec![Relation::Sanctions]);
        assert_eq!(f.excluded, vec![Relation::Visit]);
        assert!(f.by_state && !f.asserted_only && f.since.is_some());
        let swapped = Params::parse("since=2025-02-01&until=2025-01-01").unwrap();
        assert!(swapped.filter().unwrap_err().message.contains("swap"));
    }
}
