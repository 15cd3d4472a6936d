import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ProgressLine, WeeklyView, WorkspaceInfo } from "../../api";
import { HealthBadge, RiskMeter } from "../../components/Badges";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNote, Loading } from "../../components/States";
import { UpdatePreview } from "../../components/UpdatePreview";
import { formatDate, formatWeek, plural } from "../../lib/format";
import { reads } from "../../lib/query";
import { BlockerForm } from "../BlockerForm";
import { CheckinForm } from "../CheckinForm";
import { ExportBar } from "../ExportBar";
import { PastUpdates } from "./PastUpdates";
import "./review.css";

/** The Monday review: each active initiative's check-in in turn, the update written beside it
 *  as the check-ins come in, and the export that sends it. */
export function MondayReview({ info }: { info: WorkspaceInfo }) {
  const week = useQuery(reads.weeklyView(null));
  return (
    <div className="page page-wide">
      <PageHeader
        title="Monday review"
        subtitle={
          week.data ? `${formatWeek(info.week)} · ${week.data.span}` : formatWeek(info.week)
        }
      />
      {week.error ? <ErrorNote error={week.error} /> : null}
      {week.data ? <Review view={week.data} /> : week.error ? null : <Loading />}
    </div>
  );
}

function Review({ view }: { view: WeeklyView }) {
  const items = view.review.in_progress;
  const [current, setCurrent] = useState<number | null>(
    () => (items.find((i) => !i.checked_in) ?? items[0])?.initiative_id ?? null,
  );
  const [blocking, setBlocking] = useState(false);
  const index = items.findIndex((i) => i.initiative_id === current);
  const item = index >= 0 ? items[index] : undefined;
  const done = items.filter((i) => i.checked_in).length;

  const go = (id: number | null) => {
    setBlocking(false);
    setCurrent(id);
  };
  const next = () => {
    const after = [...items.slice(index + 1), ...items.slice(0, index)];
    go((after.find((i) => !i.checked_in) ?? after[0])?.initiative_id ?? null);
  };

  return (
    <div className="review">
      <div className="review-flow">
        <section className="panel" aria-labelledby="review-steps-title">
          <header className="panel-header">
            <h2 className="panel-title" id="review-steps-title">
              Check-ins
            </h2>
            <span className="muted" id="review-progress">
              {done} of {plural(items.length, "active initiative")}
            </span>
          </header>
          {items.length === 0 ? (
            <p className="muted">No initiative is active this week.</p>
          ) : (
            <ol className="steps" id="review-steps">
              {items.map((i) => (
                <li key={i.initiative_id}>
                  <button
                    type="button"
                    className="step-button"
                    aria-current={i.initiative_id === current ? "step" : undefined}
                    data-done={i.checked_in}
                    onClick={() => go(i.initiative_id)}
                  >
                    <span className="step-mark" aria-hidden="true">
                      {i.checked_in ? "✓" : ""}
                    </span>
                    <span className="step-title">{i.title}</span>
                    <span className="step-owner">{i.owner}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
        {item ? (
          <Step
            key={item.initiative_id}
            item={item}
            week={view.review.week}
            blocking={blocking}
            onBlock={setBlocking}
            onNext={next}
          />
        ) : null}
      </div>
      <div className="review-side">
        <ExportBar
          kind="weekly"
          period={view.review.week}
          keptAt={view.review.kept_at}
          fileName={`weekly-update-${view.review.week}`}
        />
        <WeekUpdate />
        <PastUpdates />
      </div>
    </div>
  );
}

/** The update as the check-ins come in: read apart from the week, which is all the home
 *  view needs. */
function WeekUpdate() {
  const update = useQuery(reads.weeklyUpdatePreview(null));
  if (update.error) return <ErrorNote error={update.error} />;
  return update.data ? <UpdatePreview update={update.data} /> : <Loading />;
}

function Step({
  item,
  week,
  blocking,
  onBlock,
  onNext,
}: {
  item: ProgressLine;
  week: string;
  blocking: boolean;
  onBlock: (open: boolean) => void;
  onNext: () => void;
}) {
  return (
    <section className="panel review-step" aria-labelledby="review-step-title" id="review-step">
      <header className="panel-header">
        <h2 className="panel-title" id="review-step-title">
          <a href={`#/initiatives/${item.initiative_id}`}>{item.title}</a>
        </h2>
        <HealthBadge
          health={item.health}
          week={item.health_week !== week ? item.health_week : null}
        />
      </header>
      <p className="review-facts">
        <strong>{item.owner}</strong>
        {item.target_date ? ` · target ${formatDate(item.target_date)}` : " · no target date"}
        {item.backup_date ? `, backup ${formatDate(item.backup_date)}` : null}
        {" · "}
        <RiskMeter level={item.risk_level} />
      </p>
      {item.risk ? <p className="muted review-risk">Main risk: {item.risk}</p> : null}
      <CheckinForm
        initiativeId={item.initiative_id}
        owner={item.owner}
        week={week}
        initialHealth={item.health}
        initialProgress={item.progress}
        submitLabel={item.checked_in ? "Update and next" : "Record and next"}
        onSaved={onNext}
        onCancel={onNext}
        cancelLabel="Skip"
      />
      {blocking ? (
        <BlockerForm initiativeId={item.initiative_id} onClose={() => onBlock(false)} />
      ) : (
        <button
          type="button"
          className="link-button"
          onClick={() => onBlock(true)}
          id="review-add-blocker"
        >
          Add a blocker
        </button>
      )}
    </section>
  );
}
