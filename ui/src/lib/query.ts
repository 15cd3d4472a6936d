// The app's data: one cache of what the commands read, keyed by command and arguments and
// shared by every view (Home and the Monday review read the same week; every person input
// reads the same people). Writes, `r`, coming back to the window and changes made to the
// workspace file by anyone mark it stale: what is on screen is read again, the rest when it
// is next shown.

import {
  type FetchQueryOptions,
  QueryClient,
  type QueryKey,
  queryOptions,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { api, type Format, type Zoom } from "../api";

/** The cache: read data stays until something marks it stale; a failed read is shown, not
 *  retried (a local file does not get better by asking again). */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Every read of the workspace, each under its command's name and arguments. */
export const reads = {
  workspace: () => queryOptions({ queryKey: ["workspace"], queryFn: api.workspace }),
  people: () => queryOptions({ queryKey: ["people"], queryFn: api.people }),
  board: () => queryOptions({ queryKey: ["board"], queryFn: api.board }),
  initiatives: () => queryOptions({ queryKey: ["initiatives"], queryFn: () => api.initiatives() }),
  initiative: (id: number) =>
    queryOptions({ queryKey: ["initiative", id], queryFn: () => api.initiative(id) }),
  weeklyView: (week: string | null) =>
    queryOptions({ queryKey: ["weeklyView", week], queryFn: () => api.weeklyView(week) }),
  weeklyUpdatePreview: (week: string | null) =>
    queryOptions({
      queryKey: ["weeklyUpdatePreview", week],
      queryFn: () => api.weeklyUpdatePreview(week),
    }),
  keptWeeks: () => queryOptions({ queryKey: ["keptWeeks"], queryFn: api.keptWeeks }),
  sentWeekly: (week: string, format: Format) =>
    queryOptions({
      queryKey: ["sentWeekly", week, format],
      queryFn: () => api.sentWeekly(week, format),
    }),
  roadmap: (month: string | null, zoom: Zoom) =>
    queryOptions({ queryKey: ["roadmap", month, zoom], queryFn: () => api.roadmap(month, zoom) }),
  quarterlyView: (quarter: string | null) =>
    queryOptions({
      queryKey: ["quarterlyView", quarter],
      queryFn: () => api.quarterlyView(quarter),
    }),
  planSession: (quarter: string | null) =>
    queryOptions({
      queryKey: ["planSession", quarter],
      queryFn: () => api.planSession(quarter),
    }),
  releases: () => queryOptions({ queryKey: ["releases"], queryFn: api.releases }),
  release: (id: number) =>
    queryOptions({ queryKey: ["release", id], queryFn: () => api.release(id) }),
  settings: () => queryOptions({ queryKey: ["settings"], queryFn: api.settings }),
  startsAtLogin: () =>
    queryOptions({ queryKey: ["startsAtLogin"], queryFn: api.startsAtLogin, staleTime: 0 }),
  /** The backups beside the workspace: other files, so read each time they are listed. */
  backups: () => queryOptions({ queryKey: ["backups"], queryFn: api.backups, staleTime: 0 }),
};

/** Marks everything read as stale, after a write or when the workspace changed outside. */
export function useRefresh(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries();
  }, [client]);
}

/** Once `ready`, reads `read()` into the cache when the window is next idle, unless it is
 *  there already: the view it feeds, likely to be opened next, then renders from the cache
 *  instead of first waiting for its command. */
export function usePrefetchWhenIdle<T, K extends QueryKey>(
  read: () => FetchQueryOptions<T, Error, T, K>,
  ready: boolean,
): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!ready) return;
    return whenIdle(() => void client.prefetchQuery(read()));
  }, [client, read, ready]);
}

/** Runs `task` once the window is idle; returns what cancels it. */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(task, { timeout: IDLE_AT_LATEST });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 0);
  return () => window.clearTimeout(id);
}

/** How long an idle task waits at most for the window to be idle, in milliseconds. */
const IDLE_AT_LATEST = 1000;
