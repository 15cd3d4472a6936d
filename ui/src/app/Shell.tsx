import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { followShowView, type WorkspaceInfo } from "../api";
import { isTyping, type KeyState, readKey } from "../lib/keys";
import { useRefresh } from "../lib/query";
import { parseRoute, type Route, routeHash, shownRoute, viewRoute } from "../lib/route";
import { ScrollMemory } from "../lib/scrollMemory";
import { Board } from "../views/Board";
import { Home } from "../views/Home";
import { InitiativePage } from "../views/initiative/InitiativePage";
import { NewInitiativeDialog } from "../views/NewInitiativeDialog";
import { People } from "../views/People";
import { Quarterly } from "../views/quarterly/Quarterly";
import { GoNoGo } from "../views/releases/GoNoGo";
import { ReleasePage } from "../views/releases/ReleasePage";
import { Releases } from "../views/releases/Releases";
import { MondayReview } from "../views/review/MondayReview";
import { Roadmap } from "../views/roadmap/Roadmap";
import { SearchDialog } from "../views/SearchDialog";
import { Sidebar } from "./Sidebar";

type Open = "new-initiative" | "search" | null;

/** The workspace's window: the sidebar, the current view, the dialogs and the shortcuts. */
export function Shell({ info }: { info: WorkspaceInfo }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [open, setOpen] = useState<Open>(null);
  const refresh = useRefresh();
  const keys = useRef<KeyState>({ pendingGoAt: null });
  const main = useRef<HTMLElement>(null);
  const [scroll] = useState(() => new ScrollMemory(() => main.current, window.history));

  useEffect(() => {
    const onHash = () => {
      scroll.leave();
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [scroll]);

  // Once the view has rendered, before it paints.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each route shown
  useLayoutEffect(() => scroll.arrive(), [route, scroll]);

  const navigate = useCallback((to: Route) => {
    window.location.hash = routeHash(to);
  }, []);

  // The tray menu and a clicked reminder ask for a view.
  useEffect(() => followShowView((view) => navigate(shownRoute(view))), [navigate]);

  // Before the first paint, so that a key pressed as soon as the window shows is not lost.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target) || document.querySelector("dialog[open]")) return;
      const { state, shortcut } = readKey(keys.current, e.key, e.timeStamp);
      keys.current = state;
      if (!shortcut) return;
      e.preventDefault();
      switch (shortcut.kind) {
        case "new-initiative":
          setOpen("new-initiative");
          break;
        case "search":
          setOpen("search");
          break;
        case "refresh":
          refresh();
          break;
        case "go":
          navigate(viewRoute(shortcut.view));
          break;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate, refresh]);

  return (
    <div className="app">
      <Sidebar
        info={info}
        route={route}
        onNew={() => setOpen("new-initiative")}
        onSearch={() => setOpen("search")}
      />
      <main className="main" id="main" ref={main}>
        <View route={route} info={info} navigate={navigate} />
      </main>
      {open === "new-initiative" ? (
        <NewInitiativeDialog
          onClose={() => setOpen(null)}
          onCreated={(id) => {
            setOpen(null);
            navigate({ view: "initiative", id });
          }}
        />
      ) : null}
      {open === "search" ? (
        <SearchDialog
          onClose={() => setOpen(null)}
          onPick={(id) => {
            setOpen(null);
            navigate({ view: "initiative", id });
          }}
        />
      ) : null}
    </div>
  );
}

function View({
  route,
  info,
  navigate,
}: {
  route: Route;
  info: WorkspaceInfo;
  navigate: (to: Route) => void;
}) {
  switch (route.view) {
    case "home":
      return <Home info={info} />;
    case "review":
      return <MondayReview info={info} />;
    case "roadmap":
      return <Roadmap month={route.month} navigate={navigate} />;
    case "quarterly":
      return <Quarterly quarter={route.quarter} navigate={navigate} />;
    case "board":
      return <Board />;
    case "people":
      return <People />;
    case "releases":
      return <Releases navigate={navigate} />;
    case "release":
      return <ReleasePage key={route.id} id={route.id} navigate={navigate} />;
    case "go-no-go":
      return <GoNoGo key={route.id} id={route.id} navigate={navigate} />;
    case "initiative":
      return <InitiativePage key={route.id} id={route.id} info={info} navigate={navigate} />;
  }
}
