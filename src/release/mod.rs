//! Releases: the release track's record (three owners and the person who can stop it, scope
//! with its freeze, rollback readiness, the go/no-go, the outcome and the pain), and the
//! figures read from it. Pure data and pure functions; the store writes it, the reviews read it.

pub mod figures;
pub mod sheet;
pub mod view;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{word_enum, Id};

/// The longest rollback rehearsal or hours lost Cadence records.
pub const MINUTES_MAX: i64 = 10_000;
/// The most hours one pain entry records.
pub const HOURS_MAX: i64 = 1_000;

word_enum!(
    /// What slowed a release down, in the two-track article's buckets.
    PainBucket, "cause" {
        BuildTest => "build-test",
        Checklist => "checklist",
        LateChange => "late-change",
        EnvironmentData => "environment-data",
        Handoff => "handoff",
    }
);

word_enum!(
    /// One of the five go/no-go questions asked the day before a release.
    Question, "question" {
        OneProblem => "one-problem",
        Owners => "owners",
        Rollback => "rollback",
        ProdLike => "prod-like",
        CutsTold => "cuts-told",
    }
);

word_enum!(
    /// What happened around a shipped release: a rollback, an incident, or a near-miss (a
    /// release paused or a problem caught at the last moment).
    EventKind, "kind" {
        Rollback => "rollback",
        Incident => "incident",
        NearMiss => "near-miss",
    }
);

impl PainBucket {
    /// Parses a bucket given for `field` (the pain a release fix `addresses`), the error
    /// naming that field.
    pub fn parse_for(field: &str, text: &str) -> Result<Self> {
        text.parse().map_err(|e| match e {
            Error::Invalid { message, .. } => Error::invalid(field, message),
            other => other,
        })
    }

    /// The label people read.
    pub fn label(self) -> &'static str {
        match self {
            PainBucket::BuildTest => "build and test failures",
            PainBucket::Checklist => "release checklist gaps",
            PainBucket::LateChange => "late product or design changes",
            PainBucket::EnvironmentData => "environment or data problems",
            PainBucket::Handoff => "approval and hand-off delays",
        }
    }
}

/// Parses the answers of a go/no-go as people type them (`question=yes|no`), in question
/// order; a question given twice is refused ([`checked_answers`]).
pub fn parse_answers(texts: &[String]) -> Result<Vec<Answer>> {
    let mut answers: Vec<Answer> = Vec::new();
    for text in texts {
        let (q, a) = text.split_once('=').ok_or_else(|| {
            Error::invalid(
                "answer",
                format!("'{text}' is not QUESTION=yes or QUESTION=no"),
            )
        })?;
        let question: Question = q.parse()?;
        let yes = match a.trim().to_lowercase().as_str() {
            "yes" | "y" => true,
            "no" | "n" => false,
            other => {
                return Err(Error::invalid(
                    "answer",
                    format!("{question}: '{other}' is not yes or no"),
                ))
            }
        };
        answers.push(Answer { question, yes });
    }
    checked_answers(answers)
}

/// The answers of a go/no-go in question order; a question given twice is refused.
pub fn checked_answers(mut answers: Vec<Answer>) -> Result<Vec<Answer>> {
    answers.sort_by_key(|a| a.question);
    if let Some(w) = answers.windows(2).find(|w| w[0].question == w[1].question) {
        return Err(Error::invalid(
            "answer",
            format!("{} is answered twice", w[0].question),
        ));
    }
    Ok(answers)
}

impl Question {
    /// The question as it is asked.
    pub fn text(self) -> &'static str {
        match self {
            Question::OneProblem => "Does this release fix one specific problem?",
            Question::Owners => "Does every unfinished item have one named owner?",
            Question::Rollback => "Can we roll back from one short runbook?",
            Question::ProdLike => "Was the release path tested on a production-like setup?",
            Question::CutsTold => "Did stakeholders hear what was cut and why?",
        }
    }
}

/// A release: what it fixes, its bounded timeline, its owners and everything recorded on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Release {
    pub id: Id,
    /// Its name, e.g. "2.4".
    pub name: String,
    /// The one problem it fixes, in one sentence.
    pub fixes: String,
    /// The target date in force (see [`Release::slips`] for the dates it started with).
    pub target_date: NaiveDate,
    /// The backup date in force, on or after the target.
    pub backup_date: NaiveDate,
    /// How support explains it in one message.
    pub support_note: Option<String>,
    /// Decides what stays and what is cut.
    pub scope_owner_id: Id,
    pub scope_owner: String,
    /// Tracks daily progress, blockers and hand-offs.
    pub delivery_owner_id: Id,
    pub delivery_owner: String,
    /// Owns testing, migrations, config, rollout and rollback.
    pub readiness_owner_id: Id,
    pub readiness_owner: String,
    /// The person who can stop the release.
    pub stop_owner_id: Option<Id>,
    pub stop_owner: Option<String>,
    /// When to roll back, agreed before release day.
    pub rollback_triggers: Option<String>,
    /// The last stable version to go back to.
    pub stable_version: Option<String>,
    /// When scope was frozen (testing started).
    pub frozen_at: Option<NaiveDateTime>,
    pub shipped_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub cancel_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub scope: Vec<ScopeEntry>,
    pub slips: Vec<Slip>,
    pub rehearsals: Vec<Rehearsal>,
    pub decisions: Vec<GoNoGo>,
    pub events: Vec<ReleaseEvent>,
    pub pain: Vec<Pain>,
}

/// An initiative a release ships; added after the freeze it is a late addition (with its
/// reason); cut, it keeps the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScopeEntry {
    pub id: Id,
    pub initiative_id: Id,
    pub added_at: NaiveDateTime,
    /// Why it was added after the freeze (present exactly for late additions).
    pub late_reason: Option<String>,
    /// It touches a risky change type (billing, permissions, migrations, several services).
    pub risky: bool,
    pub cut_at: Option<NaiveDateTime>,
    pub cut_reason: Option<String>,
}

/// A move of the release's dates, with its reason and cause bucket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename = "ReleaseSlip")]
pub struct Slip {
    pub id: Id,
    pub at: NaiveDateTime,
    pub old_target: NaiveDate,
    pub old_backup: NaiveDate,
    pub new_target: NaiveDate,
    pub new_backup: NaiveDate,
    pub reason: String,
    pub cause: PainBucket,
}

/// One timed rollback rehearsal: from "roll back" to users on the stable version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rehearsal {
    pub id: Id,
    pub on: NaiveDate,
    pub minutes: i64,
    pub by_id: Option<Id>,
    pub by: Option<String>,
    pub note: Option<String>,
    pub recorded_at: NaiveDateTime,
}

/// One answer of a go/no-go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Answer {
    pub question: Question,
    pub yes: bool,
}

/// A go/no-go call: who made it, when, the answers given, and the reason of an override.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GoNoGo {
    pub id: Id,
    pub at: NaiveDateTime,
    pub go: bool,
    pub by_id: Id,
    pub by: String,
    /// In question order; a question left out was not answered.
    pub answers: Vec<Answer>,
    pub reason: Option<String>,
}

impl GoNoGo {
    /// The answer given to `q`, if any.
    pub fn answer(&self, q: Question) -> Option<bool> {
        self.answers.iter().find(|a| a.question == q).map(|a| a.yes)
    }

    /// A "go" although a question was answered no or not answered.
    pub fn is_override(&self) -> bool {
        self.go && Question::ALL.iter().any(|q| self.answer(*q) != Some(true))
    }
}

/// A rollback, an incident after release, or a near-miss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReleaseEvent {
    pub id: Id,
    pub kind: EventKind,
    /// When it started (the rollback call, the incident's start, the near-miss).
    pub at: NaiveDateTime,
    /// When users were back on a working version (rollbacks and incidents).
    pub restored_at: Option<NaiveDateTime>,
    /// Why, or what happened.
    pub note: String,
    /// An incident fixed by a hotfix.
    pub hotfix: bool,
}

impl ReleaseEvent {
    /// Minutes from start to restored, when restored.
    pub fn minutes_to_restore(&self) -> Option<i64> {
        self.restored_at.map(|r| (r - self.at).num_minutes())
    }
}

/// Hours a release lost to one cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Pain {
    pub id: Id,
    pub cause: PainBucket,
    pub hours: i64,
    pub note: String,
    pub recorded_at: NaiveDateTime,
}

/// Where a release stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ReleaseStatus {
    /// Planned, scope still open.
    Planned,
    /// Scope frozen, testing under way.
    Frozen,
    Shipped,
    /// Shipped, then rolled back (and not shipped again).
    RolledBack,
    Cancelled,
}

impl ReleaseStatus {
    /// The word people read.
    pub fn label(self) -> &'static str {
        match self {
            ReleaseStatus::Planned => "planned",
            ReleaseStatus::Frozen => "frozen",
            ReleaseStatus::Shipped => "shipped",
            ReleaseStatus::RolledBack => "rolled back",
            ReleaseStatus::Cancelled => "cancelled",
        }
    }
}

impl Release {
    /// Where it stands now.
    pub fn status(&self) -> ReleaseStatus {
        if self.cancelled_at.is_some() {
            ReleaseStatus::Cancelled
        } else if let Some(shipped) = self.shipped_at {
            let rolled_back = self
                .events
                .iter()
                .any(|e| e.kind == EventKind::Rollback && e.at >= shipped);
            if rolled_back {
                ReleaseStatus::RolledBack
            } else {
                ReleaseStatus::Shipped
            }
        } else if self.frozen_at.is_some() {
            ReleaseStatus::Frozen
        } else {
            ReleaseStatus::Planned
        }
    }

    /// Whether it is still to ship (neither shipped nor cancelled).
    pub fn is_open(&self) -> bool {
        self.shipped_at.is_none() && self.cancelled_at.is_none()
    }

    /// The target and backup dates it was first given: a slip never turns a miss green.
    pub fn first_dates(&self) -> (NaiveDate, NaiveDate) {
        match self.slips.first() {
            Some(s) => (s.old_target, s.old_backup),
            None => (self.target_date, self.backup_date),
        }
    }

    /// The initiatives it ships (not cut), in the order they were added.
    pub fn in_scope(&self) -> impl Iterator<Item = &ScopeEntry> {
        self.scope.iter().filter(|s| s.cut_at.is_none())
    }

    /// What was cut, with the reasons.
    pub fn cuts(&self) -> impl Iterator<Item = &ScopeEntry> {
        self.scope.iter().filter(|s| s.cut_at.is_some())
    }

    /// Additions after the freeze still in scope.
    pub fn late_additions(&self) -> impl Iterator<Item = &ScopeEntry> {
        self.in_scope().filter(|s| s.late_reason.is_some())
    }

    /// Whether the scope touches a risky change type.
    pub fn is_risky(&self) -> bool {
        self.in_scope().any(|s| s.risky)
    }

    /// The same person holds all three owner roles (allowed, but it hides risk until the
    /// last day).
    pub fn one_person_owns_all(&self) -> bool {
        self.scope_owner_id == self.delivery_owner_id
            && self.delivery_owner_id == self.readiness_owner_id
    }

    /// The latest go/no-go call.
    pub fn decision(&self) -> Option<&GoNoGo> {
        self.decisions.last()
    }

    /// The latest rehearsal (by date, then as recorded).
    pub fn last_rehearsal(&self) -> Option<&Rehearsal> {
        self.rehearsals.iter().max_by_key(|r| (r.on, r.id))
    }

    /// The release as it was known at `at` (`None` when created later): later records are
    /// left out and later slips undone, so an old period reads the same later.
    pub fn as_of(&self, at: NaiveDateTime) -> Option<Release> {
        if self.created_at > at {
            return None;
        }
        let mut r = self.clone();
        if let Some(first_later) = r.slips.iter().find(|s| s.at > at) {
            r.target_date = first_later.old_target;
            r.backup_date = first_later.old_backup;
        }
        r.slips.retain(|s| s.at <= at);
        r.frozen_at = r.frozen_at.filter(|t| *t <= at);
        r.shipped_at = r.shipped_at.filter(|t| *t <= at);
        if r.cancelled_at.is_some_and(|t| t > at) {
            r.cancelled_at = None;
            r.cancel_reason = None;
        }
        r.scope.retain(|s| s.added_at <= at);
        for s in &mut r.scope {
            if s.cut_at.is_some_and(|t| t > at) {
                s.cut_at = None;
                s.cut_reason = None;
            }
        }
        r.rehearsals.retain(|x| x.recorded_at <= at);
        r.decisions.retain(|d| d.at <= at);
        r.events.retain(|e| e.at <= at);
        for e in &mut r.events {
            e.restored_at = e.restored_at.filter(|t| *t <= at);
        }
        r.pain.retain(|p| p.recorded_at <= at);
        Some(r)
    }
}

/// Parses a local date-time written `YYYY-MM-DD HH:MM` (or with `:SS`, or a `T` between
/// date and time) for `field`.
pub fn parse_time(field: &str, text: &str) -> Result<NaiveDateTime> {
    let t = text.trim();
    let bad = || {
        Error::invalid(
            field,
            format!(
                "'{}' is not a local date and time like 2027-03-14 16:30",
                crate::error::abridged(t)
            ),
        )
    };
    let (date, time) = t.split_once([' ', 'T']).ok_or_else(bad)?;
    let date = crate::calendar::parse_date(field, date).map_err(|_| bad())?;
    let time = ["%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| chrono::NaiveTime::parse_from_str(time, f).ok())
        .ok_or_else(bad)?;
    Ok(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_in_the_forms_people_write() {
        let want = NaiveDate::from_ymd_opt(2027, 3, 14)
            .unwrap()
            .and_hms_opt(16, 30, 0)
            .unwrap();
        assert_eq!(parse_time("at", "2027-03-14 16:30").unwrap(), want);
        assert_eq!(parse_time("at", "2027-03-14T16:30:00").unwrap(), want);
        let e = parse_time("at", "14/03/2027").unwrap_err();
        assert_eq!(e.field(), Some("at"));
        assert!(parse_time("restored", "2027-02-30 10:00").is_err());
        assert!(parse_time("at", "+262142-06-01 10:00").is_err());
        assert!(parse_time("at", "2027-03-14 16:30:00.5").is_err());
    }

    #[test]
    fn buckets_and_questions_read_their_words() {
        assert_eq!(
            "environment-data".parse::<PainBucket>().unwrap(),
            PainBucket::EnvironmentData
        );
        let e = "bugs".parse::<PainBucket>().unwrap_err().to_string();
        assert_eq!(
            e,
            "cause: 'bugs' is not one of: build-test, checklist, late-change, environment-data, handoff"
        );
        assert_eq!("prod-like".parse::<Question>().unwrap(), Question::ProdLike);
    }

    #[test]
    fn answers_are_read_in_question_order_and_refused_twice() {
        let given = vec!["owners=no".to_string(), "one-problem=yes".to_string()];
        let answers = parse_answers(&given).unwrap();
        let yes = |q, yes| Answer { question: q, yes };
        assert_eq!(
            answers,
            [
                yes(Question::OneProblem, true),
                yes(Question::Owners, false)
            ]
        );
        let twice = vec!["owners=no".to_string(), "owners=yes".to_string()];
        assert_eq!(
            parse_answers(&twice).unwrap_err().to_string(),
            "answer: owners is answered twice"
        );
        let given = vec![
            yes(Question::Rollback, true),
            yes(Question::Owners, true),
            yes(Question::Rollback, false),
        ];
        assert_eq!(
            checked_answers(given).unwrap_err().to_string(),
            "answer: rollback is answered twice"
        );
        let bad = vec!["rollback=maybe".to_string()];
        assert_eq!(
            parse_answers(&bad).unwrap_err().to_string(),
            "answer: rollback: 'maybe' is not yes or no"
        );
        assert_eq!(
            parse_answers(&["speed=yes".to_string()])
                .unwrap_err()
                .field(),
            Some("question")
        );
    }
}
