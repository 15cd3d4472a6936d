//! The settings the monthly review reads from the workspace's settings table.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{abridged, Error, Result};
use crate::settings::read_stored;

/// What the monthly review is tuned with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthlySettings {
    /// Priority or date changes in one month above which constant reprioritisation is
    /// flagged (setting `monthly.reprioritisation_threshold`, default 4).
    pub reprioritisation_threshold: u32,
    /// The month the fiscal year starts in, 1 to 12, for "moves this quarter" (setting
    /// `fiscal_year_start`, default 1: calendar quarters).
    pub fiscal_year_start: u32,
}

impl Default for MonthlySettings {
    fn default() -> Self {
        MonthlySettings {
            reprioritisation_threshold: Self::DEFAULT_REPRIORITISATION_THRESHOLD,
            fiscal_year_start: 1,
        }
    }
}

impl MonthlySettings {
    /// The settings key of the reprioritisation threshold.
    pub const REPRIORITISATION_THRESHOLD: &'static str = "monthly.reprioritisation_threshold";
    /// The settings key of the month the fiscal year starts in.
    pub const FISCAL_YEAR_START: &'static str = "fiscal_year_start";
    /// The threshold when none is set: more than four changes in a month is flagged.
    pub const DEFAULT_REPRIORITISATION_THRESHOLD: u32 = 4;

    /// Reads the settings from a workspace's settings table; absent keys take their default.
    /// A stored value that breaks its rule is an error saying how to repair it.
    pub fn from_settings(settings: &BTreeMap<String, String>) -> Result<Self> {
        let mut s = MonthlySettings::default();
        if let Some(v) = settings.get(Self::REPRIORITISATION_THRESHOLD) {
            s.reprioritisation_threshold =
                read_stored(Self::REPRIORITISATION_THRESHOLD, v, Self::parse_threshold)?;
        }
        if let Some(v) = settings.get(Self::FISCAL_YEAR_START) {
            s.fiscal_year_start =
                read_stored(Self::FISCAL_YEAR_START, v, Self::parse_fiscal_year_start)?;
        }
        Ok(s)
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
    fn reads_defaults_and_refuses_nonsense() {
        let mut map = BTreeMap::new();
        assert_eq!(
            MonthlySettings::from_settings(&map).unwrap(),
            MonthlySettings::default()
        );
        map.insert(
            MonthlySettings::REPRIORITISATION_THRESHOLD.into(),
            "7".into(),
        );
        map.insert(MonthlySettings::FISCAL_YEAR_START.into(), "4".into());
        let s = MonthlySettings::from_settings(&map).unwrap();
        assert_eq!((s.reprioritisation_threshold, s.fiscal_year_start), (7, 4));
        map.insert(
            MonthlySettings::REPRIORITISATION_THRESHOLD.into(),
            "-1".into(),
        );
        let err = MonthlySettings::from_settings(&map).unwrap_err();
        assert_eq!(err.field(), Some("monthly.reprioritisation_threshold"));
        assert!(MonthlySettings::parse_fiscal_year_start("13").is_err());
    }
}
