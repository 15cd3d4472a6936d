//! The app's commands: each converts its arguments, runs one core call on the workspace file
//! and maps the error. No logic lives here.

pub mod activity;
pub mod initiatives;
pub mod people;
pub mod quarterly;
pub mod releases;
pub mod roadmap;
pub mod settings;
pub mod spreadsheet;
pub mod updates;
pub mod weekly;
pub mod window;
pub mod workspace;

/// The managed state every command reads.
type File<'a> = tauri::State<'a, crate::workspace_file::WorkspaceFile>;

/// A closed set's word the app cannot send once typed by the bindings, sent anyway: Tauri
/// refuses the argument before the command runs, and its text names the field and the words
/// allowed as the core does (`ui/src/api.ts` reads it back as a refusal of that field).
#[cfg(test)]
mod refused_arguments {
    use cadence::model::{InitiativePatch, NewCheckIn, NewInitiative, RiskLevel};
    use cadence::store::NewDecision;
    use serde::de::DeserializeOwned;
    use serde_json::{json, Value};

    /// The text Tauri rejects command `command`'s argument `arg` with, as the UI receives it.
    fn refusal<T: DeserializeOwned>(command: &'static str, arg: &'static str, v: Value) -> String {
        let e = serde_json::from_value::<T>(v).err().expect("a refusal");
        tauri::Error::InvalidArgs(command, arg, e).to_string()
    }

    #[test]
    fn a_word_outside_the_set_is_refused_naming_the_field_and_the_words() {
        assert_eq!(
            refusal::<NewCheckIn>(
                "record_checkin",
                "checkin",
                json!({"initiative_id": 3, "health": "fine"})
            ),
            "invalid args `checkin` for command `record_checkin`: health: 'fine' is not one of: \
             on-track, at-risk, off-track"
        );
        assert_eq!(
            refusal::<InitiativePatch>(
                "edit_initiative",
                "patch",
                json!({"risk_level": "extreme"})
            ),
            "invalid args `patch` for command `edit_initiative`: risk_level: 'extreme' is not \
             one of: low, medium, high"
        );
        assert_eq!(
            refusal::<InitiativePatch>("edit_initiative", "patch", json!({"addresses": "bugs"})),
            "invalid args `patch` for command `edit_initiative`: addresses: 'bugs' is not one \
             of: build-test, checklist, late-change, environment-data, handoff"
        );
    }

    #[test]
    fn a_track_a_status_and_a_go_no_go_question_are_refused_naming_the_field() {
        assert_eq!(
            refusal::<NewInitiative>(
                "add_initiative",
                "initiative",
                json!({"title": "Billing", "owner": "Ana", "track": "sideline"})
            ),
            "invalid args `initiative` for command `add_initiative`: track: 'sideline' is not \
             one of: customer, release, enabler, discovery"
        );
        assert_eq!(
            refusal::<InitiativePatch>("edit_initiative", "patch", json!({"status": "parked"})),
            "invalid args `patch` for command `edit_initiative`: status: 'parked' is not one of: \
             proposed, active, paused, done, dropped"
        );
        assert_eq!(
            refusal::<NewDecision>(
                "decide_release",
                "call",
                json!({"go": true, "by": "Ana", "answers": [{"question": "vibes", "yes": true}],
                       "reason": null})
            ),
            "invalid args `call` for command `decide_release`: question: 'vibes' is not one of: \
             one-problem, owners, rollback, prod-like, cuts-told"
        );
    }

    #[test]
    fn a_patch_leaves_an_absent_level_and_clears_a_null_one() {
        let patch = |v| serde_json::from_value::<InitiativePatch>(v).unwrap();
        assert_eq!(patch(json!({})).risk_level, None);
        assert_eq!(patch(json!({"risk_level": null})).risk_level, Some(None));
        assert_eq!(
            patch(json!({"risk_level": "high"})).risk_level,
            Some(Some(RiskLevel::High))
        );
        assert_eq!(patch(json!({"addresses": null})).addresses, Some(None));
    }
}
