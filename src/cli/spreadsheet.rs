//! `cadence import-csv`: initiatives from a spreadsheet's CSV export, all or nothing.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use cadence::error::{Error, Result};
use cadence::narrative::count;
use cadence::store::Workspace;
use cadence::usecases::spreadsheet::DateOrder;

#[derive(Debug, Args)]
pub struct ImportCsvArgs {
    /// A CSV file saved from Google Sheets, Excel or LibreOffice (first row: the headers).
    file: PathBuf,
    /// Read the file and show what would be imported, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// How dates that are not YYYY-MM-DD are written: dmy (14/03/2026) or mdy (03/14/2026).
    /// Without it, the file's own dates must tell (a day above 12).
    #[arg(long, value_enum, ignore_case = true, value_name = "ORDER")]
    date_format: Option<DateOrder>,
}

/// Reads the file, prints how its columns were read and each row, then imports all rows or,
/// when one is refused, prints every refused row with its line and column and writes nothing.
pub fn import_csv(ws: &mut Workspace, a: &ImportCsvArgs, out: &mut dyn Write) -> Result<()> {
    let order = a.date_format;
    let bytes = std::fs::read(&a.file)
        .map_err(|e| Error::invalid("file", format!("cannot read {}: {e}", a.file.display())))?;
    let sheet = ws.import_sheet(&bytes, order, !a.dry_run)?;
    let used: Vec<String> = sheet
        .columns
        .iter()
        .filter_map(|c| {
            c.field
                .as_ref()
                .map(|f| format!("{} \u{2192} {f}", c.header))
        })
        .collect();
    writeln!(out, "columns: {}", used.join(", "))?;
    if !sheet.unmatched.is_empty() {
        writeln!(out, "not imported: {}", sheet.unmatched.join(", "))?;
    }
    match sheet.date_order {
        Some(DateOrder::DayFirst) => writeln!(out, "dates read day first (14/03/2026)")?,
        Some(DateOrder::MonthFirst) => writeln!(out, "dates read month first (03/14/2026)")?,
        None => {}
    }
    let refused = sheet.refused();
    if refused > 0 {
        for line in sheet.problem_lines() {
            writeln!(out, "{line}")?;
        }
        return Err(Error::invalid(
            "file",
            format!(
                "nothing was imported: {refused} of {} {} refused",
                sheet.rows.len(),
                if sheet.rows.len() == 1 {
                    "row is"
                } else {
                    "rows are"
                }
            ),
        ));
    }
    for row in &sheet.rows {
        let i = &row.initiative;
        writeln!(
            out,
            "line {}: {} ({})",
            row.line,
            i.title.trim(),
            i.owner.trim()
        )?;
    }
    let n = count(sheet.rows.len(), "initiative", "initiatives");
    if sheet.written {
        writeln!(out, "{n} imported from {}", a.file.display())?;
    } else {
        writeln!(out, "{n} would be imported; nothing was written (dry run)")?;
    }
    Ok(())
}
