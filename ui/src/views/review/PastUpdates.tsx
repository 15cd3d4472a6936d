import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Format, KeptWeek } from "../../api";
import { Dialog } from "../../components/Dialog";
import { ErrorNote, Loading } from "../../components/States";
import { formatDateTime, formatWeek } from "../../lib/format";
import { reads } from "../../lib/query";

const FORMAT_LABELS: Record<Format, string> = {
  md: "Markdown",
  html: "Web page",
  txt: "Plain text",
  json: "JSON",
};

/** The weeks whose update was sent, latest first; each reopens exactly as it was sent. */
export function PastUpdates() {
  const kept = useQuery(reads.keptWeeks());
  const [open, setOpen] = useState<KeptWeek | null>(null);
  const weeks = latestPerWeekAndFormat(kept.data ?? []);
  return (
    <section className="panel" aria-labelledby="past-title">
      <header className="panel-header">
        <h2 className="panel-title" id="past-title">
          Past updates
        </h2>
      </header>
      {kept.error ? <ErrorNote error={kept.error} /> : null}
      {kept.data === undefined && !kept.error ? <Loading /> : null}
      {kept.data && weeks.length === 0 ? (
        <p className="muted">Updates appear here once sent.</p>
      ) : (
        <ul className="items" id="past-updates">
          {weeks.map((k) => (
            <li key={k.id} className="item past-update">
              <button type="button" className="link-button" onClick={() => setOpen(k)}>
                {formatWeek(k.week)} · {k.span}
              </button>
              <span className="muted">
                {" "}
                · {FORMAT_LABELS[k.format]} · sent {formatDateTime(k.created_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open ? <SentUpdate kept={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

/** One entry per week and format: the latest sent. */
function latestPerWeekAndFormat(kept: KeptWeek[]): KeptWeek[] {
  const seen = new Set<string>();
  return kept.filter((k) => {
    const key = `${k.week} ${k.format}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function SentUpdate({ kept, onClose }: { kept: KeptWeek; onClose: () => void }) {
  const sent = useQuery(reads.sentWeekly(kept.week, kept.format));
  return (
    <Dialog title={`Sent update: ${kept.span}`} onClose={onClose} wide>
      <div className="dialog-body">
        {sent.error ? <ErrorNote error={sent.error} /> : null}
        {sent.data ? (
          <pre className="sent-body" id="sent-body">
            {sent.data.body}
          </pre>
        ) : sent.error ? null : (
          <Loading />
        )}
      </div>
    </Dialog>
  );
}
