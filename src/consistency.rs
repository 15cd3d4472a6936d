//! The rules a whole workspace follows, checked on its records: every rule the commands
//! apply to what they write, and the consistency of the history (each logged change starts
//! from the value before it, the fields in force are the last logged ones, a committed plan
//! holds the dates logged when it was committed). Import refuses a file that breaks one;
//! `check` reports every broken record of the workspace file. One implementation for both.

mod releases;

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use crate::calendar::{IsoWeek, Month, Quarter};
use crate::error::{abridged, Error};
use crate::history;
use crate::model::{Change, Id, Initiative, Person, ReviewKind, RiskLevel, Status, Track};
use crate::rules;
use crate::settings::ReviewSettings;
use crate::settings::SETTINGS;
use crate::snapshot::Snapshot;
use crate::terminal::escaped_line;

/// The longest title or scope item.
pub const TITLE_MAX: usize = 200;
/// The longest free text (outcome, risk, note, reason…).
pub const TEXT_MAX: usize = 2000;
/// The longest person's name or role.
pub const NAME_MAX: usize = 80;
/// The longest email address.
pub const EMAIL_MAX: usize = 200;

/// One broken record: which (`initiative 12`, `change 40`, `setting fiscal_year_start`)
/// and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub record: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.record, self.message)
    }
}

impl From<Problem> for Error {
    fn from(p: Problem) -> Self {
        Error::invalid(p.record, p.message)
    }
}

/// Every broken record of `s`, in the order of the export (settings, people, initiatives,
/// changes, check-ins, blockers, decisions, baselines, kept updates, releases); empty when
/// sound.
pub fn problems(s: &Snapshot) -> Vec<Problem> {
    let mut c = Checker::default();
    c.settings(s);
    c.people(s);
    c.initiatives(s);
    c.changes(s);
    c.checkins(s);
    c.blockers(s);
    c.decisions(s);
    c.baselines(s);
    c.reviews(s);
    c.releases(s);
    c.found
}

#[derive(Default)]
struct Checker {
    found: Vec<Problem>,
    fiscal_year_start: u32,
}

impl Checker {
    /// Records a problem, on one line whatever the file's values hold.
    fn push(&mut self, record: impl Into<String>, message: impl Into<String>) {
        let line = |s: String| escaped_line(&s).into_owned();
        self.found.push(Problem {
            record: line(record.into()),
            message: line(message.into()),
        });
    }

    /// Records a rule's error under `record`, keeping the field it names.
    fn rule(&mut self, record: &str, result: crate::Result<()>) {
        if let Err(e) = result {
            self.push(record, e.to_string());
        }
    }

    /// Dates within the years the commands write them in ([`rules::DATE_YEARS`]).
    fn days(&mut self, record: &str, days: &[(&str, Option<NaiveDate>)]) {
        for (field, day) in days {
            if let Some(d) = day {
                self.rule(record, rules::day_in_range(field, *d));
            }
        }
    }

    /// Times whose dates are within the years the commands write them in.
    fn times(&mut self, record: &str, times: &[(&str, Option<NaiveDateTime>)]) {
        for (field, at) in times {
            if let Some(t) = at {
                self.rule(record, rules::time_in_range(field, *t));
            }
        }
    }

    /// Ids positive, unique and increasing (the order an export lists them in).
    fn ids(&mut self, what: &str, ids: impl IntoIterator<Item = Id>) {
        let mut last = 0;
        for id in ids {
            if id < 1 {
                self.push(format!("{what} {id}"), "ids are whole numbers from 1");
            } else if id <= last {
                self.push(
                    format!("{what} {id}"),
                    format!(
                        "comes after {what} {last}; records are listed once each, by increasing id"
                    ),
                );
            }
            last = last.max(id);
        }
    }

    fn settings(&mut self, s: &Snapshot) {
        self.fiscal_year_start = 1;
        for (key, value) in &s.settings {
            let record = format!("setting {key}");
            match SETTINGS.iter().find(|d| d.key == key) {
                None => {
                    let keys: Vec<&str> = SETTINGS.iter().map(|d| d.key).collect();
                    self.push(
                        record,
                        format!("is not a setting; the settings are: {}", keys.join(", ")),
                    );
                }
                Some(d) => {
                    if d.check_value(value).is_err() || value.trim() != value {
                        self.push(record, format!("'{}' is not {}", abridged(value), d.range));
                    }
                }
            }
        }
        if let Some(start) = s
            .settings
            .get(ReviewSettings::FISCAL_YEAR_START)
            .and_then(|v| ReviewSettings::parse_fiscal_year_start(v).ok())
        {
            self.fiscal_year_start = start;
        }
    }

    fn people(&mut self, s: &Snapshot) {
        self.ids("person", s.people.iter().map(|p| p.id));
        let mut names = HashMap::new();
        for p in &s.people {
            let record = format!("person {}", p.id);
            self.times(&record, &[("created_at", Some(p.created_at))]);
            self.rule(&record, rules::owner_name("name", &p.name).map(drop));
            self.rule(&record, line("email", p.email.as_deref(), EMAIL_MAX));
            self.rule(&record, line("role", p.role.as_deref(), NAME_MAX));
            if let Some(e) = &p.email {
                if !e.contains('@') || e.contains(char::is_whitespace) {
                    self.push(
                        &record,
                        format!("email: '{}' is not an email address", abridged(e)),
                    );
                }
            }
            if let Some(other) = names.insert(p.name.to_ascii_lowercase(), p.id) {
                self.push(
                    &record,
                    format!("name: '{}' is already person {other}", abridged(&p.name)),
                );
            }
        }
    }

    fn initiatives(&mut self, s: &Snapshot) {
        self.ids("initiative", s.initiatives.iter().map(|i| i.id));
        let people = by_id(&s.people, |p| p.id);
        for i in &s.initiatives {
            let record = format!("initiative {}", i.id);
            self.days(
                &record,
                &[
                    ("start_date", i.start_date),
                    ("target_date", i.target_date),
                    ("backup_date", i.backup_date),
                ],
            );
            self.times(
                &record,
                &[
                    ("created_at", Some(i.created_at)),
                    ("updated_at", Some(i.updated_at)),
                ],
            );
            self.rule(&record, required("title", &i.title, TITLE_MAX, true));
            self.owner(&record, "owner", i.owner_id, &i.owner, &people);
            self.rule(&record, rules::priority("priority", i.priority).map(drop));
            for (field, text) in [
                ("outcome", &i.outcome),
                ("measure", &i.measure),
                ("result", &i.result),
                ("risk", &i.risk),
                ("mitigation", &i.mitigation),
            ] {
                self.rule(&record, multi(field, text.as_deref(), TEXT_MAX));
            }
            self.rule(&record, rules::check_initiative(i));
            if i.updated_at < i.created_at {
                self.push(&record, "updated_at: is before created_at");
            }
        }
    }

    /// The person `id` exists and is the one `name` says.
    fn owner(
        &mut self,
        record: &str,
        field: &str,
        id: Id,
        name: &str,
        people: &HashMap<Id, &Person>,
    ) {
        match people.get(&id) {
            None => self.push(record, format!("{field} {id} is not a person in the file")),
            Some(p) if p.name != name => self.push(
                record,
                format!(
                    "{field}: person {id} is '{}', not '{}'",
                    abridged(&p.name),
                    abridged(name)
                ),
            ),
            Some(_) => {}
        }
    }

    fn changes(&mut self, s: &Snapshot) {
        self.ids("change", s.changes.iter().map(|c| c.id));
        // The log is append-only and SQLite numbers it from 1 without gaps: a gap is a
        // deleted entry.
        if let Some((n, c)) = (1..).zip(&s.changes).find(|(n, c)| c.id > 0 && c.id != *n) {
            self.push(
                format!("change {}", c.id),
                format!(
                    "the change log is numbered from 1 without gaps and entries are never \
                     deleted; change {n} is missing"
                ),
            );
        }
        let mut logs: HashMap<Id, Vec<&Change>> = HashMap::new();
        for c in &s.changes {
            let record = format!("change {}", c.id);
            self.times(&record, &[("at", Some(c.at))]);
            self.rule(&record, multi("reason", c.reason.as_deref(), TEXT_MAX));
            self.rule(
                &record,
                multi("old_value", c.old_value.as_deref(), TEXT_MAX),
            );
            self.rule(
                &record,
                multi("new_value", c.new_value.as_deref(), TEXT_MAX),
            );
            logs.entry(c.initiative_id).or_default().push(c);
        }
        let known: HashSet<Id> = s.initiatives.iter().map(|i| i.id).collect();
        let mut orphans: Vec<&Id> = logs.keys().filter(|id| !known.contains(id)).collect();
        orphans.sort_unstable();
        for id in orphans {
            let first = logs[id][0].id;
            self.push(
                format!("change {first}"),
                format!("initiative {id} is not an initiative in the file"),
            );
        }
        for i in &s.initiatives {
            let log = logs.get(&i.id).map(Vec::as_slice).unwrap_or_default();
            self.replay(i, log);
        }
    }

    /// Replays initiative `i`'s change log: it starts with its creation, each change starts
    /// from the value before it and is dated in order, and it ends at the fields in force.
    fn replay(&mut self, i: &Initiative, log: &[&Change]) {
        let record = format!("initiative {}", i.id);
        let Some((created, rest)) = log.split_first().filter(|(c, _)| c.field == "created") else {
            self.push(record, "its change log does not start with its creation");
            return;
        };
        if created.at != i.created_at {
            self.push(
                format!("change {}", created.id),
                format!(
                    "the creation is logged at {} but initiative {} was created at {}",
                    created.at, i.id, i.created_at
                ),
            );
        }
        let mut values: HashMap<&str, Option<String>> = HashMap::new();
        values.insert("title", created.new_value.clone());
        let mut scope: Vec<String> = Vec::new();
        let mut last = created.at;
        for c in rest {
            let record = format!("change {} (initiative {})", c.id, i.id);
            if c.at < last {
                self.push(
                    &record,
                    format!(
                        "is dated {}, before the change logged before it ({last})",
                        c.at
                    ),
                );
            }
            last = last.max(c.at);
            match c.field.as_ref() {
                "created" => self.push(&record, "the initiative is created twice"),
                "scope" => self.scope(&record, c, &mut scope),
                field => {
                    let Some(name) = history::FIELDS.iter().copied().find(|f| *f == field) else {
                        self.push(
                            &record,
                            format!("'{}' is not a field of an initiative", abridged(field)),
                        );
                        continue;
                    };
                    let before = values.get(name).cloned().flatten();
                    if c.old_value != before {
                        self.push(
                            &record,
                            format!(
                                "{name} starts from {} but the value before it was {}",
                                shown(c.old_value.as_deref()),
                                shown(before.as_deref())
                            ),
                        );
                    }
                    if c.new_value == c.old_value {
                        self.push(&record, format!("{name} changes nothing"));
                    }
                    self.rule(&record, logged_value(name, c.new_value.as_deref()));
                    values.insert(name, c.new_value.clone());
                }
            }
        }
        for (field, value) in history::field_values(i) {
            let logged = values.get(field).cloned().flatten();
            if logged != value {
                self.push(
                    &record,
                    format!(
                        "{field} is {} but its change log ends at {}",
                        shown(value.as_deref()),
                        shown(logged.as_deref())
                    ),
                );
            }
        }
        if i.updated_at != last {
            self.push(
                &record,
                format!(
                    "updated_at is {} but its last logged change is at {last}",
                    i.updated_at
                ),
            );
        }
    }

    /// A scope entry adds an item not in the scope or cuts one that is.
    fn scope(&mut self, record: &str, c: &Change, scope: &mut Vec<String>) {
        match (&c.old_value, &c.new_value) {
            (None, Some(item)) => {
                self.rule(record, required("item", item, TITLE_MAX, true));
                if scope.iter().any(|s| s.eq_ignore_ascii_case(item)) {
                    self.push(
                        record,
                        format!("'{}' is already in the scope", abridged(item)),
                    );
                }
                scope.push(item.clone());
            }
            (Some(item), None) => {
                if !scope.contains(item) {
                    self.push(
                        record,
                        format!("cuts '{}', which is not in the scope", abridged(item)),
                    );
                }
                scope.retain(|s| s != item);
                if c.reason.is_none() {
                    self.push(record, "a scope cut needs its reason");
                }
            }
            _ => self.push(record, "a scope entry adds one item or cuts one"),
        }
    }

    fn checkins(&mut self, s: &Snapshot) {
        self.ids("check-in", s.checkins.iter().map(|c| c.id));
        let initiatives = by_id(&s.initiatives, |i| i.id);
        let mut current = HashMap::new();
        for c in &s.checkins {
            let record = format!("check-in {}", c.id);
            self.times(
                &record,
                &[
                    ("recorded_at", Some(c.recorded_at)),
                    ("replaced_at", c.replaced_at),
                ],
            );
            for (field, text) in [
                ("shipped", &c.shipped),
                ("progress", &c.progress),
                ("note", &c.note),
            ] {
                self.rule(&record, multi(field, text.as_deref(), TEXT_MAX));
            }
            match initiatives.get(&c.initiative_id) {
                None => self.push(
                    &record,
                    format!(
                        "initiative {} is not an initiative in the file",
                        c.initiative_id
                    ),
                ),
                Some(i) => self.rule(
                    &record,
                    rules::checkin_week(i, c.week, c.recorded_at.date()),
                ),
            }
            if c.replaced_at.is_some_and(|r| r < c.recorded_at) {
                self.push(&record, "replaced_at: is before recorded_at");
            }
            if c.replaced_at.is_none() {
                if let Some(other) = current.insert((c.initiative_id, c.week), c.id) {
                    self.push(
                        &record,
                        format!(
                            "check-in {other} is also the one in force for initiative {} in {}; \
                             the earlier one needs replaced_at",
                            c.initiative_id, c.week
                        ),
                    );
                }
            }
        }
    }

    fn blockers(&mut self, s: &Snapshot) {
        self.ids("blocker", s.blockers.iter().map(|b| b.id));
        let known: HashSet<Id> = s.initiatives.iter().map(|i| i.id).collect();
        let people = by_id(&s.people, |p| p.id);
        for b in &s.blockers {
            let record = format!("blocker {}", b.id);
            self.days(
                &record,
                &[("since", Some(b.since)), ("resolved_on", b.resolved_on)],
            );
            self.times(&record, &[("created_at", Some(b.created_at))]);
            if !known.contains(&b.initiative_id) {
                self.push(
                    &record,
                    format!(
                        "initiative {} is not an initiative in the file",
                        b.initiative_id
                    ),
                );
            }
            self.rule(&record, required("text", &b.text, TEXT_MAX, false));
            self.owner(&record, "owner", b.owner_id, &b.owner, &people);
            if b.since > b.created_at.date() {
                self.push(
                    &record,
                    "since: a blocker cannot start after it was recorded",
                );
            }
            if b.resolved_on.is_some_and(|r| r < b.since) {
                self.push(&record, "resolved_on: is before since");
            }
        }
    }

    fn decisions(&mut self, s: &Snapshot) {
        self.ids("decision", s.decisions.iter().map(|d| d.id));
        let known: HashSet<Id> = s.initiatives.iter().map(|i| i.id).collect();
        let people = by_id(&s.people, |p| p.id);
        for d in &s.decisions {
            let record = format!("decision {}", d.id);
            self.days(
                &record,
                &[("needed_by", Some(d.needed_by)), ("closed_on", d.closed_on)],
            );
            self.times(&record, &[("created_at", Some(d.created_at))]);
            self.rule(&record, required("question", &d.question, TEXT_MAX, true));
            self.owner(&record, "owner", d.owner_id, &d.owner, &people);
            if let Some(i) = d.initiative_id.filter(|i| !known.contains(i)) {
                self.push(
                    &record,
                    format!("initiative {i} is not an initiative in the file"),
                );
            }
            match (&d.outcome, d.closed_on) {
                (Some(o), Some(_)) => self.rule(&record, required("outcome", o, TEXT_MAX, false)),
                (None, None) => {}
                _ => self.push(
                    &record,
                    "a closed decision has both its outcome and closed_on",
                ),
            }
        }
    }

    fn baselines(&mut self, s: &Snapshot) {
        self.ids("baseline", s.baselines.iter().map(|b| b.id));
        let initiatives = by_id(&s.initiatives, |i| i.id);
        let mut logs: HashMap<Id, Vec<&Change>> = HashMap::new();
        for c in &s.changes {
            logs.entry(c.initiative_id).or_default().push(c);
        }
        let mut latest: HashMap<&str, &crate::model::Baseline> = HashMap::new();
        for b in &s.baselines {
            let record = format!("baseline {}", b.id);
            self.times(&record, &[("committed_at", Some(b.committed_at))]);
            for item in &b.items {
                self.days(
                    &record,
                    &[
                        ("target_date", Some(item.target_date)),
                        ("backup_date", Some(item.backup_date)),
                    ],
                );
            }
            if let Err(e) = Quarter::parse("quarter", &b.quarter, self.fiscal_year_start)
                .and_then(|q| exact("quarter", &b.quarter, &q.to_string()))
            {
                self.push(&record, e.to_string());
            }
            self.rule(&record, multi("reason", b.reason.as_deref(), TEXT_MAX));
            let previous = latest.insert(b.quarter.as_str(), b);
            match (b.amends, previous) {
                (Some(a), _) if a == b.id => self.push(&record, "a plan cannot amend itself"),
                (None, None) => {}
                (Some(a), Some(p)) if a == p.id => {
                    if b.reason.is_none() {
                        self.push(&record, "an amendment needs its reason");
                    }
                }
                (Some(a), _) => self.push(
                    &record,
                    format!(
                        "amends {a}, which is not the plan in force for {} before it",
                        b.quarter
                    ),
                ),
                (None, Some(p)) => self.push(
                    &record,
                    format!(
                        "{} is already committed by baseline {}; a second plan amends it",
                        b.quarter, p.id
                    ),
                ),
            }
            if b.items.is_empty() {
                self.push(&record, "a plan commits at least one initiative");
            }
            let mut seen = HashSet::new();
            for item in &b.items {
                let id = item.initiative_id;
                if !seen.insert(id) {
                    self.push(&record, format!("initiative {id} is committed twice"));
                    continue;
                }
                let Some(i) = initiatives.get(&id) else {
                    self.push(
                        &record,
                        format!("initiative {id} is not an initiative in the file"),
                    );
                    continue;
                };
                let carried = previous
                    .and_then(|p| p.items.iter().find(|x| x.initiative_id == id))
                    .is_some_and(|x| x == item);
                let log = logs.get(&id).map(Vec::as_slice).unwrap_or_default();
                let then = history::as_of(i, log, b.committed_at);
                let logged = then.as_ref().is_some_and(|t| {
                    t.target_date == Some(item.target_date)
                        && t.backup_date == Some(item.backup_date)
                });
                if !carried && !logged {
                    self.push(
                        &record,
                        format!(
                            "commits initiative {id} for {} (backup {}), which are not its dates \
                             logged when the plan was committed",
                            item.target_date, item.backup_date
                        ),
                    );
                }
            }
        }
    }

    fn reviews(&mut self, s: &Snapshot) {
        self.ids("kept update", s.reviews.iter().map(|r| r.id));
        for r in &s.reviews {
            let record = format!("kept update {}", r.id);
            self.times(&record, &[("created_at", Some(r.created_at))]);
            let period = match r.kind {
                ReviewKind::Weekly => IsoWeek::parse("period", &r.period).map(|w| w.to_string()),
                ReviewKind::Monthly => Month::parse("period", &r.period).map(|m| m.to_string()),
                ReviewKind::Quarterly => {
                    Quarter::parse("period", &r.period, self.fiscal_year_start)
                        .map(|q| q.to_string())
                }
            };
            if let Err(e) = period.and_then(|p| exact("period", &r.period, &p)) {
                self.push(&record, e.to_string());
            }
        }
    }
}

fn by_id<T>(list: &[T], id: impl Fn(&T) -> Id) -> HashMap<Id, &T> {
    list.iter().map(|x| (id(x), x)).collect()
}

/// A value as a message shows it.
fn shown(v: Option<&str>) -> String {
    v.map_or_else(|| "empty".into(), |v| format!("'{}'", abridged(v)))
}

/// A text written exactly as the commands write it.
fn exact(field: &str, text: &str, canonical: &str) -> crate::Result<()> {
    if text == canonical {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("'{}' is written {canonical}", abridged(text)),
        ))
    }
}

/// A required stored text: the character rules, not blank, within `max`, not padded.
fn required(field: &str, text: &str, max: usize, one_line: bool) -> crate::Result<()> {
    rules::plain_chars(field, text, one_line)?;
    let tidy = if one_line {
        rules::required_line(field, text, max)?
    } else {
        rules::required_text(field, text, max)?
    };
    if tidy != text {
        return Err(Error::invalid(
            field,
            "has blank space around it; the commands store text trimmed",
        ));
    }
    Ok(())
}

/// An optional stored one-line text.
fn line(field: &str, text: Option<&str>, max: usize) -> crate::Result<()> {
    text.map_or(Ok(()), |t| required(field, t, max, true))
}

/// An optional stored text that may span lines.
fn multi(field: &str, text: Option<&str>, max: usize) -> crate::Result<()> {
    text.map_or(Ok(()), |t| required(field, t, max, false))
}

/// A logged value that the field's rule accepts (a date, a priority, a status…).
fn logged_value(field: &str, value: Option<&str>) -> crate::Result<()> {
    let Some(v) = value else {
        return Ok(());
    };
    match field {
        "start_date" | "target_date" | "backup_date" => {
            crate::calendar::parse_date(field, v).map(drop)
        }
        "priority" => v
            .parse::<i64>()
            .map_err(|_| Error::invalid(field, format!("'{}' is not a whole number", abridged(v))))
            .and_then(|n| rules::priority(field, n).map(drop)),
        "status" => v.parse::<Status>().map(drop),
        "track" => v.parse::<Track>().map(drop),
        "risk_level" => v.parse::<RiskLevel>().map(drop),
        "addresses" => crate::release::PainBucket::parse_for(field, v).map(drop),
        "owner" => rules::owner_name(field, v).map(drop),
        _ => Ok(()),
    }
}
