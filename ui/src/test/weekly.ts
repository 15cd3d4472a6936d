// A week as the Rust side sends it, for tests: active initiatives, some checked in.

import type { ProgressLine, Update, WeeklyView, WorkspaceInfo } from "../api";

export const INFO: WorkspaceInfo = {
  path: "/home/ana/.local/share/cadence/cadence.db",
  today: "2026-03-02",
  week: "2026-W10",
  empty: false,
  version: "0.1.0",
  schema_version: 4,
};

/** An active initiative of the week, checked in or not. */
export function item(id: number, title: string, owner: string, checkedIn = false): ProgressLine {
  return {
    initiative_id: id,
    title,
    owner,
    health: checkedIn ? "on-track" : null,
    health_week: checkedIn ? "2026-W10" : null,
    checked_in: checkedIn,
    progress: null,
    target_date: "2026-04-30",
    backup_date: "2026-05-15",
    risk: "The bank's sandbox is slow",
    risk_level: "medium",
  };
}

/** The week of 2 March 2026 with `items` active; `keptAt` when its update was sent. */
export function week(items: ProgressLine[], keptAt: string | null = null): WeeklyView {
  const checked = items.filter((i) => i.checked_in).length;
  return {
    span: "2–8 March 2026",
    review: {
      week: "2026-W10",
      headline: {
        active: items.length,
        on_track: checked,
        on_track_past_both: 0,
        at_risk: 0,
        off_track: 0,
        no_call: items.length - checked,
        shipped: 0,
        blockers: 0,
        escalate: 0,
        dates_in_danger: 0,
      },
      in_progress: items,
      blockers: [],
      dates_in_danger: [],
      missing_checkins: [],
      kept_at: keptAt,
    },
  };
}

/** The update the week of `items` writes. */
export function weekUpdate(items: ProgressLine[]): Update {
  const checked = items.filter((i) => i.checked_in).length;
  return {
    title: "Weekly update: 2–8 March 2026",
    brief: { shipped: "Nothing yet", in_danger: "Nothing", needed: "Nothing" },
    summary: [`${checked} of ${items.length} check-ins are in.`],
    sections: [],
  };
}
