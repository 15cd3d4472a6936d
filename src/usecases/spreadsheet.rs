//! Initiatives from and to a spreadsheet. A CSV file as Google Sheets, Excel or LibreOffice
//! write it (UTF-8 with or without a byte-order mark, comma or semicolon separated, CRLF,
//! quoted fields holding line breaks) is read into new initiatives: headers matched by name
//! with their common synonyms, dates read in ISO form or in the file's day or month order,
//! every rule of the core applied to each row, all rows or none written. The other way, the
//! initiative list as CSV in which no cell can run as a formula.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{abridged, Error, Result};
use crate::model::{Initiative, NewInitiative};
use crate::store::{InitiativeFilter, Workspace};

/// How a file writes the day and the month of a date that is not in ISO form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum DateOrder {
    /// 14/03/2026, 14.03.2026: most of the world.
    #[serde(rename = "dmy")]
    #[cfg_attr(
        feature = "cli",
        value(name = "dmy", aliases = ["day-first", "dd/mm/yyyy", "dd.mm.yyyy"])
    )]
    DayFirst,
    /// 03/14/2026: the United States.
    #[serde(rename = "mdy")]
    #[cfg_attr(feature = "cli", value(name = "mdy", aliases = ["month-first", "mm/dd/yyyy"]))]
    MonthFirst,
}

/// A field of an initiative that a column can fill, with the header names it answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Title,
    Owner,
    Track,
    Status,
    Priority,
    Start,
    Target,
    Backup,
    Risk,
    RiskLevel,
    Mitigation,
    Outcome,
    Measure,
}

impl Field {
    const ALL: [Field; 13] = [
        Field::Title,
        Field::Owner,
        Field::Track,
        Field::Status,
        Field::Priority,
        Field::Start,
        Field::Target,
        Field::Backup,
        Field::Risk,
        Field::RiskLevel,
        Field::Mitigation,
        Field::Outcome,
        Field::Measure,
    ];

    /// The header names it answers to, lower case, single spaces.
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Title => &[
                "initiative",
                "project",
                "title",
                "initiative name",
                "project name",
            ],
            Field::Owner => &["owner", "dri", "lead", "project lead", "owned by"],
            Field::Track => &["track"],
            Field::Status => &["status", "state"],
            Field::Priority => &["priority", "rank"],
            Field::Start => &["start", "start date"],
            Field::Target => &["target", "due", "target date", "due date", "deadline"],
            Field::Backup => &["backup", "fallback", "backup date", "fallback date"],
            Field::Risk => &["risk", "main risk"],
            Field::RiskLevel => &["risk level"],
            Field::Mitigation => &["mitigation"],
            Field::Outcome => &["outcome", "goal"],
            Field::Measure => &["measure", "metric", "success measure"],
        }
    }

    /// The field's name in the core (what a rule's error names).
    fn core(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Owner => "owner",
            Field::Track => "track",
            Field::Status => "status",
            Field::Priority => "priority",
            Field::Start => "start_date",
            Field::Target => "target_date",
            Field::Backup => "backup_date",
            Field::Risk => "risk",
            Field::RiskLevel => "risk_level",
            Field::Mitigation => "mitigation",
            Field::Outcome => "outcome",
            Field::Measure => "measure",
        }
    }

    fn is_date(self) -> bool {
        matches!(self, Field::Start | Field::Target | Field::Backup)
    }
}

/// A header of the file and the field it fills (none when it matched no field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetColumn {
    pub header: String,
    /// The initiative's field (`title`, `owner`, `target_date`…), or none: not imported.
    pub field: Option<String>,
}

/// What is wrong with one cell or row, naming the column as the file heads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetProblem {
    pub column: String,
    pub message: String,
}

/// One row of the file: its line (where the row starts, counting the header as line 1), the
/// initiative it makes, and what stops it from being imported.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetRow {
    pub line: u32,
    pub initiative: NewInitiative,
    pub problems: Vec<SheetProblem>,
}

/// A file read for import: its columns, the headers not imported, every row with its
/// problems, and whether the rows were written (all of them, or none).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetImport {
    pub columns: Vec<SheetColumn>,
    /// Headers that matched no field: listed, never guessed.
    pub unmatched: Vec<String>,
    pub rows: Vec<SheetRow>,
    /// The order non-ISO dates were read in, when the file has such dates.
    pub date_order: Option<DateOrder>,
    pub written: bool,
}

impl SheetImport {
    /// How many rows are refused.
    pub fn refused(&self) -> usize {
        self.rows.iter().filter(|r| !r.problems.is_empty()).count()
    }

    /// Every problem on one line each: "line 4, DRI: 'Platform team' names a team…".
    pub fn problem_lines(&self) -> Vec<String> {
        self.rows
            .iter()
            .flat_map(|r| {
                r.problems
                    .iter()
                    .map(move |p| format!("line {}, {}: {}", r.line, p.column, p.message))
            })
            .collect()
    }

    /// The header of the column that fills core field `field`, or the field's own name.
    pub fn column_of(&self, field: &str) -> String {
        self.columns
            .iter()
            .find(|c| c.field.as_deref() == Some(field))
            .map_or_else(|| field.to_string(), |c| c.header.clone())
    }
}

impl Workspace {
    /// Reads a spreadsheet's CSV export ([`read_sheet`]) and adds its rows as new initiatives
    /// in one transaction, each under every rule of [`Workspace::add_initiative`]. With
    /// `write`, all rows are written when none is refused, and none otherwise; without it (a
    /// dry run, the app's preview) nothing is. Each row carries its problems, naming the
    /// column as the file heads it.
    pub fn import_sheet(
        &mut self,
        bytes: &[u8],
        order: Option<DateOrder>,
        write: bool,
    ) -> Result<SheetImport> {
        let mut sheet = read_sheet(bytes, order)?;
        let news: Vec<NewInitiative> = sheet.rows.iter().map(|r| r.initiative.clone()).collect();
        let keep = write && sheet.refused() == 0;
        let outcomes = self.add_initiatives(&news, keep)?;
        let mut refused = Vec::new();
        for (k, outcome) in outcomes.into_iter().enumerate() {
            if let Err(e) = outcome {
                let column = match &e {
                    Error::Invalid { field, .. } => sheet.column_of(field),
                    _ => "row".to_string(),
                };
                refused.push((k, column, message_of(&e)));
            }
        }
        for (k, column, message) in refused {
            let row = &mut sheet.rows[k];
            if !row.problems.iter().any(|p| p.column == column) {
                row.problems.push(SheetProblem { column, message });
            }
        }
        sheet.written = keep && sheet.refused() == 0;
        Ok(sheet)
    }

    /// The initiatives matching `filter` as CSV for a spreadsheet ([`initiatives_csv`]).
    pub fn initiatives_csv(&self, filter: &InitiativeFilter) -> Result<String> {
        initiatives_csv(&self.initiatives(filter)?)
    }
}

/// A header as compared: lower case, words separated by single spaces.
fn normalised(header: &str) -> String {
    header
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The separator a file uses: the one of `,` and `;` its first line holds more of, outside
/// quotes (Excel writes `;` where the decimal mark is a comma).
fn separator(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\n' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// A date cell split into its numbers: ISO (`2026-03-14`, `2026/3/14`) or day and month in
/// an order to be found (`14/03/2026`, `3.14.26`).
enum DateCell {
    Iso(i32, u32, u32),
    /// The two numbers before the year, and the year.
    Ordered(u32, u32, i32),
}

/// Splits a date cell, or says why it is not one.
fn date_cell(text: &str) -> std::result::Result<DateCell, String> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let bad = || {
        format!(
            "'{}' is not a date (write 2026-03-14, 14/03/2026 or 03/14/2026)",
            abridged(text)
        )
    };
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let n = |p: &str| p.parse::<u32>().map_err(|_| bad());
    if parts[0].len() == 4 {
        return Ok(DateCell::Iso(
            n(parts[0])? as i32,
            n(parts[1])?,
            n(parts[2])?,
        ));
    }
    let year = match parts[2].len() {
        4 => n(parts[2])? as i32,
        // A spreadsheet's short year: this century.
        2 => 2000 + n(parts[2])? as i32,
        _ => return Err(bad()),
    };
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return Err(bad());
    }
    Ok(DateCell::Ordered(n(parts[0])?, n(parts[1])?, year))
}

/// The day-and-month order a file's dates show: a first number above 12 can only be a day,
/// a second one only a day too. `None` when no date tells; an error when dates disagree.
fn evident_order(cells: &[(u32, String, &str)]) -> Result<Option<(DateOrder, String)>> {
    let mut day_first: Option<String> = None;
    let mut month_first: Option<String> = None;
    for (line, header, text) in cells {
        if let Ok(DateCell::Ordered(a, b, _)) = date_cell(text) {
            let here = format!("line {line}, {header}: '{}'", abridged(text));
            if a > 12 && b <= 12 && day_first.is_none() {
                day_first = Some(here);
            } else if b > 12 && a <= 12 && month_first.is_none() {
                month_first = Some(here);
            }
        }
    }
    match (day_first, month_first) {
        (Some(d), Some(m)) => Err(Error::invalid(
            "date-format",
            format!(
                "the file writes dates day first ({d}) and month first ({m}); correct the \
                 file or say which with --date-format dmy or mdy"
            ),
        )),
        (Some(d), None) => Ok(Some((DateOrder::DayFirst, d))),
        (None, Some(m)) => Ok(Some((DateOrder::MonthFirst, m))),
        (None, None) => Ok(None),
    }
}

/// Reads one date cell as `YYYY-MM-DD`, in `order` when it is not ISO.
fn read_date(text: &str, order: Option<DateOrder>) -> std::result::Result<String, String> {
    let (y, m, d) = match date_cell(text)? {
        DateCell::Iso(y, m, d) => (y, m, d),
        DateCell::Ordered(a, b, y) => match order {
            Some(DateOrder::DayFirst) => (y, b, a),
            Some(DateOrder::MonthFirst) => (y, a, b),
            None if a == b => (y, a, b),
            None => {
                let as_day_first = NaiveDate::from_ymd_opt(y, b, a);
                let as_month_first = NaiveDate::from_ymd_opt(y, a, b);
                let spell = |d: Option<NaiveDate>| {
                    d.map_or("no date".to_string(), |d| d.format("%-d %B %Y").to_string())
                };
                return Err(format!(
                    "'{}' could be {} or {}; say which with --date-format dmy or mdy",
                    abridged(text),
                    spell(as_day_first),
                    spell(as_month_first)
                ));
            }
        },
    };
    NaiveDate::from_ymd_opt(y, m, d)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .ok_or_else(|| format!("'{}' is not a real calendar date", abridged(text)))
}

/// A cell as written, without the `'` that [`csv_cell`] puts before a character a
/// spreadsheet would read as a formula (so a file this module wrote reads back the same).
fn cell_text(text: &str) -> &str {
    let t = text.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => t,
    }
}

/// Cell `k` of a record as written ([`cell_text`]); empty when the row is shorter.
fn cell(r: &csv::StringRecord, k: usize) -> &str {
    cell_text(r.get(k).unwrap_or_default())
}

/// Reads a spreadsheet's CSV export into rows of new initiatives, each with the problems its
/// cells have on their own (dates, numbers); the core's rules are applied when the rows are
/// written. `order` says how non-ISO dates are written; without it, the file's own dates
/// must tell (a day above 12), else an ambiguous date is a problem of its row and column.
pub fn read_sheet(bytes: &[u8], order: Option<DateOrder>) -> Result<SheetImport> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::invalid(
            "file",
            format!(
                "is not UTF-8 text (byte {} is not); save it from the spreadsheet as \
                 \"CSV UTF-8\"",
                e.valid_up_to() + 1
            ),
        )
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            Error::invalid("file", format!("line {line} cannot be read as CSV: {e}"))
        })?;
        // The reader's position is where it stopped after the previous record, before the
        // line breaks that end it: the record starts past them.
        let from = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        let at = from
            + text.as_bytes()[from..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let line = text.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u32
            + 1;
        if record.iter().any(|c| !c.trim().is_empty()) {
            records.push((line, record));
        }
    }
    let mut records = records.into_iter();
    let Some((_, header)) = records.next() else {
        return Err(Error::invalid(
            "file",
            "holds no rows; the first row names the columns",
        ));
    };
    let (columns, fields) = match_headers(&header)?;
    let unmatched = columns
        .iter()
        .filter(|c| c.field.is_none())
        .map(|c| c.header.clone())
        .collect();
    let rows: Vec<(u32, csv::StringRecord)> = records.collect();
    if rows.is_empty() {
        return Err(Error::invalid(
            "file",
            "holds no initiatives: only the row that names the columns",
        ));
    }
    let header = &header;
    let dates: Vec<(u32, String, &str)> = rows
        .iter()
        .flat_map(|(line, r)| {
            fields
                .iter()
                .filter(|(_, f)| f.is_date())
                .map(move |(k, _)| (*line, header[*k].trim().to_string(), cell(r, *k)))
        })
        .filter(|(_, _, t)| !t.is_empty())
        .collect();
    let order = match order {
        Some(o) => Some(o),
        None => evident_order(&dates)?.map(|(o, _)| o),
    };
    let rows = rows
        .iter()
        .map(|(line, r)| {
            let mut new = NewInitiative::default();
            let mut problems = Vec::new();
            for (k, field) in &fields {
                let text = cell(r, *k);
                if text.is_empty() {
                    continue;
                }
                let column = header[*k].trim().to_string();
                let value = if field.is_date() {
                    match read_date(text, order) {
                        Ok(d) => d,
                        Err(message) => {
                            problems.push(SheetProblem { column, message });
                            continue;
                        }
                    }
                } else {
                    text.to_string()
                };
                set(&mut new, *field, value, &column, &mut problems);
            }
            SheetRow {
                line: *line,
                initiative: new,
                problems,
            }
        })
        .collect();
    Ok(SheetImport {
        columns,
        unmatched,
        rows,
        date_order: order.filter(|_| {
            dates
                .iter()
                .any(|(_, _, t)| matches!(date_cell(t), Ok(DateCell::Ordered(..))))
        }),
        written: false,
    })
}

/// A column's index and the field it fills.
type ColumnField = (usize, Field);

/// The columns of a header row, and which field each column index fills. Two columns for one
/// field, or no column for the title or the owner, refuse the file.
fn match_headers(header: &csv::StringRecord) -> Result<(Vec<SheetColumn>, Vec<ColumnField>)> {
    let mut columns = Vec::new();
    let mut fields: Vec<ColumnField> = Vec::new();
    for (k, h) in header.iter().enumerate() {
        let name = normalised(h);
        if name.is_empty() {
            continue;
        }
        let field = Field::ALL
            .into_iter()
            .find(|f| f.names().contains(&name.as_str()));
        if let Some(f) = field {
            if let Some((other, _)) = fields.iter().find(|(_, g)| *g == f) {
                return Err(Error::invalid(
                    "file",
                    format!(
                        "the columns '{}' and '{}' both give the {}; keep one",
                        abridged(header[*other].trim()),
                        abridged(h.trim()),
                        f.core().replace('_', " ")
                    ),
                ));
            }
            fields.push((k, f));
        }
        columns.push(SheetColumn {
            header: h.trim().to_string(),
            field: field.map(|f| f.core().to_string()),
        });
    }
    let found: BTreeSet<Field> = fields.iter().map(|(_, f)| *f).collect();
    for needed in [Field::Title, Field::Owner] {
        if !found.contains(&needed) {
            let names: Vec<&str> = needed.names().to_vec();
            return Err(Error::invalid(
                "file",
                format!(
                    "has no column for the {} (a header named one of: {}); the headers are: {}",
                    needed.core(),
                    names.join(", "),
                    columns
                        .iter()
                        .map(|c| format!("'{}'", abridged(&c.header)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    Ok((columns, fields))
}

/// Puts one cell's text in its field of `new`.
fn set(
    new: &mut NewInitiative,
    field: Field,
    value: String,
    column: &str,
    problems: &mut Vec<SheetProblem>,
) {
    let parsed = |r: Result<()>, problems: &mut Vec<SheetProblem>| {
        if let Err(e) = r {
            problems.push(SheetProblem {
                column: column.to_string(),
                message: message_of(&e),
            });
        }
    };
    match field {
        Field::Title => new.title = value,
        Field::Owner => new.owner = value,
        Field::Track => parsed(value.parse().map(|t| new.track = Some(t)), problems),
        Field::Status => parsed(value.parse().map(|s| new.status = Some(s)), problems),
        Field::Priority => match value.parse::<i64>() {
            Ok(p) => new.priority = Some(p),
            Err(_) => problems.push(SheetProblem {
                column: column.to_string(),
                message: format!("'{}' is not a whole number", abridged(&value)),
            }),
        },
        Field::Start => new.start_date = Some(value),
        Field::Target => new.target_date = Some(value),
        Field::Backup => new.backup_date = Some(value),
        Field::Risk => new.risk = Some(value),
        Field::RiskLevel => parsed(value.parse().map(|l| new.risk_level = Some(l)), problems),
        Field::Mitigation => new.mitigation = Some(value),
        Field::Outcome => new.outcome = Some(value),
        Field::Measure => new.measure = Some(value),
    }
}

/// An error's message without the field it names (the column says it).
pub(crate) fn message_of(e: &Error) -> String {
    match e {
        Error::Invalid { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

/// A cell for a spreadsheet: one that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading `'`, so a spreadsheet shows it as text instead of running it.
pub fn csv_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The headers of [`initiatives_csv`]: names [`read_sheet`] matches, so the file reads back.
const LIST_HEADERS: [&str; 14] = [
    "ID",
    "Title",
    "Owner",
    "Track",
    "Status",
    "Priority",
    "Start date",
    "Target date",
    "Backup date",
    "Risk",
    "Risk level",
    "Mitigation",
    "Outcome",
    "Measure",
];

/// Initiatives as CSV for a spreadsheet: a header row, then one row each, every cell
/// neutralised ([`csv_cell`]), lines ending in `\n`.
pub fn initiatives_csv(list: &[Initiative]) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let io = |e: csv::Error| Error::invalid("csv", e.to_string());
    w.write_record(LIST_HEADERS).map_err(io)?;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for i in list {
        let row = [
            i.id.to_string(),
            i.title.clone(),
            i.owner.clone(),
            i.track.to_string(),
            i.status.to_string(),
            i.priority.to_string(),
            day(i.start_date),
            day(i.target_date),
            day(i.backup_date),
            text(&i.risk),
            i.risk_level.map(|l| l.to_string()).unwrap_or_default(),
            text(&i.mitigation),
            text(&i.outcome),
            text(&i.measure),
        ];
        w.write_record(row.iter().map(|c| csv_cell(c)))
            .map_err(io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::invalid("csv", e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::invalid("csv", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_iso_or_in_an_order_that_is_said_or_evident() {
        assert_eq!(read_date("2026-03-14", None).unwrap(), "2026-03-14");
        assert_eq!(read_date("2026/3/4", None).unwrap(), "2026-03-04");
        assert_eq!(
            read_date("14/03/2026", Some(DateOrder::DayFirst)).unwrap(),
            "2026-03-14"
        );
        assert_eq!(
            read_date("03/14/2026", Some(DateOrder::MonthFirst)).unwrap(),
            "2026-03-14"
        );
        assert_eq!(read_date("4.4.26", None).unwrap(), "2026-04-04");
        let err = read_date("03/04/2026", None).unwrap_err();
        assert_eq!(
            err,
            "'03/04/2026' could be 3 April 2026 or 4 March 2026; say which with --date-format \
             dmy or mdy"
        );
        assert!(read_date("31/02/2026", Some(DateOrder::DayFirst))
            .unwrap_err()
            .contains("not a real calendar date"));
        assert!(read_date("next week", None)
            .unwrap_err()
            .contains("is not a date"));
        assert!(read_date("2026-03-14T10:00", None).is_err());
    }

    #[test]
    fn headers_match_their_synonyms_in_any_case() {
        assert_eq!(normalised("  Target_Date "), "target date");
        assert_eq!(normalised("RISK-LEVEL"), "risk level");
        assert_eq!(separator("Project;DRI;Due\n1,5;x;y"), b';');
        assert_eq!(separator("\"a;b\",c,d"), b',');
    }

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_neutralised_and_read_back() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            let cell = csv_cell(bad);
            assert_eq!(cell, format!("'{bad}"));
            assert_eq!(cell_text(&cell), bad);
        }
        assert_eq!(csv_cell("Billing v2"), "Billing v2");
        assert_eq!(cell_text("'quoted on purpose"), "'quoted on purpose");
    }
}
