import { useState } from "react";
import { api, type WorkspaceInfo } from "../api";
import { Logo } from "../components/Logo";
import { useToast } from "../components/Toast";
import { formatLongDate, formatWeek } from "../lib/format";
import { useRefresh } from "../lib/query";
import type { Route } from "../lib/route";
import { AboutDialog } from "./AboutDialog";
import { RestoreDialog } from "./RestoreDialog";
import { SettingsDialog } from "./SettingsDialog";

const VIEWS = [
  { view: "home", label: "This week", href: "#/", keys: "g h" },
  { view: "review", label: "Monday review", href: "#/review", keys: "g w" },
  { view: "roadmap", label: "Roadmap", href: "#/roadmap", keys: "g m" },
  { view: "quarterly", label: "Quarterly review", href: "#/quarterly", keys: "g q" },
  { view: "board", label: "Board", href: "#/board", keys: "g b" },
  { view: "releases", label: "Releases", href: "#/releases", keys: "g r" },
  { view: "people", label: "People", href: "#/people", keys: "g p" },
] as const;

interface Props {
  info: WorkspaceInfo;
  route: Route;
  onNew: () => void;
  onSearch: () => void;
}

/** Navigation, the two everyday actions, and the workspace file with what can be done to it. */
export function Sidebar({ info, route, onNew, onSearch }: Props) {
  const refresh = useRefresh();
  const toast = useToast();
  const fileName = info.path.split(/[\\/]/).pop() ?? info.path;
  const [restoring, setRestoring] = useState(false);
  const [about, setAbout] = useState(false);
  const [setting, setSetting] = useState(false);

  const backup = async () => {
    try {
      const saved = await api.saveBackup(`cadence-backup-${info.today}.db`);
      if (saved) toast("Backup saved");
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e));
    }
  };

  const copyPath = async () => {
    await api.copyText(info.path);
    toast("Workspace path copied");
  };

  return (
    <aside className="sidebar">
      <div className="brand">
        <Logo size={22} />
        <span className="brand-name">Cadence</span>
      </div>

      <button type="button" className="search-trigger" onClick={onSearch}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path
            d="M10.5 10.5L14 14"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
        <span>Search</span>
        <kbd>/</kbd>
      </button>

      <nav aria-label="Views">
        <ul className="nav">
          {VIEWS.map((v) => {
            const current =
              route.view === v.view ||
              (v.view === "board" && route.view === "initiative") ||
              (v.view === "releases" && (route.view === "release" || route.view === "go-no-go"));
            return (
              <li key={v.view}>
                <a
                  className="nav-link"
                  href={v.href}
                  aria-current={current ? "page" : undefined}
                  id={`nav-${v.view}`}
                >
                  <span>{v.label}</span>
                  <kbd>{v.keys}</kbd>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>

      <button type="button" className="button button-primary new-button" onClick={onNew}>
        New initiative <kbd>n</kbd>
      </button>

      <div className="sidebar-footer">
        <p className="today">
          {formatLongDate(info.today)}
          <span className="muted"> · {formatWeek(info.week)}</span>
        </p>
        <p className="workspace-file" title={info.path}>
          {fileName}
        </p>
        <div className="sidebar-actions">
          <button type="button" className="link-button" onClick={refresh} title="Refresh (r)">
            Refresh
          </button>
          <button type="button" className="link-button" onClick={copyPath}>
            Copy path
          </button>
          <button type="button" className="link-button" id="sidebar-save-backup" onClick={backup}>
            Save a backup…
          </button>
          <button
            type="button"
            className="link-button"
            id="restore-open"
            onClick={() => setRestoring(true)}
          >
            Restore from a backup…
          </button>
          <button
            type="button"
            className="link-button"
            id="about-open"
            onClick={() => setAbout(true)}
          >
            About Cadence
          </button>
          <button
            type="button"
            className="link-button"
            id="settings-open"
            onClick={() => setSetting(true)}
          >
            Reminders and tray…
          </button>
        </div>
      </div>
      {restoring ? <RestoreDialog onClose={() => setRestoring(false)} /> : null}
      {about ? <AboutDialog info={info} onClose={() => setAbout(false)} /> : null}
      {setting ? <SettingsDialog onClose={() => setSetting(false)} /> : null}
    </aside>
  );
}
