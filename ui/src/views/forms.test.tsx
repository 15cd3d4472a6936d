import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { DecisionItem, Initiative } from "../api";
import { fakeRust, Refusal, renderInApp } from "../test/app";
import { CheckinForm } from "./CheckinForm";
import { fieldsOf } from "./InitiativeFields";
import { InitiativeEditor } from "./initiative/InitiativeEditor";
import { NewInitiativeDialog } from "./NewInitiativeDialog";
import { Decisions } from "./roadmap/Decisions";

describe("the check-in form", () => {
  /** Renders the form for Maya's initiative 3 in week 10; returns its onSaved spy. */
  function renderCheckinForm() {
    const onSaved = vi.fn();
    renderInApp(
      <CheckinForm
        initiativeId={3}
        owner="Maya Okafor"
        week="2026-W10"
        onSaved={onSaved}
        onCancel={() => {}}
      />,
    );
    return onSaved;
  }

  it("asks for the health call under its field and sends nothing without one", async () => {
    const sent = fakeRust({});
    const onSaved = renderCheckinForm();
    fireEvent.change(screen.getByLabelText("In progress"), { target: { value: "Ranking" } });
    fireEvent.click(screen.getByRole("button", { name: "Record check-in" }));
    const error = await screen.findByText("choose on track, at risk or off track");
    expect(error.id).toBe("checkin-health-error");
    expect(onSaved).not.toHaveBeenCalled();
    expect((screen.getByLabelText("In progress") as HTMLTextAreaElement).value).toBe("Ranking");
    expect(sent).toEqual([]);
  });

  it("sends the health call as its word and shows the core's refusal under the field it names", async () => {
    const sent = fakeRust({
      record_checkin: () =>
        new Refusal({ code: "invalid", field: "progress", message: "is longer than 2000" }),
    });
    const onSaved = renderCheckinForm();
    fireEvent.click(screen.getByLabelText("At risk"));
    fireEvent.change(screen.getByLabelText("In progress"), { target: { value: "Ranking" } });
    fireEvent.click(screen.getByRole("button", { name: "Record check-in" }));
    const error = await screen.findByText("is longer than 2000");
    expect(error.id).toBe("checkin-progress-error");
    expect(onSaved).not.toHaveBeenCalled();
    expect(sent).toEqual([
      {
        cmd: "record_checkin",
        args: {
          checkin: {
            initiative_id: 3,
            week: "2026-W10",
            health: "at-risk",
            shipped: null,
            progress: "Ranking",
            note: null,
          },
        },
      },
    ]);
  });
});

describe("the new initiative dialog", () => {
  it("puts a refused owner's message beside the owner field", async () => {
    fakeRust({
      people: () => [],
      add_initiative: () =>
        new Refusal({
          code: "invalid",
          field: "owner",
          message: "'Backend team' names a team; an initiative needs one named person",
        }),
    });
    renderInApp(<NewInitiativeDialog onClose={() => {}} onCreated={() => {}} />);
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Annual billing" } });
    fireEvent.change(screen.getByLabelText(/Owner/), { target: { value: "Backend team" } });
    fireEvent.click(screen.getByRole("button", { name: "Add initiative" }));
    const error = await screen.findByText(/names a team/);
    expect(error.id).toBe("new-owner-error");
    expect(screen.getByLabelText(/Owner/).getAttribute("aria-invalid")).toBe("true");
  });
});

const SEARCH: Initiative = {
  id: 7,
  title: "Faster invoice search",
  owner_id: 2,
  owner: "Maya Okafor",
  track: "customer",
  status: "active",
  priority: 1,
  outcome: null,
  measure: null,
  result: null,
  start_date: null,
  target_date: "2026-04-01",
  backup_date: "2026-04-15",
  risk: "The index may not fit in memory.",
  risk_level: "medium",
  mitigation: null,
  addresses: null,
  created_at: "2026-01-05T09:00:00Z",
  updated_at: "2026-01-05T09:00:00Z",
};

/** The labels of a rendered form's fields, in the order it shows them. */
function labels(): string[] {
  return [...document.querySelectorAll(".field-label")].map((l) => l.textContent ?? "");
}

describe("the initiative's fields", () => {
  it("are the same, in the same order, when adding an initiative and when editing one", () => {
    fakeRust({ people: () => [] });
    renderInApp(<NewInitiativeDialog onClose={() => {}} onCreated={() => {}} />);
    const adding = labels();
    cleanup();
    renderInApp(<InitiativeEditor initiative={SEARCH} onDone={() => {}} />);
    const editing = labels();
    const editOnly = ["Priority", "Result", "Reason for the change"];
    expect(editing.filter((l) => !editOnly.includes(l))).toEqual(adding);
    expect(editing).toEqual(expect.arrayContaining(editOnly));
  });

  it.each(fieldsOf("new").map((f) => [f.field, f.id]))(
    "show the core's refusal of %s under that field when adding",
    async (field, id) => {
      fakeRust({
        people: () => [],
        add_initiative: () => new Refusal({ code: "invalid", field, message: "is refused here" }),
      });
      renderInApp(<NewInitiativeDialog onClose={() => {}} onCreated={() => {}} />);
      fireEvent.click(screen.getByRole("button", { name: "Add initiative" }));
      const error = await screen.findByText("is refused here");
      expect(error.id).toBe(`new-${id}-error`);
      expect(document.getElementById(`new-${id}`)?.getAttribute("aria-invalid")).toBe("true");
    },
  );

  it.each(fieldsOf("edit").map((f) => [f.field, f.id]))(
    "show the core's refusal of %s under that field when editing",
    async (field, id) => {
      fakeRust({
        people: () => [],
        edit_initiative: () => new Refusal({ code: "invalid", field, message: "is refused here" }),
      });
      renderInApp(<InitiativeEditor initiative={SEARCH} onDone={() => {}} />);
      fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Instant search" } });
      fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
      const error = await screen.findByText("is refused here");
      expect(error.id).toBe(`edit-${id}-error`);
      expect(document.getElementById(`edit-${id}`)?.getAttribute("aria-invalid")).toBe("true");
    },
  );
});

const DECISION: DecisionItem = {
  id: 4,
  question: "Which bank do we launch with?",
  decider: "Ana Lima",
  needed_by: "2026-03-05",
  initiative_id: null,
  initiative: null,
  days_overdue: 0,
  outcome: null,
  closed_on: null,
};

const BILLING = { id: 1, title: "Billing v2", status: "active" } as Initiative;

describe("a decision's initiative", () => {
  it("shows the choice while it is saved and rolls back with the reason when refused", async () => {
    let refuse: (error: unknown) => void = () => {};
    fakeRust({
      initiatives: () => [BILLING],
      link_decision: () =>
        new Promise((_, reject) => {
          refuse = reject;
        }),
    });
    renderInApp(<Decisions review={{ decisions: { open: [DECISION] } }} />);
    const select = screen.getByLabelText(/Initiative the decision/) as HTMLSelectElement;
    await screen.findByRole("option", { name: "Billing v2" });
    fireEvent.change(select, { target: { value: "1" } });
    await waitFor(() => expect(select.value).toBe("1"));
    refuse({ code: "not_found", message: "initiative 1 does not exist", field: null });
    await screen.findByText("initiative 1 does not exist");
    expect(select.value).toBe("");
  });
});
