import { describe, expect, it } from "vitest";
import { type Entries, type Pane, ScrollMemory } from "./scrollMemory";

/** A history of entries with states, moved through as Back and Forward do. */
class History implements Entries {
  states: unknown[] = [null];
  at = 0;
  get state(): unknown {
    return this.states[this.at];
  }
  replaceState(state: unknown): void {
    this.states[this.at] = state;
  }
  push(): void {
    this.states = [...this.states.slice(0, this.at + 1), null];
    this.at += 1;
  }
  go(n: number): void {
    this.at += n;
  }
}

function setUp() {
  const pane: Pane = { scrollTop: 0 };
  const history = new History();
  const memory = new ScrollMemory(() => pane, history);
  memory.arrive();
  /** Moves through the history as a navigation does, scrolling the new page as kept. */
  const navigate = (move: () => void) => {
    move();
    memory.leave();
    memory.arrive();
  };
  return { pane, history, navigate };
}

describe("scroll memory", () => {
  it("opens a page reached anew at its top", () => {
    const { pane, history, navigate } = setUp();
    pane.scrollTop = 900;
    navigate(() => history.push());
    expect(pane.scrollTop).toBe(0);
  });

  it("puts a page reached by Back or Forward where it was left", () => {
    const { pane, history, navigate } = setUp();
    pane.scrollTop = 900;
    navigate(() => history.push());
    pane.scrollTop = 250;
    navigate(() => history.go(-1));
    expect(pane.scrollTop).toBe(900);
    navigate(() => history.go(1));
    expect(pane.scrollTop).toBe(250);
  });

  it("keeps what else an entry's state holds", () => {
    const history = new History();
    history.states = [{ from: "tray" }];
    new ScrollMemory(() => ({ scrollTop: 0 }), history).arrive();
    expect(history.state).toMatchObject({ from: "tray", scrollKey: expect.any(Number) });
  });

  it("opens at the top a page whose key an earlier session gave", () => {
    const { pane, history, navigate } = setUp();
    history.states.push({ scrollKey: 1 });
    pane.scrollTop = 400;
    navigate(() => history.go(1));
    expect(pane.scrollTop).toBe(0);
  });
});
