// A week as the Rust side sends it, for tests: active initiatives, some checked in.

import type { ProgressItem, WeeklyView, WorkspaceInfo } from "../api";

export const INFO: WorkspaceInfo = {
  path: "/home/ana/.local/share/cadence/cadence.db",
  today: "2026-03-02",
  week: "2026-W10",
  empty: false,
  version: "0.1.0",
  schema_version: 4,
};

/** An active initiative of the week, checked in or not. */
export function item(id: number, title: string, owner: string, checkedIn = false): ProgressItem {
  return {
    initiative_id: id,
    title,
    owner,
    track: "customer",
    priority: id,
    health: checkedIn ? "on-track" : null,
    health_week: checkedIn ? "2026-W10" : null,
    checked_in: checkedIn,
    progress: null,
    note: null,
    target_date: "2026-04-30",
    backup_date: "2026-05-15",
    days_to_target: 59,
    risk: "The bank's sandbox is slow",
    risk_level: "medium",
    risk_changed: false,
    delivery: {
      basis: "none",
      plan_quarter: null,
      fiscal_year_start: 1,
      target: null,
      backup: null,
      first_target: null,
      done_on: null,
      days_after_target: null,
      days_after_first: null,
      after_backup: false,
      outside_plan: false,
      past_both: false,
    },
  };
}

/** The week of 2 March 2026 with `items` active; `keptAt` when its update was sent. */
export function week(items: ProgressItem[], keptAt: string | null = null): WeeklyView {
  const checked = items.filter((i) => i.checked_in).length;
  return {
    span: "2–8 March 2026",
    review: {
      week: "2026-W10",
      monday: "2026-03-02",
      sunday: "2026-03-08",
      today: "2026-03-02",
      as_of: "2026-03-02",
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
      shipped: [],
      in_progress: items,
      blockers: [],
      cleared_blockers: [],
      decisions_overdue: [],
      decisions_due_soon: [],
      dates_in_danger: [],
      not_shipping: { dropped: [], paused: [], scope_cuts: [], date_moves: [] },
      signals: {
        missing_checkins: [],
        stale_progress: [],
        midweek_changes: [],
        release_fixes: [],
        overloaded_owners: [],
        discovery_overdue: [],
      },
      kept_at: keptAt,
      releases: {
        tracked: false,
        due: [],
        shipped: [],
        slipped: [],
        failures: [],
        near_misses: 0,
        late_additions: [],
        rescue: {} as WeeklyView["review"]["releases"]["rescue"],
        two_track: {} as WeeklyView["review"]["releases"]["two_track"],
      },
    },
    update: {
      title: "Weekly update: 2–8 March 2026",
      brief: { shipped: "Nothing yet", in_danger: "Nothing", needed: "Nothing" },
      summary: [`${checked} of ${items.length} check-ins are in.`],
      sections: [],
    },
  };
}
