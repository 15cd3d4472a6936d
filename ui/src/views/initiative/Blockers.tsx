import { useState } from "react";
import { api, type Blocker } from "../../api";
import { useToast } from "../../components/Toast";
import { formError } from "../../lib/form";
import { formatDate } from "../../lib/format";
import { useRefresh } from "../../lib/query";
import { BlockerForm } from "../BlockerForm";

interface Props {
  initiativeId: number;
  blockers: Blocker[];
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}

/** What blocks the initiative and who removes it; open ones first. */
export function Blockers({ initiativeId, blockers, open, onOpen, onClose }: Props) {
  const refresh = useRefresh();
  const toast = useToast();
  const [error, setError] = useState<unknown>(null);
  const openOnes = blockers.filter((b) => b.resolved_on === null);
  const resolved = blockers.filter((b) => b.resolved_on !== null);

  const resolve = async (b: Blocker) => {
    try {
      await api.resolveBlocker(b.id);
      toast("Blocker resolved");
      refresh();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="panel" aria-labelledby="blockers-title">
      <header className="panel-header">
        <h2 className="panel-title" id="blockers-title">
          Blockers
        </h2>
        {open ? null : (
          <button type="button" className="link-button" onClick={onOpen}>
            Add blocker
          </button>
        )}
      </header>
      {open ? <BlockerForm initiativeId={initiativeId} onClose={onClose} /> : null}
      {error ? (
        <p className="form-error" role="alert">
          {formError(error, [])}
        </p>
      ) : null}
      {blockers.length === 0 ? (
        <p className="muted">Nothing blocks this initiative.</p>
      ) : (
        <ul className="items" id="blockers">
          {[...openOnes, ...resolved].map((b) => (
            <li key={b.id} className={`item blocker${b.resolved_on ? " item-resolved" : ""}`}>
              <p className="item-text">{b.text}</p>
              <p className="item-meta">
                <strong>{b.owner}</strong> removes it · since {formatDate(b.since)}
                {b.resolved_on ? ` · resolved ${formatDate(b.resolved_on)}` : null}
              </p>
              {b.resolved_on ? null : (
                <button type="button" className="link-button" onClick={() => resolve(b)}>
                  Mark resolved
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
