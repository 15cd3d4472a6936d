//! What the command line says about itself: its version and the workspace schema, shell
//! completions and man pages, all without a workspace.

mod common;

use std::fs;

use common::Env;

#[test]
fn version_names_the_build_and_the_workspace_schema() {
    let env = Env::bare();
    let said = env.ok(&["--version"]);
    assert_eq!(
        said.trim(),
        format!(
            "cadence {} (workspace schema {})",
            cadence::VERSION,
            cadence::store::schema::latest_version()
        )
    );
    assert!(!env.db.exists(), "--version opened no workspace");
}

#[test]
fn completions_are_written_for_bash_zsh_and_fish_without_a_workspace() {
    let env = Env::bare();
    let bash = env.ok(&["completions", "bash"]);
    assert!(bash.contains("complete -F _cadence"), "{bash}");
    let zsh = env.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef cadence"), "{zsh}");
    let fish = env.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c cadence"), "{fish}");
    for script in [&bash, &zsh, &fish] {
        for command in ["weekly", "checkin", "restore", "manpages"] {
            assert!(script.contains(command), "{command} missing");
        }
    }
    assert!(!env.db.exists(), "completions opened no workspace");
    let err = env.fails(&["completions", "powershell"]);
    assert!(err.contains("invalid value 'powershell'"), "{err}");
}

#[test]
fn manpages_are_written_for_cadence_and_every_subcommand() {
    let env = Env::bare();
    let dir = env.dir.path().join("man").join("man1");
    let said = env.ok(&["manpages", dir.to_str().unwrap()]);
    assert!(said.contains(&dir.display().to_string()), "{said}");
    let page = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
    let main = page("cadence.1");
    assert!(main.starts_with(".ie \\n(.g .ds Aq"), "{main}");
    assert!(main.contains(".TH cadence 1"), "{main}");
    assert!(main.contains(&format!(
        "workspace schema {}",
        cadence::store::schema::latest_version()
    )));
    assert!(page("cadence-weekly.1").contains("\\-\\-week"));
    let header = format!(".TH cadence-blocker-add 1  \"add {}", cadence::VERSION);
    assert!(page("cadence-blocker-add.1").contains(&header));
    assert!(!dir.join("cadence-help.1").exists());
    assert!(!env.db.exists(), "manpages opened no workspace");

    let file = env.dir.path().join("a-file");
    fs::write(&file, "").unwrap();
    let err = env.fails(&["manpages", file.join("man1").to_str().unwrap()]);
    assert!(err.starts_with("error: dir: "), "{err}");
}
