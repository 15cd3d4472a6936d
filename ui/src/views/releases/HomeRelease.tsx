import { useQuery } from "@tanstack/react-query";
import type { ReleasesView } from "../../api";
import { formatDate } from "../../lib/format";
import { reads } from "../../lib/query";
import { RescueNote } from "./Releases";
import { daysAway, rehearsalWords } from "./releaseText";
import "./releases.css";

/** On Home: rescue mode while the team is in it, and the next release with its readiness. */
export function HomeRelease() {
  const view = useQuery(reads.releases());
  if (!view.data || view.data.releases.length === 0) return null;
  return (
    <>
      {view.data.rescue.active ? (
        <RescueNote rescue={view.data.rescue} stopList={view.data.stop_list} />
      ) : null}
      <NextRelease view={view.data} />
    </>
  );
}

function NextRelease({ view }: { view: ReleasesView }) {
  const next = view.releases
    .filter((r) => r.readiness !== null)
    .sort((a, b) =>
      a.target_date < b.target_date ? -1 : a.target_date > b.target_date ? 1 : 0,
    )[0];
  if (!next?.readiness) return null;
  const x = next.readiness;
  return (
    <section
      className={`panel home-release readiness ${x.ready ? "readiness-ready" : "readiness-not"}`}
      aria-labelledby="home-release-title"
      id="home-release"
    >
      <header className="panel-header">
        <h2 className="panel-title" id="home-release-title">
          Next release
        </h2>
        <a href={`#/releases/${next.id}/go-no-go`} className="link-button">
          Go/no-go
        </a>
      </header>
      <p className="home-release-line">
        <a className="home-release-name" href={`#/releases/${next.id}`}>
          Release {next.name}
        </a>
        <span>
          Target {formatDate(next.target_date, false)} ({daysAway(x.days_to_target)}) · backup{" "}
          {formatDate(next.backup_date, false)}
        </span>
        <strong className={x.ready ? "ready" : "not-ready"} id="home-release-ready">
          {x.ready ? "Ready" : "Not ready"}
        </strong>
      </p>
      <p className="item-meta">
        Scope {x.frozen ? "frozen" : "not frozen"} · rollback{" "}
        {x.last_rehearsal ? `rehearsed: ${rehearsalWords(x)}` : "never rehearsed"} · go/no-go{" "}
        {x.decided_go === null ? "not held yet" : x.decided_go ? "go" : "no-go"}
        {x.overridden ? " (override)" : ""}
      </p>
      {x.gaps.length > 0 ? (
        <ul className="gaps">
          {x.gaps.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
