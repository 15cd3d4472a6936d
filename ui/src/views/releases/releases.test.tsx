import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Question, ReleasePage, ReleaseView } from "../../api";
import { fakeRust, Refusal, renderInApp } from "../../test/app";
import { Board } from "../Board";
import { Meeting } from "./GoNoGo";
import { isOverride, toDecision } from "./goNoGo";
import { NewReleaseDialog } from "./NewReleaseDialog";
import { ReleaseAction } from "./ReleaseActions";

const QUESTIONS: Question[] = ["one-problem", "owners", "rollback", "prod-like", "cuts-told"];

const VIEW = {
  id: 6,
  name: "3.5",
  stop_owner: "Maya Okafor",
  scope: [],
  titles: [],
} as unknown as ReleaseView;

const PAGE = {
  view: VIEW,
  sheet: {
    release_id: 6,
    name: "3.5",
    readiness: { ready: true, gaps: [] },
    warnings: [],
    questions: QUESTIONS.map((q) => ({
      question: q,
      text: `Question about ${q}?`,
      evidence: [`Evidence for ${q}`],
      answer: null,
    })),
  },
  rehearsal_trend: [],
  overrides: [],
  restores: [],
} as unknown as ReleasePage;

describe("the go/no-go override rule", () => {
  it("counts a no and an unanswered question against a go, never against a no-go", () => {
    const all = { "one-problem": true, owners: true, rollback: true, "prod-like": true };
    expect(isOverride(true, QUESTIONS, { ...all, "cuts-told": true })).toBe(false);
    expect(isOverride(true, QUESTIONS, all)).toBe(true);
    expect(isOverride(true, QUESTIONS, { ...all, "cuts-told": false })).toBe(true);
    expect(isOverride(false, QUESTIONS, {})).toBe(false);
    expect(
      toDecision(true, "Maya Okafor", QUESTIONS, { owners: false, rollback: true }, " "),
    ).toEqual({
      go: true,
      by: "Maya Okafor",
      answers: [
        { question: "owners", yes: false },
        { question: "rollback", yes: true },
      ],
      reason: null,
    });
  });

  it("marks a go over a no as an override, shows the core's refusal by the reason, then records it", async () => {
    const sent = fakeRust({
      people: () => [],
      decide_release: (args) => {
        const call = args.call as { reason: string | null };
        return call.reason === null
          ? new Refusal({
              code: "invalid",
              field: "reason",
              message: "a go for release 3.5 while owners is no needs a reason",
            })
          : {};
      },
    });
    const onDone = vi.fn();
    renderInApp(<Meeting page={PAGE} navigate={onDone} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "Question about one-problem?",
    );
    expect(screen.getByText("Evidence for one-problem")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Yes" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Question about owners?");
    fireEvent.click(screen.getByRole("button", { name: "No" }));
    fireEvent.click(screen.getByRole("button", { name: "Call" }));

    fireEvent.click(screen.getByRole("button", { name: "No-go" }));
    expect(screen.queryByText(/This go is an override/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    expect(screen.getByText(/This go is an override/).parentElement?.textContent).toContain(
      "4 of 5 questions are not answered yes",
    );
    expect(screen.getByLabelText("Why go anyway (required)")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Record the call" }));
    const error = await screen.findByText(/while owners is no needs a reason/);
    expect(error.id).toBe("gng-reason-error");
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("Why go anyway (required)"), {
      target: { value: "The owners gap is one config item, covered by Ravi" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Record the call" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const calls = sent.filter((s) => s.cmd === "decide_release");
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args).toEqual({
      id: 6,
      call: {
        go: true,
        by: "Maya Okafor",
        answers: [
          { question: "one-problem", yes: true },
          { question: "owners", yes: false },
        ],
        reason: "The owners gap is one config item, covered by Ravi",
      },
    });
  });
});

describe("go/no-go mode's keys", () => {
  it("answers the question on screen with y and n, before the app's own n, and shows them", () => {
    fakeRust({ people: () => [] });
    renderInApp(<Meeting page={PAGE} navigate={() => {}} />);
    const yes = screen.getByRole("button", { name: "Yes" });
    const no = screen.getByRole("button", { name: "No" });
    expect(yes.getAttribute("aria-keyshortcuts")).toBe("y");
    expect(yes.querySelector("kbd")?.textContent).toBe("y");
    expect(no.getAttribute("aria-keyshortcuts")).toBe("n");
    expect(no.querySelector("kbd")?.textContent).toBe("n");
    const heading = () => screen.getByRole("heading", { level: 1 }).textContent;
    const answered = () =>
      screen.getAllByRole("button", { name: /^[1-5]$/ }).map((b) => b.getAttribute("data-answer"));

    // fireEvent returns false when the key was handled (its default prevented), which is
    // what keeps the app's shortcut for n from also opening a new initiative.
    expect(fireEvent.keyDown(document.body, { key: "y" })).toBe(false);
    expect(heading()).toBe("Question about owners?");
    expect(fireEvent.keyDown(document.body, { key: "n" })).toBe(false);
    expect(heading()).toBe("Question about rollback?");
    expect(answered()).toEqual(["yes", "no", "none", "none", "none"]);

    // Held down, with a modifier, or another key: nothing is answered.
    expect(fireEvent.keyDown(document.body, { key: "y", repeat: true })).toBe(true);
    expect(fireEvent.keyDown(document.body, { key: "n", ctrlKey: true })).toBe(true);
    expect(fireEvent.keyDown(document.body, { key: "x" })).toBe(true);
    expect(heading()).toBe("Question about rollback?");

    fireEvent.keyDown(document.body, { key: "Y" });
    fireEvent.keyDown(document.body, { key: "y" });
    fireEvent.keyDown(document.body, { key: "n" });
    expect(answered()).toEqual(["yes", "no", "yes", "yes", "no"]);

    // On the call, y and n are the app's again, and typing in a field is never an answer.
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("The call on release 3.5");
    const reason = screen.getByLabelText("Reason");
    expect(fireEvent.keyDown(reason, { key: "n" })).toBe(true);
    expect(fireEvent.keyDown(document.body, { key: "n" })).toBe(true);
    expect(answered()).toEqual(["yes", "no", "yes", "yes", "no"]);
  });
});

describe("the release forms", () => {
  it("puts the core's refusal of a backup date beside the backup field", async () => {
    const sent = fakeRust({
      people: () => [],
      add_release: () =>
        new Refusal({
          code: "invalid",
          field: "backup",
          message: "the backup date (2027-03-01) must be on or after the target date (2027-03-19)",
        }),
    });
    renderInApp(<NewReleaseDialog onClose={() => {}} onCreated={() => {}} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "3.6" } });
    fireEvent.change(screen.getByLabelText("Target date"), { target: { value: "2027-03-19" } });
    fireEvent.change(screen.getByLabelText("Backup date"), { target: { value: "2027-03-01" } });
    fireEvent.click(screen.getByRole("button", { name: "Add release" }));
    const error = await screen.findByText(/must be on or after the target date/);
    expect(error.id).toBe("release-backup-error");
    expect(screen.getByLabelText("Backup date").getAttribute("aria-invalid")).toBe("true");
    expect(sent.map((s) => s.cmd)).toContain("add_release");
    const args = sent.find((s) => s.cmd === "add_release")?.args as {
      release: { target_date: string; stop_owner: string | null };
    };
    expect(args.release.target_date).toBe("2027-03-19");
    expect(args.release.stop_owner).toBeNull();
  });

  it("refuses rehearsal minutes that are not a whole number beside the field, sending nothing", async () => {
    const sent = fakeRust({ people: () => [] });
    renderInApp(<ReleaseAction kind="rehearse" release={VIEW} onClose={() => {}} />);
    fireEvent.change(screen.getByLabelText("Minutes to the stable version"), {
      target: { value: "about 20" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Log rehearsal" }));
    const error = await screen.findByText("must be a whole number");
    expect(error.id).toBe("release-rehearse-minutes-error");
    expect(sent.filter((s) => s.cmd === "rehearse_release")).toHaveLength(0);
  });
});

describe("a release fix on the board", () => {
  it("names the release pain it addresses on its card", async () => {
    fakeRust({
      board: () => ({
        today: "2027-03-10",
        week: "2027-W10",
        finished: 0,
        release_limit: { limit: 1, active: [7], broken: false },
        lanes: [
          {
            kind: "engineering",
            label: "Release fixes and technical investment",
            cards: [
              {
                id: 7,
                title: "Stabilise the release pipeline",
                owner: "Daniel Reyes",
                track: "release",
                status: "active",
                priority: 1,
                target_date: null,
                backup_date: null,
                health: null,
                health_week: null,
                risk_level: null,
                over_limit: false,
                addresses: "build-test",
              },
            ],
          },
        ],
      }),
    });
    renderInApp(<Board />);
    const pain = await screen.findByText("Addresses: Build and test failures");
    expect(pain.closest("[data-initiative]")?.getAttribute("data-initiative")).toBe("7");
  });
});
