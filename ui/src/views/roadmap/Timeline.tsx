import type { RoadmapView } from "../../api";

/** The core's roadmap timeline, the same picture as the HTML export. It is shown as an image:
 *  the drawing carries its own styles, which the window's content policy keeps out of pages. */
export function Timeline({ view }: { view: RoadmapView }) {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(view.timeline_svg)}`;
  const r = view.review;
  return (
    <figure className="panel timeline" id="roadmap-timeline">
      <img
        src={src}
        alt={`Roadmap timeline: ${r.roadmap.on_track.length + r.roadmap.at_risk.length + r.roadmap.off_track.length + r.roadmap.not_started.length} active and upcoming initiatives from start to target, extended to the backup date.`}
      />
      <figcaption className="muted">
        Each bar runs from the start to the target date, the lighter part to the backup date; a
        diamond marks the first committed target where it moved; the line is today.
      </figcaption>
    </figure>
  );
}
