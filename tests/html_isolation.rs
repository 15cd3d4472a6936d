//! In HTML updates every piece of user-written text sits in a `<bdi>`, so right-to-left text
//! cannot reverse the sentence around it (issue 13 §4); in drawn SVG text, in a `<tspan>` the
//! SVG's style isolates.
//! The other formats show the same words without marks.

mod common;

use common::Env;
use roxmltree::{Document, Node, ParsingOptions};
use serde_json::Value;

/// Every text a user typed into the workspace, as the updates may quote it: trimmed, without
/// a closing full stop and without its first letter (which a sentence may capitalise).
fn user_texts(export: &Value) -> Vec<String> {
    let fields: &[(&str, &[&str])] = &[
        ("people", &["name"]),
        (
            "initiatives",
            &[
                "title",
                "owner",
                "outcome",
                "measure",
                "result",
                "risk",
                "mitigation",
            ],
        ),
        ("checkins", &["shipped", "progress", "note"]),
        ("blockers", &["text", "owner"]),
        ("decisions", &["question", "owner", "outcome"]),
        ("changes", &["reason"]),
        ("baselines", &["reason"]),
    ];
    let mut out = Vec::new();
    for (table, keys) in fields {
        for record in export[*table].as_array().unwrap() {
            for key in *keys {
                if let Some(text) = record[*key].as_str() {
                    let core = text.trim().trim_end_matches('.');
                    let core: String = core.chars().skip(1).collect();
                    if core.chars().count() >= 4 && !out.contains(&core) {
                        out.push(core);
                    }
                }
            }
        }
    }
    out
}

fn inside(node: Node<'_, '_>, names: &[&str]) -> bool {
    node.ancestors()
        .any(|a| a.is_element() && names.contains(&a.tag_name().name()))
}

/// Checks one page: no user text outside a `<bdi>` in the body, and in the figures none
/// outside an isolating `<tspan>` but in tooltips. Returns how many `<bdi>` hold user text.
fn check_page(what: &str, html: &str, texts: &[String]) -> usize {
    let options = ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = Document::parse_with_options(html, options).expect("the page parses strictly");
    let mut isolated = 0;
    for node in doc.descendants().filter(|n| n.is_text()) {
        let text = node.text().unwrap_or_default();
        if inside(node, &["style", "head"]) {
            continue;
        }
        if inside(node, &["svg"]) {
            // A tooltip is plain text; in drawn text, user text sits in an isolating tspan.
            let tspan = node
                .ancestors()
                .any(|a| a.has_tag_name("tspan") && a.attribute("class") == Some("cdn-user"));
            for t in texts.iter().filter(|t| text.contains(t.as_str())) {
                assert!(
                    inside(node, &["title"]) || tspan,
                    "{what}: {t:?} outside an isolating tspan in the SVG text {text:?}"
                );
            }
            continue;
        }
        if inside(node, &["bdi"]) {
            isolated += usize::from(texts.iter().any(|t| text.contains(t.as_str())));
            continue;
        }
        for t in texts {
            assert!(
                !text.contains(t.as_str()),
                "{what}: user text {t:?} outside a <bdi> in {text:?}"
            );
        }
    }
    assert!(
        !html.contains(['\u{2068}', '\u{2069}', '\u{FFFD}']),
        "{what}: a mark left as a character"
    );
    isolated
}

fn pages(env: &Env) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for args in [
        &["weekly", "--format", "html"][..],
        &["weekly", "--format", "html", "--week", "2026-W46"],
        &["weekly", "--format", "html", "--week", "2026-W44"],
        &["monthly", "--format", "html"],
        &["monthly", "--format", "html", "--month", "2026-10"],
        &["quarterly", "--format", "html"],
        &["quarterly", "--format", "html", "--quarter", "2026-Q3"],
    ] {
        out.push((args.join(" "), env.ok(args)));
    }
    out
}

#[test]
fn every_user_text_of_the_sample_company_sits_in_a_bdi() {
    let env = Env::sample();
    let texts = user_texts(&env.json(&["export"]));
    assert!(texts.len() > 40, "{}", texts.len());
    let mut isolated = 0;
    for (what, html) in pages(&env) {
        isolated += check_page(&what, &html, &texts);
    }
    assert!(isolated > 100, "only {isolated} user texts in a <bdi>");
}

#[test]
fn right_to_left_titles_and_names_cannot_reverse_the_sentence() {
    let env = Env::sample();
    let title = "חיוב גרסה 2";
    let owner = "ليلى حداد";
    env.ok(&["person", "add", owner]);
    env.ok(&["edit", "1", "--title", title, "--reason", "renamed"]);
    env.ok(&["edit", "1", "--owner", owner, "--reason", "handed over"]);
    let texts = user_texts(&env.json(&["export"]));
    for (what, html) in pages(&env) {
        check_page(&what, &html, &texts);
    }
    let weekly = env.ok(&["weekly", "--format", "html"]);
    assert!(
        weekly.contains(&format!("<bdi>{title}</bdi> (<bdi>{owner}</bdi>)")),
        "{weekly}"
    );
    let monthly = env.ok(&["monthly", "--format", "html"]);
    assert!(
        monthly.contains(&format!("<bdi>{owner}</bdi>")),
        "{monthly}"
    );
    // The other formats carry the words without marks.
    for format in ["md", "txt"] {
        for report in ["weekly", "monthly", "quarterly"] {
            let text = env.ok(&[report, "--format", format]);
            assert!(
                !text.contains(['\u{2068}', '\u{2069}', '\u{FFFD}']),
                "{report} {format}: {text}"
            );
        }
    }
    let md = env.ok(&["weekly"]);
    assert!(md.contains(&format!("{title} ({owner})")), "{md}");
}

#[test]
fn isolates_in_old_data_cannot_unbalance_the_marks() {
    let env = Env::sample();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute(
        "UPDATE initiatives SET title = 'Billing ' || char(8297) || '</bdi>v2' || char(8296) \
         WHERE id = 1",
        [],
    )
    .unwrap();
    let html = env.ok(&["weekly", "--format", "html"]);
    assert!(
        html.contains("<bdi>Billing \u{FFFD}&lt;/bdi&gt;v2\u{FFFD}</bdi>"),
        "{html}"
    );
    let md = env.ok(&["weekly"]);
    assert!(md.contains("Billing \u{FFFD}\\</bdi>v2\u{FFFD} ("), "{md}");
}
