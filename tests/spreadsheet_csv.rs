//! Starting from a spreadsheet and handing figures back to one (issue 15): `import-csv` reads
//! files shaped as Google Sheets, Excel and LibreOffice write them, all rows or none, under
//! every rule of the core; `list --format csv` neutralises cells a spreadsheet would run.

mod common;

use std::fs;
use std::path::PathBuf;

use common::Env;
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spreadsheets/").to_string() + name
}

/// Writes `text` into the env's folder and returns its path.
fn sheet(env: &Env, name: &str, text: &str) -> String {
    let path: PathBuf = env.dir.path().join(name);
    fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// Runs an import that must be refused: what it printed (each refused row) and its error.
fn refused(env: &Env, args: &[&str]) -> String {
    let out = env.cmd(args).output().unwrap();
    assert!(!out.status.success(), "{args:?} unexpectedly succeeded");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    String::from_utf8(out.stdout).unwrap() + &err
}

/// The initiatives of the workspace, as `list --json` gives them.
fn listed(env: &Env) -> Vec<Value> {
    env.json(&["list", "--json"]).as_array().unwrap().clone()
}

fn find<'a>(list: &'a [Value], title: &str) -> &'a Value {
    list.iter()
        .find(|i| i["title"] == title)
        .unwrap_or_else(|| panic!("{title} not in {list:?}"))
}

#[test]
fn a_google_sheets_export_imports_with_month_first_dates_and_unmatched_headers_listed() {
    let env = Env::temp();
    let out = env.ok(&["import-csv", &fixture("google_sheets.csv")]);
    assert!(out.contains("4 initiatives imported"), "{out}");
    assert!(out.contains("not imported: Notes"), "{out}");
    assert!(out.contains("month first"), "{out}");
    let list = listed(&env);
    assert_eq!(list.len(), 4);
    let billing = find(&list, "Billing v2");
    assert_eq!(billing["owner"], "Tomás Silva");
    assert_eq!(billing["status"], "active");
    assert_eq!(billing["target_date"], "2026-03-14");
    assert_eq!(billing["backup_date"], "2026-03-27");
    assert_eq!(billing["risk_level"], "medium");
    assert_eq!(
        billing["risk"],
        "Payment provider sandbox is flaky, tests unreliable"
    );
    let onboarding = find(&list, "Self-serve onboarding");
    assert_eq!(onboarding["target_date"], "2026-04-03");
    assert_eq!(
        find(&list, "Stabilise the release pipeline")["track"],
        "release"
    );
    assert_eq!(find(&list, "Audit log export")["status"], "proposed");
    assert_eq!(env.ok(&["check"]), "ok\n");
}

#[test]
fn an_excel_export_with_bom_and_semicolons_imports_with_day_first_dates() {
    let env = Env::temp();
    let out = env.ok(&["import-csv", &fixture("excel_semicolon.csv")]);
    assert!(out.contains("3 initiatives imported"), "{out}");
    assert!(out.contains("not imported: Budget (€)"), "{out}");
    let list = listed(&env);
    let mobile = find(&list, "Mobile offline mode");
    assert_eq!(mobile["owner"], "Lena Fischer");
    assert_eq!(mobile["target_date"], "2026-03-14");
    assert_eq!(mobile["backup_date"], "2026-03-28");
    assert_eq!(mobile["risk_level"], "high");
    let search = find(&list, "Move search to Postgres full-text");
    assert_eq!(search["target_date"], "2026-04-02");
    assert_eq!(
        search["risk"],
        "Rebuilding the index may lock the invoices table; for minutes"
    );
    assert_eq!(env.ok(&["check"]), "ok\n");
}

#[test]
fn a_libreoffice_export_imports_with_iso_dates_and_a_quoted_line_break() {
    let env = Env::temp();
    let out = env.ok(&["import-csv", &fixture("libreoffice.csv")]);
    assert!(out.contains("2 initiatives imported"), "{out}");
    let list = listed(&env);
    let portal = find(&list, "Accountant portal");
    assert_eq!(portal["owner"], "Maya Okafor");
    assert_eq!(portal["start_date"], "2026-02-02");
    assert_eq!(
        portal["outcome"],
        "Accountants see their clients' books\nwithout asking us"
    );
    assert_eq!(
        find(&list, "Database migration safety checks")["track"],
        "enabler"
    );
}

#[test]
fn a_refused_row_names_its_line_and_column_and_nothing_is_written() {
    let env = Env::temp();
    let file = sheet(
        &env,
        "team.csv",
        "Title,Owner,Status,Target,Backup,Risk,Risk level\r\n\
         Billing v2,Tomás Silva,active,2026-03-14,2026-03-27,Vendor late,low\r\n\
         Search,Platform team,proposed,,,,\r\n\
         Pricing,Priya Natarajan,active,2026-04-10,2026-04-01,Nobody clicks,high\r\n",
    );
    let err = refused(&env, &["import-csv", &file]);
    assert!(
        err.contains("line 3, Owner: 'Platform team' names a team"),
        "{err}"
    );
    assert!(
        err.contains("line 4, Backup: the backup date (2026-04-01) must be on or after"),
        "{err}"
    );
    assert!(
        err.contains("nothing was imported: 2 of 3 rows are refused"),
        "{err}"
    );
    assert_eq!(env.json(&["list", "--json"]), json!([]));
    assert_eq!(env.json(&["person", "list", "--json"]), json!([]));
}

#[test]
fn an_ambiguous_date_is_an_error_naming_row_and_column_until_the_order_is_given() {
    let env = Env::temp();
    let file = sheet(
        &env,
        "ambiguous.csv",
        "Project;Lead;Due\n\"Billing v2\";Tomás Silva;03/04/2026\n",
    );
    let err = refused(&env, &["import-csv", &file]);
    assert!(
        err.contains(
            "line 2, Due: '03/04/2026' could be 3 April 2026 or 4 March 2026; say which with \
             --date-format dmy or mdy"
        ),
        "{err}"
    );
    assert_eq!(env.json(&["list", "--json"]), json!([]));
    env.ok(&["import-csv", &file, "--date-format", "dmy"]);
    assert_eq!(listed(&env)[0]["target_date"], "2026-04-03");
    // Dates that disagree on the order refuse the file, naming both.
    let mixed = sheet(
        &env,
        "mixed.csv",
        "Title,Owner,Target\nA one,Ann Lee,14/03/2026\nA two,Ann Lee,03/14/2026\n",
    );
    let err = Env::temp().fails(&["import-csv", &mixed]);
    assert!(err.contains("line 2, Target: '14/03/2026'"), "{err}");
    assert!(err.contains("line 3, Target: '03/14/2026'"), "{err}");
}

#[test]
fn a_dry_run_shows_what_would_be_imported_and_writes_nothing() {
    let env = Env::temp();
    let out = env.ok(&["import-csv", &fixture("google_sheets.csv"), "--dry-run"]);
    assert!(out.contains("4 initiatives would be imported"), "{out}");
    assert!(out.contains("line 2: Billing v2 (Tomás Silva)"), "{out}");
    // A quoted field spanning two lines: the next row starts two lines further.
    assert!(
        out.contains("line 6: Audit log export (Maya Okafor)"),
        "{out}"
    );
    assert_eq!(env.json(&["list", "--json"]), json!([]));
}

#[test]
fn a_file_without_a_title_or_owner_column_or_with_two_for_one_field_is_refused() {
    let env = Env::temp();
    let file = sheet(&env, "no-owner.csv", "Project,Budget\nBilling,100\n");
    let err = env.fails(&["import-csv", &file]);
    assert!(err.contains("has no column for the owner"), "{err}");
    assert!(err.contains("'Project', 'Budget'"), "{err}");
    let file = sheet(&env, "twice.csv", "Project,Title,Owner\nA,B,Ann Lee\n");
    let err = env.fails(&["import-csv", &file]);
    assert!(
        err.contains("the columns 'Project' and 'Title' both give the title"),
        "{err}"
    );
    let latin1 = env.dir.path().join("latin1.csv");
    fs::write(&latin1, b"Title,Owner\nBilling,Tom\xe1s Silva\n").unwrap();
    let err = env.fails(&["import-csv", latin1.to_str().unwrap()]);
    assert!(err.contains("is not UTF-8 text"), "{err}");
}

/// Titles a spreadsheet would run as formulas, and other hostile cells.
const INJECTIONS: &[&str] = &[
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
];

#[test]
fn the_csv_list_neutralises_every_cell_a_spreadsheet_would_run_and_reads_back() {
    let env = Env::temp();
    for (k, title) in INJECTIONS.iter().enumerate() {
        env.ok(&[
            "add",
            "--owner",
            "Ann Lee",
            &format!("--risk=-{k} days of slack"),
            "--",
            title,
        ]);
    }
    let cells = |text: &str| -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        assert_eq!(&reader.headers().unwrap()[1], "Title");
        reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let text = env.ok(&["list", "--format", "csv"]);
    let titles: Vec<String> = cells(&text).iter().map(|r| r[1].clone()).collect();
    let want: Vec<String> = INJECTIONS.iter().map(|t| format!("'{t}")).collect();
    assert_eq!(titles, want);
    assert!(text.contains(",'-0 days of slack,"), "{text}");
    // The neutralised file reads back to the same titles.
    let other = Env::temp();
    let file = sheet(&other, "list.csv", &text);
    other.ok(&["import-csv", &file]);
    let back: Vec<Value> = listed(&other).iter().map(|i| i["title"].clone()).collect();
    assert_eq!(
        back,
        INJECTIONS.iter().map(|t| json!(t)).collect::<Vec<_>>()
    );
    // Old data may hold a tab or a carriage return at the start of a cell.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(
        "UPDATE initiatives SET outcome = char(9) || '=2+2' WHERE id = 1;
         UPDATE initiatives SET measure = char(13) || '@x' WHERE id = 2;",
    )
    .unwrap();
    drop(conn);
    let text = env.ok(&["list", "--format", "csv"]);
    for row in cells(&text) {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} in {text}"
            );
        }
    }
}
