//! People: who they are and what they own.

use cadence::model::Person;
use cadence::store::PersonSummary;

use super::File;
use crate::error::AppError;

/// Everyone, by name, with what they own and how many active initiatives.
#[tauri::command]
#[specta::specta]
pub async fn people(file: File<'_>) -> Result<Vec<PersonSummary>, AppError> {
    file.read(|ws| ws.people()).await
}

/// Adds a person; the name must name one human.
#[tauri::command]
#[specta::specta]
pub async fn add_person(
    file: File<'_>,
    name: String,
    email: Option<String>,
    role: Option<String>,
) -> Result<Person, AppError> {
    file.with(move |ws| ws.add_person(&name, email.as_deref(), role.as_deref()))
        .await
}
