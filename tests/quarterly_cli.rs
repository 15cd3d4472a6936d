//! `cadence quarterly`, `plan` and `commit-plan` on real workspace files: golden updates,
//! the HTML page parsed back, exports kept and reread as sent, the JSON shape, and the
//! planning session from the command line.

mod common;

use common::quarter::fernhill;
use common::{golden, ok, Env};
use roxmltree::Document;

const TODAY: &str = "2027-01-05";

#[test]
fn golden_update_of_the_quarter_worked_out_by_hand() {
    let f = fernhill();
    let args = ["quarterly", "--quarter", "2026-Q4"];
    let md = ok(&f.co.path, TODAY, &args);
    golden("quarterly_2026-Q4.md", &md);
    let txt = ok(
        &f.co.path,
        TODAY,
        &[&args[..], &["--format", "txt"]].concat(),
    );
    golden("quarterly_2026-Q4.txt", &txt);
    // Deterministic, and a past quarter reads the same later.
    assert_eq!(md, ok(&f.co.path, "2027-06-30", &args));
}

#[test]
fn golden_update_of_a_fiscal_quarter_under_way() {
    let env = Env {
        today: "2027-02-10",
        ..Env::temp()
    };
    env.ok(&["settings", "set", "fiscal_year_start", "4"]);
    let early = Env {
        today: "2026-12-20",
        ..env
    };
    let close = early.add_active("Year-end close", "Maya Okafor", "2027-01-29", "2027-02-05");
    let vat = early.add_active("VAT returns", "Ravi Menon", "2027-03-31", "2027-03-31");
    early.add_active("Next year", "Lena Fischer", "2027-04-12", "2027-04-19");
    let out = early.ok(&["commit-plan", "--quarter", "2026-Q4"]);
    assert!(
        out.starts_with("plan for 2026-Q4 committed: 2 initiatives\n"),
        "{out}"
    );
    let env = Env {
        today: "2027-02-01",
        ..early
    };
    env.ok(&["edit", &close.to_string(), "--status", "done"]);
    env.ok(&["checkin", &vat.to_string(), "--health", "at-risk"]);
    let env = Env {
        today: "2027-02-10",
        ..env
    };
    let md = env.ok(&["quarterly"]);
    assert!(md.starts_with("# Quarterly review: fiscal Q4 2026 (January to March 2027)\n"));
    assert!(md.contains(
        "Quarters are fiscal quarters: the fiscal year starts in April; fiscal Q4 2026 runs \
         from 1 January 2027 to 31 March 2027."
    ));
    golden("quarterly_fiscal_2026-Q4.md", &md);
}

#[test]
fn golden_update_of_the_sample_company_and_of_a_quarter_without_a_plan() {
    let env = Env::sample();
    let md = env.ok(&["quarterly"]);
    assert!(md.contains("We committed to "), "{md}");
    golden("quarterly_sample.md", &md);

    let bare = Env::temp();
    bare.add_active("Billing v2", "Tomás Silva", "2026-11-13", "2026-11-20");
    let md = bare.ok(&["quarterly"]);
    assert!(
        md.contains(
            "No plan was committed for Q4 2026, so there is nothing to measure delivery \
             against; no initiatives were done during the quarter. 1 more initiative was \
             added during the quarter, outside the plan."
        ),
        "{md}"
    );
}

#[test]
fn the_html_page_prints_and_holds_its_charts() {
    let f = fernhill();
    f.co.edit(
        "2026-12-30 09:00",
        f.audit,
        cadence::model::InitiativePatch {
            title: Some("<img src=x onerror=alert(1)> </style> & \"Audit\"".into()),
            ..Default::default()
        },
        "hostile",
    );
    let html = ok(
        &f.co.path,
        TODAY,
        &["quarterly", "--quarter", "2026-Q4", "--format", "html"],
    );
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = Document::parse_with_options(&html, options).expect("the page is well-formed XML");
    assert!(!doc.descendants().any(|n| n.has_tag_name("script")));
    for n in doc.descendants().filter(|n| n.is_element()) {
        for a in n.attributes() {
            assert!(
                !a.name().starts_with("on"),
                "{} has {}",
                n.tag_name().name(),
                a.name()
            );
            assert!(!a.value().contains("javascript:"));
        }
    }
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(text.contains("<img src=x onerror=alert(1)> </style> & \"Audit\""));

    let sections: Vec<(&str, usize)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("section"))
        .map(|s| {
            let charts = s.descendants().filter(|n| n.has_tag_name("svg")).count();
            (s.attribute("class").unwrap(), charts)
        })
        .collect();
    assert_eq!(
        sections,
        [
            ("planned", 1),
            ("added", 0),
            ("reliability", 1),
            ("churn", 0),
            ("outcomes", 0),
            ("investment", 1),
            ("risk", 1),
            ("enablers", 0),
            ("backlog", 0),
            ("trend", 0),
            ("about", 0),
        ]
    );
    let style = doc
        .descendants()
        .find(|n| n.has_tag_name("style"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(style.contains("@media print"));
    assert!(style.contains(
        "section.reliability,section.outcomes,section.risk,section.trend{break-before:page}"
    ));
    // The charts in the page are the ones the app shows.
    let ws = f.co.at("2027-01-05 12:00");
    let view = ws
        .quarterly_view(Some(common::quarter::q("2026-Q4")))
        .unwrap();
    assert!(html.contains(&view.charts.planned_vs_delivered));
    assert!(html.contains(&view.charts.risk_grid));
}

#[test]
fn the_json_is_the_whole_review() {
    let f = fernhill();
    let json: serde_json::Value = serde_json::from_str(&ok(
        &f.co.path,
        TODAY,
        &["quarterly", "--quarter", "2026-Q4", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["quarter"], "2026-Q4");
    assert_eq!(json["convention"], "calendar quarters");
    assert_eq!(json["plan"]["counts"]["delivered_late"], 1);
    assert_eq!(json["plan"]["committed"][1]["delivery"], "late");
    assert_eq!(
        json["plan"]["committed"][1]["committed_target"],
        "2026-11-06"
    );
    assert_eq!(json["reliability"]["median_slip_days"], 5.0);
    assert_eq!(json["investment"]["tracks"][2]["track"], "enabler");
    assert_eq!(json["risk"]["grid"].as_array().unwrap().len(), 12);
    assert_eq!(json["trend"][0]["quarter"], "2026-Q3");
}

#[test]
fn an_exported_update_is_kept_and_reread_as_sent() {
    let f = fernhill();
    let file = f.co.path.with_file_name("q4.html");
    let said = ok(
        &f.co.path,
        TODAY,
        &[
            "quarterly",
            "--quarter",
            "2026-Q4",
            "--format",
            "html",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(said.starts_with("quarterly update for 2026-Q4 written to"));
    let sent = std::fs::read_to_string(&file).unwrap();
    // Later changes do not alter what was sent.
    f.co.done("2027-01-04 10:00", f.audit, Some("Shipped early"));
    let again = ok(
        &f.co.path,
        "2027-03-01",
        &[
            "quarterly",
            "--quarter",
            "2026-Q4",
            "--format",
            "html",
            "--sent",
        ],
    );
    assert_eq!(again, sent);
    let (success, _, err) = common::cadence(
        &f.co.path,
        TODAY,
        &[
            "quarterly",
            "--quarter",
            "2026-Q4",
            "--format",
            "md",
            "--sent",
        ],
    );
    assert!(!success);
    assert_eq!(
        err,
        "error: quarter: no quarterly update for 2026-Q4 was kept in md (kept in: html)\n"
    );
}

#[test]
fn commit_plan_from_the_command_line() {
    let env = Env {
        today: "2026-09-25",
        ..Env::temp()
    };
    let a = env.add_active("Billing v2", "Tomás Silva", "2026-11-13", "2026-11-20");
    let b = env.add_active("Search", "Ravi Menon", "2026-12-04", "2026-12-11");
    let later = env.add_active("Portal", "Priya Natarajan", "2027-01-15", "2027-01-22");
    let proposed = env.json(&[
        "add",
        "Reminders",
        "--owner",
        "Sam Whitaker",
        "--target",
        "2026-12-01",
        "--backup",
        "2026-12-08",
        "--json",
    ])["id"]
        .as_i64()
        .unwrap();

    let session = env.json(&["plan", "--json"]);
    assert_eq!(session["quarter"], "2026-Q4");
    let suggested: Vec<i64> = session["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["suggested"] == true)
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(suggested, [a, b]);
    let blocked = &session["candidates"][3];
    assert_eq!(blocked["id"], proposed);
    assert_eq!(blocked["blocked_by"]["field"], "risk");

    let out = env.ok(&["commit-plan", "--quarter", "2026-Q4"]);
    assert!(
        out.starts_with("plan for 2026-Q4 committed: 2 initiatives\n"),
        "{out}"
    );
    assert!(out.contains("Billing v2") && !out.contains("Portal"));

    let err = env.fails(&[
        "commit-plan",
        "--quarter",
        "2026-Q4",
        "--add",
        &later.to_string(),
    ]);
    assert_eq!(
        err,
        "error: reason: the plan for 2026-Q4 was committed on 2026-09-25; amending it needs a \
         reason\n"
    );
    let err = env.fails(&[
        "commit-plan",
        "--quarter",
        "2026-Q4",
        "--add",
        &later.to_string(),
        "--reason",
        "x",
    ]);
    assert!(err.contains("falls outside 2026-Q4"), "{err}");
    let err = env.fails(&["commit-plan", "--quarter", "2026-Q4", "--reason", "x"]);
    assert!(err.contains("name what to --add or --remove"), "{err}");

    let v = env.json(&[
        "commit-plan",
        "--quarter",
        "2026-Q4",
        "--remove",
        &b.to_string(),
        "--reason",
        "Search waits for the new cluster",
        "--json",
    ]);
    assert_eq!(v["amends"], 1);
    assert_eq!(v["items"].as_array().unwrap().len(), 1);
    let text = env.ok(&["plan", "--quarter", "2026-Q4"]);
    assert!(text.contains("amended"), "{text}");
    assert!(text.contains("Search waits for the new cluster"), "{text}");

    let err = env.fails(&["settings", "set", "fiscal_year_start", "7"]);
    assert!(err.contains("plans are already committed"), "{err}");
    let ended = Env {
        today: "2027-01-02",
        ..env
    };
    let err = ended.fails(&[
        "commit-plan",
        "--quarter",
        "2026-Q4",
        "--initiative",
        &a.to_string(),
        "--reason",
        "late",
    ]);
    assert!(
        err.starts_with("error: quarter: 2026-Q4 ended on 2026-12-31"),
        "{err}"
    );
    let err = ended.fails(&["commit-plan", "--quarter", "2026-Q5"]);
    assert!(err.contains("is not a quarter like 2026-Q3"), "{err}");
}
