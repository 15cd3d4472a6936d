import { useQuery } from "@tanstack/react-query";
import { memo, useState } from "react";
import { api, type Board as BoardData, type Card, type Lane } from "../api";
import { HealthBadge, RiskMeter, StatusPill } from "../components/Badges";
import { PageHeader } from "../components/PageHeader";
import { Empty, ErrorNote, Loading } from "../components/States";
import { useToast } from "../components/Toast";
import { WindowedList } from "../components/WindowedList";
import { formatShortDate, plural, trackLabel } from "../lib/format";
import { reads } from "../lib/query";
import { bucketLabel } from "./releases/releaseText";
import { SpreadsheetImport } from "./SpreadsheetImport";
import "./Board.css";

/** The tracks side by side, each in priority order, with the release-fix limit in view; the
 *  initiatives come from a spreadsheet and go back to one as CSV. */
export function Board() {
  const board = useQuery(reads.board());
  const [importing, setImporting] = useState(false);
  const toast = useToast();
  const copyCsv = async () => {
    try {
      await api.copyInitiativesCsv();
      toast("Initiatives copied as CSV");
    } catch (e) {
      toast(`Not copied: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="page page-wide">
      <PageHeader
        title="Board"
        subtitle="Proposed, active and paused initiatives by track, highest priority first."
        actions={
          <>
            <button
              type="button"
              className="button button-quiet"
              id="board-copy-csv"
              title="Every initiative as CSV, to paste into a spreadsheet"
              onClick={() => void copyCsv()}
            >
              Copy as CSV
            </button>
            <button
              type="button"
              className="button"
              id="board-import-sheet"
              onClick={() => setImporting(true)}
            >
              Import from a spreadsheet…
            </button>
          </>
        }
      />
      {importing ? <SpreadsheetImport onClose={() => setImporting(false)} /> : null}
      {board.error ? <ErrorNote error={board.error} /> : null}
      {board.data ? <Lanes board={board.data} /> : board.error ? null : <Loading />}
    </div>
  );
}

function Lanes({ board }: { board: BoardData }) {
  return (
    <>
      {board.release_limit.broken ? (
        <div className="note note-bad limit-note" role="alert" id="release-limit-broken">
          <strong>One release fix at a time:</strong>{" "}
          {plural(board.release_limit.active.length, "release fix", "release fixes")} are active at
          once (the limit is {board.release_limit.limit}). Finish or pause one before the next
          starts.
        </div>
      ) : null}
      <div className="board">
        {board.lanes.map((lane) => (
          <LaneColumn key={lane.kind} lane={lane} board={board} />
        ))}
      </div>
      {board.finished > 0 ? (
        <p className="muted board-footnote">
          {plural(board.finished, "initiative")} done or dropped are not on the board.
        </p>
      ) : null}
    </>
  );
}

function LaneColumn({ lane, board }: { lane: Lane; board: BoardData }) {
  const limit = board.release_limit;
  return (
    <section className={`lane lane-${lane.kind}`} aria-labelledby={`lane-${lane.kind}`}>
      <header className="lane-header">
        <h2 className="lane-title" id={`lane-${lane.kind}`}>
          {lane.label}
        </h2>
        <span className="lane-count">{lane.cards.length}</span>
      </header>
      {lane.kind === "engineering" ? (
        <p className={`wip${limit.broken ? " wip-broken" : ""}`}>
          <span className="wip-label">Release fixes in progress</span>
          <span className="wip-value">
            {limit.active.length} / {limit.limit}
          </span>
        </p>
      ) : null}
      {lane.cards.length === 0 ? (
        <Empty title="Nothing here yet" />
      ) : (
        <WindowedList
          as="ol"
          className="cards"
          items={lane.cards}
          itemKey={(card) => card.id}
          estimate={CARD_HEIGHT}
          render={(card) => <CardView card={card} today={board.today} week={board.week} />}
        />
      )}
    </section>
  );
}

/** A card's usual height in pixels, before it is measured. */
const CARD_HEIGHT = 134;

/** One initiative on the board; rendered again only when its card changes. */
const CardView = memo(function CardView({
  card,
  today,
  week,
}: {
  card: Card;
  today: string;
  week: string;
}) {
  return (
    <a
      className={`card${card.over_limit ? " card-over-limit" : ""}`}
      href={`#/initiatives/${card.id}`}
      data-initiative={card.id}
    >
      <div className="card-top">
        <span className="card-priority" title="Priority">
          {card.priority}
        </span>
        <span className="card-title">{card.title}</span>
      </div>
      <div className="card-meta">
        <span className="card-owner">{card.owner}</span>
        {card.track === "release" || card.track === "enabler" ? (
          <span className="card-track">{trackLabel(card.track)}</span>
        ) : null}
        {card.status !== "active" ? <StatusPill status={card.status} /> : null}
      </div>
      <div className="card-dates">
        {card.target_date ? (
          <span>
            Target <strong>{formatShortDate(card.target_date, today)}</strong>
          </span>
        ) : (
          <span className="muted">No target date</span>
        )}
        {card.backup_date ? (
          <span>
            Backup <strong>{formatShortDate(card.backup_date, today)}</strong>
          </span>
        ) : null}
      </div>
      <div className="card-foot">
        <HealthBadge
          health={card.health}
          week={card.health_week && card.health_week !== week ? card.health_week : null}
        />
        <RiskMeter level={card.risk_level} />
      </div>
      {card.addresses ? (
        <p className="card-pain" data-addresses={card.addresses}>
          Addresses: {bucketLabel(card.addresses)}
        </p>
      ) : null}
      {card.over_limit ? <p className="card-warning">Over the one-release-fix limit</p> : null}
    </a>
  );
});
