//! A release's readiness and its go/no-go sheet: the five questions with the evidence
//! Cadence already holds, read from a snapshot on a day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Question, Release};
use crate::calendar::days_between;
use crate::model::{Id, Status};
use crate::snapshot::Snapshot;

/// How near the target a release must be rehearsed: within this many days of it…
pub const WINDOW_DAYS: i64 = 7;
/// …a rehearsal no older than this many days.
pub const REHEARSAL_MAX_AGE: i64 = 14;

/// Whether a release is ready, and what says not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Readiness {
    pub frozen: bool,
    /// Days from today to the target date in force (negative once past).
    pub days_to_target: i64,
    /// The latest rehearsal: its day, age in days and minutes.
    pub last_rehearsal: Option<LastRehearsal>,
    /// The latest go/no-go call: go or not.
    pub decided_go: Option<bool>,
    /// The latest call was a go over a "no" or an unanswered question.
    pub overridden: bool,
    /// All three owner roles are held by one person.
    pub one_person: bool,
    /// Nothing below stands in the way.
    pub ready: bool,
    /// Why it is not ready (or what to watch), one sentence each.
    pub gaps: Vec<String>,
}

/// The latest rollback rehearsal of a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LastRehearsal {
    pub on: NaiveDate,
    pub age_days: i64,
    pub minutes: i64,
}

/// The readiness of open release `r` on `today`.
pub fn readiness(r: &Release, today: NaiveDate) -> Readiness {
    let last = r.last_rehearsal().map(|x| LastRehearsal {
        on: x.on,
        age_days: days_between(x.on, today),
        minutes: x.minutes,
    });
    let days_to_target = days_between(today, r.target_date);
    let recent = last.is_some_and(|l| (0..=REHEARSAL_MAX_AGE).contains(&l.age_days));
    let mut gaps = Vec::new();
    if days_to_target <= WINDOW_DAYS && !recent {
        gaps.push(match last {
            None => "its rollback has never been rehearsed".to_string(),
            Some(l) => format!(
                "its rollback was last rehearsed {} days ago ({}); the window is {} days away",
                l.age_days, l.on, days_to_target
            ),
        });
    } else if r.is_risky() && last.is_none() {
        gaps.push("its scope holds a risky change, which needs a rehearsed rollback".into());
    }
    if days_to_target <= WINDOW_DAYS && r.frozen_at.is_none() {
        gaps.push("its scope is not frozen".into());
    }
    let decision = r.decision();
    if let Some(d) = decision.filter(|d| !d.go) {
        gaps.push(format!("the go/no-go on {} was a no-go", d.at.date()));
    }
    Readiness {
        frozen: r.frozen_at.is_some(),
        days_to_target,
        last_rehearsal: last,
        decided_go: decision.map(|d| d.go),
        overridden: decision.is_some_and(|d| d.is_override()),
        one_person: r.one_person_owns_all(),
        ready: gaps.is_empty(),
        gaps,
    }
}

/// One question of the go/no-go sheet with Cadence's evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetQuestion {
    pub question: Question,
    pub text: String,
    /// What Cadence knows, one sentence each.
    pub evidence: Vec<String>,
    /// The answer of the latest call, when one was recorded.
    pub answer: Option<bool>,
}

/// The go/no-go sheet of a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Sheet {
    pub release_id: Id,
    pub name: String,
    pub readiness: Readiness,
    pub questions: Vec<SheetQuestion>,
    /// Warnings that stand beside the questions (one person holding every role…).
    pub warnings: Vec<String>,
}

/// The go/no-go sheet of `r` on `today`, its evidence read from `snap`.
pub fn sheet(r: &Release, snap: &Snapshot, today: NaiveDate) -> Sheet {
    let readiness = readiness(r, today);
    let decision = r.decision();
    let questions = Question::ALL
        .iter()
        .map(|q| SheetQuestion {
            question: *q,
            text: q.text().to_string(),
            evidence: evidence(*q, r, snap, today),
            answer: decision.and_then(|d| d.answer(*q)),
        })
        .collect();
    let warnings = super::view::view(r, snap, today).warnings;
    Sheet {
        release_id: r.id,
        name: r.name.clone(),
        readiness,
        questions,
        warnings,
    }
}

fn title(snap: &Snapshot, id: Id) -> String {
    snap.initiative(id)
        .map_or_else(|| format!("initiative {id}"), |i| format!("'{}'", i.title))
}

fn evidence(q: Question, r: &Release, snap: &Snapshot, today: NaiveDate) -> Vec<String> {
    let mut lines = Vec::new();
    match q {
        Question::OneProblem => {
            lines.push(format!("It says it fixes: {}", r.fixes));
            let n = r.in_scope().count();
            lines.push(format!(
                "{n} item{} in scope, {} cut",
                if n == 1 { "" } else { "s" },
                r.cuts().count()
            ));
        }
        Question::Owners => {
            let unfinished: Vec<_> = r
                .in_scope()
                .filter_map(|s| snap.initiative(s.initiative_id))
                .filter(|i| !matches!(i.status, Status::Done | Status::Dropped))
                .collect();
            if unfinished.is_empty() {
                lines.push("Every item in scope is done".into());
            }
            for i in &unfinished {
                lines.push(format!("'{}' is unfinished, owned by {}", i.title, i.owner));
            }
            for b in &snap.blockers {
                let in_scope = unfinished.iter().any(|i| i.id == b.initiative_id);
                let age = days_between(b.since, today);
                if in_scope && b.resolved_on.is_none() && age > 2 {
                    lines.push(format!(
                        "Blocker open {age} days on {}: {} (removed by {})",
                        title(snap, b.initiative_id),
                        b.text,
                        b.owner
                    ));
                }
            }
        }
        Question::Rollback => {
            match r.last_rehearsal() {
                None => lines.push("The rollback has never been rehearsed".into()),
                Some(x) => lines.push(format!(
                    "Last rehearsed on {} ({} days ago): {} minutes to the stable version",
                    x.on,
                    days_between(x.on, today),
                    x.minutes
                )),
            }
            match &r.rollback_triggers {
                Some(t) => lines.push(format!("Rollback triggers: {t}")),
                None => lines.push("No rollback triggers agreed".into()),
            }
            match &r.stable_version {
                Some(v) => lines.push(format!("Last stable version: {v}")),
                None => lines.push("No last stable version named".into()),
            }
            for s in r.in_scope().filter(|s| s.risky) {
                lines.push(format!(
                    "{} is a risky change: it needs a rehearsed rollback",
                    title(snap, s.initiative_id)
                ));
            }
        }
        Question::ProdLike => {
            lines.push(
                "Cadence holds no record of the test setup; answer from the last test run".into(),
            );
        }
        Question::CutsTold => {
            let last_update = snap.reviews.iter().map(|x| x.created_at).max();
            let untold: Vec<_> = r
                .cuts()
                .filter(|s| match (s.cut_at, last_update) {
                    (Some(cut), Some(sent)) => cut > sent,
                    _ => true,
                })
                .collect();
            if r.cuts().next().is_none() {
                lines.push("Nothing was cut".into());
            } else if untold.is_empty() {
                lines.push("Every cut was made before the last kept update".into());
            }
            for s in untold {
                lines.push(format!(
                    "Cut after the last kept update: {} ({})",
                    title(snap, s.initiative_id),
                    s.cut_reason.as_deref().unwrap_or_default()
                ));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::release::figures::tests::{d, release, t};
    use crate::release::{Answer, GoNoGo, Rehearsal};

    fn rehearsal(on: &str, minutes: i64) -> Rehearsal {
        Rehearsal {
            id: 1,
            on: d(on),
            minutes,
            by_id: None,
            by: None,
            note: None,
            recorded_at: t("2027-01-01 09:00"),
        }
    }

    #[test]
    fn a_near_window_without_a_recent_rehearsal_is_not_ready() {
        let mut r = release(1, "2027-03-10", "2027-03-14");
        r.frozen_at = Some(t("2027-03-01 09:00"));
        // 7 days before the target, never rehearsed.
        let never = readiness(&r, d("2027-03-03"));
        assert_eq!(never.days_to_target, 7);
        assert!(!never.ready);
        assert_eq!(never.gaps, vec!["its rollback has never been rehearsed"]);
        // 8 days before: the window is not near yet.
        assert!(readiness(&r, d("2027-03-02")).ready);
        // Rehearsed 15 days ago: too old.
        r.rehearsals.push(rehearsal("2027-02-16", 25));
        let old = readiness(&r, d("2027-03-03"));
        assert!(!old.ready);
        assert_eq!(old.last_rehearsal.unwrap().age_days, 15);
        // Rehearsed 14 days ago: ready.
        r.rehearsals.push(rehearsal("2027-02-17", 15));
        let fresh = readiness(&r, d("2027-03-03"));
        assert!(fresh.ready, "{:?}", fresh.gaps);
        assert_eq!(fresh.last_rehearsal.unwrap().minutes, 15);
    }

    #[test]
    fn a_go_over_a_no_is_an_override_and_one_person_in_every_role_is_warned() {
        let mut r = release(1, "2027-03-10", "2027-03-14");
        r.delivery_owner_id = 1;
        r.readiness_owner_id = 1;
        let all_yes: Vec<Answer> = Question::ALL
            .iter()
            .map(|q| Answer {
                question: *q,
                yes: true,
            })
            .collect();
        let mut call = GoNoGo {
            id: 1,
            at: t("2027-03-09 16:00"),
            go: true,
            by_id: 1,
            by: "Ana Lima".into(),
            answers: all_yes,
            reason: None,
        };
        assert!(!call.is_override());
        call.answers.pop();
        assert!(
            call.is_override(),
            "an unanswered question makes a go an override"
        );
        r.decisions.push(call);
        let s = sheet(&r, &empty(), d("2027-03-09"));
        assert!(s.readiness.overridden);
        assert!(s.readiness.one_person);
        assert_eq!(s.questions.len(), 5);
        assert_eq!(s.questions[4].answer, None);
        assert_eq!(s.questions[0].answer, Some(true));
        assert!(s.warnings[0].contains("holds all three owner roles"));
    }

    fn empty() -> Snapshot {
        Snapshot {
            format: Snapshot::FORMAT.into(),
            schema_version: 1,
            settings: Default::default(),
            people: vec![],
            initiatives: vec![],
            changes: vec![],
            checkins: vec![],
            blockers: vec![],
            decisions: vec![],
            baselines: vec![],
            reviews: vec![],
            releases: vec![],
        }
    }
}
