import type { Initiative } from "../../api";
import { RiskMeter } from "../../components/Badges";
import { formatDate, riskLabel } from "../../lib/format";
import { bucketLabel } from "../releases/releaseText";

/** The initiative's plan as it stands: why, how it is measured, its timeline and its risk. */
export function Plan({ initiative: i }: { initiative: Initiative }) {
  const none = <span className="muted">Not stated</span>;
  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 className="panel-title" id="plan-title">
        Plan
      </h2>
      <dl className="facts">
        <div className="fact fact-wide">
          <dt>Business outcome</dt>
          <dd>{i.outcome ?? none}</dd>
        </div>
        <div className="fact fact-wide">
          <dt>Measure of success</dt>
          <dd>{i.measure ?? none}</dd>
        </div>
        {i.result ? (
          <div className="fact fact-wide">
            <dt>Result</dt>
            <dd>{i.result}</dd>
          </div>
        ) : null}
        <div className="fact">
          <dt>Start</dt>
          <dd>{i.start_date ? formatDate(i.start_date) : none}</dd>
        </div>
        <div className="fact">
          <dt>Target</dt>
          <dd className="date-strong" id="plan-target">
            {i.target_date ? formatDate(i.target_date) : none}
          </dd>
        </div>
        <div className="fact">
          <dt>Backup</dt>
          <dd className="date-strong" id="plan-backup">
            {i.backup_date ? formatDate(i.backup_date) : none}
          </dd>
        </div>
        <div className="fact fact-wide">
          <dt>Main risk</dt>
          <dd>
            {i.risk ?? none}
            {i.risk_level ? (
              <span className="fact-aside" title={`${riskLabel(i.risk_level)} risk`}>
                <RiskMeter level={i.risk_level} />
              </span>
            ) : null}
          </dd>
        </div>
        <div className="fact fact-wide">
          <dt>Mitigation</dt>
          <dd>{i.mitigation ?? none}</dd>
        </div>
        {i.track === "release" ? (
          <div className="fact fact-wide">
            <dt>Release pain it addresses</dt>
            <dd id="plan-addresses">{i.addresses ? bucketLabel(i.addresses) : none}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
