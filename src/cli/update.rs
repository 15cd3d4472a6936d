//! What `weekly`, `monthly` and `quarterly` share: the update's format, where it goes, and
//! whether it is kept as sent or the one kept before is printed.

use std::io::Write;

use clap::Args;

use super::{deliver, OutArgs};
use cadence::error::Result;
use cadence::model::{Format, ReviewKind, StoredReview};
use cadence::render::timeline::Zoom;
use cadence::store::Workspace;
use cadence::usecases::send_update::UpdateOptions;

/// A review's update options, flattened into each review's command.
#[derive(Debug, Args)]
pub struct UpdateArgs {
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
    /// Print the update kept for the period in this format, exactly as it was sent.
    #[arg(long, conflicts_with = "keep")]
    sent: bool,
}

impl UpdateArgs {
    /// Sends the `kind` update of `period` (an HTML page's timeline at `zoom`) to the `--out`
    /// file or to `out`: by the core's one path ([`Workspace::send_update`]), which keeps it
    /// as sent, when written to a file or with `--keep`; else only rendered and printed. With
    /// `--sent`, delivers instead the one kept for the period, which `kept` looks up.
    pub fn run(
        &self,
        ws: &mut Workspace,
        out: &mut dyn Write,
        kind: ReviewKind,
        period: &str,
        zoom: Zoom,
        kept: impl FnOnce(&Workspace, Format) -> Result<StoredReview>,
    ) -> Result<()> {
        let workspace = ws.path().to_path_buf();
        let mut deliver = |period: &str, body: &str| {
            let what = format!("{kind} update for {period}");
            deliver(&workspace, out, &self.to, body, &what)
        };
        if self.sent {
            return deliver(period, &kept(ws, self.format)?.body);
        }
        let options = UpdateOptions {
            format: self.format,
            zoom,
        };
        if self.keep || self.to.out.is_some() {
            ws.send_update(kind, Some(period), options, deliver)?;
        } else {
            let (period, body) = ws.rendered_update(kind, Some(period), options)?;
            deliver(&period, &body)?;
        }
        Ok(())
    }
}
