import { type Slide, slideKey, slideName } from "./slides";

/** The deck's foot: Previous, a dot for each part, where the deck is, and Next. */
export function DeckFoot({
  slides,
  index,
  onMove,
  onGo,
}: {
  slides: Slide[];
  index: number;
  /** Moves by `n` parts. */
  onMove: (n: number) => void;
  /** Goes to the part at `index`. */
  onGo: (index: number) => void;
}) {
  const last = slides.length - 1;
  return (
    <footer className="deck-foot">
      <button
        type="button"
        className="button"
        onClick={() => onMove(-1)}
        disabled={index === 0}
        id="deck-previous"
      >
        ← Previous
      </button>
      <ol className="deck-dots" aria-label="Parts">
        {slides.map((slide, i) => (
          <li key={slideKey(slide)}>
            <button
              type="button"
              className="deck-dot"
              aria-current={i === index ? "step" : undefined}
              aria-label={slideName(slide)}
              onClick={() => onGo(i)}
            />
          </li>
        ))}
      </ol>
      <span className="muted deck-count" id="deck-count">
        {index + 1} / {slides.length}
      </span>
      <button
        type="button"
        className="button button-primary"
        onClick={() => onMove(1)}
        disabled={index === last}
        id="deck-next"
      >
        Next →
      </button>
    </footer>
  );
}
