import type { Change, InitiativeDetail } from "../../api";
import {
  fieldLabel,
  formatDateTime,
  formatValue,
  groupChanges,
  slipSentence,
} from "../../lib/format";

interface Props {
  history: Change[];
  slips: InitiativeDetail["slips"];
}

/** Every change, newest first, each with its reason; date slips against the commitment. */
export function History({ history, slips }: Props) {
  const groups = groupChanges(history);
  const sentences = [
    slipSentence(slips.target, "The target"),
    slipSentence(slips.backup, "The backup"),
  ].filter((s): s is string => s !== null);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 className="panel-title" id="history-title">
        History
      </h2>
      {sentences.length > 0 ? (
        <div className={`slips${slips.target.later_moves > 0 ? " slips-late" : ""}`} id="slips">
          {sentences.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </div>
      ) : (
        <p className="muted slips-none">
          Not committed yet: dates count as slips once it is active.
        </p>
      )}
      <ol className="history" id="history">
        {groups.map((g) => (
          <li key={`${g.at}-${g.changes[0]?.id}`} className="history-entry">
            <div className="history-when">{formatDateTime(g.at)}</div>
            <div className="history-what">
              <ul>
                {g.changes.map((c) => (
                  <li key={c.id} className="history-change" data-field={c.field}>
                    <ChangeLine change={c} />
                  </li>
                ))}
              </ul>
              {g.reason ? <p className="history-reason">“{g.reason}”</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ChangeLine({ change: c }: { change: Change }) {
  if (c.field === "created") {
    return (
      <>
        <strong>Created</strong> as “{c.new_value}”
      </>
    );
  }
  if (c.field === "scope") {
    return c.old_value === null ? (
      <>
        <strong>Scope</strong> added “{c.new_value}”
      </>
    ) : (
      <>
        <strong>Scope</strong> cut “{c.old_value}”
      </>
    );
  }
  if (c.old_value === null) {
    return (
      <>
        <strong>{fieldLabel(c.field)}</strong> set to {formatValue(c.field, c.new_value)}
      </>
    );
  }
  return (
    <>
      <strong>{fieldLabel(c.field)}</strong> {formatValue(c.field, c.old_value)}
      <span className="arrow" aria-hidden="true">
        {" → "}
      </span>
      <span className="sr-only">changed to </span>
      {formatValue(c.field, c.new_value)}
    </>
  );
}
