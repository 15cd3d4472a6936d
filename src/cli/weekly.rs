//! `cadence weekly`: the weekly status update, exported and kept.

use std::io::Write;

use clap::Args;

use super::{deliver, send, OutArgs};
use cadence::calendar::IsoWeek;
use cadence::error::Result;
use cadence::model::{Format, ReviewKind};
use cadence::store::Workspace;
use cadence::usecases::send_update::UpdateOptions;

#[derive(Debug, Args)]
pub struct WeeklyArgs {
    /// The ISO week to review (YYYY-Www); the current week by default.
    #[arg(long, value_name = "YYYY-Www")]
    week: Option<String>,
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
    /// Print the update kept for the week in this format, exactly as it was sent.
    #[arg(long, conflicts_with = "keep")]
    sent: bool,
}

pub fn weekly(ws: &mut Workspace, a: &WeeklyArgs, out: &mut dyn Write) -> Result<()> {
    let week = match a.week.as_deref() {
        Some(w) => IsoWeek::parse("week", w)?,
        None => IsoWeek::of(ws.clock().today()),
    };
    let format = a.format;
    if !a.sent {
        let options = UpdateOptions {
            format,
            ..UpdateOptions::default()
        };
        let week = week.to_string();
        return send(
            ws,
            out,
            &a.to,
            ReviewKind::Weekly,
            Some(&week),
            options,
            a.keep,
        );
    }
    let body = ws.sent_weekly(week, format)?.body;
    let what = format!("weekly update for {week}");
    deliver(ws.path(), out, &a.to, &body, &what)
}
