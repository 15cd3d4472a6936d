import type { QuarterlyView, Section } from "../../api";
import { Sentence } from "../../components/Sentence";
import { ExportBar } from "../ExportBar";
import { PlanSlide } from "./PlanSlide";

/** One part of the deck: the overview, a section of the update, or committing the plan. */
export type Slide = { kind: "overview" } | { kind: "section"; section: Section } | { kind: "plan" };

/** The deck's parts in order: the overview, each section of the update, then the plan. */
export function slidesOf(view: QuarterlyView): Slide[] {
  return [
    { kind: "overview" },
    ...view.update.sections.map((section) => ({ kind: "section" as const, section })),
    { kind: "plan" },
  ];
}

/** A part's name, as its dot in the deck's foot reads it. */
export function slideName(slide: Slide): string {
  switch (slide.kind) {
    case "overview":
      return "Overview";
    case "section":
      return slide.section.heading;
    case "plan":
      return "Commit the plan";
  }
}

/** A part's stable key among the others. */
export function slideKey(slide: Slide): string {
  return slide.kind === "section" ? slide.section.key : slide.kind;
}

/** What a part shows. */
export function SlideContent({ slide, view }: { slide: Slide; view: QuarterlyView }) {
  switch (slide.kind) {
    case "overview":
      return <Overview view={view} />;
    case "section":
      return <SectionSlide section={slide.section} view={view} />;
    case "plan":
      return <PlanSlide current={view.review.quarter} />;
  }
}

/** Which chart of the core goes with which section of the update. */
const CHARTS: Record<string, keyof QuarterlyView["charts"]> = {
  planned: "planned_vs_delivered",
  reliability: "reliability_trend",
  investment: "investment_mix",
  risk: "risk_grid",
  "release-confidence": "release_confidence",
};

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
  const svg = chart ? view.charts[chart] : null;
  return (
    <div className={`slide-body${svg ? " slide-with-chart" : ""}`}>
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
        {svg ? (
          <img
            className="slide-chart"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            alt={`${section.heading}: chart`}
            data-chart={section.key}
          />
        ) : null}
      </div>
    </div>
  );
}
