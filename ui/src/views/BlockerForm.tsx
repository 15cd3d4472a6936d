import { useState } from "react";
import { api } from "../api";
import { DateInput } from "../components/DateInput";
import { Field } from "../components/Field";
import { FormFooter } from "../components/FormFooter";
import { PersonInput } from "../components/Inputs";
import { useToast } from "../components/Toast";
import { fieldError, formError, orNull } from "../lib/form";
import { useRefresh } from "../lib/query";
import { useSubmit } from "../lib/submit";

const BLOCKER_FIELDS = ["text", "owner", "since"];

/** What blocks an initiative and the one person who removes it. */
export function BlockerForm({
  initiativeId,
  onClose,
}: {
  initiativeId: number;
  onClose: () => void;
}) {
  const [text, setText] = useState("");
  const [owner, setOwner] = useState("");
  const [since, setSince] = useState("");
  const refresh = useRefresh();
  const toast = useToast();

  const { busy, error, submit } = useSubmit(async () => {
    await api.addBlocker(initiativeId, text, owner, orNull(since));
    toast("Blocker added");
    refresh();
    onClose();
  });

  const general = formError(error, BLOCKER_FIELDS);
  return (
    <form className="subform" onSubmit={submit} noValidate id="blocker-form">
      <Field id="blocker-text" label="What blocks it" error={fieldError(error, "text")}>
        {(c) => (
          <textarea
            {...c}
            className="input"
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus
          />
        )}
      </Field>
      <div className="form-grid form-grid-2">
        <Field
          id="blocker-owner"
          label="Who removes it"
          hint="One named person."
          error={fieldError(error, "owner")}
        >
          {(c) => <PersonInput {...c} value={owner} onChange={(e) => setOwner(e.target.value)} />}
        </Field>
        <Field
          id="blocker-since"
          label="Since"
          hint="Today when empty."
          error={fieldError(error, "since")}
        >
          {(c) => <DateInput {...c} value={since} onChange={(e) => setSince(e.target.value)} />}
        </Field>
      </div>
      <FormFooter
        error={general}
        busy={busy}
        submitLabel="Add blocker"
        submitId="blocker-save"
        onCancel={onClose}
      />
    </form>
  );
}
