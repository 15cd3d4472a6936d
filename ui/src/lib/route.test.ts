import { describe, expect, it } from "vitest";
import { parseRoute, routeHash, shiftMonth, shiftQuarter, shownRoute } from "./route";

describe("routes", () => {
  it("reads and writes every view", () => {
    for (const hash of [
      "#/",
      "#/review",
      "#/roadmap",
      "#/roadmap/2026-11",
      "#/board",
      "#/people",
      "#/initiatives/7",
      "#/releases",
      "#/releases/6",
      "#/releases/6/go-no-go",
    ]) {
      expect(routeHash(parseRoute(hash))).toBe(hash);
    }
    expect(parseRoute("#/roadmap/2026-1")).toEqual({ view: "home" });
    expect(parseRoute("#/releases/6/go-no-go")).toEqual({ view: "go-no-go", id: 6 });
  });

  it("opens the view the shell asks for, a release's go/no-go included", () => {
    expect(routeHash(shownRoute("home"))).toBe("#/");
    expect(routeHash(shownRoute("monday-review"))).toBe("#/review");
    expect(routeHash(shownRoute("roadmap"))).toBe("#/roadmap");
    expect(routeHash(shownRoute({ "go-no-go": { release: 6 } }))).toBe("#/releases/6/go-no-go");
  });

  it("moves quarters across years", () => {
    expect(shiftQuarter("2026-Q4", 1)).toBe("2027-Q1");
    expect(shiftQuarter("2027-Q1", -1)).toBe("2026-Q4");
    expect(shiftQuarter("2026-Q2", 5)).toBe("2027-Q3");
  });

  it("moves months across years", () => {
    expect(shiftMonth("2026-11", 1)).toBe("2026-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2026-03", -15)).toBe("2024-12");
  });
});
