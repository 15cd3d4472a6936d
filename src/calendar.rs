//! Dates as people use them: ISO weeks, calendar months, quarters, and the pinned clock.

use chrono::{Datelike, Duration, Local, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{abridged, Error, Result};

/// Parses a `YYYY-MM-DD` date given for `field`, refusing dates that do not exist.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(Error::invalid(
            field,
            format!("'{}' is not a date in the form YYYY-MM-DD", abridged(text)),
        ));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            field,
            format!(
                "'{text}' is not a real calendar date",
                text = abridged(text)
            ),
        )
    })
}

/// `YYYY-MM-DD` exactly, as the store writes a date, read digit by digit; none for any other
/// form or a day the calendar does not have. Readers of many stored dates try it before
/// chrono's general parser, which was most of the cost of reading them.
pub fn fixed_date(t: &[u8]) -> Option<NaiveDate> {
    let t: &[u8; 10] = t.try_into().ok()?;
    if t[4] != b'-' || t[7] != b'-' {
        return None;
    }
    let year = digits(&[t[0], t[1], t[2], t[3]])?;
    NaiveDate::from_ymd_opt(year as i32, digits(&[t[5], t[6]])?, digits(&[t[8], t[9]])?)
}

/// `YYYY-MM-DD HH:MM:SS` exactly, as the store writes a time, like [`fixed_date`].
pub fn fixed_time(t: &[u8]) -> Option<NaiveDateTime> {
    let t: &[u8; 19] = t.try_into().ok()?;
    if t[10] != b' ' || t[13] != b':' || t[16] != b':' {
        return None;
    }
    fixed_date(&t[..10])?.and_hms_opt(
        digits(&[t[11], t[12]])?,
        digits(&[t[14], t[15]])?,
        digits(&[t[17], t[18]])?,
    )
}

/// The number the digits `t` write, or nothing when one is not a digit.
fn digits<const N: usize>(t: &[u8; N]) -> Option<u32> {
    let mut n = 0;
    for c in t {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n * 10 + u32::from(d);
    }
    Some(n)
}

/// An ISO 8601 week (`%G-W%V`): Monday to Sunday, numbered within its ISO year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    /// The ISO week a date falls in.
    pub fn of(date: NaiveDate) -> Self {
        let w = date.iso_week();
        IsoWeek {
            year: w.year(),
            week: w.week(),
        }
    }

    /// Parses `YYYY-Www` for `field`, refusing weeks the year does not have.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        if let Some(week) = Self::stored(text.as_bytes()) {
            return Ok(week);
        }
        let text = text.trim();
        let bad = || {
            Error::invalid(
                field,
                format!("'{}' is not an ISO week like 2026-W07", abridged(text)),
            )
        };
        let (y, w) = text.split_once(['-']).ok_or_else(bad)?;
        let w = w
            .strip_prefix('W')
            .or_else(|| w.strip_prefix('w'))
            .ok_or_else(bad)?;
        if y.len() != 4 || w.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let week: u32 = w.parse().map_err(|_| bad())?;
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .ok_or_else(|| Error::invalid(field, format!("{year} has no ISO week {week:02}")))?;
        Ok(IsoWeek { year, week })
    }

    /// `YYYY-Www` exactly, as the store writes a week, with a week every ISO year has (1 to
    /// 52): read digit by digit, since a snapshot reads one per check-in. Anything else is
    /// left to [`IsoWeek::parse`]'s general reading.
    fn stored(t: &[u8]) -> Option<Self> {
        if t.len() != 8 || t[4] != b'-' || t[5] != b'W' {
            return None;
        }
        let year = digits(&[t[0], t[1], t[2], t[3]])? as i32;
        let week = digits(&[t[6], t[7]])?;
        (1..=52).contains(&week).then_some(IsoWeek { year, week })
    }

    /// ISO year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Week number, 1 to 53.
    pub fn week(self) -> u32 {
        self.week
    }

    /// The Monday that starts the week.
    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).expect("valid week")
    }

    /// The Sunday that ends the week.
    pub fn sunday(self) -> NaiveDate {
        self.monday() + Duration::days(6)
    }

    /// Whether `date` falls in this week.
    pub fn contains(self, date: NaiveDate) -> bool {
        IsoWeek::of(date) == self
    }

    /// The week before.
    pub fn previous(self) -> Self {
        IsoWeek::of(self.monday() - Duration::days(7))
    }

    /// The week after.
    pub fn next(self) -> Self {
        IsoWeek::of(self.monday() + Duration::days(7))
    }
}

impl std::fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        IsoWeek::parse("week", &text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "specta")]
impl specta::Type for IsoWeek {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        String::definition(types)
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Self {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Parses `YYYY-MM` for `field`.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        let text = text.trim();
        let bad = || {
            Error::invalid(
                field,
                format!("'{}' is not a month like 2026-03", abridged(text)),
            )
        };
        let (y, m) = text.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }

    /// Calendar year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month number, 1 to 12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }

    /// The last day of the month.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day() - Duration::days(1)
    }

    /// Whether `date` falls in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// The month after.
    pub fn next(self) -> Self {
        self.plus(1)
    }

    /// The month before.
    pub fn previous(self) -> Self {
        self.plus(-1)
    }

    /// The month `n` months later (earlier when negative).
    pub fn plus(self, n: i32) -> Self {
        let index = self.year * 12 + self.month as i32 - 1 + n;
        Month {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Month::parse("month", &text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "specta")]
impl specta::Type for Month {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        String::definition(types)
    }
}

/// A quarter of a (fiscal) year. With the default January start these are calendar
/// quarters; with an April start, Q1 is April to June. The year is the calendar year in
/// which the fiscal year begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i32,
    quarter: u32,
    start_month: u32,
}

impl Quarter {
    /// The quarter a date falls in, for a fiscal year starting in `start_month` (1–12).
    pub fn of(date: NaiveDate, start_month: u32) -> Self {
        let offset = (date.month() + 12 - start_month) % 12;
        let year = if date.month() >= start_month {
            date.year()
        } else {
            date.year() - 1
        };
        Quarter {
            year,
            quarter: offset / 3 + 1,
            start_month,
        }
    }

    /// Parses `YYYY-Qn` for `field`, for a fiscal year starting in `start_month`.
    pub fn parse(field: &str, text: &str, start_month: u32) -> Result<Self> {
        let text = text.trim();
        let bad = || {
            Error::invalid(
                field,
                format!("'{}' is not a quarter like 2026-Q3", abridged(text)),
            )
        };
        let (y, q) = text.split_once('-').ok_or_else(bad)?;
        let q = q.strip_prefix(['Q', 'q']).ok_or_else(bad)?;
        if y.len() != 4 || q.len() != 1 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let quarter: u32 = q.parse().map_err(|_| bad())?;
        if !(1..=4).contains(&quarter) {
            return Err(bad());
        }
        Ok(Quarter {
            year,
            quarter,
            start_month,
        })
    }

    /// The (fiscal) year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 to 4.
    pub fn quarter(self) -> u32 {
        self.quarter
    }

    /// The month the fiscal year starts in.
    pub fn start_month(self) -> u32 {
        self.start_month
    }

    /// The first month of the quarter.
    pub fn first_month(self) -> Month {
        Month {
            year: self.year,
            month: self.start_month,
        }
        .plus(3 * (self.quarter as i32 - 1))
    }

    /// The first day of the quarter.
    pub fn first_day(self) -> NaiveDate {
        self.first_month().first_day()
    }

    /// The last day of the quarter.
    pub fn last_day(self) -> NaiveDate {
        self.first_month().plus(2).last_day()
    }

    /// Whether `date` falls in this quarter.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&date)
    }

    /// The quarter after.
    pub fn next(self) -> Self {
        Quarter::of(self.last_day() + Duration::days(1), self.start_month)
    }

    /// The quarter before.
    pub fn previous(self) -> Self {
        Quarter::of(self.first_day() - Duration::days(1), self.start_month)
    }

    /// How the quarters are counted, for printing on a report.
    pub fn convention(self) -> String {
        if self.start_month == 1 {
            "calendar quarters".to_string()
        } else {
            let start = Month {
                year: self.year,
                month: self.start_month,
            }
            .first_day()
            .format("%B");
            format!("fiscal quarters, fiscal year starting in {start}")
        }
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.quarter)
    }
}

/// "Today" and "now" for every date-dependent computation; pinned in tests and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    today: NaiveDate,
    pinned: bool,
    time: Option<NaiveTime>,
}

impl Clock {
    /// The machine's local date.
    pub fn system() -> Self {
        Clock {
            today: Local::now().date_naive(),
            pinned: false,
            time: None,
        }
    }

    /// A clock whose today is `today`.
    pub fn pinned(today: NaiveDate) -> Self {
        Clock {
            today,
            pinned: true,
            time: None,
        }
    }

    /// A clock stopped at `now`, date and time of day (for tests that need an exact moment).
    pub fn pinned_at(now: NaiveDateTime) -> Self {
        Clock {
            today: now.date(),
            pinned: true,
            time: Some(now.time().with_nanosecond(0).expect("valid time")),
        }
    }

    /// A clock pinned by `CADENCE_TODAY` when set, else the system clock.
    pub fn from_env() -> Result<Self> {
        match std::env::var("CADENCE_TODAY") {
            Ok(text) if !text.trim().is_empty() => {
                Ok(Clock::pinned(parse_date("CADENCE_TODAY", &text)?))
            }
            _ => Ok(Clock::system()),
        }
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The current local time on today's date (the time of day is the machine's even when the
    /// date is pinned, so entries of one day keep their order, unless the time is pinned too).
    pub fn now(&self) -> NaiveDateTime {
        if let Some(time) = self.time {
            return self.today.and_time(time);
        }
        let local = Local::now().naive_local();
        if self.pinned {
            let time = NaiveTime::from_hms_opt(local.hour(), local.minute(), local.second())
                .expect("valid time");
            self.today.and_time(time)
        } else {
            local.with_nanosecond(0).expect("valid time")
        }
    }
}

/// The last instant of a date, for "as known by the end of" cut-offs.
pub fn end_of_day(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(23, 59, 59).expect("valid time")
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_are_read_exactly_and_other_forms_are_left_to_chrono() {
        let at = fixed_time(b"2027-01-03 23:30:05").unwrap();
        assert_eq!(at.to_string(), "2027-01-03 23:30:05");
        assert_eq!(fixed_time(b"2027-02-30 10:00:00"), None);
        assert_eq!(fixed_time(b"2027-01-03T23:30:05"), None);
        assert_eq!(fixed_time(b"2027-01-03 23:30:05.5"), None);
        assert_eq!(fixed_time(b"2027-01-03 2x:30:05"), None);
        assert_eq!(fixed_date(b"2028-02-29").unwrap().to_string(), "2028-02-29");
        assert_eq!(fixed_date(b"2027-02-29"), None);
        assert_eq!(fixed_date(b"2027-2-28"), None);
    }

    #[test]
    fn weeks_read_directly_are_read_as_the_general_reading_reads_them() {
        let week = |t: &str| IsoWeek::parse("week", t).map(|w| (w.year(), w.week()));
        assert_eq!(week("2026-W07").unwrap(), (2026, 7));
        assert_eq!(week("2026-W52").unwrap(), (2026, 52));
        assert_eq!(week("2020-W53").unwrap(), (2020, 53));
        assert_eq!(week(" 2026-w07 ").unwrap(), (2026, 7));
        assert!(week("2021-W53").is_err());
        assert!(week("2026-W00").is_err());
        assert!(week("2026-W7x").is_err());
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        let err = parse_date("target", "2026-02-30").unwrap_err().to_string();
        assert_eq!(err, "target: '2026-02-30' is not a real calendar date");
        assert!(parse_date("target", "2026-2-3").is_err());
        assert!(parse_date("target", "2028-02-29").is_ok());
        assert!(parse_date("target", "2027-02-29").is_err());
    }

    #[test]
    fn iso_week_edges() {
        assert_eq!(IsoWeek::of(d("2027-01-01")).to_string(), "2026-W53");
        assert_eq!(IsoWeek::of(d("2027-01-04")).to_string(), "2027-W01");
        assert_eq!(IsoWeek::of(d("2026-01-01")).to_string(), "2026-W01");
        assert_eq!(IsoWeek::of(d("2025-12-29")).to_string(), "2026-W01");
        let w53 = IsoWeek::parse("week", "2026-W53").unwrap();
        assert_eq!(w53.monday(), d("2026-12-28"));
        assert_eq!(w53.sunday(), d("2027-01-03"));
        assert_eq!(w53.next().to_string(), "2027-W01");
        assert!(IsoWeek::parse("week", "2025-W53").is_err());
        assert!(IsoWeek::parse("week", "2026-53").is_err());
    }

    #[test]
    fn months_have_their_real_ends() {
        assert_eq!(
            Month::parse("month", "2028-02").unwrap().last_day(),
            d("2028-02-29")
        );
        assert_eq!(
            Month::parse("month", "2027-02").unwrap().last_day(),
            d("2027-02-28")
        );
        assert_eq!(Month::of(d("2026-12-31")).next().to_string(), "2027-01");
        assert_eq!(Month::of(d("2027-01-31")).previous().to_string(), "2026-12");
        assert!(Month::parse("month", "2026-13").is_err());
    }

    #[test]
    fn quarters_follow_the_fiscal_start() {
        let q = Quarter::of(d("2026-11-22"), 1);
        assert_eq!(q.to_string(), "2026-Q4");
        assert_eq!(
            (q.first_day(), q.last_day()),
            (d("2026-10-01"), d("2026-12-31"))
        );
        assert_eq!(q.next().to_string(), "2027-Q1");
        assert_eq!(q.convention(), "calendar quarters");
        let april = Quarter::of(d("2026-04-01"), 4);
        assert_eq!(april.to_string(), "2026-Q1");
        assert_eq!(april.last_day(), d("2026-06-30"));
        assert_eq!(Quarter::of(d("2027-03-31"), 4).to_string(), "2026-Q4");
        assert_eq!(Quarter::of(d("2027-01-15"), 4).first_day(), d("2027-01-01"));
        assert_eq!(april.previous().to_string(), "2025-Q4");
        assert_eq!(
            april.convention(),
            "fiscal quarters, fiscal year starting in April"
        );
        let parsed = Quarter::parse("quarter", "2026-Q4", 4).unwrap();
        assert_eq!(
            (parsed.first_day(), parsed.last_day()),
            (d("2027-01-01"), d("2027-03-31"))
        );
        assert!(Quarter::parse("quarter", "2026-Q5", 1).is_err());
    }

    #[test]
    fn pinned_clock_keeps_its_date() {
        let c = Clock::pinned(d("2026-03-02"));
        assert_eq!(c.today(), d("2026-03-02"));
        assert_eq!(c.now().date(), d("2026-03-02"));
        let at = d("2026-02-28").and_hms_opt(23, 59, 0).unwrap();
        assert_eq!(Clock::pinned_at(at).now(), at);
        assert_eq!(Clock::pinned_at(at).today(), d("2026-02-28"));
    }
}
