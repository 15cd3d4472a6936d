import { useQuery } from "@tanstack/react-query";
import type { RoadmapView, Section, Zoom } from "../../api";
import { PageHeader } from "../../components/PageHeader";
import { Sentence } from "../../components/Sentence";
import { ErrorNote, Loading } from "../../components/States";
import { Tile, Tiles } from "../../components/Tiles";
import { reads } from "../../lib/query";
import { type Route, shiftMonth } from "../../lib/route";
import { ExportBar } from "../ExportBar";
import { Decisions } from "./Decisions";
import { Timeline } from "./Timeline";
import { useZoom } from "./zoom";
import "./roadmap.css";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** `2026-11` → `November 2026`. */
function monthName(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** The monthly roadmap review: the timeline, what changed and why, and the decisions
 *  waiting on the leadership, for one month. */
export function Roadmap({
  month,
  navigate,
}: {
  month: string | null;
  navigate: (to: Route) => void;
}) {
  const [zoom, setZoom] = useZoom();
  const view = useQuery(reads.roadmap(month, zoom));
  const shown = view.data?.review.month ?? month;
  const go = (n: number) => shown && navigate({ view: "roadmap", month: shiftMonth(shown, n) });
  return (
    <div className="page page-wide">
      <PageHeader
        title="Roadmap"
        subtitle={shown ? monthName(shown) : null}
        actions={
          <div className="toolbar">
            <nav className="button-group" aria-label="Months">
              <button
                type="button"
                className="button"
                onClick={() => go(-1)}
                id="month-previous"
                aria-label="Previous month"
              >
                ‹
              </button>
              <button
                type="button"
                className="button"
                onClick={() => navigate({ view: "roadmap", month: null })}
                id="month-current"
              >
                This month
              </button>
              <button
                type="button"
                className="button"
                onClick={() => go(1)}
                id="month-next"
                aria-label="Next month"
              >
                ›
              </button>
            </nav>
            <ZoomSwitch zoom={zoom} onZoom={setZoom} />
          </div>
        }
      />
      {view.error ? <ErrorNote error={view.error} /> : null}
      {view.data ? <Month view={view.data} /> : view.error ? null : <Loading />}
    </div>
  );
}

function ZoomSwitch({ zoom, onZoom }: { zoom: Zoom; onZoom: (zoom: Zoom) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Timeline zoom">
      {(["month", "quarter"] as const).map((z) => (
        <label key={z} className="segment">
          <input
            type="radio"
            name="zoom"
            value={z}
            checked={zoom === z}
            onChange={() => onZoom(z)}
            id={`zoom-${z}`}
          />
          <span>{z === "month" ? "Month" : "Quarter"}</span>
        </label>
      ))}
    </div>
  );
}

function Month({ view }: { view: RoadmapView }) {
  const c = view.review.counts;
  const section = (key: string) => view.update.sections.find((s) => s.key === key);
  return (
    <>
      <Tiles id="roadmap-counts" label="Initiatives by where they stand">
        <Tile id="roadmap-on-track" kind="on-track" label="On track" value={c.on_track} />
        <Tile id="roadmap-at-risk" kind="at-risk" label="At risk" value={c.at_risk} />
        <Tile id="roadmap-off-track" kind="off-track" label="Off track" value={c.off_track} />
        <Tile id="roadmap-done" kind="done" label="Done this month" value={c.done} />
        <Tile
          id="roadmap-not-started"
          kind="not-started"
          label="Not started"
          value={c.not_started}
        />
      </Tiles>
      <Timeline view={view} />
      <ExportBar
        kind="monthly"
        period={view.review.month}
        zoom={view.zoom}
        fileName={`roadmap-update-${view.review.month}`}
      />
      <div className="home-grid">
        <SentencePanel id="roadmap-changes" section={section("changes")} />
        <Decisions review={view.review} />
        <SentencePanel id="roadmap-signals" section={section("signals")} />
        <SentencePanel id="roadmap-decided" section={section("decided")} />
      </div>
    </>
  );
}

/** One section of the month's update, in the core's own sentences. */
function SentencePanel({ id, section }: { id: string; section: Section | undefined }) {
  if (!section) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-title`} id={id}>
      <header className="panel-header">
        <h2 className="panel-title" id={`${id}-title`}>
          {section.heading}
        </h2>
      </header>
      {section.paragraphs.map((p) => (
        <p key={p} className="muted">
          <Sentence text={p} />
        </p>
      ))}
      {section.items.length > 0 ? (
        <ul className="items">
          {section.items.map((item) => (
            <li key={item} className="item">
              <Sentence text={item} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
