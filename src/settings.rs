//! The workspace's documented settings: each key with its default, what it means and the
//! rule its value must follow. Only these keys can be set, and only to valid values.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::review::monthly::MonthlySettings;
use crate::store::Workspace;

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
        key: MonthlySettings::REPRIORITISATION_THRESHOLD,
        default: "4",
        meaning: "Priority changes and date moves in one month above which the monthly review \
                  flags constant reprioritisation (a whole number from 0 to 100).",
        range: "a whole number from 0 to 100",
        check: |v| MonthlySettings::parse_threshold(v).map(|_| ()),
    },
    SettingDoc {
        key: MonthlySettings::FISCAL_YEAR_START,
        default: "1",
        meaning: "The month the fiscal year starts in, 1 to 12; quarters are counted from it \
                  (1 gives calendar quarters).",
        range: "a month number from 1 to 12",
        check: |v| MonthlySettings::parse_fiscal_year_start(v).map(|_| ()),
    },
];

/// A setting with its value in one workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SettingValue {
    pub key: String,
    /// The value in force: the one set, else the default.
    pub value: String,
    pub default: String,
    /// Whether the workspace sets it (rather than using the default).
    pub set: bool,
    pub meaning: String,
}

impl SettingDoc {
    /// Checks `value` against the setting's rule.
    pub fn check_value(&self, value: &str) -> Result<()> {
        (self.check)(value)
    }
}

fn doc(key: &str) -> Result<&'static SettingDoc> {
    let key = key.trim();
    SETTINGS.iter().find(|d| d.key == key).ok_or_else(|| {
        let keys: Vec<&str> = SETTINGS.iter().map(|d| d.key).collect();
        Error::invalid(
            "key",
            format!(
                "'{}' is not a setting; the settings are: {}",
                crate::error::abridged(key),
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
                crate::error::abridged(value)
            ),
        )
    })
}

impl Workspace {
    /// Every documented setting with its value in this workspace.
    pub fn settings(&self) -> Result<Vec<SettingValue>> {
        SETTINGS.iter().map(|d| self.setting_value(d.key)).collect()
    }

    /// One documented setting with its value in this workspace.
    pub fn setting_value(&self, key: &str) -> Result<SettingValue> {
        let d = doc(key)?;
        let stored = self.setting(d.key)?;
        Ok(SettingValue {
            key: d.key.into(),
            value: stored.clone().unwrap_or_else(|| d.default.into()),
            default: d.default.into(),
            set: stored.is_some(),
            meaning: d.meaning.into(),
        })
    }

    /// Sets a documented setting after checking its value against the setting's rule. The
    /// fiscal year's start month cannot change once a plan is committed: the committed
    /// quarters would be counted from another month (unless the stored one breaks its rule:
    /// setting it is then the repair).
    pub fn set_known_setting(&mut self, key: &str, value: &str) -> Result<SettingValue> {
        let d = doc(key)?;
        (d.check)(value)?;
        if d.key == MonthlySettings::FISCAL_YEAR_START
            && self
                .fiscal_year_start()
                .is_ok_and(|now| MonthlySettings::parse_fiscal_year_start(value).ok() != Some(now))
            && self.has_baselines()?
        {
            return Err(Error::Conflict(format!(
                "{}: plans are already committed for quarters counted from the current start \
                 month; changing it would move them",
                d.key
            )));
        }
        self.set_setting(d.key, value.trim())?;
        self.setting_value(d.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_follows_its_own_rule() {
        for d in SETTINGS {
            (d.check)(d.default).unwrap_or_else(|e| panic!("{}: {e}", d.key));
        }
    }
}
