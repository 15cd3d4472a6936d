//! The app's commands are named in three places that must agree: the invoke handler and the
//! bindings (`with_commands!` in `lib.rs`), the build script that declares them
//! (`build.rs`) and the permissions the main window is granted (`capabilities/main.json`).
//! This test reads the three and names any command missing from one of them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use specta_typescript::Typescript;

/// A file of this crate, read whole.
fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The commands the builder registers, as the bindings it exports invoke them.
fn registered() -> BTreeSet<String> {
    let path: PathBuf =
        std::env::temp_dir().join(format!("cadence-commands-{}.ts", std::process::id()));
    super::specta_builder()
        .export(Typescript::default(), &path)
        .expect("exporting the bindings");
    let ts = std::fs::read_to_string(&path).expect("reading the exported bindings");
    std::fs::remove_file(&path).expect("removing the exported bindings");
    // A call reads `__TAURI_INVOKE("name"`, or `__TAURI_INVOKE<Type>("name"` when the command
    // cannot fail.
    ts.split("__TAURI_INVOKE")
        .skip(1)
        .filter_map(|rest| {
            let call = match rest.strip_prefix('<') {
                Some(typed) => typed.split_once(">(")?.1,
                None => rest.strip_prefix('(')?,
            };
            call.strip_prefix('"')?.split('"').next()
        })
        .map(str::to_string)
        .collect()
}

/// The commands `build.rs` declares: the quoted names inside `.commands(&[ … ])`.
fn declared() -> BTreeSet<String> {
    let text = read("build.rs");
    let list = text
        .split_once(".commands(&[")
        .and_then(|(_, rest)| rest.split_once("])"))
        .expect("build.rs declares its commands in .commands(&[ … ])")
        .0;
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The app's own commands the main window may call: its `allow-…` permissions (a plugin's
/// are written `plugin:allow-…`), with the command's name written back with underscores.
fn granted() -> BTreeSet<String> {
    let caps: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).expect("main.json is JSON");
    caps["permissions"]
        .as_array()
        .expect("main.json lists permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|name| name.replace('-', "_"))
        .collect()
}

/// The commands of `all` that `list` lacks, as a sentence naming them and the list.
fn missing(all: &BTreeSet<String>, list: &BTreeSet<String>, place: &str) -> Option<String> {
    let gone: Vec<&str> = all.difference(list).map(String::as_str).collect();
    (!gone.is_empty()).then(|| format!("missing from {place}: {}", gone.join(", ")))
}

#[test]
fn every_command_is_registered_declared_and_granted() {
    let (registered, declared, granted) = (registered(), declared(), granted());
    assert!(!registered.is_empty(), "no command was registered");
    let all: BTreeSet<String> = registered
        .iter()
        .chain(&declared)
        .chain(&granted)
        .cloned()
        .collect();
    let problems: Vec<String> = [
        missing(&all, &registered, "with_commands! in src-tauri/src/lib.rs"),
        missing(&all, &declared, "src-tauri/build.rs"),
        missing(&all, &granted, "src-tauri/capabilities/main.json"),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
