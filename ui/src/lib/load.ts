// Loading data from the workspace: every view reloads when the app refreshes.

import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

/** Bumped to make every view read the workspace again. */
export const RefreshContext = createContext<{ revision: number; refresh: () => void }>({
  revision: 0,
  refresh: () => {},
});

export function useRefresh(): () => void {
  return useContext(RefreshContext).refresh;
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/** Runs `load` when `key` changes and on every refresh; keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const { revision } = useContext(RefreshContext);
  const [state, setState] = useState<Loaded<T>>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef(key);

  const run = useCallback((fresh: boolean) => {
    let live = true;
    setState((s) => ({ data: fresh ? undefined : s.data, error: undefined, loading: true }));
    loadRef.current().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on key and refresh only
  useEffect(() => {
    const fresh = lastKey.current !== key;
    lastKey.current = key;
    return run(fresh);
  }, [key, revision, run]);

  return state;
}
