//! The `cadence` command-line interface.

fn main() -> std::process::ExitCode {
    cadence::cli::main()
}
