// Starting the workspace's screens again from scratch: checked, read and shown anew (after a
// restore put another file in place).

import { createContext, useContext } from "react";

export const RestartContext = createContext<() => void>(() => {});

/** What starts the workspace's screens again. */
export function useRestart(): () => void {
  return useContext(RestartContext);
}
