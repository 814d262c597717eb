import type { LiveEvent } from "@refinedev/core";
import { describe, expect, it } from "vitest";
import { coalesceEvents } from "../../src/coalesceEvents";

const channel = "resources/posts";
const at = (second: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, second));
const event = (
  type: string,
  payload: Record<string, unknown>,
  second = 0,
  meta?: Record<string, unknown>,
): LiveEvent => ({
  channel,
  type,
  payload,
  date: at(second),
  ...(meta ? { meta } : {}),
});

describe("coalesceEvents", () => {
  it("should merge a run of one type into one event with the union of ids and the last date", () => {
    const merged = coalesceEvents([
      event("updated", { ids: [1, 2] }, 1),
      event("updated", { ids: ["2", 3] }, 2),
      event("updated", { ids: [4] }, 3),
    ]);
    expect(merged).toEqual([event("updated", { ids: [1, 2, 3, 4] }, 3)]);
  });

  it("should keep other types and payloads separate and in order", () => {
    const events = [
      event("updated", { ids: [1] }),
      event("deleted", { ids: [2] }),
      event("updated", { ids: [3] }),
      event("updated", { ids: [4], field: "title" }),
      event("updated", { ids: [5] }),
    ];
    expect(coalesceEvents(events)).toEqual(events);
  });

  it("should not merge an event without ids (every record) with one that names ids", () => {
    const events = [event("created", {}), event("created", { ids: [7] })];
    expect(coalesceEvents(events)).toEqual(events);
    expect(
      coalesceEvents([event("created", {}), event("created", {}, 4)]),
    ).toEqual([event("created", {}, 4)]);
  });

  it("should not merge events with different meta", () => {
    const events = [
      event("updated", { ids: [1] }, 0, { dataProviderName: "cms" }),
      event("updated", { ids: [2] }, 0, { dataProviderName: "shop" }),
    ];
    expect(coalesceEvents(events)).toEqual(events);
  });

  it("should merge the changed fields of a run, and forget them when one event does not name its own", () => {
    expect(
      coalesceEvents([
        event("updated", { ids: [1], changed: ["title"] }, 1),
        event("updated", { ids: [2], changed: ["title", "author.name"] }, 2),
      ]),
    ).toEqual([
      event("updated", { ids: [1, 2], changed: ["title", "author.name"] }, 2),
    ]);
    expect(
      coalesceEvents([
        event("updated", { ids: [1], changed: ["title"] }, 1),
        event("updated", { ids: [2] }, 2),
        event("updated", { ids: [3], changed: ["status"] }, 3),
      ]),
    ).toEqual([event("updated", { ids: [1, 2, 3] }, 3)]);
  });

  it("should keep events that carry a record, or a changed that is not a list, apart", () => {
    const events = [
      event("updated", { ids: [1], changed: ["title"] }),
      event("updated", { ids: [2], changed: ["title"], data: { id: 2 } }),
      event("updated", { ids: [3], changed: "title" }),
      event("updated", { ids: [4], changed: ["title"] }),
      event("created", { ids: [5], data: { id: 5 } }),
      event("created", { ids: [6], data: { id: 6 } }),
    ];
    expect(coalesceEvents(events)).toEqual(events);
  });

  it("should leave its input alone", () => {
    const events = [
      event("updated", { ids: [1] }),
      event("updated", { ids: [2] }),
    ];
    const copy = structuredClone(events);
    coalesceEvents(events);
    expect(events).toEqual(copy);
  });
});
