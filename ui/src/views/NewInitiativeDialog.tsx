import { useState } from "react";
import { api } from "../api";
import { Dialog } from "../components/Dialog";
import { useToast } from "../components/Toast";
import { formError } from "../lib/form";
import { useRefresh } from "../lib/query";
import { useSubmit } from "../lib/submit";
import { fieldNamesOf, InitiativeFields } from "./InitiativeFields";
import { emptyDraft, toNewInitiative } from "./newInitiative";

interface Props {
  onClose: () => void;
  onCreated: (id: number) => void;
}

/** Adds an initiative; the core's refusals show next to the fields they concern. */
export function NewInitiativeDialog({ onClose, onCreated }: Props) {
  const [draft, setDraft] = useState(emptyDraft);
  const refresh = useRefresh();
  const toast = useToast();

  const { busy, error, submit } = useSubmit(async () => {
    const created = await api.addInitiative(toNewInitiative(draft));
    toast(`“${created.title}” added`);
    refresh();
    onCreated(created.id);
  });

  const general = formError(error, fieldNamesOf("new"));
  return (
    <Dialog title="New initiative" onClose={onClose} wide>
      <form className="dialog-form" onSubmit={submit} noValidate id="new-initiative-form">
        <div className="dialog-body">
          <InitiativeFields
            form="new"
            values={draft}
            onChange={(field, text) => setDraft({ ...draft, [field]: text })}
            error={error}
          />
          {general ? (
            <p className="form-error" role="alert">
              {general}
            </p>
          ) : null}
        </div>
        <footer className="dialog-footer">
          <span className="muted">
            Press <kbd>Esc</kbd> to close
          </span>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Add initiative
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
