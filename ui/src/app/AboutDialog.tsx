import type { WorkspaceInfo } from "../api";
import { Dialog } from "../components/Dialog";

/** "About Cadence": this build's version, the workspace schema it reads and writes, and the
 *  workspace file it is on. */
export function AboutDialog({ info, onClose }: { info: WorkspaceInfo; onClose: () => void }) {
  return (
    <Dialog title="About Cadence" onClose={onClose}>
      <div className="dialog-body" id="about">
        <dl className="about-facts">
          <dt>Version</dt>
          <dd id="about-version">{info.version}</dd>
          <dt>Workspace schema</dt>
          <dd id="about-schema">version {info.schema_version}</dd>
          <dt>Workspace file</dt>
          <dd className="about-path">{info.path}</dd>
        </dl>
        <p className="muted">
          The <code>cadence</code> command works on the same file, at the same time;{" "}
          <code>cadence --version</code> says the same.
        </p>
      </div>
    </Dialog>
  );
}
