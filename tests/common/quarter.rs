//! A quarter worked through by hand: the plan for 2026-Q4 committed on 28 September 2026,
//! amended once, and every change made at a moment the test names. The figures the quarterly
//! review must give are worked out in `tests/quarterly_review.rs`.

use cadence::calendar::Quarter;
use cadence::model::{Id, InitiativePatch, NewCheckIn, NewInitiative, RiskLevel, Status, Track};

use super::company::Company;

/// The initiatives of the hand-built quarter.
pub struct Fernhill {
    pub co: Company,
    /// Billing v2: committed, done on its target.
    pub billing: Id,
    /// Offline mode: committed, re-dated after the commitment, done after its first backup.
    pub offline: Id,
    /// Search on Postgres: committed, done between target and backup.
    pub search: Id,
    /// Reminders: committed, re-dated into next quarter, not done by the quarter's end.
    pub reminders: Id,
    /// Pricing experiment: proposed, activated by the commitment, then dropped.
    pub pricing: Id,
    /// SOC 2 preparation: proposed enabler work, never started.
    pub soc2: Id,
    /// Accountant portal: proposed, activated mid-quarter and added by the amendment.
    pub portal: Id,
    /// Audit export: active, outside the plan (its target is next quarter).
    pub audit: Id,
    /// Release pipeline hotfix: created active mid-quarter.
    pub hotfix: Id,
    /// Invoice templates and Dark mode: proposed during the quarter.
    pub templates: Id,
    pub dark_mode: Id,
}

pub fn q(text: &str) -> Quarter {
    Quarter::parse("quarter", text, 1).unwrap()
}

pub struct Spec<'a> {
    pub title: &'a str,
    pub owner: &'a str,
    pub track: Track,
    pub status: Status,
    pub dates: Option<(&'a str, &'a str)>,
    pub risk: Option<(&'a str, &'a str)>,
    pub measure: Option<&'a str>,
}

impl Company {
    pub fn add(&self, when: &str, s: Spec<'_>) -> Id {
        self.at(when)
            .add_initiative(&NewInitiative {
                title: s.title.into(),
                owner: s.owner.into(),
                track: Some(s.track),
                status: Some(s.status),
                outcome: Some(format!("{} pays off", s.title)),
                measure: s.measure.map(Into::into),
                target_date: s.dates.map(|d| d.0.into()),
                backup_date: s.dates.map(|d| d.1.into()),
                risk: s.risk.map(|r| r.0.into()),
                risk_level: s.risk.map(|r| r.1.parse().unwrap()),
                ..Default::default()
            })
            .unwrap()
            .id
    }

    pub fn commit(&self, when: &str, quarter: &str, ids: &[Id], reason: Option<&str>) {
        self.at(when).commit_plan(q(quarter), ids, reason).unwrap();
    }

    pub fn call(&self, when: &str, id: Id, week: &str, health: &str) {
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

    pub fn done(&self, when: &str, id: Id, result: Option<&str>) {
        let patch = InitiativePatch {
            status: Some(Status::Done),
            result: result.map(Into::into),
            ..Default::default()
        };
        self.edit(when, id, patch, "shipped");
    }

    pub fn priority(&self, when: &str, id: Id, rank: i64, reason: &str) {
        let patch = InitiativePatch {
            priority: Some(rank),
            ..Default::default()
        };
        self.edit(when, id, patch, reason);
    }
}

fn spec<'a>(title: &'a str, owner: &'a str, track: Track, status: Status) -> Spec<'a> {
    Spec {
        title,
        owner,
        track,
        status,
        dates: None,
        risk: None,
        measure: None,
    }
}

/// Builds the quarter, oldest change first.
pub fn fernhill() -> Fernhill {
    use Status::{Active, Proposed};
    use Track::{Customer, Discovery, Enabler, Release};
    let co = Company::temp();
    let at = "2026-09-20 09:00";
    let billing = co.add(
        at,
        Spec {
            dates: Some(("2026-11-13", "2026-11-20")),
            risk: Some(("the payment provider's sandbox fails at random", "medium")),
            measure: Some("Invoices paid online within 14 days, from 38% to 60%"),
            ..spec("Billing v2", "Tomás Silva", Customer, Active)
        },
    );
    let offline = co.add(
        at,
        Spec {
            dates: Some(("2026-11-06", "2026-11-13")),
            risk: Some(("merging edits from two devices may lose data", "high")),
            measure: Some("No drafts lost to sync errors in a month"),
            ..spec("Offline mode", "Lena Fischer", Customer, Active)
        },
    );
    let search = co.add(
        at,
        Spec {
            dates: Some(("2026-12-04", "2026-12-11")),
            risk: Some(("rebuilding the index may lock the invoices table", "high")),
            measure: Some("p95 search latency below 200 ms"),
            ..spec("Search on Postgres", "Ravi Menon", Enabler, Active)
        },
    );
    let reminders = co.add(
        at,
        Spec {
            dates: Some(("2026-12-15", "2026-12-22")),
            risk: Some(("the email provider may throttle us", "medium")),
            ..spec("Payment reminders", "Sam Whitaker", Customer, Active)
        },
    );
    let pricing = co.add(
        at,
        Spec {
            dates: Some(("2026-10-30", "2026-11-06")),
            risk: Some(("too little traffic to read a result", "low")),
            ..spec("Pricing experiment", "Priya Natarajan", Discovery, Proposed)
        },
    );
    let soc2 = co.add(
        at,
        spec("SOC 2 preparation", "Ravi Menon", Enabler, Proposed),
    );
    let portal = co.add(
        at,
        Spec {
            measure: Some("Twenty accounting firms invite their clients"),
            ..spec("Accountant portal", "Priya Natarajan", Customer, Proposed)
        },
    );
    let audit = co.add(
        at,
        Spec {
            dates: Some(("2027-02-15", "2027-02-26")),
            risk: Some(("the auditors' file format may change", "high")),
            ..spec("Audit export", "Tomás Silva", Customer, Active)
        },
    );
    co.at("2026-09-21 09:00")
        .add_scope(offline, "Sync of attachments", None)
        .unwrap();
    co.call("2026-09-25 17:00", billing, "2026-W39", "on-track");
    co.commit(
        "2026-09-28 10:00",
        "2026-Q4",
        &[billing, offline, search, reminders, pricing],
        None,
    );
    co.call("2026-10-02 17:00", billing, "2026-W40", "on-track");
    co.priority("2026-10-05 10:00", search, 1, "Search costs us two servers");
    let hotfix = co.add(
        "2026-10-12 09:00",
        Spec {
            dates: Some(("2026-10-23", "2026-10-30")),
            risk: Some(("a rollback may not restore the old schema", "medium")),
            ..spec("Release pipeline hotfix", "Tomás Silva", Release, Active)
        },
    );
    co.call("2026-10-16 17:00", billing, "2026-W42", "on-track");
    co.call("2026-10-16 17:00", hotfix, "2026-W42", "on-track");
    co.status(
        "2026-10-20 10:00",
        pricing,
        "dropped",
        "Traffic too low to read a result",
    );
    co.priority("2026-10-20 10:00", reminders, 2, "Reminders cut churn");
    co.done("2026-10-28 15:00", hotfix, None);
    co.call("2026-10-30 17:00", billing, "2026-W44", "on-track");
    co.call("2026-10-30 17:00", offline, "2026-W44", "on-track");
    co.dates(
        "2026-11-02 10:00",
        offline,
        "2026-11-27",
        "2026-12-04",
        "Conflict resolution took longer",
    );
    co.at("2026-11-02 10:05")
        .cut_scope(
            offline,
            "Sync of attachments",
            "Attachments can wait for v2",
        )
        .unwrap();
    let templates = co.add(
        "2026-11-03 09:00",
        spec("Invoice templates", "Sam Whitaker", Customer, Proposed),
    );
    co.call("2026-11-06 17:00", audit, "2026-W45", "on-track");
    co.done(
        "2026-11-12 16:00",
        billing,
        Some("52% of invoices paid online within 14 days"),
    );
    co.call("2026-11-13 17:00", search, "2026-W46", "at-risk");
    co.edit(
        "2026-11-16 10:00",
        portal,
        InitiativePatch {
            status: Some(Status::Active),
            target_date: Some("2026-12-18".into()),
            backup_date: Some("2026-12-23".into()),
            risk: Some("partners may not sign in time".into()),
            risk_level: Some(Some(RiskLevel::Medium)),
            ..Default::default()
        },
        "Partner launch moved up",
    );
    co.commit(
        "2026-11-17 11:00",
        "2026-Q4",
        &[billing, offline, search, reminders, portal],
        Some("Accountant portal pulled in for the partner launch"),
    );
    co.call("2026-11-19 09:00", offline, "2026-W47", "off-track");
    co.call("2026-11-20 09:00", offline, "2026-W47", "on-track");
    co.done("2026-11-25 12:00", offline, None);
    co.call("2026-11-27 17:00", reminders, "2026-W48", "on-track");
    co.call("2026-11-27 17:00", portal, "2026-W48", "on-track");
    let dark_mode = co.add(
        "2026-12-01 09:00",
        spec("Dark mode", "Lena Fischer", Customer, Proposed),
    );
    co.call("2026-12-04 09:00", reminders, "2026-W49", "on-track");
    co.call("2026-12-04 15:00", reminders, "2026-W49", "at-risk");
    co.done(
        "2026-12-09 12:00",
        search,
        Some("p95 search latency 140 ms; the search cluster is off"),
    );
    co.dates(
        "2026-12-10 10:00",
        reminders,
        "2027-01-20",
        "2027-01-27",
        "Email provider migration",
    );
    co.done("2026-12-18 16:00", portal, None);
    co.call("2026-12-31 17:00", reminders, "2026-W53", "at-risk");
    // After the quarter: a past quarter's review must not see it.
    co.done("2027-01-04 09:00", reminders, None);
    Fernhill {
        co,
        billing,
        offline,
        search,
        reminders,
        pricing,
        soc2,
        portal,
        audit,
        hotfix,
        templates,
        dark_mode,
    }
}
