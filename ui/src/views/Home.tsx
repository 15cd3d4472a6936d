import { useQuery } from "@tanstack/react-query";
import type { BlockerItem, DateDanger, WeeklyView, WorkspaceInfo } from "../api";
import { HealthBadge } from "../components/Badges";
import { PageHeader } from "../components/PageHeader";
import { Empty, ErrorNote, Loading } from "../components/States";
import { Tile, Tiles } from "../components/Tiles";
import { WindowedList } from "../components/WindowedList";
import { formatDate, formatDateTime, formatWeek, plural } from "../lib/format";
import { reads, usePrefetchWhenIdle } from "../lib/query";
import "./Home.css";
import { HomeRelease } from "./releases/HomeRelease";

/** Where the week stands: counts by health, open blockers, dates in danger, missing
 *  check-ins, and whether this week's update has gone out. */
export function Home({ info }: { info: WorkspaceInfo }) {
  const week = useQuery(reads.weeklyView(null));
  // The board is one click away: its data is read once the week shows and the window is
  // idle, so that its first visit renders from the cache.
  usePrefetchWhenIdle(reads.board, week.data !== undefined);
  return (
    <div className="page">
      <PageHeader
        title="This week"
        subtitle={
          week.data ? `${formatWeek(info.week)} · ${week.data.span}` : formatWeek(info.week)
        }
        actions={
          <a className="button button-primary" href="#/review" id="start-review">
            Monday review
          </a>
        }
      />
      <HomeRelease />
      {week.error ? <ErrorNote error={week.error} /> : null}
      {week.data ? <Week view={week.data} /> : week.error ? null : <Loading />}
    </div>
  );
}

function Week({ view }: { view: WeeklyView }) {
  const r = view.review;
  const h = r.headline;
  if (h.active === 0 && h.shipped === 0 && r.blockers.length === 0) {
    return (
      <Empty title="Nothing is active yet">
        Make an initiative active, with its owner, dates and risk, and its week shows here.
      </Empty>
    );
  }
  const missing = r.missing_checkins;
  return (
    <>
      {r.kept_at === null ? (
        <div className="note note-warn reminder" id="review-reminder" role="status">
          <strong>No review yet this week.</strong> Go through the check-ins and send the update:{" "}
          <a href="#/review">start the Monday review</a>.
        </div>
      ) : (
        <p className="note reminder" id="review-sent">
          This week’s update was sent on {formatDateTime(r.kept_at)}.
        </p>
      )}
      <Tiles id="home-counts" label="Active initiatives by health">
        <Tile id="count-on-track" kind="on-track" label="On track" value={h.on_track} />
        <Tile id="count-at-risk" kind="at-risk" label="At risk" value={h.at_risk} />
        <Tile id="count-off-track" kind="off-track" label="Off track" value={h.off_track} />
        <Tile id="count-no-call" kind="no-call" label="No recent check-in" value={h.no_call} />
        <Tile id="count-shipped" kind="shipped" label="Shipped" value={h.shipped} />
      </Tiles>
      <div className="home-grid">
        <section className="panel" aria-labelledby="home-blockers-title">
          <header className="panel-header">
            <h2 className="panel-title" id="home-blockers-title">
              Open blockers
            </h2>
            <span className="muted">{h.escalate > 0 ? `${h.escalate} to escalate` : null}</span>
          </header>
          {r.blockers.length === 0 ? (
            <p className="muted">Nothing is blocked.</p>
          ) : (
            <WindowedList
              as="ul"
              className="items"
              id="home-blockers"
              items={r.blockers}
              itemKey={(b) => b.id}
              estimate={LINE_HEIGHT.blocker}
              itemProps={(b) => ({
                className: `item${b.escalate ? " item-escalate" : ""}`,
                "data-escalate": b.escalate,
              })}
              render={(b) => <BlockerLine blocker={b} />}
            />
          )}
        </section>
        <section className="panel" aria-labelledby="home-dangers-title">
          <header className="panel-header">
            <h2 className="panel-title" id="home-dangers-title">
              Dates in danger
            </h2>
          </header>
          {r.dates_in_danger.length === 0 ? (
            <p className="muted">Every active date holds.</p>
          ) : (
            <WindowedList
              as="ul"
              className="items"
              id="home-dangers"
              items={r.dates_in_danger}
              itemKey={(d) => d.initiative_id}
              estimate={LINE_HEIGHT.danger}
              itemProps={() => ({ className: "item" })}
              render={(d) => <DangerLine danger={d} />}
            />
          )}
        </section>
        <section className="panel" aria-labelledby="home-missing-title">
          <header className="panel-header">
            <h2 className="panel-title" id="home-missing-title">
              Missing this week’s check-in
            </h2>
            <span className="muted" id="home-missing-count">
              {plural(missing.length, "initiative")}
            </span>
          </header>
          {missing.length === 0 ? (
            <p className="muted">Every active initiative has its check-in.</p>
          ) : (
            <WindowedList
              as="ul"
              className="items"
              id="home-missing"
              items={missing}
              itemKey={(m) => m.initiative_id}
              estimate={LINE_HEIGHT.missing}
              itemProps={() => ({ className: "item item-line" })}
              render={(m) => (
                <>
                  <a href={`#/initiatives/${m.initiative_id}`}>{m.title}</a>
                  <span className="item-aside">{m.owner}</span>
                </>
              )}
            />
          )}
        </section>
        <section className="panel" aria-labelledby="home-progress-title">
          <header className="panel-header">
            <h2 className="panel-title" id="home-progress-title">
              In progress
            </h2>
          </header>
          <WindowedList
            as="ul"
            className="items"
            id="home-progress"
            items={r.in_progress}
            itemKey={(i) => i.initiative_id}
            estimate={LINE_HEIGHT.progress}
            itemProps={() => ({ className: "item item-line" })}
            render={(i) => (
              <>
                <a href={`#/initiatives/${i.initiative_id}`}>{i.title}</a>
                <HealthBadge
                  health={i.health}
                  week={i.health_week !== r.week ? i.health_week : null}
                />
                <span className="item-aside">
                  {i.owner}
                  {i.target_date ? ` · target ${formatDate(i.target_date, false)}` : null}
                </span>
              </>
            )}
          />
        </section>
      </div>
    </>
  );
}

/** The usual heights of the lists' lines in pixels, before they are measured. */
const LINE_HEIGHT = { blocker: 87, danger: 66, missing: 46, progress: 73 } as const;

function BlockerLine({ blocker: b }: { blocker: BlockerItem }) {
  return (
    <>
      <p className="item-text">
        <a href={`#/initiatives/${b.initiative_id}`}>{b.initiative}</a>: {b.text}
      </p>
      <p className="item-meta">
        <strong>{b.owner}</strong> removes it ·{" "}
        {b.age_days === 0 ? "raised today" : `open ${plural(b.age_days, "day")}`}
        {b.escalate ? <span className="flag flag-bad">Escalate</span> : null}
        {b.recurring_since ? (
          <span className="flag flag-warn">
            Recurring (seen {formatDate(b.recurring_since, false)})
          </span>
        ) : null}
      </p>
    </>
  );
}

const DANGER_TEXT = {
  "backup-passed": "Backup date passed",
  "past-target": "Target date passed",
  "target-soon": "Target close and not on track",
} as const;

function DangerLine({ danger: d }: { danger: DateDanger }) {
  return (
    <>
      <p className="item-text">
        <a href={`#/initiatives/${d.initiative_id}`}>{d.title}</a>{" "}
        <span className="muted">· {d.owner}</span>
      </p>
      <p className="item-meta">
        {DANGER_TEXT[d.kind]}
        {d.target_date ? ` · target ${formatDate(d.target_date, false)}` : null}
        {d.backup_date ? ` · backup ${formatDate(d.backup_date, false)}` : null}
        {d.disagreement ? (
          <span className="flag flag-warn">Owner still calls it on track</span>
        ) : null}
      </p>
    </>
  );
}
