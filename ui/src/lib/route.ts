// Which view is showing, kept in the URL hash so Back and Forward work.

export type Route =
  | { view: "home" }
  | { view: "review" }
  | { view: "board" }
  | { view: "people" }
  | { view: "initiative"; id: number };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, "");
  if (path === "review") return { view: "review" };
  if (path === "board") return { view: "board" };
  if (path === "people") return { view: "people" };
  const initiative = /^initiatives\/(\d+)$/.exec(path);
  if (initiative) return { view: "initiative", id: Number(initiative[1]) };
  return { view: "home" };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case "home":
      return "#/";
    case "review":
      return "#/review";
    case "board":
      return "#/board";
    case "people":
      return "#/people";
    case "initiative":
      return `#/initiatives/${route.id}`;
  }
}
