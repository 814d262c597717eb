import type { LiveEvent } from "@refinedev/core";
import { describe, expect, it } from "vitest";
import { matchesFilter, typeFilter, watchedIds } from "../../src/eventFilter";

const event = (type: string, ids?: Array<string | number>): LiveEvent => ({
  channel: "resources/posts",
  type,
  payload: ids === undefined ? {} : { ids },
  date: new Date(),
});

describe("matchesFilter()", () => {
  it("should pass every type for '*' and only listed types otherwise", () => {
    const types = (list: unknown) => ({ types: typeFilter(list) });
    expect(matchesFilter(types(["*"]), event("updated"))).toBe(true);
    expect(matchesFilter(types(["deleted"]), event("updated"))).toBe(false);
    expect(matchesFilter(types(["deleted", "updated"]), event("updated"))).toBe(
      true,
    );
    expect(matchesFilter(types(undefined), event("custom"))).toBe(true);
    expect(matchesFilter(types([]), event("updated"))).toBe(false);
  });

  it("should pass events of type '*' only to subscribers of '*'", () => {
    expect(matchesFilter({ types: typeFilter(["deleted"]) }, event("*"))).toBe(
      false,
    );
    expect(matchesFilter({ types: typeFilter(["*"]) }, event("*"))).toBe(true);
  });

  it("should compare ids as strings", () => {
    expect(matchesFilter({ ids: new Set(["1"]) }, event("updated", [1]))).toBe(
      true,
    );
    expect(
      matchesFilter({ ids: watchedIds({ ids: [1] }) }, event("updated", ["1"])),
    ).toBe(true);
    expect(
      matchesFilter({ ids: new Set(["1"]) }, event("updated", [2, 3])),
    ).toBe(false);
  });

  it("should let created events and events without ids through", () => {
    const ids = new Set(["1"]);
    expect(matchesFilter({ ids }, event("created", [99]))).toBe(true);
    expect(matchesFilter({ ids }, event("updated"))).toBe(true);
  });
});

describe("watchedIds()", () => {
  it("should read params.ids, then params.id, else watch everything", () => {
    expect(watchedIds({ ids: [1, "2"] })).toEqual(new Set(["1", "2"]));
    expect(watchedIds({ ids: [], id: 0 })).toEqual(new Set(["0"]));
    expect(watchedIds({ ids: [] })).toBeUndefined();
    expect(watchedIds({})).toBeUndefined();
    expect(watchedIds(undefined)).toBeUndefined();
  });
});
