import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useSubmit } from "./submit";

describe("useSubmit", () => {
  it("keeps the failure for the fields and clears it after a success", async () => {
    let fail = true;
    const { result } = renderHook(() =>
      useSubmit(async () => {
        if (fail) throw new Error("owner: names a team");
      }),
    );
    await act(() => result.current.submit());
    expect(result.current.error).toBeInstanceOf(Error);
    expect(result.current.busy).toBe(false);
    fail = false;
    await act(() => result.current.submit());
    expect(result.current.error).toBeNull();
  });

  it("runs the action once while it is running", async () => {
    let calls = 0;
    let finish = () => {};
    const { result } = renderHook(() =>
      useSubmit(() => {
        calls += 1;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      }),
    );
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.submit();
    });
    expect(result.current.busy).toBe(true);
    await act(() => result.current.submit());
    expect(calls).toBe(1);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current.busy).toBe(false);
  });
});
