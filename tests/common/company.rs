//! A workspace file whose every change is made at a moment the test names, and the monthly
//! review read from it.

use std::path::PathBuf;

use cadence::calendar::{Clock, IsoWeek, Month};
use cadence::model::{Id, InitiativePatch, NewCheckIn, NewInitiative, RiskLevel, Status};
use cadence::review::monthly_review::{monthly, MonthlyReview};
use cadence::review::weekly_review::WeeklyReview;
use cadence::settings::ReviewSettings;
use cadence::store::Workspace;
use chrono::{NaiveDate, NaiveDateTime};
use tempfile::TempDir;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// A workspace file whose every change is made at a moment the test names.
pub struct Company {
    _dir: TempDir,
    pub path: PathBuf,
}

impl Company {
    /// A new, empty workspace in a temp directory.
    pub fn temp() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cadence.db");
        Workspace::open_or_create(&path, Clock::system()).unwrap();
        Company { _dir: dir, path }
    }

    /// The workspace with its clock stopped at `when` (`YYYY-MM-DD HH:MM`).
    pub fn at(&self, when: &str) -> Workspace {
        Workspace::open(&self.path, Clock::pinned_at(t(when))).unwrap()
    }

    pub fn active(&self, when: &str, title: &str, owner: &str, target: &str, backup: &str) -> Id {
        self.at(when)
            .add_initiative(&NewInitiative {
                title: title.into(),
                owner: owner.into(),
                status: Some(Status::Active),
                outcome: Some(format!("{title} serves customers")),
                target_date: Some(target.into()),
                backup_date: Some(backup.into()),
                risk: Some("the vendor may be late".into()),
                risk_level: Some(RiskLevel::Medium),
                ..Default::default()
            })
            .unwrap()
            .id
    }

    pub fn proposed(&self, when: &str, title: &str, owner: &str, target: Option<&str>) -> Id {
        self.at(when)
            .add_initiative(&NewInitiative {
                title: title.into(),
                owner: owner.into(),
                target_date: target.map(Into::into),
                backup_date: target.map(Into::into),
                ..Default::default()
            })
            .unwrap()
            .id
    }

    pub fn edit(&self, when: &str, id: Id, patch: InitiativePatch, reason: &str) {
        self.at(when)
            .edit_initiative(id, &patch, Some(reason))
            .unwrap();
    }

    pub fn status(&self, when: &str, id: Id, status: &str, reason: &str) {
        let patch = InitiativePatch {
            status: Some(status.parse().unwrap()),
            ..Default::default()
        };
        self.edit(when, id, patch, reason);
    }

    pub fn dates(&self, when: &str, id: Id, target: &str, backup: &str, reason: &str) {
        let patch = InitiativePatch {
            target_date: Some(target.into()),
            backup_date: Some(backup.into()),
            ..Default::default()
        };
        self.edit(when, id, patch, reason);
    }

    pub fn checkin(&self, when: &str, id: Id, week: &str, health: &str) {
        self.at(when)
            .checkin(&NewCheckIn {
                initiative_id: id,
                week: Some(week.into()),
                health: health.parse().unwrap(),
                progress: Some("work".into()),
                shipped: None,
                note: None,
            })
            .unwrap();
    }

    /// A check-in saying what shipped and what is in progress.
    pub fn says(
        &self,
        when: &str,
        id: Id,
        week: &str,
        health: &str,
        shipped: Option<&str>,
        progress: &str,
    ) {
        self.at(when)
            .checkin(&NewCheckIn {
                initiative_id: id,
                week: Some(week.into()),
                health: health.parse().unwrap(),
                shipped: shipped.map(Into::into),
                progress: Some(progress.into()),
                note: None,
            })
            .unwrap();
    }

    /// Records a blocker open since `since`, removed by `owner`; returns its id.
    pub fn blocker(&self, when: &str, id: Id, text: &str, owner: &str, since: &str) -> Id {
        self.at(when)
            .add_blocker(id, text, owner, Some(since))
            .unwrap()
            .id
    }

    /// The weekly review of `week` read from the file with today pinned at noon.
    pub fn week(&self, week: &str, today: &str) -> WeeklyReview {
        self.at(&format!("{today} 12:00"))
            .weekly_review(Some(IsoWeek::parse("week", week).unwrap()))
            .unwrap()
    }

    /// Keeps an exported monthly update for `period`, made at `when`.
    pub fn keep_review(&self, when: &str, period: &str) {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.execute(
            "INSERT INTO reviews(kind, period, format, body, created_at)
             VALUES ('monthly', ?1, 'md', 'sent', ?2)",
            (period, format!("{}:00", when)),
        )
        .unwrap();
    }

    pub fn review(&self, month: &str, today: &str) -> MonthlyReview {
        let ws = self.at(&format!("{today} 12:00"));
        let snap = ws.snapshot().unwrap();
        let settings = ReviewSettings::from_settings(&snap.settings).unwrap();
        monthly(
            &snap,
            Month::parse("month", month).unwrap(),
            d(today),
            &settings,
        )
    }
}
