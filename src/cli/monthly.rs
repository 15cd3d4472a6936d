//! `cadence monthly`: the monthly roadmap update, exported and kept.

use std::io::Write;

use clap::Args;

use super::update::UpdateArgs;
use cadence::calendar::Month;
use cadence::error::Result;
use cadence::model::ReviewKind;
use cadence::render::timeline::Zoom;
use cadence::store::Workspace;

#[derive(Debug, Args)]
pub struct MonthlyArgs {
    /// The month to review (YYYY-MM); the current month by default.
    #[arg(long, value_name = "YYYY-MM")]
    month: Option<String>,
    #[command(flatten)]
    update: UpdateArgs,
    /// The timeline's window in the HTML page: month or quarter.
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        default_value_t,
        value_name = "ZOOM"
    )]
    zoom: Zoom,
}

pub fn monthly(ws: &mut Workspace, a: &MonthlyArgs, out: &mut dyn Write) -> Result<()> {
    let month = match a.month.as_deref() {
        Some(m) => Month::parse("month", m)?,
        None => Month::of(ws.clock().today()),
    };
    a.update.run(
        ws,
        out,
        ReviewKind::Monthly,
        &month.to_string(),
        a.zoom,
        |ws, format| ws.sent_monthly(month, format),
    )
}
