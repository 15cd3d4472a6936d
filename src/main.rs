//! The `cadence` command-line interface: parses the command line and calls the same use cases
//! as the desktop app (the library holds no CLI code, so the app links no argument parser).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
