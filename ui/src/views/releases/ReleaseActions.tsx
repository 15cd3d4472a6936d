import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, type PainBucket, type ReleaseView } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { FormFooter } from "../../components/FormFooter";
import { PersonInput } from "../../components/Inputs";
import { useToast } from "../../components/Toast";
import { chosenOption, fieldError, formError, orNull } from "../../lib/form";
import { reads, useRefresh } from "../../lib/query";
import { useSubmit } from "../../lib/submit";
import { BUCKETS, bucketLabel } from "./releaseText";

/** What can be recorded on a release from its page. */
export type ActionKind =
  | "include"
  | "cut"
  | "rehearse"
  | "slip"
  | "ship"
  | "rollback"
  | "incident"
  | "pain"
  | "cancel";

type Input =
  | "text"
  | "long"
  | "date"
  | "time"
  | "person"
  | "number"
  | "bucket"
  | "in-scope"
  | "not-in-scope"
  | "check";

interface Input_ {
  /** The field as the core names it in a refusal. */
  field: string;
  label: string;
  input: Input;
  hint?: string;
}

interface Action {
  title: string;
  button: string;
  done: string;
  inputs: Input_[];
  send: (id: number, v: Record<string, string>) => Promise<unknown>;
}

const TIME_HINT = "YYYY-MM-DD HH:MM, local time.";

/** A whole number typed in `field`, or the refusal the core would give. */
function wholeNumber(field: string, text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) {
    throw new ApiError({ code: "invalid", message: "must be a whole number", field });
  }
  return Number(text.trim());
}

/** The initiative chosen in `field`, or a refusal naming it when none is. */
function chosen(field: string, text: string): number {
  if (text === "") {
    throw new ApiError({ code: "invalid", message: "choose an initiative", field });
  }
  return Number(text);
}

/** The pain bucket chosen as the cause, or a refusal naming the field when none is. */
function cause(v: Record<string, string>): PainBucket {
  return chosenOption("cause", BUCKETS, v.cause ?? "", "choose a cause");
}

const ACTIONS: Record<ActionKind, Action> = {
  include: {
    title: "Add to the scope",
    button: "Add to scope",
    done: "Added to the scope",
    inputs: [
      { field: "initiative", label: "Initiative", input: "not-in-scope" },
      {
        field: "reason",
        label: "Why now",
        input: "text",
        hint: "Required once the scope is frozen: it is a late addition.",
      },
      {
        field: "risky",
        label: "Touches billing, permissions, migrations or several services",
        input: "check",
      },
    ],
    send: (id, v) =>
      api.includeInRelease(
        id,
        chosen("initiative", v.initiative ?? ""),
        orNull(v.reason ?? ""),
        v.risky === "on",
      ),
  },
  cut: {
    title: "Cut from the scope",
    button: "Cut",
    done: "Cut from the scope",
    inputs: [
      { field: "initiative", label: "Initiative", input: "in-scope" },
      { field: "reason", label: "Why it is cut", input: "text" },
    ],
    send: (id, v) =>
      api.cutFromRelease(id, chosen("initiative", v.initiative ?? ""), v.reason ?? ""),
  },
  rehearse: {
    title: "Log a rollback rehearsal",
    button: "Log rehearsal",
    done: "Rehearsal logged",
    inputs: [
      {
        field: "minutes",
        label: "Minutes to the stable version",
        input: "number",
        hint: "From “roll back” to users on the stable version.",
      },
      { field: "on", label: "Day", input: "date", hint: "Today when empty." },
      { field: "by", label: "Who ran it", input: "person" },
      { field: "note", label: "Note", input: "text" },
    ],
    send: (id, v) =>
      api.rehearseRelease(
        id,
        wholeNumber("minutes", v.minutes ?? ""),
        orNull(v.on ?? ""),
        orNull(v.by ?? ""),
        orNull(v.note ?? ""),
      ),
  },
  slip: {
    title: "Move the dates",
    button: "Move dates",
    done: "Dates moved",
    inputs: [
      { field: "target", label: "New target", input: "date" },
      { field: "backup", label: "New backup", input: "date" },
      { field: "reason", label: "Why", input: "text" },
      { field: "cause", label: "Cause", input: "bucket" },
    ],
    send: (id, v) => api.slipRelease(id, v.target ?? "", v.backup ?? "", v.reason ?? "", cause(v)),
  },
  ship: {
    title: "Record that it shipped",
    button: "Record shipped",
    done: "Shipped",
    inputs: [{ field: "at", label: "When", input: "time", hint: "Now when empty." }],
    send: (id, v) => api.shipRelease(id, orNull(v.at ?? "")),
  },
  rollback: {
    title: "Record a rollback",
    button: "Record rollback",
    done: "Rollback recorded",
    inputs: [
      { field: "at", label: "Rollback called", input: "time", hint: TIME_HINT },
      { field: "restored", label: "Users back on stable", input: "time", hint: TIME_HINT },
      { field: "reason", label: "Why", input: "text" },
    ],
    send: (id, v) => api.rollbackRelease(id, v.at ?? "", v.restored ?? "", v.reason ?? ""),
  },
  incident: {
    title: "Record an incident after release",
    button: "Record incident",
    done: "Incident recorded",
    inputs: [
      { field: "at", label: "Started", input: "time", hint: TIME_HINT },
      { field: "restored", label: "Restored", input: "time", hint: TIME_HINT },
      { field: "note", label: "What happened", input: "text" },
      { field: "hotfix", label: "Fixed by a hotfix", input: "check" },
    ],
    send: (id, v) =>
      api.releaseIncident(id, v.at ?? "", v.restored ?? "", v.note ?? "", v.hotfix === "on"),
  },
  pain: {
    title: "Record release pain",
    button: "Record pain",
    done: "Pain recorded",
    inputs: [
      { field: "cause", label: "What slowed it down", input: "bucket" },
      { field: "hours", label: "Hours lost", input: "number" },
      { field: "note", label: "Note", input: "text" },
    ],
    send: (id, v) =>
      api.releasePain(id, cause(v), wholeNumber("hours", v.hours ?? ""), v.note ?? ""),
  },
  cancel: {
    title: "Cancel the release",
    button: "Cancel release",
    done: "Release cancelled",
    inputs: [
      {
        field: "reason",
        label: "Why",
        input: "text",
        hint: "A cancelled release counts as missed.",
      },
    ],
    send: (id, v) => api.cancelRelease(id, v.reason ?? ""),
  },
};

/** The form of one action on `release`; the core's refusals show next to the fields. */
export function ReleaseAction({
  kind,
  release,
  onClose,
}: {
  kind: ActionKind;
  release: ReleaseView;
  onClose: () => void;
}) {
  const action = ACTIONS[kind];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(action.inputs.map((i) => [i.field, ""])),
  );
  const refresh = useRefresh();
  const toast = useToast();
  const { busy, error, submit } = useSubmit(async () => {
    await action.send(release.id, values);
    toast(action.done);
    refresh();
    onClose();
  });
  const set = (field: string, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const general = formError(
    error,
    action.inputs.map((i) => i.field),
  );
  return (
    <form className="subform release-action" onSubmit={submit} noValidate id={`release-${kind}`}>
      <h3 className="subform-title">{action.title}</h3>
      {action.inputs.map((i, n) => (
        <ActionInput
          key={i.field}
          kind={kind}
          input={i}
          release={release}
          value={values[i.field] ?? ""}
          onChange={(v) => set(i.field, v)}
          error={fieldError(error, i.field)}
          first={n === 0}
        />
      ))}
      <FormFooter
        error={general}
        busy={busy}
        submitLabel={action.button}
        submitId={`release-${kind}-save`}
        onCancel={onClose}
      />
    </form>
  );
}

function ActionInput({
  kind,
  input: i,
  release,
  value,
  onChange,
  error,
  first,
}: {
  kind: ActionKind;
  input: Input_;
  release: ReleaseView;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  first: boolean;
}) {
  const id = `release-${kind}-${i.field}`;
  if (i.input === "check") {
    return (
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={value === "on"}
          onChange={(e) => onChange(e.target.checked ? "on" : "")}
        />
        <span>{i.label}</span>
      </label>
    );
  }
  return (
    <Field id={id} label={i.label} hint={i.hint} error={error}>
      {(c) => {
        const props = {
          ...c,
          value,
          autoFocus: first,
          onChange: (e: { target: { value: string } }) => onChange(e.target.value),
        };
        switch (i.input) {
          case "date":
            return <DateInput {...props} />;
          case "person":
            return <PersonInput {...props} />;
          case "time":
            return <input {...props} className="input" placeholder="2027-03-19 16:30" />;
          case "number":
            return <input {...props} className="input input-number" inputMode="numeric" />;
          case "bucket":
            return (
              <select {...props} className="input">
                <option value="">Choose a cause…</option>
                {BUCKETS.map((b) => (
                  <option key={b} value={b}>
                    {bucketLabel(b)}
                  </option>
                ))}
              </select>
            );
          case "in-scope":
          case "not-in-scope":
            return (
              <InitiativeSelect {...props} release={release} inScope={i.input === "in-scope"} />
            );
          default:
            return <input {...props} className="input" />;
        }
      }}
    </Field>
  );
}

/** The initiatives a release ships (to cut), or those it does not (to add). */
function InitiativeSelect({
  release,
  inScope,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & { release: ReleaseView; inScope: boolean }) {
  const initiatives = useQuery(reads.initiatives());
  const shipping = new Set(
    release.scope.filter((s) => s.cut_at === null).map((s) => s.initiative_id),
  );
  const choices = inScope
    ? release.titles
        .filter((t) => shipping.has(t.initiative_id))
        .map((t) => ({ id: t.initiative_id, title: t.title }))
    : (initiatives.data ?? [])
        .filter((i) => !shipping.has(i.id) && i.status !== "dropped")
        .map((i) => ({ id: i.id, title: i.title }));
  return (
    <select {...props} className="input">
      <option value="">Choose an initiative…</option>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.title}
        </option>
      ))}
    </select>
  );
}
