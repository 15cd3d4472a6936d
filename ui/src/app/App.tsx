import { useCallback, useEffect, useMemo, useState } from "react";
import { api, type WorkspaceCheck } from "../api";
import { Loading } from "../components/States";
import { ToastProvider } from "../components/Toast";
import { RefreshContext, useLoad } from "../lib/load";
import { Welcome } from "../views/Welcome";
import { DamagedWorkspace } from "./DamagedWorkspace";
import { RestartContext } from "./restart";
import { Shell } from "./Shell";
import { WorkspaceProblem } from "./WorkspaceProblem";

/** The app: refresh and toasts for every view, then the welcome or the workspace itself. */
export function App() {
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const context = useMemo(() => ({ revision, refresh }), [revision, refresh]);
  // A restore starts the workspace's screens again, its startup check included.
  const [generation, setGeneration] = useState(0);
  const restart = useCallback(() => setGeneration((g) => g + 1), []);

  // Coming back to the window reads the workspace again: the CLI may have changed it.
  useEffect(() => {
    window.addEventListener("focus", refresh);
    return () => window.removeEventListener("focus", refresh);
  }, [refresh]);

  return (
    <RefreshContext.Provider value={context}>
      <ToastProvider>
        <RestartContext.Provider value={restart}>
          <Workspace key={generation} />
        </RestartContext.Provider>
      </ToastProvider>
    </RefreshContext.Provider>
  );
}

/** Checks the workspace file once, when the app starts; a check that cannot run shows no
 *  damage (opening the file then reports what is wrong). */
function useStartupCheck(): WorkspaceCheck | undefined {
  const [check, setCheck] = useState<WorkspaceCheck>();
  useEffect(() => {
    api.workspaceCheck().then(setCheck, () => setCheck({ problem: null, latest_good: null }));
  }, []);
  return check;
}

function Workspace() {
  const check = useStartupCheck();
  const info = useLoad(api.workspace, "workspace");
  // Once shown, the welcome stays until its flow ends, even after its first step adds a person.
  const [welcoming, setWelcoming] = useState(false);
  const empty = info.data?.empty ?? false;
  useEffect(() => {
    if (empty) setWelcoming(true);
  }, [empty]);

  if (check?.problem) return <DamagedWorkspace check={check} />;
  if (check === undefined || info.data === undefined) {
    return info.error && check ? (
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
