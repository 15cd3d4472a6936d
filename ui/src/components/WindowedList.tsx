import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import {
  type FocusEvent,
  type HTMLAttributes,
  type Key,
  type ReactNode,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { usePrinting } from "../lib/printing";
import "./WindowedList.css";

/** Lists of up to this many items render whole; longer ones render the items in and near
 *  view (a thousand board cards take the better part of a second to build). */
export const WHOLE_UP_TO = 40;

/** Items rendered beyond each edge of the view, so that the next one is there to tab to.
 *  Each line more costs every navigation to a long list: at 1,000 initiatives the board
 *  painted 5–10 ms sooner with two than with six (`make measure`, medians of five runs of
 *  each, alternating). */
const OVERSCAN = 2;

/** The attributes a line of the list carries besides those that place it (class, data-). */
type ItemAttributes = HTMLAttributes<HTMLLIElement> & { [data: `data-${string}`]: unknown };

interface Props<T> {
  /** An ordered (`ol`) or plain (`ul`) list. */
  as: "ol" | "ul";
  items: readonly T[];
  itemKey: (item: T) => Key;
  /** A line's height in pixels before it is measured. */
  estimate: number;
  /** A line's content. */
  render: (item: T) => ReactNode;
  /** A line's own attributes. */
  itemProps?: (item: T) => ItemAttributes;
  id?: string;
  className?: string;
}

/** A list whose lines render only while they are in or near the view of the page's scrolling
 *  pane once the list is long; printed whole. It stays a list to assistive technology: each
 *  rendered line says its place in the whole (aria-posinset of aria-setsize), and the line
 *  holding the focus stays rendered while it scrolls out of view. */
export function WindowedList<T>(props: Props<T>) {
  const printing = usePrinting();
  if (props.items.length <= WHOLE_UP_TO || printing) {
    const { as: List, items, itemKey, render, itemProps, id, className } = props;
    return (
      <List id={id} className={className}>
        {items.map((item) => (
          <li key={itemKey(item)} {...itemProps?.(item)}>
            {render(item)}
          </li>
        ))}
      </List>
    );
  }
  return <Windowed {...props} />;
}

/** Where a list sits in its scrolling pane. */
interface Frame {
  scroller: HTMLElement | null;
  /** The list's top below the top of the pane's content, in pixels. */
  margin: number;
  /** The space between two lines (the list's row gap), in pixels. */
  gap: number;
}

function Windowed<T>({
  as: List,
  items,
  itemKey,
  estimate,
  render,
  itemProps,
  id,
  className,
}: Props<T>) {
  const list = useRef<HTMLOListElement & HTMLUListElement>(null);
  const [frame, setFrame] = useState<Frame>({ scroller: null, margin: 0, gap: 0 });
  const focused = useRef<number | null>(null);
  // The lines' positions are worked out again whenever the key function changes: it changes
  // with the items only, however the caller writes it.
  const keyOf = useRef(itemKey);
  keyOf.current = itemKey;
  const getItemKey = useCallback((index: number) => keyOf.current(items[index] as T), [items]);

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const scroller = scrollingPane(element);
    const place = () => {
      const margin =
        element.getBoundingClientRect().top -
        scroller.getBoundingClientRect().top +
        scroller.scrollTop;
      const gap = Number.parseFloat(getComputedStyle(element).rowGap) || 0;
      setFrame((f) =>
        f.scroller === scroller && f.margin === margin && f.gap === gap
          ? f
          : { scroller, margin, gap },
      );
    };
    place();
    // What sits above the list can change height (a note appears, a line wraps): the pane's
    // content then changes height too.
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(place);
    for (const child of scroller.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  const keepFocused = useCallback((range: Range) => {
    const shown = defaultRangeExtractor(range);
    const f = focused.current;
    if (f === null || f >= range.count || shown.includes(f)) return shown;
    return [...shown, f].sort((a, b) => a - b);
  }, []);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => frame.scroller,
    estimateSize: () => estimate,
    getItemKey,
    overscan: OVERSCAN,
    scrollMargin: frame.margin,
    gap: frame.gap,
    rangeExtractor: keepFocused,
  });

  const onFocus = (e: FocusEvent) => {
    const line = (e.target as Element).closest("[data-index]");
    focused.current = line ? Number(line.getAttribute("data-index")) : null;
  };
  const onBlur = (e: FocusEvent) => {
    if (!list.current?.contains(e.relatedTarget as Node | null)) focused.current = null;
  };

  return (
    <List
      ref={list}
      id={id}
      className={className ? `${className} windowed` : "windowed"}
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {virtualizer.getVirtualItems().map((line) => {
        const item = items[line.index] as T;
        return (
          <li
            key={line.key}
            {...itemProps?.(item)}
            ref={virtualizer.measureElement}
            data-index={line.index}
            aria-setsize={items.length}
            aria-posinset={line.index + 1}
            style={{ top: line.start - virtualizer.options.scrollMargin }}
          >
            {render(item)}
          </li>
        );
      })}
    </List>
  );
}

/** The nearest ancestor that scrolls vertically, else the document's. */
function scrollingPane(element: HTMLElement): HTMLElement {
  for (let e = element.parentElement; e; e = e.parentElement) {
    const overflow = getComputedStyle(e).overflowY;
    if (overflow === "auto" || overflow === "scroll") return e;
  }
  return document.scrollingElement as HTMLElement;
}
