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
    /// The workspace file cannot be opened, created or changed as asked; `reason` says why
    /// and what to do.
    #[error("{}: {reason}", path.display())]
    Workspace { path: PathBuf, reason: String },
    /// A file Cadence writes (an export, an update, a backup) could not be written; nothing
    /// was left at `path`.
    #[error("cannot write {}: {reason}", path.display())]
    File { path: PathBuf, reason: String },
    /// A stored value the store cannot read (a file edited by hand): the record, the column
    /// and the value, and how to recover.
    #[error(
        "record {id} of {table}: {column} holds '{value}', which Cadence cannot read; correct it (e.g. \
         with sqlite3) or restore a backup (`cadence backups`, then `cadence restore FILE`)"
    )]
    Unreadable {
        table: String,
        id: String,
        column: String,
        value: String,
    },
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
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

/// What a storage failure means to a person, when it is one: a full disk, a read-only file
/// or file system, or the disk itself failing. `None` for any other error.
pub(crate) fn storage_problem(e: &Error) -> Option<&'static str> {
    use rusqlite::ErrorCode as C;
    match e {
        Error::Db(rusqlite::Error::SqliteFailure(f, _)) => match f.code {
            C::DiskFull => Some("the disk is full; free some space and try again"),
            C::ReadOnly => Some("it cannot be written (read-only)"),
            C::SystemIoFailure => Some("the disk reported an input/output error"),
            C::CannotOpen | C::PermissionDenied => Some("it cannot be opened for writing"),
            _ => None,
        },
        Error::Io(io) => io_problem(io),
        _ => None,
    }
}

/// What an I/O failure means to a person when it is about the disk or permissions.
pub(crate) fn io_problem(e: &std::io::Error) -> Option<&'static str> {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::StorageFull => Some("the disk is full; free some space and try again"),
        K::ReadOnlyFilesystem => Some("it is on a read-only file system"),
        K::PermissionDenied => Some("permission denied"),
        K::IsADirectory => Some("it is a directory"),
        K::NotFound => Some("its folder does not exist"),
        _ => None,
    }
}

/// The core's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// The most characters of a value a message quotes; a longer value is cut and ends in "…".
pub const QUOTE_MAX: usize = 60;

/// `value` as a message quotes it, on one line: whole up to [`QUOTE_MAX`] characters, else its
/// first [`QUOTE_MAX`] followed by "…" (a file may hold a megabyte where a week was expected),
/// with each control character written as its escape (`\n`, `\t`, `\u{1b}`), so a pasted body
/// never breaks the message in two.
pub fn abridged(value: &str) -> std::borrow::Cow<'_, str> {
    let cut = value.char_indices().nth(QUOTE_MAX).map(|(at, _)| at);
    let head = &value[..cut.unwrap_or(value.len())];
    if cut.is_none() && !head.contains(char::is_control) {
        return value.into();
    }
    let mut out = String::with_capacity(head.len() + 3);
    for c in head.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if cut.is_some() {
        out.push('\u{2026}');
    }
    out.into()
}

/// A message of another library (serde's "unknown variant `…`") with every value it quotes
/// between backticks or double quotes [`abridged`].
pub fn abridged_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let mark = &rest[open..=open];
        out.push_str(&rest[..=open]);
        let inner = &rest[open + 1..];
        match inner.find(mark) {
            Some(close) => {
                out.push_str(&abridged(&inner[..close]));
                out.push_str(mark);
                rest = &inner[close + 1..];
            }
            None => {
                out.push_str(&abridged(inner));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_are_cut_to_a_readable_length() {
        assert_eq!(abridged("2026-W07"), "2026-W07");
        let long = "é".repeat(1_000_000);
        let cut = abridged(&long);
        assert_eq!(cut.chars().count(), QUOTE_MAX + 1);
        assert!(cut.ends_with("é\u{2026}"));
        let serde = format!("unknown variant `{long}`, expected one of `a`, `b` at line 1");
        assert_eq!(
            abridged_message(&serde),
            format!(
                "unknown variant `{}\u{2026}`, expected one of `a`, `b` at line 1",
                "é".repeat(QUOTE_MAX)
            )
        );
        assert_eq!(abridged_message("a \"b\" `c"), "a \"b\" `c");
        assert_eq!(abridged("a\nb\tc\r\u{1b}"), "a\\nb\\tc\\r\\u{1b}");
    }
}
