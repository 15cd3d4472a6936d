import { describe, expect, it } from "vitest";
import type { Change, Slip } from "../api";
import {
  formatDate,
  formatDateTime,
  formatLongDate,
  formatShortDate,
  formatValue,
  formatWeek,
  groupChanges,
  plural,
  slipSentence,
} from "./format";

describe("dates", () => {
  it("writes a date day-first with the month's short name", () => {
    expect(formatDate("2026-03-14")).toBe("14 Mar 2026");
    expect(formatDate("2026-03-14", false)).toBe("14 Mar");
  });

  it("names the weekday of a date, whatever the machine's time zone", () => {
    expect(formatLongDate("2026-03-14")).toBe("Sat 14 Mar 2026");
    expect(formatLongDate("2027-01-01")).toBe("Fri 1 Jan 2027");
  });

  it("keeps the time of a timestamp", () => {
    expect(formatDateTime("2026-03-14T09:05:00")).toBe("14 Mar 2026, 09:05");
  });

  it("drops the year only within today's year", () => {
    expect(formatShortDate("2026-12-31", "2026-03-04")).toBe("31 Dec");
    expect(formatShortDate("2027-01-04", "2026-03-04")).toBe("4 Jan 2027");
  });

  it("writes an ISO week as its number", () => {
    expect(formatWeek("2026-W07")).toBe("Week 7");
    expect(formatWeek("2026-W53")).toBe("Week 53");
  });
});

describe("plural", () => {
  it("uses the singular for one only", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(0, "day")).toBe("0 days");
    expect(plural(2, "person", "people")).toBe("2 people");
  });
});

describe("formatValue", () => {
  it("reads change-log values as labels", () => {
    expect(formatValue("target_date", "2026-04-01")).toBe("1 Apr 2026");
    expect(formatValue("track", "enabler")).toBe("Technical investment");
    expect(formatValue("status", "paused")).toBe("Paused");
    expect(formatValue("risk_level", "high")).toBe("High");
    expect(formatValue("owner", "Ada")).toBe("Ada");
  });

  it("shows a dash for an empty value", () => {
    expect(formatValue("outcome", null)).toBe("—");
    expect(formatValue("outcome", "")).toBe("—");
  });
});

describe("slipSentence", () => {
  const slip = (committed: string | null, moves: number, days: number): Slip => ({
    committed,
    current: committed,
    moves,
    later_moves: moves,
    days,
  });

  it("says nothing before the commitment", () => {
    expect(slipSentence(slip(null, 0, 0), "The target")).toBeNull();
  });

  it("says when a date holds", () => {
    expect(slipSentence(slip("2026-03-14", 0, 0), "The target")).toBe(
      "The target holds the committed date, 14 Mar 2026.",
    );
  });

  it("counts moves and the net slip", () => {
    expect(slipSentence(slip("2026-03-14", 1, 7), "The target")).toBe(
      "The target moved once since the commitment to 14 Mar 2026: now 7 days later than committed.",
    );
    expect(slipSentence(slip("2026-03-14", 2, -1), "The backup")).toBe(
      "The backup moved 2 times since the commitment to 14 Mar 2026: now 1 day earlier than committed.",
    );
    expect(slipSentence(slip("2026-03-14", 2, 0), "The target")).toContain(
      "back on the committed date",
    );
  });
});

describe("groupChanges", () => {
  const change = (id: number, at: string, field: string, reason: string | null): Change => ({
    id,
    initiative_id: 1,
    at,
    field,
    old_value: null,
    new_value: "x",
    reason,
  });

  it("groups changes made together and puts the newest group first", () => {
    const groups = groupChanges([
      change(1, "2026-03-01T09:00:00", "created", null),
      change(2, "2026-03-02T10:00:00", "target_date", "Vendor late"),
      change(3, "2026-03-02T10:00:00", "backup_date", "Vendor late"),
      change(4, "2026-03-02T10:00:00", "owner", null),
    ]);
    expect(groups.map((g) => g.changes.map((c) => c.id))).toEqual([[4], [2, 3], [1]]);
    expect(groups[1]?.reason).toBe("Vendor late");
  });
});
