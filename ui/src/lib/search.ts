// Finding an initiative by what people remember of it: words of its title or its owner.

import type { Initiative } from "../api";

/** Initiatives whose title or owner contains every word of `query`, in priority order. */
export function searchInitiatives(all: readonly Initiative[], query: string): Initiative[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...all];
  return all.filter((i) => {
    const text = `${i.title} ${i.owner}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
