import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { QuarterlyView } from "../../api";
import { ErrorNote, Loading } from "../../components/States";
import { reads } from "../../lib/query";
import { type Route, shiftQuarter } from "../../lib/route";
import { DeckBar } from "./DeckBar";
import { DeckFoot } from "./DeckFoot";
import { SlideContent, slidesOf } from "./slides";
import { useDeckKeys } from "./useDeckKeys";
import { usePresentation } from "./usePresentation";
import "./quarterly.css";

/** The quarterly health review on a shared screen: large type, one section at a time, ← and →
 *  to move, full screen, Print; it ends with committing next quarter's plan. */
export function Quarterly({
  quarter,
  navigate,
}: {
  quarter: string | null;
  navigate: (to: Route) => void;
}) {
  const view = useQuery(reads.quarterlyView(quarter));
  if (view.error) return <ErrorNote error={view.error} />;
  if (!view.data) return <Loading />;
  return (
    <Deck
      key={view.data.review.quarter}
      view={view.data}
      onQuarter={(n) =>
        navigate({ view: "quarterly", quarter: shiftQuarter(view.data?.review.quarter ?? "", n) })
      }
    />
  );
}

/** The review's parts, one shown at a time, between its bar and its foot. */
function Deck({ view, onQuarter }: { view: QuarterlyView; onQuarter: (n: number) => void }) {
  const slides = slidesOf(view);
  const [index, setIndex] = useState(0);
  const last = slides.length - 1;
  const move = (n: number) => setIndex((i) => Math.min(last, Math.max(0, i + n)));
  const { fullscreen, print } = usePresentation();
  useDeckKeys({ last, setIndex, onFullscreen: fullscreen });

  return (
    <div className="deck" id="quarterly">
      <DeckBar view={view} onQuarter={onQuarter} onFullscreen={fullscreen} onPrint={print} />
      <div className="slides">
        {slides.map((slide, i) => (
          <section
            // biome-ignore lint/suspicious/noArrayIndexKey: slides keep their order
            key={i}
            className="slide"
            hidden={i !== index}
            data-current={i === index}
            aria-label={`Part ${i + 1} of ${slides.length}`}
          >
            <SlideContent slide={slide} view={view} />
          </section>
        ))}
      </div>
      <DeckFoot slides={slides} index={index} onMove={move} onGo={setIndex} />
    </div>
  );
}
