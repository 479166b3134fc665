//! Dates a sentence states, full or partial, and the evidence date they give.
//!
//! Owns reading time expressions in English, Japanese, Korean and Chinese
//! ([`Stated`]) and resolving them against the article's date ([`resolve`]).
//! Pure: a sentence and a date in, a date out; must not touch claims.
//!
//! What is read:
//! - full dates: `2024年6月18日`, `2024년 6월 18일`, `June 18, 2024`, `18 June 2024`;
//! - a year and month: `2024年6月`, `22年2月` and `00年7月` (two-digit years, as the
//!   Japanese press writes them), `平成30年`, `March 2022`, `昨年3月`, `지난해 3월`;
//! - a year: `2014年`, `2014년`, `in 2014`, `in early 2014`;
//! - a month or day without a year: `3月`, `3월`, `in March`, `6月18日`, `June 18`,
//!   `18日`, `18일`, `先月18日`, `지난 18일` (the most recent 18th);
//! - relative words: `昨年` `去年` `작년` `지난해` `last year`; `今年` `올해`
//!   `this year`; `先月` `上个月` `지난달` `last month`; `今月` `이번 달`
//!   `this month`; `last March`, `next March`; `昨日` `昨天` `어제` `yesterday`.
//!
//! What is deliberately not read: a number with no date unit or cue (`2,000
//! troops`, `Resolution 2334`, `a force of 2000`); durations (`30年間`, `3일간`,
//! `30年ぶり`); fiscal periods (`3月期`, `2024年度`); decades (`1990年代`); a
//! year of birth (`1952年生まれ`); range bounds (`since 2014`, `until 2027`,
//! `by the end of 2030`, `2014年から`, `以来`, `까지`, `从2014年`, `2014-15`),
//! since the claim holds over the range, not at its bound; `in 2014 dollars`.
//! Weekdays (`on Monday`) are not read: whether one is past or to come
//! depends on the verb's tense.
//!
//! The convention: a partial date takes what it leaves unstated from the
//! article's date (`3月`: the article's year; `18日`: its year and month) and
//! names a period (a year, a month, a day). A period holding the article's
//! date gives the article's date (`今年`, `in March` in a March article); a
//! period before it gives its first day (`in 2014` is 2014-01-01, `先月` the
//! first of last month); a period after it is a plan, a deadline or a
//! forecast, not when something happened, and gives nothing. Without an
//! article date, relative and unstated parts give nothing; written-out ones
//! still resolve.

use std::cmp::Reverse;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::model::Date;

/// A year as a sentence states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Year {
    /// Written out: 2014, 2014年, 2014년, 平成26年.
    Full(u16),
    /// Two digits before a month (22年2月): the century that does not put it
    /// after the article's year.
    Short(u8),
    /// Counted from the article's year: 昨年 −1, 今年 0, 来年 +1; also the
    /// unstated year of `3月` or `in March` (0).
    Offset(i8),
    /// That of the last such month before the article's month (last March).
    Last,
    /// That of the first such month after the article's month (next March).
    Next,
}

/// What a sentence states about when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stated {
    /// A year: 2014年, in 2014, 昨年, 올해.
    Year(Year),
    /// A month of a year: 2024年6月, March 2022, 昨年3月, last March, 3월.
    Month(Year, u8),
    /// A month counted from the article's: 先月 −1, 今月 0, 지난달 −1.
    MonthOffset(i8),
    /// A day: 2024年6月18日, June 18, 2024, 6月18日 (the article's year).
    Day(Year, u8, u8),
    /// A day of a month counted from the article's: 18日 (0), 先月18日 (−1).
    DayOfMonth(i8, u8),
    /// The most recent such day before the article's date: 지난 18일.
    LastDay(u8),
    /// Days before the article's date: yesterday, 昨日, 어제 (1).
    DaysBefore(u8),
}

/// A time expression and its byte range in the sentence.
#[derive(Debug, Clone, Copy)]
struct Expression {
    stated: Stated,
    start: usize,
    end: usize,
}

/// The date a sentence states, resolved against the article's date; `None`
/// when it states none that resolves (the caller falls back on the
/// article's date).
///
/// When a sentence holds several, the first one that resolves wins: in news
/// prose the first time expression is the one the main clause hangs on
/// (`政府は18日、…`, `On June 18, …`); the later ones are mostly background
/// (`…, which it annexed in 2014`). Range bounds and durations are never
/// candidates, and a date after the article's resolves to nothing, so a
/// plan (`next March`) gives way to the next expression.
pub(crate) fn stated_date(sentence: &str, article: Option<Date>) -> Option<Date> {
    expressions(sentence)
        .into_iter()
        .find_map(|e| resolve(e.stated, article))
}

/// Every time expression, in order, none inside another and none a range
/// bound or a duration.
fn expressions(s: &str) -> Vec<Expression> {
    let mut found = numeric(s);
    found.extend(relative_words(s));
    found.extend(english(s));
    // The longest of those starting together first, so `昨年3月` hides `昨年`.
    found.sort_by_key(|e| (e.start, Reverse(e.end)));
    let mut reach = 0;
    found.retain(|e| {
        let outside = e.start >= reach;
        reach = reach.max(e.end);
        outside
    });
    // Only after the overlaps go: `昨年3月から` must not fall back on `昨年`.
    found.retain(|e| !bounded(s, e.start, e.end));
    found
}

/// The evidence date a stated period gives, by the convention of the module
/// docs: the article's date when the period holds it, the period's first day
/// when it lies before, nothing when it lies after.
pub(crate) fn resolve(stated: Stated, article: Option<Date>) -> Option<Date> {
    let (first, last) = period(stated, article)?;
    match article {
        None => Some(first),
        Some(a) if first > a => None,
        Some(a) if a <= last => Some(a),
        Some(_) => Some(first),
    }
}

/// The first and last day of what is stated.
fn period(stated: Stated, article: Option<Date>) -> Option<(Date, Date)> {
    match stated {
        Stated::Year(y) => {
            let y = year_of(y, None, article)?;
            Some((date(y, 1, 1)?, date(y, 12, 31)?))
        }
        Stated::Month(y, m) => month_period(year_of(y, Some(m), article)?, m),
        Stated::MonthOffset(k) => {
            let (y, m) = shift(article?, k);
            month_period(y, m)
        }
        Stated::Day(y, m, d) => one_day(year_of(y, Some(m), article)?, m, d),
        Stated::DayOfMonth(k, d) => {
            let (y, m) = shift(article?, k);
            one_day(y, m, d)
        }
        Stated::LastDay(d) => {
            let a = article?;
            let (y, m) = shift(a, if d < a.day { 0 } else { -1 });
            one_day(y, m, d)
        }
        Stated::DaysBefore(n) => {
            let d = (0..n).try_fold(article?, |d, _| previous_day(d))?;
            Some((d, d))
        }
    }
}

/// The year meant, given the month it goes with.
fn year_of(year: Year, month: Option<u8>, article: Option<Date>) -> Option<i32> {
    let a = article.map(|a| (i32::from(a.year), a.month));
    match year {
        Year::Full(y) => Some(i32::from(y)),
        Year::Short(yy) => {
            // Without an article date, POSIX's pivot: 00–68 are 20xx.
            let pivot = a.map_or(2068, |a| a.0);
            let y = 2000 + i32::from(yy);
            Some(if y <= pivot { y } else { y - 100 })
        }
        Year::Offset(k) => Some(a?.0 + i32::from(k)),
        Year::Last => Some(a?.0 - i32::from(month? >= a?.1)),
        Year::Next => Some(a?.0 + i32::from(month? <= a?.1)),
    }
}

fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(u16::try_from(y).ok()?, m, d).ok()
}

fn month_period(y: i32, m: u8) -> Option<(Date, Date)> {
    let last = (28..=31).rev().find_map(|d| date(y, m, d))?;
    Some((date(y, m, 1)?, last))
}

fn one_day(y: i32, m: u8, d: u8) -> Option<(Date, Date)> {
    let day = date(y, m, d)?;
    Some((day, day))
}

/// The year and month `k` months from the article's.
fn shift(a: Date, k: i8) -> (i32, u8) {
    let n = i32::from(a.year) * 12 + i32::from(a.month) - 1 + i32::from(k);
    (n.div_euclid(12), n.rem_euclid(12) as u8 + 1)
}

fn previous_day(d: Date) -> Option<Date> {
    if d.day > 1 {
        return date(i32::from(d.year), d.month, d.day - 1);
    }
    let (y, m) = shift(d, -1);
    month_period(y, m).map(|(_, last)| last)
}

// ---------------------------------------------------------------------------
// Japanese, Korean and Chinese: numbers with 年 月 日 / 년 월 일.

const YEAR: [char; 2] = ['年', '년'];
const MONTH: [char; 2] = ['月', '월'];
const DAY: [char; 2] = ['日', '일'];

/// Written-out years are read between these (`1000年に一度` is no date).
const YEARS: std::ops::RangeInclusive<u16> = 1800..=2199;

/// Words before a month that give its year (longest first where one ends
/// another). Korean `지난 3월` is last March.
const YEAR_WORDS: &[(&str, Year)] = &[
    ("一昨年", Year::Offset(-2)),
    ("昨年", Year::Offset(-1)),
    ("去年", Year::Offset(-1)),
    ("今年", Year::Offset(0)),
    ("来年", Year::Offset(1)),
    ("明年", Year::Offset(1)),
    ("작년", Year::Offset(-1)),
    ("지난해", Year::Offset(-1)),
    ("올해", Year::Offset(0)),
    ("내년", Year::Offset(1)),
    ("지난", Year::Last),
];

/// Words before a day that give its month.
const MONTH_WORDS: &[(&str, i8)] = &[
    ("先月", -1),
    ("今月", 0),
    ("上个月", -1),
    ("上個月", -1),
    ("上月", -1),
    ("지난달", -1),
    ("이번 달", 0),
];

/// Japanese era names and the year before their first.
const ERAS: &[(&str, u16)] = &[("令和", 2018), ("平成", 1988), ("昭和", 1925)];

/// Every expression that starts with a number.
fn numeric(s: &str) -> Vec<Expression> {
    let b = s.as_bytes();
    // An ASCII digit byte is always a char boundary; a run continuing a
    // number (`1.25`, `2,000`) is part of that number.
    (0..b.len())
        .filter(|&i| b[i].is_ascii_digit())
        .filter(|&i| i == 0 || !matches!(b[i - 1], b'0'..=b'9' | b'.' | b','))
        .filter_map(|i| numeric_at(s, i))
        .collect()
}

fn numeric_at(s: &str, i: usize) -> Option<Expression> {
    let (n, at) = number(s, i)?;
    let digits = at - i;
    if let Some(end) = unit(s, at, YEAR) {
        return from_year(s, i, n, digits, end);
    }
    if let Some(end) = unit(s, at, MONTH) {
        return from_month(s, i, n, digits, end);
    }
    let end = unit(s, at, DAY)?;
    from_day(s, i, n, digits, end)
}

/// The number (at most four digits) written at `i`, and where it ends.
fn number(s: &str, i: usize) -> Option<(u16, usize)> {
    let n = s[i..].bytes().take_while(u8::is_ascii_digit).count();
    let value = s[i..i + n].parse().ok().filter(|_| n <= 4)?;
    Some((value, i + n))
}

/// Where the unit right at `at` ends, if it is one of `units`.
fn unit(s: &str, at: usize, units: [char; 2]) -> Option<usize> {
    let c = s[at..].chars().next()?;
    units.contains(&c).then(|| at + c.len_utf8())
}

/// `2024年…`, `22年2月`, `平成30年`: a year, with the month and day after it.
fn from_year(s: &str, start: usize, n: u16, digits: usize, end: usize) -> Option<Expression> {
    let era = ERAS
        .iter()
        .find(|(name, _)| s[..start].ends_with(name))
        .filter(|_| digits <= 2);
    let (year, start) = match era {
        Some((name, base)) => (Year::Full(base + n), start - name.len()),
        None if digits == 4 => (Year::Full(n), start),
        None if digits == 2 => (Year::Short(n as u8), start),
        None => return None,
    };
    if let Year::Full(y) = year
        && !YEARS.contains(&y)
    {
        return None;
    }
    let Some((month, end)) = part(s, end, MONTH, 12) else {
        // Two digits and 年 alone are years of time: `30年` is thirty years.
        return (!matches!(year, Year::Short(_))).then_some(Expression {
            stated: Stated::Year(year),
            start,
            end,
        });
    };
    Some(with_day(s, year, month, start, end))
}

/// The month read, and the day after it when there is one.
fn with_day(s: &str, year: Year, month: u8, start: usize, end: usize) -> Expression {
    match part(s, end, DAY, 31) {
        Some((day, end)) => Expression {
            stated: Stated::Day(year, month, day),
            start,
            end,
        },
        None => Expression {
            stated: Stated::Month(year, month),
            start,
            end,
        },
    }
}

/// A one- or two-digit number from 1 to `max` after spaces, and its unit.
fn part(s: &str, at: usize, units: [char; 2], max: u16) -> Option<(u8, usize)> {
    let i = s.len() - s[at..].trim_start_matches(' ').len();
    let (n, end) = number(s, i)?;
    let fits = end - i <= 2 && (1..=max).contains(&n);
    fits.then_some(())?;
    Some((n as u8, unit(s, end, units)?))
}

/// `3月`, `昨年3月`, `지난 3월`: a month whose year is a word before it or
/// the article's.
fn from_month(s: &str, start: usize, n: u16, digits: usize, end: usize) -> Option<Expression> {
    if digits > 2 || !(1..=12).contains(&n) {
        return None;
    }
    let head = s[..start].trim_end_matches(' ');
    let (year, start) = match YEAR_WORDS.iter().find(|(w, _)| head.ends_with(w)) {
        Some((w, year)) => (*year, head.len() - w.len()),
        // A year we could not read (`令和元年3月`) is no year to guess.
        None if head.ends_with(YEAR) => return None,
        None => (Year::Offset(0), start),
    };
    Some(with_day(s, year, n as u8, start, end))
}

/// `18日`, `先月18日`, `지난 18일`: a day of the article's month, or of the
/// month a word before it names.
fn from_day(s: &str, start: usize, n: u16, digits: usize, end: usize) -> Option<Expression> {
    if digits > 2 || !(1..=31).contains(&n) {
        return None;
    }
    let day = n as u8;
    let head = s[..start].trim_end_matches(' ');
    let (stated, start) = match MONTH_WORDS.iter().find(|(w, _)| head.ends_with(w)) {
        Some((w, k)) => (Stated::DayOfMonth(*k, day), head.len() - w.len()),
        None if head.ends_with("지난") => (Stated::LastDay(day), head.len() - "지난".len()),
        // A month we could not read (`13月18日`) is no month to guess.
        None if head.ends_with(MONTH) || head.ends_with(YEAR) => return None,
        None => (Stated::DayOfMonth(0, day), start),
    };
    Some(Expression { stated, start, end })
}

/// Relative words that stand alone (`昨年`, `지난달`, `昨日`); English ones
/// are read with the English words.
const RELATIVE: &[(&str, Stated)] = &[
    ("一昨年", Stated::Year(Year::Offset(-2))),
    ("昨年", Stated::Year(Year::Offset(-1))),
    ("去年", Stated::Year(Year::Offset(-1))),
    ("今年", Stated::Year(Year::Offset(0))),
    ("작년", Stated::Year(Year::Offset(-1))),
    ("지난해", Stated::Year(Year::Offset(-1))),
    ("올해", Stated::Year(Year::Offset(0))),
    ("先月", Stated::MonthOffset(-1)),
    ("今月", Stated::MonthOffset(0)),
    ("上个月", Stated::MonthOffset(-1)),
    ("上個月", Stated::MonthOffset(-1)),
    ("지난달", Stated::MonthOffset(-1)),
    ("이번 달", Stated::MonthOffset(0)),
    ("一昨日", Stated::DaysBefore(2)),
    ("昨日", Stated::DaysBefore(1)),
    ("昨天", Stated::DaysBefore(1)),
    ("어제", Stated::DaysBefore(1)),
];

/// One automaton over the words of [`RELATIVE`]: most sentences hold none,
/// and a scan for each word in turn was 6% of the Korean instructions.
static RELATIVE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(RELATIVE.iter().map(|(word, _)| word)).expect("relative date words compile")
});

fn relative_words(s: &str) -> Vec<Expression> {
    // Overlapping, so `一昨年` also yields `昨年`, as each word's own scan
    // did; `expressions` keeps the longest.
    RELATIVE_WORDS
        .find_overlapping_iter(s)
        .map(|m| Expression {
            stated: RELATIVE[m.pattern().as_usize()].1,
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// English: month names, years after a cue word, relative phrases.

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words after which a bare four-digit number is a year (`in 2014`); `of`
/// only after the words of [`PART_OF`] (`the end of 2014`, not `a force of
/// 2000`).
const YEAR_CUES: &[&str] = &["in", "during", "early", "late", "mid"];
const PART_OF: &[&str] = &[
    "end",
    "start",
    "beginning",
    "middle",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Words before a bare month name that make it one (`in March`), with the
/// year each gives; `March` alone may be a march, `May` a verb.
const MONTH_CUES: &[(&str, Year)] = &[
    ("in", Year::Offset(0)),
    ("during", Year::Offset(0)),
    ("early", Year::Offset(0)),
    ("late", Year::Offset(0)),
    ("mid", Year::Offset(0)),
    ("this", Year::Offset(0)),
    ("last", Year::Last),
    ("next", Year::Next),
];

/// ASCII words and numbers with their byte ranges (every other character
/// separates them, so the ranges are char boundaries).
fn tokens(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn english(s: &str) -> Vec<Expression> {
    let t = tokens(s);
    (0..t.len()).filter_map(|i| english_at(s, &t, i)).collect()
}

/// The words of an English sentence.
struct Words<'a> {
    s: &'a str,
    t: &'a [(usize, usize)],
}

impl<'a> Words<'a> {
    fn get(&self, i: usize) -> Option<&'a str> {
        self.t.get(i).map(|&(a, b)| &self.s[a..b])
    }

    /// Word `i` followed by word `i + 1` with exactly `sep` between.
    fn joined(&self, i: usize, sep: &str) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => &self.s[a.1..b.0] == sep,
            _ => false,
        }
    }

    fn lower(&self, i: usize) -> Option<String> {
        self.get(i).map(str::to_ascii_lowercase)
    }

    /// Word `i + 1` as a year, when it follows word `i` after `sep`.
    fn year_after(&self, i: usize, sep: &str) -> Option<u16> {
        let w = self.get(i + 1).filter(|_| self.joined(i, sep))?;
        let y: u16 = w.parse().ok().filter(|_| w.len() == 4)?;
        YEARS.contains(&y).then_some(y)
    }
}

fn english_at(s: &str, t: &[(usize, usize)], i: usize) -> Option<Expression> {
    let w = Words { s, t };
    let word = w.get(i)?;
    let at = |stated, first: usize, last: usize| Expression {
        stated,
        start: t[first].0,
        end: t[last].1,
    };
    if let Some(m) = MONTH_NAMES.iter().position(|n| *n == word) {
        return month_name(&w, i, m as u8 + 1);
    }
    if word.eq_ignore_ascii_case("yesterday") {
        return Some(at(Stated::DaysBefore(1), i, i));
    }
    if let Some(y) = bare_year(&w, i) {
        return Some(at(Stated::Year(Year::Full(y)), i, i));
    }
    let offset = match w.lower(i)?.as_str() {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    let stated = match w.lower(i + 1).filter(|_| w.joined(i, " "))?.as_str() {
        "year" => Stated::Year(Year::Offset(offset)),
        "month" => Stated::MonthOffset(offset),
        _ => return None,
    };
    Some(at(stated, i, i + 1))
}

/// `June 18, 2024`, `18 June 2024`, `June 18`, `March 2022`, `in March`,
/// `last March`: month name `i` is month `m`.
fn month_name(w: &Words, i: usize, m: u8) -> Option<Expression> {
    let at = |stated, first: usize, last: usize| {
        Some(Expression {
            stated,
            start: w.t[first].0,
            end: w.t[last].1,
        })
    };
    if let Some(d) = w
        .get(i + 1)
        .and_then(day_number)
        .filter(|_| w.joined(i, " "))
    {
        return match w.year_after(i + 1, ", ") {
            Some(y) => at(Stated::Day(Year::Full(y), m, d), i, i + 2),
            None => at(Stated::Day(Year::Offset(0), m, d), i, i + 1),
        };
    }
    let before = i.checked_sub(1);
    if let Some(b) = before
        && let Some(d) = w.get(b).and_then(day_number).filter(|_| w.joined(b, " "))
    {
        return match w.year_after(i, " ") {
            Some(y) => at(Stated::Day(Year::Full(y), m, d), b, i + 1),
            None => at(Stated::Day(Year::Offset(0), m, d), b, i),
        };
    }
    if let Some(y) = w.year_after(i, " ") {
        return at(Stated::Month(Year::Full(y), m), i, i + 1);
    }
    let b = before.filter(|&b| w.joined(b, " ") || w.joined(b, "-"))?;
    let cue = w.lower(b)?;
    let &(cue, year) = MONTH_CUES.iter().find(|(c, _)| *c == cue)?;
    // `last March` starts at `last`, so a range word before it is seen.
    let first = if matches!(cue, "last" | "next" | "this") {
        b
    } else {
        i
    };
    at(Stated::Month(year, m), first, i)
}

/// A day of the month: `18`, `18th`.
fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let ordinal = ["", "st", "nd", "rd", "th"].contains(&suffix);
    let d: u8 = digits
        .parse()
        .ok()
        .filter(|_| ordinal && digits.len() <= 2)?;
    (1..=31).contains(&d).then_some(d)
}

/// Word `i` as a year after a cue (`in 2014`, `the end of 2014`), not part
/// of an amount (`$2014`, `2014.5`, `2014%`).
fn bare_year(w: &Words, i: usize) -> Option<u16> {
    let b = i.checked_sub(1)?;
    let y = w.year_after(b, " ").or_else(|| w.year_after(b, "-"))?;
    let cue = w.lower(b)?;
    let of_part = cue == "of"
        && w.lower(b.checked_sub(1)?)
            .is_some_and(|p| PART_OF.contains(&p.as_str()));
    let cued = YEAR_CUES.contains(&cue.as_str()) || of_part;
    let (start, end) = w.t[i];
    let before = w.s[..start].chars().next_back();
    let after = w.s[end..].chars().next();
    let decimal = matches!(after, Some('.' | ','))
        && w.s[end + 1..].starts_with(|c: char| c.is_ascii_digit());
    let amount =
        matches!(before, Some('$' | '€' | '£' | '¥' | '#')) || after == Some('%') || decimal;
    (cued && !amount).then_some(y)
}

// ---------------------------------------------------------------------------
// Range bounds, durations and other periods that are no date of an event.

/// What right after an expression, written onto it, makes it a bound, a
/// duration or no calendar date (Japanese, Chinese, Korean). Words that
/// also start common words after a date (`起訴`, `到着`, `内閣`, `来日`) are
/// left out: a missed bound costs less than a lost date.
const AFTER: &[&str] = &[
    "から",
    "まで",
    "以",
    "ぶり",
    "間",
    "间",
    "期",
    "度",
    "代",
    "目",
    "連",
    "连",
    "至",
    "前",
    "後",
    "后",
    "之",
    "比",
    "生まれ",
    "も早",
    "あたり",
    "当たり",
    "부터",
    "까지",
    "간",
    "째",
];

/// The same after a space: Korean postpositions written apart (`2014년
/// 이후`), English units (`in 2014 dollars`).
const AFTER_SPACE: &[&str] = &[
    "이후", "이래", "이전", "동안", "만에", "이내", "대비", "부터", "까지", "dollars", "euros",
    "prices", "terms",
];

/// What right before an expression makes it a bound (Chinese `从`, `截至`).
const BEFORE: &[&str] = &["从", "自", "截至", "直到", "到", "至"];

/// English words that make what follows a bound, and the words they may
/// stand before it by (`by the end of 2030`, `since early 2022`).
const RANGE_WORDS: &[&str] = &[
    "since", "from", "until", "till", "by", "through", "to", "between", "before", "after",
];
const RANGE_FILLER: &[&str] = &[
    "the",
    "end",
    "start",
    "beginning",
    "middle",
    "close",
    "of",
    "early",
    "late",
    "mid",
];

/// The expression at `start..end` is a range bound, a duration or no
/// calendar date: it gives no evidence date.
fn bounded(s: &str, start: usize, end: usize) -> bool {
    let rest = s[end..].trim_start_matches(' ');
    let head = s[..start].trim_end_matches(' ');
    AFTER.iter().any(|w| s[end..].starts_with(w))
        || AFTER_SPACE.iter().any(|w| rest.starts_with(w))
        || BEFORE.iter().any(|w| head.ends_with(w))
        // `昨年来`, `2014年来`: since; `来` alone starts `来日` (`18日来日`).
        || (s[..end].ends_with('年') && s[end..].starts_with('来'))
        || korean_before_after(rest)
        || names_a_bound(&s[end..])
        || range_mark(head, rest)
        || english_range(head)
}

/// `2023年5月の広島サミット以来`: the date names the event a range starts
/// from, so it bounds the range as much as `2023年5月以来` does.
fn names_a_bound(rest: &str) -> bool {
    let Some(noun) = ["の", "의", "的"].iter().find_map(|p| rest.strip_prefix(p)) else {
        return false;
    };
    let clause = noun
        .split(['、', '。', ',', '，', '.'])
        .next()
        .unwrap_or("");
    ["以来", "以降", "以後", "ぶり", "이후", "이래", "以后"]
        .iter()
        .any(|w| clause.contains(w))
}

/// Korean `3일 전` (three days ago) and `이틀 후`: 전 or 후 as a word, or
/// with a particle.
fn korean_before_after(rest: &str) -> bool {
    let Some(tail) = rest.strip_prefix('전').or_else(|| rest.strip_prefix('후')) else {
        return false;
    };
    let hangul = |c: char| ('가'..='힣').contains(&c);
    !tail.starts_with(hangul)
        || ["에", "의", "인", "부터", "까지"]
            .iter()
            .any(|p| tail.starts_with(p))
}

/// `2014-15`, `2014–2016`, `3月~5月`: either end of a range of numbers.
fn range_mark(head: &str, rest: &str) -> bool {
    const MARKS: [char; 4] = ['-', '–', '~', '〜'];
    let digit_or_unit =
        |c: char| c.is_ascii_digit() || YEAR.contains(&c) || MONTH.contains(&c) || DAY.contains(&c);
    let ends_range = head
        .strip_suffix(MARKS)
        .is_some_and(|h| h.ends_with(digit_or_unit));
    let opens_range = rest
        .strip_prefix(MARKS)
        .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    ends_range || opens_range
}

/// An English range word before the expression, maybe by filler words.
fn english_range(head: &str) -> bool {
    let words = head
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    for w in words.take(6) {
        let w = w.to_ascii_lowercase();
        if RANGE_WORDS.contains(&w.as_str()) {
            return true;
        }
        if !RANGE_FILLER.contains(&w.as_str()) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn day(y: u16, m: u8, d: u8) -> Option<Date> {
        Some(Date::new(y, m, d).expect("a valid test date"))
    }

    /// The article of most tests is dated Friday 14 March 2025.
    fn on_article(sentence: &str) -> Option<Date> {
        stated_date(sentence, day(2025, 3, 14))
    }

    #[test]
    fn full_dates_are_read_in_every_language() {
        let want = day(2024, 6, 18);
        assert_eq!(on_article("両国は2024年6月18日に条約に署名した。"), want);
        assert_eq!(on_article("양국은 2024년 6월 18일 조약에 서명했다."), want);
        assert_eq!(on_article("两国于2024年6月18日签署条约。"), want);
        assert_eq!(
            on_article("The two signed it on June 18, 2024, in Hanoi."),
            want
        );
        assert_eq!(on_article("They met on 18 June 2024 in Hanoi."), want);
        assert_eq!(on_article("They met on June 18th, 2024."), want);
    }

    #[test]
    fn full_dates_need_no_article_date() {
        assert_eq!(stated_date("on June 18, 2024, he", None), day(2024, 6, 18));
        assert_eq!(stated_date("2024年6月18日に訪問", None), day(2024, 6, 18));
        assert_eq!(stated_date("in 2014, he", None), day(2014, 1, 1));
    }

    #[test]
    fn a_past_year_or_month_gives_its_first_day() {
        assert_eq!(
            on_article("Moscow annexed the peninsula in 2014."),
            day(2014, 1, 1)
        );
        assert_eq!(
            on_article("in early 2019 the talks broke down"),
            day(2019, 1, 1)
        );
        assert_eq!(
            on_article("at the end of 2019 the talks broke down"),
            day(2019, 1, 1)
        );
        assert_eq!(
            on_article("The deal was signed in March 2022."),
            day(2022, 3, 1)
        );
        assert_eq!(
            on_article("ロシアは2014年にクリミアを併合した。"),
            day(2014, 1, 1)
        );
        assert_eq!(on_article("2022年2月に侵攻した。"), day(2022, 2, 1));
        assert_eq!(on_article("2022년 2월 침공했다."), day(2022, 2, 1));
        assert_eq!(on_article("2022年2月入侵。"), day(2022, 2, 1));
    }

    #[test]
    fn a_period_holding_the_article_date_gives_the_article_date() {
        let article = day(2025, 3, 14);
        assert_eq!(on_article("In 2025 the two sides met twice."), article);
        assert_eq!(on_article("They met in March."), article);
        assert_eq!(on_article("今年、両国は会談した。"), article);
        assert_eq!(on_article("今月、両国は会談した。"), article);
        assert_eq!(on_article("올해 양국은 회담했다."), article);
        assert_eq!(on_article("Earlier this year the two met."), article);
    }

    #[test]
    fn relative_words_count_from_the_article_date() {
        assert_eq!(on_article("昨年、両国は会談した。"), day(2024, 1, 1));
        assert_eq!(on_article("去年两国举行会谈。"), day(2024, 1, 1));
        assert_eq!(on_article("작년 양국은 회담했다."), day(2024, 1, 1));
        assert_eq!(on_article("지난해 양국은 회담했다."), day(2024, 1, 1));
        assert_eq!(on_article("Last year the two met."), day(2024, 1, 1));
        assert_eq!(on_article("一昨年、両国は会談した。"), day(2023, 1, 1));
        assert_eq!(on_article("先月、両国は会談した。"), day(2025, 2, 1));
        assert_eq!(on_article("上个月两国举行会谈。"), day(2025, 2, 1));
        assert_eq!(on_article("上個月兩國舉行會談。"), day(2025, 2, 1));
        assert_eq!(on_article("지난달 양국은 회담했다."), day(2025, 2, 1));
        assert_eq!(on_article("The two met last month."), day(2025, 2, 1));
        assert_eq!(on_article("The two met yesterday."), day(2025, 3, 13));
        assert_eq!(on_article("両国は昨日会談した。"), day(2025, 3, 13));
        assert_eq!(on_article("两国昨天举行会谈。"), day(2025, 3, 13));
        assert_eq!(on_article("양국은 어제 회담했다."), day(2025, 3, 13));
    }

    #[test]
    fn a_year_word_before_a_month_gives_its_year() {
        assert_eq!(on_article("昨年3月に会談した。"), day(2024, 3, 1));
        assert_eq!(on_article("去年3月举行会谈。"), day(2024, 3, 1));
        assert_eq!(on_article("지난해 3월 회담했다."), day(2024, 3, 1));
        assert_eq!(on_article("작년 3월 회담했다."), day(2024, 3, 1));
        assert_eq!(on_article("昨年3月18日に会談した。"), day(2024, 3, 18));
        assert_eq!(on_article("先月18日に会談した。"), day(2025, 2, 18));
        assert_eq!(on_article("지난달 18일 회담했다."), day(2025, 2, 18));
    }

    #[test]
    fn last_and_next_month_names_are_the_nearest_ones() {
        // In a March article, last March is a year back and last June too.
        assert_eq!(on_article("They met last March."), day(2024, 3, 1));
        assert_eq!(on_article("They met last June."), day(2024, 6, 1));
        assert_eq!(on_article("They met last January."), day(2025, 1, 1));
        assert_eq!(on_article("양국은 지난 1월 회담했다."), day(2025, 1, 1));
        assert_eq!(on_article("They meet next March."), None);
    }

    #[test]
    fn a_month_or_day_without_a_year_takes_the_article_year() {
        assert_eq!(on_article("両国は2月に会談した。"), day(2025, 2, 1));
        assert_eq!(on_article("양국은 2월 회담했다."), day(2025, 2, 1));
        assert_eq!(on_article("They met in February."), day(2025, 2, 1));
        assert_eq!(on_article("They met on February 3."), day(2025, 2, 3));
        assert_eq!(on_article("両国は2月3日に会談した。"), day(2025, 2, 3));
        assert_eq!(on_article("政府は10日、制裁を発表した。"), day(2025, 3, 10));
        assert_eq!(on_article("정부는 10일 제재를 발표했다."), day(2025, 3, 10));
        assert_eq!(on_article("양국은 지난 20일 회담했다."), day(2025, 2, 20));
    }

    #[test]
    fn two_digit_years_and_eras_are_the_japanese_press_years() {
        assert_eq!(on_article("22年2月に侵攻した。"), day(2022, 2, 1));
        assert_eq!(on_article("00年7月に会談した。"), day(2000, 7, 1));
        assert_eq!(on_article("98年5月に核実験をした。"), day(1998, 5, 1));
        assert_eq!(on_article("平成30年6月に会談した。"), day(2018, 6, 1));
        assert_eq!(on_article("令和2年に合意した。"), day(2020, 1, 1));
    }

    #[test]
    fn dates_after_the_article_date_are_plans_not_events() {
        assert_eq!(on_article("They will meet on June 18, 2025."), None);
        assert_eq!(on_article("両国は4月に会談する予定だ。"), None);
        assert_eq!(on_article("政府は20日に制裁を発表する。"), None);
        assert_eq!(on_article("来年3月に会談する。"), None);
        assert_eq!(on_article("in 2031 the treaty expires"), None);
        // A plan gives way to the event the sentence also dates.
        assert_eq!(
            on_article("Talks set for next year follow the summit in June 2024."),
            day(2024, 6, 1)
        );
    }

    #[test]
    fn numbers_that_are_no_dates_are_not_read() {
        for s in [
            "They sent 2,000 troops.",
            "Resolution 2334 was adopted.",
            "a force of 2000 soldiers",
            "the 2014 annexation",
            "Losses in 2014 dollars rose.",
            "prices rose by 2014.5 points",
            "The March was peaceful.",
            "May it succeed.",
            "両国は30年間対立してきた。",
            "30年ぶりに会談した。",
            "2024年3月期の決算",
            "2024年度の予算",
            "1990年代に対立した。",
            "1952年生まれの首相",
            "3日間の日程",
            "양국은 3일간 회담했다.",
            "3个月后",
            "1日も早く解決したい。",
            "令和元年3月に会談した。",
        ] {
            assert_eq!(on_article(s), None, "{s}");
        }
    }

    #[test]
    fn range_bounds_are_not_read() {
        for s in [
            "NATO members since 2004, they asked for help.",
            "The brigade will be ready by 2027.",
            "The ban holds until 2027.",
            "by the end of 2019 they had left",
            "from March to June they talked",
            "in 2014-15 the talks stalled",
            "2014年から対立している。",
            "2014年以来対立している。",
            "昨年来対立している。",
            "2019年まで続いた。",
            "2014년부터 대립했다.",
            "2014년 이후 대립했다.",
            "从2014年开始对立。",
            "2014年以来一直对立。",
            "3일 전 회담했다.",
            "2019年6月の首脳会談以来、5年ぶりの訪問だ。",
        ] {
            assert_eq!(on_article(s), None, "{s}");
        }
    }

    #[test]
    fn the_first_date_that_resolves_wins() {
        assert_eq!(
            on_article("In 2019 they met, and again in March 2022."),
            day(2019, 1, 1)
        );
        // A range bound is skipped for the date after it.
        assert_eq!(
            on_article("Allies since 2004, they met in 2019."),
            day(2019, 1, 1)
        );
        // `30年間` is a duration, `2022年` the date.
        assert_eq!(
            on_article("30年間対立し、2022年に和解した。"),
            day(2022, 1, 1)
        );
    }

    #[test]
    fn without_an_article_date_relative_words_resolve_to_nothing() {
        for s in [
            "昨年会談した。",
            "They met last month.",
            "They met in March.",
            "10日に会談した。",
        ] {
            assert_eq!(stated_date(s, None), None, "{s}");
        }
        assert_eq!(stated_date("22年2月に侵攻した。", None), day(2022, 2, 1));
    }

    #[test]
    fn days_before_cross_months_and_leap_days() {
        assert_eq!(stated_date("yesterday", day(2024, 3, 1)), day(2024, 2, 29));
        assert_eq!(stated_date("一昨日", day(2025, 1, 1)), day(2024, 12, 30));
        assert_eq!(stated_date("先月", day(2025, 1, 20)), day(2024, 12, 1));
    }

    /// Pieces that make the readers work: digits, units, cue words, range
    /// words and multi-byte characters a byte slice could cut.
    const PIECES: &[&str] = &[
        "0",
        "1",
        "2",
        "12",
        "18",
        "31",
        "2024",
        "22",
        "99",
        "年",
        "月",
        "日",
        "년",
        "월",
        "일",
        " ",
        ",",
        ".",
        "-",
        "~",
        "〜",
        "$",
        "%",
        "in ",
        "last ",
        "next ",
        "this ",
        "of ",
        "end ",
        "by ",
        "since ",
        "June",
        "March",
        "year",
        "month",
        "yesterday",
        "昨年",
        "一昨年",
        "先月",
        "上個月",
        "지난",
        "지난해",
        "이번 달",
        "令和",
        "から",
        "まで",
        "以来",
        "이후",
        "전",
        "후",
        "来",
        "从",
        "é",
        "🇯🇵",
        "\u{200f}",
        "\u{301}",
        "\0",
    ];

    fn sentence() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => any::<String>(),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    fn article_date() -> impl Strategy<Value = Option<Date>> {
        prop::option::of((1u16..=9999, 1u8..=12, 1u8..=28))
            .prop_map(|d| d.map(|(y, m, d)| Date::new(y, m, d).expect("days up to 28 exist")))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn any_text_and_article_date_resolve_without_panic(s in sentence(), a in article_date()) {
            let got = stated_date(&s, a);
            // Never a date after the article's.
            if let (Some(got), Some(a)) = (got, a) {
                prop_assert!(got <= a, "{got} after {a} in {s:?}");
            }
        }
    }
}
