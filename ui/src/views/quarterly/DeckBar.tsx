import type { QuarterlyView } from "../../api";

/** The deck's top bar: the quarter and its convention, the quarters before and after, full
 *  screen and Print. */
export function DeckBar({
  view,
  onQuarter,
  onFullscreen,
  onPrint,
}: {
  view: QuarterlyView;
  onQuarter: (n: number) => void;
  onFullscreen: () => void;
  onPrint: () => void;
}) {
  return (
    <header className="deck-bar">
      <div className="deck-title">
        <span className="deck-quarter">{view.update.title}</span>
        <span className="muted">{view.review.convention}</span>
      </div>
      <div className="toolbar">
        <nav className="button-group" aria-label="Quarters">
          <button
            type="button"
            className="button"
            onClick={() => onQuarter(-1)}
            aria-label="Previous quarter"
          >
            ‹
          </button>
          <button
            type="button"
            className="button"
            onClick={() => onQuarter(1)}
            aria-label="Next quarter"
          >
            ›
          </button>
        </nav>
        <button type="button" className="button" onClick={onFullscreen} id="deck-fullscreen">
          Full screen <kbd>f</kbd>
        </button>
        <button type="button" className="button" onClick={onPrint} id="deck-print">
          Print
        </button>
      </div>
    </header>
  );
}
