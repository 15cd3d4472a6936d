import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, type ReleasePage as Page, type ReleaseView } from "../../api";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNote, Loading } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatDate, formatDateTime } from "../../lib/format";
import { reads, useRefresh } from "../../lib/query";
import type { Route } from "../../lib/route";
import { type ActionKind, ReleaseAction } from "./ReleaseActions";
import {
  bucketLabel,
  daysAway,
  isMissed,
  outcomeLabel,
  rehearsalWords,
  releaseStatusLabel,
} from "./releaseText";
import "./releases.css";

interface Props {
  id: number;
  navigate: (to: Route) => void;
}

/** One release: what it fixes, its dates and owners, scope, rollback readiness, the go/no-go
 *  calls and how it went, with a form for everything that can be recorded on it. */
export function ReleasePage({ id, navigate }: Props) {
  const page = useQuery(reads.release(id));
  if (page.data === undefined) {
    return (
      <div className="page">
        {page.error ? (
          <>
            <ErrorNote error={page.error} />
            <button type="button" className="button" onClick={() => navigate({ view: "releases" })}>
              Back to releases
            </button>
          </>
        ) : (
          <Loading />
        )}
      </div>
    );
  }
  return <Loaded page={page.data} />;
}

const OPEN_ACTIONS: [ActionKind, string][] = [
  ["include", "Add to scope"],
  ["cut", "Cut from scope"],
  ["rehearse", "Log a rehearsal"],
  ["slip", "Move the dates"],
  ["ship", "Record shipped"],
  ["pain", "Record pain"],
  ["cancel", "Cancel release"],
];

const SHIPPED_ACTIONS: [ActionKind, string][] = [
  ["rollback", "Record a rollback"],
  ["incident", "Record an incident"],
  ["pain", "Record pain"],
];

function Loaded({ page }: { page: Page }) {
  const r = page.view;
  const [action, setAction] = useState<ActionKind | null>(null);
  const open = r.readiness !== null;
  const refresh = useRefresh();
  const toast = useToast();
  const freeze = useMutation({
    mutationFn: () => api.freezeRelease(r.id),
    onSuccess: () => toast("Scope frozen"),
    onSettled: refresh,
  });
  const actions = open ? OPEN_ACTIONS : r.shipped_at ? SHIPPED_ACTIONS : [];

  return (
    <div className="page release-page">
      <PageHeader
        eyebrow={
          <>
            <a href="#/releases">Releases</a>
            <span aria-hidden="true"> / </span>
            {r.name}
          </>
        }
        title={`Release ${r.name}`}
        subtitle={
          <span className="release-summary">
            <span className={`pill release-pill release-pill-${r.status}`} id="release-status">
              {releaseStatusLabel(r.status)}
            </span>
            <span className={isMissed(r.outcome) ? "missed" : undefined}>
              {outcomeLabel(r.outcome)}
            </span>
          </span>
        }
        actions={
          open ? (
            <>
              {r.frozen_at === null ? (
                <button
                  type="button"
                  className="button"
                  id="freeze-release"
                  disabled={freeze.isPending}
                  onClick={() => freeze.mutate()}
                >
                  Freeze scope
                </button>
              ) : null}
              <a
                className="button button-primary"
                href={`#/releases/${r.id}/go-no-go`}
                id="open-go-no-go"
              >
                Go/no-go
              </a>
            </>
          ) : null
        }
      />
      {freeze.error ? <ErrorNote error={freeze.error} /> : null}
      <div className="detail">
        <div className="detail-main">
          <Problem release={r} />
          <Owners release={r} />
          <Scope release={r} />
          <Rollback page={page} />
        </div>
        <div className="detail-side">
          {actions.length > 0 ? (
            <section className="panel" aria-labelledby="release-record-title">
              <h2 className="panel-title" id="release-record-title">
                Record
              </h2>
              {action ? (
                <ReleaseAction kind={action} release={r} onClose={() => setAction(null)} />
              ) : (
                <div className="release-actions">
                  {actions.map(([kind, label]) => (
                    <button
                      key={kind}
                      type="button"
                      className={`button${kind === "cancel" ? " button-quiet" : ""}`}
                      id={`open-release-${kind}`}
                      onClick={() => setAction(kind)}
                    >
                      {label}
                    </button>
                  ))}
                </div>
              )}
            </section>
          ) : null}
          <Readiness release={r} />
          <Calls page={page} />
          <Outcome page={page} />
        </div>
      </div>
    </div>
  );
}

function Problem({ release: r }: { release: ReleaseView }) {
  const first = r.slips[0];
  return (
    <section className="panel" aria-labelledby="release-problem-title">
      <h2 className="panel-title" id="release-problem-title">
        The one problem it fixes
      </h2>
      <p className="release-problem" id="release-fixes">
        {r.fixes}
      </p>
      <dl className="facts">
        <div className="fact">
          <dt>Target</dt>
          <dd className="date-strong" id="release-target">
            {formatDate(r.target_date)}
            {r.readiness ? (
              <span className="days-away">{daysAway(r.readiness.days_to_target)}</span>
            ) : null}
          </dd>
        </div>
        <div className="fact">
          <dt>Backup</dt>
          <dd className="date-strong">{formatDate(r.backup_date)}</dd>
        </div>
        {first ? (
          <div className="fact">
            <dt>First dates</dt>
            <dd>
              {formatDate(first.old_target)} · backup {formatDate(first.old_backup, false)}
            </dd>
          </div>
        ) : null}
        {r.shipped_at ? (
          <div className="fact">
            <dt>Shipped</dt>
            <dd className="date-strong">{formatDateTime(r.shipped_at)}</dd>
          </div>
        ) : null}
        <div className="fact fact-wide">
          <dt>Support note</dt>
          <dd>{r.support_note ?? <span className="muted">Not written yet</span>}</dd>
        </div>
      </dl>
    </section>
  );
}

function Owners({ release: r }: { release: ReleaseView }) {
  const roles = [
    ["Scope", "what stays and what is cut", r.scope_owner],
    ["Delivery", "daily progress, blockers, hand-offs", r.delivery_owner],
    ["Readiness", "testing, migrations, rollout, rollback", r.readiness_owner],
    ["Can stop it", "calls the release off", r.stop_owner],
  ] as const;
  return (
    <section className="panel" aria-labelledby="release-owners-title">
      <h2 className="panel-title" id="release-owners-title">
        Owners
      </h2>
      <ul className="owners" id="release-owners">
        {roles.map(([role, what, who]) => (
          <li key={role} className="owner">
            <span className="owner-role">{role}</span>
            <span className="owner-name">{who ?? <span className="muted">Nobody named</span>}</span>
            <span className="owner-what">{what}</span>
          </li>
        ))}
      </ul>
      {r.warnings.length > 0 ? (
        <ul className="release-warnings" id="release-warnings">
          {r.warnings.map((w) => (
            <li key={w} className="note note-warn">
              {w}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Scope({ release: r }: { release: ReleaseView }) {
  const title = (id: number) =>
    r.titles.find((t) => t.initiative_id === id)?.title ?? `Initiative ${id}`;
  return (
    <section className="panel" aria-labelledby="release-scope-title">
      <header className="panel-header">
        <h2 className="panel-title" id="release-scope-title">
          Scope
        </h2>
        <span className={r.frozen_at ? "flag flag-ok" : "muted"} id="release-frozen">
          {r.frozen_at ? `Frozen ${formatDate(r.frozen_at)}` : "Not frozen"}
        </span>
      </header>
      {r.scope.length === 0 ? (
        <p className="muted">Nothing in scope yet.</p>
      ) : (
        <ul className="items" id="release-scope">
          {r.scope.map((s) => (
            <li
              key={s.id}
              className={`item${s.cut_at ? " item-cut" : ""}`}
              data-initiative={s.initiative_id}
            >
              <p className="item-text">
                <a href={`#/initiatives/${s.initiative_id}`}>{title(s.initiative_id)}</a>
                {s.risky ? <span className="flag flag-warn">Risky change</span> : null}
                {s.late_reason ? <span className="flag flag-bad">Late addition</span> : null}
                {s.cut_at ? <span className="flag flag-quiet">Cut</span> : null}
              </p>
              {s.late_reason ? (
                <p className="item-meta">
                  Added {formatDate(s.added_at, false)}, after the freeze: {s.late_reason}
                </p>
              ) : null}
              {s.cut_at && s.cut_reason ? (
                <p className="item-meta">
                  Cut {formatDate(s.cut_at, false)}: {s.cut_reason}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Rollback({ page }: { page: Page }) {
  const r = page.view;
  const log = [...r.rehearsals].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : b.id - a.id));
  const trend = page.rehearsal_trend;
  return (
    <section className="panel" aria-labelledby="release-rollback-title">
      <header className="panel-header">
        <h2 className="panel-title" id="release-rollback-title">
          Rollback readiness
        </h2>
        {trend.length > 0 ? (
          <span className="trend" id="rehearsal-trend" title="Rehearsal minutes, oldest first">
            {trend.join(" → ")} min
          </span>
        ) : null}
      </header>
      <dl className="facts">
        <div className="fact fact-wide">
          <dt>Triggers</dt>
          <dd>{r.rollback_triggers ?? <span className="muted">None agreed yet</span>}</dd>
        </div>
        <div className="fact">
          <dt>Last stable version</dt>
          <dd>{r.stable_version ?? <span className="muted">Not named</span>}</dd>
        </div>
      </dl>
      {log.length === 0 ? (
        <p className="muted">The rollback has not been rehearsed.</p>
      ) : (
        <ul className="items" id="rehearsal-log">
          {log.map((x) => (
            <li key={x.id} className="item item-line">
              <span className="rehearsal-minutes">{x.minutes} min</span>
              <span>
                {formatDate(x.on)}
                {x.by ? ` · ${x.by}` : null}
                {x.note ? <span className="muted"> · {x.note}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Readiness({ release: r }: { release: ReleaseView }) {
  const x = r.readiness;
  if (!x) return null;
  return (
    <section
      className={`panel readiness ${x.ready ? "readiness-ready" : "readiness-not"}`}
      aria-labelledby="release-readiness-title"
      id="release-readiness"
    >
      <h2 className="panel-title" id="release-readiness-title">
        {x.ready ? "Ready" : "Not ready"}
      </h2>
      {x.gaps.length > 0 ? (
        <ul className="gaps">
          {x.gaps.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      ) : null}
      <dl className="readiness-facts">
        <dt>Scope</dt>
        <dd>{x.frozen ? "Frozen" : "Open"}</dd>
        <dt>Rehearsal</dt>
        <dd>{rehearsalWords(x)}</dd>
        <dt>Go/no-go</dt>
        <dd>
          {x.decided_go === null ? "Not held yet" : x.decided_go ? "Go" : "No-go"}
          {x.overridden ? " (override)" : null}
        </dd>
      </dl>
    </section>
  );
}

function Calls({ page }: { page: Page }) {
  const r = page.view;
  if (r.decisions.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="release-calls-title">
      <h2 className="panel-title" id="release-calls-title">
        Go/no-go calls
      </h2>
      <ul className="items" id="release-calls">
        {[...r.decisions].reverse().map((d) => {
          const override = page.overrides.includes(d.id);
          return (
            <li key={d.id} className="item" data-go={d.go}>
              <p className="item-text">
                <strong className={d.go ? "call-go" : "call-no-go"}>{d.go ? "Go" : "No-go"}</strong>{" "}
                by {d.by}
                {override ? <span className="flag flag-warn">Override</span> : null}
              </p>
              <p className="item-meta">
                {formatDateTime(d.at)} · {d.answers.filter((a) => a.yes).length} of 5 answered yes
                {d.reason ? ` · ${d.reason}` : null}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Outcome({ page }: { page: Page }) {
  const r = page.view;
  const restored = (id: number) => page.restores.find((x) => x.event_id === id)?.minutes;
  if (r.slips.length + r.events.length + r.pain.length === 0 && !r.cancelled_at) return null;
  return (
    <section className="panel" aria-labelledby="release-outcome-title">
      <h2 className="panel-title" id="release-outcome-title">
        What happened
      </h2>
      <ul className="items" id="release-history">
        {r.cancelled_at ? (
          <li className="item">
            <p className="item-text">
              <span className="flag flag-bad">Cancelled</span> {formatDate(r.cancelled_at)}
            </p>
            <p className="item-meta">{r.cancel_reason}</p>
          </li>
        ) : null}
        {r.events.map((e) => (
          <li key={`e${e.id}`} className="item" data-kind={e.kind}>
            <p className="item-text">
              <span className={`flag ${e.kind === "near-miss" ? "flag-warn" : "flag-bad"}`}>
                {e.kind === "rollback"
                  ? "Rollback"
                  : e.kind === "incident"
                    ? "Incident"
                    : "Near-miss"}
              </span>{" "}
              {formatDateTime(e.at)}
              {restored(e.id) !== undefined ? (
                <span className="muted"> · restored in {restored(e.id)} min</span>
              ) : null}
              {e.hotfix ? <span className="muted"> · hotfix</span> : null}
            </p>
            <p className="item-meta">{e.note}</p>
          </li>
        ))}
        {r.slips.map((s) => (
          <li key={`s${s.id}`} className="item">
            <p className="item-text">
              <span className="flag flag-warn">Slipped</span> {formatDate(s.old_target, false)} →{" "}
              {formatDate(s.new_target, false)} (backup {formatDate(s.new_backup, false)})
            </p>
            <p className="item-meta">
              {s.reason} · {bucketLabel(s.cause)}
            </p>
          </li>
        ))}
        {r.pain.map((p) => (
          <li key={`p${p.id}`} className="item">
            <p className="item-text">
              <span className="flag flag-quiet">{p.hours} h lost</span> {bucketLabel(p.cause)}
            </p>
            <p className="item-meta">{p.note}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
