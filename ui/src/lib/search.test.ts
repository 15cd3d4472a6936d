import { describe, expect, it } from "vitest";
import type { Initiative } from "../api";
import { searchInitiatives } from "./search";

const initiative = (id: number, title: string, owner: string) =>
  ({ id, title, owner }) as Initiative;

const all = [
  initiative(1, "Billing v2", "Tomás Silva"),
  initiative(2, "Search relevance", "Ada Byrne"),
  initiative(3, "Billing export", "Ada Byrne"),
];

describe("searchInitiatives", () => {
  it("finds by every word, in title or owner, ignoring case", () => {
    expect(searchInitiatives(all, "billing ada").map((i) => i.id)).toEqual([3]);
    expect(searchInitiatives(all, "BILLING").map((i) => i.id)).toEqual([1, 3]);
    expect(searchInitiatives(all, "silva").map((i) => i.id)).toEqual([1]);
  });

  it("lists everything for an empty query and nothing for an unknown word", () => {
    expect(searchInitiatives(all, "   ")).toHaveLength(3);
    expect(searchInitiatives(all, "payroll")).toEqual([]);
  });
});
