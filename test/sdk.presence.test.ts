// Presence through the real SDK and the emulator.
import { liveProvider, type PubNubLiveError } from "@refinedev/pubnub";
import {
  type PresenceMember,
  presenceOf,
  toPresenceChannel,
} from "@refinedev/pubnub/presence";
import type PubNub from "pubnub";
import { describe, expect, it } from "vitest";
import { eventually, testEmulator } from "./helpers/emulatorHarness";
import { sendsPresenceCalls } from "./helpers/pubnubVersion";

const post = { resource: "posts", id: 1 };

function presence(client: PubNub) {
  const errors: PubNubLiveError[] = [];
  const provider = liveProvider(client, {
    releaseDelay: 100,
    onError: (error) => errors.push(error),
  });
  return { presence: presenceOf(provider), errors };
}

const names = (members: PresenceMember[] | undefined) =>
  members?.map(({ userId, state }) => `${userId}:${state.name}`).sort();

describe("presence channels", () => {
  it("should map targets to channels no live channel uses", () => {
    expect(toPresenceChannel(post)).toBe("resources.posts.1");
    expect(toPresenceChannel({ resource: "posts", id: "1" })).toBe(
      "resources.posts.1",
    );
    expect(toPresenceChannel({ resource: "posts" })).toBe(
      "resources.posts.~all",
    );
    expect(toPresenceChannel({ resource: "posts", id: "a.b/c" })).toBe(
      "resources.posts.a~2Eb~2Fc",
    );
    expect(toPresenceChannel(post, "acme")).toBe("acme.resources.posts.1");
    expect(() =>
      toPresenceChannel({ resource: "posts", id: {} as never }),
    ).toThrow(/record id/);
    expect(() =>
      toPresenceChannel({ resource: "posts", id: "x".repeat(80) }),
    ).toThrow(/over 85 characters/);
  });
});

describe("presence on the real SDK", () => {
  it("should show a late watcher who is there, with state, and then who leaves", async () => {
    const harness = testEmulator();
    const alice = presence(harness.client("alice", { presenceTimeout: 10 }));
    const handle = alice.presence.enter(post, { name: "Alice" });
    await eventually(() => expect(harness.joins("alice")).not.toEqual([]));
    const bob = presence(harness.client("bob"));
    const seen: PresenceMember[][] = [];
    bob.presence.watch(post, (members) => seen.push(members));
    await eventually(() =>
      expect(seen.at(-1)).toEqual([
        { userId: "alice", state: { name: "Alice" }, self: false },
      ]),
    );
    expect(bob.presence.getMembers(post)).toEqual(seen.at(-1));
    handle.leave();
    await eventually(() => expect(seen.at(-1)).toEqual([]));
    expect([...alice.errors, ...bob.errors]).toEqual([]);
  });

  it("should send no leave and no second join for StrictMode's leave and enter", async () => {
    const harness = testEmulator();
    const bob = presence(harness.client("bob"));
    const seen: PresenceMember[][] = [];
    bob.presence.watch(post, (members) => seen.push(members));
    const alice = presence(harness.client("alice", { presenceTimeout: 10 }));
    alice.presence.enter(post, {}).leave();
    alice.presence.enter(post, {});
    await eventually(() => expect(seen.at(-1)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.requests("leave")).toEqual([]);
    expect(seen.at(-1)?.map(({ userId }) => userId)).toEqual(["alice"]);
  });

  it("should keep a user present while a second client (tab) of theirs stays", async () => {
    const harness = testEmulator();
    // Heartbeats every 29 s: only the second tab's own join brings it back.
    const tabs = [1, 2].map(() =>
      presence(harness.client("alice", { presenceTimeout: 60 })),
    );
    const [first, second] = tabs.map(({ presence: tab }) => {
      tab.watch(post, () => {});
      return tab.enter(post, { name: "Alice" });
    });
    // Both tabs joined (pubnub 8's event engine sends more join requests).
    await eventually(() =>
      expect(harness.joins("alice").length).toBeGreaterThanOrEqual(2),
    );
    const bob = presence(harness.client("bob"));
    const seen: PresenceMember[][] = [];
    bob.presence.watch(post, (members) => seen.push(members));
    await eventually(() => expect(names(seen.at(-1))).toEqual(["alice:Alice"]));
    const shown = seen.length;

    first?.leave();
    // PubNub removes the user for the first tab's leave; the second joins
    // again, within the time a watcher holds a leave.
    await eventually(() => expect(harness.requests("leave")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(seen.slice(shown).map(names)).not.toContainEqual([]);
    expect(names(seen.at(-1))).toEqual(["alice:Alice"]);
    // ...with the state it had, for watchers that come later.
    const carol = presence(harness.client("carol"));
    const later: PresenceMember[][] = [];
    carol.presence.watch(post, (members) => later.push(members));
    await eventually(() =>
      expect(names(later.at(-1))).toEqual(["alice:Alice"]),
    );

    second?.leave();
    await eventually(() => expect(seen.at(-1)).toEqual([]), 5_000);
    expect(tabs.flatMap(({ errors }) => errors)).toEqual([]);
  });

  it("should leave what a provider entered when it is disposed, and keep what others entered", async () => {
    const harness = testEmulator();
    // Heartbeats keep Alice present for a minute: only a leave removes her.
    const client = harness.client("alice", { presenceTimeout: 60 });
    const errors: PubNubLiveError[] = [];
    const onError = (error: PubNubLiveError) => errors.push(error);
    const loggingOut = liveProvider(client, { releaseDelay: 100, onError });
    const staying = liveProvider(client, { releaseDelay: 100, onError });
    const list = { resource: "posts" };
    const otherPost = { resource: "posts", id: 2 };
    presenceOf(loggingOut).enter(post, { name: "Alice" });
    presenceOf(loggingOut).enter(list, { name: "Alice" });
    presenceOf(staying).enter(otherPost, { name: "Alice" });
    const ownWatcher: PresenceMember[][] = [];
    presenceOf(loggingOut).watch(post, (members) => ownWatcher.push(members));

    const bob = presence(harness.client("bob"));
    const seen = new Map<object, PresenceMember[]>();
    for (const target of [post, list, otherPost]) {
      bob.presence.watch(target, (members) => seen.set(target, members));
    }
    const shown = (target: object) => names(seen.get(target));
    await eventually(() => {
      for (const target of [post, list, otherPost]) {
        expect(shown(target)).toEqual(["alice:Alice"]);
      }
    });
    await eventually(() => expect(names(ownWatcher.at(-1))).toHaveLength(1));

    loggingOut.dispose();
    const calls = ownWatcher.length;
    const left = [post, list].map((target) => toPresenceChannel(target));
    if (sendsPresenceCalls()) {
      // Within the time a leave() takes, far inside the presence timeout.
      await eventually(() => {
        expect(shown(post)).toEqual([]);
        expect(shown(list)).toEqual([]);
      }, 3_000);
      const leaves = harness.requests("leave").flatMap((r) => r.channels);
      expect(leaves).toEqual(expect.arrayContaining(left));
    } else {
      // pubnub 8's event engine sends no leave: it stops subscribing them.
      await eventually(() => {
        const [last] = harness.requests("subscribe").slice(-1);
        expect(last?.channels).not.toContain(left[0]);
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shown(otherPost)).toEqual(["alice:Alice"]);
    expect(ownWatcher).toHaveLength(calls);
    expect(errors).toEqual([]);

    presenceOf(loggingOut).enter(post, { name: "Alice" });
    expect(errors.map(({ category }) => category)).toEqual(["disposed"]);
  });
});
