import { useQuery } from "@tanstack/react-query";
import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { reads } from "../lib/query";

/** A person's name, typed or picked from the people of the workspace. */
export function PersonInput(props: InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  const people = useQuery(reads.people());
  const list = `${props.id}-people`;
  return (
    <>
      <input {...props} className="input" list={list} autoComplete="off" />
      <datalist id={list}>
        {people.data?.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
    </>
  );
}

interface ChoiceProps<T extends string> extends SelectHTMLAttributes<HTMLSelectElement> {
  options: readonly T[];
  label: (option: T) => string;
  /** The label of an empty first option, when the value may be left unset. */
  unset?: string;
}

/** A choice among the values of one of the core's word lists, shown by their labels. */
export function ChoiceSelect<T extends string>({
  options,
  label,
  unset,
  ...props
}: ChoiceProps<T>) {
  return (
    <select {...props} className="input">
      {unset === undefined ? null : <option value="">{unset}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}
