//! What shells and `man` read about `cadence`, generated from its own clap definition:
//! completion scripts (clap_complete) and man pages (clap_mangen).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, CommandFactory, ValueEnum};

use cadence::error::{Error, Result};

use super::Cli;

/// The shells `cadence completions` writes a script for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// `cadence completions SHELL`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

/// `cadence manpages DIR`.
#[derive(Debug, Args)]
pub struct ManpagesArgs {
    /// The folder to write cadence.1 and a page per subcommand into (created when missing).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

/// Writes the completion script for the chosen shell to `out`.
pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    // Generated into memory first: clap_complete panics on a failed write (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "cadence", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// Writes `cadence.1` and one page per subcommand (`cadence-weekly.1`, `cadence-blocker-add.1`)
/// into the folder, creating it, and says where.
pub fn manpages(args: &ManpagesArgs, out: &mut dyn Write) -> Result<()> {
    let cannot = |e: std::io::Error| {
        Error::invalid(
            "dir",
            format!(
                "{}: the man pages cannot be written there ({e})",
                args.dir.display()
            ),
        )
    };
    std::fs::create_dir_all(&args.dir).map_err(cannot)?;
    clap_mangen::generate_to(Cli::command(), &args.dir).map_err(cannot)?;
    writeln!(
        out,
        "man pages of cadence and its subcommands written to {}",
        args.dir.display()
    )?;
    Ok(())
}
