import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeRust, Refusal, renderInApp } from "../../test/app";
import { INFO, item, week, weekUpdate } from "../../test/weekly";
import { Home } from "../Home";
import { MondayReview } from "./MondayReview";

/** The Rust side of a week with two initiatives to check in, whose update can be copied. */
function twoInitiatives(copy: () => unknown = () => null) {
  const items = [item(1, "Billing v2", "Tomás Silva"), item(2, "Search", "Maya Okafor")];
  let keptAt: string | null = null;
  const sent = fakeRust({
    weekly_view: () => week(items, keptAt),
    weekly_update_preview: () => weekUpdate(items),
    kept_weeks: () => [],
    people: () => [],
    record_checkin: (args) => {
      const checkin = args.checkin as { initiative_id: number };
      const i = items.findIndex((x) => x.initiative_id === checkin.initiative_id);
      items[i] = item(checkin.initiative_id, items[i]?.title ?? "", items[i]?.owner ?? "", true);
      return { checkin: {}, replaced: null };
    },
    copy_update: () => {
      const answer = copy();
      if (!(answer instanceof Refusal)) keptAt = "2026-03-02T10:15:00";
      return answer;
    },
  });
  return sent;
}

/** The initiative whose check-in the review is on. */
const currentStep = () => ({
  textContent: document.getElementById("review-step-title")?.textContent,
});

describe("the Monday review", () => {
  it("takes each check-in in turn and moves on once one is recorded", async () => {
    const sent = twoInitiatives();
    renderInApp(<MondayReview info={INFO} />);
    await waitFor(() => expect(currentStep().textContent).toBe("Billing v2"));
    expect(screen.getByText("0 of 2 active initiatives")).toBeTruthy();

    fireEvent.click(screen.getByLabelText("On track"));
    fireEvent.change(screen.getByLabelText("Shipped this week"), {
      target: { value: "Card payments" },
    });
    fireEvent.keyDown(screen.getByLabelText("Shipped this week"), { key: "Enter", ctrlKey: true });

    await waitFor(() => expect(currentStep().textContent).toBe("Search"));
    expect(screen.getByText("1 of 2 active initiatives")).toBeTruthy();
    const recorded = sent.find((s) => s.cmd === "record_checkin");
    expect(recorded?.args.checkin).toMatchObject({
      initiative_id: 1,
      week: "2026-W10",
      health: "on-track",
      shipped: "Card payments",
    });
    // The week was read again after the write, and once before it.
    expect(sent.filter((s) => s.cmd === "weekly_view")).toHaveLength(2);
  });

  it("shows the update as sent once it was copied", async () => {
    const sent = twoInitiatives();
    renderInApp(<MondayReview info={INFO} />);
    await screen.findByText("Not sent yet");
    fireEvent.click(screen.getByRole("button", { name: "Copy update" }));
    await screen.findByText("Update copied, ready to paste");
    await screen.findByText(/^Sent /);
    expect(sent.find((s) => s.cmd === "copy_update")?.args).toEqual({
      kind: "weekly",
      period: "2026-W10",
      zoom: null,
    });
  });

  it("keeps the update unsent and says why when the copy failed", async () => {
    twoInitiatives(
      () =>
        new Refusal({
          code: "conflict",
          message: "the update could not be copied: no clipboard",
          field: null,
        }),
    );
    renderInApp(<MondayReview info={INFO} />);
    await screen.findByText("Not sent yet");
    fireEvent.click(screen.getByRole("button", { name: "Copy update" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("could not be copied");
    expect(screen.getByText("Not sent yet")).toBeTruthy();
  });

  it("reads the week once for This week and the Monday review", async () => {
    const sent = twoInitiatives();
    renderInApp(
      <>
        <Home info={INFO} />
        <MondayReview info={INFO} />
      </>,
    );
    await waitFor(() => expect(currentStep().textContent).toBe("Billing v2"));
    const home = screen.getByRole("heading", { level: 1, name: "This week" }).closest(".page");
    expect(home).toBeTruthy();
    expect(within(home as HTMLElement).getByText(/2–8 March 2026/)).toBeTruthy();
    expect(sent.filter((s) => s.cmd === "weekly_view")).toHaveLength(1);
  });

  it("leaves the update to the Monday review: the home view reads only the week", async () => {
    const sent = twoInitiatives();
    renderInApp(<Home info={INFO} />);
    await waitFor(() => expect(document.getElementById("home-progress")).toBeTruthy());
    expect(sent.filter((s) => s.cmd === "weekly_view")).toHaveLength(1);
    expect(sent.filter((s) => s.cmd === "weekly_update_preview")).toHaveLength(0);
  });
});
