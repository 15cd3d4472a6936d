//! `cadence monthly`: the monthly roadmap update, exported and kept.

use std::io::Write;

use clap::Args;

use super::{deliver, OutArgs};
use cadence::calendar::Month;
use cadence::error::Result;
use cadence::model::{Format, ReviewKind};
use cadence::render::timeline::Zoom;
use cadence::store::Workspace;

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
    let (body, keep) = if a.sent {
        (ws.sent_monthly(month, format)?.body, false)
    } else {
        let zoom = a.zoom;
        (
            ws.monthly_update(Some(month), format, zoom)?,
            a.keep || a.to.out.is_some(),
        )
    };
    deliver(
        ws,
        out,
        &a.to,
        &body,
        &format!("monthly update for {month}"),
    )?;
    if keep {
        ws.keep_review(ReviewKind::Monthly, &month.to_string(), format, &body)?;
    }
    Ok(())
}
