//! Opening a workspace file: identity checks that leave foreign files untouched, the one
//! connection-init function, backups and migrations.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use super::schema::{self, APPLICATION_ID};
use crate::error::{Error, Result};

/// The default workspace file: `cadence/cadence.db` in the platform data directory.
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("cadence")
        .join("cadence.db")
}

/// The workspace file to use: `explicit` when given, else `CADENCE_DB`, else the default.
pub fn resolve_path(explicit: Option<&Path>) -> PathBuf {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| {
            std::env::var_os("CADENCE_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(default_path)
}

/// What the first 100 bytes of a file say about it.
enum Header {
    /// Missing or empty: a new workspace.
    Fresh,
    /// A SQLite file with this application id and schema version.
    Sqlite { application_id: i32, version: i64 },
    /// Anything else.
    Foreign,
}

fn read_header(path: &Path) -> Result<Header> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Header::Fresh),
        Err(e) => return Err(e.into()),
    };
    let mut head = Vec::with_capacity(100);
    file.by_ref().take(100).read_to_end(&mut head)?;
    if head.is_empty() {
        return Ok(Header::Fresh);
    }
    if head.len() < 100 || &head[..16] != b"SQLite format 3\0" {
        return Ok(Header::Foreign);
    }
    let be = |at: usize| i32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    Ok(Header::Sqlite {
        application_id: be(68),
        version: i64::from(be(60)),
    })
}

/// Sets every per-connection PRAGMA: WAL, foreign keys, full sync and a busy timeout.
pub fn init_connection(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Opens (creating when missing) the workspace at `path`, migrating an older schema after
/// writing a backup beside it. A newer schema or a foreign file is refused untouched.
pub fn open_connection(path: &Path) -> Result<Connection> {
    let refuse = |reason: String| Error::Workspace {
        path: path.to_path_buf(),
        reason,
    };
    let header = read_header(path)?;
    let latest = schema::latest_version();
    match header {
        Header::Foreign => {
            return Err(refuse(
                "is not a Cadence workspace (not a SQLite database); it was left untouched".into(),
            ))
        }
        Header::Sqlite { application_id, .. } if application_id != APPLICATION_ID => {
            return Err(refuse(
                "is a SQLite database but not a Cadence workspace; it was left untouched".into(),
            ))
        }
        Header::Sqlite { version, .. } if version > latest => {
            return Err(refuse(format!(
                "was written by a newer Cadence (schema version {version}; this version knows up \
                 to {latest}); update Cadence to open it. The file was left untouched"
            )))
        }
        _ => {}
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let mut conn = Connection::open(path)?;
    init_connection(&conn)?;
    match header {
        Header::Fresh => {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        Header::Sqlite { version, .. } if version < latest => {
            let backup = backup_path_for(path, version);
            super::backup::write_copy(&conn, &backup, false)?;
        }
        _ => {}
    }
    schema::migrations().to_latest(&mut conn)?;
    if !matches!(header, Header::Sqlite { version, .. } if version == latest) {
        // The new identity and schema version sit in the write-ahead log until a checkpoint;
        // another process reading the file's header meanwhile must already see them.
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    Ok(conn)
}

/// Where the backup taken before migrating from `version` goes: beside the file.
fn backup_path_for(path: &Path, version: i64) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "cadence.db".into());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    path.with_file_name(format!("{name}.v{version}-{stamp}.bak"))
}
