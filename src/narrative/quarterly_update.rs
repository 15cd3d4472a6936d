//! The quarterly update: what was planned and delivered, how reliable the dates were, where
//! the effort went and the risk picture, in plain sentences a leadership team reads in a few
//! minutes. Quarters are named as people say them ("Q4 2026"), never by internal codes.

use chrono::{Datelike, NaiveDate};

use super::{
    capitalise, clause, count, date, days, is_are, join, reason, times, user, was_were, who,
};
use super::{Brief, Section, Update};
use crate::calendar::Quarter;
use crate::model::{Health, Status};
use crate::review::quarterly_review::{
    Delivery, KeyFigures, OutcomeItem, PlanItem, QuarterlyReview, TopRisk,
};

/// Writes the quarterly update of a review.
pub fn quarterly_update(r: &QuarterlyReview) -> Update {
    let w = Writer::new(r);
    let mut sections = vec![w.planned(r)];
    if !r.plan.added.is_empty() {
        sections.push(w.added(r));
    }
    sections.extend([
        w.reliability(r),
        w.churn(r),
        w.outcomes(r),
        w.investment(r),
        w.risk(r),
        w.enablers(r),
        w.backlog(r),
        w.trend(r),
    ]);
    sections.extend(super::releases::confidence_section(
        &r.release_confidence,
        r.last_day.year(),
    ));
    sections.push(w.about(r));
    Update {
        title: format!("Quarterly review: {}", w.span),
        brief: w.brief(r),
        summary: w.summary(r),
        sections,
    }
}

/// The quarter as people name it: "Q4 2026", or "fiscal Q1 2026" when the fiscal year does
/// not start in January.
pub fn quarter_name(label: &str, fiscal_year_start: u32) -> String {
    match Quarter::parse("quarter", label, fiscal_year_start) {
        Ok(q) if fiscal_year_start == 1 => format!("Q{} {}", q.quarter(), q.year()),
        Ok(q) => format!("fiscal Q{} {}", q.quarter(), q.year()),
        Err(_) => label.to_string(),
    }
}

/// Writes sentences for one quarter; dates in the year the quarter ends go without it.
struct Writer {
    year: i32,
    /// `YYYY-Qn`, the month its fiscal year starts in, and its last day.
    quarter: String,
    fiscal_year_start: u32,
    last_day: NaiveDate,
    /// The last day the review knows.
    as_of: NaiveDate,
    /// "Q4 2026".
    name: String,
    /// "Q4 2026 (October to December 2026)".
    span: String,
}

/// A number of days that may end in a half: "12 days", "10.5 days".
fn slip(days_: f64) -> String {
    if days_.fract() == 0.0 {
        days(days_ as i64)
    } else {
        format!("{days_:.1} days")
    }
}

/// A date with its year always written: "1 October 2026".
fn with_year(d: NaiveDate) -> String {
    date(d, d.year() + 1)
}

/// "45%", for a share that exists.
fn pct(v: Option<u32>) -> String {
    v.map(|v| format!("{v}%")).unwrap_or_default()
}

impl Writer {
    fn new(r: &QuarterlyReview) -> Self {
        let name = quarter_name(&r.quarter, r.fiscal_year_start);
        let months = format!(
            "{} to {}",
            r.first_day.format("%B"),
            r.last_day.format("%B %Y")
        );
        Writer {
            year: r.last_day.year(),
            quarter: r.quarter.clone(),
            fiscal_year_start: r.fiscal_year_start,
            last_day: r.last_day,
            as_of: r.as_of,
            span: format!("{name} ({months})"),
            name,
        }
    }

    fn date(&self, d: NaiveDate) -> String {
        date(d, self.year)
    }

    /// What was delivered against the plan, the commitments past their dates and the risks
    /// their owners call at risk or off track, and what the reader must settle.
    fn brief(&self, r: &QuarterlyReview) -> Brief {
        let c = &r.plan.counts;
        let shipped = if r.plan.commitment.is_some() {
            format!(
                "{} of {} delivered, {} by the committed target date.",
                c.delivered(),
                count(c.committed as usize, "commitment", "commitments"),
                c.delivered_by_target
            )
        } else {
            format!(
                "{} done; no plan was committed.",
                capitalise(&count(
                    r.outcomes.done as usize,
                    "initiative",
                    "initiatives"
                ))
            )
        };
        let past: Vec<&PlanItem> = r
            .plan
            .committed
            .iter()
            .filter(|i| !i.delivery.delivered() && i.delivery != Delivery::Dropped)
            .filter(|i| i.slip_days.is_some())
            .collect();
        let in_danger = super::listed(
            past.iter()
                .map(|i| user(&i.title))
                .chain(
                    r.risk
                        .top_risks
                        .iter()
                        .filter(|t| matches!(t.health, Some(Health::AtRisk | Health::OffTrack)))
                        .map(|t| user(&t.title)),
                )
                .collect(),
            "Nothing.",
        );
        let needed = match past.len() {
            0 => "Nothing beyond reading this review.".to_string(),
            1 => "A call on the commitment past its committed date: re-plan, cut or drop."
                .to_string(),
            n => format!(
                "A call on the {} past their committed dates: re-plan, cut or drop.",
                count(n, "commitment", "commitments")
            ),
        };
        Brief {
            shipped,
            in_danger,
            needed,
        }
    }

    fn summary(&self, r: &QuarterlyReview) -> Vec<String> {
        let mut out = vec![self.headline(r)];
        let rel = &r.reliability;
        if rel.due > 0 {
            let mut s = format!(
                "Of the {} due, {} {} delivered by the committed target date ({}) and {}.",
                count(rel.due as usize, "commitment", "commitments"),
                rel.by_target,
                was_were(rel.by_target),
                pct(rel.by_target_percent),
                self.by_backup(r)
            );
            match (&rel.worst_slip, rel.median_slip_days) {
                (Some(w), Some(m)) => s.push_str(&format!(
                    " The median slip was {}; the worst was {}, {} late.",
                    slip(m),
                    who(&w.title, &w.owner),
                    days(w.days as i64)
                )),
                _ => s.push_str(" No committed date slipped."),
            }
            out.push(s);
        }
        let mut s = String::new();
        let enabler = r
            .investment
            .tracks
            .iter()
            .find(|t| t.track == crate::model::Track::Enabler);
        match enabler.and_then(|t| t.checkin_weeks_percent) {
            Some(0) => s.push_str("No check-in week went to technical investment. "),
            Some(p) => s.push_str(&format!(
                "Technical investment took {p}% of the check-in weeks. "
            )),
            None => {}
        }
        let when = if r.ended {
            "At the end of the quarter"
        } else {
            "Today"
        };
        s.push_str(&format!(
            "{when}, {} {} active",
            count(r.risk.active as usize, "initiative", "initiatives"),
            is_are(r.risk.active)
        ));
        match r.risk.top_risks.first() {
            Some(t) => s.push_str(&format!(
                "; the top risk, on {}, in {}'s words: {}.",
                user(&t.title),
                user(&t.owner),
                user(&clause(&t.risk))
            )),
            None => s.push('.'),
        }
        out.push(s);
        out
    }

    /// What the backup date added to the target date, in the chart's terms: the bar
    /// "Delivered by backup" counts those done after the target, by the backup.
    fn by_backup(&self, r: &QuarterlyReview) -> String {
        let rel = &r.reliability;
        match r.plan.counts.delivered_by_backup {
            0 => "none more by the backup date".to_string(),
            n if rel.by_target == 0 => {
                format!("{n} by the backup date ({})", pct(rel.by_backup_percent))
            }
            n => format!(
                "{n} more by the backup date, {} in all ({})",
                rel.by_backup,
                pct(rel.by_backup_percent)
            ),
        }
    }

    /// The first sentence: committed and delivered.
    fn headline(&self, r: &QuarterlyReview) -> String {
        let c = &r.plan.counts;
        let added = match c.added {
            0 => String::new(),
            n => format!(
                " {} added during the quarter, outside the plan.",
                capitalise(&count(
                    n as usize,
                    "more initiative was",
                    "more initiatives were"
                ))
            ),
        };
        if r.plan.commitment.is_none() {
            let done = r.outcomes.done;
            return format!(
                "No plan was committed for {}, so there is nothing to measure delivery \
                 against; {} {} done during the quarter.{}",
                self.name,
                count(done as usize, "initiative", "initiatives"),
                was_were(done),
                added
            );
        }
        let delivered = c.delivered();
        let how: Vec<String> = [
            (
                c.delivered_by_target,
                "by its target date",
                "by their target date",
            ),
            (
                c.delivered_by_backup,
                "by its backup date",
                "by their backup date",
            ),
            (c.delivered_late, "late", "late"),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
        let (delivered_, so_far) = if r.ended {
            ("delivered", "")
        } else {
            ("have delivered", " so far")
        };
        let committed = count(c.committed as usize, "initiative", "initiatives");
        let mut s = match delivered {
            0 => format!(
                "We committed to {committed} for {} and {delivered_} none of them{so_far}.",
                self.name
            ),
            n => format!(
                "We committed to {committed} for {} and {delivered_} {n} of them{so_far}: {}.",
                self.name,
                join(&how)
            ),
        };
        let rest: Vec<String> = [
            (
                c.slipped,
                "slipped into the next quarter",
                "slipped into the next quarter",
            ),
            (c.dropped, "was dropped", "were dropped"),
            (c.open, "is still open", "are still open"),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
        if !rest.is_empty() {
            s.push_str(&format!(" {}.", join(&rest)));
        }
        s.push_str(&added);
        s
    }

    /// What became of one initiative against its committed dates.
    fn fate(&self, i: &PlanItem, in_plan: bool) -> String {
        let target = self.date(i.committed_target);
        let backup = self.date(i.committed_backup);
        let paused = i.status == Status::Paused;
        let judgement = i.judgement(
            &self.quarter,
            self.fiscal_year_start,
            self.last_day,
            self.as_of,
            in_plan,
        );
        let words = super::Writer { year: self.year };
        let mut s = match (i.delivery, i.done_on) {
            (d, Some(_)) if d.delivered() => format!("{}.", words.shipped(&judgement)),
            (Delivery::Dropped, _) => {
                format!(
                    "dropped; it was due on {target}.{}",
                    reason(i.dropped_reason.as_deref())
                )
            }
            (Delivery::Slipped, _) => format!(
                "not delivered by the end of the quarter{}; it was due on {target}{}.",
                if paused { " (paused)" } else { "" },
                self.expected(i)
            ),
            _ => {
                let state = if paused { "paused" } else { "open" };
                match i.slip_days {
                    Some(n) => format!(
                        "{state}, {} past its target of {target}{}.",
                        days(n as i64),
                        self.expected(i)
                    ),
                    None if i.committed_backup == i.committed_target => {
                        format!("{state}, due on {target}{}.", self.expected(i))
                    }
                    None => format!(
                        "{state}, due on {target} with {backup} as the backup{}.",
                        self.expected(i)
                    ),
                }
            }
        };
        if i.delivery.delivered() && i.target_date != Some(i.committed_target) {
            if let Some(t) = i.target_date {
                s.push_str(&format!(
                    " Its target was later moved to {}; it is measured against the committed date.",
                    self.date(t)
                ));
            }
        }
        s
    }

    /// ", now expected on 20 January 2027", when the target moved.
    /// ", now expected on 20 January 2027" when the target moved after the commitment, or
    /// ", and its new target of 20 November has passed too".
    /// ", now expected on 20 January 2027, outside the Q4 2026 plan" when it slipped out of
    /// the quarter.
    fn expected(&self, i: &PlanItem) -> String {
        match i.target_date.filter(|t| *t != i.committed_target) {
            Some(t) if t < self.as_of => {
                format!(", and its new target of {} has passed too", self.date(t))
            }
            Some(t) if t > self.last_day && i.status == Status::Active => format!(
                ", now expected on {}, outside the {} plan",
                self.date(t),
                self.name
            ),
            Some(t) => format!(", now expected on {}", self.date(t)),
            None => String::new(),
        }
    }

    fn planned(&self, r: &QuarterlyReview) -> Section {
        let mut paragraphs = Vec::new();
        match &r.plan.commitment {
            None => paragraphs.push(format!("No plan was committed for {}.", self.name)),
            Some(c) => {
                paragraphs.push(format!(
                    "The plan was committed on {} with {}.",
                    self.date(c.committed_at.date()),
                    count(
                        r.plan
                            .committed
                            .iter()
                            .filter(|i| i.added_at.is_none())
                            .count(),
                        "initiative",
                        "initiatives"
                    )
                ));
                for a in &r.plan.amendments {
                    let names = |v: &[crate::review::common::InitiativeRef]| {
                        join(&v.iter().map(|i| user(&i.title)).collect::<Vec<_>>())
                    };
                    let mut parts = Vec::new();
                    if !a.added.is_empty() {
                        parts.push(format!(
                            "{} {} added",
                            names(&a.added),
                            was_were(a.added.len() as u32)
                        ));
                    }
                    if !a.removed.is_empty() {
                        parts.push(format!(
                            "{} {} taken out",
                            names(&a.removed),
                            was_were(a.removed.len() as u32)
                        ));
                    }
                    paragraphs.push(format!(
                        "It was amended on {}: {}.{}",
                        self.date(a.committed_at.date()),
                        join(&parts),
                        reason(a.reason.as_deref())
                    ));
                }
            }
        }
        Section {
            key: "planned".into(),
            heading: "Planned and delivered".into(),
            paragraphs,
            items: r
                .plan
                .committed
                .iter()
                .map(|i| {
                    let when = i
                        .added_at
                        .map(|a| format!("added to the plan on {}; ", self.date(a.date())))
                        .unwrap_or_default();
                    format!("{}: {when}{}", who(&i.title, &i.owner), self.fate(i, true))
                })
                .collect(),
        }
    }

    fn added(&self, r: &QuarterlyReview) -> Section {
        Section {
            key: "added".into(),
            heading: "Added during the quarter".into(),
            paragraphs: vec![
                "Not part of the plan, so not counted in it: work that started after the \
                 quarter began."
                    .into(),
            ],
            items: r
                .plan
                .added
                .iter()
                .map(|i| {
                    let when = i
                        .added_at
                        .map(|a| format!("added on {}; ", self.date(a.date())))
                        .unwrap_or_default();
                    format!("{}: {when}{}", who(&i.title, &i.owner), self.fate(i, false))
                })
                .collect(),
        }
    }

    fn reliability(&self, r: &QuarterlyReview) -> Section {
        let rel = &r.reliability;
        let mut paragraphs = Vec::new();
        if rel.due == 0 {
            paragraphs.push("No committed date has come yet.".into());
        } else {
            let more = match (rel.by_backup - rel.by_target, rel.by_target) {
                (_, 0) => String::new(),
                (0, _) => "none more, ".to_string(),
                (n, _) => format!("{n} more, "),
            };
            paragraphs.push(format!(
                "Delivered by the target date: {} of {} ({}). By the backup date: {more}{} of {} \
                 ({}).",
                rel.by_target,
                rel.due,
                pct(rel.by_target_percent),
                rel.by_backup,
                rel.due,
                pct(rel.by_backup_percent)
            ));
            if let (Some(m), Some(w)) = (rel.median_slip_days, &rel.worst_slip) {
                paragraphs.push(format!(
                    "Median slip: {}. Worst slip: {}, {}.",
                    slip(m),
                    who(&w.title, &w.owner),
                    days(w.days as i64)
                ));
            }
        }
        if !rel.owners.is_empty() {
            paragraphs.push(
                "How each owner's \u{201c}on track\u{201d} calls ended, judged against the target \
                 in force when the call was made:"
                    .into(),
            );
        }
        Section {
            key: "reliability".into(),
            heading: "Date reliability".into(),
            paragraphs,
            items: rel
                .owners
                .iter()
                .map(|o| {
                    format!(
                        "{}: {} of {} ended on time ({}).",
                        user(&o.owner),
                        o.ended_on_time,
                        count(o.on_track_calls as usize, "call", "calls"),
                        pct(o.percent)
                    )
                })
                .collect(),
        }
    }

    fn churn(&self, r: &QuarterlyReview) -> Section {
        let c = &r.churn;
        let total = c.reprioritisations + c.date_moves + c.scope_cuts;
        let paragraph = if total == 0 {
            "No initiative was reprioritised, re-dated or cut during the quarter.".to_string()
        } else {
            format!(
                "{}, {} and {}.",
                capitalise(&count(
                    c.reprioritisations as usize,
                    "reprioritisation",
                    "reprioritisations"
                )),
                count(c.date_moves as usize, "date move", "date moves"),
                count(c.scope_cuts as usize, "scope cut", "scope cuts")
            )
        };
        let mut items: Vec<String> = c
            .initiatives
            .iter()
            .map(|i| {
                let mut parts = Vec::new();
                if i.reprioritisations > 0 {
                    parts.push(format!("reprioritised {}", times(i.reprioritisations)));
                }
                if i.date_moves > 0 {
                    parts.push(format!("dates moved {}", times(i.date_moves)));
                }
                if i.scope_cuts > 0 {
                    parts.push(format!(
                        "{} cut from its scope",
                        count(i.scope_cuts as usize, "item", "items")
                    ));
                }
                format!("{}: {}.", who(&i.title, &i.owner), join(&parts))
            })
            .collect();
        items.extend(c.cuts.iter().map(|cut| {
            format!(
                "Cut from {}: {}.{}",
                user(&cut.title),
                user(&clause(&cut.item)),
                reason(cut.reason.as_deref())
            )
        }));
        Section {
            key: "churn".into(),
            heading: "How much the plan moved".into(),
            paragraphs: vec![paragraph],
            items,
        }
    }

    fn outcome(&self, o: &OutcomeItem) -> String {
        let mut s = format!(
            "{}, done on {}: ",
            who(&o.title, &o.owner),
            self.date(o.done_on)
        );
        s.push_str(&match (&o.result, &o.measure) {
            (Some(result), Some(m)) => {
                format!(
                    "{} (measured by: {}).",
                    user(&clause(result)),
                    user(&clause(m))
                )
            }
            (Some(result), None) => {
                format!("{}; no measure was stated.", user(&clause(result)))
            }
            (None, Some(m)) => format!(
                "no result recorded yet (measured by: {}).",
                user(&clause(m))
            ),
            (None, None) => "no measure stated and no result recorded.".into(),
        });
        s
    }

    fn outcomes(&self, r: &QuarterlyReview) -> Section {
        let o = &r.outcomes;
        let does = |n: u32, yes: &str, no: &str| {
            if n == 1 {
                yes.to_string()
            } else {
                no.to_string()
            }
        };
        let paragraph = match o.done {
            0 => "Nothing was done during the quarter.".to_string(),
            1 => format!(
                "1 initiative was done this quarter; it {} how success is measured and {} a \
                 result.",
                does(o.with_measure, "states", "does not state"),
                does(o.with_result, "records", "does not record")
            ),
            n => format!(
                "{n} initiatives were done this quarter: {} of them {} how success is measured \
                 ({}), {} {} a result ({}) and {} {} both ({}).",
                o.with_measure,
                does(o.with_measure, "states", "state"),
                pct(o.with_measure_percent),
                o.with_result,
                does(o.with_result, "records", "record"),
                pct(o.with_result_percent),
                o.with_both,
                does(o.with_both, "has", "have"),
                pct(o.with_both_percent)
            ),
        };
        Section {
            key: "outcomes".into(),
            heading: "Outcomes".into(),
            paragraphs: vec![paragraph],
            items: o.delivered.iter().map(|i| self.outcome(i)).collect(),
        }
    }

    fn investment(&self, r: &QuarterlyReview) -> Section {
        let mix = &r.investment;
        let paragraph = format!(
            "{} worked on during the quarter, with {}.",
            capitalise(&count(
                mix.initiatives as usize,
                "initiative was",
                "initiatives were"
            )),
            count(
                mix.checkin_weeks as usize,
                "weekly check-in",
                "weekly check-ins"
            )
        );
        let items = if mix.initiatives == 0 {
            Vec::new()
        } else {
            mix.tracks
                .iter()
                .map(|t| {
                    let weeks = match t.checkin_weeks_percent {
                        Some(p) => format!(
                            ", {} ({p}%)",
                            count(t.checkin_weeks as usize, "check-in week", "check-in weeks")
                        ),
                        None => String::new(),
                    };
                    format!(
                        "{}: {} ({}){weeks}.",
                        t.label,
                        count(t.initiatives as usize, "initiative", "initiatives"),
                        pct(t.initiatives_percent)
                    )
                })
                .collect()
        };
        Section {
            key: "investment".into(),
            heading: "Where the effort went".into(),
            paragraphs: vec![paragraph],
            items,
        }
    }

    fn top_risk(&self, t: &TopRisk) -> String {
        let health = match t.health {
            Some(h) => format!("owner says {}", h.label()),
            None => "no check-in yet".into(),
        };
        let mut s = format!(
            "{}, {} risk, {health}: {}.",
            who(&t.title, &t.owner),
            t.risk_level,
            user(&capitalise(&clause(&t.risk)))
        );
        if let Some(m) = t
            .mitigation
            .as_deref()
            .map(clause)
            .filter(|m| !m.is_empty())
        {
            s.push_str(&format!(" Mitigation: {}.", user(&capitalise(&m))));
        }
        s
    }

    fn risk(&self, r: &QuarterlyReview) -> Section {
        let risk = &r.risk;
        let when = if r.ended {
            "At the end of the quarter"
        } else {
            "Today"
        };
        let mut levels = Vec::new();
        for level in [
            crate::model::RiskLevel::High,
            crate::model::RiskLevel::Medium,
            crate::model::RiskLevel::Low,
        ] {
            let n: u32 = risk
                .grid
                .iter()
                .filter(|c| c.risk_level == level)
                .map(|c| c.count)
                .sum();
            if n > 0 {
                levels.push(format!("{n} with a {level} risk"));
            }
        }
        let troubled: u32 = risk
            .grid
            .iter()
            .filter(|c| matches!(c.health, Some(Health::AtRisk | Health::OffTrack)))
            .map(|c| c.count)
            .sum();
        let mut paragraphs = vec![if risk.active == 0 {
            format!("{when}, no initiative is active.")
        } else {
            format!(
                "{when}, {} {} active: {}; {} of them {} at risk or off track by the owners' \
                 own calls.",
                count(risk.active as usize, "initiative", "initiatives"),
                is_are(risk.active),
                join(&levels),
                troubled,
                is_are(troubled)
            )
        }];
        if !risk.top_risks.is_empty() {
            paragraphs.push("The top risks, in their owners' words:".into());
        }
        Section {
            key: "risk".into(),
            heading: "Risk picture".into(),
            paragraphs,
            items: risk.top_risks.iter().map(|t| self.top_risk(t)).collect(),
        }
    }

    fn enablers(&self, r: &QuarterlyReview) -> Section {
        let risk = &r.risk;
        let paragraph = if risk.enablers.is_empty() {
            "No technical investment work is active, proposed or done this quarter.".to_string()
        } else {
            "Work on the platform and on technical debt, done this quarter or still waiting:"
                .to_string()
        };
        Section {
            key: "enablers".into(),
            heading: "Technical investment".into(),
            paragraphs: vec![paragraph],
            items: risk
                .enablers
                .iter()
                .map(|e| {
                    let state = match (e.status, e.done_on, e.health) {
                        (Status::Done, Some(d), _) => format!("done on {}", self.date(d)),
                        (Status::Active, _, Some(h)) => format!("active, owner says {}", h.label()),
                        (Status::Active, _, None) => "active, no check-in yet".into(),
                        _ => "proposed, not started".into(),
                    };
                    format!("{}: {state}.", who(&e.title, &e.owner))
                })
                .collect(),
        }
    }

    fn backlog(&self, r: &QuarterlyReview) -> Section {
        let b = r.backlog;
        let start = count(
            b.proposed_at_start as usize,
            "proposed initiative",
            "proposed initiatives",
        );
        let movement = match b.proposed_at_end.cmp(&b.proposed_at_start) {
            std::cmp::Ordering::Greater => format!(
                "The backlog grew from {} to {}",
                b.proposed_at_start,
                count(
                    b.proposed_at_end as usize,
                    "proposed initiative",
                    "proposed initiatives"
                )
            ),
            std::cmp::Ordering::Less => format!(
                "The backlog shrank from {} to {}",
                b.proposed_at_start,
                count(
                    b.proposed_at_end as usize,
                    "proposed initiative",
                    "proposed initiatives"
                )
            ),
            std::cmp::Ordering::Equal if b.proposed_at_start == 0 => {
                "No proposed initiative was waiting at the start or at the end".to_string()
            }
            std::cmp::Ordering::Equal => format!("The backlog held steady at {start}"),
        };
        Section {
            key: "backlog".into(),
            heading: "Backlog".into(),
            paragraphs: vec![format!(
                "{movement}; {} {} proposed during the quarter.",
                count(b.added as usize, "initiative", "initiatives"),
                was_were(b.added)
            )],
            items: Vec::new(),
        }
    }

    fn figures(&self, k: &KeyFigures, fiscal_year_start: u32) -> String {
        let name = quarter_name(&k.quarter, fiscal_year_start);
        let plan = if !k.planned {
            "no plan committed".to_string()
        } else {
            match (k.by_target_percent, k.by_backup_percent) {
                (Some(t), Some(b)) => {
                    let median = k
                        .median_slip_days
                        .map(|m| format!(", median slip {}", slip(m)))
                        .unwrap_or_default();
                    format!(
                        "{} of {} delivered, {t}% by target and {b}% by backup{median}",
                        k.delivered,
                        count(k.committed as usize, "commitment", "commitments")
                    )
                }
                _ => format!(
                    "{}, none due yet",
                    count(k.committed as usize, "commitment", "commitments")
                ),
            }
        };
        let enabler = k
            .enabler_weeks_percent
            .map(|p| format!(", technical investment {p}% of check-in weeks"))
            .unwrap_or_default();
        let moves = match k.date_moves {
            0 => "no date moved".to_string(),
            n => format!("dates moved {}", times(n)),
        };
        format!(
            "{name}: {plan}; {} done{enabler}; {moves}.",
            count(k.done as usize, "initiative", "initiatives")
        )
    }

    fn trend(&self, r: &QuarterlyReview) -> Section {
        let mut items: Vec<String> = r
            .trend
            .iter()
            .map(|k| self.figures(k, r.fiscal_year_start))
            .collect();
        items.push(self.figures(&r.key_figures, r.fiscal_year_start));
        let paragraph = match r.trend.len() {
            0 => "There is no earlier quarter to compare with yet.".to_string(),
            1 => "This quarter beside the earlier quarter that has data:".to_string(),
            n => format!("This quarter beside the {n} earlier quarters that have data:"),
        };
        Section {
            key: "trend".into(),
            heading: "Trend".into(),
            paragraphs: vec![paragraph],
            items,
        }
    }

    fn about(&self, r: &QuarterlyReview) -> Section {
        let convention = if r.fiscal_year_start == 1 {
            "Quarters are calendar quarters".to_string()
        } else {
            format!(
                "Quarters are fiscal quarters: the fiscal year starts in {}",
                r.first_day
                    .with_month(r.fiscal_year_start)
                    .map(|d| d.format("%B").to_string())
                    .unwrap_or_default()
            )
        };
        let known = if r.ended {
            format!(
                "The figures are as recorded by the end of the quarter, {}.",
                self.date(r.last_day)
            )
        } else {
            format!(
                "The quarter is under way: the figures are as recorded by {}.",
                self.date(r.as_of)
            )
        };
        Section {
            key: "about".into(),
            heading: "About these figures".into(),
            paragraphs: vec![format!(
                "{convention}; {} runs from {} to {}. {known} Delivery is measured against \
                 the dates committed in the plan, so a date moved later never counts as on \
                 time.",
                self.name,
                with_year(r.first_day),
                with_year(r.last_day)
            )],
            items: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_counts_agree_in_number() {
        let snap: crate::snapshot::Snapshot = serde_json::from_str(
            r#"{"format":"cadence-workspace","schema_version":1,"settings":{},"people":[],
            "initiatives":[],"changes":[],"checkins":[],"blockers":[],"decisions":[],
            "baselines":[],"reviews":[]}"#,
        )
        .unwrap();
        let today = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        let quarter = Quarter::of(today, 1);
        let mut r = crate::review::quarterly_review::quarterly(&snap, quarter, today);
        let o = &mut r.outcomes;
        (o.done, o.with_measure, o.with_result, o.with_both) = (8, 1, 1, 1);
        (
            o.with_measure_percent,
            o.with_result_percent,
            o.with_both_percent,
        ) = (Some(13), Some(13), Some(13));
        let u = quarterly_update(&r);
        let outcomes = u.sections.iter().find(|s| s.key == "outcomes").unwrap();
        assert_eq!(
            outcomes.paragraphs[0],
            "8 initiatives were done this quarter: 1 of them states how success is measured \
             (13%), 1 records a result (13%) and 1 has both (13%)."
        );
    }

    #[test]
    fn quarters_are_named_as_people_say_them() {
        assert_eq!(quarter_name("2026-Q4", 1), "Q4 2026");
        assert_eq!(quarter_name("2026-Q1", 4), "fiscal Q1 2026");
        assert_eq!(slip(12.0), "12 days");
        assert_eq!(slip(1.0), "1 day");
        assert_eq!(slip(10.5), "10.5 days");
        assert_eq!(
            with_year(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()),
            "1 October 2026"
        );
    }
}
