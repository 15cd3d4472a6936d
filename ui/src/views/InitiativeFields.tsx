import type { ReactNode } from "react";
import type { Status } from "../api";
import { DateInput } from "../components/DateInput";
import { type ControlProps, Field } from "../components/Field";
import { ChoiceSelect, PersonInput } from "../components/Inputs";
import { type DraftField, fieldError } from "../lib/form";
import { RISK_LEVELS, riskLabel, STATUSES, statusLabel, TRACKS, trackLabel } from "../lib/format";
import { BUCKETS, bucketLabel } from "./releases/releaseText";

/** Which form shows the fields: a new initiative's, or the editor of one. */
export type FieldsForm = "new" | "edit";

type Control =
  | "text"
  | "long-text"
  | "person"
  | "track"
  | "status"
  | "priority"
  | "date"
  | "level"
  | "pain";

/** One field of an initiative as both forms show it. */
export interface InitiativeFieldSpec {
  field: DraftField;
  /** The input's id after the form's prefix (`new-target`, `edit-target`). */
  id: string;
  label: string;
  hint?: string;
  /** How many of the grid's three columns it takes. */
  span?: 2 | 3;
  control: Control;
  /** Only the editor shows it: the core ranks a new initiative last and it has no result yet. */
  editOnly?: true;
}

/** The fields of an initiative, in the order both forms show them. */
export const INITIATIVE_FIELDS: readonly InitiativeFieldSpec[] = [
  { field: "title", id: "title", label: "Title", span: 2, control: "text" },
  {
    field: "owner",
    id: "owner",
    label: "Owner",
    hint: "One named person, accountable alone.",
    control: "person",
  },
  { field: "track", id: "track", label: "Track", control: "track" },
  { field: "status", id: "status", label: "Status", control: "status" },
  {
    field: "priority",
    id: "priority",
    label: "Priority",
    hint: "1 comes first.",
    control: "priority",
    editOnly: true,
  },
  { field: "start_date", id: "start", label: "Start date", control: "date" },
  { field: "target_date", id: "target", label: "Target date", control: "date" },
  {
    field: "backup_date",
    id: "backup",
    label: "Backup date",
    hint: "The latest date you would still call a success.",
    control: "date",
  },
  {
    field: "risk",
    id: "risk",
    label: "Main risk",
    hint: "One plain sentence.",
    span: 2,
    control: "text",
  },
  { field: "risk_level", id: "risk-level", label: "Risk level", control: "level" },
  { field: "mitigation", id: "mitigation", label: "Mitigation", span: 2, control: "text" },
  {
    field: "addresses",
    id: "addresses",
    label: "Release pain it addresses",
    hint: "Release fixes only: the bucket it takes hours out of.",
    control: "pain",
  },
  {
    field: "outcome",
    id: "outcome",
    label: "Business outcome",
    hint: "Why this matters to the company.",
    span: 3,
    control: "long-text",
  },
  { field: "measure", id: "measure", label: "Measure of success", span: 3, control: "text" },
  {
    field: "result",
    id: "result",
    label: "Result",
    hint: "The measured result, once done.",
    span: 3,
    control: "text",
    editOnly: true,
  },
];

/** The fields `form` shows. */
export function fieldsOf(form: FieldsForm): readonly InitiativeFieldSpec[] {
  return INITIATIVE_FIELDS.filter((f) => form === "edit" || !f.editOnly);
}

/** The names of the fields `form` shows: an error about any other is the form's own. */
export function fieldNamesOf(form: FieldsForm): DraftField[] {
  return fieldsOf(form).map((f) => f.field);
}

/** A new initiative starts proposed or active; the editor moves it to any status. */
const NEW_STATUSES: readonly Status[] = ["proposed", "active"];

interface Props {
  form: FieldsForm;
  /** The text of each field the form shows. */
  values: Readonly<Partial<Record<DraftField, string>>>;
  onChange: (field: DraftField, text: string) => void;
  /** What the last submission failed with: a message about a field shows under it. */
  error: unknown;
  /** Inputs of the form's own after the initiative's, in the same grid. */
  children?: ReactNode;
}

/** The fields of an initiative, each showing the core's message about it. */
export function InitiativeFields({ form, values, onChange, error, children }: Props) {
  const text = (field: DraftField) => ({
    value: values[field] ?? "",
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      onChange(field, e.target.value),
  });
  const hint = (spec: InitiativeFieldSpec) => {
    if (form === "new" && spec.field === "status") {
      return values.status === "active"
        ? "Active work needs dates and a named risk."
        : "Proposed until it starts.";
    }
    return spec.hint;
  };
  const control = (spec: InitiativeFieldSpec, c: ControlProps) => {
    switch (spec.control) {
      case "text":
        return (
          <input
            {...c}
            className="input"
            {...text(spec.field)}
            autoFocus={spec.field === "title"}
          />
        );
      case "long-text":
        return <textarea {...c} className="input" rows={2} {...text(spec.field)} />;
      case "person":
        return <PersonInput {...c} {...text(spec.field)} />;
      case "track":
        return <ChoiceSelect {...c} {...text(spec.field)} options={TRACKS} label={trackLabel} />;
      case "status":
        return (
          <ChoiceSelect
            {...c}
            {...text(spec.field)}
            options={form === "new" ? NEW_STATUSES : STATUSES}
            label={statusLabel}
          />
        );
      case "priority":
        return <input {...c} className="input" inputMode="numeric" {...text(spec.field)} />;
      case "date":
        return <DateInput {...c} {...text(spec.field)} />;
      case "level":
        return (
          <ChoiceSelect
            {...c}
            {...text(spec.field)}
            options={RISK_LEVELS}
            label={riskLabel}
            unset="Not set"
          />
        );
      case "pain":
        return (
          <ChoiceSelect
            {...c}
            {...text(spec.field)}
            options={BUCKETS}
            label={bucketLabel}
            unset="None named"
          />
        );
    }
  };
  return (
    <div className="form-grid">
      {fieldsOf(form).map((spec) => (
        <Field
          key={spec.field}
          id={`${form}-${spec.id}`}
          label={spec.label}
          hint={hint(spec)}
          error={fieldError(error, spec.field)}
          className={spec.span ? `span-${spec.span}` : undefined}
        >
          {(c) => control(spec, c)}
        </Field>
      ))}
      {children}
    </div>
  );
}
