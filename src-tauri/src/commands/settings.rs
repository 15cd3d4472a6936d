//! The workspace's documented settings: reminders, the tray, the reviews' tuning.

use cadence::settings::SettingKey;
use cadence::usecases::workspace_settings::SettingValue;

use super::File;
use crate::error::AppError;

/// Every documented setting with its value in this workspace.
#[tauri::command]
#[specta::specta]
pub async fn settings(file: File<'_>) -> Result<Vec<SettingValue>, AppError> {
    file.read(|ws| ws.settings()).await
}

/// Sets `key` to `value` after checking it against the setting's rule.
#[tauri::command]
#[specta::specta]
pub async fn set_setting(
    file: File<'_>,
    key: SettingKey,
    value: String,
) -> Result<SettingValue, AppError> {
    file.with(move |ws| ws.set_known_setting(key.as_str(), &value))
        .await
}
