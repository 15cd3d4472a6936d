//! User text that reaches a terminal or a page cannot carry a sequence the reader's screen
//! would obey, even from old data written before the input rules (issue 13 §4).

mod common;

use common::Env;

/// A workspace whose stored texts carry an escape sequence, a direction override and line
/// breaks, as a hand edit (or an old version) could have left them.
fn tainted() -> (Env, String) {
    let e = Env::temp();
    e.ok(&["init"]);
    let id = e
        .add_active("Billing v2", "Tomás Silva", "2026-12-18", "2026-12-31")
        .to_string();
    e.ok(&[
        "checkin",
        &id,
        "--health",
        "at-risk",
        "--progress",
        "webhooks",
        "--shipped",
        "first line\nsecond line",
    ]);
    let conn = rusqlite::Connection::open(&e.db).unwrap();
    conn.execute_batch(&format!(
        "UPDATE initiatives SET title = 'Billing ' || char(27) || '[31mv2 ' || char(8238) || 'late'
           WHERE id = {id};
         UPDATE checkins SET progress = 'hooks' || char(7) || char(13) || 'done' WHERE initiative_id = {id};"
    ))
    .unwrap();
    (e, id)
}

fn assert_clean(what: &str, text: &str) {
    for c in ['\u{1b}', '\u{7}', '\r', '\u{202e}'] {
        assert!(
            !text.contains(c),
            "{what} holds U+{:04X}:\n{text}",
            c as u32
        );
    }
}

#[test]
fn terminal_output_shows_escape_sequences_instead_of_obeying_them() {
    let (e, id) = tainted();
    for args in [
        &["list"][..],
        &["show", &id],
        &["history", &id],
        &["blocker", "list"],
        &["weekly", "--format", "txt"],
        &["weekly", "--format", "md"],
        &["weekly", "--format", "html"],
        &["monthly", "--format", "txt"],
        &["quarterly", "--format", "txt"],
        &["check"],
    ] {
        let out = e.cmd(args).output().unwrap();
        assert_clean(
            &format!("{args:?}"),
            &String::from_utf8(out.stdout).unwrap(),
        );
    }
    let list = e.ok(&["list"]);
    assert!(list.contains("Billing ␛[31mv2 \u{FFFD}late"), "{list}");
    // Errors quoting stored text are cleaned too.
    let err = e.fails(&["commit-plan", "--quarter", "2026-Q3", "--initiative", &id]);
    assert_clean("an error", &err);
}

#[test]
fn json_carries_the_same_data_as_escapes() {
    let (e, id) = tainted();
    let export = e.ok(&["export"]);
    assert_clean("export", &export);
    assert!(
        export.contains(r"Billing \u001b[31mv2 \u202elate"),
        "{export}"
    );
    let v: serde_json::Value = serde_json::from_str(&export).unwrap();
    assert_eq!(
        v["initiatives"][0]["title"],
        "Billing \u{1b}[31mv2 \u{202e}late"
    );
    let show = e.ok(&["show", &id, "--json"]);
    assert_clean("show --json", &show);
}

#[test]
fn plain_text_flattens_line_breaks_inside_a_field() {
    let (e, _) = tainted();
    let text = e.ok(&["weekly", "--format", "txt"]);
    assert!(text.contains("first line second line"), "{text}");
    assert!(!text.contains("first line\n"), "{text}");
}

#[test]
fn html_cannot_be_reversed_by_an_override_in_a_title() {
    let (e, _) = tainted();
    let html = e.ok(&["weekly", "--format", "html"]);
    assert!(!html.contains('\u{202e}'), "{html}");
    assert!(html.contains("Billing ␛[31mv2 \u{FFFD}late"), "{html}");
}
