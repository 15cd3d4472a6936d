import { describe, expect, it } from "vitest";
import { CHORD_MS, isTyping, readKey } from "./keys";

const idle = { pendingGoAt: null };

describe("readKey", () => {
  it("maps single keys to their shortcuts", () => {
    expect(readKey(idle, "n", 0).shortcut).toEqual({ kind: "new-initiative" });
    expect(readKey(idle, "/", 0).shortcut).toEqual({ kind: "search" });
    expect(readKey(idle, "x", 0).shortcut).toBeNull();
  });

  it("switches views with g followed by a letter", () => {
    const afterG = readKey(idle, "g", 1000);
    expect(afterG.shortcut).toBeNull();
    expect(readKey(afterG.state, "b", 1500).shortcut).toEqual({ kind: "go", view: "board" });
    expect(readKey(afterG.state, "h", 1500).shortcut).toEqual({ kind: "go", view: "home" });
    expect(readKey(afterG.state, "w", 1500).shortcut).toEqual({ kind: "go", view: "review" });
    expect(readKey(afterG.state, "m", 1500).shortcut).toEqual({ kind: "go", view: "roadmap" });
    expect(readKey(afterG.state, "q", 1500).shortcut).toEqual({ kind: "go", view: "quarterly" });
    expect(readKey(afterG.state, "r", 1500).shortcut).toEqual({ kind: "go", view: "releases" });
  });

  it("forgets a g pressed too long ago", () => {
    const afterG = readKey(idle, "g", 1000);
    expect(readKey(afterG.state, "n", 1000 + CHORD_MS + 1).shortcut).toEqual({
      kind: "new-initiative",
    });
  });
});

describe("isTyping", () => {
  it("leaves keys to inputs and editable text", () => {
    expect(isTyping(document.createElement("input"))).toBe(true);
    expect(isTyping(document.createElement("textarea"))).toBe(true);
    expect(isTyping(document.createElement("button"))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
