import type { ReactNode } from "react";
import { formError } from "../lib/form";
import { useRefresh } from "../lib/query";
import { useSubmit } from "../lib/submit";
import { Dialog } from "./Dialog";
import { useToast } from "./Toast";

interface Props<T extends { id: number }> {
  title: string;
  /** The form's id (the end-to-end tests find it by it). */
  formId: string;
  submitLabel: string;
  /** The fields the core may name in a refusal; any other refusal shows under them. */
  fields: readonly string[];
  /** Sends the new record to the core. */
  add: () => Promise<T>;
  /** What the toast says once it is added. */
  added: (created: T) => string;
  onClose: () => void;
  onCreated: (id: number) => void;
  /** The fields, given the last refusal so each can show its own beside it. */
  children: (error: unknown) => ReactNode;
}

/** A dialog that adds one record: its fields, the refusal no field can show, then Esc,
 *  Cancel and the submit button. Once added it says so, refreshes the views and hands the
 *  new id on. */
export function AddDialog<T extends { id: number }>({
  title,
  formId,
  submitLabel,
  fields,
  add,
  added,
  onClose,
  onCreated,
  children,
}: Props<T>) {
  const refresh = useRefresh();
  const toast = useToast();
  const { busy, error, submit } = useSubmit(async () => {
    const created = await add();
    toast(added(created));
    refresh();
    onCreated(created.id);
  });
  const general = formError(error, fields);
  return (
    <Dialog title={title} onClose={onClose} wide>
      <form className="dialog-form" onSubmit={submit} noValidate id={formId}>
        <div className="dialog-body">
          {children(error)}
          {general ? (
            <p className="form-error" role="alert">
              {general}
            </p>
          ) : null}
        </div>
        <footer className="dialog-footer">
          <span className="muted">
            Press <kbd>Esc</kbd> to close
          </span>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
