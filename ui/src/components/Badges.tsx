import type { Health, RiskLevel, Status } from "../api";
import { formatWeek, healthLabel, riskLabel, statusLabel } from "../lib/format";

/** The owner's health call, coloured; `week` says when it was made when not this week. */
export function HealthBadge({ health, week }: { health: Health | null; week?: string | null }) {
  if (health === null) {
    return <span className="badge badge-none">No check-in</span>;
  }
  return (
    <span className={`badge badge-${health}`}>
      <span className="badge-dot" aria-hidden="true" />
      {healthLabel(health)}
      {week ? <span className="badge-meta">· {formatWeek(week)}</span> : null}
    </span>
  );
}

export function StatusPill({ status }: { status: Status }) {
  return <span className={`pill pill-${status}`}>{statusLabel(status)}</span>;
}

/** The risk level as a small meter: one, two or three filled bars. */
export function RiskMeter({ level }: { level: RiskLevel | null }) {
  if (level === null) return <span className="risk risk-none">No risk level</span>;
  const filled = level === "low" ? 1 : level === "medium" ? 2 : 3;
  return (
    <span className={`risk risk-${level}`} title={`${riskLabel(level)} risk`}>
      <span className="risk-bars" aria-hidden="true">
        {[1, 2, 3].map((n) => (
          <span key={n} className={n <= filled ? "on" : undefined} />
        ))}
      </span>
      {riskLabel(level)} risk
    </span>
  );
}
