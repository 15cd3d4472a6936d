import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type BackupFile } from "../api";
import { Dialog } from "../components/Dialog";
import { ErrorNote, Loading } from "../components/States";
import { reads } from "../lib/query";
import { backupContents, backupKind, backupTaken } from "./backupText";
import { useRestart } from "./restart";

/** "Restore from a backup…": the backups beside the workspace, newest first; the chosen one
 *  replaces the workspace after a confirmation (the current one is kept), then the
 *  workspace's screens start again on it. */
export function RestoreDialog({ onClose }: { onClose: () => void }) {
  const listed = useQuery(reads.backups());
  const [chosen, setChosen] = useState<BackupFile | null>(null);
  return (
    <Dialog title="Restore from a backup" onClose={onClose} wide>
      <div className="dialog-body">
        {listed.error ? <ErrorNote error={listed.error} /> : null}
        {listed.data === undefined && !listed.error ? <Loading /> : null}
        {chosen ? (
          <ConfirmRestore backup={chosen} onBack={() => setChosen(null)} />
        ) : listed.data?.length === 0 ? (
          <p className="muted">
            No backups yet. Cadence takes one each day the workspace is used, in the backups folder
            beside the workspace file.
          </p>
        ) : (
          <ul className="items" id="backup-list">
            {(listed.data ?? []).map((b) => (
              <li key={b.file} className="item backup-item">
                <span className="item-text">{backupTaken(b)}</span>
                <span className="item-meta">
                  {backupKind(b)} · {backupContents(b)}
                </span>
                <button
                  type="button"
                  className="link-button"
                  disabled={b.counts === null}
                  data-file={b.file}
                  onClick={() => setChosen(b)}
                >
                  Restore this backup…
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}

/** The last step: what will happen, then the restore itself and a fresh start. */
export function ConfirmRestore({ backup, onBack }: { backup: BackupFile; onBack?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restart = useRestart();
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.restoreBackup(backup.file);
      restart();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <div className="restore-confirm" id="restore-confirm">
      <p>
        Replace the workspace with the backup of <strong>{backupTaken(backup)}</strong> (
        {backupContents(backup)})? What the workspace holds now is kept as a copy in the backups
        folder first.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        {onBack ? (
          <button type="button" className="button button-quiet" onClick={onBack}>
            Back
          </button>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          id="restore-confirm-button"
          onClick={restore}
        >
          {busy ? "Restoring…" : "Restore"}
        </button>
      </div>
    </div>
  );
}
