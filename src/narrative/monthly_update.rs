//! The monthly roadmap update: where each initiative stands, what changed and why, which
//! decisions are needed by when, and the warning signs, in plain sentences.

use super::{
    capitalise, changed_risk, clause, count, days, is_are, join, listed, month_name, reason,
    sentence, times, user, who, Brief, Section, Update, Writer,
};
use crate::calendar::Month;
use crate::review::common::DecisionItem;
use crate::review::monthly_review::{
    DateWarning, MissedCommitments, MonthlyReview, ReprioritisationKind, RoadmapItem,
};

/// Writes the monthly update of a review.
pub fn monthly_update(r: &MonthlyReview) -> Update {
    let w = Writer {
        year: r.month.year(),
    };
    let month = w.month(r.month);
    let mut sections = Vec::new();
    let groups: [(&str, &str, &[RoadmapItem]); 5] = [
        ("on-track", "On track", &r.roadmap.on_track),
        ("at-risk", "At risk", &r.roadmap.at_risk),
        ("off-track", "Off track", &r.roadmap.off_track),
        ("done", "Done in", &r.roadmap.done),
        ("not-started", "Not started", &r.roadmap.not_started),
    ];
    for (key, heading, items) in groups {
        if items.is_empty() {
            continue;
        }
        let heading = if key == "done" {
            format!("{heading} {month}")
        } else {
            heading.to_string()
        };
        sections.push(Section {
            key: key.into(),
            heading,
            paragraphs: vec![],
            items: items.iter().map(|i| w.item(i)).collect(),
        });
    }
    sections.push(w.changes(r));
    sections.push(w.decisions(r));
    if !r.decisions.closed.is_empty() {
        sections.push(Section {
            key: "decided".into(),
            heading: format!("Decided in {month}"),
            paragraphs: vec![],
            items: r.decisions.closed.iter().map(|d| w.decided(d)).collect(),
        });
    }
    sections.extend(super::releases::monthly_section(
        &r.releases,
        r.month.year(),
    ));
    sections.push(w.signals(r));
    Update {
        title: format!("Roadmap update: {}", month_name(r.first_day)),
        brief: w.brief(r),
        summary: w.summary(r),
        sections,
    }
}

/// A question as written, ending with its punctuation.
fn question(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['?', '.', '!']) {
        user(t)
    } else {
        format!("{}?", user(t))
    }
}

impl Writer {
    fn month(&self, m: Month) -> String {
        if m.year() == self.year {
            m.first_day().format("%B").to_string()
        } else {
            month_name(m.first_day())
        }
    }

    /// What was finished, what is at risk, off track or past its dates, and the decisions
    /// waiting on the reader.
    fn brief(&self, r: &MonthlyReview) -> Brief {
        let month = self.month(r.month);
        let map = &r.roadmap;
        let shipped = listed(
            map.done.iter().map(|i| user(&i.title)).collect(),
            &format!("Nothing was finished in {month}."),
        );
        let in_danger = listed(
            map.at_risk
                .iter()
                .chain(&map.off_track)
                .chain(
                    map.on_track
                        .iter()
                        .filter(|i| i.date_warning.is_some() || i.delivery.past_both),
                )
                .map(|i| user(&i.title))
                .collect(),
            "Nothing.",
        );
        let open: Vec<&DecisionItem> = r.decisions.open.iter().collect();
        let needed = self.decisions_needed(&open);
        Brief {
            shipped,
            in_danger,
            needed: sentence(&needed, "Nothing this month."),
        }
    }

    fn summary(&self, r: &MonthlyReview) -> Vec<String> {
        let c = r.counts;
        let when = if r.as_of == r.last_day {
            format!("At the end of {}", self.month(r.month))
        } else {
            format!("As of {}", self.date(r.as_of))
        };
        let groups: Vec<(u32, &str)> = [
            (c.on_track, "on track"),
            (c.at_risk, "at risk"),
            (c.off_track, "off track"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .collect();
        let standing = match groups.as_slice() {
            [] => format!("{when}, no initiative with a check-in is under way."),
            [(n, label), rest @ ..] => {
                let mut parts = vec![format!(
                    "{} {} {label}",
                    count(*n as usize, "initiative", "initiatives"),
                    is_are(*n)
                )];
                if *label == "on track" && c.on_track_past_both > 0 {
                    parts[0].push_str(&format!(
                        ", {} of them past both dates",
                        c.on_track_past_both
                    ));
                }
                parts.extend(
                    rest.iter()
                        .map(|(n, label)| format!("{n} {} {label}", is_are(*n))),
                );
                format!("{when}, {}.", join(&parts))
            }
        };
        let mut first = standing;
        let month = self.month(r.month);
        first.push(' ');
        first.push_str(&match c.done {
            0 => format!("Nothing was finished in {month}."),
            n => format!(
                "{} finished in {month}.",
                capitalise(&count(n as usize, "initiative was", "initiatives were"))
            ),
        });
        let decisions = match (c.decisions_open, c.decisions_overdue) {
            (0, _) => "No decisions are waiting on the leadership.".to_string(),
            (n, 0) => format!(
                "{} waiting on the leadership.",
                capitalise(&count(n as usize, "decision is", "decisions are"))
            ),
            (n, o) => format!(
                "{} waiting on the leadership, {} overdue.",
                capitalise(&count(n as usize, "decision is", "decisions are")),
                if n == o {
                    if n == 1 {
                        "and it is".to_string()
                    } else {
                        "all of them".to_string()
                    }
                } else {
                    format!("{o} of them")
                }
            ),
        };
        let mut out = vec![first, decisions];
        let s = &r.signals;
        let mut signs = Vec::new();
        if s.reprioritisation.raised {
            signs.push("constant reprioritisation".to_string());
        }
        if !s.missed_commitments.is_empty() {
            let owners: Vec<String> = s
                .missed_commitments
                .iter()
                .map(|m| user(&m.owner))
                .collect();
            signs.push(format!("repeated slips ({})", join(&owners)));
        }
        if s.backlog_growth.raised {
            signs.push("a backlog growing faster than delivery".into());
        }
        if !s.without_outcome.is_empty() {
            signs.push(format!(
                "{} without a stated outcome",
                count(
                    s.without_outcome.len(),
                    "active initiative",
                    "active initiatives"
                )
            ));
        }
        if !signs.is_empty() {
            out.push(format!("Warning signs: {}.", join(&signs)));
        }
        out
    }

    /// One initiative's sentence in its group.
    fn item(&self, i: &RoadmapItem) -> String {
        let who = who(&i.title, &i.owner);
        let Some(target) = i.target_date else {
            return format!("{who} has no target date.");
        };
        let risk = changed_risk(i.risk.as_deref(), i.risk_changed)
            .map(|r| format!("; the main risk: {r}"))
            .unwrap_or_default();
        let notes = self.commitment_notes(&i.delivery, i.target_date);
        let committed = if notes.contains("have passed") {
            notes
        } else {
            let first = i
                .committed_target
                .filter(|c| *c != target && i.done_on.is_none())
                .map(|c| format!(" It was first committed for {}.", self.date(c)))
                .unwrap_or_default();
            format!("{notes}{first}")
        };
        if i.done_on.is_some() {
            let result = i
                .result
                .as_deref()
                .map(clause)
                .filter(|r| !r.is_empty())
                .map(|r| format!(" Result: {}.", user(&capitalise(&r))))
                .unwrap_or_default();
            return format!("{who} {}.{result}", self.shipped(&i.delivery));
        }
        let Some(health) = i.health else {
            return if i.status == crate::model::Status::Proposed {
                format!(
                    "{who} is planned for {}; not started yet.",
                    self.bounded(target, i.backup_date)
                )
            } else {
                format!(
                    "{who} has no check-in yet; it targets {}{risk}.{committed}",
                    self.bounded(target, i.backup_date)
                )
            };
        };
        let call = health.label();
        let risk_sentence = changed_risk(i.risk.as_deref(), i.risk_changed)
            .map(|r| format!(" The main risk: {r}."))
            .unwrap_or_default();
        match (i.date_warning, i.backup_date) {
            (Some(DateWarning::BackupPassed), Some(b)) => format!(
                "{who} is reported {call}, but its target of {} and its backup of {} have both \
                 passed.{risk_sentence}{committed}",
                self.date(target),
                self.date(b)
            ),
            (Some(_), backup) => {
                let backup = backup
                    .filter(|b| *b != target)
                    .map(|b| format!("; the backup is {}", self.date(b)))
                    .unwrap_or_default();
                format!(
                    "{who} is reported {call}, but its target of {} has passed{backup}.\
                     {risk_sentence}{committed}",
                    self.date(target)
                )
            }
            (None, backup) => {
                let risk = if health == crate::model::Health::OnTrack {
                    String::new()
                } else {
                    risk
                };
                format!(
                    "{who} is {call} for {}{risk}.{committed}",
                    self.bounded(target, backup)
                )
            }
        }
    }

    fn changes(&self, r: &MonthlyReview) -> Section {
        let heading = match r.previous_review {
            Some(m) => format!("What changed since the {} update", self.month(m)),
            None => format!("What changed in {}", self.month(r.month)),
        };
        let c = &r.changes;
        let mut items: Vec<String> = c.date_moves.iter().map(|m| self.moved(m)).collect();
        for cut in &c.scope_cuts {
            items.push(format!(
                "{}: \u{201c}{}\u{201d} was cut from the scope.{}",
                who(&cut.title, &cut.owner),
                user(&cut.item),
                reason(cut.reason.as_deref())
            ));
        }
        for o in &c.owner_changes {
            items.push(format!(
                "{} passed from {} to {}.{}",
                user(&o.title),
                user(&o.from),
                user(&o.to),
                reason(o.reason.as_deref())
            ));
        }
        for p in &c.priority_changes {
            let way = if p.to < p.from { "rose" } else { "fell" };
            items.push(format!(
                "{} {way} from priority {} to priority {}.{}",
                who(&p.title, &p.owner),
                p.from,
                p.to,
                reason(p.reason.as_deref())
            ));
        }
        for a in &c.added {
            items.push(format!(
                "{} was added as {}.",
                who(&a.title, &a.owner),
                a.to
            ));
        }
        for (events, word) in [(&c.dropped, "dropped"), (&c.paused, "paused")] {
            for e in events {
                items.push(format!(
                    "{} was {word}.{}",
                    who(&e.title, &e.owner),
                    reason(e.reason.as_deref())
                ));
            }
        }
        let paragraphs = if items.is_empty() {
            vec!["Nothing on the roadmap changed.".into()]
        } else {
            vec![]
        };
        Section {
            key: "changes".into(),
            heading,
            paragraphs,
            items,
        }
    }

    fn decisions(&self, r: &MonthlyReview) -> Section {
        let items: Vec<String> = r.decisions.open.iter().map(|d| self.open(d)).collect();
        Section {
            key: "decisions".into(),
            heading: "Decisions needed".into(),
            paragraphs: if items.is_empty() {
                vec!["No decisions are waiting.".into()]
            } else {
                vec![]
            },
            items,
        }
    }

    /// An open decision: who decides by when, and what it concerns.
    pub(super) fn open(&self, d: &DecisionItem) -> String {
        let when = if d.days_overdue > 0 {
            format!(
                "{} decides; it was needed by {} and is {} overdue.",
                user(&d.decider),
                self.date(d.needed_by),
                days(d.days_overdue as i64)
            )
        } else {
            format!(
                "{} decides by {}.",
                user(&d.decider),
                self.date(d.needed_by)
            )
        };
        let about = d
            .initiative
            .as_deref()
            .map(|t| format!(" It concerns {}.", user(t)))
            .unwrap_or_default();
        format!("{} {when}{about}", question(&d.question))
    }

    fn decided(&self, d: &DecisionItem) -> String {
        let on = d
            .closed_on
            .map(|c| format!(" on {}", self.date(c)))
            .unwrap_or_default();
        let outcome = d.outcome.as_deref().map(clause).unwrap_or_default();
        format!(
            "{} {} decided{on}: {}.",
            question(&d.question),
            user(&d.decider),
            user(&outcome)
        )
    }

    fn signals(&self, r: &MonthlyReview) -> Section {
        let s = &r.signals;
        let month = self.month(r.month);
        let mut items = Vec::new();
        if s.reprioritisation.raised {
            let n = |k| {
                s.reprioritisation
                    .changes
                    .iter()
                    .filter(|c| c.kind == k)
                    .count()
            };
            let kinds = [
                count(
                    n(ReprioritisationKind::Priority),
                    "priority change",
                    "priority changes",
                ),
                count(n(ReprioritisationKind::Dates), "date move", "date moves"),
            ];
            items.push(format!(
                "Constant reprioritisation: the roadmap changed {} in {month} ({}), more than the \
                 limit of {} set for this workspace. A roadmap that keeps moving usually means \
                 the business priorities are not settled.",
                times(s.reprioritisation.count),
                join(&kinds),
                s.reprioritisation.threshold
            ));
        }
        for m in &s.missed_commitments {
            items.push(self.missed(m));
        }
        let b = s.backlog_growth;
        if b.raised {
            items.push(format!(
                "The backlog is growing faster than delivery: {} in {month} against {} \
                 finished; it went from {} to {} proposed initiatives.",
                count(
                    b.added as usize,
                    "initiative was proposed",
                    "initiatives were proposed"
                ),
                b.done,
                b.proposed_at_start,
                b.proposed_at_end
            ));
        }
        if !s.without_outcome.is_empty() {
            let names: Vec<String> = s
                .without_outcome
                .iter()
                .map(|i| who(&i.title, &i.owner))
                .collect();
            let (are, it) = if names.len() == 1 {
                ("is", "it")
            } else {
                ("are", "they")
            };
            items.push(format!(
                "{} {are} active without a stated outcome: nobody can tell whether {it} paid \
                 off.",
                join(&names)
            ));
        }
        Section {
            key: "signals".into(),
            heading: "Warning signs".into(),
            paragraphs: if items.is_empty() {
                vec!["None this month.".into()]
            } else {
                vec![]
            },
            items,
        }
    }

    fn missed(&self, m: &MissedCommitments) -> String {
        let months: Vec<String> = m.months.iter().map(|x| self.month(*x)).collect();
        let mut titles: Vec<String> = Vec::new();
        for x in &m.misses {
            if !titles.contains(&x.title) {
                titles.push(x.title.clone());
            }
        }
        format!(
            "{}'s dates slipped in {} of the last 3 months ({}), on {}.",
            user(&m.owner),
            m.months.len(),
            join(&months),
            join(&titles.iter().map(|t| user(t)).collect::<Vec<_>>())
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::review::monthly_review::monthly;
    use crate::settings::ReviewSettings;
    use crate::snapshot::Snapshot;

    fn empty_review(today: &str) -> MonthlyReview {
        let snap: Snapshot = serde_json::from_str(
            r#"{"format":"cadence-workspace","schema_version":1,"settings":{},"people":[],
            "initiatives":[],"changes":[],"checkins":[],"blockers":[],"decisions":[],
            "baselines":[],"reviews":[]}"#,
        )
        .unwrap();
        let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
        monthly(&snap, Month::of(today), today, &ReviewSettings::default())
    }

    #[test]
    fn the_summary_agrees_in_number() {
        let mut r = empty_review("2026-11-23");
        let summary = |r: &MonthlyReview| monthly_update(r).summary.join(" ");
        assert_eq!(
            summary(&r),
            "As of 23 November, no initiative with a check-in is under way. Nothing was \
             finished in November. No decisions are waiting on the leadership."
        );
        r.counts.at_risk = 1;
        r.counts.off_track = 2;
        r.counts.done = 2;
        r.counts.decisions_open = 1;
        r.counts.decisions_overdue = 1;
        assert_eq!(
            summary(&r),
            "As of 23 November, 1 initiative is at risk and 2 are off track. 2 initiatives \
             were finished in November. 1 decision is waiting on the leadership, and it is \
             overdue."
        );
        r.counts.decisions_open = 3;
        r.counts.decisions_overdue = 3;
        assert!(summary(&r)
            .ends_with("3 decisions are waiting on the leadership, all of them overdue."));
    }

    #[test]
    fn a_finished_month_speaks_of_its_end_and_years_appear_only_when_they_differ() {
        let r = empty_review("2026-12-31");
        let u = monthly_update(&r);
        assert_eq!(u.title, "Roadmap update: December 2026");
        assert!(u.summary[0].starts_with("At the end of December,"));
        let w = Writer { year: 2026 };
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            w.bounded(d("2026-12-18"), Some(d("2027-01-08"))),
            "18 December, with 8 January 2027 as the backup"
        );
        assert_eq!(
            w.bounded(d("2026-12-18"), Some(d("2026-12-18"))),
            "18 December"
        );
        assert_eq!(super::super::unmarked(&question("Go ahead")), "Go ahead?");
        assert_eq!(reason(Some("  ")), " No reason was given.");
        assert_eq!(
            reason(Some("vendor late.")),
            " Reason: \u{2068}Vendor late\u{2069}."
        );
    }
}
