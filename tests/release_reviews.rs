//! Releases in the updates, through the CLI on a real workspace: three missed releases put
//! the weekly update in rescue mode with the stop-list, a release shipped by its backup date
//! ends it, and a rollback changes the quarterly Release confidence figures.

mod common;

use common::releases::ReleaseAdd;
use common::Env;

#[test]
fn three_misses_put_the_weekly_in_rescue_mode_until_one_ships_by_its_backup_date() {
    let mut env = Env::on("2027-03-01");
    for (n, name) in ["2.1", "2.2", "2.3"].iter().enumerate() {
        env.ok(&ReleaseAdd::new(name, "2027-03-10", "2027-03-12").args());
        env.ok(&[
            "release",
            "cancel",
            &(n + 1).to_string(),
            "--reason",
            "Scope grew past the date",
        ]);
    }
    let weekly = env.ok(&["weekly"]);
    assert!(
        weekly.contains(
            "Rescue mode since 1 March: 3 releases missed in a row (2.1, 2.2 and 2.3). It lasts until a release ships by its backup date."
        ),
        "{weekly}"
    );
    assert!(weekly.contains("The stop-list: Freeze new feature requests for one release cycle."));

    env.ok(&ReleaseAdd::new("2.4", "2027-03-05", "2027-03-08").args());
    env.today = "2027-03-07";
    env.ok(&["release", "ship", "4", "--at", "2027-03-07 16:00"]);
    let weekly = env.ok(&["weekly"]);
    assert!(!weekly.contains("Rescue mode"), "{weekly}");
    assert!(weekly
        .contains("- 2.4 shipped on 7 March at 16:00, after its target but by its backup date."));
    let quarterly = env.ok(&["quarterly"]);
    assert!(quarterly.contains(
        "The last rescue ended on 7 March when 2.4 shipped by its backup date, after 3 missed releases in a row."
    ), "{quarterly}");
    assert!(quarterly.contains("Change failure rate: 0% (0 of 1)"));

    // A rollback changes the quarter's figures.
    env.ok(&[
        "release",
        "rollback",
        "4",
        "--at",
        "2027-03-07 17:00",
        "--restored",
        "2027-03-07 17:40",
        "--reason",
        "Sign-in failed",
    ]);
    let quarterly = env.ok(&["quarterly"]);
    assert!(
        quarterly.contains("Change failure rate: 100% (1 of 1)"),
        "{quarterly}"
    );
    assert!(quarterly.contains(
        "Time to restore: a median of 40 minutes over 1 rollback or incident (40 minutes)."
    ));
    let weekly = env.ok(&["weekly"]);
    assert!(
        weekly.contains(
            "- 2.4 was rolled back on 7 March at 17:00; restored in 40 minutes: Sign-in failed."
        ),
        "{weekly}"
    );
}

#[test]
fn a_workspace_without_releases_has_no_release_sections() {
    let env = Env::temp();
    env.add_active("Billing v2", "Tomás Silva", "2026-12-01", "2026-12-08");
    for args in [&["weekly"][..], &["monthly"], &["quarterly"]] {
        let out = env.ok(args);
        assert!(!out.contains("## Releases"), "{args:?}: {out}");
        assert!(!out.contains("## Release confidence"), "{args:?}: {out}");
        assert!(!out.contains("Rescue mode"), "{args:?}: {out}");
    }
}
