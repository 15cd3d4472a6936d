//! `cadence weekly`: the weekly status update, exported and kept.

use std::io::Write;

use clap::Args;

use super::update::UpdateArgs;
use cadence::calendar::IsoWeek;
use cadence::error::Result;
use cadence::model::ReviewKind;
use cadence::render::timeline::Zoom;
use cadence::store::Workspace;

#[derive(Debug, Args)]
pub struct WeeklyArgs {
    /// The ISO week to review (YYYY-Www); the current week by default.
    #[arg(long, value_name = "YYYY-Www")]
    week: Option<String>,
    #[command(flatten)]
    update: UpdateArgs,
}

pub fn weekly(ws: &mut Workspace, a: &WeeklyArgs, out: &mut dyn Write) -> Result<()> {
    let week = match a.week.as_deref() {
        Some(w) => IsoWeek::parse("week", w)?,
        None => IsoWeek::of(ws.clock().today()),
    };
    a.update.run(
        ws,
        out,
        ReviewKind::Weekly,
        &week.to_string(),
        Zoom::default(),
        |ws, format| ws.sent_weekly(week, format),
    )
}
