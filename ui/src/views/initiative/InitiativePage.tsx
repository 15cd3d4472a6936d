import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { InitiativeDetail, WorkspaceInfo } from "../../api";
import { RiskMeter, StatusPill } from "../../components/Badges";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNote, Loading } from "../../components/States";
import { trackLabel } from "../../lib/format";
import { reads } from "../../lib/query";
import type { Route } from "../../lib/route";
import { Blockers } from "./Blockers";
import { Checkins } from "./Checkins";
import { Decisions } from "./Decisions";
import { History } from "./History";
import { InitiativeEditor } from "./InitiativeEditor";
import { Plan } from "./Plan";
import "./initiative.css";

interface Props {
  id: number;
  info: WorkspaceInfo;
  navigate: (to: Route) => void;
}

/** One initiative: its plan (viewed or edited), history, check-ins, blockers and decisions. */
export function InitiativePage({ id, info, navigate }: Props) {
  const detail = useQuery(reads.initiative(id));
  if (detail.data === undefined) {
    return (
      <div className="page">
        {detail.error ? (
          <>
            <ErrorNote error={detail.error} />
            <button type="button" className="button" onClick={() => navigate({ view: "board" })}>
              Back to the board
            </button>
          </>
        ) : (
          <Loading />
        )}
      </div>
    );
  }
  return <Loaded detail={detail.data} info={info} />;
}

function Loaded({ detail, info }: { detail: InitiativeDetail; info: WorkspaceInfo }) {
  const [editing, setEditing] = useState(false);
  const [panel, setPanel] = useState<"checkin" | "blocker" | null>(null);
  const i = detail.initiative;
  const underWay = i.status !== "proposed" && i.status !== "dropped";

  return (
    <div className="page">
      <PageHeader
        eyebrow={
          <>
            <a href="#/board">Board</a>
            <span aria-hidden="true"> / </span>
            {trackLabel(i.track)} · Priority {i.priority}
          </>
        }
        title={i.title}
        subtitle={
          <span className="initiative-summary">
            <StatusPill status={i.status} />
            <span>
              Owned by <strong>{i.owner}</strong>
            </span>
            <RiskMeter level={i.risk_level} />
          </span>
        }
        actions={
          editing ? null : (
            <>
              <button
                type="button"
                className="button"
                id="edit-initiative"
                onClick={() => setEditing(true)}
              >
                Edit
              </button>
              {underWay ? (
                <button
                  type="button"
                  className="button"
                  id="open-checkin"
                  onClick={() => setPanel("checkin")}
                >
                  Record check-in
                </button>
              ) : null}
              <button
                type="button"
                className="button"
                id="open-blocker"
                onClick={() => setPanel("blocker")}
              >
                Add blocker
              </button>
            </>
          )
        }
      />
      <div className="detail">
        <div className="detail-main">
          {editing ? (
            <InitiativeEditor initiative={i} onDone={() => setEditing(false)} />
          ) : (
            <Plan initiative={i} />
          )}
          <History history={detail.history} slips={detail.slips} />
        </div>
        <div className="detail-side">
          <Checkins
            initiative={i}
            checkins={detail.checkins}
            week={info.week}
            open={panel === "checkin"}
            onOpen={() => setPanel("checkin")}
            onClose={() => setPanel(null)}
            canRecord={underWay}
          />
          <Blockers
            initiativeId={i.id}
            blockers={detail.blockers}
            open={panel === "blocker"}
            onOpen={() => setPanel("blocker")}
            onClose={() => setPanel(null)}
          />
          <Decisions decisions={detail.decisions} />
        </div>
      </div>
    </div>
  );
}
