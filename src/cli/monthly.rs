//! `cadence monthly`: the monthly roadmap update, exported and kept.

use std::io::Write;

use clap::Args;

use super::{deliver, send, OutArgs};
use cadence::calendar::Month;
use cadence::error::Result;
use cadence::model::{Format, ReviewKind};
use cadence::render::timeline::Zoom;
use cadence::store::Workspace;
use cadence::usecases::send_update::UpdateOptions;

#[derive(Debug, Args)]
pub struct MonthlyArgs {
    /// The month to review (YYYY-MM); the current month by default.
    #[arg(long, value_name = "YYYY-MM")]
    month: Option<String>,
    /// md (Markdown), html (one self-contained page), txt (plain text) or json (the review).
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        default_value_t,
        value_name = "FORMAT"
    )]
    format: Format,
    /// With --out, the update is kept in the workspace.
    #[command(flatten)]
    to: OutArgs,
    /// Keep the update printed to standard output too, as sent.
    #[arg(long)]
    keep: bool,
    /// The timeline's window in the HTML page: month or quarter.
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        default_value_t,
        value_name = "ZOOM"
    )]
    zoom: Zoom,
    /// Print the update kept for the month in this format, exactly as it was sent.
    #[arg(long, conflicts_with = "keep")]
    sent: bool,
}

pub fn monthly(ws: &mut Workspace, a: &MonthlyArgs, out: &mut dyn Write) -> Result<()> {
    let month = match a.month.as_deref() {
        Some(m) => Month::parse("month", m)?,
        None => Month::of(ws.clock().today()),
    };
    let format = a.format;
    if !a.sent {
        let options = UpdateOptions {
            format,
            zoom: a.zoom,
        };
        let month = month.to_string();
        return send(
            ws,
            out,
            &a.to,
            ReviewKind::Monthly,
            Some(&month),
            options,
            a.keep,
        );
    }
    let body = ws.sent_monthly(month, format)?.body;
    let what = format!("monthly update for {month}");
    deliver(ws.path(), out, &a.to, &body, &what)
}
