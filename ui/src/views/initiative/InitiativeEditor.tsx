import { useState } from "react";
import { api, type Initiative } from "../../api";
import { Field } from "../../components/Field";
import { FormFooter } from "../../components/FormFooter";
import { useToast } from "../../components/Toast";
import {
  draftOf,
  fieldError,
  formError,
  movesDates,
  orNull,
  patchFrom,
  priorityError,
} from "../../lib/form";
import { useRefresh } from "../../lib/query";
import { useSubmit } from "../../lib/submit";
import { fieldNamesOf, InitiativeFields } from "../InitiativeFields";

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

  const general = formError(error, [...fieldNamesOf("edit"), "reason"]);
  return (
    <form className="panel editor" onSubmit={submit} noValidate id="initiative-editor">
      <h2 className="panel-title">Edit initiative</h2>
      <InitiativeFields
        form="edit"
        values={draft}
        onChange={(field, text) => setDraft({ ...draft, [field]: text })}
        error={error}
      >
        <Field
          id="edit-reason"
          label="Reason for the change"
          hint={
            datesMove
              ? "A date moves: say why. The history keeps it beside the change."
              : "Kept in the history beside every change of this edit."
          }
          error={fieldError(error, "reason")}
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
      </InitiativeFields>
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
