import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, type DecisionItem, type Initiative } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { FormFooter } from "../../components/FormFooter";
import { PersonInput } from "../../components/Inputs";
import { useToast } from "../../components/Toast";
import { fieldError, formError } from "../../lib/form";
import { formatDate, plural } from "../../lib/format";
import { reads, useRefresh } from "../../lib/query";
import { useSubmit } from "../../lib/submit";

type Review = { decisions: { open: DecisionItem[] } };

/** Decisions waiting on the leadership, overdue first; each can be closed with its outcome or
 *  linked to the initiative it concerns, and new ones added. */
export function Decisions({ review }: { review: Review }) {
  const [adding, setAdding] = useState(false);
  const initiatives = useQuery(reads.initiatives());
  const open = review.decisions.open;
  const choices = (initiatives.data ?? []).filter(
    (i) => i.status !== "done" && i.status !== "dropped",
  );
  return (
    <section className="panel" aria-labelledby="decisions-title" id="roadmap-decisions">
      <header className="panel-header">
        <h2 className="panel-title" id="decisions-title">
          Decisions needed
        </h2>
        {adding ? null : (
          <button
            type="button"
            className="link-button"
            onClick={() => setAdding(true)}
            id="decision-add"
          >
            Add decision
          </button>
        )}
      </header>
      {adding ? <DecisionForm initiatives={choices} onClose={() => setAdding(false)} /> : null}
      {open.length === 0 ? (
        <p className="muted">No decision is waiting.</p>
      ) : (
        <ul className="items" id="decisions-open">
          {open.map((d) => (
            <DecisionRow key={d.id} decision={d} initiatives={choices} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DecisionRow({
  decision: d,
  initiatives,
}: {
  decision: DecisionItem;
  initiatives: Initiative[];
}) {
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const client = useQueryClient();
  const toast = useToast();
  // Links of one decision are saved one after another, in the order chosen (typing a title
  // steps through the options it passes). While they are saved the select shows the latest
  // choice; once they are, the saved link, which after a failure is the one before it: the
  // rollback shows, with the reason below.
  const linking = useMutation({
    mutationFn: (value: string) => api.linkDecision(d.id, value === "" ? null : Number(value)),
    scope: { id: `decision-link-${d.id}` },
    onSuccess: (_, value) => toast(value === "" ? "Decision unlinked" : "Decision linked"),
    onError: setError,
    onSettled: () => client.invalidateQueries(),
  });
  const saved = String(d.initiative_id ?? "");
  const chosen = linking.isPending ? linking.variables : saved;
  const link = (value: string) => {
    setError(null);
    linking.mutate(value);
  };
  return (
    <li className={`item decision${d.days_overdue > 0 ? " item-escalate" : ""}`}>
      <p className="item-text">{d.question}</p>
      <p className="item-meta">
        <strong>{d.decider}</strong> decides · needed by {formatDate(d.needed_by)}
        {d.days_overdue > 0 ? (
          <span className="flag flag-bad">{plural(d.days_overdue, "day")} overdue</span>
        ) : null}
      </p>
      <div className="decision-actions">
        <label className="inline-label">
          <span>Concerns</span>
          <select
            className="input input-compact"
            value={chosen}
            onChange={(e) => link(e.target.value)}
            aria-label={`Initiative the decision “${d.question}” concerns`}
            data-decision={d.id}
          >
            <option value="">No initiative</option>
            {d.initiative_id !== null && !initiatives.some((i) => i.id === d.initiative_id) ? (
              <option value={d.initiative_id}>{d.initiative}</option>
            ) : null}
            {initiatives.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </label>
        {closing ? null : (
          <button
            type="button"
            className="link-button"
            onClick={() => setClosing(true)}
            data-close-decision={d.id}
          >
            Record the outcome
          </button>
        )}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {formError(error, [])}
        </p>
      ) : null}
      {closing ? <CloseForm decision={d} onClose={() => setClosing(false)} /> : null}
    </li>
  );
}

function CloseForm({ decision, onClose }: { decision: DecisionItem; onClose: () => void }) {
  const [outcome, setOutcome] = useState("");
  const refresh = useRefresh();
  const toast = useToast();
  const { busy, error, submit } = useSubmit(async () => {
    await api.closeDecision(decision.id, outcome);
    toast("Decision closed");
    refresh();
    onClose();
  });
  return (
    <form className="subform" onSubmit={submit} noValidate id={`close-decision-${decision.id}`}>
      <Field id="decision-outcome" label="Outcome" error={fieldError(error, "outcome")}>
        {(c) => (
          <input
            {...c}
            className="input"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            autoFocus
          />
        )}
      </Field>
      <FormFooter
        error={formError(error, ["outcome"])}
        busy={busy}
        submitLabel="Close decision"
        submitId="decision-close-save"
        onCancel={onClose}
      />
    </form>
  );
}

const DECISION_FIELDS = ["question", "owner", "by", "initiative"];

function DecisionForm({
  initiatives,
  onClose,
}: {
  initiatives: Initiative[];
  onClose: () => void;
}) {
  const [question, setQuestion] = useState("");
  const [owner, setOwner] = useState("");
  const [by, setBy] = useState("");
  const [initiative, setInitiative] = useState("");
  const refresh = useRefresh();
  const toast = useToast();
  const { busy, error, submit } = useSubmit(async () => {
    await api.addDecision(question, owner, by, initiative === "" ? null : Number(initiative));
    toast("Decision added");
    refresh();
    onClose();
  });
  return (
    <form className="subform" onSubmit={submit} noValidate id="decision-form">
      <Field id="decision-question" label="Question" error={fieldError(error, "question")}>
        {(c) => (
          <input
            {...c}
            className="input"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            autoFocus
          />
        )}
      </Field>
      <div className="form-grid form-grid-2">
        <Field
          id="decision-owner"
          label="Who decides"
          hint="One named person."
          error={fieldError(error, "owner")}
        >
          {(c) => <PersonInput {...c} value={owner} onChange={(e) => setOwner(e.target.value)} />}
        </Field>
        <Field id="decision-by" label="Needed by" error={fieldError(error, "by")}>
          {(c) => <DateInput {...c} value={by} onChange={(e) => setBy(e.target.value)} />}
        </Field>
      </div>
      <Field id="decision-initiative" label="Concerns" error={fieldError(error, "initiative")}>
        {(c) => (
          <select
            {...c}
            className="input"
            value={initiative}
            onChange={(e) => setInitiative(e.target.value)}
          >
            <option value="">No initiative</option>
            {initiatives.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormFooter
        error={formError(error, DECISION_FIELDS)}
        busy={busy}
        submitLabel="Add decision"
        submitId="decision-save"
        onCancel={onClose}
      />
    </form>
  );
}
