// The emulator's presence, checked with the real SDK against the facts in
// ../shared/reference/pubnub-presence.md (each test names the ones it checks).
import type PubNub from "pubnub";
import { describe, expect, it } from "vitest";
import {
  connected,
  type EmulatorHarness,
  eventually,
  testEmulator,
} from "./helpers/emulatorHarness";

const channel = "resources.posts.1";

interface PresenceEvent {
  action: string;
  uuid?: string;
  occupancy?: number;
  state?: unknown;
}

/** A client that watches `channel`'s presence without joining it (§0.1, §6). */
async function watcher(harness: EmulatorHarness) {
  const client = harness.client("watcher");
  const events: PresenceEvent[] = [];
  const subscription = client.channel(`${channel}-pnpres`).subscription();
  subscription.onPresence = (event) => events.push(event as PresenceEvent);
  const ready = connected(client);
  subscription.subscribe();
  await ready;
  return { client, events };
}

/** A client that joins `channel`, heartbeating every second (§0.3). */
async function member(
  harness: EmulatorHarness,
  userId: string,
): Promise<PubNub> {
  const client = harness.client(userId, { presenceTimeout: 4 });
  const ready = connected(client);
  client.channel(channel).subscription().subscribe();
  await ready;
  return client;
}

async function hereNow(client: PubNub) {
  const answer = await client.hereNow({
    channels: [channel],
    includeState: true,
  });
  return answer.channels[channel]?.occupants ?? [];
}

describe("the emulator's presence, through the real SDK", () => {
  it("should announce a join to watchers, and not count watchers as members (§0.1, §1, §10.2)", async () => {
    const harness = testEmulator();
    const watching = await watcher(harness);
    await member(harness, "alice");
    await eventually(() =>
      expect(watching.events).toContainEqual(
        expect.objectContaining({ action: "join", uuid: "alice" }),
      ),
    );
    const occupants = await hereNow(watching.client);
    expect(occupants.map(({ uuid }) => uuid)).toEqual(["alice"]);
    expect(
      harness.requests("heartbeat").some((r) => r.userId === "watcher"),
    ).toBe(false);
  });

  it("should send a state-change with the new state, and return it from here-now and get-state (§0.5, §0.7, §2, §10.3)", async () => {
    const harness = testEmulator();
    const watching = await watcher(harness);
    const alice = await member(harness, "alice");
    await alice.setState({ channels: [channel], state: { editing: true } });
    await eventually(() =>
      expect(watching.events).toContainEqual(
        expect.objectContaining({
          action: "state-change",
          uuid: "alice",
          state: { editing: true },
        }),
      ),
    );
    expect(await hereNow(watching.client)).toEqual([
      { uuid: "alice", state: { editing: true } },
    ]);
    const { channels } = await watching.client.getState({
      uuid: "alice",
      channels: [channel],
    });
    expect(channels[channel]).toEqual({ editing: true });
  });

  it("should remove a member that leaves at once, with a leave event (§0.10, §10.4)", async () => {
    const harness = testEmulator();
    const watching = await watcher(harness);
    const alice = await member(harness, "alice");
    await eventually(() => expect(watching.events).toHaveLength(1));
    alice.unsubscribeAll();
    await eventually(() =>
      expect(watching.events.at(-1)).toMatchObject({
        action: "leave",
        uuid: "alice",
        occupancy: 0,
      }),
    );
    expect(await hereNow(watching.client)).toEqual([]);
  });

  it("should time out a client that vanished without leaving (§0.10, §1, §10.4)", async () => {
    const harness = testEmulator();
    const watching = await watcher(harness);
    const alice = await member(harness, "alice");
    await eventually(() => expect(watching.events).toHaveLength(1));
    alice.destroy(true);
    await eventually(
      () =>
        expect(watching.events.at(-1)).toMatchObject({
          action: "timeout",
          uuid: "alice",
        }),
      8_000,
    );
    expect(harness.requests("leave")).toEqual([]);
  });

  it("should keep a live member present past its timeout while it heartbeats (§1, §10.1)", async () => {
    const harness = testEmulator();
    const watching = await watcher(harness);
    await member(harness, "alice");
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(watching.events.map(({ action }) => action)).toEqual(["join"]);
    expect((await hereNow(watching.client)).map(({ uuid }) => uuid)).toEqual([
      "alice",
    ]);
  });

  it("should count one userId in two clients once (§0.2, §1)", async () => {
    const harness = testEmulator();
    const watching = await watcher(harness);
    await member(harness, "alice");
    await member(harness, "alice");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watching.events.map(({ action }) => action)).toEqual(["join"]);
    expect(await hereNow(watching.client)).toHaveLength(1);
  });

  it("should cap the presence timeout with maxPresenceTimeout, for tests (§1)", async () => {
    const harness = testEmulator({ maxPresenceTimeout: 2 });
    const watching = await watcher(harness);
    const alice = harness.client("alice", { presenceTimeout: 20 });
    const ready = connected(alice);
    alice.channel(channel).subscription().subscribe();
    await ready;
    await eventually(() => expect(watching.events).toHaveLength(1));
    const crashed = Date.now();
    alice.destroy(true);
    await eventually(() =>
      expect(watching.events.at(-1)).toMatchObject({ action: "timeout" }),
    );
    expect(Date.now() - crashed).toBeLessThan(4_000);
  });

  it("should answer here-now for several channels in the payload shape, and without uuids (§2, §10.6)", async () => {
    const harness = testEmulator();
    const watching = await watcher(harness);
    await member(harness, "alice");
    const both = await watching.client.hereNow({
      channels: [channel, "resources.posts.2"],
    });
    expect(both.totalOccupancy).toBe(1);
    expect(Object.keys(both.channels)).toEqual([channel]);
    const counts = await watching.client.hereNow({
      channels: [channel],
      includeUUIDs: false,
    });
    expect(counts.channels[channel]?.occupancy).toBe(1);
    expect(counts.channels[channel]?.occupants).toEqual([]);
  });

  it("should refuse here-now and state without a token under Access Manager (§8)", async () => {
    const harness = testEmulator({ accessManager: true });
    const client = harness.client("alice");
    for (const call of [
      () => client.hereNow({ channels: [channel] }),
      () => client.getState({ channels: [channel] }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        status: { statusCode: 403 },
      });
    }
  });

  it("should switch to interval events above Announce Max (§0.8, §3, §10.7)", async () => {
    const harness = testEmulator({ presence: { announceMax: 2, interval: 1 } });
    const watching = await watcher(harness);
    for (const userId of ["alice", "bob", "carol"]) {
      await member(harness, userId);
    }
    await eventually(() =>
      expect(watching.events.at(-1)).toMatchObject({
        action: "interval",
        occupancy: 3,
      }),
    );
    const joins = watching.events.filter(({ action }) => action === "join");
    expect(joins.map(({ uuid }) => uuid)).toEqual(["alice", "bob"]);
    expect(watching.events.at(-1)).not.toHaveProperty("join");
  });

  it("should list who changed in interval events with Presence Deltas (§3, §10.7)", async () => {
    const harness = testEmulator({
      presence: { announceMax: 1, interval: 1, presenceDeltas: true },
    });
    const watching = await watcher(harness);
    await member(harness, "alice");
    const bob = await member(harness, "bob");
    await eventually(() =>
      expect(watching.events).toContainEqual(
        expect.objectContaining({ action: "interval", join: ["bob"] }),
      ),
    );
    bob.unsubscribeAll();
    // Back at Announce Max: one last interval event with the leave.
    await eventually(() =>
      expect(watching.events.at(-1)).toMatchObject({
        action: "interval",
        occupancy: 1,
        leave: ["bob"],
      }),
    );
    const alice = harness.client("alice-2");
    const ready = connected(alice);
    alice.channel(channel).subscription().subscribe();
    await ready;
    await eventually(() =>
      expect(watching.events).toContainEqual(
        expect.objectContaining({ action: "interval", occupancy: 2 }),
      ),
    );
  });
});
