import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type Candidate, type PlanSession } from "../../api";
import { Field } from "../../components/Field";
import { FormFooter } from "../../components/FormFooter";
import { ErrorNote, Loading } from "../../components/States";
import { useToast } from "../../components/Toast";
import { fieldError, formError, orNull } from "../../lib/form";
import { formatDate, formatDateTime, plural, statusLabel } from "../../lib/format";
import { reads, useRefresh } from "../../lib/query";
import { shiftQuarter } from "../../lib/route";
import { useSubmit } from "../../lib/submit";

/** The last part of the review: choose and commit next quarter's plan from the proposed and
 *  active initiatives; each must pass the owner, timeline and risk rules. */
export function PlanSlide({ current }: { current: string }) {
  const next = shiftQuarter(current, 1);
  const session = useQuery(reads.planSession(next));
  if (session.error) return <ErrorNote error={session.error} />;
  if (!session.data) return <Loading />;
  return <Plan key={session.data.commitments.length} session={session.data} />;
}

function Plan({ session }: { session: PlanSession }) {
  const committed = session.commitments.length > 0;
  const [chosen, setChosen] = useState<Set<number>>(
    () =>
      new Set(
        session.candidates
          .filter((c) => (committed ? c.committed : c.suggested) && !c.blocked_by)
          .map((c) => c.id),
      ),
  );
  const [reason, setReason] = useState("");
  const refresh = useRefresh();
  const toast = useToast();
  const { busy, error, submit } = useSubmit(async () => {
    const ids = session.candidates.filter((c) => chosen.has(c.id)).map((c) => c.id);
    await api.commitPlan(session.quarter, ids, orNull(reason));
    toast(committed ? "Plan amended" : `Plan for ${session.quarter} committed`);
    refresh();
  });
  const toggle = (id: number) =>
    setChosen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const latest = session.commitments[session.commitments.length - 1];
  return (
    <form className="slide-body" onSubmit={submit} noValidate id="plan-form">
      <h1 className="slide-title">Commit the plan for {session.quarter}</h1>
      <p className="slide-lead">
        {formatDate(session.first_day)} to {formatDate(session.last_day)} · {session.convention}
        {latest ? (
          <>
            {" "}
            · committed {formatDateTime(latest.committed_at)}
            {session.commitments.length > 1
              ? `, amended ${session.commitments.length - 1} times`
              : null}
          </>
        ) : null}
      </p>
      <ul className="candidates" id="plan-candidates">
        {[
          ...session.candidates.filter((c) => !c.blocked_by),
          ...session.candidates.filter((c) => c.blocked_by),
        ].map((c) => (
          <CandidateRow
            key={c.id}
            candidate={c}
            checked={chosen.has(c.id)}
            onToggle={() => toggle(c.id)}
          />
        ))}
      </ul>
      {committed ? (
        <Field
          id="plan-reason"
          label="Why the plan changes"
          hint="An amendment is kept beside the commitment, with its reason."
          error={fieldError(error, "reason")}
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
      ) : null}
      <FormFooter
        error={formError(error, committed ? ["reason"] : [])}
        busy={busy}
        submitLabel={committed ? "Amend the plan" : `Commit ${plural(chosen.size, "initiative")}`}
        submitId="plan-commit"
      />
    </form>
  );
}

function CandidateRow({
  candidate: c,
  checked,
  onToggle,
}: {
  candidate: Candidate;
  checked: boolean;
  onToggle: () => void;
}) {
  const id = `plan-${c.id}`;
  return (
    <li className={`candidate${c.blocked_by ? " candidate-blocked" : ""}`}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={c.blocked_by !== null}
        onChange={onToggle}
        aria-describedby={c.blocked_by ? `${id}-rule` : undefined}
      />
      <label htmlFor={id} className="candidate-body">
        <span className="candidate-title">{c.title}</span>
        <span className="muted">
          {c.owner} · {statusLabel(c.status)}
          {c.target_date ? ` · target ${formatDate(c.target_date)}` : null}
          {c.backup_date ? `, backup ${formatDate(c.backup_date)}` : null}
        </span>
        {c.blocked_by ? (
          <span className="field-error" id={`${id}-rule`}>
            {c.blocked_by.message}
          </span>
        ) : null}
      </label>
    </li>
  );
}
