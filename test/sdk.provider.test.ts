import { toPubNubChannel } from "@refinedev/pubnub";
import { describe, expect, it, vi } from "vitest";
import { connected, eventually, testEmulator } from "./helpers/emulatorHarness";
import { providerHarness } from "./helpers/providerHarness";
import { sendsPresenceCalls } from "./helpers/pubnubVersion";

const posts = "resources/posts";
const date = new Date("2026-11-22T10:00:00.000Z");

const providerOn = providerHarness;

describe("liveProvider on the real SDK through the emulator", () => {
  it("should deliver refine events between clients, with Date and meta", async () => {
    const harness = testEmulator();
    const alice = providerOn(harness.client("alice"));
    const bobClient = harness.client("bob");
    const bob = providerOn(bobClient);
    const { events } = bob.listen();
    await connected(bobClient);
    alice.provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
      meta: {
        dataProviderName: "cms",
        gqlQuery: new (class Doc {})() as never,
      },
    });
    await eventually(() => expect(events).toHaveLength(1));
    expect(events[0]).toEqual({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
      meta: { dataProviderName: "cms" },
    });
    expect(alice.errors).toEqual([]);
  });

  it("should share one session between the providers of a client: one status listener, no echo", async () => {
    const harness = testEmulator();
    const client = harness.client("alice");
    const addListener = vi.spyOn(client, "addListener");
    const first = providerOn(client);
    const second = providerOn(client);
    expect(addListener).toHaveBeenCalledTimes(1);
    const otherTabClient = harness.client("alice");
    const bothConnected = Promise.all([
      connected(client),
      connected(otherTabClient),
    ]);
    const otherTab = providerOn(otherTabClient).listen();
    const own = first.listen();
    await bothConnected;
    second.provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
    });
    await eventually(() => expect(otherTab.events).toHaveLength(1));
    // The same message reached the publishing client too, and was dropped there.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(own.events).toEqual([]);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it("should deliver a backend's minimal message, dated by its timetoken", async () => {
    const harness = testEmulator();
    const client = harness.client("bob");
    const { listen } = providerOn(client);
    const { events } = listen();
    await connected(client);
    const backend = harness.client("server");
    const { timetoken } = await backend.publish({
      channel: "resources.posts",
      message: { type: "updated", payload: { ids: [1] } },
    });
    await eventually(() => expect(events).toHaveLength(1));
    expect(events[0]?.date.getTime()).toBe(Number(BigInt(timetoken) / 10_000n));
  });

  it("should filter by ids as strings and pass created events", async () => {
    const harness = testEmulator();
    const client = harness.client("bob");
    const { listen } = providerOn(client);
    const { events } = listen(posts, { params: { ids: ["2"], id: "2" } });
    await connected(client);
    const backend = harness.client("server");
    for (const message of [
      { type: "updated", payload: { ids: [1] } },
      { type: "updated", payload: { ids: [2] } },
      { type: "created", payload: { ids: [3] } },
    ]) {
      await backend.publish({ channel: "resources.posts", message });
    }
    await eventually(() => expect(events).toHaveLength(2));
    expect(events.map((e) => e.payload.ids)).toEqual([[2], [3]]);
  });

  it("should share one channel and leave only when the last subscriber goes", async () => {
    const harness = testEmulator();
    const client = harness.client("bob");
    const { provider, listen } = providerOn(client);
    const a = listen();
    const b = listen();
    await connected(client);
    provider.unsubscribe(a.handle);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.requests("leave")).toEqual([]);
    await harness.client("server").publish({
      channel: "resources.posts",
      message: { type: "deleted", payload: { ids: [1] } },
    });
    await eventually(() => expect(b.events).toHaveLength(1));
    expect(a.events).toHaveLength(0);
    provider.unsubscribe(b.handle);
    await eventually(() => expect(client.getSubscribedChannels()).toEqual([]));
    if (sendsPresenceCalls()) {
      await eventually(() =>
        expect(harness.requests("leave").map((r) => r.channels)).toEqual([
          ["resources.posts"],
        ]),
      );
    }
  });

  it("should not leave or resubscribe on StrictMode's double effect", async () => {
    const harness = testEmulator();
    const client = harness.client("bob");
    const { provider, listen } = providerOn(client, { releaseDelay: 100 });
    const first = listen();
    provider.unsubscribe(first.handle);
    const second = listen();
    await connected(client);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(harness.requests("leave")).toEqual([]);
    expect(harness.joins()).toHaveLength(1);
    await harness.client("server").publish({
      channel: "resources.posts",
      message: { type: "updated", payload: { ids: [1] } },
    });
    await eventually(() => expect(second.events).toHaveLength(1));
    expect(first.events).toHaveLength(0);
  });

  it("should not echo a provider's own events, but reach the same user's other tab", async () => {
    const harness = testEmulator();
    const tab1Client = harness.client("alice");
    const tab2Client = harness.client("alice");
    const tab1 = providerOn(tab1Client);
    const tab2 = providerOn(tab2Client);
    const own = tab1.listen();
    const other = tab2.listen();
    await Promise.all([connected(tab1Client), connected(tab2Client)]);
    tab1.provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1] },
      date,
    });
    await eventually(() => expect(other.events).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(own.events).toHaveLength(0);
  });

  it("should drop malformed and foreign messages and keep going", async () => {
    const harness = testEmulator();
    const client = harness.client("bob");
    const { listen, errors } = providerOn(client);
    const { events } = listen();
    await connected(client);
    const backend = harness.client("server");
    for (const message of [
      "hello",
      42,
      [1, 2],
      { text: "a chat message" },
      { type: "updated", payload: { ids: "1" } },
      JSON.parse('{"type":"updated","__proto__":{"polluted":true}}'),
      { type: "updated", payload: { ids: [1] } },
    ]) {
      await backend.publish({ channel: "resources.posts", message });
    }
    await eventually(() => expect(events).toHaveLength(1));
    expect(errors.map((e) => e.category)).toEqual(
      Array(6).fill("invalid-message"),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("should carry awkward channel names through the real SDK", async () => {
    const harness = testEmulator();
    const aliceClient = harness.client("alice");
    const bobClient = harness.client("bob");
    const alice = providerOn(aliceClient, { namespace: "app" });
    const bob = providerOn(bobClient, { namespace: "app" });
    const channels = [
      "resources/blog posts",
      "resources/a,b",
      "resources/v1.posts",
      "resources/v1/posts",
      "time:12:00",
      "resources/статьи 記事 🎉",
    ];
    const listeners = channels.map((channel) => bob.listen(channel));
    await connected(bobClient);
    for (const channel of channels) {
      alice.provider.publish({
        channel,
        type: "updated",
        payload: { ids: [channel] },
        date,
      });
    }
    await eventually(() =>
      expect(listeners.map((l) => l.events.length)).toEqual(
        channels.map(() => 1),
      ),
    );
    listeners.forEach((listener, index) => {
      expect(listener.events[0]?.channel).toBe(channels[index]);
      expect(listener.events[0]?.payload.ids).toEqual([channels[index]]);
    });
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
    expect(harness.requests("publish").map((r) => r.channels[0])).toContain(
      toPubNubChannel("resources/a,b", "app"),
    );
  });

  it("should shrink oversized events so PubNub takes them", async () => {
    const harness = testEmulator();
    const alice = providerOn(harness.client("alice"));
    const bobClient = harness.client("bob");
    const bob = providerOn(bobClient);
    const { events } = bob.listen();
    await connected(bobClient);
    alice.provider.publish({
      channel: posts,
      type: "updated",
      payload: { ids: [1], body: "x".repeat(40_000) },
      date,
      meta: { dataProviderName: "default", notes: "y".repeat(40_000) },
    });
    await eventually(() => expect(events).toHaveLength(1));
    expect(events[0]?.payload).toEqual({ ids: [1] });
    expect(events[0]?.meta).toEqual({ dataProviderName: "default" });
    expect(alice.errors).toEqual([]);
  });

  it("should report a failed publish without an unhandled rejection", async () => {
    const harness = testEmulator();
    const alice = providerOn(harness.client("alice"));
    harness.emulator.failNext("publish", { status: 403 });
    alice.provider.publish({
      channel: posts,
      type: "updated",
      payload: {},
      date,
    });
    await eventually(() => expect(alice.errors).toHaveLength(1));
    expect(alice.errors[0]).toMatchObject({
      category: "publish",
      statusCode: 403,
      pubnubCategory: "PNAccessDeniedCategory",
    });
  });

  it("should leave publishing to the backend on a client without a publish key: no request, no error", async () => {
    const harness = testEmulator();
    const reader = providerOn(
      harness.client("reader", { publishKey: undefined }),
    );
    const writer = providerOn(harness.client("writer"));
    for (const { provider } of [reader, writer]) {
      provider.publish({ channel: posts, type: "created", payload: {}, date });
    }
    await eventually(() => expect(harness.requests("publish")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.requests("publish")).toHaveLength(1);
    expect(reader.errors).toEqual([]);
  });

  it("should hand a burst from one long-poll response to each subscriber as one event", async () => {
    const harness = testEmulator();
    const client = harness.client("bob");
    const { provider, listen } = providerOn(client);
    const list = listen();
    const calls: unknown[] = [];
    const record = provider.subscribe({
      channel: posts,
      types: ["*"],
      params: { id: 4 },
      callback: (event) => calls.push(event.payload.ids),
    });
    await connected(client);
    const pubnubChannel = toPubNubChannel(posts);
    for (let id = 1; id <= 10; id++) {
      harness.emulator.publish(pubnubChannel, {
        type: "updated",
        payload: { ids: [id] },
      });
    }
    harness.emulator.publish(pubnubChannel, {
      type: "deleted",
      payload: { ids: [11] },
    });
    await eventually(() => expect(list.events).toHaveLength(2));
    expect(list.events.map(({ type, payload }) => [type, payload])).toEqual([
      ["updated", { ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }],
      ["deleted", { ids: [11] }],
    ]);
    // A record's subscriber hears once, of the ids it watches.
    expect(calls).toEqual([[4]]);
    provider.unsubscribe(record);
  });

  it("should deliver a burst event by event with coalesce: false", async () => {
    const harness = testEmulator();
    const client = harness.client("bob");
    const { listen } = providerOn(client, { coalesce: false });
    const list = listen();
    await connected(client);
    for (let id = 1; id <= 3; id++) {
      harness.emulator.publish(toPubNubChannel(posts), {
        type: "updated",
        payload: { ids: [id] },
      });
    }
    await eventually(() => expect(list.events).toHaveLength(3));
    expect(list.events.map(({ payload }) => payload.ids)).toEqual([
      [1],
      [2],
      [3],
    ]);
  });
});
