import type { ReactNode } from "react";
import { ApiError } from "../api";

/** Shown while a view's data is read for the first time. */
export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </div>
  );
}

/** A failure to read or write, in words. */
export function ErrorNote({ error }: { error: unknown }) {
  const message =
    error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <div className="note note-bad" role="alert">
      {message}
    </div>
  );
}

/** Nothing to show, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  );
}
