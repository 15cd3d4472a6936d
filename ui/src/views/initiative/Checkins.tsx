import type { CheckIn, Initiative } from "../../api";
import { HealthBadge } from "../../components/Badges";
import { formatWeek } from "../../lib/format";
import { CheckinForm } from "../CheckinForm";

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
          <button type="button" className="link-button" onClick={onOpen} id="checkin-open">
            {thisWeek ? "Update this week’s" : "Record this week’s"}
          </button>
        ) : null}
      </header>
      {open ? (
        <CheckinForm
          initiativeId={initiative.id}
          owner={initiative.owner}
          week={week}
          onSaved={onClose}
          onCancel={onClose}
        />
      ) : null}
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
