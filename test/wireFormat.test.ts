import {
  decodeLiveMessage,
  encodeLiveEvent,
  InvalidMessageError,
} from "@refinedev/pubnub";
import { describe, expect, it } from "vitest";

const TIMETOKEN = "17953389572720000";

describe("encodeLiveEvent()", () => {
  it("should write the date as ISO 8601 and keep ids as they are", () => {
    const date = new Date("2026-11-22T10:00:00.000Z");
    expect(
      encodeLiveEvent({
        channel: "resources/posts",
        type: "updated",
        payload: { ids: [1, "2"] },
        date,
        meta: { dataProviderName: "default" },
      }),
    ).toEqual({
      type: "updated",
      payload: { ids: [1, "2"] },
      date: "2026-11-22T10:00:00.000Z",
      meta: { dataProviderName: "default" },
    });
  });

  it("should strip what JSON cannot carry from meta and payload", () => {
    class DocumentNode {
      kind = "Document";
    }
    const cyclic: Record<string, unknown> = { name: "cyclic" };
    cyclic.self = cyclic;
    const message = encodeLiveEvent({
      channel: "resources/posts",
      type: "created",
      payload: { ids: [1], at: new Date(0), nan: Number.NaN, fn: () => 1 },
      date: new Date(0),
      meta: {
        dataProviderName: "cms",
        gqlQuery: new DocumentNode() as never,
        onDone: () => undefined,
        big: 10n,
        symbol: Symbol("s"),
        cyclic,
        route: { id: "7", list: [1, undefined] },
      },
    });
    expect(message.payload).toEqual({
      ids: [1],
      at: "1970-01-01T00:00:00.000Z",
    });
    expect(message.meta).toEqual({
      dataProviderName: "cms",
      cyclic: { name: "cyclic" },
      route: { id: "7", list: [1, null] },
    });
    expect(JSON.parse(JSON.stringify(message))).toEqual(message);
  });

  it("should leave out an empty meta", () => {
    const message = encodeLiveEvent({
      channel: "c",
      type: "deleted",
      payload: { ids: [3] },
      date: new Date(0),
    });
    expect(message).not.toHaveProperty("meta");
  });
});

describe("decodeLiveMessage()", () => {
  it("should accept the minimal message a backend publishes", () => {
    const event = decodeLiveMessage(
      { type: "updated", payload: { ids: [1] } },
      "resources/posts",
      TIMETOKEN,
    );
    expect(event).toEqual({
      channel: "resources/posts",
      type: "updated",
      payload: { ids: [1] },
      date: new Date(1795338957272),
    });
  });

  it("should revive the date as a Date", () => {
    const event = decodeLiveMessage(
      { type: "created", payload: {}, date: "2026-11-22T10:00:00.000Z" },
      "c",
      TIMETOKEN,
    );
    expect(event.date).toBeInstanceOf(Date);
    expect(event.date.toISOString()).toBe("2026-11-22T10:00:00.000Z");
  });

  it("should take only an ISO 8601 date with a time zone", () => {
    for (const [date, expected] of [
      ["2026-11-22T10:00:00Z", "2026-11-22T10:00:00.000Z"],
      ["2026-11-22T11:00:00.5+01:00", "2026-11-22T10:00:00.500Z"],
      ["+275760-09-13T00:00:00.000Z", "+275760-09-13T00:00:00.000Z"],
    ] as const) {
      const event = decodeLiveMessage({ type: "x", date }, "c", TIMETOKEN);
      expect(event.date.toISOString()).toBe(expected);
    }
  });

  it("should fall back to the timetoken for a missing or invalid date", () => {
    for (const date of [
      undefined,
      "yesterday",
      {},
      null,
      12345,
      1795338957272,
      "2026-11-22",
      "2026-11-22T10:00:00",
      "Sun Nov 22 2026",
      "2026-13-45T10:00:00Z",
    ]) {
      const event = decodeLiveMessage({ type: "x", date }, "c", TIMETOKEN);
      expect(event.date.getTime()).toBe(1795338957272);
    }
  });

  it("should default the payload to {} and keep meta", () => {
    const event = decodeLiveMessage(
      { type: "*", meta: { dataProviderName: "cms" } },
      "c",
      TIMETOKEN,
    );
    expect(event.payload).toEqual({});
    expect(event.meta).toEqual({ dataProviderName: "cms" });
  });

  it.each([
    ["a string", "updated"],
    ["a number", 42],
    ["null", null],
    ["an array", [{ type: "updated" }]],
    ["no type", { payload: { ids: [1] } }],
    ["an empty type", { type: "" }],
    ["a numeric type", { type: 1 }],
    ["a string payload", { type: "updated", payload: "1" }],
    ["an array payload", { type: "updated", payload: [1] }],
    ["ids that are not an array", { type: "updated", payload: { ids: 1 } }],
    ["ids holding objects", { type: "updated", payload: { ids: [{}] } }],
    ["ids holding NaN", { type: "updated", payload: { ids: [Number.NaN] } }],
    ["a string meta", { type: "updated", meta: "x" }],
    ["a __proto__ key", JSON.parse('{"type":"updated","__proto__":{"x":1}}')],
    [
      "a nested __proto__ key",
      JSON.parse('{"type":"updated","payload":{"a":{"__proto__":{"x":1}}}}'),
    ],
  ])("should reject %s", (_, message) => {
    expect(() =>
      decodeLiveMessage(message, "resources/posts", TIMETOKEN),
    ).toThrow(InvalidMessageError);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("should say what was wrong and keep what arrived", () => {
    const message = { type: "updated", payload: { ids: "1" } };
    try {
      decodeLiveMessage(message, "resources/posts", TIMETOKEN);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidMessageError);
      expect((error as InvalidMessageError).message).toMatch(/payload\.ids/);
      expect((error as InvalidMessageError).receivedMessage).toBe(message);
      expect((error as InvalidMessageError).category).toBe("invalid-message");
    }
  });
});
