//! Reading and changing a workspace's documented settings (see [`crate::settings`]).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::settings::{doc, value_or_default, ReviewSettings, SettingKey, SETTINGS};
use crate::store::Workspace;

/// A setting with its value in one workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SettingValue {
    pub key: SettingKey,
    /// The value in force: the one set, else the default.
    pub value: String,
    pub default: String,
    /// Whether the workspace sets it (rather than using the default).
    pub set: bool,
    pub meaning: String,
}

impl Workspace {
    /// The value in force of setting `key`, read with `parse` (its rule): the stored one, else
    /// its documented default; a stored one that breaks the rule is an error naming the
    /// setting, the rule and the repair ([`value_or_default`]).
    pub fn read_setting<T>(&self, key: &str, parse: fn(&str) -> Result<T>) -> Result<T> {
        value_or_default(key, self.setting(key)?.as_deref(), parse)
    }

    /// Every documented setting with its value in this workspace.
    pub fn settings(&self) -> Result<Vec<SettingValue>> {
        SETTINGS.iter().map(|d| self.setting_value(d.key)).collect()
    }

    /// One documented setting with its value in this workspace.
    pub fn setting_value(&self, key: &str) -> Result<SettingValue> {
        let d = doc(key)?;
        let stored = self.setting(d.key)?;
        Ok(SettingValue {
            key: d.key.parse()?,
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
        d.check_value(value)?;
        if d.key == ReviewSettings::FISCAL_YEAR_START
            && self
                .fiscal_year_start()
                .is_ok_and(|now| ReviewSettings::parse_fiscal_year_start(value).ok() != Some(now))
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
