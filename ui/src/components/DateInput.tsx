import type { InputHTMLAttributes } from "react";

/** A date typed as YYYY-MM-DD, the form the core reads and names in its messages. */
export function DateInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      {...props}
      className="input input-date"
      type="text"
      inputMode="numeric"
      placeholder="YYYY-MM-DD"
      maxLength={10}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
