// The one module that talks to the Rust side: the generated bindings and the Tauri plugins.
// Components import data, commands and types from here only.

import { getCurrentWindow } from "@tauri-apps/api/window";
import { disable, enable, isEnabled } from "@tauri-apps/plugin-autostart";
import { writeText } from "@tauri-apps/plugin-clipboard-manager";
import {
  type AppError_Serialize,
  type AppView,
  type BackupFile_Serialize,
  type BackupKind,
  type Baseline_Serialize,
  type Blocker_Serialize,
  type BlockerItem_Serialize,
  type Board_Serialize,
  type Candidate_Serialize,
  type Card_Serialize,
  type Change_Serialize,
  type CheckIn_Serialize,
  commands,
  type DateDanger_Serialize,
  type DateOrder,
  type Decision_Serialize,
  type DecisionItem_Serialize,
  type ErrorCode,
  type Format,
  type Health,
  type Initiative_Serialize,
  type InitiativeDetail_Serialize,
  type InitiativeFilter_Deserialize,
  type InitiativePatch_Deserialize,
  type KeptWeek,
  type Lane_Serialize,
  type NewCheckIn_Deserialize,
  type NewDecision_Deserialize,
  type NewInitiative_Deserialize,
  type NewRelease_Deserialize,
  type PainBucket,
  type PainTotal,
  type Person_Serialize,
  type PersonSummary_Serialize,
  type PlanSession_Serialize,
  type ProgressLine_Serialize,
  type QuarterlyView_Serialize,
  type Question,
  type Readiness_Serialize,
  type ReleaseEvent_Serialize,
  type Outcome as ReleaseOutcome,
  type ReleasePage_Serialize,
  type ReleaseRef,
  type ReleaseStatus,
  type ReleasesView_Serialize,
  type ReleaseView_Serialize,
  type RescueState_Serialize,
  type ReviewKind,
  type RiskLevel,
  type RoadmapView_Serialize,
  type Section,
  type SettingKey,
  type SettingValue,
  type Sheet_Serialize,
  type SheetQuestion_Serialize,
  type Slip_Serialize,
  type SpreadsheetPreview_Serialize,
  type Status,
  type StoredReview,
  type Track,
  type Update,
  type WeeklyView_Serialize,
  type WorkspaceCheck_Serialize,
  type WorkspaceInfo,
  type Zoom,
} from "./bindings";

export type {
  AppView,
  BackupFile_Serialize as BackupFile,
  BackupKind,
  Baseline_Serialize as Baseline,
  Blocker_Serialize as Blocker,
  BlockerItem_Serialize as BlockerItem,
  Board_Serialize as Board,
  Candidate_Serialize as Candidate,
  Card_Serialize as Card,
  Change_Serialize as Change,
  CheckIn_Serialize as CheckIn,
  DateDanger_Serialize as DateDanger,
  DateOrder,
  Decision_Serialize as Decision,
  DecisionItem_Serialize as DecisionItem,
  ErrorCode,
  Format,
  Health,
  Initiative_Serialize as Initiative,
  InitiativeDetail_Serialize as InitiativeDetail,
  InitiativePatch_Deserialize as InitiativePatch,
  KeptWeek,
  Lane_Serialize as Lane,
  NewCheckIn_Deserialize as NewCheckIn,
  NewDecision_Deserialize as NewDecision,
  NewInitiative_Deserialize as NewInitiative,
  NewRelease_Deserialize as NewRelease,
  PainBucket,
  PainTotal,
  Person_Serialize as Person,
  PersonSummary_Serialize as PersonSummary,
  PlanSession_Serialize as PlanSession,
  ProgressLine_Serialize as ProgressLine,
  QuarterlyView_Serialize as QuarterlyView,
  Question,
  Readiness_Serialize as Readiness,
  ReleaseEvent_Serialize as ReleaseEvent,
  ReleaseOutcome,
  ReleasePage_Serialize as ReleasePage,
  ReleaseRef,
  ReleaseStatus,
  ReleasesView_Serialize as ReleasesView,
  ReleaseView_Serialize as ReleaseView,
  RescueState_Serialize as RescueState,
  ReviewKind,
  RiskLevel,
  RoadmapView_Serialize as RoadmapView,
  Section,
  SettingKey,
  SettingValue,
  Sheet_Serialize as Sheet,
  SheetQuestion_Serialize as SheetQuestion,
  Slip_Serialize as Slip,
  SpreadsheetPreview_Serialize as SpreadsheetPreview,
  Status,
  StoredReview,
  Track,
  Update,
  WeeklyView_Serialize as WeeklyView,
  WorkspaceCheck_Serialize as WorkspaceCheck,
  WorkspaceInfo,
  Zoom,
};

/** A command's failure: what went wrong and, for bad input, which field it concerns. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(error: AppError_Serialize) {
    super(error.message);
    this.name = "ApiError";
    this.code = error.code;
    this.field = error.field;
  }
}

type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: AppError_Serialize };

/** Resolves with a command's value or rejects with an `ApiError`. */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const outcome = await call;
  if (outcome.status === "error") {
    // Typed as the command's error, but Tauri's refusal of the arguments arrives as text.
    const error: AppError_Serialize | string = outcome.error;
    throw apiError(error);
  }
  return outcome.data;
}

/** Tauri's own refusal of a command's arguments, before the command runs: "invalid args
 *  `checkin` for command `record_checkin`: health: 'fine' is not one of: …". */
const REFUSED_ARGS = /^invalid args `(\w+)` for command `\w+`: (?:(\w+): )?([\s\S]*)$/;

/** A command's failure as an `ApiError`. A command's own failure is an `AppError`; Tauri
 *  rejects arguments it cannot read with text instead, which becomes a refusal of the field
 *  the core's message names (else of the argument). */
export function apiError(error: AppError_Serialize | string): ApiError {
  if (typeof error !== "string") return new ApiError(error);
  const refused = REFUSED_ARGS.exec(error);
  if (refused === null) return new ApiError({ code: "internal", message: error, field: null });
  const [, argument, field, message] = refused;
  return new ApiError({
    code: "invalid",
    message: message ?? error,
    field: field ?? argument ?? null,
  });
}

/** Calls `onChange` each time the workspace file changes (the CLI, another window, the app's
 *  own commands); returns what stops it. */
export function followWorkspace(onChange: () => void): () => void {
  return follow(
    (after) => commands.workspaceChanges(after),
    (count) => count,
    () => onChange(),
  );
}

/** Calls `onShow` with the view the app is asked to show (a tray menu item, a clicked
 *  reminder); returns what stops it. */
export function followShowView(onShow: (view: AppView) => void): () => void {
  return follow(
    (after) => commands.viewToShow(after),
    (asked) => asked.count,
    (asked) => asked.view && onShow(asked.view),
  );
}

/** Follows what the shell tells the window (src-tauri/src/signals.rs): `wait` answers at once
 *  when given null, else once its count differs from the one given; `onNews` gets each answer
 *  after the first, until stopped. */
function follow<T>(
  wait: (after: number | null) => Promise<T>,
  count: (answer: T) => number,
  onNews: (answer: T) => void,
): () => void {
  let stopped = false;
  const listen = async () => {
    let seen = count(await wait(null));
    while (!stopped) {
      const answer = await wait(seen);
      if (stopped) return;
      seen = count(answer);
      onNews(answer);
    }
  };
  void listen();
  return () => {
    stopped = true;
  };
}

export const api = {
  /** Every documented setting of the workspace with its value. */
  settings: () => unwrap(commands.settings()),
  /** Sets a documented setting; refused with the setting's rule when the value breaks it. */
  setSetting: (key: SettingKey, value: string) => unwrap(commands.setSetting(key, value)),
  /** Whether Cadence starts when the person logs in. */
  startsAtLogin: () => isEnabled(),
  setStartAtLogin: (on: boolean) => (on ? enable() : disable()),

  workspace: () => unwrap(commands.workspaceInfo()),
  loadSample: () => unwrap(commands.loadSample()),
  people: () => unwrap(commands.people()),
  addPerson: (name: string, email: string | null, role: string | null) =>
    unwrap(commands.addPerson(name, email, role)),
  board: () => unwrap(commands.board()),
  initiatives: (filter: InitiativeFilter_Deserialize = {}) => unwrap(commands.initiatives(filter)),
  initiative: (id: number) => unwrap(commands.initiativeDetail(id)),
  addInitiative: (initiative: NewInitiative_Deserialize) =>
    unwrap(commands.addInitiative(initiative)),
  editInitiative: (id: number, patch: InitiativePatch_Deserialize, reason: string | null) =>
    unwrap(commands.editInitiative(id, patch, reason)),
  recordCheckin: (checkin: NewCheckIn_Deserialize) => unwrap(commands.recordCheckin(checkin)),
  addBlocker: (initiativeId: number, text: string, owner: string, since: string | null) =>
    unwrap(commands.addBlocker(initiativeId, text, owner, since)),
  resolveBlocker: (id: number) => unwrap(commands.resolveBlocker(id)),

  /** Has the app ask where to save a backup (offering `suggestedName`), then writes it
   * there; where it went, or null when the person cancelled. */
  saveBackup: (suggestedName: string) => unwrap(commands.saveBackup(suggestedName)),
  /** Whether the workspace file is sound; when damaged, why and the newest good backup. */
  workspaceCheck: () => unwrap(commands.workspaceCheck()),
  /** The automatic and saved backups beside the workspace, newest first. */
  backups: () => unwrap(commands.backups()),
  /** Puts the backup `file` (as listed) in place of the workspace, keeping the current one. */
  restoreBackup: (file: string) => unwrap(commands.restoreBackup(file)),

  copyText: (text: string) => writeText(text),

  /** Has the app ask which spreadsheet (CSV) to import, then reads it: every row with its
   * problems, nothing written; null when the person cancelled. */
  chooseSpreadsheet: () => unwrap(commands.chooseSpreadsheet()),
  /** The chosen spreadsheet read again with dates in `order` (as the file shows when null). */
  previewSpreadsheet: (order: DateOrder | null) => unwrap(commands.previewSpreadsheet(order)),
  /** Imports every row of the chosen spreadsheet, or none when one is refused. */
  importSpreadsheet: (order: DateOrder | null) => unwrap(commands.importSpreadsheet(order)),
  /** Copies every initiative as CSV for a spreadsheet (formula-like cells neutralised). */
  async copyInitiativesCsv(): Promise<void> {
    await writeText(await unwrap(commands.initiativesCsv({})));
  },

  /** The Roadmap view of `month` (`YYYY-MM`; this month when null) at `zoom`. */
  roadmap: (month: string | null, zoom: Zoom) => unwrap(commands.roadmap(month, zoom)),
  addDecision: (question: string, owner: string, neededBy: string, initiativeId: number | null) =>
    unwrap(commands.addDecision(question, owner, neededBy, initiativeId)),
  closeDecision: (id: number, outcome: string) => unwrap(commands.closeDecision(id, outcome)),
  linkDecision: (id: number, initiativeId: number | null) =>
    unwrap(commands.linkDecision(id, initiativeId)),

  /** The quarterly review of `quarter` (`YYYY-Qn`; this quarter when null). */
  quarterlyView: (quarter: string | null) => unwrap(commands.quarterlyView(quarter)),
  /** The planning session of `quarter` (the next quarter when null). */
  planSession: (quarter: string | null) => unwrap(commands.planSession(quarter)),
  commitPlan: (quarter: string, ids: number[], reason: string | null) =>
    unwrap(commands.commitPlan(quarter, ids, reason)),

  /** Every release with its status and readiness, the pain ranking and rescue mode. */
  releases: () => unwrap(commands.releases()),
  /** Release `id` with its go/no-go sheet and rehearsal trend. */
  release: (id: number) => unwrap(commands.release(id)),
  addRelease: (release: NewRelease_Deserialize) => unwrap(commands.addRelease(release)),
  /** Puts an initiative in a release's scope; after the freeze a reason is required. */
  includeInRelease: (id: number, initiative: number, reason: string | null, risky: boolean) =>
    unwrap(commands.includeInRelease(id, initiative, reason, risky)),
  cutFromRelease: (id: number, initiative: number, reason: string) =>
    unwrap(commands.cutFromRelease(id, initiative, reason)),
  freezeRelease: (id: number) => unwrap(commands.freezeRelease(id)),
  rehearseRelease: (
    id: number,
    minutes: number,
    on: string | null,
    by: string | null,
    note: string | null,
  ) => unwrap(commands.rehearseRelease(id, minutes, on, by, note)),
  /** Records the go/no-go call; a go over a "no" or an unanswered question needs a reason. */
  decideRelease: (id: number, call: NewDecision_Deserialize) =>
    unwrap(commands.decideRelease(id, call)),
  slipRelease: (id: number, target: string, backup: string, reason: string, cause: PainBucket) =>
    unwrap(commands.slipRelease(id, target, backup, reason, cause)),
  shipRelease: (id: number, at: string | null) => unwrap(commands.shipRelease(id, at)),
  rollbackRelease: (id: number, at: string, restored: string, reason: string) =>
    unwrap(commands.rollbackRelease(id, at, restored, reason)),
  releaseIncident: (id: number, at: string, restored: string, note: string, hotfix: boolean) =>
    unwrap(commands.releaseIncident(id, at, restored, note, hotfix)),
  releaseNearMiss: (id: number, at: string, note: string) =>
    unwrap(commands.releaseNearMiss(id, at, note)),
  releasePain: (id: number, cause: PainBucket, hours: number, note: string) =>
    unwrap(commands.releasePain(id, cause, hours, note)),
  cancelRelease: (id: number, reason: string) => unwrap(commands.cancelRelease(id, reason)),

  /** Switches the window in or out of full screen; whether it is full screen afterwards. */
  async toggleFullscreen(): Promise<boolean> {
    const window = getCurrentWindow();
    const full = !(await window.isFullscreen());
    await window.setFullscreen(full);
    return full;
  },

  /** Opens the system's print dialog for what the window shows. */
  print: () => unwrap(commands.printWindow()),

  /** The weekly review of `week` (`YYYY-Www`; this week when null) and its update. */
  weeklyView: (week: string | null) => unwrap(commands.weeklyView(week)),
  weeklyUpdatePreview: (week: string | null) => unwrap(commands.weeklyUpdatePreview(week)),
  keptWeeks: () => unwrap(commands.keptWeeks()),
  sentWeekly: (week: string, format: Format) => unwrap(commands.sentWeekly(week, format)),

  /** Copies a review's update as rich text with a plain-text alternative, then keeps both as
   *  sent (only once the copy succeeded). `period` is the review's week, month or quarter
   *  (the current one when null); `zoom`, the monthly page's timeline (the quarter when null). */
  copyUpdate: (kind: ReviewKind, period: string | null, zoom: Zoom | null) =>
    unwrap(commands.copyUpdate(kind, period, zoom)),

  /** Has the app ask where to save a review's update in `format` (offering `suggestedName`
   * and the format's extension), then writes and keeps it; where it went, or null when the
   * person cancelled. */
  saveUpdate: (
    kind: ReviewKind,
    period: string | null,
    format: Exclude<Format, "json">,
    zoom: Zoom | null,
    suggestedName: string,
  ) => unwrap(commands.saveUpdate(kind, period, format, zoom, suggestedName)),
};
