import { describe, expect, it } from "vitest";

/** Every style sheet of the UI, as text, by path. */
const sheets = import.meta.glob<string>("../**/*.css", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The shadows a `box-shadow` value lists: commas inside a function do not separate them. */
function shadows(value: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      found.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  found.push(value.slice(start).trim());
  return found;
}

/** A shadow's blur radius in pixels: its third length, 0 when it has two. */
function blur(shadow: string): number {
  const lengths = shadow
    .replace(/[a-z-]+\([^()]*(\([^()]*\)[^()]*)*\)/gi, " ")
    .split(/\s+/)
    .filter((word) => /^-?(\d+\.?\d*|\.\d+)(px|rem|em)?$/.test(word));
  return lengths.length >= 3 ? Number.parseFloat(lengths[2] as string) : 0;
}

describe("shadows", () => {
  it("reads a shadow's blur radius", () => {
    expect(blur("0 1px 2px rgb(16 24 40 / 6%)")).toBe(2);
    expect(blur("0 16px 40px rgb(0 0 0 / 55%)")).toBe(40);
    expect(blur("inset 3px 0 0 var(--bad)")).toBe(0);
    expect(blur("0 1px rgb(16 24 40 / 6%)")).toBe(0);
    expect(shadows("0 1px 0 rgb(0 0 0 / 40%), 0 2px 0 #000")).toEqual([
      "0 1px 0 rgb(0 0 0 / 40%)",
      "0 2px 0 #000",
    ]);
  });

  // WebKitGTK painting on the CPU (a machine without a GPU) blurs a shadow over its box's
  // whole area on every repaint: blurred card and panel shadows cost the board and the home
  // view most of their paint. Only overlays (dialogs, toasts), painted while open, blur.
  it("blur only on overlays", () => {
    const blurred: string[] = [];
    for (const [path, css] of Object.entries(sheets)) {
      for (const [, property, value] of css.matchAll(
        /(box-shadow|--shadow[\w-]*)\s*:\s*([^;}]+)/g,
      )) {
        if (property === "--shadow-lg") continue;
        for (const shadow of shadows(value as string)) {
          if (blur(shadow) > 0) blurred.push(`${path}: ${property}: ${shadow}`);
        }
      }
    }
    expect(blurred).toEqual([]);
  });
});
