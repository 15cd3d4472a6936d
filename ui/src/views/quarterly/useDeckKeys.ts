import { useEffect } from "react";
import { isTyping } from "../../lib/keys";

/** The deck's keys: → and Page Down to the next part, ← and Page Up to the one before, Home
 *  and End to the first and the last, f for full screen. Keys typed into a field, with a
 *  modifier, or while a dialog is open are left alone. */
export function useDeckKeys({
  last,
  setIndex,
  onFullscreen,
}: {
  /** The index of the last part. */
  last: number;
  setIndex: (to: (index: number) => number) => void;
  onFullscreen: () => void;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (e.key === "ArrowRight" || e.key === "PageDown") {
        e.preventDefault();
        setIndex((i) => Math.min(last, i + 1));
      } else if (e.key === "ArrowLeft" || e.key === "PageUp") {
        e.preventDefault();
        setIndex((i) => Math.max(0, i - 1));
      } else if (e.key === "Home") {
        setIndex(() => 0);
      } else if (e.key === "End") {
        setIndex(() => last);
      } else if (e.key === "f") {
        e.preventDefault();
        onFullscreen();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
}
