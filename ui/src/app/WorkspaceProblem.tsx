import { ApiError } from "../api";
import { Logo } from "../components/Logo";

/** The workspace file could not be opened: say why, and what to do. */
export function WorkspaceProblem({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const isFile = error instanceof ApiError && error.code === "workspace";
  return (
    <div className="splash">
      <div className="problem" role="alert">
        <Logo size={40} />
        <h1>Cadence cannot open this workspace</h1>
        <p className="problem-message">{message}</p>
        <p className="muted">
          {isFile
            ? "Choose another file with CADENCE_DB, or move this one aside, and start Cadence again."
            : "Start Cadence again; if this keeps happening, check the file with `cadence check`."}
        </p>
      </div>
    </div>
  );
}
