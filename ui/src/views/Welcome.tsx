import { useState } from "react";
import { api, type WorkspaceInfo } from "../api";
import { Field } from "../components/Field";
import { FormFooter } from "../components/FormFooter";
import { Logo } from "../components/Logo";
import { ErrorNote } from "../components/States";
import { fieldError, formError, orNull } from "../lib/form";
import { useRefresh } from "../lib/query";
import { useSubmit } from "../lib/submit";
import { fieldNamesOf, InitiativeFields } from "./InitiativeFields";
import { emptyDraft, toNewInitiative } from "./newInitiative";
import "./Welcome.css";

type Step = "choose" | "person" | "initiative";

interface Props {
  info: WorkspaceInfo;
  /** The welcome is over; open the view at `hash`. */
  onDone: (hash: string) => void;
}

/** The first run on an empty workspace: the sample company, or a start with your own. */
export function Welcome({ info, onDone }: Props) {
  const [step, setStep] = useState<Step>("choose");
  const [owner, setOwner] = useState("");
  return (
    <div className="welcome">
      <div className="welcome-inner">
        <div className="welcome-brand">
          <Logo size={44} />
          <span className="welcome-name">Cadence</span>
        </div>
        {step === "choose" ? (
          <Choose onSample={() => onDone("#/")} onOwn={() => setStep("person")} />
        ) : step === "person" ? (
          <FirstPerson
            onBack={() => setStep("choose")}
            onAdded={(name) => {
              setOwner(name);
              setStep("initiative");
            }}
          />
        ) : (
          <FirstInitiative owner={owner} onAdded={(id) => onDone(`#/initiatives/${id}`)} />
        )}
        <p className="welcome-file muted" title={info.path}>
          Workspace: {info.path}
        </p>
      </div>
    </div>
  );
}

function Choose({ onSample, onOwn }: { onSample: () => void; onOwn: () => void }) {
  const refresh = useRefresh();
  const {
    busy,
    error,
    submit: sample,
  } = useSubmit(async () => {
    await api.loadSample();
    refresh();
    onSample();
  });
  return (
    <>
      <h1 className="welcome-title">Run the delivery cadence of your company</h1>
      <p className="welcome-lead">
        Every initiative gets one accountable owner, a target and a backup date, and its main risk
        in one sentence. Monday takes minutes: what shipped, what is stuck and who owns the block,
        which date is in danger.
      </p>
      <div className="welcome-choices">
        <button
          type="button"
          className="choice"
          id="welcome-sample"
          onClick={sample}
          disabled={busy}
          autoFocus
        >
          <span className="choice-title">Explore the sample company</span>
          <span className="choice-body">
            Fernhill, a small invoicing-software company: its people, a quarter of initiatives and
            eight weeks of history. A safe place to look around.
          </span>
        </button>
        <button type="button" className="choice" id="welcome-own" onClick={onOwn} disabled={busy}>
          <span className="choice-title">Start with my own</span>
          <span className="choice-body">
            Add yourself and your first initiative. Everything stays in one file on this computer.
          </span>
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </>
  );
}

function FirstPerson({ onBack, onAdded }: { onBack: () => void; onAdded: (name: string) => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const { busy, error, submit } = useSubmit(async () => {
    const person = await api.addPerson(name, null, orNull(role));
    onAdded(person.name);
  });
  const general = formError(error, ["name", "role"]);
  return (
    <form className="welcome-form panel" onSubmit={submit} noValidate>
      <p className="step">Step 1 of 2</p>
      <h1 className="welcome-title">Who are you?</h1>
      <p className="muted">You will probably own a few initiatives yourself.</p>
      <div className="form-grid form-grid-2">
        <Field id="first-name" label="Your name" error={fieldError(error, "name")}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
            />
          )}
        </Field>
        <Field
          id="first-role"
          label="Role"
          hint="For example: CEO and founder"
          error={fieldError(error, "role")}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              value={role}
              onChange={(e) => setRole(e.target.value)}
            />
          )}
        </Field>
      </div>
      <FormFooter
        error={general}
        busy={busy}
        submitLabel="Continue"
        onCancel={onBack}
        cancelLabel="Back"
      />
    </form>
  );
}

function FirstInitiative({ owner, onAdded }: { owner: string; onAdded: (id: number) => void }) {
  const [draft, setDraft] = useState(() => emptyDraft(owner));
  const refresh = useRefresh();
  const { busy, error, submit } = useSubmit(async () => {
    const created = await api.addInitiative(toNewInitiative(draft));
    refresh();
    onAdded(created.id);
  });
  const general = formError(error, fieldNamesOf("new"));
  return (
    <form className="welcome-form panel" onSubmit={submit} noValidate>
      <p className="step">Step 2 of 2</p>
      <h1 className="welcome-title">Your first initiative</h1>
      <p className="muted">
        A bet the company is making. Make it active once it has dates and a named risk.
      </p>
      <InitiativeFields
        form="new"
        values={draft}
        onChange={(field, text) => setDraft({ ...draft, [field]: text })}
        error={error}
      />
      <FormFooter error={general} busy={busy} submitLabel="Add initiative" />
    </form>
  );
}
