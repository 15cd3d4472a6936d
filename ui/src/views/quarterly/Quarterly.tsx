import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, type QuarterlyView, type Section } from "../../api";
import { Sentence } from "../../components/Sentence";
import { ErrorNote, Loading } from "../../components/States";
import { useToast } from "../../components/Toast";
import { isTyping } from "../../lib/keys";
import { reads } from "../../lib/query";
import { type Route, shiftQuarter } from "../../lib/route";
import { ExportBar } from "../ExportBar";
import { PlanSlide } from "./PlanSlide";
import "./quarterly.css";

/** Which chart of the core goes with which section of the update. */
const CHARTS: Record<string, keyof QuarterlyView["charts"]> = {
  planned: "planned_vs_delivered",
  reliability: "reliability_trend",
  investment: "investment_mix",
  risk: "risk_grid",
};

type Slide = { kind: "overview" } | { kind: "section"; section: Section } | { kind: "plan" };

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

function Deck({ view, onQuarter }: { view: QuarterlyView; onQuarter: (n: number) => void }) {
  const slides: Slide[] = [
    { kind: "overview" },
    ...view.update.sections.map((section) => ({ kind: "section" as const, section })),
    { kind: "plan" },
  ];
  const [index, setIndex] = useState(0);
  const toast = useToast();
  const last = slides.length - 1;
  const move = (n: number) => setIndex((i) => Math.min(last, Math.max(0, i + n)));

  const fullscreen = async () => {
    try {
      const full = await api.toggleFullscreen();
      document.body.classList.toggle("presenting", full);
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e));
    }
  };

  const print = async () => {
    try {
      await api.print();
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e));
    }
  };

  // Leaving the review leaves the presentation layout too.
  useEffect(() => () => document.body.classList.remove("presenting"), []);

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
        setIndex(0);
      } else if (e.key === "End") {
        setIndex(last);
      } else if (e.key === "f") {
        e.preventDefault();
        fullscreen();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const r = view.review;
  return (
    <div className="deck" id="quarterly">
      <header className="deck-bar">
        <div className="deck-title">
          <span className="deck-quarter">{view.update.title}</span>
          <span className="muted">{r.convention}</span>
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
          <button type="button" className="button" onClick={fullscreen} id="deck-fullscreen">
            Full screen <kbd>f</kbd>
          </button>
          <button type="button" className="button" onClick={print} id="deck-print">
            Print
          </button>
        </div>
      </header>
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
            {slide.kind === "overview" ? (
              <Overview view={view} />
            ) : slide.kind === "section" ? (
              <SectionSlide section={slide.section} view={view} />
            ) : (
              <PlanSlide current={r.quarter} />
            )}
          </section>
        ))}
      </div>
      <footer className="deck-foot">
        <button
          type="button"
          className="button"
          onClick={() => move(-1)}
          disabled={index === 0}
          id="deck-previous"
        >
          ← Previous
        </button>
        <ol className="deck-dots" aria-label="Parts">
          {slides.map((slide, i) => (
            <li key={slide.kind === "section" ? slide.section.key : slide.kind}>
              <button
                type="button"
                className="deck-dot"
                aria-current={i === index ? "step" : undefined}
                aria-label={
                  slide.kind === "section"
                    ? slide.section.heading
                    : slide.kind === "plan"
                      ? "Commit the plan"
                      : "Overview"
                }
                onClick={() => setIndex(i)}
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
          onClick={() => move(1)}
          disabled={index === last}
          id="deck-next"
        >
          Next →
        </button>
      </footer>
    </div>
  );
}

function Overview({ view }: { view: QuarterlyView }) {
  return (
    <div className="slide-body">
      <h1 className="slide-title">{view.update.title}</h1>
      {view.update.summary.map((p) => (
        <p key={p} className="slide-lead">
          <Sentence text={p} />
        </p>
      ))}
      <ExportBar
        kind="quarterly"
        period={view.review.quarter}
        fileName={`quarterly-update-${view.review.quarter}`}
      />
    </div>
  );
}

function SectionSlide({ section, view }: { section: Section; view: QuarterlyView }) {
  const chart = CHARTS[section.key];
  return (
    <div className={`slide-body${chart ? " slide-with-chart" : ""}`}>
      <h1 className="slide-title">{section.heading}</h1>
      <div className="slide-columns">
        <div>
          {section.paragraphs.map((p) => (
            <p key={p} className="slide-lead">
              <Sentence text={p} />
            </p>
          ))}
          {section.items.length > 0 ? (
            <ul className="slide-items">
              {section.items.map((item) => (
                <li key={item}>
                  <Sentence text={item} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {chart ? (
          <img
            className="slide-chart"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(view.charts[chart])}`}
            alt={`${section.heading}: chart`}
            data-chart={section.key}
          />
        ) : null}
      </div>
    </div>
  );
}
