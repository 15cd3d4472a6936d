import type { ReactNode } from "react";
import "./Tiles.css";

/** A row of figures, each a large number over its label. */
export function Tiles({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <ul className="tiles" id={id} aria-label={label}>
      {children}
    </ul>
  );
}

/** One figure of a row of tiles; `kind` colours its top edge (`on-track`, `at-risk`…). */
export function Tile({
  id,
  kind,
  label,
  value,
}: {
  id: string;
  kind: string;
  label: string;
  value: number;
}) {
  return (
    <li className={`tile tile-${kind}`} id={id}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </li>
  );
}
