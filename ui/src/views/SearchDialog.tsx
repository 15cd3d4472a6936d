import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { StatusPill } from "../components/Badges";
import { Dialog } from "../components/Dialog";
import { ErrorNote } from "../components/States";
import { trackLabel } from "../lib/format";
import { reads } from "../lib/query";
import { searchInitiatives } from "../lib/search";
import "./SearchDialog.css";

interface Props {
  onClose: () => void;
  onPick: (id: number) => void;
}

/** Finds an initiative by words of its title or owner; arrows move, Enter opens. */
export function SearchDialog({ onClose, onPick }: Props) {
  const all = useQuery(reads.initiatives());
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState(0);
  const found = useMemo(() => searchInitiatives(all.data ?? [], query), [all.data, query]);
  const selected = found[Math.min(index, found.length - 1)];

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setIndex((i) => Math.min(i + 1, found.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setIndex((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter" && selected) {
      e.preventDefault();
      onPick(selected.id);
    }
  };

  return (
    <Dialog title="Search initiatives" onClose={onClose}>
      <div className="search">
        <input
          className="input search-input"
          id="search-input"
          placeholder="Title or owner…"
          aria-label="Search initiatives by title or owner"
          aria-controls="search-results"
          aria-activedescendant={selected ? `search-${selected.id}` : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={onKey}
          autoFocus
        />
        {all.error ? <ErrorNote error={all.error} /> : null}
        <div className="search-results" id="search-results" role="listbox">
          {found.map((i) => (
            <div
              key={i.id}
              id={`search-${i.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={i.id === selected?.id}
              className="search-result"
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(i.id);
              }}
            >
              <span className="search-title">{i.title}</span>
              <span className="muted">
                {i.owner} · {trackLabel(i.track)}
              </span>
              <StatusPill status={i.status} />
            </div>
          ))}
          {all.data && found.length === 0 ? (
            <p className="search-none muted">No initiative matches “{query}”.</p>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
