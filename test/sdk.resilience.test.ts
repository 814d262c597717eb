import type { LiveProviderOptions } from "@refinedev/pubnub";
import type PubNub from "pubnub";
import { describe, expect, it, vi } from "vitest";
import {
  connected,
  type EmulatorHarness,
  eventually,
  testEmulator,
} from "./helpers/emulatorHarness";
import { ALWAYS_RESYNC, providerHarness } from "./helpers/providerHarness";
import {
  noRetries,
  refusalOptions,
  type SubscribeLoop,
  sendsPresenceCalls,
  subscribeLoops,
} from "./helpers/pubnubVersion";

// The older loop polls PubNub every 3 s after a network failure, and the
// provider confirms a restarted older loop after 2 s without failure.
const RECOVERY = 10_000;

/** Waits until the client is connected and its long-poll is held. */
async function receiving(harness: EmulatorHarness, client: PubNub) {
  await connected(client);
  await eventually(() => expect(harness.emulator.pendingSubscribes).toBe(1));
}

/**
 * {@link receiving}, once the client got a first message (on a channel of
 * its own): pubnub 8's event engine tells its cursor with messages only, and
 * without one the provider resyncs instead of trusting a catch-up.
 */
async function receivingWithCursor(harness: EmulatorHarness, client: PubNub) {
  await receiving(harness, client);
  const warmup = client.channel("warmup").subscription();
  let received = false;
  warmup.onMessage = () => {
    received = true;
  };
  warmup.subscribe();
  for (let tries = 0; tries < 50 && !received; tries++) {
    harness.emulator.publish("warmup", { text: "hello" });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(received).toBe(true);
  await eventually(() => expect(harness.emulator.pendingSubscribes).toBe(1));
}

/** Waits until the provider lost the connection and has it back. */
async function lostAndBack(states: string[]) {
  await eventually(() => expect(states).toContain("reconnecting"));
  await eventually(() => expect(states.at(-1)).toBe("connected"), RECOVERY);
}

const setUp = (client: PubNub, options: LiveProviderOptions = {}) =>
  providerHarness(client, { reconnectDelay: () => 50, ...options });

describe.each(subscribeLoops)(
  "resilience on the real SDK through the emulator, $name subscribe loop",
  (loop: SubscribeLoop) => {
    /** A real client that gives up at the first failure, as after spent retries. */
    const fragileClient = (
      harness: EmulatorHarness,
      options: Record<string, unknown> = {},
    ) => harness.client("bob", { ...noRetries(), ...loop.options, ...options });

    it("should reconnect after a 5xx and deliver the missed event, with no resync", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const { states, listen, errors } = setUp(client);
      const { events: postsEvents } = listen();
      const { events: usersEvents } = listen("resources/users");
      await receivingWithCursor(harness, client);

      harness.emulator.failPendingSubscribes({ status: 500 });
      harness.emulator.publish("resources.posts", {
        type: "deleted",
        payload: { ids: [1] },
      });

      await lostAndBack(states);
      await eventually(() => expect(postsEvents).toHaveLength(1));
      expect(states).toEqual([
        "connecting",
        "connected",
        "reconnecting",
        "connected",
      ]);
      expect(postsEvents[0]).toMatchObject({
        type: "deleted",
        payload: { ids: [1] },
      });
      expect(postsEvents[0]?.meta?.resync).toBeUndefined();
      expect(errors.map((e) => e.category)).toEqual(["connection"]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(usersEvents).toEqual([]);
      expect(postsEvents).toHaveLength(1);
    });

    it("should keep its cursor through reconnects that fail for a while", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const { states, listen } = setUp(client);
      const { events } = listen();
      await receiving(harness, client);
      // A first message tells pubnub 8's event engine's cursor too.
      harness.emulator.publish("resources.posts", {
        type: "updated",
        payload: { ids: [2] },
      });
      await eventually(() => expect(events).toHaveLength(1));
      await eventually(() =>
        expect(harness.emulator.pendingSubscribes).toBe(1),
      );
      harness.emulator.failNext("subscribe", { network: true }, 2);
      harness.emulator.dropConnections();
      await eventually(() => expect(states).toContain("reconnecting"));
      harness.emulator.publish("resources.posts", {
        type: "updated",
        payload: { ids: [3] },
      });
      await eventually(
        () => expect(states.at(-1)).toBe("connected"),
        2 * RECOVERY,
      );
      expect(states.slice(0, 3)).toEqual([
        "connecting",
        "connected",
        "reconnecting",
      ]);
      expect(new Set(states.slice(2, -1))).toEqual(new Set(["reconnecting"]));
      await eventually(() => expect(events).toHaveLength(2));
      expect(events[1]).toMatchObject({
        type: "updated",
        payload: { ids: [3] },
      });
    });

    /** Three `deleted` events missed in an outage, with these options. */
    async function missThree(options: LiveProviderOptions) {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const settings = { resyncJitter: 0, ...options };
      const { events } = setUp(client, settings).listen();
      // A second (so the newest) provider, whose subscribers take no resyncs.
      const { states, listen } = setUp(client, { ...settings, resync: false });
      const { events: withoutResync } = listen();
      await receivingWithCursor(harness, client);
      harness.emulator.failPendingSubscribes({ status: 502 });
      for (const id of [1, 2, 3]) {
        harness.emulator.publish("resources.posts", {
          type: "deleted",
          payload: { ids: [id] },
        });
      }
      await lostAndBack(states);
      await eventually(() => expect(withoutResync).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(withoutResync.flatMap((e) => e.payload.ids)).toEqual([1, 2, 3]);
      return events;
    }

    it("should resync instead of delivering when the catch-up reached catchUpLimit", async () => {
      const events = await missThree({ catchUpLimit: 3 });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: "*", meta: { resync: true } });
    });

    it("should resync after an outage longer than catchUpWindow", async () => {
      const events = await missThree({ catchUpWindow: 0 });
      const resyncs = events.filter((event) => event.meta?.resync);
      expect(resyncs).toHaveLength(1);
    });

    it("should call it connected at the first message when another listener's removal hid the connected status", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      // An app listener that leaves when connected makes pubnub skip the
      // next listener (the provider's) for that status.
      const leaving = {
        status: (status: { category?: string }) => {
          if (status.category === "PNConnectedCategory") {
            client.removeListener(leaving);
          }
        },
      };
      client.addListener(leaving);
      const { states, listen } = setUp(client);
      const { events } = listen();
      await eventually(() =>
        expect(harness.emulator.pendingSubscribes).toBe(1),
      );
      // pubnub 9 to 12 hide it; pubnub 8 iterates over a copy.
      expect(["connecting", "connected"]).toContain(states.at(-1));
      harness.emulator.publish("resources.posts", {
        type: "updated",
        payload: { ids: [1] },
      });
      await eventually(() => expect(events).toHaveLength(1));
      expect(states.at(-1)).toBe("connected");
    });

    it("should resync when the first connection failed: there was no cursor to resume from", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      harness.emulator.failNext("subscribe", { status: 500 });
      const { states, listen } = setUp(client, { resyncJitter: 0 });
      const { events } = listen();
      await lostAndBack(states);
      await eventually(() => expect(events).toHaveLength(1));
      expect(events[0]).toMatchObject({ type: "*", meta: { resync: true } });
    });

    it("should count the messages of every channel on the connection towards catchUpLimit", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const { states, listen } = setUp(client, {
        catchUpLimit: 3,
        resyncJitter: 0,
      });
      const { events } = listen();
      const chat = client.channel("chat").subscription();
      chat.subscribe();
      await receivingWithCursor(harness, client);
      harness.emulator.failPendingSubscribes({ status: 502 });
      harness.emulator.publish("chat", { text: "hi" });
      harness.emulator.publish("chat", { text: "there" });
      harness.emulator.publish("resources.posts", {
        type: "deleted",
        payload: { ids: [1] },
      });
      await lostAndBack(states);
      await eventually(() => expect(events).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(events.map((event) => event.type)).toEqual(["*"]);
      chat.unsubscribe();
    });

    it("should resync after every outage with catchUpLimit: 0, also when PubNub lost the backlog", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const { states, listen } = setUp(client, ALWAYS_RESYNC);
      const { events } = listen();
      await receiving(harness, client);
      harness.emulator.failPendingSubscribes({ status: 502 });
      harness.emulator.publish("resources.posts", {
        type: "deleted",
        payload: { ids: [7] },
      });
      harness.emulator.loseBacklog();
      await lostAndBack(states);
      await eventually(() => expect(events).toHaveLength(1));
      expect(events[0]).toMatchObject({ type: "*", meta: { resync: true } });
    });

    it("should refresh an expired token on 403 and carry on", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness, refusalOptions(loop.name));
      client.setToken("expired-token");
      const getToken = vi.fn(async () => "fresh-token");
      const { states, listen, errors } = setUp(client, { getToken });
      const { events } = listen();
      await receivingWithCursor(harness, client);
      harness.emulator.failPendingSubscribes({ status: 403 });
      await eventually(() => expect(getToken).toHaveBeenCalledTimes(1));
      await eventually(() => expect(states.at(-1)).toBe("connected"), RECOVERY);
      harness.emulator.publish("resources.posts", {
        type: "updated",
        payload: { ids: [1] },
      });
      await eventually(() =>
        expect(events.map((e) => e.type)).toEqual(["updated"]),
      );
      const lastSubscribe = harness.requests("subscribe").at(-1);
      expect(lastSubscribe?.auth).toBe("fresh-token");
      expect(errors).toEqual([]);
    });

    it("should show an error, not a stuck state, on 403 without getToken", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness, refusalOptions(loop.name));
      const { provider, listen, errors } = setUp(client);
      listen();
      await receiving(harness, client);
      harness.emulator.failPendingSubscribes({ status: 403 });
      await eventually(() =>
        expect(provider.connection.getState().status).toBe("error"),
      );
      expect(provider.connection.getState().error?.category).toBe(
        "access-denied",
      );
      expect(errors.map((e) => e.category)).toEqual(["access-denied"]);
    });

    it("should leave every channel on dispose and ignore the client afterwards", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const { provider, listen, states } = setUp(client);
      listen();
      listen("resources/users");
      await connected(client);
      provider.dispose();
      await eventually(() =>
        expect(client.getSubscribedChannels()).toEqual([]),
      );
      if (sendsPresenceCalls(loop.name)) {
        await eventually(() =>
          expect(
            harness
              .requests("leave")
              .flatMap((r) => r.channels)
              .sort(),
          ).toEqual(["resources.posts", "resources.users"]),
        );
      }
      expect(states.at(-1)).toBe("disconnected");

      // The client still works for others, and the disposed provider stays out of it.
      const reconnect = vi.spyOn(client, "reconnect");
      const other = client.channel("elsewhere").subscription();
      other.subscribe();
      await connected(client);
      // Its long-poll is held (pubnub 8 under msw leaves superseded ones too).
      await eventually(() => {
        const last = harness.requests("subscribe").at(-1);
        expect(last?.channels).toEqual(["elsewhere"]);
        expect(last?.timetoken ?? "0").not.toBe("0");
        expect(harness.emulator.pendingSubscribes).toBeGreaterThan(0);
      });
      harness.emulator.failPendingSubscribes({ status: 500 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(reconnect).not.toHaveBeenCalled();
      expect(states.at(-1)).toBe("disconnected");
    });
  },
);
