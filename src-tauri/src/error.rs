//! The error every command returns across IPC: a closed set of codes, a message a person can
//! read, and the input it concerns so the UI can show it next to that input.

use serde::Serialize;

/// What kind of failure a command met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input broke a rule; `field` names the input.
    Invalid,
    /// The record asked for does not exist.
    NotFound,
    /// The request conflicts with what the workspace holds.
    Conflict,
    /// The workspace file cannot be used.
    Workspace,
    /// Anything else: the database, the disk, the runtime.
    Internal,
}

/// A command's failure as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// The input the message concerns, named as in the core (`owner`, `target_date`, …).
    pub field: Option<String>,
}

impl AppError {
    fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// A failure outside the core: the runtime, a native dialog.
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::Internal, message)
    }
}

impl From<cadence::Error> for AppError {
    fn from(e: cadence::Error) -> Self {
        use cadence::Error as E;
        match e {
            E::Invalid { field, message } => AppError {
                code: ErrorCode::Invalid,
                message,
                field: Some(field),
            },
            E::NotFound { .. } => AppError::new(ErrorCode::NotFound, e.to_string()),
            E::Conflict(message) => AppError::new(ErrorCode::Conflict, message),
            E::Workspace { .. } => AppError::new(ErrorCode::Workspace, e.to_string()),
            other => AppError::new(ErrorCode::Internal, other.to_string()),
        }
    }
}

impl From<tauri::Error> for AppError {
    fn from(e: tauri::Error) -> Self {
        AppError::new(ErrorCode::Internal, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_input_keeps_its_field_and_bare_message() {
        let e = AppError::from(cadence::Error::invalid("owner", "names a team"));
        assert_eq!(e.code, ErrorCode::Invalid);
        assert_eq!(e.field.as_deref(), Some("owner"));
        assert_eq!(e.message, "names a team");
    }

    #[test]
    fn codes_serialize_as_snake_case_words() {
        let e = AppError::from(cadence::Error::NotFound {
            what: "initiative",
            id: 9,
        });
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "not_found");
        assert_eq!(json["message"], "initiative 9 does not exist");
        assert!(json["field"].is_null());
    }
}
