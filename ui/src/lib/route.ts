// Which view is showing, kept in the URL hash so Back and Forward work.

export type Route =
  | { view: "home" }
  | { view: "review" }
  | { view: "roadmap"; month: string | null }
  | { view: "board" }
  | { view: "people" }
  | { view: "initiative"; id: number };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, "");
  if (path === "review") return { view: "review" };
  const roadmap = /^roadmap(?:\/(\d{4}-\d{2}))?$/.exec(path);
  if (roadmap) return { view: "roadmap", month: roadmap[1] ?? null };
  if (path === "board") return { view: "board" };
  if (path === "people") return { view: "people" };
  const initiative = /^initiatives\/(\d+)$/.exec(path);
  if (initiative) return { view: "initiative", id: Number(initiative[1]) };
  return { view: "home" };
}

/** `YYYY-MM` moved by `n` months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = (y ?? 0) * 12 + ((m ?? 1) - 1) + n;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case "home":
      return "#/";
    case "review":
      return "#/review";
    case "roadmap":
      return route.month ? `#/roadmap/${route.month}` : "#/roadmap";
    case "board":
      return "#/board";
    case "people":
      return "#/people";
    case "initiative":
      return `#/initiatives/${route.id}`;
  }
}
