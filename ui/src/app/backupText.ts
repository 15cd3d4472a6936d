// How a backup is described to a person: when it was taken and what it holds.

import type { BackupFile } from "../api";
import { formatDateTime, formatLongDate, plural } from "../lib/format";

/** `Wed 4 Mar 2026` for a daily copy, `4 Mar 2026, 09:05` for one taken at a moment. */
export function backupTaken(b: BackupFile): string {
  return b.time ? formatDateTime(`${b.date}T${b.time}`) : formatLongDate(b.date);
}

/** What kind of copy it is, in words. */
export function backupKind(b: BackupFile): string {
  switch (b.kind) {
    case "daily":
      return "automatic";
    case "manual":
      return "saved by hand";
    case "before-restore":
      return "kept before a restore";
  }
}

/** `13 initiatives, 7 people, 49 check-ins`, or why it cannot be restored. */
export function backupContents(b: BackupFile): string {
  if (!b.counts) return `damaged: ${b.problem ?? "unreadable"}`;
  const c = b.counts;
  return [
    plural(c.initiatives, "initiative"),
    plural(c.people, "person", "people"),
    plural(c.checkins, "check-in"),
  ].join(", ");
}
