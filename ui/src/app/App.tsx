import { QueryClientProvider, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { api, followWorkspace, type WorkspaceCheck } from "../api";
import { Loading } from "../components/States";
import { ToastProvider } from "../components/Toast";
import { newQueryClient, reads, useRefresh } from "../lib/query";
import { Welcome } from "../views/Welcome";
import { DamagedWorkspace } from "./DamagedWorkspace";
import { RestartContext } from "./restart";
import { Shell } from "./Shell";
import { WorkspaceProblem } from "./WorkspaceProblem";

/** The app: the data cache and toasts for every view, then the welcome or the workspace. */
export function App() {
  const [client] = useState(newQueryClient);
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <Restartable />
      </ToastProvider>
    </QueryClientProvider>
  );
}

/** The workspace's screens, started again (with nothing of the old cache) after a restore. */
function Restartable() {
  const client = useQueryClient();
  const refresh = useRefresh();
  const [generation, setGeneration] = useState(0);
  const restart = useCallback(() => {
    client.clear();
    setGeneration((g) => g + 1);
  }, [client]);

  // Coming back to the window reads the workspace again, and so does any change written to
  // the workspace file (the CLI, another window): it shows without a key press.
  useEffect(() => {
    window.addEventListener("focus", refresh);
    const stop = followWorkspace(refresh);
    return () => {
      window.removeEventListener("focus", refresh);
      stop();
    };
  }, [refresh]);

  return (
    <RestartContext.Provider value={restart}>
      <Workspace key={generation} />
    </RestartContext.Provider>
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
  const info = useQuery(reads.workspace());
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
