import type { Update } from "../api";
import { Sentence } from "./Sentence";
import "./UpdatePreview.css";

/** A stakeholder update as the reader sees it: title, the three lines read first, summary,
 *  then each section. */
export function UpdatePreview({ update }: { update: Update }) {
  return (
    <article className="update" aria-label="The update as it will be sent" id="update-preview">
      <h2 className="update-title">{update.title}</h2>
      {update.brief.shipped ? (
        <ul className="update-brief" id="update-brief">
          <li>
            <strong>Shipped:</strong> <Sentence text={update.brief.shipped} />
          </li>
          <li>
            <strong>In danger:</strong> <Sentence text={update.brief.in_danger} />
          </li>
          <li>
            <strong>Needed from you:</strong> <Sentence text={update.brief.needed} />
          </li>
        </ul>
      ) : null}
      {update.summary.map((p) => (
        <p key={p} className="update-summary">
          <Sentence text={p} />
        </p>
      ))}
      {update.sections.map((s) => (
        <section key={s.key} className={`update-section update-${s.key}`}>
          <h3 className="update-heading">{s.heading}</h3>
          {s.paragraphs.map((p) => (
            <p key={p} className="muted">
              <Sentence text={p} />
            </p>
          ))}
          {s.items.length > 0 ? (
            <ul>
              {s.items.map((item) => (
                <li key={item}>
                  <Sentence text={item} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </article>
  );
}
