import type { LiveProviderOptions } from "@refinedev/pubnub";
import type PubNub from "pubnub";
import { describe, expect, it, vi } from "vitest";
import {
  connected,
  type EmulatorHarness,
  eventually,
  testEmulator,
} from "./helpers/emulatorHarness";
import { providerHarness } from "./helpers/providerHarness";
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

    it("should reconnect after a 5xx, catch up, and resync each subscription once", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const { states, listen, errors } = setUp(client);
      const { events: postsEvents } = listen();
      const { events: usersEvents } = listen("resources/users");
      await receiving(harness, client);

      harness.emulator.failPendingSubscribes({ status: 500 });
      harness.emulator.publish("resources.posts", {
        type: "updated",
        payload: { ids: [1] },
      });

      await eventually(() => expect(states).toContain("reconnecting"));
      await eventually(() => expect(states.at(-1)).toBe("connected"), RECOVERY);
      await eventually(() =>
        expect(postsEvents.map((e) => e.type).sort()).toEqual(["*", "updated"]),
      );
      expect(states).toEqual([
        "connecting",
        "connected",
        "reconnecting",
        "connected",
      ]);
      expect(usersEvents.map((e) => e.type)).toEqual(["*"]);
      expect(postsEvents.find((e) => e.type === "*")?.meta).toMatchObject({
        resync: true,
      });
      expect(errors.map((e) => e.category)).toEqual(["connection"]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(usersEvents).toHaveLength(1);
    });

    it("should not get stuck when reconnects fail for a while", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const { states, listen } = setUp(client);
      const { events } = listen();
      await receiving(harness, client);
      harness.emulator.failNext("subscribe", { network: true }, 2);
      harness.emulator.dropConnections();
      await eventually(() => expect(states).toContain("reconnecting"));
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
      expect(events.map((e) => e.type)).toEqual(["*"]);
    });

    it("should resync when the backlog was lost during the outage", async () => {
      const harness = testEmulator();
      const client = fragileClient(harness);
      const { states, listen } = setUp(client);
      const { events } = listen();
      await receiving(harness, client);
      harness.emulator.failPendingSubscribes({ status: 502 });
      harness.emulator.publish("resources.posts", {
        type: "deleted",
        payload: { ids: [7] },
      });
      harness.emulator.loseBacklog();
      await eventually(() => expect(states).toContain("reconnecting"));
      await eventually(() => expect(states.at(-1)).toBe("connected"), RECOVERY);
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
      await receiving(harness, client);
      harness.emulator.failPendingSubscribes({ status: 403 });
      await eventually(() => expect(getToken).toHaveBeenCalledTimes(1));
      await eventually(() => expect(states.at(-1)).toBe("connected"), RECOVERY);
      harness.emulator.publish("resources.posts", {
        type: "updated",
        payload: { ids: [1] },
      });
      await eventually(() =>
        expect(events.map((e) => e.type)).toEqual(["*", "updated"]),
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
