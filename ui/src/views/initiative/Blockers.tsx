import { useState } from "react";
import { api, type Blocker } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { FormFooter } from "../../components/FormFooter";
import { PersonInput } from "../../components/Inputs";
import { useToast } from "../../components/Toast";
import { fieldError, formError, orNull } from "../../lib/form";
import { formatDate } from "../../lib/format";
import { useRefresh } from "../../lib/load";
import { useSubmit } from "../../lib/submit";

interface Props {
  initiativeId: number;
  blockers: Blocker[];
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}

/** What blocks the initiative and who removes it; open ones first. */
export function Blockers({ initiativeId, blockers, open, onOpen, onClose }: Props) {
  const refresh = useRefresh();
  const toast = useToast();
  const [error, setError] = useState<unknown>(null);
  const openOnes = blockers.filter((b) => b.resolved_on === null);
  const resolved = blockers.filter((b) => b.resolved_on !== null);

  const resolve = async (b: Blocker) => {
    try {
      await api.resolveBlocker(b.id);
      toast("Blocker resolved");
      refresh();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="panel" aria-labelledby="blockers-title">
      <header className="panel-header">
        <h2 className="panel-title" id="blockers-title">
          Blockers
        </h2>
        {open ? null : (
          <button type="button" className="link-button" onClick={onOpen}>
            Add blocker
          </button>
        )}
      </header>
      {open ? <BlockerForm initiativeId={initiativeId} onClose={onClose} /> : null}
      {error ? (
        <p className="form-error" role="alert">
          {formError(error, [])}
        </p>
      ) : null}
      {blockers.length === 0 ? (
        <p className="muted">Nothing blocks this initiative.</p>
      ) : (
        <ul className="items" id="blockers">
          {[...openOnes, ...resolved].map((b) => (
            <li key={b.id} className={`item blocker${b.resolved_on ? " item-resolved" : ""}`}>
              <p className="item-text">{b.text}</p>
              <p className="item-meta">
                <strong>{b.owner}</strong> removes it · since {formatDate(b.since)}
                {b.resolved_on ? ` · resolved ${formatDate(b.resolved_on)}` : null}
              </p>
              {b.resolved_on ? null : (
                <button type="button" className="link-button" onClick={() => resolve(b)}>
                  Mark resolved
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const BLOCKER_FIELDS = ["text", "owner", "since"];

function BlockerForm({ initiativeId, onClose }: { initiativeId: number; onClose: () => void }) {
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
