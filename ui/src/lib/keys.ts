// The app's keyboard shortcuts: `n` new initiative, `/` search, `r` refresh, and `g` followed
// by `h`, `w`, `m`, `q`, `b`, `p` or `r` to switch views.

export type Shortcut =
  | { kind: "new-initiative" }
  | { kind: "search" }
  | { kind: "refresh" }
  | { kind: "go"; view: GoView };

type GoView = "home" | "review" | "roadmap" | "quarterly" | "board" | "people" | "releases";

/** How long after `g` the second key still counts, in milliseconds. */
export const CHORD_MS = 1500;

/** The state between two key presses: when `g` was pressed, if it is still pending. */
export interface KeyState {
  pendingGoAt: number | null;
}

const GO: Record<string, GoView> = {
  h: "home",
  w: "review",
  m: "roadmap",
  q: "quarterly",
  b: "board",
  p: "people",
  r: "releases",
};

/** Reads one key press (no modifier held) and returns the next state and any shortcut. */
export function readKey(
  state: KeyState,
  key: string,
  now: number,
): { state: KeyState; shortcut: Shortcut | null } {
  const idle: KeyState = { pendingGoAt: null };
  if (state.pendingGoAt !== null && now - state.pendingGoAt <= CHORD_MS) {
    const view = GO[key];
    return { state: idle, shortcut: view ? { kind: "go", view } : null };
  }
  switch (key) {
    case "g":
      return { state: { pendingGoAt: now }, shortcut: null };
    case "n":
      return { state: idle, shortcut: { kind: "new-initiative" } };
    case "/":
      return { state: idle, shortcut: { kind: "search" } };
    case "r":
      return { state: idle, shortcut: { kind: "refresh" } };
    default:
      return { state: idle, shortcut: null };
  }
}

/** Whether a key press belongs to what the person is typing rather than to the shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return (
    tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable === true
  );
}
