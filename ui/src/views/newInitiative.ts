// A new initiative as typed in its form, and what is sent to the core.

import type { NewInitiative, Status, Track } from "../api";
import { choice, orNull } from "../lib/form";
import { RISK_LEVELS } from "../lib/format";
import { BUCKETS } from "./releases/releaseText";

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
  addresses: string;
}

/** The form of a new initiative before anything is typed, owned by `owner` if given. */
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
    addresses: "",
  };
}

/** What the core is asked to add: an empty optional text or choice is left unset. */
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
    risk_level: choice(RISK_LEVELS, d.risk_level) ?? null,
    mitigation: orNull(d.mitigation),
    addresses: choice(BUCKETS, d.addresses) ?? null,
  };
}
