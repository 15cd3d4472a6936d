import type { WorkspaceCheck } from "../api";
import { Logo } from "../components/Logo";
import { backupContents, backupTaken } from "./backupText";
import { ConfirmRestore } from "./RestoreDialog";

/** The workspace file is damaged: say so and why, and offer the newest good backup. */
export function DamagedWorkspace({ check }: { check: WorkspaceCheck }) {
  const good = check.latest_good;
  return (
    <div className="splash">
      <div className="problem" role="alert" id="workspace-damaged">
        <Logo size={40} />
        <h1>This workspace is damaged</h1>
        <p className="problem-message">{check.problem}</p>
        {good ? (
          <>
            <p>
              The latest good backup is from {backupTaken(good)}: {backupContents(good)}.
            </p>
            <ConfirmRestore backup={good} />
          </>
        ) : (
          <p className="muted">
            No good backup was found beside it. Move this file aside and start Cadence again, or
            choose another file with CADENCE_DB.
          </p>
        )}
      </div>
    </div>
  );
}
