//! People: adding, finding by name, listing with what they own.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::rows::{self, PERSON_COLUMNS};
use super::Workspace;
use crate::calendar::Clock;
use crate::error::{Error, Result};
use crate::model::{Id, Person};
use crate::rules;

/// A person with what they own.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonSummary {
    #[serde(flatten)]
    pub person: Person,
    /// Titles and ids of the initiatives they own, by priority.
    pub owns: Vec<OwnedInitiative>,
    /// How many of those are active.
    pub active_count: i64,
}

/// An initiative as listed under its owner.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnedInitiative {
    pub id: Id,
    pub title: String,
    pub status: crate::model::Status,
}

/// Finds a person by name, case-insensitively.
pub(super) fn find(tx: &Transaction<'_>, name: &str) -> Result<Option<Person>> {
    Ok(tx
        .query_row(
            &format!("SELECT {PERSON_COLUMNS} FROM people p WHERE p.name = ?1"),
            [name],
            rows::person,
        )
        .optional()?)
}

/// Inserts a person after the owner rule; `field` names the input for errors.
pub(super) fn insert(
    tx: &Transaction<'_>,
    clock: Clock,
    field: &str,
    name: &str,
    email: Option<&str>,
    role: Option<&str>,
) -> Result<Person> {
    let name = rules::owner_name(field, name)?;
    if find(tx, &name)?.is_some() {
        return Err(Error::invalid(
            field,
            format!(
                "'{}' is already a person here",
                crate::error::abridged(&name)
            ),
        ));
    }
    let email = rules::optional_line("email", email, 200)?;
    if let Some(e) = &email {
        if !e.contains('@') || e.contains(char::is_whitespace) {
            return Err(Error::invalid(
                "email",
                format!("'{}' is not an email address", crate::error::abridged(e)),
            ));
        }
    }
    let role = rules::optional_line("role", role, 80)?;
    let now = clock.now();
    tx.execute(
        "INSERT INTO people(name, email, role, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![name, email, role, now],
    )?;
    Ok(Person {
        id: tx.last_insert_rowid(),
        name,
        email,
        role,
        created_at: now,
    })
}

/// The person named `name`, created (after the owner rule) when not known yet.
pub(super) fn find_or_insert(
    tx: &Transaction<'_>,
    clock: Clock,
    field: &str,
    name: &str,
) -> Result<Person> {
    let tidy = rules::owner_name(field, name)?;
    match find(tx, &tidy)? {
        Some(p) => Ok(p),
        None => insert(tx, clock, field, &tidy, None, None),
    }
}

impl Workspace {
    /// Adds a person; the name must name one human.
    pub fn add_person(
        &mut self,
        name: &str,
        email: Option<&str>,
        role: Option<&str>,
    ) -> Result<Person> {
        self.write(|tx, clock| insert(tx, clock, "name", name, email, role))
    }

    /// Everyone, by name, with what they own.
    pub fn people(&self) -> Result<Vec<PersonSummary>> {
        let people = rows::all(
            &self.conn,
            &format!("SELECT {PERSON_COLUMNS} FROM people p ORDER BY p.name COLLATE NOCASE"),
            [],
            rows::person,
        )?;
        let owned = rows::all(
            &self.conn,
            "SELECT owner_id, id, title, status FROM initiatives ORDER BY priority, id",
            [],
            |r| {
                Ok((
                    r.get::<_, Id>(0)?,
                    r.get::<_, Id>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )?;
        people
            .into_iter()
            .map(|person| {
                let owns = owned
                    .iter()
                    .filter(|(owner, ..)| *owner == person.id)
                    .map(|(_, id, title, status)| {
                        Ok(OwnedInitiative {
                            id: *id,
                            title: title.clone(),
                            status: status.parse()?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                let active_count = owns
                    .iter()
                    .filter(|o| o.status == crate::model::Status::Active)
                    .count() as i64;
                Ok(PersonSummary {
                    person,
                    owns,
                    active_count,
                })
            })
            .collect()
    }
}
