//! `cadence demo | export | import | check`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{deliver, OutArgs};
use cadence::error::{Error, Result};
use cadence::store::Workspace;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Replace what the workspace holds.
    #[arg(long)]
    force: bool,
}

pub fn demo(ws: &mut Workspace, a: &DemoArgs, out: &mut dyn Write) -> Result<()> {
    ws.load_sample(a.force)?;
    let n = ws.initiatives(&Default::default())?.len();
    writeln!(
        out,
        "sample company loaded: {n} initiatives in {}",
        ws.path().display()
    )?;
    Ok(())
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, ignore_case = true, default_value = "json")]
    format: ExportFormat,
    #[command(flatten)]
    to: OutArgs,
}

pub fn export(ws: &Workspace, a: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    let ExportFormat::Json = a.format;
    let text = ws.export_json()?;
    deliver(ws.path(), out, &a.to, &text, "export")
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A file written by `cadence export`.
    file: PathBuf,
    /// Replace what the workspace holds.
    #[arg(long)]
    replace: bool,
}

pub fn import(ws: &mut Workspace, a: &ImportArgs, out: &mut dyn Write) -> Result<()> {
    let text = std::fs::read_to_string(&a.file)
        .map_err(|e| Error::invalid("file", format!("cannot read {}: {e}", a.file.display())))?;
    ws.import_json(&text, a.replace)?;
    writeln!(out, "imported {}", a.file.display())?;
    Ok(())
}

pub fn check(ws: &Workspace, out: &mut dyn Write) -> Result<ExitCode> {
    let problems = ws.check()?;
    if problems.is_empty() {
        writeln!(out, "ok")?;
        return Ok(ExitCode::SUCCESS);
    }
    for p in problems {
        writeln!(out, "{p}")?;
    }
    Ok(ExitCode::FAILURE)
}
