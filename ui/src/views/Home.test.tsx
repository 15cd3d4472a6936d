import { fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { Board as BoardData, WeeklyView } from "../api";
import { fakeRust, renderInApp } from "../test/app";
import { INFO, item, week } from "../test/weekly";
import { Board } from "./Board";
import { Home } from "./Home";

const BOARD: BoardData = {
  today: "2026-03-02",
  week: "2026-W10",
  lanes: [
    {
      kind: "customer",
      label: "Customer value",
      cards: [
        {
          id: 1,
          title: "Billing v2",
          owner: "Tomás Silva",
          track: "customer",
          status: "active",
          priority: 1,
          target_date: "2026-04-30",
          backup_date: null,
          health: "on-track",
          health_week: "2026-W10",
          risk_level: "medium",
          over_limit: false,
          addresses: null,
        },
      ],
    },
  ],
  release_limit: { limit: 1, active: [], broken: false },
  finished: 0,
};

/** The home view, and the board once its link is followed, sharing one cache as in the app. */
function HomeThenBoard() {
  const [onBoard, setOnBoard] = useState(false);
  return onBoard ? (
    <Board />
  ) : (
    <>
      <button type="button" onClick={() => setOnBoard(true)}>
        To the board
      </button>
      <Home info={INFO} />
    </>
  );
}

describe("the home view", () => {
  it("reads the board once its week shows, so the board's first visit renders from the cache", async () => {
    let answerWeek: (view: WeeklyView) => void = () => {};
    const sent = fakeRust({
      weekly_view: () => new Promise<WeeklyView>((resolve) => (answerWeek = resolve)),
      releases: () => ({ releases: [], rescue: { active: false }, stop_list: [] }),
      board: () => BOARD,
    });
    renderInApp(<HomeThenBoard />);
    await waitFor(() => expect(sent.some((s) => s.cmd === "weekly_view")).toBe(true));
    expect(sent.filter((s) => s.cmd === "board")).toHaveLength(0);

    answerWeek(week([item(1, "Billing v2", "Tomás Silva")]));
    await waitFor(() => expect(sent.filter((s) => s.cmd === "board")).toHaveLength(1));

    fireEvent.click(screen.getByRole("button", { name: "To the board" }));
    expect(screen.getByText("Billing v2").closest(".card")).toBeTruthy();
    expect(sent.filter((s) => s.cmd === "board")).toHaveLength(1);
  });
});
