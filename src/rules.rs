//! The rules an initiative lives by: one named owner, a bounded timeline, a named risk.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::calendar::{IsoWeek, Quarter};
use crate::error::{abridged, Error, Result};
use crate::model::{Initiative, Status, Track};

/// Words that make a name a team rather than a person.
const TEAM_WORDS: &[&str] = &[
    "team",
    "teams",
    "squad",
    "squads",
    "group",
    "groups",
    "dept",
    "depts",
    "department",
    "departments",
    "guild",
    "guilds",
    "crew",
    "crews",
    "tribe",
    "tribes",
    "committee",
    "org",
];

/// Function names that, alone, name a part of the company rather than a person.
const FUNCTION_WORDS: &[&str] = &[
    "eng",
    "engineering",
    "engineers",
    "backend",
    "back-end",
    "frontend",
    "front-end",
    "mobile",
    "web",
    "qa",
    "ops",
    "devops",
    "platform",
    "product",
    "design",
    "sales",
    "support",
    "marketing",
    "infra",
    "infrastructure",
    "data",
    "security",
    "it",
    "hr",
    "finance",
    "legal",
    "leadership",
    "management",
    "r&d",
];

/// Placeholders that stand where an owner should be.
const PLACEHOLDERS: &[&str] = &[
    "tbd",
    "tba",
    "tbc",
    "n/a",
    "na",
    "none",
    "unassigned",
    "everyone",
    "all",
    "nobody",
    "anyone",
    "someone",
    "unknown",
    "?",
    "-",
    "owner",
];

const NEEDS_ONE: &str = "an initiative needs one named person as its owner";

/// Checks that `name` names exactly one person and returns it tidied (trimmed, inner spaces
/// collapsed). Teams, functions, several people and placeholders are refused with the reason.
pub fn owner_name(field: &str, name: &str) -> Result<String> {
    plain_chars(field, name.trim(), true)?;
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if tidy.is_empty() {
        return Err(Error::invalid(
            field,
            format!("the owner is missing; {NEEDS_ONE}"),
        ));
    }
    let lower = tidy.to_lowercase();
    let compact: String = lower
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if PLACEHOLDERS.contains(&lower.as_str()) || PLACEHOLDERS.contains(&compact.as_str()) {
        return Err(Error::invalid(
            field,
            format!(
                "'{}' is a placeholder, not a person; {NEEDS_ONE}",
                abridged(&tidy)
            ),
        ));
    }
    if !tidy.chars().any(char::is_alphabetic) {
        return Err(Error::invalid(
            field,
            format!("'{}' is not a name; {NEEDS_ONE}", abridged(&tidy)),
        ));
    }
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let several = tidy.contains(['&', '/', '+', ','])
        || words
            .iter()
            .any(|w| matches!(*w, "and" | "und" | "et" | "y"));
    if words.iter().any(|w| TEAM_WORDS.contains(w)) {
        return Err(Error::invalid(
            field,
            format!("'{}' names a team; {NEEDS_ONE}", abridged(&tidy)),
        ));
    }
    if several {
        return Err(Error::invalid(
            field,
            format!(
                "'{}' names several people; {NEEDS_ONE}, accountable alone",
                abridged(&tidy)
            ),
        ));
    }
    if words.iter().all(|w| FUNCTION_WORDS.contains(w)) {
        return Err(Error::invalid(
            field,
            format!(
                "'{}' names a function, not a person; {NEEDS_ONE}",
                abridged(&tidy)
            ),
        ));
    }
    if tidy.chars().count() > 80 {
        return Err(Error::invalid(field, "a name has at most 80 characters"));
    }
    Ok(tidy)
}

/// The lowest and highest priority an initiative can have: 1 comes first.
pub const PRIORITY_RANGE: std::ops::RangeInclusive<i64> = 1..=1000;

/// Checks a priority against [`PRIORITY_RANGE`].
pub fn priority(field: &str, n: i64) -> Result<i64> {
    if PRIORITY_RANGE.contains(&n) {
        Ok(n)
    } else {
        Err(Error::invalid(
            field,
            format!(
                "{n} is out of range; a priority is a whole number from {} to {}",
                PRIORITY_RANGE.start(),
                PRIORITY_RANGE.end()
            ),
        ))
    }
}

/// Whether `c` changes the direction of the text around it: the embeddings and overrides
/// (U+202A–U+202E) and the isolates (U+2066–U+2069).
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The years a date is written in: the commands read dates as `YYYY-MM-DD`, so what they
/// write falls in 0000–9999; a stored date outside (an import can spell `+262143-01-01`)
/// breaks every report's arithmetic.
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// A stored date within [`DATE_YEARS`].
pub fn day_in_range(field: &str, day: NaiveDate) -> Result<()> {
    in_range(field, day.year(), &day)
}

/// A stored time whose date is within [`DATE_YEARS`].
pub fn time_in_range(field: &str, at: NaiveDateTime) -> Result<()> {
    in_range(field, at.year(), &at.format("%Y-%m-%dT%H:%M:%S"))
}

fn in_range(field: &str, year: i32, shown: &dyn std::fmt::Display) -> Result<()> {
    if DATE_YEARS.contains(&year) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "'{shown}' is outside the years {:04} to {} that dates are written in",
                DATE_YEARS.start(),
                DATE_YEARS.end()
            ),
        ))
    }
}

/// The name a refused character is given in messages.
fn char_name(c: char) -> String {
    let name = match c {
        '\0' => "NUL",
        '\u{7}' => "BEL",
        '\u{8}' => "backspace",
        '\t' => "tab",
        '\n' => "line break",
        '\r' => "CR, carriage return",
        '\u{1B}' => "ESC",
        '\u{7F}' => "DEL",
        c if is_direction_control(c) => "a direction override",
        _ => "a control character",
    };
    format!("U+{:04X}, {name}", c as u32)
}

/// Refuses text holding a control character (ESC, BEL, NUL, CR…) or a direction override;
/// line breaks and tabs are allowed unless `one_line`.
pub fn plain_chars(field: &str, text: &str, one_line: bool) -> Result<()> {
    let bad = text.chars().find(|&c| {
        is_direction_control(c) || (c.is_control() && (one_line || !matches!(c, '\n' | '\t')))
    });
    match bad {
        None => Ok(()),
        Some(c) if one_line && matches!(c, '\n' | '\r' | '\t') => Err(Error::invalid(
            field,
            format!("must be one line (it holds {})", char_name(c)),
        )),
        Some(c) => Err(Error::invalid(
            field,
            format!(
                "holds {}; text may not hold control characters or direction overrides",
                char_name(c)
            ),
        )),
    }
}

/// Trims a required text; refuses it when empty, longer than `max` characters or holding a
/// control character or direction override (line breaks and tabs are allowed).
pub fn required_text(field: &str, text: &str, max: usize) -> Result<String> {
    required(field, text, max, false)
}

/// [`required_text`] for a title or a name: one line.
pub fn required_line(field: &str, text: &str, max: usize) -> Result<String> {
    required(field, text, max, true)
}

fn required(field: &str, text: &str, max: usize, one_line: bool) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    within(field, text, max, one_line)?;
    Ok(text.to_string())
}

/// Checks a text's length and characters.
fn within(field: &str, text: &str, max: usize, one_line: bool) -> Result<()> {
    if text.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("has at most {max} characters"),
        ));
    }
    plain_chars(field, text, one_line)
}

/// Trims an optional text; an empty one becomes `None`. Refused like [`required_text`].
pub fn optional_text(field: &str, text: Option<&str>, max: usize) -> Result<Option<String>> {
    optional(field, text, max, false)
}

/// [`optional_text`] for a one-line value (a role, an email address).
pub fn optional_line(field: &str, text: Option<&str>, max: usize) -> Result<Option<String>> {
    optional(field, text, max, true)
}

fn optional(field: &str, text: Option<&str>, max: usize, one_line: bool) -> Result<Option<String>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => {
            within(field, t, max, one_line)?;
            Ok(Some(t.to_string()))
        }
    }
}

/// Checks the rules that depend on several fields: the bounded timeline (backup on or after
/// target; both required when active), the named risk (sentence and level when active) and
/// the release pain addressed (only by a release fix).
pub fn check_initiative(i: &Initiative) -> Result<()> {
    if i.addresses.is_some() && i.track != Track::Release {
        return Err(Error::invalid(
            "addresses",
            format!(
                "only a release-fix initiative (track release) addresses a release pain; this one is on the {} track",
                i.track
            ),
        ));
    }
    if let (Some(target), Some(backup)) = (i.target_date, i.backup_date) {
        if backup < target {
            return Err(Error::invalid(
                "backup_date",
                format!(
                    "the backup date ({backup}) must be on or after the target date ({target})"
                ),
            ));
        }
    }
    if let (Some(start), Some(target)) = (i.start_date, i.target_date) {
        if target < start {
            return Err(Error::invalid(
                "target_date",
                format!("the target date ({target}) must be on or after the start date ({start})"),
            ));
        }
    }
    if i.status == Status::Active {
        if i.target_date.is_none() {
            return Err(Error::invalid(
                "target_date",
                "an active initiative needs a target date (and a backup date on or after it)",
            ));
        }
        if i.backup_date.is_none() {
            return Err(Error::invalid(
                "backup_date",
                "an active initiative needs a backup date on or after its target date",
            ));
        }
        if i.risk.is_none() {
            return Err(Error::invalid(
                "risk",
                "an active initiative needs its main risk named in one sentence",
            ));
        }
        if i.risk_level.is_none() {
            return Err(Error::invalid(
                "risk_level",
                "an active initiative needs a risk level (low, medium or high)",
            ));
        }
    }
    Ok(())
}

/// Checks that a check-in of `i` may be recorded for `week` on `today`: the week has begun
/// and does not end before the initiative was created.
pub fn checkin_week(i: &Initiative, week: IsoWeek, today: NaiveDate) -> Result<()> {
    if week.monday() > today {
        return Err(Error::invalid(
            "week",
            format!(
                "{week} has not begun (it starts on {}); a check-in reports a week under way \
                 or past",
                week.monday()
            ),
        ));
    }
    let created = i.created_at.date();
    if week.sunday() < created {
        return Err(Error::invalid(
            "week",
            format!(
                "{week} ended before initiative {} was created on {created}; a check-in \
                 reports a week of its life",
                i.id
            ),
        ));
    }
    Ok(())
}

/// Checks that `i` can be committed to the plan of `quarter`: it is proposed or active, it
/// passes the rules of an active initiative (one named owner, a bounded timeline, a named
/// risk with its level), and its target date falls inside the quarter. Errors name the
/// initiative.
pub fn check_commitment(i: &Initiative, quarter: Quarter) -> Result<()> {
    commitment_rule(i, quarter).map_err(|e| match e {
        Error::Invalid { field, message } => Error::invalid(
            field,
            format!("'{}' (initiative {}): {message}", abridged(&i.title), i.id),
        ),
        other => other,
    })
}

/// [`check_commitment`] without the initiative's name in the message, for a list that
/// shows it already.
pub fn commitment_rule(i: &Initiative, quarter: Quarter) -> Result<()> {
    if !matches!(i.status, Status::Proposed | Status::Active) {
        return Err(Error::invalid(
            "status",
            format!(
                "it is {}; a plan commits proposed or active initiatives",
                i.status
            ),
        ));
    }
    owner_name("owner", &i.owner)?;
    let mut active = i.clone();
    active.status = Status::Active;
    check_initiative(&active)?;
    match i.target_date {
        Some(target) if !quarter.contains(target) => Err(Error::invalid(
            "target_date",
            format!(
                "the target date ({target}) falls outside {quarter} ({} to {}); a plan commits \
                 what its quarter delivers",
                quarter.first_day(),
                quarter.last_day()
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(name: &str) -> String {
        owner_name("owner", name).unwrap_err().to_string()
    }

    #[test]
    fn teams_are_refused_with_the_reason() {
        assert_eq!(
            refused("Backend team"),
            "owner: 'Backend team' names a team; an initiative needs one named person as its owner"
        );
        for name in [
            "Platform Team",
            "Mobile squad",
            "Growth group",
            "Sales dept.",
            "Finance Department",
            "Frontend guild",
            "Release crew",
            "Payments tribe",
        ] {
            assert!(refused(name).contains("names a team"), "{name}");
        }
    }

    #[test]
    fn functions_alone_are_refused() {
        for name in [
            "Eng",
            "engineering",
            "Backend",
            "frontend",
            "Mobile",
            "web",
            "QA",
            "Ops",
            "DevOps",
            "Platform",
            "Product",
            "Design",
            "Sales",
            "Support",
            "Marketing",
        ] {
            assert!(refused(name).contains("names a function"), "{name}");
        }
    }

    #[test]
    fn several_people_are_refused() {
        for name in [
            "Alice and Bob",
            "Alice & Bob",
            "Alice/Bob",
            "Alice + Bob",
            "Alice, Bob",
        ] {
            assert!(refused(name).contains("names several people"), "{name}");
        }
    }

    #[test]
    fn placeholders_are_refused() {
        for name in [
            "TBD",
            "tbd",
            "N/A",
            "n/a",
            "none",
            "Unassigned",
            "everyone",
            "All",
            "nobody",
            "T.B.D.",
        ] {
            assert!(refused(name).contains("placeholder"), "{name}");
        }
        assert!(refused("   ").contains("missing"));
    }

    #[test]
    fn a_commitment_needs_the_rules_of_active_work_and_a_target_in_the_quarter() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let at = day("2026-09-01").and_hms_opt(9, 0, 0).unwrap();
        let mut i = Initiative {
            id: 7,
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
            target_date: Some(day("2026-12-31")),
            backup_date: None,
            risk: Some("the sandbox fails".into()),
            risk_level: Some(crate::model::RiskLevel::Medium),
            mitigation: None,
            addresses: None,
            created_at: at,
            updated_at: at,
        };
        let q4 = Quarter::of(day("2026-11-01"), 1);
        let err = check_commitment(&i, q4).unwrap_err();
        assert_eq!(err.field(), Some("backup_date"));
        assert!(
            err.to_string().contains("'Billing v2' (initiative 7)"),
            "{err}"
        );
        i.backup_date = Some(day("2027-01-08"));
        check_commitment(&i, q4).unwrap();
        i.target_date = Some(day("2027-01-01"));
        let err = check_commitment(&i, q4).unwrap_err();
        assert_eq!(err.field(), Some("target_date"));
        assert!(err.to_string().contains("falls outside 2026-Q4"), "{err}");
        i.target_date = Some(day("2026-10-01"));
        i.risk_level = None;
        assert_eq!(
            check_commitment(&i, q4).unwrap_err().field(),
            Some("risk_level")
        );
        i.risk_level = Some(crate::model::RiskLevel::Low);
        i.status = Status::Done;
        assert_eq!(
            check_commitment(&i, q4).unwrap_err().field(),
            Some("status")
        );
        i.status = Status::Active;
        i.owner = "Backend team".into();
        assert_eq!(check_commitment(&i, q4).unwrap_err().field(), Some("owner"));
    }

    #[test]
    fn real_names_pass() {
        for name in [
            "Maya Teamson",
            "Greg Allman",
            "Zoë Ångström",
            "José Núñez",
            "Sandra Groupe",
            "Andrea Anderson",
            "Ops Olsen",
            "Nobody Smith",
            "Li Na",
            "Chloé d'Arcy",
            "Jean-Luc Picard",
            "Ada",
        ] {
            assert!(owner_name("owner", name).is_ok(), "{name}");
        }
        assert_eq!(
            owner_name("owner", "  Maya   Patel ").unwrap(),
            "Maya Patel"
        );
    }
}
