import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LEAVE_GRACE, MemberList } from "../../src/presence/memberList";

let list: MemberList;
let shown: string[][];

beforeEach(() => {
  vi.useFakeTimers();
  shown = [];
  list = new MemberList(() =>
    shown.push(list.list("me").map(({ userId }) => userId)),
  );
  list.expectSeed();
});
afterEach(() => vi.useRealTimers());

describe("MemberList", () => {
  it("should apply events that came during the here-now to its answer", () => {
    expect(list.receive({ action: "join", uuid: "bob" })).toBe(true);
    expect(list.receive({ action: "timeout", uuid: "carol" })).toBe(true);
    expect(shown).toEqual([]);
    list.seed([{ uuid: "carol" }, { uuid: "me", state: { n: 1 } }]);
    expect(list.list("me")).toEqual([
      { userId: "me", state: { n: 1 }, self: true },
      { userId: "bob", state: {}, self: false },
    ]);
  });

  it("should hold a leave, and show nothing when the user joins again meanwhile", () => {
    list.seed([{ uuid: "alice", state: { name: "Alice" } }]);
    list.receive({ action: "leave", uuid: "alice" });
    vi.advanceTimersByTime(LEAVE_GRACE - 1);
    list.receive({ action: "join", uuid: "alice" });
    vi.advanceTimersByTime(LEAVE_GRACE * 2);
    expect(shown.every((members) => members.includes("alice"))).toBe(true);
    expect(list.list("me")[0]?.state).toEqual({ name: "Alice" });
  });

  it("should remove a member that left after the grace, and a timed-out one at once", () => {
    list.seed([{ uuid: "alice" }, { uuid: "bob" }]);
    list.receive({ action: "leave", uuid: "alice" });
    list.receive({ action: "timeout", uuid: "bob" });
    expect(shown.at(-1)).toEqual(["alice"]);
    vi.advanceTimersByTime(LEAVE_GRACE);
    expect(shown.at(-1)).toEqual([]);
  });

  it("should ask for a here-now on interval events it cannot apply", () => {
    list.seed([{ uuid: "alice" }]);
    expect(list.receive({ action: "interval" })).toBe(false);
    expect(list.receive({ action: "interval", hereNowRefresh: true })).toBe(
      false,
    );
    expect(
      list.receive({ action: "interval", join: ["bob"], leave: ["alice"] }),
    ).toBe(true);
    expect(shown.at(-1)).toEqual(["bob"]);
  });

  it("should wait for the next here-now after one failed", () => {
    list.seedFailed();
    expect(list.known).toBe(false);
    list.expectSeed();
    list.seed([]);
    list.receive({ action: "state-change", uuid: "bob", state: { n: 2 } });
    expect(list.list("me")).toEqual([
      { userId: "bob", state: { n: 2 }, self: false },
    ]);
  });
});
