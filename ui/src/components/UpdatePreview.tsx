import type { Update } from "../api";

/** A stakeholder update as the reader sees it: title, summary, then each section. */
export function UpdatePreview({ update }: { update: Update }) {
  return (
    <article className="update" aria-label="The update as it will be sent" id="update-preview">
      <h2 className="update-title">{update.title}</h2>
      {update.summary.map((p) => (
        <p key={p} className="update-summary">
          {p}
        </p>
      ))}
      {update.sections.map((s) => (
        <section key={s.key} className={`update-section update-${s.key}`}>
          <h3 className="update-heading">{s.heading}</h3>
          {s.paragraphs.map((p) => (
            <p key={p} className="muted">
              {p}
            </p>
          ))}
          {s.items.length > 0 ? (
            <ul>
              {s.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </article>
  );
}
