import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PainTotal, ReleasesView, ReleaseView, RescueState } from "../../api";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { formatDate, plural } from "../../lib/format";
import { reads } from "../../lib/query";
import type { Route } from "../../lib/route";
import { NewReleaseDialog } from "./NewReleaseDialog";
import {
  bucketLabel,
  daysAway,
  isMissed,
  outcomeLabel,
  readinessWords,
  releaseStatusLabel,
} from "./releaseText";
import "./releases.css";

/** The release track: every release with its status, next date and readiness, what slows
 *  releases down, and rescue mode. */
export function Releases({ navigate }: { navigate: (to: Route) => void }) {
  const view = useQuery(reads.releases());
  const [adding, setAdding] = useState(false);
  return (
    <div className="page">
      <PageHeader
        title="Releases"
        subtitle="What each release fixes, its dates and whether it is ready to ship."
        actions={
          <button
            type="button"
            className="button button-primary"
            id="new-release"
            onClick={() => setAdding(true)}
          >
            New release
          </button>
        }
      />
      {adding ? (
        <NewReleaseDialog
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            navigate({ view: "release", id });
          }}
        />
      ) : null}
      {view.error ? <ErrorNote error={view.error} /> : null}
      {view.data ? <Loaded view={view.data} /> : view.error ? null : <Loading />}
    </div>
  );
}

function Loaded({ view }: { view: ReleasesView }) {
  if (view.releases.length === 0) {
    return (
      <Empty title="No releases yet">
        Add the next release with the one problem it fixes, its target and backup dates and its
        three owners.
      </Empty>
    );
  }
  return (
    <>
      <RescueNote rescue={view.rescue} stopList={view.stop_list} />
      <section className="panel" aria-labelledby="release-list-title">
        <header className="panel-header">
          <h2 className="panel-title" id="release-list-title">
            Every release
          </h2>
          <span className="muted">Latest target first</span>
        </header>
        <table className="release-table" id="release-list">
          <thead>
            <tr>
              <th scope="col">Release</th>
              <th scope="col">Status</th>
              <th scope="col">Next date</th>
              <th scope="col">Readiness or outcome</th>
            </tr>
          </thead>
          <tbody>
            {view.releases.map((r) => (
              <ReleaseRow key={r.id} release={r} />
            ))}
          </tbody>
        </table>
      </section>
      <Pain view={view} />
    </>
  );
}

/** Rescue mode while the team is in it, with the stop-list; else the last rescue that ended. */
export function RescueNote({ rescue, stopList }: { rescue: RescueState; stopList: string[] }) {
  if (rescue.active) {
    return (
      <div className="note note-bad rescue" role="alert" id="rescue-mode">
        <p className="rescue-title">
          <strong>Rescue mode</strong>
          {rescue.since ? ` since ${formatDate(rescue.since)}` : null}: {rescue.missed.length}{" "}
          releases missed in a row ({rescue.missed.map((m) => m.name).join(", ")}). It lasts until a
          release ships by its backup date.
        </p>
        {stopList.length > 0 ? (
          <ol className="stop-list">
            {stopList.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        ) : null}
      </div>
    );
  }
  if (rescue.ended && rescue.ended_by) {
    return (
      <p className="note note-ok rescue" id="rescue-ended">
        <strong>Recovered.</strong> Release {rescue.ended_by.name} shipped by its backup date on{" "}
        {formatDate(rescue.ended.on)}, ending {rescue.ended.misses} missed releases in a row.
      </p>
    );
  }
  return null;
}

function ReleaseRow({ release: r }: { release: ReleaseView }) {
  const open = r.readiness !== null;
  return (
    <tr data-release={r.id} className={open ? "release-open" : undefined}>
      <td>
        <a className="release-name" href={`#/releases/${r.id}`}>
          {r.name}
        </a>
        <span className="release-fixes">{r.fixes}</span>
      </td>
      <td>
        <span className={`pill release-pill release-pill-${r.status}`}>
          {releaseStatusLabel(r.status)}
        </span>
      </td>
      <td className="release-date">{nextDate(r)}</td>
      <td>
        {r.readiness ? (
          <span className={r.readiness.ready ? "ready" : "not-ready"}>
            {readinessWords(r.readiness)}
          </span>
        ) : (
          <span className={isMissed(r.outcome) ? "missed" : "on-time"}>
            {outcomeLabel(r.outcome)}
          </span>
        )}
      </td>
    </tr>
  );
}

function nextDate(r: ReleaseView): string {
  if (r.shipped_at) return `Shipped ${formatDate(r.shipped_at)}`;
  if (r.cancelled_at) return `Cancelled ${formatDate(r.cancelled_at)}`;
  const when = r.readiness ? ` (${daysAway(r.readiness.days_to_target)})` : "";
  return `Target ${formatDate(r.target_date)}${when} · backup ${formatDate(r.backup_date, false)}`;
}

/** The pain ranking: hours lost by bucket over the last five releases, biggest first. */
function Pain({ view }: { view: ReleasesView }) {
  const most = Math.max(1, ...view.pain.map((p) => p.hours));
  return (
    <section className="panel" aria-labelledby="pain-title" id="release-pain">
      <header className="panel-header">
        <h2 className="panel-title" id="pain-title">
          What slows our releases down
        </h2>
        {view.pain_releases.length > 0 ? (
          <span className="muted">Releases {view.pain_releases.map((r) => r.name).join(", ")}</span>
        ) : null}
      </header>
      {view.biggest_pain ? (
        <p className="pain-sentence" id="biggest-pain">
          {view.biggest_pain}
        </p>
      ) : (
        <p className="muted">No release pain recorded yet.</p>
      )}
      <ol className="pain-bars">
        {view.pain.map((p) => (
          <PainBar key={p.cause} pain={p} most={most} />
        ))}
      </ol>
    </section>
  );
}

function PainBar({ pain: p, most }: { pain: PainTotal; most: number }) {
  return (
    <li className="pain-bar" data-cause={p.cause}>
      <span className="pain-label">{bucketLabel(p.cause)}</span>
      <span className="pain-track" aria-hidden="true">
        <span className="pain-fill" style={{ width: `${(p.hours / most) * 100}%` }} />
      </span>
      <span className="pain-hours">
        {p.hours} h <span className="muted">· {plural(p.releases, "release")}</span>
      </span>
    </li>
  );
}
