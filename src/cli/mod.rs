//! The `cadence` command line: arguments, dispatch and error reporting.

mod activity;
mod backups;
mod clearable;
mod completions;
mod initiatives;
mod monthly;
mod people;
mod quarterly;
mod release;
mod scope;
mod settings;
mod spreadsheet;
mod table;
mod update;
mod weekly;
mod workspace;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;

use clap::{Args, Parser, Subcommand};

use cadence::calendar::{parse_date, Clock};
use cadence::error::Result;
use cadence::output_file;
use cadence::store::{resolve_path, Workspace};
use cadence::terminal::{safe_line, SafeWriter};

/// What `cadence --version` says: this build and the workspace schema it reads and writes.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{} (workspace schema {})",
        cadence::VERSION,
        cadence::store::schema::latest_version()
    )
});

/// Run the delivery cadence of your company: weekly status, monthly roadmap, quarterly health.
#[derive(Debug, Parser)]
#[command(name = "cadence", version = VERSION.as_str(), propagate_version = true, about)]
pub struct Cli {
    /// The workspace file (default: cadence/cadence.db in the platform data directory).
    #[arg(long, global = true, env = "CADENCE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Use this date as today everywhere (YYYY-MM-DD), for reproducible output.
    #[arg(long, global = true, env = "CADENCE_TODAY", value_name = "DATE")]
    pub today: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

/// Every command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the workspace (harmless when it exists).
    Init,
    /// Fill the workspace with the sample company.
    Demo(workspace::DemoArgs),
    /// People: add or list.
    #[command(subcommand)]
    Person(people::PersonCommand),
    /// Add an initiative.
    Add(initiatives::AddArgs),
    /// List initiatives.
    List(initiatives::ListArgs),
    /// Show one initiative with its history, check-ins, blockers and decisions.
    Show(initiatives::ShowArgs),
    /// Change fields of an initiative (every change is logged with the reason).
    Edit(initiatives::EditArgs),
    /// Every change of an initiative, oldest first.
    History(initiatives::ShowArgs),
    /// Record the owner's weekly check-in.
    Checkin(initiatives::CheckinArgs),
    /// Scope items of an initiative: add, cut (with the reason), list.
    #[command(subcommand)]
    Scope(scope::ScopeCommand),
    /// Releases: add, list, show, scope, freeze, rehearse, go/no-go, slip, ship, rollback,
    /// incidents, near-misses, pain, cancel.
    #[command(subcommand)]
    Release(release::ReleaseCommand),
    /// Blockers: add, resolve, list.
    #[command(subcommand)]
    Blocker(activity::BlockerCommand),
    /// Decisions: add, close, list.
    #[command(subcommand)]
    Decision(activity::DecisionCommand),
    /// The weekly status update: what shipped, what is stuck, which dates are in danger.
    Weekly(weekly::WeeklyArgs),
    /// The monthly roadmap update: where things stand, what changed and why, decisions needed.
    Monthly(monthly::MonthlyArgs),
    /// The quarterly health update: planned vs delivered, date reliability, effort and risk
    /// (its HTML page prints to PDF).
    Quarterly(quarterly::QuarterlyArgs),
    /// A quarter's planning session: its committed plan and the candidates for it.
    Plan(quarterly::PlanArgs),
    /// Commit a quarter's plan (its baseline), or amend it with a reason.
    CommitPlan(quarterly::CommitPlanArgs),
    /// The workspace's settings: list, get, set.
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// Export the whole workspace, history included.
    Export(workspace::ExportArgs),
    /// Import an exported workspace (all or nothing).
    Import(workspace::ImportArgs),
    /// Add initiatives from a spreadsheet's CSV export (all rows or none).
    ImportCsv(spreadsheet::ImportCsvArgs),
    /// Write a consistent copy of the workspace, safe while the app is writing.
    Backup(backups::BackupArgs),
    /// List the backups beside the workspace (automatic daily ones included) with what they hold.
    Backups(backups::BackupsArgs),
    /// Put a backup in place of the workspace, after checking it; the current one is kept.
    Restore(backups::RestoreArgs),
    /// Check the file's integrity and references; prints `ok` or what is wrong.
    Check,
    /// Print the completion script for bash, zsh or fish.
    Completions(completions::CompletionsArgs),
    /// Write the man pages of cadence and its subcommands into a folder.
    Manpages(completions::ManpagesArgs),
}

/// Parses the command line, runs the command and reports any error on one line. What is
/// printed cannot carry a sequence a terminal would obey (old data may hold one).
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => match not_one_of(&e) {
            Some(message) => {
                eprintln!("error: {}", safe_line(&message));
                return ExitCode::FAILURE;
            }
            None => e.exit(),
        },
    };
    let mut stdout = SafeWriter::new(std::io::stdout().lock());
    match run(cli, &mut stdout) {
        Ok(code) => {
            let _ = stdout.flush();
            code
        }
        Err(e) => {
            let _ = stdout.flush();
            eprintln!("error: {}", safe_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// A value outside an option's closed set of words, said on one line like every refused
/// input: `format: 'pdf' is not one of: md, html, txt, json` (the option's name as a field).
/// `None` for any other command-line error (a positional argument's value included), which
/// clap reports itself.
fn not_one_of(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::InvalidValue {
        return None;
    }
    let context = |kind| e.context().find(|(k, _)| *k == kind).map(|(_, v)| v);
    let Some(ContextValue::String(arg)) = context(ContextKind::InvalidArg) else {
        return None;
    };
    let Some(ContextValue::String(value)) = context(ContextKind::InvalidValue) else {
        return None;
    };
    let Some(ContextValue::Strings(words)) = context(ContextKind::ValidValue) else {
        return None;
    };
    let option = arg.strip_prefix("--")?.split([' ', '=']).next()?;
    Some(format!(
        "{option}: '{}' is not one of: {}",
        cadence::error::abridged(value),
        words.join(", ")
    ))
}

/// Runs one parsed command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    // These two describe the command line itself and need no workspace.
    match &cli.command {
        Command::Completions(a) => {
            completions::completions(a, out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Manpages(a) => {
            completions::manpages(a, out)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let clock = match cli.today.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Clock::pinned(parse_date("today", t)?),
        _ => Clock::system(),
    };
    let path = resolve_path(cli.db.as_deref());
    // These two work on the folder and the file without opening it: it may be damaged.
    match &cli.command {
        Command::Backups(a) => {
            backups::list(&path, a, out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Restore(a) => {
            backups::restore(&path, clock, a, out)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    // Only these commands may create a workspace; every other one needs an existing file.
    let mut ws = match cli.command {
        Command::Init | Command::Demo(_) | Command::Import(_) => {
            Workspace::open_or_create(&path, clock)?
        }
        _ => Workspace::open(&path, clock)?,
    };
    // A workspace that cannot be written gets no backup beside it; the write itself says why.
    if cli.command.writes() && ws.read_only().is_none() {
        backups::daily(&ws);
    }
    match cli.command {
        Command::Init => writeln!(out, "workspace ready at {}", path.display())?,
        Command::Demo(a) => workspace::demo(&mut ws, &a, out)?,
        Command::Person(c) => people::run(&mut ws, c, out)?,
        Command::Add(a) => initiatives::add(&mut ws, a, out)?,
        Command::List(a) => initiatives::list(&ws, &a, out)?,
        Command::Show(a) => initiatives::show(&ws, &a, out)?,
        Command::Edit(a) => initiatives::edit(&mut ws, a, out)?,
        Command::History(a) => initiatives::history(&ws, &a, out)?,
        Command::Checkin(a) => initiatives::checkin(&mut ws, a, out)?,
        Command::Scope(c) => scope::run(&mut ws, &c, out)?,
        Command::Release(c) => release::run(&mut ws, c, out)?,
        Command::Blocker(c) => activity::blocker(&mut ws, c, out)?,
        Command::Decision(c) => activity::decision(&mut ws, c, out)?,
        Command::Weekly(a) => weekly::weekly(&mut ws, &a, out)?,
        Command::Monthly(a) => monthly::monthly(&mut ws, &a, out)?,
        Command::Quarterly(a) => quarterly::quarterly(&mut ws, &a, out)?,
        Command::Plan(a) => quarterly::plan(&ws, &a, out)?,
        Command::CommitPlan(a) => quarterly::commit_plan(&mut ws, &a, out)?,
        Command::Settings(c) => settings::run(&mut ws, &c, out)?,
        Command::Export(a) => workspace::export(&ws, &a, out)?,
        Command::Import(a) => workspace::import(&mut ws, &a, out)?,
        Command::ImportCsv(a) => spreadsheet::import_csv(&mut ws, &a, out)?,
        Command::Backup(a) => backups::backup(&ws, &a, out)?,
        Command::Check => return workspace::check(&ws, out),
        Command::Backups(_)
        | Command::Restore(_)
        | Command::Completions(_)
        | Command::Manpages(_) => unreachable!("run before opening"),
    }
    Ok(ExitCode::SUCCESS)
}

impl Command {
    /// Whether the command may change the workspace (and so takes the day's automatic backup
    /// first). Reviews count: exported or kept, they record the update as sent.
    fn writes(&self) -> bool {
        use activity::{BlockerCommand as B, DecisionCommand as D};
        match self {
            Command::Init
            | Command::List(_)
            | Command::Show(_)
            | Command::History(_)
            | Command::Plan(_)
            | Command::Export(_)
            | Command::Backup(_)
            | Command::Backups(_)
            | Command::Restore(_)
            | Command::Check
            | Command::Completions(_)
            | Command::Manpages(_) => false,
            Command::Person(c) => matches!(c, people::PersonCommand::Add { .. }),
            Command::Scope(c) => !matches!(c, scope::ScopeCommand::List { .. }),
            Command::Release(c) => c.writes(),
            Command::Blocker(c) => !matches!(c, B::List { .. }),
            Command::Decision(c) => !matches!(c, D::List { .. }),
            Command::Settings(c) => matches!(c, settings::SettingsCommand::Set { .. }),
            Command::Demo(_)
            | Command::Add(_)
            | Command::Edit(_)
            | Command::Checkin(_)
            | Command::Weekly(_)
            | Command::Monthly(_)
            | Command::Quarterly(_)
            | Command::CommitPlan(_)
            | Command::Import(_) => true,
            Command::ImportCsv(a) => !a.dry_run,
        }
    }
}

/// Where a command writes its result: `--out FILE` (an existing file replaced only with
/// `--force`) or, without it, standard output.
#[derive(Debug, Args)]
pub struct OutArgs {
    /// Write to this file instead of standard output (never over a workspace or any SQLite
    /// file; an existing file only with --force).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace the --out file when it exists.
    #[arg(long, requires = "out")]
    force: bool,
}

/// Writes `body` to the `--out` file of `to` (safely, saying so on `out`) or, without one,
/// to `out` itself; `what` names it, e.g. "weekly update for 2026-W47".
fn deliver(
    workspace: &Path,
    out: &mut dyn Write,
    to: &OutArgs,
    body: &str,
    what: &str,
) -> Result<()> {
    match &to.out {
        Some(path) => {
            output_file::write("out", path, workspace, to.force, body.as_bytes())?;
            writeln!(out, "{what} written to {}", path.display())?;
        }
        None => out.write_all(body.as_bytes())?,
    }
    Ok(())
}

/// Writes `value` as pretty JSON followed by a newline.
fn print_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<()> {
    out.write_all(cadence::terminal::json_pretty(value)?.as_bytes())?;
    Ok(())
}
