//! Which automatic backups to keep: the 7 newest daily copies and, before them, the newest
//! copy of each of 4 earlier ISO weeks. Pure: it sees only the dates the copies were taken.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

/// Daily copies kept: the newest ones, whatever the gaps between them.
pub const DAILY: usize = 7;
/// Weekly copies kept beyond the daily ones: the newest copy of each earlier ISO week.
pub const WEEKLY: usize = 4;

/// The dates to keep among `dates` (one automatic backup per date, in any order): the
/// [`DAILY`] newest, then the newest of each of the [`WEEKLY`] newest ISO weeks that hold no
/// daily copy. Every other date's copy is pruned.
pub fn keep(dates: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut newest_first: Vec<NaiveDate> = dates.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let (daily, older) = newest_first.split_at(newest_first.len().min(DAILY));
    let mut kept: BTreeSet<NaiveDate> = daily.iter().copied().collect();
    let mut weeks: Vec<_> = daily.iter().map(|d| d.iso_week()).collect();
    let mut weekly = 0;
    for date in older {
        if weekly == WEEKLY {
            break;
        }
        let week = date.iso_week();
        if !weeks.contains(&week) {
            weeks.push(week);
            kept.insert(*date);
            weekly += 1;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn days(from: &str, n: i64) -> Vec<NaiveDate> {
        (0..n)
            .map(|i| d(from) + chrono::Duration::days(i))
            .collect()
    }

    fn kept(dates: &[NaiveDate]) -> Vec<String> {
        keep(dates).iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_week_or_less_is_kept_whole() {
        let dates = days("2026-11-17", 7);
        assert_eq!(keep(&dates), dates.iter().copied().collect());
        assert!(keep(&[]).is_empty());
    }

    #[test]
    fn a_month_of_daily_copies_keeps_seven_days_and_the_last_day_of_four_earlier_weeks() {
        // 2026-11-01 (a Sunday) to 2026-11-30 (a Monday).
        let dates = days("2026-11-01", 30);
        assert_eq!(
            kept(&dates),
            [
                "2026-11-01", // W44's newest
                "2026-11-08", // W45
                "2026-11-15", // W46
                "2026-11-22", // W47
                "2026-11-24",
                "2026-11-25",
                "2026-11-26",
                "2026-11-27",
                "2026-11-28",
                "2026-11-29",
                "2026-11-30",
            ]
        );
        // 2026-11-23 is in W48, which has daily copies: pruned.
        assert!(!keep(&dates).contains(&d("2026-11-23")));
    }

    #[test]
    fn a_fifth_earlier_week_is_pruned() {
        let dates = days("2026-10-01", 61);
        let kept = keep(&dates);
        assert_eq!(kept.len(), DAILY + WEEKLY);
        assert_eq!(kept.first(), Some(&d("2026-11-01")));
    }

    #[test]
    fn sporadic_use_keeps_the_newest_copy_of_each_week_without_a_daily_one() {
        let dates: Vec<NaiveDate> = [
            "2026-09-02",
            "2026-09-03",
            "2026-09-10",
            "2026-09-14",
            "2026-09-15",
            "2026-09-30",
            "2026-10-01",
            "2026-10-02",
            "2026-10-05",
            "2026-10-20",
            "2026-11-02",
            "2026-11-03",
            "2026-11-23",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        assert_eq!(
            kept(&dates),
            [
                "2026-09-03", // W36's newest
                "2026-09-10", // W37
                "2026-09-15", // W38's newest
                // 2026-09-30 is in W40, which has daily copies: pruned.
                "2026-10-01",
                "2026-10-02",
                "2026-10-05",
                "2026-10-20",
                "2026-11-02",
                "2026-11-03",
                "2026-11-23",
            ]
        );
    }

    #[test]
    fn order_and_repeats_do_not_matter_and_weeks_are_iso_across_the_year_end() {
        let mut dates = days("2026-12-20", 21);
        dates.reverse();
        dates.extend(days("2026-12-20", 3));
        let kept = keep(&dates);
        assert_eq!(kept, keep(&days("2026-12-20", 21)));
        // 2026-12-28 to 2027-01-03 is one ISO week (2026-W53): only its Sunday stays.
        assert!(kept.contains(&d("2027-01-03")));
        assert!(!kept.contains(&d("2026-12-31")));
        assert!(kept.contains(&d("2026-12-27")));
    }
}
