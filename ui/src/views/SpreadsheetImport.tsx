import { useEffect, useState } from "react";
import { api, type DateOrder, type SpreadsheetPreview } from "../api";
import { Dialog } from "../components/Dialog";
import { useToast } from "../components/Toast";
import { plural } from "../lib/format";
import { useRefresh } from "../lib/query";
import "./SpreadsheetImport.css";

interface Props {
  onClose: () => void;
}

const ORDERS: { value: "" | DateOrder; label: string }[] = [
  { value: "", label: "As the file shows (ISO, or a day above 12)" },
  { value: "dmy", label: "Day first (14/03/2026)" },
  { value: "mdy", label: "Month first (03/14/2026)" },
];

/** Import from a spreadsheet: the app asks for a CSV file in the system's dialog, shows every
 *  row with its problems, then imports all rows or none. */
export function SpreadsheetImport({ onClose }: Props) {
  const [preview, setPreview] = useState<SpreadsheetPreview | null>(null);
  const [order, setOrder] = useState<"" | DateOrder>("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useRefresh();
  const toast = useToast();

  const run = async (work: () => Promise<SpreadsheetPreview | null>) => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    const chosen = await run(() => api.chooseSpreadsheet());
    if (chosen) {
      setOrder("");
      setPreview(chosen);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the dialog asks once, on opening
  useEffect(() => {
    void choose();
  }, []);

  const reread = async (next: "" | DateOrder) => {
    setOrder(next);
    const read = await run(() => api.previewSpreadsheet(next === "" ? null : next));
    if (read) setPreview(read);
  };

  const importAll = async () => {
    const done = await run(() => api.importSpreadsheet(order === "" ? null : order));
    if (!done) return;
    setPreview(done);
    if (done.sheet.written) {
      toast(`${plural(done.sheet.rows.length, "initiative")} imported`);
      refresh();
      onClose();
    }
  };

  const sheet = preview?.sheet;
  const refused = sheet ? sheet.rows.filter((r) => r.problems.length > 0).length : 0;
  return (
    <Dialog title="Import from a spreadsheet" onClose={onClose} wide>
      <div className="dialog-body sheet-import" id="sheet-import">
        {preview && sheet ? (
          <>
            <p className="sheet-file">
              <strong id="sheet-file-name">{preview.file_name}</strong>:{" "}
              {plural(sheet.rows.length, "row")}.{" "}
              {sheet.columns
                .filter((c) => c.field)
                .map((c) => `${c.header} → ${c.field}`)
                .join(", ")}
            </p>
            {sheet.unmatched.length > 0 ? (
              <p className="muted" id="sheet-unmatched">
                Not imported: {sheet.unmatched.join(", ")}
              </p>
            ) : null}
            <label className="field sheet-order">
              <span className="field-label">Dates that are not YYYY-MM-DD</span>
              <select
                id="sheet-date-order"
                value={order}
                disabled={busy}
                onChange={(e) => void reread(e.target.value as "" | DateOrder)}
              >
                {ORDERS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <table className="sheet-rows" id="sheet-rows">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Title</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Status</th>
                  <th scope="col">Target</th>
                  <th scope="col">Backup</th>
                  <th scope="col">Problems</th>
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((row) => (
                  <tr
                    key={row.line}
                    className={row.problems.length > 0 ? "sheet-row-refused" : undefined}
                  >
                    <td>{row.line}</td>
                    <td>{row.initiative.title}</td>
                    <td>{row.initiative.owner}</td>
                    <td>{row.initiative.status ?? "proposed"}</td>
                    <td>{row.initiative.target_date ?? ""}</td>
                    <td>{row.initiative.backup_date ?? ""}</td>
                    <td className="sheet-problems">
                      {row.problems.length === 0 ? (
                        <span className="muted">Ready</span>
                      ) : (
                        <ul>
                          {row.problems.map((p) => (
                            <li key={`${p.column}: ${p.message}`}>
                              <strong>{p.column}:</strong> {p.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className={refused > 0 ? "note note-bad" : "muted"} id="sheet-summary" role="status">
              {refused > 0
                ? `${refused} of ${plural(sheet.rows.length, "row")} ${
                    refused === 1 ? "is" : "are"
                  } refused: nothing is imported until the spreadsheet is corrected.`
                : `All ${plural(sheet.rows.length, "row")} can be imported.`}
            </p>
          </>
        ) : busy ? (
          <p className="muted">Choose a CSV file saved from your spreadsheet…</p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert" id="sheet-error">
            {error}
          </p>
        ) : null}
      </div>
      <footer className="dialog-footer">
        <button
          type="button"
          className="button button-quiet"
          id="sheet-choose-again"
          onClick={() => void choose()}
          disabled={busy}
        >
          Choose another file…
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          id="sheet-import-all"
          disabled={busy || !sheet || refused > 0}
          onClick={() => void importAll()}
        >
          {sheet ? `Import ${plural(sheet.rows.length, "initiative")}` : "Import"}
        </button>
      </footer>
    </Dialog>
  );
}
