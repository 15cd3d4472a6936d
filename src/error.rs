//! The core's one error type.

use std::path::PathBuf;

/// What can go wrong in the core. `Invalid` carries the field it concerns so the CLI and
/// the app can point at the offending input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input broke a rule; `field` names the input, `message` the rule.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// A referenced record does not exist.
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: i64 },
    /// The request conflicts with what the workspace holds.
    #[error("{0}")]
    Conflict(String),
    /// The file cannot be used as a workspace; it was left untouched.
    #[error("{}: {reason}", path.display())]
    Workspace { path: PathBuf, reason: String },
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    /// A rule broken by the input named `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The field an error concerns, when it concerns one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;
