//! Reminders of a workspace: the settings that say when and which come, the ones due now that
//! were not shown before, and remembering one as shown. What is due is decided by the pure
//! functions of [`crate::reminders`]; this reads their inputs from the workspace.

use crate::error::Result;
use crate::reminders::{due, Reminder, ReminderKind, ReminderSettings, WeekFacts};
use crate::settings::{parse_on_off, CLOSE_TO_TRAY};
use crate::store::Workspace;

/// The notice, said once per workspace, that closing the window keeps Cadence in the tray.
const TRAY_NOTICE: (&str, &str) = ("tray", "window closed");

impl Workspace {
    /// Records that the window was closed to the tray; true the first time, when the app
    /// says once that Cadence stays there.
    pub fn window_closed_to_tray(&mut self) -> Result<bool> {
        self.record_notice(TRAY_NOTICE.0, TRAY_NOTICE.1)
    }

    /// Whether the app has said that closing the window keeps Cadence in the tray.
    pub fn tray_notice_given(&self) -> Result<bool> {
        self.notice_shown(TRAY_NOTICE.0, TRAY_NOTICE.1)
    }

    /// Whether closing the window keeps Cadence in the tray (on unless set off).
    pub fn close_to_tray(&self) -> Result<bool> {
        self.read_setting(CLOSE_TO_TRAY, |t| parse_on_off(CLOSE_TO_TRAY, t))
    }

    /// The reminder settings of this workspace; absent keys take their default.
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        Ok(ReminderSettings {
            review_day: self
                .read_setting(ReminderSettings::REVIEW_DAY, ReminderSettings::parse_day)?,
            review_time: self
                .read_setting(ReminderSettings::REVIEW_TIME, ReminderSettings::parse_time)?,
            quiet_weekly_review: self.read_setting(
                ReminderSettings::WEEKLY_REVIEW,
                ReminderSettings::parse_quiet,
            )?,
            quiet_decisions: self
                .read_setting(ReminderSettings::DECISIONS, ReminderSettings::parse_quiet)?,
            quiet_go_no_go: self
                .read_setting(ReminderSettings::GO_NO_GO, ReminderSettings::parse_quiet)?,
        })
    }

    /// The reminders due now (the workspace's clock), not shown before.
    pub fn due_reminders(&self) -> Result<Vec<Reminder>> {
        let settings = self.reminder_settings()?;
        let review = self.weekly_review(None)?;
        let shown = self
            .notices_shown()?
            .into_iter()
            .filter_map(|(kind, occasion)| {
                ReminderKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == kind)
                    .map(|k| (k, occasion))
            })
            .collect();
        Ok(due(
            self.clock().now(),
            &settings,
            &WeekFacts::of(&review),
            &shown,
        ))
    }

    /// Remembers that `reminder` was shown, so that it does not fire again for its occasion.
    pub fn reminder_shown(&mut self, reminder: &Reminder) -> Result<()> {
        self.record_notice(reminder.kind.as_str(), &reminder.occasion)
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDateTime, NaiveTime, Weekday};

    use super::*;
    use crate::calendar::{parse_date, Clock};

    fn at(date: &str, time: &str) -> NaiveDateTime {
        parse_date("date", date)
            .unwrap()
            .and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap())
    }

    #[test]
    fn a_reminder_shown_is_remembered_in_the_workspace_across_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let monday = at("2026-03-02", "10:00");
        let mut ws = Workspace::open_or_create(&path, Clock::pinned_at(monday)).unwrap();
        ws.load_sample(false).unwrap();
        let due_now = ws.due_reminders().unwrap();
        let weekly: Vec<&Reminder> = due_now
            .iter()
            .filter(|r| r.kind == ReminderKind::WeeklyReview)
            .collect();
        assert_eq!(weekly.len(), 1, "{due_now:?}");
        let review = ws.weekly_review(None).unwrap();
        let facts = WeekFacts::of(&review);
        assert!(weekly[0].line().starts_with(&format!(
            "Weekly review: {} check-ins missing",
            facts.checkins_missing
        )));
        for r in &due_now {
            ws.reminder_shown(r).unwrap();
        }
        drop(ws);
        let ws = Workspace::open(&path, Clock::pinned_at(at("2026-03-02", "15:00"))).unwrap();
        assert!(ws.due_reminders().unwrap().is_empty());
    }

    #[test]
    fn a_go_no_go_shown_is_remembered_across_a_restart_and_a_recorded_call_ends_it() {
        use crate::store::{NewDecision, NewRelease};

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let monday = at("2026-03-02", "10:00");
        let mut ws = Workspace::open_or_create(&path, Clock::pinned_at(monday)).unwrap();
        ws.load_sample(false).unwrap();
        for key in [ReminderSettings::WEEKLY_REVIEW, ReminderSettings::DECISIONS] {
            ws.set_known_setting(key, "quiet").unwrap();
        }
        let release = ws
            .add_release(&NewRelease {
                name: "2.4".into(),
                fixes: "Card payments fail for annual plans".into(),
                target_date: "2026-03-03".into(),
                backup_date: "2026-03-05".into(),
                scope_owner: "Maya Okafor".into(),
                delivery_owner: "Daniel Reyes".into(),
                readiness_owner: "Priya Natarajan".into(),
                ..NewRelease::default()
            })
            .unwrap();
        let due_now = ws.due_reminders().unwrap();
        assert_eq!(due_now.len(), 1, "{due_now:?}");
        assert_eq!(due_now[0].kind, ReminderKind::GoNoGo);
        assert!(
            due_now[0].body.contains("Release 2.4"),
            "{}",
            due_now[0].body
        );
        ws.reminder_shown(&due_now[0]).unwrap();
        drop(ws);

        let mut ws = Workspace::open(&path, Clock::pinned_at(at("2026-03-02", "16:00"))).unwrap();
        assert!(ws.due_reminders().unwrap().is_empty(), "shown once");
        // Moved to Thursday: due again on Wednesday, unless the call is recorded first.
        ws.slip_release(
            release.id,
            "2026-03-05",
            "2026-03-06",
            "The payment provider's sandbox is down",
            crate::release::PainBucket::EnvironmentData,
        )
        .unwrap();
        drop(ws);
        let mut ws = Workspace::open(&path, Clock::pinned_at(at("2026-03-04", "09:30"))).unwrap();
        assert_eq!(ws.due_reminders().unwrap().len(), 1);
        ws.decide_release(
            release.id,
            &NewDecision {
                go: false,
                by: "Maya Okafor".into(),
                answers: vec![crate::release::Answer {
                    question: crate::release::Question::Rollback,
                    yes: false,
                }],
                reason: None,
            },
        )
        .unwrap();
        assert!(
            ws.due_reminders().unwrap().is_empty(),
            "the call is recorded"
        );
        assert!(ws
            .set_known_setting(ReminderSettings::GO_NO_GO, "sometimes")
            .is_err());
    }

    #[test]
    fn quiet_and_the_review_day_are_workspace_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let mut ws =
            Workspace::open_or_create(&path, Clock::pinned_at(at("2026-03-02", "10:00"))).unwrap();
        ws.set_known_setting(ReminderSettings::REVIEW_DAY, "thursday")
            .unwrap();
        ws.set_known_setting(ReminderSettings::DECISIONS, "quiet")
            .unwrap();
        let refused = ws
            .set_known_setting(ReminderSettings::REVIEW_TIME, "9 o'clock")
            .unwrap_err();
        assert!(refused.to_string().contains("HH:MM"), "{refused}");
        let s = ws.reminder_settings().unwrap();
        assert_eq!(s.review_day, Weekday::Thu);
        assert!(s.quiet_decisions && !s.quiet_weekly_review);
        assert_eq!(s.review_time, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    }
}
