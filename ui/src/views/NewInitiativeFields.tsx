import type { NewInitiative, Status, Track } from "../api";
import { DateInput } from "../components/DateInput";
import { Field } from "../components/Field";
import { ChoiceSelect, PersonInput } from "../components/Inputs";
import { fieldError, orNull } from "../lib/form";
import { RISK_LEVELS, riskLabel, TRACKS, trackLabel } from "../lib/format";

/** What the new-initiative form holds, as typed. */
export interface NewDraft {
  title: string;
  owner: string;
  track: Track;
  status: Status;
  outcome: string;
  measure: string;
  start_date: string;
  target_date: string;
  backup_date: string;
  risk: string;
  risk_level: string;
  mitigation: string;
}

export const NEW_FIELDS = [
  "title",
  "owner",
  "track",
  "status",
  "outcome",
  "measure",
  "start_date",
  "target_date",
  "backup_date",
  "risk",
  "risk_level",
  "mitigation",
  "priority",
];

export function emptyDraft(owner = ""): NewDraft {
  return {
    title: "",
    owner,
    track: "customer",
    status: "proposed",
    outcome: "",
    measure: "",
    start_date: "",
    target_date: "",
    backup_date: "",
    risk: "",
    risk_level: "",
    mitigation: "",
  };
}

export function toNewInitiative(d: NewDraft): NewInitiative {
  return {
    title: d.title,
    owner: d.owner,
    track: d.track,
    status: d.status,
    outcome: orNull(d.outcome),
    measure: orNull(d.measure),
    start_date: orNull(d.start_date),
    target_date: orNull(d.target_date),
    backup_date: orNull(d.backup_date),
    risk: orNull(d.risk),
    risk_level: orNull(d.risk_level),
    mitigation: orNull(d.mitigation),
  };
}

interface Props {
  draft: NewDraft;
  onChange: (draft: NewDraft) => void;
  error: unknown;
}

/** The fields of a new initiative, each showing the core's message about it. */
export function NewInitiativeFields({ draft, onChange, error }: Props) {
  const set =
    <K extends keyof NewDraft>(key: K) =>
    (value: NewDraft[K]) =>
      onChange({ ...draft, [key]: value });
  const text = (key: keyof NewDraft) => ({
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      set(key)(e.target.value as never),
  });
  const active = draft.status === "active";

  return (
    <div className="form-grid">
      <Field id="new-title" label="Title" error={fieldError(error, "title")} className="span-2">
        {(c) => <input {...c} className="input" {...text("title")} autoFocus />}
      </Field>
      <Field
        id="new-owner"
        label="Owner"
        hint="One named person, accountable alone."
        error={fieldError(error, "owner")}
      >
        {(c) => <PersonInput {...c} {...text("owner")} />}
      </Field>
      <Field id="new-track" label="Track" error={fieldError(error, "track")}>
        {(c) => <ChoiceSelect {...c} {...text("track")} options={TRACKS} label={trackLabel} />}
      </Field>
      <Field
        id="new-status"
        label="Status"
        hint={active ? "Active work needs dates and a named risk." : "Proposed until it starts."}
        error={fieldError(error, "status")}
      >
        {(c) => (
          <select
            {...c}
            className="input"
            value={draft.status}
            onChange={(e) => set("status")(e.target.value as Status)}
          >
            <option value="proposed">Proposed</option>
            <option value="active">Active</option>
          </select>
        )}
      </Field>
      <Field id="new-start" label="Start date" error={fieldError(error, "start_date")}>
        {(c) => <DateInput {...c} {...text("start_date")} />}
      </Field>
      <Field id="new-target" label="Target date" error={fieldError(error, "target_date")}>
        {(c) => <DateInput {...c} {...text("target_date")} />}
      </Field>
      <Field
        id="new-backup"
        label="Backup date"
        hint="The latest date you would still call a success."
        error={fieldError(error, "backup_date")}
      >
        {(c) => <DateInput {...c} {...text("backup_date")} />}
      </Field>
      <Field
        id="new-risk"
        label="Main risk"
        hint="One plain sentence."
        error={fieldError(error, "risk")}
        className="span-2"
      >
        {(c) => <input {...c} className="input" {...text("risk")} />}
      </Field>
      <Field id="new-risk-level" label="Risk level" error={fieldError(error, "risk_level")}>
        {(c) => (
          <ChoiceSelect
            {...c}
            {...text("risk_level")}
            options={RISK_LEVELS}
            label={riskLabel}
            unset="Not set"
          />
        )}
      </Field>
      <Field
        id="new-mitigation"
        label="Mitigation"
        error={fieldError(error, "mitigation")}
        className="span-3"
      >
        {(c) => <input {...c} className="input" {...text("mitigation")} />}
      </Field>
      <Field
        id="new-outcome"
        label="Business outcome"
        hint="Why this matters to the company."
        error={fieldError(error, "outcome")}
        className="span-3"
      >
        {(c) => <textarea {...c} className="input" rows={2} {...text("outcome")} />}
      </Field>
      <Field
        id="new-measure"
        label="Measure of success"
        error={fieldError(error, "measure")}
        className="span-3"
      >
        {(c) => <input {...c} className="input" {...text("measure")} />}
      </Field>
    </div>
  );
}
