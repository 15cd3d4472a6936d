import { useState } from "react";
import { api, type ReviewKind, type Zoom } from "../api";
import { useToast } from "../components/Toast";
import { formatDateTime } from "../lib/format";
import { useRefresh } from "../lib/query";
import "./ExportBar.css";

const SAVE_AS = [
  { format: "md", label: "Markdown" },
  { format: "html", label: "web page" },
  { format: "txt", label: "plain text" },
] as const;

interface Props {
  kind: ReviewKind;
  /** The review's week, month or quarter. */
  period: string;
  /** When this period's update was last sent, where the review knows it. */
  keptAt?: string | null;
  /** The file name offered in the save dialog, without its extension. */
  fileName: string;
  /** The monthly page's timeline zoom, as the view shows it. */
  zoom?: Zoom;
}

/** Sends a review's update: to the clipboard (rich text with a plain-text alternative) or to
 *  a file. Either way the update is kept as sent, so the period can be reread later. */
export function ExportBar({ kind, period, keptAt, fileName, zoom }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const refresh = useRefresh();

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    try {
      const done = await action();
      if (done) {
        toast(done);
        refresh();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel export-bar" aria-labelledby="export-title">
      <header className="panel-header">
        <h2 className="panel-title" id="export-title">
          Send the update
        </h2>
        {keptAt === undefined ? null : (
          <span className="muted" id="export-kept">
            {keptAt ? `Sent ${formatDateTime(keptAt)}` : "Not sent yet"}
          </span>
        )}
      </header>
      <div className="export-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          id="export-copy"
          onClick={() =>
            run(async () => {
              await api.copyUpdate(kind, period, zoom ?? null);
              return "Update copied, ready to paste";
            })
          }
        >
          Copy update
        </button>
        {SAVE_AS.map((s) => (
          <button
            key={s.format}
            type="button"
            className="button"
            disabled={busy}
            id={`export-save-${s.format}`}
            onClick={() =>
              run(async () =>
                (await api.saveUpdate(kind, period, s.format, zoom ?? null, fileName))
                  ? `Update saved as ${s.label}`
                  : null,
              )
            }
          >
            Save as {s.label}…
          </button>
        ))}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
