// Forms over the core: drafts as text, patches of what changed, and errors placed by field.

import { ApiError, type Initiative, type InitiativePatch } from "../api";
import { BUCKETS } from "../views/releases/releaseText";
import { RISK_LEVELS, STATUSES, TRACKS } from "./format";

/** Every editable field of an initiative, as the text in its input. */
export interface InitiativeDraft {
  title: string;
  owner: string;
  track: string;
  status: string;
  priority: string;
  outcome: string;
  measure: string;
  result: string;
  start_date: string;
  target_date: string;
  backup_date: string;
  risk: string;
  risk_level: string;
  mitigation: string;
  /** The release pain a release fix addresses (a bucket's word), or empty. */
  addresses: string;
}

export type DraftField = keyof InitiativeDraft;

export const DRAFT_FIELDS: readonly DraftField[] = [
  "title",
  "owner",
  "track",
  "status",
  "priority",
  "outcome",
  "measure",
  "result",
  "start_date",
  "target_date",
  "backup_date",
  "risk",
  "risk_level",
  "mitigation",
  "addresses",
];

export function draftOf(i: Initiative): InitiativeDraft {
  return {
    title: i.title,
    owner: i.owner,
    track: i.track,
    status: i.status,
    priority: String(i.priority),
    outcome: i.outcome ?? "",
    measure: i.measure ?? "",
    result: i.result ?? "",
    start_date: i.start_date ?? "",
    target_date: i.target_date ?? "",
    backup_date: i.backup_date ?? "",
    risk: i.risk ?? "",
    risk_level: i.risk_level ?? "",
    mitigation: i.mitigation ?? "",
    addresses: i.addresses ?? "",
  };
}

/** The patch that turns `before` into `draft`: only the fields whose text changed. An emptied
 *  optional text or date is sent as an empty text, an emptied risk level or pain as null:
 *  either clears it. */
export function patchFrom(before: Initiative, draft: InitiativeDraft): InitiativePatch {
  const original = draftOf(before);
  const patch: InitiativePatch = {};
  for (const field of DRAFT_FIELDS) {
    const value = draft[field];
    if (value.trim() === original[field].trim()) continue;
    if (field === "priority") {
      patch.priority = Number(value.trim());
    } else if (field === "track") {
      patch.track = choice(TRACKS, value);
    } else if (field === "status") {
      patch.status = choice(STATUSES, value);
    } else if (field === "risk_level") {
      patch.risk_level = choice(RISK_LEVELS, value) ?? null;
    } else if (field === "addresses") {
      patch.addresses = choice(BUCKETS, value) ?? null;
    } else {
      patch[field] = value;
    }
  }
  return patch;
}

/** The option of `options` that `value` (a select's text) names; undefined for none. */
export function choice<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((o) => o === value);
}

/** The option of `options` chosen in `field`, or a refusal naming the field (`message`) when
 *  none is: what the core takes is one of them, so nothing else is sent. */
export function chosenOption<T extends string>(
  field: string,
  options: readonly T[],
  value: string,
  message: string,
): T {
  const option = choice(options, value);
  if (option === undefined) throw new ApiError({ code: "invalid", message, field });
  return option;
}

/** Whether a patch moves the target or backup date (the history asks for a reason). */
export function movesDates(patch: InitiativePatch): boolean {
  return patch.target_date !== undefined || patch.backup_date !== undefined;
}

/** A priority that is not a whole number is refused before anything is sent. */
export function priorityError(text: string): ApiError | null {
  return /^\s*\d+\s*$/.test(text)
    ? null
    : new ApiError({ code: "invalid", message: "must be a whole number", field: "priority" });
}

/** The message of `error` when it concerns `field`. */
export function fieldError(error: unknown, field: string): string | null {
  return error instanceof ApiError && error.field === field ? error.message : null;
}

/** The message of `error` when no input among `fields` can show it. */
export function formError(error: unknown, fields: readonly string[]): string | null {
  if (error === null || error === undefined) return null;
  if (error instanceof ApiError) {
    if (error.field !== null && fields.includes(error.field)) return null;
    return error.field ? `${error.field.replace(/_/g, " ")}: ${error.message}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** An empty text becomes null, for optional values. */
export function orNull(text: string): string | null {
  return text.trim() === "" ? null : text;
}
