import { act, cleanup, render, screen } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WHOLE_UP_TO, WindowedList } from "./WindowedList";

afterEach(cleanup);

// jsdom lays nothing out: the scrolling pane and each line are given their heights, as a
// window would.
const sizes = { clientHeight: { MAIN: 400 }, offsetHeight: { LI: 40 } } as const;
const laidOut = Object.keys(sizes).map(
  (name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const,
);
beforeAll(() => {
  for (const [name, heights] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return (heights as Record<string, number>)[this.tagName] ?? 0;
      },
    });
  }
});
afterAll(() => {
  for (const [name, descriptor] of laidOut) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
});

const lines = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Line ${i + 1}` }));

function List({ count }: { count: number }) {
  return (
    <main style={{ overflowY: "auto", height: 400 }}>
      <WindowedList
        as="ul"
        id="list"
        items={lines(count)}
        itemKey={(l) => l.id}
        estimate={40}
        itemProps={(l) => ({ className: "line", "data-line": l.id })}
        render={(l) => l.name}
      />
    </main>
  );
}

describe("a windowed list", () => {
  it("renders a short list whole, as a plain list", () => {
    render(<List count={WHOLE_UP_TO} />);
    const items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(WHOLE_UP_TO);
    expect(items[0]?.getAttribute("aria-setsize")).toBeNull();
    expect(items[0]?.className).toBe("line");
    expect(items[0]?.getAttribute("data-line")).toBe("1");
  });

  it("renders only the lines near the view of a long list, each with its place in the whole", () => {
    render(<List count={1000} />);
    const items = screen.getAllByRole("listitem");
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(50);
    expect(items[0]?.textContent).toBe("Line 1");
    expect(items[0]?.getAttribute("aria-posinset")).toBe("1");
    expect(items[1]?.getAttribute("aria-posinset")).toBe("2");
    for (const item of items) expect(item.getAttribute("aria-setsize")).toBe("1000");
    expect(items[0]?.className).toBe("line");
    expect(document.getElementById("list")?.style.height).toBe(`${1000 * 40}px`);
  });

  it("renders a long list whole while the page is printed", () => {
    render(<List count={1000} />);
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(screen.getAllByRole("listitem")).toHaveLength(1000);
    act(() => {
      window.dispatchEvent(new Event("afterprint"));
    });
    expect(screen.getAllByRole("listitem").length).toBeLessThan(50);
  });
});
