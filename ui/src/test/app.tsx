// Rendering a piece of the app in a test: the data cache and toasts around it, and the Rust
// side answered by a fake IPC that records every command the UI sends.

import { QueryClientProvider } from "@tanstack/react-query";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterEach } from "vitest";
import type { AppError_Serialize } from "../bindings";
import { ToastProvider } from "../components/Toast";
import { newQueryClient } from "../lib/query";
import "./dialog";

/** A command the UI sent: its name and arguments. */
export interface Sent {
  cmd: string;
  args: Record<string, unknown>;
}

/** What a fake command answers: a value, or a refusal as the Rust side sends one. */
export type Answer = (args: Record<string, unknown>) => unknown;

/** A refusal of bad input, as the core words it. */
export class Refusal {
  constructor(readonly error: AppError_Serialize) {}
}

/** Answers the commands in `answers` (any other fails the test) and records what was sent. */
export function fakeRust(answers: Record<string, Answer>): Sent[] {
  const sent: Sent[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    sent.push({ cmd, args });
    const answer = answers[cmd];
    if (!answer) throw new Error(`the test has no answer for ${cmd}`);
    const value = answer(args);
    if (value instanceof Refusal) return Promise.reject(value.error);
    return value;
  });
  return sent;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

/** Renders `ui` as the app would hold it. */
export function renderInApp(ui: ReactElement) {
  return render(
    <QueryClientProvider client={newQueryClient()}>
      <ToastProvider>{ui}</ToastProvider>
    </QueryClientProvider>,
  );
}
