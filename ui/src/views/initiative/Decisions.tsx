import type { Decision } from "../../api";
import { formatDate } from "../../lib/format";

/** Questions the leadership must answer for this initiative, and their outcomes. */
export function Decisions({ decisions }: { decisions: Decision[] }) {
  return (
    <section className="panel" aria-labelledby="decisions-title">
      <h2 className="panel-title" id="decisions-title">
        Decisions
      </h2>
      {decisions.length === 0 ? (
        <p className="muted">No decision is waiting on the leadership for this initiative.</p>
      ) : (
        <ul className="items">
          {decisions.map((d) => (
            <li key={d.id} className="item">
              <p className="item-text">{d.question}</p>
              <p className="item-meta">
                {d.owner} decides · needed by {formatDate(d.needed_by)}
              </p>
              {d.outcome ? (
                <p className="item-outcome">
                  Decided{d.closed_on ? ` on ${formatDate(d.closed_on)}` : ""}: {d.outcome}
                </p>
              ) : (
                <p className="item-open">Open</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
