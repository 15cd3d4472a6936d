//! The workspace's documented settings: each key with its default, what it means and the
//! rule its value must follow. Only these keys can be set, and only to valid values.

use std::collections::BTreeMap;

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{abridged, Error, Result};
use crate::model::word_enum;

word_enum!(
    /// A documented setting, by its key: the closed set the app's settings name. Values stay
    /// text, each checked against its own setting's rule ([`SETTINGS`]).
    SettingKey, "key" {
        ReprioritisationThreshold => "monthly.reprioritisation_threshold",
        FiscalYearStart => "fiscal_year_start",
        ReviewDay => "reminders.review_day",
        ReviewTime => "reminders.review_time",
        WeeklyReview => "reminders.weekly_review",
        Decisions => "reminders.decisions",
        GoNoGo => "reminders.go_no_go",
        CloseToTray => "app.close_to_tray",
    }
);

/// A documented setting.
pub struct SettingDoc {
    pub key: &'static str,
    pub default: &'static str,
    /// What the setting changes, in one sentence.
    pub meaning: &'static str,
    /// The values allowed, as people write them ("1–12").
    pub range: &'static str,
    check: fn(&str) -> Result<()>,
}

/// Every setting a workspace knows.
pub const SETTINGS: &[SettingDoc] = &[
    SettingDoc {
        key: ReviewSettings::REPRIORITISATION_THRESHOLD,
        default: "4",
        meaning: "Priority changes and date moves in one month above which the monthly review \
                  flags constant reprioritisation (a whole number from 0 to 100).",
        range: "a whole number from 0 to 100",
        check: |v| ReviewSettings::parse_threshold(v).map(|_| ()),
    },
    SettingDoc {
        key: ReviewSettings::FISCAL_YEAR_START,
        default: "1",
        meaning: "The month the fiscal year starts in, 1 to 12; quarters are counted from it \
                  (1 gives calendar quarters).",
        range: "a month number from 1 to 12",
        check: |v| ReviewSettings::parse_fiscal_year_start(v).map(|_| ()),
    },
    SettingDoc {
        key: ReminderSettings::REVIEW_DAY,
        default: "monday",
        meaning: "The day of the weekly review: the app reminds you of it that day (a day of \
                  the week in English, monday to sunday).",
        range: "a day of the week, monday to sunday",
        check: |v| ReminderSettings::parse_day(v).map(|_| ()),
    },
    SettingDoc {
        key: ReminderSettings::REVIEW_TIME,
        default: "09:00",
        meaning: "The local time of day the app's reminders come at (HH:MM, 24-hour clock).",
        range: "a time of day written HH:MM",
        check: |v| ReminderSettings::parse_time(v).map(|_| ()),
    },
    SettingDoc {
        key: ReminderSettings::WEEKLY_REVIEW,
        default: "on",
        meaning: "Whether the app reminds you of the weekly review with the check-ins still \
                  missing and the blockers to escalate (on or quiet).",
        range: "on or quiet",
        check: |v| ReminderSettings::parse_quiet(v).map(|_| ()),
    },
    SettingDoc {
        key: ReminderSettings::DECISIONS,
        default: "on",
        meaning: "Whether the app reminds you of a decision needed tomorrow or overdue (on or \
                  quiet).",
        range: "on or quiet",
        check: |v| ReminderSettings::parse_quiet(v).map(|_| ()),
    },
    SettingDoc {
        key: ReminderSettings::GO_NO_GO,
        default: "on",
        meaning: "Whether the app reminds you the day before a release's target that its \
                  go/no-go call is not recorded yet (on or quiet).",
        range: "on or quiet",
        check: |v| ReminderSettings::parse_quiet(v).map(|_| ()),
    },
    SettingDoc {
        key: CLOSE_TO_TRAY,
        default: "on",
        meaning: "Whether closing the app's window keeps Cadence running in the system tray, \
                  so reminders still come (on or off).",
        range: "on or off",
        check: |v| parse_on_off(CLOSE_TO_TRAY, v).map(|_| ()),
    },
];

/// The settings key of keeping Cadence in the tray when its window is closed.
pub const CLOSE_TO_TRAY: &str = SettingKey::CloseToTray.as_str();

/// Parses a switch written `on` or `off`; `key` names the setting in the message.
pub fn parse_on_off(key: &str, text: &str) -> Result<bool> {
    match text.trim() {
        "on" => Ok(true),
        "off" => Ok(false),
        other => Err(Error::invalid(key, format!("'{other}' must be on or off"))),
    }
}

impl SettingDoc {
    /// Checks `value` against the setting's rule.
    pub fn check_value(&self, value: &str) -> Result<()> {
        (self.check)(value)
    }
}

/// The documented setting `key` names; an error listing the settings when none does.
pub fn doc(key: &str) -> Result<&'static SettingDoc> {
    let key = key.trim();
    SETTINGS.iter().find(|d| d.key == key).ok_or_else(|| {
        let keys: Vec<&str> = SETTINGS.iter().map(|d| d.key).collect();
        Error::invalid(
            "key",
            format!(
                "'{}' is not a setting; the settings are: {}",
                abridged(key),
                keys.join(", ")
            ),
        )
    })
}

/// Reads the stored value of setting `key` with `parse`, the setting's rule. A stored value
/// that breaks the rule (an import or a hand edit put it there) is an error naming the
/// setting, the rule and the command that repairs it, so no command fails for good on it.
pub fn read_stored<T>(key: &str, value: &str, parse: fn(&str) -> Result<T>) -> Result<T> {
    parse(value).map_err(|_| {
        let (range, default) = SETTINGS
            .iter()
            .find(|d| d.key == key)
            .map_or(("valid", ""), |d| (d.range, d.default));
        Error::invalid(
            key,
            format!(
                "the setting is '{}' in this workspace (must be {range}); repair it with \
                 `cadence settings set {key} {default}`",
                abridged(value)
            ),
        )
    })
}

/// The value of setting `key`: `stored` read with `parse`, the setting's rule (an error
/// naming the setting, the rule and the repair when it breaks it, see [`read_stored`]), else
/// the setting's documented default. Every reader of a setting goes through here, so the
/// defaults are written once, in [`SETTINGS`].
pub fn value_or_default<T>(
    key: &str,
    stored: Option<&str>,
    parse: fn(&str) -> Result<T>,
) -> Result<T> {
    match stored {
        Some(v) => read_stored(key, v, parse),
        None => Ok(default_of(key, parse)),
    }
}

/// The value of setting `key` in a workspace's settings table (see [`value_or_default`]).
fn stored<T>(
    settings: &BTreeMap<String, String>,
    key: &str,
    parse: fn(&str) -> Result<T>,
) -> Result<T> {
    value_or_default(key, settings.get(key).map(String::as_str), parse)
}

/// The documented default of setting `key`, read with `parse`.
fn default_of<T>(key: &str, parse: fn(&str) -> Result<T>) -> T {
    let d = doc(key).expect("a documented setting");
    parse(d.default).expect("every default follows its own rule (tested)")
}

/// What the reviews are tuned with: the fiscal year every review counts quarters from, and
/// the monthly review's reprioritisation threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReviewSettings {
    /// Priority or date changes in one month above which constant reprioritisation is
    /// flagged (setting `monthly.reprioritisation_threshold`, default 4).
    pub reprioritisation_threshold: u32,
    /// The month the fiscal year starts in, 1 to 12, for "moves this quarter" (setting
    /// `fiscal_year_start`, default 1: calendar quarters).
    pub fiscal_year_start: u32,
}

impl Default for ReviewSettings {
    /// The documented defaults ([`SETTINGS`]).
    fn default() -> Self {
        ReviewSettings {
            reprioritisation_threshold: default_of(
                Self::REPRIORITISATION_THRESHOLD,
                Self::parse_threshold,
            ),
            fiscal_year_start: default_of(Self::FISCAL_YEAR_START, Self::parse_fiscal_year_start),
        }
    }
}

impl ReviewSettings {
    /// The settings key of the reprioritisation threshold.
    pub const REPRIORITISATION_THRESHOLD: &'static str =
        SettingKey::ReprioritisationThreshold.as_str();
    /// The settings key of the month the fiscal year starts in.
    pub const FISCAL_YEAR_START: &'static str = SettingKey::FiscalYearStart.as_str();
    /// Reads the settings from a workspace's settings table; absent keys take their default.
    /// A stored value that breaks its rule is an error saying how to repair it.
    pub fn from_settings(settings: &BTreeMap<String, String>) -> Result<Self> {
        Ok(ReviewSettings {
            reprioritisation_threshold: stored(
                settings,
                Self::REPRIORITISATION_THRESHOLD,
                Self::parse_threshold,
            )?,
            fiscal_year_start: stored(
                settings,
                Self::FISCAL_YEAR_START,
                Self::parse_fiscal_year_start,
            )?,
        })
    }

    /// Parses a reprioritisation threshold: a whole number from 0 to 100.
    pub fn parse_threshold(text: &str) -> Result<u32> {
        text.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= 100)
            .ok_or_else(|| {
                Error::invalid(
                    Self::REPRIORITISATION_THRESHOLD,
                    format!(
                        "'{}' is not a whole number from 0 to 100",
                        abridged(text.trim())
                    ),
                )
            })
    }

    /// Parses the month a fiscal year starts in: 1 to 12.
    pub fn parse_fiscal_year_start(text: &str) -> Result<u32> {
        text.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=12).contains(n))
            .ok_or_else(|| {
                Error::invalid(
                    Self::FISCAL_YEAR_START,
                    format!(
                        "'{}' is not a month number from 1 to 12",
                        abridged(text.trim())
                    ),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_one_documented_setting_in_order() {
        let keys: Vec<&str> = SettingKey::ALL.iter().map(|k| k.as_str()).collect();
        let documented: Vec<&str> = SETTINGS.iter().map(|d| d.key).collect();
        assert_eq!(keys, documented);
    }

    #[test]
    fn every_default_follows_its_own_rule() {
        for d in SETTINGS {
            (d.check)(d.default).unwrap_or_else(|e| panic!("{}: {e}", d.key));
        }
    }

    #[test]
    fn reads_defaults_and_refuses_nonsense() {
        let mut map = BTreeMap::new();
        assert_eq!(
            ReviewSettings::from_settings(&map).unwrap(),
            ReviewSettings::default()
        );
        map.insert(
            ReviewSettings::REPRIORITISATION_THRESHOLD.into(),
            "7".into(),
        );
        map.insert(ReviewSettings::FISCAL_YEAR_START.into(), "4".into());
        let s = ReviewSettings::from_settings(&map).unwrap();
        assert_eq!((s.reprioritisation_threshold, s.fiscal_year_start), (7, 4));
        map.insert(
            ReviewSettings::REPRIORITISATION_THRESHOLD.into(),
            "-1".into(),
        );
        let err = ReviewSettings::from_settings(&map).unwrap_err();
        assert_eq!(err.field(), Some("monthly.reprioritisation_threshold"));
        assert!(ReviewSettings::parse_fiscal_year_start("13").is_err());
    }
}

/// When and which reminders come (the workspace's `reminders.*` settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderSettings {
    /// The day of the weekly review (default Monday).
    pub review_day: Weekday,
    /// The local time of day reminders come at (default 09:00).
    pub review_time: NaiveTime,
    /// No weekly review reminder.
    pub quiet_weekly_review: bool,
    /// No decision reminder.
    pub quiet_decisions: bool,
    /// No go/no-go reminder.
    pub quiet_go_no_go: bool,
}

impl Default for ReminderSettings {
    /// The documented defaults ([`SETTINGS`]).
    fn default() -> Self {
        ReminderSettings {
            review_day: default_of(Self::REVIEW_DAY, Self::parse_day),
            review_time: default_of(Self::REVIEW_TIME, Self::parse_time),
            quiet_weekly_review: default_of(Self::WEEKLY_REVIEW, Self::parse_quiet),
            quiet_decisions: default_of(Self::DECISIONS, Self::parse_quiet),
            quiet_go_no_go: default_of(Self::GO_NO_GO, Self::parse_quiet),
        }
    }
}

impl ReminderSettings {
    /// The settings key of the review day.
    pub const REVIEW_DAY: &'static str = SettingKey::ReviewDay.as_str();
    /// The settings key of the time reminders come at.
    pub const REVIEW_TIME: &'static str = SettingKey::ReviewTime.as_str();
    /// The settings key that makes the weekly review reminder quiet.
    pub const WEEKLY_REVIEW: &'static str = SettingKey::WeeklyReview.as_str();
    /// The settings key that makes decision reminders quiet.
    pub const DECISIONS: &'static str = SettingKey::Decisions.as_str();
    /// The settings key that makes go/no-go reminders quiet.
    pub const GO_NO_GO: &'static str = SettingKey::GoNoGo.as_str();

    /// Parses a day of the week, in English, whole or abbreviated ("monday", "Mon").
    pub fn parse_day(text: &str) -> Result<Weekday> {
        text.trim().parse::<Weekday>().map_err(|_| {
            Error::invalid(
                Self::REVIEW_DAY,
                format!(
                    "'{}' is not a day of the week (monday … sunday)",
                    text.trim()
                ),
            )
        })
    }

    /// Parses a time of day written `HH:MM` (24-hour clock).
    pub fn parse_time(text: &str) -> Result<NaiveTime> {
        NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
            Error::invalid(
                Self::REVIEW_TIME,
                format!(
                    "'{}' is not a time of day written HH:MM (00:00 to 23:59)",
                    text.trim()
                ),
            )
        })
    }

    /// Parses whether a kind of reminder comes: `on` or `quiet`; true when quiet.
    pub fn parse_quiet(text: &str) -> Result<bool> {
        match text.trim() {
            "on" => Ok(false),
            "quiet" => Ok(true),
            other => Err(Error::invalid(
                "value",
                format!("'{other}' must be on or quiet"),
            )),
        }
    }
}
