import { useState } from "react";
import { api, type Initiative } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { FormFooter } from "../../components/FormFooter";
import { ChoiceSelect, PersonInput } from "../../components/Inputs";
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
import { useRefresh } from "../../lib/query";
import { useSubmit } from "../../lib/submit";

interface Props {
  initiative: Initiative;
  onDone: () => void;
}

/** Edits every field of an initiative; the changes land together, logged with one reason. */
export function InitiativeEditor({ initiative, onDone }: Props) {
  const [draft, setDraft] = useState(() => draftOf(initiative));
  const [reason, setReason] = useState("");
  const refresh = useRefresh();
  const toast = useToast();
  const patch = patchFrom(initiative, draft);
  const datesMove = movesDates(patch);

  const text = (field: DraftField) => ({
    value: draft[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [field]: e.target.value }),
  });
  const { busy, error, submit } = useSubmit(async () => {
    const badPriority = priorityError(draft.priority);
    if (badPriority) throw badPriority;
    if (Object.keys(patch).length > 0) {
      await api.editInitiative(initiative.id, patch, orNull(reason));
      toast("Changes saved");
      refresh();
    }
    onDone();
  });
  const err = (field: string) => fieldError(error, field);

  const general = formError(error, [...DRAFT_FIELDS, "reason"]);
  return (
    <form className="panel editor" onSubmit={submit} noValidate id="initiative-editor">
      <h2 className="panel-title">Edit initiative</h2>
      <div className="form-grid">
        <Field id="edit-title" label="Title" error={err("title")} className="span-3">
          {(c) => <input {...c} className="input" {...text("title")} autoFocus />}
        </Field>
        <Field id="edit-owner" label="Owner" hint="One named person." error={err("owner")}>
          {(c) => <PersonInput {...c} {...text("owner")} />}
        </Field>
        <Field id="edit-track" label="Track" error={err("track")}>
          {(c) => <ChoiceSelect {...c} {...text("track")} options={TRACKS} label={trackLabel} />}
        </Field>
        <Field id="edit-status" label="Status" error={err("status")}>
          {(c) => (
            <ChoiceSelect {...c} {...text("status")} options={STATUSES} label={statusLabel} />
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
            <ChoiceSelect
              {...c}
              {...text("risk_level")}
              options={RISK_LEVELS}
              label={riskLabel}
              unset="Not set"
            />
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
      <FormFooter
        error={general}
        busy={busy}
        submitLabel="Save changes"
        submitId="edit-save"
        onCancel={onDone}
      />
    </form>
  );
}
