import { useState } from "react";
import { api, type NewRelease } from "../../api";
import { AddDialog } from "../../components/AddDialog";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { PersonInput } from "../../components/Inputs";
import { fieldError, orNull } from "../../lib/form";

/** The fields the core names in a refusal of a new release. */
const NEW_RELEASE_FIELDS = [
  "name",
  "fixes",
  "target",
  "backup",
  "scope_owner",
  "delivery_owner",
  "readiness_owner",
  "stop_owner",
  "support_note",
  "rollback_triggers",
  "stable_version",
];

const EMPTY = {
  name: "",
  fixes: "",
  target: "",
  backup: "",
  scope_owner: "",
  delivery_owner: "",
  readiness_owner: "",
  stop_owner: "",
  support_note: "",
  rollback_triggers: "",
  stable_version: "",
};

type Draft = typeof EMPTY;

function toNewRelease(d: Draft): NewRelease {
  return {
    name: d.name,
    fixes: d.fixes,
    target_date: d.target,
    backup_date: d.backup,
    scope_owner: d.scope_owner,
    delivery_owner: d.delivery_owner,
    readiness_owner: d.readiness_owner,
    stop_owner: orNull(d.stop_owner),
    support_note: orNull(d.support_note),
    rollback_triggers: orNull(d.rollback_triggers),
    stable_version: orNull(d.stable_version),
  };
}

/** Adds a release: the one problem it fixes, its dates and its three owners; the core's
 *  refusals show next to the fields they concern. */
export function NewReleaseDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [draft, setDraft] = useState(EMPTY);
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  const oneOwner =
    draft.scope_owner.trim() !== "" &&
    draft.scope_owner.trim() === draft.delivery_owner.trim() &&
    draft.scope_owner.trim() === draft.readiness_owner.trim();

  return (
    <AddDialog
      title="New release"
      formId="new-release-form"
      submitLabel="Add release"
      fields={NEW_RELEASE_FIELDS}
      add={() => api.addRelease(toNewRelease(draft))}
      added={(created) => `Release ${created.name} added`}
      onClose={onClose}
      onCreated={onCreated}
    >
      {(error) => (
        <>
          <div className="form-grid form-grid-3">
            <Field id="release-name" label="Name" hint="e.g. 3.6" error={fieldError(error, "name")}>
              {(c) => (
                <input
                  {...c}
                  className="input"
                  value={draft.name}
                  onChange={set("name")}
                  autoFocus
                />
              )}
            </Field>
            <Field id="release-target" label="Target date" error={fieldError(error, "target")}>
              {(c) => <DateInput {...c} value={draft.target} onChange={set("target")} />}
            </Field>
            <Field
              id="release-backup"
              label="Backup date"
              hint="On or after the target."
              error={fieldError(error, "backup")}
            >
              {(c) => <DateInput {...c} value={draft.backup} onChange={set("backup")} />}
            </Field>
          </div>
          <Field
            id="release-fixes"
            label="The one problem it fixes"
            hint="One sentence a customer would recognise."
            error={fieldError(error, "fixes")}
          >
            {(c) => <input {...c} className="input" value={draft.fixes} onChange={set("fixes")} />}
          </Field>
          <div className="form-grid form-grid-2">
            <Field
              id="release-scope-owner"
              label="Scope owner"
              hint="Decides what stays and what is cut."
              error={fieldError(error, "scope_owner")}
            >
              {(c) => (
                <PersonInput {...c} value={draft.scope_owner} onChange={set("scope_owner")} />
              )}
            </Field>
            <Field
              id="release-delivery-owner"
              label="Delivery owner"
              hint="Daily progress, blockers and hand-offs."
              error={fieldError(error, "delivery_owner")}
            >
              {(c) => (
                <PersonInput {...c} value={draft.delivery_owner} onChange={set("delivery_owner")} />
              )}
            </Field>
            <Field
              id="release-readiness-owner"
              label="Readiness owner"
              hint="Testing, migrations, config, rollout and rollback."
              error={fieldError(error, "readiness_owner")}
            >
              {(c) => (
                <PersonInput
                  {...c}
                  value={draft.readiness_owner}
                  onChange={set("readiness_owner")}
                />
              )}
            </Field>
            <Field
              id="release-stop-owner"
              label="Who can stop it"
              hint="The one person who can call it off."
              error={fieldError(error, "stop_owner")}
            >
              {(c) => <PersonInput {...c} value={draft.stop_owner} onChange={set("stop_owner")} />}
            </Field>
          </div>
          {oneOwner ? (
            <p className="note note-warn" id="release-one-owner">
              One person holds all three owner roles. It is allowed, but it hides risk until the
              last day.
            </p>
          ) : null}
          <div className="form-grid form-grid-2">
            <Field
              id="release-triggers"
              label="Rollback triggers"
              hint="When we roll back, agreed before release day."
              error={fieldError(error, "rollback_triggers")}
            >
              {(c) => (
                <input
                  {...c}
                  className="input"
                  value={draft.rollback_triggers}
                  onChange={set("rollback_triggers")}
                />
              )}
            </Field>
            <Field
              id="release-stable"
              label="Last stable version"
              error={fieldError(error, "stable_version")}
            >
              {(c) => (
                <input
                  {...c}
                  className="input"
                  value={draft.stable_version}
                  onChange={set("stable_version")}
                />
              )}
            </Field>
          </div>
          <Field
            id="release-support"
            label="Support note"
            hint="How support explains it in one message."
            error={fieldError(error, "support_note")}
          >
            {(c) => (
              <input
                {...c}
                className="input"
                value={draft.support_note}
                onChange={set("support_note")}
              />
            )}
          </Field>
        </>
      )}
    </AddDialog>
  );
}
