interface Props {
  /** The failure no field can show, if any. */
  error: string | null;
  busy: boolean;
  submitLabel: string;
  submitId?: string;
  /** Where Cancel (or `cancelLabel`) leads; no such button without it. */
  onCancel?: () => void;
  cancelLabel?: string;
}

/** The end of an inline form: its general error, then Cancel and the submit button. */
export function FormFooter({
  error,
  busy,
  submitLabel,
  submitId,
  onCancel,
  cancelLabel = "Cancel",
}: Props) {
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {cancelLabel}
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy} id={submitId}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
