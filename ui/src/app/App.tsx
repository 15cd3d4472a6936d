import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../api";
import { Loading } from "../components/States";
import { ToastProvider } from "../components/Toast";
import { RefreshContext, useLoad } from "../lib/load";
import { Welcome } from "../views/Welcome";
import { Shell } from "./Shell";
import { WorkspaceProblem } from "./WorkspaceProblem";

/** The app: refresh and toasts for every view, then the welcome or the workspace itself. */
export function App() {
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const context = useMemo(() => ({ revision, refresh }), [revision, refresh]);

  // Coming back to the window reads the workspace again: the CLI may have changed it.
  useEffect(() => {
    window.addEventListener("focus", refresh);
    return () => window.removeEventListener("focus", refresh);
  }, [refresh]);

  return (
    <RefreshContext.Provider value={context}>
      <ToastProvider>
        <Workspace />
      </ToastProvider>
    </RefreshContext.Provider>
  );
}

function Workspace() {
  const info = useLoad(api.workspace, "workspace");
  // Once shown, the welcome stays until its flow ends, even after its first step adds a person.
  const [welcoming, setWelcoming] = useState(false);
  const empty = info.data?.empty ?? false;
  useEffect(() => {
    if (empty) setWelcoming(true);
  }, [empty]);

  if (info.data === undefined) {
    return info.error ? (
      <WorkspaceProblem error={info.error} />
    ) : (
      <div className="splash">
        <Loading label="Opening your workspace" />
      </div>
    );
  }
  if (welcoming || empty) {
    return (
      <Welcome
        info={info.data}
        onDone={(hash) => {
          window.location.hash = hash;
          setWelcoming(false);
        }}
      />
    );
  }
  return <Shell info={info.data} />;
}
