//! Plain-language updates generated from reviews, deterministically: the same review gives
//! the same words. An [`Update`] holds plain text only; the renderers escape it for each
//! format. The helpers here write dates, counts and lists the way people do.
//!
//! Every piece of user-written text (a title, a name, a risk, a note) is marked where it
//! starts and ends with the Unicode isolates U+2068 FSI … U+2069 PDI ([`user`]): the HTML
//! renderer turns each pair into `<bdi>…</bdi>`, so right-to-left text cannot reverse the
//! sentence around it, and the other formats drop the marks ([`unmarked`]).

pub mod monthly_update;
pub mod quarterly_update;
pub mod releases;
pub mod weekly_update;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::review::common::{DateMove, FieldMove};
use crate::review::delivery::{Basis, DeliveryJudgement};

/// A stakeholder update: a title, the three lines read first, a short summary and titled
/// sections, all plain text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Update {
    pub title: String,
    pub brief: Brief,
    /// The opening paragraphs an executive reads first.
    pub summary: Vec<String>,
    pub sections: Vec<Section>,
}

/// The three lines at the top of every update, for a reader with a minute.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Brief {
    /// What shipped.
    pub shipped: String,
    /// What is in danger.
    pub in_danger: String,
    /// What is needed from the reader.
    pub needed: String,
}

impl Brief {
    /// The lines with their labels: ("Shipped", …), ("In danger", …), ("Needed from you", …).
    pub fn lines(&self) -> [(&'static str, &str); 3] {
        [
            ("Shipped", &self.shipped),
            ("In danger", &self.in_danger),
            ("Needed from you", &self.needed),
        ]
    }
}

/// Opens a piece of user text in a sentence: U+2068 FIRST STRONG ISOLATE.
pub const USER_START: char = '\u{2068}';
/// Closes a piece of user text in a sentence: U+2069 POP DIRECTIONAL ISOLATE.
pub const USER_END: char = '\u{2069}';

/// User-written `text` marked for a sentence: [`USER_START`], the text, [`USER_END`]. The
/// isolates the text itself may hold (old data; input refuses them) become `\u{FFFD}`, so the
/// marks always pair up. Empty text stays empty.
pub fn user(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(text.len() + 6);
    out.push(USER_START);
    out.extend(text.chars().map(|c| match c {
        '\u{2066}'..='\u{2069}' => '\u{FFFD}',
        c => c,
    }));
    out.push(USER_END);
    out
}

/// `text` without the marks of user text ([`user`]): what every format but HTML shows.
pub fn unmarked(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([USER_START, USER_END]) {
        text.replace([USER_START, USER_END], "").into()
    } else {
        text.into()
    }
}

/// A list of names as a sentence, or `none` when empty: "A, B and C.".
pub(crate) fn listed(names: Vec<String>, none: &str) -> String {
    let mut unique: Vec<String> = Vec::new();
    for n in names {
        if !unique.contains(&n) {
            unique.push(n);
        }
    }
    if unique.is_empty() {
        none.to_string()
    } else {
        format!("{}.", join(&unique))
    }
}

/// Items as one sentence with its first letter capitalised ("Decide on X by 3 March and help
/// with 1 blocker."), or `none` when there are none.
pub(crate) fn sentence(items: &[String], none: &str) -> String {
    if items.is_empty() {
        none.to_string()
    } else {
        capitalise(&format!("{}.", join(items)))
    }
}

/// An initiative's main risk in its owner's words, ready to end a sentence, when it is new or
/// changed since the last update sent (`changed`): an update repeats it only then.
pub(crate) fn changed_risk(risk: Option<&str>, changed: bool) -> Option<String> {
    risk.filter(|_| changed)
        .map(clause)
        .filter(|r| !r.is_empty())
        .map(|r| user(&r))
}

/// One titled part of an update: paragraphs, then a list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Section {
    /// A stable identifier (`roadmap`, `changes`…), for renderers that place extras.
    pub key: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
}

/// A date as people write it, unambiguous in any country: "14 March", with the year when it
/// is not `year` ("4 January 2027").
pub fn date(d: NaiveDate, year: i32) -> String {
    if d.year() == year {
        d.format("%-d %B").to_string()
    } else {
        d.format("%-d %B %Y").to_string()
    }
}

/// A month as people write it: "November 2026".
pub fn month_name(first_day: NaiveDate) -> String {
    first_day.format("%B %Y").to_string()
}

/// A count with its noun: "no decisions", "1 decision", "3 decisions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// A number of days: "1 day", "14 days" (the sign is dropped).
pub fn days(n: i64) -> String {
    count(n.unsigned_abs() as usize, "day", "days")
}

/// How often: "once", "twice", "3 times".
pub fn times(n: u32) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

/// Joins items the way a sentence lists them: "A", "A and B", "A, B and C".
pub fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// An initiative with its owner, written around the title so the sentence reads naturally:
/// "Billing v2 (Tomás Silva)", or "Ravi Kumar's Self-serve billing (no ticket)" when the
/// title already ends in brackets.
pub fn who(title: &str, owner: &str) -> String {
    let (t, o) = (user(title), user(owner));
    if title.trim_end().ends_with(')') {
        format!("{o}'s {t}")
    } else {
        format!("{t} ({o})")
    }
}

/// "is" or "are" after a count.
pub fn is_are(n: u32) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

/// "was" or "were" after a count.
pub fn was_were(n: u32) -> &'static str {
    if n == 1 {
        "was"
    } else {
        "were"
    }
}

/// A user-written reason as the end of an item: " Reason: Vendor late.", or " No reason was
/// given." when there is none.
pub fn reason(text: Option<&str>) -> String {
    match text.map(clause).filter(|t| !t.is_empty()) {
        Some(t) => format!(" Reason: {}.", user(&capitalise(&t))),
        None => " No reason was given.".into(),
    }
}

/// User-written text made ready to end a sentence: trimmed, without its closing full stop.
pub fn clause(text: &str) -> String {
    text.trim().trim_end_matches('.').trim_end().to_string()
}

/// Upper-cases the first letter (the first inside a leading mark of user text).
pub fn capitalise(text: &str) -> String {
    let (mark, rest) = match text.strip_prefix(USER_START) {
        Some(rest) => (USER_START.to_string(), rest),
        None => (String::new(), text),
    };
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) => mark.chars().chain(c.to_uppercase()).chain(chars).collect(),
        None => mark,
    }
}

/// Writes sentences for a review; dates in the review's year go without it.
pub(crate) struct Writer {
    pub(crate) year: i32,
}

impl Writer {
    pub(crate) fn date(&self, d: NaiveDate) -> String {
        date(d, self.year)
    }

    /// "11 December, with 18 December as the backup".
    pub(crate) fn bounded(&self, target: NaiveDate, backup: Option<NaiveDate>) -> String {
        match backup.filter(|b| *b != target) {
            Some(b) => format!("{}, with {} as the backup", self.date(target), self.date(b)),
            None => self.date(target),
        }
    }

    /// What the reader must decide, overdue first: "a decision on “Which provider?” (1 day
    /// overdue)", "a decision on “Go ahead?” (by 26 November)".
    pub(crate) fn decisions_needed(
        &self,
        decisions: &[&crate::review::common::DecisionItem],
    ) -> Vec<String> {
        decisions
            .iter()
            .map(|d| {
                let when = if d.days_overdue > 0 {
                    format!("{} overdue", days(d.days_overdue as i64))
                } else {
                    format!("by {}", self.date(d.needed_by))
                };
                format!(
                    "a decision from {} on \u{201c}{}\u{201d} ({when})",
                    user(&d.decider),
                    user(d.question.trim())
                )
            })
            .collect()
    }

    /// The quarter of a plan as people name it, without its year when it is the review's:
    /// "Q1", "Q1 2027", "fiscal Q3".
    fn plan_name(&self, j: &DeliveryJudgement) -> String {
        let label = j.plan_quarter.as_deref().unwrap_or_default();
        let name = quarterly_update::quarter_name(label, j.fiscal_year_start);
        name.strip_suffix(&format!(" {}", self.year))
            .map_or(name.clone(), str::to_string)
    }

    /// What a delivery is measured against: "the Q1 plan date of 29 January", "its first
    /// committed target of 29 January".
    fn measured_against(&self, j: &DeliveryJudgement) -> Option<String> {
        let target = self.date(j.target?);
        match j.basis {
            Basis::Plan => Some(format!("the {} plan date of {target}", self.plan_name(j))),
            Basis::FirstCommitment => Some(format!("its first committed target of {target}")),
            Basis::Uncommitted => None,
        }
    }

    /// A delivery said the same way in every update: "shipped on 10 February, 12 days after
    /// the Q1 plan date of 29 January (82 days after the first commitment) and past its
    /// backup of 5 February".
    pub(crate) fn shipped(&self, j: &DeliveryJudgement) -> String {
        let Some(done) = j.done_on else {
            return String::new();
        };
        let on = format!("shipped on {}", self.date(done));
        let (Some(against), Some(n)) = (self.measured_against(j), j.days_after_target) else {
            return on;
        };
        let first = match (j.basis, j.days_after_first) {
            (Basis::Plan, Some(f)) if j.first_target != j.target && f > 0 => {
                format!(" ({} after the first commitment)", days(f as i64))
            }
            _ => String::new(),
        };
        let backup = match j.backup.filter(|b| Some(*b) != j.target) {
            Some(b) if n > 0 && j.after_backup => {
                format!(" and past its backup of {}", self.date(b))
            }
            Some(b) if n > 0 => format!(" and by its backup of {}", self.date(b)),
            _ => String::new(),
        };
        match n {
            0 => format!("{on}, on {against}{first}"),
            n if n < 0 => format!("{on}, {} before {against}{first}", days(n as i64)),
            n => format!("{on}, {} after {against}{first}{backup}", days(n as i64)),
        }
    }

    /// What the commitments say about work not done yet, as whole sentences (each with a
    /// leading space): that it slipped out of its quarter's plan, and that the committed
    /// dates have both passed when the dates in force (`target`) hide it.
    pub(crate) fn commitment_notes(
        &self,
        j: &DeliveryJudgement,
        target: Option<NaiveDate>,
    ) -> String {
        let mut out = String::new();
        if j.outside_plan {
            out.push_str(&format!(
                " It is now outside the {} plan.",
                self.plan_name(j)
            ));
        }
        if let (true, Some(t)) = (j.past_both && j.target != target, j.target) {
            let dates = match j.backup.filter(|b| *b != t) {
                Some(b) => format!("{} and {}", self.date(t), self.date(b)),
                None => self.date(t),
            };
            let which = match j.basis {
                Basis::Plan => format!("The dates of the {} plan", self.plan_name(j)),
                _ => "The first committed dates".to_string(),
            };
            out.push_str(&format!(" {which}, {dates}, have passed."));
        }
        out
    }

    pub(crate) fn field_move(&self, what: &str, m: &FieldMove, full: bool) -> String {
        let way = if m.days >= 0 { "later" } else { "earlier" };
        if full {
            format!(
                "the {what} moved {} {way}, from {} to {}",
                days(m.days as i64),
                self.date(m.from),
                self.date(m.to)
            )
        } else {
            format!(
                "the {what} from {} to {}",
                self.date(m.from),
                self.date(m.to)
            )
        }
    }

    pub(crate) fn moved(&self, m: &DateMove) -> String {
        let mut parts = Vec::new();
        if let Some(t) = &m.target {
            parts.push(self.field_move("target", t, true));
        }
        if let Some(b) = &m.backup {
            parts.push(self.field_move("backup", b, m.target.is_none()));
        }
        let slip = match (&m.target, &m.backup) {
            (Some(t), _) => self.slip("target", t),
            (None, Some(b)) => self.slip("backup", b),
            (None, None) => String::new(),
        };
        format!(
            "{}: {}.{} Dates moved {} this quarter{slip}.",
            who(&m.title, &m.owner),
            parts.join(", and "),
            reason(m.reason.as_deref()),
            times(m.moves_this_quarter)
        )
    }

    /// "; the target is now 14 days behind the first commitment (27 November)".
    pub(crate) fn slip(&self, what: &str, m: &FieldMove) -> String {
        match (m.committed, m.slip_days) {
            (Some(c), Some(s)) if s > 0 => format!(
                "; the {what} is now {} behind the first commitment ({})",
                days(s as i64),
                self.date(c)
            ),
            (Some(c), Some(s)) if s < 0 => format!(
                "; the {what} is now {} ahead of the first commitment ({})",
                days(s as i64),
                self.date(c)
            ),
            (Some(_), Some(_)) => format!("; the {what} is back on the first commitment"),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dates_counts_and_lists_read_like_people_write_them() {
        assert_eq!(date(d("2026-03-14"), 2026), "14 March");
        assert_eq!(date(d("2027-01-04"), 2026), "4 January 2027");
        assert_eq!(month_name(d("2028-02-01")), "February 2028");
        assert_eq!(count(0, "decision", "decisions"), "no decisions");
        assert_eq!(count(1, "decision", "decisions"), "1 decision");
        assert_eq!(count(2, "day", "days"), "2 days");
        assert_eq!(days(-7), "7 days");
        assert_eq!(
            (times(1), times(2), times(5)),
            ("once".into(), "twice".into(), "5 times".into())
        );
        let list = |v: &[&str]| join(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["A"]), "A");
        assert_eq!(list(&["A", "B"]), "A and B");
        assert_eq!(list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(clause(" Shipped to all plans. "), "Shipped to all plans");
        assert_eq!(capitalise("ölfass"), "Ölfass");
    }
}
