// Which view is showing, kept in the URL hash so Back and Forward work.

import type { AppView } from "../api";

export type Route =
  | { view: "home" }
  | { view: "review" }
  | { view: "roadmap"; month: string | null }
  | { view: "quarterly"; quarter: string | null }
  | { view: "board" }
  | { view: "people" }
  | { view: "releases" }
  | { view: "release"; id: number }
  | { view: "go-no-go"; id: number }
  | { view: "initiative"; id: number };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, "");
  if (path === "review") return { view: "review" };
  const roadmap = /^roadmap(?:\/(\d{4}-\d{2}))?$/.exec(path);
  if (roadmap) return { view: "roadmap", month: roadmap[1] ?? null };
  const quarterly = /^quarterly(?:\/(\d{4}-Q[1-4]))?$/.exec(path);
  if (quarterly) return { view: "quarterly", quarter: quarterly[1] ?? null };
  if (path === "board") return { view: "board" };
  if (path === "people") return { view: "people" };
  if (path === "releases") return { view: "releases" };
  const release = /^releases\/(\d+)(\/go-no-go)?$/.exec(path);
  if (release) {
    const id = Number(release[1]);
    return release[2] ? { view: "go-no-go", id } : { view: "release", id };
  }
  const initiative = /^initiatives\/(\d+)$/.exec(path);
  if (initiative) return { view: "initiative", id: Number(initiative[1]) };
  return { view: "home" };
}

/** Where a view the shell asks for goes (a tray menu item, a clicked reminder). */
export function shownRoute(view: AppView): Route {
  switch (view) {
    case "home":
      return { view: "home" };
    case "monday-review":
      return { view: "review" };
    case "roadmap":
      return { view: "roadmap", month: null };
    default:
      return { view: "go-no-go", id: view["go-no-go"].release };
  }
}

/** `YYYY-MM` moved by `n` months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = (y ?? 0) * 12 + ((m ?? 1) - 1) + n;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** `YYYY-Qn` moved by `n` quarters. */
export function shiftQuarter(quarter: string, n: number): string {
  const [y, q] = quarter.split("-Q").map(Number);
  const index = (y ?? 0) * 4 + ((q ?? 1) - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** A view at its default: this month's roadmap, this quarter's review. */
export function viewRoute(
  view: Exclude<Route["view"], "initiative" | "release" | "go-no-go">,
): Route {
  switch (view) {
    case "roadmap":
      return { view, month: null };
    case "quarterly":
      return { view, quarter: null };
    default:
      return { view };
  }
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case "home":
      return "#/";
    case "review":
      return "#/review";
    case "roadmap":
      return route.month ? `#/roadmap/${route.month}` : "#/roadmap";
    case "quarterly":
      return route.quarter ? `#/quarterly/${route.quarter}` : "#/quarterly";
    case "board":
      return "#/board";
    case "people":
      return "#/people";
    case "releases":
      return "#/releases";
    case "release":
      return `#/releases/${route.id}`;
    case "go-no-go":
      return `#/releases/${route.id}/go-no-go`;
    case "initiative":
      return `#/initiatives/${route.id}`;
  }
}
