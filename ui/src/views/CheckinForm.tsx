import { useState } from "react";
import { api, type Health } from "../api";
import { Field } from "../components/Field";
import { FormFooter } from "../components/FormFooter";
import { useToast } from "../components/Toast";
import { chosenOption, fieldError, formError, orNull } from "../lib/form";
import { formatDateTime, formatWeek, HEALTHS, healthLabel } from "../lib/format";
import { useRefresh } from "../lib/query";
import { useSubmit } from "../lib/submit";

const CHECKIN_FIELDS = ["health", "shipped", "progress", "note"];

interface CheckinFormProps {
  initiativeId: number;
  owner: string;
  week: string;
  /** The call to start from (the owner's latest), so a steady week takes one key. */
  initialHealth?: Health | null;
  /** What is in progress so far, to edit rather than retype. */
  initialProgress?: string | null;
  submitLabel?: string;
  cancelLabel?: string;
  /** After the check-in is recorded. */
  onSaved: () => void;
  onCancel: () => void;
}

/** The owner's check-in for a week: health, shipped, in progress, a note. */
export function CheckinForm({
  initiativeId,
  owner,
  week,
  initialHealth = null,
  initialProgress = null,
  submitLabel = "Record check-in",
  cancelLabel,
  onSaved,
  onCancel,
}: CheckinFormProps) {
  const [health, setHealth] = useState<Health | "">(initialHealth ?? "");
  const [shipped, setShipped] = useState("");
  const [progress, setProgress] = useState(initialProgress ?? "");
  const [note, setNote] = useState("");
  const refresh = useRefresh();
  const toast = useToast();

  const { busy, error, submit } = useSubmit(async () => {
    const recorded = await api.recordCheckin({
      initiative_id: initiativeId,
      week,
      health: chosenOption("health", HEALTHS, health, "choose on track, at risk or off track"),
      shipped: orNull(shipped),
      progress: orNull(progress),
      note: orNull(note),
    });
    const when = formatWeek(week).toLowerCase();
    toast(
      recorded.replaced
        ? `Check-in for ${when} recorded; it replaced the one of ${formatDateTime(recorded.replaced.recorded_at)}`
        : `Check-in recorded for ${when}`,
    );
    refresh();
    onSaved();
  });

  const healthError = fieldError(error, "health");
  const general = formError(error, CHECKIN_FIELDS);
  return (
    <form
      className="subform"
      onSubmit={submit}
      noValidate
      id="checkin-form"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <p className="subform-title">
        {formatWeek(week)} · {owner}’s call · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> records
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
        submitLabel={submitLabel}
        submitId="checkin-save"
        onCancel={onCancel}
        cancelLabel={cancelLabel}
      />
    </form>
  );
}
