import { useState } from "react";
import { api, type CheckIn, type Health, type Initiative } from "../../api";
import { HealthBadge } from "../../components/Badges";
import { Field } from "../../components/Field";
import { FormFooter } from "../../components/FormFooter";
import { useToast } from "../../components/Toast";
import { fieldError, formError, orNull } from "../../lib/form";
import { formatWeek, HEALTHS, healthLabel } from "../../lib/format";
import { useRefresh } from "../../lib/load";
import { useSubmit } from "../../lib/submit";

interface Props {
  initiative: Initiative;
  checkins: CheckIn[];
  week: string;
  open: boolean;
  canRecord: boolean;
  onOpen: () => void;
  onClose: () => void;
}

/** The owner's weekly check-ins, newest first, and the form to record this week's. */
export function Checkins({ initiative, checkins, week, open, canRecord, onOpen, onClose }: Props) {
  const thisWeek = checkins.find((c) => c.week === week && c.replaced_at === null);
  return (
    <section className="panel" aria-labelledby="checkins-title">
      <header className="panel-header">
        <h2 className="panel-title" id="checkins-title">
          Check-ins
        </h2>
        {canRecord && !open ? (
          <button type="button" className="link-button" onClick={onOpen}>
            {thisWeek ? "Update this week’s" : "Record this week’s"}
          </button>
        ) : null}
      </header>
      {open ? <CheckinForm initiative={initiative} week={week} onClose={onClose} /> : null}
      {!thisWeek && canRecord && !open ? (
        <p className="note note-warn">No check-in yet for {formatWeek(week).toLowerCase()}.</p>
      ) : null}
      {checkins.length === 0 ? (
        <p className="muted">No check-ins yet.</p>
      ) : (
        <ol className="items" id="checkins">
          {checkins.map((c) => (
            <li key={c.id} className={`item checkin${c.replaced_at ? " item-replaced" : ""}`}>
              <div className="checkin-head">
                <span className="checkin-week">{formatWeek(c.week)}</span>
                <HealthBadge health={c.health} />
                {c.replaced_at ? <span className="muted">replaced</span> : null}
              </div>
              {c.shipped ? (
                <p className="checkin-line">
                  <span className="checkin-label">Shipped</span> {c.shipped}
                </p>
              ) : null}
              {c.progress ? (
                <p className="checkin-line">
                  <span className="checkin-label">In progress</span> {c.progress}
                </p>
              ) : null}
              {c.note ? <p className="checkin-note">{c.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const CHECKIN_FIELDS = ["health", "shipped", "progress", "note"];

function CheckinForm({
  initiative,
  week,
  onClose,
}: {
  initiative: Initiative;
  week: string;
  onClose: () => void;
}) {
  const [health, setHealth] = useState<Health | "">("");
  const [shipped, setShipped] = useState("");
  const [progress, setProgress] = useState("");
  const [note, setNote] = useState("");
  const refresh = useRefresh();
  const toast = useToast();

  const { busy, error, submit } = useSubmit(async () => {
    await api.recordCheckin({
      initiative_id: initiative.id,
      week,
      health,
      shipped: orNull(shipped),
      progress: orNull(progress),
      note: orNull(note),
    });
    toast(`Check-in recorded for ${formatWeek(week).toLowerCase()}`);
    refresh();
    onClose();
  });

  const healthError = fieldError(error, "health");
  const general = formError(error, CHECKIN_FIELDS);
  return (
    <form className="subform" onSubmit={submit} noValidate id="checkin-form">
      <p className="subform-title">
        {formatWeek(week)} · {initiative.owner}’s call
      </p>
      <fieldset
        className="field"
        aria-describedby={healthError ? "checkin-health-error" : undefined}
        data-invalid={healthError ? true : undefined}
      >
        <legend className="field-label">Health</legend>
        <div className="segmented" role="radiogroup" aria-label="Health">
          {HEALTHS.map((h) => (
            <label key={h} className={`segment segment-${h}`}>
              <input
                type="radio"
                name="checkin-health"
                value={h}
                checked={health === h}
                onChange={() => setHealth(h)}
                id={`checkin-health-${h}`}
              />
              <span>{healthLabel(h)}</span>
            </label>
          ))}
        </div>
        {healthError ? (
          <p className="field-error" id="checkin-health-error" role="alert">
            {healthError}
          </p>
        ) : null}
      </fieldset>
      <Field id="checkin-shipped" label="Shipped this week" error={fieldError(error, "shipped")}>
        {(c) => (
          <textarea
            {...c}
            className="input"
            rows={2}
            value={shipped}
            onChange={(e) => setShipped(e.target.value)}
          />
        )}
      </Field>
      <Field id="checkin-progress" label="In progress" error={fieldError(error, "progress")}>
        {(c) => (
          <textarea
            {...c}
            className="input"
            rows={2}
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
          />
        )}
      </Field>
      <Field id="checkin-note" label="Note" error={fieldError(error, "note")}>
        {(c) => (
          <input {...c} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      <FormFooter
        error={general}
        busy={busy}
        submitLabel="Record check-in"
        submitId="checkin-save"
        onCancel={onClose}
      />
    </form>
  );
}
