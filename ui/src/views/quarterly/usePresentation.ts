import { useEffect } from "react";
import { api } from "../../api";
import { useToast } from "../../components/Toast";

/** The deck on the shared screen: full screen, which also hides the sidebar (the body's
 *  `presenting` class), and Print; a failure of either shows as a toast. Leaving the deck
 *  leaves the presentation layout too. */
export function usePresentation(): { fullscreen: () => Promise<void>; print: () => Promise<void> } {
  const toast = useToast();
  const report = (e: unknown) => toast(e instanceof Error ? e.message : String(e));

  useEffect(() => () => document.body.classList.remove("presenting"), []);

  const fullscreen = async () => {
    try {
      const full = await api.toggleFullscreen();
      document.body.classList.toggle("presenting", full);
    } catch (e) {
      report(e);
    }
  };

  const print = async () => {
    try {
      await api.print();
    } catch (e) {
      report(e);
    }
  };

  return { fullscreen, print };
}
