// Where each page of the window's history was scrolled to, as a browser keeps it: a page
// reached anew opens at its top, one reached by Back or Forward where it was left.

/** The scrolling pane: only its position is read and set. */
export interface Pane {
  scrollTop: number;
}

/** The window's history: each entry's state carries the key its position is kept under. */
export interface Entries {
  readonly state: unknown;
  replaceState(state: unknown, unused: string): void;
}

/** Positions by history entry. Call `leave` when the shown entry changes, before the next
 *  view renders (the pane still holds the last view), and `arrive` once it has rendered. */
export class ScrollMemory {
  private readonly positions = new Map<number, number>();
  private shown: number | null = null;
  // Keys outlive a reload in the history's states; starting from the clock keeps a new
  // session's keys apart from them.
  private next = Date.now();

  constructor(
    private readonly pane: () => Pane | null,
    private readonly entries: Entries,
  ) {}

  /** Keeps where the page being left was scrolled to. */
  leave(): void {
    const pane = this.pane();
    if (pane && this.shown !== null) this.positions.set(this.shown, pane.scrollTop);
  }

  /** Scrolls the page now shown to where it was left, or to its top if it is new. */
  arrive(): void {
    const key = this.entryKey();
    this.shown = key;
    const pane = this.pane();
    if (pane) pane.scrollTop = this.positions.get(key) ?? 0;
  }

  /** The current entry's key, given to it on its first visit. */
  private entryKey(): number {
    const state = this.entries.state;
    const kept = isKeyed(state) ? state.scrollKey : null;
    if (kept !== null) return kept;
    const key = this.next++;
    const others = typeof state === "object" && state !== null ? state : {};
    this.entries.replaceState({ ...others, scrollKey: key }, "");
    return key;
  }
}

function isKeyed(state: unknown): state is { scrollKey: number } {
  return (
    typeof state === "object" &&
    state !== null &&
    typeof (state as { scrollKey?: unknown }).scrollKey === "number"
  );
}
