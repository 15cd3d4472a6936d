// How a release's words read on screen: statuses, outcomes, pain buckets, readiness.

import type { PainBucket, Readiness, ReleaseOutcome, ReleaseStatus } from "../../api";
import { formatDate, plural } from "../../lib/format";

export const BUCKETS: readonly PainBucket[] = [
  "build-test",
  "checklist",
  "late-change",
  "environment-data",
  "handoff",
];

const BUCKET_LABELS: Record<PainBucket, string> = {
  "build-test": "Build and test failures",
  checklist: "Release checklist gaps",
  "late-change": "Late product or design changes",
  "environment-data": "Environment or data problems",
  handoff: "Approval and hand-off delays",
};

const STATUS_LABELS: Record<ReleaseStatus, string> = {
  planned: "Planned",
  frozen: "Frozen",
  shipped: "Shipped",
  "rolled-back": "Rolled back",
  cancelled: "Cancelled",
};

const OUTCOME_LABELS: Record<ReleaseOutcome, string> = {
  open: "To ship",
  "by-target": "By its target date",
  "by-backup": "After its target, by its backup date",
  late: "After its backup date: missed",
  cancelled: "Cancelled: missed",
  overdue: "Past its backup date: missed",
};

export const bucketLabel = (b: PainBucket) => BUCKET_LABELS[b];
export const releaseStatusLabel = (s: ReleaseStatus) => STATUS_LABELS[s];
export const outcomeLabel = (o: ReleaseOutcome) => OUTCOME_LABELS[o];

/** Whether an outcome counts as a missed release. */
export const isMissed = (o: ReleaseOutcome) => o === "late" || o === "cancelled" || o === "overdue";

/** "in 9 days", "today", "3 days ago" for a day count from today. */
export function daysAway(days: number): string {
  if (days === 0) return "today";
  return days > 0 ? `in ${plural(days, "day")}` : `${plural(-days, "day")} ago`;
}

/** The readiness of an open release in a few words: "Ready", or its first gap. */
export function readinessWords(r: Readiness): string {
  if (r.ready) return "Ready";
  return `Not ready: ${r.gaps.join("; ")}`;
}

/** The last rehearsal in words: "15 min on 9 Mar (1 day ago)", or "never rehearsed". */
export function rehearsalWords(r: Readiness): string {
  const last = r.last_rehearsal;
  if (!last) return "Never rehearsed";
  const age = last.age_days === 0 ? "today" : `${plural(last.age_days, "day")} ago`;
  return `${last.minutes} min on ${formatDate(last.on, false)} (${age})`;
}
