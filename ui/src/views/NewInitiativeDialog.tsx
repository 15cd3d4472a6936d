import { useState } from "react";
import { api } from "../api";
import { AddDialog } from "../components/AddDialog";
import { fieldNamesOf, InitiativeFields } from "./InitiativeFields";
import { emptyDraft, toNewInitiative } from "./newInitiative";

interface Props {
  onClose: () => void;
  onCreated: (id: number) => void;
}

/** Adds an initiative; the core's refusals show next to the fields they concern. */
export function NewInitiativeDialog({ onClose, onCreated }: Props) {
  const [draft, setDraft] = useState(emptyDraft);
  return (
    <AddDialog
      title="New initiative"
      formId="new-initiative-form"
      submitLabel="Add initiative"
      fields={fieldNamesOf("new")}
      add={() => api.addInitiative(toNewInitiative(draft))}
      added={(created) => `“${created.title}” added`}
      onClose={onClose}
      onCreated={onCreated}
    >
      {(error) => (
        <InitiativeFields
          form="new"
          values={draft}
          onChange={(field, text) => setDraft({ ...draft, [field]: text })}
          error={error}
        />
      )}
    </AddDialog>
  );
}
