//! The weekly status update: the headline, what shipped, where each initiative stands on its
//! bounded dates, who removes each blocker, which dates are in danger, what will not ship,
//! and what needs attention, in plain sentences.

use chrono::{Datelike, NaiveDate};

use super::releases;
use super::{
    capitalise, changed_risk, clause, count, days, is_are, join, listed, reason, sentence, user,
    who, Brief, Section, Update, Writer,
};
use crate::calendar::days_between;
use crate::calendar::IsoWeek;
use crate::model::Health;
use crate::review::weekly_review::{
    BlockerItem, DangerKind, DateDanger, MidweekChange, ProgressItem, ShippedItem, WeeklyReview,
    DECISION_SOON_DAYS,
};

/// Writes the weekly update of a review.
pub fn weekly_update(r: &WeeklyReview) -> Update {
    let w = Week {
        w: Writer {
            year: r.sunday.year(),
        },
        r,
    };
    let year = r.sunday.year();
    let mut summary = w.summary();
    if let Some(rescue) = releases::rescue_sentence(&r.releases.rescue, year) {
        summary.insert(0, rescue);
    }
    let mut sections = vec![
        w.shipped(),
        w.in_progress(),
        w.blockers(),
        w.cleared(),
        w.dangers(),
        w.decisions(),
        w.not_shipping(),
    ];
    sections.extend(releases::weekly_section(&r.releases, year));
    sections.push(w.attention());
    Update {
        title: format!("Weekly update: {}", week_span(r.week)),
        brief: w.brief(),
        summary,
        sections,
    }
}

/// The days of a week as people write them: "16–22 November 2026", "29 December 2025 –
/// 4 January 2026".
pub fn week_span(week: IsoWeek) -> String {
    let (m, s) = (week.monday(), week.sunday());
    if m.year() != s.year() {
        format!(
            "{} \u{2013} {}",
            m.format("%-d %B %Y"),
            s.format("%-d %B %Y")
        )
    } else if m.month() != s.month() {
        format!("{} \u{2013} {}", m.format("%-d %B"), s.format("%-d %B %Y"))
    } else {
        format!("{}\u{2013}{}", m.format("%-d"), s.format("%-d %B %Y"))
    }
}

/// A user-written text quoted inside a sentence.
fn quoted(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", user(&clause(text)))
}

/// Sentences for one week's review; dates in the year of the week's Sunday go without it.
struct Week<'a> {
    w: Writer,
    r: &'a WeeklyReview,
}

impl Week<'_> {
    fn date(&self, d: NaiveDate) -> String {
        self.w.date(d)
    }

    /// What shipped, which dates are in danger or work off track, and the decisions and
    /// escalations the reader owes.
    fn brief(&self) -> Brief {
        let r = self.r;
        let shipped = listed(
            r.shipped.iter().map(|s| user(&s.title)).collect(),
            "Nothing this week.",
        );
        let in_danger = listed(
            r.dates_in_danger
                .iter()
                .map(|d| user(&d.title))
                .chain(
                    r.in_progress
                        .iter()
                        .filter(|i| i.health == Some(Health::OffTrack))
                        .map(|i| user(&i.title)),
                )
                .collect(),
            "Nothing.",
        );
        let decisions: Vec<_> = r
            .decisions_overdue
            .iter()
            .chain(&r.decisions_due_soon)
            .collect();
        let mut needed = self.w.decisions_needed(&decisions);
        let escalate = r.headline.escalate as usize;
        if escalate > 0 {
            needed.push(format!(
                "help with {} open more than two days",
                count(escalate, "blocker", "blockers")
            ));
        }
        Brief {
            shipped,
            in_danger,
            needed: sentence(&needed, "Nothing this week."),
        }
    }

    fn summary(&self) -> Vec<String> {
        let h = self.r.headline;
        let standing = if h.active == 0 {
            "No initiative is active.".to_string()
        } else {
            let mut parts: Vec<String> = [
                (h.on_track, "on track"),
                (h.at_risk, "at risk"),
                (h.off_track, "off track"),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, label)| {
                let mut part = format!("{n} {} {label}", is_are(n));
                if label == "on track" && h.on_track_past_both > 0 {
                    part.push_str(&format!(
                        ", {} of them past both dates",
                        h.on_track_past_both
                    ));
                }
                part
            })
            .collect();
            if h.no_call > 0 {
                parts.push(format!(
                    "{} {} no recent check-in",
                    h.no_call,
                    has_have(h.no_call)
                ));
            }
            if h.active == 1 {
                // One initiative: its state, not a count of one.
                let state = if h.on_track_past_both == 1 {
                    "is on track, past both its dates"
                } else if h.on_track == 1 {
                    "is on track"
                } else if h.at_risk == 1 {
                    "is at risk"
                } else if h.off_track == 1 {
                    "is off track"
                } else {
                    "has no recent check-in"
                };
                format!("The only active initiative {state}.")
            } else {
                format!(
                    "Of {}, {}.",
                    count(h.active as usize, "active initiative", "active initiatives"),
                    join(&parts)
                )
            }
        };
        let shipped = match h.shipped {
            0 => "Nothing shipped this week.".to_string(),
            n => format!(
                "This week {} shipped.",
                count(n as usize, "thing", "things")
            ),
        };
        let blockers = match (h.blockers, h.escalate) {
            (0, _) => "No blocker is open.".to_string(),
            (n, 0) => format!(
                "{} open.",
                capitalise(&count(n as usize, "blocker is", "blockers are"))
            ),
            (1, 1) => "1 blocker has been open for more than two days.".to_string(),
            (n, e) if n == e => {
                format!("{n} blockers are open, all of them for more than two days.")
            }
            (n, e) => format!(
                "{} open, {e} of them for more than two days.",
                capitalise(&count(n as usize, "blocker is", "blockers are"))
            ),
        };
        let dangers = match h.dates_in_danger {
            0 => "No date is in danger.".to_string(),
            n => format!(
                "{} in danger.",
                capitalise(&count(n as usize, "date is", "dates are"))
            ),
        };
        vec![
            format!("{standing} {shipped}"),
            format!("{blockers} {dangers}"),
        ]
    }

    fn shipped(&self) -> Section {
        let items: Vec<String> = self
            .r
            .shipped
            .iter()
            .map(|s| self.shipped_item(s))
            .collect();
        section(
            "shipped",
            "Shipped",
            items,
            "Nothing was reported as shipped this week.",
        )
    }

    fn shipped_item(&self, s: &ShippedItem) -> String {
        let who = who(&s.title, &s.owner);
        let done = s.delivery.as_ref().map(|j| self.w.shipped(j));
        match (&s.shipped, done) {
            (Some(text), Some(done)) => format!("{who} {done}: {}.", user(&clause(text))),
            (None, Some(done)) => format!("{who} {done}."),
            (Some(text), None) => format!("{who}: {}.", user(&clause(text))),
            (None, None) => format!("{who}."),
        }
    }

    fn in_progress(&self) -> Section {
        let items: Vec<String> = self
            .r
            .in_progress
            .iter()
            .map(|i| self.progress_item(i))
            .collect();
        section(
            "in-progress",
            "In progress",
            items,
            "No initiative is active.",
        )
    }

    fn progress_item(&self, i: &ProgressItem) -> String {
        let who = who(&i.title, &i.owner);
        let risk = changed_risk(i.risk.as_deref(), i.risk_changed)
            .map(|r| format!("; the main risk: {r}"))
            .unwrap_or_default();
        let call = match (i.health, i.health_week) {
            (Some(h), Some(w)) if w == self.r.week => format!("is {}", h.label()),
            (Some(h), Some(w)) => format!(
                "was {} at its last check-in (week of {})",
                h.label(),
                self.date(w.monday())
            ),
            _ => "has no recent check-in".to_string(),
        };
        let dates = match (i.target_date, i.days_to_target) {
            (Some(t), Some(d)) if d < 0 => {
                let backup = match i.backup_date.filter(|b| *b != t) {
                    Some(b) if b < self.r.as_of => {
                        format!(", and the backup of {} too", self.date(b))
                    }
                    Some(b) => format!(", with {} as the backup", self.date(b)),
                    None => String::new(),
                };
                format!(
                    "; its target of {} passed {} ago{backup}",
                    self.date(t),
                    days(d)
                )
            }
            (Some(t), d) => {
                // The countdown sits right after the target it counts to, never after the
                // backup.
                let left = match d {
                    Some(0) => " (today)".to_string(),
                    Some(d) => format!(" ({} to go)", days(d)),
                    None => String::new(),
                };
                let backup = match i.backup_date.filter(|b| *b != t) {
                    Some(b) => format!(", with {} as the backup", self.date(b)),
                    None => String::new(),
                };
                let when = format!("{}{left}{backup}", self.date(t));
                if i.health == Some(Health::OnTrack) {
                    format!(" for {when}")
                } else if i.health.is_some() {
                    format!(" for its target of {when}")
                } else {
                    format!("; it targets {when}")
                }
            }
            (None, _) => "; it has no target date".to_string(),
        };
        let progress = i
            .progress
            .as_deref()
            .map(clause)
            .filter(|p| !p.is_empty())
            .map(|p| format!(" This week: {}.", user(&p)))
            .unwrap_or_default();
        let notes = self.w.commitment_notes(&i.delivery, i.target_date);
        format!("{who} {call}{dates}{risk}.{notes}{progress}")
    }

    fn blockers(&self) -> Section {
        let items: Vec<String> = self.r.blockers.iter().map(|b| self.blocker(b)).collect();
        section("blockers", "Blockers", items, "Nothing is blocked.")
    }

    fn blocker(&self, b: &BlockerItem) -> String {
        let age = match b.age_days {
            0 => "raised today".to_string(),
            n => format!("open {} since {}", days(n), self.date(b.since)),
        };
        let escalate = if b.escalate {
            " Open more than two days: escalate."
        } else {
            ""
        };
        let recurring = b
            .recurring_since
            .map(|d| {
                format!(
                    " It is back: the same blocker was raised on {}.",
                    self.date(d)
                )
            })
            .unwrap_or_default();
        format!(
            "{} is blocked by {}, {age}; {} removes it.{escalate}{recurring}",
            user(&b.initiative),
            quoted(&b.text),
            user(&b.owner)
        )
    }

    fn cleared(&self) -> Section {
        let items: Vec<String> = self
            .r
            .cleared_blockers
            .iter()
            .map(|b| {
                format!(
                    "{}: {} was cleared on {} by {}, {} after it was raised.",
                    user(&b.initiative),
                    quoted(&b.text),
                    self.date(b.resolved_on),
                    user(&b.owner),
                    days(days_between(b.since, b.resolved_on))
                )
            })
            .collect();
        section(
            "cleared",
            "Blockers cleared",
            items,
            "No blocker was cleared this week.",
        )
    }

    fn decisions(&self) -> Section {
        let items: Vec<String> = self
            .r
            .decisions_overdue
            .iter()
            .chain(&self.r.decisions_due_soon)
            .map(|d| self.w.open(d))
            .collect();
        section(
            "decisions",
            "Decisions needed",
            items,
            &format!("No decision is overdue or needed in the next {DECISION_SOON_DAYS} days."),
        )
    }

    fn dangers(&self) -> Section {
        let items: Vec<String> = self
            .r
            .dates_in_danger
            .iter()
            .map(|d| self.danger(d))
            .collect();
        section(
            "dates-in-danger",
            "Dates in danger",
            items,
            "Every active date holds.",
        )
    }

    fn danger(&self, d: &DateDanger) -> String {
        let who = who(&d.title, &d.owner);
        let target = d.target_date.map(|t| self.date(t)).unwrap_or_default();
        let text = match (d.kind, d.backup_date) {
            (DangerKind::BackupPassed, Some(b)) => format!(
                "{who}: the target of {target} and the backup of {} have both passed.",
                self.date(b)
            ),
            (DangerKind::PastTarget, Some(b)) if Some(b) != d.target_date => format!(
                "{who}: the target of {target} passed {} ago; the backup is {}.",
                days(d.days_to_target),
                self.date(b)
            ),
            (DangerKind::BackupPassed | DangerKind::PastTarget, _) => format!(
                "{who}: the target of {target} passed {} ago.",
                days(d.days_to_target)
            ),
            (DangerKind::TargetSoon, _) => format!(
                "{who} is {} with its target of {target} {}.",
                d.health.map_or("without a call", Health::label),
                match d.days_to_target {
                    0 => "today".to_string(),
                    n => format!("in {}", days(n)),
                }
            ),
        };
        if d.disagreement {
            format!(
                "{text} {} still calls it on track: the call and the date disagree.",
                user(&d.owner)
            )
        } else {
            text
        }
    }

    fn not_shipping(&self) -> Section {
        let n = &self.r.not_shipping;
        let mut items = Vec::new();
        for (events, word) in [(&n.dropped, "dropped"), (&n.paused, "paused")] {
            for e in events {
                items.push(format!(
                    "{} was {word} and will not ship as planned.{}",
                    who(&e.title, &e.owner),
                    reason(e.reason.as_deref())
                ));
            }
        }
        for cut in &n.scope_cuts {
            items.push(format!(
                "{}: {} was cut from the scope and will not ship.{}",
                who(&cut.title, &cut.owner),
                quoted(&cut.item),
                reason(cut.reason.as_deref())
            ));
        }
        items.extend(n.date_moves.iter().map(|m| self.w.moved(m)));
        section(
            "not-shipping",
            "Not shipping and moved",
            items,
            "Nothing was dropped, paused, cut or moved this week.",
        )
    }

    /// A value of a mid-week change as people read it.
    fn value(&self, c: &MidweekChange, v: &Option<String>) -> String {
        match (c.field.as_str(), v.as_deref()) {
            ("priority", Some(p)) => p.to_string(),
            (_, Some(d)) => d
                .parse::<NaiveDate>()
                .map(|d| self.date(d))
                .unwrap_or_else(|_| d.to_string()),
            (_, None) => "none".to_string(),
        }
    }

    /// One mid-week change, or a target moved together with its backup (`backup`).
    fn midweek(&self, c: &MidweekChange, backup: Option<&MidweekChange>) -> String {
        let what = match c.field.as_str() {
            "priority" => "priority",
            "target_date" => "target date",
            _ => "backup date",
        };
        let moved = match backup {
            Some(b) => format!(
                "the target and backup dates changed mid-week, on {} {}: the target from {} to \
                 {}, the backup from {} to {}.",
                c.at.format("%A"),
                self.date(c.at.date()),
                self.value(c, &c.from),
                self.value(c, &c.to),
                self.value(b, &b.from),
                self.value(b, &b.to)
            ),
            None => format!(
                "the {what} changed mid-week, on {} {}, from {} to {}.",
                c.at.format("%A"),
                self.date(c.at.date()),
                self.value(c, &c.from),
                self.value(c, &c.to)
            ),
        };
        format!(
            "{}: {moved}{}",
            who(&c.title, &c.owner),
            reason(c.reason.as_deref())
        )
    }

    fn attention(&self) -> Section {
        let s = &self.r.signals;
        let refs = |list: &[crate::review::common::InitiativeRef]| -> String {
            join(
                &list
                    .iter()
                    .map(|i| who(&i.title, &i.owner))
                    .collect::<Vec<_>>(),
            )
        };
        let mut items = Vec::new();
        if !s.missing_checkins.is_empty() {
            items.push(format!(
                "No check-in this week: {}.",
                refs(&s.missing_checkins)
            ));
        }
        for p in &s.stale_progress {
            let weeks = if p.weeks >= crate::review::weekly_review::HEALTH_WEEKS {
                format!("{} weeks or more", p.weeks)
            } else {
                format!("{} weeks", p.weeks)
            };
            items.push(format!(
                "{} has reported the same progress for {weeks}: {}.",
                who(&p.title, &p.owner),
                quoted(&p.progress)
            ));
        }
        // A target and backup moved in one edit make one line.
        let mut k = 0;
        let changes = &s.midweek_changes;
        while k < changes.len() {
            let c = &changes[k];
            let pair = changes.get(k + 1).filter(|n| {
                n.initiative_id == c.initiative_id
                    && n.at == c.at
                    && c.field == "target_date"
                    && n.field == "backup_date"
            });
            items.push(self.midweek(c, pair));
            k += if pair.is_some() { 2 } else { 1 };
        }
        if !s.release_fixes.is_empty() {
            items.push(format!(
                "{} release fixes are active at once, where the rule is one at a time: {}.",
                s.release_fixes.len(),
                refs(&s.release_fixes)
            ));
        }
        for o in &s.overloaded_owners {
            items.push(format!(
                "{} owns {} active initiatives: {}.",
                user(&o.owner),
                o.count,
                join(&o.titles.iter().map(|t| user(t)).collect::<Vec<_>>())
            ));
        }
        if !s.discovery_overdue.is_empty() {
            items.push(format!(
                "Discovery past its time box: {}.",
                refs(&s.discovery_overdue)
            ));
        }
        section(
            "attention",
            "Needs attention",
            items,
            "Nothing needs attention.",
        )
    }
}

/// "has" or "have" after a count.
fn has_have(n: u32) -> &'static str {
    if n == 1 {
        "has"
    } else {
        "have"
    }
}

/// A section of items, or of one sentence saying there are none.
fn section(key: &str, heading: &str, items: Vec<String>, none: &str) -> Section {
    Section {
        key: key.into(),
        heading: heading.into(),
        paragraphs: if items.is_empty() {
            vec![none.into()]
        } else {
            vec![]
        },
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> IsoWeek {
        IsoWeek::parse("week", s).unwrap()
    }

    #[test]
    fn weeks_are_written_as_their_days() {
        assert_eq!(week_span(w("2026-W47")), "16\u{2013}22 November 2026");
        assert_eq!(w("2026-W44").monday().to_string(), "2026-10-26");
        assert_eq!(
            week_span(w("2026-W44")),
            "26 October \u{2013} 1 November 2026"
        );
        assert_eq!(
            week_span(w("2026-W53")),
            "28 December 2026 \u{2013} 3 January 2027"
        );
    }
}
