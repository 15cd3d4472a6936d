//! The change log read back: field values as logged, date slips, and initiatives as of a time.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{days_between, fixed_date};
use crate::model::{Change, Initiative, Status};

/// The names of the logged fields, as [`field_values`] lists them.
pub const FIELDS: &[&str] = &[
    "title",
    "owner",
    "track",
    "priority",
    "outcome",
    "measure",
    "result",
    "start_date",
    "target_date",
    "backup_date",
    "risk",
    "risk_level",
    "mitigation",
    "addresses",
    "status",
];

/// Every logged field of an initiative with its value as written in the change log.
pub fn field_values(i: &Initiative) -> Vec<(&'static str, Option<String>)> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    vec![
        ("title", Some(i.title.clone())),
        ("owner", Some(i.owner.clone())),
        ("track", Some(i.track.to_string())),
        ("priority", Some(i.priority.to_string())),
        ("outcome", i.outcome.clone()),
        ("measure", i.measure.clone()),
        ("result", i.result.clone()),
        ("start_date", date(i.start_date)),
        ("target_date", date(i.target_date)),
        ("backup_date", date(i.backup_date)),
        ("risk", i.risk.clone()),
        ("risk_level", i.risk_level.map(|l| l.to_string())),
        ("mitigation", i.mitigation.clone()),
        ("addresses", i.addresses.map(|b| b.to_string())),
        // Last, so that dates set in the same edit are in force when a commitment starts.
        ("status", Some(i.status.to_string())),
    ]
}

/// Sets one logged field of `i` from its change-log text. The owner's id is left as it is
/// (the log keeps names); unknown fields are ignored.
pub fn set_field(i: &mut Initiative, field: &str, value: Option<&str>) {
    let text = || value.map(str::to_string);
    let date = || logged_date(value);
    match field {
        "title" => i.title = value.unwrap_or_default().to_string(),
        "owner" => i.owner = value.unwrap_or_default().to_string(),
        "track" => {
            if let Some(t) = value.and_then(|v| v.parse().ok()) {
                i.track = t
            }
        }
        "status" => {
            if let Some(s) = value.and_then(|v| v.parse().ok()) {
                i.status = s
            }
        }
        "priority" => {
            if let Some(p) = value.and_then(|v| v.parse().ok()) {
                i.priority = p
            }
        }
        "outcome" => i.outcome = text(),
        "measure" => i.measure = text(),
        "result" => i.result = text(),
        "start_date" => i.start_date = date(),
        "target_date" => i.target_date = date(),
        "backup_date" => i.backup_date = date(),
        "risk" => i.risk = text(),
        "risk_level" => i.risk_level = value.and_then(|v| v.parse().ok()),
        "mitigation" => i.mitigation = text(),
        "addresses" => i.addresses = value.and_then(|v| v.parse().ok()),
        _ => {}
    }
}

/// `i` as it stood at `at`, rebuilt by undoing the logged changes made after it.
/// `changes` are the initiative's own entries, oldest first; returns `None` when it did not
/// exist yet.
pub fn as_of(i: &Initiative, changes: &[&Change], at: NaiveDateTime) -> Option<Initiative> {
    if i.created_at > at {
        return None;
    }
    into_as_of(i.clone(), changes, at)
}

/// A date field's value as the change log writes it (`YYYY-MM-DD`, read digit by digit
/// first: the reviews read every logged date); none when it is empty or not a date.
pub fn logged_date(value: Option<&str>) -> Option<NaiveDate> {
    value.and_then(|v| {
        fixed_date(v.as_bytes()).or_else(|| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
    })
}

/// What [`as_of`] rebuilds one logged field from, without copying the initiative: when a
/// change made after `at` set `field`, the old value of the first such change (as the log
/// writes it); none when no later change set it, so the field stands as it is now.
/// `changes` are the initiative's own entries, oldest first.
pub fn logged_value_at<'a>(
    changes: impl IntoIterator<Item = &'a Change>,
    field: &str,
    at: NaiveDateTime,
) -> Option<Option<&'a str>> {
    changes
        .into_iter()
        .find(|c| c.at > at && c.field == field)
        .map(|c| c.old_value.as_deref())
}

/// [`as_of`] on an initiative it may consume, which spares copying it.
pub fn into_as_of(i: Initiative, changes: &[&Change], at: NaiveDateTime) -> Option<Initiative> {
    if i.created_at > at {
        return None;
    }
    let id = i.id;
    let mut past = i;
    for c in changes
        .iter()
        .rev()
        .filter(|c| c.initiative_id == id && c.at > at)
    {
        set_field(&mut past, &c.field, c.old_value.as_deref());
        past.updated_at = at;
    }
    Some(past)
}

/// The items in an initiative's scope, replayed from its `scope` change-log entries (oldest
/// first): an entry with no old value adds its item, one with no new value cuts it.
pub fn scope<'a>(changes: impl IntoIterator<Item = &'a Change>) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for c in changes.into_iter().filter(|c| c.field == "scope") {
        match (&c.old_value, &c.new_value) {
            (None, Some(item)) => items.push(item.clone()),
            (Some(item), None) => items.retain(|i| i != item),
            _ => {}
        }
    }
    items
}

/// Whether a change replaced a target or backup date by another one.
pub fn is_date_move(c: &Change) -> bool {
    matches!(c.field.as_ref(), "target_date" | "backup_date")
        && c.old_value.is_some()
        && c.new_value.is_some()
        && c.old_value != c.new_value
}

/// How many edits moved a target or backup date from `from` to `to` (both included):
/// moving a target and its backup in one edit counts once. `changes` are oldest first.
pub fn date_edits<'a>(
    changes: impl IntoIterator<Item = &'a Change>,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> u32 {
    let mut edits: Vec<NaiveDateTime> = changes
        .into_iter()
        .filter(|c| c.at >= from && c.at <= to && is_date_move(c))
        .map(|c| c.at)
        .collect();
    edits.dedup();
    edits.len() as u32
}

/// How a date moved against the first date the owner committed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Slip {
    /// The date when the initiative first became active (the commitment).
    pub committed: Option<NaiveDate>,
    /// The date now.
    pub current: Option<NaiveDate>,
    /// Moves after the commitment, in either direction.
    pub moves: i32,
    /// Of those, moves to a later date.
    pub later_moves: i32,
    /// Days from the committed date to the current one (negative when pulled in).
    pub days: i32,
}

/// The target and backup slips of one initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Slips {
    pub target: Slip,
    pub backup: Slip,
}

/// Derives the slips from an initiative's change log (its entries, oldest first). The first
/// committed date is the date in force when the initiative first became active.
pub fn slips<'a>(changes: impl IntoIterator<Item = &'a Change>) -> Slips {
    let mut status: Option<Status> = None;
    let mut dates: [Option<NaiveDate>; 2] = [None, None];
    let mut out = Slips::default();
    let mut committed = false;
    for c in changes {
        let slot = match c.field.as_ref() {
            "target_date" => Some(0),
            "backup_date" => Some(1),
            "status" => {
                status = c.new_value.as_deref().and_then(|v| v.parse().ok());
                None
            }
            _ => None,
        };
        if let Some(k) = slot {
            let new = logged_date(c.new_value.as_deref());
            let slip = if k == 0 {
                &mut out.target
            } else {
                &mut out.backup
            };
            if committed {
                slip.moves += 1;
                if let (Some(old), Some(new)) = (dates[k], new) {
                    if new > old {
                        slip.later_moves += 1;
                    }
                }
            }
            dates[k] = new;
        }
        if !committed && status == Some(Status::Active) {
            committed = true;
            out.target.committed = dates[0];
            out.backup.committed = dates[1];
        }
    }
    for (slip, current) in [(&mut out.target, dates[0]), (&mut out.backup, dates[1])] {
        slip.current = current;
        if let (Some(a), Some(b)) = (slip.committed, current) {
            slip.days = days_between(a, b) as i32;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(field: &str, old: Option<&str>, new: Option<&str>) -> Change {
        Change {
            id: 0,
            initiative_id: 1,
            at: NaiveDate::from_ymd_opt(2026, 1, 1)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            field: field.to_string().into(),
            old_value: old.map(Into::into),
            new_value: new.map(Into::into),
            reason: None,
        }
    }

    #[test]
    fn moves_before_commitment_are_not_slips() {
        let log = vec![
            change("status", None, Some("proposed")),
            change("target_date", None, Some("2026-03-01")),
            change("target_date", Some("2026-03-01"), Some("2026-03-10")),
            change("backup_date", None, Some("2026-03-20")),
            change("status", Some("proposed"), Some("active")),
            change("target_date", Some("2026-03-10"), Some("2026-03-24")),
            change("backup_date", Some("2026-03-20"), Some("2026-03-31")),
            change("target_date", Some("2026-03-24"), Some("2026-03-17")),
        ];
        let s = slips(&log);
        assert_eq!(s.target.committed, NaiveDate::from_ymd_opt(2026, 3, 10));
        assert_eq!(s.target.current, NaiveDate::from_ymd_opt(2026, 3, 17));
        assert_eq!(
            (s.target.moves, s.target.later_moves, s.target.days),
            (2, 1, 7)
        );
        assert_eq!((s.backup.moves, s.backup.days), (1, 11));
    }

    #[test]
    fn the_field_names_are_the_logged_fields() {
        let at = change("title", None, None).at;
        let i = Initiative {
            id: 1,
            title: "Billing v2".into(),
            owner_id: 1,
            owner: "Tomás Silva".into(),
            track: crate::model::Track::Customer,
            status: Status::Proposed,
            priority: 1,
            outcome: None,
            measure: None,
            result: None,
            start_date: None,
            target_date: None,
            backup_date: None,
            risk: None,
            risk_level: None,
            mitigation: None,
            addresses: None,
            created_at: at,
            updated_at: at,
        };
        let logged: Vec<&str> = field_values(&i).into_iter().map(|(f, _)| f).collect();
        assert_eq!(logged, FIELDS);
    }

    #[test]
    fn never_active_means_no_commitment() {
        let log = vec![change("target_date", None, Some("2026-03-01"))];
        let s = slips(&log);
        assert_eq!(s.target.committed, None);
        assert_eq!(s.target.moves, 0);
    }
}
