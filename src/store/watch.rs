//! Following a workspace file for changes committed elsewhere: by the CLI, another window,
//! or the app's own commands on their connections. A reading connection of its own compares
//! SQLite's `data_version`, which moves whenever another connection commits, and the file's
//! identity, which moves when a restore puts another file in its place.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::open::{read_header, Header};
use super::schema::APPLICATION_ID;
use crate::error::Result;

/// A watch over one workspace file. It never writes and never creates the file.
pub struct ChangeWatch {
    path: PathBuf,
    open: Option<Watched>,
}

/// The connection reading the file, the file it was opened on and the last version seen.
struct Watched {
    conn: Connection,
    file: Option<FileId>,
    version: i64,
}

/// Which file a path names (device and inode); `None` where the platform does not say.
type FileId = (u64, u64);

fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

impl ChangeWatch {
    /// A watch over `path`; the file may not exist yet.
    pub fn new(path: &Path) -> Self {
        ChangeWatch {
            path: path.to_path_buf(),
            open: None,
        }
    }

    /// Whether the workspace changed since the previous call (or since the watch was made,
    /// on the first call that finds a workspace): another connection committed, or the file
    /// was created or replaced. A file that is missing, foreign or unreadable reports no
    /// change; it is looked at again on the next call.
    pub fn changed(&mut self) -> bool {
        let now = file_id(&self.path);
        if let Some(w) = &self.open {
            if w.file != now {
                self.open = None;
            }
        }
        match self.open.as_mut() {
            Some(w) => match data_version(&w.conn) {
                Ok(v) if v != w.version => {
                    w.version = v;
                    true
                }
                Ok(_) => false,
                Err(_) => {
                    self.open = None;
                    false
                }
            },
            None => match self.start(now) {
                Ok(watched) => {
                    self.open = Some(watched);
                    true
                }
                Err(_) => false,
            },
        }
    }

    fn start(&self, file: Option<FileId>) -> Result<Watched> {
        match read_header(&self.path)? {
            Header::Sqlite { application_id, .. } if application_id == APPLICATION_ID => {}
            _ => {
                return Err(crate::Error::Conflict(format!(
                    "{} is not a workspace yet",
                    self.path.display()
                )))
            }
        }
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(1))?;
        let version = data_version(&conn)?;
        Ok(Watched {
            conn,
            file,
            version,
        })
    }
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "data_version", |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{parse_date, Clock};
    use crate::store::Workspace;

    fn clock() -> Clock {
        Clock::pinned(parse_date("today", "2026-03-04").unwrap())
    }

    #[test]
    fn a_commit_by_another_connection_is_seen_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let mut watch = ChangeWatch::new(&path);
        assert!(!watch.changed(), "no file yet");
        let mut ws = Workspace::open_or_create(&path, clock()).unwrap();
        assert!(watch.changed(), "the workspace appeared");
        assert!(!watch.changed(), "nothing committed since");
        ws.add_person("Ana Lima", None, None).unwrap();
        assert!(watch.changed(), "a commit elsewhere");
        assert!(!watch.changed(), "seen once");
        let _ = ws.snapshot().unwrap();
        assert!(!watch.changed(), "a read changes nothing");
    }

    #[test]
    fn a_file_put_in_place_of_the_workspace_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let other = dir.path().join("other.db");
        drop(Workspace::open_or_create(&path, clock()).unwrap());
        drop(Workspace::open_or_create(&other, clock()).unwrap());
        let mut watch = ChangeWatch::new(&path);
        assert!(watch.changed());
        assert!(!watch.changed());
        std::fs::rename(&other, &path).unwrap();
        assert_eq!(watch.changed(), cfg!(unix), "the replaced file is noticed");
    }

    #[test]
    fn a_foreign_file_is_not_watched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "not a workspace").unwrap();
        let mut watch = ChangeWatch::new(&path);
        assert!(!watch.changed());
    }
}
