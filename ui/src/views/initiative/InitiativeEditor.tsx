import { useState } from "react";
import { api, type Initiative } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { useToast } from "../../components/Toast";
import {
  DRAFT_FIELDS,
  type DraftField,
  draftOf,
  fieldError,
  formError,
  movesDates,
  orNull,
  patchFrom,
  priorityError,
} from "../../lib/form";
import {
  RISK_LEVELS,
  riskLabel,
  STATUSES,
  statusLabel,
  TRACKS,
  trackLabel,
} from "../../lib/format";
import { useLoad, useRefresh } from "../../lib/load";

interface Props {
  initiative: Initiative;
  onDone: () => void;
}

/** Edits every field of an initiative; the changes land together, logged with one reason. */
export function InitiativeEditor({ initiative, onDone }: Props) {
  const [draft, setDraft] = useState(() => draftOf(initiative));
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const people = useLoad(api.people, "people");
  const refresh = useRefresh();
  const toast = useToast();
  const patch = patchFrom(initiative, draft);
  const datesMove = movesDates(patch);

  const text = (field: DraftField) => ({
    value: draft[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [field]: e.target.value }),
  });
  const err = (field: string) => fieldError(error, field);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const badPriority = priorityError(draft.priority);
    if (badPriority) {
      setError(badPriority);
      return;
    }
    if (Object.keys(patch).length === 0) {
      onDone();
      return;
    }
    setBusy(true);
    try {
      await api.editInitiative(initiative.id, patch, orNull(reason));
      toast("Changes saved");
      refresh();
      onDone();
    } catch (e2) {
      setError(e2);
    } finally {
      setBusy(false);
    }
  };

  const general = formError(error, [...DRAFT_FIELDS, "reason"]);
  return (
    <form className="panel editor" onSubmit={submit} noValidate id="initiative-editor">
      <h2 className="panel-title">Edit initiative</h2>
      <div className="form-grid">
        <Field id="edit-title" label="Title" error={err("title")} className="span-3">
          {(c) => <input {...c} className="input" {...text("title")} autoFocus />}
        </Field>
        <Field id="edit-owner" label="Owner" hint="One named person." error={err("owner")}>
          {(c) => (
            <>
              <input {...c} className="input" list="edit-owner-people" {...text("owner")} />
              <datalist id="edit-owner-people">
                {people.data?.map((p) => (
                  <option key={p.id} value={p.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id="edit-track" label="Track" error={err("track")}>
          {(c) => (
            <select {...c} className="input" {...text("track")}>
              {TRACKS.map((t) => (
                <option key={t} value={t}>
                  {trackLabel(t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="edit-status" label="Status" error={err("status")}>
          {(c) => (
            <select {...c} className="input" {...text("status")}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="edit-priority" label="Priority" hint="1 comes first." error={err("priority")}>
          {(c) => <input {...c} className="input" inputMode="numeric" {...text("priority")} />}
        </Field>
        <Field id="edit-start" label="Start date" error={err("start_date")}>
          {(c) => <DateInput {...c} {...text("start_date")} />}
        </Field>
        <Field id="edit-target" label="Target date" error={err("target_date")}>
          {(c) => <DateInput {...c} {...text("target_date")} />}
        </Field>
        <Field id="edit-backup" label="Backup date" error={err("backup_date")}>
          {(c) => <DateInput {...c} {...text("backup_date")} />}
        </Field>
        <Field id="edit-risk-level" label="Risk level" error={err("risk_level")}>
          {(c) => (
            <select {...c} className="input" {...text("risk_level")}>
              <option value="">Not set</option>
              {RISK_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {riskLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="edit-risk"
          label="Main risk"
          hint="One plain sentence."
          error={err("risk")}
          className="span-2"
        >
          {(c) => <input {...c} className="input" {...text("risk")} />}
        </Field>
        <Field id="edit-mitigation" label="Mitigation" error={err("mitigation")} className="span-3">
          {(c) => <input {...c} className="input" {...text("mitigation")} />}
        </Field>
        <Field id="edit-outcome" label="Business outcome" error={err("outcome")} className="span-3">
          {(c) => <textarea {...c} className="input" rows={2} {...text("outcome")} />}
        </Field>
        <Field
          id="edit-measure"
          label="Measure of success"
          error={err("measure")}
          className="span-3"
        >
          {(c) => <input {...c} className="input" {...text("measure")} />}
        </Field>
        <Field
          id="edit-result"
          label="Result"
          hint="The measured result, once done."
          error={err("result")}
          className="span-3"
        >
          {(c) => <input {...c} className="input" {...text("result")} />}
        </Field>
        <Field
          id="edit-reason"
          label="Reason for the change"
          hint={
            datesMove
              ? "A date moves: say why. The history keeps it beside the change."
              : "Kept in the history beside every change of this edit."
          }
          error={err("reason")}
          className={`span-3${datesMove ? " field-emphasis" : ""}`}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </div>
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy} id="edit-save">
          Save changes
        </button>
      </div>
    </form>
  );
}
