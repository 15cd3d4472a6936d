import { describe, expect, it } from "vitest";
import { ApiError, type Initiative } from "../api";
import {
  chosenOption,
  draftOf,
  fieldError,
  formError,
  movesDates,
  orNull,
  patchFrom,
  priorityError,
} from "./form";

const billing: Initiative = {
  id: 7,
  title: "Billing v2",
  owner: "Tomás Silva",
  track: "customer",
  status: "active",
  priority: 2,
  outcome: "Invoices in one click",
  measure: null,
  result: null,
  start_date: "2026-01-05",
  target_date: "2026-03-14",
  backup_date: "2026-03-21",
  risk: "the payment provider's sandbox",
  risk_level: "medium",
  mitigation: null,
  created_at: "2026-01-02T09:00:00",
  updated_at: "2026-01-02T09:00:00",
} as Initiative;

describe("patchFrom", () => {
  it("sends nothing when nothing changed", () => {
    expect(patchFrom(billing, draftOf(billing))).toEqual({});
  });

  it("sends only the changed fields, with the priority as a number", () => {
    const draft = { ...draftOf(billing), priority: " 3 ", target_date: "2026-03-21" };
    expect(patchFrom(billing, draft)).toEqual({ priority: 3, target_date: "2026-03-21" });
  });

  it("sends an emptied optional field as an empty text, which clears it", () => {
    const draft = { ...draftOf(billing), outcome: "" };
    expect(patchFrom(billing, draft)).toEqual({ outcome: "" });
  });

  it("sends a risk level or pain as its word, and an emptied one as null, which clears it", () => {
    const draft = { ...draftOf(billing), risk_level: "high", addresses: "" };
    expect(patchFrom(billing, draft)).toEqual({ risk_level: "high" });
    const cleared = { ...draftOf(billing), risk_level: "" };
    expect(patchFrom(billing, cleared)).toEqual({ risk_level: null });
    const pain = { ...draftOf({ ...billing, track: "release" }), addresses: "handoff" };
    expect(patchFrom({ ...billing, track: "release" }, pain)).toEqual({ addresses: "handoff" });
  });

  it("ignores whitespace-only edits", () => {
    const draft = { ...draftOf(billing), title: "Billing v2  " };
    expect(patchFrom(billing, draft)).toEqual({});
  });
});

describe("movesDates", () => {
  it("asks for a reason when the target or backup moves", () => {
    expect(movesDates({ target_date: "2026-03-21" })).toBe(true);
    expect(movesDates({ backup_date: "2026-03-28" })).toBe(true);
    expect(movesDates({ title: "Billing" })).toBe(false);
  });
});

describe("errors by field", () => {
  const ownerError = new ApiError({
    code: "invalid",
    message: "'Platform team' names a team",
    field: "owner",
  });

  it("takes one of a closed set's words, or refuses naming the field", () => {
    expect(chosenOption("cause", ["build-test", "handoff"], "handoff", "choose a cause")).toBe(
      "handoff",
    );
    expect(() => chosenOption("cause", ["build-test"], "", "choose a cause")).toThrow(
      new ApiError({ code: "invalid", message: "choose a cause", field: "cause" }),
    );
  });

  it("refuses a priority that is not a whole number", () => {
    expect(priorityError("2")).toBeNull();
    expect(priorityError("two")?.field).toBe("priority");
    expect(priorityError("1.5")?.message).toBe("must be a whole number");
  });

  it("shows a field's error next to that field only", () => {
    expect(fieldError(ownerError, "owner")).toBe("'Platform team' names a team");
    expect(fieldError(ownerError, "title")).toBeNull();
  });

  it("shows at form level only what no field can show", () => {
    expect(formError(ownerError, ["owner", "title"])).toBeNull();
    expect(formError(ownerError, ["title"])).toBe("owner: 'Platform team' names a team");
    expect(formError(new Error("disk full"), ["title"])).toBe("disk full");
    expect(formError(null, ["title"])).toBeNull();
  });

  it("turns empty text into null", () => {
    expect(orNull("  ")).toBeNull();
    expect(orNull("x")).toBe("x");
  });
});
