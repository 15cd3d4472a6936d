// A form's submission: one at a time, with its failure kept for the fields to show.

import { useState } from "react";

export interface Submission {
  /** True while the action runs. */
  busy: boolean;
  /** What the last attempt failed with, for `fieldError` and `formError`. */
  error: unknown;
  setError: (error: unknown) => void;
  /** The form's `onSubmit`: runs the action unless it is already running. */
  submit: (e?: React.FormEvent) => Promise<void>;
}

/** Wraps `action` as a form submission. */
export function useSubmit(action: () => Promise<void>): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
