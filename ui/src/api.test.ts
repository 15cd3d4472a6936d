import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { ApiError, api, apiError } from "./api";
import "./test/app";

describe("a command's failure", () => {
  it("keeps the core's code, message and field", () => {
    const e = apiError({ code: "invalid", message: "names a team", field: "owner" });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.field, e.message]).toEqual(["invalid", "owner", "names a team"]);
  });

  it("reads Tauri's refusal of an argument as a refusal of the field the core names", async () => {
    const refused =
      "invalid args `checkin` for command `record_checkin`: health: 'fine' is not one of: " +
      "on-track, at-risk, off-track";
    mockIPC(() => Promise.reject(refused));
    const e: unknown = await api
      .recordCheckin({ initiative_id: 3, health: "on-track" })
      .catch((x: unknown) => x);
    if (!(e instanceof ApiError)) throw new Error(`not an ApiError: ${String(e)}`);
    expect([e.code, e.field, e.message]).toEqual([
      "invalid",
      "health",
      "'fine' is not one of: on-track, at-risk, off-track",
    ]);
  });

  it("names the argument when serde's message names no field, and keeps other text whole", () => {
    const bare = apiError(
      "invalid args `cause` for command `slip_release`: unknown variant `slow`, expected one of " +
        "`build-test`, `handoff`",
    );
    expect([bare.code, bare.field]).toEqual(["invalid", "cause"]);
    expect(bare.message).toBe("unknown variant `slow`, expected one of `build-test`, `handoff`");
    const other = apiError("the window is gone");
    expect([other.code, other.field, other.message]).toEqual([
      "internal",
      null,
      "the window is gone",
    ]);
  });
});
