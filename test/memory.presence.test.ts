import { liveProvider } from "@refinedev/pubnub";
import { presenceOf } from "@refinedev/pubnub/presence";
import { MemoryNetwork, MemoryPubNub } from "@refinedev/pubnub/testing";
import { describe, expect, it } from "vitest";

/** How long a watcher holds a leave (src/presence/memberList.ts). */
const LEAVE_GRACE = 2_000;

const record = { resource: "posts", id: 1 };

describe("MemoryPubNub presence", () => {
  it("should show members with state, state changes and a crashed user's timeout", async () => {
    const network = new MemoryNetwork();
    const alice = presenceOf(
      liveProvider(new MemoryPubNub({ network, userId: "alice" })),
    );
    const bob = presenceOf(
      liveProvider(new MemoryPubNub({ network, userId: "bob" })),
    );
    const seen: string[][] = [];
    bob.watch(record, (members) =>
      seen.push(members.map((m) => `${m.userId}:${String(m.state.name)}`)),
    );
    const handle = alice.enter(record, { name: "Alice" });
    await network.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await network.flush();
    expect(seen.at(-1)).toEqual(["alice:Alice"]);
    handle.update({ name: "Alice L." });
    await network.flush();
    expect(seen.at(-1)).toEqual(["alice:Alice L."]);
    network.timeout("alice");
    await network.flush();
    expect(seen.at(-1)).toEqual([]);
  });

  it("should keep a user with two tabs present, with state, when one tab leaves", async () => {
    const network = new MemoryNetwork();
    const tab = () =>
      presenceOf(
        liveProvider(new MemoryPubNub({ network, userId: "alice" }), {
          releaseDelay: 0,
        }),
      );
    const [first, second] = [tab(), tab()].map((presence) => {
      presence.watch(record, () => {});
      return presence.enter(record, { name: "Alice" });
    });
    const settle = async () => {
      for (let round = 0; round < 5; round += 1) {
        await network.flush();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    await settle();
    first?.leave();
    await settle();
    const carol = presenceOf(
      liveProvider(new MemoryPubNub({ network, userId: "carol" })),
    );
    const seen: string[][] = [];
    carol.watch(record, (members) =>
      seen.push(members.map((m) => `${m.userId}:${String(m.state.name)}`)),
    );
    await settle();
    expect(seen.at(-1)).toEqual(["alice:Alice"]);
    second?.leave();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, LEAVE_GRACE + 50));
    expect(seen.at(-1)).toEqual([]);
  });
});
