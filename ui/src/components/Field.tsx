import type { ReactNode } from "react";

/** What a control needs to be tied to its label and its message. */
export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

interface Props {
  id: string;
  label: string;
  /** The core's message about this input, shown right under it. */
  error?: string | null;
  hint?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled input with its hint, or the error the core gave for it. */
export function Field({ id, label, error, hint, className, children }: Props) {
  const note = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div
      className={`field${className ? ` ${className}` : ""}`}
      data-invalid={error ? true : undefined}
    >
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": note })}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
