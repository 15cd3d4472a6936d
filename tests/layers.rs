//! The core's modules import only downward, so data flows one way: store → snapshot → review
//! → narrative → render, with the use cases on top. Every `crate::` path in `src/` (the CLI
//! binary in `src/main.rs` and `src/cli/` apart: it is not the library) must name a module its
//! layer may use (comments aside); the weekly, monthly and quarterly reviews share only through
//! `review::common`, `review::delivery` and `review::releases` (the releases part of each).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layer of module `crate::{module}::{sub}`: the top-level module's, but for a part of a
/// module that sits in another layer.
fn layer(module: &str, sub: Option<&str>) -> &'static str {
    match (module, sub) {
        // The readiness sheet and the release view read a snapshot like a review; the rest of
        // `release` is records and their figures.
        ("release", Some("sheet" | "view")) => return "review",
        ("release", _) => return "foundation",
        _ => {}
    }
    match module {
        "error" | "calendar" | "model" | "rules" | "history" | "settings" | "output_file"
        | "retention" | "terminal" | "lib" => "foundation",
        "snapshot" | "consistency" => "snapshot",
        "store" => "store",
        "review" | "reminders" => "review",
        "narrative" => "narrative",
        "render" => "render",
        "usecases" => "usecases",
        other => panic!("src/{other}: a module without a layer; add it to tests/layers.rs"),
    }
}

/// The layers a layer may import from (itself included).
fn allowed(layer: &str) -> &'static [&'static str] {
    match layer {
        "foundation" => &["foundation"],
        "snapshot" => &["foundation", "snapshot"],
        "store" => &["foundation", "snapshot", "store"],
        "review" => &["foundation", "snapshot", "review"],
        "narrative" => &["foundation", "snapshot", "review", "narrative"],
        "render" => &["foundation", "snapshot", "review", "narrative", "render"],
        "usecases" => &[
            "foundation",
            "snapshot",
            "store",
            "review",
            "narrative",
            "render",
            "usecases",
        ],
        other => panic!("no layer {other}"),
    }
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules a file names after `crate::` (`crate::a::b`, `crate::{a, b::c}`), each as its
/// first two path segments.
fn imports(text: &str) -> BTreeSet<(String, Option<String>)> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let paths: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            group[..end].split(',').collect()
        } else {
            vec![rest]
        };
        for p in paths {
            let mut segs = p.trim().split("::").map(|s| {
                s.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            });
            let first = segs.next().unwrap_or_default();
            if first.is_empty() || first.starts_with(char::is_uppercase) {
                continue;
            }
            let second = segs.next().filter(|s| !s.is_empty());
            found.insert((first, second));
        }
    }
    found
}

/// What file `path` (under `src/`) is: its top-level module and, under `review/`, which
/// review it belongs to.
fn module_of(src: &Path, path: &Path) -> (String, Option<String>) {
    let rel = path.strip_prefix(src).unwrap();
    let mut parts = rel
        .iter()
        .map(|p| p.to_str().unwrap().trim_end_matches(".rs").to_string());
    let top = parts.next().unwrap();
    (top, parts.next().filter(|s| s != "mod"))
}

#[test]
fn the_core_imports_only_downward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for path in &files {
        let (top, sub) = module_of(&src, path);
        if top == "main" || top == "cli" {
            continue;
        }
        checked += 1;
        let from = layer(&top, sub.as_deref());
        // Comments may point anywhere (a doc link is no import).
        let text: String = fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (first, second) in imports(&text) {
            if matches!(first.as_str(), "Error" | "Result") {
                continue;
            }
            let to = layer(&first, second.as_deref());
            if !allowed(from).contains(&to) {
                wrong.push(format!(
                    "{}: {from} imports crate::{first} ({to})",
                    path.display()
                ));
            }
            // The three reviews and the board stand side by side: none imports another.
            if top == "review" && first == "review" {
                let shared = matches!(second.as_deref(), Some("common" | "delivery" | "releases"));
                if !shared && second != sub {
                    wrong.push(format!(
                        "{}: review::{} imports review::{}; share through review::common",
                        path.display(),
                        sub.as_deref().unwrap_or("mod"),
                        second.as_deref().unwrap_or("")
                    ));
                }
            }
        }
    }
    assert!(
        checked > 40,
        "only {checked} files read under {}",
        src.display()
    );
    assert!(
        wrong.is_empty(),
        "imports against the flow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_reader_sees_every_form_of_path() {
    let text = "use crate::store::Workspace;\nuse crate::{review::common::Window, settings};\n\
                let x = crate::narrative::who(); crate::Error::invalid";
    let got: Vec<(String, Option<String>)> = imports(text).into_iter().collect();
    let want = [
        ("narrative", Some("who")),
        ("review", Some("common")),
        ("settings", None),
        ("store", Some("Workspace")),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.map(str::to_string)))
        .collect();
    assert_eq!(got, want);
}

/// The store's public methods on `Workspace`: opening the file, its commands (one transaction
/// each, with their input rules) and the reads they answer with, which the front ends call
/// directly, and the whole-workspace reads the pure reviews take (in tests and benchmarks). Everything else the store
/// does (the kept updates, raw settings, notices, the snapshot's narrower reads) is
/// `pub(crate)`, reached only through the use cases. A new public store method must be added
/// here, knowingly.
const STORE_PUBLIC: &[&str] = &[
    "add_blocker",
    "add_decision",
    "add_initiative",
    "add_person",
    "add_release",
    "add_release_pain",
    "add_scope",
    "backup",
    "baselines",
    "blockers",
    "cancel_release",
    "check",
    "checkin",
    "clock",
    "close_decision",
    "commit_plan",
    "cut_from_release",
    "cut_scope",
    "decide_release",
    "decisions",
    "edit_initiative",
    "export_json",
    "freeze_release",
    "history",
    "import_json",
    "include_in_release",
    "initiative",
    "initiative_detail",
    "initiatives",
    "is_empty",
    "link_decision",
    "load_sample",
    "open",
    "open_or_create",
    "path",
    "people",
    "read_only",
    "record_release_event",
    "rehearse_release",
    "resolve_blocker",
    "scope",
    "set_clock",
    "ship_release",
    "slip_release",
    "snapshot",
    "snapshot_of_calls",
    "snapshot_of_weeks",
];

/// Public for tests and benchmarks of the pure reviews, never called by a front end: the app
/// and the CLI ask a use case for what they show.
const NOT_FOR_FRONT_ENDS: &[&str] = &["snapshot", "snapshot_of_calls", "snapshot_of_weeks"];

/// What the front ends may import from `cadence::store`: the workspace, the inputs and
/// outputs of its commands, where the file is, and the shell's backup, schema and watch.
const FRONT_END_STORE_IMPORTS: &[&str] = &[
    "InitiativeDetail",
    "InitiativeFilter",
    "NewDecision",
    "NewEvent",
    "NewRelease",
    "PersonSummary",
    "Workspace",
    "backup",
    "resolve_path",
    "schema",
    "watch",
];

/// The `pub fn`s of every `impl Workspace` block in `text`.
fn workspace_pub_fns(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("\nimpl Workspace {") {
        rest = &rest[at + "\nimpl Workspace {".len()..];
        let end = rest.find("\n}").unwrap_or(rest.len());
        for line in rest[..end].lines() {
            if let Some(sig) = line.strip_prefix("    pub fn ") {
                let name: String = sig
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push(name);
            }
        }
        rest = &rest[end..];
    }
    found
}

/// The names a file imports from `cadence::store` (`cadence::store::X`,
/// `cadence::store::{X, y::Z}`), each as its first segment.
fn store_imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("cadence::store::") {
        rest = &rest[at + "cadence::store::".len()..];
        let paths: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            group[..group.find('}').unwrap_or(group.len())]
                .split(',')
                .collect()
        } else {
            vec![rest]
        };
        for p in paths {
            let name: String = p
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// The front ends' sources: the CLI (in the binary) and the desktop shell.
fn front_end_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src/cli"), &mut files);
    files.push(root.join("src/main.rs"));
    sources(&root.join("src-tauri/src"), &mut files);
    files
}

#[test]
fn the_store_keeps_its_data_access_to_the_crate() {
    let store = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    let mut files = Vec::new();
    sources(&store, &mut files);
    let mut public: Vec<String> = files
        .iter()
        .flat_map(|p| workspace_pub_fns(&fs::read_to_string(p).unwrap()))
        .collect();
    public.sort();
    assert_eq!(
        public, STORE_PUBLIC,
        "the store's public Workspace methods changed: make a new one pub(crate) and reach it \
         through a use case (src/usecases), or list it in STORE_PUBLIC knowingly"
    );
}

#[test]
fn the_front_ends_reach_the_store_only_through_its_commands_and_the_use_cases() {
    let mut wrong = Vec::new();
    let files = front_end_sources();
    assert!(files.len() > 30, "only {} front-end files", files.len());
    for path in &files {
        let text = fs::read_to_string(path).unwrap();
        for name in store_imports(&text) {
            if !FRONT_END_STORE_IMPORTS.contains(&name.as_str()) {
                wrong.push(format!(
                    "{}: imports cadence::store::{name}",
                    path.display()
                ));
            }
        }
        for name in NOT_FOR_FRONT_ENDS {
            if text.contains(&format!(".{name}(")) {
                wrong.push(format!(
                    "{}: calls Workspace::{name}; ask a use case",
                    path.display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "front ends past the use cases:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_readers_see_public_methods_and_store_imports() {
    let text = "impl Other {\n    pub fn no() {}\n}\nimpl Workspace {\n    pub fn open(x) {}\n    \
                pub(crate) fn hidden() {}\n    fn private() {}\n}\n\nimpl Workspace {\n    pub fn \
                checkin(&mut self) {}\n}\n";
    assert_eq!(workspace_pub_fns(text), ["open", "checkin"]);
    let text = "use cadence::store::{InitiativeFilter, schema::latest};\n\
                use cadence::store::Workspace;\nlet v = cadence::store::sample::x();";
    let got: Vec<String> = store_imports(text).into_iter().collect();
    assert_eq!(got, ["InitiativeFilter", "Workspace", "sample", "schema"]);
}
