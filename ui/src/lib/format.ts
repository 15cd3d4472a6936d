// How values read on screen: labels, dates, durations. Deterministic, not locale-dependent.

import type { Change, Health, RiskLevel, Slip, Status, Track } from "../api";

export const TRACKS: readonly Track[] = ["customer", "release", "enabler", "discovery"];
export const STATUSES: readonly Status[] = ["proposed", "active", "paused", "done", "dropped"];
export const HEALTHS: readonly Health[] = ["on-track", "at-risk", "off-track"];
export const RISK_LEVELS: readonly RiskLevel[] = ["low", "medium", "high"];

const TRACK_LABELS: Record<Track, string> = {
  customer: "Customer value",
  release: "Release fix",
  enabler: "Technical investment",
  discovery: "Discovery",
};

const STATUS_LABELS: Record<Status, string> = {
  proposed: "Proposed",
  active: "Active",
  paused: "Paused",
  done: "Done",
  dropped: "Dropped",
};

const HEALTH_LABELS: Record<Health, string> = {
  "on-track": "On track",
  "at-risk": "At risk",
  "off-track": "Off track",
};

const RISK_LABELS: Record<RiskLevel, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

const FIELD_LABELS: Record<string, string> = {
  created: "Created",
  title: "Title",
  owner: "Owner",
  track: "Track",
  status: "Status",
  priority: "Priority",
  outcome: "Outcome",
  measure: "Measure of success",
  result: "Result",
  start_date: "Start date",
  target_date: "Target date",
  backup_date: "Backup date",
  risk: "Main risk",
  risk_level: "Risk level",
  mitigation: "Mitigation",
  scope: "Scope",
};

export const trackLabel = (t: Track) => TRACK_LABELS[t];
export const statusLabel = (s: Status) => STATUS_LABELS[s];
export const healthLabel = (h: Health) => HEALTH_LABELS[h];
export const riskLabel = (r: RiskLevel) => RISK_LABELS[r];
export const fieldLabel = (f: string) => FIELD_LABELS[f] ?? f.replace(/_/g, " ");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** `2026-03-14` → `14 Mar 2026`, or `14 Mar` when `withYear` is false. */
export function formatDate(iso: string, withYear = true): string {
  const [y, m, d] = parts(iso);
  const day = `${d} ${MONTHS[m - 1]}`;
  return withYear ? `${day} ${y}` : day;
}

/** `2026-03-14` → `Sat 14 Mar 2026`. */
export function formatLongDate(iso: string): string {
  const [y, m, d] = parts(iso);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${formatDate(iso)}`;
}

/** `2026-03-14T09:05:00` → `14 Mar 2026, 09:05`. */
export function formatDateTime(iso: string): string {
  return `${formatDate(iso)}, ${iso.slice(11, 16)}`;
}

/** A date relative to `today` when near, else the date: a short form for cards. */
export function formatShortDate(iso: string, today: string): string {
  return formatDate(iso, iso.slice(0, 4) !== today.slice(0, 4));
}

/** `2026-W07` → `Week 7`. */
export function formatWeek(week: string): string {
  return `Week ${Number(week.slice(6))}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The label of a word the change log holds as text; the text itself when it is no word. */
function wordLabel(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}

/** A change-log value as people read it. */
export function formatValue(field: string, value: string | null): string {
  if (value === null || value === "") return "—";
  if (field.endsWith("_date")) return formatDate(value);
  if (field === "track") return wordLabel(TRACK_LABELS, value);
  if (field === "status") return wordLabel(STATUS_LABELS, value);
  if (field === "risk_level") return wordLabel(RISK_LABELS, value);
  return value;
}

/** One date's movement against the date first committed to, in a sentence; null before the
 *  initiative was committed (first made active). */
export function slipSentence(slip: Slip, what: string): string | null {
  if (slip.committed === null) return null;
  const committed = formatDate(slip.committed);
  if (slip.moves === 0) return `${what} holds the committed date, ${committed}.`;
  const times = slip.moves === 1 ? "once" : `${slip.moves} times`;
  const net =
    slip.days === 0
      ? "back on the committed date"
      : slip.days > 0
        ? `${plural(slip.days, "day")} later than committed`
        : `${plural(-slip.days, "day")} earlier than committed`;
  return `${what} moved ${times} since the commitment to ${committed}: now ${net}.`;
}

/** Changes made together (same moment, same reason), newest first. */
export interface ChangeGroup {
  at: string;
  reason: string | null;
  changes: Change[];
}

export function groupChanges(history: readonly Change[]): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  for (const change of history) {
    const last = groups[groups.length - 1];
    if (last && last.at === change.at && last.reason === change.reason) {
      last.changes.push(change);
    } else {
      groups.push({ at: change.at, reason: change.reason, changes: [change] });
    }
  }
  return groups.reverse();
}
